"""Look-alike letters: a word mixing Latin and Cyrillic letters (``прoект`` with a Latin o).

The suggestion replaces the letters of the minority script by their look-alikes. When exactly one
such reading is a dictionary word, it is also the safe fix.
"""
from __future__ import annotations

from app.language import CYR, LAT
from app.language.homoglyphs import maps
from app.language.spelling import speller
from app.language.words import words


def _readings(part: str, table) -> list[str]:
    return maps().readings(part, table) or []


def check(doc, rule, ctx):
    m = maps(ctx)
    ru = en = None
    for w in words(doc):
        part = w.text
        if not (w.cyrillic and w.latin):
            continue
        n_cyr = len(CYR.findall(part))
        n_lat = len(LAT.findall(part))
        to_cyr = m.readings(part, m.lat_to_cyr) or []
        to_lat = m.readings(part, m.cyr_to_lat) or []
        to_cyr = [r for r in to_cyr if not LAT.search(r)]
        to_lat = [r for r in to_lat if not CYR.search(r)]
        if ru is None:
            ru, en = speller(ctx, "ru"), speller(ctx, "en")
        known = [r for r in to_cyr if ru.known(r)] + [r for r in to_lat if en.known(r)]
        if len(known) == 1:
            yield rule.finding(doc, w.start, w.end, known, fix=known[0])
            continue
        if known:
            yield rule.finding(doc, w.start, w.end, known)
            continue
        # No dictionary reading (a name?): suggest the majority script, never fix.
        prefer_cyr = n_cyr > n_lat or (n_cyr == n_lat and doc.language == "ru")
        first, second = (to_cyr, to_lat) if prefer_cyr else (to_lat, to_cyr)
        sugg = (first or second)[:1]
        yield rule.finding(doc, w.start, w.end, sugg)
