"""``argmap render MAP.json|FILE -o DIR``: one diagram per topic plus ``overview.*``."""

from __future__ import annotations

from typing import Any

import click

from argmap.commands._options import FILE_HELP, diagram_options, map_argument, topic_option


@click.command(short_help="draw Graphviz pro/contra diagrams, one per topic plus an overview", epilog=FILE_HELP)
@map_argument
@click.option("-o", "--output", required=True, metavar="DIR",
              help="folder for the diagram files; - writes the one diagram chosen with --topic to standard output")
@click.option("--format", "fmt", default="svg", show_default=True, type=click.Choice(("svg", "png", "pdf", "dot")),
              help="file format (dot is the Graphviz source; the others need Graphviz)")
@topic_option
@diagram_options
def command(file: str, output: str, fmt: str, topics: tuple[str, ...], diagram: dict[str, Any]) -> None:
    """Draw one diagram per topic of a map (the topic at the top, pro statements in blue, con
    statements in vermillion), plus an overview of the whole map when it is small enough.

    The files are named after the topics (t1-road-tolls.svg, ..., overview.svg); their paths
    are printed. With --topic only those topics are drawn, without the overview. The folder
    is written as a whole: every diagram is drawn first, then the new folder replaces the old.
    """
    from pathlib import Path

    from argmap.commands._inputs import load_inputs
    from argmap.commands._streams import STDIO, display_name, output_folder, write_output
    from argmap.commands._topics import find_topics
    from argmap.diagrams import render_overview, render_topics, topic_file_stems
    from argmap.errors import InputError, LimitExceeded
    from argmap.io import write_folder

    amap = load_inputs([file])
    to_stdout = output == STDIO
    topic_ids = find_topics(amap, topics, display_name(file)) if topics else [t.id for t in amap.topics]
    if to_stdout and len(topic_ids) != 1:
        raise InputError(STDIO, f"-o - writes one diagram to standard output, but the map has {len(topic_ids)} "
                         "topics: choose one with --topic ID|TITLE, or give -o a folder")
    # the diagram options are those of render_topics, by the same names; every diagram is
    # drawn before any file is written
    rendered = render_topics(amap, topics=topic_ids, fmt=fmt, **diagram)
    if to_stdout:
        write_output(STDIO, rendered[topic_ids[0]])
        return
    files = {f"{stem}.{fmt}": rendered[tid] for tid, stem in topic_file_stems(amap, topic_ids).items()}
    if not topics:
        try:
            files[f"overview.{fmt}"] = render_overview(amap, fmt=fmt, **diagram)
        except LimitExceeded as exc:
            click.echo(f"argmap render: no overview: {exc}", err=True)
    for path in write_folder(output_folder(output), files):
        click.echo(Path(output) / path.name)
