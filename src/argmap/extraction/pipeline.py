"""spaCy components: ``argmap_sentences`` (sentence starts that respect abbreviations and
quotes) and ``argmap_debates`` (the whole extraction).

Both run on ``spacy.blank("en")``; no model download is needed, and both are registered
through the ``spacy_factories`` entry point, so ``add_pipe`` finds them without an import of
argmap. The results live on the Doc:

- ``doc._.argmap``: the :class:`~argmap.model.ArgumentMap` (kept serialisable in
  ``doc._.argmap_data``, so ``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=2)`` work);
- ``doc.spans["argmap"]``: one span per node, labelled ``claim``/``critique``/``rebuttal``,
  with ``span.id_`` the node id and the extensions ``span._.argmap_node``,
  ``argmap_actor``, ``argmap_cue``, ``argmap_target``, ``argmap_relation``,
  ``argmap_confidence`` read from the map. A spaCy span covers whole tokens; the node's
  ``span`` (``span._.argmap_node.span``) holds the exact character offsets.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("argmap_sentences"); _ = nlp.add_pipe("argmap_debates")
    >>> doc = nlp("Parking\\n\\nCritics warn that fees hurt shops. Supporters reply that footfall rose.")
    >>> [n.kind for n in doc._.argmap.nodes]
    ['critique', 'rebuttal']
    >>> [(s.label_, s._.argmap_actor, s._.argmap_target) for s in doc.spans["argmap"]]
    [('critique', 'Critics', 't1'), ('rebuttal', 'Supporters', 'n1')]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import ensure_path

from argmap.extraction.doc_results import remember_offsets, remember_text, remembered_text  # importing it registers the extensions
from argmap.extraction.assemble import assemble
from argmap.extraction.cues import _pattern_tokenizer, offer_pattern_tokenizer, read_tokens
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.markup import reading_text

_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = set("”\"’')]»")
_OPENERS = set("“\"‘'(«¿¡")  # not "[": a citation mark after a full stop opens nothing

_CITATION_REACH = 3  # tokens of one bracketed mark: "[" "4" "]", "[" "citation" "needed" "]"
# tokenizer infixes that cut an encyclopedia's citation marks off the words they follow
# ("winter.[4]", "passage,[10]", "[5][6]"), so the full stop or comma before one is a token
CITATION_INFIXES = (r"[.,;:!?](?=\[)", r"\[", r"\](?=\[)")


def _after_citation_marks(strings, orth, after) -> None:  # noqa: ANN001 - numpy arrays
    """Mark the word after an encyclopedia's citation marks ("…each winter.[4][5] The …")
    as following terminal punctuation; only the few "]" tokens are looked at. A plain
    ``spacy.blank("en")`` tokenizer glues the opening bracket to the full stop
    ("winter.[4"), :func:`make_nlp`'s splits it off: both are read."""
    for j in numpy.flatnonzero(orth[:-1] == _CLOSE_BRACKET).tolist():
        m = j
        while m > 0:
            opening = next((b for b in range(m - 1, max(-1, m - _CITATION_REACH - 1), -1)
                            if "[" in strings[int(orth[b])]), None)
            if opening is None:
                break
            word = strings[int(orth[opening])]
            cut = word.find("[")
            before = word[:cut] if cut else (strings[int(orth[opening - 1])] if opening else "")
            if before.endswith("]") and not cut:
                m = opening - 1  # "[5][6]": look past the mark before
                continue
            if before[-1:] in ".!?":
                after[j + 1] = True
            break


# ORTH hash -> 1 for terminal punctuation, 2 for a closing quote or bracket; sorted keys so
# one ``searchsorted`` classifies every token of a Doc (a hash names the same string in
# every vocabulary, so the table serves all). The largest hash closes the table with code 0,
# so every position ``searchsorted`` gives is a key of it.
_PUNCT = sorted([(get_string_id(t), 1) for t in _TERMINAL] + [(get_string_id(t), 2) for t in _CLOSERS])
_PUNCT_KEYS = numpy.array([k for k, _ in _PUNCT] + [2**64 - 1], dtype="uint64")
_PUNCT_CODES = numpy.array([c for _, c in _PUNCT] + [0], dtype="int8")
_CLOSE_BRACKET = get_string_id("]")


def _punct_codes(orth: numpy.ndarray) -> numpy.ndarray:
    """Per ORTH hash: 1 terminal punctuation, 2 a closer, 0 anything else."""
    at = numpy.searchsorted(_PUNCT_KEYS, orth)
    return numpy.where(_PUNCT_KEYS[at] == orth, _PUNCT_CODES[at], 0)


def sentence_start_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence: the first token, and a token that follows
    terminal punctuation (possibly closed by quotes or brackets) and opens like a sentence.
    Abbreviations such as "U.S." are single tokens in spaCy's English tokenizer, so they
    never end a sentence here. Vectorised over token arrays: no Token objects are made, and
    only the few tokens after terminal punctuation are looked up as strings."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE, SPACY])  # uint64: ORTH holds string hashes
    words = numpy.flatnonzero(arr[:, 1] == 0)
    orth = arr[words, 0]
    codes = _punct_codes(orth)
    terminal = codes == 1
    after = numpy.zeros(len(words), dtype=bool)
    after[1:] = terminal[:-1]
    closing = codes == 2
    if closing.any():
        # a straight quote is both opener and closer: it closes a sentence only when glued to
        # the word before it ('…fees."'), not when it opens the next paragraph ('fees.\n\n"We …')
        closer = numpy.zeros(len(words), dtype=bool)
        closer[1:] = closing[1:] & (words[1:] == words[:-1] + 1) & (arr[words[:-1], 2] == 0)
        after[2:] |= closer[1:-1] & terminal[:-2]
        after[3:] |= closer[2:-1] & closer[1:-2] & terminal[:-3]
        after &= ~closer  # the closing quote of 'fees hurt."' ends its sentence, it opens none
    _after_citation_marks(strings, orth, after)
    starts = [0]
    found = numpy.flatnonzero(after)
    opening = _OPENING
    if len(opening) > _MAX_OPENING:
        opening.clear()
    for j, key, at in zip(found.tolist(), orth[found].tolist(), words[found].tolist()):
        kind = opening.get(key)
        if kind is None:
            kind = opening[key] = _opening_kind(strings[key])
        if kind == _QUOTE_MARK and j + 1 < len(words):
            # the next line of a quoted message ("…per plot.\n> The water bill …"): its
            # sentence starts after the quote mark, which belongs to no statement
            at, key = int(words[j + 1]), int(orth[j + 1])
            kind = opening.get(key)
            if kind is None:
                kind = opening[key] = _opening_kind(strings[key])
        if kind == _OPENS:
            starts.append(at)
    return starts


# how a word after terminal punctuation opens, by ORTH hash (a word's class, kept for all
# Docs): it opens a sentence (a capital, a digit, an opening quote or bracket), or it is a
# quoted line's ">" mark, or neither
_OPENS, _QUOTE_MARK, _NEITHER = 1, 2, 0
_OPENING: dict[int, int] = {}
_MAX_OPENING = 100_000


def _opening_kind(word: str) -> int:
    first = word[0]
    if first == ">":
        return _QUOTE_MARK
    return _OPENS if first.isupper() or first.isdigit() or first in _OPENERS else _NEITHER


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
    doc.from_array([SENT_START], values.view("uint64"))  # spaCy's own array type; -1 wraps
    return doc


class DebateExtractor:
    """The ``argmap_debates`` component: ``doc._.argmap`` becomes the doc's argument map and
    ``doc.spans["argmap"]`` its statements.

    The lexicon is the bundled one extended by ``lexicon_paths``, read when first needed:
    ``spacy.load`` restores the saved lexicon (``to_disk``) without the original files.
    """

    LEXICON_FILE = "lexicon.json"

    def __init__(self, nlp: Language, name: str, lexicon_paths: list[str]) -> None:
        self.name = name
        self.lexicon_paths = list(lexicon_paths)
        self._lexicon: Lexicon | None = None
        # the pipeline's tokenizer, for the copy of a wiki source that is read (its chunk cache
        # makes that second tokenization cheap)
        self._tokenizer = getattr(nlp, "tokenizer", None)

    @property
    def lexicon(self) -> Lexicon:
        """The cue lexicon this component reads with."""
        if self._lexicon is None:
            self._lexicon = Lexicon.load(*self.lexicon_paths)
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        # The cycle collector paused for one Doc: extraction allocates thousands of small
        # objects per Doc and frees almost all of them by reference counting, so the
        # collector's passes (which rescan every map a caller keeps) find nothing. The
        # caller's setting is restored on the way out, so a collector that was on runs
        # again right after.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._extract(doc)
        finally:
            if collecting:
                gc.enable()

    def _extract(self, doc: Doc) -> Doc:
        known = remembered_text(doc)
        if known is not None and (reading := reading_text(known)) is not known:
            return self._extract_reading(doc, known, reading)
        tokens = read_tokens([(0, doc)], known, self.lexicon)  # without the text, rebuilt from the tokens
        if known is None:
            remember_text(doc, tokens.text)  # the results' spans read the same text
        remember_offsets(doc, tokens.starts, tokens.ends)  # and are placed on these tokens
        if known is None and (reading := reading_text(tokens.text)) is not tokens.text:
            return self._extract_reading(doc, tokens.text, reading)
        marks = doc.to_array(SENT_START)
        if marks[1:].any():  # sentence starts set by argmap_sentences or another component
            # placed by the token table's offsets (a Doc's ``idx``)
            at = tokens.starts
            starts = [at[i] for i in numpy.flatnonzero(marks == 1).tolist()] or [0]
        else:
            starts = sentence_starts(doc)
        doc._.argmap = assemble(tokens.text, starts, self.lexicon, tokens=tokens)
        return doc

    def _extract_reading(self, doc: Doc, text: str, reading: str) -> Doc:
        """Wiki source: the page it renders is read (markup blanked, same length), so its
        sentences and cues are those of the copy; the spans stay the text's own."""
        shown = (self._tokenizer or _pattern_tokenizer())(reading)
        doc._.argmap = assemble(text, sentence_starts(shown), self.lexicon,
                                tokens=read_tokens([(0, shown)], reading, self.lexicon), reading=reading)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the whole lexicon (bundled words and the user's) as ``lexicon.json``."""
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        self.lexicon.to_file(directory / self.LEXICON_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DebateExtractor:
        """Read the lexicon :meth:`to_disk` saved."""
        self._lexicon = Lexicon.from_file(ensure_path(path) / self.LEXICON_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon as JSON bytes (``nlp.to_bytes()``)."""
        return self.lexicon.model_dump_json(by_alias=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> DebateExtractor:
        """Read the lexicon :meth:`to_bytes` wrote."""
        self._lexicon = Lexicon.model_validate_json(data)
        return self


@Language.factory("argmap_debates", default_config={"lexicon_paths": []})
def make_debate_extractor(nlp: Language, name: str, lexicon_paths: list[str]) -> DebateExtractor:
    """Factory registered with spaCy as ``argmap_debates``."""
    return DebateExtractor(nlp, name, lexicon_paths)


class CachingTokenizer(Tokenizer):
    """spaCy's tokenizer with its chunk cache filled as spaCy means it to be.

    The tokenizer caches the tokens of each white-space delimited chunk ("fees,", "(2023)"),
    but stops saving chunks for the rest of a Doc once one special case ("it's", "don't",
    "U.S.") has been read in it: the flag that guards the cache is set per Doc, not per
    chunk. Most texts have a special case early on, so most of their chunks are split by the
    affix regexes again in every later Doc, and a longer Doc loses more. This tokenizer
    tokenizes a chunk on its own (where the flag is clear) the second time a Doc holds it,
    so spaCy caches it like any other; its tokens are the ones spaCy gives that chunk
    anywhere. A chunk seen once costs a set look-up; at most ``max_cache_size`` chunks are
    filled in (spaCy's own bound), and none inside ``nlp.memory_zone()``, which caches nothing.
    Filling a chunk in costs one more tokenization of it, once: ``max_cache_size`` of them at
    most over the tokenizer's life (about 50 ms with spaCy's default of 10,000). A Doc that
    holds no chunk not yet filled in makes the tokenizer skip the look-up for the next Docs,
    twice as many after each such Doc (up to ``MAX_SKIPPED``) and none after a Doc with a new
    chunk: once a corpus's frequent chunks are cached, looking costs more than it finds.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> tok = CachingTokenizer(nlp.vocab, rules=nlp.tokenizer.rules,
        ...                        prefix_search=nlp.tokenizer.prefix_search,
        ...                        suffix_search=nlp.tokenizer.suffix_search,
        ...                        infix_finditer=nlp.tokenizer.infix_finditer,
        ...                        url_match=nlp.tokenizer.url_match)
        >>> [t.text for t in tok("It's late, (they said).")]
        ['It', "'s", 'late', ',', '(', 'they', 'said', ')', '.']
    """

    # chunks seen once are forgotten past this many (a few MB): most words of a text occur
    # once, and a frequent chunk turns up again long before
    MAX_SEEN = 50_000
    MAX_SKIPPED = 32  # Docs not looked at after one without a new chunk, at most

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        remember_text(doc, text)  # a Doc's text is the text it was made from: no need to rebuild it
        self._fill_cache(text)
        return doc

    def _flush_cache(self) -> None:
        # spaCy empties its cache whenever a rule or an affix pattern changes: what was
        # filled in must be filled in again
        super()._flush_cache()
        self.__dict__["_filled"], self.__dict__["_seen"] = set(), set()
        self.__dict__["_skip"] = self.__dict__["_skipping"] = 0

    def _fill_cache(self, text: str) -> None:
        filled: set[str] = self.__dict__.setdefault("_filled", set())
        if len(filled) >= self.max_cache_size or self.vocab.in_memory_zone:
            return
        state = self.__dict__
        if state.get("_skip"):
            state["_skip"] -= 1
            return
        chunks = text.split()
        if filled.issuperset(chunks):
            # the usual case once a corpus is under way: look less often
            state["_skip"] = state["_skipping"] = min(2 * state.get("_skipping", 0) or 1, self.MAX_SKIPPED)
            return
        state["_skipping"] = 0
        seen: set[str] = self.__dict__.setdefault("_seen", set())
        fresh = set(chunks)
        fresh -= filled
        again = fresh & seen
        seen |= fresh - again
        for chunk in again:
            Tokenizer.__call__(self, chunk)  # alone in a Doc, the chunk is cached
        filled |= again
        seen -= again
        if len(seen) > self.MAX_SEEN or len(filled) >= self.max_cache_size:
            seen.clear()


def make_nlp(lexicon_paths: tuple[str, ...] = ()) -> Language:
    """A blank English pipeline with argmap's two components.

    Example:
        >>> make_nlp().pipe_names
        ['argmap_sentences', 'argmap_debates']
    """
    import spacy

    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes or ()) + list(CITATION_INFIXES)
    blank = nlp.tokenizer
    offer_pattern_tokenizer(blank)  # spaCy's own, left unchanged: the cue phrases are split with it
    nlp.tokenizer = CachingTokenizer(
        nlp.vocab, rules=blank.rules, prefix_search=blank.prefix_search, suffix_search=blank.suffix_search,
        infix_finditer=compile_infix_regex(infixes).finditer, token_match=blank.token_match,
        url_match=blank.url_match, faster_heuristics=blank.faster_heuristics, max_cache_size=blank.max_cache_size)
    nlp.add_pipe("argmap_sentences")
    nlp.add_pipe("argmap_debates", config={"lexicon_paths": list(lexicon_paths)})
    return nlp


@lru_cache(maxsize=4)
def default_nlp(lexicon_paths: tuple[str, ...] = ()) -> Language:
    """A shared :func:`make_nlp` pipeline (building one takes a moment)."""
    return make_nlp(lexicon_paths)
