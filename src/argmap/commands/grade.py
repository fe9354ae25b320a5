"""``argmap grade KEY.json ANSWERS``: per-item feedback and scores, for a student or a class;
or a student's own map graded against the teacher's map."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def _read_map(path: str, raw: bytes) -> ArgumentMap:
    """A map JSON, a file in a format argmap reads (Argdown …), else a hand-written outline."""
    from argmap.commands._inputs import input_format, is_map_json, read_format
    from argmap.commands._streams import display_name
    from argmap.errors import InputError
    from argmap.exercises.outline import OUTLINE_SUFFIXES, parse_outline
    from argmap.io import map_from_json

    name = display_name(path)
    if is_map_json(raw):
        return map_from_json(raw, name)
    fmt = None if name.lower().endswith(OUTLINE_SUFFIXES) else input_format(path, raw)
    if fmt is not None:
        return read_format(path, raw, fmt)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    return parse_outline(text, name)


@click.command(short_help="grade answers (or a student's map) with per-item feedback",
               epilog="KEY.json is an exercise from 'argmap exercise' (ANSWERS: JSON, or a CSV with a 'student' "
                      "column and ITEM.FIELD columns, one row per student) or the teacher's map (ANSWERS: the "
                      "student's map: argmap JSON, Argdown, or an outline written by hand, see docs/teaching.md).")
@click.argument("key", metavar="KEY.json")
@click.argument("answers", metavar="ANSWERS.json|ANSWERS.csv|STUDENT-MAP")
@click.option("--json", "as_json", is_flag=True, help="print JSON instead of text")
@click.option("--topic", "topics", multiple=True, metavar="ID|TITLE",
              help="grading a student's map: only this topic of the teacher's map; repeatable")
def command(key: str, answers: str, as_json: bool, topics: tuple[str, ...]) -> None:
    """Grade a student's answers, or a class's (a CSV row per student gives a class table),
    against an exercise's key; or grade a student's map against the teacher's.
    """
    from argmap.commands._inputs import is_map_json
    from argmap.commands._streams import display_name, read_input, refuse_repeated_stdin
    from argmap.errors import InputError
    from argmap.exercises import class_table, grade, read_answers, render_grade
    from argmap.exercises.model import exercise_from_json
    from argmap.exercises.outline import OUTLINE_SUFFIXES

    refuse_repeated_stdin([key, answers])
    key_name, answers_name = display_name(key), display_name(answers)
    raw_key, raw_answers = read_input(key), read_input(answers)
    if is_map_json(raw_key) or key_name.lower().endswith(OUTLINE_SUFFIXES):
        from argmap.exercises.compare import grade_map

        from argmap.commands._topics import find_topics
        from argmap.exercises.compare import only_topics

        teacher = _read_map(key, raw_key)
        if topics:
            teacher = only_topics(teacher, find_topics(teacher, topics, key_name))
        result = grade_map(teacher, _read_map(answers, raw_answers))
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
            return
        click.echo(f"{answers_name}: {result.points} / {result.out_of} ({result.score:.0%})")
        for line in result.feedback:
            click.echo(f"  {line}")
        return
    if topics:
        raise InputError(key_name, "--topic chooses topics of a teacher's map; an exercise has its topics already")
    exercise = exercise_from_json(raw_key, key_name)
    grades = []
    for student, given in read_answers(raw_answers, answers if answers != "-" else answers_name):
        try:
            grades.append(grade(exercise, given, student))
        except ValueError as exc:
            who = f" (student {student!r})" if student else ""
            raise InputError(answers_name, f"{exc}{who}") from None
    if as_json:
        click.echo(json.dumps([g.to_dict() for g in grades] if len(grades) != 1 else grades[0].to_dict(),
                              indent=2, ensure_ascii=False))
    elif len(grades) == 1:
        click.echo(render_grade(grades[0]))
    else:
        click.echo(class_table(grades))
