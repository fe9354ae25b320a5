"""``argmap report FILE... -o DIR``: the self-contained HTML debate report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

# What a folder given as FILE contributes: its essays, not its maps or pictures.
TEXT_SUFFIXES = (".txt", ".md")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML report: highlighted texts, diagrams, findings")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="text files or folders of them (one report for all), or one map JSON")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write index.html (and map.json) in")
    p.add_argument("--title", help="heading of the report (default: 'Debate report')")
    p.add_argument("--theme", default="default", help="diagram theme: default, print or greyscale")
    p.set_defaults(run=run)


def expand_folders(paths: Sequence[str]) -> list[str]:
    """Each folder replaced by its ``.txt``/``.md`` files in name order (not recursive).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b.txt", "a.md", "c.json"): _ = (d / name).write_text("x")
        >>> [pathlib.Path(p).name for p in expand_folders([str(d)])]
        ['a.md', 'b.txt']
    """
    from argmap.errors import InputError

    out: list[str] = []
    for p in paths:
        folder = Path(p)
        if not folder.is_dir():
            out.append(p)
            continue
        texts = sorted(str(f) for f in folder.iterdir() if f.suffix.lower() in TEXT_SUFFIXES and f.is_file())
        if not texts:
            raise InputError(p, f"folder has no {' or '.join(TEXT_SUFFIXES)} files")
        out += texts
    return out


def run(args: argparse.Namespace) -> int:
    from argmap.commands._inputs import load_inputs
    from argmap.reports import make_report

    amap = load_inputs(expand_folders(args.files))
    path = make_report(amap, args.output, title=args.title, theme=args.theme)
    print(path.resolve())
    return 0
