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
        j = b._widx(ws, d.end)
        # "a three-year EU-funded project": the hyphenated words between the adjective and its noun do not count
        hyph = sum(1 for w in ws[j:j + 6] if w.norm == "-") if d.meta.get("adjective") or "-" in d.text else 0
        lo, hi = max(0, i - 12), min(len(ws), j + 3 + 2 * hyph)
        for k in range(i - 1, lo - 1, -1):
            if ws[k].norm in (";",) or b.text[ws[k].end:ws[k + 1].start if k + 1 < len(ws) else ws[k].end].strip() in (".", ";"):
                lo = k + 1
                break
        money = any(f.kind == "money" for f in b.sent_facts[d.sentence])
        opens = proj.at(ws, 0) is not None and sum(f.kind == "duration" for f in b.sent_facts[d.sentence]) == 1 \
            and ";" not in b.text[ws[0].start:d.start]
        if proj.find(ws, lo, hi) or money or opens:
            # the project or its money ("will invest … over the next three years"); a sentence whose subject is the
            # project and whose one duration it is («Проект по снижению риска … в … области продлится 30 месяцев»)
            out.append(d)
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


_SAME_SUBJECT = {"it", "он", "она", "оно", "работа", "работы"}


def start_end_across(b) -> None:
    """«Проект … начался 1 апреля 2024 года. Он завершится 31 марта 2027 года.», "The project started in March 2025.
    It will end in February 2027.": a start date (a verb of beginning, ``start_words``) and an end date (``END_WORD``)
    in two consecutive sentences of a paragraph (or the next one), nothing else dated in them, make the project's
    period (to the month: «1 апреля 2024 – 31 марта 2027» is 36 months)."""
    import re

    from app.facts.dates import Range, TimePoint, time_points
    from app.facts.model import END_WORD
    from app.facts.phrases import data

    proj = phrase_set(b.lang, "project.words")
    starts = [str(x) for x in (data(b.lang).get("start_words") or [])]
    if not starts:
        return
    start_rx = re.compile(r"(?<![\w])(?:" + "|".join(starts) + r")[ \u00a0,]*(?:[^\W\d]+[ \u00a0]+){0,2}$", re.I)

    def one_point(k):
        a, e = b.sentences[k]
        text = b.text[a:e]
        pts = [p for p in time_points(text, b.lang)]
        if len(pts) != 1 or not (pts[0].month and pts[0].year) or any(f.kind == "range" for f in b.sent_facts[k]):
            return None, None, None
        return a, text, pts[0]

    for k in range(len(b.sentences) - 1):
        if b.sent_block[k + 1] - b.sent_block[k] > 1:
            continue
        a1, t1, p1 = one_point(k)
        if p1 is None or not start_rx.search(t1[max(0, p1.start - 40):p1.start]):
            continue
        a2, t2, p2 = one_point(k + 1)
        if p2 is None or not END_WORD[b.lang].search(t2[max(0, p2.start - 25):p2.start]):
            continue
        ws2 = b.sent_words[k + 1]
        if not ws2 or not (ws2[0].norm in _SAME_SUBJECT or proj.at(ws2, 0) or len(ws2) > 1 and ws2[0].norm == "the"
                           and proj.at(ws2, 1)):
            continue  # "The call for grants will end in May": another thing's end
        if (p2.year, p2.month) <= (p1.year, p1.month):
            continue
        first = TimePoint(a1 + p1.start, a1 + p1.end, p1.year, p1.month, None)
        last = TimePoint(a2 + p2.start, a2 + p2.end, p2.year, p2.month, None)
        R = Range(first.start, last.end, first, last)
        blk = next((x for x in b.doc.blocks if x.index == b.sent_block[k + 1]), None)
        place = b.place_of(a2, blk) if blk is not None else "body"
        f = b.add("range", last.start, last.end, 0.0, R.precision, None, place=place, scope=b.scope_at(a1),
                  sentence=k + 1, block=b.sent_block[k + 1], range=R)
        f.meta["split"] = True
        b.sent_facts[k + 1].append(f)
        b.sent_facts[k + 1].sort(key=lambda x: x.start)


_REMAINING_BEFORE = {"en": ("remaining", "other", "final", "rest"), "ru": ("оставшиеся", "оставшихся", "остальные", "остальных",
                                                                       "оставшимся", "остальным")}
_MONTHS = {"months": 1.0, "years": 12.0, "weeks": 12 / 52}


def remaining_durations(b) -> None:
    """"The 24-month project … will devote its first six months to an assessment … The remaining 16 months will be
    used to …": a duration called the rest (``_REMAINING_BEFORE`` right before it) is what the whole duration stated
    before it in the paragraph (or the one before) leaves after the durations between them: a complete sum."""
    F = b.model.facts
    durs = [f for f in F if f.kind == "duration" and f.sentence >= 0 and not f.table]
    used = {i for r in b.model.relations if r.kind == "sum" for i in r.facts}
    for r in durs:
        if r.id in used or r.hedge or r.unit not in _MONTHS:
            continue
        ws = b.sent_words[r.sentence]
        i = b._widx(ws, r.start)
        if not any(ws[k].norm in _REMAINING_BEFORE[b.lang] for k in range(max(0, i - 2), i)):
            continue
        before = [d for d in durs if d.end <= r.start and d.unit in _MONTHS and 0 <= r.block - d.block <= 1
                  and r.sentence - d.sentence <= 3]
        val = lambda d: d.value * _MONTHS[d.unit]  # noqa: E731
        wholes = [d for d in before if val(d) > val(r) and not d.hedge]
        if not wholes:
            continue
        whole = wholes[0]
        if any(val(d) >= val(whole) for d in before if d is not whole and d.start > whole.start):
            continue  # two wholes (a phase's length and the project's): not one reading
        parts = [d for d in before if d.start > whole.end and d is not whole and not d.hedge and d.id not in used]
        if not parts or any(d.unit != r.unit for d in parts) or whole.unit != r.unit and not whole.meta.get("adjective"):
            continue
        if whole.unit != r.unit:
            continue
        if sum(val(d) for d in parts) >= val(whole):
            continue
        r.meta["remaining"] = True
        b.rel("sum", [whole.id] + [d.id for d in parts] + [r.id], True, origin="text", note="remaining duration")
