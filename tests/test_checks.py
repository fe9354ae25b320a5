"""The check catalogue: one map that triggers each check and one that does not, properties
on random maps, filtering, and ``argmap check``."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.checks import CHECKS, NEAR_DUPLICATE_JACCARD, Finding, register, run_checks
from argmap.cli import main
from argmap.model import ArgumentMap, Document, Edge, Node, Topic

KIND = {"k": "claim", "c": "critique", "r": "rebuttal"}


def mk(edges: str = "", nodes: str = "", topics: str = "t", texts: dict[str, str] | None = None,
       doc: str | None = None, spans: dict[str, tuple[int, int]] | None = None) -> ArgumentMap:
    """A map from a compact spec: node ids start with their kind letter (k claim, c critique,
    r rebuttal) and belong to the first topic; edges are ``"c1>t k1+t"`` (``>`` attacks,
    ``+`` supports)."""
    texts, spans = texts or {}, spans or {}
    ids = dict.fromkeys(nodes.split())
    pairs = []
    for spec in edges.split():
        rel = "attacks" if ">" in spec else "supports"
        s, t = spec.split(">" if rel == "attacks" else "+")
        pairs.append((s, t, rel))
        for end in (s, t):
            if end not in topics.split():
                ids.setdefault(end)
    topic_list = topics.split()
    return ArgumentMap(
        documents=[Document(id="d", text=doc)] if doc is not None else [],
        topics=[Topic(id=t, title=f"Topic {t}") for t in topic_list],
        nodes=[Node(id=i, kind=KIND[i[0]], topic=topic_list[0], text=texts.get(i, f"statement {i}"),
                    span=spans.get(i)) for i in ids],
        edges=[Edge(source=s, target=t, relation=rel) for s, t, rel in pairs],
    )


TEN = "road tolls cut traffic in dense city centres during rush hours"
CASES: dict[str, tuple[ArgumentMap, ArgumentMap]] = {
    "AM101": (mk("c1>c1 c1>t"), mk("c1>t")),
    "AM102": (mk("k1>t"), mk("c1>t k1+t")),
    "AM103": (mk("c1+k1 k1+t"), mk("k1+t")),
    "AM104": (mk("c2>c1 c1>t"), mk("r1>c1 c1>t")),
    "AM105": (mk("k1+c1 c1>t"), mk("k1+k2 k2+t")),
    "AM106": (mk("c1+k1 c1>k1"), mk("c1>k1")),
    "AM107": (mk("k1+k2 k2+k3 k3+k1"), mk("k1+k2 k2+t")),
    "AM108": (mk(nodes="k1", texts={"k1": "Hello"}, doc="Hello world", spans={"k1": (0, 4)}),
              mk(nodes="k1", texts={"k1": "Hello"}, doc="Hello world", spans={"k1": (0, 5)})),
    "AM201": (mk("c1>t", nodes="r1"), mk("c1>t r1>c1")),
    "AM202": (mk(nodes="c1 k1"), mk("c1>k1")),
    "AM203": (mk("c1>r1 r1>c2 c2>c1"), mk("c1>r1 r1>c1")),
    "AM204": (mk(nodes="k1 k2", texts={"k1": "Tolls hurt the poor.", "k2": "tolls  hurt the POOR"}),
              mk(nodes="k1 k2", texts={"k1": "Tolls hurt the poor.", "k2": "Tolls help the poor."})),
    "AM205": (mk(nodes="k1 k2", texts={"k1": TEN, "k2": TEN + " mostly"}),
              mk(nodes="k1 k2", texts={"k1": TEN, "k2": TEN + " mostly today"})),
    "AM301": (mk("c1>t k1+t"), mk("c1>t r1>c1")),
    "AM302": (mk("k1+t"), mk("k1+t c1>k1")),
    "AM303": (mk("c1>t"), mk("c1>t r1>c1")),
    "AM304": (mk("c1>t"), mk("c1>t r1>c1")),
    "AM305": (mk("c1>t r1>c1 c1>r1"), mk("c1>t r1>c1")),
}


def test_every_check_has_a_case() -> None:
    assert set(CASES) == {code for code in CHECKS if code.startswith("AM")}


@pytest.mark.parametrize("code", sorted(CASES))
def test_check_triggers_on_its_map_only(code: str) -> None:
    bad, good = CASES[code]
    found = run_checks(bad, select=[code])
    assert found and all(f.code == code and f.severity == CHECKS[code].severity for f in found)
    ids = {i for f in found for i in f.ids}
    assert ids <= {item.id for item in bad.iter_items()} and ids
    assert run_checks(good, select=[code]) == []


def test_messages_carry_the_details() -> None:
    [cycle] = run_checks(CASES["AM203"][0], select=["AM203"])
    assert cycle.message.startswith("odd attack cycle of length 3: 'c1' attacks 'r1' attacks 'c2' attacks 'c1'")
    assert cycle.ids == ("c1", "r1", "c2") and "(undecided under grounded semantics)" in cycle.message
    [settled] = run_checks(mk("c1>r1 r1>c2 c2>c1 r2>c1"), select=["AM203"])
    assert "settled only by attacks from outside it" in settled.message
    [out] = run_checks(CASES["AM304"][0], select=["AM304"])
    assert out.ids == ("t", "c1") and "defeated under grounded semantics by 'c1'" in out.message
    [dup] = run_checks(CASES["AM204"][0], select=["AM204"])
    assert dup.ids == ("k1", "k2")
    # r1 answers c1, but c2 defeats r1: c1 stands again, and c2 stands unanswered
    reinstated, unanswered = run_checks(mk("c1>t r1>c1 c2>r1"), select=["AM301"])
    assert reinstated.ids == ("c1",) and "its answers are themselves defeated" in reinstated.message
    assert unanswered.ids == ("c2",) and "nothing answers it" in unanswered.message
    assert run_checks(mk("c1>t r1>c1 c2>r1 r2>c2"), select=["AM301"]) == []


def test_stance_checks_do_not_double_report() -> None:
    codes = [f.code for f in run_checks(mk("k1>k1 c1+k1 c1>k1"), select=["AM1"])]
    assert codes == ["AM101", "AM103", "AM106"]


def test_odd_cycle_inside_a_bigger_component() -> None:
    # a 2-cycle glued to a 5-cycle: one finding, with a genuine odd cycle from the component
    m = mk("c1>c2 c2>c1 c2>c3 c3>c4 c4>c5 c5>c6 c6>c2")
    [f] = run_checks(m, select=["AM203"])
    assert len(f.ids) == 5 and "6 statements attack each other" in f.message


@st.composite
def attack_graphs(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(1, 7))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=14))
    return mk(" ".join(f"c{s}>c{t}" for s, t in pairs), nodes=" ".join(f"c{i}" for i in range(n)))


@settings(max_examples=200, deadline=None)
@given(attack_graphs())
def test_odd_cycle_check_agrees_with_cycle_enumeration(m: ArgumentMap) -> None:
    g = nx.DiGraph([(e.source, e.target) for e in m.edges if e.source != e.target])
    odd = [c for c in nx.simple_cycles(g) if len(c) % 2]
    found = run_checks(m, select=["AM203"])
    assert bool(found) == bool(odd)
    for f in found:
        cyc = list(f.ids)
        assert len(cyc) % 2 == 1 and len(set(cyc)) == len(cyc)
        assert all(g.has_edge(cyc[i], cyc[(i + 1) % len(cyc)]) for i in range(len(cyc)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghijkl"), min_size=1, max_size=12), min_size=2, max_size=8))
def test_near_duplicates_match_pairwise_comparison(word_lists: list[list[str]]) -> None:
    texts = {f"k{i}": " ".join(ws) for i, ws in enumerate(word_lists)}
    m = mk(nodes=" ".join(texts), texts=texts)
    sets = {k: frozenset(v.split()) for k, v in texts.items()}
    firsts: dict[frozenset[str], str] = {}
    for k, s in sets.items():
        firsts.setdefault(s, k)
    expected = {frozenset((a, b)) for a, b in combinations(firsts.values(), 2)
                if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= NEAR_DUPLICATE_JACCARD}
    assert {frozenset(f.ids) for f in run_checks(m, select=["AM205"])} == expected


@settings(max_examples=150, deadline=None)
@given(argument_maps())
def test_checks_never_crash_and_name_real_ids(m: ArgumentMap) -> None:
    ids = {item.id for item in m.iter_items()}
    for f in run_checks(m):
        assert isinstance(f, Finding) and f.code in CHECKS and f.severity == CHECKS[f.code].severity
        assert set(f.ids) <= ids and f.message


def test_select_and_ignore_take_code_prefixes() -> None:
    m = mk("k1>k1 k2>t c1>t")
    all_codes = {f.code for f in run_checks(m)}
    assert {"AM101", "AM102", "AM304"} <= all_codes
    assert {f.code for f in run_checks(m, select=["am1"])} == {c for c in all_codes if c.startswith("AM1")}
    assert {f.code for f in run_checks(m, ignore=["AM3", "AM102"])} == {
        c for c in all_codes if not c.startswith("AM3") and c != "AM102"}
    assert run_checks(m, select=[]) == []


def test_register_rejects_bad_codes_and_severities() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register("AM101", "error", "again")(lambda ctx: [])
    with pytest.raises(ValueError, match="severity"):
        register("X999", "fatal", "nope")  # type: ignore[arg-type]


# ----- CLI --------------------------------------------------------------------------------


def test_cli_exit_codes_and_grouped_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad, good = CASES["AM104"]
    bad.save(str(tmp_path / "bad.json"))
    good.save(str(tmp_path / "good.json"))
    assert main(["check", str(tmp_path / "bad.json")]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{tmp_path / 'bad.json'}: 1 error, ")
    assert ("errors:\n  AM104 con-attacks-con: critique 'c2' (\"statement c2\") attacks critique 'c1' "
            "(\"statement c1\") (con attacks con)") in out
    assert out.index("errors:") < out.index("info:")
    assert main(["check", str(tmp_path / "good.json")]) == 0
    assert "errors:" not in capsys.readouterr().out
    assert main(["check", str(tmp_path / "bad.json"), "--ignore", "AM104"]) == 0
    capsys.readouterr()
    assert main(["check", str(tmp_path / "bad.json"), "--json", "--select", "AM104,AM3"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["error"] == 1 and {f["code"] for f in data["findings"]} == {"AM104", "AM301", "AM303"}
    assert data["findings"][0] == {"code": "AM104", "name": "con-attacks-con", "severity": "error",
                                   "message": "critique 'c2' (\"statement c2\") attacks critique 'c1' (\"statement c1\") "
                                   "(con attacks con)", "ids": ["c2", "c1"]}


def test_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.json").write_text('{"schema": "argmap/1", "nodes": [{"id": "n"}]}')
    assert main(["check", str(tmp_path / "broken.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(tmp_path / "broken.json") in err[0]
