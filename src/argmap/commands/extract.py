"""``argmap extract FILE... [-o MAP.json]``: texts in, one argument map out."""

from __future__ import annotations

import click

from argmap.commands._options import files_argument


@click.command(short_help="extract the argument map of essays (text files)")
@files_argument
@click.option("-o", "--output", default="-", metavar="MAP.json",
              help="write the map here (default: -, standard output)")
@click.option("--lexicon", "lexicons", multiple=True, metavar="JSON",
              help="extra cue lexicon (same shape as the bundled one); repeatable")
def command(files: tuple[str, ...], output: str, lexicons: tuple[str, ...]) -> None:
    """Extract one argument map (JSON) from the texts FILE... (UTF-8; '-' reads standard input).

    Several texts give one map with a document each. A map JSON is refused: it is already a
    map, which check, render, report and export take as it is.
    """
    from argmap.commands._inputs import extract_texts, is_map_json
    from argmap.commands._streams import display_name, read_input, write_output
    from argmap.errors import InputError

    for path in files:
        if is_map_json(read_input(path)):
            raise InputError(display_name(path), "is an argmap map JSON, not a text to extract "
                             "(check, render, report and export take it as it is)")
    nlp = None
    if lexicons:
        from argmap.extraction.lexicon import Lexicon
        from argmap.extraction.pipeline import make_nlp

        Lexicon.load(*lexicons)  # fail early, naming the bad file
        nlp = make_nlp(lexicons)
    write_output(output, extract_texts(files, nlp=nlp).to_json() + "\n")
