"""A body count against a Word table row labelled only by an age range («30–44 года», "25–34"): the body names
the row by its numbers ("aged between 25 and 34", «в возрасте от 30 до 44 лет»). Phrasings written for these
tests; each wrong draft has a corrected twin that must stay quiet."""
from __future__ import annotations

import pytest

from checkutil import loud_figures_docx


def _loud(lang, body):
    doc, fs = loud_figures_docx(lang, body)
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in fs]


EN = "OSH, 3 June 2026 – The EU-funded programme has trained 150 farmers in Osh region."
RU = "ОШ, 3 июня 2026 года – Программа, которую финансирует Европейский союз, обучила 150 фермеров."
EN_T = [["Age", "Farmers"], ["18–24", "30"], ["25–34", "70"], ["35 and over", "50"], ["Total", "150"]]
RU_T = [["Возраст", "Фермеров"], ["18–29 лет", "40"], ["30–44 года", "65"], ["45 лет и старше", "45"], ["Всего", "150"]]

CASES = [
    ("en", [EN, EN_T, "The biggest group, 60 farmers, is aged between 25 and 34."],
     [EN, EN_T, "The biggest group, 70 farmers, is aged between 25 and 34."], "60 farmers"),
    ("ru", [RU, RU_T, "Больше всего слушателей – 56 фермеров в возрасте от 30 до 44 лет."],
     [RU, RU_T, "Больше всего слушателей – 65 фермеров в возрасте от 30 до 44 лет."], "56 фермеров"),
]


@pytest.mark.parametrize("lang,wrong,right,span", CASES)
def test_age_row_vs_body(lang, wrong, right, span):
    got = _loud(lang, wrong)
    assert any(span in text for _, text in got), got
    assert _loud(lang, right) == []
