"""Running Graphviz ``dot``: several graphs per process, one process per core, a time limit.

``dot`` lays out every ``digraph`` of its input and writes one output per graph, so a
batch of N diagrams costs ``min(N, cores)`` process starts instead of N. SVG comes back on
stdout and is split at each document's ``<?xml`` declaration (user text is escaped, so
``<`` never occurs raw inside a document). PNG and PDF are binary and their concatenation
is not safely splittable, so for them ``dot -O`` writes one file per graph
(``in.dot.png``, ``in.dot.2.png``, …) in a private temporary folder.

Example (``run_dot`` needs Graphviz; DOT text is built by :mod:`argmap.diagrams.dot`):
    >>> _batches(["digraph a {}", "digraph bb {}", "digraph c {}"], 2)
    [[1], [0, 2]]
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, LimitExceeded

FORMATS = ("svg", "png", "pdf", "dot")
#: Seconds one batch of diagrams may take before :class:`RenderTimeout`.
DEFAULT_TIMEOUT = 120.0
INSTALL_HINT = ("Graphviz's 'dot' program is not installed: install Graphviz (e.g. 'apt-get install graphviz' "
                "or 'brew install graphviz'), or use --format dot")


# Graphviz 2.43 prefixes the SVG group id of every graph after the first of one input with
# "page0,1_"; removed so a batched SVG is byte-identical in its ids to one rendered alone.
_PAGE_PREFIX = re.compile(rb'<g id="page\d+,\d+_')


class GraphvizMissing(ArgmapError):
    """The ``dot`` program is not on PATH (DOT output still works)."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class RenderTimeout(LimitExceeded):
    """Graphviz took longer than the render time limit."""


class RenderFailed(ArgmapError):
    """Graphviz rejected a graph or crashed."""


class LayoutWarning(UserWarning):
    """A diagram was drawn as a summary box: too large to lay out, or Graphviz failed on it."""


def dot_binary() -> str:
    """The path of ``dot`` or :class:`GraphvizMissing`."""
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing()
    return found


def cores() -> int:
    """CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _batches(sources: Sequence[str], n: int) -> list[list[int]]:
    """Split graph indices into ``n`` batches of similar total size, keeping order inside each."""
    loads = [0] * n
    batches: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(sources)), key=lambda i: -len(sources[i])):
        k = loads.index(min(loads))
        batches[k].append(i)
        loads[k] += len(sources[i])
    return [sorted(b) for b in batches if b]


#: Graphs per ``dot`` process when a progress bar is shown (the bar advances per process).
PROGRESS_CHUNK = 25


def run_dot(sources: Sequence[str], fmt: str = "svg", *, timeout: float = DEFAULT_TIMEOUT,
            jobs: int | None = None, progress: bool | None = False) -> list[bytes]:
    """Lay out DOT graphs with Graphviz; returns one rendered document per source, in order.

    Runs at most ``jobs or cores()`` ``dot`` processes at a time, each on one input holding
    a share of the graphs: as many shares as processes, or with a progress bar (``progress``,
    see :func:`argmap.progress.showing`) shares of about :data:`PROGRESS_CHUNK` graphs so
    the bar moves. ``timeout`` bounds the whole call (seconds); past it the processes are
    killed and :class:`RenderTimeout` raised; a graph ``dot`` rejects or crashes on is a
    :class:`RenderFailed`. :func:`lay_out` returns the failures instead.
    """
    results = lay_out(sources, fmt, timeout=timeout, jobs=jobs, progress=progress, retry=False)
    for result in results:
        if isinstance(result, ArgmapError):
            raise result
    return results  # type: ignore[return-value]


def lay_out(sources: Sequence[str], fmt: str = "svg", *, timeout: float = DEFAULT_TIMEOUT, jobs: int | None = None,
            progress: bool | None = False, retry: bool = True) -> list[bytes | RenderTimeout | RenderFailed]:
    """:func:`run_dot`, but a graph Graphviz does not lay out in time, rejects or crashes on
    comes back as that error (:class:`RenderTimeout` or :class:`RenderFailed`) in its place,
    so the others still count. With ``retry``, the graphs of a failed share are laid out
    again one per process (a second ``timeout`` at most), so that only the graph to blame
    fails.
    """
    from argmap.progress import progress_bar, showing

    if fmt not in FORMATS or fmt == "dot":
        raise ArgmapError(f"unknown render format {fmt!r} (use one of svg, png, pdf)")
    if not sources:
        return []
    exe = dot_binary()
    workers = min(len(sources), jobs or cores())
    show = showing(progress, len(sources))
    shares = max(workers, math.ceil(len(sources) / PROGRESS_CHUNK)) if show else workers
    batches = _batches(sources, min(len(sources), shares))
    with progress_bar(len(sources), "laying out diagrams", show=show) as bar:
        results = _run_batches(exe, fmt, sources, batches, workers, timeout, bar)
    again = [i for batch in batches if len(batch) > 1 and isinstance(results[batch[0]], ArgmapError) for i in batch]
    if retry and again:
        with progress_bar(len(again), "laying out diagrams again", show=False) as bar:
            alone = _run_batches(exe, fmt, sources, [[i] for i in again], min(len(again), jobs or cores()), timeout,
                                 bar)
        for i in again:
            results[i] = alone[i]
    return results


def _run_batches(exe: str, fmt: str, sources: Sequence[str], batches: list[list[int]], workers: int, timeout: float,
                 bar: Any) -> list[bytes | RenderTimeout | RenderFailed]:
    """One result per source (``b""`` for those in no batch): its document, or what failed."""
    results: list[bytes | RenderTimeout | RenderFailed] = [b""] * len(sources)
    with tempfile.TemporaryDirectory(prefix="argmap-dot-") as tmp:
        runner = _Runner(exe, fmt, Path(tmp), sources, batches, bar)
        runner.run(workers, timeout)
        for k, batch in enumerate(batches):
            outcome = runner.outcomes.get(k)
            try:
                if outcome is None or k in runner.killed:
                    raise RenderTimeout(
                        f"Graphviz did not finish laying out {len(sources)} diagram(s) within {timeout:g} s; "
                        "raise the time limit (--timeout) or render fewer/smaller topics")
                code, out = outcome
                if code != 0:
                    first = Path(tmp, f"b{k}.log").read_text("utf-8", "replace").strip().splitlines()[:1]
                    why = first[0] if first else "no message"
                    raise RenderFailed(f"Graphviz failed (exit {code}): {why}" if code > 0 else
                                       f"Graphviz crashed (signal {-code}): {why}")
                if fmt == "svg":
                    docs = [_PAGE_PREFIX.sub(b'<g id="', doc) for doc in _split_svg(out, len(batch))]
                else:  # dot -O names outputs in.dot.png, in.dot.2.png, ...
                    docs = [Path(tmp, f"b{k}.dot.{'' if j == 0 else f'{j + 1}.'}{fmt}").read_bytes()
                            for j in range(len(batch))]
            except (RenderTimeout, RenderFailed) as exc:
                docs = [exc] * len(batch)  # type: ignore[list-item]
            for i, doc in zip(batch, docs):
                results[i] = doc
    return results


class _Runner:
    """Runs the batches on a few threads, each waiting on one ``dot`` at a time, and kills
    every running ``dot`` when the time is up."""

    def __init__(self, exe: str, fmt: str, tmp: Path, sources: Sequence[str], batches: list[list[int]],
                 bar: Any) -> None:
        self.exe, self.fmt, self.tmp, self.sources, self.batches, self.bar = exe, fmt, tmp, sources, batches, bar
        self.outcomes: dict[int, tuple[int, bytes]] = {}
        self.lock = threading.Lock()
        self.live: dict[subprocess.Popen[bytes], int] = {}
        self.killed: set[int] = set()  # batches stopped by the time limit
        self.stopped = False

    def _one(self, k: int) -> None:
        src, log = self.tmp / f"b{k}.dot", self.tmp / f"b{k}.log"
        src.write_text("\n".join(self.sources[i] for i in self.batches[k]), encoding="utf-8")
        # SVG streams to a pipe (measurably faster than -O's file per graph); the binary
        # formats need -O. stderr goes to a file so a chatty dot never blocks on it.
        svg = self.fmt == "svg"
        cmd = [self.exe, "-Tsvg", str(src)] if svg else [self.exe, f"-T{self.fmt}", "-O", str(src)]
        with log.open("wb") as err, self.lock:
            if self.stopped:
                return
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stderr=err,
                                    stdout=subprocess.PIPE if svg else subprocess.DEVNULL)
            self.live[proc] = k
        out, _ = proc.communicate()
        with self.lock:
            del self.live[proc]
            self.outcomes[k] = (proc.returncode, out or b"")
        self.bar.update(len(self.batches[k]))

    def run(self, workers: int, timeout: float) -> None:
        """Run every batch; those still running when ``timeout`` is up are killed (in
        :attr:`killed`) and those not started never run (no outcome)."""
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="argmap-dot")
        futures = [pool.submit(self._one, k) for k in range(len(self.batches))]
        done, pending = wait(futures, timeout=timeout)
        if pending:
            with self.lock:
                self.stopped = True
                for proc, k in self.live.items():
                    proc.kill()
                    self.killed.add(k)
        pool.shutdown(wait=True)
        for f in done:
            try:
                f.result()
            except OSError as exc:  # writing the input (a full disk) or starting dot
                what = f"starting {exc.filename}" if exc.filename else "its temporary files"
                raise RenderFailed(f"cannot run Graphviz: {what}: {exc.strerror or exc}") from None


def _split_svg(out: bytes, expected: int) -> list[bytes]:
    """One document per ``<?xml`` declaration: argmap escapes every ``<`` of user text, so
    the declaration cannot occur inside a document."""
    starts = [m.start() for m in re.finditer(rb"<\?xml ", out)]
    if len(starts) != expected:
        raise RenderFailed(f"Graphviz wrote {len(starts)} SVG documents for {expected} graphs")
    return [out[a:b] for a, b in zip(starts, starts[1:] + [len(out)])]
