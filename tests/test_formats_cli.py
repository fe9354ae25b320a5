"""The formats on the command line: ``argmap import``, ``argmap export --to``, and every verb
reading any readable format by its ending, its content or ``--from``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats import generate
from argmap.model import ArgumentMap, Edge, Node, Topic

ARGDOWN = "# Road tolls\n\n[Tolls]: Cities should charge road tolls.\n  - [Unfair]: Tolls hit poor drivers.\n" \
          "    - [Rebates]: Rebates return the money.\n"


def tolls() -> ArgumentMap:
    return ArgumentMap(topics=[Topic(id="t1", title="Road tolls")],
                       nodes=[Node(id="a", kind="claim", topic="t1", text="Tolls cut traffic.", actor="Planners"),
                              Node(id="b", kind="critique", topic="t1", text="They hurt the poor.")],
                       edges=[Edge(source="a", target="t1", relation="supports"),
                              Edge(source="b", target="a", relation="attacks")])


def test_import_writes_a_map_json(tmp_path: Path) -> None:
    src = tmp_path / "debate.argdown"
    src.write_text(ARGDOWN)
    assert main(["import", str(src), "-o", str(tmp_path / "m.json")]) == 0
    m = ArgumentMap.from_json((tmp_path / "m.json").read_text())
    assert [(n.id, n.kind) for n in m.nodes] == [("Tolls", "claim"), ("Unfair", "critique"), ("Rebates", "rebuttal")]


def test_from_names_the_format_whatever_the_ending(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "debate.data"
    src.write_text(ARGDOWN)
    assert main(["import", str(src)]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["topics", str(src), "--from", "argdown"]) == 0
    assert "Road tolls" in capsys.readouterr().out
    assert main(["import", str(src), "--from", "yaml"]) == 2
    assert "unknown format 'yaml'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["argdown", "aif", "kialo", "graphml", "nodelink", "json"])
def test_every_verb_reads_every_whole_map_format(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / {"argdown": "m.argdown", "aif": "m.json", "kialo": "m.txt", "graphml": "m.graphml",
                      "nodelink": "m.json", "json": "m.json"}[fmt]
    src.write_text(generate(tolls(), fmt))
    assert main(["topics", str(src), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["claims"], r["critiques"]) for r in rows] == [(1, 1)]
    assert main(["check", str(src)]) in (0, 1)
    assert main(["export", str(src), "--to", "mermaid", "-o", str(tmp_path / "m.mermaid.md")]) == 0
    assert "```mermaid" in (tmp_path / "m.mermaid.md").read_text()


def test_export_takes_the_format_from_the_output_name(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text(tolls().to_json())
    assert main(["export", str(tmp_path / "m.json"), "-o", str(tmp_path / "m.argdown")]) == 0
    assert "[a]: Tolls cut traffic. #claim" in (tmp_path / "m.argdown").read_text()
    assert main(["export", str(tmp_path / "m.json"), "-o", str(tmp_path / "m.unknown")]) == 2
    assert not (tmp_path / "m.unknown").exists()


def test_edit_round_trip_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text(tolls().to_json())
    assert main(["export", str(tmp_path / "m.json"), "--to", "argdown", "-o", str(tmp_path / "m.argdown")]) == 0
    text = (tmp_path / "m.argdown").read_text().replace("#critique", "#rebuttal")
    (tmp_path / "m.argdown").write_text(text)
    assert main(["import", str(tmp_path / "m.argdown"), "-o", str(tmp_path / "back.json")]) == 0
    back = ArgumentMap.from_json((tmp_path / "back.json").read_text())
    assert back.node("b").kind == "rebuttal" and back.node("a").actor == "Planners"


def test_warnings_go_to_stderr_and_the_map_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "u.argdown"
    src.write_text("[a]: x\n  _ <b>: An undercut.\n")
    assert main(["import", str(src)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["edges"][0]["argdown_relation"] == "undercut"
    assert err.startswith("argmap import: warning: ") and "undercut" in err


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.argdown", "[a]: x\n\n  + [b]: y\n", "bad.argdown:3:3: relation '+' has nothing to attach to"),
        ("bad.txt", "Discussion Title: T\n\n1. T\n1.3.1. Pro: y\n", "bad.txt:4:1: claim 1.3.1. comes before"),
        ("bad.graphml", "<graphml>\n<graph>", "bad.graphml:2:8: not well-formed XML"),
        ("bad.xml", "<arggraph>\n<edu id='e1'>", "bad.xml:2:14: not well-formed XML"),
    ],
)
def test_a_malformed_file_is_one_line_and_no_output(name: str, content: str, where: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / name
    src.write_text(content)
    out = tmp_path / "out.json"
    assert main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"argmap import: {tmp_path / where}")
    assert not out.exists()
