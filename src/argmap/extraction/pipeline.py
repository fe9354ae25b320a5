"""spaCy components: ``argmap_sentences`` (sentence starts that respect abbreviations and
quotes) and ``argmap_debates`` (the whole extraction, setting ``doc._.argmap``).

Both run on ``spacy.blank("en")``; no model download is needed.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("argmap_sentences"); _ = nlp.add_pipe("argmap_debates")
    >>> doc = nlp("Parking\\n\\nCritics warn that fees hurt shops. Supporters reply that footfall rose.")
    >>> [n.kind for n in doc._.argmap.nodes]
    ['critique', 'rebuttal']
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from argmap.extraction.assemble import assemble
from argmap.extraction.cues import read_tokens
from argmap.extraction.lexicon import Lexicon

_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = set("”\"’')]»")
_OPENERS = set("“\"‘'([«¿¡")

if not Doc.has_extension("argmap"):
    Doc.set_extension("argmap", default=None)


def sentence_start_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence: the first token, and a token that follows
    terminal punctuation (possibly closed by quotes or brackets) and opens like a sentence.
    Abbreviations such as "U.S." are single tokens in spaCy's English tokenizer, so they
    never end a sentence here. Vectorised over token arrays: no Token objects are made."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IDX, IS_SPACE])  # uint64: ORTH holds string hashes
    words = numpy.flatnonzero(arr[:, 2] == 0)
    orth = arr[words, 0]
    terminal = numpy.isin(orth, numpy.array([strings.add(t) for t in _TERMINAL], dtype="uint64"))
    closer = numpy.isin(orth, numpy.array([strings.add(t) for t in _CLOSERS], dtype="uint64"))
    after = numpy.zeros(len(words), dtype=bool)
    after[1:] = terminal[:-1]
    after[2:] |= closer[1:-1] & terminal[:-2]
    after[3:] |= closer[2:-1] & closer[1:-2] & terminal[:-3]
    starts = [0]
    for j in numpy.flatnonzero(after).tolist():
        first = strings[int(orth[j])][0]
        if first.isupper() or first.isdigit() or first in _OPENERS:
            starts.append(int(words[j]))
    return starts


def doc_text(doc: Doc) -> str:
    """``doc.text`` without building a Token object per token (several times faster)."""
    strings = doc.vocab.strings
    return "".join([strings[o] + " " if ws else strings[o] for o, ws in doc.to_array([ORTH, SPACY]).tolist()])


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets of :func:`sentence_start_tokens` (0 for an empty doc)."""
    return [doc[i].idx for i in sentence_start_tokens(doc)] or [0]


@Language.component("argmap_sentences")
def argmap_sentences(doc: Doc) -> Doc:
    """Set ``Token.is_sent_start`` on every token (so ``doc.sents`` works)."""
    if len(doc) == 0:
        return doc
    values = numpy.full((len(doc), 1), -1, dtype="int64")
    values[sentence_start_tokens(doc), 0] = 1
    doc.from_array([SENT_START], values.astype("uint64"))  # spaCy's own array type; -1 wraps
    return doc


class DebateExtractor:
    """The ``argmap_debates`` component: ``doc._.argmap`` becomes the doc's argument map."""

    def __init__(self, nlp: Language, name: str, lexicon_paths: list[str]) -> None:
        self.name = name
        self.lexicon = Lexicon.load(*lexicon_paths) if lexicon_paths else Lexicon.default()

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([SENT_START, IDX]).astype("int64")
        if arr[1:, 0].any():  # sentence starts set by argmap_sentences or another component
            starts = arr[arr[:, 0] == 1, 1].tolist() or [0]
        else:
            starts = sentence_starts(doc)
        text = doc_text(doc)
        doc._.argmap = assemble(text, starts, self.lexicon, tokens=read_tokens([(0, doc)], text, self.lexicon))
        return doc


@Language.factory("argmap_debates", default_config={"lexicon_paths": []})
def make_debate_extractor(nlp: Language, name: str, lexicon_paths: list[str]) -> DebateExtractor:
    """Factory registered with spaCy as ``argmap_debates``."""
    return DebateExtractor(nlp, name, lexicon_paths)


def make_nlp(lexicon_paths: tuple[str, ...] = ()) -> Language:
    """A blank English pipeline with argmap's two components.

    Example:
        >>> make_nlp().pipe_names
        ['argmap_sentences', 'argmap_debates']
    """
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("argmap_sentences")
    nlp.add_pipe("argmap_debates", config={"lexicon_paths": list(lexicon_paths)})
    return nlp


@lru_cache(maxsize=4)
def default_nlp(lexicon_paths: tuple[str, ...] = ()) -> Language:
    """A shared :func:`make_nlp` pipeline (building one takes a moment)."""
    return make_nlp(lexicon_paths)
