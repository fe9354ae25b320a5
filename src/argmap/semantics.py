"""Dung argumentation semantics over argument maps and plain frameworks.

A :class:`Framework` is a set of arguments and an attack relation. Every map gives one
(:func:`framework_from_map`): topics and statements are arguments, ``attacks`` edges are the
attacks, ``supports`` edges are ignored.

* Grounded semantics runs in linear time: a queue of arguments whose attackers are all OUT.
* Complete, preferred and stable extensions come from a labelling-based backtracking search
  that starts from the grounded labelling, branches on the arguments it leaves UNDEC and
  propagates the complete-labelling rules after every choice. The search is exponential in
  general, so it stops with :class:`~argmap.errors.LimitExceeded` after ``limit`` search
  steps or ``time_limit`` seconds; both can be raised by the caller.

Example:
    >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> grounded_labelling(af)
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> preferred_extensions(Framework(["a", "b"], [("a", "b"), ("b", "a")]))
    [frozenset({'a'}), frozenset({'b'})]
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from argmap.errors import LimitExceeded

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

Label = Literal["IN", "OUT", "UNDEC"]
Extension = frozenset[str]

# The semantics :func:`extensions` (and ``argmap solve --semantics``) knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable")

# Default bounds of the exponential searches; callers (and ``argmap solve``) can raise them.
DEFAULT_LIMIT = 1_000_000
DEFAULT_TIME_LIMIT: float | None = 60.0

# Internal label codes, also bits of a search domain: small ints keep state in plain lists.
_UNSET, _IN, _OUT, _UNDEC = 0, 1, 2, 4
_NAMES: dict[int, Label] = {_IN: "IN", _OUT: "OUT", _UNDEC: "UNDEC"}
_DECIDED = frozenset(_NAMES)
# domains, then per argument over its attackers: may be IN, may be OUT, may be not-OUT,
# must be IN, must be OUT (see _Search)
_State = tuple[list[int], list[int], list[int], list[int], list[int], list[int]]


class Framework:
    """A Dung argumentation framework: arguments (in input order) and attacks between them.

    Repeated arguments and repeated attacks are kept once; an attack naming an unknown
    argument is a ``ValueError``. Internally arguments are indices ``0..n-1`` with
    ``attackers[i]`` / ``targets[i]`` adjacency lists, which is what the algorithms use.

    Example:
        >>> af = Framework(["a", "b"], [("a", "b"), ("a", "b")])
        >>> af.arguments, af.attacks, af.attackers
        (('a', 'b'), (('a', 'b'),), [[], [0]])
    """

    __slots__ = ("arguments", "index", "attackers", "targets")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        index: dict[str, int] = {}
        for name in arguments:
            index.setdefault(name, len(index))
        pairs = []
        for source, target in attacks:
            try:
                pairs.append((index[source], index[target]))
            except KeyError as exc:
                raise ValueError(f"attack ({source!r}, {target!r}) names unknown argument {exc.args[0]!r}") from None
        self._build(tuple(index), index, pairs)

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]], names: Sequence[str] | None = None) -> Framework:
        """A framework over arguments ``0..n-1`` (named ``names``, default ``"1".."n"``).

        Example:
            >>> Framework.from_indices(2, [(0, 1)]).attacks
            (('1', '2'),)
        """
        labels = tuple(names) if names is not None else tuple(str(i + 1) for i in range(n))
        if len(labels) != n or len(set(labels)) != n:
            raise ValueError("names must be n distinct strings")
        af = cls.__new__(cls)
        af._build(labels, {name: i for i, name in enumerate(labels)}, attacks)
        return af

    def _build(self, arguments: tuple[str, ...], index: dict[str, int], pairs: Iterable[tuple[int, int]]) -> None:
        n = len(arguments)
        self.arguments = arguments
        self.index = index
        self.attackers: list[list[int]] = [[] for _ in range(n)]
        self.targets: list[list[int]] = [[] for _ in range(n)]
        seen: set[tuple[int, int]] = set()
        for pair in pairs:
            if pair in seen:
                continue
            source, target = pair
            if not (0 <= source < n and 0 <= target < n):
                raise ValueError(f"attack {pair} refers to an argument outside 0..{n - 1}")
            seen.add(pair)
            self.targets[source].append(target)
            self.attackers[target].append(source)

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
    live = [len(a) for a in af.attackers]
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


# ----- complete / preferred / stable: labelling search ----------------------------------


class _Search:
    """Backtracking over complete labellings with arc-consistent propagation.

    Each argument has a domain: a bit set of the labels it may still take (IN, OUT, UNDEC).
    For every argument the state also counts, over its attackers, how many may still be IN,
    may still be OUT, may still be not-OUT, must be IN, and must be OUT. The complete-labelling
    rules (IN iff all attackers OUT; OUT iff some attacker IN; UNDEC otherwise) then prune
    domains in both directions; :meth:`_propagate` re-examines every argument whose domain or
    counts changed until nothing changes. The search starts from the grounded labelling (whose
    IN and OUT hold in every complete labelling), branches on an open argument and propagates.

    Sound: a fully decided state that survives propagation satisfies every rule at every
    argument, so it is a complete labelling. Complete: domains only lose labels that no
    complete labelling extending the current choices can give.
    """

    def __init__(self, af: Framework, *, stable: bool, what: str, limit: int | None, time_limit: float | None) -> None:
        self.af = af
        self.stable = stable
        self.what = what
        self.limit = limit
        self.deadline = None if time_limit is None else time.monotonic() + time_limit
        self.time_limit = time_limit
        self.steps = 0
        self.degree = [len(a) for a in af.attackers]

    def _tick(self) -> None:
        self.steps += 1
        if self.limit is not None and self.steps > self.limit:
            raise LimitExceeded(
                f"{self.what} extensions: search passed {self.limit:,} steps on "
                f"{len(self.af)} arguments; raise the limit (limit=..., --limit) to go further"
            )
        if self.deadline is not None and self.steps % 64 == 0 and time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"{self.what} extensions: search passed the {self.time_limit:g} s time limit on "
                f"{len(self.af)} arguments; raise it (time_limit=..., --time-limit) to go further"
            )

    def initial(self) -> _State | None:
        """The grounded labelling with its UNDEC arguments left open, propagated."""
        full = _IN | _OUT if self.stable else _IN | _OUT | _UNDEC
        dom = [full if c == _UNDEC else c for c in _grounded_codes(self.af)]
        n = len(dom)
        can_in, can_out, not_out, must_in, must_out = ([0] * n for _ in range(5))
        for t, attackers in enumerate(self.af.attackers):
            for s in attackers:
                d = dom[s]
                can_in[t] += d & _IN != 0
                can_out[t] += d & _OUT != 0
                not_out[t] += d & (_IN | _UNDEC) != 0
                must_in[t] += d == _IN
                must_out[t] += d == _OUT
        state: _State = (dom, can_in, can_out, not_out, must_in, must_out)
        return state if self._propagate(state, list(range(n))) else None

    def _restrict(self, state: _State, i: int, allowed: int, todo: list[int]) -> bool:
        """Intersect the domain of ``i`` with ``allowed``; False when it becomes empty."""
        dom, can_in, can_out, not_out, must_in, must_out = state
        old = dom[i]
        new = old & allowed
        if new == old:
            return True
        if not new:
            return False
        dom[i] = new
        lost_in = old & _IN and not new & _IN
        lost_out = old & _OUT and not new & _OUT
        lost_not_out = old & (_IN | _UNDEC) and not new & (_IN | _UNDEC)
        became_in, became_out = new == _IN, new == _OUT
        for t in self.af.targets[i]:
            if lost_in:
                can_in[t] -= 1
            if lost_out:
                can_out[t] -= 1
            if lost_not_out:
                not_out[t] -= 1
            if became_in:
                must_in[t] += 1
            if became_out:
                must_out[t] += 1
            todo.append(t)
        todo.append(i)
        return True

    def _propagate(self, state: _State, todo: list[int]) -> bool:
        dom, can_in, can_out, not_out, must_in, must_out = state
        attackers, degree, restrict = self.af.attackers, self.degree, self._restrict
        while todo:
            a = todo.pop()
            allowed = _IN | _OUT | _UNDEC
            if can_out[a] < degree[a]:
                allowed &= ~_IN  # an attacker that cannot be OUT keeps a from IN
            if not can_in[a]:
                allowed &= ~_OUT  # OUT needs an attacker that may be IN
            if must_in[a] or not not_out[a]:
                allowed &= ~_UNDEC  # UNDEC needs no IN attacker and some not-OUT one
            if not restrict(state, a, allowed, todo):
                return False
            d = dom[a]
            if d == _IN and must_out[a] < degree[a]:
                if not all(restrict(state, s, _OUT, todo) for s in attackers[a]):
                    return False
            if not d & _OUT and can_in[a]:
                if not all(restrict(state, s, _OUT | _UNDEC, todo) for s in attackers[a]):
                    return False
            if d == _OUT and can_in[a] == 1 and not must_in[a]:
                s = next(s for s in attackers[a] if dom[s] & _IN)
                if not restrict(state, s, _IN, todo):
                    return False
            if not d & _IN and not_out[a] == 1 and can_out[a] == degree[a]:
                s = next(s for s in attackers[a] if dom[s] & (_IN | _UNDEC))
                if not restrict(state, s, _IN | _UNDEC, todo):
                    return False
        return True

    def labellings(self, prune: list[set[int]] | None = None) -> Iterable[list[int]]:
        """Every complete (stable: UNDEC-free) labelling, IN-first so big extensions come early.

        ``prune`` (for preferred) holds the IN sets found so far: a branch whose arguments that
        may still be IN fit inside one of them cannot give a larger extension, so it is cut.
        """
        start = self.initial()
        if start is None:
            return
        stack = [start]
        while stack:
            self._tick()
            state = stack.pop()
            dom = state[0]
            if prune:
                reachable = {i for i, d in enumerate(dom) if d & _IN}
                if any(reachable <= found for found in prune):
                    continue
            pick = self._pick(dom)
            if pick is None:
                yield dom
                continue
            # Branch on IN versus not-IN: the IN set fixes the rest of a complete labelling,
            # so splitting OUT from UNDEC here would only add branches that propagation
            # settles anyway. Pushed in reverse so IN is explored first.
            d = dom[pick]
            options = (d & ~_IN, _IN) if d & _IN else tuple(c for c in (_UNDEC, _OUT) if d & c)
            for allowed in options:
                child: _State = tuple(part.copy() for part in state)  # type: ignore[assignment]
                todo: list[int] = []
                if self._restrict(child, pick, allowed, todo) and self._propagate(child, todo):
                    stack.append(child)

    def _pick(self, dom: list[int]) -> int | None:
        """An open argument to branch on: one that may be IN, most connected first (its
        choice propagates most)."""
        best, best_score = None, -1
        targets, degree = self.af.targets, self.degree
        for i, d in enumerate(dom):
            if d not in _DECIDED:
                score = degree[i] + len(targets[i]) + (1 << 40 if d & _IN else 0)
                if score > best_score:
                    best, best_score = i, score
        return best


def _extension(af: Framework, labels: list[int]) -> Extension:
    return frozenset(af.arguments[i] for i, c in enumerate(labels) if c == _IN)


def complete_extensions(
    af: Framework | ArgumentMap, *, limit: int | None = DEFAULT_LIMIT, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> list[Extension]:
    """All complete extensions (the grounded one included).

    Raises :class:`~argmap.errors.LimitExceeded` past ``limit`` search steps or ``time_limit``
    seconds (``None`` lifts a bound).

    Example:
        >>> sorted(map(sorted, complete_extensions(Framework(["a", "b"], [("a", "b"), ("b", "a")]))))
        [[], ['a'], ['b']]
    """
    fw = _as_framework(af)
    search = _Search(fw, stable=False, what="complete", limit=limit, time_limit=time_limit)
    return [_extension(fw, labels) for labels in search.labellings()]


def preferred_extensions(
    af: Framework | ArgumentMap, *, limit: int | None = DEFAULT_LIMIT, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> list[Extension]:
    """All preferred extensions: the ⊆-maximal complete ones. Limits as in
    :func:`complete_extensions`.

    Example:
        >>> preferred_extensions(Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c")]))
        [frozenset({'a'}), frozenset({'b'})]
    """
    fw = _as_framework(af)
    search = _Search(fw, stable=False, what="preferred", limit=limit, time_limit=time_limit)
    found: list[set[int]] = []
    for labels in search.labellings(prune=found):
        ins = {i for i, c in enumerate(labels) if c == _IN}
        if any(ins <= other for other in found):
            continue
        found[:] = [other for other in found if not other < ins]
        found.append(ins)
    return [frozenset(fw.arguments[i] for i in sorted(ins)) for ins in found]


def stable_extensions(
    af: Framework | ArgumentMap, *, limit: int | None = DEFAULT_LIMIT, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> list[Extension]:
    """All stable extensions: conflict-free sets attacking every argument outside them.
    Limits as in :func:`complete_extensions`.

    Example:
        >>> stable_extensions(Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c")]))
        []
    """
    fw = _as_framework(af)
    search = _Search(fw, stable=True, what="stable", limit=limit, time_limit=time_limit)
    return [_extension(fw, labels) for labels in search.labellings()]


def extensions(
    af: Framework | ArgumentMap,
    semantics: str,
    *,
    limit: int | None = DEFAULT_LIMIT,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[Extension]:
    """The extensions under ``semantics`` (one of :data:`SEMANTICS`; grounded gives one).

    Example:
        >>> extensions(Framework(["a", "b"], [("a", "b")]), "grounded")
        [frozenset({'a'})]
    """
    if semantics == "grounded":
        return [grounded_extension(af)]
    solvers = {"complete": complete_extensions, "preferred": preferred_extensions, "stable": stable_extensions}
    if semantics not in solvers:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")
    return solvers[semantics](af, limit=limit, time_limit=time_limit)
