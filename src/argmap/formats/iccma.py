"""ICCMA framework formats: ASPARTIX ``.apx``, trivial graph format ``.tgf`` and the ICCMA
2023 ``p af N`` format (``.af`` / ``.i23``), plus the ICCMA 2019 extension syntax.

As an exporter (``argmap export MAP --to apx``, ``--to tgf``, ``--to i23``) this module writes
a map's Dung framework (:func:`argmap.semantics.framework_from_map`). Map ids can be any
string, so names that are not plain apx atoms are written as quoted strings
(``"it's a \\"claim\\""``), which :func:`loads_apx` reads back.

Example:
    >>> from argmap.semantics import Framework
    >>> text = dumps_apx(Framework(["a", "Big idea"], [("a", "Big idea")]))
    >>> print(text, end="")
    arg(a).
    arg("Big idea").
    att(a,"Big idea").
    >>> loads_apx(text).attacks
    (('a', 'Big idea'),)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError, InputError
from argmap.limits import MAX_ARGUMENTS
from argmap.semantics import Extension, Framework, framework_from_map

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

# An apx name: a quoted string with \" and \\ escapes, or a bare token. Bare tokens are read
# leniently (anything but separators) so hand-written files with capitals or dashes still load.
_NAME = r'"(?:[^"\\\n]|\\.)*"|[^\s(),."%]+'
_STATEMENT = re.compile(rf'(arg|att)\s*\(\s*({_NAME})\s*(?:,\s*({_NAME})\s*)?\)\s*\.')
# What the writer leaves bare: integers and lowercase-initial identifiers (ASP constants).
_ATOM = re.compile(r"(?:[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*)\Z")
# ICCMA extension lists need quotes only for names that would break the brackets syntax.
_PLAIN_IN_LIST = re.compile(r'[^\s,\[\]"]+\Z')

FORMATS = ("apx", "tgf", "i23")
SUFFIX_FORMATS = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}


def apx_name(name: str) -> str:
    """``name`` as an apx term: bare when it is an ASP constant, else a quoted string.

    Example:
        >>> apx_name("a1"), apx_name("A1"), apx_name('say "no"')
        ('a1', '"A1"', '"say \\\\"no\\\\""')
    """
    if _ATOM.match(name):
        return name
    return '"' + re.sub(r'[\\"\n\r]', lambda m: _ESCAPES[m.group()], name) + '"'


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"n": "\n", "r": "\r"}


def _unquote(token: str) -> str:
    if not token.startswith('"'):
        return token
    return re.sub(r"\\(.)", lambda m: _UNESCAPES.get(m.group(1), m.group(1)), token[1:-1])


def _bad(path: object, line: int, problem: str) -> InputError:
    return InputError(f"{path}:{line}", problem)


def _framework(path: object, names: dict[str, int], attacks: list[tuple[str, str, int]]) -> Framework:
    """Resolve named attacks, reporting the first unknown argument with its line."""
    if not names:
        raise InputError(path, "no arguments (empty framework file)")
    for source, target, line in attacks:
        for end in (source, target):
            if end not in names:
                raise _bad(path, line, f"attack names undeclared argument {end!r}")
    return Framework(names, ((s, t) for s, t, _ in attacks))


def loads_apx(text: str, path: object = "<apx>") -> Framework:
    """Read ASPARTIX apx: ``arg(a).`` and ``att(a,b).`` statements, ``%`` comments.

    Example:
        >>> loads_apx("arg(a). arg(b).\\natt(a,b).  % a attacks b").attacks
        (('a', 'b'),)
        >>> loads_apx("arg(a).\\natt(a,c).", "f.apx")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: f.apx:2: attack names undeclared argument 'c'
    """
    fast = _apx_fast(text)
    return fast if fast is not None else _apx_lines(text, path)


def _apx_lines(text: str, path: object) -> Framework:
    """:func:`loads_apx` statement by statement: any apx (a statement may span lines, as in
    ASP), and the line of the first bad one named."""
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    if "%" in text:  # comments go line by line (lines end at \n only: others may sit in quotes)
        text = "\n".join(_strip_comment(line) if "%" in line else line for line in text.split("\n"))
    pos, lineno = 0, 1
    while True:
        gap = _WHITE.match(text, pos).end()  # type: ignore[union-attr]
        lineno += text.count("\n", pos, gap)
        if gap == len(text):
            break
        m = _STATEMENT.match(text, gap)
        if m is None:
            snippet = text[gap:gap + 60].split("\n", 1)[0].strip()[:30]
            raise _bad(path, lineno, f"not an apx statement (expected arg(x). or att(x,y).): {snippet!r}")
        kind, first, second = m.groups()
        if kind == "arg":
            if second is not None:
                raise _bad(path, lineno, "arg(...) takes one argument")
            names.setdefault(_unquote(first), len(names))
        else:
            if second is None:
                raise _bad(path, lineno, "att(...) takes two arguments")
            attacks.append((_unquote(first), _unquote(second), lineno))
        pos = m.end()
        lineno += text.count("\n", gap, pos)
    return _framework(path, names, attacks)


_WHITE = re.compile(r"\s*")
_BARE = r'[^\s(),."%]+'
# one statement with bare names and the white space after it; re.split on it leaves the
# gaps between statements (all empty when the text is statements only) and the names
_APX_STATEMENT = rf"\s*(?:arg\s*\(\s*({_BARE})\s*\)|att\s*\(\s*({_BARE})\s*,\s*({_BARE})\s*\))\s*\.\s*"
_APX_SPLIT = re.compile(_APX_STATEMENT)
_APX_SPLIT_ASCII = re.compile(_APX_STATEMENT.encode())  # bytes: twice as fast
_UNIT_SEPARATORS = re.compile(r"[\x1c-\x1f]")


def _apx_fast(text: str) -> Framework | None:
    """The common case of :func:`loads_apx` in one regex pass in C: bare names, no comments,
    every attack between declared arguments. ``None`` sends anything else to
    :func:`_apx_lines`, which names the bad line."""
    if '"' in text or "%" in text:
        return None
    # bytes only for ASCII without \x1c-\x1f, which str's \s counts as white space and bytes' not
    ascii_ = text.isascii() and _UNIT_SEPARATORS.search(text) is None
    parts = _APX_SPLIT_ASCII.split(text.encode()) if ascii_ else _APX_SPLIT.split(text)
    # [gap, arg, source, target, gap, arg, source, target, ..., gap]; None fills the other kind
    if any(parts[0::4]):
        return None
    declared = list(dict.fromkeys(filter(None, parts[1::4])))
    if not declared:
        return None
    index = {name: i for i, name in enumerate(declared)}
    try:
        sources = list(map(index.__getitem__, filter(None, parts[2::4])))
        targets = list(map(index.__getitem__, filter(None, parts[3::4])))
    except KeyError:  # an undeclared argument: the line reader says which, and where
        return None
    names = b"\n".join(declared).decode().split("\n") if ascii_ else declared  # (no \n in a bare name)
    return Framework.from_columns(len(names), sources, targets, names)


def _strip_comment(line: str) -> str:
    """Drop a ``%`` comment that is not inside a quoted name."""
    quoted = False
    escaped = False
    for i, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "%" and not quoted:
            return line[:i]
    return line


def dumps_apx(af: Framework) -> str:
    """The framework as apx text (see the module example)."""
    names = [apx_name(a) for a in af.arguments]
    lines = [f"arg({name})." for name in names]
    lines += [f"att({names[s]},{names[t]})." for s, ts in enumerate(af.targets) for t in ts]
    return "\n".join(lines) + "\n"


def loads_tgf(text: str, path: object = "<tgf>") -> Framework:
    """Read trivial graph format: one argument name per line, ``#``, then ``a b`` attack lines.

    Example:
        >>> loads_tgf("a\\nb\\n#\\na b\\n").attacks
        (('a', 'b'),)
    """
    fast = _tgf_fast(text)
    return fast if fast is not None else _tgf_lines(text, path)


def _tgf_lines(text: str, path: object) -> Framework:
    """:func:`loads_tgf` line by line: node and edge labels, and the first bad line named."""
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    in_attacks = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        fields = raw.split()
        if not fields:
            continue
        if fields[0] == "#" and len(fields) == 1 and not in_attacks:
            in_attacks = True
        elif not in_attacks:
            # a node line may carry a label after the id; the id names the argument
            names.setdefault(fields[0], len(names))
        elif len(fields) >= 2:
            attacks.append((fields[0], fields[1], lineno))
        else:
            raise _bad(path, lineno, f"expected an attack 'source target', got {raw.strip()!r}")
    return _framework(path, names, attacks)


_TGF_HASH_LINE = re.compile(r"^[ \t]*#[ \t]*$", re.MULTILINE)


def _tgf_fast(text: str) -> Framework | None:
    """The common case of :func:`loads_tgf` in a few passes in C: ASCII, no labels, every
    attack between listed arguments; ``None`` sends anything else to :func:`_tgf_lines`."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    hash_line = _TGF_HASH_LINE.search(text)
    if hash_line is None or not text.isascii() or _OTHER_BREAKS.search(text):
        return None
    head, tail = _tidy(text[:hash_line.start()]), _tidy(text[hash_line.end():])
    if not head or " " in head or not _two_per_line(tail):  # a label, or no argument
        return None
    index = {name: i for i, name in enumerate(dict.fromkeys(head.split("\n")))}
    ends = tail.split()
    try:
        sources = list(map(index.__getitem__, ends[0::2]))
        targets = list(map(index.__getitem__, ends[1::2]))
    except KeyError:
        return None
    return Framework.from_columns(len(index), sources, targets, list(index))


_GAPS = re.compile(r"[ \t]+")
_LINE_ENDS = re.compile(r" ?\n[ \n]*")  # (once gaps are single spaces)
_TWO_GAPS = re.compile(r" [^ \n]+ ")


def _tidy(body: str) -> str:
    """``body`` (of space, tab and \\n separated fields) stripped, its gaps single spaces and
    its blank lines gone — C passes only, and none at all when it is tidy already."""
    body = body.strip(" \t\n")
    if "\t" in body or "  " in body:
        body = _GAPS.sub(" ", body)
    if "\n\n" in body or " \n" in body or "\n " in body:
        body = _LINE_ENDS.sub("\n", body)
    return body


def _two_per_line(tidy: str) -> bool:
    """Whether every line of a :func:`_tidy` text holds exactly two fields: as many spaces as
    lines, and none holding two."""
    return not tidy or (tidy.count(" ") == tidy.count("\n") + 1 and _TWO_GAPS.search(tidy) is None)


def dumps_tgf(af: Framework) -> str:
    """The framework as tgf text; names must not contain white space.

    Example:
        >>> print(dumps_tgf(Framework(["a", "b"], [("b", "a")])), end="")
        a
        b
        #
        b a
    """
    bad = next((a for a in af.arguments if not a or re.search(r"\s", a) or a == "#"), None)
    if bad is not None:
        raise ValueError(f"argument name {bad!r} cannot be written in tgf (empty, '#' or white space)")
    return "\n".join([*af.arguments, "#", *(f"{a} {b}" for a, b in af.attacks)]) + "\n"


def _digits(number: str) -> str:
    """A declared count as it is shown: ``12,345`` or, when long, how many digits it has."""
    number = number.lstrip("0") or "0"
    return f"{int(number):,}" if len(number) <= 30 else f"a {len(number):,}-digit number of"


def loads_i23(text: str, path: object = "<af>") -> Framework:
    """Read the ICCMA 2023 format: ``p af N``, then ``i j`` attack lines; ``#`` comments.
    Arguments are named ``1``..``N``.

    Example:
        >>> loads_i23("p af 3\\n# a comment\\n1 2\\n2 3\\n").attacks
        (('1', '2'), ('2', '3'))
    """
    fast = _i23_fast(text)
    return fast if fast is not None else _i23_lines(text, path)


def _i23_lines(text: str, path: object) -> Framework:
    """:func:`loads_i23` line by line: the first bad line named."""
    n: int | None = None
    pairs: list[tuple[int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if n is None:
            if len(fields) != 3 or fields[:2] != ["p", "af"] or not fields[2].isdigit():
                raise _bad(path, lineno, f"expected the header 'p af N', got {line[:30]!r}")
            # refused before int() (whose digit limit would raise) and before any allocation
            if len(fields[2].lstrip("0")) > len(str(MAX_ARGUMENTS)) or int(fields[2]) > MAX_ARGUMENTS:
                raise _bad(path, lineno, f"'p af' declares {_digits(fields[2])} arguments, "
                           f"more than the {MAX_ARGUMENTS:,} argmap solves")
            n = int(fields[2])
            continue
        if len(fields) != 2 or not (fields[0].isdigit() and fields[1].isdigit()):
            raise _bad(path, lineno, f"expected an attack 'i j' of two argument numbers, got {line[:30]!r}")
        if max(len(f.lstrip("0")) for f in fields) > len(str(n)):  # int() of thousands of digits raises
            raise _bad(path, lineno, f"attack {line[:30]!r} names an argument outside 1..{n}")
        i, j = int(fields[0]), int(fields[1])
        if not (1 <= i <= n and 1 <= j <= n):
            raise _bad(path, lineno, f"attack {i} {j} names an argument outside 1..{n}")
        pairs.append((i - 1, j - 1))
    if n is None:
        raise InputError(path, "no 'p af N' header (empty framework file)")
    return Framework.from_indices(n, pairs)


# what str.splitlines() or str.split() also break at, besides \n, space and tab: a fast
# path that splits at those three alone gives up on them
_OTHER_BREAKS = re.compile("[\r\v\f\x1c-\x1f\x85\u2028\u2029]")
_I23_HEADER = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*p[ \t]+af[ \t]+([0-9]{1,7})[ \t]*(?:\n|\Z)")
_I23_COMMENTS = re.compile(r"^[ \t]*#[^\n]*$", re.MULTILINE)
_NOT_I23_BODY = str.maketrans("", "", "0123456789 \t\n")  # deletes what attack lines are made of


def _i23_fast(text: str) -> Framework | None:
    """The common case of :func:`loads_i23` in a few passes in C: a header, then lines of two
    numbers in 1..N and comments; the numbers are read by the JSON parser, twice as fast as
    ``int`` on each. ``None`` sends anything else to :func:`_i23_lines`, which names the bad
    line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _OTHER_BREAKS.search(text):
        return None  # splitlines breaks a line there, even inside a comment
    header = _I23_HEADER.match(text)
    if header is None or int(header.group(1)) > MAX_ARGUMENTS:
        return None
    n = int(header.group(1))
    body = text[header.end():]
    if "#" in body:
        body = _I23_COMMENTS.sub("", body)
    if body.translate(_NOT_I23_BODY):
        return None  # a stray character
    body = _tidy(body)
    if not _two_per_line(body):
        return None
    try:  # JSON refuses leading zeros and, like int, numbers of thousands of digits
        numbers = json.loads("[" + body.replace(" ", ",").replace("\n", ",") + "]")
    except ValueError:
        return None
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        return None
    return Framework.from_columns(n, [s - 1 for s in numbers[0::2]], [t - 1 for t in numbers[1::2]])


def dumps_i23(af: Framework) -> str:
    """The framework in ICCMA 2023 format; argument ``k`` is the k-th argument, and its
    original name follows the header as a ``# name`` comment line.

    Example:
        >>> print(dumps_i23(Framework(["x", "y"], [("y", "x")])), end="")
        p af 2
        # x
        # y
        2 1
    """
    # a line break in a name would end its comment and start a bogus attack line
    lines = [f"p af {len(af)}", *(f"# {' '.join(a.splitlines())}" for a in af.arguments)]
    lines += [f"{s + 1} {t + 1}" for s, ts in enumerate(af.targets) for t in ts]
    return "\n".join(lines) + "\n"


LOADERS = {"apx": loads_apx, "tgf": loads_tgf, "i23": loads_i23}


def sniff_format(text: str) -> str | None:
    """Guess the format of framework text from its first meaningful line (``None`` if unsure).

    Example:
        >>> sniff_format("p af 2\\n1 2"), sniff_format("arg(a)."), sniff_format("a\\n#\\n")
        ('i23', 'apx', 'tgf')
    """
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("p af"):
            return "i23"
        if line.startswith(("arg(", "att(", "arg ", "att ")):
            return "apx"
        if line.startswith("#") and line != "#":
            continue  # an i23 comment before its header
        return "tgf"
    return None


def read_framework(path: str | os.PathLike[str], fmt: str | None = None) -> Framework:
    """A framework from an apx / tgf / i23 file or an argmap map JSON (format from ``fmt``,
    else the suffix, else the content). Problems are :class:`InputError` with file and line.
    """
    from argmap.io import read_bytes

    return parse_framework(read_bytes(path), path, fmt)


def parse_framework(raw: bytes, path: str | os.PathLike[str] = "<af>", fmt: str | None = None) -> Framework:
    """A framework from the bytes of a file (see :func:`read_framework`); errors name ``path``.

    Example:
        >>> parse_framework(b"arg(a).\\narg(b).\\natt(a,b).\\n").attacks
        (('a', 'b'),)
    """
    from argmap.io import looks_like_json, map_from_json

    if fmt == "map" or (fmt is None and (str(path).endswith(".json") or looks_like_json(raw[:4096]))):
        return framework_from_map(map_from_json(raw, path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    fmt = fmt or SUFFIX_FORMATS.get(Path(path).suffix.lower()) or sniff_format(text)
    if fmt is None:
        raise InputError(path, "no arguments (empty framework file)")
    if fmt not in LOADERS:
        raise InputError(path, f"unknown framework format {fmt!r} (use {', '.join(FORMATS)} or map)")
    return LOADERS[fmt](text, path)


def format_extensions(af: Framework, exts: list[Extension]) -> str:
    """Extensions in ICCMA 2019 syntax, arguments in input order, no spaces.

    Names that would break the syntax (commas, brackets, quotes, white space) are quoted.

    Example:
        >>> af = Framework(["b", "a", "c"], [])
        >>> format_extensions(af, [frozenset({"a", "b"}), frozenset()])
        '[[b,a],[]]'
    """
    def name(a: str) -> str:
        return a if _PLAIN_IN_LIST.match(a) else json.dumps(a, ensure_ascii=False)

    order = af.index
    parts = [",".join(name(a) for a in sorted(ext, key=order.__getitem__)) for ext in exts]
    return "[" + ",".join(f"[{p}]" for p in parts) + "]"


def generate_apx(amap: ArgumentMap) -> str:
    """A map's Dung framework (:func:`argmap.semantics.framework_from_map`) as apx.

    Example:
        >>> from argmap.model import ArgumentMap, Topic, Node, Edge
        >>> m = ArgumentMap(topics=[Topic(id="t1", title="T")],
        ...                 nodes=[Node(id="Critique 1", kind="critique", topic="t1", text="x")],
        ...                 edges=[Edge(source="Critique 1", target="t1", relation="attacks")])
        >>> print(generate_apx(m), end="")
        arg(t1).
        arg("Critique 1").
        att("Critique 1",t1).
    """
    return dumps_apx(framework_from_map(amap))


def generate_tgf(amap: ArgumentMap) -> str:
    """A map's Dung framework as TGF (``argmap export MAP --to tgf``); an id TGF cannot hold
    (white space, empty, ``#``) is an :class:`~argmap.errors.ArgmapError`."""
    try:
        return dumps_tgf(framework_from_map(amap))
    except ValueError as exc:
        raise ArgmapError(str(exc)) from None


def generate_i23(amap: ArgumentMap) -> str:
    """A map's Dung framework in ICCMA 2023 format (``argmap export MAP --to i23``)."""
    return dumps_i23(framework_from_map(amap))
