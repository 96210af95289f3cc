"""Percentages that split one whole among themselves (stop 27, branch fig-parts10).

- "the remaining" percentage is the rest of the percentages before it: «62 % средств — на оборудование,
  23 % — на обучение, остальные 15 % — на мониторинг», "The EU covers 70 per cent of the cost and the
  ministry 18 per cent. The remaining 12 per cent …" (the sentence before, when its own has none): they make
  up 100 % together;
- an elliptic list of shares of one whole named after its first one ("brought 35 per cent of the funding,
  the EU 60 per cent and the district 5 per cent", «внесла 35 % средств, ЕС — 60 %, район — 5 %»): at most
  100 %.
Both are a ``groups`` relation over a 100 % that is no figure of the text (never blamed, never shown), as
for the shares of a women/men pair (groups.share_pairs). Percentages tied to an amount, a count or a
relation already are left alone."""
from __future__ import annotations

from app.facts.phrases import phrase_set
from app.facts.relations import remaining_before

_STOP = (".", ";", "?", "!")
_LIST_END = {",", ".", ";", ")", "»", '"', "'", "\u201d", "and", "while", "и", "а", "—", "–"}


def _usable(f, related: set) -> bool:
    return f.kind == "percent" and f.id not in related and not f.attached and not f.table and f.hedge != "min"


def _whole_after(b, ws, f) -> bool:
    """A share's whole named right after it ("35 per cent of the funding", «35 % средств»)."""
    i = b._widx(ws, f.end)
    if b.lang == "en":
        if i >= len(ws) or ws[i].norm != "of":
            return False
    return bool(phrase_set(b.lang, "share_whole").at(ws, i)) or bool(phrase_set(b.lang, "fraction_whole").at(ws, i))


def _elliptic(b, ws, prev, f) -> bool:
    """f continues a list of shares after prev: a few words between them (a contributor's name, a comma,
    "and"), no figure of another kind, and nothing but the list's punctuation or "and" after f (no whole of
    its own)."""
    gap = b.text[prev.end:f.start]
    if len(gap) > 70 or any(c in gap for c in _STOP) or any(ch.isdigit() for ch in gap):
        return False
    i = b._widx(ws, f.end)
    return i >= len(ws) or ws[i].norm in _LIST_END


def _add(b, k: int, ps: list, complete: bool, note: str) -> None:
    w = b.add("percent", ps[0].start, ps[0].start, 100.0, "%", None, place=ps[0].place, scope=ps[0].scope,
              sentence=k, block=b.sent_block[k])
    w.meta["virtual"] = True
    b.rel("groups", [w.id] + [p.id for p in ps], complete, note=note)


def percent_parts(b) -> None:
    related = {i for r in b.model.relations for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        if any(f.kind in ("money", "count") for f in fs):
            continue
        ws = b.sent_words[k]
        ps = [f for f in fs if f.kind == "percent"]
        done = False
        for n, p in enumerate(ps):
            if not _usable(p, related) or not (p.role == "remaining" or remaining_before(ws, b._widx(ws, p.start), b.lang)):
                continue
            before = ps[:n]
            if not before and k > 0 and b.sent_block[k - 1] == b.sent_block[k]:
                prev = b.sent_facts[k - 1]
                if not any(f.kind in ("money", "count") for f in prev):
                    before = [f for f in prev if f.kind == "percent"]
            if not before or not all(_usable(f, related) for f in before):
                continue
            p.meta["remaining"] = True
            _add(b, k, before + [p], True, "percent rest")
            related.update(f.id for f in before + [p])
            done = True
            break
        if done or len(ps) < 2:
            continue
        # an elliptic list: the first share names its whole, the next ones lean on it
        for n, p in enumerate(ps[:-1]):
            if not _usable(p, related) or not _whole_after(b, ws, p):
                continue
            chain = [p]
            for q in ps[n + 1:]:
                if not _usable(q, related) or not _elliptic(b, ws, chain[-1], q):
                    break
                chain.append(q)
            if len(chain) >= 2:
                _add(b, k, chain, False, "shares of one whole")
                related.update(f.id for f in chain)
            break
