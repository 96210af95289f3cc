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
from app.facts.phrases import WORD, Word, data, norm, phrase_set, words
from app.facts.quantities import Quantity, find_quantities
from app.facts.relations import after_qualifier_prep, enumeration_complete, qualifier_gap
from app.facts.shares import _ordinal

FRACTION_PART_OF = {"en": re.compile(r"[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+(?:(?:the|our|its|their|all)[ \u00a0]+)?\d"),
                    "ru": re.compile(r"[ \u00a0]+из[ \u00a0]+(?:(?:наших|всех|общего)[ \u00a0]+)?\d")}
GENERIC_ITEMS = {"unit", "piece", "item", "единица", "штука"}
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
    factor: float = 1.0  # product: a third factor of the total (a rate's duration: people × rate × months)


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


PROJECT_RU = re.compile(r"(?=[ПпИиКк])(?:[Пп]роект[а-яё]{0,3}|[Пп]рограмм[а-яё]{0,3}|[Ии]нициатив[а-яё]{0,3}|[Кк]омпонент[а-яё]{0,3})"
                        r"[ \u00a0]+[«“\"]([^«»“”\"\n]{3,150}+)[»”\"]")
PROJECT_EN = re.compile(r"(?=[A-Zacipt«“\"])(?:"  # a match starts with one of these: the scan skips to them (issue 13)
                        r"(?:[Pp]roject|[Pp]rogramme|[Pp]rogram|[Ii]nitiative|[Cc]omponent|[Aa]ction)[ \u00a0]+[«“\"‘']([^«»“”\"\n]{3,150}+)[»”\"’']"
                        r"|[«“\"]([^«»“”\"\n]{3,150}+)[»”\"][ \u00a0]+(?:project|programme|program|initiative)"
                        r"|(?<![\w])(?:the[ \u00a0]+)?((?:[A-Z][\w\-]{1,30}+[ \u00a0]+){1,6}+)(?:[Pp]roject|[Pp]rogramme|[Ii]nitiative)(?![\w]))")
ACRONYM = re.compile(r"\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё0-9\-]{1,14}+)\)")
QUOTE_SPANS = re.compile(r"«[^«»\n]{20,2000}+»|“[^“”\n]{20,2000}+”|\"[^\"\n]{20,2000}+\"")
GROUP_LINK_EN = re.compile(r"[ \u00a0]+(?:(?P<of>of[ \u00a0]+(?:them|whom|these|those|the[ \u00a0]+participants))[ \u00a0,]+"
                           r"(?:were[ \u00a0]+|are[ \u00a0]+|being[ \u00a0]+)?|(?:were|are|was|to|for)[ \u00a0]+)(?P<w>[A-Za-z]{3,20}+)(?![\w])")
GROUP_LINK_RU = re.compile(r"[ \u00a0]+(?:(?P<of>из[ \u00a0]+(?:них|которых|участников))[ \u00a0]*(?:[—–-][ \u00a0]*|составили[ \u00a0]+|составляют[ \u00a0]+)?"
                           r"|[—–-][ \u00a0]*|составили[ \u00a0]+)(?P<w>[а-яё]{3,20}+)(?![\w])", re.I)
END_WORD = {"ru": re.compile(r"(?:до|по|заверш[а-яё]{0,6}|окончан[а-яё]{0,3}|оконч[а-яё]{0,6})[ \u00a0,]*(?:[а-яё]+[ \u00a0]+)?$", re.I),
            "en": re.compile(r"(?:until|till|to|through|by|end[a-z]{0,3}|finish[a-z]{0,3}|close[a-z]{0,1}|conclude[a-z]{0,1})[ \u00a0,]*(?:[a-z]+[ \u00a0]+)?$", re.I)}
LIST_BREAK = re.compile(r"[.!?][ \u00a0]|\n")  # the end of a sentence (not a list's «;») between two listed amounts
VALUE_WORDS = {"ru": {"стоимость", "сумма", "суммой", "сумму", "суммы", "размере", "размер", "объем", "объеме", "бюджет",
                      "бюджета", "вклад", "общий", "общая", "составляет", "составит", "составил", "составила", "около",
                      "более", "всего", "итого", "евро", "долларов", "миллиона", "миллионов"},
               "en": {"worth", "value", "valued", "total", "budget", "amount", "about", "around", "nearly", "almost",
                      "euros", "million", "billion", "overall", "amounting", "costing"}}
PHRASAL_OVER = {"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "pass", "passed", "passes",
                "took", "take", "takes", "taken", "taking", "give", "gave", "given", "carried", "carry", "signed", "sign"}
HISTORY_WORDS = {"en": re.compile(r"(?<![\w])(?:over|in|during)[ \u00a0]+the[ \u00a0]+(?:past|last)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?:years|decades?)(?![\w])", re.I),
                 "ru": re.compile(r"(?<![\w])за[ \u00a0]+(?:последние|прошедшие)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:лет|года|годы|десятилети[ея])(?![\w])", re.I)}
HISTORY_YEAR = {"en": re.compile(r"(?<![\w])(?:since|between|from)[ \u00a0]+(?P<y>(?:19|20)\d\d)(?:[ \u00a0]+(?:and|to)[ \u00a0]+(?P<y2>(?:19|20)\d\d))?(?![\w])", re.I),
                "ru": re.compile(r"(?<![\w])(?:с|со|начиная[ \u00a0]+с)[ \u00a0]+(?P<y>(?:19|20)\d\d)(?:[ \u00a0]*(?:года|г\.))?(?:[ \u00a0]+по[ \u00a0]+(?P<y2>(?:19|20)\d\d))?(?![\w])", re.I)}
PROJECT_AFTER = {"en": ("project", "programme", "program", "initiative")}
TIME_NOUNS = {"year", "month", "week", "day", "hour", "annum", "quarter", "semester", "term", "session", "cent"}
EACH_PREPS = {"en": ("from ", "in ", "at ", "for ", "of "), "ru": ("из ", "от ", "в ", "на ", "с ")}
EACH_FROM = {"en": re.compile(r"[ \u00a0]+(?:from|in|at|for|of)[ \u00a0]+(?:each|every)(?![\w])", re.I),
             "ru": re.compile(r"[ \u00a0]+(?:из|от|в|на|с)[ \u00a0]+кажд[а-яё]{1,3}(?![\w])", re.I)}
GROUP_PLACE = re.compile(r"[ \u00a0]+(?:[—–][ \u00a0]+)?(?:(?:are|were|is|was|come|came)[ \u00a0]+(?:(?:located|based)[ \u00a0]+)?)?(?:from|in|at|из|в|во)[ \u00a0]+(?:the[ \u00a0]+)?(?P<w>[A-ZА-ЯЁ][\w\-]{2,30}+)")
_FACT_MATERIAL = re.compile(r"\d|[^\W\d_]{2}")
GROUP_APPOSITION = {"en": re.compile(r"(?:group|largest|smallest|biggest|majority|minority|share)[ \u00a0]*[,:–—-][ \u00a0]*$", re.I),
                    "ru": re.compile(r"(?:групп[а-яё]{0,3}|многочисленн[а-яё]{0,4}|большинств[а-яё]{0,2}|меньшинств[а-яё]{0,2})[ \u00a0]*[,:–—-][ \u00a0]*$", re.I)}
_EN_AGENT = ("er", "or", "ist", "ant", "ent", "ee", "ian", "ate", "ive", "cian", "man", "woman", "person")  # nouns that may name people
GROUP_PLACE_KIND = re.compile(r"[ \u00a0]+(?:[—–][ \u00a0]+)?(?:(?:are|were|is|was|live|lived|come|came)[ \u00a0]+)?(?:from|in|at|из|в|во)[ \u00a0]+"
                              r"(?:the[ \u00a0]+)?(?P<w>[a-zа-яё][a-zа-яё\-]{2,30}+)(?:[ \u00a0]+(?P<w2>[a-zа-яё]{3,20}+))?")
BRACKET_LABEL = re.compile(r"(?<![\w-])(?P<w>[^\W\d_][\w-]{2,30}+)[ \u00a0]\($")
OF_IT = {"en": re.compile(r"[ \u00a0]+of[ \u00a0]+(?:it|this|that|this[ \u00a0]+amount|that[ \u00a0]+amount|the[ \u00a0]+grant|the[ \u00a0]+sum|the[ \u00a0]+total)(?![\w])", re.I),
         "ru": re.compile(r"[ \u00a0]+(?:из[ \u00a0]+(?:них|этой[ \u00a0]+суммы|этих[ \u00a0]+средств|этого[ \u00a0]+объема)|от[ \u00a0]+этой[ \u00a0]+суммы)(?![\w])", re.I)}
# "400 teachers in Batken region", «400 учителей в Баткенской области»: a count whose place is named after it
_MODALS_EN = ("will", "would", "shall", "should", "to", "can", "could", "may", "might", "must", "it", "which", "that", "and")
SHARE_OF_BEFORE = re.compile(r"(?:%|per[ \u00a0]+cent|percent|процент[а-я]{0,3})[ \u00a0]+(?:of[ \u00a0]+(?:the[ \u00a0]+|all[ \u00a0]+)?|из[ \u00a0]+|от[ \u00a0]+)?$")
ALL_PLACES = re.compile(r"[ \u00a0]+(?:all|every|всех|всей|каждой|каждого|каждом)(?![\w])", re.I)
LEAD_PLACE = re.compile(r"[ \u00a0]+(?:in|across|from|at|of|в|во|из|на)[ \u00a0]")
EU_MENTION = {"ru": re.compile(r"(?=Е)(?<![\w])(?:ЕС|Евросоюз|Европейск[а-яё]{1,3}[ \u00a0]+[Сс]оюз)"),
              "en": re.compile(r"(?=[ET])(?<![\w])(?:EU|European[ \u00a0]+Union|Team[ \u00a0]+Europe)(?![\w])")}
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
        self.about_from = self._about_from()
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
        from app.facts.scope import sentence_scopes

        sentence_scopes(self)
        self._cross_sentence()
        from app.facts.relations import remaining_counts

        remaining_counts(self)
        from app.facts.groups import bare_groups

        bare_groups(self)  # "Of these, 210 teach … and 150 …": the numbers starting their clauses after a whole
        from app.facts.groups import neighbour_lists

        neighbour_lists(self)  # "… 96 officers. Participants came from Kyrgyzstan (38), Tajikistan (32) and …"
        from app.facts.groups import of_them_later

        from app.facts.groups import elliptic_groups, headline_lists, respectively_lists

        headline_lists(self)  # "EU helps 500 families …" … "320 families in Leilek district and 200 in Kadamjay"
        respectively_lists(self)  # "… trained in Osh, Jalal-Abad and Batken: 50, 40 and 20 respectively"
        elliptic_groups(self)  # "… awarded 48 grants. Thirty went to cooperatives, twelve to …": a breakdown of the count before
        of_them_later(self)  # "… 3,600 women. Khatlon alone accounts for 4,100 of them": a group a sentence on
        from app.facts.groups import labelled_lists

        labelled_lists(self)  # "Ahal – 1,200; Balkan – 850; Dashoguz – 1,050; total – 3,000": a total after its groups
        from app.facts.breakdowns import colon_lists

        colon_lists(self)  # "… 5,300 households in three districts:\n- Suzak district: 2,100 households …": a whole and its items
        self._products_across()
        from app.facts.products import rate_products

        rate_products(self)  # "a monthly stipend of 25,000 soms for six months … therefore receives 160,000 soms"
        from app.facts.relations import breakdown_lists

        breakdown_lists(self)
        from app.facts.money_parts import summed_lines

        summed_lines(self)  # "… and training (EUR 800,000), for a total of EUR 2 million", «… Всего – 1 млн евро.»
        from app.facts.relations import aggregate_sums, count_shares, quote_roles

        aggregate_sums(self)

        count_shares(self)
        from app.facts.part_shares import part_shares

        part_shares(self)  # «Из 140 специалистов … 42 … Таким образом, доля банкиров составила 25 %»
        from app.facts.shares import count_share_named_whole

        count_share_named_whole(self)  # "80 schools in X region, or 20% of the region's 320 schools"
        from app.facts.shares import structural_count_shares

        structural_count_shares(self)  # «Из 320 участников форума 208 — женщины (60 %)», «540 из 1 200 выпускников — 54 %»
        from app.facts.shares import fraction_count_shares

        fraction_count_shares(self)  # "Half of the group — 48 young people — …"
        from app.facts.shares import count_share_restated

        count_share_restated(self)  # "62 per cent of all clients, or 3,100 people"
        from app.facts.shares import fraction_dash_parts

        fraction_dash_parts(self)  # «Половина выпускников – 210 человек – …»
        from app.facts.shares import fraction_shares

        fraction_shares(self)  # «Каждый третий выпускник – 1 200 человек», "… – that is almost a half", «— это пятая часть бюджета»
        quote_roles(self)
        from app.facts.relations import eu_sentence_roles

        eu_sentence_roles(self)  # "The European Union is funding the project with EUR 3.5 million"
        from app.facts.products import restated

        restated(self)  # a product's count stated again elsewhere decides which figure is wrong
        self._spending()
        self._body_vs_table()
        from app.facts.shares import free_shares

        free_shares(self)  # percentages no sentence pattern tied: their share read from where they stand
        from app.facts.durations import start_end_across

        start_end_across(self)  # «… начался 1 апреля 2024 года. Он завершится 31 марта 2027 года.»: the project's period
        from app.facts.durations import remaining_durations

        remaining_durations(self)  # "The 24-month project … its first six months … The remaining 16 months …"
        from app.facts.money_parts import funding_lists

        funding_lists(self)  # "The EUR 4 million programme is financed by the EU (EUR 3.2 million), … and UNDP (…)"
        from app.facts.money_parts import bracketed_funders

        bracketed_funders(self)  # "co-funded by the EU (€900,000), the Swiss Agency (€350,000) and UNDP (€250,000)"
        self._scope_relations()
        self._same_valued_thing()
        from app.facts.shares import part_and_rest_shares

        part_and_rest_shares(self)  # "EUR 1.2 million, or 60 % of the cost. The remaining EUR 900,000 …": no total stated
        from app.facts.groups import share_pairs

        share_pairs(self)  # «58 % составили женщины и 47 % — мужчины»: the shares of a women/men pair make 100 %
        from app.facts.percent_parts import percent_parts

        percent_parts(self)  # «62 % …, 23 % …, остальные 15 %»: percentages that split one whole make 100 %
        from app.facts.products import duration_adjective_products

        duration_adjective_products(self)  # «шесть трехдневных тренингов — в общей сложности 18 учебных дней» (last: its facts are its own)
        self._drop_body_pairs()
        return self.model

    def eu_release(self) -> bool:
        """The text names the EU (searched once per document)."""
        got = self.__dict__.get("_eu_release")
        if got is None:
            got = self.__dict__["_eu_release"] = bool(EU_MENTION[self.lang].search(self.text))
        return got

    def _valued_noun(self, f: Fact) -> str | None:
        """The thing an amount is the value of: the nearest noun before it in its clause («Стоимость переданного
        оборудования – 1 350 000 евро», «Оборудование на 1,53 млн евро», "equipment worth EUR 2.7 million"), as a
        lemma; None when another figure or a clause break comes first."""
        if not (0 <= f.sentence < len(self.sent_words)):
            return None
        ws = self.sent_words[f.sentence]
        i = self._widx(ws, f.start)
        others = [o for o in self.sent_facts[f.sentence] if o is not f and o.end <= f.start]
        stop = max([o.end for o in others] + [-1])
        skip = VALUE_WORDS.get(self.lang, set())
        for k in range(i - 1, max(-1, i - 5), -1):
            w = ws[k]
            if w.end <= stop or w.norm in (".", ";", ":", "(", ")"):
                return None
            if not w.norm.isalpha() or len(w.norm) < 5 or w.norm in skip:
                continue
            if self.lang == "ru":
                from app.language import morph

                p = morph().parse(w.norm)
                if p and p[0].tag.POS == "NOUN":
                    lemma = p[0].normal_form.replace("ё", "е")
                    if lemma not in skip:
                        return lemma
                continue
            from app.facts.quantities import STOP_EN, _en_singular

            if w.norm not in STOP_EN and not w.norm.endswith(("ed", "ing", "ly")):
                return _en_singular(w.norm)
        return None

    def _same_valued_thing(self) -> None:
        """«Стоимость переданного оборудования – 1 350 000 евро» … «Оборудование на 1,53 млн евро» (in a quote): the
        value of one thing stated twice. Not both already in other relations; one of them in a quote, the
        headline or the summary and the other not; no third amount of that thing."""
        if not self.eu_release():
            return
        F = self.model.facts
        related = {i for r in self.model.relations for i in r.facts}
        by_noun: dict[tuple, list[Fact]] = {}
        for f in F:
            if f.kind != "money" or f.table or f.hedge or f.meta.get("each") or f.meta.get("product") \
                    or f.meta.get("aggregate") or f.meta.get("additional") or self._historical_fact(f):
                continue
            n = self._valued_noun(f)
            if n:
                by_noun.setdefault((n, f.unit), []).append(f)
        for (_, _), fs in by_noun.items():
            if len(fs) != 2 or fs[0].value == fs[1].value or all(f.id in related for f in fs):
                continue  # one of them in a share or sum is fine: that relation then decides which one is wrong
            a, b = fs
            side = lambda f: f.place in ("quote", "headline") or f.meta.get("about")  # noqa: E731
            if side(a) != side(b) and a.scope == b.scope:
                self.rel("same", [a.id, b.id], origin="scope")

    def _historical_fact(self, f: Fact) -> bool:
        ws = self.sent_words[f.sentence] if 0 <= f.sentence < len(self.sent_words) else []
        return bool(ws) and self._historical(ws)

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

    def _about_from(self) -> int:
        """Where the project's summary starts ("About the project", «О проекте»: a short heading, or
        these words followed by ":" at a paragraph's start; list ``about``): its counts restate the
        lead's. len(text) when there is none."""
        ps = phrase_set(self.lang, "about")
        for b in self.doc.blocks[1:]:
            if b.kind in ("table-cell", "header", "footer", "footnote"):
                continue
            first = WORD.search(self.text, b.start, min(b.end, b.start + 200))
            if first is None or (not ps.can_start(norm(first.group(0))) and b.end - b.start > 60):
                continue  # no phrase of the list can open the block, and it is too long to be a heading
                # that ends with one ("… at a glance"): its words are not needed (issue 13)
            ws = words(self.text[b.start:min(b.end, b.start + 200)], b.start)
            m = ps.at(ws, 0) if ws else None
            if m is None and ws and len(ws) <= 5 and b.end - b.start <= 60 and ps.ends_at(ws, len(ws), 1) is not None \
                    and not any(w.norm.isdigit() for w in ws):
                return b.start  # a fact box's heading: "Open Newsroom at a glance", «АгроКооп в цифрах»
            if m is None or (m.j < len(ws) and ws[m.j].norm.isdigit()):
                continue
            short = len(words(self.text[b.start:b.end])) <= 6
            # «Справка. Проект реализуется …», "Background. The project …": the heading as the paragraph's first sentence
            run_in = m.j < len(ws) and ws[m.j].norm == "." and m.j <= 4
            if short or run_in or any(w.norm == ":" for w in ws[m.j:m.j + 8]):
                return b.start
        return len(self.text)

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
        return "quote" if self.quote_span(offset) is not None else "body"

    def quote_span(self, offset: int) -> tuple[int, int] | None:
        """The first quote (start, end) holding offset, or None: a bisect over the quotes' starts and the running
        maximum of their ends, so a fact is placed without going through every quote of a long document."""
        q = self.quotes
        if not q:
            return None
        if getattr(self, "_quote_index", (None,))[0] is not q:
            ends, top = [], -1
            for _, b in q:  # (found left to right: sorted by start)
                top = max(top, b)
                ends.append(top)
            self._quote_index = (q, [a for a, _ in q], ends)
        _, starts, ends = self._quote_index
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0 or ends[k] <= offset:
            return None
        lo = bisect.bisect_right(ends, offset)  # the first quote whose running end passes offset
        return next(((a, b) for a, b in q[lo:k + 1] if a <= offset < b), None)

    def _scopes(self) -> None:
        """Where each project's facts start. One project (or none): one scope for everything."""
        self._other_scopes: set[str] = set()
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
        from app.facts.scope import numbered_projects

        numbered = numbered_projects(ws, self.lang)  # "The first project …", "The second project …"
        names += numbered
        taken = {o for o, _ in numbered}
        for mt in ordinal.find(ws):
            if ws[mt.i].start not in taken and not (mt.i > 0 and ws[mt.i - 1].start in taken):
                names.append((ws[mt.i].start, f"#{ws[mt.i].start}"))
        for acr, name in getattr(self, "acronyms", {}).items():
            for m in re.finditer(r"(?<![\w])" + re.escape(acr) + r"(?![\w])", self.text):
                names.append((m.start(), name))
        from app.facts.scope import other_projects

        # "In a separate initiative, the EU is providing …": another project's figures, to the end of the paragraph
        others = [o for o in other_projects(ws, self.lang) if o not in taken and not any(o == x for x, _ in names)]
        names += [(o, f"#other{o}") for o in others]
        self._other_scopes = {f"#other{o}" for o in others}
        names.sort()
        distinct = {n for _, n in names}
        if len(distinct) < 2 and not others:
            self.model.scopes = [(0, "")]
            return
        scopes = [(0, "")]
        for off, n in names:
            if scopes[-1][1] != n:
                scopes.append((off, n))
        for o in others:
            # the release's own scope resumes after the paragraph that turned to the other project
            end = self.text.find("\n", o)
            end = len(self.text) if end < 0 else end
            k = max(i for i, (x, _) in enumerate(scopes) if x <= o)
            if k > 0 and all(not (o < x <= end) for x, _ in scopes) and end < len(self.text):
                scopes.insert(k + 1, (end, scopes[k - 1][1]))
        self.model.scopes = scopes

    def scope_at(self, offset: int) -> str:
        sc = self.model.scopes
        cached = getattr(self, "_scope_offsets", None)
        if cached is None or cached[0] is not sc or len(cached[1]) != len(sc):
            cached = self._scope_offsets = (sc, [o for o, _ in sc])  # built once, not per fact (issue 13)
        i = bisect.bisect_right(cached[1], offset) - 1
        return sc[max(i, 0)][1]

    # -- one sentence ------------------------------------------------------------------------------
    def _sentence(self, start: int, end: int, block) -> None:
        text = self.text[start:end]
        lang = self.lang
        if not _FACT_MATERIAL.search(text):
            # no digit and no word of two letters: nothing here can state a figure, a date or a number
            # word (10 000 one-letter lines cost the whole model per line before, issue 13)
            self.sent_words.append(self._words_of(start, end))
            self.sent_block.append(block.index)
            self.sent_facts.append([])
            self.sentences.append((start, end))
            return
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
                q0 = q
                q = self._group_number(text, start, q)
                if q is None:
                    # "and the remaining 250 in the regions": a bare number counted as the rest of a whole
                    from app.facts.relations import remaining_number

                    q = remaining_number(self, text, start, q0)
                if q is None:
                    continue
            f = self.add(q.kind, q.start, q.end, q.value, q.unit, q, place=place, scope=self.scope_at(q.start),
                         sentence=idx, block=block.index)
            if f.kind == "count" and GROUP_APPOSITION[lang].search(self.text, max(0, q.start - 40), q.start):
                f.subset = True  # "The largest group, 84 teachers, …", «Самая многочисленная группа — 98 специалистов»: a part
                f.meta["group_part"] = True
            if q.start >= self.about_from or place in ("footer", "boilerplate"):
                f.meta["about"] = True  # the project's summary (or the page footer): restates the release's facts
            fs.append(f)
        for r in ranges:
            fs.append(self.add("range", r.start, r.end, 0.0, r.precision, None, place=place, scope=scope,
                               sentence=idx, block=block.index, range=r))
        fs.sort(key=lambda f: f.start)
        self.sent_facts.append(fs)
        self.sentences.append((start, end))
        if not fs:
            return  # no figure: hedges, roles, products, relations and durations all walk the
            # sentence's facts and find none (two sentences in three of a release, issue 13)
        self._hedges(fs, ws)
        self._money_units(fs)
        self._roles(fs, ws)
        from app.facts.money_parts import attributive_cost, side_by_side_contributors

        side_by_side_contributors(self, fs, ws)  # "the EU (EUR 900,000) and the municipality (EUR 150,000)"
        attributive_cost(self, fs, ws)  # "for the EUR 900,000 bridge"
        from app.facts.money_parts import labelled_amounts

        labelled_amounts(self, fs, ws)  # "equipment – EUR 500,000, training – EUR 200,000, total – EUR 700,000"
        from app.facts.money_parts import bracketed_breakdown

        bracketed_breakdown(self, fs, ws)  # «Оставшиеся 450 тысяч евро вносят акимат (300 тысяч) и ПРООН (150 тысяч)»
        self._changes(fs, ws)
        self._relations(fs, ws, text, start)

    def _changes(self, fs: list[Fact], ws: list[Word]) -> None:
        """«ЕС увеличил свой вклад с 1 млн до 1,5 млн евро», "raised its grant from EUR 1 million to EUR
        1.5 million": the first amount is the old value (not a fact of the release any more) and the
        second the new one, taking the first's role; «до» there is no hedge."""
        money = [f for f in fs if f.kind == "money"]
        if len(money) < 2:
            return  # no pair of amounts to change (asked first: the verb search is the dearer test, issue 13)
        verbs = phrase_set(self.lang, "change_verbs")
        if not verbs.find(ws, 0, len(ws)):
            return
        for a, b in zip(money, money[1:]):
            if a.unit != b.unit or a.hedge:
                continue
            ia, ja, ib = self._widx(ws, a.start), self._widx(ws, a.end), self._widx(ws, b.start)
            if ia == 0 or ws[ia - 1].norm not in ("с", "со", "from") or ib - ja != 1 or ws[ja].norm not in ("до", "to"):
                continue
            a.subset = True
            a.meta["no_scope"] = True
            if b.hedge == "max":
                b.hedge = None
            if b.role is None and a.role not in (None, "total"):
                b.role = a.role
            a.role = None

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
        r = self._group_number_after(text, base, q)
        if r is not None or q.num is None or not q.num.integer:
            return r
        s0 = q.start - base
        bm = BRACKET_LABEL.search(text, max(0, s0 - 34), s0) if text[s0 - 1:s0] == "(" and \
            text[q.end - base:q.end - base + 1] == ")" else None
        if bm and (q.value < 1900 or q.num.style.group):
            # «из Ферганской (90), Андижанской (80) и Наманганской (50) областей», "Osh (40) and Naryn (25)":
            # a group's count in brackets after its label; the span runs from the label to the bracket
            word = bm.group("w")
            q2 = Quantity("count", base + bm.start("w"), q.end + 1, q.value, "@" + word.lower(), q.num,
                          noun=word, noun_start=base + bm.start("w"), noun_end=base + bm.end("w"))
            q2.meta.update(group_number=True, place_group=True, bracket_group=True)
            return q2
        lc = self._label_in_clause(text, base, q)
        if lc is not None:
            return lc
        lb = self._label_before(text, q.start - base, q.end - base)
        if lb is None:
            return self._fraction_number(text, base, q)
        # "Women made up 120 of them and men 90", «женщин среди них 50, мужчин – 45»
        word, ws_, we_ = lb
        lemma = _en_label(word) if self.lang == "en" else _noun_ru(word.lower()) or word.lower()
        q2 = Quantity("count", q.start, q.end, q.value, lemma, q.num, noun=word, noun_start=base + ws_, noun_end=base + we_)
        q2.meta["group_number"] = True
        q2.meta["of_them"] = bool(re.match(r"[ \u00a0]+of[ \u00a0]+(?:them|whom)", text[q.end - base:q.end - base + 12])) or \
            bool(re.search(r"(?:среди|из)[ \u00a0]+них[ \u00a0]*$", text[max(0, q.start - base - 12):q.start - base]))
        if re.match(r"[ \u00a0]+(?:of(?:[ \u00a0]+the)?|из)[ \u00a0]+\d", text[q.end - base:q.end - base + 12]):
            q2.meta["part_of_next"] = True  # "Women account for 40 of the 90 trainees": a group before its whole
        return q2

    def _fraction_number(self, text: str, base: int, q: Quantity) -> Quantity | None:
        """A bare number that is a part by its place: before "of [our|the] M" ("90 of our 300 graduates"), or
        set off by a comma or a dash right after a fraction's phrase ("A third of them, 40, were …")."""
        s0, e0 = q.start - base, q.end - base
        if q.value >= 1900 and not q.num.style.group or q.value < 2:
            return None  # ("every one of the 30 schools": no part)
        if FRACTION_PART_OF[self.lang].match(text, e0, e0 + 24):
            q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
            q2.meta.update(group_number=True, part_of_next=True)
            return q2
        head = text[max(0, s0 - 60):s0]
        if re.search(r"(?:of[ \u00a0]+(?:which|whom)|из[ \u00a0]+(?:которых|них))[ \u00a0]*$", head, re.I) and \
                text[e0:e0 + 2].lstrip(" \u00a0")[:1] == "(":
            q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
            q2.meta.update(group_number=True, of_them=True)
            return q2  # "2,000 households, of which 600 (20%) are headed by women": a part of the count before
        if not head.rstrip(" \u00a0").endswith((",", "—", "–")):
            return None
        from app.facts.shares import fraction_at

        ws = words(head)
        for i in range(max(0, len(ws) - 8), len(ws)):
            m = fraction_at(self.lang, ws, i)
            if m is not None and len(ws) - m[1] <= 4 and not any(w.norm in (".", ";", ":", "(", ")") for w in ws[m[1]:]):
                q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
                q2.meta.update(group_number=True, fraction_part=True)
                return q2
        return None

    def _group_number_after(self, text: str, base: int, q: Quantity) -> Quantity | None:
        """"40 of them women", "30 were men", «70 из них — женщины», «70 — женщины»: a count whose noun
        comes after a link."""
        if q.num is None or not q.num.integer or q.value >= 1900 and not q.num.style.group:
            return None
        head = text[q.end - base:q.end - base + 8].lstrip(" \u00a0").lower()
        em = EACH_FROM[self.lang].match(text, q.end - base, q.end - base + 30) if head.startswith(EACH_PREPS[self.lang]) else None
        tail = text[max(0, q.start - base - 4):q.start - base].lower()
        pre = re.search(r"([^\W\d_]{3,20}+)[ \u00a0]+(?:of|по)[ \u00a0]+$", text[max(0, q.start - base - 30):q.start - base]) \
            if tail.endswith(("of ", "по ", "of\u00a0", "по\u00a0")) else None
        if pre and pre.group(1).lower() in [str(v).lower() for v in (data(self.lang).get("containers") or [])]:
            em = True  # "eight groups of 20", «группы по 15»
        if em:  # "45 from each of five regions", «по 20 из каждого района»: a count per item
            q2 = Quantity("count", q.start, q.end, q.value, "", q.num)
            q2.meta["group_number"] = True
            return q2
        rx = GROUP_LINK_RU if self.lang == "ru" else GROUP_LINK_EN
        m = rx.match(text, q.end - base, q.end - base + 60)
        if m and self.lang == "en" and GROUP_PLACE.match(text, q.end - base, q.end - base + 50):
            m = None  # "50 are located in Chui": a group by place, not "30 were men"
        if not m:
            pm = GROUP_PLACE.match(text, q.end - base, q.end - base + 50) or self._kind_of_place(text, base, q)
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

    def _kind_of_place(self, text: str, base: int, q: Quantity):
        """"250 in towns", "400 in rural areas", «120 – в сёлах»: a group by a kind of place (list
        ``place_nouns``, or urban / rural), written in lower case."""
        head = text[q.end - base:q.end - base + 6].lower()
        if not any(w in head for w in ("in", "at", "from", "из", "в", "во")):
            return None  # plain string tests first: this runs for every bare number
        m = GROUP_PLACE_KIND.match(text, q.end - base, q.end - base + 50)
        if not m:
            return None
        cands = [m.group("w").lower()] + ([m.group("w2").lower()] if m.group("w2") else [])
        pats = [str(x) for x in phrase_set_list(self.lang, "place_nouns")] + \
            [p for pair in _complementary(self.lang) for p in pair if any(_pat_ok(p, x) for x in ("urban", "rural", "городских", "сельских"))]
        return m if any(_pat_ok(p, c) for p in pats for c in cands) else None

    def _label_in_clause(self, text: str, base: int, q: Quantity) -> Quantity | None:
        """A bare number whose complementary group's label (women/men, girls/boys, urban/rural …) stands
        later in its own clause, whatever the verb between: "twelve are led by women", "fifteen by men",
        «20 из них возглавляют женщины», "40 of the 70 mentors are women" (the whole in between). The
        clause ends at a comma, "and", another number or a sentence sign; never an age or a rate."""
        s, e = q.start - base, q.end - base
        head = text[e:e + 12]
        if not any(c.isalpha() for c in head) or head.lstrip(" \u00a0")[:1].isdigit():
            return None  # plain string tests first: this runs for every bare number
        if re.match(r"[ \u00a0]*(?:%|per\b|percent|процент|лет|years?\b|year-old|(?:to|and|до|и|or|или|[-–—])[ \u00a0]*\d)",
                    text[e:e + 14], re.I):
            return None
        ws = words(text[e:min(len(text), e + 90)], base + e)
        nums = data(self.lang).get("numbers") or {}
        numwords = set((nums.get("units") or {}).keys()) | set((nums.get("scales") or {}).keys())
        pats = [p for pair in _complementary(self.lang) for p in pair]
        stops = {",", ";", ".", ":", "(", ")", "and", "while", "whereas", "but", "и", "а", "но", "тогда"}
        ages = ("aged", "age", "under", "over", "older", "younger", "above", "below", "возраст", "старше", "младше", "моложе")
        part_of_next = False
        k = 0
        # "40 of the 70 mentors are women": step over "of the 70 <noun>" (the whole of the group)
        if len(ws) >= 4 and ws[0].norm in ("of", "из") and (ws[1].norm.isdigit() or ws[1].norm == "the" and ws[2].norm.isdigit()):
            k = 2 if ws[1].norm.isdigit() else 3
            while k < len(ws) and (ws[k].norm.isdigit() or ws[k].norm in (",",) and k + 1 < len(ws) and ws[k + 1].norm.isdigit()):
                k += 1
            j = k
            while j < len(ws) and j - k < 3 and ws[j].norm.isalpha() and ws[j].norm not in ("are", "were", "is", "was", "—", "–"):
                j += 1
            if j == k:
                return None
            k = j
            part_of_next = True
        elif ws and ws[0].norm in ("of", "из") and not (len(ws) > 1 and ws[1].norm in ("them", "whom", "these", "those", "них", "которых")):
            return None  # "Eleven of the vouchers went to women": a part of a whole named after it, read elsewhere
        for j in range(k, min(len(ws), k + 7)):
            w = ws[j].norm
            if w in stops or w.isdigit() or w in numwords or w in ("-",) or w.startswith(ages):
                return None
            if w.isalpha() and any(_pat_ok(p, w) for p in pats):
                if j + 1 < len(ws) and ws[j + 1].norm in ("-", "led", "headed", "owned", "run"):
                    return None  # "women-led businesses": a kind of thing, not the group's label
                lemma = _en_label(w) if self.lang == "en" else _noun_ru(w) or w
                q2 = Quantity("count", q.start, q.end, q.value, lemma, q.num, noun=text[ws[j].start - base:ws[j].end - base],
                              noun_start=ws[j].start, noun_end=ws[j].end)
                q2.meta["group_number"] = True
                q2.meta["label_in_clause"] = True
                q2.meta["of_them"] = bool(re.match(r"[ \u00a0]+(?:of[ \u00a0]+(?:them|whom|these)|из[ \u00a0]+(?:них|которых))", text[e:e + 16], re.I))
                if part_of_next:
                    q2.meta["part_of_next"] = True
                return q2
        return None

    def _label_before(self, text: str, s: int, e: int):
        """A group's label written before its number: "men 90", "Women made up 120 of them", «мужчин – 45»,
        «женщин среди них 50». Only the labels of complementary groups (women/men, girls/boys …);
        never an age ("women aged 18 to 35")."""
        if re.match(r"[ \u00a0]*(?:(?:to|and|-|–|—|до)[ \u00a0]*\d|лет|years?|%|per|процент)", text[e:e + 10], re.I):
            return None
        last = text[max(0, s - 8):s].rstrip(" \u00a0—–-")[-1:]
        if not last.isalpha():
            return None  # nothing but words (and a dash) may stand between a label and its number
        before = text[max(0, s - 40):s]
        toks = list(re.finditer(r"[^\W\d_]++|[—–-]|[,;:()\d]", before))[-4:]
        pats = [p for pair in _complementary(self.lang) for p in pair]
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            w = t.group(0)
            between = [x.group(0).lower() for x in toks[k + 1:]]
            if any(x[0].isdigit() or x in (",", ";", ":", "(", ")") for x in between):
                return None
            if any(x.startswith(("aged", "age", "возраст", "старше", "младше", "моложе")) for x in between):
                return None
            if w.isalpha() and any(_pat_ok(p, w) for p in pats):
                return w, max(0, s - 40) + t.start(), max(0, s - 40) + t.end()
        return None

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
            if m and self.lang == "en" and ws[m.i].norm == "over" and m.i > 0 and ws[m.i - 1].norm in PHRASAL_OVER:
                m = None  # "handed over 24 ambulances": a verb's particle, not a hedge
            if m and self.lang == "en" and ws[m.i].norm == "over" and f.kind == "duration" and (
                    m.i == 0 or ws[m.i - 1].norm in (",", ";", ":", "–", "—", "(", "run", "runs", "running", "implemented",
                                                     "spread", "delivered", "out", "and")):
                m = None  # "Over 12 months, from July 2025 …", "runs over 36 months": during, not more than
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

    def _doc_year(self) -> int | None:
        if not hasattr(self, "_year"):
            ds = [d for d in find_dates(self.text[:3000], self.lang) if d.year]
            years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", self.text[:20000])]
            self._year = ds[0].year if ds else (max(years) if years else None)
        return self._year

    def _historical(self, ws: list[Word]) -> bool:
        """The sentence tells past funding: "since 2014", "between 2014 and 2024", «с 2014 года», "over
        the past decade", «за последние десять лет» — years at least two before the release's."""
        if not ws:
            return False
        key = (ws[0].start, ws[-1].end)
        cache = self.__dict__.setdefault("_hist", {})
        if key not in cache:
            # ws is a run of the words of its sentence, so words(text) would tokenise the text to the
            # same words again (issue 13): handed over
            cache[key] = self._historical_text(self.text[ws[0].start:ws[-1].end], ws)
        return cache[key]

    def _historical_text(self, text: str, ws: list[Word] | None = None) -> bool:
        if HISTORY_WORDS[self.lang].search(text):
            return True
        year = self._doc_year()
        from app.facts.relations import historical_extra

        if historical_extra(text, self.lang, year, ws):
            return True
        if year is None:
            return False
        for m in HISTORY_YEAR[self.lang].finditer(text):
            if int(m.group("y")) <= year - 2 and int(m.group("y2") or m.group("y")) <= year:
                return True
        return False

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
            shared = None
            if k > 0:
                # the words right after the previous amount are its own ("EUR 2 million from the EU, EUR …")
                own = [m for m in after_ps.find(ws, lo, min(i, lo + 6)) if m.i <= lo + 1]
                if lo < len(ws) and ws[lo].norm in ("and", "while", "whereas", "и", "а", ";"):
                    own = []  # "… with EUR 2.4 million and by UNDP with EUR 800,000": the words after "and" are the next amount's
                if own and phrase_set(self.lang, "subject_links").at(ws, max(m.j for m in own)) is not None \
                        and phrase_set(self.lang, "subject_links").at(ws, max(m.j for m in own)).j >= i:
                    own = []  # «… 1 200 000 евро вклад ЕС составляет 780 000 евро»: the role named before a linking verb is the next amount's
                if lo < len(ws) and ws[lo].norm == ")" and lo >= 1:
                    own = []  # "(EUR 400,000) the project budget is …": the words after the bracket are the next amount's
                    if self._bracketed_share(ws, money, k - 1):
                        # "EUR 810,000 (90%) from the EU and EUR 90,000 from UN Women": the words after the
                        # share's bracket are the amount's before it
                        own = [m for m in after_ps.find(ws, lo + 1, min(i, lo + 7)) if m.i <= lo + 2]
                        if own:
                            lo = max(m.j for m in own)
                            own = []
                if own:
                    lo = max(m.j for m in own)
                    # «1,2 млн евро предоставляет ЕС, 300 тыс. евро – …»: the verb and the contributor named
                    # right after it are the amount before's
                    named = [m for m in roles_ps.find(ws, lo, min(i, lo + 5)) if m.i == _after_article(ws, lo) and m.label in ("eu", "cofin")]
                    if named and max(own, key=lambda m: m.j).label == "other":
                        lo = max(m.j for m in named)
                    # "covered 95 % by the EU grant of EUR 1,899,800": a share's owner is its amount's too
                    last = max(own, key=lambda m: m.j)
                    if money[k - 1].kind == "percent" and f.kind == "money" and i - last.j <= 2 and last.label in ("eu", "cofin"):
                        shared = last.label
            prev_end = self._widx(ws, f.end)
            aside = 0  # words between the cue and the amount that are an aside: a participle phrase, the project's name
            cue = self._segment_cue(ws, lo, i, "roles")
            if cue is not None and cue.label == "eu" and cue.i > 0 and ws[cue.i - 1].norm.startswith(
                    ("проект", "программ", "инициатив")) and self._segment_cue(ws, lo, cue.i, "roles") is not None \
                    and not (self.lang == "ru" and cue.j < i and _ru_verb(ws[cue.j].norm)
                             and phrase_set(self.lang, "subject_links").at(ws, cue.j) is None):
                # («… общей стоимости программы ЕС выделил 2,4 млн»: the EU the subject of the verb after it, the part's;
                # «Бюджет проекта ЕС составляет …» a linking verb: the project's budget still)
                # «Бюджет проекта ЕС составляет …»: an EU project's budget, not the EU's part
                cue = self._segment_cue(ws, lo, cue.i, "roles")
            if cue is not None and cue.label == "eu" and cue.i > lo:
                # «Общий бюджет проекта, финансируемого Европейским союзом, составляет 3,2 млн евро», "The budget of the
                # project, funded by the EU, is …": the EU named in a participle phrase set off by commas describes the
                # project; the role is read before the phrase
                opens = max((x for x in range(lo, cue.i) if ws[x].norm == ","), default=None)
                closes = any(ws[x].norm == "," for x in range(cue.j, i))
                if opens is not None and closes and opens + 1 < cue.i and self._participle(ws[opens + 1].norm) \
                        and not any(ws[x].norm == "," for x in range(opens + 1, cue.i)):
                    close = next(x for x in range(cue.j, i) if ws[x].norm == ",")
                    cue = self._segment_cue(ws, lo, opens, "roles")
                    if cue is not None and opens - 2 <= cue.j <= opens:
                        aside = close + 1 - opens
            if cue is not None and cue.label == "eu" and cue.j < i and (ws[cue.j].norm == "-" and ws[cue.j].start == ws[cue.j - 1].end or any(
                    _pat_ok(str(x), ws[cue.j].norm) for x in ((data(self.lang).get("project") or {}).get("words") or []))):
                # "The municipality co-finances the EU project with EUR 600,000", "the EU-funded centre": the EU names
                # the project, not the contributor of the amount
                cue = self._segment_cue(ws, lo, cue.i, "roles")
            if cue is not None and cue.label == "other":
                # «ЕС вносит 2 млн евро»: the contributor named before the verb; «Служба вносит 180 000 евро»:
                # a contributor of no list, another part of the budget
                named = [m for m in roles_ps.find(ws, lo, cue.i) if m.label != "other"]
                cue = max(named, key=lambda m: (m.j, m.j - m.i)) if named else cue
            if cue is not None and phrase_set(self.lang, "source_cues").ends_at(ws, cue.i, max(0, cue.i - 4)):
                cue = None  # «По данным ПРООН, женщины возглавляют 15 % …», "according to UNDP": a source, not a contributor
            if cue is None and shared:
                cue = next(m for m in own if m.label == shared)
            role = None
            if cue is not None:
                role = cue.label
                rem = [m for m in roles_ps.find(ws, max(lo, i - 4), i) if m.label == "remaining"]
                if rem:
                    role = "remaining"
                f.meta["cue"] = (ws[cue.i].start, ws[cue.j - 1].end)
                q0 = next((x for x in range(cue.j, min(i, cue.j + 2)) if ws[x].norm in ("«", "\"", "“")), None)
                if q0 is not None:
                    # «Общая стоимость проекта «Зелёный транспорт Ташкента» — 8,6 млн евро»: the project's name
                    close = next((x for x in range(q0 + 1, min(i, q0 + 9)) if ws[x].norm in ("»", "\"", "”")), None)
                    if close is not None:
                        aside = close + 1 - q0
                # «Проект стоимостью 3,6 млн евро», "the project worth EUR 3 million": the phrase may start one word before the cue
                if role == "total" and i - cue.j - aside <= 5 and phrase_set(self.lang, "total_strong").find(ws, max(lo, cue.i - 1), cue.j + 1) \
                        and not phrase_set(self.lang, "consists").find(ws, cue.j, i):
                    f.meta["strong"] = True
                if role == "total" and not f.meta.get("strong") and i - cue.j <= 2:
                    # "The project, worth EUR 3 million, …", «Проект, стоимость которого …»: the project's own total
                    k = cue.i - 1
                    while k >= 0 and ws[k].norm in (",", "—", "–", "(", "its", "whose", "the"):
                        k -= 1
                    pw = [str(x) for x in ((data(self.lang).get("project") or {}).get("words") or [])]
                    if k >= 0 and k < cue.i - 1 and any(_pat_ok(x, ws[k].norm) for x in pw):
                        f.meta["strong"] = True
                    else:
                        # «Проект Европейского союза стоимостью 2,2 млн евро», "the project of the European Union,
                        # worth …": the project named by a name (capitalised words, quotes) before the cue
                        k = cue.i - 1
                        while k >= max(0, cue.i - 6) and (self.text[ws[k].start:ws[k].start + 1].isupper() or ws[k].norm in (
                                "«", "»", "\"", "“", "”", "of", "the", ",", "союза", "союз")) and not any(_pat_ok(x, ws[k].norm) for x in pw):
                            k -= 1
                        if 0 <= k < cue.i - 1 and any(_pat_ok(x, ws[k].norm) for x in pw) and self.text[ws[k + 1].start].isupper():
                            f.meta["strong"] = True
                cons = phrase_set(self.lang, "consists").find(ws, cue.j, i)
                if cons:
                    f.meta["in_breakdown"] = True
                    split = any(m.j - m.i > 1 or ws[m.i].norm != ":" for m in cons) and not f.meta.get("strong")
                    if role == "total" and (split or not f.meta.get("strong") and any(
                            w.norm.startswith(("includ", "включа")) for w in ws[cue.j:min(i, cue.j + 3)])):
                        # "The budget includes EUR 200,000 for training": a line of the budget, not the budget
                        role = None
                        f.meta["part_of_total"] = True
                prev1 = ws[cue.i - 1].norm if cue.i > 0 else ""
                prev2 = ws[cue.i - 2].norm if cue.i > 1 else ""
                if role == "total" and (i - cue.j > 2 or (cue.j < i and ws[cue.j].norm == ",")) and (
                        prev1 in ("of", "из", "от") or (prev1 == "the" and prev2 in ("of", "out"))):
                    role = None  # "Of the total, construction works: EUR 4.3 million": a part of it
                    f.meta["part_of_total"] = True
            j = self._widx(ws, f.end)
            nxt = money[k + 1] if k + 1 < len(money) else None
            if f.kind == "money" and nxt is not None and self._bracketed_share(ws, money, k + 1):
                # "2,88 млн евро (90 %) выделяет Европейский Союз": the contributor after the share's bracket
                j = self._widx(ws, nxt.end) + 1
                nxt = money[k + 2] if k + 2 < len(money) else None
            hi = min(len(ws), j + 6, self._widx(ws, nxt.start) if nxt else len(ws))
            after = [m for m in after_ps.find(ws, j, hi) if m.i <= j + 1]
            if j < len(ws) and ws[j].norm == ")" and i > 0 and ws[i - 1].norm == "(":
                after = []  # "… Asian Development Bank (EUR 500,000) the budget is …": the bracket closes the amount's clause
            if j < len(ws) and ws[j].norm == ";":
                after = []  # "… and the city another €100,000; in total the initiative costs …": the next clause's words
            if nxt is not None and nxt.kind == "money":
                ni = self._widx(ws, nxt.start)
                # «… и вклада ФАО в 180 000 евро — всего 1 480 000 евро»: a total cue right before the next amount is its own
                after = [m for m in after if not (m.label == "total" and ni - m.j <= 1)]
            whole_named = f.kind == "money" and i > 0 and ws[i - 1].norm in ("из", "of") and any(m.label == "total" for m in after)
            if whole_named:
                after = [m for m in after if m.label == "total"]  # «из 3,2 млн евро общей стоимости …»: the whole, named after it
            if after and (role is None or (cue is not None and cue.j < i - 3) or whole_named):
                best = min(after, key=lambda m: (m.i, -(m.j - m.i)))
                if best.label == "other":
                    # «1 125 000 евро предоставляет ЕС», "EUR 300,000 comes from the ministry": the contributor named next
                    named = [m for m in after_ps.find(ws, best.j, min(len(ws), best.j + 4)) + roles_ps.find(ws, best.j, min(len(ws), best.j + 4))
                             if m.i in (best.j, _after_article(ws, best.j)) and m.label in ("eu", "cofin")]
                    if named:
                        best = max(named, key=lambda m: m.j - m.i)
                role = best.label if best.label != "other" else (role if role not in ("eu", "total") else "other")
                if best.label == "other" and role is None:
                    role = "other"
                if role == "total" and phrase_set(self.lang, "total_strong").find(ws, best.i, best.j):
                    f.meta["strong"] = True
            if f.kind == "money" and role != "total" and self._project_after(ws, j, i):
                role = "total"  # "the EUR 4 million project", «…-миллионный проект»: the project's own cost
                f.meta["strong"] = True
            from app.facts.relations import adjust_role

            role = adjust_role(self, ws, lo, i, f, role) if f.kind == "money" else role
            if f.kind == "money" and role == "total" and phrase_set(self.lang, "in_kind").find(ws, j, min(len(ws), j + 4)) \
                    and not f.meta.get("strong"):
                role = "cofin"  # "provides staff and premises worth €150,000 in kind": a contribution, not the total
            if f.meta.get("part_of_total") and role == "total":
                role = None  # "Of the total, EUR 6 million …": stays a part whatever follows
            f.role = role
            if f.kind == "money" and OF_IT[self.lang].match(self.text, f.end, f.end + 40):
                f.meta["part_of_previous"] = True
            if f.kind == "money" and role == "total" and phrase_set(self.lang, "wider_whole").find(ws, 0, len(ws)) and \
                    not any(w.norm.startswith(("project", "проект")) for w in ws[max(lo, i - 4):i]):
                # "The regional programme has a budget of EUR 12 million; the Kyrgyz component is EUR 3 million, of
                # which this project is a third": the wider programme's budget, not this project's
                f.meta["no_scope"] = True
                f.subset = True
            if f.kind == "money" and self._historical(ws):
                f.subset = True  # "invested EUR 40 million since 2014": the EU's past money, not this project's
                f.meta["no_scope"] = True
            # "for 2025 alone", «на первом этапе», "annually": a part of the fact, not the fact
            c0 = max(lo, i - 16)  # the clause before the amount: "The first phase, completed in April 2025, cost …"
            c0 = max([c0] + [x + 1 for x in range(c0, i) if ws[x].norm in (";", ".", ":")])
            if qual_ps.find(ws, min(c0, max(lo, i - 8)), min(len(ws), j + 3)) or any(
                    w.norm.isdigit() and len(w.norm) == 4 and w.norm[:2] in ("19", "20") and not _date_year(ws, x, self.lang)
                    for x, w in enumerate(ws[max(lo, i - 6):i], start=max(lo, i - 6))):
                f.subset = True
            if [m for m in aggr_ps.find(ws, max(0, lo - 2), i) + aggr_ps.find(ws, j, min(len(ws), j + 3))
                    if not self._in_name(ws, m.i)]:
                f.meta["aggregate"] = True
            if phrase_set(self.lang, "additional").find(ws, max(lo, i - 3), i):
                f.meta["additional"] = True

    def _pair_after_clause(self, ws: list[Word], i: int, hi: int, w: Fact, later: list[Fact]) -> bool:
        """"120 people attended the lectures; there were 70 women and 60 men", «…, причём женщин было …»: a complete
        pair of groups opening the clause after the whole's (";" or ":" then at most three words), adding up to
        nearly the whole (0.8–1.25 of it)."""
        if not self._complete_pair(later) or hi - i > 12:
            return False
        marks = [x for x in range(i, hi) if ws[x].norm in (";", ":")]
        if not marks or hi - marks[-1] - 1 > 3 or not all(x.norm in PAIR_CLAUSE_WORDS for x in ws[marks[-1] + 1:hi]):
            return False  # (not "…; it advised 58 women and 37 men": a verb of its own, other people perhaps)
        if not all(x.norm.isalpha() or x.norm in (",", ";", ":") for x in ws[i:hi]):
            return False
        tot = sum(g.value for g in later)
        return 0.8 * w.value <= tot <= 1.25 * w.value

    def _open_after(self, f: Fact) -> bool:
        """The list f closes goes on: "… (EUR 300,000) and other donors", «… и другие партнёры» (list ``open_list``)."""
        if not 0 <= f.sentence < len(self.sent_words):
            return True
        ws = self.sent_words[f.sentence]
        j = self._widx(ws, f.end)
        return bool(phrase_set(self.lang, "open_list").find(ws, j, min(len(ws), j + 8)))

    def _unnamed_whole(self, usable: list[Fact], ms: list[Fact], unit: str) -> Fact | None:
        """«На реконструкцию водопровода направлено €4,1 млн. Европейский союз предоставил €3,2 млн, …»: with no
        total named, the one amount no role names, stated in the sentence before the EU's part (same paragraph) or
        before it in its sentence, larger than every contribution and near their sum (0.8–1.25 of it), is the whole."""
        eu = [f for f in ms if f.role == "eu" and not f.subset and not f.hedge]
        if len(eu) != 1:
            return None
        p = eu[0]
        parts = [f for f in ms if f.role in ("eu", "cofin") and not f.subset and not f.hedge]
        cands = [f for f in usable if f.role is None and f.unit == unit and not f.subset and not f.hedge and f.table is None
                 and "whole" not in f.meta and f.start < p.start and f.block == p.block
                 and (f.sentence == p.sentence or f.sentence == p.sentence - 1)
                 and not any(f.id in r.facts for r in self.model.relations)]
        if len(cands) != 1:
            return None
        w = cands[0]
        if any(f.value >= w.value for f in parts):
            return None
        later = [f for f in usable if f.unit == unit and f.start > p.start and f.role in (None, "other", "cofin")
                 and not f.subset and abs(f.sentence - p.sentence) <= 1 and f.id != w.id]
        tot = p.value + sum(f.value for f in later)
        return w if 0.8 * w.value <= tot <= 1.25 * w.value else None

    def _project_after(self, ws: list[Word], j: int, i: int) -> bool:
        """"The EUR 4 million project", "the EUR 6 million drinking water project" (up to two lower-case words of
        its subject between, after "the" / "a"): the project's own cost."""
        nouns = PROJECT_AFTER.get(self.lang, ())
        if not nouns:
            return False
        for k in range(j, min(len(ws), j + 3)):
            if ws[k].norm in nouns:
                return k == j or (i > 0 and ws[i - 1].norm in ("the", "a", "an", "this", "its")
                                  and all(w.norm.isalpha() and self.text[w.start].islower() and w.norm not in ("and", "of", "for", "in")
                                          for w in ws[j:k]))
        return False

    def _named_between(self, a: Fact, b: Fact) -> bool:
        """A name (a capitalised word not opening the text between) or a possessive stands between two amounts:
        "EUR 2.5 million …, and the Asian Development Bank EUR 300,000", "… and the municipality's EUR 300,000"."""
        gap = self.text[a.end:b.start]
        if len(gap) > 120 or LIST_BREAK.search(self.text, a.end, b.start):
            return False
        toks = re.findall(r"[^\W\d_][\w'’-]*", gap)
        return any(t[:1].isupper() for t in toks) or any(t.endswith(("'s", "’s")) for t in toks)

    def _in_name(self, ws: list[Word], i: int) -> bool:
        """ws[i] is a word of a name: capitalised inside the sentence or right after an opening quote
        ("Growing Together", «Вместе сильнее»): no cue of a role."""
        w = self.text[ws[i].start:ws[i].end]
        if i > 0 and ws[i - 1].norm in ("\"", "«", "“", "'", "‘"):
            return True
        return i > 0 and w[:1].isupper() and ws[i - 1].norm not in (".", "!", "?", ":", "–", "—", "-")

    def _bracketed_share(self, ws: list[Word], money: list[Fact], k: int) -> bool:
        """money[k] is a percentage alone in brackets right after the amount money[k - 1]: "EUR 810,000 (90%)"."""
        if not (0 < k < len(money)) or money[k].kind != "percent" or money[k - 1].kind != "money":
            return False
        a, b = self._widx(ws, money[k - 1].end), self._widx(ws, money[k].start)
        e = self._widx(ws, money[k].end)
        return b == a + 1 and ws[a].norm == "(" and e < len(ws) and ws[e].norm == ")"

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
            w = ws[i].norm
            if w in extra or w.endswith("'s") and (w[:-2] in extra or i > lo and ws[i - 1].norm == "the"):
                i += 1  # "of the project's / the city's EUR 3 million budget": a possessive after "the" is a determiner
                continue
            m = ps.at(ws, i, hi)
            if m is None:
                return False
            i = m.j
        return True

    def _relations(self, fs: list[Fact], ws: list[Word], text: str, base: int) -> None:
        self._products(fs, ws)
        self._parenthetical(fs, ws)
        money = [f for f in fs if f.kind == "money" and not f.meta.get("each") and not f.meta.get("own_list")]
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
            if nxt is None or nxt.unit != w.unit or w.meta.get("part_of_previous"):
                continue  # "EUR 1 million of this amount and … the other EUR 200,000": w is a part, not a whole
            lo, hi = self._between(ws, w, nxt)
            inc = phrase_set(lang, "includes").find(ws, lo, min(hi, lo + 4))
            cons = phrase_set(lang, "consists").find(ws, lo, min(hi, lo + 5))
            inc = inc or cons
            i0 = self._widx(ws, w.start)
            # "Of the EUR 2 million budget, …", «Из общей суммы в 2,4 млн евро …»: at the start of the sentence
            of_before = (k == 0 and i0 <= 6 and ws and ws[0].norm in ("of", "out", "из", "от") and
                         not w.meta.get("part_of_total") and  # "Of the total, EUR 6 million …": the first part
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
                parts = [m for m in money[k + 1:k + 2 + _MAX_PARTS] if m.unit == w.unit and m.role != "total"]
                # «96 000 евро: 24 места по 3 500 евро (84 000 евро) и система стоимостью 12 000 евро»: an item's
                # cost after the first part is one more part, not the whole again
                parts = sorted(parts + [m for m in money[k + 1:k + 2 + _MAX_PARTS] if m.unit == w.unit and m.role == "total"
                                        and not m.meta.get("strong") and parts and m.start > parts[0].end
                                        and m.value < w.value], key=lambda f: f.start)
                if len(money) - k - 1 > _MAX_PARTS + 1:
                    parts = []  # more amounts after it in one sentence than any list of parts has (and linear time)
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
                elif 2 <= hi - lo <= 3 and ws[lo].norm.isalpha() and ws[lo + 1].norm in ("–", "—", "(", ",") \
                        and self._only(ws, lo + 1, hi, "share_links", filler):
                    target = a  # "the €2,500,000 facility – 65 per cent": the amount's own noun, then the link
            if target is None and nxt:
                b = nxt[0]
                lo, hi = self._between(ws, p, b)
                if hi - lo <= 8 and self._only(ws, lo, hi, "share_links", filler | {"or", "или"}) and not (
                        hi - lo >= 2 and ws[hi - 1].norm in ("в", "of") and phrase_set(lang, "share_whole").at(ws, lo, hi)):
                    target = b  # not «75 % бюджета проекта в 1,5 млн евро»: the budget named with its amount is the whole
            if target is None and nxt and p.role in ("eu", "cofin", "remaining"):
                # "The EU covers 95 per cent of it, EUR 1,140,000": the share of a whole stated before,
                # and the amount after it restates the part
                from app.facts.relations import anaphor_at

                j0 = self._widx(ws, p.end)
                j = anaphor_at(ws, j0, lang)
                named = phrase_set(lang, "share_whole").at(ws, j0) if j is None else None
                if named is not None:
                    j = named.j  # "The EU provides 80 per cent of the budget, EUR 720,000": the part restated
                b = nxt[0]
                hi = self._widx(ws, b.start)
                cue_inside = named is not None and b.role == "total" and "cue" in b.meta and b.meta["cue"][0] >= ws[j0].start
                if j is not None and hi - j <= 3 and self._only(ws, j, hi, "share_links", filler) and (
                        b.role in (None, p.role) or cue_inside):
                    b.meta.pop("strong", None)
                    b.role = p.role
                    p.attached = True
                    p.meta["part"] = b.id
                    p.meta["pending_share"] = True
                    continue
            if target is not None and target.start > p.end and p.role in ("eu", "cofin", "remaining") and \
                    target.role in (None, "total") and not p.end <= target.meta.get("cue", (-1,))[0] < target.start and \
                    phrase_set(lang, "part_of").find(ws, *self._between(ws, p, target)):
                # "The EU covers three quarters of the € 1.8 m cost", "80 % of EUR 2 million": the amount after
                # "of" is the share's whole; its part is the role's amount stated elsewhere
                target.role = "total"
                p.attached = True
                p.meta["whole"] = target.id
                p.meta["pending_share"] = True
                continue
            if target is not None and target.start > p.end and target.role == "total" and p.role in ("eu", "cofin", "remaining") \
                    and "cue" in target.meta and target.meta["cue"][0] >= p.end:
                # "The EU provides 80 per cent of the budget, EUR 720,000": the budget named is the share's
                # whole, the amount after it restates the part
                target.role = p.role
                target.meta.pop("strong", None)
                p.attached = True
                p.meta["part"] = target.id
                p.meta["pending_share"] = True
                continue
            if target is not None:
                p.attached = True
                named = phrase_set(lang, "share_whole").at(ws, self._widx(ws, p.end))
                later = [m for m in nxt if m is not target and m.unit == target.unit]
                named_whole = later[0] if named is not None and later and later[0].role in (None, "total") and \
                    self._widx(ws, later[0].start) - named.j <= 6 and later[0].value > target.value else None
                if target.role == "total" and named_whole is not None and target.start < p.start:
                    # «Стоимость оборудования – 1 350 000 евро, что составляет 30 % бюджета компонента, который
                    # достигает 4,5 млн евро»: a cost stated as a share of the budget named after the share
                    self.rel("share", [p.id, target.id, named_whole.id])
                    continue
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
                if whole is None and named_whole is not None and self._widx(ws, named_whole.start) - named.j <= 2:
                    # «2 млн евро – 80 % её бюджета в 2,5 млн евро», "EUR 2 million, 80 per cent of its budget
                    # of EUR 2.5 million": the budget named after the share is its whole
                    named_whole.role = "total"
                    whole = named_whole.id
                if whole is not None:
                    self.rel("share", [p.id, target.id, whole])
                else:
                    p.meta["pending_share"] = True
            elif prev and self._share_whole_after(ws, p) and prev[-1].role != "total" and not prev[-1].meta.get("each") \
                    and not any(o.kind == "percent" and prev[-1].end <= o.start < p.start for o in fs):
                # "EUR 1.1 million has been used for …, or roughly 35 per cent of the budget": the amount
                # before it over the budget
                a = prev[-1]
                p.meta["part"] = a.id
                p.meta["whole_named"] = True
                p.role = a.role or p.role
                whole = self._sentence_whole(a)
                if whole is not None:
                    self.rel("share", [p.id, a.id, whole])
                else:
                    p.meta["pending_share"] = True
            elif p.role in ("eu", "cofin", "remaining"):
                # "the EU covers 80 % of the EUR 2 million budget"
                whole = next((m for m in nxt if m.role == "total" or phrase_set(lang, "part_of").find(ws, *self._between(ws, p, m))), None)
                named = phrase_set(lang, "share_whole").at(ws, self._widx(ws, p.end))
                if whole is None and named is not None and nxt and nxt[0].role is None and \
                        self._widx(ws, nxt[0].start) - named.j <= 2:
                    whole = nxt[0]  # «80 % её бюджета в 2,5 млн евро», "80 per cent of its budget of EUR 2.5 million"
                if whole is not None and whole.role in (None, "total"):
                    whole.role = "total"
                    p.meta["whole"] = whole.id
                p.meta["pending_share"] = True
        self._groups(counts, fs, ws)
        self._durations(fs, ws)

    def _share_whole_named(self, p: Fact) -> bool:
        return 0 <= p.sentence < len(self.sent_words) and self._share_whole_after(self.sent_words[p.sentence], p)

    def _share_whole_after(self, ws: list[Word], p: Fact) -> bool:
        """The words right after a percentage name the budget as its whole ("of the budget", «бюджета»)."""
        j = self._widx(ws, p.end)
        m = phrase_set(self.lang, "share_whole").at(ws, j)
        if m is None:
            return False
        # "up to 50 % of the cost of a milk cooler", "of the cost of each unit": the cost of an item, not the budget
        k = m.j
        if self.lang == "en" and k + 1 < len(ws) and ws[k].norm == "of" and ws[k + 1].norm in ("a", "an", "each", "every", "one"):
            return False
        return True

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
            # (a lone "the remaining 0.4 million of the 4.6 million budget" is at most the whole: its other parts
            # are stated elsewhere, the scope's sum reads them)
            complete = "remaining" in roles and len(parts) >= 2 or ({"eu", "cofin"} <= roles and "other" not in roles and None not in roles) \
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
        for c in cs:
            # "Tugarak (4,100 people), Mehnatobod (3,950) and …": a count with its noun in brackets after a name is a
            # group like the bare ones after it, not their whole
            bl = None if c.meta.get("group_number") or not self.text[c.end:c.end + 2].lstrip(" \u00a0").startswith(")") \
                else BRACKET_LABEL.search(self.text[max(0, c.start - 34):c.start])
            if bl:
                c.meta.update(group_number=True, bracket_group=True, place_group=bl.group("w")[:1].isupper())
        for k, w in enumerate(cs):
            if w.meta.get("of_them") or w.meta.get("group_number") or w.subset or w.id in used:
                continue
            i0 = self._widx(ws, w.start)
            if k > 0 and i0 >= 1 and after_qualifier_prep(ws, i0, lang) and not cs[k - 1].meta.get("part_of_next") and \
                    self._widx(ws, w.start) - self._widx(ws, cs[k - 1].end) <= 3:
                continue  # «145 журналистов из (всех) 11 редакций»: a qualifier of the count before
            later = [g for g in self._group_members(w, fs, ws)]
            # "Some 40 of the 70 mentors are women, while 35 are men": the first group stands before its whole
            head = [c for c in cs[:k] if c.meta.get("part_of_next") and c.meta.get("group_number") and not c.subset
                    and 0 <= w.start - c.end <= 12]
            if head and later:
                later = head[-1:] + later
            # skip qualifiers of the whole («из 11 региональных редакций») at the head of the list
            while later and later[0].start - w.end < 40 and not later[0].meta.get("bracket_group") and \
                    qualifier_gap(self.text[w.end:later[0].start], lang):
                used.add(later[0].id)
                later = later[1:]
            if not later:
                continue
            i = self._widx(ws, w.end)
            hi = self._widx(ws, later[0].start)
            dash = hi > i and ws[hi - 1].norm in ("–", "—") and all(g.meta.get("place_group") for g in later)
            # "Forty-two health facilities – 30 rural clinics and 12 feldsher posts – will …", «42 учреждения
            # (30 больниц и 12 пунктов)»: the enumeration set off right after the whole, closed by "and", is all of it
            qual = ws[i:hi - 1]  # "Thirty-five education facilities in Kulob and Vose districts – 22 schools and …"
            apposed = hi > i and ws[hi - 1].norm in ("–", "—", "(") and len(later) >= 2 and (
                not qual or len(qual) <= 7 and qual[0].norm in APPOSED_QUALIFIERS and all(x.norm.isalpha() for x in qual)) and \
                enumeration_complete(self.text, later, lang) and not _uncounted_digits_between(self.text, w, later)
            dash = dash or apposed
            link = inc_ps.find(ws, i, hi) or (i < len(ws) and ws[i].norm == "(") or any(ws[x].norm == ":" for x in range(i, hi)) or dash \
                or (len(later) >= 2 and all(g.meta.get("bracket_group") for g in later) and hi - i <= 3)
            of_before = phrase_set(lang, "whole_after").ends_at(ws, i0, max(0, i0 - 4))
            if of_before and of_before.i > 0 and ws[of_before.i - 1].norm not in (",", ";", ":", "–", "—", "(", "that", "and", "что", "и", "а") \
                    and not any(c.end == ws[of_before.i - 1].end for c in cs):  # "Forty of the 70 mentors …"
                of_before = None  # "Residents of eleven villages … planted 18 kilometres": "of" opens no clause here
            if of_before and i0 >= 2 and ws[i0 - 2].norm in ("total", "number", "maximum", "minimum", "group", "team"):
                of_before = None  # "A total of 260 teachers": a whole, not "of the 260 teachers, 190 …"
            if not (link or of_before or any(g.meta.get("of_them") for g in later)):
                # "One hundred and twenty doctors attended, 70 women and 60 men": a complete pair of
                # groups right after the whole's clause
                if not (self._complete_pair(later) and hi - i <= 8 and hi > 0 and ws[hi - 1].norm in (",", ":", "–", "—", "-", ";")
                        and all(w2.norm.isalpha() or w2.norm in (",", ":", "–", "—", "-", ";") for w2 in ws[i:hi])) \
                        and not self._pair_after_clause(ws, i, hi, w, later):
                    continue
            if re.search(r"(?:^|[^\w])по[ \u00a0]$", self.text[max(0, w.start - 4):w.start].lower()):
                continue  # «по 20 участников в каждом»
            if len(later) < 2 and not (inc_ps.find(ws, i, hi) or of_before or later[0].meta.get("of_them")):
                continue
            from app.facts.relations import _uncounted_digits

            if any(g.meta.get("remaining") for g in later) and _uncounted_digits(self, w, later[-1]):
                continue  # «Из 300 выпускников 120 работают в Астане, 100 – в Алматы, остальные 80 …»: a group not read
            if w.value == len(later) and len(later) >= 2 and all(g.unit != w.unit for g in later) and \
                    all(g.meta.get("group_number") for g in later[1:]):
                # (the first group may name its noun: "three jamoats: 2,100 households in Sarazm, 1,500 in Shing …")
                # «Победительницы представляют три области: 16 – Ошскую, 14 – …»: the whole counts the groups,
                # not their members; the members' whole is the count stated just before
                used.update(g.id for g in later)
                prev = self._previous_whole(later)
                if prev is not None:
                    self._group_rel(prev, later, complete=True)
                continue
            if all(g.meta.get("place_group") or g.meta.get("of_them") or _people(lang, g.unit) for g in later) and any(
                    _pat_ok(str(x), w.unit) for x in phrase_set_list(lang, "place_nouns")) and (
                    sum(g.value for g in later) > 1.5 * w.value or any(_people(lang, g.unit) for g in later)):
                # "participants from five countries: 120 from Uzbekistan, 60 from …": people by place, not the places
                # (but "60 villages: 25 in Naryn district, 20 in At-Bashy …" counts the villages themselves)
                continue
            listed = (not [m for m in inc_ps.find(ws, i, hi) if ws[m.i].norm != ":"] and all(g.meta.get("place_group") for g in later)
                      or apposed) and enumeration_complete(self.text, later, lang) and not _uncounted_digits(self, w, later[-1])
            self._group_rel(w, later, complete=listed)
            if _uncounted_digits(self, w, later[-1]):
                self.model.relations[-1].complete = False  # a group not read between them: at most the whole
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

    def _previous_whole(self, groups: list[Fact]) -> Fact | None:
        """The whole of groups listed by a count of the groups themselves («три области: 16 – …»): the one
        count of the sentence before in the same paragraph, when the groups add up to nearly it (a list
        of 40 winners by region after «отобрала 40 заявок»; not a count of something else)."""
        if len(self.sent_facts) < 2 or self.sent_block[-1] - self.sent_block[-2] > 1:
            return None  # the sentence before, in this paragraph or the one before
        cs = [f for f in self.sent_facts[-2] if f.kind == "count" and not f.meta.get("measure")
              and not f.meta.get("group_number") and not f.meta.get("groups")]
        if len(cs) > 2 or not cs:
            return None
        c = cs[0]
        if len(cs) == 2 and not after_qualifier_prep(self.sent_words[-2], self._widx(self.sent_words[-2], cs[1].start), self.lang):
            return None  # «40 заявок из 312 поступивших»: the second count qualifies the first
        total = sum(g.value for g in groups)
        if c.subset or c.hedge or not (0.8 * c.value <= total <= 1.25 * c.value) or max(g.value for g in groups) >= c.value:
            return None
        return c

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
            if out and (len(gap) > 30 or (")" in gap and not f.meta.get("bracket_group")) or ";" in gap):
                break
            own_noun = not f.meta.get("group_number") and not f.unit.startswith("@")
            if own_noun and _people(self.lang, f.unit) and whole.unit and not _people(self.lang, whole.unit) \
                    and not (self.lang == "en" and whole.unit.endswith(_EN_AGENT)):
                break  # «12 школ: в восьми из них учатся 2 400 детей»: people counted in the things, not a group of them
            if own_noun and out and out[-1].meta.get("of_them") and self._label_unit(out[-1]) and not self._label_unit(f):
                break  # "200 officers, 60 of them women, and 150 prosecutors": the list goes on after the aside
            out.append(f)
        return out

    def _label_unit(self, f: Fact) -> bool:
        """f is counted by a complementary group's label (women, men, girls, boys, urban, rural …)."""
        names = [f.unit, f.label] + ([f.q.noun.lower()] if f.q and f.q.noun else [])
        return any(_pat_ok(p, n) for pair in _complementary(self.lang) for p in pair for n in names if n)

    def _complete_pair(self, groups: list[Fact]) -> bool:
        """Exactly the two complementary groups (women and men, girls and boys, urban and rural)."""
        if len(groups) != 2:
            return False
        for pair in _complementary(self.lang):
            if all(any(_pat_ok(p, g.unit) or (g.q and g.q.noun and _pat_ok(p, g.q.noun.lower())) or (g.label and _pat_ok(p, g.label.lower()))
                       for g in groups) for p in pair) and \
                    all(any(_pat_ok(p, g.unit) or (g.q and g.q.noun and _pat_ok(p, g.q.noun.lower())) or (g.label and _pat_ok(p, g.label.lower()))
                            for p in pair) for g in groups):
                return True
        return False

    def _group_rel(self, whole: Fact, groups: list[Fact], complete: bool = False) -> None:
        from app.facts.groups import fraction_whole

        if fraction_whole(self, whole) is not None:
            return  # «Каждый пятый из 250 участников — 50 …»: a fraction of the 250, not a whole of groups
        if whole.kind == "count" and ONE_IN.search(self.text, max(0, whole.start - 30), whole.start):
            return  # "Three in five borrowers are women: 126 of the 210 loans …": a rate's denominator, not a whole
        if whole.meta.get("each") and any(g.value > whole.value for g in groups):
            return  # "Each school has sent 20 teachers, 1,280 in total. Of these, 896 are women …": not the 20 per school
        labels = [g.label or g.unit for g in groups] + [g.q.noun for g in groups if g.q and g.q.noun]
        sets = _complementary(self.lang)
        for pair in sets:
            hit = [any(_pat_ok(p, lab) for lab in labels) for p in pair]
            if all(hit) and len(groups) == len(pair) and all(any(_pat_ok(p, g.unit) or (g.q and _pat_ok(p, g.q.noun.lower())) for p in pair) for g in groups):
                complete = True
        if not complete and len(groups) >= 2 and 0 <= groups[-1].sentence < len(self.sent_words):
            from app.facts.relations import remaining_before

            ws = self.sent_words[groups[-1].sentence]
            if remaining_before(ws, self._widx(ws, groups[-1].start), self.lang):
                groups[-1].meta["remaining"] = True  # «…, остальные 20 – юноши»: the last group is the rest
        if any(g.meta.get("remaining") for g in groups):
            complete = True
        frac = self._fraction_between(whole, groups[0]) if len(groups) == 1 and groups[0].meta.get("remaining") else None
        if frac is not None:
            # «Из 18 поликлиник половина …, остальные девять — …»: the group given as a fraction of the whole is the
            # other group (a figure of its own, never the one blamed)
            w, v = frac
            g = self.add("count", w.start, w.end, v * whole.value, whole.unit, None, place=whole.place, scope=whole.scope,
                         sentence=groups[0].sentence, block=groups[0].block)
            g.meta["virtual"] = True
            groups = [g] + groups
        for g in groups:
            g.subset = True
        whole.meta["groups"] = [g.id for g in groups]
        self.rel("groups", [whole.id] + [g.id for g in groups], complete)

    def _per_item(self, x: Fact, ws: list[Word], fs: list[Fact]) -> dict | None:
        """Is x a figure per item? After it: "EUR 15,000 each", "per station", «по 20 участников в
        каждом», "45 from each of five regions"; before it, in its clause: "villages will each
        receive EUR 8,000", "Each of the 12 clinics received EUR 30,000", "Each hub cost …",
        «Каждая из 12 больниц получила …». Returns None or {noun: the noun after each/per (lemma or
        ""), of: word index after "each of" / «каждой из» (the items follow), each_at: word index of
        a preceding "each"}."""
        lang = self.lang
        i0, i1 = self._widx(ws, x.start), self._widx(ws, x.end)
        po = lang == "ru" and i0 > 0 and ws[i0 - 1].norm == "по"
        nxt, prv = _neighbours(fs, x)
        preps = ("from", "in", "at", "for", "to", "of", "on") if lang == "en" else ("в", "на", "для", "от", "из", "с", "за")

        def is_each(w: str) -> bool:
            # «по 2 500 евро за единицу», «за штуку»: per item too
            return w in ("each", "every", "apiece", "per") if lang == "en" else w.startswith("кажд") or w in ("единицу", "штуку")

        def is_each_at(j: int) -> bool:
            # «каждый третий выпускник», "every fourth household": a fraction, not a figure per item
            return is_each(ws[j].norm) and not (j + 1 < len(ws) and _ordinal(lang, ws[j + 1].norm))

        def after_each(j: int, limit: int) -> tuple[str, int | None]:
            from app.facts.quantities import STOP_EN, _en_singular

            k = j + 1
            if k < len(ws) and ws[k].norm in (("of",) if lang == "en" else ("из",)):
                return "", k + 1
            if k < len(ws) and ws[k].norm.isalpha() and ws[k].start < limit:
                if lang == "ru":
                    return _noun_ru(ws[k].norm), None
                if ws[j].norm != "apiece" and ws[k].norm not in STOP_EN and not _en_verb_after_each(ws, k):
                    return _en_singular(ws[k].norm), None
            return "", None

        for j in range(i1, min(len(ws), i1 + 6)):
            w = ws[j].norm
            if w in (".", ";", ":") or (j > i1 and w == ",") or ws[j].start >= nxt:
                break
            between = [v.norm for v in ws[i1:j] if v.norm not in (",", "(", "сша")]  # («долларов США за штуку»)
            ahead = next((jj for jj in range(j, min(len(ws) - 1, i1 + 5)) if is_each_at(jj)
                          and ws[jj + 1].norm == ("of" if lang == "en" else "из")
                          and all(v.norm.isalpha() for v in ws[i1:jj]) and ws[jj].start < nxt), None)
            if ahead is not None:
                pass  # "EUR 15,000 will go to each of the 20 cooperatives"
            elif len(between) > 1 or between and between[0] not in preps:
                break  # "EUR 12,000 each", "45 from each", «по 30 000 евро на каждое»: next to the figure
            if lang == "en" and w == "every" and not between:
                break  # "20 every year": a frequency
            if lang == "en" and w == "per" and j + 1 < len(ws) and ws[j + 1].norm in TIME_NOUNS:
                break  # "EUR 5,000 per month": a rate
            if is_each_at(j):
                noun, of = after_each(j, nxt)
                return {"noun": noun, "of": of, "each_at": None}
        one_next = any(o.kind == "count" and o.value == 1 and o.start == ws[i1 + 1].start for o in fs) if i1 + 1 < len(ws) else False
        if lang == "ru" and i1 + 1 < len(ws) and ws[i1].norm == "на" and (ws[i1 + 1].start < nxt or one_next):
            # «1 200 евро на семью», «5 000 евро на одну школу», «из расчёта 5 000 евро на грант»: the items' noun after
            # «на», when the sentence counts those items before the figure (or «из расчёта» opens the rate)
            k = i1 + 1
            one = ws[k].norm in ("одну", "одного", "один", "одно")
            if one and k + 1 < len(ws):
                k += 1
            lemma = _noun_ru(ws[k].norm) if ws[k].norm.isalpha() and len(ws[k].norm) > 2 else ""
            rate = i0 >= 2 and ws[i0 - 2].norm == "из" and ws[i0 - 1].norm.startswith("расч")
            if lemma and lemma not in ("месяц", "год", "неделя", "день", "час", "срок", "период", "сумма", "цель", "нужда",
                                       "закупка", "ремонт", "обучение", "оплата", "покупка", "строительство", "содержание"):
                counted = [c for c in fs if c.kind == "count" and c.end <= x.start and not c.meta.get("measure")
                           and (_noun_match(c.unit, lemma) or lemma == "человек" and _people(lang, c.unit))]
                if counted or (rate or one) and any(c.kind == "count" and c.end <= x.start for c in fs):
                    return {"noun": lemma if counted else "", "of": None, "each_at": None}
        if po:
            # «На каждый дом предусмотрено по 18 000 евро»: the items' noun is the one after «каждый» before it
            for j in range(i0 - 2, max(-1, i0 - 8), -1):
                if ws[j].end <= prv or ws[j].norm in (".", ";", ":"):
                    break
                if is_each_at(j):
                    noun, of = after_each(j, x.start)
                    return {"noun": noun, "of": of, "each_at": j}
            return {"noun": "", "of": None, "each_at": None}
        # "50 micro-grants of EUR 12,000", "six cohorts of 20 trainees", «гранты в размере 25 000 евро»
        kinds = ("item_nouns",) if x.kind == "money" else ("containers",)
        links = (("of",), ("worth",), ("of", "up", "to")) if lang == "en" else (("в", "размере"), ("размером",), ("стоимостью",))
        for link in links:
            h = i0 - len(link)
            if h >= 1 and tuple(w.norm for w in ws[h:i0]) == link and not (x.hedge and "up" not in link):
                noun_w = ws[h - 1].norm
                if any(noun_w == str(v).lower() or noun_w.endswith("-" + str(v).lower()) for key in kinds
                       for v in (data(lang).get(key) or [])):
                    return {"noun": "", "of": None, "each_at": None, "items_at": h - 1}
        # "each" earlier in the clause, no figure between it and x but the items ("Each of the 12 clinics")
        of_word = "of" if lang == "en" else "из"
        for c0 in range(i0 - 1, max(-1, i0 - 4), -1):
            if ws[c0].norm == of_word and c0 > 0 and is_each_at(c0 - 1):
                return None  # x is the items themselves
        j = i0 - 1
        reach = 10
        pc = next((o for o in reversed(fs) if o.end == prv), None)
        if pc is not None and pc.kind == "count":
            c0 = self._widx(ws, pc.start)
            if any(ws[k].norm == of_word and k > 0 and is_each_at(k - 1) for k in range(max(0, c0 - 3), c0)):
                reach = 24  # "Each of the 12 schools selected in … for the … pilot will receive EUR 20,000": a long subject
        while j >= max(0, i0 - reach):
            w = ws[j].norm
            if ws[j].end <= prv:
                c = _containing(fs, ws[j].start, "count")
                c0 = self._widx(ws, c.start) if c is not None else -1
                k = next((k for k in range(c0 - 1, max(-1, c0 - 4), -1) if ws[k].norm == of_word), None) if c0 > 0 else None
                if k is not None and k > 0 and is_each_at(k - 1):
                    return {"noun": "", "of": c0, "each_at": k - 1}
                break
            if w in (".", ";", ":", ",", "(", ")", "and", "и", "а", "but", "но"):
                break
            if (lang == "en" and w in ("each", "every") or lang == "ru" and w.startswith("кажд")) and not is_each_at(j):
                break  # «каждого пятого обследованного — у 75 человек»: a fraction
            if lang == "en" and w in ("each", "every") or lang == "ru" and w.startswith("кажд"):
                if lang == "en" and w == "every" and not (j + 1 < len(ws) and (ws[j + 1].norm == "of" or ws[j + 1].norm.isalpha() and _en_item_after_every(ws[j + 1].norm))):
                    break  # "every year", "every two months": a frequency; "Every centre gets …": each item
                noun, of = after_each(j, x.start)
                return {"noun": noun, "of": of, "each_at": j}
            j -= 1
        # "Each team received vehicles, kits and radios worth EUR 80,000", «Каждый комплект включает датчики,
        # сирену и … и стоит 3 200 евро»: a sentence about each item; its first figure is per item
        for j in range(0, min(3, i0)):
            w = ws[j].norm
            if lang == "en" and w == "each" or lang == "ru" and w.startswith("кажд"):
                if j + 1 < len(ws) and ws[j + 1].norm == of_word or prv > ws[j].start or not is_each_at(j):
                    break
                if any(v.norm in (".", ";", ":") for v in ws[j:i0]):
                    break
                noun, of = after_each(j, x.start)
                if noun:
                    return {"noun": noun, "of": None, "each_at": j}
            if w.isalpha() and w not in ("and", "и", "а", "но", "but", "in", "на", "в", "for", "для"):
                break
        return None

    def _operator_products(self, fs: list[Fact]) -> None:
        """"20 grants x EUR 15,000 = EUR 300,000", «20 грантов × 15 000 евро = 300 000 евро»."""
        if len(fs) < 3:
            return
        for a, b, c in zip(fs, fs[1:], fs[2:]):
            if a.kind != "count" or b.kind not in ("money", "count") or c.kind != b.kind or b.unit != c.unit and b.kind == "money":
                continue
            if re.fullmatch(r"[ \u00a0]*[x×*][ \u00a0]*", self.text[a.end:b.start]) and \
                    re.fullmatch(r"[ \u00a0]*=[ \u00a0]*", self.text[b.end:c.start]):
                b.meta["each"] = True
                a.meta["items"] = True
                c.meta["product"] = True
                self.rel("product", [a.id, b.id, c.id])

    def _products(self, fs: list[Fact], ws: list[Word]) -> None:
        """"20 grants of EUR 15,000 each, EUR 300,000 in total", «10 грантов по 5 000 евро на общую сумму
        50 000 евро», «12 тренингов по 20 участников в каждом», "45 from each of five regions": a
        figure per item and the count of items; the total may come in this sentence or later
        (``_products_across``)."""
        if not fs:
            return
        lang = self.lang
        self._operator_products(fs)
        from app.facts.products import one_item_amounts

        one_item_amounts(self, fs, ws)  # «Стоимость одного комплекта — 2 000 евро»: per item
        counts = [f for f in fs if f.kind == "count" and not f.meta.get("measure")]
        tot_ps = phrase_set(lang, "in_total")
        by_total: dict[int, list] = {}
        for x in fs:
            if x.kind not in ("money", "count") or x.meta.get("each"):
                continue  # (hours per item: «восемь модулей по 16 часов», "six sessions of three hours each")
            info = self._per_item(x, ws, fs)
            if info is None:
                continue
            if x.meta.get("measure") and x.unit != "h" and not (info["each_at"] is None and info["of"] is None
                                                                and info.get("items_at") is None and not info["noun"]):
                continue  # a measured quantity per item only with "each" right after it: «панели мощностью 15 кВт каждая»
            noun = info["noun"]
            if noun in GENERIC_ITEMS:
                noun = ""  # "USD 9,500 per unit", «за штуку»: any item, the count before names it
            i0, i1 = self._widx(ws, x.start), self._widx(ws, x.end)
            n = None
            if info["of"] is not None:  # "each of the 30 jamoats", «каждая из 12 больниц»
                n = next((c for c in counts if c is not x and 0 <= self._widx(ws, c.start) - info["of"] <= 2), None)
                if n is None and info["of"] < len(ws) and ws[info["of"]].norm in ("them", "these", "those", "них") \
                        and not any(c.end <= x.start for c in counts) \
                        and x.sentence > 0 and x.block - self.sent_block[x.sentence - 1] <= 1:
                    # "Forty-two businesses have been selected. Each of them will receive EUR 15,000": the one count
                    # of the sentence before (none in its own: «80 человек, каждый из которых …» is that sentence's)
                    cs = [c for c in self.sent_facts[x.sentence - 1] if c.kind == "count" and not c.meta.get("measure")]
                    n = cs[0] if len(cs) == 1 else None
            elif info["each_at"] is not None:
                # "Twenty-five villages will each receive …"
                n = next((c for c in reversed(counts) if c.end <= ws[info["each_at"]].start
                          and info["each_at"] - self._widx(ws, c.end) <= 3), None)
                if n is None and not noun and info["each_at"] > 0:
                    # "Sixteen rural schools in Pavlodar region will each receive …", "three training cycles …, each
                    # bringing together 45 councillors": the clause's subject counted before "each", no figure between
                    n = self._subject_before_each(ws, info["each_at"], fs, x)
                if n is None and noun:  # "Each hub cost …": the hubs counted here or up to two sentences before
                    n = self._counted_before(x, noun, fs)
                if n is None and not noun:
                    if info["each_at"] == 0:
                        # «Создано восемь хабов. Каждый обошёлся в …», "Thirty innovators won. Each will receive …":
                        # the one count of the sentence before
                        k = x.sentence - 1
                        if k >= 0 and self.sent_block[k] == x.block:
                            cs = [c for c in self.sent_facts[k] if c.kind == "count" and not c.meta.get("measure")]
                            n = cs[0] if len(cs) == 1 else None
            elif info.get("items_at") is not None:
                at = ws[info["items_at"]]
                n = next((c for c in counts if c is not x and c.start < at.start < c.end + 1 and at.end <= c.end), None)
                if n is None and x.kind == "money":  # "Grants of EUR 25,000 will go to 16 NGOs"
                    n = next((c for c in counts if c.start >= x.end and 1 <= self._widx(ws, c.start) - i1 <= 4
                              and not any(x.end <= o.start < c.start for o in fs)), None)
            else:
                before = [c for c in counts if c is not x and c.end <= x.start
                          and self._widx(ws, x.start) - self._widx(ws, c.end) <= 6
                          and not any(o.kind in ("money", "count", "percent") and c.end <= o.start < x.start for o in fs if o is not c)]
                if noun and not (before and _noun_match(before[-1].unit, noun)):
                    # "The 18 clinics will be equipped at a cost of EUR 25,000 per clinic": the count of the noun after
                    # "per", further back in the clause (up to 14 words, no clause break, no other figure between)
                    named = [c for c in counts if c is not x and c.end <= x.start and _counts_noun(c, noun)
                             and self._widx(ws, x.start) - self._widx(ws, c.end) <= 14
                             and not any(w.norm in (";", ".", ":") for w in ws[self._widx(ws, c.end):i0])
                             and not any(o.kind in ("money", "count", "percent") and c.end <= o.start < x.start for o in fs if o is not c)]
                    if named:
                        before = named
                if before and (not noun or _counts_noun(before[-1], noun)):
                    n = before[-1]
                    origin = self._origin_count(ws, n, counts, x) if not noun else None
                    if origin is not None:
                        n = origin  # «Двадцать редакций из всех семи областей получат гранты по 7 500 евро»: the editors, not the regions
                if n is None and x.kind == "money":
                    n = next((c for c in counts if c.start >= x.end and self._widx(ws, c.start) - i1 <= 4), None)
            x.meta["each"] = True
            if noun:
                x.meta["each_noun"] = noun
            if n is None or n.kind == x.kind == "count" and n.unit == x.unit and x.unit:
                continue
            if n.value < 2 and n.num is not None and n.num.words:
                continue  # "for every one of the 30 schools": "one" counts no items
            n.meta["items"] = True
            tot = None
            for t in fs:
                if t is x or t is n or t.kind != x.kind or t.unit != x.unit and (x.kind == "money" or x.meta.get("measure")):
                    continue
                if (t.unit == "h") != (x.unit == "h"):
                    continue  # hours are the total of hours only
                if self._total_cue(ws, t, fs):
                    tot = t
            if tot is None:
                n.meta["each"] = x.id
                x.meta["items_of"] = n.id
                continue
            from app.facts.products import rate_with_duration

            if x.kind == "money" and rate_with_duration(self, x):
                continue  # «по 200 евро в неделю в течение десяти недель – всего 30 000 евро»: three factors (rate_products)
            tot.meta["product"] = True
            by_total.setdefault(tot.id, []).append((n, x, tot))
        for items in by_total.values():
            # «2 сканера по 180 000 евро и 10 детекторов по 6 000 евро; общая стоимость — 420 000 евро»: a total of
            # two kinds of items is no one item's product (the sum of the products is not read yet)
            if len(items) == 1:
                n, x, tot = items[0]
                self.rel("product", [n.id, x.id, tot.id])

    def _fraction_between(self, a: Fact, g: Fact):
        """The one fraction word (rules/facts: ``fractions``: «половина», "a third") between a whole and a group
        of it in the group's sentence, with its value; else None."""
        fr = data(self.lang).get("fractions") or {}
        if not fr or not (0 <= g.sentence < len(self.sent_words)):
            return None
        lo = max(a.end, self.sentences[g.sentence][0])
        hits = [w for w in self.sent_words[g.sentence] if lo <= w.start and w.end <= g.start and w.norm in fr]
        return (hits[0], float(fr[hits[0].norm])) if len(hits) == 1 else None

    def _origin_count(self, ws: list[Word], c: Fact, counts: list[Fact], x: Fact) -> Fact | None:
        """c counts where the things come from, right after another count of them ("20 newsrooms from all
        seven regions", «Двадцать редакций из всех семи областей»): that other count, else None."""
        i = self._widx(ws, c.start)
        k = i - 1
        if k >= 0 and ws[k].norm in ("all", "всех", "the"):
            k -= 1
        if k < 1 or ws[k].norm not in ("from", "of", "across", "из", "со", "с"):
            return None
        prev = [o for o in counts if o is not c and o is not x and o.end <= ws[k].start and k - self._widx(ws, o.end) <= 2]
        return prev[-1] if prev and not prev[-1].meta.get("measure") else None

    def _subject_before_each(self, ws: list[Word], each_at: int, fs: list[Fact], x: Fact) -> Fact | None:
        """The count before a verb's "each" (up to 12 words, in the sentence's clause, no other figure between)."""
        at = ws[each_at].start
        before = [o for o in fs if o.end <= at and o is not x and o.kind in ("money", "count", "percent", "duration")]
        if not before or before[-1].kind != "count":
            return None
        c = before[-1]
        if c.meta.get("measure") or c.hedge or c.value < 2 or not (c.num is not None and c.num.integer):
            return None
        gap = [w.norm for w in ws if c.end <= w.start and w.end <= at]
        if len(gap) > 12 or any(w in (";", ":", "(", ")", "and", "и") for w in gap) or gap.count(",") > 1:
            return None
        return c

    def _total_cue(self, ws: list[Word], t: Fact, fs: list[Fact]) -> bool:
        """Is t named a total (list ``in_total``) anywhere in its clause before it — from the previous
        figure or clause sign, up to eight words («всего на эти цели выделено 200 000 евро») — or right
        after it ("EUR 360,000 in total")?"""
        tot_ps = phrase_set(self.lang, "in_total")
        j0, j1 = self._widx(ws, t.start), self._widx(ws, t.end)
        lo = max([0, j0 - 12] + [self._widx(ws, o.end) for o in fs if o.end <= t.start])
        for x in range(j0 - 1, lo - 1, -1):
            if ws[x].norm in (";", ".", "(", ")"):
                lo = x + 1
                break
        if t.kind == "money" and phrase_set(self.lang, "project.words").find(ws, lo, j0):
            return False  # "the total cost of the project", «общая стоимость проекта»: the project's budget, not the items'
        if tot_ps.find(ws, lo, j0) or tot_ps.find(ws, j1, min(len(ws), j1 + 3)):
            return True
        # "18 million som for the grants in total": "in total" closing the clause a few words after it
        hi = j1
        while hi < len(ws) and hi < j1 + 6 and ws[hi].norm not in (",", ";", ".", "(", ")", ":"):
            hi += 1
        return any(m.j == hi for m in tot_ps.find(ws, j1, hi)) and not any(o.start > t.end and self._widx(ws, o.start) < hi for o in fs)

    def _purpose_back(self, ws: list[Word], t: Fact, fs: list[Fact], key: str = "purpose_back") -> bool:
        """«На эти цели направлено 1,9 млрд сумов», "For this purpose, EUR 90,000 has been set aside": the sentence's
        one figure of its kind, its clause opened by words pointing back to what the sentence before pays for
        (``purpose_back``): the total of the items there."""
        j0 = self._widx(ws, t.start)
        if any(o.kind == t.kind and o is not t for o in fs) or j0 > 8 or t.hedge:
            return False
        ps = phrase_set(self.lang, key)  # (``whole_course``: «Полный курс объемом 64 часа», "The full course runs 64 hours")
        return any(m.i <= 1 for m in ps.find(ws, 0, j0))

    def _aggregate_noun(self, ws: list[Word], t: Fact, fs: list[Fact]) -> bool:
        """"The USD 603,000 package …", «Пакет в 630 000 долларов …»: an amount named by a word for a sum of items
        (``aggregate_nouns``) right after it or right before it, opening its sentence."""
        j0, j1 = self._widx(ws, t.start), self._widx(ws, t.end)
        ps = phrase_set(self.lang, "aggregate_nouns")
        if j0 > 2 or any(o.kind == t.kind and o is not t for o in fs):
            return False
        return bool(ps.at(ws, j1) or any(m.j == j0 for m in ps.find(ws, 0, j0)) if j1 < len(ws) else False)

    def _counted_before(self, x: Fact, noun: str, fs: list[Fact]) -> Fact | None:
        """The last count of ``noun`` before x in its sentence or up to two sentences before (same block)."""
        for back in range(x.sentence, max(-1, x.sentence - 3), -1):
            if self.sent_block[back] != x.block:
                break
            cs = [c for c in (fs if back == x.sentence else self.sent_facts[back])
                  if c.kind == "count" and c.end <= x.start and _noun_match(c.unit, noun) and not c.meta.get("measure")]
            if cs:
                return cs[-1]
        # "EU awards 40 grants …" (headline) … "Each grant is worth EUR 25,000": the items counted earlier in
        # the release, when every earlier count of them agrees
        cs = [c for k in range(0, max(0, x.sentence)) for c in self.sent_facts[k]
              if c.kind == "count" and _noun_match(c.unit, noun) and not c.meta.get("measure") and not c.subset
              and not c.hedge and c.scope == x.scope and c.value > 1]
        if cs and len({c.value for c in cs}) == 1:
            return cs[-1]
        return None

    def _products_across(self) -> None:
        """A per-item figure whose total is stated elsewhere: the total before the items
        ("EUR 450,000 will fund 30 grants of EUR 12,000 each", "210 health workers – 45 from each of
        five regions", «160 педагогов из 30 школ – по пять человек от каждой школы»), an equivalence
        ("EUR 261,000, or EUR 18,000 per station", the stations counted a sentence earlier), or the
        next sentence of the paragraph naming a total ("The grants total EUR 360,000")."""
        lang = self.lang
        tot_ps = phrase_set(lang, "in_total")
        done = {r.facts[1] for r in self.model.relations if r.kind == "product"}
        F = self.model.facts
        for k, fs in enumerate(self.sent_facts):
            ws = self.sent_words[k]
            for x in fs:
                if not x.meta.get("each") or x.id in done:
                    continue
                if "items_of" not in x.meta and x.kind == "money":
                    from app.facts.products import rate_with_duration

                    if rate_with_duration(self, x):
                        continue  # "Each student receives KGS 5,000 per month for 24 months, or KGS 100,000 …": a rate's product
                n = F[x.meta["items_of"]] if "items_of" in x.meta else None
                if n is None and x.kind == "money" and not x.meta.get("each_noun"):
                    from app.facts.products import subject_items

                    n = subject_items(self, k, x)  # «Сорок студентов … получат стипендию по 6 000 сомони каждый»
                if n is None and x.kind == "count" and x.meta.get("each_noun"):
                    from app.facts.products import items_after

                    n = items_after(self, k, x)  # "3 ambulances per district for its 12 rural districts"
                same = [t for t in fs if t is not x and t is not n and t.kind == x.kind and t.unit == x.unit
                        and not t.meta.get("each") and not t.meta.get("product") and not t.hedge]
                if x.kind == "count":
                    same = [t for t in fs if t is not x and t is not n and t.kind == "count" and not t.meta.get("each")
                            and not t.meta.get("items") and not t.meta.get("measure") and not t.meta.get("product")
                            and (not x.unit or _people(lang, t.unit) and (_people(lang, x.unit) or x.unit.startswith("@")))]
                tot = None
                if n is None and x.meta.get("each_noun"):
                    # "EUR 261,000, or EUR 18,000 per station": the items counted up to two sentences before
                    eq = [t for t in same if t.end <= x.start and _gap_words(ws, self, t, x) <= 2
                          and _link_or(self.text[t.end:x.start], lang)]
                    if eq:
                        for back in range(k, max(-1, k - 3), -1):
                            if self.sent_block[back] != self.sent_block[k] and back != k - 1:
                                break
                            cs = [c for c in self.sent_facts[back] if c.kind == "count" and c.end <= x.start
                                  and _noun_match(c.unit, x.meta["each_noun"]) and not c.meta.get("measure")]
                            if cs:
                                n, tot = cs[-1], eq[-1]
                                break
                if n is None and x.kind == "money" and x.meta.get("each_noun") and _people(lang, x.meta["each_noun"]):
                    # «Сорок предпринимательниц … получили гранты» (headline) … «Каждая участница получит грант в размере
                    # 5 000 евро; общий объем грантового фонда – 200 000 евро»: people paid per head, counted once in the
                    # headline or lead, and a total named after the per-head amount
                    heads = [c for c in self.model.facts if c.kind == "count" and c.place in ("headline", "lead")
                             and _people(lang, c.unit) and not c.hedge and not c.subset and c.scope == x.scope and c.end <= x.start]
                    tots = [t for t in fs if t.start > x.end and t in same and tot_ps.find(
                        ws, max(self._widx(ws, x.end), self._widx(ws, t.start) - 8), self._widx(ws, t.start))]
                    if len({c.value for c in heads}) == 1 and len(tots) == 1:
                        t = tots[0]
                        t.meta["product"] = True
                        if t.role in ("total", "cofin", "eu", "other"):
                            t.role = None
                        self.rel("product", [heads[-1].id, x.id, t.id])
                        done.add(x.id)
                        continue
                if n is None and x.kind == "money":
                    # «Каждый комплект … стоит 3 200 евро; закупка для всех 100 сел обойдется в 350 000 евро»,
                    # "… costs EUR 1,500; equipping all 40 villages costs EUR 60,000": the items counted with "all"
                    # after the per-item amount, and the one amount after them
                    alls = ("all",) if lang == "en" else ("все", "всех", "всем", "всеми")
                    for c in fs:
                        if c.kind != "count" or c.start <= x.end or c.meta.get("measure") or c.hedge or c.value < 2:
                            continue
                        ci = self._widx(ws, c.start)
                        if not (ci >= 1 and (ws[ci - 1].norm in alls or ci >= 2 and ws[ci - 1].norm == "the" and ws[ci - 2].norm in alls)):
                            continue
                        if any(o.kind == "money" and x.end < o.start < c.start for o in fs):
                            break
                        after = [t for t in fs if t.start > c.end and t.kind == "money"]
                        if after and after[0] in same and after[0].value > x.value and not after[0].meta.get("strong"):
                            n, tot = c, after[0]
                        break
                if n is None and x.meta.get("each_noun"):
                    from app.facts.products import items_counted_after

                    n = items_counted_after(self, k, x)  # "Each grant is worth EUR 5,000. Twenty grants were awarded, …"
                    if n is not None:
                        from app.facts.products import items_sentence_total

                        tot = items_sentence_total(self, x, n)  # "… With 300 hectares planned, the project will provide EUR 400,000"
                if n is None and x.meta.get("each_noun"):
                    from app.facts.products import items_named_before

                    n = items_named_before(self, k, x)  # «Восемь сёл получили мусоровозы. Стоимость одной машины — …»
                if n is None:
                    continue
                if tot is None and x.kind == "money" and n.end <= x.start:
                    # "Ten cooperatives will share EUR 300,000, receiving EUR 25,000 each", «Десять сёл разделят 300 000 евро –
                    # по 30 000 евро на каждое»: the one amount between the items and the per-item figure is what they share
                    mid = [o for o in fs if n.end <= o.start and o.end <= x.start and o.kind in ("money", "count", "percent")]
                    if len(mid) == 1 and mid[0] in same and mid[0].value > x.value and not mid[0].meta.get("strong") \
                            and mid[0].role in (None, "other", "total") and ";" not in self.text[n.end:x.start] \
                            and not _more_after(self.text, x, fs, lang):
                        tot = mid[0]
                if tot is None:
                    # the total just before the items (or before the per-item figure), nothing between
                    first = min(n, x, key=lambda f: f.start)
                    prev = [t for t in same if t.end <= first.start]
                    if prev:
                        t = prev[-1]
                        between = self.text[t.end:first.start]
                        gap = self._widx(ws, first.start) - self._widx(ws, t.end)
                        others = [o for o in fs if t.end <= o.start < first.start and o.kind in ("money", "count", "percent")]
                        tail_ok = not _more_after(self.text, x, fs, lang)
                        adjacent = x.kind == "count" and first is x and gap <= 1 and re.fullmatch(r"[ \u00a0]*[,–—-][ \u00a0]*", between)
                        tj = self._widx(ws, t.start)
                        cued = bool(tot_ps.find(ws, max(0, tj - 4), tj))  # "In total, EUR 700,000 has been set aside for …"
                        # "The EUR 300,000 envelope is split into 12 grants of …", «Фонд в 500 000 евро разделят на 20 грантов»
                        split = bool(phrase_set(lang, "consists").find(ws, self._widx(ws, t.end), self._widx(ws, first.start)))
                        # «36 000 евро – по 1 500 евро на каждого из 26 стажёров», "EUR 36,000: EUR 1,500 for each of 26 interns":
                        # the per-item figure in apposition right after the amount is what the amount is made of
                        apposed = first is x and "items_of" in x.meta and n.start > x.end and \
                            re.fullmatch(r"[ \u00a0]*[–—:][ \u00a0]*(?:по[ \u00a0]+)?", between) is not None
                        # "The EU allocated EUR 90,000 for 15 micro-grants at EUR 5,000 per grant", «выделено 90 000 евро на 15
                        # микрогрантов»: the amount right before the items, given for them
                        purpose = first is n and x.kind == "money" and not t.hedge and \
                            re.fullmatch(r"[ \u00a0]*(?:for|to[ \u00a0]+fund|на|для)[ \u00a0]*", between, re.I) is not None
                        if not others and gap <= 5 and tail_ok and ("," not in between or adjacent or cued) and ";" not in between \
                                and (x.kind == "count" or t.role in (None, "other") or cued or apposed or purpose or split and not t.hedge):
                            tot = t
                if tot is None:
                    # "EUR 4,000 per fellowship (EUR 60,000)", "EUR 12,000 each, or EUR 360,000": the total restated
                    later = [t for t in same if t.start >= x.end]
                    if later and later[0].value > x.value:
                        t = later[0]
                        between = self.text[x.end:t.start]
                        m = re.match(r"[ \u00a0]*(?:each|apiece|per[ \u00a0]+[a-z\-]{2,20}|каждый|каждая|каждое|на[ \u00a0]+кажд[а-яё]{1,3})?"
                                     r"[ \u00a0]*(?:\(|,[ \u00a0]*(?:or|или|i\.e\.|т\.[ \u00a0]?е\.|то[ \u00a0]+есть))[ \u00a0]*$", between, re.I)
                        if m and not any(x.end <= o.start < t.start for o in fs):
                            tot = t
                if tot is None and lang == "ru":
                    # «На 40 стипендий по 2 500 евро выделено 120 000 евро»: the total right after, linked by a verb
                    later = [t for t in same if t.start >= x.end]
                    if later:
                        t = later[0]
                        gap_ws = [w for w in ws if x.end <= w.start and w.end <= t.start]
                        if gap_ws and gap_ws[0].norm.startswith("кажд"):
                            gap_ws = gap_ws[1:]  # «по 45 000 евро каждая обойдутся в 560 000 евро»
                        elif len(gap_ws) >= 2 and gap_ws[0].norm in ("за", "на") and (gap_ws[1].norm.startswith("кажд") or gap_ws[1].norm in ("единицу", "штуку")):
                            gap_ws = gap_ws[2:]  # «стоимостью 2 500 евро за единицу направлено 90 000 евро»
                        if 1 <= len(gap_ws) <= 2 and all(w.norm.isalpha() for w in gap_ws) and _ru_verb(gap_ws[0].norm) \
                                and not any(x.end <= o.start < t.start for o in fs) and not _more_after(self.text, t, fs, lang):
                            tot = t
                if tot is None:
                    # a total named in this sentence after the items, or in the next sentence of the paragraph
                    for kk in (k, k + 1):
                        if kk >= len(self.sent_facts) or self.sent_block[kk] - self.sent_block[k] > 1:
                            break  # this paragraph, or the next sentence opening the next one
                        if kk > k and self.sent_block[kk] != self.sent_block[k] and (
                                any(o.kind == x.kind for o in fs if o.start > x.end) or n.sentence != k and n.sentence != k - 1):
                            break
                        wk = self.sent_words[kk]
                        for t in self.sent_facts[kk]:
                            if t.start <= x.end or t.kind != x.kind or t.meta.get("each") or t.meta.get("items") \
                                    or (x.kind == "money" and t.unit != x.unit) or t.meta.get("product"):
                                continue
                            if kk > k and n.sentence == kk and t.meta.get("strong"):
                                continue  # "… With 250 hectares signed up, the total budget is EUR 900,000": a budget, not their amount
                            if x.kind == "count" and x.unit and not (_people(lang, t.unit) or t.unit == x.unit):
                                from app.facts.products import apposed_total

                                from app.facts.products import dashed_total

                                if not (kk == k and (apposed_total(self, k, n, t) or dashed_total(self, k, x, t))):
                                    continue  # "… for its 12 rural districts – 38 vehicles altogether": the items' total by another name
                            if self._total_cue(wk, t, self.sent_facts[kk]) or kk > k and t.value > x.value and \
                                    (self._aggregate_noun(wk, t, self.sent_facts[kk]) or self._purpose_back(wk, t, self.sent_facts[kk])
                                     or x.unit == "h" and self._purpose_back(wk, t, self.sent_facts[kk], "whole_course")):
                                tot = t
                                break
                        if tot is not None:
                            break
                if tot is None and x.kind == "money" and n is not None:
                    # "… costing EUR 45,000, bringing the equipment package to EUR 810,000", "Each grant is worth
                    # EUR 25,000, so the businesses will share EUR 1 million": the sentence's one amount after the
                    # per-item one, larger, in the same clause chain (no ";"), no contributor's or project's amount
                    later = [t for t in fs if t.start > x.end and t.kind == "money"]
                    if len(later) == 1 and later[0] in same and later[0].value > x.value \
                            and later[0].role in (None, "other", "total") and not later[0].meta.get("strong") \
                            and ";" not in self.text[x.end:later[0].start] and not later[0].subset \
                            and not any(o.kind in ("count", "percent") and x.end <= o.start < later[0].start for o in fs):
                        tot = later[0]
                if tot is None and n.sentence < k and self.sent_block[k] - self.sent_block[n.sentence] <= 1:
                    # "The project will distribute 350 beehives to 70 families. Each family will get four hives": the
                    # total stated with the items in their sentence, the per-item figure's thing counted there
                    tot = _total_with_items(self, n, x)
                # "EUR 450,000 is set aside for small grants. Thirty newsrooms will each receive EUR 12,000."; "… will share
                # USD 360,000 in equipment grants." ¶ "Twelve associations have been selected. Each will receive USD 32,000":
                # the sentence before, or the one before the items' sentence (opening this paragraph or ending the one before)
                back = k - 1
                if k > 1 and n.sentence == k - 1 and not any(t.kind == "money" for t in self.sent_facts[k - 1]) \
                        and self.sent_block[k] - self.sent_block[k - 2] <= 1:
                    back = k - 2
                if tot is None and x.kind == "money" and k > 0 and (self.sent_block[back] == self.sent_block[k] or back == k - 2) \
                        and len([o for o in fs if o.kind == "money"]) == 1:
                    pm = [t for t in self.sent_facts[back] if t.kind == "money"]
                    if len(pm) == 1 and pm[0].unit == x.unit and pm[0].value > x.value and not pm[0].meta.get("each") \
                            and not pm[0].hedge and not pm[0].meta.get("strong"):
                        pw = self.sent_words[back]
                        j0, j1 = self._widx(pw, pm[0].start), self._widx(pw, pm[0].end)
                        items = [str(v).lower() for v in (data(lang).get("item_nouns") or [])]
                        near = [w.norm for w in pw[max(0, j0 - 4):j0] + pw[j1:j1 + 4]]
                        if any(w == v or w.endswith("-" + v) for w in near for v in items):
                            tot = pm[0]
                if tot is None or (tot.unit == "h") != (x.unit == "h"):
                    continue  # (hours per item make a total of hours only)
                tot.meta["product"] = True
                if tot.role == "total" and x.kind == "money":
                    tot.role = None
                self.rel("product", [n.id, x.id, tot.id])
                done.add(x.id)

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
            # "The six-week course for women police officers runs from 5 October to 30 October": the range opened by
            # "from" / «с» after the duration's noun phrase and its verb, nothing figured or punctuated between
            opened = r.start >= d.end and gap <= 90 and not re.search(r"[,.;:()]", inside) and \
                re.search(r"(?:^|[ \u00a0])(?:from|between|с|со)[ \u00a0]+$", inside, re.I) is not None and \
                not any(d.end <= o.start < r.start for o in fs if o.kind in ("money", "count", "percent", "duration"))
            if gap > 30 and not ("(" in inside or "–" in inside or "—" in inside or ":" in inside or opened):
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
                self._groups_next_sentence(k)
                continue
            groups = [f for f in fs if f.kind == "count" and not f.meta.get("measure")]
            # «Из них 180 — девушки, остальные 150 — юноши из 17 областей»: a count right after "from" / «из»
            # a few words after a group qualifies that group; it is no group of the whole
            groups = [g for j, g in enumerate(groups) if j == 0 or not (
                after_qualifier_prep(ws, self._widx(ws, g.start), lang)
                and self._widx(ws, g.start) - self._widx(ws, groups[j - 1].end) <= 3)]
            pc = []
            for back in range(k - 1, max(-1, k - 4), -1):
                pc = [f for f in self.sent_facts[back] if f.kind == "count" and not f.subset and not f.meta.get("measure")
                      and not f.meta.get("groups")]
                if pc:
                    break
            if pc and len(groups) >= 2 and not any(g.meta.get("groups") for g in groups):
                # "A total of 260 teachers took part in the course, which combined two workshops. Of these,
                # 190 are women and 80 men": the whole of people groups is the people count
                people = [c for c in pc if _people(lang, c.unit)]
                whole = people[-1] if people and self._complete_pair(groups) else pc[-1]
                self._group_rel(whole, groups)
            if self.sent_block[k] != self.sent_block[k - 1]:
                continue
            if any(f.kind == "money" and f.role == "total" for f in fs):
                continue  # «Из общей суммы в 2,4 млн евро …»: the sentence states its own whole
            first_money = next((f for f in fs if f.kind == "money"), None)
            pm = [f for f in prev if f.kind == "money" and not f.meta.get("each")]
            if first_money is not None and self._widx(ws, first_money.start) - m.j <= 2 and (
                    not pm or any(abs(first_money.value - x.value) < 1e-6 * max(1.0, x.value) for x in pm)
                    or first_money.value > pm[-1].value):
                continue  # "Of that $50 million, $600,000 …": the whole restated
            parts = [f for f in fs if f.kind == "money" and pm and f.unit == pm[-1].unit and not f.meta.get("each")]
            if pm and parts:
                if pm[-1].role is None:
                    pm[-1].role = "total"
                from app.facts.relations import closed_parts

                self._parts(pm[-1], parts, pm, complete=True if closed_parts(self, k, parts) else None)

    def _spending(self) -> None:
        """«Средства будут направлены на закупку оборудования (1 600 000 евро), обучение (455 300 евро) и
        кампанию (250 000 евро)»: the lines of a sentence spending the project's money are at most its
        total (the project's own, stated once in the scope)."""
        if not self.eu_release():
            return
        sp = phrase_set(self.lang, "spending")
        for k, fs in enumerate(self.sent_facts):
            ws = self.sent_words[k]
            if not ws or not sp.find(ws, 0, min(len(ws), 12)):
                continue
            lines = [f for f in fs if f.kind == "money" and f.role is None and not f.meta.get("no_scope") and not f.hedge
                     and not f.meta.get("each") and not f.meta.get("product") and not f.meta.get("aggregate")]
            if len(lines) < 2 or any(f.kind == "percent" for f in fs) or len({f.unit for f in lines}) != 1:
                continue
            if any(r.kind in ("sum", "share", "product") and any(f.id in r.facts for f in lines) for r in self.model.relations):
                continue
            scope = lines[0].scope
            if any(f.scope != scope for f in lines):
                continue
            totals = [f for f in self.model.facts if f.kind == "money" and f.role == "total" and f.meta.get("strong")
                      and f.scope == scope and f.unit == lines[0].unit and not f.subset and not f.hedge and f.sentence != k]
            if len({t.value for t in totals}) != 1:
                continue
            self.rel("sum", [_nearest(totals, lines).id] + [f.id for f in lines], False, origin="scope")

    def _body_vs_table(self) -> None:
        """"Equipment for the 24 municipalities, EUR 450,000, …" against the budget table's row
        "Equipment for 24 ayil okmotu | 540,000": a body amount whose clause names a row's label (all
        its content words) is that row's amount, when exactly one row of the document's tables matches."""
        rows = [f for f in self.model.facts if f.table and f.kind == "money" and f.meta.get("main_col") and f.label
                and f.role not in ("total",)]
        row_stems = [(f, _stems(f.label, self.lang)) for f in rows]
        row_stems = [(f, st) for f, st in row_stems if st]
        for k, fs in enumerate(self.sent_facts):
            ws = self.sent_words[k]
            for x in fs:
                if x.kind != "money" or x.table or x.subset or x.hedge or x.meta.get("each") or x.meta.get("product") \
                        or x.meta.get("no_scope") or x.role in ("total", "eu", "cofin"):
                    continue
                i0, i1 = self._widx(ws, x.start), self._widx(ws, x.end)
                ns, pe = _neighbours(fs, x, ("money", "percent"))
                prv = self._widx(ws, pe) if pe >= 0 else 0
                nxt = self._widx(ws, ns) if ns < 10 ** 12 else len(ws)
                lo, hi = max(prv, i0 - 8), min(nxt, i1 + 6)
                near = set()
                for w in ws[lo:i0] + ws[i1:hi]:
                    near |= _stems(w.norm, self.lang)
                hits = [f for f, st in row_stems if st <= near and f.unit in (x.unit, "?", "")]
                touched = {f.table[:2] for f, st in row_stems if st & near}
                if len(hits) != 1 or len(touched) != 1:
                    continue  # a list of several lines ("women-led businesses, youth start-ups and …"): not one row
                row = hits[0]
                cells = [f for f in self.model.facts if f.table and f.table[:2] == row.table[:2] and f.kind == "money"]
                if len(cells) != 1:
                    continue  # "grant size" and "amount": which column the body means is not certain
                self.rel("same", [row.id, x.id], origin="table")
        from app.facts.table_body import body_vs_table

        body_vs_table(self)  # rows by their roles and labels, columns by their headers

    def _groups_next_sentence(self, k: int) -> None:
        """"Ninety officers were trained; 50 of them were women and 45 men.", «Всего обучение прошли 200
        студентов. Среди них 120 женщин и 90 мужчин.»: a complete pair of groups in the sentence after
        the one people count of the sentence before (same paragraph)."""
        if self.sent_block[k] != self.sent_block[k - 1]:
            return
        fs = self.sent_facts[k]
        cs = [f for f in fs if f.kind == "count" and not f.meta.get("measure")]
        if len(cs) != 2 or any(f.kind in ("money", "percent") for f in fs) or any(c.subset or c.meta.get("groups") for c in cs):
            return
        if not self._complete_pair(cs):
            return
        prev = [f for f in self.sent_facts[k - 1] if f.kind == "count" and not f.meta.get("measure")]
        if len(prev) != 1 or prev[0].subset or prev[0].meta.get("groups") or prev[0].meta.get("each") or prev[0].hedge:
            return
        ws = self.sent_words[k]
        first = self._widx(ws, cs[0].start)
        refer = any(w.norm in ("them", "whom", "these", "among", "них", "которых", "среди", "из") for w in ws[:self._widx(ws, cs[-1].end)])
        if not _people(self.lang, prev[0].unit) and not any(c.meta.get("of_them") for c in cs):
            return  # "36 firms. 20 of them are run by women, 16 by men": "of them" points back at any count
        if not refer and first > 3:
            return
        self._group_rel(prev[0], cs, complete=True)

    def _scope_relations(self) -> None:
        """The same role in the same scope is the same fact; a release's total is the whole of the
        EU's part, co-financing and "the remaining"; a share is the part's share of that total."""
        by_scope: dict[str, list[Fact]] = {}
        for f in self.model.facts:
            by_scope.setdefault(f.scope, []).append(f)
        # the text before the first named project is no project's; where only "another project" paragraphs open
        # scopes, the rest is the release's own project
        multi = any(n and n not in self._other_scopes for _, n in self.model.scopes)
        if not self.eu_release():
            self._stated_shares(by_scope)
            # not an EU release: money is compared only where a sentence relates it; counts of the same people
            # or things are still one fact («в 45 школах» … «все 54 школы программы»)
            for scope, fs in by_scope.items():
                if multi and scope == "":
                    continue
                self._same_counts([f for f in fs if f.kind == "count"], strict=True)
            return
        # a part the wording already sums into a whole of its own («Из 3,2 млн евро освоено 1,4 млн, оставшиеся
        # 1,8 млн …»: the spending, not the funders) is not a funder's part of the total (the sentences' sums, read
        # before the scopes: once, not per scope and unit)
        text_parts = {i for r in self.model.relations if r.kind == "sum" and r.origin == "text" for i in r.facts[1:]}
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
                    w = self._unnamed_whole(usable, ms, unit)
                    if w is None:
                        continue
                    w.role = "total"
                    ms.append(w)
                    totals = [w]
                # a scope-level sum when no sentence states one
                parts = {}
                if any(f.table is None and f.role in ("eu", "cofin", "remaining") for f in ms):
                    # the text's parts: a budget table's rows are summed by the table itself (its own relation)
                    cands = [f for f in ms if f.table is None or f.role == "total"]
                else:
                    cands = ms
                for f in cands:
                    inner = "whole" in f.meta and self.model.facts[f.meta["whole"]].role not in ("total", None) \
                        or f.role == "remaining" and f.id in text_parts and "whole" in f.meta \
                        and self.model.facts[f.meta["whole"]].subset
                    if f.role in ("eu", "cofin", "remaining") and f.role not in parts and f.hedge is None \
                            and not f.meta.get("eu_sentence") and not f.subset and not (f.meta.get("additional") and f.role != "cofin") and not inner:
                        parts[f.role] = f  # «Ещё 300 000 евро добавляет акимат»: a further contributor is a part
                    elif f.role == "cofin" and "cofin" in parts and f.sentence == parts["cofin"].sentence \
                            and f.hedge is None and not f.subset and not inner and f.value != parts["cofin"].value:
                        # "the Government EUR 1.5 million and UNDP EUR 0.5 million": two co-financiers, two parts
                        parts["cofin%d" % f.id] = f
                listed = list(parts.values())
                for f in usable:
                    # «Европейский Союз — $1 400 000; ЮНФПА — $350 000; Министерство … — $150 000»: an amount between
                    # two contributors of one sentence, whose contributor no role list knows, is another part
                    if f.role is None and f.unit == unit and f.table is None and f.hedge is None and not f.subset \
                            and "whole" not in f.meta and f.id not in {p.id for p in listed} \
                            and any(p.start < f.start < q.start and not LIST_BREAK.search(self.text, p.end, q.start)
                                    for p in listed for q in listed) \
                            and not any(f.id in r.facts for r in self.model.relations):
                        parts["listed%d" % f.id] = f
                if "remaining" in parts:
                    # "… The Supreme Court provides €250,000. The rest, €150,000, comes from …": a contributor's amount
                    # stated before "the rest" is one of the parts it is the rest of
                    rem = parts["remaining"]
                    for f in usable:
                        if f.role == "other" and f.unit == unit and f.start < rem.start and f.table is None and f.hedge is None \
                                and not f.subset and "whole" not in f.meta and not any(f.id in r.facts for r in self.model.relations):
                            parts["other%d" % f.id] = f
                if set(parts) == {"remaining"} and not self._before_remaining(usable, parts, _nearest(totals, list(parts.values()))):
                    # "The EU provides 80 % of the EUR 2 million budget. The remaining EUR 500,000 …": the rest of a share
                    from app.facts.money_parts import complement_share

                    complement_share(self, fs, parts["remaining"], _nearest(totals, list(parts.values())))
                elif len(parts) >= 2 or "remaining" in parts:
                    covered = any(r.kind == "sum" and (set(p.id for p in parts.values()) <= set(r.facts[1:]) or
                                  set(parts) <= {self.model.facts[i].role for i in r.facts[1:]})
                                  for r in self.model.relations)
                    if not covered:
                        whole = _nearest(totals, list(parts.values()))
                        if "remaining" in parts:
                            for f in self._before_remaining(usable, parts, whole):
                                # the EU's part restated next to "the remaining" is the one it is the rest of
                                parts[f.role if f.role in parts else "before%d" % f.id] = f
                        complete = "remaining" in parts or ({"eu", "cofin"} <= set(parts) and not others)
                        if any(p.meta.get("additional") for p in parts.values()):
                            complete = False  # "a further …": at most the whole, there may be more
                        if not complete and self._summed_after(whole, list(parts.values())):
                            complete = True  # "…; in total the initiative costs €1.1 million": the parts summed up
                        self.rel("sum", [whole.id] + [p.id for p in sorted(parts.values(), key=lambda f: f.start)],
                                 complete, origin="scope")
                elif len(parts) == 1:
                    p = next(iter(parts.values()))
                    if not any(r.kind == "sum" and p.id in r.facts[1:] for r in self.model.relations):
                        whole = _nearest(totals, [p])
                        # another contributor stated next to it («Ещё 300 000 евро вносит министерство»):
                        # the whole is at least both
                        extra = [f for f in usable if f.role == "other" and f.unit == unit and not f.subset and not f.hedge
                                 and abs(f.sentence - p.sentence) <= 1 and f.block == p.block and f.id != whole.id
                                 and not any(r.kind in ("sum", "share") and f.id in r.facts for r in self.model.relations)]
                        if not extra and p.role == "eu":
                            # "The EU is investing EUR 2.5 million …, and the Asian Development Bank EUR 300,000": an amount
                            # of the EU's sentence, after it and after a name, is another contributor's
                            extra = [f for f in usable if f.role is None and f.unit == unit and f.sentence == p.sentence
                                     and f.start > p.end and not f.subset and not f.hedge and "whole" not in f.meta
                                     and self._named_between(p, f)
                                     and not any(r.kind in ("sum", "share", "product") and f.id in r.facts for r in self.model.relations)]
                        if len({t.value for t in totals}) == 1 and len(extra) == 1 and extra[0].value < whole.value:
                            # the EU's part and one other contributor's in one sentence, and no other amount in the
                            # scope: the two contributions are the whole funding ("The project costs EUR 3 million.
                            # The EU provides EUR 2.5 million, and the Aga Khan Foundation EUR 300,000.")
                            alone = extra[0].sentence == p.sentence and not extra[0].meta.get("additional") and not p.meta.get("additional") \
                                and all(f.id in (whole.id, p.id, extra[0].id) or (f.role == "total" and f.value == whole.value)
                                        for f in usable if f.unit == unit and not f.subset)
                            # (only when they fall short of it: parts over the whole fail either way, and there the at-most
                            # reading's blame, the larger part, stands)
                            alone = alone and p.value + extra[0].value < whole.value and not self._open_after(extra[0])
                            self.rel("sum", [whole.id] + sorted([p.id, extra[0].id]), alone, origin="scope")
                        else:
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
                    if not totals and (p.meta.get("whole_named") or self._share_whole_named(p)):
                        # «90 процентов бюджета» and the scope's one budget is a phase's: that budget
                        cands = [f for f in fs if f.kind == "money" and f.role == "total" and f.unit == unit and not f.hedge
                                 and not f.meta.get("no_scope") and not f.meta.get("aggregate")]
                        # only a budget alone in its sentence and larger than the part (not one of two phases)
                        cands = [f for f in cands if f.sentence >= 0 and f.value > part.value and
                                 sum(1 for o in self.sent_facts[f.sentence] if o.kind == "money") == 1]
                        totals = cands if len(cands) == 1 else []
                    if not totals and (p.meta.get("whole_named") or self._share_whole_named(p)):
                        # «На эти цели направлено 3,6 млн евро. ЕС предоставляет 3,24 млн евро – это 90 процентов
                        # общей стоимости»: the scope's one amount with no role, larger than the part, is the whole
                        cands = [f for f in fs if f.kind == "money" and f.role is None and f.unit == unit and not f.hedge
                                 and not f.subset and f.value > part.value and f.start < part.start and not (
                                     f.meta.get("no_scope") or f.meta.get("aggregate") or f.meta.get("each")
                                     or f.meta.get("product") or f.meta.get("additional") or f.table)]
                        totals = cands if len(cands) == 1 else []
                    if not totals:
                        continue
                    whole = _nearest(totals, [p])
                if whole.id != part.id:
                    self.rel("share", [p.id, part.id, whole.id], origin="scope")
            self._same_counts([f for f in fs if f.kind == "count"])
            self._same_durations([f for f in fs if f.kind == "duration"])

    def _stated_shares(self, by_scope: dict) -> None:
        """Not an EU release, but a sentence relates an amount to its share of the budget («Софинансирование
        акимата составляет 45 млн тенге, или 20 % бюджета»): the share of the scope's one total."""
        for fs in by_scope.values():
            for p in [f for f in fs if f.kind == "percent" and f.meta.get("pending_share") and "part" in f.meta]:
                part = self.model.facts[p.meta["part"]]
                if "whole" in p.meta:
                    whole = self.model.facts[p.meta["whole"]]
                else:
                    totals = [f for f in fs if f.kind == "money" and f.role == "total" and f.unit == part.unit
                              and not (f.subset or f.hedge or f.table or f.meta.get("no_scope") or f.meta.get("aggregate")
                                       or f.meta.get("each") or f.meta.get("product"))]
                    if len({t.value for t in totals}) != 1:
                        continue
                    whole = totals[0]
                if whole.id != part.id and whole.value > part.value:
                    self.rel("share", [p.id, part.id, whole.id], origin="scope")

    def _summed_after(self, whole: Fact, parts: list[Fact]) -> bool:
        """The whole is stated after every part, in their paragraph, and a summing word stands in its
        clause before it ("In total, the project is worth …", «Всего на проект направят …»; list
        ``total_opening``)."""
        if whole.place == "table" or any(p.place == "table" or p.end > whole.start or p.block != whole.block for p in parts):
            return False
        if not (0 <= whole.sentence < len(self.sent_words)):
            return False
        ws = self.sent_words[whole.sentence]
        i = self._widx(ws, whole.start)
        lo = max([max(0, i - 10)] + [x + 1 for x in range(max(0, i - 10), i) if ws[x].norm in (";", ".", ":")]
                 + [self._widx(ws, p.end) for p in parts if p.sentence == whole.sentence])
        return bool(phrase_set(self.lang, "total_opening").find(ws, lo, i))

    def _before_remaining(self, usable: list[Fact], parts: dict, whole: Fact) -> list[Fact]:
        """"Grants account for EUR 300,000, and the remaining EUR 450,000 covers training": the amounts
        stated before "the remaining" in its sentence (or the sentence before, in its paragraph, after
        the whole) are the parts it is the rest of, whatever their role."""
        rem = parts["remaining"]
        taken = {p.id for p in parts.values()}
        out = []
        for f in usable:
            if f.id in taken or f.id == whole.id or f.unit != rem.unit or f.start >= rem.start or f.block != rem.block:
                continue
            stated = any(r.kind == "sum" and r.facts[0] == whole.id and f.id in r.facts[1:] and r.origin == "text"
                         for r in self.model.relations)  # «освоено 1,35 млн евро из 2,1 млн евро …; остаток …»
            if not (rem.sentence - 1 <= f.sentence <= rem.sentence) or f.start <= whole.end and whole.block == rem.block \
                    and whole.start < rem.start and not stated:  # ("The remaining 0.4 million of the 4.6-million budget": the whole after the parts)
                continue
            if f.role not in (None, "other", "eu", "cofin") or f.hedge or f.value >= whole.value:
                continue
            if f.subset and not (f.sentence == rem.sentence and not f.meta.get("aggregate") and not f.meta.get("additional")):
                continue  # ("EUR 1.35 million was spent in the first two years; the remaining EUR 850,000 …": a phase's part
                #          in the sentence of "the remaining" is what it is the rest of)
            if any(r.kind in ("sum", "share") and f.id in r.facts[1:] and r.facts[0] != whole.id and
                   self.model.facts[r.facts[0]].kind == "money" for r in self.model.relations):
                continue  # a part of another whole
            out.append(f)
        return out

    def _same_chain(self, ms: list[Fact]) -> None:
        ms = [f for f in ms if not (f.subset or f.meta.get("aggregate") or f.meta.get("additional")
                                    or f.meta.get("each") or f.meta.get("product") or f.meta.get("no_scope"))]
        distinct = []
        for f in ms:
            if not any(abs(f.value - v) <= 1e-6 * max(v, 1) for v in distinct):
                distinct.append(f.value)
        if len(distinct) > 2:
            return  # several things share a role here (years, phases, grants): no single fact
        by_sentence: dict[tuple, list[Fact]] = {}
        for f in ms:
            by_sentence.setdefault((f.sentence, f.table[:1] if f.table else None), []).append(f)  # rows of one table: contributors
        if any(len({round(f.value, 6) for f in g}) > 1 for g in by_sentence.values()):
            return  # "EUR 200,000 from UN Women and EUR 100,000 from the Government": two contributors, not one fact
        for a, b in zip(ms, ms[1:]):
            self.rel("same", [a.id, b.id], origin="scope")

    def _people_of_one_action(self, fs: list[Fact]) -> list[Fact]:
        """People counted twice with two values are one fact only when nothing tells two actions: "120
        women were elected chairpersons" … "the programme trained 600 women" counts two groups. Two
        clauses that each tell an action (a verb of five letters or more) and share none are two facts."""
        if len(fs) != 2 or abs(fs[0].value - fs[1].value) <= 1e-6 * max(fs[0].value, 1):
            return fs
        from app.facts.relations import _next_of_fewer, different_actions

        if _headline_restated(*fs) and not any(f.meta.get("about") for f in fs) and not _next_of_fewer(self, *fs):
            return fs  # a quote restating the lead's people: the speaker's verb is not another action
        if self._part_and_whole(*fs):
            return []
        if sum(f.place == "headline" for f in fs) == 1 and not _next_of_fewer(self, *fs):
            return fs  # the headline sums up the release in its own verb ("EU brings safe water to 12,000 residents")
        return [] if different_actions(self, fs[0], fs[1]) else fs

    def _part_and_whole(self, a: Fact, b: Fact) -> bool:
        """The smaller count is told as a part ("In the first month alone, 420 women visited", «28 журналистов
        завершили первый курс») or the larger as the whole or a target ("AWOK plans to reach 1,800 women by the end
        of 2026", «в программе примут участие 90 журналистов»): two facts, not one stated twice (lists
        ``count_part_cues`` and ``count_whole_cues`` in rules/facts/<lang>.yml). A larger count said to be a total
        is not enough: "In total, 450 teachers will be trained" after "400 teachers in Batken" in the lead, and
        «Всего будет выдано 30 грантов» after «25 грантов по 20 000 евро», restate a count with another value."""
        small, large = (a, b) if a.value < b.value else (b, a)
        later = max(a, b, key=lambda f: f.start)
        if _THESE.search(self.text, max(0, later.start - 12), later.start):
            return False  # "These 450 women …": pointing back at the count before

        def said(f: Fact, key: str) -> bool:
            ws = self.sent_words[f.sentence] if 0 <= f.sentence < len(self.sent_words) else []
            return bool(ws) and bool(phrase_set(self.lang, key).find(ws, 0, len(ws)))

        return said(small, "count_part_cues") or said(large, "count_whole_cues")

    def _participle_after(self, f: Fact) -> bool:
        """A participle right after the count's noun ("the 128 schools connected", «128 подключённых школ» is before):
        the ones that had something done, a selection of them."""
        m = re.match(r"[ \u00a0]*([^\W\d_]+)", self.text[f.end:f.end + 30])
        if not m:
            return False
        w = m.group(1).lower()
        return w.endswith("ed") if self.lang == "en" else self._participle(w)

    def _participle(self, w: str) -> bool:
        """«финансируемого», «поддержанного», "funded", "financed", "supported" (a past participle opening a phrase)."""
        if self.lang == "ru":
            from app.language import morph

            p = morph().parse(w)
            return bool(p) and p[0].tag.POS == "PRTF"
        return w in ("funded", "financed", "co-funded", "co-financed", "supported", "backed", "sponsored", "which", "that")

    def _place_fronted(self, f: Fact) -> bool:
        """f's sentence opens with a named place ("In Kulob district, 15 schools …", «В Кулябском районе 15 школ …»):
        what it counts is the part of the release's things in that place."""
        if not (0 <= f.sentence < len(self.sent_words)):
            return False
        ws = self.sent_words[f.sentence]
        i = self._widx(ws, f.start)
        k = 1 + (len(ws) > 2 and ws[1].norm == "the")
        return i > k and ws[0].norm in ("in", "at", "в", "во") and self.text[ws[k].start:ws[k].start + 1].isupper()

    def _origin_places(self, f: Fact) -> bool:
        """f counts places (list place_nouns) after «из» / "from" («из трёх велаятов», "from all five regions"): where
        the people of its clause come from, a detail of theirs rather than a fact of its own."""
        if not any(_pat_ok(str(x), f.unit) for x in phrase_set_list(self.lang, "place_nouns")):
            return False
        before = self.text[max(0, f.start - 14):f.start].lower()
        return bool(re.search(r"(?:^|[^\w])(?:из|from)(?:[ \u00a0]+(?:всех|all|all the|the))?[ \u00a0]+$", before))

    def _by_year(self, c: Fact) -> bool:
        """A count in a sentence that splits a figure by year: two or more distinct years in the
        sentence and one of them in the clause before the count."""
        if not (0 <= c.sentence < len(self.sent_words)):
            return False
        ws = self.sent_words[c.sentence]
        years = {w.norm[:4] for w in ws if re.match(r"(?:19|20)\d\d(?:\D|$)", w.norm)}
        if len(years) < 2:
            return False
        i = self._widx(ws, c.start)
        lo = max([max(0, i - 8)] + [x + 1 for x in range(max(0, i - 8), i) if ws[x].norm in (";", ".", ":")])
        return any(re.match(r"(?:19|20)\d\d(?:\D|$)", w.norm) for w in ws[lo:i])

    def _same_counts(self, cs: list[Fact], strict: bool = False) -> None:
        """Counts of the same people or things in one scope are one fact. ``strict`` (a release naming no EU
        funding: figures of any kind of text): things only when the later mention points back ("all 54 schools",
        «эти 20 машин») or repeats the whole noun phrase, in another sentence."""
        people = phrase_set(self.lang, "people")
        quals = set(str(x) for x in (phrase_set_list(self.lang, "qualifiers")))
        plain: dict[str, list[Fact]] = {}
        lead_qualified: dict[str, list[Fact]] = {}  # "The EU will train 400 teachers in Batken region" (lead)
        summary_people: dict[str, list[Fact]] = {}
        things: dict[str, list[Fact]] = {}
        measures: dict[str, list[Fact]] = {}
        for c in cs:
            if c.meta.get("measure") and not (c.subset or c.table or c.hedge):
                measures.setdefault(c.unit, []).append(c)
            if c.subset or c.meta.get("groups") or c.meta.get("each") or c.table:
                continue
            if c.value == 1 and c.num is not None and c.num.words:
                continue  # "One household in three", «одна школа из пяти»: one thing named, not a count of the fact
            if self._by_year(c):
                continue  # «В 2024 году центры приняли 2 100 женщин, в 2025-м – 2 900»: one year's part of the whole
            if ONE_IN_APPOSED.search(self.text, max(0, c.start - 60), c.start) or ONE_IN.search(self.text, max(0, c.start - 30), c.start):
                continue  # "one in four participants, 285 women, has registered": a rate ("four") and the part it gives
            if RATE_AFTER.match(self.text, c.end, min(len(self.text), c.end + 24)) or \
                    RATE_BEFORE.search(self.text, max(0, c.start - 12), c.start):
                continue  # «51 случай на 100 000 населения», "3.4 nurses per 1,000 people": a rate, not a count
            if self._changed_from(c):
                continue  # "we have gone from two stations to twelve", «выросло с 5 до 12 школ»: a value before a change
            ws = words(self.text[c.q.noun_start:c.q.noun_end]) if c.q and c.q.noun_start >= 0 else []
            after = self.text[c.end:c.end + 25].lower()
            nxt = re.match(r"[ \u00a0]*([a-zа-яё]+)", after)
            # "45 schools in eight districts": a spread over places counted, not a selection
            qualified = bool(nxt and nxt.group(1) in quals) and not any(
                o.kind == "count" and 0 < o.start - c.end - len(nxt.group(0)) <= 2 for o in cs) \
                and not ALL_PLACES.match(self.text, c.end + len(nxt.group(0)), min(len(self.text), c.end + 40))
            # "organisations from all regions", «из всех регионов»: every place, not a selection of them
            if c.meta.get("items") or c.meta.get("product") or c.meta.get("additional") or c.meta.get("measure"):
                continue
            if not ws or not people.at(ws, 0):
                if ws and c.q and c.q.num:
                    c.meta["qualified"] = qualified  # "14 cold rooms for vaccines": only the same whole phrase is the same fact
                    things.setdefault(c.unit, []).append(c)
                continue
            summary_people.setdefault(c.unit, []).append(c)
            if qualified:
                if c.place in ("headline", "lead") and not strict and not c.meta.get("group_number") and \
                        LEAD_PLACE.match(self.text, c.end, min(len(self.text), c.end + 40)):
                    lead_qualified.setdefault(c.unit, []).append(c)
                continue
            plain.setdefault(c.unit, []).append(c)
        cum_ps = phrase_set(self.lang, "cumulative")

        def cumulative(c: Fact) -> bool:
            ws = self.sent_words[c.sentence] if 0 <= c.sentence < len(self.sent_words) else []
            if cum_ps.find(ws, 0, len(ws)):
                return True
            # "since 2019 the programme has trained 2,000 teachers", «Всего с 2020 года …»: a running total since a year
            return bool(ws) and bool(HISTORY_YEAR[self.lang].search(self.text, ws[0].start, ws[-1].end))

        for unit, qs in lead_qualified.items():
            # "The EU will train 400 teachers in Batken region" (lead) … "In total, 450 teachers will be trained": the
            # lead's count, its place named, is the release's count of them when it is the one lead count of the noun
            # and every later count of the noun is plain
            if len(qs) == 1 and unit in plain and len(summary_people.get(unit, [])) == len(plain[unit]) + 1 \
                    and all(c.start > qs[0].end and c.place not in ("headline", "lead") for c in plain[unit]):
                plain[unit] = qs + plain[unit]
        for unit, fs in plain.items():
            # «с начала программы – уже 460 учителей» beside «в этом году – 320»: the running total since
            # the start and one period's figure are two facts; each is compared with its own kind
            cum = [c for c in fs if cumulative(c)]
            if cum and len(cum) < len(fs):
                self._same_chain(self._people_of_one_action(cum))
                self._same_chain(self._people_of_one_action([c for c in fs if c not in cum]))
                continue
            self._same_chain(self._people_of_one_action(fs))
        # "The EU will help 5,000 farmers" (lead) … "About the project: the initiative supports 6,000 farmers in Osh and
        # Jalal-Abad": the summary restates the lead's people, whatever the verb or the places named after them
        for unit, fs in summary_people.items():
            heads = [c for c in fs if c.place in ("headline", "lead") and not c.meta.get("about")]
            abouts = [c for c in fs if c.meta.get("about")]
            if heads and abouts and len({c.value for c in heads}) == 1 and len({c.value for c in abouts}) == 1 \
                    and len(heads) + len(abouts) == len(fs) and heads[0].value != abouts[0].value and not cumulative(abouts[0]):
                self.rel("same", [heads[-1].id, abouts[0].id], origin="scope")
        # «ЕС и ЮНЕСКО обучат 900 журналистов» (headline) … a fact box's line «800 медиаспециалистов»: the box restates
        # the release's one count of people, whatever noun it names them by (one people line in the box, one value before)
        def of_people(c: Fact) -> bool:
            # the noun as written ("midwives": unit 'midwive'), or its lemma when it is the noun's ('минь' of «мини-грантов» is not)
            noun = self.text[c.q.noun_start:c.q.noun_end].lower() if c.q and c.q.noun_start >= 0 else ""
            if not noun or "-" in noun.split()[0]:
                return False
            return bool(people.at(words(noun), 0)) or _people(self.lang, c.unit)

        allp = [c for c in cs if of_people(c) and not (
            c.subset or c.table or c.meta.get("groups") or c.meta.get("each") or c.meta.get("items")
            or c.meta.get("product") or c.meta.get("additional") or c.meta.get("measure"))]
        heads = [c for c in allp if c.place in ("headline", "lead") and not c.meta.get("about")
                 and self.doc.blocks[c.block].kind != "textbox"]
        in_box = [c for c in allp if self.doc.blocks[c.block].kind == "textbox" or c.meta.get("about")]
        boxed = [c for c in in_box if 0 <= c.sentence < len(self.sent_words) and len(self.sent_words[c.sentence]) <= 5]
        if heads and len(boxed) == 1 and len({c.value for c in heads}) == 1 and heads[0].value != boxed[0].value \
                and len(in_box) == 1 and not cumulative(boxed[0]) \
                and not any(_noun_match(c.unit, boxed[0].unit) for c in heads):
            self.rel("same", [heads[-1].id, boxed[0].id], origin="scope")
        # things (ambulances, cold rooms): the same fact only when a later mention points back at the
        # first ("these 26 ambulances", «эти 20 машин») or repeats its whole noun phrase («14
        # холодильных камер» … «16 холодильных камер»), and the scope names no third value
        for unit, fs in things.items():
            if len({f.value for f in fs}) != 2:
                continue
            if len(fs) == 2:
                pairs = [tuple(sorted(fs, key=lambda f: f.start))]
            else:
                # "40 rural schools" (headline), "Forty rural schools" (lead) … "It covers 45 schools" (About the
                # project): the headline's count said again in the lead is one statement; the later value is
                # compared with the lead's
                fs = sorted(fs, key=lambda f: f.start)
                first = [f for f in fs if f.value == fs[0].value]
                if len(fs) != 3 or len(first) != 2 or not all(f.place in ("headline", "lead") for f in first) \
                        or first[0].sentence == first[1].sentence:
                    continue
                pairs = [(first[1], next(f for f in fs if f.value != fs[0].value))]
            a, b = pairs[0]
            before = self.text[max(0, b.start - 12):b.start].lower()
            # ("11 of the 19 posts": "of the" after a part is the whole of that part, not a mention pointing back)
            part_before = any(o.meta.get("part_of_next") and 0 <= b.start - o.end <= 12 for o in cs if o is not b)
            demonstrative = re.search(r"(?:^|[^\w])(?:these|those|эти|этих|этими|этим|данные|данных|all|all the|все|всех|всем|всеми)[ \u00a0]+$", before) \
                or re.search(r"(?:^|[.!?][ \u00a0]+|\n)The[ \u00a0]+$", self.text[max(0, b.start - 8):b.start]) \
                or (not strict and not part_before and re.search(r"(?:^|[^\w])(?:on|of|for|to|from|with|at|in)[ \u00a0]+the[ \u00a0]+$", before))
            # "The 12 grants will fund …" opening a sentence, "all 18 grants": the set counted before, pointed back at
            pa = " ".join(self.text[a.num.end if a.num else a.start:a.end].lower().split())
            pb = " ".join(self.text[b.num.end if b.num else b.start:b.end].lower().split())
            again = re.search(r"(?:another|further|more|additional|other|ещё|еще|дополнительн[а-яё]{0,4}|других|другие)[ \u00a0]+$", before)
            if again or _extra_word(self.text, a) or _extra_word(self.text, b) or cumulative(a) != cumulative(b):
                continue
            if self._place_fronted(b) and not self._place_fronted(a):
                continue  # "In Kulob district, 15 schools will be renovated": the part of the schools in one place
            if self._origin_places(a) or self._origin_places(b):
                continue  # «640 студенток … из всех пяти велаятов» … «заказчики из трех велаятов»: where each someone comes from
            from app.facts.relations import same_action

            plain_pair = not (a.meta.get("qualified") or b.meta.get("qualified"))
            # "clean water to 22 villages in Osh region" (lead) … "Works in all 24 villages": the lead's count, its place
            # named, is the set a later "all N" / "these N" points back at
            lead_set = a.meta.get("qualified") and not b.meta.get("qualified") and a.place in ("headline", "lead") \
                and b.place not in ("headline", "lead") and LEAD_PLACE.match(self.text, a.end, min(len(self.text), a.end + 40)) \
                and not SHARE_OF_BEFORE.search(self.text, max(0, a.start - 30), a.start) \
                and not self._participle_after(b)  # "98 per cent of the 130 schools" … "Of the 128 schools connected": a part
            # "Fifteen independent media outlets" (lead) … "It supports 18 media outlets" (About the project): the
            # summary restates the lead's count; so does a mention repeating the other's noun phrase's end
            # the headline's count may name whom it goes to («25 грантов среди НКО»); the quote or summary restating it is plain
            summary = _summary_pair(a, b) or (_headline_restated(a, b) and not (b if a.place in ("headline", "lead") else a).meta.get("qualified"))
            tail = min(pa, pb, key=len)
            repeats = len(tail.split()) >= 2 and max(pa, pb, key=len).endswith(tail)
            if strict:
                if a.sentence != b.sentence and ((demonstrative and plain_pair) or (pa == pb and len(pa.split()) >= 2) or summary):
                    self.rel("same", [a.id, b.id], origin="scope")
                continue
            if (demonstrative and (plain_pair or lead_set)) or (pa == pb and len(pa.split()) >= 2) or (plain_pair and same_action(self, a, b)) \
                    or summary or repeats:
                self.rel("same", [a.id, b.id], origin="scope")
        # "480 lawyers and paralegals, 210 of them women" … "These 450 lawyers will make it real": a whole with
        # its groups is still a count of those people, the same fact as a later mention pointing back at it
        wholes = [c for c in cs if c.meta.get("groups") and not c.subset and not c.table and _people(self.lang, c.unit)]
        for c in cs:
            if c.subset or c.table or c.meta.get("groups") or c.meta.get("each") or not _people(self.lang, c.unit):
                continue
            if not _THESE.search(self.text, max(0, c.start - 12), c.start):
                from app.facts.scope import the_restated

                o = the_restated(self, c, cs)  # "Eighty students have started …" … "Over four weeks, the 90 students will …"
                if o is not None:
                    self.rel("same", [o.id, c.id], origin="scope")
                continue
            ws_ = [w for w in wholes if w.start < c.start and _noun_match(w.unit, c.unit) and w.value != c.value]
            if len(ws_) == 1:
                self.rel("same", [ws_[0].id, c.id], origin="scope")
                continue
            # "The EU will train 400 border guards" … "These 450 officers …": "these" points back at the one people
            # count stated before, whatever noun names them the second time
            earlier = [o for o in cs if o.start < c.start and o.sentence != c.sentence and _people(self.lang, o.unit)
                       and not (o.subset or o.table or o.hedge or o.meta.get("each") or o.meta.get("items"))]
            if earlier and not any(_noun_match(o.unit, c.unit) for o in earlier) and len({o.value for o in earlier}) == 1 \
                    and earlier[0].value != c.value and len(earlier) == 1:
                self.rel("same", [earlier[0].id, c.id], origin="scope")
        from app.facts.people_names import generic_restated

        generic_restated(self, cs)  # «Более 300 журналистов …» … «Около 200 участников форума …»: the same people
        # areas and lengths: "on 1,500 hectares" in the lead, "It covers 1,800 hectares" in the summary (two clauses
        # telling the same action were read as one fact too, at stop 27: a warning on a correct held-out release,
        # so no longer)
        for unit, fs in measures.items():
            if len(fs) != 2 or fs[0].value == fs[1].value:
                continue
            a, b = sorted(fs, key=lambda f: f.start)
            # «восстановлено 600 гектаров пастбищ» (lead) … «Мы огородили и засеяли 900 гектаров» (a quote): the speaker
            # restates the lead's one area or length
            quoted = _headline_restated(a, b) and not (_extra_word(self.text, a) or _extra_word(self.text, b))
            if _summary_pair(a, b) or quoted:
                self.rel("same", [a.id, b.id], origin="scope")

    def _drop_body_pairs(self) -> None:
        """Two counts of one noun, both in the running text of the body (no headline, lead, quote, summary or
        table), the later one not pointing back ("these", "the", "all"): nothing says they count the same
        people or things ("two posts cost EUR 1.7 million each" … "11 of the 19 posts along the river"), so
        they are not one fact stated twice. (None of the same-fact errors of the blind sets' tune split,
        1 024 cases, rests on such a pair; the headline, lead, quote and summary carry them.)"""
        F = self.model.facts

        def weak(r: Relation) -> bool:
            if r.kind != "same" or r.origin != "scope":
                return False
            a, b = F[r.facts[0]], F[r.facts[1]]
            if a.kind != "count" or b.kind != "count" or a.place != "body" or b.place != "body" \
                    or a.meta.get("about") or b.meta.get("about"):
                return False
            later = max(a, b, key=lambda f: f.start)
            return not _POINTS_BACK.search(self.text, max(0, later.start - 14), later.start)

        self.model.relations = [r for r in self.model.relations if not weak(r)]

    def _changed_from(self, c: Fact) -> bool:
        """"from two stations to twelve", «с 5 до 12 школ»: c is the value before a change."""
        if not FROM_BEFORE.search(self.text, max(0, c.start - 6), c.start):
            return False
        m = TO_AFTER.match(self.text, c.end, c.end + 30)
        if not m:
            return False
        from app.facts.numbers import find_numbers

        nums = find_numbers(self.text[m.end() - 1:m.end() + 20], self.lang, m.end() - 1)
        return bool(nums) and nums[0].start == m.end() - 1

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
        self._same_event_days(ds)
        tds = [d for d in ds if d.table and d.unit in ("years", "months")]
        if len(tds) == 1:
            # a key-value table's «Продолжительность | 24 месяца» is the project's duration the body states
            from app.facts.durations import project_durations

            for d in project_durations(self, [d for d in ds if not d.table and d.unit == tds[0].unit and d.place != "quote"]):
                self.rel("same", [tds[0].id, d.id], origin="table")
        durs = [d for d in ds if d.unit in ("years", "months") and "range" not in d.meta and d.place != "quote" and not d.table]
        from app.facts.durations import project_durations

        durs = project_durations(self, durs)  # «Обучение длится четыре месяца»: an activity's, not the project's
        if not durs:
            return
        scope = durs[0].scope
        rngs = [f for f in self.model.facts if f.kind == "range" and f.scope == scope and not f.meta.get("paired")
                and f.range.precision in ("year", "month") and f.place != "quote"]
        from app.facts.durations import project_ranges

        if any(d.sentence != r.sentence for d in durs for r in rngs):
            rngs = project_ranges(self, rngs)  # a work's period («восстановить в 2026–2027 годах») is not the project's
        vals = {round(d.value * (12 if d.unit == "years" else 1)) for d in durs}
        spans = {(r.range.first.year, r.range.first.month, r.range.last.year, r.range.last.month) for r in rngs}
        if len(vals) == 2:
            # "the 30-month initiative" in the lead, "a 36-month project" in the summary: the project's one
            # duration stated twice (each right next to the project's name; not a phase's)
            own = [d for d in durs if self._names_project(d)]
            box = [d for d in durs if d.meta.get("about") and len(self.sent_words[d.sentence]) <= 5]
            body = [d for d in durs if not d.meta.get("about")]
            lead = [d for d in body if d.place in ("headline", "lead")]
            summ = [d for d in durs if d.meta.get("about")]
            if len(durs) == 2 and len(lead) == 1 and len(summ) == 1 and lead[0].scope == summ[0].scope and not box:
                # «Проект … продлится 30 месяцев» (lead) and «Справка. Проект реализуется … в течение 24 месяцев»: the
                # project's duration in the lead restated in the project's summary
                self.rel("same", [lead[0].id, summ[0].id], origin="scope")
            if len(durs) == 2 and len(box) == 1 and len(body) == 1 and body[0].scope == box[0].scope:
                # «в течение трёх лет программа …» and the fact box's line «2 года работы»: the project's
                # duration stated twice
                self.rel("same", [body[0].id, box[0].id], origin="scope")
            if len(own) == len(durs) and len({d.scope for d in own}) == 1:
                own.sort(key=lambda d: d.start)
                for a, b in zip(own, own[1:]):
                    if a.value * (12 if a.unit == "years" else 1) != b.value * (12 if b.unit == "years" else 1):
                        self.rel("same", [a.id, b.id], origin="scope")
                if len(spans) == 1:
                    for d in own:
                        for r in rngs:
                            self.rel("duration", [d.id, r.id], origin="scope")
            return
        if len(vals) != 1 or len(spans) != 1:
            return
        for d in durs:
            for r in rngs:
                self.rel("duration", [d.id, r.id], origin="scope")

    def _same_event_days(self, ds: list[Fact]) -> None:
        """«завершился трёхдневный семинар» (lead) … «В течение четырёх дней участники изучали …»: an event's length in
        days or weeks stated twice — the scope's only two such durations, one in the headline or lead, neither a
        period's, a quote's, hedged or in another relation — is one fact."""
        evs = [d for d in ds if d.unit in ("days", "weeks") and not d.table and not d.hedge and "range" not in d.meta
               and d.place != "quote" and not d.meta.get("each")]
        if len(evs) != 2 or evs[0].value == evs[1].value or evs[0].sentence == evs[1].sentence or evs[0].unit != evs[1].unit:
            return
        if not any(d.place in ("headline", "lead") for d in evs) or all(d.place in ("headline", "lead") for d in evs):
            return
        if any(d.id in r.facts for r in self.model.relations for d in evs):
            return
        ranges = [f for f in self.model.facts if f.kind == "range" and f.scope == evs[0].scope and f.range.precision == "day"]
        if ranges:
            return  # a day range decides the length: the duration-vs-range check reads it
        self.rel("same", [evs[0].id, evs[1].id], origin="scope")

    def _names_project(self, d: Fact) -> bool:
        """A duration written next to the project's name: "30-month initiative", «трёхлетний проект», "the
        programme runs for 36 months" (the project word up to three words before or two after), and
        no phase, stage or pilot in its clause."""
        if not (0 <= d.sentence < len(self.sent_words)):
            return False
        ws = self.sent_words[d.sentence]
        i, j = self._widx(ws, d.start), self._widx(ws, d.end)
        proj = phrase_set(self.lang, "project.words")
        # "Over its 24 months, the project will …": a fronted phrase, the project its clause's subject
        after = j + 4 if j < len(ws) and ws[j].norm == "," else j + 2
        if not proj.find(ws, max(0, i - 4), min(len(ws), after)):
            return False
        part = ("phase", "stage", "pilot", "component", "этап", "фаз", "пилот", "компонент", "очеред",
                "first", "initial", "last", "final", "перв", "последн", "начальн")  # "over its first 12 months": a part
        window = range(max(0, i - 8), min(len(ws), j + 4))
        # "The project will last 24 months": "last" the verb, not the last months of it
        verb_last = {k for k in window if ws[k].norm == "last" and k > 0 and ws[k - 1].norm in _MODALS_EN}
        return not any(ws[k].norm.startswith(part) for k in window if k not in verb_last)

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


RATE_AFTER = re.compile(r"[ \u00a0]*(?:на|per|for every)[ \u00a0]+(?:\d[\d \u00a0,.]{0,8}|one |a |тысяч\w* |сто )[ \u00a0]*"
                        r"(?:населени|жител|человек|people|population|inhabitant|resident|live birth|живорожд|детей|children)", re.I)
# "three in five borrowers", "one school in four": a rate; ONE_IN ends at its denominator, ONE_IN_APPOSED after the
# rate and a comma or dash ("one in four participants, 285 women")
_ONE_IN = r"(?<![\w])(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ \u00a0]+(?:[a-z]{2,20}[ \u00a0]+)?in[ \u00a0]+"
ONE_IN = re.compile(_ONE_IN + r"$", re.I)
ONE_IN_APPOSED = re.compile(_ONE_IN + r"[a-z0-9]{1,12}(?:[ \u00a0]+[a-z]{2,20}){0,2}[ \u00a0]*[,–—(][ \u00a0]*$", re.I)
RATE_BEFORE = re.compile(r"(?:^|[^\w])(?:на|per|for every)[ \u00a0]+$", re.I)


PAIR_CLAUSE_WORDS = {"there", "were", "are", "was", "is", "these", "they", "them", "of", "whom", "among", "including",
                     "среди", "них", "из", "было", "были", "это", "в", "том", "числе", "их"}
APPOSED_QUALIFIERS = {"in", "from", "of", "across", "at", "в", "во", "из", "на", "по"}


def _uncounted_digits_between(text: str, whole: Fact, groups: list[Fact]) -> bool:
    """A digit between the whole and its last group that no group holds (a figure the list does not read)."""
    spans = [(g.start, g.end) for g in groups]
    for m in re.finditer(r"\d", text[whole.end:groups[-1].start]):
        o = whole.end + m.start()
        if not any(a <= o < b for a, b in spans):
            return True
    return False


def _after_article(ws, k: int) -> int:
    """The word after an article at k ("provided by the European Union": the contributor's first word)."""
    return k + 1 if k < len(ws) and ws[k].norm in ("the", "its", "their") else k


def _summary_pair(a: Fact, b: Fact) -> bool:
    """One figure in the headline or lead, the other in the project's summary or the page footer."""
    return (a.place in ("headline", "lead") and b.meta.get("about") and not a.meta.get("about")) or \
        (b.place in ("headline", "lead") and a.meta.get("about") and not b.meta.get("about"))


def _headline_restated(a: Fact, b: Fact) -> bool:
    """The headline's or lead's count («25 грантов для НКО») said again in a quote or the project's summary: the
    quote and the summary restate the release's main figure."""
    return (a.place in ("headline", "lead") and (b.place == "quote" or b.meta.get("about"))) or \
        (b.place in ("headline", "lead") and (a.place == "quote" or a.meta.get("about")))


def _continues(text: str, prev_end: int, start: int) -> bool:
    """razdel ends a sentence after «т.е.», "i.e.", «млн.»: the next one continues it when it
    starts with a digit or a lower-case letter."""
    nxt = text[start:start + 1]
    if not nxt or not (nxt.isdigit() or nxt.islower() or nxt in "%(«\"“"):
        return False
    return bool(_ABBR_END.search(text[max(0, prev_end - 8):prev_end]))


def _date_year(ws: list[Word], x: int, lang: str) -> bool:
    """The year of a date or a start ("since January 2024", «с марта 2024 года»), not a year the amount
    is for ("for 2025", «на 2025 год»)."""
    from app.facts.relations import date_year

    return date_year(ws, x, lang)


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


_MAX_PARTS = 30  # the most parts a whole's list in one sentence is read with


def _neighbours(fs: list, x, kinds: tuple = ()) -> tuple[int, int]:
    """(start of the next fact after x, end of the previous fact before x) in its sentence's facts ``fs``
    (sorted by start), of ``kinds`` when given; 10**12 and -1 when there is none. Looked for from x's place
    outward (a bisect, then the neighbours), not over the whole sentence for every figure (issue 13: a
    sentence of 6 000 amounts took 40 s)."""
    i = bisect.bisect_left(fs, x.start, key=lambda f: f.start)
    nxt, prv = 10 ** 12, -1
    for j in range(i, len(fs)):
        o = fs[j]
        if o.start >= x.end and (not kinds or o.kind in kinds):
            nxt = o.start
            break
    for j in range(i - 1, -1, -1):
        o = fs[j]
        if o.end <= x.start and (not kinds or o.kind in kinds):
            prv = o.end
            break
    return nxt, prv


def _containing(fs: list, offset: int, kind: str):
    """The fact of ``kind`` among a sentence's facts ``fs`` (sorted by start) whose span holds offset, or None;
    by a bisect (the facts of a sentence do not nest)."""
    i = bisect.bisect_right(fs, offset, key=lambda f: f.start) - 1
    for j in (i, i - 1):
        if j >= 0 and fs[j].kind == kind and fs[j].start <= offset < fs[j].end:
            return fs[j]
    return None


def phrase_set_list(lang: str, key: str) -> list:
    from app.facts.phrases import data

    return [str(x).lower() for x in (data(lang).get(key) or []) if not isinstance(x, list)]


def _compound_noun(a: str, b: str) -> bool:
    """"beehives" ~ "hives", "micro-grants" ~ "grants": one noun the other's last part."""
    a, b = (a or "").lower().lstrip("@"), (b or "").lower().lstrip("@")
    if not a or not b:
        return False
    return _noun_match(a, b) or len(b) >= 4 and a.endswith(b) or len(a) >= 4 and b.endswith(a)


def _total_with_items(bld, n: Fact, x: Fact) -> Fact | None:
    """The one figure of x's kind and thing in the items' sentence (not hedged, not per item, larger than x)."""
    cands = [t for t in bld.sent_facts[n.sentence] if t is not n and t.kind == x.kind and not t.hedge
             and not t.meta.get("each") and not t.meta.get("items") and not t.meta.get("product") and not t.subset
             and not t.meta.get("measure") and not t.table]
    if x.kind == "money":  # "EUR 500,000 for 20 schools. Each school will receive EUR 20,000 for equipment": maybe not all of it
        ws = bld.sent_words[n.sentence]
        cands = [t for t in cands if t.unit == x.unit and bld._total_cue(ws, t, bld.sent_facts[n.sentence])]
    else:
        cands = [t for t in cands if x.unit and _compound_noun(t.unit, x.unit)]
    if len(cands) != 1 or cands[0].value <= x.value or cands[0].meta.get("strong"):
        return None
    return cands[0]


def _en_verb_after_each(ws, k: int) -> bool:
    """"schools will each receive a EUR 12,500 grant", "three cycles, each bringing together 45 councillors": the
    word after "each" is a verb (an -ing or -ed form, a verb of the list ``each_verbs``, or a word followed at once by
    an article or a figure), not the items' noun."""
    w = ws[k].norm
    if w in TIME_NOUNS:
        return False
    if w.endswith(("ing", "ed")) and len(w) > 5 or w in (data("en").get("each_verbs") or ()):
        return True
    nxt = ws[k + 1].norm if k + 1 < len(ws) else ""
    return nxt in ("a", "an", "the", "together", "up", "around", "about", "some") or nxt[:1].isdigit()


def _en_item_after_every(w: str) -> bool:
    """"every centre", "every school": an item; not "every year", "every two weeks", "every other day"."""
    from app.facts.quantities import _en_singular

    return _en_singular(w) not in TIME_NOUNS and w not in ("other", "second", "third", "two", "three", "four", "few", "single", "now")


def _complementary(lang: str) -> list[list[str]]:
    from app.facts.phrases import data

    return [[str(x) for x in pair] for pair in (data(lang).get("complementary") or []) if isinstance(pair, list)]


def _pat_ok(pattern: str, word: str) -> bool:
    from app.facts.phrases import norm, pat

    return pat(pattern).ok(norm(word))


def _noun_ru(word: str) -> str:
    """The lemma of a Russian noun («школы» -> «школа»), "" for any other word."""
    from app.language import morph

    p = morph().parse(word)
    return p[0].normal_form.replace("ё", "е") if p and p[0].tag.POS == "NOUN" else ""


_THESE = re.compile(r"(?:^|[^\w])(?:these|those|эти|этих|этими|этим)[ \u00a0]+$", re.I)  # a mention pointing back
_POINTS_BACK = re.compile(r"(?:^|[^\w])(?:these|those|the|all|эти|этих|этими|этим|все|всех|всем|всеми)[ \u00a0]+$", re.I)
FROM_BEFORE = re.compile(r"(?:^|[^\w])(?:from|с|со)[ \u00a0]+$", re.I)
TO_AFTER = re.compile(r"[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,2}?(?:to|до)[ \u00a0]+(?:\d|[^\W\d_])", re.I)


def _noun_match(unit: str, noun: str) -> bool:
    """A count's noun and the noun after each/per: "stations" ~ "station", «школ» ~ «школы»."""
    if not unit or not noun:
        return False
    u, n = unit.lower().lstrip("@"), noun.lower()
    # "micro-grants" ~ "grant", «микрогрантов» ~ «грант»: a compound ending in the noun
    return u == n or u.split()[-1] == n or (len(u) > 4 and len(n) > 4 and u[:5] == n[:5]) or \
        len(n) >= 5 and u.endswith(("-" + n, n)) and len(u) - len(n) <= 6


def _counts_noun(c: Fact, noun: str) -> bool:
    """The count c counts ``noun``: its noun, or a word of its noun phrase ("16 health posts" … "per health post")."""
    if _noun_match(c.unit, noun):
        return True
    return len(noun) >= 4 and noun.lower() in [w.lower() for w in re.findall(r"[^\W\d_]+", c.text)[:4]]


def _people(lang: str, unit: str) -> bool:
    if not unit:
        return False
    u = unit.lstrip("@")
    if phrase_set(lang, "people").at(words(u), 0) or u in ("человек", "person", "people"):
        return True
    return lang == "ru" and not unit.startswith("@") and _animate_ru(u)


_ANIMATE: dict[str, bool] = {}


def _animate_ru(lemma: str) -> bool:
    """«инспектор», «спасатель», «пограничник»: a Russian noun of people (animate, pymorphy3), not only the
    list's."""
    got = _ANIMATE.get(lemma)
    if got is None:
        from app.language import morph

        ps = [p for p in morph().parse(lemma)[:1] if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") == lemma]
        got = _ANIMATE[lemma] = bool(ps) and "anim" in ps[0].tag and "inan" not in ps[0].tag
    return got


def _gap_words(ws, builder, a: Fact, b: Fact) -> int:
    return builder._widx(ws, b.start) - builder._widx(ws, a.end)


_OR_LINK = {"en": re.compile(r"^[ \u00a0]*,?[ \u00a0]*(?:or|i\.e\.|that[ \u00a0]+is|\(|[—–-])[ \u00a0]*$", re.I),
            "ru": re.compile(r"^[ \u00a0]*,?[ \u00a0]*(?:или|т\.[ \u00a0]?е\.|то[ \u00a0]+есть|\(|[—–-])[ \u00a0]*(?:по[ \u00a0]*)?$", re.I)}
_MORE_EN = re.compile(r"(?<![\w])(?:and|plus|as[ \u00a0]+well[ \u00a0]+as|along[ \u00a0]+with|together[ \u00a0]+with|also|including)(?![\w])", re.I)
_MORE_RU = re.compile(r"(?<![\w])(?:и|а[ \u00a0]+также|плюс|также|включая|кроме[ \u00a0]+того)(?![\w])", re.I)


def _link_or(between: str, lang: str) -> bool:
    return len(between) <= 12 and bool(_OR_LINK[lang].match(between))


def _more_after(text: str, x: Fact, fs: list[Fact], lang: str) -> bool:
    """Something more than the items is paid for: "… EUR 12,000 each and a training programme"
    (an "and" not followed at once by the next figure)."""
    nxt = [o.start for o in fs if o.start > x.end and o.kind in ("money", "count", "percent")]
    end = min([x.end + 80] + [s for s in nxt])
    tail = text[x.end:end]
    if re.match(r"[ \u00a0]+(?:в|во|из|in|at|from|across)[ \u00a0]+[A-ZА-ЯЁ]", tail):
        return False  # «восемь групп по 14 человек в Ашхабаде, Сарахсе и Фарапе»: the "and" joins places
    rx = _MORE_RU if lang == "ru" else _MORE_EN
    for m in rx.finditer(tail):
        rest = tail[m.end():]
        if rest.strip(" \u00a0,") and not (end in nxt and len(rest) <= 6):
            return True
    return False


def _ru_verb(word: str) -> bool:
    """«выделено», «направлено», «составят»: a verb or a short participle."""
    from app.language import morph

    p = morph().parse(word)
    return bool(p) and p[0].tag.POS in ("VERB", "PRTS", "PRTF", "INFN")


def _extra_word(text: str, f: Fact) -> bool:
    """«ещё 12 автомобилей», "12 more vehicles", "another 12": a count on top of another."""
    before = text[max(0, f.start - 14):f.start].lower()
    after = text[f.end:f.end + 12].lower()
    return bool(re.search(r"(?:another|further|additional|ещё|еще|дополнительно|плюс)[ \u00a0]+$", before)
                or re.match(r"[ \u00a0]+(?:more|additional|extra)(?![\w])", after))


def _en_label(word: str) -> str:
    from app.facts.quantities import _en_singular

    return _en_singular(word.lower())


_STEM_STOP = {"en": {"the", "and", "for", "of", "in", "on", "to", "with", "from", "by", "at", "a", "an", "eur", "euro", "euros",
                     "budget", "total", "cost", "costs", "amount", "line", "item", "items", "project", "programme", "other",
                     "million", "thousand", "which", "will", "this", "that", "these", "are", "its", "their", "is", "be"},
              "ru": {"и", "для", "на", "в", "по", "с", "из", "от", "евро", "бюджет", "бюджета", "сумма", "итого", "всего",
                     "проект", "проекта", "статья", "расходы", "расходов", "млн", "тыс", "прочие", "другие", "это", "будет",
                     "будут", "которые", "который"}}


def _stems(text: str, lang: str) -> set[str]:
    """Content-word stems (first five letters of words of four letters or more): «Медицинское
    оборудование» ~ «на медицинское оборудование», "Equipment for 24 ayil okmotu" ~ "equipment"."""
    stop = _STEM_STOP.get(lang, set())
    out = set()
    for w in re.findall(r"[^\W\d_]{4,}+", text.lower().replace("ё", "е")):
        if w in stop:
            continue
        out.add(w[:5])
    return out
