"""The reading half of extraction: who speaks, on which side, answering what.

Every text here is written for these tests (fictional subjects); each test names the
phenomenon it checks, not a sentence of the dev set.
"""

from __future__ import annotations

import json

import pytest

from argmap.extraction import Lexicon, extract_text
from argmap.extraction.cues import inflections, phrase_table
from reading import kinds


def edges(text: str) -> list[tuple[str, str, str]]:
    m = extract_text(text)
    return [(e.source, e.relation, e.target) for e in m.edges]


# ----- reporting verbs as a class ------------------------------------------------------

def test_every_inflection_of_a_reporting_verb_is_a_cue() -> None:
    assert inflections("contend") == {"contend", "contends", "contended", "contending"}
    assert inflections("worry") >= {"worries", "worried", "worrying"}
    assert {"said", "says"} <= set(phrase_table(Lexicon.default())["verb:neutral"])
    for verb in ("contends", "contended"):
        m = extract_text(f"Kite fees\n\nDebate\n\nCritics {verb} that the kite fee is too high.")
        assert [n.cue for n in m.nodes] == [f"{verb} that"]


def test_a_verb_added_by_a_user_lexicon_is_read_in_every_form(tmp_path) -> None:  # noqa: ANN001
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"verbs": {"con": ["grumble"]}}), encoding="utf-8")
    lex = Lexicon.load(extra)
    assert "grumbled" in phrase_table(lex)["verb:con"]


# ----- attribution by any subject ------------------------------------------------------

def test_citations_and_named_people_are_speakers() -> None:
    text = ("Ferry subsidies\n\nMarsh (2019) argues that ferry subsidies keep island schools open. "
            "Ito and Banda (2021) found that fares rose after the subsidy ended.")
    m = extract_text(text)
    assert [(n.actor, n.kind) for n in m.nodes] == [("Marsh (2019)", "claim"), ("Ito and Banda (2021)", "claim")]


def test_a_group_noun_phrase_of_any_length_speaks() -> None:
    text = ("Bell towers\n\nDebate\n\nCritics warn that the bells wake the ward at night. "
            "Parishes that ring for weddings reply that the peal lasts four minutes.")
    assert [n.actor for n in extract_text(text).nodes] == ["Critics", "Parishes that ring for weddings"]


def test_a_named_speaker_keeps_the_side_it_took() -> None:
    text = ("Harbour wall\n\n"
            "Councillor Rana Vos, who proposed the wall, said that it would stop the winter floods. "
            "Engineer Tom Paley countered that the sea would simply go round it. "
            "Vos replied that the survey showed no such channel. "
            "Paley added that the survey was ten years old.")
    m = extract_text(text)
    assert [n.kind for n in m.nodes] == ["claim", "critique", "rebuttal", "critique"]
    sides = {n.actor: n.kind in ("claim", "rebuttal") for n in m.nodes}
    assert sides["Councillor Rana Vos"] is True and sides["Vos"] is True
    assert sides["Engineer Tom Paley"] is False and sides["Paley"] is False


def test_pronouns_continue_the_last_speaker() -> None:
    text = ("Night buses\n\nDebate\n\nOpponents warn that night buses run half empty. "
            "They also point out that drivers are hard to hire.")
    assert [n.kind for n in extract_text(text).nodes] == ["critique", "critique"]


# ----- quotations ----------------------------------------------------------------------

def test_the_speaker_after_a_quotation_is_the_actor_and_the_quote_the_span() -> None:
    text = ("Market hall plan approved\n\n"
            "\u201cThe hall will bring the stalls in from the rain,\u201d said trader Ana Fell, who backed the plan.\n\n"
            "\u201cThe rents will push the small stalls out,\u201d countered Joe Marr, who voted against it.\n\n"
            "\u201cWe capped the rents for five years,\u201d Fell replied.")
    m = extract_text(text)
    assert [(n.kind, n.text) for n in m.nodes] == [
        ("claim", "The hall will bring the stalls in from the rain"),
        ("critique", "The rents will push the small stalls out"),
        ("rebuttal", "We capped the rents for five years")]
    assert (m.nodes[2].id, "attacks", m.nodes[1].id) in [(e.source, e.relation, e.target) for e in m.edges]


def test_a_said_line_that_reports_a_fact_is_no_statement() -> None:
    text = ("Market hall plan approved\n\nThe hall opens in May, the clerk said. "
            "\u201cThe hall will bring the stalls in from the rain,\u201d said trader Ana Fell.")
    assert [n.text for n in extract_text(text).nodes] == ["The hall will bring the stalls in from the rain"]


# ----- passive, hedged and nominal attribution -----------------------------------------

def test_hedged_and_passive_attribution() -> None:
    text = ("Criticism\n\nIt has been argued that the toll falls hardest on night workers. "
            "This claim was challenged by a city audit, which found most night workers exempt. "
            "The audit was in turn criticised as too narrow, since it sampled one district.")
    assert [n.kind for n in extract_text(text).nodes] == ["critique", "rebuttal", "critique"]
    assert edges(text) == [("n1", "attacks", "t1"), ("n2", "attacks", "n1"), ("n3", "attacks", "n2")]


def test_nominal_cues_in_reception_prose() -> None:
    text = ("Reception\n\nWriting in The Lamp, Ines Roe called the novel \u201ca quiet triumph\u201d. "
            "Karl Boden was less impressed, writing that the middle chapters drag. "
            "Others defended the pace: Lea Sund argued that the slowness is the point.")
    assert [n.kind for n in extract_text(text).nodes] == ["claim", "critique", "rebuttal"]


# ----- connectives and concession ------------------------------------------------------

def test_contrast_turns_and_elaboration_stays() -> None:
    text = ("Solar roofs\n\nDebate\n\nIves (2020) argues that solar roofs repay their cost in eight years. "
            "Mori (2021) extends this finding to flats, reporting that shared roofs repay in ten. "
            "In response, Lund (2022) notes that both studies ignore inverter replacement.")
    assert [n.kind for n in extract_text(text).nodes] == ["claim", "claim", "critique"]


def test_conceded_x_but_maintained_y_is_split_at_the_clause() -> None:
    text = ("Reception\n\nDaria Holt praised the score. Ben Ash was less impressed, writing that the plot sags. "
            "Holt answered that the sag is deliberate. "
            "Ash later conceded that the ending works but maintained that the middle is too long.")
    m = extract_text(text)
    texts = [n.text for n in m.nodes]
    assert "Ash later conceded that the ending works" in texts
    assert "maintained that the middle is too long." in texts
    last = m.nodes[-1]
    assert last.kind == "critique"
    target = next(e.target for e in m.edges if e.source == last.id)
    assert next(n for n in m.nodes if n.id == target).text.startswith("Holt answered")


def test_concessions_in_the_authors_voice() -> None:
    text = ("Keep the village post office\n\n"
            "The county should keep the village post office open. It is the only bank within twenty miles. "
            "Granted, the office loses money every year. Yet so does the library, and nobody proposes to close it. "
            "It is true that most people now pay bills online, but the oldest residents do not.")
    got = kinds(text)
    assert [k for k, _ in got] == ["claim", "claim", "critique", "rebuttal", "critique", "rebuttal"]
    assert got[-2][1] == "It is true that most people now pay bills online"
    assert got[-1][1] == "the oldest residents do not."


def test_prolepsis_voices_the_other_side_and_a_question_answers_it() -> None:
    text = ("Remarks on the skate park\n\n"
            "I ask the board to approve the skate park behind the station. Teenagers have nowhere to go after school.\n\n"
            "Some will say that a skate park attracts vandalism. But would a lit, busy park really invite more "
            "vandalism than the dark car park there now? The board can decide that tonight.")
    got = kinds(text)
    assert [k for k, _ in got][:4] == ["claim", "claim", "critique", "rebuttal"]


def test_a_short_untitled_argument_speaks_in_the_authors_voice() -> None:
    text = ("Cities should plant more street trees. Of course, the roots can lift pavements, "
            "but modern root barriers prevent that.")
    assert [k for k, _ in kinds(text)] == ["claim", "critique", "rebuttal"]


# ----- not statements ------------------------------------------------------------------

def test_background_and_legal_senses_are_no_statements() -> None:
    text = ("Canal toll\n\nHistory\n\nThe toll was argued before the regional court in 2004. "
            "Critics say that it was always too high.\n\nCriticism\n\n"
            "Critics warn that the toll keeps leisure boats away.")
    m = extract_text(text)
    assert [n.text for n in m.nodes] == ["Critics warn that the toll keeps leisure boats away."]


def test_a_decoy_sense_of_a_reporting_verb_is_no_statement() -> None:
    text = "Debate\n\nThe appeal was argued before the full bench. Critics warn that the ruling will be costly."
    assert [n.kind for n in extract_text(text).nodes] == ["critique"]


# ----- attachment ----------------------------------------------------------------------

def test_a_critique_of_the_proposal_attacks_the_topic_and_a_reply_its_target() -> None:
    text = ("Ferry timetable\n\nDebate\n\nSupporters argue that an hourly ferry would fill the hotels.\n\n"
            "Critics warn that the pier cannot take more sailings. Defenders of the plan reply that the pier "
            "was rebuilt last year. Skeptics are unconvinced, noting that the rebuild skipped the ramp.")
    assert edges(text) == [("n1", "supports", "t1"), ("n2", "attacks", "t1"), ("n3", "attacks", "n2"),
                           ("n4", "attacks", "n3")]


@pytest.mark.parametrize("connective", ["However,", "Even so,", "Nevertheless,"])
def test_a_contrast_connective_before_a_named_speaker_turns_to_the_other_side(connective: str) -> None:
    text = (f"Tram line\n\nDebate\n\nCritics warn that the tram line will split the market square. "
            f"{connective} Mayor Ilse Brandt argues that the square will be car-free.")
    assert [n.kind for n in extract_text(text).nodes] == ["critique", "rebuttal"]


def test_confidence_follows_the_evidence() -> None:
    text = ("Bike lanes\n\nDebate\n\nCritics warn that the lanes narrow the road. "
            "Shop owners complain that deliveries take longer.")
    stance_actor, group = extract_text(text).nodes
    assert stance_actor.confidence > group.confidence


def test_a_letter_argues_without_a_thesis_word_and_a_possessive_noun_is_no_verb() -> None:
    text = ("Letters: Keep the ferry pier\n\nSir, your report repeats the harbour board's claim that the old pier "
            "is unsafe. I doubt it. The divers who inspected it last winter found only surface rust.\n\n"
            "Of course, the railings need replacing, and nobody disputes that. But railings cost a few thousand "
            "pounds, not the two million a new pier would.")
    got = [k for k, _ in kinds(text)]
    assert got == ["claim", "claim", "critique", "rebuttal"]
    assert extract_text(text).nodes[0].cue is None  # "the board's claim" is a noun, not a report
