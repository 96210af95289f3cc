"""The review workflow over HTTP (issue 15 part B): submit freezes a version, only the right role
takes each step, comments on spans with proposed replacements, one-click accept into the draft,
the diff since the last submission, approval records and DRAFT marking, the commented DOCX and
the Delegation's edited DOCX read back as proposals.

Roles come from app.web.access (accounts, part A). ``roles`` stands in for it with a module that
answers can_edit / can_review from the acting user, so these tests pin the review's own rules."""
from __future__ import annotations

import io
import json
import re
import sys
import types
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class Roles:
    def __init__(self):
        self.who = "author"
        self.requires_approval = True
        self.audits: list[tuple] = []
        self.notes: list[tuple] = []

    def as_(self, who: str) -> "Roles":
        self.who = who
        return self


@pytest.fixture
def roles(monkeypatch):
    r = Roles()
    mod = types.ModuleType("app.web.access")

    class User:
        is_authenticated = True

        @property
        def id(self):
            return {"author": 1, "reviewer": 2, "stranger": 3}[r.who]

        @property
        def name(self):
            return {"author": "Dana Author", "reviewer": "Anna Reviewer", "stranger": "Sam Other"}[r.who]

    mod.can_view = lambda release: r.who != "stranger"
    mod.can_edit = lambda release: r.who == "author"
    mod.can_review = lambda release: r.who == "reviewer"
    mod.audit = lambda action, target, detail: r.audits.append((r.who, action, target, detail))
    mod.notify = lambda ids, text, link: r.notes.append((tuple(ids), text, link))
    mod.reviewer_ids = lambda release: [2]
    mod.author_ids = lambda release: [1]
    mod.organisation_of = lambda release: types.SimpleNamespace(requires_approval=r.requires_approval)

    def visible():
        from app.web.models import Release

        return Release.query

    mod.visible_releases_query = visible
    login = types.ModuleType("flask_login")
    login.current_user = User()
    monkeypatch.setitem(sys.modules, "app.web.access", mod)
    monkeypatch.setitem(sys.modules, "flask_login", login)
    import app.web

    monkeypatch.setattr(app.web, "access", mod, raising=False)
    return r


@pytest.fixture
def payload() -> dict:
    from app.release import load_release

    p = json.loads(json.dumps(load_release(ROOT / "examples" / "rural-schools-en.yml").to_dict()))
    p.pop("logos", None)
    return p


@pytest.fixture
def rid(web_app, payload) -> int:
    from app.web import store

    with web_app.app_context():
        return store.create(payload).id


def _page(client, rid) -> str:
    r = client.get(f"/releases/{rid}/review")
    assert r.status_code == 200
    return r.get_data(as_text=True)


def _flashes(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'<p class="alert [^"]*" role="[^"]*">(.*?)</p>', html, re.S)]


def _state(html: str) -> str:
    return re.search(r'data-state="([a-z_]+)"', html).group(1)


def _draft_flag(client, url) -> str:
    r = client.get(url)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    return r.headers["X-Pressroom-Draft"]


def test_full_round_trip(web_client, web_app, roles, rid, payload):
    c = web_client
    # the author submits: the version is frozen
    assert "rv-submit" in _page(c, rid)
    assert _draft_flag(c, f"/releases/{rid}/download.docx") == "1"  # not approved: DRAFT
    assert c.post(f"/releases/{rid}/review/submit").status_code == 303
    html = _page(c, rid)
    assert _state(html) == "submitted"
    assert roles.notes[-1][0] == (2,) and "Submitted for review" in roles.notes[-1][1]
    assert roles.audits[-1][:2] == ("author", "review.submit")
    # the author cannot approve; the reviewer can comment on a span and propose a replacement
    assert c.post(f"/releases/{rid}/review/approve").status_code == 403
    roles.as_("reviewer")
    html = _page(c, rid)
    assert "rv-approve" in html and 'class="rv-comment-form"' in html
    body = payload["body"][0]
    i = body.index("87%")
    r = c.post(f"/releases/{rid}/review/comments", data={"field": "body", "start": i, "end": i + 3,
                                                          "body": "Source of this figure?", "propose": "1",
                                                          "replacement": "about 87%"})
    assert r.status_code == 303
    c.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "Shorter, please."})
    html = _page(c, rid)
    assert re.search(r'<mark class="rv-mark rv-c"[^>]*>87%</mark>', html)
    assert c.post(f"/releases/{rid}/review/request-changes", data={"note": "See the comments."}).status_code == 303
    assert _state(_page(c, rid)) == "changes_requested"
    # the author accepts the replacement with one click: the draft changes and is checked again
    roles.as_("author")
    html = _page(c, rid)
    cid = re.search(r"/review/comments/(\d+)/accept", html).group(1)
    roles.as_("reviewer")
    assert c.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 403  # not the reviewer's click
    roles.as_("author")
    assert c.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 303
    html = _page(c, rid)
    assert any("Replacement applied to the draft (version 2). Checks: 0 errors" in f for f in _flashes(html))
    with web_app.app_context():
        from app.web import store

        assert "about 87% of the participants" in store.get(rid).payload["body"][0]
    assert "/accept" not in html  # accepted once: no button
    c.post(f"/releases/{rid}/review/comments/{cid}/reply", data={"body": "Done, thanks."})
    assert "Done, thanks." in _page(c, rid)
    # the commented DOCX of submission 1
    r = c.get(f"/releases/{rid}/review/1/commented.docx")
    assert r.status_code == 200 and r.headers["X-Pressroom-Draft"] == "1"
    with zipfile.ZipFile(io.BytesIO(r.data)) as z:
        comments_xml = z.read("word/comments.xml").decode()
    assert "Source of this figure?" in comments_xml and "Done, thanks." in comments_xml and "Anna Reviewer" in comments_xml
    # resubmit: the reviewer sees the diff since submission 1
    assert c.post(f"/releases/{rid}/review/submit").status_code == 303
    roles.as_("reviewer")
    html = _page(c, rid)
    assert "What changed since submission 1" in html
    assert "<ins>about </ins>87%" in html
    assert c.post(f"/releases/{rid}/review/approve").status_code == 303
    html = _page(c, rid)
    assert _state(html) == "approved" and "Approved by Anna Reviewer" in html
    assert roles.audits[-1][:2] == ("reviewer", "review.approve") and "version 2" in roles.audits[-1][3]
    # approved: the final DOCX is unmarked, and so is the download of the approved text
    roles.as_("author")
    assert _draft_flag(c, f"/releases/{rid}/review/approved.docx") == "0"
    assert _draft_flag(c, f"/releases/{rid}/download.docx") == "0"
    # published, with the date it went out
    assert c.post(f"/releases/{rid}/review/publish", data={"published_on": "2026-03-02"}).status_code == 303
    html = _page(c, rid)
    assert _state(html) == "published" and "Published on 2026-03-02." in html


def test_changing_an_approved_release_marks_downloads_draft_again(web_client, web_app, roles, rid, payload):
    c = web_client
    c.post(f"/releases/{rid}/review/submit")
    roles.as_("reviewer")
    c.post(f"/releases/{rid}/review/approve")
    roles.as_("author")
    assert _draft_flag(c, f"/releases/{rid}/download.docx") == "0"
    with web_app.app_context():
        from app.web import store

        r = store.get(rid)
        store.save(rid, {**r.payload, "headline": r.payload["headline"] + " (updated)"}, r.version, kind="save")
    assert _draft_flag(c, f"/releases/{rid}/download.docx") == "1"
    assert _draft_flag(c, f"/releases/{rid}/review/approved.docx") == "0"  # the approved text stays available
    html = _page(c, rid)
    assert _state(html) == "draft" and "rv-submit" in html
    # an organisation that does not require approval: no DRAFT marking from the review
    roles.requires_approval = False
    assert _draft_flag(c, f"/releases/{rid}/download.docx") == "0"


def test_steps_out_of_order_and_strangers_are_refused(web_client, roles, rid):
    c = web_client
    roles.as_("reviewer")
    r = c.post(f"/releases/{rid}/review/approve")  # nothing submitted
    assert r.status_code == 303
    assert any("not possible now" in f for f in _flashes(_page(c, rid)))
    assert c.post(f"/releases/{rid}/review/submit").status_code == 403  # the reviewer does not submit
    roles.as_("author")
    c.post(f"/releases/{rid}/review/submit")
    c.post(f"/releases/{rid}/review/submit")
    assert any("not possible now" in f for f in _flashes(_page(c, rid)))
    assert c.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "x"}).status_code == 403
    roles.as_("stranger")
    assert c.get(f"/releases/{rid}/review").status_code == 404
    assert c.post(f"/releases/{rid}/review/submit").status_code == 404
    assert c.get(f"/releases/{rid}/review/1/commented.docx").status_code == 404


def test_bad_comment_input_gets_a_message(web_client, roles, rid):
    c = web_client
    c.post(f"/releases/{rid}/review/submit")
    roles.as_("reviewer")
    assert c.post(f"/releases/{rid}/review/comments", data={"field": "../etc", "body": "x"}).status_code == 400
    c.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "  "})
    assert "Write a comment or propose a replacement." in _flashes(_page(c, rid))
    c.post(f"/releases/{rid}/review/comments", data={"field": "quotes-9-text", "body": "x"})
    assert "This field is not in the submitted version." in _flashes(_page(c, rid))
    c.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "x", "start": "5", "end": "99999"})
    assert "The selected text is not in this field; select it again." in _flashes(_page(c, rid))
    c.post(f"/releases/{rid}/review/comments", data={"field": "projects-0-total_budget", "body": "x", "propose": "1",
                                                     "replacement": "1"})
    assert "A replacement can only be proposed for a text field." in _flashes(_page(c, rid))
    assert c.post(f"/releases/{rid}/review/comments/999/accept").status_code == 404
    assert c.post(f"/releases/{rid}/review/publish", data={"published_on": "yesterday"}).status_code == 303


def test_an_outdated_proposal_cannot_be_accepted(web_client, web_app, roles, rid, payload):
    c = web_client
    c.post(f"/releases/{rid}/review/submit")
    roles.as_("reviewer")
    body = payload["body"][0]
    i = body.index("87%")
    c.post(f"/releases/{rid}/review/comments", data={"field": "body", "start": i, "end": i + 3, "body": "?",
                                                     "propose": "1", "replacement": "about 87%"})
    c.post(f"/releases/{rid}/review/request-changes")
    roles.as_("author")
    with web_app.app_context():
        from app.web import store

        r = store.get(rid)
        p = dict(r.payload)
        p["body"] = [p["body"][0].replace("87%", "most"), *p["body"][1:]]
        store.save(rid, p, r.version, kind="save")
    html = _page(c, rid)
    assert "outdated" in html and "/accept" not in html
    cid = re.search(r'id="comment-(\d+)"', html).group(1)
    c.post(f"/releases/{rid}/review/comments/{cid}/accept")
    assert any("has changed since" in f for f in _flashes(_page(c, rid)))


def test_the_delegations_edited_docx_becomes_proposals(web_client, web_app, roles, rid, payload):
    import docx

    c = web_client
    c.post(f"/releases/{rid}/review/submit")
    data = c.get(f"/releases/{rid}/review/1/commented.docx").data
    d = docx.Document(io.BytesIO(data))
    for p in d.paragraphs:
        for run in p.runs:
            if "87%" in run.text:
                run.text = run.text.replace("87%", "nearly 90%")
    buf = io.BytesIO()
    d.save(buf)
    r = c.post(f"/releases/{rid}/review/upload", data={"file": (io.BytesIO(buf.getvalue()), "edited by EU.docx")},
               content_type="multipart/form-data")
    assert r.status_code == 303
    html = _page(c, rid)
    assert "1 proposed change(s) read from edited by EU.docx." in _flashes(html)
    assert "<del>87</del><ins>nearly 90</ins>" in html
    cid = re.search(r"/review/comments/(\d+)/accept", html).group(1)
    assert c.post(f"/releases/{rid}/review/comments/{cid}/accept").status_code == 303
    with web_app.app_context():
        from app.web import store

        assert "nearly 90% of the participants" in store.get(rid).payload["body"][0]
    # hostile or wrong files: one line, nothing stored
    for blob, name in ((b"PK\x03\x04garbage", "broken.docx"), (b"%PDF-1.7", "scan.pdf"), (b"", "empty.docx")):
        c.post(f"/releases/{rid}/review/upload", data={"file": (io.BytesIO(blob), name)}, content_type="multipart/form-data")
        flashes = _flashes(_page(c, rid))
        assert flashes and "Traceback" not in flashes[-1] and len(flashes[-1]) < 300


def test_the_russian_review_page_is_in_russian(web_client, roles, rid, payload):
    """The review page in the Russian UI: no English words outside the release's own text."""
    import html as html_mod

    c = web_client
    c.get("/ui/ru")
    c.post(f"/releases/{rid}/review/submit")
    roles.as_("reviewer")
    c.post(f"/releases/{rid}/review/comments", data={"field": "headline", "body": "Короче, пожалуйста."})
    page = _page(c, rid)
    assert "Отправленная версия 1" in page and "Согласовать версию 1" in page
    # drop the release's text (English here), its findings and the comment bodies
    t = re.sub(r'(?s)<script.*?</script>|<div class="rv-text.*?</div>|<aside class="rv-side">.*?</aside>'
               r'|<h1>.*?</h1>|<q[^>]*>.*?</q>|<title>.*?</title>|<span class="where">.*?</span>', "", page)
    text = html_mod.unescape(re.sub(r"<[^>]+>", " ", t))
    attrs = re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', t)
    latin = set(re.findall(r"[A-Za-z][A-Za-z'’-]{2,}", " ".join([text, *attrs])))
    latin -= {"Anna", "Reviewer", "English"}  # the reviewer's name; the language switch says English in English
    assert latin <= {"Pressroom", "DOCX", "Word", "UTC", "API", "OpenAPI", "DRAFT", "EN", "RU"}, sorted(latin)
