"""How diagrams look (issue 9, defect 11): status runs keep their spaces, legible headers, a
compact legend under the diagram and no wider than it, a projector theme, node/edge
attributes, and the same defaults in the CLI, the report and notebooks."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.diagrams import THEMES, get_theme, render_overview, render_topics, topic_dot
from argmap.diagrams.notebook import map_svg
from argmap.model import ArgumentMap, Edge, Node, Topic

requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def school_map() -> ArgumentMap:
    """Written for these tests: one topic with a defeated claim, an attack cycle, a long box."""
    return ArgumentMap(
        topics=[Topic(id="T", title="Homework for primary pupils"), Topic(id="U", title="Uniforms")],
        nodes=[
            Node(id="c", kind="claim", topic="T", actor="Teachers",
                 text="Teachers say short homework builds a habit of reading at home."),
            Node(id="k", kind="critique", topic="T", actor="Parents", text="Parents say it eats family time."),
            Node(id="r", kind="rebuttal", topic="T", text="Ten minutes a day is not much."),
            Node(id="k2", kind="critique", topic="T", text="It widens gaps between homes."),
            Node(id="r2", kind="rebuttal", topic="T", text="Schools can offer homework clubs."),
            Node(id="u", kind="claim", topic="U", text="Yes."),
        ],
        edges=[Edge(source="c", target="T", relation="supports"), Edge(source="k", target="c", relation="attacks"),
               Edge(source="r", target="k", relation="attacks"), Edge(source="k2", target="T", relation="attacks"),
               Edge(source="r2", target="k2", relation="attacks"), Edge(source="k2", target="r2", relation="attacks"),
               Edge(source="u", target="U", relation="supports")],
    )


LABELS = {"T": "UNDEC", "c": "OUT", "k": "IN", "r": "OUT", "k2": "UNDEC", "r2": "UNDEC", "U": "IN", "u": "IN"}


def texts(svg: bytes) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}text"))


@requires_dot
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_no_text_run_starts_with_a_space(theme: str) -> None:
    # Browsers drop the leading space of an SVG <text>; Graphviz writes one <text> per run, so
    # a run starting with a space glued "PRO" to "· defeated" on screen.
    svgs = render_topics(school_map(), status=LABELS, theme=theme)
    runs = [t.text for svg in svgs.values() for t in texts(svg) if t.text]
    assert any("defeated (OUT)" in r for r in runs) and any("undecided" in r for r in runs)
    assert [r for r in runs if r[0].isspace()] == []
    # the space is kept at the end of the run before, so the words stay apart
    header = [t.text for t in texts(svgs["T"]) if t.text and t.text.startswith("CLAIM")]
    assert header == ["CLAIM · PRO "]


@requires_dot
def test_kind_headers_are_legible() -> None:
    for name, theme in THEMES.items():
        svg = render_topics(school_map(), topics="T", theme=name)["T"]
        sizes = {float(t.get("font-size")) for t in texts(svg) if t.text and "CRITIQUE" in t.text}
        assert sizes and min(sizes) >= max(9.0, theme.fontsize - 1), (name, sizes)
    big = render_topics(school_map(), topics="T", font_size=16)["T"]
    assert {float(t.get("font-size")) for t in texts(big) if t.text and "CLAIM" in t.text} == {15.0}
    assert "16.00" in {t.get("font-size") for t in texts(big)}


def _extent(elements: list[ET.Element]) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of polygons, paths and text anchors among ``elements``."""
    xs, ys = [], []
    for el in elements:
        if el.tag in (f"{SVG}polygon", f"{SVG}polyline"):
            pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
            xs += [p[0] for p in pts]
            ys += [p[1] for p in pts]
        elif el.tag == f"{SVG}path":
            nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
            xs += nums[0::2]
            ys += nums[1::2]
        elif el.tag == f"{SVG}text":
            x, size = float(el.get("x")), float(el.get("font-size"))
            xs += [x, x + 0.6 * size * len(el.text or "")]
            ys.append(float(el.get("y")))
    return min(xs), max(xs), min(ys), max(ys)


def legend_and_drawing(svg: bytes) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Extents of the legend (drawn as the graph's label) and of the nodes and edges."""
    root = ET.fromstring(svg)
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    own = [el for el in graph if el.tag in (f"{SVG}polygon", f"{SVG}path", f"{SVG}text")][1:]  # [0]: background
    parts = [el for g in graph if g.tag == f"{SVG}g" and g.get("class") in ("node", "edge") for el in g.iter()]
    assert own, "no legend drawn under the graph"
    return _extent(own), _extent(parts)


@requires_dot
@pytest.mark.parametrize("theme", ["default", "projector"])
def test_legend_sits_below_the_diagram_and_is_no_wider(theme: str) -> None:
    amap = school_map()
    wide = ArgumentMap(topics=amap.topics[:1], nodes=amap.nodes[:5] + [
        Node(id=f"x{i}", kind="claim", topic="T", text=f"Reason number {i} for short homework.") for i in range(6)],
        edges=amap.edges[:6] + [Edge(source=f"x{i}", target="T", relation="supports") for i in range(6)])
    cases = [render_topics(amap, topics=["T", "U"], theme=theme), render_topics(wide, theme=theme, status=False)]
    for svgs in cases:
        for topic_id, svg in svgs.items():
            (left, right, top, _), (d_left, d_right, _, d_bottom) = legend_and_drawing(svg)
            assert top > d_bottom, (topic_id, "legend overlaps the drawing")  # SVG y grows downwards
            assert right - left <= d_right - d_left, (topic_id, theme, right - left, d_right - d_left)
    # compact: in the wide diagram the legend uses few rows
    (_, _, top, bottom), _ = legend_and_drawing(cases[1]["T"])
    assert bottom - top < 4 * get_theme(theme).fontsize * 2


@requires_dot
def test_overview_has_the_same_legend_below() -> None:
    svg = render_overview(school_map(), status=LABELS)
    (left, right, top, _), (d_left, d_right, _, d_bottom) = legend_and_drawing(svg)
    assert top > d_bottom and right - left <= d_right - d_left
    assert "defeated" in {t.text for t in texts(svg)}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_projector_theme_is_large_and_high_contrast() -> None:
    p, d = get_theme("projector"), get_theme("default")
    assert p.fontsize >= 18 and p.header_size >= 17 and p.line_width >= 2 * d.line_width
    for fill in (p.topic_fill, p.pro_fill, p.con_fill, p.out_fill):
        assert contrast(p.ink, fill) >= 7  # WCAG AAA for the statements
        assert contrast(p.muted_ink, fill) >= 7  # headers and defeated text too
    for line in (p.support_color, p.attack_color, p.pro_line, p.con_line):
        assert contrast(line, "#FFFFFF") >= 4.5
    src = topic_dot(school_map(), "T", theme="projector")
    assert "fontsize=20" in src and "penwidth=3" in src


@requires_dot
def test_node_and_edge_attributes_by_dotted_name() -> None:
    svg = render_topics(school_map(), topics="T", graph_attr={"node.fontsize": 24, "edge.color": "#123456"},
                        status=False)["T"]
    statement = next(t for t in texts(svg) if t.text and t.text.startswith("Ten minutes"))
    assert statement.get("font-size") == "24.00"
    assert "#123456" in svg.decode()


@requires_dot
def test_notebook_report_and_library_draw_with_the_same_defaults() -> None:
    from argmap.reports import report_parts

    amap = school_map()
    plain = render_topics(amap, topics="T")["T"]
    assert b"defeated (OUT)" in plain  # status is drawn unless asked not to
    assert b"defeated (OUT)" not in render_topics(amap, topics="T", status=False)["T"]
    assert amap.topic_view("T").svg().encode() == plain
    assert "defeated (OUT)" in map_svg(amap)
    report = report_parts(amap)["diagrams"]["T"]
    assert b"defeated (OUT)" in report
