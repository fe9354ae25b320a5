"""Small text helpers shared by messages, diagrams and reports (pure Python, no imports).

Example:
    >>> shorten("Tolls   cut\\ntraffic in the centre.", 16)
    'Tolls cut traff…'
"""

from __future__ import annotations

ELLIPSIS = "…"


def shorten(text: str | None, width: int = 60) -> str:
    """``text`` with white space collapsed, cut to at most ``width`` characters; a cut text
    ends in "…" (trailing white space before it dropped).

    Example:
        >>> shorten("They hit the poor hardest.", 14)
        'They hit the…'
        >>> shorten(None), shorten("short", 10)
        ('', 'short')
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    return flat[: width - 1].rstrip() + ELLIPSIS
