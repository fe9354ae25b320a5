"""The reliability benchmark judges nodes with the scorer's matching rule."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_nodes_are_right_when_matched_with_a_gold_kind(shared_dir: Path) -> None:
    bench = load(ROOT / "benchmarks" / "confidence_reliability.py", "confidence_reliability")
    scorer = bench.load_scorer(shared_dir / "eval" / "score.py")
    gold = {"nodes": [
        {"id": "G1", "kinds": ["critique"], "span": [0, 100], "optional": False},
        {"id": "G2", "kinds": ["claim", "rebuttal"], "span": [200, 300], "optional": False},
        {"id": "G3", "kinds": ["claim"], "span": [400, 500], "optional": True},
    ]}
    predicted = {"nodes": [
        {"id": "n1", "kind": "critique", "span": [0, 90], "confidence": 0.9},    # right
        {"id": "n2", "kind": "critique", "span": [200, 310], "confidence": 0.9},  # matched, wrong kind
        {"id": "n3", "kind": "claim", "span": [410, 500], "confidence": 0.6},     # optional: not judged
        {"id": "n4", "kind": "claim", "span": [600, 700], "confidence": 0.7},     # no gold: wrong
        {"id": "n5", "kind": "claim", "span": [0, 400], "confidence": 0.7},       # covers G1 too thinly
    ]}
    judged = {node["id"]: (confidence, right) for confidence, right, node in bench.judged_nodes(gold, predicted, scorer)}
    assert judged == {"n1": (0.9, True), "n2": (0.9, False), "n4": (0.7, False), "n5": (0.7, False)}
    table = bench.reliability(bench.judged_nodes(gold, predicted, scorer))
    assert table == {0.7: (0, 2), 0.9: (1, 2)} and bench.above(table, 0.8) == (1, 2)
