"""Corpus scale: streaming extraction of a generated corpus, on one core, two, and Dask.

The corpus is generated at run time into a temporary folder (never committed): essays made by
recombining the blocks (headings and paragraphs) of examples/*.txt, about 500 words each, as
one JSONL file of ``{"id": …, "text": …}`` records. Measured, each run a fresh
``argmap extract --format jsonl`` process so that its peak RSS is its own:

- throughput (words/s, wall clock) of ``--jobs 1`` against ``spacy.blank("en")`` with the
  ``sentencizer`` piping the same texts (bar: argmap within 2×);
- ``--jobs 2`` against ``--jobs 1`` (bar: at least 1.6× faster on a 2-core machine);
- peak RSS of the whole run, workers included (bar: under 1 GB, and about the same for the
  small and the full corpus: memory bounded by the batch);
- cost per document for the small (``--small``, default 1,000) and full corpus (``--docs``,
  default 10,000): linear when the ratio is near 1;
- ``--dask`` on a 2-worker LocalCluster over the small corpus: output identical to
  ``--jobs 1`` byte for byte, and its time against ``--jobs 2``.

Run: python benchmarks/corpus.py [--docs 10000] [--small 1000] [--no-dask]
(wall-clock figures on a shared machine: rerun when it is quiet for clean ratios)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_ESSAY = 500


def _blocks(path: Path) -> list[str]:
    return [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def generate_essays(n: int, seed: int = 0, words: int = WORDS_PER_ESSAY) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of ``n`` essays: the title of one example, then runs of consecutive
    blocks of two examples, until about ``words`` words. Deterministic for a ``seed``."""
    sources = [b for b in (_blocks(p) for p in sorted((ROOT / "examples").glob("*.txt"))) if len(b) > 2]
    if not sources:
        sys.exit("benchmarks/corpus.py: examples/*.txt not found")
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        first, second = rng.sample(range(len(sources)), 2)
        parts, count = [sources[first][0]], 0
        while count < words:
            blocks = sources[first if len(parts) % 2 else second]
            start = rng.randrange(1, len(blocks))
            for block in blocks[start:start + rng.randint(2, 5)]:
                parts.append(block)
                count += len(block.split())
        yield f"essay-{i + 1:05d}", "\n\n".join(parts) + "\n"


def write_corpus(path: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` generated essays as JSONL to ``path``; returns the number of words."""
    total = 0
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, text in generate_essays(n, seed):
            total += len(text.split())
            fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return total
