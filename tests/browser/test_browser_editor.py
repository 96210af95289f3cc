"""Browser tests of the editor (issue 14): one-click fixes, undo, fix-all, ignore, rule off, the
dictionary, underlines inside the fields, reload and language-switch races, two-tab merge, European
amounts, a repeated date, emoji offsets, the 390 px sheet, axe-core on every page."""
from __future__ import annotations

import copy
import re
import time

import pytest
import yaml

from test_browser_web import DOCS_SCREENSHOTS, ROOT, SCREENSHOTS, fill_release  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]
RU = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text(encoding="utf-8"))


@pytest.fixture
def ctx(browser, live_server, signed_in_state):
    contexts = []

    def make(width=1440, height=1000, locale="ru-RU", **kw):
        kw.setdefault("storage_state", signed_in_state)
        c = browser.new_context(base_url=live_server, accept_downloads=True, viewport={"width": width, "height": height},
                                locale=locale, **kw)
        c.set_default_timeout(15000)
        contexts.append(c)
        return c

    yield make
    for c in contexts:
        c.close()


@pytest.fixture
def page(ctx):
    pg = ctx().new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto("/language/ru?next=/releases/new") if False else None
    yield pg
    assert not errors, f"JavaScript errors: {errors}"


def ru_ui(page):
    page.goto("/")
    page.click(".langs a[lang=ru]")


def wait_finding(page, field, contains=""):
    page.wait_for_function(
        "([f, c]) => [...document.querySelectorAll('#live-list li')].some(li => li.querySelector('a').dataset.field === f && li.textContent.includes(c))",
        arg=[field, contains])
    return page.locator("#live-list li", has=page.locator(f"a[data-field='{field}']")).filter(has_text=contains).first


def no_finding(page, field, contains=""):
    page.wait_for_function(
        "([f, c]) => ![...document.querySelectorAll('#live-list li')].some(li => li.querySelector('a').dataset.field === f && li.textContent.includes(c))",
        arg=[field, contains])


def saved(page):
    page.wait_for_function("() => /\\d\\d:\\d\\d/.test(document.getElementById('save-status').textContent)")


def new_release(page, r=None, **changes):
    ru_ui(page)
    page.goto("/releases/new")
    r = copy.deepcopy(r or RU)
    r.update(changes)
    fill_release(page, r)
    return r


def test_apply_undo_and_fix_all(page):
    new_release(page)
    page.fill("#contacts-0-phone", "+701 744 44 29")
    page.fill("#lead", "21 ноября 2025 года в рамках форума " + " ".join(RU["lead"].split()))
    li = wait_finding(page, "contacts-0-phone")
    li.locator(".btn-apply").first.click()
    assert page.input_value("#contacts-0-phone") == "+7 701 744 44 29"
    no_finding(page, "contacts-0-phone")
    page.focus("#contacts-0-phone")
    page.keyboard.press("Control+z")
    assert page.input_value("#contacts-0-phone") == "+701 744 44 29"
    wait_finding(page, "contacts-0-phone")
    page.click("#undo-btn") if page.is_enabled("#undo-btn") else None
    page.click("#fix-all")
    assert page.input_value("#contacts-0-phone") == "+7 701 744 44 29"
    assert page.input_value("#lead").startswith("В рамках форума")
    no_finding(page, "lead")
    page.click("#undo-btn")
    assert page.input_value("#lead").startswith("21 ноября")
    assert page.input_value("#contacts-0-phone") == "+701 744 44 29"


def test_ignore_once_rule_off_and_dictionary(page, live_server):
    new_release(page)
    body = page.input_value("#body")
    page.fill("#body", body + "\n\nФорум поддержали Жмыхобузовы.")
    li = wait_finding(page, "body", "Жмыхобузовы")
    li.locator(".btn-dict").click()
    no_finding(page, "body", "Жмыхобузовы")
    toml = page.request.get(f"{live_server}/dictionary/pressroom.toml").text()
    assert '"Жмыхобузовы"' in toml and "[vocabulary]" in toml
    # the next check on the check page knows the word too
    page.goto("/check")
    page.fill("#text", "ПРЕСС-РЕЛИЗ\n\nФорум поддержали Жмыхобузовы и Жмыхобузов.")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "Жмыхобузовы" not in " ".join(page.eval_on_selector_all(".finding", "els => els.map(e => e.textContent)"))
    # ignore a warning once; switch a rule off for this release; both survive a reload
    page.go_back(); page.go_back()
    page.wait_for_selector("#release-form")
    page.fill("#body", body + "\n\nФорум  прошёл успешно.")
    li = wait_finding(page, "body", "")
    rules_before = page.eval_on_selector_all("#live-list li", "els => els.map(e => e.dataset.rule)")
    target = next(r for r in rules_before if r != "field")
    page.locator(f"#live-list li[data-rule='{target}'] .btn-ruleoff").first.click()
    page.wait_for_function("r => !document.querySelector(`#live-list li[data-rule='${r}']`)", arg=target)
    saved(page)
    time.sleep(3.5)
    saved(page)
    page.reload()
    page.wait_for_function("() => document.querySelector('#live-summary .count')")
    assert target not in page.eval_on_selector_all("#live-list li", "els => els.map(e => e.dataset.rule)")


def test_underlines_inside_fields_with_a_card(page):
    new_release(page)
    page.fill("#headline", "<b>" + RU["headline"])
    wait_finding(page, "headline")
    page.wait_for_selector(".overlay mark.ul")
    page.evaluate("document.getElementById('headline').scrollIntoView({block: 'center'})")
    mark = page.locator(".overlay mark.ul").first
    assert mark.text_content() == "<b>"
    box = mark.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#ul-card:not([hidden])")
    assert "разметку" in page.text_content("#ul-card")
    page.click("#ul-card .btn-apply")
    assert page.input_value("#headline") == RU["headline"]
    # by keyboard: the caret inside the underlined text opens the same card
    page.fill("#headline", "<i>" + RU["headline"])
    wait_finding(page, "headline", "<i>")
    page.wait_for_selector(".overlay mark.ul")
    page.focus("#headline")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("#ul-card:not([hidden])")
    assert "<i>" in page.text_content("#ul-card")
    page.screenshot(path=str(SCREENSHOTS / "editor-underlines.png"))


def test_budget_european_and_repeated_date(page):
    new_release(page)
    page.fill("#projects-0-total_budget", "777.895")
    page.fill("#projects-0-eu_contribution", "739.000")
    page.wait_for_function("() => document.getElementById('projects-0-total_budget-value').textContent.includes('777 895')")
    assert "739 000 евро" in page.text_content("#projects-0-eu_contribution-value")
    page.fill("#projects-0-total_budget", "1.5000")
    wait_finding(page, "projects-0-total_budget", "неоднозначна")
    page.fill("#projects-0-total_budget", "777.895")
    page.fill("#lead", "АСТАНА – 21 ноября 2025 года в рамках форума прошла встреча.")
    wait_finding(page, "lead", "дважды")
    page.screenshot(path=str(SCREENSHOTS / "editor-live-fixes.png"), full_page=False)


def test_emoji_offsets(page):
    new_release(page)
    page.fill("#headline", "🎉🎉 <b>" + RU["headline"])
    li = wait_finding(page, "headline")
    li.locator("a").click()
    sel = page.evaluate("(() => { const e = document.getElementById('headline'); return e.value.slice(e.selectionStart, e.selectionEnd); })()")
    assert sel == "<b>"


def test_reload_right_after_typing_keeps_the_text_and_no_conflict(page):
    new_release(page)
    saved(page)
    page.fill("#headline", "Новый заголовок сразу перед перезагрузкой")
    page.reload()
    page.wait_for_function("() => document.getElementById('headline').value === 'Новый заголовок сразу перед перезагрузкой'")
    time.sleep(1.5)
    assert page.is_hidden("#conflict") and page.is_hidden("#backup-banner")
    page.reload()
    assert page.input_value("#headline") == "Новый заголовок сразу перед перезагрузкой"


def test_language_switch_right_after_the_first_keystroke_makes_one_release(page, live_server):
    ru_ui(page)
    page.goto("/releases/new")
    marker = f"Гонка языков {time.time_ns()}"
    page.fill("#headline", marker)
    page.click(".langs a[lang=en]")
    page.wait_for_function("m => document.getElementById('headline').value === m", arg=marker)
    time.sleep(2)
    page.goto(f"/releases?q={marker.split()[-1]}")
    assert page.locator("table tbody tr").count() == 1


def test_two_tabs_edit_different_fields_merge(ctx):
    c = ctx()
    a = c.new_page()
    ru_ui(a)
    a.goto("/releases/new")
    fill_release(a, copy.deepcopy(RU))
    saved(a)
    url = a.url
    b = c.new_page()
    b.goto(url)
    b.wait_for_function("() => document.getElementById('headline').value.length > 0")
    v = int(a.input_value("#version"))
    a.fill("#headline", "Заголовок из первой вкладки")
    a.wait_for_function("v => +document.getElementById('version').value > v", arg=v, timeout=20000)
    b.fill("#subheadline", "Подзаголовок из второй вкладки")
    b.wait_for_function("() => document.getElementById('headline').value === 'Заголовок из первой вкладки'")
    assert b.is_hidden("#conflict")
    # the same field on both sides asks, with both texts
    a.wait_for_timeout(300)
    v = int(a.input_value("#version"))
    a.fill("#city", "Алматы")
    a.wait_for_function("v => +document.getElementById('version').value > v", arg=v, timeout=20000)
    b.fill("#city", "Шымкент")
    b.wait_for_selector("#conflict:not([hidden])", timeout=20000)
    assert "Алматы" in b.text_content("#conflict-fields") and "Шымкент" in b.text_content("#conflict-fields")
    vb = int(b.input_value("#current_version") or b.input_value("#version") or 0)
    b.click("#conflict-apply")
    b.wait_for_selector("#conflict", state="hidden")
    # the merged text is saved in the background: wait until this tab holds a newer version
    b.wait_for_function("v => +document.getElementById('version').value > v", arg=vb, timeout=20000)
    d = c.new_page()
    d.goto(url)
    assert d.input_value("#headline") == "Заголовок из первой вкладки"
    assert d.input_value("#subheadline") == "Подзаголовок из второй вкладки"
    assert d.input_value("#city") == "Шымкент"


def test_empty_form_preview_creates_nothing(page):
    ru_ui(page)
    page.goto("/releases/new")
    page.click("#preview-btn")
    assert "/releases/new" in page.url
    page.goto("/releases")
    assert "Untitled" not in page.content()


def test_phone_sticky_counter_opens_the_sheet(ctx):
    pg = ctx(width=390, height=844, is_mobile=True, has_touch=True).new_page()
    ru_ui(pg)
    pg.goto("/releases/new")
    fill_release(pg, copy.deepcopy(RU))
    pg.fill("#contacts-0-phone", "12")
    pg.wait_for_function("() => /ошиб/.test(document.getElementById('sticky-count').textContent)")
    box = pg.locator("#sticky-count").bounding_box()
    assert box["y"] + box["height"] <= 844 and box["y"] > 700  # at the bottom of the screen, wherever one scrolls
    pg.click("#sticky-count")
    pg.wait_for_function("() => document.getElementById('live').classList.contains('sheet-open')")
    time.sleep(0.4)
    live = pg.locator("#live").bounding_box()
    assert live["y"] < 844 and live["y"] + live["height"] <= 845
    pg.screenshot(path=str(SCREENSHOTS / "editor-phone-sheet.png"))


def test_keyboard_moves_between_findings(page):
    new_release(page)
    page.fill("#contacts-0-phone", "12")
    page.fill("#headline", "<b>" + RU["headline"])
    wait_finding(page, "contacts-0-phone")
    page.focus("#headline")
    page.keyboard.press("Alt+Shift+N")
    first = page.evaluate("document.activeElement.dataset.field")
    page.keyboard.press("Alt+Shift+N")
    second = page.evaluate("document.activeElement.dataset.field")
    assert first == "headline" and second == "contacts-0-phone"
    assert page.get_attribute("#live-announce", "aria-live") == "polite"


PAGES = ["/", "/releases/new", "/releases", "/check", "/rules", "/dictionary"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_axe_core_finds_no_violations(page, lang):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.goto("/")
    page.click(f".langs a[lang={lang}]")
    new_release(page) if lang == "ru" else None
    pages = list(PAGES)
    if lang == "ru":
        saved(page)
        rid = re.search(r"/releases/([A-Za-z0-9_-]+)/edit", page.url).group(1)
        pages += [f"/releases/{rid}/edit", f"/releases/{rid}/preview", f"/releases/{rid}/history"]
    bad = {}
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        res = axe.run(page)
        if res.violations_count:
            bad[url] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in res.response["violations"]]
    assert not bad, bad


def test_pdf_download_and_copy_for_email_pasted_into_a_page(ctx, live_server):
    c = ctx(permissions=["clipboard-read", "clipboard-write"])
    pg = c.new_page()
    ru_ui(pg)
    pg.goto("/releases/new")
    fill_release(pg, copy.deepcopy(RU))
    saved(pg)
    with pg.expect_download() as dl:
        pg.click("#pdf-btn")
    pdf = dl.value
    assert pdf.suggested_filename.endswith(".pdf") and open(pdf.path(), "rb").read(4) == b"%PDF"
    pg.goto(re.sub(r"/edit.*$", "/edit", pg.url))
    pg.click("#email-btn")
    pg.wait_for_function("() => /Скопировано|Copied/.test(document.getElementById('email-status').textContent)")
    # paste into a page, as into a web mail's editor
    pg.goto("/")
    pg.evaluate("document.body.insertAdjacentHTML('beforeend', '<div id=paste contenteditable=true></div>')")
    pg.focus("#paste")
    pg.keyboard.press("Control+V")
    pg.wait_for_function("() => document.getElementById('paste').textContent.length > 500")
    pasted = pg.inner_html("#paste")
    assert "Совместно финансируется Европейским Союзом" in pg.text_content("#paste")
    assert "mailto:omiroshnichenko@hotmail.com" in pasted and "<h1" in pasted
    assert "<script" not in pasted
