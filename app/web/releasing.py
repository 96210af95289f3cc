"""The release form's logic: form <-> payload, live checks (field problems, linter findings on the
rendered text, cross-checks between fields and text), best-effort drafts, the HTML preview."""
from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import html
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from app.core.readers import read_bytes
from app.engine.lintcache import cached_lint
from app.errors import PressroomError
from app.release import Release, ReleaseInvalid, validate
from app.release.model import SPEC, Problem
from app.web.linting import message_lang, web_config

LISTS = ("quotes", "projects", "contacts", "logos")
_NUM_SPACES = re.compile(r"[\s\u00a0\u202f']")


# ----- form <-> payload ----------------------------------------------------------------------------
def _s(v: Any) -> str:
    return v.strip() if isinstance(v, str) else ""


def parse_number(text: str) -> Any:
    """'777 895' -> 777895, '777.895' -> 777895 (a group of three digits after a dot or comma is a
    thousands separator in both languages), '1,5' -> 1.5; anything ambiguous or not a number stays
    text (the model then says what is wrong)."""
    from app.release.amount import AmountError, parse_amount

    raw = _s(text)
    if not raw:
        return None
    if len(_NUM_SPACES.sub("", raw)) > 40:  # no budget has 40 digits; int() refuses more than 4 300 (a 500 before)
        return raw
    try:
        d = parse_amount(raw)
    except AmountError:
        return raw
    return int(d) if d == d.to_integral_value() else float(d)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()]


def lines(text: str) -> list[str]:
    return [x.strip() for x in (text or "").replace("\r\n", "\n").split("\n") if x.strip()]


def form_to_payload(form) -> dict:
    """The form as a release mapping (the model's shape; what cannot be parsed stays as typed)."""
    p: dict[str, Any] = {}

    def put(key, value):
        if value not in (None, "", [], {}):
            p[key] = value

    put("language", _s(form.language.data))
    put("date", _s(form.date.data))
    put("city", _s(form.city.data))
    if _s(form.embargo_date.data) or _s(form.embargo_time.data):
        emb = {}
        if _s(form.embargo_date.data):
            emb["date"] = _s(form.embargo_date.data)
        if _s(form.embargo_time.data):
            emb["time"] = _s(form.embargo_time.data)
        p["embargo"] = emb
    for key in ("label", "headline", "subheadline", "lead", "organisation", "boilerplate"):
        put(key, _s(getattr(form, key).data))
    put("body", paragraphs(form.body.data))
    put("background", paragraphs(form.background.data))
    quotes = []
    for e in form.quotes:
        q = {k: _s(e[k].data) for k in ("speaker", "position", "text") if _s(e[k].data)}
        if q:
            quotes.append(q)
    put("quotes", quotes)
    projects = []
    for e in form.projects:
        pr: dict[str, Any] = {}
        for k in ("name", "start", "end"):
            if _s(e[k].data):
                pr[k] = _s(e[k].data)
        orgs = lines(e["organisations"].data)
        if orgs:
            pr["organisations"] = orgs
        for k in ("total_budget", "eu_contribution"):
            v = parse_number(e[k].data)
            if v is not None:
                pr[k] = v
        if pr:
            if _s(e["currency"].data):
                pr["currency"] = _s(e["currency"].data)
            if _s(e["funding"].data):
                pr["funding"] = _s(e["funding"].data)
            projects.append(pr)
    put("projects", projects)
    contacts = []
    for e in form.contacts:
        c = {k: _s(e[k].data) for k in ("name", "role", "organisation", "phone", "email") if _s(e[k].data)}
        if c:
            contacts.append(c)
    put("contacts", contacts)
    logos = []
    for e in form.logos:
        if _s(e["path"].data):
            lg = {"path": _s(e["path"].data)}
            if _s(e["name"].data):
                lg["name"] = _s(e["name"].data)
            logos.append(lg)
    put("logos", logos)
    return p


def is_blank(payload: dict) -> bool:
    """Nothing typed yet: only the defaults a new form starts with (language, today's date)."""
    return not any(k not in ("language", "date") for k in payload)


def _fmt_number(v: Any) -> str:
    if isinstance(v, bool) or v is None:
        return ""
    if isinstance(v, (int, float, Decimal)):
        d = Decimal(str(v))
        if d == d.to_integral_value():
            return f"{int(d):,}".replace(",", " ")
        return str(v)
    return str(v)


def payload_to_formdata(p: dict) -> dict:
    """Data for ReleaseForm(data=...)."""
    p = p if isinstance(p, dict) else {}
    emb = p.get("embargo") if isinstance(p.get("embargo"), dict) else {}

    def txt(v):
        return v if isinstance(v, str) else ("" if v is None else str(v))

    def lst(v):
        return v if isinstance(v, list) else []

    data = {k: txt(p.get(k)) for k in ("language", "date", "city", "label", "headline", "subheadline", "lead",
                                      "organisation", "boilerplate")}
    data["language"] = data["language"] or "ru"
    data["embargo_date"] = txt(emb.get("date"))
    data["embargo_time"] = txt(emb.get("time"))
    data["body"] = "\n\n".join(txt(x) for x in lst(p.get("body")))
    data["background"] = "\n\n".join(txt(x) for x in lst(p.get("background")))
    data["quotes"] = [{k: txt(q.get(k)) for k in ("speaker", "position", "text")}
                      for q in lst(p.get("quotes")) if isinstance(q, dict)]
    data["projects"] = [{
        "name": txt(pr.get("name")), "start": txt(pr.get("start")), "end": txt(pr.get("end")),
        "organisations": "\n".join(txt(o) for o in lst(pr.get("organisations"))),
        "total_budget": _fmt_number(pr.get("total_budget")), "eu_contribution": _fmt_number(pr.get("eu_contribution")),
        "currency": txt(pr.get("currency")) or "EUR", "funding": txt(pr.get("funding")) or "funded",
    } for pr in lst(p.get("projects")) if isinstance(pr, dict)] or [{"currency": "EUR", "funding": "funded"}]
    data["contacts"] = [{k: txt(c.get(k)) for k in ("name", "role", "organisation", "phone", "email")}
                        for c in lst(p.get("contacts")) if isinstance(c, dict)] or [{}]
    data["logos"] = [{"path": txt(lg.get("path")), "name": txt(lg.get("name"))}
                     for lg in lst(p.get("logos")) if isinstance(lg, dict)]
    return data


def field_id(path: str) -> str:
    """Model path -> form field id: projects[0].eu_contribution -> projects-0-eu_contribution."""
    if not path:
        return ""
    m = re.match(r"^(\w+)\[(\d+)\](?:\.(\w+))?", path)
    if m:
        name, i, sub = m.groups()
        if name in ("body", "background"):
            return name
        if not sub:
            return f"{name}-{i}-" + {"quotes": "text", "projects": "name", "contacts": "name", "logos": "file"}.get(name, "")
        if name == "logos" and sub == "path":
            sub = "file"
        return f"{name}-{i}-{sub}"
    if path.startswith("embargo"):
        return "embargo_time" if path.endswith(".time") else "embargo_date"
    head = path.split(".")[0].split("[")[0]
    return {"quotes": "add-quotes", "projects": "projects-0-name", "contacts": "contacts-0-name",
            "logos": "add-logos"}.get(head, head)


# ----- logos ---------------------------------------------------------------------------------------
def logo_dir() -> Path:
    d = Path(current_app.instance_path) / "logos"
    d.mkdir(parents=True, exist_ok=True)
    return d


def store_logo(data: bytes) -> str:
    """Keep an uploaded logo (PNG/JPEG, checked by content); return its file name for the payload."""
    from PIL import Image
    import io

    from app.web.extensions import db
    from app.web.models import LogoImage

    if len(data) > 5 * 1024 * 1024:
        raise PressroomError(_("The logo is larger than 5 MB. Save it at a lower resolution and upload it again."))
    not_image = _("This file is not a PNG or JPEG image. Save the logo as PNG or JPEG and upload it again.")
    try:
        with Image.open(io.BytesIO(data)) as im:
            fmt = im.format
            im.verify()
    except Exception:
        raise PressroomError(not_image) from None
    if fmt not in ("PNG", "JPEG"):
        raise PressroomError(not_image)
    sha = hashlib.sha256(data).hexdigest()
    ext = "png" if fmt == "PNG" else "jpg"
    if db.session.get(LogoImage, sha) is None:
        db.session.add(LogoImage(id=sha, mimetype=f"image/{'png' if fmt == 'PNG' else 'jpeg'}", data=data))
        db.session.flush()
    from app.web.models import LogoOwner
    from app.web.tenancy import current_organisation_id

    org = current_organisation_id()
    if org is not None and db.session.get(LogoOwner, (sha, org)) is None:
        db.session.add(LogoOwner(logo_id=sha, org_id=org))
    db.session.commit()
    _materialise(sha, ext, data)
    return f"{sha}.{ext}"


def _materialise(sha: str, ext: str, data: bytes | None = None) -> None:
    path = logo_dir() / f"{sha}.{ext}"
    if path.is_file():
        return
    if data is None:
        from app.web.extensions import db
        from app.web.models import LogoImage

        rec = db.session.get(LogoImage, sha)
        if rec is None:
            return
        data = rec.data
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _safe_logos(payload: dict) -> None:
    """Logos may only name uploaded images (never a path on the server)."""
    logos = payload.get("logos")
    if not isinstance(logos, list):
        return
    keep = []
    for lg in logos:
        if isinstance(lg, dict) and isinstance(lg.get("path"), str) and re.fullmatch(r"[0-9a-f]{64}\.(png|jpg)", lg["path"]):
            sha, ext = lg["path"].split(".")
            _materialise(sha, ext)
            keep.append(lg)
        elif isinstance(lg, dict):
            keep.append({**lg, "path": "missing-logo.png"})
    payload["logos"] = keep


# ----- model -------------------------------------------------------------------------------------
def _problems(payload: dict) -> tuple[Release | None, list[Problem]]:
    try:
        release = Release.from_dict(payload, base_dir=str(logo_dir()))
    except ReleaseInvalid as e:
        return None, list(e.problems)
    return release, validate(release, web_config().region)


def _ui_lang() -> str | None:
    from flask import has_request_context
    from flask_babel import get_locale

    if not has_request_context():
        return None
    lang = str(get_locale() or "")
    return lang if lang in ("ru", "en") else None


def problems_of(payload: dict) -> tuple[Release | None, list[Problem]]:
    """The release and its field problems, worded in the UI language (the model words them in the
    release's language: an English release edited in the Russian UI still gets Russian messages)."""
    payload = copy.deepcopy(payload)
    _safe_logos(payload)
    release, problems = _problems(payload)
    ui = _ui_lang()
    if problems and ui and payload.get("language") in ("ru", "en") and payload["language"] != ui:
        _, worded = _problems({**payload, "language": ui})
        if [p.path for p in worded] == [p.path for p in problems]:  # the same problems: take their wording
            problems = [Problem(p.path, w.message) for p, w in zip(problems, worded)]
    return release, problems


def _placeholder(spec, lang: str) -> Any:
    if spec.kind in ("string", "text"):
        return "…"
    if spec.kind == "date":
        return dt.date.today().isoformat()
    if spec.kind == "time":
        return "10:00"
    if spec.kind == "number":
        return 0
    if spec.kind == "enum":
        return spec.default or spec.enum[0]
    if spec.kind == "list":
        if isinstance(spec.item, str):
            return ["…"]
        return [_minimal(spec.item, lang)]
    if spec.kind == "object":
        return _minimal(spec.cls, lang)
    return None


def _minimal(cls, lang: str) -> dict:
    return {s.name: _placeholder(s, lang) for s in SPEC[cls] if s.required}


def _spec_at(path: str):
    cls, spec = Release, None
    for part in path.split("."):
        m = re.match(r"^(\w+)(?:\[(\d+)\])?$", part)
        if not m:
            return None
        name, idx = m.groups()
        spec = next((s for s in SPEC.get(cls, []) if s.name == name), None)
        if spec is None:
            return None
        if idx is not None:
            if isinstance(spec.item, str):
                return spec.__class__(spec.name, spec.item, True, max_length=spec.max_length)
            cls = spec.item
        elif spec.kind == "object":
            cls = spec.cls
    return spec


def _set_path(data: dict, path: str, value: Any, delete: bool = False) -> None:
    parts = re.findall(r"(\w+)(?:\[(\d+)\])?", path)
    cur: Any = data
    for k, (name, idx) in enumerate(parts):
        last = k == len(parts) - 1
        if last and not idx:
            if delete:
                cur.pop(name, None)
            else:
                cur[name] = value
            return
        if last and idx:
            lst = cur.get(name)
            if isinstance(lst, list) and int(idx) < len(lst):
                lst[int(idx)] = value
            return
        nxt = cur.get(name)
        if idx:
            if not isinstance(nxt, list) or int(idx) >= len(nxt):
                return
            nxt = nxt[int(idx)]
        if not isinstance(nxt, dict):
            return
        cur = nxt


def draft_release(payload: dict) -> Release:
    """A release that can be rendered even while fields are missing or wrong (placeholders)."""
    data = copy.deepcopy(payload) if isinstance(payload, dict) else {}
    _safe_logos(data)
    lang = data.get("language") if data.get("language") in ("ru", "en") else "ru"
    data["language"] = lang
    for _attempt in range(6):
        try:
            release = Release.from_dict(data, base_dir=str(logo_dir()))
            break
        except ReleaseInvalid as e:
            for prob in e.problems:
                spec = _spec_at(prob.path)
                if spec is None:
                    _set_path(data, prob.path, None, delete=True)
                elif spec.required or spec.kind in ("string", "text", "date", "number", "enum", "time"):
                    if spec.required:
                        _set_path(data, prob.path, _placeholder(spec, lang))
                    else:
                        _set_path(data, prob.path, None, delete=True)
                else:
                    _set_path(data, prob.path, None, delete=True)
    else:  # pragma: no cover - placeholders always parse
        release = Release.from_dict({**_minimal(Release, lang), "language": lang}, base_dir=str(logo_dir()))
    # Invalid logos would stop the renderer: leave them out of a draft.
    from app.release.validate import check_logo, logo_path

    release.logos = [lg for lg in release.logos if check_logo(logo_path(release, lg.path), lang) is None]
    return release


def render_docx(payload: dict, draft: bool) -> bytes:
    from app.release.render import render_bytes

    release = draft_release(payload)
    return render_bytes(release, draft=draft, config=web_config())


# ----- live checks --------------------------------------------------------------------------------
_TRANS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "«": '"', "»": '"', "“": '"', "”": '"',
                        "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u2011": "-", "ё": "е", "Ё": "Е"})


def _norm(s: str) -> str:
    t = s.translate(_TRANS)
    folded = t.casefold()
    return folded if len(folded) == len(s) else t  # offsets must stay those of the field's text


def text_fields(payload: dict) -> list[tuple[str, str]]:
    """(field id, value as in the form) for every free-text field."""
    out = []
    fd = payload_to_formdata(payload)
    for k in ("headline", "subheadline", "lead", "body", "background", "city", "label", "organisation", "boilerplate"):
        if fd.get(k):
            out.append((k, fd[k]))
    for lst in ("quotes", "projects", "contacts", "logos"):
        for i, entry in enumerate(fd[lst]):
            for k, v in entry.items():
                if v and isinstance(v, str):
                    out.append((f"{lst}-{i}-{k}", v))
    return out


@lru_cache(maxsize=256)
def _normalised(value: str) -> str:
    """_norm of a field's value: the same fields are searched for every finding of a live check."""
    return _norm(value)


def locate(doc_text: str, start: int, end: int, fields: list[tuple[str, str]]) -> tuple[str, int, int] | None:
    span = doc_text[start:end]
    if not span.strip():
        return None
    ns = _norm(span)
    before = _norm(doc_text[max(0, start - 12):start])
    after = _norm(doc_text[end:end + 12])
    best = None
    for fid, value in fields:
        nv = _normalised(value)
        i = nv.find(ns)
        while i >= 0:
            score = (1 if before and nv[:i].endswith(before) else 0) + (1 if after and nv[i + len(ns):].startswith(after) else 0)
            if best is None or score > best[0]:
                best = (score, fid, i, i + len(ns))
            i = nv.find(ns, i + 1)
    return (best[1], best[2], best[3]) if best else None


def budget_amounts(text: str, language: str) -> list:
    """The budget figures of a text field, read by the same facts model the figures checks use
    (app.facts): amounts whose wording makes them a total, the EU's part, co-financing or the rest."""
    from app.facts import facts

    try:
        doc = read_bytes(text.encode("utf-8"), "field.txt", "txt", language if language in ("ru", "en") else "auto")
    except PressroomError:
        return []
    return [f for f in facts(doc).facts if f.kind == "money" and f.role in ("total", "eu", "cofin", "remaining")
            and not (f.subset or f.hedge or f.meta.get("each") or f.meta.get("product") or f.meta.get("aggregate"))]


def _same_amount(f, known: Decimal) -> bool:
    """An amount as written («1,35 млн») equals a field's value (1 350 000) to its written precision."""
    from app.facts.solve import _unit_of

    unit = _unit_of(f)
    return abs(float(known) - f.value) < max(unit / 2, 0.005)


def cross_checks(payload: dict, release: Release | None, lang: str) -> list[dict]:
    """Facts in the text that differ from the fields: budgets and phones (messages in the UI language)."""
    out: list[dict] = []
    if release is None:
        return out
    fields = [(fid, v) for fid, v in text_fields(payload)
              if fid in ("lead", "body", "background", "subheadline", "headline") or fid.startswith("quotes-")]
    amounts = {}
    for p in release.projects:
        for v in (p.total_budget, p.eu_contribution):
            if not v:
                continue
            amounts.setdefault(p.currency, set()).add(Decimal(v))
    for fid, value in fields:
        for f in budget_amounts(value, release.language):
            cur = f.unit
            known = amounts.get(cur)
            if not known:
                continue
            if not any(_same_amount(f, k) for k in known):
                fmt = ", ".join(_fmt_number(x) for x in sorted(known))
                out.append({
                    "rule": "crosscheck.budget", "category": "consistency", "severity": "warning",
                    "message": _("The amount %(amount)s in the text matches no project's budget or EU contribution "
                                 "(%(known)s %(currency)s)", amount=f.text.strip(), known=fmt, currency=cur),
                    "suggestions": [], "field": fid, "start": f.start, "end": f.end, "text": f.text,
                    "related": [{"field": f"projects-{i}-{k}"} for i, pr in enumerate(release.projects)
                                for k in ("total_budget", "eu_contribution") if getattr(pr, k)],
                })
    import phonenumbers

    region = web_config().region
    known_phones = set()
    for c in release.contacts:
        try:
            known_phones.add(phonenumbers.format_number(phonenumbers.parse(c.phone, region), phonenumbers.PhoneNumberFormat.E164))
        except phonenumbers.NumberParseException:
            pass
    if known_phones:
        for fid, value in fields:
            for m in phonenumbers.PhoneNumberMatcher(value, region, leniency=phonenumbers.Leniency.POSSIBLE):
                e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
                if re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+", m.raw_string.strip()):
                    continue  # «2 000 000» is an amount, not a phone
                if e164 not in known_phones:
                    out.append({
                        "rule": "crosscheck.phone", "category": "contact", "severity": "warning",
                        "message": _("The phone %(phone)s in the text is not the phone of any media contact",
                                     phone=m.raw_string),
                        "suggestions": [c.phone for c in release.contacts][:2], "field": fid,
                        "start": m.start, "end": m.end, "text": m.raw_string,
                        "related": [{"field": f"contacts-{i}-phone"} for i, c in enumerate(release.contacts) if c.phone],
                    })
    return out


FIELD_ORDER = ("language", "date", "city", "label", "embargo_date", "embargo_time", "headline", "subheadline", "lead",
               "body", "quotes", "background", "projects", "contacts", "organisation", "logos", "boilerplate")
_SUB_ORDER = {"quotes": ("speaker", "position", "text"),
              "projects": ("name", "organisations", "start", "end", "total_budget", "eu_contribution", "currency", "funding"),
              "contacts": ("name", "role", "organisation", "phone", "email"), "logos": ("file", "path", "name")}
_EMPTY_KEYS = ("required", "empty", "min_items")


def field_rank(fid: str | None) -> tuple:
    """Where a field is in the form: findings are listed in this order."""
    if not fid:
        return (len(FIELD_ORDER), 0, 0)
    m = re.match(r"^(\w+?)-(\d+)-(\w+)$", fid)
    if m and m.group(1) in _SUB_ORDER:
        name, i, sub = m.groups()
        subs = _SUB_ORDER[name]
        return (FIELD_ORDER.index(name), int(i), subs.index(sub) if sub in subs else len(subs))
    head = fid.split("-")[0]
    if head == "add":
        head = fid.split("-")[1] if "-" in fid else head
    return (FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER), 0, 0)


def utf16(text: str, offset: int) -> int:
    """A code-point offset in text as JavaScript counts it (UTF-16 units: an emoji is two)."""
    offset = max(0, min(offset, len(text)))
    prefix = text[:offset]
    return offset + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def _is_empty_problem(prob: Problem, lang: str) -> bool:
    from app.release.model import MESSAGES

    return any(prob.message.startswith(MESSAGES[k][l].split("{")[0]) for k in _EMPTY_KEYS for l in ("en", "ru"))


def _value_at(obj: Any, path: str) -> Any:
    cur = obj
    for name, idx in re.findall(r"(\w+)(?:\[(\d+)\])?", path or ""):
        cur = getattr(cur, name, None) if not isinstance(cur, dict) else cur.get(name)
        if idx:
            cur = cur[int(idx)] if isinstance(cur, list) and int(idx) < len(cur) else None
        if cur is None:
            return None
    return cur


def understood_amounts(payload: dict, lang: str) -> dict:
    """{field id: '= 777 895 евро'}: the amount each budget field was read as (shown beside it)."""
    from app.release.fmt import money

    out = {}
    for i, pr in enumerate(payload.get("projects") or []):
        if not isinstance(pr, dict):
            continue
        cur = pr.get("currency") if pr.get("currency") in ("EUR", "USD", "KZT") else "EUR"
        for k in ("total_budget", "eu_contribution"):
            v = pr.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out[f"projects-{i}-{k}"] = "= " + money(Decimal(str(v)), cur, lang, nbsp=False)
    return out


def _block_field(doc, offset: int, release: Release | None, category: str) -> str | None:
    """A finding on text the renderer wrote (the project block, a contact block, the disclaimer):
    the field it comes from, so a click on the finding still goes somewhere useful."""
    if release is None:
        return None
    block = next((b for b in doc.blocks if b.start <= offset <= b.end), None)
    if block is None:
        return None
    text = _norm(doc.text[block.start:block.end])
    for i, p in enumerate(release.projects):
        if _norm(p.name) in text:
            return f"projects-{i}-{'eu_contribution' if category == 'figures' else 'name'}"
    for i, c in enumerate(release.contacts):
        if _norm(c.name) in text:
            return f"contacts-{i}-{'phone' if category == 'contact' else 'name'}"
    if release.organisation and _norm(release.organisation) in text:
        return "organisation"
    return None


def _fingerprint(item: dict) -> str:
    return f"{item.get('rule')}|{item.get('field') or ''}|{_norm(item.get('text') or item.get('message') or '')}"


def live_check(payload: dict, raw_fields: dict | None = None, touched: set | None = None,
               ignored: set | None = None, rules_off: set | None = None, config=None) -> dict:
    """Everything the live panel shows for the release as typed.

    raw_fields: {field id: text as in the browser} (offsets are then those of the browser's text, in
    UTF-16 units); touched: field ids the user has worked on (None: all; a required field that is
    still empty is not an error until touched, it is counted in ``pending``); ignored: finding
    fingerprints ignored once; rules_off: rules switched off for this release; config: the
    organisation's configuration (its dictionary)."""
    release, problems = problems_of(payload)
    lang = payload.get("language") if payload.get("language") in ("ru", "en") else "ru"
    if config is None:
        from app.web.linting import checking_config

        config = checking_config()
    fields = text_fields(payload)
    if raw_fields:
        fields = [(fid, raw_fields.get(fid, v) if isinstance(raw_fields.get(fid), str) else v) for fid, v in fields]
    values = dict(fields)
    items: list[dict] = []
    pending = 0
    problem_fields: dict[str, dict] = {}
    budget_problem = False
    for prob in problems:
        fid = field_id(prob.path)
        if touched is not None and fid not in touched and _is_empty_problem(prob, lang):
            pending += 1
            continue
        it = {"rule": "field", "category": "structure", "severity": "error", "message": prob.message,
              "path": prob.path, "field": fid, "suggestions": []}
        if re.search(r"\.(total_budget|eu_contribution)$", prob.path):
            budget_problem = True
        value = values.get(fid)
        if prob.start is not None and isinstance(value, str):
            own = _value_at(release, prob.path) if release is not None else None
            own = own if isinstance(own, str) else _value_at(_ParsedView(payload), prob.path)
            snippet = own[prob.start:prob.end] if isinstance(own, str) else ""
            pos = _normalised(value).find(_norm(snippet)) if snippet.strip() else -1
            if pos >= 0:
                it.update(start=pos, end=pos + len(snippet), text=value[pos:pos + len(snippet)])
                if prob.fix is not None:  # "" removes the span (a leftover tag, a repeated date)
                    it.update(fix=prob.fix, suggestions=[prob.fix], safe=True)
        elif prob.fix and isinstance(value, str):
            it.update(start=0, end=len(value), text=value, fix=prob.fix, suggestions=[prob.fix], safe=True)
        items.append(it)
        if "start" not in it or (it.get("end") == len(value or "")):
            problem_fields.setdefault(fid, it)
    text = ""
    draft = None
    try:
        draft = release or draft_release(payload)
        from app.release.render import render_bytes

        data = render_bytes(draft, draft=False, config=config)
        doc = read_bytes(data, "release.docx", "docx", draft.language)
        res = cached_lint(doc, config, release=draft)  # the paragraphs the last keystroke left alone: from the cache
        text = doc.text
        seen: set = set()
        for f in res.findings:
            d = f.to_dict(doc, message_lang())  # the UI language, like the field problems above
            if d["text"].strip() in ("…",):
                continue  # a placeholder for a missing field: the field problem says it already
            if release is None and f.rule.startswith("structure.missing"):
                continue  # a part missing from a draft with placeholders: the field problems say which
            if f.fix is not None:
                d["fix"], d["safe"] = f.fix, True
            rel = []
            for o, n in f.related:  # the other places a cross-field finding is about: every one, in its field
                rl = locate(doc.text, o, o + n, fields)
                if rl:
                    rel.append({"field": rl[0], "start": rl[1], "end": rl[2]})
                else:
                    bf = _block_field(doc, o, draft, f.category)
                    if bf:
                        rel.append({"field": bf})
            d["related"] = rel
            loc = locate(doc.text, f.offset, f.end, fields)
            if loc:
                d["field"], d["start"], d["end"] = loc
                d["text"] = values.get(loc[0], "")[loc[1]:loc[2]] or d["text"]
            else:
                d["field"] = _block_field(doc, f.offset, draft, f.category) or ""
                if budget_problem and f.category == "figures":
                    continue  # an unparsable budget is one problem: the placeholder's sums are not checked
                d.pop("start", None)
            fid = d.get("field")
            whole = problem_fields.get(fid)
            if whole is not None and (not loc or (loc[1] <= 0 and loc[2] >= len(values.get(fid, "").strip()))
                                      or whole.get("start") is not None and loc[1] < whole["end"] and whole["start"] < loc[2]):
                if not whole["suggestions"] and d["suggestions"]:  # one finding: the field's, with the check's fix
                    whole["suggestions"] = d["suggestions"][:3]
                    if "start" not in whole and isinstance(values.get(fid), str):
                        v = values[fid]
                        whole.update(start=0, end=len(v), text=v)
                    whole["fix"] = d.get("fix") or d["suggestions"][0]
                continue
            key = (fid, d.get("start"), d.get("end"), f.rule) if loc else (f.rule, _norm(d["text"]))
            if key in seen:
                continue
            seen.add(key)
            items.append(d)
    except PressroomError as e:
        items.append({"rule": "render", "category": "structure", "severity": "error", "message": str(e),
                      "field": "", "suggestions": []})
    items.extend(cross_checks(payload, release or draft, lang))
    # the same mistake reached through a field and a text field's copy of it: one finding
    out, seen_at = [], set()
    for it in items:
        key = (it.get("field"), it.get("start"), it.get("end")) if it.get("start") is not None else None
        if key and key in seen_at and it["rule"] != "field":
            continue
        if key:
            seen_at.add(key)
        it["id"] = hashlib.sha1(_fingerprint(it).encode()).hexdigest()[:12]
        if it["severity"] != "error" or it["rule"] != "field":  # a field problem cannot be ignored
            if ignored and it["id"] in ignored:
                continue
            if rules_off and it["rule"] in rules_off:
                continue
        out.append(it)
    items = out
    order = {"error": 0, "warning": 1, "info": 2}
    items.sort(key=lambda x: (field_rank(x.get("field")), x.get("start") if x.get("start") is not None else -1,
                              order.get(x["severity"], 3)))
    for it in items:  # offsets for the browser: UTF-16 units
        v = values.get(it.get("field"))
        if it.get("start") is not None and isinstance(v, str):
            it["start"], it["end"] = utf16(v, it["start"]), utf16(v, it["end"])
        for r in it.get("related") or ():
            rv = values.get(r.get("field"))
            if r.get("start") is not None and isinstance(rv, str):
                r["start"], r["end"] = utf16(rv, r["start"]), utf16(rv, r["end"])
    summary = {"error": 0, "warning": 0, "info": 0}
    for it in items:
        summary[it["severity"]] = summary.get(it["severity"], 0) + 1
    return {"problems": [{"path": p.path, "message": p.message, "field": field_id(p.path)} for p in problems],
            "findings": items, "summary": summary, "text": text, "pending": pending,
            "valid": release is not None and not problems, "amounts": understood_amounts(payload, lang)}


class _ParsedView:
    """Payload values reached by model paths (for problems of a release that did not parse)."""

    def __init__(self, payload: dict):
        self.payload = payload

    def __getattr__(self, name):
        return self.payload.get(name)


# ----- preview ------------------------------------------------------------------------------------
def preview_html(docx_bytes: bytes) -> str:
    """The rendered DOCX as HTML: first-page header (emblem, statement, logos), body paragraphs with
    their styles, footer; images as data URLs. Everything escaped."""
    import io

    from docx import Document as open_docx
    from docx.oxml.ns import qn

    d = open_docx(io.BytesIO(docx_bytes))
    sec = d.sections[0]

    def images(el, part) -> list[str]:
        out = []
        for blip in el.iter(qn("a:blip")):
            rid = blip.get(qn("r:embed"))
            try:
                img = part.related_parts[rid]
            except KeyError:
                continue
            b64 = base64.b64encode(img.blob).decode()
            out.append(f'<img alt="" src="data:{html.escape(img.content_type)};base64,{b64}">')
        return out

    def para(p, part, tag="p") -> str:
        style = (p.style.name if p.style is not None else "Normal") or "Normal"
        cls = "s-" + re.sub(r"[^a-z0-9]+", "-", style.lower()).strip("-")
        inner = []
        for child in p._p.iterchildren():
            if child.tag == qn("w:r"):
                from docx.text.run import Run

                run = Run(child, p)
                t = html.escape(run.text).replace("\n", "<br>").replace("\t", " ")
                if run.bold:
                    t = f"<strong>{t}</strong>"
                if run.italic:
                    t = f"<em>{t}</em>"
                inner.append(t)
                inner.extend(images(child, part))
            elif child.tag == qn("w:hyperlink"):
                txt = "".join(t.text or "" for t in child.iter(qn("w:t")))
                inner.append(f'<span class="link">{html.escape(txt)}</span>')
        align = p.alignment
        a = f" align-{str(align).split('.')[-1].split(' ')[0].lower()}" if align is not None else ""
        body = "".join(inner) or "&nbsp;"
        return f'<{tag} class="{cls}{a}">{body}</{tag}>'

    def block_items(container, part) -> str:
        out = []
        el = container._element
        if el.tag == qn("w:document"):
            el, container = el.body, container._body
        for child in el.iterchildren():
            if child.tag == qn("w:p"):
                from docx.text.paragraph import Paragraph

                out.append(para(Paragraph(child, container), part))
            elif child.tag == qn("w:tbl"):
                from docx.table import Table

                t = Table(child, container)
                rows = []
                for row in t.rows:
                    cells = []
                    for cell in row.cells:
                        cells.append("<td>" + block_items(cell, part) + "</td>")
                    rows.append("<tr>" + "".join(cells) + "</tr>")
                out.append('<table class="docx-table">' + "".join(rows) + "</table>")
        return "".join(out)

    header = sec.first_page_header if sec.different_first_page_header_footer else sec.header
    head_html = block_items(header, header.part)
    body_html = block_items(d, d.part)
    return f'<div class="page"><header class="page-header">{head_html}</header><div class="page-body">{body_html}</div></div>'
