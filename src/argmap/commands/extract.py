"""``argmap extract FILE... [-o MAP.json]``: texts in, one argument map out."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract the argument map of essays (text files)")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files; several give one map")
    p.add_argument("-o", "--output", metavar="MAP.json", help="write the map here (default: stdout)")
    p.add_argument("--lexicon", action="append", default=[], metavar="JSON",
                   help="extra cue lexicon (same shape as the bundled one); may be repeated")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.extraction import extract_files
    from argmap.extraction.lexicon import Lexicon
    from argmap.io import atomic_write

    nlp = None
    if args.lexicon:
        from argmap.extraction.pipeline import make_nlp

        Lexicon.load(*args.lexicon)  # fail early, naming the bad file
        nlp = make_nlp(tuple(args.lexicon))
    amap = extract_files(args.files, nlp=nlp)
    if args.output:
        atomic_write(args.output, amap.to_json() + "\n")
    else:
        sys.stdout.write(amap.to_json() + "\n")
    return 0
