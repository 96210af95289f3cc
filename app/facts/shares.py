"""Shares read from where a percentage stands among the amounts, not from fixed phrasings (helpers of
app.facts.model; word lists in rules/facts/<lang>.yml: ``share_anaphora``, ``share_nouns``).

A percentage that no sentence pattern tied to its amounts is still a share when its place says so:

- its whole is named right after it ("85% of the project's EUR 2.2 million cost", «70 % от общей
  стоимости в 3,5 млн евро») or was found by the sentence reading, and its part is the amount of the
  sentence that stands for the percentage's subject: the one amount right before it ("The EU's EUR
  1.7 million grant covers 85% of …"), or the sentence's one amount with its role or none ("With
  EUR 900,000, the EU finances 75% of the EUR 1.5 million budget"), or the amount it is restated as
  («финансирует 80 % расходов – 1,2 млн евро из 1,6 млн евро»);
- it is called a share ("– a 95 per cent share", "of the budget") in a sentence stating a
  contributor's amount and the total ("The EU pays EUR 450,000 towards the clinic, whose construction
  costs EUR 500,000 – a 95 per cent share");
- its sentence opens by pointing back ("That is 80 per cent of the total.", «Это 80 процентов всей
  суммы.») and the sentence before ends with an amount: that amount's share of its whole.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.facts.phrases import phrase_set

_MAX_FIGURES = 40
_CLAUSE_BREAK = {",", ";", ":", ".", "(", ")", "and", "while", "whereas", "but", "и", "а", "но", "—", "–"}
_COMPARE = {"more", "less", "higher", "lower", "above", "below", "increase", "up", "down", "больше", "меньше", "выше", "ниже",
            "рост", "роста", "прирост", "снижение", "over", "than", "чем"}


def _shared(b) -> tuple[set[int], set[int]]:
    """The facts already in a share relation: as its share (the percentage) and as its part."""
    shares = [r for r in b.model.relations if r.kind == "share"]
    return {r.facts[0] for r in shares}, {r.facts[1] for r in shares}


def _plain_count(o) -> bool:
    """A count stated as such: not hedged, not in a table, not a subset, a measure, a per-item figure
    or a product."""
    return o.kind == "count" and not (o.hedge or o.table or o.subset or o.meta.get("measure") or o.meta.get("each")
                                      or o.meta.get("items") or o.meta.get("product"))


def _usable(f) -> bool:
    return f.kind == "money" and not (f.table or f.hedge or f.meta.get("each") or f.meta.get("product")
                                      or f.meta.get("aggregate") or f.meta.get("no_scope"))


def _whole_after(b, ws, p, fs):
    """"85% of the project's EUR 2.2 million cost", «70 % от общей стоимости в 3,5 млн евро»: the amount
    within five words after "of" / «от» / «из» right after the percentage (no clause break between)."""
    j = b._widx(ws, p.end)
    named = phrase_set(b.lang, "share_whole").at(ws, j) if j < len(ws) else None
    if j >= len(ws) or (ws[j].norm not in ("of", "от", "из") and named is None):
        return None  # «75 % бюджета проекта в 1,5 млн евро»: the budget named, then its amount
    if j + 1 < len(ws) and ws[j + 1].norm in ("them", "whom", "these", "those", "it", "них", "которых", "этих", "нее", "неё"):
        return None
    nxt = next((o for o in fs if o.start >= p.end and o.kind in ("money", "percent", "count")), None)
    if nxt is None or nxt.kind != "money" or not _usable(nxt):
        return None
    hi = b._widx(ws, nxt.start)
    if hi - j > 9:
        return None
    brk = [k for k in range(j + 1, hi) if ws[k].norm in _CLAUSE_BREAK]
    if brk:
        # "75% of its overall value, estimated at EUR 8 million": the whole named, then its amount in an
        # apposition (one comma or dash, then words of list ``whole_apposition``)
        k = brk[0]
        if named is None or len(brk) > 1 or ws[k].norm not in (",", "–", "—", "(") or \
                not b._only(ws, k + 1, hi, "whole_apposition", ("the", "a", "an", "some", "about", "around")):
            return None
    elif hi - j > 6:
        return None
    return nxt


def _same_clause(b, ws, a, p) -> bool:
    """The amount a and the percentage p after it are one statement: "EUR 1.7 million grant covers 85%",
    "EUR 300,000, or 40 per cent" (link words and hedges only, or up to four words with no clause break);
    not «1,5 млн евро, при этом 20 % бюджета …»."""
    lo, hi = b._widx(ws, a.end), b._widx(ws, p.start)
    gap = ws[lo:hi]
    if len(gap) <= 4 and not any(w.norm in _CLAUSE_BREAK for w in gap):
        return True
    links, hedges = phrase_set(b.lang, "share_links"), phrase_set(b.lang, "hedges")
    i = lo
    while i < hi:
        m = links.at(ws, i, hi) or hedges.at(ws, i, hi)
        if m is None:
            return False
        i = m.j
    return True


def _part_in_sentence(b, ws, p, fs, whole):
    """The amount of p's sentence whose share p is (see the module's doc), or None."""
    cands = [o for o in fs if _usable(o) and o is not whole and (whole is None or (o.unit == whole.unit and o.value < whole.value))
             and not o.subset and o.role != "total" and not o.meta.get("part_of_total")]
    if not cands:
        return None
    i = b._widx(ws, p.start)
    before = [o for o in cands if o.end <= p.start]
    if before:
        # the amount right before the percentage, in its clause: "The EU's EUR 1.7 million grant covers 85% …"
        o = before[-1]
        gap = ws[b._widx(ws, o.end):i]
        inner = gap[:-1] if gap and gap[-1].norm == "(" else gap  # «1,2 млн евро выделил ЕС (80 %)»
        if (len(gap) <= 4 and not any(w.norm in _CLAUSE_BREAK for w in inner) or len(gap) <= 6 and _same_clause(b, ws, o, p)) \
                and o.role in (None, p.role, "eu", "cofin", "other") \
                and not any(x.kind in ("money", "percent") and o.end <= x.start < p.start for x in fs):
            # "The EU's share, €1,000,000, represents 75% of …": link words only between them
            return o
        if _clause_anaphor(b, ws, p):
            # «EUR 3 000 000 — доля ЕС в бюджете, составляющем EUR 3 750 000; это 75 % общей суммы»: the clause
            # points back at the sentence's amount before it that is not the whole
            mine = [o for o in before if o.role in (None, "eu", "cofin", "other")
                    and not any(x.kind == "percent" and o.end <= x.start < p.start for x in fs)]
            if mine:
                return mine[-1]
    after = [o for o in cands if o.start >= p.end]
    if after:
        # «80 % расходов – 1,2 млн евро из 1,6 млн евро»: the amount right after the percentage restates it
        o = after[0]
        gap = ws[b._widx(ws, p.end):b._widx(ws, o.start)]
        if 1 <= len(gap) <= 3 and gap[-1].norm in ("–", "—", ",", "(", ":") and gap[0].norm != ")" and \
                not any(x.kind in ("money", "percent") and p.end <= x.start < o.start for x in fs):
            return o
    if p.role is not None:
        # "With EUR 900,000, the EU finances 75% of …": the sentence's one amount of the percentage's role (or none)
        mine = [o for o in cands if o.role in (None, p.role)]
        if len(mine) == 1 and not any(o.role == p.role for o in cands if o is not mine[0]):
            return mine[0]
    elif len(cands) == 1 and _share_noun(b, ws, p) and any(o.role == "total" for o in fs if _usable(o)):
        # "… pays EUR 450,000 towards the clinic, whose construction costs EUR 500,000 – a 95 per cent share":
        # a share of the sentence's one amount besides its total
        return cands[0]
    return None


def _share_noun(b, ws, p) -> bool:
    """p is called a share by a noun after or before it ("a 95 per cent share", "a share of 95 per cent")."""
    j = b._widx(ws, p.end)
    if j < len(ws) and phrase_set(b.lang, "share_nouns").at(ws, j) is not None:
        return True
    i = b._widx(ws, p.start)
    return phrase_set(b.lang, "share_nouns_before").ends_at(ws, i, max(0, i - 3)) is not None


def _called_share(b, ws, p) -> bool:
    """The words around p call it a share: "a 95 per cent share", "of the budget", «доля … 95 %»."""
    return _share_noun(b, ws, p) or b._share_whole_after(ws, p)


def _anaphoric_opening(b, ws, p) -> bool:
    """p's sentence opens by pointing back at the sentence before: "That is 80 per cent of the total",
    «Это 80 процентов всей суммы» (list ``share_anaphora``; a hedge may stand between)."""
    i = b._widx(ws, p.start)
    if i > 8:
        return False
    m = phrase_set(b.lang, "share_anaphora").at(ws, 0)
    return m is not None and _only_hedges(b, ws, m.j, i)


def _only_hedges(b, ws, k: int, i: int) -> bool:
    """Words k..i are hedges only ("about", «почти»), or none."""
    hedges = phrase_set(b.lang, "hedges")
    while k < i:
        h = hedges.at(ws, k, i)
        if h is None:
            return False
        k = h.j
    return True


def _clause_anaphor(b, ws, p) -> bool:
    """p opens a clause inside its sentence by pointing back: "…; this is 80 per cent of the total",
    «…, это 75 % общей суммы» (a clause break, then words of ``share_anaphora`` and hedges only)."""
    i = b._widx(ws, p.start)
    ps = phrase_set(b.lang, "share_anaphora")
    for c in range(i - 1, max(0, i - 7), -1):
        if ws[c].norm not in (";", ",", "–", "—", ":"):
            continue
        m = ps.at(ws, c + 1, i)
        return m is not None and _only_hedges(b, ws, m.j, i)
    return False


def _follows(b, k: int) -> bool:
    """Sentence k continues sentence k - 1: in its paragraph, or opening the next paragraph after a
    paragraph of text (not a headline: "This represents 75% …" on the line after the EU's amount)."""
    if k <= 0:
        return False
    if b.sent_block[k - 1] == b.sent_block[k]:
        return True
    if b.sent_block[k] - b.sent_block[k - 1] != 1:
        return False
    prev = b.sent_facts[k - 1]
    return bool(prev) and all(o.place in ("lead", "body") for o in prev)


def free_shares(b) -> None:
    """Percentages that the sentence readings left without a relation: their share read from where
    they stand (see the module's doc). Runs before the scope's relations, which resolve a share whose
    part is known and whose whole is the scope's total."""
    F = b.model.facts
    in_share, parts_of_share = _shared(b)
    for k, fs in enumerate(b.sent_facts):
        if len(fs) > _MAX_FIGURES or not any(p.kind == "percent" for p in fs):
            continue  # a list of figures, not a statement (and the work per sentence stays bounded)
        ws = b.sent_words[k]
        for p in fs:
            if p.kind != "percent" or p.id in in_share or p.table:
                continue
            if "part" in p.meta:
                # the sentence reading found the part and left the whole to the scope: the whole named right
                # after the share («75 % бюджета проекта в 1,5 млн евро») is it
                w = _whole_after(b, ws, p, fs) if "whole" not in p.meta else None
                part = F[p.meta["part"]]
                if w is not None and w.unit == part.unit and w.value > part.value and w.start > part.end and \
                        _same_clause(b, ws, part, p):
                    p.meta["whole"] = w.id
                    b.rel("share", [p.id, part.id, w.id], origin="text", note="free share")
                    in_share.add(p.id)
                continue
            j = b._widx(ws, p.end)
            if j < len(ws) and ws[j].norm in _COMPARE:
                continue  # "20 per cent more than …": a change, not a share
            whole = F[p.meta["whole"]] if "whole" in p.meta else _whole_after(b, ws, p, fs)
            money = [o for o in fs if _usable(o)]
            if money:
                if whole is None and not _called_share(b, ws, p) and not (p.role in ("eu", "cofin") and not p.hedge):
                    continue  # a contributor's percentage ("the EU finances 85% of the action") is a share by itself
                part = _part_in_sentence(b, ws, p, fs, whole)
                if part is None and whole is not None and whole.start > p.end and _follows(b, k) and \
                        _anaphoric_opening(b, ws, p):
                    # "The EU contributes EUR 2 million. That is 80 per cent of the total of EUR 2.5 million."
                    prev = [o for o in b.sent_facts[k - 1] if o.kind in ("money", "count", "percent")]
                    if prev and _usable(prev[-1]) and prev[-1].role != "total" and prev[-1].unit == whole.unit \
                            and prev[-1].value < whole.value and not any(o.end <= p.start for o in money):
                        part = prev[-1]
                if part is None or part.id in parts_of_share:
                    continue
                if whole is None:
                    tot = [o for o in money if o.role == "total" and o.unit == part.unit and o.value > part.value and not o.subset]
                    whole = tot[0] if len(tot) == 1 else None
                p.attached = True
                p.meta["part"] = part.id
                if p.role is None:
                    p.role = part.role
                if whole is not None:
                    p.meta["whole"] = whole.id
                    b.rel("share", [p.id, part.id, whole.id], origin="text", note="free share")
                    in_share.add(p.id)
                else:
                    p.meta["pending_share"] = True
                    p.meta["whole_named"] = True
                continue
            if any(o.kind in ("money", "count") for o in fs) or not _follows(b, k):
                continue
            if not _anaphoric_opening(b, ws, p):
                continue
            prev = [o for o in b.sent_facts[k - 1] if o.kind in ("money", "count", "percent")]
            if not prev or not _usable(prev[-1]) or prev[-1].role == "total" or prev[-1].subset:
                continue
            part = prev[-1]
            if part.id in parts_of_share:
                continue
            p.attached = True
            p.meta["part"] = part.id
            p.meta["pending_share"] = True
            p.meta["whole_named"] = True
            if p.role is None:
                p.role = part.role
            whole = b._sentence_whole(part)
            if whole is not None:
                p.meta["whole"] = whole


_OF = {"en": ("of",), "ru": ("от", "из")}
_OF_FILLER = {"the", "its", "their", "all", "total", "whole", "overall", "region's", "country's", "city's", "district's",
              "всех", "общего", "общих", "всего"}
_LINK_BEFORE = {"en": ("or", "i.e.", "that", "is", "—", "–", "-", "(", ","),
                "ru": ("или", "то", "есть", "т.е.", "что", "составляет", "составляют", "это", "—", "–", "-", "(", ",")}


def count_share_named_whole(b) -> None:
    """A percentage of a count named right after it ("20% of the region's 320 schools", «40 % из 250 участников»)
    and its part, the count of the same things stated next to it: right before the percentage, linked by ", or" /
    «, что составляет» / a dash or a bracket ("80 schools in Kashkadarya region, or 20% of …"), or in brackets after
    the whole ("40% of the 250 participants … (120 women, …)")."""
    from app.facts.model import _noun_match, _people

    lang = b.lang
    in_share, parts_of_share = _shared(b)

    def kin(a, w):
        return _noun_match(a.unit, w.unit) or _people(lang, a.unit) and _people(lang, w.unit)

    plain = _plain_count
    for k, fs in enumerate(b.sent_facts):
        if len(fs) > _MAX_FIGURES or not any(p.kind == "percent" for p in fs):
            continue
        ws = b.sent_words[k]
        for p in fs:
            if p.kind != "percent" or p.id in in_share or p.attached or p.hedge or p.table:
                continue
            j = b._widx(ws, p.end)
            if j >= len(ws) or ws[j].norm not in _OF[lang]:
                continue
            j += 1
            while j < len(ws) and ws[j].norm in _OF_FILLER and j - b._widx(ws, p.end) <= 3:
                j += 1
            if j >= len(ws):
                continue
            whole = next((o for o in fs if o.start == ws[j].start), None)
            if whole is None or not plain(whole) or whole.value < 2:
                continue
            part = None
            before = [o for o in fs if o.end <= p.start and o.kind in ("count", "money", "percent")]
            if before and plain(before[-1]) and kin(before[-1], whole) and before[-1].value < whole.value:
                c = before[-1]
                gap = [w.norm for w in ws[b._widx(ws, c.end):b._widx(ws, p.start)]]
                # the link closes the gap; before it at most a short qualifier of the part ("in Kashkadarya region")
                t = len(gap)
                while t > 0 and gap[t - 1] in _LINK_BEFORE[lang]:
                    t -= 1
                if t < len(gap) and t <= 4 and not any(g in (";", ":", ".", "and", "и", "а", "but", "но") for g in gap[:t]) \
                        and (gap[t:] != [","] or t == 0):
                    part = c
            if part is None:
                # "40% of the 250 participants in the school … (120 women, many of them teachers)"
                after = [o for o in fs if o.start > whole.end and o.kind in ("count", "money", "percent")]
                if after and plain(after[0]) and kin(after[0], whole) and after[0].value < whole.value:
                    between = b.text[whole.end:after[0].start]
                    if between.rstrip(" \u00a0").endswith("(") and len(between) <= 120 and not any(ch in between for ch in ";)"):
                        part = after[0]
            if part is None or part.id in parts_of_share:
                continue
            p.attached = True
            b.rel("share", [p.id, part.id, whole.id], origin="text", note="count share")
            in_share.add(p.id)


_FRACTION_OF = {"en": ("of",), "ru": ("из",)}
_COLLECTIVE = {"en": ("group", "them", "participants", "trainees", "beneficiaries", "graduates", "cohort", "class", "those"),
               "ru": ("них", "участников", "слушателей", "выпускников", "группы", "их")}


def fraction_count_shares(b) -> None:
    """A fraction of a count: "Half of the group — 48 young people — …", «Три четверти из 64 участников — молодые
    чабаны. Их 52 человека»: the fraction (words ``fractions``, ``fraction_numerators``) is a share; its whole is
    the count right after "of" / «из», or, after "of the group" / «из них», the people counted last before it in
    the paragraph; its part is the count set off by a dash right after, or opening the next sentence («Их 52
    человека»). A percentage fact is added for the fraction; the count, not the fraction word, is the suspect."""
    from app.facts.model import _people
    from app.facts.quantities import Quantity, _fraction_words

    lang = b.lang
    fr, nums = _fraction_words(lang)
    if not fr:
        return
    used = {i for r in b.model.relations for i in r.facts}

    def plain(o):
        return o.kind == "count" and not (o.hedge or o.table or o.meta.get("measure") or o.meta.get("each")
                                          or o.meta.get("items") or o.meta.get("product"))
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        if len(fs) > _MAX_FIGURES or not any(w.norm in fr for w in ws):
            continue
        for i, w in enumerate(ws):
            v = fr.get(w.norm)
            if v is None or i + 1 >= len(ws) or ws[i + 1].norm not in _FRACTION_OF[lang]:
                continue
            start, mult = w.start, 1.0
            if i > 0 and ws[i - 1].norm in nums:
                mult, start = nums[ws[i - 1].norm], ws[i - 1].start
            elif i > 0 and ws[i - 1].norm in ("first", "second", "last", "первой", "первую", "вторую", "второй"):
                continue
            if any(o.kind == "percent" and o.start <= start < o.end for o in fs):
                continue
            over = [o for o in fs if o.start < w.end and start < o.end]  # «Три четверти» read as a count of quarters
            if any(o.id in used or o.kind != "count" for o in over):
                continue
            j = i + 2
            while j < len(ws) and ws[j].norm in ("the", "this", "these", "its", "all", "всех", "этих") and j <= i + 3:
                j += 1
            if j >= len(ws):
                continue
            whole = next((o for o in fs if o.start == ws[j].start), None)
            after_from = whole.end if whole is not None else ws[j].end
            if whole is None:
                if ws[j].norm not in _COLLECTIVE[lang]:
                    continue
                prev = []
                for back in range(k - 1, max(-1, k - 3), -1):
                    if b.sent_block[k] - b.sent_block[back] > 1:
                        break  # this paragraph or the one before
                    prev = [o for o in b.sent_facts[back] if plain(o) and not o.subset and _people(lang, o.unit)]
                    if prev:
                        break
                if len(prev) != 1:
                    continue
                whole = prev[0]
            if not plain(whole) or whole.value < 2:
                continue
            # the part: a count set off by a dash after the fraction's phrase, or opening the next sentence
            rest = [o for o in fs if o.start >= after_from and o.kind in ("count", "money", "percent")]
            part = None
            if rest and plain(rest[0]) and _people(lang, rest[0].unit) == _people(lang, whole.unit):
                gap = b.text[after_from:rest[0].start]
                if len(gap) <= 60 and any(d in gap for d in "—–") and not any(ch in gap for ch in ".;()"):
                    part = rest[0]
            if part is None and not rest and k + 1 < len(b.sent_facts) and b.sent_block[k + 1] - b.sent_block[k] <= 1:
                nw = b.sent_words[k + 1]
                nf = [o for o in b.sent_facts[k + 1] if o.kind in ("count", "money", "percent")]
                if nw and nw[0].norm in ("их", "they", "these", "that", "this", "это") and nf and plain(nf[0]) \
                        and b._widx(nw, nf[0].start) <= 3 and _people(lang, nf[0].unit) == _people(lang, whole.unit):
                    part = nf[0]
            if part is None or part.value >= whole.value or part.id in used:
                continue
            for o in over:
                o.kind, o.value, o.unit = "percent", round(mult * v * 100, 4), "%"
                o.start = start
                o.meta["fraction"] = True
                pf = o
                break
            else:
                q = Quantity("percent", start, w.end, round(mult * v * 100, 4), "%", None, decimals=0)
                q.meta["fraction"] = True
                pf = b.add("percent", start, w.end, q.value, "%", q, place=part.place if part.sentence == k else whole.place,
                           scope=b.scope_at(start), sentence=k, block=b.sent_block[k])
                pf.meta["fraction"] = True
                fs.append(pf)
                fs.sort(key=lambda f: f.start)
            pf.attached = True
            b.rel("share", [pf.id, part.id, whole.id], origin="text", note="fraction")
            used.update([pf.id, part.id, whole.id])


_RESTATE_LINK = {"en": ("or", "i.e.", "—", "–", "("), "ru": ("или", "то", "т.е.", "—", "–", "(")}
_RESTATE_BREAK = {";", ":", ".", ",", "and", "и", "а", "but", "но", "while", "whereas", "of", "из", "от"}


def count_share_restated(b) -> None:
    """A percentage restated as a count right after it: "Women made up 62 per cent of all trainees, or 1,240
    people", «Женщины составили 62 % всех слушателей, или 1 240 человек» (at most five words after the
    percentage, then a link ``_RESTATE_LINK``, then the count). The count is the part (a subset, not the
    whole counted again); its whole is the nearest people count before it in the paragraph or the one
    before, larger than the part, of the same kind of things."""
    from app.facts.model import _noun_match, _people

    lang = b.lang
    in_share, parts_of_share = _shared(b)

    plain = _plain_count
    for k, fs in enumerate(b.sent_facts):
        if len(fs) > _MAX_FIGURES or not any(p.kind == "percent" for p in fs):
            continue
        ws = b.sent_words[k]
        for p in fs:
            if p.kind != "percent" or p.id in in_share or p.attached or p.hedge or p.table or p.meta.get("fraction"):
                continue
            nxt = next((o for o in fs if o.start >= p.end and o.kind in ("money", "percent", "count")), None)
            if nxt is None or not plain(nxt) or nxt.id in parts_of_share:
                continue
            j, hi = b._widx(ws, p.end), b._widx(ws, nxt.start)
            gap = [w.norm for w in ws[j:hi]]
            t = len(gap)
            while t > 0 and (gap[t - 1] in _RESTATE_LINK[lang] or gap[t - 1] in (",", "есть", "is", "that")):
                t -= 1
            link = gap[t:]
            if not any(g in _RESTATE_LINK[lang] for g in link) or t > 5 or len(link) > 3:
                continue
            lead = gap[1:t] if t and gap[0] in ("of", "из", "от") else gap[:t]
            if any(g in _RESTATE_BREAK for g in lead):
                continue  # "30 per cent went to Osh and 40 people …": not one phrase
            part = nxt
            whole = None
            for back in range(k, max(-1, k - 4), -1):
                if b.sent_block[k] - b.sent_block[back] > 1:
                    break
                cands = [o for o in b.sent_facts[back] if plain(o) and o.end <= p.start and o.value > part.value
                         and (_noun_match(o.unit, part.unit) or _people(lang, o.unit) and _people(lang, part.unit))]
                if cands:
                    whole = cands[-1]
                    break
            part.subset = True
            p.attached = True
            in_share.add(p.id)
            if whole is not None:
                b.rel("share", [p.id, part.id, whole.id], origin="text", note="count restated")


def fraction_dash_parts(b) -> None:
    """A count set off by a dash or a comma right after a fraction's phrase: «Половина выпускников – 210
    человек – …», "A third of them, 40 people, …" (at most four words between the fraction and the count).
    With no whole found for it (fraction_count_shares), the count is still a part: a subset, never the
    same fact as the whole it is a fraction of."""
    from app.facts.quantities import _fraction_words

    fr, _ = _fraction_words(b.lang)
    if not fr:
        return
    used = {i for r in b.model.relations for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        if len(fs) > _MAX_FIGURES or not any(w.norm in fr for w in ws):
            continue
        for i, w in enumerate(ws):
            if w.norm not in fr or any(o.start <= w.start < o.end for o in fs):
                continue
            nxt = next((o for o in fs if o.start >= w.end), None)
            if nxt is None or nxt.kind != "count" or nxt.id in used or nxt.subset:
                continue
            gap = b.text[w.end:nxt.start]
            if b._widx(ws, nxt.start) - i > 5 or any(ch in gap for ch in ".;:()") \
                    or gap.rstrip(" \u00a0")[-1:] not in ("—", "–", ","):
                continue
            nxt.subset = True
            nxt.meta["fraction_part"] = True


_PUNCT_LINKS = {",", "(", "—", "–", "-"}
_OF_OPEN = {"en": ("of",), "ru": ("из",)}


def _structural_whole(b, fs, ws, c):
    """The whole a count c is a part of by the sentence's structure, or None: the whole of a groups relation c
    belongs to ("Из 320 участников 208 — женщины"), the count right after "of" / «из» after c ("540 из 1 200
    выпускников", "45 of the 150 trainees"), or the count the sentence opens with after "Of the" / «Из» when c is
    the first count after it («Из 150 прошедших обучение 45 человек»)."""
    F = b.model.facts
    for r in b.model.relations:
        if r.kind == "groups" and c.id in r.facts[1:]:
            return F[r.facts[0]]
    counts = [o for o in fs if o.kind in ("count", "money", "percent")]
    at = next((n for n, o in enumerate(counts) if o is c), None)
    if at is None:
        return None
    if at + 1 < len(counts):
        w = counts[at + 1]
        j = b._widx(ws, c.end)
        while j < len(ws) and ws[j].start < w.start and ws[j].norm not in _OF_OPEN[b.lang]:
            if ws[j].norm in _CLAUSE_BREAK or j - b._widx(ws, c.end) > 2:
                break
            j += 1
        if j < len(ws) and ws[j].norm in _OF_OPEN[b.lang] and ws[j].start < w.start:
            t = j + 1
            while t < len(ws) and ws[t].start < w.start and ws[t].norm in _OF_FILLER | {"our", "наших", "its", "their"}:
                t += 1
            if t < len(ws) and ws[t].start == w.start and _plain_count(w) and w.value > c.value:
                return w
    if at >= 1 and ws and ws[0].norm in _OF_OPEN[b.lang]:
        w = counts[at - 1]
        t = 1
        while t < len(ws) and ws[t].norm in _OF_FILLER:
            t += 1
        if at == 1 and t < len(ws) and ws[t].start == w.start and _plain_count(w) and w.value > c.value:
            gap = ws[b._widx(ws, w.end):b._widx(ws, c.start)]
            if len(gap) <= 6 and not any(g.norm in (";", ":", ".") for g in gap):
                return w
    return None


def structural_count_shares(b) -> None:
    """A percentage stated right after a count whose whole the sentence's structure gives: «Из 320 участников
    форума 208 — женщины (60 %)», «Из 150 прошедших обучение 45 человек, или 25 %, — …», «трудоустроены 540
    из 1 200 выпускников — 54 %», "of which 600 (20%) are headed by women". Between the count (or its whole
    after "of" / «из») and the percentage only link words (``share_links``), a bracket, a comma or a dash;
    the part's whole is read by ``_structural_whole``, not by the noun, so "прошедших" needs no people list."""
    in_share, parts_of_share = _shared(b)
    links = phrase_set(b.lang, "share_links")
    for k, fs in enumerate(b.sent_facts):
        if len(fs) > _MAX_FIGURES or not any(p.kind == "percent" for p in fs):
            continue
        ws = b.sent_words[k]
        seen = [o for o in fs if o.kind in ("count", "money", "percent")]
        for p in fs:
            if p.kind != "percent" or p.id in in_share or p.attached or p.table or p.meta.get("fraction"):
                continue
            before = [o for o in seen if o.end <= p.start]
            if not before or before[-1].kind != "count":
                continue
            c = before[-1]
            lo, hi = b._widx(ws, c.end), b._widx(ws, p.start)
            i = lo
            while i < hi:
                m = links.at(ws, i, hi)
                if m is not None:
                    i = m.j
                elif ws[i].norm in _PUNCT_LINKS:
                    i += 1
                else:
                    break
            if i < hi or hi - lo > 4:
                continue
            j = b._widx(ws, p.end)
            if j < len(ws) and ws[j].norm in ("of", "от", "из", "of them", "больше", "more", "less", "меньше"):
                continue  # "600, 20% of them women": a share of the count, not the count's share
            part, whole = c, _structural_whole(b, fs, ws, c)
            if whole is None and len(before) >= 2 and before[-2].kind == "count":
                # «540 из 1 200 выпускников — 54 %»: the count before is the part of the whole c
                w2 = _structural_whole(b, fs, ws, before[-2])
                if w2 is c:
                    part, whole = before[-2], c
            if whole is None or whole.hedge or part.hedge or part.id in parts_of_share or not _plain_count(whole):
                continue
            if part.meta.get("each") or part.meta.get("product") or part.value >= whole.value:
                continue
            p.attached = True
            b.rel("share", [p.id, part.id, whole.id], origin="text", note="structural count share")
            in_share.add(p.id)
            parts_of_share.add(part.id)


_ORD_ENDINGS = ("ий", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ью", "ьей", "ый", "ая", "ое", "ые", "ого", "ому", "ым", "ую", "ой",
                "ом", "ых")


def _ordinal(lang: str, word: str) -> int | None:
    """N of an ordinal word ("fifth", «пятого», «четвертую»): list ``fraction_ordinals`` (Russian: a stem and a
    case ending)."""
    from app.facts.phrases import data

    ords = data(lang).get("fraction_ordinals") or {}
    if lang != "ru":
        v = ords.get(word)
        return int(v) if v else None
    for stem, v in ords.items():
        if word.startswith(stem) and word[len(stem):] in _ORD_ENDINGS:
            return int(v)
    return None


@lru_cache(maxsize=4)
def _fraction_gate(lang: str) -> tuple[frozenset, tuple, tuple]:
    """The words a fraction can start with (a hedge's first word, "every", "one", a numerator, a fraction word;
    Russian ordinal stems as prefixes) and the hedges split into words: read once per language, so that
    ``fraction_at`` asked at every word of a sentence answers most of them with one set lookup (issue 13)."""
    from app.facts.phrases import data
    from app.facts.quantities import _fraction_words

    d = data(lang)
    fr, nums = _fraction_words(lang)
    hedges = tuple((tuple(h.split()), kind) for h, kind in (d.get("fraction_hedges") or {}).items())
    first = {h[0] for h, _ in hedges if h} | set(d.get("fraction_every") or ()) | set(fr) | set(nums) | {"one", "1"} \
        | set(d.get("fraction_in_numbers") or {})
    stems = tuple((d.get("fraction_ordinals") or {}).keys()) if lang == "ru" else ()
    return frozenset(first), stems, hedges


def fraction_at(lang: str, ws, i: int):
    """A fraction starting at word i: (first word, word after it, value as a share of 1, hedge) or None. Read:
    "a third", "two thirds", "half", «половина», «две трети», «пятая часть», «девять десятых», "every fourth",
    «каждый пятый», "one in three", "one in every three", "one out of four"; a hedge before it ("almost a half",
    «почти треть»: list ``fraction_hedges``)."""
    from app.facts.phrases import data
    from app.facts.quantities import _fraction_words

    n = len(ws)
    if i >= n:
        return None
    first, stems, hedges = _fraction_gate(lang)
    w0 = ws[i].norm
    if w0 not in first and not (stems and w0.startswith(stems)):
        return None
    d = data(lang)
    fr, nums = _fraction_words(lang)
    j, hedge = i, None
    for hw, kind in hedges:
        if all(j + t < n and ws[j + t].norm == hw[t] for t in range(len(hw))):
            hedge, j = kind, j + len(hw)
            break
    if j >= n:
        return None
    w = ws[j].norm
    if w in ("first", "second", "last", "первая", "первой", "первую", "вторая", "вторую", "второй"):
        return None
    # "every third", «каждый пятый»
    if w in (d.get("fraction_every") or ()) and j + 1 < n:
        o = _ordinal(lang, ws[j + 1].norm)
        if o:
            return i, j + 2, 1.0 / o, hedge
        return None
    # "one in three", "one in every three", "one out of four", "one of every five"
    small = d.get("fraction_in_numbers") or {}
    if lang == "en" and (w in ("one", "1") or w in small) and j + 2 < n and ws[j + 1].norm in ("in", "of", "out"):
        num = 1 if w in ("one", "1") else small[w]
        k = j + 1
        if ws[k].norm == "out" and k + 1 < n and ws[k + 1].norm == "of":
            k += 2
        elif ws[k].norm in ("in", "of"):
            k += 1
        if k < n and ws[k].norm == "every":
            k += 1
        if k < n:
            t = ws[k].norm
            m = small.get(t) or (int(t) if t.isdigit() and 1 < int(t) <= 20 else None)
            if m and m > num and (ws[j + 1].norm != "of" or ws[j + 2].norm == "every"):
                return i, k + 1, num / m, hedge
        return None
    mult, k = 1.0, j
    if w in nums and j + 1 < n:
        mult, k = nums[w], j + 1
    t = ws[k].norm if k < n else ""
    if t in fr and (k == j or ws[k - 1].norm in nums):
        if t in ("пятая", "пятую", "пятых") and not (k + 1 < n and ws[k + 1].norm in (d.get("fraction_part_words") or ())):
            pass  # «пятая» alone is an ordinal («пятая школа»), read below with «часть»
        else:
            if lang == "en" and t == "half" and k + 1 < n and ws[k + 1].norm in ("a", "an", "year", "day", "hour", "month"):
                return None  # "half a year": a duration
            e = k + 1
            if k + 1 < n and ws[k + 1].norm in (d.get("fraction_part_words") or ()):
                e += 1
            return i, e, mult * fr[t], hedge
    dens = d.get("fraction_denominators") or {}
    if k > j and t in dens:
        return i, k + 1, mult / float(dens[t]), hedge
    o = _ordinal(lang, w) if lang == "ru" else None
    if o and j + 1 < n and ws[j + 1].norm in (d.get("fraction_part_words") or ()):
        return i, j + 2, 1.0 / o, hedge
    return None


def fraction_shares(b) -> None:
    """A fraction anywhere in a sentence is a share when a part and a whole stand next to it: the part set off
    by a dash or a comma right after the fraction's phrase («Каждый третий выпускник – 1 200 человек – …»,
    "A third of them, 40, were …", «Девять десятых этой суммы – 360 000 евро – …»), or the figure the fraction
    restates after a link ("90 of our 300 graduates … – that is almost a half", «1,25 млн … — это пятая часть
    бюджета»). The whole: the count or amount right after "of" / «из» in the fraction's phrase, the whole the
    part has by the sentence's structure or a relation, else the nearest larger figure of the same kind before
    it (same sentence, or up to two sentences back in the paragraph or the one before). A percentage fact is
    added for the fraction; the fraction, not the count, is the suspect (it is the figure written from the
    others)."""
    from app.facts.model import _noun_match, _people
    from app.facts.quantities import Quantity

    lang = b.lang
    F = b.model.facts
    links = phrase_set(lang, "fraction_links")
    used = {i for r in b.model.relations for i in r.facts}
    in_share, parts_of_share = _shared(b)

    def kin(a, w):
        if a.kind != w.kind:
            return False
        if a.kind == "money":
            return a.unit == w.unit or "?" in (a.unit, w.unit)
        return _noun_match(a.unit, w.unit) or _people(lang, a.unit) and _people(lang, w.unit) or not a.unit

    def figure(o):
        return _plain_count(o) or _usable(o)

    def part_figure(o):  # a part may be a subset already («Половина выпускников – 210 человек»: fraction_dash_parts)
        return figure(o) or o.kind == "count" and o.subset and not (o.hedge or o.table or o.meta.get("each") or o.meta.get("product"))

    def whole_of(part, k, noun=""):
        for r in b.model.relations:
            if r.kind in ("groups", "sum") and part.id in r.facts[1:]:
                return F[r.facts[0]]
        if part.kind == "count":
            w = _structural_whole(b, b.sent_facts[k], b.sent_words[k], part)
            if w is not None:
                return w
        if part.kind == "money" and isinstance(part.meta.get("whole"), int):
            return F[part.meta["whole"]]
        for back in range(k, max(-1, k - 3), -1):
            if b.sent_block[k] - b.sent_block[back] > 1:
                break
            cands = [o for o in b.sent_facts[back] if figure(o) and o.end <= part.start and o.value > part.value
                     and kin(part, o) and not o.subset and not o.meta.get("part_of_next") and not o.meta.get("group_number")]
            if noun and part.kind == "count":
                # "One in four farmers, 75 people": the farmers counted before, not the nearest people
                named = [o for o in cands if _noun_match(o.unit, noun)]
                if named:
                    return named[-1]
            if cands:
                if part.kind == "money":
                    tot = [o for o in cands if o.role == "total"]
                    return (tot or cands)[-1]
                return cands[-1]
        return None

    first, stems, _ = _fraction_gate(lang)
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        if not fs or len(fs) > _MAX_FIGURES or len(ws) > 400:
            continue  # (a share needs a figure of the sentence: its part, or the figure it restates)
        i = 0
        while i < len(ws):
            w0 = ws[i].norm
            m = fraction_at(lang, ws, i) if w0 in first or stems and w0.startswith(stems) else None
            if m is None:
                i += 1
                continue
            a, e, v, hedge = m
            i = e
            start, end = ws[a].start, ws[e - 1].end
            over = [o for o in fs if o.start < end and start < o.end]
            if any(o.kind != "count" or o.id in used for o in over):
                continue
            figs = [o for o in fs if o.kind in ("count", "money", "percent") and o not in over]
            after = [o for o in figs if o.start >= end]
            before = [o for o in figs if o.end <= start]
            part = whole = None
            # the whole named in the fraction's phrase: "of the 1,800 connections", «из 450 жителей»
            if e < len(ws) and ws[e].norm in ("of", "из", "от") and after:
                t = e + 1
                while t < len(ws) and ws[t].norm in _OF_FILLER | {"our", "these", "this", "наших", "этой", "этих"} and t <= e + 3:
                    t += 1
                if t < len(ws) and ws[t].start == after[0].start and figure(after[0]):
                    whole = after[0]
                    after = after[1:]
            # the part set off right after the phrase
            if after and part_figure(after[0]):
                c = after[0]
                gap = b.text[(whole.end if whole is not None else end):c.start]
                nw = b._widx(ws, c.start) - e
                lead = gap.rstrip(" \u00a0")
                for prep in (" у", " в", " на", "\u00a0у"):
                    if lead.endswith(prep):
                        lead = lead[:-len(prep)].rstrip(" \u00a0")
                if nw <= 7 and len(gap) <= 80 and lead[-1:] in (",", "—", "–") and not any(ch in gap for ch in ".;:()") \
                        and not re.search(r"(?<![\w])(?:а|и|and|but|но)(?![\w])", lead[:-1]) \
                        and not any(o.kind in ("count", "money", "percent") and end <= o.start < c.start and o is not whole for o in figs):
                    part = c
            if part is None and before and part_figure(before[-1]):
                # the figure the fraction restates: a link right before it, no clause break before the link
                t = a
                lk = None
                for back in range(1, 4):
                    s0 = a - back
                    if s0 < 0:
                        break
                    mm = links.at(ws, s0, a)
                    if mm is not None and mm.j == a:
                        lk = s0
                if lk is not None:
                    c = before[-1]
                    lo = b._widx(ws, c.end)
                    gapw = ws[lo:lk]
                    if len(gapw) <= 10 and not any(g.norm in (";", ":", ".", "(", ")") for g in gapw) \
                            and lk > 0 and (ws[lk - 1].norm in (",", "—", "–", "-") or ws[lk].norm in ("—", "–", "-")):
                        part = c
                        if len(before) >= 2 and figure(before[-2]) and kin(before[-2], c) and before[-2].value < c.value \
                                and _structural_whole(b, fs, ws, before[-2]) is c:
                            part, whole = before[-2], c  # "90 of our 300 graduates … – that is almost a half"
            if part is not None and part.kind == "count":
                part.subset = True  # a fraction's count is a part, never the whole counted again («Каждый третий – 1 200»)
            if part is None or part.id in parts_of_share or part.hedge:
                continue
            if whole is None:
                noun = ""
                if e < len(ws) and ws[e].norm.isalpha() and ws[e].norm not in ("of", "из", "от", "them", "них"):
                    if lang == "ru":
                        from app.facts.model import _noun_ru

                        noun = _noun_ru(ws[e].norm) or ""
                    else:
                        from app.facts.quantities import _en_singular

                        noun = _en_singular(ws[e].norm)
                whole = whole_of(part, k, noun)
            if whole is None or whole.hedge or not kin(part, whole) or not whole.value > part.value:
                continue
            if not 0.005 < part.value / whole.value < 1:
                continue
            value = round(v * 100, 4)
            for o in over:
                o.kind, o.value, o.unit, o.start, o.end = "percent", value, "%", start, end
                o.text = b.doc.span_text(start, end)
                pf = o
                break
            else:
                q = Quantity("percent", start, end, value, "%", None, decimals=0)
                q.meta["fraction"] = True
                pf = b.add("percent", start, end, value, "%", q, place=part.place,
                           scope=b.scope_at(start), sentence=k, block=b.sent_block[k])
                fs.append(pf)
                fs.sort(key=lambda f: f.start)
            pf.meta["fraction"] = True
            pf.hedge = hedge
            pf.attached = True
            b.rel("share", [pf.id, part.id, whole.id], origin="text", note="fraction share")
            used.update([pf.id, part.id, whole.id])
            parts_of_share.add(part.id)


def part_and_rest_shares(b) -> None:
    """"The EU provides EUR 1.2 million, or 60 per cent of the project's cost. The remaining EUR 900,000 comes from
    the municipality": with no total stated, a contributor's share is its amount over itself and "the remaining"
    amount stated right after it (this sentence or the next of the paragraph, the same currency, no other amount
    between)."""
    F = b.model.facts
    in_share = {r.facts[0] for r in b.model.relations if r.kind == "share"}
    for p in F:
        if p.kind != "percent" or p.id in in_share or not p.meta.get("pending_share") or p.hedge or p.table:
            continue
        part = F[p.meta["part"]] if isinstance(p.meta.get("part"), int) else None
        if part is None or part.kind != "money" or part.hedge:
            continue
        if any(f.kind == "money" and f.role == "total" and f.unit == part.unit and f.scope == part.scope and not f.table
               for f in F):
            continue  # a stated total decides the share (scope relations)
        later = [f for f in F if f.kind == "money" and f.start > p.end and f.unit == part.unit and not f.table
                 and 0 <= f.sentence - p.sentence <= 1 and f.block - p.block <= 1]
        if not later or later[0].role != "remaining" or later[0].hedge or later[0].subset:
            continue
        rest = later[0]
        if any(f.kind == "money" and f.sentence >= 0 and part.end <= f.start < rest.start and f is not part for f in F):
            continue
        b.rel("share", [p.id, part.id, rest.id], origin="text", note="part and rest")
