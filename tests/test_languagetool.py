"""LanguageTool as a real HTTP server (one per session, tests/conftest.py: languagetool_server)."""
from __future__ import annotations

import json
import socket

import pytest

from app.checks.languagetool import client
from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint
from app.engine.rules import load_rules

pytestmark = pytest.mark.languagetool


def run(text, lang, options=None, config=None, select=()):
    doc = read_bytes(text.encode("utf-8"), "draft.txt", "txt", lang)
    cfg = config or Config()
    ctx = LintContext(config=cfg, options=options if options is not None else {"languagetool": True})
    res = lint(doc, cfg, select=list(select), context=ctx)
    return doc, res


def test_english_grammar_from_the_server(languagetool_server):
    doc, res = run("The centre is open to all and it are free for every visitor.", "en")
    lt = [f for f in res.findings if f.rule.startswith("lt.")]
    assert lt, res.findings
    f = next(f for f in lt if doc.span_text(f.offset, f.end) == "are")
    assert f.rule == "lt.IT_VBZ" and f.category == "grammar" and "is" in f.suggestions
    assert res.notices == []


def test_russian_findings_are_filtered_by_our_checks_and_vocabulary(languagetool_server):
    text = ("Посол Алешка Симкич отметила важность пробации. Предистория проекта описана в отчёте "
            "координатора LPRC Ольги Мирошниченко.")
    doc, res = run(text, "ru")
    lt_words = {doc.span_text(f.offset, f.end) for f in res.findings if f.rule.startswith("lt.")}
    # LanguageTool's speller flags these; our vocabulary and our own finding (Предистория) win.
    assert not lt_words & {"Симкич", "пробации", "Предистория", "Мирошниченко", "LPRC"}
    ours = [f for f in res.findings if f.rule == "spelling.unknown-word" and f.severity == "error"]
    assert [doc.span_text(f.offset, f.end) for f in ours] == ["Предистория"]


def test_disabled_rules_are_not_reported(languagetool_server):
    doc, res = run("The  project   starts today.", "en")
    assert not [f for f in res.findings if f.rule == "lt.WHITESPACE_RULE"]
    rule = next(r for r in load_rules() if r.id == "lt")
    assert "WHITESPACE_RULE" in rule.options["disabled"]["all"]


def test_off_unless_asked(languagetool_server):
    doc, res = run("The centre is open and it are free.", "en", options={})
    assert not [f for f in res.findings if f.rule.startswith("lt.")]
    doc, res = run("The centre is open and it are free.", "en", options={},
                   config=Config(languagetool={"enabled": True}))
    assert [f for f in res.findings if f.rule.startswith("lt.")]


def test_cli_json_with_languagetool(cli, tmp_path, languagetool_server):
    p = tmp_path / "draft.txt"
    p.write_text("The centre is open to all and it are free.\n", encoding="utf-8")
    r = cli("lint", str(p), "--languagetool", "--select", "lt", "--format", "json")
    data = json.loads(r.out)
    assert any(f["rule"] == "lt.IT_VBZ" for f in data["files"][0]["findings"]), r
    assert data.get("notices", []) == []


def _dead_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_one_notice_not_a_failure(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL_URL", f"http://127.0.0.1:{_dead_port()}")
    client.reset()
    files = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text("Предистория проекта описана в отчёте.\n", encoding="utf-8")
        files.append(str(p))
    r = cli("lint", *files, "--languagetool", "--format", "json", "--select", "spelling,lt")
    assert r.code == 1  # our own spelling error is still reported
    data = json.loads(r.out)
    assert len(data["notices"]) == 1 and "LanguageTool" in data["notices"][0]
    notices = [line for line in r.err.splitlines() if "notice:" in line]
    assert len(notices) == 1 and "unreachable" in notices[0], r.err
    assert all(f["rule"] == "spelling.unknown-word" for fl in data["files"] for f in fl["findings"])


def test_slow_server_times_out(monkeypatch):
    """A server that accepts the connection but never answers: the per-request limit applies."""
    import threading
    import time

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    port = srv.getsockname()[1]
    held = []
    stop = threading.Event()

    def accept():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                held.append(conn)  # read nothing, answer nothing
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        monkeypatch.setenv("PRESSROOM_LANGUAGETOOL_URL", f"http://127.0.0.1:{port}")
        client.reset()
        start = time.monotonic()
        doc, res = run("It are free.", "en", config=Config(languagetool={"timeout": 1}))
        assert time.monotonic() - start < 5
        assert len(res.notices) == 1 and "too slow" in res.notices[0]
        assert not [f for f in res.findings if f.rule.startswith("lt.")]
    finally:
        stop.set()
        t.join()
        for c in held:
            c.close()
        srv.close()
        client.reset()


def test_cli_languagetool_status_and_usage(cli):
    r = cli("languagetool", "start", "--port", "0")
    assert r.code == 2 and "--port" in r.err
    r = cli("languagetool", "bogus")
    assert r.code == 2


def test_rule_lists_are_sent_in_one_order(monkeypatch):
    """The server keys its cached pipelines by the request's parameters: the disabled rules must
    reach it in the same order from every process (a set's order changes with string hashing, and
    each new order cost a new Russian pipeline, 1.6-3.4 s)."""
    import language_tool_python.server as lts

    monkeypatch.setattr(lts.LanguageTool, "_get_languages", lambda self: {"ru-RU", "ru", "en-GB", "en"})
    c = client._make_client("http://127.0.0.1:9", "ru-RU", 1.0)
    rules = ["WHITESPACE_RULE", "UPPERCASE_SENTENCE_START", "DOUBLE_PUNCTUATION", "EN_QUOTES",
             "COMMA_PARENTHESIS_WHITESPACE", "PUNCTUATION_PARAGRAPH_END", "MORFOLOGIK_RULE_RU_RU"]
    c.disabled_rules = set(rules)
    params = c._create_params("Текст.")
    assert params["disabledRules"] == ",".join(sorted(rules))
    assert params["text"] == "Текст." and params["language"] == "ru-RU"
    c.disabled_rules = set()
    assert "disabledRules" not in c._create_params("Текст.")
