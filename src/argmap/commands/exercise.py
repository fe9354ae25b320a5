"""``argmap exercise MAP.json|FILE -o DIR``: student sheets, answer key, self-check page, JSON."""

from __future__ import annotations

import click

from argmap.commands._options import FILE_HELP, map_argument, topic_option

KINDS = ("roles", "links", "diagram", "evaluate", "critical")  # argmap.exercises.EXERCISE_KINDS, checked by a test


@click.command(short_help="student sheets, answer key and self-check page from a map", epilog=FILE_HELP)
@map_argument
@click.option("-o", "--output", required=True, metavar="DIR", help="folder for the sheet, key, self-check page and JSON")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="only this kind of exercise; repeatable (default: all)")
@topic_option
@click.option("--seed", type=int, default=0, show_default=True, help="the same seed gives the same exercise")
@click.option("--title", help="the sheet's title (default: the document's)")
@click.option("--templates", type=click.Path(file_okay=False, exists=True), metavar="DIR",
              help="folder of templates replacing the shipped ones of the same name (sheet.html, sheet.md, sheet.css)")
def command(file: str, output: str, kinds: tuple[str, ...], topics: tuple[str, ...], seed: int, title: str | None,
            templates: str | None) -> None:
    """Make exercises from a map: label roles, link answers to what they answer, evaluate
    statements under grounded semantics, and read critically. Writes sheet.html / sheet.md
    (for students), key.html / key.md (the answers, explained), selfcheck.html (answer and
    press Check) and exercise.json (for 'argmap grade'); their paths are printed. The
    diagram exercise needs Graphviz; without it the others are made, with a warning.
    """
    import shutil
    from pathlib import Path

    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import display_name, output_folder
    from argmap.commands._topics import find_topics
    from argmap.errors import ArgmapError
    from argmap.exercises import make_exercise
    from argmap.exercises.render import write_exercise

    amap = load_inputs([file])
    topic_ids = find_topics(amap, topics, display_name(file)) if topics else None
    chosen = list(kinds) or list(KINDS)
    if "diagram" in chosen and shutil.which("dot") is None:
        if kinds:
            raise ArgmapError("the diagram exercise needs Graphviz's 'dot' program: install Graphviz (e.g. "
                              "'apt-get install graphviz' or 'brew install graphviz'), or leave out --kind diagram")
        chosen.remove("diagram")
        click.echo("argmap exercise: warning: no diagram exercise: Graphviz's 'dot' program is not installed "
                   "(install Graphviz to get one)", err=True)
    ex = make_exercise(amap, kinds=chosen, topics=topic_ids, seed=seed, title=title)
    for path in write_exercise(ex, Path(output_folder(output)), templates=templates):
        click.echo(path)
