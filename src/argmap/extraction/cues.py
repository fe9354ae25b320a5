"""Token-level cue matching: the lexicon's word lists compiled into one spaCy
:class:`~spacy.matcher.PhraseMatcher` (on ``LOWER``), run once over a Doc, and a light table
of the tokens with the labels that start at each of them.

Reporting verbs are listed by base form in the lexicon; every inflection (argue, argues,
argued, arguing) is generated here, with the irregular forms the lexicon lists.

Example:
    >>> import spacy
    >>> from argmap.extraction.lexicon import Lexicon
    >>> nlp = spacy.blank("en")
    >>> tokens = read_tokens([(0, nlp("Okoro contended that fees fall."))], "Okoro contended that fees fall.", Lexicon.default())
    >>> [(tokens.orth[i], label) for i, labels in sorted(tokens.tags.items()) for label, _ in labels]
    [('contended', 'verb:neutral'), ('that', 'answer_subject')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from argmap.extraction.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

VERB_CLASSES = ("neutral", "con", "response", "concession", "praise", "elaboration")
CONNECTIVE_CLASSES = ("contrast", "response", "concession", "subordinate_concession", "elaboration", "cause", "other_side", "enumeration")


def inflections(verb: str, irregular: dict[str, list[str]] | None = None) -> set[str]:
    """Every form of a verb phrase, inflecting its first word.

    Example:
        >>> sorted(inflections("argue")), sorted(inflections("point out"))[:2]
        (['argue', 'argued', 'argues', 'arguing'], ['point out', 'pointed out'])
        >>> sorted(inflections("say", {"say": ["said"]}))
        ['said', 'say', 'saying', 'says']
    """
    head, _, rest = verb.partition(" ")
    if head.endswith("y") and head[-2:-1] not in set("aeiou"):
        third, past, participle = head[:-1] + "ies", head[:-1] + "ied", head + "ing"
    else:
        third = head + "es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else head + "s"
        if head.endswith("ee"):
            past, participle = head + "d", head + "ing"
        elif head.endswith("e"):
            past, participle = head + "d", head[:-1] + "ing"
        else:
            past, participle = head + "ed", head + "ing"
    # irregular past forms replace the regular one ("said", not "sayed")
    forms = {head, third, participle, *((irregular or {}).get(head) or [past])}
    return {f"{f} {rest}".strip() for f in forms}


@lru_cache(maxsize=16)
def weak_forms(lex: Lexicon) -> frozenset[str]:
    """Verb forms that attribute nothing by themselves: every form of a verb that reports
    only after a group of people (``verbs.group_only``: "they need support"), and the base and
    "-ing" forms of a verb read only in its past (``verbs.past_only``: "people like me")."""
    forms = {f for v in lex.words("verbs", "group_only") for f in inflections(v, lex.irregular_verbs)}
    forms |= {f for v in lex.words("verbs", "past_only") for f in inflections(v, lex.irregular_verbs)
              if f == v or f.split(" ", 1)[0].endswith("ing")}
    return frozenset(forms)


_NONE: dict[int, tuple[str, int]] = {}
# labels that can make a statement by themselves (a reporting verb, a framing phrase, …)
_MAKERS = ("verb:", "frame:", "noun:", "state:", "prolepsis", "conn:concession", "conn:subordinate_concession")
_KINDS = frozenset({"prolepsis", "thesis", "opener", "answer_subject", "complement_verb"})


@lru_cache(maxsize=64)
def _word_ids(words: frozenset[str]) -> list:
    """spaCy's hashes of the words (what ``LOWER`` holds for a token of that lower-case form)."""
    import numpy
    from spacy.strings import get_string_id

    return [numpy.uint64(get_string_id(w)) for w in words]


_SLOT_BITS = (10, 12, 14, 16)  # sizes of a word set's table: the smallest that fits it


@lru_cache(maxsize=64)
def _word_table(words: frozenset[str]) -> tuple[int, object] | None:
    """The words' hashes in a direct-mapped table on their low bits (and how many bits), so
    that a text's tokens are tested against the set with one ``take`` and one comparison, or
    ``None`` when the words share slots in every size (each word is then compared in turn).
    Empty slots hold 0, the hash of the empty string, which no token has."""
    import numpy

    ids = [int(i) for i in _word_ids(words)]
    for bits in _SLOT_BITS:
        slots = [i & ((1 << bits) - 1) for i in ids]
        if len(set(slots)) == len(slots):
            table = numpy.zeros(1 << bits, dtype="uint64")
            table[slots] = ids
            return bits, table
    return None


@lru_cache(maxsize=256)
def _label_roles(label: str) -> tuple[bool, bool, str]:
    """Whether a label makes a statement, whether it turns one, and its kind ("verb", …)."""
    makes = label.startswith(_MAKERS)
    return makes, not makes and label.startswith(("conn:contrast", "conn:other_side")), label.split(":")[0]


@dataclass
class Tokens:
    """The tokens of a text (character offsets, lower-case and verbatim forms) and, per token
    index, the ``(label, end token)`` cue matches that start there."""

    text: str
    starts: list[int]
    ends: list[int]
    lower: list[str]
    orth: list[str]
    # whether each token is a word: it opens with a letter or digit
    word: list[bool] = field(default_factory=list)
    tags: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    # per kind of label ("verb", "actor", …): token index -> the longest (label, end) there
    kinds: dict[str, dict[int, tuple[str, int]]] = field(default_factory=dict)

    # tokens where a match that can make or turn a statement starts (not "and", "that")
    cue_starts: set[int] = field(default_factory=set)
    # tokens where a contrast connective starts ("but", "however"): turns inside a sentence
    turn_starts: set[int] = field(default_factory=set)
    _where: dict[frozenset[str], list[int]] = field(default_factory=dict, repr=False)
    # spaCy's LOWER hashes of the tokens, one array per Doc read
    _lower_ids: list = field(default_factory=list, repr=False)
    # their low bits, the slots of the word-set tables of that many bits (see _word_table)
    _slots: dict[int, object] = field(default_factory=dict, repr=False)
    _sorted: tuple[list[int], list[int]] | None = field(default=None, repr=False)
    _positions: dict[str, list[int]] = field(default_factory=dict, repr=False)
    # the statement readers of this table (see argmap.extraction.statements), one per voice
    readers: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def add_matches(self, matches: Iterable[tuple[int, int, int]], strings, base: int = 0) -> None:  # noqa: ANN001
        """Record PhraseMatcher matches ``(label hash, start, end)``, token indices offset by
        ``base``; each label is classified once."""
        tags, kinds, cue_starts, turn_starts = self.tags, self.kinds, self.cue_starts, self.turn_starts
        roles: dict[int, tuple[str, bool, bool, dict[int, tuple[str, int]]]] = {}
        for match_id, start, end in matches:
            role = roles.get(match_id)
            if role is None:
                label = strings[match_id]
                makes, turns, kind = _label_roles(label)
                role = roles[match_id] = (label, makes, turns, kinds.setdefault(kind, {}))
            label, makes, turns, table = role
            if base:
                start, end = base + start, base + end
            hit = (label, end)
            there = tags.get(start)
            if there is None:
                tags[start] = [hit]
            else:
                there.append(hit)
            if makes:
                cue_starts.add(start)
            elif turns:
                turn_starts.add(start)
            longest = table.get(start)
            if longest is None or longest[1] < end:
                table[start] = hit
        self._sorted = None
        self._positions.clear()

    def where(self, words: frozenset[str], i: int, j: int) -> list[int]:
        """The indices in ``[i, j)`` of the tokens whose lower-case form is one of ``words``
        (each word set is indexed once per text)."""
        found = self._where.get(words)
        if found is None:
            import numpy

            if len(self._lower_ids) != 1:
                self._lower_ids = [numpy.concatenate(self._lower_ids or [numpy.zeros(0, dtype="uint64")])]
            ids = self._lower_ids[0]
            sized = _word_table(words)
            if sized is not None:
                bits, table = sized
                slots = self._slots.get(bits)
                if slots is None:
                    slots = self._slots[bits] = (ids & numpy.uint64((1 << bits) - 1)).astype(numpy.intp)
                hit = table[slots] == ids
            else:
                hit = numpy.zeros(len(ids), dtype=bool)
                for word_id in _word_ids(words):
                    hit |= ids == word_id
            found = self._where[words] = numpy.flatnonzero(hit).tolist()
        return found[bisect_left(found, i) : bisect_left(found, j)]

    def positions(self, kind: str, i: int, j: int) -> list[int]:
        """The token indices in ``[i, j)`` where a match of the kind ("verb", "conn", …)
        starts, in order."""
        found = self._positions.get(kind)
        if found is None:
            found = self._positions[kind] = sorted(self.kinds.get(kind, ()))
        return found[bisect_left(found, i) : bisect_left(found, j)]

    def window(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens inside the character span."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def at(self, i: int, prefix: str) -> tuple[str, int] | None:
        """The longest match whose label starts with ``prefix`` beginning at token ``i``."""
        if prefix[-1] == ":":
            return self.kinds.get(prefix[:-1], _NONE).get(i)
        if prefix in _KINDS:
            return self.kinds.get(prefix, _NONE).get(i)
        best = None
        for label, end in self.tags.get(i, ()):
            if label.startswith(prefix) and (best is None or end > best[1]):
                best = (label, end)
        return best

    def find(self, prefix: str, i: int, j: int) -> tuple[str, int, int] | None:
        """The first match with the label prefix starting in ``[i, j)``: ``(label, start, end)``."""
        for k in self.positions(prefix.partition(":")[0], i, j):
            if hit := self.at(k, prefix):
                return hit[0], k, hit[1]
        return None

    def tagged(self, i: int, j: int, *, turns: bool = False) -> bool:
        """Whether a match that can make a statement (or, with ``turns``, a contrast
        connective) starts in ``[i, j)``."""
        if self._sorted is None:
            self._sorted = (sorted(self.cue_starts), sorted(self.cue_starts | self.turn_starts))
        starts = self._sorted[1 if turns else 0]
        at = bisect_left(starts, i)
        return at < len(starts) and starts[at] < j


def _words(lex: Lexicon, *path: str) -> list[str]:
    return lex.words(*path)


def phrase_table(lex: Lexicon) -> dict[str, list[str]]:
    """Every phrase the matcher looks for, by label (compiled from the lexicon data)."""
    irregular = lex.irregular_verbs
    table: dict[str, list[str]] = {}
    for cls in VERB_CLASSES:
        table[f"verb:{cls}"] = sorted({f for v in _words(lex, "verbs", cls) for f in inflections(v, irregular)})
    table["complement_verb"] = sorted({f for v in _words(lex, "verbs", "needs_complement")
                                       for f in inflections(v, irregular)})
    for side in ("pro", "con", "opposite", "same"):
        table[f"actor:{side}"] = _words(lex, "actors", side)
    for cls in CONNECTIVE_CLASSES:
        table[f"conn:{cls}"] = _words(lex, "connectives", cls)
    for side in ("pro", "con"):
        table[f"frame:{side}"] = _words(lex, "framing", side)
        table[f"desc:{side}"] = _words(lex, "actor_descriptors", side)
        table[f"noun:{side}"] = _words(lex, "framing_nouns", side)
    table["state:con"] = _words(lex, "con_states")
    table["prolepsis"] = _words(lex, "prolepsis", "phrases")
    table["thesis"] = _words(lex, "author_voice", "thesis")
    table["rejection"] = _words(lex, "author_voice", "rejections")
    table["opener"] = _words(lex, "not_statements", "openers")
    table["vocative"] = _words(lex, "not_statements", "vocatives")
    table["answer_subject"] = _words(lex, "answer_subjects")
    return {label: phrases for label, phrases in table.items() if phrases}


_PATTERN_TOKENIZER: list = []  # the tokenizer of a spacy.blank("en"), built once


def _pattern_tokenizer():  # noqa: ANN202 - spaCy's tokenizer type
    if not _PATTERN_TOKENIZER:
        import spacy

        _PATTERN_TOKENIZER.append(spacy.blank("en").tokenizer)
    return _PATTERN_TOKENIZER[0]


def offer_pattern_tokenizer(tokenizer) -> None:  # noqa: ANN001 - spaCy's tokenizer type
    """Split phrases (and texts read without a pipeline) with ``tokenizer``, the unchanged
    tokenizer of a ``spacy.blank("en")`` built anyway, unless one is in use already: building
    another costs a third of a second (its thousands of special cases)."""
    if not _PATTERN_TOKENIZER:
        _PATTERN_TOKENIZER.append(tokenizer)


_MATCHERS: dict[tuple[int, int], tuple[Lexicon, object]] = {}


def phrase_matcher(lex: Lexicon, vocab: Vocab):  # noqa: ANN201 - spaCy's PhraseMatcher
    """The PhraseMatcher of a lexicon for a vocabulary (built once, then cached)."""
    key = (id(lex), id(vocab))
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is lex:
        return cached[1]
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    tokenizer = _pattern_tokenizer()
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for label, phrases in phrase_table(lex).items():
        docs = [Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in phrases]
        matcher.add(label, [d for d in docs if len(d)])
    if len(_MATCHERS) > 16:
        _MATCHERS.clear()
    _MATCHERS[key] = (lex, matcher)
    return matcher


def _forms_of(word: str) -> tuple[str, str, bool, str, str, int, int]:
    """(lower, verbatim or "" for white space, starts alphanumeric, the string, the string
    followed by a space, its length, spaCy's hash of the lower-case form) of one token
    string; spaCy's ``LOWER`` is ``str.lower`` too."""
    from spacy.strings import get_string_id

    verbatim = "" if word.isspace() else word
    lower = word.lower()
    return lower, verbatim, bool(verbatim) and verbatim[0].isalnum(), word, word + " ", len(word), get_string_id(lower)


class _FormTable:
    """The forms (:func:`_forms_of`) of every token string seen, by ORTH hash: sorted hashes
    with one array per form, so a Doc's forms are gathered with a vectorised look-up and a
    ``take`` per form instead of a dict look-up per token. A hash names the same string in
    every vocabulary, so one table serves all, like spaCy's own lexeme cache.

    The look-up goes first to a direct-mapped index on the hashes' low bits (one ``take``
    and a comparison: most hashes have their slot to themselves) and only the rest to a
    ``searchsorted`` of the sorted hashes, a few times slower per token.

    Strings not in the arrays yet wait in ``recent`` (a dict) until there are enough of them
    to merge, so a text with new words costs a look-up per new word, not a rebuild; or until
    they have been looked up there as many times as the table has rows, so that words that
    keep coming back are not left on the slow path for good (a merge costs about as much as
    that many look-ups).
    """

    MAX_FORMS = 500_000  # past this many strings the table starts afresh (memory stays bounded)
    _DTYPES = (object, object, bool, object, object, "int64", "uint64")  # the word flags as booleans: cheaper to take

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        import numpy

        self.recent: dict[int, tuple[str, str, bool, str, str, int, int]] = {}
        self.recent_hits = 0  # look-ups served by ``recent`` since the last merge
        # seeded with the empty string (hash 0) so that every gather has a row to land on
        self._publish((numpy.zeros(1, dtype="uint64"),
                       *(numpy.array([f], dtype=t) for f, t in zip(_forms_of(""), self._DTYPES))))

    def _publish(self, arrays: tuple) -> None:
        """Index the sorted hashes of ``arrays`` by their low bits (a slot holds the first
        hash that falls in it, with its row; slot keys of 0 match nothing but the empty
        string, row 0) and make both the table's."""
        import numpy

        keys = arrays[0]
        size = 1 << max(12, (4 * len(keys)).bit_length())  # a quarter full at most
        slot_of = keys & numpy.uint64(size - 1)
        slots, first = numpy.unique(slot_of, return_index=True)
        slot_keys = numpy.zeros(size, dtype="uint64")
        slot_rows = numpy.zeros(size, dtype=numpy.intp)
        slot_keys[slots], slot_rows[slots] = keys[first], first
        # one assignment: a reader sees the old arrays and index or the new
        self.arrays, self.index = arrays, (numpy.uint64(size - 1), slot_keys, slot_rows)

    def _merge(self) -> None:
        import numpy

        keys, *columns = self.arrays
        if len(keys) + len(self.recent) > self.MAX_FORMS:
            self._reset()
            return
        new_keys = numpy.fromiter(self.recent, dtype="uint64", count=len(self.recent))
        new_forms = list(zip(*self.recent.values()))
        order = numpy.argsort(numpy.concatenate([keys, new_keys]), kind="stable")
        merged = [numpy.concatenate([keys, new_keys])[order]]
        for column, forms, dtype in zip(columns, new_forms, self._DTYPES):
            added = numpy.empty(len(forms), dtype=dtype)
            added[:] = forms
            merged.append(numpy.concatenate([column, added])[order])
        self._publish(tuple(merged))
        self.recent = {}
        self.recent_hits = 0

    def read(self, orth, strings, spaces=None) -> tuple[list[str], list[str], list[bool], str | None]:  # noqa: ANN001 - numpy arrays, spaCy's StringStore
        """The lower-case forms, verbatim forms and word flags of the tokens whose ORTH hashes
        are ``orth``, and, given their ``SPACY`` flags, the text they make up."""
        return self.gather(orth, strings, spaces)[:4]  # type: ignore[return-value]

    def gather(self, orth, strings, spaces=None) -> tuple:  # noqa: ANN001 - numpy arrays, spaCy's StringStore
        """What :meth:`read` gives, then the tokens' lengths and the hashes of their
        lower-case forms (numpy arrays)."""
        import numpy

        (keys, lower, verbatim, word, raw, spaced, length, lower_id), (mask, slot_keys, slot_rows) = self.arrays, self.index
        slot = orth & mask
        at = slot_rows[slot]
        missing = numpy.flatnonzero(slot_keys[slot] != orth)
        if len(missing):  # not in its slot: in the sorted hashes, or not in the table yet
            found = numpy.searchsorted(keys, orth[missing])
            found[found == len(keys)] = 0
            at[missing] = found
            missing = missing[keys[found] != orth[missing]]
        missing = missing.tolist()
        lowers, verbatims, words = lower[at].tolist(), verbatim[at].tolist(), word[at].tolist()
        lengths, lower_ids = length[at], lower_id[at]
        pieces = numpy.where(spaces, spaced[at], raw[at]).tolist() if spaces is not None else None
        if missing:
            recent = self.recent
            for n, o in zip(missing, orth[missing].tolist()):
                forms = recent.get(o)
                if forms is None:
                    forms = recent[o] = _forms_of(strings[o])
                lowers[n], verbatims[n], words[n] = forms[0], forms[1], forms[2]
                lengths[n], lower_ids[n] = forms[5], forms[6]
                if pieces is not None:
                    pieces[n] = forms[4] if spaces[n] else forms[3]
            self.recent_hits += len(missing)
            if len(recent) > max(1024, len(keys) // 4) or self.recent_hits > len(keys) + len(recent):
                self._merge()
        return lowers, verbatims, words, None if pieces is None else "".join(pieces), lengths, lower_ids


_FORMS = _FormTable()


def doc_words(doc: Doc) -> tuple[list[str], list[str], list[bool], str]:
    """The lower-case forms, verbatim forms ("" for white space) and word flags (opens with
    a letter or digit) of a Doc's tokens, and its text, from the table every Doc shares.

    Example:
        >>> import spacy
        >>> lower, verbatim, word, text = doc_words(spacy.blank("en")("Fees,  he SAID"))
        >>> lower, verbatim, word, text
        (['fees', ',', ' ', 'he', 'said'], ['Fees', ',', '', 'he', 'SAID'], [True, False, False, True, True], 'Fees,  he SAID')
    """
    from spacy.attrs import ORTH, SPACY

    arr = doc.to_array([ORTH, SPACY])
    return _FORMS.read(arr[:, 0], doc.vocab.strings, arr[:, 1] != 0)  # type: ignore[return-value]


def read_tokens(docs: Iterable[tuple[int, Doc]], text: str | None, lex: Lexicon) -> Tokens:
    """The token table of ``text`` from its Doc(s), each given with its character offset
    (a long text comes in pieces). With ``text=None`` the text is the one Doc's own, rebuilt
    from its tokens on the way (``tokens.text``)."""
    import numpy
    from spacy.attrs import ORTH, SPACY

    docs = list(docs)
    if text is None and len(docs) != 1:
        raise ValueError("read_tokens() rebuilds the text of one Doc only")
    tokens = Tokens(text or "", [], [], [], [])
    for offset, doc in docs:
        if not len(doc):
            continue
        base = len(tokens.starts)
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, SPACY])
        spaces = arr[:, 1] != 0
        lower, orth, word, rebuilt, lengths, lower_ids = _FORMS.gather(arr[:, 0], strings, spaces if text is None else None)
        tokens._lower_ids.append(lower_ids)
        # a token starts where the one before ends, past its trailing space (how spaCy sets
        # ``Token.idx``), so the offsets come from the lengths without asking spaCy for them
        width = lengths + spaces
        ends = numpy.cumsum(width) - spaces + offset
        tokens.starts += (ends - lengths).tolist()
        tokens.ends += ends.tolist()
        tokens.lower += lower
        tokens.orth += orth
        tokens.word += word
        if rebuilt is not None:
            tokens.text = rebuilt
        tokens.add_matches(phrase_matcher(lex, doc.vocab)(doc), strings, base)
    return tokens


def tokens_of(text: str, lex: Lexicon, pieces: Sequence[tuple[int, str]] | None = None) -> Tokens:
    """Tokenize ``text`` (or its pieces) with a blank English tokenizer and match the cues."""
    tokenizer = _pattern_tokenizer()
    return read_tokens(((o, tokenizer(p)) for o, p in (pieces or [(0, text)])), text, lex)
