"""The one index of an argument map: every lookup checks, diagrams, reports and the graph
view share, built in one linear pass.

Get it as ``amap.index``: the map builds it when it is validated and keeps it until the map
changes (a field assigned, an item added to or removed from a list), then builds a fresh one
on the next access. Build one directly with ``MapIndex(amap)`` for a map you hold still.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="Road tolls")],
    ...                 nodes=[Node(id="c", kind="claim", topic="t", text="Tolls cut traffic."),
    ...                        Node(id="k", kind="critique", topic="t", text="They hit the poor hardest.")],
    ...                 edges=[Edge(source="c", target="t", relation="supports"),
    ...                        Edge(source="k", target="c", relation="attacks")])
    >>> ix = m.index
    >>> [n.id for n in ix.statements["t"]], ix.attackers("c"), ix.stance("k")
    (['c', 'k'], ['k'], 'con')
    >>> ix.describe("k")
    'critique \\'k\\' ("They hit the poor hardest.")'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from argmap.text import shorten

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx

    from argmap.model import ArgumentMap, Document, Edge, Node, Topic

# characters of a statement quoted where a message names it
QUOTE_WIDTH = 40


class MapIndex:
    """Lookups over one map, each O(1) after a single O(map size) build.

    Attributes (read them, do not change them):
        ``documents``, ``topics``, ``nodes``: id → item; ``items``: topic and node ids → item.
        ``statements``: topic id → its nodes in map order (every topic present, maybe empty).
        ``position``: topic id → place in ``amap.topics``, node id → place in ``amap.nodes``.
        ``outgoing`` / ``incoming``: id → positions in ``amap.edges`` of the edges leaving /
        reaching it, in map order.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.documents: dict[str, Document] = {}
        self.topics: dict[str, Topic] = {}
        self.nodes: dict[str, Node] = {}
        self.position: dict[str, int] = {}
        self.statements: dict[str, list[Node]] = {}
        self.outgoing: dict[str, list[int]] = {}
        self.incoming: dict[str, list[int]] = {}
        self._duplicates: list[str] = []
        self._duplicate_documents: list[str] = []
        for d in amap.documents:
            if d.id in self.documents:
                self._duplicate_documents.append(d.id)
            self.documents[d.id] = d
        for i, t in enumerate(amap.topics):
            if t.id in self.topics:
                self._duplicates.append(t.id)
            self.topics[t.id] = t
            self.position[t.id] = i
            self.statements[t.id] = []
        for i, n in enumerate(amap.nodes):
            if n.id in self.nodes or n.id in self.topics:
                self._duplicates.append(n.id)
            self.nodes[n.id] = n
            self.position[n.id] = i
            self.statements.setdefault(n.topic, []).append(n)
        self.items: dict[str, Topic | Node] = {**self.topics, **self.nodes}
        for i, e in enumerate(amap.edges):
            self.outgoing.setdefault(e.source, []).append(i)
            self.incoming.setdefault(e.target, []).append(i)
        self._single = amap.documents[0] if len(amap.documents) == 1 else None
        self._cache: dict[str, object] = {}  # what is derived on first use: pairs, graphs, labelling

    # ----- documents ----------------------------------------------------------------

    def document_of(self, item: str | Topic | Node) -> Document | None:
        """The document a topic or node (or id) comes from: its own ``document``, else its
        topic's, else the map's only document; ``None`` when the map does not say.

        Example:
            >>> from argmap.model import ArgumentMap, Document, Topic, Node
            >>> m = ArgumentMap(documents=[Document(id="d1"), Document(id="d2")],
            ...                 topics=[Topic(id="t", title="T", document="d2")],
            ...                 nodes=[Node(id="n", kind="claim", topic="t", text="x")])
            >>> m.index.document_of("n").id
            'd2'
        """
        found = self.items.get(item) if isinstance(item, str) else item
        if found is None:
            return None
        if found.document is not None:
            return self.documents.get(found.document)
        topic = self.topics.get(getattr(found, "topic", None) or "")
        if topic is not None and topic.document is not None:
            return self.documents.get(topic.document)
        return self._single

    # ----- edges --------------------------------------------------------------------

    def outgoing_edges(self, item_id: str) -> list[Edge]:
        """The edges whose source is ``item_id``, in map order."""
        edges = self.amap.edges
        return [edges[i] for i in self.outgoing.get(item_id, ())]

    def incoming_edges(self, item_id: str) -> list[Edge]:
        """The edges whose target is ``item_id``, in map order."""
        edges = self.amap.edges
        return [edges[i] for i in self.incoming.get(item_id, ())]

    def edges_touching(self, ids: Iterable[str]) -> list[int]:
        """Positions (in map order) of the edges with an end in ``ids``."""
        found: set[int] = set()
        for x in ids:
            found.update(self.outgoing.get(x, ()))
            found.update(self.incoming.get(x, ()))
        return sorted(found)

    def sources(self, target_id: str, relation: Literal["supports", "attacks"]) -> list[str]:
        """Distinct ids with a ``relation`` edge to ``target_id``, in map order."""
        edges = self.amap.edges
        found = (edges[i] for i in self.incoming.get(target_id, ()))
        return list(dict.fromkeys(e.source for e in found if e.relation == relation))

    def attackers(self, target_id: str) -> list[str]:
        """Ids attacking ``target_id``, in map order."""
        return self.sources(target_id, "attacks")

    def supporters(self, target_id: str) -> list[str]:
        """Ids supporting ``target_id``, in map order."""
        return self.sources(target_id, "supports")

    def pairs(self, relation: Literal["supports", "attacks"]) -> list[tuple[str, str]]:
        """Distinct ``(source, target)`` pairs of the ``relation`` edges, in map order."""
        key = "pairs:" + relation
        if key not in self._cache:
            self._cache[key] = list(dict.fromkeys((e.source, e.target) for e in self.amap.edges
                                                  if e.relation == relation))
        return self._cache[key]  # type: ignore[no-any-return]

    @property
    def grounded(self) -> dict[str, str]:
        """The grounded labelling (id → ``IN`` / ``OUT`` / ``UNDEC``), computed once."""
        if "grounded" not in self._cache:
            from argmap.semantics import grounded_labelling

            self._cache["grounded"] = grounded_labelling(self.amap)
        return self._cache["grounded"]  # type: ignore[no-any-return]

    def relation_graph(self, relation: Literal["supports", "attacks"]) -> nx.DiGraph:
        """A ``networkx.DiGraph`` of every topic and node joined by the ``relation`` edges
        (built once per index; networkx is imported on first use). Treat it as read-only."""
        key = "graph:" + relation
        if key not in self._cache:
            import networkx as nx

            g = nx.DiGraph()
            g.add_nodes_from(self.items)
            g.add_edges_from(self.pairs(relation))
            self._cache[key] = g
        return self._cache[key]  # type: ignore[no-any-return]

    # ----- words --------------------------------------------------------------------

    def stance(self, item_id: str) -> str:
        """``pro`` / ``con`` of a statement; a topic is its own thesis, so ``pro``."""
        node = self.nodes.get(item_id)
        return node.stance if node is not None else "pro"

    def describe(self, item_id: str, width: int = QUOTE_WIDTH) -> str:
        """How messages name an item: its kind, id and the start of its text.

        Example:
            >>> from argmap.model import ArgumentMap, Topic
            >>> ArgumentMap(topics=[Topic(id="t1", title="Congestion charges for city centres")]).index.describe("t1", 20)
            'topic \\'t1\\' ("Congestion charges…")'
        """
        item = self.items.get(item_id)
        if item is None:
            return repr(item_id)
        if item_id in self.nodes:
            return f"{self.nodes[item_id].kind} {item_id!r} ({_quote(self.nodes[item_id].text, width)})"
        return f"topic {item_id!r} ({_quote(self.topics[item_id].title, width)})"

    # ----- growing with the map (the builder keeps its index instead of rebuilding it) ----

    def added_topic(self, topic: Topic) -> MapIndex:
        """Record ``topic``, just appended to the map's topics; returns the index."""
        self.topics[topic.id] = self.items[topic.id] = topic
        self.position[topic.id] = len(self.amap.topics) - 1
        self.statements.setdefault(topic.id, [])
        self._cache.clear()
        return self

    def added_node(self, node: Node) -> MapIndex:
        """Record ``node``, just appended to the map's nodes; returns the index."""
        self.nodes[node.id] = self.items[node.id] = node
        self.position[node.id] = len(self.amap.nodes) - 1
        self.statements.setdefault(node.topic, []).append(node)
        self._cache.clear()
        return self

    def added_edge(self, edge: Edge) -> MapIndex:
        """Record ``edge``, just appended to the map's edges; returns the index."""
        i = len(self.amap.edges) - 1
        self.outgoing.setdefault(edge.source, []).append(i)
        self.incoming.setdefault(edge.target, []).append(i)
        self._cache.clear()
        return self

    # ----- the load invariants ------------------------------------------------------

    def problems(self) -> list[str]:
        """Every way the map breaks the ``argmap/1`` load invariants (empty when valid), in
        the words :class:`~argmap.model.ArgumentMap` validation reports them."""
        amap = self.amap
        out = [f"duplicate document id {i!r}" for i in dict.fromkeys(self._duplicate_documents)]
        out += [f"duplicate id {i!r} (used by more than one topic or node)" for i in dict.fromkeys(self._duplicates)]
        for t in amap.topics:
            if t.document is not None and t.document not in self.documents:
                out.append(f"topic {t.id!r}: document {t.document!r} does not exist")
        for n in amap.nodes:
            if n.topic not in self.topics:
                out.append(f"node {n.id!r}: topic {n.topic!r} does not exist")
            if n.document is not None and n.document not in self.documents:
                out.append(f"node {n.id!r}: document {n.document!r} does not exist")
        for i, e in enumerate(amap.edges):
            for end, ref in (("source", e.source), ("target", e.target)):
                if ref not in self.items:
                    out.append(f"edges[{i}]: {end} {ref!r} does not exist")
        for what, group in (("topic", amap.topics), ("node", amap.nodes)):
            for item in group:
                if item.span is None:
                    continue
                doc = self.document_of(item)
                if doc is not None and doc.text is not None and item.span[1] > len(doc.text):
                    out.append(f"{what} {item.id!r}: span {list(item.span)} lies outside document "
                               f"{doc.id!r} ({len(doc.text)} characters)")
        return out

    def __repr__(self) -> str:
        return f"MapIndex({len(self.topics)} topics, {len(self.nodes)} statements, {len(self.amap.edges)} edges)"


def _quote(text: Any, width: int) -> str:
    return '"' + shorten(str(text), width).replace('"', "'") + '"'
