"""The cue lexicon: actor words, reporting verbs, framing phrases, section names.

The words are data (``lexicons/en.json``), not code, and the pydantic model :class:`Lexicon`
is their schema: a file with an unknown key, a wrong type or a pattern that does not compile
is refused with one line naming the file and the problem. :meth:`Lexicon.load` merges extra
JSON files of the same shape (lists are extended, other values replaced) so users can teach
the extractor their own cues. The patterns compiled from the lists live here too, next to the
data they come from.

Example:
    >>> lex = Lexicon.default()
    >>> lex.actor_stance("Critics"), lex.actor_stance("advocates"), lex.actor_stance("economists")
    ('con', 'pro', None)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from argmap.errors import InputError

_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in ",;:.!?()[]{}\"“”‘’«»—–/"})


def _alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases (spaces match any white space), factored as a
    trie: Python's ``re`` tries plain alternatives one by one, and these lists are long.

    Example:
        >>> _alternation(["argue", "argued", "answer"])
        'a(?:nswer|rgue(?:d)?)'
    """
    trie: dict[str, dict] = {}
    for phrase in {" ".join(p.lower().split()) for p in phrases if p.strip()}:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # the longer continuation is tried first; ending here is the fallback
    return f"(?:{body})?" if "" in node else body


def _inflect(verbs: Iterable[str]) -> set[str]:
    """Add the third-person singular of each verb phrase (``argue`` → ``argues``)."""
    out = set()
    for verb in verbs:
        out.add(verb)
        head, _, rest = verb.partition(" ")
        if head.endswith(("ed", "id", "ld", "lt", "ht")):
            continue
        if head.endswith("y") and not head.endswith(("ay", "ey", "oy")):
            third = head[:-1] + "ies"
        elif head.endswith(("s", "sh", "ch", "x", "z")):
            third = head + "es"
        else:
            third = head + "s"
        out.add(f"{third} {rest}".strip())
    return out


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


Words = list[str]
Pattern = Annotated[str, AfterValidator(_compiles)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Part(BaseModel):
    """A group of word lists; a misspelt key is an error, not a silently ignored list."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Actors(_Part):
    """Actor words by the side they speak for; ``opposite`` ("others") takes the side against
    the previous speaker, ``same`` ("they") continues it."""

    con: Words = []
    pro: Words = []
    opposite: Words = []
    same: Words = []


class Verbs(_Part):
    """Reporting verbs by class (base and past forms; the third person is derived)."""

    neutral: Words = []
    con: Words = []
    response: Words = []
    concession: Words = []
    praise: Words = Field([], description="verbs that speak for the thesis ('praised', 'hailed')")
    elaboration: Words = Field([], description="verbs that go on on the same side ('extend this finding')")
    needs_complement: Words = Field([], description="verbs that report only before a complement or a colon")


class Sides(_Part):
    """Phrases that mark the con or the pro side."""

    con: Words = []
    pro: Words = []


class SidePatterns(_Part):
    """Regular expressions that mark the con or the pro side at the start of a clause."""

    con: list[Pattern] = []
    pro: list[Pattern] = []


class Sections(_Part):
    """Heading words: a debate section, its pro or con side, or a section that ends the debate."""

    debate: Words = []
    pro: Words = []
    con: Words = []
    closing: Words = []
    background: Words = Field([], description="sections that argue nothing (history, definitions)")


class QALabels(_Part):
    """Line labels of question/answer and myth/fact layouts."""

    question: Words = []
    answer: Words = []
    myth: Words = []
    fact: Words = []


class ItemLabels(_Part):
    """Labels before a statement whose place the layout gives ("Point:", "Against:",
    "Counterpoint:"), and the layout words around them (see :mod:`argmap.extraction.labels`)."""

    comment: str = Field("", alias="_comment")
    opens: Sides = Field(Sides(), description="labels opening a new line of argument for a side")
    sides: Sides = Field(Sides(), description="side labels of a sequence; each answers the other side before it")
    answers: Words = Field([], description="labels of a reply to the item before")
    elaboration_openers: Words = Field([], description="openers of a later answer sentence that only restates it")
    reply_headings: Words = Field([], description="headings of a list that answers an earlier list")


class Speakers(_Part):
    """Role words of transcript speaker labels."""

    comment: str = Field("", alias="_comment")
    pro: Words = []
    con: Words = []
    procedural: Words = Field([], description="speakers whose turns are procedure, not argument (a chair)")


class Bylines(_Part):
    """How byline and dateline lines start, and month names; such a line is no title."""

    comment: str = Field("", alias="_comment")
    starts: Words = []
    months: Words = []


class Asides(_Part):
    """Attribution inside or after a clause (", as argued by X,", "according to X,")."""

    passive_verbs: Words = []
    by_phrase_openers: Words = []
    source_phrases: Words = []
    source_determiners: Words = []


class Connectives(_Part):
    """Discourse connectives by PDTB-style class: contrast and response turn to the other side,
    concession grants a point to it, elaboration and cause go on on the same side."""

    contrast: Words = []
    response: Words = []
    concession: Words = []
    subordinate_concession: Words = Field([], description="'Although X, Y': X is granted, Y answers it")
    elaboration: Words = []
    cause: Words = []


class Pronouns(_Part):
    """Pronouns that continue the last speaker (``same``) or speak for the author."""

    same: Words = []
    author: Words = []


class Prolepsis(_Part):
    """The author voicing the other side: "Some will say …", "The strongest case against …"."""

    modals: Words = []
    phrases: Words = []


class AuthorVoice(_Part):
    """Words of a text that argues in its author's voice: a thesis word, the first person."""

    thesis: Words = []
    first_person: Words = []


class NotStatements(_Part):
    """Lines that are no statement: procedural openers, and verb senses that argue nothing
    (``["argue", "before"]``: "the case was argued before the court")."""

    openers: Words = []
    decoy_senses: list[tuple[str, str]] = []


class Lexicon(BaseModel):
    """Cue words and the patterns compiled from them (one immutable object, shareable).

    The model is the schema of a lexicon file; every key is optional in a user's file.

    Example:
        >>> Lexicon.model_validate({"actors": {"con": ["grumblers"]}}).actors.con
        ['grumblers']
        >>> Lexicon.model_validate({"actor": {}})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Lexicon
        actor
        ...
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field("", alias="_comment")
    actors: Actors = Actors()
    quantifiers: Words = []
    group_nouns: Words = []
    group_suffixes: Words = []
    actor_prepositions: Words = Field([], description="prepositions that extend an actor ('critics of the plan')")
    verbs: Verbs = Verbs()
    framing: Sides = Sides()
    framing_patterns: SidePatterns = SidePatterns()
    framing_nouns: Sides = Field(Sides(), description="nouns of '<noun> is that …' framing")
    framing_lead_ins: Words = []
    copulas: Words = []
    complementizers: Words = []
    verb_complements: Words = []
    lead_ins: Words = []
    adverbs: Words = []
    clause_connectives: Words = []
    asides: Asides = Asides()
    sections: Sections = Sections()
    qa_labels: QALabels = QALabels()
    item_labels: ItemLabels = ItemLabels()
    speakers: Speakers = Speakers()
    bylines: Bylines = Bylines()
    objection_question_starts: Words = []
    irregular_verbs: dict[str, Words] = Field({}, description="past forms that replace the regular '-ed'")
    pronouns: Pronouns = Pronouns()
    actor_descriptors: Sides = Field(Sides(), description="words in a speaker's description that give its side")
    con_states: Words = Field([], description="'X was <state>' that puts X on the con side ('unconvinced')")
    connectives: Connectives = Connectives()
    prolepsis: Prolepsis = Prolepsis()
    author_voice: AuthorVoice = AuthorVoice()
    not_statements: NotStatements = NotStatements()
    answer_subjects: Words = Field([], description="subjects that refer to the statement before ('this claim')")
    determiners: Words = Field([], description="words before which a verb form is a noun ('their view')")
    post_modifiers: Words = Field([], description="words that end a speaker's head ('Defenders of …')")
    abbreviations: Words = Field([], description="abbreviations after which no sentence starts ('et al.')")
    confidence: dict[str, Confidence] = Field(
        {}, description="confidence of a node by the evidence that made it (calibrated on dev texts)")

    @classmethod
    def default(cls) -> Lexicon:
        """The bundled English lexicon (cached)."""
        return _default_lexicon()

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        """A complete lexicon from one JSON file (as :meth:`to_file` writes it), not merged."""
        return cls._validated(_read_json(path), path)

    def to_file(self, path: str | Path) -> None:
        """Write the whole lexicon as JSON; :meth:`from_file` reads it back equal.

        Example:
            >>> import os, tempfile
            >>> p = os.path.join(tempfile.mkdtemp(), "lexicon.json")
            >>> Lexicon.default().to_file(p)
            >>> Lexicon.from_file(p) == Lexicon.default()
            True
        """
        Path(path).write_text(self.model_dump_json(by_alias=True, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, *extra_files: str | Path) -> Lexicon:
        """The bundled lexicon extended with JSON files of the same shape.

        Example:
            >>> import json, tempfile, os
            >>> p = os.path.join(tempfile.mkdtemp(), "extra.json")
            >>> json.dump({"actors": {"con": ["grumblers"]}}, open(p, "w"))
            >>> Lexicon.load(p).actor_stance("grumblers")
            'con'
        """
        lexicon = _default_lexicon()
        data = lexicon.model_dump(by_alias=True)
        for path in extra_files:
            extra = _read_json(path)
            cls._validated(extra, path)  # alone first, so a problem is located in this file
            data = _merge(data, extra)
            lexicon = cls._validated(data, path)
        return lexicon

    @classmethod
    def _validated(cls, data: Any, path: str | Path) -> Lexicon:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise InputError(path, f"not a valid lexicon: {_problems(exc)}") from None

    def words(self, *path: str) -> list[str]:
        """The list at ``path`` in the lexicon, lower-cased.

        Example:
            >>> Lexicon.default().words("qa_labels", "question")
            ['q', 'question']
        """
        cache = self._word_lists
        if path not in cache:
            node: Any = self
            for key in path:
                node = getattr(node, key)
            cache[path] = [w.lower() for w in node]
        return cache[path]

    @cached_property
    def _word_lists(self) -> dict[tuple[str, ...], list[str]]:
        return {}

    def __hash__(self) -> int:
        """Hashable (a key for caches of compiled tables), consistent with ``==``."""
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash(json.dumps(self.model_dump(mode="json"), sort_keys=True))

    # ----- classification of matched words ---------------------------------------------

    @cached_property
    def _actor_stances(self) -> dict[str, str]:
        table = {}
        for stance in ("con", "pro", "opposite", "same"):
            for word in self.words("actors", stance):
                table[" ".join(word.split())] = stance
        return table

    def actor_stance(self, head: str) -> str | None:
        """``pro``/``con`` for stance-bearing actor words, ``opposite``/``same`` for "others"
        and "they", ``None`` for a named group (economists, unions, …)."""
        stance = self._actor_stances.get(" ".join(head.lower().split()))
        return stance

    @cached_property
    def _verb_classes(self) -> dict[str, str]:
        table = {}
        for cls in ("neutral", "con", "response", "concession"):
            for verb in _inflect(self.words("verbs", cls)):
                table[verb] = cls
        return table

    def verb_class(self, verb: str) -> str:
        """``neutral``, ``con``, ``response`` or ``concession`` ("critics concede that …")."""
        return self._verb_classes.get(" ".join(verb.lower().split()), "neutral")

    @cached_property
    def _section_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
        debate = re.compile(rf"(?<!\w)(?:{_alternation(self.words('sections', 'debate'))})(?!\w)")
        stance = re.compile(
            rf"(?<!\w)(?:(?P<pro>{_alternation(self.words('sections', 'pro'))})"
            rf"|(?P<con>{_alternation(self.words('sections', 'con'))}))(?!\w)"
        )
        return debate, stance, frozenset(self.words("sections", "closing"))

    def section_roles(self, heading: str) -> tuple[bool, str | None, bool]:
        """``(is_debate, stance, is_closing)`` of a heading or label; the first stance word
        decides ("Benefits and criticisms" sets claims).

        Example:
            >>> Lexicon.default().section_roles("Arguments in favor")
            (True, 'pro', False)
        """
        debate, stance_re, closing = self._section_patterns
        h = " ".join(re.sub(r"[^\w&'-]+", " ", heading.lower()).split())
        m = stance_re.search(h)
        stance = m.lastgroup if m else None
        return bool(debate.search(h)) or stance is not None, stance, h in closing

    @cached_property
    def clause_openers(self) -> frozenset[str]:
        """Words a clause with a cue can start with (actors, quantifiers, lead-ins, framing);
        breaks followed by anything else are not tried as statement boundaries."""
        phrases = (
            [w for s in ("con", "pro", "opposite", "same") for w in self.words("actors", s)]
            + self.words("quantifiers") + self.words("group_nouns") + self.words("lead_ins")
            + self.words("framing", "con") + self.words("framing", "pro")
            + self.words("asides", "by_phrase_openers") + self.words("asides", "source_phrases")
        )
        return frozenset(p.split()[0].strip(",") for p in phrases if p.split())

    def may_open_clause(self, words: list[str]) -> bool:
        """True when a clause starting with ``words`` could carry a cue: one of its first
        words is an actor, quantifier, lead-in or framing word ("homeowner associations")."""
        suffixes = tuple(self.words("group_suffixes"))
        for word in words[:4]:
            w = word.lower().strip("“\"‘'(,")
            if w in self.clause_openers or w.endswith(suffixes):
                return True
        return False

    # ----- compiled patterns -------------------------------------------------------------

    @cached_property
    def actor_pattern(self) -> str:
        """Regex for an actor phrase; group ``head`` is the actor word or group noun."""
        stance_words = [w for s in ("con", "pro", "opposite", "same") for w in self.words("actors", s)]
        suffixes = "|".join(re.escape(s) for s in self.words("group_suffixes"))
        heads = _alternation(stance_words + self.words("group_nouns"))
        quant = _alternation(self.words("quantifiers"))
        modifier = r"(?:[A-Za-z][\w'’-]*\s+){0,3}?"
        group_head = rf"[A-Za-z][\w-]{{2,}}(?:{suffixes})"
        return (
            rf"(?P<actor>(?:(?:{quant})\s+)?{modifier}(?P<head>{heads}|{group_head})"
            rf"(?:\s+(?:{_alternation(self.words('actor_prepositions'))})\s+(?:[\w'’-]+\s+){{0,4}}[\w'’-]+)?)"
        )

    @cached_property
    def verb_pattern(self) -> str:
        """Regex for a reporting verb (group ``verb``) with the complement it needs."""
        needs = _inflect(self.words("verbs", "needs_complement"))
        all_verbs = set(self._verb_classes)
        free = all_verbs - needs
        complement = rf"(?=\s+(?:{_alternation(self.words('verb_complements'))})\b|\s*[:,])"
        return rf"(?:(?P<verb>{_alternation(free)})|(?P<cverb>{_alternation(needs)}){complement})\b"

    @cached_property
    def clause_cue(self) -> re.Pattern[str]:
        """An actor and reporting verb at the start of a clause, after an optional lead-in
        ("When critics accuse …", "In debates over X, supporters stress that …")."""
        lead = _alternation(self.words("lead_ins"))
        adverbs = _alternation(self.words("adverbs"))
        return re.compile(
            rf"(?P<lead>(?:(?:{lead})\s+)?(?:[^,;:.!?]{{1,80}},\s+)?)"
            rf"{self.actor_pattern}"
            r"(?:\s*,\s*[^,;:.!?]{1,40}?,)?"
            rf"(?:\s+(?:{adverbs})){{0,4}}"  # bounded: a free repeat backtracks exponentially
            rf"\s+{self.verb_pattern}"
            r"(?P<that>\s+that\b)?",
            re.IGNORECASE,
        )

    @cached_property
    def parenthetical_cues(self) -> tuple[re.Pattern[str], ...]:
        """Attribution inside or after a clause: ", as argued by defenders," / ", they say," /
        "According to critics, …"."""
        passive = _alternation(self.words("asides", "passive_verbs"))
        by_opener = _alternation(self.words("asides", "by_phrase_openers"))
        source = _alternation(self.words("asides", "source_phrases"))
        determiner = _alternation(self.words("asides", "source_determiners"))
        said = _alternation(_inflect(self.words("verbs", "neutral") + self.words("verbs", "con")))
        return tuple(
            re.compile(p, re.IGNORECASE)
            for p in (
                rf"\b(?:{by_opener})\s+(?:{passive})\s+by\s+(?:the\s+)?{self.actor_pattern}",
                rf",\s*{self.actor_pattern}\s+(?P<verb>{said})\s*(?=[,.;])",
                rf"\b(?:{source})\s+(?:(?:{determiner})\s+)?{self.actor_pattern}\s*[,.;]",
            )
        )

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """First words of every reporting verb and of every source phrase ("according to")."""
        phrases = [*self._verb_classes, *self.words("asides", "source_phrases")]
        return frozenset(p.split()[0] for p in phrases if p.split())

    @cached_property
    def _framing_nouns(self) -> re.Pattern[str]:
        nouns = _alternation(self.words("framing_nouns", "con") + self.words("framing_nouns", "pro"))
        copula = _alternation(self.words("copulas"))
        complementizer = _alternation(self.words("complementizers"))
        return re.compile(rf"(?:{nouns})s?\s+(?:{copula})\s+(?:{complementizer})\b")

    @cached_property
    def _framing_phrases(self) -> tuple[str, ...]:
        return tuple(" ".join(p.split()) for p in self.words("framing", "con") + self.words("framing", "pro"))

    def may_hold_cue(self, sentence: str) -> bool:
        """A quick pre-filter: a sentence without any reporting verb or framing phrase cannot
        hold a cue, so the costlier clause patterns are not tried on it.

        Example:
            >>> lex = Lexicon.default()
            >>> lex.may_hold_cue("Critics warn, loudly."), lex.may_hold_cue("Tolls opened in 1706.")
            (True, False)
        """
        lower = sentence.lower()
        words = set(lower.translate(_PUNCTUATION_TO_SPACE).split())
        if not self.cue_words.isdisjoint(words):
            return True
        flat = " ".join(lower.split())
        if not self._framing_keys.isdisjoint(words) and any(p in flat for p in self._framing_phrases):
            return True
        return not self._copulas.isdisjoint(words) and bool(self._framing_nouns.search(flat))

    @cached_property
    def _copulas(self) -> frozenset[str]:
        return frozenset(self.words("copulas"))

    @cached_property
    def _framing_keys(self) -> frozenset[str]:
        """The longest word of each framing phrase: a phrase can only occur where it does."""
        return frozenset(max(p.translate(_PUNCTUATION_TO_SPACE).split(), key=len) for p in self._framing_phrases)

    @cached_property
    def framing_cue(self) -> re.Pattern[str]:
        """Framing phrases without an actor ("The concern is that", "In reality,")."""
        con = "|".join([_alternation(self.words("framing", "con")), *self.words("framing_patterns", "con")])
        pro = "|".join([_alternation(self.words("framing", "pro")), *self.words("framing_patterns", "pro")])
        lead = rf"(?:(?:{_alternation(self.words('framing_lead_ins'))})\s*,?\s+)?"
        return re.compile(rf"{lead}(?:(?P<con>{con})|(?P<pro>{pro}))", re.IGNORECASE)

    @cached_property
    def clause_break(self) -> re.Pattern[str]:
        """Places where a sentence may hold a second statement: ';', ',', dashes, before an
        optional connective. A break counts only where a cue follows it."""
        connective = _alternation(self.words("clause_connectives"))
        return re.compile(rf"(?:;|,|\s[—–-]\s|—)\s*(?:(?:{connective})\s+)?", re.IGNORECASE)

    def is_objection_question(self, question: str) -> bool:
        """Yes/no questions ("Does X mean Y?") and rhetorical ones ("Why should X …?") voice
        an objection; other wh-questions ask for information ("Why is X harder?")."""
        words = question.lower().split()
        return any(words[: len(p.split())] == p.split() for p in self.words("objection_question_starts"))


def _read_json(path: str | Path) -> Any:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"unusable lexicon file ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(path, "a lexicon file must hold a JSON object")
    return data


def _problems(exc: ValidationError) -> str:
    """The validation errors of a lexicon on one line: where in the file, and what is wrong.

    Example:
        >>> try:
        ...     Lexicon.model_validate({"actors": {"cons": []}, "quantifiers": "some"})
        ... except ValidationError as exc:
        ...     print(_problems(exc))
        actors.cons: unknown key (expected one of: con, pro, opposite, same); quantifiers: expected a list of strings, not a string
    """
    out = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(p) for p in error["loc"]) or "(top level)"
        if error["type"] == "extra_forbidden":
            model: Any = Lexicon
            for key in error["loc"][:-1]:
                model = model.model_fields[str(key)].annotation
            keys = [f.alias or name for name, f in model.model_fields.items()]
            out.append(f"{where}: unknown key (expected one of: {', '.join(keys)})")
        elif error["type"] == "list_type":
            out.append(f"{where}: expected a list of strings, not {_kind(error['input'])}")
        else:
            out.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
    return "; ".join(out)


def _kind(value: Any) -> str:
    names = {str: "a string", dict: "an object", int: "a number", float: "a number", bool: "true/false"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    text = resources.files("argmap.extraction").joinpath("lexicons/en.json").read_text(encoding="utf-8")
    try:
        return Lexicon.model_validate_json(text)
    except ValidationError as exc:  # a broken bundled lexicon is argmap's bug; say where
        raise InputError("argmap/extraction/lexicons/en.json", f"not a valid lexicon: {_problems(exc)}") from None
