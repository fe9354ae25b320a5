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
from typing import Any, TypeVar

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

T = TypeVar("T")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # noqa: ANN401 - snowballstemmer ships no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# word -> its stem: a word's stem never changes, and the stemmer is pure Python
_STEMS: dict[str, str] = {}
_MAX_STEMS = 100_000


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and short words left out; an
    acronym such as "CI" counts)."""
    stop = _stop_words()
    words = []
    for word in _WORD.findall(text):
        lower = word.lower().replace("’", "'").split("'")[0]
        if lower in stop or (len(word) < 3 and not word.isupper()):
            continue
        words.append(lower)
    stems = _STEMS
    missing = [w for w in words if w not in stems]
    if missing:
        if len(stems) > _MAX_STEMS:
            stems.clear()
        stems.update(zip(missing, _stemmer().stemWords(missing)))
    return frozenset(stems[w] for w in words)


def closest(text: str, candidates: Sequence[tuple[T, str]], at_least: int = 1) -> T | None:
    """The candidate whose wording shares most content stems with ``text`` (the earliest on
    a tie), or ``None`` when none shares ``at_least`` stems.

    Example:
        >>> closest("Clones can be shallow.", [("ci", "CI is slow."), ("clone", "Large clones hurt.")])
        'clone'
    """
    stems = content_stems(text)
    best, best_score = None, at_least - 1
    for value, wording in candidates:
        score = len(stems & content_stems(wording))
        if score > best_score:
            best, best_score = value, score
    return best
