"""Durations against periods (issue 10), in phrasings written for these tests: the project's start and end
stated in two sentences; a period opened by "from" / «с» several words after the duration; durations in
weeks against a period in days; Russian adjectives «18-месячный», «трёхлетний», «двухнедельный». Each wrong
text has a corrected twin that must stay quiet."""
from __future__ import annotations

import pytest
from checkutil import loud_figures, assert_flagged_twin_quiet

CASES = [
    ("ru", "Ош. Проект ЕС по развитию туризма стартовал 1 марта 2025 года.\nОн завершится 28 февраля 2027 года.\n"
           "О проекте: срок реализации — 30 месяцев, бюджет — 2 млн евро.",
     "Ош. Проект ЕС по развитию туризма стартовал 1 марта 2025 года.\nОн завершится 28 февраля 2027 года.\n"
     "О проекте: срок реализации — 24 месяца, бюджет — 2 млн евро.", "30 месяцев"),
    ("en", "Khujand – The EU-funded dairy project began in May 2024. It will end in April 2026.\n"
           "About the project: the project runs for 36 months with a budget of EUR 1.2 million.",
     "Khujand – The EU-funded dairy project began in May 2024. It will end in April 2026.\n"
     "About the project: the project runs for 24 months with a budget of EUR 1.2 million.", "36 months"),
    ("en", "The EU-funded three-week school for young mediators takes place from 2 June to 6 June 2025 in Osh.",
     "The EU-funded one-week school for young mediators takes place from 2 June to 6 June 2025 in Osh.", "three-week"),
    ("ru", "Двухнедельная стажировка для молодых судей при поддержке ЕС пройдет с 1 по 26 апреля 2025 года.",
     "Четырехнедельная стажировка для молодых судей при поддержке ЕС пройдет с 1 по 26 апреля 2025 года.", "Двухнедельная"),
    ("ru", "Бишкек. 18-месячный проект ЕС реализуется с января 2025 по декабрь 2027 года.",
     "Бишкек. 36-месячный проект ЕС реализуется с января 2025 по декабрь 2027 года.", "18-месячный"),
    ("ru", "Бишкек. Трёхлетний проект ЕС реализуется с января 2025 по декабрь 2029 года.",
     "Бишкек. Пятилетний проект ЕС реализуется с января 2025 по декабрь 2029 года.", "Трёхлетний"),
]

QUIET = [
    # a start and an end of two different things
    ("en", "The project started in March 2025. The call for grants will end in May 2025.\nAbout the project: it runs for 24 months."),
    # a two-week course over 12 days (it ends on a Friday)
    ("en", "The EU-funded two-week course runs from 3 March to 14 March 2025."),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_duration_flagged_and_twin_quiet(lang, wrong, right, span):
    assert_flagged_twin_quiet(("figures.duration", "figures.same-fact"), lang, wrong, right, span)


@pytest.mark.parametrize("lang,text", QUIET)
def test_duration_quiet(lang, text):
    assert loud_figures(lang, text) == []
