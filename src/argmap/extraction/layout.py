"""Stage 1: the layout of a text — title, headings, paragraphs, list items, inline labels,
inline bullets, Q/A and Myth/Fact pairs — grouped into *units*, each a candidate topic.

Pure string work with character offsets into the original text, so it runs on texts of any
length before spaCy sees them.

Example:
    >>> text = "Road Pricing\\n\\nDebates\\n\\nEquity\\n\\nCritics warn that tolls hurt the poor."
    >>> layout = parse_layout(text)
    >>> layout.title, [(u.topic_title, u.debate) for u in layout.units]
    ('Road Pricing', [('Equity', False)])
    >>> layout.units[0].context is not None      # a sub-heading under a debate heading
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.extraction.lexicon import Lexicon

Span = tuple[int, int]

_BULLET = re.compile(r"(?:[-–—•*·▪●◦‣]|\d{1,2}[.)])\s+")
_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[A-Z0-9“\"‘'(][^.!?:;\n*]{1,100}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s+(?=\S)"
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_RULE = re.compile(r"[=\-_*~]{3,}")
_INLINE_ITEM = re.compile(r"\s+[-–•]\s+(?=[A-Z“\"‘'(][^:.!?\n]{1,100}:\s)")
_TERMINAL = ".!?;,"
_EDIT_SUFFIX = re.compile(r"(?<=[a-z0-9)\]”\"’'])Edit$")
_MAX_LABEL_WORDS = 12


@dataclass
class Unit:
    """A stretch of text that may hold one debate (one topic).

    ``topic_title is None`` means the document's own topic (its title). ``debate`` is set
    under a debate heading or label; ``context`` names the debate heading a plain sub-heading
    follows — whether the unit really belongs to that debate is decided by its cues (a
    sub-heading without any argument ends the debate section). ``stance`` is the stance a
    heading such as "Benefits" or "Arguments against" gives to unmarked items.
    """

    topic_title: str | None
    topic_span: Span | None
    section: str | None
    body: list[Span] = field(default_factory=list)
    debate: bool = False
    stance: str | None = None
    context: int | None = None
    qa: list[tuple[str, Span]] = field(default_factory=list)


@dataclass
class Layout:
    """The parsed layout: the title (``None`` if the text has no title line) and its units."""

    title: str | None
    title_span: Span | None
    units: list[Unit]


def _content_lines(text: str) -> list[Span]:
    """Spans of the lines without surrounding white space; a blank line is ``(-1, -1)``."""
    spans, at = [], 0
    for line in text.split("\n"):
        stripped = line.strip().strip("\ufeff").strip()
        if stripped:
            start = at + line.index(stripped)
            spans.append((start, start + len(stripped)))
        else:
            spans.append((-1, -1))
        at += len(line) + 1
    return spans


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence.

    Example:
        >>> is_heading("Debates and controversies"), is_heading("Critics warn that it fails.")
        (True, False)
    """
    words = line.split()
    return (
        0 < len(words) <= 16
        and len(line) <= 120
        and line[-1] not in _TERMINAL
        and (line[0].isupper() or line[0].isdigit() or line[0] in "“\"‘'(")
    )


def _continues(text: str, lines: list[Span], i: int) -> bool:
    """True when line ``i`` (the next one) carries on a sentence: it follows without a blank
    line and starts in lower case, so the line before is a wrapped line, not a heading."""
    return i < len(lines) and lines[i][0] >= 0 and text[lines[i][0]].islower()


def _label(text: str, start: int, end: int) -> tuple[Span, int] | None:
    """``(label span, body start)`` when the block opens with a short "Label: " prefix."""
    m = _LABEL.match(text, start, end)
    if m is None or len(m.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    return (m.start("label"), m.end("label")), m.end()


class _Builder:
    """Walks the blocks of a text once, keeping the heading context, and emits units."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lex = lexicon
        self.units: list[Unit] = []
        self.heading: str | None = None
        self.heading_span: Span | None = None
        self.section: str | None = None
        self.debate = False
        self.stance: str | None = None
        self.context: int | None = None
        self.contexts = 0
        self._debate_heading: int | None = None
        self._section_stance: str | None = None
        self._debate_level: int | None = None
        # a stance heading passes its side to sub-headings only when it has no text of its
        # own before them ("Criticism" > "Cost", "Burnout"), not to whatever follows its items
        self._inheriting = False
        self.heading_unit: Unit | None = None
        self.qa_unit: Unit | None = None

    def _new_unit(self, title: str | None, span: Span | None, **kw: object) -> Unit:
        if self.debate:
            self._inheriting = False
        unit = Unit(topic_title=title, topic_span=span, section=self.section,
                    debate=self.debate, stance=self.stance, context=self.context, **kw)  # type: ignore[arg-type]
        self.units.append(unit)
        return unit

    def heading_line(self, start: int, end: int, level: int | None = None) -> None:
        """A heading; ``level`` is known for Markdown headings (``##`` → 2), where a heading
        no deeper than the debate heading ends that debate section."""
        title = self.text[start:end].rstrip(":").strip()
        if level is not None and self._debate_level is not None and level <= self._debate_level:
            self.debate, self.stance, self.context = False, None, None
        self.heading, self.heading_span = title, (start, start + len(title))
        self.heading_unit = self.qa_unit = None
        is_debate, stance, is_closing = self.lex.section_roles(title)
        if not is_debate and self.text[start:end].endswith(":"):
            # "Critics raise three objections:" introduces items spoken by that side
            first = title.split(maxsplit=1)[0] if title else ""
            actor_side = self.lex.actor_stance(first)
            if actor_side in ("pro", "con"):
                is_debate, stance = True, actor_side
        if not (self.context is not None or self.debate) or is_debate or is_closing:
            self.section = title
        if is_debate:
            self.contexts += 1
            self.debate, self.stance, self.context = True, stance, None
            self._debate_heading = self.contexts
            self._section_stance = stance
            self._debate_level = level
            self._inheriting = True
        elif is_closing:
            self.debate, self.stance, self.context = False, None, None
        elif self.debate or self.context is not None:
            # a plain heading inside a debate section: a sub-topic if its text argues, or
            # an item of a stance section ("Criticism" > "Cost")
            self.context = self.context if self.context is not None else self._debate_heading
            self.debate = False
            self.stance = self._section_stance if self._inheriting else None

    def prose(self, start: int, end: int) -> None:
        """A paragraph: inline bullets, a labelled paragraph, or plain prose."""
        self.qa_unit = None
        pieces = self._inline_items(start, end)
        if pieces:
            self._inline_bullets(pieces)
            return
        labelled = _label(self.text, start, end)
        if labelled:
            self._labelled(labelled[0], (labelled[1], end))
            return
        if self.heading_unit is None:
            title = self.heading
            self.heading_unit = self._new_unit(title, self.heading_span)
        self.heading_unit.body.append((start, end))

    def item(self, start: int, end: int) -> None:
        """A list item ("- …", "• …", "1. …")."""
        self.qa_unit = None
        labelled = _label(self.text, start, end)
        if labelled:
            self._labelled(labelled[0], (labelled[1], end))
        elif self.stance is not None or self.debate:
            self._new_unit(self.heading, self.heading_span, body=[(start, end)])
        else:
            self.prose(start, end)

    def qa_line(self, role: str, start: int, body_start: int, end: int) -> None:
        if role in ("question", "myth") or self.qa_unit is None:
            title = self.text[body_start:end]
            self.qa_unit = self._new_unit(title, (body_start, end))
        self.qa_unit.qa.append((role, (start, end)))

    def _labelled(self, label: Span, body: Span) -> None:
        title = self.text[label[0] : label[1]]
        is_debate, stance, _ = self.lex.section_roles(title)
        unit = self._new_unit(title, label, body=[body])
        if is_debate:
            unit.debate, unit.stance, unit.context = True, stance, None

    def _inline_items(self, start: int, end: int) -> list[Span]:
        cuts = [m for m in _INLINE_ITEM.finditer(self.text, start, end)]
        if not cuts:
            return []
        pieces, at = [], start
        for m in cuts:
            pieces.append((at, m.start()))
            at = m.end()
        pieces.append((at, end))
        return pieces

    def _inline_bullets(self, pieces: list[Span]) -> None:
        first_start, first_end = pieces[0]
        first = self.text[first_start:first_end]
        saved = (self.debate, self.stance, self.context)
        if is_heading(first):
            is_debate, stance, _ = self.lex.section_roles(first)
            if is_debate:
                self.debate, self.stance, self.context = True, stance, None
            items = pieces[1:]
        else:
            items = pieces
        for s, e in items:
            labelled = _label(self.text, s, e)
            if labelled:
                self._labelled(labelled[0], (labelled[1], e))
            else:
                self.prose(s, e)
        self.debate, self.stance, self.context = saved


def parse_layout(text: str, lexicon: Lexicon | None = None) -> Layout:
    """Split ``text`` into units (see :class:`Unit`); every span indexes ``text``."""
    lex = lexicon or Lexicon.default()
    builder = _Builder(text, lex)
    lines = _content_lines(text)
    title: str | None = None
    title_span: Span | None = None
    first = next((i for i, sp in enumerate(lines) if sp[0] >= 0), None)
    if first is not None:
        s, e = lines[first]
        hashes = _MARKDOWN_HEADING.match(text, s, e)
        s = hashes.end() if hashes else s
        candidate = text[s:e]
        looks_like_title = is_heading(candidate) or (len(candidate) <= 200 and candidate[-1] not in ".!?")
        if looks_like_title and not lex.section_roles(candidate)[0]:
            title = _EDIT_SUFFIX.sub("", candidate).strip()
            title_span = (s, s + len(title))
            lines = lines[first + 1 :]
    i = 0
    while i < len(lines):
        s, e = lines[i]
        i += 1
        if s < 0:
            continue
        line = text[s:e]
        if _RULE.fullmatch(line):
            continue
        hashes = _MARKDOWN_HEADING.match(line)
        if hashes:
            builder.heading_line(s + hashes.end(), e, level=hashes.group().count("#"))
            continue
        bullet = _BULLET.match(line)
        qa = builder.lex.qa_label.match(line)
        if qa:
            builder.qa_line(lex.qa_role(qa.group("label")), s, s + qa.end(), e)
        elif bullet:
            builder.item(s + bullet.end(), e)
        elif is_heading(line) and not _continues(text, lines, i):
            builder.heading_line(s, e)
        else:
            # a paragraph hard-wrapped over several lines ends on a line that ends a sentence
            while line[-1] not in ".!?:”\")" and i < len(lines) and lines[i][0] >= 0:
                nxt = text[lines[i][0] : lines[i][1]]
                if _BULLET.match(nxt) or lex.qa_label.match(nxt) or is_heading(nxt):
                    break
                e = lines[i][1]
                line = text[s:e]
                i += 1
            builder.prose(s, e)
    return Layout(title=title, title_span=title_span, units=builder.units)
