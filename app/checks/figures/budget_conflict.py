"""The same project's budget given twice with different values.

A budget mention is an amount right after «бюджет проекта» / "project budget" / "total budget of
the project". The project is the nearest «Проект "…"» / project "…" named before it (or the one
project of a release that names none); two different values for one project are an error.
"""
from __future__ import annotations

import re

from app.checks.figures.amounts import find_amounts

BUDGET = re.compile(r"(?:бюджет\w*\s+(?:данного\s+|этого\s+)?проект\w*|(?:total\s+)?(?:project|programme|program)(?:'s)?\s+"
                    r"(?:total\s+)?(?:budget|cost)|(?:total\s+)?budget\s+of\s+the\s+(?:project|programme|program)|"
                    r"стоимость\s+проект\w*)[^.;\d]{0,40}$", re.I)
PROJECT = re.compile(r"(?:[Пп]роект\w*|[Pp]roject|[Pp]rogramme)\s+[«“\"]([^«»“”\"\n]{3,150})[»”\"]")


def check(doc, rule, ctx):
    text = doc.text
    seen: dict[str, tuple] = {}
    names = [(m.start(), m.group(1).strip()) for m in PROJECT.finditer(text)]
    for a in find_amounts(text, doc.language):
        if not BUDGET.search(text[max(0, a.start - 80):a.start]):
            continue
        key = next((n for s, n in reversed(names) if s < a.start), "")
        key = (key, a.currency)
        if key not in seen:
            seen[key] = a
            continue
        first = seen[key]
        if abs(first.value - a.value) > 1e-6 * max(first.value, 1):
            project = f"«{key[0]}»" if key[0] else "the project"
            project_ru = f"проекта «{key[0]}»" if key[0] else "проекта"
            yield rule.finding(doc, a.start, a.end, [first.text],
                               message=f"The budget of {project} was given as '{first.text}' earlier; here '{a.text}'",
                               message_ru=f"Выше бюджет {project_ru} указан как «{first.text}», а здесь — «{a.text}»")
