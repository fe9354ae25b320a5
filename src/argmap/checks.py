"""Consistency checks: does a map hold together, and which statements stand?

Each check is a small function over a :class:`CheckContext` (the map plus shared indexes)
that yields ``(message, ids)`` pairs. :func:`register` files it in :data:`CHECKS` under a
stable code (``AM1xx`` errors, ``AM2xx`` warnings, ``AM3xx`` info) with a severity and a
short name; :func:`run_checks` runs them and filters by code prefix, like linters do.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
    ...                 nodes=[Node(id="c", kind="critique", topic="t", text="No."),
    ...                        Node(id="c2", kind="critique", topic="t", text="Never.")],
    ...                 edges=[Edge(source="c", target="t", relation="attacks"),
    ...                        Edge(source="c2", target="c", relation="attacks")])
    >>> [f.code for f in run_checks(m, select=["AM1"])]
    ['AM104']
    >>> run_checks(m, select=["AM104"])[0].ids
    ('c2', 'c')

Adding a check of your own:
    >>> @register("X001", "info", "short-critique")
    ... def short_critique(ctx):
    ...     for n in ctx.amap.nodes:
    ...         if n.kind == "critique" and len(n.text) < 4:
    ...             yield f"critique {n.id!r} is very short", (n.id,)
    >>> [f.message for f in run_checks(m, select=["X"])]
    ["critique 'c' is very short"]
    >>> del CHECKS["X001"]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from argmap.model import ArgumentMap, Node, Topic

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# Jaccard similarity of word sets at or above which two statements are near-duplicates.
NEAR_DUPLICATE_JACCARD = 0.9


@dataclass(frozen=True)
class Finding:
    """One problem or observation: stable code, severity, message, the ids involved.

    Example:
        >>> Finding("AM101", "error", "n1 attacks itself", ("n1",)).to_dict()["ids"]
        ['n1']
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...] = ()
    name: str = ""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (used by ``argmap check --json``)."""
        return {"code": self.code, "name": self.name, "severity": self.severity,
                "message": self.message, "ids": list(self.ids)}


CheckFunction = Callable[["CheckContext"], Iterable[tuple[str, Sequence[str]]]]


@dataclass(frozen=True)
class Check:
    """A registered check: code, severity, short name, what it means, and the function."""

    code: str
    severity: Severity
    name: str
    description: str
    function: CheckFunction = field(repr=False)


# code -> check, in registration (= catalogue) order
CHECKS: dict[str, Check] = {}


def register(code: str, severity: Severity, name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator filing a check function in :data:`CHECKS` (its docstring is its description).

    The function takes a :class:`CheckContext` and yields ``(message, ids)`` pairs.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")

    def add(fn: CheckFunction) -> CheckFunction:
        if code in CHECKS:
            raise ValueError(f"check code {code} is already registered ({CHECKS[code].name})")
        doc = " ".join((fn.__doc__ or name).strip().split("\n\n")[0].split())  # first paragraph
        CHECKS[code] = Check(code, severity, name, doc, fn)
        return fn

    return add


class CheckContext:
    """The map and the indexes several checks share, each computed once on first use."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap

    @cached_property
    def items(self) -> dict[str, Topic | Node]:
        return {item.id: item for item in self.amap.iter_items()}

    def stance(self, item_id: str) -> str:
        """``pro`` / ``con`` of a statement; a topic is its own thesis, so ``pro``."""
        item = self.items[item_id]
        return item.stance if isinstance(item, Node) else "pro"

    def describe(self, item_id: str) -> str:
        item = self.items[item_id]
        return f"{item.kind if isinstance(item, Node) else 'topic'} {item_id!r}"

    @cached_property
    def edge_pairs(self) -> dict[str, list[tuple[str, str]]]:
        """``supports`` / ``attacks`` -> distinct (source, target) pairs in map order."""
        pairs: dict[str, dict[tuple[str, str], None]] = {"supports": {}, "attacks": {}}
        for e in self.amap.edges:
            pairs[e.relation][(e.source, e.target)] = None
        return {rel: list(p) for rel, p in pairs.items()}

    @cached_property
    def attackers(self) -> dict[str, list[str]]:
        """target id -> ids attacking it, in map order."""
        out: dict[str, list[str]] = defaultdict(list)
        for s, t in self.edge_pairs["attacks"]:
            out[t].append(s)
        return out

    @cached_property
    def grounded(self) -> dict[str, str]:
        from argmap.semantics import grounded_labelling

        return grounded_labelling(self.amap)


def run_checks(
    amap: ArgumentMap, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Finding]:
    """Run the registered checks whose code starts with a ``select`` prefix (all when
    ``None``) and with no ``ignore`` prefix; findings in catalogue order.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> [f.code for f in run_checks(ArgumentMap(topics=[Topic(id="t", title="T")]))]
        ['AM302', 'AM303']
    """
    chosen = tuple(p.strip().upper() for p in select if p.strip()) if select is not None else ("",)
    skipped = tuple(p.strip().upper() for p in ignore or () if p.strip())
    ctx = CheckContext(amap)
    findings = []
    for check in CHECKS.values():
        code = check.code.upper()
        if not code.startswith(chosen) or (skipped and code.startswith(skipped)):
            continue
        for message, ids in check.function(ctx):
            findings.append(Finding(check.code, check.severity, message, tuple(ids), check.name))
    return findings


# ----- graph helpers (plain Python: linear, no cycle enumeration) ------------------------


def _adjacency(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    adj: dict[str, list[str]] = defaultdict(list)
    for s, t in pairs:
        adj[s].append(t)
    return adj


def _cyclic_components(adj: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components with more than one vertex (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components = []
    for root in list(adj):
        if root in index:
            continue
        work = [(root, iter(adj.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(adj.get(w, ()))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    components.append(comp[::-1])
    return components


def _closed_walk(adj: dict[str, list[str]], members: set[str], start: str, odd: bool) -> list[str] | None:
    """Shortest closed walk from ``start`` inside ``members`` (of odd length when ``odd``),
    by breadth-first search over (vertex, parity) states; ``None`` if there is none."""
    goal = (start, 1 if odd else 0)
    parent: dict[tuple[str, int], tuple[str, int] | None] = {(start, 0): None}
    queue = deque([(start, 0)])
    while queue:
        v, p = queue.popleft()
        for w in adj.get(v, ()):
            if w not in members:
                continue
            state = (w, (p + 1) % 2 if odd else 0)
            if state == goal:
                walk = [v]
                prev = parent[(v, p)]
                while prev is not None:
                    walk.append(prev[0])
                    prev = parent[prev]
                return walk[::-1]
            if state not in parent:
                parent[state] = (v, p)
                queue.append(state)
    return None


def _odd_simple_cycle(walk: list[str]) -> list[str]:
    """A simple odd cycle inside an odd closed walk (vertices in order, start not repeated).

    A repeated vertex splits the walk into two closed walks whose lengths add up to an odd
    number, so one of them is odd; keep that one until no vertex repeats.
    """
    while True:
        seen: dict[str, int] = {}
        for j, v in enumerate(walk):
            if v in seen:
                i = seen[v]
                inner = walk[i:j]
                walk = inner if len(inner) % 2 else walk[:i] + walk[j:]
                break
            seen[v] = j
        else:
            return walk


def _cycle_text(cycle: list[str], verb: str) -> str:
    return f" {verb} ".join(repr(v) for v in [*cycle, cycle[0]])


# ----- errors -------------------------------------------------------------------------


@register("AM101", "error", "self-attack")
def self_attack(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement attacks itself."""
    for s, t in ctx.edge_pairs["attacks"]:
        if s == t:
            yield f"{ctx.describe(s)} attacks itself", (s,)


def _stance_conflicts(ctx: CheckContext, relation: str, source: str, target: str) -> Iterator[tuple[str, Sequence[str]]]:
    for s, t in ctx.edge_pairs[relation]:
        if s != t and ctx.stance(s) == source and ctx.stance(t) == target:
            verb = "attacks" if relation == "attacks" else "supports"
            yield (f"{ctx.describe(s)} ({source}) {verb} {ctx.describe(t)} ({target})"), (s, t)


@register("AM102", "error", "pro-attacks-pro")
def pro_attacks_pro(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A pro statement (claim, rebuttal) attacks a pro statement or a topic."""
    return _stance_conflicts(ctx, "attacks", "pro", "pro")


@register("AM103", "error", "con-supports-pro")
def con_supports_pro(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A con statement (critique) supports a pro statement or a topic."""
    return _stance_conflicts(ctx, "supports", "con", "pro")


@register("AM104", "error", "con-attacks-con")
def con_attacks_con(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A critique attacks a critique."""
    return _stance_conflicts(ctx, "attacks", "con", "con")


@register("AM105", "error", "pro-supports-con")
def pro_supports_con(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A pro statement supports a critique (the other support across stances is AM103)."""
    return _stance_conflicts(ctx, "supports", "pro", "con")


@register("AM106", "error", "supports-and-attacks")
def supports_and_attacks(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement both supports and attacks the same target."""
    attacks = set(ctx.edge_pairs["attacks"])
    for s, t in ctx.edge_pairs["supports"]:
        if (s, t) in attacks:
            yield f"{ctx.describe(s)} both supports and attacks {ctx.describe(t)}", (s, t)


@register("AM107", "error", "support-cycle")
def support_cycle(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """Statements support each other in a circle (including a statement supporting itself)."""
    adj = _adjacency(ctx.edge_pairs["supports"])
    for s, t in ctx.edge_pairs["supports"]:
        if s == t:
            yield f"{ctx.describe(s)} supports itself", (s,)
    for comp in _cyclic_components(adj):
        walk = _closed_walk(adj, set(comp), comp[0], odd=False) or comp
        more = f" ({len(comp)} statements support each other in this circle)" if len(comp) > len(walk) else ""
        yield f"support cycle: {_cycle_text(walk, 'supports')}{more}", tuple(comp)


@register("AM108", "error", "span-text-mismatch")
def span_text_mismatch(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement's text differs from its document's text at its span."""
    for n in ctx.amap.nodes:
        if n.span is None:
            continue
        doc = ctx.amap.document_of(n)
        if doc is None or doc.text is None:
            continue
        source = doc.text[n.span[0]:n.span[1]]
        if source != n.text:
            yield (f"{n.kind} {n.id!r}: text {_clip(n.text)!r} differs from document {doc.id!r} "
                   f"at {list(n.span)}: {_clip(source)!r}"), (n.id,)


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ----- warnings -----------------------------------------------------------------------


def _attacks_nothing(ctx: CheckContext, kind: str) -> Iterator[tuple[str, Sequence[str]]]:
    attacking = {s for s, _ in ctx.edge_pairs["attacks"]}
    for n in ctx.amap.nodes:
        if n.kind == kind and n.id not in attacking:
            yield f"{kind} {n.id!r} attacks nothing (what does it answer?)", (n.id,)


@register("AM201", "warning", "rebuttal-attacks-nothing")
def rebuttal_attacks_nothing(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A rebuttal has no ``attacks`` edge: the critique it answers is not linked."""
    return _attacks_nothing(ctx, "rebuttal")


@register("AM202", "warning", "critique-attacks-nothing")
def critique_attacks_nothing(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A critique has no ``attacks`` edge: neither a claim nor its topic is its target."""
    return _attacks_nothing(ctx, "critique")


@register("AM203", "warning", "odd-attack-cycle")
def odd_attack_cycle(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """An attack cycle of odd length: no labelling settles it from inside, so its statements
    stay UNDEC under grounded semantics unless an attack from outside the cycle decides them.

    Found per strongly connected component of the attack graph (self-attacks left to AM101):
    such a component has an odd cycle exactly when it is not bipartite, and a shortest odd
    closed walk (breadth-first search, linear) yields a concrete cycle — nothing is enumerated.
    """
    adj = _adjacency((s, t) for s, t in ctx.edge_pairs["attacks"] if s != t)
    for comp in _cyclic_components(adj):
        members = set(comp)
        walk = _closed_walk(adj, members, comp[0], odd=True)
        if walk is None:
            continue
        cycle = _odd_simple_cycle(walk)
        undecided = all(ctx.grounded[v] == "UNDEC" for v in cycle)
        status = "undecided under grounded semantics" if undecided else "settled only by attacks from outside it"
        more = f"; {len(comp)} statements attack each other around it" if len(comp) > len(cycle) else ""
        yield (f"odd attack cycle of length {len(cycle)}: {_cycle_text(cycle, 'attacks')}"
               f" ({status}{more})"), tuple(cycle)


_WORD = re.compile(r"\w+")


def _normalized(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@register("AM204", "warning", "duplicate-statement")
def duplicate_statement(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """Two or more statements say the same thing (same words, ignoring case and punctuation)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for n in ctx.amap.nodes:
        key = _normalized(n.text)
        if key:
            groups[key].append(n.id)
    for key, ids in groups.items():
        if len(ids) > 1:
            yield f"{len(ids)} statements say the same: {_clip(key)!r}", tuple(ids)


@register("AM205", "warning", "near-duplicate-statement")
def near_duplicate_statement(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """Two statements share nearly all their words (word-set Jaccard similarity ≥ 0.9).

    Candidate pairs come from prefix filtering (words ordered rarest first; two sets this
    similar must share a word among the first few of each), so big maps are not compared
    pair by pair.
    """
    threshold = NEAR_DUPLICATE_JACCARD
    sets: dict[str, frozenset[str]] = {}
    by_key: dict[frozenset[str], str] = {}
    for n in ctx.amap.nodes:
        words = frozenset(_normalized(n.text).split())
        if words and words not in by_key:  # identical sets are AM204's (or same words reordered)
            by_key[words] = n.id
            sets[n.id] = words
    order = {node_id: i for i, node_id in enumerate(sets)}
    freq = Counter(w for words in sets.values() for w in words)
    index: dict[str, list[str]] = defaultdict(list)
    for node_id, words in sets.items():
        ordered = sorted(words, key=lambda w: (freq[w], w))
        # |A ∩ B| ≥ t·|A| is needed, so B must meet A's first |A| - ceil(t·|A|) + 1 words.
        prefix = len(ordered) - _ceil(threshold * len(ordered)) + 1
        candidates: set[str] = set()
        for w in ordered[:prefix]:
            candidates.update(index[w])
            index[w].append(node_id)
        for other in sorted(candidates, key=order.__getitem__):
            a, b = sets[other], words
            if min(len(a), len(b)) < threshold * max(len(a), len(b)):
                continue  # sizes alone rule the pair out
            shared = len(a & b)
            score = shared / (len(a) + len(b) - shared)
            if score >= threshold:
                yield (f"{ctx.describe(other)} and {ctx.describe(node_id)} are near-duplicates "
                       f"(word overlap {score:.2f})"), (other, node_id)


def _ceil(x: float) -> int:
    # guard against float noise such as 0.9 * 10 = 9.000000000000002
    r = round(x)
    return r if abs(x - r) < 1e-9 else int(x) + 1


# ----- info ---------------------------------------------------------------------------


@register("AM301", "info", "unanswered-critique")
def unanswered_critique(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A critique stands (IN under grounded semantics): nothing attacks it, or every answer
    to it is itself defeated."""
    attacked = {t for _, t in ctx.edge_pairs["attacks"]}
    for n in ctx.amap.nodes:
        if n.kind == "critique" and ctx.grounded[n.id] == "IN":
            why = "its answers are themselves defeated" if n.id in attacked else "nothing answers it"
            yield f"critique {n.id!r} stands unanswered: {why}", (n.id,)


def _topic_lacks(ctx: CheckContext, stance: str, what: str) -> Iterator[tuple[str, Sequence[str]]]:
    present = {n.topic for n in ctx.amap.nodes if n.stance == stance}
    for t in ctx.amap.topics:
        if t.id not in present:
            yield f"topic {t.id!r} ({_clip(t.title)!r}) has {what}", (t.id,)


@register("AM302", "info", "topic-without-critique")
def topic_without_critique(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic has no critique: the debate shows one side only."""
    return _topic_lacks(ctx, "con", "no critique")


@register("AM303", "info", "topic-without-pro-side")
def topic_without_pro_side(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic has no claim or rebuttal: nothing argues for its thesis."""
    return _topic_lacks(ctx, "pro", "no pro side (no claim or rebuttal)")


@register("AM304", "info", "thesis-defeated")
def thesis_defeated(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic's thesis is OUT under grounded semantics: an unanswered attack defeats it."""
    for t in ctx.amap.topics:
        if ctx.grounded[t.id] == "OUT":
            winners = [s for s in ctx.attackers[t.id] if ctx.grounded[s] == "IN"]
            yield (f"topic {t.id!r} ({_clip(t.title)!r}) is defeated under grounded semantics "
                   f"by {', '.join(map(repr, winners))}"), (t.id, *winners)


@register("AM305", "info", "thesis-undecided")
def thesis_undecided(ctx: CheckContext) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic's thesis is UNDEC under grounded semantics (caught in an unresolved conflict)."""
    for t in ctx.amap.topics:
        if ctx.grounded[t.id] == "UNDEC":
            yield f"topic {t.id!r} ({_clip(t.title)!r}) is undecided under grounded semantics", (t.id,)
