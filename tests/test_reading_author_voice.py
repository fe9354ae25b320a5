"""The author's own voice in argumentative genres: op-eds and blog essays, speeches with
interventions, campaign letters, myth pages in other spellings, objections FAQs.

- prolepsis in other wordings ("I have heard it said that …", "You may be thinking …",
  "Opponents of this Bill will tell you that …") voices the other side, answered next;
- "While X, Y" / "Although X, Y" in the author's voice grant X and answer it with Y;
- "That is a fair point; however, Y": an acknowledgement that only points back is no
  statement, and the speaker it acknowledges spoke for the other side; so did one the author
  concedes a point to ("We do not doubt that …");
- dated background (a year, "published in March", "closes on 30 September") and the rest of a
  paragraph it opens, when that shows no voice of the author's, are no statements;
- a question on a line of its own in a speech is the speaker's rhetorical question: no FAQ item,
  no heading, no statement;
- "Myth #1 – X" answered on the next line without a label, "What people say:" / "What the
  evidence says:".

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction import extract_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.text) for n in extract_text(text).nodes]


OPED = (
    "Bring back the reading room\n\n"
    "The reading room on Kell Street opened in 1902. It was closed in 1979 and its books went to the county store.\n\n"
    "The town should open it again. A quiet public room with newspapers and desks would serve students and pensioners alike.\n\n"
    "I have heard it said that nobody reads newspapers any more. Is that really so? "
    "The room would carry screens and free wifi as well as print.\n\n"
    "You may be thinking that the library already does this. "
    "But the library shuts at five, and the room would stay open into the evening.\n"
)


def test_prolepsis_in_other_wordings_is_answered_by_the_author() -> None:
    got = kinds(OPED)
    texts = [t for _, t in got]
    assert not any("1902" in t or "county store" in t for t in texts)  # history, no side
    assert not any(t.startswith("Is that really") for t in texts)  # a bare rhetorical question
    heard = next(k for k, t in got if t.startswith("I have heard it said"))
    thinking = next(k for k, t in got if t.startswith("You may be thinking"))
    assert heard == thinking == "critique"
    answers = [k for k, t in got if t.startswith(("The room would carry", "But the library shuts"))]
    assert answers == ["rebuttal", "rebuttal"]
    assert ("claim", "The town should open it again.") in got


def test_while_and_although_split_at_the_comma_in_the_authors_voice() -> None:
    text = ("Keep the night buses\n\n"
            "The council should keep the night buses. "
            "While a night bus costs more per passenger, it is the only way home for shift workers. "
            "Although fares would rise, a bus would still cost far less than a taxi.\n")
    got = kinds(text)
    assert ("critique", "While a night bus costs more per passenger") in got
    assert ("rebuttal", "it is the only way home for shift workers.") in got
    assert ("critique", "Although fares would rise") in got
    assert got[-1][0] == "rebuttal"


def test_an_acknowledgement_that_only_points_back_is_no_statement() -> None:
    text = ("Open the school pitches\n\n"
            "The school should open its pitches to local clubs at weekends. Clubs have nowhere else to train.\n\n"
            "At the last meeting, the bursar Ian Moss argued that insurance would cost too much. "
            "That is a fair point; however, the county scheme already covers weekend use.\n")
    m = extract_text(text)
    got = [(n.kind, n.text) for n in m.nodes]
    assert not any(t.startswith("That is a fair point") for _, t in got)
    moss = next(n for n in m.nodes if "Ian Moss" in n.text)
    answer = next(n for n in m.nodes if "county scheme" in n.text)
    assert moss.kind == "critique" and answer.kind == "rebuttal"
    assert any(e.source == answer.id and e.target == moss.id and e.relation == "attacks" for e in m.edges)


def test_a_speaker_the_author_concedes_a_point_to_spoke_for_the_other_side() -> None:
    text = ("Dear Councillors,\n\n"
            "We ask you to keep the lido open. It is the only outdoor pool in the borough and our children learn to swim there.\n\n"
            "Some councillors have suggested that an indoor pool would serve residents better. "
            "We do not doubt that an indoor pool is useful. "
            "However, it would cost ten times as much and would not open before 2031.\n\n"
            "Yours faithfully,\n\nAnn Lee\n")
    got = kinds(text)
    assert next(k for k, t in got if t.startswith("Some councillors")) == "critique"
    # an answer with a contrast is no dated background, whatever year it names
    assert next(k for k, t in got if t.startswith("However, it would cost")) == "rebuttal"


def test_dated_background_and_the_rest_of_its_paragraph_are_no_statements() -> None:
    text = ("Reopen the station\n\n"
            "The station closed in 1965. It had two platforms and a goods yard.\n\n"
            "The county's rail study, published in March, counted 4,000 daily trips between the two towns.\n\n"
            "The county should reopen it. A train would take commuters off the crowded valley road, "
            "and I would use it every day.\n")
    texts = [t for _, t in kinds(text)]
    assert not any(t.startswith(("The station closed", "It had two platforms", "The county's rail study")) for t in texts)
    assert "The county should reopen it." in texts


SPEECH = (
    "Village Halls (Repair Fund) Bill — Second Reading\n\n"
    "Madam Deputy Speaker, I beg to move that the Bill be now read a second time.\n\n"
    "The Bill would set up a fund that villages can draw on to repair their halls. "
    "For many villages the hall is the only room where a club, a clinic or a polling station can meet.\n\n"
    "Opponents of this Bill will tell you that the halls should be paid for by the people who use them. "
    "Yet the fund asks each village to find a third of the cost itself.\n\n"
    "Mr Ivo Stead (Harnley): Will the hon. Member give way?\n\n"
    "I give way.\n\n"
    "Mr Stead: The hon. Member mentions a third, but the poorest villages cannot raise even that.\n\n"
    "The Bill lets the fund waive the share for the poorest villages.\n\n"
    "Does anyone here truly believe that a village can manage without a hall?\n\n"
    "I commend this Bill to the House.\n"
)


def test_a_speechs_lone_question_is_no_faq_item_and_no_statement() -> None:
    m = extract_text(SPEECH)
    assert [t.title for t in m.topics] == ["Village Halls (Repair Fund) Bill — Second Reading"]
    got = [(n.kind, n.text) for n in m.nodes]
    assert not any(t.startswith("Does anyone here") for _, t in got)
    assert next(k for k, t in got if t.startswith("Opponents of this Bill")) == "critique"
    assert next(k for k, t in got if t.startswith("Yet the fund")) == "rebuttal"
    assert next(k for k, t in got if t.startswith("The hon. Member mentions")) == "critique"
    assert next(k for k, t in got if t.startswith("The Bill lets the fund")) == "rebuttal"


def test_a_myth_answered_on_the_next_line_without_a_label() -> None:
    text = ("Blood donation: myths and facts\n\n"
            "Myth #1 – You cannot give blood if you have a tattoo.\n"
            "You can. You only need to wait four months after the tattoo was done.\n"
            "Donor sessions are held in the town hall on the first Monday of each month.\n\n"
            "What people say: \"Giving blood leaves you weak for days.\"\n"
            "What the evidence says: Most donors feel normal within a few hours.\n")
    m = extract_text(text)
    got = [(n.kind, n.text) for n in m.nodes]
    assert got[0] == ("critique", "You cannot give blood if you have a tattoo.")
    assert any(k == "rebuttal" and "wait four months" in t for k, t in got)  # "You can." goes with it
    assert not any(t.startswith("Donor sessions") for _, t in got)  # a line explaining, after the answer
    assert next(k for k, t in got if "leaves you weak" in t) == "critique"
    assert next(k for k, t in got if t.startswith("Most donors")) == "rebuttal"
    assert len(m.topics) == 2
