"""A speaker phrase opened by a possessive ("Its regional manager", "Their lawyer") speaks for
the speaker before it: it keeps that speaker's side (lexicon ``pronouns.possessive``)."""

from __future__ import annotations

import pytest

from argmap import extract_text

LEAD = (
    "Riverside market to move indoors\n\n"
    "\"The stalls have traded on this square for forty years,\" said Joan Pike, who sells fruit there.\n\n"
    "The market company disputes that account. {sentence}\n"
)


@pytest.mark.parametrize("sentence", [
    "Its director, Sam Oyelaran, said that footfall on the square had halved since 2019.",
    "Its director said that footfall on the square had halved since 2019.",
])
def test_a_possessive_speaker_keeps_the_side_of_the_speaker_before(sentence: str) -> None:
    amap = extract_text(LEAD.format(sentence=sentence))
    company, director = [n for n in amap.nodes if n.actor and not n.actor.startswith("Joan")]
    assert company.kind == director.kind == "critique"
    assert director.actor.startswith("Its director")

