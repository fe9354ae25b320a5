"""``argmap solve``: Dung semantics of a framework file or a map, in two forms.

* Friendly: ``argmap solve FILE --semantics preferred`` lists the extensions in ICCMA 2019
  syntax ``[[a1,a2],[a3]]`` (or JSON with ``--json``); ``--explain`` adds why each argument
  has its label.
* ICCMA 2023 solver interface, so harnesses such as probo2 can run argmap:
  ``argmap solve -p DC-PR -f FILE -a ARG`` answers ``YES`` / ``NO`` with a ``w`` line (the
  witness of a YES to DC, the counter-example of a NO to DS, the extension of SE); EE prints
  one ``w`` line per extension and CE the count. ``--formats`` and ``--problems`` list what
  is supported; plain ``argmap solve`` names the solver.

FILE is an ASPARTIX ``.apx``, a ``.tgf``, an ICCMA 2023 ``.af``/``.i23`` framework or an
argmap map (JSON, or a text extracted on the fly).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.commands._options import FiniteFloatRange, json_option
from argmap.formats.iccma import FORMATS
from argmap.semantics import DEFAULT_LIMIT, DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, SEMANTICS

if TYPE_CHECKING:
    from argmap.semantics import Extension, Framework

# ICCMA semantics codes
CODES = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semi-stable", "ID": "ideal"}
TASKS = ("EE", "SE", "DC", "DS", "CE")
PROBLEMS = [f"{task}-{code}" for task in TASKS for code in CODES]


class Problem(click.ParamType):
    """An ICCMA problem ``TASK-SEMANTICS`` such as ``DC-PR`` (case-insensitive)."""

    name = "TASK-SEM"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).upper()
        if text not in PROBLEMS:
            self.fail(f"{value!r} is not a problem argmap solves (see --problems)", param, ctx)
        return text


@click.command(short_help="extensions and acceptance of a framework or map (ICCMA interface)")
@click.argument("file", required=False, metavar="[AF.apx|AF.tgf|AF.af|MAP.json|FILE]")
@click.option("-s", "--semantics", type=click.Choice(SEMANTICS), help="list the extensions under this semantics")
@click.option("-p", "problem", type=Problem(), help="ICCMA problem, e.g. DC-PR, DS-ST, SE-CO, EE-PR, CE-ST")
@click.option("-f", "file_option", metavar="FILE", help="the framework (ICCMA interface; same as FILE)")
@click.option("-a", "argument", metavar="ARG", help="the query argument of a DC or DS problem")
@click.option("--format", "--fo", "fmt", type=click.Choice((*FORMATS, "map")),
              help="input format (default: from the suffix, else from the content)")
@click.option("--formats", "list_formats", is_flag=True, help="print the file formats read, ICCMA style, and exit")
@click.option("--problems", "list_problems", is_flag=True, help="print the ICCMA problems solved and exit")
@click.option("--explain", is_flag=True, help="after the extensions, say why each argument has its label "
              "(the first extension's labelling)")
@json_option
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True, metavar="N",
              help="list at most this many extensions (0: no limit)")
@click.option("--time-limit", type=FiniteFloatRange(min=0), default=DEFAULT_TIME_LIMIT or 0, show_default=True,
              metavar="SECONDS", help="give up after this many seconds (0: no limit)")
@click.option("--memory-limit", type=click.IntRange(min=0), default=(DEFAULT_MEMORY_LIMIT or 0) // 2**20,
              show_default=True, metavar="MB", help="give up past this much resident memory (0: no limit)")
def command(file: str | None, semantics: str | None, problem: str | None, file_option: str | None,
            argument: str | None, fmt: str | None, list_formats: bool, list_problems: bool, explain: bool,
            as_json: bool, limit: int, time_limit: float, memory_limit: int) -> None:
    """Solve Dung semantics on an argumentation framework: list the extensions
    (--semantics preferred) or answer an ICCMA problem (-p DC-PR -f FILE -a ARG).

    FILE is a framework (ASPARTIX apx, TGF, ICCMA 2023 af/i23), a map JSON, or a text
    (extracted on the fly, its topics and statements the arguments); '-' reads standard input.
    A run past --limit, --time-limit or --memory-limit ends with one line saying which, exit 2.
    """
    from argmap import __version__

    if list_formats or list_problems:
        click.echo("[" + ",".join(("i23", "apx", "tgf") if list_formats else PROBLEMS) + "]")
        return
    if file and file_option:
        raise click.UsageError("give the framework once: as FILE or as -f FILE")
    path = file or file_option
    if path is None and semantics is None and problem is None:
        click.echo(f"argmap {__version__}\nthe argmap developers")  # what ICCMA harnesses ask first
        return
    if path is None:
        raise click.UsageError("missing the framework FILE (or -f FILE)")
    if (semantics is None) == (problem is None):
        raise click.UsageError("give either --semantics SEM or -p TASK-SEM")
    task = problem.split("-")[0] if problem else "EE"
    if (task in ("DC", "DS")) != (argument is not None):
        raise click.UsageError("-a ARG goes with the DC and DS problems (and only with them)")
    bounds = {"time_limit": time_limit or None, "memory_limit": memory_limit * 2**20 or None}
    af = _read(path, fmt)
    if problem:
        code = problem.split("-", 1)[1]
        click.echo(_iccma(af, task, CODES[code], argument, limit or None, bounds), nl=False)
        return
    assert semantics is not None
    _friendly(af, semantics, explain, as_json, limit or None, bounds)


def _friendly(af: Framework, semantics: str, explain: bool, as_json: bool, limit: int | None,
              bounds: dict[str, float | int | None]) -> None:
    from argmap.formats.iccma import format_extensions
    from argmap.semantics import explain_framework, extensions

    exts = extensions(af, semantics, limit=limit, **bounds)  # type: ignore[arg-type]
    reasons = explain_framework(af, semantics, exts[0] if exts else None) if explain else None
    if as_json:
        order = af.index.__getitem__
        data: dict[str, object] = {"semantics": semantics, "extensions": [sorted(e, key=order) for e in exts]}
        if reasons is not None:
            data["explanations"] = [r.as_dict() for r in reasons]
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(format_extensions(af, exts))
    for reason in reasons or ():
        click.echo(f"{reason.argument}: {reason.label} - {reason.text}")


def _witness(af: Framework, ext: Extension) -> str:
    """An extension as an ICCMA 2023 certificate line: ``w`` and its arguments."""
    order = af.index.__getitem__
    return " ".join(["w", *sorted(ext, key=order)]) + "\n"


def _iccma(af: Framework, task: str, semantics: str, argument: str | None, limit: int | None,
           bounds: dict[str, float | int | None]) -> str:
    """The ICCMA 2023 answer text of ``task`` (EE and CE, not 2023 tasks, in the same style)."""
    from argmap import semantics as sem

    if argument is not None and argument not in af.index:
        raise click.UsageError(f"-a {argument!r}: no such argument in the framework")
    if task == "DC":
        yes, witness = sem.credulously_accepted(af, argument, semantics, **bounds)  # type: ignore[arg-type]
        return "YES\n" + _witness(af, witness) if yes and witness is not None else "NO\n"
    if task == "DS":
        yes, counter = sem.skeptically_accepted(af, argument, semantics, **bounds)  # type: ignore[arg-type]
        return "YES\n" if yes or counter is None else "NO\n" + _witness(af, counter)
    if task == "SE":
        one = sem.some_extension(af, semantics, **bounds)  # type: ignore[arg-type]
        return "NO\n" if one is None else _witness(af, one)
    if task == "CE":
        return f"{sem.count_extensions(af, semantics, **bounds)}\n"  # type: ignore[arg-type]
    exts = sem.extensions(af, semantics, limit=limit, **bounds)  # type: ignore[arg-type]
    return "".join(_witness(af, e) for e in exts) or "NO\n"


def _read(path: str, fmt: str | None) -> Framework:
    """Framework files by format (given, from the suffix, or sniffed: apx and i23 files are
    recognisable); anything else is a map JSON or a text, read like every other verb does."""
    from argmap.commands._inputs import SNIFF_BYTES, load_inputs
    from argmap.commands._streams import display_name, read_input
    from argmap.formats.iccma import SUFFIX_FORMATS, parse_framework, sniff_format
    from argmap.io import looks_like_json
    from argmap.semantics import framework_from_map

    raw = read_input(path)
    if fmt is None:
        fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None and not looks_like_json(raw[:SNIFF_BYTES]):
        sniffed = sniff_format(raw[:SNIFF_BYTES].decode("utf-8", "replace"))
        fmt = sniffed if sniffed in ("apx", "i23") else None  # a text would sniff as tgf
    if fmt in FORMATS:
        return parse_framework(raw, display_name(path), fmt)
    return framework_from_map(load_inputs([path]))
