"""AIF JSON, the Argument Interchange Format as AIFdb, OVA and the argument-mining corpora write it.

An AIF graph has information nodes (``I``: propositions) and scheme nodes between them:
``RA`` (inference: its premises support its conclusion), ``CA`` (conflict: attack) and ``MA``
(rephrase), plus the dialogue layer (``L`` locutions, ``YA`` illocutions, ``TA`` transitions).
Edges carry no type; the scheme node in between does.

Reading: every I-node is a statement; ``RA`` gives one ``supports`` edge per premise, ``CA`` one
``attacks`` edge; the scheme node is remembered on the edge (``aif_scheme``) so linked
premises come back as one RA. A conflict aimed at a scheme node (an undercut) becomes an
attack on that inference's premises (``undercut`` on the edge). Kinds come from position
(:mod:`argmap.formats.positions`). What has no place in argmap (MA, the dialogue layer,
locutions) is kept in the map's ``aif`` field and reported as a warning. When a ``.txt``
with the source text sits beside the file, it becomes the document and every I-node's text
is located in it (a span).

Writing: topics and statements become I-nodes, each edge an RA or CA node; argmap's own
fields (kind, topic, span, actor, cue, confidence) ride along in an ``argmap`` key per node,
which other AIF readers ignore and this one reads back.

Example:
    >>> m = parse_aif('{"nodes": [{"nodeID": "1", "text": "Tolls work.", "type": "I"},'
    ...               ' {"nodeID": "2", "text": "They hurt.", "type": "I"},'
    ...               ' {"nodeID": "3", "text": "Default Conflict", "type": "CA"}],'
    ...               ' "edges": [{"edgeID": "a", "fromID": "2", "toID": "3"},'
    ...               ' {"edgeID": "b", "fromID": "3", "toID": "1"}]}')
    >>> [(n.id, n.kind) for n in m.nodes], [(e.source, e.relation, e.target) for e in m.edges]
    ([('1', 'claim'), ('2', 'critique')], [('2', 'attacks', '1')])
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

from argmap.errors import InputError
from argmap.model import ArgumentMap

_RELATION_OF = {"RA": "supports", "CA": "attacks"}
_SCHEME_TEXT = {"supports": "Default Inference", "attacks": "Default Conflict"}
_ARGMAP_KEY = "argmap"


def parse_aif(text: str, source: str = "<aif>") -> ArgumentMap:
    """Read AIF JSON; with a real file name, the ``.txt`` beside it gives the spans."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}:{exc.lineno}:{exc.colno}", f"not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise InputError(source, 'not AIF JSON (expected an object with "nodes" and "edges" lists)')
    nodes: dict[str, dict[str, Any]] = {}
    for i, n in enumerate(data["nodes"]):
        if not isinstance(n, dict) or "nodeID" not in n or "type" not in n:
            raise InputError(source, f'nodes[{i}]: expected an object with "nodeID" and "type"')
        nodes[str(n["nodeID"])] = n
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for i, e in enumerate(data["edges"]):
        if not isinstance(e, dict) or "fromID" not in e or "toID" not in e:
            raise InputError(source, f'edges[{i}]: expected an object with "fromID" and "toID"')
        a, b = str(e["fromID"]), str(e["toID"])
        for end in (a, b):
            if end not in nodes:
                raise InputError(source, f"edges[{i}]: node {end!r} does not exist")
        out_of.setdefault(a, []).append(b)
        into.setdefault(b, []).append(a)
    return _Reader(source, data, nodes, into, out_of).build()


class _Reader:
    def __init__(self, source: str, data: dict[str, Any], nodes: dict[str, dict[str, Any]],
                 into: dict[str, list[str]], out_of: dict[str, list[str]]) -> None:
        self.source, self.data, self.nodes, self.into, self.out_of = source, data, nodes, into, out_of
        self.notes: list[str] = []

    def is_i(self, node_id: str) -> bool:
        return self.nodes[node_id]["type"] == "I"

    def build(self) -> ArgumentMap:
        meta = self.data.get(_ARGMAP_KEY) if isinstance(self.data.get(_ARGMAP_KEY), dict) else {}
        documents = meta.get("documents", [])
        if not isinstance(documents, list) or not isinstance(meta.get("extra", {}), dict):
            raise InputError(self.source, "the 'argmap' key must hold a list of documents and an 'extra' object")
        documents = documents or self._text_beside()
        topics: list[dict[str, Any]] = []
        statements: dict[str, dict[str, Any]] = {}
        for node_id, n in self.nodes.items():
            if n["type"] != "I":
                continue
            own = n.get(_ARGMAP_KEY) if isinstance(n.get(_ARGMAP_KEY), dict) else {}
            if "topic" in own and isinstance(own["topic"], dict):
                topics.append({**own["topic"], "id": node_id, "title": str(n.get("text", ""))})
                continue
            statements[node_id] = {"id": node_id, "text": str(n.get("text", "")), **own}
        edges = self._edges()
        kept = self._unmapped()
        if not topics:
            topics = [self._default_topic(statements)]
        fixed = {i: s["kind"] for i, s in statements.items() if s.get("kind")}
        from argmap.formats.positions import infer_kinds

        kinds = infer_kinds(statements, [(e["source"], e["target"], e["relation"]) for e in edges], fixed,
                            [t["id"] for t in topics])
        if documents and not meta:
            self._locate(statements, documents[0])
        for s in statements.values():
            s["kind"] = kinds[s["id"]]
            s.setdefault("topic", topics[0]["id"])
        for note in self.notes:
            warnings.warn(f"{self.source}: {note}", _format_warning(), stacklevel=3)
        extra = dict(meta.get("extra", {}))
        if kept:
            extra["aif"] = kept
        try:
            # one validation for the whole map (per-item models would cost as much again)
            return ArgumentMap.model_validate({"documents": documents, "topics": topics,
                                               "nodes": list(statements.values()), "edges": edges, **extra})
        except ValueError as exc:
            from pydantic import ValidationError

            from argmap.io import describe_validation_error

            problem = describe_validation_error(exc) if isinstance(exc, ValidationError) else str(exc)
            raise InputError(self.source, f"does not make a valid map: {problem}") from None

    def _edges(self) -> list[dict[str, Any]]:
        edges: list[dict[str, Any]] = []
        undercuts = 0
        for node_id, n in self.nodes.items():
            relation = _RELATION_OF.get(n["type"])
            if relation is None:
                continue
            sources = self.into.get(node_id, [])
            # the scheme node is remembered only where it carries something: linked premises
            # (several into one inference) or a named scheme
            scheme: dict[str, Any] = {}
            if sum(self.is_i(s) for s in sources) > 1:
                scheme["aif_scheme"] = node_id
            if n.get("text") and n["text"] != _SCHEME_TEXT[relation]:
                scheme["aif_scheme"] = node_id
                scheme["aif_scheme_text"] = n["text"]
            for target in self.out_of.get(node_id, []):
                if self.is_i(target):
                    ends = [target]
                    extra = scheme
                else:  # aimed at an inference or conflict: attack what it rests on
                    ends = [p for p in self.into.get(target, []) if self.is_i(p)]
                    extra = {**scheme, "undercut": target}
                    undercuts += 1
                # a scheme node among the sources is an undercut, read from that node's side
                for source in filter(self.is_i, sources):
                    for end in ends:
                        edges.append({"source": source, "target": end, "relation": relation, **extra})
        if undercuts:
            self.notes.append(f"{undercuts} conflict(s) aimed at an inference (undercuts) read as attacks on its "
                              "premises ('undercut' on the edge names the inference)")
        return edges

    def _unmapped(self) -> dict[str, Any]:
        """MA nodes, the dialogue layer and locutions: kept verbatim, reported."""
        keep_types = {t for t in (n["type"] for n in self.nodes.values()) if t not in ("I", "RA", "CA")}
        kept: dict[str, Any] = {}
        if keep_types:
            ids = {i for i, n in self.nodes.items() if n["type"] in keep_types}
            kept["nodes"] = [n for n in self.data["nodes"] if str(n["nodeID"]) in ids]
            kept["edges"] = [e for e in self.data["edges"] if str(e["fromID"]) in ids or str(e["toID"]) in ids]
            self.notes.append(f"{len(ids)} node(s) of type {', '.join(sorted(keep_types))} have no place in argmap; "
                              "kept in the map's 'aif' field")
        if self.data.get("locutions"):
            kept["locutions"] = self.data["locutions"]
        return kept

    def _text_beside(self) -> list[dict[str, Any]]:
        if self.source.startswith("<"):
            return []
        txt = Path(self.source).with_suffix(".txt")
        try:
            text = txt.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return []
        return [{"id": "d1", "title": Path(self.source).stem, "source": str(txt), "text": text}]

    def _locate(self, statements: dict[str, dict[str, Any]], doc: dict[str, Any]) -> None:
        """Spans: each I-node's text in the document, searched onward from the last one found."""
        text = doc["text"]
        cursor = 0
        missing = []
        for s in statements.values():
            found = text.find(s["text"], cursor) if s["text"] else -1
            if found < 0 and s["text"]:
                found = text.find(s["text"])
            if found < 0:
                missing.append(s["id"])
                continue
            s["span"] = (found, found + len(s["text"]))
            s["document"] = doc["id"]
            cursor = found + len(s["text"])
        if missing:
            self.notes.append(f"{len(missing)} I-node text(s) not found in {doc['source']}: no span for "
                              f"{', '.join(missing[:5])}")

    def _default_topic(self, statements: dict[str, Any]) -> dict[str, Any]:
        tid = "topic"
        while tid in statements or tid in self.nodes:
            tid += "_"
        title = Path(self.source).stem if not self.source.startswith("<") else "AIF map"
        return {"id": tid, "title": title}


def _format_warning() -> type[Warning]:
    from argmap.formats import FormatWarning

    return FormatWarning


def generate_aif(amap: ArgumentMap) -> str:
    """``amap`` as AIF JSON (AIFdb layout) that :func:`parse_aif` and arguebuf read.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
        ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="They hurt.")],
        ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
        >>> [n["type"] for n in json.loads(generate_aif(m))["nodes"]]
        ['I', 'I', 'CA']
    """
    taken = {item.id for item in amap.iter_items()}
    counter = 0

    def fresh(prefix: str) -> str:
        nonlocal counter
        while True:
            counter += 1
            candidate = f"{prefix}{counter}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    nodes: list[dict[str, Any]] = []
    for t in amap.topics:
        own = t.model_dump(mode="json", exclude={"id", "title"}, exclude_none=True)
        nodes.append({"nodeID": t.id, "text": t.title, "type": "I", _ARGMAP_KEY: {"topic": own}})
    for n in amap.nodes:
        own = n.model_dump(mode="json", exclude={"id", "text"}, exclude_none=True)
        nodes.append({"nodeID": n.id, "text": n.text, "type": "I", _ARGMAP_KEY: own})
    edges: list[dict[str, Any]] = []
    schemes: dict[tuple[str, str, str], str] = {}  # (kept scheme id, relation, target) -> node id
    for e in amap.edges:
        extra = e.model_extra or {}
        kept = extra.get("aif_scheme")
        key = (str(kept), e.relation, e.target) if kept is not None and "undercut" not in extra else None
        scheme_id = schemes.get(key) if key else None
        if scheme_id is None:
            scheme_id = fresh("s")
            if key:
                schemes[key] = scheme_id
            text = extra.get("aif_scheme_text", _SCHEME_TEXT[e.relation])
            nodes.append({"nodeID": scheme_id, "text": text, "type": "RA" if e.relation == "supports" else "CA"})
            edges.append({"edgeID": fresh("e"), "fromID": scheme_id, "toID": e.target, "formEdgeID": None})
        edges.append({"edgeID": fresh("e"), "fromID": e.source, "toID": scheme_id, "formEdgeID": None})
    extra = {k: v for k, v in (amap.model_extra or {}).items() if k != "aif"}
    kept = (amap.model_extra or {}).get("aif") or {}
    nodes += kept.get("nodes", [])
    edges += kept.get("edges", [])
    meta: dict[str, Any] = {"documents": [d.model_dump(mode="json", exclude_none=True) for d in amap.documents]}
    if extra:
        meta["extra"] = extra
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": kept.get("locutions", []), _ARGMAP_KEY: meta},
                      ensure_ascii=False, indent=1) + "\n"
