"""Word tables, body figures against them, release dates and products read from structure
(issue 10), in phrasings written for these tests (not taken from the blind evaluation set). Each
wrong draft has a corrected twin that must stay quiet."""
from __future__ import annotations

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import lint
from checkutil import loud_figures_docx as _loud_docx


def _loud_txt(lang, text):
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    return doc, [f for f in lint(doc, Config(), select=["figures"]).findings if f.severity in ("error", "warning")]


def _spans(doc, fs):
    return [(f.rule, doc.span_text(f.offset, f.end), f.suggestions[:1]) for f in fs]


EN_LEAD = "TARAZ, 4 May 2026 – An EU-funded programme has trained rural health workers in Zhambyl region."
RU_LEAD = "ТАРАЗ, 4 мая 2026 года – Программа, которую финансирует Европейский союз, обучила сельских медиков."

# (lang, body, header, the flagged text or None for the corrected twin, the suggestion)
DOCX_CASES = [
    # a percentage column of a table of people: the row's count over the total row's
    ("en", [EN_LEAD, [["Profession", "People trained", "Share"], ["Nurses", "90", "45%"], ["Midwives", "60", "30%"],
                      ["Doctors", "50", "25%"], ["Total", "200", "100%"]]], None, None, None),
    ("en", [EN_LEAD, [["Profession", "People trained", "Share"], ["Nurses", "90", "50%"], ["Midwives", "60", "30%"],
                      ["Doctors", "50", "25%"], ["Total", "200", "100%"]]], None, "50%", "45%"),
    ("ru", [RU_LEAD, [["Специальность", "Обучено", "Доля"], ["Медсестры", "132", "55 %"], ["Фельдшеры", "108", "45 %"],
                      ["Всего", "240", "100 %"]]], None, None, None),
    ("ru", [RU_LEAD, [["Специальность", "Обучено", "Доля"], ["Медсестры", "132", "60 %"], ["Фельдшеры", "108", "45 %"],
                      ["Всего", "240", "100 %"]]], None, "60 %", "55 %"),
    # a percentage column naming another column: that column over the row's own total
    ("en", [EN_LEAD, [["District", "Girls", "Boys", "Total", "Girls, %"], ["Talas", "21", "14", "35", "60 %"],
                      ["Merke", "18", "27", "45", "40 %"], ["Total", "39", "41", "80", "48.8 %"]]], None, None, None),
    ("en", [EN_LEAD, [["District", "Girls", "Boys", "Total", "Girls, %"], ["Talas", "21", "14", "35", "65 %"],
                      ["Merke", "18", "27", "45", "40 %"], ["Total", "39", "41", "80", "48.8 %"]]], None, "65 %", "60 %"),
    # whole percentages in a table are the share rounded: 4% for 5.0 % is wrong, 33% for a third is not
    ("en", [EN_LEAD, [["Source", "EUR", "%"], ["European Union", "2,700,000", "90%"], ["Akimat", "150,000", "5%"],
                      ["Private sector", "150,000", "5%"], ["Total", "3,000,000", "100%"]]], None, None, None),
    ("en", [EN_LEAD, [["Source", "EUR", "%"], ["European Union", "2,700,000", "90%"], ["Akimat", "150,000", "6%"],
                      ["Private sector", "150,000", "4%"], ["Total", "3,000,000", "100%"]]], None, "6%", "5%"),
    ("en", [EN_LEAD, [["Region", "EUR", "%"], ["Taraz", "100,000", "33%"], ["Shu", "100,000", "33%"],
                      ["Merke", "100,000", "33%"], ["Total", "300,000", "100%"]]], None, None, None),
    # a body amount and the row its clause names by the label's head word
    ("en", [EN_LEAD, "Vehicles for the 12 district clinics, EUR 360,000, take the biggest share of the money.",
            [["Budget item", "EUR"], ["Vehicles for rural health posts", "360,000"], ["Training of staff", "140,000"],
             ["Total", "500,000"]]], None, None, None),
    ("en", [EN_LEAD, "Vehicles for the 12 district clinics, EUR 300,000, take the biggest share of the money.",
            [["Budget item", "EUR"], ["Vehicles for rural health posts", "360,000"], ["Training of staff", "140,000"],
             ["Total", "500,000"]]], None, "EUR 300,000", "EUR 360,000"),
    # a body percentage and the row's percentage cell
    ("ru", [RU_LEAD, "На закупку лабораторного оборудования уйдет 40 % бюджета.",
            [["Статья", "Евро", "%"], ["Закупка лабораторного оборудования", "400 000", "40 %"],
             ["Обучение персонала", "600 000", "60 %"], ["Итого", "1 000 000", "100 %"]]], None, None, None),
    ("ru", [RU_LEAD, "На закупку лабораторного оборудования уйдет 45 % бюджета.",
            [["Статья", "Евро", "%"], ["Закупка лабораторного оборудования", "400 000", "40 %"],
             ["Обучение персонала", "600 000", "60 %"], ["Итого", "1 000 000", "100 %"]]], None, "45 %", "40 %"),
    # a body count and the column its noun or group names, at the total row
    ("ru", [RU_LEAD, "Всего обучение прошли 310 фельдшеров из трёх районов.",
            [["Район", "Фельдшеры"], ["Байзакский", "120"], ["Таласский", "100"], ["Шуский", "90"], ["Всего", "310"]]],
     None, None, None),
    ("ru", [RU_LEAD, "Всего обучение прошли 330 фельдшеров из трёх районов.",
            [["Район", "Фельдшеры"], ["Байзакский", "120"], ["Таласский", "100"], ["Шуский", "90"], ["Всего", "310"]]],
     None, "330 фельдшеров", "310 фельдшеров"),
    ("en", [EN_LEAD, "Some 80 pupils joined the coding clubs, 39 of them girls.",
            [["District", "Girls", "Boys", "Total"], ["Talas", "21", "14", "35"], ["Merke", "18", "27", "45"],
             ["Total", "39", "41", "80"]]], None, None, None),
    ("en", [EN_LEAD, "Some 80 pupils joined the coding clubs, 44 of them girls.",
            [["District", "Girls", "Boys", "Total"], ["Talas", "21", "14", "35"], ["Merke", "18", "27", "45"],
             ["Total", "39", "41", "80"]]], None, "44 of them girls", "39 of them girls"),
    # a body count and the row its words name ("women-owned farms" ~ "Owned by women")
    ("en", [EN_LEAD, "The scheme reached 42 women-owned farms this season.",
            [["Farms", "Number"], ["Owned by women", "42"], ["Owned by men", "58"], ["Total", "100"]]], None, None, None),
    ("en", [EN_LEAD, "The scheme reached 48 women-owned farms this season.",
            [["Farms", "Number"], ["Owned by women", "42"], ["Owned by men", "58"], ["Total", "100"]]], None,
     "48 women-owned farms", "42 women-owned farms"),
]


@pytest.mark.parametrize("lang,body,header,flagged,suggestion", DOCX_CASES,
                         ids=[f"{'wrong' if c[3] else 'right'}-{i}" for i, c in enumerate(DOCX_CASES)])
def test_tables_and_body(lang, body, header, flagged, suggestion):
    doc, fs = _loud_docx(lang, body, header)
    if flagged is None:
        assert fs == [], _spans(doc, fs)
        return
    got = [f for f in fs if doc.span_text(f.offset, f.end) == flagged]
    assert got, _spans(doc, fs)
    assert got[0].suggestions[:1] == [suggestion]
    assert got[0].related


def test_area_column_and_dateline_place_are_not_rows():
    """A count in the body is not an area cell of a row its clause happens to name, and the dateline's
    place is not a row's name."""
    doc, fs = _loud_docx("ru", [
        "КОРДАЙ, 4 мая 2026 года – Две сельские школы – в Кордайском и Шуском районах – утеплены при поддержке Европейского союза.",
        [["Школа", "Площадь, м²", "Экономия"], ["Кордайская сельская", "2 400", "31 %"], ["Шуская сельская", "1 900", "28 %"]]])
    assert fs == [], _spans(doc, fs)
    doc, fs = _loud_docx("en", [
        "MERKE, 4 May 2026 – Thirty schools in two districts will be insulated with EU funding.",
        [["District", "Schools", "EUR"], ["Merke", "18", "540,000"], ["Shu", "12", "360,000"], ["Total", "30", "900,000"]]])
    assert fs == [], _spans(doc, fs)


def test_release_date_line_at_the_end():
    text = ("Solar pumps for 30 villages in Sughd\n"
            "KHUJAND, 12 May 2026 – Thirty villages in Sughd region now pump water with solar energy, thanks to EU funding.\n"
            "Issued on {d} by the EU Delegation to Tajikistan.")
    doc, fs = _loud_txt("en", text.format(d="12 May 2026"))
    assert fs == [], _spans(doc, fs)
    doc, fs = _loud_txt("en", text.format(d="11 May 2026"))
    assert [f.rule for f in fs] == ["figures.dateline-date"], _spans(doc, fs)
    assert fs[0].related


@pytest.mark.parametrize("header", ["EU Delegation | 2026-05-12", "Press release 12/05/2026", "12-May-2026 | News"])
def test_header_date_styles(header):
    body = ["KHUJAND, 12 May 2026 – Thirty villages in Sughd region now pump water with solar energy, thanks to EU funding."]
    doc, fs = _loud_docx("en", body, header)
    assert fs == [], _spans(doc, fs)
    wrong = header.replace("12", "13", 1)
    doc, fs = _loud_docx("en", body, wrong)
    assert [f.rule for f in fs] == ["figures.dateline-date"], _spans(doc, fs)


def test_header_date_russian_styles():
    body = ["ХУДЖАНД, 12 мая 2026 года – Тридцать сёл Согдийской области получили солнечные насосы при поддержке Европейского союза."]
    for header, wrong in (("Пресс-релиз, «12» мая 2026 г.", "Пресс-релиз, «13» мая 2026 г."),
                          ("Новости · 12 мая 2026", "Новости · 14 мая 2026")):
        doc, fs = _loud_docx("ru", body, header)
        assert fs == [], _spans(doc, fs)
        doc, fs = _loud_docx("ru", body, wrong)
        assert [f.rule for f in fs] == ["figures.dateline-date"], _spans(doc, fs)


def test_an_activity_duration_is_not_the_projects_period():
    quiet = ("Проект «Цифровое село» финансирует Европейский союз. Каждый курс длится три месяца и проходит в Таразе.\n"
             "Бюджет проекта на 2025–2027 годы составляет 600 000 евро.")
    doc, fs = _loud_txt("ru", quiet)
    assert fs == [], _spans(doc, fs)
    loud = ("Проект «Цифровое село» финансирует Европейский союз. Проект продлится два года.\n"
            "Работы по проекту охватывают 2024–2027 годы, бюджет составляет 600 000 евро.")
    doc, fs = _loud_txt("ru", loud)
    assert any(f.rule == "figures.duration" for f in fs), _spans(doc, fs)


@pytest.mark.parametrize("total,wrong", [("200 000", True), ("180 000", False)])
def test_product_with_the_items_as_the_subject(total, wrong):
    text = (f"Проект финансирует Европейский союз. Тридцать молодых фермеров из Согдийской и Хатлонской областей получат "
            f"субсидию по 6 000 сомони каждый. Общий фонд субсидий составляет {total} сомони.")
    doc, fs = _loud_txt("ru", text)
    if wrong:
        assert [(f.rule, doc.span_text(f.offset, f.end)) for f in fs] == [("figures.product", f"{total} сомони")]
        assert fs[0].suggestions[:1] == ["180 000 сомони"]
    else:
        assert fs == [], _spans(doc, fs)


def test_product_count_restated_elsewhere_decides():
    """Nothing but the product: the total is named and the count and unit are related places; the
    same count stated in the headline decides that the body's count is the odd one out."""
    base = ("{h} grants for women farmers in Khatlon\n"
            "BOKHTAR, 12 May 2026 – The European Union will fund {h} grants for women farmers in Khatlon region.\n"
            "The programme awards {n} grants of EUR 15,000 each, EUR 300,000 in total.")
    doc, fs = _loud_txt("en", base.format(h="20", n="20"))
    assert fs == [], _spans(doc, fs)
    doc, fs = _loud_txt("en", base.format(h="20", n="25"))
    hits = [f for f in fs if f.rule in ("figures.product", "figures.same-fact")]
    assert hits and doc.span_text(hits[0].offset, hits[0].end) == "25 grants", _spans(doc, fs)
    # nothing decides: the total is flagged and the count and the unit are named with it
    doc, fs = _loud_txt("en", "The European Union funds the project. The programme awards 25 grants of EUR 15,000 each, "
                              "EUR 300,000 in total.")
    assert [doc.span_text(f.offset, f.end) for f in fs] == ["EUR 300,000"], _spans(doc, fs)
    rel = {doc.text[o:o + n] for o, n in fs[0].related}
    assert {"25 grants", "EUR 15,000"} <= rel, rel


SOURCES = [["Источник", "Сумма, евро", "Доля, %"], ["Европейский союз", "450 000", "90"], ["Акимат", "50 000", "10"],
           ["Итого", "500 000", "100"]]


@pytest.mark.parametrize("amount,caption,flagged", [
    ("450 000", "Бюджет проекта на 2026 год:", False),
    ("430 000", "Бюджет проекта на 2026 год:", True),
    ("150 000", "Бюджет проекта:", False),  # a year's part of a whole project's table: not the same fact
])
def test_a_years_amount_against_a_table_for_that_year(amount, caption, flagged):
    doc, fs = _loud_docx("ru", [RU_LEAD + f" Вклад ЕС в 2026 году составит {amount} евро.", caption, SOURCES])
    if flagged:
        assert [doc.span_text(f.offset, f.end) for f in fs] == [f"{amount} евро"], _spans(doc, fs)
        assert fs[0].suggestions[:1] == ["450 000 евро"]
    else:
        assert fs == [], _spans(doc, fs)


@pytest.mark.parametrize("lang,lead,table,flagged,suggestion", [
    # a column headed in thousands or millions
    ("ru", "Вклад ЕС составляет 1,35 млн евро.", [["Источник", "тыс. евро"], ["Европейский союз", "1 350"], ["Партнеры", "150"],
                                                 ["Итого", "1 500"]], None, None),
    ("ru", "Вклад ЕС составляет 1,25 млн евро.", [["Источник", "тыс. евро"], ["Европейский союз", "1 350"], ["Партнеры", "150"],
                                                 ["Итого", "1 500"]], "1,25 млн евро", "1,35 млн евро"),
    ("en", "The EU contributes EUR 1.35 million.", [["Source", "EUR million"], ["European Union", "1.35"], ["Partners", "0.15"],
                                                    ["Total", "1.5"]], None, None),
    ("en", "The EU contributes EUR 1.35 million.", [["Source", "EUR million"], ["European Union", "1.35"], ["Partners", "0.15"],
                                                    ["Total", "1.6"]], "1.6", "1.5"),
    # an amount and its share in one cell
    ("ru", "Проект стартовал.", [["Источник", "Сумма"], ["Европейский союз", "1 350 000 евро (90 %)"],
                                 ["Партнеры", "150 000 евро (10 %)"], ["Итого", "1 500 000 евро"]], None, None),
    ("ru", "Проект стартовал.", [["Источник", "Сумма"], ["Европейский союз", "1 350 000 евро (95 %)"],
                                 ["Партнеры", "150 000 евро (10 %)"], ["Итого", "1 500 000 евро"]], "95 %", "90 %"),
    # amounts with cents and with a scale word in the cells
    ("ru", "Вклад ЕС составляет 1,35 млн евро.", [["Источник", "Сумма, евро"], ["Европейский союз", "1 350 000,00"],
                                                 ["Партнеры", "150 000,00"], ["Итого", "1 500 000,00"]], None, None),
    ("en", "The EU contributes EUR 1.35 million.", [["Source", "Amount"], ["European Union", "EUR 1.35m"], ["Partners", "EUR 0.15m"],
                                                    ["Total", "EUR 1.6m"]], "EUR 1.6m", "EUR 1.5m"),
])
def test_table_amount_styles(lang, lead, table, flagged, suggestion):
    doc, fs = _loud_docx(lang, [(RU_LEAD if lang == "ru" else EN_LEAD) + " " + lead, table])
    if flagged is None:
        assert fs == [], _spans(doc, fs)
        return
    got = [f for f in fs if doc.span_text(f.offset, f.end) == flagged]
    assert got, _spans(doc, fs)
    assert got[0].suggestions[:1] == [suggestion]


@pytest.mark.parametrize("text,wrong", [
    ("Thirty young entrepreneurs will receive start-up grants of EUR 5,000; the grant fund totals EUR 160,000.", True),
    ("Thirty young entrepreneurs will receive start-up grants of EUR 5,000; the grant fund totals EUR 150,000.", False),
    ("Each of the 22 maternity wards will be equipped for EUR 25,000, an investment of EUR 600,000.", True),
    ("Each of the 22 maternity wards will be equipped for EUR 25,000, an investment of EUR 550,000.", False),
])
def test_product_totals_named_after_the_items(text, wrong):
    doc, fs = _loud_txt("en", "The European Union funds the project. " + text)
    assert bool(fs) == wrong, _spans(doc, fs)
    if wrong:
        assert fs[0].rule == "figures.product"


def test_header_with_a_month_only():
    body = ["OSH, 19 March 2025 – The EU and UNDP opened a public service centre in Osh."]
    doc, fs = _loud_docx("en", body, "Press release – March 2025")
    assert fs == [], _spans(doc, fs)
    doc, fs = _loud_docx("en", body, "Press release – February 2025")
    assert [(f.rule, doc.span_text(f.offset, f.end), f.suggestions) for f in fs] == [("figures.dateline-date", "19 March 2025", [])]
    assert fs[0].related


EN_SOURCES = [["Source", "EUR", "%"], ["European Union", "1,800,000", "90 %"], ["Akimat of Almaty", "200,000", "10 %"],
              ["Total", "2,000,000", "100 %"]]
EN_LINES = [["Budget line", "EUR"], ["Equipment", "1,200,000"], ["Training and seminars", "350,000"],
            ["Awareness campaign", "450,000"], ["Total", "2,000,000"]]
PEOPLE = [["Activity", "Women", "Men", "Total"], ["Summer school for teachers", "40", "30", "70"],
          ["Online course in Kazakh", "25", "25", "50"], ["Total", "65", "55", "120"]]


@pytest.mark.parametrize("sentence,table,flagged,suggestion", [
    ("The project's total budget of EUR 2 million was approved.", EN_SOURCES, None, None),
    ("The project's total budget of EUR 2.1 million was approved.", EN_SOURCES, "EUR 2.1 million", "EUR 2.0 million"),
    ("The awareness campaign will cost EUR 450,000.", EN_LINES, None, None),
    ("The awareness campaign will cost EUR 400,000.", EN_LINES, "EUR 400,000", "EUR 450,000"),
    ("In all, 120 young people took part.", PEOPLE, None, None),
    ("In all, 125 young people took part.", PEOPLE, "125 young people", "120 young people"),
    # a row's own total, not the table's: 50 people took the online course
    ("Most popular was the online course, with 50 participants.", PEOPLE, None, None),
    ("Most popular was the online course, with 55 participants.", PEOPLE, "55 participants", "50 participants"),
])
def test_body_against_totals_and_lines(sentence, table, flagged, suggestion):
    doc, fs = _loud_docx("en", [EN_LEAD + " " + sentence, table])
    if flagged is None:
        assert fs == [], _spans(doc, fs)
        return
    got = [f for f in fs if doc.span_text(f.offset, f.end) == flagged]
    assert got, _spans(doc, fs)
    assert got[0].suggestions[:1] == [suggestion]


SECTIONS = [["Component", "EUR"], ["1. Health", ""], ["Equipment", "300,000"], ["Training", "100,000"], ["Subtotal", "400,000"],
            ["2. Education", ""], ["Books", "200,000"], ["Teacher training", "150,000"], ["Subtotal", "350,000"], ["Total", "750,000"]]


def _with(table, r, c, value):
    t = [list(row) for row in table]
    t[r][c] = value
    return t


@pytest.mark.parametrize("table,flagged,suggestion", [
    (SECTIONS, None, None),  # the total is the sum of the subtotals, not of every row
    (_with(SECTIONS, 9, 1, "800,000"), "800,000", "750,000"),
    (_with(SECTIONS, 4, 1, "450,000"), "450,000", "400,000"),
    ([["Year", "EU", "Partner", "Total"], ["2025", "500,000", "50,000", "550,000"], ["2026", "600,000", "60,000", "660,000"],
      ["Total", "1,100,000", "110,000", "1,210,000"]], None, None),
    ([["Year", "EU", "Partner", "Total"], ["2025", "500,000", "50,000", "550,000"], ["2026", "600,000", "60,000", "670,000"],
      ["Total", "1,100,000", "110,000", "1,210,000"]], "670,000", "660,000"),
])
def test_subtotals_and_rows_by_year(table, flagged, suggestion):
    doc, fs = _loud_docx("en", [EN_LEAD, table])
    if flagged is None:
        assert fs == [], _spans(doc, fs)
        return
    got = [f for f in fs if doc.span_text(f.offset, f.end) == flagged]
    assert got, _spans(doc, fs)
    assert got[0].suggestions[:1] == [suggestion]


@pytest.mark.parametrize("each,wrong", [("15,000", False), ("12,000", True)])
def test_product_unit_restated_elsewhere_decides(each, wrong):
    doc, fs = _loud_txt("en", "The European Union funds the project. Twenty grants of EUR 15,000 are offered to women farmers. "
                              f"The programme awards 20 grants of EUR {each} each, EUR 300,000 in total.")
    if wrong:
        assert [(doc.span_text(f.offset, f.end), f.suggestions[:1]) for f in fs] == [("EUR 12,000", ["EUR 15,000"])]
    else:
        assert fs == [], _spans(doc, fs)


@pytest.mark.parametrize("lang,sentence,table,flagged", [
    ("en", "Vehicles for the district clinics will cost EUR 360,000.",
     [["Budget line", "Amount"], ["Vehicles for district clinics", "360,000"], ["Training", "140,000"], ["Total", "500,000"]], None),
    ("en", "Vehicles for the district clinics will cost EUR 300,000.",
     [["Budget line", "Amount"], ["Vehicles for district clinics", "360,000"], ["Training", "140,000"], ["Total", "500,000"]],
     "EUR 300,000"),
    ("ru", "На автомобили для районных клиник уйдет 360 000 евро.",
     [["Статья", "Сумма"], ["Автомобили для районных клиник", "360 000"], ["Обучение", "140 000"], ["Итого", "500 000"]], None),
    ("ru", "На автомобили для районных клиник уйдет 300 000 евро.",
     [["Статья", "Сумма"], ["Автомобили для районных клиник", "360 000"], ["Обучение", "140 000"], ["Итого", "500 000"]],
     "300 000 евро"),
])
def test_amount_column_without_a_currency(lang, sentence, table, flagged):
    doc, fs = _loud_docx(lang, [(EN_LEAD if lang == "en" else RU_LEAD) + " " + sentence, table])
    assert [doc.span_text(f.offset, f.end) for f in fs] == ([flagged] if flagged else []), _spans(doc, fs)


@pytest.mark.parametrize("lang,body,header,stale,fixed", [
    ("en", ["PRESS RELEASE", "12 May 2026", "Solar pumps reach thirty villages",
            "KHUJAND, 12 May 2026 – Thirty villages in Sughd region now pump water with solar energy."],
     "EU Delegation to Tajikistan | 21 April 2026", "21 April 2026", "12 May 2026"),
    ("ru", ["ПРЕСС-РЕЛИЗ", "12 мая 2026 года", "Солнечные насосы пришли в тридцать сёл",
            "ХУДЖАНД, 12 мая 2026 года – Тридцать сёл Согдийской области получили солнечные насосы."],
     "Представительство ЕС · 21 апреля 2026 г.", "21 апреля 2026 г.", "12 мая 2026 г."),
])
def test_a_stale_header_date_is_the_odd_one_out(lang, body, header, stale, fixed):
    """The body states its date twice (date line and dateline): a header from an old draft is what to correct."""
    doc, fs = _loud_docx(lang, body, header)
    assert [(f.rule, doc.span_text(f.offset, f.end)) for f in fs] == [("figures.dateline-date", stale)], _spans(doc, fs)
    assert fs[0].suggestions[:1] == [fixed]
    doc, fs = _loud_docx(lang, body, header.replace(stale, fixed))
    assert fs == [], _spans(doc, fs)
    # with one date in the body nothing decides: the body's date is flagged, the header named beside it
    doc, fs = _loud_docx(lang, body[2:], header)
    assert [f.rule for f in fs] == ["figures.dateline-date"] and fs[0].related, _spans(doc, fs)


def test_a_body_count_over_several_rows_is_not_one_row():
    """«Первые 45 слушателей освоят столярное дело, гончарное ремесло и ковку»: the body names three
    rows of the table in one sentence, so its count is their whole (20 + 15 + 10), not the first
    row's; a sentence naming only one row is still compared with that row."""
    table = [["Мастерская", "Число мест"], ["Столярное дело", "20"], ["Гончарное ремесло", "15"], ["Художественная ковка", "10"]]
    many = "Первые 45 слушателей освоят столярное дело и мебельное производство, а затем гончарное ремесло и художественную ковку."
    _, loud = _loud_docx("ru", ["Европейский Союз финансирует проект.", many, table])
    assert loud == [], [(f.rule, f.message) for f in loud]
    one = "Первые 25 слушателей осваивают столярное дело в новой мастерской."
    doc, loud = _loud_docx("ru", ["Европейский Союз финансирует проект.", one, table])
    assert [doc.span_text(f.offset, f.end) for f in loud if f.rule == "figures.same-fact"], [(f.rule, f.message) for f in loud]
