"""``argmap solve FILE --semantics S``: Dung extensions of a framework file or a map.

FILE is an ASPARTIX ``.apx``, a ``.tgf``, an ICCMA 2023 ``.af``/``.i23`` framework or an
argmap map (JSON, or a text extracted on the fly). Output is ICCMA 2019 syntax
``[[a1,a2],[a3]]`` (one extension for grounded), or JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.semantics import Framework

SEMANTICS = ("grounded", "complete", "preferred", "stable")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("solve", help="extensions of a framework or map (ICCMA syntax)")
    p.add_argument("file", metavar="AF.apx|AF.tgf|AF.af|MAP.json", help="a framework file or a map")
    p.add_argument("-s", "--semantics", required=True, choices=SEMANTICS, help="which extensions to list")
    p.add_argument("--format", choices=("apx", "tgf", "i23", "map"),
                   help="input format (default: from the suffix, else from the content)")
    p.add_argument("--json", action="store_true", help="print JSON instead of ICCMA syntax")
    p.add_argument("--limit", type=int, default=1_000_000, metavar="STEPS",
                   help="give up after this many search steps (default: %(default)s; 0 = no limit)")
    p.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS",
                   help="give up after this many seconds (default: %(default)s; 0 = no limit)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.formats.iccma import format_extensions
    from argmap.semantics import extensions

    af = _read(args.file, args.format)
    exts = extensions(af, args.semantics, limit=args.limit or None, time_limit=args.time_limit or None)
    if args.json:
        order = af.index.__getitem__
        print(json.dumps({"semantics": args.semantics,
                          "extensions": [sorted(e, key=order) for e in exts]}, ensure_ascii=False))
    else:
        print(format_extensions(af, exts))
    return 0


def _read(path: str, fmt: str | None) -> Framework:
    """Framework files by format (given, from the suffix, or sniffed: apx and i23 files are
    recognisable); anything else is a map JSON or a text, read like every other verb does."""
    from argmap.commands._inputs import load_inputs
    from argmap.formats.iccma import SUFFIX_FORMATS, read_framework, sniff_format
    from argmap.io import looks_like_json, read_bytes
    from argmap.semantics import framework_from_map

    if fmt is None:
        fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        head = read_bytes(path)[:4096]
        if not looks_like_json(head) and sniff_format(head.decode("utf-8", "replace")) in ("apx", "i23"):
            fmt = sniff_format(head.decode("utf-8", "replace"))
    if fmt in ("apx", "tgf", "i23"):
        return read_framework(path, fmt)
    return framework_from_map(load_inputs([path]))
