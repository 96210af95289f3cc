"""`pressroom render`: exit 0 and a DOCX for good input; exit 2, one message per problem with the
field path, and no file left behind for bad input."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EX = ROOT / "examples"


def _write(tmp_path: Path, data, name="release.yml") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _example(name="rule-of-law-forum-en.yml") -> dict:
    return yaml.safe_load((EX / name).read_text(encoding="utf-8"))


def _no_docx_left(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.suffix in (".docx", ".tmp") or p.name.startswith(".pressroom-")]


@pytest.mark.parametrize("name", ["rule-of-law-forum-ru.yml", "rural-schools-en.yml"])
def test_render_writes_a_docx(cli, tmp_path, name):
    out = tmp_path / "release.docx"
    r = cli("render", str(EX / name), "-o", str(out))
    assert r.code == 0, r
    assert r.out.strip() == str(out)
    d = docx.Document(out)
    assert d.core_properties.title == yaml.safe_load((EX / name).read_text(encoding="utf-8"))["headline"]


def test_default_output_name_and_check_only(cli, tmp_path):
    src = _write(tmp_path, _example())
    assert cli("render", str(src), "--check").code == 0
    _no_docx_left(tmp_path)
    assert cli("render", str(src)).code == 0
    assert (tmp_path / "release.docx").is_file()


@pytest.mark.parametrize("text,message", [
    ("headline: [unclosed\n", "invalid YAML"),
    ("language: en\n  headline: x\n", "invalid YAML"),
])
def test_invalid_yaml(cli, tmp_path, text, message):
    src = _write(tmp_path, text)
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2
    assert message in r.err and "line" in r.err
    assert "Traceback" not in r.err
    _no_docx_left(tmp_path)


def test_invalid_json(cli, tmp_path):
    src = _write(tmp_path, '{"language": "en", "headline": }', "release.json")
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2
    assert "invalid JSON" in r.err and "line 1" in r.err
    _no_docx_left(tmp_path)


def test_each_problem_on_its_own_line_with_path(cli, tmp_path):
    data = _example()
    data["headlin"] = data.pop("headline")
    data["projects"][0]["total_budget"] = "a lot"
    data["contacts"][0]["email"] = "olga at lprc"
    data["lead"] = "Bell\x07"
    src = _write(tmp_path, data)
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 4, lines
    assert all(line.startswith(f"pressroom: error: {src}: ") for line in lines)
    joined = "\n".join(lines)
    for path in ("headlin: unknown field", "projects[0].total_budget: must be a number", "lead: contains a control character",
                 "headline: required field is missing"):
        assert path in joined
    _no_docx_left(tmp_path)


def test_semantic_problems_reported_in_russian(cli, tmp_path):
    data = _example("rule-of-law-forum-ru.yml")
    data["projects"][1]["eu_contribution"] = 900000
    data["contacts"][0]["phone"] = "12345"
    src = _write(tmp_path, data)
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2
    assert "projects[1].eu_contribution: взнос ЕС (900 000 евро) больше общего бюджета (768 490 евро)" in r.err
    assert "contacts[0].phone: номер телефона недействителен: '12345'" in r.err
    _no_docx_left(tmp_path)


def test_logo_problems(cli, tmp_path):
    (tmp_path / "logo.png").write_bytes(b"%PDF-1.4 not a picture")
    with open(tmp_path / "big.jpg", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    data = _example()
    data["logos"] = [{"path": "logo.png"}, {"path": "big.jpg"}]
    src = _write(tmp_path, data)
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2
    assert "logos[0].path: not a PNG or JPEG image" in r.err
    assert "logos[1].path: file is too large (50.0 MB" in r.err
    _no_docx_left(tmp_path)


def test_missing_file_and_empty_file(cli, tmp_path):
    r = cli("render", str(tmp_path / "nope.yml"), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2 and "file not found" in r.err
    src = _write(tmp_path, "")
    r = cli("render", str(src), "-o", str(tmp_path / "out.docx"))
    assert r.code == 2 and "must be a mapping" in r.err
    _no_docx_left(tmp_path)


def test_output_must_be_docx_and_folder_must_exist(cli, tmp_path):
    src = _write(tmp_path, _example())
    assert cli("render", str(src), "-o", str(tmp_path / "out.odt")).code == 2  # .pdf/.html/.txt: --format
    r = cli("render", str(src), "-o", str(tmp_path / "no" / "such" / "out.docx"))
    assert r.code == 2 and "does not exist" in r.err


def test_schema_option_prints_the_json_schema(cli):
    import json

    r = cli("render", "--schema")
    assert r.code == 0
    schema = json.loads(r.out)
    assert schema["properties"]["projects"]["items"]["properties"]["eu_contribution"]["type"] == "number"
    assert cli("render").code == 2
