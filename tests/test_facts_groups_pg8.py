"""«Каждый N-й из M — K» / "one in N of the M – K": K is a fraction of M, not a whole whose groups
(men and women of the next sentence) must add up to it. Phrasings written for these tests; the wrong twins
(groups that do not add up to their stated whole) stay flagged."""
from __future__ import annotations

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import lint


def _loud(lang, text):
    doc = read_bytes(text.encode(), "t.txt", "txt", lang)
    return [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, Config(), select=["figures"]).findings
            if f.severity in ("error", "warning")]


RU = ("Бишкек. Каждый четвёртый из 200 слушателей курса по агробизнесу — 50 фермеров — уже открыл собственное дело.\n"
      "Среди слушателей было 110 мужчин и 90 женщин.\nКурс проведён при поддержке Европейского союза.")
EN = ("OSH. One in four of the 200 trainees on the agribusiness course – 50 farmers – has already started a business.\n"
      "Among the trainees were 110 men and 90 women.\nThe course was funded by the European Union.")


def test_fraction_of_a_whole_is_no_whole_of_groups():
    assert _loud("ru", RU) == []
    assert _loud("en", EN) == []


def test_groups_of_a_stated_whole_still_checked():
    ru = ("Бишкек. Курс по агробизнесу окончили 200 слушателей: 110 мужчин и {} женщин. Каждый четвёртый из 200 "
          "слушателей — 50 фермеров — уже открыл своё дело.\nКурс проведён при поддержке Европейского союза.")
    en = ("OSH. The agribusiness course trained 200 people: 110 men and {} women. One in four of the 200 trainees – "
          "50 farmers – has already started a business.\nThe course was funded by the European Union.")
    assert _loud("ru", ru.format(90)) == [] and _loud("en", en.format(90)) == []
    assert ("figures.groups", "80 женщин") in _loud("ru", ru.format(80))
    assert ("figures.groups", "80 women") in _loud("en", en.format(80))
