"""The cue lexicon: actor words, reporting verbs, framing phrases, section names.

The words are data (``lexicons/en.json``), not code; :meth:`Lexicon.load` merges extra JSON
files of the same shape so users can teach the extractor their own cues. The compiled
regular expressions built from the lists live here too, next to the data they come from.

Example:
    >>> lex = Lexicon.default()
    >>> lex.actor_stance("Critics"), lex.actor_stance("advocates"), lex.actor_stance("economists")
    ('con', 'pro', None)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from argmap.errors import InputError


_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in ",;:.!?()[]{}\"“”‘’«»—–/"})


_COPULA = frozenset({"is", "was", "are", "were", "remains"})


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


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Cue words and the patterns compiled from them (one immutable object, shareable)."""

    data: dict[str, Any] = field(repr=False)

    @classmethod
    def default(cls) -> Lexicon:
        """The bundled English lexicon (cached)."""
        return _default_lexicon()

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
        data = _default_lexicon().data
        for path in extra_files:
            try:
                extra = json.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(path, f"unusable lexicon file ({exc})") from None
            if not isinstance(extra, dict):
                raise InputError(path, "a lexicon file must hold a JSON object")
            data = _merge(data, extra)
        return cls(data)

    def words(self, *path: str) -> list[str]:
        """The list at ``path`` in the data, lower-cased (``words("actors", "con")``)."""
        cache = self.__dict__.setdefault("_words", {})
        if path not in cache:
            node: Any = self.data
            for key in path:
                node = node.get(key, []) if isinstance(node, dict) else []
            cache[path] = [w.lower() for w in node]
        return cache[path]

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
            + self.words("framing", "con") + self.words("framing", "pro") + ["according", "as"]
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
            r"(?:\s+(?:of|in|from|within|across)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+)?)"
        )

    @cached_property
    def verb_pattern(self) -> str:
        """Regex for a reporting verb (group ``verb``) with the complement it needs."""
        needs = _inflect(self.words("verbs", "needs_complement"))
        all_verbs = set(self._verb_classes)
        free = all_verbs - needs
        complement = r"(?=\s+(?:that|whether|how|if|to|about|by)\b|\s*[:,])"
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
        passive = r"(?:argued|noted|claimed|contended|suggested|pointed\s+out|emphasi[sz]ed|stressed|maintained|urged)"
        said = _alternation(_inflect(self.words("verbs", "neutral") + self.words("verbs", "con")))
        return tuple(
            re.compile(p, re.IGNORECASE)
            for p in (
                rf"\bas\s+{passive}\s+by\s+(?:the\s+)?{self.actor_pattern}",
                rf",\s*{self.actor_pattern}\s+(?P<verb>{said})\s*(?=[,.;])",
                rf"\baccording\s+to\s+(?:the\s+|some\s+|many\s+)?{self.actor_pattern}\s*[,.;]",
            )
        )

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """First words of every reporting verb, and "according"."""
        return frozenset([v.split()[0] for v in self._verb_classes] + ["according"])

    @cached_property
    def _framing_nouns(self) -> re.Pattern[str]:
        return re.compile(r"(?:concern|worry|fear|objection|criticism|complaint|critique|charge|reservation|misgiving"
                          r"|response|reply|answer|rejoinder|counter|counterargument|counter-argument|rebuttal|retort)"
                          r"s?\s+(?:is|was|remains|are|were)\s+(?:that|whether)\b")

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
        return not _COPULA.isdisjoint(words) and bool(self._framing_nouns.search(flat))

    @cached_property
    def _framing_keys(self) -> frozenset[str]:
        """The longest word of each framing phrase: a phrase can only occur where it does."""
        return frozenset(max(p.translate(_PUNCTUATION_TO_SPACE).split(), key=len) for p in self._framing_phrases)

    @cached_property
    def framing_cue(self) -> re.Pattern[str]:
        """Framing phrases without an actor ("The concern is that", "In reality,")."""
        con = "|".join([_alternation(self.words("framing", "con")), *self.words("framing_patterns", "con")])
        pro = "|".join([_alternation(self.words("framing", "pro")), *self.words("framing_patterns", "pro")])
        lead = r"(?:(?:but|yet|and|still|however|here)\s*,?\s+)?"
        return re.compile(rf"{lead}(?:(?P<con>{con})|(?P<pro>{pro}))", re.IGNORECASE)

    @cached_property
    def clause_break(self) -> re.Pattern[str]:
        """Places where a sentence may hold a second statement: ';', ',', dashes, before an
        optional connective. A break counts only where a cue follows it."""
        return re.compile(r"(?:;|,|\s[—–-]\s|—)\s*(?:(?:and|but|while|whereas|yet|though|although)\s+)?", re.IGNORECASE)

    @cached_property
    def qa_label(self) -> re.Pattern[str]:
        """``Q:``, ``A:``, ``Myth:``, ``Fact:`` and their long forms at the start of a line."""
        names = [w for role in ("question", "answer", "myth", "fact") for w in self.words("qa_labels", role)]
        return re.compile(rf"(?P<label>{_alternation(names)})\s*[:.]\s+", re.IGNORECASE)

    def qa_role(self, label: str) -> str:
        """``question``, ``answer``, ``myth`` or ``fact`` for a Q/A label."""
        for role in ("question", "answer", "myth", "fact"):
            if label.lower() in self.words("qa_labels", role):
                return role
        raise KeyError(label)

    def is_objection_question(self, question: str) -> bool:
        """Yes/no questions ("Does X mean Y?") and rhetorical ones ("Why should X …?") voice
        an objection; other wh-questions ask for information ("Why is X harder?")."""
        words = question.lower().split()
        return any(words[: len(p.split())] == p.split() for p in self.words("objection_question_starts"))


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    text = resources.files("argmap.extraction").joinpath("lexicons/en.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))
