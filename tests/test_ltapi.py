"""The LanguageTool-compatible API (/v2, app/ltapi) without a LanguageTool server."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from app.ltapi import CACHE, parse_request
from app.ltapi.annotated import parse as parse_data
from app.ltapi.text16 import Utf16Map

SCHEMA = json.loads((Path(__file__).parent / "data" / "languagetool-check-response.schema.json").read_text())
SEED = Path(__file__).resolve().parent.parent / "examples" / "000_87413283a02d3cbb.txt"


@pytest.fixture
def v2(make_web_app):
    app = make_web_app(LTAPI_LANGUAGETOOL=False)  # CSRF on, as in production: /v2 must not need a token
    CACHE.clear()
    return app.test_client()


def post(client, remote="127.0.0.1", **form):
    return client.post("/v2/check", data=form, environ_base={"REMOTE_ADDR": remote})


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def spans(answer, text):
    """{rule id: [covered text in the client's (UTF-16) counting]}"""
    units = text.encode("utf-16-le")
    out = {}
    for m in answer["matches"]:
        o, n = m["offset"], m["length"]
        out.setdefault(m["rule"]["id"], []).append(units[2 * o:2 * (o + n)].decode("utf-16-le"))
    return out


def test_languages_lists_russian_and_english(v2):
    r = v2.get("/v2/languages")
    assert r.status_code == 200 and r.mimetype == "application/json"
    codes = {lang["longCode"] for lang in r.get_json()}
    assert {"ru-RU", "en-GB", "en-US"} <= codes
    assert all(set(lang) == {"name", "code", "longCode"} for lang in r.get_json())


def test_seed_answer_has_languagetools_shape_and_our_findings(v2):
    text = SEED.read_text(encoding="utf-8")
    r = post(v2, text=text, language="ru-RU")
    assert r.status_code == 200, r.data
    data = r.get_json()
    jsonschema.validate(data, SCHEMA)
    found = spans(data, text)
    assert found["homoglyph.latin-word"] == ["adpecy"]
    assert found["contact.email"] == ["omiroshnichenko @hotmail.com"]
    assert found["spelling.unknown-word"] == ["Предистория"]
    m = next(m for m in data["matches"] if m["rule"]["id"] == "homoglyph.latin-word")
    assert m["replacements"] == [{"value": "адресу"}]
    assert m["rule"]["issueType"] == "misspelling" and m["rule"]["category"]["id"] == "TYPOS"
    assert m["context"]["text"][m["context"]["offset"]:][:6] == "adpecy"
    assert data["language"]["code"] == "ru-RU" and data["software"]["apiVersion"] == 1
    vis = next(m for m in data["matches"] if m["rule"]["id"].startswith("visibility."))
    assert vis["rule"]["category"]["id"] == "PRESSROOM_VISIBILITY"


def test_offsets_count_utf16_code_units(v2):
    # an emoji and a rare CJK ideograph (both outside the BMP: two UTF-16 units each) before the finding
    text = "😀 Проект 𠀋 финансирует Европейский Союз. Для получения информации пишите по adpecy info@example.org."
    data = post(v2, text=text, language="ru-RU").get_json()
    m = next(m for m in data["matches"] if m["rule"]["id"] == "homoglyph.latin-word")
    cp = text.index("adpecy")
    assert m["offset"] == u16(text[:cp]) == cp + 2 and m["length"] == 6
    assert spans(data, text)["homoglyph.latin-word"] == ["adpecy"]


def test_utf16_map_round_trip():
    text = "a😀b𠀋c"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.to_cp(m.to_utf16(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.to_cp(2) == 1  # inside the emoji's surrogate pair: the emoji


def test_annotated_data_skips_markup_and_maps_offsets_back(v2):
    data = {"annotation": [
        {"markup": "<p>"}, {"text": "Для получения информации пишите по "},
        {"markup": "<b>"}, {"text": "adpecy"}, {"markup": "</b>"}, {"text": " info@example.org."},
        {"markup": "</p>", "interpretAs": "\n\n"},
        {"text": "Проект финансирует Европейский Союз."}]}
    original = "".join(p.get("text", p.get("markup")) for p in data["annotation"])
    r = post(v2, data=json.dumps(data, ensure_ascii=False), language="ru-RU")
    answer = r.get_json()
    jsonschema.validate(answer, SCHEMA)
    assert spans(answer, original)["homoglyph.latin-word"] == ["adpecy"]
    assert all("<" not in s for v in spans(answer, original).values() for s in v)


def test_annotated_parsing():
    a = parse_data(json.dumps({"annotation": [{"text": "ab"}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "cd"}]}))
    assert a.plain == "ab\ncd" and a.original == "ab<br/>cd"
    assert a.to_original(3, 5) == (7, 9)        # "cd"
    assert a.to_original(1, 4) == (1, 8)        # "b\nc": the markup inside is covered
    assert parse_data('{"text": "plain"}').plain == "plain"


@pytest.mark.parametrize("form, status, words", [
    ({"language": "ru-RU"}, 400, "Missing 'text' or 'data'"),
    ({"text": "x"}, 400, "Missing 'language'"),
    ({"text": "x", "language": "xx-YY"}, 400, "not a language code"),
    ({"text": "x", "data": "{}", "language": "en-US"}, 400, "not both"),
    ({"data": "{not json", "language": "en-US"}, 400, "Could not parse JSON"),
    ({"data": "{}", "language": "en-US"}, 400, "requires 'text' or 'annotation'"),
    ({"text": "x", "language": "en-US", "level": "loud"}, 400, "Unknown value 'loud' for parameter 'level'"),
    ({"text": "x", "language": "en-US", "enabledOnly": "true"}, 400, "enabled rules or categories"),
    ({"text": "x", "language": "en-US", "preferredVariants": "en-GB"}, 400, "only when 'language=auto'"),
    ({"text": "x", "language": "en-US", "username": "u"}, 400, "both 'username' and 'apiKey'"),
    ({"text": "x", "language": "en-US", "username": "u", "apiKey": "wrong"}, 403, "not valid"),
])
def test_errors_are_languagetool_style_plain_text(v2, form, status, words):
    r = post(v2, **form)
    assert r.status_code == status
    assert r.mimetype == "text/plain"
    body = r.get_data(as_text=True)
    assert body.startswith("Error: ") and words in body and "Traceback" not in body


def test_text_limit_is_configurable(make_web_app):
    client = make_web_app(LTAPI_LANGUAGETOOL=False, LTAPI_MAX_TEXT=50).test_client()
    assert post(client, text="а" * 50, language="ru-RU").status_code == 200
    r = post(client, text="а" * 51, language="ru-RU")
    assert r.status_code == 413 and "exceeds the limit of 50 characters" in r.get_data(as_text=True)


def test_default_limit_is_100000(v2):
    r = post(v2, text="слово " * 20_000, language="ru-RU")
    assert r.status_code == 413 and "100000" in r.get_data(as_text=True)


def test_access_anonymous_only_on_loopback_else_tokens(make_web_app):
    client = make_web_app(LTAPI_LANGUAGETOOL=False, LTAPI_TOKENS={"anna": "s3cret-token"}).test_client()
    assert post(client, remote="::1", text="Текст.", language="ru-RU").status_code == 200
    r = post(client, remote="203.0.113.7", text="Текст.", language="ru-RU")
    assert r.status_code == 403 and "apiKey" in r.get_data(as_text=True)
    ok = post(client, remote="203.0.113.7", text="Текст.", language="ru-RU", username="anna", apiKey="s3cret-token")
    assert ok.status_code == 200
    bad = post(client, remote="203.0.113.7", text="Текст.", language="ru-RU", username="anna", apiKey="s3cret-tokeN")
    assert bad.status_code == 403
    # a wrong token is refused on loopback too: LibreOffice sends them when both are configured
    assert post(client, text="Текст.", language="ru-RU", username="anna", apiKey="nope").status_code == 403


def test_tokens_from_the_environment(make_web_app, monkeypatch):
    monkeypatch.setenv("PRESSROOM_API_TOKENS", "lo:tok1,addon:tok2")
    client = make_web_app(LTAPI_LANGUAGETOOL=False).test_client()
    assert post(client, remote="198.51.100.2", text="Текст.", language="ru-RU", username="addon", apiKey="tok2").status_code == 200


def test_rate_limit_answers_429(make_web_app):
    client = make_web_app(LTAPI_LANGUAGETOOL=False, LTAPI_RATE_LIMIT="3 per minute").test_client()
    codes = [post(client, text="Текст.", language="ru-RU").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = post(client, text="Текст.", language="ru-RU")
    assert r.mimetype == "text/plain" and r.get_data(as_text=True).startswith("Error: Too many requests")
    # the counter belongs to one app (one server process)
    other = make_web_app(LTAPI_LANGUAGETOOL=False, LTAPI_RATE_LIMIT="3 per minute")
    assert post(other.test_client(), text="Текст.", language="ru-RU").status_code == 200


def test_options_filter_rules_and_categories(v2):
    text = SEED.read_text(encoding="utf-8")
    base = {"text": text, "language": "ru-RU"}
    all_ids = {m["rule"]["id"] for m in post(v2, **base).get_json()["matches"]}
    assert {"homoglyph.latin-word", "contact.email", "spelling.unknown-word"} <= all_ids

    def ids(**extra):
        return {m["rule"]["id"] for m in post(v2, **base, **extra).get_json()["matches"]}

    assert "contact.email" not in ids(disabledRules="contact.email")
    assert not {"homoglyph.latin-word", "spelling.unknown-word"} & ids(disabledCategories="TYPOS")
    assert not any(i.startswith("contact.") for i in ids(disabledCategories="PRESSROOM_CONTACT"))
    assert ids(enabledOnly="true", enabledRules="contact.email") == {"contact.email"}
    assert {i.split(".")[0] for i in ids(enabledOnly="true", enabledCategories="TYPOS")} == {"spelling", "homoglyph"}
    assert ids(level="picky") == all_ids
    assert ids(motherTongue="de-DE") == all_ids


def test_auto_language_and_preferred_variants(v2):
    r = post(v2, text="The project is funded by the European Union. Contact us at info@example.org.",
             language="auto", preferredVariants="en-US,de-DE").get_json()
    assert r["language"]["code"] == "en-US" and r["language"]["detectedLanguage"]["code"] == "en-US"
    r = post(v2, text="Проект финансируется Европейским Союзом.", language="auto").get_json()
    assert r["language"]["code"] == "ru-RU"


def test_whole_document_findings_only_on_a_whole_document_and_never_zero_length(v2):
    text = SEED.read_text(encoding="utf-8").replace("Этот проект финансируется Европейским Союзом.", "")
    whole = post(v2, text=text, language="ru-RU").get_json()
    assert all(m["length"] > 0 for m in whole["matches"])
    disclaimer = [m for m in whole["matches"] if m["rule"]["id"] == "structure.missing-disclaimer"]
    assert len(disclaimer) == 1 and disclaimer[0]["replacements"] == []
    last_line = [ln for ln in text.splitlines() if ln.strip()][-1].strip()
    assert spans(whole, text)["structure.missing-disclaimer"] == [last_line]
    # one paragraph, as LibreOffice sends it: nothing about the rest of the release
    para = [p for p in text.split("\n\n") if "adpecy" in p][0]
    one = post(v2, text=para, language="ru-RU").get_json()
    ids = {m["rule"]["id"] for m in one["matches"]}
    assert "homoglyph.latin-word" in ids
    assert not any(i.startswith("structure.") or i == "visibility.eu-not-mentioned" for i in ids)


def test_zero_length_insertion_takes_the_word_before():
    from app.engine.finding import Finding
    from app.ltapi.matches import place

    f = Finding("typography.x", "typography", "info", "missing comma", 5, 0, [","])
    assert place(f, "Hello world") == (0, 5, ["Hello,"])
    f = Finding("typography.x", "typography", "info", "x", 0, 0, ["«"])
    assert place(f, "Hello") == (0, 5, ["«Hello"])


def test_empty_text_answers_no_matches(v2):
    r = post(v2, text="   ", language="ru-RU")
    assert r.status_code == 200 and r.get_json()["matches"] == []


def test_control_characters_do_not_break_the_offsets(v2):
    text = "Текст\x00 с adpecy и \ufffd info@example.org."
    data = post(v2, text=text, language="ru-RU").get_json()
    assert spans(data, text).get("homoglyph.latin-word") == ["adpecy"]


def test_cache_answers_a_repeated_paragraph(v2):
    para = "Для получения информации пишите по adpecy info@example.org."
    CACHE.clear()
    first = post(v2, text=para, language="ru-RU").get_json()
    misses = CACHE.misses
    again = post(v2, text=para, language="ru-RU").get_json()
    assert again == first and CACHE.hits >= 1 and CACHE.misses == misses
    other = post(v2, text=para, language="ru-RU", disabledRules="homoglyph.latin-word").get_json()
    assert other != first  # options are part of the key


def test_get_and_cors(v2):
    r = v2.get("/v2/check?text=Текст+adpecy.&language=ru-RU", environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    r = v2.open("/v2/check", method="OPTIONS")
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"


def test_request_parser_direct():
    req = parse_request({"text": "x", "language": "en-GB", "disabledRules": "A, B,,", "enabledOnly": "false"})
    assert req.disabled_rules == ("A", "B") and not req.enabled_only
