"""The review pages (issue 15 part B): one page per release at /releases/<id>/review that shows the
author and the reviewer what each may do: the submitted version's fields with the linter's findings
and the reviewer's comments beside them, the diff since the last submission, the comments with
their proposed replacements (accept with one click, reply), the decisions, downloads and uploads."""
from __future__ import annotations

import datetime as dt
import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.errors import PressroomError
from app.review.diff import diff_fields, ops_html
from app.web import reviewing as rv
from app.web.views.check import DOCX_MIME, _download

bp = Blueprint("review", __name__)
_FID = re.compile(r"^[a-z_]{1,20}(?:-\d{1,3}-[a-z_]{1,20})?$")


def _release(release_id: str):
    """The release of the URL if the user may see it, else 404 (never 403: it does not exist for them)."""
    return rv._access().get_release(release_id, need="view")


def _back(release, anchor: str = ""):
    return redirect(url_for("review.page", release_id=rv.rid(release)) + anchor, code=303)


def _run(release, fn, *args, ok: str | None = None, anchor: str = ""):
    try:
        fn(*args)
    except rv.NotAllowed as e:
        abort(403, description=str(e))
    except PressroomError as e:
        flash(str(e), "error")
        return _back(release, anchor)
    if ok:
        flash(ok, "ok")
    return _back(release, anchor)


# ----- labels -------------------------------------------------------------------------------------
def labels_for(payload: dict) -> dict:
    """{field id: label as in the form}: 'Quote 2: Speaker', 'Headline'."""
    from app.web.forms import ReleaseForm
    from app.web.releasing import payload_to_formdata
    from app.web.views.releases import ENTRY_LABELS, fields_by_id

    by_id = fields_by_id(ReleaseForm(formdata=None, data=payload_to_formdata(payload)))
    out = {}
    for fid, f in by_id.items():
        label = str(f.label.text)
        m = re.match(r"^(quotes|projects|contacts|logos)-(\d+)-", fid)
        if m:
            label = f"{ENTRY_LABELS[m.group(1)]} {int(m.group(2)) + 1}: {label}"
        out[fid] = label.split(" (")[0]  # "Body (separate paragraphs with an empty line)" -> "Body"
    return out


# The review shows the text first, then the facts around it.
_REVIEW_ORDER = ("headline", "subheadline", "lead", "body", "quotes", "background", "projects", "contacts",
                 "organisation", "city", "label", "boilerplate")


def _review_rank(fid: str) -> tuple:
    head = fid.split("-")[0]
    m = re.match(r"^\w+-(\d+)-", fid)
    return (_REVIEW_ORDER.index(head) if head in _REVIEW_ORDER else 99, int(m.group(1)) if m else 0)


def _findings_by_field(payload: dict) -> dict:
    from app.web.releasing import live_check, text_fields

    values = dict(text_fields(payload))
    try:
        live = live_check(payload)
    except PressroomError:
        return {}
    out: dict[str, list] = {}
    for f in live["findings"]:
        fid = f.get("field") or ""
        v = values.get(fid)
        if f.get("start") is not None and isinstance(v, str):
            f = {**f, "start": rv.from_utf16(v, f["start"]), "end": rv.from_utf16(v, f["end"])}
        out.setdefault(fid, []).append(f)
    return out


def _field_views(payload: dict, placed: list, with_findings: bool = True) -> list[dict]:
    findings = _findings_by_field(payload) if with_findings else {}
    labels = labels_for(payload)
    out = []
    for fid, text in sorted(rv.field_list(payload), key=lambda ft: _review_rank(ft[0])):
        spans = []
        fs = findings.get(fid, [])
        for i, f in enumerate(fs):
            if f.get("start") is not None and f["end"] > f["start"]:
                spans.append((f["start"], f["end"], f"f{i}:{f['severity']}"))
        mine = [p for p in placed if p.comment.field == fid]
        for p in mine:
            if not p.outdated and p.start is not None and p.end > p.start:
                spans.append((p.start, p.end, f"c{p.comment.id}"))
        out.append({"field": fid, "label": labels.get(fid, fid), "text": text, "segments": rv.segments(text, spans),
                    "findings": fs, "comments": mine, "multi": fid in ("body", "background"),
                    "text_field": rv.is_text_field(fid)})
    return out


# ----- the page -----------------------------------------------------------------------------------------
@bp.get("/releases/<release_id>/review")
def page(release_id: str):
    access = rv._access()
    release = _release(release_id)
    reviewer = bool(access.can_review(release))
    author = bool(access.can_edit(release))
    subs = rv.submissions(release)
    sub = subs[-1] if subs else None
    prev = subs[-2] if len(subs) > 1 else None
    state = rv.state_of(release)
    if release.state != state and subs:
        rv._mirror(release)  # the author changed an approved text on the form: a draft again
    fields, diffs, placed_now = [], [], []
    if sub is not None:
        placed_sub = [rv.place(c, sub.payload) for c in rv.comments(release, sub)]
        fields = _field_views(sub.payload, placed_sub)
        if prev is not None:
            labels = labels_for(sub.payload)
            diffs = [{"field": d.field, "label": labels.get(d.field, d.field), "html": ops_html(d.ops),
                      "added": d.old is None, "removed": d.new is None}
                     for d in diff_fields(prev.payload, sub.payload)]
    # the author sees every comment against the current draft (can it still be applied?)
    placed_now = [rv.place(c, release.payload) for c in rv.comments(release)]
    labels_now = labels_for(release.payload)
    for p in placed_now:
        p.label = labels_now.get(p.comment.field) or labels_for(sub.payload if sub else {}).get(p.comment.field, p.comment.field)
        p.preview = None
        if p.comment.replacement is not None:
            from app.review.diff import word_diff

            p.preview = ops_html(word_diff(p.comment.quote if p.comment.start is not None else
                                           (rv.field_text(release.payload, p.comment.field) or ""), p.comment.replacement))
    draft_changed = sub is not None and rv.payload_hash(release.payload) != sub.payload_sha256
    return render_template(
        "review.html", release=release, rid=rv.rid(release), state=state, author_first=author and not reviewer, state_label=rv.state_label(state), reviewer=reviewer,
        author=author, sub=sub, subs=subs, prev=prev, fields=fields, diffs=diffs, placed=placed_now,
        approvals=rv.approvals(release), current_approval=rv.current_approval(release),
        requires_approval=rv.requires_approval(release), marks_draft=rv.marks_draft(release),
        draft_changed=draft_changed, today=dt.date.today().isoformat(),
        can=dict(submit=author and state in rv.TRANSITIONS["submit"][0] and not (state == rv.APPROVED and rv.current_approval(release)),
                 decide=reviewer and state == rv.SUBMITTED,
                 comment=reviewer and state == rv.SUBMITTED,
                 publish=author and (state == rv.APPROVED and rv.current_approval(release) is not None
                                     or (state in (rv.DRAFT, rv.CHANGES) and not rv.requires_approval(release))),
                 accept=author))


# ----- transitions -------------------------------------------------------------------------------------
@bp.post("/releases/<release_id>/review/submit")
def submit(release_id: str):
    release = _release(release_id)
    return _run(release, rv.submit, release, ok=_("Submitted for review. The reviewer has been notified."))


@bp.post("/releases/<release_id>/review/request-changes")
def request_changes(release_id: str):
    release = _release(release_id)
    return _run(release, rv.request_changes, release, request.form.get("note", ""),
                ok=_("Changes requested. The author has been notified."))


@bp.post("/releases/<release_id>/review/approve")
def approve(release_id: str):
    release = _release(release_id)
    return _run(release, rv.approve, release, request.form.get("note", ""),
                ok=_("Approved. The author has been notified."))


@bp.post("/releases/<release_id>/review/publish")
def publish(release_id: str):
    release = _release(release_id)
    if not rv._access().can_edit(release):
        abort(403, description=_("You may not do this with this release."))
    try:
        on = dt.date.fromisoformat((request.form.get("published_on") or "").strip())
    except ValueError:
        flash(_("Give the date the release went out as YYYY-MM-DD."), "error")
        return _back(release)
    return _run(release, rv.publish, release, on, ok=_("Marked as published."))


# ----- comments ------------------------------------------------------------------------------------------
def _offset(name: str) -> int | None:
    v = (request.form.get(name) or "").strip()
    return int(v) if re.fullmatch(r"[0-9]{1,7}", v) else None


@bp.post("/releases/<release_id>/review/comments")
def comment(release_id: str):
    release = _release(release_id)
    if not rv._access().can_review(release):
        abort(403, description=_("Only the reviewer comments on a submitted version."))
    fid = (request.form.get("field") or "").strip()
    if not _FID.match(fid):
        abort(400, description=_("Unknown field."))
    sub = rv.latest_submission(release)
    text = rv.field_text(sub.payload, fid) if sub is not None else None
    start, end = _offset("start"), _offset("end")
    if text is not None and start is not None and end is not None:  # the browser counts UTF-16 units
        units = len(text.encode("utf-16-le")) // 2
        if start == end:
            start = end = None  # nothing selected: the whole field
        elif start <= end <= units:
            start, end = rv.from_utf16(text, start), rv.from_utf16(text, end)
        # else: out of the field's text; add_comment says so
    else:
        start = end = None
    replacement = request.form.get("replacement")
    if request.form.get("propose") != "1" or replacement is None:
        replacement = None
    else:
        replacement = replacement.replace("\r\n", "\n")
    return _run(release, rv.add_comment, release, fid, start, end, request.form.get("body", ""), replacement,
                ok=_("Comment added."), anchor=f"#rv-{fid}")


def _comment(release, comment_id: int):
    c = rv.comment_or_none(release, comment_id)
    if c is None:
        abort(404)
    return c


@bp.post("/releases/<release_id>/review/comments/<int:comment_id>/reply")
def reply(release_id: str, comment_id: int):
    release = _release(release_id)
    c = _comment(release, comment_id)
    return _run(release, rv.reply, release, c, request.form.get("body", ""), ok=_("Answer added."),
                anchor=f"#comment-{c.id}")


@bp.post("/releases/<release_id>/review/comments/<int:comment_id>/accept")
def accept(release_id: str, comment_id: int):
    release = _release(release_id)
    c = _comment(release, comment_id)
    try:
        saved = rv.accept(release, c)
    except rv.NotAllowed as e:
        abort(403, description=str(e))
    except PressroomError as e:
        flash(str(e), "error")
        return _back(release, f"#comment-{c.id}")
    from app.web.views.releases import _stored_live

    live = _stored_live(saved)  # the checks again, on the changed draft
    s = live["summary"]
    flash(_("Replacement applied to the draft (version %(v)s). Checks: %(e)s errors, %(w)s warnings.",
            v=saved.version, e=s["error"], w=s["warning"]), "ok")
    return _back(release, f"#comment-{c.id}")


@bp.post("/releases/<release_id>/review/comments/<int:comment_id>/resolve")
def resolve(release_id: str, comment_id: int):
    release = _release(release_id)
    c = _comment(release, comment_id)
    return _run(release, rv.resolve, release, c, ok=_("Comment marked as resolved."), anchor=f"#comment-{c.id}")


# ----- downloads and uploads ---------------------------------------------------------------------------
def _submission(release, number: int):
    sub = next((s for s in rv.submissions(release) if s.number == number), None)
    if sub is None:
        abort(404)
    return sub


@bp.get("/releases/<release_id>/review/<int:number>/commented.docx")
def commented(release_id: str, number: int):
    from app.web.linting import message_lang
    from app.web.views.releases import download_name

    release = _release(release_id)
    sub = _submission(release, number)
    data = rv.commented_docx(release, sub, message_lang())
    draft = rv.marks_draft_for(release, sub)
    rv.audit("review.download", release, f"submission {sub.number} with comments")
    resp = _download(data, f"{download_name(sub.title)}-v{sub.number}-comments{'-DRAFT' if draft else ''}.docx", DOCX_MIME)
    resp.headers["X-Pressroom-Draft"] = "1" if draft else "0"
    return resp


@bp.get("/releases/<release_id>/review/approved.docx")
def approved(release_id: str):
    """The approved version, unmarked: the final DOCX of an organisation that requires approval."""
    from app.web.releasing import render_docx
    from app.web.views.releases import download_name

    release = _release(release_id)
    appr = rv.last_approval(release)
    if appr is None or (appr.submission.outcome != rv.APPROVED and rv.requires_approval(release)):
        abort(404, description=_("No version of this release has been approved yet."))
    data = render_docx(appr.submission.payload, draft=False)
    rv.audit("review.download", release, f"approved version {appr.version}")
    resp = _download(data, f"{download_name(appr.submission.title)}.docx", DOCX_MIME)
    resp.headers["X-Pressroom-Draft"] = "0"
    return resp


@bp.post("/releases/<release_id>/review/upload")
def upload(release_id: str):
    release = _release(release_id)
    access = rv._access()
    if not (access.can_edit(release) or access.can_review(release)):
        abort(403, description=_("You may not upload a reviewed copy of this release."))
    fs = request.files.get("file")
    if fs is None or not fs.filename:
        flash(_("Choose the DOCX the Delegation edited."), "error")
        return _back(release, "#upload")
    from app.web.views.check import safe_name

    name = safe_name(fs.filename, "edited.docx")
    data = fs.read(20 * 1024 * 1024 + 1)
    try:
        n, outside = rv.proposals_from_docx(release, data, name)
    except rv.NotAllowed as e:
        abort(403, description=str(e))
    except PressroomError as e:
        flash(str(e), "error")
        return _back(release, "#upload")
    msg = _("%(n)s proposed change(s) read from %(name)s.", n=n, name=name)
    if outside:
        msg += " " + _("%(n)s change(s) to text Pressroom writes itself (labels, EU statements) were left out.", n=outside)
    flash(msg, "ok")
    return _back(release, "#comments")
