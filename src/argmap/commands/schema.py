"""``argmap schema``: print the JSON Schema of the ``argmap/1`` map."""

from __future__ import annotations

import json

import click


@click.command(short_help="print the JSON Schema of the map format")
def command() -> None:
    """Print the JSON Schema of the argmap/1 map format (generated from argmap's model)."""
    from argmap.model import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
