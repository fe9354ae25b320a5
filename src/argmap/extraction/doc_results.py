"""Extraction results on a spaCy Doc: the map in ``doc._.argmap``, the nodes in
``doc.spans["argmap"]``.

``user_data`` must stay msgpack-serialisable (``Doc.to_bytes``, ``DocBin(store_user_data=True)``
and ``nlp.pipe(n_process=2)`` all go through it), so the map is kept there as JSON-ready data
(``doc._.argmap_data``, without the text the Doc already holds) and ``doc._.argmap`` is a
getter that validates it back into an :class:`~argmap.model.ArgumentMap` once per Doc.

The span extensions are getters too: they read the node whose id is ``span.id_``, so the map
stays the one truth and the spans add nothing to serialise. A spaCy span covers whole tokens;
the exact character offsets are the node's (``span._.argmap_node.span``).

Example:
    >>> import spacy
    >>> from argmap.model import ArgumentMap
    >>> doc = spacy.blank("en")("Tolls. Critics warn that tolls hurt.")
    >>> doc._.argmap = ArgumentMap.model_validate({
    ...     "documents": [{"id": "d1", "text": doc.text}], "topics": [{"id": "t1", "title": "Tolls"}],
    ...     "nodes": [{"id": "n1", "kind": "critique", "topic": "t1", "text": "Critics warn that tolls hurt.",
    ...                "span": [7, 36], "actor": "Critics"}],
    ...     "edges": [{"source": "n1", "target": "t1", "relation": "attacks"}]})
    >>> [(s.text, s.label_, s._.argmap_actor, s._.argmap_relation, s._.argmap_target) for s in doc.spans["argmap"]]
    [('Critics warn that tolls hurt.', 'critique', 'Critics', 'attacks', 't1')]
    >>> "text" in doc._.argmap_data["map"]["documents"][0]  # the Doc holds the text
    False
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any
from weakref import WeakKeyDictionary

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from argmap.extraction.cues import doc_words
from argmap.model import ArgumentMap, Edge, Node

SPANS_KEY = "argmap"
"""The ``doc.spans`` key of the node spans (``displacy.render(doc, style="span",
options={"spans_key": SPANS_KEY})``)."""

_TEXT_FROM_DOC = "text_from_doc"  # marks a text left out of the stored data: it is the Doc's


class _Read:
    """The map of a Doc as read from its data, with the lookups the span getters need (the
    edges by source built on the first look-up: extraction itself needs none)."""

    __slots__ = ("data", "amap", "nodes", "_out_edges")

    def __init__(self, data: dict[str, Any], amap: ArgumentMap) -> None:
        self.data = data
        self.amap = amap
        self.nodes = {n.id: n for n in amap.nodes}
        self._out_edges: dict[str, Edge] | None = None

    @property
    def out_edges(self) -> dict[str, Edge]:
        """Node id → its first outgoing edge."""
        if self._out_edges is None:
            self._out_edges = {}
            for edge in self.amap.edges:
                self._out_edges.setdefault(edge.source, edge)
        return self._out_edges


_READ: WeakKeyDictionary[Doc, _Read] = WeakKeyDictionary()
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_OFFSETS: WeakKeyDictionary[Doc, tuple[list[int], list[int]]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text`` without building a Token object per token (several times faster).

    Example:
        >>> import spacy
        >>> doc_text(spacy.blank("en")("Tolls, they say,  hurt."))
        'Tolls, they say,  hurt.'
    """
    text = _TEXTS.get(doc)
    if text is None:  # a Doc's text never changes: the extraction and its results share one copy
        text = _TEXTS[doc] = doc_words(doc)[3]
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``doc``'s text when it is already known (:func:`doc_text` then returns it)."""
    _TEXTS[doc] = text


def remembered_text(doc: Doc) -> str | None:
    """``doc``'s text if it was recorded (by the tokenizer that made it), else ``None``."""
    return _TEXTS.get(doc)


def _compact(data: dict[str, Any], text: str) -> dict[str, Any]:
    """Leave out the texts a one-document map shares with its Doc (document and node texts)."""
    docs = data["documents"]
    if len(docs) != 1 or docs[0].get("text") != text:
        return data
    docs[0].pop("text")
    docs[0][_TEXT_FROM_DOC] = True
    for node in data["nodes"]:
        span = node.get("span")
        if span is not None and node["text"] == text[span[0] : span[1]]:
            node.pop("text")
            node[_TEXT_FROM_DOC] = True
    return data


def _expand(data: dict[str, Any], text: str) -> dict[str, Any]:
    """The inverse of :func:`_compact` (on a copy: the stored data stays as it is)."""
    out = dict(data)
    out["documents"] = [_restore(d, text) for d in data["documents"]]
    out["nodes"] = [_restore(n, text[n["span"][0] : n["span"][1]]) if _TEXT_FROM_DOC in n else n
                    for n in data["nodes"]]
    return out


def _restore(item: dict[str, Any], text: str) -> dict[str, Any]:
    if _TEXT_FROM_DOC not in item:
        return item
    out = {k: v for k, v in item.items() if k != _TEXT_FROM_DOC}
    out["text"] = text
    return out


def _read(doc: Doc) -> _Read | None:
    data = doc._.argmap_data
    if data is None:
        return None
    cached = _READ.get(doc)
    if cached is None or cached.data is not data:
        cached = _READ[doc] = _Read(data, ArgumentMap.model_validate(_expand(data["map"], doc_text(doc))))
    return cached


def get_map(doc: Doc) -> ArgumentMap | None:
    """``doc._.argmap``: the map, validated from ``doc._.argmap_data`` once per Doc."""
    read = _read(doc)
    return None if read is None else read.amap


def _without_outer_space(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its ends (a white-space token there is no part of
    the statement), unless it is nothing but white space."""
    chars = text[start:end]
    if not chars.strip():
        return start, end
    return start + len(chars) - len(chars.lstrip()), end - len(chars) + len(chars.rstrip())


def set_map(doc: Doc, amap: ArgumentMap | None) -> None:
    """``doc._.argmap = amap``: store the map as data and its nodes as ``doc.spans["argmap"]``.

    Nodes get spans when the map reads this Doc's text (one document holding ``doc.text``);
    each spaCy span is the smallest run of tokens covering the node's characters (white
    space at their ends aside), found by bisection over the tokens' offsets, as
    ``doc.char_span(start, end, alignment_mode="expand")`` finds it (a Doc's tokens and their
    white space tile its text).
    """
    if amap is None:
        doc._.argmap_data = None
        doc.spans[SPANS_KEY] = []
        return
    data = {"map": _compact(amap._take_dump(), doc_text(doc))}
    doc._.argmap_data = data
    _READ[doc] = read = _Read(data, amap)
    spans = []
    if data["map"]["documents"] and _TEXT_FROM_DOC in data["map"]["documents"][0] and len(doc):
        text = doc_text(doc)
        length = len(text)
        offsets = _OFFSETS.pop(doc, None)
        if offsets is None:
            arr = doc.to_array([IDX, LENGTH]).astype("int64")
            offsets = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
        starts, ends = offsets
        for node in read.nodes.values():
            if node.span is None:
                continue
            start, end = node.span
            if start >= end:
                continue
            if text[start : start + 1].isspace() or text[end - 1 : end].isspace():
                start, end = _without_outer_space(text, start, end)  # extracted statements are trimmed
            if not (0 <= start < length and 0 < end <= length):
                continue  # where ``char_span`` gives no span
            first = bisect_right(starts, start) - 1
            if start == ends[first]:
                first += 1  # in the white space after a token: the span starts at the next one
            spans.append(Span(doc, first, bisect_right(starts, end - 1), label=node.kind, span_id=node.id))
    doc.spans[SPANS_KEY] = spans


def remember_offsets(doc: Doc, starts: list[int], ends: list[int]) -> None:
    """Record the character offsets of ``doc``'s tokens (start, end without white space) when
    already known; the next :func:`set_map` places the node spans with them."""
    _OFFSETS[doc] = (starts, ends)


def _node(span: Span) -> Node | None:
    read = _read(span.doc)
    return None if read is None else read.nodes.get(span.id_)


def _edge(span: Span) -> Edge | None:
    read = _read(span.doc)
    return None if read is None else read.out_edges.get(span.id_)


def _field(name: str):  # noqa: ANN202 - a getter factory
    def getter(span: Span) -> Any:
        node = _node(span)
        return None if node is None else getattr(node, name)

    return getter


def _register() -> None:
    """The extensions, registered once (names prefixed ``argmap_`` so they clash with no one's)."""
    if not Doc.has_extension("argmap_data"):
        Doc.set_extension("argmap_data", default=None)
    if not Doc.has_extension("argmap"):
        Doc.set_extension("argmap", getter=get_map, setter=set_map)
    getters = {
        "argmap_node": _node,
        "argmap_actor": _field("actor"),
        "argmap_cue": _field("cue"),
        "argmap_confidence": _field("confidence"),
        "argmap_target": lambda span: None if (e := _edge(span)) is None else e.target,
        "argmap_relation": lambda span: None if (e := _edge(span)) is None else e.relation,
    }
    for name, getter in getters.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


_register()
