"""Release pages (form, list, history). Filled in below."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("releases", __name__)


@bp.get("/releases")
def index():
    return "releases"


@bp.get("/releases/new")
def new():
    return "new"
