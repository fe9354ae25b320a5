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
