"""Phenomena of layouts and wordings the tuning texts did not show: citation marks, a
"Claim:" answered by "Reality:", a supporter's quote opening a report, "Others" with a
side verb, literature-review responses, speeches with interjections, titled op-eds.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

import spacy

from argmap.extraction import extract_text
from argmap.extraction.pipeline import sentence_starts


def kinds(text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in extract_text(text).nodes]


def test_an_encyclopedia_citation_mark_ends_its_sentence() -> None:
    nlp = spacy.blank("en")
    text = "Critics warn that the dam floods farms.[3] Engineers reply that the reservoir is small.[4][5] Work began in May."
    starts = sentence_starts(nlp(text))
    assert text.index("Engineers") in starts and text.index("Work") in starts
    marked = sentence_starts(nlp("It failed.[citation needed] Others disagree."))
    assert len(marked) == 2
    assert len(sentence_starts(nlp("See [4] for the figures."))) == 1  # no full stop before the mark


def test_a_claim_label_answered_by_a_reality_label_is_a_myth() -> None:
    text = ("Meters: fact and fiction\n\n"
            "Claim: Meters raise bills.\nReality: Most metered bills fall.\n\n"
            "Claim: Meters spy on families.\nReality: They record one total an hour.\n")
    m = extract_text(text)
    assert [n.kind for n in m.nodes] == ["critique", "rebuttal", "critique", "rebuttal"]
    assert [t.title for t in m.topics] == ["Meters raise bills.", "Meters spy on families."]


def test_a_citation_mark_after_a_comma_stays_with_the_clause_before() -> None:
    text = ("Criticism\n\nAnglers warn that the weir blocks trout. A survey commissioned by the owner found that "
            "few trout were blocked,[7] although that figure was disputed by the river trust.[8]")
    m = extract_text(text)
    assert [n.text for n in m.nodes][-1].startswith("although that figure")
    assert [n.kind for n in m.nodes] == ["critique", "rebuttal", "critique"]


def test_others_with_a_side_verb_and_a_clause_take_that_side() -> None:
    text = ("Criticism\n\nThe ecologist Ana Pires has criticised the plan's cost, arguing that it will double. "
            "Others have questioned whether the barrier would work at all. "
            "Supporters of the plan counter that costs fall over time.")
    assert [k for k, _ in kinds(text)] == ["critique", "critique", "rebuttal"]
    bare = "Criticism\n\nCritics warn that the barrier fails. Others disagree, pointing to the Dutch dams."
    assert [k for k, _ in kinds(bare)] == ["critique", "rebuttal"]  # a bare "disagree" turns


def test_a_definite_singular_agent_with_a_that_clause_speaks() -> None:
    text = "Criticism\n\nCritics warn that the barrier kills fish. The operator has responded that fish ladders work."
    m = extract_text(text)
    assert [(n.kind, n.actor) for n in m.nodes] == [("critique", "Critics"), ("rebuttal", "The operator")]
    # a singular noun without a "that" clause is no speaker
    assert len(extract_text("Criticism\n\nCritics warn that it fails. The number suggests a trend.").nodes) == 1


def test_a_new_objection_in_a_new_paragraph_attacks_the_topic_not_the_rebuttal() -> None:
    text = ("Criticism\n\nCritics warn that the barrier kills fish. Engineers reply that ladders work.\n\n"
            "Local anglers have also objected that the water will warm.")
    m = extract_text(text)
    assert [(e.source, e.relation, e.target) for e in m.edges][-1] == ("n3", "attacks", "t1")
