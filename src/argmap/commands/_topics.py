"""``--topic ID|TITLE``: which topics of a map a verb works on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.errors import InputError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Topic

# How many topics an error message lists before pointing at ``argmap topics``.
_LISTED = 12


def _fold(title: str) -> str:
    return " ".join(title.split()).casefold()


def _choices(topics: Sequence[Topic], path: str) -> str:
    shown = ", ".join(f"{t.id} {t.title!r}" for t in topics[:_LISTED]) or "none"
    more = f", and {len(topics) - _LISTED} more (see 'argmap topics {path}')" if len(topics) > _LISTED else ""
    return shown + more


def find_topic(amap: ArgumentMap, wanted: str, path: str) -> str:
    """The id of the topic ``wanted`` names: its id, else its title (exact, any case, any
    spacing). Unknown or ambiguous names are an :class:`InputError` listing the choices.

    Example:
        >>> from argmap.model import ArgumentMap, Topic
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Road tolls"), Topic(id="t2", title="Parking")])
        >>> find_topic(m, "t2", "m.json"), find_topic(m, "road  TOLLS", "m.json")
        ('t2', 't1')
        >>> find_topic(m, "Bikes", "m.json")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: m.json: no topic 'Bikes' (by id or title); topics: t1 'Road tolls', t2 'Parking'
    """
    if any(t.id == wanted for t in amap.topics):
        return wanted
    titled = [t for t in amap.topics if _fold(t.title) == _fold(wanted)]
    if len(titled) == 1:
        return titled[0].id
    if titled:
        raise InputError(path, f"several topics are titled {wanted!r}; give one of their ids: {_choices(titled, path)}")
    raise InputError(path, f"no topic {wanted!r} (by id or title); topics: {_choices(amap.topics, path)}")


def find_topics(amap: ArgumentMap, wanted: Sequence[str], path: str) -> list[str]:
    """The ids of the topics ``wanted`` names (see :func:`find_topic`), each once, in order."""
    return list(dict.fromkeys(find_topic(amap, w, path) for w in wanted))
