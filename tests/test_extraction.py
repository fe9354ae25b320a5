"""Extraction on small texts written for these tests, one layout or cue form at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import argmap
from argmap import InputError
from argmap.extraction import extract_files, extract_text, merge_maps
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.pipeline import make_nlp


def kinds_and_edges(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(kind, text) per node and (source text, relation, target title or text) per edge."""
    m = extract_text(text)
    label = {n.id: n.text for n in m.nodes} | {t.id: f"T:{t.title}" for t in m.topics}
    return ([(n.kind, n.text) for n in m.nodes],
            [(label[e.source], e.relation, label[e.target]) for e in m.edges])


def test_heading_subsections_critique_then_rebuttal_then_answer() -> None:
    text = ("Tolls\n\nDebates and controversies\n\nEquity\n\n"
            "Critics warn that flat tolls hit the poor. Proponents respond that rebates offset them. "
            "Detractors fire back that rebates arrive late.\n")
    nodes, edges = kinds_and_edges(text)
    assert [k for k, _ in nodes] == ["critique", "rebuttal", "critique"]
    assert edges == [
        ("Critics warn that flat tolls hit the poor.", "attacks", "T:Equity"),
        ("Proponents respond that rebates offset them.", "attacks", "Critics warn that flat tolls hit the poor."),
        ("Detractors fire back that rebates arrive late.", "attacks", "Proponents respond that rebates offset them."),
    ]


def test_unmarked_opener_takes_the_side_opposite_the_first_marked_statement() -> None:
    text = ("Debates\n\nNoise\n\nWind farms hum loudly through the night. Supporters claim that modern blades are quiet.\n\n"
            "Jobs\n\nWind farms create many new rural jobs. Opponents warn that most jobs are temporary.\n")
    nodes, edges = kinds_and_edges(text)
    assert nodes == [("critique", "Wind farms hum loudly through the night."),
                     ("rebuttal", "Supporters claim that modern blades are quiet."),
                     ("claim", "Wind farms create many new rural jobs."),
                     ("critique", "Opponents warn that most jobs are temporary.")]
    assert edges[3] == ("Opponents warn that most jobs are temporary.", "attacks", "Wind farms create many new rural jobs.")


def test_unmarked_sentences_outside_debates_are_not_nodes() -> None:
    text = ("History\n\nThe first toll road opened in 1706. Engineers later widened it.\n\n"
            "The plan drew critics in the council. Readers may encounter debates about fares. "
            "Supporters of the team gathered outside. The critics' award went to a novel.\n")
    assert extract_text(text).nodes == []


def test_inline_labels_and_framing_cues() -> None:
    text = ("Controversies\n"
            "Free riders: The concern is that some towns pay nothing. The response is that levies are shared.\n"
            "Morality: A common point of contention is whether pricing roads is fair. "
            "The practical counter is that congestion is unfair too.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Free riders", "Morality"]
    assert [(n.kind, n.cue) for n in m.nodes] == [
        ("critique", "The concern is that"), ("rebuttal", "The response is that"),
        ("critique", "A common point of contention is whether"), ("rebuttal", "The practical counter is that")]
    assert all(n.actor is None for n in m.nodes)


def test_inline_bullets_with_stance_setting_labels() -> None:
    text = ("Benefits and criticisms\n"
            "Benefits - Cleaner air: Fewer cars idle near schools. - Faster buses: Bus lanes clear up.\n"
            "Criticisms and counterarguments - Cost: Tolls burden commuters. Supporters contend that fares fall.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Cleaner air", "Faster buses", "Cost"]
    assert [n.kind for n in m.nodes] == ["claim", "claim", "critique", "rebuttal"]
    assert [(e.relation, e.target) for e in m.edges][:2] == [("supports", "t1"), ("supports", "t2")]


def test_stance_sections_with_plain_list_items() -> None:
    text = "Arguments against\n- It adds paperwork.\n- Cameras raise privacy questions.\nArguments in favor\n• Cleaner air.\n"
    m = extract_text(text)
    assert [(n.kind, m.topic(n.topic).title) for n in m.nodes] == [
        ("critique", "Arguments against"), ("critique", "Arguments against"), ("claim", "Arguments in favor")]


def test_clause_splits_inside_one_sentence() -> None:
    nodes, edges = kinds_and_edges(
        "Intro\n\nProponents maintain that tolls work. Critics, by contrast, argue that tolls are regressive; "
        "supporters respond that rebates fix that. When critics accuse cities of greed, advocates argue that "
        "revenue is ring-fenced. Some critics argue that tolls fail, while others insist that they succeed.")
    assert [t for _, t in nodes] == [
        "Proponents maintain that tolls work.",
        "Critics, by contrast, argue that tolls are regressive",
        "supporters respond that rebates fix that.",
        "When critics accuse cities of greed",
        "advocates argue that revenue is ring-fenced.",
        "Some critics argue that tolls fail",
        "others insist that they succeed.",
    ]
    assert [k for k, _ in nodes] == ["claim", "critique", "rebuttal", "critique", "rebuttal", "critique", "rebuttal"]
    assert edges[1][2] == "Proponents maintain that tolls work."


def test_lead_in_phrase_is_not_a_statement() -> None:
    nodes, _ = kinds_and_edges("Debates: In debates over tolls, supporters stress that they cut smog.")
    assert nodes == [("claim", "In debates over tolls, supporters stress that they cut smog.")]


def test_named_groups_and_asides() -> None:
    m = extract_text("Debates\n\nCost\n\nSmall-business owners worry that trade will fall. "
                     "Economists argue that trade moved rather than vanished. "
                     "The right fix, as argued by defenders of the scheme, is a grace period.")
    assert [(n.kind, n.actor) for n in m.nodes] == [
        ("critique", "Small-business owners"), ("rebuttal", "Economists"),
        ("rebuttal", "defenders of the scheme")]


def test_faq_objections_and_myths() -> None:
    text = ("FAQ\nQ: Will traffic move to side streets?\nA: No. Displacement fades within months. More text.\n"
            "Q: How is the fee paid?\nA: Online.\nMyth: Tolls are a tax grab.\nFact: Revenue funds buses.\n")
    m = extract_text(text)
    assert [t.title for t in m.topics] == ["Will traffic move to side streets?", "Tolls are a tax grab."]
    assert [(n.kind, n.text) for n in m.nodes] == [  # layout labels stay out of the spans
        ("critique", "Will traffic move to side streets?"),
        ("rebuttal", "No. Displacement fades within months."),
        ("critique", "Tolls are a tax grab."),
        ("rebuttal", "Revenue funds buses.")]


def test_debate_section_ends_at_a_subheading_that_argues_nothing() -> None:
    text = ("Debates\n\nNoise\n\nCritics warn that it is loud.\n\nTimeline\n\nThe site opened in 2001.\n\n"
            "Legacy\n\nThe site is quiet now. It closed in 2020.\n")
    m = extract_text(text)
    assert [n.text for n in m.nodes] == ["Critics warn that it is loud."]


def test_document_topic_takes_the_title_without_edit_suffix() -> None:
    m = extract_text("Road PricingEdit\nProponents argue that pricing works.\n")
    assert m.topics[0].title == "Road Pricing" and m.documents[0].title == "Road Pricing"
    assert m.edges[0].target == m.topics[0].id


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = "Debates\n\nNoise\n\nCritics warn that the turbines\nare loud at night. Supporters reply that\nnew blades are quiet.\n"
    m = extract_text(text)
    assert [n.kind for n in m.nodes] == ["critique", "rebuttal"]
    assert m.nodes[0].text == "Critics warn that the turbines\nare loud at night."


def test_abbreviations_do_not_end_sentences() -> None:
    m = extract_text("Critics warn that the U.S. Senate will balk. Supporters say it will not.")
    assert [n.text for n in m.nodes] == ["Critics warn that the U.S. Senate will balk.", "Supporters say it will not."]


def test_a_quote_opening_a_paragraph_after_a_full_stop_stays_with_its_sentence() -> None:
    from argmap.extraction.pipeline import sentence_starts

    text = 'Parking fees\n\nThe council met on Monday.\n\n"Fees will empty the high street," said Ana Ruiz.'
    nlp = spacy.blank("en")
    starts = sentence_starts(nlp(text))
    assert text.index('"Fees') in starts and text.index("Fees will") not in starts
    m = extract_text(text)
    assert [(n.text, n.actor) for n in m.nodes] == [("Fees will empty the high street", "Ana Ruiz")]
    closed = sentence_starts(nlp('Critics said "fees hurt." Supporters disagree.'))
    assert len(closed) == 2  # a quote glued to the full stop still closes the sentence


def test_actor_cue_and_confidence_are_kept() -> None:
    m = extract_text("Critics often warn that fees bite.")
    node = m.nodes[0]
    assert (node.actor, node.cue) == ("Critics", "warn that") and 0 < node.confidence <= 1


def test_spacy_component_and_batches() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("argmap_debates")
    doc = nlp("Critics warn that fees bite. Advocates counter that fees fund buses.")
    assert [n.kind for n in doc._.argmap.nodes] == ["critique", "rebuttal"]
    docs = list(make_nlp().pipe(["Critics warn that A.", "Supporters argue that B."]))
    assert [d._.argmap.nodes[0].kind for d in docs] == ["critique", "claim"]
    assert [s.text for s in docs[0].sents] == ["Critics warn that A."]


def test_long_text_is_processed_in_pieces_with_the_same_result() -> None:
    block = ("Debates\n\nNoise {i}\n\nCritics warn that turbine {i} is loud. "
             "Supporters reply that turbine {i} is quiet.\n\n")
    text = "".join(block.format(i=i) for i in range(40))
    whole = extract_text(text)
    small = make_nlp()
    small.max_length = 700
    pieces = extract_text(text, nlp=small)
    assert len(text) > 5 * small.max_length
    assert pieces.nodes == whole.nodes and pieces.edges == whole.edges and len(whole.nodes) == 80


def test_user_lexicon_extends_the_cues(tmp_path: Path) -> None:
    extra = tmp_path / "lex.json"
    extra.write_text(json.dumps({"actors": {"con": ["grumblers"]}}), encoding="utf-8")
    text = "Grumblers argue that the bridge is ugly."
    assert extract_text(text).nodes[0].kind == "claim"  # an unknown group: the first voice is pro
    assert extract_text(text, nlp=make_nlp((str(extra),))).nodes[0].kind == "critique"
    bad = tmp_path / "bad.json"
    bad.write_text("[1]", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        Lexicon.load(bad)


def test_extract_accepts_paths_and_text(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text("Critics warn that fees bite.", encoding="utf-8")
    from_path = argmap.extract(path)
    assert from_path.documents[0].source == str(path) and from_path.documents[0].title == "essay"
    assert argmap.extract(str(path)).nodes == from_path.nodes
    assert argmap.extract_text("Critics warn that fees bite.").nodes[0].text == "Critics warn that fees bite."


def test_several_files_give_one_map_with_several_documents(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"e{i}.txt"
        p.write_text(f"Title {i}\nCritics warn that plan {i} fails. Supporters reply that it works.\n", encoding="utf-8")
        paths.append(p)
    m = extract_files(paths)
    assert [d.id for d in m.documents] == ["d1", "d2", "d3"]
    assert [n.document for n in m.nodes] == ["d1", "d1", "d2", "d2", "d3", "d3"]
    for n in m.nodes:
        assert m.document_of(n).text[n.span[0]:n.span[1]] == n.text
    assert merge_maps([m]) is m


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01binary", "binary file"), (b"caf\xe9 critics", "not UTF-8")],
)
def test_unreadable_files_raise_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        extract_files([path])


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbfCritics warn that BOMs are odd.", b"\n\n  \n"])
def test_empty_and_bom_files_give_valid_maps(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    m = extract_files([path])
    text = content.decode("utf-8")
    for n in m.nodes:
        assert text[n.span[0]:n.span[1]] == n.text
    assert m.documents[0].text == text


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap.cli", *args], capture_output=True, text=True)


def test_cli_extract_writes_map_and_reports_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Critics warn that fees bite.", encoding="utf-8")
    out = tmp_path / "map.json"
    assert run_cli("extract", str(good), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["nodes"][0]["kind"] == "critique"
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    out2 = tmp_path / "map2.json"
    proc = run_cli("extract", str(good), str(bad), "-o", str(out2))
    assert proc.returncode == 2 and not out2.exists()
    assert len(proc.stderr.strip().splitlines()) == 1 and str(bad) in proc.stderr
    proc = run_cli("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_markdown_headings_bold_labels_and_stance_subsections() -> None:
    text = ("# Four-Day Week\n\nIt shortens the week.\n\n## Criticism\n\n### Coverage\n\n"
            "Teams struggle to cover Fridays. Managers report queues.\n\n### Burnout\n\nLong days tire staff.\n\n"
            "## Legacy\n---\nThe idea is old.\n\n**Output:** Supporters argue that output rises. Skeptics reply that gains fade.\n")
    m = extract_text(text)
    assert m.documents[0].title == "Four-Day Week"
    assert [(m.topic(n.topic).title, n.kind, n.text) for n in m.nodes] == [
        ("Coverage", "critique", "Teams struggle to cover Fridays."),
        ("Burnout", "critique", "Long days tire staff."),
        ("Output", "claim", "Supporters argue that output rises."),
        ("Output", "critique", "Skeptics reply that gains fade."),
    ]
    assert m.topic(m.nodes[0].topic).section == "Criticism"


def test_a_heading_naming_a_side_sets_the_stance_of_its_items() -> None:
    m = extract_text("Tolls\n\nCritics raise two objections:\n- Pay may fall.\n- Rotas get complex.\n")
    assert [(n.kind, n.text) for n in m.nodes] == [("critique", "Pay may fall."), ("critique", "Rotas get complex.")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("Their main concern is that fees rise.", "critique"),
     ("One frequent objection is whether it works at all.", "critique"),
     ("Proponents’ response is that fees fall.", "claim"),
     ("The standard reply is that it works.", "claim")],
)
def test_framing_patterns_generalise_beyond_the_listed_phrases(sentence: str, kind: str) -> None:
    assert [n.kind for n in extract_text(sentence).nodes] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics have raised concerns about privacy.", [("critique", "Critics")]),
        ("Even critics concede that congestion fell.", [("claim", "Even critics")]),
        ("Supporters counter by noting that fares fell.", [("claim", "Supporters")]),
        ("Opponents of the policy argue that it fails, whereas proponents maintain that it works.",
         [("critique", "Opponents of the policy"), ("rebuttal", "proponents")]),
        ("While critics argue that it fails, supporters maintain that it works.",
         [("critique", "critics"), ("rebuttal", "supporters")]),
        ("Disability advocates warn that kerbs are blocked.", [("critique", "Disability advocates")]),
        ("Some advocates argue that it works.", [("claim", "Some advocates")]),
        ("Critics, including several economists, argue that it fails.",
         [("critique", "Critics")]),
    ],
)
def test_actor_and_verb_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.kind, n.actor) for n in extract_text(text).nodes] == expected


def test_named_groups_take_sides_from_verbs_and_neighbours() -> None:
    text = ("Debates\n\nSubsidy\n\nEconomists argue that loan guarantees crowd out cheaper options. "
            "Advocates maintain that firm supply needs fewer batteries.\n\nSafety\n\n"
            "Anti-nuclear campaigners argue that no margin is enough. Nuclear engineers counter that the flaws "
            "were fixable. Public-health researchers point out that evacuation did more harm.\n\nHomes\n\n"
            "Supporters of reform say that zoning raises rents; homeowner associations reply that character matters.")
    m = extract_text("Title\n\n" + text)
    assert [(n.actor, n.kind) for n in m.nodes] == [
        ("Economists", "critique"), ("Advocates", "rebuttal"),
        ("Anti-nuclear campaigners", "critique"), ("Nuclear engineers", "rebuttal"),
        ("Public-health researchers", "rebuttal"),
        ("Supporters of reform", "claim"), ("homeowner associations", "critique")]


def test_rhetorical_why_questions_are_objections() -> None:
    m = extract_text("FAQ\nQ: Why should millionaires get the payment too?\nA: Because universality removes stigma.\n")
    assert [n.kind for n in m.nodes] == ["critique", "rebuttal"]


def test_short_framing_remark_is_not_an_opener() -> None:
    m = extract_text("Title\n\nDebates\n\nGreen space\n\nOpinion is divided. Many argue that density cuts "
                     "emissions, while conservation societies fear the loss of trees.")
    assert [(n.actor, n.kind) for n in m.nodes] == [("Many", "claim"), ("conservation societies", "critique")]
