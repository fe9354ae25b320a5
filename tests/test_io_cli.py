from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import ArgumentMap, InputError, Topic, load, save
from argmap.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap.cli", *args], capture_output=True, text=True)


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    import os

    from argmap.io import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "out.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644


def test_save_and_load(tmp_path: Path) -> None:
    m = ArgumentMap(topics=[Topic(id="t", title="T")])
    save(m, tmp_path / "m.json")
    assert load(tmp_path / "m.json") == m
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"], "no temporary file left behind"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not an argmap map (top level is a JSON list)"),
        (b'{"topics": []}', 'no "schema" field'),
        (b'{"schema": "argmap/9"}', "unsupported schema"),
        (b'{"schema": "argmap/1", "edges": [{"source": "a", "target": "b", "relation": "attacks"}]}',
         "source 'a' does not exist"),
        (b"\xff\xfe{", "not valid UTF-16 text"),
        (b"\xc3\x28{}", "not UTF-8"),
    ],
)
def test_load_errors_name_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


@pytest.mark.parametrize(
    "content",
    [None, b"{oops", b'{"hello": 1}', b'{"schema": "argmap/1", "nodes": [{"id": "n"}]}'],
    ids=["missing", "not-json", "not-a-map", "invalid-map"],
)
def test_cli_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path: Path, content: bytes | None) -> None:
    src = tmp_path / "in.json"
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out" / "map.graphml"
    proc = run_cli("export", str(src), "--to", "graphml", "-o", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(src) in lines[0], proc.stderr
    assert not out.exists() and not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["schema"] and "Node" in schema["$defs"]


def test_cli_version_and_help() -> None:
    assert run_cli("--version").stdout.startswith("argmap ")
    help_text = run_cli("--help").stdout
    assert "schema" in help_text and "export" in help_text


def test_export_json_and_graphml(tmp_path: Path) -> None:
    src = tmp_path / "m.json"
    save(ArgumentMap(topics=[Topic(id="t", title="Tolls & <fees>")]), src)
    assert run_cli("export", str(src), "--to", "json", "-o", str(tmp_path / "copy.json")).returncode == 0
    assert load(tmp_path / "copy.json").topics[0].title == "Tolls & <fees>"
    proc = run_cli("export", str(src), "--to", "graphml")
    assert proc.returncode == 0 and "Tolls &amp; &lt;fees&gt;" in proc.stdout


def test_import_argmap_is_light() -> None:
    code = "import sys, argmap; print(sorted(m for m in ('spacy', 'networkx', 'graphviz') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
