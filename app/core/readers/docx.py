"""DOCX drafts: body paragraphs, tables and text boxes in document order, then headers, footers, footnotes.

A text box (``w:txbxContent``, in a DrawingML shape or a VML picture, often wrapped in
``mc:AlternateContent`` with the same text in its Choice and its Fallback) becomes blocks of kind
``textbox`` right after the paragraph it is anchored in; only the Choice of an AlternateContent is
read.

Safety before parsing: the ZIP's declared uncompressed sizes are checked (zip bombs), and every
XML part is first parsed by a parser that refuses a DTD, entity declarations and external
references (defusedxml's expat, whatever the part's encoding: a UTF-16 part with a DOCTYPE is
caught like an ASCII one), reading at most the declared size. The parts Pressroom parses itself
(comments, footnotes) go through lxml with entities, DTD loading and the network switched off.

The character map (``DocxSource.segments``) records for every piece of extracted text the
``w:r`` run and the ``w:t`` node it came from, so findings can be written back as comments and
fixes can edit runs without touching their formatting.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from app.core.document import Block, Document, Suppression
from app.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE = f"{{{MC}}}AlternateContent"
CHOICE = f"{{{MC}}}Choice"
FALLBACK = f"{{{MC}}}Fallback"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_XML_PARSER = None


def xml_parser():
    """lxml's parser for the parts Pressroom reads itself: no entities, no DTD, no network."""
    global _XML_PARSER
    if _XML_PARSER is None:
        from lxml import etree

        _XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return _XML_PARSER


def parse_xml(blob: bytes):
    from lxml import etree

    return etree.fromstring(blob, parser=xml_parser())


def _refuse_unsafe_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Stream one part through defusedxml's expat parser (no tree is built): a DTD, an entity
    declaration or an external reference raises; so does XML that is not well-formed."""
    from xml.sax import SAXParseException
    from xml.sax.handler import ContentHandler

    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(ContentHandler())
    try:
        with zf.open(info) as f:
            left = info.file_size + 1
            while left > 0:
                chunk = f.read(min(1 << 20, left))
                if not chunk:
                    break
                left -= len(chunk)
                parser.feed(chunk)
            if left <= 0:
                raise InputError(f"{name}: corrupted DOCX ({info.filename} is larger than the package says)")
        parser.close()
    except DefusedXmlException:
        raise InputError(f"{name}: refused: {info.filename} declares a DTD or external entities (unsafe XML)") from None
    except SAXParseException as e:
        raise InputError(f"{name}: corrupted DOCX ({info.filename} is not well-formed XML: {e.getMessage()})") from None
    except InputError:
        raise
    except Exception as e:  # CRC errors, truncated archives
        raise InputError(f"{name}: corrupted DOCX ({info.filename}: {e})") from None


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Segment:
    start: int  # offset in Document.text
    end: int
    run: Any  # lxml w:r element (None for synthetic text)
    node: Any  # lxml w:t / w:tab / w:br element
    node_offset: int = 0  # offset of this segment inside node text


@dataclass
class DocxSource:
    document: Any  # python-docx Document
    data: bytes
    segments: list[Segment] = field(default_factory=list)
    paragraphs: list[Any] = field(default_factory=list)  # lxml w:p per block, parallel to blocks
    comments: dict[str, dict] = field(default_factory=dict)  # id -> {author, text, start, end}
    has_revisions: bool = False


def check_package(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise InputError(f"{name}: corrupted DOCX (not a readable ZIP package: {e})") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"{name}: refused: DOCX declares {total / 1048576:.0f} MB uncompressed (limit 200 MB); "
            "it may be a zip bomb"
        )
    for i in infos:
        if i.compress_size and i.file_size / max(i.compress_size, 1) > MAX_RATIO and i.file_size > 10 * 1024 * 1024:
            raise InputError(f"{name}: refused: part {i.filename} expands {i.file_size // max(i.compress_size, 1)}x; it may be a zip bomb")
    names = {i.filename for i in infos}
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise InputError(f"{name}: this DOCX is password-protected (encrypted); remove the password in Word and save again")
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError(f"{name}: not a Word document (a ZIP file without word/document.xml)")
    for i in infos:
        if i.filename.endswith((".xml", ".rels")):
            _refuse_unsafe_xml(zf, i, name)
    return zf


class _Walker:
    def __init__(self, src: DocxSource):
        self.src = src
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.comment_open: dict[str, int] = {}
        self.comment_spans: dict[str, tuple[int, int]] = {}
        self.pending: list = []  # text boxes met inside the paragraph being walked

    def add_paragraph(self, p, kind: str, meta: dict | None = None) -> None:
        if self.blocks:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        outer, self.pending = self.pending, []
        self._walk_inline(p)
        boxes, self.pending = self.pending, outer
        if kind == "paragraph":
            kind = _paragraph_kind(p)
        self.blocks.append(Block(kind, start, self.pos, len(self.blocks), meta or {}))
        self.src.paragraphs.append(p)
        # A text box anchored in this paragraph: its paragraphs follow the anchor's, once each
        # (the DrawingML choice of an mc:AlternateContent, never its VML fallback as well).
        for box in boxes:
            self.walk_body(box, "textbox", {"anchor": len(self.blocks) - 1})

    def _emit(self, text: str, run, node, node_offset: int = 0) -> None:
        if not text:
            return
        self.src.segments.append(Segment(self.pos, self.pos + len(text), run, node, node_offset))
        self.parts.append(text)
        self.pos += len(text)

    def _walk_inline(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == q("r"):
                self._run(child)
            elif tag in (q("del"), q("moveFrom")):
                self.src.has_revisions = True
                continue
            elif tag in (q("ins"), q("moveTo")):
                self.src.has_revisions = True
                self._walk_inline(child)
            elif tag == q("commentRangeStart"):
                self.comment_open[child.get(q("id"))] = self.pos
            elif tag == q("commentRangeEnd"):
                cid = child.get(q("id"))
                self.comment_spans[cid] = (self.comment_open.pop(cid, self.pos), self.pos)
            elif tag in (q("hyperlink"), q("smartTag"), q("sdt"), q("sdtContent"), q("fldSimple"), q("customXml")):
                self._walk_inline(child)
            elif tag == ALTERNATE:
                choice = _choice(child)
                if choice is not None:
                    self._walk_inline(choice)
            elif tag == q("pPr"):
                continue

    def _run(self, r) -> None:
        for node in r:
            tag = node.tag
            if tag == q("t"):
                self._emit(node.text or "", r, node)
            elif tag == q("tab"):
                self._emit("\t", r, node)
            elif tag in (q("br"), q("cr")):
                self._emit("\n", r, node)
            elif tag == q("noBreakHyphen"):
                self._emit("\u2011", r, node)
            elif tag == ALTERNATE:
                choice = _choice(node)
                if choice is not None:
                    self.pending.extend(_text_boxes(choice))
            elif tag in (q("drawing"), q("pict"), q("object")):
                self.pending.extend(_text_boxes(node))

    def walk_body(self, body, kind: str = "paragraph", meta: dict | None = None) -> None:
        for child in body:
            tag = child.tag
            if tag == q("p"):
                self.add_paragraph(child, kind, meta)
            elif tag == q("tbl"):
                if kind in ("header", "footer"):
                    # a page header laid out as a table (logo | "Press release · 14 March 2026"): its cells are the header
                    for tr in child.findall(q("tr")):
                        for tc in tr.findall(q("tc")):
                            self.walk_body(tc, kind, meta)
                else:
                    self._table(child)
            elif tag == q("sdt"):
                content = child.find(q("sdtContent"))
                if content is not None:
                    self.walk_body(content, kind, meta)
            elif tag == ALTERNATE:
                choice = _choice(child)
                if choice is not None:
                    self.walk_body(choice, kind, meta)

    def _table(self, tbl) -> None:
        t_i = self.tables = getattr(self, "tables", 0) + 1  # which table (figures read tables row by row)
        for r_i, tr in enumerate(tbl.findall(q("tr"))):
            for c_i, tc in enumerate(tr.findall(q("tc"))):
                self.walk_body(tc, "table-cell", {"row": r_i, "cell": c_i, "table": t_i})

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _choice(alternate):
    """The first mc:Choice of an mc:AlternateContent (what Word shows), or its Fallback when it has
    no Choice; never both, so a text box written twice (DrawingML and VML) is read once."""
    choice = alternate.find(CHOICE)
    if choice is None:
        choice = alternate.find(FALLBACK)
    return choice


def _text_boxes(el) -> list:
    """The outermost w:txbxContent elements inside ``el`` (a drawing, a VML picture, a Choice);
    a text box inside a text box is met again when its parent's paragraphs are walked."""
    out = []
    stack = list(el)
    while stack:
        node = stack.pop(0)
        tag = node.tag
        if tag == q("txbxContent"):
            out.append(node)
            continue
        if tag == ALTERNATE:
            choice = _choice(node)
            if choice is not None:
                stack[0:0] = list(choice)
            continue
        if isinstance(tag, str):
            stack[0:0] = list(node)
    return out


def _paragraph_kind(p) -> str:
    ppr = p.find(q("pPr"))
    if ppr is not None:
        style = ppr.find(q("pStyle"))
        if style is not None:
            val = (style.get(q("val")) or "").lower()
            if val.startswith(("heading", "title", "subtitle", "заголовок")):
                return "heading"
        if ppr.find(q("numPr")) is not None:
            return "list-item"
    return "paragraph"


def _read_comments(src: DocxSource) -> None:
    for rel in src.document.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for c in root.findall(q("comment")):
                text = "\n".join("".join(t.text or "" for t in p.iter(q("t"))) for p in c.findall(q("p")))
                src.comments[c.get(q("id"))] = {"author": c.get(q("author")) or "", "text": text}


def _footnote_roots(src: DocxSource):
    for rel in src.document.part.rels.values():
        if (rel.reltype.endswith("/footnotes") or rel.reltype.endswith("/endnotes")) and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for fn in root:
                if fn.get(q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                yield fn


_CHECKED: dict[bytes, None] = {}  # digests of packages that passed check_package (it is deterministic)


def _check_once(data: bytes, name: str) -> None:
    """check_package, skipped for bytes that already passed it in this process (the check page's
    editor and the annotator read the same upload again for every edit)."""
    import hashlib

    digest = hashlib.sha256(data).digest()
    if digest in _CHECKED:
        return
    check_package(data, name)
    while len(_CHECKED) >= 64:
        _CHECKED.pop(next(iter(_CHECKED)))
    _CHECKED[digest] = None


def read_docx(data: bytes, name: str) -> Document:
    _check_once(data, name)
    import docx  # python-docx

    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise InputError(f"{name}: corrupted DOCX ({type(e).__name__}: {str(e)[:120]})") from None
    src = DocxSource(document=d, data=data)
    w = _Walker(src)
    try:
        w.walk_body(d.element.body)
        seen = set()
        for section in d.sections:
            for kind, attrs in (("header", ("first_page_header", "header", "even_page_header")),
                                ("footer", ("first_page_footer", "footer", "even_page_footer"))):
                for attr in attrs:
                    hf = getattr(section, attr)
                    if hf.is_linked_to_previous:
                        continue
                    el = hf._element
                    if id(el) in seen:
                        continue
                    seen.add(id(el))
                    w.walk_body(el, kind, {"part": attr})
        for fn in _footnote_roots(src):
            w.walk_body(fn, "footnote", {"id": fn.get(q("id"))})
        _read_comments(src)
    except InputError:
        raise
    except Exception as e:
        raise InputError(f"{name}: corrupted DOCX ({type(e).__name__}: {str(e)[:120]})") from None
    text = w.text
    if not text.strip():
        raise InputError(f"{name}: the document has no text to check")
    for cid, (s, e) in w.comment_spans.items():
        if cid in src.comments:
            src.comments[cid].update(start=s, end=e)
    suppressions = []
    for c in src.comments.values():
        m = re.match(r"\s*pressroom-ignore\s+([\w.\-, ]+)", c["text"])
        if m and "start" in c:
            for rule in re.split(r"[\s,]+", m.group(1).strip()):
                if rule:
                    suppressions.append(Suppression(rule, c["start"], c["end"]))
    return Document(text=text, blocks=w.blocks, path=name, format="docx", suppressions=suppressions, docx=src)
