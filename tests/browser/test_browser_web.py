"""Browser tests: the release form with live checks, preview and DOCX; the check page with the seed
draft; the UI language switch; the form by keyboard only. Screenshots go to docs/screenshots/."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml



@pytest.fixture
def page(browser, live_server, signed_in_state):
    ctx = browser.new_context(base_url=live_server, accept_downloads=True, viewport={"width": 1440, "height": 1000},
                              locale="en-GB", storage_state=signed_in_state)
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"


# The README's screenshots are refreshed with PRESSROOM_SCREENSHOTS=1; otherwise they go to a temporary
# folder, so that a test run does not touch tracked files.
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SCREENSHOTS = DOCS_SCREENSHOTS if os.environ.get("PRESSROOM_SCREENSHOTS") else Path(
    __import__("tempfile").mkdtemp(prefix="pressroom-shots-"))

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = DOCS_SCREENSHOTS.parents[1]
EXAMPLE = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-en.yml").read_text(encoding="utf-8"))


def fill_release(page, r: dict, bad_phone: str | None = None) -> None:
    page.select_option("#language", r["language"])
    page.fill("#date", str(r["date"]))
    page.fill("#city", r["city"])
    page.fill("#headline", r["headline"])
    if r.get("subheadline"):
        page.fill("#subheadline", r["subheadline"])
    page.fill("#lead", r["lead"])
    page.fill("#body", "\n\n".join(r["body"]))
    page.fill("#background", "\n\n".join(r.get("background", [])))
    for i, q in enumerate(r.get("quotes", [])):
        page.click("#add-quotes")
        page.fill(f"#quotes-{i}-speaker", q["speaker"])
        page.fill(f"#quotes-{i}-position", q.get("position", ""))
        page.fill(f"#quotes-{i}-text", q["text"])
    for i, p in enumerate(r["projects"]):
        if i:
            page.click("#add-projects")
        page.fill(f"#projects-{i}-name", p["name"])
        page.fill(f"#projects-{i}-organisations", "\n".join(p["organisations"]))
        page.fill(f"#projects-{i}-start", str(p["start"]))
        page.fill(f"#projects-{i}-end", str(p["end"]))
        page.fill(f"#projects-{i}-total_budget", str(p["total_budget"]))
        page.fill(f"#projects-{i}-eu_contribution", str(p["eu_contribution"]))
        page.select_option(f"#projects-{i}-currency", p.get("currency", "EUR"))
        page.select_option(f"#projects-{i}-funding", p.get("funding", "funded"))
    for i, c in enumerate(r["contacts"]):
        if i:
            page.click("#add-contacts")
        page.fill(f"#contacts-{i}-name", c["name"])
        page.fill(f"#contacts-{i}-role", c.get("role", ""))
        page.fill(f"#contacts-{i}-organisation", c.get("organisation", ""))
        page.fill(f"#contacts-{i}-phone", bad_phone if (bad_phone and i == 0) else c["phone"])
        page.fill(f"#contacts-{i}-email", c["email"])
    page.fill("#organisation", r["organisation"])


def live_rules(page) -> list[str]:
    return page.eval_on_selector_all("#live-list li", "els => els.map(e => e.dataset.rule + ' ' + e.textContent)")


def test_full_release_live_checks_preview_and_docx(page, tmp_path):
    import docx

    page.goto("/releases/new")
    fill_release(page, EXAMPLE, bad_phone="12345")
    # the wrong phone shows up in the live panel and next to the field
    page.wait_for_function("() => [...document.querySelectorAll('#live-list a')].some(a => a.dataset.field === 'contacts-0-phone')")
    assert page.get_attribute("#contacts-0-phone", "aria-invalid") == "true"
    assert "12345" in page.text_content("#contacts-0-phone-error")
    assert page.text_content("#download-btn").strip() == "Download DRAFT copy"
    # clicking the finding focuses the field
    page.click("#live-list a[data-field='contacts-0-phone']")
    assert page.evaluate("document.activeElement.id") == "contacts-0-phone"
    # a budget in the body that differs from the project's fields: a cross-check appears ...
    body = "\n\n".join(EXAMPLE["body"])
    page.fill("#body", body + "\n\nThe total budget of the project is EUR 700 000.")
    page.wait_for_function("() => document.querySelector('#live-list li[data-rule=\"crosscheck.budget\"]')")
    # ... and disappears when the text is fixed, as does the phone finding
    page.fill("#body", body)
    page.fill("#contacts-0-phone", EXAMPLE["contacts"][0]["phone"])
    page.wait_for_function("() => !document.querySelector('#live-list li[data-rule=\"crosscheck.budget\"]') && "
                           "![...document.querySelectorAll('#live-list a')].some(a => a.dataset.field === 'contacts-0-phone')")
    page.wait_for_function("() => document.querySelector('#live-summary [data-sev=error]').textContent.trim().startsWith('0')")
    assert page.get_attribute("#contacts-0-phone", "aria-invalid") == "false"
    assert page.text_content("#download-btn").strip() == "Download DOCX"
    page.wait_for_function("() => /version/.test(document.getElementById('save-status').textContent)")
    assert re.search(r"/releases/\d+/edit$", page.url)  # autosaved: the draft has an address now
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.fill("#body", body + "\n\nThe total budget of the project is EUR 700 000.")
    page.fill("#contacts-0-phone", "12345")
    page.wait_for_function("() => document.querySelector('#live-list li[data-rule=\"crosscheck.budget\"]') && "
                           "[...document.querySelectorAll('#live-list a')].some(a => a.dataset.field === 'contacts-0-phone')")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "release-form-live-checks.png"))
    page.fill("#body", body)
    page.fill("#contacts-0-phone", EXAMPLE["contacts"][0]["phone"])
    page.wait_for_function("() => !document.querySelector('#live-list li[data-rule=\"crosscheck.budget\"]') && "
                           "document.querySelector('#live-summary [data-sev=error]').textContent.trim().startsWith('0')")
    # download
    with page.expect_download() as dl:
        page.click("#download-btn")
    path = tmp_path / "release.docx"
    dl.value.save_as(path)
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs).replace("\u00a0", " ")
    assert EXAMPLE["headline"] in text
    assert EXAMPLE["quotes"][0]["speaker"] in text
    assert "European Union" in text and EXAMPLE["contacts"][0]["email"] in text
    assert d.core_properties.content_status != "DRAFT" and "DRAFT" not in (d.core_properties.content_status or "")
    # preview laid out like the DOCX
    page.click("#preview-btn")
    page.wait_for_url(re.compile(r"/preview$"))
    preview = page.text_content(".preview").replace("\u00a0", " ")
    assert EXAMPLE["headline"] in preview and "unded by the European Union" in preview
    assert page.locator(".preview .page-header img").count() >= 1  # the emblem
    page.screenshot(path=str(SCREENSHOTS / "release-preview.png"), full_page=False)


def test_nothing_typed_is_lost_across_reload_and_conflict(page, browser, live_server):
    page.goto("/releases/new")
    page.fill("#headline", "Draft that must survive")
    page.wait_for_function("() => /version/.test(document.getElementById('save-status').textContent)")
    url = page.url
    # a second tab edits the same draft
    other = page.context.new_page()
    other.goto(url)
    other.fill("#headline", "Changed in the other tab")
    other.wait_for_function("() => /version 2/.test(document.getElementById('save-status').textContent)")
    # the first tab saves the same field on top of a stale version: a conflict it can resolve, never a
    # silent overwrite (different fields merge without asking: tests/browser/test_browser_editor.py)
    page.fill("#headline", "My headline typed in the first tab")
    page.wait_for_selector("#conflict:not([hidden])")
    assert "Changed in the other tab" in page.text_content("#conflict-headline")
    assert page.input_value("#headline") == "My headline typed in the first tab"
    page.click("#conflict-mine")
    page.wait_for_function("() => /version 3/.test(document.getElementById('save-status').textContent)")
    other.reload()
    assert other.input_value("#headline") == "My headline typed in the first tab"
    # typing, then closing the tab at once: the text is in the local backup and on the server (beacon)
    other.fill("#subheadline", "Typed just before closing")
    other.close(run_before_unload=True)
    page.reload()
    page.wait_for_timeout(500)
    if page.input_value("#subheadline") != "Typed just before closing":
        assert page.is_visible("#backup-banner")


def test_check_page_seed_highlights_and_annotated_docx(page, tmp_path, seed_path):
    import docx

    page.goto("/check")
    page.set_input_files("#draft", str(seed_path))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/check/[0-9a-f]{32}$"))
    marks = page.locator("mark.hl")
    assert marks.count() >= 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "check-page.png"))
    first = marks.first
    first.focus()
    assert first.locator(".tip").is_visible()
    # clicking a finding in the list focuses its place in the text
    page.locator("a.goto").first.click()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    if page.locator("#dl-annotated").count():
        with page.expect_download() as dl:
            page.click("#dl-annotated")
        path = tmp_path / "annotated.docx"
        dl.value.save_as(path)
        d = docx.Document(str(path))
        names = [str(p.partname) for p in d.part.package.iter_parts()]
        assert any("comments" in n for n in names)
    adpecy = page.locator("mark.hl", has_text=re.compile(r"^adpecy"))
    if adpecy.count() == 0:
        pytest.xfail("the homoglyph check for 'adpecy' has not landed yet")
    adpecy.first.hover()
    tip = adpecy.first.locator(".tip")
    assert tip.is_visible() and "адрес" in tip.text_content()


def test_ui_language_switch(page):
    page.goto("/check")
    assert page.text_content("h1") == "Check a draft"
    page.click(".langs a[hreflang=ru]")
    page.wait_for_load_state()
    assert page.text_content("h1") == "Проверить черновик"
    assert page.get_attribute("html", "lang") == "ru"
    page.goto("/releases/new")
    assert page.locator("label[for=headline]").text_content() == "Заголовок"
    page.click(".langs a[hreflang=en]")
    page.wait_for_load_state()
    assert page.locator("label[for=headline]").text_content() == "Headline"


def test_form_by_keyboard_only(page):
    page.goto("/releases/new")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    # walk to the headline with Tab only, checking every stop is visible and labelled
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const lab = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;
            const r = e.getBoundingClientRect();
            return {id: e.id, tag: e.tagName, label: lab ? lab.textContent.trim() : (e.textContent || '').trim(),
                    visible: r.width > 0 && r.height > 0}; }""")
        seen.append(info)
        assert info["visible"], info
        assert info["label"], info
        if info["id"] == "headline":
            break
    assert seen[-1]["id"] == "headline"
    page.keyboard.type("Keyboard-only headline")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "subheadline"
    # add a quote with the keyboard: focus lands in the new entry
    page.focus("#add-quotes")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "quotes-0-speaker"
    page.keyboard.type("Speaker by keyboard")
    # remove it again with the keyboard
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert "remove" in page.evaluate("document.activeElement.value")
    page.keyboard.press("Enter")
    assert page.locator("#quotes-0-speaker").count() == 0
    page.wait_for_function("() => /version/.test(document.getElementById('save-status').textContent)")
    assert page.input_value("#headline") == "Keyboard-only headline"


# ----- QA pass: Russian UI, plural forms, narrow screens ---------------------------------------------
EXAMPLE_RU = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text(encoding="utf-8"))
RU_FORMS = {"error": ("ошибка", "ошибки", "ошибок"), "warning": ("предупреждение", "предупреждения", "предупреждений"),
            "info": ("замечание", "замечания", "замечаний")}


def ru_plural(n: int, forms: tuple[str, str, str]) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {forms[0]}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} {forms[1]}"
    return f"{n} {forms[2]}"


def live_counts(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#live-summary [data-sev]')]
                            .map(s => [s.dataset.sev, s.textContent.trim()]))""")


def assert_russian_counts(page) -> dict:
    counts = live_counts(page)
    for sev, text in counts.items():
        n = int(text.split()[0])
        assert text == ru_plural(n, RU_FORMS[sev]), counts
    return counts


def test_russian_live_panel_counts_use_plural_forms(page):
    page.goto("/ui/ru?next=/releases/new")
    page.wait_for_function("() => /ошиб/.test(document.querySelector('#live-summary').textContent)")
    counts = assert_russian_counts(page)  # the empty form: required fields wait until touched ('0 ошибок')
    assert counts["error"] == "0 ошибок" and page.is_visible("#live-pending")
    fill_release(page, EXAMPLE_RU)
    page.fill("#contacts-0-phone", "12345")
    page.fill("#contacts-1-email", "press@")
    page.wait_for_function("() => document.querySelector('#live-summary [data-sev=error]').textContent.trim() === '2 ошибки'")
    assert_russian_counts(page)
    # the panel names the field as the form does, not by the model's path
    phone = page.locator("#live-list a[data-field='contacts-0-phone']")
    assert phone.locator(".where").text_content() == "Контакт 1: Телефон:"
    assert phone.locator(".sev").text_content() == "ошибка"
    page.fill("#contacts-0-phone", EXAMPLE_RU["contacts"][0]["phone"])
    page.wait_for_function("() => document.querySelector('#live-summary [data-sev=error]').textContent.trim() === '1 ошибка'")


NARROW_PAGES = ["/", "/releases/new", "/check", "/releases", "/rules"]


def test_narrow_screen_has_no_sideways_scrolling(browser, live_server, signed_in_state, seed_path):
    ctx = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844}, locale="ru-RU",
                              storage_state=signed_in_state)
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    try:
        pg.goto("/ui/ru")
        pg.goto("/releases/new")
        pg.fill("#headline", "Очень длинный заголовок релиза, который на телефоне должен переноситься по словам")
        pg.wait_for_function("() => /\\d/.test(document.getElementById('save-status').textContent)")
        edit = pg.url
        rid = re.search(r"/releases/([A-Za-z0-9_-]+)/edit", edit).group(1)
        pg.goto("/check")
        pg.set_input_files("#draft", str(seed_path))
        pg.click("button[type=submit]")
        pg.wait_for_url(re.compile(r"/check/[0-9a-f]{32}$"))
        check = pg.url
        wide = {}
        for url in NARROW_PAGES + [edit, f"/releases/{rid}/history", check]:
            pg.goto(url)
            pg.wait_for_load_state()
            width = pg.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[url] = width
        assert not wide, f"pages wider than a 390 px phone screen: {wide}"
        # a finding's explanation near the right edge stays on the screen
        pg.goto(check)
        mark = pg.locator("mark.hl", has_text=re.compile(r"^adpecy")).first
        if mark.count() == 0:
            mark = pg.locator("mark.hl").last
        mark.scroll_into_view_if_needed()
        mark.focus()
        tip = mark.locator(".tip")
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    finally:
        ctx.close()
