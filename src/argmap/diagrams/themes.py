"""Colour and line themes for argument diagrams.

Every distinction a diagram makes is carried by at least two cues, so it survives greyscale
printing and colour-blind readers: pro vs con by colour *and* outline (critiques get
diagonal corners), supports vs attacks by colour *and* line style and arrowhead, defeated
statements by dimming *and* a written status line.

Example:
    >>> get_theme("print").attack_color
    '#000000'
    >>> sorted(THEMES)
    ['default', 'greyscale', 'print']
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import ArgmapError


@dataclass(frozen=True)
class Theme:
    """The look of a diagram. Colours are ``#rrggbb``; make your own with
    ``dataclasses.replace(get_theme("default"), fontname="Helvetica")``."""

    name: str
    fontname: str = "DejaVu Sans,Helvetica,Arial,sans-serif"
    fontsize: float = 11.0
    wrap_width: int = 34  # characters per label line
    max_lines: int = 9  # longer labels end in "…"; the full text is in the tooltip
    ink: str = "#1A1A1A"
    muted_ink: str = "#8A8A8A"  # text of defeated (OUT) statements
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


THEMES: dict[str, Theme] = {
    "default": Theme(name="default"),
    # For printing and photocopies: no hue at all, the second cues do the work.
    "print": Theme(
        name="print", fontname="DejaVu Serif,Times,serif", topic_fill="#E6E6E6", topic_line="#000000",
        pro_fill="#FFFFFF", pro_line="#000000", con_fill="#E0E0E0", con_line="#000000",
        out_fill="#FFFFFF", out_line="#A0A0A0", undec_line="#000000",
        support_color="#000000", attack_color="#000000", legend_line="#808080",
    ),
}
THEMES["greyscale"] = THEMES["print"]


def get_theme(theme: str | Theme) -> Theme:
    """A theme by name (or a :class:`Theme` as it is); unknown names are an error."""
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        names = ", ".join(sorted(THEMES))
        raise ArgmapError(f"unknown theme {theme!r} (available: {names})") from None
