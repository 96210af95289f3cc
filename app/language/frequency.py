"""Zipf frequencies of words from wordfreq's "small" lists, without importing wordfreq (issue 13).

``import wordfreq`` costs ~0.4 CPU-s (langcodes, ftfy, regex, its tokenizers) — more than a cold
lint of a one-page draft should take in all. For a plain word (letters only, lower case: what the
spelling checks ask about) wordfreq's answer is the frequency of its bucket in the cBpack file, so
that file is read here directly (gzip + msgpack, ~5 ms for English, ~20 ms for Russian; then kept
by app.diskcache) and the number computed with wordfreq's own formulas. Anything else (spaces, digits, apostrophes,
hyphens) still goes to wordfreq itself. tests/test_frequency.py compares the two.
"""
from __future__ import annotations

import math
import re
import threading
from functools import lru_cache
from pathlib import Path

_LOCK = threading.Lock()
_TABLES: dict[str, dict[str, float] | None] = {}


def _data_file(lang: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(list(spec.submodule_search_locations)[0]) / "data" / f"small_{lang}.msgpack.gz"
    return p if p.is_file() else None


@lru_cache(maxsize=None)
def _bucket_zipf(index: int) -> float:
    """wordfreq's zipf_frequency for a one-token word in bucket ``index`` (-index centibels)."""
    freq = 10 ** (-index / 100)  # cB_to_freq
    leading_zeroes = math.floor(-math.log(freq, 10))
    freq = round(freq, leading_zeroes + 3)  # _word_frequency's rounding to 3 significant digits
    return round(math.log(freq, 10) + 9, 2)  # freq_to_zipf, rounded as zipf_frequency does


def _table(lang: str) -> dict[str, float] | None:
    if lang in _TABLES:
        return _TABLES[lang]
    with _LOCK:
        if lang not in _TABLES:
            path = _data_file(lang)
            if path is None:
                table = None
            else:
                from app.diskcache import cached, peek

                # the sorted table when a process kept it, else the buckets as they are (issue 13)
                packed = peek(f"zipf-bytes-{lang}", [path])
                if packed is None:
                    packed = cached(f"zipf-blob-{lang}", [path], lambda: _blob_file(path))
                table = _unpack(packed, path, lang)
            _TABLES[lang] = table
    return _TABLES[lang]


# Lookups a process makes in the buckets themselves before it sorts the table (and keeps it sorted
# in the disk cache): a spelling check ranks a few dozen words a corpus, a web worker thousands.
BLOB_LOOKUPS = 64


class _Blob:
    """The word -> Zipf table as wordfreq's buckets joined into one byte string (issue 13): built in
    ~10 ms from the cBpack file (the sorted ``_Packed`` takes ~70 ms, which every process paid whose
    cache had not ranked a word of that language yet, for the few dozen words a corpus asks about).
    A word is found by searching the string from its end (a later bucket wins, as in wordfreq);
    each search reads up to the whole string (~0.1-0.4 ms for Russian), so after ``BLOB_LOOKUPS``
    lookups the table is sorted once and kept sorted in the disk cache for the next processes."""

    def __init__(self, packed: tuple, path: Path, lang: str):
        _, self._blob, starts = packed
        from array import array

        self._starts = array("I")
        self._starts.frombytes(starts)
        self._path = path
        self._lang = lang
        self._lookups = 0
        self._sorted: _Packed | None = None

    def get(self, word: str, default: float = 0.0) -> float:
        if self._sorted is not None:
            return self._sorted.get(word, default)
        self._lookups += 1
        if self._lookups > BLOB_LOOKUPS:
            self._sort()
            if self._sorted is not None:
                return self._sorted.get(word, default)
        if not word or "\n" in word:
            return default  # (no word of the file is empty or holds the separator)
        try:
            key = b"\n" + word.encode("utf-8") + b"\n"
        except UnicodeEncodeError:
            return default
        at = self._blob.rfind(key)
        if at < 0:
            return default
        from bisect import bisect_right

        return _bucket_zipf(bisect_right(self._starts, at) - 1)

    def _sort(self) -> None:
        from app.diskcache import cached

        path = self._path
        packed = cached(f"zipf-bytes-{self._lang}", [path], lambda: _pack_file(path))
        if isinstance(packed, tuple) and packed[0] == "bytes":
            self._sorted = _Packed(packed, path)
        else:
            self._lookups = -(1 << 62)  # (not readable now: keep searching the buckets)

    def __iter__(self):  # the listed words (tests)
        return iter(_read(self._path) or {})


class _Packed:
    """The word -> Zipf table as one sorted byte string of its words (UTF-8, each ending with a
    newline) with arrays of their offsets and bucket numbers (issue 13), looked up by binary search.
    Built straight from the cBpack file's bytes (msgpack without decoding a string, one dict update
    per bucket, a sort of byte strings: ~15 ms for Russian, against ~75 ms for the sorted str table
    of text and centi-Zipf values it replaces, which every process paid whose cache had not ranked
    a word of that language yet) and loaded in ~1 ms. UTF-8 byte order is code-point order, so the
    words sort as their text does; a bucket's number is wordfreq's own (``_bucket_zipf``)."""

    def __init__(self, packed: tuple, path: Path):
        _, self._words, offsets, buckets = packed
        from array import array

        self._off = array("I")
        self._off.frombytes(offsets)
        self._val = array("H")
        self._val.frombytes(buckets)
        self._n = len(self._val)
        self._path = path

    def get(self, word: str, default: float = 0.0) -> float:
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:
            return default  # (a lone surrogate: no word of the file)
        s, off = self._words, self._off
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) // 2
            k = s[off[mid]:off[mid + 1] - 1]
            if k < key:
                lo = mid + 1
            elif k > key:
                hi = mid
            else:
                return _bucket_zipf(self._val[mid])
        return default

    def __iter__(self):  # the listed words (tests)
        return iter(_read(self._path) or {})


def _buckets(path: Path) -> list | None:
    """The buckets of one cBpack file as lists of UTF-8 byte strings, most frequent first, or None
    when it cannot be read (as ``_read``)."""
    try:
        import gzip

        import msgpack

        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=True)
    except (OSError, ValueError, ImportError):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get(b"format") != b"cB" or header.get(b"version") != 1:
        return None
    try:
        for bucket in data[1:]:
            b"\n".join(bucket).decode("utf-8")  # as ``_read``: a file whose strings are not UTF-8 is not read
    except (TypeError, UnicodeDecodeError):
        return None
    return data[1:]


def _pack_file(path: Path):
    """The packed table of one cBpack file, or None when it cannot be read (as ``_read``)."""
    data = _buckets(path)
    if data is None:
        return None
    table: dict[bytes, int] = {}
    for index, bucket in enumerate(data):
        table.update(dict.fromkeys(bucket, index))  # as get_frequency_dict: a later bucket wins
    from array import array
    from itertools import accumulate

    words = sorted(table)
    offsets = array("I", [0])
    offsets.extend(accumulate(len(w) + 1 for w in words))  # each word ends with a newline (none has one)
    buckets = array("H", map(table.__getitem__, words))
    return ("bytes", b"\n".join(words) + b"\n", offsets.tobytes(), buckets.tobytes())


def _blob_file(path: Path):
    """The buckets of one cBpack file as ``_Blob`` keeps them, or None when it cannot be read (as
    ``_read``) or a word holds a newline (the separator; none does: then the sorted table)."""
    data = _buckets(path)
    if data is None:
        return None
    parts = [b"\n".join(bucket) for bucket in data]
    if any(p.count(b"\n") != len(bucket) - 1 for p, bucket in zip(parts, data) if bucket):
        return _pack_file(path)
    from array import array

    # bucket k starts right after the newline at starts[k] (an empty bucket: an empty run)
    starts = array("I")
    at = 0
    for p in parts:
        starts.append(at)
        at += len(p) + 1
    return ("blob", b"\n" + b"\n".join(parts) + b"\n", starts.tobytes())


def _unpack(packed, path: Path, lang: str):
    if isinstance(packed, tuple) and packed[0] == "bytes":
        return _Packed(packed, path)
    if isinstance(packed, tuple) and packed[0] == "blob":
        return _Blob(packed, path, lang)
    return packed


def _read(path: Path) -> dict[str, float] | None:
    """The word -> Zipf table of one cBpack file (None when it cannot be read)."""
    try:
        import gzip

        import msgpack

        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=False)
    except (OSError, ValueError, ImportError):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table = {}
    for index, bucket in enumerate(data[1:]):
        z = _bucket_zipf(index)
        for w in bucket:
            table[w] = z  # as get_frequency_dict: a later bucket wins
    return table


def _plain(word: str, lang: str) -> bool:
    if not word or not word.isalpha() or word != word.lower():
        return False
    if lang == "en":
        return word.isascii()
    if lang == "ru":
        return all("а" <= ch <= "я" or ch == "ё" for ch in word)
    return False


def _combined(zs: list[float]) -> float:
    """wordfreq's frequency of several tokens (1/f = 1/f1 + 1/f2 + …), rounded as it rounds."""
    if any(z == 0.0 for z in zs):
        return 0.0  # a token it does not list: the minimum
    freq = 1.0 / sum(1.0 / 10 ** (z - 9) for z in zs)
    leading_zeroes = math.floor(-math.log(freq, 10))
    freq = round(freq, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


# An English word with a clitic (the possessives and contractions Hunspell suggests: chafe's,
# they'll): wordfreq keeps it one token, so its number is the table's (tests/test_frequency.py).
_CLITIC_EN = re.compile(r"[a-z]+(?:'(?:s|ll|re|ve|d)|n't)")


def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang, wordlist="small")``."""
    if _plain(word, lang) or (lang == "en" and _CLITIC_EN.fullmatch(word)):
        table = _table(lang)
        if table is not None:
            return table.get(word, 0.0)
    parts = word.replace("-", " ").split(" ")
    if len(parts) > 1 and all(_plain(p, lang) for p in parts):
        table = _table(lang)
        if table is not None:  # "green way", "down-payment": the split the suggester offers
            return _combined([table.get(p, 0.0) for p in parts])
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="small")
