"""Home, health check, UI language switch."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, jsonify, make_response, redirect, render_template, request, url_for
from sqlalchemy import text

from app import __version__
from app.web import LANGUAGES
from app.web.extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    return render_template("index.html")


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:  # the load balancer only needs a status
        db.session.rollback()
        database = "unavailable"
    ok = database == "ok"
    return jsonify({"status": "ok" if ok else "degraded", "database": database, "version": __version__}), (200 if ok else 503)


def safe_next(target: str | None) -> str:
    """Only same-site relative paths: never an open redirect."""
    if not target:
        return url_for("main.index")
    if any(ord(c) < 32 or ord(c) == 127 for c in target):  # CR/LF would split the Location header
        return url_for("main.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("main.index")
    return target


@bp.get("/ui/<lang>")
def set_language(lang: str):
    resp = make_response(redirect(safe_next(request.args.get("next"))))
    if lang in LANGUAGES:
        resp.set_cookie("ui_lang", lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return resp
