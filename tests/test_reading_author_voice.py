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
from reading import kinds


def kind_of(got: list[tuple[str, str]], opening: str) -> str:
    """The kind of the first node whose text opens with ``opening``."""
    return next(k for k, t in got if t.startswith(opening))


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
    heard = kind_of(got, "I have heard it said")
    thinking = kind_of(got, "You may be thinking")
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
    assert kind_of(got, "Some councillors") == "critique"
    # an answer with a contrast is no dated background, whatever year it names
    assert kind_of(got, "However, it would cost") == "rebuttal"


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
    assert kind_of(got, "Opponents of this Bill") == "critique"
    assert kind_of(got, "Yet the fund") == "rebuttal"
    assert kind_of(got, "The hon. Member mentions") == "critique"
    assert kind_of(got, "The Bill lets the fund") == "rebuttal"


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
    assert kind_of(got, "Most donors") == "rebuttal"
    assert len(m.topics) == 2


# ----- short argumentative texts (microtexts) ---------------------------------------------

def test_a_sentence_before_a_but_in_the_authors_voice_is_granted() -> None:
    text = ("Cities should plant more street trees. Trees cool the pavements in summer. "
            "Fallen leaves do block drains every autumn. "
            "But a leaf collection costs far less than the flooding that heat-baked streets suffer.")
    got = kinds(text)
    assert got[2] == ("critique", "Fallen leaves do block drains every autumn.")
    assert got[3][0] == "rebuttal"
    # the thesis itself is not granted, and a contrast inside the author's case does not turn
    plain = "Cities should plant more street trees. But the council has planted none this year."
    assert kinds(plain)[0][0] == "claim"


def test_the_authors_but_answers_a_speaker_in_the_same_sentence() -> None:
    text = ("Towns should keep their markets. Markets bring shoppers to the high street. "
            "Some would argue that supermarkets are cheaper, but a market sells local food that travels no distance.")
    got = kinds(text)
    assert ("critique", "Some would argue that supermarkets are cheaper") in got
    assert got[-1] == ("rebuttal", "a market sells local food that travels no distance.")
    even_if = ("Towns should keep their markets. They bring shoppers to the high street. "
               "Even if many people think that markets are old-fashioned, they are busier every year.")
    got = kinds(even_if)
    assert got[-2][0] == "critique" and got[-1] == ("rebuttal", "they are busier every year.")


def test_a_gerund_after_but_is_no_verb_of_the_speaker_before() -> None:
    text = ("Parents should let children walk to school. Walking builds confidence. "
            "Some might say traffic is too dangerous, but keeping children indoors is no safer for them.")
    got = kinds(text)
    assert got[-1] == ("rebuttal", "keeping children indoors is no safer for them.")


def test_an_opening_yes_with_no_but_after_it_affirms() -> None:
    text = ("Yes, wind farms belong in the hills. They produce power where it is windiest. "
            "They also bring rent to hill farms.")
    assert [k for k, _ in kinds(text)] == ["claim", "claim", "claim"]
    granted = ("Yes, wind farms spoil the view from the hills. They stand out for miles around. "
               "But the hills have carried pylons and quarries for a century.")
    assert [k for k, _ in kinds(granted)][:2] == ["critique", "critique"]


def test_a_short_text_with_two_reported_views_still_argues() -> None:
    text = ("Fracking should be banned in every county. It pollutes the water supplies of whole towns. "
            "It has been shown to cause small earthquakes. There are safer sources of energy than gas. "
            "Some may say that we need the gas, but this argument ignores the wind and solar power we already have.")
    got = kinds(text)
    assert got[0] == ("claim", "Fracking should be banned in every county.")
    assert len(got) == 6 and got[-1][0] == "rebuttal"


def test_there_are_those_who_would_say_voices_the_other_side() -> None:
    text = ("Plastic bags should cost money. A small charge makes people bring their own. "
            "There are those who would say that poorer families cannot afford reusable bags. "
            "Yet a reusable bag costs less than ten of the paid-for ones.")
    got = kinds(text)
    assert got[2][0] == "critique" and got[3][0] == "rebuttal"


def test_a_drawback_named_by_the_author_is_the_other_sides_point() -> None:
    text = ("Every household should compost its food waste at home. Compost feeds gardens for free. "
            "One drawback is that a badly kept heap can smell in hot weather. "
            "Yet a lid and a weekly turn keep any heap sweet.")
    got = kinds(text)
    assert got[2][0] == "critique" and got[3][0] == "rebuttal"


COUNCIL = (
    "Motion on the Mill Lane Depot — Full Council\n\n"
    "Chair, I rise to move the motion standing in my name.\n\n"
    "The council should turn the old depot into allotments. The site has stood empty for six years, "
    "and the waiting list for plots is the longest in the county.\n\n"
    "Cllr Nia Post (Castle Ward): Will the councillor give way?\n\n"
    "I will.\n\n"
    "Cllr Post: The depot land is worth more to the council as housing, and the money would pay for a new library.\n\n"
    "I understand the member's concern. But the land is polluted and could not be built on without a costly clean-up.\n\n"
    "I have heard colleagues say that allotments only serve the retired. "
    "Is that really true of a waiting list on which half the names are young families?\n"
)


def test_a_council_speech_with_an_intervention_answered_after_an_acknowledgement() -> None:
    m = extract_text(COUNCIL)
    got = [(n.kind, n.text) for n in m.nodes]
    texts = [t for _, t in got]
    assert not any(t.startswith(("Chair, I rise", "Will the councillor", "I understand the member")) for t in texts)
    post = next(n for n in m.nodes if n.text.startswith("The depot land is worth more"))
    answer = next(n for n in m.nodes if n.text.startswith("But the land is polluted"))
    assert post.kind == "critique" and answer.kind == "rebuttal"
    assert any(e.source == answer.id and e.target == post.id for e in m.edges)
    heard = next(n for n in m.nodes if n.text.startswith("I have heard colleagues say"))
    question = next(n for n in m.nodes if n.text.startswith("Is that really true of"))
    assert heard.kind == "critique" and question.kind == "rebuttal"  # a question with content answers


def test_of_two_turns_in_a_row_the_first_is_granted() -> None:
    text = ("Ferries should run all winter. They are the only link to the mainland for two hundred families. "
            "However, the winter crossings carry very few passengers. "
            "But a lifeline is measured by who would be stranded without it, not by how full it is.")
    got = kinds(text)
    assert [k for k, _ in got] == ["claim", "claim", "critique", "rebuttal"]


def test_a_why_title_states_the_thesis_and_the_history_under_it_is_background() -> None:
    text = ("Why Hollow End needs a seed library\n\n"
            "Posted by Ana Birch, 2 May 2026\n\n"
            "The village nursery closed in 2015. Councils can fund a new one, but none has offered.\n\n"
            "A seed library would let gardeners swap the varieties that grow well in our valley. "
            "Some readers will object that seeds are cheap enough to buy. "
            "Bought seed is bred for other soils, and swapped seed has already proved itself here.\n")
    got = kinds(text)
    texts = [t for _, t in got]
    assert not any(t.startswith(("The village nursery", "Councils can", "none has offered")) for t in texts)
    assert got[0][0] == "claim" and [k for k, _ in got[1:]] == ["critique", "rebuttal"]


def test_a_speech_opening_on_a_vocative_argues_before_its_closing_appeal() -> None:
    text = ("Rural Buses — Westminster Hall Debate\n\n"
            "Mr Deputy Speaker, it is a pleasure to serve under your chairmanship.\n\n"
            "The present system has failed the villages I represent. Whole valleys have lost their evening buses.\n\n"
            "It is sometimes suggested that nobody uses the evening buses. "
            "That may be so, but nobody can use a bus that runs once a day.\n\n"
            "Ministers are said to favour a review. Reviews have come and gone.\n\n"
            "I urge the Minister to restore the rural bus grant.\n")
    got = kinds(text)
    texts = [t for _, t in got]
    assert not any(t.startswith(("Mr Deputy Speaker", "That may be so")) for t in texts)
    assert ("claim", "The present system has failed the villages I represent.") in got
    assert kind_of(got, "It is sometimes suggested") == "critique"
    assert kind_of(got, "nobody can use a bus") == "rebuttal"
