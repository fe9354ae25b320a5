"""The ``argmap`` command line, built with click: one module per verb under :mod:`argmap.commands`.

Each verb module defines a :class:`click.Command` named ``command``; :data:`VERBS` lists them
in the order ``argmap --help`` shows them. A verb module imports only click and light argmap
modules at the top, so ``argmap --help`` and ``argmap VERB --help`` never load spaCy,
networkx or Graphviz. Options shared by several verbs are defined once in
:mod:`argmap.commands._options`.

Every error a user can cause ends as one line on stderr (``argmap VERB: FILE: problem``) and
exit status 2; ``argmap check`` exits 1 when it finds errors in the map.

Example:
    >>> main(["--version"])  # doctest: +ELLIPSIS
    argmap ...
    0
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from argmap.errors import ArgmapError

# verb -> module under argmap.commands, in the order ``argmap --help`` lists them
VERBS: dict[str, str] = {
    "extract": "extract",
    "report": "report",
    "check": "check",
    "topics": "topics",
    "render": "render",
    "solve": "solve",
    "export": "export",
    "schema": "schema",
}

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


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


@click.group(cls=VerbGroup, subcommand_metavar="VERB [ARGS]...",
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog="Run 'argmap VERB --help' for a verb's options. FILE '-' is standard input, -o - standard output.")
@click.version_option(package_name="argmap", prog_name="argmap", message="%(prog)s %(version)s")
def cli() -> None:
    """Argument maps from essays: extract them, check and solve them, draw them, report on them."""


def _usage_line(exc: click.UsageError) -> str:
    where = exc.ctx.command_path if exc.ctx is not None else "argmap"
    return f"{where}: {one_line(exc.format_message())} (see '{where} --help')"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``argmap`` console script; returns the exit status.

    Usage errors (an unknown option, a bad value) are one line too, pointing at ``--help``.
    """
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="argmap",
                          standalone_mode=False)
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
    return int(result or EXIT_OK)


if __name__ == "__main__":
    sys.exit(main())
