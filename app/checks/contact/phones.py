"""Phone-number candidates in a document (helper shared by the phone checks).

A candidate is a digit sequence that looks like a phone number: it starts with '+', or a phone
label (тел., tel, phone, моб., fax…) comes right before it, or it has an area code in brackets.
Each is parsed with Google's libphonenumber rules (``phonenumbers``) in the default region
(config.region); a number written without a country code that is invalid there is also tried in a
few common regions, so a US number in an English release is not called invalid.
"""
from __future__ import annotations

import re
from dataclasses import dataclass



class _Lazy:
    """phonenumbers (~12 ms of imports and metadata) imported on the first phone candidate (issue 13)."""

    def __getattr__(self, name):
        import phonenumbers as real

        globals()["phonenumbers"] = real
        return getattr(real, name)


phonenumbers = _Lazy()

CANDIDATE = re.compile(r"(?=[+(\d])(?<![\w+/.@\-])(\+\s?)?(\(?\d[\d \u00a0()\-.]{5,22}\d)(?![\w@]|[.\-]\d|/)")
LABEL = re.compile(r"(?:тел|tel|phone|моб|mob|факс|fax|сот|call|whatsapp|telegram|номер\w*)[\w.]*\s*(?:[:.]|по)?\s*(?:номеру\s*)?$", re.I)
FALLBACK_REGIONS = ("US", "GB", "RU", "KZ", "KG", "UZ", "BE", "DE", "FR")


@dataclass
class Phone:
    start: int
    end: int
    text: str
    digits: str
    number: "phonenumbers.PhoneNumber | None"
    valid: bool
    international: bool  # written with +country code


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def find_phones(doc, region: str = "KZ") -> list[Phone]:
    cached = doc.meta.get(("phones", region))
    if cached is not None:
        return cached
    out: list[Phone] = []
    text = doc.text
    for m in CANDIDATE.finditer(text):
        raw = m.group(0).rstrip(" ).-\u00a0")
        if raw.count("(") != raw.count(")"):
            raw = raw.lstrip("(") if raw.startswith("(") and ")" not in raw else raw
        start, end = m.start(), m.start() + len(raw)
        digits = _digits(raw)
        if not 7 <= len(digits) <= 15:
            continue
        plus = bool(m.group(1))
        labelled = bool(LABEL.search(text[max(0, start - 25):start]))
        bracketed = bool(re.match(r"^(?:\+\s?\d{1,3}\s?)?\(\d{2,5}\)\s?\d", raw))
        if not (plus or labelled or bracketed):
            continue
        # a run of numbers that is not a phone: dates, year ranges, money
        if re.fullmatch(r"(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d", raw.strip()):
            continue
        if re.match(r"^\s*(?:евро|euros?|EUR|€|тенге|долл|руб|USD|\$|млн|тыс|million)", text[end:end + 10], re.I):
            continue
        number, valid = None, False
        try:
            number = phonenumbers.parse(raw, None if plus else region)
            valid = phonenumbers.is_valid_number(number)
        except phonenumbers.NumberParseException:
            number = None
        if not valid and not plus:
            for r in FALLBACK_REGIONS:
                try:
                    n = phonenumbers.parse(raw, r)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(n):
                    number, valid = n, True
                    break
        out.append(Phone(start, end, raw, digits, number, valid, plus))
    doc.meta[("phones", region)] = out
    return out


def international(p: Phone) -> str:
    return phonenumbers.format_number(p.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def repair(raw: str, region: str = "KZ") -> str | None:
    """A valid number an invalid one is most likely meant to be, written the author's way, or None.
    ``+701 744 44 29`` (the country code dropped after the plus) -> ``+7 701 744 44 29``. The one
    suggestion logic of the phone check (command line) and the web form's phone field."""
    text = (raw or "").strip()
    digits = _digits(text)
    if not 7 <= len(digits) <= 15:
        return None
    cc = phonenumbers.country_code_for_region(region or "KZ")
    tries = []
    if text.startswith("+") and cc:
        tries.append(f"+{cc} {text.lstrip('+ ')}")
    if not text.startswith("+") and cc and digits.startswith(str(cc)) and len(digits) > 10:
        tries.append(f"+{text}")
    for t in tries:
        try:
            n = phonenumbers.parse(t, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n):
            return t
    return None
