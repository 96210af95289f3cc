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


def _named_en(amount):
    return ["ALMATY, 4 March 2026 – The European Union and the Baiterek Fund have launched a EUR 1.5 million programme for young farmers.",
            [["Source", "Amount (EUR)"], ["EU contribution", "1,200,000"], ["Co-funding (Baiterek Fund)", "300,000"],
             ["Total", "1,500,000"]],
            f"Baiterek puts in EUR {amount} from its own resources."]


def test_body_amount_against_row_named_by_a_name_flagged():
    # the row's label holds a name ("Baiterek") the body's clause names: that row's amount
    doc, fs = loud_figures_docx("en", _named_en("350,000"))
    got = [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions[:1])) for f in fs]
    assert any(r == "figures.same-fact" and t == "EUR 350,000" and s == ["EUR 300,000"] for r, t, s in got), got


def test_body_amount_against_row_named_by_a_name_right_is_quiet():
    doc, fs = loud_figures_docx("en", _named_en("300,000"))
    assert fs == [], [(f.rule, doc.span_text(f.offset, f.end)) for f in fs]
