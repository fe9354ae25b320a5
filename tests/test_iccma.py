"""ICCMA formats and ``argmap solve``: readers/writers, bad files, and reference solutions."""

from __future__ import annotations

import io
import json
import re
import subprocess
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


def _outcome(read, text: str) -> object:  # type: ignore[no-untyped-def]
    """What a reader makes of ``text``: the framework's arguments and attacks, or its error."""
    try:
        af = read(text, "f")
    except InputError as exc:
        return str(exc)
    return af.arguments, af.attacks


# Pieces of framework files, well formed and not: the fast readers (a few C passes over the
# whole text) must read exactly what the line-by-line readers read, and give up otherwise.
_SPACE = st.sampled_from(["", " ", "  ", "\t", "\n", "\r\n", "\n\n", " \n ", "\r", "\x0b", "\x1c", "\xa0"])
_TOKEN = st.sampled_from(["1", "2", "3", "03", "0", "4", "12", "a", "b", "x y", "#", "-1", "1.5", "é"])


@st.composite
def noisy_lines(draw: st.DrawFn, header: str) -> str:
    lines = [header]
    for _ in range(draw(st.integers(0, 8))):
        fields = draw(st.lists(_TOKEN, min_size=0, max_size=3))
        lines.append(draw(_SPACE) + draw(_SPACE).join(fields or [""]) + draw(_SPACE))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n", " "]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(noisy_lines("p af 4"), noisy_lines(" p af 12 "), noisy_lines("# c\np af 3"),
                 noisy_lines("#\x0b1\r\np af 2")))
def test_fast_i23_reader_reads_what_the_line_reader_reads(text: str) -> None:
    from argmap.formats.iccma import _i23_fast, _i23_lines

    fast = _i23_fast(text)
    if fast is not None:
        assert (fast.arguments, fast.attacks) == _outcome(_i23_lines, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_TOKEN, max_size=3), max_size=5), st.sampled_from(["#", " # ", "#\r", "# x"]),
       st.lists(st.lists(_TOKEN, max_size=3), max_size=6), _SPACE, _SPACE)
def test_fast_tgf_reader_reads_what_the_line_reader_reads(head: list[list[str]], hash_line: str,
                                                          tail: list[list[str]], gap: str, end: str) -> None:
    from argmap.formats.iccma import _tgf_fast, _tgf_lines

    text = "\n".join([*(gap.join(f) for f in head), hash_line, *(" ".join(f) + end for f in tail)])
    fast = _tgf_fast(text)
    if fast is not None:
        assert (fast.arguments, fast.attacks) == _outcome(_tgf_lines, text)


_APX_NAME = st.sampled_from(["a", "b", "c1", "A-2", "é", "a", "b", "x y", "", '"q"', "a.b"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["arg", "att", "ar g", "arg"]), st.lists(_APX_NAME, min_size=1, max_size=2),
                          st.sampled_from(["", " ", "\n", "\t", "\r\n", "\xa0", "\x1f", "%"]),
                          st.sampled_from([".", ".", ". ", " .", "", ".."])), min_size=1, max_size=6),
       st.booleans())
def test_fast_apx_reader_reads_what_the_line_reader_reads(statements: list[tuple[str, list[str], str, str]],
                                                          declare: bool) -> None:
    from argmap.formats.iccma import _apx_fast, _apx_lines

    text = "".join(f"{kind}({(',' + gap).join(names)}){stop}{gap}" for kind, names, gap, stop in statements)
    if declare:  # every name declared first, so more texts are well formed
        text = "".join(f"arg({name}).\n" for _, names, _, _ in statements for name in names) + text
    fast = _apx_fast(text)
    if fast is not None:
        assert (fast.arguments, fast.attacks) == _outcome(_apx_lines, text)


def test_fast_readers_take_the_common_files() -> None:
    """The fast paths do take the files ICCMA writes (else the tests above prove nothing)."""
    from argmap.formats.iccma import _apx_fast, _i23_fast, _tgf_fast

    assert _i23_fast("p af 3\n1 2\n2 3\n# c\n3 1\n").attacks == (("1", "2"), ("2", "3"), ("3", "1"))
    assert _i23_fast("p af 3\r\n1\t2\r\n\r\n 2  3 \r\n") is not None
    assert _tgf_fast("a\nb\n#\na b\nb a\n").attacks == (("a", "b"), ("b", "a"))
    assert _apx_fast("arg(a).\narg(é).\natt(a, é).\n").attacks == (("a", "é"),)
    assert _apx_fast("arg(a).arg(b).att(a,b).").attacks == (("a", "b"),)


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


def test_solving_a_framework_file_loads_no_model_library(tmp_path: Path) -> None:
    # an ICCMA harness starts one process per query: pydantic, spaCy and networkx would
    # cost more than solving a small framework
    (tmp_path / "af.txt").write_text("p af 3\n1 2\n2 3\n")
    code = ("import sys\nfrom argmap.cli import main\n"
            f"assert main(['solve', '-p', 'DC-PR', '-f', {str(tmp_path / 'af.txt')!r}, '-a', '3']) == 0\n"
            "print(sorted(m for m in ('pydantic', 'spacy', 'networkx', 'argmap.model') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["YES", "w 1 3", "[]"]


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
