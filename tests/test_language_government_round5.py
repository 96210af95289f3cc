"""Government, fifth round (issue 11): families of errors a blind writer produces that the table's
rows alone did not catch — coordinated adjectives in a noun group, an adjective's rare reading as a
noun, a subject that already opens the clause, verbs of telling and allowing with a person in the
accusative, and governors that were missing (превзойти, отвечать, уверить, заинтересовать,
влиять в, ответить о, посвятить о). Each caught row: the wrong sentence, the span, the first
suggestion; the sentence with the suggestion put in must be quiet. The quiet rows are correct
Russian of the same shapes."""
from __future__ import annotations

import pytest

from app.engine.linter import lint_text

LOUD = ("error", "warning")


def loud(text):
    r = lint_text(text, "ru", select=["grammar"])
    return [(r.document.span_text(f.offset, f.end), f.suggestions[:1], f.rule) for f in r.findings if f.severity in LOUD]


CAUGHT = [
    # coordinated adjectives are one group: «слаженной и быстрой работы»
    ("Благодаря слаженной и быстрой работы бригады мост отремонтирован.", "слаженной и быстрой работы",
     "слаженной и быстрой работе"),
    ("Согласно новых или обновлённых правил заявки принимают онлайн.", "новых или обновлённых правил",
     "новым или обновлённым правилам"),
    # «новых» read as the noun «новое» does not save «новых возможностей» after «о»
    ("Женщины узнали о новых возможностей для бизнеса.", "новых возможностей", "новых возможностях"),
    ("Тренеры рассказали о современных методов полива.", "современных методов", "современных методах"),
    # «подобно» takes an adjective group too; «по прошествии» means "after"
    ("Подобно прошлого года, ярмарка пройдет в Оше.", "прошлого года", "прошлому году"),
    ("По прошествию года кооператив окупил затраты.", "прошествию", "прошествии"),
    # the clause opens with the subject: the nominative after the verb is not a second one
    ("Новые правила препятствуют развития бизнеса.", "развития", "развитию"),
    ("Женщины пользуются услуги центра бесплатно.", "услуги", "услугами"),
    ("Кроме того, программы фонда способствуют развития туризма.", "развития", "развитию"),
    # verbs of telling and allowing: a person is in the dative
    ("Специалисты рассказали жителей о проекте.", "жителей", "жителям"),
    ("Проект позволил фермеров увеличить доходы.", "фермеров", "фермерам"),
    ("Координатор сообщила участников о сроках.", "участников", "участникам"),
    ("Тренеры объяснили фермеров правила полива.", "фермеров", "фермерам"),
    # governors added to the table
    ("Результаты превзошли ожиданиям организаторов.", "ожиданиям", "ожидания"),
    ("Новый мост отвечает всех требований безопасности.", "всех требований", "всем требованиям"),
    ("Эксперты уверены об успехе проекта.", "об успехе", "в успехе"),
    ("Фермеры заинтересованы к новым технологиям.", "к новым технологиям", "в новых технологиях"),
    ("Засуха повлияла в урожай пшеницы.", "в урожай", "на урожай"),
    ("Эксперт ответил о вопросах участников.", "о вопросах", "на вопросы"),
    ("Семинар был посвящен о правах женщин.", "о правах", "правам"),
]

QUIET = [
    "Для этого кабинет министров ввёл мораторий.",
    "Решению проблемы способствуют новые технологии.",
    "Этому помогают волонтёры центра.",
    "Развитию туризма способствуют новые дороги.",
    "Фермерам помогают специалисты центра.",
    "Реформа повлияла в лучшую сторону на доходы семей.",
    "Работа проекта повлияла в том числе на доходы.",
    "Специалисты рассказали историю села.",
    "Врачи объяснили правила ухода за детьми.",
    "Жители рассказали журналистам о проблемах.",
    "Программа позволит сократить расходы.",
    "Новые теплицы позволили в прошлом году собрать урожай.",
    "Результаты превзошли ожидания.",
    "В селе работают волонтёры, которые помогают семьям.",
    "Эксперт ответил на вопросы о планах.",
    "Ответ о сроках придёт позже.",
    "Участники рассказали о новых возможностях.",
    "Подобно прошлому году, ярмарка пройдёт в Оше.",
    "Мы уверены в успехе.",
    "Благодаря новым и старым партнёрам проект вырос.",
    "Программа для молодых и опытных предпринимателей открыта.",
    "Женщины пользуются услугами центра, а мужчины помогают детям.",
    "Фонд сообщил в пятницу о начале конкурса.",
]


@pytest.mark.parametrize("text,span,suggestion", CAUGHT, ids=[c[1] for c in CAUGHT])
def test_caught_with_span_and_suggestion(text, span, suggestion):
    found = loud(text)
    assert any(s == span and sug and sug[0].replace("ё", "е") == suggestion.replace("ё", "е") for s, sug, _ in found), found
    fixed = text.replace(span, suggestion, 1)
    assert loud(fixed) == [], (fixed, loud(fixed))


@pytest.mark.parametrize("text", QUIET, ids=[q[:40] for q in QUIET])
def test_correct_russian_stays_quiet(text):
    assert loud(text) == []
