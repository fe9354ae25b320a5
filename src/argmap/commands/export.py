"""``argmap export MAP --to FORMAT [-o FILE]``: write a map in another format."""

from __future__ import annotations

import inspect

import click

from argmap.commands._options import FILE_HELP, map_argument
from argmap.formats import FORMATS, format_for_path, writable


@click.command(short_help="write a map as Argdown, AIF, Mermaid and more (see --help)",
               epilog=FILE_HELP)
@map_argument
@click.option("--to", "fmt", type=click.Choice(writable()),
              help="output format (default: the one the -o file's ending names)")
@click.option("-o", "--output", default="-", metavar="FILE", help="output file (default: -, standard output)")
def command(file: str, fmt: str | None, output: str) -> None:
    """Write a map in another format, named by --to or by the -o file's ending. The
    argumentation-framework formats (apx, tgf, i23) hold the map's Dung framework, for
    argumentation solvers."""
    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import STDIO, display_name, write_output
    from argmap.errors import ArgmapError, InputError
    from argmap.formats import generate

    fmt = fmt or (format_for_path(output) if output != STDIO else None)
    if fmt is None or not FORMATS[fmt].can_write:
        raise click.UsageError("give --to FORMAT (or an -o file whose ending names a format argmap writes)")
    amap = load_inputs([file])
    try:
        text = generate(amap, fmt)
    except ArgmapError as exc:  # the map cannot be written in this format
        raise InputError(display_name(file), str(exc)) from None
    write_output(output, text)


command.help = inspect.cleandoc(command.help or "") + "\n\n\b\nFormats:\n" + "\n".join(
    f"  {name:<9} {FORMATS[name].description}" for name in writable())
