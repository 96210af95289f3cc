"""Release persistence: optimistic concurrency, history, duplicate, soft delete with undo.

Every write names the version it was based on. A save based on a stale version raises Conflict
carrying the stored release, so the caller can offer both versions; nothing is silently overwritten.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import defer

from app.web.extensions import db
from app.web.models import Release, ReleaseVersion, utcnow

# Autosaves within this window update the latest autosave snapshot instead of adding a new one.
AUTOSAVE_COALESCE = timedelta(minutes=5)
SORTS = {
    "updated": (Release.updated_at.desc(),),
    "created": (Release.created_at.desc(),),
    "title": (Release.title.asc(),),
    "oldest": (Release.updated_at.asc(),),
}


class NotFound(LookupError):
    pass


class Conflict(Exception):
    def __init__(self, current: Release):
        super().__init__(f"release {current.id} was changed elsewhere (now version {current.version})")
        self.current = current


def _text(v: Any) -> str:
    return v.strip() if isinstance(v, str) else ""


def title_of(payload: dict) -> str:
    return _text(payload.get("headline"))[:500]


def language_of(payload: dict) -> str:
    lang = payload.get("language")
    return lang if lang in ("ru", "en") else "ru"


def search_text_of(payload: dict) -> str:
    parts = [payload.get(k) for k in ("headline", "subheadline", "lead", "city", "label", "organisation")]
    for p in payload.get("projects") or []:
        if isinstance(p, dict):
            parts.append(p.get("name"))
    return " ".join(_text(p) for p in parts if _text(p)).casefold()


def clean(value: Any) -> Any:
    """The payload as every database stores it alike: NUL removed (PostgreSQL refuses it, SQLite
    keeps it), lone surrogates replaced (not encodable). Iterative: no recursion on deep data."""
    def fix(s: str) -> str:
        s = s.replace("\x00", "")
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:
            s = s.encode("utf-8", "replace").decode("utf-8")
        return s

    if isinstance(value, str):
        return fix(value)
    root = [value]
    stack = [(root, 0)]
    while stack:
        container, key = stack.pop()
        item = container[key]
        if isinstance(item, str):
            container[key] = fix(item)
        elif isinstance(item, dict):
            new = {fix(k) if isinstance(k, str) else k: v for k, v in item.items()}
            container[key] = new
            stack.extend((new, k) for k in new)
        elif isinstance(item, list):
            new = list(item)
            container[key] = new
            stack.extend((new, i) for i in range(len(new)))
    return root[0]


def _apply(release: Release, payload: dict) -> None:
    release.payload = payload
    release.title = title_of(payload)
    release.language = language_of(payload)
    release.search_text = search_text_of(payload)


MAX_ID = 2**31 - 1  # INTEGER on PostgreSQL


def get(release_id: int, include_deleted: bool = False) -> Release:
    if not 0 < release_id <= MAX_ID:
        raise NotFound(f"release {release_id} not found")
    r = db.session.get(Release, release_id)
    if r is None or (r.deleted_at is not None and not include_deleted):
        raise NotFound(f"release {release_id} not found")
    return r


def _org(org_id):
    if org_id is None:
        from app.web.tenancy import current_organisation_id

        org_id = current_organisation_id()
    return org_id


def by_client_key(client_key: str | None, org_id: int | None = None) -> Release | None:
    """The organisation's release made with this client key (another organisation's: None)."""
    if not client_key:
        return None
    r = db.session.execute(select(Release).where(Release.client_key == client_key[:64])).scalar_one_or_none()
    if r is not None and r.org_id != _org(org_id):
        return None
    return r


def create(payload: dict, kind: str = "created", client_key: str | None = None, client: str | None = None,
           org_id: int | None = None, user_id: int | None = None) -> Release:
    """A new release of organisation org_id (default: the signed-in user's); with client_key, a
    second create with the same key saves into the first one (a beacon sent on page hide and the
    backup restored after the reload make one release)."""
    payload = clean(payload)
    org_id = _org(org_id)
    existing = by_client_key(client_key, org_id)
    if client_key and existing is None and db.session.execute(
            select(Release.id).where(Release.client_key == client_key[:64])).first() is not None:
        client_key = None  # another organisation's key: never theirs to write into, and not a duplicate key
    if existing is not None:
        if existing.deleted_at is not None:
            raise NotFound(f"release {existing.id} was deleted")
        if existing.payload == payload:
            return existing
        return save(existing.id, payload, existing.version if existing.written_by == client else -1, kind="autosave",
                    client=client)
    if user_id is None:
        from app.web.access import current

        user_id = getattr(current(), "id", None)
    r = Release(version=1, org_id=org_id, created_by_id=user_id, client_key=(client_key or None) and client_key[:64], written_by=(client or None) and client[:64])
    _apply(r, payload)
    db.session.add(r)
    db.session.flush()
    db.session.add(ReleaseVersion(release_id=r.id, version=1, kind=kind, title=r.title, payload=payload))
    db.session.commit()
    return r


def save(release_id: int, payload: dict, expected_version: int, kind: str = "autosave", client: str | None = None) -> Release:
    """Store payload if the release is still at expected_version; else raise Conflict. A version
    the same client (browser tab) wrote is never a conflict: its later edits simply follow it."""
    payload = clean(payload)
    if not 0 < release_id <= MAX_ID:  # beyond INTEGER: the database driver would fail, not find nothing
        raise NotFound(f"release {release_id} not found")
    if not -MAX_ID <= expected_version <= MAX_ID:
        expected_version = -1  # matches no stored version: a Conflict, never an overflow
    now = utcnow()
    client = (client or None) and client[:64]
    if client:
        cur = db.session.execute(select(Release.version, Release.written_by).where(Release.id == release_id)).first()
        if cur is not None and cur.version != expected_version and cur.written_by == client:
            expected_version = cur.version  # our own newer version (a beacon that landed first)
    res = db.session.execute(
        update(Release)
        .where(Release.id == release_id, Release.version == expected_version, Release.deleted_at.is_(None))
        .values(payload=payload, title=title_of(payload), language=language_of(payload),
                search_text=search_text_of(payload), version=Release.version + 1, updated_at=now,
                written_by=client)
        .execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:
        db.session.rollback()
        current = get(release_id)  # raises NotFound for a missing or deleted release
        db.session.refresh(current)
        raise Conflict(current)
    new_version = expected_version + 1
    last = db.session.execute(
        select(ReleaseVersion).where(ReleaseVersion.release_id == release_id)
        .order_by(ReleaseVersion.id.desc()).limit(1)
    ).scalar_one_or_none()
    if kind == "autosave" and last is not None and last.kind == "autosave" and now - last.created_at < AUTOSAVE_COALESCE:
        last.payload = payload
        last.version = new_version
        last.title = title_of(payload)
    else:
        db.session.add(ReleaseVersion(release_id=release_id, version=new_version, kind=kind,
                                      title=title_of(payload), payload=payload, created_at=now))
    db.session.commit()
    r = get(release_id)
    db.session.refresh(r)
    return r


def set_prefs(release_id: int, prefs: dict) -> Release:
    r = get(release_id)
    r.prefs = {"ignored": sorted(set(prefs.get("ignored") or []))[:500],
               "rules_off": sorted(set(prefs.get("rules_off") or []))[:200]}
    db.session.commit()
    return r


def history(release_id: int) -> list[ReleaseVersion]:
    get(release_id)
    return list(db.session.execute(
        select(ReleaseVersion).where(ReleaseVersion.release_id == release_id).order_by(ReleaseVersion.id.desc())
    ).scalars())


def restore(release_id: int, snapshot_id: int, expected_version: int) -> Release:
    if not 0 < snapshot_id <= MAX_ID:
        raise NotFound(f"version {snapshot_id} of release {release_id} not found")
    snap = db.session.get(ReleaseVersion, snapshot_id)
    if snap is None or snap.release_id != release_id:
        raise NotFound(f"version {snapshot_id} of release {release_id} not found")
    return save(release_id, dict(snap.payload), expected_version, kind="restore")


def duplicate(release_id: int, copy_suffix: str = "") -> Release:
    src = get(release_id)
    payload = dict(src.payload)
    if copy_suffix and isinstance(payload.get("headline"), str):
        payload["headline"] = payload["headline"] + copy_suffix
    return create(payload, kind="duplicate", org_id=src.org_id)


def delete(release_id: int) -> Release:
    r = get(release_id)
    r.deleted_at = utcnow()
    db.session.commit()
    return r


def undelete(release_id: int) -> Release:
    r = get(release_id, include_deleted=True)
    r.deleted_at = None
    db.session.commit()
    return r


def listing(q: str = "", sort: str = "updated", deleted: bool = False, limit: int = 500, where=None,
            offset: int = 0) -> list[Release]:
    """Releases matching q; ``where``: the caller's scope (app.web.access.visible_clause())."""
    stmt = select(Release)
    if where is not None:
        stmt = stmt.where(where)
    stmt = stmt.where(Release.deleted_at.is_not(None) if deleted else Release.deleted_at.is_(None))
    q = clean(q or "").strip().casefold()
    if q:
        for word in q.split()[:10]:
            like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(Release.search_text.like(like, escape="\\"))
    # a list shows titles, dates and versions: the payloads (the releases' whole content) and
    # their search text stay in the database (one query for the page, no per-row loads)
    stmt = stmt.options(defer(Release.payload), defer(Release.search_text), defer(Release.prefs))
    stmt = stmt.order_by(*SORTS.get(sort, SORTS["updated"]), Release.id.desc()).offset(max(0, offset)).limit(limit)
    return list(db.session.execute(stmt).scalars())
