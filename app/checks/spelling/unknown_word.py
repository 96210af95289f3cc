"""Spelling: words no dictionary knows, with ranked suggestions (Russian and English, offline).

Severity follows how sure we are that it is a typo:
- a lowercase word (or the first word of a sentence) one edit from a dictionary word: error;
- a lowercase word two edits from a dictionary word: warning;
- anything else we do not know (names, places, capitalised words, rare terms): info.
Never flagged: acronyms, words with digits, e-mail and URL parts, accepted vocabulary, words in
another script than the document's (that is the homoglyph checks' business).
"""
from __future__ import annotations

import time

import re

from app.language import REGIONAL_LETTERS, in_spans, kazakh_blocks, sentence_starts
from app.language.spelling import clean, speller
from app.language.words import Word, is_acronym, words


def _severity(word: str, at_start: bool, best: float | None, close: float, near: float, start_close: float) -> str:
    lower = word[:1].islower()
    if best is None:
        return "info"
    if lower:
        if best <= close:
            return "error"
        if best <= near:
            return "warning"
    elif at_start and best <= start_close:
        return "error"  # Предистория at a sentence start: a by-ear confusion, not a name
    return "info"


# "Ft. Benning", "г. Талдыкорган": a capital after an abbreviation does not start a sentence.
_AFTER_ABBREVIATION = re.compile(r"(?:^|[\s(])(?P<abbr>[A-Za-zА-Яа-яЁё]{1,3})\.\s*$")
# short abbreviations that are also words, or are no dictionary word at all, written before a name
_ABBREVIATIONS = {"ул", "им", "тел", "обл", "каб", "кв", "пр", "пер", "корп", "стр", "ст", "мкр", "гор", "пос", "св",
                  "tel", "ext", "no", "st", "dr", "mr", "ms", "mrs", "ft", "vs", "etc", "jr", "sr", "prof", "gen", "col"}


def _after_abbreviation(doc, sp, start: int, vocab=None) -> bool:
    """A capital after «г.», "Ft.", "Dr." does not start a sentence; after a short word ending a
    sentence ("The committee met. Governmnet agreed", «… в этот день. Учасники») it does."""
    m = _AFTER_ABBREVIATION.search(doc.text, max(0, start - 8), start)
    if m is None:
        return False
    a = m.group("abbr")
    if len(a) == 1 or a.lower() in _ABBREVIATIONS:
        return True
    return not (sp.known(a) or sp.accepted(a, vocab))  # "in Osh. Participants …": a place ends the sentence


def _is_split(word: str, suggestion: str) -> bool:
    """The suggestion only splits the word (супер тяжеловес, carry-back): a compound, not a typo."""
    return suggestion.replace(" ", "").replace("-", "").lower() == word.lower() and suggestion.lower() != word.lower()


# Blocks where a capital says nothing about a name: table cells, headings, page headers and footers,
# text boxes (labels, column heads, "Page 1 of 2").
_STRUCTURAL = {"table-cell", "heading", "header", "footer", "textbox"}


# Text boxes, page headers and footers hold labels ("Programe office") but also whole paragraphs
# ("About the project: …"): in a paragraph a capital mid-sentence is a name, as in the body.
_PROSE_BOXES = {"textbox", "header", "footer"}


def _prose(doc, b) -> bool:
    """A block of running text: a dozen words or more and a sentence's full stop."""
    text = doc.text[b.start:b.end]
    return len(text.split()) >= 12 and bool(re.search(r"[a-zа-яё][.!?]\s", text + " "))


def _caps_block(doc, w) -> bool:
    """The word stands in a line written in capitals (a label, a headline): ПРЕСС-РЕЛИЗ, ФЕРМЕРЫ …"""
    b = doc.block_at(w.start)
    if b is None:
        return False
    known = doc.meta.setdefault("_spelling_caps_blocks", {})  # once per block, not per word (issue 13)
    hit = known.get((b.start, b.end))
    if hit is None:
        letters = [ch for ch in doc.text[b.start:b.end] if ch.isalpha()]
        hit = known[(b.start, b.end)] = len(letters) >= 5 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    return hit


def _heading_like(doc, w) -> bool:
    b = doc.block_at(w.start)
    if b is None:
        return False
    if b.kind in _STRUCTURAL:
        return b.kind not in _PROSE_BOXES or not _prose(doc, b) or _block_start(doc, w)
    from app.checks.structure.parts import structure

    h = structure(doc).headline
    if h is not None and h.start <= w.start < h.end:
        return True
    return _section_heading(doc, b)


_HEADING_LINE = re.compile(r"[^\W\d_][^\d@,;.!?:()\[\]\n]{2,60}")
_HEADING_GLUE = {"to", "for", "of", "the", "about", "and", "on", "in", "at", "о", "об", "для", "и", "по", "в", "к", "с"}


def _section_heading(doc, b) -> bool:
    """A short line of its own between paragraphs ("Notes to Edtors", «Информация для редакторов»): at most
    eight words, no digits, e-mail or punctuation, at least one small lower-case word (so a line of a name,
    "Meerim Asanova", is not one), and a longer block after it."""
    if b.kind != "paragraph" or b.end - b.start > 80:
        return False
    seen = doc.meta.setdefault("_spelling_section_headings", {})  # once per block (linear)
    if b.start in seen:
        return seen[b.start]
    text = doc.text[b.start:b.end].strip()
    ok = bool(_HEADING_LINE.fullmatch(text)) and len(text.split()) <= 8 \
        and any(x in _HEADING_GLUE for x in text.split()[1:])
    if ok:
        i = b.index
        nxt = doc.blocks[i + 1] if 0 <= i < len(doc.blocks) - 1 and doc.blocks[i] is b else None
        ok = nxt is not None and nxt.end - nxt.start > len(text)
    seen[b.start] = ok
    return ok


def _token_suggestion(w, part_suggestion: str) -> tuple[int, int, str]:
    """A typo in one part of a hyphenated token (ПРЕСС-РЕЛИС): the whole token and its repair."""
    rel = w.start - w.token_start
    token = w.token
    return w.token_start, w.token_start + len(token), token[:rel] + part_suggestion + token[rel + len(w.text):]


_FIRST_LETTER = re.compile(r"[ \u00a0]*([^\W\d_])")


def check(doc, rule, ctx):
    lang = doc.language
    sp = speller(ctx, lang)
    vocab = ctx.vocabulary if ctx is not None else None
    starts = sentence_starts(doc)
    opts = rule.options
    close = float(opts.get("close", 1.0))
    start_close = float(opts.get("start_close", 0.5))
    near = float(opts.get("near", 2.0))
    min_len = int(opts.get("min_length", 3))
    common_zipf = float(opts.get("common_zipf", 3.0))
    # A name mid-sentence says it is a name: the same word at a sentence start is one too.
    # (not in an English headline, which capitalises every word: "Border Managment Centre"; a
    # Russian headline is written like a sentence, so a capital there is a name: «Школы Хаита»)
    names = set()
    ws = words(doc)
    from app.checks.structure.parts import structure

    parts = structure(doc)
    headline = parts.headline if lang == "en" else None
    if parts.dateline is not None:
        # «Тараз, 18 сентября 2025 г. — Семинр для …»: the lead's first word after its dateline starts its sentence
        m = _FIRST_LETTER.match(doc.text, parts.dateline.end)
        lead_start = m.start(1) if m else -1
    else:
        lead_start = -1
    for w in ws:
        if w.text[:1].isupper() and w.token_start not in starts and w.token_start != lead_start and not w.text.isupper():
            if headline is not None and headline.start <= w.start < headline.end:
                continue
            b = doc.block_at(w.start)
            if lang == "en" and b is not None and _section_heading(doc, b):
                continue  # "Notes to Edtors": an English heading capitalises its words too
            if b is None or b.kind not in _STRUCTURAL or (b.kind in _PROSE_BOXES and _prose(doc, b)):
                names.add(w.text)
    # Hunspell's suggester is slow (~50 ms a Russian word): a draft full of unknown words (another
    # language, a transliteration) gets it for the first second only; the rest still get the
    # one-edit dictionary suggestions.
    budget = float(opts.get("suggest_budget_seconds", 1.0))
    kazakh = kazakh_blocks(doc) if lang == "ru" else []
    spent = 0.0
    caps_min = int(opts.get("caps_min_length", 4))
    # A word (not in capitals) already found known in this document: every other occurrence of it
    # is skipped or known too, whatever stands around it (issue 13: most words repeat).
    known_texts: set[str] = set()
    slipped = {}
    if lang == "ru" or lang == "en":
        from app.checks.spelling.phrases import slips

        slipped = {w.start: (w, s) for w, s in slips(doc, ws, starts, opts.get("fixed_phrases"))}
    for w, s in slipped.values():
        yield rule.finding(doc, w.start, w.end, [s], severity="error")
    for w in ws:
        if w.start in slipped:
            continue
        text = w.text
        if text in known_texts:
            continue
        caps = text.isupper() and len(text) >= caps_min
        if w.has_digit or len(text) < min_len or (is_acronym(text) and not (caps and _caps_block(doc, w))):
            continue
        if doc.text.startswith(".", w.end) and _DOTTED_AFTER.match(doc.text[w.end:w.end + 3]):
            continue  # GLOBALG.A.P.: a name written with dotted letters
        if lang == "ru" and (not w.cyrillic or w.latin):
            continue
        if lang == "ru" and (REGIONAL_LETTERS.search(text) or in_spans(kazakh, w.start, w.end)):
            continue  # Kazakh, Kyrgyz, Tajik, Uzbek: no Russian dictionary can judge it
        if lang == "en" and (w.cyrillic or not w.latin):
            continue
        plain = clean(text)
        if caps:
            token = clean(w.token)
            if "-" in token and token.isupper() and not sp.known(token.lower()):
                # ПРЕС-РЕЛИЗ: each part may be a word, the compound is not; judged once, as a whole
                if w.start != w.token_start:
                    continue
                whole = Word(w.token_start, w.token_start + len(w.token), w.token, w.token, w.token_start, False)
                f = _capitalised(doc, rule, sp, whole, token.lower(), True, True, names, close, common_zipf,
                                 slow=spent < budget)
                if f is not None and f.severity != "info":
                    yield f
                    continue
            title = plain[:1] + plain[1:].lower()
            if sp.accepted(plain, vocab) or sp.accepted(title, vocab) or title in names or sp.known(title):
                continue  # a name in capitals (OHIO; FRIST when the text writes Frist elsewhere)
            plain = plain.lower()  # a word in a capitals line: check it as the word it spells
        if sp.known(plain):
            if not caps:
                known_texts.add(text)
            continue
        if sp.accepted(plain, vocab) or (plain != w.token and sp.accepted(w.token, vocab)):
            continue
        if plain != w.token and "-" in w.token and sp.known(clean(w.token)):
            continue
        if w.end < w.token_start + len(w.token) and w.token[w.end - w.token_start:][:1] in "-‑" \
                and sp.compound_part(plain):
            continue
        at_start = w.start == w.token_start and (w.token_start in starts and not _after_abbreviation(doc, sp, w.start, vocab)
                                                 or w.token_start == lead_start)
        capital = plain[:1].isupper()
        if capital or caps:
            f = _capitalised(doc, rule, sp, w, plain, caps, at_start, names, close, common_zipf,
                             slow=spent < budget)
            if f is not None:
                yield f
            continue
        if _combining_compound(sp, plain, lang):
            continue  # гидропост, агромаркет, ecotourism: a combining form and a dictionary word
        if _in_foreign_title(doc, sp, vocab, w) or _product_name(doc, w):
            yield rule.finding(doc, w.start, w.end, [], severity="info",
                               message="Unknown word '{match}'", message_ru="Слова «{match}» нет в словаре")
            continue
        t0 = time.perf_counter()
        # A capitalised word at a sentence start is an error only one by-ear letter away, which the
        # one-edit search finds: Hunspell's slow suggester is kept for lowercase words.
        ranked = sp.suggestions(plain, slow=spent < budget and not capital)
        spent += time.perf_counter() - t0
        best = ranked[0][1] if ranked else None
        severity = _severity(plain, at_start, best, close, near, start_close)
        if ranked and _is_split(plain, ranked[0][0]):
            severity = "info"
        suggestions = [s for s, _ in ranked]
        if severity == "info":
            yield rule.finding(doc, w.start, w.end, suggestions[:3], severity="info",
                               message="Unknown word '{match}'", message_ru="Слова «{match}» нет в словаре")
        else:
            yield rule.finding(doc, w.start, w.end, suggestions, severity=severity)


def _capitalised(doc, rule, sp, w, plain, caps, at_start, names, close, common_zipf, slow):
    """A capitalised (or all-capitals) unknown word: a name (info) unless it is one edit from a
    common lower-case word and stands where a capital says nothing about a name: the start of a
    sentence, a heading, a table cell, a page header or footer, a line in capitals."""
    structural = caps or _heading_like(doc, w)
    info = rule.finding(doc, w.start, w.end, [], severity="info",
                        message="Unknown word '{match}' (a name? add it to the vocabulary)",
                        message_ru="Слова «{match}» нет в словаре (если это имя или название, добавьте его в словарь)")
    if not (at_start or structural or w.start == w.token_start and _block_start(doc, w)):
        return _mid_sentence(doc, rule, sp, w, plain, names, slow) or info
    if plain in names:
        return info
    if _ADDRESS_BEFORE.search(doc.text, max(0, w.token_start - 16), w.token_start):
        return info  # «ул. Маориф», «пр-т Рудаки», "Rudaki Ave.": a street is named after a person or a word
    if _ADDRESS_AFTER.match(doc.text, w.end):
        return info  # "Rudaki Avenue", «Маориф көчөсү» is a street name too
    if _product_name(doc, w):
        return info  # "Drager Babyleo TN500" in a table cell: a make and model
    if "-" in w.token and w.token.split("-", 1)[0].lower() in _TURKIC_FIRST and w.start > w.token_start:
        return info  # «Кара-Кужура», "Ak-Tyuz": a place named with a Turkic first element
    if _SURNAME_AFTER.match(doc.text, w.end):
        return info  # a given name before a surname (Maral Berdiyeva, Марал Бердыева)
    if _inflects_a_name(plain, names, doc):
        return info  # «Кочкора» in a heading, «Кочкорского района» in the text: a place
    if _combining_compound(sp, plain.lower(), doc.language):
        return None  # «Гидропосты» heading a table column: гидро + посты, as in lower case
    ranked = sp.suggestions(plain, slow=slow)
    if not ranked or ranked[0][1] > close or _is_split(plain, ranked[0][0]):
        return info
    best = ranked[0][0]
    if " " in best or not sp.common_word(best):
        return info
    # At a sentence start in running text the word must be common (a rare word one edit from an
    # unknown capitalised word is more likely a name); in a heading, a cell, a caps line any
    # dictionary word will do (Коврощицы → Ковровщицы).
    if not structural and ranked[0][1] > 0.5 and sp.common(best.lower()) < common_zipf:
        return info  # (the distance asked first: the Zipf table only when it decides, issue 13)
    if (_SURNAME_LIKE.search(plain) or _REGIONAL_NAME.search(plain)) and sp.common(best.lower()) < common_zipf:
        return info  # Аманова (a surname), Карабек (a village) are not typos of rare words (самановый, карачек)
    suggestions = [s for s, d in ranked if d <= close and " " not in s][:5]
    if caps:
        suggestions = [s.upper() for s in suggestions]
    start, end = w.start, w.end
    if w.token != w.text and "-" in w.token:
        start, end, whole = _token_suggestion(w, suggestions[0])
        suggestions = [whole] + [_token_suggestion(w, s)[2] for s in suggestions[1:]]
    return rule.finding(doc, start, end, suggestions, severity="error")


def _mid_sentence(doc, rule, sp, w, plain, names, slow):
    """A capitalised word mid-sentence is a name, unless it is a misspelt word of a title or an
    official name (Министерсво образования, Правительсво, the Minstry of Agriculture): six letters
    or more, written once, one edit from a word of the rule's ``title_words`` that keeps its first
    letter, and nothing of a name about it (no surname ending, no ending of the region's names,
    not another form of a name of the text, no surname after it, only the letters of the
    language: «Chargée» is French)."""
    titles = _title_words(rule)
    if len(plain) < 6 or not titles or _SURNAME_LIKE.search(plain) or _REGIONAL_NAME.search(plain) \
            or _SURNAME_AFTER.match(doc.text, w.end, w.end + 40) or not _PLAIN_LETTERS[doc.language].match(plain):
        return None
    if plain[:2].lower() not in _title_starts(titles):
        return None  # (cheap: a typo keeps its first letters, most names share none with a title)
    if _inflects_a_name(plain, names, doc):
        return None
    count = doc.meta.setdefault("_spelling_counts", {})
    if not count:
        for x in words(doc):
            count[x.text] = count.get(x.text, 0) + 1
    if count.get(w.text, 0) > 1:
        return None
    if sp.morph is None and not sp.ranked_before(plain) and not _title_one_edit(sp, plain, titles):
        return None  # no title word is one edit away: none can be suggested, so nothing is ranked (issue 13)
    ranked = sp.suggestions(plain, slow=False)
    if not ranked or ranked[0][1] > 1.0 or _is_split(plain, ranked[0][0]):
        return None
    suggestions = [x[:1].upper() + x[1:] for x, d in ranked if d <= ranked[0][1] and " " not in x
                   and x[:1].lower() == plain[:1].lower() and _title_word(sp, x, titles)][:3]
    if not suggestions:
        return None
    return rule.finding(doc, w.start, w.end, suggestions, severity="error")


_DOTTED_AFTER = re.compile(r"\.[A-Za-zА-Яа-яЁё]\.")
# a street, avenue, district … word before a capitalised word: the word is the street's name
_ADDRESS_BEFORE = re.compile(r"(?:^|[\s(,])(?:ул|улиц[аеыу]|пр|пр-т|просп|проспект[аеу]?|пер|переул(?:ок|ка|ке)|бул|бульвар[аеу]?|"
                             r"пл|площад[ьи]|мкр|мкрн|микрорайон[аеу]?|ж/м|кв-л|квартал[аеу]?|тупик|шоссе|наб|набережн(?:ая|ой)|"
                             r"st|str|ave|blvd|rd)\.?[ \u00a0]+$", re.I)
_ADDRESS_AFTER = re.compile(r"[ \u00a0]+(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Lane|Square|Prospect|"
                            r"ko['’‘]?chasi|k[oö]ch[oö]s[üu]|k[oö]{2}ch[oö]s[üu]|көчөсү|кўчаси|кучаси|кӯчаи|кучаи|даҳа|"
                            r"шаёҳи|проспекти|хиёбони|köçesi|shayoh[i]?|xiyoboni)\b", re.I)
# a token of letters and digits (TN500, C1, MPS-D3, X-ray 5000 is not: digits alone are no model)
_MODEL_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?(?![\w-])")


# First elements of hyphenated Turkic place names (colour, size, number, position, land and water
# words: Кара-Балта, Ак-Суу, Кок-Жар, Сары-Таш, Кызыл-Кия, Жаны-Жер, Уч-Коргон, Беш-Кюнгей, Орто-Сай,
# Чон-Арык, Кичи-Кемин, Янги-Юль, Эски-Ноокат); source: the Russian Wikipedia article «Тюркские
# топонимы» and the Kyrgyz and Uzbek Wiktionary entries listed in accept-name-elements.txt.
_TURKIC_FIRST = {
    "кара", "ак", "кок", "көк", "сары", "кызыл", "жаны", "жаңы", "таш", "уч", "үч", "беш", "бес", "орто", "ала",
    "чон", "чоң", "кичи", "кум", "тоо", "суу", "янги", "эски", "юкори", "куйи", "кухна", "боло", "поён", "кош",
    "алты", "жети", "токуз", "кек", "ой", "тёрт", "торт", "бай", "кок", "кара", "айыл", "сай", "булак",
    "kara", "qora", "ak", "oq", "kok", "sary", "sariq", "kyzyl", "qizil", "zhany", "jany", "yangi", "tash", "tosh",
    "uch", "besh", "orto", "ala", "chon", "kichi", "kum", "qum", "too", "suu", "eski", "koshi", "bai", "jeti",
}


# Combining forms written together with the next word (Rosenthal, «Справочник по правописанию»,
# § 37: слитное написание сложных слов с первой частью авиа-, авто-, агро-, био-, гидро-, …;
# the Oxford style guide for English eco-, bio-, agro- …)
_COMBINING = {
    "ru": ("авиа", "авто", "агро", "аква", "аэро", "био", "вело", "видео", "гео", "гидро", "зоо", "кино", "медиа",
           "метео", "микро", "макро", "мини", "мото", "мульти", "нано", "нейро", "радио", "стерео", "теле", "термо",
           "фито", "фото", "эко", "электро", "энерго", "агрометео", "гелио", "вибро", "газо", "нефте", "водо",
           "тепло", "свето", "энерго", "кардио", "онко", "психо", "соцо", "евро", "инфо", "интернет", "веб"),
    "en": ("agro", "agri", "aqua", "bio", "eco", "geo", "hydro", "micro", "mini", "multi", "nano", "neuro",
           "photo", "tele", "thermo", "agro", "cardio", "electro", "euro", "info", "cyber", "inter", "socio"),
}


def _combining_compound(sp, word: str, lang: str) -> bool:
    """A lower-case word made of a combining form and a dictionary word of three letters or more:
    «гидропост» (гидро + пост), «агротур», "agrotech". Hunspell lacks most of them."""
    w = word.lower()
    if not word[:1].islower() or len(w) < 7:
        return False
    for head in _COMBINING.get(lang, ()):
        if w.startswith(head) and len(w) - len(head) >= 3:
            rest = w[len(head):]
            if sp.known(rest) and sp.common_word(rest):
                return True
    return False


def _product_name(doc, w) -> bool:
    """The word stands in a short line (a table cell, a label) with a model code within two words,
    only Latin words between: "Drager Babyleo TN500", "Hamilton C1 neo" name a make and model."""
    b = doc.block_at(w.start)
    if b is None or b.end - b.start > 100 or not w.latin:
        return False  # a short line only (a paragraph of unknown words stays linear)
    text = doc.text[b.start:b.end]
    if len(text.split()) > 6:
        return False
    rel = w.start - b.start
    for m in _MODEL_CODE.finditer(text):
        if re.fullmatch(r"(?:COVID|SDG|H\d?N)\S*", m.group(0), re.I):
            continue
        lo, hi = (m.end(), rel) if m.end() <= rel else (rel + len(w.text), m.start())
        between = text[lo:hi]
        if not re.search(r"[^\sA-Za-z'’-]", between) and len(between.split()) <= 1:
            return True
    return False


_PLAIN_LETTERS = {"ru": re.compile(r"^[А-Яа-яЁё-]+$"), "en": re.compile(r"^[A-Za-z'’-]+$")}


_STARTS: dict[frozenset, frozenset] = {}


def _title_starts(titles) -> frozenset:
    hit = _STARTS.get(titles)
    if hit is None:
        hit = _STARTS[titles] = frozenset(t[:2] for t in titles)
    return hit


_TITLES: dict[tuple, frozenset] = {}


def _title_words(rule) -> frozenset:
    key = tuple(rule.options.get("title_words") or ())
    hit = _TITLES.get(key)
    if hit is None:
        hit = _TITLES[key] = frozenset(x.lower() for x in key)
    return hit


def _title_one_edit(sp, plain: str, titles) -> bool:
    """Could a suggestion of ``plain`` without Hunspell's suggester (``slow=False``) be a title word
    to ``_title_word`` (English: the word or its plural in ``titles``)? Those suggestions are the
    dictionary words one edit away (``Speller._edits1``) or a split into two words (a space or a
    hyphen, never a title word): none is a title word unless a title word or its plural is one of
    the one-edit strings."""
    edits = sp._edits1(plain)
    return any(t in edits or t + "s" in edits for t in titles)


def _title_word(sp, word: str, titles) -> bool:
    w = word.lower()
    if w in titles or (w.endswith("s") and w[:-1] in titles):
        return True
    if sp.morph is not None and re.search("[а-яё]", w):
        return any(p.normal_form in titles for p in sp.morph.parse(w) if p.is_known)
    return False


# a capitalised word with a surname ending right after (Russian and English transliterations)
_SURNAME_AFTER = re.compile(r"[ \u00a0]+[A-ZА-ЯЁ][a-zа-яё]{1,30}?(?:ов|ев|ёв|ова|ева|ёва|ин|ина|ын|ына|ский|ская|зода|заде|"
                            r"ov|ev|ova|eva|yev|yeva|in|ina|sky|skaya|zoda|zade|uly|kyzy|uulu)\b")


_SURNAME_LIKE = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]+(?:ов|ев|ёв|ова|ева|ёва|ин|ина|ын|ына|ский|ская|зода|заде|ov|ev|ova|"
                           r"eva|yev|yeva|ina|sky|skaya|zoda|zade)$")


# Endings of given names and place names of the region (Turkic and Persian elements: -бек, -бай,
# -жан/-джон, -гуль, -кул/-куль, -абад/-обод, -кент, -тепа/-тепе, -булак, -сай, -тау/-тоо, -су;
# see rules/vocab/central-asia/accept-name-elements.txt for their sources).
_REGIONAL_NAME = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’-]+(?:бек|бай|бой|жан|джан|джон|жон|гуль|гул|куль|кул|абад|обод|кент|тепа|тепе|"
                            r"тобе|тюбе|булак|сай|тау|тоо|суу|дарья|арык|bek|bay|bai|boy|zhan|jan|jon|gul|kul|abad|obod|kent|"
                            r"tepa|tepe|tobe|bulak|say|tau|too|suu|darya|aryk)$")


_QUOTED = re.compile(r"[«\"“„](?P<q>[^«»\"“”„\n]{2,120})[»\"”“]")


def _in_foreign_title(doc, sp, vocab, w) -> bool:
    """The word stands in a quoted name written in another language, most of whose words no
    dictionary of the document's language knows: «Тадбиркор аёл» (Uzbek: "woman entrepreneur")."""
    spans = doc.meta.get("_spelling_foreign_titles")
    if spans is None:
        spans = []
        for m in _QUOTED.finditer(doc.text):
            ws = re.findall(r"[^\W\d_]+", m.group("q"))
            if len(ws) < 2:
                continue
            unknown = sum(1 for x in ws if len(x) > 2 and not (sp.known(x) or sp.known(x.lower())
                                                                or sp.accepted(x, vocab)))
            if unknown * 2 > len(ws):
                spans.append((m.start("q"), m.end("q")))
        doc.meta["_spelling_foreign_titles"] = spans
    from app.language import in_spans as _in

    return _in(spans, w.start, w.end)


def _inflects_a_name(word: str, names: set[str], doc=None) -> bool:
    """Another form of a name the text writes mid-sentence: the word less its last one or two
    letters (a case ending), five letters or more, begins that name («Кочкора» / «Кочкорского»).
    A binary search in the sorted names (a long table of unknown words stays linear)."""
    import bisect

    ordered = doc.meta.get("_spelling_sorted_names") if doc is not None else None
    if ordered is None:
        ordered = sorted(names)
        if doc is not None:
            doc.meta["_spelling_sorted_names"] = ordered
    for k in (1, 2):
        stem = word[:-k]
        if len(stem) < 5:
            continue
        i = bisect.bisect_left(ordered, stem)
        while i < len(ordered) and ordered[i].startswith(stem):
            if ordered[i] != word and len(ordered[i]) > len(stem):
                return True
            i += 1
    return False


def _block_start(doc, w) -> bool:
    b = doc.block_at(w.start)
    if b is None:
        return False
    firsts = doc.meta.setdefault("_spelling_block_first_letter", {})  # once per block (linear)
    first = firsts.get(b.start)
    if first is None:
        m = re.search(r"[^\W\d_]", doc.text[b.start:b.end])
        first = firsts[b.start] = b.start + m.start() if m is not None else -1
    return first == w.token_start
