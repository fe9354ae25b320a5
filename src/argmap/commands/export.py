"""``argmap export MAP --to FORMAT [-o FILE]``: write a map in another format."""

from __future__ import annotations

import argparse
import sys

from argmap.formats import EXPORTERS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a map in another format (json, graphml, ...)")
    p.add_argument("file", metavar="MAP.json|FILE", help="a map JSON, or a text to extract")
    p.add_argument("--to", required=True, choices=sorted(EXPORTERS), help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.commands._inputs import load_inputs
    from argmap.formats import export
    from argmap.io import atomic_write

    text = export(load_inputs([args.file]), args.to)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
