"""Stage 2: statements. Sentences of a unit are split into clause-level statements and each
is read for its cue: who speaks (actor), how (reporting verb or framing phrase), and so
which side it takes. Stance that depends on neighbours ("others insist …") is resolved
later, in :mod:`argmap.extraction.linking`.

Example:
    >>> text = "Critics argue that tolls are unfair; supporters contend that they work."
    >>> [(text[s.span[0]:s.span[1]], s.actor_role, s.cue) for s in read_sentence(text, (0, len(text)))]
    [('Critics argue that tolls are unfair', 'con', 'argue that'), ('supporters contend that they work.', 'pro', 'contend that')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argmap.extraction.layout import Span, Unit
from argmap.extraction.lexicon import Lexicon

_TRIM_END = " \t\r\n,;:—–-"
_MIN_OPENER_WORDS = 6


@dataclass
class Statement:
    """One clause-level statement candidate.

    ``actor_role`` is ``pro``/``con`` for stance-bearing actors or framing, ``opposite`` /
    ``same`` for "others" / "they", ``group`` for a named group, ``None`` for an unmarked
    opener whose stance the unit's context decides. ``response`` marks answers ("respond",
    "fire back", "A:", "Fact:").
    """

    span: Span
    actor_role: str | None
    verb_class: str = "neutral"
    response: bool = False
    actor: str | None = None
    cue: str | None = None
    confidence: float = 0.9

    @property
    def marked(self) -> bool:
        return self.actor_role is not None


def _trim(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _read_cue(text: str, start: int, end: int, lex: Lexicon, *, strict: bool) -> Statement | None:
    """The cue a clause opens with (``strict``: no lead-in phrase allowed, only a connective)."""
    m = lex.clause_cue.match(text, start, end)
    if m and not (strict and "," in m.group("lead")):
        verb = m.group("verb") or m.group("cverb")
        after = m.end()
        if strict and re.match(r"\s*,", text[after:end]) and not m.group("that"):
            return None  # ", some argue," is an aside inside a clause, not a new clause
        head = m.group("head")
        role = lex.actor_stance(head)
        actor = m.group("actor")
        modifiers = text[m.start("actor") : m.start("head")].lower().split()
        if role in ("pro", "con") and any(w not in lex.words("quantifiers") for w in modifiers):
            role = None  # "disability advocates" speak for a group, not for the thesis
        if any(w.startswith("anti-") for w in modifiers):
            role = "con"  # "anti-nuclear campaigners"
        elif any(w.startswith("pro-") for w in modifiers):
            role = "pro"
        verb_class = lex.verb_class(verb)
        cue = " ".join((verb + (" that" if m.group("that") else "")).split())
        explicit = role in ("pro", "con")
        return Statement(
            span=(start, end),
            actor_role=role or "group",
            verb_class=verb_class,
            response=verb_class == "response",
            actor=" ".join(actor.split()),
            cue=cue,
            confidence=0.9 if explicit else 0.7,
        )
    f = lex.framing_cue.match(text, start, end)
    if f:
        side = "con" if f.group("con") else "pro"
        phrase = f.group(side)
        return Statement(span=(start, end), actor_role=side, response=side == "pro",
                         cue=" ".join(phrase.split()), confidence=0.8)
    return None


def _aside_cue(text: str, start: int, end: int, lex: Lexicon) -> Statement | None:
    """Attribution inside the clause: ", as argued by defenders," or ", they say,"."""
    clause = text[start:end].lower()
    if "," not in clause and " by " not in clause:
        return None
    m = next((m for p in lex.parenthetical_cues if (m := p.search(text, start, end))), None)
    if m is None:
        return None
    head = m.group("head")
    role = lex.actor_stance(head) or "group"
    verb = m.groupdict().get("verb") or "argued by"
    return Statement(span=(start, end), actor_role=role, verb_class=lex.verb_class(verb),
                     actor=" ".join(m.group("actor").split()), cue=" ".join(m.group(0).strip(" ,").split()),
                     confidence=0.75)


def read_sentence(text: str, span: Span, lexicon: Lexicon | None = None) -> list[Statement]:
    """Clauses of one sentence, split where a new cue starts ("X; supporters contend Y",
    "When critics accuse X, advocates argue Y"); unmarked clauses have ``actor_role None``.
    """
    lex = lexicon or Lexicon.default()
    start, end = span
    if not lex.may_hold_cue(text[start:end]):
        trimmed = _trim(text, start, end)
        return [Statement(span=trimmed, actor_role=None, confidence=0.6)] if trimmed[0] < trimmed[1] else []
    cuts = [start]
    bodies = [start]
    for m in lex.clause_break.finditer(text, start, end):
        if m.end() >= end or m.start() <= start:
            continue
        if not lex.may_open_clause(text[m.end() : min(end, m.end() + 80)].split(maxsplit=4)):
            continue
        if not _read_cue(text, m.end(), end, lex, strict=True):
            continue
        # A bare comma separates two statements only after a marked clause ("When critics
        # accuse X, advocates argue Y"); otherwise it ends a lead-in ("In debates over X, …").
        if m.group().strip() == "," and not _read_cue(text, bodies[-1], m.start(), lex, strict=False):
            continue
        cuts.append(m.start())
        bodies.append(m.end())
    cuts.append(end)
    out = []
    for i, body in enumerate(bodies):
        s, e = _trim(text, body, cuts[i + 1])
        if s >= e:
            continue
        stmt = _read_cue(text, s, e, lex, strict=False) or _aside_cue(text, s, e, lex)
        if stmt is None:
            stmt = Statement(span=(s, e), actor_role=None, confidence=0.6)
        stmt.span = (s, e)
        out.append(stmt)
    return out


def unit_statements(
    text: str, unit: Unit, sentences: Callable[[Span], list[Span]], lexicon: Lexicon | None = None
) -> list[Statement]:
    """Statement candidates of one unit, in text order.

    Marked clauses are always kept. The unit's first clause is kept unmarked when the unit is
    a debate or under a stance-setting heading and it opens the debate (an "opener", whose
    stance linking infers); other unmarked clauses are narration and dropped.
    """
    lex = lexicon or Lexicon.default()
    clauses = [c for span in unit.body for sent in sentences(span) for c in read_sentence(text, sent, lex)]
    if not clauses:
        return []
    marked = [c for c in clauses if c.marked]
    opener = clauses[0]
    # a short remark ("Environmental groups are divided.") frames a debate without arguing
    arguable = len(text[opener.span[0] : opener.span[1]].split()) >= _MIN_OPENER_WORDS
    in_debate = unit.debate or unit.debate_heading_id is not None
    keep_opener = not opener.marked and (unit.stance is not None or in_debate and bool(marked) and arguable)
    if keep_opener:
        opener.confidence = 0.75 if unit.stance else 0.6
        return [opener, *marked]
    return marked


def has_argument(statements: Iterable[Statement]) -> bool:
    """True when any statement carries an explicit cue (decides tentative debate sub-sections)."""
    return any(s.marked for s in statements)
