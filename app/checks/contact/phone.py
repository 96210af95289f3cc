"""Invalid phone numbers; when the same number is written validly elsewhere, suggest it."""
from __future__ import annotations


from app.checks.contact.phones import find_phones, international, repair


def _repair(bad, valid_phones):
    """The valid number this invalid one is a mangled copy of, written the way the author did."""
    for v in valid_phones:
        cc = str(v.number.country_code)
        national = str(v.number.national_number)
        if bad.digits == national and bad.international:
            # "+701 744 44 29" next to "+77017444429": the country code was dropped
            rest = bad.text.lstrip("+ ")
            return f"+{cc} {rest}", v
        if bad.digits in (v.digits, cc + national, national) or bad.digits.lstrip("0") == national:
            return international(v), v
    return None, None


def check(doc, rule, ctx):
    phones = find_phones(doc, ctx.config.region or "KZ")
    valid = [p for p in phones if p.valid]
    for p in phones:
        if p.valid:
            continue
        sugg, other = _repair(p, valid)
        if sugg:
            yield rule.finding(doc, p.start, p.end, [sugg], fix=sugg,
                               message=f"Invalid phone number; the same number is written validly elsewhere "
                                       f"({other.text})",
                               message_ru=f"Некорректный номер телефона; в другом месте этот номер записан верно "
                                          f"({other.text})")
        elif repair(p.text, ctx.config.region or "KZ"):
            sugg = repair(p.text, ctx.config.region or "KZ")
            yield rule.finding(doc, p.start, p.end, [sugg], region=ctx.config.region or "KZ")
        else:
            yield rule.finding(doc, p.start, p.end, [], region=ctx.config.region or "KZ")
