"""A weekday named with a date must be that date's weekday («в четверг, 12 марта 2026 года», "on
Wednesday, 18 February"). Only the weekday word is replaced, in the form it is written in («в
среду» -> «в четверг»). A date without a year takes the release year; when the release has no
year, such dates are skipped. The weekday–date pairs come from the facts model."""
from __future__ import annotations

from app.checks.structure.parts import structure
from app.facts import facts
from app.facts.dates import EN_WEEKDAY_NAMES, RU_WEEKDAY_NAMES, weekday_like


def check(doc, rule, ctx):
    year = None
    for s, e, named, d in facts(doc).weekdays:
        if d.year is None and year is None:
            year = structure(doc).year() or _any_year(doc) or 0
        real = d.date(year or None)
        if real is None or named == real.weekday():
            continue
        word = doc.text[s:e]
        sugg = weekday_like(real.weekday(), word, doc.language, doc.text[max(0, s - 6):s])
        yield rule.finding(doc, s, e, [sugg], related=[(d.start, d.end - d.start)],
                           message=f"{real.isoformat()} is a {EN_WEEKDAY_NAMES[real.weekday()]}, not a {EN_WEEKDAY_NAMES[named]}",
                           message_ru=f"{real:%d.%m.%Y} — {RU_WEEKDAY_NAMES[real.weekday()]}, а не {RU_WEEKDAY_NAMES[named]}")


def _any_year(doc) -> int | None:
    """The year of the release's dates when all its full dates agree on one."""
    from app.facts.dates import find_dates

    years = {d.year for d in find_dates(doc.text, doc.language) if d.year}
    return years.pop() if len(years) == 1 else None
