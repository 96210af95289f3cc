"""Look-alike letters: a whole word typed in Latin letters inside Russian text (``adpecy``).

Each Latin letter is read as the Cyrillic letters it looks like, upright (Unicode's confusables:
a→а, c→с, e→е, o→о, p→р, x→х, y→у, B→В, H→Н…) or italic (d/g→д, u→и, n→п, m→т, r→г). When a
reading is a Russian dictionary word and the Latin spelling is not an English word, the word is
flagged; a single reading is the safe fix. Names, brands, acronyms (LPRC), e-mail and URL parts
are left alone: they do not read as Russian words or are not words checked here.
"""
from __future__ import annotations

from app.language.homoglyphs import maps
from app.language.spelling import speller
from app.language.words import words


_NOT_WORDS = {"Abbr", "Init", "Erro", "Dist"}


def _is_russian_word(ru, word: str) -> bool:
    w = word.lower()
    morph = ru.morph
    if morph is not None:
        if not morph.word_is_known(w):
            return False
        # An abbreviation or an initial is no evidence (una -> ипа).
        return any(not (_NOT_WORDS & set(p.tag.grammemes)) for p in morph.parse(w) if p.word == w)
    return ru.known(word)


def _foreign(w, m, ru) -> bool:
    """A Latin word that does not read as Russian: the neighbour is in a foreign phrase."""
    if w is None or w.cyrillic or not w.latin:
        return False
    readings = m.readings(w.text, m.lat_to_cyr_italic, limit=256)
    return not readings or not any(_is_russian_word(ru, r) for r in readings)


def check(doc, rule, ctx):
    m = maps(ctx)
    min_len = int(rule.options.get("min_length", 3))
    ru = en = None
    vocab = ctx.vocabulary if ctx is not None else None
    ws = words(doc)
    for i, w in enumerate(ws):
        text = w.text
        if w.cyrillic or not w.latin or w.has_digit or len(text) < min_len:
            continue
        if text != w.token and "-" in w.token:
            continue  # part of a compound such as e-mail or COVID-… ; not a Russian word
        if vocab is not None and vocab.accepts(text):
            continue
        upper = text.isupper()
        if upper and len(text) < 4:
            continue
        readings = m.readings(text, m.lat_to_cyr_italic, limit=256)
        if not readings:
            continue
        if ru is None:
            ru, en = speller(ctx, "ru"), speller(ctx, "en")
        if en.known(text):
            continue
        known = []
        for r in readings:
            if r not in known and _is_russian_word(ru, r):
                known.append(r)
        if not known:
            continue
        prev = ws[i - 1] if i > 0 and doc.text[ws[i - 1].end:w.start].strip(" ,") == "" else None
        nxt = ws[i + 1] if i + 1 < len(ws) and doc.text[w.end:ws[i + 1].start].strip(" ,") == "" else None
        if _foreign(prev, m, ru) or _foreign(nxt, m, ru):
            continue  # inside a Latin-script phrase (una renta básica)
        # Prefer upright readings (fewer italic substitutions) first.
        upright = set(m.readings(text, m.lat_to_cyr, limit=256) or [])
        known.sort(key=lambda r: (r not in upright,))
        yield rule.finding(doc, w.start, w.end, known, fix=known[0] if len(known) == 1 else None)
