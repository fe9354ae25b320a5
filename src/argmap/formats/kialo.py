"""Kialo discussion exports: the numbered outline Kialo (and Kialo Edu) writes as text.

::

    Discussion Title: Should cities charge road tolls?

    1. Cities should charge road tolls.
    1.1. Pro: Tolls cut congestion.
    1.1.1. Con: Traffic moves to side streets.
    1.2. Con: Tolls hit poor drivers hardest.
    1.2.1. Pro: -> See 1.1.1.

The thesis (``1.``) is the topic; every other claim is a statement that supports (``Pro``) or
attacks (``Con``) the claim it is numbered under, and ``-> See 1.x.`` repeats an earlier claim
there (one more edge, no new statement). Lines that do not start a claim continue the one
before. Kinds come from position (:mod:`argmap.formats.positions`). Ids are the claim numbers
(``1.2.1``); a file holding several discussions (argmap writes one per topic) prefixes the
numbers of the second and later ones with ``k:``.

Kialo has no place for ids, spans, actors, cues, confidences, documents, or a kind that goes
against the position; writing keeps the structure and texts only, and reports statements
that are not connected to their topic (which a Kialo outline cannot hold).

Example:
    >>> m = parse_kialo("Discussion Title: Tolls\\n\\n1. Tolls should come.\\n1.1. Con: They hurt.\\n"
    ...                 "1.1.1. Con: Rebates help.\\n")
    >>> [(n.id, n.kind) for n in m.nodes], [(e.source, e.relation, e.target) for e in m.edges]
    ([('1.1', 'critique'), ('1.1.1', 'rebuttal')], [('1.1', 'attacks', '1'), ('1.1.1', 'attacks', '1.1')])
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from argmap.errors import InputError
from argmap.model import ArgumentMap, Edge, Node, Topic

_CLAIM = re.compile(r"(?P<number>\d+(?:\.\d+)*)\.(?:\s+|\Z)(?:(?P<stance>Pro|Con):\s*)?(?P<text>.*)\Z")
_LINK = re.compile(r"->\s*See\s+(?P<number>\d+(?:\.\d+)*)\.?\s*\Z")
_HEADER = re.compile(r"(?P<key>[A-Z][A-Za-z ]*):\s*(?P<value>.*)\Z")


def parse_kialo(text: str, source: str = "<kialo>") -> ArgumentMap:
    """Read a Kialo export; a malformed line is an :class:`InputError` ``source:line:col``."""
    discussions: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    last: dict[str, Any] | None = None
    for lineno, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = raw.rstrip()
        if not line.strip():
            last = None if current is None or not current["claims"] else last
            continue
        if line.startswith("Discussion Title:"):
            current = {"title": line.split(":", 1)[1].strip(), "headers": {}, "claims": [], "line": lineno}
            discussions.append(current)
            last = None
            continue
        m = _CLAIM.match(line)
        if m:
            if current is None:
                current = {"title": None, "headers": {}, "claims": [], "line": lineno}
                discussions.append(current)
            last = _claim(m, current, source, lineno)
            continue
        if current is not None and not current["claims"]:
            header = _HEADER.match(line)
            if header:
                current["headers"][header.group("key")] = header.group("value")
                continue
        if last is None:
            raise InputError(f"{source}:{lineno}:1", "expected a numbered claim ('1.1. Pro: text') or a "
                             "'Discussion Title:' line")
        last["text"] += "\n" + line.strip()
    if not discussions or not any(d["claims"] for d in discussions):
        raise InputError(source, "no claims (expected 'Discussion Title: ...' and a thesis line '1. ...')")
    return _build(discussions, source)


def _claim(m: re.Match[str], discussion: dict[str, Any], source: str, lineno: int) -> dict[str, Any]:
    number = m.group("number")
    stance = m.group("stance")
    claims = discussion["claims"]
    if "." not in number:
        if claims:
            raise InputError(f"{source}:{lineno}:1", f"a second thesis {number}. in one discussion (expected "
                             "'Discussion Title:' before a new discussion)")
        if stance:
            raise InputError(f"{source}:{lineno}:{m.start('stance') + 1}", "the thesis has no Pro/Con")
    else:
        parent = number.rsplit(".", 1)[0]
        if not any(c["number"] == parent for c in claims):
            raise InputError(f"{source}:{lineno}:1", f"claim {number}. comes before its parent {parent}.")
        if stance is None:
            raise InputError(f"{source}:{lineno}:{m.start('text') + 1}", f"expected 'Pro:' or 'Con:' after {number}.")
    if any(c["number"] == number for c in claims):
        raise InputError(f"{source}:{lineno}:1", f"claim number {number}. is used twice")
    claim = {"number": number, "stance": stance, "text": m.group("text").strip(), "line": lineno}
    claims.append(claim)
    return claim


def _build(discussions: list[dict[str, Any]], source: str) -> ArgumentMap:
    topics, nodes, edges = [], [], []
    pending_links = []
    for k, d in enumerate(discussions, 1):
        if not d["claims"]:
            continue
        prefix = "" if k == 1 else f"{k}:"
        thesis = d["claims"][0]
        topic_id = prefix + thesis["number"]
        extra: dict[str, Any] = {}
        kialo = {key: value for key, value in (("title", d["title"]), ("headers", d["headers"])) if value}
        if kialo and kialo.get("title") != thesis["text"] or "headers" in kialo:
            extra["kialo"] = kialo
        topics.append(Topic(id=topic_id, title=thesis["text"], **extra))
        numbers = {c["number"] for c in d["claims"]}
        for c in d["claims"][1:]:
            relation = "supports" if c["stance"] == "Pro" else "attacks"
            parent = prefix + c["number"].rsplit(".", 1)[0]
            link = _LINK.match(c["text"])
            if link:
                if link.group("number") not in numbers:
                    raise InputError(f"{source}:{c['line']}:1", f"link to claim {link.group('number')}. "
                                     "which this discussion does not have")
                pending_links.append((prefix + link.group("number"), parent, relation, c["number"]))
                continue
            nodes.append({"id": prefix + c["number"], "topic": topic_id, "text": c["text"]})
            edges.append((prefix + c["number"], parent, relation))
    # a link to a thesis or another link resolves to what it names; links pointing at links
    # are followed to the claim
    link_target = {prefix_number: target for target, _, _, prefix_number in pending_links}
    for target, parent, relation, _ in pending_links:
        seen = set()
        while target in link_target and target not in seen:
            seen.add(target)
            target = link_target[target]
        edges.append((target, parent, relation))
    from argmap.formats.positions import infer_kinds

    kinds = infer_kinds([n["id"] for n in nodes], edges, pro_roots=[t.id for t in topics])
    try:
        return ArgumentMap(topics=topics, nodes=[Node(kind=kinds[n["id"]], **n) for n in nodes],
                           edges=[Edge(source=s, target=t, relation=r) for s, t, r in edges])
    except ValueError as exc:
        raise InputError(source, f"does not make a valid map: {exc}") from None


def generate_kialo(amap: ArgumentMap) -> str:
    """``amap`` as a Kialo export, one discussion per topic (see the module docstring for what
    Kialo cannot hold).

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t", title="Tolls should come.")],
        ...                 nodes=[Node(id="a", kind="critique", topic="t", text="They hurt.")],
        ...                 edges=[Edge(source="a", target="t", relation="attacks")])
        >>> print(generate_kialo(m), end="")
        Discussion Title: Tolls should come.
        <BLANKLINE>
        1. Tolls should come.
        1.1. Con: They hurt.
    """
    incoming: dict[str, list[Edge]] = {}
    for e in amap.edges:
        incoming.setdefault(e.target, []).append(e)
    out: list[str] = []
    unplaced = 0
    for topic in amap.topics:
        if out:
            out.append("")
        title = _one_line(((topic.model_extra or {}).get("kialo") or {}).get("title") or topic.title)
        out += [f"Discussion Title: {title}", "", f"1. {_one_line(topic.title)}"]
        number: dict[str, str] = {topic.id: "1"}
        in_topic = {n.id for n in amap.statements(topic.id)}
        # depth-first, iterative: every edge inside the topic once, each statement written once
        stack: list[tuple[list[Edge], str, list[int]]] = [(list(reversed(incoming.get(topic.id, []))), "1", [0])]
        while stack:
            pending, prefix, count = stack[-1]
            if not pending:
                stack.pop()
                continue
            e = pending.pop()
            if e.source not in in_topic:
                continue
            count[0] += 1
            here = f"{prefix}.{count[0]}"
            stance = "Pro" if e.relation == "supports" else "Con"
            if e.source in number:
                out.append(f"{here}. {stance}: -> See {number[e.source]}.")
                continue
            number[e.source] = here
            out.append(f"{here}. {stance}: {_lines(amap.node(e.source).text)}")
            stack.append((list(reversed(incoming.get(e.source, []))), here, [0]))
        unplaced += len(in_topic - number.keys())
    if unplaced:
        from argmap.formats import FormatWarning

        warnings.warn(f"{unplaced} statement(s) not connected to their topic cannot be written in a Kialo "
                      "outline and are left out", FormatWarning, stacklevel=3)
    return "\n".join(out) + "\n" if out else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """Claim text over lines: continuation lines must not look like a claim or be empty."""
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    safe = [lines[0] if lines else ""]
    for ln in lines[1:]:
        if _CLAIM.match(ln) or ln.startswith("Discussion Title:"):
            safe[-1] += " " + ln
        else:
            safe.append(ln)
    return "\n".join(safe)
