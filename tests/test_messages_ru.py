"""Russian finding messages: every rule has `message_ru`, every finding carries a Russian message,
and `--messages ru`, `messages = "ru"` and the Russian web UI show it (JSON contract unchanged)."""
from __future__ import annotations

import io
import json
import re
import string
from pathlib import Path

import pytest

from app.core.readers import read_bytes, read_path
from app.engine.config import Config
from app.engine.finding import Finding
from app.engine.linter import LintContext, lint
from app.engine.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
DRAFTS = sorted((ROOT / "tests" / "drafts").glob("*.txt"))
RULES = load_rules()
CYR = re.compile(r"[а-яё]", re.I)
LATIN_WORDS = re.compile(r"\b[a-z]{4,}\b")  # English left in a Russian message ("the", "address", …)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _lint(doc):
    cfg = Config()
    return lint(doc, cfg, context=LintContext(config=cfg)).findings


def _assert_russian(f: Finding, where: str) -> None:
    assert f.message_ru and f.message_ru.strip(), f"{where}: {f.rule} has no Russian message ({f.message!r})"
    assert CYR.search(f.message_ru), f"{where}: {f.rule}: not Russian: {f.message_ru!r}"
    assert "{" not in f.message_ru, f"{where}: {f.rule}: unfilled placeholder: {f.message_ru!r}"
    assert f.message_ru != f.message


# ----- the rules ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_russian_message_with_the_same_placeholders(rule):
    assert rule.message_ru, f"{rule.path}: add message_ru"
    assert _fields(rule.message_ru) == _fields(rule.message), rule.id
    values = {name: f"<{name}>" for name in _fields(rule.message)}
    en, ru = rule.message.format(**values), rule.message_ru.format(**values)
    assert set(re.findall(r"<\w+>", ru)) == set(re.findall(r"<\w+>", en))
    if rule.id != "lt":  # LanguageTool's message is the whole text ("{match}")
        assert CYR.search(ru) and not LATIN_WORDS.search(re.sub(r"<\w+>|libphonenumber|About the European Union|"
                                                              r"PRESS RELEASE", "", ru)), ru


def _fail_examples():
    for r in RULES:
        if r.id == "lt":
            continue  # needs the LanguageTool server; its messages are LanguageTool's own
        for i, ex in enumerate(r.examples_fail):
            yield pytest.param(r, ex, id=f"{r.id}-fail{i}")


@pytest.mark.parametrize("rule,ex", list(_fail_examples()))
def test_every_failing_example_has_a_russian_message(rule, ex):
    """Covers the messages check modules word themselves (weekday, budget, e-mail reasons, …)."""
    lang = ex.lang or (rule.languages[0] if len(rule.languages) == 1 else "auto")
    doc = read_bytes(ex.text.encode("utf-8"), "example.txt", "txt", lang)
    if doc.language not in rule.languages:
        doc.language = rule.languages[0]
    cfg = Config(**{k: v for k, v in ex.config.items() if k in Config.__dataclass_fields__})
    found = [f for f in lint(doc, cfg, rules=[rule], context=LintContext(config=cfg)).findings]
    assert found
    for f in found:
        _assert_russian(f, ex.text[:40])


@pytest.mark.parametrize("path", [SEED, *DRAFTS], ids=lambda p: p.name)
def test_seed_and_drafts_findings_have_russian_messages(path):
    findings = _lint(read_path(str(path)))
    assert findings
    for f in findings:
        _assert_russian(f, path.name)


def test_seed_messages_read_naturally():
    by_rule = {}
    for f in _lint(read_path(str(SEED))):
        by_rule.setdefault(f.rule, f)
    assert by_rule["homoglyph.latin-word"].message_ru == \
        "«adpecy» набрано латинскими буквами, похожими на кириллицу; возможно, «адресу»?"
    assert by_rule["contact.email"].message_ru == "Ошибка в адресе электронной почты: разорван пробелом"
    assert by_rule["typography.range-hyphen"].message_ru == "В диапазоне ставится короткое тире (–), а не дефис"


@pytest.mark.parametrize("text,lang,rule,expected", [
    ("Встреча пройдет в среду, 12 марта 2026 года.", "ru", "figures.weekday", "12.03.2026 — четверг, а не среда"),
    ("Разряды: 1 000 000 евро, 2 500 000 евро и 3,000,000 евро.", "ru", "typography.thousands-inconsistent",
     "В остальном тексте разряды чисел отделяются пробелами"),
    ("Сайт: htps://eeas.europa.eu", "ru", "contact.url", "Ошибка в веб-адресе (протокол «htps»)"),
    ("Проект рассчитан на три года (2024–2030 гг.).", "ru", "figures.duration",
     "Срок «три года» не соответствует периоду «2024–2030 гг.» (7 календарных лет)"),
])
def test_words_inside_messages_are_russian_too(text, lang, rule, expected):
    doc = read_bytes(text.encode("utf-8"), "t.txt", "txt", lang)
    found = [f for f in _lint(doc) if f.rule == rule]
    assert found, [(f.rule, f.message) for f in _lint(doc)]
    assert found[0].message_ru == expected


# ----- Finding and the JSON contract -------------------------------------------------------------------
def test_to_dict_keeps_the_contract_and_falls_back_to_english():
    doc = read_path(str(SEED))
    f = next(f for f in _lint(doc) if f.rule == "typography.range-hyphen")
    en, ru = f.to_dict(doc), f.to_dict(doc, "ru")
    assert set(en) == set(ru) and "message_ru" not in ru
    assert en["message"] == f.message and ru["message"] == f.message_ru
    assert {k: v for k, v in en.items() if k != "message"} == {k: v for k, v in ru.items() if k != "message"}
    plain = Finding("x.y", "style", "info", "English only", 0, 1)
    assert plain.message_ru is None and plain.to_dict(doc, "ru")["message"] == "English only"


def test_an_overridden_english_message_does_not_borrow_the_rules_russian_one():
    rule = next(r for r in RULES if r.id == "typography.double-space")
    doc = read_bytes("a  b".encode(), "t.txt", "txt", "en")
    assert rule.finding(doc, 1, 3).message_ru == "Двойной пробел между словами"
    assert rule.finding(doc, 1, 3, message="Something else").message_ru is None
    assert rule.finding(doc, 1, 3, message="A {x}", message_ru="Б {x}", x="1").message_ru == "Б 1"


# ----- CLI ---------------------------------------------------------------------------------------------
def test_cli_messages_ru_in_json_sarif_and_text(cli):
    r = cli("lint", "--format", "json", "--messages", "ru", SEED)
    assert r.code == 1, r
    msgs = {f["rule"]: f["message"] for f in json.loads(r.out)["files"][0]["findings"]}
    assert msgs["homoglyph.latin-word"].startswith("«adpecy» набрано латинскими буквами")
    r = cli("lint", "--format", "sarif", "--messages", "ru", SEED)
    texts = [x["message"]["text"] for x in json.loads(r.out)["runs"][0]["results"]]
    assert any(t.startswith("«adpecy» набрано") for t in texts)
    r = cli("lint", "--messages", "ru", SEED)
    assert "homoglyph.latin-word «adpecy» набрано латинскими буквами" in r.out


def test_cli_messages_default_to_english(cli):
    r = cli("lint", "--format", "json", SEED)
    msgs = {f["rule"]: f["message"] for f in json.loads(r.out)["files"][0]["findings"]}
    assert msgs["homoglyph.latin-word"].startswith("'adpecy' is typed in Latin letters")


def test_config_messages_ru_and_the_flag_wins(cli, tmp_path):
    cfg = tmp_path / "pressroom.toml"
    cfg.write_text('messages = "ru"\n', encoding="utf-8")
    r = cli("lint", "--config", cfg, SEED)
    assert "«adpecy» набрано латинскими буквами" in r.out
    r = cli("lint", "--config", cfg, "--messages", "en", SEED)
    assert "'adpecy' is typed in Latin letters" in r.out


def test_config_messages_bad_value_is_one_line(cli, tmp_path):
    cfg = tmp_path / "pressroom.toml"
    cfg.write_text('messages = "de"\n', encoding="utf-8")
    r = cli("lint", "--config", cfg, SEED)
    assert r.code == 2 and "messages must be en or ru" in r.err and "Traceback" not in r.err
    r = cli("lint", "--messages", "de", SEED)
    assert r.code == 2


# ----- web ---------------------------------------------------------------------------------------------
def _check(client) -> str:
    r = client.post("/check", data={"draft": (io.BytesIO(SEED.read_bytes()), SEED.name), "language": "auto"},
                    content_type="multipart/form-data")
    assert r.status_code == 303
    return r.headers["Location"]


def test_check_page_shows_findings_in_the_ui_language(web_client):
    web_client.get("/ui/ru")
    url = _check(web_client)
    page = web_client.get(url).get_data(as_text=True)
    assert "«adpecy» набрано латинскими буквами, похожими на кириллицу; возможно, «адресу»?" in page
    assert "is typed in Latin letters" not in page
    report = json.loads(web_client.get(url + "/report.json").data)  # the UI language unless ?messages=
    assert any(f["message"].startswith("«adpecy» набрано") for f in report["files"][0]["findings"])
    report = json.loads(web_client.get(url + "/report.json?messages=en").data)
    assert any(f["message"].startswith("'adpecy' is typed") for f in report["files"][0]["findings"])
    sarif = json.loads(web_client.get(url + "/report.sarif").data)
    assert any(x["message"]["text"].startswith("«adpecy» набрано") for x in sarif["runs"][0]["results"])
    web_client.get("/ui/en")
    page = web_client.get(url).get_data(as_text=True)
    assert "&#39;adpecy&#39; is typed in Latin letters" in page and "набрано латинскими" not in page


def test_live_panel_shows_findings_in_the_ui_language(web_client):
    data = {"language": "ru", "headline": "Проект стартовал", "lead": "Пишите по adpecy info@lprc.kz"}

    def latin_word(j):
        return [f["message"] for f in j["findings"] if f["rule"] == "homoglyph.latin-word"]

    web_client.get("/ui/ru")
    j = web_client.post("/releases/live", data=data).get_json()
    assert latin_word(j) == ["«adpecy» набрано латинскими буквами, похожими на кириллицу; возможно, «адресу»?"]
    r = web_client.post("/releases/new", data=data)  # saved: the edit page renders the panel on the server
    page = web_client.get(r.headers["Location"]).get_data(as_text=True)
    live = page[page.index('id="live-list"'):page.index('id="live-ok"')]
    assert "«adpecy» набрано латинскими буквами" in live and "typed in Latin letters" not in live
    web_client.get("/ui/en")
    j = web_client.post("/releases/live", data=data).get_json()
    assert latin_word(j) == ["'adpecy' is typed in Latin letters that look Cyrillic; did you mean 'адресу'?"]


def test_api_lint_messages_parameter(web_client):
    r = web_client.post("/api/lint", json={"text": SEED.read_text(encoding="utf-8"), "messages": "ru"})
    assert any(f["message"].startswith("«adpecy» набрано") for f in r.get_json()["files"][0]["findings"])
    r = web_client.post("/api/lint", json={"text": SEED.read_text(encoding="utf-8")})
    assert any(f["message"].startswith("'adpecy' is typed") for f in r.get_json()["files"][0]["findings"])
    r = web_client.post("/api/lint", json={"text": "Текст.", "messages": "de"})
    assert r.status_code == 400 and "messages" in r.get_json()["error"]


def test_rules_command_and_rules_page_know_the_russian_message(cli, web_client):
    r = cli("rules", "typography.range-hyphen")
    assert "Message (ru): В диапазоне ставится короткое тире (–), а не дефис" in r.out
    page = web_client.get("/rules?q=короткое тире").get_data(as_text=True)
    assert 'id="typography.range-hyphen"' in page and 'id="contact.email"' not in page
