"""Backup and restore of the web app's data (issue 15): one archive (tar.gz) with a consistent
snapshot of the database and the uploaded logos, written atomically (temp file, then rename).

- SQLite: the online backup API (``sqlite3.Connection.backup``): a consistent copy while the app runs.
- PostgreSQL: ``pg_dump`` (plain SQL, no owners or privileges), restored with ``psql``.

``restore`` only writes into an EMPTY database (no tables): restoring over live data would mix
two states, so a database with tables is refused with a one-line message. An archive restores
into the same kind of database it came from.
"""
from __future__ import annotations

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

from sqlalchemy import create_engine, inspect, text

from app.errors import InputError

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_NAME = "database.sqlite"
PG_NAME = "database.sql"


def _sqlite_path(url: str) -> str | None:
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):].split("?", 1)[0]
        return None if path in ("", ":memory:") else path
    return None


def _pg_url(url: str) -> str:
    """A libpq URL (postgresql://...) from SQLAlchemy's postgresql+psycopg://..."""
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    import glob

    cands = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if cands:
        return cands[-1]
    raise InputError(f"{name} not found: install the PostgreSQL client tools (Debian: postgresql-client)")


def table_counts(url: str) -> dict[str, int]:
    """Rows per table (alembic_version included), for the manifest and for comparisons."""
    eng = create_engine(url)
    try:
        names = sorted(inspect(eng).get_table_names())
        with eng.connect() as conn:
            return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}
    finally:
        eng.dispose()


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(timezone.utc).timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def backup(url: str, logo_dir: Path | None, out: Path) -> dict:
    """Write the archive to ``out`` (atomically); returns the manifest."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise InputError(f"{out} is a folder: name the archive file to write")
    if not out.parent.is_dir():
        raise InputError(f"the folder {out.parent} does not exist")
    sqlite_path = _sqlite_path(url)
    with tempfile.TemporaryDirectory(prefix="pressroom-backup-") as tmp:
        if sqlite_path is not None:
            if not os.path.exists(sqlite_path):
                raise InputError(f"no database at {sqlite_path}")
            snap = Path(tmp) / SQLITE_NAME
            src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
            dst = sqlite3.connect(snap)
            try:
                src.backup(dst)  # the online backup API: consistent while the app writes
            finally:
                dst.close()
                src.close()
            dialect, db_file = "sqlite", snap
            counts = table_counts(f"sqlite:///{snap}")
        elif url.startswith(("postgresql", "postgres")):
            dump = Path(tmp) / PG_NAME
            with open(dump, "wb") as fh:
                p = subprocess.run([_pg_tool("pg_dump"), "--no-owner", "--no-privileges", "--format=plain",
                                    "--dbname", _pg_url(url)], stdout=fh, stderr=subprocess.PIPE, timeout=3600)
            if p.returncode != 0:
                raise InputError("pg_dump failed: " + p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
                                 if p.stderr.strip() else "pg_dump failed")
            dialect, db_file = "postgresql", dump
            counts = table_counts(url)
        else:
            raise InputError(f"backup supports SQLite and PostgreSQL databases, not {url.split(':', 1)[0]}")
        logos = sorted(p for p in (logo_dir.iterdir() if logo_dir and logo_dir.is_dir() else []) if p.is_file())
        manifest = {"format": FORMAT, "dialect": dialect, "created_at": datetime.now(timezone.utc).isoformat(),
                    "tables": counts, "logos": [p.name for p in logos]}
        fd, tmp_out = tempfile.mkstemp(prefix=".pressroom-backup-", suffix=".tmp", dir=str(out.parent))
        try:
            with os.fdopen(fd, "wb") as fh, tarfile.open(fileobj=fh, mode="w:gz") as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode())
                tar.add(str(db_file), arcname=db_file.name)
                for p in logos:
                    tar.add(str(p), arcname=f"logos/{p.name}")
            os.chmod(tmp_out, 0o600)  # embargoed releases and password hashes: this user only
            os.replace(tmp_out, out)
        except BaseException:
            try:
                os.unlink(tmp_out)
            except FileNotFoundError:
                pass
            raise
    return manifest


def _is_empty(url: str) -> list[str]:
    """The tables the database has (empty list: empty)."""
    sqlite_path = _sqlite_path(url)
    if sqlite_path is not None and (not os.path.exists(sqlite_path) or os.path.getsize(sqlite_path) == 0):
        return []
    eng = create_engine(url)
    try:
        return sorted(inspect(eng).get_table_names())
    finally:
        eng.dispose()


def restore(archive: Path, url: str, logo_dir: Path | None) -> dict:
    """Bring an archive back into an empty database; returns the archive's manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise InputError(f"no backup archive at {archive}")
    try:
        tar = tarfile.open(archive, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError):
        raise InputError(f"{archive} is not a Pressroom backup (not a tar.gz archive)") from None
    with tar, tempfile.TemporaryDirectory(prefix="pressroom-restore-") as tmp:
        names = set(tar.getnames())
        if MANIFEST not in names:
            raise InputError(f"{archive} is not a Pressroom backup (no {MANIFEST})")
        try:
            manifest = json.loads(tar.extractfile(MANIFEST).read())
        except (ValueError, AttributeError):
            raise InputError(f"{archive}: the manifest is not readable") from None
        if manifest.get("format") != FORMAT:
            raise InputError(f"{archive}: backup format {manifest.get('format')!r} is not known to this version")
        dialect = manifest.get("dialect")
        target_sqlite = _sqlite_path(url)
        if (dialect == "sqlite") != (target_sqlite is not None):
            raise InputError(f"this backup is of a {dialect} database; restore it into a {dialect} database")
        tables = _is_empty(url)
        if tables:
            raise InputError(f"the database is not empty ({len(tables)} tables, e.g. {tables[0]}): restore only "
                             "into an empty database (a new SQLite file, or a freshly created PostgreSQL database)")
        # extract only the known members, by name (no paths from the archive are trusted)
        for m in tar.getmembers():
            if not m.isfile():
                continue
            if m.name in (SQLITE_NAME, PG_NAME) or (m.name.startswith("logos/") and "/" not in m.name[6:]
                                                    and m.name[6:] not in ("", ".", "..")):
                target = Path(tmp) / m.name
                target.parent.mkdir(exist_ok=True)
                with tar.extractfile(m) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        if dialect == "sqlite":
            snap = Path(tmp) / SQLITE_NAME
            if not snap.is_file():
                raise InputError(f"{archive}: the database snapshot is missing")
            Path(target_sqlite).parent.mkdir(parents=True, exist_ok=True)
            part = target_sqlite + ".restoring"
            src = sqlite3.connect(snap)
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            os.chmod(part, 0o600)
            for suffix in ("-wal", "-shm"):  # an empty database's journal must not be replayed over the copy
                try:
                    os.unlink(target_sqlite + suffix)
                except FileNotFoundError:
                    pass
            os.replace(part, target_sqlite)
        else:
            dump = Path(tmp) / PG_NAME
            if not dump.is_file():
                raise InputError(f"{archive}: the database dump is missing")
            p = subprocess.run([_pg_tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                                "--dbname", _pg_url(url), "-f", str(dump)], capture_output=True, timeout=3600)
            if p.returncode != 0:
                err = p.stderr.decode("utf-8", "replace").strip().splitlines()
                raise InputError("psql failed to restore the dump: " + (err[-1] if err else "unknown error"))
        if logo_dir is not None and (Path(tmp) / "logos").is_dir():
            logo_dir.mkdir(parents=True, exist_ok=True)
            for p in (Path(tmp) / "logos").iterdir():
                shutil.copyfile(p, logo_dir / p.name)
    return manifest
