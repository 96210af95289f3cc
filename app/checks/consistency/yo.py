"""«ё» written in some words and not in others (info).

Only when the document uses «ё» at least once: then a word written with «е» where the dictionary
(pymorphy3) has «ё» in every reading (`ее` -> `её`, `осужденных` -> `осуждённых`) is flagged.
Ambiguous words (`все`/`всё`, `небо`/`нёбо`) are left alone.
"""
from __future__ import annotations

import re

WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+(?![\w-])")


def _morph(ctx):
    def build():
        import pymorphy3
        return pymorphy3.MorphAnalyzer()
    return ctx.resource("pymorphy3", build)


def check(doc, rule, ctx):
    if "ё" not in doc.text and "Ё" not in doc.text:
        return
    morph = _morph(ctx)
    cache: dict[str, str | None] = {}
    for m in WORD.finditer(doc.text):
        w = m.group(0)
        if "е" not in w.lower() or "ё" in w.lower() or len(w) < 2:
            continue
        low = w.lower()
        if low not in cache:
            parses = morph.parse(low)
            forms = {p.word for p in parses}
            known = all(p.is_known for p in parses) and not any(
                {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"} & set(p.tag.grammemes) for p in parses)
            cache[low] = next(iter(forms)) if known and len(forms) == 1 and "ё" in next(iter(forms)) else None
        target = cache[low]
        if not target or len(target) != len(w):
            continue
        sugg = "".join(("Ё" if c.isupper() else "ё") if t == "ё" else c for c, t in zip(w, target))
        if ctx.vocabulary and ctx.vocabulary.accepts(w):
            continue
        yield rule.finding(doc, m.start(), m.end(), [sugg])
