"""Draw the pictures in docs/img from a small hand-made map (run from the repository root).

    python docs/make_images.py

The map is written here by hand; its grounded labelling is spelled out too (every argument
attacked only by OUT ones is IN, one attacked by an IN one is OUT, the k4/r3 attack cycle
stays UNDEC and so does the thesis k4 attacks), and the pictures check it against
``argmap.semantics`` before drawing.
"""

from __future__ import annotations

from pathlib import Path

from argmap.diagrams import render_legend, render_overview, render_topics
from argmap.io import atomic_write
from argmap.model import ArgumentMap, Edge, Node, Topic

OUT = Path(__file__).resolve().parent / "img"

MAP = ArgumentMap(
    topics=[Topic(id="T1", title="A four-day school week"), Topic(id="T2", title="Later school start times")],
    nodes=[
        Node(id="c1", kind="claim", topic="T1", actor="Parents' groups",
             text="Parents' groups argue that a long weekend gives families time together and cuts bus costs."),
        Node(id="k1", kind="critique", topic="T1", actor="Teachers",
             text="Teachers warn that longer school days tire younger pupils."),
        Node(id="r1", kind="rebuttal", topic="T1", actor="Districts",
             text="Districts that tried it reply that the extra hour goes to sport and projects."),
        Node(id="k2", kind="critique", topic="T1", actor="Working parents",
             text="Working parents say a fifth day of childcare costs more than the bus savings."),
        Node(id="k4", kind="critique", topic="T1", actor="Some",
             text="Some say pupils forget more over long weekends."),
        Node(id="r3", kind="rebuttal", topic="T1", actor="Others",
             text="Others reply that the evidence on forgetting is mixed."),
        Node(id="c5", kind="claim", topic="T2", actor="Sleep researchers",
             text="Sleep researchers report that teenagers learn better after 8:30."),
        Node(id="k5", kind="critique", topic="T2", text="Bus schedules and after-school jobs make late starts hard."),
    ],
    edges=[
        Edge(source="c1", target="T1", relation="supports"), Edge(source="k1", target="T1", relation="attacks"),
        Edge(source="r1", target="k1", relation="attacks"), Edge(source="k2", target="c1", relation="attacks"),
        Edge(source="k4", target="T1", relation="attacks"), Edge(source="r3", target="k4", relation="attacks"),
        Edge(source="k4", target="r3", relation="attacks"),
        Edge(source="c5", target="T2", relation="supports"), Edge(source="k5", target="c5", relation="attacks"),
    ],
)
GROUNDED = {"T1": "UNDEC", "c1": "OUT", "k1": "OUT", "r1": "IN", "k2": "IN", "k4": "UNDEC", "r3": "UNDEC",
            "T2": "IN", "c5": "OUT", "k5": "IN"}


def main() -> None:
    assert MAP.index.grounded == GROUNDED, MAP.index.grounded
    OUT.mkdir(exist_ok=True)
    for fmt in ("svg", "png"):  # the defaults: grounded status drawn, legend below
        atomic_write(OUT / f"topic-default.{fmt}", render_topics(MAP, topics="T1", fmt=fmt)["T1"])
    atomic_write(OUT / "topic-plain.png", render_topics(MAP, topics="T1", fmt="png", status=False)["T1"])
    atomic_write(OUT / "topic-print.png", render_topics(MAP, topics="T1", fmt="png", theme="print")["T1"])
    atomic_write(OUT / "topic-projector.png", render_topics(MAP, topics="T1", fmt="png", theme="projector")["T1"])
    atomic_write(OUT / "legend.png", render_legend(fmt="png"))
    atomic_write(OUT / "overview.png", render_overview(MAP, fmt="png"))


if __name__ == "__main__":
    main()
