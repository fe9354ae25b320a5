"""A map a student can write by hand: an indented outline, one statement a line.

::

    # Road tolls
    claim: Tolls cut traffic in the centre.
      critique: Critics say tolls hurt the poor.
        rebuttal: Rebates return the money to low-income drivers.
      critique [side]: Drivers just move to side streets.
    rebuttal -> side: Cameras watch the side streets too.

* ``# TITLE`` (any number of ``#``) or ``topic: TITLE`` starts a topic; statements before
  any topic go into one untitled topic.
* ``KIND: TEXT`` is a statement (``claim``, ``critique`` or ``rebuttal``, any case; a
  Markdown list marker ``-``, ``*``, ``+`` or ``1.`` before it is fine). It answers the
  nearest line above it that is indented less, or the topic when it is not indented: a claim
  supports what it answers, a critique or rebuttal attacks it.
* ``KIND [ID]: TEXT`` gives the statement a name; ``KIND -> ID: TEXT`` makes it answer the
  statement named ``ID`` wherever that is (both can be combined: ``KIND [ID] -> OTHER: TEXT``).
* Blank lines and lines starting with ``//`` are skipped.

Anything else is an error naming the line. The map has no spans, so grading pairs its
statements with the teacher's by text similarity (:mod:`argmap.exercises.compare`), and a
structure the model would not build (a rebuttal under a claim) is kept for the grader to
point out.

Example:
    >>> m = parse_outline("# Tolls\\nclaim: Tolls cut traffic.\\n  critique: They hurt the poor.\\n")
    >>> [(n.id, n.kind, n.text) for n in m.nodes], [(e.source, e.relation, e.target) for e in m.edges]
    ([('n1', 'claim', 'Tolls cut traffic.'), ('n2', 'critique', 'They hurt the poor.')], [('n1', 'supports', 't1'), ('n2', 'attacks', 'n1')])
    >>> parse_outline("clam: Tolls cut traffic.", "ana.txt")
    Traceback (most recent call last):
    ...
    argmap.errors.InputError: ana.txt: line 1: 'clam' is not a kind (claim, critique, rebuttal); did you mean 'claim'?
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from argmap.errors import InputError
from argmap.model import KINDS, ArgumentMap, Edge, Node, Topic

# the suffixes that say a student's map is an outline (any other non-JSON file is tried too)
OUTLINE_SUFFIXES = (".txt", ".md", ".outline")
_RELATION = {"claim": "supports", "critique": "attacks", "rebuttal": "attacks"}
_LIST_MARKER = re.compile(r"(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"#+\s*(.*)")
_LINE = re.compile(r"(?P<word>[A-Za-z]+)\s*(?:\[\s*(?P<id>[^\]]*?)\s*\])?\s*(?:->\s*(?P<target>[^\s:]+))?\s*:\s*(?P<text>.*)")
_UNTITLED = "Untitled topic"


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def parse_outline(text: str, source: str = "<outline>") -> ArgumentMap:
    """The map an outline describes (see the module's docstring); an :class:`InputError`
    ``SOURCE: line N: problem`` for the first line that is not one."""
    topics: list[Topic] = []
    nodes: list[Node] = []
    edges: list[Edge] = []
    pointers: list[tuple[int, int, str]] = []  # (line, edge index, student's name) of '-> NAME' edges
    named: dict[str, str] = {}  # the student's names -> node ids
    open_: list[tuple[int, str]] = []  # (indent, node id) of the lines a deeper one would answer

    def fail(lineno: int, problem: str) -> InputError:
        return InputError(source, f"line {lineno}: {problem}")

    def topic(title: str) -> Topic:
        t = Topic(id=f"t{len(topics) + 1}", title=title)
        topics.append(t)
        return t

    for lineno, raw in enumerate(text.splitlines(), 1):
        body = raw.strip()
        if not body or body.startswith("//"):
            continue
        heading = _HEADING.fullmatch(body)
        if heading:
            if not heading.group(1).strip():
                raise fail(lineno, "a topic heading needs a title ('# TITLE')")
            topic(heading.group(1).strip())
            open_.clear()
            continue
        body = _LIST_MARKER.sub("", body, count=1)
        m = _LINE.fullmatch(body)
        if m is None:
            raise fail(lineno, f"expected 'claim: …', 'critique: …', 'rebuttal: …' or '# TOPIC', got "
                               f"{body[:40]!r}")
        word, name, target, said = m.group("word").lower(), m.group("id"), m.group("target"), m.group("text").strip()
        if word == "topic":
            if not said:
                raise fail(lineno, "a topic needs a title ('topic: TITLE')")
            topic(said)
            open_.clear()
            continue
        if word not in KINDS:
            near = get_close_matches(word, [*KINDS, "topic"], n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise fail(lineno, f"{m.group('word')!r} is not a kind ({', '.join(KINDS)}){hint}")
        if not said:
            raise fail(lineno, f"the {word} has no text after the colon")
        if name is not None:
            if not name or not re.fullmatch(r"[^\s\[\]:>]+", name):
                raise fail(lineno, f"a name in brackets is one word without spaces, not {name!r}")
            if name in named:
                raise fail(lineno, f"the name {name!r} is given twice")
        if not topics:
            topic(_UNTITLED)
        indent = _indent(raw)
        while open_ and open_[-1][0] >= indent:
            open_.pop()
        node = Node(id=f"n{len(nodes) + 1}", kind=word, topic=topics[-1].id, text=said)
        if name is not None:
            named[name] = node.id
        if target is not None:
            pointers.append((lineno, len(edges), target))
        answered = open_[-1][1] if open_ else topics[-1].id
        edges.append(Edge(source=node.id, target=answered, relation=_RELATION[word]))
        nodes.append(node)
        open_.append((indent, node.id))
    if not nodes:
        raise InputError(source, "no statements: write one a line, as 'claim: …', 'critique: …' or 'rebuttal: …'")
    by_id = {n.id: n for n in nodes}
    for lineno, at, name in pointers:  # names may be given further down: resolved once all are known
        if name not in named:
            raise fail(lineno, f"'-> {name}': no statement is named [{name}]")
        if named[name] == edges[at].source:
            raise fail(lineno, f"'-> {name}': a statement cannot answer itself")
        by_id[edges[at].source].topic = by_id[named[name]].topic  # it joins the topic of what it answers
        edges[at] = edges[at].model_copy(update={"target": named[name]})
    return ArgumentMap(topics=topics, nodes=nodes, edges=edges)


__all__ = ["OUTLINE_SUFFIXES", "parse_outline"]
