"""Consistency checks: does a map hold together, and which statements stand?

Each check is a small function over the map's :class:`~argmap.index.MapIndex` (``ix.amap``
is the map; the index holds the lookups, edge pairs, relation graphs and the grounded
labelling several checks share) that yields ``(message, ids)`` pairs. :func:`register` files it in :data:`CHECKS` under a
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
    ... def short_critique(ix):
    ...     for n in ix.amap.nodes:
    ...         if n.kind == "critique" and len(n.text) < 4:
    ...             yield f"critique {n.id!r} is very short", (n.id,)
    >>> [f.message for f in run_checks(m, select=["X"])]
    ["critique 'c' is very short"]
    >>> run_checks(m, select=["X"])
    Findings: 0 errors, 0 warnings, 1 info
      X001 info short-critique: critique 'c' is very short
    >>> del CHECKS["X001"]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Literal

import networkx as nx

from argmap.index import MapIndex
from argmap.model import ArgumentMap
from argmap.text import shorten

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


class Findings(list[Finding]):
    """The findings of one run: a plain list that also summarises itself (``repr``) and shows
    as a table with the statements' text in Jupyter (``_repr_html_``).

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> found = run_checks(ArgumentMap(topics=[Topic(id="t", title="Tolls & <fees>")]), select=["AM302"])
        >>> found
        Findings: 0 errors, 0 warnings, 1 info
          AM302 info topic-without-critique: topic 't' ("Tolls & <fees>") has no critique
        >>> "Tolls &amp; &lt;fees&gt;" in found._repr_html_()
        True
    """

    def __init__(self, findings: Iterable[Finding] = (), index: MapIndex | None = None) -> None:
        super().__init__(findings)
        self.index = index

    def counts(self) -> dict[str, int]:
        """Severity → how many findings have it (every severity present, maybe 0)."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in self:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return counts

    def summary(self) -> str:
        """``1 error, 0 warnings, 2 info``."""
        return ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in self.counts().items())

    def __repr__(self) -> str:
        lines = [f"  {f.code} {f.severity} {f.name}: {f.message}" if f.name else f"  {f.code} {f.severity}: {f.message}"
                 for f in self]
        return "\n".join([f"Findings: {self.summary()}", *lines])

    def _repr_html_(self) -> str:
        rows = []
        for f in self:
            texts = "<br>".join(escape(self._statement(i)) for i in f.ids)
            rows.append(f"<tr><td><code>{escape(f.code)}</code></td><td>{escape(f.severity)}</td>"
                        f"<td>{escape(f.name)}</td><td>{escape(f.message)}</td><td>{texts}</td></tr>")
        head = "".join(f"<th>{h}</th>" for h in ("Code", "Severity", "Check", "Message", "Statements"))
        return (f"<p>Findings: {escape(self.summary())}</p>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def _statement(self, item_id: str) -> str:
        item = self.index.items.get(item_id) if self.index is not None else None
        if item is None:
            return item_id
        return f"{item_id}: {shorten(getattr(item, 'text', None) or getattr(item, 'title', ''), 120)}"


CheckFunction = Callable[[MapIndex], Iterable[tuple[str, Sequence[str]]]]


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

    The function takes a :class:`MapIndex` and yields ``(message, ids)`` pairs.
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


def run_checks(
    amap: ArgumentMap, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> Findings:
    """Run the registered checks whose code starts with a ``select`` prefix (all when
    ``None``) and with no ``ignore`` prefix; findings in catalogue order. A prefix that names
    no registered check is a ``ValueError`` (a typo would otherwise silence every check).

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> [f.code for f in run_checks(ArgumentMap(topics=[Topic(id="t", title="T")]))]
        ['AM302', 'AM303']
    """
    chosen = tuple(p.strip().upper() for p in select if p.strip()) if select is not None else ("",)
    skipped = tuple(p.strip().upper() for p in ignore or () if p.strip())
    unknown = [p for p in dict.fromkeys((*chosen, *skipped)) if not any(c.upper().startswith(p) for c in CHECKS)]
    if unknown:
        raise ValueError(f"no check code starts with {', '.join(map(repr, unknown))} "
                         f"(codes: {', '.join(CHECKS)})")
    ix = amap.index
    findings = Findings(index=ix)
    for check in CHECKS.values():
        code = check.code.upper()
        if not code.startswith(chosen) or (skipped and code.startswith(skipped)):
            continue
        for message, ids in check.function(ix):
            findings.append(Finding(check.code, check.severity, message, tuple(ids), check.name))
    return findings


# ----- cycles (networkx on the relation graphs of the index) ------------------------------


def _cyclic_components(g: nx.DiGraph) -> list[list[str]]:
    """Strongly connected components with more than one vertex, members in map order."""
    order = {v: i for i, v in enumerate(g)}
    comps = [sorted(c, key=order.__getitem__) for c in nx.strongly_connected_components(g) if len(c) > 1]
    return sorted(comps, key=lambda c: order[c[0]])


def _shortest_cycle_through(g: nx.DiGraph, start: str) -> list[str]:
    """A shortest cycle through ``start`` (vertices in order, ``start`` first, not repeated);
    ``start`` must lie on a cycle."""
    paths = nx.single_source_shortest_path(g, start)
    back = min((p for p in g.predecessors(start) if p in paths), key=lambda p: len(paths[p]))
    return paths[back]


def _shortest_odd_closed_walk(g: nx.DiGraph, start: str) -> list[str] | None:
    """A shortest closed walk of odd length from ``start`` (``None`` if there is none): a
    shortest path from ``(start, 0)`` to ``(start, 1)`` in the parity double cover of ``g``."""
    cover = nx.DiGraph((((u, p), (v, 1 - p)) for u, v in g.edges for p in (0, 1)))
    try:
        path = nx.shortest_path(cover, (start, 0), (start, 1))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    return [v for v, _ in path[:-1]]


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
def self_attack(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement attacks itself."""
    for s, t in ix.pairs("attacks"):
        if s == t:
            yield f"{ix.describe(s)} attacks itself", (s,)


def _stance_check(relation: str, source: str, target: str, doc: str) -> CheckFunction:
    """A check for ``relation`` edges from a ``source``-stance to a ``target``-stance item."""
    def check(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
        for s, t in ix.pairs(relation):  # type: ignore[arg-type]
            if s != t and ix.stance(s) == source and ix.stance(t) == target:
                yield f"{ix.describe(s)} {relation} {ix.describe(t)} ({source} {relation} {target})", (s, t)

    check.__doc__ = doc
    return check


# code, name, relation, source stance, target stance, description
for _code, _name, _relation, _source, _target, _doc in [
    ("AM102", "pro-attacks-pro", "attacks", "pro", "pro", "A pro statement (claim, rebuttal) attacks a pro statement or a topic."),
    ("AM103", "con-supports-pro", "supports", "con", "pro", "A con statement (critique) supports a pro statement or a topic."),
    ("AM104", "con-attacks-con", "attacks", "con", "con", "A critique attacks a critique."),
    ("AM105", "pro-supports-con", "supports", "pro", "con",
     "A pro statement supports a critique (the other support across stances is AM103)."),
]:
    register(_code, "error", _name)(_stance_check(_relation, _source, _target, _doc))


@register("AM106", "error", "supports-and-attacks")
def supports_and_attacks(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement both supports and attacks the same target."""
    attacks = set(ix.pairs("attacks"))
    for s, t in ix.pairs("supports"):
        if (s, t) in attacks:
            yield f"{ix.describe(s)} both supports and attacks {ix.describe(t)}", (s, t)


@register("AM107", "error", "support-cycle")
def support_cycle(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """Statements support each other in a circle (including a statement supporting itself)."""
    g = ix.relation_graph("supports")
    for s, t in ix.pairs("supports"):
        if s == t:
            yield f"{ix.describe(s)} supports itself", (s,)
    looped = nx.DiGraph(g)
    looped.remove_edges_from(list(nx.selfloop_edges(looped)))
    for comp in _cyclic_components(looped):
        walk = _shortest_cycle_through(looped.subgraph(comp), comp[0])
        more = f" ({len(comp)} statements support each other in this circle)" if len(comp) > len(walk) else ""
        yield f"support cycle: {_cycle_text(walk, 'supports')}{more}", tuple(comp)


@register("AM108", "error", "span-text-mismatch")
def span_text_mismatch(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A statement's text differs from its document's text at its span."""
    for n in ix.amap.nodes:
        if n.span is None:
            continue
        doc = ix.document_of(n)
        if doc is None or doc.text is None:
            continue
        source = doc.text[n.span[0]:n.span[1]]
        if source != n.text:
            yield (f"{n.kind} {n.id!r}: text {shorten(n.text, 40)!r} differs from document {doc.id!r} "
                   f"at {list(n.span)}: {shorten(source, 40)!r}"), (n.id,)


# ----- warnings -----------------------------------------------------------------------


def _attacks_nothing(ix: MapIndex, kind: str) -> Iterator[tuple[str, Sequence[str]]]:
    attacking = {s for s, _ in ix.pairs("attacks")}
    for n in ix.amap.nodes:
        if n.kind == kind and n.id not in attacking:
            yield f"{ix.describe(n.id)} attacks nothing (what does it answer?)", (n.id,)


@register("AM201", "warning", "rebuttal-attacks-nothing")
def rebuttal_attacks_nothing(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A rebuttal has no ``attacks`` edge: the critique it answers is not linked."""
    return _attacks_nothing(ix, "rebuttal")


@register("AM202", "warning", "critique-attacks-nothing")
def critique_attacks_nothing(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A critique has no ``attacks`` edge: neither a claim nor its topic is its target."""
    return _attacks_nothing(ix, "critique")


@register("AM203", "warning", "odd-attack-cycle")
def odd_attack_cycle(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """An attack cycle of odd length: no labelling settles it from inside, so its statements
    stay UNDEC under grounded semantics unless an attack from outside the cycle decides them.

    Found per strongly connected component of the attack graph (self-attacks left to AM101):
    such a component has an odd cycle exactly when it is not bipartite, and a shortest odd
    closed walk (breadth-first search in the parity double cover, linear) yields a concrete
    cycle — nothing is enumerated.
    """
    g = nx.DiGraph(ix.relation_graph("attacks"))
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    for comp in _cyclic_components(g):
        walk = _shortest_odd_closed_walk(g.subgraph(comp), comp[0])
        if walk is None:
            continue
        cycle = _odd_simple_cycle(walk)
        undecided = all(ix.grounded[v] == "UNDEC" for v in cycle)
        status = "undecided under grounded semantics" if undecided else "settled only by attacks from outside it"
        more = f"; {len(comp)} statements attack each other around it" if len(comp) > len(cycle) else ""
        yield (f"odd attack cycle of length {len(cycle)}: {_cycle_text(cycle, 'attacks')}"
               f" ({status}{more})"), tuple(cycle)


_WORD = re.compile(r"\w+")


def _normalized(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@register("AM204", "warning", "duplicate-statement")
def duplicate_statement(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """Two or more statements say the same thing (same words, ignoring case and punctuation)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for n in ix.amap.nodes:
        key = _normalized(n.text)
        if key:
            groups[key].append(n.id)
    for key, ids in groups.items():
        if len(ids) > 1:
            yield f"{len(ids)} statements say the same: {shorten(key, 40)!r}", tuple(ids)


@register("AM205", "warning", "near-duplicate-statement")
def near_duplicate_statement(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """Two statements share nearly all their words (word-set Jaccard similarity ≥ 0.9).

    Candidate pairs come from prefix filtering (words ordered rarest first; two sets this
    similar must share a word among the first few of each), so big maps are not compared
    pair by pair.
    """
    threshold = NEAR_DUPLICATE_JACCARD
    sets: dict[str, frozenset[str]] = {}
    by_key: dict[frozenset[str], str] = {}
    for n in ix.amap.nodes:
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
                yield (f"{ix.describe(other)} and {ix.describe(node_id)} are near-duplicates "
                       f"(word overlap {score:.2f})"), (other, node_id)


def _ceil(x: float) -> int:
    # guard against float noise such as 0.9 * 10 = 9.000000000000002
    r = round(x)
    return r if abs(x - r) < 1e-9 else int(x) + 1


# ----- info ---------------------------------------------------------------------------


@register("AM301", "info", "unanswered-critique")
def unanswered_critique(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A critique stands (IN under grounded semantics): nothing attacks it, or every answer
    to it is itself defeated."""
    attacked = {t for _, t in ix.pairs("attacks")}
    for n in ix.amap.nodes:
        if n.kind == "critique" and ix.grounded[n.id] == "IN":
            why = "its answers are themselves defeated" if n.id in attacked else "nothing answers it"
            yield f"{ix.describe(n.id)} stands unanswered: {why}", (n.id,)


def _topic_lacks(ix: MapIndex, stance: str, what: str) -> Iterator[tuple[str, Sequence[str]]]:
    present = {n.topic for n in ix.amap.nodes if n.stance == stance}
    for t in ix.amap.topics:
        if t.id not in present:
            yield f"{ix.describe(t.id)} has {what}", (t.id,)


@register("AM302", "info", "topic-without-critique")
def topic_without_critique(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic has no critique: the debate shows one side only."""
    return _topic_lacks(ix, "con", "no critique")


@register("AM303", "info", "topic-without-pro-side")
def topic_without_pro_side(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic has no claim or rebuttal: nothing argues for its thesis."""
    return _topic_lacks(ix, "pro", "no pro side (no claim or rebuttal)")


@register("AM304", "info", "thesis-defeated")
def thesis_defeated(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic's thesis is OUT under grounded semantics: an unanswered attack defeats it."""
    for t in ix.amap.topics:
        if ix.grounded[t.id] == "OUT":
            winners = [s for s in ix.attackers(t.id) if ix.grounded[s] == "IN"]
            yield (f"{ix.describe(t.id)} is defeated under grounded semantics "
                   f"by {', '.join(map(repr, winners))}"), (t.id, *winners)


@register("AM305", "info", "thesis-undecided")
def thesis_undecided(ix: MapIndex) -> Iterator[tuple[str, Sequence[str]]]:
    """A topic's thesis is UNDEC under grounded semantics (caught in an unresolved conflict)."""
    for t in ix.amap.topics:
        if ix.grounded[t.id] == "UNDEC":
            yield f"{ix.describe(t.id)} is undecided under grounded semantics", (t.id,)
