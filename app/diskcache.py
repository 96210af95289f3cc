"""Derived data cached on disk between processes, keyed by the files it is derived from (issue 13).

``cached(name, sources, build)`` returns ``build()``'s value, pickled under
``$PRESSROOM_CACHE_DIR`` (default ``$XDG_CACHE_HOME/pressroom`` or ``~/.cache/pressroom``) with
the path, size and mtime of every source file and Pressroom's version: a source edited, replaced
or removed makes a new build. Written to a temporary file and renamed (a reader never sees half a
file); any problem (no home directory, read-only disk, a damaged file) means building in memory,
never an error. ``PRESSROOM_CACHE_DIR=off`` turns it off.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any, Callable, Iterable

from app import __version__

_FORMAT = 1


def digest(text: str, n: int = 16) -> str:
    """A short hex digest for cache file names (CRC-32 and Adler-32 of the UTF-8 text): zlib, not
    hashlib, whose OpenSSL backend costs a process ~3-8 ms to import (issue 13). The files whose
    name it makes also hold what they were made from where a collision would matter."""
    import zlib

    b = text.encode("utf-8")
    return (f"{zlib.crc32(b):08x}{zlib.adler32(b):08x}")[:n]


def cache_dir() -> Path | None:
    env = os.environ.get("PRESSROOM_CACHE_DIR")
    if env:
        return None if env.lower() in ("off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home() != Path("/") else None)
    return Path(base) / "pressroom" if base else None


def _stamp(sources: Iterable[Path]) -> tuple:
    out = []
    for p in sources:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), None, None))
    return (_FORMAT, __version__, tuple(out))


def _where(stamp) -> str:
    """A short digest of the sources' paths (not their times), part of every cache file's name."""
    return digest(repr([s[0] for s in stamp[2]]), 10)


def _entry(d: Path, name: str, stamp) -> Path:
    """The cache file of ``name`` for these sources. The sources' paths are in the name: two installs
    (two virtualenvs, two checkouts) sharing one cache folder keep a file each instead of rebuilding
    each other's on every run."""
    return d / f"{name}-{_where(stamp)}.pickle"


def _first_use(d: Path, name: str, stamp) -> bool:
    """For ``second_use``: True (and a mark left) the first time these sources are asked for, so the
    value is built and kept only when a second run wants it too."""
    mark = d / f".{name}-{_where(stamp)}-{digest(repr(stamp), 12)}.wanted"
    if mark.exists():
        return False
    try:
        d.mkdir(parents=True, exist_ok=True)
        mark.touch()
    except OSError:
        pass
    return True


def cached(name: str, sources: Iterable[Path], build: Callable[[], Any], second_use: bool = False) -> Any:
    """``second_use``: derived data that only pays when it is used again (an index that saves a
    later process loading a dictionary, but costs more to build than that load): when it is not
    kept yet, the first process to ask leaves a mark and gets None, and the next one builds and
    keeps it. A first run ever costs what it did without the index (issue 13)."""
    stamp = _stamp(sources)
    d = cache_dir()
    if d is None:
        return None if second_use else build()
    path = _entry(d, name, stamp)
    found, value = _kept(path, stamp)
    if found:
        return value
    if second_use and _first_use(d, name, stamp):
        return None
    value = build()
    dump_atomic(path, (stamp, value))
    return value


MAP_MIN = 64 * 1024  # byte strings at least this long are kept beside the pickle and mapped


def cached_mapped(name: str, sources: Iterable[Path], build: Callable[[], Any], second_use: bool = False) -> Any:
    """``cached`` for a tuple (or None) whose long byte strings a process reads only a little of:
    each ``bytes`` item of at least MAP_MIN bytes is kept in a file of its own beside the pickle
    and comes back as a read-only ``mmap`` (``find``, ``rfind``, slices and ``len`` as on bytes; no
    ``startswith``), so a process reads the pages it looks at, not the whole string (issue 13:
    ru_RU's stem index, 2 x 3.5 MB, cost ~50 ms to unpickle for the seed's twenty lookups). The
    value built in this process is returned as built (bytes)."""
    stamp = _stamp(sources)
    d = cache_dir()
    if d is None:
        return None if second_use else build()
    path = _entry(d, name, stamp)
    found, kept = _kept(path, stamp)
    if found:
        value = _mapped(d, kept)
        if value is not _MISSING:
            return value
    if second_use and not found and _first_use(d, name, stamp):
        return None
    value = build()
    if not isinstance(value, tuple):
        dump_atomic(path, (stamp, (False, value)))
        return value
    # the blobs first, each under a name of its build (the pickle names them): a reader that sees
    # the new pickle finds its blobs; an older process still maps its own files (renamed over, not
    # written in place)
    where, tag = _where(stamp), digest(repr(stamp), 12)
    items = []
    for i, v in enumerate(value):
        if isinstance(v, bytes) and len(v) >= MAP_MIN:
            blob = f"{name}-{where}-{tag}-{i}.blob"
            dump_atomic(d / blob, v, raw=True)
            items.append(_Blob(blob, len(v)))
        else:
            items.append(v)
    dump_atomic(path, (stamp, (True, tuple(items))))
    current = {i.name for i in items if type(i) is _Blob}
    try:
        for old in d.glob(f"{name}-{where}-*.blob"):  # an earlier build's (a process mapping one keeps it)
            if old.name not in current:
                old.unlink()
    except OSError:
        pass
    return value


_MISSING = object()


class _Blob:
    """The file name and size of a kept byte string, in a mapped value's pickle."""

    __slots__ = ("name", "size")

    def __init__(self, name: str, size: int):
        self.name, self.size = name, size

    def __reduce__(self):
        return _Blob, (self.name, self.size)


def _mapped(d: Path, kept) -> Any:
    """The value of a ``cached_mapped`` pickle with its blobs mapped, or _MISSING when one is gone."""
    try:
        is_tuple, value = kept
    except (TypeError, ValueError):
        return _MISSING
    if not is_tuple:
        return value
    import mmap

    out = []
    for v in value:
        if type(v) is _Blob:
            try:
                with open(d / v.name, "rb") as f:
                    if os.fstat(f.fileno()).st_size != v.size:
                        return _MISSING
                    v = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                return _MISSING
        out.append(v)
    return tuple(out)


def _kept(path: Path, stamp: tuple) -> tuple[bool, Any]:
    try:
        with open(path, "rb") as f:
            got_stamp, value = pickle.load(f)
        if got_stamp == stamp:
            return True, value
    except Exception:  # noqa: BLE001 - missing, stale format, damaged: build it again
        pass
    return False, None


def peek(name: str, sources: Iterable[Path]) -> Any:
    """What ``cached(name, sources, ...)`` keeps, or None when nothing is kept (nothing is built)."""
    stamp = _stamp(sources)
    d = cache_dir()
    if d is None:
        return None
    return _kept(_entry(d, name, stamp), stamp)[1]


def dump_atomic(path: Path, obj: Any, raw: bool = False) -> None:
    """Pickle ``obj`` (``raw``: write the bytes ``obj`` as they are) to ``path`` through a temporary
    file and an atomic rename: a reader never sees half a file, two processes writing at once leave
    one whole file. A cache that cannot be written is only slower: errors are swallowed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _mkstemp(path)
        try:
            with os.fdopen(fd, "wb") as f:
                if raw:
                    f.write(obj)
                else:
                    pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        pass


_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _mkstemp(path: Path) -> tuple[int, str]:
    """A new private file beside ``path`` (mode 0600, never an existing one), as tempfile.mkstemp
    makes it, without importing tempfile (~5 ms: shutil, random, bz2, lzma; issue 13): a process
    whose run keeps one new regular expression pays it at exit."""
    for _ in range(100):
        tmp = str(path.parent / f".{path.stem}.{os.getpid()}.{os.urandom(6).hex()}")
        try:
            return os.open(tmp, _TMP_FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


class DataFileError(ValueError):
    """A YAML data file that does not parse (the message is PyYAML's)."""


def load_yaml(path: Path) -> Any:
    """The parsed content of a YAML data file (rules, phrase lists, tables), kept in the disk cache
    by the file's size and mtime (issue 13): a warm run neither imports PyYAML (~8 ms) nor parses
    (libyaml). OSError when unreadable, DataFileError when it does not parse (nothing is kept)."""
    path = Path(path)

    def build():
        import yaml

        text = path.read_text(encoding="utf-8")
        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as e:
            raise DataFileError(str(e)) from None

    return cached("yaml-" + path.stem + "-" + digest(str(path), 8), [path], build)
