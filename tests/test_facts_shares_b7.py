"""Shares of counts (issue 10), in phrasings written for these tests: a percentage whose whole count is named
right after it ("P% of the district's N clinics") and whose part is the count before it or in brackets after
the whole; a fraction of a count ("Half of the cohort — N …", «Треть из N участников … Их M»). Each wrong text
has a corrected twin that must stay quiet; the count, not the fraction word, is flagged."""
from __future__ import annotations

import pytest
from checkutil import loud_figures, assert_flagged_twin_quiet, EU_EN, EU_RU

CASES = [
    ("en", EU_EN + "Solar panels now power 30 clinics in Batken district, or 25% of the district's 150 clinics.",
     EU_EN + "Solar panels now power 30 clinics in Batken district, or 20% of the district's 150 clinics.", "25%"),
    ("en", EU_EN + "Young people were 60% of the 400 volunteers at the EU-funded festival (200 young people, most of them students).",
     EU_EN + "Young people were 50% of the 400 volunteers at the EU-funded festival (200 young people, most of them students).", "60%"),
    ("ru", EU_RU + "Связь получили 45 сел района, то есть 30 % из 180 сел области.",
     EU_RU + "Связь получили 45 сел района, то есть 25 % из 180 сел области.", "30 %"),
    ("en", "Dushanbe – A cohort of 60 apprentices has finished the EU-funded welding course.\n"
           "A third of the cohort — 25 young women — have already found jobs.",
     "Dushanbe – A cohort of 60 apprentices has finished the EU-funded welding course.\n"
     "A third of the cohort — 20 young women — have already found jobs.", "25 young women"),
    ("ru", EU_RU + "Половина из 80 слушателей курсов — сельские учителя.\nИх 36 человек, и все они получили планшеты.",
     EU_RU + "Половина из 80 слушателей курсов — сельские учителя.\nИх 40 человек, и все они получили планшеты.", "36 человек"),
]

QUIET = [
    # the count before the percentage is another thing than the whole after it
    ("en", EU_EN + "The project opened 12 libraries, or 30% of the 40 new buildings planned."),
    # "the second half of": a period, not a share
    ("en", EU_EN + "In the second half of the year, 40 trainees — 12 women and 28 men — joined the course."),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_share_flagged_and_twin_quiet(lang, wrong, right, span):
    assert_flagged_twin_quiet("figures.share", lang, wrong, right, span)


@pytest.mark.parametrize("lang,text", QUIET)
def test_share_quiet(lang, text):
    assert loud_figures(lang, text) == []
