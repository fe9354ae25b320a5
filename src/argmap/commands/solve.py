"""``argmap solve FILE --semantics S``: Dung extensions of a framework file or a map.

FILE is an ASPARTIX ``.apx``, a ``.tgf``, an ICCMA 2023 ``.af``/``.i23`` framework or an
argmap map (JSON, or a text extracted on the fly). Output is ICCMA 2019 syntax
``[[a1,a2],[a3]]`` (one extension for grounded), or JSON with ``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.commands._options import json_option
from argmap.formats.iccma import FORMATS
from argmap.semantics import DEFAULT_LIMIT, DEFAULT_TIME_LIMIT, SEMANTICS

if TYPE_CHECKING:
    from argmap.semantics import Framework


@click.command(short_help="extensions of a framework or map (ICCMA syntax)")
@click.argument("file", metavar="AF.apx|AF.tgf|AF.af|MAP.json|FILE")
@click.option("-s", "--semantics", required=True, type=click.Choice(SEMANTICS), help="which extensions to list")
@click.option("--format", "fmt", type=click.Choice((*FORMATS, "map")),
              help="input format (default: from the suffix, else from the content)")
@json_option
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True, metavar="STEPS",
              help="give up after this many search steps (0: no limit)")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT or 0, show_default=True,
              metavar="SECONDS", help="give up after this many seconds (0: no limit)")
def command(file: str, semantics: str, fmt: str | None, as_json: bool, limit: int, time_limit: float) -> None:
    """List the extensions of an argumentation framework under a Dung semantics, in ICCMA
    syntax [[a1,a2],[a3]] (grounded gives exactly one).

    FILE is a framework (ASPARTIX apx, TGF, ICCMA 2023 af/i23), a map JSON, or a text
    (extracted on the fly, its topics and statements the arguments); '-' reads standard input.
    """
    from argmap.formats.iccma import format_extensions
    from argmap.semantics import extensions

    af = _read(file, fmt)
    exts = extensions(af, semantics, limit=limit or None, time_limit=time_limit or None)
    if as_json:
        order = af.index.__getitem__
        click.echo(json.dumps({"semantics": semantics, "extensions": [sorted(e, key=order) for e in exts]},
                              ensure_ascii=False))
    else:
        click.echo(format_extensions(af, exts))


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
