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
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from app.web.extensions import babel, csrf, db, migrate

MAX_UPLOAD = 10 * 1024 * 1024  # drafts and logos larger than 10 MB are refused
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
        return path.read_text().strip()
    except FileNotFoundError:
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
    os.makedirs(app.instance_path, exist_ok=True)
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
    )
    app.config.from_pyfile("config.py", silent=True)
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app.instance_path)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from app.web.views import api, check, dictionary, main, releases, rules

    app.register_blueprint(main.bp)
    app.register_blueprint(check.bp)
    app.register_blueprint(rules.bp)
    app.register_blueprint(releases.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(dictionary.bp)
    # The JSON API is exempt from the form CSRF token: its writes accept application/json only,
    # which a cross-site form cannot send, and the pages send the token in X-CSRFToken anyway.
    csrf.exempt(api.bp)
    from app.web.views import ltapi  # the LanguageTool-compatible API under /v2 (CSRF-exempt: see there)

    ltapi.init_app(app)
    from app.web.views import ltweb  # LanguageTool's findings for the check page and the live panel

    app.register_blueprint(ltweb.bp)

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


def _error_page(status: int, title: str, message: str):
    if wants_json():
        return jsonify({"error": message, "status": status}), status
    return render_template("error.html", status=status, title=title, message=message), status


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
        titles = {404: _("Page not found"), 405: _("Method not allowed"), 400: _("Bad request"),
                  409: _("Conflict"), 415: _("Unsupported media type")}
        messages = {404: _("There is nothing at this address."),
                    405: _("This address does not accept this kind of request.")}
        return _error_page(e.code or 500, titles.get(e.code, e.name), messages.get(e.code, e.description or e.name))

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        try:
            db.session.rollback()
        except Exception:  # pragma: no cover
            pass
        return _error_page(500, _("Something went wrong"),
                           _("An unexpected error occurred. Your input is kept in the browser; try again."))


def _register_headers(app: Flask) -> None:
    @app.after_request
    def headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
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
