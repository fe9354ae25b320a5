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
