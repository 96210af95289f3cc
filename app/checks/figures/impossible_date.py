"""Dates no calendar has: «31 ноября», "30 February", 29 February of a common year."""
from __future__ import annotations

from app.facts.dates import find_dates


def check(doc, rule, ctx):
    for d in find_dates(doc.text, doc.language):
        if not d.possible or (d.year and d.month == 2 and d.day == 29 and d.date() is None):
            yield rule.finding(doc, d.start, d.end, [])
