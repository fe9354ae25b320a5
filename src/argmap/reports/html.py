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
from argmap.text import shorten

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
class _PageIndex:
    """What the report adds to the map's own index (:attr:`ArgumentMap.index`): which items
    have a highlight in a text, which page each topic and statement is on (so links can
    cross pages), and the labelling shown."""

    amap: ArgumentMap
    labelling: Mapping[str, str]
    marked: set[str] = field(default_factory=set)  # statements highlighted in a text
    headed: set[str] = field(default_factory=set)  # topics whose heading is marked in a text
    spanned: dict[str, list[Topic | Node]] = field(default_factory=dict)  # document id -> items shown in it
    page_of: dict[str, str] = field(default_factory=dict)  # item id -> its page's file ("": the only page)
    group_page: dict[int, str] = field(default_factory=dict)  # document group -> its page's file
    page: str = ""  # the page being built
    analysis: Any = None  # the critical-reading analysis shown, if any
    reading_marks: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)  # document id -> findings

    def __post_init__(self) -> None:
        self.map = self.amap.index
        self.position = self.map.position
        self.topics = self.map.topics
        for item in self.amap.iter_items():
            doc = self.map.document_of(item)
            if item.span is None or doc is None or doc.text is None:
                continue
            a, b = item.span
            if a < b <= len(doc.text):  # hand-made maps may carry empty spans: nothing to show
                self.spanned.setdefault(doc.id, []).append(item)
                (self.headed if isinstance(item, Topic) else self.marked).add(item.id)
        if self.analysis is not None:
            from argmap.reports.reading import text_marks

            self.reading_marks = text_marks(self.analysis, {d.id: d.text for d in self.amap.documents})

    def document_id(self, item_id: str) -> str | None:
        doc = self.map.document_of(item_id)
        return doc.id if doc is not None else None

    def outgoing(self, item_id: str) -> list[tuple[str, str]]:
        return [(e.relation, e.target) for e in self.map.outgoing_edges(item_id)]

    def incoming(self, item_id: str) -> list[tuple[str, str]]:
        return [(e.relation, e.source) for e in self.map.incoming_edges(item_id)]

    def anchor(self, item_id: str) -> str | None:
        """The page element an id links to: its highlight in the text, else its table row or topic."""
        if item_id in self.map.nodes:
            k = self.position[item_id]
            return f"s{k}" if item_id in self.marked else f"r{k}"
        if item_id in self.topics:
            return f"t{self.position[item_id]}"
        return None

    def href(self, item_id: str) -> str | None:
        """A link target for an id: ``#anchor`` on this page, ``page.html#anchor`` on another."""
        target = self.anchor(item_id)
        if target is None:
            return None
        page = self.page_of.get(item_id, "")
        return f"{page if page != self.page else ''}#{target}"

    def ref(self, item_id: str) -> str:
        """A link to a statement or topic, showing its id (plain text for unknown ids)."""
        target = self.href(item_id)
        label = _e(item_id)
        if target is None:
            return f'<code class="ref">{label}</code>'
        if item_id in self.topics:
            title = self.topics[item_id].title
            return f'<a class="ref topic-ref" href="{_e(target)}">{_e(shorten(title, 60))}</a>'
        return f'<a class="ref" href="{_e(target)}"><code>{label}</code></a>'

    def status(self, item_id: str) -> str:
        value = self.labelling.get(item_id)
        if value is None:
            return ""
        word = STATUS_WORDS.get(value, value)
        return f'<span class="status s-{_e(value)}" title="grounded semantics: {_e(word)}">{_e(value)}</span>'


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


def _document_text(doc: Document, ix: _PageIndex) -> str:
    if doc.text is None:
        return '<p class="note">The map does not include this document\'s text; its statements are listed per topic below.</p>'
    from argmap.reports.reading import mark_open

    spans: list[tuple[int, int, tuple[str, int]]] = []
    for item in ix.spanned.get(doc.id, []):
        a, b = item.span or (0, 0)
        spans.append((a, b, ("t", ix.position[item.id]) if isinstance(item, Topic) else ("s", ix.position[item.id])))
    spans += [(a, b, ("a", k)) for a, b, k in ix.reading_marks.get(doc.id, [])]
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
            elif what == "a":
                opens.append(mark_open(ix.analysis, k, first))
            else:
                node = ix.amap.nodes[k]
                anchor = f' id="s{k}" tabindex="0"' if first else ""
                opens.append(f'<mark class="st k-{node.kind}" data-i="{k}"{anchor}>')
            closes.append("</mark>")
        out.append("".join(opens) + _e(piece) + "".join(closes))
    return f'<div class="text">{"".join(out)}</div>'


# ----- topics -----------------------------------------------------------------------------


def _relations(node: Node, ix: _PageIndex) -> str:
    parts = []
    for relation, target in ix.outgoing(node.id):
        parts.append(f'<span class="rel rel-{relation}">{relation} {ix.ref(target)}</span>')
    answers = [src for relation, src in ix.incoming(node.id) if relation == "attacks"]
    if answers:
        parts.append('<span class="rel">attacked by ' + ", ".join(ix.ref(a) for a in answers) + "</span>")
    return f'<div class="rels">{" ".join(parts)}</div>' if parts else ""


def _statement_cell(node: Node, ix: _PageIndex, diagram_ids: Mapping[str, str]) -> str:
    k = ix.position[node.id]
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


def _procon_table(nodes: Sequence[Node], ix: _PageIndex, diagram_ids: Mapping[str, str]) -> str:
    if not nodes:
        return '<p class="note">No statements were found for this topic.</p>'
    rows = []
    for node in nodes:
        k = ix.position[node.id]
        cell = _statement_cell(node, ix, diagram_ids)
        dim = " out" if ix.labelling.get(node.id) == "OUT" else ""
        pro, con = (cell, "") if node.stance == "pro" else ("", cell)
        rows.append(f'<tr id="r{k}" class="row-{node.stance}{dim}" data-i="{k}">'
                    f'<td class="pro">{pro}</td><td class="con">{con}</td></tr>')
    return ('<table class="procon"><caption>Statements in text order: pro on the left, contra on the right</caption>'
            '<thead><tr><th scope="col" class="pro">Pro — claims and rebuttals</th>'
            '<th scope="col" class="con">Contra — critiques</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _topic_section(topic: Topic, ix: _PageIndex, diagram: str | None, diagram_ids: Mapping[str, str],
                   by_topic: Mapping[str, list[Node]]) -> str:
    j = ix.position[topic.id]
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


def _finding_item(f: FindingLike, ix: _PageIndex) -> str:
    ids = f' <span class="ids">{" ".join(ix.ref(i) for i in f.ids)}</span>' if f.ids else ""
    return f'<li class="finding sev-{_e(f.severity)}">{_e(f.message)}{ids}</li>'


def _findings(findings: Sequence[FindingLike], ix: _PageIndex) -> str:
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


def _page_data(ix: _PageIndex, diagram_ids: Mapping[str, str], nodes: Sequence[Node]) -> dict[str, Any]:
    """The statements of this page (and, briefly, those their relations reach on other pages)
    and the topics they belong to, keyed by their position in the map."""
    statements: dict[int, dict[str, Any]] = {}
    topics: set[int] = set()
    for n in nodes:
        k = ix.position[n.id]
        out = [[rel, _target(t, ix)] for rel, t in ix.outgoing(n.id)]
        into = [[rel, _target(t, ix)] for rel, t in ix.incoming(n.id)]
        statements[k] = {
            "id": n.id, "kind": n.kind, "stance": n.stance, "actor": n.actor, "cue": n.cue,
            "text": shorten(n.text, 160), "topic": ix.position[n.topic], "confidence": n.confidence,
            "status": ix.labelling.get(n.id), "mark": n.id in ix.marked, "g": diagram_ids.get(n.id),
            "out": out, "in": into,
        }
        topics.add(ix.position[n.topic])
        topics.update(j for _, (what, j) in out + into if what == "t")
    for entry in list(statements.values()):  # what a card mentions but this page does not show
        for _, (what, j) in entry["out"] + entry["in"]:
            if what == "s" and j not in statements:
                other = ix.amap.nodes[j]
                statements[j] = {"id": other.id, "kind": other.kind, "text": shorten(other.text, 160),
                                 "topic": ix.position[other.topic], "elsewhere": True}
                topics.add(ix.position[other.topic])
    shown = [ix.amap.topics[j] for j in sorted(topics)]
    return {"statements": statements,
            "topics": {ix.position[t.id]: {"id": t.id, "title": t.title, "status": ix.labelling.get(t.id),
                                           "g": diagram_ids.get(t.id)} for t in shown}}


def _target(item_id: str, ix: _PageIndex) -> list[Any]:
    return ["s" if item_id in ix.map.nodes else "t", ix.position[item_id]]


# ----- navigation and pages -----------------------------------------------------------------

#: Past this many documents a report is an index page plus one page per document.
PAGES_FROM = 50
INDEX = "index.html"
TEXT_LEGEND = (("claim", "pro, solid underline"), ("rebuttal", "pro answer, double underline"),
               ("critique", "con, wavy underline"))


def _nav(ix: _PageIndex, numbers: dict[str, Any], checked: bool, groups: Sequence[tuple[int, Document | None, list[Topic]]],
         diagram_legend: str, *, texts: bool = True, home: bool = False, reading: bool = False) -> str:
    """The contents column. ``groups`` are the documents listed (with their topics); ``home``
    adds the way back to the index page of a report split into pages."""
    legend = ""
    if texts:
        items = "".join(f'<li><mark class="st k-{k}">{k}</mark> {d}</li>' for k, d in TEXT_LEGEND)
        if reading:
            items += '<li><mark class="cr">finding</mark> to question, dotted underline</li>'
        legend = f'<ul class="legend" aria-label="Legend of the texts">{items}</ul>'
    toc = [f'<li><a href="{INDEX}#summary">Summary</a></li>' if home else '<li><a href="#summary">Summary</a></li>']
    if checked:
        f = numbers["findings"]
        toc.append(f'<li><a href="{INDEX if home else ""}#findings">Findings</a> <span class="count">{f["error"]} E · '
                   f'{f["warning"]} W · {f["info"]} I</span></li>')
    if reading:
        toc.append('<li><a href="#reading">Critical reading</a></li>')
    for g, doc, topics in groups:
        name = _doc_title(doc) if doc is not None else "Other topics"
        items = "".join(f'<li><a href="#t{ix.position[t.id]}">{_e(shorten(t.title, 48))}</a></li>' for t in topics)
        page = ix.group_page.get(g, "")
        target = f"{page}#doc{g}" if page and page != ix.page else f"#doc{g}"
        toc.append(f'<li><a href="{_e(target)}" class="doc-link">{_e(shorten(name, 48))}</a>'
                   f'{f"<ol>{items}</ol>" if items and (not page or page == ix.page) else ""}</li>')
    back = f'<p><a href="{INDEX}" class="home">← All documents</a></p>' if home else ""
    return (f'<nav class="side" aria-label="Contents"><p class="brand">argmap report</p>{back}'
            f'<p class="tiny">{numbers["documents"]} documents · {numbers["topics"]} topics · '
            f'{numbers["statements"]} statements · {numbers["unanswered"]} unanswered critiques</p>'
            f'{legend}{diagram_legend}'
            f'<ol class="toc">{"".join(toc)}</ol></nav>')


def _reading(ix: _PageIndex, on_page: Callable[[str | None, str | None], bool], topics: Sequence[Topic],
             marked: set[int]) -> str:
    """The critical-reading section (:mod:`argmap.reports.reading`) of the findings on this page."""
    from argmap.reports.reading import page_findings, reading_section

    return reading_section(ix.analysis, page_findings(ix.analysis, on_page), topics, ix, marked)


def _doc_title(doc: Document) -> str:
    return doc.title or doc.source or doc.id


def _groups(amap: ArgumentMap, ix: _PageIndex) -> list[tuple[int, Document | None, list[Topic]]]:
    """Documents in map order with their topics; topics tied to no known document last."""
    by_doc: dict[str | None, list[Topic]] = {}
    for t in amap.topics:
        by_doc.setdefault(ix.document_id(t.id), []).append(t)
    groups: list[tuple[Document | None, list[Topic]]] = [(d, by_doc.get(d.id, [])) for d in amap.documents]
    if by_doc.get(None):
        groups.append((None, by_doc[None]))
    return [(g, doc, topics) for g, (doc, topics) in enumerate(groups)]


def _templates() -> Any:
    from argmap.templating import environment

    return environment("argmap.reports")


def _page(ix: _PageIndex, *, title: str, heading: str, intro: str, nav: str, body: str, nodes: Sequence[Node],
          diagram_ids: Mapping[str, str]) -> str:
    """One self-contained page from the ``page.html`` template: CSS and script inline, the
    script allowed by its hash, the page's data as escaped JSON."""
    from markupsafe import Markup

    from argmap.templating import content_security_policy, json_for_script

    script = asset("report.js")
    return _templates().get_template("page.html").render(
        title=title, heading=heading, csp=content_security_policy(script), css=Markup(asset("report.css")), script=Markup(script),
        intro=Markup(intro), nav=Markup(nav), body=Markup(body),
        data=Markup(json_for_script(_page_data(ix, diagram_ids, nodes))))


def _document_section(g: int, doc: Document | None, topics: Sequence[Topic], ix: _PageIndex, texts: Mapping[str, str],
                      svgs: Mapping[str, str], diagram_ids: Mapping[str, str],
                      by_topic: Mapping[str, list[Node]]) -> str:
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
    return f'<section class="doc" id="doc{g}">{head}{text}<div class="topics">{sections}</div></section>'


def _page_names(groups: Sequence[tuple[int, Document | None, list[Topic]]]) -> dict[int, str]:
    """File name of each document's page: ``doc-007-<title>.html``."""
    from argmap.diagrams.escaping import slug

    return {g: "-".join(p for p in (f"doc-{g + 1:03d}", slug(_doc_title(doc) if doc else "other topics", 40)) if p)
            + ".html" for g, doc, _ in groups}


def build_pages(amap: ArgumentMap, *, diagrams: Mapping[str, str | bytes] | None = None,
                diagram_id: Callable[[str], str] | None = None, findings: Iterable[FindingLike] | None = None,
                labelling: Mapping[str, str] | None = None, diagram_legend: str | None = None,
                title: str | None = None, per_document: bool | None = None,
                progress: bool | None = None, analysis: Any = None) -> dict[str, str]:
    """The report as pages: file name → HTML, ``index.html`` first.

    One page holds everything unless the map has more than :data:`PAGES_FROM` documents
    (or ``per_document=True``): then ``index.html`` has the summary, the findings and the
    list of documents, and each document gets its own page (``doc-001-….html``) with its
    text, topics, diagrams and the findings about it. Every page is self-contained under
    the same Content-Security-Policy; links between pages are relative. Arguments as in
    :func:`build_report`; ``progress`` shows a bar while the pages are built.

    Example:
        >>> from argmap.model import ArgumentMap, Document
        >>> m = ArgumentMap(documents=[Document(id=f"d{i}", title=f"Essay {i}") for i in range(3)])
        >>> list(build_pages(m, per_document=True))
        ['index.html', 'doc-001-essay-0.html', 'doc-002-essay-1.html', 'doc-003-essay-2.html']
        >>> list(build_pages(m))
        ['index.html']
    """
    from argmap.progress import progress as progress_iter

    labelling = dict(labelling or {})
    checked = findings is not None
    found = list(findings or [])
    ix = _PageIndex(amap, labelling, analysis=analysis)
    groups = _groups(amap, ix)
    split = len(amap.documents) > PAGES_FROM if per_document is None else per_document
    svgs = {tid: safe_svg(svg) for tid, svg in (diagrams or {}).items()}
    legend = ""
    if diagram_legend and svgs:
        legend = f'<div class="legend diagram-legend"><p>In the diagrams</p>{safe_svg(diagram_legend)}</div>'
    by_topic = ix.map.statements
    diagram_ids: dict[str, str] = {}
    if diagram_id is not None:
        for tid, svg in svgs.items():
            present = _svg_ids(svg)
            for item_id in [tid, *(n.id for n in by_topic.get(tid, []))]:
                if diagram_id(item_id) in present:
                    diagram_ids[item_id] = diagram_id(item_id)
    numbers = _summary_numbers(amap, found, labelling)
    names = ", ".join(_doc_title(d) for _, d, _ in groups if d is not None)
    page_title = title or ("argmap report — " + shorten(names, 120) if names else "argmap report")
    heading = title or "Debate report"
    if not split:
        texts = {doc.id: _document_text(doc, ix) for _, doc, _ in groups if doc is not None}
        body = [_summary(numbers, bool(labelling), checked)]
        if checked:
            body.append(_findings(found, ix))
        if analysis is not None:
            body.append(_reading(ix, lambda doc, node: True, amap.topics,
                                 {k for marks in ix.reading_marks.values() for _, _, k in marks}))
        body += [_document_section(g, doc, topics, ix, texts, svgs, diagram_ids, by_topic) for g, doc, topics in groups]
        return {INDEX: _page(ix, title=page_title, heading=heading, intro=INTRO, body="".join(body),
                             nav=_nav(ix, numbers, checked, groups, legend, reading=analysis is not None),
                             nodes=amap.nodes,
                             diagram_ids=diagram_ids)}

    files = ix.group_page = _page_names(groups)
    for g, _, topics in groups:
        for t in topics:
            ix.page_of[t.id] = files[g]
            for n in by_topic.get(t.id, []):
                ix.page_of[n.id] = files[g]
    pages = {INDEX: ""}
    ix.page = INDEX
    body = [_summary(numbers, bool(labelling), checked)]
    if checked:
        body.append(_findings(found, ix))
    body.append(_documents_list(groups, files, by_topic, found, ix))
    pages[INDEX] = _page(ix, title=page_title, heading=heading, intro=INDEX_INTRO, body="".join(body),
                         nav=_nav(ix, numbers, checked, groups, "", texts=False), nodes=[], diagram_ids={})
    about: dict[str, list[FindingLike]] = {}  # page -> the findings naming something on it
    for f in found:
        for page in dict.fromkeys(ix.page_of[i] for i in f.ids if i in ix.page_of):
            about.setdefault(page, []).append(f)
    for g, doc, topics in progress_iter(groups, total=len(groups), label="writing pages", show=progress):
        ix.page = files[g]
        mine = about.get(files[g], [])
        texts = {doc.id: _document_text(doc, ix)} if doc is not None else {}
        body = ([_findings(mine, ix)] if checked and mine else [])
        if analysis is not None:
            page = files[g]
            body.append(_reading(ix, lambda d, n: (doc is not None and d == doc.id) or ix.page_of.get(n or "") == page,
                                 topics, {k for _, _, k in ix.reading_marks.get(doc.id, [])} if doc else set()))
        body.append(_document_section(g, doc, topics, ix, texts, svgs, diagram_ids, by_topic))
        name = _doc_title(doc) if doc is not None else "Other topics"
        pages[files[g]] = _page(ix, title=f"{name} — {page_title}", heading=name, intro=INTRO, body="".join(body),
                                nav=_nav(ix, numbers, checked, [(g, doc, topics)], legend, home=True,
                                         reading=analysis is not None),
                                nodes=[n for t in topics for n in by_topic.get(t.id, [])], diagram_ids=diagram_ids)
    return pages


INDEX_INTRO = ('<p class="intro">This report has one page per document: the summary and the findings are here, '
               'each document\'s text, diagrams and pro/contra tables are on its own page (listed below).</p>')


def _documents_list(groups: Sequence[tuple[int, Document | None, list[Topic]]], files: Mapping[int, str],
                    by_topic: Mapping[str, list[Node]], findings: Sequence[FindingLike], ix: _PageIndex) -> str:
    """The index page's table of documents, from the ``documents.html`` template."""
    counts: Counter[str] = Counter()
    for f in findings:
        for page in {ix.page_of.get(i) for i in f.ids} - {None}:
            counts[page] += 1  # type: ignore[index]
    rows = [{"href": files[g], "title": _doc_title(doc) if doc is not None else "Other topics",
             "source": doc.source if doc is not None else None, "topics": len(topics),
             "statements": sum(len(by_topic.get(t.id, [])) for t in topics), "findings": counts[files[g]]}
            for g, doc, topics in groups]
    return _templates().get_template("documents.html").render(rows=rows)


def build_report(amap: ArgumentMap, *, diagrams: Mapping[str, str | bytes] | None = None,
                 diagram_id: Callable[[str], str] | None = None,
                 findings: Iterable[FindingLike] | None = None,
                 labelling: Mapping[str, str] | None = None, diagram_legend: str | None = None,
                 title: str | None = None, analysis: Any = None) -> str:
    """The report as one HTML page (see :func:`build_pages` for a report split into pages).

    ``diagrams`` maps topic ids to SVG (inlined); ``diagram_id(map_id)`` is the id of a
    statement's element in those SVGs (e.g. ``argmap.diagrams.svg_id``) so the text and the
    diagrams link to each other; ``diagram_legend`` (SVG) explains their look once, beside the
    contents. ``findings`` (``None``: the checks were not run) and
    ``labelling`` (id → ``IN``/``OUT``/``UNDEC``) add the findings list and grounded status;
    ``analysis`` (:func:`argmap.analysis.analyze`) adds the critical-reading section, its
    findings marked in the texts.
    :func:`argmap.reports.make_report` computes all of them with argmap's own modules.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> page = build_report(ArgumentMap(topics=[Topic(id="t1", title="Fees & fines")]),
        ...                     labelling={"t1": "IN"}, findings=[])
        >>> "Fees &amp; fines" in page and "The checks found nothing" in page
        True
    """
    return build_pages(amap, diagrams=diagrams, diagram_id=diagram_id, findings=findings, labelling=labelling,
                       diagram_legend=diagram_legend, title=title, per_document=False, analysis=analysis)[INDEX]
