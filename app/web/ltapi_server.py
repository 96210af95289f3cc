"""The lean server of `pressroom serve --languagetool-api`: only the LanguageTool-compatible API
(/v2/languages, /v2/check) and a health page, no pages. It reads the web app's database only to
accept the API tokens of user accounts, when that database exists."""
from __future__ import annotations

import os

from flask import Flask


def _accounts_database(app: Flask) -> None:
    """The web app's database, when there is one (DATABASE_URL, or instance/pressroom.db): then
    the API tokens of user accounts are accepted as username + apiKey (issue 15)."""
    from app.web import database_url

    url = app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        if not os.environ.get("DATABASE_URL") and not os.path.exists(os.path.join(app.instance_path, "pressroom.db")):
            return
        url = database_url(os.environ.get("DATABASE_URL"), app.instance_path)
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    from app.web.extensions import db

    db.init_app(app)


def create_api_app(test_config: dict | None = None) -> Flask:
    instance = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("PRESSROOM_INSTANCE")
    app = Flask("pressroom-ltapi", instance_relative_config=True,
                instance_path=os.path.abspath(instance) if instance else None)
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=4 * 1024 * 1024,  # 100 000 characters of annotated text fit many times over
        PRESSROOM_CONFIG=os.environ.get("PRESSROOM_CONFIG"),
    )
    app.config.from_pyfile("config.py", silent=True)
    if test_config:
        app.config.update(test_config)
    _accounts_database(app)
    from app.web.views import ltapi

    ltapi.init_app(app)

    @app.get("/")
    def index():
        return app.response_class("Pressroom LanguageTool-compatible API: POST /v2/check, GET /v2/languages\n",
                                  mimetype="text/plain")

    return app
