"""Groups of a count and money parts read in stop 28 (branch gp28; docs/figures.md, "Stop 28"). Phrasings
written for these tests (not from the blind sets); each wrong text has a corrected twin that stays quiet.
A case is (lang, text with {}, the wrong figure, the right one): the wrong text is flagged at the wrong
figure (or, where the test says so, at another figure of the relation), the corrected text is quiet."""
from __future__ import annotations

import pytest

from checkutil import lint_str, loud_figures


def _spans(lang, text):
    doc, fs = lint_str(text, lang)
    return [doc.span_text(f.offset, f.end) for f in fs if f.category == "figures" and f.severity in ("error", "warning")]


def _flagged(lang, wrong_text, right_text, at=None):
    spans = _spans(lang, wrong_text)
    assert spans, "the wrong text is not flagged"
    if at is not None:
        assert any(at in s or s in at for s in spans), spans
    assert loud_figures(lang, right_text) == []


# amounts in words after a scale word take the sentence's currency
WORDS = [
    ("en", "The flood protection programme costs three million euros, of which two and a half million comes from the "
           "European Union and {} from the Ministry of Emergency Situations.", "seven hundred thousand", "five hundred thousand"),
    ("ru", "Программа защиты от паводков обойдётся в 2,5 млн евро, из которых два миллиона выделяет "
           "Европейский союз, а {} – министерство по чрезвычайным ситуациям.", "семьсот тысяч", "пятьсот тысяч"),
]


@pytest.mark.parametrize("lang,text,wrong,right", WORDS)
def test_amounts_in_words_without_currency(lang, text, wrong, right):
    _flagged(lang, text.format(wrong), text.format(right))


def test_in_kind_contribution_is_a_part():
    text = ("The European Union is contributing €900,000. UNICEF adds €250,000, and the district khokimiyat "
            "provides classrooms and heating worth €50,000 in kind. Altogether the school meals initiative is worth {}.")
    _flagged("en", text.format("€1.1 million"), text.format("€1.2 million"), at="€1.1 million")


def test_contributor_after_provided_by_the():
    text = ("Naryn – EUR 3 million will be invested in rural roads. EUR 2.4 million is provided by the European Union "
            "and {} by the Swiss Agency for Development and Cooperation.")
    _flagged("en", text.format("EUR 800,000"), text.format("EUR 600,000"))


# an enumeration set off by dashes or brackets right after its whole, closed by "and", is all of it
APPOSED = [
    ("en", "Talas, 4 May 2026 – Twenty-six health facilities in Talas region – 18 rural clinics and {} maternity "
           "units – will get solar panels under the EU-funded project.", "6", "8"),
    ("ru", "Талас, 4 мая 2026 года. Солнечные панели получат 26 медицинских учреждений "
           "(18 сельских больниц и {} родильных отделений) в Таласской области. Проект финансирует Европейский союз.", "6", "8"),
]


@pytest.mark.parametrize("lang,text,wrong,right", APPOSED)
def test_apposed_enumeration_is_complete(lang, text, wrong, right):
    _flagged(lang, text.format(wrong), text.format(right))


def test_of_the_whole_opening_a_quote():
    text = ("\"Of the 80 graduates, 50 are social workers and {} are psychologists,\" said the head of the "
            "EU-funded training centre.")
    _flagged("en", text.format("40"), text.format("30"))


def test_places_counted_by_place():
    text = ("The EU-funded programme connects 45 villages to the grid: 20 in Kochkor district, 15 in At-Bashy "
            "and {} in Jumgal.")
    _flagged("en", text.format("14"), text.format("10"))


def test_russian_count_after_an_adjective_that_begins_like_a_unit():
    text = ("Каракол. Тренинги, финансируемые ЕС, прошли 90 местных депутатов. Их посетили 50 женщин и {} мужчин.")
    _flagged("ru", text.format("30"), text.format("40"))


def test_digit_swap_is_blamed():
    # 960 000 written as 690 000: the total, not the EU's part larger than it
    text = ("Стоимость проекта по ремонту школ – {}. Европейский союз выделяет 870 000 евро, "
            "ЮНИСЕФ – ещё 90 000 евро.")
    spans = _spans("ru", text.format("690 000 евро"))
    assert spans and "690 000 евро" in spans[0], spans
    assert loud_figures("ru", text.format("960 000 евро")) == []


def test_round_eu_share_decides_the_slip():
    # the EU's 1.8 million is 90 % of the 2 million the parts make, and 78 % of the 2.3 million stated: the total
    # is the slip, not the partner's 200,000
    text = ("The project has a total budget of {}. The European Union provides EUR 1.8 million "
            "and the Aga Khan Foundation EUR 200,000.")
    spans = _spans("en", text.format("EUR 2.3 million"))
    assert spans and "EUR 2.3 million" in spans[0], spans
    assert loud_figures("en", text.format("EUR 2 million")) == []


def test_eu_and_one_contributor_short_of_the_total():
    text = ("Osh – The new irrigation canal costs EUR 4 million. The European Union is investing EUR 3.2 million, "
            "and the Asian Development Bank {}.")
    _flagged("en", text.format("EUR 600,000"), text.format("EUR 800,000"))


def test_eu_and_one_contributor_among_others_stay_at_most():
    text = ("Osh – The new irrigation canal costs EUR 4 million. The European Union is investing EUR 3.2 million, "
            "and the Asian Development Bank EUR 600,000, among other donors.")
    assert loud_figures("en", text) == []


def test_project_cost_before_a_compound_noun():
    from app.facts.model import facts

    text = ("Khorog – The EUR 5 million drinking water project for Khorog town, co-funded by the European Union with EUR 4 million "
            "and by the Aga Khan Foundation with {}, was launched today.")
    doc, _ = lint_str(text.format("EUR 1.5 million"), "en")
    first = facts(doc).of_kind("money")[0]
    assert (first.text, first.role) == ("EUR 5 million", "total")
    _flagged("en", text.format("EUR 1.5 million"), text.format("EUR 1 million"))


def test_total_cue_before_the_next_amount():
    text = ("Проект финансируется за счёт гранта Европейского союза в 1 350 000 евро и вклада ГИЗ в 150 000 евро "
            "— всего {}.")
    _flagged("ru", text.format("1 450 000 евро"), text.format("1 500 000 евро"), at="1 450 000 евро")


def test_unnamed_whole_before_the_contributors():
    text = ("Нарын, 3 июня 2026 года. На строительство новой школы направлено {}. Европейский союз предоставил "
            "грант в €1,6 млн, Азиатский банк развития — кредит в €300 тыс., мэрия Нарына — €200 тыс.")
    _flagged("ru", text.format("€2 млн"), text.format("€2,1 млн"), at="€2 млн")


def test_of_them_then_more_groups():
    text = ("The EU-funded project will insulate 600 homes. 350 of them are in Naryn and {} in Kochkor.")
    _flagged("en", text.format("200"), text.format("250"))


def test_elliptic_breakdown_in_the_next_sentence():
    text = ("The fund supported 60 start-ups this year. Thirty-two were in agriculture, eighteen in tourism and "
            "{} in crafts. The fund is financed by the European Union.")
    _flagged("en", text.format("fourteen"), text.format("ten"))


def test_some_count_over_an_exact_breakdown():
    text = "Около 120 волонтёров, в том числе {} женщин и 40 мужчин, помогали на выборах при поддержке ЕС."
    _flagged("ru", text.format("70"), text.format("80"))


RESPECTIVELY = [
    ("en", "Under the EU project, 90 teachers from Osh, Uzgen and Kara-Suu were trained: 40, 30 and {} respectively.",
     "30", "20"),
    ("ru", "По проекту ЕС обучение прошли 90 учителей из Оша, Узгена и Кара-Суу – соответственно 40, 30 и {} человек.",
     "30", "20"),
]


@pytest.mark.parametrize("lang,text,wrong,right", RESPECTIVELY)
def test_respectively_list(lang, text, wrong, right):
    _flagged(lang, text.format(wrong), text.format(right))


def test_headline_count_over_a_body_list():
    text = ("EU brings solar heating to 400 homes in Naryn\n\nNaryn, 12 March 2026 – Under the EU-funded project, "
            "solar collectors will be fitted on 260 homes in Kochkor district and {} in At-Bashy district this summer.")
    _flagged("en", text.format("160"), text.format("140"))


def test_headline_count_with_the_noun_counted_again_elsewhere_is_left_alone():
    text = ("EU brings solar heating to 400 homes in Naryn\n\nNaryn, 12 March 2026 – Solar collectors will be fitted "
            "on 260 homes in Kochkor district and 160 in At-Bashy district. Another 30 homes in Jumgal will be insulated.")
    assert [s for s in _spans("en", text) if "160" in s or "400" in s] == []


def test_pair_opening_the_clause_after_the_whole():
    text = "The EU-funded legal clinic advised 240 clients in Osh last year; there were 150 women and {} men among them."
    _flagged("en", text.format("110"), text.format("90"))


def test_pair_of_a_clause_with_its_own_verb_is_left_alone():
    text = "The EU-funded legal clinic in Khorog employs 90 volunteers; it advised 58 women and 37 men."
    assert _spans("en", text) == []
