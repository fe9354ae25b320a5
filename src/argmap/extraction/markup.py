"""Wiki markup read as the page it renders: the text the layout and the cue reading see.

An encyclopedia article is often saved as its MediaWiki source: ``== Criticism ==`` and
``=== Cost ===`` headings, ``'''bold'''`` and ``''italic''`` quotes, ``[[target|shown text]]``
links, ``<ref>{{cite news |title=…}}</ref>`` footnotes, ``{{citation needed}}`` templates and
``&nbsp;`` entities. :func:`reading_text` gives a copy of the same length in which the markup
that a reader never sees is blanked (spaces, newlines kept) and the headings are written the
Markdown way (``## Criticism``), so every offset indexes both texts: statements are read in
the copy and their spans cut from the original, markup and all.

Pure string work on the whole text, done only when the text shows wiki markup.

Example:
    >>> text = "== Cost ==\\nThe '''Alliance''' warns that it costs too much.<ref>{{cite web |title=X}}</ref>"
    >>> reading = reading_text(text)
    >>> len(reading) == len(text), reading.split("\\n")[0].rstrip(), " ".join(reading.split()[2:6])
    (True, '## Cost', 'The Alliance warns that')
    >>> reading_text("Plain prose, nothing to hide.") == "Plain prose, nothing to hide."
    True
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(={1,6})([^=\n][^\n]*?)(={1,6})[ \t]*$", re.M)
_REF = re.compile(r"<ref\b[^<>]*/>|<ref\b[^<>]*>.*?</ref\s*>", re.S | re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")
_HIDDEN_LINK = re.compile(r"\[\[(?:File|Image|Category):[^\[\]]*\]\]", re.I)
_LINK_TARGET = re.compile(r"\[\[[^\[\]|\n]*\|")
_LINK_MARK = re.compile(r"\[\[|\]\]")
_EXTERNAL = re.compile(r"\[(?:https?:)?//[^\s\]]+[ ]?([^\]\n]*)\]")
_QUOTES = re.compile(r"'{2,5}")
_ENTITY = re.compile(r"&(nbsp|amp|ndash|mdash|quot|lt|gt|#\d{1,5});")
_LIST = re.compile(r"^([#:;]+)(?=[ \t])", re.M)
INDENT_BULLET = "–"  # the layout reads it as a bullet even with no space after it (a talk page's reply)
# a talk page's replies: "::Reply" indented by colons with no space, read as nested "-" items
_INDENT = re.compile(r"^(:{1,6})(?=[^\s:])", re.M)
# a signature ("[[User:Ann|Ann]] ([[User talk:Ann|talk]]) 09:14, 3 March 2024 (UTC)") signs a
# comment and says nothing in it
_SIGNATURE = re.compile(r"\[\[User:[^\[\]\n]*\]\][^\n]*?\(UTC\)", re.I)
# a bold vote opening a list item ("*'''Oppose'''.", ":'''Strong support''' per nom"): a label
_BOLD_LABEL = re.compile(r"^([:*#]+[ \t]*)'''([A-Za-z][\w -]{0,30}[\w])'''[ \t]*([.,:;–—-]?)", re.M)
_ENTITIES = {"nbsp": " ", "amp": "&", "ndash": "–", "mdash": "—", "quot": '"', "lt": "<", "gt": ">"}
# markup a text shows; two kinds of it, or one heading, make it wiki source
_SIGNS = ("'''", "[[", "{{", "<ref")


def is_wiki(text: str) -> bool:
    """Whether ``text`` is MediaWiki source: a ``== Heading ==`` line, or two kinds of markup."""
    shown = sum(1 for sign in _SIGNS if sign in text)
    if shown >= 2:
        return True
    return ("==" in text or shown == 1) and _HEADING.search(text) is not None


def _blank(chars: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "


def reading_text(text: str) -> str:
    """``text`` with its wiki markup blanked and its headings in Markdown form (same length);
    ``text`` itself when it is no wiki source."""
    if not is_wiki(text):
        return text
    chars = list(text)
    for pattern in (_COMMENT, _REF, _HIDDEN_LINK, _SIGNATURE):
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
    # templates nest ("{{cite web |date={{date|2023}}}}"): blank the innermost until none is left
    current = "".join(chars)
    while (found := list(_TEMPLATE.finditer(current))):
        for m in found:
            _blank(chars, m.start(), m.end())
        current = "".join(chars)
    for m in _TAG.finditer(current):
        _blank(chars, m.start(), m.end())
    for pattern in (_LINK_TARGET, _LINK_MARK, _QUOTES):
        for m in pattern.finditer(current):
            _blank(chars, m.start(), m.end())
    for m in _BOLD_LABEL.finditer(current):
        # the vote reads as a label ("Oppose:"), whatever punctuation the voter put after it
        _blank(chars, m.end(2), m.end())
        chars[m.end(2)] = ":"
    for m in _EXTERNAL.finditer(current):
        _blank(chars, m.start(), m.start(1))  # "[http://x.org shown text]": only the words are read
        _blank(chars, m.end() - 1, m.end())
    for m in _ENTITY.finditer(current):
        _blank(chars, m.start(), m.end())
        chars[m.start()] = _ENTITIES.get(m.group(1), " ")
    for m in _HEADING.finditer(current):
        level = min(len(m.group(1)), len(m.group(3)))
        chars[m.start() : m.start() + len(m.group(1))] = "#" * level + " " * (len(m.group(1)) - level)
        _blank(chars, m.start(3), m.end(3))
    for m in _LIST.finditer(current):
        # "# item" / "## item" numbered wiki lists become "- item" bullets, nested by indentation
        chars[m.start() : m.end()] = " " * (m.end() - m.start() - 1) + ("-" if "#" in m.group(1) else " ")
    for m in _INDENT.finditer(current):
        # a colon per level: the last one becomes the bullet (one the layout reads without a
        # space after it), the others its indentation
        chars[m.start() : m.end()] = " " * (m.end() - m.start() - 1) + INDENT_BULLET
    return "".join(chars)
