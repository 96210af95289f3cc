"""Backup and restore of a Pressroom instance (no views: the `pressroom backup|restore` commands call it).

A backup is one ``.tar.gz`` archive:

    manifest.json        format, format_version, database kind, alembic revision, rows per table,
                         created_at, Pressroom version, sha256 and size of every other member
    database.sqlite      SQLite: a snapshot made with the online backup API (safe while the app writes)
    database.pgdump      PostgreSQL: ``pg_dump --format=custom`` in the same snapshot the rows were
                         counted in (an exported snapshot, REPEATABLE READ)
    instance/config.py, instance/pressroom.toml
                         the instance folder's settings, when present; instance/secret_key only when asked

The uploaded logos are rows of ``logo_images`` (the instance's ``logos/`` folder is a cache the app
re-creates from them), so they are in the database snapshot.

Restore only writes into an EMPTY database (no tables, or only an empty ``alembic_version``).
A SQLite backup is restored generically: the schema is created by the app's own migrations up to
the backup's revision, then every table's rows are copied with SQLAlchemy in foreign-key order
(``MetaData.sorted_tables``; new tables need no change here), PostgreSQL sequences are moved past the
restored ids. So a SQLite backup restores into SQLite or PostgreSQL. A PostgreSQL backup is given
to ``pg_restore`` and restores into PostgreSQL only. Either way the rows are counted afterwards
and compared with the manifest.

Every failure a user can act on raises :class:`BackupError` (one line).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from app import __version__
from app.errors import InputError

FORMAT = "pressroom-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}
# The instance folder's files the app needs besides the database (the SQLite database itself is in
# the snapshot; logos/ is a cache of the logo_images table; the secret key only on request).
INSTANCE_FILES = ("config.py", "pressroom.toml")
SECRET_KEY_FILE = "secret_key"
ALEMBIC_TABLE = "alembic_version"
BATCH = 500

Progress = Callable[[str], None]


class BackupError(InputError):
    """A backup or restore that cannot be done; the message is one line."""


def _quiet(_msg: str) -> None:
    pass


# ----- where the database is -----------------------------------------------------------------------
def default_instance() -> str:
    """The instance folder the web app uses: PRESSROOM_INSTANCE, else Flask's default for app.web."""
    env = os.environ.get("PRESSROOM_INSTANCE")
    if env:
        return os.path.abspath(env)
    from flask import Flask

    return Flask("app.web").instance_path


def resolve(database_url: str | None = None, instance: str | None = None) -> tuple[str, str]:
    """(SQLAlchemy URL, instance folder) the way the web app finds them: --database-url, else the
    instance's config.py SQLALCHEMY_DATABASE_URI, else DATABASE_URL, else instance/pressroom.db."""
    from app.web import database_url as web_url

    inst = os.path.abspath(instance) if instance else default_instance()
    if database_url:
        return web_url(database_url, inst), inst
    url = web_url(os.environ.get("DATABASE_URL"), inst)
    cfg = Path(inst) / "config.py"
    if cfg.is_file():
        from flask import Config

        conf = Config(inst)
        try:
            conf.from_pyfile(str(cfg))
        except Exception as e:
            raise BackupError(f"cannot read {cfg}: {_first_line(e)}") from None
        url = conf.get("SQLALCHEMY_DATABASE_URI") or url
    return url, inst


def _config_sets_secret_key(inst: str) -> bool:
    cfg = Path(inst) / "config.py"
    if not cfg.is_file():
        return False
    from flask import Config

    conf = Config(inst)
    try:
        conf.from_pyfile(str(cfg))
    except Exception:
        return False
    return bool(conf.get("SECRET_KEY"))


def kind_of(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        name = make_url(url).get_backend_name()
    except Exception:
        raise BackupError(f"not a database URL: {_redact(url)}") from None
    if name not in DB_MEMBER:
        raise BackupError(f"unsupported database {name!r} (Pressroom uses SQLite or PostgreSQL)")
    return name


def sqlite_path(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    db = make_url(url).database
    return None if not db or db == ":memory:" else db


def _redact(url: str) -> str:
    """The database as a user recognises it: an SQLite file's path, a URL without its password."""
    try:
        from sqlalchemy.engine import make_url

        u = make_url(url)
        if u.get_backend_name() == "sqlite" and u.database:
            return u.database
        return u.render_as_string(hide_password=True)
    except Exception:
        return "<database URL>"


def _first_line(e: BaseException) -> str:
    text = str(getattr(e, "orig", None) or e).strip()
    return (text.splitlines() or [type(e).__name__])[0][:300]


def _libpq(url: str) -> tuple[str, dict]:
    """A libpq URI for pg_dump/pg_restore (no password in it: PGPASSWORD in the environment)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = u.password
    u = u.set(drivername="postgresql", password=None)
    return u.render_as_string(hide_password=False), env


def _engine(url: str):
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(url, poolclass=NullPool)


# ----- reading a database --------------------------------------------------------------------------
def _reflect(conn):
    from sqlalchemy import MetaData

    md = MetaData()
    md.reflect(bind=conn)
    return md


def _counts(conn, md) -> dict[str, int]:
    from sqlalchemy import func, select

    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in sorted(md.tables.values(), key=lambda t: t.name)}


def _revision(conn, md) -> str | None:
    from sqlalchemy import select

    t = md.tables.get(ALEMBIC_TABLE)
    if t is None:
        return None
    revs = sorted(r[0] for r in conn.execute(select(t.c.version_num)))
    return ",".join(revs) or None


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover


# ----- backup ---------------------------------------------------------------------------------------
def _snapshot_sqlite(url: str, dest: str, progress: Progress) -> tuple[dict, str | None]:
    path = sqlite_path(url)
    if not path:
        raise BackupError("an in-memory SQLite database cannot be backed up")
    if not os.path.isfile(path):
        raise BackupError(f"no database at {path} (give --database-url, or --instance with the app's instance folder)")
    progress(f"copying the SQLite database {path} ({_size(os.path.getsize(path))}) with the online backup API")
    try:
        src = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(dest)
            try:
                src.backup(dst)  # one step: a consistent copy, the app's writers are not blocked (WAL)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as e:
        raise BackupError(f"cannot copy the SQLite database {path}: {_first_line(e)}") from None
    engine = _engine("sqlite:///" + dest)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")  # a single file, no -wal beside it
            md = _reflect(conn)
            return _counts(conn, md), _revision(conn, md)
    except Exception as e:
        raise BackupError(f"cannot read the SQLite database {path}: {_first_line(e)}") from None
    finally:
        engine.dispose()


def _snapshot_postgres(url: str, dest: str, progress: Progress) -> tuple[dict, str | None]:
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        raise BackupError("pg_dump not found: install the PostgreSQL client (Debian: apt-get install postgresql-client)")
    engine = _engine(url)
    try:
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
            with conn.begin():
                # Rows are counted, and pg_dump dumps, in one exported snapshot: the manifest matches the dump.
                snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
                md = _reflect(conn)
                counts, rev = _counts(conn, md), _revision(conn, md)
                libpq, env = _libpq(url)
                progress(f"dumping the PostgreSQL database {_redact(url)} with pg_dump --format=custom")
                p = subprocess.run([pg_dump, "--format=custom", f"--snapshot={snapshot}", "--file", dest,
                                    "--dbname", libpq], env=env, capture_output=True, text=True)
                if p.returncode != 0:
                    msg = (p.stderr.strip().splitlines() or ["exit code %d" % p.returncode])[-1]
                    raise BackupError(f"pg_dump failed: {msg}")
                return counts, rev
    except BackupError:
        raise
    except Exception as e:
        raise BackupError(f"cannot read the database {_redact(url)}: {_first_line(e)}") from None
    finally:
        engine.dispose()


def backup(dest: str, database_url: str | None = None, instance: str | None = None, *, force: bool = False,
           with_secret_key: bool = False, progress: Progress = _quiet) -> dict:
    """Write the archive to ``dest`` (temp file + rename); return the manifest."""
    url, inst = resolve(database_url, instance)
    kind = kind_of(url)
    dest_path = Path(dest)
    if dest_path.is_dir():
        raise BackupError(f"{dest} is a folder: give the name of the archive file to write")
    if (dest_path.exists() or dest_path.is_symlink()) and not force:
        raise BackupError(f"{dest} already exists (use --force to replace it)")
    folder = dest_path.parent if str(dest_path.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"cannot write {dest}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise BackupError(f"cannot write {dest}: the folder {folder} is not writable")

    files: list[tuple[str, str]] = []  # (member name, path on disk)
    for name in INSTANCE_FILES + ((SECRET_KEY_FILE,) if with_secret_key else ()):
        p = Path(inst) / name
        if p.is_file():
            files.append((f"instance/{name}", str(p)))
        elif name == SECRET_KEY_FILE:
            raise BackupError(f"--with-secret-key: there is no {p} (the key may come from PRESSROOM_SECRET_KEY)")

    key_in_config = _config_sets_secret_key(inst) and any(n == "instance/config.py" for n, _ in files)
    if key_in_config:
        progress("note: instance/config.py sets SECRET_KEY, so the archive holds the secret key all the same "
                 "(set it in PRESSROOM_SECRET_KEY or the secret_key file to keep it out)")

    with tempfile.TemporaryDirectory(prefix="pressroom-backup-") as work:
        db_file = os.path.join(work, DB_MEMBER[kind])
        if kind == "sqlite":
            counts, rev = _snapshot_sqlite(url, db_file, progress)
        else:
            counts, rev = _snapshot_postgres(url, db_file, progress)
        if rev is None:
            raise BackupError(f"{_redact(url)} is not a Pressroom database (it has no {ALEMBIC_TABLE} table); "
                              "nothing written")
        members = [(DB_MEMBER[kind], db_file)] + files
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "database": kind,
            "alembic_revision": rev,
            "tables": {k: v for k, v in counts.items() if k != ALEMBIC_TABLE},
            "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "pressroom_version": __version__,
            "secret_key_included": with_secret_key or key_in_config,
            "files": {},
        }
        for name, path in members:
            manifest["files"][name] = {"sha256": _sha256(path), "size": os.path.getsize(path)}
        progress(f"writing {dest}")
        fd, tmp = tempfile.mkstemp(prefix=f".{dest_path.name}.", suffix=".tmp", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as raw:
                with tarfile.open(fileobj=raw, mode="w:gz", format=tarfile.PAX_FORMAT, compresslevel=6) as tar:
                    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                    info = tarfile.TarInfo(MANIFEST)
                    info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now().timestamp())
                    tar.addfile(info, io.BytesIO(data))
                    for name, path in members:
                        info = tar.gettarinfo(path, arcname=name)
                        info.uid = info.gid = 0
                        info.uname = info.gname = ""
                        info.mode = 0o600
                        with open(path, "rb") as fh:
                            tar.addfile(info, fh)
                raw.flush()
                os.fsync(raw.fileno())
            if force:
                os.replace(tmp, dest_path)
            else:
                try:
                    os.link(tmp, dest_path)  # never replaces a file that appeared meanwhile
                except FileExistsError:
                    raise BackupError(f"{dest} already exists (use --force to replace it)") from None
                os.unlink(tmp)
        except BaseException as e:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            if isinstance(e, OSError):
                raise BackupError(f"cannot write {dest}: {e.strerror or e}; nothing was written") from None
            raise
    manifest["size"] = dest_path.stat().st_size
    return manifest


# ----- reading an archive ---------------------------------------------------------------------------
class Archive:
    """A backup archive opened for reading; every problem is a one-line BackupError."""

    def __init__(self, path: str):
        self.path = path
        p = Path(path)
        if p.is_dir():
            raise BackupError(f"{path} is a folder, not a backup archive")
        try:
            self.tar = tarfile.open(path, mode="r:gz")
        except FileNotFoundError:
            raise BackupError(f"{path}: no such file") from None
        except PermissionError:
            raise BackupError(f"{path}: permission denied") from None
        except (tarfile.TarError, EOFError, OSError, ValueError) as e:
            raise BackupError(f"{path} is not a Pressroom backup (not a readable .tar.gz: {_first_line(e)})") from None
        try:
            self.manifest = self._manifest()
        except BaseException:
            self.tar.close()
            raise

    def close(self) -> None:
        self.tar.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _member(self, name: str):
        try:
            m = self.tar.getmember(name)
        except KeyError:
            return None
        except (tarfile.TarError, EOFError, OSError, ValueError) as e:
            raise BackupError(f"{self.path} is damaged or truncated ({_first_line(e)})") from None
        if not m.isfile():
            raise BackupError(f"{self.path} is not a Pressroom backup ({name} is not a regular file)")
        return m

    def _manifest(self) -> dict:
        m = self._member(MANIFEST)
        if m is None:
            raise BackupError(f"{self.path} is not a Pressroom backup (no {MANIFEST} in it)")
        if m.size > 1 << 20:
            raise BackupError(f"{self.path}: {MANIFEST} is too large to be a Pressroom manifest")
        try:
            data = json.loads(self.tar.extractfile(m).read().decode("utf-8"))
        except (tarfile.TarError, EOFError, OSError, ValueError) as e:
            raise BackupError(f"{self.path}: {MANIFEST} cannot be read ({_first_line(e)})") from None
        bad = f"{self.path}: {MANIFEST} is not a Pressroom backup manifest"
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError(bad + f" (format is not {FORMAT!r})")
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise BackupError(bad + " (no format_version)")
        if version > FORMAT_VERSION:
            raise BackupError(f"{self.path} has backup format {version}; this Pressroom reads format "
                              f"{FORMAT_VERSION} (restore it with a newer Pressroom)")
        if data.get("database") not in DB_MEMBER:
            raise BackupError(bad + f" (database is {data.get('database')!r}, not sqlite or postgresql)")
        tables, files = data.get("tables"), data.get("files")
        if not isinstance(tables, dict) or not all(isinstance(k, str) and isinstance(v, int) and v >= 0
                                                   for k, v in tables.items()):
            raise BackupError(bad + " (tables is not a mapping of table names to row counts)")
        if not isinstance(files, dict) or DB_MEMBER[data["database"]] not in files or not all(
                isinstance(v, dict) and isinstance(v.get("sha256"), str) and isinstance(v.get("size"), int)
                for v in files.values()):
            raise BackupError(bad + " (files does not list the database with its sha256 and size)")
        if not isinstance(data.get("alembic_revision"), str) or not data["alembic_revision"]:
            raise BackupError(bad + " (no alembic_revision)")
        return data

    def extract(self, name: str, dest: str) -> None:
        """Copy member ``name`` to ``dest``, checking its size and sha256 against the manifest."""
        expected = self.manifest["files"].get(name)
        m = self._member(name)
        if m is None or expected is None:
            raise BackupError(f"{self.path} is incomplete: {name} is missing")
        h, size = hashlib.sha256(), 0
        try:
            src = self.tar.extractfile(m)
            with open(dest, "wb") as out:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
        except (tarfile.TarError, EOFError, ValueError, OSError) as e:
            if isinstance(e, OSError) and getattr(e, "filename", None) == dest:
                raise BackupError(f"cannot write {dest}: {e.strerror}") from None
            raise BackupError(f"{self.path} is damaged or truncated ({_first_line(e)})") from None
        if size != expected["size"] or h.hexdigest() != expected["sha256"]:
            raise BackupError(f"{self.path} is damaged: {name} does not match its checksum in the manifest")

    def read(self, name: str) -> bytes:
        with tempfile.TemporaryDirectory(prefix="pressroom-restore-") as work:
            tmp = os.path.join(work, "member")
            self.extract(name, tmp)
            return Path(tmp).read_bytes()


def read_manifest(path: str) -> dict:
    with Archive(path) as a:
        return a.manifest


# ----- restore --------------------------------------------------------------------------------------
def check_empty(url: str) -> None:
    """Raise unless the database has no tables, or only an empty alembic_version."""
    from sqlalchemy import inspect

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            others = sorted(names - {ALEMBIC_TABLE})
            if others:
                shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
                raise BackupError(f"the database {_redact(url)} is not empty ({len(others)} tables: {shown}); "
                                  "restore only writes into an empty database: nothing was changed")
            if ALEMBIC_TABLE in names:
                md = _reflect(conn)
                if _revision(conn, md):
                    raise BackupError(f"the database {_redact(url)} is not empty (it has a migration revision); "
                                      "restore only writes into an empty database: nothing was changed")
    except BackupError:
        raise
    except Exception as e:
        raise BackupError(f"cannot open the database {_redact(url)}: {_first_line(e)}") from None
    finally:
        engine.dispose()


def _known_revision(rev: str) -> None:
    from alembic.script import ScriptDirectory

    from app.web import MIGRATIONS_DIR

    script = ScriptDirectory(MIGRATIONS_DIR)
    for r in rev.split(","):
        try:
            found = script.get_revision(r)
        except Exception:
            found = None
        if found is None:
            raise BackupError(f"the backup's schema (migration {r}) is unknown to this Pressroom {__version__} "
                              "(made by a newer version?): nothing was changed")


def _migrate_to(url: str, inst: str, rev: str) -> None:
    """Create the schema with the app's own migrations, exactly at the backup's revision."""
    import logging

    from flask_migrate import upgrade

    from app.web import MIGRATIONS_DIR, create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": inst, "SECRET_KEY": "restore",
                      "AUTO_MIGRATE": False})
    # Quiet migrations (our own progress lines say what happens): the env.py configures alembic's
    # INFO logging only when nothing else did; a NullHandler meanwhile keeps it from doing so.
    root, alembic_log = logging.getLogger(), logging.getLogger("alembic")
    level, null = alembic_log.level, None
    if not root.handlers:
        null = logging.NullHandler()
        root.addHandler(null)
    alembic_log.setLevel(logging.WARNING)
    with app.app_context():
        try:
            for r in rev.split(","):
                upgrade(directory=MIGRATIONS_DIR, revision=r)
        finally:
            alembic_log.setLevel(level)
            if null is not None:
                root.removeHandler(null)
            from app.web.extensions import db

            db.engine.dispose()


def _drop_everything(url: str) -> None:
    """Undo a failed restore: the database was empty before, so every table goes."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            md = _reflect(conn)
            md.drop_all(bind=conn)
    except Exception:  # pragma: no cover - best effort; the error that led here is reported
        pass
    finally:
        engine.dispose()


def _reset_sequences(conn, md) -> None:
    """PostgreSQL: every serial/identity sequence continues after the restored ids."""
    from sqlalchemy import text

    for t in md.sorted_tables:
        for c in t.columns:
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": conn.dialect.identifier_preparer.quote(t.name), "c": c.name}).scalar()
            if seq:
                q = conn.dialect.identifier_preparer
                conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT MAX({q.quote(c.name)}) FROM {q.quote(t.name)}), 1), "
                                  f"(SELECT MAX({q.quote(c.name)}) FROM {q.quote(t.name)}) IS NOT NULL)"), {"s": seq})


def copy_rows(src_url: str, dst_url: str, progress: Progress = _quiet) -> dict[str, int]:
    """Copy every table's rows (alembic_version excepted) from src to dst, whose schema exists, in
    foreign-key order, in one transaction; returns the rows copied per table."""
    src, dst = _engine(src_url), _engine(dst_url)
    copied: dict[str, int] = {}
    try:
        with src.connect() as sconn, dst.connect() as dconn:
            if dconn.dialect.name == "sqlite":
                # Checked once at the end instead of row by row (PRAGMA foreign_key_check below), so
                # cycles and self-references between tables added later copy in any order.
                dconn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
                dconn.commit()
            with dconn.begin():
                _copy_tables(sconn, dconn, copied, progress)
    finally:
        src.dispose()
        dst.dispose()
    return copied


def _copy_tables(sconn, dconn, copied: dict, progress: Progress) -> None:
    from sqlalchemy import JSON, select

    if dconn.dialect.name == "postgresql":
        dconn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")  # the deferrable ones: checked at commit
    smd, dmd = _reflect(sconn), _reflect(dconn)
    # Rows a migration wrote while it made the schema (the default organisation of the accounts
    # migration) are the backup's to give: the restored database holds exactly the backup's rows.
    for t in reversed(dmd.sorted_tables):
        if t.name != ALEMBIC_TABLE and t.name in smd.tables:
            dconn.execute(t.delete())
    # the destination's foreign keys decide the order (SQLite may not declare all the source's)
    rank = {t.name: i for i, t in enumerate(dmd.sorted_tables)}
    for t in sorted(smd.sorted_tables, key=lambda t: rank.get(t.name, -1)):
        if t.name == ALEMBIC_TABLE:
            continue
        target = dmd.tables.get(t.name)
        if target is None:
            raise BackupError(f"table {t.name} of the backup does not exist after the migrations")
        missing = [c.name for c in t.columns if c.name not in target.columns]
        if missing:
            raise BackupError(f"table {t.name}: columns {', '.join(missing)} do not exist after the migrations")
        for c in target.columns:  # SQL NULL stays NULL (not the JSON text 'null')
            if isinstance(c.type, JSON):
                c.type = JSON(none_as_null=True)
        cols = [c.name for c in t.columns]
        n = 0
        order = list(t.primary_key.columns) or list(t.columns)  # parents before children within a table
        result = sconn.execution_options(stream_results=True).execute(select(t).order_by(*order))
        while True:
            rows = result.fetchmany(BATCH)
            if not rows:
                break
            dconn.execute(target.insert(), [dict(zip(cols, r)) for r in rows])
            n += len(rows)
        copied[t.name] = n
        progress(f"  {t.name}: {n} {'row' if n == 1 else 'rows'}")
    if dconn.dialect.name == "postgresql":
        _reset_sequences(dconn, dmd)
    else:
        bad = dconn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise BackupError(f"the backup's rows break {len(bad)} foreign keys (first in table {bad[0][0]})")


def _pg_restore(archive_file: str, url: str, progress: Progress) -> None:
    pg_restore = shutil.which("pg_restore")
    if not pg_restore:
        raise BackupError("pg_restore not found: install the PostgreSQL client (Debian: apt-get install postgresql-client)")
    engine = _engine(url)
    try:  # an empty alembic_version would collide with the dump's own
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {ALEMBIC_TABLE}")
    finally:
        engine.dispose()
    libpq, env = _libpq(url)
    progress("restoring with pg_restore (one transaction)")
    p = subprocess.run([pg_restore, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                        "--dbname", libpq, archive_file], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        lines = [ln for ln in p.stderr.strip().splitlines() if ln.strip()]
        raise BackupError(f"pg_restore failed, nothing was restored: {(lines or ['exit code %d' % p.returncode])[0][:300]}")


def _planned_files(archive: Archive, inst: str, force: bool) -> list[tuple[str, bytes]]:
    """The instance files to write; refuses (before anything changes) to replace a different file."""
    out = []
    for member in archive.manifest["files"]:
        if not member.startswith("instance/"):
            continue
        name = member[len("instance/"):]
        if name not in INSTANCE_FILES + (SECRET_KEY_FILE,):
            continue
        data = archive.read(member)
        target = Path(inst) / name
        if target.is_file() and not force:
            try:
                same = target.read_bytes() == data
            except OSError as e:
                raise BackupError(f"cannot read {target}: {e.strerror}") from None
            if not same:
                raise BackupError(f"{target} exists and differs from the backup's copy (use --force to replace it); "
                                  "nothing was changed")
            continue
        out.append((name, data))
    return out


def _write_files(files: list[tuple[str, bytes]], inst: str) -> None:
    try:
        os.makedirs(inst, mode=0o700, exist_ok=True)
        for name, data in files:
            target = Path(inst) / name
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=inst)  # 0600, like the app's
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
    except OSError as e:
        raise BackupError(f"the database was restored, but the instance files could not be written to {inst}: "
                          f"{e.strerror or e}") from None


def restore(path: str, database_url: str | None = None, instance: str | None = None, *, force: bool = False,
            progress: Progress = _quiet) -> dict:
    """Bring the archive back into an empty database; return the manifest plus ``restored`` row counts."""
    with Archive(path) as archive:
        m = archive.manifest
        url, inst = resolve(database_url, instance)
        kind = kind_of(url)
        if m["database"] == "postgresql" and kind != "postgresql":
            raise BackupError("this is a PostgreSQL backup (pg_dump): it restores into PostgreSQL only "
                              "(give --database-url postgresql://...): nothing was changed")
        if kind == "sqlite":
            db_path = sqlite_path(url)
            if not db_path:
                raise BackupError("cannot restore into an in-memory SQLite database")
            parent = Path(db_path).resolve().parent
            if not parent.is_dir() and parent != Path(inst).resolve():  # the instance folder is made if missing
                raise BackupError(f"cannot create {db_path}: the folder {parent} does not exist")
            if os.path.exists(db_path):
                check_empty(url)
        else:
            check_empty(url)
        _known_revision(m["alembic_revision"])
        files = _planned_files(archive, inst, force)
        member = DB_MEMBER[m["database"]]
        progress(f"restoring a {m['database']} backup of {m['created_at']} (Pressroom {m.get('pressroom_version')}, "
                 f"migration {m['alembic_revision']}) into {_redact(url)}")
        with tempfile.TemporaryDirectory(prefix="pressroom-restore-") as work:
            src_file = os.path.join(work, member)
            archive.extract(member, src_file)
            if m["database"] == "sqlite":
                src_url = "sqlite:///" + src_file
                _check_source(src_url, m, path)
                if kind == "sqlite":
                    os.makedirs(Path(sqlite_path(url)).parent, mode=0o700, exist_ok=True)
                    from app.web import _private_database

                    _private_database(url)
                try:
                    progress(f"creating the schema (migrations up to {m['alembic_revision']})")
                    _migrate_to(url, inst, m["alembic_revision"])
                    progress("copying rows")
                    copy_rows(src_url, url, progress)
                    restored = _verify(url, m)
                except BaseException as e:
                    _drop_everything(url)
                    if isinstance(e, BackupError):
                        raise BackupError(f"{e}; the database was left empty") from None
                    if isinstance(e, Exception):
                        raise BackupError(f"restore failed, the database was left empty: {_first_line(e)}") from None
                    raise
            else:
                _pg_restore(src_file, url, progress)
                try:
                    restored = _verify(url, m)
                except BackupError:
                    _drop_everything(url)
                    raise
        _write_files(files, inst)
        m = dict(m, restored=restored, instance=inst, files_written=[n for n, _ in files])
        return m


def _check_source(src_url: str, m: dict, path: str) -> None:
    engine = _engine(src_url)
    try:
        with engine.connect() as conn:
            md = _reflect(conn)
            counts, rev = _counts(conn, md), _revision(conn, md)
    except Exception as e:
        raise BackupError(f"{path}: the database in it cannot be read ({_first_line(e)})") from None
    finally:
        engine.dispose()
    counts.pop(ALEMBIC_TABLE, None)
    if rev != m["alembic_revision"] or counts != m["tables"]:
        raise BackupError(f"{path}: the database in it does not match its manifest (tables, rows or revision)")


def _verify(url: str, m: dict) -> dict[str, int]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            md = _reflect(conn)
            counts, rev = _counts(conn, md), _revision(conn, md)
    finally:
        engine.dispose()
    counts.pop(ALEMBIC_TABLE, None)
    wrong = [f"{t}: {counts.get(t)} instead of {n}" for t, n in m["tables"].items() if counts.get(t) != n]
    if wrong:
        raise BackupError("the restored rows do not match the backup (" + "; ".join(wrong[:3]) + ")")
    if rev != m["alembic_revision"]:
        raise BackupError(f"the restored database is at migration {rev}, the backup at {m['alembic_revision']}")
    return counts
