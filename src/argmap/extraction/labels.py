"""Layout labels: the words a layout puts before a statement ("For:", "Myth 2 —",
"• The facts:", "1) Objection:", "**Point.**"), speaker labels of transcripts
("PROPOSITION (Hana):"), reply headings ("Replies to the objections") and bylines.

The words are lexicon data (``item_labels``, ``qa_labels``, ``speakers``, ``bylines`` in
``lexicons/en.json``); this module only knows their shapes — any bullet or ordinal before a
label, an ordinal after it, bold or italic marks around it, and a colon, dash or (inside
bold, or after an ordinal) full stop after it.

Example:
    >>> labels = layout_labels(Lexicon.default())
    >>> found = labels.item_label("1) Objection: it costs too much.", 0, 32)
    >>> found.name, found.role, found.stance, found.body_start
    ('Objection', 'side', 'con', 14)
    >>> labels.item_label("Myth 2 — Heat pumps are loud.", 0, 29).role
    'topic'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from argmap.extraction.lexicon import Lexicon

FLIP = {"pro": "con", "con": "pro"}

# the ordinals of an outline beyond "1." and "a)": "1.1", "2.3.1.", "I.", "IV)", "(ii)"; a
# decimal one only before a capital, so "1.5 million residents …" opens no item
OUTLINE_ORDINALS = r"\d{1,2}(?:\.\d{1,2}){1,4}\.?(?=\s+[A-Z*_“\"‘'(])|[IVX]{1,4}[.)]|\(?[ivx]{1,4}\)"
_ITEM_LABEL = re.compile(
    r"(?:(?:[-–—•*+·▪●◦‣✓✔✗✘→►▸▶]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|" + OUTLINE_ORDINALS + r")\s+)?"  # bullet or ordinal
    r"(?P<open>\*\*|__|\*|_)?"
    # the label words; a word is never cut short ("*+"): nothing that may follow one starts
    # with a word character, and trying shorter words costs most of the time on prose lines
    r"(?P<name>[^\W\d_][\w'’-]*+(?:[ ][\w'’-]++){0,3}?)"
    r"(?:\s*+(?P<num>#?\d{1,2}|[IVX]{1,4}\b))?"                        # "Myth 2", "Point #3"
    r"\s*(?P<inner>\*\*|__|\*|_)?"
    r"(?P<sep>\s*:|\s*[—–]|\s+-(?=\s)|\.(?=\s|\*|_))"
    r"\s*(?P<close>\*\*|__|\*|_)?\s+(?=\S)"
)
_BARE_LABEL = re.compile(
    r"(?:(?:[-–—•*+·▪●◦‣✓✔✗✘→►▸▶]|\(?\d{1,2}[.)]|" + OUTLINE_ORDINALS + r")\s+)?(?:\*\*|__)?"
    r"(?P<name>[^\W\d_][\w'’-]*(?:[ ][\w'’-]+){0,3}?)(?:\s*(?:#?\d{1,2}|[IVX]{1,4}))?"
    r"\s*(?:\*\*|__)?\s*[:—–]?\s*(?:\*\*|__)?"
)
# what may end a label besides a colon, a dash or bold marks: " - ", an ordinal's full stop, or
# italic marks by a full stop ("*Reply.*")
_SPACED_HYPHEN = re.compile(r"\s-\s")
_STOP_MARKS = "*_"  # italic or bold marks by a full stop ("*Reply.*", "**Point**.")
_MAX_LABEL_CHARS = 72
# a line opening with a few words and a full stop ("Reply. The …", "- Thesis. We …")
_MAX_STOP_LABEL_WORDS = 6  # "Reply to the objection 2." at most, before a label's full stop
_SPEAKER = re.compile(
    r"(?P<label>(?P<role>[A-Z][\w'’.-]*(?:[ ](?:[A-Z][\w'’.-]*|\d{1,2})){0,3})"
    r"(?:\s*\((?P<name>[^()\n]{1,60})\))?)\s*:\s+(?=\S)"
)
_BOLD_LINE = re.compile(r"(?P<mark>\*\*|__)(?P<inner>[^*_\n]{1,120}?)\s*:?\s*(?P=mark)\s*:?")
_BOLD_LABEL = re.compile(
    r"(?:\*\*|__)(?P<label>[^*_\n]{1,100}?)\s*[.:]?\s*(?:\*\*|__)\s*[.:—–]?\s+(?=\S)"
)
_NOT_SECTION_CHARS = re.compile(r"[^\w\s&'-]")
_NOT_HEADING_CHARS = re.compile(r"[^\w\s'-]")
_DIGIT = re.compile(r"\d")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_BYLINE_WORDS = 14
_AGE = re.compile(r"\d{1,4}\s*(?P<unit>[a-z]{1,7}(?: ago)?)")
_COUNT = re.compile(r"[\d.,]+[kKmM]?\s+(?P<what>\w+)\b")
_MAX_UNSIGNED_BYLINE_WORDS = 6


def _separated(head: str) -> bool:
    """Whether ``head`` holds something that may end a label: a colon, a dash, bold marks,
    " - ", a digit's full stop or italic marks by one (substring tests first: a regex searched at every position
    of every line costs more than the label match itself)."""
    return (":" in head or "—" in head or "–" in head or "**" in head or "__" in head
            or ("-" in head and _SPACED_HYPHEN.search(head) is not None)
            or ("." in head and _ordinal_stop(head)))


def _ordinal_stop(head: str) -> bool:
    """Whether a full stop in ``head`` follows a digit ("2.") or sits by italic marks
    ("*Reply.*"); a head holds a full stop or two, so looking at each beats searching a
    pattern at every position."""
    at = head.find(".")
    while at >= 0:
        before, after = head[at - 1 : at] if at else "", head[at + 1 : at + 2]
        if before.isdecimal() or (before and before in _STOP_MARKS) or (after and after in _STOP_MARKS):
            return True
        at = head.find(".", at + 1)
    return False


@dataclass(frozen=True)
class ItemLabel:
    """A known label before a statement: ``role`` is ``topic`` (Myth, Q: a topic of its
    own), ``answer`` (Fact, A, Response, Counterpoint), ``opens`` (Point, Argument for) or
    ``side`` (For / Against); ``stance`` is ``None`` for a question, whose side depends on
    whether it voices an objection."""

    name: str
    role: str
    stance: str | None
    body_start: int
    # the label ends in a plain full stop ("Reply. …"), a label only where the text uses it so twice
    plain_stop: bool = False
    # the ordinal after the label ("Objection 2", "Point #3", "Response to comment 4")
    number: int | None = None


@dataclass(frozen=True)
class SpeakerLabel:
    """A transcript speaker label: ``key`` identifies the speaker, ``role`` is ``pro`` /
    ``con`` / ``procedural`` from a known role word, else ``""``."""

    key: str
    label: str
    role_words: str
    name: str
    role: str
    body_start: int


def _norm(words: str) -> str:
    return " ".join(words.lower().replace("’", "'").split())


def _plain_words(line: str, not_word: re.Pattern[str]) -> str:
    """``line`` with each character ``not_word`` matches made a space; a line of plain words
    (most headings) needs no substitution."""
    return line if line.replace(" ", "").isalnum() else not_word.sub(" ", line)


class LayoutLabels:
    """The label tables of one lexicon, looked up by their normalised words."""

    def __init__(self, lex: Lexicon) -> None:
        table: dict[str, tuple[str, str | None]] = {}
        for word in lex.words("qa_labels", "myth"):
            table[_norm(word)] = ("topic", "con")
        for word in lex.words("qa_labels", "question"):
            table[_norm(word)] = ("topic", None)
        for word in lex.words("qa_labels", "answer") + lex.words("qa_labels", "fact") + lex.words("item_labels", "answers"):
            table[_norm(word)] = ("answer", None)
        for key, role in (("opens", "opens"), ("sides", "side")):
            for side in ("pro", "con"):
                for word in lex.words("item_labels", key, side):
                    table[_norm(word)] = (role, side)
        self._items = table
        for word in lex.words("item_labels", "findings"):
            table[_norm(word)] = ("opens", "pro")
        self._facts = frozenset(_norm(w) for w in lex.words("qa_labels", "fact"))
        self._findings = frozenset(_norm(w) for w in lex.words("item_labels", "findings"))
        self._abstract_sections = self._findings | frozenset(_norm(w) for w in lex.words("item_labels", "abstract_sections"))
        self._not_before_stop = frozenset(_norm(w) for w in lex.words("item_labels", "not_before_full_stop"))
        self.review_headings = frozenset(_norm(w) for w in lex.words("sections", "review"))
        self.one_sided_headings = frozenset(lex.words("sections", "one_sided"))
        self.agreement_openers = tuple(lex.words("connectives", "agreement"))
        self._title_labels = frozenset(_norm(w) for w in lex.words("item_labels", "title_labels"))
        self._relative_titles = frozenset(_norm(w) for w in lex.words("item_labels", "relative_outline_titles"))
        self._speakers = {_norm(w): role for role in ("pro", "con", "procedural") for w in lex.words("speakers", role)}
        self._honorifics = frozenset(_norm(w) for w in lex.words("speakers", "honorifics"))
        self._reply_headings = tuple(_norm(w) for w in lex.words("item_labels", "reply_headings"))
        self._reply_heading_set = frozenset(self._reply_headings)
        self._reply_heading_prefixes = tuple(w + " " for w in self._reply_headings)
        self._section_names = frozenset(
            _norm(w) for key in ("debate", "pro", "con", "closing") for w in lex.words("sections", key))
        self.byline_starts = tuple(_norm(w) for w in lex.words("bylines", "starts"))
        self.byline_prefixes = tuple(w + " " for w in self.byline_starts)
        self.byline_first_words = frozenset(w.split()[0] for w in self.byline_starts)
        self.byline_by = tuple(w + " " for w in self.byline_starts if w.endswith(" by"))
        self.months = frozenset(_norm(w) for w in lex.words("bylines", "months"))
        self.post_starts = tuple(_norm(w) + " " for w in lex.words("bylines", "post_headers"))
        self._post_start_words = frozenset(w.split()[0] for w in self.post_starts)
        self.post_ends = frozenset(_norm(w) for w in lex.words("bylines", "post_header_ends"))
        self.quote_marks = tuple(lex.words("bylines", "quote_marks"))
        self.separators = tuple(lex.words("bylines", "separators"))
        # any separator in a line, and where an author's name ends in a post header
        self._separator = re.compile("|".join(map(re.escape, self.separators))) if self.separators else None
        self._name_end = re.compile(r"\s+(?:on|at)\s+|[,(]|\s[-–—]\s|" + "|".join(map(re.escape, self.separators)))
        self.breadcrumbs = tuple(lex.words("bylines", "breadcrumb_separators"))
        self.ages = frozenset(lex.words("bylines", "ages"))
        self.counts = frozenset(lex.words("bylines", "counts"))
        self.header_fields = tuple(_norm(w) + " " for w in lex.words("bylines", "header_fields"))
        self._updates = frozenset(_norm(w) for w in lex.words("bylines", "updates"))
        self._votes = frozenset(_norm(w) for w in lex.words("item_labels", "votes"))
        self._named_qa = tuple((_norm(w) + " ", role) for key, role in (("asked_by", "topic"), ("answered_by", "answer"))
                               for w in lex.words("qa_labels", key))
        self._named_qa_first = frozenset(w.split()[0] for w, _ in self._named_qa)
        self._negative_answers = tuple(_norm(w) for w in lex.words("qa_labels", "negative_answers"))
        self._problem_words = tuple(_norm(w) for w in lex.words("qa_labels", "problem_words"))
        self._disagreeing_answers = tuple(_norm(w) for w in lex.words("qa_labels", "disagreeing_answers"))
        # ", 9 February 2026", ", May 2026", "February 9, 2026" closing a line: its date
        months = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        self._trailing_date = re.compile(
            rf"(?:,|\s(?:on|dated))\s*(?:\d{{1,2}}\s+)?(?:{months})\.?(?:\s+\d{{1,2}},)?\s+\d{{4}}$", re.IGNORECASE)

    def named_qa(self, line: str, end: int) -> ItemLabel | None:
        """A line naming who asks or who answers ("Asked by Dr Ann Lee (Eastfield)",
        "Answered by Tom Hale, Minister of State, on 9 May"): a question or an answer label for
        the paragraph after it, as in a parliamentary written question."""
        if not line or line[-1] in ".!?":
            return None
        space = line.find(" ")
        if space < 0 or line[:space].lower() not in self._named_qa_first:
            return None  # most lines: their first word names nobody asking
        low = _norm(line) + " "
        role = next((r for w, r in self._named_qa if low.startswith(w)), None)
        if role is None:
            return None
        # a member's written question holds the government to account: it challenges, and the
        # answer rebuts it
        name = line.split(" by ", 1)[0] if " by " in line else line
        return ItemLabel(name, role, "con" if role == "topic" else None, end)

    def answer_polarity(self, answer: str) -> str | None:
        """How an answer among several opens: ``"disagrees"`` with the answer before it ("I
        disagree with the answer above."), ``"denies"`` the question ("Not really.", "Only on
        the lowest setting."), else ``None``."""
        head = " " + _norm(answer[:60]).replace(",", " ").replace(".", " ").replace("!", " ") + " "
        if any(head.startswith(" " + w + " ") for w in self._disagreeing_answers):
            return "disagrees"
        if any(head.startswith(" " + w + " ") for w in self._negative_answers):
            return "denies"
        return None

    def names_problem(self, question: str) -> bool:
        """Whether a question asks about a problem ("Will my council tax go up?", "Is it
        noisy?"; ``qa_labels.problem_words``), so that denying it defends the thing asked about."""
        words = " " + _norm(_plain_words(question, _NOT_HEADING_CHARS)) + " "
        return any(" " + w + " " in words for w in self._problem_words)

    def is_vote(self, label: str) -> bool:
        """Whether a label votes on a proposal ("Support", "Strong oppose")."""
        return _norm(label) in self._votes

    def is_update(self, label: str) -> bool:
        """Whether a label adds to the post it sits in ("Update, 5 May", "Edit 2", "UPDATE
        (Friday)"): its first word, before any date or number, is an update word."""
        first = _norm(label).split(maxsplit=1)[0].strip(",.:;()") if label.strip() else ""
        return first in self._updates

    def post_header(self, line: str, *, separators: bool = True) -> str | None:
        """The author a line heading a post of a thread names ("Reply from Dunmore_J · 3 March",
        "Petra K wrote:"), or ``None``; ``separators=False`` when the line is known to hold
        none of the separators of a handle's fields ("u/bev · 7h").

        Example:
            >>> labels = layout_labels(Lexicon.default())
            >>> labels.post_header("Reply from Dunmore_J · 3 March 2026"), labels.post_header("Ana Ruiz wrote:")
            ('Dunmore_J', 'Ana Ruiz')
            >>> labels.post_header("The council wrote to residents in May.") is None
            True
        """
        first = line.split(None, 1)
        separated = separators and self._separator is not None and self._separator.search(line) is not None
        opens = bool(first) and first[0].lower().replace("’", "'") in self._post_start_words
        if not (opens or separated or line.endswith(":")):
            return None  # most lines: no header's opening words, no "wrote:", no handle (and no need to split them)
        words = line.split()
        if not words or len(words) > _MAX_BYLINE_WORDS:
            return None
        start = self._post_start(line) if opens else None
        if start is None and not separated and not line.endswith(":"):
            return None
        name = ""
        if start is not None:
            rest = line.split(maxsplit=len(start.split()))[-1] if len(words) > len(start.split()) else ""
            name = self._name_end.split(rest, maxsplit=1)[0] if self.separators else rest
        elif line.endswith(":") and _norm(words[-1].rstrip(":")) in self.post_ends \
                and (len(words) <= 6 or "," in line):
            name = " ".join(words[:-1]).rsplit(",", 1)[-1]  # "On 17 June 2026, Tom Reilly wrote:"
        if not name and separated:
            name = self._handle(line)
        name = name.strip()
        return name if name and len(name.split()) <= 4 and not name.endswith((".", "!", "?")) else None

    def _post_start(self, line: str) -> str | None:
        """The words opening a post header that ``line`` opens with ("reply from "), or
        ``None``; asked only of a line whose first word may open one."""
        flat = _norm(line)
        return next((start for start in self.post_starts if flat.startswith(start)), None)

    def _handle(self, line: str) -> str:
        """The handle of a post header that is a handle and the post's age ("u/bev · 7h",
        "sam_k · 2 days ago · OP"), else ""."""
        sep = next((sep for sep in self.separators if sep in line), None)
        if sep is None:
            return ""
        fields = [f.strip() for f in line.split(sep)]
        if len(fields[0].split()) != 1 or not _WORD.search(fields[0]):
            return ""
        for field in fields[1:]:
            m = _AGE.fullmatch(field.lower())
            if m and all(w in self.ages for w in m.group("unit").split()):
                return fields[0]
        return ""

    def is_quote_line(self, line: str) -> bool:
        """True for a line quoting an earlier post ("> My back pain has gone.")."""
        return bool(self.quote_marks) and line.startswith(self.quote_marks)

    def is_meta_line(self, line: str) -> bool:
        """True for a heading-like line that heads nothing: a navigation trail ("Forum ›
        Home › Health"), a line of fields one of which is a byline ("Rating: 3 of 5 · Reviewed
        by Hal"), or a line closing on its date ("Judgment of Mrs Justice Ruiz, 9 May 2026").

        Example:
            >>> labels = layout_labels(Lexicon.default())
            >>> labels.is_meta_line("Forum › Home › Health"), labels.is_meta_line("Prepared for the board, May 2026")
            (True, True)
            >>> labels.is_meta_line("Arguments for")
            False
        """
        if sum(map(line.count, self.breadcrumbs)) >= 2:
            return True
        flat = _norm(line)
        if self.header_fields and flat.startswith(self.header_fields):
            return True  # "To: Allotment committee", "Date: 18 June 2026"
        words = [w.strip(",.") for w in flat.split()]
        if flat.startswith(self.byline_prefixes) and len(words) <= _MAX_BYLINE_WORDS \
                and any(w in self.months for w in words) and any(len(w) == 4 and w.isdigit() for w in words):
            return True  # "Posted on 12 May 2026 by Rachel Oduya"
        for sep in self.separators:
            if sep in line and any(is_byline(part.strip(), self) for part in line.split(sep) if part.strip()):
                return True
            if sep in line and any((m := _COUNT.fullmatch(part.strip())) and m.group("what") in self.counts
                                   for part in line.split(sep)):
                return True  # "412 upvotes · 96 comments", "4.1 out of 5 stars · 212 ratings"
        count = _COUNT.match(line)
        if count and count.group("what") in self.counts and len(words) <= 6 and line[-1:] not in ".!?":
            return True  # "38 people found this helpful"
        if "," in line and len(words) <= _MAX_BYLINE_WORDS:
            # "Judgment of the court, delivered by Lady Justice Amadi": a heading closing on its byline
            last = line.rsplit(",", 1)[1].strip()
            flat_last = _norm(last)
            for start in self.byline_by:
                if flat_last.startswith(start) and last.split(maxsplit=len(start.split()))[-1][:1].isupper():
                    return True
        return bool(self._trailing_date.search(line))

    def item_label(self, text: str, start: int, end: int, *, plain_stop: bool = False) -> ItemLabel | None:
        """The known label a line opens with, if any (see the module docstring). A label
        ending in a plain full stop ("Reply. The list is long.") is read with ``plain_stop``
        only: in most texts "No. …" or "Fact. …" is a sentence."""
        head = text[start : min(end, start + _MAX_LABEL_CHARS)]
        if not (_separated(head) or plain_stop and ". " in head):
            return None  # most lines: no colon, dash or full stop where a label could end
        m = _ITEM_LABEL.match(text, start, end)
        if m is None:
            return None
        name = _norm(m.group("name"))
        found = self._items.get(name)
        if found is None:
            words = name.split()
            if not (len(words) >= 3 and words[1] in ("to", "from") and self._items.get(words[0], ("",))[0] == "answer"):
                return None
            found = ("answer", None)  # "Reply to objection 2:", "Response from Meadowbot:"
        bold = bool(m.group("open") or m.group("inner") or m.group("close"))
        bare_stop = m.group("sep") == "." and not (bold or m.group("num"))
        if bare_stop and not (plain_stop and name not in self._not_before_stop and text[m.end() : m.end() + 1].isupper()):
            return None  # "No. …" or "Fact. …" in plain prose is a sentence, not a label
        role, stance = found
        return ItemLabel(m.group("name"), role, stance, m.end(), plain_stop=bare_stop,
                         number=int(m.group("num").lstrip("#")) if m.group("num") and m.group("num")[-1].isdigit() else None)

    def names_relative_outline(self, text: str, title_start: int) -> bool:
        """Whether the label before the title at ``title_start`` ("Discussion Title:") names an
        outline whose "Pro" / "Con" speak for or against the item above (a Kialo export)."""
        line = text.rfind("\n", 0, title_start) + 1
        colon = text.rfind(":", line, title_start)
        return colon >= 0 and _norm(text[line:colon].lstrip("#*_ ")) in self._relative_titles

    def title_label(self, text: str, start: int, end: int) -> int | None:
        """Where the title starts on a line that names it ("Discussion Title: Should …"),
        else ``None``."""
        colon = text.find(":", start, min(end, start + _MAX_LABEL_CHARS))
        if colon < 0 or _norm(text[start:colon]) not in self._title_labels:
            return None
        at = colon + 1
        while at < end and text[at].isspace():
            at += 1
        return at if at < end else None

    def side_byline(self, text: str, start: int, end: int) -> ItemLabel | None:
        """A side label before the name of who writes for that side, on a line of its own
        ("YES: Imogen Platt, wheelchair user", "Against — Derek Haines"): it heads that
        side's text, as a side heading does; ``None`` for a labelled statement.

        Example:
            >>> labels = layout_labels(Lexicon.default())
            >>> line = "NO: Derek Haines, resident of Mill Row"
            >>> labels.side_byline(line, 0, len(line)).stance
            'con'
            >>> line = "Against: Helmets make riders take more risks."
            >>> labels.side_byline(line, 0, len(line)) is None
            True
        """
        found = self.item_label(text, start, end)
        if found is None or found.role not in ("side", "opens") or found.stance is None:
            return None
        body = text[found.body_start : end].strip()
        words = body.split(",", 1)[0].split()
        if not body or body[-1] in ".!?;:" or len(body.split()) > _MAX_BYLINE_WORDS or not 2 <= len(words) <= 4:
            return None
        return found if all(w[:1].isupper() for w in words) else None

    def is_fact(self, label: ItemLabel) -> bool:
        """True for an answer label that states a fact against a myth ("Reality:", "FACT:")."""
        return _norm(label.name) in self._facts

    def is_findings(self, label: ItemLabel) -> bool:
        """True for the label of a structured abstract's findings ("Results:", "Conclusions:")."""
        return _norm(label.name) in self._findings

    def abstract_section_lines(self, text: str) -> int:
        """How many lines of ``text`` open with a structured abstract's section label
        ("Background:", "Methods:", "Results:" …)."""
        count = 0
        for line in text.split("\n"):
            head, colon, _ = line.partition(":")
            count += bool(colon) and _norm(head.strip(" *_#")) in self._abstract_sections
        return count

    def bare_label(self, text: str, start: int, end: int) -> ItemLabel | None:
        """A line that is nothing but a known label ("Counterpoint:", "**Against**"): the
        statement it labels is the next block; ``body_start`` is left at the line's end."""
        m = _BARE_LABEL.fullmatch(text, start, end)
        if m is None:
            return None
        found = self._items.get(_norm(m.group("name")))
        return None if found is None else ItemLabel(m.group("name"), found[0], found[1], end)

    def speaker_label(self, text: str, start: int, end: int) -> SpeakerLabel | None:
        """A "NAME:" or "ROLE (name):" label opening a paragraph, if the line has one."""
        if text.find(":", start, end) < 0:
            return None  # most lines: no colon, so no label
        m = _SPEAKER.match(text, start, end)
        if m is None:
            return None
        role_words = _norm(m.group("role"))
        # "CHAIR", "Deputy Chair", "First Proposition": the whole label or its last word
        role = self._speakers.get(role_words) or self._speakers.get(role_words.split()[-1], "")
        named = m.group("name")
        role_words, person = m.group("role"), (named or m.group("role")).strip()
        if not role and named:
            # "Hana Sato (Proposition):" names the role in brackets
            role = self._speakers.get(_norm(named)) or self._speakers.get(_norm(named).split()[0], "")
            if role:
                role_words, person = named.strip(), m.group("role")
            else:
                person = m.group("role")  # "GRAHAM (Hexley):" names the speaker, then a place
        return SpeakerLabel(_norm(m.group("label")), m.group("label"), role_words, person, role, m.end())

    def interjects(self, label: SpeakerLabel) -> bool:
        """True for the label of someone interjecting in a speech ("Mr Lee (Eastfield):",
        "Hon. Members:"): it opens with an honorific."""
        return _norm(label.label).split()[0] in self._honorifics

    def is_section_name(self, line: str) -> bool:
        """True for a line that is just a section name ("Criticism", "Arguments against")."""
        return _norm(_plain_words(line, _NOT_SECTION_CHARS)) in self._section_names

    def is_reply_heading(self, heading: str) -> bool:
        """True for "Replies to the disadvantages", "Responses", "Our answers"."""
        h = _norm(_plain_words(heading, _NOT_HEADING_CHARS))
        return h in self._reply_heading_set or h.startswith(self._reply_heading_prefixes)


_UNSEEN = object()  # a line not looked up yet (``None`` is a look-up that found no label)


class TextLabels:
    """The labels of one text's lines, each looked up once (a line is asked several times
    while its block is read)."""

    def __init__(self, labels: LayoutLabels, text: str) -> None:
        self.tables = labels
        self.text = text
        self._items: dict[tuple[int, int], ItemLabel | None] = {}
        self._speakers: dict[tuple[int, int], SpeakerLabel | None] = {}
        # whether labels ending in a plain full stop are labels here (two lines or more open so)
        self.plain_stop = False
        # whether any line may hold a handle's field separator (most texts hold none: one
        # search of the text, not one per line)
        self._separators = any(sep in text for sep in labels.separators)

    def use_plain_stops(self, lines: list[tuple[int, int]]) -> None:
        """Read labels ending in a plain full stop ("Objection. …", "Reply. …") when two of
        ``lines`` (those with a full stop after their first words) or more open with one."""
        found = 0
        read: dict[tuple[int, int], ItemLabel | None] = {}
        for s, e in lines:
            if self.text.count(" ", s, self.text.find(". ", s, e)) >= _MAX_STOP_LABEL_WORDS:
                continue  # most: a sentence of several words before its full stop
            label = read[(s, e)] = self._kept(self.tables.item_label(self.text, s, e, plain_stop=True))
            found += label is not None and label.plain_stop
            if found >= 2:
                self.plain_stop = True
                self._items = read
                return
        # plain full stops end no label here: what the lines read says what they read without them
        for (s, e), label in read.items():
            self._items[(s, e)] = label if label is not None and not label.plain_stop \
                and _separated(self.text[s : min(e, s + _MAX_LABEL_CHARS)]) else None

    def item_label(self, text: str, start: int, end: int) -> ItemLabel | None:
        if text is not self.text:
            return self.tables.item_label(text, start, end, plain_stop=self.plain_stop)
        key = (start, end)
        found = self._items.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._items[key] = self._kept(self.tables.item_label(text, start, end, plain_stop=self.plain_stop))
        return found  # type: ignore[return-value]

    def _kept(self, found: ItemLabel | None) -> ItemLabel | None:
        if found is not None and self.tables.is_findings(found) and not self._structured_abstract:
            return None  # an essay's closing "Conclusion: …" is the author's own sentence
        return found

    @cached_property
    def _structured_abstract(self) -> bool:
        return self.tables.abstract_section_lines(self.text) >= 2

    def title_label(self, text: str, start: int, end: int) -> int | None:
        return self.tables.title_label(text, start, end)

    def names_relative_outline(self, text: str, title_start: int) -> bool:
        return self.tables.names_relative_outline(text, title_start)

    def speaker_label(self, text: str, start: int, end: int) -> SpeakerLabel | None:
        if text.find(":", start, end) < 0:
            return None  # most lines: no colon, so no label (and nothing worth keeping)
        if text is not self.text:
            return self.tables.speaker_label(text, start, end)
        key = (start, end)
        found = self._speakers.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._speakers[key] = self.tables.speaker_label(text, start, end)
        return found  # type: ignore[return-value]

    def bare_label(self, text: str, start: int, end: int) -> ItemLabel | None:
        return self.tables.bare_label(text, start, end)

    def is_section_name(self, line: str) -> bool:
        return self.tables.is_section_name(line)

    def side_byline(self, text: str, start: int, end: int) -> ItemLabel | None:
        # a side byline opens with an item label: the cached look-up rules out most lines
        if text is self.text and self.item_label(text, start, end) is None:
            return None
        return self.tables.side_byline(text, start, end)

    def is_fact(self, label: ItemLabel) -> bool:
        return self.tables.is_fact(label)

    def interjects(self, label: SpeakerLabel) -> bool:
        return self.tables.interjects(label)

    def is_reply_heading(self, heading: str) -> bool:
        return self.tables.is_reply_heading(heading)

    def post_header(self, line: str) -> str | None:
        return self.tables.post_header(line, separators=self._separators)

    def is_quote_line(self, line: str) -> bool:
        return self.tables.is_quote_line(line)

    def is_meta_line(self, line: str) -> bool:
        return self.tables.is_meta_line(line)


@lru_cache(maxsize=8)
def layout_labels(lex: Lexicon) -> LayoutLabels:
    """The label tables of ``lex``, built once per lexicon."""
    return LayoutLabels(lex)


def bold_only(line: str) -> str | None:
    """The words of a line that is nothing but a bold label ("**Pros**", "__Cons:__").

    Example:
        >>> bold_only("**Pros:**"), bold_only("**Pros** are many.")
        ('Pros', None)
    """
    m = _BOLD_LINE.fullmatch(line.strip())
    return m.group("inner").strip() if m else None


def bold_label(text: str, start: int, end: int) -> tuple[tuple[int, int], int] | None:
    """``(label span, body start)`` for a paragraph opening with a bold label
    ("**Atomic changes.** A change …"); the label is a heading, never part of a statement.

    Example:
        >>> bold_label("**Slower CI.** Builds take longer.", 0, 34)
        ((2, 11), 15)
    """
    m = _BOLD_LABEL.match(text, start, end)
    return ((m.start("label"), m.end("label")), m.end()) if m else None


def is_byline(line: str, labels: LayoutLabels) -> bool:
    """A byline ("By Ana Ruiz, staff writer") or dateline ("12 March 2024", "Updated
    2024-03-12") line, which is never a document's title.

    Example:
        >>> labels = layout_labels(Lexicon.default())
        >>> is_byline("By Ana Ruiz | 3 May 2021", labels), is_byline("Bicycle helmets", labels)
        (True, False)
    """
    words = line.lower().replace("’", "'").split()  # the words of _norm(line)
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return False
    # a byline's opening words ("Reviewed by"): the whole line is normalised only when its first word is one
    opens = line[:1].isupper() and words[0].strip(",.:|") in labels.byline_first_words
    flat = " ".join([w.strip(",.:|") for w in words]) if opens else ""
    for start in labels.byline_starts if flat.startswith(labels.byline_prefixes) else ():
        if flat.startswith(start + " "):
            rest = line.split(maxsplit=len(start.split()))[-1].lstrip("|:–—- ")
            # "By Ana Ruiz", or a short unsigned one ("By a staff reporter"), not a sentence
            short = len(words) <= _MAX_UNSIGNED_BYLINE_WORDS and line.rstrip()[-1:] not in ".!?,;:"
            return rest[:1].isupper() or rest[:1].isdigit() or short
    if len(words) > 6:
        return False
    if _DIGIT.search(line) and _DATE.search(line):  # a digit first: it is found much faster than a date
        return True
    return any(w.strip(",.") in labels.months for w in words) \
        and any(w.strip(",.").isdigit() for w in words) and len(_WORD.findall(line)) <= 4
