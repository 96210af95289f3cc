"""The access matrix (issue 15): every route of app.url_map (pages and API), every method, as six
principals; the expected status of each is in ACCESS below and in docs/access.md (the same table:
`python tests/test_access_matrix.py --refresh` rewrites the document from it). Runs on SQLite and
on PostgreSQL.

Principals: anon (not signed in), author (author of organisation A, which owns the targets),
other (author of partner organisation B), rev (reviewer of delegation D1, which reviews A),
rev_no (reviewer of delegation D2, which reviews B only), admin (admin, member of A).
The target release is in state "submitted" (a reviewer of A's delegation may see it); for a
draft, test_draft_is_invisible_to_reviewers checks that it is invisible to every reviewer.
Every request gets fresh targets and a fresh signed-in client, so one request's effect (a
delete, a sign-out) never changes another's answer. CSRF is off here (its own tests are in
test_web_bad_input and test_hostile): this is about who may, not about forged forms.
"""
from __future__ import annotations

import base64
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PRINCIPALS = ("anon", "author", "other", "rev", "rev_no", "admin")
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==")


def _other_png() -> bytes:
    """A different image for the upload route (an upload of the target logo would make it the uploader's too)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2, 2), (10, 20, 30)).save(buf, format="PNG")
    return buf.getvalue()

# (method, rule) -> statuses for PRINCIPALS. 302 = sent to the sign-in page; 401 = API without
# sign-in or token; 404 = not yours (never 403, so existence does not leak); 403 = wrong role.
ACCESS: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/"): (302, 200, 200, 200, 200, 200),
    ("POST", "/account/sessions/end"): (302, 303, 303, 303, 303, 303),
    ("GET", "/account/tokens"): (302, 200, 200, 200, 200, 200),
    ("POST", "/account/tokens"): (302, 200, 200, 200, 200, 200),
    ("POST", "/account/tokens/<public_id>/revoke"): (302, 303, 404, 404, 404, 404),
    ("GET", "/admin/audit"): (302, 403, 403, 403, 403, 200),
    ("GET", "/admin/audit.csv"): (302, 403, 403, 403, 403, 200),
    ("POST", "/admin/invitations"): (302, 403, 403, 403, 403, 200),
    ("POST", "/admin/invitations/<public_id>/revoke"): (302, 403, 403, 403, 403, 303),
    ("GET", "/admin/organisations"): (302, 403, 403, 403, 403, 200),
    ("POST", "/admin/organisations"): (302, 403, 403, 403, 403, 303),
    ("POST", "/admin/organisations/<public_id>"): (302, 403, 403, 403, 403, 303),
    ("GET", "/admin/users"): (302, 403, 403, 403, 403, 200),
    ("POST", "/admin/users/<public_id>/active"): (302, 403, 403, 403, 403, 303),
    ("POST", "/api/lint"): (401, 200, 200, 200, 200, 200),
    ("GET", "/api/openapi.json"): (200, 200, 200, 200, 200, 200),
    ("GET", "/api/releases"): (401, 200, 200, 200, 200, 200),
    ("POST", "/api/releases"): (401, 201, 201, 201, 201, 201),
    ("GET", "/api/releases/<release_id>"): (401, 200, 404, 200, 404, 200),
    ("PUT", "/api/releases/<release_id>"): (401, 200, 404, 404, 404, 200),
    ("DELETE", "/api/releases/<release_id>"): (401, 200, 404, 404, 404, 200),
    ("POST", "/api/releases/<release_id>/duplicate"): (401, 201, 404, 404, 404, 201),
    ("POST", "/api/releases/<release_id>/restore"): (401, 200, 404, 404, 404, 200),
    ("POST", "/api/releases/<release_id>/undelete"): (401, 200, 404, 404, 404, 200),
    ("GET", "/api/releases/<release_id>/versions"): (401, 200, 404, 404, 404, 200),
    ("POST", "/api/releases/check"): (401, 200, 200, 200, 200, 200),
    ("POST", "/api/render"): (401, 200, 200, 200, 200, 200),
    ("GET", "/check"): (302, 200, 200, 200, 200, 200),
    ("POST", "/check"): (302, 303, 303, 303, 303, 303),
    ("GET", "/check/<check_id>"): (302, 200, 404, 404, 404, 200),
    ("GET", "/check/<check_id>/annotated.docx"): (302, 200, 404, 404, 404, 200),
    ("GET", "/check/<check_id>/fixed"): (302, 200, 404, 404, 404, 200),
    ("GET", "/check/<check_id>/languagetool.json"): (302, 200, 404, 404, 404, 200),
    ("GET", "/check/<check_id>/report.json"): (302, 200, 404, 404, 404, 200),
    ("GET", "/check/<check_id>/report.sarif"): (302, 200, 404, 404, 404, 200),
    ("POST", "/check/<check_id>/live"): (302, 400, 404, 404, 404, 400),
    ("POST", "/check/<check_id>/corrected"): (302, 400, 404, 404, 404, 400),
    ("GET", "/dictionary"): (302, 200, 200, 200, 200, 200),
    ("POST", "/dictionary/add"): (302, 303, 303, 303, 303, 303),
    ("POST", "/dictionary/import"): (302, 303, 303, 303, 303, 303),
    ("GET", "/dictionary/pressroom.toml"): (302, 200, 200, 200, 200, 200),
    ("POST", "/dictionary/remove"): (302, 303, 303, 303, 303, 303),
    ("GET", "/healthz"): (200, 200, 200, 200, 200, 200),
    ("GET", "/invite/<secret>"): (200, 200, 200, 200, 200, 200),
    ("POST", "/invite/<secret>"): (400, 400, 400, 400, 400, 400),
    ("GET", "/login"): (200, 200, 200, 200, 200, 200),
    ("POST", "/login"): (401, 401, 401, 401, 401, 401),
    ("POST", "/logout"): (303, 303, 303, 303, 303, 303),
    ("GET", "/notifications"): (302, 200, 200, 200, 200, 200),
    ("POST", "/notifications/read"): (302, 303, 303, 303, 303, 303),
    ("GET", "/releases"): (302, 200, 200, 200, 200, 200),
    ("POST", "/releases/<release_id>/delete"): (302, 303, 404, 404, 404, 303),
    ("GET", "/releases/<release_id>/download.docx"): (302, 200, 404, 200, 404, 200),
    ("GET", "/releases/<release_id>/download.pdf"): (302, 200, 404, 200, 404, 200),
    ("POST", "/releases/<release_id>/duplicate"): (302, 303, 404, 404, 404, 303),
    ("GET", "/releases/<release_id>/edit"): (302, 200, 404, 404, 404, 200),
    ("POST", "/releases/<release_id>/edit"): (302, 303, 404, 404, 404, 303),
    ("GET", "/releases/<release_id>/email.json"): (302, 200, 404, 200, 404, 200),
    ("GET", "/releases/<release_id>/history"): (302, 200, 404, 404, 404, 200),
    ("GET", "/releases/<release_id>/preview"): (302, 200, 404, 200, 404, 200),
    # the review (part B): 403 = the other side's step; 303 = done or refused with a message on the page
    ("GET", "/releases/<release_id>/review"): (302, 200, 404, 200, 404, 200),
    ("POST", "/releases/<release_id>/review/submit"): (302, 303, 404, 403, 404, 303),
    ("POST", "/releases/<release_id>/review/request-changes"): (302, 403, 404, 303, 404, 403),
    ("POST", "/releases/<release_id>/review/approve"): (302, 403, 404, 303, 404, 403),
    ("POST", "/releases/<release_id>/review/publish"): (302, 303, 404, 403, 404, 303),
    ("POST", "/releases/<release_id>/review/comments"): (302, 403, 404, 303, 404, 403),
    ("POST", "/releases/<release_id>/review/comments/<int:comment_id>/reply"): (302, 303, 404, 303, 404, 303),
    ("POST", "/releases/<release_id>/review/comments/<int:comment_id>/accept"): (302, 303, 404, 403, 404, 303),
    ("POST", "/releases/<release_id>/review/comments/<int:comment_id>/resolve"): (302, 303, 404, 303, 404, 303),
    ("GET", "/releases/<release_id>/review/<int:number>/commented.docx"): (302, 200, 404, 200, 404, 200),
    ("GET", "/releases/<release_id>/review/approved.docx"): (302, 404, 404, 404, 404, 404),
    ("POST", "/releases/<release_id>/review/upload"): (302, 303, 404, 303, 404, 303),
    ("POST", "/releases/<release_id>/restore/<int:snapshot_id>"): (302, 303, 404, 404, 404, 303),
    ("POST", "/releases/<release_id>/undelete"): (302, 303, 404, 404, 404, 303),
    ("POST", "/releases/autosave"): (302, 200, 404, 404, 404, 200),
    ("POST", "/releases/live"): (302, 200, 200, 200, 200, 200),
    ("POST", "/releases/live/languagetool"): (302, 200, 200, 200, 200, 200),
    ("POST", "/releases/logo"): (302, 200, 200, 200, 200, 200),
    ("GET", "/releases/logos/<name>"): (302, 200, 404, 200, 404, 200),
    ("GET", "/releases/new"): (302, 200, 200, 200, 200, 200),
    ("POST", "/releases/new"): (302, 303, 303, 303, 303, 303),
    ("GET", "/rules"): (302, 200, 200, 200, 200, 200),
    ("GET", "/setup"): (302, 302, 302, 302, 302, 302),
    ("POST", "/setup"): (302, 302, 302, 302, 302, 302),
    ("GET", "/static/<path:filename>"): (200, 200, 200, 200, 200, 200),
    ("GET", "/ui/<lang>"): (302, 302, 302, 302, 302, 302),
    ("GET", "/v2/check"): (400, 400, 400, 400, 400, 400),
    ("POST", "/v2/check"): (403, 403, 403, 403, 403, 403),
    ("GET", "/v2/languages"): (200, 200, 200, 200, 200, 200),
}

DOC_HEADER = "| Method | Route | anon | author | other | rev | rev_no | admin |\n|---|---|---|---|---|---|---|---|\n"


def doc_table() -> str:
    return DOC_HEADER + "".join(f"| {m} | `{r}` | " + " | ".join(map(str, codes)) + " |\n"
                                for (m, r), codes in sorted(ACCESS.items(), key=lambda kv: (kv[0][1], kv[0][0])))


class World:
    """Organisations, users and per-request targets on one database."""

    def __init__(self, app):
        from webauth import make_user

        from app.web import accounts

        self.app = app
        self.users = {
            "author": make_user(app, "author"),
            "other": make_user(app, "other", org="Partner B"),
            "rev": make_user(app, "rev", role="reviewer", org="Delegation 1", kind="delegation"),
            "rev_no": make_user(app, "rev_no", role="reviewer", org="Delegation 2", kind="delegation"),
            "admin": make_user(app, "admin", role="admin"),
        }
        with app.app_context():
            self.org_a = accounts.default_org().id
            accounts.set_reviews(accounts.org_by_name("Delegation 1"), [self.org_a])
            accounts.set_reviews(accounts.org_by_name("Delegation 2"), [accounts.org_by_name("Partner B").id])
            self.org_a_public = accounts.default_org().public_id
            from app.web.extensions import db
            from app.web.models import LogoImage, LogoOwner

            import hashlib

            self.logo = hashlib.sha256(PNG).hexdigest()
            db.session.add(LogoImage(id=self.logo, mimetype="image/png", data=PNG))
            db.session.add(LogoOwner(logo_id=self.logo, org_id=self.org_a))
            db.session.commit()

    def targets(self, state: str = "submitted") -> dict:
        """Fresh things to act on, owned by organisation A."""
        import secrets

        from app.web import accounts, store
        from app.web.extensions import db
        from app.web.models import CheckedDraft

        with self.app.app_context():
            r = store.create({"headline": "Matrix release", "language": "en", "lead": "Text."}, org_id=self.org_a)
            r.state = state
            db.session.commit()
            snap = store.history(r.id)[0].id
            comment_id = "0"
            if state != "draft":  # submitted through the review (part B), with one comment proposing a change
                from app.review.anchors import make_anchor
                from app.web.review_models import ReviewComment, Submission, payload_hash

                sub = Submission(release_id=r.id, number=1, version=r.version, title=r.title, payload=dict(r.payload),
                                 payload_sha256=payload_hash(r.payload))
                db.session.add(sub)
                db.session.flush()
                a = make_anchor("headline", r.payload["headline"], 0, 6)
                c = ReviewComment(release_id=r.id, submission_id=sub.id, author_name="rev", field="headline",
                                  start=a.start, end=a.end, quote=a.quote, prefix=a.prefix, suffix=a.suffix,
                                  body="Shorter?", replacement="Matrix")
                db.session.add(c)
                db.session.commit()
                comment_id = str(c.id)
            check_id = secrets.token_hex(16)
            db.session.add(CheckedDraft(id=check_id, name="d.txt", fmt="txt", language="en", data=b"Hello world.",
                                        org_id=self.org_a))
            db.session.commit()
            author = accounts.user_by_name("author")
            tok, _secret = accounts.create_token(author, "matrix")
            inv, inv_secret = accounts.create_invitation(accounts.default_org(), "author")
            victim = accounts.create_user("v" + secrets.token_hex(4), None, accounts.default_org())
            return {"release_id": r.public_id, "snapshot_id": str(snap), "check_id": check_id,
                    "name": f"{self.logo}.png", "token": tok.public_id, "invitation": inv.public_id,
                    "secret": inv_secret, "user": victim.public_id, "org": self.org_a_public,
                    "lang": "en", "filename": "style.css", "comment_id": comment_id, "number": "1"}

    def client(self, who: str):
        from webauth import sign_in

        from app.web import accounts

        c = self.app.test_client()
        if who != "anon":
            with self.app.app_context():
                sign_in(c, accounts.user_by_name(who).get_id())  # the current epoch (a sign-out elsewhere moved it)
        return c


def url_for_rule(rule, t: dict) -> str:
    url = rule.rule
    params = dict(t)
    if rule.endpoint.startswith("auth.revoke_token"):
        params["public_id"] = t["token"]
    elif rule.endpoint == "admin.revoke_invitation":
        params["public_id"] = t["invitation"]
    elif rule.endpoint == "admin.set_active":
        params["public_id"] = t["user"]
    elif rule.endpoint == "admin.organisation_settings":
        params["public_id"] = t["org"]
    for arg in rule.arguments:
        conv = rule._converters[arg]
        key = f"<{arg}>" if type(conv).__name__ == "UnicodeConverter" else None
        for pattern in (f"<{arg}>", f"<int:{arg}>", f"<path:{arg}>"):
            url = url.replace(pattern, params[arg])
        del key
    return url


def request_kwargs(endpoint: str, method: str, t: dict) -> dict:
    payload = {"headline": "Matrix release", "language": "en"}
    j = {
        "api.releases_create": {"payload": payload},
        "api.releases_put": {"payload": payload, "version": 1},
        "api.releases_restore": {"snapshot": int(t["snapshot_id"]), "version": 1},
        "api.api_lint": {"text": "Hello world."},
        "api.api_render": {"payload": payload},
        "api.api_release_check": {"payload": payload},
    }
    if endpoint in j:
        return {"json": j[endpoint]}
    form = {
        "check.check_page": {"text": "Hello world.", "language": "en"},
        "releases.autosave": {"release_id": t["release_id"], "version": "1", "headline": "Changed"},
        "releases.live": {"headline": "Changed"},
        "ltweb.live_languagetool": {"headline": "Changed"},
        "releases.edit": {"headline": "Changed", "version": "1", "release_id": t["release_id"]},
        "releases.new": {"headline": "New one", "language": "en"},
        "dictionary.add": {"word": "Matrixword"},
        "dictionary.remove": {"word": "Matrixword"},
        "auth.tokens": {"name": "matrix"},
        "admin.invite": {"org": t["org"], "role": "author"},
        "admin.organisations": {"name": "Org " + t["check_id"][:8], "kind": "partner"},
        "admin.organisation_settings": {"requires_approval": "1"},
        "admin.set_active": {"active": "0"},
        "ltapi.v2_check": {"text": "Hello world.", "language": "en-GB"},
        "review.comment": {"field": "headline", "body": "Matrix comment"},
        "review.reply": {"body": "Matrix answer"},
        "review.publish": {"published_on": "2026-03-02"},
    }.get(endpoint)
    if endpoint == "releases.logo_upload":
        return {"data": {"file": (io.BytesIO(_other_png()), "logo.png")}, "content_type": "multipart/form-data"}
    if endpoint == "dictionary.import_":
        return {"data": {"file": (io.BytesIO(b'[vocabulary]\naccept = ["Matrixword"]\n'), "p.toml")},
                "content_type": "multipart/form-data"}
    if method in ("POST", "PUT") and form is not None:
        return {"data": form}
    return {}


def routes(app):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            yield method, rule


def measure(app) -> dict:
    world = World(app)
    out = {}
    for method, rule in routes(app):
        codes = []
        shared = world.targets() if method == "GET" else None  # a GET changes nothing: one set of targets
        for who in PRINCIPALS:
            t = shared or world.targets()
            c = world.client(who)
            url = url_for_rule(rule, t)
            resp = c.open(url, method=method, environ_base={"REMOTE_ADDR": "10.9.8.7"},
                          **request_kwargs(rule.endpoint, method, t))
            codes.append(resp.status_code)
        out[(method, rule.rule)] = tuple(codes)
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def matrix_app(request, make_web_app, monkeypatch):
    import app.release.deliver as deliver

    monkeypatch.setattr(deliver, "render_pdf", lambda *a, **k: b"%PDF-1.4 matrix")  # who may, not LibreOffice
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return make_web_app(url, signed_in=False, WTF_CSRF_ENABLED=False, LTAPI_LANGUAGETOOL=False,
                        LOGIN_RATE_LIMIT="10000 per minute", LTAPI_RATE_LIMIT="10000 per minute")


def test_access_matrix(matrix_app):
    measured = measure(matrix_app)
    missing = sorted(set(measured) - set(ACCESS))
    assert not missing, ("routes without an expected row in ACCESS (tests/test_access_matrix.py) and docs/access.md: "
                         + ", ".join(f"{m} {r}" for m, r in missing))
    gone = sorted(set(ACCESS) - set(measured))
    assert not gone, "rows in ACCESS for routes that no longer exist: " + ", ".join(f"{m} {r}" for m, r in gone)
    wrong = {k: (ACCESS[k], v) for k, v in measured.items() if ACCESS[k] != v}
    assert not wrong, "\n".join(f"{m} {r}: expected {e}, got {g}  ({', '.join(PRINCIPALS)})"
                                for (m, r), (e, g) in sorted(wrong.items()))


def test_draft_is_invisible_to_reviewers(make_web_app):
    app = make_web_app(signed_in=False, WTF_CSRF_ENABLED=False, LTAPI_LANGUAGETOOL=False)
    world = World(app)
    for method, rule in routes(app):
        if "release_id" not in rule.arguments:
            continue
        for who in ("rev", "rev_no"):
            t = world.targets(state="draft")
            resp = world.client(who).open(url_for_rule(rule, t), method=method,
                                          **request_kwargs(rule.endpoint, method, t))
            assert resp.status_code == 404, (who, method, rule.rule, resp.status_code)


def test_docs_access_md_shows_the_matrix():
    text = (ROOT / "docs" / "access.md").read_text(encoding="utf-8")
    assert doc_table() in text, "docs/access.md is out of date: run `python tests/test_access_matrix.py --refresh`"


if __name__ == "__main__":  # pragma: no cover
    if "--measure" in sys.argv:
        import tempfile

        from webauth import make_user  # noqa: F401

        from app.web import create_app, upgrade_database

        d = Path(tempfile.mkdtemp())
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(d / "i"), "SECRET_KEY": "x",
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{d / 'm.db'}", "WTF_CSRF_ENABLED": False,
                          "LTAPI_LANGUAGETOOL": False, "LOGIN_RATE_LIMIT": "10000 per minute",
                          "LTAPI_RATE_LIMIT": "10000 per minute"})
        import app.release.deliver as deliver

        deliver.render_pdf = lambda *a, **k: b"%PDF-1.4 matrix"
        with app.app_context():
            upgrade_database()
        for (m, r), codes in measure(app).items():
            print(f'    ("{m}", "{r}"): {codes},')
    elif "--refresh" in sys.argv:
        path = ROOT / "docs" / "access.md"
        text = path.read_text(encoding="utf-8")
        start = text.index(DOC_HEADER[:20])
        end = text.index("\n\n", start)
        path.write_text(text[:start] + doc_table().rstrip("\n") + text[end:], encoding="utf-8")
