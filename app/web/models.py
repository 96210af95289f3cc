"""Database models: releases (JSON payload, optimistic version counter, soft delete), their history,
and uploaded drafts kept for a day so the check page can offer its downloads."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.web.extensions import db


def utcnow() -> datetime:
    """Naive UTC (the same on SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Release(db.Model):
    __tablename__ = "releases"

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

    versions: Mapped[list["ReleaseVersion"]] = relationship(
        back_populates="release", cascade="all, delete-orphan", order_by="ReleaseVersion.id.desc()")

    def to_dict(self, payload: bool = True) -> dict:
        out = {
            "id": self.id,
            "title": self.title,
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
    organisation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # FK once organisations exist
    word: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
