"""Graphviz pro/contra diagrams: one per topic, an overview of a small map, notebook display.

Building DOT needs nothing but Python; SVG, PNG and PDF need Graphviz's ``dot`` program
(:class:`GraphvizMissing` says how to install it). Many diagrams are laid out by a few
``dot`` processes (one per core), each reading several graphs from one input.
:func:`render_topics` is the one render path: the CLI, the report and notebooks use it
with the same options and defaults (:class:`DiagramOptions`).

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t1", title="Bike lanes")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="They slow buses.",
    ...                             actor="Critics")],
    ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
    >>> topic_dot(m, "t1").startswith("digraph")
    True
    >>> svg = render_topics(m, status=False, theme="projector")["t1"]  # doctest: +SKIP
    >>> b'id="arg-n1"' in svg  # doctest: +SKIP
    True
"""

from __future__ import annotations

from argmap.diagrams.dot import OVERVIEW_LIMIT, Diagram, overview_dot, topic_dot
from argmap.diagrams.escaping import encode_id, svg_id
from argmap.diagrams.notebook import TopicView
from argmap.diagrams.options import DiagramOptions
from argmap.diagrams.output import render_diagrams, render_legend, render_overview, render_topics, topic_file_stems
from argmap.diagrams.run import DEFAULT_TIMEOUT, FORMATS, GraphvizMissing, LayoutWarning, RenderFailed, RenderTimeout
from argmap.diagrams.svg import inline_svg
from argmap.diagrams.themes import THEMES, Theme, get_theme

__all__ = [
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "OVERVIEW_LIMIT",
    "THEMES",
    "Diagram",
    "DiagramOptions",
    "GraphvizMissing",
    "LayoutWarning",
    "RenderFailed",
    "RenderTimeout",
    "Theme",
    "TopicView",
    "encode_id",
    "get_theme",
    "inline_svg",
    "overview_dot",
    "render_diagrams",
    "render_legend",
    "render_overview",
    "render_topics",
    "svg_id",
    "topic_dot",
    "topic_file_stems",
]
