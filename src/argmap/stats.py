"""Corpus figures: documents, topics, statements per kind, the most frequent actors and cues,
and the share of critiques nothing answers, counted one map (or one Parquet batch) at a time.

Example:
    >>> import argmap
    >>> s = CorpusStats()
    >>> s.add_map(argmap.extract(text="Critics warn that tolls hurt. Supporters reply that rebates help."))
    >>> s.add_map(argmap.extract(text="Critics fear that cameras track drivers."))
    >>> figures = s.figures()
    >>> figures["documents"], figures["statements"], figures["unanswered_critiques"]
    (2, {'claim': 0, 'critique': 2, 'rebuttal': 1}, 0.5)
    >>> figures["actors"]
    [['Critics', 2], ['Supporters', 1]]
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

NODE_COLUMNS = ["kind", "actor", "cue", "attackers"]


class CorpusStats:
    """Counts added map by map (:meth:`add_map`) or from node rows (:meth:`add_nodes`)."""

    def __init__(self) -> None:
        self.documents = 0
        self.topics = 0
        self.kinds: Counter[str] = Counter()
        self.actors: Counter[str] = Counter()
        self.cues: Counter[str] = Counter()
        self.critiques = 0
        self.unanswered = 0

    def add_map(self, amap: ArgumentMap) -> None:
        """Count one map."""
        from argmap.tables import map_rows

        rows = map_rows(amap)
        self.documents += len(amap.documents)
        self.topics += len(amap.topics)
        self.add_nodes(rows["nodes"])

    def add_nodes(self, rows: Iterable[dict[str, Any]]) -> None:
        """Count node rows (:data:`NODE_COLUMNS` of :func:`argmap.tables.map_rows`)."""
        for row in rows:
            kind = row["kind"]
            self.kinds[kind] += 1
            if row["actor"]:
                self.actors[row["actor"]] += 1
            if row["cue"]:
                self.cues[row["cue"]] += 1
            if kind == "critique":
                self.critiques += 1
                self.unanswered += not row["attackers"]

    def figures(self, top: int = 10) -> dict[str, Any]:
        """The figures as JSON-ready data; ``top`` actors and cues (ties by name)."""
        from argmap.model import KINDS

        def most(counter: Counter[str]) -> list[list[Any]]:
            return [[k, n] for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

        return {"documents": self.documents, "topics": self.topics,
                "statements": {k: self.kinds.get(k, 0) for k in KINDS},
                "actors": most(self.actors), "cues": most(self.cues),
                "unanswered_critiques": round(self.unanswered / self.critiques, 4) if self.critiques else None}


def _parquet(folder: Path, stats: CorpusStats) -> None:
    import pyarrow.parquet

    from argmap.errors import InputError

    for table in ("documents", "topics", "nodes"):
        if not (folder / f"{table}.parquet").is_file():
            raise InputError(folder, f"folder has no {table}.parquet (a folder of argmap extract --format parquet?)")
    stats.documents += pyarrow.parquet.ParquetFile(folder / "documents.parquet").metadata.num_rows
    stats.topics += pyarrow.parquet.ParquetFile(folder / "topics.parquet").metadata.num_rows
    for batch in pyarrow.parquet.ParquetFile(folder / "nodes.parquet").iter_batches(columns=NODE_COLUMNS):
        stats.add_nodes(batch.to_pylist())


def _maps(path: str) -> Iterator[ArgumentMap]:
    from argmap.corpus import read_jsonl

    if path == "-" or path.lower().endswith(".jsonl"):
        yield from read_jsonl(path)
    else:
        from argmap.commands._inputs import load_inputs

        yield load_inputs([path])


def corpus_stats(paths: Iterable[str | os.PathLike[str]], top: int = 10) -> dict[str, Any]:
    """The figures of maps in files: a map (any readable format), a JSONL of maps (one per
    line, as ``argmap extract --format jsonl`` writes), or a folder of Parquet tables
    (``--format parquet``). Maps are read one at a time.
    """
    stats = CorpusStats()
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            _parquet(Path(path), stats)
            continue
        for amap in _maps(path):
            stats.add_map(amap)
    return stats.figures(top)


def format_stats(figures: dict[str, Any]) -> str:
    """The figures as aligned text lines.

    Example:
        >>> print(format_stats({"documents": 2, "topics": 3, "statements": {"claim": 1, "critique": 4},
        ...                     "actors": [["Critics", 3]], "cues": [], "unanswered_critiques": 0.25}))
        documents              2
        topics                 3
        claims                 1
        critiques              4
        unanswered critiques   25.0% (critiques no statement attacks)
        top actors             Critics (3)
        top cues               -
    """
    lines = [("documents", str(figures["documents"])), ("topics", str(figures["topics"]))]
    lines += [(f"{kind}s", str(n)) for kind, n in figures["statements"].items()]
    share = figures["unanswered_critiques"]
    lines.append(("unanswered critiques",
                  "-" if share is None else f"{100 * share:.1f}% (critiques no statement attacks)"))
    for name in ("actors", "cues"):
        lines.append((f"top {name}", ", ".join(f"{k} ({n})" for k, n in figures[name]) or "-"))
    return "\n".join(f"{label:<22} {value}" for label, value in lines)
