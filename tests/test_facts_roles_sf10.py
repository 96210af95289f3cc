"""Roles read from the structure around an amount (stop 27, branch fig-same10): a role named after one amount
and followed by a linking verb and the next amount is the next amount's («… 900 000 евро вклад ЕС составляет
720 000 евро»); the amount after «из» named as the total after it is the whole («из 3 млн евро общей стоимости
программы ЕС выделил …»), and the EU right before a verb is the subject, not an EU programme's name; a role
named after «;» belongs to the next clause. Wrong twins flagged, right twins quiet. Phrasings written for these tests."""
from __future__ import annotations

from checkutil import loud_figures


def _linking(eu):
    return ("Алматы, 2 марта 2026 года – Европейский союз финансирует 80 процентов нового проекта по очистке воды.\n\n"
            f"Из общего бюджета в 900 000 евро вклад ЕС составляет {eu} евро, остальное вносит акимат.\n")


def test_role_before_linking_verb_is_next_amounts():
    got = loud_figures("ru", _linking("760 000"))
    assert any(r == "figures.share" and "80 процентов" in t for r, t in got), got
    assert loud_figures("ru", _linking("720 000")) == []


def _whole_after_iz(eu):
    return ("Бишкек, 5 мая 2026 года – Европейский союз покрывает 80 % расходов на ремонт сельских клиник: "
            f"из 3 млн евро общей стоимости программы ЕС выделил {eu} млн евро.\n")


def test_whole_named_after_iz_and_eu_subject():
    got = loud_figures("ru", _whole_after_iz("2,1"))
    assert any(r == "figures.share" and "80 %" in t for r, t in got), got
    assert loud_figures("ru", _whole_after_iz("2,4")) == []


def _semicolon(total):
    return ("Ашхабад, 3 марта 2026 года – ЕС софинансирует проект на 2 млн евро, ПРООН – на 500 тыс. евро; "
            f"общая стоимость проекта – {total} млн евро.\n")


def test_role_after_semicolon_is_next_clauses():
    got = loud_figures("ru", _semicolon("2,3"))
    assert any(r == "figures.parts" for r, t in got), got
    assert loud_figures("ru", _semicolon("2,5")) == []
