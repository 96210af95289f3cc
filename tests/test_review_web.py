"""The review workflow over HTTP (issue 15 part B): submit freezes a version, only the right role
takes each step, comments on spans with proposed replacements, one-click accept into the draft,
the diff since the last submission, approval records and DRAFT marking, the commented DOCX and
the Delegation's edited DOCX read back as proposals.

Users, organisations and roles are the real ones (accounts, part A): an author of a partner that
requires approval, a reviewer of the Delegation that reviews it, an author of another partner and
a reviewer of a delegation that does not review it."""
from __future__ import annotations

import io
import json
import re
import types
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def payload() -> dict:
    from app.release import load_release

    p = json.loads(json.dumps(load_release(ROOT / "examples" / "rural-schools-en.yml").to_dict()))
    p.pop("logos", None)
    return p


@pytest.fixture
def world(make_web_app, payload):
    """A partner organisation that requires approval (its author), the Delegation that reviews it
    (its reviewer), another partner (a stranger) and a delegation that does not review it; one
    signed-in test client each, and the partner's release."""
    from webauth import make_user, sign_in

    from app.web import accounts, store

    app = make_web_app(signed_in=False, WTF_CSRF_ENABLED=False)
    with app.app_context():
        partner = accounts.create_org("Bilim Foundation", "partner", requires_approval=True)
        delegation = accounts.create_org("EU Delegation to Kazakhstan", "delegation")
        accounts.create_org("Other Partner", "partner")
        accounts.create_org("EU Delegation elsewhere", "delegation")
        accounts.set_reviews(delegation, [partner.id])
    users = {"author": make_user(app, "dana", "author", "Bilim Foundation"),
             "reviewer": make_user(app, "anna", "reviewer", "EU Delegation to Kazakhstan"),
             "stranger": make_user(app, "sam", "author", "Other Partner"),
             "other_reviewer": make_user(app, "olga", "reviewer", "EU Delegation elsewhere")}
    clients = {}
    for k, u in users.items():
        c = app.test_client()
        sign_in(c, u)
        clients[k] = c
    with app.app_context():
        rel = store.create(payload, org_id=users["author"].org_id, user_id=users["author"].id)
        rid = rel.public_id
    return types.SimpleNamespace(app=app, c=clients, users=users, rid=rid)


def _audits(world) -> list[tuple]:
    from app.web.models import AuditEvent

    with world.app.app_context():
        return [(e.username, e.action, e.detail) for e in AuditEvent.query.order_by(AuditEvent.id)]


def _notes(world, who: str) -> list[str]:
    from app.web.models import Notification

    with world.app.app_context():
        return [n.text for n in Notification.query.filter_by(user_id=world.users[who].id).order_by(Notification.id)]


def _stored(world):
    from app.web.models import Release

    with world.app.app_context():
        return Release.query.filter_by(public_id=world.rid).one()


def _page(client, rid) -> str:
    r = client.get(f"/releases/{rid}/review")
    assert r.status_code == 200, r.status_code
    return r.get_data(as_text=True)


def _flashes(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'<p class="alert [^"]*" role="[^"]*">(.*?)</p>', html, re.S)]


def _state(html: str) -> str:
    return re.search(r'data-state="([a-z_]+)"', html).group(1)


def _draft_flag(client, url) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    return r.headers["X-Pressroom-Draft"]


def test_full_round_trip(world, payload):
    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    # the reviewer does not see a draft; the author submits it: the version is frozen
    assert rv.get(f"/releases/{rid}/review").status_code == 404
    assert "rv-submit" in _page(a, rid)
    assert _draft_flag(a, f"/releases/{rid}/download.docx") == "1"  # not approved: DRAFT
    assert a.post(f"/releases/{rid}/review/submit").status_code == 303
    assert _state(_page(a, rid)) == "submitted" and _stored(world).state == "submitted"
    assert any("Submitted for review" in n for n in _notes(world, "reviewer"))
    assert ("dana", "review.submit") in [x[:2] for x in _audits(world)]
    # the author cannot approve; the reviewer comments on a span with a proposed replacement
    assert a.post(f"/releases/{rid}/review/approve").status_code == 403
    html = _page(rv, rid)
    assert "rv-approve" in html and 'class="rv-comment-form"' in html and "rv-submit" not in html
    body = payload["body"][0]
    i = body.index("87%")
    r = rv.post(f"/releases/{rid}/review/comments", data={"field": "body", "start": i, "end": i + 3,
                                                           "body": "Source of this figure?", "propose": "1",
                                                           "replacement": "about 87%"})
    assert r.status_code == 303
    rv.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "Shorter, please."})
    assert re.search(r'<mark class="rv-mark rv-c"[^>]*>87%</mark>', _page(rv, rid))
    assert rv.post(f"/releases/{rid}/review/request-changes", data={"note": "See the comments."}).status_code == 303
    assert _state(_page(a, rid)) == "changes_requested"
    assert any("Changes requested" in n for n in _notes(world, "author"))
    # the author accepts the replacement with one click: the draft changes and is checked again
    html = _page(a, rid)
    cid = re.search(r"/review/comments/(\d+)/accept", html).group(1)
    assert rv.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 403  # not the reviewer's click
    assert a.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 303
    html = _page(a, rid)
    assert any("Replacement applied to the draft (version 2). Checks: 0 errors" in f for f in _flashes(html))
    assert "about 87% of the participants" in _stored(world).payload["body"][0]
    assert "/accept" not in html  # accepted once: no button
    a.post(f"/releases/{rid}/review/comments/{cid}/reply", data={"body": "Done, thanks."})
    assert "Done, thanks." in _page(rv, rid)
    # the commented DOCX of submission 1
    r = a.get(f"/releases/{rid}/review/1/commented.docx")
    assert r.status_code == 200 and r.headers["X-Pressroom-Draft"] == "1"
    with zipfile.ZipFile(io.BytesIO(r.data)) as z:
        comments_xml = z.read("word/comments.xml").decode()
    assert "Source of this figure?" in comments_xml and "Done, thanks." in comments_xml and 'w:author="anna"' in comments_xml
    # resubmit: the reviewer sees the diff since submission 1
    assert a.post(f"/releases/{rid}/review/submit").status_code == 303
    html = _page(rv, rid)
    assert "What changed since submission 1" in html and "<ins>about </ins>87%" in html
    assert rv.post(f"/releases/{rid}/review/approve").status_code == 303
    html = _page(a, rid)
    assert _state(html) == "approved" and "Approved by anna" in html and "(version 2)" in html
    assert [x for x in _audits(world) if x[1] == "review.approve"][0][0] == "anna"
    # approved: the final DOCX is unmarked, and so is the download of the approved text
    assert _draft_flag(a, f"/releases/{rid}/review/approved.docx") == "0"
    assert _draft_flag(a, f"/releases/{rid}/download.docx") == "0"
    # published, with the date it went out
    assert rv.post(f"/releases/{rid}/review/publish", data={"published_on": "2026-03-02"}).status_code == 403
    assert a.post(f"/releases/{rid}/review/publish", data={"published_on": "2026-03-02"}).status_code == 303
    html = _page(a, rid)
    assert _state(html) == "published" and "Published on 2026-03-02." in html
    assert _stored(world).state == "published"


def test_changing_an_approved_release_marks_downloads_draft_again(world):
    from app.web import store

    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    rv.post(f"/releases/{rid}/review/approve")
    assert _draft_flag(a, f"/releases/{rid}/download.docx") == "0"
    with world.app.app_context():
        r = _stored(world)
        store.save(r.id, {**r.payload, "headline": r.payload["headline"] + " (updated)"}, r.version, kind="save")
    assert _draft_flag(a, f"/releases/{rid}/download.docx") == "1"
    assert _draft_flag(a, f"/releases/{rid}/review/approved.docx") == "0"  # the approved text stays available
    html = _page(a, rid)
    assert _state(html) == "draft" and "rv-submit" in html
    # an organisation that does not require approval: no DRAFT marking from the review
    from app.web.extensions import db
    from app.web.models import Organisation

    with world.app.app_context():
        org = db.session.get(Organisation, world.users["author"].org_id)
        org.requires_approval = False
        db.session.commit()
    assert _draft_flag(a, f"/releases/{rid}/download.docx") == "0"


def test_steps_out_of_order_and_others_are_refused(world):
    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    a.post(f"/releases/{rid}/review/submit")
    assert any("not possible now" in f for f in _flashes(_page(a, rid)))
    assert rv.post(f"/releases/{rid}/review/submit").status_code == 403  # the reviewer does not submit
    assert a.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "x"}).status_code == 403
    rv.post(f"/releases/{rid}/review/approve")
    rv.post(f"/releases/{rid}/review/approve")  # twice
    assert any("not possible now" in f for f in _flashes(_page(rv, rid)))
    # another partner's author and a delegation that does not review this partner: it does not exist
    for who in ("stranger", "other_reviewer"):
        c = world.c[who]
        assert c.get(f"/releases/{rid}/review").status_code == 404
        assert c.post(f"/releases/{rid}/review/approve").status_code == 404
        assert c.get(f"/releases/{rid}/review/1/commented.docx").status_code == 404
        assert c.get(f"/releases/{rid}/review/approved.docx").status_code == 404
    from webauth import make_user  # noqa: F401

    anon = world.app.test_client()
    assert anon.get(f"/releases/{rid}/review").status_code in (302, 401, 404)


def test_bad_comment_input_gets_a_message(world):
    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    assert rv.post(f"/releases/{rid}/review/comments", data={"field": "../etc", "body": "x"}).status_code == 400
    rv.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "  "})
    assert "Write a comment or propose a replacement." in _flashes(_page(rv, rid))
    rv.post(f"/releases/{rid}/review/comments", data={"field": "quotes-9-text", "body": "x"})
    assert "This field is not in the submitted version." in _flashes(_page(rv, rid))
    rv.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "x", "start": "5", "end": "99999"})
    assert "The selected text is not in this field; select it again." in _flashes(_page(rv, rid))
    rv.post(f"/releases/{rid}/review/comments", data={"field": "projects-0-total_budget", "body": "x", "propose": "1",
                                                      "replacement": "1"})
    assert "A replacement can only be proposed for a text field." in _flashes(_page(rv, rid))
    assert a.post(f"/releases/{rid}/review/comments/999/accept").status_code == 404
    a.post(f"/releases/{rid}/review/publish", data={"published_on": "yesterday"})
    assert "Give the date the release went out as YYYY-MM-DD." in _flashes(_page(a, rid))


def test_an_outdated_proposal_cannot_be_accepted(world, payload):
    from app.web import store

    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    body = payload["body"][0]
    i = body.index("87%")
    rv.post(f"/releases/{rid}/review/comments", data={"field": "body", "start": i, "end": i + 3, "body": "?",
                                                      "propose": "1", "replacement": "about 87%"})
    rv.post(f"/releases/{rid}/review/request-changes")
    with world.app.app_context():
        r = _stored(world)
        p = dict(r.payload)
        p["body"] = [p["body"][0].replace("87%", "most"), *p["body"][1:]]
        store.save(r.id, p, r.version, kind="save")
    html = _page(a, rid)
    assert "outdated" in html and "/accept" not in html
    cid = re.search(r'id="comment-(\d+)"', html).group(1)
    a.post(f"/releases/{rid}/review/comments/{cid}/accept")
    assert any("has changed since" in f for f in _flashes(_page(a, rid)))


def test_the_delegations_edited_docx_becomes_proposals(world):
    import docx

    a, rid = world.c["author"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    data = a.get(f"/releases/{rid}/review/1/commented.docx").data
    d = docx.Document(io.BytesIO(data))
    for p in d.paragraphs:
        for run in p.runs:
            if "87%" in run.text:
                run.text = run.text.replace("87%", "nearly 90%")
    buf = io.BytesIO()
    d.save(buf)
    r = a.post(f"/releases/{rid}/review/upload", data={"file": (io.BytesIO(buf.getvalue()), "edited by EU.docx")},
               content_type="multipart/form-data")
    assert r.status_code == 303
    html = _page(a, rid)
    assert "1 proposed change(s) read from edited by EU.docx." in _flashes(html)
    assert "<del>87</del><ins>nearly 90</ins>" in html
    cid = re.search(r"/review/comments/(\d+)/accept", html).group(1)
    assert a.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 303
    assert "nearly 90% of the participants" in _stored(world).payload["body"][0]
    # hostile or wrong files: one line, nothing stored
    for blob, name in ((b"PK\x03\x04garbage", "broken.docx"), (b"%PDF-1.7", "scan.pdf"), (b"", "empty.docx")):
        a.post(f"/releases/{rid}/review/upload", data={"file": (io.BytesIO(blob), name)}, content_type="multipart/form-data")
        flashes = _flashes(_page(a, rid))
        assert flashes and "Traceback" not in flashes[-1] and len(flashes[-1]) < 300


def test_the_russian_review_page_is_in_russian(world):
    """The review page in the Russian UI: no English words outside the release's own text."""
    import html as html_mod

    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    a.post(f"/releases/{rid}/review/submit")
    rv.get("/ui/ru")
    rv.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "Короче, пожалуйста."})
    page = _page(rv, rid)
    assert "Отправленная версия 1" in page and "Согласовать версию 1" in page
    # drop the release's text (English here), its findings and the comment bodies
    t = re.sub(r'(?s)<header class="top">.*?</header>', "", page)  # the top bar is the accounts' (and checked there)
    t = re.sub(r'(?s)<script.*?</script>|<div class="rv-text.*?</div>|<aside class="rv-side">.*?</aside>'
               r'|<h1>.*?</h1>|<q[^>]*>.*?</q>|<title>.*?</title>|<span class="where">.*?</span>', "", t)
    text = html_mod.unescape(re.sub(r"<[^>]+>", " ", t))
    attrs = re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', t)
    latin = set(re.findall(r"[A-Za-z][A-Za-z'’-]{2,}", " ".join([text, *attrs])))
    latin -= {"anna", "English", "Delegation", "Kazakhstan"}  # the user's name and organisation; the language switch
    assert latin <= {"Pressroom", "DOCX", "Word", "UTC", "API", "OpenAPI", "DRAFT", "EN", "RU", "EU"}, sorted(latin)


def test_the_api_renders_draft_until_the_text_is_approved(world, payload):
    """/api/render is no way around the approval: the same text is DRAFT until a version with it is approved."""
    a, rv, rid = world.c["author"], world.c["reviewer"], world.rid
    stored = _stored(world).payload

    def flag():
        r = a.post("/api/render", json={"payload": stored}, headers={"X-CSRFToken": "off"})
        assert r.status_code == 200, r.get_data(as_text=True)[:300]
        return r.headers["X-Pressroom-Draft"]

    assert flag() == "1"
    a.post(f"/releases/{rid}/review/submit")
    rv.post(f"/releases/{rid}/review/approve")
    assert flag() == "0"
    stored = {**stored, "headline": "Something else"}
    assert flag() == "1"
