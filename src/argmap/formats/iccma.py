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
from itertools import chain
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
_STATEMENT = re.compile(rf'\s*(arg|att)\s*\(\s*({_NAME})\s*(?:,\s*({_NAME})\s*)?\)\s*\.\s*')
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
    if fast is not None:
        return fast
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    # Lines end at \n only: other line breaks may sit inside quoted names.
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.removesuffix("\r")
        if "%" in line:
            line = _strip_comment(line)
        pos = 0
        while pos < len(line):
            m = _STATEMENT.match(line, pos)
            if m is None:
                snippet = line[pos:].strip()[:30]
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
    return _framework(path, names, attacks)


_BARE = r'[^\s(),."%]+'
_APX_WHOLE = re.compile(rf"(?:\s*(?:arg\s*\(\s*{_BARE}\s*\)|att\s*\(\s*{_BARE}\s*,\s*{_BARE}\s*\))\s*\.)*\s*")
_APX_ARG = re.compile(rf"arg\s*\(\s*({_BARE})\s*\)")
_APX_ATT = re.compile(rf"att\s*\(\s*({_BARE})\s*,\s*({_BARE})\s*\)")


def _apx_fast(text: str) -> Framework | None:
    """The common case of :func:`loads_apx` in a few passes in C: bare names, no comments,
    every attack between declared arguments. ``None`` sends anything else to the
    line-by-line reader, which names the bad line."""
    if '"' in text or "%" in text or _APX_WHOLE.fullmatch(text) is None:
        return None
    # the whole text is statements, so "arg(" / "att(" only ever start one
    names = dict.fromkeys(_APX_ARG.findall(text))
    attacks = _APX_ATT.findall(text)
    if not names or not set(chain.from_iterable(attacks)) <= names.keys():
        return None
    return Framework(names, attacks)


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
    if fast is not None:
        return fast
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


_I23_HEADER = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*p[ \t]+af[ \t]+([0-9]{1,7})[ \t]*(?:\r?\n|\Z)")
_I23_COMMENTS = re.compile(r"^[ \t]*#[^\n]*$", re.MULTILINE)
_NOT_I23_BODY = str.maketrans("", "", "0123456789 \t\r\n")  # deletes what attack lines are made of
_I23_THREE = re.compile(r"[0-9][ \t]+[0-9]+[ \t]+[0-9]")
_I23_LINE_START = re.compile(r"^[ \t]*[0-9]", re.MULTILINE)


def _i23_fast(text: str) -> Framework | None:
    """The common case of :func:`loads_i23` in a few passes in C: a header, then lines of two
    numbers of at most as many digits as N (so ``int`` stays cheap) and comments. ``None``
    sends anything else to the line-by-line reader, which names the bad line."""
    header = _I23_HEADER.match(text)
    if header is None or int(header.group(1)) > MAX_ARGUMENTS:
        return None
    n = int(header.group(1))
    body = text[header.end():]
    if "#" in body:
        body = _I23_COMMENTS.sub("", body)
    if body.translate(_NOT_I23_BODY) or _I23_THREE.search(body):
        return None  # a stray character or a line with three numbers
    tokens = body.split()
    # no line holds three numbers: with twice as many numbers as lines holding any, every
    # line holds exactly two
    if len(tokens) != 2 * len(_I23_LINE_START.findall(body)) or max(map(len, tokens), default=0) > len(str(n)):
        return None
    numbers = list(map(int, tokens))
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        return None
    return Framework.from_indices(n, zip([s - 1 for s in numbers[0::2]], [e - 1 for e in numbers[1::2]]))


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
