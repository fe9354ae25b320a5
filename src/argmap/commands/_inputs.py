"""How verbs read their FILE arguments: a map JSON, or a text extracted on the fly."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.io import load_map, looks_like_json, read_bytes
from argmap.model import ArgumentMap


def load_inputs(paths: Sequence[str]) -> ArgumentMap:
    """One map from map JSON files and/or text files (texts go through extraction).

    A single map JSON is returned as it is; several inputs are merged by extraction when
    they are all texts. Mixing maps and texts, or several maps, is an input error.
    """
    from argmap.errors import InputError

    kinds = ["map" if looks_like_json(read_bytes(p)[:4096]) or p.endswith(".json") else "text" for p in paths]
    if kinds == ["map"]:
        return load_map(paths[0])
    if "map" in kinds:
        bad = paths[kinds.index("map")] if len(paths) > 1 else paths[0]
        raise InputError(bad, "give either one map JSON or text files, not a mix or several maps")
    from argmap.extraction import extract_files

    return extract_files(paths)
