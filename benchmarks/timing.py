"""Shared timing helper of the benchmark scripts (run them as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable


def interleaved_best(runs: dict[str, Callable[[], object]], repeat: int,
                     clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Best time of each run, alternating between them so that load from other processes on
    the machine hits all of them alike."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = clock()
            run()
            best[name] = min(best[name], clock() - start)
    return best
