"""Computing a report's parts with argmap's own modules, and writing the pages to a folder.

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
from argmap.model import ArgumentMap


def diagram_legend(**options: Any) -> str:
    """The diagrams' legend as SVG text (see :func:`argmap.diagrams.render_legend`).

    Example:
        >>> "rebuttal" in diagram_legend()  # doctest: +SKIP
        True
    """
    from argmap.diagrams import render_legend

    return render_legend(**options).decode("utf-8")


def report_parts(amap: ArgumentMap, *, timeout: float | None = None, progress: bool | None = None,
                 **options: Any) -> dict[str, Any]:
    """The keyword arguments of :func:`build_report` for ``amap``: the grounded labelling,
    the checks' findings, the critical-reading analysis, one SVG diagram per topic, the id
    of each statement's element in them, and the diagrams' legend. ``options`` are the diagram options of
    :func:`argmap.diagrams.render_topics` (``theme``, ``status``, ``font_size``,
    ``graph_attr``, ``legend``), with the same defaults; the page has one legend
    (``legend=False`` drops it), so the diagrams none.
    """
    from argmap.analysis import analyze
    from argmap.checks import run_checks
    from argmap.diagrams import DEFAULT_TIMEOUT, render_topics, svg_id
    from argmap.progress import progress_bar
    with progress_bar(3, "checking the map", show=progress) as bar:
        labelling = amap.index.grounded
        bar.update(1)
        findings = run_checks(amap)
        bar.update(1)
        analysis = analyze(amap)
        bar.update(1)
    status = options.pop("status", True)
    drawn = labelling if status is True else status
    page_legend = options.pop("legend", True)
    # The diagrams share one page, so each topic's SVG ids get their own prefix (an edge
    # between topics is drawn in both diagrams); one legend on the page replaces theirs.
    prefix = {t.id: f"d{j}-" for j, t in enumerate(amap.topics)}
    diagrams = render_topics(amap, status=drawn, legend=False, id_prefix=prefix.__getitem__, progress=progress,
                             timeout=DEFAULT_TIMEOUT if timeout is None else timeout, **options)
    topic_of = {n.id: n.topic for n in amap.nodes}

    def diagram_id(item_id: str) -> str:
        return svg_id(item_id, prefix[topic_of.get(item_id, item_id)])

    legend_options = {k: v for k, v in options.items() if k in ("theme", "font_size")}
    legend = diagram_legend(status=drawn is not False, **legend_options) if page_legend else None
    return {"labelling": labelling, "findings": findings, "diagram_id": diagram_id, "diagrams": diagrams,
            "diagram_legend": legend, "analysis": analysis}


def make_report(amap: ArgumentMap, out_dir: str | os.PathLike[str], *, title: str | None = None,
                per_document: bool | None = None, timeout: float | None = None, progress: bool | None = None,
                **options: Any) -> Path:
    """Write the report into ``out_dir``: ``index.html``, ``map.json`` (the map it shows)
    and, for more than :data:`~argmap.reports.html.PAGES_FROM` documents (or with
    ``per_document=True``), one page per document; returns the path of ``index.html``.
    Diagram ``options`` as in :func:`report_parts`; ``progress`` (default: on a terminal or
    in Jupyter) shows a bar for each phase: checks, layout, pages.

    The folder is built beside ``out_dir`` and swapped in as a whole
    (:func:`argmap.io.write_folder`), so a reader never sees a new map with an old page;
    pages of an earlier split report that this one no longer has are left out.
    """
    import re

    from argmap.io import write_folder
    from argmap.reports.html import INDEX, build_pages

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "exists and is not a directory (give -o a folder for the report)")
    parts = report_parts(amap, timeout=timeout, progress=progress, **options)
    pages = build_pages(amap, title=title, per_document=per_document, progress=progress, **parts)
    # Lone surrogates can come in through JSON "\ud800" escapes; they cannot be UTF-8.
    files = {"map.json": amap.to_json() + "\n",
             **{name: page.encode("utf-8", errors="replace") for name, page in pages.items()}}
    old_page = re.compile(r"doc-[0-9]{3,}.*\.html")
    write_folder(out, files, drop=lambda name: old_page.fullmatch(name) is not None)
    return out / INDEX
