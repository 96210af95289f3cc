"""Figures checks: budgets, shares, durations, dates, weekdays, counts."""
from __future__ import annotations

import pytest
from checkutil import lint_draft, lint_str, spans


def test_good_drafts_clean():
    for name in ("ru_good.txt", "en_good.txt"):
        _, fs = lint_draft(name, ["figures"])
        assert fs == [], name


def test_ru_broken():
    doc, fs = lint_draft("ru_broken.txt", ["figures"])
    got = spans(doc, fs)
    assert ("figures.dateline-date", "13 марта 2026 года") in got
    assert ("figures.budget-arithmetic", "450 000 евро") in got
    assert ("figures.budget-conflict", "420 000 евро") in got
    assert ("figures.impossible-date", "31 ноября 2026 года") in got
    assert any(r == "figures.duration-years" and t.startswith("три года") for r, t in got)
    assert any(r == "figures.weekday" and t.startswith("среду") for r, t in got)
    assert ("figures.count-mismatch", "75 участников") in got
    sev = {f.rule: f.severity for f in fs}
    assert sev["figures.count-mismatch"] == "warning" and sev["figures.budget-arithmetic"] == "error"
    dl = next(f for f in fs if f.rule == "figures.dateline-date")
    assert dl.suggestions == ["14 марта 2026 года"]


def test_en_broken():
    doc, fs = lint_draft("en_broken.txt", ["figures"])
    got = spans(doc, fs)
    assert ("figures.budget-arithmetic", "80 per cent") in got
    assert ("figures.impossible-date", "30 February 2026") in got
    assert ("figures.count-mismatch", "90 participants") in got
    assert any(r == "figures.duration-years" for r, _ in got)
    wd = next(f for f in fs if f.rule == "figures.weekday")
    assert wd.suggestions == ["Thursday"]


@pytest.mark.parametrize("text,bad", [
    ("Проект длится три года (2024—2027 гг.).", False),
    ("Проект длится три года (2024–2026 гг.).", False),
    ("Проект длится три года (2024–2025 гг.).", True),
    ("Проект длится три года (2024–2028 гг.).", True),
    ("Проект рассчитан на 12 месяцев (2025–2026).", False),
    ("Проект рассчитан на 12 месяцев (2025–2027).", True),
])
def test_duration_spans(text, bad):
    _, fs = lint_str(text, "ru", ["figures.duration-years"])
    assert bool(fs) == bad


@pytest.mark.parametrize("share,bad", [("95 процентов", False), ("95,0 %", False), ("94 %", True), ("около 94 %", False)])
def test_share_rounding(share, bad):
    text = f"Общий бюджет проекта составляет 777 895 евро, включая взнос ЕС в размере 739 000 евро ({share})."
    _, fs = lint_str(text, "ru", ["figures.budget-arithmetic"])
    assert bool(fs) == bad


def test_money_forms():
    from app.checks.figures.amounts import find_amounts
    got = [(a.value, a.currency) for a in find_amounts("1,5 млн евро и 777 895 евро", "ru")]
    assert got == [(1_500_000, "EUR"), (777_895, "EUR")]
    got = [(a.value, a.currency) for a in find_amounts("EUR 3 000 000, €1.2 million and $364,000", "en")]
    assert got == [(3_000_000, "EUR"), (1_200_000, "EUR"), (364_000, "USD")]


def test_two_projects_two_budgets_not_confused():
    text = ("Проект «Первый» длится два года. Общий бюджет проекта составляет 777 895 евро. "
            "Проект «Второй» длится три года. Общий бюджет проекта составляет 768 490 евро.")
    _, fs = lint_str(text, "ru", ["figures"])
    assert fs == []
