"""Build a linted document from an evaluation case (tests/eval/*/…yml, format: tests/eval/SPEC.md).

A case has either ``text`` (a plain-text draft, read as TXT) or ``docx`` (a Word layout: page header
and footer, paragraphs, headings, tables, text boxes, footnotes), built here with python-docx the
way Word writes them: a text box is an ``mc:AlternateContent`` with a DrawingML choice and a VML
fallback holding the same text, a footnote is a ``word/footnotes.xml`` part with a reference run.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from app.core.readers import read_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _txbx_paragraphs(text: str) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
                   for line in text.split("\n"))


def _textbox_run_xml(text: str, n: int) -> str:
    inner = _txbx_paragraphs(text)
    return (
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:inline><wp:extent cx="2743200" cy="914400"/><wp:docPr id="{n}" name="Text Box {n}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape style="width:216pt;height:72pt"><v:textbox><w:txbxContent>{inner}'
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def _footnotes_xml(notes: list[str]) -> bytes:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>'
        for i, t in enumerate(notes, start=1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'{body}</w:footnotes>'
    ).encode("utf-8")


def docx_bytes(spec: dict) -> bytes:
    """A DOCX from a case's ``docx`` layout."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    d = docx.Document()
    section = d.sections[0]
    for attr in ("header", "footer"):
        text = spec.get(attr)
        if text:
            hf = getattr(section, attr)
            hf.is_linked_to_previous = False
            lines = str(text).split("\n")
            hf.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                hf.add_paragraph(line)
    notes: list[str] = []
    last_par = None
    boxes = 0
    for item in spec.get("body") or []:
        if "p" in item:
            last_par = d.add_paragraph(str(item["p"]))
        elif "h" in item:
            last_par = d.add_heading(str(item["h"]), level=1)
        elif "table" in item:
            rows = [[("" if c is None else str(c)) for c in row] for row in item["table"]]
            ncols = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncols)
            for i, row in enumerate(rows):
                for j in range(ncols):
                    t.cell(i, j).text = row[j] if j < len(row) else ""
        elif "textbox" in item:
            boxes += 1
            p = d.add_paragraph()
            p._p.append(parse_xml(_textbox_run_xml(str(item["textbox"]), boxes)))
        elif "footnote" in item:
            notes.append(str(item["footnote"]))
            if last_par is None:
                last_par = d.add_paragraph("")
            last_par._p.append(parse_xml(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
        else:
            raise ValueError(f"unknown docx body item {item!r}")
    if notes:
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    _footnotes_xml(notes), d.part.package)
        d.part.relate_to(part, RT.FOOTNOTES)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def case_document(case: dict):
    """(Document, format) for a case."""
    lang = case.get("lang", "auto")
    if "docx" in case:
        data = docx_bytes(case["docx"])
        return read_bytes(data, f"{case['id']}.docx", "docx", lang), "docx"
    return read_bytes(str(case["text"]).encode("utf-8"), f"{case['id']}.txt", "txt", lang), "txt"
