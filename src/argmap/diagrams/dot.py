"""DOT source for per-topic pro/contra diagrams and for the whole-map overview.

Every value goes through :mod:`argmap.diagrams.escaping` and one quoting function here, so
user text can never break the DOT or inject markup; HTML-like labels are marked as such by
type (:class:`Html`), never guessed from their text. Layout (``dot``) happens in batches,
see :mod:`argmap.diagrams.run`.

Layout: ``rankdir=BT`` with the topic alone on the top rank; statements that point at
nothing else in the topic get an invisible edge to it so they sit below it. Statements of
other topics that an edge reaches appear as small dashed reference boxes. The legend is the
graph's label, under the drawing, its entries flowed into rows no wider than the widest box.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="Tolls hurt <the poor>.",
    ...                             actor="Critics")],
    ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
    >>> src = topic_dot(m, "t1", status=False)
    >>> src.startswith("digraph") and "&lt;the poor&gt;" in src and "arrowhead=tee" in src
    True
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from argmap.diagrams.escaping import clean, encode_id, label_text, svg_id, tooltip_text
from argmap.diagrams.options import DiagramOptions
from argmap.diagrams.themes import Theme
from argmap.errors import ArgmapError, LimitExceeded
from argmap.limits import MAX_LAYOUT_NODES
from argmap.index import MapIndex
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.text import shorten

#: Largest map (topics + statements) :func:`overview_dot` lays out by default.
OVERVIEW_LIMIT = 250
_SHORT = 60  # characters of a statement quoted in titles of edges and reference boxes
_MARGIN = (0.14, 0.07)  # inches around a statement's text
# Average advance of a character in em (DejaVu Sans, the default font): enough to compare a
# legend row with the widest box of the same diagram, which is all it is used for.
_EM_LOWER, _EM_UPPER = 0.56, 0.68


@dataclass
class Diagram:
    """One DOT graph plus what SVG post-processing needs to write ``<title>``/``<desc>``."""

    source: str = ""
    # SVG element id -> (title, description), for the graph, its nodes and its edges.
    accessible: dict[str, tuple[str, str]] = field(default_factory=dict)
    # what the diagram shows, for messages ("topic t1 “Tolls”")
    name: str = ""
    # set when this is a summary drawn in place of a diagram too large to lay out: why
    note: str | None = None
    # the summary box to draw instead, given why, when Graphviz cannot lay this one out
    summary: Callable[[str], Diagram] | None = field(default=None, repr=False)


def _shorten(text: str, width: int = _SHORT) -> str:
    return shorten(clean(text), width)


def _value(text: object) -> str:
    """A caller's attribute value, cleaned (quoted on output, never read as an HTML label)."""
    return clean(str(text))


class Html(str):
    """An HTML-like label (``<...>``), written to the DOT as it is; every other value is quoted."""


_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


def quote(value: str) -> str:
    r"""A DOT attribute value: HTML labels as they are, plain names and numbers bare, anything
    else double-quoted with ``\`` and ``"`` escaped, so no text can end the string and no
    backslash is read as an escape such as ``\N`` (the node's name).

    Example:
        >>> print(quote("box"), quote("0.3"), quote("node"), quote('say "hi"'), quote(Html("<<B>x</B>>")))
        box 0.3 "node" "say \"hi\"" <<B>x</B>>
    """
    return value if isinstance(value, Html) else _quote_plain(str(value))


@functools.lru_cache(maxsize=4096)  # colours, styles and shapes repeat in every diagram
def _quote_plain(value: str) -> str:
    if _BARE.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Dot:
    """The statements of one DOT graph or subgraph, in order."""

    def __init__(self, head: str = "digraph G {", indent: str = "\t") -> None:
        self.head, self.indent = head, indent
        self.body: list[str] = []

    @staticmethod
    def _attrs(attrs: Mapping[str, str]) -> str:
        return "[" + " ".join(f"{k}={quote(v)}" for k, v in attrs.items()) + "]"

    def attr(self, kind: str, attrs: Mapping[str, str]) -> None:
        self.body.append(f"{self.indent}{kind} {self._attrs(attrs)}")

    def node(self, name: str, attrs: Mapping[str, str]) -> None:
        self.body.append(f"{self.indent}{name} {self._attrs(attrs)}")

    def edge(self, tail: str, head: str, attrs: Mapping[str, str]) -> None:
        self.body.append(f"{self.indent}{tail} -> {head} {self._attrs(attrs)}")

    @contextmanager
    def subgraph(self, name: str = "") -> Iterator[_Dot]:
        """A (cluster) subgraph, added to this graph when the ``with`` block ends."""
        inner = _Dot(f"{self.indent}subgraph {name} {{" if name else f"{self.indent}{{", self.indent + "\t")
        yield inner
        self.body += [inner.head, *inner.body, self.indent + "}"]

    @property
    def source(self) -> str:
        return "\n".join([self.head, *self.body, "}"]) + "\n"


def _markup(runs: Sequence[tuple[str, str, str]]) -> str:
    """HTML-like label text from ``(text, open tags, close tags)`` runs.

    Graphviz writes each run as its own SVG ``<text>`` at an absolute x, and SVG viewers
    drop a ``<text>``'s leading white space, so a run's leading spaces are moved to the end
    of the run before it: the next run still starts after them, and no word is glued to
    the one before ("PRO · defeated", not "PRO· defeated").

    Example:
        >>> _markup([("PRO", "", ""), (" · defeated", "<B>", "</B>")])
        'PRO <B>· defeated</B>'
    """
    texts = [text for text, _, _ in runs]
    for i in range(1, len(texts)):
        stripped = texts[i].lstrip(" ")
        texts[i - 1] += " " * (len(texts[i]) - len(stripped))
        texts[i] = stripped
    return "".join(f"{open_}{label_text(text)}{close}" if text else ""
                   for text, (_, open_, close) in zip(texts, runs))


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy line breaking of cleaned ``text``: ``(start, end)`` offsets of each line.

    Words longer than ``width`` are cut into ``width``-sized pieces so no line overflows.

    Example:
        >>> t = "the quick brown fox jumps"
        >>> [t[a:b] for a, b in wrap(t, 10)]
        ['the quick', 'brown fox', 'jumps']
        >>> w = "abcdefghij"
        >>> [w[a:b] for a, b in wrap(w, 4)]
        ['abcd', 'efgh', 'ij']
    """
    lines: list[tuple[int, int]] = []
    start = end = -1
    for word in re.finditer(r"\S+", text):
        a, b = word.span()
        while b - a > width:  # a word wider than a line gets lines of its own
            if start >= 0:
                lines.append((start, end))
                start = -1
            lines.append((a, a + width))
            a += width
        if start < 0:
            start, end = a, b
        elif b - start <= width:
            end = b
        else:
            lines.append((start, end))
            start, end = a, b
    if start >= 0:
        lines.append((start, end))
    return lines




def _html_lines(display: str, bold: tuple[int, int], theme: Theme) -> tuple[str, int]:
    """Wrapped label text with the characters in ``bold`` (the actor) in bold, and the
    length of its longest line."""
    lines = wrap(display, theme.wrap_width)
    truncated = len(lines) > theme.max_lines
    lines = lines[: theme.max_lines]
    out = []
    for i, (a, b) in enumerate(lines):
        x, y = min(max(bold[0], a), b), min(max(bold[1], a), b)  # the bold part of this line
        tail = " …" if truncated and i == len(lines) - 1 else ""
        if x == y:  # no bold on this line: one run
            out.append(label_text(display[a:b] + tail))
        else:
            out.append(_markup([(display[a:x], "", ""), (display[x:y], "<B>", "</B>"), (display[y:b] + tail, "", "")]))
    widest = max((b - a for a, b in lines), default=0) + (2 if truncated else 0)
    return "<BR/>".join(out) or " ", widest


def _display_text(node: Node) -> tuple[str, tuple[int, int]]:
    """The label text of a statement and the span of it naming the actor.

    An actor the text mentions ("When critics accuse …") is marked where it stands;
    otherwise the text is prefixed with "Actor:".

    Example:
        >>> from argmap.model import Node
        >>> _display_text(Node(id="n", kind="critique", topic="t", text="When critics accuse X", actor="Critics"))
        ('When critics accuse X', (5, 12))
        >>> _display_text(Node(id="n", kind="critique", topic="t", text="X is bad", actor="Unions"))
        ('Unions: X is bad', (0, 7))
    """
    text, actor = clean(node.text), clean(node.actor)
    if not actor:
        return text, (0, 0)
    found = re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", text, re.IGNORECASE)
    if found:
        return text, found.span()
    return f"{actor}: {text}", (0, len(actor) + 1)


_KIND_TITLE = {"claim": "Claim", "critique": "Critique", "rebuttal": "Rebuttal"}
_STATUS_WORDS = {"IN": "accepted (IN)", "OUT": "defeated (OUT)", "UNDEC": "undecided (UNDEC)"}


class _DiagramBuilder:
    """Builds one :class:`Diagram`: the DOT graph and the accessibility texts."""

    def __init__(self, index: MapIndex, theme: Theme, labelling: Mapping[str, str] | None, prefix: str,
                 sections: Mapping[str, Mapping[str, str]]) -> None:
        self.index, self.theme, self.labelling, self.prefix = index, theme, labelling, prefix
        self.items = index.items
        self.sections = sections
        # The caller's node.*/edge.* attributes win over argmap's per-box and per-line looks.
        self.node_attr = {k: _value(v) for k, v in sections.get("node", {}).items()}
        self.edge_attr = {k: _value(v) for k, v in sections.get("edge", {}).items()}
        self.graph = _Dot()
        self.names: dict[str, str] = {}  # map id -> DOT node name
        self.accessible: dict[str, tuple[str, str]] = {}
        self.widest = 0.0  # estimated width (points) of the widest box, for the legend

    # ----- nodes ---------------------------------------------------------------------

    def _name(self, map_id: str) -> str:
        return self.names.setdefault(map_id, f"n{len(self.names)}")

    def _status(self, item_id: str) -> str | None:
        return None if self.labelling is None else self.labelling.get(item_id)

    def _header(self, words: str, status: str | None) -> tuple[str, int]:
        """The small kind/stance line above a box's text, with its status when it has one."""
        t = self.theme
        size = f'<FONT POINT-SIZE="{t.header_size:g}" COLOR="{t.muted_ink}">'
        runs = [(clean(words), size, "</FONT>")]
        if status in ("OUT", "UNDEC"):
            runs.append((f" · {_STATUS_WORDS[status]}", f'<FONT POINT-SIZE="{t.header_size:g}"><B>', "</B></FONT>"))
        return _markup(runs) + "<BR/>", sum(len(r[0]) for r in runs)

    def _note_width(self, body_chars: int, body_size: float, header_chars: int) -> None:
        t = self.theme
        width = max(body_chars * body_size * _EM_LOWER, header_chars * t.header_size * _EM_UPPER)
        self.widest = max(self.widest, width + 2 * 72 * _MARGIN[0])

    def _node(self, graph: _Dot, map_id: str, attrs: dict[str, str]) -> None:
        graph.node(self._name(map_id), attrs | self.node_attr)

    def topic_node(self, graph: _Dot, topic: Topic, context: str | None = None) -> None:
        t, status = self.theme, self._status(topic.id)
        title = clean(topic.title) or "(untitled topic)"
        header, header_chars = self._header(f"TOPIC · {context}" if context else "TOPIC", status)
        text, widest = _html_lines(title, (0, 0), t)
        self._note_width(widest, t.fontsize + 2, header_chars)
        label = f'{header}<FONT POINT-SIZE="{t.fontsize + 2:g}">{text}</FONT>'
        attrs = {"id": svg_id(topic.id, self.prefix), "shape": "box", "margin": "0.2,0.1",
                 "penwidth": f"{t.line_width * 1.4:g}", "label": Html(f"<{label}>"), "tooltip": tooltip_text(title)}
        attrs |= _look(t, status, t.topic_fill, t.topic_line, ["filled"])
        self._node(graph, topic.id, attrs)
        desc = f"Topic (the thesis of this debate){self._status_phrase(status)}."
        self.accessible[svg_id(topic.id, self.prefix)] = (f"Topic: {title}", desc)

    def statement_node(self, graph: _Dot, node: Node) -> None:
        t, status = self.theme, self._status(node.id)
        display, bold = _display_text(node)
        pro = node.stance == "pro"
        style = ["rounded", "filled"] if pro else ["filled", "diagonals"]
        header, header_chars = self._header(f"{node.kind.upper()} · {node.stance.upper()}", status)
        text, widest = _html_lines(display or "(no text)", bold, t)
        self._note_width(widest, t.fontsize, header_chars)
        attrs = {"id": svg_id(node.id, self.prefix), "shape": "box", "label": Html(f"<{header}{text}>"),
                 "tooltip": tooltip_text(display)}
        if node.kind == "rebuttal":
            attrs["peripheries"] = "2"
        attrs |= _look(t, status, t.pro_fill if pro else t.con_fill, t.pro_line if pro else t.con_line, style)
        self._node(graph, node.id, attrs)
        desc = f"{_KIND_TITLE[node.kind]} ({node.stance}){self._status_phrase(status)}"
        if node.actor:
            desc += f"; voiced by {clean(node.actor)}"
        self.accessible[svg_id(node.id, self.prefix)] = (f"{_KIND_TITLE[node.kind]}: {display}", desc + ".")

    def reference_node(self, map_id: str) -> None:
        """A small dashed box for an item of another topic that an edge of this one reaches."""
        item = self.items[map_id]
        if isinstance(item, Topic):
            text = f"topic “{_shorten(item.title)}”"
        else:
            home = self.index.topics.get(item.topic)
            text = f"{item.kind} in “{_shorten(home.title if home else '', 30)}”: {_shorten(item.text)}"
        t = self.theme
        lines, _ = _html_lines(text, (0, 0), t)
        ref_id = f"{self.prefix}ref-{encode_id(map_id)}"
        attrs = {"id": ref_id, "shape": "box", "style": "dashed,rounded", "color": t.legend_line,
                 "fontcolor": t.muted_ink, "label": Html(f'<<FONT POINT-SIZE="{t.header_size:g}">{lines}</FONT>>'),
                 "tooltip": tooltip_text(text)}
        self._node(self.graph, map_id, attrs)
        self.accessible[ref_id] = (f"Elsewhere in the map: {text}", "Belongs to another topic.")

    def _status_phrase(self, status: str | None) -> str:
        return f", {_STATUS_WORDS[status]}" if status else ""

    # ----- edges ---------------------------------------------------------------------

    def edge(self, index: int, edge: Edge) -> None:
        edge_id = f"{self.prefix}edge-{index}"
        title = f"“{self._describe(edge.source)}” {edge.relation} “{self._describe(edge.target)}”"
        attrs = {"id": edge_id, **_edge_look(self.theme, edge.relation), "tooltip": tooltip_text(title)}
        self.graph.edge(self._name(edge.source), self._name(edge.target), attrs | self.edge_attr)
        self.accessible[edge_id] = (title, f"A {edge.relation[:-1]} relation.")

    def _describe(self, map_id: str) -> str:
        item = self.items[map_id]
        return _shorten(item.title if isinstance(item, Topic) else _display_text(item)[0], 40)

    def anchor(self, graph: _Dot, node_ids: list[str], topic_id: str) -> None:
        """Invisible edges that keep every statement below its topic.

        A statement pointing nowhere in the topic would otherwise float free, and one in an
        attack cycle (k ⇄ r) could be ranked level with the topic; weight 0 keeps these
        edges from pulling statements sideways.
        """
        local = set(node_ids) | {topic_id}
        edges = self.index.amap.edges
        touching = [edges[i] for i in self.index.edges_touching(local)]
        pointing = {e.source for e in touching if e.target in local and e.target != e.source}
        on_topic = {e.source for e in touching if e.target == topic_id}
        for nid in node_ids:
            if nid not in on_topic:
                attrs = {"style": "invis"} | ({"weight": "0"} if nid in pointing else {})
                graph.edge(self._name(nid), self._name(topic_id), attrs)

    # ----- whole graph ---------------------------------------------------------------

    def legend(self) -> None:
        """The legend, as the graph's label: Graphviz centres it under the drawing (a label
        the caller set through ``graph_attr`` wins)."""
        if "label" in self.sections.get("graph", {}):
            return
        label = _legend_label(self.theme, self.labelling is not None, self.widest)
        self.graph.attr("graph", {"label": Html(label), "labelloc": "b", "labeljust": "c"})

    def header(self, graph_id: str) -> None:
        t = self.theme
        graph = {"id": graph_id, "rankdir": "BT", "nodesep": "0.3", "ranksep": "0.45",
                 "fontname": t.fontname, "fontsize": f"{t.fontsize:g}", "fontcolor": t.muted_ink,
                 "bgcolor": "white", "pad": "0.2", "newrank": "true"}
        node = {"fontname": t.fontname, "fontsize": f"{t.fontsize:g}", "margin": f"{_MARGIN[0]},{_MARGIN[1]}",
                "penwidth": f"{t.line_width:g}"}
        edge = {"penwidth": f"{t.edge_width:g}", "arrowsize": "0.8", "fontname": t.fontname}
        graph |= {k: _value(v) for k, v in self.sections.get("graph", {}).items()}
        for kind, attrs in (("graph", graph), ("node", node | self.node_attr), ("edge", edge | self.edge_attr)):
            self.graph.attr(kind, attrs)

    def diagram(self) -> Diagram:
        return Diagram(source=self.graph.source, accessible=self.accessible)


def _legend_entries(t: Theme, with_status: bool, stacked: bool) -> list[list[tuple[str, int]]]:
    """(cell markup, estimated width in points) of each legend entry, in groups (kinds,
    relations, statuses); ``stacked`` puts a line sample above its word instead of beside it
    (for very narrow diagrams)."""
    size = f'POINT-SIZE="{t.header_size:g}"'
    border = max(1, round(t.line_width))  # as thick as the boxes' outlines (whole points in tables)

    def box(text: str, fill: str, line: str, *, rounded: bool = True, double: bool = False, dashed: bool = False,
            ink: str | None = None) -> tuple[str, int]:
        style = ",".join(s for s, on in (("rounded", rounded), ("dashed", dashed)) if on)
        style_attr = f' STYLE="{style}"' if style else ""
        inner = (f'<TABLE{style_attr} BORDER="{border}" COLOR="{line}" BGCOLOR="{fill}" CELLBORDER="0" '
                 f'CELLPADDING="2"><TR><TD><FONT {size} COLOR="{ink or t.ink}">{label_text(text)}</FONT></TD></TR></TABLE>')
        if double:
            inner = (f'<TABLE{style_attr} BORDER="{border}" COLOR="{line}" CELLBORDER="0" CELLSPACING="1" '
                     f'CELLPADDING="0"><TR><TD>{inner}</TD></TR></TABLE>')
        return f"<TD>{inner}</TD>", round(len(text) * t.header_size * _EM_LOWER + 14)

    def line(sample: str, colour: str, word: str) -> tuple[str, int]:
        runs = [(sample + ("" if stacked else " "), f'<FONT {size} COLOR="{colour}">', "</FONT>"),
                (word, f'<FONT {size} COLOR="{t.ink}">', "</FONT>")]
        chars = max(len(sample), len(word)) if stacked else len(sample) + 1 + len(word)
        cell = _markup(runs[:1]) + "<BR/>" + _markup(runs[1:]) if stacked else _markup(runs)
        return f"<TD>{cell}</TD>", round(chars * t.header_size * _EM_LOWER + 8)

    groups = [[box("claim", t.pro_fill, t.pro_line), box("rebuttal", t.pro_fill, t.pro_line, double=True),
               box("critique", t.con_fill, t.con_line, rounded=False)],
              [line("───▶", t.support_color, "supports"), line("╌╌╌┤", t.attack_color, "attacks")]]
    if with_status:
        groups.append([box("defeated", t.out_fill, t.out_line, ink=t.muted_ink),
                       box("undecided", t.pro_fill, t.undec_line, dashed=True)])
    return groups


@functools.lru_cache(maxsize=64)
def _legend_rows(t: Theme, with_status: bool, room: int) -> str:
    """The legend's entries flowed into rows at most ``room`` points wide: a group (kinds,
    relations, statuses) that does not fit after the one before starts a row of its own, and
    is broken only when it is wider than a row (one entry a row at least; line samples go
    above their words when even that is too wide)."""
    groups = _legend_entries(t, with_status, stacked=False)
    if max(width for group in groups for _, width in group) > room:
        groups = _legend_entries(t, with_status, stacked=True)
    rows: list[list[str]] = [[]]
    used = 0
    for group in groups:
        if rows[-1] and used + sum(width for _, width in group) > room:
            rows.append([])
            used = 0
        for cell, width in group:
            if rows[-1] and used + width > room:
                rows.append([])
                used = 0
            rows[-1].append(cell)
            used += width
    # Graphviz stretches a short row's cells to the widest row; empty cells at both ends take
    # the extra space instead, so the sample boxes keep their own size.
    body = "".join(f'<TR><TD><TABLE BORDER="0" CELLSPACING="3" CELLPADDING="0"><TR><TD></TD>{"".join(r)}<TD></TD>'
                   "</TR></TABLE></TD></TR>" for r in rows)
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{body}</TABLE>>'


def _legend_label(t: Theme, with_status: bool, widest_box: float) -> str:
    # Rows as wide as the widest box of the diagram (known before layout), which the drawing
    # is at least as wide as; the room is rounded down to whole 20 pt steps so that diagrams
    # of similar size share one cached legend.
    return _legend_rows(t, with_status, int(widest_box * 0.95) // 20 * 20)


def legend_diagram(options: DiagramOptions, room: float = 200) -> Diagram:
    """A graph holding only the legend (the status entries when ``options.status`` is set),
    its rows at most ``room`` points wide: one legend for a page of diagrams drawn without."""
    theme = options.resolved_theme()
    prefix = options.prefix(None)
    graph = _Dot()
    graph.attr("graph", {"id": f"{prefix}legend-graph", "bgcolor": "white", "pad": "0.05", "margin": "0",
                         "fontname": theme.fontname,
                         "label": Html(_legend_rows(theme, options.status is not False, int(room)))})
    return Diagram(source=graph.source, accessible={
        f"{prefix}legend-graph": ("Diagram legend", "What the shapes, lines and marks of the diagrams mean.")})


def _look(t: Theme, status: str | None, fill: str, line: str, style: list[str]) -> dict[str, str]:
    """Fill, outline and text colour of a box; defeated ones dimmed, undecided ones dashed."""
    if status == "OUT":
        fill, line = t.out_fill, t.out_line
    elif status == "UNDEC":
        line = t.undec_line
        style = [*style, "dashed"]
    return {"style": ",".join(style), "fillcolor": fill, "color": line,
            "fontcolor": t.muted_ink if status == "OUT" else t.ink}


def _edge_look(t: Theme, relation: str) -> dict[str, str]:
    """Supports: solid with a normal arrowhead; attacks: dashed with a tee (plus colour)."""
    if relation == "supports":
        return {"color": t.support_color, "style": "solid", "arrowhead": "normal"}
    return {"color": t.attack_color, "style": "dashed", "arrowhead": "tee"}


def _context_label(index: MapIndex, topic: Topic) -> str | None:
    """"Document › section" for the head of a topic's box, when the map knows them."""
    doc = index.document_of(topic)
    parts = [clean(doc.title or doc.source) if doc else "", clean(topic.section)]
    parts = [p for p in dict.fromkeys(parts) if p and p.casefold() != clean(topic.title).casefold()]
    return _shorten(" › ".join(parts), 48) or None


def topic_diagrams(amap: ArgumentMap, topic_ids: Iterable[str], options: DiagramOptions) -> list[Diagram]:
    """The diagrams of ``topic_ids`` (in order) drawn with ``options``, from the map's one
    index (``amap.index``) and one labelling."""
    index = amap.index
    theme, labelling, sections = options.resolved_theme(), options.labelling(amap), options.sections()
    return [_topic_diagram(index, tid, theme, labelling, options.prefix(tid), sections, options.legend)
            for tid in topic_ids]


def _topic_diagram(index: MapIndex, topic_id: str, theme: Theme, labelling: Mapping[str, str] | None,
                   prefix: str, sections: Mapping[str, Mapping[str, str]], legend: bool) -> Diagram:
    amap = index.amap
    try:
        topic = index.topics[topic_id]
    except (KeyError, TypeError):
        raise ArgmapError(f"no topic with id {topic_id!r} in the map") from None

    def summary(reason: str) -> Diagram:
        return _summary_diagram(index, topic, theme, labelling, prefix, sections, reason)

    statements = index.statements[topic_id]
    local = {topic_id} | {n.id for n in statements}
    edge_ids = index.edges_touching(local)
    others = {end for i in edge_ids for end in (amap.edges[i].source, amap.edges[i].target)} - local
    boxes = len(local) + len(others)
    if boxes > MAX_LAYOUT_NODES:
        return summary(f"{boxes:,} boxes, more than the {MAX_LAYOUT_NODES} a diagram lays out")
    b = _DiagramBuilder(index, theme, labelling, prefix, sections)
    b.header(f"{prefix}graph-{encode_id(topic_id)}")
    with b.graph.subgraph() as top:
        top.body.append(f"{top.indent}rank=sink")
        b.topic_node(top, topic, _context_label(index, topic))
    for node in statements:
        b.statement_node(b.graph, node)
    edges = [(i, amap.edges[i]) for i in edge_ids]
    for _, e in edges:
        for end in (e.source, e.target):
            if end not in b.names:
                b.reference_node(end)
    for i, e in edges:
        b.edge(i, e)
    b.anchor(b.graph, [n.id for n in statements], topic_id)
    if legend and statements:
        b.legend()
    title = clean(topic.title) or "(untitled topic)"
    b.accessible[f"{prefix}graph-{encode_id(topic_id)}"] = (
        f"Argument diagram: {title}",
        f"Topic “{title}” with {_counts(statements)}; {len(edges)} supports/attacks relations. "
        "Pro statements point up at what they support; con statements attack it.")
    return replace(b.diagram(), name=_topic_name(topic), summary=summary)


def _counts(statements: Sequence[Node]) -> str:
    return ", ".join(f"{sum(n.kind == k for n in statements):,} {k}s" for k in ("claim", "critique", "rebuttal"))


def _topic_name(topic: Topic) -> str:
    return f"topic {topic.id} “{_shorten(topic.title, 40)}”"


def _summary_diagram(index: MapIndex, topic: Topic, theme: Theme, labelling: Mapping[str, str] | None, prefix: str,
                     sections: Mapping[str, Mapping[str, str]], reason: str) -> Diagram:
    """The topic's box over one note box that counts its statements and says why they are
    not drawn: what a diagram too large to lay out becomes, instead of failing the run."""
    statements = index.statements[topic.id]
    relations = len(index.edges_touching({topic.id} | {n.id for n in statements}))
    b = _DiagramBuilder(index, theme, labelling, prefix, sections)
    graph_id = f"{prefix}graph-{encode_id(topic.id)}"
    b.header(graph_id)
    b.topic_node(b.graph, topic, _context_label(index, topic))
    t = theme
    counts = f"{len(statements):,} statements ({_counts(statements)}), {relations:,} supports/attacks relations"
    note = f"Too large to lay out: {reason}."
    lines, _ = _html_lines(f"{counts}. {note} Every statement is in the map and in the report's text.", (0, 0), t)
    note_id = f"{prefix}summary-{encode_id(topic.id)}"
    b.graph.node("summary", {"id": note_id, "shape": "note", "style": "filled", "fillcolor": "white",
                             "color": t.legend_line, "fontcolor": t.muted_ink, "label": Html(f"<{lines}>"),
                             "tooltip": tooltip_text(f"{counts}. {note}")} | b.node_attr)
    b.graph.edge("summary", b._name(topic.id), {"style": "dotted", "arrowhead": "none"} | b.edge_attr)
    title = clean(topic.title) or "(untitled topic)"
    b.accessible[graph_id] = (f"Argument diagram (summary): {title}", f"Topic “{title}” with {counts}. {note}")
    b.accessible[note_id] = (f"Summary: {counts}", note)
    return replace(b.diagram(), name=_topic_name(topic), note=note)


def topic_dot(amap: ArgumentMap, topic_id: str, **options: Any) -> str:
    """DOT source of the pro/contra diagram of one topic.

    The topic is on top (``rankdir=BT``); claims and rebuttals are blue rounded boxes (pro),
    rebuttals double-bordered; critiques are vermillion boxes with cut corners (con);
    ``supports`` edges are solid with a normal arrowhead, ``attacks`` dashed with a tee.
    ``options`` are those of :class:`~argmap.diagrams.DiagramOptions` (``theme``,
    ``status``, ``legend``, ``font_size``, ``graph_attr``, ``id_prefix``). SVG element ids:
    topic and statements ``svg_id(id, id_prefix)`` (see
    :func:`argmap.diagrams.escaping.svg_id`), the graph ``id_prefix + "graph-" +
    encode_id(topic_id)``, edges ``id_prefix + "edge-" + index in amap.edges``, reference
    boxes for other topics' items ``id_prefix + "ref-" + encode_id(id)``, the legend
    ``id_prefix + "legend"``.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
        ...                 nodes=[Node(id="n1", kind="claim", topic="t1", text="Less traffic.")],
        ...                 edges=[Edge(source="n1", target="t1", relation="supports")])
        >>> src = topic_dot(m, "t1", id_prefix="x-", graph_attr={"rankdir": "TB"}, status={"n1": "OUT"})
        >>> 'id="x-arg-n1"' in src and "rankdir=TB" in src and "defeated (OUT)" in src
        True
    """
    return topic_diagrams(amap, [topic_id], DiagramOptions.of(options))[0].source


def _stack_rows(b: _DiagramBuilder, index: MapIndex) -> None:
    """Lay topic frames out in rows of about √(2n) instead of one very wide row: each topic
    after the first row hangs (invisibly) under a bottom statement of the frame above it."""
    topics = index.amap.topics
    per_row = max(3, math.ceil(math.sqrt(2 * len(topics))))
    edges = index.amap.edges
    for k in range(per_row, len(topics)):
        above = topics[k - per_row].id
        statements = [n.id for n in index.statements[above]]
        answered = {edges[i].target for i in index.edges_touching(set(statements)) if edges[i].source in statements}
        bottom = next((n for n in statements if n not in answered), statements[0] if statements else above)
        b.graph.edge(b._name(topics[k].id), b._name(bottom), {"style": "invis"})


def overview_diagram(amap: ArgumentMap, options: DiagramOptions, *, limit: int = OVERVIEW_LIMIT) -> Diagram:
    """The whole-map diagram with its accessibility texts (see :func:`overview_dot`)."""
    size = len(amap.topics) + len(amap.nodes)
    if size > limit:
        raise LimitExceeded(
            f"the map has {len(amap.topics)} topics and {len(amap.nodes)} statements, more than the overview "
            f"limit of {limit} items; draw per-topic diagrams instead (argmap render --topic ID, "
            "argmap.diagrams.render_topics), or raise the limit")
    index = amap.index
    prefix = options.prefix(None)
    b = _DiagramBuilder(index, options.resolved_theme(), options.labelling(amap), prefix, options.sections())
    b.header(f"{prefix}overview")
    for k, topic in enumerate(amap.topics):
        with b.graph.subgraph(name=f"cluster_{k}") as frame:
            frame.attr("graph", {"id": f"{prefix}cluster-{encode_id(topic.id)}", "label": "",
                                 "style": "rounded,dashed", "color": b.theme.legend_line})
            b.topic_node(frame, topic)
            statements = index.statements[topic.id]
            for node in statements:
                b.statement_node(frame, node)
            b.anchor(frame, [n.id for n in statements], topic.id)
    _stack_rows(b, index)
    for i, e in enumerate(amap.edges):
        b.edge(i, e)
    if options.legend and amap.nodes:
        b.legend()
    b.accessible[f"{prefix}overview"] = (
        "Argument map overview",
        f"{len(amap.topics)} topics, each in its own frame, with {len(amap.nodes)} statements "
        f"and {len(amap.edges)} supports/attacks relations.")
    return b.diagram()


def overview_dot(amap: ArgumentMap, *, limit: int = OVERVIEW_LIMIT, **options: Any) -> str:
    """DOT source of the whole map, one framed cluster per topic.

    Raises :class:`~argmap.errors.LimitExceeded` when the map has more than ``limit``
    topics + statements: such a map needs per-topic diagrams (:func:`topic_dot`). Options
    and ids as in :func:`topic_dot`; the graph is ``id_prefix + "overview"`` and each
    topic's frame ``id_prefix + "cluster-" + encode_id(topic_id)``.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> overview_dot(ArgumentMap(topics=[Topic(id="t1", title="A")]), limit=0)
        Traceback (most recent call last):
        ...
        argmap.errors.LimitExceeded: the map has 1 topics and 0 statements, more than the overview limit of 0 items; draw per-topic diagrams instead (argmap render --topic ID, argmap.diagrams.render_topics), or raise the limit
    """
    return overview_diagram(amap, DiagramOptions.of(options), limit=limit).source
