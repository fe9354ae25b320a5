"""Kinds from position, for formats that draw a graph but do not say claim, critique or rebuttal.

A statement that points at nothing is pro (the thesis side). Supporting a statement keeps its
side, attacking it takes the other side. Con statements are critiques; pro statements that
attack something are rebuttals; other pro statements are claims. A cycle that reaches no such
root starts on the pro side. Kinds the format states (``fixed``) are kept and propagate.

Example:
    >>> infer_kinds(["a", "b", "c"], [("b", "a", "attacks"), ("c", "b", "attacks")])
    {'a': 'claim', 'b': 'critique', 'c': 'rebuttal'}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

STANCE = {"claim": "pro", "rebuttal": "pro", "critique": "con"}


def infer_kinds(node_ids: Iterable[str], edges: Iterable[tuple[str, str, str]],
                fixed: Mapping[str, str] | None = None, pro_roots: Iterable[str] = ()) -> dict[str, str]:
    """The kind of every node in ``node_ids`` from ``(source, target, relation)`` edges.

    ``fixed`` maps node ids to kinds the input states; ``pro_roots`` are extra pro anchors
    (topic ids) that are not nodes themselves.
    """
    nodes = list(node_ids)
    edge_list = list(edges)
    fixed = dict(fixed or {})
    stance: dict[str, str] = {r: "pro" for r in pro_roots}
    # a stated kind that is no kind is left for the map's validation to report
    stance.update({n: STANCE[k] for n, k in fixed.items() if k in STANCE})
    incoming: dict[str, list[tuple[str, str]]] = {}
    outgoing = set()
    for source, target, relation in edge_list:
        incoming.setdefault(target, []).append((source, relation))
        outgoing.add(source)
    queue = deque(stance)
    for n in nodes:
        if n not in outgoing and n not in stance:
            stance[n] = "pro"
            queue.append(n)
    pending = iter(nodes)
    while True:
        while queue:
            target = queue.popleft()
            for source, relation in incoming.get(target, ()):
                if source in stance:
                    continue
                same = relation == "supports"
                stance[source] = stance[target] if same else ("con" if stance[target] == "pro" else "pro")
                queue.append(source)
        rest = next((n for n in pending if n not in stance), None)
        if rest is None:
            break
        stance[rest] = "pro"
        queue.append(rest)
    attackers = {s for s, _, r in edge_list if r == "attacks"}
    kinds = {}
    for n in nodes:
        if n in fixed:
            kinds[n] = fixed[n]
        elif stance[n] == "con":
            kinds[n] = "critique"
        else:
            kinds[n] = "rebuttal" if n in attackers else "claim"
    return kinds
