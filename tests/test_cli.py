"""The command line as a whole: help and version, '-' as standard input / output, the topics
verb and --topic, checked codes, one-line errors. Verb-specific behaviour is in
test_io_cli.py, test_render_cli.py, test_report_cli.py, test_checks.py and test_iccma.py."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.model import ArgumentMap, Edge, Node, Topic

ESSAY = ("Road tolls\n\nSupporters argue that tolls cut traffic in the centre. "
         "Critics warn that tolls hit poor commuters hardest. "
         "Advocates counter that rebates can protect low earners.\n")


def tolls_map() -> ArgumentMap:
    return ArgumentMap(
        topics=[Topic(id="t1", title="Road tolls"), Topic(id="t2", title="Parking fees"),
                Topic(id="t3", title="Bus lanes"), Topic(id="t4", title="BUS lanes")],
        nodes=[Node(id="n1", kind="claim", topic="t1", text="Tolls cut traffic."),
               Node(id="n2", kind="critique", topic="t1", text="Tolls hit the poor."),
               Node(id="n3", kind="critique", topic="t1", text="Tolls need cameras."),
               Node(id="n4", kind="rebuttal", topic="t1", text="Rebates help the poor."),
               Node(id="n5", kind="claim", topic="t2", text="Fees fund buses.")],
        edges=[Edge(source="n1", target="t1", relation="supports"), Edge(source="n2", target="n1", relation="attacks"),
               Edge(source="n3", target="t1", relation="attacks"), Edge(source="n4", target="n2", relation="attacks"),
               Edge(source="n5", target="t2", relation="supports")],
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "tolls.json"
    path.write_text(tolls_map().to_json())
    return path


@pytest.fixture
def essay_file(tmp_path: Path) -> Path:
    path = tmp_path / "tolls.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    return err


# ----- help and version ----------------------------------------------------------------


def listed_verbs(help_text: str) -> list[str]:
    section = help_text.split("Verbs:", 1)[1] if "Verbs:" in help_text else help_text.split("positional arguments:")[1]
    return re.findall(r"^  ([a-z]+) {2,}", section, flags=re.M)


def test_help_lists_exactly_the_verbs_that_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    help_text = capsys.readouterr().out
    verbs = listed_verbs(help_text)
    assert {"extract", "check", "topics", "render", "report", "export", "solve", "schema"} <= set(verbs)
    assert "convert" not in help_text
    for verb in verbs:
        assert main([verb, "--help"]) == 0, verb
        assert capsys.readouterr().out.startswith(f"Usage: argmap {verb} ")


def test_help_of_every_verb_loads_no_heavy_library() -> None:
    code = ("import sys\nfrom argmap.cli import main, VERBS\n"
            "for args in [['--help'], *([v, '--help'] for v in VERBS)]:\n"
            "    assert main(args) == 0, args\n"
            "print(sorted(m for m in ('spacy', 'networkx', 'graphviz') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_no_verb_shows_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().err.startswith("Usage: argmap [OPTIONS] VERB")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"argmap {version('argmap')}"


def test_export_help_names_exactly_the_formats_that_exist(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.formats import writable

    EXPORTERS = writable()

    assert main(["--help"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith("export"))
    assert "..." not in line and "(see --help)" in line
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    assert f"[{'|'.join(EXPORTERS)}]" in out
    assert all(re.search(rf"^\s+{fmt}\s+\S", out, re.M) for fmt in EXPORTERS)  # each one described


def test_every_exporter_is_reachable_and_the_framework_survives(map_file: Path, tmp_path: Path) -> None:
    from argmap.formats import writable

    EXPORTERS = writable()
    from argmap.formats.iccma import read_framework
    from argmap.semantics import framework_from_map

    expected = framework_from_map(tolls_map())
    assert {"json", "graphml", "apx", "tgf", "i23"} <= set(EXPORTERS)  # iccma's tgf and i23 writers too
    for fmt in EXPORTERS:
        out = tmp_path / f"out.{fmt}"
        assert main(["export", str(map_file), "--to", fmt, "-o", str(out)]) == 0, fmt
        assert out.stat().st_size > 0
        if fmt in ("apx", "tgf"):
            assert read_framework(out, fmt).attacks == expected.attacks
        if fmt == "i23":
            back = read_framework(out, fmt)  # arguments are numbered in map order
            assert [(expected.arguments[int(a) - 1], expected.arguments[int(b) - 1]) for a, b in back.attacks] \
                == list(expected.attacks)


def test_an_id_tgf_cannot_hold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "spaced.json"
    path.write_text(ArgumentMap(topics=[Topic(id="road tolls", title="T")]).to_json())
    assert main(["export", str(path), "--to", "tgf", "-o", str(tmp_path / "x.tgf")]) == 2
    assert str(path) in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "x.tgf").exists()


# ----- '-' is standard input and output -------------------------------------------------


def test_extract_reads_standard_input(essay_file: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["extract", str(essay_file)]) == 0
    from_file = ArgumentMap.from_json(capsys.readouterr().out)
    feed_stdin(monkeypatch, ESSAY.encode())
    assert main(["extract", "-"]) == 0
    from_stdin = ArgumentMap.from_json(capsys.readouterr().out)
    assert [(n.kind, n.text, n.span) for n in from_stdin.nodes] == [(n.kind, n.text, n.span) for n in from_file.nodes]
    assert from_stdin.nodes and from_stdin.documents[0].text == ESSAY


def test_dash_output_is_standard_output_not_a_file(essay_file: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["extract", str(essay_file), "-o", "-"],
                 ["export", str(essay_file), "--to", "json", "-o", "-"]):
        assert main(args) == 0, args
        assert ArgumentMap.from_json(capsys.readouterr().out).nodes
        assert not (tmp_path / "-").exists()


def test_an_existing_file_named_dash_is_left_alone(map_file: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("not a map, and not to be read or overwritten")
    feed_stdin(monkeypatch, map_file.read_bytes())
    assert main(["check", "-", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["file"] == "<stdin>" and report["counts"]["error"] == 0
    assert main(["extract", str(map_file.with_name("tolls.txt")), "-o", "-"]) == 2  # missing file: one line
    assert "no such file" in one_error_line(capsys.readouterr().err)
    assert (tmp_path / "-").read_text() == "not a map, and not to be read or overwritten"


@pytest.mark.parametrize("verb", [["topics"], ["check"], ["export", "--to", "apx"], ["solve", "-s", "grounded"],
                                  ["render", "--format", "dot", "--topic", "t2", "-o", "-"]])
def test_every_verb_reads_a_map_from_standard_input(verb: list[str], map_file: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, map_file.read_bytes())
    assert main([verb[0], "-", *verb[1:]]) in (0, 1)
    assert capsys.readouterr().out.strip()


def test_standard_input_is_one_input(essay_file: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, ESSAY.encode())
    assert main(["extract", "-", str(essay_file)]) == 0
    assert len(ArgumentMap.from_json(capsys.readouterr().out).documents) == 2
    feed_stdin(monkeypatch, ESSAY.encode())
    assert main(["extract", "-", "-"]) == 2
    assert "only once" in one_error_line(capsys.readouterr().err)


def test_bad_standard_input_is_named(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, b'{"schema": "argmap/1", "nodes": [1]}')
    assert main(["check", "-"]) == 2
    assert one_error_line(capsys.readouterr().err).startswith("argmap check: <stdin>: invalid map")


# ----- extract refuses a map ----------------------------------------------------------------


def test_extract_refuses_a_map_json(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "again.json"
    assert main(["extract", str(map_file), "-o", str(out)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert str(map_file) in err and "is an argmap map JSON, not a text" in err
    assert not out.exists()
    feed_stdin(monkeypatch, map_file.read_bytes())
    assert main(["extract", "-"]) == 2
    assert "<stdin>: is an argmap map JSON" in capsys.readouterr().err


def test_extract_takes_json_that_is_not_a_map_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text('{"note": "Critics warn that tolls hurt."}')
    assert main(["extract", str(notes)]) == 0
    assert ArgumentMap.from_json(capsys.readouterr().out).documents[0].text == notes.read_text()


def test_extract_with_an_extra_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    essay = tmp_path / "zorb.txt"
    essay.write_text("Tolls\n\nThe zorblings insist that tolls hurt.\n")
    lexicon = tmp_path / "zorb.json"
    lexicon.write_text(json.dumps({"actors": {"con": ["zorblings"]}}))
    assert main(["extract", str(essay)]) == 0
    assert ArgumentMap.from_json(capsys.readouterr().out).nodes == []
    assert main(["extract", str(essay), "--lexicon", str(lexicon)]) == 0
    assert [n.kind for n in ArgumentMap.from_json(capsys.readouterr().out).nodes] == ["critique"]


# ----- topics and --topic ---------------------------------------------------------------


def test_topics_lists_ids_titles_and_counts(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", str(map_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "CLAIMS", "CRITIQUES", "REBUTTALS", "TITLE"]
    assert lines[1].split() == ["t1", "1", "2", "1", "Road", "tolls"]
    assert lines[2].split() == ["t2", "1", "0", "0", "Parking", "fees"]
    assert len(lines) == 5
    assert main(["topics", str(map_file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"id": "t1", "title": "Road tolls", "document": None, "section": None,
                       "claims": 1, "critiques": 2, "rebuttals": 1}


def test_topics_of_a_text(essay_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", str(essay_file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["claims"], r["critiques"], r["rebuttals"]) for r in rows] == [("Road tolls", 1, 1, 1)]


@pytest.mark.parametrize("wanted", ["t2", "Parking fees", "parking FEES", " Parking   fees "])
def test_topic_by_id_or_title(wanted: str, map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "d"
    assert main(["render", str(map_file), "-o", str(out), "--format", "dot", "--topic", wanted]) == 0
    assert [p.name for p in out.iterdir()] == ["t2-parking-fees.dot"]


@pytest.mark.parametrize(("wanted", "message"), [
    ("bus lanes", "several topics are titled 'bus lanes'; give one of their ids: t3 'Bus lanes', t4 'BUS lanes'"),
    ("Tolls", "no topic 'Tolls' (by id or title); topics: t1 'Road tolls', t2 'Parking fees', t3"),
])
def test_unknown_or_ambiguous_topic_lists_the_choices(wanted: str, message: str, map_file: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "d"), "--format", "dot", "--topic", wanted]) == 2
    assert message in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "d").exists()


# ----- check codes, exit status ---------------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_check_refuses_unknown_codes(option: str, map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.checks import CHECKS

    assert main(["check", str(map_file), option, "AM1,XYZ"]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert "unknown check code 'XYZ'" in err and ", ".join(CHECKS) in err
    assert main(["check", str(map_file), option, "am1, AM30"]) in (0, 1)  # prefixes, any case


def test_check_exits_1_only_for_error_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(tolls_map().to_json())
    bad = tmp_path / "bad.json"
    bad.write_text(ArgumentMap(topics=[Topic(id="t", title="T")],
                               nodes=[Node(id="n", kind="critique", topic="t", text="x")],
                               edges=[Edge(source="n", target="n", relation="attacks")]).to_json())
    assert main(["check", str(good)]) == 0
    assert "info" in capsys.readouterr().out  # findings, but no error among them
    assert main(["check", str(bad)]) == 1


# ----- errors are one line ------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["render", "{map}", "-o", "{tmp}/d", "--font-size", "big"],
    ["render", "{map}", "-o", "{tmp}/d", "--no-such-option"],
    ["export", "{map}", "--to", "yaml"],
    ["render", "{map}"],
    ["no-such-verb"],
])
def test_usage_errors_are_one_line_and_exit_2(args: list[str], map_file: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.format(map=map_file, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    err = one_error_line(capsys.readouterr().err)
    assert err.startswith("argmap") and "--help" in err


def test_an_unwritable_output_is_one_line(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(map_file), "--to", "json", "-o", str(blocker / "out.json")]) == 2
    assert str(blocker / "out.json") in one_error_line(capsys.readouterr().err)
    assert main(["render", str(map_file), "-o", str(blocker), "--format", "dot"]) == 2
    assert "not a folder" in one_error_line(capsys.readouterr().err)
    assert blocker.read_text() == "x"
