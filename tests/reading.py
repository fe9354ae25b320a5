"""What the reading tests look at in a map extracted from a short text written for them."""

from __future__ import annotations

from argmap.extraction import extract_text


def kinds(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of every statement, in order."""
    return [(n.kind, n.text) for n in extract_text(text).nodes]


def text_edges(text: str) -> list[tuple[str, str, str]]:
    """``(source text, relation, target text or topic title)`` of every edge."""
    m = extract_text(text)
    by_id = {n.id: n.text for n in m.nodes} | {t.id: t.title for t in m.topics}
    return [(by_id[e.source], e.relation, by_id[e.target]) for e in m.edges]
