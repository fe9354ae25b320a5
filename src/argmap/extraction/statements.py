"""Stage 2: statements. Sentences of a unit are split into clause-level statements and each
is read on its tokens (:mod:`argmap.extraction.cues`) for

- **who speaks**: a subject before a reporting verb (any noun phrase, a name, a citation
  "Okoro (2017)", a pronoun), the speaker after a quotation ("'…,' said X"), the agent of a
  passive ("This claim was challenged by X"), a hedged "It has been argued that", a
  framing phrase ("The concern is that"), a state ("X was less impressed");
- **how**: the class of the reporting verb (neutral, con, response, concession, praise,
  elaboration) and the discourse connective the clause opens with;
- **what is conceded**: "Granted, X", "It is true that X, but Y", "conceded X but
  maintained Y" are split at the clause and the conceded part is marked.

Stance that depends on neighbours ("others insist …", an actor seen before, the author's own
voice) is resolved later, in :mod:`argmap.extraction.linking`.

Example:
    >>> text = "Critics argue that tolls are unfair; supporters contend that they work."
    >>> [(text[s.span[0]:s.span[1]], s.actor_role, s.cue) for s in read_sentence(text, (0, len(text)))]
    [('Critics argue that tolls are unfair', 'con', 'argue that'), ('supporters contend that they work.', 'pro', 'contend that')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from argmap.extraction.cues import VERB_CLASSES, Tokens, inflections, tokens_of, weak_forms
from argmap.extraction.layout import Span, Unit
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.overlap import wording

_TRIM_END = " \t\r\n,;:—–-"
_MIN_OPENER_WORDS = 6
_POINT_BACK_REACH = 80  # tokens back in a paragraph where a subject's head may have been named
_CITATION_WORDS = 12  # tokens of a parenthetical author–year citation
_MAX_TURN_WORDS = 10  # words of a remark that turns the debate ("These gains may not last, however.")
_ZERO_THAT_REACH = 6
_TIME_REACH = 4  # words of a time phrase after a reporting verb ("said on Monday last week that")
_FRAMING_NOUN_REACH = 7  # tokens before a framing noun ("Privacy campaigners have raised a separate concern")
_MODAL_REACH = 10  # words a that-less clause may run before its modal ("said an electric bus corridor … could")  # words a that-less clause's subject may take ("the new rules were …")
_MAX_MARK = 24  # characters of a citation mark ("[10]", "[citation needed]")
_MIN_AUTHOR_WORDS = 5
_MIN_CONCEDED_WORDS = 3  # "Although costs rise, …": a concessive clause is short and still a point
_MAX_ACKNOWLEDGEMENT_WORDS = 2  # words after a concession cue that only point back ("that concern")
_MAX_POINTING_WORDS = 4  # a noun phrase after a concession cue that points back ("the traders' worry")
_MAX_SUBJECT = 14
_OPEN_QUOTES = {"“", '"', "‘", "'", "«"}
_CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
_NO_HITS: dict[int, tuple[str, int]] = {}
_UNSEEN = object()  # a memo's "not read yet" (None is a reading)
_QUOTES = frozenset(_OPEN_QUOTES | _CLOSE_QUOTES)
_SPEECH_MARKS = frozenset('“”"«»')  # the marks of a quotation, never an apostrophe



@dataclass
class Statement:
    """One clause-level statement candidate.

    ``actor_role`` is ``pro``/``con`` for stance-bearing actors or framing, ``opposite`` /
    ``same`` for "others" / "they", ``group`` for any other speaker (``actor_key`` names a
    person or citation so a later mention is the same speaker), ``author`` for the author's
    own voice and ``None`` for an unmarked clause. ``response`` marks answers ("respond",
    "In response", "A:", "Fact:"); ``conceded`` marks a point granted to the other side.
    """

    span: Span
    actor_role: str | None
    verb_class: str = "neutral"
    response: bool = False
    actor: str | None = None
    cue: str | None = None
    confidence: float = 0.9
    actor_key: frozenset[str] = field(default_factory=frozenset)
    connective: str | None = None
    conceded: bool = False
    announces: bool = False
    answers_previous: bool = False
    quoted: bool = False
    paragraph: int = 0
    subordinate: bool = False
    actor_head: str | None = None  # the head noun of a speaker phrase ("residents" of "400 residents")
    # "Haye admired the playing but felt …": the speaker turns against their own clause before
    self_contrast: bool = False
    # whom a reply names ("answered Moss", "In reply to the campaigners": names and head
    # nouns, matched against earlier speakers), and the side of a point it names instead
    # ("In reply to concerns about …": a con point)
    answers: frozenset[str] = field(default_factory=frozenset)
    answers_head: str | None = None
    answers_side: str | None = None
    # a group speaker's head noun that stands for the same speakers when it comes back
    # ("A majority of respondents …", later "Some respondents"); not "Other residents"
    group_head: str | None = None
    # a speaker named by a quantifier alone ("Several said …", "Many objected …"): some of
    # the group just named
    elliptical: bool = False
    # "Some of them argued …": part of the group just named, so the "others" after it are the rest of that group
    subset: bool = False
    # a neutral finding with a figure ("A survey found that 3,000 …"): no side of its own
    statistic: bool = False
    # "X defended the plan": a reply for the thing defended, whoever spoke before
    defends: bool = False
    # reported by a findings verb ("Others have reported that …", "A report found that …")
    finding: bool = False
    # opened by a turn to the other side's case ("On the other hand, …")
    other_side: bool = False

    @property
    def marked(self) -> bool:
        return self.actor_role not in (None, "author")


def _copy(stmt: Statement) -> Statement:
    new = object.__new__(Statement)
    new.__dict__ = stmt.__dict__.copy()  # a copied dict, several times faster than filled in
    return new


# every clause starts as this reading, copied: cheaper than the generated ``__init__``
_UNREAD = Statement(span=(0, 0), actor_role=None)
_MAX_PLURAL_SUBJECT = 4  # "Most local households": longer phrases without a group noun name no speaker


def _trim(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if text.startswith("[", start) and 0 < (close := text.find("]", start, start + _MAX_MARK)) < end - 1:
        return _trim(text, close + 1, end)  # "[10] although …": the mark ends the clause before
    return start, end


def _is_time(word: str) -> bool:
    """A clock time token ("18:14", "9.05")."""
    if not word[:1].isdigit():
        return False  # most tokens: the hours would not be digits
    hours, sep, minutes = word.replace(".", ":").partition(":")
    return bool(sep) and hours.isdigit() and len(hours) <= 2 and minutes.isdigit() and len(minutes) == 2


def _capitalized(tk: Tokens, i: int) -> bool:
    w = tk.orth[i]
    return bool(w) and w[0].isupper()


class _Words:
    """The lexicon's word sets the reader consults, built once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.adverbs = set(lex.words("adverbs"))
        self.quantifiers = set(lex.words("quantifiers"))
        self.speaking_for = set(lex.words("actors", "speaking_for"))
        self.dismissals = frozenset(lex.words("dismissals", "predicates"))
        self.negations = frozenset(lex.words("dismissals", "negations"))
        self.complements = set(lex.words("verb_complements"))
        self.pronouns = set(lex.words("pronouns", "same"))
        self.part_pronouns = frozenset(lex.words("pronouns", "part_of"))
        self.possessives = frozenset(lex.words("pronouns", "possessive"))
        self.author_pronouns = set(lex.words("pronouns", "author"))
        self.modals = set(lex.words("prolepsis", "modals"))
        self.group_nouns = set(lex.words("group_nouns"))
        self.partitives = frozenset(lex.words("partitives"))
        self.elaborations = frozenset(w for w in lex.words("connectives", "elaboration") if " " not in w)
        self.post_modifiers = set(lex.words("post_modifiers"))
        self.months = frozenset(lex.words("bylines", "months"))
        self.date_words = frozenset(lex.words("author_voice", "date_words"))
        self.first_person = frozenset(lex.words("author_voice", "first_person"))
        # the author speaks in a sentence with one of these (the first person, a hedge)
        self.voicing = self.first_person | frozenset(lex.words("author_voice", "hedges"))
        self.honorifics = frozenset(w.rstrip(".") for w in lex.words("speakers", "honorifics"))
        self.relative_dates: dict[str, list[list[str]]] = {}  # first word -> the rests
        for phrase in (p.split() for p in lex.words("author_voice", "relative_dates")):
            if phrase:
                self.relative_dates.setdefault(phrase[0], []).append(phrase[1:])

        def words(field: str) -> frozenset[str]:
            return frozenset(lex.words("clauses", field))

        self.clause_starts = self.pronouns | self.author_pronouns | words("clause_subjects")
        self.lead_ins = {w for w in lex.words("lead_ins") if " " not in w}
        self.determiners = set(lex.words("determiners"))
        # a verb form after these reports nobody else's view: "I think", "their view", "the claim"
        self.not_speakers = frozenset(self.author_pronouns | self.determiners)
        self.quantity_words = self.quantifiers - self.determiners - {"the", "a", "an", "one"}
        self.agent_suffixes = tuple(lex.words("agent_suffixes"))
        self.group_suffixes = tuple(lex.words("group_suffixes"))
        self.abbreviations = frozenset(lex.words("abbreviations"))
        self.finite_verbs = frozenset(lex.words("finite_verbs"))
        self.without_that = frozenset(lex.words("verbs", "without_that"))
        self.anaphoric = frozenset(lex.words("anaphoric_determiners"))
        self.answer_subject_words = frozenset(lex.words("answer_subjects"))
        # per verb, the words after it that make a decoy sense, bare and followed by a space
        self.decoy_senses: dict[str, list[tuple[str, str]]] = {}
        for a, b in lex.not_statements.decoy_senses:
            self.decoy_senses.setdefault(a.lower(), []).append((b.lower(), b.lower() + " "))
        self.copulas = frozenset(lex.words("copulas"))
        self.auxiliaries = frozenset(lex.words("auxiliaries"))
        self.clause_conjunctions = frozenset(lex.words("clause_connectives"))
        # words that end a speaker phrase before its verb ("The plan is …", "…; critics")
        self.not_in_subject = self.copulas | words("subject_stops")
        self.progressive_aux = self.copulas | words("narration_adverbs")
        self.passive_aux = self.copulas | words("passive_auxiliaries")
        self.clause_end = self.clause_conjunctions | words("end_marks")
        self.breaks = words("breaks")
        self.clause_complements = words("complements")
        self.framed_complements = words("framed_complements")
        self.framed_openers = self.framed_complements | {":"}
        # an aside opens with a phrase ("according to") or a word before a passive ("as argued by")
        self.asides: dict[str, list[list[str]]] = {}  # first word -> the rests, longest first
        for phrase in sorted((p.split() for p in lex.words("clauses", "asides") if p.split()), key=len, reverse=True):
            self.asides.setdefault(phrase[0], []).append(phrase[1:])
        self.aside_starts = frozenset(self.asides)
        self.passive_asides = words("passive_asides")
        self.aside_marks = self.aside_starts | self.passive_asides | {","}  # where _aside looks
        self.subject_non_ends = words("subject_non_ends")
        self.infinitive_leads = words("infinitive_leads")
        self.relatives = words("relatives")
        self.debate_prepositions = words("debate_prepositions")
        self.state_degrees = words("state_degrees")
        self.raised = words("raised")
        self.raised_auxiliaries = words("raised_auxiliaries")
        self.continuing = words("continuing")
        self.contrasting = words("contrasting")
        self.conceding = words("conceding")
        self.elaborating = words("elaborating")
        self.evaluative_marks = words("evaluative_marks")
        self.name_joiners = words("name_joiners")
        self.lead_marks = words("lead_marks")
        self.object_prepositions = words("object_prepositions")
        self.received = frozenset(lex.words("verbs", "received"))
        self.disputing = frozenset(lex.words("verbs", "disputing"))
        self.group_only = frozenset(lex.words("verbs", "group_only"))
        self.findings = frozenset(lex.words("verbs", "findings"))
        # past forms of verbs: a plural speaker without a group noun reports an event of saying
        self.past_forms = frozenset(f for forms in lex.irregular_verbs.values() for f in forms)
        self.defending = frozenset(lex.words("verbs", "defending"))
        # "critics like Hale": the base form of a verb read only in its past is a preposition
        self.past_only_forms = weak_forms(lex) - {f for v in self.group_only for f in inflections(v, lex.irregular_verbs)}
        self.other_markers = words("other_markers")
        self.received_agents = words("received_agents")
        self.argued_modals = words("argued_modals")
        self.time_words = words("time_words")
        self.months = frozenset(lex.words("bylines", "months"))
        self.reply_objects = {w: side for side in ("con", "pro", "any") for w in lex.words("reply_objects", side)}
        self.lemma = {f: v for cls in VERB_CLASSES for v in lex.words("verbs", cls)
                      for f in inflections(v, lex.irregular_verbs)}


_WORDS: dict[int, tuple[Lexicon, _Words]] = {}


def lexicon_words(lex: Lexicon) -> _Words:
    """The word sets of ``lex`` the readers consult (built once per lexicon)."""
    cached = _WORDS.get(id(lex))
    if cached is None or cached[0] is not lex:
        if len(_WORDS) > 16:
            _WORDS.clear()
        cached = _WORDS[id(lex)] = (lex, _Words(lex))
    return cached[1]


def _reader(tk: Tokens, lex: Lexicon, *, authored: bool = False) -> _Reader:
    """The reader of ``tk`` with ``lex`` in one voice, made once per token table: a clause's
    reading depends on nothing else, so every unit and item of a text shares its memo."""
    key = (id(lex), authored)
    reader = tk.readers.get(key)
    if reader is None or reader.lex is not lex:  # type: ignore[attr-defined]
        reader = tk.readers[key] = _Reader(tk, lex, authored=authored)
    return reader  # type: ignore[return-value]


class _Reader:
    """Reads the clauses of sentences on a token table with one lexicon."""

    def __init__(self, tk: Tokens, lex: Lexicon, *, authored: bool = False) -> None:
        self.tk = tk
        # in an argued text "X, but Y" by the author grants X and answers it with Y
        self.authored = authored
        self.lex = lex
        # a node's confidence is a function of the evidence: how explicit its cue is
        self.conf = lex.confidence
        self.unmarked = self.conf["unmarked"]
        self.__dict__.update(vars(lexicon_words(lex)))
        kinds = tk.kinds
        self.verbs = kinds.get("verb", {})
        self.conns = kinds.get("conn", _NO_HITS)
        # connectives after a comma ("Retailers, however, maintain"), in order, listed when first asked
        self._comma_conns: list[int] | None = None
        self.frames = kinds.get("frame", _NO_HITS)
        self.prolepses = kinds.get("prolepsis", _NO_HITS)
        # the reporting verb (class, end) or None at each token asked about, judged once
        self._verb_hits: dict[int, tuple[str, int] | None] = {}
        self._clauses: dict[tuple[int, int, object], Statement] = {}
        self._subjects: dict[tuple[int, int, bool], dict | None] = {}

    # ----- small token tests -----------------------------------------------------------

    def verb_at(self, i: int) -> tuple[str, int] | None:
        """The reporting verb at token ``i``: lower case (not "the United States") and not
        after a determiner ("in their view")."""
        found = self._verb_hits.get(i, _UNSEEN)
        if found is _UNSEEN:
            found = self._verb_hits[i] = self._verb_hit(i)
        return found  # type: ignore[return-value]

    def _verb_hit(self, i: int) -> tuple[str, int] | None:
        tk = self.tk
        hit = self.verbs.get(i)
        if not hit or not tk.orth[i][:1].islower() or tk.lower[i] in self.past_only_forms:
            return None
        if i > 0 and tk.lower[i - 1] in self.determiners:
            return None
        return hit[0].split(":")[1], hit[1]

    def comma_conns(self) -> list[int]:
        """The tokens where a connective starts right after a comma, in order."""
        if self._comma_conns is None:
            orth = self.tk.orth
            self._comma_conns = [m for m in self.tk.positions("conn", 1, len(orth)) if orth[m - 1] == ","]
        return self._comma_conns

    def needs_complement(self, i: int, end: int) -> bool:
        hit = self.tk.at(i, "complement_verb")
        return bool(hit) and hit[1] >= end

    def complement_follows(self, v: int, k: int, j: int) -> bool:
        """Whether a clause follows the reporting verb at ``[v, k)``."""
        tk = self.tk
        verb_end = k
        while k < j and tk.lower[k] in self.adverbs:
            k += 1
        if k >= j or tk.lower[k] in self.complements or tk.orth[k] in _OPEN_QUOTES:
            return True
        run = k
        while run < min(j, k + _TIME_REACH) and tk.lower[run] in self.time_words:
            run += 1
        if k < run < j and tk.lower[run] in self.complements:
            # "said last week that …": a time phrase before the reported clause; a month
            # ("said in March that it would review …") dates an announcement, no argument
            return True
        # a clause without "that" ("felt the book was too long"): a finite verb follows soon
        # after a verb of opinion, or after any verb of "others" / a stance actor, not after
        # a plain "said" ("A spokesperson said timetables would not change": a reported fact)
        group = tk.lower[v - 1] if v >= 1 else ""
        if group.endswith("s") and self._agent(group) and not tk.at(v - 1, "actor:") and (
                v >= 2 and tk.lower[v - 2] in self.quantity_words or self.lemma.get(tk.lower[v]) == tk.lower[v]):
            # "Some owners say the battery fades", "The governors say …": a group's view, in
            # the present tense or of some of them, as "others say" is; "Officials said the
            # road would close" stays a reported fact
            return sum(tk.word[k:j]) >= 3
        if self.lemma.get(" ".join(tk.lower[v:verb_end])) not in self.without_that and \
                not any(tk.at(x, "actor:") for x in range(max(0, v - 2), v)):
            # "The chamber said a bus lane could be built for a fifth of the price": a modal
            # of possibility or duty argues; "said the road would close" and "said it could
            # reopen in June" report a fact or a date
            for x in range(k + 1, min(j, k + _MODAL_REACH)):
                if not tk.word[x]:
                    return False
                if tk.lower[x] in self.argued_modals:
                    return not any(tk.lower[y] in self.months or tk.orth[y][:1].isdigit() for y in range(x, j))
            return False
        led = tk.lower[k] in self.determiners or tk.lower[k] in self.pronouns
        for x in range(k + 1, min(j, k + _ZERO_THAT_REACH)):
            if not tk.word[x]:
                return False
            if tk.lower[x - 1] in self.relatives or tk.lower[x - 1] in self.clause_complements:
                continue  # "cite projects that ran late": a relative clause, not the reported one
            if tk.lower[x] in self.finite_verbs:
                return True
            if led and x >= k + 2 and tk.lower[x].endswith("ed") and len(tk.lower[x]) > 4 \
                    and tk.lower[x - 1] not in self.determiners:
                return True  # "felt the songs blurred into one another": a past tense after its subject
        return False

    def decoy(self, v_end: int, j: int, lemma: str | None) -> bool:
        """Whether the reporting verb ``lemma`` ending at ``v_end`` is used in a sense that
        argues nothing ("argued before the court")."""
        senses = self.decoy_senses.get(lemma)  # type: ignore[arg-type]
        if senses is None:
            return False
        after = " ".join(self.tk.lower[v_end : min(j, v_end + 3)])
        return any(after == b or after.startswith(spaced) for b, spaced in senses)

    # ----- subjects ----------------------------------------------------------------------

    def subject(self, k: int, v: int, *, loose: bool = False) -> dict | None:
        """Who speaks in tokens ``[k, v)`` before a verb, or ``None`` if it is no subject
        (read once per span: a sentence and the clauses cut from it ask again; not to be changed)."""
        key = (k, v, loose)
        found = self._subjects.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._subjects[key] = self._subject(k, v, loose)
        return found  # type: ignore[return-value]

    def _subject(self, k: int, v: int, loose: bool) -> dict | None:
        tk = self.tk
        lower, orth = tk.lower, tk.orth
        adverbs, auxiliaries = self.adverbs, self.auxiliaries
        end = v
        while end > k:
            w = lower[end - 1]
            if not (w in adverbs or w in auxiliaries or w.endswith("ly") and not _capitalized(tk, end - 1)):
                break
            end -= 1
        aside = end > k and orth[end - 1] == ","
        while end > k and orth[end - 1] == ",":
            end -= 1
        seg = orth[k:end]
        # white space aside, the tokens are a run (most subjects hold none)
        run = "" not in seg
        toks = list(range(k, end)) if run else [i for i in range(k, end) if orth[i]]
        if toks and _is_time(orth[toks[0]]):
            toks = toks[1:]  # "18:14 Opposition leader Tom Greaves …": a live blog's time stamp
        if not toks:
            return None
        if "," in seg:
            # "Marsh, one of the two votes against, warned" / "Critics, by contrast, argue";
            # "Writing in X, Achebe called …"
            commas = [n for n, i in enumerate(toks) if orth[i] == ","]
            toks = toks[: commas[0]] if aside else toks[commas[-1] + 1 :]
        if not toks or len(toks) > _MAX_SUBJECT:
            return None
        words = lower[toks[0] : toks[-1] + 1] if run else [lower[i] for i in toks]
        if words[0] in self.post_modifiers or not _QUOTES.isdisjoint(words) and any(
                orth[i] in _QUOTES and not self._possessive(i) for i in toks):
            return None  # "with Pike herself calling it": an aside, not a new speaker
        not_in_subject = self.not_in_subject
        if not not_in_subject.isdisjoint(words):
            initials = {n for n, w in enumerate(words) if w == "." and n and (
                words[n - 1] == "al" or len(words[n - 1]) == 1 or words[n - 1] + "." in self.abbreviations)}
            if any(w in not_in_subject and n not in initials
                   for n, w in enumerate(words)):  # "Haddad et al. (2023)", "J. Okoro", "hon." may speak
                return None
        if words[-1] in self.subject_non_ends:
            return None  # "…packed the chamber to oppose": not a speaker
        role, key, label = None, frozenset(), tk.text[tk.starts[toks[0]] : tk.ends[toks[-1]]]
        span_end = toks[-1] + 1
        if len(toks) == 1 and words[0] in self.pronouns or len(toks) == 3 and words[0] in self.quantifiers \
                and words[1] in self.post_modifiers and words[2] in self.part_pronouns:
            role = "same"  # "they", and "Some of them" after a group: some of the same speakers
        elif len(toks) > 1 and words[0] in self.possessives:
            role = "same"  # "Its regional manager, Tom Reilly": speaks for the speaker before
        elif len(toks) == 1 and words[0] in self.author_pronouns:
            role = "author"
        else:
            actors = tk.kinds.get("actor", _NO_HITS)
            quantifiers = self.quantifiers
            for n, i in enumerate(toks[:4]):
                hit = actors.get(i)
                if hit and hit[1] <= span_end:
                    side = hit[0].split(":")[1]
                    if hit[1] < span_end and words[n] in quantifiers:
                        continue  # "some economists": a quantifier here, not "some" who argue
                    mods = words[:n]
                    if side in ("pro", "con") and mods and mods[-1] in self.speaking_for:
                        role = side  # "Counsel for the respondent" speaks for the respondent's side
                        break
                    if side in ("pro", "con") and any(w not in quantifiers for w in mods):
                        role = None  # "disability advocates" speak for a group, not for the thesis
                        break
                    if side in ("pro", "con") and not words[n].endswith("s") and n + 1 < len(toks) \
                            and _capitalized(tk, toks[n + 1]):
                        role = None  # "The critic Nia Hale": a trade before a name, no side
                        break
                    role = side  # the last one counts: "Some advocates"
            lowered = label.lower()
            if "anti-" in lowered or "anti " in lowered:
                role = "con"
            elif "pro-" in lowered:
                role = "pro"
        head = lower[self._head(toks)]
        if role is None or role == "group":
            key = self._name_key(toks)
            # "a number of local clubs felt that": people, counted ("most defensive pacts" are not)
            counted = not self.partitives.isdisjoint(words) and any(
                w in self.partitives and n + 1 < len(words) and words[n + 1] == "of" for n, w in enumerate(words))
            plural = (loose or counted) and head.endswith("s")
            if not key and not self._agent(head) and role is None and not plural \
                    and not self._singular_agent(toks, v, head) and not self._plural_speakers(toks, v, head):
                return None  # "A defense framework recognizes …": no one speaks
            role = "group"
        if role in ("group", "same"):
            described = tk.positions("desc", toks[0], v)
            if described:
                return {"role": tk.kinds["desc"][described[0]][0].split(":")[1], "key": key, "label": label,
                        "described": True, "head": head}
        return {"role": role, "key": key, "label": label, "described": False, "head": head}

    def _possessive(self, i: int) -> bool:
        """Whether the apostrophe at ``i`` closes a plural possessive ("The Traders' Guild"),
        glued to the word before it, not a quotation mark."""
        tk = self.tk
        return tk.orth[i] in ("'", "’") and i > 0 and tk.starts[i] == tk.ends[i - 1] \
            and tk.lower[i - 1].endswith("s") and i + 1 < len(tk.orth) and tk.word[i + 1]

    def _agent(self, word: str) -> bool:
        """Whether a subject without a name can speak: its head ``word`` is a group noun
        ("economists", "Schools that run homework clubs"), formed like one ("landscapers"), or
        a part of the people consulted ("A significant minority")."""
        return word in self.group_nouns or (word.endswith(self.group_suffixes) and len(word) > 5) \
            or word in self.partitives

    def _singular_agent(self, toks: list[int], v: int, word: str) -> bool:
        """Whether "the developer", "its operator" speaks: a definite singular noun (head
        ``word``) formed like an agent, before a reporting verb with a "that" / "whether" clause."""
        tk = self.tk
        verb = self.verb_at(v) if v < len(tk.lower) else None
        if verb is None or verb[1] >= len(tk.lower) or tk.lower[toks[0]] not in self.determiners:
            return False
        # "the band's singer" is as short as "the singer": what it belongs to does not count
        owner = next((n for n in range(len(toks) - 2, 0, -1) if tk.lower[toks[n]] in self.lead_marks), None)
        words = len(toks) if owner is None else 1 + len(toks) - owner - 1
        if verb[0] in ("response", "praise") and words <= 3:
            return True  # "The cooperative defended the market", "The board welcomed it"
        return tk.lower[verb[1]] in self.clause_complements and word.endswith(self.agent_suffixes) and len(word) > 5

    def _plural_speakers(self, toks: list[int], v: int, head: str) -> bool:
        """Whether "Local churches", "Most households" speak: a short phrase with a plural head
        before a verb of saying in the past ("said that", "argued that"; not of finding, "the
        results showed that", and not the present of a description, "most pacts emphasize that")."""
        tk = self.tk
        if len(toks) > _MAX_PLURAL_SUBJECT or not head.endswith("s") or head.endswith(("ss", "us", "is")):
            return False
        verb = self.verb_at(v) if v < len(tk.lower) else None
        if verb is None or verb[1] >= len(tk.lower) or verb[0] not in ("neutral", "con") \
                or tk.lower[verb[1]] != "that":
            return False
        form = tk.lower[v]
        if not (form.endswith("ed") or form in self.past_forms):
            return False
        lemma = self.lemma.get(form if verb[1] == v + 1 else " ".join(tk.lower[v : verb[1]]))
        return lemma is not None and lemma not in self.findings

    def _head(self, toks: list[int]) -> int:
        """The head of a speaker phrase: its last word before "of", "who", "(" and the like,
        or before a participle with its agent ("A study commissioned by the council")."""
        lower, orth, post_modifiers = self.tk.lower, self.tk.orth, self.post_modifiers
        last = len(toks) - 1
        for n in range(1, last + 1):  # the first word is the head unless one of these follows it
            i = toks[n]
            w = lower[i]
            if w in post_modifiers or orth[i] == "(":
                if lower[toks[n - 1]] in self.partitives and n < last:
                    continue  # "A number of respondents": the respondents speak
                return toks[n - 1]
            if n < last and w.endswith("ed") and lower[toks[n + 1]] == "by":
                return toks[n - 1]
        return toks[-1]

    def _name_key(self, toks: list[int]) -> frozenset[str]:
        """The capitalised words of a speaker ("council member Ruth Adeyemi" → ruth, adeyemi);
        a later "Adeyemi" is the same speaker. Only the head counts ("Diplomacy with Japan"
        names no one), and a capitalised first word only when a name goes on from it."""
        lower, orth = self.tk.lower, self.tk.orth
        post_modifiers, quantifiers, determiners = self.post_modifiers, self.quantifiers, self.determiners
        names = set()
        for n, i in enumerate(toks):
            w = orth[i]
            if w == "(" or n and lower[i] in post_modifiers:
                break
            if not w[:1].isupper() or not w[0].isalpha():
                continue
            name = lower[i]
            if name in quantifiers or name in determiners or name.rstrip(".") in self.honorifics:
                continue  # "Cllr Rowe" is known by "rowe": every councillor is a "Cllr"
            if n == 0 and len(toks) > 1 and not self._name_goes_on(toks):
                continue  # "Council member …", "Multilateral and bilateral treaties"
            names.add(name)
        return frozenset(names)

    def _name_goes_on(self, toks: list[int]) -> bool:
        tk = self.tk
        if tk.orth[toks[1]] == "(" or _capitalized(tk, toks[1]):
            return True
        # past a capital, only lower case is left, so the lower-case forms compare as written
        return tk.lower[toks[1]] in self.name_joiners and len(toks) > 2 and (
            _capitalized(tk, toks[2]) or tk.lower[toks[2]] == "al")

    # ----- one clause --------------------------------------------------------------------

    def clause(self, i: int, j: int, inherit: Statement | None = None) -> Statement:
        """Read the clause of tokens ``[i, j)``: a statement of the caller's own."""
        return _copy(self._peek(i, j, inherit))

    def _peek(self, i: int, j: int, inherit: Statement | None = None) -> Statement:
        """The reading of the clause ``[i, j)``, memoised (sentence splitting asks again):
        not to be changed."""
        key = (i, j, None if inherit is None else (inherit.span, inherit.actor, inherit.actor_key))
        st = self._clauses.get(key)
        if st is None:
            st = self._clauses[key] = self._fresh(i, j, inherit)
        return st

    def _fresh(self, i: int, j: int, inherit: Statement | None = None) -> Statement:
        """The clause ``[i, j)`` read anew, not memoised (a sentence without a cue is read once)."""
        st = self._read_clause(i, j, inherit)
        if (st.subordinate or st.other_side) and st.marked and st.verb_class != "concession":
            # "While critics argue X, supporters …": a contrast of speakers; "On the other hand,
            # some people believe X": that side speaks for itself, the author grants nothing
            st.conceded = False
            if st.other_side:
                st.connective = "contrast"
        return st

    def _unread(self, i: int, j: int) -> Statement:
        """The clause ``[i, j)`` as an unmarked statement, before anything in it is read."""
        tk = self.tk
        st = _copy(_UNREAD)
        st.span = _trim(tk.text, tk.starts[i], tk.ends[j - 1]) if j > i else (tk.starts[i], tk.starts[i])
        st.confidence = self.unmarked
        return st

    def _read_clause(self, i: int, j: int, inherit: Statement | None) -> Statement:
        tk = self.tk
        st = self._unread(i, j)
        k = i
        # connectives the clause opens with ("In response,", "Granted,", "But", "It is true that")
        conns = self.conns
        while k < j:
            hit = conns.get(k)
            if not hit:
                break
            cls = hit[0].split(":")[1]
            if cls == "other_side":
                # "On the other hand, parents want …": the author sets out the other side's case
                st.other_side = True
                cls = "concession" if self.authored else "contrast"
            if cls == "subordinate_concession" and st.connective is None:
                st.subordinate = True
                cls = "concession"
            if cls == "concession":
                st.conceded = True
            if st.connective is None or cls in ("contrast", "response"):
                st.connective = cls
            k = hit[1]
            while k < j and tk.orth[k] in (",", ""):
                k += 1
        while k < j and tk.lower[k] in self.lead_ins:
            k += 1  # "When critics accuse …", "While supporters …"
        if st.connective in ("response",):
            st.response = True
            if k < j and tk.lower[k] in self.object_prepositions:
                self._taken_up(st, k + 1, j)  # "In reply to the campaigners, …"
        # a connective after the subject ("Retailers, however, maintain")
        closing_turn = False
        after_comma = self.comma_conns()
        if st.connective is None and after_comma:
            orth = tk.orth
            for m in after_comma[bisect_left(after_comma, k + 1) : bisect_left(after_comma, min(j, k + 14))]:
                hit = conns[m]
                final = not any(tk.word[hit[1] : j])
                if hit[1] < j and orth[hit[1]] == "," or final:
                    cls = hit[0].split(":")[1]
                    cls = "contrast" if cls == "other_side" else cls
                    if cls in ("contrast", "response"):
                        st.connective = cls
                        st.response = cls == "response"
                        closing_turn = final  # "These gains may not last, however."
                    break
        if k >= j:
            return st  # only connectives ("…; by contrast")
        if not tk.tagged(k, j):
            # every reading below but the aside needs a verb, framing or state cue in the clause
            if not self._aside(st, k, j, cued=False) and closing_turn:
                self._turn_remark(st, k, j)
            return st
        if k < j and tk.orth[k] in _OPEN_QUOTES and self._after_quote(st, k, j):
            return st
        if self._framed(st, k, j):
            return st
        if self._attributed(st, k, j, inherit):
            return st
        if self._state(st, k, j):
            return st
        if not self._aside(st, k, j) and closing_turn:
            self._turn_remark(st, k, j)
        return st

    def _turn_remark(self, st: Statement, k: int, j: int) -> None:
        """A short remark closing on "however" turns the debate: what follows is the other
        side's, and the remark itself only announces it ("These gains may not last, however.")."""
        if sum(self.tk.word[k:j]) <= _MAX_TURN_WORDS:
            st.actor_role, st.announces = "opposite", True
            st.confidence = self.conf["framing"]

    def _aside(self, st: Statement, k: int, j: int, *, cued: bool = True) -> bool:
        """Attribution inside the clause: ", as argued by defenders," / "According to X," /
        ", they say,". In a clause without a cue (not ``cued``) only the phrase of an aside
        can attribute: the other two need a reporting verb in it."""
        tk = self.tk
        lower, verb_at = tk.lower, self.verb_at
        for m in tk.where(self.aside_marks if cued else self.aside_starts, k, j - 2):
            w = lower[m]
            rests = self.asides.get(w)
            rest = next((r for r in rests if lower[m + 1 : m + 1 + len(r)] == r), None) if rests else None
            if rest is not None:
                end = m + 1 + len(rest)
            elif w in self.passive_asides and (verb := verb_at(m + 1)) and lower[verb[1]] == "by":
                end = verb[1] + 1
            elif w == "," and (verb := verb_at(m + 2) or verb_at(m + 3)):
                v = m + 2 if verb_at(m + 2) else m + 3
                if verb[1] < j and tk.orth[verb[1]] in (",", ".") and (subj := self.subject(m + 1, v)):
                    if subj["role"] in ("pro", "con", "same", "opposite"):
                        self._set_actor(st, subj, verb[0], " ".join(tk.orth[v : verb[1]]))
                        return True
                continue
            else:
                continue
            stop = end
            while stop < j and tk.orth[stop] not in (",", ";", ".", ""):
                stop += 1
            subj = self.subject(end, stop) if stop > end else None
            if subj is None:
                return False
            self._set_actor(st, subj, "neutral", " ".join(tk.orth[m:end]))
            st.confidence = min(st.confidence, self.conf["group_actor"])
            return True
        return False

    def _after_quote(self, st: Statement, q: int, j: int) -> bool:
        """'"…," said X' / '"…," X countered': the speaker follows the quotation."""
        tk = self.tk
        close = next((m for m in range(q + 1, j) if tk.orth[m] in _CLOSE_QUOTES), None)
        if close is None or close + 1 >= j:
            return False
        m = close + 1
        while m < j and tk.orth[m] in (",", ""):
            m += 1
        for v in range(m, min(j, m + 8)):
            verb = self.verb_at(v)
            if not verb:
                continue
            if v == m:
                subj = self._speaker_after(verb[1], j)
            else:
                subj = self.subject(m, v)
            if subj is None:
                return False
            inner_end = close
            while inner_end > q + 1 and tk.orth[inner_end - 1] in (",", ""):
                inner_end -= 1
            st.span = _trim(tk.text, tk.starts[q + 1], tk.ends[inner_end - 1])
            self._set_actor(st, subj, verb[0], " ".join(tk.orth[v:verb[1]]))
            st.quoted = True
            return True
        return False

    def _relative_report(self, quoted: Statement, i: int, j: int) -> Statement | None:
        """'"…," said X, who added that Y': Y is the quoted speaker's too, on their side."""
        tk = self.tk
        for x in tk.where(self.relatives, i + 1, j - 2):
            if tk.orth[x - 1] != ",":
                continue
            verb = self.verb_at(x + 1)
            if verb is None or verb[1] >= j - 1 or tk.lower[verb[1]] not in self.framed_complements:
                continue
            st = _copy(quoted)
            st.span = _trim(tk.text, tk.starts[verb[1] + 1], tk.ends[j - 1])
            st.actor_role, st.quoted, st.verb_class = "same", False, verb[0]
            st.cue = " ".join(tk.orth[x + 1 : verb[1] + 1])
            return st
        return None

    def _speaker_after(self, m: int, j: int) -> dict | None:
        tk = self.tk
        end = m
        while end < j and tk.orth[end] not in (",", ".", ";", "!", "?", ""):
            end += 1
        subj = self.subject(m, end) if end > m else None
        if subj is not None and subj["role"] in ("group", "same") and end < j and tk.orth[end] == ",":
            # '"…," said Ana Lind, who leads the opposition group': the description gives a side
            found = tk.find("desc:", end, j)
            if found is not None:
                subj = {**subj, "role": found[0].split(":")[1], "described": True}
        return subj

    def _set_actor(self, st: Statement, subj: dict, verb_class: str, verb: str) -> None:
        st.actor_role = subj["role"]
        st.actor_key = subj["key"]
        st.actor_head = subj.get("head")
        if subj["role"] == "group" and not subj["key"] and subj["label"].split(" ", 1)[0].lower() not in self.other_markers:
            st.group_head = st.actor_head
            st.elliptical = subj["label"].lower() in self.quantity_words
        st.subset = subj["role"] == "same" and " " in subj["label"] \
            and subj["label"].split(" ", 1)[0].lower() in self.quantity_words
        st.actor = subj["label"]
        st.verb_class = verb_class
        st.cue = verb
        st.response = st.response or verb_class == "response"
        if verb_class == "concession":
            st.conceded = True
        explicit = subj["role"] in ("pro", "con") and not subj.get("described")
        st.confidence = self.conf["stance_actor"] if explicit else self.conf["group_actor"]

    def _framed(self, st: Statement, k: int, j: int) -> bool:
        """Framing without a speaker: "The concern is that", "It has been argued that",
        "Some will say", "The strongest case against this is", "A further objection is"."""
        tk = self.tk
        hit = self.frames.get(k) or self.prolepses.get(k)
        if hit:
            st.actor_role = "pro" if hit[0] == "frame:pro" else "con"
            st.response = st.actor_role == "pro"
            st.cue = " ".join(tk.orth[k : hit[1]]).strip(" ,")
            st.confidence = self.conf["framing"]
            # "Not everyone is convinced.": the dissenters named next speak for it
            st.announces = st.actor_role == "con" and not any(tk.word[hit[1] : j])
            return True
        # "The/A further/One common objection is that …", "Concerns have also been raised that"
        nouns = tk.kinds.get("noun", _NO_HITS)
        for m in tk.positions("noun", k, min(j, k + _FRAMING_NOUN_REACH)):
            noun = nouns[m]
            n_end = noun[1]
            after = [w for w in tk.lower[n_end : min(j, n_end + 5)]]
            taken_up: tuple[int, int] | None = None
            if noun[0] == "noun:pro" and after and after[0] in self.object_prepositions:
                # "The council's response to the historians was that …": whom it answers
                c = next((x for x in range(n_end + 1, min(j, n_end + 7)) if tk.lower[x] in self.copulas), None)
                if c is not None:
                    taken_up = (n_end, c)
                    after = [w for w in tk.lower[c : min(j, c + 5)]]
            lead = [tk.lower[x] for x in range(k, m)]
            if lead and not all(w.isalpha() or w in self.lead_marks for w in lead):
                break
            raised = next((x for x in range(k + 1, m) if tk.lower[x] in self.raised), None)
            if raised is not None and noun[0] == "noun:con" and not any(tk.word[n_end:j]):
                # "Privacy campaigners have raised a separate concern.": those critics' points follow
                subj = self.subject(k, raised)
                if subj is None:
                    break
                self._set_actor(st, subj, "con", " ".join(tk.orth[raised:n_end]))
                st.actor_role, st.announces = "con", True
                st.confidence = self.conf["framing"]
                return True
            existential = len(lead) >= 2 and lead[0] == "there" and lead[1] in self.copulas and \
                bool(after) and after[0] in self.framed_complements  # "There is also the worry that …"
            if after and after[0] in self.copulas and noun[0] == "noun:con" and self._dismissed(lead, after[1:]):
                # "The tourist objection is weaker than it looks": the author answers it
                st.actor_role, st.response = "pro", True
                st.cue = " ".join(tk.orth[k : n_end + 2])
                st.confidence = self.conf["framing"]
                return True
            if after and after[0] in self.copulas or existential or (
                    after[:1] and after[0] in self.raised_auxiliaries
                    and any(w in self.raised for w in after)):
                possessive = next((x for x in range(k + 1, m) if tk.lower[x] in self.lead_marks), None)
                if possessive is not None and tk.word[possessive - 1]:
                    # "The council's response is that …": the council speaks
                    st.actor = tk.text[tk.starts[k] : tk.ends[possessive - 1]]
                    st.actor_head = st.group_head = tk.lower[possessive - 1]
                st.actor_role = noun[0].split(":")[1]
                st.response = st.actor_role == "pro"
                if taken_up is not None:
                    self._taken_up(st, *taken_up)
                st.cue = " ".join(tk.orth[k : n_end + 1])
                st.confidence = self.conf["framing"]
                # a framing line with no content of its own announces what follows
                st.announces = not any(w in self.framed_openers for w in tk.lower[n_end:j])
                if st.announces and "is" not in after[:1] and "are" not in after[:1]:
                    st.announces = True
                return True
            follows = tk.orth[n_end] if n_end < j else ""
            if not any(w in self.framed_openers for w in tk.lower[n_end:j]) and noun[0] == "noun:con" \
                    and lead and lead[0] in self.quantifiers and all(w.isalpha() for w in lead) \
                    and follows.isalpha() and follows.islower() and follows not in self.post_modifiers \
                    and follows not in self.clause_conjunctions:
                # "A second line of criticism targets the premise": announces what follows
                st.actor_role, st.announces, st.cue = "con", True, " ".join(tk.orth[k:n_end])
                st.confidence = self.conf["framing"]
                return True
            break
        # hedged: "It has been argued that", "It is sometimes claimed that"
        if tk.lower[k] == "it" and k + 1 < j:
            m = k + 1
            while m < j and (tk.lower[m] in self.auxiliaries or tk.lower[m] in self.adverbs or tk.lower[m].endswith("ly")):
                m += 1
            verb = self.verb_at(m) if m < j else None
            # a passive ("It is said that"), not a pronoun speaking ("It also said that …": the firm)
            passive = any(tk.lower[x] in self.passive_aux for x in range(k + 1, m))
            if verb and passive and verb[1] < j and tk.lower[verb[1]] in self.framed_complements:
                modal = any(tk.lower[x] in self.modals for x in range(k + 1, m))
                st.actor_role = "con" if verb[0] in ("con", "neutral") or modal else (
                    "pro" if verb[0] in ("praise", "response") else "con")
                st.verb_class = verb[0]
                st.response = verb[0] == "response"
                st.cue = " ".join(tk.orth[k : verb[1] + 1])
                st.confidence = self.conf["framing"]
                return True
        return False

    def _dismissed(self, lead: list[str], predicate: list[str]) -> bool:
        """Whether ``predicate`` (the words after "<objection> is") answers the objection."""
        words = [w for w in predicate if w.isalpha()][:3]
        if lead[:1] and lead[0] in self.negations:
            words = ["not", *words]
        return any(" ".join(words[:n]) in self.dismissals for n in (1, 2, 3))

    def _attributed(self, st: Statement, k: int, j: int, inherit: Statement | None) -> bool:
        tk = self.tk
        lower = tk.lower
        # a side verb with a plain object whose report follows in a participle ("Drury
        # answered Moss in a letter, stating that …"): its speaker and class
        main: tuple[dict, str, int, int] | None = None
        for v in tk.positions("verb", k, min(j, k + _MAX_SUBJECT + 8)):
            verb = self.verb_at(v)
            if not verb:
                continue
            cls, v_end = verb
            lemma = self.lemma.get(lower[v] if v_end == v + 1 else " ".join(lower[v:v_end]))
            if v > k and tk.orth[v - 1] == "," and lower[v].endswith("ing") and v_end < j \
                    and lower[v_end] in self.clause_complements and not self.decoy(v_end, j, lemma):
                # "X answered Moss …, stating that", "Ellis returned to the album, arguing that":
                # the participle reports for the sentence's subject
                lead = main[0] if main is not None else self._leading_subject(k, v)
                if lead is not None:
                    if main is not None and main[1] != "neutral":
                        cls, cue_at = main[1], (main[2], main[3])
                    else:
                        cue_at = (v, v_end)
                    after = lower[v_end] if v_end < j else None
                    self._set_actor(st, lead, cls, " ".join(tk.orth[cue_at[0]:cue_at[1]]) + (" that" if after == "that" and cue_at[0] == v else ""))
                    if main is not None:
                        self._taken_up(st, main[3], j)
                    return True
            word, before_word = lower[v], lower[v - 1] if v > k else None
            after_word = lower[v_end] if v_end < j else None
            if cls == "concession" and after_word == "to":
                cls = "neutral"  # "pupils admit to checking messages": a confession, no point granted
            if before_word == "to" and (v - 2 < k or lower[v - 2] not in self.infinitive_leads):
                subj = next((x for m in range(k + 1, min(v - 1, k + 5) + 1)
                             if (x := self.subject(k, m)) and x["role"] in ("group", "con")), None)
                if cls == "con" and subj:
                    # "Residents packed the hall to oppose the plan": a side announced
                    self._set_actor(st, subj, cls, " ".join(tk.orth[v - 1 : v_end]))
                    st.actor_role, st.announces = "con", True
                    return True
                continue  # "to oppose the change": an infinitive, not a report
            if before_word in self.relatives:
                continue  # "Vos, who proposed the wall, said …": a relative clause
            if self.decoy(v_end, j, lemma):
                if v > k and tk.orth[v - 1] == "," and word.endswith("ing"):
                    continue  # "Ebdon, writing for The Courier, found …": an aside, the verb follows
                st.actor_role = "report"  # "the case was argued before the court": no argument
                return True
            if before_word in self.progressive_aux and word.endswith("ing") and after_word != "that":
                return False  # "companies are still arguing about it": narration
            if v > k and lemma in self.received:
                # "The bridge came under fire", "The scheme has drawn criticism from X": read as
                # a passive, its subject is what is judged
                return self._passive(st, k, v, v_end, j, cls, received=True)
            if v > k:
                before = v - 1
                adverbs, auxiliaries, passive_aux = self.adverbs, self.auxiliaries, self.passive_aux
                while before > k and (lower[before] in adverbs or lower[before].endswith("ly")
                                      or lower[before] in auxiliaries and lower[before] not in passive_aux):
                    before -= 1  # "is widely credited", "was in turn criticised"
                if lower[before] in passive_aux and word.endswith(("ed", "en", "t")):
                    return self._passive(st, k, v, v_end, j, cls)
            if v == k:
                if inherit is None or word.endswith("ing"):
                    return False  # "…, but insisting all babies be perfect is …": a gerund is no verb of the speaker's
                subj = {"role": "same", "key": inherit.actor_key, "label": inherit.actor, "described": False}
            else:
                subj = self.subject(k, v)
                if subj is None and after_word == "that" and cls in ("response", "con", "concession"):
                    subj = self.subject(k, v, loose=True)  # "Industry representatives counter that"
                if subj is None and word in self.group_nouns:
                    continue  # "A 2021 report by the officer found that": that form was a noun
                if subj is None:
                    return False
            role = subj["role"]
            head = subj.get("head") or ""
            if lemma in self.group_only and not (
                    role in ("pro", "con", "group") and (head.endswith("s") and self._agent(head)
                                                         or head in self.quantity_words)):
                continue  # "The ecosystem supports advances", "The evidence does not support this"
            if not (role in ("pro", "con") or role in ("same", "opposite") and after_word in self.clause_starts) \
                    and self._bare(v, v_end, j, cls) and not self._cites(k, j):
                if main is None:
                    main = (subj, cls, v, v_end)
                continue  # "homeowners see the park": an object, not a report
            # the verb closes the sentence: ", Brandt said." reports a fact unless a side speaks
            if cls == "neutral" and role not in ("pro", "con") and not any(tk.word[v_end:j]):
                st.actor_role = "report"
                return True
            self._set_actor(st, subj, cls, " ".join(tk.orth[v:v_end]) + (" that" if after_word == "that" else ""))
            st.defends = lemma in self.defending
            st.finding = lemma in self.findings
            if cls == "response" or cls == "con" and lemma in self.disputing:
                self._taken_up(st, v_end, j)  # "rejected the charge", "took issue with Moss's reading"
            if cls in ("neutral", "elaboration"):
                self._participle_side(st, v_end, j)
            elif cls == "con" and not st.response and self._closing_object(v_end, j):
                st.announces = True  # "A significant minority opposed the proposal.": its speakers follow
            if st.verb_class == "neutral" and st.actor_role == "group" and not st.actor_key and \
                    lemma in self.findings and \
                    any(tk.orth[x][:1].isdigit() for x in range(v_end, j)):
                st.statistic = True  # "The agency estimated that 40% of trips …"; a study cited by name argues
            post_modifiers, anaphoric = self.post_modifiers, self.anaphoric
            if any(lower[x] in post_modifiers and lower[x + 1] in anaphoric for x in range(k, v - 1)):
                st.response = True  # "Critics of this follow-up point out …" answer it
            if cls == "con" and after_word in self.debate_prepositions:
                st.announces = True  # "Grid operators disagree about how …": a debate announced
            if role == "opposite" and (cls == "praise" or cls == "con" and after_word in self.clause_complements):
                # "Others have questioned whether …", "Others praised …": the verb names the
                # side; a bare "Others disagree" only turns against the speaker before
                st.actor_role = "pro" if cls == "praise" else "con"
            if role in ("con", "opposite", "group") and cls in ("neutral", "con") and \
                    not self.modals.isdisjoint(lower[max(k, v - 3) : v]):
                st.actor_role = "con"  # prolepsis: "Some will say …", "Others may object …"
                st.confidence = self.conf["framing"]
            return True
        return False

    def _leading_subject(self, k: int, v: int) -> dict | None:
        """The speaker a clause opens with, before its first lower-case word ("Ellis returned
        to the album …"): a name or a group, or ``None``."""
        tk = self.tk
        for m in range(k + 1, min(v, k + 6)):
            if tk.orth[m][:1].islower() and tk.orth[m].isalpha() and tk.lower[m] not in self.post_modifiers:
                if tk.lower[m] in self.copulas:
                    return None  # "X was less impressed, writing that …": a state, read as one
                subj = self.subject(k, m)
                return subj if subj is not None and subj["role"] in ("group", "pro", "con", "same") else None
        return None

    def _taken_up(self, st: Statement, m: int, j: int) -> None:
        """Read the object of a con or reply verb from token ``m``: an earlier point it names
        ("rejected the charge", "disputed the comparison") makes a con verb a reply, and the
        speakers it names ("answered Moss", "Moss's reading", "to the campaigners") or a
        framing noun ("concerns about …") say what it answers."""
        tk = self.tk
        x = m
        while x < j and tk.lower[x] in self.object_prepositions:
            x += 1
        names: set[str] = set()
        head: str | None = None
        nouns = tk.kinds.get("noun", _NO_HITS)
        for y in range(x, min(j, x + 5)):
            w = tk.lower[y]
            if not tk.word[y] and tk.orth[y] not in self.lead_marks or w in self.clause_complements \
                    or w in self.post_modifiers and y > x:
                break
            point = self.reply_objects.get(w)
            nxt = tk.lower[y + 1] if y + 1 < j else ""
            if point is not None and y + 1 < j and tk.word[y + 1] and nxt not in self.post_modifiers \
                    and nxt not in self.clause_complements:
                point = None  # "defense cooperation": a modifier of the object, not the point itself
            if point is not None and st.verb_class == "con":
                st.verb_class, st.response = "response", True
                if point != "any":
                    st.answers_side = point  # "rejected the charge": a con point answered
            if nouns.get(y) and st.answers_side is None:
                st.answers_side = nouns[y][0].split(":")[1]
            if _capitalized(tk, y) and tk.orth[y].isalpha():
                names.add(w)
            elif tk.word[y] and w not in self.determiners and w not in self.lead_marks:
                head = w
        if st.verb_class == "response" or st.response:
            st.answers, st.answers_head = frozenset(names), head

    def _bare(self, v: int, v_end: int, j: int, cls: str) -> bool:
        """Whether the verb at ``[v, v_end)`` stands without what it needs to report
        ("homeowners see the park"): no complement clause, evaluative object or praise."""
        return self.needs_complement(v, v_end) and not self.complement_follows(v, v_end, j) and \
            not (v_end < j and self._evaluative_object(v_end, j)) and \
            not (cls == "praise" and self._short_object(v_end, j))

    def _closing_object(self, m: int, j: int) -> bool:
        """A definite object of at most three words that ends the clause ("opposed the
        proposal.")."""
        tk = self.tk
        words = [x for x in range(m, j) if tk.word[x]]
        return 0 < len(words) <= 3 and tk.lower[words[0]] in self.determiners \
            and tk.lower[words[0]] not in self.clause_complements \
            and all(tk.orth[x] in (".", "!", "") or tk.word[x] for x in range(m, j))

    def _short_object(self, m: int, j: int) -> bool:
        """A short definite object ("welcomed the decision", "welcomed it", "welcomed the
        plan to offer …": its head before a preposition or a comma): praise of the thing debated."""
        tk = self.tk
        end = m
        while end < j and tk.word[end] and not (end > m and (
                tk.lower[end] in self.post_modifiers or tk.lower[end] in self.object_prepositions)):
            end += 1
        words = [x for x in range(m, end) if tk.word[x]]
        return 0 < len(words) <= 3 and (tk.lower[words[0]] in self.determiners or tk.lower[words[0]] in self.pronouns) \
            and (end == j or tk.orth[end] in (".", "!", "") or tk.word[end])

    def _points_back(self, i: int, j: int) -> bool:
        """Whether the subject ``[i, j)`` names an earlier statement ("This claim", "The review",
        "That figure") rather than the thing debated."""
        tk = self.tk
        words = " ".join(tk.lower[i:j])
        if tk.lower[i] in self.anaphoric or tk.find("answer_subject", i, i + 1) is not None \
                or any(words == a for a in self.answer_subject_words):
            return True
        # "… a city audit, which found … The audit was in turn criticised": its head was named
        # earlier in the paragraph (the thing debated is named in a paragraph of its own)
        head = tk.lower[self._head(list(range(i, j)))]
        paragraph = tk.text.rfind("\n", 0, tk.starts[i])
        x = i - 1
        while x >= 0 and i - x <= _POINT_BACK_REACH and tk.starts[x] > paragraph:
            if tk.lower[x] == head:
                return True
            x -= 1
        return False

    def _cites(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` hold an author–year citation ("Nwosu (2018)", "(Ruiz
        and Adeyemi, 2023)"): a study reports its finding with a plain object too."""
        tk = self.tk
        for x in range(i, j):
            if tk.orth[x] == "(":
                close = next((y for y in range(x + 1, min(j, x + _CITATION_WORDS)) if tk.orth[y] == ")"), None)
                if close is not None and any(tk.orth[y][:4].isdigit() and len(tk.orth[y]) in (4, 5)
                                             for y in range(x + 1, close)):
                    return True
        return False

    def _participle_side(self, st: Statement, m: int, j: int) -> None:
        """A side verb in a participle after a comma ("found the ending weak, complaining that
        …", ", praising its …") gives a neutral report its side."""
        tk = self.tk
        for x in tk.positions("verb", m + 1, j):
            verb = self.verb_at(x)
            if verb and verb[0] in ("con", "praise") and tk.orth[x - 1] == "," and tk.lower[x].endswith("ing"):
                st.verb_class = verb[0]
                return

    def _evaluative_object(self, m: int, j: int) -> bool:
        """A verb with an object then "as", a quotation or a colon ("described the ending as",
        "called it '…'", "defended that restraint:")."""
        tk = self.tk
        for x in range(m, min(j, m + 8)):
            if tk.lower[x] in self.evaluative_marks or tk.orth[x] in _OPEN_QUOTES:
                return True
            if tk.orth[x] in (",", ";", "."):
                return False
        return False

    def _passive(self, st: Statement, k: int, v: int, v_end: int, j: int, cls: str, *, received: bool = False) -> bool:
        """"X was challenged by Y", "The review was criticised as …", "is widely credited";
        a judgment ``received`` ("X came under fire", "has drawn criticism from Y") is read
        the same way. A criticism naming no one announces the critics who follow."""
        tk = self.tk
        subj_end = v if received else v - 1
        while subj_end > k and (tk.lower[subj_end - 1] in self.auxiliaries or tk.lower[subj_end - 1] in self.adverbs
                                or tk.lower[subj_end - 1].endswith("ly")):
            subj_end -= 1
        subject_words = " ".join(tk.lower[k:subj_end])
        if not subject_words or subj_end - k > _MAX_SUBJECT or cls not in ("con", "praise", "response"):
            return False
        agents = self.received_agents if received else ("by",)
        by = next((x for x in range(v_end, min(j, v_end + 3)) if tk.lower[x] in agents), None)
        if by is None and not any(tk.word[v_end:j]) and not (
                cls == "con" and any(tk.lower[x] in self.elaborations for x in range(subj_end, v))):
            st.actor_role = "report"  # "The practice has long been contested.": a remark
            return True  # but "The cost was also criticised" adds to the criticism before
        actor = None
        if by is not None:
            end = by + 1
            while end < j and tk.orth[end] not in (",", ";", ".", ""):
                end += 1
            actor = tk.text[tk.starts[by + 1] : tk.ends[end - 1]] if end > by + 1 else None
            if end > by + 1:
                st.actor_head = tk.lower[self._head(list(range(by + 1, end)))]
        st.actor = actor
        st.cue = " ".join(tk.orth[subj_end : v_end] + ([tk.orth[by]] if by is not None else []))
        st.verb_class = cls
        st.confidence = self.conf["framing"]
        if cls == "praise":
            st.actor_role = "pro"
            st.verb_class = "praise"
        elif cls == "con" and not self._points_back(k, subj_end):
            st.actor_role = "con"  # "The market has been criticised by residents": the topic attacked
            # "The plan has been criticised on cost grounds.": the critics named next speak for it
            st.announces = actor is None
        elif cls in ("con", "response"):
            # the subject is what is attacked: the statement before is answered by the other side
            st.actor_role = "opposite"
            st.answers_previous = True
            st.response = True
        else:
            st.actor_role = "group"
        return True

    def _state(self, st: Statement, k: int, j: int) -> bool:
        """"X was less impressed", "Y remains unconvinced, observing that …"."""
        tk = self.tk
        states = tk.kinds.get("state", {})
        for m in tk.positions("state", k + 1, min(j, k + _MAX_SUBJECT + 4)):
            hit = states[m]
            if not hit:
                continue
            c = m - 1
            while c > k and (tk.lower[c] in self.adverbs or tk.lower[c] in self.state_degrees):
                c -= 1
            if tk.lower[c] not in self.copulas:
                return False
            subj = self.subject(k, c)
            if subj is None:
                return False
            self._set_actor(st, subj, "con", " ".join(tk.orth[c : hit[1]]))
            st.response = True  # "X was not persuaded" answers what was said before
            if subj["role"] in ("group", "same", "opposite"):
                st.actor_role = "con"
                st.actor_key = subj["key"]
            st.announces = not any(tk.word[hit[1]:j])
            return True
        return False

    # ----- sentences ---------------------------------------------------------------------

    def sentence(self, span: Span, *, marked_only: bool = False) -> list[Statement]:
        """The clauses of the sentence at ``span``; with ``marked_only`` a sentence that can
        hold no marked clause may come back empty instead of as one unmarked clause."""
        tk = self.tk
        i, j = tk.window(*span)
        while j > i and not tk.orth[j - 1]:
            j -= 1
        if i >= j:
            return []
        if not tk.tagged(i, j, turns=self.authored):  # no cue at all: one unmarked clause (fast path)
            # without a cue only an aside ("According to X, …") or a closing connective
            # ("…, however.") marks a clause, and only a connective shapes one ("In response, …")
            if not tk.where(self.aside_starts, i, j) and not tk.positions("conn", i, j):
                return [] if marked_only else [self._unread(i, j)]
            return [self._fresh(i, j)]
        cuts = [i]
        conceded_cuts: set[int] = set()
        first = self._peek(i, j)
        if first.quoted:
            # a quotation is one statement of its speaker, and '…, who added that Y' another
            added = self._relative_report(first, i, j)
            return [_copy(first)] if added is None else [_copy(first), added]
        leading_concession = first.conceded
        continuing, contrasting = self.continuing, self.contrasting
        for b in tk.where(self.breaks, i + 1, j - 1):
            w = tk.lower[b]
            body = b + 1
            if w == "," and body < j and tk.lower[body] in self.clause_conjunctions:
                body += 1
            conj = tk.lower[body - 1]
            if body >= j - 1:
                continue
            if sum(tk.word[cuts[-1] : b]) < 3:
                continue  # "In reality, …": a lead-in, not a clause
            if not tk.tagged(body, min(j, body + _MAX_SUBJECT + 4), turns=True) and not (
                    self.authored or leading_concession or first.subordinate):
                continue  # nothing after the break could open a new statement
            nxt = self._peek(body, j)
            may_turn = leading_concession or first.subordinate or self.authored
            if not nxt.marked and not may_turn and conj not in continuing:
                continue
            prev = self._peek(cuts[-1], b)
            if not nxt.marked and prev.marked and conj in continuing:
                nxt = self._peek(body, j, inherit=prev)  # "conceded X but maintained Y"
            # "Granted, X, but Y", "That is a fair point; however, Y": the concession ends where
            # a contrast takes it up
            concession_turn = (leading_concession or prev.conceded) and (
                conj in self.conceding or w == ";" and tk.at(body, "conn:contrast") is not None) or \
                first.subordinate and leading_concession and w == "," or \
                self.authored and not prev.marked and not nxt.marked and w == "," and conj != "yet" and (
                    conj == "but" or tk.at(body, "conn:contrast") is not None)
            prev_conceded = concession_turn and self.authored and not prev.marked
            # "Some would argue that X, but Y": in the author's voice Y answers the speaker
            answers_speaker = self.authored and prev.marked and not nxt.marked and w == "," and (
                conj == "but" or first.subordinate and len(cuts) == 1)  # "Even if many think X, Y"
            if not (nxt.marked or concession_turn or answers_speaker):
                continue
            if nxt.actor_role == "report" or nxt.announces or w == ":" and prev.marked:
                continue  # "Others defended it: X argued …" — the colon elaborates, one statement
            if w == "," and not (prev.marked or concession_turn) and conj not in contrasting:
                continue
            if w == "," and conj == "," and not prev.marked and not (first.subordinate and concession_turn):
                continue  # a plain comma, but for the one closing "Although X," / "While X,"
            cuts.append(body)
            if prev_conceded:
                conceded_cuts.add(cuts[-2])
            leading_concession = False
        out = []
        for n, start in enumerate(cuts):
            end = cuts[n + 1] - 1 if n + 1 < len(cuts) else j
            while end > start and tk.lower[end - 1] in self.clause_end:
                end -= 1
            if end <= start:
                continue
            conj = tk.lower[start - 1] if start > i else ""
            inherit = out[-1] if out and out[-1].marked and conj in continuing else None
            stmt = self.clause(start, end, inherit=inherit)
            if inherit is not None and stmt.actor_role == "same" and conj in self.conceding \
                    and self._turns_on(inherit, stmt):
                stmt.self_contrast = True
            if n > 0 and stmt.connective is None:
                conj = tk.lower[start - 1]
                stmt.connective = ("contrast" if conj in contrasting
                                   else "elaboration" if conj in self.elaborating else None)
            if start in conceded_cuts and not stmt.marked:
                stmt.conceded = True
            if stmt.span[0] < stmt.span[1]:
                out.append(stmt)
        if len(out) > 1 and (out[0].conceded or self.authored and out[0].subordinate) and not out[1].conceded \
                and out[1].actor_role is None:
            out[1].connective = out[1].connective or "contrast"
        return out

    @staticmethod
    def _turns_on(before: Statement, stmt: Statement) -> bool:
        """Whether a speaker's "but" clause turns against their own clause before: that one
        praised or objected ("admired the playing but felt …", "disliked X but praised Y"),
        this one is not of the same class and concedes nothing."""
        return not before.conceded and before.verb_class in ("praise", "con") and \
            stmt.verb_class not in (before.verb_class, "concession")


def read_sentence(text: str, span: Span, lexicon: Lexicon | None = None, tokens: Tokens | None = None,
                  *, own_voice: bool = False) -> list[Statement]:
    """Clauses of one sentence, split where a new cue starts ("X; supporters contend Y",
    "conceded X but maintained Y"); unmarked clauses have ``actor_role None``. In a speaker's
    ``own_voice`` (a turn, a post, a list item) "X, but Y" grants X and answers it with Y.
    """
    lex = lexicon or Lexicon.default()
    tk = tokens if tokens is not None else tokens_of(text, lex)
    return _reader(tk, lex, authored=own_voice).sentence(span)


@dataclass
class Voice:
    """What the document as a whole says about unmarked sentences: ``argued`` texts (an
    op-ed, a speech, a short argumentative text) speak in the author's voice; ``skip_before``
    is the offset of the author's thesis, before which a titled text narrates."""

    argued: bool = False
    skip_before: int = 0


def author_clause(tk: Tokens, stmt: Statement, lex: Lexicon, *, dated: bool | None = None) -> bool:
    """Whether an unmarked clause of an argued text is one of the author's statements:
    long enough, not a procedural line, not dated background without a thesis word
    (``dated``: that reading of :func:`dated_background`, when the caller has it)."""
    i, j = tk.window(*stmt.span)
    if sum(tk.word[i:j]) < (_MIN_CONCEDED_WORDS if stmt.subordinate and stmt.conceded else _MIN_AUTHOR_WORDS):
        return False  # a short line is no point; "Although fares would rise" grants one
    vocative = tk.find("vocative", i, i + 1)
    if vocative is not None:
        i = vocative[2] + 1 if vocative[2] < j and tk.orth[vocative[2]] == "," else vocative[2]
    if tk.find("opener", i, min(j, i + 2)):
        return False  # "Thank you, Chair", "Mr Speaker, I beg to move …": procedure
    return not (dated_background(tk, stmt, lex) if dated is None else dated)


def dated_background(tk: Tokens, stmt: Statement, lex: Lexicon) -> bool:
    """Whether an unmarked clause of the author's is dated background: a year, a date or a
    relative date opening it ("in 1871", "published in March", "closes on 30 September",
    "Last month I …") and no thesis word, no
    concession and no contrast that would make it answer a point ("However, it would not
    open before 2030")."""
    if stmt.conceded or stmt.connective in ("contrast", "response"):
        return False
    i, j = tk.window(*stmt.span)
    w = lexicon_words(lex)
    lower, orth = tk.lower, tk.orth
    dated = False
    for x in range(i, j):
        word = lower[x]
        if word[:1].isdigit() and len(word) >= 4 and word[:4].isdigit() and 1000 <= int(word[:4]) <= 2100:
            dated = True
            break
        if word in w.months and orth[x][:1].isupper() and x > i and (
                lower[x - 1] in w.date_words or lower[x - 1].isdigit() or x + 1 < j and lower[x + 1].isdigit()):
            dated = True  # "in March", "on 30 September", "May 14": a month, not the modal "May"
            break
        rests = w.relative_dates.get(word) if x == i else None  # a lede's opening, not "… spent last year"
        if rests and any(lower[x + 1 : x + 1 + len(rest)] == rest for rest in rests):
            dated = True
            break
    return dated and not tk.find("thesis", i, j)


def _voiced(tk: Tokens, stmt: Statement, w: _Words) -> bool:
    """Whether an unmarked clause of a background paragraph shows the author's voice: the
    first person, a thesis word ("should"), or a sentence opening on a connective ("But",
    "Admittedly,"); a "but" inside a sentence of history still narrates."""
    i, j = tk.window(*stmt.span)
    if i < j and tk.orth[i][:1].isupper() and tk.at(i, "conn") is not None:
        return True
    return any(tk.lower[x] in w.first_person for x in range(i, j)) or tk.find("thesis", i, j) is not None


def acknowledges(tk: Tokens, stmt: Statement, lex: Lexicon) -> bool:
    """Whether a conceded clause only acknowledges the point before it ("That is a fair
    point; however, …", "I understand that concern, but …"): the concession cue and at most
    a couple of words pointing back, no point of its own."""
    if not stmt.conceded:
        return False
    i, j = tk.window(*stmt.span)
    granted = tk.find("conn:concession", i, i + 1)
    if granted is None:
        return False
    rest = [tk.lower[x] for x in range(granted[2], j) if tk.word[x]]
    if len(rest) <= _MAX_ACKNOWLEDGEMENT_WORDS:
        return True
    # "I understand the traders' worry", "I take the point about the school": a noun phrase
    # pointing back, no verb of its own
    w = lexicon_words(lex)
    if rest[0] in w.debate_prepositions:
        rest = rest[1:]
    return bool(rest) and len(rest) <= _MAX_POINTING_WORDS and rest[0] in w.determiners and not any(
        x in w.copulas or x in w.auxiliaries or x in w.modals for x in rest)


def _grant_before_turns(tk: Tokens, out: list[Statement]) -> None:
    """In the author's voice "X. But Y." grants X to the other side and answers it with Y:
    an unmarked sentence of the author's right before one opening on a contrast ("But",
    "However,", "Yet") in the same paragraph is conceded, unless it states the thesis or turns
    itself; in "X. However, Y. But Z." the turn Y is what is granted, and Z answers it."""
    def turns(y: Statement) -> bool:
        if y.marked or y.actor_role != "author" or y.connective != "contrast":
            return False
        i, j = tk.window(*y.span)
        # not "…, but Y" inside a sentence, nor a contrast after the subject
        return i < j and tk.orth[i][:1].isupper() and tk.at(i, "conn:contrast") is not None

    turning = [turns(y) for y in out]
    for n in range(1, len(out)):
        if not turning[n] or out[n].paragraph != out[n - 1].paragraph:
            continue
        x = out[n - 1]
        if turning[n - 1]:
            x.conceded = True  # the first of two turns is granted by the second
            continue
        if x.marked or x.conceded or x.subordinate or x.connective in ("contrast", "response") \
                or x.actor_role != "author":
            continue
        if n + 1 < len(out) and turning[n + 1] and out[n + 1].paragraph == out[n].paragraph:
            continue  # "X. However, Y. But Z.": X stays the author's own
        xi, xj = tk.window(*x.span)
        if tk.find("thesis", xi, xj) is None:
            x.conceded = True


def _quote_continued(text: str, sent: Span, quoted: Statement) -> Statement | None:
    """A sentence that is one whole quotation right after a quoted statement of the same
    paragraph ('"…," said Lal. "It would be a mistake to stop now."'): the same speaker goes
    on, so it is theirs, on their side."""
    s, e = sent
    if e - s < 3 or text[s] not in _SPEECH_MARKS or text[e - 1] not in _SPEECH_MARKS \
            or any(ch in _SPEECH_MARKS for ch in text[s + 1 : e - 1]):
        return None
    inner = _trim(text, s + 1, e - 1)
    return replace(quoted, span=inner, actor_role="same", conceded=False, response=False, connective=None,
                   answers_previous=False, announces=False)


def unit_statements(
    text: str,
    unit: Unit,
    sentences: Callable[[Span], list[Span]],
    lexicon: Lexicon | None = None,
    tokens: Tokens | None = None,
    voice: Voice | None = None,
    paragraph: int = 0,
) -> list[Statement]:
    """Statement candidates of one unit, in text order.

    Marked clauses are always kept. In an argued text every other clause of the author's is
    kept too; elsewhere the unit's first clause is kept unmarked when the unit is a debate or
    under a stance-setting heading and it opens the debate (an "opener", whose stance linking
    infers); other unmarked clauses are narration and dropped.
    """
    lex = lexicon or Lexicon.default()
    tk = tokens if tokens is not None else tokens_of(text, lex)
    voice = voice or Voice()
    reader = _reader(tk, lex, authored=voice.argued and unit.stance is None)
    # an interjection is read as reported speech, not in the author's voice
    others = _reader(tk, lex) if unit.voices else reader
    clauses: list[Statement] = []
    in_debate = unit.debate or unit.debate_heading_id is not None
    # outside the author's voice an unmarked clause is dropped below but for the opener of a
    # debate or a stance section: a sentence that can hold no marked clause need not be read
    opened = unit.stance is None and not in_debate
    lone_questions: set[int] = set()  # paragraphs that are one question ("Does anyone believe …?")
    for n, span in enumerate(unit.body):
        voice_of = unit.voices.get(span[0])
        sents = sentences(span)
        if len(sents) == 1 and text[sents[0][0] : sents[0][1]].rstrip().endswith("?"):
            lone_questions.add(paragraph * 1000 + n)
        for sent in sents:
            if clauses and clauses[-1].quoted and clauses[-1].paragraph == paragraph * 1000 + n:
                more = _quote_continued(text, sent, clauses[-1])
                if more is not None:
                    clauses.append(more)
                    continue
            marked_only = opened and voice_of is None and not reader.authored
            for c in (reader if voice_of is None else others).sentence(sent, marked_only=marked_only):
                c.paragraph = paragraph * 1000 + n
                if voice_of is not None:
                    # an interjection in a speech: the other side's voice, procedure aside
                    if not author_clause(tk, c, lex):
                        continue
                    c.actor_role, c.actor, c.actor_key = "opposite", voice_of, frozenset()
                    if c.conceded and text[sent[0] : sent[1]].rstrip().endswith("?"):
                        # "Does the hon. Lady accept that X?" asks her to grant the member's point
                        c.conceded = False
                    c.answers_previous = True  # it takes up the point just made
                    c.confidence = lex.confidence["group_actor"]
                clauses.append(c)
                # under a side heading every sentence of the author's takes its side (kept below)
                opened = opened or c.actor_role != "report" and unit.stance is None
    clauses = [c for c in clauses if c.actor_role != "report"]
    # figures reported before anyone takes a side ("The agency estimated that 40% …", "A
    # survey found that 3,000 …") set the scene; they are no statements
    lead = 0
    while lead < len(clauses) and (clauses[lead].statistic or not clauses[lead].marked and not voice.argued):
        lead += 1
    if any(c.statistic for c in clauses[:lead]):
        clauses = [c for n, c in enumerate(clauses) if n >= lead or not c.statistic]
    if not clauses:
        return []
    if voice.argued and unit.stance is None:
        out = []
        words = lexicon_words(lex)
        background = -1  # the paragraph that opened with dated background ("… opened in 1936.")
        for n, c in enumerate(clauses):
            if c.span[0] < voice.skip_before and not c.marked:
                continue  # before the thesis the author narrates; what others said still counts
            dated: bool | None = None
            if not c.marked:
                if c.paragraph in lone_questions:
                    continue  # a rhetorical question on its own answers nothing and argues no point
                dated = dated_background(tk, c, lex)
                if dated and (n == 0 or clauses[n - 1].paragraph != c.paragraph):
                    background = c.paragraph
                if c.paragraph == background and (dated or not _voiced(tk, c, words)):
                    continue  # the rest of a history paragraph describes too ("It holds 1.2 million litres")
            # "The appellant contends X. We reject that argument.": short, but it answers a party
            rejects = c.actor_role == "author" and c.verb_class == "con" and bool(out) and out[-1].marked
            if out and not c.marked and acknowledges(tk, c, lex):
                continue  # what follows the contrast answers the point before, not this
            if c.marked or rejects or author_clause(tk, c, lex, dated=dated):
                if not c.marked:
                    c.actor_role = "author"
                    c.confidence = lex.confidence["author"]
                out.append(c)
        _grant_before_turns(tk, out)
        if out and paragraph == 0 and out[0].conceded and not out[0].subordinate and out[0].actor_role == "author" \
                and not any(c.paragraph == out[0].paragraph and c.connective == "contrast" for c in out[1:]):
            # "Yes, nuclear energy is safe." with no "but" after it: an opening affirms, grants nothing
            out[0].conceded = False
        return out
    marked = [c for c in clauses if c.marked]
    opener = clauses[0]
    # a short remark ("Environmental groups are divided.") frames a debate without arguing
    arguable = len(text[opener.span[0] : opener.span[1]].split()) >= _MIN_OPENER_WORDS
    keep_opener = not opener.marked and (unit.stance is not None or in_debate and bool(marked) and arguable)
    if unit.answers_list is not None and not unit.debate_heading_id:
        # under "Assessment" / "Officer comments" the author's sentences answer the entries
        # they take up by their words, and the sentence after such an answer goes on with it
        entries = [(u, u.body) for u in unit.answers_list]
        shared = wording(text)
        kept: list[Statement] = []
        for c in clauses:
            goes_on = bool(kept) and kept[-1].paragraph == c.paragraph
            if c.marked or author_clause(tk, c, lex) and (
                    goes_on or shared.closest(c.span, entries) is not None):
                if not c.marked:
                    c.confidence = lex.confidence["unmarked"]
                kept.append(c)
        return kept
    if keep_opener:
        opener.confidence = lex.confidence["stance_section" if unit.stance else "unmarked"]
        if unit.stance is not None:
            # under a side heading or label ("Pros: …") each of the author's sentences takes its side
            rest = [c for c in clauses[1:] if c.marked or author_clause(tk, c, lex)]
            for c in rest:
                if not c.marked:
                    c.confidence = opener.confidence
            return [opener, *rest]
        return [opener, *marked]
    return marked


def has_argument(statements: Iterable[Statement]) -> bool:
    """True when any statement carries an explicit cue (decides tentative debate sub-sections)."""
    return any(s.marked for s in statements)
