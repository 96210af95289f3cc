"""The LanguageTool-compatible API under /v2 (GET /v2/languages, POST /v2/check), a thin shell
over app.ltapi: LibreOffice, the LanguageTool browser add-on, editor plugins and
language-tool-python show our findings when their server URL points here.

Answers and errors are LanguageTool's: JSON on success; on failure HTTP 400/403/413/429 with a
plain-text "Error: ..." body. CSRF: the blueprint is exempt from the form token on purpose. Its
clients are editors and browser add-ons on other origins that cannot have our token, and it
neither reads cookies nor changes anything: an anonymous request is answered only on the loopback
interface, any other needs username + apiKey in the request itself, which a cross-site page cannot
know. Responses allow any origin (Access-Control-Allow-Origin: *) for the same reason, as
LanguageTool's own server does with --allow-origin.
"""
from __future__ import annotations

import json
import os
import threading
import time

from flask import Blueprint, Flask, current_app, request
from werkzeug.exceptions import HTTPException

from app.ltapi import ApiError, check, languages, parse_request
from app.ltapi.access import authorise, configured_tokens, tokens_check

bp = Blueprint("ltapi", __name__, url_prefix="/v2")

DEFAULTS = {
    "LTAPI_MAX_TEXT": 100_000,               # characters of text per request (LanguageTool: 413 above)
    "LTAPI_RATE_LIMIT": "100 per 10 seconds",  # per user (apiKey) or per address (Flask-Limiter syntax)
    "LTAPI_ANONYMOUS_LOCAL": True,           # answer requests without apiKey from 127.0.0.1 / ::1
    "LTAPI_TOKENS": None,                    # {"user": "token"} or "user:token,..." (PRESSROOM_API_TOKENS)
    # LTAPI_LANGUAGETOOL: merge the real server's matches: auto (when it answers a probe), on, off;
    # default: PRESSROOM_LANGUAGETOOL, else auto (set in init_app)
}


def token_valid(username: str, api_key: str) -> bool:
    """Is (username, apiKey) allowed? An API token of that user's account (issue 15: Account >
    API tokens), or, as a fallback for scripts, a pair configured in LTAPI_TOKENS /
    PRESSROOM_API_TOKENS ("user:token,...")."""
    if "sqlalchemy" in current_app.extensions:
        from app.web.accounts import user_by_token

        try:
            if user_by_token(api_key, username) is not None:
                return True
        except Exception:  # no accounts database (the lean server without one): configured tokens only
            from app.web.extensions import db

            db.session.rollback()
    tokens = configured_tokens(current_app.config.get("LTAPI_TOKENS") or os.environ.get("PRESSROOM_API_TOKENS"))
    return tokens_check(tokens)(username, api_key)


def _plain(status: int, message: str):
    resp = current_app.response_class(message if message.endswith("\n") else message + "\n", status=status,
                                      mimetype="text/plain")
    return resp


def _json(data, status: int = 200):
    return current_app.response_class(json.dumps(data, ensure_ascii=False), status=status, mimetype="application/json")


@bp.errorhandler(ApiError)
def _api_error(e: ApiError):
    return _plain(e.status, e.message)


@bp.errorhandler(HTTPException)
def _http_error(e: HTTPException):
    if e.code == 413:
        return _plain(413, "Error: The request is too large. Please submit a shorter text.")
    if e.code == 429:
        return _plain(429, f"Error: Too many requests ({e.description}). Please wait and try again.")
    return _plain(e.code or 500, f"Error: {e.description or e.name}")


@bp.after_request
def _cors(resp):
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Content-Type"
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _rate_key() -> str:
    user = request.values.get("username")
    return f"user:{user}" if user and request.values.get("apiKey") else f"ip:{request.remote_addr}"


_ALIVE: dict[str, float] = {}
_ALIVE_LOCK = threading.Lock()


def _languagetool_wanted(config) -> bool:
    """Ask the real LanguageTool server too? LTAPI_LANGUAGETOOL: auto = when one answers a quick
    probe (remembered for 30 s, a failed one for 5 s). Never for a request a Pressroom server forwarded."""
    from app.checks.languagetool import client

    if request.headers.get(client.FORWARDED_HEADER):
        return False
    mode = current_app.config.get("LTAPI_LANGUAGETOOL", "auto")
    if mode in (False, "off", "false", "0", "no"):
        return False
    if mode not in ("auto",):
        return True
    url = client.server_url(config)[0] or ""
    now = time.monotonic()
    with _ALIVE_LOCK:
        until, alive = _ALIVE.get(url, (0.0, False))
    if now < until:
        return alive
    alive = client.probe(config, timeout=0.5)
    with _ALIVE_LOCK:  # a server that answers is probed again in 30 s; one that does not, in 5 s
        _ALIVE[url] = (now + (30.0 if alive else 5.0), alive)
    return alive


@bp.route("/languages", methods=["GET"])
def v2_languages():
    return _json(languages())


@bp.route("/check", methods=["GET", "POST"])
def v2_check():
    from app.web.linting import web_config

    form = request.values  # LanguageTool accepts the parameters in the query string or the form body
    req = parse_request(form, int(current_app.config.get("LTAPI_MAX_TEXT", DEFAULTS["LTAPI_MAX_TEXT"])))
    authorise(request.remote_addr, req.username, req.api_key, token_valid,
              bool(current_app.config.get("LTAPI_ANONYMOUS_LOCAL", True)))
    config = web_config()
    return _json(check(req, config, languagetool=_languagetool_wanted(config)))


def init_app(app: Flask) -> None:
    """Register /v2 on app: defaults, CSRF exemption, the rate limit (Flask-Limiter)."""
    from flask_limiter import Limiter

    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.config.setdefault("LTAPI_LANGUAGETOOL", os.environ.get("PRESSROOM_LANGUAGETOOL", "auto").strip().lower())
    app.register_blueprint(bp)
    csrf = app.extensions.get("csrf")
    if csrf is not None:
        csrf.exempt(bp)  # see the module docstring: editor clients post cross-origin without a token
    limiter = Limiter(_rate_key, app=app, default_limits=[], storage_uri="memory://",
                      key_prefix=f"ltapi-{id(app)}")
    limiter.limit(lambda: current_app.config["LTAPI_RATE_LIMIT"], key_func=_rate_key)(bp)
