"""The review workflow behind the web pages: states, submissions, comments, approvals, downloads.

States (``Release.state``): draft -> submitted -> changes_requested -> submitted ... -> approved ->
published (with the date it went out). ``TRANSITIONS`` says who may make each step: the author
(``access.can_edit``) submits, resubmits and publishes; the reviewer (``access.can_review``)
requests changes or approves. Submitting freezes the release's payload into a ``Submission``: the
reviewer reads and comments on exactly that. Every step is audited (``access.audit``) and the other
side is notified (``notify``; e-mail too when the mail sender is configured).

An approval is for a content hash: when the author changes an approved release, the approval no
longer covers the text and, in an organisation that requires approval, downloads are marked DRAFT
again until the new version is approved.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _

from app.errors import PressroomError
from app.review.anchors import Outdated, apply_replacement, make_anchor, reanchor
from app.review.fields import field_text, field_texts, is_text_field, set_field
from app.web.extensions import db
from app.web.models import utcnow
from app.web.review_models import Approval, ReviewComment, Submission, payload_hash

DRAFT, SUBMITTED, CHANGES, APPROVED, PUBLISHED = "draft", "submitted", "changes_requested", "approved", "published"
STATES = (DRAFT, SUBMITTED, CHANGES, APPROVED, PUBLISHED)
# action: (states it starts from, state it leads to, who: author | reviewer)
TRANSITIONS = {
    "submit": ((DRAFT, CHANGES), SUBMITTED, "author"),
    "request_changes": ((SUBMITTED,), CHANGES, "reviewer"),
    "approve": ((SUBMITTED,), APPROVED, "reviewer"),
    "publish": ((APPROVED, DRAFT, CHANGES), PUBLISHED, "author"),
}
MAX_COMMENT = 5000
MAX_REPLACEMENT = 20000


class ReviewError(PressroomError):
    """A step that cannot be taken now; the message says why (shown to the user)."""


class NotAllowed(PressroomError):
    """The signed-in user may not take this step (403)."""


# ----- what PART A provides, in one place --------------------------------------------------------------
def _access():
    from app.web import access

    return access


def user():
    from flask_login import current_user

    return current_user


def user_id() -> int | None:
    u = user()
    return getattr(u, "id", None) if getattr(u, "is_authenticated", False) else None


def user_name(u=None) -> str:
    u = u if u is not None else user()
    if u is None or not getattr(u, "is_authenticated", False):
        return ""
    for attr in ("display_name", "name", "full_name", "username", "email"):
        v = getattr(u, attr, None)
        if isinstance(v, str) and v.strip():
            return v.strip()[:200]
    return ""


def state_of(release) -> str:
    """The review state, derived from the review's own records (so it cannot drift from them):
    no submission: draft; the latest submission undecided: submitted; its outcome otherwise;
    approved but changed since: draft again (it needs a new approval); published once the
    approval has the date it went out. ``Release.state`` (accounts) mirrors it (``_mirror``)."""
    sub = latest_submission(release)
    if sub is None:  # never submitted through the review: what the release says (default draft)
        s = getattr(release, "state", None)
        return s if s in (DRAFT, SUBMITTED, CHANGES) else DRAFT
    if sub.outcome is None:
        return SUBMITTED
    if sub.outcome == CHANGES:
        return CHANGES
    appr = db.session.scalars(db.select(Approval).where(Approval.submission_id == sub.id)).first()
    if appr is not None and appr.published_on is not None:
        return PUBLISHED
    if sub.outcome == APPROVED and payload_hash(release.payload) == sub.payload_sha256:
        return APPROVED
    return DRAFT


def _mirror(release) -> None:
    """Keep the release's own ``state`` column (accounts, issue 15 part A: who sees the release
    depends on it) equal to the review's."""
    release.state = state_of(release)
    db.session.commit()


def requires_approval(release) -> bool:
    """The release's organisation requires the Delegation's approval (``Organisation.requires_approval``)."""
    from app.web.models import Organisation

    org = db.session.get(Organisation, release.org_id) if getattr(release, "org_id", None) is not None else None
    return bool(org is not None and org.requires_approval)


def audit(action: str, release, detail: str) -> None:
    _access().audit(action, f"release:{release.id}", detail)


def notify(user_ids, text: str, link: str) -> None:
    ids = sorted({i for i in user_ids if i is not None and i != user_id()})
    if not ids:
        return
    _access().notify(ids, text, link)  # it also sends an e-mail when SMTP is configured


def reviewers_of(release) -> list[int]:
    """The reviewers of the delegation(s) that review the release's organisation."""
    return list(_access().reviewers_of(release.org_id)) if release.org_id is not None else []


def authors_of(release) -> list[int]:
    """The authors of the release's organisation and whoever submitted it."""
    ids = list(_access().members_of(release.org_id, roles=("author",))) if release.org_id is not None else []
    return ids + [s.submitted_by for s in submissions(release)]


# ----- reads -------------------------------------------------------------------------------------
def submissions(release) -> list[Submission]:
    return list(db.session.scalars(db.select(Submission).where(Submission.release_id == release.id)
                                   .order_by(Submission.number)))


def latest_submission(release) -> Submission | None:
    subs = submissions(release)
    return subs[-1] if subs else None


def approvals(release) -> list[Approval]:
    return list(db.session.scalars(db.select(Approval).where(Approval.release_id == release.id).order_by(Approval.id)))


def current_approval(release) -> Approval | None:
    """The approval that covers the release's current text (None: not approved as it is now)."""
    if state_of(release) not in (APPROVED, PUBLISHED):
        return None
    sha = payload_hash(release.payload)
    return next((a for a in reversed(approvals(release)) if a.payload_sha256 == sha), None)


def last_approval(release) -> Approval | None:
    a = approvals(release)
    return a[-1] if a else None


def marks_draft(release) -> bool:
    """Downloads of this release carry DRAFT: the organisation requires approval and the current
    text is not the approved one."""
    return requires_approval(release) and current_approval(release) is None


def marks_draft_payload(payload: dict) -> bool:
    """A release rendered from a payload sent to the API carries DRAFT when the user's organisation
    requires approval and this exact text is no approved version of one of its releases (the API
    must not be a way around the approval)."""
    from app.web.models import Organisation, Release

    org_id = _access().current_org_id()
    org = db.session.get(Organisation, org_id) if org_id is not None else None
    if org is None or not org.requires_approval:
        return False
    sha = payload_hash(payload)
    hit = db.session.execute(db.select(Approval.id).join(Release, Release.id == Approval.release_id)
                             .where(Release.org_id == org_id, Approval.payload_sha256 == sha)).first()
    return hit is None


def comments(release, submission: Submission | None = None) -> list[ReviewComment]:
    q = db.select(ReviewComment).where(ReviewComment.release_id == release.id, ReviewComment.parent_id.is_(None))
    if submission is not None:
        q = q.where(ReviewComment.submission_id <= submission.id)
    return list(db.session.scalars(q.order_by(ReviewComment.id)))


def comment_or_none(release, comment_id: int) -> ReviewComment | None:
    c = db.session.get(ReviewComment, comment_id)
    return c if c is not None and c.release_id == release.id else None


@dataclass
class Placed:
    """A comment as it stands against some text of its field."""

    comment: ReviewComment
    start: int | None
    end: int | None
    outdated: bool

    @property
    def can_accept(self) -> bool:
        c = self.comment
        return c.replacement is not None and c.status == "open" and not self.outdated


def place(comment: ReviewComment, payload: dict) -> Placed:
    text = field_text(payload, comment.field)
    a = reanchor(comment.anchor(), text)
    if a is None:
        return Placed(comment, None, None, True)
    return Placed(comment, a.start, a.end, False)


# ----- transitions -------------------------------------------------------------------------------------
def _check(action: str, release) -> str:
    starts, to, who = TRANSITIONS[action]
    access = _access()
    allowed = access.can_review(release) if who == "reviewer" else access.can_edit(release)
    if not allowed:
        raise NotAllowed(_("You may not do this with this release."))
    state = state_of(release)
    if state not in starts:
        raise ReviewError(_("This step is not possible now: the release is %(state)s.", state=state_label(state)))
    return to


def state_label(state: str) -> str:
    return {DRAFT: _("a draft"), SUBMITTED: _("submitted for review"), CHANGES: _("waiting for changes"),
            APPROVED: _("approved"), PUBLISHED: _("published")}.get(state, state)


def rid(release) -> str:
    """The release's id in URLs (its public id, not guessable)."""
    return release.public_id


def link(release) -> str:
    return url_for("review.page", release_id=rid(release))


def submit(release) -> Submission:
    to = _check("submit", release)
    prev = latest_submission(release)
    payload = dict(release.payload)
    sub = Submission(release_id=release.id, number=(prev.number + 1) if prev else 1, version=release.version,
                     title=release.title, payload=payload, payload_sha256=payload_hash(payload), submitted_by=user_id())
    db.session.add(sub)
    db.session.commit()
    _mirror(release)
    audit("review.submit", release, f"submission {sub.number}, version {sub.version}")
    notify(reviewers_of(release), _("Submitted for review: %(title)s", title=release.title or "—"), link(release))
    return sub


def _decide(release, action: str, note: str | None) -> Submission:
    to = _check(action, release)
    sub = latest_submission(release)
    if sub is None:
        raise ReviewError(_("Nothing was submitted."))
    sub.outcome, sub.decided_by, sub.decided_at = to, user_id(), utcnow()
    sub.note = (note or "").strip()[:MAX_COMMENT] or None
    return sub


def request_changes(release, note: str | None = None) -> Submission:
    sub = _decide(release, "request_changes", note)
    db.session.commit()
    _mirror(release)
    audit("review.request_changes", release, f"submission {sub.number}, version {sub.version}")
    notify(authors_of(release), _("Changes requested: %(title)s", title=release.title or "—"), link(release))
    return sub


def approve(release, note: str | None = None) -> Approval:
    sub = _decide(release, "approve", note)
    appr = Approval(release_id=release.id, submission_id=sub.id, version=sub.version, payload_sha256=sub.payload_sha256,
                    approved_by=user_id(), approved_by_name=user_name())
    db.session.add(appr)
    db.session.commit()
    _mirror(release)
    audit("review.approve", release, f"submission {sub.number}, version {sub.version}, sha256 {sub.payload_sha256[:12]}")
    notify(authors_of(release), _("Approved: %(title)s", title=release.title or "—"), link(release))
    return appr


def publish(release, on: dt.date) -> None:
    to = _check("publish", release)
    appr = current_approval(release)
    if appr is None and requires_approval(release):
        raise ReviewError(_("Only an approved version can be published: submit it for review first."))
    if appr is None:  # no approval needed: the publication is recorded on a self-made record
        sub = Submission(release_id=release.id, number=(latest_submission(release).number + 1) if latest_submission(release) else 1,
                         version=release.version, title=release.title, payload=dict(release.payload),
                         payload_sha256=payload_hash(release.payload), submitted_by=user_id(), outcome=PUBLISHED)
        db.session.add(sub)
        db.session.flush()
        appr = Approval(release_id=release.id, submission_id=sub.id, version=release.version,
                        payload_sha256=sub.payload_sha256, approved_by=None, approved_by_name="")
        db.session.add(appr)
    appr.published_on, appr.published_by, appr.published_at = on, user_id(), utcnow()
    db.session.commit()
    _mirror(release)
    audit("review.publish", release, f"version {appr.version}, went out on {on.isoformat()}")
    notify(reviewers_of(release), _("Published on %(date)s: %(title)s", date=on.isoformat(), title=release.title or "—"),
           link(release))


# ----- comments ----------------------------------------------------------------------------------------
def add_comment(release, field: str, start: int | None, end: int | None, body: str,
                replacement: str | None) -> ReviewComment:
    access = _access()
    if not access.can_review(release):
        raise NotAllowed(_("Only the reviewer comments on a submitted version."))
    sub = latest_submission(release)
    if sub is None or state_of(release) != SUBMITTED:
        raise ReviewError(_("Comments are made on a submitted version; this release is %(state)s.",
                            state=state_label(state_of(release))))
    text = field_text(sub.payload, field)
    if text is None:
        raise ReviewError(_("This field is not in the submitted version."))
    body = (body or "").strip()
    if replacement is not None and not is_text_field(field):
        raise ReviewError(_("A replacement can only be proposed for a text field."))
    if not body and replacement is None:
        raise ReviewError(_("Write a comment or propose a replacement."))
    if len(body) > MAX_COMMENT or (replacement and len(replacement) > MAX_REPLACEMENT):
        raise ReviewError(_("The comment is too long."))
    try:
        anchor = make_anchor(field, text, start, end)
    except ValueError:
        raise ReviewError(_("The selected text is not in this field; select it again.")) from None
    c = ReviewComment(release_id=release.id, submission_id=sub.id, author_id=user_id(), author_name=user_name(),
                      field=field, start=anchor.start, end=anchor.end, quote=anchor.quote, prefix=anchor.prefix,
                      suffix=anchor.suffix, body=body, replacement=replacement, source="review")
    db.session.add(c)
    db.session.commit()
    audit("review.comment", release, f"comment {c.id} on {field}" + (" with a replacement" if replacement is not None else ""))
    return c


def reply(release, comment: ReviewComment, body: str) -> ReviewComment:
    access = _access()
    if not (access.can_edit(release) or access.can_review(release)):
        raise NotAllowed(_("You may not answer comments on this release."))
    body = (body or "").strip()
    if not body:
        raise ReviewError(_("Write an answer first."))
    if len(body) > MAX_COMMENT:
        raise ReviewError(_("The comment is too long."))
    r = ReviewComment(release_id=release.id, submission_id=comment.submission_id, parent_id=comment.id,
                      author_id=user_id(), author_name=user_name(), field=comment.field, body=body, source="reply")
    db.session.add(r)
    db.session.commit()
    audit("review.reply", release, f"reply {r.id} to comment {comment.id}")
    other = authors_of(release) if access.can_review(release) else ([comment.author_id] + reviewers_of(release))
    notify(other, _("New answer on %(title)s", title=release.title or "—"), link(release))
    return r


def accept(release, comment: ReviewComment):
    """Apply a proposed replacement to the draft (the author's one click); returns the saved release."""
    from app.web import store

    access = _access()
    if not access.can_edit(release):
        raise NotAllowed(_("Only the author accepts proposed changes."))
    if comment.replacement is None or comment.status != "open":
        raise ReviewError(_("There is nothing to accept in this comment."))
    text = field_text(release.payload, comment.field)
    try:
        new_text = apply_replacement(text if text is not None else "", comment.anchor(), comment.replacement)
    except Outdated:
        raise ReviewError(_("The text this proposal was about has changed since; edit the field yourself.")) from None
    try:
        payload = set_field(release.payload, comment.field, new_text)
    except ValueError:
        raise ReviewError(_("This field is no longer in the release.")) from None
    saved = store.save(release.id, payload, release.version, kind="review")
    comment.status, comment.resolved_by, comment.resolved_at = "accepted", user_id(), utcnow()
    db.session.commit()
    _mirror(saved)  # changed after approval: a draft again, it needs a new approval
    audit("review.accept", release, f"comment {comment.id} on {comment.field} accepted")
    return saved


def resolve(release, comment: ReviewComment) -> None:
    access = _access()
    if not (access.can_edit(release) or access.can_review(release)):
        raise NotAllowed(_("You may not change comments on this release."))
    comment.status, comment.resolved_by, comment.resolved_at = "resolved", user_id(), utcnow()
    db.session.commit()
    audit("review.resolve", release, f"comment {comment.id} resolved")


def proposals_from_docx(release, data: bytes, name: str) -> tuple[int, int]:
    """The Delegation's edited DOCX as proposed replacements on the latest submission: (proposals, changes outside the fields)."""
    from app.review.compare import compare_docx
    from app.web.releasing import render_docx

    access = _access()
    if not (access.can_edit(release) or access.can_review(release)):
        raise NotAllowed(_("You may not upload a reviewed copy of this release."))
    sub = latest_submission(release)
    if sub is None:
        raise ReviewError(_("Submit the release first: the edited copy is compared with the submitted version."))
    rendered = render_docx(sub.payload, draft=False)
    result = compare_docx(data, name, rendered, sub.payload)
    who = _("Delegation's edited DOCX (%(name)s)", name=name)[:200]
    for p in result.proposals:
        text = field_text(sub.payload, p.field) or ""
        a = make_anchor(p.field, text, p.start, p.end)
        db.session.add(ReviewComment(release_id=release.id, submission_id=sub.id, author_id=user_id(),
                                     author_name=who, field=p.field, start=a.start, end=a.end, quote=a.quote,
                                     prefix=a.prefix, suffix=a.suffix, body="", replacement=p.new, source="upload"))
    db.session.commit()
    audit("review.upload", release, f"{name}: {len(result.proposals)} proposed change(s), {result.outside} outside the fields")
    notify(authors_of(release) if access.can_review(release) else reviewers_of(release),
           _("Proposed changes from an edited DOCX: %(title)s", title=release.title or "—"), link(release))
    return len(result.proposals), result.outside


# ----- downloads ---------------------------------------------------------------------------------------
def commented_docx(release, submission: Submission, lang: str) -> bytes:
    from app.review.word import Note, commented_docx as build
    from app.web.releasing import render_docx

    notes = []
    for c in comments(release, submission):
        if c.source == "upload" and c.status != "open":
            continue
        notes.append(Note(c.anchor(), c.body or "", author=c.author_name or "Reviewer", replacement=c.replacement,
                          replies=[(r.author_name, r.body) for r in c.replies]))
    rendered = render_docx(submission.payload, draft=marks_draft_for(release, submission))
    return build(rendered, submission.payload, notes, lang)


def marks_draft_for(release, submission: Submission) -> bool:
    """A download of a submitted version carries DRAFT unless that version is the approved text
    of an organisation that requires approval (or none is required and it has no errors)."""
    if not requires_approval(release):
        return False
    return not any(a.payload_sha256 == submission.payload_sha256 for a in approvals(release))


# ----- display helpers (pure) -------------------------------------------------------------------------
def from_utf16(text: str, off: int) -> int:
    """A JavaScript (UTF-16) offset as a code-point offset of ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= off:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The text cut at every span boundary: [{text, start, marks: [keys]}] (keys of the spans over it)."""
    cuts = {0, len(text)}
    for s, e, _k in spans:
        if 0 <= s <= e <= len(text):
            cuts.update((s, e))
    pts = sorted(cuts)
    out = []
    for a, b in zip(pts, pts[1:]):
        if a == b:
            continue
        marks = [k for s, e, k in spans if s <= a and b <= e and s < e]
        out.append({"text": text[a:b], "start": a, "marks": marks})
    return out


def field_list(payload: dict) -> list[tuple[str, str]]:
    return field_texts(payload)
