"""The lexicon model: the bundled data validates, user files merge, bad files are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import InputError
from argmap.cli import main
from argmap.extraction.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "src/argmap/extraction/lexicons/en.json"


def write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_the_bundled_lexicon_is_a_valid_complete_lexicon() -> None:
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    lex = Lexicon.model_validate(data)
    assert lex == Lexicon.default()
    # every field of the model is given in the bundled file: the data is complete
    assert set(data) == {f.alias or name for name, f in Lexicon.model_fields.items()}
    assert lex.words("actors", "con") and lex.words("verbs", "response") and lex.confidence


def test_a_user_file_extends_lists_and_keeps_the_bundled_words(tmp_path: Path) -> None:
    first = write(tmp_path, "first.json", {"actors": {"con": ["grumblers"]}, "group_nouns": ["beekeepers"]})
    second = write(tmp_path, "second.json", {"actors": {"pro": ["cheerleaders"]}, "confidence": {"framing": 0.5}})
    lex = Lexicon.load(first, second)
    assert lex.actor_stance("grumblers") == "con" and lex.actor_stance("Cheerleaders") == "pro"
    assert lex.actor_stance("critics") == "con"  # the bundled words stay
    assert "beekeepers" in lex.words("group_nouns") and "economists" in lex.words("group_nouns")
    assert lex.confidence["framing"] == 0.5  # a value is replaced, a list extended
    assert lex.confidence["stance_actor"] == Lexicon.default().confidence["stance_actor"]
    assert Lexicon.default().actor_stance("grumblers") is None  # the shared default is untouched


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ({"actor": {"con": ["x"]}}, "actor: unknown key"),
        ({"actors": {"cons": ["x"]}}, "actors.cons: unknown key (expected one of: con, pro, opposite, same, speaking_for)"),
        ({"verbs": {"con": "warn"}}, "verbs.con: expected a list of strings, not a string"),
        ({"quantifiers": ["some", 3]}, "quantifiers.1: Input should be a valid string"),
        ({"actors": ["critics"]}, "actors: Input should be a valid dictionary"),
        ({"framing_patterns": {"con": ["the (worry"]}}, "framing_patterns: unknown key"),  # a key no reader uses
        ({"irregular_verbs": {"say": "said"}}, "irregular_verbs.say: expected a list of strings, not a string"),
        ({"confidence": {"framing": 1.5}}, "confidence.framing: Input should be less than or equal to 1"),
        ([1], "a lexicon file must hold a JSON object"),
        ("{not json", "unusable lexicon file"),
    ],
)
def test_a_bad_user_file_is_refused_naming_the_file_and_the_problem(
    tmp_path: Path, content: object, problem: str
) -> None:
    bad = write(tmp_path, "mine.json", content)
    with pytest.raises(InputError) as err:
        Lexicon.load(bad)
    message = str(err.value)
    assert message.startswith(f"{bad}: ") and problem in message and "\n" not in message


def test_the_cli_refuses_a_bad_lexicon_with_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "mine.json", {"verbs": {"warn": ["caution"]}})
    essay = write(tmp_path, "essay.txt", "Critics warn that tolls hurt.")
    out = tmp_path / "map.json"
    assert main(["extract", "--lexicon", str(bad), str(essay), "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}: not a valid lexicon: verbs.warn: unknown key" in err


def test_a_missing_user_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere.json"):
        Lexicon.load(tmp_path / "nowhere.json")


words = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12),
                 max_size=4)


@settings(max_examples=25, deadline=None)
@given(con=words, nouns=words)
def test_merged_lexicons_round_trip_through_a_file(tmp_path_factory: pytest.TempPathFactory,
                                                   con: list[str], nouns: list[str]) -> None:
    extra = write(tmp_path_factory.mktemp("lex"), "extra.json", {"actors": {"con": con}, "group_nouns": nouns})
    lex = Lexicon.load(extra)
    assert all(w in lex.actors.con for w in con) and all(w in lex.group_nouns for w in nouns)
    saved = extra.with_name("saved.json")
    lex.to_file(saved)
    assert Lexicon.from_file(saved) == lex


def test_the_example_user_file_in_the_docs_is_a_valid_lexicon(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in doc.split("```json\n")[1:]]
    assert blocks, "docs/extraction.md shows an example lexicon file"
    for i, block in enumerate(blocks):
        lex = Lexicon.load(write(tmp_path, f"example{i}.json", block))
        assert len(lex.words("actors", "con")) > len(Lexicon.default().words("actors", "con"))


def test_a_lexicon_is_hashable_consistently_with_equality(tmp_path: Path) -> None:
    copy = Lexicon.model_validate(Lexicon.default().model_dump(by_alias=True))
    assert copy == Lexicon.default() and copy is not Lexicon.default()
    assert hash(copy) == hash(Lexicon.default())
    extended = Lexicon.load(write(tmp_path, "extra.json", {"group_nouns": ["beekeepers"]}))
    assert len({Lexicon.default(), copy, extended}) == 2
