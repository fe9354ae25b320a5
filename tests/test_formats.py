"""The format registry, Kialo, GraphML, node-link JSON and Mermaid: round trips (exact where
the format holds a whole map, and exactly what is lost where it does not), errors, escaping."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap import InputError
from argmap.formats import (FORMATS, FormatWarning, detect, format_for_path, generate, parse, read, readable,
                            writable, write)
from argmap.formats.mermaid import escape_label
from argmap.formats.positions import infer_kinds
from argmap.model import ArgumentMap, Document, Edge, Node, Topic
from argmap.text import visible_controls

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def small_map() -> ArgumentMap:
    return ArgumentMap(
        documents=[Document(id="d1", title="Tolls", text="Tolls cut traffic. They hurt the poor.")],
        topics=[Topic(id="t1", title="Road tolls", document="d1")],
        nodes=[Node(id="a", kind="claim", topic="t1", text="Tolls cut traffic.", span=(0, 18), confidence=0.8),
               Node(id="b", kind="critique", topic="t1", text="They hurt the poor.", span=(19, 38),
                    actor="Critics", cue="warn that")],
        edges=[Edge(source="a", target="t1", relation="supports"), Edge(source="b", target="a", relation="attacks")])


# ----------------------------------------------------------------------------- registry


def test_registry_names_and_endings() -> None:
    assert set(readable()) == {"json", "argdown", "aif", "kialo", "microtexts", "graphml", "nodelink"}
    assert set(writable()) == {"json", "argdown", "aif", "kialo", "graphml", "nodelink", "mermaid", "apx", "tgf", "i23"}
    assert format_for_path("x.map.json") == "json" and format_for_path("x.aif.json") == "aif"
    assert format_for_path("a/b.ARGDOWN") == "argdown" and format_for_path("essay.txt") is None
    for f in FORMATS.values():  # every registered function exists
        if f.can_read:
            assert callable(f.parser())
        if f.can_write:
            assert callable(f.generator())


def test_detect_by_content_for_json_and_txt(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(generate(small_map(), "aif"))
    (tmp_path / "b.json").write_text(generate(small_map(), "nodelink"))
    (tmp_path / "c.json").write_text(small_map().to_json())
    (tmp_path / "d.txt").write_text(generate(small_map(), "kialo"))
    (tmp_path / "e.txt").write_text("Road tolls are debated.")
    assert [detect(tmp_path / n) for n in ("a.json", "b.json", "c.json", "d.txt", "e.txt")] == \
        ["aif", "nodelink", "json", "kialo", None]
    with pytest.raises(InputError, match="cannot tell the format"):
        read(tmp_path / "e.txt")


def test_unknown_and_one_way_formats_are_input_errors() -> None:
    with pytest.raises(InputError, match="unknown format"):
        parse("x", "docx")
    with pytest.raises(InputError, match="cannot read this format"):
        parse("x", "mermaid")
    with pytest.raises(InputError, match="cannot write this format"):
        generate(small_map(), "microtexts")


def test_write_is_atomic_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    write(small_map(), tmp_path / "m.argdown")
    assert read(tmp_path / "m.argdown").node("b").actor == "Critics"
    bad = ArgumentMap(topics=[Topic(id="t", title="T")], nodes=[Node(id="a b", kind="claim", topic="t", text="x")])
    with pytest.raises(Exception):
        write(bad, tmp_path / "f.tgf")  # tgf names cannot hold white space
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argdown"]


@pytest.mark.parametrize("fmt", ["json", "aif", "nodelink"])
@PROPERTY
@given(amap=argument_maps())
def test_whole_map_formats_round_trip_exactly(fmt: str, amap: ArgumentMap) -> None:
    assert parse(generate(amap, fmt), fmt) == amap


# ----------------------------------------------------------------------------- GraphML


def test_graphml_reads_back_what_argmap_writes() -> None:
    m = small_map()
    assert parse(generate(m, "graphml"), "graphml") == m


_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # and \r: XML folds it


def xml_safe(amap: ArgumentMap) -> ArgumentMap:
    """The map with every character XML 1.0 cannot hold replaced: in ids by a unique escape,
    elsewhere by "?" (same length, so spans still fit)."""
    def fix(value: object, key: str = "") -> object:
        if isinstance(value, str):
            if key in ("id", "source", "target", "topic", "document"):
                return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value.replace("\\", "\\\\"))
            return _NOT_XML.sub("?", value)
        if isinstance(value, dict):
            return {k: fix(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v, key) for v in value]
        return value

    return ArgumentMap.model_validate(fix(amap.to_dict()))


@PROPERTY
@given(amap=argument_maps().map(xml_safe))
def test_graphml_round_trip_is_exact_for_what_xml_can_hold(amap: ArgumentMap) -> None:
    """XML 1.0 holds no control characters (and folds carriage returns), so the maps here
    have none; everything else comes back."""
    assert parse(generate(amap, "graphml"), "graphml") == amap


def test_graphml_from_another_tool_gets_kinds_from_position() -> None:
    g = nx.DiGraph()
    g.add_node("x", label="Tolls should come.")
    g.add_node("y", label="They hurt.")
    g.add_node("z", label="Rebates help.")
    g.add_edge("y", "x", relation="attacks")
    g.add_edge("z", "y", relation="attacks")
    text = "\n".join(nx.generate_graphml(g))
    m = parse(text, "graphml", "drawn.graphml")
    assert [(n.id, n.kind, n.text) for n in m.nodes] == [
        ("x", "claim", "Tolls should come."), ("y", "critique", "They hurt."), ("z", "rebuttal", "Rebates help.")]
    assert [t.title for t in m.topics] == ["drawn"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<graphml><graph edgedefault='directed'>\n<node id='a'>", "g.graphml:2:14: not well-formed XML"),
        ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/>'
         '<node id="b"/><edge source="a" target="b"/></graph></graphml>', "relation None (expected supports"),
    ],
)
def test_bad_graphml_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse(text, "graphml", "g.graphml")


def test_nodelink_is_what_networkx_reads() -> None:
    data = json.loads(generate(small_map(), "nodelink"))
    g = nx.node_link_graph(data, edges="links")
    assert g.nodes["b"]["kind"] == "critique" and json.loads(g.graph["documents"])[0]["id"] == "d1"
    with pytest.raises(InputError, match=r"n\.json:1:2: not valid JSON"):
        parse("{,}", "nodelink", "n.json")


# ----------------------------------------------------------------------------- Kialo

KIALO = """Discussion Title: Should cities charge road tolls?

1. Cities should charge road tolls.
1.1. Pro: Tolls cut congestion in the centre.
1.1.1. Con: Traffic only moves to the side streets
around the zone.
1.1.1.1. Con: Studies of London found little spill-over.
1.2. Con: Tolls hit drivers on low incomes hardest.
1.2.1. Pro: -> See 1.1.1.
1.2.2. Con: The revenue can fund rebates and buses.
"""


def test_kialo_reads_the_outline() -> None:
    m = parse(KIALO, "kialo", "tolls.txt")
    assert [t.title for t in m.topics] == ["Cities should charge road tolls."]
    assert m.topics[0].model_extra["kialo"] == {"title": "Should cities charge road tolls?"}
    assert [(n.id, n.kind) for n in m.nodes] == [("1.1", "claim"), ("1.1.1", "critique"), ("1.1.1.1", "rebuttal"),
                                                 ("1.2", "critique"), ("1.2.2", "rebuttal")]
    assert m.node("1.1.1").text == "Traffic only moves to the side streets\naround the zone."
    assert ("1.1.1", "supports", "1.2") in {(e.source, e.relation, e.target) for e in m.edges}
    assert len(m.edges) == 6


def test_kialo_writes_what_it_reads() -> None:
    m = parse(KIALO, "kialo")
    again = parse(generate(m, "kialo"), "kialo")
    texts = lambda x: Counter((x.node(e.source).text, e.relation,  # noqa: E731
                               x.node(e.target).text if e.target != x.topics[0].id else "") for e in x.edges)
    assert texts(again) == texts(m)


@PROPERTY
@given(amap=argument_maps())
def test_kialo_round_trip_keeps_structure_and_texts_only(amap: ArgumentMap) -> None:
    """Kialo keeps, per topic, the statements its outline reaches (edges inside the topic, from
    statement to statement or topic) with their folded texts; ids become outline numbers and
    kinds are recomputed from position. Everything else is what it cannot hold."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatWarning)
        text = generate(amap, "kialo")
    back = parse(text, "kialo")
    assert [t.title for t in back.topics] == [_kialo_text(t.title) for t in amap.topics]

    def reached(m: ArgumentMap) -> Counter[tuple[int, str, str, str]]:
        """(topic index, source text, relation, target text) for each edge a topic's tree holds."""
        out: Counter[tuple[int, str, str, str]] = Counter()
        topic_ids = [t.id for t in m.topics]
        for i, t in enumerate(m.topics):
            inside = {n.id: n for n in m.statements(t.id)}
            seen = {t.id}
            frontier = [t.id]
            while frontier:
                target = frontier.pop()
                for e in m.edges:
                    if e.target == target and e.source in inside:
                        label = inside[target].text if target in inside else ""
                        out[(i, _kialo_text(inside[e.source].text), e.relation, _kialo_text(label))] += 1
                        if e.source not in seen:
                            seen.add(e.source)
                            frontier.append(e.source)
            assert t.id in topic_ids
        return out

    assert reached(back) == reached(amap)
    kinds = infer_kinds([n.id for n in back.nodes], [(e.source, e.target, e.relation) for e in back.edges],
                        pro_roots=[t.id for t in back.topics])
    assert {n.id: n.kind for n in back.nodes} == kinds


def _kialo_text(text: str) -> str:
    """Folded white space, control characters as their control pictures (as every text format writes them)."""
    return visible_controls(" ".join(text.split()), spaces=False)


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("Discussion Title: x\n\n1. T\n1.2.1. Pro: orphan\n", "k.txt:4:1", "comes before its parent 1.2."),
        ("Discussion Title: x\n\n1. T\n1.1. Maybe: y\n", "k.txt:4:6", "expected 'Pro:' or 'Con:'"),
        ("just a sentence\n", "k.txt:1:1", "expected a numbered claim"),
        ("Discussion Title: x\n\n1. T\n1.1. Pro: -> See 1.9.\n", "k.txt:4:1", "link to claim 1.9."),
        ("Discussion Title: x\n\n1. T\n2. Another thesis\n", "k.txt:4:1", "a second thesis"),
    ],
)
def test_bad_kialo_names_line_and_column(text: str, where: str, what: str) -> None:
    with pytest.raises(InputError) as err:
        parse(text, "kialo", "k.txt")
    assert str(err.value).startswith(where + ": ") and what in str(err.value)


def test_kialo_warns_about_statements_it_cannot_place() -> None:
    m = ArgumentMap(topics=[Topic(id="t", title="T")],
                    nodes=[Node(id="a", kind="claim", topic="t", text="attached"),
                           Node(id="b", kind="claim", topic="t", text="floating")],
                    edges=[Edge(source="a", target="t", relation="supports")])
    with pytest.warns(FormatWarning, match="1 statement"):
        text = generate(m, "kialo")
    assert "floating" not in text


# ----------------------------------------------------------------------------- Mermaid


def _labels(chart: str) -> list[str]:
    return re.findall(r'"([^"]*)"', chart)


def _unescape(label: str) -> str:
    named = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
    return re.sub(r"#(\d+|quot|lt|gt|amp);", lambda m: named.get(m.group(1)) or chr(int(m.group(1))), label)


@PROPERTY
@given(st.text(max_size=60))
def test_mermaid_labels_cannot_break_out(text: str) -> None:
    label = escape_label(text)
    assert not re.search(r'["<>`\n\r|\[\](){}]', label)
    assert _unescape(label) == " ".join(text.split())


def test_mermaid_one_diagram_per_topic_with_cross_topic_nodes() -> None:
    m = ArgumentMap(topics=[Topic(id="t1", title="First"), Topic(id="t2", title="Second <b>")],
                    nodes=[Node(id="a", kind="claim", topic="t1", text='Say "hi" & go'),
                           Node(id="b", kind="critique", topic="t2", text="end"),
                           Node(id="c", kind="rebuttal", topic="t2", text="x --> y")],
                    edges=[Edge(source="a", target="t1", relation="supports"),
                           Edge(source="b", target="a", relation="attacks"),
                           Edge(source="c", target="b", relation="attacks")])
    out = generate(m, "mermaid")
    charts = re.findall(r"```mermaid\n(.*?)```", out, re.S)
    assert len(charts) == 2 and "## Second \\<b\\>" in out
    first, second = charts
    assert "m1 -- supports --> m0" in first and "m2 -. attacks .-> m1" in first  # b is drawn in t1 too
    assert "class m2 other" in first
    assert _labels(first)[1] == "Say #quot;hi#quot; #amp; go"
    assert "x --#gt; y" in _labels(second)[2]


# ----------------------------------------------------------------------------- bad input

_ARGDOWN_BITS = st.sampled_from(["[a]: x", "[a]", "<b>: y", "<b>", "  + ", "  - ", "    -> ", "  _ ", "><",
                                 "(1) ", "----", "--", "# H", "===", "{", "}", '{"argmap": {"span": [0, 1]}}',
                                 '{"argmap": {"kind": "claim", "topic": 3}}', "#tag", "@[a]", "/*", "*/", "//",
                                 "<!--", "-->", "\\", "\n", "\n\n", " ", "text", "1.1. Pro: ", "Discussion Title: T"])


@PROPERTY
@given(st.lists(_ARGDOWN_BITS | st.text(max_size=5), max_size=30).map("".join),
       st.sampled_from(["argdown", "kialo", "aif", "microtexts", "graphml", "nodelink", "json"]))
def test_any_text_is_a_map_or_one_input_error(text: str, fmt: str) -> None:
    """Whatever the file holds, reading it gives a map or an InputError: never a crash."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FormatWarning)
            parse(text, fmt, "f")
    except InputError as exc:
        assert str(exc).startswith("f") and "\n" not in str(exc)
