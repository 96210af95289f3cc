"""Database models: releases (JSON payload, optimistic version counter, soft delete), their history,
and uploaded drafts kept for a day so the check page can offer its downloads."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.web.extensions import db


def utcnow() -> datetime:
    """Naive UTC (the same on SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Release(db.Model):
    __tablename__ = "releases"
    # an organisation's releases newest first, a page at a time (migration b4d1e6f2a907, issue 13)
    __table_args__ = (Index("ix_releases_org_updated", "org_id", "updated_at", "id"),
                      Index("ix_releases_org_created", "org_id", "created_at", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="ru")
    payload: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    # Optimistic concurrency: every save must name the version it was based on.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # A key the browser made for a new release: a second "create" with it (a beacon and a restored
    # backup after a reload) saves into the same release instead of making a duplicate.
    client_key: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True, index=True)
    # The browser tab that wrote the current version: its own later saves are never a conflict.
    written_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Check preferences of this release: {"ignored": [finding ids], "rules_off": [rule ids]}.
    prefs: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # Accounts (issue 15): the owning organisation, the id used in URLs, the review state
    # (draft, submitted, changes_requested, approved, published: transitions in the review workflow).
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), nullable=True, index=True)
    public_id: Mapped[str] = mapped_column(String(32), nullable=False, unique=True, default=lambda: new_public_id())
    state: Mapped[str] = mapped_column(String(32), nullable=False, default="draft")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    versions: Mapped[list["ReleaseVersion"]] = relationship(
        back_populates="release", cascade="all, delete-orphan", order_by="ReleaseVersion.id.desc()")

    def to_dict(self, payload: bool = True) -> dict:
        out = {
            "id": self.public_id,
            "title": self.title,
            "state": self.state,
            "language": self.language,
            "version": self.version,
            "created_at": self.created_at.isoformat() + "Z",
            "updated_at": self.updated_at.isoformat() + "Z",
            "deleted": self.deleted_at is not None,
        }
        if payload:
            out["payload"] = self.payload
        return out


class ReleaseVersion(db.Model):
    """A snapshot for the history. Autosaves coalesce into one snapshot per few minutes."""

    __tablename__ = "release_versions"
    __table_args__ = (Index("ix_release_versions_release_id", "release_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="save")
    title: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    payload: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    release: Mapped[Release] = relationship(back_populates="versions")

    def to_dict(self, payload: bool = False) -> dict:
        out = {"id": self.id, "version": self.version, "kind": self.kind, "title": self.title,
               "created_at": self.created_at.isoformat() + "Z"}
        if payload:
            out["payload"] = self.payload
        return out


class CheckedDraft(db.Model):
    """An uploaded or pasted draft, kept for a day so its reports and fixed files can be downloaded."""

    __tablename__ = "checked_drafts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    fmt: Mapped[str] = mapped_column(String(8), nullable=False)
    language: Mapped[str] = mapped_column(String(8), nullable=False, default="auto")
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=True)


class LogoImage(db.Model):
    """A partner logo uploaded through the form (PNG/JPEG), addressed by its SHA-256."""

    __tablename__ = "logo_images"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mimetype: Mapped[str] = mapped_column(String(32), nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class DictionaryWord(db.Model):
    """A word the organisation's dictionary accepts (spelling checks on the web skip it)."""

    __tablename__ = "dictionary_words"
    __table_args__ = (UniqueConstraint("organisation_id", "word", name="uq_dictionary_words_org_word"),
                      Index("ix_dictionary_words_organisation_id", "organisation_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), nullable=True)
    word: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


# ----- accounts (issue 15) ---------------------------------------------------------------------------
def new_public_id() -> str:
    """A non-guessable id for URLs (128 random bits, URL-safe)."""
    import secrets

    return secrets.token_urlsafe(16)


ORG_KINDS = ("partner", "delegation")
ROLES = ("author", "reviewer", "admin")


class Organisation(db.Model):
    """An implementing partner (writes releases) or an EU Delegation (reviews partners' releases)."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), nullable=False, unique=True, default=new_public_id)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="partner")
    # Releases need the Delegation's approval before the final (unmarked) DOCX (issue 15, part B).
    requires_approval: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class OrgReview(db.Model):
    """The delegation organisation ``reviewer_org_id`` reviews the partner ``partner_org_id``."""

    __tablename__ = "org_reviews"

    reviewer_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    partner_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)


class User(db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), nullable=False, unique=True, default=new_public_id)
    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)  # argon2id; None: no password sign-in
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False, default="author")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # Sessions carry this number; raising it (password reset, disable, "sign out everywhere") ends them all.
    session_epoch: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # Room for single sign-on: the OpenID Connect issuer and subject this account is linked to.
    external_issuer: Mapped[str | None] = mapped_column(String(255), nullable=True)
    external_subject: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    org: Mapped[Organisation] = relationship()

    # Flask-Login's user protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return bool(self.active)

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.public_id}:{self.session_epoch}"


class ApiToken(db.Model):
    """A user's API token: only its SHA-256 is stored; the prefix identifies it in lists."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), nullable=False, unique=True, default=new_public_id)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    user: Mapped[User] = relationship()


class Invitation(db.Model):
    """An invitation link: whoever opens it before it expires creates one account in org with role."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), nullable=False, unique=True, default=new_public_id)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False, default="author")
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    org: Mapped[Organisation] = relationship()


class AuditEvent(db.Model):
    """Append-only: the app has no code path that updates or deletes a row (see app.web.access.audit)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # no FK: the log outlives accounts
    username: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    org_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    target: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    ip: Mapped[str] = mapped_column(String(64), nullable=False, default="")


class Notification(db.Model):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    text: Mapped[str] = mapped_column(String(500), nullable=False)
    link: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    read_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class LogoOwner(db.Model):
    """Which organisation uploaded a logo (the image is stored once, by its SHA-256)."""

    __tablename__ = "logo_owners"

    logo_id: Mapped[str] = mapped_column(ForeignKey("logo_images.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
