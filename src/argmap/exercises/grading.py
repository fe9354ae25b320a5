"""Grading a student's answers against an exercise's key, item by item, with feedback.

Answers are ``{item id: {field: value}}``; a field with ``multiple`` options takes a
comma-separated set ("2,5"). Each item is worth one point, split evenly over its fields;
values compare without regard to case or surrounding spaces (sets in any order).

A class is a CSV with a ``student`` column and one column per ``ITEM.FIELD`` (``roles-1.kind``),
or a JSON list of ``{"student": ..., "answers": {...}}``.

Example:
    >>> from argmap.exercises.model import Exercise, Field, Item, KeyEntry
    >>> ex = Exercise(title="T", seed=0, items=[Item(id="q1", kind="roles", prompt="?", fields=[
    ...     Field(name="kind", options=["claim", "critique"]), Field(name="side", options=["pro", "con"])])],
    ...     key=[KeyEntry(item="q1", answer={"kind": "critique", "side": "con"}, explanation="It objects.")])
    >>> g = grade(ex, {"q1": {"kind": "Claim", "side": "con"}})
    >>> g.score, g.items[0].feedback
    (0.5, "kind: you answered 'Claim', the answer is 'critique'. It objects.")
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from argmap.errors import InputError
from argmap.exercises.model import Exercise, Field, Item

Answers = Mapping[str, Mapping[str, str]]
STUDENT_COLUMN = "student"


@dataclass(frozen=True)
class ItemGrade:
    """One item: points earned out of one, the fields answered wrongly, and feedback."""

    item: str
    points: float
    wrong: tuple[str, ...]
    feedback: str


@dataclass(frozen=True)
class Grade:
    """A student's grade: per item, and the total as a share of the items."""

    student: str | None
    items: list[ItemGrade]

    @property
    def points(self) -> float:
        return sum(i.points for i in self.items)

    @property
    def score(self) -> float:
        return round(self.points / len(self.items), 4) if self.items else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"student": self.student, "points": round(self.points, 4), "out_of": len(self.items),
                "score": self.score, "items": [asdict(i) for i in self.items]}


def _values(field: Field, value: str) -> frozenset[str] | str:
    text = " ".join(str(value).split()).casefold()
    if field.multiple:
        return frozenset(v.strip() for v in text.split(",") if v.strip())
    return text


def _grade_item(item: Item, right: Mapping[str, str], given: Mapping[str, str], explanation: str) -> ItemGrade:
    wrong, notes = [], []
    for field in item.fields:
        answer = given.get(field.name)
        if answer is None or not str(answer).strip():
            wrong.append(field.name)
            notes.append(f"{field.name}: no answer, the answer is {right[field.name]!r}.")
        elif _values(field, answer) != _values(field, right[field.name]):
            wrong.append(field.name)
            notes.append(f"{field.name}: you answered {str(answer).strip()!r}, the answer is {right[field.name]!r}.")
    points = round(1 - len(wrong) / len(item.fields), 4) if item.fields else 1.0
    feedback = "Right." if not wrong else " ".join(notes) + " " + explanation
    return ItemGrade(item.id, points, tuple(wrong), feedback)


def grade(exercise: Exercise, answers: Answers, student: str | None = None) -> Grade:
    """Grade ``answers`` against the exercise's key (items not answered score 0).

    An answer to an item or field the exercise does not have is an error (a mistyped id
    would otherwise pass silently as "no answer").
    """
    key = exercise.key_of()
    if not key:
        raise ValueError("the exercise has no answer key (a student sheet?)")
    items = {i.id: i for i in exercise.items}
    for item_id, fields in answers.items():
        if item_id not in items:
            raise ValueError(f"answer to unknown item {item_id!r}")
        unknown = set(fields) - {f.name for f in items[item_id].fields}
        if unknown:
            raise ValueError(f"item {item_id!r} has no field {sorted(unknown)[0]!r}")
    return Grade(student, [_grade_item(i, key[i.id].answer, answers.get(i.id, {}), key[i.id].explanation)
                           for i in exercise.items])


def _split_columns(row: Mapping[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for column, value in row.items():
        if column == STUDENT_COLUMN or value is None or not str(value).strip():
            continue
        item, dot, field = column.rpartition(".")
        if not dot:
            raise ValueError(f"column {column!r} is not ITEM.FIELD (e.g. roles-1.kind)")
        out.setdefault(item, {})[field] = value
    return out


def read_answers(raw: bytes, name: str) -> list[tuple[str | None, dict[str, dict[str, str]]]]:
    """The students' answers in a file: ``(student, answers)`` per student.

    CSV when ``name`` ends in ``.csv``, else JSON: one ``{"student", "answers"}`` object, a
    list of them, or the answers object itself.

    Example:
        >>> read_answers(b"student,q1.kind\\nAna,claim\\nBo,critique\\n", "class.csv")
        [('Ana', {'q1': {'kind': 'claim'}}), ('Bo', {'q1': {'kind': 'critique'}})]
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    try:
        if name.lower().endswith(".csv"):
            reader = csv.DictReader(io.StringIO(text))
            if not reader.fieldnames or STUDENT_COLUMN not in reader.fieldnames:
                raise ValueError(f"the CSV needs a {STUDENT_COLUMN!r} column")
            return [(row[STUDENT_COLUMN], _split_columns(row)) for row in reader]
        data = json.loads(text)
        entries = data if isinstance(data, list) else [data]
        out: list[tuple[str | None, dict[str, dict[str, str]]]] = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise ValueError("expected an object of answers or a list of {student, answers} objects")
            wrapped = "answers" in entry
            answers = entry["answers"] if wrapped else entry
            if not isinstance(answers, dict) or not all(isinstance(v, dict) for v in answers.values()):
                raise ValueError("answers must map each item id to {field: value}")
            out.append((entry.get("student") if wrapped else None,
                        {k: {f: str(v) for f, v in fields.items()} for k, fields in answers.items()}))
        return out
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except (ValueError, csv.Error) as exc:
        raise InputError(name, str(exc)) from None


def class_table(grades: Sequence[Grade]) -> str:
    """A plain-text table: one row per student, the total and each item's points.

    Example:
        >>> print(class_table([Grade("Ana", [ItemGrade("q1", 1.0, (), "Right."), ItemGrade("q2", 0.5, ("x",), "")])]))
        student  score  q1  q2
        Ana      75%    1   0.5
    """
    if not grades:
        return "no students"
    items = [i.item for i in grades[0].items]
    rows = [["student", "score", *items]]
    for g in grades:
        rows.append([g.student or "-", f"{g.score:.0%}", *(f"{i.points:g}" for i in g.items)])
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows)


def render_grade(g: Grade) -> str:
    """One student's grade as lines: the total, then each item not fully right with its feedback."""
    lines = [f"{g.student or 'answers'}: {g.points:g} / {len(g.items)} ({g.score:.0%})"]
    lines += [f"  {i.item}: {i.feedback}" for i in g.items if i.wrong]
    return "\n".join(lines)
