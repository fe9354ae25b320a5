"""How verbs read their FILE arguments: a map JSON, a file in any format the registry reads
(:mod:`argmap.formats`), or texts extracted on the fly."""

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
SNIFF_BYTES = 4096


def is_map_json(raw: bytes) -> bool:
    """True when ``raw`` is a JSON object whose ``"schema"`` is an ``argmap/…`` tag.

    Example:
        >>> is_map_json(b'{"schema": "argmap/1"}'), is_map_json(b'{"a": 1}'), is_map_json(b"Tolls.")
        (True, False, False)
    """
    if not looks_like_json(raw[:SNIFF_BYTES]):
        return False
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and str(data.get("schema", "")).startswith("argmap/")


def _looks_like_map(path: str, raw: bytes) -> bool:
    return path.endswith(".json") or looks_like_json(raw[:SNIFF_BYTES])


def _text_by_name(path: str) -> bool:
    """Whether FILE's name says it is plain text (``.txt``), whatever its content looks like."""
    from argmap.formats import format_for_path

    return path != STDIO and path.lower().endswith(".txt") and format_for_path(path) is None


def input_format(path: str, raw: bytes, fmt: str | None = None) -> str | None:
    """The registry format FILE is in (``--from``, else its ending, else its content), or
    ``None`` for a text to extract.

    Example:
        >>> input_format("debate.argdown", b"[a]: x"), input_format("essay.txt", b"Tolls are debated.")
        ('argdown', None)
    """
    from argmap.formats import detect

    if fmt is not None:
        return fmt
    head = raw[:SNIFF_BYTES].decode("utf-8", errors="replace")
    found = detect(path if path != STDIO else "-", head)
    if found is None and _looks_like_map(path, raw):
        return "json"  # a JSON that is no known format: the map loader says what is wrong with it
    return found


def read_format(path: str, raw: bytes, fmt: str) -> ArgumentMap:
    """FILE read by the registry; what the format could not carry is printed as warnings."""
    import warnings

    import click

    from argmap.formats import FormatWarning, parse

    name = display_name(path)
    if fmt == "json":
        return map_from_json(raw, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FormatWarning)
        amap = parse(text, fmt, name)
    ctx = click.get_current_context(silent=True)
    verb = f"argmap {ctx.info_name}" if ctx is not None and ctx.info_name else "argmap"
    for w in caught:
        click.echo(f"{verb}: warning: {w.message}", err=True)
    return amap


def load_inputs(paths: Sequence[str], fmt: str | None = None) -> ArgumentMap:
    """One map from a map JSON or another readable format, or from texts (extracted).

    ``fmt`` (else the verb's ``--from``) names the format of a single FILE; without it the
    format is told by the file's ending or content. A single map is returned as it is;
    several texts are extracted into one map. Mixing maps and texts, or several maps, is an
    input error.
    """
    import click

    from argmap.commands._options import FROM_KEY

    ctx = click.get_current_context(silent=True)
    fmt = fmt or (ctx.meta.get(FROM_KEY) if ctx is not None else None)
    refuse_repeated_stdin(paths)
    raws = [read_input(p) for p in paths]
    if fmt is not None and len(paths) != 1:
        raise InputError(display_name(paths[0]), f"--from {fmt} reads one FILE, not {len(paths)}")
    formats = [input_format(p, raw, fmt) for p, raw in zip(paths, raws)]
    if len(paths) > 1 and None in formats:
        # among texts, a ".txt" whose content reads like an outline format (a Kialo export
        # saved as text) is one more text: the extractor reads its layout, spans and all
        formats = [None if f is not None and _text_by_name(p) else f for p, f in zip(paths, formats)]
    maps = [f is not None for f in formats]
    if maps == [True]:
        return read_format(paths[0], raws[0], formats[0])  # type: ignore[arg-type]
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
