"""Streaming corpus extraction: ``argmap extract --format jsonl`` with jobs, resume and failures."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.corpus import JsonlWriter, Result, Source, completed_ids, extract_batch, iter_sources
from argmap.errors import InputError
from argmap.extraction import extract_files

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("corpus_bench", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "essays.jsonl"
    BENCH.write_corpus(path, 40, seed=3)  # type: ignore[attr-defined]
    return path


@pytest.fixture(scope="module")
def full_output(corpus_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The uninterrupted run every other run is compared with."""
    out = tmp_path_factory.mktemp("full") / "maps.jsonl"
    assert main(["extract", "--format", "jsonl", str(corpus_jsonl), "-o", str(out), "--batch-size", "4"]) == 0
    return out.read_bytes()


def test_generated_corpus_is_deterministic_and_essay_sized() -> None:
    a = list(BENCH.generate_essays(5, seed=1))  # type: ignore[attr-defined]
    assert a == list(BENCH.generate_essays(5, seed=1))  # type: ignore[attr-defined]
    assert len({text for _, text in a}) == 5
    assert all(400 <= len(text.split()) <= 1200 for _, text in a)


def test_jsonl_lines_are_the_maps_of_each_file_in_input_order(tmp_path: Path) -> None:
    essays = sorted((ROOT / "examples").glob("*.txt"))[:4]
    out = tmp_path / "maps.jsonl"
    assert main(["extract", "--format", "jsonl", *map(str, essays), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [extract_files([str(p)]).to_json(indent=None) for p in essays]


def test_folders_and_globs_expand_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name, text in (("b.txt", "Critics warn that fees hurt."), ("sub/a.md", "Tolls help."), ("c.json", "{}")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--format", "jsonl", str(tmp_path), "-o", str(out)]) == 0
    assert [json.loads(x)["documents"][0]["source"] for x in out.read_text().splitlines()] == [
        str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]
    out2 = tmp_path / "glob.jsonl"
    assert main(["extract", "--format", "jsonl", str(tmp_path / "**" / "*.md"), "-o", str(out2)]) == 0
    assert len(out2.read_text().splitlines()) == 1
    assert main(["extract", "--format", "jsonl", str(tmp_path / "*.nothing"), "-o", str(out2)]) == 2


def test_jsonl_from_stdin(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    feed = b'{"id": "e1", "text": "Critics warn that tolls hurt."}\n{"id": "e2", "text": "Fees are fair."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed)))
    assert main(["extract", "--format", "jsonl", "--input-format", "jsonl", "-"]) == 0
    lines = capsysbinary.readouterr().out.decode().splitlines()
    assert [json.loads(x)["documents"][0]["source"] for x in lines] == ["e1", "e2"]
    assert json.loads(lines[0])["nodes"][0]["kind"] == "critique"


def test_a_failing_document_is_one_line_and_the_run_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Critics warn that tolls hurt the poor.", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01 not text")
    latin = tmp_path / "c.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    last = tmp_path / "d.txt"
    last.write_text("Supporters reply that rebates help.", encoding="utf-8")
    out = tmp_path / "maps.jsonl"
    assert main(["extract", "--format", "jsonl", str(good), str(binary), str(latin), str(last), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"argmap extract: {binary}: binary file (contains NUL bytes), expected UTF-8 text",
                   f"argmap extract: {latin}: not UTF-8 text (invalid byte at offset 3)",
                   "argmap extract: 2 of 4 documents failed (the others were written)"]
    assert [json.loads(x)["documents"][0]["source"] for x in out.read_text().splitlines()] == [str(good), str(last)]


def test_a_bug_in_one_document_fails_it_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """nlp.pipe breaking on one text of a batch: the batch is redone one by one."""

    from argmap.extraction.assemble import assemble as real

    def flaky(text: str, *args: object, **kwargs: object) -> object:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)

    monkeypatch.setattr("argmap.extraction.pipeline.assemble", flaky)
    results = extract_batch([Source("a", text="Critics warn that X."), Source("b", text="BOOM."),
                             Source("c", text="Supporters reply that Y.")])
    assert [(r.id, r.line is not None, r.error) for r in results] == [
        ("a", True, None), ("b", False, "internal error: RuntimeError: boom"), ("c", True, None)]


def test_jobs_two_gives_the_same_bytes(corpus_jsonl: Path, full_output: bytes, tmp_path: Path) -> None:
    out = tmp_path / "maps.jsonl"
    assert main(["extract", "--format", "jsonl", "--jobs", "2", "--batch-size", "3", str(corpus_jsonl),
                 "-o", str(out)]) == 0
    assert out.read_bytes() == full_output


def test_pool_workers_start_with_the_fork_servers_pipeline() -> None:
    """The fork server builds and runs the default pipeline once; a worker's own call finds
    it in the inherited cache (a hit, no second build) and the inherited objects frozen."""
    import gc
    from concurrent.futures import ProcessPoolExecutor

    from argmap.corpus import _init_worker, _pool_context, _stop_fork_server

    context = _pool_context()
    if context.get_start_method() != "forkserver":
        pytest.skip("no fork server on this platform")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_init_worker,
                                 initargs=((),)) as pool:
            # eval: a function the worker can unpickle (this test module is not importable there)
            hits, misses, _, _ = pool.submit(eval, "tuple(__import__('argmap.corpus').corpus.worker_nlp.cache_info())"
                                             ).result()
            frozen = pool.submit(gc.get_freeze_count).result()
    finally:
        _stop_fork_server()
    assert misses == 1 and hits >= 1  # built before the fork, found by the initializer
    assert frozen > 10_000


def test_merged_json_is_unchanged_by_jobs(tmp_path: Path) -> None:
    essays = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))[:3]]
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["extract", *essays, "-o", str(one)]) == 0
    assert main(["extract", "--jobs", "2", *essays, "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_resume_after_any_cut_gives_the_uninterrupted_output(cut: float, corpus_jsonl: Path, full_output: bytes,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever byte a killed run stopped at (a truncated last line included)."""
    out = tmp_path_factory.mktemp("cut") / "maps.jsonl"
    out.write_bytes(full_output[: int(len(full_output) * cut)])
    assert main(["extract", "--format", "jsonl", "--resume", str(corpus_jsonl), "-o", str(out),
                 "--batch-size", "4"]) == 0
    assert out.read_bytes() == full_output


def test_a_killed_run_resumed_gives_the_uninterrupted_output(corpus_jsonl: Path, full_output: bytes,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "maps.jsonl"
    argmap = [sys.executable, "-m", "argmap.cli", "extract", "--format", "jsonl", str(corpus_jsonl), "-o", str(out),
              "--batch-size", "2"]
    proc = subprocess.Popen(argmap, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial = out.read_bytes()
    assert 5 <= partial.count(b"\n") < full_output.count(b"\n")
    assert full_output.startswith(partial[: partial.rfind(b"\n") + 1])
    resumed = subprocess.run([*argmap, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == full_output


def test_resume_refuses_a_file_that_is_not_maps(tmp_path: Path) -> None:
    out = tmp_path / "maps.jsonl"
    out.write_text("hello\nworld\n")
    with pytest.raises(InputError, match="line 1 is not a map"):
        completed_ids(out)
    essay = tmp_path / "e.txt"
    essay.write_text("Critics warn that X.")
    assert main(["extract", "--format", "jsonl", "--resume", str(essay), "-o", str(out)]) == 2
    assert out.read_text() == "hello\nworld\n"
    assert main(["extract", "--resume", str(essay), "-o", str(out)]) == 2  # not jsonl


def test_writer_flushes_each_line(tmp_path: Path) -> None:
    out = tmp_path / "maps.jsonl"
    with JsonlWriter(out) as writer:
        writer.write(Result("x", line=b'{"schema":"argmap/1","documents":[{"id":"d1","source":"x"}]}'))
        assert out.read_text().endswith("\n")  # on disk before the writer closes
        writer.write(Result("y", error="broken"))
    assert completed_ids(out) == {"x"}


def test_bad_jsonl_records_are_failures_not_aborts() -> None:
    import io

    feed = io.BytesIO(b'[1]\n{"id": 7, "text": "T."}\n{"id": "z"}\n')
    got = [(s.id, s.text, s.error is None) for s in iter_sources([("jsonl", "-")], stdin=feed)]
    assert got == [("<stdin>:1", None, False), ("7", "T.", True), ("<stdin>:3", None, False)]


def test_report_jobs_extracts_the_same_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    essays = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))[:3]]
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["report", *essays, "-o", str(one)]) == 0
    assert main(["report", "--jobs", "2", *essays, "-o", str(two)]) == 0
    assert (one / "map.json").read_bytes() == (two / "map.json").read_bytes()
    assert (one / "index.html").read_bytes() == (two / "index.html").read_bytes()
    map_json = one / "map.json"
    assert main(["report", "--jobs", "2", str(map_json), "-o", str(tmp_path / "three")]) == 0  # a map: read as it is
    assert (tmp_path / "three" / "map.json").read_bytes() == map_json.read_bytes()


def test_a_repeated_id_is_a_failure_in_jsonl_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "in.jsonl"
    feed.write_text('{"id": "a", "text": "Critics warn that X."}\n{"id": "a", "text": "Y."}\n'
                    '{"id": "b", "text": "Z."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--format", "jsonl", str(feed), "-o", str(out)]) == 1
    assert "argmap extract: a: repeats the id of an earlier document (ids must be unique)" in capsys.readouterr().err
    full = out.read_bytes()
    assert [json.loads(x)["documents"][0]["source"] for x in full.splitlines()] == ["a", "b"]
    out.write_bytes(full[: full.index(b"\n") + 1])
    assert main(["extract", "--format", "jsonl", "--resume", str(feed), "-o", str(out)]) == 1  # still reported
    assert out.read_bytes() == full


def test_progress_bar_counts_documents_with_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    essays = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))[:3]]
    assert main(["extract", "--format", "jsonl", "--progress", *essays, "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "documents: 100%" in err and "3/3" in err and "/s]" in err


def test_a_killed_pool_run_leaves_no_workers_and_resumes_to_the_same_bytes(corpus_jsonl: Path, full_output: bytes,
                                                                          tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    out = tmp_path / "maps.jsonl"
    argmap = [sys.executable, "-m", "argmap.cli", "extract", "--format", "jsonl", "--jobs", "2", str(corpus_jsonl),
              "-o", str(out), "--batch-size", "2"]
    proc = subprocess.Popen(argmap, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[object] = []
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            workers = psutil.Process(proc.pid).children(recursive=True) or workers
        except psutil.Error:
            pass
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and workers, "the run ended before it could be killed"
    _, alive = psutil.wait_procs(workers, timeout=30)  # type: ignore[arg-type]
    assert not alive, f"workers outlived the killed run: {alive}"
    resumed = subprocess.run([*argmap, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == full_output
