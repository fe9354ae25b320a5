"""Phenomena of layouts and wordings the tuning texts did not show: citation marks, a
"Claim:" answered by "Reality:", a supporter's quote opening a report, "Others" with a
side verb, literature-review responses, speeches with interjections, titled op-eds.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

import spacy

from argmap.extraction import extract_text
from argmap.extraction.pipeline import sentence_starts
from reading import kinds


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


def test_a_title_that_states_the_thesis_makes_the_first_sentence_argue() -> None:
    text = ("It is time to let pensioners ride the tram for free\n\n"
            "Pensioners pay more for a short tram ride than drivers pay to park all day. "
            "Free travel would keep them out of cars.\n\n"
            "Critics say the city cannot afford it. Granted, the budget is tight. "
            "But the fares bring in less than the car parks lose.\n\n"
            "Free trams for pensioners should start next year.")
    got = kinds(text)
    assert got[0] == ("claim", "Pensioners pay more for a short tram ride than drivers pay to park all day.")
    assert [k for k, _ in got][-3:-1] == ["critique", "rebuttal"]


def test_an_objection_others_voice_is_answered_by_the_authors_next_sentence() -> None:
    text = ("Why the tram should be free\n\nThe tram should be free for pensioners, and soon. "
            "They ride it more than anyone, and most pay from small pensions.\n\n"
            "There is also the worry that free rides would crowd the morning trams. "
            "The figures point the other way: pensioners travel after the rush hour.")
    got = kinds(text)
    assert [k for k, _ in got][-2:] == ["critique", "rebuttal"]
    assert got[-2][1].startswith("There is also the worry that")


def test_yet_inside_the_authors_own_point_does_not_concede() -> None:
    text = ("Pensioners should ride the tram for free\n\nThe city should give every pensioner a pass. "
            "They built this city's tram network, yet they now pay the highest fares on it. "
            "A free pass costs the city less than one bus.")
    got = kinds(text)
    assert ("claim", "They built this city's tram network, yet they now pay the highest fares on it.") in got


SPEECH = (
    "Ferry Services (Islands) Bill — Second Reading\n\n"
    "Madam Deputy Speaker, I beg to move that the Bill be now read a second time.\n\n"
    "Island families pay more to reach a hospital than anyone on the mainland. "
    "A free crossing for residents would end that unfairness at a modest cost.\n\n"
    "Hon. Members: Hear, hear.\n\n"
    "The hon. Member for Westbay has said that the Treasury cannot afford free crossings. "
    "I understand that worry, but the Bill costs less than the road money the mainland receives.\n\n"
    "Ms Ada Crane (Westbay): Will the hon. Gentleman give way?\n\n"
    "I will give way.\n\n"
    "Ms Crane: The hon. Gentleman speaks of road money, but roads carry freight for the whole country.\n\n"
    "I thank the hon. Lady for her intervention. The ferry carries freight for the islands in just the same way.\n"
)


def test_a_speech_with_interjections_keeps_its_title_and_answers_each_interjection() -> None:
    m = extract_text(SPEECH)
    assert [t.title for t in m.topics] == ["Ferry Services (Islands) Bill — Second Reading"]
    got = [(n.kind, n.actor, n.text) for n in m.nodes]
    texts = [t for _, _, t in got]
    # procedure is no statement: the motion, "Hear, hear", giving way, thanks
    assert not any(t.startswith(("Madam Deputy Speaker", "Hear", "Will the", "I will give", "I thank")) for t in texts)
    member = next(n for n in m.nodes if n.text.startswith("The hon. Member for Westbay"))
    assert member.kind == "critique"  # the member the speaker answers with "but"
    crane = next(n for n in m.nodes if n.actor == "Ms Crane")
    assert crane.kind == "critique" and crane.text.startswith("The hon. Gentleman speaks of road money, but")
    last = m.nodes[-1]
    assert last.kind == "rebuttal" and last.text.startswith("The ferry carries freight")
    assert any(e.source == last.id and e.target == crane.id for e in m.edges)


def test_a_description_after_a_quoted_speaker_gives_the_side() -> None:
    text = ("Town weighs free buses\n\n"
            "\"Free buses will fill the market square again,\" said Jo Hart, who proposed the scheme.\n\n"
            "Critics say the council cannot afford it. \"Every pound on fares is a pound not spent on potholes,\" "
            "said Ben Ode, who leads the opposition group. He also warned that drivers would lose their jobs.")
    assert [k for k, _ in kinds(text)] == ["claim", "critique", "critique", "critique"]


RECEPTION = (
    "The Glass Harbour (novel)\n\nReception\n"
    "Lena Ortiz praised the novel's \"clear, cold prose\". "
    "Tom Reyes, writing for The Courier, found the ending \"rushed\", complaining that the last chapter "
    "resolves nothing. Ada Birch felt the book was far too long. "
    "Ortiz, however, defended the ending as the point of the whole book.\n"
)


def test_reception_prose_reads_asides_participles_and_that_less_clauses() -> None:
    got = [(n.kind, n.actor) for n in extract_text(RECEPTION).nodes]
    assert got == [("claim", "Lena Ortiz"), ("critique", "Tom Reyes"), ("critique", "Ada Birch"),
                   ("rebuttal", "Ortiz")]


def test_a_said_without_that_before_a_fact_is_still_no_statement() -> None:
    text = ("Ferry plan\n\nCritics warn that the ferry plan costs too much. "
            "A spokesperson said timetables would not change.")
    assert [k for k, _ in kinds(text)] == ["critique"]


REVIEW = (
    "2.4 Do green roofs cool cities?\n\n"
    "Okafor et al. (2016) found that roofs planted with sedum lowered indoor temperatures by two degrees. "
    "Marsh (2018) reported similar savings in office blocks.\n\n"
    "The effect may be small at city scale, however. Lund and Pike (2019) observed that street temperatures "
    "barely changed. In response to Lund and Pike, Okafor (2021) showed that the cooling grows with the share "
    "of roofs planted. Critics of this follow-up point out that its model assumed every roof could be planted. "
    "Others have found much the same effect in surveys of whole districts (Haas and Imre, 2022).\n"
)


def test_a_literature_review_reads_citations_turns_and_responses() -> None:
    m = extract_text(REVIEW)
    got = [(n.kind, n.actor) for n in m.nodes]
    assert got == [("claim", "Okafor et al. (2016)"), ("claim", "Marsh (2018)"), ("critique", None),
                   ("critique", "Lund and Pike (2019)"), ("rebuttal", "Okafor (2021)"),
                   ("critique", "Critics of this follow-up"), ("rebuttal", "Others")]
    edges = {(e.source, e.target) for e in m.edges}
    assert ("n5", "n4") in edges and ("n6", "n5") in edges  # the response, and the critics of it


def test_however_inside_a_sentence_that_argues_is_no_turn_remark() -> None:
    text = "Green roofs\n\nCritics warn that green roofs leak. Engineers, however, reply that membranes hold."
    assert [k for k, _ in kinds(text)] == ["critique", "rebuttal"]


def test_a_passive_criticism_of_the_thing_debated_is_a_critique() -> None:
    text = ("Controversy\n\nThe market has been criticised by neighbours for noise late at night. "
            "In a petition, more than 300 neighbours said that the crowds block the street. "
            "The organisers defended the market, stating that stewards now clear the street by eleven.")
    assert [k for k, _ in kinds(text)] == ["critique", "critique", "rebuttal"]
    answered = ("Controversy\n\nCritics warn that the market is too loud. This claim was challenged by "
                "a council survey, which found few complaints.")
    assert [k for k, _ in kinds(answered)] == ["critique", "rebuttal"]


def test_others_and_stance_actors_take_a_clause_without_that() -> None:
    text = ("Keep the pool open\n\nThe council should keep the pool open. It is the only one in town, "
            "and our children learn to swim there.\n\n"
            "Others say the savings are needed for the library. Why should one service be cut to pay for another?")
    got = [k for k, _ in kinds(text)]
    assert got[-2:] == ["critique", "rebuttal"]


def test_welcoming_the_decision_is_praise_and_a_study_noun_is_no_verb() -> None:
    text = ("Council adds cameras\n\n\"Cameras are a tax on drivers,\" said Ann Fyfe.\n\n"
            "Road safety campaigners welcomed the decision. A 2021 report by the county's road officer "
            "found that crashes fell where cameras stood.")
    m = extract_text(text)
    # praise is a fresh claim for the proposal, and the report goes on on its side
    assert [(n.kind, n.actor) for n in m.nodes] == [
        ("critique", "Ann Fyfe"), ("claim", "Road safety campaigners"),
        ("claim", "A 2021 report by the county's road officer")]
