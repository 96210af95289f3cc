"""Dates no calendar has: «31 ноября», "30 February", 29 February of a common year, a 13th month
(«12.13.2026»). A day past the month's end is most often the month's last day mistyped: that day
is suggested («31 июня» → «30 июня», "29 February 2026" → "28 February 2026"); a month that does not
exist suggests nothing."""
from __future__ import annotations

import calendar
import re

from app.facts.dates import NUMERIC_DATE, find_dates


def _last_day(text: str, day: int, month: int, year: int | None) -> str | None:
    last = calendar.monthrange(year or 2023, month)[1] if year else (29 if month == 2 else calendar.monthrange(2023, month)[1])
    if day <= last:
        return None
    m = re.search(r"(?<!\d)0?%d(?!\d)" % day, text)
    if m is None:
        return None
    new = str(last).zfill(len(m.group(0)))
    return text[:m.start()] + new + text[m.end():]


def check(doc, rule, ctx):
    taken = []
    for d in find_dates(doc.text, doc.language):
        if not d.possible or (d.year and d.month == 2 and d.day == 29 and d.date() is None):
            t = doc.text[d.start:d.end]
            s = _last_day(t, d.day, d.month, d.year)
            taken.append((d.start, d.end))
            yield rule.finding(doc, d.start, d.end, [s] if s else [])
    # «12.13.2026»: a day.month.year date with a month past December (dotted dates are day first in both languages)
    for m in NUMERIC_DATE.finditer(doc.text):
        mon, day = int(m.group("mon")), int(m.group("day"))
        if 12 < mon <= 19 and 1 <= day <= 31 and not any(a < m.end() and m.start() < b for a, b in taken):
            yield rule.finding(doc, m.start(), m.end(), [])
