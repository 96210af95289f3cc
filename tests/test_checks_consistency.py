"""Consistency checks: EU name, per cent, e-mail labels, ё, acronyms."""
from __future__ import annotations

from app.engine.config import Config
from checkutil import lint_draft, lint_str, spans


def test_good_drafts_clean():
    for name in ("ru_good.txt", "en_good.txt"):
        _, fs = lint_draft(name, ["consistency"])
        assert fs == [], name


def test_eu_name_inflected_suggestions():
    text = "Европейский союз поддержал форум. Посол Европейского союза выступил. Проект финансируется Европейским Союзом."
    doc, fs = lint_str(text, "ru", ["consistency.eu-name"])
    assert spans(doc, fs) == [("consistency.eu-name", "Европейским Союзом")]
    assert fs[0].suggestions == ["Европейским союзом"]


def test_eu_name_house_form_from_config():
    text = "Европейский союз поддержал форум. Посол Европейского союза выступил. Проект финансируется Европейским Союзом."
    cfg = Config(style={"eu_name_ru": "Европейский Союз"})
    doc, fs = lint_str(text, "ru", ["consistency.eu-name"], cfg)
    assert [f.suggestions[0] for f in fs] == ["Европейский Союз", "Европейского Союза"]


def test_broken_drafts():
    doc, fs = lint_draft("ru_broken.txt", ["consistency"])
    got = spans(doc, fs)
    assert ("consistency.eu-name", "Европейским союзом") in got
    assert ("consistency.acronym-before-definition", "ЕС") in got
    doc, fs = lint_draft("en_broken.txt", ["consistency"])
    got = spans(doc, fs)
    assert ("consistency.percent", "percent") in got
    assert ("consistency.acronym-before-definition", "EU") in got


def test_yo_only_when_document_uses_yo():
    doc, fs = lint_str("Посол отметила ее вклад. Осуждённых стало меньше.", "ru", ["consistency.yo"])
    assert [(f.severity, f.suggestions[0]) for f in fs] == [("info", "её")]
    _, fs = lint_str("Посол отметила ее вклад. Осужденных стало меньше.", "ru", ["consistency.yo"])
    assert fs == []
