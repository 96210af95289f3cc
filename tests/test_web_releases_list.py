"""The releases list (issue 13): a page at a time, the same number of queries whatever the number
of releases (no query per release), newest first through an index, payloads left in the database."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counted(app):
    from app.web.extensions import db

    with app.app_context():
        engine = db.engine
    seen: list[str] = []

    def before(_conn, _cursor, statement, *_a):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _make(client, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        r = client.post("/api/releases", json={"payload": {"headline": f"Release {i}", "language": "en",
                                                           "lead": "x" * 2000}})
        assert r.status_code == 201


def _select_queries(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_release_list_queries_do_not_grow_with_releases(web_app):
    client = web_app.test_client()
    client.get("/api/releases")  # the session's first request loads the signed-in user
    _make(client, 3)
    with counted(web_app) as few:
        assert len(client.get("/api/releases").json["releases"]) == 3
    _make(client, 27, 3)
    with counted(web_app) as many:
        assert len(client.get("/api/releases").json["releases"]) == 30
    assert len(_select_queries(many)) == len(_select_queries(few)) <= 4
    listing = [s for s in many if "FROM releases" in s and "ORDER BY" in s]
    assert len(listing) == 1 and "payload" not in listing[0].split("FROM")[0]  # payloads stay in the database
    with counted(web_app) as page:
        html = client.get("/releases")
    assert html.status_code == 200 and "Release 29" in html.get_data(as_text=True)
    assert len(_select_queries(page)) <= len(_select_queries(many)) + 2


def test_release_list_pages_cover_everything_once(web_app):
    client = web_app.test_client()
    _make(client, 12)
    seen, offset, pages = [], 0, 0
    while offset is not None:
        body = client.get(f"/api/releases?limit=5&offset={offset}").json
        seen += [r["title"] for r in body["releases"]]
        offset, pages = body["next_offset"], pages + 1
    assert pages == 3 and seen == [f"Release {i}" for i in range(11, -1, -1)]  # newest first, no repeats
    assert client.get("/api/releases").json["next_offset"] is None
    for bad in ("0", "501", "-1", "x", "5.5"):
        r = client.get(f"/api/releases?limit={bad}")
        assert r.status_code == 400 and "limit" in r.json["error"]
    assert client.get("/api/releases?offset=-3").status_code == 400


def test_release_list_uses_an_index_for_newest_first(web_app):
    from sqlalchemy import text

    from app.web.extensions import db

    with web_app.app_context():
        plan = db.session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM releases WHERE org_id = 1 AND deleted_at IS NULL "
            "ORDER BY updated_at DESC, id DESC LIMIT 50")).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_releases_org_updated" in details and "TEMP B-TREE" not in details
