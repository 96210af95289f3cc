"""The LanguageTool-compatible API with the real LanguageTool server (tests/conftest.py starts one)
and real clients: the JSON shape compared with the server's own, the merge, language-tool-python."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import jsonschema
import pytest
import requests

from app.checks.languagetool import client as lt_client
from app.ltapi import CACHE

pytestmark = pytest.mark.languagetool
SCHEMA = json.loads((Path(__file__).parent / "data" / "languagetool-check-response.schema.json").read_text())
SEED = Path(__file__).resolve().parent.parent / "examples" / "000_87413283a02d3cbb.txt"
# keys only some of LanguageTool's matches have (they depend on the rule)
OPTIONAL_RULE_KEYS = {"subId", "sourceFile", "urls", "tags", "isPremium", "confidence"}
OPTIONAL_PATHS = ("replacements[].shortDescription",)


def shape(value):
    """The JSON type of every key path: {"matches[].rule.id": "str", ...}."""
    out = {}

    def walk(v, path):
        if isinstance(v, dict):
            out.setdefault(path or "$", "object")
            for k, x in v.items():
                walk(x, f"{path}.{k}" if path else k)
        elif isinstance(v, list):
            out.setdefault(path, "array")
            for x in v:
                walk(x, path + "[]")
        else:
            out.setdefault(path, {bool: "boolean", int: "integer", float: "number", str: "string"}.get(type(v), "null"))

    walk(value, "")
    return out


@pytest.fixture
def live_app(make_web_app, languagetool_server):
    """Our web app in a real HTTP server thread, merging the real LanguageTool server's matches."""
    from werkzeug.serving import make_server

    app = make_web_app(LTAPI_LANGUAGETOOL=True, LTAPI_RATE_LIMIT="10000 per minute")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    lt_client.reset()
    CACHE.clear()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def test_same_keys_and_types_as_the_real_server(live_app, languagetool_server):
    text = "The centre is open to all and it are free. Contact us at adpecy info@example.org 😀 and the the end."
    ours = requests.post(f"{live_app}/v2/check", data={"text": text, "language": "en-GB"}, timeout=60).json()
    theirs = requests.post(f"{languagetool_server}/v2/check", data={"text": text, "language": "en-GB"}, timeout=60).json()
    jsonschema.validate(theirs, SCHEMA)
    jsonschema.validate(ours, SCHEMA)
    assert ours["matches"] and theirs["matches"]
    s_ours, s_theirs = shape(ours), shape(theirs)
    def common(s):
        return {k: v for k, v in s.items()
                if not any(f"rule.{o}" in k for o in OPTIONAL_RULE_KEYS) and not k.endswith(OPTIONAL_PATHS)}

    strip, ours_strip = common(s_theirs), common(s_ours)
    assert ours_strip == strip
    # and a match straight from our own rules has every key a server's match has
    own = next(m for m in ours["matches"] if "." in m["rule"]["id"])
    lt = theirs["matches"][0]
    assert set(lt) <= set(own) and set(lt["rule"]) - OPTIONAL_RULE_KEYS <= set(own["rule"])
    assert set(shape(requests.get(f"{live_app}/v2/languages").json())) == \
        set(shape(requests.get(f"{languagetool_server}/v2/languages").json()))


def test_real_servers_matches_are_merged_and_ours_win_on_overlap(live_app):
    text = "Предистория проекта описана в отчёте. Он был были открыт в 2024 году."
    data = requests.post(f"{live_app}/v2/check", data={"text": text, "language": "ru-RU"}, timeout=60).json()
    assert data["warnings"]["incompleteResults"] is False
    by_word = {}
    for m in data["matches"]:
        by_word.setdefault(text[m["offset"]:m["offset"] + m["length"]], []).append(m["rule"]["id"])
    assert by_word["Предистория"] == ["spelling.unknown-word"]      # LanguageTool's speller says it too: once
    lt = [m for m in data["matches"] if "." not in m["rule"]["id"]]
    assert lt, data["matches"]
    assert all(m["rule"]["category"]["id"] and m["rule"]["description"] for m in lt)
    # the server's options pass through: its rule switched off by the client is gone
    rid = lt[0]["rule"]["id"]
    off = requests.post(f"{live_app}/v2/check", data={"text": text, "language": "ru-RU", "disabledRules": rid},
                        timeout=60).json()
    assert rid not in {m["rule"]["id"] for m in off["matches"]}


def test_languagetool_disabled_rules_of_rules_lt_yml_apply(live_app):
    text = "The  project starts today and it are open."
    data = requests.post(f"{live_app}/v2/check", data={"text": text, "language": "en-GB"}, timeout=60).json()
    ids = {m["rule"]["id"] for m in data["matches"]}
    assert "WHITESPACE_RULE" not in ids and "IT_VBZ" in ids


def test_language_tool_python_round_trip(live_app):
    """language-tool-python's own client, pointed at us, checks the seed and corrects it."""
    import language_tool_python

    text = SEED.read_text(encoding="utf-8")
    tool = language_tool_python.LanguageTool("ru-RU", remote_server=live_app)
    try:
        matches = tool.check(text)
        by_rule = {}
        for m in matches:
            by_rule.setdefault(m.rule_id, []).append(text[m.offset:m.offset + m.error_length])
        assert by_rule["homoglyph.latin-word"] == ["adpecy"]
        assert by_rule["contact.email"] == ["omiroshnichenko @hotmail.com"]
        assert by_rule["spelling.unknown-word"] == ["Предистория"]
        email = next(m for m in matches if m.rule_id == "contact.email")
        assert email.replacements[0] == "omiroshnichenko@hotmail.com"
        fixed = tool.correct(text)
        assert "электронному адресу omiroshnichenko@hotmail.com" in fixed and "adpecy" not in fixed
        assert "Предыстория:" in fixed
        # an emoji before the finding: the library turns UTF-16 offsets into code points itself
        emoji = "😀😀 " + "Для получения информации пишите по adpecy info@example.org."
        m = next(m for m in tool.check(emoji) if m.rule_id == "homoglyph.latin-word")
        assert emoji[m.offset:m.offset + m.error_length] == "adpecy"
    finally:
        tool.close()


def test_server_down_means_our_findings_and_incomplete_results(make_web_app, monkeypatch):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL_URL", f"http://127.0.0.1:{dead}")
    lt_client.reset()
    CACHE.clear()
    client = make_web_app(LTAPI_LANGUAGETOOL=True).test_client()
    r = client.post("/v2/check", data={"text": "Пишите по adpecy info@example.org.", "language": "ru-RU"},
                    environ_base={"REMOTE_ADDR": "127.0.0.1"})
    data = r.get_json()
    assert r.status_code == 200 and data["warnings"]["incompleteResults"] is True
    assert [m["rule"]["id"] for m in data["matches"]] == ["homoglyph.latin-word"]
    lt_client.reset()
