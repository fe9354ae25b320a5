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
