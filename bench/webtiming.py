"""Timing code shared by the web benchmarks (bench/bench_live.py, bench/bench_check_editor.py):
an app on a fresh database with a signed-in user, the median of warm requests, and the browser's
keystroke -> updated list time (Debian Chromium through Playwright)."""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_MS = 1500
USER, PASSWORD = "bench", "bench password 13"


def signed_in_app(prefix: str):
    """(app, test client signed in as an author of the default organisation) on a new SQLite database."""
    from app.web import accounts, create_app, upgrade_database

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    app = create_app({"INSTANCE_PATH": str(tmp / "i"), "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'b.db'}"})
    with app.app_context():
        upgrade_database()
        user = accounts.create_user(USER, PASSWORD, accounts.default_org(), "author")
        sid = user.get_id()
    client = app.test_client()
    with client.session_transaction() as s:
        s["_user_id"], s["_fresh"] = sid, True
    return app, client


def median_ms(send, runs: int = 7) -> float:
    """send(i) -> response, once to warm up and then ``runs`` times: the median in ms."""
    send(-1)
    times = []
    for i in range(runs):
        t = time.perf_counter()
        r = send(i)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.get_data(as_text=True)[:200]
    return statistics.median(times)


def browser_available() -> bool:
    if not Path("/usr/bin/chromium").exists():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def browser_page(app):
    """A Chromium page signed in to ``app`` served on 127.0.0.1 (threaded werkzeug server)."""
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                  args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = b.new_page()
            page.goto(base + "/login")
            page.fill("#username", USER)
            page.fill("#password", PASSWORD)
            page.click("#login-submit")
            page.wait_for_url(lambda u: "/login" not in u)
            try:
                yield page, base
            finally:
                b.close()
    finally:
        server.shutdown()


_KEYSTROKE = """([listId, inputId, i]) => new Promise(resolve => {
    const list = document.getElementById(listId), el = document.getElementById(inputId);
    let t0 = 0;
    const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now() - t0); });
    obs.observe(list, {childList: true, subtree: true, characterData: true});
    t0 = performance.now();
    el.value = el.value + (i % 2 ? '' : ' ');
    el.dispatchEvent(new InputEvent('input', {bubbles: true}));
})"""


def keystroke_ms(page, list_id: str, input_id: str, runs: int = 5) -> float:
    """A space typed into #input_id (and taken away again) -> #list_id changed: median ms."""
    samples = []
    for i in range(runs):
        samples.append(page.evaluate(_KEYSTROKE, [list_id, input_id, i]))
        page.wait_for_timeout(300)
    return statistics.median(samples)


def report_browser(browser_ms: float | None, what: str) -> int:
    if browser_ms is None:
        print("browser: skipped (no /usr/bin/chromium or Playwright)")
        return 0
    print(f"browser keystroke -> {what}: median {browser_ms:.0f} ms (includes the 500 ms debounce); target {TARGET_MS} ms")
    return 0 if browser_ms <= TARGET_MS else 1
