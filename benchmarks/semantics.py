"""Benchmark: argmap's Dung semantics against pygarg (SAT, python-sat) and clingo (an
ASPARTIX-style ASP encoding written here), on the ICCMA instances in ../shared/data/iccma.

* grounded: ``argmap solve -p SE-GR`` on a random 100k-argument / 300k-attack framework,
  whole process, against a bare queue solver (a 30-line script: read the file, run the
  queue, print), also a whole process;
* the ICCMA tasks of issue 14's table: DC-PR and DS-PR on the n150–n200 instances and
  Medium-result-b1 (query: the instance's .arg file, else its first argument), EE-PR and
  EE-ST on the instances named there.

Each (tool, instance, task) runs in a fresh worker process killed at ``--budget`` seconds
(60 by default, wall clock); the time printed is the worker's CPU time around importing the
tool, reading the file and solving (interpreter start excluded, the same for every tool).
CPU time, because the machine these numbers come from is shared: wall times there swing
with other people's load, CPU seconds much less. Answers are
compared (DC/DS yes/no, EE the set of extensions), so a speed-up never hides a wrong answer.
``ratio`` is argmap's time over the faster peer's.

Run:  python benchmarks/semantics.py [--budget 60] [--only EE-PR] [--instance n200p3q34h]
      [--skip-grounded]
(needs the ``bench`` extra: pip install 'argmap[bench]'; a tool that is not installed is
shown as "-").
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_ICCMA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "iccma"

AFGEN = ["n150p3q34n", "n160p3q24e", "n160p3q34h", "n175p3q34h", "n200p3q34h"]
MEDIUM = "iccma2019-Medium-result-b1/Medium-result-b1.apx"
ST890 = "iccma-af-i23/st_890_86_9_572.af"
CASES = (
    [(f"afgen-samples/{n}.apx", task) for n in AFGEN for task in ("DC-PR", "DS-PR")]
    + [(MEDIUM, "DC-PR"), (MEDIUM, "DS-PR")]
    + [(f"afgen-samples/{n}.apx", "EE-PR") for n in ("n150p3q34n", "n160p3q24e", "n160p3q34h", "n200p3q34h")]
    + [(MEDIUM, "EE-PR"), (ST890, "EE-PR")]
    + [(f"afgen-samples/{n}.apx", "EE-ST") for n in ("n150p3q34n", "n160p3q24e", "n200p3q34h")]
    + [(ST890, "EE-ST")]
)
TOOLS = ("argmap", "pygarg", "clingo")

# ASPARTIX-style encodings: in/out guess, conflict-freeness, defeat; complete adds the
# fixpoint, stable that every OUT argument is defeated; preferred is complete with a domain
# heuristic making clingo enumerate subset-maximal IN sets (--enum-mode=domRec).
ASP_BASE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
ASP_COMPLETE = ASP_BASE + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not defeated(X), not undefended(X).
"""
ASP_STABLE = ASP_BASE + ":- out(X), not defeated(X).\n"
ASP_MAXIMAL = "#heuristic in(X) : arg(X). [1,true]\n"


# ----- the worker: one tool, one instance, one task ----------------------------------------


def run_argmap(path: Path, task: str, query: str | None) -> object:
    from argmap.formats.iccma import read_framework
    from argmap.semantics import credulously_accepted, extensions, skeptically_accepted, some_extension

    af = read_framework(path)
    kind, code = task.split("-")
    semantics = {"PR": "preferred", "ST": "stable", "CO": "complete", "GR": "grounded"}[code]
    bounds = {"time_limit": None, "memory_limit": None}
    if kind == "DC":
        return credulously_accepted(af, query, semantics, **bounds)[0]
    if kind == "DS":
        return skeptically_accepted(af, query, semantics, **bounds)[0]
    if kind == "SE":
        return sorted(some_extension(af, semantics, **bounds) or [])
    return [sorted(e) for e in extensions(af, semantics, limit=None, **bounds)]


def run_pygarg(path: Path, task: str, query: str | None) -> object:
    from pygarg.dung import apx_parser, dimacs_parser, solver

    args, atts = (apx_parser if path.suffix == ".apx" else dimacs_parser).parse(str(path))
    kind, code = task.split("-")
    if kind == "DC":
        return bool(solver.credulous_acceptability(args, atts, query, code)[0])
    if kind == "DS":
        return bool(solver.skeptical_acceptability(args, atts, query, code)[0])
    return [sorted(e) for e in solver.extension_enumeration(args, atts, code)]


def run_clingo(path: Path, task: str, query: str | None) -> object:
    import clingo

    kind, code = task.split("-")
    text = path.read_text()
    if path.suffix != ".apx":  # ICCMA 2023 "p af N" + "i j" lines as facts
        lines = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        n = int(lines[0][2])
        text = f"arg(1..{n}).\n" + "".join(f"att({a},{b}).\n" for a, b in lines[1:])
    maximal = code == "PR"
    ctl = clingo.Control(["0", *(["--heuristic=Domain", "--enum-mode=domRec"] if maximal else [])])
    program = (ASP_STABLE if code == "ST" else ASP_COMPLETE) + (ASP_MAXIMAL if maximal else "")
    if kind == "DC":
        program += f":- not in({query}).\n"
        ctl.configuration.solve.models = 1
    ctl.add("base", [], text + program)
    ctl.ground([("base", [])])
    found: list[list[str]] = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            ins = sorted(str(s.arguments[0]) for s in model.symbols(atoms=True) if s.name == "in")
            if kind == "DS" and query not in ins:
                return False  # a preferred extension without the query
            found.append(ins)
    if kind == "DC":
        return bool(found)
    if kind == "DS":
        return True
    return found


def worker(tool: str, path: str, task: str, query: str | None) -> None:
    """Print ``{"seconds": ..., "digest": ..., "count": ...}`` for one run."""
    start = time.process_time()
    answer = {"argmap": run_argmap, "pygarg": run_pygarg, "clingo": run_clingo}[tool](Path(path), task, query)
    seconds = time.process_time() - start
    if isinstance(answer, list) and answer and isinstance(answer[0], list):
        canonical = sorted(" ".join(sorted(e)) for e in answer)
        digest = hashlib.sha1("\n".join(canonical).encode()).hexdigest()[:10]
        out = {"seconds": seconds, "digest": digest, "count": len(answer)}
    elif isinstance(answer, list):  # EE with no extension
        out = {"seconds": seconds, "digest": "none", "count": 0}
    else:
        out = {"seconds": seconds, "digest": "YES" if answer else "NO", "count": None}
    print(json.dumps(out))


# ----- the driver -----------------------------------------------------------------------------


def available(tool: str) -> bool:
    return tool == "argmap" or importlib.util.find_spec(tool) is not None


def measure(tool: str, path: Path, task: str, query: str | None, budget: float) -> dict | None:
    cmd = [sys.executable, __file__, "--worker", tool, str(path), task, query or ""]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        return {"error": (run.stderr.strip().splitlines() or ["failed"])[-1][:60]}
    return json.loads(run.stdout.strip().splitlines()[-1])


def query_of(path: Path) -> str:
    arg_file = path.with_suffix(".arg")
    if arg_file.exists():
        return arg_file.read_text().strip()
    from argmap.formats.iccma import read_framework

    return read_framework(path).arguments[0]


def cell(result: dict | None, budget: float) -> str:
    if result is None:
        return f"> {budget:g} s"
    if "error" in result:
        return "error"
    return f"{result['seconds']:.2f} s"


def bench_iccma(budget: float, only: str | None, instance: str | None = None) -> list[dict]:
    if not SHARED_ICCMA.is_dir():
        print(f"ICCMA instances: {SHARED_ICCMA} not found, skipped")
        return []
    tools = [t for t in TOOLS if available(t)]
    print(f"ICCMA tasks, {budget:g} s per run; tools: {', '.join(tools)}")
    print(f"{'instance':<22} {'task':<6} {'argmap':>9} {'pygarg':>9} {'clingo':>9} {'ratio':>6} "
          f"{'#ext':>6}  agree")
    rows = []
    for rel, task in CASES:
        if (only and task != only) or (instance and Path(rel).stem != instance):
            continue
        path = SHARED_ICCMA / rel
        query = query_of(path) if task.startswith(("DC", "DS")) else None
        results = {tool: measure(tool, path, task, query, budget) if tool in tools else None for tool in TOOLS}
        done = {t: r for t, r in results.items() if r and "error" not in r}
        peers = [r["seconds"] for t, r in done.items() if t != "argmap"]
        ours = done.get("argmap")
        ratio = f"{ours['seconds'] / min(peers):.2f}" if ours and peers else "-"
        agree = "yes" if len({r["digest"] for r in done.values()}) <= 1 else "NO"
        count = next((str(r["count"]) for r in done.values() if r.get("count") is not None), "")
        cells = [cell(results[t], budget) if t in tools else "-" for t in TOOLS]
        print(f"{Path(rel).stem[:22]:<22} {task:<6} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9} {ratio:>6} "
              f"{count:>6}  {agree}", flush=True)
        rows.append({"instance": Path(rel).stem, "task": task, "results": results, "ratio": ratio, "agree": agree})
    return rows


BARE_QUEUE = """
import sys
from collections import deque
lines = open(sys.argv[1]).read().split("\\n")
n = int(lines[0].split()[2])
targets = [[] for _ in range(n)]
live = [0] * n
for line in lines[1:]:
    if line:
        a, b = line.split()
        targets[int(a) - 1].append(int(b) - 1)
        live[int(b) - 1] += 1
state = [0] * n
queue = deque(i for i in range(n) if live[i] == 0)
for i in queue:
    state[i] = 1
while queue:
    for t in targets[queue.popleft()]:
        if state[t] == 0:
            state[t] = 2
            for u in targets[t]:
                live[u] -= 1
                if live[u] == 0 and state[u] == 0:
                    state[u] = 1
                    queue.append(u)
print("w", *(i + 1 for i in range(n) if state[i] == 1))
"""


def _child_cpu(cmd: list[str]) -> float:
    """CPU seconds (user + system) of running ``cmd`` to the end, its children included."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(u.ru_utime + u.ru_stime)\n")
    return float(subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                                check=True).stdout)


def bench_grounded(n: int = 100_000, per_argument: int = 3) -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.af"
        pairs = {(rng.randrange(n), rng.randrange(n)) for _ in range(per_argument * n)}
        path.write_text(f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in sorted(pairs)))
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_QUEUE)
        argmap_cmd = [sys.executable, "-c", "import sys; from argmap.cli import main; sys.exit(main())",
                      "solve", "-p", "SE-GR", "-f", str(path)]
        times = {}
        outputs = {}
        for name, cmd in (("bare queue", [sys.executable, str(bare), str(path)]), ("argmap", argmap_cmd)):
            best = None
            for _ in range(3):
                took = _child_cpu(cmd)
                best = took if best is None else min(best, took)
            times[name], outputs[name] = best, subprocess.run(cmd, capture_output=True, text=True).stdout
        print(f"grounded, random framework {n:,} arguments / {len(pairs):,} attacks, whole process "
              "(CPU seconds, children included), best of 3")
        print(f"  bare queue {times['bare queue']:.2f} s   argmap solve -p SE-GR {times['argmap']:.2f} s   "
              f"ratio {times['argmap'] / times['bare queue']:.2f} (bar: <= 2)   "
              f"same answer: {outputs['argmap'] == outputs['bare queue']}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        tool, path, task, query = argv[1:5]
        worker(tool, path, task, query or None)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per run (each tool, instance, task)")
    parser.add_argument("--only", help="run one task of the table only, e.g. EE-PR")
    parser.add_argument("--instance", help="run one instance of the table only, e.g. n200p3q34h")
    parser.add_argument("--skip-grounded", action="store_true")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}")
    if not args.skip_grounded:
        bench_grounded()
    rows = bench_iccma(args.budget, args.only, args.instance)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
