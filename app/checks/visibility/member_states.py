"""The EU has 27 Member States (since 1 February 2020): "28 Member States" / «28 стран» is outdated."""
from __future__ import annotations

import re

from app.core import eu_texts

EU = re.compile(r"(?=[ЕE])(?:Европейск\w+\s+[Сс]оюз\w*|Евросоюз\w*|\bЕС\b|European\s+Union|\bEU\b)")
COUNT = re.compile(r"(?=2)(?<![\d.,])(?P<n>28)(?P<rest>\s+(?:(?:EU\s+)?[Mm]ember\s+[Ss]tates|(?:EU\s+|European\s+)?countries|"
                   r"(?:европейских\s+)?(?:стран\w*|государств\w*)(?:[-–\s]+член\w*)?))")
HISTORY = re.compile(r"\b(?:19\d\d|200\d|201\d)\b|Brexit|Великобритани\w+|United\s+Kingdom|\bUK\b|до\s+2020|before\s+2020", re.I)


def check(doc, rule, ctx):
    n = eu_texts.member_states(doc.language)
    for sent in doc.sentences:
        if not EU.search(sent.text) or HISTORY.search(sent.text):
            continue
        for m in COUNT.finditer(sent.text):
            sugg = f"{n}{m.group('rest')}"
            yield rule.finding(doc, sent.start + m.start(), sent.start + m.end(), [sugg], fix=sugg, count=n)
