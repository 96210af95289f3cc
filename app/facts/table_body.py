"""Body figures against the Word tables that state them too (facts model, issue 10).

A body figure is matched to the table cell whose role it has, read from the table's structure, not
from fixed phrasings:

- a row by its label: the clause around the body figure names the row's label ("Training of
  judges, prosecutors and police officers … 45 % of the budget" ~ row "2. Training of judges,
  prosecutors and police | 315 000 | 35 %"; "Equipment for the 24 municipalities, EUR 450,000" ~
  "Equipment for 24 ayil okmotu | 540,000"; "58 women-led companies" ~ "Led by women | 64"): all
  of the label's content words, or its head word when no other row is touched;
- a column by its header, at the total row: a count whose noun or group is the column's header
  («450 педагогов» ~ «Педагоги … Всего 420»; "160 of them women" ~ "Women … Total 150").

Each match is a ``same`` relation (origin ``table``); the solver blames the body figure when the
table adds up (a table cell is locked by its rows and total row).
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.facts.tables import _PER_ITEM_LABEL

_STOP = {"en": {"the", "and", "for", "of", "in", "on", "to", "with", "from", "by", "at", "a", "an", "eur", "euro", "euros",
                "usd", "budget", "total", "cost", "costs", "amount", "line", "item", "items", "project", "programme", "other",
                "million", "thousand", "which", "will", "this", "that", "these", "are", "its", "their", "is", "be", "was",
                "were", "has", "have", "all", "per", "cent", "percent", "share", "number", "each", "them", "whom", "who",
                "part", "largest", "biggest", "main", "component", "output", "outputs", "activity", "activities", "new",
                "also", "more", "than", "about", "over", "some", "most", "one", "two", "three"},
         "ru": {"и", "для", "на", "в", "во", "по", "с", "со", "из", "от", "к", "за", "евро", "бюджет", "бюджета", "сумма",
                "итого", "всего", "проект", "проекта", "статья", "расходы", "расходов", "млн", "тыс", "прочие", "другие",
                "это", "будет", "будут", "которые", "который", "доля", "процентов", "процента", "их", "них", "том", "числе",
                "всех", "все", "составит", "составляет", "составили", "году", "года", "год", "более", "около", "также",
                "компонент", "направление", "статьи"}}
_EN_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person"}


@lru_cache(maxsize=8192)
def _ru_lemma(w: str) -> str:
    """A Russian word's lemma: a short noun's first five letters keep its ending («школы», «школах»)."""
    from app.language import morph

    p = morph().parse(w.replace("ё", "е"))
    return p[0].normal_form.replace("ё", "е") if p else w


def _stem(w: str, lang: str) -> str:
    w = w.lower().replace("ё", "е")
    if lang == "en":
        w = _EN_IRREGULAR.get(w, w)
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
    return w[:5]


def stems(text: str, lang: str) -> list[str]:
    """Content-word stems in order (first five letters, English plurals made singular)."""
    stop = _STOP.get(lang, set())
    out: list[str] = []
    for w in re.findall(r"[^\W\d_]{3,}+", text.lower()):
        if w in stop:
            continue
        s = _stem(w, lang)
        if s not in out:
            out.append(s)
    return out


def _window(b, ws, fs, x) -> set[str]:
    """The stems of the clause around body figure x: the words between its neighbouring figures,
    at most fourteen before and six after, and the figure's own noun."""
    i0, i1 = b._widx(ws, x.start), b._widx(ws, x.end)
    kinds = ("money", "percent", "count") if x.kind == "count" else ("money", "percent")
    prv = max([b._widx(ws, o.end) for o in fs if o.end <= x.start and o.kind in kinds] + [0])
    nxt = min([b._widx(ws, o.start) for o in fs if o.start >= x.end and o.kind in kinds] + [len(ws)])
    lo, hi = max(prv, i0 - 14), min(nxt, i1 + 6)
    near: set[str] = set()
    for w in ws[lo:i0] + ws[i1:hi]:
        raw = b.text[w.start:w.end]
        if len(raw) >= 3 and raw.isupper():
            continue  # the dateline's place (BOKHTAR, 19 January …) is not a row's name
        near |= set(stems(w.norm, b.lang))
    near |= set(stems(x.text, b.lang))
    return near


_AGE_WORDS = {"лет", "года", "год", "годы", "возраст", "возрасте", "years", "year", "aged", "age", "old", "ages"}


def label_stems(label: str, lang: str) -> list[str]:
    """A row label's stems; a label that is only numbers and age words ("35–49", «30–44 года», "16–17 years")
    is named by its numbers ("#35", "#49"): "aged between 35 and 49", «в возрасте от 30 до 44 лет»."""
    st = stems(label, lang)
    nums = re.findall(r"(?<![\d.,])\d{1,3}(?![\d.,])", label)
    rest = [s for s in st if s not in {_stem(w, lang) for w in _AGE_WORDS}]
    if len(nums) >= 2 and not rest:
        return ["#" + n for n in nums]
    return st


def _number_tokens(b, ws, fs, x) -> set[str]:
    """The plain numbers (not figures) within eight words after x or six before it: "#35", "#49"."""
    i0, i1 = b._widx(ws, x.start), b._widx(ws, x.end)
    out = set()
    for w in ws[max(0, i0 - 6):i0] + ws[i1:i1 + 8]:
        if w.norm.isdigit() and len(w.norm) <= 3 and not any(o.start <= w.start < o.end for o in fs if o is not x):
            out.add("#" + w.norm)
    return out


def _sentence_stems(b, ws) -> set[str]:
    out: set[str] = set()
    for w in ws:
        out |= set(stems(w.norm, b.lang))
    return out


def _row_match(cands: list[tuple], near: set[str], sentence: set[str] | None = None):
    """The one row the clause names: all of its label's content words (and no other row more than
    half named), or its head word when no other row is touched at all. A sentence that names
    another row fully is a list of rows («50 студентов будут изучать … кирпичной кладки, резьбы
    по ганчу и …»), even where the clause window stops before it: then no row is the one."""
    if sentence:
        full = [key for key, st, _ in cands if st and all(s in sentence for s in st)]
        if len(full) > 1:
            return None
    scored = []
    for key, st, cell in cands:
        hit = [s for s in st if s in near]
        if hit:
            scored.append((len(hit) / len(st), st[0] in near, key, cell))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    best = scored[0]
    rest = scored[1:]
    if best[0] >= 1.0 and all(r[0] <= 0.5 for r in rest):
        return best[3]
    if best[1] and not rest:
        return best[3]
    return None


def body_vs_table(b) -> None:
    model = b.model
    F = model.facts
    tables = getattr(model, "tables", None) or {}
    if not tables:
        return
    linked = set()
    for r in model.relations:
        if r.kind == "same":
            a, c = F[r.facts[0]], F[r.facts[1]]
            if bool(a.table) != bool(c.table):
                linked.add(c.id if a.table else a.id)
    # rows: per kind, the one cell of that kind in a non-total row
    row_cands: dict[str, list[tuple]] = {"money": [], "percent": [], "count": []}
    each_cands: list[tuple] = []  # a row's per-item count cell («Участников в каждом»), for a body count "по N в каждой"
    col_totals: list[tuple] = []  # (stems of the column header, total-row cell)
    all_rows: list[list[str]] = []  # every non-total row's label stems
    for t_i, t in tables.items():
        header = t["header"]
        for e in t["rows"]:
            by_kind: dict[str, list] = {}
            for c, f in e["facts"].items():
                by_kind.setdefault(f.kind, []).append(f)
            if e["total"]:
                groups = [c for c, f in e["facts"].items() if f.kind == "count" and _people(b.lang, header.get(c, ""))]
                for c, f in e["facts"].items():
                    if f.kind == "count":
                        hs = stems(header.get(c, ""), b.lang)
                        if _TOTAL_HEAD.search(header.get(c, "")) and len(groups) >= 2:
                            hs = ["@people"]  # "Women | Men | Total": the total column counts people
                            f.meta["people_col"] = True
                        if hs:
                            col_totals.append((hs, f))
                continue
            st = label_stems(e["label"], b.lang)
            if not st:
                continue
            all_rows.append(st)
            for kind, cells in by_kind.items():
                if kind == "count" and len(cells) > 1:
                    per = [f for f in cells if _PER_ITEM_LABEL.search(header.get(f.table[2], ""))]
                    if len(per) == 1:
                        each_cands.append(((t_i, e["row"]), st, per[0]))
                    # "Women | Men | Total": a plain count of the row is its total cell
                    cells = [f for f in cells if _TOTAL_HEAD.search(header.get(f.table[2], ""))]
                # a row with a grant size and an amount: which one the body means is not certain
                if len(cells) == 1 and kind in row_cands:
                    row_cands[kind].append(((t_i, e["row"]), st, cells[0]))
    related_by_share = {F[r.facts[0]].id for r in model.relations if r.kind == "share"}
    for k, fs in enumerate(b.sent_facts):
        ws = b.sent_words[k]
        sentence = None  # its stems, read once for the sentence's first body figure that needs them
        for x in fs:
            if x.table or x.id in linked or x.kind not in ("money", "percent", "count") or x.place in ("header", "footer"):
                continue
            if (x.kind != "count" and (x.meta.get("each") or x.meta.get("product"))) or x.meta.get("no_scope") or x.meta.get("aggregate"):
                continue
            if x.kind == "money" and (x.role in ("eu", "cofin") or x.role == "total" and x.meta.get("strong")):
                continue  # the scope's facts: the same role in the table is the same fact already
            if x.kind == "money" and (x.hedge == "max" or x.subset):
                continue  # «Кредиты предоставляются в размере до 200 000 евро», «средний размер кредита в 2026 году — 48 000»: a cap, a part
            if x.kind == "percent" and (x.attached or x.id in related_by_share):
                continue
            near = _window(b, ws, fs, x)
            if x.kind == "count":
                near |= _number_tokens(b, ws, fs, x)  # "48 teachers, is aged between 35 and 49" ~ row "35–49"
            cands = row_cands[x.kind]
            if x.kind == "count" and x.meta.get("each") is True and "items_of" in x.meta:
                # «по двенадцать человек в каждой из десяти групп»: the row's per-item cell, never its total
                cands = each_cands
            if x.kind == "money":
                cands = [c for c in cands if c[2].unit in (x.unit, "?", "")]
            if x.kind == "count":
                cands = [c for c in cands if _counts_this(b, x, tables[c[2].table[0]]["header"].get(c[2].table[2], ""))
                         or _label_counts(b, x, c[2].label or "")]
            if sentence is None and cands:
                sentence = _sentence_stems(b, ws)
            cell = _row_match(cands, near, sentence)
            if cell is not None and x.kind == "money" and x.role == "total" and not set(_label(tables, cell)) <= near:
                cell = None  # "will cost EUR 400,000": a line's cost only when the clause names the whole label
            if cell is None and x.kind == "money" and x.role in (None, "other") and cands:
                cell = _named_row(b, tables, cands, near)
            if cell is None and x.kind == "count":
                cell = _column_total(b, x, col_totals, all_rows, near)
            if cell is None:
                continue
            b.rel("same", [cell.id, x.id], origin="table")
            linked.add(x.id)
    _period_roles(b, tables)
    _ambiguous_counts(b)
    _people_named_by_agreement(b)


_ANYONE = {"человек", "people", "person", "persons", "individuals"}  # nouns that may name any people


def _people_named_by_agreement(b) -> None:
    """A "Women | Men | Total" table does not say whom it counts; the body count that states its total
    ("400 people found jobs" ~ Total 400) names them. A body count of other people with another value
    («Партнеры – 45 работодателей») is then another fact, not the table's total restated («480 человек» may
    be anyone: still the table's people)."""
    F = b.model.facts
    by_cell: dict[int, list] = {}
    for r in b.model.relations:
        if r.kind == "same" and r.origin == "table" and F[r.facts[0]].meta.get("people_col") and not F[r.facts[1]].table:
            by_cell.setdefault(r.facts[0], []).append(r)
    drop = set()
    for cell, rs in by_cell.items():
        v = F[cell].value
        units = {F[r.facts[1]].unit for r in rs if abs(F[r.facts[1]].value - v) <= 1e-6 * max(v, 1)}
        if units:
            drop |= {id(r) for r in rs if F[r.facts[1]].unit not in units and F[r.facts[1]].unit not in _ANYONE}
    if drop:
        b.model.relations[:] = [r for r in b.model.relations if id(r) not in drop]


_PERIOD = re.compile(r"(?<![\w])(?:год[а-я]{0,2}|year|phase|stage|этап[а-я]{0,2}|фаз[а-я]{0,2}|транш[а-я]{0,2}|tranche)(?![\w])", re.I)


def _period_roles(b, tables: dict) -> None:
    """«Вклад ЕС в этом году составит 415 000 евро» and a table captioned «Бюджет второго года
    проекта:» with the EU's row at 405 000: a qualified body amount (a year's, a phase's) is the
    same fact as the row of its role in a table captioned for a period — when each is the only one."""
    F = b.model.facts
    for role in ("eu", "cofin", "total"):
        body = [f for f in F if f.kind == "money" and not f.table and f.role == role and f.subset
                and not f.meta.get("no_scope") and not f.hedge and f.place not in ("header", "footer")]
        if len(body) != 1:
            continue
        x = body[0]
        if any(r.kind == "same" and x.id in r.facts for r in b.model.relations):
            continue
        rows = []
        for t in tables.values():
            if not _PERIOD.search(t.get("caption", "")):
                continue
            for e in t["rows"]:
                if e["role"] != role or (role == "total") != bool(e["total"]):
                    continue
                cells = [f for f in e["facts"].values() if f.kind == "money" and f.meta.get("main_col") and f.unit in (x.unit, "?")]
                rows += cells
        if len(rows) == 1:
            b.rel("same", [rows[0].id, x.id], origin="table")


_TOTAL_HEAD = re.compile(r"^\W*(?:итого|всего|total|overall)\b", re.I)


def _people(lang: str, header: str) -> bool:
    from app.facts.model import _people as people

    w = header.strip().lower()
    return bool(w) and people(lang, w)


_COUNT_HEADER = re.compile(r"человек|участник|количеств|число|кол-во|number|participants|people|persons|count|"
                           r"beneficiar|бенефициар|получател", re.I)


def _named_row(b, tables: dict, cands: list[tuple], near: set[str]):
    """"Damu adds EUR 380,000" ~ row "Partner (Damu Fund) | 360,000": the one row whose label holds a name (a
    capitalised word after the label's first) that the clause names, no other row's label touched."""
    hits = []
    for key, st, cell in cands:
        t, r, _ = cell.table
        lab = next((e["label"] for e in tables[t]["rows"] if e["row"] == r), "")
        names = {_stem(w, b.lang) for w in re.findall(r"[^\W\d_]{3,}+", lab)[1:] if w[:1].isupper()}
        if names & near:
            hits.append(cell)
        elif any(s_ in near for s_ in st):
            return None
    return hits[0] if len(hits) == 1 else None


def _label(tables: dict, cell) -> list[str]:
    t, r, _ = cell.table
    lab = next((e["label"] for e in tables[t]["rows"] if e["row"] == r), "")
    return stems(lab, "ru" if re.search(r"[а-яё]", lab, re.I) else "en")


def _noun_stems(b, x) -> set[str]:
    out = set(stems(x.unit or "", b.lang))
    if x.q and x.q.noun_start >= 0:
        out |= set(stems(b.text[x.q.noun_start:x.q.noun_end], b.lang))
    return out


def _counts_this(b, x, header: str) -> bool:
    """A row's count cell answers a body count when its column counts that noun ("Schools" for
    "15 schools") or counts in general ("Number of grants", «Количество»), not an area or a length."""
    if _COUNT_HEADER.search(header) or _TOTAL_HEAD.search(header) and _people(b.lang, x.unit or ""):
        return True
    hs = set(stems(header, b.lang))
    if hs & _noun_stems(b, x):
        return True
    if b.lang != "ru":
        return False
    # «Школы» for «в 11 школах»: a short noun's first five letters keep its ending; compare the lemmas
    lemmas = lambda t: {_ru_lemma(w)[:5] for w in re.findall(r"[а-яё]{3,}", t.lower())}  # noqa: E731
    noun = b.text[x.q.noun_start:x.q.noun_end] if x.q and x.q.noun_start >= 0 else ""
    return bool(lemmas(header) & lemmas(noun))


def _label_counts(b, x, label: str) -> bool:
    """A key-value table's row whose label counts the body's noun: "Number of grants | 25" for "thirty
    grants", «Количество школ | 36» for «36 школ» (not «Школа медиаграмотности | 120»)."""
    return bool(_COUNT_HEADER.search(label)) and bool(set(stems(label, b.lang)) & _noun_stems(b, x))


def _column_total(b, x, col_totals: list[tuple], rows: list[tuple], near: set[str]):
    """«450 педагогов» ~ column «Педагоги» at the «Всего» row; "160 of them women" ~ column "Women"
    at the "Total" row. Not when the clause names one of the rows (a region's figure)."""
    if x.hedge == "max" or x.meta.get("items") or x.meta.get("measure") or x.meta.get("group_part"):
        return None  # "The largest group, 84 teachers": one row's figure, not the column's total
    if any(st and st[0] in near for st in rows):
        return None
    noun = _noun_stems(b, x)
    if not noun:
        return None
    people = _people(b.lang, x.unit)
    if people and not x.meta.get("group_number") and not x.subset:
        noun = noun | {"@people"}
    hits = [f for hs, f in col_totals if hs[0] in noun or set(hs) <= noun]
    if len(hits) != 1:
        return None
    return hits[0]


def _ambiguous_counts(b) -> None:
    """Two body counts in one sentence matched to one table cell with different values (two years,
    two groups): no single fact — their relations with the cell are dropped."""
    F = b.model.facts
    by_cell: dict[int, list] = {}
    for r in b.model.relations:
        if r.kind == "same" and r.origin == "table":
            a, c = F[r.facts[0]], F[r.facts[1]]
            if a.table and not c.table:
                by_cell.setdefault(a.id, []).append(r)
    drop = set()
    for cell, rs in by_cell.items():
        by_sentence: dict[int, set] = {}
        for r in rs:
            x = F[r.facts[1]]
            if not x.hedge:
                by_sentence.setdefault(x.sentence, set()).add(round(x.value, 6))
        if any(len(v) > 1 for v in by_sentence.values()):
            drop |= {id(r) for r in rs}
    if drop:
        b.model.relations[:] = [r for r in b.model.relations if id(r) not in drop]
