"""Cutting a document's text into pieces at statement boundaries, for highlighting.

A span is ``(start, end, key)`` with offsets into the text (end exclusive). Every boundary
cuts the text; each piece carries the keys of the spans covering it, outermost first, so
overlapping spans (which extraction never makes, but hand-made maps may) still nest
properly when each piece opens and closes its own marks.

Example:
    >>> segments("ab cd ef", [(3, 5, "n1")])
    [('ab ', ()), ('cd', ('n1',)), (' ef', ())]
    >>> segments("abcdef", [(0, 4, "x"), (2, 6, "y")])
    [('ab', ('x',)), ('cd', ('x', 'y')), ('ef', ('y',))]
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def segments(text: str, spans: Sequence[tuple[int, int, K]]) -> list[tuple[str, tuple[K, ...]]]:
    """``(piece, covering keys)`` for consecutive pieces of ``text`` (together exactly ``text``).

    Offsets are clamped to the text; empty spans cover nothing. Covering keys are ordered
    outermost first (earlier start, then longer, then input order).
    """
    size = len(text)
    clamped = [(max(0, min(a, size)), max(0, min(b, size)), k) for a, b, k in spans]
    live = sorted(((a, b, i, k) for i, (a, b, k) in enumerate(clamped) if a < b),
                  key=lambda s: (s[0], -s[1], s[2]))
    starts: dict[int, list[tuple[int, int, int, K]]] = {}
    for s in live:
        starts.setdefault(s[0], []).append(s)
    cuts = sorted({0, size} | {s[0] for s in live} | {s[1] for s in live})
    rank = {s[2]: r for r, s in enumerate(live)}  # nesting order, fixed once
    active: dict[int, tuple[int, int, int, K]] = {}
    pieces: list[tuple[str, tuple[K, ...]]] = []
    for a, b in zip(cuts, cuts[1:]):
        for s in [s for s in active.values() if s[1] <= a]:
            del active[s[2]]
        for s in starts.get(a, []):
            active[s[2]] = s
        keys = tuple(s[3] for s in sorted(active.values(), key=lambda s: rank[s[2]]))
        pieces.append((text[a:b], keys))
    return pieces
