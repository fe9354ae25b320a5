"""Jupyter display: maps and single topics show themselves as SVG diagrams, drawn with the
same defaults as the CLI and the report (:class:`~argmap.diagrams.DiagramOptions`).

``ArgumentMap._repr_svg_`` draws the overview (small maps); ``_repr_html_`` steps in
only when it cannot (too large, or no Graphviz) with a short note on what to do instead.
:class:`TopicView` is one topic's diagram as a displayable object.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> view = TopicView(ArgumentMap(topics=[Topic(id="t1", title="Tolls")]), "t1")
    >>> view
    TopicView('t1': 'Tolls', 0 statements)
    >>> view.dot.startswith("digraph")
    True
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from argmap.diagrams.dot import OVERVIEW_LIMIT, overview_diagram, topic_diagrams
from argmap.diagrams.escaping import html_text
from argmap.diagrams.options import DiagramOptions
from argmap.diagrams.output import render_diagrams
from argmap.diagrams.run import FORMATS, INSTALL_HINT
from argmap.errors import ArgmapError, LimitExceeded
from argmap.model import ArgumentMap


class TopicView:
    """The diagram of one topic; in Jupyter it displays itself as SVG.

    ``options`` are :class:`~argmap.diagrams.DiagramOptions` (``theme``, ``status``,
    ``legend``, ``font_size``, ``graph_attr``, ``id_prefix``). ``save(path)`` writes the
    diagram, in the format the file name's suffix names (``.svg``, ``.png``, ``.pdf``, ``.dot``).
    """

    def __init__(self, amap: ArgumentMap, topic_id: str, **options: Any) -> None:
        self.amap, self.topic_id = amap, topic_id
        self.options = DiagramOptions.of(options)
        self._diagram = topic_diagrams(amap, [topic_id], self.options)[0]

    @property
    def dot(self) -> str:
        """The DOT source."""
        return self._diagram.source

    def render(self, fmt: str = "svg") -> bytes:
        """The diagram as ``svg``, ``png``, ``pdf`` or ``dot`` bytes."""
        return render_diagrams([self._diagram], fmt, progress=False)[0]

    def svg(self) -> str:
        """The SVG document as text."""
        return self.render("svg").decode("utf-8")

    def save(self, path: str | Path) -> None:
        """Write the diagram atomically; the suffix of ``path`` picks the format."""
        from argmap.io import atomic_write

        fmt = Path(path).suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise ArgmapError(f"{path}: cannot tell the format from the suffix (use .svg, .png, .pdf or .dot)")
        atomic_write(path, self.render(fmt))

    def _repr_svg_(self) -> str:
        return self.svg()

    def __repr__(self) -> str:
        index = self.amap.index
        n = len(index.statements[self.topic_id])
        return f"TopicView({self.topic_id!r}: {index.topics[self.topic_id].title!r}, {n} statements)"


def _overview_problem(amap: ArgumentMap) -> str | None:
    """Why the overview cannot be drawn, or None when it can (cheap: no layout)."""
    if not amap.topics:
        return "The map has no topics."
    if len(amap.topics) + len(amap.nodes) > OVERVIEW_LIMIT:
        return (f"The map has {len(amap.topics)} topics and {len(amap.nodes)} statements: too large for an "
                "overview. Display one topic with amap.topic_view(topic_id).")
    if shutil.which("dot") is None:
        return INSTALL_HINT + "."
    return None


def map_svg(amap: ArgumentMap) -> str | None:
    """The overview SVG of a small map, or None (then :func:`map_html` explains)."""
    if _overview_problem(amap) is not None:
        return None
    try:
        return render_diagrams([overview_diagram(amap, DiagramOptions())], "svg", progress=False)[0].decode("utf-8")
    except LimitExceeded:  # a layout past the time limit: fall back to the HTML note
        return None


def map_html(amap: ArgumentMap) -> str | None:
    """A short HTML note listing the topics when the overview cannot be drawn, else None."""
    problem = _overview_problem(amap)
    if problem is None:
        return None
    statements = amap.index.statements
    rows = "".join(f"<li><code>{html_text(t.id)}</code> {html_text(t.title)} "
                   f"({len(statements[t.id])} statements)</li>" for t in amap.topics[:50])
    more = f"<li>… and {len(amap.topics) - 50} more</li>" if len(amap.topics) > 50 else ""
    return f"<div><p>ArgumentMap: {html_text(problem)}</p><ul>{rows}{more}</ul></div>"
