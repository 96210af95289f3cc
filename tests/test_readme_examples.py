"""What README promises about the command line, checked: messages, refusals, exit codes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _last_line(r) -> str:
    return r.err.strip().splitlines()[-1]


def test_usage_errors_are_one_line_naming_the_subcommand_help(cli, tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("Текст.\n", encoding="utf-8")
    r = cli("lint", d, "--format", "xml")
    assert r.code == 2
    assert r.err.strip().count("\n") == 0
    assert "invalid choice: 'xml'" in r.err and "(see `pressroom lint --help`)" in r.err
    r = cli("lint", d, "--no-such-flag")
    assert r.code == 2 and "unrecognized arguments: --no-such-flag" in r.err and "pressroom lint --help" in r.err


@pytest.mark.parametrize("value", ["-1", "two"])
def test_jobs_must_be_a_number_of_processes(cli, tmp_path, value):
    d = tmp_path / "d.txt"
    d.write_text("Текст.\n", encoding="utf-8")
    r = cli("lint", d, "--jobs", value)
    assert r.code == 2 and "is not a number of processes" in r.err


def test_report_output_never_overwrites_a_draft(cli, tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("Сроки: 2024-2026 гг.\n", encoding="utf-8")
    r = cli("lint", d, "--output", d)
    assert r.code == 2 and "is a draft being checked" in _last_line(r)
    assert d.read_text(encoding="utf-8") == "Сроки: 2024-2026 гг.\n"


def test_report_to_file(cli, tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("Сроки: 2024-2026 гг.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    r = cli("lint", d, "--select", "typography", "--format", "json", "--output", out)
    assert r.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["findings"][0]["text"] == "2024-2026"


def test_fixed_text_draft_keeps_its_kind(cli, tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("Сроки: 2024-2026 гг.\n", encoding="utf-8")
    r = cli("lint", d, "--fix", "--output", tmp_path / "fixed.docx")
    assert r.code == 2 and "name it .txt or .md" in _last_line(r)
    assert not (tmp_path / "fixed.docx").exists()


@pytest.mark.parametrize("toml,needle", [
    ('[rules]\nignore = ["typografy"]\n', "unknown rule, category or prefix 'typografy'"),
    ('[style]\nenglish = "en_AU"\n', "style.english must be en_GB or en_US"),
    ('region = "XX"\n', "region must be a two-letter country code"),
    ('[languagetool]\ntimeout = "ten"\n', "languagetool.timeout must be a number of seconds"),
    ('[languagetool]\nenabled = "yes"\n', "languagetool.enabled must be true, false or \"auto\""),
    ('[languagetool]\nurl = "localhost:8081"\n', "languagetool.url must be an http:// or https:// address"),
])
def test_config_mistakes_stop_the_run_with_one_line(cli, tmp_path, toml, needle):
    cfg = tmp_path / "pressroom.toml"
    cfg.write_text(toml, encoding="utf-8")
    d = tmp_path / "d.txt"
    d.write_text("Текст.\n", encoding="utf-8")
    r = cli("lint", d, "--config", cfg)
    assert r.code == 2 and "Traceback" not in r.err
    assert needle in _last_line(r) and str(cfg) in _last_line(r)


def test_a_whitespace_suggestion_is_visible_in_the_text_report(cli, tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("Форум собрал  более 80 участников.\n", encoding="utf-8")
    r = cli("lint", d, "--select", "typography.double-space", "--no-color")
    assert r.out.splitlines()[0].endswith("→ ' '")


def test_render_refuses_a_word_file_with_a_hint(cli, tmp_path):
    src = tmp_path / "draft.docx"
    import docx

    document = docx.Document()
    document.add_paragraph("ПРЕСС-РЕЛИЗ")
    document.save(src)
    r = cli("render", src, "-o", tmp_path / "out.docx")
    assert r.code == 2
    assert "not a release file (YAML or JSON)" in _last_line(r) and "pressroom lint" in _last_line(r)
    assert not (tmp_path / "out.docx").exists()


def test_render_without_output_writes_beside_the_release(cli, tmp_path):
    src = tmp_path / "release.yml"
    shutil.copy(ROOT / "examples" / "rule-of-law-forum-ru.yml", src)
    r = cli("render", src)
    assert r.code == 0, r
    assert (tmp_path / "release.docx").is_file()
