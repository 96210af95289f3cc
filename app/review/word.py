"""A submitted version as DOCX with the reviewer's comments as Word comments.

``commented_docx(docx_bytes, payload, notes, lang)`` takes the rendered DOCX of the version (the
renderer's bytes) and the version's payload, finds every note's field span in the document's text
(app.review.locate) and writes the note there as a Word comment with the annotate machinery
(app.annotate: runs are split with copies of their formatting, comment ids counted up). A note on a
whole field covers the field's text; a note whose text cannot be found in the document (an outdated
anchor, a field the renderer does not print) is put at the start of the body and quotes the text it
was about. Pure: no Flask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.annotate import _CommentIds, open_docx, save
from app.annotate.runs import NotEditable
from app.core.readers import read_bytes
from app.review.anchors import Anchor, reanchor
from app.review.fields import field_text, field_texts
from app.review.locate import field_span_in_doc, locate_fields

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LABELS = {
    "en": {"proposed": "Proposed replacement", "delete": "Proposed: delete this text", "reply": "Reply",
           "outdated": "The text this comment was about is no longer there", "field": "Field"},
    "ru": {"proposed": "Предлагаемая замена", "delete": "Предложение: удалить этот текст", "reply": "Ответ",
           "outdated": "Текста, к которому относится комментарий, больше нет", "field": "Поле"},
}


@dataclass
class Note:
    """One review comment as Word shows it."""

    anchor: Anchor
    text: str
    author: str = "Reviewer"
    replacement: str | None = None
    replies: list[tuple[str, str]] = field(default_factory=list)  # (author, text)
    label: str | None = None  # the field as the user knows it ("Headline"); default: the field id


def _initials(name: str) -> str:
    parts = [p for p in re.split(r"[\s._@-]+", name) if p]
    return "".join(p[0] for p in parts[:3]).upper() or "R"


def note_text(n: Note, lang: str = "en", outdated: bool = False) -> str:
    t = _LABELS.get(lang, _LABELS["en"])
    lines = [n.text.strip()]
    if n.replacement is not None:
        lines.append(f"{t['proposed']}: «{n.replacement}»" if n.replacement else t["delete"])
    for who, text in n.replies:
        lines.append(f"{t['reply']} ({who}): {text.strip()}")
    if outdated:
        lines.append(f"({t['outdated']}: {t['field']} {n.label or n.anchor.field}, «{n.anchor.quote[:200]}».)")
    return _BAD_XML.sub(" ", "\n".join(x for x in lines if x))


def commented_docx(docx_bytes: bytes, payload: dict, notes: list[Note], lang: str = "en") -> bytes:
    """The rendered DOCX with one Word comment per note (see the module docstring)."""
    doc = read_bytes(docx_bytes, "release.docx", "docx", payload.get("language") if payload.get("language") in ("ru", "en") else "auto")
    d, rmap, fresh = open_docx(doc)
    pieces = locate_fields(fresh.text, field_texts(payload))
    body_start = next((s.start for s in rmap.segs if rmap.commentable(s.run)), 0)
    ids = _CommentIds(d)
    for n in notes:
        a = reanchor(n.anchor, field_text(payload, n.anchor.field))
        span = field_span_in_doc(pieces, a.field, a.start, a.end) if a is not None else None
        outdated = span is None
        cid = ids.add(note_text(n, lang, outdated), n.author, _initials(n.author))
        s, e = span if span is not None else (body_start, body_start)
        try:
            rmap.place_comment(cid, s, e)
        except NotEditable:
            rmap.place_comment(cid, body_start, body_start)
    return save(d)
