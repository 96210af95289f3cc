"""The release the way it is sent: a PDF attachment (LibreOffice headless from our DOCX, so it is
the same document with the same DRAFT marking, emblem, fonts and links) and the body of an e-mail
(clean HTML and plain text read from the same DOCX: the emblem line, the text, the contacts, the
funding statement, the disclaimer and the boilerplate).

Pure core: no Flask. ``pressroom render --format pdf|html|txt`` and the web app's "Download PDF"
and "Copy for e-mail" use these functions.
"""
from __future__ import annotations

import base64
import html
import io
import re
import tempfile
from pathlib import Path

from app.release.model import Release

FORMATS = ("docx", "pdf", "html", "txt")

_TAGS = {"title": "h1", "subtitle": "h2", "heading 1": "h2", "heading 2": "h3", "pr small head": "h4"}


def render_pdf(release: Release, draft: bool = False, config=None, docx: bytes | None = None) -> bytes:
    """The DOCX converted by LibreOffice; InputError when LibreOffice is missing or fails."""
    from app.release.preview import docx_to_pdf
    from app.release.render import render_bytes

    data = docx if docx is not None else render_bytes(release, draft, config)
    with tempfile.TemporaryDirectory(prefix="pressroom-pdf-") as tmp:
        src = Path(tmp) / "release.docx"
        src.write_bytes(data)
        pdf = docx_to_pdf(src, tmp)
        return add_links(pdf.read_bytes(), docx_links(data), pdf)


def docx_links(docx: bytes) -> list[tuple[str, str]]:
    """(text, target) of every hyperlink of the DOCX (w:hyperlink with r:id): the contacts' e-mails."""
    out = []
    for b in _blocks(docx):
        for text, _bold, href in b["runs"]:
            if href and text.strip() and (text.strip(), href) not in out:
                out.append((text.strip(), href))
    return out


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def add_links(pdf: bytes, links: list[tuple[str, str]], path: Path | None = None) -> bytes:
    """The PDF with a URI link annotation over every place its text shows a link of the DOCX.

    LibreOffice 7.4 (Debian 12) converting headless keeps the link text but writes no link
    annotations, so the addresses in a PDF attachment were not clickable. The words' boxes come from
    poppler's ``pdftotext -bbox``; the annotations are added with pypdf. Without poppler or pypdf
    the PDF is returned as LibreOffice wrote it."""
    import shutil
    import subprocess

    if not links or not shutil.which("pdftotext"):
        return pdf
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.annotations import Link
    except ImportError:  # pragma: no cover - a dependency in pyproject.toml
        return pdf
    with tempfile.TemporaryDirectory(prefix="pressroom-links-") as tmp:
        src = path if path is not None else Path(tmp) / "in.pdf"
        if path is None:
            src.write_bytes(pdf)
        proc = subprocess.run(["pdftotext", "-bbox", str(src), "-"], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return pdf
    pages: list[tuple[float, list[tuple[float, float, float, float, str]]]] = []
    for chunk in proc.stdout.split("<page ")[1:]:
        m = _PAGE.match("<page " + chunk)
        if not m:
            continue
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(chunk)]
        pages.append((float(m.group(2)), words))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    added = 0
    for n, (height, words) in enumerate(pages):
        texts = [w[4] for w in words]
        for text, href in links:
            want = text.split()
            k = len(want)
            for i in range(len(texts) - k + 1):
                if [t.rstrip(".,;:)»") for t in texts[i:i + k]] != want:
                    continue
                for x0, y0, x1, y1, _t in words[i:i + k]:
                    writer.add_annotation(n, Link(rect=(x0, height - y1, x1, height - y0), url=href, border=[0, 0, 0]))
                    added += 1
    if not added:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blocks(docx: bytes) -> list[dict]:
    """[{kind, style, runs: [(text, bold, href)], image}] of the first-page header and the body."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    d = Document(io.BytesIO(docx))
    sec = d.sections[0]
    header = sec.first_page_header if sec.different_first_page_header_footer else sec.header
    out: list[dict] = []

    def para(p: Paragraph, part, where: str) -> dict:
        runs: list[tuple[str, bool, str | None]] = []
        image = None
        for child in p._p.iterchildren():
            if child.tag == qn("w:r"):
                r = Run(child, p)
                if r.text:
                    runs.append((r.text.replace("\t", " "), bool(r.bold), None))
                for blip in child.iter(qn("a:blip")):
                    rid = blip.get(qn("r:embed"))
                    img = part.related_parts.get(rid)
                    if img is not None and image is None:
                        image = (img.content_type, img.blob)
            elif child.tag == qn("w:hyperlink"):
                text = "".join(t.text or "" for t in child.iter(qn("w:t")))
                rid = child.get(qn("r:id"))
                href = part.rels[rid].target_ref if rid and rid in part.rels else None
                runs.append((text, False, href))
        style = ((p.style.name if p.style is not None else "") or "").lower()
        return {"where": where, "style": style, "runs": runs, "image": image}

    for p in header.paragraphs:
        out.append(para(p, header.part, "header"))
    for p in d.paragraphs:
        out.append(para(p, d.part, "body"))
    return [b for b in out if b["runs"] or b["image"]]


def _text_of(block: dict) -> str:
    return "".join(t for t, _b, _h in block["runs"]).replace("\u00a0", " ").strip()


def render_html(release: Release, draft: bool = False, config=None, docx: bytes | None = None) -> str:
    """The release as clean HTML for the body of an e-mail (inline styles only, no scripts)."""
    from app.release.render import render_bytes

    data = docx if docx is not None else render_bytes(release, draft, config)
    parts = []
    for b in _blocks(data):
        inner = []
        for text, bold, href in b["runs"]:
            t = html.escape(text).replace("\n", "<br>")
            if href:
                t = f'<a href="{html.escape(href, quote=True)}">{t}</a>'
            elif bold:
                t = f"<strong>{t}</strong>"
            inner.append(t)
        body = "".join(inner).strip()
        if b["where"] == "header":
            body = body.replace("\u00a0", " ")  # the emblem line is kept on one line in the DOCX only
            img = ""
            if b["image"]:
                ctype, blob = b["image"]
                alt = "Emblem of the European Union" if release.language == "en" else "Эмблема Европейского Союза"
                img = (f'<img src="data:{ctype};base64,{base64.b64encode(blob).decode()}" alt="{alt}" height="40" '
                       f'style="vertical-align:middle;margin-right:8px">')
            parts.append(f'<p style="margin:0 0 16px">{img}{body}</p>')
            continue
        tag = _TAGS.get(b["style"], "p")
        style = ' style="font-size:smaller;color:#555"' if b["style"] in ("pr small", "pr disclaimer") else ""
        parts.append(f"<{tag}{style}>{body}</{tag}>")
    lang = release.language
    return (f'<div lang="{lang}" style="font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4">'
            + "\n".join(parts) + "</div>")


def render_text(release: Release, draft: bool = False, config=None, docx: bytes | None = None) -> str:
    """The release as plain text (the e-mail's text part): one paragraph per line, a blank line between."""
    from app.release.render import render_bytes

    data = docx if docx is not None else render_bytes(release, draft, config)
    lines = []
    for b in _blocks(data):
        text = _text_of(b)
        for t, _bold, href in b["runs"]:
            if href and href.startswith("http") and href not in text:
                text += f" <{href}>"
        if not text:
            continue
        if b["style"] == "title":
            text = text + "\n" + "=" * min(len(text), 72)
        lines.append(text)
    return "\n\n".join(lines) + "\n"


__all__ = ["FORMATS", "render_pdf", "render_html", "render_text"]
