"""AIF JSON and arg-microtexts XML: the real corpora import (counts checked against the files
themselves), AIF agrees with the richer XML, and argmap's AIF export reads back here and in
arguebuf."""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from argmap import InputError
from argmap.formats import FormatWarning, generate, parse, read, write
from argmap.model import ArgumentMap, Edge, Node, Topic

def quiet_read(path: Path, fmt: str | None = None) -> ArgumentMap:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatWarning)
        return read(path, fmt)


def aif_files(shared: Path) -> list[Path]:
    return sorted((shared / "data" / "aif" / "microtexts-aif").glob("nodeset*.json"))


def microtext_files(shared: Path) -> list[Path]:
    return sorted((shared / "data" / "arg-microtexts").glob("part*/**/micro_*.xml"))


# ----------------------------------------------------------------------------- AIF


@pytest.mark.shared
def test_all_aif_microtexts_import_with_spans(shared_dir: Path) -> None:
    files = aif_files(shared_dir)
    assert len(files) == 110
    for path in files:
        raw = json.loads(path.read_text(encoding="utf-8"))
        types = Counter(n["type"] for n in raw["nodes"])
        m = quiet_read(path, "aif")
        assert len(m.nodes) == types["I"], path.name
        text = m.documents[0].text
        assert text == path.with_suffix(".txt").read_text(encoding="utf-8")
        assert all(n.span is not None and text[n.span[0]:n.span[1]] == n.text for n in m.nodes), path.name


@pytest.mark.shared
def test_aif_agrees_with_the_arggraph_xml(shared_dir: Path) -> None:
    """The AIF corpus flattens the XML; relations and kinds must still be the same ones."""
    names = json.loads((shared_dir / "data" / "aif" / "microtexts-aif" / "aif2arggraph.json").read_text())
    xml_dir = shared_dir / "data" / "arg-microtexts" / "part1" / "en"
    same_texts = 0
    for path in aif_files(shared_dir):
        aif = quiet_read(path, "aif")
        xml = quiet_read(xml_dir / f"{names[path.stem]}.xml")
        assert Counter(e.relation for e in aif.edges) == Counter(e.relation for e in xml.edges), path.name
        assert Counter(n.kind for n in aif.nodes) == Counter(n.kind for n in xml.nodes), path.name

        def relations(m: ArgumentMap) -> set[tuple[str, str, str]]:
            text = {n.id: " ".join(n.text.split()) for n in m.nodes}
            return {(text[e.source], e.relation, text[e.target]) for e in m.edges}

        same_texts += relations(aif) == relations(xml)
    # three AIF files cut two units at a slightly different place (", and" on one side or the other)
    assert same_texts == 107


def test_aif_warns_about_undercuts_and_keeps_dialogue_nodes() -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "Tolls work.", "type": "I"},
                     {"nodeID": "2", "text": "Traffic fell.", "type": "I"},
                     {"nodeID": "3", "text": "Default Inference", "type": "RA"},
                     {"nodeID": "4", "text": "It was a holiday.", "type": "I"},
                     {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
                     {"nodeID": "6", "text": "Anna : tolls work", "type": "L"}],
           "edges": [{"edgeID": "a", "fromID": "2", "toID": "3"}, {"edgeID": "b", "fromID": "3", "toID": "1"},
                     {"edgeID": "c", "fromID": "4", "toID": "5"}, {"edgeID": "d", "fromID": "5", "toID": "3"},
                     {"edgeID": "e", "fromID": "6", "toID": "1"}]}
    with pytest.warns(FormatWarning) as caught:
        m = parse(json.dumps(doc), "aif", "x.json")
    messages = " ".join(str(w.message) for w in caught)
    assert "undercuts" in messages and "type L have no place" in messages
    assert {(e.source, e.relation, e.target) for e in m.edges} == {("2", "supports", "1"), ("4", "attacks", "2")}
    assert [n["nodeID"] for n in m.model_extra["aif"]["nodes"]] == ["6"]
    assert [(n.id, n.kind) for n in m.nodes] == [("1", "claim"), ("2", "claim"), ("4", "critique")]
    # what was kept goes back out
    assert '"Anna : tolls work"' in generate(m, "aif")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"nodes": [}', "x.json:1:12: not valid JSON"),
        ('{"nodes": []}', 'expected an object with "nodes" and "edges" lists'),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], '
         '"edges": [{"edgeID": "e", "fromID": "1", "toID": "9"}]}',
         "edges[0]: node '9' does not exist"),
    ],
)
def test_bad_aif_is_one_clear_error(content: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(content, "aif", "x.json")


def test_arguebuf_reads_our_aif(tmp_path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is in the test extra")
    m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
                    nodes=[Node(id="a", kind="claim", topic="t1", text="Tolls cut traffic."),
                           Node(id="b", kind="critique", topic="t1", text="They hurt the poor."),
                           Node(id="c", kind="rebuttal", topic="t1", text="Rebates help.")],
                    edges=[Edge(source="a", target="t1", relation="supports"),
                           Edge(source="b", target="a", relation="attacks"),
                           Edge(source="c", target="b", relation="attacks")])
    write(m, tmp_path / "m.json", "aif")
    g = arguebuf.load.file(tmp_path / "m.json")
    assert {n.plain_text for n in g.atom_nodes.values()} == {"Tolls", "Tolls cut traffic.", "They hurt the poor.",
                                                             "Rebates help."}
    schemes = Counter(type(s.scheme).__name__ for s in g.scheme_nodes.values())
    assert schemes == {"Support": 1, "Attack": 2}
    premises = {(next(iter(g.incoming_atom_nodes(s))).plain_text, type(s.scheme).__name__,
                 next(iter(g.outgoing_atom_nodes(s))).plain_text) for s in g.scheme_nodes.values()}
    assert ("They hurt the poor.", "Attack", "Tolls cut traffic.") in premises


# ----------------------------------------------------------------------------- arg-microtexts XML


@pytest.mark.shared
def test_all_microtexts_import_with_roles_and_relations_as_in_the_xml(shared_dir: Path) -> None:
    files = microtext_files(shared_dir)
    assert len(files) == 283
    totals: Counter[str] = Counter()
    for path in files:
        root = ET.parse(path).getroot()
        roles = Counter(a.get("type") for a in root.iter("adu"))
        types = Counter(e.get("type") for e in root.iter("edge"))
        m = quiet_read(path)
        kinds = Counter(n.kind for n in m.nodes)
        assert kinds["critique"] == roles["opp"] and kinds["claim"] + kinds["rebuttal"] == roles["pro"], path.name
        kept = Counter(e.model_extra["arggraph"]["type"] for e in m.edges)
        for t in ("sup", "exa", "reb", "add"):
            assert kept[t] == types[t], (path.name, t)
        assert kept["und"] >= types["und"], path.name  # an undercut of linked premises attacks each
        text = m.documents[0].text
        for n in m.nodes:
            if n.span is not None:
                assert text[n.span[0]:n.span[1]] == n.text
        totals.update(kinds)
    assert totals["critique"] == 252 and totals["claim"] + totals["rebuttal"] == 1256


def test_microtexts_relation_mapping() -> None:
    xml = """<arggraph id="m1">
      <edu id="e1"><![CDATA[Tolls should come.]]></edu><edu id="e2"><![CDATA[They cut traffic]]></edu>
      <edu id="e3"><![CDATA[and they raise money.]]></edu><edu id="e4"><![CDATA[Traffic fell anyway.]]></edu>
      <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/><adu id="a4" type="opp"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
      <edge id="s3" src="e3" trg="a3" type="seg"/><edge id="s4" src="e4" trg="a4" type="seg"/>
      <edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="c1" type="add"/>
      <edge id="c3" src="a4" trg="c1" type="und"/></arggraph>"""
    m = parse(xml, "microtexts")
    assert {(e.source, e.relation, e.target) for e in m.edges} == {
        ("a2", "supports", "a1"), ("a3", "supports", "a1"), ("a4", "attacks", "a2"), ("a4", "attacks", "a3")}
    assert m.node("a4").kind == "critique" and m.documents[0].text.startswith("Tolls should come. They cut")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<arggraph><edu id='e1'>x</edu>\n<adu id='a1' type='pro'>", "m.xml:2:25: not well-formed XML"),
        ("<graph/>", "not an arggraph document"),
        ("<arggraph><adu id='a1' type='pro'/><edge id='c1' src='a1' trg='a9' type='sup'/></arggraph>",
         "edge c1: target 'a9' does not exist"),
    ],
)
def test_bad_microtexts_is_one_clear_error(content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse(content, "microtexts", "m.xml")
