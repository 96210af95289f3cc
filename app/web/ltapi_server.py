"""The lean server of `pressroom serve --languagetool-api`: only the LanguageTool-compatible API
(/v2/languages, /v2/check) and a health page, no database, no pages."""
from __future__ import annotations

import os

from flask import Flask


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
    from app.web.views import ltapi

    ltapi.init_app(app)

    @app.get("/")
    def index():
        return app.response_class("Pressroom LanguageTool-compatible API: POST /v2/check, GET /v2/languages\n",
                                  mimetype="text/plain")

    return app
