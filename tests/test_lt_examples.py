"""Acceptance (issue 16): LanguageTool's own marked Russian and English grammar examples (grammar.xml
in the jars scripts/languagetool.sh fetched, see tests/lt_examples.py) with the server on: at least
95 % of the marked spans are flagged, through `pressroom lint` and through /v2/check.

A fixed-seed sample keeps the run to a few minutes on a shared machine (LTAPI_EXAMPLES=N sets the
size per language, LTAPI_EXAMPLES=all checks every example)."""
from __future__ import annotations

import json
import os
import threading

import pytest
import requests

from app.checks.languagetool import client
from app.ltapi import CACHE
from lt_examples import examples, sample

pytestmark = pytest.mark.languagetool
SIZE = os.environ.get("LTAPI_EXAMPLES", "150")
N = None if SIZE == "all" else int(SIZE)
DOCUMENT_RULES = ("structure.", "visibility.eu-not-mentioned")  # about the whole release, not a sentence


def _examples(lang):
    items, _skipped = examples(lang)
    if not items:
        pytest.fail(f"no LanguageTool {lang} jar under .cache/languagetool (scripts/languagetool.sh fetch)")
    return sample(items, N)


def _hit(spans, s, e):
    return any(a < e and s < b for a, b in spans)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_marked_examples_through_pressroom_lint(cli, tmp_path, lang, languagetool_server):
    items = _examples(lang)
    for i, (_rid, text, _s, _e) in enumerate(items):
        (tmp_path / f"{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    client.reset()
    cfg = tmp_path / "pressroom.toml"
    cfg.write_text("[languagetool]\ntimeout = 120\n", encoding="utf-8")
    r = cli("lint", tmp_path, "--languagetool", "--lang", lang, "--format", "json", "--config", cfg)
    data = json.loads(r.out)
    assert not data.get("notices"), data.get("notices")
    by_file = {os.path.basename(f["path"]): f["findings"] for f in data["files"]}
    missed = []
    for i, (rid, text, s, e) in enumerate(items):
        spans = [(f["offset"], f["offset"] + f["length"]) for f in by_file[f"{i:05d}.txt"]
                 if f["length"] and not f["rule"].startswith(DOCUMENT_RULES)]
        if not _hit(spans, s, e):
            missed.append((rid, text[s:e], text[:80]))
    rate = 1 - len(missed) / len(items)
    print(f"{lang}: {len(items) - len(missed)}/{len(items)} marked spans flagged through pressroom lint ({rate:.1%})")
    assert rate >= 0.95, missed[:20]


@pytest.mark.parametrize("lang, code", [("ru", "ru-RU"), ("en", "en-GB")])
def test_marked_examples_through_v2_check(make_web_app, languagetool_server, lang, code):
    from werkzeug.serving import make_server

    from app.ltapi.text16 import Utf16Map

    app = make_web_app(LTAPI_LANGUAGETOOL=True, LTAPI_RATE_LIMIT="100000 per minute")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client.reset()
    CACHE.clear()
    url = f"http://127.0.0.1:{server.server_port}/v2/check"
    items = _examples(lang)
    missed, incomplete = [], 0
    try:
        with requests.Session() as http:
            for rid, text, s, e in items:
                data = http.post(url, data={"text": text, "language": code}, timeout=180).json()
                incomplete += data["warnings"]["incompleteResults"]
                u16 = Utf16Map(text)
                spans = [(u16.to_cp(m["offset"]), u16.to_cp(m["offset"] + m["length"])) for m in data["matches"]]
                if not _hit(spans, s, e):
                    missed.append((rid, text[s:e], text[:80]))
    finally:
        server.shutdown()
    rate = 1 - len(missed) / len(items)
    print(f"{lang}: {len(items) - len(missed)}/{len(items)} marked spans flagged through /v2/check ({rate:.1%})")
    assert incomplete == 0
    assert rate >= 0.95, missed[:20]
