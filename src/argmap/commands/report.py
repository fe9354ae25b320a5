"""``argmap report FILE... -o DIR``: the self-contained HTML debate report."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML report: highlighted texts, diagrams, findings")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files (one report for all), or one map JSON")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write index.html (and map.json) in")
    p.add_argument("--title", help="heading of the report (default: 'Debate report')")
    p.add_argument("--theme", default="default", help="diagram theme (default, print, greyscale)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.commands._inputs import load_inputs
    from argmap.report import make_report

    amap = load_inputs(args.files)
    path = make_report(amap, args.output, title=args.title, theme=args.theme)
    print(path.resolve())
    return 0
