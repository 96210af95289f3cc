"""Money amounts as people type them, in both languages.

``parse_amount("777.895")`` is 777895: a group of exactly three digits after a dot or a comma is
a thousands separator, in Russian and in English alike (nobody writes money to a tenth of a cent).
One or two digits after the last separator are the cents (``1 500,50``, ``1,500.50``). What is
still ambiguous (``1.5000``, ``1234.567``, ``0.500``, ``1.234,567``) is refused with a message
that says how to write it, never guessed.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009'’_]")
_CURRENCY = re.compile(r"^(?:eur|usd|kzt|€|\$|₸)|(?:eur|usd|kzt|евро|euros?|тенге|долл\.?(?:аров)?(?:сша)?|€|\$|₸)$",
                       re.I)

MESSAGES = {
    "ambiguous": {
        "en": "{0!r} is ambiguous: write the amount without separators (e.g. {1}) or with two decimals",
        "ru": "запись {0!r} неоднозначна: напишите сумму без разделителей (например, {1}) или с двумя знаками после запятой",
    },
    "not_number": {
        "en": "{0!r} is not an amount: write digits, e.g. 739 000",
        "ru": "{0!r} не является суммой: напишите цифрами, например 739 000",
    },
}


class AmountError(ValueError):
    def __init__(self, key: str, raw: str):
        self.key = key
        self.raw = raw
        super().__init__(message(key, raw, "en"))


def message(key: str, raw: str, lang: str) -> str:
    digits = re.sub(r"\D", "", raw)[:15] or "739000"
    return MESSAGES[key]["ru" if lang == "ru" else "en"].format(raw, digits)


def parse_amount(text: str) -> Decimal:
    """'777.895' -> 777895, '1 500,5' -> 1500.5, '1.234.567,89' -> 1234567.89; AmountError otherwise.
    The digits are read by ``app.facts.numbers.read_amount`` (the one reader of numbers)."""
    from app.facts.numbers import Ambiguous, read_amount

    raw = (text or "").strip()
    t = _SPACES.sub("", raw)
    t = _CURRENCY.sub("", t) if len(t) > 1 else t
    t = _CURRENCY.sub("", t) if len(t) > 1 else t  # "EUR 1 000 €"
    try:
        return read_amount(t)
    except Ambiguous:
        raise AmountError("ambiguous", raw) from None
    except ValueError:
        raise AmountError("not_number", raw) from None


def amount_problem(value, lang: str) -> str | None:
    """The message for a number from a release file that cannot be money as written
    (``777.895`` in YAML is a float with three decimals: almost certainly 777 895), or None."""
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if d.is_finite() and d != d.to_integral_value() and -d.as_tuple().exponent > 2:
        return message("ambiguous", str(value), lang)
    return None


__all__ = ["AmountError", "parse_amount", "amount_problem", "message"]
