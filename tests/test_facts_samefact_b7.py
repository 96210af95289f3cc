"""The same fact stated twice with different values (issue 10), in phrasings written for these tests: amounts
written with hyphens ("a 3.2-million-euro grant"), a count of people pointed back at with "the", a count
whose noun is followed by "since", the project's duration in the lead and in a run-in summary («Справка.»).
Each wrong text has a corrected twin that must stay quiet."""
from __future__ import annotations

import pytest
from checkutil import loud_figures, assert_flagged_twin_quiet

CASES = [
    ("en", "Naryn – The European Union is providing a 3.2-million-euro grant for rural roads in Naryn region.\n"
           "About the project: Roads for Naryn is funded by the European Union with EUR 3.5 million and implemented by UNOPS.",
     "Naryn – The European Union is providing a 3.2-million-euro grant for rural roads in Naryn region.\n"
     "About the project: Roads for Naryn is funded by the European Union with EUR 3.2 million and implemented by UNOPS.",
     "EUR 3.5 million"),
    ("en", "Sixty nurses from Khatlon have begun an EU-funded course on neonatal care.\n"
           "During six weeks, the 70 nurses will practise in two district hospitals.",
     "Sixty nurses from Khatlon have begun an EU-funded course on neonatal care.\n"
     "During six weeks, the 60 nurses will practise in two district hospitals.",
     "70 nurses"),
    ("en", "Mediators in Osh have resolved 1,250 disputes since the EU-funded mediation centre opened in 2018.\n"
           "About the project\nThe EU-funded centre trains mediators. Since its opening, it has resolved 1,520 disputes.",
     "Mediators in Osh have resolved 1,250 disputes since the EU-funded mediation centre opened in 2018.\n"
     "About the project\nThe EU-funded centre trains mediators. Since its opening, it has resolved 1,250 disputes.",
     "1,520 disputes"),
    ("ru", "Ош. Проект по восстановлению пастбищ в высокогорных районах Ошской области продлится 36 месяцев.\n"
           "Фермеры получат семена и технику.\n"
           "Справка. Проект реализуется ФАО в течение 30 месяцев при финансовой поддержке Европейского Союза.",
     "Ош. Проект по восстановлению пастбищ в высокогорных районах Ошской области продлится 36 месяцев.\n"
     "Фермеры получат семена и технику.\n"
     "Справка. Проект реализуется ФАО в течение 36 месяцев при финансовой поддержке Европейского Союза.",
     "месяцев"),
]

QUIET = [
    # "the N nurses from X": a part of the earlier count, not the count restated
    ("en", "The EU-funded course has trained 120 nurses this year. In March, the 40 nurses from Naryn will start work."),
    # two activities' durations, neither in the summary: not the project's one duration
    ("en", "Osh – The EU-funded project will run for 24 months. Each training course lasts 3 months."),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_same_fact_flagged_and_twin_quiet(lang, wrong, right, span):
    assert_flagged_twin_quiet("figures.same-fact", lang, wrong, right, span)


@pytest.mark.parametrize("lang,text", QUIET)
def test_same_fact_quiet(lang, text):
    assert loud_figures(lang, text) == []
