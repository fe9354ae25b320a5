"""The critical-reading analysis: vague actors in an essay written for the test with its
answers marked, the other findings on small maps, and a run over ../shared/dev."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.analysis import Lexicon, analyze, analyze_text
from argmap.model import ArgumentMap, Document

# [[...]] marks a vague actor, {{...}} an agentless passive; the rest must not be flagged as either.
MARKED_ESSAY = """\
Should the city keep its night buses?

[[Critics]] argue that the night buses run almost empty after one o'clock. [[Some]] say the money
would do more good on daytime routes. Dr. Amara Osei, who studies transport at the university,
found that two in five night passengers are shift workers. {{It is often argued}} that cheaper taxis
could fill the gap, but taxis cost a shift worker far more than a bus fare.

[[Supporters]], for their part, insist that a city that works at night needs buses at night.
[[Many experts]] believe that cutting the service would push people back into cars. Some buses
could be smaller, and many routes might be merged. The transport office counted 1,200 riders a
night last winter. [[Opponents]] have long claimed that the figures are inflated, while
[[some residents]] complain about the noise on quiet streets.

According to [[critics]], the timetable is a mess. {{It has been suggested}} that a trial year would
settle the matter. The council was told by its auditors that the budget is sound. Many people ride
the late buses home from hospitals, and some of them have no other way back. The mayor said the
service will stay. [[Several drivers]] worry that the depot is too small. [[Others]] fear that {{it is widely believed}} without evidence that night
routes are safe.
"""


def unmark(marked: str) -> tuple[str, set[tuple[int, int]], set[tuple[int, int]]]:
    text, actors, passives = "", set(), set()
    pos = 0
    for m in re.finditer(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}", marked):
        text += marked[pos:m.start()]
        words = m.group(1) or m.group(2)
        (actors if m.group(1) else passives).add((len(text), len(text) + len(words)))
        text += words
        pos = m.end()
    return text + marked[pos:], actors, passives


def precision_recall(found: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[float, float]:
    right = len(found & gold)
    return (right / len(found) if found else 1.0), (right / len(gold) if gold else 1.0)


def test_vague_actors_in_the_marked_essay():
    text, actors, _ = unmark(MARKED_ESSAY)
    found = {f.span for f in analyze_text(text) if f.code == "vague-actor"}
    precision, recall = precision_recall(found, actors)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, sorted(found ^ actors))


def test_agentless_passives_in_the_marked_essay():
    text, _, passives = unmark(MARKED_ESSAY)
    found = {f.span for f in analyze_text(text) if f.code == "agentless-passive"}
    # the marked span is the whole phrase ("It is often argued"); the finding covers the verb group
    hits = {g for g in passives if any(g[0] <= s and e <= g[1] for s, e in found)}
    assert hits == passives and len(found) == len(passives), (sorted(found), sorted(passives))


def test_each_finding_points_at_its_text():
    text, _, _ = unmark(MARKED_ESSAY)
    findings = analyze_text(text)
    assert {f.code for f in findings} >= {"vague-actor", "agentless-passive", "hedge"}
    for f in findings:
        assert text[f.span[0]:f.span[1]] == f.text


def test_the_lexicon_can_be_extended():
    text = "Soothsayers claim the plan is a travesty in the making."
    assert [f.code for f in analyze_text(text)] == []
    lexicon = Lexicon.load({"vague_actors": ["Soothsayers"], "loaded_words": ["travesty"]})
    assert [f.code for f in analyze_text(text, lexicon)] == ["vague-actor", "loaded-word"]
    with pytest.raises(ValueError, match="unknown lexicon keys"):
        Lexicon.load({"weasels": ["x"]})


def test_map_findings_use_document_offsets_and_balance():
    text = "Tolls cut traffic. Critics warn that tolls may hurt the poor. Rebates fix it."
    m = ArgumentMap(documents=[Document(id="d1", text=text)])
    t = m.add_topic("Tolls", document="d1")
    c = m.add_claim(t, "Tolls cut traffic.", span=(0, 18), document="d1")
    k = m.add_critique(c, "Critics warn that tolls may hurt the poor.", span=(19, 61), actor="Critics", document="d1")
    m.add_rebuttal(k, "Rebates fix it.", span=(62, 77), document="d1")
    a = analyze(m)
    vague = a.by_code("vague-actor")
    assert [(f.document, text[f.span[0]:f.span[1]]) for f in vague] == [("d1", "Critics")]
    assert [f.text for f in a.by_code("hedge")] == ["may"]
    assert a.by_code("unanswered-critique") == [] and [f.node for f in a.by_code("anonymous-source")] == ["n2"]
    b = a.balance[0]
    assert b.statements == {"pro": 2, "con": 1} and b.words == {"pro": 6, "con": 8}
    assert (b.last_word, b.last_node, b.more_space) == ("pro", "n3", "con")


@pytest.mark.shared
def test_runs_on_every_shared_dev_text(shared_dir):
    from argmap.extraction import extract_files

    texts = sorted((shared_dir / "dev").glob("*.txt"))
    assert texts
    amap = extract_files([str(p) for p in texts])
    a = analyze(amap)
    docs = {d.id: d.text for d in amap.documents}
    for f in a.findings:
        if f.document:
            assert docs[f.document][f.span[0]:f.span[1]] == f.text
    assert len(a.balance) == len(amap.topics)
    for p in texts:
        analyze_text(p.read_text(encoding="utf-8"))
