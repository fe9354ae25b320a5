"""Grading a student's own map of a text against the teacher's.

Statements are paired with the rules of argmap's extraction scorer: when both have spans, a
student statement matches a teacher statement when their overlap covers at least 60% of the
teacher's span and 40% of the student's; otherwise by text similarity (difflib ratio of the
normalised texts at least :data:`TEXT_MATCH`). Pairs are one-to-one, best first.

Each teacher statement is one point (found with the right kind) and each teacher edge one
point (the student's matching statement has the same relation to the matching target; a
topic matches a topic by title, or the one most of its statements are paired into). A
statement given the wrong kind loses its own point only: an edge to the right target with
the relation that wrong kind implies (a claim supports, the others attack) still counts. Each
student statement the teacher does not have adds one point to the total, unearned, so a map
cannot score by listing everything.

Example:
    >>> from argmap.model import ArgumentMap
    >>> teacher = ArgumentMap()
    >>> c = teacher.add_claim(teacher.add_topic("Tolls"), "Tolls cut traffic.")
    >>> k = teacher.add_critique(c, "Tolls hurt the poor.")
    >>> student = teacher.model_copy(deep=True)
    >>> student.nodes[1].kind = "rebuttal"
    >>> g = grade_map(teacher, student)
    >>> g.score, g.feedback[0]
    (0.75, "You marked 'Tolls hurt the poor.' as a rebuttal; it attacks n1 ('Tolls cut traffic.'), so it is a critique.")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Node

TEXT_MATCH = 0.6
SPAN_SHARE_TEACHER, SPAN_SHARE_STUDENT = 0.6, 0.4


@dataclass
class MapGrade:
    """Points earned, points possible, and one feedback line per thing to fix."""

    points: int
    out_of: int
    feedback: list[str] = field(default_factory=list)
    matches: dict[str, str] = field(default_factory=dict)  # teacher node id -> student node id

    @property
    def score(self) -> float:
        return round(self.points / self.out_of, 4) if self.out_of else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"points": self.points, "out_of": self.out_of, "score": self.score, "feedback": self.feedback,
                "matches": self.matches}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pair_score(t: Node, s: Node) -> float:
    """How well student statement ``s`` matches teacher statement ``t`` (0: not at all)."""
    if t.span and s.span:
        ov = _overlap(t.span, s.span)
        ok = ov and ov >= SPAN_SHARE_TEACHER * (t.span[1] - t.span[0]) and ov >= SPAN_SHARE_STUDENT * max(
            1, s.span[1] - s.span[0])
        return float(ov) if ok else 0.0
    ratio = SequenceMatcher(None, _norm(t.text), _norm(s.text), autojunk=False).ratio()
    return ratio if ratio >= TEXT_MATCH else 0.0


def match_statements(teacher: ArgumentMap, student: ArgumentMap) -> dict[str, str]:
    """Teacher node id → student node id, one-to-one, best pairs first."""
    pairs = sorted(((score, t.id, s.id) for t in teacher.nodes for s in student.nodes
                    if (score := _pair_score(t, s)) > 0), key=lambda p: -p[0])
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, tid, sid in pairs:
        if tid not in out and sid not in used:
            out[tid] = sid
            used.add(sid)
    return out


def _match_topics(teacher: ArgumentMap, student: ArgumentMap, nodes: dict[str, str]) -> dict[str, str]:
    """Teacher topic id → student topic id: by title, else where most paired statements went."""
    by_title = {_norm(t.title): t.id for t in student.topics}
    out = {}
    s_nodes = student.index.nodes
    for topic in teacher.topics:
        if _norm(topic.title) in by_title:
            out[topic.id] = by_title[_norm(topic.title)]
            continue
        votes = Counter(s_nodes[nodes[n.id]].topic for n in teacher.index.statements.get(topic.id, []) if n.id in nodes)
        if votes:
            out[topic.id] = votes.most_common(1)[0][0]
    return out


def _q(text: str) -> str:
    return repr(shorten(text, 50))


def only_topics(amap: ArgumentMap, topic_ids: Sequence[str]) -> ArgumentMap:
    """The part of ``amap`` on the topics ``topic_ids``: their statements and the edges
    between what is kept (for grading a student who mapped one topic of the text).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.add_claim(m.add_topic("Tolls"), "Tolls work.")
        >>> _ = m.add_claim(m.add_topic("Parks"), "Parks cool.")
        >>> [n.text for n in only_topics(m, ["t2"]).nodes]
        ['Parks cool.']
    """
    from argmap.model import ArgumentMap as _Map

    wanted = set(topic_ids)
    topics = [t for t in amap.topics if t.id in wanted]
    nodes = [n for n in amap.nodes if n.topic in wanted]
    kept = wanted | {n.id for n in nodes}
    edges = [e for e in amap.edges if e.source in kept and e.target in kept]
    return _Map(documents=amap.documents, topics=topics, nodes=nodes, edges=edges)


def grade_map(teacher: ArgumentMap, student: ArgumentMap) -> MapGrade:
    """The student's map graded against the teacher's (see the module's docstring)."""
    nodes = match_statements(teacher, student)
    topics = _match_topics(teacher, student, nodes)
    ends = {**nodes, **topics}  # teacher id -> student id
    t_ix, s_ix = teacher.index, student.index
    s_nodes = s_ix.nodes
    points, feedback = 0, []

    def name(tid: str) -> str:
        item = t_ix.items[tid]
        return f"{tid} ({_q(getattr(item, 'text', None) or getattr(item, 'title', ''))})"

    for t in teacher.nodes:
        sid = nodes.get(t.id)
        if sid is None:
            feedback.append(f"You left out {_q(t.text)} ({t.id}, a {t.kind}).")
            continue
        s = s_nodes[sid]
        if s.kind == t.kind:
            points += 1
            continue
        said = [f"{e.relation} {name(e.target)}" for e in t_ix.outgoing_edges(t.id)]
        answers = f"it {' and '.join(said)}, so " if said else ""
        feedback.append(f"You marked {_q(s.text)} as a {s.kind}; {answers}it is a {t.kind}.")
    s_pairs = {(e.source, e.relation, e.target) for e in student.edges}
    for e in teacher.edges:
        src, dst = ends.get(e.source), ends.get(e.target)
        if src is not None and dst is not None and (src, e.relation, dst) in s_pairs:
            points += 1
            continue
        if src is not None and dst is not None and _follows_wrong_kind(t_ix.nodes.get(e.source), s_nodes[src],
                                                                     (src, dst), s_pairs):
            points += 1  # the right target, with the relation the student's (wrong, already marked) kind implies
            continue
        if src is None:
            continue  # the statement is missing: already said
        said = [x.target for x in s_ix.outgoing_edges(src) if x.relation == e.relation]
        back = {v: k for k, v in ends.items()}
        if said:
            theirs = " and ".join(name(back[x]) if x in back else _q(_student_text(student, x)) for x in said)
            feedback.append(f"Your {_q(s_nodes[src].text)} {e.relation} {theirs}; it {e.relation} {name(e.target)}.")
        else:
            feedback.append(f"Your {_q(s_nodes[src].text)} should be drawn as it {e.relation} {name(e.target)}.")
    paired = set(nodes.values())
    extra = [s for s in student.nodes if s.id not in paired]
    feedback += [f"{_q(s.text)} is not a statement in the teacher's map: check it is one clause, "
                 f"argued by someone, and not part of another." for s in extra]
    return MapGrade(points, len(teacher.nodes) + len(teacher.edges) + len(extra), feedback, nodes)


_KIND_RELATION = {"claim": "supports", "critique": "attacks", "rebuttal": "attacks"}


def _follows_wrong_kind(t: Node | None, s: Node, ends: tuple[str, str], s_pairs: set[tuple[str, str, str]]) -> bool:
    """Whether the student drew the edge to the right target with the relation of the kind
    they gave (a map written as an outline has no other way): one mistake, counted once."""
    return (t is not None and s.kind != t.kind
            and (ends[0], _KIND_RELATION[s.kind], ends[1]) in s_pairs)


def _student_text(student: ArgumentMap, item_id: str) -> str:
    item = student.index.items.get(item_id)
    return (getattr(item, "text", None) or getattr(item, "title", "")) if item is not None else item_id


__all__ = ["MapGrade", "TEXT_MATCH", "grade_map", "match_statements", "only_topics"]
