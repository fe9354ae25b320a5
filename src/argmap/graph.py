"""The networkx view of an argument map, and the queries people run on it in notebooks.

Topics and statements become graph nodes carrying the fields of the model plus ``type``
(``"topic"`` or ``"statement"``) and ``stance``; edges carry ``relation``. A
``MultiDiGraph`` is used because one source may both support and attack a target (a check
reports that), and the view must show what the map says, not a cleaned-up version of it.

Every attribute is a plain scalar, so every networkx writer takes the graph as it is
(``nx.write_graphml``, ``nx.write_gexf``, ``nx.write_gml`` …):

* a span becomes ``span_start`` / ``span_end``; fields left empty (``None``) are left out;
* extra fields that are not scalars (lists, objects, ``null``) travel as JSON text in one
  ``extra_json`` attribute; the documents travel as JSON text in ``g.graph["documents"]``.

:func:`from_networkx` reverses all of it: ``from_networkx(to_networkx(m)) == m``.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
    ...                 nodes=[Node(id="n", kind="critique", topic="t", text="x", span=(0, 1))],
    ...                 edges=[Edge(source="n", target="t", relation="attacks")])
    >>> g = to_networkx(m)
    >>> sorted(g.nodes), g.nodes["n"]["type"], g.nodes["n"]["span_start"]
    (['n', 't'], 'statement', 0)
    >>> from_networkx(g) == m
    True
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
from pydantic import BaseModel

from argmap.model import ArgumentMap, Document, Edge, Node, Topic

_SCALARS = (str, int, float, bool)
# graph attributes nx.read_graphml adds (always dicts, so never one of ours: ours are scalars)
_READER_DEFAULTS = ("node_default", "edge_default")
# attribute names the view itself uses; extra fields called so travel inside extra_json
_RESERVED = frozenset({"type", "stance", "span_start", "span_end", "extra_json", "key", "schema", "documents"})


def to_networkx(amap: ArgumentMap) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` with topics and statements as nodes and relations on edges; edge
    keys are the edges' positions in ``amap.edges``. Attributes are scalars only (see above).

    Example:
        >>> import io, networkx as nx
        >>> from argmap.model import ArgumentMap, Topic
        >>> g = to_networkx(ArgumentMap(topics=[Topic(id="t", title="Tolls", tags=["a", "b"])]))
        >>> g.nodes["t"]
        {'type': 'topic', 'title': 'Tolls', 'extra_json': '{"tags": ["a", "b"]}'}
        >>> nx.write_graphml(g, io.BytesIO())
    """
    g = nx.MultiDiGraph(schema=amap.schema_tag,
                        documents=json.dumps([d.model_dump(mode="json") for d in amap.documents], ensure_ascii=False),
                        **_flat(amap, exclude={"schema_tag", "documents", "topics", "nodes", "edges"}))
    for t in amap.topics:
        g.add_node(t.id, type="topic", **_flat(t, exclude={"id"}))
    for n in amap.nodes:
        g.add_node(n.id, type="statement", stance=n.stance, **_flat(n, exclude={"id"}))
    for i, e in enumerate(amap.edges):
        g.add_edge(e.source, e.target, key=i, **_flat(e, exclude={"source", "target"}))
    return g


def from_networkx(g: nx.MultiDiGraph) -> ArgumentMap:
    """Rebuild an :class:`ArgumentMap` from :func:`to_networkx` output, from that graph
    written and read back by a networkx writer and reader, or from a graph built by hand with
    the same attributes (``type="topic"`` on topics, ``relation`` on edges).

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
        fields = _unflat(attrs, drop={"type", "stance"})
        if attrs.get("type") == "topic":
            topics.append(Topic(id=str(node_id), **fields))
        else:
            nodes.append(Node(id=str(node_id), **fields))
    ordered = sorted(g.edges(keys=True, data=True), key=lambda e: _sort_key(e[2]))
    edges = [Edge(source=str(u), target=str(v), **_unflat(data)) for u, v, _, data in ordered]
    documents = g.graph.get("documents", "[]")
    return ArgumentMap(
        documents=[Document(**d) for d in (json.loads(documents) if isinstance(documents, str) else documents)],
        topics=topics,
        nodes=nodes,
        edges=edges,
        **_unflat(g.graph, drop={"schema", "documents", *_READER_DEFAULTS}),
    )


def _flat(model: BaseModel, exclude: set[str]) -> dict[str, Any]:
    declared = type(model).model_fields
    out: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in model.model_dump(mode="json", exclude=exclude).items():
        if key in declared:
            if key == "span" and value is not None:
                out["span_start"], out["span_end"] = value
            elif value is not None:
                out[key] = value
        elif key in _RESERVED or not isinstance(value, _SCALARS):
            rest[key] = value
        else:
            out[key] = value
    if rest:
        out["extra_json"] = json.dumps(rest, ensure_ascii=False)
    return out


def _unflat(attrs: dict[str, Any], drop: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    fields = {k: v for k, v in attrs.items() if k not in drop and k not in ("span_start", "span_end", "extra_json")}
    if "span_start" in attrs:
        fields["span"] = (int(attrs["span_start"]), int(attrs["span_end"]))
    if "extra_json" in attrs:
        fields.update(json.loads(attrs["extra_json"]))
    return fields


def _sort_key(key: Any) -> tuple[int, int | str]:
    """Edge keys in map order: ints (strings of digits once a file reader has had them) first."""
    if isinstance(key, str) and key.isdigit():
        key = int(key)
    return (0, key) if isinstance(key, int) else (1, str(key))


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
    ix = amap.index
    answers = ix.relation_graph("attacks").reverse(copy=False)
    order = [v for v in nx.bfs_tree(answers, critique_id) if v != critique_id]
    return [ix.nodes[v] for v in order if v in ix.nodes]
