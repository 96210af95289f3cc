"""Valid phone numbers written in different formats in one release (info)."""
from __future__ import annotations

import re

from app.checks.contact.phones import find_phones, international


def check(doc, rule, ctx):
    phones = [p for p in find_phones(doc, ctx.config.region or "KZ") if p.valid and p.number is not None]
    if len(phones) < 2:
        return
    kinds = {("+" if p.international else "0") + ("compact" if re.fullmatch(r"\+?\d+", p.text) else
             "brackets" if "(" in p.text else "hyphens" if "-" in p.text else "spaces") for p in phones}
    if len(kinds) < 2:
        return
    for p in phones:
        target = international(p)
        if p.text != target:
            yield rule.finding(doc, p.start, p.end, [target])
