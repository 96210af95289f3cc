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
    done_tokens = set()
    for w in words(doc):
        part = w.text
        if w.has_digit and w.token_start not in done_tokens:
            done_tokens.add(w.token_start)
            f = _with_digits(doc, rule, m, ctx, w)
            if f is not None:
                done_tokens.add(("found", w.token_start))
                yield f
                continue
        if ("found", w.token_start) in done_tokens:
            continue
        if not (w.cyrillic and w.latin):
            continue
        n_cyr = len(CYR.findall(part))
        n_lat = len(LAT.findall(part))
        to_cyr = m.readings(part, m.lat_to_cyr) or []
        to_lat = m.readings(part, m.cyr_to_lat) or []
        to_cyr = [r for r in to_cyr if not LAT.search(r)]
        to_lat = [r for r in to_lat if not CYR.search(r)]
        if ru is None:
            ru, en = speller(ctx, "ru"), speller(ctx, "en", load=False)
        known = [r for r in to_cyr if ru.known(r)] + [r for r in to_lat if en.known(r)]
        if len(known) == 1:
            yield rule.finding(doc, w.start, w.end, known, fix=known[0])
            continue
        if known:
            yield rule.finding(doc, w.start, w.end, known)
            continue
        if n_cyr >= n_lat or doc.language == "ru":
            # italic and handwritten shapes of the Latin letters (n → п, u → и, g → д, m → т):
            # «nogBeдeны» → подведены, suggested, never fixed
            from app.language.homoglyphs import WORD_LAT_TO_CYR

            table = {k: [c for c, _ in v] for k, v in WORD_LAT_TO_CYR.items() if not k.isdigit()}
            italic = [_lower_tail(r) for r in (m.readings(part, table, limit=256) or []) if not LAT.search(r)]
            italic = [r for r in dict.fromkeys(italic) if ru.known(r)]
            if italic:
                yield rule.finding(doc, w.start, w.end, italic[:3])
                continue
        # No dictionary reading (a name?): suggest the majority script, never fix.
        prefer_cyr = n_cyr > n_lat or (n_cyr == n_lat and doc.language == "ru")
        first, second = (to_cyr, to_lat) if prefer_cyr else (to_lat, to_cyr)
        sugg = (first or second)[:1]
        yield rule.finding(doc, w.start, w.end, sugg)


def _with_digits(doc, rule, m, ctx, w):
    """«3aвoде»: Latin letters and digits standing for з, б, о in a Cyrillic word (OCR, a
    keyboard swap). The whole token, its digits and Latin letters read as Cyrillic, is a
    dictionary word: that is the suggestion."""
    from app.language.homoglyphs import WORD_DIGITS

    tok = w.token
    if "-" in tok or "‑" in tok or not CYR.search(tok):
        return None
    digits = [c for c in tok if c.isdigit()]
    letters = [c for c in tok if c.isalpha()]
    if not digits or len(digits) > 2 or not set(digits) <= set(WORD_DIGITS) or len(letters) < 4 \
            or not "".join(letters).islower() or tok[-1].isdigit():
        return None
    plain = "".join(WORD_DIGITS[c][0][0] if c.isdigit() else c for c in tok)
    cands = [r for r in (m.readings(plain, m.lat_to_cyr) or []) if not LAT.search(r)]
    ru = speller(ctx, "ru")
    known = [r for r in cands if ru.known(r)]
    if not known:
        return None
    return rule.finding(doc, w.token_start, w.token_start + len(tok), known[:3],
                        fix=known[0] if len(known) == 1 else None)


def _lower_tail(word: str) -> str:
    """«подВедены» → «подведены»: a capital inside a lower-case word came from a Latin capital."""
    if len(word) > 1 and sum(c.islower() for c in word[1:]) > sum(c.isupper() for c in word[1:]):
        return word[0] + word[1:].lower()
    return word
