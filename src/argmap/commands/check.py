"""``argmap check MAP.json|FILE``: consistency findings; exit 0 ok, 1 errors, 2 bad input."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from argmap.commands._options import FILE_HELP, json_option, map_argument

if TYPE_CHECKING:
    from argmap.checks import Finding


def check_codes(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """``--select`` / ``--ignore``: comma-separated code prefixes, each matching a registered check.

    Example:
        >>> check_codes(None, None, "am1, AM203")
        ['AM1', 'AM203']
    """
    if value is None:
        return None
    from argmap.checks import CHECKS

    prefixes = [c.strip().upper() for c in value.split(",") if c.strip()]
    known = [code.upper() for code in CHECKS]
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in known):
            raise click.BadParameter(f"unknown check code {prefix!r} (codes: {', '.join(CHECKS)})", ctx, param)
    return prefixes


@click.command(short_help="consistency findings (exit 1 when there are errors)", epilog=FILE_HELP)
@map_argument
@json_option
@click.option("--select", metavar="CODES", callback=check_codes,
              help="only checks whose code starts with one of these, comma-separated (e.g. AM1,AM203)")
@click.option("--ignore", metavar="CODES", callback=check_codes, help="skip checks whose code starts with one of these")
@click.pass_context
def command(ctx: click.Context, file: str, as_json: bool, select: list[str] | None, ignore: list[str] | None) -> None:
    """Check a map for errors (e.g. a pro statement attacking a pro one), warnings and notes.

    Exit status: 0 when there is no error finding, 1 when there is one, 2 on unusable input.
    """
    from argmap.checks import SEVERITIES, run_checks
    from argmap.cli import EXIT_FINDINGS
    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import display_name
    from argmap.text import visible_controls

    amap = load_inputs([file])
    findings = run_checks(amap, select=select, ignore=ignore)
    counts = {sev: sum(f.severity == sev for f in findings) for sev in SEVERITIES}
    name = display_name(file)
    if as_json:
        click.echo(json.dumps({"file": name, "counts": counts, "findings": [f.to_dict() for f in findings]},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(visible_controls(render_text(name, findings, counts)))  # no raw escapes to a terminal
    if counts["error"]:
        ctx.exit(EXIT_FINDINGS)


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
