"""Exercises with answer keys generated from any map, and grading with feedback.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.add_claim(m.add_topic("Road tolls"), "Tolls cut traffic.")
    >>> ex = make_exercise(m, kinds=["roles"])
    >>> grade(ex, {"roles-1": {"kind": "claim", "side": "pro"}}).score
    1.0
"""

from __future__ import annotations

from argmap.exercises.generate import explain_status, make_exercise
from argmap.exercises.grading import Grade, ItemGrade, class_table, grade, read_answers, render_grade
from argmap.exercises.model import EXERCISE_KINDS, Exercise, Field, Item, KeyEntry, Statement

__all__ = ["EXERCISE_KINDS", "Exercise", "Field", "Grade", "Item", "ItemGrade", "KeyEntry", "Statement", "class_table",
           "explain_status", "grade", "make_exercise", "read_answers", "render_grade"]
