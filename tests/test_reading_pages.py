"""Layouts of pages people write that argmap had not met: Markdown tables without outer
pipes, a table whose answer column is named after who answers, a subtitle under the title,
and two parallel side headings that weigh two choices ("Reasons to buy" / "Reasons to rent").

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction import extract_text
from reading import kinds, text_edges as edges


PIPELESS = (
    "Should the choir tour Brittany?\n\n"
    "The choir has toured once before, in 2019.\n\n"
    "Pros | Cons\n"
    "--- | ---\n"
    "Singing abroad lifts the standard of the whole choir. | The coach alone would cost more than a year of rehearsal rooms.\n"
    "A tour brings in younger singers. | Members with small children could not come.\n"
)


def test_a_table_without_outer_pipes_gives_each_column_its_side() -> None:
    assert kinds(PIPELESS) == [
        ("claim", "Singing abroad lifts the standard of the whole choir."),
        ("critique", "The coach alone would cost more than a year of rehearsal rooms."),
        ("claim", "A tour brings in younger singers."),
        ("critique", "Members with small children could not come."),
    ]


def test_a_line_with_a_bar_is_no_table_without_a_delimiter_row() -> None:
    text = "Should the choir tour Brittany?\n\nSinging abroad | lifts the standard, say the tenors.\n"
    assert not any("---" in n.text for n in extract_text(text).nodes)
    assert all("|" in n.text for n in extract_text(text).nodes)  # the line stays one piece


def test_an_answer_column_named_after_who_answers_replies_to_its_row() -> None:
    text = (
        "Should the choir tour Brittany?\n\n"
        "Objection | Committee reply\n"
        ":--- | :---\n"
        "The coach would cost more than a year of rehearsal rooms. | A grant from the twinning association pays half of it.\n"
    )
    assert edges(text)[1] == ("A grant from the twinning association pays half of it.", "attacks",
                              "The coach would cost more than a year of rehearsal rooms.")
    assert kinds(text)[1][0] == "rebuttal"


def test_a_subtitle_under_the_title_is_no_topic() -> None:
    text = PIPELESS.replace("\n\n", "\n\nNotes from the committee for the spring meeting\n\n", 1)
    assert [t.title for t in extract_text(text).topics] == ["Should the choir tour Brittany?"]


def test_a_short_section_heading_under_the_title_still_heads_its_section() -> None:
    text = (
        "Should the choir tour Brittany?\n\n"
        "Costs\n\n"
        "Critics argue that the coach would cost more than a year of rehearsal rooms.\n"
    )
    assert [t.title for t in extract_text(text).topics] == ["Costs"]


PARALLEL = (
    "Buy or lease a piano for the church hall?\n\n"
    "## Reasons to buy\n\n"
    "- A bought piano costs less than six years of lease payments.\n"
    "- We could choose the instrument ourselves.\n\n"
    "## Reasons to lease\n\n"
    "- Tuning and repairs come with the lease.\n"
    "- A leased piano can be swapped if the hall is sold.\n"
)


def test_parallel_headings_that_weigh_two_choices_are_two_sides() -> None:
    assert [k for k, _ in kinds(PARALLEL)] == ["claim", "claim", "critique", "critique"]
    assert all(rel == "attacks" for _, rel, _ in edges(PARALLEL)[2:])


def test_headings_in_another_frame_do_not_turn_the_side() -> None:
    text = PARALLEL.replace("## Reasons to lease", "## Other things we heard")
    assert [k for k, _ in kinds(text)][2:] != ["critique", "critique"]


TALK = (
    "Talk:Orchard Lane Halt\n\n"
    "== Rename proposal ==\n\n"
    "Propose renaming this page to Orchard Lane railway station. [[User:Ann Reed|Ann Reed]] "
    "([[User talk:Ann Reed|talk]]) 10:02, 4 May 2024 (UTC)\n\n"
    ":'''Support'''. Every source in the article calls it a station, not a halt. "
    "[[User:Bo|Bo]] ([[User talk:Bo|talk]]) 11:00, 4 May 2024 (UTC)\n\n"
    ":'''Oppose''', the railway company's own timetables named it a halt until it closed. "
    "[[User:Cy|Cy]] ([[User talk:Cy|talk]]) 12:00, 4 May 2024 (UTC)\n"
    "::The timetables are primary sources, and the secondary sources all say station. "
    "[[User:Bo|Bo]] ([[User talk:Bo|talk]]) 12:30, 4 May 2024 (UTC)\n"
)


def test_talk_page_votes_are_sides_of_the_proposal_and_replies_nest_by_colons() -> None:
    m = extract_text(TALK)
    assert [(n.kind, n.text) for n in m.nodes][1:] == [
        ("claim", "Every source in the article calls it a station, not a halt."),
        ("critique", "the railway company's own timetables named it a halt until it closed."),
        ("rebuttal", "The timetables are primary sources, and the secondary sources all say station."),
    ]
    assert edges(TALK)[1:] == [
        ("Every source in the article calls it a station, not a halt.", "supports", "Rename proposal"),
        ("the railway company's own timetables named it a halt until it closed.", "attacks", "Rename proposal"),
        ("The timetables are primary sources, and the secondary sources all say station.", "attacks",
         "the railway company's own timetables named it a halt until it closed."),
    ]


def test_the_comment_the_first_vote_follows_is_the_proposal() -> None:
    assert kinds(TALK)[0] == ("claim", "Propose renaming this page to Orchard Lane railway station.")
    assert edges(TALK)[0] == ("Propose renaming this page to Orchard Lane railway station.", "supports",
                              "Rename proposal")


def test_a_paragraph_before_a_list_of_other_labels_is_no_proposal() -> None:
    text = TALK.replace("'''Support'''", "'''Note'''").replace("'''Oppose'''", "'''Note'''")
    assert not any("Propose" in n.text for n in extract_text(text).nodes)


def test_a_signature_is_no_part_of_the_comment() -> None:
    assert not any("UTC" in n.text or "talk" in n.text for n in extract_text(TALK).nodes)


BLOG = (
    "Why our cafe has stopped opening on Mondays\n\n"
    "Posted on 3 March 2025 by Rosa Hill\n\n"
    "Mondays have become the quietest day of the week for us. Opening costs more in staff and "
    "heating than the day takes at the till.\n\n"
    "Update, 6 March: Several readers have written in to say that closing on Mondays leaves the "
    "market traders with nowhere to eat. I take the point, but the traders' market moved to "
    "Saturdays last year.\n\n"
    "Update 2: A regular argues that a short Monday menu would pay its way. That may be true in "
    "the summer, although in winter we sold fewer than twenty lunches on a Monday.\n"
)


def test_an_update_label_goes_on_with_the_post_it_adds_to() -> None:
    m = extract_text(BLOG)
    assert [t.title for t in m.topics] == ["Why our cafe has stopped opening on Mondays"]
    assert not any(n.text.startswith("Update") for n in m.nodes)


def test_readers_who_write_in_to_say_something_are_answered() -> None:
    got = kinds(BLOG)
    assert ("critique", "Several readers have written in to say that closing on Mondays leaves the market "
            "traders with nowhere to eat.") in got
    assert ("rebuttal", "the traders' market moved to Saturdays last year.") in got


def test_a_granted_point_then_although_splits_and_the_although_clause_answers() -> None:
    got = kinds(BLOG)
    assert ("critique", "That may be true in the summer") in got
    assert ("rebuttal", "in winter we sold fewer than twenty lunches on a Monday.") in got


def test_x_although_y_without_a_granting_stays_one_statement() -> None:
    text = BLOG.replace("takes at the till.", "takes at the till, although the takings vary.")
    opening = [n.text for n in extract_text(text).nodes if n.text.startswith("Opening costs")]
    assert opening == ["Opening costs more in staff and heating than the day takes at the till, although the takings vary."]


WRITTEN = (
    "Libraries: Opening Hours\n\n"
    "Question for Department for Culture, Media and Sport\n"
    "UIN 1207, tabled on 3 June 2025\n\n"
    "Asked by Ms Jo Pryor (Eastmoor)\n\n"
    "To ask the Secretary of State for Culture, Media and Sport, whether she will fund longer library "
    "opening hours, given that many branches now close at four.\n\n"
    "Answered by Sam Ode, Minister for Culture, on 10 June 2025\n\n"
    "Opening hours are a matter for each library authority. Most authorities have kept their hours, "
    "and the libraries fund pays for extra evening openings.\n"
)


def test_a_written_question_challenges_and_its_answer_rebuts_it() -> None:
    m = extract_text(WRITTEN)
    nodes = [(n.kind, n.text[:40]) for n in m.nodes]
    assert nodes[0] == ("critique", "To ask the Secretary of State for Cultur")
    assert [k for k, _ in nodes[1:]] == ["rebuttal", "rebuttal"]
    question = m.nodes[0].id
    assert all(e.target == question and e.relation == "attacks" for e in m.edges if e.source != question)
    assert not any("Asked" in n.text or "Answered" in n.text or "UIN" in t.title for n in m.nodes for t in m.topics)


def test_a_line_naming_who_asks_inside_a_sentence_is_no_label() -> None:
    text = WRITTEN.replace("Asked by Ms Jo Pryor (Eastmoor)", "Asked by Ms Jo Pryor (Eastmoor), the minister replied.")
    assert not any(n.text.startswith("To ask") and n.kind == "critique" for n in extract_text(text).nodes)


QA = (
    "Brightwell kettle: customer questions and answers\n\n"
    "Question: Is it quiet enough to boil at night?\n\n"
    "Answer: Not really. It rumbles loudly for the last minute and wakes a light sleeper in the next room.\n"
    "By Lou on 2 May 2025\n\n"
    "Answer: I disagree with the answer above. Ours is the quietest kettle we have owned and nobody hears it upstairs.\n"
    "By Dev on 4 May 2025\n\n"
    "Answer: Maker response: The rumble comes from limescale, and descaling the element every month stops it.\n"
    "By Brightwell on 5 May 2025\n"
)


def test_answers_to_one_question_each_take_their_own_side() -> None:
    got = kinds(QA)
    assert got == [
        ("critique", "It rumbles loudly for the last minute and wakes a light sleeper in the next room."),
        ("rebuttal", "Ours is the quietest kettle we have owned and nobody hears it upstairs."),
        ("rebuttal", "The rumble comes from limescale, and descaling the element every month stops it."),
    ]
    # the disagreement answers the answer above it, the maker's response the complaint
    assert [(rel, target) for _, rel, target in edges(QA)] == [
        ("attacks", "Is it quiet enough to boil at night?"), ("attacks", got[0][1]), ("attacks", got[0][1])]


def test_a_faq_question_with_one_answer_still_voices_an_objection() -> None:
    text = QA.split("Answer: I disagree")[0].replace("Not really. It rumbles", "No. It hums")
    assert [k for k, _ in kinds(text)] == ["critique", "rebuttal"]


def test_reasons_to_and_reasons_not_to_are_two_sides() -> None:
    text = PARALLEL.replace("Reasons to buy", "Reasons to buy it").replace("## Reasons to lease", "## Reasons not to buy it")
    assert [k for k, _ in kinds(text)] == ["claim", "claim", "critique", "critique"]


SIGNED_QA = (
    "Brightwell kettle: questions from buyers\n\n"
    "8 questions, sorted by most helpful\n\n"
    "Q: Is it quiet enough to boil at night?\n"
    "A: Not in my experience. It rumbles loudly for the last minute and wakes a light sleeper.\n"
    "— Lou B., 2 May 2025\n"
    "A: Brightwell customer care: Limescale causes the rumble, and monthly descaling stops it.\n"
    "— Brightwell, 5 May 2025\n"
)


def test_a_dash_before_a_signature_opens_no_item_and_a_brand_answers_the_complaint() -> None:
    m = extract_text(SIGNED_QA)
    assert [(n.kind, n.text) for n in m.nodes] == [
        ("critique", "It rumbles loudly for the last minute and wakes a light sleeper."),
        ("rebuttal", "Limescale causes the rumble, and monthly descaling stops it."),
    ]
    assert [t.title for t in m.topics] == ["Is it quiet enough to boil at night?"]  # the count line heads nothing
    assert edges(SIGNED_QA)[1][2] == "It rumbles loudly for the last minute and wakes a light sleeper."


MARKET = (
    "Should Brackley close Market Street to cars?\n\n"
    "The council proposes to close Market Street to traffic from April.\n\n"
    "Shopkeepers warned that passing trade would fall by a third. Others have reported that deliveries "
    "already take twice as long in the mornings.\n"
)


def test_others_reporting_a_finding_after_an_objection_bear_it_out() -> None:
    assert [k for k, _ in kinds(MARKET)][-2:] == ["critique", "critique"]


def test_others_arguing_after_an_objection_still_answer_it() -> None:
    text = MARKET.replace("Others have reported that deliveries already take twice as long in the mornings.",
                          "Others argue that the street would be busier on foot than it ever was by car.")
    assert [k for k, _ in kinds(text)][-1] == "rebuttal"


def test_a_speaker_named_after_one_of_two_weighed_choices_takes_its_side() -> None:
    text = PARALLEL + (
        "\n## What other churches told us\n\n"
        "Families who lease said that they would not have managed the tuning bills on their own.\n"
    )
    assert kinds(text)[-1] == ("critique", "Families who lease said that they would not have managed "
                                           "the tuning bills on their own.")


def test_without_parallel_headings_a_speaker_keeps_the_usual_reading() -> None:
    text = PARALLEL.replace("## Reasons to lease", "## Other things we heard") + (
        "\n## What other churches told us\n\n"
        "Families who lease said that they would not have managed the tuning bills on their own.\n"
    )
    assert kinds(text)[-1][0] != "critique"


def test_a_plural_noun_phrase_that_said_something_speaks() -> None:
    text = MARKET.replace("Others have reported that deliveries already take twice as long in the mornings.",
                          "Local churches said that the street would be quieter for Sunday services.")
    assert extract_text(text).nodes[-1].actor == "Local churches"


def test_a_plural_subject_in_a_present_description_is_no_speaker() -> None:
    text = ("Defensive pacts\n\nMost defensive pacts emphasize that the purpose is to deter an attack. "
            "They are older than the modern state.\n")
    assert not any(n.actor == "Most defensive pacts" for n in extract_text(text).nodes)


def test_a_bold_question_opening_a_paragraph_is_a_faq_item_answered_by_the_rest() -> None:
    text = ("Should the choir tour Brittany?\n\n## Common worries\n\n"
            "**Will the fees go up?** Only for members who travel; the tour is paid for by those who go.\n")
    assert kinds(text)[:2] == [("critique", "Will the fees go up?"),
                               ("rebuttal", "Only for members who travel; the tour is paid for by those who go.")]


def test_parallel_table_columns_are_two_sides() -> None:
    text = ("Should the choir tour Brittany?\n\n| Reasons to go | Reasons to stay |\n|---|---|\n"
            "| Singing abroad lifts the whole choir. | The coach costs more than a year of rooms. |\n")
    assert [k for k, _ in kinds(text)] == ["claim", "critique"]


def test_the_others_after_some_of_a_group_are_the_rest_of_it() -> None:
    text = ("Should the park require leads for dogs?\n\n"
            "The council proposes leads in the eastern half of the park.\n\n"
            "A minority objected that the park is the only open space where dogs can run. "
            "Some of them argued that walkers would move onto lanes with no pavement. "
            "Others felt that signs would be enough.\n")
    assert [k for k, _ in kinds(text)][-3:] == ["critique", "critique", "critique"]


SQUARE = ("The town should keep the Saturday market on the square\n\n"
          "The Saturday market brings shoppers into the centre from across the valley. It should stay on "
          "the square, although traders on Bridge Street say that it takes their parking.\n")


def test_x_although_someone_says_y_splits_and_y_is_the_other_side() -> None:
    got = kinds(SQUARE)
    assert got[-2:] == [("claim", "It should stay on the square"),
                        ("critique", "traders on Bridge Street say that it takes their parking.")]
    assert edges(SQUARE)[-1] == ("traders on Bridge Street say that it takes their parking.", "attacks",
                                 "It should stay on the square")
