"""Computing a report's parts with argmap's own modules, and writing the page to a folder.

Example:
    >>> import tempfile
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="Tolls hurt.")],
    ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
    >>> make_report(m, tempfile.mkdtemp()).name  # doctest: +SKIP
    'index.html'
"""

from __future__ import annotations

import os
from dataclasses import fields
from html import escape
from pathlib import Path
from string import Template
from typing import Any

from argmap.errors import InputError
from argmap.io import atomic_write
from argmap.model import ArgumentMap
from argmap.reports.html import asset, build_report


def diagram_legend(theme: str | Any = "default") -> str:
    """An SVG legend of the diagrams' shapes, lines and states, in ``theme``'s colours.

    Example:
        >>> "claim (pro)" in diagram_legend()
        True
    """
    from argmap.diagrams import get_theme

    colours = {f.name: escape(str(getattr(get_theme(theme), f.name))) for f in fields(get_theme(theme))}
    return Template(asset("legend.svg")).substitute(colours)


def report_parts(amap: ArgumentMap, *, theme: str = "default", timeout: float | None = None) -> dict[str, Any]:
    """The keyword arguments of :func:`build_report` for ``amap``: the grounded labelling,
    the checks' findings, one SVG diagram per topic drawn with that labelling, the id of each
    statement's element in them, and the diagrams' legend."""
    from argmap.checks import run_checks
    from argmap.diagrams import DEFAULT_TIMEOUT, render_diagrams, svg_id
    from argmap.diagrams.dot import MapIndex, topic_diagram
    from argmap.semantics import grounded_labelling

    labelling = grounded_labelling(amap)
    # The diagrams share one page, so each topic's SVG ids get their own prefix (an edge
    # between topics is drawn in both diagrams); one legend on the page replaces theirs.
    prefix = {t.id: f"d{j}-" for j, t in enumerate(amap.topics)}
    index = MapIndex(amap)
    built = [topic_diagram(amap, t.id, theme=theme, labelling=labelling, id_prefix=prefix[t.id], legend=False,
                           index=index) for t in amap.topics]
    svgs = render_diagrams(built, "svg", timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
    topic_of = {n.id: n.topic for n in amap.nodes}

    def diagram_id(item_id: str) -> str:
        return svg_id(item_id, prefix[topic_of.get(item_id, item_id)])

    return {"labelling": labelling, "findings": run_checks(amap), "diagram_id": diagram_id,
            "diagrams": {t.id: svg for t, svg in zip(amap.topics, svgs)}, "diagram_legend": diagram_legend(theme)}


def make_report(amap: ArgumentMap, out_dir: str | os.PathLike[str], *, title: str | None = None,
                theme: str = "default", timeout: float | None = None) -> Path:
    """Write ``out_dir/index.html`` (the report) and ``out_dir/map.json`` (the map it shows);
    returns the path of ``index.html``.

    Each file is written atomically and the page last, so a failure never leaves a
    half-written or stale-looking report behind.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "exists and is not a directory (give -o a folder for the report)")
    page = build_report(amap, title=title, **report_parts(amap, theme=theme, timeout=timeout))
    # Lone surrogates can come in through JSON "\ud800" escapes; they cannot be UTF-8.
    data = page.encode("utf-8", errors="replace")
    atomic_write(out / "map.json", amap.to_json() + "\n")
    atomic_write(out / "index.html", data)
    return out / "index.html"
