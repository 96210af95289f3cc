"""A weekday named with a date must be that date's weekday (`в четверг, 12 марта 2026`,
`on Wednesday, 18 February`). A date without a year takes the release year; when the release
has no dated date line or dateline, such dates are skipped."""
from __future__ import annotations

import re

from app.checks.figures.dates import (EN_WEEKDAY, EN_WEEKDAY_NAMES, RU_WEEKDAY, RU_WEEKDAY_NAMES, find_dates,
                                      weekday_index)
from app.checks.structure.parts import structure


def check(doc, rule, ctx):
    text = doc.text
    rx = RU_WEEKDAY if doc.language == "ru" else EN_WEEKDAY
    names = RU_WEEKDAY_NAMES if doc.language == "ru" else EN_WEEKDAY_NAMES
    year = None
    for d in find_dates(text, doc.language):
        # "четверг, 12 марта" / "Wednesday, February 18" / "12 марта (четверг)"
        before = re.search(r"(" + rx.pattern + r"),?\s*$", text[max(0, d.start - 20):d.start], rx.flags)
        after = re.match(r"^\s*[(,]\s*(" + rx.pattern + r")", text[d.end:d.end + 20], rx.flags)
        hit = before or after
        if not hit:
            continue
        if d.year is None and year is None:
            year = structure(doc).year() or 0
        real = d.date(year or None)
        if real is None:
            continue
        named = weekday_index(hit.group(1))
        if named is None or named == real.weekday():
            continue
        if before:
            s = d.start - 20 + before.start(1) if d.start >= 20 else before.start(1)
            s, e = s, d.end
        else:
            s, e = d.start, d.end + after.end(1)
        yield rule.finding(doc, s, e, [names[real.weekday()]],
                           message=f"{real.isoformat()} is a {EN_WEEKDAY_NAMES[real.weekday()]}, not a {EN_WEEKDAY_NAMES[named]}",
                           message_ru=f"{real:%d.%m.%Y} — {RU_WEEKDAY_NAMES[real.weekday()]}, а не {RU_WEEKDAY_NAMES[named]}")
