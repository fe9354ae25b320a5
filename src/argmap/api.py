"""What users do with argmap, one function each: the verbs ``import argmap`` offers.

Each verb imports the module doing the work on first call, so ``import argmap`` stays light.
They are reached as ``argmap.extract``, ``argmap.load`` … (see :mod:`argmap`).

Example:
    >>> import argmap
    >>> amap = argmap.ArgumentMap()
    >>> k = amap.add_critique(amap.add_topic("Road tolls"), "They hit the poor hardest.")
    >>> argmap.check(amap, select=["AM301"])[0].message
    'critique \\'n1\\' ("They hit the poor hardest.") stands unanswered: nothing answers it'
    >>> argmap.solve(amap)
    [frozenset({'n1'})]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import InputError
from argmap.text import shorten

if TYPE_CHECKING:
    from spacy.language import Language

    from argmap.checks import Findings
    from argmap.model import ArgumentMap
    from argmap.semantics import Extension, Framework

PathLike = str | os.PathLike[str]


def extract(paths: PathLike | Sequence[PathLike] | None = None, *, text: str | None = None,
            nlp: Language | None = None) -> ArgumentMap:
    """The argument map of a file, of several files (one document each), or of ``text=``.

    A path is always a path: one that does not exist is an :class:`~argmap.errors.InputError`
    (``essay.txt: no such file``), never read as text; so is a map JSON (read it with
    :func:`load`). Give text as ``text=`` or use :func:`extract_text`.

    Example:
        >>> import argmap
        >>> argmap.extract("examples/road-pricng.txt")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: examples/road-pricng.txt: no such file
        >>> [n.kind for n in argmap.extract(text="Critics warn that tolls hurt. Supporters reply that rebates help.").nodes]
        ['critique', 'rebuttal']
    """
    if text is not None:
        if paths is not None:
            raise TypeError("extract() takes paths or text=, not both")
        return extract_text(text, nlp=nlp)
    if paths is None:
        raise TypeError("extract() needs a path, a list of paths, or text=")
    names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for name in names:
        if not isinstance(name, (str, os.PathLike)):
            raise TypeError(f"extract() takes paths (str or os.PathLike), not {type(name).__name__}")
    if not names:
        raise ValueError("extract() got an empty list of paths")
    for name in names:
        _require_file(name)
    from argmap.extraction import extract_files

    return extract_files(names, nlp=nlp)


def _require_file(path: PathLike) -> None:
    name = os.fspath(path)
    if os.path.isfile(name):
        from argmap.io import looks_like_json

        with open(name, "rb") as fh:
            if looks_like_json(fh.read(4096)) and name.lower().endswith(".json"):
                raise InputError(name, "is a map JSON, not a text to extract (read it with argmap.load)")
        return
    if "\n" in name or len(name) > 255:
        raise InputError(shorten(name, 40), "no such file (to extract a text, use argmap.extract(text=...) "
                                            "or argmap.extract_text(...))")
    raise InputError(name, "is a directory, not a file" if os.path.isdir(name) else "no such file")


def extract_text(text: str, *, source: str | None = None, nlp: Language | None = None) -> ArgumentMap:
    """The argument map of one text; ``source`` is recorded as where it came from.

    Example:
        >>> import argmap
        >>> argmap.extract_text("Critics warn that the tax is regressive.").nodes[0].kind
        'critique'
    """
    from argmap.extraction import extract_text as _extract_text

    return _extract_text(text, source=source, nlp=nlp)


def load(path: PathLike, format: str | None = None) -> ArgumentMap:
    """Read a map from a file of any readable format (``format`` by name, else told by the
    file: argmap/1 JSON, Argdown, AIF, Kialo, microtext XML, GraphML, node-link JSON; see
    :mod:`argmap.formats`); any problem is an :class:`~argmap.errors.InputError` naming the file.

    Example:
        >>> import argmap, os, tempfile
        >>> p = os.path.join(tempfile.mkdtemp(), "m.argdown")
        >>> _ = open(p, "w").write("# Tolls\\n\\n[a]: Tolls cut traffic.\\n")
        >>> [n.kind for n in argmap.load(p).nodes]
        ['claim']
    """
    from argmap.formats import read

    return read(path, format)


def save(amap: ArgumentMap, path: PathLike, format: str | None = None) -> None:
    """Write ``amap`` atomically, as ``argmap/1`` JSON unless ``format`` or the file's ending
    names another writable format (:func:`argmap.formats.writable`). A map changed into one
    :func:`load` would refuse is refused here with the same message, and nothing is written.

    Example:
        >>> import argmap, os, tempfile
        >>> m = argmap.ArgumentMap()
        >>> m.nodes.append(argmap.Node(id="n1", kind="claim", topic="nope", text="x"))
        >>> argmap.save(m, os.path.join(tempfile.mkdtemp(), "m.json"))
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: .../m.json: invalid map: node 'n1': topic 'nope' does not exist
    """
    from argmap.formats import format_for_path, write
    from argmap.io import save_map

    chosen = format or format_for_path(path) or "json"
    if chosen == "json":
        save_map(amap, path)
    else:
        write(amap, path, chosen)


def check(amap: ArgumentMap, *, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None) -> Findings:
    """The consistency findings of a map (a list; a table in Jupyter); see
    :func:`argmap.checks.run_checks` and docs/checks.md."""
    from argmap.checks import run_checks

    return run_checks(amap, select=select, ignore=ignore)


def solve(amap: ArgumentMap | Framework, semantics: str = "grounded", **limits: Any) -> list[Extension]:
    """The extensions of a map's (or a framework's) Dung framework under ``semantics``
    (``grounded``, ``complete``, ``preferred``, ``stable``, ``semi-stable`` or ``ideal``);
    ``limit`` / ``time_limit`` / ``memory_limit`` bound the search. See
    :func:`argmap.semantics.extensions` (and its neighbours for acceptance and counts)."""
    from argmap.semantics import extensions

    return extensions(amap, semantics, **limits)


def render(amap: ArgumentMap, fmt: str = "svg", **options: Any) -> dict[str, bytes]:
    """Topic id → its diagram (``svg``, ``png``, ``pdf`` or ``dot``); see
    :func:`argmap.diagrams.render_topics` for the options."""
    from argmap.diagrams import render_topics

    return render_topics(amap, fmt=fmt, **options)


def report(amap: ArgumentMap, out_dir: PathLike, **options: Any) -> Path:
    """Write the HTML report of a map into ``out_dir`` and return the page's path; see
    :func:`argmap.reports.make_report` for the options."""
    from argmap.reports import make_report

    return make_report(amap, out_dir, **options)
