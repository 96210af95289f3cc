"""Relations read from the structure of the wording (helpers of app.facts.model): a year that dates
an event rather than qualifies an amount, anaphora that point back at a whole ("95 per cent of it",
«из этой суммы»), and the like. Word lists are data (rules/facts/<lang>.yml)."""
from __future__ import annotations

import bisect

import re

from app.facts.phrases import Word, data, phrase_set, words


def _month(lang: str, w: str) -> bool:
    from app.facts.phrases import pat

    for spec in data(lang).get("months") or []:
        if pat(str(spec)).ok(w):
            return True
    return False


def date_year(ws: list[Word], x: int, lang: str) -> bool:
    """ws[x] is a year: is it a date's or a start's ("since January 2024", "in March 2025", «с 2024
    года», «в мае 2025 года»), not one the amount is for?"""
    prev = ws[x - 1].norm if x > 0 else ""
    prev2 = ws[x - 2].norm if x > 1 else ""
    if _month(lang, prev) or (prev.isdigit() and _month(lang, prev2)):
        return True  # "January 2024", «1 марта 2024»
    return prev in (("since", "from") if lang == "en" else ("с", "со"))


def anaphor_at(ws: list[Word], j: int, lang: str) -> int | None:
    """The words at j point back at a whole stated before ("of it", "of this amount", «от этой
    суммы», «из них»): the index after them, else None."""
    m = phrase_set(lang, "anaphora").at(ws, j)
    return m.j if m is not None else None


QUAL_PREPS = {"en": ("from", "of", "in", "across", "at"), "ru": ("из", "в", "во", "от", "со")}
QUAL_DETS = {"en": ("all", "the", "its", "their", "all the"), "ru": ("всех", "всего", "разных", "своих", "всей")}


def qualifier_gap(between: str, lang: str) -> bool:
    """The words between a whole count and the next count make the next one a qualifier of the whole:
    "140 delegates from five countries", «310 участников из всех 14 регионов»."""
    toks = between.lower().split()
    if len(toks) >= 2 and toks[0].isalpha() and toks[0] not in QUAL_PREPS.get(lang, ()) and toks[1] in QUAL_PREPS.get(lang, ()):
        toks = toks[1:]  # "120 participants came from three regions": the verb before the qualifier
    if not toks or len(toks) > 3 or toks[0] not in QUAL_PREPS.get(lang, ()):
        return False
    return all(t.isalpha() and (t in QUAL_DETS.get(lang, ()) or i == 0) for i, t in enumerate(toks))


def after_qualifier_prep(ws: list[Word], i0: int, lang: str) -> bool:
    """The count at word i0 follows "from (all)", «из (всех)»: it qualifies the count before it."""
    preps, dets = QUAL_PREPS.get(lang, ()), QUAL_DETS.get(lang, ())
    if i0 >= 1 and ws[i0 - 1].norm in preps:
        return True
    return i0 >= 2 and ws[i0 - 1].norm in dets and ws[i0 - 2].norm in preps


def enumeration_complete(text: str, groups, lang: str) -> bool:
    """Groups listed one by one after a colon or a dash and closed by "and" / «и» ("52 from
    Kazakhstan, 31 from Uzbekistan … and 12 from Turkmenistan", «20 – в Иссык-Кульской, 15 – в
    Нарынской и 11 – в Таласской»): the list is the whole breakdown, not a selection."""
    if len(groups) < 2:
        return False
    last_gap = text[groups[-2].end:groups[-1].start].lower().split()
    closing = ("and",) if lang == "en" else ("и", "а")
    if not last_gap or last_gap[-1] not in closing:
        return False
    tail = text[groups[-1].end:groups[-1].end + 30].lower()
    return not any(w in tail for w in (("other", "others", "etc", "rest") if lang == "en" else ("друг", "прочи", "т. д", "т.д")))


def remaining_before(ws: list[Word], i: int, lang: str, extended: bool = True) -> bool:
    """The words right before word i say "the remaining" / «остальные» (list roles.remaining); ``extended``: also
    with the rest's noun and a bracket between («Остальные участники (86 человек)»)."""
    for m in phrase_set(lang, "roles").find(ws, max(0, i - 6), i):
        if m.label == "remaining" and m.j in (i, i - 1):
            return True
        if not extended:
            continue
        if m.label == "remaining" and _rest_then_count(ws, m.j, i):
            return True
    if lang == "ru" and extended:
        for k in range(max(0, i - 6), i):
            if ws[k].norm in ("прочие", "прочих") and _rest_then_count(ws, k + 1, i):
                return True  # «Прочие выпускники, а их 70, …»
    return False


_REST_LINKS = {"(", ",", "—", "–", "а", "их", "them", "of", "are", "were", "in", "all", "в", "из", "них"}


def _rest_then_count(ws: list[Word], j: int, i: int) -> bool:
    """«Остальные участники (86 человек)», «Прочие выпускники, а их 70», «остальные — в Ахалском (четыре этрапа)», "the
    others (35 people)": between the remaining word (ending at j) and the count at i at most two words of its own
    (the noun, a place) and then a bracket or «а их» right before the count."""
    between = ws[j:i]
    if not between or len(between) > 6:
        return False
    own = [w for w in between if w.norm not in _REST_LINKS]
    if len(own) > 2 or any(not w.norm.isalpha() for w in own) or any(w.norm in (".", ";", ":") for w in between):
        return False
    tail = [w.norm for w in between[-2:]]
    return tail[-1] == "(" or tail == ["а", "их"] or tail[-1] == "их" and len(between) >= 2 and between[-2].norm == ","


def remaining_counts(b) -> None:
    """«В конкурсе участвовали 86 школ. Жюри отобрало 30 школ. Остальные 46 школ получат …», "Some 420
    health workers will be trained: 150 in the first year and the remaining 250 in the second": a count
    introduced by "the remaining" is the whole minus the counts of the same thing stated between the
    whole and it (same paragraph, up to two sentences back). ``b`` is the model's builder."""
    from app.facts.model import _people

    F = b.model.facts
    lang = b.lang
    in_groups = {i for r in b.model.relations if r.kind in ("groups", "sum") for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        for f in list(fs):
            if f.kind != "count":
                continue
            if not (f.meta.get("remaining") or remaining_before(ws, b._widx(ws, f.start), lang)):
                continue
            # «Из 12 внедорожников восемь …, оставшиеся шесть»: a whole read with "the remaining" as its only
            # group is read again with the parts between
            solo = next((r for r in b.model.relations if r.kind == "groups" and len(r.facts) == 2 and r.facts[1] == f.id), None)
            if f.id in in_groups and solo is None:
                continue
            measure = bool(f.meta.get("measure"))  # «оставшиеся 80 км»: lengths and areas of one unit
            cands = []
            for back in range(k, max(-1, k - 3), -1):
                if b.sent_block[back] != b.sent_block[k]:
                    # "Sixteen of the grants …; the remaining 26" in the paragraph after "40 grants": a part
                    # naming the whole's noun reaches back across the paragraph; «240 слушателей.» ¶ «150 из них —
                    # …, остальные 80»: the sentence just before, ending the paragraph just before
                    named = _of_the_noun(b, back + 1, f) or b.sent_block[k] - b.sent_block[back] == 1 and (
                        back == k - 1 and _points_back(b, k)
                        # «60 грантов. 35 грантов уже выданы.» ¶ «Оставшиеся 20 грантов …»: the paragraph just before counts the same noun
                        or f.unit and not f.unit.startswith("@") and any(c.kind == "count" and c.unit == f.unit for c in b.sent_facts[back])
                        # «… 40 000 книг.» ¶ «Двадцать шесть тысяч книг мы передали …, а оставшиеся шестнадцать
                        # тысяч — школам»: a part before "the remaining" counts the noun of the paragraph just before
                        or back == k - 1 and _same_noun_before(b, k, back, f)
                        # "… 2,500 farmers …, among them 1,100 cotton growers and 900 horticulturists." ¶ "The other 600
                        # were wheat farmers": the rest of a breakdown the paragraph just before ends with
                        or back == k - 1 and _breakdown_ends(b, back, f))
                    if not named:
                        break
                cands = [c for c in b.sent_facts[back] if c.kind == "count" and c.end <= f.start] + cands
            def people(c):
                return _people(lang, c.unit) or bool(c.q and c.q.noun and _people(lang, c.q.noun.lower()))

            def same_thing(c):
                if measure:
                    return bool(c.meta.get("measure")) and c.unit == f.unit
                if c.meta.get("measure") or c.meta.get("each") is True:
                    return False  # a count per item («по 20 в каждой»); the items of a product are still counted things
                if f.unit and not f.unit.startswith("@"):
                    return c.unit == f.unit or (people(c) and people(f)) or (not c.unit and bool(c.meta.get("part_of_next")))
                return people(c) or c.unit.startswith("@") or not c.unit
            # "the remaining 180 in Naryn": the noun is the whole's; «остальные шесть — юношам»: a group's label, not a noun
            bare = not f.unit or f.unit.startswith("@") or bool(f.meta.get("group_number") and not f.meta.get("measure"))
            if lang == "en" and f.q is not None and f.q.noun and f.value > 1 and not f.q.noun.lower().endswith("s") \
                    and f.q.noun.lower() not in ("people", "women", "men", "children", "staff", "police", "youth"):
                bare = True  # "the remaining eight operate in …": a verb after the number, no noun
            wholes = [c for c in cands if c.value > f.value and not c.unit.startswith("@") and c.unit
                      and (not c.meta.get("measure") or measure) and c.meta.get("each") is not True and (same_thing(c) or bare and not measure)]
            cands = [c for c in cands if same_thing(c) or c in wholes]
            if not wholes:
                continue
            # the largest; of equal ones the nearest (the body's "60 of the 85 villages", not the headline's "85 villages")
            whole = max(wholes, key=lambda c: (c.value, c.block == f.block, c.start))
            _bare_parts(b, whole, f)
            cands = cands + [c for c in F if c.meta.get("bare_part_of") == whole.id]
            mine = set(whole.meta.get("groups") or [])  # groups already read for this whole (before "the remaining")
            # "Out of 64 schools, 40 are in Ashgabat and 16 in Ahal. The other 10 schools …": the whole's groups are
            # parts whatever they count (a place, another noun: "1,100 cotton growers and 900 horticulturists")
            cands = cands + [c for c in F if c.id in mine and c not in cands and c.end <= f.start and not c.hedge]
            parts = [c for c in cands if (c.start > whole.end or c.meta.get("part_of_next") and 0 <= whole.start - c.end <= 12
                                          or _part_before_of(b, c, whole))
                     and c.value < whole.value and (c.id not in in_groups or c.id in mine)]
            parts = list({c.id: c for c in parts}.values())
            if _uncounted_digits(b, whole, f):
                continue  # "Of the 300, 120 work in Astana, 100 in Almaty, the remaining 80 …": a part not read
            if not parts or any(p.hedge for p in parts):
                f.subset = True  # "the remaining 25 villages": a part of a whole, never that whole stated again
                f.meta["remaining"] = True
                continue
            f.meta["remaining"] = True
            if solo is not None:
                if solo.facts[0] != whole.id:
                    continue
                b.model.relations.remove(solo)
                b._rel_keys.discard((solo.kind, tuple(solo.facts)))
            for p in parts + [f]:
                p.subset = True
            if not remaining_before(ws, b._widx(ws, f.start), lang, extended=False) and _unread_numbers(b, whole, f, parts):
                continue  # «64 — из Худжанда», «четыре — в Марыйском»: a part no fact reads; the rest is not known
            whole.meta["groups"] = [p.id for p in parts + [f]]
            b.rel("groups", [whole.id] + [p.id for p in parts] + [f.id], True, note="remaining")
            in_groups.update([whole.id, f.id] + [p.id for p in parts])


def _same_noun_before(b, k: int, back: int, f) -> bool:
    """A count of sentence k before f (a part) counts the noun of a larger count of sentence ``back``."""
    def real(c):
        return c.kind == "count" and c.unit and not c.unit.startswith("@") and not c.meta.get("measure")
    mine = [p for p in b.sent_facts[k] if real(p) and p.end <= f.start and p.value > f.value * 0.05]
    return any(real(c) and any(p.unit == c.unit and p.value < c.value for p in mine) for c in b.sent_facts[back])


def _breakdown_ends(b, back: int, f) -> bool:
    """Sentence ``back`` states a whole and its groups, and f (no noun, or the whole's) is smaller than it."""
    for c in b.sent_facts[back]:
        if c.kind == "count" and c.meta.get("groups") and c.value > f.value and (
                not f.unit or f.unit.startswith("@") or f.unit == c.unit or f.meta.get("group_number")):
            return True
    return False


def _points_back(b, k: int) -> bool:
    """Sentence k refers back to the sentence before: a part "of them" / «из них» before its "remaining"
    count, or a group opener ("Of these,")."""
    a, e = b.sentences[k]
    t = b.text[a:e].lower()
    return any(w in t for w in (("of them", "of these", "of those", "of whom") if b.lang == "en" else ("из них", "из которых", "среди них")))


def _part_before_of(b, c, whole) -> bool:
    """«60 км каналов из 140 км», "60 km of the 140 km": a count before its whole in one sentence, the
    whole right after "of" / «из»."""
    if c.sentence != whole.sentence or c.end > whole.start or c.unit != whole.unit:
        return False
    before = b.text[max(c.end, whole.start - 12):whole.start].lower().split()
    return bool(before) and before[-1] in ("из", "of") or before[-2:] == ["of", "the"] or before[-2:] == ["out", "of"]


def _of_the_noun(b, k: int, f) -> bool:
    """Sentence k (up to f's) has a bare number "N of the <noun>" / «N из <noun>» before f."""
    for kk in range(k, f.sentence + 1):
        if kk >= len(b.sentences):
            break
        a, e = b.sentences[kk]
        if _OF_THE[b.lang].search(b.text, a, min(e, f.start)):
            return True
    return False


_OF_THE = {"en": re.compile(r"(?<![\w])[A-Za-z]{3,9}+[ \u00a0]+of[ \u00a0]+(?:the|these|those)[ \u00a0]+[a-z]{2,19}s(?![\w])"),
           "ru": re.compile(r"(?<![\w])[а-яё]{3,12}+[ \u00a0]+из[ \u00a0]+(?:этих[ \u00a0]+)?[а-яё]{3,20}+(?![\w])", re.I)}
_PART_LINK = {"en": ("of them", "of these", "of those", "of the ", "of which"),
              "ru": ("из них", "из которых", "из этих", "из ")}


def _bare_parts(b, whole, f) -> None:
    """The numbers no fact reads between a whole count and "the remaining N" ("Fifteen crisis centres … Six of
    them are in the cities; the remaining nine …", "Six were completed in 2025", «в 14 из них», «Из 12
    внедорожников восемь уже поступили»): counts of parts of the whole when the number starts its clause,
    follows the whole, or says "of them" / «из них» right after it."""
    from app.facts.dates import find_dates
    from app.facts.numbers import find_numbers
    from app.facts.quantities import Quantity

    if whole.meta.get("bare_parts_read") or whole.sentence < 0 or f.sentence < 0:
        return
    whole.meta["bare_parts_read"] = True
    lang = b.lang
    taken = sorted((o.start, o.end) for fs in b.sent_facts[whole.sentence:f.sentence + 1] for o in fs)
    for kk in range(whole.sentence, f.sentence + 1):
        a, e = b.sentences[kk]
        a, e = max(a, whole.end), min(e, f.start)
        if a >= e:
            continue
        seg = b.text[a:e]
        dates = [(d.start + a, d.end + a) for d in find_dates(seg, lang)]
        for n in find_numbers(seg, lang, a):
            if not n.integer or n.value >= whole.value or n.value < 1 or (not n.words and not n.style.group and 1900 <= n.value <= 2100):
                continue
            if any(x < n.end and n.start < y for x, y in taken + dates):
                continue
            head = b.text[n.end:n.end + 16].lower().replace("\u00a0", " ").lstrip(" ")
            tail = b.text[max(a if kk > whole.sentence else whole.end, n.start - 30):n.start].rstrip(" \u00a0")
            if head[:1].isdigit() or head.startswith(("%", "per", "про", "млн", "тыс", "mill", "thous")):
                continue
            linked = head.startswith(_PART_LINK[lang])
            clause_start = not tail.strip() or tail.endswith((";", ",", ":", ".", "—", "–")) or (
                kk > whole.sentence and b.text[a:n.start].strip() == "")
            after_whole = kk == whole.sentence and not b.text[whole.end:n.start].strip(" \u00a0,")
            prep = kk >= f.sentence - 1 and tail.split()[-1:] in (["on"], ["in"], ["at"], ["for"], ["в"], ["на"]) and \
                head.split()[:1] in (["has"], ["have"], ["is"], ["are"], ["was"], ["were"], ["will"], ["уже"])
            if not (linked or clause_start or after_whole or prep):
                continue  # "Work on 15 has started; the other 10 …": a part after a preposition, a verb after it
            if b.text[max(0, n.start - 12):n.start].lower().rstrip().endswith(("remaining", "other", "rest", "остальные", "оставшиеся", "оставшихся")):
                continue
            g = b.add("count", n.start, n.end, n.value, "", Quantity("count", n.start, n.end, n.value, "", n), place=f.place, scope=f.scope, sentence=kk, block=b.sent_block[kk])
            g.meta["bare_part_of"] = whole.id
            g.meta["group_number"] = True
            b.sent_facts[kk].append(g)
            b.sent_facts[kk].sort(key=lambda x: x.start)


def _unread_numbers(b, a, f, parts) -> bool:
    """A number (digits or words) between a and f that is none of the parts (unread, or read as another fact)."""
    from app.facts.numbers import find_numbers

    if f.start - a.end > 2000:
        return True
    spans = [(o.start, o.end) for o in parts]
    for n in find_numbers(b.text[a.end:f.start], b.lang, a.end):
        if not any(s0 <= n.start < e0 for s0, e0 in spans):
            v = n.value
            if not (1900 <= v <= 2100 and not n.words):
                return True
    return False


def _uncounted_digits(b, a, f) -> bool:
    """A number between a and f that no fact reads (a part left unread): then the parts are not known."""
    spans = sorted((o.start, o.end) for fs in b.sent_facts[max(0, a.sentence):f.sentence + 1] for o in fs)
    text = b.text
    i, k = a.end, 0
    while i < f.start:
        while k < len(spans) and spans[k][1] <= i:
            k += 1
        if k < len(spans) and spans[k][0] <= i < spans[k][1]:
            i = spans[k][1]
            continue
        if text[i].isdigit():
            j = i
            while j < f.start and text[j].isdigit():
                j += 1
            run = text[i:j]
            if len(run) == 4 and run[:2] in ("19", "20") and not text[j:j + 1].isdigit() and text[j:j + 2] not in (",0", ".0") \
                    and not (i > 0 and text[i - 1] in ",."):
                i = j  # "Six were completed in 2025": a year is no part
                continue
            return True
        i += 1
    return False


OF_WHOLE_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(?:[Ии]з|[Oo]f[ \u00a0]+the|[Oo]f)[ \u00a0]+\d{1,3}(?:[ \u00a0,]\d{3})*+[ \u00a0]+"
                             r"[^\W\d_]{2,20}+(?:[ \u00a0][^\W\d_]{2,20}+){0,2}[ \u00a0]*,?[ \u00a0]*$")


_ONE_IN = re.compile(r"(?:^|[^\w])one[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+$", re.I)


def remaining_number(b, text: str, base: int, q):
    """A bare integer right after "the remaining" / «остальные» ("the remaining 250 in the regions"): a
    count of the rest of a whole, its noun left to the whole (unit "")."""
    from app.facts.quantities import Quantity

    if q.num is None or not q.num.integer or (q.value >= 1900 and q.value <= 2100 and not q.num.style.group):
        return None
    # plain string tests first: this runs for every bare number (no regular expression per number)
    after = text[q.end - base:q.end - base + 14].replace("\u00a0", " ").lstrip(" ").lower()
    for head in ("of the ", "of ", "из "):
        if after.startswith(head) and after[len(head):len(head) + 1].isdigit():
            if _ONE_IN.search(text[max(0, q.start - base - 16):q.start - base]):
                return None  # "one in four of the 200 trainees": a rate, not four of them
            # "60 of the 85 villages", «60 из 85 сёл»: a part of the count after it
            q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
            q2.meta["part_of_next"] = True
            q2.meta["group_number"] = True
            return q2
    lo = max(0, q.start - base - 28)
    window = text[lo:q.start - base]
    if not any(c.isalpha() for c in window):
        return None
    mw = OF_WHOLE_BEFORE.search(text, max(0, q.start - base - 60), q.start - base) if (
        "из " in window or "Из " in window or "of " in window or "Of " in window) else None
    if mw and mw.group(0).lstrip()[:1] in "io" and text[:mw.start()].rstrip(" \u00a0")[-1:].isalnum():
        mw = None  # "ten modules of 12 hours each, 120 hours": "of" inside a clause, not "Of the 40 schools," opening one
    if mw:
        # «Из 12 внедорожников восемь уже поступили …», "Of the 40 schools, 25 are …": the first bare number after
        # the whole introduced by «из» / "of the" is a part of it
        q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
        q2.meta["group_number"] = True
        q2.meta["of_whole_before"] = True
        return q2
    ws = words(window, base + lo)
    if not remaining_before(ws, len(ws), b.lang):
        return None
    q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
    q2.meta["remaining"] = True
    q2.meta["group_number"] = True
    return q2


def _closed(text: str, a, b, lang: str) -> bool:
    """The words between the last two items of a list close it with "and" / «и»."""
    gap = [w.norm for w in words(text[a.end:b.start])]
    closing = ("and",) if lang == "en" else ("и", "а")
    return any(w in closing for w in gap)


def _counted(ws: list[Word], lo: int, hi: int, fs, n: int) -> bool:
    """A count of n things stated between words lo and hi ("three components", «тремя компонентами»)."""
    for f in fs:
        if f.kind == "count" and abs(f.value - n) < 1e-9 and ws[lo].start <= f.start < (ws[hi].start if hi < len(ws) else 10 ** 12):
            return True
    return False


def breakdown_lists(b) -> None:
    """A whole and its lines, each line's amount in brackets and the list closed by "and": "The
    project's EUR 3.5 million budget covers equipment (EUR 2.1 million), training (EUR 900,000) and
    visibility (EUR 500,000)", «Бюджет проекта – 1,8 млн евро. Он распределён между тремя
    компонентами: A (900 000 евро), B (540 000 евро) и C (360 000 евро)». The whole is a total stated
    before the list in its sentence, or the scope's one total in the two sentences before (same
    paragraph). The lines are all of the whole when a breakdown word links them to it and nothing
    after the list says there is more; "Besides the grants, …" adds the grants' amount as a line."""
    F = b.model.facts
    lang = b.lang
    text = b.text
    taken = {i for r in b.model.relations if r.kind in ("sum", "share", "product") for i in r.facts[1:]}
    verbs = phrase_set(lang, "breakdown_verbs")
    open_ps = phrase_set(lang, "open_list")
    besides_ps = phrase_set(lang, "besides")
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        lines = [f for f in fs if f.kind == "money" and f.role in (None, "other") and not f.hedge and not f.subset
                 and not (f.meta.get("each") or f.meta.get("product") or f.meta.get("aggregate") or f.meta.get("no_scope"))
                 and text[max(0, f.start - 3):f.start].rstrip(" \u00a0").endswith("(") and f.id not in taken]
        if len(lines) < 2 or len({f.unit for f in lines}) != 1:
            continue
        # consecutive: no other money between the lines
        if any(o.kind in ("money", "percent") and lines[0].start < o.start < lines[-1].start and o not in lines for o in fs):
            continue
        if not _closed(text, lines[-2], lines[-1], lang):
            continue
        first = b._widx(ws, lines[0].start)
        before_money = [o for o in fs if o.kind == "money" and o.end <= lines[0].start]
        whole = None
        if before_money:
            w = before_money[-1]
            if w.role == "total" and not w.subset and not w.hedge and w.unit == lines[0].unit:
                whole = w
            else:
                continue  # another amount before the list: not a breakdown of a budget stated before
        if whole is None:
            totals = []
            for back in (k - 1, k - 2):
                if back < 0 or b.sent_block[back] != b.sent_block[k]:
                    break
                totals = [o for o in b.sent_facts[back] if o.kind == "money" and o.role == "total" and not o.subset
                          and not o.hedge and o.unit == lines[0].unit and not o.meta.get("aggregate")]
                if totals:
                    break
            if len({t.value for t in totals}) != 1:
                continue
            whole = totals[-1]
        lo = b._widx(ws, whole.end) if whole.sentence == k else 0
        if sum(f.value for f in lines) > whole.value * 1.5:
            continue  # not its lines
        extra = []
        bm = besides_ps.find(ws, lo, first)
        if bm:
            # "Besides the grants, the funds go to …": the amount stated for the grants is a line too
            m = bm[0]
            stems = {w.norm[:5] for w in ws[m.j:min(first, m.j + 3)] if w.norm.isalpha() and len(w.norm) >= 4}
            cands = []
            for o in F:
                if o.kind != "money" or o.scope != whole.scope or o.unit != whole.unit or o.id == whole.id or o in lines:
                    continue
                if o.meta.get("each") or o.hedge or o.role == "total" and not o.meta.get("product"):
                    continue
                near = text[max(0, o.start - 60):o.end + 40].lower().replace("ё", "е")
                if any(st in near for st in stems):
                    cands.append(o)
            if len(cands) != 1:
                continue
            extra = cands
        tail_hi = min(len(ws), b._widx(ws, lines[-1].end) + 6)
        open_tail = open_ps.find(ws, b._widx(ws, lines[-1].end), tail_hi) or open_ps.find(ws, lo, first)
        complete = not open_tail and (bool(verbs.find(ws, lo, first)) or _counted(ws, lo, first, fs, len(lines)))
        parts = sorted(extra + lines, key=lambda f: f.start)
        for p in parts:
            p.meta["whole"] = whole.id
        b.rel("sum", [whole.id] + [p.id for p in parts], complete, origin="text", note="breakdown")


_RESTATING = {"это", "составляет", "составляют", "составили", "составил", "составила", "есть", "i.e.", "represents",
              "represent", "represented", "is", "are"}


def count_shares(b) -> None:
    """A percentage stated for a count: «Среди выпускников 180 женщин, что составляет 75 процентов всех
    слушателей», "Women were 45 of the 90 trainees, or 50 per cent": the count's share of its whole —
    the whole of the groups it belongs to, or the count of the same people (or thing) stated before it
    in the paragraph (up to two sentences back)."""
    from app.facts.model import _people

    F = b.model.facts
    lang = b.lang
    in_share = {r.facts[0] for r in b.model.relations if r.kind == "share"}
    links = phrase_set(lang, "share_links")
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        # the last count, amount or percentage ending before each percentage: one bisection, not a scan
        # of the sentence per percentage (a line of 5 000 percentages is one sentence)
        seen = [o for o in fs if o.kind in ("count", "money", "percent")]
        ends = [o.end for o in seen]
        monotonic = all(a <= b_ for a, b_ in zip(ends, ends[1:]))
        for p in fs:
            if p.kind != "percent" or p.id in in_share or p.attached or p.hedge:
                continue
            if monotonic:
                n_before = bisect.bisect_right(ends, p.start)
                c = seen[n_before - 1] if n_before else None
            else:
                before = [o for o in seen if o.end <= p.start]
                c = before[-1] if before else None
            if c is None or c.kind != "count":
                continue
            lo, hi = b._widx(ws, c.end), b._widx(ws, p.start)
            if hi - lo > 4 or hi <= lo:
                continue
            i = lo
            while i < hi:
                m = links.at(ws, i, hi)
                if m is None:
                    break
                i = m.j
            if i < hi:
                continue  # not "X, что составляет P" / "X, or P"
            # the words after the percentage name a whole ("of the participants", «всех слушателей»)
            j = b._widx(ws, p.end)
            nxt = [w.norm for w in ws[j:j + 3]]
            # «Женщин среди выпускников 28 — это 40 процентов», "28 women, that is 35 per cent": a restating link
            # says the percentage is the count's share even when no whole is named after it
            restating = any(w.norm in _RESTATING for w in ws[lo:hi])
            if not restating and (not nxt or not (nxt[0] in ("of", "от", "из", "всех", "общего") or _people(lang, nxt[0]))):
                continue
            if len(nxt) > 1 and nxt[0] in ("of", "от", "из") and nxt[1] in ("them", "whom", "these", "those", "них", "которых", "этих"):
                continue  # "75 judges, 30 per cent of them women": a share of the count, not the count's share

            def people(x):
                return _people(lang, x.unit) or bool(x.q and x.q.noun and _people(lang, x.q.noun.lower()))
            whole = None
            for r in b.model.relations:
                if r.kind == "groups" and c.id in r.facts[1:]:
                    whole = F[r.facts[0]]
            if whole is None:
                cands = []
                for back in range(k, max(-1, k - 3), -1):
                    if b.sent_block[back] != b.sent_block[k]:
                        break
                    cands = [o for o in b.sent_facts[back] if o.kind == "count" and o.end <= c.start and o.value > c.value
                             and not o.subset and not o.meta.get("measure") and not o.meta.get("each")
                             and (o.unit == c.unit or (people(o) and people(c)))]
                    if cands:
                        break
                if not cands:
                    continue
                whole = cands[-1]
            if whole.hedge:
                continue
            p.attached = True
            b.rel("share", [p.id, c.id, whole.id], origin="text", note="count share")


_ACTION_STOP = ("европ", "союз", "проек", "прогр", "инициат", "europ", "union", "proje", "progr", "initi", "deleg", "делег",
                "which", "their", "these", "those", "будут", "котор", "также", "сегод", "today", "more", "about", "около")


def _clause(text: str, f) -> str:
    """The clause of a figure: from the punctuation before it to the punctuation after it (bounded)."""
    lo = max(0, f.start - 120)
    head = text[lo:f.start]
    cut = max(head.rfind(c) for c in ",;:.!?«»\"“”()")
    a = lo + cut + 1 if cut >= 0 else lo
    tail = text[f.end:f.end + 120]
    ends = [i for i in (tail.find(c) for c in ",;:.!?«»\"“”()") if i >= 0]
    e = f.end + (min(ends) if ends else len(tail))
    return text[a:f.start] + " " + text[f.end:e]


def _clause_head(text: str, f) -> str:
    """The words of f's clause before it (as in _clause)."""
    lo = max(0, f.start - 120)
    head = text[lo:f.start]
    cut = max(head.rfind(c) for c in ",;:.!?«»\"“”()")
    return head[cut + 1:] if cut >= 0 else head


def same_action(b, x, y) -> bool:
    """Two counts of the same thing whose clauses tell the same action («завершён ремонт 45 школ» …
    «мы отремонтировали 54 школы», "30 wells were drilled" … "drilling 34 wells"): one fact. The
    action is a content word (five letters or more) whose stem occurs in a word of the other clause."""
    if x.sentence == y.sentence or x.scope != y.scope:
        return False
    cx, cy = _clause(b.text, x).lower().replace("ё", "е"), _clause(b.text, y).lower().replace("ё", "е")
    nx = {w.norm[:5] for w in words(b.text[x.q.noun_start:x.q.noun_end])} if x.q and x.q.noun_start >= 0 else set()
    wx = [w.norm for w in words(cx) if w.norm.isalpha() and len(w.norm) >= 5]
    wy = [w.norm for w in words(cy) if w.norm.isalpha() and len(w.norm) >= 5]
    for w in wx:
        st = w[:5]
        if st in nx or st.startswith(_ACTION_STOP) or any(w.startswith(p) for p in _ACTION_STOP):
            continue
        if any(st in v for v in wy):
            return True
    return False


def quote_roles(b) -> None:
    """Amounts in a quote: "Our EUR 8.5 million investment", «наши 8,5 млн евро» said by the EU's side is
    the EU's part; "These 2.1 million euros are an investment in …" points back at the project's
    budget when it restates no other amount of the scope."""
    from app.facts.model import EU_MENTION

    F = b.model.facts
    lang = b.lang
    text = b.text
    own = ("our",) if lang == "en" else ("наш", "наши", "нашего", "наших", "нашей", "наша", "наше", "нашим")
    dem = ("these", "those", "this") if lang == "en" else ("эти", "этих", "этими", "данные", "данных", "эта", "это")
    for f in F:
        if f.kind != "money" or f.role is not None or f.table or f.hedge or f.meta.get("each") or f.meta.get("product"):
            continue
        near = [w.norm for w in words(text[max(0, f.start - 40):f.start])][-4:]
        before = near[-2:]
        if not before:
            continue
        span = b.quote_span(f.start)
        said_by_eu = False
        if span is not None:
            said = text[span[1]:span[1] + 200].split("\n", 1)[0]
            said_before = text[max(0, span[0] - 150):span[0]].rsplit("\n", 1)[-1]
            said_by_eu = bool(EU_MENTION[lang].search(said) or EU_MENTION[lang].search(said_before))
        # "Our EUR 900,000", "our contribution of EUR 900,000", «наш вклад в 900 000 евро»
        ours = before[-1] in own or (any(w in own for w in near[-4:-1]) and not any(w in (",", ";", ".") for w in near))
        if ours:
            if said_by_eu:
                f.role = "eu"
                f.meta["quote_role"] = True
            continue
        if said_by_eu and span is not None and _first_person_sole_amount(b, f, span):
            # "With EUR 4.6 million, we are bringing safe water to 25 villages," said the EU Ambassador: the EU's side
            # speaking of the one amount of its quote in the first person is stating its own part
            f.role = "eu"
            f.meta["quote_role"] = True
            continue
        if before[-1] in dem and f.sentence >= 0:
            earlier = [o for o in F if o.kind == "money" and o.end <= f.start and o.unit == f.unit and o.scope == f.scope]
            if not earlier or any(abs(o.value - f.value) < 1e-6 * max(1.0, o.value) for o in earlier):
                continue  # it restates an amount stated before: that one
            totals = {o.value for o in earlier if o.role == "total" and o.meta.get("strong") and not o.subset and not o.hedge}
            if len(totals) == 1:
                f.role = "total"
                f.meta["strong"] = True
                f.meta["demonstrative"] = True


_FIRST_PERSON = {"en": ("we", "our", "us"), "ru": ("мы", "нас", "наш", "наши", "нашего", "наших", "нашей", "наша", "наше",
                                                "нашим", "нам")}


def _first_person_sole_amount(b, f, span) -> bool:
    """f is the only amount of its quote, the quote's sentence around it speaks in the first person ("we", «мы»),
    and no per-item, part or past wording is on the amount (it is not in another relation)."""
    F = b.model.facts
    if any(o is not f and o.kind == "money" and span[0] <= o.start < span[1] for o in F):
        return False
    if any(f.id in r.facts for r in b.model.relations) or f.subset or f.meta.get("aggregate") or f.meta.get("additional"):
        return False
    if not (0 <= f.sentence < len(b.sent_words)):
        return False
    ws = [w for w in b.sent_words[f.sentence] if span[0] <= w.start < span[1]]
    if b._historical(b.sent_words[f.sentence]):
        return False
    return any(w.norm in _FIRST_PERSON.get(b.lang, ()) for w in ws)


def eu_sentence_roles(b) -> None:
    """"The European Union is funding the new project with EUR 3.5 million", «Европейский союз финансирует проект в
    размере 3,5 млн евро»: an amount no phrase gave a role, in a sentence naming the EU once (not jointly with a
    partner, not as the project's name) and no total, co-financing or rest, restates the EU's part the release states
    elsewhere (within a factor of two of it). Not a per-item, hedged or past amount, not one in a relation already, not
    one of two amounts of its sentence; it joins the EU's part as the same fact only (never a part of a sum)."""
    from app.facts.model import EU_MENTION

    if not b.eu_release():
        return
    F = b.model.facts
    roles = phrase_set(b.lang, "roles")
    related = {i for r in b.model.relations for i in r.facts}
    for f in F:
        if f.kind != "money" or f.role is not None or f.table or f.hedge or f.subset or f.id in related or any(f.meta.get(k) for k in (
                "each", "product", "aggregate", "additional", "no_scope", "part_of_total", "part_of_previous", "in_breakdown")):
            continue
        if not (0 <= f.sentence < len(b.sent_words)):
            continue
        if sum(1 for o in b.sent_facts[f.sentence] if o.kind in ("money", "percent")) != 1:
            continue
        ws = b.sent_words[f.sentence]
        if not ws or b._historical(ws):
            continue
        eu = list(EU_MENTION[b.lang].finditer(b.text, ws[0].start, ws[-1].end))
        if len(eu) != 1:
            continue
        after_eu = b.text[eu[0].end():eu[0].end() + 30]
        others = any(o.role in ("cofin", "remaining", "other") and o.scope == f.scope for o in F)
        if (after_eu[:1] in ("-", "‑") and eu[0].start() > f.end and others) or re.match(r"[\w’']*[ \u00a0]*(?:,[ \u00a0]*)?(?:and|together with|with|и|совместно|вместе)(?![\w])", after_eu):
            continue  # "The EU and Turkmenistan sign a EUR 3 million project": a joint subject; "a EUR 2.5 million EU-funded
            # project" in a release naming another contributor: the project's cost, not the EU's part
        j = b._widx(ws, f.end)
        if phrase_set(b.lang, "project.words").find(ws, j, min(len(ws), j + 3)):
            continue  # "a EUR 3 million energy-efficiency project": the project's cost
        if any(m.label in ("total", "cofin", "remaining") for m in roles.find(ws, 0, len(ws))):
            continue
        eus = [o for o in F if o.kind == "money" and o.role == "eu" and o.scope == f.scope and o.unit == f.unit
               and not (o.hedge or o.subset or o.table or o.meta.get("eu_sentence"))]
        if not eus or len({o.value for o in eus}) != 1 or not (0.5 * eus[0].value < f.value < 2 * eus[0].value):
            continue  # only a restatement of the EU's part the release states (not a line of it)
        f.role = "eu"
        f.meta["eu_sentence"] = True


def closed_parts(b, k: int, parts) -> bool:
    """"Of this amount, EUR 450,000 will fund grants and EUR 100,000 will cover training": two or
    more parts listed after an anaphora, the list closed by "and" and nothing in the sentence saying
    there is more ("the remainder", "also", «остальное»): the parts are all of the whole."""
    if len(parts) < 2:
        return False
    if not _closed(b.text, parts[-2], parts[-1], b.lang):
        return False
    ws = b.sent_words[k]
    return not phrase_set(b.lang, "open_list").find(ws, 0, len(ws))


def adjust_role(b, ws: list[Word], lo: int, i: int, f, role):
    """Two readings of an amount's role from the structure around it:
    - "EUR 1.35 million" in "funded by the EU (EUR 1.35 million) and UNICEF (EUR 150,000)": the
      contributor named right before the bracket owns the amount;
    - "The EU and UNICEF handed over equipment worth EUR 900,000": a joint subject (the EU and a
      partner joined by "and") makes the amount neither the EU's part nor the partner's."""
    lang = b.lang
    roles = phrase_set(lang, "roles")
    if role in ("eu", "cofin") and ws and ws[0].norm in ("из", "of", "out") and lo > 0:
        # «Из 4 млн евро ЕС 2,5 млн евро пойдут на …», "Of the EU's EUR 4 million, EUR 2.5 million …": the
        # contributor right after the whole is the whole's, not the part's
        ms = [m for m in roles.find(ws, lo, i) if m.label == role]
        prev = [o for o in b.sent_facts[-1] if o.kind == "money" and o.end <= f.start and o is not f] if b.sent_facts else []
        if ms and all(m.i == lo for m in ms) and len(prev) == 1 and b._widx(ws, prev[0].start) <= 3:
            if prev[0].role in (None, "total"):
                prev[0].role = role
            return None
    if i >= 2 and ws[i - 1].norm == "(":
        own = [m for m in roles.find(ws, max(0, i - 5), i - 1) if m.j == i - 1 and m.label in ("eu", "cofin")]
        if own:
            return max(own, key=lambda m: m.j - m.i).label
    if role in ("eu", "cofin"):
        ms = [m for m in roles.find(ws, lo, i) if m.label in ("eu", "cofin")]
        joined = ("and", "&") if lang == "en" else ("и",)
        for m1 in ms:
            for m2 in ms:
                if m1.label != m2.label and m1.j < m2.i and m2.i - m1.j <= 2 and any(
                        ws[x].norm in joined for x in range(m1.j, m2.i)):
                    return None
        if ms and role == "eu" and ms[-1].label == "eu":
            # "The European Union and Kyrgyzstan invest EUR 1.1 million", «ЕС и Казахстан выделяют …»: the EU joined
            # by "and" to a name (a capitalised word no role list knows) right before the amount: the amount is both's
            j = ms[-1].j
            if j + 1 < i and ws[j].norm in joined and ws[j + 1].norm.isalpha() and b.text[ws[j + 1].start].isupper() \
                    and i - (j + 1) <= 4:
                return None
    return role


def aggregate_sums(b) -> None:
    """"Together, the two projects bring EUR 7.8 million", «В общей сложности два проекта получат …»:
    an amount stated for N projects (or agreements) together is the sum of the N project budgets
    stated before it — when exactly N are."""
    from app.facts.phrases import _Pat

    lang = b.lang
    F = b.model.facts
    pw = [str(x) for x in ((data(lang).get("project") or {}).get("words") or [])] + (
        ["agreement*", "contract*", "grant*"] if lang == "en" else ["соглашени*", "договор*", "контракт*"])
    pats = [_Pat(x) for x in pw]
    for k, fs in enumerate(b.sent_facts):
        for f in fs:
            if f.kind != "money" or not f.meta.get("aggregate") or f.hedge or f.subset:
                continue
            n = None
            for c in fs:
                if c.kind == "count" and c.end <= f.start and c.value >= 2:
                    nw = [w.norm for w in words(c.text)]
                    if any(p.ok(w) for p in pats for w in nw):
                        n = int(c.value)
            if n is None:
                continue
            parts = [o for o in F if o.kind == "money" and o.end <= f.start and o.role == "total" and o.unit == f.unit
                     and not (o.subset or o.hedge or o.meta.get("aggregate") or o.meta.get("no_scope") or o.table)
                     and o.value < f.value]
            if len(parts) != n or len({o.sentence for o in parts}) != n:
                continue
            if f.role == "eu":
                # "Together, the two projects receive EUR 2.52 million from the EU": the sum of the EU's
                # parts of the budgets — a budget with a smaller amount beside it (its EU share) counts
                # by that amount; one with two or more such amounts leaves nothing certain
                eu_parts = []
                for o in parts:
                    inner = [x for x in b.sent_facts[o.sentence] if x.kind == "money" and x.unit == o.unit
                             and x.id != o.id and x.value < o.value and not (x.hedge or x.subset)]
                    if len(inner) > 1:
                        eu_parts = None
                        break
                    eu_parts.append(inner[0] if inner else o)
                if eu_parts is None:
                    continue
                parts = eu_parts
            f.meta["stated_sum"] = True
            b.rel("sum", [f.id] + [o.id for o in parts], True, origin="text", note="aggregate")


def historical_extra(text: str, lang: str, year: int | None, ws=None) -> bool:
    """Past funding read from the sentence's structure: words of the ``history`` list ("previously",
    «ранее», «аналогичный проект»), or a year range ending before the release's year («в 2021–2024
    годах» in a 2026 release). ``ws``: text's words when the caller has them (only their norms are read)."""
    if ws is None:
        ws = words(text)
    if phrase_set(lang, "history").find(ws, 0, len(ws)):
        return True
    if year is None:
        return False
    for k in range(len(ws) - 2):
        a, dash, c = ws[k].norm, ws[k + 1].norm, ws[k + 2].norm
        if a.isdigit() and c.isdigit() and len(a) == 4 and len(c) == 4 and dash in ("-", "–", "—") and int(c) < year:
            return True
    return False


_TAKING_PART = ("участ", "слушат", "делегат", "гост", "посетит", "particip", "attend", "delegat", "guest", "visitor", "trainee")


def different_actions(b, x, y) -> bool:
    """Both clauses tell an action (a verb read by the morphology, or an English past participle or
    -ing form) and no action of one is the other's: "have been elected" vs "trained"."""
    if x.sentence == y.sentence or same_action(b, x, y):
        return False
    for f in (x, y):  # "In total, 260 teachers …", «Всего (программа охватит) 260 учителей …»: restates the whole, whatever the verb
        head = _clause_head(b.text, f).lower()
        if re.search(r"(?:\b(?:in total|a total of|altogether|overall|in all)|(?<![а-яё])(?:всего|в общей сложности|итого))[ ,\u00a0]*$",
                     b.text[max(0, f.start - 25):f.start].lower()) or \
                re.match(r"\s*(?:in total|altogether|overall|in all|всего|в общей сложности|итого)(?![\w])", head):
            return False
    # «В обсуждении приняли участие 60 участников» … «75 участников подписали обращение»: those who did
    # something at the event are among its participants, so more of them than took part is one fact
    # stated twice (fewer is a subset: two facts)
    part = phrase_set(b.lang, "participation")
    for f, o in ((x, y), (y, x)):
        cw = words(_clause(b.text, f).lower())
        if part.find(cw, 0, len(cw)) and not part.find(ow := words(_clause(b.text, o).lower()), 0, len(ow)):
            return o.value < f.value
    if _next_of_fewer(b, x, y):
        return True
    for f in (x, y):  # participants, attendees, «слушатели»: counted by taking part, whatever the verb says
        noun = b.text[f.q.noun_start:f.q.noun_end].lower() if f.q and f.q.noun_start >= 0 else ""
        if noun.startswith(_TAKING_PART):
            return False
    vx, vy = _verbs(b, _clause(b.text, x)), _verbs(b, _clause(b.text, y))
    return bool(vx) and bool(vy) and not ({v[:5] for v in vx} & {v[:5] for v in vy})


def _next_of_fewer(b, x, y) -> bool:
    """«32 участника … окончили школу» … «пятеро участников поедут на стажировку»: fewer of the same
    people doing something next (every finite verb of the clause future) after the whole did
    something (every one past) is a group of them, not the whole counted again."""
    small, large = (x, y) if x.value < y.value else (y, x)
    if small.value >= large.value or small.start < large.start:
        return False
    return _tenses(b, _clause(b.text, small)) == {"futr"} and _tenses(b, _sentence_of(b.text, large)) == {"past"}


def _sentence_of(text: str, f) -> str:
    """The sentence of a figure (bounded): a clause may hold no verb («32 участника, студенты …,»)."""
    lo = max(0, f.start - 300)
    head = text[lo:f.start]
    cut = max(head.rfind(c) for c in ".!?\n")
    tail = text[f.end:f.end + 300]
    ends = [i for i in (tail.find(c) for c in ".!?\n") if i >= 0]
    return text[lo + cut + 1 if cut >= 0 else lo:f.start] + " " + tail[:min(ends) if ends else len(tail)]


def _tenses(b, clause: str) -> set[str]:
    if b.lang == "en":
        low = clause.lower()
        out = set()
        if re.search(r"\b(?:will|shall)\b", low):
            out.add("futr")
        if re.search(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b", low):
            out.add("past")
        return out
    from app.language import morph

    out = set()
    for w in words(clause.lower()):
        if not w.norm.isalpha():
            continue
        ps = morph().parse(w.norm)
        if ps and ps[0].tag.POS == "VERB":
            out.add(ps[0].tag.tense or "")
    return out


def _verbs(b, clause: str) -> list[str]:
    out = []
    for w in words(clause.lower()):
        n = w.norm
        if not n.isalpha() or len(n) < 5 or n.startswith(_ACTION_STOP):
            continue
        if b.lang == "en":
            if n.endswith(("ed", "ing")) and n not in ("including", "regarding", "according", "following", "during", "hundred"):
                out.append(n)
        else:
            from app.language import morph

            if any(p.tag.POS in ("VERB", "PRTS", "INFN", "PRTF") for p in morph().parse(n)[:2]):
                out.append(n)
    return out
