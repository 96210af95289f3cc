"""Products whose items are the clause's subject before a verb's "each", and products whose total is stated
with the items a sentence earlier (issue 10), in phrasings written for these tests. Each wrong text has a
corrected twin that must stay quiet."""
from __future__ import annotations

import pytest
from checkutil import loud_figures, assert_flagged_twin_quiet, EU_EN, EU_RU

CASES = [
    # the items counted before "each" + verb, several words away
    ("en", EU_EN + "Twelve mountain clinics in Naryn oblast will each obtain a EUR 9,000 solar kit, EUR 118,000 in total.",
     EU_EN + "Twelve mountain clinics in Naryn oblast will each obtain a EUR 9,000 solar kit, EUR 108,000 in total.",
     "EUR 118,000"),
    ("en", EU_EN + "The centre ran four summer camps, each hosting 30 teenagers from border villages. Altogether, 110 teenagers took part.",
     EU_EN + "The centre ran four summer camps, each hosting 30 teenagers from border villages. Altogether, 120 teenagers took part.",
     "110 teenagers"),
    # the total stated with the items a sentence earlier
    ("en", EU_EN + "The project hands out 90 goats to 30 widows in Khatlon. Each widow receives two goats and feed for a year.",
     EU_EN + "The project hands out 60 goats to 30 widows in Khatlon. Each widow receives two goats and feed for a year.",
     "90 goats"),
    ("ru", EU_RU + "Проект передаст 250 саженцев 25 фермерам. Каждый фермер получит по 12 саженцев.",
     EU_RU + "Проект передаст 300 саженцев 25 фермерам. Каждый фермер получит по 12 саженцев.",
     "250 саженцев"),
    # an amount for one item («одного …»), the items counted in the next sentence with the total
    ("ru", EU_RU + "Стоимость одной теплицы — 3 500 евро. Построено 12 теплиц на общую сумму 40 000 евро.",
     EU_RU + "Стоимость одной теплицы — 3 500 евро. Построено 12 теплиц на общую сумму 42 000 евро.",
     "40 000 евро"),
    # the per-item amount first, the items counted in the next sentence
    ("en", EU_EN + "Each voucher is worth EUR 800. Fifty vouchers were issued, a total of EUR 45,000.",
     EU_EN + "Each voucher is worth EUR 800. Fifty vouchers were issued, a total of EUR 40,000.",
     "EUR 45,000"),
    # «4 улья»: the noun after two-four is the counted noun, not a place name
    ("ru", EU_RU + "В рамках проекта 30 пасечников получат 100 ульев. Каждый пасечник получит по три улья.",
     EU_RU + "В рамках проекта 30 пасечников получат 90 ульев. Каждый пасечник получит по три улья.",
     "100 ульев"),
]

QUIET = [
    # money before the items may pay for more than the per-item figure: not read as their product
    ("en", EU_EN + "The EU has allocated EUR 500,000 for 20 schools. Each school will receive EUR 20,000 for equipment."),
    # "each" + verb with another figure between the count and "each": not the items
    ("en", EU_EN + "Five districts received EUR 40,000, and the hubs will each get EUR 3,000 from the city."),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_product_flagged_and_twin_quiet(lang, wrong, right, span):
    assert_flagged_twin_quiet("figures.product", lang, wrong, right, span)


@pytest.mark.parametrize("lang,text", QUIET)
def test_product_quiet(lang, text):
    assert loud_figures(lang, text) == []
