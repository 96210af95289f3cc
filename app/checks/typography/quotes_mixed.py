"""Straight quotes in a Russian text that also uses «ёлочки»."""
from __future__ import annotations

import re

PAIR = re.compile(r'"([^"\n]{1,300})"')


def check(doc, rule, ctx):
    if "«" not in doc.text:
        return
    for b in rule.in_scope(doc):
        chunk = doc.text[b.start:b.end]
        covered = set()
        for m in PAIR.finditer(chunk):
            covered.update((m.start(), m.end() - 1))
            inner = m.group(1)
            yield rule.finding(doc, b.start + m.start(), b.start + m.end(), [f"«{inner}»"])
        for i, ch in enumerate(chunk):
            if ch == '"' and i not in covered:
                yield rule.finding(doc, b.start + i, b.start + i + 1, ["«" if i + 1 < len(chunk) and not chunk[i + 1].isspace() else "»"])
