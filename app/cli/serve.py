"""`pressroom serve`: run the web app (gunicorn in production, Flask's server with --dev).

The database is brought to the newest migration first (SQLite in instance/ by default,
DATABASE_URL for PostgreSQL), once, before any worker starts.
"""
from __future__ import annotations


GUNICORN_TIMEOUT = 45


def warm_up() -> None:
    """Load the rules, morphology and dictionaries now (in gunicorn's master, before the fork)."""
    from app.engine.linter import lint_text

    try:
        lint_text("Проект финансируется Европейским союзом. Funded by the European Union.", "ru")
        lint_text("The project is funded by the European Union.", "en")
    except Exception:  # pragma: no cover - a missing dictionary is reported by the checks themselves
        pass


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the web app", description="Run the Pressroom web app.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--dev", action="store_true", help="single-user development server instead of gunicorn")
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    p.add_argument("--no-migrate", action="store_true", help="do not upgrade the database schema on start")
    p.set_defaults(func=run)


def _migrate(app) -> None:
    import logging

    from app.web import upgrade_database

    logging.getLogger("alembic").setLevel(logging.WARNING)
    with app.app_context():
        upgrade_database()


def run(args) -> int:
    from app.web import create_app

    app = create_app()
    if not args.no_migrate:
        _migrate(app)
    if args.dev:
        print(f"Pressroom: http://{args.host}:{args.port}/ (database: {app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]})", flush=True)
        app.run(host=args.host, port=args.port, debug=False, threaded=True)
        return 0
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # pragma: no cover - gunicorn is a dependency
        app.run(host=args.host, port=args.port, threaded=True)
        return 0

    import gunicorn.http.wsgi

    # No "Server: gunicorn/27.0.1": gunicorn always writes a Server line; it names no software.
    gunicorn.http.wsgi.SERVER = "Pressroom"

    class _App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            # One request never holds a worker for long: the linter stops at its per-document budget
            # (LINT_TIME_BUDGET, 20 s, a 422); the worker is killed only past this.
            self.cfg.set("timeout", GUNICORN_TIMEOUT)
            # The app and its dictionaries load once in the master; the workers share them (no
            # 0.5-0.75 s first request on each worker).
            self.cfg.set("preload_app", True)

        def load(self):
            application = create_app()
            warm_up()
            return application

    _App().run()
    return 0
