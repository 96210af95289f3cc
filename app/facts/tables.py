"""Tables of a Word draft as facts: a row's label cell gives the role (EU contribution / «Вклад ЕС»,
co-financing, total / «Итого», women, men…), its other cells the amount, share or count; a total
row is the whole of the rows above it (up to the previous total row)."""
from __future__ import annotations

import math
import re

from app.facts.numbers import find_numbers
from app.facts.phrases import phrase_set, words
from app.facts.dates import find_ranges
from app.facts.quantities import CUR_AFTER, CUR_BEFORE, DURATION_AFTER, Quantity, _unit, currency_of

_CUR_WORD = re.compile(r"(?<![\w])(?:евро|EUR|€|USD|\$|долл\w{0,5}|тенге|KZT|₸|сом(?:ов|ы)?|KGS|сум(?:ов|ы)?|UZS|сомони|TJS|манат\w{0,3}|TMT|руб\w{0,4}|euros?|dollars?|tenge)(?![\w])|€|\$|₸", re.I)
_PCT_WORD = re.compile(r"%|процент|доля|доли|per[ \u00a0]?cent|percent|share", re.I)
_MONEY_HEAD = re.compile(r"^\W*(?:amount|sum|cost|costs|budget|funding|value|сумма|стоимость|бюджет|финансирование|средства)\b", re.I)
_COUNT_WORD = re.compile(r"человек|участник|количеств|число|кол-во|number|participants|people|persons|count", re.I)


def _tables(doc) -> list[list]:
    """Runs of table-cell blocks -> tables (lists of rows of [block, ...] per cell)."""
    out: list[dict] = []
    cur = None
    last_index = None
    for b in doc.blocks:
        if b.kind != "table-cell":
            if cur is not None and b.kind not in ("header", "footer", "footnote"):
                cur = None
            continue
        tid = b.meta.get("table")
        if cur is None or (tid is not None and cur.get("id") != tid) or (tid is None and last_index is not None and b.index != last_index + 1):
            cur = {"id": tid if tid is not None else len(out), "cells": {}}
            out.append(cur)
        key = (b.meta.get("row", 0), b.meta.get("cell", 0))
        cur["cells"].setdefault(key, []).append(b)
        last_index = b.index
    tables = []
    for t in out:
        nrows = max(r for r, _ in t["cells"]) + 1
        ncols = max(c for _, c in t["cells"]) + 1
        grid = [[t["cells"].get((r, c), []) for c in range(ncols)] for r in range(nrows)]
        tables.append(grid)
    return tables


def read_tables(builder) -> None:
    doc = builder.doc
    lang = builder.lang
    total_ps = phrase_set(lang, "table.total")
    roles_ps = phrase_set(lang, "roles")
    curs = [f.unit for f in builder.model.facts if f.kind == "money" and f.unit not in ("", "?")]
    doc_cur = curs[0] if curs and len(set(curs)) == 1 else ""
    for t_i, grid in enumerate(_tables(doc)):
        if len(grid) < 2:
            continue

        def text_of(cell):
            return " ".join(doc.text[b.start:b.end] for b in cell).strip()

        col_kind: dict[int, str] = {}
        col_cur: dict[int, str] = {}
        col_scale: dict[int, float] = {}
        header_rows = 0
        for r, row in enumerate(grid[:2]):
            cells = [text_of(c) for c in row]
            numeric = [c for c in cells[1:] if re.search(r"\d", c) and not re.fullmatch(r"(?:19|20)\d\d", c.strip())]
            if numeric:
                break
            header_rows = r + 1
            for c, txt in enumerate(cells):
                if _PCT_WORD.search(txt):
                    col_kind[c] = "percent"
                elif _CUR_WORD.search(txt):
                    col_kind[c] = "money"
                    col_cur[c] = currency_of(_CUR_WORD.search(txt).group(0))
                    sc = _SCALE_HEADER.search(txt)
                    if sc:
                        col_scale[c] = 1e6 if sc.group(0).lower().startswith(("млн", "mil", "mln", "m")) else 1e3
                elif _COUNT_WORD.search(txt):
                    col_kind[c] = "count"
                elif c > 0 and _MONEY_HEAD.search(txt) and doc_cur:
                    col_kind[c] = "money"  # "Amount", «Сумма», "Cost" in a release whose amounts are in one currency
                    col_cur[c] = doc_cur
        header_text = {c: " ".join(text_of(grid[r][c]) for r in range(header_rows) if c < len(grid[r]))
                       for c in range(max(len(r) for r in grid))}
        rows_facts: list[dict] = []
        for r in range(header_rows, len(grid)):
            row = grid[r]
            if not row or not row[0]:
                continue
            label = text_of(row[0])
            if not label or re.fullmatch(r"[\d\s.,%€$]+", label) and not re.fullmatch(r"\s*(?:19|20)\d\d\s*", label):
                continue  # a number, not a label (a year is one: rows by year)
            ws = words(label)
            is_total = bool(total_ps.find(ws, 0, min(len(ws), 4))) and bool(total_ps.find(ws, 0, 1) or len(ws) <= 4)
            role = "total" if is_total else None
            if role is None:
                ms = roles_ps.find(ws)
                if ms:
                    m = min(ms, key=lambda m: (m.i, -(m.j - m.i)))
                    role = m.label if m.label != "total" else None
                    if m.label == "total":
                        role = "total"
            sub = bool(_SUBTOTAL.match(label))
            if sub:
                is_total, role = False, None
            entry = {"row": r, "label": label, "role": role, "total": is_total, "subtotal": sub, "facts": {}}
            for c in range(1, len(row)):
                cell = row[c]
                if not cell:
                    continue
                b = cell[0]
                txt = doc.text[b.start:b.end]
                rg = find_ranges(txt, lang, b.start)
                if len(rg) == 1 and rg[0].precision in ("year", "month") and rg[0].end - rg[0].start >= len(txt.strip()) - 8:
                    # «Период | июнь 2026 – май 2028»: the period of a key-value table
                    entry.setdefault("ranges", []).append(builder.add(
                        "range", rg[0].start, rg[0].end, 0.0, rg[0].precision, None, place="table", scope=builder.scope_at(b.start),
                        block=b.index, label=label, table=(t_i, r, c), range=rg[0]))
                    continue
                nums = [n for n in find_numbers(txt, lang, b.start) if not (n.words)]
                if len(nums) == 2 and _PCT_AFTER.match(txt, nums[1].end - b.start) and not _PCT_AFTER.match(txt, nums[0].end - b.start):
                    # «1 350 000 евро (90 %)»: an amount and its share in one cell
                    cells_nums = [(nums[0], c, txt[:nums[1].start - b.start]), (nums[1], c + PCT_IN_CELL, txt)]
                elif len(nums) == 1:
                    cells_nums = [(nums[0], c, txt)]
                else:
                    continue
                for n, key, sub in cells_nums:
                    f = _cell_fact(builder, n, b, sub, col_kind.get(c), col_cur.get(c, ""), col_cur, col_scale.get(c, 1.0),
                                   role, label, t_i, r, key)
                    if f is not None:
                        entry["facts"][key] = f
            if entry["facts"] or entry.get("ranges"):
                rows_facts.append(entry)
        _scope_use(rows_facts, header_text)
        _column_precision(rows_facts)
        first = grid[0][0][0] if grid[0] and grid[0][0] else None
        prev = doc.blocks[first.index - 1] if first is not None and first.index > 0 else None
        caption = doc.text[prev.start:prev.end] if prev is not None and prev.kind not in ("table-cell", "header", "footer") else ""
        if prev is not None and prev.kind == "table-cell" and builder.model.tables:
            caption = builder.model.tables[max(builder.model.tables)].get("caption", "")  # a table right after another
        builder.model.tables[t_i] = {"header": header_text, "rows": rows_facts, "caption": caption}
        _table_relations(builder, rows_facts, header_text)


_SUBTOTAL = re.compile(r"\W*(?:sub-?total|промежуточн[а-я]{0,3}[ \u00a0]+итог|(?:итого|всего)[ \u00a0]+по[ \u00a0]+"
                       r"(?:разделу|компоненту|направлению|статье|блоку|мероприятию|результату)|total[ \u00a0]+(?:for|of)[ \u00a0]+"
                       r"(?:component|output|section|result|activity)|(?:component|output|section)[ \u00a0]+total)", re.I)
PCT_IN_CELL = 1000  # the column key of a share written in the amount's cell
_PCT_AFTER = re.compile(r"[ \u00a0]?(?:%|процент|per[ \u00a0]?cent|percent)", re.I)
_SCALE_HEADER = re.compile(r"(?<![\w])(?:тыс\.?|тысяч[а-я]{0,2}|thousands?|'000|млн\.?|миллион[а-я]{0,2}|millions?|mln|m)(?![\w])", re.I)


def _cell_fact(builder, n, b, txt, kind, unit, col_cur, scale, role, label, t_i, r, key):
    """One figure of a table cell as a fact (an amount, a share or a count)."""
    doc, lang = builder.doc, builder.lang
    rest = txt[n.end - b.start:]
    before = txt[:n.start - b.start]
    end, start = n.end, n.start
    if _PCT_AFTER.match(rest):
        kind = "percent"
        m = re.match(r"[ \u00a0]?(?:%|процент[а-я]{0,3}|per[ \u00a0]?cent|percent)", rest, re.I)
        end = n.end + m.end()
        unit = "%"
    elif DURATION_AFTER[lang].match(txt, n.end - b.start) and not (1900 <= n.value <= 2100):
        # «Продолжительность | 24 месяца»
        dm = DURATION_AFTER[lang].match(txt, n.end - b.start)
        f = builder.add("duration", start, b.start + dm.end(), n.value, _unit(dm.group("u")),
                        Quantity("duration", start, b.start + dm.end(), n.value, _unit(dm.group("u")), n),
                        place="table", scope=builder.scope_at(start), block=b.index, label=label, table=(t_i, r, key))
        return f
    else:
        ca = CUR_AFTER.match(txt, n.end - b.start, n.end - b.start + 14)
        cb = CUR_BEFORE.search(before)
        if ca:
            kind, unit = "money", currency_of(ca.group(0).strip())
            end = b.start + ca.end()
        elif cb:
            kind, unit = "money", currency_of(cb.group(0).strip())
            start = n.start - len(cb.group(0))
    if kind is None:
        kind = "money" if n.value >= 1000 and role in ("eu", "cofin", "total", "remaining") else "count"
    if kind == "money" and not unit:
        unit = next(iter(col_cur.values()), "") or "?"
    if kind == "count" and n.value >= 1900 and n.value <= 2100 and not n.style.group:
        return None
    value = n.value
    if kind == "money" and scale != 1.0 and n.style.scale == 1:
        value = n.value * scale  # a column headed «тыс. евро», "EUR million"
    q = Quantity(kind, start, end, value, unit, n, decimals=n.style.decimals)
    f = builder.add(kind, start, end, value, unit if kind != "count" else (label.lower()), q,
                    role=role if kind in ("money", "percent") else None, place="table",
                    scope=builder.scope_at(start), block=b.index, label=label, table=(t_i, r, key))
    if value != n.value:
        f.meta["col_scale"] = scale
    if kind == "count":
        f.subset = True
    return f


_BREAKDOWN = re.compile(r"стать|бюджет|расход|направлени|компонент|деятельн|мероприят|результат|категори|"
                        r"budget|cost|item|line|component|activit|expen|output|result|category|purpose", re.I)
_TOTAL_COL = re.compile(r"^\W*(?:итого|всего|total|overall|in total)\b", re.I)
_MAIN_COL = re.compile(r"итого|всего|общ|сумм|total|amount|overall|budget|бюджет", re.I)
_PER_ITEM = re.compile(r"размер|каждый|каждого|на одн|size|each|per|unit", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _main_money_col(rows: list[dict], header_text: dict, before: int | None = None) -> int | None:
    cols = sorted({c for e in rows for c, f in e["facts"].items() if f.kind == "money"})
    if before is not None:
        cols = [c for c in cols if c < before] or cols
    cols = [c for c in cols if not _PER_ITEM.search(header_text.get(c, ""))] or cols
    if not cols:
        return None
    named = [c for c in cols if _MAIN_COL.search(header_text.get(c, "")) and not _YEAR.search(header_text.get(c, ""))]
    if named:
        return named[-1]
    return cols[-1] if len(cols) == 1 or before is not None else (cols[-1] if not _YEAR.search(header_text.get(cols[-1], "")) else None)


def _scope_use(rows: list[dict], header_text: dict) -> None:
    """Only a budget table's main amount column states the project's facts (EU part, total…);
    yearly columns, per-item columns and tables of other things stay inside the table."""
    budget = any(e["role"] in ("eu", "cofin") for e in rows)
    main = _main_money_col(rows, header_text)
    for e in rows:
        for c, f in e["facts"].items():
            if f.kind == "money" and c == main:
                f.meta["main_col"] = True
            if not budget or (f.kind == "money" and c != main) or f.kind == "count":
                f.meta["no_scope"] = True
            if e["total"] and f.kind == "money" and c == main and budget:
                f.meta["strong"] = True  # a contributors table's total is the project's total
            if e["total"] and f.kind == "money" and c == main and _BREAKDOWN.search(header_text.get(0, "")):
                f.meta.pop("no_scope", None)  # a budget breakdown's total is the project's total
                f.meta["strong"] = True
            if f.kind == "percent" and _YEAR.search(header_text.get(c, "")):
                f.meta["no_scope"] = True


def _table_relations(builder, rows: list[dict], header_text: dict) -> None:
    durs = [f for e in rows for f in e["facts"].values() if f.kind == "duration"]
    rngs = [f for e in rows for f in e.get("ranges", [])]
    if len(durs) == 1 and len(rngs) == 1:
        # «Продолжительность | 24 месяца», «Период | июнь 2026 – май 2028»: the duration of that period
        builder.rel("duration", [durs[0].id, rngs[0].id], origin="table")
        durs[0].meta["range"] = rngs[0].id
        rngs[0].meta["paired"] = True
    for e in rows:  # the rest reads amounts, shares and counts
        for c in [c for c, f in e["facts"].items() if f.kind == "duration"]:
            del e["facts"][c]
    cols = sorted({c for e in rows for c in e["facts"]})
    # sums: each total row is the whole of the rows above it (since the previous total row)
    for c in cols:
        above: list = []
        subs: list = []  # subtotals since the last total row: the total is their sum
        for e in rows:
            f = e["facts"].get(c)
            if e.get("subtotal"):
                if f is not None and len(above) >= 2:
                    builder.rel("sum", [f.id] + [x.id for x in above], True, origin="table")
                if f is not None:
                    subs.append(f)
                above = []
                continue
            if e["total"]:
                parts = subs + above if subs else above
                if f is not None:
                    # "Number of grants | 25", "Amount per grant | € 20,000", "Total awarded | € 500,000": only
                    # figures of the total's kind and unit add up to it; a per-item row makes it a product
                    each = [x for x in parts if x.kind == f.kind and x.unit == f.unit and _PER_ITEM_LABEL.search(x.label or "")]
                    counts = [x for x in parts if x.kind == "count"]
                    if f.kind == "money" and len(each) == 1 and len(counts) == 1:
                        builder.rel("product", [counts[0].id, each[0].id, f.id], origin="table")
                        each[0].meta["each"] = True
                        above, subs = [], []
                        continue
                    if f.kind == "money" and any(x.kind == "money" for x in parts):
                        parts = [x for x in parts if x.kind != "count"]  # a count row is no part of a money total
                if f is not None and f.kind == "percent" and abs(f.value - 100) > 1.5:
                    above, subs = [], []  # an average or a share of the total row itself, not a sum
                    continue
                if f is not None and len(parts) >= 2:
                    builder.rel("sum", [f.id] + [x.id for x in parts], True, origin="table")
                elif f is not None and len(parts) == 1:
                    builder.rel("sum", [f.id, parts[0].id], False, origin="table")
                above, subs = [], []
                continue
            if f is not None:
                above.append(f)
    # a "Total" column is the sum of the columns before it (women + men = total)
    tcols = [c for c in cols if _TOTAL_COL.search(header_text.get(c, "")) and not _PCT_WORD.search(header_text.get(c, ""))]
    for tc in tcols[:1]:
        for e in rows:
            t = e["facts"].get(tc)
            if t is None or t.kind == "percent":
                continue
            pcols = [c for c, f in sorted(e["facts"].items()) if c < tc and f.kind == t.kind and f.kind != "percent"]
            parts = [e["facts"][c] for c in pcols]
            each = [c for c in pcols if _PER_ITEM_LABEL.search(header_text.get(c, ""))]
            if each:
                # «Тренингов | Участников в каждом | Всего участников»: the total is the count times the per-item
                # column, not their sum
                if len(pcols) == 2 and len(each) == 1:
                    n = next(f for c, f in zip(pcols, parts) if c != each[0])
                    builder.rel("product", [n.id, e["facts"][each[0]].id, t.id], origin="table")
                continue
            if len(parts) >= 2:
                builder.rel("sum", [t.id] + [p.id for p in parts], True, origin="table")
    # shares: a percentage cell is its row's amount over the total row's amount
    money_cols = [c for c in cols if any(e["facts"].get(c) is not None and e["facts"][c].kind == "money" for e in rows)]
    pct_cols = [c for c in cols if any(e["facts"].get(c) is not None and e["facts"][c].kind == "percent" for e in rows)]
    count_cols = [c for c in cols if any(e["facts"].get(c) is not None and e["facts"][c].kind == "count" for e in rows)]
    if not pct_cols or not (money_cols or count_cols):
        return
    for pc in pct_cols:
        if _row_shares(builder, rows, header_text, pc, cols):
            continue
        mc = _main_money_col(rows, header_text, before=pc) if money_cols else None
        if mc is None:
            # a table of people or things: the share of the count column before it ("People | Share")
            before = [c for c in count_cols if c < pc] or count_cols
            mc = before[-1] if len(before) == 1 or not money_cols else None
            if mc is None or _TOTAL_COL.search(header_text.get(mc, "")) and len(before) > 1:
                continue
        total = next((e["facts"].get(mc) for e in rows if e["total"] and e["facts"].get(mc) is not None), None)
        for e in rows:
            amount = e["facts"].get(mc)
            p = e["facts"].get(pc)
            if p is None or amount is None or p.kind != "percent":
                continue
            if e["total"]:
                continue
            p.attached = True
            p.meta["part"] = amount.id
            if total is not None:
                builder.rel("share", [p.id, amount.id, total.id], origin="table")
            elif not p.meta.get("no_scope"):
                p.meta["pending_share"] = True


_PER_ITEM_LABEL = re.compile(r"(?<![\w])(?:per|each|every|на[ \u00a0]+(?:один|одну|одного|каждый|каждую|каждого)|кажд[а-яё]{1,3}|за[ \u00a0]+единицу)(?![\w])", re.I)


def _header_words(t: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{3,}+", t.lower()) if w not in ("of", "the", "per", "cent", "percent")]


def _row_shares(builder, rows: list[dict], header_text: dict, pc: int, cols: list[int]) -> bool:
    """"Women | Men | Total | Women, %": a percentage column that names another column is that
    column's cell over the row's own total cell, in every row (the total row too)."""
    words_pc = set(_header_words(_PCT_WORD.sub(" ", header_text.get(pc, ""))))
    if not words_pc:
        return False
    named = [c for c in cols if c != pc and c > 0 and not _PCT_WORD.search(header_text.get(c, ""))
             and (hw := _header_words(header_text.get(c, ""))) and set(hw) <= words_pc]
    tcols = [c for c in cols if c != pc and _TOTAL_COL.search(header_text.get(c, "")) and not _PCT_WORD.search(header_text.get(c, ""))]
    if len(named) != 1 or len(tcols) != 1 or named[0] == tcols[0]:
        return False
    nc, tc = named[0], tcols[0]
    done = False
    for e in rows:
        p, a, w = e["facts"].get(pc), e["facts"].get(nc), e["facts"].get(tc)
        if p is None or a is None or w is None or p.kind != "percent" or a.kind != w.kind or a.kind == "percent":
            continue
        p.attached = True
        p.meta["part"] = a.id
        builder.rel("share", [p.id, a.id, w.id], origin="table")
        done = True
    return done


def _column_precision(rows: list[dict]) -> None:
    """A percentage column is written to one precision: "20%" next to "27.5%" means 20.0 %."""
    cols: dict[int, list] = {}
    for e in rows:
        for c, f in e["facts"].items():
            if f.kind == "percent" and f.q is not None:
                cols.setdefault(c, []).append(f)
    for fs in cols.values():
        d = max(f.q.decimals for f in fs)
        if d > 0 and len(fs) >= 3:
            for f in fs:
                f.q.decimals = d


def rounding_diagnoses(model) -> list:
    """Table percentages written as whole numbers are the share rounded to the nearest whole:
    '4%' for EUR 250,000 of EUR 5,000,000 (5 %) is wrong even where a sentence's share may be a
    point off. Returns solve.Diagnosis objects for the cells the solver let through."""
    from app.facts.solve import Diagnosis, holds

    flagged = {d.fact.id for d in model.diagnoses}
    out = []
    F = model.facts
    for r in model.relations:
        if r.kind != "share" or r.origin != "table":
            continue
        p, part, whole = (F[i] for i in r.facts)
        if {p.id, part.id, whole.id} & flagged or p.hedge or part.hedge or whole.hedge or whole.value <= 0 or p.q is None or p.q.decimals:
            continue
        if not holds(r, model):
            continue
        exact = part.value / whole.value * 100
        if abs(p.value - exact) <= 0.5 + 1e-6:
            continue
        value = float(math.floor(exact + 0.5))
        out.append(Diagnosis("figures.share", p, [part, whole], [r], value))
        flagged.add(p.id)
    return out
