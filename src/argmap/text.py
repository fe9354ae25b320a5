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


# C0 controls other than tab, newline and carriage return as their Unicode "control
# pictures" (U+2400…): visible, and carriable by XML and any terminal; the two
# noncharacters XML forbids and lone surrogates as U+FFFD.
_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_CONTROL_PICTURES |= {0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD} | {c: 0xFFFD for c in range(0xD800, 0xE000)}

#: The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
#: which can make a shown text read in another order than it is stored.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_NEUTRAL = {ord(c): 0xFFFD for c in BIDI_CONTROLS}


_CONTROL_PICTURES_BUT_SPACE = {c: p for c, p in _CONTROL_PICTURES.items() if not chr(c).isspace()}


def visible_controls(text: str, *, spaces: bool = True) -> str:
    """``text`` with control characters shown as their control pictures (form feed ``␌``,
    escape ``␛``), and lone surrogates and U+FFFE/U+FFFF as ``�``: what an XML document or
    a terminal can carry. With ``spaces=False`` the controls Python counts as white space
    (vertical tab, form feed, U+001C–U+001F), harmless outside XML, stay. Same length, so
    offsets into ``text`` still hold.

    Example:
        >>> visible_controls("a\\x0cb\\x1b[31m\\ud800\\tc")
        'a␌b␛[31m�\\tc'
        >>> visible_controls("a\\x0cb\\x1b", spaces=False)
        'a\\x0cb␛'
    """
    return text.translate(_CONTROL_PICTURES if spaces else _CONTROL_PICTURES_BUT_SPACE)


def neutral_bidi(text: str) -> str:
    """``text`` with every bidi embedding, override or isolate control replaced by ``�``, so
    that what is shown reads in the order it is stored (same length: offsets still hold).

    Example:
        >>> neutral_bidi("pay \\u202eevil")
        'pay �evil'
    """
    return text.translate(_BIDI_NEUTRAL)
