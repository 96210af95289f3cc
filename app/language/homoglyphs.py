"""Look-alike letters between the Latin and Cyrillic scripts.

The upright pairs come from Unicode's confusables data (the ``confusable_homoglyphs`` package),
filtered to letters of the two alphabets a Russian or English keyboard produces. The italic map is
ours: in italic (and in handwriting-like fonts that OCR reads) Cyrillic ``д`` looks like ``g``/``d``,
``и`` like ``u``, ``п`` like ``n``, ``т`` like ``m``, ``г`` like ``r``.
"""
from __future__ import annotations

import itertools
import json
from pathlib import Path

# Letters we map between (Russian alphabet plus the Kazakh/Ukrainian і, ј, ѕ, ү, һ).
_CYR_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіІјЈѕЅүҮһҺ")
_LAT_LETTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

# Italic / handwriting shapes (Latin -> Cyrillic); not in Unicode's confusables.
ITALIC_LAT_TO_CYR = {
    "d": "д", "g": "д", "u": "и", "n": "п", "m": "т", "r": "г", "b": "ь",
}
# Whole Latin words read as Russian (wrong keyboard layout, OCR, handwriting): lower-case t, h, m, k
# stand for т, н, м, к as their capitals do (OCR and handwriting fonts), with a cost that orders the
# readings (0 upright twin, 1 lower-case twin of an upright capital, 2 italic shape).
WORD_LAT_TO_CYR = {
    "a": [("а", 0)], "c": [("с", 0)], "e": [("е", 0)], "o": [("о", 0)], "p": [("р", 0)], "x": [("х", 0)],
    "y": [("у", 0)], "k": [("к", 1)], "t": [("т", 1)], "h": [("н", 1)], "m": [("м", 1), ("т", 2)],
    "r": [("г", 1)], "b": [("ь", 2), ("в", 2)], "n": [("п", 2)], "u": [("и", 2)], "d": [("д", 2)], "g": [("д", 2)],
    "w": [("ш", 2)], "W": [("Ш", 1)],
    "A": [("А", 0)], "B": [("В", 0)], "C": [("С", 0)], "E": [("Е", 0)], "H": [("Н", 0)], "K": [("К", 0)],
    "M": [("М", 0)], "O": [("О", 0)], "P": [("Р", 0)], "T": [("Т", 0)], "X": [("Х", 0)], "Y": [("У", 0)],
}
# Two Latin letters for one Cyrillic letter (OCR and keyboard swaps: Mbl -> Мы, pa6otbl -> работы).
WORD_DIGRAPHS = {"bl": [("ы", 2)], "bI": [("ы", 2)], "b|": [("ы", 2)]}
# Digits that stand for letters in such words (only when the reading is a dictionary word).
WORD_DIGITS = {"3": [("з", 2)], "6": [("б", 2)], "0": [("о", 1)]}
WORD_LAT_TO_CYR.update(WORD_DIGITS)
WORD_LAT_TO_CYR["b"] = WORD_LAT_TO_CYR["b"] + [("б", 2)]
WORD_LAT_TO_CYR["U"] = [("И", 2)]

# Upright pairs Unicode does not list but every keyboard-swap produces.
EXTRA_LAT_TO_CYR = {"B": "В", "H": "Н", "M": "М", "T": "Т", "K": "К", "k": "к", "y": "у", "Y": "У"}


def _from_confusables() -> dict[str, set[str]]:
    """Latin letter -> Cyrillic look-alikes, both directions derived from the Unicode data."""
    import importlib.util

    from app.diskcache import cached

    # the package's folder without importing it (its version lookup costs ~8 ms, issue 13)
    spec = importlib.util.find_spec("confusable_homoglyphs")
    path = Path(next(iter(spec.submodule_search_locations))) / "confusables.json"
    # parsing the 2 MB JSON costs ~0.06 s a process: the pairs are kept on disk (issue 13)
    return cached("homoglyph-pairs", [path], lambda: _pairs(path))


def _pairs(path: Path) -> dict[str, set[str]]:
    data = json.loads(path.read_text("utf-8"))
    pairs: dict[str, set[str]] = {}
    for ch, entries in data.items():
        if len(ch) != 1:
            continue
        for entry in entries:
            other = entry.get("c", "")
            if len(other) != 1:
                continue
            if ch in _LAT_LETTERS and other in _CYR_LETTERS:
                pairs.setdefault(ch, set()).add(other)
            elif ch in _CYR_LETTERS and other in _LAT_LETTERS:
                pairs.setdefault(other, set()).add(ch)
    return pairs


class Maps:
    def __init__(self) -> None:
        upright = _from_confusables()
        for lat, cyr in EXTRA_LAT_TO_CYR.items():
            upright.setdefault(lat, set()).add(cyr)
        # Upright: the only mapping trusted for a safe fix of a mixed-script word.
        self.lat_to_cyr: dict[str, list[str]] = {k: sorted(v) for k, v in upright.items()}
        self.cyr_to_lat: dict[str, list[str]] = {}
        for lat, cyrs in upright.items():
            for c in cyrs:
                self.cyr_to_lat.setdefault(c, []).append(lat)
        # Upright plus italic shapes, for whole Latin words read as Russian words.
        self.lat_to_cyr_italic: dict[str, list[str]] = {k: list(v) for k, v in self.lat_to_cyr.items()}
        for lat, cyr in ITALIC_LAT_TO_CYR.items():
            lst = self.lat_to_cyr_italic.setdefault(lat, [])
            if cyr not in lst:
                lst.append(cyr)

    @staticmethod
    def word_readings(word: str, limit: int = 512) -> list[tuple[str, int]] | None:
        """Russian readings of a whole Latin word with their cost (WORD_LAT_TO_CYR, WORD_DIGRAPHS:
        bl -> ы), cheapest first; letters keep their case (Tenepb -> Теперь, not ТеперЬ). None when
        a letter has no Russian look-alike or there are too many readings."""
        # readings[i] = readings of word[:i]
        readings: list[list[tuple[str, int]]] = [[("", 0)]] + [[] for _ in word]
        for i in range(len(word)):
            if not readings[i]:
                continue
            steps = []
            o = WORD_LAT_TO_CYR.get(word[i])
            if o:
                steps.append((1, o))
            d = WORD_DIGRAPHS.get(word[i:i + 2])
            if d:
                steps.append((2, d))
            for n, opts in steps:
                for prefix, cost in readings[i]:
                    for c, w in opts:
                        readings[i + n].append((prefix + c, cost + w))
                if len(readings[i + n]) > limit:
                    return None
        out = list(dict.fromkeys(readings[len(word)]))
        if not out:
            return None
        out.sort(key=lambda x: x[1])
        return out

    @staticmethod
    def readings(word: str, table: dict[str, list[str]], limit: int = 64) -> list[str] | None:
        """Every spelling of ``word`` with each mapped letter replaced by one of its look-alikes;
        letters already of the target script stay. None when a letter has no look-alike."""
        options = []
        for ch in word:
            if ch in table:
                options.append(table[ch])
            else:
                options.append([ch])
        total = 1
        for o in options:
            total *= len(o)
        if total > limit:
            return None
        return ["".join(p) for p in itertools.product(*options)]


def maps(ctx=None) -> Maps:
    from app.language import get

    return get(ctx, "homoglyph.maps", Maps)
