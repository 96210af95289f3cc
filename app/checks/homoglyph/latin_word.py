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


def _is_russian_word(ru, word: str) -> bool:
    w = word.lower()
    morph = ru.morph
    if morph is not None:
        return morph.word_is_known(w)
    return ru.known(word)


def check(doc, rule, ctx):
    m = maps(ctx)
    min_len = int(rule.options.get("min_length", 3))
    ru = en = None
    vocab = ctx.vocabulary if ctx is not None else None
    for w in words(doc):
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
        # Prefer upright readings (fewer italic substitutions) first.
        upright = set(m.readings(text, m.lat_to_cyr, limit=256) or [])
        known.sort(key=lambda r: (r not in upright,))
        yield rule.finding(doc, w.start, w.end, known, fix=known[0] if len(known) == 1 else None)
