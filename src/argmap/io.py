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
import glob
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from argmap.errors import InputError, UnwritableMap
from argmap.limits import MAX_INPUT_BYTES, data_problem, json_text_problem, may_hold_surrogates

if TYPE_CHECKING:  # pydantic loads when a map is read, not for a framework file's bytes
    from pydantic import ValidationError

    from argmap.model import ArgumentMap


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so readers never see a half-written file and a failure leaves the old file intact.

    Only regular files are written: a device, FIFO, socket or folder at ``path`` is refused.
    A symbolic link is followed on purpose: its target is replaced, the link stays a link.
    Temporary files (``.NAME.PID.XXXX.tmp``) are removed on failure and on ``SIGTERM`` (the
    CLI turns it into an exception), and ones left by a process that no longer runs (killed
    with ``SIGKILL``) are removed by the next write beside them. Any problem is one
    :class:`InputError` naming ``path``.

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "out.txt")
        >>> atomic_write(p, "hello")
        >>> open(p).read()
        'hello'
    """
    target = Path(os.path.realpath(path))
    try:
        problem = not_a_regular_file(target)
        if problem is not None:
            raise InputError(path, problem)
        blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            raise InputError(path, f"cannot write: {blocking} is a file, not a folder")
        made = [p for p in target.parents if not p.exists()]  # removed again if the write fails
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temp_files(target)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(path, f"cannot write: {_reason(exc)}") from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, _default_mode(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        _remove_empty(made)
        if isinstance(exc, OSError):
            raise InputError(path, f"cannot write: {_reason(exc)}") from None
        raise


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders a failed write made (``folders`` deepest first), if still empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def not_a_regular_file(path: str | os.PathLike[str]) -> str | None:
    """Why argmap will not write to ``path`` (followed through symbolic links): it is a
    folder, a device, a FIFO or a socket; ``None`` for a regular file or nothing yet.

    Example:
        >>> not_a_regular_file("/dev/null")
        'is a character device, not a regular file (argmap writes regular files only)'
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        return f"is {_file_type(target)}, not a regular file (argmap writes regular files only)"
    return None


def _file_type(path: Path) -> str:
    mode = path.stat().st_mode
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


def _remove_stale_temp_files(target: Path) -> None:
    """Remove ``.NAME.PID.*.tmp`` files and folders beside ``target`` whose writing process
    is gone."""
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        pid = tmp.name[len(target.name) + 2:].partition(".")[0]
        if not pid.isdigit() or not _process_runs(int(pid)):
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink(missing_ok=True)


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: it runs
        return True
    return True


def _default_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_folder(path: str | os.PathLike[str], files: Mapping[str, str | bytes], *,
                 drop: Callable[[str], bool] | None = None) -> list[Path]:
    """Write ``files`` (name → content) into the folder ``path`` as a whole: they are written
    into a temporary folder beside it (``.NAME.PID.XXXX.tmp``), which is then swapped with
    ``path`` in one atomic rename, so a reader sees the old folder or the new one, never a mix.
    Returns the paths written, in the order of ``files``.

    What the folder already holds and ``files`` does not replace is carried over (as hard
    links), except names ``drop`` accepts (an earlier run's pages this one no longer has).
    Two runs writing one folder: the second stops with an :class:`InputError` (the folder
    is locked while it is written). A kill leaves the old folder and a temporary one that
    the next write beside it removes; ``SIGTERM`` removes it at once. Where the swap cannot
    be made (``path`` is or holds the current folder, a mount point, a parent folder that
    is not writable, a system without an atomic exchange of folders), the files are
    replaced one by one, each atomically, under the same lock.

    Example:
        >>> import tempfile, os
        >>> out = os.path.join(tempfile.mkdtemp(), "site")
        >>> [p.name for p in write_folder(out, {"index.html": "<p>hi</p>", "map.json": "{}"})]
        ['index.html', 'map.json']
        >>> sorted(os.listdir(out))
        ['index.html', 'map.json']
    """
    target = Path(os.path.realpath(path))
    for name in files:
        if not name or "/" in name or name.startswith(".") or name != Path(name).name:
            raise ValueError(f"not a plain file name: {name!r}")
    try:
        if target.exists() and not target.is_dir():
            raise InputError(path, "exists and is not a folder (give -o a folder)")
        blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            raise InputError(path, f"cannot write: {blocking} is a file, not a folder")
        made = [p for p in (target, *target.parents) if not p.exists()]  # removed again if the write fails
        target.mkdir(parents=True, exist_ok=True)
        _remove_stale_temp_files(target)
        lock = _lock_folder(target, path)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_reason(exc)}") from None
    try:
        written = [target / name for name in files]
        if not _swap_in(target, files, drop):
            for name, data in files.items():
                atomic_write(target / name, data)
            for entry in list(target.iterdir()) if drop is not None else []:
                if entry.name not in files and drop(entry.name):
                    entry.unlink(missing_ok=True)
        return written
    except BaseException as exc:
        _remove_empty(made)
        if isinstance(exc, OSError):
            raise InputError(path, f"cannot write: {_reason(exc)}") from None
        raise
    finally:
        os.close(lock)


def _lock_folder(target: Path, path: str | os.PathLike[str]) -> int:
    """An open descriptor of ``target`` holding an exclusive lock on it, or an
    :class:`InputError` when another process holds it."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock
        return os.open(target, os.O_RDONLY)
    for _ in range(10):
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise InputError(path, "another argmap run is writing this folder; try again when it has ended") from None
        # the folder may have been swapped between open and lock: then lock the new one
        if os.fstat(fd).st_ino == os.stat(target).st_ino:
            return fd
        os.close(fd)
    raise InputError(path, "cannot write: the folder keeps being replaced by another program")


def _swap_in(target: Path, files: Mapping[str, str | bytes], drop: Callable[[str], bool] | None) -> bool:
    """Build the new folder beside ``target`` and exchange the two; False (nothing changed)
    where that cannot be done."""
    try:
        if Path.cwd().resolve().is_relative_to(target):
            return False  # a shell standing in the folder would be left in a removed one
    except OSError:
        pass  # no current folder (it was removed): none to keep
    try:
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"))
    except PermissionError:
        return False
    try:
        os.chmod(tmp, target.stat().st_mode & 0o7777)
        for name, data in files.items():
            with open(tmp / name, "wb") as fh:
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
                fh.flush()
                os.fsync(fh.fileno())
        for entry in target.iterdir():
            if entry.name not in files and not (drop is not None and drop(entry.name)):
                _carry_over(entry, tmp / entry.name)
        _fsync_folder(tmp)
        if not _exchange(tmp, target):
            return False
        _fsync_folder(target.parent)
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # after the exchange: the old folder


def _carry_over(entry: Path, into: Path) -> None:
    """``entry`` of the old folder into the new one, as hard links (copies where the file
    system has none)."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst, follow_symlinks=False)
        except OSError:
            shutil.copy2(src, dst, follow_symlinks=False)

    if entry.is_dir() and not entry.is_symlink():
        shutil.copytree(entry, into, symlinks=True, copy_function=link)
    else:
        link(str(entry), str(into))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False
    where the system or file system cannot."""
    import ctypes
    import errno

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EBUSY, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err))


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_map(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Save ``amap`` as ``argmap/1`` JSON, atomically.

    Maps can be changed in place into ones that break the load invariants; what would be
    written is validated as :func:`load_map` validates it, so a map that could not be loaded
    is refused with the very message loading it would give, and nothing is written.
    """
    try:
        text = amap.to_json() + "\n"
    except UnwritableMap as exc:
        raise InputError(path, f"cannot write: {exc}") from None
    map_from_json(text, path)
    atomic_write(path, text)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or an :class:`InputError` naming the file and what went wrong
    (one larger than :data:`~argmap.limits.MAX_INPUT_BYTES` among them)."""
    try:
        with open(path, "rb") as fh:
            return read_limited(fh, path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def read_limited(stream: BinaryIO, path: str | os.PathLike[str]) -> bytes:
    """All of ``stream`` (a file, a pipe, standard input), refused with an :class:`InputError`
    as soon as it holds more than :data:`~argmap.limits.MAX_INPUT_BYTES`.

    Example:
        >>> import io
        >>> read_limited(io.BytesIO(b"Tolls."), "essay.txt")
        b'Tolls.'
    """
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(path, f"larger than {MAX_INPUT_BYTES // 2 ** 20} MiB, the most argmap reads")
    return utf8_from_bom(data, path)


# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def utf8_from_bom(raw: bytes, path: str | os.PathLike[str] = "<input>") -> bytes:
    """``raw`` as UTF-8 when it starts with a UTF-16 or UTF-32 byte order mark (the mark
    dropped), else unchanged; every reader downstream then sees UTF-8. Text that breaks its
    own encoding is an :class:`InputError`.

    Example:
        >>> utf8_from_bom("Tolls".encode("utf-16")), utf8_from_bom(b"Tolls")
        (b'Tolls', b'Tolls')
    """
    for mark, codec in _BOMS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec).encode("utf-8")
            except UnicodeError as exc:
                name = codec.upper()
                where = f" at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
                raise InputError(path, f"not valid {name} text (it starts with a {name} byte order mark){where}") \
                    from None
    return raw


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
    from pydantic import ValidationError

    from argmap.model import ArgumentMap

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
    from pydantic import ValidationError

    from argmap.model import ArgumentMap

    with _collector_paused():
        try:
            # pydantic parses and validates in one go, without the intermediate Python objects
            amap = ArgumentMap.model_validate_json(raw)
            if "schema_tag" in amap.model_fields_set:
                # pydantic refuses deep nesting and huge numbers; what it takes, the limits may not
                problem = data_problem(amap) if may_hold_surrogates(raw) else amap.extras_problem()
                if problem is not None:
                    raise InputError(path, problem)
                return amap
        except ValidationError:
            pass  # parse again below: the messages name the problem in argmap's words
        problem = json_text_problem(raw)  # before json.loads, which would exhaust the stack
        if problem is not None:
            raise InputError(path, problem)
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise InputError(path, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
        _refuse_unwritable(data, path)
        return map_from_data(data, path)


def _refuse_unwritable(data: Any, path: str | os.PathLike[str]) -> None:
    problem = data_problem(data)
    if problem is not None:
        raise InputError(path, problem)


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
