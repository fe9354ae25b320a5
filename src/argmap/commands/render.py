"""``argmap render MAP.json|FILE -o DIR``: one diagram per topic plus ``overview.*``."""

from __future__ import annotations

import argparse
import sys


def _graph_attr(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="draw Graphviz pro/contra diagrams, one per topic plus an overview")
    p.add_argument("file", metavar="MAP.json|FILE", help="a map JSON, or a text to extract")
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the diagram files")
    p.add_argument("--format", default="svg", choices=("svg", "png", "pdf", "dot"), help="output format (svg)")
    p.add_argument("--topic", metavar="ID", action="append",
                   help="draw only this topic (repeatable); no overview is drawn then")
    p.add_argument("--theme", default="default", help="default, or print (alias greyscale)")
    p.add_argument("--graph-attr", metavar="KEY=VALUE", action="append", type=_graph_attr, default=[],
                   help="Graphviz graph attribute, e.g. rankdir=LR or fontname=Helvetica (repeatable)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="give up when Graphviz takes longer than this (default 120)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.commands._inputs import load_inputs
    from argmap.diagrams import DEFAULT_TIMEOUT, render_overview, render_topics, topic_file_stems
    from argmap.errors import ArgmapError, LimitExceeded
    from argmap.io import atomic_write

    amap = load_inputs([args.file])
    known = {t.id for t in amap.topics}
    for tid in args.topic or []:
        if tid not in known:
            raise ArgmapError(f"{args.file}: no topic with id {tid!r} (topics: {', '.join(sorted(known)) or 'none'})")
    topic_ids = list(dict.fromkeys(args.topic)) if args.topic else [t.id for t in amap.topics]
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    options = {"theme": args.theme, "graph_attr": dict(args.graph_attr), "fmt": args.format, "timeout": timeout}
    # all rendered before any file is written
    docs = list(render_topics(amap, topics=topic_ids, **options).values())
    names = [f"{stem}.{args.format}" for stem in topic_file_stems(amap, topic_ids).values()]
    if not args.topic:
        try:
            docs.append(render_overview(amap, **options))
            names.append(f"overview.{args.format}")
        except LimitExceeded as exc:
            print(f"argmap render: no overview: {exc}", file=sys.stderr)
    out = Path(args.output)
    for name, doc in zip(names, docs):
        atomic_write(out / name, doc)
        print(out / name)
    return 0
