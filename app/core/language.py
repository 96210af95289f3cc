"""Language detection from the script and common words: ``ru`` or ``en``."""
from __future__ import annotations

import re

SUPPORTED = ("ru", "en")
_RU_COMMON = set("и в на с по для не что это как из от к о за при года также".split())
_EN_COMMON = set("the and of to in for is on with that by as at from this will was".split())
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "ru") -> str:
    cyr = lat = 0
    ru_hits = en_hits = 0
    for m in _WORD.finditer(text[:200_000]):
        w = m.group(0)
        lw = w.lower()
        if lw in _RU_COMMON:
            ru_hits += 1
        elif lw in _EN_COMMON:
            en_hits += 1
        first = w[0]
        if "\u0400" <= first <= "\u04ff":
            cyr += len(w)
        elif first.isascii():
            lat += len(w)
    if cyr == 0 and lat == 0:
        return default
    score_ru = cyr + 20 * ru_hits
    score_en = lat + 20 * en_hits
    return "ru" if score_ru >= score_en else "en"
