"""A body count answers a table's count column when the column's header counts its noun in any form («Школы»
for «в 11 школах»: compared by lemma, a short noun's first letters keep its ending). Stop 27, branch fig-same10;
phrasings written for these tests."""
from __future__ import annotations

from checkutil import loud_figures_docx


def _body(n):
    return ["Ош, 2 сентября 2026 года – При поддержке Европейского союза к учебному году отремонтированы 30 школ.",
            [["Район", "Школы"], ["Кара-Суйский", "14"], ["Ноокатский", "10"], ["Узгенский", "6"], ["Всего", "30"]],
            f"В Ноокатском районе ремонт провели в {n} школах, везде заменили отопление."]


def test_body_count_against_row_of_lemma_header_flagged():
    doc, fs = loud_figures_docx("ru", _body("12"))
    got = [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions[:1])) for f in fs]
    assert any(r == "figures.same-fact" and t == "12 школах" and s == ["10 школах"] for r, t, s in got), got


def test_body_count_agreeing_with_row_is_quiet():
    doc, fs = loud_figures_docx("ru", _body("10"))
    assert fs == [], [(f.rule, doc.span_text(f.offset, f.end)) for f in fs]
