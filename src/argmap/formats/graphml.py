"""GraphML (for Gephi, yEd, Cytoscape): the networkx view (:func:`argmap.graph.to_networkx`)
written by ``networkx.write_graphml``; its attributes are scalars, as GraphML needs, and
control characters in them are written as their control pictures (XML cannot hold them).

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> "<graphml" in dumps(ArgumentMap(topics=[Topic(id="t", title="T")]))
    True
"""

from __future__ import annotations

import io

from argmap.model import ArgumentMap


def dumps(amap: ArgumentMap) -> str:
    """``amap`` as a GraphML document (topics and statements as nodes)."""
    import networkx as nx

    from argmap.graph import to_networkx
    from argmap.text import visible_controls

    graph = to_networkx(amap)
    # XML 1.0 cannot hold most control characters, not even as character references
    for attrs in [graph.graph, *(a for _, a in graph.nodes(data=True)), *(a for *_, a in graph.edges(data=True))]:
        for key, value in attrs.items():
            if isinstance(value, str):
                attrs[key] = visible_controls(value)
    buf = io.BytesIO()
    nx.write_graphml(graph, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
