"""The JSON API against its own OpenAPI document (schemathesis), plus the contract of /api/lint."""
from __future__ import annotations

import io
import json
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from pathlib import Path

from app.web import create_app, upgrade_database

ROOT = Path(__file__).resolve().parent.parent


TOKEN = "schema-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}  # accounts (issue 15): the API needs a user or a token


def _make_app(d: Path):
    from webauth import SignedInClient, make_user

    app = create_app({"TESTING": True, "INSTANCE_PATH": str(d / "instance"), "SECRET_KEY": "t",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{d / 'api.db'}", "API_TOKENS": [TOKEN]})
    with app.app_context():
        upgrade_database()
    app.config["TEST_SIGNED_IN"] = make_user(app, "author").get_id()
    app.test_client_class = SignedInClient
    client = app.test_client()
    for h in ("Seed one", "Seed two"):
        client.post("/api/releases", json={"payload": {"language": "en", "headline": h}}, headers=AUTH)
    return app


@pytest.fixture(scope="module")
def api_app(tmp_path_factory):
    return _make_app(tmp_path_factory.mktemp("api"))


# schemathesis loads the schema at collection time: a module-level app on its own temporary database.
_TMP = Path(tempfile.mkdtemp(prefix="pressroom-api-"))
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", _make_app(_TMP))


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_openapi(case):
    # Every response: no server error, a documented status code, the documented content type
    # and a body that matches the schema.
    case.call_and_validate(headers=AUTH, checks=[schemathesis.checks.not_a_server_error,
                                   schemathesis.checks.status_code_conformance,
                                   schemathesis.checks.content_type_conformance,
                                   schemathesis.checks.response_schema_conformance])


def test_openapi_document_is_valid(api_app):
    from jsonschema import Draft4Validator  # noqa: F401 - the OpenAPI 3.0 schema is draft-4 flavoured

    doc = api_app.test_client().get("/api/openapi.json").json
    assert doc["openapi"].startswith("3.0")
    assert {"/api/lint", "/api/render", "/api/releases", "/api/releases/{release_id}", "/healthz"} <= set(doc["paths"])


def test_api_lint_returns_the_json_contract(api_app, seed_path):
    c = api_app.test_client()
    r = c.post("/api/lint", data={"file": (io.BytesIO(seed_path.read_bytes()), "seed.txt")}, content_type="multipart/form-data")
    assert r.status_code == 200
    body = r.json
    assert body["version"] == 1 and body["files"][0]["language"] == "ru"
    f = body["files"][0]["findings"][0]
    assert set(f) >= {"rule", "category", "severity", "message", "line", "column", "offset", "length", "text", "suggestions"}
    # the same as the CLI would say
    from app.core.readers import read_bytes
    from app.engine.linter import lint

    doc = read_bytes(seed_path.read_bytes(), "seed.txt", None, "auto")
    assert len(body["files"][0]["findings"]) == len(lint(doc).findings)


def test_api_lint_sarif(api_app):
    r = api_app.test_client().post("/api/lint", json={"text": "Годы 2024-2025 , всё.", "report": "sarif"})
    assert r.status_code == 200 and r.json["version"] == "2.1.0"


def docx_all_text(data: bytes) -> str:
    """Body, headers and footers of a DOCX, plus its content status."""
    import docx

    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for s in d.sections:
        for hf in (s.header, s.first_page_header, s.footer, s.first_page_footer):
            parts += [p.text for p in hf.paragraphs]
            for t in hf.tables:
                parts += [c.text for row in t.rows for c in row.cells]
    parts.append(d.core_properties.content_status or "")
    return "\n".join(parts)


def test_api_render_marks_draft_while_errors_remain(api_app):
    import yaml

    payload = json.loads(json.dumps(yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-en.yml").read_text()), default=str))
    c = api_app.test_client()
    ok = c.post("/api/render", json={"payload": payload})
    assert ok.status_code == 200 and ok.headers["X-Pressroom-Draft"] == "0"
    text = docx_all_text(ok.data).replace("\u00a0", " ")
    assert payload["headline"] in text
    assert "DRAFT" not in text
    bad = dict(payload)
    bad["contacts"] = [{"name": "X", "phone": "12", "email": "nope"}]
    r = c.post("/api/render", json={"payload": bad})
    assert r.status_code == 200 and r.headers["X-Pressroom-Draft"] == "1"
    assert "DRAFT" in docx_all_text(r.data)


def test_live_check_cross_checks_budget_and_phone(api_app):
    import yaml

    payload = json.loads(json.dumps(yaml.safe_load((ROOT / "examples" / "rule-of-law-forum-ru.yml").read_text()), default=str))
    c = api_app.test_client()
    clean = c.post("/api/releases/check", json={"payload": payload}).json
    assert not [f for f in clean["findings"] if f["rule"].startswith("crosscheck.")]
    payload["body"] = payload["body"] + ["Общий бюджет проекта составляет 700 000 евро. Звоните по тел. +7 701 111 2233."]
    res = c.post("/api/releases/check", json={"payload": payload}).json
    rules = {f["rule"]: f for f in res["findings"]}
    assert "crosscheck.budget" in rules and rules["crosscheck.budget"]["field"] == "body"
    assert "crosscheck.phone" in rules
    body_text = "\n\n".join(payload["body"])
    b = rules["crosscheck.budget"]
    assert body_text[b["start"]:b["end"]] == "700 000 евро"
