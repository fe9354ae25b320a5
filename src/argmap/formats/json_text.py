"""Reading ``argmap/1`` map JSON from a string, with errors that name the line and column.

Example:
    >>> parse_json('{"schema": "argmap/1", "topics": [{"id": "t", "title": "T"}]}').topics[0].title
    'T'
    >>> parse_json('{"schema": "argmap/1",,}', "m.json")
    Traceback (most recent call last):
    ...
    argmap.errors.InputError: m.json:1:23: not valid JSON (expected property name enclosed in double quotes)
"""

from __future__ import annotations

import json

from argmap.errors import InputError
from argmap.io import map_from_data
from argmap.model import ArgumentMap


def parse_json(text: str, source: str = "<json>") -> ArgumentMap:
    """An ``argmap/1`` map from JSON text; any problem is an :class:`InputError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{exc.lineno}:{exc.colno}", f"not valid JSON (expected {_expected(exc.msg)})") from None
    return map_from_data(data, source)


def _expected(msg: str) -> str:
    return msg[len("Expecting "):] if msg.startswith("Expecting ") else msg.lower()
