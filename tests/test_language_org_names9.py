"""Organisation names, ninth round (issue 11): a descriptive name with a quoted name after it
(«Центр развития сельских женщин «Умут»») is suggested whole, quoted name included (was the
descriptive part only), and the same name in the disclaimer is no mismatch (the words before the
quoted name were compared only up to three); a capitalised adjective before the legal head is part
of the name («Нарынский центр «Закон и право»»); English names keep their quoted name too. Names written for these tests, not taken from eval cases."""
from __future__ import annotations

import pytest

from checkutil import org_findings

CAUGHT = [
    # a word of the descriptive part differs: the suggestion keeps the quoted name
    ("Курсы ведет Центр поддержки горных общин «Тоо-Таш». Тренеры центра обучили 30 семей.",
     "Центра развития горных общин «Тоо-Таш»", "Центра поддержки горных общин «Тоо-Таш»"),
    # the quoted name differs
    ("Курсы ведет Центр поддержки горных общин «Тоо-Таш». Тренеры центра обучили 30 семей.",
     "Центра поддержки горных общин «Тоо-Тал»", "Центра поддержки горных общин «Тоо-Таш»"),
    # a noun before the quoted name in another number
    ("Курсы ведет Центр развития сельских женщин «Умут». Тренеры центра обучили 30 семей.",
     "Центра развития сельской женщины «Умут»", "Центра развития сельских женщин «Умут»"),
    ("Саженцы вырастил Питомник лесных культур «Арча» при поддержке лесхоза.",
     "Питомника лесных культур «Арпа»", "Питомника лесных культур «Арча»"),
]

QUIET = [
    # the same name in the disclaimer: the words before the quoted name are all compared (were 3)
    ("Курсы ведет Центр развития сельских женщин «Умут». Тренеры центра обучили 30 семей.",
     "Центра развития сельских женщин «Умут»"),
    ("Курсы ведет Центр поддержки горных общин «Тоо-Таш». Тренеры центра обучили 30 семей.",
     "Центра поддержки горных общин «Тоо-Таш»"),
    # a quoted title after a name, the same name in the disclaimer
    ("Центр поддержки горных общин выпустил брошюру «Вода и мы».", "Центра поддержки горных общин"),
]


# a capitalised adjective of the name before its legal head and quoted name; an English name with a
# quoted name after it
CAUGHT_MORE = [
    ("ru", "Консультации дает Нарынский центр «Закон и право» при поддержке ЕС.",
     "Таласского центра «Закон и право»", "Нарынского центра «Закон и право»"),
    # a hyphenated adjective is one word of the name
    ("ru", "Семена раздал Научно-производственный центр «Дан» в трех селах.",
     "Научного центра «Дан»", "Научно-производственного центра «Дан»"),
    ("en", 'Lessons are given by the Support Centre for Mountain Communities "Too-Tash", with EU funds.',
     'Support Centre for Mountain Communities "Too-Tal"', 'Support Centre for Mountain Communities "Too-Tash"'),
]

QUIET_MORE = [
    ("ru", "Консультации дает Нарынский центр «Закон и право» при поддержке ЕС.", "Нарынского центра «Закон и право»"),
    ("ru", "Семена раздал Научно-производственный центр «Дан» в трех селах.", "Научно-производственного центра «Дан»"),
    ("en", 'Lessons are given by the Support Centre for Mountain Communities "Too-Tash", with EU funds.',
     'the Support Centre for Mountain Communities "Too-Tash"'),
]


@pytest.mark.parametrize("lang,body,org,sugg", CAUGHT_MORE)
def test_caught_more(lang, body, org, sugg):
    found = org_findings(body, org, lang)
    assert (org, [sugg]) in found, found


@pytest.mark.parametrize("lang,body,org", QUIET_MORE)
def test_quiet_more(lang, body, org):
    assert org_findings(body, org, lang) == []


@pytest.mark.parametrize("body,org,sugg", CAUGHT)
def test_caught(body, org, sugg):
    found = org_findings(body, org, "ru")
    assert (org, [sugg]) in found, found


@pytest.mark.parametrize("body,org", QUIET)
def test_quiet(body, org):
    assert org_findings(body, org, "ru") == []
