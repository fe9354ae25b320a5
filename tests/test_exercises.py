"""Exercises and their grading: every kind from every example essay, answered with the key
(full marks) and with a corrupted key (exactly the corrupted items lost)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from argmap.exercises import EXERCISE_KINDS, Exercise, grade, make_exercise, read_answers
from argmap.model import ArgumentMap

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def example_maps() -> dict[str, ArgumentMap]:
    from argmap.extraction import extract_files

    return {p.name: extract_files([str(p)]) for p in EXAMPLES}


def key_answers(ex: Exercise) -> dict[str, dict[str, str]]:
    return {k.item: dict(k.answer) for k in ex.key}


def wrong_value(ex: Exercise, item_id: str, field: str, right: str) -> str:
    item = next(i for i in ex.items if i.id == item_id)
    options = next(f.options for f in item.fields if f.name == field)
    others = [o for o in options if o.casefold() != right.casefold()]
    return others[0] if others else right + "-not"


def test_every_kind_from_every_example_gets_full_marks_and_loses_exactly_the_corrupted(example_maps):
    rng = random.Random(7)
    for name, amap in example_maps.items():
        ex = make_exercise(amap, seed=3)
        kinds = {i.kind for i in ex.items}
        assert kinds == set(EXERCISE_KINDS), (name, kinds)
        assert grade(ex, key_answers(ex)).score == 1.0, name
        answers = key_answers(ex)
        corrupted = rng.sample(sorted(answers), k=min(5, len(answers)))
        for item_id in corrupted:
            field = sorted(answers[item_id])[0]
            answers[item_id][field] = wrong_value(ex, item_id, field, answers[item_id][field])
        g = grade(ex, answers)
        lost = {i.item for i in g.items if i.points < 1}
        assert lost == set(corrupted), name
        for i in g.items:
            if i.item in corrupted:
                assert "you answered" in i.feedback


def test_the_sheet_shows_each_topics_text_with_its_statements_numbered(example_maps):
    for name, amap in example_maps.items():
        ex = make_exercise(amap, kinds=["roles"])
        text = amap.documents[0].text
        by_number = {s.number: amap.node(s.node) for s in ex.statements}
        assert {p.topic for p in ex.passages} == set(ex.topics), name  # extracted maps: every topic has its text
        for passage in ex.passages:
            numbered = [p for p in passage.pieces if p.statement is not None]
            assert [p.statement for p in numbered] == sorted(s.number for s in ex.statements if s.topic == passage.topic)
            for p in numbered:
                node = by_number[p.statement]
                assert p.text == text[node.span[0]:node.span[1]]
            first, last = by_number[numbered[0].statement], by_number[numbered[-1].statement]
            assert "".join(p.text for p in passage.pieces) == text[first.span[0]:last.span[1]]
    hand = ArgumentMap()
    hand.add_claim(hand.add_topic("Tolls"), "Tolls cut traffic.")
    assert make_exercise(hand).passages == []  # no text: the statements are listed


def test_same_seed_same_exercise_other_seed_may_shuffle(example_maps):
    amap = example_maps["road-pricing.txt"]
    assert make_exercise(amap, seed=5) == make_exercise(amap, seed=5)
    options = {tuple(i.fields[0].options) for s in range(6) for i in make_exercise(amap, seed=s, kinds=["links"]).items}
    assert len(options) > 1


def test_links_offer_the_right_answer_among_same_topic_choices(example_maps):
    amap = example_maps["road-pricing.txt"]
    ex = make_exercise(amap, kinds=["links"])
    numbers = {s.number: s for s in ex.statements}
    assert ex.items
    for item in ex.items:
        right = ex.key_of()[item.id].answer["answers"]
        assert right in item.fields[0].options and len(item.fields[0].options) >= 2
        for option in item.fields[0].options:
            assert option == "thesis" or numbers[int(option)].topic == item.topic


def test_evaluate_key_explains_with_the_attackers():
    m = ArgumentMap()
    t = m.add_topic("Road tolls")
    c = m.add_claim(t, "Tolls cut traffic.")
    k = m.add_critique(c, "They hit the poor hardest.")
    m.add_rebuttal(k, "Rebates return the money.")
    m.add_critique(c, "Drivers move to side streets.")
    ex = make_exercise(m, kinds=["evaluate"])
    key = ex.key_of()
    assert key["evaluate-1"].answer == {"status": "OUT"}
    assert key["evaluate-1"].explanation == ("Statement 1 is defeated (OUT): statement 4 attacks it and "
                                             "nothing attacks statement 4.")
    assert key["evaluate-3"].explanation == "Statement 3 stands (IN): nothing attacks it."
    assert key["evaluate-2"].explanation.startswith("Statement 2 is defeated (OUT): statement 3 attacks it")
    assert key["evaluate-4"].explanation == "Statement 4 stands (IN): nothing attacks it."


def test_critical_items_follow_the_analysis():
    m = ArgumentMap()
    t = m.add_topic("Road tolls")
    c = m.add_claim(t, "Tolls cut traffic, says the city's transport office.", actor="The city's transport office")
    m.add_critique(c, "Critics say they hit the poor hardest and will ruin small shops in the centre.", actor="Critics")
    key = {k.item: k.answer for k in make_exercise(m, kinds=["critical"]).key}
    assert key["critical-source-1"] == {"source": "named"}
    assert key["critical-source-2"] == {"source": "anonymous"}
    assert key["critical-unanswered-t1"] == {"unanswered": "2"}
    assert key["critical-last-t1"] == {"last_word": "con"}
    assert key["critical-space-t1"] == {"more_space": "con"}


def test_sets_compare_in_any_order_and_unknown_items_are_refused():
    m = ArgumentMap()
    t = m.add_topic("Tolls")
    m.add_critique(t, "Tolls hurt.")
    m.add_critique(t, "Tolls are slow.")
    ex = make_exercise(m, kinds=["critical"])
    assert grade(ex, {"critical-unanswered-t1": {"unanswered": " 2, 1 "}}).items[0].points == 1
    with pytest.raises(ValueError, match="unknown item"):
        grade(ex, {"critical-nope": {"x": "1"}})


def test_class_csv_grades_each_student(tmp_path):
    m = ArgumentMap()
    t = m.add_topic("Tolls")
    c = m.add_claim(t, "Tolls cut traffic.")
    m.add_critique(c, "Tolls hurt.")
    ex = make_exercise(m, kinds=["roles"])
    csv_text = ("student,roles-1.kind,roles-1.side,roles-2.kind,roles-2.side\n"
                "Ana,claim,pro,critique,con\nBo,claim,pro,rebuttal,pro\n")
    grades = [grade(ex, a, s) for s, a in read_answers(csv_text.encode(), "class.csv")]
    assert [(g.student, g.score) for g in grades] == [("Ana", 1.0), ("Bo", 0.5)]


def test_exercise_json_round_trips_and_has_a_schema(example_maps):
    ex = make_exercise(example_maps["road-pricing.txt"])
    assert Exercise.model_validate_json(ex.model_dump_json()) == ex
    schema = Exercise.model_json_schema()
    assert "items" in schema["properties"] and "key" in schema["properties"]
    assert json.loads(ex.sheet().model_dump_json())["key"] == []


def flipped_and_retargeted(amap: ArgumentMap) -> tuple[ArgumentMap, str, int]:
    """A copy with one statement's kind flipped and another's attack moved to another statement."""
    student = amap.model_copy(deep=True)
    edge_at = next(i for i, e in enumerate(student.edges) if e.relation == "attacks"
                   and any(n.id not in (e.source, e.target) for n in student.index.statements[student.node(e.source).topic]))
    edge = student.edges[edge_at]
    topic = student.node(edge.source).topic
    new_target = next(n.id for n in student.index.statements[topic] if n.id not in (edge.source, edge.target))
    student.edges[edge_at] = edge.model_copy(update={"target": new_target})
    flip = next(n for n in student.nodes if n.id != edge.source and n.kind == "claim") if any(
        n.kind == "claim" and n.id != edge.source for n in student.nodes) else next(
        n for n in student.nodes if n.id != edge.source)
    flip.kind = "rebuttal" if flip.kind != "rebuttal" else "claim"
    return student, flip.id, edge_at


@pytest.mark.parametrize("spans", [True, False])
def test_student_map_graded_against_teacher_loses_exactly_the_two_mistakes(example_maps, spans):
    from argmap.exercises.compare import grade_map

    for name in ("road-pricing.txt", "school-uniforms.txt", "rewilding.txt"):
        teacher = example_maps[name].model_copy(deep=True)
        if not spans:
            for item in [*teacher.nodes, *teacher.topics]:
                item.span = None
        own = grade_map(teacher, teacher)
        assert own.score == 1.0 and own.feedback == [], name
        student, flipped, edge_at = flipped_and_retargeted(teacher)
        g = grade_map(teacher, student)
        assert (g.points, g.out_of) == (own.out_of - 2, own.out_of), name
        assert len(g.feedback) == 2, g.feedback
        flip_text = teacher.node(flipped).text[:20]
        assert any(flip_text in f and "You marked" in f and f"it is a {teacher.node(flipped).kind}" in f
                   for f in g.feedback)
        moved = teacher.edges[edge_at]
        assert any(f"it attacks {moved.target}" in f for f in g.feedback), g.feedback


def test_student_map_with_its_own_ids_and_wording_still_matches():
    from argmap.exercises.compare import grade_map

    teacher = ArgumentMap()
    c = teacher.add_claim(teacher.add_topic("Road tolls"), "Tolls cut traffic in the centre.")
    teacher.add_critique(c, "Critics say tolls hurt the poor.")
    student = ArgumentMap()
    c2 = student.add_claim(student.add_topic("Tolls"), "Tolls cut the traffic in the centre")
    student.add_critique(c2, "critics say that tolls hurt the poor")
    student.add_claim("t1", "The weather is nice.")
    g = grade_map(teacher, student)
    assert (g.points, g.out_of) == (4, 5)
    assert g.feedback == ["'The weather is nice.' is not a statement in the teacher's map: check it is one clause, "
                          "argued by someone, and not part of another."]


def test_a_wide_topic_is_drawn_in_parts_that_fit_a_printed_page(example_maps):
    import re

    from argmap.exercises.generate import _parts

    amap = example_maps["car-free-centre.txt"]
    (topic,) = amap.topics
    parts = _parts(amap, topic.id)
    assert len(parts) > 1
    assert sorted(n.id for p in parts for n in p) == sorted(n.id for n in amap.index.statements[topic.id])
    mine = {n.id for n in amap.index.statements[topic.id]}
    for part in parts:
        ids = {n.id for n in part}
        # every statement of a part answers the thesis, something outside the topic, or one of its part
        assert all(any(e.target in ids or e.target not in mine for e in amap.index.outgoing_edges(n.id)) for n in part)
    ex = make_exercise(amap, kinds=["diagram"], seed=1)
    assert [i.id for i in ex.items] == [f"diagram-{topic.id}-{j}" for j in range(1, len(ex.items) + 1)]
    for item in ex.items:
        assert f"part {item.id.rsplit('-', 1)[1]} of the diagram" in item.prompt
        width = float(re.search(r'width="([0-9.]+)pt"', item.figure).group(1))
        assert width <= 510, width  # 680 CSS px: an A4 line, so the text keeps its 16 px and more
