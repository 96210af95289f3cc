"""«ё» written in some words and not in others (info).

Only when the document uses «ё» at least once. The words that the dictionary (pymorphy3) writes
with «ё» in every reading are counted both ways: written with «ё» (`осуждённых`) and with «е»
(`ее` for `её`). The minority is flagged, like the other consistency rules, so a text that writes
«е» nearly everywhere gets one note on its stray «ё» instead of a note on every other word.
``[style] yo = "always"`` (every such word with «ё») or ``"never"`` fixes the house style.
Ambiguous words (`все`/`всё`, `небо`/`нёбо`) are left alone.
"""
from __future__ import annotations

import re

from app.language import MAX_WORD, get, morph as shared_morph

WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+(?![\w-])")


def check(doc, rule, ctx):
    house = str(ctx.config.style.get("yo", "consistent")) if ctx is not None else "consistent"
    if house != "always" and "ё" not in doc.text and "Ё" not in doc.text:
        return
    morph = shared_morph(ctx)  # the one analyser the language checks load
    # word -> its «ё» spelling or None, for the whole process: pymorphy3 parsing is the costly part
    cache: dict[str, str | None] = get(ctx, "consistency.yo.targets", dict)
    if len(cache) > 200_000:  # a long-running web server: keep the memory bounded
        cache.clear()
    missing: list[tuple[int, int, str]] = []  # written with е, the dictionary has ё
    written: list[tuple[int, int, str]] = []  # written with ё
    for m in WORD.finditer(doc.text):
        w = m.group(0)
        low = w.lower()
        if "ё" in low:
            before = doc.text[max(0, m.start() - 3):m.start()].rstrip(" \u00a0«\"„(")
            if w[:1].isupper() and before and before[-1] not in ".!?…\n":
                continue  # names (Королёв, Пётр) keep their spelling; they do not set the house style
            written.append((m.start(), m.end(), w.replace("ё", "е").replace("Ё", "Е")))
            continue
        if "е" not in low or len(w) < 2 or len(w) > MAX_WORD:
            continue
        if low not in cache:
            parses = morph.parse(low)
            forms = {p.word for p in parses}
            known = all(p.is_known for p in parses) and not any(
                {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"} & set(p.tag.grammemes) for p in parses)
            cache[low] = next(iter(forms)) if known and len(forms) == 1 and "ё" in next(iter(forms)) else None
        target = cache[low]
        if not target or len(target) != len(w):
            continue
        if ctx.vocabulary and ctx.vocabulary.accepts(w):
            continue
        sugg = "".join(("Ё" if c.isupper() else "ё") if t == "ё" else c for c, t in zip(w, target))
        missing.append((m.start(), m.end(), sugg))
    with_yo = house == "always" or (house != "never" and len(written) >= len(missing))
    if with_yo:
        for start, end, sugg in missing:
            yield rule.finding(doc, start, end, [sugg])
    else:
        for start, end, sugg in written:
            yield rule.finding(doc, start, end, [sugg], message=rule.options["message_without"],
                               message_ru=rule.options["message_without_ru"])
