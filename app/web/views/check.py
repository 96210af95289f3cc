"""Check a draft: upload or paste, see findings in place, download reports and fixed files."""
from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, g, render_template, request, url_for, redirect
from flask_babel import gettext as _

from app.engine.linter import LintContext, lint
from app.engine.lintcache import cached_lint
from app.errors import InputError, PressroomError
from app.fix.edits import EditOutcome, editor_text
from app.output import to_json_dict, to_sarif
from app.web.extensions import db
from app.web.forms import CheckForm
from app.web.linting import OverBudget, TooLong, detect_format, grouped, highlight, lint_bytes, message_lang, top_severity, web_config, checking_config
from app.web.models import CheckedDraft, utcnow

bp = Blueprint("check", __name__)
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def keeps_input(view):
    """Mark a view that can re-render its own form (CSRF / size errors keep the user's input)."""
    view.keeps_input = True
    return view


def safe_name(name: str | None, default: str = "draft.txt") -> str:
    name = unicodedata.normalize("NFC", Path((name or "").replace("\\", "/")).name)
    name = re.sub(r"[\x00-\x1f\x7f/]", "", name).strip().strip(".")
    return name[:200] or default


def _render_form(form: CheckForm, error: str | None = None, status: int = 200):
    return render_template("check.html", form=form, error=error,
                           max_mb=current_app.config["MAX_UPLOAD"] // (1024 * 1024)), status


@bp.route("/check", methods=["GET", "POST"])
@keeps_input
def check_page():
    if g.get("skip_form"):  # the request body was refused before it could be read
        return _render_form(CheckForm(formdata=None), g.form_error, 413)[0]
    form = CheckForm()
    if g.get("form_error"):
        return _render_form(form, g.form_error)[0]
    if request.method == "GET":
        return _render_form(form)
    if not form.validate():
        return _render_form(form, _("The form could not be read; send it again."), 400)
    upload = form.draft.data
    text = form.text.data or ""
    language = form.language.data or "auto"
    limit = current_app.config["MAX_UPLOAD"]
    if upload and getattr(upload, "filename", ""):
        data = upload.read(limit + 1)
        name = safe_name(upload.filename)
        if len(data) > limit:
            return _render_form(form, _("The file is larger than 10 MB. Send a smaller file."), 413)
        if not data:
            return _render_form(form, _("The file %(name)s is empty.", name=name), 400)
    elif text.strip():
        data = text.replace("\r\n", "\n").encode("utf-8")
        if len(data) > limit:
            return _render_form(form, _("The text is longer than 10 MB."), 413)
        name = "pasted.txt"
    else:
        return _render_form(form, _("Choose a file or paste the text of the draft."), 400)
    try:
        fmt = detect_format(data, name)
        lint_bytes(data, name, language, fmt)  # refuse unreadable drafts now, with the form still filled
    except TooLong as e:
        return _render_form(form, str(e), 413)
    except OverBudget as e:
        return _render_form(form, str(e), 422)
    except PressroomError as e:
        return _render_form(form, str(e), 400)
    if name == "pasted.txt" and fmt == "md":
        name = "pasted.md"
    from app.web.access import current

    user = current()
    record = CheckedDraft(id=secrets.token_hex(16), name=name, fmt=fmt, language=language, data=data,
                          org_id=user.org_id, user_id=user.id)
    _purge_old()
    db.session.add(record)
    db.session.commit()
    return redirect(url_for("check.result", check_id=record.id), code=303)


def _purge_old() -> None:
    cutoff = utcnow() - timedelta(hours=current_app.config["CHECK_KEEP_HOURS"])
    CheckedDraft.query.filter(CheckedDraft.created_at < cutoff).delete(synchronize_session=False)


def _load(check_id: str) -> CheckedDraft:
    if not re.fullmatch(r"[0-9a-f]{32}", check_id or ""):
        abort(404)
    from app.web.access import current_org_id

    record = db.session.get(CheckedDraft, check_id)
    if record is None or record.org_id != current_org_id():  # another organisation's check: not there
        abort(404, description=_("This check is no longer kept (drafts are kept for a day). Upload the draft again."))
    return record


def _lint(record: CheckedDraft):
    try:
        return lint_bytes(record.data, record.name, record.language, record.fmt)
    except PressroomError as e:  # pragma: no cover - it was readable when uploaded
        abort(400, description=str(e))


@bp.get("/check/<check_id>")
def result(check_id: str):
    record = _load(check_id)
    res = _lint(record)
    doc = res.document
    findings = res.findings
    segments = highlight(doc.source_text, findings)
    suggestions_fixable = sum(1 for f in findings if f.fix is not None)
    return render_template(
        "check_result.html", record=record, result=res, doc=doc, findings=findings, segments=segments,
        groups=grouped(findings), summary=res.summary(), top_severity=top_severity, msg_lang=message_lang(),
        fixable=suggestions_fixable, editor_text=editor_text(doc),
        form=CheckForm(formdata=None),
    )


def download_name(filename: str) -> str:
    """Letters of any script, digits, space and . _ - ( ) only: a name from an upload can carry
    quotes and semicolons (``a"; filename*=UTF-8''evil.html``) that would end the header's value."""
    name = re.sub(r"[^\w .()\-]", "_", filename).strip(" .") or "download"
    return name[:150]


def _download(data: bytes, filename: str, mimetype: str) -> Response:
    import io

    from flask import send_file

    # Werkzeug quotes the name (and adds filename*= for non-ASCII names) correctly.
    resp = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=download_name(filename),
                     etag=False, conditional=False, max_age=0)
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _stem(record: CheckedDraft) -> str:
    return Path(record.name).stem or "draft"


@bp.get("/check/<check_id>/report.json")
def report_json(check_id: str):
    record = _load(check_id)
    res = _lint(record)
    lang = message_lang(request.args.get("messages"))  # ?messages=en|ru; default: the UI language
    body = json.dumps(to_json_dict([res], notices=res.notices, lang=lang), ensure_ascii=False, indent=2)
    return _download(body.encode("utf-8"), f"{_stem(record)}.pressroom.json", "application/json")


@bp.get("/check/<check_id>/report.sarif")
def report_sarif(check_id: str):
    record = _load(check_id)
    res = _lint(record)
    lang = message_lang(request.args.get("messages"))
    body = json.dumps(to_sarif([res], lang=lang), ensure_ascii=False, indent=2)
    return _download(body.encode("utf-8"), f"{_stem(record)}.sarif", "application/sarif+json")


@bp.get("/check/<check_id>/annotated.docx")
def annotated(check_id: str):
    record = _load(check_id)
    from app.annotate import annotate

    res = _lint(record)
    try:
        data = annotate(res.document, res.findings, lang=message_lang(request.args.get("messages")))
    except PressroomError as e:
        abort(400, description=str(e))
    return _download(data, f"{_stem(record)}.annotated.docx", DOCX_MIME)


@bp.get("/check/<check_id>/fixed")
def fixed(check_id: str):
    record = _load(check_id)
    from app.fix import fix_until_stable

    res = _lint(record)
    config = checking_config()
    try:
        data = fix_until_stable(res.document, res, record.data,
                                lambda d: lint(d, config, context=LintContext(config=config))).data
    except PressroomError as e:
        abort(400, description=str(e))
    suffix = Path(record.name).suffix or (".docx" if record.fmt == "docx" else ".txt")
    mime = DOCX_MIME if record.fmt == "docx" else ("text/markdown" if record.fmt == "md" else "text/plain")
    charset = {"cp1251": "windows-1251", "utf-16": "utf-16", "utf-8-sig": "utf-8"}.get(res.document.encoding, "utf-8")
    return _download(data, f"{_stem(record)}.fixed{suffix}", mime + ("" if record.fmt == "docx" else f"; charset={charset}"))


# ----- the editor: the draft edited in the page, checked again, downloaded corrected (issue 14) ------
def _utf16_map(text: str):
    """code-point offset -> UTF-16 offset (JavaScript counts an emoji as two)."""
    extra, acc = [], 0
    for ch in text:
        extra.append(acc)
        if ord(ch) > 0xFFFF:
            acc += 1
    extra.append(acc)
    n = len(text)
    return lambda o: max(0, min(o, n)) + extra[max(0, min(o, n))]


def finding_items(doc, findings, lang: str) -> list[dict]:
    """The findings as the editor shows them: offsets in UTF-16 units of the editor's text."""
    import hashlib

    u = _utf16_map(doc.text)
    out = []
    for f in findings:
        text = doc.text[f.offset:f.end]
        item = {"rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message_in(lang),
                "start": u(f.offset), "end": u(f.end), "text": text, "line": doc.line_col(f.offset)[0],
                "suggestions": list(f.suggestions)[:3],
                "related": [{"start": u(o), "end": u(o + n), "text": doc.text[o:o + n]} for o, n in f.related],
                "id": hashlib.sha1(f"{f.rule}|{' '.join(text.split()).casefold() or f.message}".encode()).hexdigest()[:12]}
        if f.fix is not None:
            item.update(fix=f.fix, safe=True)
        out.append(item)
    return out


def _edited(record: CheckedDraft):
    """The edited text of the request written into the draft's file: (EditOutcome, document)."""
    from app.fix.edits import EncodingRefused, edit_file

    text = request.form.get("text")
    if text is None:
        abort(400, description=_("The text of the draft is missing; reload the page."))
    if len(text.encode("utf-8")) > current_app.config["MAX_UPLOAD"]:
        abort(413, description=_("The text is longer than 10 MB."))
    doc = _original(record)
    try:
        return edit_file(doc, record.data, text), doc
    except EncodingRefused as e:
        raise InputError(_("The file is in %(enc)s, which cannot hold «%(chars)s»; remove it to download the corrected file.",
                           enc=e.encoding, chars=e.chars)) from None


_ORIGINALS: dict[str, Any] = {}  # check id -> the uploaded draft as read (each keystroke would read the DOCX again)


def _original(record: CheckedDraft):
    """The uploaded draft read once per process (a few kept): edit_file never changes it."""
    from app.core.readers import read_bytes

    key = f"{record.id}:{hashlib.sha256(record.data).hexdigest()}"
    doc = _ORIGINALS.get(key)
    if doc is None:
        doc = read_bytes(record.data, record.name, record.fmt, record.language if record.language in ("ru", "en") else "auto")
        while len(_ORIGINALS) >= 8:
            _ORIGINALS.pop(next(iter(_ORIGINALS)))
        _ORIGINALS[key] = doc
    return doc


def _lint_doc(doc, name: str):
    """lint_bytes for a document already read (the DOCX the edits were written into)."""
    import time

    budget = float(current_app.config.get("LINT_TIME_BUDGET") or 0)
    limit = int(current_app.config.get("MAX_TEXT_CHARS") or 0)
    if limit and len(doc.text) > limit:
        raise TooLong(_("%(name)s: the draft has %(n)s characters of text; the web app checks drafts of up to "
                        "%(limit)s (check longer ones with `pressroom lint`)", name=name, n=len(doc.text), limit=limit))
    config = checking_config()
    try:
        return cached_lint(doc, config, deadline=time.monotonic() + budget if budget else None)
    except OverBudget:
        raise OverBudget(_("%(name)s: checking this draft took longer than %(s)s seconds and was stopped; "
                           "check it in parts, or with `pressroom lint`", name=name, s=f"{budget:g}")) from None


@bp.post("/check/<check_id>/live")
def live(check_id: str):
    """Check the text as edited in the page; JSON for the editor."""
    from flask import jsonify

    from app.web.views.releases import summary_text

    record = _load(check_id)
    notice = ""
    try:
        try:
            outcome, _doc = _edited(record)
        except InputError as e:  # a text draft's encoding cannot hold a character: still check it, and say so
            if record.fmt == "docx" or request.form.get("text") is None:
                raise
            notice, outcome = str(e), EditOutcome(b"", request.form["text"].replace("\r\n", "\n").replace("\r", "\n"))
        if record.fmt == "docx":
            res = _lint_doc(outcome.document or _doc, record.name)
        else:  # the checks see the text as the page holds it (line ends as \n): offsets agree
            res = lint_bytes(outcome.text.encode("utf-8"), record.name, record.language, record.fmt)
    except PressroomError as e:
        return jsonify({"error": str(e)}), 400
    summary = res.summary()
    body = {"findings": finding_items(res.document, res.findings, message_lang()), "summary": summary,
            "summary_text": summary_text(summary), "skipped": outcome.skipped, "language": res.document.language,
            "notice": notice}
    if outcome.skipped:
        body["text"] = outcome.text  # what the file can really hold: the page shows it
    return jsonify(body)


@bp.post("/check/<check_id>/corrected")
def corrected(check_id: str):
    """The draft with the page's edits: DOCX (formatting kept) or TXT/MD (encoding and line ends kept)."""
    record = _load(check_id)
    try:
        outcome, _doc = _edited(record)
    except PressroomError as e:
        abort(400, description=str(e))
    suffix = Path(record.name).suffix or (".docx" if record.fmt == "docx" else ".txt")
    if record.fmt == "docx":
        return _download(outcome.data, f"{_stem(record)}.corrected{suffix}", DOCX_MIME)
    charset = {"cp1251": "windows-1251", "utf-16": "utf-16", "utf-8-sig": "utf-8"}.get(_doc.encoding, "utf-8")
    mime = "text/markdown" if record.fmt == "md" else "text/plain"
    return _download(outcome.data, f"{_stem(record)}.corrected{suffix}", f"{mime}; charset={charset}")
