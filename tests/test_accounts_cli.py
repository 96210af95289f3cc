"""`pressroom users` and `pressroom backup` / `restore`, and the upgrade of a database made before
accounts existed (issue 15)."""
from __future__ import annotations

import sqlite3

import pytest

PW = b"a long password\n"


@pytest.fixture
def instance(tmp_path, monkeypatch):
    inst = tmp_path / "instance"
    monkeypatch.setenv("PRESSROOM_INSTANCE", str(inst))
    monkeypatch.setenv("PRESSROOM_SECRET_KEY", "cli-test")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return inst


def test_users_create_list_disable_reset(cli, instance):
    r = cli("users", "create", "boss", "--role", "admin", "--password-stdin", stdin=PW)
    assert r.code == 0, r
    assert "created boss (admin, Default organisation)" in r.out
    r = cli("users", "create", "rita", "--role", "reviewer", "--org", "EU Delegation", "--create-org", "delegation",
            "--password-stdin", stdin=PW)
    assert r.code == 0, r
    r = cli("users", "create", "pete", "--role", "reviewer", "--password-stdin", stdin=PW)
    assert r.code == 2 and "reviewer belongs to a delegation" in r.err and "Traceback" not in r.err
    r = cli("users", "create", "boss", "--password-stdin", stdin=PW)
    assert r.code == 2 and "taken" in r.err
    r = cli("users", "create", "weak", "--password-stdin", stdin=b"short\n")
    assert r.code == 2 and "at least 10 characters" in r.err
    r = cli("users", "list")
    assert r.code == 0 and "boss\tadmin\tDefault organisation\tactive" in r.out and "rita\treviewer\tEU Delegation" in r.out
    assert cli("users", "disable", "rita").code == 0
    assert "rita\treviewer\tEU Delegation\tdisabled" in cli("users", "list").out
    assert cli("users", "disable", "nobody").code == 2
    r = cli("users", "reset-password", "boss", "--password-stdin", stdin=b"another long password\n")
    assert r.code == 0, r
    # the new password works, the old one does not
    from app.web import accounts, create_app

    app = create_app()
    with app.app_context():
        u = accounts.user_by_name("boss")
        assert accounts.verify_password(u, "another long password")
        assert not accounts.verify_password(u, "a long password")
        assert u.password_hash.startswith("$argon2id$")


def test_password_is_never_an_argument(cli, instance):
    r = cli("users", "create", "boss", "--password", "hunter2hunter2")
    assert r.code == 2 and "unrecognized arguments" in r.err
    r = cli("users", "create", "boss")  # no terminal in tests, no --password-stdin
    assert r.code == 2 and "--password-stdin" in r.err


def _rows(path):
    con = sqlite3.connect(path)
    try:
        out = {}
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            out[name] = sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        return out
    finally:
        con.close()


def _populate(make_web_app, url=None):
    from webauth import make_user

    app = make_web_app(url, signed_in=False, WTF_CSRF_ENABLED=False)
    user = make_user(app, "anna")
    from webauth import sign_in

    c = app.test_client()
    sign_in(c, user)
    for h in ("One", "Two"):
        assert c.post("/api/releases", json={"payload": {"headline": h, "language": "en"}}).status_code == 201
    import base64

    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==")
    import io

    r = c.post("/releases/logo", data={"file": (io.BytesIO(png), "logo.png")}, content_type="multipart/form-data")
    assert r.status_code == 200, r.text
    return app


PREVIOUS_HEAD = "5e1d7c0a9b21"  # the schema before accounts


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_upgrade_from_the_schema_before_accounts(db, tmp_path, request):
    """A database made by the previous version (migrated to its head, with a release, its history,
    a logo and a dictionary word) upgrades: everything belongs to the default organisation."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app.web import MIGRATIONS_DIR, create_app
    from app.web.extensions import db as sa_db

    url = request.getfixturevalue("postgres_url") if db == "postgresql" else f"sqlite:///{tmp_path / 'old.db'}"
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "inst"), "SECRET_KEY": "x",
                      "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR, revision=PREVIOUS_HEAD)
        with sa_db.engine.begin() as conn:
            conn.execute(text("INSERT INTO releases (id, title, language, payload, version, search_text, created_at, "
                              "updated_at) VALUES (1, 'Old news', 'en', '{\"headline\": \"Old news\"}', 3, 'old news', "
                              "'2026-11-01 10:00:00', '2026-11-02 10:00:00')"))
            for v in (1, 2, 3):
                conn.execute(text("INSERT INTO release_versions (release_id, version, kind, title, payload, created_at) "
                                  "VALUES (1, :v, 'save', 'Old news', '{}', '2026-11-01 10:00:00')"), {"v": v})
            conn.execute(text("INSERT INTO logo_images (id, mimetype, data, created_at) VALUES "
                              "(:i, 'image/png', :d, '2026-11-01 10:00:00')"), {"i": "a" * 64, "d": b"\x89PNG"})
            conn.execute(text("INSERT INTO dictionary_words (organisation_id, word, created_at) VALUES "
                              "(NULL, 'Pressroom', '2026-11-01 10:00:00')"))
        upgrade(directory=MIGRATIONS_DIR)
        with sa_db.engine.connect() as conn:
            org = conn.execute(text("SELECT id, name, public_id FROM organisations")).one()
            assert org.name == "Default organisation" and len(org.public_id) >= 20
            rel = conn.execute(text("SELECT title, version, org_id, state, public_id FROM releases")).one()
            assert (rel.title, rel.version, rel.org_id, rel.state) == ("Old news", 3, org.id, "draft")
            assert rel.public_id and not rel.public_id.isdigit()
            assert conn.execute(text("SELECT count(*) FROM release_versions")).scalar_one() == 3
            assert conn.execute(text("SELECT org_id FROM logo_owners")).scalar_one() == org.id
            assert conn.execute(text("SELECT organisation_id FROM dictionary_words")).scalar_one() == org.id
        # and the app shows it to a member of the default organisation
        from webauth import SignedInClient, make_user

        app.config["TEST_SIGNED_IN"] = make_user(app, "anna").get_id()
        app.test_client_class = SignedInClient
        listing = app.test_client().get("/api/releases").json["releases"]
        assert [r["title"] for r in listing] == ["Old news"] and listing[0]["id"] == rel.public_id
