"""Interchange formats: one registry of readers and writers, chosen by name or by file name.

Names follow networkx: ``read(path)`` / ``write(amap, path)`` work on files, ``parse(text,
format)`` / ``generate(amap, format)`` on strings. Each format module offers
``parse_<name>(text, source)`` and/or ``generate_<name>(amap)``; :data:`FORMATS` says which,
and which file endings select the format. What a format cannot carry is reported as
:class:`FormatWarning` (Python's :mod:`warnings`), never dropped silently.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> text = generate(ArgumentMap(topics=[Topic(id="t1", title="Tolls")]), "argdown")
    >>> [t.title for t in parse(text, "argdown").topics]
    ['Tolls']
    >>> format_for_path("debate.argdown"), format_for_path("graph.graphml")
    ('argdown', 'graphml')
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from argmap.errors import InputError

if TYPE_CHECKING:  # the model (pydantic) loads only when a map is read: argmap solve needs none
    from argmap.model import ArgumentMap


class FormatWarning(UserWarning):
    """Something in the input (or the map) that the target format or model cannot carry."""


@dataclass(frozen=True)
class Format:
    """One interchange format: the file endings that select it and, as ``module:function``
    names (under ``argmap.formats`` unless spelled out; imported on first use), its reader
    ``(text, source) -> ArgumentMap`` and writer ``(amap) -> str``."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: str | None = None
    writer: str | None = None

    @property
    def can_read(self) -> bool:
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        return self.writer is not None

    def parser(self) -> Callable[[str, str], ArgumentMap]:
        """``parse_<name>(text, source)``; an :class:`InputError` when the format is write-only."""
        if self.reader is None:
            raise InputError(self.name, f"argmap cannot read this format (readable: {', '.join(readable())})")
        return _load(self.reader)

    def generator(self) -> Callable[[ArgumentMap], str]:
        """``generate_<name>(amap)``; an :class:`InputError` when the format is read-only."""
        if self.writer is None:
            raise InputError(self.name, f"argmap cannot write this format (writable: {', '.join(writable())})")
        return _load(self.writer)


def _load(spec: str) -> Callable:  # type: ignore[type-arg]
    module, _, function = spec.partition(":")
    qualified = module if module.startswith("argmap.") else f"argmap.formats.{module}"
    return getattr(importlib.import_module(qualified), function)


def _format(name: str, suffixes: tuple[str, ...], description: str, module: str, *, reads: bool = True,
            writes: bool = True) -> Format:
    return Format(name, suffixes, description, f"{module}:parse_{name}" if reads else None,
                  f"{module}:generate_{name}" if writes else None)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("json", (".map.json", ".json"), "argmap/1 map JSON", "argmap.io:map_from_json", "argmap_json:dumps"),
        _format("argdown", (".argdown", ".ad"), "Argdown text", "argdown"),
        _format("aif", (".aif.json", ".aif"), "AIF JSON (AIFdb nodesets)", "aif"),
        _format("kialo", (".kialo.txt", ".kialo"), "Kialo discussion export text", "kialo"),
        _format("microtexts", (".xml",), "arg-microtexts arggraph XML", "microtexts", writes=False),
        Format("graphml", (".graphml",), "GraphML (yEd, Gephi, Cytoscape)", "networks:parse_graphml", "graphml:dumps"),
        _format("nodelink", (".nodelink.json",), "networkx node-link JSON", "networks"),
        _format("mermaid", (".mermaid.md",), "Markdown with a Mermaid flowchart per topic", "mermaid", reads=False),
        _format("apx", (".apx",), "the map's Dung framework, ASPARTIX apx", "iccma", reads=False),
        _format("tgf", (".tgf",), "the map's Dung framework, trivial graph format", "iccma", reads=False),
        _format("i23", (".af", ".i23"), "the map's Dung framework, ICCMA 2023", "iccma", reads=False),
    ]
}


def readable() -> list[str]:
    """Names of the formats argmap can read."""
    return [name for name, f in FORMATS.items() if f.can_read]


def writable() -> list[str]:
    """Names of the formats argmap can write."""
    return [name for name, f in FORMATS.items() if f.can_write]


def get_format(name: str) -> Format:
    """The :class:`Format` called ``name``; an unknown name is an :class:`InputError`."""
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(name, f"unknown format (known: {', '.join(FORMATS)})") from None


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name selects by its ending (longest ending first), or ``None``."""
    name = Path(path).name.lower()
    best: tuple[int, str] | None = None
    for f in FORMATS.values():
        for suffix in f.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), f.name)
    return best[1] if best else None


def sniff(text: str) -> str | None:
    """Guess a readable format from the content (``None`` when it looks like none of them).

    Example:
        >>> sniff('{"schema": "argmap/1"}'), sniff('{"nodes": [{"nodeID": "1"}]}')
        ('json', 'aif')
        >>> sniff("Discussion Title: Tolls\\n\\n1. Tolls should be tried."), sniff("Some essay.")
        ('kialo', None)
    """
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("{"):
        if re.match(r'\{\s*"schema"\s*:', head):
            return "json"  # how argmap writes a map: extra fields later on may hold any key
        if '"multigraph"' in head or '"links"' in head:
            return "nodelink"  # checked first: its graph attributes hold an argmap schema tag
        if '"schema"' in head:
            return "json"
        if '"nodeID"' in head or '"locutions"' in head:
            return "aif"
        return None
    if head.startswith("<"):
        if "<arggraph" in head:
            return "microtexts"
        if "<graphml" in head:
            return "graphml"
        return None
    if head.startswith("Discussion Title:"):
        return "kialo"
    if head.startswith("===\n"):
        return "argdown"  # YAML front matter
    return None


def parse(text: str, format: str, source: str | None = None) -> ArgumentMap:
    """Read ``text`` in ``format``; problems are :class:`InputError` naming ``source``, the
    line and column, and what was expected."""
    return get_format(format).parser()(text, source or f"<{format}>")


def generate(amap: ArgumentMap, format: str) -> str:
    """``amap`` written in ``format`` as a string. Control characters in the map's text (an
    escape, U+0001) are written as their control pictures (``␛``, ``␁``) in every format but
    JSON (which escapes them itself), so no output drives a terminal; GraphML shows the white
    space ones (a form feed) that way too, as XML cannot hold them."""
    from argmap.text import visible_controls

    spec = get_format(format)
    text = spec.generator()(amap)
    return text if any(s.endswith(".json") for s in spec.suffixes) else visible_controls(text, spaces=False)


def detect(path: str | os.PathLike[str], text: str | None = None) -> str | None:
    """The format of a file: by its ending, else (for ``.json``, ``.txt`` and unknown endings)
    by its content."""
    by_name = format_for_path(path)
    if by_name not in (None, "json"):
        return by_name
    if text is None:
        from argmap.io import read_bytes

        text = read_bytes(path)[:4096].decode("utf-8", errors="replace")
    return sniff(text) or by_name


def read(path: str | os.PathLike[str], format: str | None = None) -> ArgumentMap:
    """The map in a file of any readable format (``format`` by name, else from the file).

    Example:
        >>> import os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "m.argdown")
        >>> _ = open(p, "w").write("# Tolls\\n\\n[a]: Tolls cut traffic.\\n  - [b]: They hurt the poor.\\n")
        >>> [(n.id, n.kind) for n in read(p).nodes]
        [('a', 'claim'), ('b', 'critique')]
    """
    from argmap.io import read_bytes

    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    fmt = format or detect(path, text)
    if fmt is None:
        raise InputError(path, f"cannot tell the format (give one of: {', '.join(readable())})")
    return parse(text, fmt, str(path))


def write(amap: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write ``amap`` to ``path`` in ``format`` (else the one its ending selects), atomically:
    a failure leaves no half-written file."""
    from argmap.io import atomic_write

    fmt = format or format_for_path(path)
    if fmt is None:
        raise InputError(path, f"cannot tell the format from the file name (use one of: {', '.join(writable())})")
    atomic_write(path, generate(amap, fmt))
