"""Reviews, panels and op-eds in wordings the tuning texts did not use: review-style side
headings ("What works" / "What doesn't", "The good" / "The bad"), a panel whose first speaker
declares against the proposal, a bare acknowledgement inside a turn, titles that state the
thesis as an imperative or with "needs", and a lede that opens on a relative date.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

import pytest

from argmap.extraction import extract_text


def _kinds(text: str) -> list[tuple[str, str]]:
    """(kind, first three words) per node, in text order; every span reproduces its text."""
    m = extract_text(text)
    for n in m.nodes:
        assert text[n.span[0] : n.span[1]] == n.text
    return [(n.kind, " ".join(n.text.split()[:3])) for n in m.nodes]


def _targets(text: str) -> dict[str, str]:
    """First three words of each node → first three words of its target ("topic")."""
    m = extract_text(text)
    words = {n.id: " ".join(n.text.split()[:3]) for n in m.nodes}
    return {words[e.source]: words.get(e.target, "topic") for e in m.edges}


REVIEW = """Harbourlight review: a handsome kettle with one flaw

The Harbourlight is a 1.7-litre kettle sold in four colours. It went on sale in May.

{pro}

- The temperature dial is precise, and green tea finally tastes right.
- It boils a full jug in under three minutes.

{con}

- The lid hinge squeaks from the first day.
"""


@pytest.mark.parametrize("pro, con", [
    ("What works", "What doesn't"),
    ("What works", "What doesn’t work"),
    ("The good", "The bad"),
    ("Likes", "Dislikes"),
    ("Upsides", "Downsides"),
    ("**What we liked**", "**What we didn't like**"),
])
def test_review_side_headings_give_their_lists_a_side(pro: str, con: str) -> None:
    assert _kinds(REVIEW.format(pro=pro, con=con)) == [
        ("claim", "The temperature dial"),
        ("claim", "It boils a"),
        ("critique", "The lid hinge"),
    ]


PANEL = """Closing the Ferne Road library branch: a panel

HOST: Thank you both for coming. Ms Okafor, you speak for the friends of the library.

OKAFOR: {opening} Pupils from three schools do their homework there every evening, and the nearest other branch is two buses away.

HOST: Mr Dunmore?

DUNMORE: I understand the concern, but the mobile library will stop outside each of those schools twice a week.

OKAFOR: A van twice a week is not a quiet room every evening.
"""


@pytest.mark.parametrize("opening", ["We oppose the closure.", "I'm against it.", "We are opposed to it."])
def test_a_first_turn_that_declares_against_the_proposal_speaks_for_the_con_side(opening: str) -> None:
    kinds = _kinds(PANEL.format(opening=opening))
    assert {k for k, _ in kinds[:-2]} == {"critique"}  # the declaration, and the reason given for it
    # "I understand the concern" grants no point; the reply answers the declared side
    assert kinds[-2:] == [("rebuttal", "the mobile library"), ("critique", "A van twice")]


def test_a_first_turn_that_declares_nothing_still_opens_for_the_proposal() -> None:
    kinds = _kinds(PANEL.format(opening="Good evening."))
    assert [k for k, _ in kinds] == ["claim", "critique", "rebuttal"]


OPED = """{title}

Last month the harbour board voted to close the Tern Quay slipway to private boats from April.

The slipway is the only free launch point on this stretch of coast. Without it, a family with a dinghy faces a forty-mile round trip to the marina at Pellow.

Board members say that repairs would cost more than the slipway brings in. Yet the repair bill they quote includes a new car park that nobody has asked for.

The board should reverse its decision.
"""


@pytest.mark.parametrize("title", [
    "Keep the Tern Quay slipway open",
    "Save the Tern Quay slipway",
    "Our coast needs the Tern Quay slipway",
    "Don't close the Tern Quay slipway",
])
def test_a_title_that_states_the_thesis_lets_the_author_argue_from_the_start(title: str) -> None:
    text = OPED.format(title=title)
    assert _kinds(text) == [
        ("claim", "The slipway is"),
        ("claim", "Without it, a"),
        ("critique", "Board members say"),
        ("rebuttal", "Yet the repair"),
        ("claim", "The board should"),
    ]
    assert _targets(text)["Yet the repair"] == "Board members say"


def test_a_plain_title_leaves_the_opening_paragraphs_narrating() -> None:
    kinds = _kinds(OPED.format(title="The Tern Quay slipway"))
    assert not any(words.startswith(("The slipway", "Without it")) for _, words in kinds)


def test_a_lede_opening_on_a_relative_date_is_background_but_a_later_one_argues() -> None:
    text = OPED.format(title="Keep the Tern Quay slipway open").replace(
        "The slipway is the only", "The slipway, repaired last year, is the only")
    kinds = _kinds(text)
    assert not any(words.startswith("Last month") for _, words in kinds)
    assert ("claim", "The slipway, repaired") in kinds


# ----- news, reception, minutes, interviews and essays -----------------------------------------

NEWS = """Harbour car park charges to rise

The harbour trust voted on Monday to raise its parking charges from April.

"The income will pay for the new sea defences," said Leah Morrow, the trust's treasurer. "Nobody else is offering to fund them."

{dissent} "Visitors will simply park in the side streets," said Owen Kade of the Old Town Residents' Association.

The trust said that residents' permits would be extended to the side streets. It also pointed out that the charges are lower than at the two nearest harbours.
"""


def test_a_quotation_after_a_quoted_statement_goes_on_for_its_speaker() -> None:
    kinds = _kinds(NEWS.format(dissent="Not everyone is convinced."))
    assert kinds[:2] == [("claim", "The income will"), ("claim", "Nobody else is")]


@pytest.mark.parametrize("dissent", ["Not everyone is convinced.", "Not everyone agrees.", "Not all critics agreed."])
def test_a_dissent_line_announces_the_critics_who_follow(dissent: str) -> None:
    kinds = _kinds(NEWS.format(dissent=dissent))
    assert kinds[2:] == [
        ("critique", " ".join(dissent.split()[:3])),
        ("critique", "Visitors will simply"),
        ("rebuttal", "The trust said"),
        ("rebuttal", "It also pointed"),  # the trust goes on: a pronoun speaking, no hedged attribution
    ]


def test_it_is_said_stays_hedged_attribution_but_it_said_is_a_speaker() -> None:
    from argmap.extraction.cues import tokens_of
    from argmap.extraction.lexicon import Lexicon
    from argmap.extraction.statements import read_sentence

    lex = Lexicon.default()

    def role(sentence: str) -> str | None:
        return read_sentence(sentence, (0, len(sentence)), lex, tokens_of(sentence, lex))[0].actor_role

    assert role("It is often said that the charges deter visitors.") == "con"
    assert role("It has been argued that the charges deter visitors.") == "con"
    assert role("It also said that the charges would fund the defences.") == "same"


RECEPTION = """Lantern Hours (album)

Lantern Hours is the second album by the duo Merrow, released in 2023.

Reception

Writing in Northern Sound, Ada Quill praised the album's "unhurried" pacing. Tom Varga of The Ledger was {state}, arguing that the middle songs blur together. The Lowland Review called the lyrics "clumsy in places", though it admired the string arrangements.

In a radio interview, the duo's guitarist responded to the criticism of the middle songs, saying that they were written as one suite.
"""


@pytest.mark.parametrize("state", ["more reserved", "lukewarm", "more critical"])
def test_reception_states_possessive_speakers_and_a_critics_praise(state: str) -> None:
    kinds = _kinds(RECEPTION.format(state=state))
    assert [k for k, _ in kinds] == ["claim", "critique", "critique", "claim", "rebuttal"]
    assert kinds[-1] == ("rebuttal", "In a radio")  # "the duo's guitarist responded to the criticism"


MINUTES = """Item 6: Proposed parking restrictions on Mill Row

The clerk reported that the county had asked for comments by 1 June.

Cllr Hale spoke in favour, saying that delivery vans block the junction every morning.

Cllr Osei objected that the restrictions would push parking into the cul-de-sacs.

Cllr Brandt replied that the county would review the cul-de-sacs after six months.
"""


def test_councillors_are_told_apart_by_name_not_by_their_title() -> None:
    assert [k for k, _ in _kinds(MINUTES)] == ["claim", "critique", "rebuttal"]


INTERVIEW = """An interview with the head of the bus company

Q: Many passengers say the new timetable leaves villages without a service after six. Why cut the evening buses?

A: Those buses carried fewer than three passengers a trip, and the money now funds a dial-a-ride service.

Q: Campaigners argue that dial-a-ride must be booked a day ahead, which is useless for shift workers.

A: That is a fair concern. From March, same-day bookings open until four in the afternoon.

Q: When does the new timetable start?

A: On the first of February.
"""


def test_an_interview_line_that_states_a_challenge_is_answered() -> None:
    kinds = [(k, w) for k, w in _kinds(INTERVIEW) if w != "That is a"]
    assert kinds == [
        ("critique", "Many passengers say"),
        ("rebuttal", "Those buses carried"),
        ("critique", "Campaigners argue that"),
        ("rebuttal", "From March, same-day"),
    ]


ESSAY = """Should school start later for teenagers?

Most secondary schools here start at half past eight.

Firstly, teenagers' body clocks make them sleepy until mid-morning. Furthermore, pupils who sleep longer are late less often.

On the other hand, some parents believe that a later start would clash with their working hours. This is a reasonable point. However, breakfast clubs could open at the usual time for families who need them.
"""


def test_on_the_other_hand_some_people_believe_is_that_side_speaking() -> None:
    kinds = _kinds(ESSAY)
    assert ("critique", "On the other") in kinds
    # the acknowledgement grants no point of its own; the reply answers the parents
    assert ("critique", "This is a") not in kinds and ("rebuttal", "This is a") not in kinds
    assert _targets(ESSAY)["However, breakfast clubs"] == "On the other"


LETTER = """Letters: The bus station clock

Sir, Mr Dean Farrow (Letters, 9 June) argues that repairing the bus station clock is a waste of money. {rejection}

The clock is the only public clock in the town centre, and visitors use it to catch their buses. The repair quote is £1,200, less than the council spends on hanging baskets each summer.

Ruth Nye, Old Town
"""


@pytest.mark.parametrize("rejection", ["I cannot agree.", "I beg to differ.", "I must disagree."])
def test_a_letter_writer_who_rejects_the_letter_answered_argues_from_there(rejection: str) -> None:
    words = [w for _, w in _kinds(LETTER.format(rejection=rejection))]
    # without the rejection the letter narrates and its writer's own sentences are no statements
    assert words[0] == "Sir, Mr Dean" and {"The clock is", "The repair quote"} <= set(words)


VIEWS = """Summary of responses: closing the Eastgate footbridge

Views against

A minority of respondents opposed the closure. Some felt that the detour would add ten minutes to the walk to school. Others argued that the bridge could be repaired for less than a new crossing.
"""


def test_others_under_a_one_sided_heading_keep_its_side() -> None:
    assert [k for k, _ in _kinds(VIEWS)] == ["critique", "critique", "critique"]


ALTERNATIVE = """{title}

The county has £3 million to spend on the Harle valley before the end of the year.

Supporters of the new road argue that lorries would stop using the village lanes. That worry is understandable, but the lorries could be banned from the lanes tomorrow for the price of two signs.

The county should fund the railway halt.
"""


@pytest.mark.parametrize("title", [
    "Harle needs a railway halt, not a new road",
    "Build a railway halt rather than a new road",
    "Fund the Harle halt instead of a new road",
])
def test_the_supporters_of_the_alternative_a_title_rejects_argue_against_it(title: str) -> None:
    kinds = _kinds(ALTERNATIVE.format(title=title))
    assert ("critique", "Supporters of the") in kinds
    assert ("rebuttal", "the lorries could") in kinds  # "That worry is understandable" grants nothing
    assert not any(w.startswith("That worry") for _, w in kinds)


def test_the_supporters_of_what_the_title_asks_for_stay_on_its_side() -> None:
    kinds = _kinds(ALTERNATIVE.format(title="Harle needs a new road, not a railway halt"))
    assert ("claim", "Supporters of the") in kinds


PROMISE = """Criticism

Anglers warned that the weir would block the salmon run. The water company {verb} to build a fish pass beside the weir before it opens.
"""


@pytest.mark.parametrize("verb", ["has promised", "pledged", "undertook", "has offered"])
def test_a_promise_by_the_side_criticised_answers_the_criticism(verb: str) -> None:
    assert [k for k, _ in _kinds(PROMISE.format(verb=verb))] == ["critique", "rebuttal"]


CONCERNS = """Criticism

The scheme has been praised by the chamber of commerce. Privacy campaigners have raised a separate concern. According to the Data Rights Trust, the cameras keep every number plate for a year. The council disputes this, saying that plates are deleted after thirty days.
"""


def test_a_concern_raised_announces_its_critics_and_disputing_this_answers_them() -> None:
    assert [k for k, _ in _kinds(CONCERNS)] == ["claim", "critique", "critique", "rebuttal"]
    assert _targets(CONCERNS)["The council disputes"] == "According to the"


def test_who_added_that_after_a_quotation_is_the_speakers_second_point() -> None:
    text = NEWS.format(dissent="Not everyone is convinced.").replace(
        "Residents' Association.", "Residents' Association, who added that the buses would be stuck behind them.")
    kinds = _kinds(text)
    assert ("critique", "the buses would") in kinds
    assert kinds.index(("critique", "the buses would")) == kinds.index(("critique", "Visitors will simply")) + 1


@pytest.mark.parametrize("reply", ["*Reply.*", "_Reply._", "*Reply*."])
def test_an_italic_reply_label_answers_the_bold_objection_before_it(reply: str) -> None:
    text = ("Should the pier be rebuilt?\n\n**Objection 1.** The repair would cost more than a new pier.\n\n"
            f"{reply} The council has already received a grant for most of the cost.\n")
    assert _kinds(text) == [("critique", "The repair would"), ("rebuttal", "The council has")]


@pytest.mark.parametrize("field", ["Recommendation: major revision.", "Decision: accept.", "Rating: 4/5"])
def test_a_forms_field_line_is_no_statement(field: str) -> None:
    text = f"Referee report\n\nMajor comments\n\n1. The sample is too small to support the main claim.\n\n{field}\n"
    assert [w for _, w in _kinds(text)] == ["The sample is"]
