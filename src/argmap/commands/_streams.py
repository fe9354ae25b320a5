"""Where verbs read and write: files, or standard input / output for ``-``.

``-`` always means the standard stream, never a file of that name (write ``./-`` for one).
Standard input is read once per command and may be named once. Files are written atomically
(a temporary file, then a rename); a problem writing is one :class:`InputError` line.
"""

from __future__ import annotations

import os
import sys

import click

from argmap.errors import InputError
from argmap.io import atomic_write, read_bytes

STDIO = "-"
STDIN_NAME = "<stdin>"
STDOUT_NAME = "<stdout>"


def display_name(path: str) -> str:
    """How errors name an input: the path, or ``<stdin>`` for ``-``.

    Example:
        >>> display_name("-"), display_name("essay.txt")
        ('<stdin>', 'essay.txt')
    """
    return STDIN_NAME if path == STDIO else path


def read_input(path: str) -> bytes:
    """The bytes of a FILE argument (``-``: all of standard input, read once per command)."""
    if path != STDIO:
        return read_bytes(path)
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    if "argmap.stdin" not in meta:
        meta["argmap.stdin"] = sys.stdin.buffer.read()
    data: bytes = meta["argmap.stdin"]
    return data


def refuse_repeated_stdin(paths: list[str] | tuple[str, ...]) -> None:
    """Standard input holds one input; naming ``-`` twice is an error."""
    if list(paths).count(STDIO) > 1:
        raise InputError(STDIN_NAME, "standard input ('-') can be given only once")


def write_output(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically, or to standard output when ``path`` is ``-``."""
    if os.fspath(path) == STDIO:
        click.echo(data, nl=False)
        return
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None


def output_folder(path: str) -> str:
    """``path`` as a folder to write into: it must be one, or not exist yet."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise InputError(path, "exists and is not a folder (give -o a folder)")
    return path
