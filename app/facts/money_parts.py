"""Parts of a budget read from the structure of a sentence, not from the names of the contributors
(helpers of app.facts.model; word lists in rules/facts/<lang>.yml: ``total_opening``, ``in_total``).

- Contributors listed side by side: an amount coordinated with a contributor's amount in the same
  form is another contributor's, whoever it is — "from the European Union (EUR 900,000) and the
  municipality (EUR 150,000)", «Евросоюз выделил 3,6 млн, а местные власти – 600 тысяч» (the dash
  standing for the verb), "the EU EUR 2.5 million and the city council EUR 600,000".
- A list of lines whose whole is stated after it: "two components: infrastructure (EUR 1.4 million)
  and training (EUR 800,000), for a total of EUR 2 million"; and lines in one sentence summed up at
  the start of the next: «… 500 000 евро на оборудование, 300 000 евро на обучение и 250 000 евро на
  мониторинг. Всего – 1 млн евро.», "… In total, EUR 2 million."
"""
from __future__ import annotations

from app.facts.phrases import phrase_set

_CONTRIBUTORS = ("eu", "cofin", "other")
_PREPS = {"en": {"for", "to", "in", "on", "of", "with", "at", "from", "into", "towards", "toward", "per", "over", "under",
                 "is", "are", "was", "were", "will", "be", "goes", "go", "went", "takes", "take", "covers", "cover", "pays",
                 "pay", "funds", "fund", "buys", "buy", "spent", "used", "allocated", "earmarked", "more", "another",
                 "additional", "each", "per", "another"},
          "ru": {"на", "для", "в", "во", "по", "за", "из", "от", "к", "с", "со", "еще", "ещё", "каждый", "каждая"}}


def _usable(f) -> bool:
    return f.kind == "money" and not (f.table or f.hedge or f.subset or f.meta.get("each") or f.meta.get("product")
                                      or f.meta.get("aggregate") or f.meta.get("no_scope") or f.meta.get("additional"))


def _bracketed(text: str, f) -> bool:
    return text[max(0, f.start - 3):f.start].rstrip(" \u00a0").endswith("(") and \
        text[f.end:f.end + 3].lstrip(" \u00a0").startswith(")")


def side_by_side_contributors(b, fs, ws) -> None:
    """An amount with no role coordinated with a contributor's amount in the same form takes the role
    ``other`` (another contributor, a part of the budget): both in brackets after their names, or
    each right after its name ("and the city council EUR 600,000"; in Russian after a dash standing
    for the verb: «а местные власти – 600 тысяч»)."""
    text = b.text
    lang = b.lang
    money = [f for f in fs if f.kind in ("money", "percent")]
    if len(money) < 2 or len(money) > 40:
        return
    opens = phrase_set(lang, "list_open")
    for k in range(1, len(money)):
        f, g = money[k], money[k - 1]
        if f.kind != "money" or g.kind != "money" or f.role is not None or g.role not in _CONTRIBUTORS or not _usable(f) \
                or f.unit != g.unit:
            continue
        lo, hi = b._widx(ws, g.end), b._widx(ws, f.start)
        br_f, br_g = _bracketed(text, f), _bracketed(text, g)
        if br_g:
            lo += 1  # the bracket closing the contributor's amount
        if br_f:
            hi -= 1
        gap = ws[lo:hi]
        if not gap or len(gap) > 7:
            continue
        m = opens.at(ws, lo, hi)
        if m is None or m.j >= hi:
            continue
        name = ws[m.j:hi]
        if lang == "ru" and not br_f:
            if not name or name[-1].norm not in ("–", "—", "-"):
                continue  # «а местные власти – 600 тысяч»: the dash stands for the verb
            name = name[:-1]
        elif br_f != br_g:
            continue  # "EUR 2 million (from the EU) …": not the same form
        if not name or len(name) > 5 or any(w.norm in _PREPS[lang] or not w.norm.isalpha() and w.norm not in ("'", "-")
                                            for w in name):
            continue
        if lang == "en" and any(w.norm.endswith(("ed", "ing")) and len(w.norm) > 5 for w in name):
            continue
        if lang == "ru":
            from app.facts.model import _ru_verb

            if any(_ru_verb(w.norm) for w in name):
                continue
        f.role = "other"
        f.meta["side_by_side"] = True


_PART_NOUNS = {"grant", "grants", "contribution", "share", "component", "phase", "tranche", "loan", "loans", "line", "allocation",
               "portion", "part", "top", "package", "fund", "envelope", "budget", "programme", "project", "initiative", "action",
               "facility", "investment", "eu", "per", "each", "a", "year", "annual", "first", "second", "third", "pilot"}


def attributive_cost(b, fs, ws) -> None:
    """"for the EUR 900,000 bridge", "the EUR 2.4 million water scheme": an amount standing as an adjective
    between "the" and a noun is that thing's cost, the sentence's total when no word gives it a role (not
    "the EUR 300,000 grant": a grant, a component, a phase is a part)."""
    if b.lang != "en":
        return
    from app.facts.quantities import STOP_EN

    for f in fs:
        if f.kind != "money" or f.role is not None or f.meta.get("each") or f.hedge:
            continue
        i, j = b._widx(ws, f.start), b._widx(ws, f.end)
        if i == 0 or ws[i - 1].norm not in ("the", "its", "this") or j >= len(ws):
            continue
        nxt = ws[j].norm
        if not nxt.isalpha() or nxt in STOP_EN or nxt in _PART_NOUNS or nxt.endswith(("ed", "ing")) or \
                b.text[ws[j].start:ws[j].start + 1].isupper():
            continue
        if nxt.endswith("s") and not nxt.endswith(("ss", "works")):
            continue  # "the EUR 900,000 goes to …": a verb, not a noun
        f.role = "total"
        f.meta["attributive"] = True


def _total_opening(b, ws, f) -> bool:
    """f is the one amount of a sentence that opens by summing up ("In total, EUR 2 million", «Всего –
    1 млн евро», «Итого: …», "Altogether, the project costs EUR 2 million")."""
    m = phrase_set(b.lang, "total_opening").at(ws, 0)
    return m is not None and b._widx(ws, f.start) - m.j <= 8


def summed_lines(b) -> None:
    """Lines whose whole is stated after them: in the same sentence after "for a total of" / "totalling" /
    «на общую сумму» (the lines in brackets, or the sentence's amounts closed by "and"), or as the one
    amount of the next sentence opening with "In total" / «Всего» (same paragraph). Complete: the whole is
    said to be their sum."""
    from app.facts.relations import _closed

    text = b.text
    taken = {i for r in b.model.relations if r.kind in ("sum", "product") for i in r.facts}
    tot_ps = phrase_set(b.lang, "in_total")
    open_ps = phrase_set(b.lang, "open_list")
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        money = [f for f in fs if f.kind == "money"]
        if len(money) < 2 or len(money) > 40 or any(f.kind == "percent" for f in fs):
            continue
        whole, lines = None, []
        last = money[-1]
        lines = [f for f in money[:-1] if _usable(f) and f.role in (None, "other", "eu", "cofin")]
        whole_ok = not (last.table or last.hedge or last.meta.get("each") or last.meta.get("product")
                        or last.meta.get("aggregate"))  # a wider whole ("two components … for a total of") still sums its lines
        if len(lines) == len(money) - 1 >= 2 and whole_ok and last.id not in taken and \
                not any(f.id in taken for f in lines) and len({f.unit for f in money}) == 1:
            i, j = b._widx(ws, lines[-1].end), b._widx(ws, last.start)
            m = [x for x in tot_ps.find(ws, i, j) if x.j >= j - 2 and b._only(ws, i, x.i, "sum_links")]
            if m and _closed(text, lines[-2], lines[-1], b.lang) and not open_ps.find(ws, i, j):
                whole = last
        if whole is None and k + 1 < len(b.sent_facts) and b.sent_block[k + 1] == b.sent_block[k]:
            nf = b.sent_facts[k + 1]
            nm = [f for f in nf if f.kind in ("money", "percent")]
            lines = [f for f in money if _usable(f) and f.role in (None, "other", "eu", "cofin")]
            if len(nm) == 1 and nm[0].kind == "money" and _usable(nm[0]) and len(lines) == len(money) >= 2 and \
                    len({f.unit for f in lines} | {nm[0].unit}) == 1 and not any(f.id in taken for f in lines + nm) and \
                    _closed(text, lines[-2], lines[-1], b.lang) and _total_opening(b, b.sent_words[k + 1], nm[0]) and \
                    not open_ps.find(ws, b._widx(ws, lines[-1].end), len(ws)):
                whole = nm[0]
                # "The EU is contributing €900,000. UNICEF adds €250,000, and the khokimiyat … €50,000 in kind.
                # Altogether …": the contributors of the sentence before (same paragraph) are lines too
                if k > 0 and b.sent_block[k - 1] == b.sent_block[k]:
                    pm = [f for f in b.sent_facts[k - 1] if f.kind in ("money", "percent")]
                    if pm and all(f.kind == "money" and _usable(f) and f.role in ("eu", "cofin", "other") and f.id not in taken
                                  and f.unit == nm[0].unit for f in pm) and any(f.role in ("eu", "cofin", "other") for f in lines):
                        lines = pm + lines
        if whole is None or sum(f.value for f in lines) > whole.value * 1.5 or any(f.value >= whole.value for f in lines):
            continue
        if whole.role is None:
            whole.role = "total"
        for p in lines:
            p.meta["whole"] = whole.id
        b.rel("sum", [whole.id] + [p.id for p in lines], True, origin="text", note="summed lines")
        taken |= {whole.id} | {p.id for p in lines}


def complement_share(b, fs, rem, whole) -> None:
    """"The European Union provides 80% of the EUR 2 million budget. The remaining EUR 500,000 comes from
    UNDP": "the remaining" amount with no other part stated as an amount is the rest of the share of the
    scope's contributor (a percentage of the EU's or a partner's role over this total, or none): the share
    relation of 100 − 80 per cent. With no such share, nothing (the remaining is no whole by itself)."""
    if rem.unit != whole.unit or rem.value >= whole.value:
        return
    F = b.model.facts
    shares = [p for p in fs if p.kind == "percent" and p.role in ("eu", "cofin") and not p.hedge and not p.table
              and p.start < rem.start and ("whole" not in p.meta or p.meta["whole"] == whole.id)
              and ("part" not in p.meta or F[p.meta["part"]].kind != "money")]
    if len({p.value for p in shares}) != 1:
        return
    p = shares[-1]
    b.rel("share", [p.id, rem.id, whole.id], origin="scope", note="complement")


def funding_lists(b) -> None:
    """An amount no role names, then the EU's amount and the other funders' amounts listed after it: "The
    EUR 4 million programme is financed by the European Union (EUR 3.2 million), the Ministry (EUR 0.6
    million) and UNDP (EUR 0.4 million)", "… after an 18 million som renovation. It was paid for by the EU
    (12 million som), the mayor's office (4 million som) and …", «задействовано 1,2 млрд тенге. ЕС направляет
    850 млн тенге, местный бюджет — 300 млн тенге, …». The first amount is the whole of the list: at most;
    all of it when a funding phrase (``funded_by``) introduces the list and "and" / «и» closes it."""
    from app.facts.relations import _closed

    text = b.text
    funded = phrase_set(b.lang, "funded_by")
    for k, fs in enumerate(b.sent_facts):
        money = [f for f in fs if f.kind == "money"]
        eu = next((i for i, f in enumerate(money) if f.role == "eu"), None)
        if eu is None:
            continue
        parts = money[eu:]
        def listed(p):  # a funder's amount: read as one, or in the form of the EU's ("(12 million som)", «— 300 млн»)
            return p.role in _CONTRIBUTORS or p.role is None and (
                _bracketed(text, p) and _bracketed(text, parts[0]) or text[max(0, p.start - 3):p.start].rstrip(" \u00a0")[-1:] in ("—", "–"))
        if len(parts) < 2 or not all(_usable(p) and listed(p) for p in parts) or len({p.unit for p in parts}) != 1:
            continue
        if any(len(text[x.end:y.start]) > 90 for x, y in zip(parts, parts[1:])):
            continue  # a list: each funder's amount close to the one before
        if any(f.kind == "percent" for f in fs):
            continue  # shares beside the amounts: read by the share relations
        before = money[:eu]
        kw = k
        if not before and k > 0 and b.sent_block[k] - b.sent_block[k - 1] <= 1:
            before = [f for f in b.sent_facts[k - 1] if f.kind in ("money", "percent")]
            kw = k - 1
        if len(before) != 1:
            continue
        w = before[0]
        if w.kind != "money" or w.role is not None or not _usable(w) or w.unit != parts[0].unit \
                or any(p.value >= w.value for p in parts):
            continue
        if any(r.kind in ("sum", "share", "product", "groups") and ({p.id for p in parts} | {w.id}) & set(r.facts)
               for r in b.model.relations):
            continue  # read already
        total = sum(p.value for p in parts)
        ws = b.sent_words[k]
        lo = b._widx(b.sent_words[kw], w.end) if kw == k else 0
        intro = funded.find(ws, lo, b._widx(ws, parts[0].start)) or (
            kw < k and funded.find(b.sent_words[kw], b._widx(b.sent_words[kw], w.end), len(b.sent_words[kw])))
        complete = bool(intro) and _closed(text, parts[-2], parts[-1], b.lang) and total >= 0.7 * w.value
        b.rel("sum", [w.id] + [p.id for p in parts], complete, origin="text", note="funding list")


_DASHES = ("–", "—", "-", ":")
_ITEM_BREAKS = (",", ";", ":", "(", ".")


def labelled_amounts(b, fs, ws) -> None:
    """A list of amounts each after its label and a dash or colon, closed by its total: "Costs by item:
    equipment – EUR 500,000, training – EUR 200,000, audit – EUR 50,000, total – EUR 750,000", «Расходы
    по статьям: оборудование — 500 000 евро, …, итого — 750 000 евро». The last amount (its label opens
    with a ``total_opening`` word) is the sum of the others, which are lines of it whatever word
    introduced the list ("Costs", «Бюджет … по статьям» make no line a total). Runs before the
    sentence's relations, so that no other reading takes a line for the budget."""
    money = [f for f in fs if f.kind in ("money", "percent")]
    if len(money) < 3 or any(f.kind != "money" for f in money) or len({f.unit for f in money}) != 1:
        return
    totals = phrase_set(b.lang, "total_opening")
    labels = []
    for f in money:
        i = b._widx(ws, f.start)
        if i < 2 or ws[i - 1].norm not in _DASHES:
            return
        k = i - 2
        while k >= 0 and ws[k].norm not in _ITEM_BREAKS and i - 2 - k < 6:
            k -= 1
        if k >= 0 and ws[k].norm not in _ITEM_BREAKS:
            return  # no label of a few words between the break and the dash
        labels.append(k + 1)
    if not totals.at(ws, labels[-1]) or any(totals.at(ws, x) for x in labels[:-1]):
        return
    whole, lines = money[-1], money[:-1]
    if whole.hedge or whole.table or any(f.hedge or f.table or f.meta.get("each") or f.meta.get("product") for f in money):
        return
    if any(f.value >= whole.value for f in lines) or sum(f.value for f in lines) > whole.value * 1.5:
        return  # not the lines of this whole
    first = ws[labels[0]].start
    owner = lines[0].role if lines[0].role in ("eu", "cofin") and lines[0].meta.get("cue", (first,))[0] < first else None
    for p in lines:
        if p.role in ("total", "eu", "cofin") and (p.role == "total" or p.meta.get("cue", (first,))[0] < first):
            p.role = None  # the word before the list ("Costs:", «Бюджет ЕС по статьям:») names the whole, not a line
            p.meta.pop("strong", None)
        p.meta["whole"] = whole.id
        p.meta["in_breakdown"] = True
        p.meta["own_list"] = True
    whole.meta["own_list"] = True
    whole.role = owner or "total"  # «Бюджет Европейского союза по статьям: …, итого — 750 000 евро»: the EU's amount
    whole.meta["stated_sum"] = True
    b.rel("sum", [whole.id] + [p.id for p in lines], True, origin="text", note="labelled amounts")


def bracketed_breakdown(b, fs, ws) -> None:
    """An amount split right after it among contributors, each amount in brackets after its name:
    «Оставшиеся 450 тысяч евро вносят акимат (300 тысяч) и ПРООН (150 тысяч)», "The remaining EUR
    400,000 comes from the city (EUR 250,000) and UNICEF (EUR 150,000)". The bracketed amounts are
    the parts of that amount, not more parts of the budget: a sum of it alone, and a subset of the
    release's facts (no scope reading adds them to the total)."""
    from app.facts.relations import _closed

    text = b.text
    money = [f for f in fs if f.kind in ("money", "percent")]
    for k, w in enumerate(money):
        if w.kind != "money" or w.role not in ("remaining", "cofin", "other") or _bracketed(text, w) or w.hedge:
            continue
        lines = money[k + 1:]
        if len(lines) < 2 or any(f.kind != "money" or not _bracketed(text, f) or f.unit != w.unit for f in lines):
            return
        if not _closed(text, lines[-2], lines[-1], b.lang) or any(f.value >= w.value for f in lines) or \
                sum(f.value for f in lines) > w.value * 1.5:
            return
        for p in lines:
            p.subset = True
            p.meta["whole"] = w.id
            p.meta["own_list"] = True  # (the sentence's readings of a whole and its parts leave them alone)
        b.rel("sum", [w.id] + [p.id for p in lines], True, origin="text", note="bracketed breakdown")
        return


def bracketed_funders(b) -> None:
    """"co-funded by the European Union (€900,000, or 60 per cent), the Swiss Agency (€350,000) and UNDP
    (€250,000)", «финансируют Европейский союз (900 000 евро), Швейцария (350 000 евро) и ПРООН (…)»: after a
    funding phrase (``funded_by``) and the EU's amount, the amounts in brackets after the other funders'
    names, the list closed by "and" / «и», are the co-financing (role ``cofin``: the funders named with the
    EU's part) whatever their names, so the project's total stated elsewhere is the whole of them all (read
    in this sentence by ``funding_lists`` when the total stands before the list)."""
    from app.facts.relations import _closed

    text = b.text
    funded = phrase_set(b.lang, "funded_by")
    related = {i for r in b.model.relations if r.kind in ("sum", "groups", "product") for i in r.facts}
    for k, fs in enumerate(b.sent_facts):
        money = [f for f in fs if f.kind == "money"]
        eu = next((i for i, f in enumerate(money) if f.role == "eu"), None)
        if eu is None or eu + 2 > len(money):
            continue
        ws = b.sent_words[k]
        if not funded.find(ws, 0, b._widx(ws, money[eu].start)):
            continue
        rest = money[eu + 1:]
        if not all(p.role in (None, "other", "cofin") and _usable(p) and _bracketed(text, p) and p.id not in related and p.unit == money[eu].unit
                   for p in rest):
            continue
        chain = [money[eu]] + rest
        if any(len(text[x.end:y.start]) > 90 or any(c in text[x.end:y.start] for c in ".;") for x, y in zip(chain, chain[1:])):
            continue
        if not _closed(text, chain[-2], chain[-1], b.lang):
            continue
        for p in rest:
            p.role = "cofin"
