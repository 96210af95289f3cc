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


# ---- the EU named informally: capitals, a hyphen or a space, lower case, its institution as funder

@pytest.mark.parametrize("lang,text,span,sugg", [
    ("ru", "ПРОЕКТ ПОДДЕРЖАН ЕВРОСОЮЗОМ", "ЕВРОСОЮЗОМ", "Европейским Союзом"),
    ("ru", "Семинар прошёл при поддержке Евро-союза.", "Евро-союза", "Европейского Союза"),
    ("ru", "Посол европейского союза посетил школу.", "европейского союза", "Европейского Союза"),
    ("ru", "Оборудование закуплено на средства Европейской комиссии.", "Европейской комиссии", "Европейского Союза"),
    ("ru", "Проект финансируется Европейской Комиссией.", "Европейской Комиссией", "Европейским Союзом"),
    ("en", "The clinic was equipped by the Euro Union.", "Euro Union", "European Union"),
    ("en", "The study, funded by the E.U, covers Naryn.", "E.U", "European Union"),
    ("en", "This project is funded by the European Commission.", "European Commission", "European Union"),
    ("en", "Pumps were bought with support from the European Community.", "European Community", "European Union"),
    ("en", "The ambassador of the European union opened the school.", "European union", "European Union"),
])
def test_more_informal_names_of_the_eu(lang, text, span, sugg):
    found = loud(text, lang, ["visibility.eu-informal-name"])
    assert [(f[0], f[1][:1]) for f in found] == [(span, [sugg])]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Европейская комиссия опубликовала доклад; представитель Европейской комиссии выступил."),
    ("en", "A representative of the European Commission spoke; the European Union funds the project."),
    ("en", "The E.U.-funded project and the EU Delegation."),
])
def test_the_commission_in_other_roles_stays_quiet(lang, text):
    assert [f for f in loud(text, lang, ["visibility.eu-informal-name"]) if "Commission" in f[0] or "омисс" in f[0]] == []


def test_docx_informal_eu_name_in_a_footer_and_a_text_box():
    spec = {"footer": "Проект поддержан ЕВРОСОЮЗОМ", "body": [{"p": "Форум прошёл в Оше."},
                                                         {"textbox": "При поддержке Европейской комиссии"}]}
    found = [(f[0], f[1][:1]) for f in loud_docx(spec, "ru", ["visibility.eu-informal-name"])]
    assert sorted(found) == [("ЕВРОСОЮЗОМ", ["Европейским Союзом"]), ("Европейской комиссии", ["Европейского Союза"])]


# ---- more broken addresses: a sentence's full stop after a comma slip, Cyrillic twins, a lost '@',
# a mistyped ending or mail provider -----------------------------------------------------------------

@pytest.mark.parametrize("lang,text,span,sugg", [
    ("ru", "Пишите на адрес press@ishonch,uz.", "press@ishonch,uz", "press@ishonch.uz"),
    ("ru", "E-mail: аdilet@lprc.kz", "аdilet@lprc.kz", "adilet@lprc.kz"),  # a Cyrillic «а»
    ("en", "Contact: nurlan@jashyl.kg (Nurlan), mеdia@jashyl.kg (media)", "mеdia@jashyl.kg", "media@jashyl.kg"),
    ("ru", "Эл. почта: press#rushd.tj", "press#rushd.tj", "press@rushd.tj"),
    ("ru", "E-mail: info.suvchi.uz; сайт www.suvchi.uz", "info.suvchi.uz", "info@suvchi.uz"),
    ("en", "Email: mediarushd.tj (website: www.rushd.tj)", "mediarushd.tj", "media@rushd.tj"),
    ("ru", "E-mail: aigul.sadykova@gmial.com", "aigul.sadykova@gmial.com", "aigul.sadykova@gmail.com"),
    ("en", "Write to office@ecocentre.ogr for the report.", "office@ecocentre.ogr", "office@ecocentre.org"),
    ("ru", "E-mail: press@adilet.kzz", "press@adilet.kzz", "press@adilet.kz"),
    ("ru", "Тел.: +992 37 221 00 00, e-mail: info@rushd.t", "info@rushd.t", "info@rushd.tj"),
])
def test_more_broken_addresses(lang, text, span, sugg):
    found = [f for f in loud(text, lang, ["contact.email"])]
    assert [(f[0], f[1][:1]) for f in found] == [(span, [sugg])]


@pytest.mark.parametrize("lang,text", [
    ("ru", "E-mail: press@yandex.kz, info@mail.ru, a.b@gov.kg, office@fund.co, team@project.agency"),
    ("ru", "Электронная почта: fund.kz не работает, пишите на press@fund.kz."),
    ("en", "Email: media@osce.org; web: www.osce.org. Press office: info@undp.org."),
])
def test_good_addresses_stay_quiet(lang, text):
    assert loud(text, lang, ["contact.email"]) == []


def test_docx_cyrillic_letter_in_an_address_in_a_text_box():
    spec = {"body": [{"p": "Форум прошёл в Оше."}, {"textbox": "Контакты: Айгуль, е-mail: aigul@jashyl.kg, "
                                                               "почта: mеdia@jashyl.kg"}]}
    assert [(f[0], f[1][:1]) for f in loud_docx(spec, "ru", ["contact.email"])] == \
        [("mеdia@jashyl.kg", ["media@jashyl.kg"])]


# ---- Cyrillic twins in a web address ---------------------------------------------------------------

@pytest.mark.parametrize("lang,text,span,sugg", [
    ("en", "More at www.undр.org/kyrgyzstan.", "www.undр.org", "www.undp.org"),
    ("ru", "Подробнее: https://еeas.europa.eu/delegations", "https://еeas.europa.eu", "https://eeas.europa.eu"),
])
def test_cyrillic_letters_in_a_web_address(lang, text, span, sugg):
    assert [(f[0], f[1][:1]) for f in loud(text, lang, ["contact.url"])] == [(span, [sugg])]


def test_a_cyrillic_domain_is_a_domain():
    assert loud("Сайт: www.фонд.рф, www.президент.kz и www.fund.kz", "ru", ["contact.url"]) == []


# ---- labels and date lines written another way count ---------------------------------------------

@pytest.mark.parametrize("lang,label", [
    ("ru", "ПРЕСС–РЕЛИЗ"), ("ru", "Сообщение для прессы"), ("ru", "ИНФОРМАЦИЯ ДЛЯ СМИ"), ("ru", "Пресс-сообщение"),
    ("en", "PRESS-RELEASE"), ("en", "Press note"), ("en", "MEDIA STATEMENT"),
])
def test_other_labels_count(lang, label):
    head = "{label}\n\n3 марта 2026 года\n\nФорум в Оше\n\nОШ, 3 марта 2026 года – Состоялся форум." if lang == "ru" \
        else "{label}\n\n3 March 2026\n\nForum in Osh\n\nOSH, 3 March 2026 – A forum took place."
    assert loud(head.format(label=label), lang, ["structure.missing-label"]) == []


@pytest.mark.parametrize("lang,line", [
    ("ru", "3 марта 2026 г., Ош"), ("ru", "Ош | 3 марта 2026 года"), ("ru", "г. Ош, 3 марта 2026 года"),
    ("ru", "3 марта 2026 года, вторник"), ("en", "3 March 2026, Osh"), ("en", "For release: 3 March 2026"),
    ("en", "Release date: 03/03/2026"), ("en", "3 March 2026 | Osh"),
])
def test_other_date_lines_count(lang, line):
    head = "ПРЕСС-РЕЛИЗ\n\n{d}\n\nФорум в Оше\n\nОШ, 3 марта 2026 года – Состоялся форум." if lang == "ru" \
        else "PRESS RELEASE\n\n{d}\n\nForum in Osh\n\nOSH, 3 March 2026 – A forum took place."
    assert loud(head.format(d=line), lang, ["structure.missing-date-line"]) == []


def test_a_sentence_with_a_date_is_not_a_date_line():
    text = "ПРЕСС-РЕЛИЗ\n\nФорум прошёл 3 марта 2026 года\n\nФорум в Оше\n\nОШ, 3 марта 2026 года – Состоялся форум."
    assert rules(loud(text, "ru", ["structure.missing-date-line"])) == ["structure.missing-date-line"]


def test_docx_label_and_date_line_in_the_header_written_another_way():
    body = [{"h": "Форум в Оше"}, {"p": "ОШ, 3 марта 2026 года – Состоялся форум."}]
    spec = {"header": "Сообщение для прессы\nОш | 3 марта 2026 года", "body": body}
    assert [f for f in loud_docx(spec, "ru", ["structure"]) if f[2] in
            ("structure.missing-label", "structure.missing-date-line")] == []
    spec["header"] = "Проект «Чистая вода»"
    assert sorted(f[2] for f in loud_docx(spec, "ru", ["structure"]) if f[2] in
                  ("structure.missing-label", "structure.missing-date-line")) == \
        ["structure.missing-date-line", "structure.missing-label"]


# ---- a participle naming an EU-funded project is not the funding statement ------------------------

@pytest.mark.parametrize("lang,sentence", [
    ("ru", "В Оше стартовал финансируемый ЕС проект «Чистая вода»."),
    ("ru", "Семинар прошёл в рамках финансируемой Европейским Союзом программы."),
    ("en", "The clinic opened under a project funded by the European Union."),
    ("en", "Two programmes financed by the European Union trained 40 nurses."),
])
def test_a_participle_is_a_mention_not_the_statement(lang, sentence):
    head = HEAD_RU if lang == "ru" else HEAD_EN
    assert rules(loud(head + sentence, lang, ["structure.missing-funding-statement"])) == \
        ["structure.missing-funding-statement"]


@pytest.mark.parametrize("lang,sentence", [
    ("ru", "Проект профинансирован Европейским Союзом."),
    ("ru", "Финансируется Европейским Союзом"),
    ("en", "This project is jointly funded by the European Union and UNDP."),
    ("en", "The project was financed by the European Union."),
    ("en", "Co-funded by the European Union"),
])
def test_the_statement_as_a_clause_counts(lang, sentence):
    head = HEAD_RU if lang == "ru" else HEAD_EN
    assert loud(head + sentence, lang, ["structure.missing-funding-statement"]) == []


def test_docx_statement_in_the_footer_counts_and_a_participle_in_a_table_does_not():
    body = [{"h": "В Хороге открылась школа гидов"},
            {"p": "ХОРОГ, 4 февраля 2026 года – Двадцать жителей Шугнана и Рошткалы прошли курс."},
            {"table": [["Проект", "Бюджет"], ["Финансируемый ЕС проект «Памир»", "90 000 евро"]]}]
    spec = {"header": "ПРЕСС-РЕЛИЗ | 4 февраля 2026 года", "body": body}
    assert rules(loud_docx(spec, "ru", ["structure.missing-funding-statement"])) == \
        ["structure.missing-funding-statement"]
    spec["footer"] = "Этот проект финансируется Европейским Союзом."
    assert loud_docx(spec, "ru", ["structure.missing-funding-statement"]) == []
