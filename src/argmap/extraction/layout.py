"""Stage 1: the layout of a text — title, headings, paragraphs, list items, inline labels,
inline bullets — grouped into *units*, each a candidate topic, and the statements the layout
itself places: labelled items (``For:`` / ``Against:``, ``Point`` / ``Counterpoint``,
``Myth 2 —`` / ``• The facts:``, ``Q:`` / ``A:``), bare FAQ questions and their answers,
speaker turns (``PROPOSITION (name):``), nested outline items, reply lists paired with the
list they answer, and Markdown tables whose columns name the sides.

Pure string work with character offsets into the original text, so it runs on texts of any
length before spaCy sees them. The label words are lexicon data (:mod:`.labels`).

Example:
    >>> text = "Road Pricing\\n\\nDebates\\n\\nEquity\\n\\nCritics warn that tolls hurt the poor."
    >>> layout = parse_layout(text)
    >>> layout.title, [(u.topic_title, u.debate) for u in layout.units]
    ('Road Pricing', [('Equity', False)])
    >>> layout.units[0].debate_heading_id is not None      # a sub-heading under a debate heading
    True
    >>> unit = parse_layout("Tolls\\n\\nFor: They cut queues.\\nAgainst: They hurt the poor.").units[0]
    >>> [(i.stance, i.answers is not None) for i in unit.items]
    [('pro', False), ('con', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Union

from argmap.extraction.labels import (
    FLIP,
    OUTLINE_ORDINALS,
    ItemLabel,
    SpeakerLabel,
    TextLabels,
    bold_label,
    bold_only,
    is_byline,
    layout_labels,
)
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.markup import INDENT_BULLET
from argmap.extraction.overlap import wording

Span = tuple[int, int]

# "** Objection: …" in MediaWiki markup: a run of stars is one marker whose length is the depth
# (a talk page's reply marker needs no space after it)
_BULLET = re.compile(r"(?:(?:\*{1,6}|[-–—•+·▪●◦‣✓✔✗✘→►▸▶]|\(?\d{1,2}[.)]|\(?[a-h]\)|"
                     + OUTLINE_ORDINALS + r")\s+|" + INDENT_BULLET + r"\s*)")
# the characters a _BULLET match can open with, besides digits
_SIGNING_DASHES = frozenset("—–-")  # the dash before a signature line
_BULLET_CHARS = frozenset("*-–—•+·▪●◦‣✓✔✗✘→►▸▶(abcdefghIVXivx" + INDENT_BULLET)
_DIGITS = re.compile(r"\d+")
_NOT_HEADING_WORD = re.compile(r"[^\w'-]+")
_CROSS_REFERENCE = re.compile(r"->\s*See\s+\d+(?:\.\d+)*\.?\s*")  # a Kialo link to another claim
_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[A-Z0-9“\"‘'(][^.!?:;\n*]{1,100}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s+(?=\S)"
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_RULE = re.compile(r":?-{3,}:?")
_RULE = re.compile(r"[=\-_*~]{3,}")
_RULE_CHARS = frozenset("=-_*~")
_INLINE_ITEM = re.compile(r"\s+[-–•]\s+(?=[A-Z“\"‘'(][^:.!?\n]{1,100}:\s)")
_INLINE_DASHES = "-–•"  # what opens an inline item (a paragraph holding none has none)
_TERMINAL = ".!?;,"
_OPENING_QUOTES = "\"\u201c"
_CLOSING_QUOTES = "\"\u201d"
_SENTENCE_GAP = re.compile(r"[.!?][”\"’')]?\s+")
_EDIT_SUFFIX = re.compile(r"(?<=[a-z0-9)\]”\"’'])Edit$")
_MAX_LABEL_WORDS = 12
# a "label" holding a finite copula reads as a clause, not a label
_CLAUSE_LABEL = re.compile(r"\s(?:is|are|was|were)\s")
_MAX_QUESTION_WORDS = 30
_TAB_WIDTH = 4
_MAX_HEADING_CHARS = 120
_STOP_LABEL_CHARS = 40  # "Reply to the objection 2." at most, before a label's full stop
INTERJECTION = "interjection"  # the role of a speaker label interjecting in a speech
SPEECH = "speech"  # the role of the member whose labelled turns make up the speech others interject in

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(eq=False)
class Item:
    """A statement whose place the layout gives: its side and what it answers.

    ``answers`` is the item it replies to (a Counterpoint its Point, a nested reply its
    parent, a turn the turn before), the :class:`Unit` whose statements it replies to (a
    numbered reply paired with a list entry), or ``None`` for the topic itself. ``whole``
    keeps the item as one statement (a question line); otherwise each sentence is one.
    """

    span: Span
    stance: str
    answers: Item | Unit | None = None
    whole: bool = False
    label: str | None = None
    # the ordinal after its label ("Objection 2"), which "Reply to Objection 2" names
    number: int | None = None
    speaker: str | None = None
    # the words of the answered item a post quotes ("> …"): its first sentence answers them
    quote: str = ""
    # it speaks for the item it answers ("1.1.2. Pro:" under "1.1."), on that item's side
    supports: bool = False
    # only its sentences voicing someone else are statements (an interviewer's "Shop owners
    # say … How do you respond?"); ``asked`` is such a turn right before, answered when it voices one
    voiced_only: bool = False
    asked: Item | None = None
    # a reviewer's comment: what it reports the authors arguing is the thesis side, the rest answers it
    review: bool = False
    # a structured abstract's findings ("Results:"): a sentence opening on "However" is a limitation
    findings: bool = False


@dataclass(eq=False)
class Unit:
    """A stretch of text that may hold one debate (one topic).

    ``topic_title is None`` means the document's own topic (its title). ``debate`` is set
    under a debate heading or label; ``debate_heading_id`` numbers the debate heading a plain
    sub-heading follows — whether the unit really belongs to that debate is decided by its
    cues (a sub-heading without any argument ends the debate section). ``stance`` is the
    stance a heading such as "Benefits" or "Arguments against" gives to unmarked items.
    ``body`` is prose read for cues; ``items`` are statements the layout places itself;
    ``answers_list`` holds the list entries a "Responses" section in prose replies to.
    """

    topic_title: str | None
    topic_span: Span | None
    section: str | None
    body: list[Span] = field(default_factory=list)
    debate: bool = False
    stance: str | None = None
    debate_heading_id: int | None = None
    items: list[Item] = field(default_factory=list)
    answers_list: list[Unit] | None = None
    # body paragraphs spoken by someone other than the author (an interjection): start → name
    voices: dict[int, str] = field(default_factory=dict)
    # under a heading naming one side's list ("Views against"), whose speakers all speak for it
    one_sided: bool = False


@dataclass
class Layout:
    """The parsed layout: the title (``None`` if the text has no title line) and its units."""

    title: str | None
    title_span: Span | None
    units: list[Unit]
    # the two choices parallel side headings weigh ("Reasons to buy" / "Reasons to rent"):
    # the word naming each → its side
    choices: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    indent: int
    text: str  # ``text[start:end]``, cut once: every pass over the lines reads it


def _unnumbered(heading: str) -> str:
    """A normalised heading without the number it closes on ("reviewer 2 second round" → "reviewer")."""
    m = _DIGITS.search(heading)
    return heading[: m.start()].rstrip(" #") if m else heading


def _content_lines(text: str, stop_labels: list[Span] | None = None) -> list[_Line | None]:
    """The lines without surrounding white space, with their indentation; blank lines are
    ``None``. Lines with a full stop after their first few words ("Reply. The …") are added
    to ``stop_labels``: they may open with a label."""
    lines: list[_Line | None] = []
    at = 0
    marks = "\ufeff" in text  # byte order marks, which most texts have none of
    for line in text.split("\n"):
        stripped = line.strip()
        if marks and stripped and (stripped[0] == "\ufeff" or stripped[-1] == "\ufeff"):
            stripped = stripped.strip("\ufeff").strip()
        if stripped:
            # most lines have nothing to strip: ``strip`` gives back the line itself
            lead = 0 if stripped is line else line.index(stripped)
            start = at + lead
            # the indentation with each tab counted as _TAB_WIDTH spaces
            indent = lead + (_TAB_WIDTH - 1) * line.count("\t", 0, lead) if lead else 0
            lines.append(_Line(start, start + len(stripped), indent, stripped))
            if stop_labels is not None and 0 < stripped.find(". ", 0, _STOP_LABEL_CHARS):
                stop_labels.append((start, start + len(stripped)))
        else:
            lines.append(None)
        at += len(line) + 1
    return lines


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence.

    Example:
        >>> is_heading("Debates and controversies"), is_heading("Critics warn that it fails.")
        (True, False)
    """
    return (
        0 < len(line) <= _MAX_HEADING_CHARS  # before splitting: most lines are long paragraphs
        and line[-1] not in _TERMINAL
        and (line[0].isupper() or line[0].isdigit() or line[0] in "“\"‘'(")
        and 0 < len(line.split()) <= 16
    )


def is_question_line(line: str) -> bool:
    """A line that is one short question (a FAQ item or a title), not a paragraph.

    Example:
        >>> is_question_line("Won't prices rise?"), is_question_line("Still unsure? Call us today.")
        (True, False)
    """
    return line.endswith("?") and 0 < len(line.split()) <= _MAX_QUESTION_WORDS and not line[0].islower()


def _continues(text: str, lines: list[_Line | None], i: int) -> bool:
    """True when line ``i`` (the next one) carries on a sentence: it follows without a blank
    line and starts in lower case, so the line before is a wrapped line, not a heading."""
    return i < len(lines) and lines[i] is not None and text[lines[i].start].islower()  # type: ignore[union-attr]


_MIN_LABELLED_WORDS = 3  # words after a label that can state a point ("Decision: accept." states none)


def _field(text: str, start: int, end: int) -> bool:
    """Whether the text after a label is too short to state anything: a form's field."""
    return len(text[start:end].split()) < _MIN_LABELLED_WORDS


def _label(text: str, start: int, end: int) -> tuple[Span, int] | None:
    """``(label span, body start)`` when the block opens with a short "Label: " prefix or a
    bold label."""
    bold = bold_label(text, start, end) if text.startswith(("**", "__"), start, end) else None
    if bold is not None:
        return bold
    if text.find(":", start, end) < 0:
        return None  # most paragraphs: no colon, so no "Label:"
    m = _LABEL.match(text, start, end)
    if m is None or len(m.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    if _CLAUSE_LABEL.search(m.group("label")):
        return None  # "The strongest case against this is the money: …" is a sentence
    return (m.start("label"), m.end("label")), m.end()


Answerable = Union[Item, Unit]


class _UnitCollector:
    """Walks the blocks of a text once, keeping the heading state, and collects the units."""

    def __init__(self, text: str, lexicon: Lexicon, labels: TextLabels, speakers: dict[str, str]) -> None:
        self.text = text
        self.lex = lexicon
        self.labels = labels
        self.units: list[Unit] = []
        self.heading: str | None = None
        self.heading_span: Span | None = None
        self.section: str | None = None
        self.debate = False
        self.stance: str | None = None
        self.debate_heading_id: int | None = None
        self.debate_headings = 0
        self._debate_heading: int | None = None
        self._debate_title: tuple[str, Span] | None = None  # the heading of the debate section
        self._section_stance: str | None = None
        self._debate_level: int | None = None
        # a stance heading passes its side to sub-headings only when it has no text of its
        # own before them ("Criticism" > "Cost", "Burnout"), not to whatever follows its items
        self._inheriting = False
        self.heading_unit: Unit | None = None
        # the unit collecting the labelled items and turns under the current heading
        self.items_unit: Unit | None = None
        # a Myth / question unit whose answer ("Fact:", "A:", the next paragraph) may follow
        self.pair_unit: Unit | None = None
        self.awaiting_answer = False
        # whether a blank line precedes the block being read
        self.after_blank = False
        # after a question that asks for information, its "A:" line answers nothing
        self.unanswerable = False
        # transcripts: speaker label → role, speaker → the side taken, the last turn
        self.speakers = speakers
        self.speaker_sides: dict[str, str] = {}
        self.last_turn: Item | None = None
        # a host's turn right before the next speaker's, which may voice a challenge
        self.asked: Item | None = None
        # the sides of the columns of the Markdown table being read
        self.table_sides: list[str | ItemLabel | None] | None = None
        # a label on a line of its own ("Counterpoint:"), waiting for the block it labels
        self.pending_label: ItemLabel | None = None
        # the turn a paragraph without a speaker label continues
        self.open_turn: Item | None = None
        # open outline items by indentation: (indent, what an item nested under it answers,
        # that one's side, the unit holding it)
        self.outline: list[tuple[int, Answerable, str, Unit]] = []
        self.nested_since = False
        # the lists under side headings, for a later "Replies to …" list: (stance, entries)
        self.side_lists: list[tuple[str | None, list[Unit]]] = []
        self.replying_to: list[Unit] | None = None
        self.replies = 0
        self.one_sided = False
        self.one_sided_headings = labels.tables.one_sided_headings
        self.review_headings = labels.tables.review_headings
        # under a heading of a reviewer's comments; the comments by their number, with their unit
        self.review = False
        self.numbered_comments: dict[int, tuple[Item, Unit]] = {}
        self.last_comment: tuple[Item, Unit] | None = None
        # a Kialo export ("Discussion Title: …"): "Pro" / "Con" speak for or against the item above
        self.relative_sides = False
        self.choices: dict[str, str] = {}  # see Layout.choices
        # a thread's posts: the author of the post whose first paragraph comes next, the
        # lines it quotes, and the posts so far
        self.pending_post: str | None = None
        # a side's label with its writer's name, waiting for the writer's first paragraph
        self.pending_side: tuple[str, str] | None = None
        self.post_quote = ""
        self.posts: list[Item] = []
        self.post_indents: list[int] = []
        self.agreement_openers = labels.tables.agreement_openers
        self.post_indent = 0
        # (author of the quoted lines, the post they are quoted in) while reading them
        self.quoting: tuple[str, str | None] | None = None

    # ----- units ----------------------------------------------------------------------

    def _new_unit(self, title: str | None, span: Span | None, **kw: object) -> Unit:
        if self.debate:
            self._inheriting = False
        unit = Unit(topic_title=title, topic_span=span, section=self.section, debate=self.debate,
                    stance=self.stance, debate_heading_id=self.debate_heading_id, **kw)  # type: ignore[arg-type]
        unit.one_sided = self.one_sided and unit.stance is not None
        self.units.append(unit)
        return unit

    def _items_unit(self) -> Unit:
        if self.items_unit is None:
            self.items_unit = self._new_unit(self.heading, self.heading_span)
        return self.items_unit

    def _end_block(self) -> None:
        self.pair_unit = None
        self.awaiting_answer = False
        self.outline = []
        self.open_turn = None

    # ----- headings -------------------------------------------------------------------

    def heading_line(self, start: int, end: int, level: int | None = None) -> None:
        """A heading; ``level`` is known for Markdown headings (``##`` → 2), where a heading
        no deeper than the debate heading ends that debate section."""
        title = self.text[start:end].rstrip(":").strip()
        if level is not None and self._debate_level is not None and level <= self._debate_level:
            self.debate, self.stance, self.debate_heading_id = False, None, None
        self.heading, self.heading_span = title, (start, start + len(title))
        self.heading_unit = self.items_unit = self.pending_label = None
        self.table_sides = self.asked = self.last_comment = None
        self._end_block()
        self.last_turn = None
        self.replying_to = self._answered_list(title)
        self.replies = 0
        if self.replying_to is None and self.debate and self.stance is None and self._debate_title is not None \
                and self.labels.is_reply_heading(title):
            # "Summary of responses" then "The council's response": the reply goes on with the
            # debate it answers, one topic, where its cues say what each sentence answers
            self.heading, self.heading_span = self._debate_title
            return
        is_debate, stance, is_closing = self.lex.section_roles(title)
        if stance in (None, self._section_stance) and not is_closing \
                and (other := self._parallel_side(title, level)) is not None:
            is_debate, stance = True, other
        low = title.lower()
        # most headings are plain words, which need no substitution
        flat = " ".join((low if low.replace(" ", "").isalnum() else _NOT_HEADING_WORD.sub(" ", low)).split())
        self.one_sided = stance is not None and flat in self.one_sided_headings
        # "Major comments", or a heading naming a reviewer ("Reviewer 2", "Referee #1 (second round)")
        self.review = flat in self.review_headings or _unnumbered(flat) in self.review_headings
        if self.review:
            is_debate, stance = True, "con"  # "Major comments": the reviewer objects, point by point
        if self.replying_to is not None:
            is_debate, stance = True, None
        if not is_debate and self.text[start:end].endswith(":"):
            # "Critics raise three objections:" introduces items spoken by that side
            first = title.split(maxsplit=1)[0] if title else ""
            actor_side = self.lex.actor_stance(first)
            if actor_side in ("pro", "con"):
                is_debate, stance = True, actor_side
        if not (self.debate_heading_id is not None or self.debate) or is_debate or is_closing:
            self.section = title
        if is_debate:
            self.debate_headings += 1
            self.debate, self.stance, self.debate_heading_id = True, stance, None
            self._debate_heading = self.debate_headings
            self._debate_title = (title, self.heading_span)
            self._section_stance = stance
            self._debate_level = level
            self._inheriting = True
            if stance is not None:
                self.side_lists.append((stance, []))
        elif is_closing:
            self.debate, self.stance, self.debate_heading_id = False, None, None
        elif self.debate or self.debate_heading_id is not None:
            # a plain heading inside a debate section: a sub-topic if its text argues, or
            # an item of a stance section ("Criticism" > "Cost")
            self.debate_heading_id = self.debate_heading_id if self.debate_heading_id is not None else self._debate_heading
            self.debate = False
            self.stance = self._section_stance if self._inheriting else None

    def _parallel_side(self, title: str, level: int | None) -> str | None:
        """The other side, for a heading in the frame of the side heading before it with
        another alternative in the frame's slot ("Reasons to buy", then "Reasons to rent"):
        the two headings weigh two choices, so the second one argues against the first."""
        if self._debate_title is None or self._section_stance is None or level != self._debate_level:
            return None
        choices = _parallel(self._debate_title[0], title)
        if choices is None:
            return None
        self.choices = {choices[0]: self._section_stance, choices[1]: FLIP[self._section_stance]}
        return FLIP[self._section_stance]

    def _answered_list(self, heading: str) -> list[Unit] | None:
        """The side list a "Replies to the disadvantages" heading answers (the last list of
        the side it names, else the last list), or ``None`` for any other heading."""
        if not self.side_lists or not self.labels.is_reply_heading(heading):
            return None
        named = self.lex.section_roles(heading)[1]
        for stance, entries in reversed(self.side_lists):
            if entries and (named is None or stance == named):
                return entries
        return None

    # ----- paragraphs and items ------------------------------------------------------

    def prose(self, start: int, end: int) -> None:
        """A paragraph: an answer, a turn, a labelled item, inline bullets or plain prose."""
        if self.pending_label is not None:
            label, self.pending_label = self.pending_label, None
            self._place_labelled(replace(label, body_start=start), start, end, None)
            return
        self.quoting = None
        if self.pending_post is not None:
            self._post(start, end)
            return
        if self.pending_side is not None:
            self._side_turn(start, end)
            return
        if self.awaiting_answer and self.pair_unit is not None and self.labels.item_label(self.text, start, end) is None:
            self._answer(start, end)  # the paragraph right after a question or a myth with no label of its own
            return
        if self._labelled_item(start, end, None):
            return
        if self.review and _label(self.text, start, end) is None:
            self._comment(start, end, None)
            return
        if self.replying_to and self.replying_to[0].items and self.replying_to[0].items[0].review \
                and self._reply(start, end):
            return  # "Author response": each paragraph answers the comment it shares most words with
        after_pair = self.pair_unit is not None and bool(self.pair_unit.items)
        if after_pair and not self.after_blank:
            # lines right after a myth and its answer explain them: only cue-marked claims count
            self.pair_unit.body.append((start, end))  # type: ignore[union-attr]
            return
        if self._turn(start, end):
            return
        if self.open_turn is not None:
            self.open_turn.span = (self.open_turn.span[0], end)  # the speaker's next paragraph
            return
        self._end_block()
        pieces = self._inline_items(start, end)
        if pieces:
            self._inline_bullets(pieces)
            return
        labelled = _label(self.text, start, end)
        if labelled and _field(self.text, labelled[1], end):
            return  # "Recommendation: major revision.", "Rating: 4/5": a form's field, no statement
        head = self.text[labelled[0][0] : labelled[0][1]] if labelled else ""
        if head.endswith("?") and is_question_line(head) and self.lex.is_objection_question(head):
            # "**Will my bills go up?** Only if …": a FAQ item and its answer in one paragraph
            self.question(*labelled[0])
            self._answer(labelled[1], end)
            return
        if labelled and self.labels.tables.is_update(head):
            # "Update, 5 February: …" goes on with the post it adds to, after its label
            start, labelled = labelled[1], None
        if labelled:
            self._labelled(labelled[0], (labelled[1], end))
            return
        if after_pair:
            # prose between myths or questions opens no debate of its own
            self.heading_unit = self._pair_unit(self.heading, self.heading_span)
        elif self.heading_unit is None:
            self.heading_unit = self._new_unit(self.heading, self.heading_span)
            self.heading_unit.answers_list = self.replying_to
            if self.side_lists and self.heading_unit.stance is not None and self.replying_to is None:
                # prose under "Views against" is an entry a later "Officer comments" may answer
                self.side_lists[-1][1].append(self.heading_unit)
        self.heading_unit.body.append((start, end))

    def question(self, start: int, end: int, level: int | None = None) -> None:
        """A bare question line: a FAQ item when it voices an objection, else a heading."""
        self._end_block()
        last = self.text[start:end].rsplit(". ", 1)[-1]
        if not self.lex.is_objection_question(last):
            self.heading_line(start, end, level)
            return
        self.pair_unit = self._pair_unit(self.text[start:end], (start, end))
        self.pair_unit.items.append(Item((start, end), "con", whole=True))
        self.awaiting_answer = True

    def quoted_myth(self, start: int, end: int) -> None:
        """A quoted sentence on a line of its own on a page of such lines, each answered
        ("“I'm too old to learn now.”"): a myth heading its topic, and the critique."""
        self._end_block()
        self.pair_unit = self._pair_unit(self.text[start:end], (start, end))
        self.pair_unit.items.append(Item((start, end), "con", whole=True))
        self.awaiting_answer = True

    def item(self, start: int, end: int, indent: int, list_length: int, ordinal: int | None = None) -> None:
        """A list item ("- …", "• …", "1. …", its number ``ordinal``) of a list of
        ``list_length`` items, possibly nested under the one before."""
        self.awaiting_answer = False
        self.open_turn = None
        if self.review and self.labels.item_label(self.text, start, end) is None:
            self._comment(start, end, ordinal)
            return
        while self.outline and self.outline[-1][0] >= indent:
            self.outline.pop()
        if self.outline:
            self._nested(start, end, indent)
            return
        if self.replying_to is not None and self._reply(start, end, list_length):
            return
        if self._labelled_item(start, end, indent):
            return
        self.pair_unit = None
        labelled = _label(self.text, start, end)
        if labelled:
            unit = self._labelled(labelled[0], (labelled[1], end))
        elif self.stance is not None or self.debate:
            unit = self._new_unit(self.heading, self.heading_span, body=[(start, end)])
        else:
            self.prose(start, end)
            return
        if self.side_lists and unit.stance is not None:
            self.side_lists[-1][1].append(unit)
        if unit.stance is not None:
            self.outline.append((indent, unit, unit.stance, unit))

    def _nested(self, start: int, end: int, indent: int) -> None:
        """An indented item replies to the item it sits under, for the other side."""
        _, parent, side, owner = self.outline[-1]
        found = self.labels.item_label(self.text, start, end)
        body = found.body_start if found else start
        if self.relative_sides and _CROSS_REFERENCE.fullmatch(self.text, body, end):
            return  # "1.2.1. Pro: -> See 1.1.1." repeats a claim made elsewhere in the outline
        label = found.name if found else None
        # a nested "Pro:" / "For:" under a pro item backs it, and in a Kialo export, whose sides
        # are relative to the item above, under any item; any other reply speaks against its parent
        backs = found is not None and found.role in ("side", "opens") and found.stance == "pro" \
            and (side == "pro" or self.relative_sides)
        item = Item((body, end), side if backs else FLIP[side], answers=parent, label=label, supports=backs)
        owner.items.append(item)
        self.nested_since = True
        self.outline.append((indent, item, item.stance, owner))

    def _labelled_item(self, start: int, end: int, indent: int | None) -> bool:
        """A line opening with a known item label; ``False`` when it has none. A second label
        after a full stop starts a second item ("Point: … Counterpoint: …" on one line)."""
        found = self.labels.item_label(self.text, start, end)
        if found is None:
            return False
        segments = [found]
        at = found.body_start
        while (nxt := self._next_label(at, end)) is not None:
            segments.append(nxt)
            at = nxt.body_start
        for k, label in enumerate(segments):
            stop = end if k + 1 == len(segments) else self._label_start(segments[k + 1], at=label.body_start)
            self._place_labelled(label, start, stop, indent)
        return True

    def _next_label(self, start: int, end: int) -> ItemLabel | None:
        for m in _SENTENCE_GAP.finditer(self.text, start, end):
            found = self.labels.item_label(self.text, m.end(), end)
            if found is not None:
                return found
        return None

    def _label_start(self, label: ItemLabel, at: int) -> int:
        """Where the text before ``label`` ends (its sentence's end)."""
        gap = max(m.start() for m in _SENTENCE_GAP.finditer(self.text, at, label.body_start))
        return gap + 1

    def _comment(self, start: int, end: int, ordinal: int | None) -> None:
        """One comment of a reviewer ("1. The authors claim … However, …"): an objection of its
        own, which a later "Response to comment 1." answers."""
        unit = self._new_unit(self.heading, self.heading_span)
        comment = Item((start, end), "con", review=True)
        unit.items.append(comment)
        if self.side_lists:
            self.side_lists[-1][1].append(unit)
        if ordinal is not None:
            self.numbered_comments[ordinal] = (comment, unit)
        self.last_comment = (comment, unit)

    def _place_labelled(self, found: ItemLabel, start: int, end: int, indent: int | None) -> None:
        if found.role == "answer" and self.review and self.last_comment is not None:
            comment, unit = self.last_comment  # "Response: We agree …" right under a reviewer's comment
            unit.items.append(Item((found.body_start, end), FLIP[comment.stance], answers=comment, label=found.name))
            return
        if found.role == "answer" and self.replying_to is not None:
            # "Response to comment 2." in a reply section answers comment 2, else the entry it
            # shares most words with
            numbered = self.numbered_comments.get(found.number) if found.number is not None else None
            if numbered is not None:
                comment, unit = numbered
                unit.items.append(Item((found.body_start, end), FLIP[comment.stance], answers=comment,
                                       label=found.name))
                return
            if self._reply(start, end):
                return
        if found.role == "topic":
            self._topic_item(found, start, end)
        elif found.role == "answer":
            comment = self._answered_paragraph(start)
            named = self._named_item(found)
            if named is not None:
                # "Reply to Objection 1." after the objections: it answers the item it names
                self.items_unit.items.append(Item((found.body_start, end), FLIP[named.stance],  # type: ignore[union-attr]
                                                  answers=named, label=found.name))
            elif self.pair_unit is not None and self.pair_unit.items:
                self._answer(found.body_start, end, label=found.name)
            elif comment is None and self.items_unit is not None and self.items_unit.items and not self.unanswerable:
                last = self.items_unit.items[-1]
                if self.labels.is_fact(found) and last.answers is None and last.stance == "pro":
                    self._as_myth(last)  # "Claim: … / Reality: …": what a fact answers is a myth
                    self._answer(found.body_start, end, label=found.name)
                    return
                self.items_unit.items.append(Item((found.body_start, end), FLIP[last.stance], answers=last,
                                                  label=found.name))
            elif comment is not None:
                self._items_unit().items.append(comment)
                self.items_unit.items.append(Item((found.body_start, end), FLIP[comment.stance],  # type: ignore[union-attr]
                                                  answers=comment, label=found.name))
            # an answer to a question that voices no objection has no node
        else:
            self.unanswerable = False
            self.pair_unit = None  # a new labelled item ends the myth or question before it
            if self.items_unit is None and self.heading_unit is not None and self.heading_unit.body \
                    and self.labels.tables.is_vote(found.name):
                # the comment the first vote follows is the proposal voted on: it argues for it
                self._items_unit().items.extend(Item(span, "pro") for span in self.heading_unit.body)
                self.heading_unit.body.clear()
            unit = self._items_unit()
            # a side label answers the item before it, unless replies nested under that one
            # came between: a new top-level item of an outline stands on its own
            last = unit.items[-1] if unit.items and not self.nested_since else None
            answers = last if found.role == "side" and last is not None and last.stance != found.stance else None
            sibling = next((i for i in reversed(unit.items) if i.label == found.name), None) if found.number else None
            if answers is not None and sibling is not None and sibling.stance == found.stance:
                answers = sibling.answers  # "Objection 2" after a reply to "Objection 1" answers what that one did
            self.nested_since = False
            item = Item((found.body_start, end), found.stance, answers=answers, label=found.name,  # type: ignore[arg-type]
                        number=found.number, findings=self.labels.tables.is_findings(found))
            unit.items.append(item)
            if indent is not None:
                self.outline.append((indent, item, item.stance, unit))

    def _named_item(self, found: ItemLabel) -> Item | None:
        """The earlier item an answer label names by label and number ("Reply to Objection 2"
        → the item labelled "Objection 2"), else ``None``."""
        words = found.name.lower().split()
        if found.number is None or len(words) < 3 or words[1] not in ("to", "from") or self.items_unit is None:
            return None
        named = " ".join(w for w in words[2:] if w != "the")
        return next((i for i in reversed(self.items_unit.items) if i.number == found.number and i.label
                     and i.label.lower() == named), None)

    def _answered_paragraph(self, start: int) -> Item | None:
        """The plain paragraph right before an answer label ("Response: We agree …" after a
        reviewer's comment), taken out of the prose as the point answered: the side of its
        section, else an objection."""
        unit = self.heading_unit
        if unit is None or not unit.body or self.unanswerable or self.text[unit.body[-1][1] : start].strip() \
                or (self.pair_unit is not None and self.pair_unit.items):
            return None
        s, e = unit.body[-1]
        if self.text[s:e].rstrip().endswith("?") or self.labels.item_label(self.text, s, e) is not None:
            return None  # a question asked for information, or a labelled line, is no comment
        return Item(unit.body.pop(), unit.stance or "con")

    def _as_myth(self, item: Item) -> None:
        """Move the labelled ``item`` to a topic of its own as the myth a fact answers."""
        unit = self.items_unit
        assert unit is not None
        unit.items.remove(item)
        if not unit.items and not unit.body:
            self.units.remove(unit)
            self.items_unit = None
        self.pair_unit = self._pair_unit(self.text[item.span[0] : item.span[1]], item.span)
        self.pair_unit.items.append(Item(item.span, "con", whole=True, label=item.label))

    def _topic_item(self, found: ItemLabel, start: int, end: int) -> None:
        """"Myth 2 — …" or "Q: …": a topic of its own, its answer to follow."""
        body = (found.body_start, end)
        self.pair_unit = None
        self.unanswerable = found.stance is None and not self.lex.is_objection_question(self.text[body[0] : body[1]])
        if self.unanswerable and (_SENTENCE_GAP.search(self.text, body[0], body[1] - 1)
                                  or not self.text[body[0] : body[1]].rstrip().endswith("?")):
            # "Q: Some parents argue that … How do you respond?", "Q: Campaigners say that …":
            # an interviewer's challenge states what it reports others saying, and the answer
            # rebuts it
            self.unanswerable = False
            self.pair_unit = self._pair_unit(self.text[body[0] : body[1]], body)
            gaps = list(_SENTENCE_GAP.finditer(self.text, body[0], body[1] - 1))
            asked = gaps[-1].end() if gaps else None
            if asked is not None and self.text[body[0] : body[1]].rstrip().endswith("?") \
                    and self.lex.is_objection_question(self.text[asked : body[1]]):
                # "Q: The council has spent £3,000 on it. Is that good value?": the statement
                # the closing yes/no question challenges is the objection itself
                self.pair_unit.items.append(Item((body[0], asked), "con", label=found.name))
            else:
                self.pair_unit.items.append(Item(body, "con", label=found.name, voiced_only=True))
            return
        if self.unanswerable:
            return  # a question asking for information: neither it nor its answer argues
        self.pair_unit = self._pair_unit(self.text[body[0] : body[1]], body)
        self.pair_unit.items.append(Item(body, "con", whole=True, label=found.name))
        # "Myth #1 – X" with the answer on the next line and no "Fact:" label before it
        self.awaiting_answer = True

    def _pair_unit(self, title: str | None, span: Span | None) -> Unit:
        """The topic of a myth or question: its own items, and prose that is no opener."""
        unit = self._new_unit(title, span)
        unit.debate, unit.stance, unit.debate_heading_id = False, None, None
        return unit

    def _answer(self, start: int, end: int, label: str | None = None) -> None:
        assert self.pair_unit is not None
        items = self.pair_unit.items
        question = items[0]
        if label is not None and len(items) > 1 and (question.whole or items[1].label == label) \
                and all(i.label == label for i in items[1:]):
            # a second "Answer:" to one question: a community Q&A, where a buyer asks and each
            # answer takes its own side
            if question.whole:
                items.remove(question)  # the question asks; it voices no objection
                first = items[0]
                items[0] = self._community_answer(first.span[0], first.span[1], label, None)
            items.append(self._community_answer(start, end, label, items[-1]))
        else:
            items.append(Item((start, end), "pro", answers=question, label=label))
        self.awaiting_answer = False

    def _community_answer(self, start: int, end: int, label: str, before: Item | None) -> Item:
        """One answer of several to a question: one opening with a label naming who answers
        ("Seller response: …", "Skerry customer care: …") answers the last con answer, one
        disagreeing ("I disagree with the answer above.") the answer before it, each for the
        other side; one denying the question ("Not really.") is con; any other is pro. The
        bare opening sentence of a denial or a disagreement states nothing."""
        labelled = _label(self.text, start, end) if before is not None else None
        if before is not None and labelled is not None and self.labels.item_label(self.text, start, end) is None \
                and not self.labels.tables.is_update(self.text[labelled[0][0] : labelled[0][1]]):
            # an answer that names who gives it ("Seller response:", "Skerry customer care:") is
            # the seller's: it answers the last complaint, defending the product
            assert self.pair_unit is not None
            complaint = next((i for i in reversed(self.pair_unit.items) if i.stance == "con"), before)
            return Item((labelled[1], end), FLIP[complaint.stance], answers=complaint,
                        label=self.text[labelled[0][0] : labelled[0][1]])
        polarity = self.labels.tables.answer_polarity(self.text[start:end])
        if polarity is not None:
            gap = _SENTENCE_GAP.search(self.text, start, end)
            if gap is not None and len(self.text[start : gap.start()].split()) <= _MAX_POLAR_WORDS:
                start = gap.end()
        if polarity == "disagrees" and before is not None:
            return Item((start, end), FLIP[before.stance], answers=before, label=label)
        if polarity == "disagrees":
            polarity = "denies"  # the first answer has only the question to disagree with
        if polarity == "denies" and self.pair_unit is not None and self.pair_unit.topic_title \
                and self.labels.tables.names_problem(self.pair_unit.topic_title):
            polarity = None  # "Will my council tax go up?" "No. …": denying a problem defends it
        return Item((start, end), "con" if polarity == "denies" else "pro", label=label)

    def _turn(self, start: int, end: int) -> bool:
        """A speaker's turn in a transcript; each answers the last turn of the other side.
        An interjection in a speech stays in the speech's prose, in its speaker's voice."""
        if not self.speakers:
            return False  # most texts: no transcript
        m = self.labels.speaker_label(self.text, start, end)
        if m is None or m.key not in self.speakers:
            return False
        role = self.speakers[m.key]
        if role in (INTERJECTION, SPEECH):
            if self.heading_unit is None:
                self.heading_unit = self._new_unit(self.heading, self.heading_span)
            self.heading_unit.body.append((m.body_start, end))
            if role == INTERJECTION:
                self.heading_unit.voices[m.body_start] = m.name
            return True
        if role == "procedural" and SPEECH in self.speakers.values():
            return True  # "Madam Deputy Speaker: Order." keeps order in a debate of labelled speeches
        self._end_block()
        if role == "procedural":
            # a chair's line keeps order and argues nothing, unless it voices someone else's
            # objection to the speaker before ("Critics say … How do you respond?")
            side = FLIP[self.last_turn.stance] if self.last_turn is not None else "con"
            self.asked = Item((m.body_start, end), side, speaker=m.name, label=m.role_words, voiced_only=True)
            self._items_unit().items.append(self.asked)
            return True
        side = self.speaker_sides.get(m.key) or (role if role in FLIP else None)
        if side is None:
            side = FLIP[self.last_turn.stance] if self.last_turn is not None else self._declared_side(m.body_start, end)
        self.speaker_sides[m.key] = side
        answers = self.last_turn if self.last_turn is not None and self.last_turn.stance != side else None
        asked = self.asked if self.asked is not None and self.asked.stance != side else None
        turn = Item((m.body_start, end), side, answers=answers, speaker=m.name, label=m.role_words, asked=asked)
        self.asked = None
        self._items_unit().items.append(turn)
        self.last_turn = self.open_turn = turn
        return True

    def _declared_side(self, start: int, end: int) -> str:
        """The side the first turn of a transcript declares in its opening words ("We oppose
        it." is con; lexicon ``speakers.declared``), pro when it declares none: the first
        speaker usually makes the case."""
        opening = self.text[start:min(end, start + 60)].lower().replace("’", "'").split()
        for side in ("con", "pro"):
            for phrase in self.lex.words("speakers", "declared", side):
                words = phrase.split()
                if [w.strip(".,;:!") for w in opening[: len(words)]] == words:
                    return side
        return "pro"

    def side_heading(self, start: int, end: int, side: str) -> None:
        """A heading that gives the text under it a side (a review rated "★★☆☆☆"): that
        text is one turn for the side, answering the other side's turn before it."""
        self._end_block()
        self.last_turn = None  # one review does not answer the one before it
        self.pending_side = (side, "")

    def side_writer(self, label: ItemLabel, end: int) -> None:
        """A side's label before the name of its writer ("YES: Imogen Platt, …"): the
        paragraphs up to the next heading or label are that writer's turn for the side,
        answering the other side's turn before it, as in a transcript."""
        self._end_block()
        name = self.text[label.body_start : end].split(",", 1)[0].strip()
        self.pending_side = (label.stance or "pro", name)

    def _side_turn(self, start: int, end: int) -> None:
        side, name = self.pending_side  # type: ignore[misc]
        self.pending_side = None
        answers = self.last_turn if self.last_turn is not None and self.last_turn.stance != side else None
        turn = Item((start, end), side, answers=answers, speaker=name or None)
        self._items_unit().items.append(turn)
        self.last_turn = self.open_turn = turn

    def end_post(self) -> None:
        """The line signing a letter: what follows is no longer its writer's."""
        self._end_block()

    def post(self, author: str, indent: int = 0) -> None:
        """A line heading a post of a thread: the paragraphs after it are its author's; an
        indented header heads a reply to the post above it with less indentation."""
        self._end_block()
        self.pending_post, self.post_quote, self.post_indent = author, "", indent

    def quoting_from(self, author: str) -> None:
        """A line naming whom the next quoted lines are by; by someone with no post of their
        own in the thread, they stand for that person's earlier message."""
        known = any((p.speaker or "").lower() == author.lower() for p in self.posts)
        self.quoting = None if known else (author, self.pending_post)

    def quoted(self, start: int, end: int) -> None:
        """A line of a post quoting an earlier post ("> …"): it says what the post answers."""
        line = self.text[start:end]
        if self.quoting is not None:
            author, resume = self.quoting
            body = start + len(line) - len(line.lstrip("> "))
            last = self.posts[-1] if self.posts else None
            if last is not None and last is self.open_turn and last.speaker == author:
                last.span = (last.span[0], end)
            else:
                self.pending_post = author
                self._post(body, end)
            self.pending_post = resume
            return
        self.post_quote += " " + line.lstrip("> ")

    def _post(self, start: int, end: int) -> None:
        """The first paragraph of a post. A reply answers the post it quotes, or the one
        whose author it names ("@Petra …"), else the thread's opening post; its author keeps
        the side taken before, a new one takes the other side of the post answered."""
        author, self.pending_post = self.pending_post or "", None
        key = author.lower()
        answered: Item | None = None
        others = [p for p in self.posts if (p.speaker or "").lower() != key]
        body = self.text[start:end].lower()
        if others and self.post_quote.strip():
            answered = wording(self.text).closest(self.post_quote, [(p, p.span) for p in others])
        if answered is None and self.post_indent > 0:
            answered = next((p for p, indent in zip(reversed(self.posts), reversed(self.post_indents))
                             if indent < self.post_indent and p in others), None)
        if answered is None and body.startswith("@"):
            answered = next((p for p in reversed(others) if body[1:].startswith((p.speaker or "").lower())), None)
        if answered is None:
            # "Ruth Akande (Letters, 14 March) is right …", "Mr Cole's street …": the writer named
            opening = set(_LETTERS.findall(body[:80]))
            answered = next((p for p in reversed(others) if p.speaker and len(p.speaker.split()) >= 2
                             and p.speaker.split()[-1].lower() in opening), None)
        if answered is None and others:
            answered = others[0] if others[0] is self.posts[0] else others[-1]
        agrees = answered is not None and _opens_with(body, self.agreement_openers)
        opening_side = "con" if self.lex.against_proposal(body.split(". ", 1)[0]) else "pro"
        side = self.speaker_sides.get("post:" + key) or (
            (answered.stance if agrees else FLIP[answered.stance]) if answered is not None else opening_side)  # type: ignore[union-attr]
        self.speaker_sides["post:" + key] = side
        turn = Item((start, end), side, answers=answered if answered is not None and answered.stance != side else None,
                    speaker=author, quote=self.post_quote.strip())
        self._items_unit().items.append(turn)
        self.posts.append(turn)
        self.post_indents.append(self.post_indent)
        self.open_turn = turn

    def interjection(self, start: int, end: int) -> bool:
        """Whether the line opens with the label of someone interjecting in a speech."""
        m = self.labels.speaker_label(self.text, start, end) if self.speakers else None
        return m is not None and self.speakers.get(m.key) == INTERJECTION

    def is_turn(self, start: int, end: int) -> bool:
        """Whether the line opens with the label of a chair, a host or someone interjecting
        ("INTERVIEWER: Why …?", "Mr Lee (Eastfield): Will the member give way?")."""
        m = self.labels.speaker_label(self.text, start, end) if self.speakers else None
        return m is not None and self.speakers.get(m.key) in ("procedural", INTERJECTION, SPEECH)

    def _reply(self, start: int, end: int, list_length: int | None = None) -> bool:
        """The ``k``-th entry of a "Replies to …" list answers the ``k``-th entry of the list
        it names when the lists have the same length, else the entry it shares most words with."""
        entries = self.replying_to or []
        self.replies += 1
        found = self.labels.item_label(self.text, start, end)
        body_start = found.body_start if found is not None else start
        if list_length == len(entries) and self.replies <= len(entries):  # a repeated reply list: by wording
            target: Unit | None = entries[self.replies - 1]
        else:
            target = wording(self.text).closest((body_start, end), [(u, u.body or [i.span for i in u.items[:1]])
                                                                    for u in entries])
        if target is None or target.stance is None:
            return False
        # an entry that is a comment item, not prose, is answered through that item
        answered: Item | Unit = target.items[0] if target.items and not target.body else target
        target.items.append(Item((body_start, end), FLIP[target.stance], answers=answered))
        return True

    def table_row(self, start: int, end: int) -> bool:
        """A Markdown table row; ``False`` when the table's columns name no side. A header
        row "| Pros | Cons |" gives each column its side, each later cell is an item of it; a
        header of labels ("| Concern | Our response |", "| Myth | Fact |", "| Claim | Response |")
        makes each row a labelled pair, its answer cell replying to the cell before it."""
        cells = _cells(self.text, start, end)
        if self.table_sides is None:
            columns = [self._table_column(s, e) for s, e in cells]
            if not any(columns):
                return False
            heads = [self.text[c[0] : c[1]] for c in cells]
            if len(cells) == 2 and columns[0] == columns[1] and isinstance(columns[0], str) \
                    and (choices := _parallel(*heads)):
                # "| Reasons to switch | Reasons to stay |": two choices, two sides
                columns[1] = FLIP[columns[0]]
                self.choices = {choices[0]: columns[0], choices[1]: columns[1]}
            self.table_sides = columns
            return True
        if all(_TABLE_RULE.fullmatch(self.text[s:e]) for s, e in cells):
            return True
        unit = self._items_unit()
        before: tuple[Item, Unit] | None = None
        for k, ((s, e), column) in enumerate(zip(cells, self.table_sides)):
            if column is None or s >= e:
                before = None
            elif isinstance(column, str):
                unit.items.append(Item((s, e), column))
            else:
                before = self._table_cell((s, e), column, before, self.table_sides[k + 1 : k + 2])
        return True

    def _table_column(self, start: int, end: int) -> str | ItemLabel | None:
        """What a header cell makes its column: a side ("Pros"), a label ("Myth", "Our
        response"), or ``None``; a column a label answers ("| Argument | Counter-argument |")
        opens a point of its own."""
        side = self.lex.section_roles(self.text[start:end])[1]
        if side is not None:
            return side
        found = self.labels.bare_label(self.text, start, end) or self._answer_head(start, end)
        return found if found is not None else ItemLabel(self.text[start:end], "opens", "pro", end) \
            if start < end and self._answer_column_follows(end) else None

    def _answer_head(self, start: int, end: int) -> ItemLabel | None:
        """The answer label a header cell or a label ends on ("Committee reply", "Seller
        response"): whoever gives it, it answers what comes before it."""
        head = self.text.rfind(" ", start, end) + 1
        found = self.labels.bare_label(self.text, max(head, start), end)
        return found if found is not None and found.role == "answer" else None

    def _answer_column_follows(self, at: int) -> bool:
        """Whether the header cell after ``at`` is an answer label."""
        nxt = self.text.find("|", at)
        stop = self.text.find("|", nxt + 1) if nxt >= 0 else -1
        if stop < 0:
            return False
        cell = self.text[nxt + 1 : stop]
        lead = len(cell) - len(cell.lstrip())
        found = self.labels.bare_label(self.text, nxt + 1 + lead, nxt + 1 + len(cell.rstrip()))
        return found is not None and found.role == "answer"

    def _table_cell(self, span: Span, column: ItemLabel, before: tuple[Item, Unit] | None,
                    following: list[str | ItemLabel | None]) -> tuple[Item, Unit] | None:
        """One cell of a labelled table: an answer replies to the cell before it in its row, a
        myth (or a point a fact column answers) is a topic of its own."""
        if column.role == "answer":
            if before is None:
                return None
            answered, owner = before
            item = Item(span, FLIP[answered.stance], answers=answered, label=column.name)
            owner.items.append(item)
            return item, owner
        nxt = following[0] if following else None
        fact_follows = isinstance(nxt, ItemLabel) and self.labels.is_fact(nxt)
        if column.role == "topic" or fact_follows:
            body = self.text[span[0] : span[1]]
            if column.stance is None and not self.lex.is_objection_question(body):
                return None  # a question asking for information argues nothing
            unit = self._pair_unit(body, span)
            item = Item(span, "con", whole=True, label=column.name)
        else:
            unit = self._items_unit()
            item = Item(span, column.stance or "pro", label=column.name)
        unit.items.append(item)
        return item, unit

    # ----- existing inline forms -----------------------------------------------------

    def _labelled(self, label: Span, body: Span) -> Unit:
        title = self.text[label[0] : label[1]]
        is_debate, stance, _ = self.lex.section_roles(title)
        if is_debate and stance is not None and self.labels.is_section_name(title):
            # "Pros: …" names only a side: its sentences speak for that side of the topic around it
            unit = self._new_unit(self.heading, self.heading_span)
            unit.debate, unit.stance, unit.debate_heading_id = True, stance, None
            unit.items.append(Item(body, stance, label=title))
            return unit
        unit = self._new_unit(title, label, body=[body])
        if is_debate:
            unit.debate, unit.stance, unit.debate_heading_id = True, stance, None
        return unit

    def _inline_items(self, start: int, end: int) -> list[Span]:
        if self.text.find(":", start, end) < 0 or not any(self.text.find(d, start, end) >= 0 for d in _INLINE_DASHES):
            return []  # every inline item is a "- Label: …"
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
        saved = (self.debate, self.stance, self.debate_heading_id)
        if is_heading(first):
            is_debate, stance, _ = self.lex.section_roles(first)
            if is_debate:
                self.debate, self.stance, self.debate_heading_id = True, stance, None
            items = pieces[1:]
        else:
            items = pieces
        for s, e in items:
            labelled = _label(self.text, s, e)
            if labelled:
                self._labelled(labelled[0], (labelled[1], e))
            else:
                self._plain(s, e)
        self.debate, self.stance, self.debate_heading_id = saved

    def _plain(self, start: int, end: int) -> None:
        if self.heading_unit is None:
            self.heading_unit = self._new_unit(self.heading, self.heading_span)
        self.heading_unit.body.append((start, end))


def _title(text: str, lines: list[_Line | None], lex: Lexicon, labels: TextLabels) -> tuple[int, str, Span] | None:
    """``(line index, title, span)`` of the title line: the first line that reads like a
    heading or a short question, after any byline or dateline."""
    for i, line in enumerate(lines):
        if line is None:
            continue
        s, e = line.start, line.end
        hashes = _MARKDOWN_HEADING.match(text, s, e)
        s = hashes.end() if hashes else s
        named = labels.title_label(text, s, e)
        s = named if named is not None else s  # "Discussion Title: Should libraries lend tools?"
        candidate = bold_only(text[s:e]) or text[s:e]
        if is_byline(candidate, labels.tables):
            continue
        speaker = labels.speaker_label(text, s, e)
        if labels.item_label(text, s, e) is not None or (speaker is not None and speaker.role):
            return None
        looks_like_title = (is_heading(candidate) or is_question_line(candidate)
                            or (len(candidate) <= 200 and candidate[-1] not in ".!?"))
        if not looks_like_title or labels.is_section_name(candidate):
            return None  # a first line such as "Criticism" or "Arguments against" opens a section
        title = _EDIT_SUFFIX.sub("", candidate).strip()
        offset = text.index(title, s) if title in text[s:e] else s
        return i, title, (offset, offset + len(title))
    return None


_MAX_POLAR_WORDS = 6  # "Only on the lowest setting." opens an answer; a longer sentence argues
_MIN_SUBTITLE_WORDS = 5  # "Committee notes for the April meeting": a section heading is shorter


def _subtitle(text: str, lines: list[_Line | None], labels: TextLabels, lex: Lexicon) -> int | None:
    """The index of a subtitle line right under the title ("A guide for parents, spring
    2025") over a paragraph of prose: it heads no section, so it is no topic. A line naming
    a side ("Why you might want one") is a side heading, not a subtitle."""
    k = next((k for k, line in enumerate(lines) if line is not None), None)
    if k is None:
        return None
    line = lines[k]
    assert line is not None
    content = line.text
    if not is_heading(content) or len(content.split()) < _MIN_SUBTITLE_WORDS or "|" in content \
            or _continues(text, lines, k + 1) or _SENTENCE_GAP.search(content) \
            or content[0] in "#*_" or labels.is_section_name(content) or is_byline(content, labels.tables) \
            or labels.is_meta_line(content) or labels.post_header(content) is not None \
            or labels.item_label(text, line.start, line.end) is not None or lex.section_roles(content)[1] is not None:
        return None
    nxt = _next_line(lines, k + 1)
    prose = nxt is not None and nxt.text[-1] in ".!?:”\")" and not _BULLET.match(nxt.text) \
        and labels.item_label(text, nxt.start, nxt.end) is None
    return k if prose else None


def _speakers(text: str, lines: list[_Line | None], labels: TextLabels) -> dict[str, str]:
    """Speaker labels of a transcript → ``pro`` / ``con`` / ``procedural`` / ``""`` (unknown side).

    A label is a speaker when its role word is known ("CHAIR", "OPPOSITION (…)"), or when
    the text reads as a dialogue: turns by two speakers or more, one of them speaking twice,
    opening most paragraphs ("ANA:" / "BEN:", "Speaker 1:" / "Speaker 2:")."""
    counts: dict[str, int] = {}
    found: dict[str, SpeakerLabel] = {}
    bodies: dict[str, list[str]] = {}
    for line in lines:
        if line is None or ":" not in line.text or _short_heading(line):
            continue  # no colon, no label
        m = labels.speaker_label(text, line.start, line.end)
        if m is None or labels.item_label(text, line.start, line.end) is not None:
            continue
        counts[m.key] = counts.get(m.key, 0) + 1
        found[m.key] = m
        bodies.setdefault(m.key, []).append(text[m.body_start : line.end])
    if not found:
        return {}  # most texts: no speaker, and no need to count the paragraphs
    paragraphs = sum(1 for line in lines if line is not None and not _short_heading(line))
    turns = sum(counts.values())
    dialogue = len(counts) >= 2 and max(counts.values(), default=0) >= 2 and turns >= 3 and 2 * turns > paragraphs
    members = [k for k, m in found.items() if not m.role]
    if dialogue and len(members) >= 2 and all(labels.interjects(found[k]) for k in members):
        # a debate where every speech is labelled ("Ms Priya Hale (Westbrook): I beg to move …",
        # later "Ms Hale: …"): the first member's turns are the speech, the others interject
        # in it, a chair keeps order
        mover = _member(found[members[0]])
        return {k: m.role or (SPEECH if _member(m) == mover else INTERJECTION) for k, m in found.items()}
    if not dialogue and not any(m.role for m in found.values()) and 2 * turns < paragraphs:
        # a speech whose own paragraphs carry no label, with a few labelled interjections
        return {k: INTERJECTION for k, m in found.items() if labels.interjects(m)}
    roles = {k: m.role for k, m in found.items() if m.role or dialogue}
    if dialogue and not any(r == "procedural" for r in roles.values()) and len(found) >= 3:
        host = _host(found, bodies)
        if host is not None and not roles[host]:
            roles[host] = "procedural"
    if dialogue and not any(r == "procedural" for r in roles.values()):
        asker = _interviewer(bodies)
        if asker is not None and not roles[asker]:
            roles[asker] = "procedural"
    return roles


_STAR_CHARS = frozenset("★☆✩✭ ")


def _short_heading(line: _Line) -> bool:
    """A heading line, which is no paragraph a speaker's turn may open."""
    return line.end - line.start <= _MAX_HEADING_CHARS and is_heading(line.text)


def _interviewer(bodies: dict[str, list[str]]) -> str | None:
    """The speaker who asks the questions ("MARTA: Why did the port act now?"): most of their
    turns, two or more, end in a question, and no one else's do."""
    asking = [k for k, texts in bodies.items()
              if len(texts) >= 2 and 2 * sum(1 for x in texts if x.rstrip().endswith("?")) > len(texts)]
    return asking[0] if len(asking) == 1 else None


def _member(label: SpeakerLabel) -> tuple[str, str]:
    """A member's honorific and surname, the same in the first label of a debate and in the
    later ones ("Ms Priya Hale (Westbrook)" and "Ms Hale")."""
    words = label.name.split("(", 1)[0].split()
    return (words[0].lower(), words[-1].lower()) if words else ("", "")


def _stars(line: str) -> str | None:
    """The side a star rating opening a line gives ("★★★★☆ Good value" → pro, "★★☆☆☆" → con),
    ``None`` for no rating or a middling one."""
    if line[:1] not in _STAR_CHARS:
        return None  # most lines: no rating opens them
    rating = line[: len(line) - len(line.lstrip("★☆✩✭ "))]
    filled, empty = rating.count("★") + rating.count("✭"), rating.count("☆") + rating.count("✩")
    if filled + empty < 3:
        return None
    share = filled / (filled + empty)
    return "pro" if share >= 0.7 else "con" if share <= 0.45 else None


def _signature(text: str, lines: list[_Line | None], at: int) -> bool:
    """Whether line ``at`` signs the paragraph right above it ("Ruth Akande, Eastbrook"):
    a name of capitalised words, a comma and a place, with no blank line before it."""
    line, above = lines[at], lines[at - 1] if at > 0 else None
    if line is None or above is None or above.text[-1] not in (".", "!", "?", "”", '"'):
        return False
    name, comma, place = line.text.partition(",")
    words = name.split() + place.split()
    return bool(comma) and 2 <= len(name.split()) <= 4 and len(words) <= 8 and all(w[:1].isupper() for w in words)


def _opens_with(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether lower-cased ``text`` opens with one of ``phrases`` as whole words."""
    return any(text.startswith(p) and (len(text) == len(p) or not text[len(p)].isalnum()) for p in phrases)


def _host(found: dict[str, SpeakerLabel], bodies: dict[str, list[str]]) -> str | None:
    """The speaker who hands the floor to the others, a host or presenter known only by a
    name ("DANA: Thanks, Graham. Let's go to Maureen."): most of their turns, two or more,
    name another speaker, which no one else's do."""
    first = {k: m.name.split()[0].lower() for k, m in found.items() if m.name.split()}
    naming: dict[str, int] = {}
    for key, texts in bodies.items():
        others = {name for k, name in first.items() if k != key and name != first.get(key)}
        naming[key] = sum(1 for t in texts if others & set(_LETTERS.findall(t.lower())))
    regulars = [k for k in naming if len(bodies[k]) >= 2]
    if not regulars:
        return None
    best = max(regulars, key=lambda k: naming[k] / len(bodies[k]))
    ratio = naming[best] / len(bodies[best])
    rivals = [k for k in regulars if k != best and naming[k] / len(bodies[k]) >= ratio / 2]
    return best if 2 * naming[best] > len(bodies[best]) and not rivals else None


def parse_layout(text: str, lexicon: Lexicon | None = None) -> Layout:
    """Split ``text`` into units (see :class:`Unit`); every span indexes ``text``."""
    lex = lexicon or Lexicon.default()
    labels = TextLabels(layout_labels(lex), text)
    stop_labels: list[Span] = []
    lines = _content_lines(text, stop_labels)
    labels.use_plain_stops(stop_labels)
    found = _title(text, lines, lex, labels)
    title: str | None = None
    title_span: Span | None = None
    if found is not None:
        index, title, title_span = found
        lines = lines[index + 1 :]
    dek = _subtitle(text, lines, labels, lex) if found is not None else None
    if dek is not None:
        lines[dek] = None  # a subtitle describes the page; the title stays its topic
    collector = _UnitCollector(text, lex, labels, _speakers(text, lines, labels))
    collector.relative_sides = found is not None and labels.names_relative_outline(text, found[2][0])
    shape = _Shape(text, lines, labels)
    thread, questions, myths, signed = shape.thread, shape.questions, shape.myths, shape.signed
    # a speech with interjections ("Mr Lee (Eastfield): …"): a question on a line of its own
    # is the speaker's own rhetorical question, neither a FAQ item nor a heading
    speech = INTERJECTION in collector.speakers.values()
    letters = len(signed) >= 2 and not thread
    signer_at = 0  # the next signature line, while reading a letters page
    i, list_length, in_list = 0, 0, False
    while i < len(lines):
        line = lines[i]
        i += 1
        if line is None:
            continue
        collector.after_blank = i > 1 and lines[i - 2] is None
        s, e = line.start, line.end
        content = line.text
        # most lines open with a letter: the patterns below are only tried on lines whose
        # first character they can match
        first = content[0]
        if first in _RULE_CHARS and _RULE.fullmatch(content):
            continue
        # "Asked by Dr Ann Lee" / "Answered by Tom Hale, Minister, on 9 May": the next paragraph asks or answers
        named = labels.tables.named_qa(content, e) if first.isupper() else None
        if thread and named is None:
            poster = labels.post_header(content)
            nxt = _next_line(lines, i)
            if poster is not None and content.endswith(":") and nxt is not None and labels.is_quote_line(nxt.text):
                collector.quoting_from(poster)  # "On 17 June, Tom wrote:" introduces the lines quoted
                continue
            if poster is not None:
                collector.post(poster, line.indent)
                continue
            if labels.is_quote_line(content):
                collector.quoted(s, e)
                continue
        hashes = _MARKDOWN_HEADING.match(content) if first == "#" else None
        # a label on a line of its own labels the next block; a plain line must show it is
        # a label ("Counterpoint:"), a heading ("### Against", "**For**") may not
        bold = bold_only(content) if first in "*_" else None
        marked = hashes is not None or bold or (
            content[-1] in ":—–*_" and content.rstrip("*_ ").endswith((":", "—", "–")))
        bare = labels.bare_label(text, s + hashes.end() if hashes else s, e) if marked else None
        if bare is not None and lex.section_roles(bare.name)[0]:
            bare = None  # "## Criticism" heads a section
        if bare is None and not marked:
            bare = named
        if bare is not None:
            collector.pending_label = bare
            continue
        if hashes or bold is not None:
            in_list = False
            start = s + hashes.end() if hashes else text.index(bold, s)  # type: ignore[arg-type]
            stop = e if hashes else start + len(bold)  # type: ignore[arg-type]
            level = hashes.group().count("#") if hashes else None
            if is_question_line(text[start:stop]):
                collector.question(start, stop, level)  # "### Won't prices rise?" in a FAQ page
            else:
                collector.heading_line(start, stop, level=level)
            continue
        if letters and signer_at < len(signed) and i - 1 < signed[signer_at] and collector.pending_post is None \
                and collector.open_turn is None:
            sig = lines[signed[signer_at]]
            assert sig is not None
            collector.post(sig.text.split(",", 1)[0].strip())  # the letter's writer
        if letters and signer_at < len(signed) and i - 1 >= signed[signer_at]:
            signer_at += 1
        if first == "|" and _TABLE_ROW.fullmatch(content):
            if collector.table_row(s, e):
                continue
        elif "|" in content and (collector.table_sides is not None and not collector.after_blank
                                 or _delimiter_row(text, _next_line(lines, i))):
            # a table without outer pipes ("Pros | Cons" over "--- | ---"), as GitHub reads one
            if collector.table_row(s, e):
                continue
        else:
            collector.table_sides = None
        bullet = _BULLET.match(content) if first in _BULLET_CHARS or first.isdigit() else None
        if bullet and first in _SIGNING_DASHES and is_byline(content[bullet.end() :], labels.tables):
            continue  # "— Maya T., 14 August 2024" signs the answer above it
        if bullet and not in_list:
            list_length = _list_length(text, lines, i - 1)
        in_list = bool(bullet)
        if bullet:
            numbers = _DIGITS.findall(bullet.group()) if bullet.group().lstrip("(")[0].isdigit() else []
            collector.item(s + bullet.end(), e, line.indent + _marker_depth(bullet.group()), list_length,
                           ordinal=int(numbers[0]) if len(numbers) == 1 else None)
            continue
        labelled = labels.item_label(text, s, e) is not None
        question = content[-1] == "?" and is_question_line(content)
        if labelled and (by := labels.side_byline(text, s, e)) is not None:
            collector.side_writer(by, e)  # "NO: Derek Haines, resident of Mill Row"
        elif labelled:
            collector.prose(s, e)
        elif collector.speakers and collector.is_turn(s, e):
            # "Mr Lee (Eastfield): Will the member give way?", "INTERVIEWER: Why …?" is no FAQ
            collector.prose(s, e)
        elif speech and question:
            collector.prose(s, e)
        elif i - 1 in myths and (inner := _quoted_line(text, line)) is not None:
            collector.quoted_myth(*inner)
        elif question and not _continues(text, lines, i) and _answered(text, _next_line(lines, i), labels):
            if questions >= 2:
                collector.question(s, e)  # a FAQ: the question voices an objection or heads a topic
            else:
                collector.heading_line(s, e)
        elif first in _STAR_CHARS and (stars := _stars(content)) is not None and is_heading(content.strip("★☆✩✭ ")):
            collector.side_heading(s, e, stars)  # "★★☆☆☆ Struggles with long grass": a review's side
        elif is_heading(content) and not _continues(text, lines, i):
            # "By Ana Ruiz, staff writer" under the title, "Forum › Health", "Judgment of X, 9 May 2026"
            if _signature(text, lines, i - 1):
                collector.end_post()
                continue  # "Ruth Akande, Eastbrook" right under a letter signs it
            if not (is_byline(content, labels.tables) or labels.is_meta_line(content)):
                collector.heading_line(s, e)
        else:
            # a paragraph hard-wrapped over several lines ends on a line that ends a sentence
            last = content[-1]
            while last not in ".!?:”\")" and i < len(lines) and lines[i] is not None:
                nxt = lines[i]
                assert nxt is not None
                if _BULLET.match(nxt.text) or labels.item_label(text, nxt.start, nxt.end) or is_heading(nxt.text):
                    break
                e, last = nxt.end, nxt.text[-1]
                i += 1
            collector.prose(s, e)
    return Layout(title=title, title_span=title_span, units=collector.units, choices=collector.choices)


class _Shape:
    """What kind of page the lines make, read in one pass over them: a thread, a FAQ, a
    myth page, a letters page."""

    def __init__(self, text: str, lines: list[_Line | None], labels: TextLabels) -> None:
        posts = questions = 0
        myths: list[int] = []
        signed: list[int] = []
        following: _Line | None = None  # the next line that is not blank (read backwards)
        for n in range(len(lines) - 1, -1, -1):
            line = lines[n]
            if line is None:
                continue
            content = line.text
            if len(content) <= _MAX_HEADING_CHARS and labels.post_header(content) is not None:
                posts += 1
            if content[-1] == "?" and is_question_line(content):
                questions += 1
            if content[0] in _OPENING_QUOTES and _quoted_line(text, line) is not None \
                    and _answered(text, following, labels) and _quoted_line(text, following) is None:
                myths.append(n)
            if "," in content and _signature(text, lines, n):  # a signature names a place after a comma
                signed.append(n)
            following = line
        # a thread: two posts or more, each under a line naming its author ("Reply from X · date")
        self.thread = posts >= 2
        self.questions = questions
        # a myth page that quotes what people say, one sentence a line, each answered below it
        self.myths = frozenset(myths) if len(myths) >= 2 else frozenset()
        # a letters page: two letters or more, each signed on the line under it ("Ruth Akande, Eastbrook")
        self.signed = signed[::-1]


def _next_line(lines: list[_Line | None], i: int) -> _Line | None:
    """The first line from ``i`` on that is not blank."""
    for k in range(i, len(lines)):
        if lines[k] is not None:
            return lines[k]
    return None


def _quoted_line(text: str, line: _Line | None) -> Span | None:
    """The span inside the quotation marks of a line that is one quoted sentence or two
    (“X.”, "X?"), with no other quotation mark inside; None for any other line."""
    if line is None or line.end - line.start < 4:
        return None
    first, last = text[line.start], text[line.end - 1]
    if first not in _OPENING_QUOTES or last not in _CLOSING_QUOTES or text[line.end - 2] not in ".!?":
        return None
    inner = text[line.start + 1 : line.end - 1]
    if any(c in inner for c in _OPENING_QUOTES + _CLOSING_QUOTES):
        return None
    return line.start + 1, line.end - 1


def _answered(text: str, nxt: _Line | None, labels: TextLabels) -> bool:
    """True when ``nxt``, the line after a question line, is a paragraph that can answer;
    a closing rhetorical question answers itself and stays a sentence of the text."""
    if nxt is None:
        return False
    following = nxt.text
    return not (is_question_line(following) or _MARKDOWN_HEADING.match(following)
                or labels.item_label(text, nxt.start, nxt.end) is not None)


def _cells(text: str, start: int, end: int) -> list[Span]:
    """The spans of the cells of a table row ``| a | b |`` or ``a | b`` (no outer pipes),
    without padding."""
    cells, at = [], start + 1 if text[start] == "|" else start
    while at <= end:
        stop = text.find("|", at, end)
        if stop < 0:
            stop = end  # the last cell of a row without an outer pipe, or nothing after one
        s, e = at, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if stop == end and s == e:
            break
        cells.append((s, e))
        at = stop + 1
    return cells


def _parallel(before: str, now: str) -> tuple[str, str] | None:
    """The two choices of two headings in one frame with another last word ("Reasons to
    buy" / "Reasons to rent" → ``("buy", "rent")``), else ``None``."""
    first, second = before.lower().split(), now.lower().split()
    if len(second) < 2 or len(second) != len(first) or second[:-1] != first[:-1] or second[-1] == first[-1]:
        return None
    return first[-1], second[-1]


def _delimiter_row(text: str, line: _Line | None) -> bool:
    """Whether ``line`` is a table's delimiter row ("--- | :---:"), which makes the line
    above it a header row even without outer pipes."""
    if line is None or "|" not in line.text or line.text[0] not in "|:-":
        return False
    return all(_TABLE_RULE.fullmatch(text[s:e]) for s, e in _cells(text, line.start, line.end))


def _list_length(text: str, lines: list[_Line | None], first: int) -> int:
    """The number of items of the list starting at line ``first`` (at its indentation)."""
    start = lines[first]
    assert start is not None
    first_bullet = _BULLET.match(text, start.start, start.end)
    assert first_bullet is not None
    level = start.indent + _marker_depth(first_bullet.group())
    count = 0
    for line in lines[first:]:
        if line is None:
            continue
        bullet = _BULLET.match(text, line.start, line.end)
        if not bullet:
            break
        if line.indent + _marker_depth(bullet.group()) == level:
            count += 1
    return count


def _marker_depth(marker: str) -> int:
    """How many levels a list marker sits under its line's indentation: "1.2.1" two levels
    under "1.", "***" (MediaWiki) two under "*", whatever the indentation."""
    marker = marker.strip().lstrip("(")  # "(1)" numbers like "1."
    if marker[0].isdigit():
        return max(0, len(_DIGITS.findall(marker)) - 1)
    return len(marker) - 1 if marker[0] == "*" else 0
