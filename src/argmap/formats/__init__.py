"""Interchange formats. Each format module offers ``dumps(amap) -> str`` and, when the
format can be read, ``loads(text) -> ArgumentMap``; :data:`EXPORTERS` names the writers for
``argmap export --to``.

Example:
    >>> from argmap.model import ArgumentMap
    >>> export(ArgumentMap(), "json")[:21]
    '{\\n  "schema": "argmap'
"""

from __future__ import annotations

import importlib
from typing import Callable

from argmap.model import ArgumentMap

# format name -> "module:function" under argmap.formats (the function is ``dumps`` when omitted)
EXPORTERS: dict[str, str] = {
    "json": "argmap_json",
    "graphml": "graphml",
    "apx": "iccma",
    "tgf": "iccma:dumps_tgf_map",
    "i23": "iccma:dumps_i23_map",
}


def exporter(fmt: str) -> Callable[[ArgumentMap], str]:
    """The function writing a map in format ``fmt`` (``KeyError`` for an unknown one)."""
    module, _, function = EXPORTERS[fmt].partition(":")
    dumps: Callable[[ArgumentMap], str] = getattr(importlib.import_module(f"argmap.formats.{module}"),
                                                  function or "dumps")
    return dumps


def export(amap: ArgumentMap, fmt: str) -> str:
    """``amap`` written in format ``fmt``."""
    return exporter(fmt)(amap)
