"""Ranges written with different dashes (en dash vs em dash) in one document."""
from __future__ import annotations

import re

RANGE = re.compile(r"(?=\d)(?<![\d.])(\d{1,4})\s?([–—])\s?(\d{1,4})(?![\d.])")
NAMES = {"–": "en dash (–)", "—": "em dash (—)"}
NAMES_RU = {"–": "короткое тире (–)", "—": "длинное тире (—)"}


def check(doc, rule, ctx):
    hits: dict[str, list[re.Match]] = {"–": [], "—": []}
    for b in rule.in_scope(doc):
        chunk = doc.text[b.start:b.end]
        for m in RANGE.finditer(chunk):
            a, z = int(m.group(1)), int(m.group(3))
            if a < z:  # a range, not a score or a code
                hits[m.group(2)].append((b.start, m))
    if not hits["–"] or not hits["—"]:
        return
    winner = "–" if len(hits["–"]) >= len(hits["—"]) else "—"
    loser = "—" if winner == "–" else "–"
    for base, m in hits[loser]:
        s, e = base + m.start(), base + m.end()
        yield rule.finding(doc, s, e, [f"{m.group(1)}{winner}{m.group(3)}"], majority=NAMES[winner],
                           fields_ru={"majority": NAMES_RU[winner]})
