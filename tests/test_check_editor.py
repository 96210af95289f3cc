"""The check page as an editor (issue 14): the text edited in the page is checked again and downloaded
corrected; a DOCX keeps its formatting (the edits go into its runs), a TXT its encoding and line ends."""
from __future__ import annotations

import io
import re

import docx
import pytest

from app.core.readers import read_bytes
from app.fix.edits import diff_edits, edit_file, editor_text


def _upload(client, data: bytes, name: str) -> str:
    r = client.post("/check", data={"draft": (io.BytesIO(data), name), "language": "auto"},
                    content_type="multipart/form-data")
    assert r.status_code == 303, r.get_data(as_text=True)[:300]
    return r.headers["Location"].rstrip("/").split("/")[-1]


def _docx_bytes() -> bytes:
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("ПРЕСС-РЕЛИЗ")
    r.bold = True
    p = d.add_paragraph()
    p.add_run("Проект помогает по ")
    r = p.add_run("электронному adpecy")
    r.italic = True
    p.add_run(" и  сайту.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_diff_edits_word_by_word():
    assert diff_edits("по adpecy тут.", "по адресу тут!") == [(3, 9, "адресу"), (13, 14, "!")]
    assert diff_edits("same", "same") == []


def test_docx_edit_keeps_formatting():
    data = _docx_bytes()
    doc = read_bytes(data, "d.docx", "docx", "ru")
    new = editor_text(doc).replace("adpecy", "адресу").replace("и  сайту", "и сайту")
    out = edit_file(doc, data, new)
    assert out.skipped == [] and out.text == new
    d = docx.Document(io.BytesIO(out.data))
    italic = "".join(r.text for r in d.paragraphs[1].runs if r.italic)
    assert italic == "электронному адресу", [(r.text, r.italic) for r in d.paragraphs[1].runs]
    assert d.paragraphs[1].text == "Проект помогает по электронному адресу и сайту."
    assert d.paragraphs[0].runs[0].bold is True
    # a change the DOCX cannot hold (joining two paragraphs) is not written, and said so
    joined = editor_text(doc).replace("РЕЛИЗ\n", "РЕЛИЗ ", 1)
    out = edit_file(doc, data, joined)
    assert out.skipped and out.text == editor_text(doc)


def test_txt_edit_keeps_encoding_and_line_ends():
    data = "ПРЕСС-РЕЛИЗ\r\nПо adpecy.\r\n".encode("cp1251")
    doc = read_bytes(data, "d.txt", "txt", "ru")
    assert editor_text(doc) == "ПРЕСС-РЕЛИЗ\nПо adpecy.\n"
    out = edit_file(doc, data, "ПРЕСС-РЕЛИЗ\nПо адресу.\n")
    assert out.data == "ПРЕСС-РЕЛИЗ\r\nПо адресу.\r\n".encode("cp1251")


def test_live_and_corrected_docx(web_client):
    cid = _upload(web_client, _docx_bytes(), "draft.docx")
    page = web_client.get(f"/check/{cid}").get_data(as_text=True)
    assert 'id="editor-text"' in page and "adpecy" in page
    text = re.search(r'<textarea id="editor-text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    import html

    assert text.startswith("\n")  # the newline an HTML parser drops after <textarea>: a leading newline of the text survives
    text = html.unescape(text[1:])
    r = web_client.post(f"/check/{cid}/live", data={"text": text})
    body = r.get_json()
    rules = {f["rule"] for f in body["findings"]}
    assert "homoglyph.latin-word" in rules and "typography.double-space" in rules
    f = next(f for f in body["findings"] if f["rule"] == "homoglyph.latin-word")
    assert text[f["start"]:f["end"]] == "adpecy" and f["suggestions"][0] == "адресу"
    fixed = text[:f["start"]] + "адресу" + text[f["end"]:]
    body = web_client.post(f"/check/{cid}/live", data={"text": fixed}).get_json()
    assert "homoglyph.latin-word" not in {f["rule"] for f in body["findings"]}
    r = web_client.post(f"/check/{cid}/corrected", data={"text": fixed})
    assert r.status_code == 200 and "corrected.docx" in r.headers["Content-Disposition"]
    d = docx.Document(io.BytesIO(r.data))
    assert "".join(x.text for x in d.paragraphs[1].runs if x.italic) == "электронному адресу"


def test_live_offsets_are_utf16(web_client):
    cid = _upload(web_client, "ПРЕСС-РЕЛИЗ\n😀 Проект  помогает.\n".encode(), "d.txt")
    text = "ПРЕСС-РЕЛИЗ\n😀 Проект  помогает.\n"
    body = web_client.post(f"/check/{cid}/live", data={"text": text}).get_json()
    f = next(f for f in body["findings"] if f["rule"] == "typography.double-space")
    units = text.encode("utf-16-le")
    assert units[2 * f["start"]:2 * f["end"]].decode("utf-16-le") == "  "


def test_corrected_txt_and_refusals(web_client):
    cid = _upload(web_client, "ПРЕСС-РЕЛИЗ\r\nПо adpecy.\r\n".encode("cp1251"), "d.txt")
    r = web_client.post(f"/check/{cid}/corrected", data={"text": "ПРЕСС-РЕЛИЗ\nПо адресу.\n"})
    assert r.data == "ПРЕСС-РЕЛИЗ\r\nПо адресу.\r\n".encode("cp1251")
    assert "windows-1251" in r.headers["Content-Type"]
    r = web_client.post(f"/check/{cid}/corrected", data={"text": "Смайл 😀"})
    assert r.status_code == 400 and "cp1251" in r.get_data(as_text=True) and "😀" in r.get_data(as_text=True)
    r = web_client.post(f"/check/{cid}/corrected", data={"text": "Смайл 😀"}, headers={"Accept-Language": "ru"})
    assert "не может" in r.get_data(as_text=True)
    live = web_client.post(f"/check/{cid}/live", data={"text": "ПРЕСС-РЕЛИЗ\nСмайл 😀  тут\n"}).get_json()
    assert "typography.double-space" in {f["rule"] for f in live["findings"]} and "😀" in live["notice"]
    assert web_client.post(f"/check/{cid}/live", data={}).status_code == 400
    assert web_client.post(f"/check/{cid}/live", data={"text": "  "}).get_json()["error"]
    assert web_client.post("/check/" + "0" * 32 + "/live", data={"text": "x"}).status_code == 404
