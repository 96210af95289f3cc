"""Issue 11, the structure and names round (lang-struct): the funding statement beside a
disclaimer that names another kind of material, the «ответственность за содержание несёт» wording,
the domain ending an address without one lost, street names, makes and models, compounds of a
combining form, pasture and irrigation words, districts of Tajikistan and Turkmenistan. Phrasings
of our own (not the evaluation cases), in TXT and in DOCX (header, footer, text box, table)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.readers import read_bytes
from app.engine.linter import lint, lint_text

EVAL = Path(__file__).resolve().parent / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

LOUD = ("error", "warning")


def loud(text, lang, select):
    r = lint_text(text, lang, select=list(select))
    return [(r.document.span_text(f.offset, f.end), list(f.suggestions[:3]), f.rule)
            for f in r.findings if f.severity in LOUD]


def loud_docx(spec, lang, select):
    from eval_build import docx_bytes

    doc = read_bytes(docx_bytes(spec), "t.docx", "docx", lang)
    return [(doc.span_text(f.offset, f.end), list(f.suggestions[:3]), f.rule)
            for f in lint(doc, select=list(select)).findings if f.severity in LOUD]


def rules(found):
    return [f[2] for f in found]


# ---- the funding statement is not the disclaimer's first sentence, whatever it names ------------

HEAD_RU = ("ПРЕСС-РЕЛИЗ\n\n4 февраля 2026 года\n\nВ Хороге открылась школа гидов\n\n"
           "ХОРОГ, 4 февраля 2026 года – Двадцать жителей Шугнана и Рошткалы прошли курс.\n\n")
HEAD_EN = ("PRESS RELEASE\n\n4 February 2026\n\nGuide school opens in Khorog\n\n"
           "KHOROG, 4 February 2026 – Twenty residents of Shugnan completed the course.\n\n")


@pytest.mark.parametrize("lang,disclaimer", [
    ("ru", "Настоящее издание выпущено при финансовой поддержке Европейского Союза. Ответственность за его "
           "содержание несёт исключительно ОО «Памир Тур», и оно не обязательно отражает точку зрения "
           "Европейского Союза."),
    ("ru", "Этот видеоролик создан при финансовой поддержке Европейского Союза. Его содержание является "
           "исключительной ответственностью ОО «Памир Тур» и не обязательно отражает точку зрения Европейского Союза."),
    ("ru", "Данный буклет разработан при финансовой поддержке Европейского Союза. Содержание является предметом "
           "ответственности ОО «Памир Тур» и может не отражать точку зрения Европейского Союза."),
    ("en", "This brochure was prepared with the financial support of the European Union. Its contents are the sole "
           "responsibility of Pamir Tour and do not necessarily reflect the views of the European Union."),
])
def test_the_disclaimers_first_sentence_is_not_the_funding_statement(lang, disclaimer):
    head = HEAD_RU if lang == "ru" else HEAD_EN
    found = loud(head + disclaimer, lang, ["structure.missing-funding-statement"])
    assert rules(found) == ["structure.missing-funding-statement"]
    statement = ("Этот проект финансируется Европейским Союзом." if lang == "ru"
                 else "This project is funded by the European Union.")
    assert loud(head + statement + "\n\n" + disclaimer, lang, ["structure.missing-funding-statement"]) == []


def test_a_support_sentence_with_an_amount_is_not_the_statement():
    text = HEAD_RU + ("Школа работает при поддержке Европейского Союза, который выделил на неё 90 000 евро.\n\n"
                      "Настоящий материал подготовлен при финансовой поддержке Европейского Союза. Ответственность "
                      "за его содержание несёт исключительно ОО «Памир Тур».")
    assert rules(loud(text, "ru", ["structure.missing-funding-statement"])) == ["structure.missing-funding-statement"]


def test_docx_disclaimer_in_the_footer_and_statement_in_a_text_box():
    body = [{"h": "В Хороге открылась школа гидов"},
            {"p": "ХОРОГ, 4 февраля 2026 года – Двадцать жителей Шугнана и Рошткалы прошли курс."}]
    footer = ("Настоящее издание выпущено при финансовой поддержке Европейского Союза. Ответственность за его "
              "содержание несёт исключительно ОО «Памир Тур».")
    spec = {"header": "ПРЕСС-РЕЛИЗ | 4 февраля 2026 года", "footer": footer, "body": body}
    assert rules(loud_docx(spec, "ru", ["structure.missing-funding-statement"])) == \
        ["structure.missing-funding-statement"]
    spec["body"] = body + [{"textbox": "Этот проект финансируется Европейским Союзом."}]
    assert loud_docx(spec, "ru", ["structure.missing-funding-statement"]) == []


# ---- disclaimer wording: «Ответственность за его содержание несёт исключительно …» -----------------

@pytest.mark.parametrize("lang,text", [
    ("ru", "Эта брошюра подготовлена при финансовой поддержке Европейского Союза. Ответственность за её содержание "
           "несёт исключительно ОФ «Жашыл Кыргызстан»; она не обязательно отражает точку зрения Европейского Союза."),
    ("ru", "Данный материал подготовлен при финансовой поддержке Европейского Союза. Ответственность за его "
           "содержание несет только ОО «Рушд», и он может не отражать позицию Европейского Союза."),
    ("en", "This video was produced with the financial support of the European Union. The sole responsibility for "
           "its content lies with Rushd and it does not necessarily reflect the views of the European Union."),
])
def test_the_responsibility_wording_of_the_2018_text_is_official(lang, text):
    assert loud(text, lang, ["visibility.disclaimer-wording"]) == []


def test_a_disclaimer_without_the_views_clause_still_gets_the_official_text():
    text = ("Данный материал подготовлен при финансовой поддержке Европейского Союза. Ответственность за его "
            "содержание несёт исключительно ОО «Рушд».")
    assert rules(loud(text, "ru", ["visibility.disclaimer-wording"])) == ["visibility.disclaimer-wording"]


# ---- an address without a domain ending: the ending the release uses ---------------------------

@pytest.mark.parametrize("lang,text,span,sugg", [
    ("ru", "Контакты: Зарина Холова, press@nurafshon (сайт www.nurafshon.tj).", "press@nurafshon",
     "press@nurafshon.tj"),
    ("ru", "Пресс-служба: тел. +998 71 234 56 78, эл. почта info@suvchi", "info@suvchi", "info@suvchi.uz"),
    ("en", "Media: Aigul Sadykova, +996 555 12 34 56, aigul@jashyl", "aigul@jashyl", "aigul@jashyl.kg"),
    ("en", "Press office: office@ecocentre.kz; media: media@ecocentre", "media@ecocentre", "media@ecocentre.kz"),
])
def test_an_address_without_an_ending_gets_the_releases_ending(lang, text, span, sugg):
    assert loud(text, lang, ["contact.email"]) == [(span, [sugg], "contact.email")]


def test_an_address_without_an_ending_and_no_clue_has_no_guess():
    assert loud("Пишите на info@hrb.", "ru", ["contact.email"]) == [("info@hrb", [], "contact.email")]


def test_docx_address_without_an_ending_in_the_footer():
    spec = {"footer": "Контакты: Нигора Азимова, +992 93 555 44 33, nigora@rushd",
            "body": [{"p": "Проект «Рушд» продолжится в 2027 году."}]}
    assert loud_docx(spec, "ru", ["contact.email"]) == [("nigora@rushd", ["nigora@rushd.tj"], "contact.email")]


# ---- names of streets, makes and models; compounds; land and water words; districts ------------

def test_street_names_in_address_cells_are_names():
    spec = {"body": [{"p": "Приёмные проекта открыты в трёх городах."},
                     {"table": [["Город", "Адрес"], ["Вахдат", "пр-т Фирдавси, 12"], ["Нурек", "ул. Маорифат, 3"],
                                ["Бохтар", "ул. Айни, 40"], ["Ташкент", "проспект Мустакиллик, 5"]]}]}
    assert loud_docx(spec, "ru", ["spelling"]) == []
    assert loud("Office: 14 Somoni Avenue, Dushanbe. Branch: 3 Maorifat Street, Nurek.", "en", ["spelling"]) == []


def test_a_typo_in_an_address_cell_without_a_street_word_is_still_a_typo():
    spec = {"body": [{"p": "Приёмные проекта открыты в трёх городах."},
                     {"table": [["Город", "Адрес"], ["Нурек", "Центральня площадь"]]}]}
    assert [(f[0], f[1][:1]) for f in loud_docx(spec, "ru", ["spelling"])] == [("Центральня", ["Центральная"])]


def test_makes_and_models_in_table_cells_are_names():
    spec = {"body": [{"p": "The clinics received new equipment."},
                     {"table": [["Item", "Model"], ["Ultrasound scanner", "Mindray DC40"],
                                ["Ventilator", "Hamilton T1 neo"], ["Oxygen concentrator", "Drager Evita V300"]]}]}
    assert loud_docx(spec, "en", ["spelling"]) == []


def test_a_typo_in_a_cell_without_a_model_code_is_still_a_typo():
    spec = {"body": [{"p": "The clinics received new equipment."},
                     {"table": [["Item", "Model"], ["Ventilator", "Managment unit"]]}]}
    assert "Managment" in [f[0] for f in loud_docx(spec, "en", ["spelling"])]


@pytest.mark.parametrize("lang,text", [
    ("ru", "На канале установлен новый гидропост, рядом работает метеопост."),
    ("ru", "В районе открылся агрохаб для фермеров."),
    ("en", "The hydropost sends data every hour; a telehealth point opened in the village."),
])
def test_a_combining_form_and_a_word_is_a_word(lang, text):
    assert loud(text, lang, ["spelling"]) == []


def test_a_typo_after_a_combining_form_is_still_unknown():
    r = lint_text("На канале установлен новый гидропсот, а в городе — электростанцыя.", "ru", select=["spelling"])
    assert [r.document.span_text(f.offset, f.end) for f in r.findings] == ["гидропсот", "электростанцыя"]


def test_pasture_and_irrigation_words_are_known():
    text = ("Чабаны перегоняют скот на дальние летовки, а весновки и осеновки восстанавливаются. На кыштоо "
            "построены кошары, у водовыпусков работают гидроучастки, в кишлаке отремонтирован хауз.")
    assert loud(text, "ru", ["spelling"]) == []
    assert loud("Herders move to the jayloo in June and to the kyshtoo in October.", "en", ["spelling"]) == []


def test_districts_of_tajikistan_and_turkmenistan_in_headings_and_headers():
    spec = {"header": "Рудаки – Варзоб – Шахринав",
            "body": [{"h": "Фермеры Вахдата и Бохтара получили семена"},
                     {"p": "В Туркменабате и Геоктепе прошли семинары."},
                     {"table": [["Район", "Хозяйств"], ["Джайхун", "40"], ["Темурмалик", "12"]]}]}
    assert loud_docx(spec, "ru", ["spelling"]) == []
