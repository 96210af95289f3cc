"""Where each field of a release is in the text of its rendered document.

The renderer typesets what the author typed (quotation marks, dashes, no-break spaces, collapsed
spaces, an upper-case city), so a field's text is found in the document's text after *squeezing*
both: spaces and dashes dropped, quotation marks, apostrophes and ё folded, lower case; the
squeezed strings keep a map back to the original offsets. Fields are searched in the order the
renderer writes them, each from where the previous one was found. Multi-paragraph fields (body,
background) are found paragraph by paragraph.

``locate_fields(doc_text, fields) -> [Piece]``; ``Piece.to_doc(x)`` and ``Piece.to_field(y)`` map an
offset of the field's text to the document's text and back. Pure: no Flask.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from app.review.fields import MULTI

_FOLD = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'",
                       "ё": "е", "Ё": "е"})
_DROP = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_PARA_SEP = re.compile(r"\n[ \t\r]*\n")
# The order in which the renderer writes the fields (sub-fields of entries by their names).
_RENDER_ORDER = ("label", "headline", "subheadline", "city", "lead", "body", "quotes", "background", "projects",
                 "contacts", "organisation", "boilerplate")
_SUB_ORDER = {"quotes": ("text", "speaker", "position"), "projects": ("name", "organisations"),
              "contacts": ("name", "role", "organisation", "phone", "email")}


def squeeze(text: str) -> tuple[str, list[int]]:
    """The text without spaces and dashes, folded, and for every kept character its offset."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _DROP:
            continue
        c = ch.translate(_FOLD)
        low = c.lower()
        chars.append(low if len(low) == 1 else c)
        where.append(i)
    return "".join(chars), where


@dataclass
class Piece:
    field: str
    field_start: int  # the piece is text[field_start:field_end] of the field
    field_end: int
    doc_start: int  # ... found at doc_text[doc_start:doc_end]
    doc_end: int
    fmap: list[int]  # squeezed field piece -> field offsets
    dmap: list[int]  # squeezed document piece -> document offsets

    def to_doc(self, x: int, end: bool = False) -> int:
        """A field offset (inside this piece) as a document offset; ``end`` for the end of a span."""
        k = bisect.bisect_left(self.fmap, x)
        if end:
            return self.dmap[k - 1] + 1 if k > 0 else self.doc_start
        return self.dmap[k] if k < len(self.dmap) else self.doc_end

    def to_field(self, y: int, end: bool = False) -> int:
        k = bisect.bisect_left(self.dmap, y)
        if end:
            return self.fmap[k - 1] + 1 if k > 0 else self.field_start
        return self.fmap[k] if k < len(self.fmap) else self.field_end


def _rank(fid: str) -> tuple:
    m = re.match(r"^(\w+?)-(\d+)-(\w+)$", fid)
    if m:
        name, i, sub = m.group(1), int(m.group(2)), m.group(3)
        subs = _SUB_ORDER.get(name, ())
        return (_RENDER_ORDER.index(name) if name in _RENDER_ORDER else 99, i, subs.index(sub) if sub in subs else 9)
    return (_RENDER_ORDER.index(fid) if fid in _RENDER_ORDER else 99, 0, 0)


def _pieces_of(fid: str, text: str) -> list[tuple[int, int]]:
    if fid in MULTI:
        out, pos = [], 0
        for m in list(_PARA_SEP.finditer(text)) + [None]:
            stop = m.start() if m is not None else len(text)
            chunk = text[pos:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                out.append((pos + lead, pos + len(chunk.rstrip())))
            if m is not None:
                pos = m.end()
        return out
    lines = []
    for m in re.finditer(r"[^\n]+", text):  # organisations: one per line, rendered joined
        if m.group().strip():
            lines.append((m.start(), m.end()))
    return lines


def locate_fields(doc_text: str, fields: list[tuple[str, str]]) -> list[Piece]:
    """The pieces of every field found in the document, in document order."""
    sq_doc, dmap_all = squeeze(doc_text)
    out: list[Piece] = []
    cursor = 0  # in the squeezed document
    for fid, text in sorted(fields, key=lambda ft: _rank(ft[0])):
        for a, b in _pieces_of(fid, text):
            sq, fmap = squeeze(text[a:b])
            if not sq:
                continue
            i = sq_doc.find(sq, cursor)
            if i < 0:
                i = sq_doc.find(sq)
                if i < 0:
                    continue
            else:
                cursor = i + len(sq)
            ds, de = dmap_all[i], dmap_all[i + len(sq) - 1] + 1
            out.append(Piece(fid, a, b, ds, de, [a + x for x in fmap], dmap_all[i:i + len(sq)]))
    out.sort(key=lambda p: p.doc_start)
    return out


def field_span_in_doc(pieces: list[Piece], fid: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """A span of a field's text as a span of the document's text (None: not found there)."""
    mine = [p for p in pieces if p.field == fid]
    if not mine:
        return None
    if start is None:
        return mine[0].doc_start, mine[-1].doc_end
    first = next((p for p in mine if p.field_start <= start <= p.field_end), None)
    if first is None:  # between two paragraphs: the start of the next one
        first = next((p for p in mine if p.field_start >= start), mine[-1])
        ds = first.doc_start
    else:
        ds = first.to_doc(start)
    last = next((p for p in reversed(mine) if p.field_start <= end <= p.field_end), None)
    if last is None:
        last = next((p for p in reversed(mine) if p.field_end <= end), mine[0])
        de = last.doc_end
    else:
        de = last.to_doc(end, end=True)
    if end == start:
        return ds, ds
    return ds, max(ds, de)
