"""``argmap schema``: print the JSON Schema of the ``argmap/1`` map."""

from __future__ import annotations

import argparse
import json


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the map format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.model import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0
