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
