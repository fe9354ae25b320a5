"""Extraction scored against hand-made gold maps with ../shared/eval/score.py: the seeds in
../shared and the project's own examples/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, requires_shared

SCORER = SHARED / "eval" / "score.py"
CLI = f"{sys.executable} -m argmap.cli extract {{path}}"


def score(gold: Path, texts: Path) -> tuple[dict[str, float], float, float]:
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--texts", str(texts), "--cmd", CLI],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    per_doc = {m[1]: float(m[2]) for m in re.finditer(r"^(\S+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+$", proc.stdout, re.M)}
    total = re.search(r"labeled-node F1 ([\d.]+), edge F1 ([\d.]+)", proc.stdout)
    assert total and per_doc and "ERROR" not in proc.stdout, proc.stdout
    return per_doc, float(total[1]), float(total[2])


@requires_shared
def test_seed_essays_meet_the_bar() -> None:
    per_doc, node_f1, edge_f1 = score(SHARED / "gold", SHARED / "seeds")
    assert node_f1 >= 0.90 and edge_f1 >= 0.85, (node_f1, edge_f1)
    assert min(per_doc.values()) >= 0.80, per_doc


@requires_shared
def test_bundled_examples_meet_the_bar() -> None:
    gold = ROOT / "examples" / "gold"
    if not any(gold.glob("*.gold.json")):
        pytest.fail("examples/gold has no gold maps")
    per_doc, node_f1, edge_f1 = score(gold, ROOT / "examples")
    assert len(per_doc) >= 5
    assert node_f1 >= 0.90 and edge_f1 >= 0.85, (node_f1, edge_f1)
    # The texts written as held-out tests of new layouts (a blog, meeting minutes, an essay with
    # a negative thesis, a phone-in, a judgment, reviews…) stay in examples/ at the level we read
    # them, not tuned up to a bar: this floor (the weakest read 0.71 when it was set) guards them
    # against regressions, the bar is the whole set's.
    assert min(per_doc.values()) >= 0.65, per_doc
