"""LanguageTool's findings on the check page and in the live panel: fetched after ours."""
from __future__ import annotations

import pytest

from app.checks.languagetool import client

TEXT = "The centre is open to all and it are free. The project is funded by the European Union."


def _check_id(web_client):
    r = web_client.post("/check", data={"text": TEXT, "language": "en"})
    assert r.status_code == 303
    return r.headers["Location"].rstrip("/").split("/")[-1]


def test_check_page_asks_for_languagetool_findings_separately(web_client):
    check_id = _check_id(web_client)
    page = web_client.get(f"/check/{check_id}").text
    assert f'data-languagetool="/check/{check_id}/languagetool.json"' in page
    assert 'id="lt-findings" hidden' in page
    # tests run with PRESSROOM_LANGUAGETOOL=off: the page's request answers at once, with nothing
    r = web_client.get(f"/check/{check_id}/languagetool.json")
    assert r.status_code == 200 and r.get_json() == {"available": False, "findings": []}
    assert web_client.get("/check/" + "0" * 32 + "/languagetool.json").status_code == 404


def test_release_form_has_the_live_languagetool_url(web_client):
    page = web_client.get("/releases/new").text
    assert 'data-live-languagetool="/releases/live/languagetool"' in page
    r = web_client.post("/releases/live/languagetool", data={"language": "en", "headline": "It are open"})
    assert r.status_code == 200 and r.get_json()["available"] is False


@pytest.mark.languagetool
def test_languagetool_findings_with_the_server_on(make_web_app, languagetool_server):
    client.reset()
    app = make_web_app(WTF_CSRF_ENABLED=False, LTAPI_LANGUAGETOOL="auto")
    web = app.test_client()
    check_id = _check_id(web)
    data = web.get(f"/check/{check_id}/languagetool.json").get_json()
    assert data["available"] is True
    f = next(f for f in data["findings"] if f["rule"] == "lt.IT_VBZ")
    assert f["text"] == "are" and "is" in f["suggestions"] and f["line"] == 1
    # the page's own findings stay offline and fast: no lt.* among them
    assert "lt.IT_VBZ" not in web.get(f"/check/{check_id}").text.split('id="lt-findings"')[0]
    live = web.post("/releases/live/languagetool", data={"language": "en", "headline": "The centre it are open"}).get_json()
    assert live["available"] is True
    hit = [f for f in live["findings"] if f["rule"] == "lt.IT_VBZ"]
    assert hit and hit[0].get("field") == "headline", live
