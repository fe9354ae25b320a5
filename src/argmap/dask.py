"""Extraction on a Dask cluster (``pip install 'argmap[dask]'``): a ``dask.bag`` of texts in,
a bag of maps (or of JSONL lines, or tables) out.

Each partition is extracted with the same function as ``argmap extract --jobs``
(:func:`argmap.corpus.extract_batch`), so the maps are the ones a single process makes;
each worker process builds its pipeline once (:func:`argmap.corpus.worker_nlp`) and reuses
it for every partition it gets. Run workers with one thread each
(``LocalCluster(threads_per_worker=1)``, ``dask worker --nthreads 1``): extraction holds
the GIL, so more threads do not help, and one pipeline is not shared between threads.

Example (doctest skipped: it starts a cluster):

    >>> import dask.bag as db                                   # doctest: +SKIP
    >>> from distributed import Client, LocalCluster            # doctest: +SKIP
    >>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # doctest: +SKIP
    >>> texts = db.from_sequence([{"id": "e1", "text": "Critics warn that tolls hurt."}], npartitions=1)  # doctest: +SKIP
    >>> [m.nodes[0].kind for m in extract_bag(texts).compute()]  # doctest: +SKIP
    ['critique']
    >>> tables = to_dataframes(extract_bag(texts))              # doctest: +SKIP
    >>> tables.nodes.groupby("actor").size().compute().to_dict()  # doctest: +SKIP
    {'Critics': 1}
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from argmap.corpus import BATCH_SIZE, Result, Source, batches, extract_batch

if TYPE_CHECKING:
    import dask.bag

    from argmap.model import ArgumentMap
    from argmap.tables import Tables


def _source(item: Any) -> Source:
    if isinstance(item, Source):
        return item
    if isinstance(item, str):
        return Source("", text=item)
    if isinstance(item, dict):
        return Source(str(item.get("id", "")), text=item.get("text"))
    doc_id, text = item
    return Source(str(doc_id), text=text)


def extract_partition(items: Iterable[Any], lexicons: Sequence[str] = ()) -> list[Result]:
    """The :class:`~argmap.corpus.Result` of each item of a partition: a text, an
    ``(id, text)`` pair, a ``{"id": …, "text": …}`` record or a :class:`~argmap.corpus.Source`.

    Example:
        >>> [r.id for r in extract_partition([("e1", "Tolls hurt."), {"id": "e2", "text": "Fees."}])]
        ['e1', 'e2']
    """
    out: list[Result] = []
    for batch in batches(map(_source, items), BATCH_SIZE):
        out += extract_batch(batch, tuple(lexicons))
    return out


def extract_results(texts: dask.bag.Bag, lexicons: Sequence[str] = ()) -> dask.bag.Bag:
    """A bag of :class:`~argmap.corpus.Result` (a JSONL line or an error per document)."""
    return texts.map_partitions(extract_partition, tuple(lexicons))


def extract_lines(texts: dask.bag.Bag, lexicons: Sequence[str] = ()) -> dask.bag.Bag:
    """A bag of the maps as ``argmap extract --format jsonl`` lines; a failed document has none
    (``bag.to_textfiles`` writes them)."""
    return extract_results(texts, lexicons).filter(lambda r: r.line is not None).map(lambda r: r.line.decode("utf-8"))


def extract_bag(texts: dask.bag.Bag, lexicons: Sequence[str] = ()) -> dask.bag.Bag:
    """A bag of :class:`~argmap.model.ArgumentMap`, one per text; a failed document raises
    its error when computed (use :func:`extract_results` to keep going)."""
    from argmap.errors import InputError

    def to_map(result: Result) -> ArgumentMap:
        if result.error is not None:
            raise InputError(result.id, result.error)
        return result.map

    return extract_results(texts, lexicons).map(to_map)


def _table_partition(maps: Iterable[ArgumentMap], table: str) -> Any:
    from argmap.tables import _frame, map_rows

    return _frame([row for m in maps for row in map_rows(m)[table]], table)


def to_dataframes(maps: dask.bag.Bag) -> Tables:
    """The maps' documents, topics, nodes and edges as dask DataFrames (a partition of rows per
    partition of maps; see :mod:`argmap.tables` for the columns)."""
    import dask.dataframe

    from argmap.tables import TABLES, Tables, _frame

    parts = {t: maps.map_partitions(_table_partition, t).to_delayed() for t in TABLES}
    return Tables(*(dask.dataframe.from_delayed(parts[t], meta=_frame([], t)) for t in TABLES))


def _loaded(source: Source) -> Source:
    """The source with its text read here: workers on other machines do not see our files."""
    if source.path is None or source.error is not None:
        return source
    from argmap.extraction import read_text_file

    try:
        return Source(source.id, text=read_text_file(source.path))
    except Exception as exc:  # the same one-line reason the worker would give
        from argmap.corpus import _reason

        return Source(source.id, error=_reason(exc))


def extract_stream_on_cluster(sources: Iterable[Source], scheduler: str | None = None, *, jobs: int = 2,
                              batch_size: int = BATCH_SIZE, lexicons: Sequence[str] = (),
                              tables: bool = False) -> Iterator[list[Result]]:
    """:func:`argmap.corpus.extract_stream` on Dask: batches submitted to the cluster at
    ``scheduler`` (``tcp://HOST:PORT``), or to a ``LocalCluster`` of ``jobs`` worker processes
    started here; results batch by batch in input order, with at most two batches per worker
    in flight."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=logging.ERROR)
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or jobs)
            pending: deque[Any] = deque()
            for batch in batches(map(_loaded, sources), batch_size):
                pending.append(client.submit(extract_batch, batch, tuple(lexicons), tables=tables, pure=False))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        if cluster is not None:
            cluster.close()
