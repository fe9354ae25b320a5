"""The cue lexicon: actor words, reporting verbs, framing phrases, section names.

The words are data (``lexicons/en.json``), not code, and the pydantic model :class:`Lexicon`
is their schema: a file with an unknown key or a wrong type is refused with one line naming
the file and the problem. :meth:`Lexicon.load` merges extra
JSON files of the same shape (lists are extended, other values replaced) so users can teach
the extractor their own cues. The section patterns compiled from the lists live here too; the cue
matchers are compiled in :mod:`argmap.extraction.cues`.

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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from argmap.errors import InputError

_NOT_SECTION_WORD = re.compile(r"[^\w&'-]+")  # what separates the words of a section heading


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


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


Words = list[str]
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
    speaking_for: Words = Field(
        [], description="words by which a speaker speaks for a side it names ('Counsel for the respondent')")


class Verbs(_Part):
    """Reporting verbs by class (base and past forms; the third person is derived)."""

    neutral: Words = []
    con: Words = []
    response: Words = []
    concession: Words = []
    praise: Words = Field([], description="verbs that speak for the thesis ('praised', 'hailed')")
    elaboration: Words = Field([], description="verbs that go on on the same side ('extend this finding')")
    needs_complement: Words = Field([], description="verbs that report only before a complement or a colon")
    without_that: Words = Field(
        [], description="verbs of opinion whose clause may drop 'that' ('felt the book was too long')")
    disputing: Words = Field(
        [], description="con verbs that answer the earlier point they take as object ('rejected the charge'), unlike 'opposed the charge'")
    group_only: Words = Field(
        [], description="verbs, listed in their class too, that report a side only after a group of people ('respondents supported the proposal'), not 'the ecosystem supports advances'")
    defending: Words = Field(
        [], description="reply verbs whose speaker speaks for what they defend ('The trustees defended the charge'), whatever was said before")
    findings: Words = Field(
        [], description="neutral verbs of a finding: with a figure in its clause and before any side is taken, a statistic, not a statement ('The agency estimated that 40% …')")
    past_only: Words = Field(
        [], description="verbs, listed in their class too, read only in their past and third-person forms ('liked', 'likes'): the base form is mostly a preposition ('critics like Hale')")
    received: Words = Field(
        [], description="con or praise verbs, listed in their class too, whose subject is what is judged ('came under fire', 'drew criticism from')")


class Sides(_Part):
    """Phrases that mark the con or the pro side."""

    con: Words = []
    pro: Words = []


class Sections(_Part):
    """Heading words: a debate section, its pro or con side, or a section that ends the debate."""

    debate: Words = []
    pro: Words = []
    con: Words = []
    closing: Words = []
    review: Words = Field(
        [], description="headings of a reviewer's comments ('Major comments'): each comment is an objection")
    reviewed: Words = Field(
        [], description="whose work a reviewer's comment answers ('the authors'): what they argue is the thesis side")
    background: Words = Field([], description="sections that argue nothing (history, definitions)")
    one_sided: Words = Field(
        [], description="headings of one side's list ('Views against'): its speakers speak for that side")


class QALabels(_Part):
    """Line labels of question/answer and myth/fact layouts."""

    question: Words = []
    answer: Words = []
    myth: Words = []
    fact: Words = []
    asked_by: Words = Field(
        [], description="openers of a line naming who asks ('Asked by Dr Ann Lee'): the next paragraph is the question")
    negative_answers: Words = Field(
        [], description="openers of one of several answers that deny the question ('Not really.'): that answer is con")
    problem_words: Words = Field(
        [], description="words by which a question asks about a problem ('Will my rent go up?'): an answer denying it is for, not against")
    disagreeing_answers: Words = Field(
        [], description="openers of an answer that disagrees with the one before ('I disagree with the answer above')")
    answered_by: Words = Field(
        [], description="openers of a line naming who answers ('Answered by Tom Hale'): the next paragraph answers")


class ItemLabels(_Part):
    """Labels before a statement whose place the layout gives ("Point:", "Against:",
    "Counterpoint:"), and the layout words around them (see :mod:`argmap.extraction.labels`)."""

    comment: str = Field("", alias="_comment")
    opens: Sides = Field(Sides(), description="labels opening a new line of argument for a side")
    sides: Sides = Field(Sides(), description="side labels of a sequence; each answers the other side before it")
    answers: Words = Field([], description="labels of a reply to the item before")
    votes: Words = Field(
        [], description="labels voting on a proposal ('Support', 'Oppose'): the comment before the first vote proposes")
    elaboration_openers: Words = Field([], description="openers of a later answer sentence that only restates it")
    reply_headings: Words = Field([], description="headings of a list that answers an earlier list")
    not_before_full_stop: Words = Field(
        [], description="labels that, alone before a full stop, are a sentence ('No. The fee stays.')")
    title_labels: Words = Field([], description="labels naming the title on its line ('Discussion Title:')")
    findings: Words = Field(
        [], description="labels of a structured abstract's findings ('Results:', 'Conclusions:'): each sentence a claim, one opening on a contrast a critique of the one before")
    abstract_sections: Words = Field(
        [], description="other section labels of a structured abstract ('Background:', 'Methods:'): a findings label counts only beside another of these or of the findings")
    relative_outline_titles: Words = Field(
        [], description="title labels of an outline whose Pro / Con speak for or against the item above (Kialo)")


class Speakers(_Part):
    """Role words of transcript speaker labels."""

    comment: str = Field("", alias="_comment")
    pro: Words = []
    con: Words = []
    procedural: Words = Field([], description="speakers whose turns are procedure, not argument (a chair)")
    honorifics: Words = Field(
        [], description="first words of a label that interjects in a speech ('Mr Lee (Eastfield):', 'Hon. Members:')")
    declared: Sides = Field(
        Sides(), description="openings of a first turn that declare its speaker's side ('We oppose it.')")


class Bylines(_Part):
    """How byline and dateline lines start, and month names; such a line is no title."""

    comment: str = Field("", alias="_comment")
    starts: Words = []
    months: Words = []
    post_headers: Words = Field(
        [], description="openers of a line that heads a post of a thread and names its author ('Reply from')")
    post_header_ends: Words = Field([], description="last words of a post header line ('Petra wrote:')")
    quote_marks: Words = Field([], description="marks opening a line that quotes an earlier post ('> …')")
    header_fields: Words = Field([], description="fields of a message header that head nothing ('To:', 'Date:')")
    separators: Words = Field([], description="marks between the fields of a metadata line ('Rating: 4 · By Ana')")
    breadcrumb_separators: Words = Field([], description="marks between the steps of a navigation line ('Forum › Health')")
    ages: Words = Field(
        [], description="units of a post's age after a number ('u/bev · 7h', 'Sam · 2 days ago'): a handle and an age head a post")
    counts: Words = Field([], description="what a thread counts ('412 upvotes · 96 comments'): such a line heads nothing")
    updates: Words = Field(
        [], description="first words of a label that adds to a post ('Update, 5 May:', 'Edit:'): it heads no topic")


class Connectives(_Part):
    """Discourse connectives by PDTB-style class: contrast and response turn to the other side,
    concession grants a point to it, elaboration and cause go on on the same side."""

    contrast: Words = []
    response: Words = []
    concession: Words = []
    subordinate_concession: Words = Field([], description="'Although X, Y': X is granted, Y answers it")
    elaboration: Words = []
    cause: Words = []
    granting: Words = Field(
        [], description="words by which the first clause of 'X, but Y' in a speaker's own turn, post or item grants X "
                        "to the other side ('Maureen's right that …, but', 'X may manage, but')")
    enumeration: Words = Field(
        [], description="openers of the next ground in a list ('Second, …', 'Finally, …'): a new point of its side "
                        "in a new paragraph, not an answer to the objection before")
    other_side: Words = Field(
        [], description="openers that turn to the other side's case ('On the other hand, …'): in the author's voice "
                        "they present that side's points, which the author may go on to answer; elsewhere a contrast")
    agreement: Words = Field(
        [], description="openers of a reply that agrees with the post or turn it answers and adds to it ('Adding to what OP said')")


class Pronouns(_Part):
    """Pronouns that continue the last speaker (``same``) or speak for the author."""

    same: Words = []
    author: Words = []
    part_of: Words = Field(
        [], description="pronouns after a quantifier and 'of' naming part of the last speakers ('Some of them', 'Many of those')")
    possessive: Words = Field(
        [], description="possessives opening a speaker phrase that speaks for the last speaker ('Its chief executive', 'Their lawyer')")


class Prolepsis(_Part):
    """The author voicing the other side: "Some will say …", "The strongest case against …"."""

    modals: Words = []
    phrases: Words = []


class AuthorVoice(_Part):
    """Words of a text that argues in its author's voice: a thesis word, the first person."""

    thesis: Words = []
    first_person: Words = []
    negative_thesis: Words = Field(
        [], description="words of a title whose thesis is against the proposal ('Why X should not …', '… is a mistake'): "
                        "its supporters speak against the thesis, its critics for it")
    hedges: Words = Field(
        [], description="hedges by which a sentence speaks in the author's voice without a thesis word ('perhaps', "
                        "'surely', 'arguably')")
    thesis_titles: Words = Field(
        [], description="words a title opens with when it states the author's thesis ('Why Ashmere needs a tool "
                        "library', 'The case for …', 'In defence of …', 'Keep the ferry running'): the text argues "
                        "from its first sentence")
    rejections: Words = Field(
        [], description="words by which the author rejects what a party said ('I cannot agree'): the author argues "
                        "from there on")
    rejected_alternatives: Words = Field(
        [], description="words of a title before the alternative it rejects (', not', 'rather than', 'instead of'): "
                        "that alternative's supporters argue against the thesis")
    thesis_title_verbs: Words = Field(
        [], description="words anywhere in a title that make it state a thesis ('Our town needs a night bus')")
    date_words: Words = Field(
        [], description="words before a month that make it a date in a sentence ('published in March', 'closes on "
                        "30 September'): a dated sentence without a thesis word is background")
    relative_dates: Words = Field(
        [], description="phrases that date a sentence relative to its writing ('last month', 'next week'), as a "
                        "date does")


class Dismissals(_Part):
    """Predicates by which a sentence about an objection answers it ("The tourist objection
    is weaker than it looks", "Neither objection is decisive")."""

    comment: str = Field("", alias="_comment")
    predicates: Words = []
    negations: Words = Field([], description="determiners that negate the predicate ('Neither objection is decisive')")


class Clauses(_Part):
    """The function words by which a sentence is split into clauses and a clause's speaker is
    read (:mod:`argmap.extraction.statements`); punctuation is listed as its token."""

    comment: str = Field("", alias="_comment")
    breaks: Words = Field([], description="tokens where a sentence may split ('X; supporters contend Y', 'X but Y')")
    complements: Words = Field([], description="words opening the clause a verb reports ('argued that', 'asked whether')")
    framed_complements: Words = Field(
        [], description="words opening the clause a framing noun or a hedge introduces ('The concern is that')")
    asides: Words = Field([], description="phrases opening an aside that names the speaker ('According to X, …')")
    passive_asides: Words = Field([], description="words before a verb and 'by' in an aside (', as argued by defenders,')")
    subject_stops: Words = Field(
        [], description="tokens that end a speaker phrase before its verb, besides the copulas ('…; critics say')")
    subject_non_ends: Words = Field([], description="last words of no speaker phrase ('…packed the chamber to oppose')")
    clause_subjects: Words = Field(
        [], description="subjects of a reported clause besides the pronouns ('others say there is …')")
    narration_adverbs: Words = Field(
        [], description="words after a copula before an '-ing' verb of narration ('are still arguing about it')")
    passive_auxiliaries: Words = Field([], description="auxiliaries of a passive besides the copulas ('has been criticised')")
    end_marks: Words = Field([], description="tokens dropped from the end of a clause, besides the clause connectives")
    infinitive_leads: Words = Field(
        [], description="words before 'to' and a reporting verb that still report ('continue to argue', 'go on to say')")
    relatives: Words = Field([], description="relative pronouns: a verb after one is no report ('Vos, who proposed it, said')")
    debate_prepositions: Words = Field(
        [], description="prepositions after a con verb that announce a debate ('disagree about how …')")
    state_degrees: Words = Field([], description="words between a copula and a state ('was far less impressed')")
    raised: Words = Field([], description="participles of an objection raised ('Concerns have been voiced that')")
    raised_auxiliaries: Words = Field([], description="auxiliaries before such a participle ('Concerns were raised')")
    continuing: Words = Field(
        [], description="conjunctions after which a clause without a speaker goes on with the one before ('X but maintained Y')")
    contrasting: Words = Field([], description="conjunctions by which a clause after a break contrasts ('…, while others …')")
    conceding: Words = Field([], description="conjunctions that answer a point just conceded ('Granted, X, but Y')")
    elaborating: Words = Field([], description="conjunctions by which a clause after a break elaborates ('…, and …')")
    evaluative_marks: Words = Field([], description="tokens after a verb's object that evaluate it ('described the ending as')")
    name_joiners: Words = Field([], description="words joining a speaker's names ('Ruiz and Adeyemi', 'Haddad et al.')")
    lead_marks: Words = Field([], description="tokens besides words in the lead of a framing noun ('the council’s concern')")
    argued_modals: Words = Field(
        [], description="modals by which a clause after a plain 'said' argues rather than reports ('said a bus lane could be built for a fifth of the price')")
    received_agents: Words = Field(
        [], description="prepositions before the judges after a verb of criticism received ('drew criticism from')")
    other_markers: Words = Field(
        [], description="first words of a speaker phrase that name other members of a group ('Other residents'), who may take the other side")
    object_prepositions: Words = Field(
        [], description="prepositions before the point or speaker a reply takes up ('took issue with', 'in reply to')")
    time_words: Words = Field(
        [], description="words of a time phrase between a reporting verb and its 'that' ('said last week that', 'argued on Monday that')")


class ReplyObjects(_Part):
    """Objects of a con verb that name an earlier point: rejecting or disputing one answers
    it ("rejected the charge", "disputed the comparison"); a con or pro point says which side
    was answered."""

    con: Words = Field([], description="points of the con side ('the charge', 'the criticism')")
    pro: Words = Field([], description="points of the pro side ('the justification')")
    any: Words = Field([], description="points of either side ('the claim', 'the comparison')")


class NotStatements(_Part):
    """Lines that are no statement: procedural openers, and verb senses that argue nothing
    (``["argue", "before"]``: "the case was argued before the court")."""

    openers: Words = []
    vocatives: Words = Field([], description="forms of address a speech's sentence may open with ('Mr Speaker,')")
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
    partitives: Words = Field(
        [], description="nouns of a part before 'of' whose noun after is the speaker's head ('A number of respondents')")
    group_suffixes: Words = []
    agent_suffixes: Words = Field(
        [], description="endings of a singular noun that speaks when a 'that' clause follows ('the developer')")
    verbs: Verbs = Verbs()
    framing: Sides = Sides()
    framing_nouns: Sides = Field(Sides(), description="nouns of '<noun> is that …' framing")
    copulas: Words = Field([], description="forms of 'be' and its kin: 'X is …' describes X, no one speaks")
    auxiliaries: Words = Field(
        [], description="auxiliaries and the words between a subject and its verb ('has also', 'in turn')")
    finite_verbs: Words = Field(
        [], description="finite verbs that show a clause follows a reporting verb without 'that' ('felt it was')")
    verb_complements: Words = []
    lead_ins: Words = []
    adverbs: Words = []
    clause_connectives: Words = Field(
        [], description="conjunctions that open a clause after a break ('…, but supporters reply')")
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
    dismissals: Dismissals = Dismissals()
    clauses: Clauses = Clauses()
    answer_subjects: Words = Field([], description="subjects that refer to the statement before ('this claim')")
    reply_objects: ReplyObjects = ReplyObjects()
    anaphoric_determiners: Words = Field(
        [], description="determiners by which a speaker points back ('Critics of this follow-up')")
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
    def _section_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
        debate = re.compile(rf"(?<!\w)(?:{_alternation(self.words('sections', 'debate'))})(?!\w)")
        stance = re.compile(
            rf"(?<!\w)(?:(?P<pro>{_alternation(self.words('sections', 'pro'))})"
            rf"|(?P<con>{_alternation(self.words('sections', 'con'))}))(?!\w)"
        )
        return debate, stance, frozenset(self.words("sections", "closing"))

    @cached_property
    def _con_section(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alternation(self.words('sections', 'con'))})(?!\w)")

    def _longer_con(self, heading: str, start: int, end: int) -> bool:
        con = self._con_section.match(heading, start)
        return con is not None and con.end() > end

    def against_proposal(self, words: str) -> bool:
        """Whether a title or a sentence states a thesis against the proposal it names
        (``author_voice.negative_thesis``).

        Example:
            >>> lex = Lexicon.default()
            >>> lex.against_proposal("Why our school should not close"), lex.against_proposal("Keep the pier")
            (True, False)
        """
        flat = " " + " ".join(words.lower().replace("’", "'").replace(",", " ").replace(".", " ").split()) + " "
        return any(f" {phrase} " in flat for phrase in self.words("author_voice", "negative_thesis"))

    def section_roles(self, heading: str) -> tuple[bool, str | None, bool]:
        """``(is_debate, stance, is_closing)`` of a heading or label; the first stance word
        decides ("Benefits and criticisms" sets claims).

        Example:
            >>> Lexicon.default().section_roles("Arguments in favor")
            (True, 'pro', False)
        """
        debate, stance_re, closing = self._section_patterns
        low = heading.lower().replace("’", "'")
        # most headings are plain words, which need no substitution
        h = " ".join((low if low.replace(" ", "").isalnum() else _NOT_SECTION_WORD.sub(" ", low)).split())
        m = stance_re.search(h)
        stance = m.lastgroup if m else None
        if stance == "pro" and (self._longer_con(h, m.start(), m.end()) or self._con_section.match(h, m.end() + 1)):  # type: ignore[union-attr]
            # "Reasons to worry": the longer name at the same place decides, not "Reasons to";
            # "Reasons to think twice": a frame's complement names the side it opens
            stance = "con"
        return bool(debate.search(h)) or stance is not None, stance, h in closing

    def is_background(self, heading: str) -> bool:
        """Whether a section heading names background only (``sections.background``): one of
        the listed names, or several joined by "and" / "&" ("Background and recording").

        Example:
            >>> lex = Lexicon.default()
            >>> lex.is_background("Writing and publication"), lex.is_background("Reception and criticism")
            (True, False)
        """
        known = self._background_headings
        if heading not in known:
            names = self._background_names
            h = " ".join(heading.lower().replace("&", " and ").split())
            known[heading] = h in names or all(part.strip() in names for part in h.split(" and "))
        return known[heading]

    @cached_property
    def _background_names(self) -> frozenset[str]:
        return frozenset(self.words("sections", "background"))

    @cached_property
    def _background_headings(self) -> dict[str, bool]:
        return {}  # headings come back in every text of a corpus ("References", "History")

    def is_objection_question(self, question: str) -> bool:
        """Yes/no questions ("Does X mean Y?") and rhetorical ones ("Why should X …?") voice
        an objection; other wh-questions ask for information ("Why is X harder?")."""
        words = question.lower().split()
        return any(words[: len(start)] == start for start in self._objection_question_starts)

    @cached_property
    def _objection_question_starts(self) -> list[list[str]]:
        return [p.split() for p in self.words("objection_question_starts")]


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
        actors.cons: unknown key (expected one of: con, pro, opposite, same, speaking_for); quantifiers: expected a list of strings, not a string
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
