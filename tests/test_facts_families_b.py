"""Families of figures phrasings (same fact, parts vs whole, shares vs amounts), written for these tests
and not taken from the blind evaluation sets: each wrong text names the figure a user must see flagged
(and the suggestion, where one value decides it); each quiet look-alike must stay silent."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


def _loud(lang: str, text: str):
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions)) for f in lint(doc, _CONFIG, context=_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning")]


def _check(lang, text, flagged, suggestion):
    got = _loud(lang, text)
    if flagged is None:
        assert got == [], got
        return
    hits = [g for g in got if flagged in g[1] or g[1] in flagged]
    assert hits, got
    if suggestion is not None:
        assert any(suggestion in g[2] for g in hits), got


# --- parts vs whole: the total stated after every part is the figure written from them ------------------
TOTAL_AFTER_PARTS = [
    ("en", "Nukus, 3 March 2026 – The European Union grants EUR 2.6 million and UNDP EUR 500,000. Altogether the water "
           "project in Karakalpakstan is worth EUR 2.9 million.", "EUR 2.9 million", "EUR 3.1 million"),
    ("en", "Bishkek, 12 May 2025 – The EU will provide €750,000, the Aga Khan Foundation €150,000 and the Government "
           "another €100,000; in total the school meals initiative costs €1.1 million.", "€1.1 million", None),
    ("en", "Khujand, 20 June 2026 – With EUR 1.2 million from the European Union and EUR 300,000 from GIZ, the vocational "
           "training project has a total budget of EUR 1.4 million.", "EUR 1.4 million", "EUR 1.5 million"),
    ("ru", "Туркменабат, 14 апреля 2026 г. – ЕС выделяет 1,6 млн евро, ЮНИСЕФ – 200 тыс. евро; общая стоимость "
           "проекта по охране здоровья матерей – 1,7 млн евро.", "1,7 млн евро", "1,8 млн евро"),
    ("ru", "Астана, 9 февраля 2026 г. – Европейский союз вносит 900 000 евро, акимат города – 150 000 евро. "
           "Всего на модернизацию приютов для пострадавших от насилия направят 1 100 000 евро.", "1 100 000 евро", "1 050 000 евро"),
    ("ru", "Ош, 2 октября 2025 г. – Вклад ЕС – 2 млн евро, вклад ФАО – 500 тыс. евро, так что общий бюджет "
           "программы по пастбищам составляет 2,4 млн евро.", "2,4 млн евро", "2,5 млн евро"),
]
TOTAL_AFTER_PARTS_QUIET = [
    ("en", "Nukus, 3 March 2026 – The European Union grants EUR 2.6 million and UNDP EUR 400,000. Altogether the water "
           "project in Karakalpakstan is worth EUR 3 million."),
    ("en", "Bishkek, 12 May 2025 – The EU will provide €750,000, the Aga Khan Foundation €150,000 and the Government "
           "another €100,000; in total the school meals initiative costs €1 million."),
    ("ru", "Туркменабат, 14 апреля 2026 г. – ЕС выделяет 1,6 млн евро, ЮНИСЕФ – 200 тыс. евро; общая стоимость "
           "проекта по охране здоровья матерей – 1,8 млн евро."),
    # a rounded total after exact parts
    ("en", "Khujand, 20 June 2026 – With EUR 1,230,000 from the European Union and EUR 270,000 from GIZ, the vocational "
           "training project has a total budget of EUR 1.5 million."),
    # a hedged total: «более» is true of 2,5 млн + 0,3 млн
    ("ru", "Ош, 2 октября 2025 г. – Вклад ЕС – 2,5 млн евро, вклад ФАО – 300 тыс. евро, так что общий бюджет "
           "программы по пастбищам составляет более 2,7 млн евро."),
    # two projects, two budgets
    ("en", "Dushanbe, 4 May 2026 – The EU finances two projects. The first, on clean energy, receives EUR 1 million; "
           "the second, on schools, EUR 800,000. The schools project costs EUR 900,000 in total, GIZ covering the rest."),
]


# --- parts that overflow the whole: the value that makes the listed parts fill it is suggested ---------
OVERFLOW = [
    ("ru", "Хорог, 5 марта 2026 г. – Бюджет проекта – 1 200 000 евро. Средства пойдут на ремонт 14 школ (700 000 евро), "
           "обучение учителей (350 000 евро) и закупку ноутбуков (250 000 евро).", "1 200 000 евро", "1 300 000 евро"),
    ("en", "Karakol, 8 July 2025 – The project has a budget of EUR 900,000: the money will go to new greenhouses (EUR 500,000), "
           "training for farmers (EUR 300,000) and a market study (EUR 150,000).", "EUR 900,000", "EUR 950,000"),
]
OVERFLOW_QUIET = [
    ("ru", "Хорог, 5 марта 2026 г. – Бюджет проекта – 1 200 000 евро. Средства пойдут на ремонт 14 школ (600 000 евро), "
           "обучение учителей (350 000 евро) и закупку ноутбуков (250 000 евро)."),
    ("en", "Karakol, 8 July 2025 – The project has a budget of EUR 900,000: the money will go to new greenhouses (EUR 450,000), "
           "training for farmers (EUR 300,000) and a market study (EUR 150,000)."),
]


# --- the same people counted twice with different values -----------------------------------------------
SAME_PEOPLE = [
    ("en", "Mary, 11 November 2025 – The EU-funded project will train 45 instructors of vocational schools in Mary velayat.\n"
           "Key facts: duration 18 months; budget EUR 600,000; 54 instructors; 6 schools.", "54 instructors", None),
    ("ru", "Бишкек, 3 июня 2026 г. – При поддержке Европейского союза 60 инструкторов по вождению пройдут курс безопасности.\n"
           "Справка: проект рассчитан на 12 месяцев, его бюджет – 300 000 евро; обучение пройдут 80 инструкторов.", "80 инструкторов", None),
    ("en", "Almaty, 2 February 2026 – The European Union will help 120 health workers from rural clinics improve antenatal care.\n"
           "About the project: the initiative trains 150 health workers in Almaty region over two years.", "150 health workers", None),
]
SAME_PEOPLE_QUIET = [
    ("en", "Mary, 11 November 2025 – The EU-funded project will train 45 instructors of vocational schools in Mary velayat.\n"
           "Key facts: duration 18 months; budget EUR 600,000; 45 instructors; 6 schools."),
    ("ru", "Бишкек, 3 июня 2026 г. – При поддержке Европейского союза 60 инструкторов по вождению пройдут курс безопасности.\n"
           "Справка: проект рассчитан на 12 месяцев, его бюджет – 300 000 евро; обучение пройдут 60 инструкторов."),
    # a hedge: "more than 100" is true of 120
    ("en", "Almaty, 2 February 2026 – The European Union will help 120 health workers from rural clinics improve antenatal care.\n"
           "About the project: the initiative trains more than 100 health workers in Almaty region over two years."),
]


@pytest.mark.parametrize("lang,text,flagged,suggestion", TOTAL_AFTER_PARTS + OVERFLOW + SAME_PEOPLE)
def test_wrong_figure_flagged(lang, text, flagged, suggestion):
    _check(lang, text, flagged, suggestion)


@pytest.mark.parametrize("lang,text", TOTAL_AFTER_PARTS_QUIET + OVERFLOW_QUIET + SAME_PEOPLE_QUIET)
def test_look_alikes_quiet(lang, text):
    _check(lang, text, None, None)


# --- shares: a hedged share is rounded, not free; a clause pointing back; link verbs between amount and share --
SHARES = [
    ("en", "Termez, 6 May 2026 – The project costs EUR 2.5 million. The European Union provides EUR 2 million, "
           "roughly 90 per cent of the cost.", "90 per cent", "80 per cent"),
    ("ru", "Кулоб, 14 мая 2026 г. – Стоимость проекта – 4 млн евро. Европейский союз выделяет 3 млн евро, "
           "то есть около 85 % общей суммы.", "85 %", "75 %"),
    ("ru", "Нарын, 1 апреля 2026 г. – ЕС предоставляет 1 800 000 евро из общего бюджета проекта в 2 000 000 евро; "
           "это 80 % всех средств.", "80 %", "90 %"),
    ("en", "Dashoguz, 9 March 2026 – The EU grant of EUR 1.2 million comes out of a total budget of EUR 1.5 million; "
           "that is 75 per cent of the total.", "75 per cent", "80 per cent"),
    ("en", "Aktobe, 4 June 2025 – The total cost of the clinic programme is EUR 800,000.\n"
           "The EU's contribution, EUR 600,000, represents 70% of that amount.", "70%", "75%"),
    ("en", "Jizzakh, 17 September 2025 – The overall budget of the EU-funded project is EUR 3 million. UNICEF's part, EUR 600,000, "
           "accounts for 25% of this sum.", "25%", "20%"),
]
SHARES_QUIET = [
    ("en", "Termez, 6 May 2026 – The project costs EUR 2.5 million. The European Union provides EUR 2.2 million, "
           "roughly 90 per cent of the cost."),
    ("ru", "Кулоб, 14 мая 2026 г. – Стоимость проекта – 4 млн евро. Европейский союз выделяет 3 млн евро, "
           "то есть около 75 % общей суммы."),
    ("ru", "Нарын, 1 апреля 2026 г. – ЕС предоставляет 1 800 000 евро из общего бюджета проекта в 2 000 000 евро; "
           "это 90 % всех средств."),
    ("en", "Aktobe, 4 June 2025 – The total cost of the clinic programme is EUR 800,000.\n"
           "The EU's contribution, EUR 600,000, represents 75% of that amount."),
    # a rounded share: 1,999,800 of 2,105,000 is 95.0 %
    ("en", "Jizzakh, 17 September 2025 – The overall budget of the EU-funded project is EUR 2,105,000. The EU's part, EUR 1,999,800, "
           "accounts for 95% of this sum."),
    # "more than" is true of 80 %
    ("en", "Dashoguz, 9 March 2026 – The EU grant of EUR 1.2 million comes out of a total budget of EUR 1.5 million; "
           "that is more than 75 per cent of the total."),
    # a share of something else in the clause after
    ("en", "Dashoguz, 9 March 2026 – The EU grant of EUR 1.2 million comes out of a total budget of EUR 1.5 million, "
           "and women will make up 60 per cent of the trainees."),
]


@pytest.mark.parametrize("lang,text,flagged,suggestion", SHARES)
def test_share_flagged(lang, text, flagged, suggestion):
    _check(lang, text, flagged, suggestion)


@pytest.mark.parametrize("lang,text", SHARES_QUIET)
def test_share_look_alikes_quiet(lang, text):
    _check(lang, text, None, None)


# --- the same fact restated: a headline's count in a quote or fact box, a fact box's duration line ------
RESTATED = [
    ("ru", "ЕС поддержит 30 школ Согдийской области\nХуджанд, 12 марта 2026 г. – Европейский союз и ЮНИСЕФ начинают проект "
           "по энергосбережению в сельских школах.\n«Мы утеплим 35 школ уже к зиме», – сказал координатор проекта.", "35 школ", None),
    ("en", "EU to equip 12 mobile clinics in Lebap\nTurkmenabat, 4 April 2026 – The European Union and WHO launched a project "
           "to bring primary care to remote villages.\n\"These 14 mobile clinics will reach families who live far from any hospital,\" "
           "said the WHO representative.", "14 mobile clinics", None),
    ("en", "Osh, 10 October 2025 – The European Union and FAO start a three-year programme for pasture users in Osh region.\n"
           "The programme at a glance\nBudget: EUR 2 million\n2 years of work\n40 pasture committees", "2 years", None),
]
RESTATED_QUIET = [
    ("ru", "ЕС поддержит 30 школ Согдийской области\nХуджанд, 12 марта 2026 г. – Европейский союз и ЮНИСЕФ начинают проект "
           "по энергосбережению в сельских школах.\n«Мы утеплим 30 школ уже к зиме», – сказал координатор проекта."),
    ("en", "Osh, 10 October 2025 – The European Union and FAO start a three-year programme for pasture users in Osh region.\n"
           "The programme at a glance\nBudget: EUR 2 million\n3 years of work\n40 pasture committees"),
]


@pytest.mark.parametrize("lang,text,flagged,suggestion", RESTATED)
def test_restated_flagged(lang, text, flagged, suggestion):
    _check(lang, text, flagged, suggestion)


@pytest.mark.parametrize("lang,text", RESTATED_QUIET)
def test_restated_look_alikes_quiet(lang, text):
    _check(lang, text, None, None)
