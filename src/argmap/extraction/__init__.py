"""Extraction: essays in, argument maps out.

The pipeline is staged — :mod:`~argmap.extraction.layout` (sections, headings, items, Q/A)
→ :mod:`~argmap.extraction.statements` (clauses and their cues) →
:mod:`~argmap.extraction.linking` (kinds and edges) → :mod:`~argmap.extraction.assemble`
(the map) — and offered the spaCy way by :mod:`~argmap.extraction.pipeline`
(``nlp.add_pipe("argmap_debates")``). Cue words are data: :class:`Lexicon`.

Example:
    >>> m = extract_text("Tolls\\n\\nCritics warn that tolls hurt. Advocates counter that rebates help.")
    >>> [(n.kind, n.actor, n.cue) for n in m.nodes]
    [('critique', 'Critics', 'warn that'), ('rebuttal', 'Advocates', 'counter that')]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import InputError
from argmap.extraction.lexicon import Lexicon
from argmap.io import read_bytes
from argmap.model import ArgumentMap, Edge
from argmap.progress import progress

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Lexicon", "decode_text", "extract", "extract_files", "extract_text", "merge_maps", "read_text_file"]


def read_text_file(path: str | os.PathLike[str]) -> str:
    """A text file's content decoded as UTF-8 with newlines untouched (spans index it).

    Binary content and invalid UTF-8 raise :class:`InputError` naming the file.
    """
    return decode_text(read_bytes(path), path)


def decode_text(raw: bytes, path: str | os.PathLike[str] = "<text>") -> str:
    """Bytes of a text decoded as UTF-8, newlines untouched; errors name ``path``.

    Example:
        >>> decode_text(b"Tolls\\r\\nhurt.")
        'Tolls\\r\\nhurt.'
    """
    if b"\x00" in raw:
        raise InputError(path, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {exc.start})") from None


def _nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from argmap.extraction.pipeline import default_nlp

    return default_nlp()


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most ``limit`` characters, cut at paragraph breaks
    (else line breaks, else anywhere) so spaCy never sees more than its ``max_length``."""
    pieces, at = [], 0
    while len(text) - at > limit:
        window = text[at : at + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind("\r"))
        cut = cut + 1 if cut > 0 else limit
        pieces.append((at, text[at : at + cut]))
        at += cut
    pieces.append((at, text[at:]))
    return pieces


def _long_text_map(text: str, nlp: Language, source: str | None) -> ArgumentMap:
    from argmap.extraction.assemble import assemble
    from argmap.extraction.pipeline import sentence_starts

    from argmap.extraction.cues import read_tokens

    from argmap.extraction.markup import reading_text
    lexicon = nlp.get_pipe("argmap_debates").lexicon
    starts: list[int] = []
    reading = reading_text(text)  # wiki source reads as the page it renders (same length)
    docs = [(offset, nlp.make_doc(piece)) for offset, piece in _chunks(reading, nlp.max_length)]
    for offset, doc in docs:
        starts += [offset + s for s in sentence_starts(doc) if offset + s not in starts[-1:]]
    return assemble(text, sorted(set(starts)), lexicon, source=source, title=_stem(source),
                    tokens=read_tokens(docs, reading, lexicon), reading=None if reading is text else reading)


def _stem(source: str | None) -> str | None:
    return Path(source).stem if source else None


def _with_source(amap: ArgumentMap, source: str | None) -> ArgumentMap:
    """Record where the text came from; an untitled text takes its file name as title."""
    if source is None:
        return amap
    doc = amap.documents[0]
    doc.source = source
    if doc.title == "Untitled":
        doc.title = _stem(source)
        for topic in amap.topics:
            if topic.span is None and topic.title == "Untitled":
                topic.title = doc.title or topic.title
    return amap


def extract_text(text: str, *, source: str | None = None, nlp: Language | None = None) -> ArgumentMap:
    """The argument map of one text (``source`` is recorded as the document's origin).

    Texts longer than spaCy's ``max_length`` are tokenized piece by piece, not refused.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_text() takes a str, not {type(text).__name__}")
    pipeline = _nlp(nlp)
    if len(text) > pipeline.max_length:
        return _with_source(_long_text_map(text, pipeline, source), source)
    return _with_source(pipeline(text)._.argmap, source)


def extract(source: str | os.PathLike[str], *, nlp: Language | None = None) -> ArgumentMap:
    """The argument map of a file (a path) or of a text given directly.

    A ``str`` is read as a path when a file of that name exists, else as the text itself;
    pass a :class:`pathlib.Path` to insist on a file.

    Example:
        >>> extract("Critics warn that the tax is regressive.").nodes[0].kind
        'critique'
    """
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and os.path.isfile(source)
    ):
        return extract_files([os.fspath(source)], nlp=nlp)
    return extract_text(source, nlp=nlp)  # type: ignore[arg-type]


def extract_files(paths: Sequence[str | os.PathLike[str]], *, nlp: Language | None = None) -> ArgumentMap:
    """One map for several files (one document each), batched through ``nlp.pipe``.

    A progress bar is drawn on stderr for several files when stderr is a terminal.
    """
    pipeline = _nlp(nlp)
    names = [os.fspath(p) for p in paths]
    texts = [read_text_file(p) for p in names]
    maps: dict[int, ArgumentMap] = {}
    short = [i for i, t in enumerate(texts) if len(t) <= pipeline.max_length]
    docs = pipeline.pipe(texts[i] for i in short)
    for i, doc in progress(zip(short, docs), total=len(names), label="files"):
        maps[i] = _with_source(doc._.argmap, names[i])
    for i, text in enumerate(texts):
        if i not in maps:
            maps[i] = _with_source(_long_text_map(text, pipeline, names[i]), names[i])
    return merge_maps([maps[i] for i in range(len(names))])


def merge_maps(maps: Sequence[ArgumentMap]) -> ArgumentMap:
    """One map from several, renumbering documents ``d1…``, topics ``t1…`` and nodes ``n1…``.

    Example:
        >>> a = extract_text("Critics warn that X is bad.")
        >>> [t.id for t in merge_maps([a, a]).topics]
        ['t1', 't2']
    """
    if len(maps) == 1:
        return maps[0]
    documents, topics, nodes, edges = [], [], [], []
    for amap in maps:
        rename: dict[str, str] = {}
        for d in amap.documents:
            rename[d.id] = f"d{len(documents) + 1}"
            documents.append(d.model_copy(update={"id": rename[d.id]}))
        for t in amap.topics:
            rename[t.id] = f"t{len(topics) + 1}"
            topics.append(t.model_copy(update={"id": rename[t.id], "document": rename.get(t.document or "")}))
        for n in amap.nodes:
            rename[n.id] = f"n{len(nodes) + 1}"
            nodes.append(n.model_copy(update={"id": rename[n.id], "topic": rename[n.topic],
                                              "document": rename.get(n.document or "")}))
        edges += [Edge(source=rename[e.source], target=rename[e.target], relation=e.relation) for e in amap.edges]
    return ArgumentMap(documents=documents, topics=topics, nodes=nodes, edges=edges)
