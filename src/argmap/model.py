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

from collections import Counter
from typing import Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_TAG = "argmap/1"

Kind = Literal["claim", "critique", "rebuttal"]
Relation = Literal["supports", "attacks"]
Stance = Literal["pro", "con"]

KINDS: tuple[Kind, ...] = ("claim", "critique", "rebuttal")
RELATIONS: tuple[Relation, ...] = ("supports", "attacks")
STANCE_OF_KIND: dict[str, Stance] = {"claim": "pro", "rebuttal": "pro", "critique": "con"}

Span = tuple[int, int]


def _check_span(span: Span | None) -> Span | None:
    if span is not None and not 0 <= span[0] <= span[1]:
        raise ValueError(f"span {list(span)} must satisfy 0 <= start <= end")
    return span


class _Item(BaseModel):
    """Common configuration: unknown fields are kept (the format is extensible). Schemas are
    built on first use (``defer_build``) so that ``import argmap`` stays cheap."""

    model_config = ConfigDict(extra="allow", validate_assignment=True, defer_build=True)


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

    _span_ok = field_validator("span")(_check_span)


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

    _span_ok = field_validator("span")(_check_span)

    @property
    def stance(self) -> Stance:
        """``pro`` for claims and rebuttals, ``con`` for critiques (derived, never stored)."""
        return STANCE_OF_KIND[self.kind]


class Edge(_Item):
    """``source`` supports or attacks ``target`` (a node or topic id)."""

    source: str
    target: str
    relation: Relation


class ArgumentMap(_Item):
    """A whole map. Construction validates the load invariants of the ``argmap/1`` contract.

    Example:
        >>> ArgumentMap(topics=[Topic(id="t1", title="A")],
        ...             nodes=[Node(id="t1", kind="claim", topic="t1", text="x")])
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for ArgumentMap
          Value error, duplicate id 't1' (used by more than one topic or node) ...
    """

    schema_tag: Literal["argmap/1"] = Field(default=SCHEMA_TAG, alias="schema")
    documents: list[Document] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _invariants(self) -> ArgumentMap:
        problems: list[str] = []
        doc_counts = Counter(d.id for d in self.documents)
        problems += [f"duplicate document id {i!r}" for i, c in doc_counts.items() if c > 1]
        id_counts = Counter([t.id for t in self.topics] + [n.id for n in self.nodes])
        problems += [
            f"duplicate id {i!r} (used by more than one topic or node)"
            for i, c in id_counts.items()
            if c > 1
        ]
        docs = {d.id: d for d in self.documents}
        topic_ids = {t.id for t in self.topics}
        for t in self.topics:
            if t.document is not None and t.document not in docs:
                problems.append(f"topic {t.id!r}: document {t.document!r} does not exist")
        for n in self.nodes:
            if n.topic not in topic_ids:
                problems.append(f"node {n.id!r}: topic {n.topic!r} does not exist")
            if n.document is not None and n.document not in docs:
                problems.append(f"node {n.id!r}: document {n.document!r} does not exist")
        for i, e in enumerate(self.edges):
            for end in ("source", "target"):
                ref = getattr(e, end)
                if ref not in id_counts:
                    problems.append(f"edges[{i}]: {end} {ref!r} does not exist")
        problems += self._span_problems(docs)
        if problems:
            shown = "; ".join(problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ValueError(shown + more)
        return self

    def _span_problems(self, docs: dict[str, Document]) -> list[str]:
        problems = []
        for what, item in [("topic", t) for t in self.topics] + [("node", n) for n in self.nodes]:
            if item.span is None:
                continue
            doc = self._resolve_document(item, docs)
            if doc is None or doc.text is None:
                continue
            if item.span[1] > len(doc.text):
                problems.append(
                    f"{what} {item.id!r}: span {list(item.span)} lies outside document "
                    f"{doc.id!r} ({len(doc.text)} characters)"
                )
        return problems

    def _resolve_document(self, item: Topic | Node, docs: dict[str, Document]) -> Document | None:
        if item.document is not None:
            return docs.get(item.document)
        if isinstance(item, Node):
            topic = next((t for t in self.topics if t.id == item.topic), None)
            if topic is not None and topic.document is not None:
                return docs.get(topic.document)
        if len(docs) == 1:
            return next(iter(docs.values()))
        return None

    # ----- lookups -------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        """The node with this id (``KeyError`` if there is none).

        Example:
            >>> ArgumentMap(topics=[Topic(id="t", title="T")],
            ...             nodes=[Node(id="n", kind="claim", topic="t", text="x")]).node("n").kind
            'claim'
        """
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id (``KeyError`` if there is none)."""
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)

    def document_of(self, item: Topic | Node) -> Document | None:
        """The document a topic or node comes from, when the map says or implies it."""
        return self._resolve_document(item, {d.id: d for d in self.documents})

    def statements(self, topic_id: str) -> list[Node]:
        """The nodes of one topic, in map order.

        Example:
            >>> m = ArgumentMap(topics=[Topic(id="t", title="T")],
            ...                 nodes=[Node(id="n", kind="claim", topic="t", text="x")])
            >>> [n.id for n in m.statements("t")]
            ['n']
        """
        return [n for n in self.nodes if n.topic == topic_id]

    def iter_items(self) -> Iterator[Topic | Node]:
        """Topics then nodes: every id an edge may reference."""
        yield from self.topics
        yield from self.nodes

    # ----- graph queries (networkx, loaded on first use) ------------------------------

    def to_networkx(self) -> Any:
        """A ``networkx.MultiDiGraph`` view; see :func:`argmap.graph.to_networkx`."""
        from argmap import graph

        return graph.to_networkx(self)

    @classmethod
    def from_networkx(cls, g: Any) -> ArgumentMap:
        """The inverse of :meth:`to_networkx`; see :func:`argmap.graph.from_networkx`."""
        from argmap import graph

        return graph.from_networkx(g)

    def attackers(self, target_id: str) -> list[Node]:
        """Nodes with an ``attacks`` edge to ``target_id``."""
        return self._sources(target_id, "attacks")

    def supporters(self, target_id: str) -> list[Node]:
        """Nodes with a ``supports`` edge to ``target_id``."""
        return self._sources(target_id, "supports")

    def _sources(self, target_id: str, relation: str) -> list[Node]:
        ids = {e.source for e in self.edges if e.target == target_id and e.relation == relation}
        return [n for n in self.nodes if n.id in ids]

    def rebuttal_chain(self, critique_id: str) -> list[Node]:
        """Everything that answers a critique, transitively; see :func:`argmap.graph.rebuttal_chain`."""
        from argmap import graph

        return graph.rebuttal_chain(self, critique_id)

    def unanswered_critiques(self) -> list[Node]:
        """Critiques nothing attacks."""
        attacked = {e.target for e in self.edges if e.relation == "attacks"}
        return [n for n in self.nodes if n.kind == "critique" and n.id not in attacked]

    # ----- display (Graphviz, loaded on first use) -------------------------------------

    def topic_view(self, topic_id: str, **options: Any) -> Any:
        """One topic's diagram, displayed as SVG in Jupyter; see :class:`argmap.diagrams.TopicView`."""
        from argmap.diagrams import TopicView

        return TopicView(self, topic_id, **options)

    def _repr_svg_(self) -> str | None:
        """Jupyter shows small maps as their overview diagram."""
        from argmap.diagrams.notebook import map_svg

        return map_svg(self)

    def _repr_html_(self) -> str | None:
        """Jupyter's fallback when the overview cannot be drawn: a note and the topics."""
        from argmap.diagrams.notebook import map_html

        return map_html(self)

    # ----- serialisation --------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The ``argmap/1`` JSON object as Python data."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        """The ``argmap/1`` JSON text.

        Example:
            >>> ArgumentMap().to_json(indent=None)
            '{"schema":"argmap/1","documents":[],"topics":[],"nodes":[],"edges":[]}'
        """
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> ArgumentMap:
        """Parse and validate ``argmap/1`` JSON (raises ``pydantic.ValidationError``)."""
        return cls.model_validate_json(text)

    def save(self, path: str) -> None:
        """Write the map as JSON atomically; see :func:`argmap.io.save_map`."""
        from argmap.io import save_map

        save_map(self, path)

    @classmethod
    def load(cls, path: str) -> ArgumentMap:
        """Read a map JSON file; see :func:`argmap.io.load_map`."""
        from argmap.io import load_map

        return load_map(path)


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
