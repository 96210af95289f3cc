"""Accounts (issue 15): sign-in, sessions that expire and can be revoked, the first-run page,
invitations, API tokens, organisation scoping, the audit log and notifications."""
from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest

from webauth import TEST_PASSWORD, make_user, sign_in


@pytest.fixture
def app(make_web_app):
    return make_web_app(signed_in=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, username, password=TEST_PASSWORD):
    page = client.get("/login")
    return client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_of(page.text)})


def test_first_run_creates_the_admin_and_then_is_closed(app):
    c = app.test_client()
    r = c.get("/releases")
    assert r.status_code == 302 and r.headers["Location"].endswith("/setup")
    page = c.get("/setup")
    assert page.status_code == 200 and "no default password" in page.text.lower()
    r = c.post("/setup", data={"username": "boss", "password": "short", "password2": "short", "org": "Acme",
                               "csrf_token": csrf_of(page.text)})
    assert r.status_code == 400 and "at least 10 characters" in r.text
    r = c.post("/setup", data={"username": "boss", "password": "long enough pw", "password2": "long enough pw",
                               "org": "Acme", "csrf_token": csrf_of(page.text)})
    assert r.status_code == 303
    assert c.get("/admin/users").status_code == 200  # signed in as the admin
    other = app.test_client()
    assert other.get("/setup").status_code == 302  # closed once an account exists
    assert other.get("/login").status_code == 200


def test_sign_in_wrong_password_and_audit(app):
    make_user(app, "anna")
    c = app.test_client()
    assert login(c, "anna", "wrong password!").status_code == 401
    assert c.get("/releases").status_code == 302
    r = login(c, "anna")
    assert r.status_code == 303
    assert c.get("/releases").status_code == 200
    from app.web.models import AuditEvent

    with app.app_context():
        actions = [(e.action, e.username) for e in AuditEvent.query.order_by(AuditEvent.id)]
    assert ("login.failed", "anna") in actions and ("login", "anna") in actions


def test_login_attempts_are_rate_limited(make_web_app):
    app = make_web_app(signed_in=False, LOGIN_RATE_LIMIT="3 per minute")
    make_user(app, "anna")
    c = app.test_client()
    codes = [login(c, "anna", "wrong password!").status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    assert login(c, "anna").status_code == 429  # even the right password waits


def test_session_is_revoked_by_a_password_reset(app):
    user = make_user(app, "anna")
    c = app.test_client()
    sign_in(c, user)
    assert c.get("/releases").status_code == 200
    from app.web import accounts

    with app.app_context():
        accounts.set_password(accounts.user_by_name("anna"), "a brand new password")
    assert c.get("/releases").status_code == 302  # the old session's epoch is void


def test_session_expires(make_web_app):
    app = make_web_app(signed_in=False, PERMANENT_SESSION_LIFETIME=timedelta(seconds=1))
    make_user(app, "anna")
    c = app.test_client()
    login(c, "anna")
    assert c.get("/releases").status_code == 200
    time.sleep(2.1)
    assert c.get("/releases").status_code == 302


def test_disabled_user_is_signed_out(app):
    user = make_user(app, "anna")
    c = app.test_client()
    sign_in(c, user)
    from app.web import accounts

    with app.app_context():
        accounts.set_active(accounts.user_by_name("anna"), False)
    assert c.get("/releases").status_code == 302
    assert login(c, "anna").status_code == 401


def test_releases_are_scoped_to_the_organisation(app):
    a = make_user(app, "anna")
    b = make_user(app, "boris", org="Other partner")
    ca, cb = app.test_client(), app.test_client()
    sign_in(ca, a)
    sign_in(cb, b)
    h = {"X-CSRFToken": csrf_of(ca.get("/releases/new").text)}
    r = ca.post("/api/releases", json={"payload": {"headline": "Embargoed news", "language": "en"}}, headers=h)
    assert r.status_code == 201
    rid = r.json["id"]
    assert not rid.isdigit() and len(rid) >= 20  # not guessable
    assert ca.get(f"/releases/{rid}/edit").status_code == 200
    for url in (f"/releases/{rid}/edit", f"/releases/{rid}/preview", f"/releases/{rid}/download.docx",
                f"/releases/{rid}/history", f"/api/releases/{rid}"):
        assert cb.get(url).status_code == 404, url
    assert "Embargoed news" not in cb.get("/releases").text
    assert cb.get("/api/releases").json["releases"] == []
    assert [x["title"] for x in ca.get("/api/releases").json["releases"]] == ["Embargoed news"]


def test_reviewer_sees_only_non_draft_releases_of_reviewed_partners(app):
    from app.web import accounts
    from app.web.extensions import db
    from app.web.models import Release

    author = make_user(app, "anna")
    rev = make_user(app, "rita", role="reviewer", org="EU Delegation", kind="delegation")
    other_rev = make_user(app, "otto", role="reviewer", org="Other Delegation", kind="delegation")
    with app.app_context():
        accounts.set_reviews(accounts.org_by_name("EU Delegation"), [accounts.default_org().id])
    ca = app.test_client()
    sign_in(ca, author)
    h = {"X-CSRFToken": csrf_of(ca.get("/releases/new").text)}
    rid = ca.post("/api/releases", json={"payload": {"headline": "For review", "language": "en"}}, headers=h).json["id"]
    cr, co = app.test_client(), app.test_client()
    sign_in(cr, rev)
    sign_in(co, other_rev)
    assert cr.get(f"/api/releases/{rid}").status_code == 404  # a draft: not yet submitted
    with app.app_context():
        r = Release.query.filter_by(public_id=rid).one()
        r.state = "submitted"
        db.session.commit()
    assert cr.get(f"/api/releases/{rid}").status_code == 200
    assert cr.get(f"/releases/{rid}/preview").status_code == 200
    assert cr.get(f"/releases/{rid}/edit").status_code == 404  # reviewers do not edit
    assert cr.delete(f"/api/releases/{rid}", headers={"X-CSRFToken": csrf_of(cr.get("/dictionary").text)}).status_code == 404
    assert co.get(f"/api/releases/{rid}").status_code == 404  # a delegation that does not review this partner


def test_api_tokens_bearer_revoke_and_ltapi(app):
    user = make_user(app, "anna")
    c = app.test_client()
    sign_in(c, user)
    page = c.get("/account/tokens")
    r = c.post("/account/tokens", data={"name": "script", "csrf_token": csrf_of(page.text)})
    token = re.search(r'id="new-token">([^<]+)<', r.text).group(1)
    assert token.startswith("prt_")
    assert token not in c.get("/account/tokens").text  # shown once
    from app.web.models import ApiToken

    with app.app_context():
        stored = ApiToken.query.one()
        assert token not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64
        public_id = stored.public_id
    anon = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    r = anon.post("/api/releases", json={"payload": {"headline": "By script", "language": "en"}}, headers=auth)
    assert r.status_code == 201  # a token needs no CSRF token
    assert anon.get("/api/releases", headers={"Authorization": "Bearer prt_nonsense"}).status_code == 401
    ok = anon.post("/v2/check", data={"text": "Hello.", "language": "en-GB", "username": "anna", "apiKey": token},
                   environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert ok.status_code == 200
    wrong_user = anon.post("/v2/check", data={"text": "Hello.", "language": "en-GB", "username": "boris", "apiKey": token},
                           environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert wrong_user.status_code == 403
    c.post(f"/account/tokens/{public_id}/revoke", data={"csrf_token": csrf_of(page.text)})
    assert anon.get("/api/releases", headers=auth).status_code == 401
    assert anon.post("/v2/check", data={"text": "Hello.", "language": "en-GB", "username": "anna", "apiKey": token},
                     environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 403


def test_configured_script_token_still_works(make_web_app):
    app = make_web_app(signed_in=False, API_TOKENS=["script-token"])
    c = app.test_client()
    r = c.post("/api/releases", json={"payload": {"headline": "Cron", "language": "en"}},
               headers={"Authorization": "Bearer script-token"})
    assert r.status_code == 201
    from app.web import accounts
    from app.web.models import Release

    with app.app_context():
        assert Release.query.one().org_id == accounts.default_org().id


def test_invitation_link_creates_an_account_once(app):
    admin = make_user(app, "boss", role="admin")
    c = app.test_client()
    sign_in(c, admin)
    page = c.get("/admin/users")
    org = re.search(r'<option value="([^"]+)">Default organisation', page.text).group(1)
    r = c.post("/admin/invitations", data={"org": org, "role": "author", "csrf_token": csrf_of(page.text)})
    link = re.search(r'id="invite-link"[^>]*value="([^"]+)"', r.text).group(1)
    path = link.split("localhost", 1)[1]
    guest = app.test_client()
    form = guest.get(path)
    assert form.status_code == 200 and "Default organisation" in form.text
    r = guest.post(path, data={"username": "newbie", "password": "a fine password", "password2": "a fine password",
                               "csrf_token": csrf_of(form.text)})
    assert r.status_code == 303
    assert guest.get("/releases").status_code == 200
    assert app.test_client().get(path).status_code == 404  # used


def test_invitation_is_mailed_when_smtp_is_configured(make_web_app, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout=None):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def starttls(self):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user))

        def send_message(self, msg):
            sent.append(("send", msg["To"], msg.get_content()))

    import smtplib

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    app = make_web_app(signed_in=False, SMTP_HOST="mail.example.org", SMTP_PORT="2525", SMTP_USER="pr")
    admin = make_user(app, "boss", role="admin")
    c = app.test_client()
    sign_in(c, admin)
    page = c.get("/admin/users")
    org = re.search(r'<option value="([^"]+)">Default organisation', page.text).group(1)
    r = c.post("/admin/invitations", data={"org": org, "role": "author", "email": "new@example.org",
                                           "csrf_token": csrf_of(page.text)})
    assert 'id="invite-sent"' in r.text
    link = re.search(r'id="invite-link"[^>]*value="([^"]+)"', r.text).group(1)
    assert ("connect", "mail.example.org", 2525) in sent and ("login", "pr") in sent
    assert sent[-1][1] == "new@example.org" and link in sent[-1][2]


def test_notifications_badge_and_list(app):
    user = make_user(app, "anna")
    from app.web.access import notify

    with app.app_context():
        assert notify([user.id, user.id], "Your release was approved", "/releases") == 1
    c = app.test_client()
    sign_in(c, user)
    page = c.get("/releases")
    assert re.search(r'id="notif-badge">1<', page.text)
    lst = c.get("/notifications")
    assert "Your release was approved" in lst.text
    c.post("/notifications/read", data={"csrf_token": csrf_of(lst.text)})
    assert 'id="notif-badge"' not in c.get("/releases").text


def test_audit_log_page_filter_and_csv(app):
    admin = make_user(app, "boss", role="admin")
    make_user(app, "anna")
    login(app.test_client(), "anna", "not the password")
    c = app.test_client()
    sign_in(c, admin)
    page = c.get("/admin/audit?action=login.failed")
    assert page.status_code == 200 and "login.failed" in page.text and "anna" in page.text
    csv_text = c.get("/admin/audit.csv?action=login").text
    assert csv_text.splitlines()[0].startswith("time (UTC),user,action")
    assert "login.failed" in csv_text
    author = app.test_client()
    sign_in(author, make_user(app, "anna"))
    assert author.get("/admin/audit").status_code == 403
    # nothing edits the log: no route changes an event
    assert not [r for r in app.url_map.iter_rules() if r.rule.startswith("/admin/audit") and
                (r.methods or set()) & {"POST", "PUT", "PATCH", "DELETE"}]


def test_logout(app):
    user = make_user(app, "anna")
    c = app.test_client()
    login(c, "anna")
    page = c.get("/releases")
    assert c.post("/logout", data={"csrf_token": csrf_of(page.text)}).status_code == 303
    assert c.get("/releases").status_code == 302


def test_notifications_are_mailed_when_smtp_is_configured(make_web_app, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout=None):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def starttls(self):
            pass

        def send_message(self, msg):
            sent.append((msg["To"], msg["Subject"], msg.get_content()))

    import smtplib

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    app = make_web_app(signed_in=False, SMTP_HOST="mail.example.org")
    from app.web import accounts
    from app.web.access import notify

    with app.app_context():
        with_mail = accounts.create_user("mailme", TEST_PASSWORD, accounts.default_org(), email="m@example.org")
        without = accounts.create_user("nomail", TEST_PASSWORD, accounts.default_org())
        assert notify([with_mail.id, without.id], "Release submitted for review", "/releases") == 2
    assert len(sent) == 1 and sent[0][0] == "m@example.org" and "/releases" in sent[0][2]
