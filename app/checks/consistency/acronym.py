"""An acronym used before the place where it is defined («… Европейский Союз (ЕС)») — info."""
from __future__ import annotations

import re

# "Full Name (ACR)" — the capitals of the acronym are checked against the name loosely. Linear time:
# a match starts only where a word starts, words are at most 60 characters and possessive.
DEFINITION = re.compile(r"(?<![\w«»\"“”])(?P<name>(?:[A-ZА-ЯЁ«\"“][\w«»\"“”\-]{0,60}+\s++){0,8}?[\w»\"”]{1,60}+)"
                        r"\s*+\((?P<acr>[A-ZА-ЯЁ]{2,8}+)\)")
# every bare all-capital token, to find an acronym's first use in one pass over the text
_CAPS = re.compile(r"(?=[A-ZА-ЯЁ])(?<![\w\-])[A-ZА-ЯЁ]{2,8}+(?![\w\-])")


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
    first_use: dict[str, int] = {}
    for m in _CAPS.finditer(text):
        first_use.setdefault(m.group(0), m.start())
    for d in DEFINITION.finditer(text):
        acr = d.group("acr")
        if acr in seen:
            continue
        seen.add(acr)
        # only the window of words just before the parenthesis counts as the name
        name = " ".join(d.group("name").split()[-len(acr) - 3:])
        if not _plausible(name, acr):
            continue
        first = first_use.get(acr)
        if first is not None and first + len(acr) <= d.start("acr") - 1:
            yield rule.finding(doc, first, first + len(acr), [], acronym=acr,
                               definition=f"{d.group('name').strip()} ({acr})")
