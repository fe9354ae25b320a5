"""Attribution and stance in reported prose: reception sections ("admired X but felt Y",
"rejected the charge"), criticism received ("came under fire", "has drawn criticism from"),
replies that name whom they answer ("answered Moss", "In reply to the campaigners"),
consultation summaries ("A number of respondents questioned …", "Others argued …", "The
council's response is that …") and report sentences that take no side.

Every text here is written for these tests (fictional subjects).
"""

from __future__ import annotations

from argmap.extraction import extract_text
from argmap.extraction.lexicon import Lexicon


def nodes(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each node, in order."""
    return [(n.kind, n.text) for n in extract_text(text).nodes]


def edges(text: str) -> list[tuple[str, str, str]]:
    """(source text's first words, relation, target: the topic or a node's first words)."""
    m = extract_text(text)
    first = {n.id: " ".join(n.text.split()[:2]) for n in m.nodes}
    return [(first[e.source], e.relation, first.get(e.target, "topic")) for e in m.edges]


def test_a_reviewer_who_admired_one_thing_but_felt_another_objects_with_the_second() -> None:
    text = ("Reception\n\nThe album was praised by most critics. Ilse Marr of Beat Weekly admired the singing "
            "but felt the lyrics dragged on the second side.")
    m = extract_text(text)
    assert [(n.kind, n.text) for n in m.nodes][-2:] == [
        ("claim", "Ilse Marr of Beat Weekly admired the singing"),
        ("critique", "felt the lyrics dragged on the second side.")]
    assert edges(text)[-1] == ("felt the", "attacks", "topic")  # not the reviewer's own praise
    # a concession is no turn of the reviewer's own: "conceded X but maintained Y" stays as it was
    conceded = ("Reception\n\nCritics warn that the film is too long. Ruth Abel conceded that the pace "
                "was slow but maintained that the ending repays it.")
    assert [k for k, _ in nodes(conceded)] == ["critique", "critique", "rebuttal"]


def test_rejecting_or_disputing_an_earlier_point_answers_it() -> None:
    text = ("Criticism\n\nCritics warn that the new bridge sways in high winds. "
            "The engineers rejected the charge that wind tests had been skipped, publishing results from 2021.")
    assert [k for k, _ in nodes(text)] == ["critique", "rebuttal"]
    # opposing a proposal's charge (a fee) is an objection, not a reply
    fee = "Consultation\n\nMost residents opposed the charge. Several said that it was unfair on pensioners."
    assert [k for k, _ in nodes(fee)] == ["critique", "critique"]


def test_a_reply_that_names_whom_it_answers_attacks_that_speaker() -> None:
    text = ("Critical response\n\nReviewers praised the book's research. The historian Anton Riis disputed its "
            "population figures, arguing that two parishes were counted twice. Lena Holt found the last chapter "
            "thin. Drury answered Riis in a letter to the journal, stating that the parishes had been split in 1850.")
    m = extract_text(text)
    reply = m.nodes[-1]
    assert reply.kind == "rebuttal" and reply.actor == "Drury"
    target = next(e.target for e in m.edges if e.source == reply.id)
    assert next(n.text for n in m.nodes if n.id == target).startswith("The historian Anton Riis")
    news = ("Criticism\n\nThe tunnel has drawn criticism from walking groups, who objected to the closure of a "
            "footpath. Supporters counter that the tunnel removes lorries from the village. "
            "In reply to the walkers' groups, the company noted that a new footpath would open in spring.")
    assert [k for k, _ in nodes(news)] == ["critique", "rebuttal", "rebuttal"]
    assert edges(news)[-1] == ("In reply", "attacks", "The tunnel")


def test_criticism_received_is_a_critique_and_its_unnamed_critics_follow_it() -> None:
    text = ("Reception and criticism\n\nThe stadium came under fire within a month for its steep stands. "
            "Several visitors reported that the upper tier felt unsafe.")
    m = extract_text(text)
    assert [n.kind for n in m.nodes] == ["critique", "critique"]
    assert m.nodes[0].cue == "came under fire"
    named = "Criticism\n\nThe plan has also drawn criticism from bus drivers, who fear longer routes."
    m = extract_text(named)
    assert [(n.kind, n.actor) for n in m.nodes] == [("critique", "bus drivers")]


def test_a_plain_said_argues_with_a_modal_and_reports_a_fact_without_one() -> None:
    text = ("Criticism\n\nThe plan has been criticised on cost grounds. The Traders' Guild said a bus lane "
            "could be built for a fifth of the price. A spokesperson said the road would close in June.")
    assert [k for k, _ in nodes(text)] == ["critique", "critique"]


def test_a_consultation_summary_keeps_each_group_on_its_side() -> None:
    text = ("Parking charges: summary of responses\n\n"
            "Summary of responses\n"
            "A majority of respondents opposed the charge. Some respondents felt the fee would fall hardest on "
            "carers, noting that they visit several homes a day. A number of respondents questioned the forecast "
            "income, noting that drivers would park in the next ward. Others argued that shops would lose trade.\n\n"
            "Around a third of respondents supported the proposal. Several said that commuters fill the streets "
            "by eight in the morning.\n\n"
            "The council's response\n"
            "The council's response is that the fee covers enforcement only.\n\n"
            "In reply to concerns about carers, officers noted that carers' permits will be free.\n")
    m = extract_text(text)
    assert len(m.topics) == 1  # the council's response goes on with the debate it answers
    assert [n.kind for n in m.nodes] == ["critique"] * 4 + ["claim"] * 2 + ["rebuttal"] * 2
    assert m.nodes[2].actor == "A number of respondents"
    assert edges(text)[-1] == ("In reply", "attacks", "Some respondents")


def test_background_sections_and_report_figures_take_no_side() -> None:
    text = ("Harbour Lights (album)\n\nHarbour Lights is the second album by the trio Stillwater.\n\n"
            "Background and recording\nThe singer said in an interview that the songs were written on tour.\n\n"
            "Critical reception\nThe album was hailed by several critics as the band's best. "
            "Nina Ode of Folk Now was less impressed, writing that the songs sound alike.\n\n"
            "Commercial performance\nA survey by the Folk Trust found that it was the most-streamed folk "
            "album of the year. It reached number 9 on the chart.\n")
    assert [k for k, _ in nodes(text)] == ["claim", "critique"]
    lex = Lexicon.default()
    assert lex.is_background("Writing and publication") and not lex.is_background("Reception and criticism")


def test_a_verb_that_needs_a_group_takes_no_side_after_anything_else() -> None:
    text = ("Rail link\n\nDebate\nSupporters argue that the scheme pays for itself. The resulting timetable supports faster trains "
            "between the two cities. Critics warn that fares will rise.")
    assert [k for k, _ in nodes(text)] == ["claim", "critique"]
    evidence = ("Rail link\n\nDebate\nCritics warn that fares will rise. The evidence does not support this "
                "fear at all. Most passengers support the plan.")
    assert [k for k, _ in nodes(evidence)] == ["critique", "claim"]  # praise is a fresh claim


def test_liked_reads_as_praise_but_like_as_a_preposition_does_not() -> None:
    text = ("Reception\n\nThe play was praised by most critics. Ana Ruiz of Stage Notes liked the songs but "
            "thought the first act spent too long in the kitchen.")
    assert [k for k, _ in nodes(text)][-2:] == ["claim", "critique"]
    preposition = ("Debate\n\nCritics like Ana Ruiz argue that the play is too long. "
                   "Supporters counter that every scene earns its place.")
    assert [k for k, _ in nodes(preposition)] == ["critique", "rebuttal"]


def test_a_group_not_satisfied_answers_the_reply_before() -> None:
    text = ("Criticism\n\nAnglers warn that the weir blocks trout. The owners replied that a fish pass will be built. "
            "The anglers were not satisfied, saying that the pass would be too steep.")
    assert [k for k, _ in nodes(text)] == ["critique", "rebuttal", "critique"]


def test_figures_reported_before_anyone_takes_a_side_are_no_statements() -> None:
    text = ("Riverside path\n\nThe agency estimated that 40% of trips in the town are under two miles. A survey "
            "found that 3,000 residents use the path every day. Critics argue that the path is unsafe after dark. "
            "Supporters reply that new lights will be fitted in May.")
    assert [k for k, _ in nodes(text)] == ["critique", "rebuttal"]
    # a study cited by name reports a finding that argues
    review = ("Step counters\n\nEarly trials were encouraging. Okafor et al. (2019) found that nurses given counters "
              "walked 1,200 more steps a day. Critics argue that the effect fades within a year.")
    assert [k for k, _ in nodes(review)][-2:] == ["claim", "critique"]


def test_a_spokesperson_giving_a_date_or_a_schedule_argues_nothing() -> None:
    text = ("Criticism\n\nCritics warn that the bridge is unsafe. A spokesperson for the council said the road "
            "could reopen in June. Officials said the works should finish by 2027.")
    assert [k for k, _ in nodes(text)] == ["critique"]


def test_a_speaker_who_defends_the_thing_debated_is_for_it() -> None:
    text = ("Criticism\n\nThe museum has come under fire for the new entry charge. Local schools questioned whether "
            "pupils could still visit. A spokesperson for the museum said that school groups would remain free. "
            "The trustees defended the charge, saying that the museum had lost its grant.")
    assert [k for k, _ in nodes(text)] == ["critique", "critique", "rebuttal", "rebuttal"]


def test_a_response_to_a_named_group_answers_that_group() -> None:
    text = ("Criticism\n\nCyclists warn that the new junction is dangerous. Local historians objected to the loss of "
            "the old toll house. Engineers reply that the junction meets every standard. The council's response to "
            "the historians was that the toll house would be rebuilt in the park.")
    assert edges(text)[-1] == ("The council's", "attacks", "Local historians")


def test_critics_who_praise_are_reviewers_and_others_after_praise_turn() -> None:
    text = "Reception\n\nSeveral critics praised the staging. Others argued that it was far too long."
    assert [k for k, _ in nodes(text)] == ["claim", "critique"]


def test_a_group_opposing_the_proposal_announces_the_objectors_who_follow() -> None:
    text = ("Responses\n\nMost respondents supported a ban. A significant minority opposed the proposal. Campsite "
            "operators argued that a ban would punish careful visitors. The Walkers' Federation backed the ban, "
            "while a number of local clubs felt that more wardens would do more good.")
    assert [k for k, _ in nodes(text)] == ["claim", "critique", "critique", "claim", "critique"]
