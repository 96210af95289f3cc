"""A Word table whose "Total" column follows a per-item column («Групп | Человек в каждой | Всего человек»,
"Sessions | Trainees per session | Total trainees"): each row's total is the count times the per-item figure,
not their sum. Phrasings written for these tests; each consistent table has a wrong twin that stays flagged."""
from __future__ import annotations

from checkutil import loud_figures_docx


def _loud(lang, body):
    doc, fs = loud_figures_docx(lang, body)
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in fs]


RU = "Бишкек, 4 мая 2026 года – Проект, финансируемый Европейским союзом, провёл обучение для 150 библиотекарей."
EN = "BISHKEK, 4 May 2026 – The EU-funded project has trained 150 librarians across the country."


def _ru(a, b):
    return [RU, [["Вид занятий", "Групп", "Человек в каждой группе", "Всего человек"],
                 ["Вебинары", "5", "18", a], ["Выездные сессии", "4", "15", "60"], ["Итого", "9", "", b]]]


def _en(a, b):
    return [EN, [["Format", "Sessions", "Trainees per session", "Total trainees"],
                 ["Webinars", "6", "15", a], ["Field visits", "3", "20", "60"], ["Total", "9", "", b]]]


def test_per_item_column_times_count_is_quiet():
    assert _loud("ru", _ru("90", "150")) == []
    assert _loud("en", _en("90", "150")) == []


def test_wrong_row_total_is_still_flagged():
    # 5 × 18 is 90, not 95 (and the column then adds up to 155, not 150)
    assert any(r in ("figures.product", "figures.parts") for r, _ in _loud("ru", _ru("95", "155")))
    assert any(r in ("figures.product", "figures.parts") for r, _ in _loud("en", _en("96", "156")))


def test_plain_total_column_still_adds_up():
    body = [EN, [["Region", "Women", "Men", "Total"], ["North", "40", "35", "75"], ["South", "38", "37", "80"]]]
    assert any(r == "figures.parts" for r, _ in _loud("en", body))
