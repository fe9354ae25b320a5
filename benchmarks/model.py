"""Benchmark: loading and validating maps of 1k / 10k / 100k statements grows linearly.

A synthetic map like an extracted one (documents with their text, ten statements per topic,
spans into the text, nodes that name no document so it is found through their topic, one
edge per statement) is written to a file, then timed through the user's path:

* ``load``: :func:`argmap.load` (read, parse, validate every invariant, build the index);
* ``validate``: ``amap.problems()`` after a change (rebuilds the index, re-checks everything);
* ``save``: :func:`argmap.save` (serialise, check that the file would load, write atomically).

Each measurement runs in a fresh interpreter, as a user's program would load a map: in one
long-lived process a small map reuses memory the previous runs freed while a large one must
fault in new pages, which skews the ratio. Sizes alternate, best of ``--repeat``; CPU time of
the measuring process is the figure (on a shared machine wall-clock time mostly measures the
other processes; it is printed too). What matters is the ratio of the 100k time to the 10k
time (linear growth: about 10; bar: at most 12).

Run:  PYTHONPATH=src python benchmarks/model.py [--repeat 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("claim", "critique", "rebuttal")
STATEMENT = "Tolls cut traffic in the centre at peak hours. "
STEPS = ("load", "validate", "save")


def synthetic_map(n: int, per_topic: int = 10, documents: int = 10) -> dict[str, object]:
    """``n`` statements in ``n / per_topic`` topics over ``documents`` documents."""
    text = STATEMENT * (n // documents + 1)
    docs = [{"id": f"d{k}", "title": f"Essay {k}", "source": f"essay-{k}.txt", "text": text} for k in range(documents)]
    n_topics = max(1, n // per_topic)
    topics = [{"id": f"t{k}", "title": f"Topic {k}", "document": f"d{k % documents}", "span": [0, 5]}
              for k in range(n_topics)]
    width = len(STATEMENT)
    nodes, edges = [], []
    for i in range(n):
        k = i // per_topic
        at = (i // documents) * width
        nodes.append({"id": f"n{i}", "kind": KINDS[i % 3], "topic": f"t{min(k, n_topics - 1)}",
                      "text": STATEMENT.strip(), "span": [at, at + width - 1], "actor": "Critics", "cue": "warn that"})
        target = f"n{i - 1}" if i % per_topic else f"t{min(k, n_topics - 1)}"
        edges.append({"source": f"n{i}", "target": target, "relation": "attacks" if i % 3 else "supports"})
    return {"schema": "argmap/1", "documents": docs, "topics": topics, "nodes": nodes, "edges": edges}


def measure_once(path: Path) -> dict[str, tuple[float, float]]:
    """(CPU, wall) seconds of each step on the map in ``path`` (run in a fresh interpreter)."""
    import argmap

    # pydantic builds the model's validators on first use: a fixed cost, not part of the growth
    argmap.ArgumentMap.model_validate_json('{"schema": "argmap/1"}')

    def timed(step: object) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        step()  # type: ignore[operator]
        return time.process_time() - cpu, time.perf_counter() - wall

    out: dict[str, tuple[float, float]] = {}
    box: dict[str, argmap.ArgumentMap] = {}
    out["load"] = timed(lambda: box.setdefault("map", argmap.load(path)))
    amap = box["map"]

    def revalidate() -> None:
        amap.nodes[0].cue = "warns that"  # any change: the next look-up rebuilds the index
        assert not amap.problems()

    out["validate"] = timed(revalidate)
    out["save"] = timed(lambda: argmap.save(amap, path.with_suffix(".out.json")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the child: measure this file
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_once(args.one)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    paths = {}
    for n in sizes:
        paths[n] = folder / f"map-{n}.json"
        paths[n].write_text(json.dumps(synthetic_map(n)), encoding="utf-8")
    best = {(n, step, clock): float("inf") for n in sizes for step in STEPS for clock in (0, 1)}
    for _ in range(args.repeat):
        for n in sizes:
            child = subprocess.run([sys.executable, __file__, "--one", str(paths[n])], capture_output=True,
                                   text=True, check=True, env=os.environ)
            for step, times in json.loads(child.stdout).items():
                for clock in (0, 1):
                    best[n, step, clock] = min(best[n, step, clock], times[clock])
    for clock, name in ((0, "CPU"), (1, "wall")):
        print(f"{name} time, best of {args.repeat} fresh processes")
        print(f"{'statements':>10}" + "".join(f"  {step:>9}" for step in STEPS))
        for n in sizes:
            print(f"{n:>10}" + "".join(f"  {best[n, step, clock]:8.3f}s" for step in STEPS))
        if 10_000 in sizes and 100_000 in sizes:
            ratios = ", ".join(f"{step} {best[100_000, step, clock] / best[10_000, step, clock]:.1f}" for step in STEPS)
            print(f"ratio 100k / 10k: {ratios}  (linear: ~10; bar <= 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
