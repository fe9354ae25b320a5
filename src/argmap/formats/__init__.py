"""Interchange formats. Each format module offers ``dumps(amap) -> str`` and, when the
format can be read, ``loads(text) -> ArgumentMap``; :data:`EXPORTERS` names them for the CLI.

Example:
    >>> from argmap.model import ArgumentMap
    >>> export(ArgumentMap(), "json")[:21]
    '{\\n  "schema": "argmap'
"""

from __future__ import annotations

import importlib
from typing import Callable

from argmap.model import ArgumentMap

# format name -> module under argmap.formats
EXPORTERS: dict[str, str] = {
    "json": "argmap_json",
    "graphml": "graphml",
    "apx": "iccma",
}



def exporter(fmt: str) -> Callable[[ArgumentMap], str]:
    """The ``dumps`` function of a format (``KeyError`` for an unknown one)."""
    return importlib.import_module(f"argmap.formats.{EXPORTERS[fmt]}").dumps


def export(amap: ArgumentMap, fmt: str) -> str:
    """``amap`` written in format ``fmt``."""
    return exporter(fmt)(amap)
