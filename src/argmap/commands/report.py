"""``argmap report FILE... -o DIR``: the self-contained HTML debate report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.commands._options import diagram_options, files_argument, from_option

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

# What a folder given as FILE contributes: its essays, not its maps or pictures.
TEXT_SUFFIXES = (".txt", ".md")


def expand_folders(paths: Sequence[str]) -> list[str]:
    """Each folder replaced by its ``.txt``/``.md`` files in name order (not recursive).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b.txt", "a.md", "c.json"): _ = (d / name).write_text("x")
        >>> [pathlib.Path(p).name for p in expand_folders([str(d)])]
        ['a.md', 'b.txt']
    """
    from argmap.commands._streams import STDIO
    from argmap.errors import InputError

    out: list[str] = []
    for p in paths:
        folder = Path(p)
        if p == STDIO or not folder.is_dir():
            out.append(p)
            continue
        texts = sorted(str(f) for f in folder.iterdir() if f.suffix.lower() in TEXT_SUFFIXES and f.is_file())
        if not texts:
            raise InputError(p, f"folder has no {' or '.join(TEXT_SUFFIXES)} files")
        out += texts
    return out


def _extract_texts(paths: Sequence[str], jobs: int) -> ArgumentMap | None:
    """The merged map of text files extracted by ``jobs`` worker processes (``--jobs``), or
    ``None`` when the inputs are not all texts (a map is read as it is)."""
    import os

    from argmap.commands._inputs import input_format
    from argmap.commands._options import FROM_KEY
    from argmap.corpus import expand_inputs, extract_results, iter_sources, merge_results
    from argmap.io import read_bytes

    if click.get_current_context().meta.get(FROM_KEY) or any(input_format(p, read_bytes(p)) is not None
                                                             for p in paths):
        return None
    return merge_results(extract_results(iter_sources(expand_inputs(paths, "text")), jobs=jobs or os.cpu_count() or 1))


@click.command(short_help="write a self-contained HTML report: highlighted texts, diagrams, findings")
@files_argument
@from_option
@click.option("-o", "--output", required=True, metavar="DIR", help="folder to write index.html (and map.json) in")
@click.option("--title", help="heading of the report (default: 'Debate report')")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="extract the texts with N worker processes (0: one per core)")
@diagram_options
def command(files: tuple[str, ...], output: str, title: str | None, jobs: int, diagram: dict[str, Any]) -> None:
    """Write an HTML report of texts: each text with its statements highlighted, a diagram per
    topic, and the checks' findings. The page needs no network; its path is printed.

    FILE... are text files, folders of them (their .txt and .md files), or one map (a map
    JSON or any format argmap reads, see 'argmap import'); '-' reads standard input.
    """
    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import STDIO
    from argmap.errors import InputError
    from argmap.reports import make_report

    if output == STDIO:
        raise InputError(STDIO, "a report is a folder (index.html and map.json): give -o a folder, not -")
    paths = expand_folders(files)
    amap = _extract_texts(paths, jobs) if jobs != 1 and STDIO not in paths else None
    amap = amap or load_inputs(paths)
    path = make_report(amap, output, title=title, **diagram)
    click.echo(path.resolve())
