"""The rendered DOCX opened with python-docx: every mandatory element, the order, the header
emblem, run languages, no-break spaces, fonts, page size, properties, embargo, draft, logos,
the organisation's base document, and atomic writing."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from app.core import eu_texts
from app.engine.config import Config
from app.release import load_release, release_from_data
from app.release.emblem import emblem_png
from app.release.render import render_release

ROOT = Path(__file__).resolve().parent.parent
EX = ROOT / "examples"
EMU_CM = 360000
ALLOWED_FONTS = {"Arial", "Calibri", "Garamond", "Trebuchet MS", "Tahoma", "Verdana", "Ubuntu"}


def _render(release, **kw) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_release(release, **kw)))


@pytest.fixture(scope="module")
def ru():
    release = load_release(EX / "rule-of-law-forum-ru.yml")
    return release, _render(release)


@pytest.fixture(scope="module")
def en():
    release = load_release(EX / "rural-schools-en.yml")
    return release, _render(release)


def _texts(d) -> list[str]:
    return [p.text for p in d.paragraphs]


def _index(texts: list[str], needle: str, start: int = 0) -> int:
    for i in range(start, len(texts)):
        if needle in texts[i].replace("\u00a0", " "):
            return i
    raise AssertionError(f"{needle!r} not found after paragraph {start}: {texts}")


def test_body_order_ru(ru):
    release, d = ru
    t = _texts(d)
    order = [
        "ПРЕСС-РЕЛИЗ", "21 ноября 2025 года", release.headline, "Более 80 участников",
        "АСТАНА, 21 ноября 2025 года — В рамках проектов", "Ключевыми темами", "Партнером форума",
        "«Европейский Союз и Казахстан", "— Алешка Симкич, посол Европейского Союза в Казахстане",
        "Справочная информация", "Форум стал результатом", "Проект «Скоординированные действия",
        "Контакты для СМИ", "Ольга Мирошниченко, координатор проекта, LPRC",
        "Этот проект софинансируется Европейским Союзом.",
        "Данная публикация подготовлена при финансовой поддержке Европейского Союза",
        "О Европейском Союзе", "Европейский Союз — это экономический и политический союз 27", "###",
    ]
    pos = -1
    for needle in order:
        pos = _index(t, needle, pos + 1)
    assert t[-1] == "###"


def test_headline_is_a_title_and_quote_is_a_quotation(ru):
    release, d = ru
    head = next(p for p in d.paragraphs if p.text.replace("\u00a0", " ") == release.headline)
    assert head.style.name == "Title"
    paras = d.paragraphs
    i = next(i for i, p in enumerate(paras) if p.style.name == "Quote")
    assert paras[i].text.startswith("«Европейский Союз и\u00a0Казахстан") and paras[i].text.endswith("стандартами.»")
    assert paras[i + 1].text.startswith("— Алешка Симкич")


def test_disclaimer_names_the_organisation_in_official_wording(ru, en):
    for release, d in (ru, en):
        body = "\n".join(_texts(d)).replace("\u00a0", " ")
        expected = eu_texts.disclaimer(release.language, release.organisation)
        assert " ".join(expected.split()).replace(" – ", " — " if release.language == "ru" else " – ") in body
        assert release.organisation in body


def test_first_page_header_emblem_beside_the_statement(ru, en):
    for release, d, statement in ((*ru, "Совместно финансируется Европейским Союзом"), (*en, "Co-funded by the European Union")):
        section = d.sections[0]
        assert section.different_first_page_header_footer
        header = section.first_page_header
        p = header.paragraphs[0]
        blips = p._p.findall(".//" + qn("a:blip"))
        assert blips, "no picture in the first-page header"
        assert statement in p.text.replace("\u00a0", " ")  # emblem and statement in one paragraph
        extent = p._p.find(".//" + qn("wp:extent"))
        cy, cx = int(extent.get("cy")), int(extent.get("cx"))
        assert cy >= 1 * EMU_CM
        assert abs(cx / cy - 1.5) < 0.01
        rid = blips[0].get(qn("r:embed"))
        assert header.part.related_parts[rid].blob == emblem_png()
        for r in p.runs:
            assert not r.italic and not r.underline


def test_every_run_has_the_language(ru, en):
    for release, d, tag in ((*ru, "ru-RU"), (*en, "en-GB")):
        parts = [d.part] + [hf.part for s in d.sections for hf in (s.first_page_header, s.header, s.first_page_footer, s.footer)]
        n = 0
        for part in parts:
            for r in part.element.iter(qn("w:r")):
                lang = r.find(qn("w:rPr") + "/" + qn("w:lang"))
                assert lang is not None and lang.get(qn("w:val")) == tag, part.partname
                n += 1
        assert n > 30
        assert d.core_properties.language == tag


def test_no_break_spaces_in_money_dates_and_after_short_words(ru, en):
    ru_text = "\n".join(_texts(ru[1]))
    assert "777\u00a0895\u00a0евро" in ru_text and "739\u00a0000\u00a0евро" in ru_text
    assert "21\u00a0ноября 2025\u00a0года" in ru_text
    assert "2024–2026\u00a0гг." in ru_text  # unspaced en dash in a year range
    assert " в\u00a0Казахстане" in ru_text
    assert "Казахстана\u00a0— модернизация" in ru_text  # spaced em dash, no-break before it
    assert '"' not in ru_text
    en_text = "\n".join(_texts(en[1]))
    assert "EUR\u00a0500\u00a0000" in en_text and "EUR\u00a0400\u00a0000" in en_text
    assert "2\u00a0March 2026" in en_text
    assert "“My pupils" in en_text


def test_fonts_page_and_footer(ru):
    release, d = ru
    section = d.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)
    default = d.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert default.get(qn("w:ascii")) == "Arial" and default.get(qn("w:asciiTheme")) is None
    used = {p.style.name for p in d.paragraphs} | {"Normal", "Footer"}
    for name in used:
        style = d.styles[name]
        while style is not None:  # the whole chain of styles a paragraph inherits from
            for f in style.element.iter(qn("w:rFonts")):
                assert f.get(qn("w:asciiTheme")) is None, name
                assert f.get(qn("w:ascii"), "Arial") in ALLOWED_FONTS, name
            style = style.base_style
    for footer in (section.first_page_footer, section.footer):
        instr = "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert "PAGE" in instr
    for p in d.paragraphs:
        for r in p.runs:
            size = r.font.size or p.style.font.size or d.styles["Normal"].font.size
            assert size.pt >= 9


def test_core_properties(ru):
    release, d = ru
    cp = d.core_properties
    assert cp.title == release.headline
    assert cp.author == release.organisation
    assert cp.language == "ru-RU"


def test_embargo_line_at_the_top(en):
    release, d = en
    assert d.paragraphs[0].text.replace("\u00a0", " ") == "EMBARGOED UNTIL 10:00, 2 March 2026"


def test_draft_marking():
    release = load_release(EX / "rule-of-law-forum-ru.yml")
    d = _render(release, draft=True)
    for header in (d.sections[0].first_page_header, d.sections[0].header):  # on every page
        assert "ПРОЕКТ — НЕ ДЛЯ РАСПРОСТРАНЕНИЯ" in [p.text for p in header.paragraphs]
    assert d.paragraphs[0].text == "ПРЕСС-РЕЛИЗ"  # the body's structure is untouched
    assert d.core_properties.content_status == "Проект"
    final = _render(release)
    assert not any("ПРОЕКТ" in p.text for p in final.sections[0].first_page_header.paragraphs)
    assert final.core_properties.content_status == ""


def _logo(path: Path, size) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def test_partner_logos_fit_in_the_emblem_box(tmp_path):
    _logo(tmp_path / "wide.png", (1200, 300))
    _logo(tmp_path / "tall.jpg", (300, 1500))
    data = yaml.safe_load((EX / "rule-of-law-forum-en.yml").read_text(encoding="utf-8"))
    data["logos"] = [{"path": "wide.png", "name": "LPRC"}, {"path": "tall.jpg"}]
    release = release_from_data(data, base_dir=str(tmp_path))
    d = _render(release)
    p = d.sections[0].first_page_header.paragraphs[0]
    extents = [(int(e.get("cx")), int(e.get("cy"))) for e in p._p.iter(qn("wp:extent"))]
    assert len(extents) == 3
    (ecx, ecy), logos = extents[0], extents[1:]
    for cx, cy in logos:
        assert cx <= ecx and cy <= ecy
    assert abs(logos[0][0] / logos[0][1] - 4) < 0.02  # aspect kept
    names = [e.get("descr") for e in p._p.iter(qn("wp:docPr"))]
    assert names[1] == "LPRC"


def test_organisation_base_docx_still_gets_the_mandatory_elements(tmp_path):
    base = docx.Document()
    base.styles["Normal"].font.name = "Verdana"
    base.add_paragraph("Template placeholder text")
    base.sections[0].header.paragraphs[0].text = "House header"
    base.save(tmp_path / "house.docx")
    cfg = Config(render={"base_docx": "house.docx"}, path=tmp_path / "pressroom.toml")
    release = load_release(EX / "rule-of-law-forum-en.yml")
    d = _render(release, config=cfg)
    body = "\n".join(_texts(d)).replace("\u00a0", " ")
    assert "Template placeholder text" not in body
    assert d.styles["Normal"].font.name == "Verdana"  # the house style is kept
    assert "This project is co-funded by the European Union." in body
    assert "sole responsibility of the Legal Policy Research Centre (LPRC)" in body
    assert "About the European Union" in body and body.rstrip().endswith("###")
    header = d.sections[0].first_page_header.paragraphs[0]
    assert header._p.findall(".//" + qn("a:blip")) and "Co-funded by the European Union" in header.text.replace("\u00a0", " ")


def test_missing_base_docx_is_an_input_error(tmp_path):
    from app.errors import InputError

    cfg = Config(render={"base_docx": "nope.docx"}, path=tmp_path / "pressroom.toml")
    with pytest.raises(InputError, match="base_docx: file not found"):
        render_release(load_release(EX / "rule-of-law-forum-en.yml"), tmp_path / "out.docx", config=cfg)
    assert not (tmp_path / "out.docx").exists()


def test_render_to_stream_and_path_give_a_valid_docx(tmp_path):
    release = load_release(EX / "rule-of-law-forum-en.yml")
    buf = io.BytesIO()
    render_release(release, buf)
    render_release(release, tmp_path / "r.docx")
    assert docx.Document(io.BytesIO(buf.getvalue())).core_properties.title == release.headline
    assert docx.Document(tmp_path / "r.docx").core_properties.title == release.headline
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_failure_while_rendering_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    import app.release.render as render

    out = tmp_path / "r.docx"
    out.write_bytes(b"previous version")
    release = load_release(EX / "rule-of-law-forum-en.yml")

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render, "_footers", boom)
    with pytest.raises(RuntimeError):
        render_release(release, out)
    assert out.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_funded_wording_when_a_project_is_fully_funded():
    data = yaml.safe_load((EX / "rule-of-law-forum-ru.yml").read_text(encoding="utf-8"))
    data["projects"][0]["funding"] = "funded"
    d = _render(release_from_data(data))
    header = d.sections[0].first_page_header.paragraphs[0].text.replace("\u00a0", " ")
    assert header.strip() == "Финансируется Европейским Союзом"
    assert "Этот проект финансируется Европейским Союзом." in _texts(d)
