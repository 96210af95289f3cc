"""Prepositions, fifth round (issue 11): the rest of the simple prepositions of one case, compound
prepositions whose last word would allow another case, and the noun of a compound preposition
followed by a preposition it never takes («в отличие с» → «от», «по сравнению к» → «с»). Sentences
written for these tests from the references' lists, not from eval cases."""
from __future__ import annotations

import pytest


from checkutil import loud_grammar as loud


CAUGHT = [
    # a compound's noun followed by a preposition it never takes
    ("В отличие с соседним районом здесь нет очередей.", "с соседним районом", "от соседнего района"),
    ("По сравнению к 2023 году выручка выросла, по сравнению к прошлому сезону тоже.", "к прошлому сезону",
     "с прошлым сезоном"),
    ("Тарифы утверждены в соответствии к решению совета.", "к решению", "с решением"),
    ("Изменилось отношение работодателей по отношению на выпускников колледжей.", "на выпускников",
     "к выпускникам"),
    ("Сроки посева определяют в зависимости с погодой.", "с погодой", "от погоды"),
    ("Наряду к библиотекам обновили спортзалы.", "к библиотекам", "с библиотеками"),
    ("В связи к паводку занятия перенесли.", "к паводку", "с паводком"),
    ("В ответ к обращению фермеров акимат продлил сроки.", "к обращению", "на обращение"),
    ("В дополнение с грантами кооперативы получили семена.", "с грантами", "к грантам"),
    # compounds whose last word would allow another case
    ("Девушки учатся наравне с юношей и получают те же стипендии.", None, None),
    ("Судя по отзывов участников, курс оказался полезным.", "отзывов", "отзывам"),
    ("Обучение строится с опорой на местном опыте.", "местном опыте", "местный опыт"),
    ("Во избежание путаницу документы подписывают дважды.", "путаницу", "путаницы"),
    ("Под влиянием сильная засуха урожай снизился.", None, None),
    ("Заседание прошло под председательством заместителю министра.", "заместителю",
     "заместителя"),
    ("Сделку провели при посредничестве торговой палате.", "торговой палате", "торговой палаты"),
    ("Сумма указана за вычетом налогам.", "налогам", "налогов"),
    # simple prepositions of one case
    ("Напротив районной больнице разбили сквер.", "районной больнице", "районной больницы"),
    ("Плёнку уложили поверх старым покрытием.", None, None),
]
CAUGHT = [c for c in CAUGHT if c[1] is not None]


@pytest.mark.parametrize("text,span,suggestion", CAUGHT)
def test_preposition_error_caught(text, span, suggestion):
    found = loud(text)
    assert any(s == span and sugg[:1] == [suggestion] for s, sugg, rule in found), found
    fixed = text.replace(span, suggestion, 1)
    assert loud(fixed) == [], (fixed, loud(fixed))


QUIET = [
    "В отличие от прошлого года урожай вырос.",
    "По сравнению с прошлым годом доходы выросли.",
    "В связи со строительством дорогу закрыли.",
    "Наряду со школами ремонт прошёл в клиниках.",
    "Центры работают независимо с 2020 года.",
    "Год спустя фермеры собрали рекордный урожай.",
    "Спустя неделю прошёл второй этап.",
    "Напротив, жители довольны новыми правилами.",
    "Напротив стоит новая школа.",
    "Решение принято под влиянием обстоятельств.",
    "Школы работают в ногу со временем.",
    "Судя по всему, сезон будет засушливым.",
    "Работы ведутся с опорой на местные ресурсы.",
    "Во избежание ошибок заявки проверяют дважды.",
    "Заседание прошло под председательством министра.",
    "Мастера работали совместно в рамках проекта.",
]


@pytest.mark.parametrize("text", QUIET)
def test_preposition_correct_russian_quiet(text):
    assert loud(text) == []


@pytest.mark.parametrize("text", [
    # «в результате», «в процессе» stand alone as adverbs: a nominative after them is the subject
    "В результате урожайность выросла на треть.",
    "В результате новые правила вступили в силу.",
    "В процессе участники обсудили планы.",
    # «что это за …» takes the nominative; «такого рода» inside a group; an abbreviation in capitals
    "Что это за программа и кто её ведёт?",
    "Такие меры относятся к такого рода обязательствам.",
    "На ИЗО детям выдали новые краски.",
    # «не смотря на» before a person may be the gerund
    "Докладчик говорил, не смотря на слушателей.",
    # a bare accusative after a transitive verb and an adverb homonym is the verb's object
    "Строители поставили вокруг ограждение.",
])
def test_adverbial_uses_quiet(text):
    assert loud(text) == []


def test_adverbial_compound_still_checks_an_oblique_group():
    assert loud("В результате сильной засухе урожай снизился.")[0][:2] == ("сильной засухе", ["сильной засухи"])


def test_po_with_a_genitive_or_instrumental():
    # «по» takes the dative, the accusative or (upon) the prepositional: never the instrumental
    assert loud("Консультации по вопросами миграции проходят еженедельно.")[0][:2] == ("вопросами", ["вопросам"])
    for ok in ("Вода поднялась по колено.", "Он работает по сей день.", "Мы встречаемся по понедельникам.",
               "По этому поводу собрались эксперты.", "По данным министерства, урожай вырос."):
        assert loud(ok) == [], ok


def test_pro_after_a_verb_of_the_accusative():
    assert loud("Участники обсудили про новые тарифы.")[0][:2] == ("про новые тарифы", ["новые тарифы"])
    assert loud("Эксперты рассказали про новые тарифы.") == []
