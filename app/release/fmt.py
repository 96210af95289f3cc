"""House style for the release's language: dates, money, ranges, quotation marks, dashes and
non-breaking spaces.

``739 000 евро`` / ``EUR 739 000`` (a no-break space inside numbers of five digits or more and
between the currency and the amount), ``21 ноября 2025 года`` / ``21 November 2025``, year ranges
with an unspaced en dash (``2024–2026``), «ёлочки» and „лапки“ in Russian, “ ” and ‘ ’ in English,
a spaced em dash in Russian and a spaced en dash in English.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

NBSP = "\u00a0"
MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
CURRENCY_RU = {"EUR": "евро", "USD": "долларов США", "KZT": "тенге"}
QUOTES = {"ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}
DASH = {"ru": "\u2014", "en": "\u2013"}
SHORT_WORDS = {
    "ru": ("в", "во", "к", "ко", "с", "со", "у", "о", "об", "и", "а", "но", "на", "по", "за", "из", "от",
           "до", "не", "ни", "для", "при", "без", "под", "над", "ЕС", "ООН", "тел.", "ул.", "д.", "№"),
    "en": ("a", "an", "the", "EUR", "USD", "KZT", "No.", "Tel."),
}


def date_text(d: dt.date, lang: str) -> str:
    if lang == "ru":
        return f"{d.day}{NBSP}{MONTHS['ru'][d.month - 1]} {d.year}{NBSP}года"
    return f"{d.day}{NBSP}{MONTHS['en'][d.month - 1]} {d.year}"


def number(value: Decimal | int | float, lang: str, nbsp: bool = True) -> str:
    """Digits grouped by three with a no-break space from five digits on; decimal comma in Russian."""
    d = Decimal(str(value))
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole = int(d)
    frac = d - whole
    digits = str(whole)
    if len(digits) >= 5:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = (NBSP if nbsp else " ").join(groups)
    out = sign + digits
    if frac:
        cents = f"{frac.quantize(Decimal('0.01'))}"[2:]
        out += ("," if lang == "ru" else ".") + cents
    return out


def money(value, currency: str, lang: str, nbsp: bool = True) -> str:
    sp = NBSP if nbsp else " "
    amount = number(value, lang, nbsp)
    if lang == "ru":
        return f"{amount}{sp}{CURRENCY_RU.get(currency, currency)}"
    return f"{currency}{sp}{amount}"


def year_range(start: dt.date, end: dt.date, lang: str) -> str:
    years = f"{start.year}\u2013{end.year}" if end.year != start.year else f"{start.year}"
    if lang == "ru":
        return f"{years}{NBSP}{'гг.' if end.year != start.year else 'г.'}"
    return years


def quoted(text: str, lang: str) -> str:
    """Text in the language's outer quotation marks; inner quotes become the inner kind."""
    o, c, io, ic = QUOTES[lang]
    inner = text.replace(o, io).replace(c, ic)
    return f"{o}{inner}{c}"


def time_text(t: str, lang: str) -> str:
    return t  # 24-hour "10:00" in both languages


# ----- typography of free text -------------------------------------------------------------------
_SPACES = re.compile(r"[ \t\u2009\u202f]+")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s?[-\u2012\u2013\u2014]\s?((?:19|20)\d\d)\b")
_SPACED_DASH = re.compile(r"[ \u00a0]+(?:-{1,2}|\u2013|\u2014)(?=[ \u00a0])")
_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_NUM_WORD = re.compile(r"(?<=\d) (?=[^\W\d_])")


def _straight_quotes(text: str, lang: str) -> str:
    o, c, io, ic = QUOTES[lang]
    out = []
    depth = 0
    for i, ch in enumerate(text):
        if ch != '"':
            out.append(ch)
            continue
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "([{\u2014\u2013-/" + o + io
        if opening:
            out.append(o if depth == 0 else io)
            depth += 1
        else:
            depth = max(0, depth - 1)
            out.append(c if depth == 0 else ic)
    return "".join(out)


def _short_words(text: str, lang: str) -> str:
    words = "|".join(re.escape(w) for w in sorted(SHORT_WORDS[lang], key=len, reverse=True))
    flags = re.IGNORECASE if lang == "ru" else 0
    return re.sub(rf"(?<![\w\-.])({words}) (?=\S)", lambda m: m.group(1) + NBSP, text, flags=flags)


def typeset(text: str, lang: str) -> str:
    """Typographic clean-up of text written by a person: spaces, dashes, quotes, no-break spaces."""
    text = _SPACES.sub(" ", text.strip())
    text = _YEAR_RANGE.sub("\\1\u2013\\2", text)
    text = _SPACED_DASH.sub(NBSP + DASH[lang], text)
    if '"' in text:
        text = _straight_quotes(text, lang)
    text = _GROUPED.sub(NBSP, text)
    if lang == "ru":
        text = _NUM_WORD.sub(NBSP, text)  # «80 участников», «2026 гг.»
    text = _short_words(text, lang)
    return text
