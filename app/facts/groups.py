"""Groups of a whole count read from the structure of what is said (facts model, issue 10), whatever the
nouns: a whole count, then a list of numbers that each start their clause.

- ``bare_groups``: "Of these, 210 teach in primary schools and 150 in lower-secondary grades" (the whole
  in the sentence before), "Among the 230 graduates, 95 are civil servants and 120 work in NGOs",
  «Из 150 школ, вошедших в проект, 90 — сельские, 45 — городские и 25 — …», "Of them, 35 were doctors and
  65 were nurses. Midwives made up the remaining group of 30": the numbers no fact reads that start
  their clauses after the whole are its groups (at most the whole; all of it with "the remaining").
- ``neighbour_lists``: a sentence that lists groups only ("Participants came from Kyrgyzstan (38),
  Tajikistan (32) and Uzbekistan (30).", «Женщины — 420 человек, мужчины — 380.») next to the sentence
  stating their whole ("… brought together 96 officers", "In total, 150 officials have …").
"""
from __future__ import annotations

import re

from functools import lru_cache

from app.facts.phrases import data, phrase_set
from app.facts.quantities import Quantity

_CLAUSE_OPENERS = {"en": {",", ";", "and", "while", "whereas", "but", ":", "–", "—"},
                   "ru": {",", ";", "и", "а", "но", ":", "–", "—"}}


@lru_cache(maxsize=None)
def _openers(lang: str):
    """The openers "Of these," / «Из них» (``group_openers``) and "Among the <noun>," / «Из этих
    <noun>,» (``group_openers_noun``, the noun after them) of rules/facts/<lang>.yml as anchored
    patterns: alternatives of literal words, no nested repetition (linear)."""
    def alt(key):
        return "|".join(r"[ \u00a0]+".join(map(re.escape, p.split())) for p in data(lang).get(key) or [])
    word = r"[a-z][a-z\-]{2,30}+" if lang == "en" else r"[а-яё]{3,30}+"
    return (re.compile(r"\s*(?:" + alt("group_openers") + r")[ \u00a0]*[,—–-]?", re.I),
            re.compile(r"\s*(?:" + alt("group_openers_noun") + r")[ \u00a0]+(?P<n>" + word + r")[ \u00a0]*,", re.I))


# «Каждый пятый из 250 участников — 50 …», "One in five of the 250 trainees – 50 …": the count right after
# the whole M is a fraction of it, not a whole of groups; the patterns end where M starts (bounded, linear)
_FRACTION_OF = {"ru": re.compile(r"(?:^|[^\w])кажд(?:ый|ая|ое|ого|ую|ой)[ \u00a0]+(?:\d{1,3}[ \u00a0]*-?[ \u00a0]*[а-яё]{0,3}|[а-яё]{3,20})"
                                 r"[ \u00a0]+из[ \u00a0]+(?:всех[ \u00a0]+)?$", re.I),
                "en": re.compile(r"(?:^|[^\w])one[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?:\d{1,3}|[a-z]{3,12})[ \u00a0]+(?:of|among)"
                                 r"[ \u00a0]+(?:(?:the|our|its|all|all[ \u00a0]+the)[ \u00a0]+)?$", re.I)}
_APPOSITION = re.compile(r"[—–]|(?:^|[^\w])(?:или|то[ \u00a0]+есть|or|i\.e\.|that[ \u00a0]+is)(?:[^\w]|$)", re.I)


def fraction_whole(b, k):
    """M when count k is the K of "каждый N-й из M — K" / "one in N of the M – K" (in k's sentence)."""
    pat = _FRACTION_OF.get(b.lang)
    if pat is None or k.kind != "count" or not 0 <= k.sentence < len(b.sent_facts):
        return None
    cs = [c for c in b.sent_facts[k.sentence] if c.kind == "count" and c.end <= k.start]
    if not cs:
        return None
    m = max(cs, key=lambda c: c.end)
    between = b.text[m.end:k.start]
    if len(between) > 80 or not _APPOSITION.search(between) or any(ch.isdigit() for ch in between):
        return None
    return m if pat.search(b.text[max(0, m.start - 60):m.start]) else None


def mark_fractions(b) -> None:
    """Marks K of "каждый N-й из M — K" / "one in N of the M – K" (``fraction_of``: M's id)."""
    for fs in b.sent_facts:
        for c in fs:
            m = fraction_whole(b, c)
            if m is not None:
                c.meta["fraction_of"] = m.id


def _is_whole(c) -> bool:
    return c.kind == "count" and not (c.subset or c.meta.get("measure") or c.meta.get("group_number") or c.hedge
                                      or c.meta.get("fraction_of")
                                      or c.meta.get("each") or c.meta.get("items") or c.table) and c.num is not None \
        and c.num.integer and c.value >= 4


def _previous_whole(b, k: int, noun: str | None = None):
    """The whole a sentence opening with "Of these," / «Из них» points back at: the one count of the sentence
    before (same paragraph) that no qualifier preposition introduces ("from 14 schools"), or the one
    counting ``noun``."""
    from app.facts.model import _noun_match, _people
    from app.facts.relations import after_qualifier_prep

    if k == 0:
        return None  # "Of these," points back at the sentence before, in this paragraph or the one before
    ws = b.sent_words[k - 1]

    def qualifier(c) -> bool:
        i = b._widx(ws, c.start)
        if i >= 2 and ws[i - 2].norm in ("total", "number", "group", "team", "maximum", "minimum"):
            return False  # "A total of 140 doctors": the whole itself
        return after_qualifier_prep(ws, i, b.lang)

    cs = [c for c in b.sent_facts[k - 1] if _is_whole(c) and not qualifier(c)]
    if noun:
        named = [c for c in cs if _noun_match(c.unit, noun) or _people(b.lang, c.unit) and _people(b.lang, noun)]
        if len(named) == 1:
            return named[0]
    return cs[0] if len(cs) == 1 else None


def _number_groups(b, k: int, a: int, e: int, whole, own: set = frozenset()) -> list:
    """The groups of ``whole`` in sentence k between offsets a and e: counts already read and the bare
    numbers that start their clause (a fact is made for each)."""
    from app.facts.dates import find_dates
    from app.facts.numbers import find_numbers

    lang = b.lang
    text = b.text
    fs = b.sent_facts[k]
    taken = [(o.start, o.end) for o in fs]
    dates = [(d.start + a, d.end + a) for d in find_dates(text[a:e], lang)]
    out = []
    for o in fs:
        if a <= o.start < e and o.kind in ("money", "percent"):
            e = o.start  # the list ends where money or shares begin
            break
    for n in find_numbers(text[a:e], lang, a):
        if not n.integer or n.value < 1 or n.value >= whole.value or (not n.words and not n.style.group and 1900 <= n.value <= 2100):
            continue
        if any(x < n.end and n.start < y for x, y in dates):
            continue
        fact = next((o for o in fs if o.start <= n.start < o.end), None)
        if fact is not None:
            if fact.kind != "count" or fact.meta.get("measure") or fact.subset and fact.id not in own or fact.meta.get("each"):
                continue
            if fact.unit == whole.unit and not fact.meta.get("group_number"):
                return []  # the whole's own noun again: another count of the same things, not a group
            out.append(fact)
            continue
        if any(x < n.end and n.start < y for x, y in taken):
            continue
        head = text[n.end:n.end + 14].lower().replace("\u00a0", " ").lstrip(" ")
        if head.startswith(("%", "per", "про", "млн", "тыс", "mill", "thous", "euro", "евро", "eur", "usd", "year", "лет", "год")) \
                or head[:1].isdigit():
            continue
        before = text[max(a, n.start - 12):n.start].rstrip(" \u00a0")
        last = before.split()[-1].lower() if before.split() else ""
        opener = not before.strip() or last in _CLAUSE_OPENERS[lang] or before.endswith(tuple(_CLAUSE_OPENERS[lang] & {",", ";", ":", "–", "—"}))
        if not opener:
            continue
        g = b.add("count", n.start, n.end, n.value, "", Quantity("count", n.start, n.end, n.value, "", n),
                  place=whole.place if whole.sentence == k else fs[0].place if fs else whole.place,
                  scope=whole.scope, sentence=k, block=b.sent_block[k])
        g.meta["group_number"] = True
        g.meta["bare_group"] = True
        fs.append(g)
        fs.sort(key=lambda x: x.start)
        out.append(g)
    return out


def _remaining_next(b, k: int, whole):
    """"Midwives made up the remaining group of 30 participants": a count in the next sentence of the
    paragraph with "remaining" / «оставш…» up to four words before it."""
    from app.facts.relations import remaining_before

    j = k + 1
    if j >= len(b.sent_facts) or b.sent_block[j] - b.sent_block[k] > 1:
        return None
    ws = b.sent_words[j]
    related = {i for r in b.model.relations for i in r.facts}
    for c in b.sent_facts[j]:
        if c.kind != "count" or c.meta.get("measure") or c.value >= whole.value or c.id in related:
            continue
        if c.subset and not c.meta.get("remaining"):
            continue  # (a count read as "the remaining" with no parts found yet: these are its parts)
        i = b._widx(ws, c.start)
        if c.meta.get("remaining") or remaining_before(ws, i, b.lang) or \
                any(w.norm in ("remaining", "rest", "остальные", "оставшиеся", "оставшихся") for w in ws[max(0, i - 5):i]):
            return c
    return None


QUOTES_OPEN = ("\"", "«", "“", "„", "'", "‘")


def bare_groups(b) -> None:
    from app.facts.model import _complementary, _pat_ok  # noqa: F401

    mark_fractions(b)

    lang = b.lang
    for k, (s0, e0) in enumerate(b.sentences):
        ws = b.sent_words[k]
        if not ws:
            continue
        text = b.text
        whole, a = None, None
        m = _openers(lang)[0].match(text, s0, min(e0, s0 + 40))
        if m:
            whole, a = _previous_whole(b, k), m.end()
        if whole is None:
            mn = _openers(lang)[1].match(text, s0, min(e0, s0 + 50))
            if mn and not mn.group("n")[:1].isdigit():
                from app.facts.model import _noun_ru
                from app.facts.quantities import _en_singular

                noun = _en_singular(mn.group("n").lower()) if lang == "en" else _noun_ru(mn.group("n").lower())
                whole, a = _previous_whole(b, k, noun), mn.end()
        if whole is None:
            # "Among the 230 graduates, …", «Из 150 школ, вошедших в проект, …»: the sentence's first count after "of"
            fs = b.sent_facts[k]
            first = next((c for c in fs if c.kind == "count"), None)
            if first is None or not _is_whole(first):
                continue
            i0 = b._widx(ws, first.start)
            # the opener starts the sentence, or follows its dateline ("Karakol – Of the 300 trainees …, 180 …")
            p = next((x for x in range(min(i0, 6)) if ws[x].norm in ("of", "among", "out", "из", "среди")), None)
            if p is not None and p > 0 and ws[p - 1].norm in QUOTES_OPEN:
                p0 = p - 1  # «"Of the 150 trainees, 90 …," said the director»: a quote opening with the whole
            else:
                p0 = p
            if p is None or i0 - p > 3 or p0 > 0 and not (ws[p0 - 1].norm in ("–", "—") and b.sent_block[k] == first.block
                                                          and all(text[w.start].isupper() or not w.norm.isalpha() for w in ws[:p0 - 1])):
                continue
            if not phrase_set(lang, "whole_after").ends_at(ws, i0, p):
                continue
            comma = next((w for w in ws[b._widx(ws, first.end):] if w.norm == ","), None)
            if comma is None:
                continue
            whole, a = first, comma.end
            if re.match(r"[ \u00a0]+\d", text[first.end:first.end + 3]):
                a = first.end  # «Из 1 200 опрошенных 410 были …, 530 — …»: the first group right after the whole, no comma
        prior = next((r for r in b.model.relations if r.kind == "groups" and whole.id == r.facts[0]), None)
        # «Из них 420 живут в Ташкенте, 260 — в Самаркандской области, остальные 220 — в Бухарской»: a breakdown
        # read from its labelled groups alone is read again with the bare number the opener starts with
        again = m is not None and prior is not None and any(b.model.facts[i].meta.get("remaining") for i in prior.facts[1:]) \
            and all(b.model.facts[i].sentence == k for i in prior.facts[1:])
        if (whole.meta.get("groups") or prior) and (prior is None or len(prior.facts) > 2 or prior.complete) and not again:
            continue  # a breakdown already read; a lone group read before ("Of the 900 …, 400 in villages") is read again
        own = set(prior.facts[1:]) if prior else set()
        groups = _number_groups(b, k, a, e0, whole, own)
        if any(g.subset and g.id not in own for g in groups):
            continue
        if prior is not None:
            if not own <= {g.id for g in groups} or len(groups) < 2 or again and len(groups) <= len(own):
                continue
            first_own = min(b.model.facts[i].start for i in own)
            if again and any(g.id not in own and g.start > first_own for g in groups):
                continue  # only the number the opener starts with is added ("… are boys from 9 districts": no group)
            b.model.relations.remove(prior)
            b._rel_keys.discard((prior.kind, tuple(prior.facts)))
        rest = _remaining_next(b, k, whole)
        if len(groups) + (1 if rest is not None else 0) < 2:
            continue
        if rest is not None:
            rest.meta["remaining"] = True
            groups.append(rest)
        b._group_rel(whole, groups, complete=rest is not None or again)  # a complementary pair (women / men) is all of the whole


def _labelled(b, c) -> bool:
    """A count that is a group by its wording: a group's number (a label, a place, a bracket after a name)
    or a count whose complementary label stands right before it («Женщины — 420 человек»)."""
    if c.meta.get("group_number"):
        return True
    lab = b._label_before(b.text, c.start, c.end)
    if lab is None:
        return False
    if not c.label:
        c.label = lab[0].lower()
    return True


def _list_sentence(b, k: int, pair: bool = False) -> list | None:
    """The counts of sentence k when the sentence lists groups and nothing else: two or more counts, each
    a group by its wording, none in a relation yet, no amount or share beside them. With ``pair``: or a
    complementary pair counted by its own nouns ("40 women and 35 men", «40 женщин и 35 мужчин»)."""
    fs = b.sent_facts[k]
    if any(f.kind in ("money", "percent") for f in fs):
        return None
    cs = [f for f in fs if f.kind == "count" and not f.meta.get("measure")]
    if len(cs) < 2 or any(c.subset or c.meta.get("groups") or c.meta.get("each") or c.hedge or c.table for c in cs):
        return None
    if not all(_labelled(b, c) for c in cs) and not (pair and b._complete_pair(cs)):
        return None
    return cs


def _whole_near(b, k: int, groups: list):
    """The whole of a list of groups in sentence k: the one plain count of the sentence before (this
    paragraph or the one before), or a count the next sentence introduces with "in total" / «всего»,
    when the groups add up to nearly it (within a quarter: not a count of something else)."""
    from app.facts.model import _people

    total = sum(g.value for g in groups)
    near = lambda c: 0.8 * c.value <= total <= 1.25 * c.value and max(g.value for g in groups) < c.value  # noqa: E731
    if k > 0 and b.sent_block[k] - b.sent_block[k - 1] <= 1:
        cs = [c for c in b.sent_facts[k - 1] if c.kind == "count" and not c.meta.get("measure")]
        ws = b.sent_words[k - 1]
        plain = [c for c in cs if _is_whole(c) and not after_qualifier(b, ws, c)]
        if len(plain) == 1 and near(plain[0]) and not any(f.kind in ("money", "percent") for f in b.sent_facts[k - 1]):
            return plain[0], False
    if k + 1 < len(b.sent_facts) and b.sent_block[k + 1] - b.sent_block[k] <= 1:
        ws = b.sent_words[k + 1]
        tot = phrase_set(b.lang, "in_total")
        for c in b.sent_facts[k + 1]:
            if c.kind != "count" or not _is_whole(c):
                continue
            i = b._widx(ws, c.start)
            if tot.find(ws, 0, i) and near(c) and (_people(b.lang, c.unit) or all(not g.unit.startswith("@") for g in groups)):
                return c, True
            break
    return None, False


def after_qualifier(b, ws, c) -> bool:
    from app.facts.relations import after_qualifier_prep

    return after_qualifier_prep(ws, b._widx(ws, c.start), b.lang)


def neighbour_lists(b) -> None:
    """A sentence that lists groups only, next to the sentence stating their whole: "… brought together 96
    officers. Participants came from Kyrgyzstan (38), Tajikistan (32) and Uzbekistan (30).", «Женщины —
    420 человек, мужчины — 380. Всего … участвовали 820 человек». All of the whole when the list is a
    complementary pair or a closed list of places; else at most the whole."""
    from app.facts.relations import enumeration_complete

    for k in range(len(b.sent_facts)):
        groups = _list_sentence(b, k)
        paired = False
        if not groups:
            groups, paired = _list_sentence(b, k, pair=True), True
        if not groups:
            continue
        whole, after = _whole_near(b, k, groups)
        if whole is None or paired and not after:
            continue  # a pair counted by its own nouns: only a total the next sentence names ("In total, 80 …") is its whole
        before = list(whole.meta.get("groups") or [])  # "820 человек, из них 60 – …": another breakdown of it
        complete = b._complete_pair(groups) or (
            all(g.meta.get("place_group") for g in groups) and enumeration_complete(b.text, groups, b.lang))
        if after:
            whole.meta["stated_sum"] = True  # "In total, …": the sum written from its groups
        b._group_rel(whole, groups, complete=complete)
        whole.meta["groups"] = before + whole.meta["groups"]


def _share_label(b, k: int, p):
    """The complementary group's label a percentage is the share of: the first word after it in its clause
    («58 % составили женщины», "47% were men", «47 % — мужчины») or the word right before it ("women 58%",
    "women made up 58%", «женщины — 58 %»); None when another figure comes first."""
    from app.facts.model import _complementary, _pat_ok

    ws = b.sent_words[k]
    fs = b.sent_facts[k]
    i0, i1 = b._widx(ws, p.start), b._widx(ws, p.end)
    nxt = min([b._widx(ws, o.start) for o in fs if o.start >= p.end] + [len(ws)])
    prv = max([b._widx(ws, o.end) for o in fs if o.end <= p.start] + [0])
    pairs = _complementary(b.lang)

    def label(w):
        for n, pair in enumerate(pairs):
            for side, pat in enumerate(pair):
                if w.isalpha() and _pat_ok(pat, w):
                    return n, side
        return None
    for j in range(i1, min(nxt, i1 + 4)):
        w = ws[j].norm
        if w in (",", ";", ".", "(", ")", "and", "и", "а", "while"):
            break
        if w == "of":
            return None  # "58% of the women": a share of the group, not the group's share
        lab = label(w)
        if lab and b.lang == "ru" and j == i1 and _genitive(w):
            return None  # «58 % женщин оценили …»: a share of the women, not the women's share
        if lab:
            return lab
    for j in range(i0 - 1, max(prv - 1, i0 - 4), -1):
        w = ws[j].norm
        if w in (",", ";", ".", "(", ")"):
            break
        lab = label(w)
        if lab:
            return lab
    return None


def _genitive(w: str) -> bool:
    from app.language import morph

    p = morph().parse(w)
    return bool(p) and "gent" in p[0].tag and "nomn" not in p[0].tag


def share_pairs(b) -> None:
    """«Среди участников 58 % составили женщины и 47 % — мужчины», "Women made up 58% of the trainees and
    men 47%": the shares of the two groups of a complementary pair (women / men, urban / rural …) stated
    side by side in one sentence make up 100 % of the whole they share (a ``groups`` relation over a
    100 % that is no figure of the text: never blamed, never shown)."""
    from app.facts.quantities import Quantity

    related = {i for r in b.model.relations for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        ps = [f for f in fs if f.kind == "percent"]
        if len(ps) != 2 or any(p.id in related or p.attached or p.hedge or p.table for p in ps):
            continue
        if any(f.kind == "money" for f in fs):
            continue
        labs = [_share_label(b, k, p) for p in ps]
        if None in labs or labs[0][0] != labs[1][0] or labs[0][1] == labs[1][1]:
            continue
        gap = b.text[ps[0].end:ps[1].start]
        if len(gap) > 60 or ";" in gap or "." in gap:
            continue
        w = b.add("percent", ps[0].start, ps[0].start, 100.0, "%", None, place=ps[0].place, scope=ps[0].scope,
                  sentence=k, block=b.sent_block[k])
        w.meta["virtual"] = True
        b.rel("groups", [w.id] + [p.id for p in ps], True, note="shares of a pair")


def _of_them_number(b, k: int, whole):
    """The number of sentence k that "of them" / «из них», «среди них» ties to the whole of the sentence before,
    mid-sentence: "Khatlon alone accounts for 410 of them", «Подростков среди них было 148», «120 из них — …».
    Returns the count fact (made for a bare number), or None."""
    from app.facts.numbers import find_numbers

    ws = b.sent_words[k]
    ops = phrase_set(b.lang, "group_openers")
    ms = ops.find(ws)  # (opening the sentence: «Из них 1 200 — девушки», read here when it is one group over the whole)
    if len(ms) != 1:
        return None
    m = ms[0]
    s0, e0 = b.sentences[k]
    fs = b.sent_facts[k]
    if any(f.kind in ("money", "percent") for f in fs):
        return None
    nums = [n for n in find_numbers(b.text[s0:e0], b.lang, s0) if n.integer and n.value >= 1
            and (n.words or n.style.group or not 1900 <= n.value <= 2100)]
    def tied(n) -> bool:
        i, j = b._widx(ws, n.start), b._widx(ws, n.end)
        return m.i == j or 0 <= i - m.j <= 2 and all(w.norm.isalpha() for w in ws[m.j:i])  # "410 of them", «среди них было 148»
    nums = [n for n in nums if tied(n)]
    if len(nums) != 1:
        return None
    n = nums[0]
    if any(o.kind == "count" and o.end <= n.start and not o.meta.get("measure") for o in fs):
        return None  # "They prepared 1,200 lessons, and 300 of them …": "of them" points at the count in its sentence
    after = b._widx(ws, n.end) == m.i
    fact = next((o for o in fs if o.start <= n.start < o.end), None)
    if fact is not None:
        if fact.kind != "count" or fact.meta.get("measure") or fact.subset or fact.meta.get("each") or fact.hedge:
            return None
        if fact.unit == whole.unit and not fact.meta.get("group_number") and after:
            return None
        return fact
    if any(o.start < n.end and n.start < o.end for o in fs):
        return None
    g = b.add("count", n.start, n.end, n.value, "", Quantity("count", n.start, n.end, n.value, "", n),
              place=fs[0].place if fs else whole.place, scope=whole.scope, sentence=k, block=b.sent_block[k])
    g.meta["group_number"] = True
    g.meta["bare_group"] = True
    fs.append(g)
    fs.sort(key=lambda x: x.start)
    return g


def _another_next(b, k: int, whole):
    """«Ещё 171 участник — …», "Another 35 were …": the one count of the next sentence of the paragraph
    opened by an addition word (list ``additional``), counting people when the whole does, or its noun."""
    from app.facts.model import _people

    j = k + 1
    if j >= len(b.sent_facts) or b.sent_block[j] - b.sent_block[k] > 1:
        return None
    cs = [c for c in b.sent_facts[j] if c.kind in ("count", "money", "percent")]
    if len(cs) != 1 or cs[0].kind != "count":
        return None
    c = cs[0]
    if c.subset or c.meta.get("measure") or c.hedge or c.meta.get("each"):
        return None
    ws = b.sent_words[j]
    i = b._widx(ws, c.start)
    if i > 1 or not phrase_set(b.lang, "additional").ends_at(ws, i):
        return None
    if not (c.unit == whole.unit or _people(b.lang, c.unit) and _people(b.lang, whole.unit)):
        return None
    return c


def of_them_later(b) -> None:
    """A count the sentence after a whole ties to it by "of them" inside the sentence ("Khatlon alone
    accounts for 410 of them", «Подростков в возрасте 14–17 лет среди них было 148») is a group of that
    whole, and so is a count the next sentence adds with "another" / «ещё»: at most the whole."""
    related = {i for r in b.model.relations for i in r.facts}
    for k in range(1, len(b.sent_facts)):
        if b.sent_block[k] - b.sent_block[k - 1] > 1:
            continue
        whole = _previous_whole(b, k)
        if whole is None or whole.id in related or whole.meta.get("groups"):
            continue
        g = _of_them_number(b, k, whole)
        if g is None or g.id in related:
            continue
        groups = [g]
        # "320 of them are in Batken and 200 in Leilek", «15 из них – в Согдийской области, 12 – в Хатлонской»:
        # the numbers listed after the tied one, each starting its clause, are the other groups
        s0, e0 = b.sentences[k]
        rest = [x for x in _number_groups(b, k, g.end, e0, whole) if x.id != g.id and x.start > g.start and x.id not in related]
        complete = False
        if rest:
            groups += rest
            from app.facts.relations import enumeration_complete

            complete = enumeration_complete(b.text, groups, b.lang) or b._complete_pair(groups)
        more = _another_next(b, k, whole) if not rest else None
        if more is not None and more.id not in related:
            groups.append(more)
        if len(groups) == 1 and g.value <= whole.value:
            continue  # one group within its whole: nothing to check
        b._group_rel(whole, groups, complete=complete)
        related.update([whole.id] + [x.id for x in groups])


RESPECTIVELY = {"en": ("respectively",), "ru": ("соответственно",)}


def respectively_lists(b) -> None:
    """"120 farmers were trained in Osh, Jalal-Abad and Batken: 50, 40 and 20 respectively", «… – соответственно 50,
    40 и 20 человек»: bare numbers listed with "respectively" after a count are its groups, one for each name
    listed before, all of it."""
    from app.facts.relations import enumeration_complete

    words = RESPECTIVELY.get(b.lang, ())
    related = {i for r in b.model.relations for i in r.facts}
    for k, ws in enumerate(b.sent_words):
        at = [x for x, w in enumerate(ws) if w.norm in words]
        if len(at) != 1:
            continue
        fs = b.sent_facts[k]
        if any(f.kind in ("money", "percent") for f in fs):
            continue
        cue = ws[at[0]]
        wholes = [c for c in fs if _is_whole(c) and c.end <= cue.start and c.id not in related and not c.meta.get("groups")]
        if len(wholes) != 1:
            continue
        whole = wholes[0]
        s0, e0 = b.sentences[k]
        # «… – соответственно 50, 40 и 20 человек»: the list starts right after the word
        nxt = b.text[cue.end:cue.end + 3].lstrip(" \u00a0")
        a = cue.end if nxt[:1].isdigit() else whole.end
        groups = _number_groups(b, k, a, e0, whole)
        groups = [g for g in groups if g.id not in related and g.id != whole.id]
        if len(groups) < 2 or not enumeration_complete(b.text, groups, b.lang):
            continue
        near = b._widx(ws, groups[-1].end) >= at[0] - 1 if at[0] > b._widx(ws, groups[-1].start) else \
            b._widx(ws, groups[0].start) - at[0] <= 1
        if not near:
            continue  # the word stands right before the list or right after it
        b._group_rel(whole, groups, complete=True)
        related.update([whole.id] + [g.id for g in groups])


def headline_lists(b) -> None:
    """"EU helps 500 families in Batken rebuild their homes" … "320 families in Leilek district and 200 in
    Kadamjay will receive …": the headline's count of a noun is the whole of the one list in the body that counts
    the same noun by place, closed by "and" («… 320 семей в Лейлекском районе и 200 – в Кадамджайском»), when the
    body counts that noun nowhere else and the list nearly makes it (0.8–1.25)."""
    from app.facts.relations import enumeration_complete

    related = {i for r in b.model.relations for i in r.facts}
    heads = [f for f in b.model.facts if f.kind == "count" and f.place == "headline" and _is_whole(f) and f.id not in related
             and not f.meta.get("groups")]
    if len(heads) != 1:
        return
    h = heads[0]
    body = [f for f in b.model.facts if f.kind == "count" and f.place != "headline" and f.sentence > h.sentence]
    same = [f for f in body if f.unit == h.unit and not f.meta.get("group_number")]
    if not same or same[0].hedge or same[0].id in related or same[0].meta.get("each"):
        return
    first = same[0]
    fs = b.sent_facts[first.sentence]
    k = fs.index(first)
    groups = [first]
    for f in fs[k + 1:]:
        if f.kind != "count":
            break
        if not (f.meta.get("place_group") or f.unit == h.unit) or f.id in related or len(b.text[groups[-1].end:f.start]) > 40:
            break
        groups.append(f)
    if len(groups) < 2 or any(f.id not in {g.id for g in groups} for f in same):
        return  # the body counts the noun elsewhere too
    if not (b.text[first.end:first.end + 4].lstrip(" \u00a0")[:1].isalpha()):
        return  # "320 families in Leilek …": the first group names its place too
    if not enumeration_complete(b.text, groups, b.lang):
        return
    tot = sum(g.value for g in groups)
    if not 0.8 * h.value <= tot <= 1.25 * h.value or any(g.value >= h.value for g in groups):
        return
    b._group_rel(h, groups, complete=True)


def elliptic_groups(b) -> None:
    """«Программа выдала 48 грантов. Тридцать получили кооперативы, двенадцать – женские группы, восемь – …»,
    "The programme awarded 48 grants. Thirty went to cooperatives, twelve to women's groups and eight to …": a
    sentence opening with a bare number (its noun left out: the one count of the sentence before) and listing
    more numbers that start their clauses is a breakdown of that count; all of it when closed by "and" / «и»,
    else at most it. Read only when the numbers add up to nearly the whole (0.8–1.25 of it)."""
    from app.facts.numbers import find_numbers
    from app.facts.relations import enumeration_complete

    related = {i for r in b.model.relations for i in r.facts}
    for k in range(1, len(b.sent_facts)):
        if b.sent_block[k] != b.sent_block[k - 1]:
            continue
        ws = b.sent_words[k]
        s0, e0 = b.sentences[k]
        first = next(iter(find_numbers(b.text[s0:min(e0, s0 + 60)], b.lang, s0)), None)
        if first is None or not ws or b._widx(ws, first.start) != 0 or not first.integer:
            continue
        if any(f.kind in ("money", "percent") for f in b.sent_facts[k]):
            continue
        f0 = next((f for f in b.sent_facts[k] if f.start <= first.start < f.end), None)
        if f0 is not None and (f0.kind != "count" or not (f0.meta.get("group_number") or f0.meta.get("bare_group"))):
            continue  # "Thirty teachers …": the sentence names its own noun
        whole = _previous_whole(b, k)
        if whole is None or whole.id in related or whole.meta.get("groups"):
            continue
        groups = _number_groups(b, k, s0, e0, whole)
        if len(groups) < 2 or any(g.id in related for g in groups):
            continue
        tot = sum(g.value for g in groups)
        if not 0.8 * whole.value <= tot <= 1.25 * whole.value:
            continue
        b._group_rel(whole, groups, complete=enumeration_complete(b.text, groups, b.lang))
        related.update([whole.id] + [g.id for g in groups])


# "Ahal – 1,200; Balkan – 850; Dashoguz – 1,050; total – 3,000", «Ош — 120, Баткен — 80, всего — 200»: a
# label, a dash or colon, a number; bounded pieces, no nested repetition (linear)
_LABELLED = re.compile(r"(?P<lab>[^\W\d_][\w\-]{1,30}+)[ \u00a0]*[–—:][ \u00a0]*(?P<n>\d{1,3}(?:[ \u00a0,.]\d{3}){0,3}+|\d{1,9}+)"
                       r"(?=[ \u00a0]*(?:[;,.)]|$|and[ \u00a0]|и[ \u00a0]))")


def labelled_lists(b) -> None:
    """A sentence listing labelled numbers ("Ahal – 1,200; Balkan – 850; Dashoguz – 1,050") and closing with
    their total ("total – 3,000", «всего — 200»; list ``total_opening``): the total is the sum of the
    listed groups, stated after them."""
    from app.facts.numbers import find_numbers

    totals = phrase_set(b.lang, "total_opening")
    runs, k = [], 0
    while k < len(b.sentences):  # sentences joined by ";" in one paragraph are one list
        j = k
        while j + 1 < len(b.sentences) and b.sent_block[j + 1] == b.sent_block[k] and \
                b.text[b.sentences[j][0]:b.sentences[j][1]].rstrip().endswith(";"):
            j += 1
        runs.append((k, j))
        k = j + 1
    for k0, k1 in runs:
        s0, e0 = b.sentences[k0][0], b.sentences[k1][1]
        fs_all = [f for x in range(k0, k1 + 1) for f in b.sent_facts[x]]
        if any(f.kind in ("money", "percent") for f in fs_all):
            continue
        items = list(_LABELLED.finditer(b.text, s0, e0))
        if len(items) < 3:
            continue
        last = items[-1]
        kl = next(x for x in range(k0, k1 + 1) if b.sentences[x][0] <= last.start() < b.sentences[x][1])
        ws = b.sent_words[kl]
        i = b._widx(ws, last.start("lab"))
        def sent_of(x0):
            return next(x for x in range(k0, k1 + 1) if b.sentences[x][0] <= x0 < b.sentences[x][1])

        if not totals.at(ws, i) or any(totals.at(b.sent_words[sent_of(m.start())], b._widx(b.sent_words[sent_of(m.start())], m.start("lab")))
                                       for m in items[:-1]):
            continue  # the total closes the list, once
        picked = []
        for m in items:
            ns = find_numbers(b.text[m.start("n"):m.end("n")], b.lang, m.start("n"))
            if len(ns) != 1 or not ns[0].integer or ns[0].value < 1:
                break
            n, k = ns[0], sent_of(ns[0].start)
            old = next((o for o in b.sent_facts[k] if o.start < n.end and n.start < o.end), None)
            if old is not None and (old.kind != "count" or old.subset or old.meta.get("groups") or old.meta.get("measure")):
                break
            picked.append((m, n, k, old))
        if len(picked) != len(items):
            continue
        facts_ = []
        for m, n, k, old in picked:
            if old is not None:
                facts_.append(old)
                continue
            fs = b.sent_facts[k]
            g = b.add("count", n.start, n.end, n.value, "", Quantity("count", n.start, n.end, n.value, "", n),
                      place=fs[0].place if fs else "body", scope=b.scope_at(n.start), sentence=k,
                      block=b.sent_block[k])
            g.label = m.group("lab").lower()
            g.meta["group_number"] = True
            fs.append(g)
            fs.sort(key=lambda x: x.start)
            facts_.append(g)
        whole, groups = facts_[-1], facts_[:-1]
        whole.meta["stated_sum"] = True  # the sum written after its groups
        b._group_rel(whole, groups, complete=True)
