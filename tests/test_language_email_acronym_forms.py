"""Broken e-mails of two more families (a space inside the name part, an '@' for the dot) and an
acronym typed in Latin look-alike capitals (own phrasings: caught and quiet)."""
from __future__ import annotations

from app.engine.linter import lint_text


def found(text, lang, rule):
    r = lint_text(text, lang, select=[rule])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1]) for f in r.findings
            if f.severity in ("error", "warning")]


EMAIL = "contact.email"


def test_space_in_the_name_part_after_a_label_ru():
    text = "Контакты: Айдана Усенова, эл. почта: aidana usenova@fund.kg"
    assert found(text, "ru", EMAIL) == [("aidana usenova@fund.kg", ["aidana.usenova@fund.kg"])]


def test_space_in_the_name_part_without_a_label_in_a_russian_text():
    text = "Контакты: Айдана Усенова, тел. +996 555 12 34 56, aidana usenova@fund.kg"
    assert found(text, "ru", EMAIL) == [("aidana usenova@fund.kg", ["aidana.usenova@fund.kg"])]


def test_space_in_the_name_part_keeps_the_release_underscore():
    text = "E-mail: timur_alimov@centre.uz, e-mail: nodira rahimova@centre.uz"
    assert found(text, "ru", EMAIL) == [("nodira rahimova@centre.uz", ["nodira_rahimova@centre.uz"])]


def test_space_in_the_name_part_after_an_english_label():
    text = "Media contact: John Smith, Email: john smith@ngo.org"
    assert found(text, "en", EMAIL) == [("john smith@ngo.org", ["john.smith@ngo.org"])]


def test_words_before_a_correct_address_stay_quiet():
    text = ("Please send an e-mail to press@fund.kz or write to Anna at anna@fund.kz. "
            "Beneficiaries can also email info@fund.kz.")
    assert found(text, "en", EMAIL) == []


def test_at_sign_for_the_dot_before_the_ending():
    assert found("Contact: press.office@unicef@org", "en", EMAIL) == [
        ("press.office@unicef@org", ["press.office@unicef.org"])]
    assert found("Почта: info@ecocenter@kz", "ru", EMAIL) == [("info@ecocenter@kz", ["info@ecocenter.kz"])]


LATIN = "homoglyph.latin-word"


def test_latin_capitals_for_an_acronym_the_release_writes_in_cyrillic():
    text = "Эксперты ООН и ОБСЕ провели семинар. Представитель OOH отметил рост участия женщин."
    assert found(text, "ru", LATIN) == [("OOH", ["ООН"])]


def test_latin_capitals_inside_a_longer_cyrillic_acronym_count():
    text = "Программа развития OOH (ПРООН) открыла офис в Нукусе."
    assert found(text, "ru", LATIN) == [("OOH", ["ООН"])]


def test_latin_acronyms_the_release_does_not_write_in_cyrillic_stay_quiet():
    text = "Корреспондент BBC и сотрудники ABC взяли интервью у экспертов ООН."
    assert found(text, "ru", LATIN) == []


def test_a_latin_acronym_the_release_defines_stays_quiet():
    text = "Сеть «Open Office Hub» (OOH) работает с агентствами ООН. Участники OOH встретились в Оше."
    assert found(text, "ru", LATIN) == []
