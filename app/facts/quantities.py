"""Quantities in one sentence: money, percentages, counts with the counted noun, durations.

Numbers come from app.facts.numbers; what a number measures is read from the few characters next
to it (currency signs and words, «%», «процентов», "per cent", units of time, the noun after a
count). Every pattern is anchored at a known position and bounded, so the scan is linear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.core.textmemo import shift_offsets, shifted_memo
from app.facts.numbers import Num, find_numbers, prefix_number
from app.facts.phrases import data, norm

CUR_BEFORE = re.compile(r"(?:EUR|USD|US\$|KZT|KGS|UZS|TJS|TMT|GBP|RUB|CHF|€|\$|£|₸|₽)[ \u00a0\u202f]?$")
CUR_AFTER = re.compile(
    r"(?:[ \u00a0\u202f]|-(?=[eEdD]))?(?:(?P<w>евро|EUR|USD|KZT|KGS|UZS|TJS|TMT|GBP|RUB|CHF|долл(?:ар(?:ов|а|ы)?)?\.?|тенге|"
    r"сомони|сом(?:ов|а)?|сум(?:ов|а)?|манат(?:ов|а)?|руб(?:лей|ля|ль)?\.?|euros?|dollars?|tenge|somoni|soms?|"
    r"sums?|manats?|roubles?|rubles?|pounds?)(?![\w])|(?P<s>€|\$|₸|₽|£))", re.I)
CURRENCY = {"евро": "EUR", "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "долл": "USD", "usd": "USD",
            "us$": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "тенге": "KZT", "kzt": "KZT", "₸": "KZT",
            "tenge": "KZT", "kgs": "KGS", "сом": "KGS", "som": "KGS", "soms": "KGS", "сомони": "TJS", "tjs": "TJS",
            "somoni": "TJS", "сум": "UZS", "uzs": "UZS", "sum": "UZS", "sums": "UZS", "манат": "TMT", "tmt": "TMT",
            "manat": "TMT", "manats": "TMT", "руб": "RUB", "rub": "RUB", "₽": "RUB", "rouble": "RUB", "roubles": "RUB",
            "ruble": "RUB", "rubles": "RUB", "gbp": "GBP", "£": "GBP", "pound": "GBP", "pounds": "GBP", "chf": "CHF"}
_CURRENCY_LONGEST_FIRST = tuple(sorted(CURRENCY, key=len, reverse=True))
PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?(?:%|процент(?:ов|а|ам|ами|ах)?(?![\w])|per[ \u00a0]?cent(?![\w])|percent(?![\w])|pct(?![\w]))"
                           r"(?![ \u00a0]*(?:пункт|point|p\.p\.|п\.\s?п\.))", re.I)
DURATION_AFTER = {
    "ru": re.compile(r"(?:[ \u00a0]с[ \u00a0]половиной)?[ \u00a0\-]?(?P<u>месяц(?:ев|а|ы|ам)?|мес\.|год(?:а|у)?|лет|дн(?:ей|я)|день|недел[ьиюяе]{1,2})(?![\w])", re.I),
    "en": re.compile(r"(?:[ \u00a0]and[ \u00a0]a[ \u00a0]half)?[ \u00a0\-](?P<u>months?|years?|days?|weeks?)(?:-long)?(?![\w])", re.I),
}
ADJ_DURATION_RU = re.compile(r"(?<![\w])(?P<n>\d{1,3}-?(?:х|ти|и)?-?|[а-яё]{3,12}?)(?P<u>летн|месячн|годичн|дневн|недельн)[а-яё]{1,4}(?![\w])", re.I)
EN_WORD_DURATION = re.compile(r"(?<![\w-])(?P<n>[A-Za-z]{3,9}+(?:-[a-z]{3,9}+)?)-(?P<u>years?|months?|days?|weeks?)(?:-long)?(?![\w-])", re.I)
EN_HYPHEN_DURATION = re.compile(r"-(?P<u>months?|years?|days?|weeks?)(?:-long)?(?![\w])", re.I)
MEASURE = re.compile(r"[ \u00a0]?(km|км|kilomet(?:re|er)s?|километр(?:ов|а)?|hectares?|ha|га|гектар(?:ов|а)?|tonnes?|tons|тонн[аы]?|"
                     r"hours?|час(?:ов|а)?|академических[ \u00a0]час(?:ов|а)|academic[ \u00a0]hours?|"
                     r"kW|кВт|MW|МВт|m³|м³|cubic[ \u00a0]met(?:re|er)s?|кубометр(?:ов|а)?|куб\.[ \u00a0]?м)(?![\w])", re.I)
MEASURE_UNITS = {"km": "km", "км": "km", "kil": "km", "кил": "km", "hec": "ha", "ha": "ha", "га": "ha", "гек": "ha",
                 "ton": "t", "тон": "t", "hou": "h", "час": "h", "ака": "h", "aca": "h",
                 "kw": "kW", "квт": "kW", "mw": "MW", "мвт": "MW", "m³": "m3", "м³": "m3", "cub": "m3", "куб": "m3"}  # hours: a course's volume
STOP_EN = {"of", "from", "in", "at", "to", "for", "and", "or", "with", "who", "which", "that", "were", "was", "are",
           "is", "will", "have", "has", "had", "each", "per", "by", "on", "the", "a", "an", "this", "these", "their",
           "them", "across", "into", "over", "under", "about", "as", "than", "including", "among", "out", "more",
           "less", "such", "where", "while", "when", "been", "be", "being", "also", "had", "its", "it", "they",
           "we", "our", "took", "take", "received", "trained", "attended", "joined", "participated", "completed",
           "benefited", "got", "gained", "say", "said", "altogether", "overall", "combined", "together", "respectively",
           "annually", "apiece", "total", "in", "include", "includes", "included", "comprise", "comprises", "consist",
           "consists", "can", "could", "would", "should", "must", "may", "did", "do", "does", "not", "now", "still",
           # prepositions and conjunctions: never a word of the counted noun ("3,140 people since 2019")
           "since", "during", "until", "after", "before", "because", "through", "throughout", "via", "within",
           "without", "between", "despite", "towards", "toward", "upon", "unless", "whether", "whom", "whose"}
UNIT_WORDS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "percent", "per", "cent", "million",
              "billion", "thousand", "euro", "euros", "eur", "usd", "dollars", "tenge", "hours", "hour", "km",
              "kilometres", "kilometers", "hectares", "ha", "tonnes", "tons", "times", "minutes", "am", "pm", "a.m.",
              "p.m.", "m", "kg", "litres", "liters", "degrees", "metres", "meters", "cubic", "mw", "kw", "kwh",
              "square", "sq", "per cent", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"}
UNIT_RU = ("год", "лет", "месяц", "мес", "дн", "день", "недел", "процент", "млн", "млрд", "тыс", "миллион", "миллиард",
           "тысяч", "евро", "долл", "тенге", "сом", "сум", "манат", "руб", "час", "минут", "км", "километр", "гектар",
           "га", "тонн", "раз", "кг", "литр", "градус", "метр", "квадрат", "кв", "мвт", "квт", "январ", "феврал", "март",
           "апрел", "мая", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр", "год", "век", "балл", "место",
           "мест", "этаж", "номер", "стать", "част", "глав", "класс", "курс", "уровн", "вопрос", "шаг", "раунд")


@dataclass
class Quantity:
    kind: str  # money | percent | count | duration | number
    start: int
    end: int
    value: float
    unit: str = ""  # currency code; "months"/"years"/"days"; the counted noun's lemma
    num: Num | None = None
    noun: str = ""  # the counted noun as written
    noun_start: int = -1
    noun_end: int = -1
    decimals: int = 0
    meta: dict = field(default_factory=dict)


@lru_cache(maxsize=4096)
def _currency(word: str) -> str:
    """The currency code a currency word or sign stands for (a pure function of the word: kept,
    with CURRENCY's keys sorted once instead of per call, issue 13)."""
    w = word.lower().rstrip(".")
    if w.startswith("долл"):
        return "USD"
    if w.startswith("руб"):
        return "RUB"
    for k in _CURRENCY_LONGEST_FIRST:
        if w == k or (len(k) > 3 and w.startswith(k)):
            return CURRENCY[k]
    if w.startswith("сом"):
        return "KGS"
    if w.startswith("сум"):
        return "UZS"
    if w.startswith("манат"):
        return "TMT"
    return w.upper()


def _ru_noun(text: str, pos: int):
    """The noun a Russian count counts: the first noun among the next three words (adjectives skipped)."""
    from app.language import morph

    m = morph()
    i = pos
    for _ in range(3):
        w = re.match(r"[ \u00a0]{1,3}([а-яёА-ЯЁ]{2,30}+(?:-[а-яёА-ЯЁ]{2,30}+)?)(?![\w-])", text[i:i + 70])
        if not w:
            return None
        word = w.group(1)
        if re.fullmatch(r"[А-ЯЁ]{2,6}", word) and word not in ("ЕС", "ООН", "США", "РК", "КР", "РУз", "РТ"):
            return word, i + w.start(1), i + w.end(1), word.lower()  # «16 НКО», «40 МСП»: an abbreviation counted
        lw = word.lower().split("-")[0]
        if lw.startswith(UNIT_RU) and not lw.startswith(("участ", "раз")) and len(lw) > 5 and \
                m.parse(lw)[0].tag.POS in ("ADJF", "PRTF"):
            i += w.end()  # «120 местных чиновников», «40 частных клиник»: an adjective of the counted noun, not a unit
            continue
        if lw.startswith(UNIT_RU) and not lw.startswith(("участ", "раз")) or lw in ("и", "или", "из", "в", "на", "по", "с", "до", "от", "за"):
            if lw.startswith(UNIT_RU):
                return None
            return None
        parses = m.parse(lw)
        if not parses:
            return None
        p = parses[0]
        if p.tag.POS in ("VERB", "ADJS") and i == pos:
            # «100 сел», «5 000 саженцев»: right after a number, a word that is also a noun in the genitive
            # (plural; singular after 2-4: «3 саженца») is that noun, not a verb or a short adjective
            p = next((x for x in parses if x.tag.POS == "NOUN" and "gent" in x.tag and (
                "plur" in x.tag or p.tag.POS == "ADJS")), p)
        elif p.tag.POS == "VERB":
            # «27 отдаленных сел»: after the count's adjectives, a plural genitive noun is the counted noun
            p = next((x for x in parses if x.tag.POS == "NOUN" and "gent" in x.tag and "plur" in x.tag), p)
        if p.tag.POS == "NOUN" and ({"Geox", "Name", "Surn", "Patr"} & p.tag.grammemes):
            # «4 улья»: the counted noun (gen. sg. «улей»), not the place name «Улья»
            p = next((x for x in parses if x.tag.POS == "NOUN" and not {"Geox", "Name", "Surn", "Patr"} & x.tag.grammemes), p)
        if p.tag.POS == "NOUN" or (p.tag.POS is None and any(x.tag.POS == "NOUN" for x in parses)):
            lemma = p.normal_form.replace("ё", "е")
            return word, i + w.start(1), i + w.end(1), lemma
        if p.tag.POS in ("ADJF", "PRTF", "ADJS") or any(x.tag.POS in ("ADJF", "PRTF") for x in parses[:2]):
            i += w.end()
            continue
        return None
    return None


def _en_singular(w: str) -> str:
    w = w.lower()
    irregular = {"women": "woman", "men": "man", "people": "person", "children": "child", "persons": "person",
                 "staff": "staff", "youth": "youth", "police": "police"}
    if w in irregular:
        return irregular[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _en_noun(text: str, pos: int):
    """The noun an English count counts: up to three words before a stop word; the last is the head."""
    i = pos
    words = []
    for _ in range(3):
        w = re.match(r"[ \u00a0]{1,3}([A-Za-z][a-z'\-]{1,30}+|[A-Z]{2,6}s?)(?![\w])", text[i:i + 40])
        if not w:
            break
        lw = w.group(1).lower()
        if not words and lw.endswith("ed") and lw in STOP_EN:
            nx = re.match(r"[ \u00a0]{1,3}([a-z][a-z'\-]{1,30}s)(?![\w'\-])", text[i + w.end():i + w.end() + 40])
            if nx and nx.group(1) not in STOP_EN and nx.group(1) not in UNIT_WORDS:
                i += w.end()  # "250 trained nurses": a participle before the noun, not the verb after it
                continue
        if lw in STOP_EN or lw in UNIT_WORDS:
            break
        if w.group(1)[0].isupper() and words:
            break
        if words and lw.endswith("ed") and len(lw) > 5:
            break  # "18 workshops gathered …": a verb after the noun
        words.append((w.group(1), i + w.start(1), i + w.end(1)))
        i += w.end()
    if words and words[-1][0].isupper() and len(words[-1][0]) <= 6 and not words[-1][0].endswith("s"):
        words.pop()  # "Fourteen TB hospitals": an acronym is a modifier, never the head
    if not words:
        return None
    # "300 secondary school teachers": the head is the last word; "Fifteen crisis centres now receive …":
    # the last plural word when a word that is no plural follows it
    head = words[-1]
    plural = [x for x in words if x[0].lower().endswith("s") and not x[0].lower().endswith("ss") and len(x[0]) > 3]
    if plural and plural[-1] is not head and not head[0].lower().endswith("s"):
        head = plural[-1]
    if head[0][0].isupper() and not words[0][0][0].isupper():
        return None
    return head[0], head[1], head[2], _en_singular(head[0])


LABEL_LINE = re.compile(r"[ \u00a0]*((?:[^\W\d_]{2,30}+[ \u00a0]){0,2}[^\W\d_]{3,30}+)[ \u00a0]*[:–—][ \u00a0]*")


def _labelled_count(text: str, language: str, n: Num, s: int, e: int, base: int) -> Quantity | None:
    """A line that is only a plural noun, a colon and a number ("Clinics: 28", "Schools covered – 45" is not,
    «Поликлиник: 28», «Школы: 45»): a count of that noun, the label standing before it."""
    if n.words or n.style.scale > 1 or text[e:].strip(" \u00a0.;") or s > 70:
        return None
    m = LABEL_LINE.fullmatch(text, 0, s)
    if not m:
        return None
    label = m.group(1)
    last = label.split()[-1]
    ls, le = m.end(1) - len(last), m.end(1)
    if language == "en":
        lw = last.lower()
        if not lw.endswith("s") or lw.endswith("ss") or lw in STOP_EN or lw in UNIT_WORDS:
            return None
        lemma = _en_singular(last)
    else:
        from app.language import morph

        ps = morph().parse(last.lower())
        p = next((x for x in ps[:2] if x.tag.POS == "NOUN" and "plur" in x.tag and ("gent" in x.tag or "nomn" in x.tag)), None)
        if p is None or last.lower().startswith(UNIT_RU):
            return None
        lemma = p.normal_form.replace("ё", "е")
    return Quantity("count", n.start, n.end, n.value, lemma, n, noun=last, noun_start=base + ls, noun_end=base + le,
                    meta={"labelled": True})


def _relative_skip(rest: tuple, base: int) -> tuple:
    return (tuple(sorted((a - base, b - base) for a, b in rest[0])),) if rest else rest


@shifted_memo(shift_offsets, _relative_skip)  # a sentence's quantities, kept across lints and documents (issue 13)
def find_quantities(text: str, language: str, base: int, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities in ``text`` (one sentence; offsets + base). ``skip``: spans of dates and ranges."""
    from app.facts.dates import Spans

    out: list[Quantity] = []
    sk = Spans()
    for a, b in sorted(skip):
        sk.add(a, b)
    for n in find_numbers(text, language, base):
        if not sk.free(n.start, n.end):
            continue
        s, e = n.start - base, n.end - base
        q = _classify(text, language, n, s, e, base)
        if q is not None:
            out.append(q)
    fr = _fractions(text, language, base, sk)
    if fr:  # "three quarters of the cost": a share, not a count of quarters
        out = [q for q in out if not any(f.start < q.end and q.start < f.end for f in fr)] + fr
    if language == "en":
        from app.facts.numbers import _word_values

        units = _word_values("en")[0]
        for m in EN_WORD_DURATION.finditer(text) if "-" in text else ():  # (it needs a hyphen, issue 13)
            parts = m.group("n").lower().split("-")
            if not all(p in units for p in parts):
                continue
            v = sum(units[p] for p in parts)
            if out and out[-1].start <= base + m.start() < out[-1].end:
                continue
            out.append(Quantity("duration", base + m.start(), base + m.end(), v, _unit(m.group("u")), None,
                                meta={"adjective": True, "words": True}))
    if language == "ru":
        taken = Spans()
        for q in sorted(out, key=lambda q: q.start):
            if q.kind != "number" and taken.free(q.start, q.end):
                taken.add(q.start, q.end)  # a bare number («18» of «18-месячный») does not hold its place
        for m in ADJ_DURATION_RU.finditer(text):
            raw = m.group("n")
            if raw[:1].isdigit():
                v = float(re.match(r"\d+", raw).group(0))
            else:
                v = prefix_number(raw, language)
                if v is None or not raw.lower().replace("ё", "е").startswith(tuple(k.replace("ё", "е") for k in data("ru")["numbers"]["prefixes"])):
                    continue
                if len(raw) > 9:
                    continue
            u = m.group("u").lower()
            unit = "years" if u in ("летн", "годичн") else ("months" if u == "месячн" else ("weeks" if u == "недельн" else "days"))
            if not taken.free(base + m.start(), base + m.end()):
                continue
            out = [q for q in out if not (q.kind == "number" and q.start < base + m.end() and base + m.start() < q.end)]
            out.append(Quantity("duration", base + m.start(), base + m.end(), v, unit, None, meta={"adjective": True}))
    # (the English pattern needs "half", and none of its letters has a case-insensitive twin outside
    # ASCII: a text without it, in lower case, is not scanned; issue 13)
    half = language not in HALF_YEAR or language == "en"
    for m in HALF_YEAR[language if language in HALF_YEAR else "en"].finditer(text) \
            if not half or "half" in text.lower() else ():
        # «полгода», "half a year": six months
        if not any(q.start < base + m.end() and base + m.start() < q.end for q in out):
            out.append(Quantity("duration", base + m.start(), base + m.end(), 6.0, "months", None, meta={"words": True}))
    out.sort(key=lambda q: q.start)
    return out


HALF_YEAR = {"ru": re.compile(r"(?<![\w])(?:полгода|полугода)(?![\w])", re.I),
             "en": re.compile(r"(?<![\w])half[ \u00a0]+a[ \u00a0]+year(?![\w])", re.I)}


@lru_cache(maxsize=None)
def _fraction_words(language: str) -> tuple[dict[str, float], dict[str, float]]:
    """(fraction word -> value, numerator word -> value) of the lists ``fractions`` and
    ``fraction_numerators``, normalised: built once per language, not per sentence (issue 13)."""
    fr = data(language).get("fractions") or {}
    fr = {norm(str(k)): float(v) for k, v in fr.items()}
    nums = {norm(str(k)): float(v) for k, v in ((data(language).get("fraction_numerators") or {}).items())}
    return fr, nums


def _fractions(text: str, language: str, base: int, sk) -> list[Quantity]:
    """Fractions stated as shares of a whole named right after them: "two thirds of the budget", "a
    third of it", "three quarters of the € 1.8 m cost", «половину бюджета», «две трети стоимости»
    (lists ``fractions``: the fraction words, ``fraction_numerators``, ``fraction_whole``: the words
    that must follow). A percentage: value = the fraction × 100, compared to ±1 point."""
    from app.facts.phrases import data, phrase_set, words

    fr, nums = _fraction_words(language)
    if not fr:
        return []
    ws = None
    out: list[Quantity] = []
    low = text.lower()
    if not any(k[:4] in low for k in fr):
        return []  # plain string test first: most sentences have no fraction word
    ws = words(text, base)
    whole_ps = phrase_set(language, "fraction_whole")
    for i, w in enumerate(ws):
        v = fr.get(w.norm)
        if v is None:
            continue
        start, mult = w.start, 1.0
        if i > 0 and ws[i - 1].norm in nums:
            mult = nums[ws[i - 1].norm]
            start = ws[i - 1].start
        elif i > 1 and ws[i - 1].norm == "-" and ws[i - 2].norm in nums:  # "two-thirds"
            mult = nums[ws[i - 2].norm]
            start = ws[i - 2].start
        if i > 0 and ws[i - 1].norm in ("first", "second", "last", "первой", "первую", "вторую", "второй"):
            continue  # "the second half of 2025": a period, not a share
        if whole_ps.at(ws, i + 1) is None:
            continue
        if not sk.free(start, w.end):
            continue
        q = Quantity("percent", start, w.end, round(mult * v * 100, 4), "%", None, decimals=0)
        q.meta["fraction"] = True
        out.append(q)
    return out


def _classify(text: str, language: str, n: Num, s: int, e: int, base: int) -> Quantity | None:
    head = text[e:e + 2].lstrip(" \u00a0\u202f")
    if (not head or head[0].isdigit() or head[0] in ",.;:)(+/") and not CUR_BEFORE.search(text[max(0, s - 5):s]):
        if n.style.scale >= 1000 and not n.words and head[:1] != "/":
            # «Евросоюз выделил 3,6 млн, а власти – 600 тысяч.»: an amount whose currency the sentence's
            # other amounts give (resolved by the facts model; a number again when they give none)
            return Quantity("money", n.start, n.end, n.value, "?", n, decimals=n.style.decimals)
        lab = _labelled_count(text, language, n, s, e, base)
        if lab is not None:
            return lab  # a fact box's line "Clinics: 28", «Поликлиник: 28»
        return Quantity("number", n.start, n.end, n.value, "", n)  # a bare number (a list of figures, a table cell)
    before = text[max(0, s - 5):s]
    cb = CUR_BEFORE.search(before)
    if cb and not (n.words and language == "ru"):
        cur = _currency(cb.group(0).strip())
        if s - len(cb.group(0)) > 0 and text[s - len(cb.group(0)) - 1].isalpha():
            return None
        return Quantity("money", base + s - len(cb.group(0)), n.end, n.value, cur, n, decimals=n.style.decimals)
    if s > 0 and text[s - 1].isalpha() and not n.words:
        return None  # "COVID19", "H2O"
    if not n.words and re.match(r"[ \u00a0]?[-–—][ \u00a0]?\$?\d", text[e:e + 4]) or not n.words and re.search(r"\d[ \u00a0]?[-–—][ \u00a0]?\$?$", text[max(0, s - 5):s]):
        return Quantity("number", n.start, n.end, n.value, "", n)  # "$1-1.5 billion": a range, not an amount
    ca = CUR_AFTER.match(text, e, e + 14)
    if ca is None and text[e:e + 1] == "-" and n.style.scale > 1 and n.style.scale_text.startswith("-"):
        ca = CUR_AFTER.match(text, e + 1, e + 15)  # "a 4.6-million-euro budget"
    if ca:
        word = ca.group("w") or ca.group("s")
        return Quantity("money", n.start, base + ca.end(), n.value, _currency(word), n, decimals=n.style.decimals)
    pa = PERCENT_AFTER.match(text, e, e + 30)
    if pa:
        return Quantity("percent", n.start, base + pa.end(), n.value, "%", n, decimals=n.style.decimals)
    if language == "en":
        hm = EN_HYPHEN_DURATION.match(text, e, e + 16)
        if hm:
            return Quantity("duration", n.start, base + hm.end(), n.value, _unit(hm.group("u")), n)
    dm = DURATION_AFTER[language].match(text, e, e + 30)
    if dm:
        v = n.value + (0.5 if ("половин" in dm.group(0) or "half" in dm.group(0)) else 0)
        unit = _unit(dm.group("u"))
        if unit == "years" and 1900 <= n.value <= 2100:
            return None  # «2027 года»: a year
        return Quantity("duration", n.start, base + dm.end(), v, unit, n)
    if n.style.scale in (1000.0, 1e6) and not n.words and n.integer:
        q = _scaled_count(text, language, n, e, base)  # «9 тысяч жителей», "2 million people": a count, not money
        if q is not None:
            return q
    if n.style.scale > 1 and not n.words:
        return Quantity("money", n.start, n.end, n.value, "?", n, decimals=n.style.decimals)
    if n.style.scale > 1 and n.words and n.value >= 1000:
        return Quantity("money", n.start, n.end, n.value, "?", n)
    if not n.words and n.integer and 1900 <= n.value <= 2100 and not n.style.group:
        return None  # a year
    if not n.integer:
        return Quantity("number", n.start, n.end, n.value, "", n, decimals=n.style.decimals)
    mm = MEASURE.match(text, e, e + 16)
    if mm:
        unit = mm.group(1).lower()
        unit = MEASURE_UNITS.get(unit[:3], unit)
        return Quantity("count", n.start, base + mm.end(), n.value, unit, n, noun=mm.group(1),
                        noun_start=base + mm.start(1), noun_end=base + mm.end(1), meta={"measure": True})
    if n.words and n.value >= 1000 and _ends_in_scale_word(text[s:e]):
        # "two million people" counts; "of which one and a half million comes from the EU", «а семьсот тысяч –
        # правительство» is an amount in words whose currency the sentence's other amounts give (a number again
        # when they give none): millions count people only, thousands any noun but money's, never a verb
        q = _scaled_count(text, language, n, e, base)
        if q is not None and not (language == "en" and q.noun and q.noun.lower() in EN_VERBS_AFTER_AMOUNT):
            return q
        if CURRENCY_IN_SENTENCE.search(text) and not RESTATED_AFTER.match(text, e, e + 8):
            # (not "just over three million – 3.125 million euros, to be exact": the figure restated in digits;
            # not in a sentence with no money: «… а оставшиеся шестнадцать тысяч — школам» counts books)
            return Quantity("money", n.start, n.end, n.value, "?", n)
        return Quantity("number", n.start, n.end, n.value, "", n)
    noun = _ru_noun(text, e) if language == "ru" else _en_noun(text, e)
    if noun and language == "en" and n.value > 1 and _en_verb_after(noun[0], text[noun[2]:noun[2] + 12]):
        noun = None  # "210 teach in primary schools", "120 work in NGOs": a verb after a bare number, not its noun
    if noun:
        word, ns, ne, lemma = noun
        return Quantity("count", n.start, base + ne, n.value, lemma, n, noun=word, noun_start=base + ns,
                        noun_end=base + ne)
    return Quantity("number", n.start, n.end, n.value, "", n)


CURRENCY_IN_SENTENCE = re.compile(r"(?<![^\W\d_])(?:euros?|eur|usd|dollars?|евро|долл\w{0,6}|сом\w{0,3}|тенге|сум\w{0,3}|манат\w{0,3}|som|soms|somoni|tenge|sum|manat)(?![^\W\d_])|[€$]", re.I)
RESTATED_AFTER = re.compile(r"[ \u00a0]*[–—(-][ \u00a0]*[\d€$]")
EN_VERBS_AFTER_AMOUNT = {"comes", "come", "is", "are", "was", "were", "goes", "go", "will", "has", "have", "had", "remains",
                         "covers", "cover", "pays", "funds", "finances"}
SCALE_WORD_STEMS = ("thousand", "million", "billion", "тысяч", "миллион", "миллиард")


def _ends_in_scale_word(s: str) -> bool:
    last = s.rstrip(" \u00a0.").rsplit(None, 1)[-1].lower() if s.strip() else ""
    return last.startswith(SCALE_WORD_STEMS)


def _scaled_count(text: str, language: str, n: Num, e: int, base: int) -> Quantity | None:
    """A number with a scale word and the noun it counts right after it: «9 тысяч жителей», «12 тыс. тонн»,
    "9 thousand residents", "2.1 million young people" (thousands: any noun but one of money, list
    ``scaled_money_nouns``; millions: people only)."""
    mm = MEASURE.match(text, e, e + 16)
    if mm:
        unit = mm.group(1).lower()
        unit = MEASURE_UNITS.get(unit[:3], unit)
        return Quantity("count", n.start, base + mm.end(), n.value, unit, n, noun=mm.group(1),
                        noun_start=base + mm.start(1), noun_end=base + mm.end(1), meta={"measure": True, "scaled": True})
    noun = _ru_noun(text, e) if language == "ru" else _en_noun(text, e)
    if not noun:
        return None
    word, ns, ne, lemma = noun
    from app.facts.phrases import phrase_set, words

    if phrase_set(language, "scaled_money_nouns").at(words(word.lower()), 0) is not None:
        return None
    if n.style.scale == 1e6:
        from app.facts.model import _people

        if not _people(language, lemma):
            return None
    return Quantity("count", n.start, base + ne, n.value, lemma, n, noun=word, noun_start=base + ns, noun_end=base + ne,
                    meta={"scaled": True})


EN_UNCOUNTED_PLURALS = {"people", "women", "men", "children", "staff", "police", "youth", "personnel", "cattle", "sheep",
                        "livestock", "media", "data", "alumni", "criteria", "fish", "deer", "feet", "teeth", "geese", "mice",
                        "offspring", "aircraft", "crew", "faculty", "clergy", "poultry", "equipment", "dozen"}


def _en_verb_after(word: str, after: str) -> bool:
    """The one word read as a plural count's noun is no plural and a preposition, article or adverb follows it:
    a verb ("210 teach in …", "120 work in NGOs", "15 remain at home")."""
    w = word.lower()
    if w.endswith("s") or "-" in w or w in EN_UNCOUNTED_PLURALS or not w.isalpha() or word[0].isupper():
        return False
    return bool(re.match(r"[ \u00a0]+(?:in|at|on|for|with|as|from|the|a|an|to|into|across|under|within|abroad|locally|"
                         r"remotely|full-time|part-time|there|here|mainly|mostly)(?![\w])", after))


def _unit(u: str) -> str:
    u = u.lower()
    if u.startswith(("месяц", "мес", "month")):
        return "months"
    if u.startswith(("год", "лет", "year")):
        return "years"
    if u.startswith(("недел", "week")):
        return "weeks"
    return "days"


def currency_of(word: str) -> str:
    return _currency(word)


def normalise(s: str) -> str:
    return norm(s)
