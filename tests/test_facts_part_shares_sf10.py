"""The share of a part just stated (app/facts/part_shares.py, stop 27): a whole and one part of it, then a
percentage called their share in that sentence or the next. Wrong twins flagged with the share the figures give,
right twins quiet, and a percentage that is no share of the pair stays quiet. Phrasings written for these tests."""
from __future__ import annotations

from checkutil import loud_figures

from app.engine.config import Config
from app.engine.linter import lint
from app.core.readers import read_bytes


def _findings(lang, text):
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.language == lang
    return [(f.rule, doc.span_text(f.offset, f.end), list(f.suggestions[:2]))
            for f in lint(doc, Config(), select=["figures"]).findings if f.severity in ("error", "warning")]


def _ru(pct):
    return ("Бишкек, 14 апреля 2026 года – Проект, финансируемый Европейским союзом, завершил первый набор курсов.\n\n"
            "Из 160 слушателей курсов бухгалтерского учёта 48 пришли из сельских районов.\n\n"
            f"Таким образом, доля сельских слушателей составила {pct} %.\n")


def _en(pct):
    return ("ASTANA, 14 April 2026 – The EU-funded project has closed its first round of courses.\n\n"
            "Of the 250 apprentices who finished the welding course, 75 were women. "
            f"Women thus made up {pct} per cent of the graduates.\n")


def test_share_of_part_just_stated_flagged_with_the_share():
    got = _findings("ru", _ru("25"))
    assert any(r == "figures.share" and t == "25 %" and "30 %" in s for r, t, s in got), got
    got = _findings("en", _en("35"))
    assert any(r == "figures.share" and t == "35 per cent" and "30 per cent" in s for r, t, s in got), got


def test_share_of_part_just_stated_right_is_quiet():
    assert loud_figures("ru", _ru("30")) == []
    assert loud_figures("en", _en("30")) == []


def test_percentage_not_called_their_share_is_quiet():
    # the next sentence's percentage is about something else: no share word, the part's noun not named
    text = ("ASTANA, 14 April 2026 – The EU-funded project has closed its first round of courses.\n\n"
            "Of the 250 apprentices who finished the welding course, 75 were women. "
            "Employers expect demand for welders to grow by 12 per cent next year.\n")
    assert loud_figures("en", text) == []
