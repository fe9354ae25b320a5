"""The report's critical-reading section (:mod:`argmap.analysis`): each finding in the text
marked where it is (a dotted underline in the highlighted text) and listed with a link to
its place, and the balance of each topic (statements and words per side, the last word).

The section comes from the ``reading.html`` template; the page index (``ix``) is the
report's, which knows where each statement is shown.

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
    from argmap.analysis import Analysis, Finding
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


def mark_open(analysis: Analysis, k: int, first: bool) -> str:
    """The opening tag of finding ``k``'s mark in the text (the first piece carries its anchor)."""
    from html import escape

    from argmap.analysis import CODES

    code = analysis.findings[k].code
    anchor = f' id="a{k}"' if first else ""
    return f'<mark class="cr cr-{escape(code)}" data-a="{k}"{anchor} title="{escape(CODES.get(code, code))}">'


def page_findings(analysis: Analysis, on_page: Any) -> list[int]:
    """The positions of the findings about what ``on_page(document_id, node_id)`` says is shown."""
    return [k for k, f in enumerate(analysis.findings) if on_page(f.document, f.node)]


def reading_section(analysis: Analysis, ks: Sequence[int], topics: Sequence[Topic], ix: Any,
                    marked: set[int]) -> str:
    """The section for the findings at positions ``ks`` and the balance of ``topics``;
    ``marked``: the findings marked in a text on this page (linked there)."""
    from markupsafe import Markup

    from argmap.analysis import CODES

    found: list[tuple[int, Finding]] = [(k, analysis.findings[k]) for k in ks]
    groups = []
    for code, label in CODES.items():
        items = []
        for k, f in found:
            if f.code != code:
                continue
            if k in marked:
                link = Markup(f'<a class="ref to-text" href="#a{k}">in text</a>')
            elif f.node:
                link = Markup(ix.ref(f.node))
            else:
                link = Markup("")
            items.append({"message": f.message, "link": link})
        if items:
            groups.append({"code": code, "label": label, "findings": items, "open": len(items) <= 8})
    wanted = {t.id for t in topics}
    position = ix.position
    balance = []
    for b in analysis.balance:
        if b.topic not in wanted:
            continue
        balance.append({"title": shorten(b.title, 60), "href": f"#t{position[b.topic]}", "pro": b.statements["pro"],
                        "pro_words": b.words["pro"], "con": b.statements["con"], "con_words": b.words["con"],
                        "more": {"pro": "pro", "con": "contra", "even": "even"}[b.more_space],
                        "last": {"pro": "pro", "con": "contra"}.get(b.last_word or "", "nobody"),
                        "last_ref": Markup(ix.ref(b.last_node)) if b.last_node else ""})
    from argmap.templating import environment

    return str(environment("argmap.reports").get_template("reading.html").render(
        section_id=SECTION_ID, intro=INTRO, groups=groups, balance=balance))


__all__ = ["SECTION_ID", "mark_open", "page_findings", "reading_section", "text_marks"]
