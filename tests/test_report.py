"""The report page built from hand-made maps: highlights, tables, findings, summary, links,
escaping and self-containment (diagrams, findings and labelling given directly)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.model import ArgumentMap, Document, Edge, Node, Topic
from argmap.reports import build_report
from argmap.reports.highlight import segments
from argmap.reports.html import asset, safe_svg

HOSTILE = ["<script>alert(1)</script>", '"onload=alert(1) x="', "</svg>", "</script><script>alert(2)</script>",
           "<!--", "]]>", "&amp;", "<img src=x onerror=alert(3)>", "'><svg/onload=alert(4)>", "\u2028"]


class Page(HTMLParser):
    """Everything the tests look at in a page: elements, attributes, ids, links, texts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text_of: dict[str, str] = {}  # document section id -> its highlighted text, unescaped
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._doc: str | None = None
        self._in_text = 0
        self._script: dict[str, str | None] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "script":
            self._script = a
        if tag == "section" and "doc" in (a.get("class") or "").split():
            self._doc = a.get("id")
        if tag == "div" and a.get("class") == "text":
            self._in_text = 1
            self.text_of[self._doc or ""] = ""
        elif self._in_text and tag not in ("br", "wbr"):
            self._in_text += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None
        if self._in_text:
            self._in_text -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
        if self._in_text:
            self.text_of[self._doc or ""] += data


def two_document_map() -> ArgumentMap:
    a = "Tolls\n\nCritics warn that tolls hurt <poor> drivers. Advocates counter that rebates help."
    b = "Parks\n\nSupporters argue that parks cool cities & calm people."
    return ArgumentMap(
        documents=[Document(id="d1", title="Tolls essay", source="tolls.txt", text=a),
                   Document(id="d2", title="Parks essay", source="parks.txt", text=b)],
        topics=[Topic(id="t1", title="Tolls", document="d1", span=(0, 5)),
                Topic(id="t2", title="Parks", document="d2", span=(0, 5))],
        nodes=[Node(id="n1", kind="critique", topic="t1", document="d1", text=a[7:48], span=(7, 48),
                    actor="Critics", cue="warn that", confidence=0.9),
               Node(id="n2", kind="rebuttal", topic="t1", document="d1", text=a[49:], span=(49, len(a)),
                    actor="Advocates", cue="counter that"),
               Node(id="n3", kind="claim", topic="t2", document="d2", text=b[7:], span=(7, len(b)),
                    actor="Supporters", cue="argue that"),
               Node(id="n4", kind="claim", topic="t2", text="A statement drawn by hand, without a span.")],
        edges=[Edge(source="n1", target="t1", relation="attacks"), Edge(source="n2", target="n1", relation="attacks"),
               Edge(source="n3", target="t2", relation="supports"), Edge(source="n4", target="n3", relation="supports")],
    )


FINDINGS = [SimpleNamespace(code="unanswered-critique", severity="info", message="nothing answers it", ids=("n1",)),
            SimpleNamespace(code="AM101", name="self-attack", severity="error", message="attacks <itself>", ids=("n2", "t1")),
            SimpleNamespace(code="odd-cycle", severity="warning", message="undecided", ids=("n4", "ghost"))]


def page_data(page: Page) -> dict:
    (data,) = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    return json.loads(data)


# ----- highlighting -----------------------------------------------------------------------


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_segments_cover_the_text_and_say_which_spans_cover_each_piece(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [(a, b, i) for i, (a, b) in enumerate(raw)]
    pieces = segments(text, spans)
    assert "".join(p for p, _ in pieces) == text
    at = 0
    for piece, keys in pieces:
        assert piece  # no empty pieces
        expected = {i for a, b, i in spans if max(0, min(a, len(text))) <= at and at + len(piece) <= min(b, len(text))}
        assert set(keys) == expected and len(keys) == len(expected)
        at += len(piece)


def test_statements_are_highlighted_by_kind_in_their_own_document() -> None:
    amap = two_document_map()
    html = build_report(amap)
    page = Page(html)
    marks = {a["id"]: a["class"] for t, a in page.tags if t == "mark" and (a.get("id") or "").startswith("s")}
    assert marks == {"s0": "st k-critique", "s1": "st k-rebuttal", "s2": "st k-claim"}
    # The texts read exactly as the documents, escaping and all.
    assert page.text_of == {"doc0": amap.documents[0].text, "doc1": amap.documents[1].text}
    assert "&lt;poor&gt;" in html and "cities &amp; calm" in html
    # The hand-drawn statement has no highlight but a table row, which links point to.
    assert "r3" in page.ids and "s3" not in page.ids
    assert page_data(page)["statements"]["3"]["mark"] is False


def test_overlapping_spans_nest_properly_and_keep_the_text() -> None:
    text = "one two three four"
    amap = ArgumentMap(documents=[Document(id="d", text=text)], topics=[Topic(id="t", title="T")],
                       nodes=[Node(id="a", kind="claim", topic="t", text="x", span=(0, 13)),
                              Node(id="b", kind="critique", topic="t", text="y", span=(4, 18)),
                              Node(id="c", kind="rebuttal", topic="t", text="z", span=(8, 8))])
    page = Page(build_report(amap))  # HTMLParser would keep a mis-nested page's text, so check ids too
    assert page.text_of["doc0"] == text
    assert {"s0", "s1"} <= set(page.ids) and "s2" not in page.ids
    assert len(page.ids) == len(set(page.ids))


# ----- tables, findings, summary ------------------------------------------------------------


def test_topics_get_a_pro_contra_table_with_grounded_status() -> None:
    amap = two_document_map()
    labelling = {"t1": "IN", "n1": "OUT", "n2": "IN", "t2": "UNDEC", "n3": "UNDEC", "n4": "IN"}
    html = build_report(amap, labelling=labelling)
    rows = re.findall(r'<tr id="r(\d)" class="row-(pro|con)( out)?"[^>]*><td class="pro">(.*?)</td><td class="con">(.*?)</td>',
                      html)
    assert [(k, side, bool(out), bool(pro), bool(con)) for k, side, out, pro, con in rows] == [
        ("0", "con", True, False, True), ("1", "pro", False, True, False),
        ("2", "pro", False, True, False), ("3", "pro", False, True, False)]
    assert 'class="status s-OUT"' in rows[0][4] and "Critics" in rows[0][4] and "warn that" in rows[0][4]
    assert "Thesis under grounded semantics" in html and "undecided" in html
    assert '<div class="num">2</div><div class="lbl">topic theses (grounded)</div>' in html


def test_findings_are_grouped_by_severity_and_link_to_the_statements() -> None:
    html = build_report(two_document_map(), findings=FINDINGS)
    findings = html[html.index('id="findings"'):html.index('class="doc"')]
    assert findings.index("Errors (1)") < findings.index("Warnings (1)") < findings.index("Notes (1)")
    assert 'href="#s1"' in findings and 'href="#t0"' in findings and 'href="#r3"' in findings
    assert '<summary><code class="code">AM101</code> <span class="fname">self-attack</span>' in findings
    assert "attacks &lt;itself&gt;" in findings
    assert '<code class="ref">ghost</code>' in findings
    assert 'data-stat="findings"><div class="num">3</div>' in html


def test_long_lists_of_notes_start_folded_problems_never() -> None:
    notes = [SimpleNamespace(code="AM301", name="unanswered", severity="info", message=f"m{i}", ids=("n1",))
             for i in range(6)]
    errors = [SimpleNamespace(code="AM101", severity="error", message=f"e{i}", ids=()) for i in range(6)]
    odd = [SimpleNamespace(code="X1", severity="fatal", message="odd severity", ids=())]
    html = build_report(two_document_map(), findings=notes[:5] + errors + odd)
    assert html.count('<details class="check sev-info" open>') == 1 and "odd severity" in html
    assert '<details class="check sev-error" open>' in html and "fatal (1)" in html
    html = build_report(two_document_map(), findings=notes)
    assert '<details class="check sev-info">' in html and html.count('<li class="finding') == 6


def test_no_findings_section_when_the_checks_did_not_run_and_a_note_when_they_found_nothing() -> None:
    assert 'id="findings"' not in build_report(two_document_map())
    assert "The checks found nothing" in build_report(two_document_map(), findings=[])


def test_summary_counts() -> None:
    html = build_report(two_document_map())
    stats = dict(re.findall(r'data-stat="([^"]+)"><div class="num">(\d+)</div>', html))
    assert stats == {"documents": "2", "topics": "2", "statements": "4", "unanswered critiques": "0", "edges": "4"}
    assert "1 claims" not in html and "2 claims" in html and "1 critiques" in html and "1 rebuttals" in html


# ----- diagrams ---------------------------------------------------------------------------


SVG = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
       ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Generated by graphviz -->\n'
       '<svg width="80pt" height="40pt" xmlns="http://www.w3.org/2000/svg"><g id="x&#45;arg&#45;{}" class="node">'
       '<title>t</title><polygon points="0,0 1,1"/></g></svg>')


def test_diagrams_are_inlined_and_linked_both_ways() -> None:
    amap = two_document_map()
    html = build_report(amap, diagrams={"t1": SVG.format("n1").encode()}, diagram_id=lambda i: f"x-arg-{i}")
    page = Page(html)
    assert html.count("<svg") == 1 and "<?xml" not in html and "DOCTYPE svg" not in html
    assert 'href="#x-arg-n1"' in html and page_data(page)["statements"]["0"]["g"] == "x-arg-n1"
    assert page_data(page)["statements"]["1"]["g"] is None  # not drawn in that SVG: no dead link
    assert 'href="#x-arg-n2"' not in html


@pytest.mark.parametrize("bad", ['<svg><script>alert(1)</script></svg>', '<svg><g onclick="x()"/></svg>',
                                 '<svg><a href="https://evil.example/">x</a></svg>',
                                 '<svg><foreignObject><p>x</p></foreignObject></svg>', "<html>not svg</html>",
                                 '<svg><rect style="fill: url( \'https://x.example/a.svg#p\')"/></svg>'])
def test_unsafe_diagrams_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing to inline"):
        safe_svg(bad)


def test_text_in_diagram_attributes_is_not_mistaken_for_links() -> None:
    svg = '<svg><a xlink:title="see url(x) or javascript: or onload=" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>'
    assert safe_svg(svg) == svg


# ----- escaping and self-containment ---------------------------------------------------------


hostile_text = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=8), max_size=6).map("".join)


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """Random valid maps whose every user-written string is laced with markup."""
    amap = draw(argument_maps())
    lace = lambda s: None if s is None else draw(hostile_text) + s + draw(hostile_text)  # noqa: E731
    doc = amap.documents[0]
    data = amap.to_dict()
    data["documents"][0].update(title=lace(doc.title), source=lace(doc.source))
    for t in data["topics"]:
        t.update(title=lace(t["title"]), section=lace(t["section"]))
    for n in data["nodes"]:
        n.update(actor=lace(n["actor"]), cue=lace(n["cue"]))
        if n["span"] is None:
            n["text"] = lace(n["text"])
    if doc.text is not None:
        # Markup inside the text, spans shifted so they still cover the same characters.
        prefix = draw(hostile_text)
        data["documents"][0]["text"] = prefix + doc.text + draw(hostile_text)
        for item in data["topics"] + data["nodes"]:
            if item["span"] is not None:
                item["span"] = [item["span"][0] + len(prefix), item["span"][1] + len(prefix)]
    return ArgumentMap.model_validate(data)


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "div", "nav", "p", "ul", "ol", "li", "a", "main",
                "h1", "h2", "h3", "section", "span", "strong", "em", "code", "mark", "table", "caption", "thead",
                "tbody", "tr", "th", "td", "figure", "figcaption", "button", "script", "svg", "g", "title",
                "details", "summary",
                "polygon"}


@settings(max_examples=60, deadline=None)
@given(hostile_maps(), st.booleans())
def test_user_text_never_becomes_markup(amap: ArgumentMap, with_findings: bool) -> None:
    findings = [SimpleNamespace(code="x<b>", severity="error", message=HOSTILE[0], ids=(HOSTILE[1],))] if with_findings else None
    html = build_report(amap, findings=findings, title=HOSTILE[3])
    page = Page(html)
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    # Exactly two scripts: the JSON data (which parses back to the map's strings) and the asset.
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert page.scripts[1][1] == asset("report.js")
    data = page_data(page)
    assert [s["id"] for s in data["statements"].values()] == [n.id for n in amap.nodes]
    assert [s["actor"] for s in data["statements"].values()] == [n.actor for n in amap.nodes]
    if amap.documents[0].text is not None:
        assert page.text_of["doc0"] == amap.documents[0].text
    # Every in-page link leads somewhere, and ids are unique.
    assert len(page.ids) == len(set(page.ids))
    hrefs = [a["href"] for t, a in page.tags if t == "a" and a.get("href")]
    assert all(h.startswith("#") and h[1:] in page.ids for h in hrefs)


def test_the_page_fetches_nothing_and_runs_only_its_own_script() -> None:
    amap = two_document_map()
    html = build_report(amap, diagrams={"t1": SVG.format("n1")}, diagram_id=lambda i: f"x-arg-{i}", findings=FINDINGS)
    page = Page(html)
    urls = [v for _, a in page.tags for k, v in a.items() if k in ("src", "href", "xlink:href", "action") and v]
    assert urls and not [u for u in urls if not u.startswith("#")]
    assert not [t for t, _ in page.tags if t in ("link", "img", "iframe", "object", "embed")]
    css = asset("report.css")
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(asset("report.js").encode()).digest()).decode()
    assert "default-src 'none'" in csp and f"script-src 'sha256-{digest}'" in csp


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed (make test installs it)")
@settings(max_examples=15, deadline=None)
@given(hostile_maps())
def test_the_whole_report_with_real_diagrams_and_checks_stays_inert(tmp_path_factory: pytest.TempPathFactory,
                                                                     amap: ArgumentMap) -> None:
    from argmap.reports import make_report

    html = make_report(amap, tmp_path_factory.mktemp("r")).read_text(encoding="utf-8")
    page = Page(html)
    drawn = {"svg", "g", "title", "desc", "polygon", "path", "ellipse", "polyline", "text", "tspan", "rect"}
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS | drawn
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert len(page.ids) == len(set(page.ids))
    links = [v for _, a in page.tags for k, v in a.items() if k in ("href", "xlink:href", "src") and v]
    assert all(v.startswith("#") and v[1:] in page.ids for v in links)
