"""`pressroom lint --languagetool auto|on|off`: auto (the default) uses a server that answers."""
from __future__ import annotations

import json
import socket

import pytest

from app.checks.languagetool import client

TEXT = "The centre is open to all and it are free.\n"


def _dead_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def lt_ids(r):
    return [f["rule"] for f in json.loads(r.out)["files"][0]["findings"] if f["rule"].startswith("lt.")]


def test_auto_without_a_server_is_offline_and_silent(cli, draft, monkeypatch):
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL", "auto")
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL_URL", _dead_url())
    client.reset()
    r = cli("lint", draft, "--format", "json")
    assert lt_ids(r) == [] and "notice" not in r.err, r
    r = cli("lint", draft, "--format", "json", "--languagetool", "auto")
    assert lt_ids(r) == [] and "notice" not in r.err, r


def test_forced_without_a_server_says_so(cli, draft, monkeypatch):
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL_URL", _dead_url())
    client.reset()
    r = cli("lint", "--languagetool", draft, "--format", "json")  # the flag alone, then the draft
    assert "LanguageTool" in r.err and "unreachable" in r.err and lt_ids(r) == [], r


def test_bad_mode_from_the_environment_is_a_usage_error(cli, draft, monkeypatch):
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL", "sometimes")
    r = cli("lint", draft)
    assert r.code == 2 and "PRESSROOM_LANGUAGETOOL" in r.err


@pytest.mark.languagetool
def test_auto_uses_a_running_server_and_no_languagetool_turns_it_off(cli, draft, monkeypatch, languagetool_server):
    monkeypatch.setenv("PRESSROOM_LANGUAGETOOL", "auto")
    client.reset()
    r = cli("lint", draft, "--format", "json")
    assert "lt.IT_VBZ" in lt_ids(r), r
    r = cli("lint", draft, "--format", "json", "--no-languagetool")
    assert lt_ids(r) == [], r
    r = cli("lint", draft, "--format", "json", "--languagetool", "off")
    assert lt_ids(r) == [], r


@pytest.mark.languagetool
def test_config_auto(cli, draft, tmp_path, monkeypatch, languagetool_server):
    cfg = tmp_path / "pressroom.toml"
    cfg.write_text('[languagetool]\nenabled = "auto"\n', encoding="utf-8")
    client.reset()
    r = cli("lint", draft, "--format", "json", "--config", cfg)
    assert "lt.IT_VBZ" in lt_ids(r), r
