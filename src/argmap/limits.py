"""Limits on what a map's JSON may hold, checked before anything is parsed or written.

A map is four levels deep (map, list, item, span) and its numbers are offsets and
confidences, so hostile JSON — nested thousands of levels, numbers thousands of digits long,
strings holding lone surrogates — is refused with one line instead of exhausting the stack,
Python's integer-conversion limit or the UTF-8 encoder halfway through a write.

Example:
    >>> json_text_problem(b'{"a": [[[1]]]}') is None
    True
    >>> json_text_problem(b'[' * 100 + b']' * 100)
    'JSON nested 100 levels deep (at most 64)'
    >>> data_problem({"topics": [{"title": "\\ud800"}]})
    'topics.0.title: lone surrogate U+D800 (not Unicode text)'
"""

from __future__ import annotations

import math

import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting of JSON arrays and objects a map may hold (its own structure needs 4)."""

MAX_NUMBER_DIGITS = 40
"""Longest run of digits in one JSON number (offsets and confidences need far fewer)."""

MAX_INPUT_BYTES = 64 * 2 ** 20
"""Largest input file (text, map or framework) a verb reads: 64 MiB, hundreds of times a
long book, which keeps a map loaded from it within a few gigabytes and refuses a device or
a pipe that never ends (``/dev/zero``) instead of reading it until memory runs out."""

MAX_LAYOUT_NODES = 300
"""Most boxes one diagram hands to Graphviz: beyond it a topic is drawn as a summary box.
``dot``'s time grows steeply with the depth of a topic (a chain of 100 statements takes
6 s, of 200 two minutes, of 2,000 gigabytes), and a diagram of hundreds of boxes cannot be
read anyway; the render time limit catches what stays slow below it."""

MAX_ARGUMENTS = 1_000_000
"""Most arguments a framework file may declare (``p af N``): each costs a few hundred bytes
before any search starts, so this bounds a solver's memory at a few hundred megabytes."""

_LONG_NUMBER = re.compile(rb"[0-9]{%d,}" % (MAX_NUMBER_DIGITS + 1))
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = [0] * 256
for _open, _close in (b"[]", b"{}"):
    _DEPTH_STEP[_open], _DEPTH_STEP[_close] = 1, -1


def json_text_problem(raw: bytes | str) -> str | None:
    """What makes JSON text ``raw`` too deep, too big-numbered or not Unicode, or ``None``.

    Strings are cut out first (a bracket or digit inside one counts for nothing), so the scan
    is a few passes in C over the text, however deeply it is nested.
    """
    if isinstance(raw, str):
        try:
            raw = raw.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"lone surrogate U+{ord(raw[exc.start]):04X} at character {exc.start} (not Unicode text)"
    # with escaped backslashes gone, a quote after a backslash is inside a string; the
    # others split the text into outside / inside / outside / ...
    outside_strings = b" ".join(raw.replace(b"\\\\", b"").replace(b'\\"', b"").split(b'"')[::2])
    depth = max(accumulate(map(_DEPTH_STEP.__getitem__, outside_strings.translate(None, _NOT_BRACKETS))),
                default=0)
    if depth > MAX_DEPTH:
        return f"JSON nested {depth} levels deep (at most {MAX_DEPTH})"
    long_number = _LONG_NUMBER.search(outside_strings)
    if long_number:
        digits = long_number.end() - long_number.start()
        return f"a number of {digits} digits (at most {MAX_NUMBER_DIGITS})"
    return None


def may_hold_surrogates(raw: bytes | str) -> bool:
    """True when JSON text ``raw`` has a ``\\uD800``–``\\uDFFF`` escape (then its strings need
    :func:`data_problem`; paired surrogates are fine, lone ones are not)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    return _SURROGATE_ESCAPE.search(data) is not None


def data_problem(data: Any, where: str = "", depth: int = 0) -> str | None:
    """The first place in parsed JSON ``data`` (or pydantic models) that cannot be written as
    UTF-8 JSON within the limits (a lone surrogate, nesting past :data:`MAX_DEPTH`, a huge
    integer), or ``None``; ``where`` and ``depth`` say where ``data`` itself sits.
    Iterative, so hostile depth cannot exhaust the stack."""
    for where, depth, value in _walk(data, where, depth):
        if depth > MAX_DEPTH and isinstance(value, (dict, list, tuple)):
            return f"{where or 'top level'}: nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return f"{where or 'top level'}: lone surrogate U+{ord(value[exc.start]):04X} (not Unicode text)"
        elif isinstance(value, int) and value.bit_length() > 3.33 * MAX_NUMBER_DIGITS:
            return f"{where or 'top level'}: a number of more than {MAX_NUMBER_DIGITS} digits"
        elif isinstance(value, float) and not math.isfinite(value):
            # Python's JSON readers take NaN and Infinity, but JSON has no such numbers
            return f"{where or 'top level'}: {value!r} is not a JSON number"
    return None


def _walk(data: Any, where: str, depth: int) -> Iterator[tuple[str, int, Any]]:
    stack: list[tuple[str, int, Any]] = [(where, depth, data)]
    while stack:
        where, depth, value = stack.pop()
        yield where, depth, value
        if depth > MAX_DEPTH:
            continue
        if hasattr(value, "model_extra"):  # a pydantic model: its fields and extra fields
            value = {**vars(value), **(value.model_extra or {})}
            yield where, depth, value
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                inner = _join(where, key)
                yield inner, depth + 1, key
                stack.append((inner, depth + 1, item))
        elif isinstance(value, (list, tuple)):
            stack.extend((_join(where, i), depth + 1, item) for i, item in reversed(list(enumerate(value))))


def _join(where: str, key: object) -> str:
    """``where.key``, the key written so that the message itself is always printable."""
    step = str(key).encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
    return f"{where}.{step}" if where else step
