"""Maps as tables for analysis: documents, topics, nodes and edges, as pandas DataFrames or
Parquet files (pandas and pyarrow: ``pip install 'argmap[tables]'``).

Every row carries ``document``, the document's ``source`` (its file or corpus id; the map's
document id when it has none), so the rows of many maps, such as the tables ``argmap
extract --format parquet`` writes for a corpus, stay apart though node ids start at ``n1``
in each. A node row says how many statements attack it (``attackers``): a critique with
none stands unanswered.

Example: grouping critiques by actor across a corpus is one line.

    >>> import argmap
    >>> amap = argmap.extract(text="Critics warn that tolls hurt. Economists argue that fees cut jams. "
    ...                            "Critics also fear that cameras track drivers.")
    >>> nodes = amap.to_pandas().nodes
    >>> nodes[nodes.kind == "critique"].groupby("actor").size().to_dict()
    {'Critics': 2}

For a corpus, read the folder written by ``argmap extract --format parquet -o tables/``:
``read_parquet("tables/").nodes.query("kind == 'critique'").groupby("actor").size()``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from argmap.model import ArgumentMap

TABLES = ("documents", "topics", "nodes", "edges")

# column -> type ("str", "int", "float"); one definition for pandas and Parquet alike
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"document": "str", "id": "str", "title": "str", "characters": "int"},
    "topics": {"document": "str", "id": "str", "title": "str", "section": "str", "start": "int", "end": "int"},
    "nodes": {"document": "str", "id": "str", "topic": "str", "kind": "str", "actor": "str", "cue": "str",
              "text": "str", "confidence": "float", "start": "int", "end": "int", "attackers": "int"},
    "edges": {"document": "str", "source": "str", "target": "str", "relation": "str"},
}


class Tables(NamedTuple):
    """The four tables of one map or a corpus (DataFrames, or whatever the reader made)."""

    documents: Any
    topics: Any
    nodes: Any
    edges: Any


def map_rows(amap: ArgumentMap) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table for ``amap``, as plain dicts.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap()
        >>> c = m.add_critique(m.add_topic("Tolls"), "Tolls hurt.", actor="Critics")
        >>> r = m.add_rebuttal(c, "Rebates help.")
        >>> [(row["id"], row["kind"], row["actor"], row["attackers"]) for row in map_rows(m)["nodes"]]
        [('n1', 'critique', 'Critics', 1), ('n2', 'rebuttal', None, 0)]
    """
    key = {d.id: d.source or d.id for d in amap.documents}
    only = next(iter(key.values()), "")
    topic_doc = {t.id: key.get(t.document or "", only) for t in amap.topics}
    attackers: dict[str, int] = {}
    for e in amap.edges:
        if e.relation == "attacks":
            attackers[e.target] = attackers.get(e.target, 0) + 1
    node_doc = {n.id: key.get(n.document or "", topic_doc.get(n.topic, only)) for n in amap.nodes}
    return {
        "documents": [{"document": key[d.id], "id": d.id, "title": d.title,
                       "characters": len(d.text) if d.text is not None else None} for d in amap.documents],
        "topics": [{"document": topic_doc[t.id], "id": t.id, "title": t.title, "section": t.section,
                    "start": t.span[0] if t.span else None, "end": t.span[1] if t.span else None}
                   for t in amap.topics],
        "nodes": [{"document": node_doc[n.id], "id": n.id, "topic": n.topic, "kind": n.kind, "actor": n.actor,
                   "cue": n.cue, "text": n.text, "confidence": n.confidence,
                   "start": n.span[0] if n.span else None, "end": n.span[1] if n.span else None,
                   "attackers": attackers.get(n.id, 0)} for n in amap.nodes],
        "edges": [{"document": node_doc.get(e.source, topic_doc.get(e.source, only)), "source": e.source,
                   "target": e.target, "relation": e.relation} for e in amap.edges],
    }


def map_columns(amap: ArgumentMap) -> dict[str, dict[str, list[Any]]]:
    """:func:`map_rows` column by column: what a ``--jobs`` worker sends back for Parquet
    (one list per column pickles smaller and faster than a dict per row).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.add_critique(m.add_topic("Tolls"), "Tolls hurt.", actor="Critics")
        >>> map_columns(m)["nodes"]["actor"]
        ['Critics']
    """
    return {table: {c: [r[c] for r in rows] for c in COLUMNS[table]} for table, rows in map_rows(amap).items()}


_PANDAS = {"str": "string", "int": "Int64", "float": "Float64"}


def _frame(rows: list[dict[str, Any]], table: str) -> pandas.DataFrame:
    import pandas

    columns = COLUMNS[table]
    frame = pandas.DataFrame(rows, columns=list(columns))
    return frame.astype({c: _PANDAS[t] for c, t in columns.items()})


def to_pandas(amap: ArgumentMap) -> Tables:
    """The map's documents, topics, nodes and edges as DataFrames (see the module docstring);
    also :meth:`ArgumentMap.to_pandas`.

    Example:
        >>> import argmap
        >>> argmap.extract(text="Critics warn that tolls hurt.").to_pandas().nodes[["kind", "actor"]].values.tolist()
        [['critique', 'Critics']]
    """
    rows = map_rows(amap)
    return Tables(*(_frame(rows[t], t) for t in TABLES))


def arrow_schema(table: str) -> pyarrow.Schema:
    """The Parquet schema of ``table``."""
    import pyarrow

    kinds = {"str": pyarrow.string(), "int": pyarrow.int64(), "float": pyarrow.float64()}
    return pyarrow.schema([(c, kinds[t]) for c, t in COLUMNS[table].items()])


class ParquetWriter:
    """Write the tables of many maps into a folder (``documents.parquet``, ``topics.parquet``,
    ``nodes.parquet``, ``edges.parquet``), one row group per ``row_group_rows`` rows, so a
    corpus of any size is written in bounded memory. The files appear (by rename) only when
    the writer closes without an error; a failed run leaves no half-written table.

    Example:
        >>> import argmap, tempfile
        >>> folder = tempfile.mkdtemp()
        >>> with ParquetWriter(folder) as w:
        ...     w.write(argmap.extract(text="Critics warn that tolls hurt."))
        >>> read_parquet(folder).nodes.kind.tolist()
        ['critique']
    """

    def __init__(self, folder: str | os.PathLike[str], *, row_group_rows: int = 65536) -> None:
        from argmap.errors import InputError

        self.folder = Path(folder)
        self.row_group_rows = row_group_rows
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(folder, f"cannot write: {exc.strerror or exc}") from None
        self._columns = {t: self._empty(t) for t in TABLES}
        self._writers: dict[str, Any] = {}
        self._temp = {t: self.folder / f".{t}.parquet.{os.getpid()}.tmp" for t in TABLES}

    @staticmethod
    def _empty(table: str) -> dict[str, list[Any]]:
        return {c: [] for c in COLUMNS[table]}

    def write(self, amap: ArgumentMap) -> None:
        """Add the rows of ``amap``."""
        self.write_columns(map_columns(amap))

    def write_columns(self, columns: dict[str, dict[str, list[Any]]]) -> None:
        """Add the rows of one map as :func:`map_columns` gives them (made in a worker)."""
        for table, values in columns.items():
            held = self._columns[table]
            for column, items in values.items():
                held[column] += items
            if len(held["document"]) >= self.row_group_rows:
                self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow
        import pyarrow.parquet

        schema = arrow_schema(table)
        if table not in self._writers:
            self._writers[table] = pyarrow.parquet.ParquetWriter(self._temp[table], schema)
        self._writers[table].write_table(pyarrow.Table.from_pydict(self._columns[table], schema=schema))
        self._columns[table] = self._empty(table)

    def close(self, *, keep: bool = True) -> None:
        """Write what is left and put the tables in place (``keep=False``: discard them)."""
        try:
            if keep:
                for table in TABLES:
                    if self._columns[table]["document"] or table not in self._writers:
                        self._flush(table)
            for writer in self._writers.values():
                writer.close()
            if keep:
                for table in TABLES:
                    os.replace(self._temp[table], self.folder / f"{table}.parquet")
        finally:
            for temp in self._temp.values():
                temp.unlink(missing_ok=True)

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(keep=kind is None)


def write_parquet(maps: Iterable[ArgumentMap], folder: str | os.PathLike[str]) -> Path:
    """Write the tables of ``maps`` (one at a time, e.g. :func:`argmap.corpus.read_jsonl`)
    into ``folder``; returns the folder."""
    with ParquetWriter(folder) as writer:
        for amap in maps:
            writer.write(amap)
    return Path(folder)


def read_parquet(folder: str | os.PathLike[str], columns: dict[str, list[str]] | None = None) -> Tables:
    """The tables :class:`ParquetWriter` wrote, as DataFrames (``columns``: only these, per
    table). A missing table is an :class:`~argmap.errors.InputError` naming it."""
    import pandas

    from argmap.errors import InputError

    frames = []
    for table in TABLES:
        path = Path(folder) / f"{table}.parquet"
        if not path.is_file():
            raise InputError(path, "no such file (a folder of argmap extract --format parquet tables?)")
        wanted = (columns or {}).get(table)
        frames.append(pandas.read_parquet(path, columns=wanted, dtype_backend="numpy_nullable"))
    return Tables(*frames)
