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
from app.web.releasing import (field_id, form_to_payload, live_check, payload_to_formdata, preview_html,
                               render_docx, store_logo)
from app.web.views.check import DOCX_MIME, _download, keeps_input

bp = Blueprint("releases", __name__)
LIST_NAMES = ("quotes", "projects", "contacts", "logos")


def _release_or_404(release_id: int, include_deleted: bool = False):
    try:
        return store.get(release_id, include_deleted)
    except store.NotFound:
        abort(404, description=_("This release does not exist or was deleted."))


def new_payload() -> dict:
    lang = str(get_locale() or "en")
    return {"language": "ru" if lang == "ru" else "en", "date": dt.date.today().isoformat()}


def build_form(payload: dict, release=None) -> ReleaseForm:
    form = ReleaseForm(formdata=None, data=payload_to_formdata(payload))
    if release is not None:
        form.release_id.data = str(release.id)
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
    if live is None:
        live = live_check(payload) if (release is not None or request.method == "POST") else None
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
    items = store.listing(q, sort, deleted)
    undo = None
    if re.fullmatch(r"[0-9]{1,10}", request.args.get("undo", "")):
        try:
            undo = store.get(int(request.args["undo"]), include_deleted=True)
            if undo.deleted_at is None:
                undo = None
        except store.NotFound:
            undo = None
    return render_template("releases.html", items=items, q=q, sort=sort, deleted=deleted, undo=undo)


@bp.post("/releases/<int:release_id>/delete")
def delete(release_id: int):
    _release_or_404(release_id)
    store.delete(release_id)
    return redirect(url_for("releases.index", undo=release_id), code=303)


@bp.post("/releases/<int:release_id>/undelete")
def undelete(release_id: int):
    _release_or_404(release_id, include_deleted=True)
    store.undelete(release_id)
    return redirect(url_for("releases.index"), code=303)


@bp.post("/releases/<int:release_id>/duplicate")
def duplicate(release_id: int):
    _release_or_404(release_id)
    copy = store.duplicate(release_id, copy_suffix=" " + _("(copy)"))
    return redirect(url_for("releases.edit", release_id=copy.id), code=303)


# ----- form ----------------------------------------------------------------------------------------
@bp.route("/releases/new", methods=["GET", "POST"])
@keeps_input
def new():
    if request.method == "GET":
        return render_form(build_form(new_payload()))[0]
    return _post_form(None)


@bp.route("/releases/<int:release_id>/edit", methods=["GET", "POST"])
@keeps_input
def edit(release_id: int):
    release = _release_or_404(release_id)
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
    try:
        if release is None:
            release = store.create(payload)
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
    form.release_id.data, form.version.data = str(release.id), str(release.version)
    if m:
        return render_form(form, release, message=_("Saved."))
    if action == "preview":
        return redirect(url_for("releases.preview", release_id=release.id), code=303)
    if action == "download":
        return redirect(url_for("releases.download", release_id=release.id), code=303)
    return redirect(url_for("releases.edit", release_id=release.id, saved=1), code=303)


# ----- endpoints for the page's JavaScript (form-encoded, CSRF token in the form) -------------------
@bp.post("/releases/autosave")
def autosave():
    form = ReleaseForm()
    payload = form_to_payload(form)
    rid = form.release_id.data
    try:
        if not rid:
            r = store.create(payload)
        else:
            if not re.fullmatch(r"[0-9]{1,10}", str(rid)):  # isdigit() accepts '²', which int() refuses
                return jsonify({"error": _("Unknown release."), "status": 400}), 400
            version = _int(form.version.data)
            r = store.save(int(rid), payload, version, kind=request.form.get("kind", "autosave")
                           if request.form.get("kind") in ("autosave", "save") else "autosave")
    except store.Conflict as e:
        cur = e.current
        return jsonify({
            "error": _("This release was changed in another tab or window (version %(v)s). Your text is kept here: choose what to do.", v=cur.version),
            "status": 409, "current": cur.to_dict(), "yours": payload,
            "current_form": payload_to_formdata(cur.payload),
        }), 409
    except store.NotFound:
        return jsonify({"error": _("This release was deleted. Save your text as a new release."), "status": 404}), 404
    return jsonify({"id": r.id, "version": r.version, "saved_at": r.updated_at.isoformat() + "Z",
                    "edit_url": url_for("releases.edit", release_id=r.id),
                    "preview_url": url_for("releases.preview", release_id=r.id),
                    "download_url": url_for("releases.download", release_id=r.id),
                    "history_url": url_for("releases.history", release_id=r.id)})


@bp.post("/releases/live")
def live():
    form = ReleaseForm()
    result = label_findings(live_check(form_to_payload(form)), form)
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
@bp.get("/releases/<int:release_id>/preview")
def preview(release_id: int):
    release = _release_or_404(release_id)
    live = live_check(release.payload)
    draft = live["summary"]["error"] > 0
    html = preview_html(render_docx(release.payload, draft=draft))
    return render_template("preview.html", release=release, preview=html, live=live, draft=draft)


@bp.get("/releases/<int:release_id>/download.docx")
def download(release_id: int):
    release = _release_or_404(release_id)
    live = live_check(release.payload)
    draft = live["summary"]["error"] > 0 or request.args.get("draft") == "1"
    data = render_docx(release.payload, draft=draft)
    name = re.sub(r"[^\w\- ]+", "", release.title or "release")[:60].strip() or "release"
    resp = _download(data, f"{name}{'-DRAFT' if draft else ''}.docx", DOCX_MIME)
    resp.headers["X-Pressroom-Draft"] = "1" if draft else "0"
    return resp


@bp.get("/releases/<int:release_id>/history")
def history(release_id: int):
    release = _release_or_404(release_id)
    return render_template("history.html", release=release, versions=store.history(release_id))


@bp.post("/releases/<int:release_id>/restore/<int:snapshot_id>")
def restore(release_id: int, snapshot_id: int):
    release = _release_or_404(release_id)
    try:
        store.restore(release_id, snapshot_id, release.version)
    except store.NotFound:
        abort(404)
    except store.Conflict:
        return redirect(url_for("releases.history", release_id=release_id), code=303)
    return redirect(url_for("releases.edit", release_id=release_id, restored=1), code=303)


@bp.get("/releases/logos/<name>")
def logo_image(name: str):
    from app.web.extensions import db
    from app.web.models import LogoImage

    m = re.fullmatch(r"([0-9a-f]{64})\.(png|jpg)", name)
    if not m:
        abort(404)
    rec = db.session.get(LogoImage, m.group(1))
    if rec is None:
        abort(404)
    resp = current_app.response_class(rec.data, mimetype=rec.mimetype)
    resp.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return resp
