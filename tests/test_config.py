"""pressroom.toml: discovery, rule selection, severities, vocabulary; DOCX pressroom-ignore comments."""
from __future__ import annotations

import io
import json

import docx

from app.core.readers import read_bytes
from app.engine.config import load_config
from app.engine.linter import LintContext, lint


def _rules(out: str) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for file in json.loads(out)["files"] for f in file["findings"]]


def test_config_found_in_parent_folder(tmp_path, monkeypatch):
    (tmp_path / "pressroom.toml").write_text('organisation = "LPRC"\nregion = "kg"\n', encoding="utf-8")
    sub = tmp_path / "drafts" / "2025"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    cfg = load_config()
    assert cfg.organisation == "LPRC" and cfg.region == "KG"
    assert cfg.path == tmp_path / "pressroom.toml"


def test_config_disables_rules_and_changes_severity(cli, tmp_path, monkeypatch):
    draft = tmp_path / "d.txt"
    draft.write_text("Сроки:  2024-2026 гг.\n", encoding="utf-8")
    (tmp_path / "pressroom.toml").write_text(
        '[rules]\nignore = ["typography.double-space"]\n[rules.severity]\n"typography.range-hyphen" = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    r = cli("lint", draft, "--format", "json", "--select", "typography")
    assert _rules(r.out) == [("typography.range-hyphen", "error")]
    assert r.code == 1


def test_severity_off_disables(cli, tmp_path):
    cfg = tmp_path / "house.toml"
    cfg.write_text('[rules.severity]\n"typography" = "off"\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Сроки:  2024-2026 гг.\n", encoding="utf-8")
    r = cli("lint", draft, "--format", "json", "--select", "typography", "--config", cfg)
    assert _rules(r.out) == []


def test_config_vocabulary_reaches_checks(tmp_path):
    cfg_file = tmp_path / "pressroom.toml"
    cfg_file.write_text('[vocabulary]\naccept = ["Симкич", "omiroshnichenko"]\n', encoding="utf-8")
    ctx = LintContext(config=load_config(cfg_file))
    assert ctx.vocabulary.accepts("Симкич") and ctx.vocabulary.accepts("OMIROSHNICHENKO".lower())
    assert not ctx.vocabulary.accepts("симкич")  # capitalised entries match exactly


def test_docx_pressroom_ignore_comment_suppresses_that_rule_on_that_span():
    d = docx.Document()
    p1 = d.add_paragraph("Years ")
    intended = p1.add_run("2024-2026")
    d.add_paragraph("Other years 2018-2019 here.")
    d.add_comment([intended], text="pressroom-ignore typography.range-hyphen (title of a law)", author="Reviewer")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "c.docx")
    found = [doc.span_text(f.offset, f.end) for f in lint(doc, select=["typography"]).findings]
    assert found == ["2018-2019"]


def test_other_comments_do_not_suppress():
    d = docx.Document()
    p1 = d.add_paragraph("Years ")
    run = p1.add_run("2024-2026")
    d.add_comment([run], text="Please check the years", author="Reviewer")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "c.docx")
    assert [f.rule for f in lint(doc, select=["typography"]).findings] == ["typography.range-hyphen"]
