"""Per-topic and overview diagrams: structure, themes, labelling, ids, limits, missing Graphviz."""

from __future__ import annotations

import enum
import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest

from argmap.errors import ArgmapError, LimitExceeded
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.diagrams import (
    GraphvizMissing,
    LayoutWarning,
    RenderTimeout,
    get_theme,
    overview_dot,
    render_overview,
    render_topics,
    svg_id,
    topic_dot,
    topic_file_stems,
)
from argmap.diagrams import run as run_module
from argmap.diagrams.run import run_dot

requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def bike_map() -> ArgumentMap:
    return ArgumentMap(
        topics=[Topic(id="T1", title="Bike lanes on Main Street"), Topic(id="T2", title="Parking fees")],
        nodes=[
            Node(id="n1", kind="claim", topic="T1", actor="Supporters",
                 text="Supporters argue that protected lanes cut injuries by a third"),
            Node(id="n2", kind="critique", topic="T1", actor="Critics", text="The lanes slow buses"),
            Node(id="n3", kind="critique", topic="T1", actor="Shop owners",
                 text="Shop owners warn that losing parking will drive customers away"),
            Node(id="n4", kind="rebuttal", topic="T1", actor="Planners",
                 text="Planners respond that most shoppers arrive on foot or by bus"),
            Node(id="n5", kind="claim", topic="T2", text="Fees fund the lanes"),
        ],
        edges=[Edge(source="n1", target="T1", relation="supports"), Edge(source="n2", target="T1", relation="attacks"),
               Edge(source="n3", target="n1", relation="attacks"), Edge(source="n4", target="n3", relation="attacks"),
               Edge(source="n5", target="n1", relation="supports")],
    )


def groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def shape_attrs(group: ET.Element, attr: str) -> set[str]:
    return {el.get(attr) for el in group.iter() if el.tag in (f"{SVG}path", f"{SVG}polygon") and el.get(attr)}


@requires_dot
def test_topic_diagram_distinguishes_kinds_relations_and_actor() -> None:
    svg = render_topics(bike_map(), topics=["T1"], status=False)["T1"]
    g = groups(svg)
    theme = get_theme("default")
    # pro and con by fill colour and by outline (critique corners are extra polylines)
    assert theme.pro_fill.lower() in {f.lower() for f in shape_attrs(g[svg_id("n1")], "fill")}
    assert theme.con_fill.lower() in {f.lower() for f in shape_attrs(g[svg_id("n2")], "fill")}
    assert len(list(g[svg_id("n2")].iter(f"{SVG}polyline"))) == 4  # Graphviz "diagonals"
    assert len(list(g[svg_id("n1")].iter(f"{SVG}polyline"))) == 0
    assert len([p for p in g[svg_id("n4")].iter(f"{SVG}path")]) == 2  # rebuttal: two borders
    # supports solid with a filled arrowhead, attacks dashed with a tee
    edges = [e for e in g.values() if e.get("class") == "edge"]
    by_title = {e.find(f"{SVG}title").text: e for e in edges}
    support = next(e for t, e in by_title.items() if " supports " in t)
    attack = next(e for t, e in by_title.items() if " attacks " in t)
    assert not any(p.get("stroke-dasharray") for p in support.iter(f"{SVG}path"))
    assert any(p.get("stroke-dasharray") for p in attack.iter(f"{SVG}path"))
    assert theme.support_color.lower() in {s.lower() for s in shape_attrs(support, "stroke")}
    assert theme.attack_color.lower() in {s.lower() for s in shape_attrs(attack, "stroke")}
    # actor in bold; the cross-topic supporter n5 appears as a reference box
    bold = [t.text for t in g[svg_id("n3")].iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert [b.strip() for b in bold] == ["Shop owners"]
    # the space after the actor ends the bold run, so viewers that drop a run's leading
    # space still show "owners warn", not "ownerswarn"
    plain = [t.text for t in g[svg_id("n3")].iter(f"{SVG}text") if t.text and t.text.startswith("warn")]
    assert bold[0].endswith(" ") and plain
    assert "ref-n5" in g


@requires_dot
def test_topic_is_drawn_above_its_statements() -> None:
    g = groups(render_topics(bike_map(), topics=["T1"])["T1"])

    def top(node_id: str) -> float:  # SVG y grows downwards
        ys = [float(t.get("y")) for t in g[svg_id(node_id)].iter(f"{SVG}text")]
        return min(ys)

    assert top("T1") < top("n1") < top("n3") < top("n4")
    assert top("T1") < top("n2")


@requires_dot
def test_accessibility_titles_and_descriptions() -> None:
    svg = render_topics(bike_map(), topics=["T1"])["T1"]
    root = ET.fromstring(svg)
    assert root[0].tag == f"{SVG}title" and root[0].text == "Argument diagram: Bike lanes on Main Street"
    assert root[1].tag == f"{SVG}desc" and "1 claims, 2 critiques, 1 rebuttals" in root[1].text
    n4 = groups(svg)[svg_id("n4")]
    assert n4.find(f"{SVG}title").text == "Rebuttal: Planners respond that most shoppers arrive on foot or by bus"
    # grounded status is drawn by default, in the description too
    assert n4.find(f"{SVG}desc").text == "Rebuttal (pro), accepted (IN); voiced by Planners."


@requires_dot
def test_labelling_dims_defeated_and_marks_undecided() -> None:
    labelling = {"T1": "IN", "n1": "IN", "n2": "UNDEC", "n3": "OUT", "n4": "IN"}
    g = groups(render_topics(bike_map(), topics=["T1"], status=labelling)["T1"])
    theme = get_theme("default")
    assert theme.out_fill.lower() in {f.lower() for f in shape_attrs(g[svg_id("n3")], "fill")}
    n3_text = " ".join(t.text for t in g[svg_id("n3")].iter(f"{SVG}text"))
    assert "defeated (OUT)" in n3_text
    assert any(p.get("stroke-dasharray") for p in g[svg_id("n2")].iter(f"{SVG}polygon"))
    assert "undecided" in " ".join(t.text for t in g[svg_id("n2")].iter(f"{SVG}text"))
    assert "defeated" not in " ".join(t.text for t in g[svg_id("n4")].iter(f"{SVG}text"))
    Label = enum.Enum("Label", ["IN", "OUT", "UNDEC"])
    assert topic_dot(bike_map(), "T1", status={"n3": Label.OUT}) == topic_dot(bike_map(), "T1", status={"n3": "out"})
    with pytest.raises(ArgmapError, match="expected IN, OUT or UNDEC"):
        topic_dot(bike_map(), "T1", status={"n1": "maybe"})


@requires_dot
def test_print_theme_has_no_hue() -> None:
    svg = render_topics(bike_map(), theme="print", status={"n3": "OUT", "n2": "UNDEC"})["T1"].decode()
    colours = set(re.findall(r'(?:fill|stroke)="#([0-9a-fA-F]{6})"', svg))
    assert colours
    assert all(c[0:2] == c[2:4] == c[4:6] for c in colours), colours


def test_graph_attrs_pass_through_and_are_checked() -> None:
    src = topic_dot(bike_map(), "T1", graph_attr={"rankdir": "LR", "node.fontname": "Courier", "edge.penwidth": 3})
    assert "rankdir=LR" in src and "fontname=Courier" in src and "penwidth=3" in src
    for bad in ("rankdir=LR]; x [label", "cluster.color", "node.", ".x"):
        with pytest.raises(ArgmapError, match="not a Graphviz attribute name"):
            topic_dot(bike_map(), "T1", graph_attr={bad: "y"})
    with pytest.raises(ArgmapError, match="unknown diagram option 'graph_attrs'"):
        topic_dot(bike_map(), "T1", graph_attrs={"rankdir": "LR"})
    with pytest.raises(ArgmapError, match="unknown theme"):
        topic_dot(bike_map(), "T1", theme="neon")
    with pytest.raises(ArgmapError, match="no topic with id"):
        topic_dot(bike_map(), "T9")
    with pytest.raises(ArgmapError, match="id_prefix"):
        topic_dot(bike_map(), "T1", id_prefix='a"b')


@requires_dot
def test_overview_clusters_topics_and_has_a_limit() -> None:
    svg = render_overview(bike_map(), id_prefix="o-")
    g = groups(svg)
    assert {"o-cluster-T1", "o-cluster-T2", "o-arg-n1", "o-arg-n5"} <= set(g)
    with pytest.raises(LimitExceeded, match="per-topic diagrams"):
        overview_dot(bike_map(), limit=3)


def test_dot_format_needs_no_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module.shutil, "which", lambda name: None)
    out = render_topics(bike_map(), fmt="dot")
    assert set(out) == {"T1", "T2"} and out["T1"].startswith(b"digraph")
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        render_topics(bike_map(), fmt="svg")


@requires_dot
def test_batches_use_one_process_per_core_and_keep_order(monkeypatch: pytest.MonkeyPatch) -> None:
    started = []
    real_popen = subprocess.Popen

    def counting_popen(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(args[0])
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(run_module.subprocess, "Popen", counting_popen)
    sources = [f'digraph g{i} {{ graph [id="g{i}"]; x{i} }}' for i in range(7)]
    for fmt in ("svg", "png", "pdf"):
        started.clear()
        docs = run_dot(sources, fmt, jobs=2)
        assert len(started) == 2 and len(docs) == 7
    svgs = run_dot(sources, "svg", jobs=3)
    assert [re.search(rb'<g id="(g\d)" class="graph"', d).group(1) for d in svgs] == [f"g{i}".encode() for i in range(7)]
    assert docs[0].startswith(b"%PDF")
    assert run_dot(sources[:1], "png")[0].startswith(b"\x89PNG")


@requires_dot
def test_pathological_graph_hits_the_time_limit() -> None:
    n = 70  # a complete attack graph: dot needs far longer than the limit below
    nodes = [Node(id=f"n{i}", kind="critique", topic="t", text=f"statement {i}") for i in range(n)]
    edges = [Edge(source=f"n{i}", target=f"n{j}", relation="attacks") for i in range(n) for j in range(n) if i != j]
    amap = ArgumentMap(topics=[Topic(id="t", title="Everything attacks everything")], nodes=nodes, edges=edges)
    start = time.monotonic()
    with pytest.raises(RenderTimeout, match="within 0.5 s"):
        run_dot([topic_dot(amap, "t")], timeout=0.5)
    assert time.monotonic() - start < 10
    # the diagrams' own path draws the topic as a summary box instead, and says so
    with pytest.warns(LayoutWarning, match=r"topic t “Everything attacks everything”: drawn as a summary box"):
        svg = render_topics(amap, timeout=0.5)["t"].decode()
    assert "Graphviz did not finish it within 0.5 s" in svg and "70 statements" in svg
    assert time.monotonic() - start < 20


def test_file_stems_are_safe_and_unique() -> None:
    amap = ArgumentMap(topics=[Topic(id="../x", title="A/B: <c>"), Topic(id="X", title="a b c"),
                               Topic(id="overview", title=""), Topic(id="é", title="")])
    stems = topic_file_stems(amap, [t.id for t in amap.topics])
    assert list(stems.values()) == ["x-a-b-c", "x-a-b-c-2", "overview-2", "e"]


@requires_dot
def test_notebook_reprs_fall_back_to_a_note(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    small = bike_map()
    assert small._repr_svg_().startswith("<?xml") and small._repr_html_() is None
    big = ArgumentMap(topics=[Topic(id=f"t{i}", title=f"T{i} <&>") for i in range(300)])
    assert big._repr_svg_() is None
    note = big._repr_html_()
    assert "too large" in note and "topic_view" in note and "T0 &lt;&amp;&gt;" in note
    view = small.topic_view("T1", theme="print")
    view.save(tmp_path / "t1.png")
    assert (tmp_path / "t1.png").read_bytes().startswith(b"\x89PNG")
    with pytest.raises(ArgmapError, match="suffix"):
        view.save(tmp_path / "t1.gif")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert small._repr_svg_() is None and "apt-get install graphviz" in small._repr_html_()
