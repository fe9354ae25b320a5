"""The report page: one self-contained HTML document built from a map and what was computed
about it (diagrams, findings, a labelling), so each input can be tested on its own.

Every piece of map text goes through :func:`html.escape` (attributes too); the page data the
script reads is JSON with ``<``, ``>`` and ``&`` escaped, inside a non-executable
``<script type="application/json">``. A Content-Security-Policy allows no network at all and
only the page's own script (by hash), so even a slip elsewhere could not run injected code.

Example:
    >>> from argmap.model import ArgumentMap, Document, Topic, Node
    >>> m = ArgumentMap(documents=[Document(id="d1", title="Tolls", text="Critics say <b>no</b>.")],
    ...                 topics=[Topic(id="t1", title="Road tolls", document="d1")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", document="d1",
    ...                             text="Critics say <b>no</b>.", span=(0, 22), actor="Critics")])
    >>> page = build_report(m)
    >>> '<mark class="st k-critique"' in page and "&lt;b&gt;no&lt;/b&gt;" in page and "<b>no" not in page
    True
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape
from importlib import resources
from typing import Any, Protocol
from xml.etree import ElementTree

from argmap.checks import SEVERITIES
from argmap.model import KINDS, ArgumentMap, Document, Node, Topic
from argmap.reports.highlight import segments
SEVERITY_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
STATUS_WORDS = {"IN": "accepted", "OUT": "defeated", "UNDEC": "undecided"}
INTRO = ('<p class="intro">Statements are highlighted in the texts by kind. Hover over one (or focus it with '
         'Tab) for who says it and what it answers; click it to see it in its topic\'s diagram, and click a '
         'statement in a diagram to come back.</p>')
KIND_PLURAL = {"claim": "claims", "critique": "critiques", "rebuttal": "rebuttals"}


class FindingLike(Protocol):
    """What the report needs of a check finding (``argmap.checks.Finding`` fits; its
    optional ``name``, a short label such as ``self-attack``, is shown when present)."""

    code: str
    severity: str
    message: str
    ids: tuple[str, ...]


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A data file shipped beside this module (``report.css``, ``report.js``)."""
    return resources.files("argmap.reports").joinpath(name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _json_for_script(data: Any) -> str:
    # ASCII JSON with the three characters that could end or confuse the script element escaped.
    text = json.dumps(data, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "image", "use", "animate", "set",
                    "handler", "listener"}


_CSS_ATTRS = {"style", "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid", "marker-end",
              "cursor"}
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _unsafe_svg_part(root: ElementTree.Element) -> str | None:
    """What in a parsed SVG could run code or fetch something, if anything."""
    if _local(root.tag) != "svg":
        return f"a <{_local(root.tag)}> root"
    for el in root.iter():
        if _local(el.tag) in _ACTIVE_ELEMENTS:
            return f"a <{_local(el.tag)}> element"
        for name, value in el.attrib.items():
            attr, v = _local(name), value.strip().lower()
            if attr.startswith("on"):
                return f"an {attr} attribute"
            # Only links and CSS-valued attributes can fetch; other attributes (tooltips) hold text.
            if (attr in ("href", "src") and not v.startswith("#")) or (attr in _CSS_ATTRS and _OUTSIDE_URL.search(v)):
                return f"a link to {value[:40]!r}"
    return None


def safe_svg(svg: str | bytes) -> str:
    """A diagram ready to sit inside the page (:func:`argmap.diagrams.inline_svg`: no XML
    declaration, doctype or leading comments), after checking that nothing in it can run or
    fetch anything.

    Diagrams come from argmap's renderer, which escapes every label; a script, an event
    attribute or an outside link is refused rather than inlined, so a renderer bug shows as
    an error instead of a hole.

    Example:
        >>> safe_svg(b'<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<svg><g id="a"/></svg>')
        '<svg><g id="a"/></svg>'
        >>> safe_svg('<svg><g onclick="steal()"/></svg>')
        Traceback (most recent call last):
        ...
        ValueError: refusing to inline a diagram containing an onclick attribute
    """
    from argmap.diagrams import inline_svg

    text = inline_svg(svg if isinstance(svg, bytes) else svg.encode("utf-8"))
    try:
        # No doctype is left, so no entity can be defined: parsing stays cheap and local.
        problem = _unsafe_svg_part(ElementTree.fromstring(text))
    except ElementTree.ParseError as exc:
        problem = f"malformed XML ({exc})"
    if problem is not None:
        raise ValueError(f"refusing to inline a diagram containing {problem}")
    return text


_SVG_ID = re.compile(r'\sid="([^"]*)"')


def _svg_ids(svg: str) -> set[str]:
    """The element ids of an SVG, as the browser reads them (Graphviz writes ``-`` as ``&#45;``)."""
    return {unescape(m) for m in _SVG_ID.findall(svg)}


@dataclass
class _Index:
    """Positions and lookups computed once, so building stays linear in the map size."""

    amap: ArgumentMap
    labelling: Mapping[str, str]
    node_no: dict[str, int] = field(default_factory=dict)
    topic_no: dict[str, int] = field(default_factory=dict)
    topic_of: dict[str, Topic] = field(default_factory=dict)
    doc_of: dict[str, str | None] = field(default_factory=dict)
    outgoing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    incoming: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    marked: set[str] = field(default_factory=set)  # statements highlighted in a text
    headed: set[str] = field(default_factory=set)  # topics whose heading is marked in a text
    spanned: dict[str | None, list[Topic | Node]] = field(default_factory=dict)  # per document

    def __post_init__(self) -> None:
        self.topic_no = {t.id: i for i, t in enumerate(self.amap.topics)}
        self.topic_of = {t.id: t for t in self.amap.topics}
        self.node_no = {n.id: i for i, n in enumerate(self.amap.nodes)}
        docs = {d.id: d for d in self.amap.documents}
        single = self.amap.documents[0].id if len(self.amap.documents) == 1 else None
        for t in self.amap.topics:
            self.doc_of[t.id] = t.document if t.document in docs else single
        for n in self.amap.nodes:
            self.doc_of[n.id] = n.document if n.document in docs else self.doc_of.get(n.topic) or single
        for item in self.amap.iter_items():
            if item.span is not None:
                self.spanned.setdefault(self.doc_of[item.id], []).append(item)
        for e in self.amap.edges:
            self.outgoing.setdefault(e.source, []).append((e.relation, e.target))
            self.incoming.setdefault(e.target, []).append((e.relation, e.source))

    def anchor(self, item_id: str) -> str | None:
        """The page element an id links to: its highlight in the text, else its table row or topic."""
        if item_id in self.node_no:
            k = self.node_no[item_id]
            return f"s{k}" if item_id in self.marked else f"r{k}"
        if item_id in self.topic_no:
            return f"t{self.topic_no[item_id]}"
        return None

    def ref(self, item_id: str) -> str:
        """A link to a statement or topic, showing its id (plain text for unknown ids)."""
        target = self.anchor(item_id)
        label = _e(item_id)
        if target is None:
            return f'<code class="ref">{label}</code>'
        if item_id in self.topic_no:
            title = self.topic_of[item_id].title
            return f'<a class="ref topic-ref" href="#{target}">{_e(_short(title, 60))}</a>'
        return f'<a class="ref" href="#{target}"><code>{label}</code></a>'

    def status(self, item_id: str) -> str:
        value = self.labelling.get(item_id)
        if value is None:
            return ""
        word = STATUS_WORDS.get(value, value)
        return f'<span class="status s-{_e(value)}" title="grounded semantics: {_e(word)}">{_e(value)}</span>'


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _kind_badge(kind: str) -> str:
    return f'<span class="badge k-{_e(kind)}">{_e(kind)}</span>'


# ----- summary ----------------------------------------------------------------------------


def _summary_numbers(amap: ArgumentMap, findings: Sequence[FindingLike],
                     labelling: Mapping[str, str]) -> dict[str, Any]:
    kinds = Counter(n.kind for n in amap.nodes)
    relations = Counter(e.relation for e in amap.edges)
    severities = Counter(f.severity for f in findings)
    theses = Counter(labelling[t.id] for t in amap.topics if t.id in labelling)
    return {
        "documents": len(amap.documents), "topics": len(amap.topics), "statements": len(amap.nodes),
        "kinds": {k: kinds.get(k, 0) for k in KINDS},
        "unanswered": len(amap.unanswered_critiques()),
        "edges": len(amap.edges), "relations": {r: relations.get(r, 0) for r in ("supports", "attacks")},
        "findings": {s: severities.get(s, 0) for s in SEVERITIES}, "findings_total": len(findings),
        "theses": dict(theses),
    }


def _summary(numbers: dict[str, Any], labelled: bool, checked: bool) -> str:
    kinds = " · ".join(f'<span class="kd k-{k}">{numbers["kinds"][k]} {KIND_PLURAL[k]}</span>' for k in KINDS)
    rel = numbers["relations"]
    cards = [
        ("documents", numbers["documents"], ""),
        ("topics", numbers["topics"], ""),
        ("statements", numbers["statements"], kinds),
        ("unanswered critiques", numbers["unanswered"], "critiques nothing attacks"),
        ("edges", numbers["edges"], f'{rel["supports"]} supports · {rel["attacks"]} attacks'),
    ]
    if checked:
        f = numbers["findings"]
        words = {s: f'{f[s]} {s}{"s" if f[s] != 1 and s != "info" else ""}' for s in SEVERITIES}
        detail = " · ".join(f'<a class="sev-{s}" href="#findings-{s}">{words[s]}</a>' if f[s] else words[s]
                            for s in SEVERITIES)
        cards.append(("findings", numbers["findings_total"], detail))
    if labelled:
        th = numbers["theses"]
        detail = " · ".join(f"{th.get(v, 0)} {STATUS_WORDS[v]}" for v in ("IN", "OUT", "UNDEC"))
        cards.append(("topic theses (grounded)", numbers["topics"], detail))
    items = "".join(f'<div class="card" data-stat="{_e(name)}"><div class="num">{value}</div>'
                    f'<div class="lbl">{_e(name)}</div><div class="sub">{detail}</div></div>'
                    for name, value, detail in cards)
    return f'<section id="summary" class="summary" aria-label="Summary">{items}</section>'


# ----- document text ----------------------------------------------------------------------


def _document_text(doc: Document, ix: _Index) -> str:
    if doc.text is None:
        return '<p class="note">The map does not include this document\'s text; its statements are listed per topic below.</p>'
    spans: list[tuple[int, int, tuple[str, int]]] = []
    for item in ix.spanned.get(doc.id, []):
        a, b = item.span or (0, 0)
        if not a < b <= len(doc.text):
            continue  # nothing to show (hand-made maps may carry empty spans)
        if isinstance(item, Topic):
            spans.append((a, b, ("t", ix.topic_no[item.id])))
            ix.headed.add(item.id)
        else:
            spans.append((a, b, ("s", ix.node_no[item.id])))
            ix.marked.add(item.id)
    opened: set[tuple[str, int]] = set()
    out: list[str] = []
    for piece, keys in segments(doc.text, spans):
        opens, closes = [], []
        for what, k in keys:
            first = (what, k) not in opened
            opened.add((what, k))
            if what == "t":
                anchor = f' id="h{k}"' if first else ""
                opens.append(f'<mark class="th" data-t="{k}"{anchor}>')
            else:
                node = ix.amap.nodes[k]
                anchor = f' id="s{k}" tabindex="0"' if first else ""
                opens.append(f'<mark class="st k-{node.kind}" data-i="{k}"{anchor}>')
            closes.append("</mark>")
        out.append("".join(opens) + _e(piece) + "".join(closes))
    return f'<div class="text">{"".join(out)}</div>'


# ----- topics -----------------------------------------------------------------------------


def _relations(node: Node, ix: _Index) -> str:
    parts = []
    for relation, target in ix.outgoing.get(node.id, []):
        parts.append(f'<span class="rel rel-{relation}">{relation} {ix.ref(target)}</span>')
    answers = [src for relation, src in ix.incoming.get(node.id, []) if relation == "attacks"]
    if answers:
        parts.append('<span class="rel">attacked by ' + ", ".join(ix.ref(a) for a in answers) + "</span>")
    return f'<div class="rels">{" ".join(parts)}</div>' if parts else ""


def _statement_cell(node: Node, ix: _Index, diagram_ids: Mapping[str, str]) -> str:
    k = ix.node_no[node.id]
    # Actor and cue are usually inside the statement's own words, so they are shown apart.
    who = f'<strong class="actor">{_e(node.actor)}</strong>' if node.actor else ""
    cue = f'<em class="cue">{_e(node.cue)}</em>' if node.cue else ""
    attribution = f'<span class="who">{" · ".join(p for p in (who, cue) if p)}</span>' if who or cue else ""
    links = []
    if node.id in ix.marked:
        links.append(f'<a href="#s{k}" class="to-text">in text</a>')
    if node.id in diagram_ids:
        links.append(f'<a href="#{_e(diagram_ids[node.id])}" class="to-diagram">in diagram</a>')
    conf = f'<span class="conf">confidence {node.confidence:.2f}</span>' if node.confidence is not None else ""
    return (f'<div class="head">{_kind_badge(node.kind)} {ix.status(node.id)} {attribution}'
            f' <code class="nid">{_e(node.id)}</code> {conf} <span class="links">{" · ".join(links)}</span></div>'
            f'<p class="stmt">{_e(node.text)}</p>{_relations(node, ix)}')


def _procon_table(nodes: Sequence[Node], ix: _Index, diagram_ids: Mapping[str, str]) -> str:
    if not nodes:
        return '<p class="note">No statements were found for this topic.</p>'
    rows = []
    for node in nodes:
        k = ix.node_no[node.id]
        cell = _statement_cell(node, ix, diagram_ids)
        dim = " out" if ix.labelling.get(node.id) == "OUT" else ""
        pro, con = (cell, "") if node.stance == "pro" else ("", cell)
        rows.append(f'<tr id="r{k}" class="row-{node.stance}{dim}" data-i="{k}">'
                    f'<td class="pro">{pro}</td><td class="con">{con}</td></tr>')
    return ('<table class="procon"><caption>Statements in text order: pro on the left, contra on the right</caption>'
            '<thead><tr><th scope="col" class="pro">Pro — claims and rebuttals</th>'
            '<th scope="col" class="con">Contra — critiques</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _topic_section(topic: Topic, ix: _Index, diagram: str | None, diagram_ids: Mapping[str, str],
                   by_topic: Mapping[str, list[Node]]) -> str:
    j = ix.topic_no[topic.id]
    nodes = by_topic.get(topic.id, [])
    kinds = Counter(n.kind for n in nodes)
    counts = ", ".join(f"{kinds[k]} {KIND_PLURAL[k] if kinds[k] != 1 else k}" for k in KINDS if kinds[k]) or "no statements"
    section = f'<span class="section-name">{_e(topic.section)}</span> · ' if topic.section else ""
    heading = f' · <a href="#h{j}">heading in text</a>' if topic.id in ix.headed else ""
    status = ""
    if topic.id in ix.labelling:
        value = ix.labelling[topic.id]
        status = (f'<p class="thesis">Thesis under grounded semantics: {ix.status(topic.id)} '
                  f'{_e(STATUS_WORDS.get(value, value))}</p>')
    figure = ""
    if diagram is not None:
        figure = (f'<figure class="diagram" aria-label="Diagram of {_e(topic.title)}">{diagram}'
                  '<figcaption>Click a statement in the diagram to find it in the text.</figcaption></figure>')
    return (f'<section class="topic" id="t{j}" data-topic="{j}"><h3><span class="tag">topic</span> {_e(topic.title)}</h3>'
            f'<p class="meta">{section}{_e(counts)} · <code>{_e(topic.id)}</code>{heading}</p>{status}'
            f'{figure}{_procon_table(nodes, ix, diagram_ids)}</section>')


# ----- findings ---------------------------------------------------------------------------


def _finding_item(f: FindingLike, ix: _Index) -> str:
    ids = f' <span class="ids">{" ".join(ix.ref(i) for i in f.ids)}</span>' if f.ids else ""
    return f'<li class="finding sev-{_e(f.severity)}">{_e(f.message)}{ids}</li>'


def _findings(findings: Sequence[FindingLike], ix: _Index) -> str:
    """Findings by severity, then by check (code and name); long lists of notes start folded."""
    if not findings:
        return ('<section id="findings" class="findings"><h2>Findings</h2>'
                '<p class="note">The checks found nothing to report.</p></section>')
    groups = []
    others = sorted({f.severity for f in findings} - set(SEVERITIES))  # shown too, never dropped
    for severity in [*SEVERITIES, *others]:
        mine = [f for f in findings if f.severity == severity]
        if not mine:
            continue
        by_check: dict[tuple[str, str], list[FindingLike]] = {}
        for f in mine:
            by_check.setdefault((f.code, getattr(f, "name", "") or ""), []).append(f)
        checks = []
        for (code, name), items in by_check.items():
            fold = "" if severity != "info" or len(items) <= 5 else " closed"
            label = f'<code class="code">{_e(code)}</code>' + (f' <span class="fname">{_e(name)}</span>' if name else "")
            checks.append(f'<details class="check sev-{_e(severity)}"{"" if fold else " open"}>'
                          f'<summary>{label} <span class="count">({len(items)})</span></summary>'
                          f'<ul>{"".join(_finding_item(f, ix) for f in items)}</ul></details>')
        heading = SEVERITY_HEADINGS.get(severity, severity)
        groups.append(f'<div class="sev-group" id="findings-{_e(severity)}"><h3 class="sev-{_e(severity)}">'
                      f'{_e(heading)} ({len(mine)})</h3>{"".join(checks)}</div>')
    return f'<section id="findings" class="findings"><h2>Findings</h2>{"".join(groups)}</section>'


# ----- page data for the script ------------------------------------------------------------


def _page_data(ix: _Index, diagram_ids: Mapping[str, str]) -> dict[str, Any]:
    amap = ix.amap
    statements = []
    for k, n in enumerate(amap.nodes):
        statements.append({
            "id": n.id, "kind": n.kind, "stance": n.stance, "actor": n.actor, "cue": n.cue,
            "text": _short(n.text, 160), "topic": ix.topic_no[n.topic], "confidence": n.confidence,
            "status": ix.labelling.get(n.id), "mark": n.id in ix.marked, "g": diagram_ids.get(n.id),
            "out": [[rel, _target(t, ix)] for rel, t in ix.outgoing.get(n.id, [])],
            "in": [[rel, _target(s, ix)] for rel, s in ix.incoming.get(n.id, [])],
        })
    topics = [{"id": t.id, "title": t.title, "status": ix.labelling.get(t.id), "g": diagram_ids.get(t.id)}
              for t in amap.topics]
    return {"statements": statements, "topics": topics}


def _target(item_id: str, ix: _Index) -> list[Any]:
    if item_id in ix.node_no:
        return ["s", ix.node_no[item_id]]
    return ["t", ix.topic_no[item_id]]


# ----- navigation and page ------------------------------------------------------------------


def _nav(ix: _Index, numbers: dict[str, Any], checked: bool,
         groups: Sequence[tuple[Document | None, list[Topic]]], diagram_legend: str) -> str:
    legend = "".join(f'<li><mark class="st k-{k}">{k}</mark> {d}</li>' for k, d in
                     (("claim", "pro, solid underline"), ("rebuttal", "pro answer, double underline"),
                      ("critique", "con, wavy underline")))
    toc = ['<li><a href="#summary">Summary</a></li>']
    if checked:
        f = numbers["findings"]
        toc.append(f'<li><a href="#findings">Findings</a> <span class="count">{f["error"]} E · '
                   f'{f["warning"]} W · {f["info"]} I</span></li>')
    for g, (doc, topics) in enumerate(groups):
        name = _doc_title(doc) if doc is not None else "Other topics"
        items = "".join(f'<li><a href="#t{ix.topic_no[t.id]}">{_e(_short(t.title, 48))}</a></li>' for t in topics)
        toc.append(f'<li><a href="#doc{g}" class="doc-link">{_e(_short(name, 48))}</a>'
                   f'{f"<ol>{items}</ol>" if items else ""}</li>')
    return (f'<nav class="side" aria-label="Contents"><p class="brand">argmap report</p>'
            f'<p class="tiny">{numbers["documents"]} documents · {numbers["topics"]} topics · '
            f'{numbers["statements"]} statements · {numbers["unanswered"]} unanswered critiques</p>'
            f'<ul class="legend" aria-label="Legend of the texts">{legend}</ul>'
            f'{diagram_legend}'
            f'<ol class="toc">{"".join(toc)}</ol></nav>')


def _doc_title(doc: Document) -> str:
    return doc.title or doc.source or doc.id


def _groups(amap: ArgumentMap, ix: _Index) -> list[tuple[Document | None, list[Topic]]]:
    """Documents in map order with their topics; topics tied to no known document last."""
    by_doc: dict[str | None, list[Topic]] = {}
    for t in amap.topics:
        by_doc.setdefault(ix.doc_of[t.id], []).append(t)
    groups: list[tuple[Document | None, list[Topic]]] = [(d, by_doc.get(d.id, [])) for d in amap.documents]
    if by_doc.get(None):
        groups.append((None, by_doc[None]))
    return groups


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def build_report(amap: ArgumentMap, *, diagrams: Mapping[str, str | bytes] | None = None,
                 diagram_id: Callable[[str], str] | None = None,
                 findings: Iterable[FindingLike] | None = None,
                 labelling: Mapping[str, str] | None = None, diagram_legend: str | None = None,
                 title: str | None = None) -> str:
    """The report page as HTML text.

    ``diagrams`` maps topic ids to SVG (inlined); ``diagram_id(map_id)`` is the id of a
    statement's element in those SVGs (e.g. ``argmap.diagrams.svg_id``) so the text and the
    diagrams link to each other; ``diagram_legend`` (SVG) explains their look once, beside the
    contents. ``findings`` (``None``: the checks were not run) and
    ``labelling`` (id → ``IN``/``OUT``/``UNDEC``) add the findings list and grounded status.
    :func:`argmap.reports.make_report` computes all three with argmap's own modules.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> page = build_report(ArgumentMap(topics=[Topic(id="t1", title="Fees & fines")]),
        ...                     labelling={"t1": "IN"}, findings=[])
        >>> "Fees &amp; fines" in page and "The checks found nothing" in page
        True
    """
    labelling = dict(labelling or {})
    checked = findings is not None
    found = list(findings or [])
    ix = _Index(amap, labelling)
    groups = _groups(amap, ix)
    # Texts first: they decide which statements have a highlight to link to.
    texts = {doc.id: _document_text(doc, ix) for doc, _ in groups if doc is not None}
    svgs = {tid: safe_svg(svg) for tid, svg in (diagrams or {}).items()}
    legend = ""
    if diagram_legend and svgs:
        legend = f'<div class="legend diagram-legend"><p>In the diagrams</p>{safe_svg(diagram_legend)}</div>'
    by_topic: dict[str, list[Node]] = {}
    for n in amap.nodes:
        by_topic.setdefault(n.topic, []).append(n)
    diagram_ids: dict[str, str] = {}
    if diagram_id is not None:
        for tid, svg in svgs.items():
            present = _svg_ids(svg)
            for item_id in [tid, *(n.id for n in by_topic.get(tid, []))]:
                if diagram_id(item_id) in present:
                    diagram_ids[item_id] = diagram_id(item_id)
    numbers = _summary_numbers(amap, found, labelling)
    body = [_summary(numbers, bool(labelling), checked)]
    if checked:
        body.append(_findings(found, ix))
    for g, (doc, topics) in enumerate(groups):
        if doc is None:
            head = '<h2>Other topics</h2><p class="meta">Topics the map ties to no document.</p>'
            text = ""
        else:
            origin = f'<code>{_e(doc.source)}</code> · ' if doc.source else ""
            n_nodes = sum(len(by_topic.get(t.id, [])) for t in topics)
            head = (f'<h2><span class="tag">document</span> {_e(_doc_title(doc))}</h2>'
                    f'<p class="meta">{origin}{len(topics)} topics · {n_nodes} statements</p>')
            text = texts[doc.id]
        sections = "".join(_topic_section(t, ix, svgs.get(t.id), diagram_ids, by_topic) for t in topics)
        body.append(f'<section class="doc" id="doc{g}">{head}{text}'
                    f'<div class="topics">{sections}</div></section>')
    script = asset("report.js")
    names = ", ".join(_doc_title(d) for d, _ in groups if d is not None)
    page_title = title or ("argmap report — " + _short(names, 120) if names else "argmap report")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(script)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmap">\n<title>{_e(page_title)}</title>\n'
        f"<style>\n{asset('report.css')}</style>\n</head>\n<body>\n"
        f'<div class="layout">{_nav(ix, numbers, checked, groups, legend)}'
        f'<main><h1>{_e(title or "Debate report")}</h1>{INTRO}{"".join(body)}</main></div>\n'
        '<button type="button" id="back" class="back" hidden>↩ Back</button>\n'
        f'<script type="application/json" id="argmap-data">{_json_for_script(_page_data(ix, diagram_ids))}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
