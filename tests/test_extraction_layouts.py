"""Layouts that dictate structure — speaker turns, labelled pairs, nested outlines, side
headings with reply lists, myth and FAQ pages — each on small texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.extraction import extract, extract_text
from argmap.extraction.labels import is_byline, layout_labels
from argmap.extraction.layout import parse_layout
from argmap.extraction.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent


def links(text: str) -> list[tuple[str, str, str, str]]:
    """(kind, text, relation, target text or 'T:' + topic title) per node, in order."""
    m = extract_text(text)
    label = {n.id: n.text for n in m.nodes} | {t.id: f"T:{t.title}" for t in m.topics}
    edge = {e.source: e for e in m.edges}
    return [(n.kind, n.text, edge[n.id].relation, label[edge[n.id].target]) for n in m.nodes]


def test_speaker_turns_answer_the_last_turn_point_by_point() -> None:
    text = ("Library fees debate\n\n"
            "HOST: Good evening. Our first speaker, please.\n\n"
            "PRO (Mira): Late fees keep books moving back to the shelves. Fee income also pays for new titles.\n\n"
            "CON (Jonas): Fee income is tiny next to the staff time spent collecting it. "
            "Fines also scare poorer families away from borrowing at all.\n\n"
            "PRO (Mira): Then cap the fines for children, which keeps families borrowing.\n\n"
            "HOST: Thank you both.\n")
    assert links(text) == [
        ("claim", "Late fees keep books moving back to the shelves.", "supports", "T:Library fees debate"),
        ("claim", "Fee income also pays for new titles.", "supports", "T:Library fees debate"),
        ("critique", "Fee income is tiny next to the staff time spent collecting it.", "attacks",
         "Fee income also pays for new titles."),
        ("critique", "Fines also scare poorer families away from borrowing at all.", "attacks", "T:Library fees debate"),
        ("rebuttal", "Then cap the fines for children, which keeps families borrowing.", "attacks",
         "Fines also scare poorer families away from borrowing at all."),
    ]
    node = extract_text(text).nodes[0]
    assert (node.actor, node.cue) == ("Mira", "PRO")


def test_named_speakers_without_roles_alternate_sides() -> None:
    text = ("Kitchen talk\n\nANA: The canteen should drop meat on Mondays because it cuts emissions.\n\n"
            "BEN: Forcing a menu on people makes them eat elsewhere.\n\n"
            "ANA: Most staff in the survey asked for more vegetarian dishes anyway.\n")
    assert [k for k, *_ in links(text)] == ["claim", "critique", "rebuttal"]


@pytest.mark.parametrize("label", ["Myth 2 —", "Myth #2:", "MYTH 2.", "**Myth 2.**", "2) Myth:"])
def test_numbered_and_punctuated_myth_labels(label: str) -> None:
    text = f"Heat and homes\n\n{label} Solar panels stop working in winter.\n• The facts: Panels still produce power on cold, bright days.\n"
    assert links(text) == [
        ("critique", "Solar panels stop working in winter.", "attacks", "T:Solar panels stop working in winter."),
        ("rebuttal", "Panels still produce power on cold, bright days.", "attacks", "Solar panels stop working in winter."),
    ]


@pytest.mark.parametrize("heading", ["", "## Common myths\n\n"])
def test_explanation_after_a_fact_is_background(heading: str) -> None:
    text = (f"Cargo bikes for families\n\n{heading}Myth 1 — Cargo bikes are unsafe for children.\n"
            "- The truth: Crash rates per trip are lower than for cars.\n"
            "A cargo bike carries up to four children in a box in front of the rider.\n\n"
            "Most models have a rain cover and seat belts.\n")
    assert [n.text for n in extract_text(text).nodes] == [
        "Cargo bikes are unsafe for children.", "Crash rates per trip are lower than for cars."]


def test_labelled_items_with_ordinals_and_bullets() -> None:
    text = ("Street trees\n\n1) Point: Trees cool streets by several degrees in summer.\n"
            "2) Objection: Roots lift pavements and trip people up.\n3) Response: Root barriers prevent most of that damage.\n")
    assert [(k, rel, tgt) for k, _, rel, tgt in links(text)] == [
        ("claim", "supports", "T:Street trees"),
        ("critique", "attacks", "Trees cool streets by several degrees in summer."),
        ("rebuttal", "attacks", "Roots lift pavements and trip people up."),
    ]


def test_for_and_against_lines_under_theme_headings_answer_each_other() -> None:
    text = ("Should towns ban fireworks?\n\nAnimals\n"
            "Against: Fireworks terrify pets and livestock for hours.\n"
            "For: Quieter fireworks now exist and are sold in most shops.\n"
            "Against: Quiet fireworks still flash, which frightens horses.\n\nTradition\n"
            "For: Public displays bring whole neighbourhoods together.\n")
    assert links(text) == [
        ("critique", "Fireworks terrify pets and livestock for hours.", "attacks", "T:Animals"),
        ("rebuttal", "Quieter fireworks now exist and are sold in most shops.", "attacks",
         "Fireworks terrify pets and livestock for hours."),
        ("critique", "Quiet fireworks still flash, which frightens horses.", "attacks",
         "Quieter fireworks now exist and are sold in most shops."),
        ("claim", "Public displays bring whole neighbourhoods together.", "supports", "T:Tradition"),
    ]


def test_point_and_counterpoint_on_one_line_or_two() -> None:
    one_line = "Homework\n\nPoint: Homework builds study habits. Counterpoint: Habits form better in class.\n"
    two_lines = "Homework\n\nPoint: Homework builds study habits.\nCounterpoint: Habits form better in class.\n"
    expected = [("claim", "Homework builds study habits.", "supports", "T:Homework"),
                ("critique", "Habits form better in class.", "attacks", "Homework builds study habits.")]
    assert links(one_line) == expected and links(two_lines) == expected


def test_a_new_point_answers_nothing_but_a_side_label_answers_the_other_side() -> None:
    text = ("Homework\n\nPoint: Homework builds study habits.\nCounterpoint: Habits form better in class.\n"
            "Point: Parents see what their children learn.\n")
    assert links(text)[2][2:] == ("supports", "T:Homework")


def test_nested_outline_replies_attack_their_parent_and_alternate() -> None:
    text = ("Should cities add bus lanes?\n\n"
            "- Argument for: Buses in their own lane keep to the timetable.\n"
            "  - Objection: Taking a lane from cars slows all other traffic.\n"
            "    - Response: Fewer cars use the road once the buses run on time.\n"
            "- Argument against: Bus lanes stand empty for most of the day.\n"
            "  - Taxis and cyclists can share them outside peak hours.\n")
    assert links(text) == [
        ("claim", "Buses in their own lane keep to the timetable.", "supports", "T:Should cities add bus lanes?"),
        ("critique", "Taking a lane from cars slows all other traffic.", "attacks",
         "Buses in their own lane keep to the timetable."),
        ("rebuttal", "Fewer cars use the road once the buses run on time.", "attacks",
         "Taking a lane from cars slows all other traffic."),
        ("critique", "Bus lanes stand empty for most of the day.", "attacks", "T:Should cities add bus lanes?"),
        ("rebuttal", "Taxis and cyclists can share them outside peak hours.", "attacks",
         "Bus lanes stand empty for most of the day."),
    ]


def test_markdown_sides_with_a_reply_list_paired_by_ordinal() -> None:
    text = ("# Proposal: nightly builds\n\n## Advantages\n\n- **Early warnings.** Broken merges show up the next morning.\n\n"
            "## Disadvantages\n\n1. **Cost.** Each nightly run uses an hour of build machines.\n"
            "2. **Noise.** Flaky tests will page people at night.\n\n"
            "### Replies to the disadvantages\n\n1. Spare machines sit idle at night anyway.\n"
            "2. Only failures on the main branch send alerts.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Early warnings", "Cost", "Noise"]
    assert links(text) == [
        ("claim", "Broken merges show up the next morning.", "supports", "T:Early warnings"),
        ("critique", "Each nightly run uses an hour of build machines.", "attacks", "T:Cost"),
        ("rebuttal", "Spare machines sit idle at night anyway.", "attacks", "Each nightly run uses an hour of build machines."),
        ("critique", "Flaky tests will page people at night.", "attacks", "T:Noise"),
        ("rebuttal", "Only failures on the main branch send alerts.", "attacks", "Flaky tests will page people at night."),
    ]


def test_reply_list_shorter_than_its_list_is_paired_by_shared_words() -> None:
    text = ("# Solar roofs\n\n## Cons\n\n- **Glare.** Panels reflect sunlight into neighbours' windows.\n"
            "- **Price.** Installation costs several thousand euros.\n\n"
            "## Responses\n\n- Grants now cover half of the installation costs.\n")
    rows = links(text)
    assert rows[-1] == ("rebuttal", "Grants now cover half of the installation costs.", "attacks",
                        "Installation costs several thousand euros.")


def test_items_of_one_stance_list_each_attach_to_the_topic() -> None:
    text = "Ride-hailing\n\n## Cons\n\n- Drivers earn less than the minimum wage.\n- Cars circle empty between rides.\n"
    assert [(k, rel, tgt) for k, _, rel, tgt in links(text)] == [
        ("critique", "attacks", "T:Cons"), ("critique", "attacks", "T:Cons")]


def test_bold_label_lines_are_headings_never_statements() -> None:
    text = "Car sharing\n\n**Pros**\n\n- Fewer cars are parked on the street.\n\n**Cons:**\n\n- Cars are not there when you need one.\n"
    assert [(k, t) for k, t, *_ in links(text)] == [
        ("claim", "Fewer cars are parked on the street."), ("critique", "Cars are not there when you need one.")]


def test_bare_faq_questions_voice_objections_and_neutral_ones_do_not() -> None:
    text = ("Why our cafe went cashless\n\nWon't older customers be shut out?\n"
            "No. Staff can take a card payment for anyone at the counter. Contactless cards work without a phone.\n\n"
            "When did the change start?\nWe stopped taking cash in April.\n")
    assert links(text) == [
        ("critique", "Won't older customers be shut out?", "attacks", "T:Won't older customers be shut out?"),
        ("rebuttal", "No. Staff can take a card payment for anyone at the counter.", "attacks",
         "Won't older customers be shut out?"),
        ("rebuttal", "Contactless cards work without a phone.", "attacks", "Won't older customers be shut out?"),
    ]


def test_a_title_ending_in_a_question_mark_is_kept() -> None:
    """issue 9 defect 13: the document topic showed the file name instead of this title."""
    m = extract(ROOT / "examples" / "open-plan-offices.txt")
    assert m.documents[0].title == "Open-Plan Offices: Collaboration or Distraction?"
    assert parse_layout("Is rent control fair?\n\nCritics warn that it cuts supply.").title == "Is rent control fair?"


@pytest.mark.parametrize("line", ["By Ana Ruiz, staff writer", "12 March 2024", "Updated 2024-03-12", "Posted by Lee | May 3, 2021"])
def test_a_byline_or_dateline_is_not_a_title(line: str) -> None:
    assert is_byline(line, layout_labels(Lexicon.default()))
    layout = parse_layout(f"{line}\nParking Fees\n\nCritics warn that fees hurt shops.")
    assert layout.title == "Parking Fees"


def test_layout_spans_index_the_text() -> None:
    text = "T\n\n  * Reason for: A is good.\n    * Reply: A costs a lot.\nFor: B. Against: C is worse.\n"
    for unit in parse_layout(text).units:
        for item in unit.items:
            assert text[item.span[0] : item.span[1]].strip() == text[item.span[0] : item.span[1]]


def test_a_responses_section_in_prose_answers_the_entries_it_names() -> None:
    text = ("Congestion charge\n\nArguments against\n"
            "- Shops: Small shops lose customers who used to drive in.\n"
            "- Fairness: A flat charge weighs most on low-paid commuters.\n\n"
            "Responses\n"
            "Supporters reply that small shops gained customers on foot because walking got pleasanter. "
            "They add that discounts for low-paid commuters remove most of the unfairness. "
            "Critics answer that the discounts are hard to claim.\n")
    assert [(k, tgt) for k, _, _, tgt in links(text)][2:] == [
        ("rebuttal", "Small shops lose customers who used to drive in."),
        ("rebuttal", "A flat charge weighs most on low-paid commuters."),
        ("critique", "They add that discounts for low-paid commuters remove most of the unfairness."),
    ]


def test_a_turn_runs_over_paragraphs_and_a_bracketed_role_names_the_side() -> None:
    text = ("Phones in schools\n\nModerator (Kim): Welcome to both speakers.\n\n"
            "Lena Fox (Proposition): Phones distract pupils in every lesson.\n\n"
            "Teachers lose ten minutes a lesson to confiscations.\n\n"
            "Omar Said (Opposition): A ban leaves parents unable to reach their children.\n")
    m = extract_text(text)
    assert [(n.kind, n.actor, n.cue) for n in m.nodes] == [
        ("claim", "Lena Fox", "Proposition"), ("claim", "Lena Fox", "Proposition"),
        ("critique", "Omar Said", "Opposition")]


def test_markdown_question_headings_are_faq_items() -> None:
    text = ("# Paid parking at the clinic\n\n### Won't patients on low incomes pay more?\n\n"
            "Patients with a hospital letter park free of charge.\n\n"
            "### Where is the car park?\n\nBehind the main entrance.\n")
    assert links(text) == [
        ("critique", "Won't patients on low incomes pay more?", "attacks", "T:Won't patients on low incomes pay more?"),
        ("rebuttal", "Patients with a hospital letter park free of charge.", "attacks",
         "Won't patients on low incomes pay more?"),
    ]


def test_reply_to_labels_and_lettered_nested_items() -> None:
    text = ("Night trains\n\nObjection 1: Sleeper tickets cost more than flights.\n"
            "Reply to objection 1: A night train also saves a hotel night.\n\n"
            "+ Argument for: Trains emit far less per passenger.\n"
            "    a) Old diesel stock on some routes erases that gain.\n")
    assert [(k, tgt) for k, _, _, tgt in links(text)] == [
        ("critique", "T:Night trains"),
        ("rebuttal", "Sleeper tickets cost more than flights."),
        ("claim", "T:Night trains"),
        ("critique", "Trains emit far less per passenger."),
    ]


def test_a_user_lexicon_adds_layout_labels_and_speakers(tmp_path: Path) -> None:
    import json

    from argmap.extraction.pipeline import make_nlp

    extra = tmp_path / "labels.json"
    extra.write_text(json.dumps({"item_labels": {"sides": {"pro": ["aye"], "con": ["nay"]}},
                                 "speakers": {"procedural": ["returning officer"]}}), encoding="utf-8")
    text = ("Vote on the bridge\n\nRETURNING OFFICER: The vote is open.\n\n"
            "Aye: The bridge shortens the school run.\nNay: The bridge will cost twice the budget.\n")
    nlp = make_nlp((str(extra),))
    assert [(n.kind, n.text) for n in extract_text(text, nlp=nlp).nodes] == [
        ("claim", "The bridge shortens the school run."), ("critique", "The bridge will cost twice the budget.")]
    assert [n.kind for n in extract_text(text).nodes] != ["claim", "critique"]


def test_numbered_speakers_in_a_dialogue() -> None:
    text = ("Panel on the new stadium\n\nSpeaker 1: The stadium will bring forty home games a year to the town.\n\n"
            "Speaker 2: Most of the money from those games leaves town with the club owners.\n\n"
            "Speaker 1: Local pubs and taxis keep the money from those games in town.\n")
    assert [(k, tgt) for k, _, _, tgt in links(text)] == [
        ("claim", "T:Panel on the new stadium"),
        ("critique", "The stadium will bring forty home games a year to the town."),
        ("rebuttal", "Most of the money from those games leaves town with the club owners."),
    ]


def test_labels_that_merely_repeat_are_not_speakers() -> None:
    text = ("Parking review\n\nThe council counted cars on six streets in May.\n\nMost spaces were full by nine.\n\n"
            "Residents asked for more permits.\n\nNote: counts were taken on weekdays.\n\nNote: two streets were closed.\n\n"
            "Source: council survey.\n")
    assert extract_text(text).nodes == []


def test_a_markdown_table_with_side_columns() -> None:
    text = ("# Heat pumps at home\n\n| Pros | Cons |\n|------|------|\n"
            "| Running costs fall on night tariffs. | Installation costs thousands. |\n| No boiler to service. | |\n")
    assert [(k, t, tgt) for k, t, _, tgt in links(text)] == [
        ("claim", "Running costs fall on night tariffs.", "T:Heat pumps at home"),
        ("critique", "Installation costs thousands.", "T:Heat pumps at home"),
        ("claim", "No boiler to service.", "T:Heat pumps at home"),
    ]


def test_tab_indented_pro_con_outline_and_check_mark_bullets() -> None:
    outline = ("Should the library open on Sundays?\n\n- Pro: Working parents can only visit at weekends.\n"
               "\t- Con: Sunday staff cost time and a half.\n\t\t- Pro: Volunteers could cover the quieter hours.\n"
               "- Con: Heating an empty building on Sunday wastes money.\n")
    assert [(k, tgt) for k, _, _, tgt in links(outline)] == [
        ("claim", "T:Should the library open on Sundays?"),
        ("critique", "Working parents can only visit at weekends."),
        ("rebuttal", "Sunday staff cost time and a half."),
        ("critique", "T:Should the library open on Sundays?"),
    ]
    myths = ("Smart meters: the truth\n\n✗ MYTH: Smart meters record your conversations.\n"
             "✓ FACT: They only log how much energy you use.\n")
    assert [k for k, *_ in links(myths)] == ["critique", "rebuttal"]


def test_a_label_with_nothing_after_it_states_nothing() -> None:
    amap = extract_text("Myth: ;\nFact: the bins are emptied weekly.")
    assert [n.text for n in amap.nodes] == ["the bins are emptied weekly."]


@pytest.mark.parametrize("form", ["{}:\n{}", "### {}\n\n{}", "**{}**\n\n{}"])
def test_a_label_on_a_line_of_its_own_labels_the_next_block(form: str) -> None:
    text = ("Uniforms\n\n" + form.format("Point", "Uniforms cut bullying over clothes.") + "\n\n"
            + form.format("Counterpoint", "Children find other status markers.") + "\n")
    assert links(text) == [
        ("claim", "Uniforms cut bullying over clothes.", "supports", "T:Uniforms"),
        ("critique", "Children find other status markers.", "attacks", "Uniforms cut bullying over clothes."),
    ]


def test_a_plain_heading_that_happens_to_be_a_label_word_stays_a_heading() -> None:
    m = extract_text("Library hours\n\nAnswer\n\nThe help desk opens at nine on weekdays.\n")
    assert m.nodes == []


def test_an_unsigned_byline_under_the_headline_is_no_heading() -> None:
    m = extract_text("Harbour wall to be rebuilt\nBy our local correspondent\n\n"
                     "The council voted on Monday. Fishermen warn that the works will close the quay all summer.\n")
    assert [t.title for t in m.topics] == ["Harbour wall to be rebuilt"]


def test_a_closing_rhetorical_question_is_no_faq_heading() -> None:
    m = extract_text("Parks should stay open at night\n\nLit paths make evening walks safer. "
                     "Critics warn that lighting costs money.\n\n"
                     "Why should a park we all pay for sit locked for half of every day?\n")
    assert [t.title for t in m.topics] == ["Parks should stay open at night"]


def test_a_repeated_reply_list_is_paired_by_wording_not_refused() -> None:
    """A second "Replies" list after the first had used up its targets (corpora made by
    recombining sections have them) once raised IndexError."""
    block = ("- **Data leaves.** Messages would be stored abroad.\n- **Prices rise.** Plans are billed per user.\n\n"
             "## Replies\n\n1. The vendor offers storage in Europe.\n2. Prices are capped for three years.\n")
    amap = extract_text(f"Hosting\n\n## Cons\n\n{block}\nA note.\n\n{block}")
    replies = [n for n in amap.nodes if n.text.startswith(("The vendor", "Prices are capped"))]
    assert len(replies) == 4 and all(n.kind == "rebuttal" for n in replies)
