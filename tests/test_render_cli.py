"""``argmap render``: files per topic plus overview, options, and clean failures."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.model import ArgumentMap, Edge, Node, Topic
from conftest import requires_shared
from test_render import bike_map

requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "bikes.json"
    bike_map().save(str(path))
    return path


@requires_dot
def test_one_file_per_topic_plus_overview(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", str(map_file), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["overview.svg", "t1-bike-lanes-on-main-street.svg", "t2-parking-fees.svg"]
    for p in out.iterdir():
        ET.parse(p)
    assert capsys.readouterr().out.split() == [str(out / n) for n in
                                               ["t1-bike-lanes-on-main-street.svg", "t2-parking-fees.svg", "overview.svg"]]


@requires_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")])
def test_formats_and_single_topic(map_file: Path, tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / fmt
    assert main(["render", str(map_file), "-o", str(out), "--format", fmt, "--topic", "T2", "--theme", "print"]) == 0
    files = list(out.iterdir())
    assert [p.name for p in files] == [f"t2-parking-fees.{fmt}"]
    assert files[0].read_bytes().startswith(magic)


def test_graph_attrs_reach_the_dot(map_file: Path, tmp_path: Path) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "d"), "--format", "dot", "--topic", "T1",
                 "--graph-attr", "rankdir=LR", "--graph-attr", "fontname=Courier New"]) == 0
    text = (tmp_path / "d" / "t1-bike-lanes-on-main-street.dot").read_text()
    assert "rankdir=LR" in text and 'fontname="Courier New"' in text


@pytest.mark.parametrize(("extra", "message"), [
    (["--topic", "T9"], "no topic 'T9' (by id or title); topics: T1 'Bike lanes on Main Street', T2"),
    (["--theme", "neon"], "unknown theme 'neon'"),
])
def test_bad_options_are_one_line_and_exit_2(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             extra: list[str], message: str) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "o"), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_missing_graphviz_fails_in_one_line_but_dot_works(map_file: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    assert main(["render", str(map_file), "-o", str(tmp_path / "svg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install graphviz" in err
    assert not (tmp_path / "svg").exists()
    assert main(["render", str(map_file), "-o", str(tmp_path / "dot"), "--format", "dot"]) == 0
    assert len(list((tmp_path / "dot").iterdir())) == 3


@requires_dot
def test_a_topic_past_the_time_limit_is_a_summary_box(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = 70
    nodes = [Node(id=f"n{i}", kind="claim", topic="t", text=f"s{i}") for i in range(n)]
    edges = [Edge(source=f"n{i}", target=f"n{j}", relation="attacks") for i in range(n) for j in range(n) if i != j]
    path = tmp_path / "dense.json"
    ArgumentMap(topics=[Topic(id="t", title="Dense")], nodes=nodes, edges=edges).save(str(path))
    assert main(["render", str(path), "-o", str(tmp_path / "o"), "--timeout", "0.5"]) == 0
    err = capsys.readouterr().err
    assert "argmap render: warning: topic t “Dense”: drawn as a summary box." in err and "within 0.5 s" in err
    assert "Too large to lay out" in (tmp_path / "o" / "t-dense.svg").read_text()


@requires_dot
@requires_shared
def test_seed_essays_render_every_topic(shared_dir: Path, tmp_path: Path) -> None:
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        out = tmp_path / seed.stem
        assert main(["render", str(seed), "-o", str(out)]) == 0
        files = list(out.iterdir())
        assert len(files) >= 2 and (out / "overview.svg").exists()
        for p in files:
            ET.parse(p)


@requires_dot
def test_dash_output_writes_the_one_diagram_to_stdout(map_file: Path, tmp_path: Path,
                                                     capsysbinary: pytest.CaptureFixture[bytes],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(map_file), "-o", "-", "--topic", "Parking fees"]) == 0
    svg = capsysbinary.readouterr().out
    assert ET.fromstring(svg).tag.endswith("svg") and b"Fees fund the lanes" in svg
    assert main(["render", str(map_file), "-o", "-", "--topic", "T1", "--format", "png"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"\x89PNG")
    assert not (tmp_path / "-").exists()


def test_dash_output_refuses_several_diagrams(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("an unrelated file")
    assert main(["render", str(map_file), "-o", "-", "--format", "dot"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "writes one diagram" in captured.err and "--topic" in captured.err
    assert captured.out == "" and (tmp_path / "-").read_text() == "an unrelated file"


def test_scoped_graph_attrs_reach_node_and_edge_defaults(map_file: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(map_file), "-o", "-", "--format", "dot", "--topic", "T1",
                 "--graph-attr", "node.fontsize=24", "--graph-attr", "edge.penwidth=3",
                 "--graph-attr", "graph.rankdir=LR"]) == 0
    dot = capsys.readouterr().out
    node_defaults = next(line for line in dot.splitlines() if line.strip().startswith("node ["))
    edge_defaults = next(line for line in dot.splitlines() if line.strip().startswith("edge ["))
    unquoted = [line.replace('"', "") for line in (node_defaults, edge_defaults, dot)]
    assert "fontsize=24" in unquoted[0] and "penwidth=3" in unquoted[1] and "rankdir=LR" in unquoted[2]
    assert main(["render", str(map_file), "-o", "-", "--format", "dot", "--topic", "T1",
                 "--graph-attr", "cluster.color=red"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'cluster.color' is not a Graphviz attribute name" in err


def dot_of(map_file: Path, capsys: pytest.CaptureFixture[str], *switches: str) -> str:
    assert main(["render", str(map_file), "-o", "-", "--format", "dot", "--topic", "T1", *switches]) == 0
    return capsys.readouterr().out


def test_diagram_switches(map_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.semantics

    monkeypatch.setattr(argmap.semantics, "grounded_labelling", lambda amap: {n.id: "OUT" for n in amap.nodes})
    assert "defeated (OUT)" in dot_of(map_file, capsys, "--status")
    assert "defeated (OUT)" not in dot_of(map_file, capsys, "--no-status")
    assert "labelloc=b" in dot_of(map_file, capsys, "--legend")  # the legend is the graph's label, at the bottom
    assert "labelloc=b" not in dot_of(map_file, capsys, "--no-legend")
    assert "fontsize=20 " in dot_of(map_file, capsys, "--font-size", "20").replace('"', "").replace(",", " ")
    assert dot_of(map_file, capsys, "--theme", "print") != dot_of(map_file, capsys, "--theme", "default")


def option_help(verb: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Option -> its help text (joined over wrapped lines) in ``argmap VERB --help``."""
    assert main([verb, "--help"]) == 0
    options: dict[str, str] = {}
    current = None
    for line in capsys.readouterr().out.split("Options:")[1].splitlines():
        if line.startswith("  -"):
            current, _, text = line.strip().partition("  ")
            options[current] = text.strip()
        elif current and line.startswith("    "):
            options[current] += " " + line.strip()
        else:
            current = None
    return options


def test_diagram_options_read_the_same_on_render_and_report(capsys: pytest.CaptureFixture[str]) -> None:
    render, report = option_help("render", capsys), option_help("report", capsys)
    shared = ["--status / --no-status", "--legend / --no-legend", "--font-size POINTS", "--theme NAME",
              "--graph-attr KEY=VALUE", "--timeout SECONDS"]
    for option in shared:
        assert option in render and render[option] == report[option], option
    from argmap.diagrams import THEMES

    assert all(name in render["--theme NAME"] for name in THEMES)
