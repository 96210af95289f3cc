"""A duration and the calendar years given for it: «три года (2024–2026 гг.)», "30 months (2025–2027)".

A period of N years can span N or N+1 calendar years (projects rarely start on 1 January):
«три года (2024—2027 гг.)» is correct. M months span between ceil(M/12) and
floor((M+10)/12)+1 calendar years. Fewer or more is an error.
"""
from __future__ import annotations

import math
import re

WORDS = {
    "один": 1, "одного": 1, "одному": 1, "два": 2, "двух": 2, "двум": 2, "три": 3, "трех": 3, "трёх": 3, "трем": 3,
    "трём": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
    "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty": 30, "thirty-six": 36,
}
ADJ = {"одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6}
NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
DURATION = re.compile(
    r"(?<![\w-])(?:" + NUM + r"[\s-]+(?P<unit>года|год|лет|месяц\w*|years?|months?)(?:-long)?"
    r"|(?P<adj>" + "|".join(ADJ) + r")(?P<adjunit>летн|месячн)\w*)(?![\w])", re.I)
YEARS = re.compile(r"^[^.;!?\d]{0,40}?\(?\s*(?:с\s+|from\s+)?(?P<y1>(?:19|20)\d\d)\s*(?:гг?\.\s*)?(?:[-–—]|по|to|until|till)\s*"
                   r"(?P<y2>(?:19|20)\d\d)(?!\d)")


def _span_bounds(months: int) -> tuple[int, int]:
    return math.ceil(months / 12), (months + 10) // 12 + 1


def check(doc, rule, ctx):
    text = doc.text
    for m in DURATION.finditer(text):
        y = YEARS.match(text[m.end():m.end() + 80])
        if not y:
            continue
        if m.group("adj"):
            n, unit = ADJ[m.group("adj").lower()], ("год" if m.group("adjunit").lower() == "летн" else "месяц")
        else:
            raw = m.group("n").lower()
            n = int(raw) if raw.isdigit() else WORDS[raw]
            unit = m.group("unit").lower()
        months = n if unit.startswith(("месяц", "month")) else 12 * n
        if months <= 0:
            continue
        y1, y2 = int(y.group("y1")), int(y.group("y2"))
        if y2 < y1:
            continue
        span = y2 - y1 + 1
        lo, hi = _span_bounds(months)
        if lo <= span <= hi:
            continue
        s, e = m.start(), m.end() + y.end()
        need = f"{lo}" if lo == hi else f"{lo} or {hi}"
        need_ru = f"{lo}" if lo == hi else f"{lo} или {hi}"
        yield rule.finding(doc, s, e, [], message=(
            f"'{m.group(0)}' cannot span {y1}–{y2} ({span} calendar years); it spans {need}"), message_ru=(
            f"Срок «{m.group(0)}» не соответствует {y1}–{y2} гг. ({span} {_ru_years(span)}): такой срок "
            f"занимает {need_ru} {_ru_years(hi)}"))


def _ru_years(n: int) -> str:
    """«календарный год» agreeing with n (1 календарный год, 3 календарных года, 5 календарных лет)."""
    if n % 10 == 1 and n % 100 != 11:
        return "календарный год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "календарных года"
    return "календарных лет"
