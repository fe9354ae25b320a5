"""Statements whose place the layout gives (:class:`~argmap.extraction.layout.Item`) and
their links. Explicit structure wins over cue guessing: an item's side comes from its label,
speaker, heading or nesting, and what it answers from the layout; the cue reading of
:mod:`~argmap.extraction.statements` / :mod:`~argmap.extraction.linking` decides only the
prose around them.

An item of several sentences gives one statement per sentence (a sentence of a few words,
"Thank you, Chair.", joins the next). A reply to an item of several statements answers
them point by point: each sentence attacks the statement it shares most words with; a
sentence sharing none answers the last point when it opens the reply, else continues the
sentence before it (a pro sentence) or raises a new objection to the topic (a con one). An
opening case is answered as a whole unless a sentence plainly takes up one of its points.

Example:
    >>> from argmap.extraction.assemble import sentence_splitter
    >>> from argmap.extraction.layout import parse_layout
    >>> text = "Tolls\\n\\nFor: Tolls cut queues.\\nAgainst: Queues return within a year."
    >>> unit = parse_layout(text).units[0]
    >>> stmts = item_statements(text, unit, sentence_splitter(text, [0, 7, 29]))
    >>> [(l.kind, l.target) for l in link_members(text, [(unit, stmts)])]
    [('claim', None), ('critique', 0)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from argmap.extraction.cues import Tokens, tokens_of
from argmap.extraction.labels import FLIP
from argmap.extraction.layout import Item, Span, Unit
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.linking import Link, link_topic
from argmap.extraction.overlap import wording
from argmap.extraction.statements import Statement, acknowledges, read_sentence

_SHORT_SENTENCE_WORDS = 3
_TRIM = " \t\r\n,;:—–-*_"
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (what ``str.isalnum`` accepts)
# shared content words that show a reply takes up one point of an opening case
_OPENING_SHARED = 2


@dataclass
class PlacedStatement(Statement):
    """A statement of a layout item: its side and target come from ``item``."""

    item: Item | None = None
    # in a reviewer's comment, what it reports the reviewed authors arguing (their side, not the reviewer's)
    reported: bool = False


def _trim(text: str, span: Span) -> Span:
    s, e = span
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    while s < e and text[s] in _TRIM:
        s += 1
    return s, e


def _item_spans(text: str, item: Item, sentences: Callable[[Span], list[Span]]) -> list[Span]:
    if item.whole:
        return [_trim(text, item.span)]
    parts = [_trim(text, p) for p in sentences(item.span)]
    parts = [p for p in parts if p[0] < p[1]]
    out: list[Span] = []
    pending: int | None = None
    for s, e in parts:
        start = pending if pending is not None else s
        pending = None
        # (words counted up to one past the bound: a long sentence is not split whole)
        if len(parts) > 1 and len(text[s:e].split(None, _SHORT_SENTENCE_WORDS)) <= _SHORT_SENTENCE_WORDS:
            pending = start  # a short sentence ("No.", "Thank you, Chair.") joins the next one
            continue
        out.append((start, e))
    return out or parts[:1]


def _restates(text: str, span: Span, openers: Sequence[list[str]]) -> bool:
    words = text[span[0] : span[1]].lower().split()
    return any(words[: len(o)] == o for o in openers)


@dataclass(frozen=True)
class _ItemWords:
    """The lexicon's words item reading needs, read once per lexicon."""

    openers: tuple[list[str], ...]  # elaboration openers, split into words
    granting: frozenset[str]
    reviewed: frozenset[str]  # who a reviewer's comment answers ("the authors"), lower-cased
    confidence: float


@lru_cache(maxsize=8)
def _item_words(lex: Lexicon) -> _ItemWords:
    return _ItemWords(
        openers=tuple(o.split() for o in lex.words("item_labels", "elaboration_openers")),
        granting=frozenset(lex.words("connectives", "granting")),
        reviewed=frozenset(w.lower() for w in lex.words("sections", "reviewed")),
        confidence=lex.confidence["layout_item"],
    )


def item_statements(
    text: str, unit: Unit, sentences: Callable[[Span], list[Span]], lexicon: Lexicon | None = None,
    tokens: Tokens | None = None,
) -> list[Statement]:
    """The statements of ``unit.items``, in text order of their items.

    In the answer to a question or myth, a later sentence that opens by pointing back
    ("It allows …", "This means …") restates the answer and is left out."""
    if not unit.items:
        return []
    lex = lexicon or Lexicon.default()
    words = _item_words(lex)
    confidence, granting, reviewed = words.confidence, words.granting, words.reviewed
    out: list[Statement] = []
    if tokens is None and any(not item.whole for item in unit.items):
        tokens = tokens_of(text, lex)
    for item in unit.items:
        spans = _item_spans(text, item, sentences)
        if isinstance(item.answers, Item) and item.answers.whole:
            spans = spans[:1] + [sp for sp in spans[1:] if not _restates(text, sp, words.openers)]
        granted: set[Span] = set()
        voiced: dict[Span, Statement] = {}
        if not item.whole:
            # a sentence holding a second cue ("…, and studies found that …") is two statements,
            # and in the speaker's own voice "Maureen's right that X, but Y" grants X
            split = []
            for sp in spans:
                clauses = read_sentence(text, sp, lex, tokens)
                if item.voiced_only:
                    # a host's turn states only what it reports others saying
                    voiced.update((c.span, c) for c in clauses if c.marked)
                    continue
                if item.review:
                    voiced.update((c.span, c) for c in clauses if c.marked and (c.actor or "").lower() in reviewed)
                if len(clauses) == 1 and _contrast_in(tokens, sp):
                    own = read_sentence(text, sp, lex, tokens, own_voice=True)
                    given = {c.span for c, nxt in zip(own, own[1:]) if c.conceded and not nxt.conceded
                             and _grants(text[c.span[0] : c.span[1]], granting)}
                    if given:
                        clauses, granted = own, granted | given
                # "I understand the worry, but …": a bare acknowledgement grants no point
                split += [c.span for c, after in zip(clauses, clauses[1:] + [None])
                          if after is None or not acknowledges(tokens, c, lex)]
            spans = list(voiced) if item.voiced_only else split
        for span in spans:
            if not _ALNUM.search(text, *span):
                continue  # a label with nothing after it ("Myth: ;") states nothing
            said = voiced.get(span)
            turns = item.findings and _opens_on_contrast(tokens, span)  # "Results: … However, …"
            out.append(PlacedStatement(span=span, actor_role=item.stance, actor=said.actor if said else item.speaker,
                                       cue=said.cue if said else item.label,
                                       response=item.answers is not None, confidence=confidence,
                                       item=item, conceded=span in granted, reported=item.review and said is not None,
                                       connective="contrast" if turns else None))
    return out


def _opens_on_contrast(tokens: Tokens | None, span: Span) -> bool:
    """Whether a contrast connective ("However, …") opens ``span``."""
    if tokens is None:
        return False
    first = tokens.window(*span)[0]
    return bool(tokens.at(first, "conn:contrast"))


def _contrast_in(tokens: Tokens, span: Span) -> bool:
    """Whether a contrast connective ("but", "yet") starts inside ``span`` (a sorted look-up
    of the few connective positions, no pass over the tokens)."""
    return any(tokens.at(k, "conn:contrast") for k in tokens.positions("conn", *tokens.window(*span)))


def _grants(clause: str, granting: frozenset[str]) -> bool:
    """Whether the first clause of "X, but Y" in a speaker's own voice grants X ("Maureen's
    right that …", "Mr Cole's street may manage", "Imogen says …"), rather than being one
    point with its contrast ("Total independence is rare, but …")."""
    words = clause.lower().replace("’", "'").replace("'s ", " ").split()
    return not granting.isdisjoint(words)


def _answered(
    text: str, stmt: Statement, index: int, candidates: list[int], statements: Sequence[Statement],
    previous: int | None, side: str, *, to_opening: bool,
) -> int | None:
    """Which of ``candidates`` (positions of the answered statements) the ``index``-th
    sentence of a reply answers; ``previous`` is what the sentence before it answered.

    An opening case of several points (``to_opening``) is answered as a whole — an
    objection then attacks the topic — unless a sentence plainly takes up one of its points."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    best = wording(text).closest(stmt.span, [(c, statements[c].span) for c in candidates],
                                 at_least=_OPENING_SHARED if to_opening else 1)
    if best is not None:
        return best
    if side == "con" and (to_opening or index > 0):
        return None
    return candidates[-1] if index == 0 or previous is None else previous


@dataclass
class CrossLink(Link):
    """A link whose target is a statement of an earlier topic (a reply in a "Responses"
    section to the list entry it answers)."""

    answers: Statement | None = None


class TopicLinker:
    """Links the topics of one text in order, remembering every statement placed so far, so
    a reply section can answer statements of earlier topics.

    Example:
        >>> from argmap.extraction import extract_text
        >>> text = ("Fees\\n\\nCons\\n- Fees keep poorer readers away.\\n\\nResponses\\n\\n"
        ...         "Supporters reply that waivers keep poorer readers borrowing.")
        >>> m = extract_text(text)
        >>> [(e.source, e.relation, e.target) for e in m.edges]
        [('n1', 'attacks', 't1'), ('n2', 'attacks', 'n1')]
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._links: dict[int, list[Link]] = {}
        self._node_ids: dict[int, str] = {}

    def link(self, members: Sequence[tuple[Unit, list[Statement]]], section_stance: str | None = None) -> list[Link]:
        """The links of one topic's statements (see :func:`link_members`)."""
        links = link_members(self.text, members, section_stance)
        at = 0
        for unit, stmts in members:
            own = links[at : at + len(stmts)]
            at += len(stmts)
            if unit.answers_list is not None:
                own = self._replies(unit, own)
                links[at - len(stmts) : at] = own
            self._links[id(unit)] = own
        return links

    def _replies(self, unit: Unit, links: list[Link]) -> list[Link]:
        """Each statement of a reply section answers the statement of the other side, among
        the entries it replies to and the section's own earlier statements, that it shares
        most words with; without shared words it keeps the link its cues gave it."""
        answered = [l for entry in unit.answers_list or [] for l in self._links.get(id(entry), [])]
        out: list[Link] = []
        for link in links:
            pool = [l for l in answered + out if l.stance != link.stance]
            best = wording(self.text).closest(link.statement.span, [(l, l.statement.span) for l in pool])
            if best is None:
                out.append(link)
                continue
            kind = "critique" if link.stance == "con" else "rebuttal"
            out.append(CrossLink(link.statement, link.stance, kind, "attacks", None, answers=best.statement))
        return out

    def target_id(self, link: Link, node_id: str, topic_id: str, ids: Sequence[str]) -> str:
        """The id of what ``link`` points to, remembering ``node_id`` for later topics."""
        self._node_ids[id(link.statement)] = node_id
        if isinstance(link, CrossLink) and link.answers is not None:
            return self._node_ids[id(link.answers)]
        return topic_id if link.target is None else ids[link.target]


def link_members(
    text: str, members: Sequence[tuple[Unit, list[Statement]]], section_stance: str | None = None
) -> list[Link]:
    """Links of one topic's statements: the cue-read ones by
    :func:`~argmap.extraction.linking.link_topic`, the placed ones by their layout."""
    statements = [s for _, stmts in members for s in stmts]
    plain = [i for i, s in enumerate(statements) if not isinstance(s, PlacedStatement)]
    links: list[Link | None] = [None] * len(statements)
    answered = {u.stance for u in (members[0][0].answers_list or [])} if members else set()
    if section_stance is None and len(answered) == 1 and None not in answered:
        section_stance = FLIP[answered.pop()]  # "Assessment" after "Arguments against" answers them
    # under a heading naming one side's list every speaker speaks for it unless replying
    one_sided = section_stance if members and all(u.one_sided for u, _ in members) else None
    if len(plain) == len(statements):
        return link_topic(statements, section_stance, text, one_sided)  # prose only: nothing placed
    for pos, link in zip(plain, link_topic([statements[i] for i in plain], section_stance, text, one_sided)):
        link.target = None if link.target is None else plain[link.target]
        links[pos] = link
    body: dict[int, list[int]] = {}
    at = 0
    for unit, stmts in members:
        body[id(unit)] = [at + k for k, s in enumerate(stmts) if not isinstance(s, PlacedStatement)]
        at += len(stmts)
    of_item: dict[int, list[int]] = {}
    previous: dict[int, int | None] = {}
    reported: dict[int, int] = {}  # a reviewer's comment → the authors' point it reports
    for pos, stmt in enumerate(statements):
        if not isinstance(stmt, PlacedStatement) or stmt.item is None:
            continue
        item = stmt.item
        if item.review and (stmt.reported or id(item) in reported):
            # "The authors claim X. However, Y": X is the thesis side, the reviewer's Y attacks it
            if stmt.reported:
                reported[id(item)] = pos
                links[pos] = Link(stmt, FLIP[item.stance], "claim", "supports", None)
            else:
                links[pos] = Link(stmt, item.stance, "critique", "attacks", reported[id(item)])
            of_item.setdefault(id(item), []).append(pos)
            continue
        if item.findings and stmt.connective == "contrast" and of_item.get(id(item)):
            # "Results: … However, the effect faded": a limitation against the finding before it
            links[pos] = Link(stmt, FLIP[item.stance], "critique", "attacks", of_item[id(item)][-1])
            of_item[id(item)].append(pos)
            continue
        side = FLIP[item.stance] if stmt.conceded else item.stance  # the point granted is the other side's
        answered = item.answers
        if item.asked is not None and of_item.get(id(item.asked)):
            answered = item.asked  # the guest answers the objection the host voiced
        if answered is None:
            candidates: list[int] = []
        elif isinstance(answered, Unit):
            candidates = [c for c in body.get(id(answered), []) if links[c] is not None and links[c].stance != side]  # type: ignore[union-attr]
        else:
            candidates = of_item.get(id(answered), [])
            # a reply answers the points of the other side, not what the item it answers granted
            candidates = [c for c in candidates if links[c].stance != side] or candidates  # type: ignore[union-attr]
        index = len(of_item.get(id(item), []))
        to_opening = isinstance(answered, Item) and answered.answers is None
        quoted = None
        if index == 0 and item.quote and len(candidates) > 1:
            # a post that quotes a point of the one it answers opens by answering that point
            quoted = wording(text).closest(item.quote, [(c, statements[c].span) for c in candidates])
        target = quoted if quoted is not None else _answered(
            text, stmt, index, candidates, statements, previous.get(id(item)), side, to_opening=to_opening)
        of_item.setdefault(id(item), []).append(pos)
        previous[id(item)] = target
        target_side = None if target is None else links[target].stance  # type: ignore[union-attr]
        if item.supports and target is not None and target_side == side:
            links[pos] = Link(stmt, side, "critique" if side == "con" else "claim", "supports", target)
        elif side == "con":
            links[pos] = Link(stmt, side, "critique", "attacks", target)
        elif target is None or target_side == "pro":
            links[pos] = Link(stmt, side, "claim", "supports", target)
        else:
            links[pos] = Link(stmt, side, "rebuttal", "attacks", target)
    return [link for link in links if link is not None]
