"""Sign-in machinery (issue 15): Flask-Login sessions that expire and can be revoked, API tokens
(``Authorization: Bearer`` on /api), the login rate limit (Flask-Limiter) and the gate that sends
anonymous requests to the sign-in page (every endpoint not in PUBLIC_ENDPOINTS needs a user).

A session stores ``<user public id>:<session epoch>``; raising the user's epoch (new password,
disabled account, "sign out everywhere") makes every older session invalid.
PRESSROOM_API_TOKENS (bare tokens) still work on /api for scripts: such a request acts as an
author of the default organisation (``ScriptUser``); see docs/accounts.md.
"""
from __future__ import annotations

import hmac
import os
from datetime import timedelta

from flask import Flask, current_app, g, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import LoginManager

from app.web.extensions import db

login_manager = LoginManager()
# Endpoints anyone may reach: sign-in itself, the health check, static files, the language switch,
# the API description and the LanguageTool-compatible API (it checks username + apiKey itself).
PUBLIC_ENDPOINTS = {"static", "main.healthz", "main.set_language", "auth.login", "auth.logout", "auth.setup",
                    "auth.invitation", "api.openapi", "ltapi.v2_languages", "ltapi.v2_check"}


class ScriptUser:
    """A request authenticated by a token of PRESSROOM_API_TOKENS (no account): an author of the
    default organisation."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    id = None
    username = "api-token"
    role = "author"
    email = None

    def __init__(self, org_id: int):
        self.org_id = org_id

    def get_id(self):  # never stored in a session
        return None


def _bearer() -> str | None:
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return None


@login_manager.user_loader
def _load_user(session_id: str):
    from app.web.accounts import user_by_public_id

    public_id, _sep, epoch = (session_id or "").partition(":")
    if not public_id or not epoch.isdigit():
        return None
    user = user_by_public_id(public_id)
    if user is None or not user.active or str(user.session_epoch) != epoch:
        return None
    return user


def token_user():
    """The principal of ``Authorization: Bearer <token>``: a user's API token, or a configured
    script token (ScriptUser); None when the token is not valid. Sets g.auth_via."""
    token = _bearer()
    if not token:
        return None
    from app.web.accounts import default_org, user_by_token

    user = user_by_token(token)
    if user is None and any(hmac.compare_digest(token.encode(), t.encode())
                            for t in current_app.config.get("API_TOKENS") or [] if t):
        user = ScriptUser(default_org().id)
    g.auth_via = "token" if user is not None else "bad-token"
    return user


@login_manager.unauthorized_handler
def _unauthorized():
    return _refuse_anonymous()


def _refuse_anonymous():
    from app.web import wants_json

    if wants_json():
        msg = (_("The API token is not valid (revoked, or not a token of this server).")
               if g.get("auth_via") == "bad-token" else
               _("Sign in first, or send an API token in 'Authorization: Bearer …'."))
        resp = jsonify({"error": msg, "status": 401})
        resp.status_code = 401
        resp.headers["WWW-Authenticate"] = 'Bearer realm="pressroom"'
        return resp
    from app.web.accounts import first_run

    if first_run():
        return redirect(url_for("auth.setup"))
    nxt = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=nxt) if nxt else url_for("auth.login"))


def init_app(app: Flask) -> None:
    app.config.setdefault("PERMANENT_SESSION_LIFETIME",
                          timedelta(hours=float(os.environ.get("PRESSROOM_SESSION_HOURS") or 12)))
    app.config.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("PRESSROOM_RATELIMIT_STORAGE") or "memory://")
    app.config.setdefault("LOGIN_RATE_LIMIT", os.environ.get("PRESSROOM_LOGIN_RATE_LIMIT") or "10 per minute")
    for key in ("HOST", "PORT", "USER", "PASSWORD", "FROM"):
        app.config.setdefault(f"SMTP_{key}", os.environ.get(f"PRESSROOM_SMTP_{key}"))
    app.config.setdefault("SMTP_STARTTLS", (os.environ.get("PRESSROOM_SMTP_STARTTLS") or "1") not in ("0", "false", "no"))
    login_manager.init_app(app)
    login_manager.session_protection = "basic"

    from flask_limiter import Limiter
    from flask_limiter.util import get_remote_address

    limiter = Limiter(get_remote_address, app=app, default_limits=[], storage_uri=app.config["RATELIMIT_STORAGE_URI"],
                      key_prefix=f"auth-{id(app)}" if app.config["RATELIMIT_STORAGE_URI"] == "memory://" else "auth")
    app.extensions["auth_limiter"] = limiter

    @app.before_request
    def _gate():
        if request.endpoint is None or request.endpoint in PUBLIC_ENDPOINTS:
            return None
        if request.method == "OPTIONS":
            return None
        from flask_login import current_user

        if request.path.startswith("/api/") and _bearer():
            # On the JSON API a token decides who is asking, whatever session the cookie carries.
            user = token_user()
            if user is None:
                return _refuse_anonymous()
            login_manager._update_request_context_with_user(user)
            return None

        if not current_user.is_authenticated:
            return _refuse_anonymous()
        if session.get("_user_id"):
            session.permanent = True  # the lifetime counts from the last request
        return None

    @app.context_processor
    def _account_globals():
        from app.web.access import current, unread_count

        user = current()
        return {"account": user, "unread_notifications": unread_count(user) if user is not None and user.id else 0}
