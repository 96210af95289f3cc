"""One browser and one live server for every browser test module (session fixtures defined in a
module and imported into another would start a second Playwright in the same thread)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

# Both conftest files are imported as the module "conftest" (rootdir import mode): the test modules
# that do `from conftest import SEED` must find it whichever of the two was imported last.
SEED = Path(__file__).resolve().parents[2] / "examples" / "000_87413283a02d3cbb.txt"

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


BROWSER_USER = "browser-author"
BROWSER_PASSWORD = "browser tests password"


def serve_app(d: Path):
    """A live server of a fresh app (CSRF on, as in production) on its own database: (url, app, stop)."""
    from werkzeug.serving import make_server

    from app.web import create_app, upgrade_database

    app = create_app({"INSTANCE_PATH": str(d / "instance"), "SECRET_KEY": "browser-tests",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{d / 'live.db'}"})
    with app.app_context():
        upgrade_database()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_port}", app, server.shutdown


@pytest.fixture(scope="session")
def live_app_server(tmp_path_factory):
    url, app, stop = serve_app(tmp_path_factory.mktemp("live"))
    from app.web import accounts

    with app.app_context():  # the account the browser tests sign in with (accounts, issue 15)
        accounts.create_user(BROWSER_USER, BROWSER_PASSWORD, accounts.default_org(), "author")
    try:
        yield url, app
    finally:
        stop()


@pytest.fixture(scope="session")
def live_server(live_app_server):
    return live_app_server[0]


@pytest.fixture(scope="session")
def live_app(live_app_server):
    return live_app_server[1]


def sign_in_page(page, username: str, password: str) -> None:
    """Sign in through the form (the page is on the live server's base URL)."""
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#login-submit")
    page.wait_for_url(lambda u: "/login" not in u)


@pytest.fixture(scope="session")
def signed_in_state(browser, live_server):
    """The storage state (session cookie) of BROWSER_USER, signed in once through the form:
    pass it as new_context(storage_state=...) to start signed in."""
    ctx = browser.new_context(base_url=live_server)
    page = ctx.new_page()
    sign_in_page(page, BROWSER_USER, BROWSER_PASSWORD)
    state = ctx.storage_state()
    ctx.close()
    return state


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found: run scripts/install-system-deps.sh as root (Debian package 'chromium')")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()
