"""``argmap topics MAP.json|FILE``: the topics of a map with their ids, titles and counts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from argmap.commands._options import FILE_HELP, json_option, map_argument

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def topic_rows(amap: ArgumentMap) -> list[dict[str, Any]]:
    """One row per topic: id, title, document, section and its number of statements by kind.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
        ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="They hurt.")])
        >>> topic_rows(m)
        [{'id': 't1', 'title': 'Tolls', 'document': None, 'section': None, 'claims': 0, 'critiques': 1, 'rebuttals': 0}]
    """
    from argmap.model import KINDS

    counts: dict[str, dict[str, int]] = {t.id: dict.fromkeys(KINDS, 0) for t in amap.topics}
    for node in amap.nodes:
        counts[node.topic][node.kind] += 1
    return [{"id": t.id, "title": t.title, "document": t.document, "section": t.section,
             **{f"{kind}s": n for kind, n in counts[t.id].items()}} for t in amap.topics]


def format_table(rows: list[dict[str, Any]]) -> str:
    """The rows as an aligned text table: id, counts, title (the title last: it may be long).

    Example:
        >>> print(format_table([{"id": "t1", "title": "Tolls", "claims": 2, "critiques": 10, "rebuttals": 0}]))
        ID  CLAIMS  CRITIQUES  REBUTTALS  TITLE
        t1       2         10          0  Tolls
    """
    columns = ["id", "claims", "critiques", "rebuttals", "title"]
    cells = [[c.upper() for c in columns]] + [[str(r[c]) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns) - 1)]
    lines = []
    for row in cells:
        left = row[0].ljust(widths[0])
        counts = [cell.rjust(w) for cell, w in zip(row[1:-1], widths[1:])]
        lines.append("  ".join([left, *counts, row[-1]]))
    return "\n".join(lines)


@click.command(short_help="list the topics of a map: ids, titles and statement counts", epilog=FILE_HELP)
@map_argument
@json_option
def command(file: str, as_json: bool) -> None:
    """List the topics of a map: the id and title that --topic takes, and how many claims,
    critiques and rebuttals each has."""
    from argmap.commands._inputs import load_inputs
    from argmap.text import visible_controls

    rows = topic_rows(load_inputs([file]))
    # control characters from the map shown as control pictures: a title cannot drive the terminal
    click.echo(json.dumps(rows, indent=2, ensure_ascii=False) if as_json else visible_controls(format_table(rows)))
