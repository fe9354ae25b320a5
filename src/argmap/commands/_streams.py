"""Where verbs read and write: files, or standard input / output for ``-``.

``-`` always means the standard stream, never a file of that name (write ``./-`` for one).
Standard input is read once per command and may be named once. Files are written atomically
(a temporary file, then a rename); a problem writing is one :class:`InputError` line.
Only click and argmap's errors are imported at the top: the CLI itself uses this module.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import click

from argmap.errors import InputError

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
        from argmap.io import read_bytes

        return read_bytes(path)
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    if "argmap.stdin" not in meta:
        from argmap.io import read_limited

        meta["argmap.stdin"] = read_limited(sys.stdin.buffer, STDIN_NAME)
    data: bytes = meta["argmap.stdin"]
    return data


def refuse_repeated_stdin(paths: list[str] | tuple[str, ...]) -> None:
    """Standard input holds one input; naming ``-`` twice is an error."""
    if list(paths).count(STDIO) > 1:
        raise InputError(STDIN_NAME, "standard input ('-') can be given only once")


def write_output(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (a regular file, see :func:`argmap.io.atomic_write`),
    or to standard output when ``path`` is ``-``."""
    if os.fspath(path) == STDIO:
        try:
            click.echo(data, nl=False)
        except OSError as exc:
            raise stdout_failed(exc) from None
        flush_stdout()
        return
    from argmap.io import atomic_write

    atomic_write(path, data)


def flush_stdout() -> None:
    """Flush standard output; a failure (a full disk, a closed pipe) is one :class:`InputError`."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise stdout_failed(exc) from None


def stdout_failed(exc: OSError) -> InputError:
    """The error line for a failed write to standard output, which is pointed at the null
    device from now on, so that Python's own flush at exit does not fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test's capture)
        pass
    return InputError(STDOUT_NAME, f"cannot write: {exc.strerror or exc}")


def output_folder(path: str) -> str:
    """``path`` as a folder to write into: it must be one, or not exist yet."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise InputError(path, "exists and is not a folder (give -o a folder)")
    return path


@contextmanager
def warnings_echoed(category: type[Warning]) -> Iterator[None]:
    """Warnings of ``category`` raised inside (a diagram drawn as a summary box) shown as one
    line each on stderr, ``argmap VERB: warning: ...``; other warnings as Python shows them."""
    ctx = click.get_current_context(silent=True)
    verb = f"argmap {ctx.info_name}" if ctx is not None and ctx.info_name else "argmap"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", category)
        try:
            yield
        finally:
            for w in caught:
                if issubclass(w.category, category):
                    click.echo(f"{verb}: warning: {' '.join(str(w.message).split())}", err=True)
                else:
                    warnings.showwarning(w.message, w.category, w.filename, w.lineno)
