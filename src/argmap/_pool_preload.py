"""Imported by the fork server of ``argmap extract --jobs`` (never by ``import argmap``): it
builds the default pipeline and runs it once, so that every worker forked from the server
starts with a ready pipeline instead of building its own (about 0.3 s of CPU each: the
tokenizer's special cases, and the phrase matcher, made on the first document).

Then :func:`gc.freeze` moves everything made so far out of the collector's reach: a
collection in a worker would otherwise walk (and so write to, copying page by page) the
inherited objects that the worker shares with the server.
"""

from __future__ import annotations

import gc

WARM_UP = "Critics warn that tolls hurt drivers. Supporters reply that fees cut jams."


def _warm() -> None:
    from argmap.corpus import Source, extract_batch

    extract_batch([Source("warm-up", text=WARM_UP)])


try:
    _warm()
except Exception:  # a broken pipeline must fail in the workers, with its reason, not kill the server
    pass
gc.freeze()
