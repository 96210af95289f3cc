"""The seed draft (issue 3): what `pressroom lint` must and must not report for it."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.readers import read_path
from app.engine.config import Config
from app.engine.linter import lint

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_87413283a02d3cbb.txt"
LPRC = "ОФ «Центр исследования правовой политики» (LPRC)"
DISCLAIMER = ("Данная публикация подготовлена при финансовой поддержке Европейского Союза. Ее содержание является "
              f"исключительной ответственностью {LPRC} и не обязательно отражает точку зрения Европейского Союза.")


@pytest.fixture(scope="module")
def seed():
    doc = read_path(str(SEED))
    return doc, lint(doc, Config()).findings


def _at(findings, rule, offset):
    hits = [f for f in findings if f.rule == rule and f.offset == offset]
    assert hits, f"{rule} at {offset} not reported; got {[(f.rule, f.offset) for f in findings]}"
    return hits[0]


def test_broken_email(seed):
    doc, fs = seed
    f = _at(fs, "contact.email", 3547)
    assert (f.category, f.severity, f.length) == ("contact", "error", 28)
    assert doc.span_text(f.offset, f.end) == "omiroshnichenko @hotmail.com"
    assert f.suggestions[0] == f.fix == "omiroshnichenko@hotmail.com"


def test_phone_without_country_code(seed):
    doc, fs = seed
    f = _at(fs, "contact.phone", 3707)
    assert (f.category, f.severity) == ("contact", "error")
    assert doc.span_text(f.offset, f.end) == "+701 744 44 29"
    assert f.suggestions[0] == f.fix == "+7 701 744 44 29"


def test_missing_disclaimer_filled_with_lprc(seed):
    doc, fs = seed
    f = _at(fs, "structure.missing-disclaimer", doc.end_anchor())
    assert (f.category, f.severity, f.length) == ("structure", "error", 0)
    assert f.offset == 4451
    assert f.suggestions[0] == DISCLAIMER
    assert f.fix == "\n\n" + DISCLAIMER


def test_missing_disclaimer_uses_configured_organisation(seed):
    doc, _ = seed
    fs = lint(doc, Config(organisation="LPRC"), select=["structure.missing-disclaimer"]).findings
    assert "исключительной ответственностью LPRC и" in fs[0].suggestions[0]


def test_eu_name_minority_form(seed):
    doc, fs = seed
    hits = [f for f in fs if f.rule == "consistency.eu-name"]
    assert [(f.offset, f.length) for f in hits] == [(176, 18), (2190, 18)]
    for f in hits:
        assert f.severity == "warning" and f.category == "consistency"
        assert doc.span_text(f.offset, f.end) == "Европейским союзом"
        assert f.suggestions == ["Европейским Союзом"]


def test_year_range_hyphen(seed):
    doc, fs = seed
    f = _at(fs, "typography.range-hyphen", 2470)
    assert doc.span_text(f.offset, f.end) == "2024-2026" and f.severity == "warning"


def test_exact_errors_and_warnings(seed):
    _, fs = seed
    loud = sorted((f.rule, f.offset) for f in fs if f.severity in ("error", "warning")
                  and not f.category.startswith(("spelling", "grammar", "homoglyph", "style")))
    assert loud == [
        ("consistency.eu-name", 176), ("consistency.eu-name", 2190), ("contact.email", 3547),
        ("contact.phone", 3707), ("structure.missing-disclaimer", 4451), ("typography.leftover-markup", 3730),
        ("typography.range-hyphen", 2470),
    ]


@pytest.mark.parametrize("text", [
    "777 895 евро", "739 000 евро", "768 490 евро", "730 000 евро", "три года (2024—2027 гг.)",
    "ул. Космонавтов, д. 62", "+7 (7172) 97 45 40", "+77017444429", "info@lprc.kz",
    "delegation-kazakhstan@eeas.europa.eu", "https://eeas.europa.eu/delegations/kazakhstan",
    "27 европейских стран", "ПРЕСС-РЕЛИЗ", "21 ноября 2025 года",
])
def test_not_reported_as_error_or_warning(seed, text):
    doc, fs = seed
    start = doc.text.index(text)
    end = start + len(text)
    loud = [f for f in fs if f.severity in ("error", "warning") and f.offset < end and f.end > start
            and f.rule != "typography.leftover-markup"]
    assert not loud, f"{text!r} reported: {[(f.rule, f.message) for f in loud]}"


def test_structure_parts_recognised(seed):
    _, fs = seed
    rules = {f.rule for f in fs}
    for rid in ("structure.missing-headline", "structure.missing-date", "structure.missing-dateline",
                "structure.missing-contacts", "structure.missing-funding-statement",
                "structure.missing-boilerplate", "structure.missing-label"):
        assert rid not in rules
