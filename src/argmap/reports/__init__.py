"""The HTML debate report: highlighted texts, per-topic diagrams and pro/contra tables,
findings and a summary, in one self-contained page — or, for more than
:data:`PAGES_FROM` documents, an index page plus one self-contained page per document.

:func:`build_report` / :func:`build_pages` turn a map plus what was computed about it into
HTML; :func:`make_report` computes those parts with argmap's own modules and writes the pages.

Example:
    >>> from argmap.model import ArgumentMap, Topic
    >>> build_report(ArgumentMap(topics=[Topic(id="t1", title="Tolls")])).startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

from argmap.reports.html import PAGES_FROM, build_pages, build_report
from argmap.reports.make import diagram_legend, make_report, report_parts

__all__ = ["PAGES_FROM", "build_pages", "build_report", "diagram_legend", "make_report", "report_parts"]
