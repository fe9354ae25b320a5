"""``argmap export MAP --to FORMAT [-o FILE]``: write a map in another format."""

from __future__ import annotations

import click

from argmap.commands._options import FILE_HELP, map_argument
from argmap.formats import EXPORTERS


@click.command(short_help=f"write a map in another format ({', '.join(EXPORTERS)})", epilog=FILE_HELP)
@map_argument
@click.option("--to", "fmt", required=True, type=click.Choice(list(EXPORTERS)), help="output format")
@click.option("-o", "--output", default="-", metavar="FILE", help="output file (default: -, standard output)")
def command(file: str, fmt: str, output: str) -> None:
    """Write a map in another format: its JSON, GraphML (for Gephi, yEd, networkx), or its
    Dung framework for argumentation solvers as ASPARTIX apx, TGF or ICCMA 2023 i23."""
    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import display_name, write_output
    from argmap.errors import ArgmapError, InputError
    from argmap.formats import export

    amap = load_inputs([file])
    try:
        text = export(amap, fmt)
    except ArgmapError as exc:  # the map cannot be written in this format
        raise InputError(display_name(file), str(exc)) from None
    write_output(output, text)
