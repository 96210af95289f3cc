"""A part of the press release is missing: one rule per part (``options.part``).

The finding has length 0 and points where the part belongs. For the disclaimer and the funding
statement the suggestion is the official text in the document's language (templates/texts/),
filled with the organisation from pressroom.toml or named in the draft; ``fix`` (text to insert)
is set only when that organisation is known.
"""
from __future__ import annotations

import re

from app.checks.structure.parts import CITY, CITY_PREFIX, DATE_PREFIX, LABEL, PLACE_PREFIX, WEEKDAY, structure
from app.core import eu_texts


def _anchor(doc, s, part: str) -> int:
    body = doc.body_blocks
    first = body[0].start if body else 0
    if part == "label":
        return first
    if part == "date":
        return s.top[-1].end if s.top else first
    if part == "date-line":
        if s.headline is not None:
            return s.headline.start
        return s.top[-1].end if s.top else first
    if part == "headline":
        return (s.lead.start if s.lead else (s.top[-1].end if s.top else first))
    if part == "dateline":
        return s.lead.start if s.lead else (s.headline.end if s.headline else first)
    if part == "contacts" and s.boilerplate:
        block = doc.block_at(s.boilerplate.start)
        return block.start if block else s.boilerplate.start
    return doc.end_anchor()


def _suggestion(doc, ctx, part: str, s) -> tuple[str | None, str | None]:
    """(suggestion, fix) for the part."""
    org = ctx.config.organisation or s.organisation
    if part == "disclaimer":
        text = eu_texts.disclaimer(doc.language, org)
        return text, ("\n\n" + text if org else None)
    if part == "funding-statement":
        text = eu_texts.funding_statement(doc.language)
        return text, ("\n\n" + text if org else None)
    if part == "boilerplate":
        return eu_texts.boilerplate_heading(doc.language) + "\n" + eu_texts.boilerplate(doc.language), None
    if part == "label":
        return ("ПРЕСС-РЕЛИЗ" if doc.language == "ru" else "PRESS RELEASE"), None
    if part == "date-line" and s.dateline_date is not None:
        return doc.text[s.dateline_date.start:s.dateline_date.end], None
    return None, None


ATTR = {"label": "label", "date": "date", "date-line": "date_line", "headline": "headline", "dateline": "dateline",
        "contacts": "contacts", "funding-statement": "funding", "disclaimer": "disclaimer",
        "boilerplate": "boilerplate"}


def _date_line_with_place(doc, s) -> bool:
    """The release date line names the place too («Ош, 9 апреля 2026 г.», "Dushanbe, 3 May 2025"):
    what a dateline tells the reader is there, so a lead without its own is not an error."""
    if s.date_line is None:
        return False
    block = doc.block_at(s.date_line.start)
    if block is None:
        return False
    before = DATE_PREFIX.sub("", doc.text[block.start:s.date_line.start])
    if LABEL.match(before):
        before = before[LABEL.match(before).end():].lstrip(" \t|•·/–—:,-")
    if bool(before.strip()) and bool(CITY_PREFIX.match(before) or PLACE_PREFIX.match(before)):
        return True
    after = doc.text[s.date_line.end:block.end]  # «3 марта 2026 г., Ош», "3 March 2026 | Osh"
    return bool(re.match(r"^\s*(?:года|г\.)?\s*[,|•·/–—-]\s*(?:г\.\s*)?" + CITY + r"\s*[.,]?\s*$", after)) \
        and not re.search(WEEKDAY, after, re.I)


def check(doc, rule, ctx):
    part = rule.options.get("part") or rule.id.rsplit("missing-", 1)[-1]
    s = structure(doc)
    if getattr(s, ATTR[part]) is not None:
        return
    if part == "date-line" and s.date is None:
        return  # no date at all: structure.missing-date says so
    if part == "dateline" and _date_line_with_place(doc, s):
        return  # «Ош, 9 апреля 2026 г.» above the headline gives the place and the date already
    at = _anchor(doc, s, part)
    suggestion, fix = _suggestion(doc, ctx, part, s)
    yield rule.finding(doc, at, at, [suggestion] if suggestion else [], fix=fix,
                       organisation=ctx.config.organisation or s.organisation or "")
