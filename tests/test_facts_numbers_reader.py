"""app/facts/numbers.py is the one reader of numbers: the thousands-style check and the release's
money fields read digits through it (grouping, separators, '777.895' as thousands)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.facts.numbers import Ambiguous, group_digits, grouped_numbers, read_amount


def test_group_digits_in_any_separator():
    assert group_digits("2450000", "\u00a0") == "2\u00a0450\u00a0000"
    assert group_digits("2450000", ",") == "2,450,000"
    assert group_digits("980", ",") == "980"
    assert group_digits("2450000", "") == "2450000"


def test_grouped_numbers_keep_the_separator_as_written():
    found = grouped_numbers("Budget 2 450 000, loans 3,100,000 and 4.200.000; also 5600000 euros.")
    assert [(g.sep, g.digits) for g in found] == [(" ", "2450000"), (",", "3100000"), (".", "4200000"), ("", "5600000")]
    assert [g.groups for g in found[:3]] == [2, 2, 2]


def test_grouped_numbers_skip_phone_like_and_decimal_tails():
    assert grouped_numbers("ratio 1,250.75") == []
    assert [g.digits for g in grouped_numbers("ref 12 345")] == ["12345"]


@pytest.mark.parametrize("typed,value", [("640.250", 640250), ("640,250", 640250), ("2.640.250", 2640250),
                                         ("2,640,250.40", Decimal("2640250.40")), ("2.640.250,40", Decimal("2640250.40")),
                                         ("15,5", Decimal("15.5")), ("8000", 8000)])
def test_read_amount_reads_typed_money(typed, value):
    assert read_amount(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["3.2500", "8250.125", "0.750", "2.640,250"])
def test_read_amount_refuses_what_has_two_readings(typed):
    with pytest.raises(Ambiguous):
        read_amount(typed)


@pytest.mark.parametrize("typed", ["", "abc", ".5", "12."])
def test_read_amount_refuses_what_is_not_a_number(typed):
    with pytest.raises(ValueError):
        read_amount(typed)
