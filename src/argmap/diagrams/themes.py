"""Colour, type and line themes for argument diagrams.

Every distinction a diagram makes is carried by at least two cues, so it survives greyscale
printing and colour-blind readers: pro vs con by colour *and* outline (critiques get
diagonal corners), supports vs attacks by colour *and* line style and arrowhead, defeated
statements by dimming *and* a written status line.

Example:
    >>> get_theme("print").attack_color
    '#000000'
    >>> sorted(THEMES)
    ['default', 'greyscale', 'print', 'projector']
    >>> get_theme("default", font_size=14).header_size
    13.0
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from argmap.errors import ArgmapError


@dataclass(frozen=True)
class Theme:
    """The look of a diagram. Colours are ``#rrggbb``; sizes are points. Make your own with
    ``dataclasses.replace(get_theme("default"), fontname="Helvetica")``."""

    name: str
    fontname: str = "DejaVu Sans,Helvetica,Arial,sans-serif"
    fontsize: float = 11.0
    wrap_width: int = 34  # characters per label line
    max_lines: int = 9  # longer labels end in "…"; the full text is in the tooltip
    ink: str = "#1A1A1A"
    muted_ink: str = "#6B6B6B"  # kind headers, defeated statements' text (4.5:1 on the fills)
    topic_fill: str = "#EFEFEF"
    topic_line: str = "#1A1A1A"
    pro_fill: str = "#DCEAF5"  # light Okabe–Ito blue
    pro_line: str = "#0072B2"  # Okabe–Ito blue
    con_fill: str = "#FBE3D3"  # light Okabe–Ito vermillion
    con_line: str = "#D55E00"  # Okabe–Ito vermillion
    out_fill: str = "#F4F4F4"
    out_line: str = "#B0B0B0"
    undec_line: str = "#E69F00"  # Okabe–Ito orange
    support_color: str = "#0072B2"
    attack_color: str = "#D55E00"
    legend_line: str = "#9A9A9A"
    line_width: float = 1.2  # box outlines
    edge_width: float = 1.4

    @property
    def header_size(self) -> float:
        """Point size of the kind/status header and the legend: one point under the text,
        never below 9 pt."""
        return max(9.0, self.fontsize - 1)


THEMES: dict[str, Theme] = {
    "default": Theme(name="default"),
    # For printing and photocopies: no hue at all, the second cues do the work.
    "print": Theme(
        name="print", fontname="DejaVu Serif,Times,serif", topic_fill="#E6E6E6", topic_line="#000000",
        pro_fill="#FFFFFF", pro_line="#000000", con_fill="#E0E0E0", con_line="#000000",
        out_fill="#FFFFFF", out_line="#A0A0A0", undec_line="#000000",
        support_color="#000000", attack_color="#000000", legend_line="#808080",
    ),
    # For a classroom projector: large type, short lines, black text, strong fills and thick lines.
    "projector": Theme(
        name="projector", fontsize=20.0, wrap_width=26, max_lines=7, ink="#000000", muted_ink="#3D3D3D",
        topic_fill="#FFFFFF", topic_line="#000000", pro_fill="#C6DDF0", pro_line="#005A8C",
        con_fill="#F8CDB0", con_line="#B34700", out_fill="#E6E6E6", out_line="#6E6E6E", undec_line="#B87A00",
        support_color="#005A8C", attack_color="#B34700", legend_line="#3D3D3D", line_width=2.4, edge_width=3.0,
    ),
}
THEMES["greyscale"] = THEMES["print"]


def get_theme(theme: str | Theme, *, font_size: float | None = None) -> Theme:
    """A theme by name (or a :class:`Theme` as it is), with its base ``font_size`` replaced
    when one is given (headers and the legend follow it); unknown names are an error."""
    if not isinstance(theme, Theme):
        try:
            theme = THEMES[theme]
        except (KeyError, TypeError):
            names = ", ".join(sorted(THEMES))
            raise ArgmapError(f"unknown theme {theme!r} (available: {names})") from None
    if font_size is None:
        return theme
    if not 4 <= font_size <= 96:
        raise ArgmapError(f"font size {font_size:g} is out of range (4 to 96 points)")
    return dataclasses.replace(theme, fontsize=float(font_size))
