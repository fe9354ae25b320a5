"""``argmap stats FILE...``: the figures of a corpus of maps."""

from __future__ import annotations

import json

import click

from argmap.commands._options import files_argument, json_option


@click.command(short_help="corpus figures: documents, topics, statements, actors, cues, unanswered critiques")
@files_argument
@json_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="how many of the most frequent actors and cues")
def command(files: tuple[str, ...], as_json: bool, top: int) -> None:
    """Print the figures of the maps in FILE...: documents, topics, statements per kind, the
    most frequent actors and cues, and the share of critiques no statement attacks.

    FILE is a map (a map JSON or any format argmap reads), a JSONL of maps (argmap extract
    --format jsonl; '-' reads it from standard input) or a folder of Parquet tables (argmap
    extract --format parquet). Maps are read one at a time, so a corpus of any size fits.
    """
    from argmap.stats import corpus_stats, format_stats

    figures = corpus_stats(files, top=top)
    click.echo(json.dumps(figures, ensure_ascii=False, indent=2) if as_json else format_stats(figures))
