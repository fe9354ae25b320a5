"""The exercise and its answer key as pydantic models: the JSON ``argmap exercise`` writes and
``argmap grade`` reads (``Exercise.model_json_schema()`` is its schema).

An exercise is a list of numbered statements (what the student reads; with ``passages``, the
text they come from, each statement numbered in it, when the map has the text) and items (questions);
each item has one or more fields to answer, and the key holds, per item, the right value of
each field and an explanation. ``Exercise.sheet()`` is the exercise without its key.

Example:
    >>> item = Item(id="roles-1", kind="roles", prompt="What is statement 1?",
    ...             fields=[Field(name="kind", options=["claim", "critique", "rebuttal"])])
    >>> ex = Exercise(title="T", seed=0, items=[item],
    ...               key=[KeyEntry(item="roles-1", answer={"kind": "claim"}, explanation="It argues for the thesis.")])
    >>> ex.sheet().key
    []
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field as _PydanticField, model_validator

EXERCISE_SCHEMA = "argmap-exercise/1"

ExerciseKind = Literal["roles", "links", "diagram", "evaluate", "critical"]
EXERCISE_KINDS: tuple[ExerciseKind, ...] = ("roles", "links", "diagram", "evaluate", "critical")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Statement(_Model):
    """A statement as the student sees it: its number, the map node it is, its topic and text."""

    number: int
    node: str
    topic: str
    text: str


class Piece(_Model):
    """A piece of the text a passage shows: a statement (its ``statement`` number) or the
    words between statements."""

    text: str
    statement: int | None = None


class Passage(_Model):
    """The text of a topic as the student reads it, its statements numbered in it."""

    topic: str
    pieces: list[Piece]


class Field(_Model):
    """One answer of an item. ``multiple``: the answer is a set of options (comma-separated)."""

    name: str
    options: list[str]
    multiple: bool = False


class Item(_Model):
    """One question. ``statement`` is the number of the statement it is about, if any;
    ``figure`` an SVG diagram the question shows (the *diagram* kind)."""

    id: str
    kind: ExerciseKind
    prompt: str
    fields: list[Field]
    statement: int | None = None
    topic: str | None = None
    figure: str | None = None


class KeyEntry(_Model):
    """The right answer to an item, field by field, and why."""

    item: str
    answer: dict[str, str]
    explanation: str


class Exercise(_Model):
    """Statements, items and the answer key generated from one map with one seed."""

    model_config = ConfigDict(extra="forbid", defer_build=True, validate_by_name=True, validate_by_alias=True,
                              serialize_by_alias=True)

    schema_tag: Literal["argmap-exercise/1"] = _PydanticField(default=EXERCISE_SCHEMA, alias="schema")
    title: str
    seed: int
    topics: dict[str, str] = {}
    statements: list[Statement] = []
    passages: list[Passage] = []
    items: list[Item]
    key: list[KeyEntry] = []

    @model_validator(mode="after")
    def _key_fits_items(self) -> Exercise:
        fields = {i.id: {f.name for f in i.fields} for i in self.items}
        for entry in self.key:
            if entry.item not in fields:
                raise ValueError(f"key entry for unknown item {entry.item!r}")
            if set(entry.answer) != fields[entry.item]:
                raise ValueError(f"key entry {entry.item!r} answers {sorted(entry.answer)}, "
                                 f"the item asks {sorted(fields[entry.item])}")
        return self

    def sheet(self) -> Exercise:
        """The exercise without its key (what a student gets)."""
        return self.model_copy(update={"key": []})

    def key_of(self) -> dict[str, KeyEntry]:
        """Item id → its key entry."""
        return {k.item: k for k in self.key}


def exercise_from_json(raw: bytes | str, path: str = "<exercise>") -> Exercise:
    """Parse and validate an exercise JSON, with errors naming ``path`` (one line).

    Example:
        >>> exercise_from_json(b'{"schema": "argmap/1"}', "k.json")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: k.json: not an argmap exercise (schema 'argmap/1', expected 'argmap-exercise/1')
    """
    import json

    from pydantic import ValidationError

    from argmap.errors import InputError
    from argmap.io import describe_validation_error

    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != EXERCISE_SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else None
        raise InputError(path, f"not an argmap exercise (schema {found!r}, expected {EXERCISE_SCHEMA!r})")
    try:
        return Exercise.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, f"invalid exercise: {describe_validation_error(exc)}") from None
