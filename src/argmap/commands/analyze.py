"""``argmap analyze MAP.json|FILE``: critical-reading findings (vague attribution, hedges,
loaded words, balance, last word, unanswered critiques, sources)."""

from __future__ import annotations

import json

import click

from argmap.commands._options import FILE_HELP, json_option, map_argument


@click.command(short_help="critical-reading findings: vague sources, hedges, balance", epilog=FILE_HELP)
@map_argument
@json_option
@click.option("--lexicon", type=click.Path(dir_okay=False, exists=True), metavar="FILE.json",
              help="extra words, as JSON with the keys of the shipped lexicon (e.g. {\"loaded_words\": [...]})")
def command(file: str, as_json: bool, lexicon: str | None) -> None:
    """Point at what a critical reader should question: who exactly are "critics"? which
    critique gets no answer? who has the last word? which side gets more space? Each text
    finding gives its span in the document.
    """
    from argmap.analysis import Lexicon, analyze, render_text
    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import display_name
    from argmap.errors import InputError
    from argmap.text import visible_controls

    extra = None
    if lexicon:
        try:
            extra = json.loads(open(lexicon, encoding="utf-8").read())
            words = Lexicon.load(extra)
        except (json.JSONDecodeError, UnicodeDecodeError, ValueError, TypeError, AttributeError) as exc:
            raise InputError(lexicon, f"unusable lexicon: {exc}") from None
    amap = load_inputs([file])
    result = analyze(amap, words if extra is not None else None)
    if as_json:
        click.echo(json.dumps({"file": display_name(file), **result.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(visible_controls(render_text(result, display_name(file))))  # no raw escapes to a terminal
