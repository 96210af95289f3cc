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


QUAL_PREPS = {"en": ("from", "of", "in", "across", "at"), "ru": ("из", "в", "во", "от", "со")}
QUAL_DETS = {"en": ("all", "the", "its", "their", "all the"), "ru": ("всех", "всего", "разных", "своих", "всей")}


def qualifier_gap(between: str, lang: str) -> bool:
    """The words between a whole count and the next count make the next one a qualifier of the whole:
    "140 delegates from five countries", «310 участников из всех 14 регионов»."""
    toks = between.lower().split()
    if not toks or len(toks) > 3 or toks[0] not in QUAL_PREPS.get(lang, ()):
        return False
    return all(t.isalpha() and (t in QUAL_DETS.get(lang, ()) or i == 0) for i, t in enumerate(toks))


def after_qualifier_prep(ws: list[Word], i0: int, lang: str) -> bool:
    """The count at word i0 follows "from (all)", «из (всех)»: it qualifies the count before it."""
    preps, dets = QUAL_PREPS.get(lang, ()), QUAL_DETS.get(lang, ())
    if i0 >= 1 and ws[i0 - 1].norm in preps:
        return True
    return i0 >= 2 and ws[i0 - 1].norm in dets and ws[i0 - 2].norm in preps


def enumeration_complete(text: str, groups, lang: str) -> bool:
    """Groups listed one by one after a colon or a dash and closed by "and" / «и» ("52 from
    Kazakhstan, 31 from Uzbekistan … and 12 from Turkmenistan", «20 – в Иссык-Кульской, 15 – в
    Нарынской и 11 – в Таласской»): the list is the whole breakdown, not a selection."""
    if len(groups) < 2:
        return False
    last_gap = text[groups[-2].end:groups[-1].start].lower().split()
    closing = ("and",) if lang == "en" else ("и", "а")
    if not last_gap or last_gap[-1] not in closing:
        return False
    tail = text[groups[-1].end:groups[-1].end + 30].lower()
    return not any(w in tail for w in (("other", "others", "etc", "rest") if lang == "en" else ("друг", "прочи", "т. д", "т.д")))
