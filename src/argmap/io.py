"""Reading and writing map files: atomic writes, one clear error line for bad input.

Example:
    >>> import tempfile, os
    >>> from argmap.model import ArgumentMap
    >>> path = os.path.join(tempfile.mkdtemp(), "m.json")
    >>> save_map(ArgumentMap(), path)
    >>> load_map(path).schema_tag
    'argmap/1'
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import InputError
from argmap.model import ArgumentMap


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so readers never see a half-written file and a failure leaves the old file intact.

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "out.txt")
        >>> atomic_write(p, "hello")
        >>> open(p).read()
        'hello'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, _default_mode(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def save_map(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Save ``amap`` as ``argmap/1`` JSON, atomically.

    Maps can be changed in place into ones that break the load invariants; what would be
    written is validated as :func:`load_map` validates it, so a map that could not be loaded
    is refused with the very message loading it would give, and nothing is written.
    """
    text = amap.to_json() + "\n"
    map_from_json(text, path)
    atomic_write(path, text)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or an :class:`InputError` naming the file and what went wrong."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line out of a pydantic error: where (``nodes.3.kind``) and what."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
    return "; ".join(parts) + more


def map_from_data(data: Any, path: str | os.PathLike[str] = "<map>") -> ArgumentMap:
    """Validate already-parsed JSON as a map, with errors naming ``path``."""
    if not isinstance(data, dict):
        raise InputError(path, f"not an argmap map (top level is a JSON {type(data).__name__})")
    if "schema" not in data:
        raise InputError(path, "not an argmap map (no \"schema\" field)")
    if data["schema"] != "argmap/1":
        raise InputError(path, f"unsupported schema {data['schema']!r} (expected 'argmap/1')")
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, f"invalid map: {describe_validation_error(exc)}") from None


def load_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load an ``argmap/1`` JSON file; any problem is an :class:`InputError` naming the file."""
    return map_from_json(read_bytes(path), path)


def map_from_json(raw: bytes | str, path: str | os.PathLike[str] = "<map>") -> ArgumentMap:
    """Parse and validate ``argmap/1`` JSON content, with errors naming ``path``.

    Example:
        >>> map_from_json(b"[]", "m.json")
        Traceback (most recent call last):
        ...
        argmap.errors.InputError: m.json: not an argmap map (top level is a JSON list)
    """
    with _collector_paused():
        try:
            # pydantic parses and validates in one go, without the intermediate Python objects
            amap = ArgumentMap.model_validate_json(raw)
            if "schema_tag" in amap.model_fields_set:
                return amap
        except ValidationError:
            pass  # parse again below: the messages name the problem in argmap's words
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise InputError(path, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
        return map_from_data(data, path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: loading a map allocates an object or more per value,
    none of them garbage, and the collector's passes over them would cost about as much as
    the load itself on a large map."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def looks_like_json(raw: bytes) -> bool:
    """True when the content starts (after a BOM and white space) like a JSON object."""
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"
