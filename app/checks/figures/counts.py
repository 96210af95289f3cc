"""A count stated twice for the same thing with different values ("80 participants" … "more than
90 participants") — a warning. Only nouns that count people at the event are compared
(participants, attendees, delegates; участники, слушатели, делегаты)."""
from __future__ import annotations

import re

RU = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:[ \u00a0]\d{3})*)\s+(?P<noun>участник\w*|участниц\w*|слушател\w*|делегат\w*)", re.I)
EN = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:\w+\s+)?(?P<noun>participants?|attendees?|delegates?|trainees?)\b", re.I)


SUBSET = re.compile(r"(?:из\s+них|из\s+которых|в\s+том\s+числе|включая|среди\s+них|including|of\s+whom|of\s+them|among\s+them|"
                    r"among|each|per|каждый|каждого)\s*(?:\w+\s+){0,2}$", re.I)


def _lemma(noun: str) -> str:
    n = noun.lower()
    for stem in ("участниц", "участник", "слушател", "делегат"):
        if n.startswith(stem):
            return "участник" if stem == "участниц" else stem
    return n.rstrip("s")


def check(doc, rule, ctx):
    rx = RU if doc.language == "ru" else EN
    first: dict[str, tuple[int, str]] = {}
    for m in rx.finditer(doc.text):
        if SUBSET.search(doc.text[max(0, m.start() - 30):m.start()]):
            continue
        value = int(re.sub(r"\D", "", m.group("n")))
        key = _lemma(m.group("noun"))
        if key not in first:
            first[key] = (value, m.group(0))
            continue
        if first[key][0] != value:
            yield rule.finding(doc, m.start(), m.end(), [], earlier=first[key][1])
