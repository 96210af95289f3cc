"""`pressroom serve`: run the web app (gunicorn in production, Flask's server with --dev), with the
LanguageTool server beside it.

The database is brought to the newest migration first (SQLite in instance/ by default,
DATABASE_URL for PostgreSQL), once, before any worker starts. LanguageTool's HTTP server is
started on 127.0.0.1:--languagetool-port (default 8081), restarted when it dies and stopped with
the app (app.checks.languagetool.supervisor); --no-languagetool runs without it.
`--languagetool-api` serves only the LanguageTool-compatible API (/v2), without pages or database.
"""
from __future__ import annotations

from app.errors import UsageError


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
    p.add_argument("--languagetool-api", action="store_true",
                   help="serve only the LanguageTool-compatible API (/v2/check, /v2/languages) for LibreOffice, "
                        "the LanguageTool browser add-on and other LanguageTool clients; no pages, no database")
    p.add_argument("--no-languagetool", action="store_true",
                   help="do not start LanguageTool beside the app (checks run without its grammar findings)")
    p.add_argument("--languagetool-port", type=int, default=8081, metavar="PORT",
                   help="port of the LanguageTool server started beside the app (default 8081, on 127.0.0.1)")
    p.set_defaults(func=run)


def _migrate(app) -> None:
    import logging

    from app.web import upgrade_database

    logging.getLogger("alembic").setLevel(logging.WARNING)
    with app.app_context():
        upgrade_database()


def _factory(args):
    if args.languagetool_api:
        from app.web.ltapi_server import create_api_app

        return create_api_app
    from app.web import create_app

    return create_app


def run(args) -> int:
    for name in ("port", "languagetool_port"):
        value = getattr(args, name)
        if not 1 <= value <= 65535:
            raise UsageError(f"--{name.replace('_', '-')} must be between 1 and 65535 (got {value})")
    if args.workers < 1:
        raise UsageError(f"--workers must be 1 or more (got {args.workers})")
    supervisor = None
    if not args.no_languagetool:
        from app.checks.languagetool.supervisor import Supervisor

        supervisor = Supervisor(args.languagetool_port)
        supervisor.start()  # sets PRESSROOM_LANGUAGETOOL_URL for the app and its workers
    try:
        return _serve(args)
    finally:
        if supervisor is not None:
            supervisor.stop()


def _serve(args) -> int:
    factory = _factory(args)
    app = factory()
    if not args.no_migrate and not args.languagetool_api:
        _migrate(app)
    what = "LanguageTool-compatible API" if args.languagetool_api else "Pressroom"
    if args.dev:
        import signal

        def _term(_sig, _frame):  # SIGTERM stops the app like Ctrl-C: LanguageTool is stopped with it
            raise SystemExit(0)

        signal.signal(signal.SIGTERM, _term)
        where = "" if args.languagetool_api else f" (database: {app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]})"
        print(f"{what}: http://{args.host}:{args.port}/{where}", flush=True)
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
            application = factory()
            warm_up()
            return application

    _App().run()
    return 0
