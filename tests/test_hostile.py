"""Hostile input and output paths: every case ends in one bounded line on stderr, exit 2, and
an output path left as it was (issue 13). The inputs are built here, never read from disk."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
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
                                  ["solve", "-s", "grounded"], ["report"], ["render", "--format", "dot"], ["topics"],
                                  ["exercise"], ["analyze"], ["import"]])
def test_hostile_map_is_one_line_and_exit_2(case: str, verb: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "map.json"
    src.write_text(HOSTILE_MAPS[case], encoding="ascii")
    out = tmp_path / "out"
    extra = ["-o", str(out)] if verb[0] in ("export", "report", "render", "exercise", "import") else []
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


@pytest.mark.parametrize("leaf", ["", "1", '"deep"', "{}"])
def test_the_depth_limit_counts_the_same_loaded_and_written(leaf: str, tmp_path: Path) -> None:
    src = tmp_path / "map.json"
    for depth, loads in ((MAX_DEPTH, True), (MAX_DEPTH + 1, False)):
        inner = "[" * (depth - 3 - (leaf == "{}")) + leaf + "]" * (depth - 3 - (leaf == "{}"))
        for where in ("topics", "nodes"):
            data = small_map()
            data[where][0]["note"] = "N"
            src.write_text(json.dumps(data).replace('"N"', inner))
            if loads:
                save_map(load_map(src), tmp_path / "again.json")
            else:
                with pytest.raises(InputError, match="nested"):
                    load_map(src)


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


# ----- outputs -----------------------------------------------------------------------------

@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    src = tmp_path / "in" / "map.json"
    src.parent.mkdir()
    src.write_text(json.dumps(small_map()))
    return src


def export_to(capsys: pytest.CaptureFixture[str], src: Path, target: str) -> tuple[int, str, str]:
    return run(capsys, "export", str(src), "--to", "json", "-o", target)


def test_fifo_as_output_is_refused_and_stays_a_fifo(tmp_path: Path, map_file: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = export_to(capsys, map_file, str(fifo))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap export: {fifo}: is a FIFO, not a regular file")
    assert fifo.is_fifo()
    assert folder_listing(tmp_path) == ["in", "pipe"]


def test_device_as_output_is_refused(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = os.stat("/dev/null")
    code, _, err = export_to(capsys, map_file, "/dev/null")
    assert code == EXIT_BAD_INPUT
    one_line(err, "argmap export: /dev/null: is a character device, not a regular file")
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [p for p in os.listdir("/dev") if p.startswith(".null.")]


def test_existing_folder_as_output_is_refused(tmp_path: Path, map_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    code, _, err = export_to(capsys, map_file, str(folder))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"{folder}: is a folder, not a regular file")
    assert folder_listing(folder) == ["keep.txt"]


def test_output_under_a_file_is_refused(tmp_path: Path, map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plain"
    blocker.write_text("mine")
    code, _, err = export_to(capsys, map_file, str(blocker / "sub" / "out.json"))
    assert code == EXIT_BAD_INPUT
    one_line(err, "cannot write:", "plain is a file, not a folder")
    assert blocker.read_text() == "mine"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_one_line(tmp_path: Path, map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = export_to(capsys, map_file, str(folder / "out.json"))
    finally:
        folder.chmod(0o755)
    assert code == EXIT_BAD_INPUT
    one_line(err, "cannot write: Permission denied")
    assert folder_listing(folder) == []


def test_output_through_a_symlink_writes_its_target(tmp_path: Path, map_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, err = export_to(capsys, map_file, str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text())["topics"][0]["title"] == "Tolls"
    assert folder_listing(tmp_path) == ["in", "link.json", "real.json"]


@pytest.mark.parametrize("verb", [["export", "--to", "json"], ["check"], ["solve", "-s", "grounded"], ["topics"]])
def test_stdout_to_a_full_disk_is_one_line(verb: list[str], map_file: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "argmap.cli", *verb, str(map_file)],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == EXIT_BAD_INPUT
    one_line(proc.stderr, f"argmap {verb[0]}: <stdout>: cannot write: No space left on device")


def test_stale_temp_files_of_dead_writers_are_removed(tmp_path: Path, map_file: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    dead = tmp_path / f".out.json.{2 ** 22 + 12345}.x1y2.tmp"  # above any pid_max: never running
    nameless = tmp_path / ".out.json.abc123.tmp"  # no pid in the name (an older argmap)
    alive = tmp_path / f".out.json.{os.getpid()}.q9w8.tmp"  # a writer still at work
    other = tmp_path / ".other.json.1.abcd.tmp"  # beside another target
    for p in (dead, nameless, alive, other):
        p.write_text("partial")
    code, _, err = export_to(capsys, map_file, str(tmp_path / "out.json"))
    assert (code, err) == (0, "")
    assert folder_listing(tmp_path) == sorted(["in", "out.json", alive.name, other.name])


# a child that writes through argmap's CLI with fsync slowed down, so it is caught mid-write
SLOW_WRITER = """
import os, sys, time
real_fsync = os.fsync
os.fsync = lambda fd: (time.sleep(30), real_fsync(fd))
from argmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _start_slow_export(map_file: Path, target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, "export", str(map_file), "--to", "json",
                              "-o", str(target)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(target.parent.glob(f".{target.name}.*.tmp")):
        assert child.poll() is None and time.monotonic() < deadline, "the writer never started its temp file"
        time.sleep(0.05)
    return child


def test_sigterm_mid_write_removes_the_temp_file_and_keeps_the_old_output(tmp_path: Path, map_file: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    child = _start_slow_export(map_file, target)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 143
    one_line(err, "argmap: terminated")
    assert target.read_text() == "old"
    assert folder_listing(tmp_path) == ["in", "out.json"]


def test_sigkill_mid_write_leaves_a_temp_file_the_next_run_removes(tmp_path: Path, map_file: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    child = _start_slow_export(map_file, target)
    child.kill()
    child.communicate(timeout=60)
    assert target.read_text() == "old"
    assert len(folder_listing(tmp_path)) == 3  # in, out.json and the orphaned temp file
    code, _, err = export_to(capsys, map_file, str(target))
    assert (code, err) == (0, "")
    assert folder_listing(tmp_path) == ["in", "out.json"]
    assert json.loads(target.read_text())["schema"] == "argmap/1"


def test_read_only_file_system_is_one_line(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = Path("/sys/argmap-hostile-test.json")  # sysfs takes no new files, not even from root
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    code, _, err = export_to(capsys, map_file, str(target))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap export: {target}: cannot write: ")
    assert not target.exists()


@pytest.mark.parametrize("verb", [["render", "--format", "dot"], ["report"]])
def test_folder_output_onto_a_file_is_refused(verb: list[str], tmp_path: Path, map_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain"
    plain.write_text("mine")
    code, _, err = run(capsys, verb[0], str(map_file), *verb[1:], "-o", str(plain))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap {verb[0]}: {plain}: exists and is not a")
    assert plain.read_text() == "mine"


# ----- solve -------------------------------------------------------------------------------

def _limited_to_1_gb() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 ** 30, 2 ** 30))


@pytest.mark.parametrize(("content", "what"), [
    ("p af 99999999999\n1 2\n", "declares 99,999,999,999 arguments, more than the 1,000,000"),
    ("p af " + "7" * 5000 + "\n1 2\n", "declares a 5,000-digit number of arguments"),
    ("p af 3\n1 " + "9" * 5000 + "\n", "names an argument outside 1..3"),
])
def test_a_framework_too_big_is_refused_before_allocating(content: str, what: str, tmp_path: Path) -> None:
    src = tmp_path / "huge.af"
    src.write_text(content)
    if content.startswith("p af 9"):
        assert src.stat().st_size == 21
    # with address space capped at 1 GB, allocating the declared framework would fail
    proc = subprocess.run([sys.executable, "-m", "argmap.cli", "solve", "-s", "grounded", str(src)],
                          capture_output=True, text=True, timeout=60, preexec_fn=_limited_to_1_gb)
    assert proc.returncode == EXIT_BAD_INPUT
    one_line(proc.stderr, f"argmap solve: {src}:", what)
    assert proc.stdout == ""


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "-0.5"])
@pytest.mark.parametrize("verb", [["solve", "-s", "preferred", "--time-limit"], ["render", "--timeout"],
                                  ["report", "--timeout"]])
def test_time_limits_must_be_finite_and_not_negative(value: str, verb: list[str], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "two.af"
    src.write_text("p af 2\n1 2\n")
    extra = ["-o", str(tmp_path / "out")] if verb[0] in ("render", "report") else []
    code, out, err = run(capsys, verb[0], str(src), *verb[1:], value, *extra)
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap {verb[0]}: Invalid value for '{verb[-1]}'")
    assert out == "" and folder_listing(tmp_path) == ["two.af"]


def test_the_solver_api_refuses_a_nan_time_limit() -> None:
    from argmap.semantics import Framework, extensions

    with pytest.raises(ValueError, match="finite"):
        extensions(Framework(["a", "b"], [("a", "b")]), "preferred", time_limit=float("nan"))


# ----- the top-level guard -----------------------------------------------------------------

def _boom(*args: Any, **kwargs: Any) -> Any:
    raise ZeroDivisionError("a bug " + "x" * 3000)


@pytest.mark.parametrize("verb", [["check"], ["export", "--to", "json"], ["topics"]])
def test_an_unexpected_error_is_one_line_asking_for_a_report(verb: list[str], map_file: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("argmap.commands._inputs.map_from_json", _boom)
    code, out, err = run(capsys, *verb, str(map_file))
    assert code == EXIT_BAD_INPUT  # not check's 1 ("errors found")
    line = one_line(err, f"argmap {verb[0]}: internal error: ZeroDivisionError: a bug xxx",
                    "(please report; --debug shows the traceback)")
    assert "Traceback" not in line and out == ""
    assert folder_listing(map_file.parent) == ["map.json"]


def test_debug_shows_the_traceback_before_the_line(map_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("argmap.commands._inputs.map_from_json", _boom)
    code, _, err = run(capsys, "--debug", "check", str(map_file))
    assert code == EXIT_BAD_INPUT
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):" and "ZeroDivisionError" in err
    assert lines[-1].startswith("argmap check: internal error: ZeroDivisionError")


def test_check_findings_still_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "map.json"
    data = small_map()
    data["edges"].append({"source": "n1", "target": "n1", "relation": "attacks"})  # AM101 self-attack
    src.write_text(json.dumps(data))
    code, _, _ = run(capsys, "check", str(src))
    assert code == 1


# ----- folder outputs: built beside the target and swapped in whole ------------------------

FOLDER_VERBS = {"report": ["report"], "render": ["render", "--format", "dot"], "exercise": ["exercise"]}


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name → bytes): what a reader would see."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("verb", sorted(FOLDER_VERBS))
def test_a_folder_output_is_swapped_in_whole_keeping_what_else_it_holds(verb: str, tmp_path: Path, map_file: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", str(out))
    assert (code, err) == (0, "")
    (out / "notes.txt").write_text("mine")
    (out / "pics").mkdir()
    (out / "pics" / "a.png").write_bytes(b"\x89PNG")
    before = os.stat(out).st_ino
    data = small_map()
    data["topics"][0]["title"] = "Road tolls"
    map_file.write_text(json.dumps(data))
    code, printed, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", str(out))
    assert (code, err) == (0, "")
    assert os.stat(out).st_ino != before  # a new folder took the old one's place
    state = folder_state(out)
    assert state["notes.txt"] == b"mine" and state["pics/a.png"] == b"\x89PNG"
    assert any(b"Road tolls" in content for content in state.values())
    for line in printed.splitlines():
        assert Path(line).is_file()
    assert temp_entries(tmp_path) == [] and folder_listing(tmp_path) == ["in", "out"]


def test_report_leaves_out_the_pages_of_an_earlier_split_report(tmp_path: Path, map_file: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc-007-old-essay.html").write_text("old page")
    (out / "doc-notes.html").write_text("not a page argmap names")
    code, _, err = run(capsys, "report", str(map_file), "-o", str(out))
    assert (code, err) == (0, "")
    assert folder_listing(out) == ["doc-notes.html", "index.html", "map.json"]


@pytest.mark.parametrize("verb", sorted(FOLDER_VERBS))
def test_a_second_run_writing_a_locked_folder_stops_with_one_line(verb: str, tmp_path: Path, map_file: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old")
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a run writing the folder holds
        code, out_text, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", str(out))
    finally:
        os.close(fd)
    assert code == EXIT_BAD_INPUT and out_text == ""
    one_line(err, f"argmap {verb}: {out}: another argmap run is writing this folder")
    assert folder_state(out) == {"index.html": b"old"}
    assert folder_listing(tmp_path) == ["in", "out"]


def test_two_concurrent_reports_leave_one_complete_report(tmp_path: Path) -> None:
    maps = []
    for k in range(2):
        data = small_map()
        data["topics"][0]["title"] = f"Tolls {k}"
        maps.append(tmp_path / f"m{k}.json")
        maps[-1].write_text(json.dumps(data))
    out = tmp_path / "out"
    children = [subprocess.Popen([sys.executable, "-m", "argmap.cli", "report", str(m), "-o", str(out)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for m in maps]
    results = [(c.wait(timeout=120), c.stderr.read()) for c in children]  # type: ignore[union-attr]
    for child in children:
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    assert any(code == 0 for code, _ in results)
    for code, err in results:
        if code != 0:  # the one that found the folder locked
            assert code == EXIT_BAD_INPUT
            one_line(err, "another argmap run is writing this folder")
    shown = json.loads((out / "map.json").read_text())["topics"][0]["title"]
    assert shown.encode() in (out / "index.html").read_bytes()  # page and map from one run
    assert temp_entries(tmp_path) == []


def test_a_folder_holding_the_current_folder_is_written_in_place(tmp_path: Path, map_file: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    (out / "here").mkdir(parents=True)
    monkeypatch.chdir(out / "here")
    before = os.stat(out).st_ino
    code, _, err = run(capsys, "render", str(map_file), "--format", "dot", "-o", str(out))
    assert (code, err) == (0, "")
    assert os.stat(out).st_ino == before  # a shell standing in it is not left in a removed folder
    assert Path.cwd() == out / "here" and folder_listing(out) == ["here", "overview.dot", "t1-tolls.dot"]
    assert temp_entries(tmp_path) == []


def test_stale_temp_folders_of_dead_writers_are_removed(tmp_path: Path, map_file: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    dead = tmp_path / f".out.{2 ** 22 + 54321}.k3j4.tmp"  # above any pid_max: never running
    (dead / "sub").mkdir(parents=True)
    (dead / "index.html").write_text("partial")
    alive = tmp_path / f".out.{os.getpid()}.z1x2.tmp"
    alive.mkdir()
    code, _, err = run(capsys, "report", str(map_file), "-o", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    assert folder_listing(tmp_path) == sorted(["in", "out", alive.name])


def test_sigterm_mid_folder_write_keeps_the_old_folder_and_no_temp_folder(tmp_path: Path, map_file: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "t1-tolls.dot").write_text("old")
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, "render", str(map_file), "--format", "dot",
                              "-o", str(out)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not temp_entries(tmp_path):
        assert child.poll() is None and time.monotonic() < deadline, "the writer never started its temp folder"
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 143
    one_line(err, "argmap: terminated")
    assert folder_state(out) == {"t1-tolls.dot": b"old"}
    assert folder_listing(tmp_path) == ["in", "out"]


# ----- the kill test -------------------------------------------------------------------------

KILL_TEXTS = [
    "Road tolls\n\nTolls cut traffic in the centre. Critics say that tolls hurt the poor. "
    "But the revenue funds cheaper buses.\n\nCycle lanes\n\nCycle lanes make streets safer. "
    "Some argue that they slow the traffic down.\n",
    "Night trains\n\nNight trains replace short flights. Opponents claim the sleepers cost too much. "
    "However, the fares fall as routes grow.\n\nFour-day week\n\nA shorter week keeps staff well. "
    "Critics say that shops cannot close a day.\n",
]
KILL_RUNS = 20  # per verb


def _ask(server: subprocess.Popen[str], job: dict[str, Any]) -> dict[str, Any]:
    server.stdin.write(json.dumps(job) + "\n")  # type: ignore[union-attr]
    server.stdin.flush()  # type: ignore[union-attr]
    reply: dict[str, Any] = json.loads(server.stdout.readline())  # type: ignore[union-attr]
    return reply


@pytest.fixture(scope="module")
def fork_server() -> Any:
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("forked_cli.py"))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert json.loads(server.stdout.readline()) == {"ready": True}  # type: ignore[union-attr]
    yield server
    server.stdin.close()  # type: ignore[union-attr]
    server.wait(timeout=60)
    server.stdout.close()  # type: ignore[union-attr]


@pytest.mark.parametrize("verb", ["extract", "report", "render"])
def test_runs_killed_at_random_moments_leave_the_old_or_the_new_output(verb: str, fork_server: Any,
                                                                       tmp_path: Path) -> None:
    import random

    rng = random.Random(f"kill-{verb}")
    texts = []
    for k, text in enumerate(KILL_TEXTS):
        texts.append(tmp_path / f"essay{k}.txt")
        texts[-1].write_text(text)
    where = tmp_path / "out"
    where.mkdir()
    target = where / ("map.json" if verb == "extract" else "site")
    log = tmp_path / "log.txt"

    def args(k: int) -> list[str]:
        return [verb, str(texts[k]), "-o", str(target)]

    def state() -> dict[str, bytes]:
        if verb == "extract":
            return {"map.json": target.read_bytes()} if target.exists() else {}
        return folder_state(target) if target.exists() else {}

    # render keeps the other essay's diagrams (files it does not replace): two rounds there, so
    # that each snapshot is the folder as every later run of that essay leaves it
    snapshots: list[dict[str, bytes]] = [{}, {}]
    seconds = []
    for k in (0, 1, 0, 1) if verb == "render" else (0, 1):
        reply = _ask(fork_server, {"args": args(k), "delay": None, "log": str(log)})
        assert reply["status"] == 0, log.read_text()
        snapshots[k] = state()
        seconds.append(reply["seconds"])
    outcomes = {"finished": 0, "killed": 0, "left a temp entry": 0}
    for run_no in range(KILL_RUNS):
        k = run_no % 2
        delay = rng.uniform(0, 1.1 * max(seconds))
        sig = rng.choice([signal.SIGKILL, signal.SIGTERM])
        reply = _ask(fork_server, {"args": args(k), "delay": delay, "signal": int(sig), "log": str(log)})
        about = f"run {run_no}: {sig.name} after {delay:.3f} s, status {reply['status']}"
        assert state() in snapshots, about  # the old output or the complete new one, never a mix
        if reply["status"] == 0:
            outcomes["finished"] += 1
            assert state() == snapshots[k], about
        else:
            outcomes["killed"] += 1
            assert reply["status"] in (-signal.SIGKILL, -signal.SIGTERM, 143), about
            if reply["status"] == 143:
                one_line(log.read_text(), "argmap: terminated")
        left = temp_entries(where)
        outcomes["left a temp entry"] += bool(left)
        if reply["status"] == 0:  # a run that ends removes what killed ones left
            assert left == [], about
    reply = _ask(fork_server, {"args": args(0), "delay": None, "log": str(log)})  # the next run
    assert reply["status"] == 0, log.read_text()
    assert state() == snapshots[0]
    assert folder_listing(where) == [target.name]  # no temp file or folder left
    print(f"{verb}: {outcomes}, a full run {max(seconds):.2f} s")
    assert outcomes["killed"] > 0


# ----- input size and text hygiene -----------------------------------------------------------

requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


@pytest.mark.parametrize("verb", [["check"], ["extract"], ["solve", "-s", "grounded"]])
def test_an_input_past_the_size_limit_is_one_line(verb: list[str], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.limits import MAX_INPUT_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_INPUT_BYTES + 1)
    code, out, err = run(capsys, *verb, str(big))
    assert code == EXIT_BAD_INPUT and out == ""
    one_line(err, f"argmap {verb[0]}: {big}: larger than 64 MiB, the most argmap reads")
    assert folder_listing(tmp_path) == ["big.txt"]


def test_an_endless_standard_input_is_refused_at_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "argmap.cli", "check", "-"], stdin=zero,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_BAD_INPUT and proc.stdout == ""
    one_line(proc.stderr, "argmap check: <stdin>: larger than 64 MiB")


ESSAY = ("Road tolls\n\nTolls cut traffic in the centre. Critics warn that tolls hurt the\npoor.\n\n"
         "Cycle lanes\n\nCycle lanes make streets safer. Some argue that they slow\nthe buses down.\n\n"
         "Night trains\n\nNight trains replace short flights. Opponents claim that sleepers cost too much.\n")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
def test_cr_only_and_mixed_line_endings_are_line_breaks(ending: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    if ending == "mixed":
        lines = ESSAY.split("\n")
        text = "".join(line + ("\r", "\n", "\r\n")[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]
    else:
        text = ESSAY.replace("\n", ending)
    paths = {}
    for name, content in (("lf", ESSAY), ("other", text)):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_bytes(content.encode("utf-8"))
        code, _, err = run(capsys, "extract", str(paths[name]), "-o", str(tmp_path / f"{name}.json"))
        assert (code, err) == (0, "")
    lf, other = (load_map(tmp_path / f"{name}.json") for name in ("lf", "other"))
    assert [t.title for t in other.topics] == [t.title for t in lf.topics] == ["Road tolls", "Cycle lanes",
                                                                             "Night trains"]
    assert [n.kind for n in other.nodes] == [n.kind for n in lf.nodes]
    # the map keeps the text as read, and its spans cut every statement out of it
    assert other.documents[0].text == text
    for node in other.nodes:
        assert text[node.span[0]:node.span[1]] == node.text
    for topic in other.topics:
        assert text[topic.span[0]:topic.span[1]] == topic.title


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read_as_text(codec: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "essay.txt"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    src.write_bytes(bom + ESSAY.encode(codec))
    code, out, err = run(capsys, "topics", str(src), "--json")
    assert (code, err) == (0, "")
    assert [t["title"] for t in json.loads(out)] == ["Road tolls", "Cycle lanes", "Night trains"]


def test_broken_utf16_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "essay.txt"
    src.write_bytes(b"\xff\xfe" + "Tolls".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    code, _, err = run(capsys, "extract", str(src), "-o", str(tmp_path / "m.json"))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap extract: {src}: not valid UTF-16 text")
    assert folder_listing(tmp_path) == ["essay.txt"]


CONTROLS = "\x0c \x1b[31m \x01 \x7f"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def hostile_text_map(tmp_path: Path) -> Path:
    data = small_map()
    data["nodes"][0]["text"] = f"Tolls {CONTROLS} pay {BIDI} for roads."
    data["topics"][0]["title"] = f"Tolls \u202eslot\u202c {CONTROLS}"
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(data))
    return src


def test_graphml_with_control_characters_is_well_formed_xml(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / "out.graphml"
    code, _, err = run(capsys, "export", str(hostile_text_map(tmp_path)), "--to", "graphml", "-o", str(out))
    assert (code, err) == (0, "")
    texts = [el.text or "" for el in ET.parse(out).iter()]  # parses: well-formed
    assert any("Tolls ␌ ␛[31m ␁ \x7f pay" in t for t in texts)


def test_graphml_of_a_python_map_with_lone_surrogates_is_well_formed() -> None:
    import xml.etree.ElementTree as ET

    from argmap.formats import generate

    amap = ArgumentMap(topics=[Topic(id="t1", title="Tolls \ud800")],
                       nodes=[Node(id="n1", kind="claim", topic="t1", text="pay \udfff\x0c\x1b")])
    ET.fromstring(generate(amap, "graphml").encode("utf-8"))


@pytest.mark.parametrize("fmt", ["json", "argdown", "aif", "kialo", "graphml", "nodelink", "mermaid", "apx", "tgf",
                                 "i23"])
def test_no_output_format_carries_a_raw_control_character(fmt: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run(capsys, "export", str(hostile_text_map(tmp_path)), "--to", fmt, "-o", str(out))
    assert (code, err) == (0, "")
    written = out.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x01" not in written
    if fmt in ("json", "aif", "nodelink"):
        json.loads(written)


@requires_dot
def test_bidi_controls_are_neutralised_in_svg_and_html_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = hostile_text_map(tmp_path)
    for verb in ("render", "report"):
        code, _, err = run(capsys, verb, str(src), "-o", str(tmp_path / verb))
        assert (code, err) == (0, "")
    code, _, err = run(capsys, "exercise", str(src), "-o", str(tmp_path / "exercise"))
    assert (code, err) == (0, "")
    pages = [*(tmp_path / "render").glob("*.svg"), tmp_path / "report" / "index.html",
             *[tmp_path / "exercise" / name for name in ("sheet.html", "key.html", "selfcheck.html")]]
    assert len(pages) == 6
    for page in pages:
        content = page.read_text(encoding="utf-8")
        assert not any(c in content for c in BIDI), page.name
        for data in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', content, re.DOTALL):
            assert not any(c in json.dumps(json.loads(data), ensure_ascii=False) for c in BIDI), page.name
        assert "\ufffd" in content and ("slot" in content or "for roads" in content)  # each control as U+FFFD
    assert BIDI in load_map(tmp_path / "report" / "map.json").nodes[0].text  # the data keeps them


@pytest.mark.parametrize("attr", ["href=javascript:alert(1)", "node.URL=https://example.org", "edge.target=_top",
                                  "stylesheet=evil.css", "node.image=/etc/passwd", "labelhref=x",
                                  "bgcolor=data:text/html,x", "label= //example.org", "comment=JavaScript:x"])
@pytest.mark.parametrize("verb", ["render", "report"])
def test_graph_attributes_with_links_are_refused_without_allow_links(attr: str, verb: str, tmp_path: Path,
                                                                     map_file: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(capsys, verb, str(map_file), "-o", str(out), "--graph-attr", attr)
    assert code == EXIT_BAD_INPUT and stdout == ""
    one_line(err, f"argmap {verb}: graph attribute {attr.split('=')[0]}=", "is a link or URL", "--allow-links")
    assert folder_listing(tmp_path) == ["in"]


@requires_dot
def test_allow_links_lets_a_link_into_the_svg(tmp_path: Path, map_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "render", str(map_file), "-o", str(out), "--allow-links",
                       "--graph-attr", "node.href=https://example.org/tolls", "--graph-attr", "label=Note: tolls")
    assert (code, err) == (0, "")
    assert "https://example.org/tolls" in (out / "t1-tolls.svg").read_text()


# ----- diagrams too large to lay out -----------------------------------------------------------

def chain_map(n: int) -> dict[str, Any]:
    """One topic holding a chain of ``n`` statements, each attacking the one before."""
    nodes = [{"id": f"n{i}", "kind": "critique" if i % 2 else "claim", "topic": "t1",
              "text": f"Statement {i} on tolls."} for i in range(n)]
    edges = [{"source": "n0", "target": "t1", "relation": "supports"}]
    edges += [{"source": f"n{i}", "target": f"n{i - 1}", "relation": "attacks"} for i in range(1, n)]
    return {"schema": "argmap/1", "documents": [], "topics": [{"id": "t1", "title": "Tolls"}],
            "nodes": nodes, "edges": edges}


@requires_dot
@pytest.mark.parametrize("n", [2000, 10_000])
@pytest.mark.parametrize("verb", ["render", "report"])
def test_a_topic_too_large_to_lay_out_is_a_summary_box_with_a_note(n: int, verb: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.limits import MAX_LAYOUT_NODES

    src = tmp_path / "chain.json"
    src.write_text(json.dumps(chain_map(n)))
    out = tmp_path / "out"
    start = time.monotonic()
    code, _, err = run(capsys, verb, str(src), "-o", str(out))
    assert code == 0
    assert time.monotonic() - start < 60  # dot never sees the chain
    warning = [line for line in err.splitlines() if "warning" in line]
    assert warning == [f"argmap {verb}: warning: topic t1 “Tolls”: drawn as a summary box. Too large to lay out: "
                       f"{n + 1:,} boxes, more than the {MAX_LAYOUT_NODES} a diagram lays out."]
    page = (out / ("t1-tolls.svg" if verb == "render" else "index.html")).read_text()
    assert f"{n:,} statements" in page and "Too large to lay out" in page
    if verb == "report":  # the text and the data still hold every statement
        assert len(load_map(out / "map.json").nodes) == n


CRASHING_DOT = """#!/bin/sh
# Graphviz that crashes on any input holding the word CRASHME, like dot on a huge graph
if grep -q CRASHME "$2" 2>/dev/null; then kill -SEGV $$; fi
exec {dot} "$@"
"""


@requires_dot
def test_a_topic_graphviz_crashes_on_is_a_summary_and_the_others_are_drawn(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text(CRASHING_DOT.format(dot=shutil.which("dot")))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    data: dict[str, Any] = {"schema": "argmap/1", "documents": [], "topics": [], "nodes": [], "edges": []}
    for k, text in enumerate(["Tolls cut queues.", "CRASHME now.", "Lanes calm streets.", "Trains replace flights."]):
        data["topics"].append({"id": f"t{k}", "title": f"Topic {k}"})
        data["nodes"].append({"id": f"n{k}", "kind": "claim", "topic": f"t{k}", "text": text})
        data["edges"].append({"source": f"n{k}", "target": f"t{k}", "relation": "supports"})
    src = tmp_path / "map.json"
    src.write_text(json.dumps(data))
    out = tmp_path / "out"
    code, _, err = run(capsys, "render", str(src), "-o", str(out))
    assert code == 0
    assert [line for line in err.splitlines() if "warning" in line] == [
        "argmap render: warning: topic t1 “Topic 1”: drawn as a summary box. Too large to lay out: "
        "Graphviz crashed (signal 11): no message."]
    for k, text in enumerate(["Tolls cut queues.", "", "Lanes calm streets.", "Trains replace flights."]):
        svg = (out / f"t{k}-topic-{k}.svg").read_text()
        assert (text in svg) if text else ("Too large to lay out" in svg and "CRASHME" not in svg)


# ----- more of the cases ------------------------------------------------------------

@pytest.mark.parametrize("lexicon", [{"framing_patterns": {"con": ["the (worry"]}}, {"verbs": {"con": "warn"}},
                                     {"quantifiers": ["some", 3]}, [1]])
@pytest.mark.parametrize("essay", ["Critics warn that tolls hurt the poor.\n", "   \n\t\n"])
def test_a_bad_lexicon_is_one_line_even_on_an_empty_essay(lexicon: Any, essay: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "mine.json"
    bad.write_text(json.dumps(lexicon))
    src = tmp_path / "essay.txt"
    src.write_text(essay)
    code, out, err = run(capsys, "extract", "--lexicon", str(bad), str(src), "-o", str(tmp_path / "map.json"))
    assert code == EXIT_BAD_INPUT and out == ""
    one_line(err, f"argmap extract: {bad}: ")
    assert folder_listing(tmp_path) == ["essay.txt", "mine.json"]


@pytest.mark.parametrize("verb", sorted(FOLDER_VERBS))
def test_a_folder_output_under_a_file_or_onto_a_device_is_refused(verb: str, tmp_path: Path, map_file: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plain"
    blocker.write_text("mine")
    code, _, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", str(blocker / "sub"))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap {verb}: {blocker / 'sub'}: cannot write: {blocker} is a file, not a folder")
    assert blocker.read_text() == "mine" and folder_listing(tmp_path) == ["in", "plain"]
    code, _, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", "/dev/null")
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap {verb}: /dev/null: exists and is not a")
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("verb", sorted(FOLDER_VERBS))
def test_a_folder_output_through_a_symlink_replaces_the_target_folder(verb: str, tmp_path: Path, map_file: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "notes.txt").write_text("mine")
    link = tmp_path / "link"
    link.symlink_to(real)
    code, _, err = run(capsys, *FOLDER_VERBS[verb], str(map_file), "-o", str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "notes.txt").read_text() == "mine" and len(folder_listing(real)) > 1
    assert folder_listing(tmp_path) == ["in", "link", "real"]


# a child whose files may grow to 4 KB only: writing more fails as on a full disk (EFBIG)
SMALL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from argmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("verb", "statement"), [
    (["export", "--to", "json"], 400), (["render", "--format", "dot"], 400),
    (["report"], 1),  # the page alone (its style and script inline) is past 4 KB
    (["report"], 400),  # then Graphviz's input cannot be written either
])
def test_a_full_disk_while_writing_keeps_the_old_output(verb: list[str], statement: int, tmp_path: Path) -> None:
    data = small_map()
    data["nodes"][0]["text"] = "Tolls pay for roads. " * statement  # 8 KB: more than the child may write
    src = tmp_path / "map.json"
    src.write_text(json.dumps(data))
    out = tmp_path / ("out.json" if verb[0] == "export" else "out")
    fresh = tmp_path / "fresh"  # a folder the failed run would have made
    proc = subprocess.run([sys.executable, "-c", SMALL_DISK, verb[0], str(src), *verb[1:], "-o",
                           str(fresh / "out.json" if verb[0] == "export" else fresh)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_BAD_INPUT and not fresh.exists(), proc.stderr
    if verb[0] == "export":
        out.write_text("old")
    else:
        out.mkdir()
        (out / "index.html").write_text("old")
    proc = subprocess.run([sys.executable, "-c", SMALL_DISK, verb[0], str(src), *verb[1:], "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_BAD_INPUT, proc.stderr
    if verb[0] == "report" and statement > 1:
        one_line(proc.stderr, "argmap report: cannot run Graphviz: its temporary files: File too large")
    else:
        one_line(proc.stderr, f"argmap {verb[0]}: {out}: cannot write: File too large")
    if verb[0] == "export":
        assert out.read_text() == "old"
    else:
        assert folder_state(out) == {"index.html": b"old"}
    assert folder_listing(tmp_path) == sorted(["map.json", out.name])


@pytest.mark.parametrize("verb", ["topics", "check", "analyze"])
def test_text_reports_on_a_terminal_carry_no_raw_control_character(verb: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = hostile_text_map(tmp_path)
    data = json.loads(src.read_text())
    data["edges"].append({"source": "n1", "target": "n1", "relation": "attacks"})  # a finding quoting the text
    src.write_text(json.dumps(data))
    code, out, err = run(capsys, verb, str(src))
    assert code in (0, 1) and err == ""
    assert out and "\x1b" not in out and "\x01" not in out
    if verb != "analyze":
        assert "␛" in out


def test_a_jsonl_output_onto_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "essay.txt"
    src.write_text("Critics warn that tolls hurt the poor.\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "extract", str(src), "--format", "jsonl", "-o", str(fifo))
    assert code == EXIT_BAD_INPUT
    one_line(err, f"argmap extract: {fifo}: is a FIFO, not a regular file")
    assert fifo.is_fifo() and folder_listing(tmp_path) == ["essay.txt", "pipe"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_non_json_number_in_an_extra_field_is_one_input_error(constant: str) -> None:
    """Python's JSON readers take NaN and Infinity; a map holding one could not be written
    back as JSON, so it is refused on reading."""
    raw = '{"schema": "argmap/1", "topics": [{"id": "t1", "title": "T", "note": [%s]}]}' % constant
    with pytest.raises(InputError, match=r"^m\.json: topics\.0\.note\.0: .* is not a JSON number$"):
        map_from_json(raw, "m.json")
