"""Grammar, round of stop 27 (lang10, issue 11): the second of two coordinated groups in another case
(Русская грамматика 1980, § 2148) when a phrase of place or origin follows it («для фермеров и
пчеловодам из горных сёл»), when the clause's subject or a person's noun stands before the
governor («Работы ведутся согласно требованиям и нормативов министерства», «доступны жителям
независимо от пола и возрасту»), and when «и» stands earlier in the clause (not read as the
letter's name). Sentences written for these tests, not taken from eval cases: each wrong one has a
right twin that must stay quiet."""
from __future__ import annotations

import pytest

from checkutil import assert_grammar_first, assert_grammar_quiet

# (wrong sentence, flagged span, first suggestion, right twin)
TWINS = [
    # a phrase of place or origin after the conjunct, then the clause's end
    ("Тренинги проводятся для фермеров и пчеловодам из горных сел.", "пчеловодам", "пчеловодов",
     "Тренинги проводятся для фермеров и пчеловодов из горных сел."),
    ("Саженцы выдали для закладки садов и виноградникам в Согдийской области.", "виноградникам",
     "виноградников", "Саженцы выдали для закладки садов и виноградников в Согдийской области."),
    ("Открыта запись для школьников и студентам из Ферганы и Намангана, сообщили в центре.", "студентам",
     "студентов", "Открыта запись для школьников и студентов из Ферганы и Намангана, сообщили в центре."),
    ("Мастерская работает для подростков и молодежью из Ошской и Джалал-Абадской областей.", "молодежью",
     "молодежи", "Мастерская работает для подростков и молодежи из Ошской и Джалал-Абадской областей."),
    ("Курс рассчитан на учителей и воспитателям из сельских школ.", "воспитателям", "воспитателей",
     "Курс рассчитан на учителей и воспитателей из сельских школ."),
    # a name closing the genitives after the conjunct
    ("Стипендии учреждены для студентов и выпускникам колледжей Хатлона.", "выпускникам", "выпускников",
     "Стипендии учреждены для студентов и выпускников колледжей Хатлона."),
    # the clause's subject before the preposition is no conjunct's partner
    ("Работы ведутся согласно техническим требованиям и нормативов министерства.", "нормативов", "нормативам",
     "Работы ведутся согласно техническим требованиям и нормативам министерства."),
    ("Консультации бесплатны для пенсионеров и людям с инвалидностью.", "людям", "людей",
     "Консультации бесплатны для пенсионеров и людей с инвалидностью."),
    # a person's noun before the governor, both conjuncts things
    ("Секции открыты всем детям независимо от пола и возрасту.", "возрасту", "возраста",
     "Секции открыты всем детям независимо от пола и возраста."),
    ("Помощь окажут пострадавшим от засухи и оползням в предгорьях.", "оползням", "оползней",
     "Помощь окажут пострадавшим от засухи и оползней в предгорьях."),
    # «и» earlier in the clause is the conjunction, not a noun of every case
    ("В центре принимают юрист и психолог для сельских женщин и молодежью из района.", "молодежью", "молодежи",
     "В центре принимают юрист и психолог для сельских женщин и молодежи из района."),
    # a verb's objects, a phrase after the second
    ("Организаторы поблагодарили волонтеров и спонсорам за помощь.", "спонсорам", "спонсоров",
     "Организаторы поблагодарили волонтеров и спонсоров за помощь."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", TWINS)
def test_second_conjunct_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", TWINS)
def test_right_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


QUIET = [
    # the second group joined to a person before the governor (both people)
    "Помощь окажут пострадавшим от засухи и беженцам из соседних районов.",
    # joined to the noun before the preposition, whose attribute the phrase is
    "Участников ознакомили с требованиями к отчетности и правилами закупок.",
    # a dative starting a clause of its own after the conjunct («и детям …» before a verb)
    "Для взрослых открыли библиотеку и детям из интерната подарили книги.",
    # a verb after the phrase: the conjunct is no attribute's owner
    "Средства пошли на ремонт школ и учителям из сел выплатили премии.",
]


@pytest.mark.parametrize("text", QUIET)
def test_quiet_neighbours(text):
    assert_grammar_quiet(text)


# A noun of `preposition_cases` with its preposition left out before a dative of things
# («контроль соблюдению» → «контроль за соблюдением»), also past the noun's own genitives; and
# transitive verbs of releases added to the table («поддерживать мигрантам» → «мигрантов»).
MISSING = [
    ("Новая лаборатория усилит контроль соблюдению технических регламентов.", "соблюдению",
     "за соблюдением", "Новая лаборатория усилит контроль за соблюдением технических регламентов."),
    ("Доступ питьевой воде получили еще четыре села.", "питьевой воде", "к питьевой воде",
     "Доступ к питьевой воде получили еще четыре села."),
    ("Заметно вырос интерес сельской молодежи предпринимательству.", "предпринимательству",
     "к предпринимательству", "Заметно вырос интерес сельской молодежи к предпринимательству."),
    ("Авторы предложили новый подход оценке рисков.", "оценке", "к оценке",
     "Авторы предложили новый подход к оценке рисков."),
    ("Волонтеры продолжают поддерживать переселенцам.", "переселенцам", "переселенцев",
     "Волонтеры продолжают поддерживать переселенцев."),
    ("Комиссия будет осуществлять проверке закупок.", "проверке", "проверку",
     "Комиссия будет осуществлять проверку закупок."),
    ("Адвокаты бесплатно защищают интересам мигрантов.", "интересам", "интересы",
     "Адвокаты бесплатно защищают интересы мигрантов."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", MISSING)
def test_missing_preposition_or_case_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", MISSING)
def test_missing_preposition_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


QUIET_NOUNS = [
    # a noun of a dative verb keeps its dative (`bare_dative_nouns`)
    "Глава района выразил благодарность донорам и партнерам.",
    # a verb of giving before the noun owns the dative (`bare_dative_verbs`)
    "Акимат решил передать контроль сельским общинам.",
    "Проект открыл доступ школам и библиотекам района.",
    # a person in the dative, a genitive, «по»
    "Доступ жителям обеспечат к концу года.",
    "Усилен контроль качества продукции.",
    "Он работает в отделе контроля по качеству.",
    # time after a transitive verb
    "Фонд поддерживает сельские школы второй год.",
]


@pytest.mark.parametrize("text", QUIET_NOUNS)
def test_quiet_noun_neighbours(text):
    assert_grammar_quiet(text)


# Short adjectives of the table (привержен чему, богат чем, подведомствен кому …), «отдать
# предпочтение кому», and a nominative or accusative conjunct closing the sentence after a governor
# of neither case («поделился секретами ремесла и опыт.» → «опытом»).
MORE = [
    ("Жители района привержены старинных обычаев.", "старинных обычаев", "старинным обычаям",
     "Жители района привержены старинным обычаям."),
    ("Долина богата минеральных источников.", "минеральных источников", "минеральными источниками",
     "Долина богата минеральными источниками."),
    ("Колледж подведомствен министерства труда.", "министерства", "министерству",
     "Колледж подведомствен министерству труда."),
    ("Комиссия отдала предпочтение местных подрядчиков.", "местных подрядчиков", "местным подрядчикам",
     "Комиссия отдала предпочтение местным подрядчикам."),
    ("Ремесленник поделился приемами своей работы и опыт.", "опыт", "опытом",
     "Ремесленник поделился приемами своей работы и опытом."),
    ("Льготы действуют для пенсионеров и студенты.", "студенты", "студентов",
     "Льготы действуют для пенсионеров и студентов."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", MORE)
def test_more_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", MORE)
def test_more_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


QUIET_MORE = [
    # a subject after the short adjective or verb
    "Равны права мужчин и женщин.",
    "Известны имена победителей конкурса.",
    # a nominative before the preposition is the partner of the last conjunct
    "Гранты получили школы из Оша и детский сад.",
    "Занятия ведут для детей и родители.",
    # a singular nominative after a plural verb is one of two subjects
    "Инициативу поддерживают районная администрация и местные общины.",
    # the governor takes the accusative
    "Сертификаты вручили учителям и директор школы.",
]


@pytest.mark.parametrize("text", QUIET_MORE)
def test_quiet_more(text):
    assert_grammar_quiet(text)


# After a verb, an adjective in the verb's case and its noun in another (as after a preposition):
# the group is put right keeping the part in the case; a singular-only noun stays singular.
DISAGREEING = [
    ("Некоторые туристы пренебрегают горными маршрутов.", "горными маршрутов", "горными маршрутами",
     "Некоторые туристы пренебрегают горными маршрутами."),
    ("Кооператив управляет общими пастбищ.", "общими пастбищ", "общими пастбищами",
     "Кооператив управляет общими пастбищами."),
    ("Новая дорога способствует экономическим развития долины.", "экономическим развития",
     "экономическому развитию", "Новая дорога способствует экономическому развитию долины."),
    ("Жюри поблагодарило юных участникам.", "юных участникам", "юных участников",
     "Жюри поблагодарило юных участников."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", DISAGREEING)
def test_disagreeing_object_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", DISAGREEING)
def test_disagreeing_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


def test_repeated_conjunction_pair_quiet():
    # «и …, и …» opens a pair of its own: «жителям» is no conjunct of «начала года»
    assert_grammar_quiet("С начала весны и жителям, и туристам доступны новые тропы.")


# The prepositional never stands without a preposition: after a governor of «в»/«на» + the
# prepositional, a group that can be in no other case lacks the governor's preposition.
LOCATIVE = [
    ("Девять школ участвовали конкурсе проектов.", "конкурсе", "в конкурсе",
     "Девять школ участвовали в конкурсе проектов."),
    ("Члены общины настаивают строительстве моста.", "строительстве", "на строительстве",
     "Члены общины настаивают на строительстве моста."),
    ("Сельские амбулатории нуждаются капитальном ремонте.", "капитальном ремонте", "в капитальном ремонте",
     "Сельские амбулатории нуждаются в капитальном ремонте."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", LOCATIVE)
def test_missing_locative_preposition_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", LOCATIVE)
def test_missing_locative_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


# A list before the last conjunct: every member after a comma in the first one's case.
LISTS = [
    ("Курсы открыты для школьников, студентов и выпускникам колледжей.", "выпускникам", "выпускников",
     "Курсы открыты для школьников, студентов и выпускников колледжей."),
    ("Центр помогает вдовам, сиротам и пенсионеров.", "пенсионеров", "пенсионерам",
     "Центр помогает вдовам, сиротам и пенсионерам."),
]


@pytest.mark.parametrize("wrong,span,suggestion,right", LISTS)
def test_list_last_member_flagged(wrong, span, suggestion, right):
    assert_grammar_first(wrong, span, suggestion)


@pytest.mark.parametrize("wrong,span,suggestion,right", LISTS)
def test_list_twin_quiet(wrong, span, suggestion, right):
    assert_grammar_quiet(right)


@pytest.mark.parametrize("text", [
    # a member that is not in the first one's case ends the list: a new clause
    "Курсы для школьников, студенты и учителя смогут записаться позже.",
    # a relative clause after the first member
    "Для детей, родители которых работают, и подросткам открыт клуб.",
])
def test_list_quiet(text):
    assert_grammar_quiet(text)
