"""The ``argmap`` command line, built with click: one module per verb under :mod:`argmap.commands`.

Each verb module defines a :class:`click.Command` named ``command``; :data:`VERBS` lists them
in the order ``argmap --help`` shows them. A verb module imports only click and light argmap
modules at the top, so ``argmap --help`` and ``argmap VERB --help`` never load spaCy,
networkx or Graphviz. Options shared by several verbs are defined once in
:mod:`argmap.commands._options`.

Every error a user can cause ends as one line on stderr (``argmap VERB: FILE: problem``) and
exit status 2; ``argmap check`` exits 1 when it finds errors in the map. Anything else (a bug)
is one line too, ``argmap VERB: internal error: ... (please report; ...)``, exit status 2, the
traceback shown only with ``argmap --debug VERB``.

Example:
    >>> main(["--version"])  # doctest: +ELLIPSIS
    argmap ...
    0
"""

from __future__ import annotations

import errno
import importlib
import signal
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from argmap.errors import ArgmapError, bounded

# verb -> module under argmap.commands, in the order ``argmap --help`` lists them
VERBS: dict[str, str] = {
    "extract": "extract",
    "report": "report",
    "check": "check",
    "topics": "topics",
    "render": "render",
    "solve": "solve",
    "import": "import_map",
    "export": "export",
    "exercise": "exercise",
    "grade": "grade",
    "analyze": "analyze",
    "stats": "stats",
    "schema": "schema",
}

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
DEBUG = "argmap.debug"  # the context's meta key of --debug


class Terminated(BaseException):
    """``SIGTERM``, raised wherever the verb stands so that its ``finally`` blocks run (the
    temporary file of an atomic write is removed instead of left beside the target)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# how writing to standard output fails when it is a full disk, a closed pipe or a bad device
_STREAM_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EFBIG}


class VerbError(click.ClickException):
    """An :class:`~argmap.errors.ArgmapError` raised by a verb, shown as ``argmap VERB: message``."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, verb: str | None, message: str) -> None:
        super().__init__(message)
        self.verb = verb

    def show(self, file: Any = None) -> None:
        prefix = f"argmap {self.verb}" if self.verb else "argmap"
        click.echo(f"{prefix}: {one_line(self.format_message())}", err=True)


def one_line(text: str) -> str:
    """``text`` with its white space runs (newlines included) folded into single spaces.

    Example:
        >>> one_line("bad\\n  input")
        'bad input'
    """
    return " ".join(text.split())


class VerbGroup(click.Group):
    """The verbs of :data:`VERBS`, each imported when it is listed or run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(VERBS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = VERBS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(f"argmap.commands.{module}").command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        verbs = {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}
        rows = [(name, verb.get_short_help_str(limit=formatter.width)) for name, verb in verbs.items() if verb]
        with formatter.section("Verbs"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as exc:
            raise VerbError(ctx.invoked_subcommand, str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as exc:
            if exc.filename is None and exc.errno in _STREAM_ERRNOS:
                # a write without a file name: a verb printing to a full or closed standard output
                from argmap.commands._streams import stdout_failed

                raise VerbError(ctx.invoked_subcommand, str(stdout_failed(exc))) from None
            raise VerbError(ctx.invoked_subcommand, internal_error(exc, debug=ctx.meta.get(DEBUG, False))) from None
        except Exception as exc:
            raise VerbError(ctx.invoked_subcommand, internal_error(exc, debug=ctx.meta.get(DEBUG, False))) from None


def internal_error(exc: BaseException, *, debug: bool) -> str:
    """The one line for an error argmap did not foresee (a bug); the traceback is printed
    before it only under ``--debug``.

    Example:
        >>> internal_error(ZeroDivisionError("division by zero"), debug=False)
        'internal error: ZeroDivisionError: division by zero (please report; --debug shows the traceback)'
    """
    if debug:
        traceback.print_exception(exc)
    what = bounded(f"{type(exc).__name__}: {exc}")
    return f"internal error: {what} (please report; --debug shows the traceback)"


@click.group(cls=VerbGroup, subcommand_metavar="VERB [ARGS]...",
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog="Run 'argmap VERB --help' for a verb's options. FILE '-' is standard input, -o - standard output.")
@click.version_option(package_name="argmap", prog_name="argmap", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="show the traceback of an internal error (for a bug report)")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Argument maps from essays: extract them, check and solve them, draw them, report on them."""
    ctx.meta[DEBUG] = debug


def _usage_line(exc: click.UsageError) -> str:
    where = exc.ctx.command_path if exc.ctx is not None else "argmap"
    return f"{where}: {one_line(exc.format_message())} (see '{where} --help')"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``argmap`` console script; returns the exit status.

    Usage errors (an unknown option, a bad value) are one line too, pointing at ``--help``.
    ``SIGTERM`` ends a verb as an exception would (its temporary files removed), exit 143.
    """
    from argmap.commands._streams import flush_stdout

    try:
        with _sigterm_raises():
            result = cli.main(args=list(argv) if argv is not None else None, prog_name="argmap",
                              standalone_mode=False)
            flush_stdout()  # a full disk or closed pipe on standard output is one line too
    except ArgmapError as exc:  # raised outside a verb: flushing standard output
        click.echo(f"argmap: {one_line(str(exc))}", err=True)
        return EXIT_BAD_INPUT
    except click.exceptions.NoArgsIsHelpError as exc:  # plain ``argmap``: the help, on stderr
        click.echo(exc.format_message(), err=True)
        return EXIT_BAD_INPUT
    except click.UsageError as exc:
        click.echo(_usage_line(exc), err=True)
        return EXIT_BAD_INPUT
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.Abort:
        click.echo("argmap: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Terminated:
        click.echo("argmap: terminated", err=True)
        return EXIT_TERMINATED
    except Exception as exc:  # outside any verb (finding one, say): a bug too
        click.echo(f"argmap: {internal_error(exc, debug='--debug' in (argv or sys.argv[1:]))}", err=True)
        return EXIT_BAD_INPUT
    return int(result or EXIT_OK)


if __name__ == "__main__":
    sys.exit(main())
