"""GraphML (for Gephi, yEd, Cytoscape): the networkx view (:func:`argmap.graph.to_networkx`)
written by ``networkx.write_graphml``; its attributes are scalars, as GraphML needs.

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

    buf = io.BytesIO()
    nx.write_graphml(to_networkx(amap), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
