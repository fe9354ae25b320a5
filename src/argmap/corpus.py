"""Corpus extraction: many documents in, one map per document out, streamed in input order.

Documents come from files, folders (their ``.txt``/``.md`` files, recursively, in name
order), globs, or JSONL files of ``{"id": …, "text": …}`` records (``-``: standard input);
:func:`iter_sources` yields them lazily. :func:`extract_stream` extracts them in batches
through ``nlp.pipe``, in this process or in a pool of ``jobs`` worker processes that each
build the pipeline once, and yields one :class:`Result` per document in input order, so
memory is bounded by the batches in flight, never by the corpus. A document that fails
(unreadable, not UTF-8, a bug) is a :class:`Result` with an ``error``; the others go on.

:class:`JsonlWriter` appends one map per line (flushed per batch, synced every second), and
:func:`completed_ids` reads back what an earlier, possibly killed, run wrote, cutting off a
truncated last line, which is what ``argmap extract --resume`` builds on.

Example:
    >>> import os, tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "maps.jsonl")
    >>> docs = [Source("a", text="Critics warn that tolls hurt."), Source("b", text="Fees are low.")]
    >>> with JsonlWriter(out) as w:
    ...     for r in extract_results(docs):
    ...         w.write(r)
    >>> sorted(completed_ids(out))
    ['a', 'b']
    >>> [[n.kind for n in m.nodes] for m in read_jsonl(out)]
    [['critique'], []]
"""

from __future__ import annotations

import glob
import io
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from argmap.errors import InputError, bounded

if TYPE_CHECKING:
    from spacy.language import Language

    from argmap.model import ArgumentMap

STDIO = "-"
TEXT_SUFFIXES = (".txt", ".md")
"""What a folder given as input contributes: its essays, not its maps or pictures."""

BATCH_SIZE = 32
"""Documents per ``nlp.pipe`` batch and per task handed to a worker."""

WINDOW = 3
"""Batches in flight per worker with ``--jobs``: what bounds memory, and what keeps a worker
busy while an earlier, slower batch holds up the output."""

SYNC_SECONDS = 1.0
"""How often a JSONL output is synced to disk while it is written (and once at the end)."""

INPUT_FORMATS = ("auto", "text", "jsonl")


@dataclass(frozen=True)
class Source:
    """One document to extract: its ``id`` (recorded as the document's ``source``) and
    either a ``path`` to read (lazily, in the worker) or the ``text`` itself; ``error`` marks
    an input that could not even be read as a record (a bad JSONL line)."""

    id: str
    path: str | None = None
    text: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Result:
    """The outcome for one document: its map as one line of JSON in UTF-8 (``line``, without
    the newline), or its table rows (``tables``: :func:`argmap.tables.map_columns`, when asked
    for), or ``error``. Made once in the worker, so that the process writing them neither
    decodes nor encodes nor parses anything."""

    id: str
    line: bytes | None = None
    error: str | None = None
    tables: dict[str, dict[str, list[Any]]] | None = None

    @property
    def map(self) -> ArgumentMap:
        """The map of :attr:`line` (parsed on demand)."""
        from argmap.model import ArgumentMap

        if self.line is None:
            raise ValueError(f"{self.id}: no map ({self.error})")
        return ArgumentMap.from_json(self.line)


# ----- inputs ----------------------------------------------------------------------------


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[") and not os.path.exists(name)


def _folder_texts(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if Path(f).suffix.lower() in TEXT_SUFFIXES]
    return found


def expand_inputs(inputs: Sequence[str], input_format: str = "auto") -> list[tuple[str, str]]:
    """``(kind, name)`` for each input after expanding folders and globs, ``kind`` being
    ``"text"`` or ``"jsonl"``; a missing file, an empty folder or a glob matching nothing is
    an :class:`InputError` raised before anything is extracted.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b.txt", "a.md", "c.json", "x.jsonl"): _ = (d / name).write_text("x")
        >>> [(k, pathlib.Path(p).name) for k, p in expand_inputs([str(d), str(d / "*.jsonl")])]
        [('text', 'a.md'), ('text', 'b.txt'), ('jsonl', 'x.jsonl')]
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {INPUT_FORMATS}, not {input_format!r}")
    names: list[str] = []
    for name in inputs:
        if name == STDIO:
            names.append(name)
        elif os.path.isdir(name):
            texts = _folder_texts(name)
            if not texts:
                raise InputError(name, f"folder has no {' or '.join(TEXT_SUFFIXES)} files")
            names += texts
        elif _is_glob(name):
            matched = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
            if not matched:
                raise InputError(name, "no file matches this pattern")
            names += matched
        elif not os.path.exists(name):
            raise InputError(name, "no such file")
        else:
            names.append(name)
    if names.count(STDIO) > 1:
        raise InputError("<stdin>", "standard input ('-') can be given only once")

    def kind(name: str) -> str:
        if input_format != "auto":
            return input_format
        return "jsonl" if name.lower().endswith(".jsonl") else "text"

    return [(kind(n), n) for n in names]


def iter_sources(inputs: Sequence[tuple[str, str]], stdin: IO[bytes] | None = None) -> Iterator[Source]:
    """The documents of :func:`expand_inputs`' inputs, one at a time: a text file is one
    document (id: its path), a JSONL file one per non-blank line. Records are read as they
    are needed, so a JSONL corpus on standard input is never held whole.

    Example:
        >>> import io
        >>> feed = io.BytesIO(b'{"id": "e1", "text": "Tolls hurt."}\\n\\n{"text": "Fees."}\\nnope\\n')
        >>> [(s.id, s.text, s.error) for s in iter_sources([("jsonl", "-")], stdin=feed)]  # doctest: +NORMALIZE_WHITESPACE
        [('e1', 'Tolls hurt.', None), ('<stdin>:3', 'Fees.', None),
         ('<stdin>:4', None, 'line 4 is not JSON: Expecting value')]
    """
    for kind, name in inputs:
        display = "<stdin>" if name == STDIO else name
        if kind == "text":
            if name == STDIO:
                from argmap.extraction import decode_text

                try:
                    yield Source(display, text=decode_text((stdin or sys.stdin.buffer).read(), display))
                except InputError as exc:
                    yield Source(display, error=exc.problem)
            else:
                yield Source(name, path=name)
            continue
        yield from _jsonl_sources(name, display, stdin)


def _jsonl_sources(name: str, display: str, stdin: IO[bytes] | None) -> Iterator[Source]:
    if name == STDIO:
        yield from _records(stdin or sys.stdin.buffer, display)
        return
    try:
        fh = open(name, "rb")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    with fh:
        yield from _records(fh, display)


def _records(fh: IO[bytes], display: str) -> Iterator[Source]:
    for number, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        where = f"{display}:{number}"
        try:
            record = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            yield Source(where, error=f"line {number} is not JSON: {reason}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Source(where, error=f'line {number} is not a {{"id": …, "text": …}} record with a text string')
            continue
        doc_id = record.get("id")
        yield Source(where if doc_id is None else str(doc_id), text=record["text"])


def unique_sources(sources: Iterable[Source]) -> Iterator[Source]:
    """``sources`` with a repeated id turned into a failure: a JSONL output holds one line per
    id, which is what ``--resume`` relies on.

    Example:
        >>> [(s.id, s.error is None) for s in unique_sources([Source("a", text="X."), Source("a", text="Y.")])]
        [('a', True), ('a', False)]
    """
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            yield Source(source.id, error="repeats the id of an earlier document (ids must be unique)")
            continue
        seen.add(source.id)
        yield source


# ----- extraction ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def worker_nlp(lexicons: tuple[str, ...] = ()) -> Language:
    """The pipeline of this process, built once: pool workers and Dask workers call
    :func:`extract_batch` many times and must not rebuild it for each task."""
    from argmap.extraction.pipeline import make_nlp

    return make_nlp(lexicons)


def _init_worker(lexicons: tuple[str, ...]) -> None:
    """Start a pool worker: get its pipeline (the fork server's, inherited, for the default
    lexicons; else built here), and end it when the parent is gone (a parent
    killed with SIGKILL cannot stop its workers, which would otherwise run on as orphans).

    The parent is the process that asked for the worker, not the fork server that forked
    it: :func:`multiprocessing.parent_process` waits on a pipe that only the asking
    process holds open, so its death wakes the watch at once, without polling."""
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()

    def watch() -> None:
        if parent is not None:
            parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="argmap-parent-watch", daemon=True).start()
    worker_nlp(lexicons)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.problem
    return bounded(f"internal error: {type(exc).__name__}: {exc}")


def _text_of(source: Source) -> str:
    from argmap.extraction import read_text_file

    if source.text is not None:
        return source.text
    if source.path is None:
        raise InputError(source.id, "not UTF-8 text")
    return read_text_file(source.path)


def _result(doc_id: str, amap: ArgumentMap, tables: bool) -> Result:
    if tables:
        from argmap.tables import map_columns

        return Result(doc_id, tables=map_columns(amap))
    return Result(doc_id, line=amap.to_json_bytes())


def extract_batch(sources: Sequence[Source], lexicons: tuple[str, ...] = (), *, tables: bool = False) -> list[Result]:
    """One :class:`Result` per source, in order: the texts go through ``nlp.pipe`` together;
    when one of them breaks the batch, each is extracted alone so that only it fails. With
    ``tables`` the results carry the maps' table rows instead of their JSON lines.

    This is the unit of work of ``--jobs`` pool workers and of :mod:`argmap.dask`: a plain
    function of picklable values, using the process's :func:`worker_nlp`.

    Example:
        >>> [r.error for r in extract_batch([Source("x", path="no/such.txt"), Source("y", text="Tolls.")])]
        ['no such file', None]
    """
    from argmap.extraction import _with_source, extract_text

    nlp = worker_nlp(tuple(lexicons))
    results: list[Result | None] = [None] * len(sources)
    texts: dict[int, str] = {}
    for i, source in enumerate(sources):
        if source.error is not None:
            results[i] = Result(source.id, error=source.error)
            continue
        try:
            texts[i] = _text_of(source)
        except Exception as exc:
            results[i] = Result(source.id, error=_reason(exc))
    short = [i for i, t in texts.items() if len(t) <= nlp.max_length]
    try:
        for i, doc in zip(short, nlp.pipe(texts[i] for i in short)):
            results[i] = _result(sources[i].id, _with_source(doc._.argmap, sources[i].id or None), tables)
    except Exception:  # find the culprit: one by one below
        for i in short:
            results[i] = None
    for i, text in texts.items():
        if results[i] is None:
            try:
                results[i] = _result(sources[i].id, extract_text(text, source=sources[i].id or None, nlp=nlp),
                                     tables)
            except Exception as exc:
                results[i] = Result(sources[i].id, error=_reason(exc))
    return [r for r in results if r is not None]


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter).

    Example:
        >>> list(batches(range(5), 2))
        [[0, 1], [2, 3], [4]]
    """
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_stream(sources: Iterable[Source], *, jobs: int = 1, batch_size: int = BATCH_SIZE,
                   lexicons: Sequence[str] = (), tables: bool = False) -> Iterator[list[Result]]:
    """Extract ``sources`` and yield their results batch by batch, in input order (with
    ``tables``: results with table rows, see :func:`extract_batch`).

    With ``jobs > 1`` the batches go to a pool of worker processes; at most
    ``WINDOW × jobs`` batches are in flight, so only those (and not the corpus) are in memory.

    Example:
        >>> [r.id for b in extract_stream([Source("a", text="X."), Source("b", text="Y.")], batch_size=1) for r in b]
        ['a', 'b']
    """
    lexicons = tuple(lexicons)
    if jobs <= 1:
        for batch in batches(sources, batch_size):
            yield extract_batch(batch, lexicons, tables=tables)
        return
    yield from _pooled(sources, jobs, batch_size, lexicons, tables)


PRELOAD = ("argmap.corpus", "argmap._pool_preload")
"""What the fork server imports once for all workers: spaCy, and (:mod:`argmap._pool_preload`)
the default pipeline, built and run once, which the workers inherit ready to use."""


def _pool_context() -> Any:
    """How workers start: forked from a fork server (on Linux) that imported :data:`PRELOAD`
    once, so a worker starts in milliseconds, its pipeline ready, rather than importing spaCy
    and building the pipeline again (about a second of CPU each); else spawned. Both start
    clean: never forked from this process, whose threads (tqdm's monitor, a caller's) a fork
    would copy in whatever state they are."""
    import multiprocessing

    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        return context
    return multiprocessing.get_context("spawn")


def _pooled(sources: Iterable[Source], jobs: int, batch_size: int, lexicons: tuple[str, ...],
            tables: bool) -> Iterator[list[Result]]:
    from concurrent.futures import ProcessPoolExecutor

    context = _pool_context()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(lexicons,)) as pool:
            pending: deque[Any] = deque()
            try:
                for batch in batches(sources, batch_size):
                    pending.append(pool.submit(extract_batch, batch, lexicons, tables=tables))
                    # the window: while the oldest batch is awaited (results go out in order),
                    # a worker done early takes the next queued one instead of waiting
                    if len(pending) >= WINDOW * jobs:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
    finally:
        if context.get_start_method() == "forkserver":
            _stop_fork_server()


def _stop_fork_server() -> None:
    """Stop the fork server once the workers are gone: it holds a copy of spaCy (about
    100 MB) that nothing needs any more, and waiting for it here reaps it, so that its CPU
    time and its workers' count in this process's (as ``time`` or a benchmark reports).
    The next pool starts a new one. (``_stop`` is the standard library's own, used by
    its tests; without it the server ends by itself when this process does.)"""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def extract_results(sources: Iterable[Source], **options: Any) -> Iterator[Result]:
    """:func:`extract_stream`, one result at a time."""
    for batch in extract_stream(sources, **options):
        yield from batch


def merge_results(results: Iterable[Result]) -> ArgumentMap:
    """One map of all the results (:func:`argmap.extraction.merge_maps`); the first failed
    document is an :class:`InputError` (a merged map is all or nothing).

    Example:
        >>> [d.source for d in merge_results(extract_results([Source("a", text="X."), Source("b", text="Y.")])).documents]
        ['a', 'b']
    """
    from argmap.extraction import merge_maps

    maps = []
    for result in results:
        if result.error is not None:
            raise InputError(result.id, result.error)
        maps.append(result.map)
    if not maps:
        raise InputError("<input>", "no documents to extract")
    return merge_maps(maps)


# ----- JSONL output ----------------------------------------------------------------------


def line_id(line: str | bytes) -> str:
    """The document id of one JSONL map line: its first document's ``source``.

    Example:
        >>> line_id('{"schema": "argmap/1", "documents": [{"id": "d1", "source": "e1.txt"}]}')
        'e1.txt'
    """
    data = json.loads(line)
    docs = data.get("documents") if isinstance(data, dict) else None
    if not docs or not isinstance(docs[0], dict) or not isinstance(docs[0].get("source"), str):
        raise ValueError("not a map line with a document source")
    return str(docs[0]["source"])


def completed_ids(path: str | os.PathLike[str], *, repair: bool = False) -> set[str]:
    """The ids of the documents whose maps ``path`` (JSONL) holds in complete lines.

    A last line without its newline, or that is not a whole map (a run killed while writing
    it), does not count; with ``repair=True`` it is cut off the file, so that appending goes
    on from a clean line end. A bad line before the last is an :class:`InputError`: that
    file was not written by ``argmap extract --format jsonl``.
    """
    done: set[str] = set()
    if not os.path.exists(path):
        return done
    good_end = 0
    try:
        with open(path, "rb") as fh:
            number = 0
            for number, raw in enumerate(fh, 1):  # noqa: B007
                try:
                    if not raw.endswith(b"\n"):
                        raise ValueError("truncated")
                    done.add(line_id(raw))
                except ValueError:
                    if fh.read(1):
                        raise InputError(path, f"line {number} is not a map of argmap extract --format jsonl; "
                                               "not resuming") from None
                    break
                good_end = fh.tell()
            size = fh.seek(0, io.SEEK_END)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if repair and size != good_end:
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return done


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[ArgumentMap]:
    """The maps of a JSONL file, one per line, read one at a time; a bad line is an
    :class:`InputError` naming the file and line."""
    from pydantic import ValidationError

    from argmap.model import ArgumentMap

    name = "<stdin>" if os.fspath(path) == STDIO else os.fspath(path)
    fh = sys.stdin.buffer if name == "<stdin>" else open(path, "rb")
    try:
        for number, raw in enumerate(fh, 1):
            if raw.strip():
                try:
                    yield ArgumentMap.from_json(raw)
                except (ValidationError, ValueError) as exc:
                    raise InputError(name, f"line {number} is not an argmap map: {str(exc).splitlines()[0]}") from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


class JsonlWriter:
    """Append maps to a JSONL file (or standard output for ``-``), one line each, flushed as
    written and synced to disk by :meth:`sync`, so a killed run loses at most what it was
    writing (a cut last line, which :func:`completed_ids` then discards); :meth:`checkpoint`
    syncs every :data:`SYNC_SECONDS`, so a crash of the machine loses at most that much."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False) -> None:
        self.path = os.fspath(path)
        self.written = 0
        self._synced = time.monotonic()
        if self.path == STDIO:
            self._fh: IO[bytes] = sys.stdout.buffer
            return
        from argmap.io import not_a_regular_file

        problem = not_a_regular_file(self.path)  # a FIFO would block, a device be written through
        if problem is not None:
            raise InputError(self.path, problem)
        try:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "ab" if append else "wb")
        except OSError as exc:
            raise InputError(self.path, f"cannot write: {exc.strerror or exc}") from None

    def write(self, result: Result) -> None:
        """Write the map of ``result`` (a failed result writes nothing)."""
        self.write_batch((result,))

    def write_batch(self, results: Iterable[Result]) -> None:
        """Write the maps of ``results`` in one ``write`` call, then flush: a batch's lines
        reach the file together (a kill can still cut the last one, which is what
        :func:`completed_ids` allows for)."""
        lines = [r.line for r in results if r.line is not None]
        if not lines:
            return
        lines.append(b"")
        try:
            self._fh.write(b"\n".join(lines))
            self._fh.flush()
        except OSError as exc:
            raise InputError(self.path if self.path != STDIO else "<stdout>",
                             f"cannot write: {exc.strerror or exc}") from None
        self.written += len(lines) - 1

    def sync(self) -> None:
        """Make what was written survive a crash of the machine, not only of the process."""
        if self.path != STDIO:
            os.fsync(self._fh.fileno())
        self._synced = time.monotonic()

    def checkpoint(self) -> None:
        """:meth:`sync` if the last sync is :data:`SYNC_SECONDS` old: a sync waits for the
        disk (milliseconds each on a busy one), too long to wait after every batch."""
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            self.sync()

    def close(self) -> None:
        if self.path != STDIO:
            self.sync()
            self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
