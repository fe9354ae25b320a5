"""Three layouts of issue #10: a parliamentary debate where every speech is labelled (the
mover's turns are the speech, other members interject, the chair keeps order), a myth page
whose myths are quoted sentences on lines of their own, and MediaWiki lists whose depth is the
number of repeated markers ("*", "**", "***").

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from test_reading_layout_families import _read

from argmap.extraction import extract_text

# ----- a debate where every speech is labelled ------------------------------------------------

DEBATE = """Lantern Festival (Funding) Bill — Second Reading

Mr Owen Marsh (Riverside): I beg to move, That the Bill be now read a Second time. Councils should be allowed to fund lantern festivals from their culture budgets. The festivals bring visitors to town centres in the darkest weeks of the year.

Mrs Ada Flint (Hillcrest): Will the hon. Gentleman give way?

Mr Marsh: I give way.

Mrs Flint: Does the hon. Gentleman accept that culture budgets are already stretched too thin for new events?

Mr Marsh: A festival that fills the high street pays for itself through parking and trade.

{chair}: Order. Interventions must be brief.

Some will say that lanterns are a fire risk. But the Bill requires every festival to use battery lights.

Hon. Members: Hear, hear.

Mr Marsh: I commend the Bill to the House.
"""

DEBATE_READING = [
    ("claim", "Councils should", "supports:topic"),
    ("claim", "The festivals", "supports:topic"),
    ("critique", "Does the", "attacks:Councils should"),
    ("rebuttal", "A festival", "attacks:Does the"),
    ("critique", "Some will", "attacks:topic"),
    ("rebuttal", "But the", "attacks:Some will"),
]


def test_the_movers_labelled_turns_read_as_one_speech_with_a_chair() -> None:
    # procedure ("I beg to move", "I give way", "Hear, hear", "I commend the Bill", the
    # chair's "Order.") has no node; the member's question is a critique, the mover answers it
    assert _read(DEBATE.format(chair="The Chair")) == DEBATE_READING
    assert _read(DEBATE.format(chair="Madam Deputy Speaker")) == DEBATE_READING


def test_an_interjecting_members_statement_attacks_the_speech() -> None:
    text = DEBATE.replace("Mr Marsh: I commend the Bill to the House.\n",
                          "Mrs Flint: Battery lights would double the cost of every lantern.\n\n"
                          "Mr Marsh: Battery lights can be borrowed from the council for each festival.\n")
    reading = _read(text.format(chair="The Chair"))
    assert reading[-2][0] == "critique" and reading[-2][1] == "Battery lights"
    assert reading[-1] == ("rebuttal", "Battery lights", "attacks:Battery lights")


def test_a_dialogue_of_plain_names_is_no_speech() -> None:
    # without honorifics the turns are a dialogue's, each speaker on a side of their own
    text = ("Should the village keep its phone box?\n\nANNA: The phone box should stay as a library.\n\n"
            "BEN: Nobody has borrowed a book from it this year.\n\n"
            "ANNA: The parish could stock it with newer books.\n")
    kinds = [k for k, _, _ in _read(text)]
    assert kinds == ["claim", "critique", "rebuttal"]


# ----- myths quoted on lines of their own ------------------------------------------------------

MYTHS = """Volunteering at the city farm

We hear a few things again and again from people thinking of helping out.

"You need farming experience to volunteer."
Most of our volunteers had never held a pitchfork before their first shift. Every task is shown on the day.

\u201cThe animals are dangerous.\u201d
The goats and sheep are used to visitors, and volunteers work in pairs near the larger animals.

"You have to come every week."
Volunteers choose their own shifts and can come as often as suits them.

How do I sign up?
Fill in the form at the farm shop.
"""


def test_quoted_lines_answered_on_a_page_of_them_are_myths() -> None:
    m = extract_text(MYTHS)
    assert [t.title for t in m.topics] == ["You need farming experience to volunteer.", "The animals are dangerous.",
                                           "You have to come every week."]
    reading = _read(MYTHS)
    assert [(k, w) for k, w, _ in reading] == [
        ("critique", "You need"), ("rebuttal", "Most of"), ("rebuttal", "Every task"),
        ("critique", "The animals"), ("rebuttal", "The goats"),
        ("critique", "You have"), ("rebuttal", "Volunteers choose"),
    ]
    assert all(t == "attacks:topic" for k, _, t in reading if k == "critique")


def test_one_quoted_line_in_a_story_is_no_myth() -> None:
    # a pull quote in a news story: the pattern does not repeat, so the line is no myth
    text = ("Farm reopens after the floods\n\nThe city farm reopened on Saturday after two months of repairs.\n\n"
            "\"We were overwhelmed by the help.\"\n"
            "The manager thanked the volunteers who cleared the barns.\n\n"
            "The farm opens daily from nine until four.\n")
    assert not any(k == "critique" for k, _, _ in _read(text))
    assert [t.title for t in extract_text(text).topics] != ["We were overwhelmed by the help."]


# ----- MediaWiki list depth by repeated markers ------------------------------------------------

WIKI = """Should museums charge for entry?

Arguments for
* Entry fees pay for the care of the collections.
** Objection: Fees keep away the families who would benefit most from a visit.
*** Response: Free days each month keep the museum open to every family.
* Paying visitors value the visit more and stay longer.

Arguments against
* Free museums draw far more school groups.
** Objection: School groups already enter free under most charging schemes.
"""


def test_repeated_markers_nest_like_indentation() -> None:
    assert _read(WIKI) == [
        ("claim", "Entry fees", "supports:topic"),
        ("critique", "Fees keep", "attacks:Entry fees"),
        ("rebuttal", "Free days", "attacks:Fees keep"),
        ("claim", "Paying visitors", "supports:topic"),
        ("critique", "Free museums", "attacks:topic"),
        ("rebuttal", "School groups", "attacks:Free museums"),
    ]


def test_repeated_markers_read_like_indented_items() -> None:
    indented = WIKI.replace("*** ", "    - ").replace("** ", "  - ").replace("* ", "- ")
    assert _read(WIKI) == _read(indented)


def test_a_bold_line_is_no_list_item() -> None:
    # "**For**" opens no item: the markers of a list are followed by a space
    text = WIKI.replace("Arguments for\n", "**Arguments for**\n").replace("Arguments against\n", "**Arguments against**\n")
    assert _read(text) == _read(WIKI)
