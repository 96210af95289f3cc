"""Products read from the sentence's structure (facts model, issue 10): hooks for the product
reader of app/facts/model.py.

- ``subject_items``: a per-item amount with no items count next to it takes the sentence's one
  count before it as its items («Сорок студентов … получат стипендию по 6 000 сомони каждый»,
  "Twelve clinics in three regions will each receive EUR 8,000").
- ``restated``: a product's count or per-item amount stated again elsewhere in the release (the
  same noun; for the amount, a per-item amount next to the items' noun) decides which of the three
  is wrong ("30 grants" in the headline, "20 grants of
  EUR 15,000 each, EUR 300,000 in total" in the body: the body's 20 is the odd one out).
"""
from __future__ import annotations

import bisect
import re


_NEW_CLAUSE = re.compile(r"[,;][ \u00a0]+(?:and|but|while|whereas|а|но|и|тогда[ \u00a0]+как)[ \u00a0]+(?:the|these|those|its|their|эти|их)?", re.I)


def subject_items(b, k: int, x):
    fs = b.sent_facts[k]
    before = [f for f in fs if f.end <= x.start and f is not x]
    counts = [f for f in before if f.kind == "count" and not f.meta.get("measure") and not f.meta.get("each")
              and not f.meta.get("groups") and not f.subset and f.num is not None and f.num.integer]
    if len(counts) != 1 or any(f.kind == "percent" for f in before):
        return None
    money = [f for f in before if f.kind == "money"]
    if len(money) > 1 or money and money[0].start < counts[0].end:
        return None  # "Ten cooperatives will share EUR 300,000, receiving EUR 25,000 each": one amount after the items
    c = counts[0]
    if c.hedge or c.value < 2:
        return None
    if _NEW_CLAUSE.search(b.text[c.end:x.start]):
        return None  # "Five districts received EUR 40,000, and the hubs will each get EUR 3,000": another subject
    if any(f.kind == "count" and f is not c for f in fs if f.start > x.end and f.kind == "count" and not f.meta.get("measure")):
        return None
    return c


def items_after(b, k: int, x):
    """"3 ambulances per district for its 12 rural districts": a count per item ("per district") whose items
    are counted right after it (a preposition and up to two words between), the items' noun the one after
    "per" / "each"."""
    from app.facts.model import _noun_match

    fs = b.sent_facts[k]
    after = [f for f in fs if f.start >= x.end]
    if not after or after[0].kind != "count" or not _noun_match(after[0].unit, x.meta["each_noun"]):
        return None
    c = after[0]
    gap = b.text[x.end:c.start]
    if len(gap) > 50 or re.search(r"[.;:()]", gap) or c.hedge or c.value < 2 or c.meta.get("measure"):
        return None
    return c


def apposed_total(b, k: int, n, t) -> bool:
    """"… for its 12 rural districts – 38 vehicles altogether": a count right after the items, set off by a dash
    or a comma, that the words right after it name a total (``in_total``)."""
    from app.facts.phrases import phrase_set

    if n is None or n.sentence != k or t.start < n.end or not re.fullmatch(r"[ \u00a0]*[,–—-][ \u00a0]*", b.text[n.end:t.start]):
        return False
    ws = b.sent_words[k]
    j1 = b._widx(ws, t.end)
    return bool(phrase_set(b.lang, "in_total").at(ws, j1))


def restated(b) -> None:
    """For each product, a count or per-item amount restated elsewhere with the same noun (counts)
    or the same per-item phrasing: a ``same`` relation, so the solver can tell which one is odd."""
    from app.facts.model import _noun_match

    F = b.model.facts
    prods = [r for r in b.model.relations if r.kind == "product"]
    if not prods:
        return
    in_prod = {i for r in prods for i in r.facts}
    for r in prods:
        n, each, tot = (F[i] for i in r.facts)
        if n.kind != "count" or not n.unit or n.table:
            continue
        others = [c for c in F if c.kind == "count" and c.id not in in_prod and not c.table and c.id != n.id
                  and c.unit and _noun_match(c.unit, n.unit) and c.scope == n.scope and not c.subset
                  and not c.meta.get("measure") and not c.meta.get("each") and not c.meta.get("groups")
                  and c.place in ("headline", "lead", "body") and c.sentence != n.sentence and not c.hedge
                  and c.value > 1  # «сумма одного гранта», "each grant is worth": one item, not a count of them
                  and not b._part_and_whole(c, n)]  # «28 журналистов завершили первый курс» … «примут участие 90 журналистов»
        vals = {round(c.value, 6) for c in others}
        if len(vals) > 1:
            # «Восемьдесят сел …» (headline), «в 35 селах …», «для всех 100 сел»: the headline's and lead's count is
            # the release's count of the items; the body's other counts of them are parts
            others = [c for c in others if c.place in ("headline", "lead")]
            vals = {round(c.value, 6) for c in others}
        if len(vals) == 1:
            for c in others:
                b.rel("same", [c.id, n.id], origin="product")
        # the per-item amount stated again for the same items ("grants of EUR 15,000" in the headline)
        if each.kind != "money":
            continue
        again = []
        for o in F:
            if o.kind != "money" or o.id in in_prod or o.table or not o.meta.get("each") or o.unit != each.unit \
                    or o.scope != each.scope or o.sentence == each.sentence or o.hedge or o.sentence < 0:
                continue
            ws = b.sent_words[o.sentence]
            i = b._widx(ws, o.start)
            if any(_noun_match(n.unit, w.norm) for w in ws[max(0, i - 6):i + 6]):
                again.append(o)
        if len({round(o.value, 6) for o in again}) == 1:
            for o in again:
                b.rel("same", [o.id, each.id], origin="product")


_RATE_AFTER = {"en": re.compile(r"[ \u00a0]+(?:per|a|each|every)[ \u00a0]+(?P<u>month|week|year)(?![\w])|[ \u00a0]+(?P<a>annually|per[ \u00a0]+annum|monthly)(?![\w])", re.I),
               "ru": re.compile(r"[ \u00a0]+(?:в|за|каждую|каждый)[ \u00a0]+(?P<u>месяц|неделю|год)(?![\w])|[ \u00a0]+(?P<a>ежемесячно|еженедельно|ежегодно)(?![\w])", re.I)}
# an adverb of frequency earlier in the amount's clause: «ежемесячно выделяет на работу центра 6 000 евро»,
# "every month the fund transfers EUR 6,000"
_RATE_ADVERB = {"en": re.compile(r"(?<![\w])(?P<u>every[ \u00a0]+month|each[ \u00a0]+month|every[ \u00a0]+year|each[ \u00a0]+year|monthly|annually)(?![\w])", re.I),
                "ru": re.compile(r"(?<![\w])(?P<u>ежемесячно|ежегодно|еженедельно|каждый[ \u00a0]+месяц|каждый[ \u00a0]+год)(?![\w])", re.I)}
_RATE_BEFORE = {"en": re.compile(r"(?<![\w])(?P<u>monthly|weekly|annual|yearly)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?(?:of[ \u00a0]+)?$", re.I),
                "ru": re.compile(r"(?<![\w])(?P<u>ежемесячн|еженедельн|ежегодн)[а-яё]{0,4}[ \u00a0]+(?:[а-яё\-]+[ \u00a0]+){0,2}?(?:в[ \u00a0]+размере[ \u00a0]+)?$", re.I)}
_RATE_UNIT = {"month": "months", "monthly": "months", "месяц": "months", "ежемесячн": "months",
              "week": "weeks", "weekly": "weeks", "неделю": "weeks", "еженедельн": "weeks",
              "year": "years", "annual": "years", "yearly": "years", "annually": "years", "per annum": "years", "год": "years", "ежегодн": "years",
              "every month": "months", "each month": "months", "every year": "years", "each year": "years",
              "ежемесячно": "months", "еженедельно": "weeks", "ежегодно": "years", "каждый месяц": "months", "каждый год": "years"}


def _over(b, d) -> bool:
    """The duration's hedge is the word "over" right before it ("over 18 months": during them)."""
    return b.lang == "en" and d.hedge == "min" and bool(re.search(r"(?<![\w])over[ \u00a0]+$", b.text[max(0, d.start - 6):d.start], re.I))


def _rate_unit(b, x) -> str | None:
    """"a monthly stipend of 25,000 soms", "EUR 300 per month", «по пять занятий в неделю», «ежемесячная выплата
    в размере 2 000 сомони»: x is a rate per month or week; the duration unit it multiplies with."""
    lang = b.lang
    m = _RATE_AFTER[lang].match(b.text, x.end, x.end + 40)  # (a window: the words right after x)
    if m:
        return _RATE_UNIT[re.sub(r"[ \u00a0]+", " ", (m.group("u") or m.group("a")).lower())]
    before = b.text[max(0, x.start - 60):x.start]
    if lang == "en":
        before = re.sub(r"(?:EUR|USD|€|\$)[ \u00a0]*$", "", before)
    m = _RATE_BEFORE[lang].search(before)
    if m:
        return _RATE_UNIT[m.group("u").lower()]
    k = x.sentence
    if 0 <= k < len(b.sentences):
        lo = max(b.sentences[k][0], x.start - 160)  # the amount's clause, at most 160 characters back (linear)
        seg = b.text[lo:x.start]
        m = _RATE_ADVERB[lang].search(seg, max(seg.rfind(c) for c in ".;:!?()") + 1)
        fs = b.sent_facts[k]  # (sorted by start): the figures between the adverb and x only
        between = fs[bisect.bisect_left(fs, lo + m.end(), key=lambda f: f.start):bisect.bisect_left(fs, x.start, key=lambda f: f.start)] if m else []
        if m and not any(o.kind == "money" for o in between):
            return _RATE_UNIT[re.sub(r"[ \u00a0]+", " ", m.group("u").lower())]
    return None


def rate_with_duration(b, x) -> bool:
    """x is a rate ("KGS 5,000 per month") with a duration of its unit after it in its sentence ("for 24 months"):
    what follows is the rate's product over the duration (``rate_products``), not a product of items."""
    unit = _rate_unit(b, x)
    if unit is None or not 0 <= x.sentence < len(b.sent_facts):
        return False
    return any(d.kind == "duration" and d.unit == unit and d.start > x.end and (not d.hedge or _over(b, d))
               and b.text[x.end:d.start].count(",") <= 1 for d in b.sent_facts[x.sentence])


def rate_products(b) -> None:
    """A rate times a duration: "a monthly stipend of 25,000 soms for six months. Over the full fellowship, each
    … therefore receives 160,000 soms", «По пять занятий в неделю в течение четырёх недель — это двадцать четыре
    занятия»: the rate, the duration of its unit after it in the sentence, and the next figure of the rate's kind
    (this sentence or the next, in its paragraph or opening the next) that a total cue introduces (``rate_total``
    in rules/facts/<lang>.yml) is their product."""
    from app.facts.model import _people
    from app.facts.phrases import phrase_set

    cues = phrase_set(b.lang, "rate_total")
    done = {i for r in b.model.relations if r.kind == "product" for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        for x in fs:
            if x.kind not in ("money", "count") or x.id in done or x.hedge or x.table:
                continue
            unit = _rate_unit(b, x)
            if unit is None:
                continue
            durs = [d for d in fs if d.kind == "duration" and d.unit == unit and d.start > x.end
                    and (not d.hedge or _over(b, d))]  # "EUR 30,000 a month over 18 months": over = during
            if not durs or b.text[x.end:durs[0].start].count(",") > 1:
                continue
            d = durs[0]
            semi = ";" in b.text[x.end:d.start]  # «… 6 000 евро; за 18 месяцев проекта это составит …»
            tot = None
            for kk in (k, k + 1):
                if kk >= len(b.sent_facts) or b.sent_block[kk] - b.sent_block[k] > 1:
                    break
                later = [t for t in b.sent_facts[kk] if t.start > d.end and t.kind == x.kind and (x.kind != "money" or t.unit == x.unit)]
                if later:
                    t = later[0]
                    if kk == k and ";" in b.text[d.end:t.start] or t.meta.get("strong"):
                        break  # "…; the programme's budget is EUR 250,000 in total": another clause
                    ws = b.sent_words[kk]
                    j0 = b._widx(ws, t.start)
                    lo = max([0] + [b._widx(ws, o.end) for o in b.sent_facts[kk] if o.end <= t.start and o.kind in (x.kind, "duration")])
                    pw = phrase_set(b.lang, "project.words").find(ws, lo, j0)
                    if pw and pw[0].i == lo and kk == k and lo == b._widx(ws, d.end):
                        lo, pw = pw[0].j, pw[1:]  # «за 18 месяцев проекта это составит …»: the duration's project
                    if pw:
                        break  # the project's budget, not the rate's total
                    j1 = b._widx(ws, t.end)
                    cued = cues.find(ws, lo, j0) or cues.at(ws, j1)  # "… – 32 sessions altogether"
                    if semi and not (kk == k and cues.find(ws, b._widx(ws, d.end), j0)):
                        break  # after ";" only a total the words after the duration call one
                    if t.value > x.value and not t.hedge and t.id not in done and cued:
                        tot = t
                    break
            if tot is None:
                continue
            if x.meta.get("each") and any(c.kind == "count" and abs(c.value * x.value * d.value - tot.value) <= 0.01 * tot.value
                                          for c in fs):
                continue  # "60 centres … EUR 5,000 per centre a month for 24 months, EUR 7.2 million in total": three factors
            if d.hedge and _over(b, d):
                d.hedge = None  # "EUR 30,000 a month over 18 months": during them, not more than 18
            tot.meta["product"] = True
            heads = [c for c in fs if c.kind == "count" and c is not x and c is not tot and c.value >= 2 and not c.hedge
                     and not c.meta.get("measure") and not c.table and c.num is not None and c.num.integer]
            if x.kind == "money" and abs(x.value * d.value - tot.value) > 0.005 * tot.value and len(heads) == 1 \
                    and (_people(b.lang, heads[0].unit) or heads[0].meta.get("items")):
                # "a monthly stipend of EUR 300 will be paid to 40 trainees for six months, EUR 72,000 altogether":
                # the people paid are the third factor
                before = len(b.model.relations)
                b.rel("product", [heads[0].id, x.id, tot.id], note="rate")
                if len(b.model.relations) > before:
                    b.model.relations[-1].factor = d.value
                continue
            b.rel("product", [d.id, x.id, tot.id], note="rate")
            done.update([d.id, x.id, tot.id])


def one_item_amounts(b, fs, ws) -> None:
    """«Стоимость одного комплекта — 2 000 евро», "One kit costs EUR 2,000", "the price of a single kit is EUR 2,000":
    an amount stated for one item (a count of one, written «один»/"one"/"a single", right before it, nothing figured
    between) is a per-item amount of that item's noun."""
    for c in fs:
        if c.kind != "count" or c.value != 1 or not c.unit or c.hedge or c.num is None or not c.num.words:
            continue
        after = [o for o in fs if o.start >= c.end]
        if not after or after[0].kind != "money" or after[0].meta.get("each"):
            continue
        prev = [o for o in fs if o.end <= c.start]
        if prev and prev[-1].kind == "money" and re.fullmatch(r"[ \u00a0]*(?:на|per|for)[ \u00a0]*", b.text[prev[-1].end:c.start], re.I):
            continue  # «5 000 евро на одну школу, в общей сложности 160 000 евро»: the item the amount before is for
        x = after[0]
        gap = [w for w in ws if c.end <= w.start and w.end <= x.start]
        if len(gap) > 4 or any(w.norm in (";", ".", "and", "и", "а", "but", "но") for w in gap):
            continue
        x.meta["each"] = True
        x.meta["each_noun"] = c.unit
        c.meta["one_item"] = True
        c.subset = True  # one item, not a count of the items


def items_counted_after(b, k: int, x):
    """"Each grant is worth EUR 5,000. Twenty grants were awarded, a total of EUR 110,000": the per-item figure's items
    counted in the next sentence of the paragraph (the one count of that noun there)."""
    from app.facts.model import _compound_noun

    noun = x.meta.get("each_noun")
    if not noun or k + 1 >= len(b.sent_facts) or b.sent_block[k + 1] != b.sent_block[k]:
        return None
    cs = [c for c in b.sent_facts[k + 1] if c.kind == "count" and (_compound_noun(c.unit, noun) and not c.meta.get("measure")
          or measured_in(c, noun)) and not c.hedge and not c.subset and c.value >= 2 and c.num is not None and c.num.integer]
    return cs[0] if len(cs) == 1 else None


def measured_in(c, noun: str) -> bool:
    """"EUR 1,500 per hectare" … "300 hectares", «по 200 000 сомов за километр» … «12 км»: a measured quantity
    whose unit is the per-item figure's noun (hectares, kilometres, tonnes)."""
    from app.facts.quantities import MEASURE_UNITS

    return bool(c.meta.get("measure") and noun and c.unit != "h" and MEASURE_UNITS.get(noun.lower()[:3]) == c.unit)


def items_sentence_total(b, x, n):
    """"EUR 1,500 per hectare … With 300 hectares planned, the project will provide EUR 400,000": the items counted
    in the sentence after the per-item amount, and that sentence's one amount of its currency after them (larger,
    no ";" or project's words between, no contributor's role): what the items get in all."""
    from app.facts.phrases import phrase_set

    k = n.sentence
    if x.kind != "money" or k != x.sentence + 1:
        return None
    fs = b.sent_facts[k]
    money = [t for t in fs if t.kind == "money"]
    if len(money) != 1 or any(o.kind == "percent" for o in fs):
        return None
    t = money[0]
    if t.start < n.end or t.unit != x.unit or t.value <= x.value or t.hedge or t.role not in (None, "other") \
            or t.meta.get("strong") or t.meta.get("each") or t.subset or ";" in b.text[n.end:t.start]:
        return None
    ws = b.sent_words[k]
    j0 = b._widx(ws, t.start)
    if phrase_set(b.lang, "project.words").find(ws, max(b._widx(ws, n.end), j0 - 2), j0):
        return None  # "… the programme's EUR 2 million": the project's own amount
    return t


def items_named_before(b, k: int, x):
    """«Восемь айыл окмоту получили мусоровозы. Стоимость одной машины — 48 000 долларов», "Twenty-five schools
    received computer labs. Each lab has 12 laptops": a per-item figure whose noun is counted nowhere in the release
    takes as its items the one count of the sentence before (its paragraph or the one before; that sentence states no amount, no
    percentage and no other count) — the things each of them got, named by another noun."""
    from app.facts.model import _noun_match

    noun = x.meta.get("each_noun")
    if not noun or k < 1 or b.sent_block[k] - b.sent_block[k - 1] > 1:
        return None
    if any(c.kind == "count" and c is not x and c.unit and _noun_match(c.unit, noun) and not c.meta.get("one_item")
           for c in b.model.facts):
        return None  # the items are counted somewhere: the readings by noun decide
    if any(f.kind in ("count", "money", "percent") and f.end <= x.start and f is not x and not f.meta.get("one_item")
           for f in b.sent_facts[k]):
        return None  # a figure before the per-item one in its sentence: it may be the items' count or their total
    prev = [f for f in b.sent_facts[k - 1] if f.kind in ("count", "money", "percent", "number")]
    if len(prev) != 1 or prev[0].kind != "count":
        return None
    c = prev[0]
    if c.hedge or c.subset or c.value < 2 or c.meta.get("measure") or c.meta.get("each") or c.table \
            or c.num is None or not c.num.integer:
        return None
    return c


def dashed_total(b, k: int, x, t) -> bool:
    """«по 12 ноутбуков — итого 320 устройств», "12 laptops each – 320 devices in total": a count right after the
    per-item one, set off by a dash or a comma and named a total (``in_total``) next to it, whatever its noun."""
    from app.facts.phrases import phrase_set

    if t.sentence != k or t.start < x.end:
        return False
    gap = b.text[x.end:t.start]
    if len(gap) > 40 or not re.match(r"[^.;:()]*?[,–—-]", gap) or re.search(r"[.;:()]", gap):
        return False
    ws = b.sent_words[k]
    j0, j1 = b._widx(ws, t.start), b._widx(ws, t.end)
    i1 = b._widx(ws, x.end)
    tot = phrase_set(b.lang, "in_total")
    return any(m.j == j0 for m in tot.find(ws, i1, j0)) or bool(tot.at(ws, j1))


# «шесть трехдневных тренингов — в общей сложности 18 учебных дней», "six three-day workshops, 18 training days
# in total": the total of days (weeks) with at most one word between its number and the unit (bounded, linear)
_DAYS_TOTAL = {"ru": re.compile(r"(?P<n>\d{1,4}+)[ \u00a0]+(?:[а-яё]{3,15}+[ \u00a0]+)?(?P<u>дн(?:ей|я)|день|недел[ьиюяе]{1,2})(?![\w])", re.I),
               "en": re.compile(r"(?P<n>\d{1,4}+)[ \u00a0]+(?:[a-z]{3,15}+[ \u00a0]+)?(?P<u>days?|weeks?)(?![\w])", re.I)}


def duration_adjective_products(b) -> None:
    """Items counted with a duration adjective («шесть трехдневных тренингов», "six three-day workshops") and a
    total of days or weeks after them in the sentence that a total cue introduces (``in_total``: «в общей
    сложности 18 учебных дней», "18 training days in total"): the count × the adjective's days is the total."""
    from app.facts.phrases import phrase_set
    from app.facts.quantities import ADJ_DURATION_RU, Quantity, prefix_number

    lang = b.lang
    pat = _DAYS_TOTAL.get(lang)
    if pat is None:
        return
    tot_ps = phrase_set(lang, "in_total")
    done = {i for r in b.model.relations if r.kind == "product" for i in r.facts}
    from app.facts.numbers import find_numbers

    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        s0, e0 = b.sentences[k]
        for d in [d for d in fs if d.kind == "duration" and d.meta.get("adjective") and d.unit in ("days", "weeks")]:
            # «три двухнедельных летних лагеря»: the adjective read first, the number before it is the items' count
            if any(c.start <= d.start < c.end for c in fs if c is not d):
                continue
            ns = [n for n in find_numbers(b.text[max(s0, d.start - 14):d.start], lang, max(s0, d.start - 14))
                  if n.integer and n.value >= 2 and not b.text[n.end:d.start].strip(" \u00a0")]
            if ns:
                n = ns[-1]
                c = b.add("count", n.start, d.end, n.value, "", Quantity("count", n.start, d.end, n.value, "", n),
                          place=d.place, scope=d.scope, sentence=k, block=d.block)
                c.meta["adjective_items"] = d.id
                fs.append(c)
        fs.sort(key=lambda x: x.start)
        for c in list(fs):
            if c.kind != "count" or c.meta.get("measure") or c.id in done or c.hedge or c.table or c.num is None:
                continue
            adj = b.model.facts[c.meta["adjective_items"]] if "adjective_items" in c.meta else None
            if adj is not None:
                pass
            elif lang == "en":
                adj = next((d for d in fs if d.kind == "duration" and d.meta.get("adjective") and c.start < d.start < c.end
                            and d.unit in ("days", "weeks")), None)
            else:
                m = ADJ_DURATION_RU.search(c.text)
                if m and m.group("u").lower() in ("дневн", "недельн"):
                    raw = m.group("n")
                    v = float(re.match(r"\d+", raw).group(0)) if raw[:1].isdigit() else prefix_number(raw, lang)
                    if v:
                        a = c.start + m.start()
                        adj = b.add("duration", a, c.start + m.end(), v, "days" if m.group("u").lower() == "дневн" else "weeks",
                                    None, place=c.place, scope=c.scope, sentence=k, block=c.block)
                        adj.meta["adjective"] = True
            if adj is None or adj.id in done:
                continue
            for t in pat.finditer(b.text, c.end, e0):
                unit = "weeks" if t.group("u").lower().startswith(("недел", "week")) else "days"
                if unit != adj.unit or any(o.start < t.start() and t.start() < o.end and o is not c for o in fs
                                           if o.kind in ("money", "percent")):
                    continue
                j0, j1 = b._widx(ws, t.start()), b._widx(ws, t.end())
                if not (tot_ps.find(ws, max(0, j0 - 5), j0) or tot_ps.at(ws, j1)):
                    continue
                tot = next((o for o in fs if o.start <= t.start() < o.end), None)
                if tot is None:
                    nums = find_numbers(b.text[t.start():t.end()], lang, t.start())
                    if not nums:
                        break
                    tot = b.add("duration", t.start(), t.end(), nums[0].value, unit,
                                Quantity("duration", t.start(), t.end(), nums[0].value, unit, nums[0]),
                                place=c.place, scope=c.scope, sentence=k, block=c.block)
                if tot.id in done or tot.value <= c.value:
                    break
                tot.meta["product"] = True
                b.rel("product", [c.id, adj.id, tot.id], note="duration adjective")
                done.update([c.id, adj.id, tot.id])
                break
