"""Organisation names and the EU's name, sixth round (issue 11; families from the fifth blind set's
tune cases and probes of our own): two different abbreviations of a legal form before one quoted
name (ННО / ОО, PA / PF), an adjective of the name in another number («гражданской инициативы» /
«гражданских инициатив»), an English name with an enumeration inside ("… of Deserts, Flora and
Fauna") as the suggestion, and the EU's old name "European Community" in any role of the present.
Each family has a caught case and a quiet one of the same shape."""
from __future__ import annotations

import pytest

from app.engine.linter import lint_text

from checkutil import org_findings


CAUGHT = [
    # another abbreviation of a legal form before the same quoted name
    ("ru", "Курс подготовлен ННО «Ассоциация медицинских сестёр Узбекистана» совместно с ЮНИСЕФ.",
     "ОО «Ассоциация медицинских сестёр Узбекистана»", "ОО «Ассоциация медицинских сестёр Узбекистана»",
     "ННО «Ассоциация медицинских сестёр Узбекистана»"),
    ("ru", "Тренинг провело ОО «Мээрим». Координатор ОО «Мээрим» рассказала о планах, а юрист ОЮЛ «Мээрим» — о "
     "законе.", "ОО «Мээрим»", "ОЮЛ «Мээрим»", "ОО «Мээрим»"),
    ("en", 'The course was run by NGO "Nurses of Uzbekistan" with UNICEF.', 'PA "Nurses of Uzbekistan"',
     'PA "Nurses of Uzbekistan"', 'NGO "Nurses of Uzbekistan"'),
    # a word of the name in another number (an adjective shows it)
    ("ru", "Оборудование закупил Фонд поддержки гражданских инициатив. Специалисты Фонда обучили работников.",
     "Фонда поддержки гражданской инициативы", "Фонда поддержки гражданской инициативы",
     "Фонда поддержки гражданских инициатив"),
    ("ru", "Семинар провела Ассоциация молодых фермеров Согда. Члены Ассоциации посетили 12 хозяйств.",
     "Ассоциации молодого фермера Согда", "Ассоциации молодого фермера Согда", "Ассоциации молодых фермеров Согда"),
    # a dependent word's number, read as the genitive it must be after the head
    ("ru", "Работы выполнил Союз ассоциаций водопользователей Чуйской области.",
     "Союза ассоциации водопользователей Чуйской области", "Союза ассоциации водопользователей Чуйской области",
     "Союза ассоциаций водопользователей Чуйской области"),
    # an acronym the body defines for the same name in another case
    ("ru", "Курс подготовило Казахстанское международное бюро по правам человека (КМБПЧ).",
     "Казахстанского международного бюро по правам человека (КМБ)",
     "Казахстанского международного бюро по правам человека (КМБ)",
     "Казахстанского международного бюро по правам человека (КМБПЧ)"),
    # a league, an alliance: heads of names too (the body's name is the suggestion)
    ("ru", "Курс подготовила Лига женщин-юристов Таджикистана.", "Лиги женщин юристов Таджикистана",
     "Лиги женщин юристов Таджикистана", "Лиги женщин-юристов Таджикистана"),
    # the body's name with an enumeration inside is the suggestion
    ("en", "The planting was designed by the National Institute of Deserts, Flora and Fauna, which selected the seedlings.",
     "the National Institute for Deserts, Flora and Fauna", "National Institute for Deserts, Flora and Fauna",
     "National Institute of Deserts, Flora and Fauna"),
]


@pytest.mark.parametrize("lang,body,org,span,sugg", CAUGHT)
def test_caught(lang, body, org, span, sugg):
    found = org_findings(body, org, lang)
    assert (span, [sugg]) in found, found


QUIET = [
    # the same abbreviation, or a written-out form of the same kind, or a bare word for the body
    ("ru", "Курс подготовлен ННО «Ассоциация медицинских сестёр Узбекистана». Сотрудники ассоциации «Ассоциация "
     "медицинских сестёр Узбекистана» провели занятия.", "ННО «Ассоциация медицинских сестёр Узбекистана»"),
    ("ru", "Тренинг провело общественное объединение «Мээрим». Координатор ОО «Мээрим» рассказала о планах.",
     "ОО «Мээрим»"),
    ("ru", "Тренинг провело ОО «Мээрим». Сотрудники организации «Мээрим» рассказали о планах.", "ОО «Мээрим»"),
    # two bodies, each with its own quoted name and form
    ("ru", "Тренинг провели ОО «Мээрим» и ОФ «Ак Жол».", "ОО «Мээрим»"),
    # the same number, the adjective in another case
    ("ru", "Оборудование закупил Фонд поддержки гражданских инициатив. Специалисты Фонда поддержки гражданских "
     "инициатив обучили работников.", "Фонда поддержки гражданских инициатив"),
    ("en", "The planting was designed by the National Institute of Deserts, Flora and Fauna.",
     "the National Institute of Deserts, Flora and Fauna"),
    # an apostrophe says nothing of the name
    ("en", "The works were done by the Water Users Association of Sokuluk.", "the Water Users' Association of Sokuluk"),
    ("en", "The Fergana Valley Farmers' Organisation trained 40 farmers.", "the Fergana Valley Farmers Organisation"),
    # the acronym the body defines, and an undeclined first word of a quoted name
    ("ru", "Курс подготовило Казахстанское международное бюро по правам человека (КМБПЧ).", "КМБПЧ"),
    ("ru", "Форум провёл Общественный фонд «Медиа Инициативы Центральной Азии».",
     "Общественного фонда «Медиа Инициативы Центральной Азии»"),
    # an enumeration of places is no name
    ("en", "The Osh, Jalal-Abad and Batken regions joined. The Regional Media Network trained 40 reporters.",
     "the Regional Media Network"),
]


@pytest.mark.parametrize("lang,body,org", QUIET)
def test_quiet(lang, body, org):
    assert org_findings(body, org, lang) == []


# ---- the EU's old name ---------------------------------------------------------------------------

def eu(text, lang):
    r = lint_text(text, lang, select=["visibility.eu-informal-name"])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1]) for f in r.findings]


@pytest.mark.parametrize("lang,text,span,sugg", [
    ("en", "The work is part of a regional programme that the European Community supports together with UNDP.",
     "European Community", "European Union"),
    ("en", "The European Community funds the programme in the Aral Sea basin.", "European Community", "European Union"),
    ("en", "The European Community's grant covers 80 per cent of the costs.", "European Community's",
     "European Union's"),
    ("en", "The programme is a partnership between the European Community and the Government of Turkmenistan.",
     "European Community", "European Union"),
    ("ru", "Программу поддерживает Европейское сообщество совместно с ПРООН.", "Европейское сообщество",
     "Европейский Союз"),
    ("ru", "Благодаря Европейскому сообществу 120 гектаров засажены саксаулом.", "Европейскому сообществу",
     "Европейскому Союзу"),
    ("ru", "Программа — совместная инициатива Европейского сообщества и правительства.", "Европейского сообщества",
     "Европейского Союза"),
])
def test_the_old_name_in_the_present(lang, text, span, sugg):
    assert eu(text, lang) == [(span, [sugg])]


@pytest.mark.parametrize("lang,text", [
    ("en", "In 1992 the European Community signed the first agreement with Kazakhstan."),
    ("en", "The European Community Humanitarian Office (ECHO) was founded in 1992."),
    ("en", "The European Economic Community was founded in 1957."),
    ("en", "The former European Community became the European Union."),
    ("en", "The Treaty establishing the European Community was amended in Lisbon."),
    ("ru", "В 1993 году Европейское сообщество стало частью Европейского Союза."),
    ("ru", "Европейское экономическое сообщество основано в 1957 году."),
    ("ru", "Эксперты обсудили, как европейское сообщество исследователей изучает засуху."),
    ("ru", "Договор об учреждении Европейского сообщества изменён Лиссабонским договором."),
])
def test_the_old_name_in_history_or_another_name_stays_quiet(lang, text):
    assert eu(text, lang) == []


@pytest.mark.parametrize("lang,text,span,sugg", [
    ("en", "The European Commission funds the programme together with UNDP.", "European Commission", "European Union"),
    ("en", "The clinics were equipped thanks to the European Commission's support.", "European Commission's",
     "European Union's"),
    ("en", "The European Commission has provided EUR 2 million for the project.", "European Commission",
     "European Union"),
    ("ru", "Программу финансирует Европейская комиссия.", "Европейская комиссия", "Европейский Союз"),
    ("ru", "Школы отремонтированы благодаря Европейской комиссии.", "Европейской комиссии", "Европейскому Союзу"),
    ("ru", "Проект финансирует Еврокомиссия совместно с ПРООН.", "Еврокомиссия", "Европейский Союз"),
])
def test_the_commission_as_the_funder_in_any_construction(lang, text, span, sugg):
    assert eu(text, lang) == [(span, [sugg])]


@pytest.mark.parametrize("lang,text", [
    ("en", "The European Commission published its annual report on Central Asia."),
    ("en", "A representative of the European Commission spoke at the forum."),
    ("ru", "Представитель Европейской комиссии выступил на форуме."),
    ("ru", "Еврокомиссия опубликовала доклад о Центральной Азии."),
    ("ru", "Благодаря Европейскому Союзу школы отремонтированы."),
])
def test_the_commission_in_other_roles_stays_quiet(lang, text):
    assert eu(text, lang) == []
