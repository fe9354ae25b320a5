"""Rendering built diagrams to SVG/PNG/PDF/DOT bytes, in batches.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> render_topics(ArgumentMap(topics=[Topic(id="t1", title="A")]), "dot")["t1"][:7]
    b'digraph'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.model import ArgumentMap
from argmap.diagrams.dot import (
    OVERVIEW_LIMIT,
    Diagram,
    GraphAttrs,
    Labelling,
    MapIndex,
    overview_diagram,
    topic_diagram,
)
from argmap.diagrams.run import DEFAULT_TIMEOUT, run_dot
from argmap.diagrams.svg import add_accessibility
from argmap.diagrams.text import slug
from argmap.diagrams.themes import Theme


def render_diagrams(diagrams: Sequence[Diagram], fmt: str = "svg", *,
                    timeout: float = DEFAULT_TIMEOUT) -> list[bytes]:
    """Render built diagrams in one batch (``dot`` output, or DOT text for ``fmt="dot"``).

    SVG gets readable ``<title>``/``<desc>`` elements for the diagram, nodes and edges.
    """
    if fmt == "dot":
        return [d.source.encode("utf-8") for d in diagrams]
    docs = run_dot([d.source for d in diagrams], fmt, timeout=timeout)
    if fmt == "svg":
        docs = [add_accessibility(doc, d.accessible) for doc, d in zip(docs, diagrams)]
    return docs


def render_topics(amap: ArgumentMap, fmt: str = "svg", *, topics: Iterable[str] | None = None,
                  theme: str | Theme = "default", graph_attrs: GraphAttrs | None = None,
                  labelling: Labelling | None = None, id_prefix: str = "",
                  timeout: float = DEFAULT_TIMEOUT, legend: bool = True) -> dict[str, bytes]:
    """Topic id → rendered diagram (``svg``, ``png``, ``pdf`` or ``dot``) for ``topics``
    (default: every topic), laid out by one ``dot`` process per core.

    In SVG, each topic and statement is the group ``<g id="...">`` with the id
    :func:`svg_id` gives (``id_prefix + "arg-" + encode_id(map_id)``; see
    :func:`topic_dot` for the other ids), holding a ``<title>`` (the full statement) and a
    ``<desc>`` (kind, stance, status, actor). ``timeout`` (seconds) bounds the whole batch:
    past it :class:`RenderTimeout` is raised.
    """
    wanted = [t.id for t in amap.topics] if topics is None else list(topics)
    index = MapIndex(amap)
    diagrams = [topic_diagram(amap, tid, theme=theme, graph_attrs=graph_attrs, labelling=labelling,
                              id_prefix=id_prefix, legend=legend, index=index) for tid in wanted]
    return dict(zip(wanted, render_diagrams(diagrams, fmt, timeout=timeout)))


def render_overview(amap: ArgumentMap, fmt: str = "svg", *, theme: str | Theme = "default",
                    graph_attrs: GraphAttrs | None = None, labelling: Labelling | None = None,
                    id_prefix: str = "", timeout: float = DEFAULT_TIMEOUT, limit: int = OVERVIEW_LIMIT) -> bytes:
    """The overview diagram (see :func:`overview_dot`) rendered as ``fmt``."""
    diagram = overview_diagram(amap, theme=theme, graph_attrs=graph_attrs, labelling=labelling,
                               id_prefix=id_prefix, limit=limit)
    return render_diagrams([diagram], fmt, timeout=timeout)[0]


def topic_file_stems(amap: ArgumentMap, topic_ids: Iterable[str], reserved: Iterable[str] = ("overview",)) -> dict[str, str]:
    """Topic id → a file-name stem made of the id and title (``[a-z0-9-]`` only), unique
    even on case-insensitive file systems and never one of ``reserved``.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> m = ArgumentMap(topics=[Topic(id="T1", title="Tolls: yes?"), Topic(id="t1 ", title="Tolls: yes!"),
        ...                         Topic(id="/", title="")])
        >>> topic_file_stems(m, ["T1", "t1 ", "/"])
        {'T1': 't1-tolls-yes', 't1 ': 't1-tolls-yes-2', '/': 'topic'}
    """
    taken = {r.lower() for r in reserved}
    stems = {}
    for tid in topic_ids:
        base = "-".join(p for p in (slug(tid, 24), slug(amap.topic(tid).title)) if p) or "topic"
        stem, k = base, 1
        while stem in taken:
            k += 1
            stem = f"{base}-{k}"
        taken.add(stem)
        stems[tid] = stem
    return stems
