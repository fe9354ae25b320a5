"""Argdown (https://argdown.org), the plain-text syntax argument mappers type, in and out.

Reading: the block structure (front matter, headings, statements, arguments, relation trees
nested by indentation, premise–conclusion structures) is scanned line by line; the content
of each element (``[Title]:`` / ``<Title>:`` heads, references, escapes, ``#tags``,
``@[mentions]``, links, trailing ``{yaml: data}``) is parsed with a Lark grammar. Comments
(``//``, ``/* */``, ``<!-- -->``) are blanked first so columns stay right.

How Argdown maps onto argmap (docs/formats.md has the full table):

* a heading is a topic; statements before the first heading go to a topic named by the front
  matter ``title`` (else the file name);
* every statement (an Argdown equivalence class, untitled ones named ``Untitled N`` as
  ``@argdown/cli`` does) and every argument is a node; its id is its title;
* ``support`` / ``entails`` relations become ``supports`` edges, ``attack`` / ``contrary`` /
  ``contradictory`` / ``undercut`` become ``attacks``; the Argdown type is kept on the edge as
  ``argdown_relation`` when it is not plain support or attack;
* the kind is the tag ``#claim`` / ``#critique`` / ``#rebuttal`` when there is one, else the
  position: a statement nothing it points to is pro; supporting keeps the side of the target,
  attacking takes the other side; con statements are critiques, pro statements that attack
  are rebuttals, other pro statements claims;
* what argmap has no field for (premise–conclusion structures, inference rules, undercut
  targets, tags, data) stays on the node under ``argdown`` and is reported as a
  :class:`~argmap.formats.FormatWarning`.

Writing puts each topic under its heading, with the topic as the root statement of its tree
and ids, spans, actors, cues, confidences and documents in ``{"argmap": ...}`` data, so that a
map exported, edited and read back keeps all of that for every statement left unchanged.

Example:
    >>> m = parse_argdown("# Tolls\\n\\n[Tolls]: Tolls cut traffic.\\n  - [Poor]: They hurt the poor.\\n"
    ...                   "    - [Rebate]: Rebates fix that.\\n")
    >>> [(n.id, n.kind) for n in m.nodes]
    [('Tolls', 'claim'), ('Poor', 'critique'), ('Rebate', 'rebuttal')]
    >>> [(e.source, e.relation, e.target) for e in m.edges]
    [('Poor', 'attacks', 'Tolls'), ('Rebate', 'attacks', 'Poor')]
"""

from __future__ import annotations

import gc
import json
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from argmap.errors import InputError
from argmap.model import KINDS, ArgumentMap, Edge, Node, Topic

# ----------------------------------------------------------------------------- grammar

def grammar(sep: str = "\x1e") -> str:
    """The Lark grammar of element contents. All elements of a document are read in one pass,
    joined by ``sep`` (a character the document does not contain), which no terminal crosses.
    An element is regular (an optional head, then inline items), so its tokens are read
    straight off a scan with the terminals (:func:`_scanner`), not through a parse tree."""
    x = re.escape(sep)
    quoted = rf'"(?:[^"\\\n{x}]|\\[^{x}])*"|\'(?:[^\'\n{x}]|\'\')*\''
    flat = rf'\{{(?:{quoted}|[^{{}}"\'{x}])*\}}'
    nested1 = rf'\{{(?:{quoted}|{flat}|[^{{}}"\'{x}])*\}}'
    nested2 = rf'\{{(?:{quoted}|{nested1}|[^{{}}"\'{x}])*\}}'
    return rf"""
start: element (_SEP element)*
element: head? item*
head: STATEMENT_DEF | ARGUMENT_DEF | STATEMENT_REF | ARGUMENT_REF
?item: ESCAPED | TAG | MENTION | LINK | DATA | TEXT | CHAR

_SEP.9: /{x}/
STATEMENT_DEF.5: /\[[^\[\]\n{x}]+\][ \t]*:/
ARGUMENT_DEF.5: /<[^<>\n{x}]+>[ \t]*:/
STATEMENT_REF.4: /\[[^\[\]\n{x}]+\]/
ARGUMENT_REF.4: /<[^<>\n{x}]+>/
ESCAPED.3: /\\[^{x}]/
TAG.3: /#\([^)\n{x}]+\)/ | /#[^\s#@\[\]<>(){{}},;:!?.*{x}]+/
MENTION.3: /@\[[^\[\]\n{x}]+\]/ | /@<[^<>\n{x}]+>/
LINK.6: /\[[^\[\]\n{x}]*\]\([^()\s{x}]*\)/
DATA.3: /[ \t]*{nested2}/
TEXT: /[^\\#@\[<{{*_{x}]+/
CHAR: /[^{x}]/
"""


@lru_cache(maxsize=4)
def _parser(sep: str = "\x1e") -> Any:
    from lark import Lark

    return Lark(grammar(sep), parser="lalr", lexer="basic", maybe_placeholders=False)


_HEADS = ("STATEMENT_DEF", "ARGUMENT_DEF", "STATEMENT_REF", "ARGUMENT_REF")


@lru_cache(maxsize=4)
def _scanner(sep: str = "\x1e") -> re.Pattern[str]:
    """The grammar's terminals, as Lark orders them (priority first; CHAR, the catch-all,
    last), in one regular expression: a scan with it costs a fraction of Lark's own lexer
    loop, which matters for maps of thousands of statements."""
    terminals = sorted(_parser(sep).terminals, key=lambda t: (-t.priority, t.name == "CHAR"))
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))


def _separator(text: str) -> str:
    """A character ``text`` does not contain (normally the ASCII record separator)."""
    for code in [0x1E, *range(0xE000, 0xF900)]:
        if chr(code) not in text:
            return chr(code)
    raise ValueError("no free separator character")  # pragma: no cover - 6,400 private-use characters


# ----------------------------------------------------------------------------- scanning

# A relation line: the marker, then white space. Longer markers first.
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+")
_PCS_ITEM = re.compile(r"\((\d+)\)[ \t]+")
_INFERENCE = re.compile(r"-{2,}[ \t]*\Z")
_HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*)")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)[ \t]+")
_FRONT_MATTER = re.compile(r"\A(\s*)===[ \t]*\n(.*?)\n===[ \t]*(?:\n|\Z)", re.S)

# marker -> (relation type in loose mode, direction: True when the child is the source)
_MARKERS: dict[str, tuple[str, bool]] = {
    "+": ("support", True), "<+": ("support", True), "+>": ("support", False),
    "-": ("attack", True), "<-": ("attack", True), "->": ("attack", False),
    "_": ("undercut", True), "<_": ("undercut", True), "_>": ("undercut", False),
    "><": ("contradictory", False),
}
_STRICT = {"support": "entails", "attack": "contrary"}  # between two statements, strict mode
_SUPPORTING = {"support", "entails"}


@dataclass
class _Member:
    """One occurrence of a statement or argument in the text."""

    kind: str  # "statement" | "argument"
    title: str | None
    text: str
    tags: list[str]
    data: dict[str, Any] | None
    section: str | None
    defines: bool  # has text (a definition, not a bare reference)


@dataclass
class _Element:
    kind: str
    title: str


@dataclass
class _Doc:
    front: dict[str, Any] = field(default_factory=dict)
    sections: list[dict[str, Any]] = field(default_factory=list)
    members: list[_Member] = field(default_factory=list)
    relations: list[tuple[_Element, _Element, str]] = field(default_factory=list)
    pcs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


_COMMENTS = re.compile(r"\\[\s\S]|\]\([^)\n]*\)|//[^\n]*|/\*[\s\S]*?\*/|<!--[\s\S]*?-->|(/\*|<!--)")


def _blank_comments(text: str, source: str) -> tuple[str, set[int]]:
    """Comments become spaces (newlines kept), so line and column numbers stay true; also the
    (0-based) numbers of lines a comment touches, so that a line holding only a comment can be
    told from an empty line (which ends a block). Escapes and link targets (``//`` in a URL)
    are skipped over."""
    out: list[str] = []
    touched: set[int] = set()
    if "//" not in text and "/*" not in text and "<!--" not in text:
        return text, touched  # nothing to look for (argmap's own exports escape their slashes)
    last = 0
    for m in _COMMENTS.finditer(text):
        start, end = m.span()
        token = m.group()
        if token.startswith("\\") or token.startswith("]("):
            continue
        if m.group(1):
            line, col = _position(text, start)
            closer = "*/" if m.group(1) == "/*" else "-->"
            raise InputError(f"{source}:{line}:{col}", f"comment is never closed (expected {closer!r})")
        first = text.count("\n", 0, start)
        touched.update(range(first, first + token.count("\n") + 1))
        out.append(text[last:start])
        out.append(re.sub(r"[^\n]", " ", token))
        last = end
    out.append(text[last:])
    return "".join(out), touched


def _data_value(text: str, source: str, line: int, col: int, what: str = "data") -> Any:
    """Front matter or inline ``{...}`` data: JSON when it is (as argmap writes it; much
    faster), else YAML."""
    try:
        return json.loads(text)
    except ValueError:
        return _yaml(text, source, line, col, what)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _yaml(text: str, source: str, line: int, col: int, what: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        pass
    try:  # the pure-Python loader says where and what more precisely (and the same everywhere)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{line + mark.line}:{(col if mark.line == 0 else 1) + mark.column}" if mark else f"{line}:{col}"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{source}:{where}", f"{what} is not valid YAML ({problem})") from None


class _Scanner:
    """Turns Argdown text into members, relations, sections and premise–conclusion lists."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.doc = _Doc()
        self.section: str | None = None
        self.section_stack: list[tuple[int, str]] = []
        self.strict = False
        self.untitled = 0
        self._scan(text)

    def _error(self, line: int, col: int, problem: str) -> InputError:
        return InputError(f"{self.source}:{line}:{col}", problem)

    def _scan(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        start_line = 1
        fm = _FRONT_MATTER.match(text)
        if fm:
            first = fm.group(1).count("\n") + 2
            front = _data_value(fm.group(2), self.source, first, 1, "front matter")
            if front is not None and not isinstance(front, dict):
                raise self._error(first, 1, "front matter must be a YAML mapping (key: value lines)")
            self.doc.front = front or {}
            model = self.doc.front.get("model")
            self.strict = isinstance(model, dict) and model.get("mode") == "strict"
            start_line = text.count("\n", 0, fm.end()) + 1
            text = text[fm.end():]
        elif text.lstrip().startswith("===\n") or text.lstrip() == "===":
            line, _ = _position(text, text.index("==="))
            raise self._error(line, 1, "front matter is never closed (expected a line '===')")
        text, self.comment_lines = _blank_comments(text, self.source)
        self._blocks(text.split("\n"), start_line)

    def _blocks(self, lines: list[str], first_line: int) -> None:
        """Cut the lines into events (elements with their lines, empty lines, inference
        lines), parse every element's content in one Lark run, then replay the events."""
        events: list[tuple[Any, ...]] = []
        block: list[tuple[int, int, str]] = []  # (line, column, content)
        head: tuple[str, int, int, int] | None = None  # (kind, indent, line, col)
        rule: list[str] | None = None  # lines of an inference rule between two '--' lines
        rule_line = 0
        blank_before = True

        def flush() -> None:
            nonlocal block, head
            if head is not None:
                events.append(("element", head, block))
            block, head = [], None

        for offset, raw in enumerate(lines):
            lineno = first_line + offset
            stripped = raw.strip()
            if not stripped and offset in self.comment_lines:
                continue  # a comment line neither ends nor continues a block
            if not stripped:
                flush()
                if rule is None:
                    events.append(("blank",))
                blank_before = True
                continue
            indent = len(raw) - len(raw.lstrip(" \t"))
            body = raw[indent:]
            col = indent + 1
            if rule is not None:
                if _INFERENCE.match(body):
                    events.append(("inference", rule, rule_line, 1))
                    rule = None
                else:
                    rule.append(body.strip())
                continue
            m = _HEADING.match(body) if indent == 0 else None
            if m:
                flush()
                head = ("heading:" + m.group(1), indent, lineno, col)
                block = [(lineno, col + m.start(2), m.group(2))]
                blank_before = False
                continue
            if _INFERENCE.match(body):
                flush()
                if re.fullmatch(r"--[ \t]*", body):
                    rule, rule_line = [], lineno
                else:
                    events.append(("inference", [], lineno, col))
                continue
            rel = _RELATION.match(body)
            if rel:
                flush()
                head = ("relation:" + rel.group(1), indent, lineno, col)
                block = [(lineno, col + rel.end(), body[rel.end():])]
                blank_before = False
                continue
            pcs = _PCS_ITEM.match(body)
            if pcs:
                flush()
                head = ("pcs", indent, lineno, col)
                block = [(lineno, col + pcs.end(), body[pcs.end():])]
                blank_before = False
                continue
            if head is not None and not blank_before:
                block.append((lineno, col, body))
                continue
            flush()
            item = _LIST_ITEM.match(body)
            skip = item.end() if item else 0
            head = ("top", indent, lineno, col)
            block = [(lineno, col + skip, body[skip:])]
            blank_before = False
        flush()
        if rule is not None:
            raise self._error(rule_line, 1, "inference rule is never closed (expected a line '--')")
        self._replay(events)

    def _replay(self, events: list[tuple[Any, ...]]) -> None:
        self.stack: list[tuple[int, _Element]] = []
        self.in_pcs: str | None = None  # argument title whose premise–conclusion list is open
        self.last_argument: str | None = None  # title of the last top-level argument
        elements = [e for e in events if e[0] == "element"]
        texts = ["\n".join(part for _, _, part in block) for _, _, block in elements]
        parsed = iter(self._contents(texts, [(block[0][0], block[0][1]) for _, _, block in elements]))
        for event in events:
            if event[0] == "blank":
                self.stack = []
            elif event[0] == "inference":
                _, rule, line, col = event
                if self.in_pcs is None:
                    raise self._error(line, col, "inference line '--' outside a premise-conclusion structure "
                                      "(expected numbered premises '(1) ...' before it)")
                self._pcs_inference(rule, line)
            else:
                self._element(event[1], next(parsed))

    # -- elements ------------------------------------------------------------------

    def _heading(self, level: int, parsed: dict[str, Any], line: int) -> None:
        self.in_pcs = None
        self.last_argument = None
        self.stack = []
        sid = f"s{len(self.doc.sections) + 1}"
        while self.section_stack and self.section_stack[-1][0] >= level:
            self.section_stack.pop()
        parent = self.section_stack[-1][1] if self.section_stack else None
        self.doc.sections.append({"id": sid, "title": parsed["text"], "level": level, "parent": parent,
                                  "data": parsed["data"], "tags": parsed["tags"], "line": line})
        self.section_stack.append((level, sid))
        self.section = sid

    def _contents(self, texts: list[str], starts: list[tuple[int, int]]) -> list[dict[str, Any]]:
        """Every element's content, from one scan of all of them with the grammar's terminals."""
        sep = _separator("".join(texts))
        joined = sep.join(texts)
        elements: list[list[tuple[str, str, int]]] = [[]]
        match = _scanner(sep).match
        pos, end = 0, len(joined)
        while pos < end:
            m = match(joined, pos)
            assert m is not None, "CHAR matches any character but the separator"
            kind = m.lastgroup
            if kind == "_SEP":
                elements.append([])
            else:
                elements[-1].append((kind, m.group(), pos))  # type: ignore[arg-type]
            pos = m.end()
        out = []
        offset = 0
        for tokens, text, (line, col) in zip(elements, texts, starts):
            out.append(self._content(tokens, text, offset, line, col))
            offset += len(text) + 1
        return out

    def _content(self, tokens: list[tuple[str, str, int]], text: str, offset: int, line: int,
                 col: int) -> dict[str, Any]:
        """One element's content from its ``(terminal, text, offset)`` tokens."""
        head = None
        items = []
        for i, tok in enumerate(tokens):
            if tok[0] in _HEADS:
                if i == 0:
                    head = tok
                    continue
                tok = ("CHAR", tok[1], tok[2])  # brackets inside the text
            items.append(tok)
        data = None
        while items and items[-1][0] in ("TEXT", "CHAR") and not items[-1][1].strip():
            items.pop()
        if items and items[-1][0] == "DATA":
            _, value, start = items.pop()
            rel = start - offset + len(value) - len(value.lstrip())
            tline = line + text.count("\n", 0, rel)
            tcol = (col + rel) if tline == line else rel - text.rfind("\n", 0, rel)
            data = _data_value(value.strip(), self.source, tline, tcol)
            if not isinstance(data, dict):
                raise self._error(tline, tcol, "data in braces must be a YAML mapping ({key: value})")
        parts: list[str] = []
        tags: list[str] = []
        trailing = len(items)
        while trailing and (items[trailing - 1][0] == "TAG" or not items[trailing - 1][1].strip()):
            trailing -= 1
        for i, (kind, value, _) in enumerate(items):
            if kind == "ESCAPED":
                parts.append(value[1])
            elif kind == "TAG":
                tags.append(value[2:-1] if value.startswith("#(") else value[1:])
                if i < trailing:
                    parts.append(value)
            elif kind == "LINK":
                parts.append(value[1:value.index("](")])
            elif kind != "CHAR" or value not in "*_":  # emphasis markers show as bold / italic
                parts.append(value)
        kind = title = None
        defines = True
        if head is not None:
            kind = "statement" if head[0].startswith("STATEMENT") else "argument"
            title = head[1][1:head[1].rindex("]" if kind == "statement" else ">")].strip()
            defines = head[0].endswith("DEF")
        content = data is not None or any(t[0] != "CHAR" or t[1].strip() for t in items)
        return {"kind": kind, "title": title, "text": " ".join("".join(parts).split()), "tags": tags,
                "data": data, "defines": defines, "content": content}

    def _element(self, head: tuple[str, int, int, int], parsed: dict[str, Any]) -> None:
        kind, indent, line, col = head
        if kind.startswith("heading:"):
            self._heading(len(kind.removeprefix("heading:")), parsed, line)
        elif kind.startswith("relation:"):
            self._relation(kind.removeprefix("relation:"), indent, parsed, line, col)
        elif kind == "pcs":
            self._premise(parsed, indent, line, col)
        else:
            self._top_level(parsed, indent, line, col)

    def _member(self, parsed: dict[str, Any], line: int, col: int) -> _Element:
        kind = parsed["kind"] or "statement"
        title = parsed["title"]
        if parsed["kind"] is None:
            if not parsed["text"]:
                raise self._error(line, col, "expected a statement, an argument or a reference after the marker")
            self.untitled += 1
            title = f"Untitled {self.untitled}"
        elif parsed["defines"] and not parsed["content"]:
            raise self._error(line, col, f"{'[' if kind == 'statement' else '<'}{title}"
                              f"{']' if kind == 'statement' else '>'}: has no text (expected text after "
                              "the colon, or a reference without the colon)")
        self.doc.members.append(_Member(kind, title, parsed["text"], parsed["tags"], parsed["data"], self.section,
                                        parsed["defines"] or parsed["kind"] is None))
        return _Element(kind, title)

    def _top_level(self, parsed: dict[str, Any], indent: int, line: int, col: int) -> None:
        self.in_pcs = None
        element = self._member(parsed, line, col)
        self.stack = [(-1, element)]
        self.last_argument = element.title if element.kind == "argument" else None

    def _relation(self, marker: str, indent: int, parsed: dict[str, Any], line: int, col: int) -> None:
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            raise self._error(line, col, f"relation '{marker}' has nothing to attach to (expected it indented "
                              "under a statement or argument)")
        parent = self.stack[-1][1]
        child = self._member(parsed, line, col)
        rtype, child_is_source = _MARKERS[marker]
        source, target = (child, parent) if child_is_source else (parent, child)
        if self.strict and source.kind == target.kind == "statement":
            rtype = _STRICT.get(rtype, rtype)
        self.doc.relations.append((source, target, rtype))
        self.stack.append((indent, child))

    def _premise(self, parsed: dict[str, Any], indent: int, line: int, col: int) -> None:
        if self.in_pcs is None:
            if self.last_argument is None:
                self.untitled += 1
                title = f"Untitled {self.untitled}"
                self.doc.members.append(_Member("argument", title, "", [], None, self.section, False))
            else:
                title = self.last_argument
            self.in_pcs = title
            self.doc.pcs[title] = []
        element = self._member(parsed, line, col)
        self.doc.pcs[self.in_pcs].append({"role": "premise", "title": element.title})
        self.stack = [(indent, element)]

    def _pcs_inference(self, rule: list[str], line: int) -> None:
        assert self.in_pcs is not None
        steps = self.doc.pcs[self.in_pcs]
        if not steps or steps[-1]["role"] == "inference":
            raise self._error(line, 1, "inference line without a premise before it")
        steps.append({"role": "inference", "rule": " ".join(" ".join(rule).split())})
        self.stack = []


# ----------------------------------------------------------------------------- to the model

_ARGMAP_KEY = "argmap"


def parse_argdown(text: str, source: str = "<argdown>") -> ArgumentMap:
    """Read Argdown text; problems are :class:`InputError` ``source:line:col: what``.

    Example:
        >>> parse_argdown("[a]: x\\n  + [b]: y\\n", "m.argdown").edges[0].relation
        'supports'
        >>> parse_argdown("[a]: x /* open", "m.argdown")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: m.argdown:1:8: comment is never closed (expected '*/')
    """
    # Reading makes many small objects and frees none: the cycle collector would only rescan
    # them, again and again (a third of the time on a big map).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Builder(_Scanner(text, source).doc, source).build()
    finally:
        if collecting:
            gc.enable()


class _Builder:
    def __init__(self, doc: _Doc, source: str) -> None:
        self.doc = doc
        self.source = source
        self.notes: list[str] = []

    def build(self) -> ArgumentMap:
        doc = self.doc
        front = dict(doc.front)
        meta = front.pop(_ARGMAP_KEY, None) if isinstance(front.get(_ARGMAP_KEY), dict) else None
        meta = dict(meta or {})
        documents = meta.pop("documents", [])
        extra = meta.pop("extra", {})
        if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents) \
                or not isinstance(extra, dict):
            raise InputError(self.source, "front matter: 'argmap' must hold a list of documents (objects) and "
                             "an 'extra' object, as argmap writes them")
        doc_text = {d.get("id"): d.get("text") for d in documents}
        single_text = documents[0].get("text") if len(documents) == 1 else None

        topics, topic_of_section = self._topics(front)
        # One entry per element (statement title / argument title), in order of first appearance.
        elements: dict[tuple[str, str], list[_Member]] = {}
        for mem in doc.members:
            elements.setdefault((mem.kind, mem.title or ""), []).append(mem)
        statement_titles = {t for k, t in elements if k == "statement"}

        topic_statements: dict[tuple[str, str], str] = {}
        nodes: list[dict[str, Any]] = []
        for (kind, title), members in elements.items():
            defining = members[0]
            if len(members) > 1 or not (defining.defines and (defining.text or defining.data)):
                # a definition with no text (an empty statement) still places it in its section
                defining = next((m for m in members if m.defines and (m.text or m.data)),
                                next((m for m in members if m.defines), members[0]))
            data = dict(defining.data or {})
            own = data.pop(_ARGMAP_KEY, None)
            own = dict(own) if isinstance(own, dict) else {}
            section = defining.section
            topic_id = topic_of_section.get(section) if section else None
            if "topic" in own and kind == "statement":
                # the root statement of an exported topic: it is the topic itself
                topic_statements[(kind, title)] = str(own["topic"]) if own["topic"] is not True else (topic_id or "")
                continue
            node_id = str(own.pop("id", title))
            if kind == "argument" and title in statement_titles and node_id == title:
                node_id = f"<{title}>"  # an argument and a statement share the title
            tags = list(dict.fromkeys(t for m in members for t in m.tags))
            kind_tags = [t for t in tags if t in KINDS]
            visible = defining.text
            text = own.pop("text", None)
            if text is None or _visible(str(text)) != visible:
                text = visible
            if not text and kind == "argument":
                text = self._argument_text(title, elements)
            extra: dict[str, Any] = {}
            argdown: dict[str, Any] = {}
            if title != node_id:
                argdown["title"] = title
            if kind == "argument":
                argdown["type"] = "argument"
            other_tags = [t for t in tags if t not in KINDS]
            if other_tags:
                argdown["tags"] = other_tags
            if data:
                argdown["data"] = data
            if kind == "argument" and title in doc.pcs:
                argdown["pcs"] = self._pcs(title, elements)
                self.notes.append(f"argument <{title}>: its premise-conclusion structure "
                                  f"({sum(s.get('role') == 'premise' for s in argdown['pcs'])} premises) is kept in "
                                  "the node's 'argdown.pcs' field; argmap draws the argument as one statement")
            if argdown:
                extra["argdown"] = argdown
            span = own.pop("span", None)
            document = own.pop("document", None)
            if span is not None:
                known = doc_text.get(document) if isinstance(document, str) else single_text
                if isinstance(known, str) and isinstance(span, list) and len(span) == 2 \
                        and all(isinstance(i, int) for i in span) and (
                        not 0 <= span[0] <= span[1] <= len(known) or known[span[0]:span[1]] != text):
                    self.notes.append(f"statement [{title}]: its text no longer matches its span in the "
                                      "document; the span is dropped")
                    span = None
            fields = {"id": node_id, "text": text, "span": span, "document": document,
                      "kind": kind_tags[-1] if kind_tags else None, "topic": own.pop("topic", None) or topic_id}
            fields.update({k: own.pop(k) for k in ("actor", "cue", "confidence") if k in own})
            fields.update(own)  # any other field the exporter kept
            fields.update(extra)
            nodes.append({**fields, "_element": (kind, title)})

        ids = {(kind, title): n["id"] for n in nodes for kind, title in [n["_element"]]}
        ids.update(topic_statements)
        edges = self._edges(ids)
        self._kinds(nodes, edges, set(topic_statements.values()))
        default_topic = self._default_topic(front, topics)
        for n in nodes:
            if n["topic"] is None:
                n["topic"] = default_topic.id
                if default_topic not in topics:
                    topics.insert(0, default_topic)
        for n in nodes:
            del n["_element"]
        for note in self.notes:
            warnings.warn(f"{self.source}: {note}", _format_warning(), stacklevel=3)
        try:
            # one validation for the whole map: per-node models would cost as much again
            return ArgumentMap.model_validate({"documents": documents, "topics": topics, "nodes": nodes,
                                               "edges": edges, **extra})
        except ValueError as exc:
            from pydantic import ValidationError

            from argmap.io import describe_validation_error

            problem = describe_validation_error(exc) if isinstance(exc, ValidationError) else str(exc)
            raise InputError(self.source, f"does not make a valid map: {problem}") from None

    def _topics(self, front: dict[str, Any]) -> tuple[list[Topic], dict[str, str]]:
        topics: list[Topic] = []
        by_section: dict[str, str] = {}
        titles = {s["id"]: s["title"] for s in self.doc.sections}
        for s in self.doc.sections:
            data = dict(s["data"] or {})
            own = data.pop(_ARGMAP_KEY, None)
            own = dict(own) if isinstance(own, dict) else {}
            tid = str(own.pop("id", s["id"]))
            title = own.pop("title", None)
            if title is None or _visible(str(title)) != s["title"]:
                title = s["title"]
            extra: dict[str, Any] = {}
            argdown = {k: v for k, v in (("level", s["level"]), ("data", data), ("tags", s["tags"])) if v}
            if argdown and not (own or tid != s["id"]) or argdown.get("data") or argdown.get("tags"):
                extra["argdown"] = argdown
            section = own.pop("section", titles.get(s["parent"]) if s["parent"] else None)
            topics.append(Topic(id=tid, title=title, section=section, **own, **extra))
            by_section[s["id"]] = tid
        return topics, by_section

    def _default_topic(self, front: dict[str, Any], topics: list[Topic]) -> Topic:
        title = front.get("title")
        if not isinstance(title, str) or not title.strip():
            title = PurePath(self.source).stem if not self.source.startswith("<") else "Argdown map"
        taken = {t.id for t in topics}
        tid = "t0"
        while tid in taken:
            tid += "_"
        return Topic(id=tid, title=" ".join(title.split()))

    def _argument_text(self, title: str, elements: dict[tuple[str, str], list[_Member]]) -> str:
        steps = self.doc.pcs.get(title, [])
        conclusions = [s for s in steps if s["role"] != "inference"]
        if conclusions:
            last = elements.get(("statement", conclusions[-1]["title"]), [])
            text = next((m.text for m in last if m.text), "")
            if text:
                return text
        return title

    def _pcs(self, title: str, elements: dict[tuple[str, str], list[_Member]]) -> list[dict[str, Any]]:
        steps = self.doc.pcs[title]
        out = []
        for i, step in enumerate(steps):
            if step["role"] == "inference":
                out.append({"inference": step["rule"]})
                continue
            follows_inference = i > 0 and steps[i - 1]["role"] == "inference"
            out.append({"role": "conclusion" if follows_inference else "premise", "statement": step["title"]})
        return out

    def _conclusions(self) -> dict[str, str]:
        """Argument title -> the title of its main conclusion, for reconstructed arguments."""
        out = {}
        for title, steps in self.doc.pcs.items():
            if any(s["role"] == "inference" for s in steps) and steps[-1]["role"] != "inference":
                out[title] = steps[-1]["title"]
        return out

    def _edges(self, ids: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
        seen: set[tuple[str, str, str]] = set()
        edges = []
        conclusions = self._conclusions()
        for source, target, rtype in self.doc.relations:
            if source.kind == "argument" and source.title in conclusions and rtype != "undercut":
                # As in Argdown: a reconstructed argument's outgoing relations leave from its
                # main conclusion (and one that would point at the conclusion itself is implied).
                source = _Element("statement", conclusions[source.title])
                if (source.kind, source.title) == (target.kind, target.title):
                    continue
            s, t = ids[(source.kind, source.title)], ids[(target.kind, target.title)]
            if (s, t, rtype) in seen:
                continue
            seen.add((s, t, rtype))
            edge: dict[str, Any] = {"source": s, "target": t,
                                    "relation": "supports" if rtype in _SUPPORTING else "attacks"}
            if rtype not in ("support", "attack"):
                edge["argdown_relation"] = rtype
                if rtype == "undercut":
                    self.notes.append(f"<{source.title}> undercuts {target.title!r}: argmap has no undercut, "
                                      "read as an attack (argdown_relation: undercut on the edge)")
            edges.append(edge)
        return edges

    def _kinds(self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], topic_ids: set[str]) -> None:
        """Kinds from position where no kind tag says it (:mod:`argmap.formats.positions`)."""
        from argmap.formats.positions import infer_kinds

        fixed = {n["id"]: n["kind"] for n in nodes if n["kind"] is not None}
        kinds = infer_kinds([n["id"] for n in nodes], [(e["source"], e["target"], e["relation"]) for e in edges],
                            fixed, topic_ids)
        for n in nodes:
            n["kind"] = kinds[n["id"]]


def _format_warning() -> type[Warning]:
    from argmap.formats import FormatWarning

    return FormatWarning


# ----------------------------------------------------------------------------- writing

_SAFE_TITLE = re.compile(r"[^\[\]<>\\\n\r\t{}#@*_/:]*[^\[\]<>\\\s{}#@*_/:]\Z")
_ESCAPE = re.compile(r"[\\\[\]<>#@*_{}/]")
# YAML (the reader of Argdown data) refuses these characters even inside quoted strings, or
# folds them (NEL, line and paragraph separators) into spaces: they are written as \\u escapes.
_YAML_UNSAFE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _data(value: Any) -> str:
    """JSON (which YAML reads) with ``=`` escaped, since ``===`` anywhere ends Argdown front
    matter, and ``/`` and ``<`` escaped, since ``//``, ``/*`` and ``<!--`` open comments
    wherever they stand. Only strings hold these characters, and both readers take the escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    text = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("=", "\\u003d").replace("/", "\\/").replace("<", "\\u003c")


def _visible(text: str) -> str:
    """How a text shows in Argdown: white space folded, control characters as their control
    pictures (as :func:`argmap.formats.generate` writes them); the exact text, when it
    differs, goes into the item's data."""
    from argmap.text import visible_controls

    return visible_controls(" ".join(text.split()), spaces=False)


def _escape(text: str) -> str:
    visible = _visible(text)
    if not visible:
        return "\\ "
    return _ESCAPE.sub(lambda m: "\\" + m.group(), visible)


def _titles(amap: ArgumentMap) -> dict[str, str]:
    """A unique Argdown title for every topic and node: the id when it can be one."""
    titles: dict[str, str] = {}
    used: set[str] = set()
    items = list(amap.iter_items())
    for item in items:
        if _SAFE_TITLE.match(item.id) and item.id == _visible(item.id) \
                and not re.fullmatch(r"Untitled \d+", item.id):
            titles[item.id] = item.id
            used.add(item.id)
    counter = 0
    for item in items:
        if item.id not in titles:
            counter += 1
            while f"s{counter}" in used:
                counter += 1
            titles[item.id] = f"s{counter}"
            used.add(f"s{counter}")
    return titles


def generate_argdown(amap: ArgumentMap) -> str:
    """``amap`` as Argdown that ``@argdown/cli`` parses and :func:`parse_argdown` reads back.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="Tolls")],
        ...                 nodes=[Node(id="n1", kind="critique", topic="t1", text="They hurt.")],
        ...                 edges=[Edge(source="n1", target="t1", relation="attacks")])
        >>> print(generate_argdown(m), end="")
        # Tolls {"argmap": {"id": "t1"}}
        <BLANKLINE>
        [t1]: Tolls {"argmap": {"topic": "t1"}}
          - [n1]: They hurt. #critique
    """
    titles = _titles(amap)
    out: list[str] = []
    front: dict[str, Any] = {}
    if amap.documents:
        front["documents"] = [d.model_dump(mode="json", exclude_none=True) for d in amap.documents]
    extra = {k: v for k, v in (amap.model_extra or {}).items()}
    if extra:
        front["extra"] = extra
    if front:
        title = next((d.title for d in amap.documents if d.title), None)
        header = {"title": " ".join(title.split())} if title else {}
        out += ["===", _data({**header, _ARGMAP_KEY: front}), "===", ""]
    incoming: dict[str, list[Edge]] = {}
    for e in amap.edges:
        incoming.setdefault(e.target, []).append(e)
    nodes = {n.id: n for n in amap.nodes}
    defined: set[str] = set()  # nodes written with their text (each exactly once)

    def node_line(n: Node) -> str:
        meta: dict[str, Any] = {}
        if titles[n.id] != n.id:
            meta["id"] = n.id
        visible = _visible(n.text)
        if visible != n.text:
            meta["text"] = n.text
        fields = n.model_dump(mode="json", exclude={"id", "kind", "topic", "text"}, exclude_none=True)
        meta.update(fields)
        data = f" {_data({_ARGMAP_KEY: meta})}" if meta else ""
        return f"[{titles[n.id]}]: {_escape(n.text)} #{n.kind}{data}"

    for topic in amap.topics:
        meta: dict[str, Any] = {"id": topic.id}
        visible = _visible(topic.title)
        if visible != topic.title:
            meta["title"] = topic.title
        meta.update(topic.model_dump(mode="json", exclude={"id", "title"}, exclude_none=True))
        out += [f"# {_escape(topic.title)} {_data({_ARGMAP_KEY: meta})}", ""]
        out.append(f"[{titles[topic.id]}]: {_escape(topic.title)} {_data({_ARGMAP_KEY: {'topic': topic.id}})}")
        _tree(topic.id, 1, topic.id, out, incoming, nodes, defined, titles, node_line)
        out.append("")
        for n in amap.statements(topic.id):
            if n.id in defined:
                continue
            defined.add(n.id)
            out.append(node_line(n))
            _tree(n.id, 1, topic.id, out, incoming, nodes, defined, titles, node_line)
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _tree(root: str, depth: int, topic_id: str, out: list[str], incoming: dict[str, list[Edge]],
          nodes: dict[str, Node], defined: set[str], titles: dict[str, str], node_line: Any) -> None:
    """Write the relation tree below ``root``: each edge once, each node defined once (in its
    own topic), everything else by reference. Iterative, so long chains cannot overflow."""
    stack: list[tuple[list[Edge], int]] = [(list(reversed(incoming.get(root, []))), depth)]
    while stack:
        pending, level = stack[-1]
        if not pending:
            stack.pop()
            continue
        e = pending.pop()
        child = nodes.get(e.source)
        indent = "  " * level
        if child is not None and child.topic == topic_id and child.id not in defined:
            defined.add(child.id)
            out.append(f"{indent}{_marker(e)} {node_line(child)}")
            stack.append((list(reversed(incoming.get(child.id, []))), level + 1))
        else:
            out.append(f"{indent}{_marker(e)} [{titles[e.source]}]")


def _marker(e: Edge) -> str:
    kept = (e.model_extra or {}).get("argdown_relation")
    if kept == "undercut":
        return "_"
    return "+" if e.relation == "supports" else "-"
