"""``argmap exercise``, ``argmap grade`` and ``argmap analyze`` as a teacher runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.commands.exercise import KINDS
from argmap.exercises import EXERCISE_KINDS
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exercise of examples/road-pricing.txt, made by the CLI, and its teacher's map."""
    folder = tmp_path_factory.mktemp("lesson")
    assert main(["extract", str(ROOT / "examples" / "road-pricing.txt"), "-o", str(folder / "map.json")]) == 0
    assert main(["exercise", str(folder / "map.json"), "-o", str(folder / "out"), "--seed", "4"]) == 0
    return folder


def test_kinds_of_the_verb_are_those_of_the_library():
    assert KINDS == EXERCISE_KINDS


def test_exercise_writes_every_file(lesson, capsys):
    names = sorted(p.name for p in (lesson / "out").iterdir() if not p.name.startswith("diagram-"))
    assert names == ["exercise.json", "key.html", "key.md", "selfcheck.html", "sheet.html", "sheet.md"]
    diagrams = sorted(p.name for p in (lesson / "out").iterdir() if p.name.startswith("diagram-"))
    assert diagrams and all(d.endswith(".svg") for d in diagrams)


def test_grade_one_student_and_a_class(lesson, tmp_path, capsys):
    key = json.loads((lesson / "out" / "exercise.json").read_text())
    right = {k["item"]: k["answer"] for k in key["key"]}
    (tmp_path / "ana.json").write_text(json.dumps({"student": "Ana", "answers": right}))
    capsys.readouterr()
    assert main(["grade", str(lesson / "out" / "exercise.json"), str(tmp_path / "ana.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Ana: {len(right)} / {len(right)} (100%)")
    columns = [f"{item}.{field}" for item, answer in right.items() for field in answer]
    with open(tmp_path / "class.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student", *columns])
        w.writerow(["Ana", *(right[c.rpartition(".")[0]][c.rpartition(".")[2]] for c in columns)])
        w.writerow(["Bo", *("" for _ in columns)])
    assert main(["grade", str(lesson / "out" / "exercise.json"), str(tmp_path / "class.csv"), "--json"]) == 0
    grades = json.loads(capsys.readouterr().out)
    assert [(g["student"], g["score"]) for g in grades] == [("Ana", 1.0), ("Bo", 0.0)]
    assert main(["grade", str(lesson / "out" / "exercise.json"), str(tmp_path / "class.csv")]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:2] == ["student", "score"] and table[1].split()[:2] == ["Ana", "100%"]


@pytest.mark.parametrize("content, problem", [
    ("{", "not valid JSON"),
    ('{"roles-99": {"kind": "claim"}}', "answer to unknown item 'roles-99'"),
    ('{"roles-1": {"colour": "red"}}', "has no field 'colour'"),
])
def test_bad_answer_files_are_one_line_and_exit_2(lesson, tmp_path, capsys, content, problem):
    (tmp_path / "bad.json").write_text(content)
    capsys.readouterr()
    assert main(["grade", str(lesson / "out" / "exercise.json"), str(tmp_path / "bad.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err and problem in err


def test_a_map_is_not_an_answer_key_and_a_csv_needs_students(lesson, tmp_path, capsys):
    (tmp_path / "c.csv").write_text("name,roles-1.kind\nAna,claim\n")
    assert main(["grade", str(lesson / "out" / "exercise.json"), str(tmp_path / "c.csv")]) == 2
    assert "needs a 'student' column" in capsys.readouterr().err


def test_grade_a_student_map_against_the_teachers(lesson, tmp_path, capsys):
    teacher = ArgumentMap.load(str(lesson / "map.json"))
    student = teacher.model_copy(deep=True)
    student.nodes[0].kind = "rebuttal"
    student.save(str(tmp_path / "student.json"))
    capsys.readouterr()
    assert main(["grade", str(lesson / "map.json"), str(tmp_path / "student.json"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["points"] == result["out_of"] - 1
    assert result["feedback"] == [f"You marked {teacher.nodes[0].text[:49]!r}"[:-1] + "…' as a rebuttal; it supports t1 "
                                  f"({teacher.topics[0].title!r}), so it is a claim."]


def test_exercise_kind_and_topic(lesson, tmp_path, capsys):
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "o"), "--kind", "evaluate",
                 "--topic", "t2"]) == 0
    ex = json.loads((tmp_path / "o" / "exercise.json").read_text())
    assert {i["kind"] for i in ex["items"]} == {"evaluate"} and {i["topic"] for i in ex["items"]} == {"t2"}
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "p"), "--topic", "nope"]) == 2
    assert "no topic 'nope'" in capsys.readouterr().err and not (tmp_path / "p").exists()
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "p"), "--kind", "essay"]) == 2


def test_analyze_text_and_json(lesson, tmp_path, capsys):
    capsys.readouterr()
    assert main(["analyze", str(lesson / "map.json"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    text = json.loads((lesson / "map.json").read_text())["documents"][0]["text"]
    vague = [f for f in result["findings"] if f["code"] == "vague-actor"]
    assert vague and all(text[f["span"][0]:f["span"][1]] == f["text"] for f in vague)
    assert main(["analyze", str(lesson / "map.json")]) == 0
    assert "vague-actor" in capsys.readouterr().out
    (tmp_path / "lex.json").write_text('{"loaded": ["x"]}')
    assert main(["analyze", str(lesson / "map.json"), "--lexicon", str(tmp_path / "lex.json")]) == 2
    assert "unknown lexicon keys: loaded" in capsys.readouterr().err


def test_a_teachers_templates_and_a_bad_student_map(lesson, tmp_path, capsys):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "sheet.html").write_text("<h1>{{ ex.title }}</h1><p>{{ heading }}: {{ ex.items | length }}</p>")
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "o"), "--kind", "roles",
                 "--templates", str(tmp_path / "tpl")]) == 0
    assert (tmp_path / "o" / "sheet.html").read_text().startswith("<h1>Road Pricing</h1><p>Exercise sheet: ")
    (tmp_path / "student.json").write_text('{"schema": "argmap/1", "nodes": [{"id": "n1"}]}')
    capsys.readouterr()
    assert main(["grade", str(lesson / "map.json"), str(tmp_path / "student.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("argmap grade: ") and "student.json: invalid map" in err and err.count("\n") == 1


def test_without_graphviz_the_other_kinds_are_made_with_a_warning(lesson, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # no 'dot' on it
    capsys.readouterr()
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert err == ("argmap exercise: warning: no diagram exercise: Graphviz's 'dot' program is not installed "
                   "(install Graphviz to get one)\n")
    kinds = {i["kind"] for i in json.loads((tmp_path / "out" / "exercise.json").read_text())["items"]}
    assert kinds == set(EXERCISE_KINDS) - {"diagram"}
    assert main(["exercise", str(lesson / "map.json"), "-o", str(tmp_path / "d"), "--kind", "diagram"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the diagram exercise needs Graphviz's 'dot' program" in err
    assert not (tmp_path / "d").exists()
