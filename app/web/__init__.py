"""The Flask web app: application factory.

``create_app(test_config=None)`` builds the app with its instance folder (the embedded SQLite
database and the secret key live there), the extensions (Flask-SQLAlchemy, Flask-Migrate,
Flask-WTF CSRF, Flask-Babel) and the blueprints. ``DATABASE_URL`` switches to PostgreSQL.
"""
from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from flask import Flask, g, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from app.web.extensions import babel, csrf, db, migrate

MAX_UPLOAD = 10 * 1024 * 1024  # drafts and logos larger than 10 MB are refused
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost", "::1")
STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")
LANGUAGES = ("en", "ru")
MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")
log = logging.getLogger(__name__)


def database_url(url: str | None, instance_path: str) -> str:
    """DATABASE_URL as SQLAlchemy wants it (psycopg 3 for PostgreSQL); default: SQLite in instance/."""
    if not url:
        return "sqlite:///" + os.path.join(instance_path, "pressroom.db")
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _secret_key(instance_path: str) -> str:
    env = os.environ.get("PRESSROOM_SECRET_KEY") or os.environ.get("SECRET_KEY")
    if env:
        return env
    path = Path(instance_path) / "secret_key"
    try:
        key = path.read_text().strip()
        if key:
            return key
        log.warning("%s is empty; a new secret key was written to it (sessions started before are void)", path)
    except FileNotFoundError:
        pass
    # missing or empty: a new random key, readable by this user only
    key = secrets.token_hex(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    os.replace(tmp, path)
    return key


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_conn, _record) -> None:
    """SQLite: WAL (readers never block the writer), foreign keys, a busy timeout."""
    if type(dbapi_conn).__module__.startswith("sqlite3"):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()


def _private_database(url: str) -> None:
    """An SQLite database file is created readable by this user only (0600; SQLite gives its -wal
    and -shm files the same mode), before SQLite creates it with the umask's mode."""
    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return
    path = url[len("sqlite:///"):].split("?", 1)[0]
    if not path or path == ":memory:":
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError:  # a folder that does not exist: SQLAlchemy says so on first use
        pass


class _SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS (directly, or through the
    configured proxy: ProxyFix has then set the scheme from X-Forwarded-Proto)."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def _env_list(name: str) -> list[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return [x.strip() for x in raw.split(",") if x.strip()]


def select_locale() -> str:
    lang = request.args.get("ui") or request.cookies.get("ui_lang")
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES) or "en"


def wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json" and not request.accept_mimetypes.accept_html)


def create_app(test_config: dict | None = None) -> Flask:
    instance = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("PRESSROOM_INSTANCE")
    app = Flask(__name__, instance_relative_config=True,
                instance_path=os.path.abspath(instance) if instance else None)
    if not os.path.isdir(app.instance_path):
        os.makedirs(app.instance_path, mode=0o700, exist_ok=True)  # the database and the secret key live here
        os.chmod(app.instance_path, 0o700)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=database_url(os.environ.get("DATABASE_URL"), app.instance_path),
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        MAX_CONTENT_LENGTH=MAX_UPLOAD + 256 * 1024,  # the file plus the other form fields
        MAX_FORM_MEMORY_SIZE=MAX_UPLOAD + 256 * 1024,  # pasted text up to 10 MB as well
        MAX_UPLOAD=MAX_UPLOAD,
        WTF_CSRF_TIME_LIMIT=None,  # a token lives as long as the session: long edits do not go stale
        BABEL_DEFAULT_LOCALE="en",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).resolve().parent / "translations"),
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        AUTO_MIGRATE=False,
        CHECK_KEEP_HOURS=24,
        PRESSROOM_CONFIG=os.environ.get("PRESSROOM_CONFIG"),
        # Host headers answered; anything else is refused (DNS rebinding). ".example.org" allows subdomains.
        ALLOWED_HOSTS=_env_list("PRESSROOM_ALLOWED_HOSTS") or list(DEFAULT_ALLOWED_HOSTS),
        # Number of reverse proxies in front (X-Forwarded-For/-Proto/-Host are trusted only then).
        PROXY_COUNT=int(os.environ.get("PRESSROOM_PROXY_COUNT") or 0),
        # Script tokens accepted on /api (Authorization: Bearer ...): act as an author of the default
        # organisation; user accounts have their own tokens (issue 15, docs/accounts.md).
        API_TOKENS=_env_list("PRESSROOM_API_TOKENS") or [],
        LINT_TIME_BUDGET=float(os.environ.get("PRESSROOM_LINT_BUDGET") or 20),  # seconds per document
        MAX_TEXT_CHARS=1_000_000,  # characters of text per document checked on the web
    )
    app.config.from_pyfile("config.py", silent=True)
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app.instance_path)

    _private_database(app.config["SQLALCHEMY_DATABASE_URI"])
    app.session_interface = _SessionInterface()
    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from app.web.views import admin, api, check, dictionary, main, releases, rules
    from app.web.views import auth as auth_views

    app.register_blueprint(main.bp)
    app.register_blueprint(check.bp)
    app.register_blueprint(rules.bp)
    app.register_blueprint(releases.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(dictionary.bp)
    app.register_blueprint(auth_views.bp)
    app.register_blueprint(admin.bp)
    from app.web.views import review  # the Delegation's review (issue 15 part B)

    app.register_blueprint(review.bp)
    # The JSON API is exempt from the form CSRF check; its own (app.web.views.api.protect) asks
    # every state-changing call for the CSRF token in X-CSRFToken or for an API token.
    csrf.exempt(api.bp)
    from app.web.views import ltapi  # the LanguageTool-compatible API under /v2 (CSRF-exempt: see there)

    ltapi.init_app(app)
    from app.web.views import ltweb  # LanguageTool's findings for the check page and the live panel

    app.register_blueprint(ltweb.bp)

    _register_guards(app)
    from app.web import auth

    auth.init_app(app)  # sign-in, API tokens, the gate in front of every non-public endpoint (issue 15)
    _register_errors(app)
    _register_headers(app)

    if app.config["AUTO_MIGRATE"]:
        with app.app_context():
            upgrade_database()
    return app


def upgrade_database() -> None:
    """Bring the database to the newest migration (from empty, too)."""
    from flask_migrate import upgrade

    upgrade(directory=MIGRATIONS_DIR)


def _error_page(status: int, title: str, message: str, request_id: str | None = None):
    if wants_json():
        body = {"error": message, "status": status}
        if request_id:
            body["request_id"] = request_id
        return jsonify(body), status
    return render_template("error.html", status=status, title=title, message=message, request_id=request_id), status


def request_id() -> str:
    rid = g.get("request_id")
    if rid is None:
        rid = g.request_id = secrets.token_hex(6)
    return rid


def host_allowed(host: str, allowed) -> bool:
    """``host`` (from the Host header, port and brackets removed) against the allowed list."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    name = name.rstrip(".")
    for entry in allowed:
        entry = entry.strip().lower()
        if entry == "*" or name == entry or (entry.startswith(".") and (name.endswith(entry) or name == entry[1:])):
            return True
    return False


def _register_guards(app: Flask) -> None:
    @app.before_request
    def guards():
        request_id()
        host = request.headers.get("Host", "")
        if not host_allowed(host, app.config["ALLOWED_HOSTS"]):
            # DNS rebinding: a page on another site that resolved its name to this server.
            return _error_page(400, _("Unknown host"), _(
                "This server does not answer to the host name %(host)s (allowed: %(allowed)s; "
                "set PRESSROOM_ALLOWED_HOSTS to add one).",
                host=host[:100] or "-", allowed=", ".join(app.config["ALLOWED_HOSTS"])))
        return None


def _register_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(e):
        msg = _("Your session expired or the form was sent from another page (security token %(reason)s). "
                "Nothing was lost: check the form and send it again.",
                reason=_("missing") if "missing" in (e.description or "") else _("not valid"))
        if wants_json():
            return jsonify({"error": msg, "status": 400}), 400
        # Show the same page again with what the user typed and the message.
        view = app.view_functions.get(request.endpoint or "")
        if view is not None and getattr(view, "keeps_input", False):
            g.form_error = msg
            rv = view(**(request.view_args or {}))
            return (rv[0] if isinstance(rv, tuple) else rv), 400
        return render_template("error.html", status=400, title=_("Please send the form again"), message=msg), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(e):
        msg = _("The file is larger than 10 MB. Send a smaller file (save images in the draft at a lower resolution).")
        view = app.view_functions.get(request.endpoint or "")
        if not wants_json() and view is not None and getattr(view, "keeps_input", False):
            g.form_error = msg
            g.skip_form = True
            rv = view(**(request.view_args or {}))
            return (rv[0] if isinstance(rv, tuple) else rv), 413
        return _error_page(413, _("File too large"), msg)

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        titles = {401: _("Sign in first"), 403: _("Not allowed"), 404: _("Page not found"), 405: _("Method not allowed"), 400: _("Bad request"),
                  409: _("Conflict"), 415: _("Unsupported media type")}
        messages = {401: _("Sign in to see this page."),
                    403: _("Your account may not do this (it needs another role)."),
                    404: _("There is nothing at this address."),
                    405: _("This address does not accept this kind of request.")}
        return _error_page(e.code or 500, titles.get(e.code, e.name), messages.get(e.code, e.description or e.name))

    @app.errorhandler(RecursionError)
    def too_deep(e):
        return _error_page(400, _("Bad request"), _("The request is nested too deeply."))

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        rid = request_id()
        # The method, the path (no query string, no body: never the text of a draft) and the request id.
        log.error("request %s: unexpected error on %s %s", rid, request.method, request.path,
                  exc_info=(type(e), e, e.__traceback__))
        try:
            db.session.rollback()
        except Exception:  # pragma: no cover
            pass
        return _error_page(500, _("Something went wrong"),
                           _("An unexpected error occurred. Your input is kept in the browser; try again. "
                             "If it happens again, report it with the request id %(id)s.", id=rid), rid)


def _register_headers(app: Flask) -> None:
    @app.after_request
    def headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        if g.get("request_id"):
            resp.headers.setdefault("X-Request-Id", g.request_id)
        if request.is_secure:
            resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if resp.mimetype == "text/html":
            resp.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                "object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'")
        return resp

    @app.context_processor
    def globals_():
        from flask_babel import get_locale

        return {"ui_lang": str(get_locale() or "en"), "ui_languages": LANGUAGES}
