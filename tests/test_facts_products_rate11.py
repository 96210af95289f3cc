"""Products of a per-unit figure (issue 10), in phrasings written for these tests: a rate "over" a
duration, a total for "these purposes" in the next sentence, "each of the N …" far from its amount, amounts
per measured unit (hectares, kilometres) and measured totals (kW, m³). Each wrong text has a corrected twin
that must stay quiet."""
from __future__ import annotations

import pytest
from checkutil import loud_figures, assert_flagged_twin_quiet, EU_EN, EU_RU

CASES = [
    # a rate "over" a duration: during it, not more than it
    ("en", EU_EN + "The shelter gets EUR 4,000 a month over 12 months, or EUR 50,000 in all, for its staff.",
     EU_EN + "The shelter gets EUR 4,000 a month over 12 months, or EUR 48,000 in all, for its staff.",
     "EUR 50,000"),
    # the total in the next sentence, opened by words pointing back to what the items are paid for
    ("ru", EU_RU + "Пособие в 500 тыс. сумов на каждую семью получат 1 200 семей. На эти цели выделено 640 млн сумов.",
     EU_RU + "Пособие в 500 тыс. сумов на каждую семью получат 1 200 семей. На эти цели выделено 600 млн сумов.",
     "640 млн сумов"),
    ("en", EU_EN + "Forty cooperatives will receive EUR 2,500 each. For this purpose, EUR 110,000 has been set aside.",
     EU_EN + "Forty cooperatives will receive EUR 2,500 each. For this purpose, EUR 100,000 has been set aside.",
     "EUR 110,000"),
    # "each of the N …" with a long subject before the per-item amount, the total after a dash
    ("en", EU_EN + "Each of the 15 village clinics chosen by the health ministry for the pilot in the southern districts "
     "will get EUR 6,000 for solar water heaters – EUR 95,000 in total.",
     EU_EN + "Each of the 15 village clinics chosen by the health ministry for the pilot in the southern districts "
     "will get EUR 6,000 for solar water heaters – EUR 90,000 in total.",
     "EUR 95,000"),
    ("ru", EU_RU + "Каждая из 15 сельских амбулаторий Баткенской области в рамках нового пилотного проекта министерства "
     "здравоохранения республики получит в этом году 6 000 евро на водонагреватели — всего 95 000 евро.",
     EU_RU + "Каждая из 15 сельских амбулаторий Баткенской области в рамках нового пилотного проекта министерства "
     "здравоохранения республики получит в этом году 6 000 евро на водонагреватели — всего 90 000 евро.",
     "95 000 евро"),
    # an amount per measured unit, the units and their amount in the next sentence
    ("en", EU_EN + "Growers who plant windbreaks get EUR 800 per hectare. With 250 hectares signed up in Osh region, the scheme "
     "pays out EUR 220,000.",
     EU_EN + "Growers who plant windbreaks get EUR 800 per hectare. With 250 hectares signed up in Osh region, the scheme "
     "pays out EUR 200,000.",
     "EUR 220,000"),
    ("ru", EU_RU + "Ремонт дороги обходится в 90 000 евро за каждый километр. Подрядчик отремонтирует 14 км и получит 1 400 000 евро.",
     EU_RU + "Ремонт дороги обходится в 90 000 евро за каждый километр. Подрядчик отремонтирует 14 км и получит 1 260 000 евро.",
     "1 400 000 евро"),
    # a measured quantity per item (kW, m³) and the measured total
    ("ru", EU_RU + "В семи больницах смонтируют котлы мощностью 40 кВт каждый, их суммарная мощность составит 300 кВт.",
     EU_RU + "В семи больницах смонтируют котлы мощностью 40 кВт каждый, их суммарная мощность составит 280 кВт.",
     "300 кВт"),
    ("en", EU_EN + "Eight villages get water tanks of 25 m³ each, a total storage of 210 m³.",
     EU_EN + "Eight villages get water tanks of 25 m³ each, a total storage of 200 m³.",
     "210 m³"),
    # hours per module, the modules counted before, the whole course's hours in the next sentence
    ("ru", EU_RU + "Для медсестёр подготовлено 6 модулей. Каждый модуль рассчитан на 10 часов. Весь курс займёт 50 часов.",
     EU_RU + "Для медсестёр подготовлено 6 модулей. Каждый модуль рассчитан на 10 часов. Весь курс займёт 60 часов.",
     "50 часов"),
    ("en", EU_EN + "The school designed 7 modules for nurses. Each module takes 6 hours. The full course runs 40 hours.",
     EU_EN + "The school designed 7 modules for nurses. Each module takes 6 hours. The full course runs 42 hours.",
     "40 hours"),
]

QUIET = [
    # the next sentence's amount is a budget (a contributor's or the whole's role), not what the hectares get
    ("en", EU_EN + "Growers who plant windbreaks get EUR 800 per hectare. With 250 hectares signed up, the total budget "
     "is EUR 900,000."),
    # the next sentence's amount pays for something else: no words pointing back
    ("en", EU_EN + "Forty cooperatives will receive EUR 2,500 each. The ministry adds EUR 110,000 for roads."),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_product_flagged_and_twin_quiet(lang, wrong, right, span):
    assert_flagged_twin_quiet("figures.product", lang, wrong, right, span)


@pytest.mark.parametrize("lang,text", QUIET)
def test_product_quiet(lang, text):
    assert loud_figures(lang, text) == []


def test_unit_sign_kept_in_suggestion():
    """The corrected measured total keeps its unit sign as written («кВт», not «квт»)."""
    from app.engine.linter import lint_text

    text = EU_RU + "В семи больницах смонтируют котлы мощностью 40 кВт каждый, их суммарная мощность составит 300 кВт."
    r = lint_text(text, "ru", select=["figures"])
    sugg = [s for f in r.findings if f.rule == "figures.product" for s in f.suggestions]
    assert sugg and sugg[0] in ("280\u00a0кВт", "280 кВт"), sugg


def test_rate_per_head_is_the_rate_product():
    """A per-head amount that is also a rate over a duration: its total is the rate times the duration (the
    suggestion), not times the people counted before."""
    from app.engine.linter import lint_text

    text = EU_EN + "Thirty young people from remote villages joined the course. Each trainee gets EUR 300 per month for 10 months, " \
        "or EUR 3,500 over the whole course."
    r = lint_text(text, "en", select=["figures"])
    sugg = [s for f in r.findings if f.rule == "figures.product" for s in f.suggestions]
    assert sugg and sugg[0] == "EUR 3,000", sugg
    right = text.replace("EUR 3,500", "EUR 3,000")
    assert loud_figures("en", right) == []
