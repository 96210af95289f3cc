"""Two different facts taken as one (figures.same-fact false alarms) and their wrong twins that stay flagged:
a per-item count («по 14 человек в каждой») beside a table row's total, a share restated as a count ("55 per
cent of the trainees, or 330 people"), a fraction's count set off by dashes («Треть слушателей – 150 человек
–»), another kind of people beside a "Women | Men | Total" table. Phrasings written for these tests."""
from __future__ import annotations

from checkutil import EU_EN, EU_RU, loud_figures, loud_figures_docx


def _loud_docx(lang, body):
    doc, fs = loud_figures_docx(lang, body)
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in fs]


# --- a per-item count is the row's per-item cell, not its total ----------------------------------------------
def _per_item_ru(each, per_cell):
    return ["Душанбе, 3 марта 2026 года – Проект, финансируемый Европейским союзом, провёл 12 занятий.",
            [["Формат", "Групп", "Участников в каждой", "Всего участников"],
             ["Вебинары для библиотекарей", "8", per_cell, str(8 * int(per_cell))],
             ["Выездные семинары", "4", "10", "40"],
             ["Итого", "12", "", str(8 * int(per_cell) + 40)]],
            f"Чаще всего проходили вебинары для библиотекарей – по {each} человек в каждой из восьми групп."]


def _per_item_en(each, per_cell):
    return ["DUSHANBE, 3 March 2026 – The EU-funded project ran 12 courses for librarians.",
            [["Format", "Groups", "Trainees in each", "Total trainees"],
             ["Online courses for librarians", "8", per_cell, str(8 * int(per_cell))],
             ["Field seminars", "4", "10", "40"],
             ["Total", "12", "", str(8 * int(per_cell) + 40)]],
            f"Most popular were the online courses for librarians, with {each} trainees in each of the eight groups."]


def test_per_item_count_beside_row_total_is_quiet():
    assert _loud_docx("ru", _per_item_ru("14", "14")) == []


def test_per_item_count_against_per_item_cell_is_flagged():
    got = _loud_docx("ru", _per_item_ru("16", "14"))
    assert any(r == "figures.same-fact" and "16" in t for r, t in got), got


def test_per_item_count_english_twin():
    assert _loud_docx("en", _per_item_en("14", "14")) == []
    got = _loud_docx("en", _per_item_en("16", "14"))
    assert any(r == "figures.same-fact" and "16" in t for r, t in got), got


# --- a share restated as a count is a part of the whole, not the whole again ---------------------------------
def _share_en(part):
    return ("ASTANA, 9 June 2026 – The EU-funded programme has trained 600 young people in four regions. "
            + EU_EN + f"Women made up 55 per cent of the trainees, or {part} people.\n")


def _share_ru(part):
    return ("Астана, 9 июня 2026 года – Программа обучила 600 человек в четырёх областях. " + EU_RU
            + f"Женщины составили 55 % всех слушателей, или {part} человек.\n")


def test_share_restated_as_count_is_quiet():
    assert loud_figures("en", _share_en("330")) == []
    assert loud_figures("ru", _share_ru("330")) == []


def test_share_restated_as_wrong_count_is_flagged_as_share():
    # 55 % of 600 is 330, not 390
    got = loud_figures("en", _share_en("390"))
    assert any(r == "figures.share" for r, _ in got) and not any(r == "figures.same-fact" for r, _ in got), got
    got = loud_figures("ru", _share_ru("390"))
    assert any(r == "figures.share" for r, _ in got) and not any(r == "figures.same-fact" for r, _ in got), got


# --- a fraction's count set off by dashes is a part ----------------------------------------------------------
def _table_body(lang, body_sentence, total):
    first = ("Ош, 2 апреля 2026 года – Проект, финансируемый Европейским союзом, обучил 450 медсестёр."
             if lang == "ru" else "OSH, 2 April 2026 – The EU-funded project has trained 450 nurses.")
    head = ["Область", "Женщины", "Мужчины", "Всего"] if lang == "ru" else ["Region", "Women", "Men", "Total"]
    return [first, [head, ["Ош", "120", "130", "250"], ["Баткен", "30", "170", "200"] if lang == "ru"
                    else ["Batken", "30", "170", "200"], ["Итого" if lang == "ru" else "Total", "150", "300", total]],
            body_sentence]


def test_fraction_count_set_off_by_dashes_is_quiet():
    assert _loud_docx("ru", _table_body("ru", "Треть выпускников – 150 человек – женщины.", "450")) == []
    assert _loud_docx("en", _table_body("en", "A third of the graduates – 150 people – are women.", "450")) == []


def test_plain_count_against_table_total_is_still_flagged():
    got = _loud_docx("ru", _table_body("ru", "Всего курс окончили 480 человек.", "450"))
    assert any(r == "figures.same-fact" and "480" in t for r, t in got), got


# --- other people beside a "Women | Men | Total" table -------------------------------------------------------
def test_other_people_beside_people_table_are_quiet():
    body = _table_body("ru", "Партнёрами проекта стали 35 работодателей из двух областей.", "450")
    body.insert(1, "Итог: 450 человек нашли работу.")
    assert _loud_docx("ru", body) == []


def test_same_people_with_another_value_are_still_flagged():
    body = _table_body("ru", "Работу по специальности нашли 470 человек.", "450")
    got = _loud_docx("ru", body)
    assert any(r == "figures.same-fact" and "470" in t for r, t in got), got


# --- a share stated next to its amount, in a paragraph that names no EU funding ------------------------------
def _stated_share_ru(pct):
    return ("Бюджет программы поддержки фермеров Сурхандарьинской области — 800 млн сумов. "
            f"Вклад областного хокимията составляет 120 млн сумов, или {pct} % бюджета.\n")


def _stated_share_en(pct):
    return ("The district's road repair plan costs 600 million tenge. "
            f"The akimat contributes 150 million tenge, or {pct} per cent of the budget.\n")


def test_stated_share_without_eu_is_checked():
    got = loud_figures("ru", _stated_share_ru("20"))  # 120 of 800 is 15 %
    assert any(r == "figures.share" and "20" in t for r, t in got), got
    got = loud_figures("en", _stated_share_en("30"))  # 150 of 600 is 25 per cent
    assert any(r == "figures.share" and "30" in t for r, t in got), got


def test_stated_share_without_eu_right_twin_is_quiet():
    assert loud_figures("ru", _stated_share_ru("15")) == []
    assert loud_figures("en", _stated_share_en("25")) == []


# --- a count restated as its share by "— это" / "that is", the whole a sentence before ------------------------
def _restating_ru(pct):
    return ("Атырау. Курсы сварщиков окончили 60 человек. " + EU_RU
            + f"Девушек среди выпускников 15 — это {pct} процентов.\n")


def _restating_en(pct):
    return ("ATYRAU, 5 May 2026 – Sixty people completed the welding course. " + EU_EN
            + f"Of the graduates, 15 women finished, that is {pct} per cent.\n")


def test_count_restated_as_wrong_share_is_flagged():
    got = loud_figures("ru", _restating_ru("30"))  # 15 of 60 is 25 %
    assert any(r == "figures.share" and "30" in t for r, t in got), got


def test_count_restated_as_right_share_is_quiet():
    assert loud_figures("ru", _restating_ru("25")) == []
    assert loud_figures("en", _restating_en("25")) == []
