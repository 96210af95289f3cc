"""`pressroom backup` / `pressroom restore` (issue 15, data safety): a database filled through the web
app is backed up, restored into a fresh empty database and compared table by table (every table the
database has, found by reflection); restore refuses a non-empty database; bad archives are one-line
errors. The same round trip on PostgreSQL (marker postgres)."""
from __future__ import annotations

import re
import gzip
import hashlib
import io
import json
import os
import sqlite3
import tarfile
import threading

import pytest
from sqlalchemy import MetaData, create_engine, func, select
from sqlalchemy.pool import NullPool


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (10, 60, 160)).save(buf, "PNG")
    return buf.getvalue()


def fill(app) -> dict:
    """Releases (one edited twice, one deleted), a logo, dictionary words and a checked draft,
    all through the web app's own routes."""
    c = app.test_client()
    ids = []
    for h in ("Школы в сёлах получили новое оборудование", "Rule of law forum opens in Bishkek", "Третий"):
        r = c.post("/api/releases", json={"payload": {"language": "ru", "headline": h, "body": h + ". Текст."}})
        assert r.status_code == 201, r.json
        ids.append(r.json["id"])
    for v, text in ((1, "Второй вариант."), (2, "Третий вариант.")):
        r = c.put(f"/api/releases/{ids[0]}", json={"version": v, "payload": {"language": "ru", "headline": "Школы",
                                                                              "body": text}})
        assert r.status_code == 200, r.json
    assert c.delete(f"/api/releases/{ids[2]}").status_code == 200
    logo = c.post("/releases/logo", data={"file": (io.BytesIO(_png()), "logo.png")}, content_type="multipart/form-data")
    assert logo.status_code == 200, logo.json
    for w in ("Жмыхобузов", "Kyzylsay"):
        assert c.post("/dictionary/add", data={"word": w}, headers={"Accept": "application/json"}).status_code == 200
    assert c.post("/check", data={"text": "Проект финансируется Европейским союзом.", "language": "ru"}).status_code in (200, 302, 303)
    return {"release_ids": ids, "logo": logo.json["path"]}


def dump(url: str) -> dict[str, list]:
    """Every table of the database (reflected, so tables added later are compared too) as sorted rows."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        md = MetaData()
        with engine.connect() as conn:
            md.reflect(bind=conn)
            out = {}
            for t in md.sorted_tables:
                rows = [tuple(r) for r in conn.execute(select(t))]
                out[t.name] = sorted(rows, key=repr)
            return out
    finally:
        engine.dispose()


def sqlite_url(path) -> str:
    return f"sqlite:///{path}"


def one_line_error(res) -> str:
    assert res.code == 2, res
    assert "Traceback" not in res.err and res.out == "", res
    lines = [ln for ln in res.err.splitlines() if ln.startswith("pressroom: error:")]
    assert len(lines) == 1, res.err
    return lines[0]


@pytest.fixture
def filled(make_web_app, tmp_path):
    app = make_web_app(WTF_CSRF_ENABLED=False)
    info = fill(app)
    info["url"] = app.config["SQLALCHEMY_DATABASE_URI"]
    info["instance"] = app.instance_path
    return info


def test_round_trip_sqlite(filled, make_web_app, cli, tmp_path):
    archive = tmp_path / "out" / "pressroom.tar.gz"
    archive.parent.mkdir()
    res = cli("backup", archive, "--database-url", filled["url"], "--instance", filled["instance"])
    assert res.code == 0, res
    summary = res.err.strip().splitlines()[-1]
    assert summary.startswith(f"pressroom: backup {archive}: sqlite, migration ") and re.search(r"\b\d+ rows, 1 logo;", summary), summary
    assert "secret key not included" in summary
    assert os.listdir(archive.parent) == ["pressroom.tar.gz"]  # no temp file left behind
    assert (archive.stat().st_mode & 0o077) == 0  # the archive holds embargoed releases: owner only

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "manifest.json" and "database.sqlite" in names
    assert "instance/secret_key" not in names
    assert manifest["format"] == "pressroom-backup" and manifest["format_version"] == 1
    assert manifest["database"] == "sqlite" and manifest["pressroom_version"]
    assert manifest["alembic_revision"] and manifest["created_at"].endswith("Z")
    before = dump(filled["url"])
    assert manifest["tables"] == {t: len(rows) for t, rows in before.items() if t != "alembic_version"}
    assert manifest["tables"]["releases"] == 3 and manifest["tables"]["logo_images"] == 1
    assert manifest["tables"]["dictionary_words"] == 2 and manifest["tables"]["release_versions"] >= 3

    target = tmp_path / "restored" / "pressroom.db"
    inst2 = tmp_path / "restored"
    res = cli("restore", archive, "--instance", inst2)  # the instance's own SQLite database, created
    assert res.code == 0, res
    assert "row counts match the backup" in res.err.splitlines()[-1]
    after = dump(sqlite_url(target))
    assert after == before  # every table, every row, the alembic revision too

    # The restored instance works: the release, its history, the logo (from the database: the new
    # instance has no logos/ cache), the dictionary; a new release gets a new id.
    app2 = make_web_app(sqlite_url(target), INSTANCE_PATH=str(inst2), WTF_CSRF_ENABLED=False)
    c2 = app2.test_client()
    rid = filled["release_ids"][0]
    got = c2.get(f"/api/releases/{rid}").json
    assert got["payload"]["body"] == "Третий вариант." and got["version"] == 3
    assert len(c2.get(f"/api/releases/{rid}/versions").json["versions"]) >= 3
    logo = c2.get(f"/releases/logos/{filled['logo']}")
    assert logo.status_code == 200 and logo.data == _png()
    assert "Жмыхобузов" in c2.get("/dictionary").get_data(as_text=True)
    new = c2.post("/api/releases", json={"payload": {"language": "en", "headline": "After restore"}})
    assert new.status_code == 201 and new.json["id"] not in filled["release_ids"]


def test_restore_refuses_a_database_that_is_not_empty(filled, cli, tmp_path):
    archive = tmp_path / "b.tar.gz"
    assert cli("backup", archive, "--database-url", filled["url"]).code == 0
    before = dump(filled["url"])
    line = one_line_error(cli("restore", archive, "--database-url", filled["url"]))
    assert "is not empty" in line and "nothing was changed" in line, line
    assert dump(filled["url"]) == before

    # A database with one foreign table is not empty either, and stays as it was.
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    line = one_line_error(cli("restore", archive, "--database-url", sqlite_url(other)))
    assert "not empty (1 tables: notes)" in line
    assert dump(sqlite_url(other)) == {"notes": [(1, "keep me")]}

    # An empty alembic_version only (a database an upgrade was started on) counts as empty.
    almost = tmp_path / "almost.db"
    with sqlite3.connect(almost) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    res = cli("restore", archive, "--database-url", sqlite_url(almost), "--instance", tmp_path / "inst-almost")
    assert res.code == 0, res
    assert dump(sqlite_url(almost)) == before


def test_backup_never_overwrites_without_force(filled, cli, tmp_path):
    archive = tmp_path / "b.tar.gz"
    archive.write_bytes(b"an older backup")
    line = one_line_error(cli("backup", archive, "--database-url", filled["url"]))
    assert "already exists (use --force" in line
    assert archive.read_bytes() == b"an older backup"
    res = cli("backup", archive, "--database-url", filled["url"], "--force")
    assert res.code == 0, res
    assert tarfile.is_tarfile(archive)
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
    for bad, msg in (([tmp_path], "is a folder"), ([tmp_path / "no" / "b.tar.gz"], "does not exist")):
        assert msg in one_line_error(cli("backup", *bad, "--database-url", filled["url"]))
    assert "no database at" in one_line_error(cli("backup", tmp_path / "c.tar.gz", "--instance", tmp_path / "empty"))
    assert not (tmp_path / "empty" / "pressroom.db").exists()  # backing up creates no database
    assert not (tmp_path / "c.tar.gz").exists()


def test_instance_settings_travel_and_the_secret_key_only_on_request(filled, cli, tmp_path):
    inst = tmp_path / "instance"
    (inst / "pressroom.toml").write_text('[vocabulary]\naccept = ["Kyzylsay"]\n')
    (inst / "secret_key").write_text("s3cr3t")
    plain, keyed = tmp_path / "plain.tar.gz", tmp_path / "keyed.tar.gz"
    assert cli("backup", plain, "--database-url", filled["url"], "--instance", inst).code == 0
    res = cli("backup", keyed, "--database-url", filled["url"], "--instance", inst, "--with-secret-key")
    assert res.code == 0 and "secret key included" in res.err, res
    with tarfile.open(plain) as tar:
        assert "instance/pressroom.toml" in tar.getnames() and "instance/secret_key" not in tar.getnames()
    with tarfile.open(keyed) as tar:
        assert tar.extractfile("instance/secret_key").read() == b"s3cr3t"

    # A SECRET_KEY in config.py travels with config.py: said so, and recorded in the manifest.
    (inst / "config.py").write_text('SECRET_KEY = "from-config"\n')
    in_config = tmp_path / "in-config.tar.gz"
    res = cli("backup", in_config, "--database-url", filled["url"], "--instance", inst)
    assert res.code == 0 and "config.py sets SECRET_KEY" in res.err and "secret key included" in res.err, res
    (inst / "config.py").unlink()

    new = tmp_path / "new-instance"
    res = cli("restore", keyed, "--instance", new)
    assert res.code == 0, res
    assert (new / "secret_key").read_text() == "s3cr3t"
    assert (new / "pressroom.toml").read_text().startswith("[vocabulary]")

    # A different pressroom.toml in the target instance is not replaced silently.
    other = tmp_path / "other-instance"
    other.mkdir()
    (other / "pressroom.toml").write_text("# mine\n")
    line = one_line_error(cli("restore", plain, "--instance", other))
    assert "pressroom.toml exists and differs" in line and "--force" in line
    assert not (other / "pressroom.db").exists()  # refused before anything was created
    assert cli("restore", plain, "--instance", other, "--force").code == 0
    assert (other / "pressroom.toml").read_text().startswith("[vocabulary]")


def test_backup_while_the_app_writes(filled, cli, tmp_path):
    """The snapshot is consistent while another connection keeps writing: the manifest's row counts
    are those of the database in the archive (restore checks both)."""
    stop = threading.Event()
    path = filled["url"][len("sqlite:///"):]

    def writer():
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        n = 0
        while not stop.is_set():
            conn.execute("INSERT INTO dictionary_words (word, created_at) VALUES (?, '2026-01-01 00:00:00')", (f"w{n}",))
            conn.commit()
            n += 1
        conn.close()

    t = threading.Thread(target=writer)
    t.start()
    try:
        archives = []
        for i in range(3):
            a = tmp_path / f"b{i}.tar.gz"
            res = cli("backup", a, "--database-url", filled["url"])
            assert res.code == 0, res
            archives.append(a)
    finally:
        stop.set()
        t.join()
    counts = []
    for i, a in enumerate(archives):
        res = cli("restore", a, "--database-url", sqlite_url(tmp_path / f"r{i}.db"), "--instance", tmp_path / f"i{i}")
        assert res.code == 0, res
        counts.append(len(dump(sqlite_url(tmp_path / f"r{i}.db"))["dictionary_words"]))
    assert counts == sorted(counts) and counts[0] >= 2


# ----- bad input --------------------------------------------------------------------------------------
def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.fixture
def good_archive(filled, cli, tmp_path) -> bytes:
    a = tmp_path / "good.tar.gz"
    assert cli("backup", a, "--database-url", filled["url"]).code == 0
    return a.read_bytes()


def _members(archive: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}


def _with_manifest(archive: bytes, **changes) -> bytes:
    m = _members(archive)
    manifest = json.loads(m["manifest.json"])
    for k, v in changes.items():
        if v is None:
            manifest.pop(k, None)
        else:
            manifest[k] = v
    m["manifest.json"] = json.dumps(manifest).encode()
    return _tar(m)


BAD = {
    "not an archive": (lambda g: b"Dear editor, this is a press release.\n", "not a readable .tar.gz"),
    "empty file": (lambda g: b"", "not a readable .tar.gz"),
    "truncated": (lambda g: g[: len(g) // 2], "damaged or truncated"),
    "gzip, not tar": (lambda g: gzip.compress(b"x" * 5000), "not a readable .tar.gz"),
    "no manifest": (lambda g: _tar({"database.sqlite": b"x"}), "no manifest.json"),
    "manifest not JSON": (lambda g: _tar({"manifest.json": b"{nope"}), "manifest.json cannot be read"),
    "manifest a list": (lambda g: _tar({"manifest.json": b"[1, 2]"}), "not a Pressroom backup manifest"),
    "other format": (lambda g: _with_manifest(g, format="something-else"), "format is not"),
    "newer format": (lambda g: _with_manifest(g, format_version=99), "restore it with a newer Pressroom"),
    "unknown database": (lambda g: _with_manifest(g, database="oracle"), "not sqlite or postgresql"),
    "no counts": (lambda g: _with_manifest(g, tables="many"), "row counts"),
    "unknown migration": (lambda g: _with_manifest(g, alembic_revision="ffffffffffff"), "unknown to this Pressroom"),
    "checksum": (lambda g: _tar({**_members(g), "database.sqlite": _members(g)["database.sqlite"][:-1] + b"\x01"}),
                 "does not match its checksum"),
    "counts lie": (lambda g: _with_manifest(g, tables={**json.loads(_members(g)["manifest.json"])["tables"], "releases": 7}),
                   "does not match its manifest"),
    "database missing": (lambda g: _tar({"manifest.json": _members(g)["manifest.json"]}), "database.sqlite is missing"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_archives_are_one_line_errors(case, good_archive, cli, tmp_path):
    make, expected = BAD[case]
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(make(good_archive))
    target = tmp_path / "target" / "pressroom.db"
    line = one_line_error(cli("restore", bad, "--instance", target.parent))
    assert expected in line, line
    assert not target.exists() or dump(sqlite_url(target)) == {}  # nothing was restored


def test_unreadable_paths(cli, tmp_path):
    assert "no such file" in one_line_error(cli("restore", tmp_path / "nope.tar.gz", "--instance", tmp_path / "i"))
    assert "is a folder" in one_line_error(cli("restore", tmp_path, "--instance", tmp_path / "i"))
    if os.geteuid() != 0:  # root reads a file whatever its mode
        f = tmp_path / "locked.tar.gz"
        f.write_bytes(b"x")
        f.chmod(0)
        assert "permission denied" in one_line_error(cli("restore", f, "--instance", tmp_path / "i"))
    assert "not a database URL" in one_line_error(cli("backup", tmp_path / "x.tar.gz", "--database-url", "::nonsense"))


def test_help_lists_both_commands(cli):
    for cmd in ("backup", "restore"):
        h = cli(cmd, "--help")
        assert h.code == 0 and "--database-url" in h.out and "--instance" in h.out


# ----- PostgreSQL ----------------------------------------------------------------------------------------
@pytest.fixture
def postgres_url2(postgres_server):
    """A second fresh, empty database on the session's PostgreSQL server."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"


@pytest.mark.postgres
def test_round_trip_postgres(postgres_url, postgres_url2, make_web_app, cli, tmp_path):
    app = make_web_app(postgres_url, WTF_CSRF_ENABLED=False)
    info = fill(app)
    with app.app_context():
        from app.web.extensions import db

        db.engine.dispose()
    archive = tmp_path / "pg.tar.gz"
    res = cli("backup", archive, "--database-url", postgres_url, "--instance", tmp_path / "instance")
    assert res.code == 0, res
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        dumpfile = tar.extractfile("database.pgdump").read()
    assert manifest["database"] == "postgresql" and dumpfile.startswith(b"PGDMP")  # pg_dump's custom format
    before = dump(postgres_url)
    assert manifest["tables"]["releases"] == 3 and manifest["tables"]["logo_images"] == 1

    # Refused into the non-empty source; into SQLite (a pg_dump restores into PostgreSQL only).
    assert "is not empty" in one_line_error(cli("restore", archive, "--database-url", postgres_url))
    assert "restores into PostgreSQL only" in one_line_error(
        cli("restore", archive, "--database-url", sqlite_url(tmp_path / "x.db"), "--instance", tmp_path / "x"))
    assert dump(postgres_url) == before

    res = cli("restore", archive, "--database-url", postgres_url2, "--instance", tmp_path / "inst2")
    assert res.code == 0, res
    assert dump(postgres_url2) == before
    app2 = make_web_app(postgres_url2, INSTANCE_PATH=str(tmp_path / "inst2"), WTF_CSRF_ENABLED=False)
    c2 = app2.test_client()
    assert c2.get(f"/releases/logos/{info['logo']}").data == _png()
    new = c2.post("/api/releases", json={"payload": {"language": "en", "headline": "After restore"}})
    assert new.status_code == 201 and new.json["id"] not in info["release_ids"]  # sequences came along
    with app2.app_context():
        from app.web.extensions import db

        db.engine.dispose()


@pytest.mark.postgres
def test_sqlite_backup_restores_into_postgres(filled, postgres_url, cli, make_web_app, tmp_path):
    """The generic path: the app's migrations create the schema in PostgreSQL, the rows are copied in
    foreign-key order and the sequences moved past the restored ids."""
    archive = tmp_path / "lite.tar.gz"
    assert cli("backup", archive, "--database-url", filled["url"]).code == 0
    res = cli("restore", archive, "--database-url", postgres_url, "--instance", tmp_path / "pg-inst")
    assert res.code == 0, res.err
    assert dump(postgres_url) == dump(filled["url"])
    app = make_web_app(postgres_url, INSTANCE_PATH=str(tmp_path / "pg-inst"), WTF_CSRF_ENABLED=False)
    c = app.test_client()
    assert c.get(f"/api/releases/{filled['release_ids'][0]}").json["payload"]["body"] == "Третий вариант."
    new = c.post("/api/releases", json={"payload": {"language": "en", "headline": "After restore"}})
    assert new.status_code == 201 and new.json["id"] not in filled["release_ids"]
    r = c.post("/dictionary/add", data={"word": "Naryn"}, headers={"Accept": "application/json"})
    assert r.status_code == 200
    with app.app_context():
        from app.web.extensions import db

        db.engine.dispose()


TAMPER = {
    "unknown column": ("ALTER TABLE releases ADD COLUMN extra TEXT", "extra do not exist after the migrations"),
    "orphan row": ("INSERT INTO release_versions (release_id, version, kind, title, payload, created_at) "
                   "VALUES (999, 1, 'save', '', '{}', '2026-01-01 00:00:00')", "break 1 foreign keys"),
}


@pytest.mark.parametrize("case", list(TAMPER))
def test_a_failed_restore_leaves_the_database_empty(case, good_archive, cli, tmp_path):
    """A backup the migrations' schema cannot take (a column they do not know; a row whose parent is
    missing): the copy fails half-way, and what the restore created is removed again (the database
    was empty before)."""
    sql, expected = TAMPER[case]
    m = _members(good_archive)
    db = tmp_path / "tampered.db"
    db.write_bytes(m["database.sqlite"])
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    data = db.read_bytes()
    manifest = json.loads(m["manifest.json"])
    with sqlite3.connect(db) as conn:
        manifest["tables"]["release_versions"] = conn.execute("SELECT count(*) FROM release_versions").fetchone()[0]
    manifest["files"]["database.sqlite"] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(_tar({"manifest.json": json.dumps(manifest).encode(), "database.sqlite": data}))
    target = tmp_path / "target.db"
    line = one_line_error(cli("restore", bad, "--database-url", sqlite_url(target), "--instance", tmp_path / "i"))
    assert expected in line and "left empty" in line, line
    assert dump(sqlite_url(target)) == {}
    # ... so the same target takes a good backup right after.
    good = tmp_path / "good.tar.gz"
    good.write_bytes(good_archive)
    assert cli("restore", good, "--database-url", sqlite_url(target), "--instance", tmp_path / "i").code == 0


ACCOUNTS_MIGRATION = '''"""test only: accounts tables as another version might add them (a foreign-key cycle included)"""
from alembic import op
import sqlalchemy as sa

revision = "ffee00000001"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("later_teams", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("name", sa.String(200), nullable=False),
                    sa.Column("created_by", sa.Integer(), sa.ForeignKey("later_members.id"), nullable=True))
    op.create_table("later_members", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("later_teams.id"), nullable=False),
                    sa.Column("email", sa.String(200), nullable=False, unique=True),
                    sa.Column("invited_by", sa.Integer(), sa.ForeignKey("later_members.id"), nullable=True))


def downgrade():
    op.drop_table("later_members")
    op.drop_table("later_teams")
'''


def test_tables_added_by_a_later_migration_are_backed_up_without_change(monkeypatch, make_web_app, cli, tmp_path):
    """The accounts tables do not exist yet: a migration adding two (later_members <-> later_teams, a cycle,
    and a self-reference) stands in for them. Nothing in the backup code names a table."""
    import shutil
    import warnings

    from alembic.script import ScriptDirectory

    import app.web

    migrations = tmp_path / "migrations"
    shutil.copytree(app.web.MIGRATIONS_DIR, migrations)
    head = ScriptDirectory(str(migrations)).get_current_head()
    (migrations / "versions" / "ffee00000001_accounts_test.py").write_text(ACCOUNTS_MIGRATION.replace("{head!r}", repr(head)))
    monkeypatch.setattr(app.web, "MIGRATIONS_DIR", str(migrations))

    web = make_web_app(WTF_CSRF_ENABLED=False)
    fill(web)
    url = web.config["SQLALCHEMY_DATABASE_URI"]
    with sqlite3.connect(url[len("sqlite:///"):]) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("INSERT INTO later_teams (id, name, created_by) VALUES (1, 'Delegation', 1)")
        conn.execute("INSERT INTO later_members (id, organisation_id, email, invited_by) VALUES (1, 1, 'a@example.org', NULL)")
        conn.execute("INSERT INTO later_members (id, organisation_id, email, invited_by) VALUES (2, 1, 'b@example.org', 1)")
    archive = tmp_path / "accounts.tar.gz"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy says it cannot sort a cycle: that is the point
        assert cli("backup", archive, "--database-url", url).code == 0
        with tarfile.open(archive) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
        assert manifest["alembic_revision"] == "ffee00000001"
        assert manifest["tables"]["later_members"] == 2 and manifest["tables"]["later_teams"] == 1
        target = tmp_path / "restored.db"
        res = cli("restore", archive, "--database-url", sqlite_url(target), "--instance", tmp_path / "i")
        assert res.code == 0, res
        assert dump(sqlite_url(target)) == dump(url)
