"""Corpus scale: streaming extraction of a generated corpus, on one core, two, and Dask.

The corpus is generated at run time into a temporary folder (never committed): essays made by
recombining the blocks (headings and paragraphs) of examples/*.txt, about 500 words each, as
one JSONL file of ``{"id": …, "text": …}`` records. Each run is a fresh
``argmap extract --format jsonl`` process, so that its figures are its own; for each it prints
the wall time, the CPU time of it and its descendants (exact, ``getrusage``) as user and
system time, page faults, the CPU time of each process by role (command, fork server,
workers; sampled every 0.1 s), the peak of their summed RSS, the cores' worth of CPU the rest
of the machine used meanwhile ("others") and the load average. Measured:

- throughput of ``--jobs 1`` against ``spacy.blank("en")`` with the ``sentencizer`` piping
  the same texts, both whole processes reading the same JSONL (bar: argmap within 2× in CPU
  time, which other load on the machine changes least; the wall-clock ratio is reported);
- ``--jobs 2`` against ``--jobs 1`` (bar: at least 1.6× faster in wall time on a 2-core
  machine; meaningful only when "others" is near 0, so the CPU time ratio is reported too);
- peak RSS of the whole run, workers included (bar: under 1 GB, and about the same for the
  small and the full corpus: memory bounded by the batches in flight);
- cost per document past the fixed cost of a run (start-up, measured on 10 essays), in CPU
  time (wall clock reported), for the small (``--small``, default 1,000) and the full corpus
  (``--docs``, default 10,000): linear when the ratio is near 1;
- ``--dask`` on a 2-worker LocalCluster over the small corpus: output identical to
  ``--jobs 1`` byte for byte, and its time against ``--jobs 2``.

Run: python benchmarks/corpus.py [--docs 10000] [--small 1000] [--no-dask] [--json FILE]
Also: --speedup N [--repeat R] (only --jobs 1 and --jobs 2 over N essays, alternately R times,
with the workers' CPU against --jobs 1's and a projection for two free cores, labelled as
such); --profile N (a cProfile of one --jobs 1 run split by where its CPU goes: the driver's
own share); --report N,N (argmap report --jobs 2). docs/corpus.md has the figures measured.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_ESSAY = 500
TINY = 10  # essays of the run that measures the fixed cost (start-up, pipeline building)


def _blocks(path: Path) -> list[str]:
    return [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def generate_essays(n: int, seed: int = 0, words: int = WORDS_PER_ESSAY) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of ``n`` essays: the title of one example, then runs of consecutive
    blocks of two examples, until about ``words`` words. Deterministic for a ``seed``."""
    sources = [b for b in (_blocks(p) for p in sorted((ROOT / "examples").glob("*.txt"))) if len(b) > 2]
    if not sources:
        sys.exit("benchmarks/corpus.py: examples/*.txt not found")
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        first, second = rng.sample(range(len(sources)), 2)
        parts, count = [sources[first][0]], 0
        while count < words:
            blocks = sources[first if len(parts) % 2 else second]
            start = rng.randrange(1, len(blocks))
            for block in blocks[start:start + rng.randint(2, 5)]:
                parts.append(block)
                count += len(block.split())
        yield f"essay-{i + 1:05d}", "\n\n".join(parts) + "\n"


def write_corpus(path: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` generated essays as JSONL to ``path``; returns the number of words."""
    total = 0
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, text in generate_essays(n, seed):
            total += len(text.split())
            fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return total


def _baseline(path: str, batch_size: int) -> None:
    """spaCy blank("en") + sentencizer piping the texts of a JSONL corpus (run as a child)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def texts() -> Iterator[str]:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        sum(1 for _ in doc.sents)


def _children_usage() -> Any:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN)


def _machine_busy() -> float | None:
    """CPU seconds the whole machine has been busy since boot (Linux ``/proc/stat``), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _role(cmdline: list[str], parent_pid: int, servers: set[int]) -> str:
    """What a process of a run is: the command itself, the fork server of ``--jobs``, a worker
    (forked by the server, or spawned: Dask's), multiprocessing's resource tracker."""
    line = " ".join(cmdline)
    if "multiprocessing.forkserver" in line:
        return "worker" if parent_pid in servers else "fork server"
    if "resource_tracker" in line:
        return "resource tracker"
    if "spawn_main" in line:
        return "worker"
    return "command" if parent_pid == 0 else "other"


def measure(cmd: list[str], poll: float = 0.1) -> dict[str, Any]:
    """Run ``cmd``; its wall time (s); the CPU time of it and all its descendants, exact (each
    parent waits for its children), as ``cpu_seconds`` and split into ``user``/``sys``, with
    their minor and major page faults and context switches; the CPU time of each process
    (``processes``: role and CPU seconds, sampled every ``poll`` seconds, so a process's last
    ``poll`` seconds may be missed: ``unsampled`` is what the samples miss of the exact
    total); the peak of their summed RSS (MB, sampled); ``others_cores``: the cores' worth of
    CPU the rest of the machine used meanwhile (0 on a quiet machine; Linux only, else -1),
    which says how far the wall time can be trusted; and the load average at the start."""
    import psutil

    before, own = _children_usage(), time.process_time()  # own: this sampling loop, not "others"
    busy, load = _machine_busy(), os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    seen: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU seconds when last sampled)
    servers: set[int] = set()
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = []
        rss = 0
        for p in tree:
            try:
                with p.oneshot():
                    if p.pid not in seen:
                        role = _role(p.cmdline(), 0 if p.pid == proc.pid else p.ppid(), servers)
                        if role == "fork server":
                            servers.add(p.pid)
                    else:
                        role = seen[p.pid][0]
                    times = p.cpu_times()
                    seen[p.pid] = (role, times.user + times.system)
                    rss += p.memory_info().rss
            except psutil.Error:
                continue
        peak = max(peak, rss)
        time.sleep(poll)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"benchmarks/corpus.py: {' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    after_usage = _children_usage()
    after = _machine_busy()
    own = time.process_time() - own

    def delta(field: str) -> float:
        return getattr(after_usage, field) - getattr(before, field)

    used = delta("ru_utime") + delta("ru_stime")
    others = -1.0 if busy is None or after is None else max(0.0, after - busy - used - own) / seconds
    processes = sorted(seen.values(), key=lambda rc: ("command", "fork server", "worker").index(rc[0])
                       if rc[0] in ("command", "fork server", "worker") else 3)
    return {"seconds": seconds, "cpu_seconds": used, "user": delta("ru_utime"), "sys": delta("ru_stime"),
            "minor_faults": int(delta("ru_minflt")), "major_faults": int(delta("ru_majflt")),
            "voluntary_switches": int(delta("ru_nvcsw")), "involuntary_switches": int(delta("ru_nivcsw")),
            "processes": processes, "unsampled": used - sum(c for _, c in processes),
            "rss_mb": peak / 2**20, "others_cores": others, "load": load}


def describe(got: dict[str, Any]) -> str:
    """One run's figures on two lines: wall, CPU (user, sys), faults, peak RSS, the rest of the
    machine's CPU; then the CPU of each process by role."""
    by_role: dict[str, list[float]] = {}
    for role, cpu in got["processes"]:
        by_role.setdefault(role, []).append(cpu)
    split = "; ".join(f"{role} {' + '.join(f'{c:.2f}' for c in cpus)}" for role, cpus in by_role.items())
    return (f"wall {got['seconds']:6.2f} s  CPU {got['cpu_seconds']:6.2f} s (user {got['user']:.2f}, "
            f"sys {got['sys']:.2f})  faults {got['minor_faults']:,} minor, {got['major_faults']} major  "
            f"peak RSS {got['rss_mb']:4.0f} MB  others {got['others_cores']:4.2f} cores  load {got['load']:.1f}\n"
            f"      CPU s by process (sampled): {split}; unsampled {got['unsampled']:.2f}")


def _reports(sizes: list[int]) -> int:
    """Time and peak RSS of the split report (index + a page per document) by corpus size."""
    print(f"argmap report --jobs 2 (load average {os.getloadavg()[0]:.1f})")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="argmap-report-") as tmp:
            texts = Path(tmp) / "essays"
            texts.mkdir()
            for doc_id, text in generate_essays(n):
                (texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            got = measure([sys.executable, "-m", "argmap.cli", "report", "--jobs", "2", str(texts),
                           "-o", str(Path(tmp) / "report")])
            pages = len(list((Path(tmp) / "report").glob("*.html")))
            print(f"  {n:>6} essays: {got['seconds']:7.1f} s  CPU {got['cpu_seconds']:7.1f} s  "
                  f"peak RSS {got['rss_mb']:6.0f} MB  {pages} pages", flush=True)
    return 0


def _cumulative(stats: dict[Any, Any], file_end: str, name: str, callers: tuple[str, ...] = ()) -> float:
    """Seconds spent in (and under) the functions ``name`` of files ending ``file_end``;
    with ``callers`` (``"path/file.py:function"`` ends), only in the calls made from those."""
    total = 0.0
    for (file, _, function), (_, _, _, cumulative, called_from) in stats.items():
        if function == name and file.replace(os.sep, "/").endswith(file_end):
            total += cumulative if not callers else sum(
                c[3] for (where, _, caller), c in called_from.items()
                if f"{where.replace(os.sep, '/')}:{caller}".endswith(callers))
    return total


def profile_split(n: int, out: Path) -> dict[str, float]:
    """cProfile one ``argmap extract --format jsonl --jobs 1`` run (in this process) over
    ``n`` essays; its CPU split into what the time went to, in profiled seconds (profiling
    slows Python code more than spaCy's compiled tokenizer, so shares are approximate)."""
    import cProfile
    import pstats

    from argmap.cli import main as argmap_main

    corpus = out / "profile.jsonl"
    write_corpus(corpus, n)
    profiler = cProfile.Profile()
    profiler.enable()
    code = argmap_main(["extract", "--format", "jsonl", "--input-format", "jsonl", "--no-progress",
                        str(corpus), "-o", str(out / "maps.jsonl")])
    profiler.disable()
    if code:
        sys.exit(f"benchmarks/corpus.py: the profiled run failed ({code})")
    if os.environ.get("ARGMAP_PROFILE_DUMP"):
        profiler.dump_stats(os.environ["ARGMAP_PROFILE_DUMP"])
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    cum = functools.partial(_cumulative, stats)
    command = cum("argmap/commands/extract.py", "command")
    pipe = cum("spacy/language.py", "pipe")
    # the extraction component's calls, from spaCy's pipe: the tokenizer's ``__call__`` lives in
    # the same file and is counted as the tokenizer (``make_doc``), not twice
    component = cum("argmap/extraction/pipeline.py", "__call__", callers=("spacy/util.py:_pipe",))
    map_building = (cum("pydantic/main.py", "model_validate", callers=("argmap/extraction/assemble.py:assemble",
                                                                        "argmap/extraction/doc_results.py:_read"))
                    + cum("argmap/extraction/doc_results.py", "set_map")
                    + cum("argmap/extraction/doc_results.py", "get_map")
                    + cum("argmap/extraction/__init__.py", "_with_source"))
    split = {
        "spaCy import + pipeline building (once)": cum("argmap/corpus.py", "worker_nlp"),
        "imports of the CLI and argmap.extraction": cum("<frozen importlib._bootstrap>", "_find_and_load", callers=(
            "argmap/corpus.py:extract_batch", "argmap/commands/extract.py:command",
            "argmap/commands/extract.py:_results", "argmap/commands/extract.py:_stream")),
        "reading input (JSONL records)": cum("argmap/corpus.py", "iter_sources"),
        "tokenizer (spaCy)": cum("spacy/language.py", "make_doc"),
        "argmap sentence component": cum("argmap/extraction/pipeline.py", "argmap_sentences"),
        "argmap extraction component (but map building)": component - map_building
        + cum("argmap/extraction/__init__.py", "_with_source"),
        "map building + validation (pydantic, doc._.argmap)": map_building,
        "JSON serialisation (to_json_bytes)": cum("argmap/model.py", "to_json_bytes"),
        "writing + fsync": cum("argmap/corpus.py", "write_batch") + cum("argmap/corpus.py", "sync"),
        "progress bar (not drawn)": cum("argmap/progress.py", "progress_bar"),
    }
    split["spaCy pipe plumbing"] = (pipe - split["tokenizer (spaCy)"] - split["argmap sentence component"]
                                    - component)
    split["driver (batches, results, CLI)"] = command - sum(split.values())
    split["total"] = pstats.Stats(profiler).total_tt  # type: ignore[attr-defined]
    return split


def _profile(n: int) -> int:
    with tempfile.TemporaryDirectory(prefix="argmap-profile-") as tmp:
        split = profile_split(n, Path(tmp))
    total = split.pop("total")
    print(f"cProfile of argmap extract --format jsonl --jobs 1, {n} essays: {total:.2f} s under the profiler "
          f"(wall clock; load average {os.getloadavg()[0]:.1f})")
    for label, seconds in split.items():
        print(f"  {label:<52} {seconds:7.3f} s  {100 * seconds / total:5.1f} %")
    return 0


def projected_speedup(cpu1: float, cpu2: float, cpu2_tiny: float) -> float:
    """``--jobs 2`` against ``--jobs 1`` on two free cores, from CPU times alone: ``--jobs 1``
    takes its CPU time; ``--jobs 2`` its fixed cost (the CPU time of a run over a few
    documents: start-up, fork server, pipelines; counted whole, though the two pipelines are
    built side by side) plus half the rest. A projection, not a measurement."""
    return cpu1 / (cpu2_tiny + (cpu2 - cpu2_tiny) / 2)


def _speedup(n: int, repeat: int, batch_size: int) -> int:
    """``--jobs 1`` and ``--jobs 2`` over ``n`` essays, alternately ``repeat`` times, each
    run with the CPU the rest of the machine used meanwhile."""
    argmap = [sys.executable, "-m", "argmap.cli", "extract", "--format", "jsonl", "--input-format", "jsonl",
              "--no-progress", "--batch-size", str(batch_size)]
    with tempfile.TemporaryDirectory(prefix="argmap-speedup-") as tmp:
        folder = Path(tmp)
        tiny, corpus = folder / "tiny.jsonl", folder / "corpus.jsonl"
        write_corpus(tiny, TINY)
        words = write_corpus(corpus, n)
        print(f"--jobs 1 vs --jobs 2: {n} essays, {words:,} words; {os.cpu_count()} cpus", flush=True)

        def run(jobs: int, path: Path) -> dict[str, float]:
            out = folder / f"j{jobs}-{path.stem}.jsonl"
            got = measure([*argmap, "--jobs", str(jobs), str(path), "-o", str(out)])
            print(f"  jobs {jobs} {path.stem:<6} {describe(got)}", flush=True)
            return got

        tiny1, tiny2 = run(1, tiny), run(2, tiny)
        rounds = [(run(1, corpus), run(2, corpus)) for _ in range(repeat)]
        same = (folder / "j1-corpus.jsonl").read_bytes() == (folder / "j2-corpus.jsonl").read_bytes()
    quiet1, quiet2 = min(rounds, key=lambda r: r[0]["others_cores"] + r[1]["others_cores"])
    best1 = min(r[0]["seconds"] for r in rounds)
    best2 = min(r[1]["seconds"] for r in rounds)
    cpu1 = min(r[0]["cpu_seconds"] for r in rounds)
    cpu2 = min(r[1]["cpu_seconds"] for r in rounds)
    print(f"  wall speed-up, quietest round (others {quiet1['others_cores']:.2f} and {quiet2['others_cores']:.2f} "
          f"cores): {quiet1['seconds'] / quiet2['seconds']:.2f}x; best walls: {best1 / best2:.2f}x")
    print(f"  CPU time jobs 2 / jobs 1 (least of the rounds): {cpu2 / cpu1:.3f}; fixed cost ({TINY} essays): "
          f"jobs 1 {tiny1['cpu_seconds']:.2f} s, jobs 2 {tiny2['cpu_seconds']:.2f} s CPU")
    for one, two in rounds:
        workers = [c for role, c in two["processes"] if role == "worker"]
        print(f"  round: jobs 2 workers' CPU {sum(workers):.2f} s against jobs 1's past its fixed cost "
              f"{one['cpu_seconds'] - tiny1['cpu_seconds']:.2f} s "
              f"({sum(workers) / (one['cpu_seconds'] - tiny1['cpu_seconds']):.3f}x: the work itself, two at a time)")
    print(f"  PROJECTED from CPU times, two free cores: {projected_speedup(cpu1, cpu2, tiny2['cpu_seconds']):.2f}x")
    print(f"  outputs identical: {same}")
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="essays in the full corpus (default 10000)")
    parser.add_argument("--small", type=int, default=1_000, help="essays in the small corpus (default 1000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    parser.add_argument("--report", metavar="N,N", help="instead: time and peak RSS of 'argmap report --jobs 2' "
                                                        "on this many essays each (e.g. 60,180)")
    parser.add_argument("--profile", type=int, metavar="N", help="instead: cProfile one --jobs 1 run over N essays "
                                                                 "and split its CPU time")
    parser.add_argument("--speedup", type=int, metavar="N", help="instead: --jobs 1 and --jobs 2 over N essays, "
                                                                 "alternately --repeat times")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of --speedup (default 3)")
    parser.add_argument("--baseline", metavar="JSONL", help=argparse.SUPPRESS)  # the child run of the baseline
    args = parser.parse_args()
    if args.baseline:
        _baseline(args.baseline, args.batch_size)
        return 0
    if args.speedup:
        return _speedup(args.speedup, args.repeat, args.batch_size)
    if args.profile:
        return _profile(args.profile)
    if args.report:
        return _reports([int(n) for n in args.report.split(",")])
    argmap = [sys.executable, "-m", "argmap.cli", "extract", "--format", "jsonl", "--input-format", "jsonl",
              "--no-progress", "--batch-size", str(args.batch_size)]
    figures: dict[str, object] = {"docs": args.docs, "small": args.small, "cpus": os.cpu_count(),
                                  "load_before": os.getloadavg()[0]}
    ok = True
    with tempfile.TemporaryDirectory(prefix="argmap-corpus-") as tmp:
        folder = Path(tmp)
        tiny, small, full = folder / "tiny.jsonl", folder / "small.jsonl", folder / "full.jsonl"
        words = {"tiny": write_corpus(tiny, TINY), "small": write_corpus(small, args.small),
                 "full": write_corpus(full, args.docs)}
        figures["words"] = words
        print(f"corpus: {args.docs} essays, {words['full']:,} words (small: {args.small}, {words['small']:,})")
        runs: dict[str, dict[str, float]] = {}

        def run(name: str, cmd: list[str], corpus: str) -> None:
            runs[name] = measure(cmd)
            runs[name]["words_per_s"] = words[corpus] / runs[name]["seconds"]
            print(f"  {name:<12} {runs[name]['words_per_s']:9,.0f} words/s  {describe(runs[name])}", flush=True)

        base = [sys.executable, __file__, "--batch-size", str(args.batch_size), "--baseline"]
        run("jobs1-tiny", [*argmap, str(tiny), "-o", str(folder / "j1-tiny.jsonl")], "tiny")  # the fixed cost
        run("spacy-small", [*base, str(small)], "small")
        run("jobs1-small", [*argmap, str(small), "-o", str(folder / "j1-small.jsonl")], "small")
        run("jobs2-small", [*argmap, "--jobs", "2", str(small), "-o", str(folder / "j2-small.jsonl")], "small")
        if not args.no_dask:
            run("dask2-small", [*argmap, "--dask", "--jobs", "2", str(small), "-o", str(folder / "dask-small.jsonl")],
                "small")
            figures["dask_identical"] = (folder / "dask-small.jsonl").read_bytes() == (folder / "j1-small.jsonl").read_bytes()
        run("spacy-full", [*base, str(full)], "full")
        run("jobs1-full", [*argmap, str(full), "-o", str(folder / "j1-full.jsonl")], "full")
        run("jobs2-full", [*argmap, "--jobs", "2", str(full), "-o", str(folder / "j2-full.jsonl")], "full")
        figures["jobs2_identical"] = (folder / "j2-full.jsonl").read_bytes() == (folder / "j1-full.jsonl").read_bytes()
        figures["output_mb"] = (folder / "j1-full.jsonl").stat().st_size / 2**20
    figures["runs"] = runs
    figures["load_after"] = os.getloadavg()[0]
    def ratio(a: str, b: str, key: str = "seconds") -> float:
        return runs[a][key] / runs[b][key]

    vs_spacy, vs_spacy_wall = ratio("jobs1-full", "spacy-full", "cpu_seconds"), ratio("jobs1-full", "spacy-full")
    speedup = ratio("jobs1-full", "jobs2-full")
    peak = max(r["rss_mb"] for name, r in runs.items() if not name.startswith("spacy"))
    rss_ratio = ratio("jobs1-full", "jobs1-small", "rss_mb")
    def per_doc(name: str, docs: int, key: str) -> float:  # the cost of a document past the fixed cost
        return (runs[name][key] - runs["jobs1-tiny"][key]) / (docs - TINY)

    linear = per_doc("jobs1-full", args.docs, "cpu_seconds") / per_doc("jobs1-small", args.small, "cpu_seconds")
    linear_wall = per_doc("jobs1-full", args.docs, "seconds") / per_doc("jobs1-small", args.small, "seconds")
    bars = [("jobs 1 / spaCy blank+sentencizer, CPU time (full)", vs_spacy, vs_spacy <= 2.0, "<= 2"),
            ("jobs 1 / spaCy blank+sentencizer, wall (full)", vs_spacy_wall, True, "reported"),
            ("jobs 1 wall / jobs 2 wall (full)", speedup, speedup >= 1.6, ">= 1.6"),
            ("peak RSS of any argmap run, MB", peak, peak < 1024, "< 1024"),
            ("peak RSS full / small (jobs 1)", rss_ratio, rss_ratio < 1.25, "about 1"),
            ("CPU per doc past start-up, full / small (jobs 1)", linear, 0.8 <= linear <= 1.25, "about 1"),
            ("wall per doc past start-up, full / small (jobs 1)", linear_wall, True, "reported"),
            ("jobs 2 output identical to jobs 1 (full)", figures["jobs2_identical"], figures["jobs2_identical"], "yes")]
    cpu_ratio = runs["jobs2-full"]["cpu_seconds"] / runs["jobs1-full"]["cpu_seconds"]
    bars.append(("CPU time jobs 2 / jobs 1 (full; work added)", cpu_ratio, True, "reported"))
    if not args.no_dask:
        overhead = runs["dask2-small"]["seconds"] / runs["jobs2-small"]["seconds"]
        figures["dask_overhead"] = overhead
        bars += [("dask output identical to jobs 1 (small)", figures["dask_identical"], figures["dask_identical"], "yes"),
                 ("dask 2 workers time / jobs 2 time (small)", overhead, True, "reported")]
    print(f"machine: {os.cpu_count()} cpus, load average {figures['load_before']:.1f} before, "
          f"{figures['load_after']:.1f} after (other processes share the cores)")
    for label, value, passed, target in bars:
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        print(f"  {label:<52} {shown:>8}  (bar {target}) {'ok' if passed else 'MISSED'}")
        ok &= bool(passed)
    figures["bars"] = {label: {"value": value, "passed": bool(passed)} for label, value, passed, _ in bars}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
