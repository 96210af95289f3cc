"""Database behaviour on SQLite and on a real PostgreSQL server: migrations from empty, autosave,
conflicts (never a silent overwrite), history and restore, soft delete with undo."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from app.web.extensions import db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_app(request, make_web_app):
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        return make_web_app(url, WTF_CSRF_ENABLED=False)
    return make_web_app(WTF_CSRF_ENABLED=False)


def test_migrations_from_empty(db_app):
    with db_app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert {"releases", "release_versions", "checked_drafts", "logo_images", "alembic_version"} <= tables
        head = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert head
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"
    assert db_app.test_client().get("/healthz").json["database"] == "ok"


def _form(rid="", version="", **fields):
    data = {"release_id": rid, "version": version, "language": "ru"}
    data.update(fields)
    return data


def test_autosave_creates_then_updates(db_app):
    c = db_app.test_client()
    r = c.post("/releases/autosave", data=_form(headline="Первый вариант"))
    assert r.status_code == 200
    rid, v = r.json["id"], r.json["version"]
    assert v == 1
    r = c.post("/releases/autosave", data=_form(rid, v, headline="Второй вариант", lead="Лид"))
    assert r.status_code == 200 and r.json["version"] == 2
    got = c.get(f"/api/releases/{rid}").json
    assert got["payload"]["headline"] == "Второй вариант" and got["payload"]["lead"] == "Лид"


def test_two_tabs_conflict_is_never_a_silent_overwrite(db_app):
    c = db_app.test_client()
    rid = c.post("/releases/autosave", data=_form(headline="Base")).json["id"]
    tab_a = c.post("/releases/autosave", data=_form(rid, 1, headline="Tab A"))
    assert tab_a.status_code == 200
    tab_b = c.post("/releases/autosave", data=_form(rid, 1, headline="Tab B"))  # still based on version 1
    assert tab_b.status_code == 409
    body = tab_b.json
    assert body["current"]["payload"]["headline"] == "Tab A" and body["current"]["version"] == 2
    assert body["yours"]["headline"] == "Tab B"
    assert c.get(f"/api/releases/{rid}").json["payload"]["headline"] == "Tab A"
    # resolving: keep mine, based on the version the conflict named
    r = c.post("/releases/autosave", data=_form(rid, body["current"]["version"], headline="Tab B", kind="save"))
    assert r.status_code == 200 and r.json["version"] == 3
    assert c.get(f"/api/releases/{rid}").json["payload"]["headline"] == "Tab B"


def test_api_conflict(db_app):
    c = db_app.test_client()
    rid = c.post("/api/releases", json={"payload": {"headline": "A"}}).json["id"]
    assert c.put(f"/api/releases/{rid}", json={"payload": {"headline": "B"}, "version": 1}).status_code == 200
    r = c.put(f"/api/releases/{rid}", json={"payload": {"headline": "C"}, "version": 1})
    assert r.status_code == 409 and r.json["current"]["payload"]["headline"] == "B" and r.json["yours"]["headline"] == "C"


def test_no_js_form_conflict_offers_both_versions(db_app):
    c = db_app.test_client()
    rid = c.post("/api/releases", json={"payload": {"headline": "Theirs v1"}}).json["id"]
    c.put(f"/api/releases/{rid}", json={"payload": {"headline": "Theirs v2"}, "version": 1})
    r = c.post(f"/releases/{rid}/edit", data=_form(str(rid), "1", headline="Mine", action="save"))
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert 'value="Mine"' in page and "Theirs v2" in page and 'value="overwrite"' in page
    r = c.post(f"/releases/{rid}/edit", data=_form(str(rid), "1", headline="Mine", action="overwrite", current_version="2"))
    assert r.status_code == 303
    assert c.get(f"/api/releases/{rid}").json["payload"]["headline"] == "Mine"


def test_history_and_restore(db_app):
    c = db_app.test_client()
    rid = c.post("/api/releases", json={"payload": {"headline": "One"}}).json["id"]
    c.put(f"/api/releases/{rid}", json={"payload": {"headline": "Two"}, "version": 1, "kind": "save"})
    c.put(f"/api/releases/{rid}", json={"payload": {"headline": "Three"}, "version": 2, "kind": "save"})
    versions = c.get(f"/api/releases/{rid}/versions").json["versions"]
    assert [v["title"] for v in versions] == ["Three", "Two", "One"]
    first = versions[-1]["id"]
    page = c.get(f"/releases/{rid}/history").get_data(as_text=True)
    assert "Restore this version" in page
    r = c.post(f"/releases/{rid}/restore/{first}")
    assert r.status_code == 303
    got = c.get(f"/api/releases/{rid}").json
    assert got["payload"]["headline"] == "One" and got["version"] == 4
    assert c.get(f"/api/releases/{rid}/versions").json["versions"][0]["kind"] == "restore"


def test_autosaves_coalesce_in_history(db_app):
    c = db_app.test_client()
    rid = c.post("/api/releases", json={"payload": {"headline": "v1"}}).json["id"]
    for i in range(2, 7):
        assert c.put(f"/api/releases/{rid}", json={"payload": {"headline": f"v{i}"}, "version": i - 1, "kind": "autosave"}).status_code == 200
    versions = c.get(f"/api/releases/{rid}/versions").json["versions"]
    assert len(versions) == 2 and versions[0]["title"] == "v6" and versions[0]["version"] == 6


def test_soft_delete_undo_and_duplicate(db_app):
    c = db_app.test_client()
    rid = c.post("/api/releases", json={"payload": {"headline": "Keep me"}}).json["id"]
    dup = c.post(f"/api/releases/{rid}/duplicate")
    assert dup.status_code == 201 and dup.json["payload"]["headline"] == "Keep me"
    assert c.delete(f"/api/releases/{rid}").status_code == 200
    assert c.get(f"/api/releases/{rid}").status_code == 404
    assert rid in [r["id"] for r in c.get("/api/releases?deleted=true").json["releases"]]
    assert c.post(f"/api/releases/{rid}/undelete").status_code == 200
    assert c.get(f"/api/releases/{rid}").json["payload"]["headline"] == "Keep me"


def test_unicode_search_on_both_databases(db_app):
    c = db_app.test_client()
    c.post("/api/releases", json={"payload": {"headline": "Европейский Союз поддержал Форум"}})
    c.post("/api/releases", json={"payload": {"headline": "Solar panels"}})
    titles = [r["title"] for r in c.get("/api/releases", query_string={"q": "ФОРУМ"}).json["releases"]]
    assert titles == ["Европейский Союз поддержал Форум"]
    titles = [r["title"] for r in c.get("/api/releases", query_string={"q": "50%_"}).json["releases"]]
    assert titles == []
