"""Browser tests of the check page's editor and of cross-field findings (issue 14): upload a DOCX or
paste a text, fix in place (apply, Ctrl+Z and Undo, fix all, ignore, add to dictionary), the checks
run again, nothing is lost on reload, the corrected DOCX keeps its formatting; a cross-field finding
outlines every related field of the release form."""
from __future__ import annotations

import copy
import io
import re

import pytest
import yaml

from test_browser_web import ROOT, SCREENSHOTS, fill_release  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]
RU = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text(encoding="utf-8"))


@pytest.fixture
def page(browser, live_server, signed_in_state):
    c = browser.new_context(base_url=live_server, storage_state=signed_in_state, accept_downloads=True, viewport={"width": 1440, "height": 1000}, locale="ru-RU")
    c.set_default_timeout(20000)
    pg = c.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    c.close()
    assert not errors, f"JavaScript errors: {errors}"


def _docx(path):
    import docx

    d = docx.Document()
    d.add_paragraph().add_run("ПРЕСС-РЕЛИЗ").bold = True
    p = d.add_paragraph()
    p.add_run("Проект помогает зюзябрикам по ")
    p.add_run("электронному adpecy").italic = True
    p.add_run(" и  сайту Европейского Союза.")
    d.save(str(path))
    return path


def _item(page, rule):
    page.wait_for_selector(f"#edit-list li[data-rule='{rule}']")
    return page.locator(f"#edit-list li[data-rule='{rule}']").first


def _gone(page, rule):
    page.wait_for_function("r => !document.querySelector(`#edit-list li[data-rule='${r}']`)", arg=rule)


def _upload(page, path):
    page.goto("/check")
    page.set_input_files("#draft", str(path))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/check/[0-9a-f]{32}$"))


def test_check_page_edits_a_docx_in_place(page, tmp_path):
    import docx

    _upload(page, _docx(tmp_path / "draft.docx"))
    assert page.locator("mark.hl").count() >= 2  # the read view first
    page.click("#edit-btn")
    ta = page.locator("#editor-text")
    li = _item(page, "homoglyph.latin-word")
    page.wait_for_selector(".editor-wrap .overlay mark.ul")  # underlines inside the text
    mark = page.locator(".editor-wrap .overlay mark.ul", has_text="adpecy")
    assert mark.count() == 1
    box = mark.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # hovering the underline opens its card
    page.wait_for_selector("#ul-card:not([hidden])")
    assert "адресу" in page.text_content("#ul-card")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "check-editor.png"))
    li.locator(".btn-apply").first.click()
    assert "электронному адресу" in ta.input_value()
    _gone(page, "homoglyph.latin-word")
    # Ctrl+Z takes the fix back, the finding returns; the Undo button does the same after a new apply
    page.keyboard.press("Control+z")
    assert "электронному adpecy" in ta.input_value()
    li = _item(page, "homoglyph.latin-word")
    li.locator(".btn-apply").first.click()
    _gone(page, "homoglyph.latin-word")
    page.click("#undo-btn")
    assert "adpecy" in ta.input_value()
    _item(page, "homoglyph.latin-word")
    # fix all safe ones: the homoglyph and the double space at once
    page.wait_for_selector("#fix-all:not([hidden])")
    page.click("#fix-all")
    page.wait_for_function("() => document.getElementById('editor-text').value.includes('адресу и сайту')")
    _gone(page, "typography.double-space")
    # ignore: gone, and still gone after a reload; add to dictionary: gone for every later check
    _item(page, "visibility.eu-not-mentioned") if page.locator("#edit-list li[data-rule='visibility.eu-not-mentioned']").count() else None
    missing = page.locator("#edit-list li", has_text="structure.").first
    rule = missing.get_attribute("data-rule")
    n_before = page.locator(f"#edit-list li[data-rule='{rule}']").count()
    missing.locator(".btn-ignore").click()
    page.wait_for_function("([r, n]) => document.querySelectorAll(`#edit-list li[data-rule='${r}']`).length === n - 1", arg=[rule, n_before])
    spell = _item(page, "spelling.unknown-word")
    spell.locator(".btn-dict").click()
    _gone(page, "spelling.unknown-word")
    from axe_playwright_python.sync_playwright import Axe

    res = Axe().run(page)  # the editor is as accessible as the rest (axe-core: 0 violations)
    assert not res.violations_count, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in res.response["violations"]]
    # a reload loses nothing: the edited text, the editor open, the ignored finding still hidden
    page.reload()
    page.wait_for_selector("#doc-edit:not([hidden])")
    assert "адресу и сайту" in page.locator("#editor-text").input_value()
    page.wait_for_selector("#edit-list li")
    assert page.locator(f"#edit-list li[data-rule='{rule}']").count() == n_before - 1
    assert page.locator("#edit-list li[data-rule='homoglyph.latin-word']").count() == 0
    # typing re-runs the checks
    page.locator("#editor-text").press("End")
    page.locator("#editor-text").type(" Новый  текст.")
    _item(page, "typography.double-space")
    # the corrected DOCX keeps its formatting
    with page.expect_download() as dl:
        page.click("#dl-corrected")
    path = tmp_path / "corrected.docx"
    dl.value.save_as(path)
    assert dl.value.suggested_filename == "draft.corrected.docx"
    d = docx.Document(str(path))
    assert d.paragraphs[0].runs[0].bold is True
    assert "".join(r.text for r in d.paragraphs[1].runs if r.italic) == "электронному адресу"
    assert d.paragraphs[1].text.startswith("Проект помогает зюзябрикам по электронному адресу и сайту Европейского Союза.")
    assert "Новый  текст." in d.paragraphs[1].text


def test_check_page_edits_pasted_text(page, tmp_path):
    page.goto("/check")
    page.fill("#text", "ПРЕСС-РЕЛИЗ\n\nЕвропейский Союз помогает по электронному adpecy 😀 и  сайту.\n")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/check/[0-9a-f]{32}$"))
    page.click("#edit-btn")
    li = _item(page, "typography.double-space")  # after an emoji: offsets in UTF-16 units
    li.locator(".btn-apply").first.click()
    page.wait_for_function("() => document.getElementById('editor-text').value.includes('😀 и сайту')")
    _item(page, "homoglyph.latin-word").locator(".btn-apply").first.click()
    _gone(page, "homoglyph.latin-word")
    with page.expect_download() as dl:
        page.click("#dl-corrected")
    assert dl.value.suggested_filename == "pasted.corrected.txt"
    path = tmp_path / "c.txt"
    dl.value.save_as(path)
    assert path.read_text(encoding="utf-8") == "ПРЕСС-РЕЛИЗ\n\nЕвропейский Союз помогает по электронному адресу 😀 и сайту.\n"


def test_cross_field_finding_outlines_every_related_place(page):
    page.goto("/")
    page.click(".langs a[lang=ru]")
    page.goto("/releases/new")
    r = copy.deepcopy(RU)
    r["projects"] = r["projects"][:1]
    r["body"] = list(r["body"]) + ["Общий бюджет проекта составляет 2 000 000 евро. Европейский Союз выделил "
                                   "1 500 000 евро, или 90 процентов бюджета."]
    fill_release(page, r)
    page.wait_for_function("() => [...document.querySelectorAll('#live-list li[data-related]')].some(li => li.dataset.related.split(' ').length >= 2)")
    li = page.locator("#live-list li[data-related*=' ']").first
    related = li.get_attribute("data-related").split()
    # the finding names its own field and the related ones
    assert li.locator(".where").text_content().strip().endswith(":")
    assert li.locator(".related-names").is_visible()
    li.hover()
    page.wait_for_selector(".rel-place")
    outlined = page.evaluate("() => [...document.querySelectorAll('.rel-place')].map(e => e.id)")
    assert sorted(set(outlined)) == sorted(set(related)), (outlined, related)
    assert len(set(outlined)) >= 2
    # the budget note: every budget field, not only the first
    budget = page.locator("#live-list li[data-rule='crosscheck.budget']").first
    budget.locator("a.live-goto").click()
    page.wait_for_function("() => document.querySelectorAll('.rel-place').length >= 2")
    ids = page.evaluate("() => [...document.querySelectorAll('.rel-place')].map(e => e.id)")
    assert set(ids) == {"projects-0-total_budget", "projects-0-eu_contribution"}
    # findings in the form's order: the field of each finding, as listed, never goes back
    back = page.evaluate("""() => {
        const fields = [...document.querySelectorAll('#live-list a.live-goto')].map(a => a.dataset.field).filter(Boolean);
        const els = fields.map(f => document.getElementById(f)).filter(Boolean);
        const out = [];
        for (let i = 1; i < els.length; i++)
            if (els[i] !== els[i - 1] && (els[i].compareDocumentPosition(els[i - 1]) & Node.DOCUMENT_POSITION_FOLLOWING)) out.push([fields[i - 1], fields[i]]);
        return [fields.length, out];
    }""")
    assert back[0] >= 3 and not back[1], back
