"""Reading drafts: encodings, Markdown, DOCX with its character map, suppression, language."""
from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from app.core.readers import read_bytes
from app.engine.linter import lint
from app.engine.rules import load_rules

TEXT = "Пресс-релиз\n\nПроект реализуется в 2024-2026 гг. в Астане.\n"
RANGE = [r for r in load_rules() if r.id == "typography.range-hyphen"]


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("cp1251", b""),
])
def test_text_encodings_decode_to_the_same_offsets(encoding, prefix):
    doc = read_bytes(prefix + TEXT.encode(encoding), "draft.txt")
    assert doc.text == TEXT
    assert doc.language == "ru"
    (f,) = lint(doc, rules=RANGE).findings
    assert doc.span_text(f.offset, f.end) == "2024-2026"
    assert doc.line_col(f.offset) == (3, 22)


def test_crlf_keeps_offsets_and_lines():
    doc = read_bytes(TEXT.replace("\n", "\r\n").encode(), "draft.txt")
    (f,) = lint(doc, rules=RANGE).findings
    assert doc.span_text(f.offset, f.end) == "2024-2026"
    assert doc.line_col(f.offset) == (3, 22)


def test_markdown_markup_is_ignored_but_positions_kept():
    md = "# Пресс-релиз\n\n**Проект** реализуется в [2024-2026](https://example.org/a-b) гг.\n\n- пункт 10-15 человек\n"
    doc = read_bytes(md.encode(), "draft.md")
    assert doc.format == "md"
    assert doc.blocks[0].kind == "heading"
    assert "**" not in doc.text and "https" not in doc.text and "# " not in doc.text
    assert len(doc.text) == len(md)
    found = lint(doc, rules=RANGE).findings
    assert [doc.span_text(f.offset, f.end) for f in found] == ["2024-2026", "10-15"]
    assert found[0].offset == md.index("2024-2026")


def test_suppression_comments_in_text():
    text = (
        "Сроки: 2024-2026 гг.\n"
        "<!-- pressroom-disable typography.range-hyphen -->\n"
        "Сроки: 2020-2021 гг.\n"
        "<!-- pressroom-enable typography.range-hyphen -->\n"
        "Сроки: 2018-2019 гг.\n"
    )
    doc = read_bytes(text.encode(), "d.txt")
    found = [doc.span_text(f.offset, f.end) for f in lint(doc, rules=RANGE).findings]
    assert found == ["2024-2026", "2018-2019"]
    # the comment lines themselves are not flagged as leftover markup
    assert not [f for f in lint(doc, select=["typography.leftover-markup"]).findings]


def _make_docx() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Funded by the European Union"
    d.sections[0].footer.paragraphs[0].text = "Page footer 2020-2021"
    d.add_heading("PRESS RELEASE", level=1)
    p = d.add_paragraph("The project runs ")
    p.add_run("2024-").bold = True
    p.add_run("2026 in Almaty.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Budget"
    t.cell(0, 1).text = "Years 2019-2020"
    d.add_paragraph("After the table.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_blocks_in_document_order_with_headers_and_footers():
    doc = read_bytes(_make_docx(), "release.docx")
    kinds = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert kinds == [
        ("heading", "PRESS RELEASE"),
        ("paragraph", "The project runs 2024-2026 in Almaty."),
        ("table-cell", "Budget"),
        ("table-cell", "Years 2019-2020"),
        ("paragraph", "After the table."),
        ("header", "Funded by the European Union"),
        ("footer", "Page footer 2020-2021"),
    ]
    assert doc.language == "en"
    # one \n between paragraphs
    assert doc.text.split("\n")[1] == "The project runs 2024-2026 in Almaty."


def test_docx_character_map_points_back_to_runs():
    doc = read_bytes(_make_docx(), "release.docx")
    found = {doc.span_text(f.offset, f.end): f for f in lint(doc, rules=RANGE).findings}
    assert set(found) == {"2024-2026", "2019-2020", "2020-2021"}
    f = found["2024-2026"]
    segs = [s for s in doc.docx.segments if s.start < f.end and s.end > f.offset]
    runs_text = ["".join(t.text for t in s.run.iter(qn("w:t"))) for s in segs]
    assert runs_text == ["2024-", "2026 in Almaty."]
    assert segs[0].start == f.offset and segs[0].node_offset == 0
    assert segs[0].run.find(qn("w:rPr")).find(qn("w:b")) is not None


def test_docx_tracked_changes_lint_the_current_text():
    d = docx.Document()
    p = d.add_paragraph("Years ")
    ins = p._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "A"})
    r = p._p.makeelement(qn("w:r"), {})
    t = r.makeelement(qn("w:t"), {})
    t.text = "2024-2026"
    r.append(t)
    ins.append(r)
    p._p.append(ins)
    dl = p._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "A"})
    r2 = p._p.makeelement(qn("w:r"), {})
    dt = r2.makeelement(qn("w:delText"), {})
    dt.text = "1999-2000"
    r2.append(dt)
    dl.append(r2)
    p._p.append(dl)
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "tracked.docx")
    assert doc.text == "Years 2024-2026"
    assert doc.docx.has_revisions


@pytest.mark.parametrize("text,lang", [
    ("The European Union supports the rule of law in Kazakhstan.", "en"),
    ("Европейский Союз поддерживает верховенство права в Казахстане.", "ru"),
    ("Проект LPRC и IPHR: rule of law и правосудие для всех граждан страны.", "ru"),
])
def test_language_detection(text, lang):
    assert read_bytes(text.encode(), "d.txt").language == lang


def test_sentences_and_tokens_have_exact_offsets():
    doc = read_bytes("Первое предложение. Второе, с запятой.\nТретье.".encode(), "d.txt")
    assert [s.text for s in doc.sentences] == ["Первое предложение.", "Второе, с запятой.", "Третье."]
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text


def test_markdown_markup_does_not_create_typography_artefacts():
    md = "**Проект** реализуется в _Астане_ и `Алматы`, [сайт](https://a.kz) .\n\nНастоящий  двойной пробел.\n"
    doc = read_bytes(md.encode(), "draft.md")
    found = [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, select=["typography"]).findings]
    assert found == [("typography.double-space", "  ")]
    assert doc.span_text(*(lambda f: (f.offset, f.end))(lint(doc, select=["typography"]).findings[0])) == "  "
    assert md.index("  ") == lint(doc, select=["typography"]).findings[0].offset


def test_seed_as_docx_gives_the_same_findings_as_the_text(seed_path):
    """Empty paragraphs, one paragraph per line: a DOCX made from the seed lints like the seed."""
    text = seed_path.read_text(encoding="utf-8")
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    as_docx = read_bytes(buf.getvalue(), "seed.docx")
    as_txt = read_bytes(text.encode(), "seed.txt")
    key = lambda doc: sorted((f.rule, doc.span_text(f.offset, f.end), f.offset) for f in lint(doc).findings)  # noqa: E731
    assert key(as_docx) == key(as_txt)
