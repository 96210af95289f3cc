"""The money relations of the facts model (shares, parts of a whole, "the remaining", tables) read
from the structure of a release, in phrasings written for these tests (not taken from the blind
evaluation sets). Each wrong text names the figure that must be flagged; its corrected twin must
stay quiet."""
from __future__ import annotations

from checkutil import loud_figures

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


_loud = loud_figures


def _check(lang: str, text: str, flagged) -> None:
    """flagged: the figure that must be flagged, a tuple of figures any of which may be (a relation where
    nothing but the wording decides which one is wrong), or None for a text that must stay quiet."""
    found = _loud(lang, text)
    if flagged is None:
        assert found == [], found
    else:
        options = flagged if isinstance(flagged, tuple) else (flagged,)
        assert any(o in t or t in o for _, t in found for o in options), found


# (lang, text, the figure flagged or None for a text that must stay quiet)
MONEY = [
    # a contributor named after a bracketed share belongs to the amount before the bracket
    ('en', 'The European Union funds the project. Its cost is EUR 600,000, with EUR 540,000 (90%) from the EU and EUR 80,000 from the city council.', 'EUR 80,000'),
    ('en', 'The European Union funds the project. Its cost is EUR 600,000, with EUR 540,000 (90%) from the EU and EUR 60,000 from the city council.', None),
    ('ru', 'Стоимость работ – 1,6 млн евро. Из этой суммы 1,44 млн евро (90 %) предоставляет Европейский союз, остальную часть, 180 000 евро, вносит акимат.', '180 000 евро'),
    ('ru', 'Стоимость работ – 1,6 млн евро. Из этой суммы 1,44 млн евро (90 %) предоставляет Европейский союз, остальную часть, 160 000 евро, вносит акимат.', None),
    # "the remaining" is the whole minus every amount stated before it, whatever their role
    ('en', 'The European Union finances the scheme in full. Its budget is EUR 900,000. Seed grants take EUR 350,000, and the remaining EUR 500,000 pays for coaching and audits.', 'EUR 500,000'),
    ('en', 'The European Union finances the scheme in full. Its budget is EUR 900,000. Seed grants take EUR 350,000, and the remaining EUR 550,000 pays for coaching and audits.', None),
    ('ru', 'Европейский союз полностью финансирует программу. Её бюджет – 800 000 евро. На закупку оборудования уйдет 500 000 евро, а оставшиеся 200 000 евро – на обучение персонала.', '200 000 евро'),
    ('ru', 'Европейский союз полностью финансирует программу. Её бюджет – 800 000 евро. На закупку оборудования уйдет 500 000 евро, а оставшиеся 300 000 евро – на обучение персонала.', None),
    # the EU's part restated next to "the remaining" is the one it is the rest of
    ('ru', 'ЕС выделяет 1,9 млн евро на школы\nАЛМАТЫ, 2 февраля 2026 года – Стоимость проекта – 2 млн евро. Доля ЕС – 1,8 млн евро; остальные 200 тыс. евро вносит министерство.', '1,9 млн евро'),
    # the verb and the contributor right after an amount are that amount's («X предоставляет ЕС, Y – …»)
    ('ru', 'Бюджет инициативы – 2 млн евро. На нее 1,7 млн евро предоставляет ЕС, 300 тыс. евро – ассоциация «Ак Жол». Таким образом, ЕС покрывает 85 % бюджета.', None),
    ('ru', 'Бюджет инициативы – 2 млн евро. На нее 1,7 млн евро предоставляет ЕС, 300 тыс. евро – ассоциация «Ак Жол». Таким образом, ЕС покрывает 80 % бюджета.', '80 %'),
    # a round's or a contest's fund is a part of the budget, not a contributor's share of it
    ('ru', 'Европейский союз финансирует проект. Бюджет проекта – 900 000 евро: 720 000 евро выделяет ЕС, 180 000 евро – ассоциация «Ак Жол». Фонд малых грантов второго раунда – 150 000 евро.', None),
    # the budget named right after a share ("of its budget of EUR X", «её бюджета в X») is its whole
    ('ru', 'Европейский союз финансирует проект. ЕС выделяет на программу 1,8 млн евро – 80 % ее бюджета в 2 млн евро.', '80 %'),
    ('ru', 'Европейский союз финансирует проект. ЕС выделяет на программу 1,8 млн евро – 90 % ее бюджета в 2 млн евро.', None),
    ('en', 'The European Union funds the scheme. The EU provides EUR 1.8 million, 80 per cent of its budget of EUR 2 million.', '80 per cent'),
    ('en', 'The European Union funds the scheme. The EU provides EUR 1.8 million, 90 per cent of its budget of EUR 2 million.', None),
    # an amount in millions with one decimal stands for itself (within 0.5 %), not for a 4 % wide range
    ('en', 'The European Union funds the clinic. The works cost EUR 2.4 million; the EU pays EUR 1.8 million (70%) and the city the rest.', '70%'),
    ('en', 'The European Union funds the clinic. The works cost EUR 2.4 million; the EU pays EUR 1.8 million (75%) and the city the rest.', None),
    ('ru', 'Европейский союз финансирует проект. Его стоимость – 4,5 млн евро, из них 4,05 млн евро (88 %) выделяет ЕС.', '88 %'),
    ('ru', 'Европейский союз финансирует проект. Его стоимость – 4,5 млн евро, из них 4,05 млн евро (90 %) выделяет ЕС.', None),
    ('ru', 'Европейский союз финансирует проект. Его стоимость – 1,35 млн евро, из них 1,2 млн евро (89 %) выделяет ЕС.', None),
    # a cost stated as a share of a budget named after the share
    ('ru', 'Европейский союз финансирует программу. Стоимость переданных машин – 600 000 евро, что составляет 25 % бюджета регионального компонента, который равен 3 млн евро.', '25 %'),
    ('ru', 'Европейский союз финансирует программу. Стоимость переданных машин – 600 000 евро, что составляет 20 % бюджета регионального компонента, который равен 3 млн евро.', None),
    # a word of the project's name ("Stronger Together") is no cue that an amount is several projects' aggregate
    ('en', 'The European Union and UNDP launched "Stronger Together", a EUR 2 million project. The EU provides EUR 1.5 million and UNDP contributes EUR 700,000.', ('EUR 700,000', 'EUR 2 million')),  # stop 26: the rounded total
    ('en', 'The European Union and UNDP launched "Stronger Together", a EUR 2 million project. The EU provides EUR 1.5 million and UNDP contributes EUR 500,000.', None),
    # a contribution verb before an amount makes its contributor (named in no list) a part of the budget
    ('ru', 'Бюджет проекта – 900 000 евро. Европейский союз финансирует 850 000 евро, городская больница вносит 100 000 евро в натуральной форме.', ('850 000 евро', '900 000 евро')),  # stop 26: the rounded total
    ('ru', 'Бюджет проекта – 900 000 евро. Европейский союз финансирует 800 000 евро, городская больница вносит 100 000 евро в натуральной форме.', None),
    ('en', 'The project costs EUR 900,000. The European Union funds EUR 850,000, and the district hospital contributes EUR 100,000 in kind.', ('EUR 850,000', 'EUR 900,000')),
    ('en', 'The project costs EUR 900,000. The European Union funds EUR 800,000, and the district hospital contributes EUR 100,000 in kind.', None),
    # "€ 4 m", "EUR 1.35 m" with a space: millions after a currency (a bare "5 m" stays metres)
    ('en', 'The European Union funds the dam repair. Of the € 3 m budget, the EU provides € 2.5 m and the remaining € 0.7 m comes from the district.', '€ 0.7 m'),
    ('en', 'The European Union funds the dam repair. Of the € 3 m budget, the EU provides € 2.5 m and the remaining € 0.5 m comes from the district.', None),
    ('en', 'The European Union funds the dam repair. The EU provides EUR 2 million. The new canal is 5 m wide.', None),
    # fractions as shares of the whole named after them
    ('en', 'The European Union funds the project. The budget is EUR 900,000; the EU provides EUR 700,000, i.e. two thirds of the budget.', 'two thirds'),
    ('en', 'The European Union funds the project. The budget is EUR 900,000; the EU provides EUR 600,000, i.e. two thirds of the budget.', None),
    ('ru', 'Европейский союз финансирует проект. Бюджет – 800 000 евро, из них 500 000 евро, то есть половину бюджета, выделяет ЕС.', 'половину'),
    ('ru', 'Европейский союз финансирует проект. Бюджет – 800 000 евро, из них 400 000 евро, то есть половину бюджета, выделяет ЕС.', None),
    ('en', 'The European Union funds the project in the second half of 2026 with EUR 400,000.', None),
    # "three quarters of the EUR 2 million cost": the amount after "of" is the share's whole, its part the EU's amount
    ('en', 'The European Union funds the project. The EU grant is EUR 1.2 million. The EU covers three quarters of the EUR 2 million cost.', 'three quarters'),
    ('en', 'The European Union funds the project. The EU grant is EUR 1.5 million. The EU covers three quarters of the EUR 2 million cost.', None),
]


@pytest.mark.parametrize("lang,text,flagged", MONEY, ids=[f"{'wrong' if f else 'right'}-{i}" for i, (_, _, f) in enumerate(MONEY)])
def test_money_relations(lang, text, flagged):
    _check(lang, text, flagged)


def _docx_loud(paragraphs_before: list[str], rows: list[tuple], paragraphs_after: list[str] = ()) -> list[tuple[str, str]]:
    import io

    import docx

    d = docx.Document()
    for p in paragraphs_before:
        d.add_paragraph(p)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for p in paragraphs_after:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "draft.docx")
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
            if f.category == "figures" and f.severity in ("error", "warning")]


@pytest.mark.parametrize("body,wrong", [("EUR 6 million", True), ("EUR 5.5 million", False), ("EUR 5,500,000", False)])
def test_body_restating_a_table_total_rounds_within_five_per_cent(body, wrong):
    """A table in «EUR m» with its total row 5.5: the body's "EUR 6 million" is no rounding of it."""
    found = _docx_loud([f"OSH, 4 March 2026 – The European Union and the city will insulate 30 schools, a programme with a total budget of {body}."],
                       [("Source", "EUR m", "%"), ("EU grant", "5.0", "91%"), ("City of Osh", "0.5", "9%"), ("Total", "5.5", "100%")])
    assert bool(found) == wrong, found
    if wrong:
        assert any(t == body for _, t in found), found


def test_budget_table_and_body_remaining_are_not_summed_twice():
    """A body that says «Оставшиеся 400 000 евро вносит …» and a budget table that has the same money in its
    co-financing row: one part of the total, not two (a DOCX built with python-docx)."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("Алматы, 4 марта 2026 г. – Европейский союз выделяет на проект 1,6 млн евро – 80 % его бюджета. "
                    "Оставшиеся 400 000 евро вносит областной акимат.")
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("Источник", "Сумма, евро", "Доля"), ("Вклад ЕС", "1 600 000", "80 %"),
                             ("Софинансирование (акимат)", "400 000", "20 %"), ("Итого", "2 000 000", "100 %")]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "draft.docx")
    found = [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, context=_CTX).findings
             if f.category == "figures" and f.severity in ("error", "warning")]
    assert found == [], found


# "the remaining N" counts: the parts between the whole and it may be bare numbers (in words or digits) that
# start their clause, follow the whole or say "of them" / «из них»; lengths of one unit too
REMAINING = [
    ('en', 'The European Union funds the project. Twelve rural libraries joined the network. Five of them are in Naryn; the remaining six are in Talas.', 'six'),
    ('en', 'The European Union funds the project. Twelve rural libraries joined the network. Five of them are in Naryn; the remaining seven are in Talas.', None),
    ('en', 'The European Union funds the project. Eighteen MRI units are being installed. Ten were delivered in 2026; the remaining nine will arrive by May.', 'nine'),
    ('en', 'The European Union funds the project. Eighteen MRI units are being installed. Ten were delivered in 2026; the remaining eight will arrive by May.', None),
    ('en', 'The European Union has awarded 30 vouchers to farmers.\nEach voucher is worth EUR 2,000. Eleven of the vouchers went to women; the remaining 21 went to young farmers.', '21'),
    ('en', 'The European Union has awarded 30 vouchers to farmers.\nEach voucher is worth EUR 2,000. Eleven of the vouchers went to women; the remaining 19 went to young farmers.', None),
    ('ru', 'Европейский союз финансирует проект. Проект охватывает 28 поликлиник. Ремонт закончен в 9 из них, в оставшихся 17 поликлиниках он завершится в 2027 году.', '17 поликлиниках'),
    ('ru', 'Европейский союз финансирует проект. Проект охватывает 28 поликлиник. Ремонт закончен в 9 из них, в оставшихся 19 поликлиниках он завершится в 2027 году.', None),
    ('ru', 'Европейский союз финансирует проект. Из 20 автобусов семь уже переданы школам, оставшиеся десять поступят весной.', 'десять'),
    ('ru', 'Европейский союз финансирует проект. Из 20 автобусов семь уже переданы школам, оставшиеся тринадцать поступят весной.', None),
    ('ru', 'Европейский союз финансирует проект. В этом году отремонтируют 35 км дорог из 120 км, оставшиеся 75 км – в 2027 году.', '75 км'),
    ('ru', 'Европейский союз финансирует проект. В этом году отремонтируют 35 км дорог из 120 км, оставшиеся 85 км – в 2027 году.', None),
]


@pytest.mark.parametrize("lang,text,flagged", REMAINING, ids=[f"{'wrong' if (c.values[2] if hasattr(c, 'values') else c[2]) else 'right'}-{i}" for i, c in enumerate(REMAINING)])
def test_remaining_counts(lang, text, flagged):
    _check(lang, text, flagged)


@pytest.mark.parametrize("body,wrong", [("twenty", True), ("sixteen", False)])
def test_key_value_grant_table_is_a_product_and_counts_the_body_noun(body, wrong):
    """«Number of vouchers | 16», «Value per voucher | € 5,000», «Total | € 80,000»: a product (not a sum of a
    count and an amount), and the body's count of vouchers is the table's."""
    found = _docx_loud([f"Osh, 3 February 2027 – The EU-funded \"Green Farms\" project has awarded {body} vouchers to farmers."],
                       [("Number of vouchers", "16"), ("Value per voucher", "€ 5,000"), ("Total value", "€ 80,000")])
    if wrong:
        assert any(t.startswith(body) for _, t in found), found
    else:
        assert found == [], found


def test_row_naming_the_noun_is_no_count_of_it():
    """«Школа для учителей | 120» in a table of participants is no count of schools: «в 40 школах» stays quiet."""
    found = _docx_loud(["ОШ, 4 ноября 2026 года – Проект Европейского Союза подвел итоги года: участие по мероприятиям:"],
                       [("Мероприятие", "Всего"), ("Летняя школа для учителей", "120"), ("Тренинги для журналистов", "80"),
                        ("Итого", "200")],
                       ["Учителя уже провели занятия в 40 школах."])
    assert found == [], found


@pytest.mark.parametrize("body,wrong", [("30 месяцев", True), ("24 месяца", False)])
def test_key_value_table_duration_and_period(body, wrong):
    """«Срок | 24 месяца», «Период | март 2026 – февраль 2028»: the table's duration is the one the body states."""
    found = _docx_loud([f"Бишкек, 2 марта 2026 г. – Европейский союз и министерство начали рассчитанный на {body} проект."],
                       [("Параметр", "Значение"), ("Бюджет", "900 000 евро"), ("Срок", "24 месяца"),
                        ("Период", "март 2026 – февраль 2028")])
    if wrong:
        assert any(t == body for _, t in found), found
    else:
        assert found == [], found


# Relations read from the structure of what is said (stop 22, branch fig-money5; phrasings of our own, each
# failing before it): a share near its amounts whatever the verb (its whole named after "of", its part the
# amount of its clause or the one of its role; "a 95 per cent share"; "That is 80 per cent of the total." in the
# next sentence), contributors side by side whoever they are ("the European Union (EUR 900,000) and the
# municipality (EUR 150,000)", «а местные власти – 600 тысяч»), lines summed after them ("for a total of",
# «Всего – …» opening the next sentence), an amount whose currency the sentence gives («3,6 млн,»).
STRUCTURE = [
    # shares
    ('en', "The European Union funds the project. The EU's EUR 1.7 million grant covers 85% of the project's EUR 2.2 million cost.", '85%'),
    ('en', "The European Union funds the project. The EU's EUR 1.7 million grant covers 85% of the project's EUR 2 million cost.", None),
    ('en', "The European Union backs the scheme. With EUR 900,000, the EU finances 75% of the EUR 1.5 million budget.", '75%'),
    ('en', "The European Union backs the scheme. With EUR 900,000, the EU finances 60% of the EUR 1.5 million budget.", None),
    ('en', "The budget stands at EUR 4 million. The European Union is putting in EUR 3 million. That is 80 per cent of the total.", '80 per cent'),
    ('en', "The budget stands at EUR 4 million. The European Union is putting in EUR 3 million. That is 75 per cent of the total.", None),
    ('ru', "Европейский союз финансирует проект. Бюджет – 2 млн евро. Евросоюз берет на себя 1,5 млн евро. Это 80 процентов всей суммы.", '80 процентов'),
    ('ru', "Европейский союз финансирует проект. Бюджет – 2 млн евро. Евросоюз берет на себя 1,5 млн евро. Это 75 процентов всей суммы.", None),
    ('ru', "Европейский союз финансирует 80 % расходов – 1,2 млн евро из 1,6 млн евро.", '80 %'),
    ('ru', "Европейский союз финансирует 75 % расходов – 1,2 млн евро из 1,6 млн евро.", None),
    ('en', "The European Union pays EUR 450,000 towards the clinic, whose construction costs EUR 500,000 – a 95 per cent share.", '95 per cent'),
    ('en', "The European Union pays EUR 450,000 towards the clinic, whose construction costs EUR 500,000 – a 90 per cent share.", None),
    ('en', "The European Union contributes EUR 2 million. That is 70 per cent of the total of EUR 2.5 million.", '70 per cent'),
    ('en', "The European Union contributes EUR 2 million. That is 80 per cent of the total of EUR 2.5 million.", None),
    ('ru', "Общая стоимость – 600 000 евро. Европейский союз предоставляет 480 000 евро. Это составляет 75 % бюджета.", '75 %'),
    ('ru', "Общая стоимость – 600 000 евро. Европейский союз предоставляет 480 000 евро. Это составляет 80 % бюджета.", None),
    ('ru', "Вклад ЕС в размере 1,2 млн евро покрывает 75 % бюджета проекта в 1,5 млн евро.", '75 %'),
    ('ru', "Вклад ЕС в размере 1,2 млн евро покрывает 80 % бюджета проекта в 1,5 млн евро.", None),
    ('en', "The EU's EUR 1.2 million contribution represents 75% of the EUR 1.5 million budget.", '75%'),
    ('en', "The EU's EUR 1.2 million contribution represents 80% of the EUR 1.5 million budget.", None),
    # percentages that are no share of the amounts next to them
    ('en', "The European Union funds the project. The EU provides EUR 1.5 million, and 30% of the EUR 2 million budget goes to training.", None),
    ('en', "The European Union funds the project with EUR 1.2 million. That is 20 per cent more than in 2024.", None),
    ('ru', "Европейский союз выделил на проект 1,2 млн евро. Это на 15 % больше, чем в прошлом году.", None),
    ('ru', "Европейский союз выделил на проект 1,2 млн евро. Это 40 % всех средств, которые регион получил от доноров.", None),
    ('en', "The European Union provides EUR 800,000. Women-led firms will receive EUR 300,000, or 40 per cent of the grants fund of EUR 750,000.", None),
    ('en', "The European Union's EUR 3 million grant covers 60% of the region's 150 clinics.", None),
    ('ru', "Европейский союз выделяет 1,5 млн евро, при этом 20 % бюджета в 2 млн евро идет на обучение.", None),
    ('en', "The European Union provides EUR 2 million, with 35% of it for equipment.", None),
    # contributors side by side
    ('en', "Funding comes from the European Union (EUR 900,000) and the municipality (EUR 150,000); the overall cost is EUR 1 million.", ('EUR 1 million', 'EUR 150,000', 'EUR 900,000')),
    ('en', "Funding comes from the European Union (EUR 900,000) and the municipality (EUR 100,000); the overall cost is EUR 1 million.", None),
    ('ru', "Из 4 млн евро Евросоюз выделил 3,6 млн, а местные власти – 600 тысяч.", ('600 тысяч', '3,6 млн')),
    ('ru', "Из 4 млн евро Евросоюз выделил 3,6 млн, а местные власти – 400 тысяч.", None),
    ('en', "EU gives EUR 2.4 million for clean water in Osh\nOSH, 3 March 2026 – The EUR 3 million project is financed by the European Union with EUR 2.4 million and by UNDP with EUR 800,000.", ('EUR 800,000', 'EUR 3 million')),  # stop 26: the rounded total
    ('en', "EU gives EUR 2.4 million for clean water in Osh\nOSH, 3 March 2026 – The EUR 3 million project is financed by the European Union with EUR 2.4 million and by UNDP with EUR 600,000.", None),
    # lines summed after them
    ('en', "The European Union funds the project. It has two components: infrastructure (EUR 1.4 million) and training (EUR 800,000), for a total of EUR 2 million.", ('EUR 800,000', 'EUR 2 million')),
    ('en', "The European Union funds the project. It has two components: infrastructure (EUR 1.4 million) and training (EUR 600,000), for a total of EUR 2 million.", None),
    ('ru', "Европейский союз финансирует проект. Бюджет делится на три части: 500 000 евро на оборудование, 300 000 евро на обучение и 250 000 евро на мониторинг. Всего – 1 млн евро.", ('250 000 евро', '1 млн евро')),
    ('ru', "Европейский союз финансирует проект. Бюджет делится на три части: 500 000 евро на оборудование, 300 000 евро на обучение и 200 000 евро на мониторинг. Всего – 1 млн евро.", None),
    # a figure consistent with a second statement is not the suspect
    ('en', "The project costs EUR 3 million. The European Union provides EUR 2.4 million and UNDP EUR 800,000. The EU thus covers 80 per cent of the costs.", 'EUR 800,000'),
    ('ru', "Стоимость проекта – 3 млн евро. Европейский союз выделяет 2,4 млн евро (80 %), ПРООН – 800 000 евро.", '800 000 евро'),
]


@pytest.mark.parametrize("lang,text,flagged", STRUCTURE, ids=[f"{'wrong' if f else 'right'}-{i}" for i, (_, _, f) in enumerate(STRUCTURE)])
def test_money_structure(lang, text, flagged):
    _check(lang, text, flagged)


# "The remaining" in other words and structures (stop 22, fig-money5; phrasings of our own): the balance, the
# difference, the shortfall, «недостающая сумма», «остальные средства»; the rest of a share stated as a
# percentage ("80% of the EUR 2 million budget. The remaining EUR 500,000 …": a share of 100 − 80 per cent, and
# no sum of the remaining alone); a cost as an adjective ("the EUR 900,000 bridge") and «стоит» as its whole;
# counts: «остальные 20 – юноши» closing groups, "Work on 15 has started; the other 10 …".
REMAINING_MORE = [
    ('en', 'The European Union contributes EUR 2 million to the EUR 2.5 million project; the balance, EUR 600,000, will be covered by the city.', 'EUR 600,000'),
    ('en', 'The European Union contributes EUR 2 million to the EUR 2.5 million project; the balance, EUR 500,000, will be covered by the city.', None),
    ('en', 'The project costs EUR 1.2 million. The European Union pays EUR 900,000. The rest of the funding – EUR 400,000 – comes from the regional administration.', 'EUR 400,000'),
    ('en', 'The project costs EUR 1.2 million. The European Union pays EUR 900,000. The rest of the funding – EUR 300,000 – comes from the regional administration.', None),
    ('ru', 'Проект стоит 900 000 евро. Европейский союз выделяет 750 000 евро. Недостающую сумму в 200 000 евро выделит акимат.', '200 000 евро'),
    ('ru', 'Проект стоит 900 000 евро. Европейский союз выделяет 750 000 евро. Недостающую сумму в 150 000 евро выделит акимат.', None),
    ('ru', 'Бюджет программы – 1,5 млн евро. Из них 1,2 млн евро выделяет ЕС. Остальные средства – 250 тыс. евро – предоставит ПРООН.', '250 тыс. евро'),
    ('ru', 'Бюджет программы – 1,5 млн евро. Из них 1,2 млн евро выделяет ЕС. Остальные средства – 300 тыс. евро – предоставит ПРООН.', None),
    ('ru', 'Стоимость работ – 700 000 евро, 500 000 евро из которых выделяет Европейский союз. Оставшуюся часть – 250 000 евро – покроет министерство.', '250 000 евро'),
    ('ru', 'Стоимость работ – 700 000 евро, 500 000 евро из которых выделяет Европейский союз. Оставшуюся часть – 200 000 евро – покроет министерство.', None),
    ('en', 'The European Union provides 80% of the EUR 2 million budget. The remaining EUR 500,000 comes from UNDP.', 'EUR 500,000'),
    ('en', 'The European Union provides 80% of the EUR 2 million budget. The remaining EUR 400,000 comes from UNDP.', None),
    ('en', 'The project is worth EUR 1.5 million, of which the European Union provides EUR 1.2 million, with the municipality covering the difference of EUR 250,000.', 'EUR 250,000'),
    ('en', 'The project is worth EUR 1.5 million, of which the European Union provides EUR 1.2 million, with the municipality covering the difference of EUR 300,000.', None),
    ('en', 'The European Union has pledged EUR 800,000 for the EUR 900,000 bridge; the shortfall of EUR 90,000 will be met by the district.', 'EUR 90,000'),
    ('en', 'The European Union has pledged EUR 800,000 for the EUR 900,000 bridge; the shortfall of EUR 100,000 will be met by the district.', None),
    ('en', 'The scheme costs EUR 1 million. The European Union grants EUR 700,000 and the partner will top up the remaining EUR 350,000.', 'EUR 350,000'),
    ('en', 'The scheme costs EUR 1 million. The European Union grants EUR 700,000 and the partner will top up the remaining EUR 300,000.', None),
    ('ru', 'Общий бюджет – 2 млн евро. Европейский союз покрывает 85 % этой суммы, а оставшиеся 400 000 евро вносит правительство.', '400 000 евро'),
    ('ru', 'Общий бюджет – 2 млн евро. Европейский союз покрывает 85 % этой суммы, а оставшиеся 300 000 евро вносит правительство.', None),
    ('en', 'The European Union funds the programme. Thirty of the 45 schools are in Sughd; the rest, 12, are in Khatlon.', '12'),
    ('en', 'The European Union funds the programme. Thirty of the 45 schools are in Sughd; the rest, 15, are in Khatlon.', None),
    ('ru', 'Европейский союз финансирует программу. Из 60 стипендий 35 получили девушки, остальные 20 – юноши.', '20'),
    ('ru', 'Европейский союз финансирует программу. Из 60 стипендий 35 получили девушки, остальные 25 – юноши.', None),
    ('ru', 'Европейский союз финансирует программу. В 18 из 30 сел работы завершены, в остальных 10 они продолжаются.', '10'),
    ('ru', 'Европейский союз финансирует программу. В 18 из 30 сел работы завершены, в остальных 12 они продолжаются.', None),
    ('en', 'The European Union funds the programme. The project will renovate 24 health posts. Work on 15 has started; the other 10 will follow next year.', '10'),
    ('en', 'The European Union funds the programme. The project will renovate 24 health posts. Work on 15 has started; the other 9 will follow next year.', None),
]


@pytest.mark.parametrize("lang,text,flagged", REMAINING_MORE, ids=[f"{'wrong' if f else 'right'}-{i}" for i, (_, _, f) in enumerate(REMAINING_MORE)])
def test_remaining_more(lang, text, flagged):
    _check(lang, text, flagged)


def test_rest_of_a_share_is_suggested():
    """The remaining amount after a share: flagged with the rest as its suggestion, in the text's style."""
    from checkutil import lint_str

    doc, found = lint_str("The European Union provides 80% of the EUR 2 million budget. The remaining EUR 500,000 comes from UNDP.", "en")
    f = next(f for f in found if f.category == "figures" and f.severity in ("error", "warning"))
    assert doc.span_text(f.offset, f.end) == "EUR 500,000" and f.suggestions == ["EUR 400,000"], (f.rule, f.suggestions)


# fig-money6: the whole of a share named in more words, a contributor's percentage, possessives; the EU
# naming the project, not the contributor (phrasings of our own)
MONEY6 = [
    ('en', 'The European Union funds the clinic. The EU gives EUR 1.5 million of the city\'s EUR 2 million budget, or 80 per cent.', '80 per cent'),
    ('en', 'The European Union funds the clinic. The EU gives EUR 1.5 million of the city\'s EUR 2 million budget, or 75 per cent.', None),
    ('en', 'The scheme will cost EUR 5 million.\nWith EUR 4 million, the European Union covers 75% of the scheme; the rest comes from the ministry.', '75%'),
    ('en', 'The scheme will cost EUR 5 million.\nWith EUR 4 million, the European Union covers 80% of the scheme; the rest comes from the ministry.', None),
    ('en', 'Bishkek, 3 March 2026 – The European Union allocates EUR 3 million to the corridor.\nThis is 60% of its total value, put at EUR 4 million.', '60%'),
    ('en', 'Bishkek, 3 March 2026 – The European Union allocates EUR 3 million to the corridor.\nThis is 75% of its total value, put at EUR 4 million.', None),
    ('ru', 'Бишкек, 3 марта 2026 года – Европейский союз выделяет на программу 1,2 млн евро.\nЭто 70 % её общей стоимости, оцениваемой в 1,5 млн евро.', '70 %'),
    ('ru', 'Бишкек, 3 марта 2026 года – Европейский союз выделяет на программу 1,2 млн евро.\nЭто 80 % её общей стоимости, оцениваемой в 1,5 млн евро.', None),
    ('en', 'The European Union supports the water project. The total budget is EUR 2 million. The municipality co-finances the EU project with EUR 600,000; the EU provides EUR 1.4 million.', None),
]


@pytest.mark.parametrize("lang,text,flagged", MONEY6, ids=[f"{'wrong' if f else 'right'}-{i}" for i, (_, _, f) in enumerate(MONEY6)])
def test_money6(lang, text, flagged):
    _check(lang, text, flagged)
