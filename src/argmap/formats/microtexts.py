"""The arg-microtexts XML (``arggraph``, Peldszus & Stede): a short text cut into elementary
discourse units (``edu``), argumentative units (``adu``) with a proponent or opponent role, and
typed edges between them.

Mapping onto argmap (one topic per text, one node per ADU):

* role: proponent ADUs are pro (a claim, or a rebuttal when it attacks), opponent ADUs are
  critiques;
* ``sup`` and ``exa`` (support by example) become ``supports``, ``reb`` becomes ``attacks``;
* ``und`` attacks a relation, not a unit: it becomes an attack on the unit(s) that relation
  starts from (``undercut`` on the edge names the relation);
* ``add`` adds a premise to a relation: the added unit gets the same relation to the same
  target (``linked`` on the edge names the relation);
* the ``arggraph`` field of every edge keeps the XML id and type.

Spans: each EDU is located in the ``.txt`` beside the XML (or, without one, in the EDU texts
joined by spaces); an ADU's span covers its EDUs when they are contiguous. Implicit units
(part 2 adds some main claims the text leaves unsaid) have no span.

Example:
    >>> xml = '''<arggraph id="m1" topic_id="tolls" stance="pro">
    ...   <edu id="e1"><![CDATA[Tolls work.]]></edu><edu id="e2"><![CDATA[They hurt.]]></edu>
    ...   <adu id="a1" type="pro"/><adu id="a2" type="opp"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="reb"/></arggraph>'''
    >>> m = parse_microtexts(xml)
    >>> [(n.id, n.kind, n.span) for n in m.nodes], m.documents[0].text
    ([('a1', 'claim', (0, 11)), ('a2', 'critique', (12, 22))], 'Tolls work. They hurt.')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.errors import InputError
from argmap.model import ArgumentMap, Document, Edge, Node, Topic

_RELATIONS = {"sup": "supports", "exa": "supports", "reb": "attacks"}


def parse_microtexts(text: str, source: str = "<microtexts>") -> ArgumentMap:
    """Read one arggraph XML text; with a real file name, the ``.txt`` beside it is the document."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise InputError(f"{source}:{line}:{col + 1}", f"not well-formed XML ({str(exc).split(':')[0]})") from None
    if root.tag != "arggraph":
        raise InputError(source, f"not an arggraph document (the root element is <{root.tag}>)")
    edus = {}
    for el in root.iter("edu"):
        edus[_attr(el, "id", source)] = ((el.text or "").strip(), el.get("implicit") == "true")
    roles = {_attr(el, "id", source): _attr(el, "type", source) for el in root.iter("adu")}
    edges = [{k: _attr(el, k, source) for k in ("id", "src", "trg", "type")} for el in root.iter("edge")]
    by_id = {e["id"]: e for e in edges}
    for e in edges:
        if e["type"] not in ("seg", "sup", "exa", "reb", "und", "add"):
            raise InputError(source, f"edge {e['id']}: unknown type {e['type']!r} "
                             "(expected seg, sup, exa, reb, und or add)")
        known = roles if e["type"] != "seg" else edus
        if e["src"] not in known:
            raise InputError(source, f"edge {e['id']}: source {e['src']!r} does not exist")
        if e["trg"] not in roles and e["trg"] not in by_id:
            raise InputError(source, f"edge {e['id']}: target {e['trg']!r} does not exist")
    for adu, role in roles.items():
        if role not in ("pro", "opp"):
            raise InputError(source, f"adu {adu}: type {role!r} (expected pro or opp)")

    doc_text, edu_spans = _document(edus, source)
    segments: dict[str, list[str]] = {}
    for e in edges:
        if e["type"] == "seg":
            segments.setdefault(e["trg"], []).append(e["src"])
    graph_id = root.get("id") or Path(source).stem
    topic = Topic(id=graph_id, title=(root.get("topic_id") or graph_id).replace("_", " "), document="d1",
                  arggraph={k: root.get(k) for k in ("topic_id", "stance") if root.get(k)})
    nodes = []
    attackers = set()
    resolved = [_resolve(e, by_id) for e in edges if e["type"] != "seg"]
    for rel in resolved:
        if rel["relation"] == "attacks":
            attackers.add(rel["source"])
    for adu, role in roles.items():
        parts = sorted(segments.get(adu, []), key=lambda i: edu_spans[i] or (len(doc_text), 0))
        node_text = " ".join(edus[p][0] for p in parts)
        spans = [edu_spans[p] for p in parts]
        span = None
        if spans and all(spans) and all(not doc_text[a[1]:b[0]].strip() for a, b in zip(spans, spans[1:])):
            span = (spans[0][0], spans[-1][1])
            node_text = doc_text[span[0]:span[1]]
        kind = "critique" if role == "opp" else ("rebuttal" if adu in attackers else "claim")
        extra: dict[str, Any] = {"arggraph": {"role": "proponent" if role == "pro" else "opponent",
                                              "edus": parts}}
        if any(edus[p][1] for p in parts):
            extra["arggraph"]["implicit"] = True
        nodes.append(Node(id=adu, kind=kind, topic=topic.id, text=node_text, document="d1", span=span, **extra))
    out_edges = [Edge(source=r["source"], target=r["target"], relation=r["relation"], **r["extra"])
                 for r in _expand(resolved)]
    document = Document(id="d1", title=graph_id, source=_txt_name(source), text=doc_text)
    try:
        return ArgumentMap(documents=[document], topics=[topic], nodes=nodes, edges=out_edges)
    except ValueError as exc:
        raise InputError(source, f"does not make a valid map: {exc}") from None


def _attr(el: Any, name: str, source: str) -> str:
    value = el.get(name)
    if value is None:
        raise InputError(source, f"<{el.tag}> without the {name!r} attribute")
    return value


def _txt_name(source: str) -> str | None:
    return None if source.startswith("<") else str(Path(source).with_suffix(".txt"))


def _document(edus: dict[str, tuple[str, bool]], source: str) -> tuple[str, dict[str, tuple[int, int] | None]]:
    """The text (the ``.txt`` beside the file, else the EDUs joined) and each EDU's span in it."""
    text = None
    name = _txt_name(source)
    if name is not None:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = None
    if text is None:
        text = " ".join(t for t, implicit in edus.values() if not implicit)
    spans: dict[str, tuple[int, int] | None] = {}
    cursor = 0
    for edu, (edu_text, implicit) in edus.items():
        found = -1 if implicit or not edu_text else text.find(edu_text, cursor)
        if found < 0 and not implicit and edu_text:
            found = text.find(edu_text)
        spans[edu] = None if found < 0 else (found, found + len(edu_text))
        if found >= 0:
            cursor = found + len(edu_text)
    return text, spans


def _resolve(e: dict[str, str], by_id: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One argumentative XML edge as (source, relation, target-or-relation-id)."""
    if e["type"] in _RELATIONS:
        return {"source": e["src"], "relation": _RELATIONS[e["type"]], "target": e["trg"],
                "extra": {"arggraph": {"id": e["id"], "type": e["type"]}}, "xml": e}
    if e["type"] == "und":
        return {"source": e["src"], "relation": "attacks", "target": None, "undercut": e["trg"],
                "extra": {"arggraph": {"id": e["id"], "type": "und"}, "undercut": e["trg"]}, "xml": e}
    # add: the same relation as the one it joins
    joined = by_id[e["trg"]]
    base = _resolve(joined, by_id)
    return {**base, "source": e["src"], "extra": {**base["extra"], "arggraph": {"id": e["id"], "type": "add"},
                                                   "linked": e["trg"]}, "xml": e}


def _expand(resolved: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Undercuts become attacks on the units the undercut relation starts from (its source
    and the premises added to it)."""
    sources_of: dict[str, list[str]] = {}
    for r in resolved:
        xml = r["xml"]
        if xml["type"] == "add":
            sources_of.setdefault(xml["trg"], []).append(xml["src"])
        else:
            sources_of.setdefault(xml["id"], []).insert(0, xml["src"])
    out = []
    for r in resolved:
        if r.get("undercut") is None:
            out.append(r)
            continue
        for attacked in sources_of.get(r["undercut"], []):
            out.append({**r, "target": attacked})
    return out
