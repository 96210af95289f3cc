"""Beyond one machine (issue 13): app instances share nothing but PostgreSQL.

Two separate gunicorn processes (as two hosts behind a load balancer would run) on one database:
a release opened in two tabs, each tab talking to another instance, still gives the second save a
conflict carrying both versions, and both texts end up in the release's history.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TOKEN = "two-instances-test-token"  # state-changing API calls need a CSRF token or an API token


def _call(method: str, url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json",
                                                                      "Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture
def two_instances(postgres_url, tmp_path):
    from app.web import create_app, upgrade_database

    app = create_app({"SQLALCHEMY_DATABASE_URI": postgres_url, "INSTANCE_PATH": str(tmp_path / "migrate"),
                      "SECRET_KEY": "shared-secret"})
    with app.app_context():
        upgrade_database()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    procs, urls = [], []
    for i in range(2):
        port = _free_port()
        env = dict(os.environ, DATABASE_URL=postgres_url, PRESSROOM_SECRET_KEY="shared-secret",
                   PRESSROOM_INSTANCE=str(tmp_path / f"host{i}"), PRESSROOM_API_TOKENS=TOKEN)
        procs.append(subprocess.Popen([gunicorn, "-w", "1", "-b", f"127.0.0.1:{port}", "app.web:create_app()"],
                                      cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for p, url in zip(procs, urls):
            for _ in range(300):
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2).read()
                    break
                except OSError:
                    if p.poll() is not None:
                        pytest.fail(f"instance exited: {p.stderr.read().decode()[-1000:]}")
                    time.sleep(0.2)
            else:
                pytest.fail(f"instance at {url} did not answer")
        yield urls
    finally:
        for p in procs:
            p.terminate()
            p.wait(30)


def test_two_tabs_on_two_instances_conflict_and_nothing_is_lost(two_instances):
    host_a, host_b = two_instances
    code, made = _call("POST", f"{host_a}/api/releases", {"payload": {"language": "en", "headline": "Base"}})
    assert code == 201
    rid = made["id"]
    # both tabs opened version 1; each saves through another instance
    code, a = _call("PUT", f"{host_a}/api/releases/{rid}", {"payload": {"language": "en", "headline": "Tab A"}, "version": 1,
                                                          "kind": "save"})
    assert code == 200 and a["version"] == 2
    code, b = _call("PUT", f"{host_b}/api/releases/{rid}", {"payload": {"language": "en", "headline": "Tab B"}, "version": 1,
                                                          "kind": "save"})
    assert code == 409
    assert b["current"]["payload"]["headline"] == "Tab A" and b["yours"]["headline"] == "Tab B"
    # instance B sees what instance A stored; tab B keeps its text on top of it
    assert _call("GET", f"{host_b}/api/releases/{rid}")[1]["payload"]["headline"] == "Tab A"
    code, resolved = _call("PUT", f"{host_b}/api/releases/{rid}", {"payload": {"language": "en", "headline": "Tab B"},
                                                                 "version": b["current"]["version"], "kind": "save"})
    assert code == 200 and resolved["version"] == 3
    history = _call("GET", f"{host_a}/api/releases/{rid}/versions")[1]["versions"]
    assert [v["title"] for v in history] == ["Tab B", "Tab A", "Base"]
