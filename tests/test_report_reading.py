"""The report's critical-reading section: every finding in a text is marked at its span and
listed with a link to that mark; map findings link to their statement; the balance table;
hostile text around the findings never becomes markup."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_report import ALLOWED_TAGS, HOSTILE, Page, page_data

from argmap.analysis import analyze
from argmap.model import ArgumentMap, Document
from argmap.reports import build_pages, build_report

ROOT = Path(__file__).resolve().parent.parent


class Marks(Page):
    """A page plus the text inside each finding's mark, by finding number."""

    def __init__(self, html: str) -> None:
        self.mark_text: dict[int, str] = {}
        self._open: list[int | None] = []
        super().__init__(html)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "mark":
            a = dict(attrs)
            self._open.append(int(a["data-a"]) if "data-a" in a else None)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data):
        super().handle_data(data)
        for k in {k for k in self._open if k is not None}:
            self.mark_text[k] = self.mark_text.get(k, "") + data


def essay_map() -> ArgumentMap:
    from argmap.extraction import extract_files

    return extract_files([str(ROOT / "examples" / "road-pricing.txt")])


def test_each_text_finding_is_marked_at_its_span_and_linked_from_the_section():
    amap = essay_map()
    analysis = analyze(amap)
    page = Marks(build_report(amap, analysis=analysis))
    in_text = [(k, f) for k, f in enumerate(analysis.findings) if f.document]
    assert len(in_text) >= 5 and {f.code for _, f in in_text} >= {"vague-actor", "hedge"}
    for k, f in in_text:
        assert page.mark_text[k] == f.text, (k, f)
        assert f"a{k}" in page.ids
    hrefs = [a["href"] for t, a in page.tags if t == "a" and a.get("href")]
    assert {f"#a{k}" for k, _ in in_text} <= set(hrefs)
    assert all(h[1:] in page.ids for h in hrefs if h.startswith("#"))
    # the highlighted text is still exactly the document's
    assert page.text_of["doc0"] == amap.documents[0].text
    items = [a for t, a in page.tags if t == "li" and a.get("class") == "cr-finding"]
    assert len(items) == len(analysis.findings)


def test_map_findings_link_to_their_statement_and_the_balance_is_shown():
    amap = essay_map()
    analysis = analyze(amap)
    html = build_report(amap, analysis=analysis)
    unanswered = analysis.by_code("unanswered-critique")
    assert unanswered
    k = amap.index.position[unanswered[0].node]
    assert f'href="#s{k}"' in html.split('id="reading"', 1)[1]
    rows = html.split('<table class="balance">', 1)[1].split("</table>", 1)[0].count("<tr>")
    assert rows == 1 + len(amap.topics)
    assert "Critical reading" in html.split('<nav class="side"', 1)[1].split("</nav>", 1)[0]


def test_without_an_analysis_there_is_no_section():
    html = build_report(essay_map())
    assert 'id="reading"' not in html and 'class="cr ' not in html


def test_split_pages_carry_the_findings_of_their_document():
    a = "Critics warn that tolls may hurt drivers."
    b = "Many experts say parks are a disgrace to nobody."
    m = ArgumentMap(documents=[Document(id="d1", title="Tolls", text=a), Document(id="d2", title="Parks", text=b)])
    for doc, text in (("d1", a), ("d2", b)):
        t = m.add_topic(doc, document=doc)
        m.add_critique(t, text, span=(0, len(text)), document=doc)
    analysis = analyze(m)
    pages = build_pages(m, analysis=analysis, per_document=True)
    first, second = (pages[n] for n in pages if n != "index.html")
    assert "&#39;Critics&#39;" in first and "&#39;Many experts&#39;" not in first
    assert "&#39;Many experts&#39;" in second and "disgrace" in second.split('id="reading"', 1)[1]


words = st.sampled_from(["Critics say ", "Some argue ", "It is argued that ", " may ", " disaster ", "Many experts warn "])
hostile = st.lists(st.sampled_from(HOSTILE) | words | st.text(max_size=6), min_size=1, max_size=8).map("".join)


@settings(max_examples=50, deadline=None)
@given(st.lists(hostile, min_size=2, max_size=4), hostile)
def test_hostile_text_around_findings_never_becomes_markup(texts: list[str], actor: str) -> None:
    full = " ".join(texts)
    m = ArgumentMap(documents=[Document(id="d1", title=actor, text=full)])
    t = m.add_topic(actor, document="d1")
    at = 0
    last = t
    for text in texts:
        last = m.add_critique(last, text, span=(at, at + len(text)), actor=actor or None, document="d1") \
            if last is t or last.kind == "rebuttal" else m.add_rebuttal(last, text, span=(at, at + len(text)),
                                                                        document="d1")
        at += len(text) + 1
    analysis = analyze(m)
    page = Marks(build_report(m, analysis=analysis))
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not [(tag, k) for tag, a in page.tags for k in a if k.startswith("on")]
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert page.text_of["doc0"] == full
    for k, f in enumerate(analysis.findings):
        if f.document:
            assert page.mark_text[k] == f.text
    assert len(page.ids) == len(set(page.ids))
    assert [s["id"] for s in page_data(page)["statements"].values()] == [n.id for n in m.nodes]


def test_in_the_browser_a_finding_links_to_its_mark_and_back(tmp_path: Path) -> None:
    import os
    import shutil
    import time

    import pytest
    from chromium_cdp import Chromium, chromium_path

    if chromium_path() is None or shutil.which("dot") is None:
        pytest.skip("chromium or Graphviz 'dot' is not installed (make test installs them with apt-get as root)")
    pytest.importorskip("websocket", reason="websocket-client (in the 'test' extra) is not installed")
    from argmap.cli import main

    assert main(["report", str(ROOT / "examples" / "road-pricing.txt"), "-o", str(tmp_path / "r")]) == 0
    with Chromium(width=1400, height=1000) as browser:
        browser.send("Network.enable")
        browser.open((tmp_path / "r" / "index.html").as_uri())
        assert browser.eval("document.documentElement.dataset.ready") == "1"
        link = "#reading details[open] a.to-text"
        target = browser.eval(f"document.querySelector({link!r}).getAttribute('href').slice(1)")
        x, y = browser.eval(f"""(() => {{ const a = document.querySelector({link!r}); a.scrollIntoView({{block: "center"}});
            const r = a.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        time.sleep(0.2)
        browser.click_at(x, y)
        time.sleep(1.0)  # smooth scrolling
        assert browser.eval(f"""(() => {{ const r = document.getElementById({target!r}).getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight; }})()""")
        assert browser.eval(f"document.getElementById({target!r}).closest('.text') !== null")
        assert browser.eval("document.getElementById('back').textContent") == "↩ Back to the critical reading"
        assert browser.console_errors() == []
        urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
        assert all(u.startswith("file:") for u in urls)
        browser.eval("document.getElementById('reading').scrollIntoView({block: 'start'})")
        folder = Path(os.environ.get("ARGMAP_SCREENSHOTS") or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        browser.screenshot(folder / "report-reading.png")
