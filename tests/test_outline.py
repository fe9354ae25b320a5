"""The outline a student writes by hand: what it builds, its one-line errors, and grading it
against the teacher's map with ``argmap grade``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import InputError
from argmap.exercises.compare import grade_map
from argmap.exercises.outline import parse_outline
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent

LESSON = """\
# Road tolls
claim: Tolls cut traffic in the centre.
  - critique: Critics say tolls hurt the poor.
      rebuttal: Rebates return the money to low-income drivers.
  - critique [side]: Drivers just move to side streets.

// a second topic, written with the other heading
topic: Parking
critique: Parking fees drive shoppers away.
rebuttal -> side: Cameras watch the side streets too.
\tclaim: Shops near the new parks did better.
"""


def edges(m: ArgumentMap) -> list[tuple[str, str, str]]:
    return [(e.source, e.relation, e.target) for e in m.edges]


def test_indentation_and_names_give_the_structure():
    m = parse_outline(LESSON)
    assert [(t.id, t.title) for t in m.topics] == [("t1", "Road tolls"), ("t2", "Parking")]
    assert [(n.id, n.kind, n.topic) for n in m.nodes] == [
        ("n1", "claim", "t1"), ("n2", "critique", "t1"), ("n3", "rebuttal", "t1"), ("n4", "critique", "t1"),
        ("n5", "critique", "t2"), ("n6", "rebuttal", "t1"), ("n7", "claim", "t2")]
    assert edges(m) == [("n1", "supports", "t1"), ("n2", "attacks", "n1"), ("n3", "attacks", "n2"),
                        ("n4", "attacks", "n1"), ("n5", "attacks", "t2"), ("n6", "attacks", "n4"),
                        ("n7", "supports", "n6")]
    assert m.node("n2").text == "Critics say tolls hurt the poor."


def test_a_map_without_a_heading_has_one_topic_and_wrong_structure_is_kept():
    m = parse_outline("CLAIM: Tolls work.\n  rebuttal: Not for the poor.\n")
    assert [t.title for t in m.topics] == ["Untitled topic"]
    # a rebuttal answering a claim is a mistake the grader points out, not a reason to refuse the map
    assert edges(m) == [("n1", "supports", "t1"), ("n2", "attacks", "n1")]


@pytest.mark.parametrize("text, problem", [
    ("clam: Tolls work.", "line 1: 'clam' is not a kind (claim, critique, rebuttal); did you mean 'claim'?"),
    ("# T\n\nTolls work, says the mayor.", "line 3: expected 'claim: …', 'critique: …', 'rebuttal: …' or '# TOPIC', "
                                           "got 'Tolls work, says the mayor.'"),
    ("claim:   ", "line 1: the claim has no text after the colon"),
    ("#\nclaim: x", "line 1: a topic heading needs a title"),
    ("topic:\nclaim: x", "line 1: a topic needs a title"),
    ("claim [a b]: x", "line 1: a name in brackets is one word without spaces, not 'a b'"),
    ("claim [a]: x\ncritique [a]: y", "line 2: the name 'a' is given twice"),
    ("claim: x\ncritique -> k9: y", "line 2: '-> k9': no statement is named [k9]"),
    ("critique [k] -> k: y", "line 1: '-> k': a statement cannot answer itself"),
    ("\n// only a comment\n", "no statements"),
])
def test_bad_lines_are_one_line_errors_naming_the_line(text, problem):
    with pytest.raises(InputError) as err:
        parse_outline(text, "ana.txt")
    assert str(err.value).startswith("ana.txt: ") and problem in str(err.value) and "\n" not in str(err.value)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("claimrebutoqp: #->[]\t\n-*1.xyz/")), max_size=80))
def test_any_text_is_a_map_or_one_input_error(text):
    try:
        m = parse_outline(text, "s.txt")
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("s.txt: ")
    else:
        assert m.nodes and all(e.source in m.index.nodes for e in m.edges)


def outline_of(amap: ArgumentMap, *, flip: str | None = None, retarget: tuple[str, str] | None = None) -> str:
    """The map written as a student would write it by hand: nested under what each statement
    answers, every statement named after its id so that ``retarget`` (source, new target)
    can point elsewhere with ``->``; ``flip`` writes that statement with another kind."""
    ix = amap.index
    lines: list[str] = []

    def write(node_id: str, depth: int, seen: set[str]) -> None:
        node = ix.nodes[node_id]
        kind = node.kind if node_id != flip else ("rebuttal" if node.kind == "claim" else "claim")
        arrow = f" -> {retarget[1]}" if retarget and retarget[0] == node_id else ""
        lines.append(f"{'  ' * depth}{kind} [{node.id}]{arrow}: {' '.join(node.text.split())}")
        for e in ix.incoming_edges(node_id):
            if e.source in ix.nodes and e.source not in seen and ix.nodes[e.source].topic == node.topic:
                seen.add(e.source)
                write(e.source, depth + 1, seen)

    for topic in amap.topics:
        lines.append(f"# {topic.title}")
        seen: set[str] = set()
        roots = [e.source for e in ix.incoming_edges(topic.id) if e.source in ix.nodes]
        for n in ix.statements.get(topic.id, []):
            if not any(e.target in ix.nodes for e in ix.outgoing_edges(n.id)) and n.id not in roots:
                roots.append(n.id)
        for r in roots:
            if r not in seen:
                seen.add(r)
                write(r, 0, seen)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def teacher(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArgumentMap]:
    from argmap.io import map_from_json

    path = tmp_path_factory.mktemp("teacher") / "map.json"
    assert main(["extract", str(ROOT / "examples" / "road-pricing.txt"), "-o", str(path)]) == 0
    amap = map_from_json(path.read_bytes(), str(path))
    for item in [*amap.nodes, *amap.topics]:
        item.span = None  # the teacher's map drawn by hand: no spans on either side
    amap.documents[0].text = None
    path.write_text(amap.to_json())
    return path, amap


def test_the_teachers_map_as_an_outline_scores_full_marks(teacher, tmp_path, capsys):
    path, amap = teacher
    (tmp_path / "own.md").write_text(outline_of(amap))
    own = grade_map(amap, parse_outline(outline_of(amap)))
    assert own.score == 1.0 and own.feedback == []
    capsys.readouterr()
    assert main(["grade", str(path), str(tmp_path / "own.md")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{tmp_path / 'own.md'}: {own.out_of} / {own.out_of} (100%)"]


def test_a_flipped_kind_and_a_moved_answer_lose_exactly_those(teacher, tmp_path, capsys):
    path, amap = teacher
    attack = next(e for e in amap.edges if e.relation == "attacks" and e.target in amap.index.nodes)
    other = next(n.id for n in amap.index.statements[amap.node(attack.source).topic]
                 if n.id not in (attack.source, attack.target) and n.kind in ("claim", "rebuttal"))
    flip = next(n.id for n in amap.nodes if n.kind == "claim" and n.id != attack.source)
    (tmp_path / "ana.txt").write_text(outline_of(amap, flip=flip, retarget=(attack.source, other)))
    capsys.readouterr()
    assert main(["grade", str(path), str(tmp_path / "ana.txt")]) == 0
    head, *feedback = capsys.readouterr().out.splitlines()
    full = len(amap.nodes) + len(amap.edges)
    assert head.endswith(f": {full - 2} / {full} ({(full - 2) / full:.0%})")
    assert len(feedback) == 2, feedback
    assert any("You marked" in f and "as a rebuttal" in f and "it is a claim" in f for f in feedback)
    assert any(f"it attacks {attack.target}" in f and f"attacks {other}" in f for f in feedback)


def test_an_argdown_student_map_is_read_too(teacher, tmp_path, capsys):
    from argmap.formats import generate

    path, amap = teacher
    (tmp_path / "ana.argdown").write_text(generate(amap, "argdown"))
    capsys.readouterr()
    assert main(["grade", str(path), str(tmp_path / "ana.argdown")]) == 0
    assert "(100%)" in capsys.readouterr().out.splitlines()[0]


def test_a_bad_outline_is_one_line_and_exit_2(teacher, tmp_path, capsys):
    path, _ = teacher
    (tmp_path / "bo.txt").write_text("# Tolls\nclaim: fine\ncritic: tolls hurt\n")
    capsys.readouterr()
    assert main(["grade", str(path), str(tmp_path / "bo.txt")]) == 2
    err = capsys.readouterr().err
    assert err == (f"argmap grade: {tmp_path / 'bo.txt'}: line 3: 'critic' is not a kind (claim, critique, rebuttal); "
                   "did you mean 'critique'?\n")


def test_the_documented_student_outline_of_one_topic(teacher, capsys):
    path, amap = teacher
    capsys.readouterr()
    student = ROOT / "examples" / "road-pricing-student.md"
    assert main(["grade", str(path), str(student), "--topic", "Fairness to low-income drivers"]) == 0
    head, *feedback = capsys.readouterr().out.splitlines()
    assert head == f"{student}: 4 / 6 (67%)"
    assert feedback[0].startswith("  You marked 'Proponents respond that the poorest households") and \
        feedback[0].endswith("so it is a rebuttal.")
    assert feedback[1].startswith("  Your 'Skeptics reply that shift workers") and "; it attacks n5 (" in feedback[1]
    # --topic is for a teacher's map; an exercise already has its topics
    assert main(["grade", str(path), str(student), "--topic", "nope"]) == 2
    assert "no topic" in capsys.readouterr().err.lower()
