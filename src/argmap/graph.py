"""The networkx view of an argument map, and the queries people run on it in notebooks.

Topics and statements become graph nodes (with every attribute of the model, plus
``type``: ``"topic"`` or ``"statement"``); edges carry ``relation``. A ``MultiDiGraph`` is
used because one source may both support and attack a target (a check reports that), and
the view must show what the map says, not a cleaned-up version of it.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
    ...                 nodes=[Node(id="n", kind="critique", topic="t", text="x")],
    ...                 edges=[Edge(source="n", target="t", relation="attacks")])
    >>> g = to_networkx(m)
    >>> sorted(g.nodes), g.nodes["n"]["type"]
    (['n', 't'], 'statement')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from argmap.model import ArgumentMap, Document, Edge, Node, Topic

if TYPE_CHECKING:
    from collections.abc import Iterable


def to_networkx(amap: ArgumentMap) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` with topics and statements as nodes and relations on edges.

    Graph-level attributes hold the schema tag and the documents, so the view converts back
    without loss (:func:`from_networkx`).
    """
    g = nx.MultiDiGraph(
        schema=amap.schema_tag,
        documents=[d.model_dump(mode="json") for d in amap.documents],
        extra=_extras(amap, exclude={"schema_tag", "documents", "topics", "nodes", "edges"}),
    )
    for t in amap.topics:
        g.add_node(t.id, type="topic", **t.model_dump(mode="json", exclude={"id"}))
    for n in amap.nodes:
        g.add_node(n.id, type="statement", stance=n.stance, **n.model_dump(mode="json", exclude={"id"}))
    # Edge keys are the positions in ``amap.edges``, so the map's order survives the trip.
    for i, e in enumerate(amap.edges):
        g.add_edge(e.source, e.target, key=i, **e.model_dump(mode="json", exclude={"source", "target"}))
    return g


def from_networkx(g: nx.MultiDiGraph) -> ArgumentMap:
    """Rebuild an :class:`ArgumentMap` from :func:`to_networkx` output (or a graph built by hand
    with the same attributes: ``type`` on nodes, ``relation`` on edges).

    Example:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("t", type="topic", title="T")
        >>> g.add_node("n", type="statement", kind="claim", topic="t", text="x")
        >>> _ = g.add_edge("n", "t", relation="supports")
        >>> from_networkx(g).edges[0].relation
        'supports'
    """
    topics, nodes = [], []
    for node_id, attrs in g.nodes(data=True):
        fields = {k: v for k, v in attrs.items() if k not in ("type", "stance")}
        if attrs.get("type") == "topic":
            topics.append(Topic(id=node_id, **fields))
        else:
            nodes.append(Node(id=node_id, **fields))
    ordered = sorted(g.edges(keys=True, data=True), key=lambda e: _sort_key(e[2]))
    edges = [Edge(source=u, target=v, **data) for u, v, _, data in ordered]
    return ArgumentMap(
        documents=[Document(**d) for d in g.graph.get("documents", [])],
        topics=topics,
        nodes=nodes,
        edges=edges,
        **g.graph.get("extra", {}),
    )


def _sort_key(key: Any) -> tuple[int, int | str]:
    return (0, key) if isinstance(key, int) else (1, str(key))


def _extras(model: Any, exclude: set[str]) -> dict[str, Any]:
    return {k: v for k, v in (model.model_extra or {}).items() if k not in exclude}


def _relation_view(amap: ArgumentMap, relation: str) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(item.id for item in amap.iter_items())
    g.add_edges_from((e.source, e.target) for e in amap.edges if e.relation == relation)
    return g


def rebuttal_chain(amap: ArgumentMap, critique_id: str) -> list[Node]:
    """Every statement that answers ``critique_id``, directly or through answers to answers,
    nearest first (breadth-first over reversed ``attacks`` edges).

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t", title="T")], nodes=[
        ...     Node(id="c", kind="critique", topic="t", text="x"),
        ...     Node(id="r", kind="rebuttal", topic="t", text="y"),
        ...     Node(id="c2", kind="critique", topic="t", text="z")],
        ...     edges=[Edge(source="r", target="c", relation="attacks"),
        ...            Edge(source="c2", target="r", relation="attacks")])
        >>> [n.id for n in rebuttal_chain(m, "c")]
        ['r', 'c2']
    """
    attacks = _relation_view(amap, "attacks").reverse(copy=False)
    order = [v for v in nx.bfs_tree(attacks, critique_id) if v != critique_id]
    by_id = {n.id: n for n in amap.nodes}
    return [by_id[v] for v in order if v in by_id]


def attack_cycles(amap: ArgumentMap, *, length_bound: int | None = None) -> Iterable[list[str]]:
    """Simple cycles of ``attacks`` edges (ids in cycle order)."""
    return nx.simple_cycles(_relation_view(amap, "attacks"), length_bound=length_bound)


def support_cycles(amap: ArgumentMap, *, length_bound: int | None = None) -> Iterable[list[str]]:
    """Simple cycles of ``supports`` edges (ids in cycle order)."""
    return nx.simple_cycles(_relation_view(amap, "supports"), length_bound=length_bound)
