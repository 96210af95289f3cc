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
                from app.diskcache import cached

                packed = cached(f"zipf-sorted-{lang}", [path], lambda: _pack(_read(path)))
                table = _unpack(packed, path)
            _TABLES[lang] = table
    return _TABLES[lang]


class _Packed:
    """The word -> Zipf table as one sorted string of its words with arrays of their offsets and
    centi-Zipf numbers (issue 13), looked up by binary search: built in ~15 ms (Russian; the DAWG it
    replaces took ~70 ms to build, which every process paid whose cache had not ranked a word of
    that language yet) and loaded in ~1 ms. Every Zipf number of the table has two decimals
    (``_bucket_zipf``), so ``round(v / 100, 2)`` gives back the same float."""

    def __init__(self, packed: tuple, path: Path):
        _, self._words, offsets, values = packed
        from array import array

        self._off = array("I")
        self._off.frombytes(offsets)
        self._val = array("H")
        self._val.frombytes(values)
        self._n = len(self._val)
        self._path = path

    def get(self, word: str, default: float = 0.0) -> float:
        s, off = self._words, self._off
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) // 2
            k = s[off[mid]:off[mid + 1] - 1]
            if k < word:
                lo = mid + 1
            elif k > word:
                hi = mid
            else:
                return round(self._val[mid] / 100, 2)
        return default

    def __iter__(self):  # the listed words (tests)
        return iter(_read(self._path) or {})


def _pack(table: dict[str, float] | None):
    if table is None:
        return None
    from array import array

    from itertools import accumulate

    words = sorted(table)
    offsets = array("I", [0])
    offsets.extend(accumulate(len(w) + 1 for w in words))  # each word ends with a newline (none has one)
    cz = {z: int(round(z * 100)) for z in set(table.values())}
    values = array("H", [cz[table[w]] for w in words])
    return ("sorted", "".join(w + "\n" for w in words), offsets.tobytes(), values.tobytes())


def _unpack(packed, path: Path):
    if isinstance(packed, tuple) and packed[0] == "sorted":
        return _Packed(packed, path)
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
