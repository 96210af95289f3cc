"""Browser test of the Delegation's review (issue 15 part B), author and reviewer in two browser
contexts: submit, select a span and comment with a proposed replacement, request changes, accept
the replacement with one click, resubmit, see the diff, approve, download the final DOCX; DRAFT
on every download before approval. Screenshots: docs/screenshots/review-*.png (refreshed with
PRESSROOM_SCREENSHOTS=1)."""
from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
SCREENSHOTS = DOCS_SCREENSHOTS if os.environ.get("PRESSROOM_SCREENSHOTS") else Path(
    __import__("tempfile").mkdtemp(prefix="pressroom-shots-"))


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """A live server of its own: every release there needs approval."""
    from werkzeug.serving import make_server

    from app.release import load_release
    from app.web import create_app, store, upgrade_database

    from app.web import accounts

    d = tmp_path_factory.mktemp("review-live")
    app = create_app({"INSTANCE_PATH": str(d / "instance"), "SECRET_KEY": "browser-review",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{d / 'live.db'}"})  # CSRF on, as in production
    payload = json.loads(json.dumps(load_release(ROOT / "examples" / "rural-schools-en.yml").to_dict()))
    payload.pop("logos", None)
    with app.app_context():
        upgrade_database()
        partner = accounts.create_org("Bilim Foundation", "partner", requires_approval=True)
        delegation = accounts.create_org("EU Delegation to Kazakhstan", "delegation")
        accounts.set_reviews(delegation, [partner.id])
        author = accounts.create_user("dana.sarsenova", PASSWORD, partner, "author")
        accounts.create_user("anna.petrova", PASSWORD, delegation, "reviewer")
        rid = store.create(payload, org_id=partner.id, user_id=author.id).public_id
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", rid, payload
    finally:
        server.shutdown()


def _context(browser, base, username: str):
    """A browser context signed in as ``username`` through the sign-in page."""
    ctx = browser.new_context(base_url=base, accept_downloads=True, viewport={"width": 1440, "height": 1000},
                              locale="en-GB")
    pg = ctx.new_page()
    pg.set_default_timeout(20000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto("/login")
    pg.fill("#username", username)
    pg.fill("#password", PASSWORD)
    pg.click("#login-submit")
    pg.wait_for_load_state()
    assert "/login" not in pg.url, pg.content()[:500]
    return ctx, pg, errors


def _docx_text(path) -> tuple[str, str]:
    """(body text, header text) of a downloaded DOCX."""
    import docx

    d = docx.Document(str(path))
    sec = d.sections[0]
    header = "\n".join(p.text for p in sec.first_page_header.paragraphs) + "\n".join(p.text for p in sec.header.paragraphs)
    return "\n".join(p.text for p in d.paragraphs).replace("\u00a0", " "), header


def _download(pg, selector, tmp_path, name):
    with pg.expect_download() as dl:
        pg.click(selector)
    path = tmp_path / name
    dl.value.save_as(path)
    return path, dl.value.suggested_filename


def _select(pg, field: str, text: str) -> None:
    """Select ``text`` inside a field's text on the reviewer's screen, as a mouse would."""
    pg.evaluate("""([field, text]) => {
        const root = document.querySelector(`.rv-text[data-field="${field}"]`);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const i = node.data.indexOf(text);
            if (i >= 0) {
                const r = document.createRange();
                r.setStart(node, i); r.setEnd(node, i + text.length);
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
                document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                return;
            }
        }
        throw new Error('text not found: ' + text);
    }""", [field, text])


def test_review_round_trip_between_author_and_reviewer(browser, review_server, tmp_path):
    base, rid, payload = review_server
    actx, author, aerr = _context(browser, base, "dana.sarsenova")
    rctx, reviewer, rerr = _context(browser, base, "anna.petrova")
    url = f"/releases/{rid}/review"
    try:
        # before approval every download carries DRAFT
        author.goto(url)
        path, name = _download(author, "#rv-download", tmp_path, "before.docx")
        assert "DRAFT" in name
        body, header = _docx_text(path)
        assert "DRAFT" in header and payload["headline"] in body
        # the author submits
        author.click("#rv-submit")
        author.wait_for_selector("#rv-state[data-state=submitted]")
        # the reviewer is notified (the badge and the list link to the review page)
        reviewer.goto("/")
        assert reviewer.text_content("#notif-badge").strip() == "1"
        reviewer.click("#notif-link")
        reviewer.click(f"a[href$='{url}']")
        reviewer.wait_for_url(f"**{url}")
        # the reviewer selects a span, comments and proposes a replacement
        reviewer.wait_for_selector('.rv-text[data-field="body"]')
        assert reviewer.locator(".rv-finding").count() >= 0  # findings beside the fields (none in this example)
        _select(reviewer, "body", "87%")
        form = reviewer.locator('.rv-comment-form[data-field="body"]')
        assert form.locator(".rv-selected q").text_content() == "87%"
        form.locator("textarea[name=body]").fill("Where does this figure come from? Say it is approximate.")
        form.locator("input[name=propose]").check()
        form.locator("textarea[name=replacement]").fill("about 87%")
        form.locator("button").click()
        reviewer.wait_for_selector('.rv-text[data-field="body"] mark.rv-c')
        assert reviewer.locator('.rv-text[data-field="body"] mark.rv-c').first.text_content() == "87%"
        hl = reviewer.locator('.rv-comment-form[data-field="headline"]')
        hl.locator("textarea[name=body]").fill("Could the headline be shorter?")
        hl.locator("button").click()
        reviewer.wait_for_selector("#rv-headline .rv-note")
        reviewer.evaluate("window.scrollTo(0, 0)")
        reviewer.screenshot(path=str(SCREENSHOTS / "review-reviewer.png"))
        reviewer.fill("#rv-note", "Two small points, see the comments.")
        reviewer.click("#rv-request")
        reviewer.wait_for_selector("#rv-state[data-state=changes_requested]")
        # the author accepts the replacement with one click, answers and resubmits
        author.goto(url)  # (url + "#comments" from url would only scroll, not reload)
        author.wait_for_selector(".rv-accept")
        author.screenshot(path=str(SCREENSHOTS / "review-author.png"))
        author.click(".rv-accept")
        author.wait_for_selector("text=Replacement applied to the draft")
        assert author.locator(".rv-accept").count() == 0
        reply = author.locator(".rv-comment").nth(1).locator(".rv-reply-form input[name=body]")
        reply.fill("Shortened it a little.")
        author.locator(".rv-comment").nth(1).locator(".rv-reply-form button").click()
        author.wait_for_selector("text=Shortened it a little.")
        author.click("#rv-submit")
        author.wait_for_selector("#rv-state[data-state=submitted]")
        # the reviewer sees what changed since the first submission, and approves
        reviewer.goto(url)
        diff = reviewer.locator('#rv-diff .rv-diff-text[data-field="body"]')
        assert diff.locator("ins").first.text_content() == "about "
        reviewer.locator("#rv-diff").scroll_into_view_if_needed()
        reviewer.screenshot(path=str(SCREENSHOTS / "review-diff.png"))
        reviewer.click("#rv-approve")
        reviewer.wait_for_selector("#rv-state[data-state=approved]")
        assert "Approved by anna.petrova" in reviewer.text_content("#rv-approval")
        # the final DOCX: unmarked, with the accepted replacement
        author.goto(url)
        path, name = _download(author, "#rv-final", tmp_path, "final.docx")
        assert "DRAFT" not in name
        body, header = _docx_text(path)
        assert "DRAFT" not in header and "about 87% of the participants" in body
        path, name = _download(author, "#rv-download", tmp_path, "after.docx")
        assert "DRAFT" not in _docx_text(path)[1]
        # the submitted version with the reviewer's comments as Word comments
        path, name = _download(author, "#rv-commented", tmp_path, "commented.docx")
        import zipfile

        with zipfile.ZipFile(path) as z:
            xml = z.read("word/comments.xml").decode()
        assert "Could the headline be shorter?" in xml and "Shortened it a little." in xml
    finally:
        actx.close()
        rctx.close()
    assert not aerr and not rerr, f"JavaScript errors: {aerr + rerr}"
