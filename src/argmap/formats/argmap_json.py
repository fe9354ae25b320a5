"""The native ``argmap/1`` JSON format (the contract of DESIGN §2)."""

from __future__ import annotations

from argmap.model import ArgumentMap


def dumps(amap: ArgumentMap) -> str:
    """``amap`` as indented ``argmap/1`` JSON."""
    return amap.to_json() + "\n"


def loads(text: str) -> ArgumentMap:
    """Parse ``argmap/1`` JSON (raises ``pydantic.ValidationError`` on a bad map)."""
    return ArgumentMap.from_json(text)
