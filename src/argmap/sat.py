"""SAT encodings of Dung semantics (python-sat, CaDiCaL), over frameworks as index lists.

:mod:`argmap.semantics` reduces a framework first: the grounded labelling (linear) fixes
every argument it decides, so only its UNDEC arguments reach the solver, as a *core*:
arguments ``0..m-1`` with ``attackers[i]`` inside the core. Every complete (so preferred,
stable, semi-stable) extension is the grounded extension plus one of the core's.

Variables: ``x_i`` (``i`` is IN) is ``i + 1``; ``o_i`` (``i`` is attacked by the IN set)
is ``m + i + 1``; semi-stable adds the range ``r_i = x_i or o_i`` as ``2m + i + 1``.

* conflict-free: ``o_i`` iff some attacker is IN, and not both ``x_i`` and ``o_i``;
* admissible: every attacker of an IN argument is attacked (``x_i -> o_b``);
* complete: an argument whose attackers are all attacked is IN;
* stable: every argument is IN or attacked;
* blocked (a part of a core solved after the part above it): an argument an UNDEC one above
  attacks is not IN, and owes nothing to completeness;
* preferred: CEGAR maximisation — find a complete set, then ask for a strict superset
  (a clause over the arguments outside it, switched on by an activation literal) until none
  exists; a blocking clause then keeps later answers out of every subset of it;
* semi-stable: the same maximisation over ranges, then every complete set with that range.

A :class:`Budget` bounds the seconds and the process's memory, checked between solver calls
(each one short on all but the hardest instances), each ending in
:class:`~argmap.errors.LimitExceeded`.

Example:
    >>> core = [[1], [0]]                        # a <-> b
    >>> sorted(map(sorted, enumerate_preferred(core, Budget())))
    [[0], [1]]
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Collection, Iterator, Sequence
from collections import deque
from contextlib import contextmanager
from functools import partial
from typing import Any

from argmap.errors import LimitExceeded
from argmap.semantics import _no_gc

Core = Sequence[Sequence[int]]

# CaDiCaL 1.9.5: several times faster than Glucose / MiniSat on the ICCMA instances; pysat
# cannot interrupt it, so bounds are checked between calls (argmap solve also runs the search
# in a child process it stops on time)
SOLVER = "cadical195"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """Resident memory of this process now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


class Budget:
    """Bounds of one solving run: ``time_limit`` seconds and ``memory_limit`` bytes of
    resident memory (``None`` lifts one); ``what`` names the task in the messages.

    Example:
        >>> Budget(time_limit=float("nan"))
        Traceback (most recent call last):
        ...
        ValueError: time_limit must be a finite number of seconds > 0 (or None), not nan
    """

    def __init__(self, *, time_limit: float | None = None,
                 memory_limit: int | None = None, what: str = "extensions") -> None:
        if time_limit is not None and not (isinstance(time_limit, (int, float)) and math.isfinite(time_limit)
                                           and time_limit > 0):
            raise ValueError(f"time_limit must be a finite number of seconds > 0 (or None), not {time_limit!r}")
        if memory_limit is not None and memory_limit <= 0:
            raise ValueError(f"memory_limit must be a positive number of bytes (or None), not {memory_limit!r}")
        self.time_limit, self.memory_limit, self.what = time_limit, memory_limit, what
        self.calls = 0
        self._fresh = 0
        self.deadline = None if time_limit is None else time.monotonic() + time_limit
        self._solvers: list[Any] = []

    def close(self) -> None:
        """Free the solvers."""
        for solver in self._solvers:
            solver.delete()
        self._solvers.clear()

    def __enter__(self) -> Budget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def release(self, solver: Any) -> None:
        """Free one solver before the run ends (a run may solve thousands of small parts)."""
        self._solvers.remove(solver)
        solver.delete()

    @contextmanager
    def solving(self, clauses: list[list[int]], *, in_first: int = 0) -> Iterator[Any]:
        """A solver for ``clauses``, released on leaving; ``in_first``: variables 1 to it are
        tried true first, so the first answers of a maximisation are near-maximal."""
        solver = self.solver(clauses)
        if in_first:
            solver.set_phases(range(1, in_first + 1))
        try:
            yield solver
        finally:
            self.release(solver)

    def solver(self, clauses: list[list[int]] = ()) -> Any:  # type: ignore[assignment]
        from pysat.solvers import Solver

        solver = Solver(name=SOLVER)
        self._solvers.append(solver)
        _feed(solver, clauses)
        return solver

    def fresh(self, m: int) -> int:
        """A variable number no encoding of an ``m``-argument core uses (activation literals)."""
        self._fresh += 1
        return 3 * m + self._fresh

    def check(self) -> None:
        """Raise :class:`LimitExceeded` when a bound is passed (cheap; called between solves)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitExceeded(f"{self.what}: passed the {self.time_limit:g} s time limit; "
                                "raise it (time_limit=..., --time-limit) to go further")
        if self.memory_limit is not None and self.calls % 16 == 0 and rss_bytes() > self.memory_limit:
            raise LimitExceeded(f"{self.what}: passed the memory limit of {self.memory_limit / 2**20:,.0f} MB; "
                                "raise it (memory_limit=..., --memory-limit) or ask for less (one extension, "
                                "an acceptance question, a count)")

    def solve(self, solver: Any, assumptions: Sequence[int] = ()) -> list[int] | None:
        """The model of ``solver`` under ``assumptions``, or ``None`` when unsatisfiable."""
        self.calls += 1
        self.check()
        return solver.get_model() if solver.solve(assumptions=assumptions) else None


def _feed(solver: Any, clauses: list[list[int]]) -> None:
    """Add ``clauses`` to ``solver``: pysat's CaDiCaL binding mapped over them in C where it
    is there (a quarter faster than ``append_formula``'s Python call per clause on the 150,000
    of a dense framework), else ``append_formula``."""
    handle = getattr(solver.solver, "cadical", None)
    add = getattr(_pysolvers(), f"{SOLVER}_add_cl", None)
    if handle is None or add is None:
        solver.append_formula(clauses)
        return
    deque(map(partial(add, handle), clauses), maxlen=0)


def _pysolvers() -> Any:
    from pysat.solvers import pysolvers

    return pysolvers


# ----- encodings ----------------------------------------------------------------------------


def encode(core: Core, *, complete: bool = True, stable: bool = False, ranges: bool = False,
           blocked: Collection[int] = ()) -> list[list[int]]:
    """Clauses whose models are the admissible (``complete``: complete; ``stable``: stable)
    sets of the core; ``ranges`` adds the range variables; ``blocked`` arguments are never IN
    (an argument an UNDEC argument outside the core attacks: complete sets of the core are
    then the core's part of the complete sets that agree with the outside). See the module
    docstring.

    Example:
        >>> encode([[1], [0]], complete=False)  # x1 x2, o1 o2: a <-> b
        [[-3, 2], [-4, 1], [-1, -3], [-2, -4], [-2, 3], [-1, 4], [-1, 4], [-2, 3]]
    """
    m = len(core)
    with _no_gc():  # 150,000 clause lists at a time: no cycles for the collector to look for
        ins = [[b + 1 for b in attackers] for attackers in core]  # x of each attacker
        clauses = [[-(m + i + 1), *x] for i, x in enumerate(ins)]  # attacked only by an IN attacker
        clauses += [[-(i + 1), -(m + i + 1)] for i in range(m)]  # not IN and attacked
        clauses += [[-x, m + i + 1] for i, xs in enumerate(ins) for x in xs]  # an IN attacker attacks
        if not stable:  # (a conflict-free set attacking all the rest defends itself)
            clauses += [[-(i + 1), m + x] for i, xs in enumerate(ins) for x in xs]  # IN: attackers attacked
        if complete and not stable:  # every attacker attacked: IN
            clauses += [[i + 1, *(-m - x for x in xs)] for i, xs in enumerate(ins) if i not in blocked]
        if stable:
            clauses += [[i + 1, m + i + 1] for i in range(m)]
        if blocked:
            clauses += [[-(i + 1)] for i in blocked]
        if ranges:
            clauses += [c for i in range(m) for c in ([-(2 * m + i + 1), i + 1, m + i + 1],
                                                      [2 * m + i + 1, -(i + 1)], [2 * m + i + 1, -(m + i + 1)])]
    return clauses


def _ins(model: list[int], m: int) -> list[int]:
    return [i for i in range(m) if model[i] > 0]


def _maximise(budget: Budget, solver: Any, core: Core, ins: list[int], fixed: Sequence[int] = ()) -> list[int]:
    """Grow the IN set ``ins`` of a model to a ⊆-maximal one (under ``fixed`` assumptions)."""
    m = len(core)
    while True:
        inside = set(ins)
        outside = [i + 1 for i in range(m) if i not in inside]
        if not outside:
            return ins
        act = budget.fresh(m)
        solver.add_clause([-act, *outside])
        model = budget.solve(solver, [act, *fixed, *(i + 1 for i in ins)])
        solver.add_clause([-act])  # the superset clause is spent
        if model is None:
            return ins
        ins = _ins(model, m)


def enumerate_complete(core: Core, budget: Budget, *, stable: bool = False) -> Iterator[list[int]]:
    """Every complete (``stable``: stable) IN set of the core."""
    with budget.solving(encode(core, stable=stable)) as solver:
        yield from _complete_models(core, budget, solver, stable)


def _complete_models(core: Core, budget: Budget, solver: Any, stable: bool) -> Iterator[list[int]]:
    m = len(core)
    while (model := budget.solve(solver)) is not None:
        ins = _ins(model, m)
        yield ins
        if stable:  # stable sets are ⊆-incomparable: either half of the blocking clause works
            inside = set(ins)
            block = [-(i + 1) for i in ins] if len(ins) <= m - len(ins) else \
                [i + 1 for i in range(m) if i not in inside]
        else:
            block = [(-1 if model[i] > 0 else 1) * (i + 1) for i in range(m)]
        if not block:
            return
        solver.add_clause(block)


def enumerate_preferred(core: Core, budget: Budget) -> Iterator[list[int]]:
    """Every preferred IN set of the core (CEGAR maximisation, see the module docstring)."""
    with budget.solving(encode(core), in_first=len(core)) as solver:
        yield from _preferred_models(core, budget, solver)


def _preferred_models(core: Core, budget: Budget, solver: Any) -> Iterator[list[int]]:
    m = len(core)
    while (model := budget.solve(solver)) is not None:
        ins = _maximise(budget, solver, core, _ins(model, m))
        yield ins
        inside = set(ins)
        block = [i + 1 for i in range(m) if i not in inside]
        if not block:
            return
        solver.add_clause(block)


def enumerate_semi_stable(core: Core, budget: Budget) -> Iterator[list[int]]:
    """Every semi-stable IN set of the core: complete sets of ⊆-maximal range."""
    with budget.solving(encode(core, ranges=True), in_first=len(core)) as solver:
        yield from _semi_stable_models(core, budget, solver)


def _semi_stable_models(core: Core, budget: Budget, solver: Any) -> Iterator[list[int]]:
    m = len(core)
    r = [2 * m + i + 1 for i in range(m)]
    while (model := budget.solve(solver)) is not None:
        while True:  # grow the range
            covered = [i for i in range(m) if model[r[i] - 1] > 0]
            inside = set(covered)
            outside = [r[i] for i in range(m) if i not in inside]
            if not outside:
                break
            act = budget.fresh(m)
            solver.add_clause([-act, *outside])
            bigger = budget.solve(solver, [act, *(r[i] for i in covered)])
            solver.add_clause([-act])
            if bigger is None:
                break
            model = bigger
        exact = [r[i] if i in inside else -r[i] for i in range(m)]
        act = budget.fresh(m)
        while (same := budget.solve(solver, [act, *exact])) is not None:  # every set with this range
            ins = _ins(same, m)
            yield ins
            solver.add_clause([-act, *((-1 if same[i] > 0 else 1) * (i + 1) for i in range(m))])
        solver.add_clause([-act])
        if not outside:
            return
        solver.add_clause(outside)  # no later range inside this one


def credulous(core: Core, query: int, budget: Budget, *, stable: bool = False,
              preferred: bool = False) -> list[int] | None:
    """A complete (``stable``: stable, ``preferred``: preferred) IN set of the core holding
    ``query`` — or, for a negative ``query`` ``-1 - k``, lacking ``k`` — or ``None``."""
    solver = budget.solver(encode(core, stable=stable))
    literal = query + 1 if query >= 0 else query
    model = budget.solve(solver, [literal])
    if model is None:
        return None
    ins = _ins(model, len(core))
    return _maximise(budget, solver, core, ins) if preferred else ins


def extend(core: Core, budget: Budget, *, blocked: Collection[int] = (), preferred: bool = False) -> list[int]:
    """A complete (``preferred``: preferred) IN set of the core without the ``blocked``
    arguments (see :func:`encode`), which directional semantics guarantee exists."""
    with budget.solving(encode(core, blocked=blocked), in_first=len(core) if preferred else 0) as solver:
        model = budget.solve(solver)
        if model is None:
            raise AssertionError("a part of a directional extension always extends")
        ins = _ins(model, len(core))
        return _maximise(budget, solver, core, ins) if preferred else ins


def preferred_without(core: Core, query: int, budget: Budget) -> list[int] | None:
    """A preferred IN set of the core without ``query`` (a counter-example to its skeptical
    acceptance), or ``None`` when every preferred set holds it."""
    m = len(core)
    solver = budget.solver(encode(core))
    solver.set_phases(range(1, m + 1))
    while (model := budget.solve(solver, [-(query + 1)])) is not None:
        ins = _maximise(budget, solver, core, _ins(model, m), fixed=[-(query + 1)])
        # ins is maximal among complete sets without query; it is preferred unless some
        # superset (which then holds query) is complete
        inside = set(ins)
        outside = [i + 1 for i in range(m) if i not in inside]
        act = budget.fresh(m)
        solver.add_clause([-act, *outside])
        bigger = budget.solve(solver, [act, *(i + 1 for i in ins)])
        solver.add_clause([-act])
        if bigger is None:
            return ins
        solver.add_clause(outside)  # every preferred set above a subset of ins holds query
    return None
