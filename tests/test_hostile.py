"""Hostile input and output paths: every case ends in one bounded line on stderr, exit 2, and
an output path left as it was (issue 13). The inputs are built here, never read from disk."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import EXIT_BAD_INPUT, main
from argmap.errors import InputError, UnwritableMap
from argmap.io import load_map, map_from_json, save_map
from argmap.limits import MAX_DEPTH
from argmap.model import ArgumentMap, Node, Topic

MAX_LINE = 500  # an error line quoting hostile input stays shorter than this


def small_map(**topic_extra: Any) -> dict[str, Any]:
    return {"schema": "argmap/1", "documents": [],
            "topics": [{"id": "t1", "title": "Tolls", **topic_extra}],
            "nodes": [{"id": "n1", "kind": "claim", "topic": "t1", "text": "Tolls pay for roads."}],
            "edges": [{"source": "n1", "target": "t1", "relation": "supports"}]}


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str, *fragments: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert len(lines[0]) < MAX_LINE, lines[0][:200]
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ----- map loader limits -------------------------------------------------------------------

HOSTILE_MAPS = {
    "deep-1500": json.dumps(small_map())[:-1] + f', "x": {nested(1500)}}}',
    "deep-300-extra": json.dumps(small_map(note="N"))[:-1].replace('"N"', nested(300)) + "}",
    "deep-100-extra": json.dumps(small_map(note="N")).replace('"N"', nested(100)),
    "span-5000-digits": json.dumps(small_map(span=[0, 1])).replace("[0, 1]", "[0, " + "7" * 5000 + "]"),
    "span-4000-digits-negative": json.dumps(small_map(span=[0, 1])).replace("[0, 1]", "[0, -" + "7" * 4000 + "]"),
    "surrogate-title": json.dumps(small_map()).replace('"Tolls"', '"\\ud800"'),
    "surrogate-statement": json.dumps(small_map()).replace('"Tolls pay for roads."', '"pay \\udfff"'),
    "surrogate-key": json.dumps(small_map(note=1)).replace('"note"', '"\\udc00"'),
}
WHAT = {"deep-1500": "nested 1501 levels", "deep-300-extra": "nested", "deep-100-extra": "nested",
        "span-5000-digits": "5000 digits", "span-4000-digits-negative": "4000 digits",
        "surrogate-title": "topics.0.title: lone surrogate U+D800",
        "surrogate-statement": "nodes.0.text: lone surrogate U+DFFF",
        "surrogate-key": "lone surrogate U+DC00"}


@pytest.mark.parametrize("case", sorted(HOSTILE_MAPS))
@pytest.mark.parametrize("verb", [["check"], ["export", "--to", "json"], ["export", "--to", "graphml"],
                                  ["solve", "-s", "grounded"]])
def test_hostile_map_is_one_line_and_exit_2(case: str, verb: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "map.json"
    src.write_text(HOSTILE_MAPS[case], encoding="ascii")
    out = tmp_path / "out"
    extra = ["-o", str(out)] if verb[0] == "export" else []
    code, stdout, err = run(capsys, *verb, str(src), *extra)
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap {verb[0]}: {src}: ", WHAT[case])
    assert stdout == ""
    assert folder_listing(tmp_path) == ["map.json"]  # nothing written, no temp file left


def test_nesting_up_to_the_limit_loads_and_writes(tmp_path: Path) -> None:
    src = tmp_path / "map.json"
    # the topic's extra field starts at depth 3 (map, topics list, topic)
    src.write_text(json.dumps(small_map(note="N")).replace('"N"', nested(MAX_DEPTH - 3)))
    amap = load_map(src)
    save_map(amap, tmp_path / "again.json")
    assert load_map(tmp_path / "again.json") == amap


def test_paired_surrogates_are_text(tmp_path: Path) -> None:
    src = tmp_path / "map.json"
    src.write_text(json.dumps(small_map()).replace('"Tolls"', '"\\ud83d\\ude97 Tolls"'))
    assert load_map(src).topics[0].title == "\U0001f697 Tolls"


def test_error_lines_are_bounded() -> None:
    err = InputError("m.json", "bad " + "9" * 4000)
    assert len(str(err)) < MAX_LINE and str(err).endswith("…")


def test_writing_a_map_with_a_lone_surrogate_is_refused_by_name(tmp_path: Path) -> None:
    amap = ArgumentMap(topics=[Topic(id="t1", title="Tolls \ud800")],
                       nodes=[Node(id="n1", kind="claim", topic="t1", text="ok")])
    with pytest.raises(UnwritableMap, match=r"topics\.0\.title: lone surrogate U\+D800"):
        amap.to_json()
    target = tmp_path / "m.json"
    with pytest.raises(InputError, match=r"m\.json: cannot write: .*lone surrogate"):
        save_map(amap, target)
    assert folder_listing(tmp_path) == []


def test_writing_a_map_nested_too_deep_is_refused(tmp_path: Path) -> None:
    deep: list[Any] = []
    for _ in range(3 * MAX_DEPTH):
        deep = [deep]
    amap = ArgumentMap(topics=[Topic(id="t1", title="Tolls", note=deep)])
    with pytest.raises(InputError, match="nested more than"):
        save_map(amap, tmp_path / "m.json")
    assert folder_listing(tmp_path) == []


# ----- the loader fuzz ---------------------------------------------------------------------

SCALARS = (st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=8)
           | st.integers(min_value=-(10 ** 60), max_value=10 ** 60)
           | st.sampled_from(["\ud800", "a\udfffb", "\ud83d\ude97"]))
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=5) | st.just("\udc80"), inner, max_size=4), max_leaves=30)


def _wrap(text: str, depth: int, in_objects: bool) -> str:
    """``text`` nested ``depth`` levels deeper, written out (json.dumps itself would recurse)."""
    return ('{"k": ' * depth + text + "}" * depth) if in_objects else ("[" * depth + text + "]" * depth)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes | str:
    ensure_ascii = draw(st.booleans())
    text = json.dumps(draw(TREES), ensure_ascii=ensure_ascii)
    depth = draw(st.sampled_from([0, 1, 10, MAX_DEPTH - 5, MAX_DEPTH + 1, 300, 1000, 5000]))
    text = _wrap(text, depth, draw(st.booleans()))
    if draw(st.booleans()):  # hang it inside a map so that validation gets further
        base = small_map(span=[0, 1])
        place = draw(st.sampled_from(["map", "topic", "node", "span", "title"]))
        if place == "map":
            base["extra"] = "HERE"
        elif place == "topic":
            base["topics"][0]["extra"] = "HERE"
        elif place == "node":
            base["nodes"][0]["extra"] = "HERE"
        elif place == "span":
            base["topics"][0]["span"] = [0, "HERE"]
        else:
            base["topics"][0]["title"] = "HERE"
        text = json.dumps(base, ensure_ascii=ensure_ascii).replace('"HERE"', text)
    big = draw(st.sampled_from([None, 45, 5000]))
    if big is not None:
        text = text.replace('"Tolls pay for roads."', "9" * big)
    if draw(st.booleans()):
        return text
    return text.encode("utf-8", "surrogatepass") if draw(st.booleans()) else text.encode("utf-8", "replace")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=hostile_json())
def test_loader_fuzz_never_raises_anything_but_one_input_error(raw: bytes | str) -> None:
    old_limit = sys.getrecursionlimit()
    try:
        amap = map_from_json(raw, "fuzz.json")
    except InputError as exc:
        line = str(exc)
        assert line.startswith("fuzz.json: ") and "\n" not in line and len(line) < MAX_LINE
        line.encode("utf-8")  # printable as it is
        return
    assert sys.getrecursionlimit() == old_limit
    assert isinstance(amap, ArgumentMap)
    assert map_from_json(amap.to_json(), "again.json") == amap  # what loads, writes and loads again
