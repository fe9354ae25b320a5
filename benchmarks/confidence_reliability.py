"""Confidence reliability: does a node's confidence say how often such a node is right?

For every text of a gold set (default ``../shared/dev``) the map is extracted and each
predicted node is matched to the gold with the scorer's own rule (``../shared/eval/score.py``,
loaded and called here, not re-implemented: overlap >= 60 % of the gold span and >= 40 % of
the predicted one, one-to-one, largest overlap first). A node is *right* when it is matched and
its kind is one of the gold kinds; a node matched to an optional gold node counts neither way.
The table gives, per confidence value, the share of nodes that are right. Bar: nodes above 0.8
are right at least 80 % of the time (exit status 1 when they are not).

Run: python benchmarks/confidence_reliability.py [--gold DIR] [--texts DIR] [--verbose]
(skips with a message, exit 0, when the gold set is absent)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BAR_CONFIDENCE, BAR_SHARE = 0.8, 0.8


def load_scorer(path: Path) -> ModuleType:
    """The project's extraction scorer as a module (its matching rule is the one used here)."""
    spec = importlib.util.spec_from_file_location("argmap_gold_scorer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judged_nodes(gold: dict, predicted: dict, scorer: ModuleType) -> list[tuple[float, bool, dict]]:
    """``(confidence, right, node)`` of each predicted node that the gold judges (not optional)."""
    gold_nodes = {g["id"]: g for g in gold["nodes"]}
    nodes = [dict(n, _span=scorer.span_of(n)) for n in predicted["nodes"] if n.get("span") is not None]
    matches = scorer.match_nodes(nodes, list(gold_nodes.values()))
    out = []
    for node in nodes:
        gid = matches.get(node["id"])
        if gid is not None and gold_nodes[gid]["optional"]:
            continue
        right = gid is not None and node["kind"] in gold_nodes[gid]["kinds"]
        out.append((float(node.get("confidence") if node.get("confidence") is not None else 0.0), right, node))
    return out


def reliability(judged: Iterable[tuple[float, bool, dict]]) -> dict[float, tuple[int, int]]:
    """Confidence value → ``(right, total)``.

    Example:
        >>> reliability([(0.9, True, {}), (0.9, False, {}), (0.6, True, {})])
        {0.6: (1, 1), 0.9: (1, 2)}
    """
    table: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for confidence, right, _ in judged:
        table[round(confidence, 3)][0] += right
        table[round(confidence, 3)][1] += 1
    return {c: (r, n) for c, (r, n) in sorted(table.items())}


def above(table: dict[float, tuple[int, int]], threshold: float) -> tuple[int, int]:
    """``(right, total)`` of the nodes whose confidence is above ``threshold``.

    Example:
        >>> above({0.6: (1, 1), 0.8: (3, 4), 0.9: (1, 2)}, 0.8)
        (1, 2)
    """
    rows = [v for c, v in table.items() if c > threshold]
    return sum(r for r, _ in rows), sum(n for _, n in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "dev", help="directory of *.gold.json")
    parser.add_argument("--texts", type=Path, help="directory of the texts (default: --gold)")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--verbose", action="store_true", help="list the wrong nodes above the bar")
    args = parser.parse_args()
    texts = args.texts or args.gold
    golds = sorted(args.gold.glob("*.gold.json")) if args.gold.is_dir() else []
    if not golds or not args.scorer.is_file():
        print(f"confidence_reliability: skipped, no gold set at {args.gold} or no scorer at {args.scorer}")
        return 0

    from argmap.extraction import extract

    scorer = load_scorer(args.scorer)
    judged: list[tuple[float, bool, dict]] = []
    wrong_above: list[str] = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        predicted = extract(texts / gold["document"]).to_dict()
        for confidence, right, node in judged_nodes(gold, predicted, scorer):
            judged.append((confidence, right, node))
            if confidence > BAR_CONFIDENCE and not right:
                wrong_above.append(f"  {path.name.split('.')[0]:<26} {confidence:.2f} {node['kind']:<8} "
                                   f"{node.get('cue')!s:<18} {node['text'][:60]!r}")
    table = reliability(judged)
    print(f"{len(golds)} texts from {args.gold}, {len(judged)} judged nodes")
    print(f"{'confidence':>10} {'nodes':>6} {'right':>6} {'share':>6}")
    for confidence, (right, total) in table.items():
        print(f"{confidence:10.2f} {total:6d} {right:6d} {right / total:6.2f}")
    right, total = above(table, BAR_CONFIDENCE)
    share = right / total if total else 0.0
    met = total > 0 and share >= BAR_SHARE
    print(f"above {BAR_CONFIDENCE}: {right}/{total} right = {share:.2f}  (bar >= {BAR_SHARE}: "
          f"{'met' if met else 'NOT met'})")
    if args.verbose and wrong_above:
        print("wrong nodes above the bar:\n" + "\n".join(wrong_above))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
