"""``argmap render``: files per topic plus overview, options, and clean failures."""

from __future__ import annotations

import shutil
import sys
import types
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
    (["--topic", "T9"], "no topic with id 'T9'"),
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
def test_time_limit_fails_clearly_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = 70
    nodes = [Node(id=f"n{i}", kind="claim", topic="t", text=f"s{i}") for i in range(n)]
    edges = [Edge(source=f"n{i}", target=f"n{j}", relation="attacks") for i in range(n) for j in range(n) if i != j]
    path = tmp_path / "dense.json"
    ArgumentMap(topics=[Topic(id="t", title="Dense")], nodes=nodes, edges=edges).save(str(path))
    assert main(["render", str(path), "-o", str(tmp_path / "o"), "--timeout", "0.5"]) == 2
    assert "within 0.5 s" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@requires_dot
def test_grounded_status_is_used_when_semantics_exists(map_file: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("argmap.semantics")
    fake.grounded_labelling = lambda amap: {n.id: "OUT" for n in amap.nodes}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "argmap.semantics", fake)
    assert main(["render", str(map_file), "-o", str(tmp_path / "o"), "--topic", "T1"]) == 0
    assert "defeated (OUT)" in (tmp_path / "o" / "t1-bike-lanes-on-main-street.svg").read_text()


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
