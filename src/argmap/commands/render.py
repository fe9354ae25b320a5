"""``argmap render MAP.json|FILE -o DIR``: one diagram per topic plus ``overview.*``."""

from __future__ import annotations

import argparse
import sys
from typing import Any


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


def _labelling(amap: Any) -> dict[str, str] | None:
    # Grounded status comes from argmap.semantics, which is developed on its own; when this
    # installation does not have it, diagrams are drawn without status marks.
    try:
        from argmap.semantics import grounded_labelling
    except ImportError:
        return None
    return dict(grounded_labelling(amap))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.commands._inputs import load_inputs
    from argmap.errors import ArgmapError, LimitExceeded
    from argmap.io import atomic_write
    from argmap.diagrams import DEFAULT_TIMEOUT, get_theme, render_diagrams, topic_file_stems
    from argmap.diagrams.dot import MapIndex, overview_diagram, topic_diagram

    amap = load_inputs([args.file])
    theme = get_theme(args.theme)
    known = {t.id for t in amap.topics}
    for tid in args.topic or []:
        if tid not in known:
            raise ArgmapError(f"{args.file}: no topic with id {tid!r} (topics: {', '.join(sorted(known)) or 'none'})")
    topic_ids = list(dict.fromkeys(args.topic)) if args.topic else [t.id for t in amap.topics]
    options = {"theme": theme, "graph_attrs": dict(args.graph_attr), "labelling": _labelling(amap)}
    index = MapIndex(amap)
    diagrams = [topic_diagram(amap, tid, index=index, **options) for tid in topic_ids]
    names = [f"{stem}.{args.format}" for stem in topic_file_stems(amap, topic_ids).values()]
    if not args.topic:
        try:
            diagrams.append(overview_diagram(amap, **options))
            names.append(f"overview.{args.format}")
        except LimitExceeded as exc:
            print(f"argmap render: no overview: {exc}", file=sys.stderr)
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    docs = render_diagrams(diagrams, args.format, timeout=timeout)  # all rendered before any file is written
    out = Path(args.output)
    for name, doc in zip(names, docs):
        atomic_write(out / name, doc)
        print(out / name)
    return 0
