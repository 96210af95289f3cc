"""`pressroom serve`: the lean --languagetool-api server, and LanguageTool supervised beside the app."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

EXE = Path(sys.executable).parent / "pressroom"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float) -> requests.Response | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return requests.get(url, timeout=2)
        except requests.RequestException:
            time.sleep(0.3)
    return None


def _java_pids(port: int) -> list[int]:
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"org.languagetool.server.HTTPServer" in cmd and str(port).encode() in cmd:
            pids.append(int(d.name))
    return pids


def _start(*args, env=None):
    return subprocess.Popen([str(EXE), "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **(env or {})}, start_new_session=True)


def _stop(proc, sig=signal.SIGINT):
    if proc.poll() is None:
        os.kill(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    return proc.stdout.read().decode("utf-8", "replace")


def test_lean_languagetool_api_server(tmp_path):
    port = _free_port()
    proc = _start("--languagetool-api", "--dev", "--no-languagetool", "--port", str(port),
                  env={"PRESSROOM_INSTANCE": str(tmp_path / "instance")})
    try:
        r = _wait(f"http://127.0.0.1:{port}/v2/languages", 60)
        assert r is not None and r.status_code == 200, _stop(proc)
        r = requests.post(f"http://127.0.0.1:{port}/v2/check",
                          data={"text": "Пишите по adpecy info@example.org.", "language": "ru-RU"}, timeout=60)
        assert r.status_code == 200
        assert [m["rule"]["id"] for m in r.json()["matches"]] == ["homoglyph.latin-word"]
        assert requests.get(f"http://127.0.0.1:{port}/check", timeout=10).status_code == 404  # no pages
        assert not (tmp_path / "instance" / "pressroom.db").exists()  # no database
    finally:
        out = _stop(proc)
    assert "Traceback" not in out


def test_serve_bad_port_is_a_usage_error(cli):
    r = cli("serve", "--languagetool-port", "0")
    assert r.code == 2 and "--languagetool-port" in r.err


@pytest.mark.languagetool
def test_languagetool_is_supervised_restarted_and_stopped(tmp_path, languagetool_server):
    """languagetool_server: only to be sure LanguageTool is fetched (the supervisor starts its own)."""
    port, lt_port = _free_port(), _free_port()
    proc = _start("--languagetool-api", "--dev", "--port", str(port), "--languagetool-port", str(lt_port),
                  env={"PRESSROOM_INSTANCE": str(tmp_path / "instance"), "PRESSROOM_LANGUAGETOOL_URL": "",
                       "PRESSROOM_LANGUAGETOOL": "auto"})
    try:
        r = _wait(f"http://127.0.0.1:{lt_port}/v2/languages", 240)
        assert r is not None and r.status_code == 200, "LanguageTool did not come up"
        first = _java_pids(lt_port)
        assert len(first) == 1
        os.kill(first[0], signal.SIGKILL)  # it dies: the supervisor starts it again
        deadline = time.monotonic() + 240
        again = []
        while time.monotonic() < deadline:
            again = [p for p in _java_pids(lt_port) if p not in first]
            if again and _wait(f"http://127.0.0.1:{lt_port}/v2/languages", 2) is not None:
                break
            time.sleep(1)
        assert again, "LanguageTool was not restarted"
        # the API merges the supervised server's matches (found by the probe)
        text = "The centre is open to all and it are free."
        deadline = time.monotonic() + 180  # a restarted server's first answers are slow (JIT) on a busy machine
        while time.monotonic() < deadline:
            data = requests.post(f"http://127.0.0.1:{port}/v2/check", data={"text": text, "language": "en-GB"},
                                 timeout=60).json()
            if any(m["rule"]["id"] == "IT_VBZ" for m in data["matches"]):
                break
            time.sleep(1)
        assert any(m["rule"]["id"] == "IT_VBZ" for m in data["matches"]), data
    finally:
        out = _stop(proc, signal.SIGTERM)  # as a service manager stops it
    deadline = time.monotonic() + 30
    while _java_pids(lt_port) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _java_pids(lt_port) == [], "LanguageTool outlived the app"
    assert "restarting" in out, out
