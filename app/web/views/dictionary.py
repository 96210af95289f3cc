"""The dictionary page and its endpoints (add a word from a finding, remove, export, import)."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.errors import InputError
from app.web import dictionary

bp = Blueprint("dictionary", __name__)


@bp.get("/dictionary")
def page():
    return render_template("dictionary.html", words=dictionary.words(), message=request.args.get("m"))


@bp.post("/dictionary/add")
def add():
    word = request.form.get("word") or (request.get_json(silent=True) or {}).get("word") or ""
    try:
        w = dictionary.add(word)
    except InputError:
        if request.accept_mimetypes.best == "application/json" or request.is_json:
            return jsonify({"error": _("This is not a word that can be added to the dictionary."), "status": 400}), 400
        return redirect(url_for("dictionary.page", m=_("This is not a word that can be added to the dictionary.")), code=303)
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify({"word": w, "words": len(dictionary.words()),
                        "message": _("«%(word)s» was added to the dictionary.", word=w)})
    return redirect(url_for("dictionary.page", m=_("«%(word)s» was added to the dictionary.", word=w)), code=303)


@bp.post("/dictionary/remove")
def remove():
    dictionary.remove(request.form.get("word", ""))
    return redirect(url_for("dictionary.page"), code=303)


@bp.get("/dictionary/pressroom.toml")
def export():
    resp = Response(dictionary.export_toml(), mimetype="application/toml")
    resp.headers["Content-Disposition"] = "attachment; filename=pressroom.toml"
    return resp


@bp.post("/dictionary/import")
def import_():
    fs = request.files.get("file")
    if fs is None or not fs.filename:
        return redirect(url_for("dictionary.page", m=_("Choose a pressroom.toml file.")), code=303)
    try:
        n = dictionary.import_toml(fs.read(1024 * 1024).decode("utf-8", "replace"))
    except InputError as e:
        return redirect(url_for("dictionary.page", m=_("The file was not imported: %(reason)s", reason=str(e))), code=303)
    return redirect(url_for("dictionary.page", m=_("%(num)d new words imported.", num=n)), code=303)
