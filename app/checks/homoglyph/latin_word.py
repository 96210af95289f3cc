"""Look-alike letters: a whole word typed in Latin letters inside Russian text (``adpecy``).

Each Latin letter is read as the Cyrillic letters it looks like, upright (Unicode's confusables:
a→а, c→с, e→е, o→о, p→р, x→х, y→у, B→В, H→Н…) or italic (d/g→д, u→и, n→п, m→т, r→г). When a
reading is a Russian dictionary word and the Latin spelling is not an English word, the word is
flagged; a single reading is the safe fix. Regional terms and names of the accept vocabulary
(rules/vocab/central-asia: «Xokum» → «Хоким») count as Russian words. Names, brands, acronyms (LPRC), e-mail and URL parts
are left alone: they do not read as Russian words or are not words checked here.
"""
from __future__ import annotations

from app.language import CYR, LAT
from app.language.homoglyphs import WORD_DIGITS, maps
from app.language.spelling import speller
from app.language.words import Word, words


_NOT_WORDS = {"Abbr", "Init", "Erro", "Dist"}


def _is_russian_word(ru, word: str) -> bool:
    w = word.lower()
    morph = ru.morph
    if morph is not None:
        if not morph.word_is_known(w):
            return False
        # An abbreviation or an initial is no evidence (una -> ипа). A word written with е for ё
        # is the same word (napthepob -> партнеров: pymorphy3 reads it as «партнёров»).
        return any(not (_NOT_WORDS & set(p.tag.grammemes)) for p in morph.parse(w)
                   if p.word == w or p.word.replace("ё", "е") == w)
    return ru.known(word)


def _digits_as_letters(text: str) -> bool:
    """pa6ota, 3aboд: digits standing for б, з, о inside a lower-case word (codes such as A4,
    H2O, EU4Business are not: a capital or another digit)."""
    digits = [c for c in text if c.isdigit()]
    letters = [c for c in text if c.isalpha()]
    return bool(digits) and set(digits) <= set(WORD_DIGITS) and len(letters) >= 3 and len(digits) <= 2 \
        and text[1:].islower() and not text[0].isdigit() and not text[-1].isdigit()


def _between_russian(doc, ws, i) -> bool:
    """The words right before and after ``ws[i]`` are Cyrillic, with only spaces between."""
    if i + 1 >= len(ws):
        return False
    w, b = ws[i], ws[i + 1]
    if not (b.cyrillic and not b.latin and doc.text[w.end:b.start].strip(" \u00a0") == ""):
        return False
    if i == 0:
        return True
    a = ws[i - 1]
    gap = doc.text[a.end:w.start]
    if a.cyrillic and not a.latin and gap.strip(" \u00a0") == "":
        return True
    # the first word of a sentence or a line after Russian text: «… года. He удалось …»
    return a.cyrillic and not a.latin and (gap.strip(" \u00a0\n") in (".", "!", "?", "…") or "\n" in gap)


def _foreign(w, m, ru) -> bool:
    """A Latin word that does not read as Russian: the neighbour is in a foreign phrase (an
    acronym such as UNDP is not a phrase)."""
    if w is None or w.cyrillic or not w.latin or w.text.isupper() or w.has_digit:
        return False
    readings = m.readings(w.text, m.lat_to_cyr_italic, limit=256) or []
    # the readings the check itself uses too (t, h, k, m as т, н, к, м): «npoekta ompemohtupobaho»
    # are two Russian words, not a foreign phrase
    readings += [r for r, _ in (m.word_readings(w.text) or [])]
    return not readings or not any(_is_russian_word(ru, r) for r in readings)


def _cyrillic_caps(doc) -> str:
    """The document's Cyrillic words in capitals (ПРООН, ООН, ЕС), joined: looked up by substring."""
    hit = doc.meta.get("_latin_word_cyr_caps")
    if hit is None:
        import re

        hit = doc.meta["_latin_word_cyr_caps"] = " ".join(re.findall(r"(?<![\w-])[А-ЯЁ]{2,12}(?![\w-])", doc.text))
    return hit


def _cyrillic_acronym(doc, m, ctx, text: str) -> str | None:
    """An acronym typed in Latin capitals that all have an upright Cyrillic twin («Программа
    развития OOH» for ООН): its Cyrillic reading is a Russian abbreviation that the document itself
    writes in Cyrillic (ООН, also inside ПРООН), and the Latin string is no acronym of the text's
    (not defined in brackets, not in the organisations' aliases). "BBC", "ABC" stay: their
    readings (ВВС) are not written in Cyrillic there."""
    import re

    readings = [r for r, cost in (m.word_readings(text) or []) if cost == 0]
    if len(readings) != 1:
        return None
    r = readings[0]
    if r not in _cyrillic_caps(doc):
        return None
    from app.language.orgs import alias_groups

    if any(text == g for group in alias_groups() for g in group):
        return None
    if re.search(r"\(\s*" + re.escape(text) + r"\s*[),]", doc.text):
        return None  # the text defines the Latin acronym
    ru = speller(ctx, "ru")
    if ru.morph is None:
        return None
    vocab = ctx.vocabulary if ctx is not None else None
    abbr = any("Abbr" in p.tag.grammemes for p in ru.morph.parse(r.lower()) if p.is_known)
    return r if abbr or (vocab is not None and vocab.accepts(r)) else None


def _part_ok(w) -> bool:
    """A Latin part of a hyphenated token is checked when the other parts are Cyrillic
    («mectho-государственный»); e-mail, COVID-19 and other Latin compounds are not."""
    parts = [p for p in w.token.replace("‑", "-").split("-") if p]
    others = [p for p in parts if p != w.text]
    return bool(others) and all(CYR.search(p) and not LAT.search(p) for p in others)


def check(doc, rule, ctx):
    m = maps(ctx)
    min_len = int(rule.options.get("min_length", 3))
    ru = en = None
    vocab = ctx.vocabulary if ctx is not None else None
    ws = words(doc)
    for i, w in enumerate(ws):
        if w.has_digit:
            # pa6ota, 3aboд: the word is split at its digits; its whole token is read once
            tok = w.token
            if w.start != w.token_start or "-" in tok or "‑" in tok or not _digits_as_letters(tok) \
                    or CYR.search(tok):
                continue
            w = Word(w.token_start, w.token_start + len(tok), tok, tok, w.token_start, True)
        text = w.text
        if w.cyrillic or not w.latin or len(text) < 2:
            continue
        short = len(text) < min_len
        compound = text != w.token and "-" in w.token.replace("‑", "-")
        if compound and not _part_ok(w):
            continue  # part of a Latin compound such as e-mail or COVID-…; not a Russian word
        if vocab is not None and vocab.accepts(text):
            continue
        upper = text.isupper()
        if upper and 3 <= len(text) <= 6 and not compound:
            acr = _cyrillic_acronym(doc, m, ctx, text)
            if acr:
                yield rule.finding(doc, w.start, w.end, [acr], fix=acr)
                continue
        if upper and len(text) < 4:
            continue
        readings = m.word_readings(text)
        if not readings:
            continue
        # «He удалось», «Ha встрече»: a short or English-looking word only between two Russian
        # words of the sentence, and only when every letter has an upright twin
        hidden = upper or len(text) > 5 or not _between_russian(doc, ws, i)
        if short and hidden:
            continue
        if ru is None:
            ru = speller(ctx, "ru")

        def russian(r: str) -> bool:
            return _is_russian_word(ru, r) or (compound and ru.compound_part(r)) \
                or (vocab is not None and len(r) >= 4 and vocab.accepts(r))

        if not any(russian(r) for r, _ in readings):
            continue  # no reading is a Russian word (the tests below keep a subset of them)
        if not short:
            if en is None:
                en = speller(ctx, "en", load=False)  # English dictionaries only for a word that reads as Russian (issue 13)
            english = en.known(text) or (upper and en.known(text.lower()))
        if short or english:
            if hidden:
                continue
            readings = [(r, c) for r, c in readings if c == 0]
            if not readings:
                continue
        known: list[str] = []
        best_cost = None
        n_best = 0
        for r, cost in readings:
            if r not in known and russian(r):
                known.append(r)
                if best_cost is None:
                    best_cost = cost
                if cost == best_cost:
                    n_best += 1
        if not known:
            continue
        prev = ws[i - 1] if i > 0 and doc.text[ws[i - 1].end:w.start].strip(" ,") == "" else None
        nxt = ws[i + 1] if i + 1 < len(ws) and doc.text[w.end:ws[i + 1].start].strip(" ,") == "" else None
        if _foreign(prev, m, ru) or _foreign(nxt, m, ru):
            continue  # inside a Latin-script phrase (una renta básica)
        # the cheapest reading (fewest italic shapes) is the fix when it is the only one at its cost
        yield rule.finding(doc, w.start, w.end, known, fix=known[0] if n_best == 1 else None)
