"""Progress bars (tqdm) for long phases: extraction, checks, drawing, layout, writing.

A bar is shown when ``show`` is True, or by default (``show=None``) when the output is a
terminal or the code runs in a Jupyter kernel (``tqdm.auto``: a widget when ipywidgets is
installed, else text); never for fewer than ``min_total`` items. Bars go to stderr, so
piped stdout stays clean.

Example:
    >>> list(progress(range(3), total=3, label="files"))   # silent when not a terminal
    [0, 1, 2]
    >>> with progress_bar(4, "diagrams", show=False) as bar:
    ...     bar.update(4)
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

T = TypeVar("T")


def in_notebook() -> bool:
    """Whether this runs in a Jupyter (IPython) kernel."""
    shell = sys.modules.get("IPython")
    get = getattr(shell, "get_ipython", None)
    try:
        return get is not None and get() is not None and "IPKernelApp" in get().config
    except Exception:  # an IPython too old or too odd to ask: treat as a plain terminal
        return False


def showing(show: bool | None, total: int | None, stream: TextIO | None = None, min_total: int = 2) -> bool:
    """Whether a bar for ``total`` items is drawn (see the module docstring)."""
    if show is False or (total is not None and total < min_total):
        return False
    if show:
        return True
    out = stream or sys.stderr
    return in_notebook() or bool(getattr(out, "isatty", lambda: False)())


class _NoBar:
    """What :func:`progress_bar` hands out when no bar is drawn: tqdm's few methods used
    here, without importing tqdm (tens of milliseconds a run) for a bar nobody sees."""

    def update(self, n: int = 1) -> None:
        pass

    @staticmethod
    def write(text: str, file: TextIO | None = None) -> None:
        print(text, file=file or sys.stdout)

    def close(self) -> None:
        pass


def _tqdm(show: bool, total: int | None, label: str, stream: TextIO | None) -> Any:
    if not show:
        return _NoBar()
    if stream is None and in_notebook():
        with warnings.catch_warnings():  # tqdm warns when ipywidgets is missing, then falls back to text
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm
    else:
        from tqdm import tqdm
    out = stream or sys.stderr
    return tqdm(total=total, desc=label, file=out, leave=True, unit="", **_screen(out))


def _screen(out: TextIO) -> dict[str, int]:
    """Nothing (tqdm asks the terminal) unless the terminal reports a size of 0, as a fresh
    pseudo-terminal does, where tqdm would draw nothing: then 80 × 24."""
    try:
        size = os.get_terminal_size(out.fileno())
    except (AttributeError, OSError, ValueError):
        return {}
    return {} if size.columns > 0 and size.lines > 0 else {"ncols": 80, "nrows": 24}


def progress(items: Iterable[T], total: int | None = None, label: str = "", stream: TextIO | None = None,
             min_total: int = 2, show: bool | None = None) -> Iterator[T]:
    """Yield ``items`` while a bar counts them (``label`` names what is counted)."""
    with progress_bar(total, label, show=show, stream=stream, min_total=min_total) as bar:
        for item in items:
            yield item
            bar.update(1)


@contextmanager
def progress_bar(total: int | None, label: str = "", *, show: bool | None = None, stream: TextIO | None = None,
                 min_total: int = 2) -> Iterator[Any]:
    """A bar to advance by hand (``bar.update(n)``), closed on leaving the block."""
    bar = _tqdm(showing(show, total, stream, min_total), total, label, stream)
    try:
        yield bar
    finally:
        bar.close()
