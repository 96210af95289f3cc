"""Which figure is wrong: the relations of the facts model checked together.

Every relation (a share, a whole and its parts, groups, a product, the same fact stated twice, a
duration and its period) is checked with the figures' precision (rounding to the stated digits,
hedges such as «более» / "about" widening a figure instead of silencing it). For the relations
that fail, the suspect is a figure that appears in all of them and that, given one other value,
would satisfy every relation it takes part in — so a suggestion never creates a new contradiction.
When several figures could be the one, the most derived one is named (a share before its amounts,
"the remaining" before the parts, a product's total before its factors); when nothing decides, the
finding names both places and suggests nothing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from app.facts.model import Fact, Facts, Relation

INF = float("inf")
RULE_OF = {"share": "figures.share", "sum": "figures.parts", "groups": "figures.groups", "same": "figures.same-fact",
           "product": "figures.product", "duration": "figures.duration"}


@dataclass
class Diagnosis:
    rule: str
    fact: Fact
    related: list[Fact]
    relations: list[Relation]
    value: float | None = None  # the value that makes the figure consistent (None: nothing decides)
    explained: bool = True
    alternatives: list[Fact] = field(default_factory=list)


# ----- intervals ------------------------------------------------------------------------------------
def _tol(f: Fact) -> float:
    """Half a unit of the last digit written, for amounts with a scale word and decimals (1,35 млн)."""
    n = f.num
    if n is None or f.kind != "money":
        return 0.0
    st = n.style
    if st.scale > 1 and st.decimals > 0:
        # "EUR 1.2 million" stands for 1.2 million within 0.5 % (not 1.15 to 1.25 million: a share computed
        # from "EUR 1.2 million of EUR 1.6 million" is 75 %, and 70 % is no rounding of it)
        return min(0.5 * 10 ** -st.decimals * st.scale, 0.005 * abs(f.value))
    return 0.0


def interval(f: Fact, value: float | None = None, rounding: bool = False) -> tuple[float, float]:
    """The values a figure can stand for: its stated precision for shares (``rounding``), widened by
    its hedge."""
    v = f.value if value is None else value
    if f.kind == "percent":
        d = f.q.decimals if f.q else 0
        t = 1.0 if d == 0 else 10 ** -d * 1.0001
        lo, hi = v - t, v + t
    else:
        t = _tol(f) if (value is None and rounding) else 0.0
        lo, hi = v - t, v + t
    if value is None and f.hedge == "min":
        hi = INF
    elif value is None and f.hedge == "max":
        lo = 0.0
    elif value is None and f.hedge == "approx" and f.kind == "percent" and f.meta.get("fraction"):
        lo, hi = min(lo, v * 0.85), max(hi, v * 1.15)  # "almost a third" for 30 %: a fraction is a rounder word
    elif value is None and f.hedge == "approx" and f.kind == "percent":
        # "roughly 90 percent" is a share rounded to its last round digit: 85–95 for a multiple of ten,
        # 2.5 points for a multiple of five, 1.5 otherwise (not 15 % of the value: 80 % is no "roughly 90")
        r = 5.0 if abs(v % 10) < 1e-9 else 2.5 if abs(v % 5) < 1e-9 else 1.5
        lo, hi = min(lo, v - r), max(hi, v + r)
    elif value is None and f.hedge == "approx":
        lo, hi = min(lo, v * 0.85), max(hi, v * 1.15)
    return lo, hi


def _meets(a: tuple[float, float], b: tuple[float, float], rel: float = 1e-9) -> bool:
    eps = rel * max(1.0, abs(a[0]), abs(b[0]))
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def _unit_of(f: Fact) -> float:
    """The precision a figure is written with (1 for whole amounts, 100 000 for «1,5 млн»)."""
    n = f.num
    if n is None:
        return 1.0
    st = n.style
    if st.scale > 1:
        return st.scale * 10 ** -st.decimals
    return 10 ** -st.decimals if st.decimals else 1.0


# ----- checking one relation -----------------------------------------------------------------------
def _vals(r: Relation, facts: Facts, override: dict[int, float]):
    return [(facts.facts[i], interval(facts.facts[i], override.get(i))) for i in r.facts]


def holds(r: Relation, facts: Facts, override: dict[int, float] | None = None) -> bool:
    override = override or {}
    fs = _vals(r, facts, override)
    if r.kind == "share":
        (p, pi), (part, ai), (whole, wi) = [(facts.facts[i], interval(facts.facts[i], override.get(i), True)) for i in r.facts]
        if r.note == "complement":
            pi = (100 - pi[1], 100 - pi[0])  # "80 % … the remaining EUR 400,000": the part is the rest of the share
        if r.note == "part and rest":
            wi = (ai[0] + wi[0], ai[1] + wi[1])  # "$2.4 million — 60 % of the cost. The remaining $1.8 million …": part + rest
        if wi[1] <= 0:
            return True
        lo = ai[0] / wi[1] * 100 if wi[1] != INF else 0.0
        hi = ai[1] / wi[0] * 100 if wi[0] > 0 else INF
        return _meets(pi, (lo, hi))
    if r.kind in ("sum", "groups"):
        (w, wi), parts = fs[0], fs[1:]
        if r.complete and w.hedge and any(x.meta.get("remaining") or x.role == "remaining" for x, _ in parts):
            wi = interval(w, override.get(w.id, w.value))  # "some 420 … the remaining 250": computed from 420 as stated
        elif r.complete and w.hedge == "approx" and w.kind == "count" and w.id not in override and not any(x.hedge for x, _ in parts):
            # "Some 120 participants, including 70 women and 40 men": a count rounded to its last round digit
            # (115–125), not anything within 15 % of it, when every group is exact
            u = max(1.0, _round_unit(w.value))
            wi = (w.value - u / 2, w.value + u / 2)
        slo = sum(x[1][0] for x in parts)
        shi = sum(x[1][1] for x in parts)
        if r.note in ("percent rest", "shares of one whole"):
            # percentages splitting one whole (percent_parts): each rounded to its last digit, so together
            # within half a unit of that digit per share of 100 («62 %, 23 %, остальные 20 %» is 105 %)
            t = sum(0.5 * 10 ** -(x.q.decimals if x.q else 0) for x, _ in parts)
            s = sum(override.get(x.id, x.value) for x, _ in parts)
            if x_hedged := [x for x, _ in parts if x.hedge]:
                t += sum(0.15 * x.value for x in x_hedged)
            return abs(s - 100) <= t + 1e-9 if r.complete else s <= 100 + t + 1e-9
        if w.kind == "percent":
            slo, shi = slo - 1, shi + 1
        if r.complete:
            return _meets((slo, shi), wi, 1e-6)
        return slo <= wi[1] * (1 + 1e-6)
    if r.kind == "same":
        (a, ai), (b, bi) = fs
        if a.hedge or b.hedge or r.facts[0] in override or r.facts[1] in override:
            return _meets(ai, bi, 1e-6)
        av, bv = override.get(a.id, a.value), override.get(b.id, b.value)
        unit = max(_unit_of(a), _unit_of(b))
        if unit > 1 or (a.num and a.num.style.scale > 1) or (b.num and b.num.style.scale > 1):
            # the less precise figure is the other one rounded half up ("1.4 million" for 1,350,000;
            # "EUR 4 million" is not 4.5 million)
            lv, pv = (av, bv) if _unit_of(a) >= _unit_of(b) else (bv, av)
            if (a.table or b.table) and abs(av - bv) > 0.05 * max(av, bv):
                return False  # "EUR 5 million" is no rounding of a table's 4.5 million: a table's figure is restated within 5 %
            return abs(math.floor(pv / unit + 0.5 + 1e-9) - round(lv / unit)) < 1e-9 or abs(av - bv) < 1e-6 * max(av, bv, 1)
        return abs(av - bv) < 1e-6 * max(av, bv, 1) + (0.5 * unit if unit < 1 else 0)
    if r.kind == "product":
        (n, ni), (each, ei), (tot, ti) = fs
        k = r.factor
        return _meets((ni[0] * ei[0] * k, ni[1] * ei[1] * k), ti, 1e-6)
    if r.kind == "duration":
        d, rng = facts.facts[r.facts[0]], facts.facts[r.facts[1]]
        months = override.get(d.id, d.value) * {"years": 12, "months": 1, "weeks": 12 / 52, "days": 12 / 365}.get(d.unit, 1)
        return _duration_ok(d, months, rng)
    return True


def _duration_ok(d: Fact, months: float, rng: Fact) -> bool:
    R = rng.range
    hedge = d.hedge
    if d.unit == "days":
        days = R.days()
        if days is None:
            return True
        n = months * 365 / 12
        return abs(n - days) < 0.5 or (hedge == "max" and n >= days) or (hedge == "min" and n <= days)
    if d.unit == "weeks" and R.precision == "day" and R.days() is not None:
        # "a six-week course from 5 to 30 October" (26 days): n weeks are more than n - 1 whole weeks and at most a
        # few days over n (a course ending on a Friday)
        days, n = R.days(), months * 52 / 12
        lo_ok = days > 7 * (n - 1) - 1e-6 or hedge == "max"
        hi_ok = days <= 7 * n + 3 + 1e-6 or hedge == "min"
        return lo_ok and hi_ok if hedge != "approx" else 7 * (n - 2) < days <= 7 * (n + 1) + 3
    if R.precision in ("month", "day"):
        m = R.months()
        if m is None:
            return True
        tol = 1.01 if R.precision == "month" else 1.0
        if hedge == "approx":
            tol = max(tol, months * 0.15)
        if hedge == "max":
            return months + tol >= m
        if hedge == "min":
            return months - tol <= m
        return abs(months - m) <= tol
    span = R.years()
    if span is None:
        return True
    lo, hi = math.ceil(months / 12 - 1e-9), math.floor((months + 10) / 12) + 1
    if d.unit == "years" and abs(d.value - round(d.value)) < 1e-9:
        lo, hi = int(round(d.value)), int(round(d.value)) + 1
    if hedge in ("approx", "max", "min"):
        lo, hi = lo - 1, hi + 1
    return lo <= span <= hi


# ----- solving for one figure ----------------------------------------------------------------------
def solve(r: Relation, facts: Facts, fid: int) -> tuple[bool, float | None, tuple[float, float] | None]:
    """(possible, point value, interval) for figure fid so that r holds, the others as stated."""
    F = facts.facts
    val = {i: F[i].value for i in r.facts}
    if r.kind == "share":
        p, part, whole = (F[i] for i in r.facts)
        comp = r.note == "complement"
        if r.note == "part and rest":
            if fid != p.id or part.value + whole.value <= 0:
                return False, None, None
            v = part.value / (part.value + whole.value) * 100
            return True, v, (v, v)
        if fid == p.id:
            if whole.value <= 0:
                return False, None, None
            v = part.value / whole.value * 100
            v = 100 - v if comp else v
            return True, v, (v, v)
        pi = interval(p)
        if comp:
            pi = (100 - pi[1], 100 - pi[0])
            if fid == part.id and not p.hedge:
                v = (100 - p.value) * whole.value / 100  # "the remaining" is written from the share: exactly its rest
                return True, v, (v, v)
        if fid == part.id:
            return True, None, (pi[0] * whole.value / 100, pi[1] * whole.value / 100)
        if fid == whole.id and p.value > 0:
            return True, None, (part.value * 100 / max(pi[1], 1e-9), part.value * 100 / max(pi[0], 1e-9))
        return False, None, None
    if r.kind in ("sum", "groups"):
        w = F[r.facts[0]]
        others = [F[i] for i in r.facts[1:] if i != fid]
        s = sum(o.value for o in others)
        # parts that add up to more than their whole: the listed parts are meant to fill it («1 600 000 +
        # 455 300 + 250 000» of a budget of 2 105 300), so the value that makes them add up exactly decides
        over = r.kind == "sum" and len(r.facts) >= 3 and sum(F[i].value for i in r.facts[1:]) > w.value * (1 + 1e-6)
        if fid == w.id:
            if r.complete:
                return True, s, (s, s)
            return True, (s if over else None), (s, INF)
        v = w.value - s
        if v <= 0:
            return False, None, None
        if r.complete:
            return True, v, (v, v)
        return True, (v if over else None), (0.0, v)
    if r.kind == "same":
        other = F[r.facts[1] if fid == r.facts[0] else r.facts[0]]
        lo, hi = interval(other)
        if other.hedge:
            return True, None, (lo, hi)
        return True, other.value, (other.value, other.value)
    if r.kind == "product":
        n, each, tot = (F[i] for i in r.facts)
        k = r.factor
        if fid == tot.id:
            v = n.value * each.value * k
            return True, v, (v, v)
        if fid == each.id and n.value:
            v = tot.value / n.value / k
            return True, v, (v, v)
        if fid == n.id and each.value:
            v = tot.value / each.value / k
            if abs(v - round(v)) > 1e-6:
                return False, None, None
            return True, v, (v, v)
        return False, None, None
    if r.kind == "duration":
        d, rng = F[r.facts[0]], F[r.facts[1]]
        if fid == rng.id:
            return True, None, None
        R = rng.range
        factor = {"years": 12, "months": 1, "weeks": 12 / 52, "days": 12 / 365}.get(d.unit, 1)
        if d.unit == "days":
            n = R.days()
            return (n is not None), (float(n) if n else None), None
        if d.unit == "weeks" and R.precision == "day" and R.days():
            w = math.ceil((R.days() - 3) / 7 - 1e-9)  # 26 days: four weeks (the least n with 7n + 3 >= days)
            return True, float(max(1, w)), None
        if R.precision in ("month", "day"):
            m = R.months()
            if m is None:
                return False, None, None
            m = round(m)
            if d.unit == "years":
                if m % 12 == 0:
                    return True, m / 12, None
                if m % 6 == 0:
                    return True, m / 12, None
                return True, None, None
            return True, float(m), None
        span = R.years()
        if span is None:
            return False, None, None
        if d.unit == "years":
            # N years span N or N + 1 calendar years: span - 1 or span
            return True, None, None
        return True, None, None
    return False, None, None


def _explains(facts: Facts, fid: int, rels: list[Relation]) -> tuple[bool, float | None]:
    """Can figure fid alone be wrong? Then: the value that satisfies every relation it is in."""
    point = None
    lo, hi = -INF, INF
    for r in rels:
        ok, v, iv = solve(r, facts, fid)
        if not ok:
            return False, None
        if iv is not None:
            lo, hi = max(lo, iv[0]), min(hi, iv[1])
        if v is not None:
            if point is not None and abs(point - v) > 1e-6 * max(1.0, abs(v)) and not (
                    facts.facts[fid].kind == "percent" and abs(point - v) < 1):
                return False, None
            point = v if point is None else point
    if lo > hi * (1 + 1e-6) + 1e-9:
        return False, None
    if point is not None:
        if not all(holds(r, facts, {fid: point}) for r in rels):
            # a rounded share: the stated precision decides
            f = facts.facts[fid]
            if f.kind == "percent":
                d = f.q.decimals if f.q else 0
                p2 = round(point, d)
                if all(holds(r, facts, {fid: p2}) for r in rels):
                    return True, point
            return False, None
        return True, point
    return True, None


def _round_unit(v: float) -> float:
    """The largest power of ten a whole amount is a multiple of (1 for 132, 10 for 240, 100 000 for
    «1,5 млн»; 0 for a fraction)."""
    if v <= 0 or abs(v - round(v)) > 1e-6:
        return 0.0
    k, u = int(round(v)), 1
    while k % (u * 10) == 0:
        u *= 10
    return float(u)


def _restated(w: Fact, r: Relation, facts: Facts) -> bool:
    """The whole's value stated again in another sentence, outside the relation ("One hundred and twenty
    teachers … Of the 120 participants": a count, whatever its noun): a figure the release repeats is the
    one it is sure of."""
    return any(g.id not in r.facts and g.kind == w.kind and (g.unit == w.unit or w.kind == "count") and not g.hedge and g.sentence != w.sentence
               and abs(g.value - w.value) < 1e-6 * max(1.0, w.value) for g in facts.facts)


def _rounded_whole(w: Fact, r: Relation, facts: Facts) -> bool:
    """A whole written rounder than the parts it is made of, and stated once: the rounded or stale
    figure an editor corrects, not a precise part.
    - money: rounder than the parts add up to («4 млн евро» over 3,2 + 1 млн = 4,2 млн; EUR 18 million
      over 12 + 4 + 1.5 million), in a complete sum or a list of contributors;
    - counts: rounder than every group of a complete breakdown (240 farmers: 132 women and 98 men)."""
    if r.kind not in ("sum", "groups") or w.hedge or w.place == "table" or r.origin == "table" or w.meta.get("virtual"):
        return False
    parts = [facts.facts[i] for i in r.facts[1:]]
    if len(parts) < 2 or any(p.kind != w.kind or p.hedge for p in parts) or _restated(w, r, facts):
        return False  # (one part larger than its whole: that part)
    uw = _round_unit(w.value)
    if w.kind == "count":
        return r.complete and uw > max(_round_unit(p.value) for p in parts)
    if w.kind != "money" or r.kind != "sum":
        return False
    if not r.complete and any(p.role not in ("eu", "cofin", "other", "remaining") for p in parts):
        return False  # «из бюджета в 700 000 евро на ремонт … 620 000 евро, …, остальное – на мониторинг»: cost lines, not its sum
    return uw > _round_unit(sum(p.value for p in parts)) and uw > min(_round_unit(p.value) for p in parts)


def _priority(f: Fact, r: Relation, facts: Facts) -> float:
    """How likely a figure is the wrong one when several could be (higher: more likely)."""
    if r.kind == "share":
        if r.note == "complement":
            return {0: 4, 1: 5, 2: 1}[r.facts.index(f.id)]  # "the remaining" is written from the share
        if r.note == "fraction":
            return {0: 1.5, 1: 5, 2: 1}[r.facts.index(f.id)]  # "Half of the group — 48 people": the count, not "half"
        return {0: 5, 1: 2, 2: 1}[r.facts.index(f.id)]
    if r.kind == "groups":
        if f.meta.get("remaining"):
            return 5
        idx = r.facts.index(f.id)
        if idx == 0 and f.meta.get("stated_sum"):
            return 5  # "… – 60 facilities in total": the sum stated after its groups
        if idx == 0 and len(r.facts) >= 4:
            return 4.5  # a whole over three or more listed groups is the figure written from them
        if idx == 0 and _rounded_whole(f, r, facts):
            return 4.6  # «240 фермеров, из них 132 женщины и 98 мужчин»: the round count
        return 2 if idx == 0 else (4 if idx == len(r.facts) - 1 else 3)
    if r.kind in ("sum", "groups"):
        if f.role == "remaining" or f.meta.get("remaining"):
            return 5
        if r.facts.index(f.id) == 0:
            if r.origin == "table" or f.meta.get("stated_sum"):
                return 4.5  # a total row, "together, the two projects …": written last, from the parts
            if _rounded_whole(f, r, facts):
                return 4.6  # «Общая стоимость — 4 млн евро … 3,2 млн евро и 1 млн евро»: the rounded total
            parts = [facts.facts[i] for i in r.facts[1:]]
            if r.kind == "sum" and len(parts) >= 2 and f.place != "table" and all(p.place != "table" and p.end <= f.start for p in parts) \
                    and (r.complete or sum(p.value for p in parts) > f.value):
                # "The EU provides €1.1 million, GIZ €250,000 … In total, the project is worth €1.4 million",
                # «ЕС – 3 млн евро, ПРООН – 400 тыс.; общая стоимость – 3,2 млн»: the total stated after every
                # part is the figure written from them
                return 4.5
            if r.kind == "sum" and r.complete and len(r.facts) >= 4 and \
                    sum(p.value for p in parts) > f.value:
                return 3.5  # three or more lines adding up to more than the total: the total is the odd one
            return 2 if r.kind == "sum" else 3
        if f.place == "table" and r.origin != "table":
            return 1
        if not r.complete:
            # parts adding up to more than the whole: the largest part (the one a slip most likely inflated)
            return 4 + 0.01 * (f.value >= max(facts.facts[i].value for i in r.facts[1:]))
        return 3 + r.facts.index(f.id) * 0.01  # the last part stated
    if r.kind == "product":
        return {0: 1, 1: 2, 2: 4}[r.facts.index(f.id)]
    if r.kind == "duration":
        return 3 if f.kind == "duration" else 2
    if r.kind == "same":
        if f.place == "table":
            return 1
        return 2 + r.facts.index(f.id) * 0.5  # the later statement
    return 0


def diagnose(facts: Facts) -> list[Diagnosis]:
    rels = facts.relations
    bad = [r for r in rels if not holds(r, facts)]
    if not bad:
        return []
    # group failing relations that share figures (union-find over figures)
    parent: dict[int, int] = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for r in bad:
        for i in r.facts[1:]:
            parent[root(i)] = root(r.facts[0])
    by_root: dict[int, list[Relation]] = {}
    for r in bad:
        by_root.setdefault(root(r.facts[0]), []).append(r)
    groups = list(by_root.values())
    of_fact: dict[int, list[Relation]] = {}
    for r in rels:
        for i in r.facts:
            of_fact.setdefault(i, []).append(r)
    out: list[Diagnosis] = []
    for g in groups:
        common = set(g[0].facts)
        for r in g[1:]:
            common &= set(r.facts)
        cands = []
        for fid in sorted(common):
            if facts.facts[fid].meta.get("virtual"):
                continue  # the 100 % that shares of complementary groups make up: never the wrong figure
            mine = of_fact.get(fid, [])
            ok, v = _explains(facts, fid, mine)
            if ok:
                pr = max(_priority(facts.facts[fid], r, facts) for r in g)
                cands.append((pr, fid, v))
        cands = _weigh_evidence(facts, g, cands)
        if cands:
            cands.sort(key=lambda c: (-c[0], c[1]))
            best = cands[0]
            tied = [c for c in cands[1:] if abs(c[0] - best[0]) < 1e-9]
            f = facts.facts[best[1]]
            related_ids = []
            for r in g:
                for i in r.facts:
                    if i != f.id and i not in related_ids and not facts.facts[i].meta.get("virtual"):
                        related_ids.append(i)
            value = None if tied else best[2]
            if len(cands) > 1 and all(r.kind == "same" for r in g):
                value = None  # two statements disagree and nothing else decides: name both, suggest nothing
            kind = _main_kind(g, f)
            out.append(Diagnosis(RULE_OF[kind], f, [facts.facts[i] for i in related_ids], g, value, True,
                                 [facts.facts[c[1]] for c in tied]))
        else:
            for r in g:
                prios = sorted((i for i in r.facts if not facts.facts[i].meta.get("virtual")), key=lambda i: -_priority(facts.facts[i], r, facts))
                f = facts.facts[prios[0]]
                out.append(Diagnosis(RULE_OF[r.kind], f, [facts.facts[i] for i in r.facts if i != f.id and not facts.facts[i].meta.get("virtual")],
                                     [r], None, False))
    # one finding per figure and rule
    seen = set()
    uniq = []
    for d in out:
        key = (d.rule, d.fact.id)
        if key not in seen:
            seen.add(key)
            uniq.append(d)
    return uniq


def _transposed(stated: float, v: float | None) -> bool:
    """The value that fits is the stated one with two of its digits swapped (690 000 for 960 000, 3,87 for 3,78):
    a typing slip, the figure an editor changed by mistake."""
    if v is None or stated <= 0 or abs(v - stated) < 1e-6 * stated:
        return False
    a, b = f"{stated:.2f}".rstrip("0").rstrip("."), f"{v:.2f}".rstrip("0").rstrip(".")
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _round_share(x: float, y: float) -> bool:
    """x is a round share of y: a multiple of 5 per cent (80 %, 95 %; not 0 or 100)."""
    if y <= 0 or x <= 0 or x >= y:
        return False
    r = x / y * 100
    return abs(r - 5 * round(r / 5)) < 0.05


def _share_evidence(facts: Facts, r: Relation, fid: int) -> bool:
    """With figure fid set aside, two of the others make a round share: the whole and a part (the EU's
    EUR 1.8 million of EUR 2 million is 90 %), or — when fid is the whole — one part of the parts' sum. The
    figures that agree in a round proportion are the ones the writer set; the odd one is the slip. Only the EU's
    part is read so: its share of the budget is the one releases set round."""
    F = facts.facts
    whole, parts = r.facts[0], r.facts[1:]
    eu = [i for i in parts if F[i].role == "eu"]
    if len(eu) != 1 or fid == eu[0]:
        return False  # the EU's share of a budget is the round one (80 %, 90 %, 95 %), not a line's or a partner's
    if fid == whole:
        return _round_share(F[eu[0]].value, sum(F[i].value for i in parts))
    return _round_share(F[eu[0]].value, F[whole].value)


def _weigh_evidence(facts: Facts, g: list[Relation], cands: list[tuple]) -> list[tuple]:
    """Other evidence of which figure was changed, over the default order of _priority: a suggested value that
    is the figure with two digits swapped; in a money sum that fails alone, the one figure without which the
    others make a round share (unless the whole is written rounder than its parts, or stated again)."""
    if len(cands) < 2:
        return cands
    swapped = [c for c in cands if _transposed(facts.facts[c[1]].value, c[2])]
    if len(swapped) == 1:
        return [(6.0 if c is swapped[0] else c[0], c[1], c[2]) for c in cands]
    if len(g) != 1 or g[0].kind != "sum" or not g[0].complete or g[0].note or g[0].origin == "table":
        return cands
    r = g[0]
    F = facts.facts
    if any(F[i].kind != "money" or F[i].hedge for i in r.facts) or len(r.facts) < 3:
        return cands
    if any(c[0] >= 4.6 for c in cands):
        return cands  # a rounded whole, "the remaining": the reading already decided
    fit = [c for c in cands if _share_evidence(facts, r, c[1])]
    if len(fit) != 1 or _restated(facts.facts[fit[0][1]], r, facts):
        return cands  # (a figure the release states twice is one it is sure of)
    best = max(c[0] for c in cands)
    return [(best + 0.05 if c is fit[0] else c[0], c[1], c[2]) for c in cands]


def _main_kind(g: list[Relation], f: Fact) -> str:
    for r in g:
        if r.kind in ("sum", "groups") and r.facts[0] == f.id:
            return r.kind  # the whole of parts that do not add up
    order = ["share", "product", "groups", "sum", "duration", "same"]
    kinds = [r.kind for r in g if f.id in r.facts]
    for k in order:
        if k in kinds:
            return k
    return g[0].kind
