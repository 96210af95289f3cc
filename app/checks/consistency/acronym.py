"""An acronym used before the place where it is defined («… Европейский Союз (ЕС)») — info."""
from __future__ import annotations

import re

# "Full Name (ACR)" — the capitals of the acronym are checked against the name loosely
DEFINITION = re.compile(r"(?P<name>(?:[A-ZА-ЯЁ«\"“][\w«»\"“”\-]*\s+){0,8}?[\w»\"”]+)\s*\((?P<acr>[A-ZА-ЯЁ]{2,8})\)")


def _plausible(name: str, acr: str) -> bool:
    initials = "".join(w[0].upper() for w in re.findall(r"[\w]+", name) if w[0].isalpha())
    pos = 0
    for ch in acr:
        pos = initials.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def check(doc, rule, ctx):
    text = doc.text
    seen: set[str] = set()
    for d in DEFINITION.finditer(text):
        acr = d.group("acr")
        if acr in seen:
            continue
        seen.add(acr)
        # only the window of words just before the parenthesis counts as the name
        name = " ".join(d.group("name").split()[-len(acr) - 3:])
        if not _plausible(name, acr):
            continue
        first = re.search(r"(?<![\w\-])" + re.escape(acr) + r"(?![\w\-])", text[:d.start("acr") - 1])
        if first:
            yield rule.finding(doc, first.start(), first.end(), [], acronym=acr,
                               definition=f"{d.group('name').strip()} ({acr})")
