"""Benchmark: argmap's Dung semantics against python-argumentation (``py_arg``), same process.

* grounded on random frameworks with 3 attacks per argument (1k, 10k, 100k arguments);
* preferred on the ICCMA instances in ../shared/data/iccma (when present).

Each python-argumentation task runs under a wall-clock budget (SIGALRM); a task past it is
reported as "> budget" (and a crash by its exception's name), and a ratio is only printed when both sides finished. When both
finish, the extensions are compared, so a speed-up never hides a wrong answer.

Run:  PYTHONPATH=src python benchmarks/semantics.py [--budget SECONDS] [--sizes 1000,10000,100000]
(needs the ``bench`` extra: pip install 'argmap[bench]').
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.errors import LimitExceeded
from argmap.formats.iccma import read_framework
from argmap.semantics import Framework, grounded_extension, preferred_extensions

SHARED_ICCMA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "iccma"


class Budget(Exception):
    """Raised by the alarm when a task runs past its budget."""


def timed(fn: Callable[[], Any], budget: float | None = None) -> tuple[float | None, Any]:
    """(seconds, result) of ``fn()``; ``(None, None)`` when it ran past ``budget`` seconds."""
    def alarm(signum: int, frame: object) -> None:
        raise Budget

    if budget is not None:
        signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.perf_counter()
    try:
        result = fn()
    except Budget:
        return None, None
    finally:
        if budget is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, result


def best_of(k: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    runs = [timed(fn) for _ in range(k)]
    return min(t for t, _ in runs if t is not None), runs[-1][1]


def random_framework(n: int, per_argument: int = 3, seed: int = 1) -> Framework:
    rng = random.Random(seed)
    return Framework.from_indices(n, ((rng.randrange(n), rng.randrange(n)) for _ in range(per_argument * n)))


def to_py_arg(af: Framework) -> Any:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    args = [Argument(name) for name in af.arguments]
    defeats = [Defeat(args[s], args[t]) for s, ts in enumerate(af.targets) for t in ts]
    return AbstractArgumentationFramework("bench", args, defeats)


def names(extension: Any) -> frozenset[str]:
    return frozenset(a.name if hasattr(a, "name") else a for a in extension)


def fmt(seconds: float | None, budget: float) -> str:
    return f"> {budget:g} s" if seconds is None else f"{seconds:.4f} s"


def ratio(theirs: float | None, ours: float | None) -> str:
    return "n/a" if theirs is None or ours is None else f"{theirs / ours:,.0f}x"


def bench_grounded(sizes: list[int], budget: float) -> None:
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    print(f"grounded, random frameworks, 3 attacks per argument (python-argumentation budget {budget:g} s)")
    print(f"{'arguments':>10} {'attacks':>8} {'generate+build':>15} {'argmap grounded':>16} "
          f"{'py_arg grounded':>16} {'speed-up':>9}  agree")
    for n in sizes:
        build, af = best_of(3, lambda n=n: random_framework(n))
        ours_t, ours = best_of(3, lambda af=af: grounded_extension(af))
        pa = to_py_arg(af)
        theirs_t, theirs = timed(lambda pa=pa: get_grounded_extension(pa), budget)
        agree = "-" if theirs is None else str(names(theirs) == ours)
        n_att = sum(map(len, af.targets))
        print(f"{n:>10,} {n_att:>8,} {build:>13.4f} s {ours_t:>14.4f} s {fmt(theirs_t, budget):>16} "
              f"{ratio(theirs_t, ours_t):>9}  {agree}")


def bench_preferred(budget: float, ours_budget: float) -> None:
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

    files = sorted(p for p in SHARED_ICCMA.rglob("*") if p.suffix in (".apx", ".af"))
    if not files:
        print(f"\npreferred: {SHARED_ICCMA} not found, skipped")
        return
    print(f"\npreferred, ICCMA instances (argmap time limit {ours_budget:g} s, "
          f"python-argumentation budget {budget:g} s)")
    print(f"{'instance':<44} {'args':>5} {'attacks':>7} {'argmap':>10} {'#pr':>4} {'py_arg':>10} "
          f"{'speed-up':>9}  agree")
    for path in files:
        af = read_framework(path)
        try:
            ours_t, ours = timed(lambda af=af: preferred_extensions(af, limit=None, time_limit=ours_budget))
        except LimitExceeded:
            ours_t, ours = None, None
        pa = to_py_arg(af)
        failed = None
        try:
            theirs_t, theirs = timed(lambda pa=pa: get_preferred_extensions(pa), budget)
        except RecursionError:  # py_arg recurses once per argument
            theirs_t, theirs, failed = None, None, "RecursionError"
        agree = "-" if theirs is None or ours is None else str({names(e) for e in theirs} == set(ours))
        count = "-" if ours is None else str(len(ours))
        print(f"{str(path.relative_to(SHARED_ICCMA)):<44} {len(af):>5} {sum(map(len, af.targets)):>7} "
              f"{fmt(ours_t, ours_budget):>10} {count:>4} {failed or fmt(theirs_t, budget):>10} "
              f"{ratio(theirs_t, ours_t):>9}  {agree}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="grounded framework sizes")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per python-argumentation task")
    parser.add_argument("--preferred-budget", type=float, default=20.0,
                        help="seconds per python-argumentation preferred task")
    parser.add_argument("--ours-budget", type=float, default=60.0, help="argmap's preferred time limit")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}")
    bench_grounded([int(s) for s in args.sizes.split(",")], args.budget)
    bench_preferred(args.preferred_budget, args.ours_budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
