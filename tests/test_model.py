from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from argmap import ArgumentMap, Document, Edge, Node, Topic, json_schema
from strategies import argument_maps


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
