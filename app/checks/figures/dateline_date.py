"""The date in the dateline must equal the release date on the date line above it."""
from __future__ import annotations

from app.checks.figures.dates import format_date
from app.checks.structure.parts import structure


def check(doc, rule, ctx):
    s = structure(doc)
    rel, dl = s.release_date_mention, s.dateline_date
    if rel is None or dl is None or rel is dl or s.release_date is None:
        return
    d = dl.date(s.release_date.year)
    if d is None or d == s.release_date:
        return
    like = doc.text[dl.start:dl.end]
    yield rule.finding(doc, dl.start, dl.end, [format_date(s.release_date, doc.language, like)],
                       release=doc.text[rel.start:rel.end])
