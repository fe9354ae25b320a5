"""Argdown in and out: the grammar, kinds from position, the six example files, @argdown/cli
reading our export, the edit round trip, and a whole-map round-trip property."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import argument_maps

from argmap import InputError
from argmap.formats import FormatWarning, generate, parse, read
from argmap.model import ArgumentMap, Edge, Node, Topic

ROOT = Path(__file__).resolve().parent.parent
ARGDOWN_CLI = ROOT / ".npm-tools" / "node_modules" / ".bin" / "argdown"
EXAMPLES = ROOT.parent / "shared" / "data" / "argdown-examples"

# What `argdown json FILE` (@argdown/cli 1.7.5, installed by `make argdown-cli`) reports for the
# six examples: statements (equivalence classes), arguments, relations by type, headings.
REFERENCE = {
    "Populism-Core-Argument-Argdown-Example": (69, 27, {"support": 24}, 3),
    "argdown-primer": (17, 4, {"attack": 5, "support": 5}, 3),
    "greenspan-schefczyk_hardwrap": (36, 6, {"contradictory": 1, "support": 4}, None),  # regrouped
    "legalisation-softdrugs": (1, 17, {"attack": 8, "support": 9, "undercut": 2}, 0),
    "semmelweis_betz": (32, 10, {"contradictory": 1, "contrary": 5}, 6),
    "state-censorship": (28, 7, {"attack": 4}, 0),
}


def quiet_parse(text: str, source: str = "<test>") -> ArgumentMap:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatWarning)
        return parse(text, "argdown", source)


def relation_type(e: Edge) -> str:
    return (e.model_extra or {}).get("argdown_relation") or {"supports": "support", "attacks": "attack"}[e.relation]


# ----------------------------------------------------------------------------- reading


def test_relation_markers_and_directions() -> None:
    m = quiet_parse(
        "[A]: a\n"
        "  + [B]: b\n"
        "  <- [C]: c\n"
        "  +> [D]: d\n"
        "  -> [E]: e\n"
        "  _ <F>: f\n"
        "  >< [G]: g\n"
        "    + [H]: h\n"
    )
    got = {(e.source, e.target, relation_type(e)) for e in m.edges}
    assert got == {("B", "A", "support"), ("C", "A", "attack"), ("A", "D", "support"), ("A", "E", "attack"),
                   ("F", "A", "undercut"), ("A", "G", "contradictory"), ("H", "G", "support")}


def test_kinds_from_position_and_from_tags() -> None:
    m = quiet_parse(
        "[Thesis]: Road tolls should come.\n"
        "  - [Unfair]: They hit poor drivers hardest.\n"
        "    - [Rebates]: Rebates return the money.\n"
        "      - [Slow]: Rebates come too late.\n"
        "    + [Data]: Studies show the burden. \n"
        "  + [Air]: Cleaner air.\n\n"
        "[Odd]: Tagged by hand. #critique\n"
    )
    kinds = {n.id: n.kind for n in m.nodes}
    assert kinds == {"Thesis": "claim", "Unfair": "critique", "Rebates": "rebuttal", "Slow": "critique",
                     "Data": "critique", "Air": "claim", "Odd": "critique"}


def test_text_tags_data_and_escapes() -> None:
    m = quiet_parse("# Section one {note: kept}\n\n[A]: Some **bold** and \\#escaped text with a #(long tag)\n"
                    "on two lines, see [the site](https://x.org/a). #pro {source: 'p. 3'}\n")
    (topic,), (node,) = m.topics, m.nodes
    assert topic.title == "Section one" and topic.model_extra["argdown"]["data"] == {"note": "kept"}
    assert node.text == "Some bold and #escaped text with a #(long tag) on two lines, see the site."
    assert node.model_extra["argdown"]["tags"] == ["long tag", "pro"]
    assert node.model_extra["argdown"]["data"] == {"source": "p. 3"}
    assert node.topic == topic.id


def test_untitled_statements_are_numbered_and_references_merge() -> None:
    m = quiet_parse("A first remark.\n\n[X]: Titled.\n  + Backing without a title.\n\n[X]\n  - <Arg>: An argument.\n")
    assert [n.id for n in m.nodes] == ["Untitled 1", "X", "Untitled 2", "Arg"]
    assert m.node("X").text == "Titled."


def test_front_matter_names_the_default_topic() -> None:
    m = quiet_parse("===\ntitle: Budget talks\nauthor: someone\n===\n\n[a]: x\n")
    assert [t.title for t in m.topics] == ["Budget talks"]


def test_what_argmap_cannot_hold_is_kept_and_warned() -> None:
    text = ("<Arg>: A reconstructed argument.\n\n(1) [P1]: First premise.\n(2) Second premise.\n----\n"
            "(3) [C]: Conclusion.\n  -> [Other]: Something else.\n\n[Target]: t\n  _ <Arg>\n")
    with pytest.warns(FormatWarning) as caught:
        m = parse(text, "argdown", "r.argdown")
    messages = " | ".join(str(w.message) for w in caught)
    assert "premise-conclusion structure (2 premises)" in messages
    assert "undercuts" in messages and messages.startswith("r.argdown: ")
    arg = m.node("Arg")
    assert arg.model_extra["argdown"]["pcs"] == [
        {"role": "premise", "statement": "P1"}, {"role": "premise", "statement": "Untitled 1"},
        {"inference": ""}, {"role": "conclusion", "statement": "C"}]
    edges = {(e.source, e.target, relation_type(e)) for e in m.edges}
    assert edges == {("C", "Other", "attack"), ("Arg", "Target", "undercut")}


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("[a]: x /* never closed\n", "bad.argdown:1:8", "comment is never closed"),
        ("===\ntitle: [unclosed\n===\n[a]: x\n", "bad.argdown:2:17", "front matter is not valid YAML"),
        ("===\ntitle: x\n\n[a]: y\n", "bad.argdown:1:1", "front matter is never closed"),
        ("[a]: x\n\n  + [b]: y\n", "bad.argdown:3:3", "relation '+' has nothing to attach to"),
        ("[a]: x {broken: [1, }\n", "bad.argdown:1:21", "data is not valid YAML"),
        ("[a]:\n", "bad.argdown:1:1", "has no text"),
        ("[a]: x\n  + \\ \n", "bad.argdown:2:3", "expected a statement"),
        ("[a]: x\n----\n", "bad.argdown:2:1", "inference line '--' outside a premise-conclusion structure"),
    ],
)
def test_malformed_argdown_names_file_line_and_column(text: str, where: str, what: str) -> None:
    with pytest.raises(InputError) as err:
        parse(text, "argdown", "bad.argdown")
    message = str(err.value)
    assert message.startswith(where + ": ") and what in message and "\n" not in message


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_the_six_examples_import_with_the_cli_counts(name: str, shared_dir: Path) -> None:
    statements, arguments, relations, headings = REFERENCE[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatWarning)
        m = read(shared_dir / "data" / "argdown-examples" / f"{name}.argdown")
    is_argument = [(n.model_extra or {}).get("argdown", {}).get("type") == "argument" for n in m.nodes]
    assert (len(m.nodes) - sum(is_argument), sum(is_argument)) == (statements, arguments)
    assert Counter(relation_type(e) for e in m.edges) == relations
    if headings is not None:
        assert sum("argdown" in (t.model_extra or {}) and "level" in t.model_extra["argdown"]
                   for t in m.topics) == headings
    assert all(n.kind in ("claim", "critique", "rebuttal") for n in m.nodes)


@pytest.mark.shared
def test_the_six_examples_read_as_argdown_cli_reads_them(shared_dir: Path, tmp_path: Path) -> None:
    """Not only the counts: the same statements and arguments by title, the same relations by
    ends, type and direction, and the same texts (ours leave out tags at the end)."""
    names = sorted(REFERENCE)
    texts = [(shared_dir / "data" / "argdown-examples" / f"{n}.argdown").read_text(encoding="utf-8") for n in names]
    for name, text, ref in zip(names, texts, cli_json(tmp_path, texts)):
        m = quiet_parse(text, f"{name}.argdown")
        title = {n.id: (n.model_extra or {}).get("argdown", {}).get("title", n.id) for n in m.nodes}
        is_argument = {n.id for n in m.nodes if (n.model_extra or {}).get("argdown", {}).get("type") == "argument"}
        assert {title[i] for i in title if i not in is_argument} == set(ref["statements"]), name
        assert {title[i] for i in is_argument} == set(ref["arguments"]), name
        assert {(title[e.source], title[e.target], relation_type(e)) for e in m.edges} == \
            {(r["from"], r["to"], r["relationType"]) for r in ref["relations"]}, name
        for n in m.nodes:
            if n.id in is_argument:
                continue
            members = ref["statements"][title[n.id]]["members"]
            shown = " ".join(next((x["text"] for x in members if (x.get("text") or "").strip()), "").split())
            assert re.sub(r"(\s*(#\([^)]*\)|#\S+))+$", "", shown) == n.text, (name, n.id)


# ----------------------------------------------------------------------------- writing


def map_key(m: ArgumentMap) -> tuple:
    """What a whole-map round trip must keep."""
    topics = {(t.id, t.title, t.section, t.span, t.document) for t in m.topics}
    nodes = {(n.id, n.kind, n.topic, n.text, n.span, n.actor, n.cue, n.confidence, n.document) for n in m.nodes}
    return topics, nodes, {(e.source, e.target, e.relation) for e in m.edges}, m.documents


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_argdown_round_trip_keeps_the_whole_map(amap: ArgumentMap) -> None:
    """Argdown keeps one relation per (source, target, type), so what is lost is exactly the
    repetition of an edge, and the order of edges; everything else comes back."""
    back = quiet_parse(generate(amap, "argdown"))
    assert map_key(back) == map_key(amap)
    assert len(back.edges) == len({(e.source, e.target, e.relation) for e in amap.edges})


def test_an_empty_statement_stays_in_its_own_topic_when_another_topic_cites_it_first() -> None:
    """The writer defines a statement under its own heading but may cite it earlier, under the
    topic it supports; a definition with no text must still decide its topic."""
    m = ArgumentMap(topics=[Topic(id="a", title="A"), Topic(id="b", title="B")],
                    nodes=[Node(id="n1", kind="claim", topic="b", text="")],
                    edges=[Edge(source="n1", target="a", relation="supports")])
    back = quiet_parse(generate(m, "argdown"))
    assert map_key(back) == map_key(m)


def test_export_escapes_what_argdown_would_read_as_syntax() -> None:
    text = "A [b] <c> #d @e *f* _g_ {h} // i /* j */ \\ k"
    m = ArgumentMap(topics=[Topic(id="t", title="T #1")],
                    nodes=[Node(id="x y", kind="claim", topic="t", text=text)])
    back = quiet_parse(generate(m, "argdown"))
    assert back.node("x y").text == text and back.topics[0].title == "T #1"


def cli_json(tmp_path: Path, texts: list[str]) -> list[dict]:
    """`argdown json` on every text in one run (starting node is the slow part)."""
    if not ARGDOWN_CLI.exists():
        reason = "npm is not installed" if shutil.which("npm") is None else "run `make argdown-cli` first"
        pytest.skip(f"@argdown/cli is not installed ({reason})")
    for i, text in enumerate(texts):
        (tmp_path / f"map{i}.argdown").write_text(text, encoding="utf-8")
    run = subprocess.run([str(ARGDOWN_CLI), "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    outs = [tmp_path / "out" / f"map{i}.json" for i in range(len(texts))]
    assert run.returncode == 0 and all(p.exists() for p in outs), run.stdout + run.stderr
    return [json.loads(p.read_text(encoding="utf-8")) for p in outs]


def essay_maps() -> list[ArgumentMap]:
    import argmap

    return [argmap.extract(p) for p in sorted((ROOT / "examples").glob("*.txt"))[:3]]


def test_argdown_cli_reads_exported_maps(tmp_path: Path) -> None:
    hand = ArgumentMap(
        topics=[Topic(id="t1", title="Tolls: yes or no?"), Topic(id="t 2", title="Second [topic]")],
        nodes=[Node(id="a", kind="claim", topic="t1", text="Tolls cut traffic {a lot} // really."),
               Node(id="b", kind="critique", topic="t1", text="They hurt *poor* drivers_ #unfair"),
               Node(id="c", kind="rebuttal", topic="t 2", text="Rebates <help>.\nSecond line."),
               Node(id="Untitled 1", kind="claim", topic="t 2", text="")],
        edges=[Edge(source="a", target="t1", relation="supports"), Edge(source="b", target="a", relation="attacks"),
               Edge(source="c", target="b", relation="attacks"), Edge(source="b", target="c", relation="attacks"),
               Edge(source="Untitled 1", target="t1", relation="supports")])
    maps = [hand, *essay_maps()]
    texts = [generate(amap, "argdown") for amap in maps]
    for amap, text, ref in zip(maps, texts, cli_json(tmp_path, texts)):
        ours = quiet_parse(text)
        titles = {item.id: title for item in ours.iter_items()
                  for title in [(item.model_extra or {}).get("argdown", {}).get("title", item.id)]}
        # @argdown/cli sees every node and every topic's root statement, with our titles ...
        assert len(ref["statements"]) == len(amap.nodes) + len(amap.topics)
        assert not ref["arguments"]
        # ... the same relations ...
        want = {(titles.get(e.source, e.source), titles.get(e.target, e.target),
                 "support" if e.relation == "supports" else "attack") for e in amap.edges}
        got = {(r["from"], r["to"], r["relationType"]) for r in ref["relations"]}
        assert len(want) == len(got)
        # ... and the same texts (Argdown folds white space; the kind is a trailing tag)
        for node in amap.nodes:
            ec = ref["statements"][titles[node.id]]
            shown = next((mem["text"] for mem in ec["members"] if mem.get("text", "").strip()), "")
            shown = re.sub(rf"\s*#{node.kind}\s*$", "", " ".join(shown.split()))
            assert shown == " ".join(node.text.split())


# ----------------------------------------------------------------------------- the edit round trip


def test_edit_round_trip_keeps_what_was_not_edited() -> None:
    # the first bundled essay whose map has a critique with its actor, a rebuttal and a claim
    amap = next(m for m in essay_maps() if any(n.kind == "critique" and n.actor for n in m.nodes)
                and {"rebuttal", "claim"} <= {n.kind for n in m.nodes})
    text = generate(amap, "argdown")
    critique = next(n for n in amap.nodes if n.kind == "critique" and n.actor)
    rebuttal = next(n for n in amap.nodes if n.kind == "rebuttal")
    claim = next(n for n in amap.nodes if n.kind == "claim")
    # 1. the user retags a statement (fixes its kind), 2. rewrites another one's text
    edited = text.replace(f"[{critique.id}]: ", f"[{critique.id}]: ", 1)
    line = next(ln for ln in edited.splitlines() if f"[{critique.id}]: " in ln)
    edited = edited.replace(line, line.replace("#critique", "#rebuttal"))
    line = next(ln for ln in edited.splitlines() if f"[{claim.id}]: " in ln)
    new_line = line.replace(line.split(f"[{claim.id}]: ", 1)[1].split(" #")[0], "A claim the user rewrote.")
    edited = edited.replace(line, new_line)
    # 3. and adds a new objection below the rebuttal
    line = next(ln for ln in edited.splitlines() if f"[{rebuttal.id}]: " in ln)
    indent = len(line) - len(line.lstrip()) + 2
    edited = edited.replace(line, line + "\n" + " " * indent + "- [my-note]: The trials were too short.")
    with pytest.warns(FormatWarning, match=f"statement \\[{claim.id}\\]: its text no longer matches its span"):
        back = parse(edited, "argdown", "essay.argdown")
    assert back.documents == amap.documents
    assert back.node(critique.id).kind == "rebuttal"
    new = back.node("my-note")
    assert new.kind == "critique" and new.span is None
    assert ("my-note", rebuttal.id, "attacks") in {(e.source, e.target, e.relation) for e in back.edges}
    assert back.node(claim.id).text == "A claim the user rewrote." and back.node(claim.id).span is None
    for old in amap.nodes:
        if old.id in (claim.id,):
            continue
        got = back.node(old.id)
        assert (got.span, got.actor, got.cue, got.confidence, got.document, got.text, got.topic) == \
            (old.span, old.actor, old.cue, old.confidence, old.document, old.text, old.topic)


@pytest.mark.parametrize("marker", ["/*", "//", "<!--", "*/", "-->"])
def test_ids_and_texts_holding_comment_markers_round_trip(marker: str) -> None:
    """Argdown comments open wherever ``//``, ``/*`` or ``<!--`` stands, data included, so the
    writer escapes them inside its JSON data."""
    amap = ArgumentMap()
    topic = amap.add_topic(f"Tolls {marker} fares", id=f"t{marker}")
    amap.add_claim(topic.id, f"Tolls {marker} cut traffic.", actor=f"A {marker} B")
    back = quiet_parse(generate(amap, "argdown"))
    assert map_key(back) == map_key(amap)
