"""The exercise pages: every file written, hostile statement text never escapes into markup,
the self-check page's policy and data, and a teacher's own templates."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exercises import Exercise, make_exercise
from argmap.exercises.render import FILES, render_page, write_exercise
from argmap.model import ArgumentMap

HOSTILE = st.lists(st.sampled_from(list("<>&\"'/=`*_[](){}#|\\ \n\tabcxyz") + [
    "<script>alert(1)</script>", "</textarea>", "<img src=x onerror=alert(1)>", "]]>", "{{ 7*7 }}", "{% raw %}",
    "</script>", "<!--", "\u2028"]), min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())


def small_map(texts: list[str], actor: str) -> ArgumentMap:
    m = ArgumentMap()
    t = m.add_topic(texts[0])
    c = m.add_claim(t, texts[1], actor=actor)
    k = m.add_critique(c, texts[2], actor=actor)
    m.add_rebuttal(k, texts[0] + texts[1])
    return m


class Tags(HTMLParser):
    """Every start tag, attribute and script body of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


SVG_TAGS = {"svg", "g", "title", "desc", "polygon", "path", "text", "ellipse", "polyline", "a", "defs", "tspan",
            "rect", "line"}
EXPECTED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "ol", "li", "span", "div",
                 "label", "input", "button", "script"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE, min_size=3, max_size=3), HOSTILE)
def test_hostile_text_never_becomes_markup(texts, actor):
    # every kind but the diagram, which runs Graphviz: see test_hostile_text_in_a_diagram_exercise
    ex = make_exercise(small_map(texts, actor), seed=1, kinds=["roles", "links", "evaluate", "critical"])
    for page in ("sheet", "key", "selfcheck"):
        html = render_page(ex, page)
        parser = Tags()
        parser.feed(html)
        assert {t for t, _ in parser.tags} <= EXPECTED_TAGS
        assert not any(name.startswith("on") for _, attrs in parser.tags for name, _ in attrs)
        assert sum(t == "script" for t, _ in parser.tags) == (2 if page == "selfcheck" else 0)
        if page == "selfcheck":
            data = json.loads(parser.scripts[0])
            assert [i["id"] for i in data["items"]] == [i.id for i in ex.items]
    for page in ("sheet", "key"):
        md = render_page(ex, page, markdown=True)
        assert "<" not in md.replace("\\<", "")


def test_every_file_is_written_and_the_json_loads_back(tmp_path):
    m = small_map(["Road tolls", "Tolls cut traffic.", "Critics say tolls hurt the poor."], "Critics")
    ex = make_exercise(m, seed=2)
    written = write_exercise(ex, tmp_path / "out")
    assert sorted(p.name for p in written) == sorted([*FILES, "diagram-t1.svg"])
    assert "![diagram](diagram-t1.svg)" in (tmp_path / "out" / "sheet.md").read_text()
    assert Exercise.model_validate_json((tmp_path / "out" / "exercise.json").read_text()) == ex
    sheet = (tmp_path / "out" / "sheet.html").read_text()
    assert "Answer:" not in sheet and "Answer:" in (tmp_path / "out" / "key.html").read_text()


def test_selfcheck_policy_allows_only_its_own_script():
    import base64
    import hashlib

    page = render_page(make_exercise(small_map(["T", "a b", "c d"], "Some"), seed=0), "selfcheck")
    from html import unescape

    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src" not in csp
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_sheet_css_prints_legibly():
    from argmap.exercises.render import _asset

    css = _asset("sheet.css")
    size = int(re.search(r"body \{[^}]*font: (\d+)px", css).group(1))
    assert size >= 16 and "@media print" in css and "@page" in css


def test_a_teachers_template_folder_replaces_the_sheet(tmp_path):
    (tmp_path / "sheet.html").write_text("<p>{{ ex.title }} has {{ ex.items | length }} items</p>")
    ex = make_exercise(small_map(["T <x>", "a", "b"], "Critics"), kinds=["roles"], title="My <class>")
    assert render_page(ex, "sheet", templates=tmp_path) == "<p>My &lt;class&gt; has 3 items</p>"


def test_a_teachers_style_sheet_alone_changes_the_look(tmp_path):
    (tmp_path / "sheet.css").write_text("body { font: 20px/1.6 serif; }")
    ex = make_exercise(small_map(["T", "a", "b"], "Critics"), kinds=["roles"])
    page = render_page(ex, "sheet", templates=tmp_path)
    assert "body { font: 20px/1.6 serif; }" in page and "Charter" not in page
    assert "Charter" in render_page(ex, "sheet")


def test_hostile_text_in_a_diagram_exercise():
    texts = ["<script>alert(1)</script>", 'x" onmouseover="alert(1)', "</svg><img src=x onerror=alert(1)>"]
    ex = make_exercise(small_map(texts, "<b>Critics</b>"), seed=0, kinds=["diagram"])
    assert [i.kind for i in ex.items] == ["diagram"] and ex.items[0].figure.startswith("<svg")
    for page in ("sheet", "key", "selfcheck"):
        parser = Tags()
        parser.feed(render_page(ex, page))
        assert {t for t, _ in parser.tags} <= EXPECTED_TAGS | SVG_TAGS, page
        assert not any(name.startswith("on") for _, attrs in parser.tags for name, _ in attrs)
        assert sum(t == "script" for t, _ in parser.tags) == (2 if page == "selfcheck" else 0)
