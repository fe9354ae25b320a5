"""ICCMA formats and ``argmap solve``: readers/writers, bad files, and reference solutions."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import requires_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import InputError
from argmap.formats import generate
from argmap.formats.iccma import (
    dumps_apx,
    dumps_i23,
    dumps_tgf,
    format_extensions,
    loads_apx,
    loads_i23,
    loads_tgf,
    read_framework,
)
from argmap.model import ArgumentMap, Edge, Node, Topic
from argmap.semantics import Framework, extensions, framework_from_map

ICCMA = Path("data") / "iccma"


def parse_solution(path: Path) -> set[frozenset[str]]:
    """Reference solutions: the first line is ``[[a,b],[c]]`` (a trailing count line may follow)."""
    first = path.read_text().strip().splitlines()[0].strip()
    assert first.startswith("[") and first.endswith("]"), first
    return {frozenset(x for x in inner.split(",") if x) for inner in re.findall(r"\[([^\[\]]*)\]", first[1:-1])}


# ----- round trips --------------------------------------------------------------------

names = st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=8, unique=True)


@st.composite
def named_frameworks(draw: st.DrawFn, name_strategy: st.SearchStrategy[list[str]] = names) -> Framework:
    args = draw(name_strategy)
    pairs = draw(st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)), max_size=12))
    return Framework(args, pairs)


@settings(max_examples=200, deadline=None)
@given(named_frameworks())
def test_apx_round_trip_with_any_names(af: Framework) -> None:
    back = loads_apx(dumps_apx(af))
    assert back.arguments == af.arguments and back.attacks == af.attacks


@settings(max_examples=100, deadline=None)
@given(named_frameworks(st.lists(st.from_regex(r"[A-Za-z0-9_.\-]{1,6}", fullmatch=True).filter(lambda s: s != "#"),
                                 min_size=1, max_size=8, unique=True)))
def test_tgf_and_i23_round_trips(af: Framework) -> None:
    back = loads_tgf(dumps_tgf(af))
    assert back.arguments == af.arguments and back.attacks == af.attacks
    numbered = loads_i23(dumps_i23(af))
    assert len(numbered) == len(af)
    assert [(af.arguments[int(s) - 1], af.arguments[int(t) - 1]) for s, t in numbered.attacks] == list(af.attacks)


def test_apx_reader_accepts_comments_spacing_and_quotes() -> None:
    af = loads_apx('% header\narg(a). arg( "x, y" ).\n\natt( a , "x, y" ).  % a attacks "x, y"\narg("100%").\n')
    assert af.arguments == ("a", "x, y", "100%") and af.attacks == (("a", "x, y"),)


def test_tgf_ignores_node_labels() -> None:
    assert loads_tgf("1 first\n2 second\n#\n1 2 label\n").attacks == (("1", "2"),)


@pytest.mark.parametrize(
    ("loader", "text", "message"),
    [
        (loads_apx, "", "f: no arguments (empty framework file)"),
        (loads_apx, "% only a comment\n", "f: no arguments"),
        (loads_apx, "arg(a).\natt(a,b).\n", "f:2: attack names undeclared argument 'b'"),
        (loads_apx, "arg(a).\narg(b)\n", "f:2: not an apx statement"),
        (loads_apx, "arg(a,b).\n", "f:1: arg(...) takes one argument"),
        (loads_apx, "arg(a).\natt(a).\n", "f:2: att(...) takes two arguments"),
        (loads_tgf, "", "f: no arguments"),
        (loads_tgf, "a\n#\na c\n", "f:3: attack names undeclared argument 'c'"),
        (loads_tgf, "a\n#\na\n", "f:3: expected an attack"),
        (loads_i23, "", "f: no 'p af N' header"),
        (loads_i23, "# c\n1 2\n", "f:2: expected the header 'p af N'"),
        (loads_i23, "p af 2\n1 3\n", "f:2: attack 1 3 names an argument outside 1..2"),
        (loads_i23, "p af 2\n1 x\n", "f:2: expected an attack 'i j'"),
    ],
)
def test_bad_framework_text_names_file_and_line(loader, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        loader(text, "f")
    assert str(err.value).startswith(message)


def test_format_extensions_quotes_only_what_breaks_the_syntax() -> None:
    af = Framework(["b", "a,1", "A"], [])
    assert format_extensions(af, [frozenset({"A", "a,1", "b"})]) == '[[b,"a,1",A]]'
    assert format_extensions(af, []) == "[]"


# ----- maps -----------------------------------------------------------------------------


def odd_id_map() -> ArgumentMap:
    return ArgumentMap(
        topics=[Topic(id="Topic 1", title="T")],
        nodes=[Node(id='say "no"', kind="critique", topic="Topic 1", text="x"),
               Node(id="r\\1", kind="rebuttal", topic="Topic 1", text="y")],
        edges=[Edge(source='say "no"', target="Topic 1", relation="attacks"),
               Edge(source="r\\1", target='say "no"', relation="attacks"),
               Edge(source="r\\1", target="Topic 1", relation="supports")],
    )


def test_map_exports_to_apx_and_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = odd_id_map()
    back = loads_apx(generate(m, "apx"))
    assert back.arguments == framework_from_map(m).arguments and back.attacks == framework_from_map(m).attacks
    m.save(str(tmp_path / "m.json"))
    assert main(["export", str(tmp_path / "m.json"), "--to", "apx", "-o", str(tmp_path / "m.apx")]) == 0
    assert read_framework(tmp_path / "m.apx").attacks == back.attacks
    assert main(["solve", str(tmp_path / "m.json"), "--semantics", "grounded", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"semantics": "grounded", "extensions": [["Topic 1", "r\\1"]]}


def test_solve_prints_iccma_syntax_and_sniffs_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "af.txt").write_text("p af 3\n1 2\n2 1\n")
    assert main(["solve", str(tmp_path / "af.txt"), "-s", "preferred"]) == 0
    assert capsys.readouterr().out == "[[1,3],[2,3]]\n"
    (tmp_path / "g.apx").write_text("arg(x).arg(y).att(x,y).")
    assert main(["solve", str(tmp_path / "g.apx"), "-s", "grounded"]) == 0
    assert capsys.readouterr().out == "[[x]]\n"
    assert main(["solve", str(tmp_path / "g.apx"), "-s", "stable", "--format", "apx"]) == 0
    assert capsys.readouterr().out == "[[x]]\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("e.apx", "", "e.apx: no arguments"), ("u.tgf", "a\n#\na b\n", "u.tgf:3: attack names undeclared"),
     ("s.af", "p af 1\n1 1 1\n", "s.af:2: expected an attack"), ("none.apx", None, "none.apx: no such file")],
)
def test_solve_bad_files_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              name: str, content: str | None, message: str) -> None:
    if content is not None:
        (tmp_path / name).write_text(content)
    assert main(["solve", str(tmp_path / name), "-s", "grounded"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"argmap solve: {tmp_path}/{message}")


def test_solve_limit_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c.af").write_text("p af 20\n" + "".join(f"{i} {i + 1}\n{i + 1} {i}\n" for i in range(1, 20, 2)))
    assert main(["solve", str(tmp_path / "c.af"), "-s", "complete", "--limit", "5"]) == 2
    assert "raise the limit" in capsys.readouterr().err


# ----- reality: ICCMA instances with reference solutions -------------------------------

PROBO_TASKS = [(ex, fmt, sem) for ex in ("ex1", "ex2", "ex3") for fmt in ("apx", "tgf")
               for sem in ("GR", "CO", "PR", "ST")]
SEMANTICS = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable"}


@requires_shared
@pytest.mark.parametrize(("ex", "fmt", "code"), PROBO_TASKS)
def test_probo_examples_match_reference(shared_dir: Path, ex: str, fmt: str, code: str) -> None:
    base = shared_dir / ICCMA / "probo-examples"
    af = read_framework(base / f"{ex}.{fmt}")
    expected = parse_solution(base / "solutions" / f"{ex}.apx.EE-{code}")
    assert set(extensions(af, SEMANTICS[code])) == expected


@requires_shared
def test_medium_instance_matches_reference(shared_dir: Path) -> None:
    base = shared_dir / ICCMA / "iccma2019-Medium-result-b1"
    af = read_framework(base / "Medium-result-b1.apx")
    assert len(af) == 438
    tgf = read_framework(base / "Medium-result-b1.tgf")
    assert set(tgf.attacks) == set(af.attacks)
    ref = base / "reference" / "iccma-2019-Medium-result-b1.apx"
    stable = extensions(af, "stable")
    assert len(stable) == len(set(stable)) and set(stable) == parse_solution(Path(f"{ref}-EE-ST.out"))
    complete = extensions(af, "complete")
    assert len(complete) == len(set(complete)) and set(complete) == parse_solution(Path(f"{ref}-EE-CO.out"))


@requires_shared
@pytest.mark.parametrize("name", ["admbuster_1000.af", "a1210993_20150717_0403.gml.80.af"])
def test_i23_instances_load_and_ground(shared_dir: Path, name: str) -> None:
    path = shared_dir / ICCMA / "iccma-af-i23" / name
    sizes = {json.loads(line)["file"]: json.loads(line) for line in (shared_dir / ICCMA / "sizes.jsonl").open()}
    af = read_framework(path)
    stats = sizes[f"iccma-af-i23/{name}"]
    assert len(af) == stats["arguments"] and len(af.attacks) == stats["distinct_attacks"]
    ext = extensions(af, "grounded")[0]
    attacked = {t for s, t in af.attacks if s in ext}
    assert not ext & attacked, "grounded extension is conflict-free"
    unattacked = {a for a in af.arguments} - {t for _, t in af.attacks}
    assert unattacked <= ext and len(unattacked) == stats["unattacked_arguments"]


def test_solve_reads_a_framework_on_standard_input(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"arg(a).\narg(b).\natt(a,b).\n")))
    assert main(["solve", "-", "-s", "grounded"]) == 0
    assert capsys.readouterr().out.strip() == "[[a]]"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"p af 2\n2 3\n")))
    assert main(["solve", "-", "-s", "grounded"]) == 2
    assert capsys.readouterr().err.startswith("argmap solve: <stdin>:")
