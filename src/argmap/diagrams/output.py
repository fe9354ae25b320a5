"""Rendering diagrams to SVG/PNG/PDF/DOT bytes, in batches: the one render path that the
CLI, the report and notebooks share.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> render_topics(ArgumentMap(topics=[Topic(id="t1", title="A")]), fmt="dot")["t1"][:7]
    b'digraph'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from argmap.diagrams.dot import OVERVIEW_LIMIT, Diagram, legend_diagram, overview_diagram, topic_diagrams
from argmap.diagrams.escaping import slug
from argmap.diagrams.options import DiagramOptions
from argmap.diagrams.run import DEFAULT_TIMEOUT, LayoutWarning, RenderTimeout, lay_out, run_dot
from argmap.diagrams.svg import add_accessibility
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap


def render_diagrams(diagrams: Sequence[Diagram], fmt: str = "svg", *, timeout: float = DEFAULT_TIMEOUT,
                    progress: bool | None = None) -> list[bytes]:
    """Render built diagrams in one batch (``dot`` output, or DOT text for ``fmt="dot"``).

    SVG gets readable ``<title>``/``<desc>`` elements for the diagram, nodes and edges.
    ``progress`` as in :func:`render_topics`. A topic diagram too large to lay out (more
    than :data:`~argmap.limits.MAX_LAYOUT_NODES` boxes), or one Graphviz does not finish in
    ``timeout`` seconds or crashes on, is drawn as a summary box with a note instead, and a
    :class:`LayoutWarning` says so; other diagrams failing raise as :func:`run_dot` does.
    """
    import warnings

    diagrams = list(diagrams)
    if fmt != "dot":
        results = lay_out([d.source for d in diagrams], fmt, timeout=timeout, progress=progress)
        for i, result in enumerate(results):
            if isinstance(result, ArgmapError):
                if diagrams[i].summary is None:
                    raise result
                diagrams[i] = diagrams[i].summary(_reason(result, timeout))
        summaries = [i for i, d in enumerate(diagrams) if isinstance(results[i], ArgmapError)]
        if summaries:  # small graphs: they are laid out in no time, or fail as run_dot does
            for i, doc in zip(summaries, run_dot([diagrams[i].source for i in summaries], fmt, timeout=timeout)):
                results[i] = doc
    for d in diagrams:
        if d.note is not None:
            warnings.warn(LayoutWarning(f"{d.name}: drawn as a summary box. {d.note}"), stacklevel=2)
    if fmt == "dot":
        return [d.source.encode("utf-8") for d in diagrams]
    docs: list[bytes] = results  # type: ignore[assignment]
    if fmt == "svg":
        docs = [add_accessibility(doc, d.accessible) for doc, d in zip(docs, diagrams)]
    return docs


def _reason(failure: ArgmapError, timeout: float) -> str:
    if isinstance(failure, RenderTimeout):
        return f"Graphviz did not finish it within {timeout:g} s (raise --timeout to try longer)"
    return f"{failure}"


def render_topics(amap: ArgumentMap, *, topics: Iterable[str] | str | None = None, fmt: str = "svg",
                  timeout: float = DEFAULT_TIMEOUT, progress: bool | None = None,
                  **options: Any) -> dict[str, bytes]:
    """Topic id → rendered diagram (``svg``, ``png``, ``pdf`` or ``dot``) for ``topics``
    (an id, ids, or by default every topic), laid out by one ``dot`` process per core.

    ``options`` are :class:`~argmap.diagrams.DiagramOptions`, with the same defaults as
    the CLI and notebooks: ``theme="default"``, ``status=True`` (grounded status drawn;
    ``False`` for none, or a mapping id → ``IN``/``OUT``/``UNDEC``), ``legend=True``,
    ``font_size=None`` (the theme's), ``graph_attr=None`` (``{"rankdir": "LR",
    "node.fontsize": 24}``), ``id_prefix=""``.

    In SVG, each topic and statement is the group ``<g id="...">`` with the id
    :func:`svg_id` gives (``id_prefix + "arg-" + encode_id(map_id)``; see
    :func:`topic_dot` for the other ids), holding a ``<title>`` (the full statement) and a
    ``<desc>`` (kind, stance, status, actor). ``timeout`` (seconds) bounds the whole batch:
    past it :class:`RenderTimeout` is raised. ``progress``: a progress bar on stderr (or in
    the notebook) while Graphviz works; ``None`` shows one on a terminal or in Jupyter.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")])
        >>> svg = render_topics(m, topics="t1", theme="projector", legend=False)["t1"]  # doctest: +SKIP
        >>> svg.startswith(b"<?xml")  # doctest: +SKIP
        True
    """
    opts = DiagramOptions.of(options)
    if topics is None:
        wanted = [t.id for t in amap.topics]
    else:
        wanted = list(dict.fromkeys([topics] if isinstance(topics, str) else topics))
    diagrams = topic_diagrams(amap, wanted, opts)
    return dict(zip(wanted, render_diagrams(diagrams, fmt, timeout=timeout, progress=progress)))


def render_overview(amap: ArgumentMap, *, fmt: str = "svg", timeout: float = DEFAULT_TIMEOUT,
                    limit: int = OVERVIEW_LIMIT, **options: Any) -> bytes:
    """The overview diagram (see :func:`overview_dot`) rendered as ``fmt``; options and
    their defaults as in :func:`render_topics`."""
    diagram = overview_diagram(amap, DiagramOptions.of(options), limit=limit)
    return render_diagrams([diagram], fmt, timeout=timeout, progress=False)[0]


def render_legend(*, fmt: str = "svg", room: float = 200, timeout: float = DEFAULT_TIMEOUT, **options: Any) -> bytes:
    """The diagrams' legend alone, its rows at most ``room`` points wide, for a page that
    shows many diagrams drawn with ``legend=False``; options as in :func:`render_topics`
    (``status=False`` leaves out the status entries)."""
    return render_diagrams([legend_diagram(DiagramOptions.of(options), room)], fmt, timeout=timeout,
                           progress=False)[0]


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
    topics = amap.index.topics
    stems = {}
    for tid in topic_ids:
        if tid not in topics:
            raise ArgmapError(f"no topic with id {tid!r} in the map")
        base = "-".join(p for p in (slug(tid, 24), slug(topics[tid].title)) if p) or "topic"
        stem, k = base, 1
        while stem in taken:
            k += 1
            stem = f"{base}-{k}"
        taken.add(stem)
        stems[tid] = stem
    return stems
