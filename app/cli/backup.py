"""`pressroom backup FILE` and `pressroom restore FILE`: a consistent snapshot of the web app's
database (and the instance folder's settings) in one archive, and back into an empty database.

The database is found like the web app finds it: --database-url, else the instance folder's
config.py, else DATABASE_URL, else the SQLite database in the instance folder (--instance, else
PRESSROOM_INSTANCE, else the app's default). The work is done by app.web.backup; progress and a
one-line summary go to stderr. Exit 0 done, 2 refused or failed (nothing half-written).
"""
from __future__ import annotations

import sys


def _db_options(p) -> None:
    p.add_argument("--database-url", metavar="URL",
                   help="the database (default: as the web app: the instance's config.py, DATABASE_URL, "
                        "or the SQLite database in the instance folder)")
    p.add_argument("--instance", metavar="DIR",
                   help="the web app's instance folder (default: PRESSROOM_INSTANCE, or the app's own)")


def register(sub) -> None:
    p = sub.add_parser("backup", help="write a backup archive of the web app's data",
                       description="Write a consistent snapshot of the web app's database (releases, logos, "
                                   "dictionary, every table) and the instance folder's settings to one "
                                   ".tar.gz archive. The secret key is left out unless --with-secret-key.")
    p.add_argument("file", metavar="FILE", help="the archive to write (for example pressroom-2026-12-02.tar.gz)")
    _db_options(p)
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--with-secret-key", action="store_true",
                   help="include the instance's secret_key (keeps sessions valid after a restore; "
                        "the archive then must be kept as secret as the key)")
    p.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="restore a backup archive into an empty database",
                       description="Restore a `pressroom backup` archive into an EMPTY database (no tables, or "
                                   "only an empty alembic_version) and the instance folder. A SQLite backup "
                                   "restores into SQLite or PostgreSQL; a PostgreSQL backup into PostgreSQL.")
    r.add_argument("file", metavar="FILE", help="the archive written by `pressroom backup`")
    _db_options(r)
    r.add_argument("--force", action="store_true",
                   help="replace instance files (config.py, pressroom.toml, secret_key) that differ from the "
                        "backup's (the database must be empty all the same)")
    r.set_defaults(func=run_restore)


def _progress(msg: str) -> None:
    print(f"pressroom: {msg}", file=sys.stderr, flush=True)


def _rows(tables: dict) -> str:
    return f"{len(tables)} tables, {sum(tables.values())} rows"


def _logos(n: int) -> str:
    return f"{n} logo" if n == 1 else f"{n} logos"


def run_backup(args) -> int:
    from app.web.backup import _size, backup

    m = backup(args.file, args.database_url, args.instance, force=args.force,
               with_secret_key=args.with_secret_key, progress=_progress)
    extra = [n.split("/", 1)[1] for n in m["files"] if n.startswith("instance/")]
    key = "secret key included" if m["secret_key_included"] else "secret key not included"
    print(f"pressroom: backup {args.file}: {m['database']}, migration {m['alembic_revision']}, "
          f"{_rows(m['tables'])}, {_logos(m['tables'].get('logo_images', 0))}"
          f"{', ' + ', '.join(extra) if extra else ''}; {key}; {_size(m['size'])}", file=sys.stderr)
    return 0


def run_restore(args) -> int:
    from app.web.backup import restore

    m = restore(args.file, args.database_url, args.instance, force=args.force, progress=_progress)
    files = ", ".join(m["files_written"]) or "no instance files written"
    print(f"pressroom: restored {args.file} ({m['database']} backup of {m['created_at']}): "
          f"{_rows(m['restored'])}, row counts match the backup; {files}", file=sys.stderr)
    return 0
