"""A minimal progress bar on stderr, shown only when stderr is a terminal.

Example:
    >>> list(progress(range(3), total=3, label="files"))   # silent when not a terminal
    [0, 1, 2]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
_WIDTH = 30


def progress(items: Iterable[T], total: int, label: str = "", stream: TextIO | None = None,
             min_total: int = 2) -> Iterator[T]:
    """Yield ``items`` while drawing ``[#####     ] 3/10 label`` on ``stream`` (stderr)."""
    out = stream or sys.stderr
    show = total >= min_total and hasattr(out, "isatty") and out.isatty()
    done = 0
    for item in items:
        yield item
        done += 1
        if show:
            filled = _WIDTH * done // max(total, 1)
            out.write(f"\r[{'#' * filled}{' ' * (_WIDTH - filled)}] {done}/{total} {label}")
            out.flush()
    if show:
        out.write("\n")
        out.flush()
