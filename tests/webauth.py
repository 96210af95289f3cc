"""Signing in from tests (accounts, issue 15): a test client that starts signed in, and users
made on demand. Imported by tests/conftest.py and by test modules that build their own app."""
from __future__ import annotations

from flask.testing import FlaskClient

TEST_PASSWORD = "correct horse battery"


class SignedInClient(FlaskClient):
    """A test client that starts signed in as the user named by app.config["TEST_SIGNED_IN"]
    (a Flask-Login session id); anonymous when it is not set."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sid = self.application.config.get("TEST_SIGNED_IN")
        if sid:
            sign_in(self, sid)


def sign_in(client, user_or_sid) -> None:
    """Put a signed-in session into a test client (what a successful /login stores)."""
    sid = user_or_sid if isinstance(user_or_sid, str) else user_or_sid.get_id()
    with client.session_transaction() as s:
        s.clear()
        s["_user_id"] = sid
        s["_fresh"] = True


def make_user(app, username: str, role: str = "author", org: str | None = None, kind: str = "partner"):
    """The user `username` (created on first call, password TEST_PASSWORD) in organisation `org`
    (default: the default organisation; created with `kind` if missing)."""
    from app.web import accounts

    with app.app_context():
        if org is None:
            o = accounts.default_org()
        else:
            try:
                o = accounts.org_by_name(org)
            except Exception:
                o = accounts.create_org(org, kind)
        u = accounts.user_by_name(username) or accounts.create_user(username, TEST_PASSWORD, o, role)
        accounts.db.session.refresh(u)
        accounts.db.session.expunge(u)
        return u
