"""Findings written back into Word: one review comment per finding.

``annotate(document, findings) -> bytes`` returns a DOCX: for a DOCX draft a copy of it (the input
bytes are never modified; existing comments and tracked changes are kept), for a TXT/MD draft a
DOCX made from its text (one paragraph per line). Each comment is anchored on exactly the flagged
span (runs are split where needed, with copies of their ``w:rPr``), author "Pressroom"; findings
about something missing (zero length) are anchored at the point where it belongs. Word cannot hold
comments in headers, footers or footnotes: findings there are anchored at the start of the body,
and the comment quotes the flagged text and says where it is.
"""
from __future__ import annotations

import bisect
import io
import re
from typing import Any, Iterable

from app.annotate.runs import NotEditable, RunMap, new_t
from app.core.document import Document
from app.core.readers.docx import Segment, q
from app.engine.finding import Finding
from app.errors import InputError

AUTHOR = "Pressroom"
INITIALS = "PR"
_ELSEWHERE = {"header": "in a header", "footer": "in a footer", "footnote": "in a footnote or endnote"}
# Labels of a comment per message language (--messages / the web UI's language).
_LABELS = {
    "en": {"error": "Error", "warning": "Warning", "info": "Info", "this": "This is", "suggestion": "Suggestion",
           "related": "See also", "related_one": "Compare with",
           "suggestions": "Suggestions", "rule": "Rule", "header": "in a header", "footer": "in a footer",
           "footnote": "in a footnote or endnote"},
    "ru": {"error": "Ошибка", "warning": "Предупреждение", "info": "Замечание", "this": "Это", "suggestion": "Вариант",
           "related": "См. также", "related_one": "Сравните с",
           "suggestions": "Варианты", "rule": "Правило", "header": "в верхнем колонтитуле",
           "footer": "в нижнем колонтитуле", "footnote": "в сноске"},
}
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def open_docx(document: Document) -> tuple[Any, RunMap, Document]:
    """A fresh, editable copy of a DOCX draft with its run map (the given Document is not touched)."""
    from app.core.readers.docx import read_docx

    src = document.docx
    if src is None or not getattr(src, "data", None):
        raise InputError(f"{document.path}: the DOCX package is not available (read the draft again)")
    fresh = read_docx(src.data, document.path)
    if fresh.text != document.text:
        raise InputError(f"{document.path}: the draft changed since it was checked; check it again")
    d = fresh.docx.document
    editable = [d.element]
    for rel in d.part.rels.values():
        if not rel.is_external and (rel.reltype.endswith("/header") or rel.reltype.endswith("/footer")):
            editable.append(rel.target_part.element)
    paragraphs = fresh.docx.paragraphs

    def paragraph_at(x: int):
        b = fresh.block_at(x)
        return paragraphs[b.index] if b is not None and b.index < len(paragraphs) else None

    return d, RunMap(fresh.docx.segments, paragraph_at, editable, [d.element]), fresh


def docx_from_text(document: Document) -> tuple[Any, RunMap]:
    """A new DOCX with one paragraph per line of the draft's source text (offsets preserved)."""
    import docx

    d = docx.Document()
    text = _BAD_XML.sub(" ", document.source_text)
    body = d.element.body
    sect = body.find(q("sectPr"))
    segments: list[Segment] = []
    paragraphs = []
    starts: list[int] = []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        p = _el("w:p")
        visible = line[:-1] if line.endswith("\r") else line
        if visible:
            r = _el("w:r")
            p.append(r)
            off = pos
            for i, chunk in enumerate(visible.split("\t")):
                if i:
                    tab = _el("w:tab")
                    r.append(tab)
                    segments.append(Segment(off, off + 1, r, tab, 0))
                    off += 1
                if chunk:
                    t = new_t(chunk)
                    r.append(t)
                    segments.append(Segment(off, off + len(chunk), r, t, 0))
                    off += len(chunk)
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)
        paragraphs.append(p)
        pos += len(line) + 1
    if document.path and not document.path.startswith("<"):
        from pathlib import Path

        d.core_properties.title = Path(document.path).stem
    lang = {"ru": "ru-RU", "en": "en-GB"}.get(document.language)
    if lang:
        _set_default_language(d, lang)

    def paragraph_at(x: int):
        i = bisect.bisect_right(starts, x) - 1
        return paragraphs[i] if i >= 0 else None

    return d, RunMap(segments, paragraph_at)


def _set_default_language(d, lang: str) -> None:
    """Word's proofing language for the whole made-up document."""
    styles = d.styles.element
    defaults = styles.find(q("docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{q('rPrDefault')}/{q('rPr')}")
    if rpr is None:
        return
    el = rpr.find(q("lang"))
    if el is None:
        el = _el("w:lang")
        rpr.append(el)
    el.set(q("val"), lang)


def _el(tag: str):
    from app.annotate.runs import make_el

    return make_el(tag)


def comment_text(f: Finding, document: Document | None = None, where: str | None = None, lang: str = "en") -> str:
    """Severity and message, suggestion(s), rule id: one paragraph each, in ``lang`` (en, ru)."""
    t = _LABELS.get(lang, _LABELS["en"])
    message = (f.message_ru or f.message) if lang == "ru" else f.message
    lines = [f"{t[f.severity]}: {message}"]
    if where and document is not None:
        quoted = document.span_text(f.offset, f.end).strip()
        lines.append(f"({t['this']} {t.get(where, where)}{': «' + quoted[:200] + '»' if quoted else ''}.)")
    if f.related and document is not None:
        places = []
        for o, n in f.related[:4]:
            line, _ = document.line_col(o)
            places.append(f"«{document.span_text(o, o + n).strip()[:80]}» ({'стр.' if lang == 'ru' else 'line'} {line})")
        lines.append(f"{t['related_one'] if len(places) == 1 else t['related']}: " + "; ".join(places))
    sugg = [s for s in f.suggestions if s is not None][:5]
    if sugg:
        label = t["suggestion"] if len(sugg) == 1 else t["suggestions"]
        lines.append(f"{label}: " + " | ".join(s if s.strip() else repr(s) for s in sugg))
    lines.append(f"{t['rule']}: {f.rule}")
    return _BAD_XML.sub(" ", "\n".join(lines))


class _CommentIds:
    """Adds comments with ids counted up from the largest one in the draft. python-docx's own
    ``add_comment`` finds the next id by reading every comment's id, which made annotating a long
    document quadratic (issue 13); the comment XML is the one python-docx writes."""

    def __init__(self, d):
        self.comments = d.comments  # python-docx makes the comments part when the draft has none
        self.elm = self.comments._comments_elm
        self.next_id = max((int(x) for x in self.elm.xpath("./w:comment/@w:id")), default=-1) + 1

    def add(self, text: str, author: str, initials: str) -> int:
        import datetime as dt
        from xml.sax.saxutils import quoteattr

        from docx.oxml.parser import parse_xml

        if self.next_id > 2**31 - 1:  # python-docx then looks for a free id below
            return self.comments.add_comment(text=text, author=author, initials=initials).comment_id
        cid = self.next_id
        self.next_id += 1
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        paras = []
        for i, line in enumerate(text.split("\n")):
            ref = ('<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>') if i == 0 else ""
            runs = "<w:tab/>".join(f'<w:t xml:space="preserve">{_xml_text(part)}</w:t>' for part in line.split("\t"))
            paras.append(f"<w:p>{ref}<w:r>{runs}</w:r></w:p>")
        # One parse per comment (python-docx builds the same XML element by element, ~4x slower).
        self.elm.append(parse_xml(
            f'<w:comment {_W_NS} w:id="{cid}" w:author={quoteattr(author)} w:date="{stamp}"'
            f'{" w:initials=" + quoteattr(initials) if initials is not None else ""}>{"".join(paras)}</w:comment>'))
        return cid


def _xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def save(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def annotate(document: Document, findings: Iterable[Finding], author: str = AUTHOR,
             initials: str = INITIALS, lang: str = "en") -> bytes:
    """The draft as a DOCX with one review comment per finding (see the module docstring)."""
    findings = sorted(findings, key=lambda f: (f.offset, f.length))
    if document.format == "docx":
        d, rmap, fresh = open_docx(document)
        kinds = fresh
    else:
        d, rmap = docx_from_text(document)
        kinds = None
    limit = len(document.source_text)
    body_start = next((s.start for s in rmap.segs if rmap.commentable(s.run)), 0)
    ids = _CommentIds(d)
    for f in findings:
        where = None
        a = max(0, min(f.offset, limit))
        b = max(a, min(f.end, limit))
        if kinds is not None:
            block = kinds.block_at(a)
            if block is not None and block.kind in _ELSEWHERE:
                where = block.kind
                a = b = body_start
        cid = ids.add(comment_text(f, document, where, lang), author, initials)
        try:
            rmap.place_comment(cid, a, b)
        except NotEditable:
            rmap.place_comment(cid, body_start, body_start)
        # the places the finding contradicts get a short comment of their own, pointing back
        for o, n in f.related[:4]:
            ra, rb = max(0, min(o, limit)), max(0, min(o + n, limit))
            if kinds is not None:
                block = kinds.block_at(ra)
                if block is not None and block.kind in _ELSEWHERE:
                    continue
            quoted = document.span_text(f.offset, f.end).strip()[:80]
            t = _LABELS.get(lang, _LABELS["en"])
            note = (f"{t['related_one']}: «{quoted}» ({f.rule})")
            rc = ids.add(_BAD_XML.sub(" ", note), author, initials)
            try:
                rmap.place_comment(rc, ra, rb)
            except NotEditable:
                pass
    return save(d)
