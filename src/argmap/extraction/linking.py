"""Stage 3: linking. Within one topic, statements in reading order get a stance, a kind and
an edge:

- a pro statement is a **claim** supporting the topic, or — once a con statement has been
  voiced — a **rebuttal** attacking the latest con statement;
- a con statement is a **critique** attacking the nearest preceding claim (else the topic),
  or, when it answers ("Detractors fire back …") right after a rebuttal, attacking that
  rebuttal.

Relative actors are resolved against the previous statement ("others" take the other side,
"they" the same); a named group ("economists") takes the side its verb implies, else the
other side of the previous speaker; an unmarked opener takes the side its section gives
("Benefits"), else the side opposite the first statement that names one.

Example:
    >>> from argmap.extraction.statements import Statement
    >>> links = link_topic([Statement((0, 1), "con"), Statement((2, 3), "pro", response=True)])
    >>> [(l.kind, l.target) for l in links]
    [('critique', None), ('rebuttal', 0)]
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.extraction.statements import Statement

_FLIP = {"pro": "con", "con": "pro"}


@dataclass
class Link:
    """Kind and edge of one statement: ``target`` is the index of the statement it attacks
    or supports within the topic, ``None`` for the topic itself."""

    statement: Statement
    stance: str
    kind: str
    relation: str
    target: int | None


def resolve_stance(stmt: Statement, previous: str | None, *, opening_side: str = "pro") -> str:
    """The side a statement takes, given the side of the statement before it.

    ``opening_side`` is the side for a statement that opens its topic without a side of its
    own (an unmarked sentence, a named group that "argues", "others"): the side opposite the
    first statement that does name one, or that of its section.
    """
    role = stmt.actor_role
    if role == "group" and stmt.verb_class == "con":
        return "con"  # "psychologists warn": the verb names the side, whatever the section
    if role in ("pro", "con"):
        # a side conceding a point speaks for the other side ("even critics concede that …")
        return _FLIP[role] if stmt.verb_class == "concession" else role
    if previous is None or role is None:
        return opening_side
    if role == "same":
        return previous
    if role == "group" and stmt.verb_class != "response":
        # a named group that argues after the opening adds evidence for the thesis side
        return "pro"
    # "others", and groups that respond: the other side of the last speaker
    return _FLIP[previous]


def _opening_side(statements: list[Statement], section_stance: str | None) -> str:
    if section_stance:
        return section_stance
    named = next((s for s in statements if s.actor_role in ("pro", "con")), None)
    if named is None:
        return "pro"
    side = named.actor_role if named.verb_class != "concession" else _FLIP[named.actor_role]
    return _FLIP[side]


def link_topic(statements: list[Statement], section_stance: str | None = None) -> list[Link]:
    """Kinds and edges for one topic's statements (see the module docstring).

    ``section_stance`` is the stance the topic's heading gives unmarked openers.
    """
    links: list[Link] = []
    previous: str | None = None
    opening = _opening_side(statements, section_stance)
    claims: list[int] = []
    last_con: int | None = None
    for i, stmt in enumerate(statements):
        side = resolve_stance(stmt, previous, opening_side=opening)
        if side == "pro":
            if last_con is not None:
                links.append(Link(stmt, side, "rebuttal", "attacks", last_con))
            else:
                links.append(Link(stmt, side, "claim", "supports", None))
                claims.append(i)
        else:
            answers_rebuttal = stmt.response and links and links[-1].kind == "rebuttal"
            if answers_rebuttal:
                target: int | None = i - 1
            else:
                target = claims[-1] if claims else None
            links.append(Link(stmt, side, "critique", "attacks", target))
            last_con = i
        previous = side
    return links
