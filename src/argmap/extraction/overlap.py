"""Shared wording between two stretches of text: how a reply is paired with the point it
answers when the layout does not say ("As for random ticks, …" answers the point about
random ticks). Content words are compared by their Snowball (Porter 2) stems, so "abstain"
meets "abstaining" and "exempt" meets "exemptions".

Example:
    >>> sorted(content_stems("The fines would silence abstaining voters."))
    ['abstain', 'fine', 'silenc', 'voter']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any, TypeVar, Union

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

T = TypeVar("T")
Span = tuple[int, int]
# what is compared: free text, or one span or several spans of the document's text
Where = Union[str, Span, Sequence[Span]]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # noqa: ANN401 - snowballstemmer ships no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# word as written -> its stem, or None for a word that does not count (a stop word, a short
# word): a word's reading never changes, and the stemmer is pure Python
_STEMS: dict[str, str | None] = {}
# white-space delimited chunk as written ("fees,", "(CI)") -> the stems of its content words:
# a word never spans white space and the pattern looks at nothing around it, so a text's
# words are its chunks' words, and a chunk seen before is read with one look-up
_CHUNKS: dict[str, tuple[str, ...]] = {}
_MAX_STEMS = 100_000
_MAX_KEY = 64  # longer words and chunks (a run of text without spaces) are read, not remembered


def _learn(chunks: set[str]) -> dict[str, tuple[str, ...]]:
    """The stems of the content words of each chunk, remembered for the words and chunks of
    word size."""
    found = {chunk: _WORD.findall(chunk) for chunk in chunks}
    stop = _stop_words()
    read: dict[str, str | None] = {}
    content = []
    for word in {w for words in found.values() for w in words if w not in _STEMS}:
        lower = word.lower().replace("’", "'").split("'")[0]
        if lower in stop or (len(word) < 3 and not word.isupper()):
            read[word] = None
        else:
            content.append((word, lower))
    read.update(zip((w for w, _ in content), _stemmer().stemWords([lower for _, lower in content])))
    _STEMS.update((w, stem) for w, stem in read.items() if len(w) <= _MAX_KEY)
    out = {}
    for chunk, words in found.items():
        stems = out[chunk] = tuple(stem for w in words if (stem := read[w] if w in read else _STEMS[w]) is not None)
        if len(chunk) <= _MAX_KEY:
            _CHUNKS[chunk] = stems
    return out


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and short words left out; an
    acronym such as "CI" counts)."""
    chunks = text.split()
    known = _CHUNKS
    try:
        return frozenset(chain.from_iterable(map(known.__getitem__, chunks)))
    except KeyError:
        if len(_STEMS) > _MAX_STEMS or len(known) > _MAX_STEMS:
            _STEMS.clear()
            known.clear()
        fresh = _learn({c for c in chunks if c not in known})
        return frozenset(chain.from_iterable(fresh[c] if c in fresh else known[c] for c in chunks))


class Wording:
    """The content stems of stretches of one document's text, each span's computed once
    (the cache lives with the document and is keyed by offsets, not by long strings).

    Example:
        >>> w = Wording("Clones can be shallow. CI is slow. Large clones hurt.")
        >>> w.closest((0, 22), [("ci", (23, 34)), ("clone", (35, 53))])
        'clone'
        >>> w.closest("Continuous integration (CI) lags.", [("ci", (23, 34)), ("clone", (35, 53))])
        'ci'
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: dict[Span, frozenset[str]] = {}

    def stems(self, where: Where) -> frozenset[str]:
        """The content stems of free text, of a span, or of several spans together."""
        if isinstance(where, str):
            return content_stems(where)
        if where and isinstance(where[0], int):
            return self._of(where)  # type: ignore[arg-type]
        spans: Sequence[Span] = where  # type: ignore[assignment]
        if len(spans) == 1:
            return self._of(spans[0])
        return frozenset().union(*(self._of(s) for s in spans))

    def _of(self, span: Span) -> frozenset[str]:
        got = self._spans.get(span)
        if got is None:
            got = self._spans[span] = content_stems(self.text[span[0] : span[1]])
        return got

    def closest(self, where: Where, candidates: Sequence[tuple[T, Where]], at_least: int = 1) -> T | None:
        """The candidate whose wording shares most content stems with ``where`` (the earliest
        on a tie), or ``None`` when none shares ``at_least`` stems."""
        stems = self.stems(where)
        best, best_score = None, at_least - 1
        for value, wording in candidates:
            score = len(stems & self.stems(wording))
            if score > best_score:
                best, best_score = value, score
        return best


_CURRENT: list[Wording] = [Wording("")]


def wording(text: str) -> Wording:
    """The :class:`Wording` of the document ``text`` (the same object while one document is
    read; the next document's text starts a new one, so the cache does not grow)."""
    current = _CURRENT[0]
    if current.text is not text:
        current = _CURRENT[0] = Wording(text)
    return current
