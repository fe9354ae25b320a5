"""DOT source for per-topic pro/contra diagrams and for the whole-map overview.

The text is built here, not with the ``graphviz`` package: every value goes through
:mod:`argmap.diagrams.text` so user text can never break the DOT or inject markup.

Layout: ``rankdir=BT`` with the topic alone on the top rank; statements that point at
nothing else in the topic get an invisible edge to it so they sit below it. Statements of
other topics that an edge reaches appear as small dashed reference boxes.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="Tolls hurt <the poor>.",
    ...                             actor="Critics")],
    ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
    >>> src = topic_dot(m, "t1")
    >>> src.startswith("digraph") and "&lt;the poor&gt;" in src and "arrowhead=tee" in src
    True
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import ArgmapError, LimitExceeded
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.diagrams.text import clean, dot_string, encode_id, label_text, svg_id, wrap
from argmap.diagrams.themes import Theme, get_theme

Labelling = Mapping[str, str]
GraphAttrs = Mapping[str, Any]

#: Largest map (topics + statements) :func:`overview_dot` lays out by default.
OVERVIEW_LIMIT = 250
STATUSES = ("IN", "OUT", "UNDEC")
_ID_PREFIX = re.compile(r"[A-Za-z0-9_-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHORT = 60  # characters of a statement quoted in titles of edges and reference boxes


@dataclass
class Diagram:
    """One DOT graph plus what SVG post-processing needs to write ``<title>``/``<desc>``."""

    name: str
    source: str = ""
    # SVG element id -> (title, description), for the graph, its nodes and its edges.
    accessible: dict[str, tuple[str, str]] = field(default_factory=dict)


def _quote(value: object) -> str:
    """A DOT quoted string for an attribute value given by the caller (no entity handling)."""
    text = clean(str(value)).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _attrs(pairs: Mapping[str, str]) -> str:
    """``[k=v, ...]`` where values are already DOT-quoted/HTML strings."""
    return "[" + ", ".join(f"{k}={v}" for k, v in pairs.items()) + "]"


def _short(text: str, limit: int = _SHORT) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _status_of(labelling: Labelling | None, item_id: str) -> str | None:
    if labelling is None or item_id not in labelling:
        return None
    raw = labelling[item_id]
    # Plain strings, str-valued enums, or enums named IN/OUT/UNDEC are all accepted.
    status = (raw if isinstance(raw, str) else getattr(raw, "name", str(raw))).upper()
    if status not in STATUSES:
        raise ArgmapError(f"labelling of {item_id!r} is {labelling[item_id]!r}; expected IN, OUT or UNDEC")
    return status


def _html_lines(display: str, bold: tuple[int, int], theme: Theme) -> str:
    """Wrapped label text with the characters in ``bold`` (the actor) in bold."""
    lines = wrap(display, theme.wrap_width)
    truncated = len(lines) > theme.max_lines
    lines = lines[: theme.max_lines]
    out = []
    for i, (a, b) in enumerate(lines):
        x, y = min(max(bold[0], a), b), min(max(bold[1], a), b)  # the bold part of this line
        while x < y < b and display[y] == " ":
            # SVG viewers drop a text run's leading space; Graphviz places each run at an
            # absolute x, so a space kept at the end of the bold run still separates the words
            y += 1
        line = label_text(display[a:x]) + (f"<B>{label_text(display[x:y])}</B>" if y > x else "")
        line += label_text(display[y:b])
        if truncated and i == len(lines) - 1:
            line += " …"
        out.append(line)
    return "<BR/>".join(out) or " "


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


class MapIndex:
    """Lookups that the diagrams of one map share, built once in O(map size), so drawing
    every topic of a large map stays linear."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.items: dict[str, Topic | Node] = {i.id: i for i in amap.iter_items()}
        self.topics = {t.id: t for t in amap.topics}
        self.documents = {d.id: d for d in amap.documents}
        self.statements: dict[str, list[Node]] = {t.id: [] for t in amap.topics}
        for n in amap.nodes:
            self.statements.setdefault(n.topic, []).append(n)
        self.edges_at: dict[str, list[int]] = {}  # id -> indices of the edges touching it
        for i, e in enumerate(amap.edges):
            self.edges_at.setdefault(e.source, []).append(i)
            if e.target != e.source:
                self.edges_at.setdefault(e.target, []).append(i)

    def edges_touching(self, ids: set[str]) -> list[int]:
        """Indices (in map order) of the edges with an end in ``ids``."""
        return sorted({i for x in ids for i in self.edges_at.get(x, ())})


class _Builder:
    """Accumulates the statements of one DOT graph."""

    def __init__(self, index: MapIndex, theme: Theme, labelling: Labelling | None, id_prefix: str) -> None:
        if not _ID_PREFIX.fullmatch(id_prefix):
            raise ArgmapError(f"id_prefix {id_prefix!r} may only hold ASCII letters, digits, '-' and '_'")
        self.index, self.theme, self.labelling, self.prefix = index, theme, labelling, id_prefix
        self.items = index.items
        self.lines: list[str] = []
        self.names: dict[str, str] = {}  # map id -> DOT node name
        self.accessible: dict[str, tuple[str, str]] = {}

    # ----- nodes ---------------------------------------------------------------------

    def _name(self, map_id: str) -> str:
        return self.names.setdefault(map_id, f"n{len(self.names)}")

    def _header(self, words: str, status: str | None) -> str:
        t = self.theme
        head = f'<FONT POINT-SIZE="{t.fontsize - 3:g}" COLOR="{t.muted_ink}">{label_text(clean(words))}</FONT>'
        if status in ("OUT", "UNDEC"):
            head += f'<FONT POINT-SIZE="{t.fontsize - 3:g}"><B> · {label_text(_STATUS_WORDS[status])}</B></FONT>'
        return head + "<BR/>"

    def topic_node(self, topic: Topic, indent: str = "  ") -> None:
        t, status = self.theme, _status_of(self.labelling, topic.id)
        title = clean(topic.title) or "(untitled topic)"
        label = self._header("TOPIC", status) + (
            f'<FONT POINT-SIZE="{t.fontsize + 2:g}">{_html_lines(title, (0, 0), t)}</FONT>')
        attrs = {"id": _quote(svg_id(topic.id, self.prefix)), "shape": "box", "margin": '"0.2,0.1"',
                 "penwidth": "1.6", "label": f"<{label}>", "tooltip": dot_string(title)}
        attrs |= _look(t, status, t.topic_fill, t.topic_line, ["filled"])
        self.lines.append(f"{indent}{self._name(topic.id)} {_attrs(attrs)};")
        desc = f"Topic (the thesis of this debate){self._status_phrase(status)}."
        self.accessible[svg_id(topic.id, self.prefix)] = (f"Topic: {title}", desc)

    def statement_node(self, node: Node, indent: str = "  ") -> None:
        t, status = self.theme, _status_of(self.labelling, node.id)
        display, bold = _display_text(node)
        pro = node.stance == "pro"
        style = ["rounded", "filled"] if pro else ["filled", "diagonals"]
        label = self._header(f"{node.kind.upper()} · {node.stance.upper()}", status)
        label += _html_lines(display or "(no text)", bold, t)
        attrs = {"id": _quote(svg_id(node.id, self.prefix)), "shape": "box", "label": f"<{label}>",
                 "tooltip": dot_string(display)}
        if node.kind == "rebuttal":
            attrs["peripheries"] = "2"
        attrs |= _look(t, status, t.pro_fill if pro else t.con_fill, t.pro_line if pro else t.con_line, style)
        self.lines.append(f"{indent}{self._name(node.id)} {_attrs(attrs)};")
        desc = f"{_KIND_TITLE[node.kind]} ({node.stance}){self._status_phrase(status)}"
        if node.actor:
            desc += f"; voiced by {clean(node.actor)}"
        self.accessible[svg_id(node.id, self.prefix)] = (f"{_KIND_TITLE[node.kind]}: {display}", desc + ".")

    def reference_node(self, map_id: str) -> None:
        """A small dashed box for an item of another topic that an edge of this one reaches."""
        item = self.items[map_id]
        if isinstance(item, Topic):
            text = f"topic “{_short(item.title)}”"
        else:
            home = self.index.topics.get(item.topic)
            text = f"{item.kind} in “{_short(home.title if home else '', 30)}”: {_short(item.text)}"
        t = self.theme
        label = f'<FONT POINT-SIZE="{t.fontsize - 2:g}">{_html_lines(text, (0, 0), t)}</FONT>'
        ref_id = f"{self.prefix}ref-{encode_id(map_id)}"
        attrs = {"id": _quote(ref_id), "shape": "box", "style": '"dashed,rounded"', "color": _quote(t.legend_line),
                 "fontcolor": _quote(t.muted_ink), "label": f"<{label}>", "tooltip": dot_string(text)}
        self.lines.append(f"  {self._name(map_id)} {_attrs(attrs)};")
        self.accessible[ref_id] = (f"Elsewhere in the map: {text}", "Belongs to another topic.")

    def _status_phrase(self, status: str | None) -> str:
        return f", {_STATUS_WORDS[status]}" if status else ""

    # ----- edges ---------------------------------------------------------------------

    def edge(self, index: int, edge: Edge) -> None:
        t = self.theme
        look = _edge_look(t, edge.relation)
        edge_id = f"{self.prefix}edge-{index}"
        title = f"“{self._describe(edge.source)}” {edge.relation} “{self._describe(edge.target)}”"
        attrs = {"id": _quote(edge_id), **look, "tooltip": dot_string(title)}
        self.lines.append(f"  {self._name(edge.source)} -> {self._name(edge.target)} {_attrs(attrs)};")
        self.accessible[edge_id] = (title, f"A {edge.relation[:-1]} relation.")

    def _describe(self, map_id: str) -> str:
        item = self.items[map_id]
        return _short(item.title if isinstance(item, Topic) else _display_text(item)[0], 40)

    def anchor(self, node_ids: list[str], topic_id: str, indent: str = "  ") -> None:
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
                weight = "" if nid not in pointing else ", weight=0"
                self.lines.append(f"{indent}{self._name(nid)} -> {self._name(topic_id)} [style=invis{weight}];")

    # ----- whole graph ---------------------------------------------------------------

    def legend(self) -> None:
        self.lines += _legend_lines(self.theme, self.prefix, self.labelling is not None)

    def header(self, graph_id: str, graph_attrs: GraphAttrs | None, label: str | None) -> list[str]:
        t = self.theme
        graph = {"id": _quote(graph_id), "rankdir": "BT", "nodesep": "0.3", "ranksep": "0.45",
                 "fontname": _quote(t.fontname), "fontsize": f"{t.fontsize:g}", "fontcolor": _quote(t.muted_ink),
                 "bgcolor": "white", "pad": "0.2", "newrank": "true"}
        if label:
            graph |= {"label": f"<{label_text(label)}>", "labelloc": "t"}
        node = {"fontname": _quote(t.fontname), "fontsize": f"{t.fontsize:g}", "margin": '"0.14,0.07"',
                "penwidth": "1.2"}
        edge = {"penwidth": "1.4", "arrowsize": "0.8", "fontname": _quote(t.fontname)}
        sections = {"graph": graph, "node": node, "edge": edge}
        for key, value in (graph_attrs or {}).items():
            if isinstance(value, Mapping) and key in sections:
                sections[key] |= {_attr_name(k): _quote(v) for k, v in value.items()}
            else:
                graph[_attr_name(key)] = _quote(value)
        return [f"  {kind} {_attrs(attrs)};" for kind, attrs in sections.items()]


@functools.lru_cache(maxsize=32)
def _legend_lines(t: Theme, p: str, with_status: bool) -> tuple[str, ...]:
    """The legend cluster (the same for every diagram with these settings, hence cached)."""
    small = f"{t.fontsize - 2:g}"
    lines = ["  subgraph cluster_legend {",
             f'    graph [id={_quote(p + "legend")}, label="Legend", fontsize={small}, '
             f'style="dashed,rounded", color={_quote(t.legend_line)}, fontcolor={_quote(t.muted_ink)}];']
    boxes = [("claim", "claim (pro)", _look(t, None, t.pro_fill, t.pro_line, ["rounded", "filled"])),
             ("rebuttal", "rebuttal (pro)",
              {"peripheries": "2", **_look(t, None, t.pro_fill, t.pro_line, ["rounded", "filled"])}),
             ("critique", "critique (con)", _look(t, None, t.con_fill, t.con_line, ["filled", "diagonals"]))]
    if with_status:
        boxes += [("out", "defeated (OUT)", _look(t, "OUT", t.pro_fill, t.pro_line, ["rounded", "filled"])),
                  ("undec", "undecided", _look(t, "UNDEC", t.pro_fill, t.pro_line, ["rounded", "filled"]))]
    for name, text, look in boxes:
        attrs = {"id": _quote(f"{p}legend-{name}"), "shape": "box", "fontsize": small, "height": "0.3",
                 "margin": '"0.08,0.03"', "label": _quote(text), **look}
        lines.append(f"    lg_{name} {_attrs(attrs)};")
    samples = []
    for rel in ("supports", "attacks"):
        ends = [f"lg_{rel}_{j}" for j in (0, 1)]
        for end in ends:
            lines.append(f'    {end} [id={_quote(f"{p}legend-{rel}-{end[-1]}")}, shape=point, '
                         f'width=0.04, color={_quote(t.legend_line)}];')
        attrs = {"id": _quote(f"{p}legend-{rel}"), **_edge_look(t, rel), "label": f'" {rel}"', "fontsize": small}
        lines.append(f"    {ends[0]} -> {ends[1]} {_attrs(attrs)};")
        samples += ends
    # One row, left to right: a legend spanning two ranks would be stretched to the
    # height of the diagram's own rank above it.
    row = [f"lg_{name}" for name, _, _ in boxes] + samples
    lines.append(f"    {{rank=same; {' -> '.join(row)} [style=invis, minlen=0];}}")
    lines.append("  }")
    return tuple(lines)


def _look(t: Theme, status: str | None, fill: str, line: str, style: list[str]) -> dict[str, str]:
    """Fill, outline and text colour of a box; defeated ones dimmed, undecided ones dashed."""
    if status == "OUT":
        fill, line = t.out_fill, t.out_line
    elif status == "UNDEC":
        line = t.undec_line
        style = [*style, "dashed"]
    return {"style": _quote(",".join(style)), "fillcolor": _quote(fill), "color": _quote(line),
            "fontcolor": _quote(t.muted_ink if status == "OUT" else t.ink)}


def _edge_look(t: Theme, relation: str) -> dict[str, str]:
    """Supports: solid with a normal arrowhead; attacks: dashed with a tee (plus colour)."""
    if relation == "supports":
        return {"color": _quote(t.support_color), "style": "solid", "arrowhead": "normal"}
    return {"color": _quote(t.attack_color), "style": "dashed", "arrowhead": "tee"}


def _attr_name(key: object) -> str:
    if not isinstance(key, str) or not _ATTR_NAME.fullmatch(key):
        raise ArgmapError(f"graph attribute name {key!r} is not a Graphviz attribute name")
    return key


def _context_label(index: MapIndex, topic: Topic) -> str | None:
    """"Document › section" above a topic diagram, when the map knows them."""
    doc = index.amap.index.document_of(topic)
    parts = [clean(doc.title or doc.source) if doc else "", clean(topic.section)]
    parts = [p for p in dict.fromkeys(parts) if p and p.casefold() != clean(topic.title).casefold()]
    return " › ".join(parts) or None


def topic_diagram(amap: ArgumentMap, topic_id: str, *, theme: str | Theme = "default",
                  graph_attrs: GraphAttrs | None = None, labelling: Labelling | None = None,
                  id_prefix: str = "", legend: bool = True, index: MapIndex | None = None) -> Diagram:
    """The diagram of one topic with its accessibility texts (see :func:`topic_dot`).

    Pass the same ``index`` (a :class:`MapIndex` of ``amap``) when drawing many topics."""
    index = index or MapIndex(amap)
    try:
        topic = index.topics[topic_id]
    except KeyError:
        raise ArgmapError(f"no topic with id {topic_id!r} in the map") from None
    b = _Builder(index, get_theme(theme), labelling, id_prefix)
    head = b.header(f"{id_prefix}graph-{encode_id(topic_id)}", graph_attrs, _context_label(index, topic))
    b.topic_node(topic)
    b.lines.append(f"  {{rank=sink; {b._name(topic.id)};}}")
    statements = index.statements[topic_id]
    for node in statements:
        b.statement_node(node)
    edges = [(i, amap.edges[i]) for i in index.edges_touching({topic_id} | {n.id for n in statements})]
    for _, e in edges:
        for end in (e.source, e.target):
            if end not in b.names:
                b.reference_node(end)
    for i, e in edges:
        b.edge(i, e)
    b.anchor([n.id for n in statements], topic_id)
    if legend:
        b.legend()
    title = clean(topic.title) or "(untitled topic)"
    counts = ", ".join(f"{sum(n.kind == k for n in statements)} {k}s" for k in ("claim", "critique", "rebuttal"))
    b.accessible[f"{id_prefix}graph-{encode_id(topic_id)}"] = (
        f"Argument diagram: {title}",
        f"Topic “{title}” with {counts}; {len(edges)} supports/attacks relations. "
        "Pro statements point up at what they support; con statements attack it.")
    return Diagram(name=title, source=_graph(b, head), accessible=b.accessible)


def _graph(b: _Builder, head: list[str]) -> str:
    return "digraph G {\n" + "\n".join(head + b.lines) + "\n}\n"


def topic_dot(amap: ArgumentMap, topic_id: str, *, theme: str | Theme = "default",
              graph_attrs: GraphAttrs | None = None, labelling: Labelling | None = None,
              id_prefix: str = "", legend: bool = True) -> str:
    """DOT source of the pro/contra diagram of one topic.

    The topic is on top (``rankdir=BT``); claims and rebuttals are blue rounded boxes (pro),
    rebuttals double-bordered; critiques are vermillion boxes with cut corners (con);
    ``supports`` edges are solid with a normal arrowhead, ``attacks`` dashed with a tee.
    ``labelling`` (id → ``IN``/``OUT``/``UNDEC``, e.g. a grounded labelling) dims defeated
    statements and marks undecided ones. ``graph_attrs`` are Graphviz graph attributes
    applied last (``{"rankdir": "LR"}``); ``{"node": {...}}`` / ``{"edge": {...}}`` set
    node/edge defaults. SVG element ids: topic and statements ``svg_id(id, id_prefix)``
    (see :func:`argmap.diagrams.text.svg_id`), the graph ``id_prefix + "graph-" +
    encode_id(topic_id)``, edges ``id_prefix + "edge-" + index in amap.edges``, reference
    boxes for other topics' items ``id_prefix + "ref-" + encode_id(id)``, the legend
    ``id_prefix + "legend…"``.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
        ...                 nodes=[Node(id="n1", kind="claim", topic="t1", text="Less traffic.")],
        ...                 edges=[Edge(source="n1", target="t1", relation="supports")])
        >>> 'id="x-arg-n1"' in topic_dot(m, "t1", id_prefix="x-", graph_attrs={"rankdir": "TB"})
        True
    """
    return topic_diagram(amap, topic_id, theme=theme, graph_attrs=graph_attrs, labelling=labelling,
                         id_prefix=id_prefix, legend=legend).source


def _stack_rows(b: _Builder, index: MapIndex) -> None:
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
        b.lines.append(f"  {b._name(topics[k].id)} -> {b._name(bottom)} [style=invis];")


def overview_diagram(amap: ArgumentMap, *, theme: str | Theme = "default", graph_attrs: GraphAttrs | None = None,
                     labelling: Labelling | None = None, id_prefix: str = "", legend: bool = True,
                     limit: int = OVERVIEW_LIMIT) -> Diagram:
    """The whole-map diagram with its accessibility texts (see :func:`overview_dot`)."""
    size = len(amap.topics) + len(amap.nodes)
    if size > limit:
        raise LimitExceeded(
            f"the map has {len(amap.topics)} topics and {len(amap.nodes)} statements, more than the overview "
            f"limit of {limit} items; draw per-topic diagrams instead (argmap render --topic ID, "
            "argmap.diagrams.render_topics), or raise the limit")
    index = MapIndex(amap)
    b = _Builder(index, get_theme(theme), labelling, id_prefix)
    head = b.header(f"{id_prefix}overview", graph_attrs, None)
    for k, topic in enumerate(amap.topics):
        b.lines += [f"  subgraph cluster_{k} {{",
                    f'    graph [id={_quote(f"{id_prefix}cluster-{encode_id(topic.id)}")}, label="", '
                    f'style="rounded,dashed", color={_quote(b.theme.legend_line)}];']
        b.topic_node(topic, indent="    ")
        statements = index.statements[topic.id]
        for node in statements:
            b.statement_node(node, indent="    ")
        b.anchor([n.id for n in statements], topic.id, indent="    ")
        b.lines.append("  }")
    _stack_rows(b, index)
    for i, e in enumerate(amap.edges):
        b.edge(i, e)
    if legend:
        b.legend()
    b.accessible[f"{id_prefix}overview"] = (
        "Argument map overview",
        f"{len(amap.topics)} topics, each in its own frame, with {len(amap.nodes)} statements "
        f"and {len(amap.edges)} supports/attacks relations.")
    return Diagram(name="overview", source=_graph(b, head), accessible=b.accessible)


def overview_dot(amap: ArgumentMap, *, theme: str | Theme = "default", graph_attrs: GraphAttrs | None = None,
                 labelling: Labelling | None = None, id_prefix: str = "", legend: bool = True,
                 limit: int = OVERVIEW_LIMIT) -> str:
    """DOT source of the whole map, one framed cluster per topic.

    Raises :class:`~argmap.errors.LimitExceeded` when the map has more than ``limit``
    topics + statements: such a map needs per-topic diagrams (:func:`topic_dot`). Ids as
    in :func:`topic_dot`; the graph is ``id_prefix + "overview"`` and each topic's frame
    ``id_prefix + "cluster-" + encode_id(topic_id)``.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> overview_dot(ArgumentMap(topics=[Topic(id="t1", title="A")]), limit=0)
        Traceback (most recent call last):
        ...
        argmap.errors.LimitExceeded: the map has 1 topics and 0 statements, more than the overview limit of 0 items; draw per-topic diagrams instead (argmap render --topic ID, argmap.diagrams.render_topics), or raise the limit
    """
    return overview_diagram(amap, theme=theme, graph_attrs=graph_attrs, labelling=labelling,
                            id_prefix=id_prefix, legend=legend, limit=limit).source
