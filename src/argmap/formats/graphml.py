"""GraphML (for Gephi, yEd, Cytoscape) through networkx.

GraphML attributes must be scalars, so a span becomes ``span_start``/``span_end`` and
empty values are left out.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> "<graphml" in dumps(ArgumentMap(topics=[Topic(id="t", title="T")]))
    True
"""

from __future__ import annotations

import io
from typing import Any

from argmap.model import ArgumentMap


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "span":
            out["span_start"], out["span_end"] = value
        elif isinstance(value, (str, int, float, bool)):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def dumps(amap: ArgumentMap) -> str:
    """``amap`` as a GraphML document (topics and statements as nodes)."""
    import networkx as nx

    from argmap.graph import to_networkx

    g = to_networkx(amap)
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _scalars(d)) for n, d in g.nodes(data=True))
    flat.add_edges_from((u, v, _scalars(d)) for u, v, d in g.edges(data=True))
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
