"""Database models of the Delegation's review (issue 15 part B): frozen submissions, review comments
(anchored to a field span of a submitted version, with an optional proposed replacement, replies)
and approvals (who approved which version when, and when it went out)."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.web.extensions import db
from app.web.models import utcnow


def payload_hash(payload: dict) -> str:
    """The identity of a version's content (an approval is for exactly this text)."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


class Submission(db.Model):
    """A version frozen when the author submitted it: the reviewer sees exactly this."""

    __tablename__ = "review_submissions"
    __table_args__ = (Index("ix_review_submissions_release_id", "release_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)  # 1, 2, ... per release
    version: Mapped[int] = mapped_column(Integer, nullable=False)  # the release's version counter then
    title: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    payload: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    payload_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    submitted_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    submitted_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)  # changes_requested | approved
    decided_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # the reviewer's message with the decision


class ReviewComment(db.Model):
    """A reviewer's comment on a field (start/end None) or on [start, end) of its text in the
    submission it was made on; ``replacement`` is a proposed text for that span. Replies have a parent."""

    __tablename__ = "review_comments"
    __table_args__ = (Index("ix_review_comments_release_id", "release_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    submission_id: Mapped[int] = mapped_column(ForeignKey("review_submissions.id", ondelete="CASCADE"), nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("review_comments.id", ondelete="CASCADE"), nullable=True)
    author_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    field: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quote: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prefix: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    suffix: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    replacement: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(String(16), nullable=False, default="review")  # review | upload
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="open")  # open | accepted | resolved
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    resolved_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    replies: Mapped[list["ReviewComment"]] = relationship(order_by="ReviewComment.id", cascade="all, delete-orphan")

    def anchor(self):
        from app.review.anchors import Anchor

        return Anchor(self.field, self.start, self.end, self.quote, self.prefix, self.suffix)


class Approval(db.Model):
    """Who approved which version when; when it was published (the date it went out)."""

    __tablename__ = "review_approvals"
    __table_args__ = (Index("ix_review_approvals_release_id", "release_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    submission_id: Mapped[int] = mapped_column(ForeignKey("review_submissions.id", ondelete="CASCADE"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    payload_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    approved_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approved_by_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    approved_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    published_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    submission: Mapped[Submission] = relationship()
