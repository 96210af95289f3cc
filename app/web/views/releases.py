"""Release pages: the form (sections, repeatable entries, live checks), list, history, preview, DOCX."""
from __future__ import annotations

import datetime as dt
import re

from flask import (Blueprint, abort, current_app, g, jsonify, redirect, render_template, request, url_for)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.errors import PressroomError
from app.web import store
from app.web.forms import ReleaseForm
from app.web.releasing import (field_id, form_to_payload, is_blank, live_check, payload_to_formdata, preview_html,
                               render_docx, store_logo)
from app.web.views.check import DOCX_MIME, _download, keeps_input

bp = Blueprint("releases", __name__)
LIST_NAMES = ("quotes", "projects", "contacts", "logos")


def _release_or_404(public_id: str, include_deleted: bool = False, need: str = "view"):
    """The release by its public id, if the signed-in user may ``need`` it (view/edit), else 404."""
    from app.web.access import get_release

    return get_release(public_id, include_deleted, need)


def new_payload() -> dict:
    lang = str(get_locale() or "en")
    return {"language": "ru" if lang == "ru" else "en", "date": dt.date.today().isoformat()}


def build_form(payload: dict, release=None) -> ReleaseForm:
    form = ReleaseForm(formdata=None, data=payload_to_formdata(payload))
    if release is not None:
        form.release_id.data = str(release.public_id)
        form.version.data = str(release.version)
    return form


def fields_by_id(form) -> dict:
    out = {}

    def walk(field):
        if field.type == "FieldList":
            for e in field.entries:
                walk(e)
        elif field.type == "FormField":
            for sub in field.form:
                walk(sub)
        else:
            out[field.id] = field

    for f in form:
        walk(f)
    return out


SECTION_LABELS = {"quotes": _l("Quotes"), "projects": _l("Projects and funding"), "contacts": _l("Media contacts"),
                  "logos": _l("Organisation and logos")}
ENTRY_LABELS = {"quotes": _l("Quote"), "projects": _l("Project"), "contacts": _l("Contact"), "logos": _l("Partner logo")}


def field_label(path: str, by_id: dict) -> str:
    """A model path as the user sees it: 'projects[1].eu_contribution' -> 'Project 2: EU contribution'."""
    m = re.match(r"^(\w+)\[(\d+)\](?:\.(\w+))?", path or "")
    if m and m.group(1) in ENTRY_LABELS:
        name, i, _sub = m.groups()
        entry = f"{ENTRY_LABELS[name]} {int(i) + 1}"
        f = by_id.get(field_id(path))
        return f"{entry}: {f.label.text}" if (f is not None and m.group(3)) else entry
    head = (path or "").split(".")[0].split("[")[0]
    if head in SECTION_LABELS:
        return str(SECTION_LABELS[head])
    f = by_id.get(field_id(path))
    return str(f.label.text) if f is not None else path


def label_findings(live: dict, form=None) -> dict:
    """Give every field problem the label of its field (the panel shows labels, not model paths)."""
    by_id = fields_by_id(form if form is not None else ReleaseForm(formdata=None, data={n: [{}] for n in LIST_NAMES}))
    for item in live.get("findings", []):
        if item.get("path") is not None:
            item["label"] = field_label(item["path"], by_id)
    return live


def mark_errors(form, live: dict) -> None:
    by_id = fields_by_id(form)
    for p in live["problems"]:
        f = by_id.get(p["field"])
        if f is not None:
            f.errors = list(f.errors or []) + [p["message"]]


def _logos_from_files(form) -> list[str]:
    """Store logo files sent with a form (the no-JavaScript path); return messages for failures."""
    errors = []
    for e in form.logos:
        fs = e["file"].data
        if fs is not None and getattr(fs, "filename", ""):
            try:
                e["path"].data = store_logo(fs.read(5 * 1024 * 1024 + 1))
            except PressroomError as ex:
                e["file"].errors = [str(ex)]
                errors.append(str(ex))
    return errors


def render_form(form, release=None, live=None, conflict=None, status=200, message=None, mark=True):
    payload = form_to_payload(form)
    if live is None and (release is not None or request.method == "POST"):
        prefs = read_prefs(__import__("json").dumps(release.prefs or {}) if release is not None else request.form.get("prefs"))
        live = live_check(payload, ignored=set(prefs["ignored"]), rules_off=set(prefs["rules_off"]))
    if live is not None:
        label_findings(live, form)
    if live is not None and mark:
        mark_errors(form, live)
    blank = ReleaseForm(formdata=None, data={n: [{}] for n in LIST_NAMES})
    return render_template("release_form.html", form=form, release=release, live=live, conflict=conflict,
                           message=message or g.get("form_error"), blank=blank), status


# ----- list ----------------------------------------------------------------------------------------
@bp.get("/releases")
def index():
    q = request.args.get("q", "")
    sort = request.args.get("sort", "updated")
    if sort not in store.SORTS:
        sort = "updated"
    deleted = request.args.get("deleted") == "1"
    from app.web.access import find_release, visible_clause

    items = store.listing(q, sort, deleted, where=visible_clause())
    undo = None
    if re.fullmatch(r"[A-Za-z0-9_-]{1,32}", request.args.get("undo", "")):
        undo = find_release(request.args["undo"], include_deleted=True, need="edit")
        if undo is not None and undo.deleted_at is None:
            undo = None
    return render_template("releases.html", items=items, q=q, sort=sort, deleted=deleted, undo=undo)


@bp.post("/releases/<release_id>/delete")
def delete(release_id: str):
    from app.web.access import audit

    r = _release_or_404(release_id, need="edit")
    store.delete(r.id)
    audit("release.delete", target=r.public_id, detail=r.title[:200], org_id=r.org_id)
    return redirect(url_for("releases.index", undo=r.public_id), code=303)


@bp.post("/releases/<release_id>/undelete")
def undelete(release_id: str):
    from app.web.access import audit

    r = _release_or_404(release_id, include_deleted=True, need="edit")
    store.undelete(r.id)
    audit("release.undelete", target=r.public_id, detail=r.title[:200], org_id=r.org_id)
    return redirect(url_for("releases.index"), code=303)


@bp.post("/releases/<release_id>/duplicate")
def duplicate(release_id: str):
    r = _release_or_404(release_id, need="edit")
    copy = store.duplicate(r.id, copy_suffix=" " + _("(copy)"))
    return redirect(url_for("releases.edit", release_id=copy.public_id), code=303)


# ----- form ----------------------------------------------------------------------------------------
@bp.route("/releases/new", methods=["GET", "POST"])
@keeps_input
def new():
    if request.method == "GET":
        return render_form(build_form(new_payload()))[0]
    return _post_form(None)


@bp.route("/releases/<release_id>/edit", methods=["GET", "POST"])
@keeps_input
def edit(release_id: str):
    release = _release_or_404(release_id, need="edit")
    if request.method == "GET":
        return render_form(build_form(release.payload, release), release)[0]
    return _post_form(release)


def _int(value) -> int:
    """A version number from the form; anything unreadable is 0 (matches no version: a conflict)."""
    try:
        return int(str(value or "0").strip())
    except ValueError:
        return 0


def _post_form(release):
    if g.get("skip_form"):
        form = build_form(release.payload if release else new_payload(), release)
        return render_form(form, release, status=413)
    form = ReleaseForm()
    if g.get("form_error"):  # CSRF: show the form again as typed
        return render_form(form, release, status=400, mark=False)
    logo_errors = _logos_from_files(form)
    if logo_errors:  # nothing is saved: the page says why, with what the user typed
        return render_form(form, release, status=400, mark=False,
                           message=_("The logo was not accepted: %(error)s", error="; ".join(logo_errors)))
    action = request.form.get("action", "save")
    m = re.fullmatch(r"(add|remove):(\w+)(?::(\d+))?", action)
    if m and m.group(2) in LIST_NAMES:
        what, name, idx = m.groups()
        data = form.data
        data.pop("csrf_token", None)
        entries = list(data[name])
        if what == "add":
            entries.append({})
        elif idx is not None and int(idx) < len(entries):
            entries.pop(int(idx))
        data[name] = entries
        rid, ver = form.release_id.data, form.version.data
        form = ReleaseForm(formdata=None, data=data)
        form.release_id.data, form.version.data = rid, ver
    payload = form_to_payload(form)
    if release is None and is_blank(payload) and (action in ("preview", "download") or m):
        if not m:
            return render_form(form, None, status=200, mark=False,
                               message=_("The form is empty: type the release first, then preview or download it."))
    try:
        if release is None and is_blank(payload) and m:
            return render_form(form, None, mark=False)
        if release is None:
            release = store.create(payload, client_key=(request.form.get("client_key") or "")[:64] or None)
        else:
            base = _int(form.version.data)
            if action == "overwrite":
                base = _int(request.form.get("current_version"))
            release = store.save(release.id, payload, base, kind="save")
    except store.Conflict as e:
        form.version.data = str(release.version if release else "")
        return render_form(form, release, conflict=e.current, status=409)
    except store.NotFound:
        abort(404)
    form.release_id.data, form.version.data = str(release.public_id), str(release.version)
    if m:
        return render_form(form, release, message=_("Saved."))
    if action == "preview":
        return redirect(url_for("releases.preview", release_id=release.public_id), code=303)
    if action == "download":
        return redirect(url_for("releases.download", release_id=release.public_id), code=303)
    return redirect(url_for("releases.edit", release_id=release.public_id, saved=1), code=303)


# ----- endpoints for the page's JavaScript (form-encoded, CSRF token in the form) -------------------
def flat_fields(payload: dict) -> dict:
    """The form's fields ({field id: text}) for a stored payload: what a tab shows for it."""
    return raw_fields(ReleaseForm(formdata=None, data=payload_to_formdata(payload)))


def _saved(r, **extra):
    return jsonify({"id": r.public_id, "version": r.version, "saved_at": r.updated_at.isoformat() + "Z",
                    "edit_url": url_for("releases.edit", release_id=r.public_id),
                    "preview_url": url_for("releases.preview", release_id=r.public_id),
                    "download_url": url_for("releases.download", release_id=r.public_id),
                    "history_url": url_for("releases.history", release_id=r.public_id), **extra})


@bp.post("/releases/autosave")
def autosave():
    import json

    from werkzeug.datastructures import MultiDict

    from app.web.merge import merge3

    form = ReleaseForm()
    payload = form_to_payload(form)
    rid = form.release_id.data
    client = (request.form.get("client") or "")[:64] or None
    client_key = (request.form.get("client_key") or "")[:64] or None
    kind = request.form.get("kind") if request.form.get("kind") in ("autosave", "save") else "autosave"
    try:
        if not rid:
            if is_blank(payload) and store.by_client_key(client_key) is None:
                return jsonify({"id": None, "blank": True, "message": _("Nothing to save yet: the form is empty.")})
            r = store.create(payload, client_key=client_key, client=client)
        else:
            from app.web.access import find_release

            if not re.fullmatch(r"[A-Za-z0-9_-]+", str(rid)):  # ASCII only: a "²" is no id
                return jsonify({"error": _("Unknown release."), "status": 400}), 400
            target = find_release(str(rid), need="edit")
            if target is None:
                raise store.NotFound(rid)
            r = store.save(target.id, payload, _int(form.version.data), kind=kind, client=client)
        if "prefs" in request.form:
            prefs = read_prefs(request.form.get("prefs"))
            if prefs != (r.prefs or {"ignored": [], "rules_off": []}):
                store.set_prefs(r.id, prefs)
    except store.Conflict as e:
        cur = e.current
        try:
            base = json.loads(request.form.get("base") or "null")
        except (ValueError, RecursionError):
            base = None
        mine, theirs = raw_fields(form), flat_fields(cur.payload)
        conflicts = list(mine)
        merged = mine
        if isinstance(base, dict) and all(isinstance(v, str) for v in base.values()):
            merged, conflicts = merge3(base, mine, theirs)
            if not conflicts:  # edits to different fields: merged without asking
                merged_payload = form_to_payload(ReleaseForm(formdata=MultiDict(merged)))
                try:
                    r = store.save(cur.id, merged_payload, cur.version, kind=kind, client=client)
                except (store.Conflict, store.NotFound):
                    return jsonify({"error": _("Not saved: this release was changed elsewhere."), "status": 409}), 409
                return _saved(r, merged=merged)
        by_id = fields_by_id(form)
        return jsonify({
            "error": _("This release was changed in another tab or window (version %(v)s). Your text is kept here: choose what to do.", v=cur.version),
            "status": 409, "current": cur.to_dict(), "yours": payload,
            "current_form": payload_to_formdata(cur.payload), "merged": merged, "theirs": theirs,
            "conflicts": [{"field": k, "label": str(by_id[k].label.text) if k in by_id else k,
                           "mine": mine.get(k, ""), "theirs": theirs.get(k, "")} for k in conflicts
                          if (mine.get(k, "") != theirs.get(k, ""))],
        }), 409
    except store.NotFound:
        return jsonify({"error": _("This release was deleted. Save your text as a new release."), "status": 404}), 404
    return _saved(r)


def read_prefs(text) -> dict:
    """{"ignored": [finding ids], "rules_off": [rule ids]} from the form's JSON (bad input: empty)."""
    import json

    try:
        data = json.loads(text) if isinstance(text, str) and text else {}
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    out = {}
    for k in ("ignored", "rules_off"):
        v = data.get(k)
        out[k] = [x[:100] for x in v if isinstance(x, str)][:500] if isinstance(v, list) else []
    return out


def raw_fields(form) -> dict:
    """{field id: text exactly as in the browser's field} (offsets of findings are in these texts)."""
    return {fid: f.data for fid, f in fields_by_id(form).items() if isinstance(f.data, str)}


@bp.post("/releases/live")
def live():
    form = ReleaseForm()
    touched = None
    if request.form.get("strict") != "1" and "touched" in request.form:
        touched = {t for t in request.form.get("touched", "").split(",") if t}
    prefs = read_prefs(request.form.get("prefs"))
    result = label_findings(live_check(form_to_payload(form), raw_fields=raw_fields(form), touched=touched,
                                       ignored=set(prefs["ignored"]), rules_off=set(prefs["rules_off"])), form)
    result.pop("text", None)
    result["summary_text"] = summary_text(result["summary"])
    return jsonify(result)


def summary_text(summary: dict) -> dict:
    """'2 ошибки', '5 ошибок', '21 замечание': the counts with the UI language's plural forms."""
    return {"error": ngettext("%(num)d error", "%(num)d errors", summary.get("error", 0)),
            "warning": ngettext("%(num)d warning", "%(num)d warnings", summary.get("warning", 0)),
            "info": ngettext("%(num)d note", "%(num)d notes", summary.get("info", 0))}


@bp.post("/releases/logo")
def logo_upload():
    fs = request.files.get("file")
    if fs is None or not fs.filename:
        return jsonify({"error": _("Choose an image file."), "status": 400}), 400
    try:
        path = store_logo(fs.read(5 * 1024 * 1024 + 1))
    except PressroomError as e:
        return jsonify({"error": str(e), "status": 400}), 400
    return jsonify({"path": path})


# ----- preview, download, history ------------------------------------------------------------------
@bp.get("/releases/<release_id>/preview")
def preview(release_id: str):
    release = _release_or_404(release_id)
    live = _stored_live(release)
    unapproved = review_marks_draft(release)
    draft = live["summary"]["error"] > 0 or unapproved
    html = preview_html(render_docx(release.payload, draft=draft))
    return render_template("preview.html", release=release, preview=html, live=live, draft=draft, unapproved=unapproved)


@bp.get("/releases/<release_id>/download.docx")
def download(release_id: str):
    release = _release_or_404(release_id)
    live = _stored_live(release)
    draft = live["summary"]["error"] > 0 or request.args.get("draft") == "1" or review_marks_draft(release)
    data = render_docx(release.payload, draft=draft)
    name = download_name(release.title)
    from app.web.access import audit

    audit("release.download", target=release.public_id, detail=f"docx{' DRAFT' if draft else ''}", org_id=release.org_id)
    resp = _download(data, f"{name}{'-DRAFT' if draft else ''}.docx", DOCX_MIME)
    resp.headers["X-Pressroom-Draft"] = "1" if draft else "0"
    return resp


@bp.get("/releases/<release_id>/download.pdf")
def download_pdf(release_id: str):
    """The DOCX converted by LibreOffice: the same document, the same DRAFT marking."""
    from app.release.deliver import render_pdf

    release = _release_or_404(release_id)
    live = _stored_live(release)
    draft = live["summary"]["error"] > 0 or request.args.get("draft") == "1" or review_marks_draft(release)
    docx = render_docx(release.payload, draft=draft)
    try:
        data = render_pdf(None, docx=docx)
    except PressroomError as e:
        current_app.logger.warning("PDF conversion failed: %s", e)
        abort(503, description=_("The PDF cannot be made right now (LibreOffice is not available). Download the DOCX instead."))
    from app.web.access import audit

    audit("release.download", target=release.public_id, detail=f"pdf{' DRAFT' if draft else ''}", org_id=release.org_id)
    resp = _download(data, f"{download_name(release.title)}{'-DRAFT' if draft else ''}.pdf", "application/pdf")
    resp.headers["X-Pressroom-Draft"] = "1" if draft else "0"
    return resp


@bp.get("/releases/<release_id>/email.json")
def email(release_id: str):
    """The release as the body of an e-mail: clean HTML and plain text (for "Copy for e-mail")."""
    from app.release.deliver import render_html, render_text
    from app.web.releasing import draft_release

    release = _release_or_404(release_id)
    live = _stored_live(release)
    draft = live["summary"]["error"] > 0 or review_marks_draft(release)
    docx = render_docx(release.payload, draft=draft)
    model = draft_release(release.payload)
    return jsonify({"html": render_html(model, docx=docx), "text": render_text(model, docx=docx), "draft": draft,
                    "subject": release.title})


def review_marks_draft(release) -> bool:
    """The organisation requires approval and this text is not the approved one (issue 15)."""
    from app.web.reviewing import marks_draft

    return marks_draft(release)


def _stored_live(release) -> dict:
    """The checks of a stored release with its ignores and switched-off rules (a field problem
    cannot be ignored: it always keeps the DRAFT mark)."""
    prefs = read_prefs(__import__("json").dumps(release.prefs or {}))
    live = live_check(release.payload, ignored=set(prefs["ignored"]), rules_off=set(prefs["rules_off"]))
    return live


def download_name(title: str | None, limit: int = 60) -> str:
    """A file name from the headline, cut at a word boundary (never in the middle of a word)."""
    name = " ".join(re.sub(r"[^\w\- ]+", " ", title or "").split())
    if len(name) > limit:
        cut = name[:limit + 1]
        name = cut[:cut.rfind(" ")] if " " in cut else name[:limit]
    return name.strip(" -") or "release"


@bp.get("/releases/<release_id>/history")
def history(release_id: str):
    from app.web.merge import changed_fields, word_diff

    release = _release_or_404(release_id, need="edit")  # earlier drafts are the author's, not the reviewer's
    versions = store.history(release.id)
    by_id = fields_by_id(ReleaseForm(formdata=None, data={n: [{}] * 10 for n in LIST_NAMES}))
    diffs = {}
    for newer, older in zip(versions, versions[1:] + [None]):
        a = flat_fields(older.payload) if older is not None else {}
        b = flat_fields(newer.payload)
        changes = []
        for k in changed_fields(a, b)[:30]:
            label = by_id[k].label.text if k in by_id else k
            m = re.match(r"^(quotes|projects|contacts|logos)-(\d+)-", k)
            if m:
                label = f"{ENTRY_LABELS[m.group(1)]} {int(m.group(2)) + 1}: {label}"
            f = by_id.get(k) or by_id.get(re.sub(r"-\d+-", "-0-", k))
            shown = {}
            if f is not None and getattr(f, "choices", None) and k != "language":
                shown = {str(c.value if hasattr(c, "value") else c[0]): str(c.label if hasattr(c, "label") else c[1])
                         for c in f.choices}
            old_v, new_v = shown.get(a.get(k, ""), a.get(k, "")), shown.get(b.get(k, ""), b.get(k, ""))
            changes.append({"field": k, "label": label, "diff": _short(word_diff(old_v, new_v))})
        diffs[newer.id] = changes
    return render_template("history.html", release=release, versions=versions, diffs=diffs)


def _short(diff: list, context: int = 60) -> list:
    """Long unchanged stretches shortened to their ends (a diff shows what changed)."""
    out = []
    for op, text in diff:
        if op == "=" and len(text) > 2 * context:
            text = text[:context] + " … " + text[-context:]
        out.append((op, text))
    return out


@bp.post("/releases/<release_id>/restore/<int:snapshot_id>")
def restore(release_id: str, snapshot_id: int):
    release = _release_or_404(release_id, need="edit")
    try:
        store.restore(release.id, snapshot_id, release.version)
    except store.NotFound:
        abort(404)
    except store.Conflict:
        return redirect(url_for("releases.history", release_id=release.public_id), code=303)
    return redirect(url_for("releases.edit", release_id=release.public_id, restored=1), code=303)


@bp.get("/releases/logos/<name>")
def logo_image(name: str):
    from app.web.extensions import db
    from app.web.models import LogoImage

    m = re.fullmatch(r"([0-9a-f]{64})\.(png|jpg)", name)
    if not m:
        abort(404)
    from app.web.access import logo_visible

    rec = db.session.get(LogoImage, m.group(1))
    if rec is None or not logo_visible(rec.id):
        abort(404)
    resp = current_app.response_class(rec.data, mimetype=rec.mimetype)
    resp.headers["Cache-Control"] = "private, max-age=31536000, immutable"
    return resp
