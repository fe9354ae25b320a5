"""How verbs read their FILE arguments: a map JSON, or texts extracted on the fly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.commands._streams import STDIO, display_name, read_input, refuse_repeated_stdin
from argmap.errors import InputError
from argmap.io import looks_like_json, map_from_json

if TYPE_CHECKING:
    from spacy.language import Language

    from argmap.model import ArgumentMap

# How much of an input is looked at to tell a map JSON from a text.
_HEAD = 4096


def is_map_json(raw: bytes) -> bool:
    """True when ``raw`` is a JSON object whose ``"schema"`` is an ``argmap/…`` tag.

    Example:
        >>> is_map_json(b'{"schema": "argmap/1"}'), is_map_json(b'{"a": 1}'), is_map_json(b"Tolls.")
        (True, False, False)
    """
    if not looks_like_json(raw[:_HEAD]):
        return False
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and str(data.get("schema", "")).startswith("argmap/")


def _looks_like_map(path: str, raw: bytes) -> bool:
    return path.endswith(".json") or looks_like_json(raw[:_HEAD])


def load_inputs(paths: Sequence[str]) -> ArgumentMap:
    """One map from map JSON files and/or texts (texts go through extraction).

    A single map JSON is returned as it is; several texts are extracted into one map.
    Mixing maps and texts, or several maps, is an input error.
    """
    refuse_repeated_stdin(paths)
    raws = [read_input(p) for p in paths]
    maps = [_looks_like_map(p, raw) for p, raw in zip(paths, raws)]
    if maps == [True]:
        return map_from_json(raws[0], display_name(paths[0]))
    if any(maps):
        bad = paths[maps.index(True)]
        raise InputError(display_name(bad), "give either one map JSON or text files, not a mix or several maps")
    return extract_texts(paths)


def extract_texts(paths: Sequence[str], nlp: Language | None = None) -> ArgumentMap:
    """The map of text files (batched), ``-`` being a text read from standard input."""
    from argmap.extraction import decode_text, extract_files, extract_text, merge_maps

    refuse_repeated_stdin(paths)
    if STDIO not in paths:
        return extract_files(list(paths), nlp=nlp)
    maps = [extract_text(decode_text(read_input(p), display_name(p)), nlp=nlp) if p == STDIO
            else extract_files([p], nlp=nlp) for p in paths]
    return merge_maps(maps)
