"""Layouts the tuning texts did not show: forum threads with quoted posts, metadata lines
(navigation trails, fields joined by "·", headings closing on a date), and more.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction import extract_text
from argmap.extraction.labels import layout_labels
from argmap.extraction.lexicon import Lexicon


def _edges(text: str) -> list[tuple[str, str, str, str]]:
    m = extract_text(text)
    by_id = {n.id: n for n in m.nodes}
    out = []
    for e in m.edges:
        n = by_id[e.source]
        target = by_id[e.target].text[:12] if e.target in by_id else "topic"
        out.append((n.kind, n.actor or "", n.text[:12], target))
    return out


THREAD = """Are e-bikes cheating?

Posted by hillclimber · 2 May 2026

E-bikes get people cycling who would otherwise drive. My neighbour now rides to work every day.

Reply from Sam_T · 2 May 2026

> My neighbour now rides to work every day.

One neighbour proves nothing. Most riders I see use them for leisure, not commuting.

Reply from hillclimber · 3 May 2026

Leisure riding still replaces car trips at weekends.

Reply from Ola · 3 May 2026

They are heavy, and the batteries cost a fortune to replace.
"""


def test_a_thread_reply_takes_the_other_side_of_the_post_it_quotes() -> None:
    edges = _edges(THREAD)
    assert [(k, a) for k, a, _, _ in edges] == [
        ("claim", "hillclimber"), ("claim", "hillclimber"),
        ("critique", "Sam_T"), ("critique", "Sam_T"),
        ("rebuttal", "hillclimber"),
        ("critique", "Ola"),  # no quote, no mention: it answers the opening post
    ]
    # the reply's first sentence answers the quoted point; the quote itself is no statement
    assert edges[2][3] == "My neighbour"
    assert not any(text.startswith(">") for _, _, text, _ in edges)
    assert edges[-1][3] == "topic"


def test_a_mention_names_the_post_answered() -> None:
    text = THREAD + "\nReply from hillclimber · 4 May 2026\n\n@Ola the batteries last eight years on average.\n"
    assert _edges(text)[-1][:2] == ("rebuttal", "hillclimber") and _edges(text)[-1][3] == "They are hea"


def test_one_post_header_is_a_byline_not_a_thread() -> None:
    text = "Keep the ferry\n\nPosted by Ana Ruiz · 2 May 2026\n\nCritics warn that the ferry loses money. Supporters reply that it keeps the island alive."
    assert [(k, a) for k, a, _, _ in _edges(text)] == [("critique", "Critics"), ("rebuttal", "Supporters")]


def test_metadata_lines_head_nothing() -> None:
    labels = layout_labels(Lexicon.default())
    assert labels.is_meta_line("Forum › Home office › Health")
    assert labels.is_meta_line("Rating: 3 out of 5 · Reviewed by Hal Brennan")
    assert labels.is_meta_line("Judgment of Mrs Justice Ruiz, 9 February 2026")
    assert labels.is_meta_line("Prepared for the Harbour Committee, May 2026")
    assert not labels.is_meta_line("Arguments against")
    assert not labels.is_meta_line("Costs and benefits · an overview")
    m = extract_text("Ferry fares\n\nPrepared for the transport board, May 2026\n\nCritics warn that fares will rise.")
    assert [t.title for t in m.topics] == ["Ferry fares"]


def test_a_speaker_for_a_side_takes_that_side() -> None:
    text = ("Keep the path open\n\nThe path should stay open at night. It is the only safe route to work.\n\n"
            "Counsel for the respondent also argued that reopening the path would invite vandalism.")
    m = extract_text(text)
    assert (m.nodes[-1].kind, m.nodes[-1].actor) == ("critique", "Counsel for the respondent")


def test_a_judgment_keeps_the_parties_submissions_before_the_judges_reasoning() -> None:
    text = ("Ruiz v Harbour Trust\n\nJudgment of Mr Justice Lowe, 3 March 2026\n\n"
            "1. The appellant submits that the slipway was dedicated to public use.\n\n"
            "2. The respondent replies that the dedication lapsed in 1990.\n\n"
            "3. I do not accept that. The dedication must be read with the deed, which has no end date.")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Ruiz v Harbour Trust"]
    assert [(n.kind, n.actor) for n in m.nodes][:2] == [("claim", "The appellant"), ("critique", "The respondent")]
    assert m.nodes[-1].kind == "rebuttal"


def test_an_inline_side_label_gives_every_sentence_of_its_paragraph_that_side_of_the_topic() -> None:
    text = ("Review: the Osprey kettle\n\nI bought it in May.\n\n"
            "Pros: It boils a full jug in two minutes. The handle stays cool even when full.\n\n"
            "Cons: The lid sticks after a month. It is loud at the boil.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Review: the Osprey kettle"]
    assert [n.kind for n in m.nodes] == ["claim", "claim", "critique", "critique"]
    assert {e.target for e in m.edges} == {"t1"}


EMAILS = """Subject: Re: Hall hire charges

From: Ines Park
To: Hall committee

On 2 May 2026, Dev Shah wrote:
> We propose doubling the hire charge for evening bookings.

A doubled charge will drive the youth club out of the hall altogether.

From: Dev Shah
To: Hall committee

The youth club could keep its old rate under a community booking.
"""


def test_an_email_reply_answers_the_message_it_quotes_by_someone_not_yet_in_the_thread() -> None:
    m = extract_text(EMAILS)
    assert [t.title for t in m.topics] == ["Subject: Re: Hall hire charges"]
    got = [(n.kind, n.actor) for n in m.nodes]
    assert got == [("claim", "Dev Shah"), ("critique", "Ines Park"), ("rebuttal", "Dev Shah")]
    assert m.edges[1].target == m.nodes[0].id and m.edges[2].target == m.nodes[1].id


def test_meta_discourse_of_an_essay_is_no_statement() -> None:
    text = ("Phones in schools should be banned\n\nIn this essay I will weigh the arguments on both sides of it.\n\n"
            "A ban removes a constant source of distraction in lessons.")
    assert [n.text for n in extract_text(text).nodes] == ["A ban removes a constant source of distraction in lessons."]


def test_speakers_under_a_heading_naming_one_side_speak_for_it() -> None:
    text = ("Consultation report: a bus lane on Hill Street\n\n"
            "Views against\n"
            "Shop owners warned that deliveries would be blocked. Many felt that the lane was a waste of money. "
            "Some residents questioned whether buses were late at all.\n")
    assert [n.kind for n in extract_text(text).nodes] == ["critique"] * 3
    # a "Criticism" section holds replies too: a new voice after an objection answers it
    criticism = ("Bus lanes\n\nCriticism\n\nShop owners warned that deliveries would be blocked. "
                 "According to the operator, deliveries can use the lane before seven.")
    assert [n.kind for n in extract_text(criticism).nodes] == ["critique", "rebuttal"]


def test_a_sentence_dismissing_an_objection_answers_it() -> None:
    for sentence in ("The cost objection is weaker than it looks.", "Neither objection is decisive, however."):
        m = extract_text("Fees\n\nCritics warn that the fee costs families too much. " + sentence)
        assert [n.kind for n in m.nodes] == ["critique", "rebuttal"], sentence
    m = extract_text("Fees\n\nCritics warn that the fee costs families too much. The objection is that it is regressive.")
    assert [n.kind for n in m.nodes] == ["critique", "critique"]
