"""Escaping: text made safe for DOT, Graphviz HTML-like labels, SVG, element ids and file names.

Every string that reaches Graphviz passes through :func:`clean` first: characters XML
cannot carry (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF) are dropped and all white
space (newlines included) collapses to single spaces, so no label can break the DOT syntax
or the SVG's well-formedness, and bidi embedding, override and isolate controls become
``�`` (:func:`argmap.text.neutral_bidi`), so a label reads in the order it is stored. Then it
is escaped for where it goes.

Example:
    >>> label_text(clean('Critics <b>"warn"</b> & more'))
    'Critics &lt;b&gt;&quot;warn&quot;&lt;/b&gt; &amp; more'
    >>> svg_id("n 1")
    'arg-n_20_1'
"""

from __future__ import annotations

import re
import unicodedata

from argmap.text import neutral_bidi

# XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and surrogates; C1 controls are legal but
# invisible junk in a diagram. Tabs, newlines and carriage returns become spaces via split().
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SAFE_ID_CHAR = re.compile(r"[A-Za-z0-9-]")


def clean(text: str | None) -> str:
    """``text`` with uncarriable characters removed and white space collapsed.

    Example:
        >>> clean("a\\x00b\\n\\n  c\\ud800")
        'ab c'
    """
    if not text:
        return ""
    return neutral_bidi(" ".join(_UNCARRIABLE.sub("", text).split()))


def xml_escape(text: str) -> str:
    """The five XML specials as entity references (``text`` must already be :func:`clean`)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def html_text(text: str) -> str:
    """Cleaned and XML-escaped text, for HTML and SVG written by argmap itself."""
    return xml_escape(clean(text))


def label_text(text: str) -> str:
    r"""Escape already cleaned text for a Graphviz HTML-like label.

    Graphviz reads such labels as XML, so the XML specials become entity references; then
    it still expands escapes like ``\N`` (the node's name) in the parsed text, so every
    backslash is doubled to stay a backslash. Square brackets become character references
    too: Graphviz 2.43 rejects an HTML-like label that starts with ``]``.

    Example:
        >>> label_text('a <b> & \\N')
        'a &lt;b&gt; &amp; \\\\N'
    """
    return xml_escape(text).replace("\\", "\\\\").replace("[", "&#91;").replace("]", "&#93;")


def tooltip_text(text: str) -> str:
    r"""Cleaned text for a DOT escString attribute such as ``tooltip``, before quoting.

    ``&`` becomes ``&amp;`` because Graphviz copies entity-like sequences into SVG attributes
    untouched: without it, a statement containing "&lt;" would show as "<". Backslashes
    (``\N``, ``\l``... would otherwise be expanded) and quotes are escaped by the quoting
    of every value (:func:`argmap.diagrams.dot.quote`).

    Example:
        >>> tooltip_text('say "hi"\n &lt;')
        'say "hi" &amp;lt;'
    """
    return clean(text).replace("&", "&amp;")


def encode_id(map_id: str) -> str:
    """An injective encoding of any id into ``[A-Za-z0-9_-]``: other characters (and ``_``
    itself) become ``_<hex code point>_``."""
    return "".join(c if _SAFE_ID_CHAR.fullmatch(c) else f"_{ord(c):x}_" for c in map_id)


def svg_id(map_id: str, id_prefix: str = "") -> str:
    """The SVG element id of a topic or statement: ``id_prefix + "arg-" + encode_id(map_id)``.

    ``encode_id`` keeps ASCII letters, digits and ``-``; every other character, ``_``
    included, becomes ``_`` + its code point in lower-case hex + ``_``. The result is a valid
    XML/HTML id (it starts with a letter when ``id_prefix`` is empty or starts with one)
    and distinct ids never collide.

    Example:
        >>> svg_id("T1", "essay-")
        'essay-arg-T1'
        >>> svg_id("n_1/é")
        'arg-n_5f_1_2f__e9_'
    """
    return f"{id_prefix}arg-{encode_id(map_id)}"


def slug(text: str, limit: int = 48) -> str:
    """A file-name-safe fragment: ASCII letters, digits and single hyphens, lower case.

    Example:
        >>> slug("Myth: Tolls are a tax on the poor!")
        'myth-tolls-are-a-tax-on-the-poor'
        >>> slug("../../etc")
        'etc'
    """
    ascii_text = unicodedata.normalize("NFKD", clean(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
