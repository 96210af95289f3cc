"""Money amounts with their currency, in Russian and English (helper for the figures checks).

`777 895 евро`, `EUR 3 000 000`, `€1.2 million`, `1,5 млн евро`, `$364,000`, `3 million euros`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SP = "[ \u00a0\u202f]"
NUM_RU = rf"\d{{1,3}}(?:{SP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
NUM_EN = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:{SP}\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = (r"(?:млрд|миллиард\w*|млн|миллион\w*|тыс\.?|тысяч\w*|billion|bn|million|mln|m(?![\w])|thousand|k(?![\w]))")
CUR_BEFORE = r"(?:EUR|USD|KZT|GBP|RUB|€|\$|£|₸)"
CUR_AFTER = (r"(?:евро|EUR|€|долл\w*|USD|\$|тенге|KZT|₸|руб\w*|RUB|₽|сом\w*|фунт\w*|GBP|euros?|dollars?|tenge|pounds?|roubles?|rubles?)")
CURRENCY = {"евро": "EUR", "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "долл": "USD", "usd": "USD",
            "$": "USD", "dollar": "USD", "dollars": "USD", "тенге": "KZT", "kzt": "KZT", "₸": "KZT", "tenge": "KZT",
            "руб": "RUB", "rub": "RUB", "₽": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
            "сом": "KGS", "фунт": "GBP", "gbp": "GBP", "£": "GBP", "pound": "GBP", "pounds": "GBP"}
SCALES = {"млрд": 1e9, "миллиард": 1e9, "billion": 1e9, "bn": 1e9, "млн": 1e6, "миллион": 1e6, "million": 1e6,
          "mln": 1e6, "m": 1e6, "тыс": 1e3, "тысяч": 1e3, "thousand": 1e3, "k": 1e3}


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    currency: str
    text: str


def _currency(word: str) -> str:
    w = word.lower()
    for k in sorted(CURRENCY, key=len, reverse=True):
        if w.startswith(k):
            return CURRENCY[k]
    return w.upper()


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower().rstrip(".")
    for k in sorted(SCALES, key=len, reverse=True):
        if w.startswith(k) if len(k) > 2 else w == k:
            return SCALES[k]
    return 1.0


def parse_number(s: str, language: str) -> float | None:
    s = re.sub(SP, "", s)
    if language == "ru":
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def find_amounts(text: str, language: str) -> list[Amount]:
    num = NUM_RU if language == "ru" else NUM_EN
    before = re.compile(rf"(?<![\w.,]){CUR_BEFORE}{SP}?(?P<num>{num})(?:{SP}?(?P<scale>{SCALE}))?(?![\d])")
    after = re.compile(rf"(?<![\w.,])(?P<num>{num})(?:{SP}?(?P<scale>{SCALE}))?{SP}?(?P<cur>{CUR_AFTER})(?![\w])")
    out: list[Amount] = []
    for rx in (before, after):
        for m in rx.finditer(text):
            if any(m.start() < a.end and m.end() > a.start for a in out):
                continue
            value = parse_number(m.group("num"), language)
            if value is None:
                continue
            cur_text = m.group("cur") if "cur" in rx.groupindex else re.match(CUR_BEFORE, m.group(0)).group(0)
            out.append(Amount(m.start(), m.end(), value * _scale(m.group("scale")), _currency(cur_text), m.group(0)))
    out.sort(key=lambda a: a.start)
    return out


PERCENT = re.compile(r"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|процент\w*|per\s?cent\b|percent\b)")
HEDGE = re.compile(r"(?:около|почти|более|менее|свыше|примерно|порядка|приблизительно|до|больше|меньше|"
                   r"about|almost|nearly|over|more\s+than|less\s+than|approximately|around|some|up\s+to|roughly|"
                   r"at\s+least|close\s+to)\s*$", re.I)
