"""A DOCX the Delegation edited outside Pressroom, compared with the submitted version.

``compare_docx(edited, name, rendered, payload)``: ``edited`` is the uploaded file (read through the
guarded reader, app.core.readers, like every upload: zip bombs, DTDs, encrypted or legacy files are
refused with one line; tracked changes are read as if accepted), ``rendered`` the DOCX Pressroom
rendered for the submitted version and ``payload`` that version. Both documents' texts are compared
word by word (after folding what the renderer's typography changes: quotation marks, dashes,
no-break spaces, case is kept); every changed span that lies inside a field becomes a
``Proposal(field, start, end, old, new)`` on that field's text, which the author can accept one by
one (the web app stores them as review comments with a replacement). Changes to text Pressroom
writes itself (labels, the dateline, the EU statements) are counted in ``outside`` and not
proposed. A new paragraph between two body paragraphs is proposed as an insertion into the body.
Pure: no Flask.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from app.core.readers import read_bytes
from app.errors import InputError
from app.review.diff import word_diff
from app.review.fields import MULTI, field_texts
from app.review.locate import Piece, locate_fields

_FOLD = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'",
                       "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\u2013": "-", "\u2014": "-",
                       "\u2011": "-", "\u2012": "-"})
MIN_SIMILARITY = 0.3


@dataclass(frozen=True)
class Proposal:
    field: str
    start: int  # span of the field's text in the submitted version
    end: int
    old: str
    new: str


@dataclass
class Comparison:
    proposals: list[Proposal]
    outside: int  # changes to text that is not in any field (labels, statements, dateline)
    similarity: float
    has_revisions: bool  # the upload had tracked changes (read as accepted)


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _clean(new: str, fid: str) -> str:
    new = new.replace("\u00a0", " ").replace("\u202f", " ")
    if fid in MULTI:
        return new.replace("\r", "").replace("\n", "\n\n")
    return new.replace("\n", " ")


def _piece_at(pieces: list[Piece], a: int, b: int) -> Piece | None:
    for p in pieces:
        if p.doc_start <= a and b <= p.doc_end:
            return p
    return None


def compare_docx(edited: bytes, name: str, rendered: bytes, payload: dict) -> Comparison:
    lang = payload.get("language") if payload.get("language") in ("ru", "en") else "auto"
    theirs = read_bytes(edited, name, "docx", lang)
    ours = read_bytes(rendered, "submitted.docx", "docx", lang)
    return compare_texts(_body_text(ours), _body_text(theirs), payload, bool(getattr(theirs.docx, "has_revisions", False)))


def _body_text(doc) -> str:
    """The document's body, one block a line: headers and footers (the emblem line, the DRAFT
    mark, page numbers) and footnotes are Pressroom's or Word's, never a field."""
    return "\n".join(doc.text[b.start:b.end] for b in doc.blocks if b.kind not in ("header", "footer", "footnote"))


def compare_texts(ours: str, theirs: str, payload: dict, has_revisions: bool = False) -> Comparison:
    pieces = locate_fields(ours, field_texts(payload))
    fields = dict(field_texts(payload))
    a, b = _fold(ours), _fold(theirs)
    ratio = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() if a.strip() and b.strip() else 0.0
    if ratio < MIN_SIMILARITY:
        raise InputError(f"this document does not look like an edited copy of the submitted version "
                         f"(only {ratio:.0%} of its words match); upload the file the Delegation edited")
    proposals: list[Proposal] = []
    outside = 0
    for op in word_diff(a, b):
        if op.kind == "equal":
            continue
        s, e = op.old_start, op.old_start + len(op.old)
        new = theirs[op.new_start:op.new_start + len(op.new)]
        # spaces around a change are not part of it
        while s < e and ours[s].isspace() and new[:1].isspace():
            s += 1
            new = new[1:]
        piece = _piece_at(pieces, s, e)
        if piece is None and s == e and new.startswith("\n"):
            # a new paragraph after the end of one: it belongs to the next multi-paragraph field
            nxt = next((p for p in pieces if p.doc_start > s and not ours[s:p.doc_start].strip()), None)
            if nxt is not None and nxt.field in MULTI:
                piece, s, e, new = nxt, nxt.doc_start, nxt.doc_start, new.lstrip("\n") + "\n"
        if piece is None and s == e:
            prev = next((p for p in reversed(pieces) if p.doc_end <= s and not ours[p.doc_end:s].strip()), None)
            if prev is not None and prev.field in MULTI and new.strip():
                piece, s, e = prev, prev.doc_end, prev.doc_end
                new = "\n" + new.strip("\n") if "\n" in new else new
        if piece is None:
            outside += 1
            continue
        fs = piece.to_field(s) if s < piece.doc_end else piece.field_end
        fe = piece.to_field(e, end=True) if e > s else fs
        if piece.field in MULTI and s == e == piece.doc_end and new.startswith("\n"):
            fs = fe = piece.field_end
        text = fields[piece.field]
        proposals.append(Proposal(piece.field, fs, max(fs, fe), text[fs:max(fs, fe)], _clean(new, piece.field)))
    return Comparison(proposals, outside, ratio, has_revisions)
