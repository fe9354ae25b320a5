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
from pathlib import Path
from typing import Any

from argmap.errors import InputError
from argmap.io import atomic_write
from argmap.model import ArgumentMap
from argmap.report.html import build_report


def report_parts(amap: ArgumentMap, *, theme: str = "default", timeout: float | None = None) -> dict[str, Any]:
    """The keyword arguments of :func:`build_report` for ``amap``: the grounded labelling,
    the checks' findings and one SVG diagram per topic (drawn with that labelling)."""
    from argmap.checks import run_checks
    from argmap.render import DEFAULT_TIMEOUT, render_topics, svg_id
    from argmap.semantics import grounded_labelling

    labelling = grounded_labelling(amap)
    findings = run_checks(amap)
    diagrams = render_topics(amap, "svg", theme=theme, labelling=labelling,
                             timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
    return {"labelling": labelling, "findings": findings, "diagrams": diagrams, "diagram_id": svg_id}


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
