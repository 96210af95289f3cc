"""Hostile input (issue 12): the command line and the web app (SQLite and PostgreSQL).

Every case asserts the exit code or HTTP status and the message; none may print a traceback, hang,
answer 500, or change a file the user did not name as output.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
RELEASE = ROOT / "examples" / "rule-of-law-forum-en.yml"


def _docx(text: str = "Проект финансируется Европейским союзом.") -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _docx_with_document_xml(transform) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = transform(data)
            out.writestr(info, data)
    return buf.getvalue()


def _utf16_doctype(data: bytes) -> bytes:
    body = data.decode("utf-8").split("?>", 1)[1]
    return ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document SYSTEM "file:///etc/passwd">' + body).encode("utf-16")


def _entity(data: bytes) -> bytes:
    body = data.decode("utf-8").split("?>", 1)[1]
    return ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + body).encode()


# ----- command line ------------------------------------------------------------------------------
# (name, files to create {name: bytes or callable}, args with {d} for the folder, exit code, message in stderr)
CLI_CASES = [
    ("missing-file", {}, ["lint", "{d}/nope.txt"], 2, "no such file"),
    ("folder-without-drafts", {"empty/.keep": b""}, ["lint", "{d}/empty"], 2, "no drafts"),
    ("empty-file", {"e.txt": b""}, ["lint", "{d}/e.txt"], 2, "empty"),
    ("only-whitespace", {"w.txt": b"   \n\n\t "}, ["lint", "{d}/w.txt"], 2, "empty"),
    ("binary-nul", {"b.txt": b"abc\x00\x01\x02" * 100}, ["lint", "{d}/b.txt"], 2, "binary"),
    ("pdf-as-txt", {"p.txt": b"%PDF-1.7\n..."}, ["lint", "{d}/p.txt"], 2, "PDF"),
    ("pdf-suffix", {"p.pdf": b"%PDF-1.7\n"}, ["lint", "{d}/p.pdf"], 2, "PDF"),
    ("rtf", {"r.txt": b"{\\rtf1 hello}"}, ["lint", "{d}/r.txt"], 2, "RTF"),
    ("legacy-doc", {"o.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600}, ["lint", "{d}/o.doc"], 2, ".doc"),
    ("doc-renamed-docx", {"o.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "WordDocument".encode("utf-16-le") + b"\0" * 512},
     ["lint", "{d}/o.docx"], 2, "legacy Word .doc file renamed .docx"),
    ("encrypted-docx", {"s.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")},
     ["lint", "{d}/s.docx"], 2, "password-protected"),
    ("zip-not-word", {"z.docx": lambda: _zip({"readme.txt": b"hi"})}, ["lint", "{d}/z.docx"], 2, "not a Word document"),
    ("truncated-docx", {"t.docx": lambda: _docx()[:700]}, ["lint", "{d}/t.docx"], 2, "DOCX"),
    ("docx-not-zip", {"n.docx": b"hello, not a zip"}, ["lint", "{d}/n.docx"], 2, "not a valid DOCX"),
    ("utf16-doctype", {"x.docx": lambda: _docx_with_document_xml(_utf16_doctype)}, ["lint", "{d}/x.docx"], 2, "unsafe XML"),
    ("billion-laughs", {"l.docx": lambda: _docx_with_document_xml(_entity)}, ["lint", "{d}/l.docx"], 2, "unsafe XML"),
    ("malformed-xml", {"m.docx": lambda: _docx_with_document_xml(lambda b: b[:-40])}, ["lint", "{d}/m.docx"], 2, "not well-formed"),
    ("oversize", {"big.txt": lambda: b"a" * (20 * 1024 * 1024 + 10)}, ["lint", "{d}/big.txt"], 2, "20 MB"),
    ("bad-encoding", {"k.txt": bytes(range(128, 256)) * 40}, ["lint", "{d}/k.txt"], 2, "encoding"),
    ("utf16-bad", {"u.txt": b"\xff\xfe" + b"\x00\xd8" * 3}, ["lint", "{d}/u.txt"], 2, "not valid"),
    ("markdown-only-markup", {"m.md": b"***\n\n---\n\n```\n```\n"}, ["lint", "{d}/m.md"], 2, "no text"),
    ("bad-format-option", {}, ["lint", "--format", "xml", "{d}/x.txt"], 2, "invalid choice"),
    ("bad-select", {"s.txt": SEED.read_bytes()}, ["lint", "--select", "nosuch", "{d}/s.txt"], 2, "unknown rule"),
    ("bad-jobs", {}, ["lint", "--jobs", "-3", "{d}"], 2, "not a number"),
    ("config-missing", {"s.txt": SEED.read_bytes()}, ["lint", "--config", "{d}/none.toml", "{d}/s.txt"], 2, "not found"),
    ("config-invalid-toml", {"c.toml": b"language = ", "s.txt": SEED.read_bytes()}, ["lint", "--config", "{d}/c.toml", "{d}/s.txt"], 2, "invalid TOML"),
    ("config-unknown-key", {"c.toml": b"colour = 1\n", "s.txt": SEED.read_bytes()}, ["lint", "--config", "{d}/c.toml", "{d}/s.txt"], 2, "unknown setting"),
    ("config-binary", {"c.toml": b"\xff\xfe\x00", "s.txt": SEED.read_bytes()}, ["lint", "--config", "{d}/c.toml", "{d}/s.txt"], 2, "UTF-8"),
    ("config-huge", {"c.toml": lambda: b"#" * (1024 * 1024 + 5), "s.txt": SEED.read_bytes()},
     ["lint", "--config", "{d}/c.toml", "{d}/s.txt"], 2, "larger than 1 MB"),
    ("output-is-draft", {"s.txt": SEED.read_bytes()}, ["lint", "{d}/s.txt", "--output", "{d}/s.txt"], 2, "draft"),
    ("output-exists", {"s.txt": SEED.read_bytes(), "r.txt": b"keep"}, ["lint", "{d}/s.txt", "--output", "{d}/r.txt"], 2, "add --force"),
    ("annotate-exists", {"s.txt": SEED.read_bytes(), "o.docx": b"keep"}, ["lint", "{d}/s.txt", "--annotate", "{d}/o.docx"], 2, "add --force"),
    ("annotate-and-output-same", {"s.txt": SEED.read_bytes()}, ["lint", "{d}/s.txt", "--annotate", "{d}/a.docx", "--output", "{d}/a.docx"], 2, "both name"),
    ("annotate-not-docx", {"s.txt": SEED.read_bytes()}, ["lint", "{d}/s.txt", "--annotate", "{d}/a.txt"], 2, "name it .docx"),
    ("annotate-is-draft", {"s.docx": lambda: _docx()}, ["lint", "{d}/s.docx", "--annotate", "{d}/s.docx"], 2, "draft itself"),
    ("fix-output-exists", {"s.txt": SEED.read_bytes(), "f.txt": b"keep"}, ["lint", "{d}/s.txt", "--fix", "--output", "{d}/f.txt"], 2, "add --force"),
    ("fix-without-target", {"s.txt": SEED.read_bytes()}, ["lint", "{d}/s.txt", "--fix"], 2, "--fix needs"),
    ("in-place-bak-exists", {"s.txt": SEED.read_bytes(), "s.txt.bak": b"keep"}, ["lint", "{d}/s.txt", "--fix", "--in-place"], 2, ".bak exists"),
    ("output-folder-missing", {"s.txt": SEED.read_bytes()}, ["lint", "{d}/s.txt", "--output", "{d}/no/r.txt"], 2, "does not exist"),
    ("output-is-folder", {"s.txt": SEED.read_bytes(), "sub/.keep": b""}, ["lint", "{d}/s.txt", "--output", "{d}/sub"], 2, "folder"),
    ("render-missing", {}, ["render", "{d}/nope.yml", "-o", "{d}/o.docx"], 2, "not found"),
    ("render-deep-json", {"deep.json": b"[" * 100_000 + b"]" * 100_000}, ["render", "{d}/deep.json", "-o", "{d}/o.docx"], 2, "nested too deeply"),
    ("render-deep-yaml", {"deep.yml": b"a: " + b"[" * 5000 + b"]" * 5000}, ["render", "{d}/deep.yml", "-o", "{d}/o.docx"], 2, "nested too deeply"),
    ("render-deep-mapping", {"deep.yml": "".join(" " * i + "k:\n" for i in range(200)).encode()}, ["render", "{d}/deep.yml", "-o", "{d}/o.docx"], 2, "nested too deeply"),
    ("render-invalid-json", {"r.json": b'{"headline": }'}, ["render", "{d}/r.json", "-o", "{d}/o.docx"], 2, "invalid JSON"),
    ("render-invalid-yaml", {"r.yml": b"a: [1, 2\nb: ]"}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "invalid YAML"),
    ("render-not-mapping", {"r.yml": b"- 1\n- 2\n"}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "mapping"),
    ("render-docx-as-release", {"r.yml": lambda: _docx()}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "not a release file"),
    ("render-huge", {"r.yml": lambda: b"# " * (600 * 1024)}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "too large"),
    ("render-not-utf8", {"r.yml": b"\xff\xfe\xfa"}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "UTF-8"),
    ("render-output-exists", {"r.yml": RELEASE.read_bytes(), "o.docx": b"keep"}, ["render", "{d}/r.yml", "-o", "{d}/o.docx"], 2, "add --force"),
    ("render-output-not-docx", {"r.yml": RELEASE.read_bytes()}, ["render", "{d}/r.yml", "-o", "{d}/o.odt"], 2, ".docx, .pdf, .html or .txt"),
    ("render-over-release", {"r.docx": RELEASE.read_bytes()}, ["render", "{d}/r.docx", "-o", "{d}/r.docx"], 2, "overwrite the release"),
    ("unknown-command-option", {}, ["lint", "--frobnicate"], 2, "unrecognized arguments"),
    ("rules-unknown", {}, ["rules", "no.such-rule"], 2, "no.such-rule"),
]


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    return buf.getvalue()


def _snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name,files,args,code,message", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_cli_hostile(cli, tmp_path, name, files, args, code, message):
    for rel, content in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content() if callable(content) else content)
    before = _snapshot(tmp_path)
    r = cli(*[a.format(d=tmp_path) for a in args])
    assert r.code == code, r
    assert "Traceback" not in r.err and "Traceback" not in r.out
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert lines and message.lower() in lines[-1].lower(), r
    assert len(lines[-1]) < 400
    assert _snapshot(tmp_path) == before  # nothing written, nothing replaced


def test_cli_fifo_is_refused_without_hanging(cli_proc, tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    r = cli_proc("lint", fifo, timeout=60)
    assert r.code == 2 and "not a regular file" in r.err and "Traceback" not in r.err


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_cli_devices_are_refused(cli_proc, target):
    r = cli_proc("lint", target, timeout=60)
    assert r.code == 2 and "not a regular file" in r.err


def test_cli_endless_stdin_is_bounded(cli_proc):
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "pressroom"
    with open("/dev/zero", "rb") as zero:
        p = subprocess.run([str(exe), "lint", "-"], stdin=zero, capture_output=True, timeout=120)
    assert p.returncode == 2 and b"larger than 20 MB" in p.stderr


def test_cli_fifo_release_and_config(cli_proc, tmp_path):
    fifo = tmp_path / "r.yml"
    os.mkfifo(fifo)
    r = cli_proc("render", fifo, "-o", tmp_path / "o.docx", timeout=60)
    assert r.code == 2 and "not a regular file" in r.err
    r = cli_proc("lint", "--config", fifo, SEED, timeout=60)
    assert r.code == 2 and "not a regular file" in r.err


def test_cli_force_replaces_and_two_outputs(cli, tmp_path):
    draft = tmp_path / "s.txt"
    shutil.copy(SEED, draft)
    (tmp_path / "a.docx").write_bytes(b"old")
    r = cli("lint", draft, "--annotate", tmp_path / "a.docx", "--force", "--quiet")
    assert r.code in (0, 1) and zipfile.is_zipfile(tmp_path / "a.docx")
    out = tmp_path / "o.docx"
    out.write_bytes(b"old")
    assert cli("render", RELEASE, "-o", out, "--force").code == 0 and zipfile.is_zipfile(out)


# ----- web ---------------------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hostile_app(request, make_web_app):
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    return make_web_app(url, API_TOKENS=["tok"])


AUTH = {"Authorization": "Bearer tok"}


def _deep(n: int) -> str:
    return "[" * n + "]" * n


# (name, method, path, kwargs, status, message in body)
WEB_CASES = [
    ("lint-deep-json", "post", "/api/lint", {"data": '{"text": ' + _deep(5000) + "}", "content_type": "application/json"}, 400, "nested too deeply"),
    ("releases-deep-json", "post", "/api/releases", {"data": '{"payload": {"a": ' + _deep(5000) + "}}", "content_type": "application/json", "headers": AUTH}, 400, "nested too deeply"),
    ("lint-lone-surrogate", "post", "/api/lint", {"data": '{"text": "abc \\ud800 def"}', "content_type": "application/json"}, 400, "surrogate"),
    ("release-lone-surrogate", "post", "/api/releases", {"data": '{"payload": {"headline": "\\ud800"}}', "content_type": "application/json", "headers": AUTH}, 400, "surrogate"),
    ("release-nul", "post", "/api/releases", {"data": '{"payload": {"headline": "a\\u0000b"}}', "content_type": "application/json", "headers": AUTH}, 400, "NUL"),
    ("lint-not-json", "post", "/api/lint", {"data": "{", "content_type": "application/json"}, 400, "not valid JSON"),
    ("lint-text-plain", "post", "/api/lint", {"data": "hello", "content_type": "text/plain"}, 415, "Send JSON"),
    ("lint-empty-text", "post", "/api/lint", {"json": {"text": "  "}}, 400, "non-empty"),
    ("lint-bad-report", "post", "/api/lint", {"json": {"text": "Привет", "report": "xml"}}, 400, "report"),
    ("lint-bad-language", "post", "/api/lint", {"json": {"text": "Привет", "language": "de"}}, 400, "language"),
    ("lint-huge-number-json", "post", "/api/lint", {"data": '{"text": "a", "n": ' + "9" * 5000 + "}", "content_type": "application/json"}, 400, "not valid JSON"),
    ("lint-pdf-upload", "post", "/api/lint", {"data": {"file": (b"%PDF-1.4 x", "a.pdf")}, "content_type": "multipart/form-data"}, 400, "PDF"),
    ("lint-too-much-text", "post", "/api/lint", {"json": {"text": "слово " * 200_000}}, 413, "characters of text"),
    ("duplicate-cross-site-form", "post", "/api/releases/1/duplicate", {"data": {"x": "1"}}, 403, "CSRF"),
    ("duplicate-text-plain", "post", "/api/releases/1/duplicate", {"data": "x", "content_type": "text/plain"}, 403, "CSRF"),
    ("undelete-cross-site", "post", "/api/releases/1/undelete", {}, 403, "CSRF"),
    ("delete-cross-site", "delete", "/api/releases/1", {}, 403, "CSRF"),
    ("create-without-token", "post", "/api/releases", {"json": {"payload": {"headline": "x"}}}, 403, "CSRF"),
    ("create-bad-csrf", "post", "/api/releases", {"json": {"payload": {"headline": "x"}}, "headers": {"X-CSRFToken": "forged"}}, 403, "not valid"),
    ("create-wrong-api-token", "post", "/api/releases", {"json": {"payload": {"headline": "x"}}, "headers": {"Authorization": "Bearer nope"}}, 401, "not valid"),  # accounts: refused, session or not
    ("unknown-host", "get", "/", {"headers": {"Host": "evil.example"}}, 400, "does not answer to the host name"),
    ("unknown-host-api", "get", "/api/releases", {"headers": {"Host": "rebind.attacker.test:5000"}}, 400, "host name"),
    ("next-crlf", "get", "/ui/en?next=/%0aX", {}, 302, ""),
    ("next-cr", "get", "/ui/ru?next=/%0dSet-Cookie:x=1", {}, 302, ""),
    ("next-absolute", "get", "/ui/en?next=https://evil.example/", {}, 302, ""),
    ("autosave-superscript-id", "post", "/releases/autosave", {"data": {"release_id": "²", "headline": "x"}}, 400, "Unknown release"),
    ("autosave-huge-id", "post", "/releases/autosave", {"data": {"release_id": "9" * 40, "headline": "x"}}, 404, "deleted"),
    ("search-nul", "get", "/releases?q=a%00b", {}, 200, ""),
    ("api-search-nul", "get", "/api/releases?q=a%00b", {}, 200, "releases"),
    ("release-not-found", "get", "/api/releases/999999999999", {}, 404, ""),
    ("check-id-garbage", "get", "/check/../../etc/passwd", {}, 404, ""),
    ("render-not-json", "post", "/api/render", {"data": "x", "content_type": "text/plain"}, 415, "application/json"),
    ("render-deep", "post", "/api/render", {"data": '{"payload": ' + "{\"a\":" * 3000 + "1" + "}" * 3000 + "}", "content_type": "application/json"}, 400, "nested too deeply"),
]


def _csrf_client(app):
    client = app.test_client()
    client.get("/releases/new")
    return client


@pytest.mark.parametrize("name,method,path,kwargs,status,message", WEB_CASES, ids=[c[0] for c in WEB_CASES])
def test_web_hostile(hostile_app, name, method, path, kwargs, status, message):
    client = _csrf_client(hostile_app)
    if name.startswith("autosave"):
        kwargs = dict(kwargs)
        page = client.get("/releases/new").get_data(as_text=True)
        token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
        kwargs["data"] = {**kwargs["data"], "csrf_token": token}
    if isinstance(kwargs.get("data"), dict):  # a fresh stream for each run
        kwargs = {**kwargs, "data": {k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v
                                     for k, v in kwargs["data"].items()}}
    r = getattr(client, method)(path, **kwargs)
    body = r.get_data(as_text=True)
    assert r.status_code == status, (r.status_code, body[:500])
    assert r.status_code < 500 and "Traceback" not in body
    if message:
        assert message.lower() in body.lower(), body[:500]
    if r.status_code in (301, 302, 303):
        loc = r.headers["Location"]
        assert "\n" not in loc and "\r" not in loc and "evil" not in loc


def test_web_nul_and_surrogates_are_cleaned_in_forms_on_both_databases(hostile_app):
    client = _csrf_client(hostile_app)
    page = client.get("/releases/new").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    r = client.post("/releases/autosave", data={"csrf_token": token, "headline": "Заго\x00ловок", "language": "ru"})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    rid = r.json["id"]
    got = client.get(f"/api/releases/{rid}").json
    assert got["payload"]["headline"] == "Заголовок"


def test_web_budget_of_5000_nines_is_not_a_500(hostile_app):
    client = _csrf_client(hostile_app)
    page = client.get("/releases/new").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    r = client.post("/releases/new", data={"csrf_token": token, "headline": "x", "language": "en",
                                           "projects-0-budget": "9" * 5000, "projects-0-title": "P"})
    assert r.status_code in (200, 303, 400, 409, 422), r.status_code


def test_web_csrf_token_and_api_token_are_accepted(hostile_app):
    client = _csrf_client(hostile_app)
    page = client.get("/releases/new").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    r = client.post("/api/releases", json={"payload": {"headline": "x"}}, headers={"X-CSRFToken": token})
    assert r.status_code == 201
    rid = r.json["id"]
    assert client.post(f"/api/releases/{rid}/duplicate", headers=AUTH).status_code == 201


def test_web_content_disposition_from_a_hostile_name(hostile_app):
    client = _csrf_client(hostile_app)
    page = client.get("/check").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    evil = 'a"; filename*=UTF-8\'\'evil.html; x=".txt'
    r = client.post("/check", data={"csrf_token": token, "language": "ru",
                                    "draft": (io.BytesIO(SEED.read_bytes()), evil)}, content_type="multipart/form-data")
    assert r.status_code == 303, r.get_data(as_text=True)[:300]
    check_url = r.headers["Location"]
    for suffix in ("/report.json", "/fixed"):
        d = client.get(check_url + suffix)
        assert d.status_code == 200
        cd = d.headers["Content-Disposition"]
        assert "evil.html" not in cd.replace("evil.html_", "") or "filename*" not in cd
        assert cd.count("filename") == 1 and '"' not in cd.split("filename=", 1)[1].strip('"')


def test_web_windows_1251_fixed_download_charset(hostile_app):
    client = _csrf_client(hostile_app)
    page = client.get("/check").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    data = SEED.read_text(encoding="utf-8").encode("cp1251", "replace")
    r = client.post("/check", data={"csrf_token": token, "language": "ru", "draft": (io.BytesIO(data), "d.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 303
    d = client.get(r.headers["Location"] + "/fixed")
    assert d.status_code == 200 and "charset=windows-1251" in d.headers["Content-Type"]
    d.get_data().decode("cp1251")


def test_web_500_is_logged_with_request_id_and_no_draft_text(hostile_app, monkeypatch, caplog):
    from app.web import store, upgrade_database

    with hostile_app.app_context():
        upgrade_database()  # the migration's fileConfig must not switch the app's logger off

    def boom(*a, **k):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(store, "listing", boom)
    client = hostile_app.test_client()
    with caplog.at_level("ERROR", logger="app.web"):
        r = client.get("/releases?q=секретный-черновик")
    assert r.status_code == 500
    rid = r.headers["X-Request-Id"]
    assert rid in r.get_data(as_text=True)
    logged = [rec for rec in caplog.records if rec.name == "app.web"]
    assert logged and rid in logged[0].getMessage()
    assert "секретный" not in caplog.text


def test_web_security_headers_behind_a_proxy(make_web_app):
    app = make_web_app(PROXY_COUNT=1, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    r = client.get("/releases/new", headers={"X-Forwarded-Proto": "https"})
    assert r.headers.get("Strict-Transport-Security", "").startswith("max-age=")
    assert "Secure" in r.headers.get("Set-Cookie", "")
    r = client.get("/releases/new")
    assert "Strict-Transport-Security" not in r.headers
    plain = make_web_app(WTF_CSRF_ENABLED=False).test_client()
    assert "Strict-Transport-Security" not in plain.get("/", headers={"X-Forwarded-Proto": "https"}).headers


def test_web_empty_secret_key_and_private_database(tmp_path, monkeypatch):
    from app.web import create_app

    monkeypatch.delenv("PRESSROOM_SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    inst = tmp_path / "inst"
    inst.mkdir(mode=0o755)
    (inst / "secret_key").write_text("")
    app = create_app({"INSTANCE_PATH": str(inst), "SQLALCHEMY_DATABASE_URI": f"sqlite:///{inst / 'p.db'}"})
    assert len(app.config["SECRET_KEY"]) >= 32 and (inst / "secret_key").read_text().strip()
    assert stat.S_IMODE((inst / "p.db").stat().st_mode) == 0o600
    fresh = tmp_path / "fresh"
    create_app({"INSTANCE_PATH": str(fresh), "SECRET_KEY": "x"})
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_web_lint_over_budget_is_422(make_web_app):
    app = make_web_app(WTF_CSRF_ENABLED=False, LINT_TIME_BUDGET=0.000001)
    r = app.test_client().post("/api/lint", json={"text": SEED.read_text(encoding="utf-8")})
    assert r.status_code == 422 and "took longer" in r.json["error"]


def test_gunicorn_settings():
    from app.cli import serve

    assert serve.GUNICORN_TIMEOUT <= 60
    src = Path(serve.__file__).read_text(encoding="utf-8")
    assert '"preload_app", True' in src and "SERVER = " in src
