"""Phenomena found on held-out texts of new layouts (a radio phone-in, a newspaper head to
head, a Reddit-style thread, a peer review with responses, reception prose, a blog against a
plan, a two-sided student essay): each read on a short text written for the test.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction import extract_text
from argmap.extraction.labels import layout_labels
from argmap.extraction.lexicon import Lexicon
from reading import kinds, text_edges as edges


PHONE_IN = (
    "Morning Call: should the ferry run on Sundays?\n\n"
    "JO: Good morning, the lines are open. First up is Pete in Carrow. Pete, go ahead.\n\n"
    "PETE (Carrow): A Sunday ferry would let families visit relatives on the island without taking a day off.\n\n"
    "JO: Thanks, Pete. Now Ruth, on the line from Wendle.\n\n"
    "RUTH (Wendle): The crew already work six days, and a seventh would wear them out.\n\n"
    "JO: That's all we have time for.\n"
)


def test_a_host_who_hands_the_floor_to_named_callers_is_procedure() -> None:
    m = extract_text(PHONE_IN)
    assert [(n.kind, n.actor) for n in m.nodes] == [("claim", "PETE"), ("critique", "RUTH")]
    assert not any("lines are open" in n.text or "Thanks" in n.text for n in m.nodes)


def test_two_speakers_naming_each_other_have_no_host() -> None:
    text = ("Debate: a Sunday ferry?\n\n"
            "ANA: Ben, a Sunday ferry would help families visit the island.\n\n"
            "BEN: Ana, the crews already work six days a week.\n\n"
            "ANA: Then hire a relief crew for Sundays, Ben.\n\n"
            "BEN: A relief crew costs more than the Sunday fares bring in, Ana.\n")
    assert [k for k, _ in kinds(text)] == ["claim", "critique", "rebuttal", "critique"]


def test_a_side_label_before_a_writers_name_heads_that_writers_turn() -> None:
    text = ("Head to head: should the market move indoors?\n\n"
            "YES: Lena Brook, stallholder for twenty years\n\n"
            "Rain empties the square every winter, and an indoor hall would keep customers coming. "
            "The old corn exchange stands empty and would cost little to fit out.\n\n"
            "NO: Sam Vale, chair of the traders' association\n\n"
            "Moving indoors would hide the stalls from people passing through the square.\n")
    m = extract_text(text)
    assert [n.kind for n in m.nodes] == ["claim", "claim", "critique"]
    assert [t.title for t in m.topics] == ["Head to head: should the market move indoors?"]
    assert not any("Lena Brook" in n.text for n in m.nodes)


def test_a_side_label_before_a_statement_is_no_byline() -> None:
    labels = layout_labels(Lexicon.default())
    line = "For: Indoor halls keep customers coming in the rain."
    assert labels.side_byline(line, 0, len(line)) is None


THREAD = (
    "r/Harbourtown\n"
    "Posted by u/gullwatch · 5h\n"
    "Should the harbour car park charge at night?\n\n"
    "Night charges would stop people leaving vans in the car park for weeks at a time.\n\n"
    "230 upvotes · 41 comments\n\n"
    "u/tidy_tern · 4h\n"
    "Night charges would push the vans onto residential streets instead.\n\n"
    "    u/gullwatch · 4h · OP\n"
    "    The streets near the harbour already have permit zones, so the vans could not park there.\n\n"
    "u/net_mender · 3h\n"
    "Adding to what OP said: the money could pay for lighting in the car park.\n"
)


def test_a_handle_and_an_age_head_a_post_and_a_count_line_heads_nothing() -> None:
    labels = layout_labels(Lexicon.default())
    assert labels.post_header("u/tidy_tern · 4h") == "u/tidy_tern"
    assert labels.post_header("sam_k · 2 days ago · OP") == "sam_k"
    assert labels.post_header("The harbour · a history") is None
    assert labels.is_meta_line("230 upvotes · 41 comments")
    m = extract_text(THREAD)
    assert [t.title for t in m.topics] == ["Should the harbour car park charge at night?"]


def test_an_indented_reply_answers_the_post_above_and_an_agreeing_reply_keeps_its_side() -> None:
    found = edges(THREAD)
    assert [rel for _, rel, _ in found] == ["supports", "attacks", "attacks", "supports"]
    assert found[2][2].startswith("Night charges would push")  # the OP's reply answers the post it sits under
    assert [k for k, _ in kinds(THREAD)] == ["claim", "critique", "rebuttal", "claim"]


def test_a_response_label_after_a_plain_paragraph_answers_it_as_a_comment() -> None:
    text = ("Reviews of manuscript 212\n\n"
            "Reviewer 1\n\n"
            "The sample of nine schools is too small to support the claim about rural pupils.\n\n"
            "Response: We have added twelve rural schools, and the estimate barely moved.\n")
    assert [k for k, _ in kinds(text)] == ["critique", "rebuttal"]
    faq = ("Questions\n\nQ: How long does the survey take?\nA: About ten minutes, online or on paper.\n")
    assert kinds(faq) == []  # an answer to a question asking for information answers no comment


def test_a_petition_speaks_and_an_added_passive_criticism_is_one() -> None:
    text = ("Reception\n\nThe critic Nia Hale called the pier \"a triumph of plain engineering\".\n\n"
            "Some residents were less impressed. A petition signed by 800 residents described the new railings as \"a cage\". "
            "The cost was also criticised; local ratepayers argued that the budget had doubled.\n")
    got = kinds(text)
    assert [k for k, _ in got][:4] == ["claim", "critique", "critique", "critique"]
    assert got[2][1].startswith("A petition") and got[3][1] == "The cost was also criticised"


def test_a_groups_view_without_that() -> None:
    some = "The e-reader\n\nThe screen is sharp. Some owners say the battery fades after a year."
    assert [n.actor for n in extract_text(some).nodes] == ["Some owners"]
    present = "The plan\n\nThe governors say the longer days would make up the lost teaching time."
    assert [n.actor for n in extract_text(present).nodes] == ["The governors"]
    fact = "Timetables\n\nA spokesperson said timetables would not change. Officials said the road would close."
    assert kinds(fact) == []  # a plain "said" reports a fact


def test_the_next_line_of_a_quoted_message_starts_after_its_quote_mark() -> None:
    text = ("Subject: Re: hall hire\n\nFrom: Ann Cole\n\nOn 3 May, Tom Hart wrote:\n"
            "> The committee proposes raising the hall fee to £30 an hour.\n"
            "> Heating costs have doubled since last winter.\n\n"
            "A rise that steep will drive the toddler group out of the hall.\n\n"
            "From: Tom Hart\n\nThe toddler group could keep its old rate for a year.\n")
    texts = [n.text for n in extract_text(text).nodes]
    assert "Heating costs have doubled since last winter." in texts
    assert not any(t.endswith(">") or t.startswith(">") for t in texts)


def test_a_title_against_a_plan_turns_its_supporters_round() -> None:
    text = ("Why our library should not close on Mondays\n\n"
            "I think closing on Mondays is a mistake, and I use the library every week. "
            "Supporters of the plan point out that the council would save on heating and staff. "
            "Yet the savings are small next to the cost to pupils who study there after school.\n")
    assert [k for k, _ in kinds(text)] == ["claim", "critique", "rebuttal"]
    plain = text.replace("should not close", "should close").replace("is a mistake", "is right")
    assert [k for k, _ in kinds(plain)][1] == "claim"


def test_on_the_other_hand_sets_out_the_other_side_in_an_essay() -> None:
    text = ("Should towns ban fireworks?\n\n"
            "On the one hand, fireworks frighten pets and wildlife every autumn. "
            "Vets report that calls about panicking dogs double in early November.\n\n"
            "On the other hand, many families enjoy the displays as a shared tradition. "
            "Local charities also raise money from organised shows.\n\n"
            "Neither objection is decisive, however. Organised displays could continue under licence.\n\n"
            "In my view, councils should license organised displays and ban the rest.\n")
    assert [k for k, _ in kinds(text)] == ["claim", "claim", "critique", "critique", "rebuttal", "rebuttal", "claim"]


def test_admitting_to_an_act_grants_no_point() -> None:
    text = ("Should phones be banned in class?\n\n"
            "Teachers report that lessons are interrupted by notifications, and pupils admit to checking "
            "messages under the desk. A ban also protects pupils from bullying during the day.\n")
    assert all(k == "claim" for k, _ in kinds(text))


def test_a_court_that_rejects_a_ground_argues_against_the_appeal() -> None:
    text = ("Ferris v Holm Parish Council\n"
            "Judgment of the court, delivered by Lord Justice Pike\n\n"
            "1. The council closed the lane to lorries in 2023. Ferris runs a haulage yard at its end.\n\n"
            "2. The appellant contends that the order was made without the consultation the statute requires. "
            "We reject that argument. The council consulted every frontager and held two public meetings.\n\n"
            "3. Finally, the appellant argues that the order harms his business. The evidence does not support this. "
            "His lorries can reach the yard by the bypass in four extra minutes.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Ferris v Holm Parish Council"]  # the byline line heads nothing
    got = [(n.kind, n.text.split()[0]) for n in m.nodes]
    assert got == [("claim", "The"), ("critique", "We"), ("critique", "The"),
                   ("claim", "Finally,"), ("critique", "The"), ("critique", "His")]


LETTERS = (
    "Letters\n\nThe harbour car park\n\n"
    "Sir, — Charging for the harbour car park at night is a false economy. Vans will simply move onto "
    "the streets around the quay.\n"
    "Alan Pike, Northgate\n\n"
    "Sir, — Alan Pike (Letters, 2 May) is right that vans move about, but the streets near the quay "
    "already have permit zones.\n"
    "Nina Shaw, Quayside\n\n"
    "Sir, — Ms Shaw's permit zones end at Rope Walk, and the vans will park there instead.\n"
    "Carl Boyd, Rope Walk\n"
)


def test_a_letters_page_reads_each_signed_letter_as_its_writers_post() -> None:
    m = extract_text(LETTERS)
    assert [t.title for t in m.topics] == ["The harbour car park"]  # a signature heads nothing
    assert [(n.kind, n.actor) for n in m.nodes] == [
        ("critique", "Alan Pike"), ("critique", "Alan Pike"),
        ("critique", "Nina Shaw"), ("rebuttal", "Nina Shaw"),  # "Alan Pike is right that X" grants X
        ("critique", "Carl Boyd")]
    by_id = {n.id: n for n in m.nodes}
    last = next(e for e in m.edges if by_id[e.source].actor == "Carl Boyd")
    assert by_id[last.target].actor == "Nina Shaw"  # the letter answers the writer it names


def test_star_ratings_give_each_review_its_side_and_count_lines_head_nothing() -> None:
    text = ("Kettle K2: customer reviews\n\n4.2 out of 5 stars · 96 ratings\n\n"
            "★★★★★ Boils fast\nReviewed by Ann on 2 May 2026\nIt boils a full jug in under two minutes and the lid never sticks.\n"
            "14 people found this helpful\n\n"
            "★☆☆☆☆ Leaks\nReviewed by Bo on 4 May 2026\nWater seeps from the base after a month of daily use.\n\n"
            "Response from Kettlecraft: The base seal is covered by the warranty, and we will replace it free of charge.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Kettle K2: customer reviews"]
    assert [n.kind for n in m.nodes] == ["claim", "critique", "rebuttal"]


def test_a_live_blogs_time_stamp_is_no_part_of_the_speaker() -> None:
    text = ("Live: the bypass vote\n\n18:14 Opposition leader Tom Greaves is not convinced. "
            "He argues that the traffic figures are ten years old.\n\n"
            "18:20 Council leader Ann Vale replies that the figures were updated in March.\n")
    m = extract_text(text)
    assert [n.actor for n in m.nodes] == ["Opposition leader Tom Greaves", "He", "Council leader Ann Vale"]
    assert [n.kind for n in m.nodes] == ["critique", "critique", "rebuttal"]


def test_a_speaker_granting_a_point_in_their_own_turn_splits_it_off() -> None:
    text = ("Talk of the Town: a Sunday market?\n\n"
            "HOST: Good evening. First, Amy from Leigh. Amy, go ahead.\n\n"
            "AMY (Leigh): A Sunday market would bring visitors into the town centre on its quietest day.\n\n"
            "HOST: Thanks, Amy. Now Joe in Marsh End.\n\n"
            "JOE (Marsh End): Amy's right that Sundays are quiet, but the stalls would block the only bus route.\n\n"
            "HOST: Thanks, Joe. That's all for tonight.\n")
    got = kinds(text)
    assert got[1:] == [("claim", "Amy's right that Sundays are quiet"),  # Amy's side's point, granted
                       ("critique", "the stalls would block the only bus route.")]
    plain = text.replace("Amy's right that Sundays are quiet, but the", "Sundays are quiet, but the")
    assert [k for k, _ in kinds(plain)] == ["claim", "critique"]  # a contrast inside one point stays whole
