"""Benchmark: loading and validating maps of 1k / 10k / 100k statements grows linearly.

A synthetic map like an extracted one (documents with their text, ten statements per topic,
spans into the text, nodes that name no document so it is found through their topic, one
edge per statement) is written to a file, then timed through the user's path:

* ``load``: :func:`argmap.load` (read, parse, validate every invariant, build the index);
* ``validate``: ``amap.problems()`` after a change (rebuilds the index, re-checks everything);
* ``save``: :func:`argmap.save` (serialise, check that the file would load, write atomically).

The sizes run interleaved, best of ``--repeat``; the figure that matters is the ratio of the
100k time to the 10k time (linear growth: about 10; bar: at most 12).

Run:  PYTHONPATH=src python benchmarks/model.py [--repeat 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import interleaved_best  # noqa: E402

import argmap  # noqa: E402

KINDS = ("claim", "critique", "rebuttal")
STATEMENT = "Tolls cut traffic in the centre at peak hours. "


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    paths = {}
    for n in sizes:
        paths[n] = folder / f"map-{n}.json"
        paths[n].write_text(json.dumps(synthetic_map(n)), encoding="utf-8")
    maps = {n: argmap.load(paths[n]) for n in sizes}
    assert all(not m.problems() for m in maps.values())

    def revalidate(n: int) -> None:
        maps[n].nodes[0].cue = "warn that"  # any change: the next look-up rebuilds the index
        assert not maps[n].problems()

    runs = {}
    for n in sizes:
        runs[f"load {n}"] = lambda n=n: argmap.load(paths[n])
        runs[f"validate {n}"] = lambda n=n: revalidate(n)
        runs[f"save {n}"] = lambda n=n: argmap.save(maps[n], folder / f"out-{n}.json")
    best = interleaved_best(runs, args.repeat)
    print(f"{'statements':>10}  {'load':>9}  {'validate':>9}  {'save':>9}")
    for n in sizes:
        print(f"{n:>10}  {best[f'load {n}']:8.3f}s  {best[f'validate {n}']:8.3f}s  {best[f'save {n}']:8.3f}s")
    if 10_000 in sizes and 100_000 in sizes:
        for what in ("load", "validate", "save"):
            ratio = best[f"{what} 100000"] / best[f"{what} 10000"]
            print(f"ratio 100k / 10k ({what}): {ratio:.1f}  (linear: ~10; bar <= 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
