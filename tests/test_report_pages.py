"""A large input gives an index page plus one self-contained page per document (issue 9,
defect 12), with the same Content-Security-Policy on every page and links that resolve."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report import HOSTILE, Page, page_data

from argmap.model import ArgumentMap, Document, Edge, Node, Topic
from argmap.reports import PAGES_FROM, build_pages, make_report

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


def many_documents(n: int) -> ArgumentMap:
    """``n`` short essays written for this test, each one topic with a claim and a critique;
    the last essay's critique also attacks the first essay's claim (a link across pages)."""
    docs, topics, nodes, edges = [], [], [], []
    for i in range(n):
        text = f"Bus lanes {i}\n\nPlanners argue that lane {i} speeds buses. Shopkeepers warn that lane {i} costs parking."
        claim = text.index("Planners")
        crit = text.index("Shopkeepers")
        docs.append(Document(id=f"d{i}", title=f"Bus lanes {i}", source=f"lanes-{i}.txt", text=text))
        topics.append(Topic(id=f"t{i}", title=f"Bus lanes {i}", document=f"d{i}", span=(0, len(f"Bus lanes {i}"))))
        nodes += [Node(id=f"c{i}", kind="claim", topic=f"t{i}", document=f"d{i}", actor="Planners",
                       text=text[claim:crit - 1], span=(claim, crit - 1)),
                  Node(id=f"k{i}", kind="critique", topic=f"t{i}", document=f"d{i}", actor="Shopkeepers",
                       text=text[crit:], span=(crit, len(text)))]
        edges += [Edge(source=f"c{i}", target=f"t{i}", relation="supports"),
                  Edge(source=f"k{i}", target=f"c{i}", relation="attacks")]
    edges.append(Edge(source=f"k{n - 1}", target="c0", relation="attacks"))
    return ArgumentMap(documents=docs, topics=topics, nodes=nodes, edges=edges)


def csp_of(page: Page) -> str:
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    return csp or ""


def check_links(pages: dict[str, str]) -> None:
    """Every link is relative and leads to an element of a page of this report."""
    parsed = {name: Page(html) for name, html in pages.items()}
    for name, page in parsed.items():
        assert len(page.ids) == len(set(page.ids)), name
        for tag, attrs in page.tags:
            href = attrs.get("href") if tag == "a" else None
            if not href:
                continue
            file, _, anchor = href.partition("#")
            assert not re.match(r"[a-z]+:|//", href), href  # nothing outside the report
            target = parsed[file or name]
            assert not anchor or anchor in target.ids, (name, href)


@needs_dot
def test_a_large_input_gives_an_index_and_one_page_per_document(tmp_path: Path) -> None:
    amap = many_documents(PAGES_FROM + 1)
    index = make_report(amap, tmp_path / "out")
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    pages = {name: (tmp_path / "out" / name).read_text(encoding="utf-8") for name in files if name.endswith(".html")}
    assert index.name == "index.html" and len(pages) == PAGES_FROM + 2 and "map.json" in files
    check_links(pages)
    # the same policy (no network, only the page's own script) on every page
    assert len({csp_of(Page(html)) for html in pages.values()}) == 1
    home = Page(pages["index.html"])
    listed = [a["href"] for t, a in home.tags if t == "a" and (a.get("href") or "").startswith("doc-")]
    assert sorted({h.partition("#")[0] for h in listed}) == sorted(n for n in pages if n != "index.html")
    assert "<svg" not in pages["index.html"] and 'id="findings"' in pages["index.html"]
    first = Page(pages["doc-001-bus-lanes-0.html"])
    assert "s0" in first.ids and "<svg" in pages["doc-001-bus-lanes-0.html"]  # text and diagram on the page
    data = page_data(first)
    assert {s["id"] for s in data["statements"].values() if not s.get("elsewhere")} == {"c0", "k0"}
    # the card of c0 names its attacker from the last essay, which is on another page
    assert [s["id"] for s in data["statements"].values() if s.get("elsewhere")] == [f"k{PAGES_FROM}"]
    # each page is a small fraction of the whole report
    assert max(len(html) for html in pages.values()) < sum(len(html) for html in pages.values()) / 10
    # a smaller report in the same folder removes the pages it no longer has
    make_report(many_documents(2), tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.html", "map.json"]


def test_up_to_the_threshold_one_page() -> None:
    assert list(build_pages(many_documents(PAGES_FROM))) == ["index.html"]
    assert len(build_pages(many_documents(3), per_document=True)) == 4


def test_a_document_without_topics_gets_a_page_and_working_links() -> None:
    amap = many_documents(2)
    quiet = Document(id="dq", title="Just a note", text="Nothing is debated here.")
    amap = ArgumentMap(documents=[*amap.documents, quiet], topics=amap.topics, nodes=amap.nodes, edges=amap.edges)
    pages = build_pages(amap, per_document=True)
    assert "doc-003-just-a-note.html" in pages and "Nothing is debated here." in pages["doc-003-just-a-note.html"]
    assert 'href="doc-003-just-a-note.html#doc2"' in pages["index.html"]
    check_links(pages)


FINDINGS = [SimpleNamespace(code="AM301", name="unanswered-critique", severity="info", message="nothing answers it",
                            ids=("k0",)),
            SimpleNamespace(code="AM101", severity="error", message="a <cycle>", ids=("k2", "c0"))]


def test_findings_on_the_index_link_into_the_document_pages() -> None:
    pages = build_pages(many_documents(3), findings=FINDINGS, per_document=True)
    check_links(pages)
    home = pages["index.html"]
    assert 'href="doc-001-bus-lanes-0.html#s1"' in home and "a &lt;cycle&gt;" in home
    # a document's page lists the findings about it, and links back to the index
    assert "nothing answers it" in pages["doc-001-bus-lanes-0.html"]
    assert "nothing answers it" not in pages["doc-002-bus-lanes-1.html"]
    assert 'href="index.html"' in pages["doc-002-bus-lanes-1.html"]


hostile = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=8), max_size=4).map("".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=4))
def test_split_pages_keep_user_text_as_text(texts: list[tuple[str, str, str]]) -> None:
    amap = many_documents(len(texts))
    docs = [d.model_copy(update={"title": t, "source": s}) for d, (t, s, _) in zip(amap.documents, texts)]
    nodes = [n.model_copy(update={"actor": a}) for n, (_, _, a) in zip(amap.nodes, [x for x in texts for _ in (0, 1)])]
    amap = ArgumentMap(documents=docs, topics=amap.topics, nodes=nodes, edges=amap.edges)
    pages = build_pages(amap, findings=FINDINGS[:1], per_document=True, title=HOSTILE[0])
    check_links(pages)
    for html in pages.values():
        page = Page(html)
        assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
        assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
        assert {t for t, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "div", "nav", "p", "a",
                                             "ul", "ol", "li", "mark", "main", "h1", "h2", "h3", "section", "span",
                                             "code", "table", "caption", "thead", "tbody", "tr", "th", "td", "strong",
                                             "em", "details", "summary", "button", "script"}
