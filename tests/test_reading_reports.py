"""Reports and replies argmap had not met: a structured abstract (Results / Conclusions with
a "However" limitation), a consultation page whose concerns are listed under a heading and
answered under "Council response", buyer's-guide side headings ("Why you might want one" /
"Why you might think twice"), a literature review where "Others point to the costs" and a new
author "adds that", and a reporting verb with a time phrase before its "that".

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction.lexicon import Lexicon
from reading import kinds, text_edges as edges


ABSTRACT = (
    "Bedtime screen limits and sleep in teenagers: a pilot trial\n\n"
    "Background: Many parents limit screens at bedtime, but few trials have measured the effect.\n\n"
    "Methods: We asked 120 families to switch off phones an hour before bed for eight weeks.\n\n"
    "Results: Teenagers in the limit group slept 34 minutes longer on school nights. "
    "However, a quarter of the families gave up the limit within a month.\n\n"
    "Conclusions: An hour without screens before bed lengthens sleep in teenagers.\n"
)


def test_a_structured_abstract_reads_its_findings_as_claims_and_a_however_as_a_limitation() -> None:
    assert kinds(ABSTRACT) == [
        ("claim", "Teenagers in the limit group slept 34 minutes longer on school nights."),
        ("critique", "However, a quarter of the families gave up the limit within a month."),
        ("claim", "An hour without screens before bed lengthens sleep in teenagers."),
    ]
    assert ("However, a quarter of the families gave up the limit within a month.", "attacks",
            "Teenagers in the limit group slept 34 minutes longer on school nights.") in edges(ABSTRACT)


def test_background_and_methods_of_an_abstract_are_no_statements() -> None:
    texts = [t for _, t in kinds(ABSTRACT)]
    assert not any(t.startswith(("Many parents", "We asked")) for t in texts)


def test_a_contrast_in_a_plain_labelled_point_does_not_turn_it() -> None:
    # only findings read so: in a "Point:" the author's "However" stays on the point's side
    text = (
        "Should the library open on Sundays?\n\n"
        "Point: Families have more free time at the weekend. However, few of them visit on Saturdays now.\n"
    )
    assert [k for k, _ in kinds(text)] == ["claim", "claim"]


CONSULTATION = (
    "New bus shelter on Elm Road: what you told us\n\n"
    "Concerns raised\n\n"
    "Several shop owners said that the shelter would block the view of their windows.\n\n"
    "Some people felt that the money would be better spent on more frequent buses.\n\n"
    "Council response\n\n"
    "The shelter has glass sides and stands two metres from the shop fronts, so windows stay in view.\n\n"
    "The bus timetable is paid for by the county, and more frequent buses need a separate budget.\n"
)


def test_speakers_under_a_heading_listing_concerns_all_object() -> None:
    found = kinds(CONSULTATION)
    assert found[0][0] == found[1][0] == "critique"  # "Some people felt" is one more concern, no reply


def test_a_council_response_answers_the_concern_it_takes_up() -> None:
    pairs = edges(CONSULTATION)
    assert ("The bus timetable is paid for by the county, and more frequent buses need a separate budget.", "attacks",
            "Some people felt that the money would be better spent on more frequent buses.") in pairs
    assert [k for k, _ in kinds(CONSULTATION)][2:] == ["rebuttal", "rebuttal"]


GUIDE = (
    "Electric bikes: a buyer's guide\n\n"
    "Why you might want one\n\n"
    "An electric bike flattens hills, so a ten-mile commute leaves you fresh.\n\n"
    "Charging costs a few pence a day, far less than bus fares or parking.\n\n"
    "Why you might think twice\n\n"
    "A good one costs as much as a second-hand car.\n\n"
    "Batteries wear out after about five years and are expensive to replace.\n"
)


def test_buyers_guide_headings_are_two_sides_and_every_paragraph_takes_its_side() -> None:
    assert [k for k, _ in kinds(GUIDE)] == ["claim", "claim", "critique", "critique"]


def test_reasons_to_worry_is_a_con_heading() -> None:
    lex = Lexicon.default()
    assert lex.section_roles("Reasons to worry")[1] == "con"
    assert lex.section_roles("Reasons to buy")[1] == "pro"
    assert lex.section_roles("What you were worried about")[1] == "con"


REVIEW = (
    "School gardens: a review\n\n"
    "Moreau (2016) argues that school gardens teach children where food comes from. "
    "Others point to the costs. "
    "Baptiste (2019) found that gardens took up teaching time that the timetable did not have. "
    "Keller (2020) adds that most gardens are abandoned when the teacher who started them leaves. "
    "In response, Moreau (2021) counters that gardens run by parents outlast any one teacher.\n"
)


def test_others_pointing_to_the_costs_announce_the_critics_who_follow() -> None:
    found = dict((t.split(" (")[0], k) for k, t in kinds(REVIEW))
    assert found["Baptiste"] == "critique"
    assert found["Keller"] == "critique"  # a new author who "adds that" goes on with the side before
    assert found["In response, Moreau"] == "rebuttal"


def test_a_time_phrase_between_the_verb_and_that_still_reports_a_clause() -> None:
    text = (
        "Should the ferry run in winter?\n\n"
        "The harbour board said last week that the winter service loses money on every crossing.\n"
    )
    assert [t for _, t in kinds(text)] == [
        "The harbour board said last week that the winter service loses money on every crossing."]
    dated = "Should the ferry run in winter?\n\nThe harbour board said in March that it would publish a timetable.\n"
    assert kinds(dated) == []  # a month dates an announcement: background


INTERVIEW = (
    "Talking shop: the new repair café\n\n"
    "Q: The town hall is lending you its back room for free. Is that fair to other groups?\n"
    "A: Any group can book it on the days we are not there, and we fix about forty items a month.\n\n"
    "Q: When do you open?\n"
    "A: On the first Saturday of every month.\n"
)


def test_a_statement_challenged_by_a_closing_yes_no_question_is_the_objection() -> None:
    assert kinds(INTERVIEW) == [
        ("critique", "The town hall is lending you its back room for free."),
        ("rebuttal", "Any group can book it on the days we are not there, and we fix about forty items a month."),
    ]


def test_denying_a_problem_a_buyer_asks_about_defends_the_product() -> None:
    def sides(question: str) -> list[str]:
        text = (f"Questions about the Bramble kettle\n\nQuestion: {question}\n"
                "Answer: Not really. Mine has been in daily use for two years.\n"
                "Answer: It works well and the lid closes firmly.\n")
        return [k for k, _ in kinds(text)]
    assert sides("Does the lid leak when you pour?") == ["claim", "claim"]  # "no leak": for the kettle
    assert sides("Does it boil a full jug in two minutes?") == ["critique", "claim"]  # "not really": against


def test_an_essay_closing_on_a_conclusion_label_keeps_its_own_sentences() -> None:
    """A findings label counts only in a structured abstract (two section labels or more):
    elsewhere "Conclusion: …" is the author's closing sentence, and the essay before it is
    read as it would be without the label."""
    essay = (
        "Should the town build a second car park?\n\n"
        "The council wants a second car park on the old tannery site. I think this is a mistake.\n\n"
        "More parking brings more cars into streets that are already jammed at school time.\n\n"
        "Conclusion: the money would do more good spent on the bus service.\n"
    )
    labelled = [t for _, t in kinds(essay)]
    plain = [t for _, t in kinds(essay.replace("Conclusion: t", "T"))]
    assert len(labelled) == len(plain) >= 3
    assert labelled[-1] == "the money would do more good spent on the bus service."
