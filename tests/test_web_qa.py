"""Regression tests from a QA pass of the web app: Russian plural forms, untranslated strings in the
Russian UI, WTForms choices without deprecation warnings, odd input that used to answer 500."""
from __future__ import annotations

import io
import re
import warnings

import pytest


def _ru(client):
    client.get("/ui/ru")
    return client


# ----- WTForms: choices as SelectChoice, no DeprecationWarning ----------------------------------------
@pytest.mark.parametrize("url", ["/releases/new", "/check"])
def test_forms_render_without_deprecation_warnings(web_client, url):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        r = web_client.get(url)
        assert r.status_code == 200
        if url == "/check":
            r = web_client.post("/check", data={"text": "Текст.", "language": "ru"})
            assert r.status_code == 303
        else:
            r = web_client.post("/releases/live", data={"language": "en", "projects-0-currency": "USD",
                                                        "projects-0-funding": "co-funded"})
            assert r.status_code == 200
    assert '<option selected value="co-funded">' not in web_client.get("/releases/new").text  # default stays 'funded'


# ----- Russian plural forms ----------------------------------------------------------------------------
@pytest.mark.parametrize("n,word", [(1, "1 ошибка"), (2, "2 ошибки"), (5, "5 ошибок"), (21, "21 ошибка"), (22, "22 ошибки")])
def test_live_summary_uses_russian_plural_forms(web_app, n, word):
    from app.web.views.releases import summary_text

    with web_app.test_request_context("/?ui=ru"):
        assert summary_text({"error": n, "warning": 0, "info": 0})["error"] == word


def test_live_endpoint_words_the_counts_in_the_ui_language(web_client):
    # an empty Russian release: several required fields are missing, e.g. 'N ошибок'
    r = _ru(web_client).post("/releases/live", data={"language": "ru"})
    j = r.get_json()
    n = j["summary"]["error"]
    assert n >= 5
    forms = ("ошибка", "ошибки", "ошибок")
    expected = forms[0] if n % 10 == 1 and n % 100 != 11 else forms[1] if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else forms[2]
    assert j["summary_text"]["error"] == f"{n} {expected}"
    assert j["summary_text"]["warning"].endswith(("предупреждение", "предупреждения", "предупреждений"))
    r = web_client.get("/ui/en")
    assert web_client.post("/releases/live", data={"language": "ru"}).get_json()["summary_text"]["error"] == f"{n} errors"


def test_live_panel_names_fields_by_their_labels(web_client):
    j = _ru(web_client).post("/releases/live", data={"language": "ru", "projects-0-eu_contribution": "-5"}).get_json()
    labels = {f["path"]: f["label"] for f in j["findings"] if f.get("path")}
    assert labels["headline"] == "Заголовок"
    assert labels["projects[0].eu_contribution"] == "Проект 1: Взнос ЕС"
    assert labels["contacts"] == "Контакты для СМИ"


def test_saved_form_shows_severity_words_not_codes_in_russian(web_client):
    r = web_client.post("/releases/autosave", data={"language": "ru", "headline": "Заголовок"})
    rid = r.get_json()["id"]
    page = _ru(web_client).get(f"/releases/{rid}/edit").text
    live = page[page.index('id="live-list"'):page.index('id="live-ok"')]
    assert ">ошибка</span>" in live and ">error</span>" not in live
    assert re.search(r"\d+ ошиб(ка|ки|ок)", page)


# ----- untranslated strings ----------------------------------------------------------------------------
def test_every_ui_string_has_a_russian_translation():
    from babel.messages.pofile import read_po

    from app.web.translations import build

    with (build.HERE / "ru" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    missing = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert not missing, f"untranslated (add to app/web/translations/ru.py and run the build): {missing}"


_LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_ALLOWED = set("Pressroom DOCX TXT MD JSON SARIF API OpenAPI EUR USD KZT PNG JPEG English EN RU UTC DRAFT Markdown "
               "RTF PDF doc Word "
               "Alt Shift Ctrl LanguageTool".split())  # key labels (as printed on Russian keyboards too), a product name


def _ui_words(html_text: str) -> set[str]:
    t = re.sub(r"(?s)<script.*?</script>|<style.*?</style>|<template id=\"tpl-.*?</template>", "", html_text)
    t = re.sub(r'(?s)<div class="doc-text".*?</article>|<p class="msg">.*?</p>|<span class="tip-item">.*?</span>'
               r'|<p class="rule-id">.*?</p>|<p class="sugg">.*?</p>|<q class="excerpt">.*?</q>|<ol class="live-list".*?</ol>|<textarea id="editor-text".*?</textarea>', "", t)
    attrs = re.findall(r'(?:title|aria-label|placeholder|data-msg-[\w-]+|data-label-\w+|alt)="([^"]*)"', t)
    text = re.sub(r"<[^>]+>", " ", t)
    import html

    return {w for chunk in [html.unescape(text), *map(html.unescape, attrs)] for w in _LATIN.findall(chunk)} - _ALLOWED


def test_russian_ui_has_no_english_words(web_client, seed_path):
    _ru(web_client)
    rid = web_client.post("/releases/autosave", data={"language": "en", "headline": "Заголовок"}).get_json()["id"]
    loc = web_client.post("/check", data={"draft": (io.BytesIO(seed_path.read_bytes()), "draft.txt"), "language": "auto"},
                          content_type="multipart/form-data").headers["Location"]
    en = web_client.post("/check", data={"text": "Brussels, 3 March 2025 - The EU funds a new project.", "language": "en"})
    pages = ["/", "/releases/new", "/check", "/releases", "/releases?deleted=1", f"/releases/{rid}/edit",
             f"/releases/{rid}/history", loc, en.headers["Location"], "/no-such-page"]
    for url in pages:
        words = _ui_words(web_client.get(url).text) - {"draft", "txt", "pasted", "author"}  # author: the user's name
        assert not words, (url, sorted(words))


def test_russian_ui_names_the_draft_language_in_russian(web_client):
    _ru(web_client)
    loc = web_client.post("/check", data={"text": "Brussels, 3 March 2025 - The EU funds a new project.",
                                          "language": "en"}).headers["Location"]
    assert "Язык: <strong>Английский</strong>" in web_client.get(loc).text


def test_upload_refusals_are_in_the_ui_language(web_client):
    _ru(web_client)
    r = web_client.post("/check", data={"draft": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "photo.docx")},
                        content_type="multipart/form-data")
    assert r.status_code == 400
    assert "photo.docx: это изображение PNG, а не черновик" in r.text
    r = web_client.post("/releases/logo", data={"file": (io.BytesIO(b"not an image"), "logo.png")},
                        content_type="multipart/form-data")
    assert r.status_code == 400 and "не является изображением PNG или JPEG" in r.get_json()["error"]


def test_cross_check_messages_follow_the_ui_language_not_the_release_language(web_client):
    data = {"language": "ru", "projects-0-total_budget": "777 895", "projects-0-currency": "EUR",
            "body": "Бюджет проекта составляет 500 000 евро."}
    web_client.get("/ui/en")
    msgs = [f["message"] for f in web_client.post("/releases/live", data=data).get_json()["findings"]
            if f["rule"] == "crosscheck.budget"]
    assert msgs and msgs[0].startswith("The amount 500 000 евро in the text matches no project")
    _ru(web_client)
    msgs = [f["message"] for f in web_client.post("/releases/live", data=data).get_json()["findings"]
            if f["rule"] == "crosscheck.budget"]
    assert msgs and msgs[0].startswith("Сумма 500 000 евро в тексте не совпадает")


# ----- odd input that answered 500 ---------------------------------------------------------------------
def test_autosave_with_an_id_beyond_the_database_integer_is_a_404(web_client):
    r = web_client.post("/releases/autosave", data={"release_id": "9" * 30, "version": "1", "headline": "x"})
    assert r.status_code == 404 and r.is_json and "deleted" in r.get_json()["error"]


@pytest.mark.parametrize("current", ["abc", "9" * 30, ""])
def test_overwrite_with_a_malformed_version_keeps_the_text(web_client, current):
    rid = web_client.post("/releases/autosave", data={"headline": "Старый"}).get_json()["id"]
    r = web_client.post(f"/releases/{rid}/edit", data={"headline": "Мой новый заголовок", "version": "abc",
                                                       "current_version": current, "action": "overwrite"})
    assert r.status_code == 409  # a conflict to resolve, never a 500 and never a silent overwrite
    assert "Мой новый заголовок" in r.text
