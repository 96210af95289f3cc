"""`pressroom serve`: run the web app (gunicorn in production, Flask's server with --dev)."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the web app", description="Run the Pressroom web app.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--dev", action="store_true", help="single-user development server instead of gunicorn")
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.web import create_app

    if args.dev:
        app = create_app()
        app.run(host=args.host, port=args.port, debug=False)
        return 0
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        app = create_app()
        app.run(host=args.host, port=args.port)
        return 0

    class _App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)

        def load(self):
            return create_app()

    _App().run()
    return 0
