"""A whole and its breakdown after a colon, one labelled figure per item.

    "… has reached 5,300 households in three districts of Jalal-Abad region:
     - Suzak district: 2,100 households
     - Bazar-Korgon district: 1,700 households …"
    «Участниками стали 96 преподавателей из трёх вузов: университета … — 41, института … — 33, …»
    "… a EUR 1.9 million project. The budget is split across three components:
     - programme budgeting: EUR 900,000; …"

The items are the lines after a paragraph ending with ":" (or the clauses after a colon inside a
sentence, separated by ";" "," or "and"), each holding one figure with its label: "label: N",
"label – N" (the figure may be bare: the whole gives its unit) or "N <unit> in/from <label>". The
whole is the one figure of the same kind (and unit) before the colon in its sentence, or, when the
sentence before the colon states none ("Распределение выпускников по регионам:"), the one figure of
that kind in the sentence before it. The items are all of the whole unless the words before the colon
announce a selection (list ``breakdown_partial``: "including", «в частности», "the largest") or the
number of items stated there ("three districts") is not the number listed.
"""
from __future__ import annotations

import bisect
import re

from app.facts.numbers import find_numbers
from app.facts.phrases import phrase_set, words

_BULLET = re.compile(r"[ \t\u00a0]*(?:[-–—•*·▪►]|\d{1,2}[.)])[ \t\u00a0]+")
_CLAUSE_SEP = re.compile(r";|,(?=[ \t\u00a0])")
_AND = re.compile(r"[ \u00a0](?:и|а также|and|as well as)[ \u00a0]")
_PREP_AFTER = {"en": ("in", "from", "at", "for", "of"), "ru": ("в", "во", "из", "на", "для", "по")}
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_ITEMS = 30


def colon_lists(b) -> None:
    """Read every breakdown after a colon into a groups (counts) or sum (money) relation."""
    text = b.text
    starts = [s for s, _ in b.sentences]
    taken = {i for r in b.model.relations if r.kind in ("sum", "groups", "share", "product") for i in r.facts}
    blocks = [x for x in b.doc.blocks if x.kind != "table-cell"]
    for n, blk in enumerate(blocks):
        body = text[blk.start:blk.end].rstrip()
        if body.endswith(":") and n + 1 < len(blocks):
            items = []
            for nxt in blocks[n + 1:n + 1 + _MAX_ITEMS]:
                it = _item(b, starts, nxt.start, nxt.end, nxt, line=True)
                if it is None:
                    break
                items.append(it)
            colon = blk.start + len(body) - 1
            _read(b, starts, colon, items, taken)
        at = body.find(":")
        while at >= 0:
            colon = blk.start + at
            at = body.find(":", at + 1)
            k = _sentence_at(starts, colon)
            if k < 0 or colon + 1 >= b.sentences[k][1] or not text[colon + 1:colon + 2].isspace():
                continue
            # the items run to the sentence's end or the next colon, at most _MAX_ITEMS of them (linear in the text)
            end = min(b.sentences[k][1], blk.start + at if at >= 0 else len(text), colon + 200 * _MAX_ITEMS)
            items = []
            pos = colon + 1
            segs = []
            for sm in _CLAUSE_SEP.finditer(text, pos, end):
                segs.append((pos, sm.start()))
                pos = sm.end()
                if len(segs) > _MAX_ITEMS:
                    break
            if len(segs) > _MAX_ITEMS:
                continue
            segs.append((pos, end))
            segs = [x for s, e in segs for x in _split_and(b, s, e)]
            for s, e in segs:
                it = _item(b, starts, s, e, blk, line=False)
                if it is None:
                    items = []
                    break
                items.append(it)
            _read(b, starts, colon, items, taken)


def _label_before(before: str) -> bool:
    """The text before an item's figure ends with a label and its separator: "… district:", «… район —»
    (string operations on the tail only: linear in the item)."""
    t = before.rstrip(" \t\u00a0")
    if not t or t[-1] not in ":—–-":
        return False
    t = t[:-1].rstrip(" \t\u00a0")
    return bool(t) and (t[-1].isalnum() or t[-1] in "\"»”’)")


def _split_and(b, s: int, e: int) -> list[tuple[int, int]]:
    """A clause holding two figures joined by "and" / «и» is two items («… — 15 и C — 11»); one figure: one
    item, whatever "and" its label holds («университета гуманитарных наук и развития — 28»)."""
    if len(find_numbers(b.text[s:e], b.lang, s)) < 2:
        return [(s, e)]
    out, pos = [], s
    for m in _AND.finditer(b.text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return out


def _sentence_at(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _item(b, starts: list[int], s: int, e: int, blk, line: bool):
    """(start, end, value, fact or None, unit, block) of the one labelled figure in text[s:e], or None."""
    text = b.text
    seg = text[s:e]
    lead = _BULLET.match(seg)
    s0 = s + (lead.end() if lead else 0)
    e0 = s + len(seg.rstrip(" \t\u00a0;.,\n"))
    if e0 - s0 < 2 or (line and len(seg) > 200):
        return None
    k = _sentence_at(starts, s0)
    facts = []
    while 0 <= k < len(b.sentences) and b.sentences[k][0] < e0:
        fs = b.sent_facts[k]  # (sorted by start)
        lo = bisect.bisect_left(fs, s0, key=lambda f: f.start)
        for f in fs[lo:bisect.bisect_left(fs, e0, key=lambda f: f.start)]:
            if f.kind in ("count", "money", "percent", "range", "duration"):
                facts.append(f)
        if len(facts) > 1:
            return None
        k += 1
    if any(f.kind in ("range", "duration") for f in facts):
        return None
    if len(facts) > 1:
        return None
    if facts:
        f = facts[0]
        if f.hedge or f.meta.get("each"):
            return None
        start, end, value, unit, kind = f.start, f.end, f.value, f.unit, f.kind
    else:
        nums = [x for x in find_numbers(text[s0:e0], b.lang, s0) if not (_YEAR.fullmatch(x.text) and x.text == text[x.start:x.end])]
        if len(nums) != 1 or nums[0].value <= 0:
            return None
        x = nums[0]
        f, start, end, value, unit, kind = None, x.start, x.end, x.value, "", "count"
    before = text[s0:start]
    after = text[end:e0].strip()
    if _label_before(before):
        pass  # "Suzak district: 2,100 households", «Бохтарский район — 9 сёл»
    elif not before.strip() and f is not None and kind == "count" and after:
        first = after.split()[0].lower() if after.split() else ""
        if first not in _PREP_AFTER[b.lang]:
            return None  # "2,100 households in Suzak district" (not "1,200 farmers trained")
    else:
        return None
    if f is None and after and any(ch.isalpha() for ch in after):
        return None  # a bare number with words after it: not a labelled figure («… — 41 человек прошли …»)
    return (start, end, value, f, unit, kind, blk)


def _read(b, starts: list[int], colon: int, items: list, taken: set) -> None:
    if len(items) < 2:
        return
    kinds = {it[5] for it in items}
    if len(kinds) != 1 or "percent" in kinds:
        return  # percentages that split one whole: app.facts.percent_parts
    kind = kinds.pop()
    units = {it[4] for it in items if it[3] is not None}
    if len(units) > 1:
        return
    unit = next(iter(units)) if units else None
    if kind == "money" and unit is None:
        return
    if any(it[3] is not None and it[3].id in taken for it in items):
        return  # already read as parts of something
    k = _sentence_at(starts, colon)
    if k < 0:
        return
    s0 = b.sentences[k][0]
    intro = [f for f in b.sent_facts[k] if f.end <= colon]
    n_items = len(items)
    counted = [f for f in intro if f.kind == "count" and f.value == n_items and not _same_unit(f, unit)]
    others = [f for f in intro if f not in counted]
    whole = _one_whole(others, kind, unit)
    ws = b.sent_words[k]
    if whole is None:
        if any(f.kind in ("count", "money") for f in others) or k == 0 or b.sent_block[k - 1] != b.sent_block[k]:
            return  # figures before the colon and none of them the whole; or no sentence before it to state one
        prev = [f for f in b.sent_facts[k - 1] if not (f.kind == "count" and f.value == n_items)]
        whole = _one_whole(prev, kind, unit)
        if whole is None:
            return
    if whole.hedge or whole.id in taken or whole.meta.get("groups") or whole.meta.get("each") or whole.subset:
        return
    total = sum(it[2] for it in items)
    if not (0.5 * whole.value <= total <= 1.5 * whole.value):
        return  # not its items
    lo = b._widx(ws, whole.end) if whole.sentence == k else 0
    hi = b._widx(ws, colon)
    complete = not phrase_set(b.lang, "breakdown_partial").find(ws, lo, hi)
    stated = [f for f in b.sent_facts[k] if f.kind == "count" and f.end <= colon and f is not whole and f.value <= 30 and f.value == int(f.value)]
    if stated and not any(f.value == n_items for f in stated):
        complete = False
    last_end = items[-1][1]
    tail = b.text[last_end:last_end + 40]
    if phrase_set(b.lang, "open_list").find(words(tail, last_end)[:4]):
        complete = False
    parts = []
    for start, end, value, f, u, kd, blk in items:
        if f is None:
            j = _sentence_at(starts, start)
            f = b.add(kind, start, end, value, whole.unit, None, place=b.place_of(start, blk), scope=b.scope_at(start),
                      sentence=j, block=blk.index)
            f.meta["bare"] = True
        parts.append(f)
    if kind == "count":
        if whole.kind != "count":
            return
        for p in parts:
            p.label = p.label or "item"
        b._group_rel(whole, parts, complete=complete)
    else:
        if whole.kind != "money" or whole.unit != unit:
            return
        b._parts(whole, parts, [], complete)
    taken.update(p.id for p in parts)
    taken.add(whole.id)


def _same_unit(f, unit) -> bool:
    return unit is not None and f.unit == unit


def _one_whole(fs: list, kind: str, unit):
    if kind == "money":
        c = [f for f in fs if f.kind == "money" and f.unit == unit]
    elif unit:
        c = [f for f in fs if f.kind == "count" and f.unit == unit]
    else:
        c = [f for f in fs if f.kind == "count"]
    return c[0] if len(c) == 1 else None
