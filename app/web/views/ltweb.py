"""LanguageTool's findings for the web pages, fetched by the page after our own findings are shown
(the check page and the release form's live panel never wait on the LanguageTool server).

GET  /check/<id>/languagetool.json   the LanguageTool findings of a checked draft
POST /releases/live/languagetool     the same for the release form as typed (the live panel's form data)

Both answer {"available": bool, "findings": [...]} with findings in the shape of the page's own
(rule lt.<id>, category, severity, message, offset, length, text, suggestions, line; the live panel's
also field/start/end); "available": false when no LanguageTool server answers (the page shows nothing).
"""
from __future__ import annotations

from flask import Blueprint, jsonify

from app.engine.linter import LintContext, lint
from app.errors import PressroomError

bp = Blueprint("ltweb", __name__)


def _server_answers(config) -> bool:
    from app.checks.languagetool import client
    from flask import current_app

    mode = str(current_app.config.get("LTAPI_LANGUAGETOOL", "auto")).lower()
    if mode in ("off", "false", "0", "no"):
        return False
    return client.probe(config, timeout=0.5) if mode == "auto" else True


def languagetool_findings(doc, config, release=None) -> tuple[bool, list]:
    """(server answered, LanguageTool findings on doc not already said by our own checks)."""
    if not _server_answers(config):
        return False, []
    ctx = LintContext(config=config, release=release, options={"languagetool": True})
    res = lint(doc, config, select=["lt"], context=ctx)
    return not res.notices, res.findings


@bp.get("/check/<check_id>/languagetool.json")
def check_languagetool(check_id: str):
    from app.web.linting import message_lang, web_config
    from app.web.views.check import _load

    record = _load(check_id)
    from app.core.readers import read_bytes

    try:
        doc = read_bytes(record.data, record.name, record.fmt,
                         record.language if record.language in ("ru", "en") else "auto")
    except PressroomError:
        return jsonify({"available": False, "findings": []})
    ok, findings = languagetool_findings(doc, web_config())
    lang = message_lang()
    return jsonify({"available": ok, "findings": [f.to_dict(doc, lang) for f in findings]})


@bp.post("/releases/live/languagetool")
def live_languagetool():
    from app.core.readers import read_bytes
    from app.release.render import render_bytes
    from app.web.forms import ReleaseForm
    from app.web.linting import message_lang, web_config
    from app.web.releasing import draft_release, form_to_payload, locate, problems_of, text_fields

    payload = form_to_payload(ReleaseForm())
    config = web_config()
    try:
        release, _problems = problems_of(payload)
        draft = release or draft_release(payload)
        doc = read_bytes(render_bytes(draft, draft=False, config=config), "release.docx", "docx", draft.language)
    except PressroomError:
        return jsonify({"available": False, "findings": []})
    ok, findings = languagetool_findings(doc, config, release=draft)
    fields = text_fields(payload)
    items = []
    for f in findings:
        d = f.to_dict(doc, message_lang())
        loc = locate(doc.text, f.offset, f.end, fields)
        if loc:
            d["field"], d["start"], d["end"] = loc
        items.append(d)
    return jsonify({"available": ok, "findings": items})
