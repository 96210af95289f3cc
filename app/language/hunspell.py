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


# Affix-file keywords under which a word of letters could be accepted other than as one dictionary
# stem with at most one prefix and one suffix (compounds built by flags, ignored characters, two
# prefixes, aliased or multi-character flags that hide the compound rules' flags, language-specific
# casing): no stem index.
_INDEX_BREAKERS = {"COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPOUNDLAST",
                   "COMPOUNDPERMITFLAG", "COMPOUNDROOT", "IGNORE", "COMPLEXPREFIXES", "AF", "FLAG", "LANG",
                   "CHECKSHARPS"}
# Keywords an affix file may have for the index to also say "yes" (a suffix-only file: ru_RU): the
# others (prefixes, forbidden or case-keeping words, needed affixes, compounds, conversions, ...)
# could make Hunspell reject a word one suffix derives from a stem.
_EXACT_KEYWORDS = {"SET", "TRY", "KEY", "REP", "MAP", "WORDCHARS", "MAXNGRAMSUGS", "SFX"}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# The words the index answers about: Latin (ASCII) and Russian letters, whose upper and lower case
# Python and Hunspell map alike.
_INDEX_LETTERS = _ASCII_LETTERS | frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
INDEX_VERSION = 3  # 3: conditions as strings, the stems kept as mapped files (app.diskcache.cached_mapped)


def _condition(cond: str):
    """A suffix condition (``[^аеи]й``, ``.``) as (negated, characters or None for any) per
    character, last character last; None when it is not in that simple form. The characters are a
    string (one character is tested with ``in``): strings unpickle at C speed, a thousand small
    frozensets did not (~25 ms of ru_RU's index)."""
    if cond == ".":
        return ()
    out = []
    i = 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.find("]", i)
            if j < 0:
                return None
            body = cond[i + 1:j]
            neg = body.startswith("^")
            chars = body[1:] if neg else body
            if not chars or "[" in chars:
                return None
            out.append((neg, "".join(sorted(set(chars)))))
            i = j + 1
        elif c == ".":
            out.append((False, None))
            i += 1
        elif c in "]^":
            return None
        else:
            out.append((False, c))
            i += 1
    return tuple(out)


def _index_parts(base: Path):
    """What ``StemIndex`` is built from, or None when the affix file uses a feature the index's
    argument does not cover (see StemIndex). Read from the .aff and .dic files, no Hunspell."""
    prefixes: dict[str, set[str]] = {}
    suffixes: dict[str, set[str]] = {}
    entries: dict[bytes, list] = {}  # exact suffix entries: add -> [(strip, flag, condition, its length in bytes)]
    exact = True
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
        if key not in _EXACT_KEYWORDS:
            exact = False
        if key == "SET" and (len(p) < 2 or p[1].upper() != "UTF-8"):
            exact = False
        if key in ("ICONV", "BREAK") and len(p) >= 2 and _INDEX_LETTERS.intersection(p[1]):
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
            if key == "SFX" and exact:
                cond = p[4] if len(p) > 4 else "."
                parsed = _condition(cond)
                if parsed is None or len(flag) != 1 or strip != strip.lower() or add != add.lower():
                    exact = False
                else:
                    entries.setdefault(add.encode(), []).append(
                        (strip.encode(), flag, parsed, 0 if cond == "." else len(cond.encode())))
    # the stems: every line's word up to its flags, lower-cased, sorted, as one byte string (a stem
    # with other characters never equals a root of letters: kept, harmless); with their flags, as
    # written, for the exact answers. Regular expressions and byte-string methods, no loop per line
    # (a Python loop over en_GB's 97 000 lines cost ~190 ms; Hunspell loads it in ~26 ms).
    import re

    body = Path(f"{base}.dic").read_bytes().split(b"\n", 1)[-1]  # the first line is the count
    if rule_flags:
        if not all(c.isascii() for c in rule_flags | strip_chars):
            return None
        # a stem of letters carrying a compound rule's flag: compounds of letters could be words
        fl = re.escape("".join(sorted(rule_flags))).encode("ascii")
        letters = re.compile(b"[ \t]*[A-Za-z" + re.escape("".join(sorted(strip_chars))).encode("ascii") + b"]+")
        for m in re.finditer(b"/[^\t \r\n/]*?[" + fl + b"]", body):
            if letters.fullmatch(body, body.rfind(b"\n", 0, m.start()) + 1, m.start()):
                return None
    if b"\t" in body or b" " in body or b"\r" in body:
        body = re.sub(rb"[\t \r][^\n]*", b"", body)  # morphological fields, carriage returns
    # lower-cased with their flags (lower-cased too: the "no" answers do not read them)
    stems = body.decode("utf-8", "replace").lower().encode("utf-8").split(b"\n")
    stems.sort()
    lower = b"\n" + b"\n".join(stems) + b"\n"
    flagged = None
    if exact and not prefixes:
        lines = body.split(b"\n")
        lines.sort()
        flagged = b"\n" + b"\n".join(lines) + b"\n"
    return (INDEX_VERSION, lower, {k.encode(): sorted(v.encode() for v in vs) for k, vs in prefixes.items()},
            {k.encode(): sorted(v.encode() for v in vs) for k, vs in suffixes.items()},
            flagged, entries if flagged is not None else None)


def _lower_bound(s: bytes, key: bytes) -> int:
    """In ``s``, a sorted run of lines each between line breaks (s[0] and s[-1] are breaks): the
    offset of the break before the first line >= ``key``."""
    lo, hi = 0, len(s) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        start = s.rfind(b"\n", lo, mid + 1)
        end = s.find(b"\n", start + 1, hi + 1)
        if s[start + 1:end] < key:
            lo = end
        else:
            hi = start
    return lo


def _flags(s: bytes, stem: bytes) -> str | None:
    """The flags of every line ``stem`` or ``stem/flags`` of ``s`` (sorted lines), or None."""
    i = _lower_bound(s, stem) + 1
    found = None
    n = len(stem)
    while s[i:i + n] == stem:  # (``s`` may be an mmap, which has no startswith)
        end = s.find(b"\n", i)
        rest = s[i + n:end]
        if not rest or rest[:1] == b"/":
            found = (found or "") + rest[1:].decode("utf-8", "replace")
        elif rest[:1] > b"/":
            break  # a longer stem: every homonym of ``stem`` came before it
        i = end + 1
    return found


class StemIndex:
    """Could Hunspell accept this word of letters? Answered from the dictionary's files without
    loading it (issue 13): a Russian draft asks the English dictionaries about a Latin word or two
    (``adpecy``: English, or a homoglyph?), and ru_RU about the few words pymorphy3 does not know
    (names, typos); loading en_GB and en_US costs ~45 ms, ru_RU ~48 ms.

    "No": Hunspell accepts a word when the word, in one of its capitalisations, is a dictionary
    stem, or a stem with one prefix and/or one suffix of the affix file (strip + add), or a
    compound. The index keeps every stem, lower-cased, and every affix's add and strip strings; a
    word none of whose possible roots (the word, lower-cased, with any suffix's add replaced by its
    strip, then any prefix's) is a stem cannot be accepted. Only for affix files without compound
    flags, ignored characters, two-level affixes or aliased flags, and where every stem of letters
    carrying a compound rule's flag... does not exist (en_GB, en_US: their rules build ordinals of
    digits), so compounds of letters are impossible.

    "Yes" (suffix-only affix files of nothing but suffixes, the suggestion tables and UTF-8:
    ru_RU): a word in lower case, or capitalised (Hunspell then also tries it in lower case), whose
    lower-case form is a stem, or one suffix entry's add on a root that is a stem carrying that
    entry's flag and meeting its condition, is accepted (nothing in such a file can forbid it). The
    condition is met both character by character and with the root at least as long in bytes as the
    condition's text (Hunspell compares byte lengths first). A capitalised word that is a stem as
    written is accepted too.

    Everything else returns None: Hunspell is loaded and asked. Kept in the disk cache by the
    files' size and mtime."""

    def __init__(self, parts):
        _, self._lower, self._pfx, self._sfx, self._flagged, self._entries = parts

    def _has(self, stem: bytes) -> bool:
        """``stem`` one of the lower-case stems?"""
        return _flags(self._lower, stem) is not None

    def _flags(self, stem: bytes) -> str | None:
        """The flags of ``stem`` (every homonym's) when it is a stem as written, else None."""
        return _flags(self._flagged, stem)

    def may_accept(self, word: str) -> bool:
        """False only when no root of ``word`` is a stem: Hunspell rejects it."""
        w = word.lower().encode("utf-8")
        sfx, pfx = self._sfx, self._pfx
        roots = {w}
        for k in range(len(w) + 1):
            strips = sfx.get(w[k:])
            if strips:
                core = w[:k]
                roots.update(core + st for st in strips)
        if pfx:
            for r in list(roots):
                for j in range(len(r) + 1):
                    strips = pfx.get(r[:j])
                    if strips:
                        rest = r[j:]
                        roots.update(st + rest for st in strips)
        return any(self._has(r) for r in roots)

    def _derived(self, w: str) -> bool:
        """``w`` (lower case) a stem, or one suffix entry on a stem with its flag and condition."""
        b = w.encode("utf-8")
        if self._flags(b) is not None:
            return True
        entries = self._entries
        for k in range(1, len(b) + 1):  # the root keeps at least one byte before its strip
            ents = entries.get(b[k:])
            if not ents:
                continue
            core = b[:k]
            try:
                core_text = core.decode("utf-8")
            except UnicodeDecodeError:
                continue  # not at a character boundary: no add of whole characters ends here
            for strip, flag, cond, cond_bytes in ents:
                root = core + strip
                if len(root) < cond_bytes:
                    continue
                if cond:
                    text = core_text + strip.decode("utf-8")
                    if len(text) < len(cond):
                        continue
                    if any(chars is not None and ((ch in chars) == neg)
                           for (neg, chars), ch in zip(cond, text[len(text) - len(cond):])):
                        continue
                flags = self._flags(root)
                if flags is not None and flag in flags:
                    return True
        return False

    def answer(self, word: str) -> bool | None:
        """True or False as Hunspell would answer, or None: ask Hunspell."""
        if self._flagged is not None and len(word) <= 60:
            rest = word[1:]
            if word.islower() or (word[:1].isupper() and (not rest or rest.islower())):
                if self._derived(word.lower()):
                    return True
                if not word.islower() and self._flags(word.encode("utf-8")) is not None:
                    return True
        return None if self.may_accept(word) else False


# A dictionary whose word list is at most this big gets its index built by the first process that
# asks: building it costs about what loading the dictionary does (measured: en_GB, 1.2 MB, ~59 ms
# to build and ~48 ms to load; en_US, 0.86 MB, ~22 and ~30 ms), so waiting for a second use only
# made that second process pay both ways. A bigger one (ru_RU, 3.5 MB: ~170 ms to build, ~80 ms to
# load) waits for a second use (issue 13).
FIRST_USE_MAX_BYTES = 2_000_000


def stem_index(base: Path) -> StemIndex | None:
    """The dictionary's StemIndex from the disk cache, or None: no cache folder (built every
    process, it would cost more than it saves), an affix file the index does not cover, or, for a
    big word list (``FIRST_USE_MAX_BYTES``), the first process ever to ask (it loads the dictionary
    as before; the next one builds the index: ru_RU's takes ~93 ms to build, the dictionary ~48 ms
    to load)."""
    from app.diskcache import cache_dir, cached_mapped

    if cache_dir() is None:
        return None  # built in every process it would not pay: the dictionary is loaded as before
    dic = Path(f"{base}.dic")
    try:
        big = dic.stat().st_size > FIRST_USE_MAX_BYTES
    except OSError:
        big = True
    try:
        parts = cached_mapped(f"hunspell-stems{INDEX_VERSION}-{base.name}", [dic, Path(f"{base}.aff")],
                              lambda: _index_parts(base), second_use=big)
    except OSError:
        return None
    return StemIndex(parts) if parts is not None else None


class Lazy:
    """A dictionary loaded on its first lookup (issue 13): the second English dictionary (en_US
    beside en_GB) is asked only about words the first does not know, and a Russian draft's few
    Latin words are often all known to the first. ``loaded`` is None when not installed.

    ``indexed``: until the dictionary is loaded, a word of letters its StemIndex answers is
    answered from it without loading the dictionary (the English dictionaries, asked by the
    Russian checks about a Latin word or two; ru_RU, asked about the words pymorphy3 does not know)."""

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
        if not self._done and self._indexed and word and _INDEX_LETTERS.issuperset(word):
            if self._index is None:
                base = find(self.name)
                self._index = (stem_index(base) if base is not None else None) or False
            if self._index is not False:
                known = self._index.answer(word)
                if known is not None:
                    return known
        return self._get_lookup(word)

    def _get_lookup(self, word: str) -> bool:
        d = self._get()
        return d is not None and d.lookup(word)

    def lookup_function(self):
        """``lookup`` for many words in a row (the one-edit search: ~1 400 lookups a word): the loaded
        dictionary's own method once it is loaded, without this wrapper's per-word tests (issue 13);
        before that, ``lookup`` itself (the same answers either way)."""
        if self._done:
            d = self.loaded
            return d.lookup if d is not None else _never
        return self.lookup

    def suggest(self, word: str) -> list[str]:
        d = self._get()
        return d.suggest(word) if d is not None else []


def _never(word: str) -> bool:
    return False


def load(name: str):
    """A dictionary object for ``name`` or None when the files are not installed."""
    base = find(name)
    if base is None:
        return None
    lib = _libhunspell()
    if lib is not None:
        return _CHunspell(lib, base)
    return _Spylls(base)
