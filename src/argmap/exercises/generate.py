"""Exercises generated from a map, deterministic for a seed.

* *roles*: for each numbered statement, its kind (claim / critique / rebuttal) and side (pro / con);
* *links*: for each critique and rebuttal, which statement (or the topic's thesis) it answers,
  chosen among its topic's statements with the nearest ones as distractors;
* *diagram*: a topic's diagram with about half its boxes blank (lettered), to fill from the
  bank of the missing statements' numbers (needs Graphviz);
* *evaluate*: each statement's grounded status (IN / OUT / UNDEC), the key saying why;
* *critical*: questions from :mod:`argmap.analysis` (who are the vague actors, which critiques
  go unanswered, who has the last word, which side gets more space).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.add_topic("Road tolls")
    >>> c = m.add_claim(t, "Tolls cut traffic.")
    >>> k = m.add_critique(c, "They hit the poor hardest.")
    >>> r = m.add_rebuttal(k, "Rebates return the money.")
    >>> ex = make_exercise(m, kinds=["evaluate"], seed=1)
    >>> [(i.statement, ex.key_of()[i.id].answer["status"]) for i in ex.items]
    [(1, 'IN'), (2, 'OUT'), (3, 'IN')]
    >>> ex.key_of()["evaluate-2"].explanation
    'Statement 2 is defeated (OUT): statement 3 attacks it and nothing attacks statement 3.'
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from argmap.exercises.model import EXERCISE_KINDS, Exercise, ExerciseKind, Field, Item, KeyEntry, Statement
from argmap.model import KINDS
from argmap.text import shorten

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Node

THESIS = "thesis"
STATUS_WORDS = {"IN": "stands (IN)", "OUT": "is defeated (OUT)", "UNDEC": "is undecided (UNDEC)"}
SIDES = ("pro", "con")
# answer choices offered by a links item, the right one included
LINK_CHOICES = 4


def _topics(amap: ArgumentMap, topics: Sequence[str] | None) -> list[str]:
    if not topics:
        return [t.id for t in amap.topics]
    by_title = {t.title.casefold(): t.id for t in amap.topics}
    chosen = []
    for wanted in topics:
        tid = wanted if wanted in amap.index.topics else by_title.get(wanted.casefold())
        if tid is None:
            raise ValueError(f"no topic {wanted!r} (topics: {', '.join(amap.index.topics)})")
        chosen.append(tid)
    return chosen


def _numbered(amap: ArgumentMap, topic_ids: Sequence[str]) -> list[Statement]:
    """The statements of the topics, numbered from 1 in reading order (map order)."""
    out: list[Statement] = []
    for tid in topic_ids:
        for node in amap.index.statements.get(tid, []):
            out.append(Statement(number=len(out) + 1, node=node.id, topic=tid, text=node.text))
    return out


def _name(item_id: str, numbers: dict[str, int]) -> str:
    return f"statement {numbers[item_id]}" if item_id in numbers else "the thesis"


def _names(ids: Iterable[str], numbers: dict[str, int]) -> str:
    names = [_name(i, numbers) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _roles(amap: ArgumentMap, statements: list[Statement], numbers: dict[str, int]) -> list[tuple[Item, KeyEntry]]:
    ix = amap.index
    out = []
    for s in statements:
        node = ix.nodes[s.node]
        said = [f"{e.relation} {_name(e.target, numbers)}{_kind_of(amap, e.target)}" for e in ix.outgoing_edges(node.id)]
        why = f"it {' and '.join(said)}" if said else "it answers nothing in the map"
        out.append((Item(id=f"roles-{s.number}", kind="roles", statement=s.number, topic=s.topic,
                         prompt=f"Statement {s.number}: is it a claim, a critique or a rebuttal, and whose side is it on?",
                         fields=[Field(name="kind", options=list(KINDS)), Field(name="side", options=list(SIDES))]),
                    KeyEntry(item=f"roles-{s.number}", answer={"kind": node.kind, "side": node.stance},
                             explanation=f"Statement {s.number} is a {node.kind} ({node.stance}): {why}.")))
    return out


def _links(amap: ArgumentMap, statements: list[Statement], numbers: dict[str, int],
           rng: random.Random) -> list[tuple[Item, KeyEntry]]:
    ix = amap.index
    out = []
    for s in statements:
        node = ix.nodes[s.node]
        if node.kind == "claim":
            continue
        targets = [e.target for e in ix.outgoing_edges(node.id) if e.relation == "attacks"]
        if len(targets) != 1:
            continue  # answers nothing or several: not a one-answer question
        right = targets[0]
        # distractors: the topic's other statements, the nearest in the text first
        others = [n for n in ix.statements[s.topic] if n.id not in (node.id, right)]
        others.sort(key=lambda n: (abs(numbers[n.id] - s.number), rng.random()))
        pool = [_label(right, numbers)] + [_label(n.id, numbers) for n in others[:LINK_CHOICES - 1]]
        if THESIS not in pool and len(pool) < LINK_CHOICES:
            pool.append(THESIS)
        if len(pool) < 2:
            continue
        rng.shuffle(pool)
        item_id = f"links-{s.number}"
        out.append((Item(id=item_id, kind="links", statement=s.number, topic=s.topic,
                         prompt=f"Statement {s.number} is a {node.kind}. Which statement does it answer?",
                         fields=[Field(name="answers", options=pool)]),
                    KeyEntry(item=item_id, answer={"answers": _label(right, numbers)},
                             explanation=f"Statement {s.number} attacks {_name(right, numbers)}"
                                         f"{_quoted(amap, right)}.")))
    return out


def _kind_of(amap: ArgumentMap, item_id: str) -> str:
    node = amap.index.nodes.get(item_id)
    return f" (a {node.kind})" if node is not None else ""


def _label(item_id: str, numbers: dict[str, int]) -> str:
    return str(numbers[item_id]) if item_id in numbers else THESIS


def _quoted(amap: ArgumentMap, item_id: str) -> str:
    item = amap.index.items[item_id]
    return f' ("{shorten(getattr(item, "text", None) or getattr(item, "title", ""), 50)}")'


def explain_status(amap: ArgumentMap, node_id: str, numbers: dict[str, int]) -> str:
    """Why a statement has its grounded status, naming the statements that decide it."""
    ix = amap.index
    labels = ix.grounded
    name = _name(node_id, numbers).capitalize()
    status = labels[node_id]
    attackers = ix.attackers(node_id)
    if status == "IN":
        if not attackers:
            return f"{name} stands (IN): nothing attacks it."
        return f"{name} stands (IN): every statement attacking it ({_names(attackers, numbers)}) is defeated."
    if status == "OUT":
        winners = [a for a in attackers if labels[a] == "IN"]
        who = _names(winners, numbers)
        verb = "attacks" if len(winners) == 1 else "attack"
        if not any(ix.attackers(w) for w in winners):
            return f"{name} is defeated (OUT): {who} {verb} it and nothing attacks {who}."
        stands = "stands (IN)" if len(winners) == 1 else "stand (IN)"
        return f"{name} is defeated (OUT): {who} {verb} it and {who} {stands}."
    open_ = [a for a in attackers if labels[a] == "UNDEC"]
    return (f"{name} is undecided (UNDEC): no attacker stands, but {_names(open_, numbers)} "
            f"{'is' if len(open_) == 1 else 'are'} undecided too (a cycle of attacks).")


BOX_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# the diagrams' base size in points: 13 pt is about 17 px, and the boxes' headers (a point
# smaller) 16 px, as large as the sheet's body text when printed at 100%
DIAGRAM_FONT_PT = 13


def _diagram(amap: ArgumentMap, numbers: dict[str, int], rng: random.Random,
             topic_ids: Sequence[str]) -> list[tuple[Item, KeyEntry]]:
    """Per topic with two statements or more: its diagram, about half the boxes blank (two at
    least, so that no box has only one candidate)."""
    from argmap.diagrams import inline_svg, render_topics

    ix = amap.index
    chosen: dict[str, dict[str, str]] = {}  # topic -> box letter -> node id
    for tid in topic_ids:
        nodes = ix.statements.get(tid, [])
        if len(nodes) >= 2:
            blank = rng.sample(nodes, k=min(len(BOX_LETTERS), len(nodes), max(2, (len(nodes) + 1) // 2)))
            blank.sort(key=lambda n: ix.position[n.id])
            chosen[tid] = {BOX_LETTERS[i]: n.id for i, n in enumerate(blank)}
    if not chosen:
        return []
    blanked = amap.model_copy(deep=True)
    for boxes in chosen.values():
        for letter, node_id in boxes.items():
            node = blanked.node(node_id)
            node.text, node.actor, node.cue = f"[ {letter} ]", None, None
    svgs = render_topics(blanked, topics=list(chosen), status=False, legend=True, id_prefix="diagram-",
                         font_size=DIAGRAM_FONT_PT)
    out = []
    for tid, boxes in chosen.items():
        bank = sorted(str(numbers[n]) for n in boxes.values())
        item_id = f"diagram-{tid}"
        places = "; ".join(f"box {letter} is statement {numbers[n]}{_kind_of(amap, n)}" for letter, n in boxes.items())
        out.append((Item(id=item_id, kind="diagram", topic=tid, figure=inline_svg(svgs[tid]),
                         prompt=f"Fill in the blank boxes of the diagram of {shorten(ix.topics[tid].title, 60)!r} "
                                f"with the statements {', '.join(bank)}.",
                         fields=[Field(name=letter, options=bank) for letter in boxes]),
                    KeyEntry(item=item_id, answer={letter: str(numbers[n]) for letter, n in boxes.items()},
                             explanation=places[0].upper() + places[1:] + ".")))
    return out


def _evaluate(amap: ArgumentMap, statements: list[Statement], numbers: dict[str, int]) -> list[tuple[Item, KeyEntry]]:
    labels = amap.index.grounded
    out = []
    for s in statements:
        item_id = f"evaluate-{s.number}"
        out.append((Item(id=item_id, kind="evaluate", statement=s.number, topic=s.topic,
                         prompt=f"Under grounded semantics, does statement {s.number} stand (IN), fall (OUT) "
                                f"or stay undecided (UNDEC)?",
                         fields=[Field(name="status", options=["IN", "OUT", "UNDEC"])]),
                    KeyEntry(item=item_id, answer={"status": labels[s.node]},
                             explanation=explain_status(amap, s.node, numbers))))
    return out


def _critical(amap: ArgumentMap, statements: list[Statement], numbers: dict[str, int],
              topic_ids: Sequence[str]) -> list[tuple[Item, KeyEntry]]:
    from argmap.analysis import analyze, is_vague_actor

    analysis = analyze(amap)
    ix = amap.index
    out: list[tuple[Item, KeyEntry]] = []
    for s in statements:
        node: Node = ix.nodes[s.node]
        if node.actor:
            item_id = f"critical-source-{s.number}"
            vague = is_vague_actor(node.actor)
            out.append((Item(id=item_id, kind="critical", statement=s.number, topic=s.topic,
                             prompt=f"Statement {s.number} is put in the mouth of {node.actor!r}. "
                                    f"Does the text tell you who exactly they are?",
                             fields=[Field(name="source", options=["named", "anonymous"])]),
                        KeyEntry(item=item_id, answer={"source": "anonymous" if vague else "named"},
                                 explanation=(f"{node.actor!r} names nobody in particular: ask who, and on what "
                                              f"evidence." if vague else f"{node.actor!r} is a named source: it "
                                              f"can be checked."))))
    unanswered = {f.node for f in analysis.by_code("unanswered-critique")}
    for b in analysis.balance:
        if b.topic not in topic_ids or not b.last_node:
            continue
        title = shorten(b.title, 60)
        critiques = [n for n in ix.statements[b.topic] if n.kind == "critique"]
        if critiques:
            options = [str(numbers[n.id]) for n in critiques] + ["none"]
            left = [str(numbers[n.id]) for n in critiques if n.id in unanswered] or ["none"]
            why = (f"nothing attacks {_names([n.id for n in critiques if n.id in unanswered], numbers)}"
                   if left != ["none"] else "every critique is answered")
            out.append((Item(id=f"critical-unanswered-{b.topic}", kind="critical", topic=b.topic,
                             prompt=f"Topic {title!r}: which critiques get no answer? (choose all that apply)",
                             fields=[Field(name="unanswered", options=options, multiple=True)]),
                        KeyEntry(item=f"critical-unanswered-{b.topic}", answer={"unanswered": ",".join(left)},
                                 explanation=f"In {title!r}, {why}.")))
        out.append((Item(id=f"critical-last-{b.topic}", kind="critical", topic=b.topic,
                         prompt=f"Topic {title!r}: which side has the last word?",
                         fields=[Field(name="last_word", options=list(SIDES))]),
                    KeyEntry(item=f"critical-last-{b.topic}", answer={"last_word": b.last_word or ""},
                             explanation=f"The topic ends with {_name(b.last_node, numbers)}, a "
                                         f"{ix.nodes[b.last_node].kind} ({b.last_word}).")))
        out.append((Item(id=f"critical-space-{b.topic}", kind="critical", topic=b.topic,
                         prompt=f"Topic {title!r}: which side is given more space (words)?",
                         fields=[Field(name="more_space", options=[*SIDES, "even"])]),
                    KeyEntry(item=f"critical-space-{b.topic}", answer={"more_space": b.more_space},
                             explanation=f"Pro: {b.statements['pro']} statements, {b.words['pro']} words; "
                                         f"con: {b.statements['con']} statements, {b.words['con']} words.")))
    return out


def make_exercise(amap: ArgumentMap, *, kinds: Sequence[str] | None = None, topics: Sequence[str] | None = None,
                  seed: int = 0, title: str | None = None) -> Exercise:
    """The exercise of the chosen ``kinds`` (default: all) on the chosen ``topics`` (ids or
    titles; default: all), with its key. The same map, kinds, topics and seed give the same
    exercise."""
    chosen: list[ExerciseKind] = list(kinds or EXERCISE_KINDS)  # type: ignore[arg-type]
    unknown = [k for k in chosen if k not in EXERCISE_KINDS]
    if unknown:
        raise ValueError(f"unknown exercise kind {unknown[0]!r} (choose from {', '.join(EXERCISE_KINDS)})")
    topic_ids = _topics(amap, topics)
    statements = _numbered(amap, topic_ids)
    numbers = {s.node: s.number for s in statements}
    rng = random.Random(seed)
    pairs: list[tuple[Item, KeyEntry]] = []
    for kind in EXERCISE_KINDS:
        if kind not in chosen:
            continue
        if kind == "roles":
            pairs += _roles(amap, statements, numbers)
        elif kind == "links":
            pairs += _links(amap, statements, numbers, rng)
        elif kind == "diagram":
            pairs += _diagram(amap, numbers, rng, topic_ids)
        elif kind == "evaluate":
            pairs += _evaluate(amap, statements, numbers)
        else:
            pairs += _critical(amap, statements, numbers, topic_ids)
    doc_title = next((d.title or d.source for d in amap.documents if d.title or d.source), None)
    return Exercise(title=title or doc_title or "Argument map exercise", seed=seed,
                    topics={t: amap.index.topics[t].title for t in topic_ids}, statements=statements,
                    items=[i for i, _ in pairs], key=[k for _, k in pairs])


__all__ = ["THESIS", "explain_status", "make_exercise"]
