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

import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

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


def run_dot(sources: Sequence[str], fmt: str = "svg", *, timeout: float = DEFAULT_TIMEOUT,
            jobs: int | None = None) -> list[bytes]:
    """Lay out DOT graphs with Graphviz; returns one rendered document per source, in order.

    Runs ``min(len(sources), jobs or cores())`` ``dot`` processes in parallel, each on one
    input holding its share of the graphs. ``timeout`` bounds the whole call (seconds);
    past it the processes are killed and :class:`RenderTimeout` raised.
    """
    if fmt not in FORMATS or fmt == "dot":
        raise ArgmapError(f"unknown render format {fmt!r} (use one of svg, png, pdf)")
    if not sources:
        return []
    exe = dot_binary()
    batches = _batches(sources, min(len(sources), jobs or cores()))
    results: list[bytes] = [b""] * len(sources)
    with tempfile.TemporaryDirectory(prefix="argmap-dot-") as tmp:
        procs = []
        for k, batch in enumerate(batches):
            src, log = Path(tmp, f"b{k}.dot"), Path(tmp, f"b{k}.log")
            src.write_text("\n".join(sources[i] for i in batch), encoding="utf-8")
            # SVG streams to a pipe (measurably faster than -O's file per graph); the binary
            # formats need -O. stderr goes to a file so a chatty dot never blocks on it.
            cmd = [exe, "-Tsvg", str(src)] if fmt == "svg" else [exe, f"-T{fmt}", "-O", str(src)]
            with log.open("wb") as err:
                procs.append(subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stderr=err,
                                              stdout=subprocess.PIPE if fmt == "svg" else subprocess.DEVNULL))
        outputs = _collect(procs, timeout, len(sources))
        for k, (p, batch, out) in enumerate(zip(procs, batches, outputs)):
            if p.returncode != 0:
                first = Path(tmp, f"b{k}.log").read_text("utf-8", "replace").strip().splitlines()[:1]
                raise RenderFailed(f"Graphviz failed (exit {p.returncode}): {first[0] if first else 'no message'}")
            if fmt == "svg":
                docs = [_PAGE_PREFIX.sub(b'<g id="', doc) for doc in _split_svg(out, len(batch))]
            else:  # dot -O names outputs in.dot.png, in.dot.2.png, ...
                docs = [Path(tmp, f"b{k}.dot.{'' if j == 0 else f'{j + 1}.'}{fmt}").read_bytes()
                        for j in range(len(batch))]
            for i, doc in zip(batch, docs):
                results[i] = doc
    return results


def _collect(procs: list[subprocess.Popen[bytes]], timeout: float, n_graphs: int) -> list[bytes]:
    """Every process's stdout, read in parallel (one full pipe must not stall the others),
    or :class:`RenderTimeout` after killing them all when ``timeout`` seconds pass."""
    outputs = [b""] * len(procs)

    def drain(k: int) -> None:
        stream = procs[k].stdout
        outputs[k] = stream.read() if stream is not None else b""
        procs[k].wait()

    threads = [threading.Thread(target=drain, args=(k,), daemon=True) for k in range(len(procs))]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        for p in procs:
            p.kill()
        for t in threads:
            t.join()
        raise RenderTimeout(
            f"Graphviz did not finish laying out {n_graphs} diagram(s) within {timeout:g} s; "
            "raise the time limit (--timeout) or render fewer/smaller topics")
    for p in procs:
        if p.stdout is not None:
            p.stdout.close()
    return outputs


def _split_svg(out: bytes, expected: int) -> list[bytes]:
    """One document per ``<?xml`` declaration: argmap escapes every ``<`` of user text, so
    the declaration cannot occur inside a document."""
    starts = [m.start() for m in re.finditer(rb"<\?xml ", out)]
    if len(starts) != expected:
        raise RenderFailed(f"Graphviz wrote {len(starts)} SVG documents for {expected} graphs")
    return [out[a:b] for a, b in zip(starts, starts[1:] + [len(out)])]
