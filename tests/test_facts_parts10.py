"""Parts, groups, products and "the remaining" read in stop 27 (branch fig-parts10; docs/figures.md,
"Stop 27 (parts)"). Phrasings written for these tests (not from the blind sets); each wrong text has a
corrected twin that stays quiet."""
from __future__ import annotations

import pytest

from checkutil import lint_str, loud_figures


def _figs(lang, text):
    doc, fs = lint_str(text, lang)
    return [(doc.span_text(f.offset, f.end), list(f.suggestions)) for f in fs
            if f.category == "figures" and f.severity in ("error", "warning")]


# percentages that split one whole: "the remaining" share is 100 minus the others
PERCENT_REST = [
    ("ru", "Бишкек, 3 марта 2026 года. Средства гранта распределены следующим образом: 48 % пойдут на закупку "
           "оборудования, 31 % — на ремонт помещений, а оставшиеся {} — на обучение персонала. Грант "
           "предоставлен Европейским союзом.", "25 %", "21 %"),
    ("en", "ASTANA – The European Union finances 65 per cent of the new shelter and the city akimat 20 per cent. "
           "The remaining {} comes from local businesses.", "20 per cent", "15 per cent"),
]


@pytest.mark.parametrize("lang,text,wrong,right", PERCENT_REST)
def test_remaining_percentage(lang, text, wrong, right):
    assert _figs(lang, text.format(wrong)) == [(wrong, [right])]
    assert loud_figures(lang, text.format(right)) == []


# an elliptic list of shares of one whole named after the first: at most 100 %
SHARE_LIST = [
    ("en", "\"The cooperative paid 30 per cent of the costs, the European Union {} and the district council "
           "15 per cent,\" said its chairwoman at the opening of the cold store in Jalal-Abad.", "60 per cent", "55 per cent"),
    ("ru", "Душанбе, 12 мая 2026 года. Общество водопользователей внесло 25 % стоимости, Европейский союз — {}, "
           "а хукумат района — 10 %.", "70 %", "65 %"),
]


@pytest.mark.parametrize("lang,text,wrong,right", SHARE_LIST)
def test_share_list_over_hundred(lang, text, wrong, right):
    got = _figs(lang, text.format(wrong))
    assert len(got) == 1 and got[0][1] == [], got  # nothing decides which share is wrong: no suggestion
    assert loud_figures(lang, text.format(right)) == []


def test_shares_of_different_wholes_stay_quiet():
    # each share has a whole of its own: no list of one whole
    text = ("Women made up 60 per cent of the participants, and 55 per cent of the graduates found work "
            "within a year, according to the project funded by the European Union.")
    assert loud_figures("en", text) == []


# hours are a quantity: a course of N modules of M hours each
HOURS = [
    ("ru", "Алматы, 4 февраля 2026 года. Курс для социальных работников, созданный при поддержке Европейского союза, "
           "состоит из шести модулей по 12 часов, а его общий объем — {}.", "70 часов", "72 часа"),
    ("en", "The EU-funded curriculum for school nurses has five modules of 14 hours each, {} in total.",
     "60 hours", "70 hours"),
]


@pytest.mark.parametrize("lang,text,wrong,right", HOURS)
def test_hours_product(lang, text, wrong, right):
    assert _figs(lang, text.format(wrong)) == [(wrong, [right])]
    assert loud_figures(lang, text.format(right)) == []


def test_hours_are_not_people():
    # a total of people is never the product of hours
    text = ("Бишкек, 5 марта 2026 года. Восемь групп по 6 часов занятий в неделю посетили всего 96 человек; "
            "проект финансирует Европейский союз.")
    assert loud_figures("ru", text) == []


# groups: a count after its adjectives whose noun is also a verb («сел»), one group over its whole after
# «Из них», a labelled group standing before "of the N"
GROUPS = [
    ("ru", "Талас, 2 апреля 2026 года. Ветеринарные бригады, созданные при поддержке Европейского союза, обслужили "
           "{} горных сел. В их числе 11 сел Таласского района и восемь — Бакай-Атинского.", "17", "19"),
    ("en", "Women account for 35 of the {} young farmers who joined the EU-funded course in Naryn, and men for 40.",
     "80", "75"),
    ("ru", "Женщины составили 35 из {} фермеров, прошедших обучение при поддержке Европейского союза, а мужчины — 40.",
     "80", "75"),
]


@pytest.mark.parametrize("lang,text,wrong,right", GROUPS)
def test_groups_read(lang, text, wrong, right):
    got = _figs(lang, text.format(wrong))
    assert len(got) == 1, got
    assert loud_figures(lang, text.format(right)) == []


def test_one_group_larger_than_its_whole():
    text = ("Хорог, 6 мая 2026 года. В летнюю школу, организованную при поддержке Европейского союза, записались "
            "140 школьников. Из них {} — девочки.")
    got = _figs("ru", text.format("780"))
    assert [t for t, _ in got] == ["780 — девочки"], got
    assert loud_figures("ru", text.format("78")) == []


# items counted with a duration adjective and a total of days or weeks
DAY_PRODUCTS = [
    ("ru", "Кызылорда, 11 марта 2026 года. При поддержке Европейского союза для фельдшеров проведены пять "
           "двухдневных семинаров, всего {}.", "12 учебных дней", "10 учебных дней"),
    ("ru", "Проект, финансируемый Европейским союзом, организовал три двухнедельных летних лагеря — в общей "
           "сложности {}.", "8 недель", "6 недель"),
    ("en", "With EU funding, the clinic ran four three-day courses for midwives, {} in total.",
     "14 training days", "12 training days"),
]


@pytest.mark.parametrize("lang,text,wrong,right", DAY_PRODUCTS)
def test_duration_adjective_product(lang, text, wrong, right):
    got = _figs(lang, text.format(wrong))
    assert len(got) == 1 and got[0][0] in wrong and got[0][1] and got[0][1][0].split()[0] == right.split()[0], got
    assert loud_figures(lang, text.format(right)) == []


# a yearly amount times the years it is paid for
YEARLY = [
    ("en", "The European Union will give the shelter an annual grant of EUR 35,000 for four years, {} in total.",
     "EUR 150,000", "EUR 140,000"),
    ("ru", "Кризисный центр получит ежегодную субсидию в размере 35 000 евро в течение четырех лет, всего {}; "
           "средства выделяет Европейский союз.", "150 000 евро", "140 000 евро"),
]


@pytest.mark.parametrize("lang,text,wrong,right", YEARLY)
def test_yearly_amount_times_years(lang, text, wrong, right):
    assert _figs(lang, text.format(wrong)) == [(wrong, [right])]
    assert loud_figures(lang, text.format(right)) == []


def test_yearly_amount_and_the_project_budget_stay_quiet():
    # the project's budget is no product of the yearly amount
    text = ("The European Union provides EUR 50,000 a year for three years to the shelter; the project's budget is "
            "EUR 400,000 in total.")
    assert loud_figures("en", text) == []


# a pair counted by its own nouns, and its whole named in the next sentence with "in total"
PAIR_THEN_TOTAL = [
    ("en", "The EU-funded legal clinic in Khorog advised 58 women and 37 men this spring. In total, {} clients "
           "received free consultations.", "105", "95"),
    ("ru", "Весной юридическая клиника в Хороге, работающая при поддержке Европейского союза, проконсультировала "
           "58 женщин и 37 мужчин. Всего бесплатную помощь получили {} клиентов.", "105", "95"),
]


@pytest.mark.parametrize("lang,text,wrong,right", PAIR_THEN_TOTAL)
def test_pair_then_total(lang, text, wrong, right):
    got = _figs(lang, text.format(wrong))
    assert len(got) == 1 and got[0][0].startswith(wrong) and got[0][1] and got[0][1][0].startswith(right), got
    assert loud_figures(lang, text.format(right)) == []


def test_pair_after_a_count_of_others_stays_quiet():
    # the count before the pair is of other things (staff): no whole of the pair
    text = ("The EU-funded legal clinic in Khorog employs 90 volunteers. This spring it advised 58 women and 37 men.")
    assert loud_figures("en", text) == []


# funders named with amounts in brackets after the EU's: all of the budget stated in another paragraph
FUNDERS = [
    ("en", "The water safety programme is financed by the European Union (EUR 1,200,000), the Austrian "
           "Development Agency (EUR 300,000) and the Aga Khan Foundation (EUR 150,000).\n\n"
           "About the programme: total budget EUR {}; duration 2026–2028.", "1,600,000", "1,650,000"),
    ("ru", "Программу финансируют Европейский союз (EUR 800 000), Фонд Ага Хана (EUR 150 000) и хукумат "
           "области (EUR 50 000).\n\nО программе: общий бюджет EUR {}, срок — 2026–2028 годы.", "950 000", "1 000 000"),
]


@pytest.mark.parametrize("lang,text,wrong,right", FUNDERS)
def test_bracketed_funders_and_the_budget(lang, text, wrong, right):
    got = _figs(lang, text.format(wrong))
    assert got == [("EUR " + wrong, ["EUR " + right])], got
    assert loud_figures(lang, text.format(right)) == []


def test_funders_among_others_stay_at_most():
    # "among others": the list is not all of the budget, a larger total is fine
    text = ("The water safety programme is financed by the European Union (EUR 1,200,000), the Austrian "
            "Development Agency (EUR 300,000) and other donors.\n\nAbout the programme: total budget EUR 1,800,000.")
    assert loud_figures("en", text) == []


# "Each of them" points at the one count of the sentence before
EACH_OF_THEM = [
    ("en", "Twenty-four rural libraries in Sughd have joined the EU-funded reading programme. Each of them will "
           "receive books worth EUR 2,500, bringing the programme's book fund to a total of {}.",
     "EUR 70,000", "EUR 60,000"),
    ("ru", "Двадцать четыре сельские библиотеки Согдийской области вошли в программу, финансируемую Европейским "
           "союзом. Каждая из них получит книги на 2 500 евро, в общей сложности на {}.", "70 000 евро", "60 000 евро"),
]


@pytest.mark.parametrize("lang,text,wrong,right", EACH_OF_THEM)
def test_each_of_them(lang, text, wrong, right):
    assert _figs(lang, text.format(wrong)) == [(wrong, [right])]
    assert loud_figures(lang, text.format(right)) == []


def test_each_of_whom_points_in_its_own_sentence():
    text = ("Работы вели 30 волонтёров и 10 сотрудников лесхоза — всего 40 человек, каждый из которых высадил по "
            "50 саженцев. Посадку поддержал Европейский союз.\nВсего высажено две тысячи саженцев.")
    assert loud_figures("ru", text) == []
