"""Stage 4: from layout units and their linked statements to an :class:`ArgumentMap`.

Sentence boundaries come in as character offsets (from spaCy, see
:mod:`argmap.extraction.pipeline`), so this stage runs the same on one Doc or on a long text
processed section by section.

Example:
    >>> text = "Tolls\\n\\nCritics warn that tolls hurt. Proponents respond that rebates help."
    >>> m = assemble(text, [0, 7, 37])
    >>> [(n.kind, n.text) for n in m.nodes]
    [('critique', 'Critics warn that tolls hurt.'), ('rebuttal', 'Proponents respond that rebates help.')]
    >>> [(e.source, e.relation, e.target) for e in m.edges]
    [('n1', 'attacks', 't1'), ('n2', 'attacks', 'n1')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from argmap.extraction.layout import Span, Unit, parse_layout
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.items import TopicLinker, item_statements
from argmap.extraction.statements import Statement, has_argument, unit_statements
from argmap.model import ArgumentMap


def sentence_splitter(text: str, starts: Sequence[int]):  # noqa: ANN201 - a small closure
    """A function giving the sentence spans inside a span, from sorted sentence starts."""

    def sentences(span: Span) -> list[Span]:
        s, e = span
        cuts = [s] + [c for c in starts[bisect_right(starts, s) : bisect_right(starts, e - 1)]] + [e]
        out = []
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
        return out

    return sentences


def _debate_units(text: str, units: list[Unit], sentences, lex: Lexicon) -> list[tuple[Unit, list[Statement]]]:  # noqa: ANN001
    """Statements per unit; a plain sub-heading in a debate section that argues nothing ends
    that section, so later sub-headings of it are read as ordinary prose."""
    ended: set[int] = set()
    out = []
    for unit in units:
        if unit.debate_heading_id is not None and unit.debate_heading_id in ended:
            unit.debate_heading_id = None
        stmts = unit_statements(text, unit, sentences, lex) + item_statements(text, unit, sentences, lex)
        if unit.debate_heading_id is not None and unit.stance is None and not has_argument(stmts):
            ended.add(unit.debate_heading_id)
        if stmts:
            out.append((unit, stmts))
    return out


def assemble(
    text: str,
    sentence_starts: Sequence[int],
    lexicon: Lexicon | None = None,
    *,
    document_id: str = "d1",
    source: str | None = None,
    title: str | None = None,
) -> ArgumentMap:
    """The argument map of one text (ids ``t1…``, ``n1…``; the document keeps the text)."""
    lex = lexicon or Lexicon.default()
    layout = parse_layout(text, lex)
    sentences = sentence_splitter(text, sentence_starts)
    doc_title = layout.title or title or source or "Untitled"

    grouped: dict[tuple[str | None, Span | None], list[tuple[Unit, list[Statement]]]] = {}
    for unit, stmts in _debate_units(text, layout.units, sentences, lex):
        grouped.setdefault((unit.topic_title, unit.topic_span), []).append((unit, stmts))

    topics: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    linker = TopicLinker(text)
    for (topic_title, topic_span), members in grouped.items():
        topic_id = f"t{len(topics) + 1}"
        first_unit = members[0][0]
        topics.append(dict(
            id=topic_id,
            title=topic_title if topic_title is not None else doc_title,
            document=document_id,
            section=first_unit.section if topic_title is not None else None,
            span=topic_span if topic_title is not None else layout.title_span,
        ))
        statements = [s for _, stmts in members for s in stmts]
        ids = [f"n{len(nodes) + i + 1}" for i in range(len(statements))]
        for node_id, link in zip(ids, linker.link(members, first_unit.stance)):
            st = link.statement
            nodes.append(dict(
                id=node_id, kind=link.kind, topic=topic_id, document=document_id,
                text=text[st.span[0] : st.span[1]], span=st.span,
                actor=st.actor, cue=st.cue, confidence=st.confidence,
            ))
            target = linker.target_id(link, node_id, topic_id, ids)
            edges.append(dict(source=node_id, target=target, relation=link.relation))
    # one validation of plain data builds every nested model in pydantic's core, several
    # times faster than constructing thousands of models one by one
    return ArgumentMap.model_validate({
        "documents": [{"id": document_id, "title": doc_title, "source": source, "text": text}],
        "topics": topics,
        "nodes": nodes,
        "edges": edges,
    })
