"""The release form's live check: the time from a keystroke to the updated Checks panel.

Two figures: the server's /releases/live for the seed's release typed into the form (median of
warm runs, Flask test client), and, when Debian Chromium and Playwright are installed, the whole
path in the browser (keystroke -> 500 ms debounce -> request -> panel rendered), median of 5.
Target: the panel is updated within 1.5 s of the keystroke.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 1500


def _form_data(r: dict) -> dict:
    out = {k: str(r[k]) for k in ("language", "date", "city", "headline", "subheadline", "lead", "organisation") if k in r}
    out["body"] = "\n\n".join(r.get("body", []))
    out["background"] = "\n\n".join(r.get("background", []))
    for lst in ("quotes", "projects", "contacts"):
        for i, e in enumerate(r.get(lst, [])):
            for k, v in e.items():
                out[f"{lst}-{i}-{k}"] = "\n".join(v) if isinstance(v, list) else str(v)
    return out


def main() -> int:
    from app.web import create_app, upgrade_database

    tmp = Path(tempfile.mkdtemp(prefix="pressroom-bench-live-"))
    app = create_app({"INSTANCE_PATH": str(tmp / "i"), "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'b.db'}"})
    with app.app_context():
        upgrade_database()
    seed = yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text("utf-8"))
    data = _form_data(seed)
    client = app.test_client()
    client.post("/releases/live", data=data, headers={"Accept-Language": "ru"})  # warm-up
    times = []
    for i in range(7):
        d = dict(data, headline=data["headline"] + " " * (i % 2))
        t = time.perf_counter()
        r = client.post("/releases/live", data=d, headers={"Accept-Language": "ru"})
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    server_ms = statistics.median(times)
    print(f"server /releases/live (seed release, warm): median {server_ms:.0f} ms of {len(times)} runs")
    browser_ms = _browser(app, data)
    if browser_ms is None:
        print("browser: skipped (no /usr/bin/chromium or Playwright)")
        return 0
    print(f"browser keystroke -> panel updated: median {browser_ms:.0f} ms (includes the 500 ms debounce); "
          f"target {TARGET_MS} ms")
    return 0 if browser_ms <= TARGET_MS else 1


def _browser(app, data: dict) -> float | None:
    if not Path("/usr/bin/chromium").exists():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    from werkzeug.serving import make_server

    app.config["WTF_CSRF_ENABLED"] = False
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                  args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = b.new_page()
            page.goto(base + "/releases/new")
            for k, v in data.items():
                if page.locator(f"#{k}").count() and k != "language":
                    if k.endswith(("currency", "funding")):
                        page.select_option(f"#{k}", v)
                    else:
                        page.fill(f"#{k}", v)
            page.wait_for_function("() => document.querySelector('#live-summary .count')")
            page.wait_for_timeout(1500)
            samples = []
            for i in range(5):
                ms = page.evaluate("""(i) => new Promise(resolve => {
                    const list = document.getElementById('live-summary');
                    const el = document.getElementById('headline');
                    let t0 = 0;
                    const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now() - t0); });
                    obs.observe(list, {childList: true, subtree: true, characterData: true});
                    t0 = performance.now();
                    el.value = el.value + (i % 2 ? '' : ' ');
                    el.dispatchEvent(new InputEvent('input', {bubbles: true}));
                })""", i)
                samples.append(ms)
                page.wait_for_timeout(300)
            b.close()
            return statistics.median(samples)
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
