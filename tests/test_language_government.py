"""The larger government table, latin-word readings and organisation variants (issue 11, second
round): each row is a sentence a press officer could write, with the span a user sees flagged and
the first suggestion; the quiet rows are correct Russian that looks close to the errors."""
from __future__ import annotations

import pytest

from app.engine.linter import lint_text

LOUD = ("error", "warning")


def loud(text, lang, select):
    r = lint_text(text, lang, select=list(select))
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1], f.rule) for f in r.findings if f.severity in LOUD]


GRAMMAR_CAUGHT = [
    # a verb that takes its object directly, written with «о»
    ("Председатель комиссии осветил о ходе ремонта каналов.", "о ходе", "ход"),
    ("Агроном подробно объяснил о правилах полива.", "о правилах", "правила"),
    ("Выступающие подчеркнули о том, что засуха усилилась.", "подчеркнули о том", "подчеркнули"),
    ("Аким указал о том, что дорогу закончат к осени.", "о том", "на то"),
    ("Стороны согласились о необходимости новых встреч.", "о необходимости", "с необходимостью"),
    ("Эксперт сослался о выводах аудиторов.", "о выводах", "на выводы"),
    ("Докладчики говорили за трудности сельских школ.", "за трудности", "о трудностях"),
    ("Руководство обратило внимание о нехватке учителей.", "о нехватке", "на нехватку"),
    ("Оплата за обучение производится из средств гранта.", "за обучение", "обучения"),
    ("Особое внимание уделялось на подготовку медсестёр.", "на подготовку", "подготовке"),
    ("Новый стандарт соответствует с нормами ВОЗ.", "с нормами", "нормам"),
    # the right preposition, the wrong one of its cases
    ("Кооператив внёс заметный вклад в развитии села.", "в развитии", "в развитие"),
    ("Волонтёры сосредоточились на поиск доноров.", "на поиск", "на поиске"),
    ("Семьи нуждаются в постоянную поддержку.", "в постоянную поддержку", "в постоянной поддержке"),
    ("Усилен контроль за расходование бюджета.", "за расходование", "за расходованием"),
    # direct case after a verb
    ("Фонд поддержал инициативе молодёжи.", "инициативе", "инициативу"),
    ("Кооперативы придерживаются стандартам качества.", "стандартам", "стандартов"),
    ("Ученики обменялись впечатлений.", "впечатлений", "впечатлениями"),
    ("На церемонии вручили дипломов выпускникам.", "дипломов", "дипломы"),
    # prepositions of two or three cases, compound prepositions, set phrases
    ("Отчёт подготовлен о работы за квартал.", "работы", "работе"),
    ("Ярмарка прошла при поддержке районному акимату.", "районному акимату", "районного акимата"),
    ("Совместно с местных властей построен мост.", "местных властей", "местными властями"),
    ("В отличии от прошлой зимы снега выпало мало.", "В отличии от", "В отличие от"),
    ("В следствии паводка дорогу закрыли.", "В следствии", "Вследствие"),
]

GRAMMAR_QUIET = [
    "Участники рассказали о ходе ремонта и сообщили о планах.",
    "Эксперты заявили о том, что засуха усилилась; аким упомянул о дороге.",
    "Особое внимание на встрече уделили вопросам питьевой воды.",
    "Работы оплачены за счёт местного бюджета; проезд оплатили за год вперёд.",
    "Он говорил за круглым столом о воде, а матери переживают за детей.",
    "В соответствии с законом совет избран в члены ассоциации.",
    "Работы ведутся совместно с айыл окмоту и местными кенешами.",
    "Инвестиции в регионе выросли, вклад в рамках проекта оценят позже.",
    "На платформе, на котором размещены данные, последовали после обсуждения изменения.",
    "Что за проект вы готовите? Мы пошли другим путём.",
    "Делегация прибыла в г. Ош, продукцию отправили за рубеж.",
    "Фермеры участвовали в семинарах, а школьники приняли участие в олимпиаде.",
]


@pytest.mark.parametrize("text,span,suggestion", GRAMMAR_CAUGHT)
def test_government_errors_are_caught_with_span_and_suggestion(text, span, suggestion):
    found = loud(text, "ru", ["grammar"])
    assert [f[0] for f in found] == [span], found
    if suggestion is not None:
        assert found[0][1] == [suggestion], found


@pytest.mark.parametrize("text", GRAMMAR_QUIET)
def test_correct_government_stays_quiet(text):
    assert loud(text, "ru", ["grammar"]) == []


@pytest.mark.parametrize("text,span,suggestion", [
    ("Mbl благодарим партнёров за помощь.", "Mbl", "Мы"),
    ("Жителям He хватало воды летом.", "He", "Не"),
    ("Встреча прошла Ha площадке акимата.", "Ha", "На"),
    ("Проект UNDP mepa поддержки фермеров.", "mepa", "мера"),
])
def test_latin_words_read_as_russian(text, span, suggestion):
    found = loud(text, "ru", ["homoglyph"])
    assert [(f[0], f[1]) for f in found] == [(span, [suggestion])]


@pytest.mark.parametrize("text", [
    "Компания Tom Tailor открыла магазин, он сказал OK коллегам.",
    "Программа EU4Business и проект UNDP работают в Оше; модель A4.",
    "He said the Ha-Ha bridge is open.",
])
def test_latin_words_that_are_not_russian_stay_quiet(text):
    lang = "en" if text.startswith("He said") else "ru"
    assert loud(text, lang, ["homoglyph"]) == []


DISCLAIMER_RU = ("Данная публикация подготовлена при финансовой поддержке Европейского Союза. Ее содержание "
                 "является исключительной ответственностью {org} и не обязательно отражает точку зрения "
                 "Европейского Союза.")


def test_org_number_difference_in_a_quoted_name():
    text = ("Ассоциация «Гончары Риштана» провела ярмарку в Коканде.\n"
            + DISCLAIMER_RU.format(org="ассоциации «Гончар Риштана»"))
    found = loud(text, "ru", ["consistency"])
    assert [f[0] for f in found if f[2] == "consistency.org-name-mismatch"] == ["ассоциации «Гончар Риштана»"]


def test_org_one_word_dropped_in_the_body():
    text = ("Таджикское бюро правовой помощи сельским женщинам открыло приёмную в Кулябе. Юристы Таджикского "
            "бюро правовой помощи женщинам приняли 40 обращений.\n"
            + DISCLAIMER_RU.format(org="Таджикского бюро правовой помощи сельским женщинам"))
    found = [f for f in loud(text, "ru", ["consistency"]) if f[2] == "consistency.org-name-mismatch"]
    assert [f[0] for f in found] == ["Таджикского бюро правовой помощи женщинам"]


def test_org_same_name_in_another_case_is_quiet():
    text = ("Таджикское бюро правовой помощи сельским женщинам открыло приёмную в Кулябе. Юристы Таджикского "
            "бюро правовой помощи сельским женщинам приняли 40 обращений.\n"
            + DISCLAIMER_RU.format(org="Таджикского бюро правовой помощи сельским женщинам"))
    assert [f for f in loud(text, "ru", ["consistency"]) if f[2] == "consistency.org-name-mismatch"] == []


def test_org_acronym_does_not_cover_another_expansion():
    text = ("The Pasture Users Union (PUU) of Alai district restored 30 km of fences. The PUU trained 60 herders.\n"
            "This publication was produced with the financial support of the European Union. Its contents are the "
            "sole responsibility of the Pasture User Union (PUU) and do not necessarily reflect the views of the "
            "European Union.")
    found = [f for f in loud(text, "en", ["consistency"]) if f[2] == "consistency.org-name-mismatch"]
    assert [f[0] for f in found] == ["Pasture User Union (PUU)"]


def test_acronym_expansion_span_starts_at_the_name_after_an_indent():
    text = ("The Bureau of Land Management (BLM) manages the range.\n"
            "   Famous regional Bureau of Land Use (BLM) offices were closed.\n")
    found = [f for f in loud(text, "en", ["consistency"]) if f[2] == "consistency.acronym-expansion"]
    assert [f[0] for f in found] == ["Bureau of Land Use"]
