"""argmap: argument maps from essays.

Debate sections become a typed graph of topics, claims, critiques and rebuttals joined by
``supports``/``attacks`` edges, with the exact source span of every statement.

``import argmap`` is light: spaCy, networkx and Graphviz load on first use.

Example:
    >>> import argmap
    >>> m = argmap.ArgumentMap(topics=[argmap.Topic(id="t1", title="Road tolls")])
    >>> m.to_json(indent=None)[:21]
    '{"schema":"argmap/1",'
"""

from __future__ import annotations

from argmap.errors import ArgmapError, InputError, LimitExceeded
from argmap.io import load_map, save_map
from argmap.model import Document, Edge, Node, Topic, ArgumentMap, json_schema

__version__ = "0.1.0"


def extract(source, **kwargs):  # type: ignore[no-untyped-def]
    """The argument map of a text or a file; see :func:`argmap.extraction.extract`.

    Example:
        >>> import argmap
        >>> [n.kind for n in argmap.extract("Critics warn that tolls hurt. Supporters reply that rebates help.").nodes]
        ['critique', 'rebuttal']
    """
    from argmap.extraction import extract as _extract

    return _extract(source, **kwargs)


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Document",
    "Edge",
    "InputError",
    "LimitExceeded",
    "Node",
    "Topic",
    "__version__",
    "extract",
    "json_schema",
    "load_map",
    "save_map",
]
