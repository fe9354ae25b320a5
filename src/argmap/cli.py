"""The ``argmap`` command line: one module per verb under :mod:`argmap.commands`.

Every verb module defines ``add_parser(subparsers)``, which registers its options and sets
``run`` (``args -> exit code``). Unusable input ends as one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.errors import ArgmapError, InputError

# In the order ``argmap --help`` lists them.
VERBS: tuple[str, ...] = ("extract", "report", "check", "solve", "render", "export", "schema")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The full parser (importing verb modules is cheap: they load heavy libraries in ``run``)."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Argument maps from essays: extract, check, solve, render, report, convert.",
        epilog="Run 'argmap VERB --help' for a verb's options.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb in VERBS:
        importlib.import_module(f"argmap.commands.{verb}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``argmap`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as exc:
        print(f"argmap {args.verb}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ArgmapError as exc:
        print(f"argmap {args.verb}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
