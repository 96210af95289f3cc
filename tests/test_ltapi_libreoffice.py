"""LibreOffice's own LanguageTool client (7.4, headless, python3-uno) against our /v2."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "000_87413283a02d3cbb.txt"
SYSTEM_PYTHON = "/usr/bin/python3"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_libreoffice_shows_our_findings_per_paragraph(make_web_app, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (bash scripts/install-system-deps.sh)")
    if subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
        pytest.skip("python3-uno is not installed (bash scripts/install-system-deps.sh)")
    from werkzeug.serving import make_server

    app = make_web_app(LTAPI_LANGUAGETOOL="off")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    emoji = "😀 Для получения информации пишите по adpecy info@example.org."
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()] + [emoji]
    try:
        proc = subprocess.run([SYSTEM_PYTHON, str(HERE / "lo_languagetool_client.py"),
                               f"http://127.0.0.1:{server.server_port}/v2", str(tmp_path / "profile"),
                               str(_free_port()), "ru", "RU"],
                              input=json.dumps(paragraphs), capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)

    def marked(i):
        units = paragraphs[i].encode("utf-16-le")
        return {units[2 * s:2 * (s + n)].decode("utf-16-le"): (comment, sugg) for s, n, comment, sugg in results[i]}

    para = next(i for i, p in enumerate(paragraphs) if "adpecy" in p and p is not emoji)
    found = marked(para)
    assert found["adpecy"][1] == ["адресу"] and "латин" in found["adpecy"][0]
    assert found["omiroshnichenko @hotmail.com"][1] == ["omiroshnichenko@hotmail.com"]
    assert "Предистория" in marked(next(i for i, p in enumerate(paragraphs) if "Предистория" in p))
    # LibreOffice counts UTF-16 units as we do: the emoji does not shift the underline
    assert "adpecy" in marked(len(paragraphs) - 1)
    # a paragraph is not a release: nothing about missing parts on any of them
    assert all(length > 0 for res in results for _s, length, _c, _g in res)
