"""Relations read from the structure of the wording (helpers of app.facts.model): a year that dates
an event rather than qualifies an amount, anaphora that point back at a whole ("95 per cent of it",
«из этой суммы»), and the like. Word lists are data (rules/facts/<lang>.yml)."""
from __future__ import annotations

from app.facts.phrases import Word, data, phrase_set


def _month(lang: str, w: str) -> bool:
    from app.facts.phrases import _Pat

    for spec in data(lang).get("months") or []:
        if _Pat(str(spec)).ok(w):
            return True
    return False


def date_year(ws: list[Word], x: int, lang: str) -> bool:
    """ws[x] is a year: is it a date's or a start's ("since January 2024", "in March 2025", «с 2024
    года», «в мае 2025 года»), not one the amount is for?"""
    prev = ws[x - 1].norm if x > 0 else ""
    prev2 = ws[x - 2].norm if x > 1 else ""
    if _month(lang, prev) or (prev.isdigit() and _month(lang, prev2)):
        return True  # "January 2024", «1 марта 2024»
    return prev in (("since", "from") if lang == "en" else ("с", "со"))


def anaphor_at(ws: list[Word], j: int, lang: str) -> int | None:
    """The words at j point back at a whole stated before ("of it", "of this amount", «от этой
    суммы», «из них»): the index after them, else None."""
    m = phrase_set(lang, "anaphora").at(ws, j)
    return m.j if m is not None else None
