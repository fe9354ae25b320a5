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

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extraction.assemble import assemble
from argmap.extraction.lexicon import Lexicon

_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = set("”\"’')]»")
_OPENERS = set("“\"‘'([«¿¡")

if not Doc.has_extension("argmap"):
    Doc.set_extension("argmap", default=None)


def sentence_start_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence: the first token, and any token after
    terminal punctuation (and closing quotes) that opens like a sentence. Abbreviations such
    as "U.S." are single tokens in spaCy's English tokenizer, so they never end one here."""
    starts = [0] if len(doc) else []
    after_terminal = False
    for tok in doc:
        if tok.is_space:
            continue
        text = tok.text
        if after_terminal and tok.i > 0:
            first = text[0]
            if first.isupper() or first.isdigit() or first in _OPENERS:
                starts.append(tok.i)
                after_terminal = False
                continue
        if text in _TERMINAL:
            after_terminal = True
        elif not (after_terminal and text in _CLOSERS):
            after_terminal = False
    return starts


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets of :func:`sentence_start_tokens` (0 for an empty doc)."""
    return [doc[i].idx for i in sentence_start_tokens(doc)] or [0]


@Language.component("argmap_sentences")
def argmap_sentences(doc: Doc) -> Doc:
    """Mark sentence starts (so ``doc.sents`` works); other tokens stay unmarked, which
    spaCy reads as "not a start"."""
    for i in sentence_start_tokens(doc):
        doc[i].is_sent_start = True
    return doc


class DebateExtractor:
    """The ``argmap_debates`` component: ``doc._.argmap`` becomes the doc's argument map."""

    def __init__(self, nlp: Language, name: str, lexicon_paths: list[str]) -> None:
        self.name = name
        self.lexicon = Lexicon.load(*lexicon_paths) if lexicon_paths else Lexicon.default()

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START"):
            starts = [sent.start_char for sent in doc.sents]
        else:
            starts = sentence_starts(doc)
        doc._.argmap = assemble(doc.text, starts, self.lexicon)
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
