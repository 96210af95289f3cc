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


# Affix-file keywords under which a word of ASCII letters could be accepted other than as one
# dictionary stem with at most one prefix and one suffix (compounds built by flags, ignored
# characters, two prefixes, aliased flags that hide the compound rules' flags): no stem index.
_INDEX_BREAKERS = {"COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPOUNDLAST",
                   "COMPOUNDPERMITFLAG", "COMPOUNDROOT", "IGNORE", "COMPLEXPREFIXES", "AF", "FLAG", "LANG",
                   "CHECKSHARPS"}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _index_parts(base: Path):
    """What ``StemIndex`` is built from, or None when the affix file uses a feature the index's
    argument does not cover (see StemIndex). Read from the .aff and .dic files, no Hunspell."""
    prefixes: dict[str, set[str]] = {}
    suffixes: dict[str, set[str]] = {}
    rule_flags: set[str] = set()
    strip_chars: set[str] = set()
    left: dict[tuple[str, str], int] = {}
    text = Path(f"{base}.aff").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        p = line.split()
        if not p or p[0].startswith("#"):
            continue
        key = p[0].lstrip("\ufeff")
        if key in _INDEX_BREAKERS:
            return None
        if key in ("ICONV", "BREAK") and len(p) >= 2 and _ASCII_LETTERS.intersection(p[1]):
            return None  # letters converted, or a word split at letters: not the word asked is looked up
        if key == "COMPOUNDRULE" and len(p) >= 2 and not p[1].isdigit():
            rule_flags.update(c for c in p[1] if c not in "*?()")
        if key in ("PFX", "SFX") and len(p) >= 4:
            flag = p[1]
            if left.get((key, flag), 0) <= 0:
                if p[2] in ("Y", "N") and p[3].isdigit():
                    left[(key, flag)] = int(p[3])  # the class's header: how many entries follow
                continue
            left[(key, flag)] -= 1
            strip = "" if p[2] == "0" else p[2]
            add = p[3]
            if "/" in add:
                return None  # an affix with continuation classes (two suffixes, a suffix on a prefix)
            add = "" if add == "0" else add
            strip_chars.update(strip)
            (prefixes if key == "PFX" else suffixes).setdefault(add.lower(), set()).add(strip.lower())
    # the stems: every line's word up to its flags, lower-cased (ASCII), sorted, as one byte string
    # (a stem with other characters never equals a root of letters: kept, harmless). Regular
    # expressions and byte-string methods, no loop per line: ~30 ms for en_GB (a Python loop over
    # its 97 000 lines cost ~190 ms; Hunspell loads it in ~26 ms).
    import re

    if not all(c.isascii() for c in strip_chars):
        return None
    body = Path(f"{base}.dic").read_bytes().split(b"\n", 1)[-1]  # the first line is the count
    if rule_flags:
        if not all(c.isascii() for c in rule_flags):
            return None
        # a stem of letters carrying a compound rule's flag: compounds of letters could be words
        fl = re.escape("".join(sorted(rule_flags))).encode("ascii")
        letters = re.compile(b"[ \t]*[A-Za-z" + re.escape("".join(sorted(strip_chars))).encode("ascii") + b"]+")
        for m in re.finditer(b"/[^\t \r\n/]*?[" + fl + b"]", body):
            if letters.fullmatch(body, body.rfind(b"\n", 0, m.start()) + 1, m.start()):
                return None
    stems = re.findall(b"\n[ \t]*([^/\t \r\n]*)", b"\n" + body)
    stems = b"\n".join(stems).lower().split(b"\n")
    stems.sort()
    blob = b"\n" + b"\n".join(stems) + b"\n"
    return (blob, {k.encode(): sorted(v.encode() for v in vs) for k, vs in prefixes.items()},
            {k.encode(): sorted(v.encode() for v in vs) for k, vs in suffixes.items()})


class StemIndex:
    """Could Hunspell accept this word of ASCII letters? Answered from the dictionary's stems
    without loading it (issue 13): a Russian draft asks the English dictionaries about a Latin
    word or two (``adpecy`` — English or a homoglyph?), and loading en_GB and en_US costs ~45 ms.

    Hunspell accepts a word when the word, in one of its capitalisations, is a dictionary stem,
    or a stem with one prefix and/or one suffix of the affix file (strip + add), or a compound. The
    index keeps every stem made of ASCII letters (and the letters affixes strip), lower-cased, and
    every affix's add and strip strings; a word none of whose possible roots (the word, lower-cased,
    with any suffix's add replaced by its strip, then any prefix's) is such a stem cannot be
    accepted, and is answered False. Everything else — the affixes' conditions, the stems' flags,
    case — is left to Hunspell, loaded for any word the index does not rule out: the index only
    ever answers "no", and only where Hunspell would too. Built only from affix files without
    compound flags, ignored characters, two-level affixes or aliased flags, and only when every
    stem carrying a compound rule's flag has a non-letter (en_GB, en_US: their rules build
    ordinals of digits); compounds of letters are then impossible. Kept in the disk cache by the
    files' size and mtime."""

    def __init__(self, parts):
        self._blob, self._pfx, self._sfx = parts

    def _has(self, stem: bytes) -> bool:
        """``stem`` a line of the sorted blob? A binary search over the bytes (each probe reads the
        line around its midpoint): no offset table to build or load."""
        s = self._blob
        lo, hi = 0, len(s) - 1  # s[lo] and s[hi] are line breaks; the lines between are left to search
        while lo < hi:
            mid = (lo + hi) // 2
            start = s.rfind(b"\n", lo, mid + 1)
            end = s.find(b"\n", start + 1, hi + 1)
            k = s[start + 1:end]
            if k == stem:
                return True
            if k < stem:
                lo = end
            else:
                hi = start
        return False

    def may_accept(self, word: str) -> bool:
        """False only when no root of ``word`` (ASCII letters) is a stem: Hunspell rejects it."""
        w = word.lower().encode("ascii")
        sfx, pfx = self._sfx, self._pfx
        roots = {w}
        for k in range(len(w) + 1):
            strips = sfx.get(w[k:])
            if strips:
                core = w[:k]
                roots.update(core + st for st in strips)
        for r in list(roots):
            for j in range(len(r) + 1):
                strips = pfx.get(r[:j])
                if strips:
                    rest = r[j:]
                    roots.update(st + rest for st in strips)
        return any(self._has(r) for r in roots)


def stem_index(base: Path) -> StemIndex | None:
    """The dictionary's StemIndex from the disk cache (built there on first use), or None: no
    cache folder (built every process, it would cost more than it saves) or an affix file the index
    does not cover."""
    from app.diskcache import cache_dir, cached

    if cache_dir() is None:
        return None
    try:
        parts = cached(f"hunspell-stems-{base.name}", [Path(f"{base}.dic"), Path(f"{base}.aff")],
                       lambda: _index_parts(base))
    except OSError:
        return None
    return StemIndex(parts) if parts is not None else None


class Lazy:
    """A dictionary loaded on its first lookup (issue 13): the second English dictionary (en_US
    beside en_GB) is asked only about words the first does not know, and a Russian draft's few
    Latin words are often all known to the first. ``loaded`` is None when not installed.

    ``indexed``: until the dictionary is loaded, a word of ASCII letters that its StemIndex rules
    out is answered False without loading it (the English dictionaries, asked by the Russian
    checks about a Latin word or two)."""

    def __init__(self, name: str, indexed: bool = False):
        import threading

        self.name = name
        self._lock = threading.Lock()
        self._done = False
        self.loaded = None
        self._indexed = indexed
        self._index = None

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

    def load(self) -> None:
        self._get()

    def lookup(self, word: str) -> bool:
        if not self._done and self._indexed and word and _ASCII_LETTERS.issuperset(word):
            if self._index is None:
                base = find(self.name)
                self._index = (stem_index(base) if base is not None else None) or False
            if self._index is not False and not self._index.may_accept(word):
                return False
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
