"""Government, ninth round (issue 11): the correlative «то» before «, что …» / «, чтобы …» takes the
case its governor gives it (Русская грамматика 1980, § 2234: «уверен в том, что …», «верить в то,
что …»). Sentences written for these tests, not taken from eval cases."""
from __future__ import annotations

import pytest

from checkutil import loud_grammar as loud

CAUGHT = [
    # a governor of «в» + the prepositional, the correlative in the accusative
    ("Партнеры выразили уверенность в то, что работа продолжится.", "в то", "в том"),
    ("Директор уверен в то, что школа откроется вовремя.", "в то", "в том"),
    ("Главная цель заключается в то, чтобы помочь сельским семьям.", "в то", "в том"),
    ("Эксперты убедились в то, что насосы работают.", "в то", "в том"),
    ("Трудность состоит в то, что дорог мало.", "в то", "в том"),
    ("Жители нуждаются в то, чтобы их услышали.", "в то", "в том"),
    # a governor of «в» + the accusative, the correlative in the prepositional
    ("Фермеры верят в том, что урожай будет хорошим.", "в том", "в то"),
    # «за» + the instrumental, «за» + the accusative
    ("Комиссия следит за то, чтобы деньги тратились по плану.", "за то", "за тем"),
    ("Директор отвечает за тем, что происходит в школе.", "за тем", "за то"),
]

QUIET = [
    "Партнеры выразили уверенность в том, что работа продолжится.",
    "Фермеры верят в то, что урожай будет хорошим.",
    "Главная цель состоит не в том, чтобы отчитаться.",
    "Семьи, нуждающиеся в поддержке, верят в то, что помощь придет.",
    "Аким поблагодарил волонтеров за то, что они помогли.",
    "Комиссия следит за тем, чтобы деньги тратились по плану.",
    "Мы боремся с тем, что мешает развитию села.",
    "Проект превратился в то, чем гордится район.",
    "Мы сомневаемся в том, что сроки реальны.",
    "Директор уверен, в то же время он осторожен.",
    "Участие в том, что делает фонд, добровольное.",
    "Он выступил за то, чтобы продлить проект.",
    # «то» without «, что»: not the correlative
    "Он участвовал в то время в трех проектах.",
]


@pytest.mark.parametrize("text,span,suggestion", CAUGHT)
def test_caught(text, span, suggestion):
    found = loud(text)
    assert found, text
    assert found[0][0] == span and found[0][1] == [suggestion], found


@pytest.mark.parametrize("text", QUIET)
def test_quiet(text):
    assert loud(text) == [], text
