"""Government, sixth round (issue 11): constructions unseen writers produce that the earlier rounds
missed — a participial phrase inside the group after a preposition, a quoted name the writer
declined into the wrong case, and government families from the reference grammars (Розенталь,
«Справочник по правописанию и литературной правке», «Управление»; Граудина, Ицкович, Катлинская,
«Грамматическая правильность русской речи», 2001). Sentences written for these tests, not taken
from eval cases."""
from __future__ import annotations

import pytest

from checkutil import loud_grammar as loud

CAUGHT = [
    # a participle's agent or adverb inside the group (Русская грамматика 1980, § 1596)
    ("Согласно утверждённого министерством плана работы начаты.", "утверждённого министерством плана",
     "утверждённому министерством плану"),
    ("Благодаря оказанной Евросоюзом поддержки открыты центры.", "оказанной Евросоюзом поддержки",
     "оказанной Евросоюзом поддержке"),
    ("Благодаря своевременно оказанной поддержки открыты центры.", "своевременно оказанной поддержки",
     "своевременно оказанной поддержке"),
    ("Согласно разработанного Министерством образования графика занятия начались.",
     "разработанного Министерством образования графика", "разработанному Министерством образования графику"),
    # a quoted name declined by the writer, in a case the preposition does not take
    ("Согласно «Дорожной карты» работы начаты.", "Дорожной карты", "Дорожной карте"),
]

QUIET = [
    "Согласно «Дорожной карте» работы начаты.",
    "Благодаря «Зелёная долина» проект состоялся.",
    "Благодаря оказанной Евросоюзом поддержке открыты центры.",
    "Согласно принятому парламентом закону работы начаты.",
    "Благодаря приглашённых на форум гостей за участие, организаторы закрыли форум.",
    "Консультации прошли для специально приглашённых экспертов.",
    "Для своевременно выявленных случаев нужна помощь.",
    "Относительно небольших городах речь не идёт.",
]


@pytest.mark.parametrize("text,span,suggestion", CAUGHT)
def test_caught(text, span, suggestion):
    found = loud(text)
    assert found, text
    assert found[0][0] == span and found[0][1] == [suggestion], found


@pytest.mark.parametrize("text", QUIET)
def test_quiet(text):
    assert loud(text) == [], text
