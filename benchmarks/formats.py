"""Benchmark: reading the formats.

* AIF: the 110 microtexts in ../shared/data/aif/microtexts-aif, read by argmap
  (``argmap.formats.read``: JSON, the map with kinds and validation, spans from the ``.txt``)
  and by arguebuf (``arguebuf.load.file``), interleaved in one process. Bar: argmap takes at
  most 0.5x arguebuf's time per file.
* Argdown: a generated file of 5,000 statements (topics, nested relation trees, kind tags,
  ``{"argmap": ...}`` data as argmap writes it) parsed by ``parse_argdown``. Bar: under 1 s.

Run:  PYTHONPATH=src python benchmarks/formats.py [--repeat 5]
(arguebuf is in the test extra: pip install 'argmap[test]').
"""

from __future__ import annotations

import argparse
import random
import sys
import warnings
from pathlib import Path

from timing import interleaved_best

from argmap.formats import FormatWarning, generate, parse, read
from argmap.model import ArgumentMap, Edge, Node, Topic

AIF_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "aif" / "microtexts-aif"


def big_map(statements: int, seed: int = 7) -> ArgumentMap:
    """Topics of 50 statements each, every statement answering an earlier one (or the topic)."""
    rng = random.Random(seed)
    topics, nodes, edges = [], [], []
    words = "tolls traffic rebates drivers cities buses air health cost fairness revenue zones".split()
    for i in range(statements):
        if i % 50 == 0:
            topics.append(Topic(id=f"t{len(topics) + 1}", title=f"Debate {len(topics) + 1} on {rng.choice(words)}"))
        topic = topics[-1]
        same_topic = [n for n in nodes[-(i % 50):]] if i % 50 else []
        target = rng.choice(same_topic) if same_topic and rng.random() < 0.8 else None
        relation = rng.choice(["supports", "attacks"])
        if target is None:
            kind, target_id = ("claim", topic.id)
            relation = "supports"
        else:
            kind = {"attacks": "critique" if target.stance == "pro" else "rebuttal",
                    "supports": "claim" if target.stance == "pro" else "critique"}[relation]
            target_id = target.id
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + "."
        nodes.append(Node(id=f"n{i + 1}", kind=kind, topic=topic.id, text=text, actor=rng.choice([None, "Critics"]),
                          confidence=round(rng.random(), 2)))
        edges.append(Edge(source=f"n{i + 1}", target=target_id, relation=relation))
    return ArgumentMap(topics=topics, nodes=nodes, edges=edges)


def bench_aif(repeat: int) -> bool:
    try:
        import arguebuf
    except ImportError:
        print("AIF: arguebuf is not installed (pip install 'argmap[test]'); skipped")
        return True
    files = sorted(AIF_DIR.glob("nodeset*.json"))
    if not files:
        print(f"AIF: {AIF_DIR} not found; skipped")
        return True

    def ours() -> None:
        for f in files:
            read(f, "aif")

    def theirs() -> None:
        for f in files:
            arguebuf.load.file(f)

    best = interleaved_best({"argmap": ours, "arguebuf": theirs}, repeat)
    per = {k: v / len(files) * 1000 for k, v in best.items()}
    ratio = best["argmap"] / best["arguebuf"]
    ok = ratio <= 0.5
    print(f"AIF, {len(files)} files (best of {repeat}): argmap {per['argmap']:.2f} ms/file, "
          f"arguebuf {per['arguebuf']:.2f} ms/file, ratio {ratio:.2f} (bar <= 0.5: {'met' if ok else 'NOT met'})")
    return ok


def bench_argdown(repeat: int, statements: int = 5000) -> bool:
    text = generate(big_map(statements), "argdown")
    best = interleaved_best({"parse": lambda: parse(text, "argdown")}, repeat)["parse"]
    back = parse(text, "argdown")
    assert len(back.nodes) == statements
    ok = best < 1.0
    print(f"Argdown, {statements} statements ({len(text) / 1e6:.1f} MB, best of {repeat}): parse {best:.2f} s "
          f"(bar < 1 s: {'met' if ok else 'NOT met'})")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore", FormatWarning)
    results = [bench_aif(args.repeat), bench_argdown(args.repeat)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
