"""The editor (issue 14): money typed the European way, a date the dateline repeats, invalid values
printed as typed, leftover markup, findings that name their field, no cascades, no lost or doubled
work (same-client saves, idempotent creation, field-by-field merge), honest downloads."""
from __future__ import annotations

import copy
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from app.release.amount import AmountError, parse_amount

ROOT = Path(__file__).resolve().parents[1]
RU = json.loads(json.dumps(yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text("utf-8")), default=str))


@pytest.mark.parametrize("typed, value", [
    ("777.895", 777895), ("739.000", 739000), ("777,895", 777895), ("1.234.567", 1234567), ("1,234,567", 1234567),
    ("777 895", 777895), ("739\u00a0000", 739000), ("1 500,50", Decimal("1500.50")), ("1,500.50", Decimal("1500.50")),
    ("1.234.567,89", Decimal("1234567.89")), ("12,5", Decimal("12.5")), ("739 000 евро", 739000), ("EUR 739 000", 739000),
    ("5", 5),
])
def test_amounts_typed_the_european_way(typed, value):
    assert parse_amount(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["1.5000", "1234.567", "0.500", "1.234,567", "1,23.4", "1.2.3", "lots", "", "12e5"])
def test_ambiguous_amounts_are_refused(typed):
    with pytest.raises(AmountError):
        parse_amount(typed)


def _live(web_app, payload, lang="ru", **kw):
    from app.web.releasing import live_check

    with web_app.test_request_context(headers={"Accept-Language": lang}):
        return live_check(payload, **kw)


def _docx_text(data: bytes) -> str:
    from docx import Document

    d = Document(io.BytesIO(data))
    return "\n".join(p.text for p in d.paragraphs)


def test_budget_777_895_is_rendered_as_777_895_euro(web_client):
    p = copy.deepcopy(RU)
    p["projects"][0]["total_budget"] = "777.895"
    p["projects"][0]["eu_contribution"] = "739.000"
    from app.web.releasing import parse_number

    assert parse_number("777.895") == 777895
    r = web_client.post("/releases/autosave", data=_form(p))
    assert r.status_code == 200, r.json
    rid = r.json["id"]
    data = web_client.get(f"/releases/{rid}/download.docx")
    assert data.headers["X-Pressroom-Draft"] == "0"
    text = _docx_text(data.data).replace("\u00a0", " ")
    assert "777 895 евро" in text and "739 000 евро" in text
    page = web_client.get(f"/releases/{rid}/edit").get_data(as_text=True)
    assert 'value="739 000"' in page  # after a reload the field still reads 739 000
    assert "= 739 000 евро" in page  # the understood value next to the field


def test_ambiguous_budget_is_one_problem(web_app):
    p = copy.deepcopy(RU)
    p["projects"][0]["total_budget"] = "1.5000"
    res = _live(web_app, p)
    assert res["summary"]["error"] == 1, res["findings"]
    (f,) = res["findings"]
    assert f["field"] == "projects-0-total_budget" and "неоднозначна" in f["message"]


def test_yaml_float_with_three_decimals_is_refused():
    from app.release import ReleaseInvalid, release_from_data

    p = copy.deepcopy(RU)
    p["projects"][0]["total_budget"] = 777.895
    with pytest.raises(ReleaseInvalid, match="projects\\[0\\].total_budget"):
        release_from_data(p)


@pytest.mark.parametrize("lead", ["21 ноября 2025 года в рамках форума прошла встреча.",
                                  "АСТАНА – 21 ноября 2025 года в рамках форума прошла встреча."])
def test_lead_starting_with_a_date_is_an_error_with_a_fix(web_app, lead):
    p = copy.deepcopy(RU)
    p["lead"] = lead
    res = _live(web_app, p)
    (f,) = [f for f in res["findings"] if f["field"] == "lead"]
    assert f["severity"] == "error" and f["start"] == 0
    fixed = lead[:f["start"]] + f["fix"] + lead[f["end"]:]
    assert fixed == "В рамках форума прошла встреча."


def test_render_cli_refuses_a_lead_with_a_date(tmp_path, cli):
    p = copy.deepcopy(RU)
    p["lead"] = "21 ноября 2025 года в рамках форума прошла встреча."
    f = tmp_path / "r.yml"
    f.write_text(yaml.safe_dump(p, allow_unicode=True), encoding="utf-8")
    res = cli("render", str(f), "-o", str(tmp_path / "r.docx"))
    assert res.code != 0 and "lead" in (res.err + res.out)


def test_invalid_phone_printed_as_typed_with_the_cli_suggestion(web_app, cli, tmp_path):
    from app.web.releasing import render_docx

    p = copy.deepcopy(RU)
    p["contacts"][0]["phone"] = "+701 744 44 29"
    res = _live(web_app, p)
    phone = [f for f in res["findings"] if f["field"] == "contacts-0-phone"]
    assert len(phone) == 1, phone  # field problem and the rendered contact block: one finding
    assert phone[0]["suggestions"] == ["+7 701 744 44 29"]
    with web_app.test_request_context():
        text = _docx_text(render_docx(p, draft=True))
    assert "+701 744 44 29" in text and "+7 017444429" not in text
    draft = tmp_path / "d.txt"
    draft.write_text("ПРЕСС-РЕЛИЗ\n\nКонтакты: Ольга, тел. +701 744 44 29\n", encoding="utf-8")
    out = cli("lint", str(draft), "--format", "json")
    found = [f for f in json.loads(out.out)["files"][0]["findings"] if f["rule"] == "contact.phone"]
    assert found and found[0]["suggestions"] == ["+7 701 744 44 29"]


def test_phone_12_is_an_invalid_phone_not_a_missing_contact(web_app):
    p = copy.deepcopy(RU)
    p["contacts"][0]["phone"] = "12"
    res = _live(web_app, p)
    assert [f["field"] for f in res["findings"]] == ["contacts-0-phone"], res["findings"]


def test_embargo_before_the_date_is_one_problem(web_app):
    p = copy.deepcopy(RU)
    p["embargo"] = {"date": "2025-11-01", "time": "10:00"}
    res = _live(web_app, p)
    assert [f["field"] for f in res["findings"]] == ["embargo_date"], res["findings"]
    p["embargo"] = {"date": "2025-11-25", "time": "10:00"}
    assert _live(web_app, p)["findings"] == []


@pytest.mark.parametrize("where", ["headline", "body", "contacts.0.name", "quotes.0.text"])
def test_leftover_markup_is_flagged_in_any_field(web_app, where):
    p = copy.deepcopy(RU)
    tag = '<img src="x.png" onerror="alert(1)">'
    if where == "body":
        p["body"][0] += " " + tag
    elif "." in where:
        lst, i, k = where.split(".")
        p[lst][int(i)][k] += " " + tag
    else:
        p[where] = "<script>alert(1)</script> " + p[where]
    res = _live(web_app, p)
    marks = [f for f in res["findings"] if "разметку" in f["message"]]
    assert marks and all(f["severity"] == "error" for f in marks)
    assert all(f["text"].startswith("<") for f in marks)


def test_findings_are_ordered_by_field_and_name_it(web_app):
    p = copy.deepcopy(RU)
    p["contacts"][0]["phone"] = "12"
    p["headline"] = "<b>" + p["headline"]
    p["lead"] = "21 ноября 2025 года " + p["lead"]
    fields = [f["field"] for f in _live(web_app, p)["findings"]]
    assert fields == ["headline", "lead", "contacts-0-phone"]


def test_required_empty_fields_wait_until_touched(web_app):
    p = {"language": "ru", "date": "2025-11-21", "headline": "Заголовок"}
    res = _live(web_app, p, touched={"headline"})
    assert res["summary"]["error"] == 0 and res["pending"] > 3
    res = _live(web_app, p, touched={"headline", "city"})
    assert [f["field"] for f in res["findings"] if f["severity"] == "error"] == ["city"]
    assert _live(web_app, p)["summary"]["error"] > 3  # the DOCX asks: every missing field counts


def test_offsets_are_utf16_units_for_the_browser(web_app):
    p = copy.deepcopy(RU)
    p["headline"] = "🎉🎉 " + "<b>" + RU["headline"]
    res = _live(web_app, p)
    (f,) = [f for f in res["findings"] if f["field"] == "headline"]
    assert (f["start"], f["end"]) == (5, 8)  # two emoji are four UTF-16 units, then a space


def _form(p: dict, **extra) -> dict:
    from app.web.views.releases import flat_fields

    from flask import Flask  # noqa: F401

    data = {k: v for k, v in _flat(p).items()}
    data.update(extra)
    return data


def _flat(p: dict) -> dict:
    out = {}
    for k in ("language", "date", "city", "label", "headline", "subheadline", "lead", "organisation"):
        if k in p:
            out[k] = str(p[k])
    out["body"] = "\n\n".join(p.get("body", []))
    for lst in ("quotes", "projects", "contacts"):
        for i, e in enumerate(p.get(lst, [])):
            for k, v in e.items():
                out[f"{lst}-{i}-{k}"] = "\n".join(v) if isinstance(v, list) else str(v)
    return out


def test_same_client_is_never_a_conflict_and_creation_is_idempotent(web_client):
    a = web_client.post("/releases/autosave", data={"language": "ru", "headline": "Один", "client": "tab-1", "client_key": "k-1"})
    b = web_client.post("/releases/autosave", data={"language": "ru", "headline": "Один и два", "client": "tab-1", "client_key": "k-1"})
    assert a.json["id"] == b.json["id"]  # the beacon and the restored backup: one release
    stale = web_client.post("/releases/autosave", data={"release_id": a.json["id"], "version": "1", "language": "ru",
                                                        "headline": "Один, два, три", "client": "tab-1"})
    assert stale.status_code == 200
    other = web_client.post("/releases/autosave", data={"release_id": a.json["id"], "version": "1", "language": "ru",
                                                        "headline": "Чужой", "client": "tab-2"})
    assert other.status_code == 409


def test_two_tabs_merge_field_by_field(web_client):
    r = web_client.post("/releases/autosave", data={"language": "ru", "headline": "Заголовок", "lead": "Лид", "client": "A"})
    rid, v = r.json["id"], r.json["version"]
    base = {"language": "ru", "headline": "Заголовок", "lead": "Лид"}
    b = web_client.post("/releases/autosave", data={"release_id": rid, "version": v, "language": "ru", "headline": "Заголовок",
                                                    "lead": "Лид от второй вкладки", "client": "B", "base": json.dumps(base)})
    assert b.status_code == 200
    a = web_client.post("/releases/autosave", data={"release_id": rid, "version": v, "language": "ru", "headline": "Новый заголовок",
                                                    "lead": "Лид", "client": "A", "base": json.dumps(base)})
    assert a.status_code == 200 and a.json["merged"]["lead"] == "Лид от второй вкладки"
    page = web_client.get(f"/releases/{rid}/edit").get_data(as_text=True)
    assert "Новый заголовок" in page and "Лид от второй вкладки" in page
    c = web_client.post("/releases/autosave", data={"release_id": rid, "version": v, "language": "ru", "headline": "Третий",
                                                    "lead": "Лид", "client": "C", "base": json.dumps(base)})
    assert c.status_code == 409
    assert [x["field"] for x in c.json["conflicts"]] == ["headline"]
    assert c.json["conflicts"][0]["theirs"] == "Новый заголовок"


def test_empty_form_creates_no_release(web_client):
    from app.web import store

    r = web_client.post("/releases/autosave", data={"language": "ru", "date": "2025-11-21"})
    assert r.json["id"] is None
    for action in ("preview", "download"):
        page = web_client.post("/releases/new", data={"language": "ru", "date": "2025-11-21", "action": action})
        assert page.status_code == 200
    with web_client.application.app_context():
        assert store.listing() == []


def test_download_name_is_cut_at_a_word_boundary():
    from app.web.views.releases import download_name

    name = download_name("Европейский Союз поддержал Форум по вопросам верховенства права в Казахстане")
    assert name == "Европейский Союз поддержал Форум по вопросам верховенства"
    assert download_name("") == "release"


# ----- delivering: PDF, e-mail HTML and text, render --format --------------------------------------
def test_render_formats_from_the_cli(cli, tmp_path):
    import shutil

    src = ROOT / "examples" / "rule-of-law-forum-en.yml"
    for fmt in ("html", "txt"):
        out = tmp_path / f"r.{fmt}"
        res = cli("render", str(src), "--format", fmt, "--draft", "-o", str(out))
        assert res.code == 0, res.err
        text = out.read_text("utf-8")
        assert "DRAFT" in text and "Co-funded by the European Union" in text
        assert "omiroshnichenko@hotmail.com" in text and "European Union" in text
    html = (tmp_path / "r.html").read_text("utf-8")
    assert 'href="mailto:omiroshnichenko@hotmail.com"' in html and "<h1>" in html and "<script" not in html
    assert 'alt="Emblem of the European Union"' in html
    res = cli("render", str(src), "-o", str(tmp_path / "r.odt"))
    assert res.code == 2 and "must be a .docx, .pdf, .html or .txt" in res.err
    res = cli("render", str(src), "--format", "pdf", "-o", str(tmp_path / "r.docx"))
    assert res.code == 2 and not (tmp_path / "r.docx").exists()
    if shutil.which("soffice") or shutil.which("libreoffice"):
        res = cli("render", str(src), "--format", "pdf", "--draft", "-o", str(tmp_path / "r.pdf"))
        assert res.code == 0, res.err
        from app.release.preview import pdf_text

        text = pdf_text(tmp_path / "r.pdf")
        assert "DRAFT" in text and "Rule of Law Forum" in text
        import subprocess

        images = subprocess.run(["pdfimages", "-list", str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
        assert re.search(r"^\s+1\s+0\s+image", images, re.M)  # the emblem on page 1
        fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
        assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded


def test_web_pdf_and_email(web_client):
    p = copy.deepcopy(RU)
    r = web_client.post("/releases/autosave", data=_flat(p))
    rid = r.json["id"]
    pdf = web_client.get(f"/releases/{rid}/download.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.headers["X-Pressroom-Draft"] == "0"
    assert "filename" in pdf.headers["Content-Disposition"]
    mail = web_client.get(f"/releases/{rid}/email.json").json
    assert "Совместно финансируется Европейским Союзом" in mail["text"]
    assert "omiroshnichenko@hotmail.com" in mail["text"] and "mailto:" in mail["html"]
    assert mail["draft"] is False and "ПРОЕКТ" not in mail["text"]
    p["contacts"][0]["phone"] = "12"
    r = web_client.post("/releases/autosave", data={**_flat(p), "release_id": rid, "version": r.json["version"]})
    pdf = web_client.get(f"/releases/{rid}/download.pdf")
    assert pdf.headers["X-Pressroom-Draft"] == "1" and "-DRAFT.pdf" in pdf.headers["Content-Disposition"]
    assert "ПРОЕКТ" in web_client.get(f"/releases/{rid}/email.json").json["text"]


def test_dictionary_add_export_import_and_effect(web_client, tmp_path, cli):
    page = web_client.post("/dictionary/add", data={"word": "Жмыхобузов"}, headers={"Accept": "application/json"})
    assert page.status_code == 200 and page.json["word"] == "Жмыхобузов"
    bad = web_client.post("/dictionary/add", data={"word": "<script>"}, headers={"Accept": "application/json"})
    assert bad.status_code == 400
    toml = web_client.get("/dictionary/pressroom.toml").get_data(as_text=True)
    assert '"Жмыхобузов"' in toml
    # the command line agrees with the exported file
    (tmp_path / "pressroom.toml").write_text(toml, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("ПРЕСС-РЕЛИЗ\n\nФорум открыл Жмыхобузов, а Пржмыхобузов выступил.\n", encoding="utf-8")
    words = lambda res: [f["text"] for f in json.loads(res.out)["files"][0]["findings"] if f["rule"].startswith("spelling")]  # noqa: E731
    with_cfg = words(cli("lint", str(draft), "--format", "json", "--config", str(tmp_path / "pressroom.toml")))
    assert "Жмыхобузов" not in with_cfg
    # import into a fresh organisation dictionary (remove, then import the file back)
    web_client.post("/dictionary/remove", data={"word": "Жмыхобузов"})
    assert "Жмыхобузов" not in web_client.get("/dictionary/pressroom.toml").get_data(as_text=True)
    res = web_client.post("/dictionary/import", data={"file": (io.BytesIO(toml.encode()), "pressroom.toml")},
                          content_type="multipart/form-data")
    assert res.status_code == 303
    assert '"Жмыхобузов"' in web_client.get("/dictionary/pressroom.toml").get_data(as_text=True)
    bad = web_client.post("/dictionary/import", data={"file": (io.BytesIO(b"not = [toml"), "x.toml")},
                          content_type="multipart/form-data", follow_redirects=True)
    assert bad.status_code == 200 and "not imported" in bad.get_data(as_text=True)


def test_russian_ui_email_reason_is_translated(web_app):
    p = copy.deepcopy(RU)
    p["contacts"][0]["email"] = "omiroshnichenko@hotmail"
    res = _live(web_app, p, lang="ru")
    (f,) = [f for f in res["findings"] if f["field"] == "contacts-0-email"]
    assert not re.search(r"[A-Za-z]{4,}", f["message"].replace("omiroshnichenko@hotmail", "")), f["message"]


def test_history_shows_what_changed(web_client):
    r = web_client.post("/releases/autosave", data={"language": "ru", "headline": "Старый заголовок", "lead": "Лид", "kind": "save"})
    rid = r.json["id"]
    web_client.post("/releases/autosave", data={"release_id": rid, "version": r.json["version"], "language": "ru",
                                                "headline": "Новый заголовок", "lead": "Лид", "kind": "save"})
    page = web_client.get(f"/releases/{rid}/history").get_data(as_text=True)
    assert "<del>Старый</del>" in page and "<ins>Новый</ins>" in page
    assert "1 field changed" in page


def test_rules_page_in_russian(web_client):
    page = web_client.get("/rules", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    if "Правила" not in page:
        page = web_client.get("/rules?ui=ru").get_data(as_text=True)
    assert "Двойной пробел между словами" in page and "Нет оговорки ЕС об ответственности" in page
    assert "Double space between words" not in page and "No EU disclaimer" not in page
    from app.engine.rules import load_rules

    assert all(r.title_ru for r in load_rules() if r.title), [r.id for r in load_rules() if r.title and not r.title_ru]
