"""The release date must be one date: the date line above the headline («21 ноября 2025 года»,
"Press release | Ashgabat | Tuesday, 18 November 2025", "Released: 13 May 2026"), the dateline
(«АСТАНА, 21 ноября 2025 года – …») and, in Word, the date in the page header.

Which one is wrong: the one the rest of the release does not support. A date is supported by the
same date written elsewhere in the text and by a weekday named with it that fits; the page header
counts as the release date, unless the body states its own date twice (a date line and a dateline
that agree, or a weekday that fits) and nothing in the body supports the header's: then the header
(left over from an earlier draft) is the odd one out. When nothing decides, the dateline is flagged (it is typed by hand
when a draft is re-used)."""
from __future__ import annotations

import re

from app.checks.structure.parts import structure
from app.facts import facts
from app.facts.dates import DateMention, find_dates, format_date, weekday_index


def _release_line(doc, s) -> DateMention | None:
    """A short block above the dateline that holds exactly one date."""
    m = s.release_date_mention
    if m is not None and (s.dateline_date is None or m.start != s.dateline_date.start):
        return m
    limit = s.dateline.start if s.dateline else None
    for b in doc.body_blocks[:4]:
        if limit is not None and b.start >= limit:
            break
        t = doc.text[b.start:b.end]
        if len(t) > 120:
            continue
        ds = find_dates(t, doc.language)
        if len(ds) == 1:
            d = ds[0]
            return DateMention(b.start + d.start, b.start + d.end, d.day, d.month, d.year)
    return _issued_line(doc, s)


def _issued_line(doc, s) -> DateMention | None:
    """"Issued on 14 March 2025 by the Delegation …", «Опубликовано 14 марта 2025 года»: a block
    (below the dateline too) that starts with an `issued` phrase (rules/facts) and holds one date."""
    from app.facts.phrases import phrase_set, words

    ps = phrase_set(doc.language, "issued")
    dl = s.dateline
    for b in doc.body_blocks:
        if dl is not None and b.start <= dl.start < b.end:
            continue
        t = doc.text[b.start:b.end]
        if len(t) > 200:
            continue
        ws = words(t[:40])
        if not ws or not ps.at(ws, 0):
            continue
        ds = find_dates(t, doc.language)
        if len(ds) == 1 and ds[0].start < 60 and ds[0].year:
            d = ds[0]
            return DateMention(b.start + d.start, b.start + d.end, d.day, d.month, d.year)
    return None


def _support(doc, mention: DateMention, year: int | None, exclude: list[DateMention]) -> int:
    d = mention.date(year)
    if d is None:
        return 0
    n = 0
    for other in find_dates(doc.text, doc.language):
        if any(other.start == e.start for e in exclude):
            continue
        b = doc.block_at(other.start)
        if b is not None and b.kind == "header":
            continue
        if other.date(year) == d:
            n += 1
    for s, e, idx, dm in facts(doc).weekdays:
        if dm.start == mention.start and d.weekday() == idx:
            n += 1
    return n


_BARE_WEEKDAY = {
    "en": re.compile(r"(?=[Oo])(?<![\w])[Oo]n[ \u00a0]+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w])"),
    "ru": re.compile(r"(?<![\w])[Вв]о?[ \u00a0]+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\w])"),
}


def _bare_weekdays(doc, s) -> list[int]:
    """Weekdays named without a date in the dateline's paragraph ("… announced on Wednesday", «В среду в
    Ашхабаде завершился …»): the day the release tells of, which supports the date that falls on it."""
    dl = s.dateline
    if dl is None:
        return []
    b = doc.block_at(dl.start)
    if b is None:
        return []
    dated = {(a, e) for a, e, _, _ in facts(doc).weekdays}
    out = []
    text = doc.text[b.start:min(b.end, b.start + 600)]
    for m in _BARE_WEEKDAY["ru" if doc.language == "ru" else "en"].finditer(text):
        a = b.start + m.start(1)
        if any(x <= a < y for x, y in dated):
            continue
        idx = weekday_index(m.group(1))
        if idx is not None:
            out.append(idx)
    return out


def check(doc, rule, ctx):
    s = structure(doc)
    dl = s.dateline_date
    rel = _release_line(doc, s)
    year = s.year() or (rel.year if rel else None) or (dl.year if dl else None)
    if rel is not None and dl is not None and rel.start != dl.start:
        rd, dd = rel.date(year), dl.date(year)
        if rd is not None and dd is not None and rd != dd:
            rb = doc.block_at(rel.start)
            # the release line found in the page header is the header: it gets no extra vote for agreeing with itself
            header = None if (rb is not None and rb.kind == "header") else _header_date(doc, year)
            bare = _bare_weekdays(doc, s)
            votes_rel = _support(doc, rel, year, [rel, dl]) + (2 if header == rd else 0) + sum(1 for i in bare if i == rd.weekday())
            votes_dl = _support(doc, dl, year, [rel, dl]) + (2 if header == dd else 0) + sum(1 for i in bare if i == dd.weekday())
            wrong, right = (rel, dl) if votes_dl > votes_rel else (dl, rel)
            like = doc.text[wrong.start:wrong.end]
            good = right.date(year)
            yield rule.finding(doc, wrong.start, wrong.end, [format_date(good, doc.language, like)],
                               release=doc.text[right.start:right.end], related=[(right.start, right.end - right.start)],
                               message=f"'{like}' differs from the release date '{doc.text[right.start:right.end]}'",
                               message_ru=f"«{like}» не совпадает с датой релиза «{doc.text[right.start:right.end]}»")
            return
    anchor = dl or rel
    if anchor is None:
        return
    body_date = anchor.date(year)
    if body_date is None:
        return
    headers = [b for b in doc.blocks if b.kind == "header"]
    if headers and not any(find_dates(doc.text[b.start:b.end], doc.language) for b in headers):
        yield from _header_month(doc, rule, headers, anchor, body_date)
        return
    for b in headers:
        ds = find_dates(doc.text[b.start:b.end], doc.language)
        if len(ds) != 1:
            continue
        h = ds[0]
        hd = h.date(body_date.year)
        if hd is None or hd == body_date:
            continue
        hs, he = b.start + h.start, b.start + h.end
        like = doc.text[anchor.start:anchor.end]
        header = doc.text[hs:he]
        hm = DateMention(hs, he, h.day, h.month, h.year)
        bare = _bare_weekdays(doc, s)
        body_votes = _support(doc, anchor, year, [anchor]) + sum(1 for i in bare if i == body_date.weekday())
        header_votes = _support(doc, hm, year, [hm]) + sum(1 for i in bare if i == hd.weekday())
        if body_votes > 0 and header_votes == 0:
            # the body states its date twice (date line and dateline, or a weekday that fits) and
            # nothing in the body supports the header's: the header is the odd one out
            yield rule.finding(doc, hs, he, [format_date(body_date, doc.language, header)],
                               message=f"The page header dates the release '{header}' but the release says '{like}'",
                               message_ru=f"В колонтитуле релиз датирован «{header}», а в тексте — «{like}»",
                               related=[(anchor.start, anchor.end - anchor.start)])
            return
        # otherwise the page header carries the release date: the body's date is the one to correct
        yield rule.finding(doc, anchor.start, anchor.end, [format_date(hd, doc.language, like)],
                           message=f"The release is dated '{header}' in the page header but '{like}' here",
                           message_ru=f"В колонтитуле релиз датирован «{header}», а здесь — «{like}»",
                           related=[(hs, he - hs)])
        return


def _header_date(doc, year):
    for b in doc.blocks:
        if b.kind == "header":
            ds = find_dates(doc.text[b.start:b.end], doc.language)
            if len(ds) == 1:
                return ds[0].date(year)
    return None


def _header_month(doc, rule, headers, anchor, body_date):
    """"Press release – February 2025" in the page header, "19 March 2025" in the dateline: the
    month (and year) of the header is the release's; nothing decides the day, so nothing is suggested."""
    from app.facts.dates import MONTH_YEAR, _month_ru, EN_MONTHS

    rx = MONTH_YEAR["ru" if doc.language == "ru" else "en"]
    found = []
    for b in headers:
        t = doc.text[b.start:b.end]
        for m in rx.finditer(t):
            if m.group("year"):
                found.append((b.start + m.start(), b.start + m.end(), m))
    if len(found) != 1:
        return
    hs, he, m = found[0]
    mon = _month_ru(m.group("mon")) if doc.language == "ru" else EN_MONTHS.get(m.group("mon").lower()[:3], 0)
    year = int(m.group("year"))
    if not mon or (mon, year) == (body_date.month, body_date.year):
        return
    like = doc.text[anchor.start:anchor.end]
    header = doc.text[hs:he]
    yield rule.finding(doc, anchor.start, anchor.end, [],
                       message=f"The release is dated '{header}' in the page header but '{like}' here",
                       message_ru=f"В колонтитуле релиз датирован «{header}», а здесь — «{like}»",
                       related=[(hs, he - hs)])
