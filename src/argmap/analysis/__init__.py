"""Critical-reading analysis: what a careful reader asks of an argued text.

* In the text (spaCy ``PhraseMatcher`` / ``Matcher`` patterns built from a lexicon shipped as
  data, ``lexicon.json``): vague attribution (weasel actors such as "critics" or "many experts"
  saying something, "according to some"), agentless passives ("it is argued that"), hedges
  and loaded words.
* In the map: balance per topic (statements and words per side), who has the last word per
  topic, critiques nothing answers, claims nothing supports, named versus anonymous sources.

Every text finding carries its span (document offsets when the map has the document's text,
else offsets into the node's own text with ``node`` set).

Example:
    >>> found = analyze_text("Critics warn that tolls hurt. Dr. Lee argues they help. It is argued that fees work.")
    >>> [(f.code, f.text) for f in found]
    [('vague-actor', 'Critics'), ('agentless-passive', 'is argued')]
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.text import shorten

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from argmap.model import ArgumentMap, Node

# finding code -> what it is, in a heading's words
CODES: dict[str, str] = {
    "vague-actor": "vague attribution",
    "agentless-passive": "agentless passive",
    "hedge": "hedge",
    "loaded-word": "loaded word",
    "unanswered-critique": "unanswered critique",
    "unsupported-claim": "claim with no support",
    "anonymous-source": "anonymous source",
    "named-source": "named source",
}
# the longest aside between commas skipped after an actor ("Critics, by contrast, argue",
# "Opponents, in a letter to the paper, warned")
_PARENTHESIS_MAX = 8


@dataclass(frozen=True)
class Lexicon:
    """The word lists of the analysis (lower case). ``Lexicon.load()`` is the shipped one;
    ``Lexicon.load(extra)`` adds the words of ``extra`` (a mapping with the same keys).

    Example:
        >>> "critics" in Lexicon.load().vague_actors, "pundit" in Lexicon.load({"vague_actors": ["pundit"]}).vague_actors
        (True, True)
    """

    vague_actors: tuple[str, ...]
    vague_determiners: tuple[str, ...]
    vague_modifiers: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    between_words: tuple[str, ...]
    clause_openers: tuple[str, ...]
    attribution_lead_ins: tuple[str, ...]
    passive_auxiliaries: tuple[str, ...]
    passive_adverbs: tuple[str, ...]
    passive_reporting_verbs: tuple[str, ...]
    hedges: tuple[str, ...]
    loaded_words: tuple[str, ...]

    @classmethod
    def load(cls, extra: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
        data = json.loads(resources.files("argmap.analysis").joinpath("lexicon.json").read_text(encoding="utf-8"))
        names = [f for f in cls.__dataclass_fields__]
        unknown = set(extra or {}) - set(names) - {"about"}
        if unknown:
            raise ValueError(f"unknown lexicon keys: {', '.join(sorted(unknown))} (known: {', '.join(names)})")
        merged = {n: tuple(dict.fromkeys(w.lower() for w in [*data[n], *(extra or {}).get(n, ())])) for n in names}
        return cls(**merged)


@dataclass(frozen=True)
class Finding:
    """One thing a critical reader should notice. ``span``: offsets into the document text
    (``document`` set) or into the node's text (``node`` set, ``document`` None)."""

    code: str
    message: str
    text: str = ""
    span: tuple[int, int] | None = None
    document: str | None = None
    node: str | None = None
    topic: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["span"] = list(self.span) if self.span else None
        return out


@dataclass
class TopicBalance:
    """Statements and words per side of one topic, and who speaks last (reading order)."""

    topic: str
    title: str
    statements: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    last_word: str | None = None  # "pro" / "con" / None when the topic has no statement
    last_node: str | None = None

    @property
    def more_space(self) -> str:
        """``pro`` / ``con``: the side with more words; ``even`` when equal."""
        pro, con = self.words.get("pro", 0), self.words.get("con", 0)
        return "pro" if pro > con else "con" if con > pro else "even"


@dataclass
class Analysis:
    """Everything :func:`analyze` found in a map."""

    findings: list[Finding]
    balance: list[TopicBalance]

    def by_code(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]

    def to_dict(self) -> dict[str, Any]:
        counts = Counter(f.code for f in self.findings)
        return {"counts": {c: counts.get(c, 0) for c in CODES},
                "findings": [f.to_dict() for f in self.findings],
                "balance": [{**asdict(b), "more_space": b.more_space} for b in self.balance]}


@lru_cache(maxsize=4)
def _nlp() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=8)
def _matchers(lexicon: Lexicon) -> tuple[Any, Any]:
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = _nlp()
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    vague = (*lexicon.vague_actors, *lexicon.vague_determiners)
    for code, words in (("vague-actor", vague), ("hedge", lexicon.hedges),
                        ("loaded-word", lexicon.loaded_words), ("lead-in", lexicon.attribution_lead_ins)):
        phrases.add(code, list(nlp.tokenizer.pipe(words)))
    passives = Matcher(nlp.vocab)
    passives.add("agentless-passive", [[
        {"LOWER": {"IN": list(lexicon.passive_auxiliaries)}},
        {"LOWER": {"IN": list(lexicon.passive_adverbs)}, "OP": "*"},
        {"LOWER": {"IN": list(lexicon.passive_reporting_verbs)}},
    ]])
    return phrases, passives


def _opens_clause(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    i = start - 1
    while i >= 0 and doc[i].is_space:  # line breaks are tokens of their own
        if "\n" in doc[i].text:
            return True  # a new line: after a heading or a list item, or wrapped text after punctuation
        i -= 1
    if i < 0 or doc[start].is_sent_start:
        return True
    return doc[i].is_punct or doc[i].lower_ in lexicon.clause_openers


def _says_next(doc: Doc, end: int, lexicon: Lexicon) -> bool:
    """Whether a reporting verb follows the actor phrase ending at ``end``, past a
    parenthesis between commas ("Critics, by contrast, argue") and light words ("have long")."""
    i = end
    if i < len(doc) and doc[i].text == ",":
        close = next((j for j in range(i + 1, min(len(doc), i + 2 + _PARENTHESIS_MAX)) if doc[j].text == ","), None)
        if close is None:
            return False
        i = close + 1
    while i < len(doc) and doc[i].lower_ not in lexicon.reporting_verbs and (
            doc[i].is_space or doc[i].lower_ in lexicon.between_words or doc[i].lower_.endswith("ly")):  # not "reply"
        i += 1
    return i < len(doc) and doc[i].lower_ in lexicon.reporting_verbs


# words ending in -s that are no plural noun
_NOT_PLURAL = frozenset("this thus its his hers ours yours theirs has was does is us as yes perhaps always sometimes "
                        "less unless whereas besides towards afterwards news".split())
# the longest "of …" / "in …" after a group ("Opponents of the scheme claim")
_OF_MAX = 3
_GROUP_PREPOSITIONS = ("of", "from", "in", "at", "across")


def _group_opens(doc: Doc, start: int, lexicon: Lexicon, lead_ins: set[int]) -> bool:
    """Whether a group starting at ``start`` opens a clause: after punctuation, a clause
    opener or a lead-in ("according to"). A wrapped line is no clause break here ("test\n
    scores predict" names no group)."""
    before = start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before >= 0 and doc[before].lower_ == "that":
        return False  # "found that scores predict": what follows "that" is what was said, not who says it
    return start in lead_ins or before < 0 or doc[before].is_punct or doc[before].lower_ in lexicon.clause_openers


def _unnamed_groups(doc: Doc, lexicon: Lexicon, covered: set[int], lead_ins: set[int]) -> list[tuple[int, int]]:
    """Plural groups the lexicon does not list that open a clause and say something
    ("Astronomers welcome", "Environmental groups point out", "Opponents of the scheme
    claim"): a bare plural subject names nobody in particular either."""
    out = []
    for i, tok in enumerate(doc):
        word = tok.lower_
        if (i in covered or not tok.is_alpha or len(word) < 4 or not word.endswith("s") or word.endswith("ss")
                or word in _NOT_PLURAL or word in lexicon.reporting_verbs or word in lexicon.between_words):
            continue
        # one modifier before the group: "Environmental groups", "Bus drivers", "taxi firms"
        start = i - 1 if i > 0 and doc[i - 1].is_alpha and doc[i - 1].lower_ not in lexicon.clause_openers else i
        if start < i and not _group_opens(doc, start, lexicon, lead_ins):
            start = i
        if start - 1 >= 0 and start - 1 in covered:
            continue
        if not _group_opens(doc, start, lexicon, lead_ins):
            continue
        end = i + 1
        if _says_next(doc, end, lexicon):
            out.append((start, end))
            continue
        # "Residents of the suburbs feel": only a capitalised group, so that a verb after a
        # comma ("…, lies in which …") is not taken for one
        if end < len(doc) and doc[end].lower_ in _GROUP_PREPOSITIONS and doc[start].text[:1].isupper():
            for j in range(end + 2, min(len(doc), end + 2 + _OF_MAX)):
                if _says_next(doc, j, lexicon):
                    out.append((start, end))
                    break
    return out


def _next_word(doc: Doc, i: int) -> int:
    """The index of the first token from ``i`` on that is not white space (a wrapped line)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _has_agent(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ == "by"


def analyze_text(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Vague actors, agentless passives, hedges and loaded words in ``text``, in text order,
    each with its character span.

    Example:
        >>> [(f.code, f.span) for f in analyze_text("Some argue it may fail.")]
        [('vague-actor', (0, 4)), ('hedge', (14, 17))]
    """
    lexicon = lexicon or _default_lexicon()
    phrases, passives = _matchers(lexicon)
    doc = _nlp()(text)
    found: list[tuple[int, int, str]] = []
    vocab = doc.vocab.strings
    matches = sorted(((vocab[m], s, e) for m, s, e in phrases(doc)), key=lambda m: (m[1], -m[2]))
    taken_until = -1
    lead_ins = {_next_word(doc, e) for code, s, e in matches if code == "lead-in"}  # "according to\nmany"
    for code, s, e in matches:
        if code == "vague-actor":
            if s < taken_until:
                continue  # inside a longer actor phrase ("many experts" over "experts")
            if s > 0 and doc[s - 1].lower_ in lexicon.vague_modifiers and (
                    s - 1 in lead_ins or _opens_clause(doc, s - 1, lexicon)):
                s -= 1  # "Health campaigners argue": a generic modifier names nobody either
            elif not (s in lead_ins or _opens_clause(doc, s, lexicon)):
                continue
            # "Some taxpayers fear": a vague determiner with any noun is a vague actor too
            with_noun = (e - s == 1 and doc[s].lower_ in lexicon.vague_determiners and e < len(doc)
                         and doc[e].is_alpha and doc[e].lower_ not in lexicon.between_words)
            if with_noun and s in lead_ins:  # "according to many parents": the determiner and its noun
                found.append((s, e + 1, code))
                taken_until = e + 1
            elif s in lead_ins or _says_next(doc, e, lexicon):
                found.append((s, e, code))
                taken_until = e
            elif with_noun and _says_next(doc, e + 1, lexicon):
                found.append((s, e + 1, code))
                taken_until = e + 1
        elif code in ("hedge", "loaded-word"):
            found.append((s, e, code))
    covered = {i for s, e, code in found if code == "vague-actor" for i in range(s, e)}
    found += [(s, e, "vague-actor") for s, e in _unnamed_groups(doc, lexicon, covered, lead_ins)]
    for _, s, e in passives(doc):
        if not _has_agent(doc, e):
            found.append((s, e, "agentless-passive"))
    found = _longest(found)
    out = []
    for s, e, code in sorted(found, key=lambda f: (f[0], f[1])):
        span = doc[s:e]
        out.append(Finding(code, _message(code, span.text, doc[s].sent.text), span.text,
                           (span.start_char, span.end_char)))
    return out


def _longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Per code, drop matches inside a longer one of the same code."""
    keep = []
    for s, e, code in found:
        if not any(c == code and s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, c in found):
            keep.append((s, e, code))
    return list(dict.fromkeys(keep))


def _message(code: str, words: str, sentence: str) -> str:
    quote = shorten(sentence, 70)
    return {
        "vague-actor": f"who exactly are {words!r}? The text does not name them: {quote!r}",
        "agentless-passive": f"{words!r}: by whom? The passive hides who says it: {quote!r}",
        "hedge": f"hedge {words!r}: how sure is the writer? {quote!r}",
        "loaded-word": f"loaded word {words!r}: it judges rather than describes: {quote!r}",
    }[code]


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon.load()


def is_vague_actor(actor: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a node's ``actor`` names nobody in particular ("Critics", "Some experts").

    Example:
        >>> is_vague_actor("Many experts"), is_vague_actor("Transport officials"), is_vague_actor("The city's transport office")
        (True, True, False)
    """
    lexicon = lexicon or _default_lexicon()
    words = actor.lower().split()
    if " ".join(words) in lexicon.vague_actors or (len(words) > 1 and words[0] in lexicon.vague_determiners):
        return True
    # the same judgement as in the text: the actor as the subject of "say"
    said = f"{' '.join(actor.split())} say so."
    return any(f.code == "vague-actor" and f.span[0] == 0 for f in analyze_text(said, lexicon))


def _reading_order(amap: ArgumentMap, nodes: list[Node]) -> list[Node]:
    """By span start when every node has a span, else in map order."""
    position = amap.index.position
    if all(n.span for n in nodes):
        return sorted(nodes, key=lambda n: (n.span[0], position[n.id]))  # type: ignore[index]
    return sorted(nodes, key=lambda n: position[n.id])


def analyze(amap: ArgumentMap, lexicon: Lexicon | None = None) -> Analysis:
    """The critical-reading analysis of a map (see the module's docstring).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap()
        >>> t = m.add_topic("Road tolls")
        >>> c = m.add_claim(t, "Tolls cut traffic.")
        >>> k = m.add_critique(c, "Critics say tolls hurt the poor.", actor="Critics")
        >>> a = analyze(m)
        >>> [f.code for f in a.findings]
        ['vague-actor', 'unsupported-claim', 'unanswered-critique', 'anonymous-source']
        >>> a.balance[0].last_word, a.balance[0].more_space
        ('con', 'con')
    """
    lexicon = lexicon or _default_lexicon()
    ix = amap.index
    findings: list[Finding] = []
    covered: set[str] = set()
    for doc in amap.documents:
        if doc.text:
            findings += [Finding(f.code, f.message, f.text, f.span, document=doc.id)
                         for f in analyze_text(doc.text, lexicon)]
            covered |= {n.id for n in amap.nodes if n.span and ix.document_of(n) is doc}
    for node in amap.nodes:
        if node.id not in covered:
            findings += [Finding(f.code, f.message, f.text, f.span, node=node.id, topic=node.topic)
                         for f in analyze_text(node.text, lexicon)]
    balance = []
    for topic in amap.topics:
        nodes = ix.statements.get(topic.id, [])
        b = TopicBalance(topic.id, topic.title, statements={"pro": 0, "con": 0}, words={"pro": 0, "con": 0})
        for n in nodes:
            b.statements[n.stance] += 1
            b.words[n.stance] += len(n.text.split())
        if nodes:
            last = _reading_order(amap, nodes)[-1]
            b.last_word, b.last_node = last.stance, last.id
        balance.append(b)
        for n in nodes:
            if n.kind == "critique" and not ix.attackers(n.id):
                findings.append(Finding("unanswered-critique", f"nothing answers {ix.describe(n.id)}",
                                        shorten(n.text, 80), n.span, node=n.id, topic=topic.id))
            if n.kind == "claim" and not ix.supporters(n.id) and ix.attackers(n.id):
                findings.append(Finding("unsupported-claim",
                                        f"{ix.describe(n.id)} is attacked and nothing supports it",
                                        shorten(n.text, 80), n.span, node=n.id, topic=topic.id))
            if n.actor:
                vague = is_vague_actor(n.actor, lexicon)
                code = "anonymous-source" if vague else "named-source"
                what = "names nobody in particular" if vague else "is a named source"
                findings.append(Finding(code, f"{n.actor!r} ({ix.describe(n.id)}) {what}", n.actor, n.span,
                                        node=n.id, topic=topic.id))
    return Analysis(findings, balance)


def render_text(analysis: Analysis, name: str) -> str:
    """The analysis as lines for a terminal.

    Example:
        >>> print(render_text(Analysis([Finding("hedge", "hedge 'may'", "may", (3, 6), "d1")], []), "a.txt"))
        a.txt: 1 finding
          hedge [d1 3:6] hedge 'may'
    """
    n = len(analysis.findings)
    lines = [f"{name}: {n} finding{'s' if n != 1 else ''}"]
    for f in analysis.findings:
        where = f.document or f.node or ""
        at = f" [{where} {f.span[0]}:{f.span[1]}]" if f.span else (f" [{where}]" if where else "")
        lines.append(f"  {f.code}{at} {f.message}")
    for b in analysis.balance:
        lines.append(f"  balance {b.topic} ({shorten(b.title, 40)}): pro {b.statements['pro']} statements / "
                     f"{b.words['pro']} words, con {b.statements['con']} / {b.words['con']}; "
                     f"last word: {b.last_word or 'nobody'}")
    return "\n".join(lines)


__all__ = ["CODES", "Analysis", "Finding", "Lexicon", "TopicBalance", "analyze", "analyze_text", "is_vague_actor",
           "render_text"]
