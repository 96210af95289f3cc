"""Counts, groups and products read from how a release is built (issue 10), in phrasings written for
these tests (not taken from the blind evaluation sets). Each wrong text has a corrected twin that
must stay quiet; a wrong text must be flagged by the given rule on a span containing the given text."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint
from app.facts.numbers import find_numbers

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)
EU_EN = "The European Union funds the project. "
EU_RU = "Проект финансирует Европейский союз. "


def _loud(lang: str, text: str) -> list[tuple[str, str]]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning")]


# (lang, wrong text, right twin, rule, a text the flagged span contains)
CASES = [
    # a whole and its groups linked by a verb ("include", "comprise")
    ("en", EU_EN + "The 250 trained nurses include 120 women and 140 men.",
     EU_EN + "The 250 trained nurses include 120 women and 130 men.", "figures.groups", ""),
    ("en", EU_EN + "The 64 new judges comprise 30 women and 40 men.",
     EU_EN + "The 64 new judges comprise 30 women and 34 men.", "figures.groups", ""),
    # groups counted in brackets after their labels
    ("en", EU_EN + "The course was completed by 180 teachers from Osh (70), Naryn (60) and Talas (40).",
     EU_EN + "The course was completed by 170 teachers from Osh (70), Naryn (60) and Talas (40).", "figures.groups", ""),
    ("ru", EU_RU + "Обучение прошли 150 медсестер из Хатлонской (60), Согдийской (50) и Раштской (30) зон.",
     EU_RU + "Обучение прошли 140 медсестер из Хатлонской (60), Согдийской (50) и Раштской (30) зон.", "figures.groups", ""),
    # the groups' own count («четыре района») is not their whole: the count stated just before is
    ("ru", EU_RU + "Жюри выбрало 30 проектов. Они представляют четыре района: 10 – Сокулукский, 8 – Аламединский, 7 – Кеминский и 9 – Чуйский.",
     EU_RU + "Жюри выбрало 30 проектов. Они представляют четыре района: 10 – Сокулукский, 8 – Аламединский, 7 – Кеминский и 5 – Чуйский.",
     "figures.groups", ""),
    ("en", EU_EN + "The jury picked 30 projects. They come from three provinces: 12 from Osh, 10 from Naryn and 10 from Talas.",
     EU_EN + "The jury picked 30 projects. They come from three provinces: 12 from Osh, 10 from Naryn and 8 from Talas.",
     "figures.groups", ""),
    # products: «на каждый … по N», a sentence about each item, items counted in the headline, "for all N"
    ("ru", EU_RU + "Ремонт пройдут 30 школ. На каждую школу предусмотрено по 12 000 евро – итого 380 000 евро.",
     EU_RU + "Ремонт пройдут 30 школ. На каждую школу предусмотрено по 12 000 евро – итого 360 000 евро.",
     "figures.product", "380 000"),
    ("en", EU_EN + "Ten clinics joined the programme. Each clinic received beds, monitors and a generator worth EUR 40,000, bringing the package to EUR 450,000.",
     EU_EN + "Ten clinics joined the programme. Each clinic received beds, monitors and a generator worth EUR 40,000, bringing the package to EUR 400,000.",
     "figures.product", "450,000"),
    ("en", "EU awards 30 scholarships to young engineers\n\nBishkek, 3 March 2026 – The European Union funds the scheme.\n\n"
           "Each scholarship is worth EUR 3,000, so the students will share EUR 95,000 in total.",
     "EU awards 30 scholarships to young engineers\n\nBishkek, 3 March 2026 – The European Union funds the scheme.\n\n"
     "Each scholarship is worth EUR 3,000, so the students will share EUR 90,000 in total.", "figures.product", "95,000"),
    ("ru", EU_RU + "Каждая метеостанция оснащается датчиками, модемом и солнечной панелью и стоит 5 000 евро; оснащение всех 40 сел обойдется в 220 000 евро.",
     EU_RU + "Каждая метеостанция оснащается датчиками, модемом и солнечной панелью и стоит 5 000 евро; оснащение всех 40 сел обойдется в 200 000 евро.",
     "figures.product", ""),
    # a count product whose total stands before the items; people counted by an animate noun
    ("ru", EU_RU + "Курс окончили 100 спасателей: шесть групп по 15 человек в Бишкеке, Оше и Караколе.",
     EU_RU + "Курс окончили 90 спасателей: шесть групп по 15 человек в Бишкеке, Оше и Караколе.", "figures.product", ""),
    # the same fact in the lead and in the project's summary ("About the project", «О проекте»)
    ("en", "Taraz, 3 May 2026 – Twelve rural clinics in Zhambyl region received solar panels from the European Union.\n\n"
           "The panels keep vaccines cold during power cuts.\n\nAbout the project: the initiative equips 14 clinics in 2026.",
     "Taraz, 3 May 2026 – Twelve rural clinics in Zhambyl region received solar panels from the European Union.\n\n"
     "The panels keep vaccines cold during power cuts.\n\nAbout the project: the initiative equips 12 clinics in 2026.",
     "figures.same-fact", "14"),
    ("ru", "Тараз, 3 мая 2026 года – Двенадцать сельских больниц Жамбылской области получили солнечные панели от Европейского союза.\n\n"
           "Панели сохранят вакцины при отключениях света.\n\nО проекте: инициатива оснащает 14 больниц.",
     "Тараз, 3 мая 2026 года – Двенадцать сельских больниц Жамбылской области получили солнечные панели от Европейского союза.\n\n"
     "Панели сохранят вакцины при отключениях света.\n\nО проекте: инициатива оснащает 12 больниц.",
     "figures.same-fact", "14"),
    ("en", "Naryn, 3 May 2026 – Herders will restore 800 hectares of pasture with support from the European Union.\n\n"
           "Grazing plans are drawn up with each village.\n\nAbout the project\n\nThe initiative covers 950 hectares in two districts.",
     "Naryn, 3 May 2026 – Herders will restore 800 hectares of pasture with support from the European Union.\n\n"
     "Grazing plans are drawn up with each village.\n\nAbout the project\n\nThe initiative covers 800 hectares in two districts.",
     "figures.same-fact", "950"),
    ("en", "Osh, 3 May 2026 – The European Union launched a 24-month project on school meals.\n\nKitchens will be renovated.\n\n"
           "About the project: School Meals for Osh is a 30-month project funded by the European Union.",
     "Osh, 3 May 2026 – The European Union launched a 24-month project on school meals.\n\nKitchens will be renovated.\n\n"
     "About the project: School Meals for Osh is a 24-month project funded by the European Union.",
     "figures.same-fact", "month"),
    # a whole with its groups and a later mention pointing back at it
    ("en", EU_EN + "The programme trained 320 teachers, 200 of them women. \"These 350 teachers will change their schools,\" said the minister.",
     EU_EN + "The programme trained 320 teachers, 200 of them women. \"These 320 teachers will change their schools,\" said the minister.",
     "figures.same-fact", "350"),
    # a product's count restated in the headline, with the body's parts of it beside
    ("ru", "Шестьдесят школ получат системы видеонаблюдения\n\nБишкек, 3 мая 2026 года – Проект финансирует Европейский союз.\n\n"
           "В 2025 году системы получили 25 школ. Каждый комплект стоит 2 000 евро; оснащение всех 70 школ обойдется в 140 000 евро.",
     "Семьдесят школ получат системы видеонаблюдения\n\nБишкек, 3 мая 2026 года – Проект финансирует Европейский союз.\n\n"
     "В 2025 году системы получили 25 школ. Каждый комплект стоит 2 000 евро; оснащение всех 70 школ обойдется в 140 000 евро.",
     "figures.same-fact", "Шестьдесят"),
]

QUIET = [
    # a phase's duration is not the project's; a paragraph opening with "About 300" is no summary
    ("en", "Osh, 3 May 2026 – The European Union launched a 36-month project on school meals.\n\n"
           "The project's 6-month inception phase starts in June.\n\nAbout 300 parents attended the launch."),
    ("en", "Osh, 3 May 2026 – Twelve rural clinics received solar panels from the European Union.\n\n"
           "About 14 rural clinics: the second round will equip them next year."),
]


@pytest.mark.parametrize("lang,text", QUIET)
def test_quiet(lang, text):
    assert _loud(lang, text) == []


def test_suggestion_in_words_for_any_count():
    from app.checks.figures.common import number_words

    assert number_words(100, "ru") == "сто" and number_words(125, "ru") == "сто двадцать пять"
    assert number_words(120, "en") == "one hundred and twenty" and number_words(45, "en") == "forty-five"


@pytest.mark.parametrize("lang,wrong,right,rule,span", CASES, ids=[f"{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_wrong_is_flagged_and_twin_is_quiet(lang, wrong, right, rule, span):
    got = _loud(lang, wrong)
    assert any(r == rule and span in t for r, t in got), got
    assert _loud(lang, right) == []


def test_spaced_m_after_a_currency_is_million():
    n = find_numbers("Of the € 4 m budget", "en")
    assert n[0].value == 4_000_000
    assert find_numbers("a wall 4 m high", "en")[0].value == 4
