"""The date in the dateline must equal the release date on the date line above it; the date in a
page header (DOCX) is the release date too: the dateline (or date line) must give the same date."""
from __future__ import annotations

from app.checks.structure.parts import structure
from app.facts.dates import find_dates, format_date


def check(doc, rule, ctx):
    s = structure(doc)
    rel, dl = s.release_date_mention, s.dateline_date
    body_date = None
    if rel is not None and dl is not None and rel is not dl and s.release_date is not None:
        d = dl.date(s.release_date.year)
        body_date = s.release_date
        if d is not None and d != s.release_date:
            like = doc.text[dl.start:dl.end]
            yield rule.finding(doc, dl.start, dl.end, [format_date(s.release_date, doc.language, like)],
                               release=doc.text[rel.start:rel.end], related=[(rel.start, rel.end - rel.start)])
            return
    if body_date is None:
        m = rel or dl
        if m is not None:
            body_date = m.date(s.year())
    if body_date is None:
        return
    anchor = dl or rel
    for b in doc.blocks:
        if b.kind != "header":
            continue
        ds = find_dates(doc.text[b.start:b.end], doc.language)
        if len(ds) != 1:
            continue
        h = ds[0]
        hd = h.date(body_date.year)
        if hd is None or hd == body_date:
            continue
        # the page header carries the release date: the body's date is the one to correct
        hs, he = b.start + h.start, b.start + h.end
        like = doc.text[anchor.start:anchor.end]
        header = doc.text[hs:he]
        yield rule.finding(doc, anchor.start, anchor.end, [format_date(hd, doc.language, like)],
                           message=f"The release is dated '{header}' in the page header but '{like}' here",
                           message_ru=f"В колонтитуле релиз датирован «{header}», а здесь — «{like}»",
                           related=[(hs, he - hs)])
        return
