"""Cost of ``import argmap`` against ``from pydantic import BaseModel``, in the same run.

Each import is timed in a fresh interpreter (so nothing is cached in ``sys.modules``),
several times, alternating the two; the best time of each counts. Target ratio ≤ 2: a
notebook user who only loads maps pays little more than pydantic itself.

Run: python benchmarks/import_cost.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

PROBE = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
STATEMENTS = {"pydantic": "from pydantic import BaseModel", "argmap": "import argmap"}


def import_time(stmt: str) -> float:
    out = subprocess.run([sys.executable, "-c", PROBE.format(stmt=stmt)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    best = {name: float("inf") for name in STATEMENTS}
    for _ in range(args.repeat):
        for name, stmt in STATEMENTS.items():
            best[name] = min(best[name], import_time(stmt))
    for name, stmt in STATEMENTS.items():
        print(f"{stmt:<32} {best[name] * 1000:7.1f} ms")
    print(f"ratio (argmap / pydantic): {best['argmap'] / best['pydantic']:.2f}  (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
