"""Stage 4: from layout units and their linked statements to an :class:`ArgumentMap`.

Sentence boundaries come in as character offsets (from spaCy, see
:mod:`argmap.extraction.pipeline`), so this stage runs the same on one Doc or on a long text
processed section by section.

Example:
    >>> text = "Tolls\\n\\nCritics warn that tolls hurt. Proponents respond that rebates help."
    >>> m = assemble(text, [0, 7, 37])
    >>> [(n.kind, n.text) for n in m.nodes]
    [('critique', 'Critics warn that tolls hurt.'), ('rebuttal', 'Proponents respond that rebates help.')]
    >>> [(e.source, e.relation, e.target) for e in m.edges]
    [('n1', 'attacks', 't1'), ('n2', 'attacks', 'n1')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from argmap.extraction.cues import Tokens, tokens_of, weak_forms
from argmap.extraction.layout import Layout, Span, Unit, parse_layout
from argmap.extraction.lexicon import Lexicon
from argmap.extraction.items import TopicLinker, item_statements
from argmap.extraction.overlap import content_stems
from argmap.extraction.statements import Statement, Voice, has_argument, lexicon_words, unit_statements
from argmap.model import SCHEMA_TAG, ArgumentMap

_LONE_CR = re.compile(r"\r(?!\n)")


def sentence_splitter(text: str, starts: Sequence[int]):  # noqa: ANN201 - a small closure
    """A function giving the sentence spans inside a span, from sorted sentence starts."""

    seen: dict[Span, list[Span]] = {}  # a unit's body is split by the voice test and again when read

    def sentences(span: Span) -> list[Span]:
        key = (span[0], span[1])
        found = seen.get(key)
        if found is None:
            found = seen[key] = split(key)
        return found

    def split(span: Span) -> list[Span]:
        s, e = span
        cuts = [s, *starts[bisect_right(starts, s) : bisect_right(starts, e - 1)], e]
        out = []
        for a, b in pairwise(cuts):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b and text[b - 1] == ">":
                line = text.rfind("\n", a, b)
                if line >= 0 and not text[line:b].strip(" \t\n>"):
                    b = line  # the quote mark opening the next quoted line is not this sentence's
                while b > a and text[b - 1].isspace():
                    b -= 1
            if a < b:
                out.append((a, b))
        return out

    return sentences


_VOICED_SHARE = 0.2  # an argued text speaks in the first person or with "should" this often
_REPORTED_SHARE = 3  # a short text with at most one sentence in three attributed still argues


def _past_abbreviations(text: str, starts: Sequence[int], lex: Lexicon) -> list[int]:
    """Sentence starts without those that follow an abbreviation ("Haddad et al. (2023)")."""
    abbreviations, last_words = _abbreviations(lex)
    out = []
    for s in starts:
        before = text[max(0, s - 12) : s].rstrip().lower()
        # the word before the start is an abbreviation's last word only after a few starts:
        # the whole list is compared for those alone
        if before.rsplit(" ", 1)[-1] not in last_words or not (" " + before).endswith(abbreviations):
            out.append(s)
    return out


@lru_cache(maxsize=8)
def _abbreviations(lex: Lexicon) -> tuple[tuple[str, ...], frozenset[str]]:
    """The lexicon's abbreviations, each after a space, and their last words, once per lexicon."""
    words = lex.words("abbreviations")
    return tuple(" " + a for a in words), frozenset(a.rsplit(" ", 1)[-1] for a in words)


def document_voice(text: str, layout: Layout, sentences, tokens: Tokens, lex: Lexicon) -> Voice:  # noqa: ANN001
    """Whether the text argues in its author's voice (an op-ed, a speech, a short
    argumentative text): no debate layout of its own, and more sentences in the first person
    or with a thesis word ("should", "must", "I ask you to") than attributed ones."""
    def inline_label(u: Unit) -> bool:
        return bool(u.topic_span and u.body) and "\n" not in text[u.topic_span[1] : u.body[0][0]]

    if any((u.debate or u.stance or u.items or u.debate_heading_id is not None) and not inline_label(u) for u in layout.units):
        return Voice()
    words = lexicon_words(lex)
    voiced = attributed = sentence_count = 0
    thesis_at: int | None = None
    if layout.title_span is not None and (tokens.find("thesis", *tokens.window(*layout.title_span))
                                          or _thesis_title(layout.title, lex)):
        # a title that states the thesis ("It is time to …", "… should …"): the text argues
        # from its first sentence on, nothing before the thesis narrates
        thesis_at, voiced = layout.title_span[0], 1
    paragraphs = 0
    # "they need support from their children", "people like me": a verb form that reports
    # only after a group of people, or only in the past, attributes nothing by itself
    weak = weak_forms(lex)
    lower, orth = tokens.lower, tokens.orth
    answer_at: int | None = None  # where the author first rejects what a party said
    opens_speech: bool | None = None  # whether the first paragraph opens on a vocative
    for unit in layout.units:
        if unit.section is not None and lex.is_background(unit.section):
            continue
        for span in unit.body:
            paragraphs += 1
            for sent in sentences(span):
                sentence_count += 1
                i, j = tokens.window(*sent)
                verbs = tokens.positions("verb", i, j)
                if (verbs and (not weak or not weak.issuperset([lower[p] for p in verbs]))
                        and any(_reports(tokens, v, j, words.not_speakers, words.complements) for v in verbs)):
                    attributed += 1  # "Some say …", not the author's own "I think …" nor "a small charge"
                if i < j and orth[i] in ("“", '"'):
                    continue  # a quotation is someone else's voice
                thesis = tokens.find("thesis", i, j)
                if thesis and thesis_at is None:
                    thesis_at = sent[0]
                if answer_at is None and attributed and i < j and lower[i] in words.author_pronouns \
                        and (tokens.find("verb:con", i + 1, min(j, i + 4)) or tokens.find("rejection", i + 1, i + 2)):
                    answer_at = sent[0]  # "We reject that argument.", "I cannot agree.": the author answers a party
                if paragraphs == 1 and opens_speech is None:
                    opens_speech = tokens.find("vocative", i, i + 1) is not None  # "Mr Deputy Speaker, …"
                # the author's voice: a thesis word, the first person, a concession, a question,
                # a hedge ("would", "perhaps"), an objection the author raises ("Some will object")
                if thesis or orth[j - 1] == "?" or tokens.where(words.voicing, i, j) \
                        or tokens.find("conn:concession", i, min(j, i + 4)) \
                        or tokens.find("prolepsis", i, min(j, i + 2)) \
                        or tokens.find("conn:subordinate_concession", i, i + 1):
                    voiced += 1
    # a short untitled text (a microtext) argues unless most of it reports others
    short_plain = layout.title is None and paragraphs <= 2 and sentence_count <= 12 and (
        attributed <= 1 or attributed * _REPORTED_SHARE <= sentence_count)
    if short_plain:
        return Voice(argued=True)  # a short untitled text argues in its author's voice
    if voiced >= 3 and thesis_at is None and voiced >= 1.5 * _VOICED_SHARE * sentence_count:
        return Voice(argued=True)  # a letter or a column argues without a "should"
    if voiced < 2 or thesis_at is None or voiced < _VOICED_SHARE * sentence_count:
        # a judgment: the author weighs what the parties said from where it rejects a point
        return Voice() if answer_at is None else Voice(argued=True, skip_before=answer_at)
    # a titled text narrates up to its thesis, unless it is a speech from its first word
    narrates = layout.title is not None and paragraphs > 2 and not opens_speech
    return Voice(argued=True, skip_before=thesis_at if narrates else 0)


def _thesis_title(title: str | None, lex: Lexicon) -> bool:
    """Whether a title states a thesis: it opens so ("Why Ashmere needs a tool library",
    "The case for night buses", "Keep the pier open"; lexicon ``author_voice.thesis_titles``)
    or holds a thesis verb ("Our town needs a night bus"; ``author_voice.thesis_title_verbs``)."""
    words = (title or "").lower().replace("’", "'").replace(",", " ").split()
    first = " ".join(words[:3]) + " "
    return any(first.startswith(opener + " ") for opener in lex.words("author_voice", "thesis_titles")) \
        or not set(words).isdisjoint(lex.words("author_voice", "thesis_title_verbs"))


def _rejected_alternative(title: str | None, lex: Lexicon) -> frozenset[str]:
    """The content stems of the alternative a title rejects ("Our town needs a night bus,
    not another car park"; lexicon ``author_voice.rejected_alternatives``): that
    alternative's supporters argue against the thesis."""
    flat = " " + " ".join((title or "").lower().replace("’", "'").split()) + " "
    for marker in lex.words("author_voice", "rejected_alternatives"):
        at = flat.find(f" {marker} " if marker[:1].isalpha() else f"{marker} ")
        if at > 0:
            return content_stems(flat[at + len(marker) + 1 :])
    return frozenset()


def _reports(tokens: Tokens, v: int, j: int, not_speakers: frozenset[str], complements: set[str]) -> bool:
    """Whether the reporting verb form at ``v`` (a sentence ending at ``j``) reports someone's
    view: lower case, not after "I" or a determiner ("their view"), and followed by its
    complement when it needs one ("charge that …", not "a small charge makes …")."""
    if not tokens.orth[v][:1].islower() or v > 0 and tokens.lower[v - 1] in not_speakers:
        return False
    needs = tokens.at(v, "complement_verb")
    return needs is None or needs[1] >= j or tokens.lower[needs[1]] in complements


_FLIP = {"pro": "con", "con": "pro"}


def _debate_units(text: str, layout: Layout, sentences, lex: Lexicon, tokens: Tokens) -> list[tuple[Unit, list[Statement]]]:  # noqa: ANN001
    """Statements per unit; a plain sub-heading in a debate section that argues nothing ends
    that section, so later sub-headings of it are read as ordinary prose."""
    try:
        return _read_units(text, layout, sentences, lex, tokens)
    finally:
        tokens.readers.clear()  # the readers refer to the tokens: no cycle outlives the reading


def _read_units(text: str, layout: Layout, sentences, lex: Lexicon, tokens: Tokens) -> list[tuple[Unit, list[Statement]]]:  # noqa: ANN001
    ended: set[int] = set()
    out = []
    voice = document_voice(text, layout, sentences, tokens, lex)
    # a title against the proposal it names: the proposal's supporters speak against the thesis
    against = voice.argued and layout.title is not None and lex.against_proposal(layout.title)
    rejected = _rejected_alternative(layout.title, lex) if voice.argued else frozenset()
    # "Parents who rent said …" after "Reasons to buy" / "Reasons to rent": a speaker named
    # after one of the two choices takes its side
    choices = {stem: side for word, side in layout.choices.items() for stem in content_stems(word)}
    for n, unit in enumerate(layout.units):
        if unit.debate_heading_id is not None and unit.debate_heading_id in ended:
            unit.debate_heading_id = None
        if not unit.debate and any(h is not None and lex.is_background(h) for h in (unit.section, unit.topic_title)):
            continue  # history, definitions, how it works, sales: no side is argued there
        stmts = unit_statements(text, unit, sentences, lex, tokens=tokens, voice=voice, paragraph=n) + \
            item_statements(text, unit, sentences, lex, tokens)
        # a cue with nothing after it ("Critics warn that " closing a text) states nothing
        stmts = [st for st in stmts if st.span[0] < st.span[1]]
        if (against or rejected) and unit.topic_title is None:
            for st in stmts:
                if st.actor_role in _FLIP and st.confidence == lex.confidence["stance_actor"] and (
                        against or st.actor is not None and not rejected.isdisjoint(content_stems(st.actor))):
                    # "Supporters of the plan" argue against the thesis, and so do "Supporters of
                    # the car park" under "… a night bus, not another car park"
                    st.actor_role = _FLIP[st.actor_role]
        if choices and unit.stance is None:
            for st in stmts:
                if st.actor_role == "group" and st.actor is not None:
                    sides = {choices[stem] for stem in content_stems(st.actor) if stem in choices}
                    if len(sides) == 1:
                        st.actor_role = sides.pop()
        if unit.debate_heading_id is not None and unit.stance is None and not has_argument(stmts):
            ended.add(unit.debate_heading_id)
        if stmts:
            out.append((unit, stmts))
    return out


def assemble(
    text: str,
    sentence_starts: Sequence[int],
    lexicon: Lexicon | None = None,
    *,
    document_id: str = "d1",
    source: str | None = None,
    title: str | None = None,
    tokens: Tokens | None = None,
    reading: str | None = None,
) -> ArgumentMap:
    """The argument map of one text (ids ``t1…``, ``n1…``; the document keeps the text).

    ``tokens`` is the text's token table with its cue matches (see
    :func:`argmap.extraction.cues.read_tokens`); without it the text is tokenized here.
    ``reading`` is the text as it reads, of the same length (wiki markup blanked, see
    :mod:`argmap.extraction.markup`); ``tokens`` and ``sentence_starts`` are then its own.
    """
    lex = lexicon or Lexicon.default()
    # a lone carriage return (old Mac files, mixed endings) is a line break like "\n": read
    # with it replaced (same length, so every span indexes both), texts cut from the original
    read = text if reading is None else reading
    original, text = text, _LONE_CR.sub("\n", read) if "\r" in read else read
    layout = parse_layout(text, lex)
    sentences = sentence_splitter(text, _past_abbreviations(text, sentence_starts, lex))
    tokens = tokens if tokens is not None else tokens_of(text, lex)
    doc_title = layout.title or title or source or "Untitled"

    grouped: dict[tuple[str | None, Span | None], list[tuple[Unit, list[Statement]]]] = {}
    for unit, stmts in _debate_units(text, layout, sentences, lex, tokens):
        grouped.setdefault((unit.topic_title, unit.topic_span), []).append((unit, stmts))

    # the data is built in the shape ``ArgumentMap.to_dict`` gives (every field, in the models'
    # order), so the map's data for the Doc is this, not a dump of the map
    topics: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    linker = TopicLinker(text)
    for (topic_title, topic_span), members in grouped.items():
        topic_id = f"t{len(topics) + 1}"
        first_unit = members[0][0]
        span = topic_span if topic_title is not None else layout.title_span
        topics.append({
            "id": topic_id,
            "title": topic_title if topic_title is not None else doc_title,
            "document": document_id,
            "section": first_unit.section if topic_title is not None else None,
            "span": None if span is None else [span[0], span[1]],
        })
        links = linker.link(members, first_unit.stance)
        # nodes in text order: a reply placed with the comment it answers ("Response to comment
        # 2." under comment 2) comes where it is written
        order = sorted(range(len(links)), key=lambda i: links[i].statement.span[0])
        ids = [""] * len(links)
        for rank, i in enumerate(order):
            ids[i] = f"n{len(nodes) + rank + 1}"
        for i in order:
            node_id, link = ids[i], links[i]
            st = link.statement
            start, end = st.span
            nodes.append({
                "id": node_id, "kind": link.kind, "topic": topic_id, "text": original[start:end],
                "document": document_id, "span": [start, end], "actor": st.actor, "cue": st.cue,
                "confidence": float(st.confidence),
            })
            target = linker.target_id(link, node_id, topic_id, ids)
            edges.append({"source": node_id, "target": target, "relation": link.relation})
    # one validation of plain data builds every nested model in pydantic's core, several
    # times faster than constructing thousands of models one by one
    return ArgumentMap._from_dump({
        "schema": SCHEMA_TAG,
        "documents": [{"id": document_id, "title": doc_title, "source": source, "text": original}],
        "topics": topics,
        "nodes": nodes,
        "edges": edges,
    })
