"""The typed argument map: documents, topics, statements and the edges between them.

The pydantic models *are* the ``argmap/1`` schema (``argmap schema`` prints it), and
their validation errors are the messages users see when a map is malformed.

Example:
    >>> from argmap.model import ArgumentMap, Topic, Node, Edge
    >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
    ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="Tolls hurt.")],
    ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
    >>> m.node("n1").stance
    'con'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Iterator, Literal, SupportsIndex

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from argmap.index import MapIndex

if TYPE_CHECKING:
    import networkx as nx

    from argmap.diagrams import TopicView
    from argmap.tables import Tables

SCHEMA_TAG = "argmap/1"

Kind = Literal["claim", "critique", "rebuttal"]
Relation = Literal["supports", "attacks"]
Stance = Literal["pro", "con"]

KINDS: tuple[Kind, ...] = ("claim", "critique", "rebuttal")
RELATIONS: tuple[Relation, ...] = ("supports", "attacks")
STANCE_OF_KIND: dict[str, Stance] = {"claim": "pro", "rebuttal": "pro", "critique": "con"}


def _check_span(span: tuple[int, int]) -> tuple[int, int]:
    if not 0 <= span[0] <= span[1]:
        raise ValueError(f"span {list(span)} must satisfy 0 <= start <= end")
    return span


Span = Annotated[tuple[int, int], AfterValidator(_check_span)]
"""Character offsets ``(start, end)`` into a document's text, end exclusive, ``0 <= start <= end``."""

# Bumped by every change to any map or item; an index is valid while the count it was built
# at is current. Global, so a change anywhere invalidates every cached index: changes are
# rare next to lookups, and a global count needs no item to know its map.
_generation = 0


def _changed() -> None:
    global _generation
    _generation += 1


class _TrackedList(list):  # type: ignore[type-arg]
    """A list of map items that counts its changes (so ``amap.index`` notices them)."""

    __slots__ = ()


def _tracking(name: str) -> Any:
    method = getattr(list, name)

    def changed(self: _TrackedList, *args: Any) -> Any:
        result = method(self, *args)
        _changed()
        return self if result is self else result

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse",
              "__setitem__", "__delitem__", "__iadd__", "__imul__"):
    setattr(_TrackedList, _name, _tracking(_name))


def _tracked(items: list[Any]) -> list[Any]:
    return items if type(items) is _TrackedList else _TrackedList(items)


class _Item(BaseModel):
    """Common configuration: unknown fields are kept (the format is extensible), assignments
    are validated, and every change is counted so cached indexes stay true. Schemas are built
    on first use (``defer_build``) so that ``import argmap`` stays cheap."""

    model_config = ConfigDict(extra="allow", validate_assignment=True, defer_build=True)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if not name.startswith("_"):
            _changed()


class Document(_Item):
    """A source text. ``text`` makes a map self-contained (spans checkable)."""

    id: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    text: str | None = None


class Topic(_Item):
    """One debate: the thesis at the root of its diagram."""

    id: str = Field(min_length=1)
    title: str
    document: str | None = None
    section: str | None = None
    span: Span | None = None


class Node(_Item):
    """One clause-level statement: a claim, critique or rebuttal of a topic."""

    id: str = Field(min_length=1)
    kind: Kind
    topic: str
    text: str
    document: str | None = None
    span: Span | None = None
    actor: str | None = None
    cue: str | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    @property
    def stance(self) -> Stance:
        """``pro`` for claims and rebuttals, ``con`` for critiques (derived, never stored)."""
        return STANCE_OF_KIND[self.kind]


class Edge(_Item):
    """``source`` supports or attacks ``target`` (a node or topic id)."""

    source: str
    target: str
    relation: Relation


# What a new statement of each kind may answer, and how (the builder's rules, DESIGN §1).
_TARGETS: dict[str, tuple[Relation, tuple[str, ...]]] = {
    "claim": ("supports", ("topic", "claim")),
    "critique": ("attacks", ("topic", "claim", "rebuttal")),
    "rebuttal": ("attacks", ("critique",)),
}


class ArgumentMap(_Item):
    """A whole map. Construction validates the load invariants of the ``argmap/1`` contract.

    Example:
        >>> ArgumentMap(topics=[Topic(id="t1", title="A")],
        ...             nodes=[Node(id="t1", kind="claim", topic="t1", text="x")])
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for ArgumentMap
          Value error, duplicate id 't1' (used by more than one topic or node) ...

    A map written by hand grows with :meth:`add_topic`, :meth:`add_claim`,
    :meth:`add_critique` and :meth:`add_rebuttal` (ids made up, edges drawn, kinds checked):

        >>> amap = ArgumentMap()
        >>> t = amap.add_topic("Road tolls")
        >>> c = amap.add_claim(t, "Tolls cut traffic.")
        >>> k = amap.add_critique(c, "They hit the poor hardest.", actor="Critics")
        >>> r = amap.add_rebuttal(k, "Rebates return the money.")
        >>> amap
        ArgumentMap: 0 documents, 1 topic, 3 statements, 3 edges
        >>> [(e.source, e.relation, e.target) for e in amap.edges]
        [('n1', 'supports', 't1'), ('n2', 'attacks', 'n1'), ('n3', 'attacks', 'n2')]
    """

    schema_tag: Literal["argmap/1"] = Field(default=SCHEMA_TAG, alias="schema")
    documents: Annotated[list[Document], AfterValidator(_tracked)] = Field(default_factory=_TrackedList)
    topics: Annotated[list[Topic], AfterValidator(_tracked)] = Field(default_factory=_TrackedList)
    nodes: Annotated[list[Node], AfterValidator(_tracked)] = Field(default_factory=_TrackedList)
    edges: Annotated[list[Edge], AfterValidator(_tracked)] = Field(default_factory=_TrackedList)

    model_config = ConfigDict(extra="allow", validate_by_name=True, validate_by_alias=True,
                              serialize_by_alias=True, defer_build=True)

    _index: tuple[int, MapIndex] | None = PrivateAttr(default=None)
    # the data :meth:`to_dict` gives, kept by :meth:`_from_dump` as ``[change count, data]``
    # (one list, emptied when taken, so a copy of the map cannot take it twice)
    _dump: list[Any] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _invariants(self) -> ArgumentMap:
        index = MapIndex(self)
        problems = index.problems()
        if problems:
            shown = "; ".join(problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValueError(shown + more)
        self._index = (_generation, index)
        return self

    def __eq__(self, other: object) -> bool:
        """Maps are equal when their fields and extra fields are (the cached index is no part)."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (type(self) is type(other) and self.__dict__ == other.__dict__
                and self.__pydantic_extra__ == other.__pydantic_extra__)

    __hash__ = None  # type: ignore[assignment]

    # ----- the index ------------------------------------------------------------------

    @property
    def index(self) -> MapIndex:
        """The map's :class:`~argmap.index.MapIndex`, built once and rebuilt after a change.

        Example:
            >>> m = ArgumentMap(topics=[Topic(id="t", title="T")])
            >>> m.nodes.append(Node(id="n", kind="claim", topic="t", text="x"))
            >>> [n.id for n in m.index.statements["t"]]
            ['n']
        """
        for name in ("documents", "topics", "nodes", "edges"):
            items = self.__dict__[name]
            if type(items) is not _TrackedList:  # set without validation (model_copy, model_construct)
                self.__dict__[name] = _TrackedList(items)
                _changed()
        cached = self._index
        if cached is None or cached[0] != _generation or cached[1].amap is not self:
            cached = self._index = (_generation, MapIndex(self))
        return cached[1]

    def problems(self) -> list[str]:
        """What breaks the load invariants now (empty for a valid map): maps can be changed
        in place, and :func:`argmap.save` refuses a map with problems.

        Example:
            >>> m = ArgumentMap(topics=[Topic(id="t", title="T")])
            >>> m.nodes.append(Node(id="n", kind="claim", topic="nope", text="x"))
            >>> m.problems()
            ["node 'n': topic 'nope' does not exist"]
        """
        return self.index.problems()

    # ----- lookups -------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        """The node with this id (``KeyError`` if there is none).

        Example:
            >>> ArgumentMap(topics=[Topic(id="t", title="T")],
            ...             nodes=[Node(id="n", kind="claim", topic="t", text="x")]).node("n").kind
            'claim'
        """
        return self.index.nodes[node_id]

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id (``KeyError`` if there is none)."""
        return self.index.topics[topic_id]

    def document_of(self, item: Topic | Node) -> Document | None:
        """The document a topic or node comes from, when the map says or implies it."""
        return self.index.document_of(item)

    def statements(self, topic_id: str) -> list[Node]:
        """The nodes of one topic, in map order.

        Example:
            >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
            ...                 nodes=[Node(id="n", kind="claim", topic="t", text="x")])
            >>> [n.id for n in m.statements("t")]
            ['n']
        """
        return list(self.index.statements.get(topic_id, ()))

    def iter_items(self) -> Iterator[Topic | Node]:
        """Topics then nodes: every id an edge may reference."""
        yield from self.topics
        yield from self.nodes

    def attackers(self, target_id: str) -> list[Node]:
        """Nodes with an ``attacks`` edge to ``target_id``, in map order."""
        return self._nodes_among(self.index.attackers(target_id))

    def supporters(self, target_id: str) -> list[Node]:
        """Nodes with a ``supports`` edge to ``target_id``, in map order."""
        return self._nodes_among(self.index.supporters(target_id))

    def _nodes_among(self, ids: list[str]) -> list[Node]:
        ix = self.index
        return sorted((ix.nodes[i] for i in ids if i in ix.nodes), key=lambda n: ix.position[n.id])

    def rebuttal_chain(self, critique_id: str) -> list[Node]:
        """Everything that answers a critique, transitively, nearest first
        (see :func:`argmap.graph.rebuttal_chain`)."""
        from argmap.graph import rebuttal_chain

        return rebuttal_chain(self, critique_id)

    def unanswered_critiques(self) -> list[Node]:
        """Critiques nothing attacks."""
        ix = self.index
        return [n for n in self.nodes if n.kind == "critique" and not ix.attackers(n.id)]

    # ----- building by hand -----------------------------------------------------------

    def add_topic(self, title: str, *, id: str | None = None, **fields: Any) -> Topic:
        """Add a topic (a thesis) and return it; ``id`` defaults to the next free ``t1``, ``t2`` …

        Example:
            >>> ArgumentMap().add_topic("School uniforms", section="Debates").id
            't1'
        """
        ix = self.index
        topic = Topic(id=self._fresh_id(id, "t", len(self.topics)), title=title, **fields)
        if topic.document is not None and topic.document not in ix.documents:
            raise ValueError(f"cannot add topic {topic.id!r}: document {topic.document!r} does not exist")
        self.topics.append(topic)
        self._index = (_generation, ix.added_topic(topic))
        return topic

    def add_claim(self, target: str | Topic | Node, text: str, **fields: Any) -> Node:
        """Add a claim supporting ``target`` (a topic or a claim); see :meth:`add_statement`."""
        return self.add_statement("claim", target, text, **fields)

    def add_critique(self, target: str | Topic | Node, text: str, **fields: Any) -> Node:
        """Add a critique attacking ``target`` (a topic, claim or rebuttal); see :meth:`add_statement`."""
        return self.add_statement("critique", target, text, **fields)

    def add_rebuttal(self, target: str | Topic | Node, text: str, **fields: Any) -> Node:
        """Add a rebuttal attacking ``target`` (a critique); see :meth:`add_statement`."""
        return self.add_statement("rebuttal", target, text, **fields)

    def add_statement(self, kind: Kind, target: str | Topic | Node, text: str, *,
                      id: str | None = None, **fields: Any) -> Node:
        """Add a statement of ``kind`` answering ``target`` (an id, topic or node) and the edge
        between them; return the new node. It joins its target's topic; ``id`` defaults to the
        next free ``n1``, ``n2`` …; other ``fields`` (``actor``, ``cue``, ``span`` …) go on the node.

        A claim supports a topic or a claim; a critique attacks a topic, claim or rebuttal; a
        rebuttal attacks a critique. Anything else is a ``ValueError`` saying so.

        Example:
            >>> m = ArgumentMap()
            >>> t = m.add_topic("Road tolls")
            >>> m.add_rebuttal(t, "Rebates help.")
            Traceback (most recent call last):
            ...
            ValueError: a rebuttal answers a critique, not a topic: topic 't1' ("Road tolls")
        """
        if kind not in _TARGETS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        ix = self.index
        target_id = target if isinstance(target, str) else target.id
        if target_id not in ix.items:
            raise ValueError(f"cannot add a {kind}: {target_id!r} is no topic or statement of this map")
        relation, allowed = _TARGETS[kind]
        target_item = ix.items[target_id]
        target_kind = target_item.kind if isinstance(target_item, Node) else "topic"
        if target_kind not in allowed:
            raise ValueError(f"a {kind} answers {_either(allowed)}, not {_either((target_kind,))}: "
                             f"{ix.describe(target_id)}")
        topic_id = target_id if target_kind == "topic" else target_item.topic  # type: ignore[union-attr]
        node = Node(id=self._fresh_id(id, "n", len(self.nodes)), kind=kind, topic=topic_id, text=text, **fields)
        if node.document is not None and node.document not in ix.documents:
            raise ValueError(f"cannot add {node.id!r}: document {node.document!r} does not exist")
        edge = Edge(source=node.id, target=target_id, relation=relation)
        self.nodes.append(node)
        self.edges.append(edge)
        self._index = (_generation, ix.added_node(node).added_edge(edge))
        return node

    def add_edge(self, source: str | Topic | Node, target: str | Topic | Node, relation: Relation) -> Edge:
        """Add one more ``supports`` / ``attacks`` edge between existing ids. Debatable links
        are allowed (the checks report them); unknown ids are a ``ValueError``."""
        ix = self.index
        ends = [x if isinstance(x, str) else x.id for x in (source, target)]
        for end in ends:
            if end not in ix.items:
                raise ValueError(f"cannot add an edge: {end!r} is no topic or statement of this map")
        edge = Edge(source=ends[0], target=ends[1], relation=relation)
        self.edges.append(edge)
        self._index = (_generation, ix.added_edge(edge))
        return edge

    def _fresh_id(self, wanted: str | None, prefix: str, count: int) -> str:
        items = self.index.items
        if wanted is not None:
            if wanted in items:
                raise ValueError(f"id {wanted!r} is already used by a topic or statement of this map")
            return wanted
        k = count + 1
        while f"{prefix}{k}" in items:
            k += 1
        return f"{prefix}{k}"

    # ----- conveniences owned elsewhere (imported on first use) -------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """A ``networkx.MultiDiGraph`` view; see :func:`argmap.graph.to_networkx`."""
        from argmap.graph import to_networkx

        return to_networkx(self)

    @classmethod
    def from_networkx(cls, g: nx.MultiDiGraph) -> ArgumentMap:
        """The inverse of :meth:`to_networkx`; see :func:`argmap.graph.from_networkx`."""
        from argmap.graph import from_networkx

        return from_networkx(g)

    def topic_view(self, topic_id: str, **options: Any) -> TopicView:
        """One topic's diagram, displayed as SVG in Jupyter; see :class:`argmap.diagrams.TopicView`."""
        from argmap.diagrams import TopicView

        return TopicView(self, topic_id, **options)

    def save(self, path: str) -> None:
        """Write the map as JSON atomically; see :func:`argmap.io.save_map`."""
        from argmap.io import save_map

        save_map(self, path)

    @classmethod
    def load(cls, path: str) -> ArgumentMap:
        """Read a map JSON file; see :func:`argmap.io.load_map`."""
        from argmap.io import load_map

        return load_map(path)

    # ----- display --------------------------------------------------------------------

    def __repr__(self) -> str:
        """A one-line summary: the whole map would swamp a notebook (``amap.to_json()`` has it)."""
        parts = [_count(len(self.documents), "document"), _count(len(self.topics), "topic"),
                 _count(len(self.nodes), "statement"), _count(len(self.edges), "edge")]
        return "ArgumentMap: " + ", ".join(parts)

    __str__ = __repr__

    def _repr_svg_(self) -> str | None:
        """Jupyter shows small maps as their overview diagram."""
        from argmap.diagrams.notebook import map_svg

        return map_svg(self)

    def _repr_html_(self) -> str | None:
        """Jupyter's fallback when the overview cannot be drawn: a note and the topics."""
        from argmap.diagrams.notebook import map_html

        return map_html(self)

    def to_pandas(self) -> Tables:
        """The map as DataFrames ``documents``, ``topics``, ``nodes`` and ``edges`` (needs
        ``argmap[tables]``; see :mod:`argmap.tables`).

        Example:
            >>> m = ArgumentMap()
            >>> _ = m.add_critique(m.add_topic("Tolls"), "Tolls hurt.", actor="Critics")
            >>> m.to_pandas().nodes.groupby("actor").size().to_dict()
            {'Critics': 1}
        """
        from argmap.tables import to_pandas

        return to_pandas(self)

    # ----- serialisation --------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The ``argmap/1`` JSON object as Python data."""
        return self.model_dump(mode="json")

    @classmethod
    def _from_dump(cls, data: dict[str, Any]) -> ArgumentMap:
        """The map validated from ``data``, which is what :meth:`to_dict` gives for it (every
        field, in the models' order, spans as lists), kept for one :meth:`_take_dump`: a map
        built from plain data (extraction) is then never dumped back to it."""
        amap = cls.model_validate(data)
        amap._dump = [_generation, data]
        # the index validation built has checked the invariants; extraction reads nothing
        # from it, and kept it would tie map and index in a reference cycle, so that every
        # map dropped (a corpus run drops each once written) waits for the cycle collector.
        # ``amap.index`` builds a fresh one when asked.
        amap._index = None
        return amap

    def _take_dump(self) -> dict[str, Any]:
        """:meth:`to_dict`, the caller's to change: the data :meth:`_from_dump` kept, the first
        time and while no map has changed since, else a fresh dump."""
        kept, self._dump = self._dump, None
        if kept is not None and kept[1] is not None and kept[0] == _generation:
            data, kept[1] = kept[1], None
            return data  # type: ignore[no-any-return]
        return self.to_dict()

    def to_json(self, indent: int | None = 2) -> str:
        """The ``argmap/1`` JSON text (``model_dump_json`` writes the same).

        Example:
            >>> ArgumentMap().to_json(indent=None)
            '{"schema":"argmap/1","documents":[],"topics":[],"nodes":[],"edges":[]}'

        A map holding what JSON text cannot (a lone surrogate, extra fields nested past
        :data:`argmap.limits.MAX_DEPTH`) raises :class:`argmap.errors.UnwritableMap` naming the place.
        """
        return self.to_json_bytes(indent).decode("utf-8")

    def to_json_bytes(self, indent: int | None = None) -> bytes:
        """:meth:`to_json` as UTF-8 bytes, one line by default: what a JSONL writer writes, made
        by pydantic-core directly, without decoding to ``str`` and encoding back.

        Example:
            >>> ArgumentMap().to_json_bytes()[:21]
            b'{"schema":"argmap/1",'
        """
        from pydantic_core import PydanticSerializationError

        from argmap.errors import UnwritableMap
        from argmap.limits import data_problem

        # what the loader would refuse is not written either
        problem = self.extras_problem()
        if problem is None:
            try:
                return self.__pydantic_serializer__.to_json(self, indent=indent)
            except (PydanticSerializationError, ValueError) as exc:
                problem = data_problem(self) or str(exc)
        raise UnwritableMap(f"map cannot be written as JSON: {problem}")

    def extras_problem(self) -> str | None:
        """The first extra field (of the map or an item) that JSON cannot hold within
        :mod:`argmap.limits`, or ``None``: the declared fields are the schema's, their
        values already checked.

        Example:
            >>> ArgumentMap(topics=[Topic(id="t1", title="T", note=[[[[[[[[[[]]]]]]]]]])]).extras_problem() is None
            True
        """
        from argmap.limits import data_problem

        if self.model_extra and (problem := data_problem(self.model_extra, "", 1)) is not None:
            return problem
        for name, items in (("documents", self.documents), ("topics", self.topics), ("nodes", self.nodes),
                            ("edges", self.edges)):
            for i, item in enumerate(items):
                extra = item.__pydantic_extra__  # most items have none: name them only then
                if extra and (problem := data_problem(extra, f"{name}.{i}", 3)) is not None:
                    return problem
        return None

    @classmethod
    def from_json(cls, text: str | bytes) -> ArgumentMap:
        """Parse and validate ``argmap/1`` JSON (raises ``pydantic.ValidationError``)."""
        return cls.model_validate_json(text)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _either(kinds: tuple[str, ...]) -> str:
    words = [f"{'an' if k[0] in 'aeiou' else 'a'} {k}" for k in kinds]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``argmap/1``, generated from the models.

    Example:
        >>> json_schema()["required"]
        ['schema']
    """
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    schema["required"] = ["schema"]
    schema["$id"] = "https://argmap.invalid/schema/argmap-1.json"
    return schema
