"""The Flask web app (application factory). Placeholder until the web issue lands."""
from __future__ import annotations

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    if test_config:
        app.config.update(test_config)

    @app.get("/")
    def index():
        return "<!doctype html><title>Pressroom</title><h1>Pressroom</h1><p>Use <code>pressroom lint</code> for now.</p>"

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
