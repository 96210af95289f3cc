"""The facts of a release: every quantity with its span, its role and its scope, and the relations
the wording states between them. Built once per document (``facts(doc)``, cached in doc.meta).

Reading order: blocks (paragraphs, headings, table cells, headers, footers, footnotes) and their
sentences. In each sentence the quantities (app.facts.quantities) get a role from the phrase lists
of rules/facts/<lang>.yml (the words between the previous figure and this one, nearest first;
or the words right after it), and the sentence's wording gives relations: a share ("X, или 95 %"),
a whole and its parts ("X, включая Y", "Y of X", "the remaining Z"), a whole count and its groups
(«120 человек, в том числе 70 женщин и 40 мужчин»), a product ("20 grants of EUR 15,000 each, EUR
300,000 in total"), a duration and the period it spans. Across the document the same role in the
same scope (the project the figure is stated for, or the whole release) is the same fact; a
percentage with a role and no amount next to it is a share of that role in the scope's total.
Tables: a row's label gives the role, a total row is the whole of the rows above it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from app.core.document import Document
from app.facts.dates import find_dates, find_ranges, time_points
from app.facts.phrases import Word, phrase_set, words
from app.facts.quantities import Quantity, find_quantities

PLACES = ("headline", "lead", "body", "quote", "table", "header", "footer", "footnote", "boilerplate")


@dataclass
class Fact:
    id: int
    kind: str  # money | percent | count | duration | range
    start: int
    end: int
    value: float
    unit: str
    text: str
    q: Quantity | None = None
    role: str | None = None  # money: total, eu, cofin, remaining; count: the noun's lemma
    hedge: str | None = None  # min | max | approx
    scope: str = ""
    place: str = "body"
    sentence: int = -1
    block: int = -1
    label: str = ""  # a group's label («женщины»), a table row's label
    table: tuple | None = None  # (table, row, column)
    range: Any = None  # for kind == "range": app.facts.dates.Range
    attached: bool = False  # a percentage attached to an amount next to it
    subset: bool = False  # a count that is a subset or qualified (not the same fact as a plain count)
    meta: dict = field(default_factory=dict)

    @property
    def num(self):
        return self.q.num if self.q else None


@dataclass
class Relation:
    kind: str  # share | sum | same | product | duration | groups
    facts: list[int]  # share: [percent, part, whole]; sum/groups: [whole, *parts]; same: [a, b];
    #                   product: [count, each, total]; duration: [duration, range]
    complete: bool = True  # sum/groups: the parts are all of the whole (else: at most the whole)
    origin: str = "text"  # text | table | scope
    note: str = ""


@dataclass
class Facts:
    doc: Document
    facts: list[Fact] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    scopes: list[tuple[int, str]] = field(default_factory=list)  # (offset, scope) where scopes start
    tables: dict[int, dict] = field(default_factory=dict)
    weekdays: list[tuple] = field(default_factory=list)  # (weekday start, end, index, DateMention)
    _diagnoses: Any = None

    def get(self, i: int) -> Fact:
        return self.facts[i]

    @property
    def diagnoses(self):
        if self._diagnoses is None:
            from app.facts.solve import diagnose

            self._diagnoses = diagnose(self)
        return self._diagnoses

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]


def facts(doc: Document) -> Facts:
    """The facts model of doc, built on first use and cached on the document."""
    cached = doc.meta.get("facts")
    if cached is not None:
        return cached
    model = _Builder(doc).build()
    doc.meta["facts"] = model
    return model


# ----- building -----------------------------------------------------------------------------------
def _letter(c: str) -> bool:
    """phrases.WORD's letter class [^\\W\\d_] (re's \\w is isalnum() or '_', \\d is isdecimal())."""
    return c.isalnum() and not c.isdecimal()


def _straddles(text: str, i: int) -> bool:
    """Could one word of phrases.WORD run across offset i (a letter or digit run, or letters
    joined by an apostrophe)?"""
    if i <= 0 or i >= len(text):
        return False
    x, y = text[i - 1], text[i]
    if _letter(x) and _letter(y) or x.isdecimal() and y.isdecimal():
        return True
    if x in "'’" and _letter(y) and i >= 2 and _letter(text[i - 2]):
        return True
    return y in "'’" and _letter(x) and i + 1 < len(text) and _letter(text[i + 1])


PROJECT_RU = re.compile(r"(?:[Пп]роект[а-яё]{0,3}|[Пп]рограмм[а-яё]{0,3}|[Ии]нициатив[а-яё]{0,3}|[Кк]омпонент[а-яё]{0,3})"
                        r"[ \u00a0]+[«“\"]([^«»“”\"\n]{3,150}+)[»”\"]")
PROJECT_EN = re.compile(r"(?:[Pp]roject|[Pp]rogramme|[Pp]rogram|[Ii]nitiative|[Cc]omponent|[Aa]ction)[ \u00a0]+[«“\"‘']([^«»“”\"\n]{3,150}+)[»”\"’']"
                        r"|[«“\"]([^«»“”\"\n]{3,150}+)[»”\"][ \u00a0]+(?:project|programme|program|initiative)"
                        r"|(?<![\w])(?:the[ \u00a0]+)?((?:[A-Z][\w\-]{1,30}+[ \u00a0]+){1,6}+)(?:[Pp]roject|[Pp]rogramme|[Ii]nitiative)(?![\w])")
ACRONYM = re.compile(r"\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё0-9\-]{1,14}+)\)")
QUOTE_SPANS = re.compile(r"«[^«»\n]{20,2000}+»|“[^“”\n]{20,2000}+”|\"[^\"\n]{20,2000}+\"")
GROUP_LINK_EN = re.compile(r"[ \u00a0]+(?:(?P<of>of[ \u00a0]+(?:them|whom|these|those|the[ \u00a0]+participants))[ \u00a0,]+"
                           r"(?:were[ \u00a0]+|are[ \u00a0]+|being[ \u00a0]+)?|(?:were|are|was|to|for)[ \u00a0]+)(?P<w>[A-Za-z]{3,20}+)(?![\w])")
GROUP_LINK_RU = re.compile(r"[ \u00a0]+(?:(?P<of>из[ \u00a0]+(?:них|которых|участников))[ \u00a0]*(?:[—–-][ \u00a0]*|составили[ \u00a0]+|составляют[ \u00a0]+)?"
                           r"|[—–-][ \u00a0]*|составили[ \u00a0]+)(?P<w>[а-яё]{3,20}+)(?![\w])", re.I)
END_WORD = {"ru": re.compile(r"(?:до|по|заверш[а-яё]{0,6}|окончан[а-яё]{0,3}|оконч[а-яё]{0,6})[ \u00a0,]*(?:[а-яё]+[ \u00a0]+)?$", re.I),
            "en": re.compile(r"(?:until|till|to|through|by|end[a-z]{0,3}|finish[a-z]{0,3}|close[a-z]{0,1}|conclude[a-z]{0,1})[ \u00a0,]*(?:[a-z]+[ \u00a0]+)?$", re.I)}
GROUP_PLACE = re.compile(r"[ \u00a0]+(?:from|in|at|из|в|во)[ \u00a0]+(?:the[ \u00a0]+)?(?P<w>[A-ZА-ЯЁ][\w\-]{2,30}+)")
OF_IT = {"en": re.compile(r"[ \u00a0]+of[ \u00a0]+(?:it|this|that|this[ \u00a0]+amount|that[ \u00a0]+amount|the[ \u00a0]+grant|the[ \u00a0]+sum|the[ \u00a0]+total)(?![\w])", re.I),
         "ru": re.compile(r"[ \u00a0]+(?:из[ \u00a0]+(?:них|этой[ \u00a0]+суммы|этих[ \u00a0]+средств|этого[ \u00a0]+объема)|от[ \u00a0]+этой[ \u00a0]+суммы)(?![\w])", re.I)}
EU_MENTION = {"ru": re.compile(r"(?<![\w])(?:ЕС|Евросоюз|Европейск[а-яё]{1,3}[ \u00a0]+[Сс]оюз)"),
              "en": re.compile(r"(?<![\w])(?:EU|European[ \u00a0]+Union|Team[ \u00a0]+Europe)(?![\w])")}
NOT_PROJECT_EN = {"The", "This", "A", "An", "EU", "European", "Union", "Our", "Its", "Their", "New", "Pilot", "Each", "Every",
                  "That", "One", "Another", "Second", "First", "Third", "Both", "Two", "Three"}


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.lang = doc.language if doc.language in ("ru", "en") else "en"
        self.model = Facts(doc)
        self.text = doc.text
        self._starts: dict[int, list[int]] = {}
        self._rel_keys: set = set()

    # -- helpers -----------------------------------------------------------------------------------
    def add(self, kind, start, end, value, unit, q=None, **kw) -> Fact:
        f = Fact(len(self.model.facts), kind, start, end, value, unit, self.doc.span_text(start, end), q, **kw)
        if q is not None and q.meta:
            f.meta.update(q.meta)
        self.model.facts.append(f)
        return f

    def rel(self, kind, ids, complete=True, origin="text", note=""):
        ids = list(ids)
        if len(set(ids)) != len(ids):
            return
        key = (kind, tuple(ids))
        if key in self._rel_keys:
            return
        self._rel_keys.add(key)
        self.model.relations.append(Relation(kind, ids, complete, origin, note))

    def build(self) -> Facts:
        from app.checks.structure.parts import structure

        doc = self.doc
        self.structure = structure(doc)
        self.places = self._places()
        self.quotes = [(m.start(), m.end()) for m in QUOTE_SPANS.finditer(self.text)]
        self._scopes()
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        self.sent_facts: list[list[Fact]] = []
        self.sent_words: list[list[Word]] = []
        self.sent_block: list[int] = []
        self.sentences = []
        for b in doc.blocks:
            if b.kind == "table-cell":
                continue
            lo = bisect.bisect_left(starts, b.start)
            spans: list[list[int]] = []
            for k in range(lo, len(sentences)):
                s = sentences[k]
                if s.start >= b.end:
                    break
                if spans and _continues(self.text, spans[-1][1], s.start):
                    spans[-1][1] = s.end
                else:
                    spans.append([s.start, s.end])
            for a, e in spans:
                self._sentence(a, e, b)
        self._tables()
        self._weekdays()
        self._cross_sentence()
        self._scope_relations()
        return self.model

    def _places(self) -> list[tuple[int, int, str]]:
        s = self.structure
        out = []
        if s.headline:
            out.append((s.headline.start, s.headline.end, "headline"))
        if s.lead:
            out.append((s.lead.start, s.lead.end, "lead"))
        if s.boilerplate:
            out.append((s.boilerplate.start, s.boilerplate.end, "boilerplate"))
        return out

    def place_of(self, offset: int, block) -> str:
        if block.kind in ("header", "footer", "footnote"):
            return block.kind
        if block.kind == "table-cell":
            return "table"
        if block.kind == "heading" and not self.places:
            return "headline"
        for a, b, p in self.places:
            if a <= offset < b:
                return p
        for a, b in self.quotes:
            if a <= offset < b:
                return "quote"
        return "body"

    def _scopes(self) -> None:
        """Where each project's facts start. One project (or none): one scope for everything."""
        rx = PROJECT_RU if self.lang == "ru" else PROJECT_EN
        names: list[tuple[int, str]] = []
        for m in rx.finditer(self.text):
            name = next(g for g in m.groups() if g)
            name = " ".join(name.split()).strip(" .,")
            if self.lang == "en" and m.group(3):
                first = name.split()[0]
                if first in NOT_PROJECT_EN or len(name) < 4 or first.lower().startswith("eu"):
                    continue
            names.append((m.start(), name.lower()))
            acr = ACRONYM.match(self.text, m.end(), m.end() + 20) or ACRONYM.search(self.text[m.end():m.end() + 4])
            if acr:
                self.acronyms = getattr(self, "acronyms", {})
                self.acronyms[acr.group(1)] = name.lower()
        ordinal = phrase_set(self.lang, "project.ordinal")
        ws = self._all_words = words(self.text)
        for mt in ordinal.find(ws):
            names.append((ws[mt.i].start, f"#{ws[mt.i].start}"))
        for acr, name in getattr(self, "acronyms", {}).items():
            for m in re.finditer(r"(?<![\w])" + re.escape(acr) + r"(?![\w])", self.text):
                names.append((m.start(), name))
        names.sort()
        distinct = {n for _, n in names}
        if len(distinct) < 2:
            self.model.scopes = [(0, "")]
            return
        scopes = [(0, "")]
        for off, n in names:
            if scopes[-1][1] != n:
                scopes.append((off, n))
        self.model.scopes = scopes

    def scope_at(self, offset: int) -> str:
        sc = self.model.scopes
        i = bisect.bisect_right([o for o, _ in sc], offset) - 1
        return sc[max(i, 0)][1]

    # -- one sentence ------------------------------------------------------------------------------
    def _sentence(self, start: int, end: int, block) -> None:
        text = self.text[start:end]
        lang = self.lang
        ranges = find_ranges(text, lang, start)
        pts = time_points(text, lang)
        skip = [(p.start + start, p.end + start) for p in pts] + [(r.start, r.end) for r in ranges]
        qs = find_quantities(text, lang, start, skip)
        ws = self._words_of(start, end)
        idx = len(self.sent_facts)
        self.sent_words.append(ws)
        self.sent_block.append(block.index)
        place = self.place_of(start, block)
        scope = self.scope_at(start)
        fs: list[Fact] = []
        for q in qs:
            if q.kind == "number":
                q = self._group_number(text, start, q)
                if q is None:
                    continue
            f = self.add(q.kind, q.start, q.end, q.value, q.unit, q, place=place, scope=self.scope_at(q.start),
                         sentence=idx, block=block.index)
            fs.append(f)
        for r in ranges:
            fs.append(self.add("range", r.start, r.end, 0.0, r.precision, None, place=place, scope=scope,
                               sentence=idx, block=block.index, range=r))
        fs.sort(key=lambda f: f.start)
        self.sent_facts.append(fs)
        self.sentences.append((start, end))
        self._hedges(fs, ws)
        self._money_units(fs)
        self._roles(fs, ws)
        self._relations(fs, ws, text, start)

    def _words_of(self, start: int, end: int) -> list[Word]:
        """words(self.text[start:end], start), taken from the whole text's words (tokenised once,
        issue 13) when no word runs across start or end; else tokenised again."""
        allw = getattr(self, "_all_words", None)
        t = self.text
        if allw is None or _straddles(t, start) or _straddles(t, end):
            return words(t[start:end], start)
        starts = getattr(self, "_all_word_starts", None)
        if starts is None:
            starts = self._all_word_starts = [w.start for w in allw]
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, lo=i)
        while j > i and allw[j - 1].end > end:
            j -= 1
        return allw[i:j]

    def _group_number(self, text: str, base: int, q: Quantity) -> Quantity | None:
        """"40 of them women", "30 were men", «70 из них — женщины», «70 — женщины»: a count whose noun
        comes after a link."""
        if q.num is None or not q.num.integer or q.value >= 1900 and not q.num.style.group:
            return None
        rx = GROUP_LINK_RU if self.lang == "ru" else GROUP_LINK_EN
        m = rx.match(text, q.end - base, q.end - base + 60)
        if not m:
            pm = GROUP_PLACE.match(text, q.end - base, q.end - base + 50)
            if not pm:
                return None
            q2 = Quantity("count", q.start, base + pm.end(), q.value, "@" + pm.group("w").lower(), q.num,
                          noun=pm.group("w"), noun_start=base + pm.start("w"), noun_end=base + pm.end("w"))
            q2.meta["group_number"] = True
            q2.meta["place_group"] = True
            before = text[max(0, q.start - base - 12):q.start - base].lower()
            if re.search(r"(?:other|remaining|rest|остальные|оставшиеся)[ \u00a0]*$", before):
                q2.meta["remaining"] = True
            return q2
        word = m.group("w")
        lw = word.lower()
        if self.lang == "ru":
            from app.language import morph

            p = morph().parse(lw)
            if not p or p[0].tag.POS not in ("NOUN", "ADJF"):
                return None
            lemma = p[0].normal_form.replace("ё", "е")
        else:
            from app.facts.quantities import STOP_EN, _en_singular

            if lw in STOP_EN:
                return None
            if not (phrase_set("en", "people").at(words(lw), 0) or any(_pat_ok(x, lw) for pair in _complementary("en") for x in pair)):
                return None
            lemma = _en_singular(lw)
        q2 = Quantity("count", q.start, base + m.end(), q.value, lemma, q.num, noun=word,
                      noun_start=base + m.start("w"), noun_end=base + m.end("w"))
        q2.meta["of_them"] = bool(m.group("of"))
        q2.meta["group_number"] = True
        return q2

    def _widx(self, ws: list[Word], offset: int) -> int:
        key = id(ws)
        starts = self._starts.get(key)
        if starts is None or len(starts) != len(ws):
            starts = self._starts[key] = [w.start for w in ws]
        return bisect.bisect_left(starts, offset)

    def _hedges(self, fs: list[Fact], ws: list[Word]) -> None:
        hs = phrase_set(self.lang, "hedges")
        for f in fs:
            i = self._widx(ws, f.start)
            m = hs.ends_at(ws, i, max(0, i - 5))
            if m:
                f.hedge = m.label
            elif f.kind == "count" and i + 1 < len(ws):
                pass

    def _money_units(self, fs: list[Fact]) -> None:
        """«1,8 млн» without a currency takes the currency of the sentence's other amounts."""
        curs = {f.unit for f in fs if f.kind == "money" and f.unit != "?"}
        for f in fs:
            if f.kind == "money" and f.unit == "?":
                if len(curs) == 1:
                    f.unit = next(iter(curs))
                else:
                    f.kind = "number"

    def _segment_cue(self, ws, lo: int, hi: int, key: str, nearest: bool = True):
        ms = phrase_set(self.lang, key).find(ws, lo, hi)
        if not ms:
            return None
        if nearest:
            return max(ms, key=lambda m: (m.j, m.j - m.i))
        return ms

    def _roles(self, fs: list[Fact], ws: list[Word]) -> None:
        prev_end = 0
        money = [f for f in fs if f.kind in ("money", "percent")]
        roles_ps = phrase_set(self.lang, "roles")
        after_ps = phrase_set(self.lang, "roles_after")
        qual_ps = phrase_set(self.lang, "money_qualifiers")
        aggr_ps = phrase_set(self.lang, "aggregate")
        for k, f in enumerate(money):
            i = self._widx(ws, f.start)
            lo = max(prev_end, i - 12)
            if k > 0:
                # the words right after the previous amount are its own ("EUR 2 million from the EU, EUR …")
                own = [m for m in after_ps.find(ws, lo, min(i, lo + 6)) if m.i <= lo + 1]
                if own:
                    lo = max(m.j for m in own)
            prev_end = self._widx(ws, f.end)
            cue = self._segment_cue(ws, lo, i, "roles")
            role = None
            if cue is not None:
                role = cue.label
                rem = [m for m in roles_ps.find(ws, max(lo, i - 4), i) if m.label == "remaining"]
                if rem:
                    role = "remaining"
                f.meta["cue"] = (ws[cue.i].start, ws[cue.j - 1].end)
                if role == "total" and i - cue.j <= 5 and phrase_set(self.lang, "total_strong").find(ws, cue.i, cue.j + 1) \
                        and not phrase_set(self.lang, "consists").find(ws, cue.j, i):
                    f.meta["strong"] = True
                if phrase_set(self.lang, "consists").find(ws, cue.j, i):
                    f.meta["in_breakdown"] = True
                prev1 = ws[cue.i - 1].norm if cue.i > 0 else ""
                prev2 = ws[cue.i - 2].norm if cue.i > 1 else ""
                if role == "total" and i - cue.j > 2 and (prev1 in ("of", "из", "от") or (prev1 == "the" and prev2 in ("of", "out"))):
                    role = None  # "Of the total, construction works: EUR 4.3 million": a part of it
                    f.meta["part_of_total"] = True
            j = self._widx(ws, f.end)
            nxt = money[k + 1] if k + 1 < len(money) else None
            hi = min(len(ws), j + 6, self._widx(ws, nxt.start) if nxt else len(ws))
            after = [m for m in after_ps.find(ws, j, hi) if m.i <= j + 1]
            if after and (role is None or (cue is not None and cue.j < i - 3)):
                best = min(after, key=lambda m: (m.i, -(m.j - m.i)))
                role = best.label if best.label != "other" else (role if role not in ("eu", "total") else "other")
                if best.label == "other" and role is None:
                    role = "other"
                if role == "total" and phrase_set(self.lang, "total_strong").find(ws, best.i, best.j):
                    f.meta["strong"] = True
            f.role = role
            if f.kind == "money" and OF_IT[self.lang].match(self.text, f.end, f.end + 40):
                f.meta["part_of_previous"] = True
            # "for 2025 alone", «на первом этапе», "annually": a part of the fact, not the fact
            if qual_ps.find(ws, max(lo, i - 8), min(len(ws), j + 3)) or any(
                    w.norm.isdigit() and len(w.norm) == 4 and w.norm[:2] in ("19", "20") for w in ws[max(lo, i - 6):i]):
                f.subset = True
            if aggr_ps.find(ws, max(0, lo - 2), i) or aggr_ps.find(ws, j, min(len(ws), j + 3)):
                f.meta["aggregate"] = True
            if phrase_set(self.lang, "additional").find(ws, max(lo, i - 3), i):
                f.meta["additional"] = True

    # -- relations inside a sentence ---------------------------------------------------------------
    def _between(self, ws, a: Fact, b: Fact) -> tuple[int, int]:
        return self._widx(ws, a.end), self._widx(ws, b.start)

    def _only(self, ws, lo, hi, key, extra=()) -> bool:
        """The words lo..hi are made of phrases of list ``key`` (and the words in extra)."""
        if hi <= lo:
            return True
        ps = phrase_set(self.lang, key)
        i = lo
        while i < hi:
            if ws[i].norm in extra:
                i += 1
                continue
            m = ps.at(ws, i, hi)
            if m is None:
                return False
            i = m.j
        return True

    def _relations(self, fs: list[Fact], ws: list[Word], text: str, base: int) -> None:
        self._products(fs, ws)
        self._parenthetical(fs, ws)
        money = [f for f in fs if f.kind == "money" and not f.meta.get("each")]
        pcts = [f for f in fs if f.kind == "percent"]
        counts = [f for f in fs if f.kind == "count" or (f.kind == "money" and False)]
        lang = self.lang
        filler = {"the", "a", "an", "of", "в", "размере", "сумме", "сумму", "объеме", "бюджета", "бюджет", "budget",
                  "total", "overall", "общего", "общей", "общий", "project", "проекта", "programme", "программы",
                  "в", "со", "с", "of", "cost", "costs", "стоимости", ".", "составит", "составляет"}
        # whole before parts: "X, включая Y", "X: Y ... Z", "Of the X, Y"
        for k, w in enumerate(money):
            parts = []
            nxt = money[k + 1] if k + 1 < len(money) else None
            if nxt is None or nxt.unit != w.unit:
                continue
            lo, hi = self._between(ws, w, nxt)
            inc = phrase_set(lang, "includes").find(ws, lo, min(hi, lo + 4))
            cons = phrase_set(lang, "consists").find(ws, lo, min(hi, lo + 5))
            inc = inc or cons
            i0 = self._widx(ws, w.start)
            # "Of the EUR 2 million budget, …", «Из общей суммы в 2,4 млн евро …»: at the start of the sentence
            of_before = (k == 0 and i0 <= 6 and ws and ws[0].norm in ("of", "out", "из", "от") and
                         not any(x.norm in ("this", "that", "these", "it", "them", "этой", "этих", "них", "этого", "которых")
                                 for x in ws[:i0]) and
                         (phrase_set(lang, "whole_after").ends_at(ws, i0, 0) or phrase_set(lang, "part_of").ends_at(ws, i0, 0)
                          or i0 <= 5))
            of_between = self._only(ws, lo, hi, "part_of", filler) and hi > lo and \
                phrase_set(lang, "part_of").find(ws, lo, hi)
            if of_between and w.role != "total":
                # "Y of X" / «Y из X»: nxt is the whole
                w_whole = nxt
                parts = [w]
                if w_whole.role is None:
                    w_whole.role = "total"
                self._parts(w_whole, parts, money)
                continue
            if inc or (of_before and k == 0):
                parts = [m for m in money[k + 1:] if m.unit == w.unit and m.role != "total"]
                if of_before and w.role is None:
                    w.role = "total"
                if parts:
                    if w.role is None:
                        w.role = "total"
                    self._parts(w, parts, money, complete=True if cons else None)
        # a part with the role total after another total-less whole: "EU 1.8m of EUR 2m"
        # shares attached to an amount: "X, или 95 %", "X (95 %)", "95 % (X)"
        for p in pcts:
            prev = [m for m in money if m.end <= p.start]
            nxt = [m for m in money if m.start >= p.end]
            target = None
            if prev:
                a = prev[-1]
                lo, hi = self._between(ws, a, p)
                if hi - lo <= 8 and self._only(ws, lo, hi, "share_links", filler | {"of", "from", "the", "и"}):
                    target = a
            if target is None and nxt:
                b = nxt[0]
                lo, hi = self._between(ws, p, b)
                if hi - lo <= 8 and self._only(ws, lo, hi, "share_links", filler | {"or", "или"}):
                    target = b
            if target is not None:
                p.attached = True
                if target.role == "total":
                    # "X of the Y budget, i.e. 70%": the share of the part in it
                    part = next((r for r in self.model.relations if r.kind == "sum" and r.facts[0] == target.id
                                 and len(r.facts) == 2), None)
                    if part is not None:
                        self.rel("share", [p.id, part.facts[1], target.id])
                    continue
                p.meta["part"] = target.id
                p.role = target.role or p.role
                whole = self._sentence_whole(target)
                if whole is not None:
                    self.rel("share", [p.id, target.id, whole])
                else:
                    p.meta["pending_share"] = True
            elif p.role in ("eu", "cofin", "remaining"):
                # "the EU covers 80 % of the EUR 2 million budget"
                whole = next((m for m in nxt if m.role == "total" or phrase_set(lang, "part_of").find(ws, *self._between(ws, p, m))), None)
                if whole is not None and whole.role in (None, "total"):
                    whole.role = "total"
                    p.meta["whole"] = whole.id
                p.meta["pending_share"] = True
        self._groups(counts, fs, ws)
        self._durations(fs, ws)

    def _parenthetical(self, fs: list[Fact], ws: list[Word]) -> None:
        """"85 percent of the EUR 350,000 budget (EUR 297,500)": the amount in brackets is the share's part."""
        for k, f in enumerate(fs):
            if f.kind != "money" or f.role not in (None, "total") or k < 2:
                continue
            if not self.text[max(0, f.start - 2):f.start].strip().endswith("("):
                continue
            whole, pct = fs[k - 1], None
            if whole.kind != "money":
                continue
            pct = next((p for p in reversed(fs[:k - 1]) if p.kind == "percent"), None)
            if pct is None or pct.role not in ("eu", "cofin", "remaining"):
                continue
            f.role = pct.role
            whole.role = whole.role or "total"
            pct.attached = True
            pct.meta["part"] = f.id
            pct.meta["whole"] = whole.id
            self.rel("share", [pct.id, f.id, whole.id])
            f.meta["whole"] = whole.id

    def _sentence_whole(self, part: Fact) -> int | None:
        for r in self.model.relations:
            if r.kind == "sum" and part.id in r.facts[1:]:
                return r.facts[0]
        return None

    def _parts(self, whole: Fact, parts: list[Fact], money: list[Fact], complete: bool | None = None) -> None:
        roles = {p.role for p in parts}
        if complete is None:
            complete = "remaining" in roles or ({"eu", "cofin"} <= roles and "other" not in roles and None not in roles) \
                or ("eu" in roles and len(parts) >= 2 and None not in roles and not any(p.hedge for p in parts))
        self.rel("sum", [whole.id] + [p.id for p in parts], complete)
        for p in parts:
            p.meta["whole"] = whole.id

    def _groups(self, counts: list[Fact], fs: list[Fact], ws: list[Word]) -> None:
        """«120 человек, в том числе 70 женщин и 40 мужчин», "65 journalists, 40 of them women and 30 men",
        "350 farmers (140 women, 230 men)", "143 applications: 71 from Karakalpakstan and 82 from Khorezm"."""
        lang = self.lang
        cs = [f for f in fs if f.kind == "count"]
        inc_ps = phrase_set(lang, "includes")
        tot_ps = phrase_set(lang, "in_total")
        used: set[int] = set()
        for k, w in enumerate(cs):
            if w.meta.get("of_them") or w.meta.get("group_number") or w.subset or w.id in used:
                continue
            i0 = self._widx(ws, w.start)
            if k > 0 and i0 >= 1 and ws[i0 - 1].norm in ("из", "from", "of", "in", "в", "across") and \
                    self._widx(ws, w.start) - self._widx(ws, cs[k - 1].end) <= 3:
                continue  # «145 журналистов из 11 редакций»: a qualifier of the count before
            later = [g for g in self._group_members(w, fs, ws)]
            # skip qualifiers of the whole («из 11 региональных редакций») at the head of the list
            while later and later[0].start - w.end < 40 and self.text[w.end:later[0].start].strip().lower() in ("из", "from", "of", "in", "в", "across"):
                used.add(later[0].id)
                later = later[1:]
            if not later:
                continue
            i = self._widx(ws, w.end)
            hi = self._widx(ws, later[0].start)
            link = inc_ps.find(ws, i, hi) or (i < len(ws) and ws[i].norm == "(") or any(ws[x].norm == ":" for x in range(i, hi))
            of_before = phrase_set(lang, "whole_after").ends_at(ws, i0, max(0, i0 - 4))
            if not (link or of_before or any(g.meta.get("of_them") for g in later)):
                continue
            if re.search(r"(?:^|[^\w])по[ \u00a0]$", self.text[max(0, w.start - 4):w.start].lower()):
                continue  # «по 20 участников в каждом»
            if len(later) < 2 and not (inc_ps.find(ws, i, hi) or of_before or later[0].meta.get("of_them")):
                continue
            self._group_rel(w, later)
            used.update(g.id for g in later)
        # "40 schools and 25 health posts – 60 facilities in total": the whole after its groups
        for k, w in enumerate(cs):
            if k < 2 or w.subset or w.id in used:
                continue
            i0 = self._widx(ws, w.start)
            if not tot_ps.find(ws, max(0, i0 - 4), i0):
                continue
            groups = [g for g in cs[:k] if not g.subset and g.id not in used and g.unit != w.unit and not _per_item(self.text, g)]
            if len(groups) >= 2:
                w.meta["stated_sum"] = True
                self._group_rel(w, groups, complete=True)

    def _group_members(self, whole: Fact, fs: list[Fact], ws: list[Word]) -> list[Fact]:
        out = []
        for f in fs:
            if f.start <= whole.start:
                continue
            if f.kind != "count":
                if f.kind in ("money", "percent"):
                    break
                continue
            if whole.meta.get("measure"):
                if f.unit != whole.unit:
                    break
            elif f.unit == whole.unit and not f.meta.get("group_number"):
                break
            if f.meta.get("each"):
                break
            pre = self.text[max(0, f.start - 4):f.start].lower()
            if re.search(r"(?:^|[^\w])по[ \u00a0]$", pre) or re.match(r"[ \u00a0,]*(?:в[ \u00a0]+каждом|каждый|each|per|apiece)",
                                                                         self.text[f.end:f.end + 14], re.I):
                break  # «по 20 участников в каждом»: per item, not a group
            prev_end = out[-1].end if out else whole.end
            gap = self.text[prev_end:f.start]
            if out and (len(gap) > 30 or ")" in gap or ";" in gap):
                break
            out.append(f)
        return out

    def _group_rel(self, whole: Fact, groups: list[Fact], complete: bool = False) -> None:
        labels = [g.label or g.unit for g in groups] + [g.q.noun for g in groups if g.q and g.q.noun]
        sets = _complementary(self.lang)
        for pair in sets:
            hit = [any(_pat_ok(p, lab) for lab in labels) for p in pair]
            if all(hit) and len(groups) == len(pair) and all(any(_pat_ok(p, g.unit) or (g.q and _pat_ok(p, g.q.noun.lower())) for p in pair) for g in groups):
                complete = True
        if any(g.meta.get("remaining") for g in groups):
            complete = True
        for g in groups:
            g.subset = True
        whole.meta["groups"] = [g.id for g in groups]
        self.rel("groups", [whole.id] + [g.id for g in groups], complete)

    def _products(self, fs: list[Fact], ws: list[Word]) -> None:
        """"20 grants of EUR 15,000 each, EUR 300,000 in total", «10 грантов по 5 000 евро на общую сумму 50 000 евро»."""
        lang = self.lang
        money = [f for f in fs if f.kind == "money"]
        counts = [f for f in fs if f.kind == "count"]
        each_ps = phrase_set(lang, "each")
        tot_ps = phrase_set(lang, "in_total")
        for x in money:
            i0, i1 = self._widx(ws, x.start), self._widx(ws, x.end)
            each = each_ps.find(ws, i1, min(len(ws), i1 + 3)) or each_ps.find(ws, max(0, i0 - 3), i0)
            po = lang == "ru" and i0 > 0 and ws[i0 - 1].norm == "по"
            if not each and not po:
                continue
            n = next((c for c in reversed(counts) if c.end <= x.start and self._widx(ws, x.start) - self._widx(ws, c.end) <= 6), None)
            if n is None:
                n = next((c for c in counts if c.start >= x.end and self._widx(ws, c.start) - i1 <= 4), None)
            if n is None:
                continue
            tot = None
            for t in money:
                if t is x or t.unit != x.unit:
                    continue
                j0, j1 = self._widx(ws, t.start), self._widx(ws, t.end)
                if tot_ps.find(ws, max(0, j0 - 4), j0) or tot_ps.find(ws, j1, min(len(ws), j1 + 3)):
                    tot = t
            if tot is None:
                n.meta["each"] = x.id
                x.meta["each"] = True
                continue
            x.meta["each"] = True
            tot.meta["product"] = True
            self.rel("product", [n.id, x.id, tot.id])

    def _durations(self, fs: list[Fact], ws: list[Word]) -> None:
        durs = [f for f in fs if f.kind == "duration" and f.unit in ("months", "years", "days", "weeks")]
        rngs = [f for f in fs if f.kind == "range"]
        if durs and not rngs:
            r = self._split_range(fs)
            if r is not None:
                rngs = [r]
        for d in durs:
            if not rngs:
                continue
            if d.unit in ("days", "weeks"):
                cands = [r for r in rngs if r.range.precision == "day" and r.range.days() is not None and r.range.days() <= 62]
            else:
                cands = [r for r in rngs if r.range.precision != "day" or (r.range.months() or 0) >= 2]
            if not cands:
                continue
            r = min(cands, key=lambda r: abs(r.start - d.end) if r.start >= d.end else abs(d.start - r.end) + 5)
            gap = (r.start - d.end) if r.start >= d.end else (d.start - r.end)
            inside = self.text[min(d.end, r.end):max(d.start, r.start)]
            if gap > 30 and not ("(" in inside or "–" in inside or "—" in inside or ":" in inside):
                continue
            if gap > 250:
                continue
            self.rel("duration", [d.id, r.id])
            d.meta["range"] = r.id
            r.meta["paired"] = True

    def _split_range(self, fs: list[Fact]) -> Fact | None:
        """«начнётся 1 декабря 2025 года и продлится 24 месяца, до 31 мая 2028 года»: a start and an end."""
        if not fs:
            return None
        s0 = fs[0].start
        k = len(self.sent_facts)
        a, e = self.sentences[-1] if self.sentences else (s0, s0)
        text = self.text[a:e]
        pts = [p for p in time_points(text, self.lang) if p.month and p.year]
        if len(pts) != 2:
            return None
        p1, p2 = pts
        if not END_WORD[self.lang].search(text[max(0, p2.start - 25):p2.start]):
            return None
        from app.facts.dates import Range, TimePoint

        t1 = TimePoint(a + p1.start, a + p1.end, p1.year, p1.month, p1.day)
        t2 = TimePoint(a + p2.start, a + p2.end, p2.year, p2.month, p2.day)
        if (t2.year, t2.month, t2.day or 0) <= (t1.year, t1.month, t1.day or 0):
            return None
        R = Range(t1.start, t2.end, t1, t2)
        f = self.add("range", t2.start, t2.end, 0.0, R.precision, None, place=fs[0].place, scope=fs[0].scope,
                     sentence=fs[0].sentence, block=fs[0].block, range=R)
        f.meta["split"] = True
        return f

    # -- across sentences --------------------------------------------------------------------------
    def _cross_sentence(self) -> None:
        """"Of them" in the next sentence, a remaining part stated after the whole and the other parts."""
        lang = self.lang
        inc = phrase_set(lang, "includes")
        for k in range(1, len(self.sent_facts)):
            fs, prev = self.sent_facts[k], self.sent_facts[k - 1]
            ws = self.sent_words[k]
            if not fs:
                continue
            m = inc.at(ws, 0) if ws else None
            if m is None:
                continue
            groups = [f for f in fs if f.kind == "count" and not f.meta.get("measure")]
            pc = []
            for back in range(k - 1, max(-1, k - 4), -1):
                pc = [f for f in self.sent_facts[back] if f.kind == "count" and not f.subset and not f.meta.get("measure")
                      and not f.meta.get("groups")]
                if pc:
                    break
            if pc and len(groups) >= 2 and not any(g.meta.get("groups") for g in groups):
                self._group_rel(pc[-1], groups)
            if self.sent_block[k] != self.sent_block[k - 1]:
                continue
            if any(f.kind == "money" and f.role == "total" for f in fs):
                continue  # «Из общей суммы в 2,4 млн евро …»: the sentence states its own whole
            first_money = next((f for f in fs if f.kind == "money"), None)
            if first_money is not None and self._widx(ws, first_money.start) - m.j <= 2:
                continue  # "Of that $50 million, $600,000 …": the whole restated
            pm = [f for f in prev if f.kind == "money" and not f.meta.get("each")]
            parts = [f for f in fs if f.kind == "money" and pm and f.unit == pm[-1].unit and not f.meta.get("each")]
            if pm and parts:
                if pm[-1].role is None:
                    pm[-1].role = "total"
                self._parts(pm[-1], parts, pm)

    def _scope_relations(self) -> None:
        """The same role in the same scope is the same fact; a release's total is the whole of the
        EU's part, co-financing and "the remaining"; a share is the part's share of that total."""
        if not EU_MENTION[self.lang].search(self.text):
            return  # not an EU release: figures are compared only where a sentence relates them
        by_scope: dict[str, list[Fact]] = {}
        for f in self.model.facts:
            by_scope.setdefault(f.scope, []).append(f)
        multi = len(self.model.scopes) > 1
        for scope, fs in by_scope.items():
            if multi and scope == "":
                continue
            usable = [f for f in fs if f.kind == "money" and not (f.meta.get("no_scope") or f.meta.get("each")
                                                                   or f.meta.get("product") or f.meta.get("aggregate"))]
            money = [f for f in usable if f.role in ("total", "eu", "cofin", "remaining")]
            others = any(f.role == "other" and not f.subset for f in usable)
            cur = {}
            for f in money:
                cur.setdefault(f.unit, []).append(f)
            for unit, ms in cur.items():
                self._same_chain([f for f in ms if f.role == "total" and f.meta.get("strong")])
                self._same_chain([f for f in ms if f.role == "eu"])
                self._same_chain([f for f in ms if f.role == "cofin"])
                totals = [f for f in ms if f.role == "total" and not f.subset and not f.hedge]
                if not totals:
                    continue
                # a scope-level sum when no sentence states one
                parts = {}
                for f in ms:
                    inner = "whole" in f.meta and self.model.facts[f.meta["whole"]].role not in ("total", None)
                    if f.role in ("eu", "cofin", "remaining") and f.role not in parts and f.hedge is None \
                            and not f.subset and not f.meta.get("additional") and not inner:
                        parts[f.role] = f
                if len(parts) >= 2 or "remaining" in parts:
                    covered = any(r.kind == "sum" and (set(p.id for p in parts.values()) <= set(r.facts[1:]) or
                                  set(parts) <= {self.model.facts[i].role for i in r.facts[1:]})
                                  for r in self.model.relations)
                    if not covered:
                        whole = _nearest(totals, list(parts.values()))
                        complete = "remaining" in parts or ({"eu", "cofin"} <= set(parts) and not others)
                        self.rel("sum", [whole.id] + [p.id for p in sorted(parts.values(), key=lambda f: f.start)],
                                 complete, origin="scope")
                elif len(parts) == 1:
                    p = next(iter(parts.values()))
                    if not any(r.kind == "sum" and p.id in r.facts[1:] for r in self.model.relations):
                        whole = _nearest(totals, [p])
                        self.rel("sum", [whole.id, p.id], False, origin="scope")
            for f in usable:
                if f.meta.get("part_of_total"):
                    totals = [t for t in usable if t.role == "total" and t.unit == f.unit and not t.subset and t is not f]
                    if totals:
                        self.rel("sum", [_nearest(totals, [f]).id, f.id], False, origin="scope")
                if f.meta.get("part_of_previous"):
                    before = [t for t in usable if t.unit == f.unit and t.end <= f.start and t.sentence != f.sentence]
                    if before:
                        self.rel("sum", [before[-1].id, f.id], False)
            # shares waiting for a whole
            for p in [f for f in fs if f.kind == "percent" and f.meta.get("pending_share")]:
                part = self.model.facts[p.meta["part"]] if "part" in p.meta else None
                unit = part.unit if part else None
                if part is None and p.role in ("eu", "cofin", "remaining"):
                    cands = [f for f in money if f.role == p.role and not f.hedge and not f.subset]
                    if not cands:
                        continue
                    part = _nearest(cands, [p])
                    unit = part.unit
                if part is None:
                    continue
                if "whole" in p.meta:
                    whole = self.model.facts[p.meta["whole"]]
                else:
                    totals = [f for f in money if f.role == "total" and f.unit == unit and not f.subset and not f.hedge]
                    if not totals:
                        continue
                    whole = _nearest(totals, [p])
                if whole.id != part.id:
                    self.rel("share", [p.id, part.id, whole.id], origin="scope")
            self._same_counts([f for f in fs if f.kind == "count"])
            self._same_durations([f for f in fs if f.kind == "duration"])

    def _same_chain(self, ms: list[Fact]) -> None:
        ms = [f for f in ms if not (f.subset or f.meta.get("aggregate") or f.meta.get("additional")
                                    or f.meta.get("each") or f.meta.get("product") or f.meta.get("no_scope"))]
        distinct = []
        for f in ms:
            if not any(abs(f.value - v) <= 1e-6 * max(v, 1) for v in distinct):
                distinct.append(f.value)
        if len(distinct) > 2:
            return  # several things share a role here (years, phases, grants): no single fact
        for a, b in zip(ms, ms[1:]):
            self.rel("same", [a.id, b.id], origin="scope")

    def _same_counts(self, cs: list[Fact]) -> None:
        people = phrase_set(self.lang, "people")
        quals = set(str(x) for x in (phrase_set_list(self.lang, "qualifiers")))
        plain: dict[str, list[Fact]] = {}
        for c in cs:
            if c.subset or c.meta.get("groups") or c.meta.get("each") or c.table:
                continue
            ws = words(self.text[c.q.noun_start:c.q.noun_end]) if c.q and c.q.noun_start >= 0 else []
            if not ws or not people.at(ws, 0):
                continue
            after = self.text[c.end:c.end + 25].lower()
            nxt = re.match(r"[ \u00a0]*([a-zа-яё]+)", after)
            if nxt and nxt.group(1) in quals:
                continue
            plain.setdefault(c.unit, []).append(c)
        for unit, fs in plain.items():
            self._same_chain(fs)

    def _same_durations(self, ds: list[Fact]) -> None:
        """The project's duration and its period stated in different sentences («Двухлетний проект …».
        «Проект охватывает период 2024–2027 годов»): paired when each is the only one of the scope."""
        days = [d for d in ds if d.unit == "days" and "range" not in d.meta and d.place != "quote"]
        if days:
            rd = [f for f in self.model.facts if f.kind == "range" and f.scope == days[0].scope and not f.meta.get("paired")
                  and f.range.precision == "day" and (f.range.days() or 99) <= 31 and f.place != "quote"]
            if len(rd) == 1 and len({d.value for d in days}) == 1:
                for d in days:
                    self.rel("duration", [d.id, rd[0].id], origin="scope")
        durs = [d for d in ds if d.unit in ("years", "months") and "range" not in d.meta and d.place != "quote"]
        if not durs:
            return
        scope = durs[0].scope
        rngs = [f for f in self.model.facts if f.kind == "range" and f.scope == scope and not f.meta.get("paired")
                and f.range.precision in ("year", "month") and f.place != "quote"]
        vals = {round(d.value * (12 if d.unit == "years" else 1)) for d in durs}
        spans = {(r.range.first.year, r.range.first.month, r.range.last.year, r.range.last.month) for r in rngs}
        if len(vals) != 1 or len(spans) != 1:
            return
        for d in durs:
            for r in rngs:
                self.rel("duration", [d.id, r.id], origin="scope")

    # -- tables --------------------------------------------------------------------------------------
    def _tables(self) -> None:
        from app.facts.tables import read_tables

        read_tables(self)

    # -- weekdays ------------------------------------------------------------------------------------
    def _weekdays(self) -> None:
        from app.facts.dates import EN_WEEKDAY, RU_WEEKDAY, weekday_index

        rx = RU_WEEKDAY if self.lang == "ru" else re.compile(
            r"(?<![\w])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?![\w])")
        for b in self.doc.blocks:
            t = self.text[b.start:b.end]
            for d in find_dates(t, self.lang):
                pre = t[max(0, d.start - 25):d.start]
                post = t[d.end:d.end + 25]
                hit = None
                mb = re.search(r"(" + rx.pattern + r")[,.]?[ \u00a0]*(?:the[ \u00a0]+)?$", pre, rx.flags)
                if mb:
                    s = d.start - len(pre) + mb.start(1)
                    hit = (b.start + s, b.start + s + len(mb.group(1)))
                else:
                    ma = re.match(r"^(?:[ \u00a0]*(?:года|г\.))?[ \u00a0]*[(,][ \u00a0]*(?:в[ \u00a0]+|on[ \u00a0]+)?(" + rx.pattern + r")", post, rx.flags)
                    if ma:
                        s = d.end + ma.start(1)
                        hit = (b.start + s, b.start + s + len(ma.group(1)))
                if hit is None:
                    continue
                word = self.text[hit[0]:hit[1]]
                idx = _weekday_idx(word)
                if idx is None:
                    continue
                dm = type(d)(b.start + d.start, b.start + d.end, d.day, d.month, d.year)
                self.model.weekdays.append((hit[0], hit[1], idx, dm))


_ABBR_END = re.compile(r"(?:(?<![\w])(?:i\.\s?e|e\.\s?g|т\.\s?е|т\.\s?к|т\.\s?н|напр|approx|ca|incl|млн|млрд|тыс|долл|руб|г|гг|ст|мин|No|no|Nos)\.)\s*$")


def _continues(text: str, prev_end: int, start: int) -> bool:
    """razdel ends a sentence after «т.е.», "i.e.", «млн.»: the next one continues it when it
    starts with a digit or a lower-case letter."""
    nxt = text[start:start + 1]
    if not nxt or not (nxt.isdigit() or nxt.islower() or nxt in "%(«\"“"):
        return False
    return bool(_ABBR_END.search(text[max(0, prev_end - 8):prev_end]))


def _per_item(text: str, f: Fact) -> bool:
    """«по 20 участников в каждом», "20 participants each": a figure per item."""
    return bool(re.search(r"(?:^|[^\w])по[ \u00a0]$", text[max(0, f.start - 4):f.start].lower())
                or re.match(r"[ \u00a0,]*(?:в[ \u00a0]+каждом|каждый|each|per|apiece)", text[f.end:f.end + 14], re.I))


def _weekday_idx(word: str) -> int | None:
    from app.facts.dates import weekday_index

    w = word.lower().rstrip(".")
    en = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
    if w in en:
        return en[w]
    return weekday_index(w)


def _nearest(cands: list[Fact], to: list[Fact]) -> Fact:
    """The candidate closest to the facts ``to`` (preferring one before them)."""
    at = min(f.start for f in to)

    def dist(c):
        return (c.start - at) * 3 if c.start > at else at - c.start
    return min(cands, key=dist)


def phrase_set_list(lang: str, key: str) -> list:
    from app.facts.phrases import data

    return [str(x).lower() for x in (data(lang).get(key) or []) if not isinstance(x, list)]


def _complementary(lang: str) -> list[list[str]]:
    from app.facts.phrases import data

    return [[str(x) for x in pair] for pair in (data(lang).get("complementary") or []) if isinstance(pair, list)]


def _pat_ok(pattern: str, word: str) -> bool:
    from app.facts.phrases import _Pat, norm

    return _Pat(pattern).ok(norm(word))
