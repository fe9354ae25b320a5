"""Rendering speed: ``argmap.diagrams.render_topics`` vs one bare ``dot -Tsvg``, in the same run.

Workloads: every topic of the seed essays (../shared/seeds, extracted once, untimed), and a
200-topic map made by repeating those topics under fresh ids. For each workload:
- baseline: one ``dot -Tsvg`` process laying out the same DOT graphs from one input (the DOT
  text is built beforehand and not timed), output discarded;
- argmap: ``render_topics(amap)`` end to end with the default options (grounded status
  computed and drawn, legend): labelling, DOT building, one ``dot`` per core, reading the
  outputs, SVG post-processing (titles/descriptions);
- argmap, 1 process: the same forced onto a single ``dot`` process, for a like-for-like view
  on machines with several cores.
Wall-clock times (the work is in child processes), best of ``--repeat`` interleaved runs.
Target: argmap / baseline ≤ 1.5.

Run: python benchmarks/render.py [--repeat 5] [--topics 200]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from timing import interleaved_best

from argmap.diagrams import DiagramOptions, render_topics
from argmap.diagrams.dot import topic_diagrams
from argmap.diagrams.run import cores, dot_binary, run_dot
from argmap.diagrams.svg import add_accessibility
from argmap.model import ArgumentMap, Edge, Node, Topic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def seed_map() -> ArgumentMap:
    """All seed essays extracted into one map."""
    from argmap.extraction import extract_files

    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"benchmarks/render.py: no seed essays in {SEEDS}")
    return extract_files([str(p) for p in paths])


def repeated(amap: ArgumentMap, n_topics: int) -> ArgumentMap:
    """``n_topics`` topics made by cycling through ``amap``'s topics, each copy with fresh ids."""
    topics: list[Topic] = []
    nodes: list[Node] = []
    edges: list[Edge] = []
    copy = 0
    while len(topics) < n_topics:
        for topic in amap.topics:
            if len(topics) == n_topics:
                break
            rename = {topic.id: f"{topic.id}~{copy}"}
            rename |= {n.id: f"{n.id}~{copy}" for n in amap.statements(topic.id)}
            topics.append(topic.model_copy(update={"id": rename[topic.id], "span": None, "document": None}))
            nodes += [n.model_copy(update={"id": rename[n.id], "topic": rename[topic.id], "span": None,
                                           "document": None}) for n in amap.statements(topic.id)]
            edges += [Edge(source=rename[e.source], target=rename[e.target], relation=e.relation)
                      for e in amap.edges if e.source in rename and e.target in rename]
        copy += 1
    return ArgumentMap(topics=topics, nodes=nodes, edges=edges)


def bare_dot(sources: list[str]) -> Callable[[], None]:
    data = "\n".join(sources).encode("utf-8")
    exe = dot_binary()

    def run() -> None:
        subprocess.run([exe, "-Tsvg"], input=data, stdout=subprocess.DEVNULL, check=True)

    return run


def one_process(amap: ArgumentMap) -> Callable[[], None]:
    def run() -> None:
        diagrams = topic_diagrams(amap, [t.id for t in amap.topics], DiagramOptions())
        docs = run_dot([d.source for d in diagrams], "svg", jobs=1)
        for doc, d in zip(docs, diagrams):
            add_accessibility(doc, d.accessible)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best counts")
    parser.add_argument("--topics", type=int, default=200, help="topics in the repeated map")
    args = parser.parse_args()

    seeds = seed_map()
    print(f"dot: {dot_binary()}; cores used by argmap: {cores()}")
    for label, amap in (("seed topics", seeds), (f"{args.topics}-topic map", repeated(seeds, args.topics))):
        sources = [d.source for d in topic_diagrams(amap, [t.id for t in amap.topics], DiagramOptions())]
        assert len(render_topics(amap, topics=amap.topics[0].id)) == 1  # warm-up, checks dot works
        best = interleaved_best({
            "bare dot": bare_dot(sources),
            "argmap": lambda amap=amap: render_topics(amap, fmt="svg", progress=False),  # type: ignore[misc]
            "argmap, 1 process": one_process(amap),
        }, args.repeat)
        base = best["bare dot"]
        print(f"\n{label}: {len(amap.topics)} topics, {len(amap.nodes)} statements, {len(amap.edges)} edges")
        for name, secs in best.items():
            print(f"  {name:<18} {secs * 1000:8.1f} ms   ratio {secs / base:5.2f}")
    print("\ntarget: argmap / bare dot <= 1.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
