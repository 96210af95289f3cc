"""Hunspell dictionaries (Debian's hunspell-ru, hunspell-en-gb, hunspell-en-us in /usr/share/hunspell).

Two engines behind one small interface (``lookup(word) -> bool``, ``suggest(word) -> list``):
- libhunspell (the C library Debian ships as libhunspell-1.7-0) through ctypes: loads ru_RU in
  ~0.1 s and suggests in ~0.1 s;
- spylls (pure Python, a pip dependency) when the library is missing: correct but slower to load
  (~1.4 s for ru_RU) and to suggest (~1 s).
Lookups and suggestions are cached per word, bounded (CACHE_MAX entries, then the cache starts
again: a long-running web worker sees every new word of every draft).
"""
from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from pathlib import Path

CACHE_MAX = 200_000
SEARCH_PATHS = [os.environ.get("PRESSROOM_HUNSPELL_DIR", ""), "/usr/share/hunspell", "/usr/share/myspell/dicts",
                "/usr/share/myspell", "/usr/local/share/hunspell"]


def find(name: str) -> Path | None:
    for d in SEARCH_PATHS:
        if d and (Path(d) / f"{name}.dic").is_file() and (Path(d) / f"{name}.aff").is_file():
            return Path(d) / name
    return None


@lru_cache(maxsize=1)
def _libhunspell():
    if os.environ.get("PRESSROOM_HUNSPELL_ENGINE") == "spylls":
        return None
    # find_library runs ldconfig (~0.15 s): only when the usual names do not load (issue 13)
    def find_library(name):
        import ctypes.util  # ~10 ms with subprocess: only when the usual names do not load

        return ctypes.util.find_library(name)

    names = ["libhunspell-1.7.so.0", "libhunspell-1.7.so", lambda: find_library("hunspell-1.7"),
             lambda: find_library("hunspell")]
    for n in names:
        n = n() if callable(n) else n
        if not n:
            continue
        try:
            lib = ctypes.CDLL(n)
        except OSError:
            continue
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_suggest.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                         ctypes.c_char_p]
        lib.Hunspell_suggest.restype = ctypes.c_int
        lib.Hunspell_free_list.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                           ctypes.c_int]
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        return lib
    return None


def _create_without_ngrams(lib, base: Path):
    """Hunspell_create with ``MAXNGRAMSUGS 0`` added to the affix file (issue 13): the n-gram pass
    scans the whole word list for every suggestion (~200 ms a Russian word, ~60 ms an English one)
    and finds words several edits away, which the checks report as info at best; without it a
    suggestion takes 10-40 ms and keeps the one- and two-edit, REP-table and split suggestions.
    Hunspell reads the file when the handle is made, so the copy is removed right after; with a disk
    cache folder the copy is kept there, named by the affix file's path, size and mtime."""
    aff = Path(f"{base}.aff").read_bytes()
    if b"MAXNGRAMSUGS" in aff:
        return lib.Hunspell_create(f"{base}.aff".encode(), f"{base}.dic".encode())
    kept = _kept_affix(base, aff)
    if kept is not None:
        return lib.Hunspell_create(str(kept).encode(), f"{base}.dic".encode())
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pressroom-hunspell-") as tmp:
        copy = Path(tmp) / f"{base.name}.aff"
        copy.write_bytes(aff + b"\nMAXNGRAMSUGS 0\n")
        return lib.Hunspell_create(str(copy).encode(), f"{base}.dic".encode())


def _kept_affix(base: Path, aff: bytes) -> Path | None:
    """The affix file with ``MAXNGRAMSUGS 0`` in the disk cache folder (written once, atomically)."""
    from app.diskcache import cache_dir, digest

    d = cache_dir()
    if d is None:
        return None
    try:
        st = os.stat(f"{base}.aff")
        key = digest(repr((str(base), st.st_size, st.st_mtime_ns)), 12)
        path = d / f"hunspell-{base.name}-{key}.aff"
        if path.is_file():
            return path
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".{path.name}.{os.getpid()}"
        tmp.write_bytes(aff + b"\nMAXNGRAMSUGS 0\n")
        os.replace(tmp, path)
        return path
    except OSError:
        return None


class _CHunspell:
    engine = "libhunspell"

    def __init__(self, lib, base: Path):
        self._lib = lib
        self._h = _create_without_ngrams(lib, base)
        enc = lib.Hunspell_get_dic_encoding(self._h) or b"UTF-8"
        self._enc = enc.decode("ascii", "replace").lower().replace("microsoft-", "")
        self._lookup: dict[str, bool] = {}
        self._suggest: dict[str, list[str]] = {}
        self._base = base
        self._store = None

    def _kept(self):
        """Suggestions kept on disk between processes (app.language.wordstore), keyed by this
        dictionary's files (issue 13)."""
        if self._store is None:
            from app.language.wordstore import WordStore

            b = self._base
            self._store = WordStore(f"hunspell-{b.name}-nongram", [Path(f"{b}.dic"), Path(f"{b}.aff")])
        return self._store

    def lookup(self, word: str) -> bool:
        hit = self._lookup.get(word)
        if hit is None:
            try:
                raw = word.encode(self._enc)
            except (UnicodeEncodeError, LookupError):
                hit = False
            else:
                hit = bool(self._lib.Hunspell_spell(self._h, raw))
            if len(self._lookup) >= CACHE_MAX:
                self._lookup.clear()
            self._lookup[word] = hit
        return hit

    def suggest(self, word: str) -> list[str]:
        hit = self._suggest.get(word)
        if hit is None:
            try:
                raw = word.encode(self._enc)
            except (UnicodeEncodeError, LookupError):
                return []
            store = self._kept()
            hit = store.get(word)
            if not isinstance(hit, list):
                lst = ctypes.POINTER(ctypes.c_char_p)()
                n = self._lib.Hunspell_suggest(self._h, ctypes.byref(lst), raw)
                hit = [lst[i].decode(self._enc, "replace") for i in range(n)]
                self._lib.Hunspell_free_list(self._h, ctypes.byref(lst), n)
                store.put(word, hit)
            if len(self._suggest) >= CACHE_MAX // 20:
                self._suggest.clear()
            self._suggest[word] = hit
        return list(hit)


class _Spylls:
    engine = "spylls"

    def __init__(self, base: Path):
        from spylls.hunspell import Dictionary

        self._d = Dictionary.from_files(str(base))
        self._lookup: dict[str, bool] = {}
        self._suggest: dict[str, list[str]] = {}

    def lookup(self, word: str) -> bool:
        hit = self._lookup.get(word)
        if hit is None:
            if len(self._lookup) >= CACHE_MAX:
                self._lookup.clear()
            hit = self._lookup[word] = bool(self._d.lookup(word))
        return hit

    def suggest(self, word: str) -> list[str]:
        hit = self._suggest.get(word)
        if hit is None:
            if len(self._suggest) >= CACHE_MAX // 20:
                self._suggest.clear()
            hit = self._suggest[word] = [s for _, s in zip(range(8), self._d.suggest(word))]
        return list(hit)


class Lazy:
    """A dictionary loaded on its first lookup (issue 13): the second English dictionary (en_US
    beside en_GB) is asked only about words the first does not know, and a Russian draft's few
    Latin words are often all known to the first. ``loaded`` is None when not installed."""

    def __init__(self, name: str):
        import threading

        self.name = name
        self._lock = threading.Lock()
        self._done = False
        self.loaded = None

    def _get(self):
        if not self._done:
            with self._lock:
                if not self._done:
                    self.loaded = load(self.name)
                    self._done = True
        return self.loaded

    @property
    def engine(self) -> str:
        d = self._get()
        return d.engine if d is not None else "none"

    def lookup(self, word: str) -> bool:
        d = self._get()
        return d is not None and d.lookup(word)

    def suggest(self, word: str) -> list[str]:
        d = self._get()
        return d.suggest(word) if d is not None else []


def load(name: str):
    """A dictionary object for ``name`` or None when the files are not installed."""
    base = find(name)
    if base is None:
        return None
    lib = _libhunspell()
    if lib is not None:
        return _CHunspell(lib, base)
    return _Spylls(base)
