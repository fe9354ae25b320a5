"""The one index of an argument map: every lookup checks, diagrams, reports and the graph
view share, built in one linear pass.

Get it as ``amap.index``: the map builds it when it is validated and keeps it until the map
changes (a field assigned, an item added to or removed from a list), then builds a fresh one
on the next access. Build one directly with ``MapIndex(amap)`` for a map you hold still.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.add_claim(m.add_topic("Road tolls", id="t"), "Tolls cut traffic.", id="c")
    >>> k = m.add_critique(c, "They hit the poor hardest.", id="k")
    >>> ix = m.index
    >>> [n.id for n in ix.statements["t"]], ix.attackers("c"), ix.stance("k")
    (['c', 'k'], ['k'], 'con')
    >>> ix.describe("k")
    'critique \\'k\\' ("They hit the poor hardest.")'
"""

from __future__ import annotations

from functools import cached_property
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
    The last four are built on first use (validation needs none of them).
    """

    def __init__(self, amap: ArgumentMap) -> None:
        # One pass over each list, checking the load invariants on the way: a large map is
        # memory-bound, and every further look-up per item costs about as much again. What
        # validation does not need (nodes by id, statements, positions, edges in and out) is
        # built on first use.
        self.amap = amap
        self.documents: dict[str, Document] = {}
        self.topics: dict[str, Topic] = {}
        self.items: dict[str, Topic | Node] = {}
        self._cache: dict[str, object] = {}  # what is derived on first use: pairs, graphs, labelling
        self._problems: list[str] = []
        problems = self._problems
        documents, topics, items = self.documents, self.topics, self.items
        for d in amap.documents:
            if d.id in documents:
                problems.append(f"duplicate document id {d.id!r}")
            documents[d.id] = d
        length = {d.id: len(d.text) for d in documents.values() if d.text is not None}
        single = self._single = amap.documents[0] if len(amap.documents) == 1 else None
        single_id = single.id if single is not None else None
        after_documents = len(problems)
        duplicates: dict[str, None] = {}
        for t in amap.topics:
            if t.id in items:
                duplicates[t.id] = None
            topics[t.id] = items[t.id] = t
            doc_id = t.document
            if doc_id is not None and doc_id not in documents:
                problems.append(f"topic {t.id!r}: document {doc_id!r} does not exist")
            if t.span is not None:
                self._check_span("topic", t, doc_id if doc_id is not None else single_id, length)
        claim = items.setdefault
        for n in amap.nodes:
            node_id = n.id
            if claim(node_id, n) is not n:
                duplicates[node_id] = None
                items[node_id] = n
            topic = topics.get(n.topic)
            if topic is None:
                problems.append(f"node {node_id!r}: topic {n.topic!r} does not exist")
            doc_id = n.document
            if doc_id is not None:
                if doc_id not in documents:
                    problems.append(f"node {node_id!r}: document {doc_id!r} does not exist")
            elif topic is not None and topic.document is not None:
                doc_id = topic.document
            else:
                doc_id = single_id
            if n.span is not None:
                self._check_span("node", n, doc_id, length)
        problems[after_documents:after_documents] = [
            f"duplicate id {i!r} (used by more than one topic or node)" for i in duplicates]
        for i, e in enumerate(amap.edges):
            if e.source not in items:
                problems.append(f"edges[{i}]: source {e.source!r} does not exist")
            if e.target not in items:
                problems.append(f"edges[{i}]: target {e.target!r} does not exist")

    def _check_span(self, what: str, item: Topic | Node, doc_id: str | None, length: dict[str, int]) -> None:
        end = item.span[1]  # type: ignore[index]
        if doc_id in length and end > length[doc_id]:  # type: ignore[operator]
            self._problems.append(f"{what} {item.id!r}: span {list(item.span)} lies outside document "  # type: ignore[arg-type]
                                  f"{doc_id!r} ({length[doc_id]} characters)")  # type: ignore[index]

    @cached_property
    def nodes(self) -> dict[str, Node]:
        """Node id → node."""
        return {n.id: n for n in self.amap.nodes}

    @cached_property
    def statements(self) -> dict[str, list[Node]]:
        """Topic id → its nodes in map order (every topic present, maybe with none)."""
        out: dict[str, list[Node]] = {t: [] for t in self.topics}
        for n in self.amap.nodes:
            if n.topic in out:
                out[n.topic].append(n)
            else:
                out[n.topic] = [n]
        return out

    @cached_property
    def position(self) -> dict[str, int]:
        """Topic id → place in ``amap.topics``, node id → place in ``amap.nodes``."""
        out = {t.id: i for i, t in enumerate(self.amap.topics)}
        out.update((n.id, i) for i, n in enumerate(self.amap.nodes))
        return out

    @cached_property
    def outgoing(self) -> dict[str, list[int]]:
        """Id → positions in ``amap.edges`` of the edges leaving it, in map order."""
        return self._edge_ends("source")

    @cached_property
    def incoming(self) -> dict[str, list[int]]:
        """Id → positions in ``amap.edges`` of the edges reaching it, in map order."""
        return self._edge_ends("target")

    def _edge_ends(self, end: str) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, e in enumerate(self.amap.edges):
            key = getattr(e, end)
            if key in out:
                out[key].append(i)
            else:
                out[key] = [i]
        return out

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
        built = self.__dict__
        if "position" in built:
            self.position[topic.id] = len(self.amap.topics) - 1
        if "statements" in built:
            self.statements.setdefault(topic.id, [])
        self._cache.clear()
        return self

    def added_node(self, node: Node) -> MapIndex:
        """Record ``node``, just appended to the map's nodes; returns the index."""
        self.items[node.id] = node
        built = self.__dict__
        if "nodes" in built:
            self.nodes[node.id] = node
        if "position" in built:
            self.position[node.id] = len(self.amap.nodes) - 1
        if "statements" in built:
            self.statements.setdefault(node.topic, []).append(node)
        self._cache.clear()
        return self

    def added_edge(self, edge: Edge) -> MapIndex:
        """Record ``edge``, just appended to the map's edges; returns the index."""
        i = len(self.amap.edges) - 1
        built = self.__dict__
        if "outgoing" in built:
            self.outgoing.setdefault(edge.source, []).append(i)
        if "incoming" in built:
            self.incoming.setdefault(edge.target, []).append(i)
        self._cache.clear()
        return self

    # ----- the load invariants ------------------------------------------------------

    def problems(self) -> list[str]:
        """Every way the map breaks the ``argmap/1`` load invariants (empty when valid), in
        the words :class:`~argmap.model.ArgumentMap` validation reports them; found while the
        index was built."""
        return list(self._problems)

    def __repr__(self) -> str:
        return f"MapIndex({len(self.topics)} topics, {len(self.nodes)} statements, {len(self.amap.edges)} edges)"


def _quote(text: Any, width: int) -> str:
    return '"' + shorten(str(text), width).replace('"', "'") + '"'
