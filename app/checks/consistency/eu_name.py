"""«Европейский Союз» vs «Европейский союз»: one form in a document, in every case form.

The form used most often wins (a tie goes to «Союз», the form EU Delegations use);
``[style] eu_name_ru`` in pressroom.toml fixes the house form. The suggestion keeps the
inflection of the flagged words (`Европейским союзом` -> `Европейским Союзом`).
"""
from __future__ import annotations

import re

EU = re.compile(r"\b(Европейск(?:ий|ого|ому|им|ом))\s+([Сс])(оюз(?:а|у|ом|е)?)\b")


def check(doc, rule, ctx):
    hits = list(EU.finditer(doc.text))
    if not hits:
        return
    upper = [m for m in hits if m.group(2) == "С"]
    lower = [m for m in hits if m.group(2) == "с"]
    house = str((ctx.config.style or {}).get("eu_name_ru", "")).strip()
    if house:
        winner = "С" if re.search(r"\bСоюз", house) else "с"
    else:
        if not upper or not lower:
            return
        winner = "С" if len(upper) >= len(lower) else "с"
    losers = lower if winner == "С" else upper
    majority = f"Европейский {winner}оюз"
    for m in losers:
        sugg = f"{m.group(1)} {winner}{m.group(3)}"
        yield rule.finding(doc, m.start(), m.end(), [sugg], fix=sugg, majority=majority,
                           count=len(upper if winner == "С" else lower))
