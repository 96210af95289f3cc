"""The share of a part just stated (facts model, stop 27): «Из 140 специалистов … 42 представляли банковский сектор.
Таким образом, доля банкиров составила 25 %», "Out of 540 students …, 243 were girls. Girls thus accounted for 40
percent of all participants", «Из 5 млн долларов … 1,25 млн направят на обучение — это 20 % бюджета».

A sentence states a whole and one part of it — a sum the wording read ("X, из них Y", "Y of the X"), or a count
after «из» / "out of" / "of" opening its sentence and the next count of it — and a percentage that no relation
reads follows the part, in that sentence or the next one of its paragraph, with a word calling it a share (list
``part_share_cues`` in rules/facts/<lang>.yml: «доля», «таким образом», "accounted for", "thus") or naming the
part's noun before it: the part's share of the whole. One pair in reach, or nothing."""
from __future__ import annotations

from app.facts.phrases import phrase_set

_OPENERS = {"ru": ("из",), "en": ("of", "out")}


def _by_sentence(b) -> dict[int, list]:
    """The facts of each sentence in text order, also those later readings added (a bare group number)."""
    out: dict[int, list] = {}
    for f in b.model.facts:
        if f.sentence >= 0 and not f.table:
            out.setdefault(f.sentence, []).append(f)
    for fs in out.values():
        fs.sort(key=lambda f: f.start)
    return out


def _pairs(b, k: int, fs: list, sums: dict, multi: set) -> list[tuple]:
    """(whole, part) pairs stated in sentence k."""
    out = list(sums.get(k, []))
    ws = b.sent_words[k]
    counts = [o for o in fs if o.kind == "count" and not (o.table or o.meta.get("each") or o.meta.get("items")
                                                          or o.meta.get("product"))]
    for i, w in enumerate(counts[:-1]):
        at = b._widx(ws, w.num.start if w.num else w.start)
        if not (0 < at <= 3) or ws[at - 1].norm not in _OPENERS.get(b.lang, ()) and not (
                at >= 2 and ws[at - 2].norm in _OPENERS.get(b.lang, ()) and ws[at - 1].norm in ("the", "of", "all", "всех")):
            continue  # «Из 140 специалистов», "Out of 540 students", "Of the 300 trainees": the whole opens its sentence
        g = counts[i + 1]
        if w.hedge or g.hedge or g.value >= w.value:
            continue
        if g.id in multi:
            continue  # one of several groups: the percentage may be any group's
        out.append((w, g))
    return out


def part_shares(b) -> None:
    F = b.model.facts
    cues = phrase_set(b.lang, "part_share_cues")
    in_share = {r.facts[0] for r in b.model.relations if r.kind == "share"} | \
               {r.facts[1] for r in b.model.relations if r.kind == "share"}
    by_s = _by_sentence(b)
    sums: dict[int, list] = {}
    multi: set[int] = set()
    for r in b.model.relations:
        if r.kind == "sum" and r.origin == "text" and len(r.facts) == 2:
            w, p = F[r.facts[0]], F[r.facts[1]]
            if p.sentence == w.sentence >= 0 and w.kind == p.kind == "money" and not (w.hedge or p.hedge):
                sums.setdefault(p.sentence, []).append((w, p))
        elif r.kind == "groups" and len(r.facts) > 2:
            multi.update(r.facts[1:])
    for k in range(len(b.sent_facts)):
        pairs = _pairs(b, k, by_s.get(k, []), sums, multi)
        if len(pairs) != 1:
            continue
        whole, part = pairs[0]
        if part.id in in_share:
            continue
        for kk in (k, k + 1):
            if kk >= len(b.sent_facts):
                break
            fs = by_s.get(kk, [])
            ps = [p for p in fs if p.kind == "percent" and p.start > part.end and p.id not in in_share
                  and not p.attached and "part" not in p.meta and p.role in (None, part.role) and not p.table]
            others = [o for o in fs if o.kind in ("money", "count", "percent") and o not in ps and o is not whole
                      and o is not part]
            if len(ps) != 1 or others:
                continue
            p = ps[0]
            ws = b.sent_words[kk]
            lo = b._widx(ws, part.end) if kk == k else 0
            hi = b._widx(ws, p.start)
            named = False
            noun = (b.text[part.q.noun_start:part.q.noun_end] if part.q and part.q.noun_start >= 0 else part.label) or ""
            stems = {w[:5] for w in noun.lower().split() if len(w) >= 4}
            if kk != k and stems:
                named = any(w.norm[:5] in stems for w in ws[lo:hi])
            if not (named or cues.find(ws, lo, hi)):
                continue
            b.rel("share", [p.id, part.id, whole.id], origin="text", note="share of the part just stated")
            in_share.update((p.id, part.id))
            break
