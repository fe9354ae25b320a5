"""Provenance and robustness of extraction, as properties over arbitrary and essay-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, InputError
from argmap.extraction import extract_text

FRAGMENTS = [
    "Debates and controversies", "Benefits", "Arguments against", "FAQ", "Myth: ", "Fact: ", "Q: ", "A: ",
    "Critics warn that ", "Proponents respond that ", "Some argue that ", ", while others insist that ",
    "; supporters contend that ", "When critics accuse ", ", advocates argue that ", "The concern is that ",
    "In reality, ", "Detractors fire back that ", "Economists argue that ", "- ", "• ", " - Label: ",
    "Label: ", "tolls cut smog", "the U.S. plan", "“quoted”", ".", "?", ";", ",", "—", "\n", "\n\n", " ",
    "Edit", "\u200b", "\r\n", "\ufeff", "(", ")", "«", "»",
]
essay_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60).map("".join)


def check_provenance(text: str) -> ArgumentMap:
    try:
        amap = extract_text(text)
    except InputError:
        raise AssertionError("text given as a string is always readable") from None
    ids = {t.id for t in amap.topics}
    for node in amap.nodes:
        start, end = node.span
        assert text[start:end] == node.text
        assert node.text.strip(), "no empty statements"
        assert node.topic in ids
    for topic in amap.topics:
        if topic.span is not None:
            assert text[topic.span[0]:topic.span[1]] == topic.title
    # the map is valid by construction and survives its own JSON
    assert ArgumentMap.from_json(amap.to_json()) == amap
    return amap


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text_keeps_exact_spans(text: str) -> None:
    check_provenance(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(essay_like)
def test_essay_like_text_keeps_exact_spans(text: str) -> None:
    check_provenance(text)


@settings(max_examples=100, deadline=None)
@given(essay_like)
def test_every_node_has_exactly_one_outgoing_edge_inside_its_topic(text: str) -> None:
    amap = check_provenance(text)
    topic_of = {n.id: n.topic for n in amap.nodes} | {t.id: t.id for t in amap.topics}
    sources = [e.source for e in amap.edges]
    assert sorted(sources) == sorted(n.id for n in amap.nodes)
    for e in amap.edges:
        assert topic_of[e.source] == topic_of[e.target]
        kind = amap.node(e.source).kind
        assert (e.relation == "supports") == (kind == "claim")


LEXICON_WORDS = ["Critics", "critics", "some", "many", "have", "long", "also", "often", "by contrast", ",",
                 "of", "the", "plan", "argue", "that", "Human-rights", "groups", "as argued by", "defenders",
                 "they say", "The concern is", "In reality", ";", "while", "others", "insist", "-", ":", "Label"]
word_soup = st.lists(st.sampled_from(LEXICON_WORDS), min_size=20, max_size=400).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(word_soup)
@example("Critics " + "have long " * 40 + "xyz, they argue.")
@example("In " + "the plan " * 60 + ", Some " + "big " * 60 + "critics of " + "a " * 60 + "argue")
def test_cue_patterns_do_not_backtrack_catastrophically(text: str) -> None:
    """Runs of cue words (the worst case for the clause patterns) must not hang extraction:
    an alarm turns a hang into a failure instead of a stuck test run."""
    import signal

    def hang(*_: object) -> None:
        raise AssertionError(f"extraction hung on {text[:80]!r}…")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(10)
    try:
        check_provenance(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
