"""`pressroom backup ARCHIVE` and `pressroom restore ARCHIVE`: the web app's database and uploaded
logos in one archive (issue 15). A thin shell over app.web.backup; the database is the one the
web app uses (DATABASE_URL, or the instance folder's SQLite file: PRESSROOM_INSTANCE)."""
from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    b = sub.add_parser("backup", help="write the web app's database and logos to one archive (tar.gz)")
    b.add_argument("archive", help="the archive file to write (written atomically)")
    b.set_defaults(func=run_backup)
    r = sub.add_parser("restore", help="restore a backup archive into an EMPTY database")
    r.add_argument("archive", help="an archive written by `pressroom backup`")
    r.set_defaults(func=run_restore)


def _target():
    from app.web import create_app

    app = create_app()
    return app, app.config["SQLALCHEMY_DATABASE_URI"], Path(app.instance_path) / "logos"


def run_backup(args) -> int:
    from app.web.backup import backup

    app, url, logos = _target()
    with app.app_context():
        from app.web.extensions import db

        db.engine.dispose()
    manifest = backup(url, logos, Path(args.archive))
    rows = manifest["tables"]
    print(f"backup written to {args.archive}: {rows.get('releases', 0)} releases, {rows.get('users', 0)} users, "
          f"{len(manifest['logos'])} logo files ({manifest['dialect']})")
    return 0


def run_restore(args) -> int:
    from app.web.backup import restore

    app, url, logos = _target()
    manifest = restore(Path(args.archive), url, logos)
    rows = manifest["tables"]
    print(f"restored {args.archive}: {rows.get('releases', 0)} releases, {rows.get('users', 0)} users, "
          f"{len(manifest['logos'])} logo files")
    return 0
