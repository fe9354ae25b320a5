"""Provenance and robustness of extraction, as properties over arbitrary and essay-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
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
