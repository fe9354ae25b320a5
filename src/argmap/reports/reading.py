"""The report's critical-reading section (:mod:`argmap.analysis`): each finding in the text
marked where it is (a dotted underline in the highlighted text) and listed with a link to
its place, and the balance of each topic (statements and words per side, the last word).

The section comes from the ``reading.html`` template, the marks from ``text.html``; the page
index (``ix``) is the report's, which knows where each statement is shown.

Example:
    >>> from argmap.analysis import Analysis, Finding
    >>> a = Analysis([Finding("hedge", "hedge 'may'", "may", (3, 6), "d1")], [])
    >>> text_marks(a, {"d1": "It may rain."})
    {'d1': [(3, 6, 0)]}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.analysis import Analysis
    from argmap.model import Topic

SECTION_ID = "reading"
INTRO = ("Questions a careful reader asks of the text: who exactly says it, by whom a passive claim is made, "
         "how sure the writer is, which words judge rather than describe, what goes unanswered, and how much "
         "room each side gets. Findings in the text are underlined with dots there; each links to its place.")


def text_marks(analysis: Analysis, texts: Mapping[str, str | None]) -> dict[str, list[tuple[int, int, int]]]:
    """Document id → ``(start, end, k)`` of the findings to mark in its text (``k``: the
    finding's position in ``analysis.findings``), for findings that point into a known text."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for k, f in enumerate(analysis.findings):
        text = texts.get(f.document) if f.document else None
        if text is not None and f.span and 0 <= f.span[0] < f.span[1] <= len(text):
            out.setdefault(f.document, []).append((f.span[0], f.span[1], k))  # type: ignore[arg-type]
    return out


def page_findings(analysis: Analysis, on_page: Any) -> list[int]:
    """The positions of the findings about what ``on_page(document_id, node_id)`` says is shown."""
    return [k for k, f in enumerate(analysis.findings) if on_page(f.document, f.node)]


def reading_context(analysis: Analysis, ks: Sequence[int], topics: Sequence[Topic], ix: Any,
                    marked: set[int]) -> dict[str, Any]:
    """What ``reading.html`` shows: the findings at positions ``ks`` by kind and the balance
    of ``topics``; ``marked``: the findings marked in a text on this page (linked there),
    the others link to their statement (``ix.ref``, drawn by the ``ref`` macro)."""
    from argmap.analysis import CODES

    groups = []
    for code, label in CODES.items():
        items = [{"message": f.message, "mark": k if k in marked else None, "ref": ix.ref(f.node) if f.node else None}
                 for k, f in ((k, analysis.findings[k]) for k in ks) if f.code == code]
        if items:
            groups.append({"code": code, "label": label, "findings": items, "open": len(items) <= 8})
    wanted = {t.id for t in topics}
    balance = [{"title": shorten(b.title, 60), "href": f"#t{ix.position[b.topic]}", "pro": b.statements["pro"],
                "pro_words": b.words["pro"], "con": b.statements["con"], "con_words": b.words["con"],
                "more": {"pro": "pro", "con": "contra", "even": "even"}[b.more_space],
                "last": {"pro": "pro", "con": "contra"}.get(b.last_word or "", "nobody"),
                "last_ref": ix.ref(b.last_node) if b.last_node else None}
               for b in analysis.balance if b.topic in wanted]
    return {"section_id": SECTION_ID, "intro": INTRO, "groups": groups, "balance": balance}


__all__ = ["SECTION_ID", "page_findings", "reading_context", "text_marks"]
