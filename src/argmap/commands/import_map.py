"""``argmap import FILE [--from FORMAT] [-o MAP.json]``: a file in another format as a map JSON."""

from __future__ import annotations

import click

from argmap.commands._options import from_option


@click.command(name="import", short_help="read Argdown, AIF, Kialo, microtexts, GraphML as a map JSON",
               epilog="FILE '-' reads standard input. Texts are read with 'argmap extract'.")
@click.argument("file", metavar="FILE")
@from_option
@click.option("-o", "--output", default="-", metavar="MAP.json", help="output file (default: -, standard output)")
def command(file: str, output: str) -> None:
    """Read a file in another format (told by its ending or content, or by --from) and write
    it as a map JSON. What the format holds that a map cannot is kept in extra fields and
    reported as warnings on standard error."""
    from argmap.commands._inputs import input_format, read_format
    from argmap.commands._options import FROM_KEY
    from argmap.commands._streams import display_name, read_input, write_output
    from argmap.errors import InputError
    from argmap.formats import readable

    raw = read_input(file)
    fmt = input_format(file, raw, click.get_current_context().meta.get(FROM_KEY))
    if fmt is None:
        raise InputError(display_name(file), f"cannot tell the format: give --from ({', '.join(readable())}); "
                         "a text is read with 'argmap extract'")
    write_output(output, read_format(file, raw, fmt).to_json() + "\n")
