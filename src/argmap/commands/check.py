"""``argmap check MAP.json|FILE``: consistency findings; exit 0 ok, 1 errors, 2 bad input."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.checks import Finding


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="consistency findings (exit 1 when there are errors)")
    p.add_argument("file", metavar="MAP.json|FILE", help="a map JSON, or a text to extract")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--select", metavar="CODES", help="only these code prefixes, comma-separated (e.g. AM1,AM203)")
    p.add_argument("--ignore", metavar="CODES", help="skip these code prefixes, comma-separated")
    p.set_defaults(run=run)


def _codes(value: str | None) -> list[str] | None:
    return None if value is None else [c for c in value.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from argmap.checks import run_checks
    from argmap.commands._inputs import load_inputs

    amap = load_inputs([args.file])
    findings = run_checks(amap, select=_codes(args.select), ignore=_codes(args.ignore))
    counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "info")}
    if args.json:
        print(json.dumps({"file": args.file, "counts": counts, "findings": [f.to_dict() for f in findings]},
                         indent=2, ensure_ascii=False))
    else:
        print(render_text(args.file, findings, counts))
    return 1 if counts["error"] else 0


def render_text(path: str, findings: Sequence[Finding], counts: dict[str, int]) -> str:
    """Findings grouped by severity, errors first, one line each.

    Example:
        >>> from argmap.checks import Finding
        >>> print(render_text("m.json", [Finding("AM101", "error", "n attacks itself", ("n",), "self-attack")],
        ...                   {"error": 1, "warning": 0, "info": 0}))
        m.json: 1 error, 0 warnings, 0 info
        errors:
          AM101 self-attack: n attacks itself
    """
    plural = {"error": "errors", "warning": "warnings", "info": "info"}
    summary = ", ".join(f"{n} {plural[s] if n != 1 else s}" for s, n in counts.items())
    lines = [f"{path}: {summary}"]
    for sev in counts:
        group = [f for f in findings if f.severity == sev]
        if group:
            lines.append(f"{plural[sev]}:")
            lines += [f"  {f.code} {f.name}: {f.message}" for f in group]
    return "\n".join(lines)
