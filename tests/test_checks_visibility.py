"""EU visibility checks on our own drafts."""
from __future__ import annotations

from app.core import eu_texts
from checkutil import lint_draft, lint_str, spans


def test_good_drafts_clean():
    for name in ("ru_good.txt", "en_good.txt"):
        _, fs = lint_draft(name, ["visibility"])
        assert [f for f in fs if f.severity != "info"] == [], name


def test_ru_broken():
    doc, fs = lint_draft("ru_broken.txt", ["visibility"])
    got = spans(doc, fs)
    assert ("visibility.eu-name-in-full", "финансируется ЕС") in got
    assert ("visibility.placeholder", "[название организации]") in got
    assert ("visibility.member-states", "28 европейских стран") in got
    f = next(f for f in fs if f.rule == "visibility.eu-name-in-full")
    assert f.suggestions == ["финансируется Европейским Союзом"] and f.severity == "error"


def test_en_broken():
    doc, fs = lint_draft("en_broken.txt", ["visibility"])
    got = spans(doc, fs)
    assert ("visibility.eu-name-in-full", "funded by the EU") in got
    assert ("visibility.placeholder", "<name of organisation>") in got
    assert ("visibility.member-states", "28 Member States") in got
    wording = next(f for f in fs if f.rule == "visibility.disclaimer-wording")
    assert wording.suggestions[0].startswith("This publication was produced with the financial support")
    assert "Media Literacy Centre (MLC)" in wording.suggestions[0]


def test_never_mentions_eu():
    _, fs = lint_str("Форум собрал 80 участников.", "ru", ["visibility.eu-not-mentioned"])
    assert [(f.rule, f.severity, f.offset, f.length) for f in fs] == [("visibility.eu-not-mentioned", "error", 0, 0)]


def test_texts_data_is_shared_and_complete():
    for lang in ("ru", "en"):
        data = eu_texts.texts(lang)
        for key in ("funding_statement", "cofunding_statement", "disclaimer", "boilerplate"):
            assert data[key]["text"] and data[key]["source"], (lang, key)
        assert "{organisation}" in data["disclaimer"]["text"]
        official = eu_texts.disclaimer(lang, "X")
        # the official text itself is accepted by the linter's patterns
        assert all(rx.search(official) for rx in eu_texts.patterns(lang, "disclaimer_official"))
        assert any(rx.search(official) for rx in eu_texts.patterns(lang, "disclaimer"))
        assert any(rx.search(eu_texts.boilerplate(lang)) for rx in eu_texts.patterns(lang, "boilerplate"))
    assert eu_texts.member_states() == 27
