"""Dung argumentation semantics over argument maps and plain frameworks.

A :class:`Framework` is a set of arguments and an attack relation. Every map gives one
(:func:`framework_from_map`): topics and statements are arguments, ``attacks`` edges are the
attacks, ``supports`` edges are ignored.

Semantics: grounded, complete, preferred, stable, semi-stable and ideal (:data:`SEMANTICS`).
The ICCMA tasks are plain functions over a framework (or a map): :func:`extensions` (EE),
:func:`some_extension` (SE), :func:`credulously_accepted` (DC) and
:func:`skeptically_accepted` (DS), both with a witness, and :func:`count_extensions` (CE).
:func:`explain` says why an argument is IN, OUT or UNDEC.

* Grounded semantics runs in linear time: a queue of arguments whose attackers are all OUT.
* The others are SAT problems (:mod:`argmap.sat`, python-sat). Before any solver runs, the
  grounded labelling fixes what it decides (it holds in every complete labelling), the rest
  splits into unconnected parts whose extensions combine freely (so counts multiply and an
  enumeration that would list more than ``limit`` is refused before it starts), and an
  acceptance question under complete or preferred semantics — directional ones — looks only
  at the arguments with an attack path to the query.
* Every task takes ``time_limit`` (seconds) and ``memory_limit`` (bytes of resident memory);
  past one it stops with :class:`~argmap.errors.LimitExceeded`.

Example:
    >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> grounded_labelling(af)
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> sorted(map(sorted, extensions(Framework(["a", "b"], [("a", "b"), ("b", "a")]), "preferred")))
    [['a'], ['b']]
    >>> credulously_accepted(af, "b", "preferred")
    (False, None)
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from argmap.errors import LimitExceeded

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

Label = Literal["IN", "OUT", "UNDEC"]
Extension = frozenset[str]

# The semantics :func:`extensions` (and ``argmap solve --semantics``) knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")

# Default bounds of the exponential searches; callers (and ``argmap solve``) can raise them.
DEFAULT_LIMIT = 1_000_000
DEFAULT_TIME_LIMIT: float | None = 60.0
DEFAULT_MEMORY_LIMIT: int | None = 800 * 2**20

# Internal label codes: small ints keep labellings in plain lists.
_UNSET, _IN, _OUT, _UNDEC = 0, 1, 2, 4
_NAMES: dict[int, Label] = {_IN: "IN", _OUT: "OUT", _UNDEC: "UNDEC"}


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: building 100,000 adjacency lists (which hold no
    cycles) otherwise sets off dozens of collections that scan every list built so far."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class Framework:
    """A Dung argumentation framework: arguments (in input order) and attacks between them.

    Repeated arguments and repeated attacks are kept once; an attack naming an unknown
    argument is a ``ValueError``. Internally arguments are indices ``0..n-1`` with
    ``attackers[i]`` / ``targets[i]`` adjacency lists and ``in_degree[i]`` attacker counts,
    which is what the algorithms use.

    Example:
        >>> af = Framework(["a", "b"], [("a", "b"), ("a", "b")])
        >>> af.arguments, af.attacks, af.attackers
        (('a', 'b'), (('a', 'b'),), [[], [0]])
    """

    __slots__ = ("arguments", "index", "targets", "in_degree", "_attackers")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        index: dict[str, int] = {}
        for name in arguments:
            index.setdefault(name, len(index))
        sources: list[int] = []
        ends: list[int] = []
        for source, target in attacks:
            try:
                s, t = index[source], index[target]
            except KeyError as exc:
                raise ValueError(f"attack ({source!r}, {target!r}) names unknown argument {exc.args[0]!r}") from None
            sources.append(s)
            ends.append(t)
        self._build(tuple(index), index, sources, ends)

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]], names: Sequence[str] | None = None) -> Framework:
        """A framework over arguments ``0..n-1`` (named ``names``, default ``"1".."n"``).

        Example:
            >>> Framework.from_indices(2, [(0, 1)]).attacks
            (('1', '2'),)
        """
        pairs = list(attacks)
        return cls.from_columns(n, [s for s, _ in pairs], [t for _, t in pairs], names)

    @classmethod
    def from_columns(cls, n: int, sources: list[int], targets: list[int],
                     names: Sequence[str] | None = None) -> Framework:
        """A framework over arguments ``0..n-1`` whose ``k``-th attack is ``sources[k]`` →
        ``targets[k]`` (what the file readers build: two flat lists cost far less than a
        tuple per attack).

        Example:
            >>> Framework.from_columns(3, [0, 1], [1, 2]).attacks
            (('1', '2'), ('2', '3'))
        """
        labels = tuple(names) if names is not None else tuple(map(str, range(1, n + 1)))
        index = dict(zip(labels, range(n)))
        if len(labels) != n or len(index) != n:
            raise ValueError("names must be n distinct strings")
        if len(sources) != len(targets):
            raise ValueError("sources and targets must be as long as each other")
        af = cls.__new__(cls)
        af._build(labels, index, sources, targets)
        return af

    def _build(self, arguments: tuple[str, ...], index: dict[str, int], sources: list[int], ends: list[int]) -> None:
        n = len(arguments)
        self.arguments = arguments
        self.index = index
        if sources:
            low, high = min(min(sources), min(ends)), max(max(sources), max(ends))
            if low < 0 or high >= n:
                pair = next(p for p in zip(sources, ends) if not (0 <= p[0] < n and 0 <= p[1] < n))
                raise ValueError(f"attack {pair} refers to an argument outside 0..{n - 1}")
            keys = [s * n + t for s, t in zip(sources, ends)]
            if len(set(keys)) < len(keys):  # repeated attacks: keep first occurrences, in order
                unique = dict.fromkeys(keys)
                sources, ends = [k // n for k in unique], [k % n for k in unique]
        in_degree = [0] * n
        with _no_gc():
            targets: list[list[int]] = [[] for _ in range(n)]
            for s, t in zip(sources, ends):
                targets[s].append(t)
        for t in ends:
            in_degree[t] += 1
        self.targets = targets
        #: ``in_degree[i]``: how many arguments attack ``i`` (all grounded semantics needs)
        self.in_degree = in_degree
        self._attackers: list[list[int]] | None = None

    @property
    def attackers(self) -> list[list[int]]:
        """``attackers[i]``: the arguments attacking ``i`` (built on first use: grounded
        semantics needs only their number, :attr:`in_degree`)."""
        if self._attackers is None:
            with _no_gc():
                attackers: list[list[int]] = [[] for _ in self.targets]
                for source, ts in enumerate(self.targets):
                    for t in ts:
                        attackers[t].append(source)
            self._attackers = attackers
        return self._attackers

    @classmethod
    def from_map(cls, amap: ArgumentMap) -> Framework:
        """The framework of a map; see :func:`framework_from_map`."""
        return framework_from_map(amap)

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """Attacks as name pairs, grouped by attacker in argument order."""
        names = self.arguments
        return tuple((names[s], names[t]) for s, ts in enumerate(self.targets) for t in ts)

    def __len__(self) -> int:
        return len(self.arguments)

    def __repr__(self) -> str:
        return f"Framework({len(self.arguments)} arguments, {sum(map(len, self.targets))} attacks)"


def framework_from_map(amap: ArgumentMap) -> Framework:
    """The Dung framework of a map: topics and statements are arguments, ``attacks`` edges
    are attacks, ``supports`` edges are ignored.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
        ...                 nodes=[Node(id="c", kind="critique", topic="t", text="x")],
        ...                 edges=[Edge(source="c", target="t", relation="attacks")])
        >>> framework_from_map(m).attacks
        (('c', 't'),)
    """
    return Framework(
        (item.id for item in amap.iter_items()),
        ((e.source, e.target) for e in amap.edges if e.relation == "attacks"),
    )


def _as_framework(af: Framework | ArgumentMap) -> Framework:
    return af if isinstance(af, Framework) else framework_from_map(af)


# ----- grounded ---------------------------------------------------------------------------


def _grounded_codes(af: Framework) -> list[int]:
    """Grounded labelling as codes, in O(arguments + attacks).

    ``live[i]`` counts the attackers of ``i`` not yet OUT; an argument whose count drops to
    zero is IN, and everything it attacks is OUT. Each attack is looked at a bounded number
    of times, so there are no repeated fixpoint scans.
    """
    targets = af.targets
    live = list(af.in_degree)
    labels = [_UNSET] * len(live)
    queue = deque(i for i, c in enumerate(live) if c == 0)
    for i in queue:
        labels[i] = _IN
    while queue:
        for t in targets[queue.popleft()]:
            if labels[t] != _UNSET:
                continue  # already OUT (an argument labelled IN is never attacked by an IN one)
            labels[t] = _OUT
            for u in targets[t]:
                live[u] -= 1
                if live[u] == 0 and labels[u] == _UNSET:
                    labels[u] = _IN
                    queue.append(u)
    return [code or _UNDEC for code in labels]


def grounded_labelling(af: Framework | ArgumentMap) -> dict[str, Label]:
    """IN / OUT / UNDEC for every argument under grounded semantics, in argument order.

    Example:
        >>> grounded_labelling(Framework(["a", "b", "c"], [("a", "b"), ("c", "c")]))
        {'a': 'IN', 'b': 'OUT', 'c': 'UNDEC'}
    """
    fw = _as_framework(af)
    return {name: _NAMES[code] for name, code in zip(fw.arguments, _grounded_codes(fw))}


def grounded_extension(af: Framework | ArgumentMap) -> Extension:
    """The grounded extension: the arguments labelled IN by :func:`grounded_labelling`.

    Example:
        >>> sorted(grounded_extension(Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])))
        ['a', 'c']
    """
    fw = _as_framework(af)
    return frozenset(name for name, code in zip(fw.arguments, _grounded_codes(fw)) if code == _IN)


# ----- the other semantics: grounded reduction, components, SAT ----------------------------


class _Core:
    """The part of a framework the grounded labelling leaves UNDEC, renumbered ``0..m-1``
    (``members[k]`` is the framework index of core argument ``k``), with ``attackers`` inside
    it. Arguments the grounded labelling decides keep their label in every complete labelling,
    and attacks from its OUT arguments change nothing, so every complete (preferred, stable,
    semi-stable) extension is the grounded extension plus one of the core's."""

    __slots__ = ("codes", "members", "local", "attackers")

    def __init__(self, af: Framework, codes: list[int] | None = None, members: list[int] | None = None) -> None:
        self.codes = codes if codes is not None else _grounded_codes(af)
        if members is None:
            members = [i for i, c in enumerate(self.codes) if c == _UNDEC]
        self.members = members
        self.local = {g: k for k, g in enumerate(members)}
        local = self.local
        self.attackers = [[local[b] for b in af.attackers[g] if b in local] for g in members]

    def sub(self, af: Framework, keep: Iterable[int]) -> _Core:
        """The core restricted to the local arguments ``keep``."""
        return _Core(af, self.codes, [self.members[k] for k in sorted(keep)])

    def ancestors(self, k: int) -> list[int]:
        """Local arguments with an attack path to ``k`` (``k`` included): under a directional
        semantics (complete, preferred) they alone decide ``k``'s acceptance."""
        seen = {k}
        todo = [k]
        attackers = self.attackers
        while todo:
            for b in attackers[todo.pop()]:
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        return sorted(seen)

    def components(self) -> list[list[int]]:
        """The weakly connected components (local arguments), smallest first: extensions of
        unconnected parts combine freely. (A plain search: importing networkx would cost more
        than the whole search on most frameworks.)"""
        m = len(self.attackers)
        neighbours: list[list[int]] = [[] for _ in range(m)]
        for t, attackers in enumerate(self.attackers):
            for b in attackers:
                neighbours[b].append(t)
                neighbours[t].append(b)
        part = [-1] * m
        parts: list[list[int]] = []
        for start in range(m):
            if part[start] >= 0:
                continue
            part[start] = len(parts)
            members, todo = [start], [start]
            while todo:
                for j in neighbours[todo.pop()]:
                    if part[j] < 0:
                        part[j] = part[start]
                        members.append(j)
                        todo.append(j)
            parts.append(sorted(members))
        return sorted(parts, key=len)


def _core_sets(core: _Core, semantics: str, budget: Any) -> Iterator[list[int]]:
    """Every extension of the core under ``semantics`` (local IN sets)."""
    from argmap import sat

    if semantics == "complete":
        return sat.enumerate_complete(core.attackers, budget)
    if semantics == "stable":
        return sat.enumerate_complete(core.attackers, budget, stable=True)
    if semantics == "preferred":
        return sat.enumerate_preferred(core.attackers, budget)
    return sat.enumerate_semi_stable(core.attackers, budget)


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")


def _ideal_codes(af: Framework, budget: Any) -> list[int]:
    """The ideal extension: the largest admissible set of credulously accepted arguments none
    of which is attacked by a credulously accepted one (Dunne 2009)."""
    from argmap import sat

    core = _Core(af)
    m = len(core.members)
    credulous: set[int] = set()
    if m:
        solver = budget.solver(sat.encode(core.attackers))
        unknown = set(range(m))
        while unknown:
            act = budget.fresh(m)
            solver.add_clause([-act, *(k + 1 for k in unknown)])
            model = budget.solve(solver, [act])
            solver.add_clause([-act])
            if model is None:
                break
            found = {k for k in unknown if model[k] > 0}
            credulous |= found
            unknown -= found
    ideal = {k for k in credulous if not any(b in credulous for b in core.attackers[k])}
    while True:  # drop what ideal does not defend until nothing changes
        attacked = {t for t in range(m) if any(b in ideal for b in core.attackers[t])}
        kept = {k for k in ideal if all(b in attacked for b in core.attackers[k])}
        if kept == ideal:
            break
        ideal = kept
    codes = list(core.codes)
    for k in ideal:
        codes[core.members[k]] = _IN
    return codes


def _unique(af: Framework, semantics: str, budget: Any) -> Extension | None:
    """The one extension of a unique-status semantics (grounded, ideal), else ``None``."""
    if semantics == "grounded":
        return _extension(af, _grounded_codes(af))
    if semantics == "ideal":
        return _extension(af, _ideal_codes(af, budget))
    return None


def _extension(af: Framework, codes: list[int]) -> Extension:
    return frozenset(af.arguments[i] for i, c in enumerate(codes) if c == _IN)


def _lift(af: Framework, core: _Core, local: Iterable[int]) -> Extension:
    """The framework extension of a core IN set: it plus the grounded extension."""
    names = af.arguments
    members = core.members
    grounded = [names[i] for i, c in enumerate(core.codes) if c == _IN]
    return frozenset([*grounded, *(names[members[k]] for k in local)])


def _listed(af: Framework, semantics: str, limit: int | None, budget: Any) -> list[Extension]:
    """Every extension, the core's components solved apart and combined; refused before
    listing when they combine to more than ``limit``."""
    from itertools import product

    core = _Core(af)
    parts = core.components()
    per_part: list[list[list[int]]] = []
    total = 1
    solved: dict[tuple[tuple[int, ...], ...], list[list[int]]] = {}
    for part in parts:
        sub = core.sub(af, part)
        shape = tuple(map(tuple, sub.attackers))  # parts of one shape (many two-cycles) are solved once
        if shape not in solved:
            found: list[list[int]] = []
            for ins in _core_sets(sub, semantics, budget):
                found.append(ins)
                if limit is not None and total * len(found) > limit:
                    raise _too_many(semantics, limit, len(parts))
            solved[shape] = found
        found = solved[shape]
        if not found:
            return []
        total *= len(found)
        if limit is not None and total > limit:
            raise _too_many(semantics, limit, len(parts))
        per_part.append([[sub.members[k] for k in ins] for ins in found])
    names = af.arguments
    grounded = [names[i] for i, c in enumerate(core.codes) if c == _IN]
    out = []
    for combo in product(*per_part):
        out.append(frozenset([*grounded, *(names[g] for ins in combo for g in ins)]))
        if len(out) % 64 == 0:
            budget.check()
    return out


def _too_many(semantics: str, limit: int, parts: int) -> LimitExceeded:
    spread = f" (its {parts:,} unconnected parts multiply their choices)" if parts > 1 else ""
    return LimitExceeded(f"{semantics} extensions: more than {limit:,}{spread}; ask for one extension, "
                         "an acceptance question or a count instead, or raise the limit (limit=..., --limit)")


def _budget(semantics: str, time_limit: float | None, memory_limit: int | None) -> Any:
    from argmap.sat import Budget

    _check_semantics(semantics)
    return Budget(time_limit=time_limit, memory_limit=memory_limit, what=f"{semantics} extensions")


def extensions(af: Framework | ArgumentMap, semantics: str, *, limit: int | None = DEFAULT_LIMIT,
               time_limit: float | None = DEFAULT_TIME_LIMIT,
               memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> list[Extension]:
    """Every extension under ``semantics`` (one of :data:`SEMANTICS`); grounded and ideal
    give exactly one.

    ``limit`` bounds how many are listed, ``time_limit`` the seconds and ``memory_limit`` the
    bytes of resident memory; past one, :class:`~argmap.errors.LimitExceeded` (``None`` lifts
    a bound). An ``ArgumentMap`` stands for its framework (:func:`framework_from_map`), here
    and in the other task functions.

    Example:
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
        >>> sorted(map(sorted, extensions(af, "preferred")))
        [['a', 'c'], ['b']]
        >>> extensions(af, "grounded")
        [frozenset()]
    """
    fw = _as_framework(af)
    with _budget(semantics, time_limit, memory_limit) as budget:
        one = _unique(fw, semantics, budget)
        return [one] if one is not None else _listed(fw, semantics, limit, budget)


def count_extensions(af: Framework | ArgumentMap, semantics: str, *,
                     time_limit: float | None = DEFAULT_TIME_LIMIT,
                     memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> int:
    """How many extensions ``semantics`` gives. Unconnected parts of the framework are counted
    apart and multiplied, so the count may be astronomically large without listing anything.
    Bounds as in :func:`extensions`.

    Example:
        >>> count_extensions(Framework(["a", "b"], [("a", "b"), ("b", "a")]), "complete")
        3
    """
    fw = _as_framework(af)
    with _budget(semantics, time_limit, memory_limit) as budget:
        if semantics in ("grounded", "ideal"):
            return 1
        core = _Core(fw)
        total = 1
        counted: dict[tuple[tuple[int, ...], ...], int] = {}
        for part in core.components():
            sub = core.sub(fw, part)
            shape = tuple(map(tuple, sub.attackers))
            if shape not in counted:
                counted[shape] = sum(1 for _ in _core_sets(sub, semantics, budget))
                budget.check()
            if not counted[shape]:
                return 0
            total *= counted[shape]
        return total


def some_extension(af: Framework | ArgumentMap, semantics: str, *,
                   time_limit: float | None = DEFAULT_TIME_LIMIT,
                   memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> Extension | None:
    """One extension under ``semantics``, or ``None`` when there is none (only stable
    semantics can have none). Bounds as in :func:`extensions`.

    Example:
        >>> sorted(some_extension(Framework(["a", "b", "c"], [("a", "b"), ("b", "c")]), "preferred"))
        ['a', 'c']
    """
    fw = _as_framework(af)
    with _budget(semantics, time_limit, memory_limit) as budget:
        return _some(fw, semantics, budget)


def _some(af: Framework, semantics: str, budget: Any) -> Extension | None:
    from argmap import sat

    one = _unique(af, semantics, budget)
    if one is not None:
        return one
    core = _Core(af)
    if semantics == "complete":  # the grounded extension is complete
        return _extension(af, core.codes)
    if semantics == "preferred":
        return _lift(af, core, sat.extend(core.attackers, budget, preferred=True))
    found = next(iter(_core_sets(core, semantics, budget)), None)
    return None if found is None else _lift(af, core, found)


def _query(af: Framework, argument: str) -> int:
    try:
        return af.index[argument]
    except KeyError:
        raise ValueError(f"no argument {argument!r} in the framework") from None


def credulously_accepted(af: Framework | ArgumentMap, argument: str, semantics: str, *,
                         time_limit: float | None = DEFAULT_TIME_LIMIT,
                         memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> tuple[bool, Extension | None]:
    """Whether some extension under ``semantics`` holds ``argument``, with one that does
    (the witness) when so. Bounds as in :func:`extensions`.

    Example:
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
        >>> yes, witness = credulously_accepted(af, "c", "preferred")
        >>> yes, sorted(witness)
        (True, ['a', 'c'])
        >>> credulously_accepted(af, "c", "grounded")
        (False, None)
    """
    fw = _as_framework(af)
    q = _query(fw, argument)
    with _budget(semantics, time_limit, memory_limit) as budget:
        return _credulous(fw, q, semantics, budget)


def _credulous(af: Framework, q: int, semantics: str, budget: Any) -> tuple[bool, Extension | None]:
    from argmap import sat

    one = _unique(af, semantics, budget)
    if one is not None:
        return (True, one) if af.arguments[q] in one else (False, None)
    core = _Core(af)
    code = core.codes[q]
    if code == _OUT:
        return False, None
    if code == _IN:  # in every extension, if there is one
        witness = _some(af, semantics, budget)
        return (witness is not None), witness
    k = core.local[q]
    if semantics in ("complete", "preferred"):
        # directional semantics: the arguments with an attack path to the query decide it
        near = core.sub(af, core.ancestors(k))
        found = sat.credulous(near.attackers, near.local[q], budget, preferred=semantics == "preferred")
        if found is None:
            return False, None
        return True, _lift(af, core, _beyond(af, core, near, found, budget, preferred=semantics == "preferred"))
    if semantics == "stable":
        found = sat.credulous(core.attackers, k, budget, stable=True)
        return (False, None) if found is None else (True, _lift(af, core, found))
    for ins in _core_sets(core, semantics, budget):
        if k in ins:
            return True, _lift(af, core, ins)
    return False, None


def _beyond(af: Framework, core: _Core, near: _Core, ins: list[int], budget: Any, *,
            preferred: bool) -> list[int]:
    """A complete (``preferred``: preferred) IN set of the core (local) whose part in
    ``near`` — a part of the core closed under attackers — is ``ins``, one of near's.

    Only the rest is solved, conditioned on near: what near's IN set attacks is OUT, and what
    an UNDEC argument of near attacks cannot be IN (its attacker is never defeated). A
    complete (preferred) set of that rest joins ``ins`` into one of the core, and directional
    semantics guarantee there is one."""
    from argmap import sat

    inside = {near.members[j] for j in ins}
    out = {t for g in inside for t in af.targets[g]}
    undecided = set(near.members) - inside - out
    local = core.local
    rest = [k for k, g in enumerate(core.members) if g not in near.local and g not in out]
    found = [local[g] for g in inside]
    if not rest:
        return found
    sub = core.sub(af, rest)
    blocked = [j for j, g in enumerate(sub.members) if any(b in undecided for b in af.attackers[g])]
    return found + [local[sub.members[j]] for j in sat.extend(sub.attackers, budget, blocked=blocked,
                                                                  preferred=preferred)]


def skeptically_accepted(af: Framework | ArgumentMap, argument: str, semantics: str, *,
                         time_limit: float | None = DEFAULT_TIME_LIMIT,
                         memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> tuple[bool, Extension | None]:
    """Whether every extension under ``semantics`` holds ``argument``, with one that does not
    (the counter-example) when not. With no extension at all (stable semantics can have
    none) every argument is skeptically accepted. Bounds as in :func:`extensions`.

    Example:
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c")])
        >>> skeptically_accepted(af, "a", "preferred")
        (False, frozenset({'b'}))
        >>> skeptically_accepted(af, "a", "stable")
        (True, None)
    """
    fw = _as_framework(af)
    q = _query(fw, argument)
    with _budget(semantics, time_limit, memory_limit) as budget:
        return _skeptical(fw, q, semantics, budget)


def _skeptical(af: Framework, q: int, semantics: str, budget: Any) -> tuple[bool, Extension | None]:
    from argmap import sat

    one = _unique(af, semantics, budget)
    if one is not None:
        return (True, None) if af.arguments[q] in one else (False, one)
    core = _Core(af)
    code = core.codes[q]
    if code == _IN:
        return True, None
    if semantics == "complete":  # the grounded extension is complete and lacks it
        return False, _extension(af, core.codes)
    if code == _OUT:
        witness = _some(af, semantics, budget)
        return (witness is None), witness
    k = core.local[q]
    if semantics == "preferred":
        near = core.sub(af, core.ancestors(k))
        found = sat.preferred_without(near.attackers, near.local[q], budget)
        if found is None:
            return True, None
        return False, _lift(af, core, _beyond(af, core, near, found, budget, preferred=True))
    if semantics == "stable":
        found = sat.credulous(core.attackers, -1 - k, budget, stable=True)
        return (True, None) if found is None else (False, _lift(af, core, found))
    for ins in _core_sets(core, semantics, budget):
        if k not in ins:
            return False, _lift(af, core, ins)
    return True, None


# ----- explanations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Explanation:
    """Why ``argument`` has ``label`` in the labelling of one extension under ``semantics``.

    * IN: every attacker is OUT; ``defeats`` pairs each attacker with an IN argument that
      attacks it;
    * OUT: ``because`` lists its IN attackers;
    * UNDEC: no attacker is IN and ``because`` lists the UNDEC ones; ``cycle`` is a cycle of
      UNDEC arguments it depends on (in attack order, the first one repeated at the end).

    ``text`` says the same in a sentence a student can follow.
    """

    argument: str
    semantics: str
    label: Label
    attackers: tuple[str, ...]
    because: tuple[str, ...] = ()
    defeats: tuple[tuple[str, str], ...] = ()
    cycle: tuple[str, ...] = ()
    text: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The explanation as plain JSON-ready data."""
        return {"argument": self.argument, "semantics": self.semantics, "label": self.label,
                "attackers": list(self.attackers), "because": list(self.because),
                "defeats": [list(pair) for pair in self.defeats], "cycle": list(self.cycle), "text": self.text}


def labelling_of(af: Framework | ArgumentMap, extension: Iterable[str]) -> dict[str, Label]:
    """The labelling of an extension: IN inside it, OUT when it attacks, else UNDEC.

    Example:
        >>> labelling_of(Framework(["a", "b", "c"], [("a", "b"), ("c", "c")]), {"a"})
        {'a': 'IN', 'b': 'OUT', 'c': 'UNDEC'}
    """
    fw = _as_framework(af)
    inside = {fw.index[a] for a in extension}
    out = {t for s in inside for t in fw.targets[s]}
    return {name: "IN" if i in inside else "OUT" if i in out else "UNDEC" for i, name in enumerate(fw.arguments)}


def explain_framework(af: Framework | ArgumentMap, semantics: str = "grounded",
                      extension: Iterable[str] | None = None) -> list[Explanation]:
    """An :class:`Explanation` for every argument, from the labelling of ``extension`` (by
    default the grounded / ideal one, else the first extension :func:`some_extension` finds;
    a framework with no stable extension has nothing to explain under stable semantics).

    Example:
        >>> [e.text for e in explain_framework(Framework(["a", "b"], [("a", "b")]))]
        ['IN: nothing attacks it.', 'OUT: it is attacked by a, which is IN.']
    """
    fw = _as_framework(af)
    if extension is None:
        extension = some_extension(fw, semantics)
        if extension is None:
            return []
    labels = labelling_of(fw, extension)
    return [_explain(fw, i, labels, semantics) for i in range(len(fw))]


def explain(amap: ArgumentMap | Framework, node_id: str, semantics: str = "grounded",
            extension: Iterable[str] | None = None) -> Explanation:
    """Why ``node_id`` is IN, OUT or UNDEC under ``semantics`` (see :func:`explain_framework`
    for which labelling); a ``ValueError`` when the map has no such statement or topic.

    Example:
        >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
        >>> explain(af, "a").cycle
        ('a', 'b', 'c', 'a')
        >>> explain(af, "a").text
        'UNDEC: no attacker is IN, but c is not OUT either; it sits in the odd cycle a → b → c → a, which no side of can win.'
    """
    fw = _as_framework(amap)
    q = _query(fw, node_id)
    if extension is None:
        extension = some_extension(fw, semantics)
        if extension is None:
            raise ValueError(f"there is no {semantics} extension to explain {node_id!r} by")
    return _explain(fw, q, labelling_of(fw, extension), semantics)


def _explain(af: Framework, i: int, labels: dict[str, Label], semantics: str) -> Explanation:
    names = af.arguments
    name = names[i]
    label = labels[name]
    attackers = tuple(names[b] for b in af.attackers[i])
    if label == "IN":
        defeats = tuple((names[b], next((names[c] for c in af.attackers[b] if labels[names[c]] == "IN"), ""))
                        for b in af.attackers[i])
        text = ("IN: nothing attacks it." if not defeats else
                "IN: every attacker is OUT — " + "; ".join(f"{b} is defeated by {c}, which is IN" if c else
                                                           f"{b} is not defeated (the set is not admissible)"
                                                           for b, c in defeats) + ".")
        return Explanation(name, semantics, label, attackers, defeats=defeats, text=text)
    if label == "OUT":
        winners = tuple(a for a in attackers if labels[a] == "IN")
        text = f"OUT: it is attacked by {_and(winners)}, which {'is' if len(winners) == 1 else 'are'} IN."
        return Explanation(name, semantics, label, attackers, because=winners, text=text)
    open_ = tuple(a for a in attackers if labels[a] == "UNDEC")
    cycle = _undecided_cycle(af, i, labels)
    if not open_ or not cycle:  # a set that is not a complete extension leaves it out anyway
        text = "UNDEC: nothing IN attacks it, but the extension leaves it out."
        return Explanation(name, semantics, label, attackers, because=open_, text=text)
    odd = (len(cycle) - 1) % 2 == 1
    kind = "odd cycle" if odd else "cycle"
    why = "which no side of can win" if odd else f"which {semantics} semantics leaves undecided"
    text = (f"UNDEC: no attacker is IN, but {_and(open_)} {'is' if len(open_) == 1 else 'are'} not OUT either; "
            f"it {'sits in' if name in cycle else 'depends on'} the {kind} {' → '.join(cycle)}, {why}.")
    return Explanation(name, semantics, label, attackers, because=open_, cycle=cycle, text=text)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _undecided_cycle(af: Framework, i: int, labels: dict[str, Label]) -> tuple[str, ...]:
    """A cycle of UNDEC arguments behind UNDEC argument ``i``, in attack order.

    Every UNDEC argument has an UNDEC attacker, so walking back along them must come round;
    the walk prefers an attacker it has already met (the cycle closes sooner) and otherwise
    the first one."""
    names = af.arguments
    seen: dict[int, int] = {}
    path: list[int] = []
    node = i
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        undecided = [b for b in af.attackers[node] if labels[names[b]] == "UNDEC"]
        if not undecided:  # only when the extension explained is not a complete one
            return ()
        node = next((b for b in undecided if b in seen), undecided[0])
    loop = path[seen[node]:]  # each attacked by the next one
    ordered = [names[k] for k in reversed(loop)]
    # start at i when it is on the cycle, so the sentence reads from the argument itself
    if names[i] in ordered:
        at = ordered.index(names[i])
        ordered = ordered[at:] + ordered[:at]
    return (*ordered, ordered[0])
