"""JSON API (described by /api/openapi.json): lint, render, releases CRUD."""
from __future__ import annotations

import hmac
import json

from flask import Blueprint, current_app, jsonify, request
from flask_babel import gettext as _

from app.errors import PressroomError
from app.output import to_json_dict, to_sarif
from app.web import store
from app.web.linting import OverBudget, TooLong, lint_bytes
from app.web.views.check import safe_name

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_PAYLOAD = 2 * 1024 * 1024  # a release (without logos) is a few KB; logos are data URLs up to ~14 MB?


class ApiError(Exception):
    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


@bp.errorhandler(ApiError)
def api_error(e: ApiError):
    return jsonify({"error": e.message, "status": e.status, **e.extra}), e.status


# POSTs that change nothing (they check or render what they are sent); every other POST, PUT,
# PATCH and DELETE of the API changes data and needs a CSRF token or an API token, routes added
# later included.
READ_ONLY_POSTS = {"api.api_lint", "api.api_render", "api.api_release_check"}


def api_token_ok() -> bool:
    """Did this request authenticate with ``Authorization: Bearer TOKEN`` (a user's API token, or
    one of PRESSROOM_API_TOKENS)? Checked by app.web.auth's request loader."""
    from flask import g
    from flask_login import current_user

    return bool(current_user.is_authenticated) and g.get("auth_via") == "token"


@bp.before_request
def protect():
    """CSRF for the JSON API: a cross-site form or a ``text/plain`` POST carries neither the page's
    CSRF token in ``X-CSRFToken`` (a custom header, which other sites cannot send without a CORS
    preflight that this server never grants) nor an API token."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE") or request.endpoint in READ_ONLY_POSTS:
        return None
    if api_token_ok() or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return None
    from flask_wtf.csrf import validate_csrf
    from wtforms import ValidationError

    token = request.headers.get("X-CSRFToken") or request.headers.get("X-CSRF-Token")
    if not token:
        raise ApiError(403, _("This request changes data: send the page's CSRF token in the X-CSRFToken header, "
                              "or an API token in 'Authorization: Bearer …'."))
    try:
        validate_csrf(token)
    except ValidationError:
        raise ApiError(403, _("The CSRF token is missing or not valid for this session; reload the page.")) from None
    return None


MAX_NESTING = 32


def _refuse_bad_strings(body) -> None:
    """Refuse what no database stores the same way: NUL (PostgreSQL rejects it, SQLite keeps it)
    and lone surrogates (not encodable); and nesting deeper than any release has."""
    stack = [(body, "", 1)]
    while stack:
        item, where, depth = stack.pop()
        if depth > MAX_NESTING:
            raise ApiError(400, _("The JSON is nested too deeply (at most %(n)s levels).", n=MAX_NESTING))
        if isinstance(item, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k), depth + 1) for k, v in item.items())
            stack.extend((k, where or "(key)", depth + 1) for k in item)
        elif isinstance(item, list):
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in enumerate(item))
        elif isinstance(item, str):
            if "\x00" in item:
                raise ApiError(400, _("'%(field)s' contains a NUL character (\\u0000); remove it.", field=where or "body"))
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise ApiError(400, _("'%(field)s' contains a lone surrogate (an invalid \\ud800-\\udfff escape); "
                                      "send valid UTF-16 pairs or the characters themselves.", field=where or "body")) from None


def json_body() -> dict:
    if not request.is_json:
        raise ApiError(415, _("Send the body as application/json."))
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except RecursionError:
        raise ApiError(400, _("The JSON is nested too deeply (at most %(n)s levels).", n=MAX_NESTING)) from None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, _("The body is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise ApiError(400, _("The body must be a JSON object."))
    _refuse_bad_strings(body)
    return body


def payload_of(body: dict) -> dict:
    payload = body.get("payload")
    if not isinstance(payload, dict):
        raise ApiError(400, _("'payload' must be a JSON object (the release)."))
    return payload


def version_of(body: dict) -> int:
    v = body.get("version")
    if not isinstance(v, int) or isinstance(v, bool) or v < 1:
        raise ApiError(400, _("'version' must be the version number the change is based on (an integer, 1 or more)."))
    return v


def _lang(value) -> str:
    if value in (None, "", "auto"):
        return "auto"
    if value not in ("ru", "en"):
        raise ApiError(400, _("'language' must be auto, ru or en."))
    return value


# ----- lint ----------------------------------------------------------------------------------------
@bp.post("/lint")
def api_lint():
    fmt = None
    if request.is_json:
        body = json_body()
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, _("'text' must be a non-empty string."))
        language = _lang(body.get("language"))
        report = body.get("report", "json")
        messages = body.get("messages") or "en"
        if body.get("format") in ("txt", "md"):
            fmt = body["format"]
        elif body.get("format") not in (None, ""):
            raise ApiError(400, _("'format' must be txt or md."))
        data, name = text.encode("utf-8"), safe_name(body.get("name") if isinstance(body.get("name"), str) else None, "text.txt")
    elif request.mimetype == "multipart/form-data" or request.mimetype == "application/x-www-form-urlencoded":
        language = _lang(request.form.get("language"))
        report = request.form.get("report", "json")
        messages = request.form.get("messages") or "en"
        upload = request.files.get("file")
        if upload is not None and upload.filename:
            data = upload.read(current_app.config["MAX_UPLOAD"] + 1)
            name = safe_name(upload.filename)
        elif (request.form.get("text") or "").strip():
            data, name = request.form["text"].encode("utf-8"), "text.txt"
        else:
            raise ApiError(400, _("Send a 'file' or a non-empty 'text'."))
    else:
        raise ApiError(415, _("Send JSON ({\"text\": ...}) or multipart/form-data with a 'file'."))
    if report not in ("json", "sarif"):
        raise ApiError(400, _("'report' must be json or sarif."))
    if messages not in ("en", "ru"):
        raise ApiError(400, _("'messages' must be en or ru."))
    if len(data) > current_app.config["MAX_UPLOAD"]:
        raise ApiError(413, _("The draft is larger than 10 MB."))
    try:
        res = lint_bytes(data, name, language, fmt)
    except TooLong as e:
        raise ApiError(413, str(e)) from None
    except OverBudget as e:
        raise ApiError(422, str(e)) from None
    except PressroomError as e:
        raise ApiError(400, str(e)) from None
    if report == "sarif":
        return current_app.response_class(json.dumps(to_sarif([res], lang=messages), ensure_ascii=False),
                                          mimetype="application/json")
    return jsonify(to_json_dict([res], notices=res.notices, lang=messages))


# ----- releases ------------------------------------------------------------------------------------
def _get(release_id: str, include_deleted: bool = False, need: str = "view"):
    """The release by its public id if the caller may ``need`` it (view/edit), else 404."""
    from app.web.access import find_release

    r = find_release(release_id, include_deleted, need)
    if r is None:
        raise ApiError(404, _("Release %(id)s not found.", id=release_id[:40])) from None
    return r


def _check_size(payload: dict) -> None:
    if len(json.dumps(payload, ensure_ascii=False)) > current_app.config.get("MAX_RELEASE_JSON", 12 * 1024 * 1024):
        raise ApiError(413, _("The release is too large."))


def conflict_response(e: store.Conflict, yours: dict):
    return jsonify({
        "error": _("This release was changed in another tab or by someone else (now version %(v)s). "
                   "Choose which text to keep.", v=e.current.version),
        "status": 409,
        "current": e.current.to_dict(),
        "yours": yours,
    }), 409


@bp.get("/releases")
def releases_list():
    sort = request.args.get("sort", "updated")
    if sort not in store.SORTS:
        raise ApiError(400, _("'sort' must be one of: %(s)s.", s=", ".join(store.SORTS)))
    deleted = request.args.get("deleted", "false") in ("1", "true")
    from app.web.access import visible_clause

    limit, offset = _int_arg("limit", 500, 1, 500), _int_arg("offset", 0, 0, 10 ** 9)
    items = store.listing(request.args.get("q", ""), sort, deleted, where=visible_clause(), limit=limit, offset=offset)
    return jsonify({"releases": [r.to_dict(payload=False) for r in items],
                    "next_offset": offset + len(items) if len(items) == limit else None})


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, _("'%(name)s' must be a whole number from %(low)s to %(high)s.", name=name, low=low, high=high))
    return int(raw)


@bp.post("/releases")
def releases_create():
    body = json_body()
    payload = payload_of(body)
    _check_size(payload)
    r = store.create(payload)
    resp = jsonify(r.to_dict())
    resp.status_code = 201
    resp.headers["Location"] = f"/api/releases/{r.public_id}"
    return resp


@bp.get("/releases/<release_id>")
def releases_get(release_id: str):
    return jsonify(_get(release_id).to_dict())


@bp.put("/releases/<release_id>")
def releases_put(release_id: str):
    body = json_body()
    payload = payload_of(body)
    version = version_of(body)
    _check_size(payload)
    kind = body.get("kind") if body.get("kind") in ("autosave", "save") else "save"
    target = _get(release_id, need="edit")
    try:
        r = store.save(target.id, payload, version, kind=kind)
    except store.Conflict as e:
        return conflict_response(e, payload)
    except store.NotFound:
        raise ApiError(404, _("Release %(id)s not found.", id=release_id)) from None
    return jsonify(r.to_dict(payload=False))


@bp.delete("/releases/<release_id>")
def releases_delete(release_id: str):
    from app.web.access import audit

    target = _get(release_id, need="edit")
    r = store.delete(target.id)
    audit("release.delete", target=r.public_id, detail=r.title[:200], org_id=r.org_id)
    return jsonify(r.to_dict(payload=False))


@bp.post("/releases/<release_id>/undelete")
def releases_undelete(release_id: str):
    from app.web.access import audit

    target = _get(release_id, include_deleted=True, need="edit")
    r = store.undelete(target.id)
    audit("release.undelete", target=r.public_id, detail=r.title[:200], org_id=r.org_id)
    return jsonify(r.to_dict(payload=False))


@bp.post("/releases/<release_id>/duplicate")
def releases_duplicate(release_id: str):
    target = _get(release_id, need="edit")
    r = store.duplicate(target.id)
    resp = jsonify(r.to_dict())
    resp.status_code = 201
    resp.headers["Location"] = f"/api/releases/{r.public_id}"
    return resp


@bp.get("/releases/<release_id>/versions")
def releases_versions(release_id: str):
    target = _get(release_id, need="edit")  # earlier drafts are the author's, not the reviewer's
    return jsonify({"versions": [v.to_dict() for v in store.history(target.id)]})


@bp.post("/releases/<release_id>/restore")
def releases_restore(release_id: str):
    body = json_body()
    version = version_of(body)
    snap = body.get("snapshot")
    if not isinstance(snap, int) or isinstance(snap, bool):
        raise ApiError(400, _("'snapshot' must be the id of a version from the history."))
    target = _get(release_id, need="edit")
    try:
        r = store.restore(target.id, snap, version)
    except store.Conflict as e:
        return conflict_response(e, {})
    except store.NotFound:
        raise ApiError(404, _("Version %(s)s of release %(id)s not found.", s=snap, id=release_id)) from None
    return jsonify(r.to_dict())


@bp.get("/openapi.json")
def openapi():
    from app.web.openapi import spec

    return jsonify(spec())


# ----- render and live checks -----------------------------------------------------------------------
@bp.post("/render")
def api_render():
    from app.web.releasing import live_check, render_docx
    from app.web.views.check import DOCX_MIME

    body = json_body()
    payload = payload_of(body)
    _check_size(payload)
    live = live_check(payload)
    from app.web.reviewing import marks_draft_payload

    draft = (live["summary"]["error"] > 0 or request.args.get("draft") in ("1", "true")
             or marks_draft_payload(payload))  # not approved (issue 15)
    try:
        data = render_docx(payload, draft=draft)
    except PressroomError as e:
        raise ApiError(400, str(e)) from None
    from app.web.views.check import _download

    resp = _download(data, f'release{"-DRAFT" if draft else ""}.docx', DOCX_MIME)
    resp.headers["X-Pressroom-Draft"] = "1" if draft else "0"
    return resp


@bp.post("/releases/check")
def api_release_check():
    from app.web.releasing import live_check

    body = json_body()
    payload = payload_of(body)
    _check_size(payload)
    return jsonify(live_check(payload))
