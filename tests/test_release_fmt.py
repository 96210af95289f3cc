"""House style helpers: dates, money, ranges, quotes, dashes, no-break spaces."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.release.fmt import date_text, money, number, quoted, typeset, year_range
from app.release.model import SPEC, Release

NB = "\u00a0"


def test_dates():
    assert date_text(dt.date(2025, 11, 21), "ru") == f"21{NB}ноября 2025{NB}года"
    assert date_text(dt.date(2026, 3, 2), "en") == f"2{NB}March 2026"


@pytest.mark.parametrize("value,currency,lang,expected", [
    (739000, "EUR", "ru", f"739{NB}000{NB}евро"),
    (739000, "EUR", "en", f"EUR{NB}739{NB}000"),
    (1500, "EUR", "en", f"EUR{NB}1500"),  # four digits are not split
    (Decimal("12500.5"), "EUR", "ru", f"12{NB}500,50{NB}евро"),
    (Decimal("12500.5"), "USD", "en", f"USD{NB}12{NB}500.50"),
    (2500000, "KZT", "ru", f"2{NB}500{NB}000{NB}тенге"),
])
def test_money(value, currency, lang, expected):
    assert money(value, currency, lang) == expected


def test_numbers_and_ranges():
    assert number(777895, "ru") == f"777{NB}895"
    assert number(777895, "ru", nbsp=False) == "777 895"
    assert year_range(dt.date(2024, 1, 1), dt.date(2026, 12, 31), "ru") == f"2024–2026{NB}гг."
    assert year_range(dt.date(2024, 1, 1), dt.date(2026, 12, 31), "en") == "2024–2026"


def test_quotes():
    assert quoted("Центр «Право»", "ru") == "«Центр „Право“»"
    assert quoted("a ‘b’", "en") == "“a ‘b’”"
    assert typeset('Проект "Центр "LPRC"" начат', "ru") == "Проект «Центр „LPRC“» начат"
    assert typeset('The "best" day', "en") == "The “best” day"


def test_dashes_and_no_break_spaces():
    assert typeset("Казахстан - модернизация", "ru") == f"Казахстан{NB}— модернизация"
    assert typeset("Kazakhstan - modernisation", "en") == f"Kazakhstan{NB}– modernisation"
    assert typeset("в 2024-2026 гг.", "ru") == f"в{NB}2024–2026{NB}гг."
    assert typeset("собрал 80 участников в Астане", "ru") == f"собрал 80{NB}участников в{NB}Астане"
    assert typeset("бюджет 739 000 евро", "ru") == f"бюджет 739{NB}000{NB}евро"
    assert typeset("well-known e-mail a-b", "en") == "well-known e-mail a-b"  # hyphens in words stay
    assert typeset("a  double   space", "en") == f"a{NB}double space"


def test_docs_document_every_release_field():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "render.md").read_text(encoding="utf-8")
    for spec in SPEC[Release]:
        assert f"| `{spec.name}` |" in doc, spec.name
