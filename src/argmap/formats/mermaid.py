"""Mermaid flowcharts: a Markdown page with one diagram per topic, which GitHub, GitLab and most
docs sites draw.

The topic sits at the top; claims are rectangles, critiques parallelograms, rebuttals
stadiums; ``supports`` is a solid arrow, ``attacks`` a dotted one; pro and con nodes are
coloured apart (Okabe–Ito blue and vermillion). A statement of another topic that an edge
reaches is drawn too, with a dashed border. Labels are escaped with Mermaid's ``#NN;`` codes,
so no text can close a label, start a comment or inject markup.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="Tolls")],
    ...                 nodes=[Node(id="n", kind="critique", topic="t", text='They "hurt".')],
    ...                 edges=[Edge(source="n", target="t", relation="attacks")])
    >>> print(generate_mermaid(m), end="")
    ## Tolls
    <BLANKLINE>
    ```mermaid
    flowchart BT
      classDef topic fill:#f0f0f0,stroke:#333333,color:#000000
      classDef pro fill:#0072B2,stroke:#004a75,color:#ffffff
      classDef con fill:#D55E00,stroke:#8a3d00,color:#ffffff
      classDef other stroke-dasharray:4 3
      m0[["Tolls"]]:::topic
      m1[/"They #quot;hurt#quot;."/]:::con
      m1 -. attacks .-> m0
    ```
"""

from __future__ import annotations

import re

from argmap.model import ArgumentMap, Node

_SHAPES = {"topic": ("[[", "]]"), "claim": ("[", "]"), "critique": ("[/", "/]"), "rebuttal": ("([", "])")}
_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "#": "#35;"}
# Everything Mermaid or the HTML label could read as syntax, and control characters.
_SPECIAL = re.compile(r'["<>&#`\\|\[\]{}();:%*_~^=]|[\x00-\x1f\x7f-\x9f\u2028\u2029]')
_CLASSES = [
    "classDef topic fill:#f0f0f0,stroke:#333333,color:#000000",
    "classDef pro fill:#0072B2,stroke:#004a75,color:#ffffff",
    "classDef con fill:#D55E00,stroke:#8a3d00,color:#ffffff",
    "classDef other stroke-dasharray:4 3",
]


def escape_label(text: str) -> str:
    """``text`` as the inside of a quoted Mermaid label: white space folded, every character
    that could end the label or be read as markup written as a ``#code;`` entity.

    Example:
        >>> escape_label('A "b" <c>\\nd # e')
        'A #quot;b#quot; #lt;c#gt; d #35; e'
    """
    folded = " ".join(text.split())
    return _SPECIAL.sub(lambda m: _NAMED.get(m.group(), f"#{ord(m.group())};"), folded)


def _markdown_heading(text: str) -> str:
    folded = " ".join(text.split())
    return re.sub(r"([\\`*_{}\[\]<>()#+\-.!|&])", r"\\\1", folded) or "(untitled topic)"


def generate_mermaid(amap: ArgumentMap) -> str:
    """``amap`` as Markdown: a heading and a Mermaid flowchart for every topic."""
    parts: list[str] = []
    nodes = {n.id: n for n in amap.nodes}
    for topic in amap.topics:
        names: dict[str, str] = {topic.id: "m0"}
        lines = ["flowchart BT", *(f"  {c}" for c in _CLASSES),
                 f'  m0{_SHAPES["topic"][0]}"{escape_label(topic.title)}"{_SHAPES["topic"][1]}:::topic']

        def declare(node: Node, other: bool) -> None:
            names[node.id] = name = f"m{len(names)}"
            left, right = _SHAPES[node.kind]
            label = escape_label(node.text)
            if other:
                label += f" (in {escape_label(amap.topic(node.topic).title)})"
            lines.append(f'  {name}{left}"{label}"{right}:::{node.stance}')
            if other:
                lines.append(f"  class {name} other")

        for node in amap.statements(topic.id):
            declare(node, other=False)
        drawn = []
        for e in amap.edges:
            if e.source not in names and e.target not in names:
                continue
            for end in (e.source, e.target):
                if end not in names:
                    if end in nodes:
                        declare(nodes[end], other=True)
                    else:
                        break  # an edge between this topic and another topic's thesis: drawn there
            else:
                arrow = "-- supports -->" if e.relation == "supports" else "-. attacks .->"
                drawn.append(f"  {names[e.source]} {arrow} {names[e.target]}")
        lines += drawn
        parts.append(f"## {_markdown_heading(topic.title)}\n\n```mermaid\n" + "\n".join(lines) + "\n```\n")
    return "\n".join(parts)
