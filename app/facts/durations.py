"""Which durations are the project's own (facts model, issue 10).

A duration and a period stated in different sentences are paired only when the duration is the
project's: its clause names the project («Двухлетний проект …», "The programme will run for three
years", «Проект продлится …») or its sentence states the money ("will invest EUR 1.5 million over the
next three years"); otherwise — an activity («Обучение длится четыре месяца»,
"each course lasts six months") has a duration of its own, not the project's period.
"""
from __future__ import annotations

from app.facts.phrases import phrase_set


def project_durations(b, durs: list) -> list:
    proj = phrase_set(b.lang, "project.words")
    out = []
    for d in durs:
        if d.sentence < 0 or d.sentence >= len(b.sent_words):
            continue
        ws = b.sent_words[d.sentence]
        i = b._widx(ws, d.start)
        # the clause of the duration: up to 12 words before it, 3 after
        lo, hi = max(0, i - 12), min(len(ws), b._widx(ws, d.end) + 3)
        for k in range(i - 1, lo - 1, -1):
            if ws[k].norm in (";",) or b.text[ws[k].end:ws[k + 1].start if k + 1 < len(ws) else ws[k].end].strip() in (".", ";"):
                lo = k + 1
                break
        money = any(f.kind == "money" for f in b.sent_facts[d.sentence])
        if proj.find(ws, lo, hi) or money:
            out.append(d)  # the project or its money ("will invest … over the next three years")
        elif d.meta.get("about") and len(ws) <= 5 and len(b.sent_facts[d.sentence]) == 1:
            out.append(d)  # a fact box's line («2 года работы», "Duration: 24 months"): the project's
    return out


def project_ranges(b, rngs: list) -> list:
    """Periods that are the project's: the sentence names the project («Проект реализуется в 2024–2026 годах",
    "The initiative runs from January 2025 …») or states its money, or the period stands in the headline, lead
    or summary. «Оставшиеся 80 км планируется восстановить в 2026–2027 годах» is a work's period, not the project's."""
    proj = phrase_set(b.lang, "project.words")
    out = []
    for r in rngs:
        if r.sentence < 0 or r.sentence >= len(b.sent_words) or r.place in ("headline", "lead", "header", "footer") \
                or r.meta.get("about"):
            out.append(r)
            continue
        ws = b.sent_words[r.sentence]
        money = any(f.kind == "money" for f in b.sent_facts[r.sentence])
        if proj.find(ws, 0, len(ws)) or money:
            out.append(r)
    return out
