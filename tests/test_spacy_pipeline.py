"""argmap the spaCy way: entry-point factories, results on the Doc, saving and serialising."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy import displacy
from spacy.tokens import Doc, DocBin

from argmap.extraction.doc_results import SPANS_KEY
from argmap.extraction.pipeline import make_nlp
from argmap.model import ArgumentMap
from strategies import argument_maps
from test_extraction_properties import essay_like

ESSAY = ("Night buses\n\n"
         "Critics warn that night buses run half empty. Supporters reply that shift workers rely on them. "
         "Sceptics counter that taxis would be cheaper.\n\n"
         "Benefits\n\n- Fewer drunk drivers.\n- Late shops stay open.\n")


BLANK = spacy.blank("en")


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return make_nlp()


def assert_spans_agree(doc: Doc) -> None:
    """Every node with a non-empty span has one spaCy span: same id and label, the smallest run
    of tokens covering the node's exact characters; and every spaCy span is a node's."""
    amap = doc._.argmap
    spans = {s.id_: s for s in doc.spans[SPANS_KEY]}
    located = [n for n in amap.nodes if n.span is not None and n.span[0] < n.span[1]]
    assert sorted(spans) == sorted(n.id for n in located)
    for node in located:
        span, (start, end) = spans[node.id], node.span
        assert span.label_ == node.kind and span._.argmap_node is amap.node(node.id)
        # a token's trailing space belongs to no span: the span covers the node's characters
        # but for whitespace at either end
        chars = doc.text[start:end]
        if not chars.strip():  # whitespace only: what spaCy can hold is its whitespace tokens
            assert start <= span.start_char and span.end_char <= end and not span.text.strip()
            continue
        start, end = start + len(chars) - len(chars.lstrip()), end - len(chars) + len(chars.rstrip())
        assert span.start_char <= start and end <= span.end_char
        # smallest: the first and last tokens each reach into the node's characters
        assert span[0].idx + len(span[0].text) > start and span[-1].idx < end


def test_add_pipe_finds_the_factories_without_importing_argmap(tmp_path: Path) -> None:
    script = (
        "import spacy, json\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('argmap_sentences'); nlp.add_pipe('argmap_debates')\n"
        "doc = nlp('Tolls\\n\\nCritics warn that tolls hurt. Advocates counter that rebates help.')\n"
        "print(json.dumps([[s.label_, s._.argmap_actor, s._.argmap_target] for s in doc.spans['argmap']]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["critique", "Critics", "t1"], ["rebuttal", "Advocates", "n1"]]


def test_results_on_the_doc(nlp: spacy.language.Language) -> None:
    doc = nlp(ESSAY)
    amap = doc._.argmap
    assert isinstance(amap, ArgumentMap) and doc._.argmap is amap  # validated once, then kept
    spans = list(doc.spans[SPANS_KEY])
    assert [(s.label_, s._.argmap_actor, s._.argmap_cue) for s in spans[:3]] == [
        ("critique", "Critics", "warn that"), ("rebuttal", "Supporters", "reply that"),
        ("critique", "Sceptics", "counter that")]
    assert [(s._.argmap_relation, s._.argmap_target) for s in spans[:3]] == [
        ("attacks", "t1"), ("attacks", spans[0].id_), ("attacks", spans[1].id_)]
    assert all(0 < s._.argmap_confidence <= 1 for s in spans)
    assert [s.text for s in spans[3:]] == ["Fewer drunk drivers.", "Late shops stay open."]
    assert_spans_agree(doc)


def test_a_dropped_doc_and_map_are_freed_without_the_cycle_collector(nlp: spacy.language.Language) -> None:
    # a corpus run drops every map once written: a reference cycle would leave each one to
    # the cycle collector (and its passes over everything kept)
    import gc
    import weakref

    collecting = gc.isenabled()
    gc.disable()
    try:
        doc = nlp(ESSAY)
        amap = doc._.argmap
        assert amap.nodes and doc.spans[SPANS_KEY]
        refs = [weakref.ref(doc), weakref.ref(amap)]
        del doc, amap
        assert [r() for r in refs] == [None, None]
    finally:
        if collecting:
            gc.enable()


def test_a_span_not_made_by_argmap_has_no_node(nlp: spacy.language.Language) -> None:
    doc = nlp(ESSAY)
    mine = doc[0:2]
    assert mine._.argmap_node is None and mine._.argmap_actor is None and mine._.argmap_target is None
    bare = BLANK("No extraction ran here.")
    assert bare._.argmap is None and bare[0:2]._.argmap_actor is None


def test_spans_keep_to_tokens_while_nodes_keep_exact_characters(nlp: spacy.language.Language) -> None:
    # "-Critics" is one token: the node starts inside it, the spaCy span expands to cover it
    doc = nlp("Fees\n\nDebates\n\nWell-Critics warn that fees hurt; supporters reply that they help.")
    assert_spans_agree(doc)
    nodes = doc._.argmap.nodes
    assert doc.text[nodes[0].span[0]:nodes[0].span[1]] == nodes[0].text


def test_displacy_highlights_the_statements(nlp: spacy.language.Language) -> None:
    html = displacy.render(nlp(ESSAY), style="span", options={"spans_key": SPANS_KEY}, page=True)
    for label in ("CRITIQUE", "REBUTTAL", "CLAIM"):
        assert label in html.upper()
    assert ">workers" in html.replace("\n", "").replace(" ", "")


def test_doc_to_bytes_and_docbin_keep_map_and_spans(nlp: spacy.language.Language) -> None:
    doc = nlp(ESSAY)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.argmap == doc._.argmap
    assert [(s.start_char, s.end_char, s.label_, s.id_) for s in again.spans[SPANS_KEY]] == [
        (s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[SPANS_KEY]]
    assert_spans_agree(again)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (loaded,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(BLANK.vocab)
    assert loaded._.argmap == doc._.argmap and loaded.spans[SPANS_KEY][0]._.argmap_actor == "Critics"
    # the stored data leaves out the text the Doc already holds
    assert doc.text[40:80] not in json.dumps(doc._.argmap_data)


def test_the_data_an_extracted_map_keeps_is_its_dump(nlp: spacy.language.Language) -> None:
    """The extractor validates the map from plain data and stores that data on the Doc
    instead of dumping the map back: the data is the dump to the byte (keys in order, spans as
    lists, floats as floats), taken once, by one copy of the map, and never after a change."""
    from argmap.extraction.assemble import assemble
    from argmap.extraction.pipeline import sentence_starts

    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
    assert examples
    for path in [*examples, None]:
        text = ESSAY if path is None else path.read_text(encoding="utf-8")
        amap = assemble(text, sentence_starts(nlp.make_doc(text)))
        dump = json.dumps(amap.to_dict())
        assert json.dumps(amap._take_dump()) == dump
        assert amap._take_dump() == json.loads(dump)  # a fresh dump the second time
    amap = assemble(ESSAY, sentence_starts(nlp.make_doc(ESSAY)))
    copy = amap.model_copy()
    assert copy._take_dump() is not amap._take_dump()
    amap = assemble(ESSAY, sentence_starts(nlp.make_doc(ESSAY)))
    amap.nodes[0].actor = "Someone"
    assert amap._take_dump()["nodes"][0]["actor"] == "Someone"


def test_pipe_with_two_processes_gives_the_same_maps(nlp: spacy.language.Language) -> None:
    texts = [ESSAY, "Critics warn that A is bad.", "Supporters argue that B is good.", ""] * 2
    one = [d._.argmap for d in nlp.pipe(texts)]
    two = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.argmap for d in two] == one
    assert [len(d.spans[SPANS_KEY]) for d in two] == [len(m.nodes) for m in one]


def test_to_disk_and_spacy_load_keep_a_custom_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"actors": {"con": ["grumblers"]}}), encoding="utf-8")
    text = "Grumblers argue that the bridge is ugly."
    custom = make_nlp((str(extra),))
    assert custom(text)._.argmap.nodes[0].kind == "critique"
    custom.to_disk(tmp_path / "pipeline")
    extra.unlink()  # the saved pipeline does not need the user's file any more
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["argmap_sentences", "argmap_debates"]
    assert loaded(text)._.argmap.nodes[0].kind == "critique"
    assert loaded.get_pipe("argmap_debates").lexicon == custom.get_pipe("argmap_debates").lexicon
    from_bytes = make_nlp().from_bytes(custom.to_bytes())
    assert from_bytes(text)._.argmap.nodes[0].kind == "critique"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amap=argument_maps(), via_docbin=st.booleans())
def test_any_map_set_on_a_doc_survives_serialisation(amap: ArgumentMap, via_docbin: bool) -> None:
    text = amap.documents[0].text or ""
    doc = BLANK(text)
    assert doc.text == text
    doc._.argmap = amap
    if amap.documents[0].text is not None:
        assert_spans_agree(doc)
    if via_docbin:
        bin_ = DocBin(store_user_data=True, docs=[doc])
        (again,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(doc.vocab)
    else:
        again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert again._.argmap == amap
    assert [s.id_ for s in again.spans[SPANS_KEY]] == [s.id_ for s in doc.spans[SPANS_KEY]]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(), essay_like))
def test_extracted_spans_agree_with_nodes_and_survive_to_bytes(nlp: spacy.language.Language, text: str) -> None:
    doc = nlp(text)
    assert_spans_agree(doc)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.argmap == doc._.argmap


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(), essay_like))
def test_the_fast_doc_text_is_the_docs_text(text: str) -> None:
    from argmap.extraction.doc_results import doc_text

    doc = BLANK(text)
    assert doc_text(doc) == doc.text == text
    from argmap.extraction.pipeline import default_nlp

    made = default_nlp().tokenizer(text)  # make_nlp's tokenizer records the text it was given
    assert doc_text(made) == made.text == text


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(), essay_like))
def test_the_token_table_rebuilds_the_docs_text_and_its_offsets(text: str) -> None:
    from argmap.extraction.cues import read_tokens
    from argmap.extraction.lexicon import Lexicon

    doc = BLANK(text)
    tokens = read_tokens([(0, doc)], None, Lexicon.default())
    assert tokens.text == doc.text == text
    assert [(t.idx, t.idx + len(t.text), t.lower_) for t in doc] == list(zip(tokens.starts, tokens.ends, tokens.lower))


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(max_size=80), max_size=40))
def test_word_form_table_gives_each_tokens_own_forms(texts: list[str]) -> None:
    """The shared form table (sorted hashes, strings waiting to be merged, a reset past its
    size limit) answers every Doc as a look-up of each token's own string would."""
    from argmap.extraction.cues import _FormTable

    table = _FormTable()
    table.MAX_FORMS = 50  # small, so merges and resets happen within a few texts
    for text in texts:
        doc = BLANK(text)
        arr = doc.to_array(["ORTH", "SPACY"])
        lower, verbatim, word, rebuilt = table.read(arr[:, 0], doc.vocab.strings, arr[:, 1] != 0)
        assert rebuilt == text
        assert lower == [t.lower_ for t in doc]
        assert verbatim == ["" if t.is_space else t.text for t in doc]
        assert word == [t.text[:1].isalnum() and not t.is_space for t in doc]
        if len(table.recent) > 8:
            table._merge()


@settings(max_examples=100, deadline=None)
@given(text=st.one_of(st.text(), essay_like), picks=st.lists(st.integers(min_value=0), max_size=20),
       span=st.tuples(st.integers(min_value=0), st.integers(min_value=0)))
def test_word_set_look_up_finds_the_tokens_of_the_set(text: str, picks: list[int], span: tuple[int, int]) -> None:
    """``Tokens.where`` (a direct-mapped table per word set, or one comparison per word when
    the set's words share slots) finds the tokens whose lower-case form is in the set."""
    from argmap.extraction import cues
    from argmap.extraction.lexicon import Lexicon

    tokens = cues.read_tokens([(0, BLANK(text))], None, Lexicon.default())
    lower = tokens.lower
    words = frozenset(lower[p % len(lower)] for p in picks) if lower else frozenset()
    i, j = sorted(x % (len(lower) + 1) for x in span)
    expected = [n for n in range(i, j) if lower[n] in words]
    assert tokens.where(words, i, j) == expected
    tokens._where.clear()
    table = cues._word_table
    try:
        cues._word_table = lambda _: None  # the fallback: one comparison per word
        assert tokens.where(words, i, j) == expected
    finally:
        cues._word_table = table


def _tokenizers(max_cache_size: int = 10_000, suffix_search=None):  # noqa: ANN001, ANN202
    """make_nlp's caching tokenizer and a plain spaCy tokenizer with the same settings."""
    from spacy.tokenizer import Tokenizer

    from argmap.extraction.pipeline import CachingTokenizer

    made = make_nlp().tokenizer
    settings_ = dict(rules=made.rules, prefix_search=made.prefix_search,
                     suffix_search=suffix_search or made.suffix_search, infix_finditer=made.infix_finditer,
                     token_match=made.token_match, url_match=made.url_match, max_cache_size=max_cache_size)
    vocab = spacy.blank("en").vocab
    return CachingTokenizer(vocab, **settings_), Tokenizer(vocab, **settings_)


SPECIAL_FRAGMENTS = ["It's ", "don't", " U.S. ", "(can't)", " :) ", "a.m.,", " e.g. ", " 'em ", "fees, ", "(2023). "]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.one_of(essay_like, st.lists(st.sampled_from(SPECIAL_FRAGMENTS) | st.text(max_size=8),
                                                     max_size=20).map("".join)), max_size=12),
       max_cache_size=st.sampled_from([3, 10_000]))
def test_the_caching_tokenizer_gives_spacys_tokens(texts: list[str], max_cache_size: int) -> None:
    """Each text read three times over (so its chunks are seen again, cached and read from the
    cache), with a small cache bound or spaCy's: every Doc has the tokens, offsets, spaces and
    norms a plain spaCy tokenizer gives."""
    caching, plain = _tokenizers(max_cache_size)
    attrs = ["ORTH", "NORM", "SPACY", "IDX", "LENGTH"]
    for text in texts * 3:
        assert (caching(text).to_array(attrs) == plain(text).to_array(attrs)).all()


def test_the_caching_tokenizer_caches_the_chunks_after_a_special_case() -> None:
    """spaCy stops caching a Doc's chunks after its first special case ("It's"), so a plain
    tokenizer splits "late," and "(they" with its affix rules on every reading; the caching
    tokenizer caches them on the second reading and splits nothing on the third."""
    calls: list[str] = []
    suffix = make_nlp().tokenizer.suffix_search

    def counting(chunk: str):  # noqa: ANN202 - a regex match
        calls.append(chunk)
        return suffix(chunk)

    caching, plain = _tokenizers(suffix_search=counting)
    text = "It's late, (they said). Fees rose, rents fell."
    for tokenizer, expected in ((plain, True), (caching, False)):
        tokenizer(text), tokenizer(text)
        calls.clear()
        tokenizer(text)
        assert bool(calls) is expected, (type(tokenizer).__name__, calls)
    # a new rule empties spaCy's cache: the rule holds, and the chunks are filled in again
    for tokenizer in (caching, plain):
        tokenizer.add_special_case("rents", [{"ORTH": "ren"}, {"ORTH": "ts"}])
    for _ in range(2):
        assert [t.text for t in caching(text)] == [t.text for t in plain(text)]
    calls.clear()
    assert "ren" in [t.text for t in caching(text)] and not calls
