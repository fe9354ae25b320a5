"""SVG post-processing: readable ``<title>`` and ``<desc>`` for the diagram and its parts.

Graphviz titles each group with its internal DOT name (``n3``, ``n3->n1``); screen readers
and browser tooltips show that title, so it is replaced by the statement itself and a
``<desc>`` is added. The groups are found by the ids argmap gave them, which are plain
``[A-Za-z0-9_-]`` strings, and all inserted text is XML-escaped: the result stays valid XML.

Example:
    >>> svg = b'<svg width="1pt">\\n<g id="g" class="graph">\\n<title>G</title>\\n</g></svg>'
    >>> print(add_accessibility(svg, {"g": ("Bikes & lanes", "A <topic>")}).decode())
    <svg width="1pt">
    <title>Bikes &amp; lanes</title>
    <desc>A &lt;topic&gt;</desc>
    <g id="g" class="graph">
    <title>Bikes &amp; lanes</title>
    <desc>A &lt;topic&gt;</desc>
    </g></svg>
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from argmap.diagrams.escaping import clean, xml_escape

# Graphviz writes "-" in ids as "&#45;"; argmap's ids hold nothing else that needs escaping.
_GROUP = re.compile(rb'(<g id="([A-Za-z0-9_&#;-]+)" class="(?:graph|cluster|node|edge)"[^>]*>\n)<title>[^<]*</title>')
_ROOT = re.compile(rb"<svg\b[^>]*>")


def _title_desc(title: str, desc: str) -> bytes:
    return (f"<title>{xml_escape(clean(title))}</title>\n"
            f"<desc>{xml_escape(clean(desc))}</desc>").encode("utf-8")


def _id(m: re.Match[bytes]) -> str:
    return html.unescape(m.group(2).decode("ascii"))


def add_accessibility(svg: bytes, accessible: Mapping[str, tuple[str, str]]) -> bytes:
    """Replace Graphviz's group titles by ``accessible[id]`` = (title, description) and give
    the document itself the graph's title and description (the first group is the graph)."""

    def group(m: re.Match[bytes]) -> bytes:
        texts = accessible.get(_id(m))
        return m.group(0) if texts is None else m.group(1) + _title_desc(*texts)

    out = _GROUP.sub(group, svg)
    first = _GROUP.search(svg)
    root = _ROOT.search(out)
    if first is not None and root is not None and _id(first) in accessible:
        doc = _title_desc(*accessible[_id(first)])
        out = out[: root.end()] + b"\n" + doc + out[root.end():]
    return out


def inline_svg(svg: bytes) -> str:
    """An SVG document as text to embed in HTML: the XML declaration, DOCTYPE and
    Graphviz's leading comments dropped, everything from ``<svg`` on kept.

    Example:
        >>> inline_svg(b'<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<!-- x -->\\n<svg width="1pt"></svg>\\n')
        '<svg width="1pt"></svg>\\n'
    """
    root = _ROOT.search(svg)
    return svg[root.start() if root else 0:].decode("utf-8")
