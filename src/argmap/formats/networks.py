"""Graph formats through networkx: reading GraphML, and node-link JSON in and out.

Both go through the graph :func:`argmap.graph.to_networkx` returns (topics and statements
as nodes, ``type`` saying which, edges carrying ``relation``, every attribute a scalar) and
:func:`argmap.graph.from_networkx`, so both keep the whole map.

GraphML from other tools (yEd, Gephi, Cytoscape) reads too: a node without ``type`` is a
statement whose text is its ``text``, ``label`` or id, its kind from ``kind`` or from position;
an edge needs ``relation`` (``supports`` / ``attacks``).

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t", title="Tolls")],
    ...                 nodes=[Node(id="n", kind="critique", topic="t", text="They hurt.", span=(0, 3))],
    ...                 edges=[Edge(source="n", target="t", relation="attacks")])
    >>> parse_nodelink(generate_nodelink(m)) == m
    True
"""

from __future__ import annotations

import io
import json
from pathlib import PurePath
from typing import Any

from argmap.errors import InputError
from argmap.model import ArgumentMap, Document

_TYPES = ("topic", "statement")


def generate_nodelink(amap: ArgumentMap) -> str:
    """``amap`` as networkx node-link JSON (``nx.node_link_graph`` reads it; ``links`` as in d3)."""
    import networkx as nx

    data = nx.node_link_data(amap.to_networkx(), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def parse_nodelink(text: str, source: str = "<nodelink>") -> ArgumentMap:
    """A map from node-link JSON (``links`` or ``edges`` for the edge list)."""
    import networkx as nx

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{exc.lineno}:{exc.colno}", f"not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise InputError(source, 'not node-link JSON (expected an object with a "nodes" list)')
    edges_key = "edges" if "edges" in data and "links" not in data else "links"
    data.setdefault(edges_key, [])
    data.setdefault("directed", True)
    data.setdefault("multigraph", True)
    try:
        g = nx.node_link_graph(data, edges=edges_key)
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise InputError(source, f"not node-link JSON ({exc!r} missing or malformed)") from None
    return _from_graph(g, source)


def parse_graphml(text: str, source: str = "<graphml>") -> ArgumentMap:
    """A map from GraphML (argmap's own export, or a graph drawn in another tool)."""
    import xml.etree.ElementTree as ET

    import networkx as nx

    try:
        g = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    except ET.ParseError as exc:
        line, col = exc.position
        raise InputError(f"{source}:{line}:{col + 1}", f"not well-formed XML ({str(exc).split(':')[0]})") from None
    except (nx.NetworkXError, KeyError, ValueError) as exc:
        raise InputError(source, f"not readable GraphML ({exc})") from None
    return _from_graph(g, source)


def _from_graph(g: Any, source: str) -> ArgumentMap:
    """``from_networkx`` after filling in what a foreign graph leaves out."""
    import networkx as nx

    from argmap.graph import from_networkx

    if not g.is_directed():
        raise InputError(source, "the graph is undirected (argmap needs directed supports / attacks edges)")
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    documents = g.graph.get("documents", [])
    if isinstance(documents, str):  # argmap's graph view carries them as JSON text
        try:
            documents = json.loads(documents)
        except json.JSONDecodeError:
            raise InputError(source, "the graph attribute 'documents' is not JSON") from None
    g.graph["documents"] = documents if isinstance(documents, list) else []
    for u, v, attrs in g.edges(data=True):
        if attrs.get("relation") not in ("supports", "attacks"):
            raise InputError(source, f"edge {u!r} -> {v!r}: relation {attrs.get('relation')!r} (expected supports "
                             "or attacks)")
    topics = [n for n, a in g.nodes(data=True) if a.get("type") == "topic"]
    statements = [n for n, a in g.nodes(data=True) if a.get("type") != "topic"]
    for n in statements:
        attrs = g.nodes[n]
        attrs["type"] = "statement"
        if "text" not in attrs:
            attrs["text"] = str(attrs.get("label", n))
    if any("topic" not in g.nodes[n] for n in statements):
        tid = "topic"
        while tid in g:
            tid += "_"
        title = PurePath(source).stem if not source.startswith("<") else "Graph"
        g.add_node(tid, type="topic", title=title)
        topics.append(tid)
        for n in statements:
            g.nodes[n].setdefault("topic", tid)
    if any("kind" not in g.nodes[n] for n in statements):
        from argmap.formats.positions import infer_kinds

        fixed = {n: g.nodes[n]["kind"] for n in statements if "kind" in g.nodes[n]}
        kinds = infer_kinds(statements, [(u, v, a["relation"]) for u, v, a in g.edges(data=True)], fixed, topics)
        for n in statements:
            g.nodes[n]["kind"] = kinds[n]
    known = {d["id"] for d in g.graph.get("documents", []) if isinstance(d, dict) and "id" in d}
    named = {a["document"] for _, a in g.nodes(data=True) if a.get("document")} - known
    if named:
        g.graph["documents"] = [*g.graph.get("documents", []), *(Document(id=d).model_dump() for d in sorted(named))]
    try:
        return from_networkx(g)
    except ValueError as exc:
        from pydantic import ValidationError

        from argmap.io import describe_validation_error

        problem = describe_validation_error(exc) if isinstance(exc, ValidationError) else str(exc)
        raise InputError(source, f"does not make a valid map: {problem}") from None
