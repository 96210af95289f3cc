"""Who may see and do what: the one place the web app asks (issue 15). Stable interface; the
review workflow (part B) extends it.

Principal: ``current()`` is the signed-in user (a session, or an API token on /api and /v2), or
None. A user has ``org_id`` and ``role`` (author, reviewer, admin); an organisation is a partner
or a delegation; ``org_reviews`` says which delegation reviews which partners.

Functions (names are stable):

- ``current()`` -> User | None; ``current_org_id()`` -> int | None.
- ``visible_releases_query(include_deleted=False, user=None)`` -> a ``select(Release)`` of the
  releases the user may see: those of the own organisation; for a reviewer also those of the
  organisations the delegation reviews whose ``state`` is not ``draft`` (REVIEWABLE_STATES).
- ``can_view(release, user=None)``, ``can_edit(release, user=None)`` (own organisation; not a
  reviewer of another one), ``can_review(release, user=None)`` (a reviewer of a delegation that
  reviews the release's organisation, release not in draft), ``can_delete`` = can_edit.
- ``get_release(public_id, include_deleted=False, need="view")`` -> Release or 404 (never 403: a
  release one may not see does not exist for them). need: "view", "edit" or "review".
- ``require_role(*roles)`` view decorator (403 for the wrong role, sign-in for anonymous).
- ``audit(action, target="", detail="", user=None, org_id=None)`` appends an AuditEvent
  (who, when, from which address); nothing updates or deletes one.
- ``notify(user_ids, text, link="")`` adds a Notification per user (badge + /notifications).
- ``reviewers_of(org_id)`` -> ids of the active reviewers whose delegation reviews org_id;
  ``members_of(org_id, roles=None)`` -> ids of the organisation's active users.

Release.state is a string column, default "draft"; STATES lists the values the workflow uses.
"""
from __future__ import annotations

import functools
from typing import Iterable

from flask import abort, g, has_request_context, request
from sqlalchemy import and_, false, or_, select

from app.web.extensions import db
from app.web.models import AuditEvent, Notification, Organisation, OrgReview, Release, User

STATES = ("draft", "submitted", "changes_requested", "approved", "published")
# States in which the reviewing delegation sees a release (everything but the author's draft).
REVIEWABLE_STATES = ("submitted", "changes_requested", "approved", "published")


def current() -> User | None:
    """The signed-in user of this request (session or API token), or None."""
    if not has_request_context():
        return None
    from flask_login import current_user

    user = current_user._get_current_object() if current_user else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def current_org_id() -> int | None:
    user = current()
    return user.org_id if user is not None else None


def _user(user):
    return current() if user is None else user


def reviewed_org_ids(user=None) -> list[int]:
    """Partner organisations whose submitted releases this user reviews (reviewers only)."""
    user = _user(user)
    if user is None or user.role != "reviewer":
        return []
    cache = g.setdefault("_reviewed_orgs", {}) if has_request_context() else {}
    key = (user.org_id,)
    if key not in cache:
        org = db.session.get(Organisation, user.org_id)
        cache[key] = [] if org is None or org.kind != "delegation" else list(db.session.execute(
            select(OrgReview.partner_org_id).where(OrgReview.reviewer_org_id == user.org_id)).scalars())
    return cache[key]


def visible_clause(user=None):
    """The SQL condition on Release for what ``user`` may see (false() for nobody)."""
    user = _user(user)
    if user is None:
        return false()
    own = Release.org_id == user.org_id
    partners = reviewed_org_ids(user)
    if partners:
        return or_(own, and_(Release.org_id.in_(partners), Release.state.in_(REVIEWABLE_STATES)))
    return own


def visible_releases_query(include_deleted: bool = False, user=None):
    stmt = select(Release).where(visible_clause(user))
    if not include_deleted:
        stmt = stmt.where(Release.deleted_at.is_(None))
    return stmt


def can_view(release: Release, user=None) -> bool:
    user = _user(user)
    if user is None or release is None:
        return False
    if release.org_id == user.org_id:
        return True
    return release.org_id in reviewed_org_ids(user) and release.state in REVIEWABLE_STATES


def can_edit(release: Release, user=None) -> bool:
    """Change, delete, duplicate, restore: members of the release's own organisation."""
    user = _user(user)
    return user is not None and release is not None and release.org_id == user.org_id


can_delete = can_edit


def can_review(release: Release, user=None) -> bool:
    """Comment, request changes, approve: a reviewer of a delegation reviewing the release's organisation."""
    user = _user(user)
    return (user is not None and release is not None and user.role == "reviewer"
            and release.org_id in reviewed_org_ids(user) and release.state in REVIEWABLE_STATES)


_NEEDS = {"view": can_view, "edit": can_edit, "review": can_review}


def get_release(public_id: str, include_deleted: bool = False, need: str = "view") -> Release:
    """The release with this public id if the user may ``need`` it, else 404 (no existence leak)."""
    if not isinstance(public_id, str) or not 0 < len(public_id) <= 32:
        abort(404)
    r = db.session.execute(select(Release).where(Release.public_id == public_id)).scalar_one_or_none()
    if r is None or (r.deleted_at is not None and not include_deleted) or not _NEEDS[need](r):
        abort(404, description="This release does not exist or was deleted.")
    return r


def find_release(public_id: str, include_deleted: bool = False, need: str = "view") -> Release | None:
    """Like get_release, None instead of 404 (for the JSON API's own error body)."""
    from werkzeug.exceptions import NotFound

    try:
        return get_release(public_id, include_deleted, need)
    except NotFound:
        return None


def logo_visible(logo_id: str, user=None) -> bool:
    """An uploaded logo: visible to its organisations and to the reviewers of those."""
    from app.web.models import LogoOwner

    user = _user(user)
    if user is None:
        return False
    orgs = [user.org_id] + reviewed_org_ids(user)
    return db.session.execute(select(LogoOwner.logo_id).where(LogoOwner.logo_id == logo_id,
                                                              LogoOwner.org_id.in_(orgs))).first() is not None


def require_role(*roles: str):
    """Decorator: the signed-in user must have one of ``roles`` (none given: any signed-in user)."""
    def deco(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            user = current()
            if user is None:
                abort(401)
            if roles and user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return deco


def client_ip() -> str:
    return (request.remote_addr or "")[:64] if has_request_context() else ""


def audit(action: str, target: str = "", detail: str = "", user=None, org_id: int | None = None,
          username: str | None = None, commit: bool = True) -> AuditEvent:
    """Append one event to the audit log (who, when, what, from where)."""
    user = _user(user)
    ev = AuditEvent(action=action[:64], target=(target or "")[:200], detail=(detail or "")[:4000],
                    user_id=getattr(user, "id", None),
                    username=(username if username is not None else getattr(user, "username", "")) or "",
                    org_id=org_id if org_id is not None else getattr(user, "org_id", None), ip=client_ip())
    db.session.add(ev)
    if commit:
        db.session.commit()
    return ev


def notify(user_ids: Iterable[int], text: str, link: str = "") -> int:
    """One unread notification per user id (duplicates ignored); returns how many were added.
    E-mail is sent too when SMTP is configured (PRESSROOM_SMTP_HOST)."""
    ids = sorted({int(u) for u in user_ids if u is not None})
    for uid in ids:
        db.session.add(Notification(user_id=uid, text=(text or "")[:500], link=(link or "")[:500]))
    db.session.commit()
    _mail_notifications(ids, text, link)
    return len(ids)


def _mail_notifications(ids: list[int], text: str, link: str) -> None:
    from flask import current_app, has_app_context

    if not ids or not has_app_context() or not current_app.config.get("SMTP_HOST"):
        return
    from app.web.accounts import send_mail

    base = request.host_url.rstrip("/") if has_request_context() else ""
    body = text + (f"\n\n{base}{link}" if link.startswith("/") else (f"\n\n{link}" if link else "")) + "\n"
    for user in db.session.execute(select(User).where(User.id.in_(ids), User.active.is_(True))).scalars():
        if not user.email:
            continue
        try:
            send_mail(user.email, "Pressroom: " + text[:80], body, current_app.config)
        except OSError as e:  # the notification is in the app anyway
            current_app.logger.warning("notification e-mail to user %s not sent: %s", user.id, e)


def unread_count(user=None) -> int:
    from sqlalchemy import func

    user = _user(user)
    if user is None or not getattr(user, "id", None):
        return 0
    return db.session.execute(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))).scalar_one()


def reviewers_of(org_id: int) -> list[int]:
    """Active reviewers of the delegations that review organisation ``org_id``."""
    return list(db.session.execute(
        select(User.id).join(OrgReview, OrgReview.reviewer_org_id == User.org_id)
        .where(OrgReview.partner_org_id == org_id, User.role == "reviewer", User.active.is_(True))).scalars())


def members_of(org_id: int, roles: Iterable[str] | None = None) -> list[int]:
    stmt = select(User.id).where(User.org_id == org_id, User.active.is_(True))
    if roles:
        stmt = stmt.where(User.role.in_(list(roles)))
    return list(db.session.execute(stmt).scalars())
