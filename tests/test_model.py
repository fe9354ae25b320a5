from __future__ import annotations

import io
import json
import typing
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import argmap
from argmap import ArgumentMap, Document, Edge, MapIndex, Node, Span, Topic, json_schema
from argmap.io import atomic_write
from strategies import XML_SAFE, argument_maps


def small_map() -> ArgumentMap:
    return ArgumentMap(
        documents=[Document(id="d1", title="Tolls", text="Tolls cut traffic. Critics say tolls hurt the poor.")],
        topics=[Topic(id="t1", title="Road tolls", document="d1")],
        nodes=[
            Node(id="n1", kind="claim", topic="t1", text="Tolls cut traffic.", span=(0, 18)),
            Node(id="n2", kind="critique", topic="t1", text="Critics say tolls hurt the poor.", span=(19, 51),
                 actor="Critics", cue="say"),
            Node(id="n3", kind="rebuttal", topic="t1", text="Rebates fix that."),
            Node(id="n4", kind="critique", topic="t1", text="Rebates are slow."),
            Node(id="n5", kind="critique", topic="t1", text="Nobody asked."),
        ],
        edges=[
            Edge(source="n1", target="t1", relation="supports"),
            Edge(source="n2", target="n1", relation="attacks"),
            Edge(source="n3", target="n2", relation="attacks"),
            Edge(source="n4", target="n3", relation="attacks"),
        ],
    )


@settings(max_examples=150, deadline=None)
@given(argument_maps())
def test_json_round_trip(amap: ArgumentMap) -> None:
    assert ArgumentMap.from_json(amap.to_json()) == amap


@settings(max_examples=150, deadline=None)
@given(argument_maps())
def test_networkx_round_trip(amap: ArgumentMap) -> None:
    assert ArgumentMap.from_networkx(amap.to_networkx()) == amap


def test_json_matches_contract() -> None:
    data = json.loads(small_map().to_json())
    assert data["schema"] == "argmap/1"
    assert set(data) == {"schema", "documents", "topics", "nodes", "edges"}
    node = data["nodes"][1]
    assert node["span"] == [19, 51]
    assert {"id", "kind", "topic", "text", "span", "actor", "cue", "confidence", "document"} <= set(node)
    assert "stance" not in node, "stance is derived from kind, never stored"


def test_stance_follows_kind() -> None:
    m = small_map()
    assert [m.node(i).stance for i in ("n1", "n2", "n3")] == ["pro", "con", "pro"]


def test_extra_fields_survive() -> None:
    data = json.loads(small_map().to_json())
    data["nodes"][0]["note"] = "kept"
    data["generator"] = "hand"
    again = json.loads(ArgumentMap.model_validate(data).to_json())
    assert again["nodes"][0]["note"] == "kept" and again["generator"] == "hand"


def test_schema_required_fields_match_design() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert schema["required"] == ["schema"]
    assert defs["Document"]["required"] == ["id"]
    assert sorted(defs["Topic"]["required"]) == ["id", "title"]
    assert sorted(defs["Node"]["required"]) == ["id", "kind", "text", "topic"]
    assert sorted(defs["Edge"]["required"]) == ["relation", "source", "target"]


def _data() -> dict:
    return json.loads(small_map().to_json())


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["nodes"].append(dict(d["nodes"][0])), "duplicate id 'n1'"),
        (lambda d: d["nodes"][0].update(id="t1"), "duplicate id 't1'"),
        (lambda d: d["edges"].append({"source": "n1", "target": "ghost", "relation": "attacks"}),
         "target 'ghost' does not exist"),
        (lambda d: d["edges"].append({"source": "ghost", "target": "n1", "relation": "attacks"}),
         "source 'ghost' does not exist"),
        (lambda d: d["nodes"][0].update(topic="t9"), "node 'n1': topic 't9' does not exist"),
        (lambda d: d["nodes"][0].update(document="d9"), "node 'n1': document 'd9' does not exist"),
        (lambda d: d["nodes"][0].update(span=[0, 999]), "node 'n1': span [0, 999] lies outside document 'd1'"),
        (lambda d: d["topics"][0].update(span=[0, 999]), "topic 't1': span [0, 999] lies outside"),
        (lambda d: d["nodes"][0].update(span=[5, 2]), "nodes.0.span"),
        (lambda d: d["nodes"][0].update(kind="opinion"), "nodes.0.kind"),
        (lambda d: d["edges"][0].update(relation="likes"), "edges.0.relation"),
        (lambda d: d["nodes"][0].update(confidence=1.5), "nodes.0.confidence"),
        (lambda d: d["documents"].append({"id": "d1"}), "duplicate document id 'd1'"),
    ],
)
def test_load_invariants_name_the_offender(mutate, expected: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(ValidationError) as err:
        ArgumentMap.model_validate(data)
    assert expected in str(err.value)


def test_debatable_structure_is_not_a_load_error() -> None:
    data = _data()
    data["edges"].append({"source": "n3", "target": "n1", "relation": "attacks"})  # rebuttal attacks claim
    data["edges"].append({"source": "n1", "target": "n1", "relation": "attacks"})  # self-attack
    ArgumentMap.model_validate(data)


def test_queries() -> None:
    m = small_map()
    assert [n.id for n in m.statements("t1")] == ["n1", "n2", "n3", "n4", "n5"]
    assert [n.id for n in m.attackers("n1")] == ["n2"]
    assert [n.id for n in m.supporters("t1")] == ["n1"]
    assert [n.id for n in m.rebuttal_chain("n2")] == ["n3", "n4"]
    assert [n.id for n in m.unanswered_critiques()] == ["n4", "n5"]


def test_to_networkx_shape() -> None:
    g = small_map().to_networkx()
    assert g.nodes["t1"]["type"] == "topic"
    assert g.nodes["n2"]["stance"] == "con"
    assert g.edges["n2", "n1", 1]["relation"] == "attacks"
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 4


# ----- networkx: every writer takes the view, and it converts back ------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers(-10, 10) | st.text(XML_SAFE, max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text("abc", max_size=3), inner, max_size=3),
                           max_leaves=6)
extra_fields = st.dictionaries(st.sampled_from(["note", "tags", "type", "stance", "span_start", "extra_json", "key", "schema"]),
                               json_values, max_size=3)


@st.composite
def maps_with_extras(draw: st.DrawFn) -> ArgumentMap:
    """Maps whose items carry extra fields of any JSON shape, including names the view uses."""
    data = draw(argument_maps(alphabet=XML_SAFE)).to_dict()
    for group in ("documents", "topics", "nodes", "edges"):
        for item in data[group]:
            item.update({k: v for k, v in draw(extra_fields).items() if k not in item})
    data.update({k: v for k, v in draw(extra_fields).items() if k not in data and k != "schema"})
    return ArgumentMap.model_validate(data)


@settings(max_examples=40, deadline=None)
@given(maps_with_extras())
def test_networkx_view_takes_every_writer_and_converts_back(amap: ArgumentMap) -> None:
    g = amap.to_networkx()
    for graph_attrs in [g.graph, *(d for _, d in g.nodes(data=True)), *(d for *_, d in g.edges(data=True))]:
        assert all(isinstance(v, (str, int, float, bool)) for v in graph_attrs.values()), graph_attrs
    for write in (nx.write_graphml, nx.write_gexf, nx.write_gml):
        write(g, io.BytesIO())
    assert ArgumentMap.from_networkx(g) == amap


@settings(max_examples=30, deadline=None)
@given(argument_maps(alphabet=XML_SAFE))
def test_graphml_file_converts_back(amap: ArgumentMap) -> None:
    buf = io.BytesIO()
    nx.write_graphml(amap.to_networkx(), buf)
    buf.seek(0)
    assert ArgumentMap.from_networkx(nx.read_graphml(buf, force_multigraph=True)) == amap


# ----- the model stays valid, and says so, when changed -------------------------------------


def _load_message(amap: ArgumentMap, path: Path) -> str:
    """What loading the JSON of ``amap`` says (the file is written without any check)."""
    atomic_write(path, amap.to_json())
    with pytest.raises(argmap.InputError) as err:
        argmap.load(path)
    return str(err.value)


@pytest.mark.parametrize("change", [
    lambda m: m.nodes.append(Node(id="n9", kind="claim", topic="nope", text="x")),
    lambda m: m.model_copy(update={"nodes": [*m.nodes, Node(id="n1", kind="claim", topic="t1", text="again")]}),
    lambda m: m.model_copy(update={"edges": [Edge(source="n1", target="ghost", relation="attacks")]}),
    lambda m: setattr(m.nodes[0], "topic", "t7"),
    lambda m: m.edges.__setitem__(0, Edge(source="n1", target="gone", relation="supports")),
    lambda m: m.nodes[0].model_copy(update={"kind": "opinion"}) and m.nodes.__setitem__(0, m.nodes[0].model_copy(update={"kind": "opinion"})),
])
def test_save_refuses_what_load_refuses_with_the_same_message(change, tmp_path: Path) -> None:
    amap = small_map()
    changed = change(amap) or amap
    expected = _load_message(changed, tmp_path / "m.json")
    (tmp_path / "m.json").unlink()
    with pytest.raises(argmap.InputError) as err:
        argmap.save(changed, tmp_path / "m.json")
    assert str(err.value) == expected
    assert not (tmp_path / "m.json").exists(), "nothing is written"
    with pytest.raises(argmap.InputError):
        changed.save(str(tmp_path / "m.json"))


def test_assignment_is_validated() -> None:
    amap = small_map()
    with pytest.raises(ValidationError, match="topic 'nope' does not exist"):
        amap.nodes = [Node(id="n1", kind="claim", topic="nope", text="x")]
    with pytest.raises(ValidationError):
        amap.nodes[0].kind = "opinion"  # type: ignore[assignment]
    with pytest.raises(ValidationError, match="start <= end"):
        amap.nodes[0].span = (5, 2)


def test_serialisation_always_writes_schema() -> None:
    amap = small_map()
    assert json.loads(amap.model_dump_json())["schema"] == "argmap/1"
    assert "schema_tag" not in amap.model_dump_json() and "schema_tag" not in amap.model_dump()
    assert amap.model_dump()["schema"] == "argmap/1"
    assert ArgumentMap.model_validate_json(amap.model_dump_json()) == amap


def test_span_is_an_annotated_type() -> None:
    assert typing.get_origin(Span) is typing.Annotated
    assert Topic(id="t", title="T", span=[1, 3]).span == (1, 3)
    with pytest.raises(ValidationError, match="start <= end"):
        Topic(id="t", title="T", span=(3, 1))


def test_short_repr() -> None:
    amap = ArgumentMap.model_validate({**small_map().to_dict(), "documents": [{"id": "d1", "text": "x" * 100_000}],
                                       "nodes": [], "edges": []})
    assert repr(amap) == str(amap) == "ArgumentMap: 1 document, 1 topic, 0 statements, 0 edges"
    assert repr(small_map()) == "ArgumentMap: 1 document, 1 topic, 5 statements, 4 edges"


# ----- the index --------------------------------------------------------------------------


def _index_contents(ix: MapIndex) -> tuple:
    return (ix.items, ix.topics, ix.nodes, ix.documents, ix.statements, ix.position, ix.outgoing, ix.incoming,
            {i: ix.document_of(i) for i in ix.items})


def test_index_follows_every_change() -> None:
    amap = small_map()
    first = amap.index
    assert amap.index is first, "kept while nothing changes"
    amap.nodes.append(Node(id="n6", kind="claim", topic="t1", text="More."))
    assert [n.id for n in amap.statements("t1")][-1] == "n6"
    amap.nodes[5] = Node(id="n7", kind="claim", topic="t1", text="Other.")
    assert "n7" in amap.index.nodes and "n6" not in amap.index.nodes
    amap.nodes[0].id = "n0"
    assert amap.node("n0").text == "Tolls cut traffic." and "n1" not in amap.index.nodes
    amap.edges.pop()
    assert amap.attackers("n3") == []
    copy = amap.model_copy(update={"topics": [*amap.topics, Topic(id="t2", title="More")]})
    assert copy.statements("t2") == [] and "t2" not in amap.index.topics
    copy.topics.append(Topic(id="t3", title="Later"))
    assert "t3" in copy.index.topics
    assert _index_contents(copy.index) == _index_contents(MapIndex(copy))


def test_index_lookups() -> None:
    ix = small_map().index
    assert ix.document_of("n3").id == "d1" and ix.document_of("ghost") is None
    assert ix.attackers("n1") == ["n2"] and ix.supporters("t1") == ["n1"]
    assert [e.target for e in ix.outgoing_edges("n2")] == ["n1"] and [e.source for e in ix.incoming_edges("n2")] == ["n3"]
    assert ix.edges_touching({"n2"}) == [1, 2]
    assert ix.describe("n2") == "critique 'n2' (\"Critics say tolls hurt the poor.\")"
    assert sorted(ix.relation_graph("attacks").edges) == [("n2", "n1"), ("n3", "n2"), ("n4", "n3")]
    assert [ix.grounded[i] for i in ("n4", "n3", "n2", "n1")] == ["IN", "OUT", "IN", "OUT"]


# ----- the builder ------------------------------------------------------------------------


def test_builder_makes_a_valid_map_with_ids_and_edges(tmp_path: Path) -> None:
    amap = ArgumentMap()
    t = amap.add_topic("Homework should be abolished")
    c = amap.add_claim(t, "Pupils need evenings to rest.", actor="Parents")
    k = amap.add_critique(c, "Practice at home fixes what lessons teach.", actor="Teachers")
    r = amap.add_rebuttal(k.id, "Practice in class does that better.")
    c2 = amap.add_claim(c, "Tired pupils learn less.")
    k2 = amap.add_critique(t, "Homework builds habits of study.")
    assert [t.id, c.id, k.id, r.id, c2.id, k2.id] == ["t1", "n1", "n2", "n3", "n4", "n5"]
    assert [(e.source, e.relation, e.target) for e in amap.edges] == [
        ("n1", "supports", "t1"), ("n2", "attacks", "n1"), ("n3", "attacks", "n2"),
        ("n4", "supports", "n1"), ("n5", "attacks", "t1")]
    assert {n.topic for n in amap.nodes} == {"t1"} and k.actor == "Teachers"
    assert not argmap.check(amap, select=["AM1", "AM2"])
    argmap.save(amap, tmp_path / "m.json")
    assert argmap.load(tmp_path / "m.json") == amap
    assert _index_contents(amap.index) == _index_contents(MapIndex(amap))


@pytest.mark.parametrize(("build", "message"), [
    (lambda m, t: m.add_rebuttal(t, "x"), "a rebuttal answers a critique, not a topic: topic 't1' (\"Road tolls\")"),
    (lambda m, t: m.add_rebuttal(m.add_claim(t, "Tolls work."), "x"), "a rebuttal answers a critique, not a claim: claim 'n1'"),
    (lambda m, t: m.add_claim(m.add_critique(t, "Unfair."), "x"), "a claim answers a topic or a claim, not a critique"),
    (lambda m, t: m.add_critique(m.add_critique(t, "Unfair."), "x"), "a critique answers a topic, a claim or a rebuttal, not a critique"),
    (lambda m, t: m.add_claim("t9", "x"), "'t9' is no topic or statement of this map"),
    (lambda m, t: m.add_claim(t, "x", id="t1"), "id 't1' is already used"),
    (lambda m, t: m.add_statement("opinion", t, "x"), "kind must be one of claim, critique, rebuttal"),
    (lambda m, t: m.add_edge("n1", t, "attacks"), "'n1' is no topic or statement"),
    (lambda m, t: m.add_claim(t, "x", document="d1"), "document 'd1' does not exist"),
])
def test_builder_refuses_with_a_clear_message(build, message: str) -> None:
    amap = ArgumentMap()
    t = amap.add_topic("Road tolls")
    with pytest.raises(ValueError) as err:
        build(amap, t)
    assert message in str(err.value)
    assert not amap.problems()


builder_steps = st.lists(st.tuples(st.sampled_from(["topic", "claim", "critique", "rebuttal", "edge"]),
                                   st.integers(0, 50), st.integers(0, 50)), max_size=30)


@settings(max_examples=40, deadline=None)
@given(builder_steps)
def test_builder_keeps_its_index_equal_to_a_fresh_one(steps) -> None:
    amap = ArgumentMap()
    for what, a, b in steps:
        ids = list(amap.index.items)
        try:
            if what == "topic":
                amap.add_topic(f"topic {a}")
            elif what == "edge" and ids:
                amap.add_edge(ids[a % len(ids)], ids[b % len(ids)], "attacks" if a % 2 else "supports")
            elif ids:
                amap.add_statement(what, ids[a % len(ids)], f"{what} {b}")
        except ValueError:
            pass  # a kind the target does not take: refused, map unchanged
        assert _index_contents(amap.index) == _index_contents(MapIndex(amap))
    assert ArgumentMap.model_validate(amap.to_dict()) == amap


@settings(max_examples=60, deadline=None)
@given(argument_maps())
def test_index_agrees_with_the_plain_definitions(amap: ArgumentMap) -> None:
    ix = amap.index
    for t in amap.topics:
        assert ix.statements[t.id] == [n for n in amap.nodes if n.topic == t.id]
    for item in amap.iter_items():
        assert ix.items[item.id] is item
        assert ix.incoming_edges(item.id) == [e for e in amap.edges if e.target == item.id]
        assert ix.outgoing_edges(item.id) == [e for e in amap.edges if e.source == item.id]
        assert ix.attackers(item.id) == list(dict.fromkeys(
            e.source for e in amap.edges if e.target == item.id and e.relation == "attacks"))
        topic = next((t for t in amap.topics if t.id == getattr(item, "topic", None)), None)
        doc_id = item.document or (topic.document if topic else None) or "d1"  # the only document
        assert ix.document_of(item).id == doc_id


@settings(max_examples=25, deadline=None)
@given(maps_with_extras())
def test_save_load_round_trip(tmp_path_factory: pytest.TempPathFactory, amap: ArgumentMap) -> None:
    path = tmp_path_factory.mktemp("maps") / "m.json"
    argmap.save(amap, path)
    assert argmap.load(path) == amap
