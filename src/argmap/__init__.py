"""argmap: argument maps from essays.

Debate sections become a typed graph of topics, claims, critiques and rebuttals joined by
``supports``/``attacks`` edges, with the exact source span of every statement.

The verbs — :func:`extract` / :func:`extract_text`, :func:`load` / :func:`save`,
:func:`check`, :func:`solve`, :func:`render`, :func:`report` — and the model classes are
all reached from here. Everything is imported on first use (:data:`_LAZY`, PEP 562), so
``import argmap`` costs next to nothing; spaCy, networkx and Graphviz load only when used.

Example (the README's "In Python" section has the tour):
    >>> import argmap
    >>> argmap.ArgumentMap().to_json(indent=None)[:21]
    '{"schema":"argmap/1",'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module defining it, imported when the name is first used
_LAZY: dict[str, str] = {
    **dict.fromkeys(("extract", "extract_text", "load", "save", "check", "solve", "render", "report"), "argmap.api"),
    **dict.fromkeys(("ArgumentMap", "Document", "Edge", "Node", "Topic", "Span", "json_schema"), "argmap.model"),
    "MapIndex": "argmap.index",
    **dict.fromkeys(("Finding", "Findings"), "argmap.checks"),
    **dict.fromkeys(("ArgmapError", "InputError", "LimitExceeded"), "argmap.errors"),
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:
    from argmap.api import check, extract, extract_text, load, render, report, save, solve
    from argmap.checks import Finding, Findings
    from argmap.errors import ArgmapError, InputError, LimitExceeded
    from argmap.index import MapIndex
    from argmap.model import ArgumentMap, Document, Edge, Node, Span, Topic, json_schema


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        # a submodule (argmap.checks, argmap.semantics …) not imported yet
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
