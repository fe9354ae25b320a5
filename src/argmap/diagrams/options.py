"""The options every diagram takes, with their defaults defined once.

CLI, report and notebook all pass these through, so a diagram looks the same wherever it
is drawn. The defaults: ``theme="default"``, ``status=True`` (grounded status drawn:
defeated statements dimmed, undecided ones dashed — ``status=False`` draws none),
``legend=True``, the theme's font size, no extra Graphviz attributes.

Example:
    >>> o = DiagramOptions(theme="projector", status=False, graph_attr={"rankdir": "LR", "node.fontsize": 24,
    ...                                                                 "edge.penwidth": 2})
    >>> o.sections()
    {'graph': {'rankdir': 'LR'}, 'node': {'fontsize': '24'}, 'edge': {'penwidth': '2'}}
    >>> DiagramOptions.of({"labeling": {}})
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: unknown diagram option 'labeling' (options: theme, status, legend, font_size, graph_attr, id_prefix, allow_links)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from argmap.diagrams.themes import Theme, get_theme
from argmap.errors import ArgmapError
from argmap.text import shorten

#: An explicit status per id: ``"IN"``, ``"OUT"`` or ``"UNDEC"`` (or enums with those names).
Labelling = Mapping[str, Any]
STATUSES = ("IN", "OUT", "UNDEC")
SECTIONS = ("graph", "node", "edge")
_ATTR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ID_PREFIX = re.compile(r"[A-Za-z0-9_-]*")
# Graphviz attributes that make SVG links or load files and style sheets
_LINK_ATTR = re.compile(r"(?:edge|head|tail|label)?(?:href|url|target)|stylesheet|image(?:path)?|shapefile|fontpath",
                        re.IGNORECASE)
_URL_VALUE = re.compile(r"\s*(?:(?:java|vb)script|data|https?|s?ftp|file|blob|mailto)\s*:|\s*//", re.IGNORECASE)


@dataclass(frozen=True)
class DiagramOptions:
    """How to draw diagrams; every drawing function takes these as keyword arguments.

    - ``theme``: a :class:`Theme` or the name of one in :data:`argmap.diagrams.THEMES`.
    - ``status``: ``True`` draws the grounded labelling (computed with
      :func:`argmap.semantics.grounded_labelling`), ``False`` none; a mapping
      id → ``IN``/``OUT``/``UNDEC`` draws that labelling instead.
    - ``legend``: a compact legend under the diagram, never wider than it.
    - ``font_size``: base point size in place of the theme's (headers and legend follow).
    - ``graph_attr``: Graphviz attributes applied last. A plain name is a graph attribute
      (``rankdir``); ``node.NAME``, ``edge.NAME`` and ``graph.NAME`` say where it goes
      (``node.fontsize``); ``node.*``/``edge.*`` win over argmap's own look of each box and
      line. Values are quoted and escaped.
    - ``id_prefix``: prepended to every SVG element id; a function of the topic id gives
      each topic's diagram its own prefix (several diagrams on one page).
    - ``allow_links``: let ``graph_attr`` hold links (``href``, ``URL``, ``target`` and
      their ``edge``/``head``/``tail``/``label`` forms, ``stylesheet``, ``image``…) and URL
      values (``javascript:``, ``data:``, ``http:``…); off, they are refused, so a diagram
      from a shared command line cannot link or load anything.
    """

    theme: str | Theme = "default"
    status: bool | Labelling = True
    legend: bool = True
    font_size: float | None = None
    graph_attr: Mapping[str, object] | None = None
    id_prefix: str | Callable[[str], str] = ""
    allow_links: bool = False

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> DiagramOptions:
        """Options from keyword arguments, refusing unknown names with the list of known ones."""
        names = [f.name for f in fields(cls)]
        for key in options:
            if key not in names:
                raise ArgmapError(f"unknown diagram option {key!r} (options: {', '.join(names)})")
        return cls(**options)

    def resolved_theme(self) -> Theme:
        return get_theme(self.theme, font_size=self.font_size)

    def labelling(self, amap: Any) -> dict[str, str] | None:
        """id → IN/OUT/UNDEC to draw, or None for no status marks."""
        if self.status is False or self.status is None:
            return None
        if self.status is True:
            raw: Labelling = amap.index.grounded  # computed once per map and kept with its index
        elif isinstance(self.status, Mapping):
            raw = self.status
        else:
            raise ArgmapError(f"status must be True, False or a mapping of ids to IN/OUT/UNDEC, not {self.status!r}")
        return {item_id: status_name(item_id, value) for item_id, value in raw.items()}

    def prefix(self, topic_id: str | None) -> str:
        """The SVG id prefix of the diagram of ``topic_id`` (None: the overview)."""
        prefix = self.id_prefix if isinstance(self.id_prefix, str) else self.id_prefix(topic_id or "")
        if not isinstance(prefix, str) or not _ID_PREFIX.fullmatch(prefix):
            raise ArgmapError(f"id_prefix {prefix!r} may only hold ASCII letters, digits, '-' and '_'")
        return prefix

    def sections(self) -> dict[str, dict[str, str]]:
        """``graph_attr`` sorted into graph, node and edge attributes (names checked)."""
        out: dict[str, dict[str, str]] = {s: {} for s in SECTIONS}
        for key, value in (self.graph_attr or {}).items():
            section, dot, name = str(key).rpartition(".")
            section = section if dot else "graph"
            if section not in SECTIONS or not _ATTR_NAME.fullmatch(name) or not isinstance(key, str):
                raise ArgmapError(f"graph attribute name {key!r} is not a Graphviz attribute name "
                                  "(NAME, or node.NAME / edge.NAME / graph.NAME)")
            if isinstance(value, Mapping):
                raise ArgmapError(f"graph attribute {key!r} needs a single value; name node and edge "
                                  "attributes node.NAME and edge.NAME")
            text = format(value, "g") if isinstance(value, float) else str(value)
            if not self.allow_links and (_LINK_ATTR.fullmatch(name) or _URL_VALUE.match(text)):
                raise ArgmapError(f"graph attribute {key}={shorten(text, 40)!r} is a link or URL, refused in "
                                  "diagrams unless links are allowed (--allow-links, allow_links=True)")
            out[section][name] = text
        return out


def status_name(item_id: str, value: Any) -> str:
    """``IN``/``OUT``/``UNDEC`` from a string (any case), a str enum or an enum with those names."""
    status = (value if isinstance(value, str) else getattr(value, "name", str(value))).upper()
    if status not in STATUSES:
        raise ArgmapError(f"labelling of {item_id!r} is {value!r}; expected IN, OUT or UNDEC")
    return status
