"""The clause reader's small decisions, on one sentence each (argmap.extraction.statements)."""

from __future__ import annotations

import pytest

from argmap.extraction.statements import read_sentence


def _read(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.actor_role, s.cue) for s in read_sentence(text, (0, len(text)))]


@pytest.mark.parametrize("text", [
    "The committee felt the scheme was unfair.",
    "The committee felt strongly the scheme was unfair.",  # an adverb between verb and clause
])
def test_a_verb_of_opinion_reports_a_clause_without_that_past_an_adverb(text: str) -> None:
    # the verb's lemma is looked up on the verb itself, not on the verb and its adverbs
    assert _read(text) == [("group", "felt")]


def test_a_plain_said_with_an_adverb_reports_no_that_less_clause() -> None:
    assert _read("Economists said repeatedly the tax would fail.") == [(None, None)]


@pytest.mark.parametrize("text, key", [
    ("Haddad et al. (2023) argue that fees fall.", {"haddad"}),
    ("Ruiz and Adeyemi argue that fees fall.", {"ruiz", "adeyemi"}),
    ("Council members argue that fees fall.", set()),
])
def test_a_speaker_name_goes_on_past_a_joiner(text: str, key: set[str]) -> None:
    (stmt,) = read_sentence(text, (0, len(text)))
    assert stmt.marked and set(stmt.actor_key) == key


def test_the_clause_words_are_lexicon_data(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    import json

    from argmap.extraction.lexicon import Lexicon

    text = "In the words of critics, the tolls are unfair."
    extra = tmp_path / "asides.json"
    extra.write_text(json.dumps({"clauses": {"asides": ["in the words of"]}}), encoding="utf-8")
    assert [s.actor_role for s in read_sentence(text, (0, len(text)))] == [None]
    (stmt,) = read_sentence(text, (0, len(text)), Lexicon.load(extra))
    assert (stmt.actor_role, stmt.cue) == ("con", "In the words of")
