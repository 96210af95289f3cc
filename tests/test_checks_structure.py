"""Structure checks on our own drafts (tests/drafts/): parts recognised, missing parts located."""
from __future__ import annotations

from app.engine.config import Config
import pytest
from checkutil import lint_draft, lint_str


@pytest.mark.parametrize("name", ["ru_good.txt", "en_good.txt"])
def test_complete_release_has_no_structure_findings(name):
    _, fs = lint_draft(name, ["structure"])
    assert fs == []


def test_ru_broken_misses_label_and_headline_only():
    doc, fs = lint_draft("ru_broken.txt", ["structure"])
    assert sorted(f.rule for f in fs) == ["structure.missing-headline", "structure.missing-label"]
    head = next(f for f in fs if f.rule == "structure.missing-headline")
    assert head.length == 0 and doc.text[head.offset:].startswith("АЛМАТЫ – 13 марта")


def test_en_broken_misses_top_parts():
    doc, fs = lint_draft("en_broken.txt", ["structure"])
    rules = {f.rule: f for f in fs}
    assert {"structure.missing-date", "structure.missing-dateline", "structure.missing-headline",
            "structure.missing-label"} <= set(rules)
    assert rules["structure.missing-label"].severity == "warning"
    assert rules["structure.missing-dateline"].severity == "error"
    assert all(f.length == 0 for f in fs)


def test_missing_disclaimer_en_fix_only_with_known_organisation():
    text = "PRESS RELEASE\n\n18 February 2026\n\nForum\n\nALMATY, 18 February 2026 – A forum took place."
    doc, fs = lint_str(text, "en", ["structure.missing-disclaimer"])
    assert fs[0].offset == doc.end_anchor() and fs[0].fix is None
    assert "<name of organisation>" in fs[0].suggestions[0]
    _, fs = lint_str(text, "en", ["structure.missing-disclaimer"], Config(organisation="Media Literacy Centre"))
    assert fs[0].fix.strip().startswith("This publication was produced with the financial support of the European Union")
    assert "sole responsibility of Media Literacy Centre and" in fs[0].fix


def test_missing_contacts_needs_person_or_office_with_channel():
    base = "ПРЕСС-РЕЛИЗ\n\nФорум\n\nАСТАНА – 21 ноября 2025 года состоялся форум.\n\n"
    _, fs = lint_str(base + "Тел. +7 701 744 44 29", "ru", ["structure.missing-contacts"])
    assert [f.rule for f in fs] == ["structure.missing-contacts"]  # a phone alone names nobody
    _, fs = lint_str(base + "Ольга Мирошниченко", "ru", ["structure.missing-contacts"])
    assert [f.rule for f in fs] == ["structure.missing-contacts"]
    _, fs = lint_str(base + "Пресс-служба: press@lprc.kz", "ru", ["structure.missing-contacts"])
    assert fs == []


def test_missing_funding_statement_suggests_official_text():
    _, fs = lint_str("Форум\n\nАСТАНА – 21 ноября 2025 года состоялся форум.", "ru", ["structure.missing-funding-statement"])
    assert fs[0].suggestions == ["Этот проект финансируется Европейским Союзом."]
