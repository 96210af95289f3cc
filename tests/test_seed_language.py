"""Issue 4 on the seed draft: the three real language errors, and silence on everything else."""
from __future__ import annotations

from app.core.readers import read_path
from app.engine.linter import lint

LANGUAGE = ["spelling", "homoglyph", "grammar"]
QUIET_WORDS = ["Алешка", "Симкич", "Нельсона", "Манделы", "Мирошниченко", "Талдыкорганский", "Кыргызской",
               "LPRC", "IPHR", "ОО", "ОФ", "гг", "пробация", "реинтеграция", "правоприменение", "Penal",
               "Reform", "International", "hotmail", "omiroshnichenko"]


def _findings(seed_path):
    doc = read_path(str(seed_path))
    return doc, lint(doc, select=LANGUAGE).findings


def _at(doc, findings, word):
    return [f for f in findings if doc.span_text(f.offset, f.end) == word]


def test_adpecy_is_a_homoglyph_error_with_a_safe_fix(seed_path):
    doc, fs = _findings(seed_path)
    hits = _at(doc, fs, "adpecy")
    assert len(hits) == 1
    f = hits[0]
    assert (f.category, f.severity, f.suggestions[0], f.fix) == ("homoglyph", "error", "адресу", "адресу")


def test_predistoriya_is_a_spelling_error_with_the_right_first_suggestion(seed_path):
    doc, fs = _findings(seed_path)
    hits = _at(doc, fs, "Предистория")
    assert len(hits) == 1
    f = hits[0]
    assert (f.category, f.severity) == ("spelling", "error")
    assert f.suggestions[0] == "Предыстория"
    assert f.fix is None  # spelling is never fixed automatically


def test_kazakhstanskie_is_an_agreement_error(seed_path):
    doc, fs = _findings(seed_path)
    hits = _at(doc, fs, "Казахстанские")
    assert len(hits) == 1
    assert (hits[0].category, hits[0].severity, hits[0].suggestions[0]) == ("grammar", "error", "Казахстанское")


def test_nothing_else_above_info(seed_path):
    doc, fs = _findings(seed_path)
    loud = [(doc.span_text(f.offset, f.end), f.rule) for f in fs if f.severity != "info"]
    assert sorted(w for w, _ in loud) == sorted(["adpecy", "Предистория", "Казахстанские"]), loud
    for word in QUIET_WORDS:
        assert not [f for f in fs if word in doc.span_text(f.offset, f.end) and f.severity != "info"], word


def test_cli_reports_the_three(cli, seed_path):
    r = cli("lint", str(seed_path), "--select", "spelling,homoglyph,grammar", "--format", "json")
    assert r.code == 1
    import json

    data = json.loads(r.out)
    found = {(f["text"], f["rule"]) for f in data["files"][0]["findings"] if f["severity"] == "error"}
    assert found == {("adpecy", "homoglyph.latin-word"), ("Предистория", "spelling.unknown-word"),
                     ("Казахстанские", "grammar.agreement")}
