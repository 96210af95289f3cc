"""Spelling, look-alike letters and Russian agreement on our own drafts (ru and en)."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint


def run(text, lang, select=("spelling", "homoglyph", "grammar"), config=None):
    doc = read_bytes(text.encode("utf-8"), "draft.txt", "txt", lang)
    cfg = config or Config()
    res = lint(doc, cfg, select=list(select), context=LintContext(config=cfg))
    return [(doc.span_text(f.offset, f.end), f) for f in res.findings]


def loud(found):
    return [(w, f.rule, f.suggestions[:1]) for w, f in found if f.severity != "info"]


# ----- homoglyphs -------------------------------------------------------------------------------
def test_latin_o_in_russian_word_is_fixed_safely():
    found = run("Эксперты прoекта встретились в Астане.", "ru")
    [(word, f)] = [(w, f) for w, f in found if f.category == "homoglyph"]
    assert word == "прoекта" and f.severity == "error" and f.fix == "проекта"


def test_cyrillic_o_in_english_word():
    found = run("The Eurоpean Union funds the project.", "en")
    [(word, f)] = [(w, f) for w, f in found if f.category == "homoglyph"]
    assert f.suggestions == ["European"] and f.fix == "European"


def test_italic_latin_word_reads_as_russian():
    found = run("Итоги npoekm обсудят в декабре.", "ru")
    assert [(w, f.suggestions[0], f.fix) for w, f in found if f.category == "homoglyph"] == [("npoekm", "проект", "проект")]


def test_real_latin_words_are_not_homoglyphs():
    text = ("Проект реализуют LPRC, IPHR и Penal Reform International; пишите на omiroshnichenko@hotmail.com "
            "или https://eeas.europa.eu/delegations/kazakhstan, тег COVID-19, формат PDF, компания Coca-Cola.")
    assert [w for w, f in run(text, "ru") if f.category == "homoglyph"] == []


def test_mixed_name_without_dictionary_reading_has_no_fix():
    found = run("Встреча с Куанышбaевой прошла в Алматы.", "ru")  # Latin a in a surname
    [(word, f)] = [(w, f) for w, f in found if f.category == "homoglyph"]
    assert f.suggestions == ["Куанышбаевой"] and f.fix is None


# ----- spelling ---------------------------------------------------------------------------------
def test_russian_typo_and_ranking():
    found = loud(run("Просим ознакомиться с локументом. Предистория проекта длинная.", "ru"))
    assert ("локументом", "spelling.unknown-word", ["документом"]) in found
    assert ("Предистория", "spelling.unknown-word", ["Предыстория"]) in found


def test_inflected_forms_and_domain_vocabulary_are_known():
    text = ("Пробации, реинтеграции и правоприменению посвятили тренинг; осуждённые и их семьи "
            "получили консультации медиаторов по вопросам гендерного равенства и декарбонизации.")
    assert loud(run(text, "ru")) == []


def test_names_acronyms_digits_are_at_most_info():
    text = "Координатор Айгуль Жумабекова из ОФ «Шанырак-2024» и КазНУ встретилась с Ержаном."
    assert loud(run(text, "ru")) == []


def test_english_typo_and_british_spelling_accepted():
    found = loud(run("The organisation will recieve the grant for the programme.", "en"))
    assert found == [("recieve", "spelling.unknown-word", ["receive"])]


def test_config_vocabulary_adds_words():
    text = "Тренинг провели ювенологи проекта."
    assert [w for w, _, _ in loud(run(text, "ru"))] == ["ювенологи"]
    cfg = Config(accept=["ювенолог"])
    assert loud(run(text, "ru", config=cfg)) == []


def test_spelling_never_sets_a_fix():
    found = run("Просим ознакомиться с локументом.", "ru")
    assert found and all(f.fix is None for _, f in found)


# ----- agreement --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,word,suggestion", [
    ("ОО «Казахстанские международное бюро по правам человека» провело семинар.", "Казахстанские", "Казахстанское"),
    ("Для заключённых действуют специальный процедуры.", "специальный", "специальные"),
    ("Построена оросительная системы.", "оросительная", "оросительной"),
    ("В районе построена новая оросительная системы.", "системы", "система"),
])
def test_agreement_errors(text, word, suggestion):
    found = [(w, f) for w, f in run(text, "ru") if f.category == "grammar"]
    assert [w for w, _ in found] == [word]
    assert suggestion in found[0][1].suggestions


@pytest.mark.parametrize("text", [
    "Два новых проекта поддержаны Европейским союзом.",
    "Казахстанская и Кыргызская республики подписали соглашение.",
    "Суд признал незаконными решения комиссии.",
    "Её превосходительство посол открыла форум в новом кафе.",
    "Учёные страны обсудили реформу.",
    "Проект, реализуемый Общественным фондом, завершён.",
])
def test_agreement_silent_when_ambiguous_or_correct(text):
    assert [w for w, f in run(text, "ru") if f.category == "grammar"] == []
