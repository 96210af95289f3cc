"""Browser tests of accounts (issue 15, Chromium): the first-run page creating the admin, sign-in
and sign-out, an invitation link accepted by a new user, the audit log page."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def fresh_server(tmp_path):
    """A server with an empty accounts table (first run)."""
    from conftest import serve_app

    url, app, stop = serve_app(tmp_path)
    try:
        yield url, app
    finally:
        stop()


@pytest.fixture
def context(browser):
    made = []

    def make(base_url):
        c = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="en-GB",
                                accept_downloads=True)
        c.set_default_timeout(15000)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def test_first_run_admin_invitation_and_audit_log(fresh_server, context):
    url, app = fresh_server
    admin = context(url).new_page()
    errors: list[str] = []
    admin.on("pageerror", lambda e: errors.append(str(e)))
    # first run: any page leads to the setup form
    admin.goto("/releases")
    assert admin.url.endswith("/setup")
    admin.fill("#org", "Rule of Law Programme")
    admin.fill("#username", "boss")
    admin.fill("#password", "a long admin password")
    admin.fill("#password2", "a different password")
    admin.click("#setup-submit")
    assert "The two passwords differ" in admin.locator("#setup-error").text_content()
    admin.fill("#password", "a long admin password")
    admin.fill("#password2", "a long admin password")
    admin.click("#setup-submit")
    admin.wait_for_url("**/admin/users")
    assert admin.locator("#users").get_by_text("boss").count() == 1
    assert "Rule of Law Programme" in admin.locator("#users").text_content()

    # the admin invites an author; the link is shown to copy
    admin.select_option("#inv-role", "author")
    admin.click("#invite-submit")
    link = admin.locator("#invite-link").input_value()
    assert "/invite/" in link

    # the invited person opens the link in another browser and creates the account
    guest = context(url).new_page()
    guest.goto(link)
    assert "Rule of Law Programme" in guest.locator("#invite-for").text_content()
    guest.fill("#username", "anna")
    guest.fill("#password", "anna's long password")
    guest.fill("#password2", "anna's long password")
    guest.click("#invite-submit")
    guest.wait_for_url(lambda u: "/invite/" not in u)
    assert guest.locator("#account-name").text_content() == "anna"
    guest.goto(link)  # used: not valid any more
    assert "not valid any more" in guest.content()

    # anna signs out; a wrong password is refused; the right one signs her in
    guest.goto("/releases")
    guest.click("#logout")
    guest.wait_for_url("**/login")
    guest.fill("#username", "anna")
    guest.fill("#password", "wrong password here")
    guest.click("#login-submit")
    assert "wrong" in guest.locator("#login-error").text_content()
    guest.fill("#username", "anna")
    guest.fill("#password", "anna's long password")
    guest.click("#login-submit")
    guest.wait_for_url(lambda u: "/login" not in u)
    guest.goto("/admin/audit")  # not an admin
    assert "Not allowed" in guest.content()

    # the admin's audit log shows all of it, and filters
    admin.goto("/admin/audit")
    table = admin.locator("#audit").text_content()
    for action in ("user.create", "invitation.create", "invitation.accept", "logout", "login.failed", "login"):
        assert action in table, action
    admin.fill("#f-action", "login.failed")
    admin.click("#audit-filter button[type=submit]")
    rows = admin.locator("#audit tbody tr")
    assert rows.count() == 1 and "anna" in rows.first.text_content()
    with admin.expect_download() as dl:
        admin.click("#audit-csv")
    csv_text = open(dl.value.path(), encoding="utf-8").read()
    assert csv_text.startswith("time (UTC),user,action") and "login.failed" in csv_text
    assert not errors, errors


def test_sign_in_is_required_and_returns_to_the_page(live_server, context):
    from conftest import BROWSER_PASSWORD, BROWSER_USER

    page = context(live_server).new_page()
    page.goto("/dictionary")
    assert "/login" in page.url
    page.fill("#username", BROWSER_USER)
    page.fill("#password", BROWSER_PASSWORD)
    page.click("#login-submit")
    page.wait_for_url("**/dictionary")
    assert page.locator("#account-name").text_content() == BROWSER_USER
