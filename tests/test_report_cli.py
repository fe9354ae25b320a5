"""``argmap report FILE... -o DIR`` end to end, with the real extraction, checks, semantics and
renderer: what it writes, how it fails, and its progress bar on a terminal."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from report_essays import ESSAYS, write_essays

from argmap.cli import main
from argmap.model import ArgumentMap

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (make test installs it with apt-get as root)")


def run_cli(*args: str) -> int:
    return main(["report", *args])


@needs_dot
def test_report_of_several_essays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_essays(tmp_path)
    out = tmp_path / "out"
    assert run_cli(*map(str, paths), "-o", str(out)) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str((out / "index.html").resolve())
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "map.json"]
    amap = ArgumentMap.load(str(out / "map.json"))
    assert len(amap.documents) == len(ESSAYS) and amap.nodes
    html = (out / "index.html").read_text(encoding="utf-8")
    spanned = [n for n in amap.nodes if n.span is not None and n.span[0] < n.span[1]]
    assert len(re.findall(r'<mark class="st k-\w+" data-i="\d+" id="s\d+"', html)) == len(spanned)
    assert len(re.findall(r'<figure class="diagram"[^>]*><svg', html)) == len(amap.topics)  # one per topic
    assert html.count("<svg") == len(amap.topics) + 1  # and the legend
    ids = [unescape(i) for i in re.findall(r'\sid="([^"]*)"', html)]
    assert len(ids) == len(set(ids))  # unique across all the inlined diagrams
    from argmap.checks import run_checks

    assert html.count('<li class="finding') == len(run_checks(amap))
    assert "window.__pwned" in html and "<script>window.__pwned" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)


@needs_dot
def test_report_of_a_map_json_and_the_title_option(tmp_path: Path) -> None:
    paths = write_essays(tmp_path)
    assert main(["extract", str(paths[0]), "-o", str(tmp_path / "m.json")]) == 0
    assert run_cli(str(tmp_path / "m.json"), "-o", str(tmp_path / "r"), "--title", "Schools <2026>") == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Schools &lt;2026&gt;</h1>" in html and "Budget savings" in html


@pytest.mark.parametrize("make_bad, problem", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02") and d / "bin.txt", "binary file"),
    (lambda d: (d / "bad.json").write_text('{"schema": "argmap/1", "nodes": [1]}') and d / "bad.json", "invalid map"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         make_bad, problem: str) -> None:
    bad = make_bad(tmp_path)
    out = tmp_path / "out"
    assert run_cli(str(bad), "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and problem in err
    assert not out.exists()


def test_output_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    amap_path = tmp_path / "m.json"
    amap_path.write_text(ArgumentMap().to_json())
    target = tmp_path / "taken"
    target.write_text("keep me")
    assert run_cli(str(amap_path), "-o", str(target)) == 2
    assert "not a directory" in capsys.readouterr().err and target.read_text() == "keep me"


@needs_dot
def test_a_failed_run_leaves_the_previous_report_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_essays(tmp_path)
    out = tmp_path / "out"
    assert run_cli(str(paths[0]), "-o", str(out)) == 0
    before = (out / "index.html").read_bytes()

    import argmap.diagrams.output

    def broken(*args: object, **kwargs: object) -> list[bytes]:
        raise argmap.diagrams.RenderFailed("dot crashed")

    monkeypatch.setattr(argmap.diagrams.output, "lay_out", broken)
    assert run_cli(str(paths[1]), "-o", str(out)) == 2
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "map.json"]  # no temporary files left


@needs_dot
def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    paths = [str(p) for p in write_essays(tmp_path)]
    import argmap

    env = {**os.environ, "PYTHONPATH": str(Path(argmap.__file__).resolve().parent.parent)}  # the argmap under test
    cmd = [sys.executable, "-c", "import sys; from argmap.cli import main; sys.exit(main())", "report", *paths,
           "-o", str(tmp_path / "out")]
    leader, follower = pty.openpty()
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=follower) as proc:
        os.close(follower)
        stderr = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the program ends
                break
            if not chunk:
                break
            stderr += chunk
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    # every phase has its bar: extraction, checks, layout
    for phase in (b"files", b"checking the map", b"laying out diagrams"):
        assert phase in stderr, stderr
    assert f"{len(paths)}/{len(paths)}".encode() in stderr
    piped = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stderr == b""
    assert json.loads((tmp_path / "out" / "map.json").read_text())["schema"] == "argmap/1"


@needs_dot
def test_a_folder_of_essays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    essays = tmp_path / "essays"
    essays.mkdir()
    write_essays(essays)
    (essays / "notes.json").write_text("{}")  # not an essay: left out
    assert run_cli(str(essays), "-o", str(tmp_path / "out")) == 0
    amap = ArgumentMap.load(str(tmp_path / "out" / "map.json"))
    assert sorted(Path(d.source or "").name for d in amap.documents) == sorted(ESSAYS)
    empty = tmp_path / "empty"
    empty.mkdir()
    capsys.readouterr()
    assert run_cli(str(empty), "-o", str(tmp_path / "out2")) == 2
    assert "folder has no .txt or .md files" in capsys.readouterr().err


def test_a_report_is_a_folder_not_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    amap_path = tmp_path / "m.json"
    amap_path.write_text(ArgumentMap().to_json())
    assert run_cli(str(amap_path), "-o", "-") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "give -o a folder" in err
    assert not (tmp_path / "-").exists()


@needs_dot
def test_report_of_a_text_on_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_essays(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(paths[0].read_bytes())))
    assert run_cli("-", "-o", str(tmp_path / "out")) == 0
    amap = ArgumentMap.load(str(tmp_path / "out" / "map.json"))
    assert amap.documents[0].text == paths[0].read_text(encoding="utf-8") and amap.nodes


@needs_dot
def test_diagram_switches_reach_the_report(tmp_path: Path) -> None:
    from test_cli import tolls_map  # n4 answers n2, so n2 is defeated under grounded semantics

    amap_path = tmp_path / "m.json"
    amap_path.write_text(tolls_map().to_json())
    assert run_cli(str(amap_path), "-o", str(tmp_path / "on"), "--status", "--legend") == 0
    assert run_cli(str(amap_path), "-o", str(tmp_path / "off"), "--no-status", "--no-legend",
                   "--font-size", "20", "--theme", "projector") == 0
    on = (tmp_path / "on" / "index.html").read_text(encoding="utf-8")
    off = (tmp_path / "off" / "index.html").read_text(encoding="utf-8")
    assert "defeated (OUT)" in on and "defeated (OUT)" not in off
    assert 'class="legend diagram-legend"' in on and 'class="legend diagram-legend"' not in off
    assert 'font-size="20.00"' in off and 'font-size="20.00"' not in on
