"""Recognise the parts of a press release (not a check: the structure checks read it).

Parts: label, release date, headline, dateline (with the lead), contacts, funding statement,
disclaimer, EU boilerplate. The result is cached on the document (``doc.meta['structure']``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.facts.dates import DateMention, find_dates
from app.core import eu_texts
from app.core.document import Block, Document

DASH = r"[ \u00a0]?[-‐‑–—][ \u00a0]?|[ \u00a0]"
LABEL = re.compile(
    r"^\W*(?:(?:пресс|медиа)(?:" + DASH + r")?(?:релиз|сообщение|анонс|коммюнике|заявление)|информационное\s+сообщение|"
    r"(?:сообщение|информация|релиз)\s+для\s+(?:прессы|печати|СМИ|средств\s+массовой\s+информации)|"
    r"для\s+немедленного\s+распространения|анонс|коммюнике|"
    r"(?:press|news|media)(?:" + DASH + r")(?:release|advisory|note|statement|communiqu[eé])|"
    r"for\s+immediate\s+release|embargoed)\b",
    re.I)
# a line of distribution under the label (the whole line): «Для немедленного распространения»
SECOND_LABEL = re.compile(r"^\W*(?:для\s+(?:немедленного\s+)?(?:распространения|опубликования|публикации)(?:\s+в\s+СМИ)?|"
                          r"for\s+immediate\s+(?:release|publication|distribution)|immediate\s+release)\W*$", re.I)
EMBARGO_LINE = re.compile(r"^\W*(?:эмбарго|embargo(?:ed)?|не\s+(?:публиковать|для\s+публикации)\s+до|not\s+for\s+"
                          r"(?:publication|release)\s+(?:before|until)|hold\s+until)\b", re.I)
DATE_PREFIX = re.compile(r"^\s*(?:дата(?:\s+(?:публикации|выпуска|релиза))?|date(?:\s+of\s+(?:release|issue|publication))?|"
                         r"опубликовано|published|released)\s*:\s*", re.I)
DATE_TAIL = re.compile(r"^\s*(?:года|г\.)?\s*[.,]?\s*$")
CITY = r"[A-ZА-ЯЁ][\w.\-’']*(?:[ \-][A-ZА-ЯЁ(][\w.\-’')]*){0,3}"
CITY_PREFIX = re.compile(r"^" + CITY + r"(?:,\s*" + CITY + r")?\s*[,–—-]?\s*$")
# a date line's place: also «г. Ош», a bar or a bullet between it and the date («Ош | 3 марта 2026 года»)
PLACE_PREFIX = re.compile(r"^(?:(?:г|с|пос|пгт|City\s+of)\.?[ \u00a0]*)?" + CITY + r"(?:,\s*" + CITY + r")?\s*[,|•·/–—-]?\s*$")
WEEKDAY = (r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
# after the date: nothing, or a place or the weekday («3 марта 2026 г., Ош», "3 March 2026 | Osh")
DATE_LINE_TAIL = re.compile(r"^\s*(?:года|г\.)?\s*(?:[,|•·/–—-]\s*(?:(?:г\.\s*)?" + CITY + r"|" + WEEKDAY + r"))?\s*[.,]?\s*$", re.I)
RELEASE_PREFIX = re.compile(r"^\s*(?:(?:release|issue|publication)\s+date|for\s+(?:immediate\s+)?release|"
                            r"дата\s+(?:выхода|распространения)|для\s+публикации)\s*:\s*", re.I)
UPPER_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ.\-’']{2,}(?:[ ,\-]+[A-ZА-ЯЁ][A-ZА-ЯЁa-z.’']*){0,4}\s*[,]?\s*[–—-]\s")
AFTER_DATE = re.compile(r"^\s*(?:года|г\.)?\s*(?:[–—-]|[.,:]|\s+\S)")

PHONE = re.compile(r"(?=[+тtpмmфfc])(?:\+\s?\d[\d\s()\-\u00a0]{6,}\d|(?:тел|tel|phone|моб|mob|факс|fax|call)\w*\.?:?\s*\(?\d[\d\s()\-\u00a0]{5,}\d)", re.I)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++\s?@\s?[\w-]++(?:\.[\w-]++)++")  # linear: starts where the run starts
OFFICE = re.compile(
    r"пресс[- ]?служб|пресс[- ]?секретар|пресс[- ]?центр|пресс[- ]?офис|контакт|координатор|представительств|"
    r"менеджер|специалист|офис|отдел|обращайтесь|для\s+получения\s+(?:дополнительной\s+)?информации|для\s+СМИ|"
    r"press\s+office|press\s+officer|media|contact|spokes(?:person|man|woman)|officer|delegation|"
    r"communications?|for\s+(?:more|further)\s+information|inquiries|enquiries", re.I)
_DIGIT = re.compile(r"\d")  # PHONE's \d, the same digits
PERSON = re.compile(r"\b[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?\s+[A-ZА-ЯЁ][a-zа-яё]+\b")

ORG_RU = re.compile(
    r"(?:(?P<form>ОФ|ОО|ОЮЛ|РОО|МОО|ЧУ|ТОО|НАО|АО|НКО|АНО)\s+|(?P<formword>Общественн\w+\s+фонд\w*|Общественн\w+\s+объединени\w*)\s+)?"
    r"«(?P<name>[^«»\n]{3,120})»(?:\s*\((?P<acr>[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{1,9})\))?")
ORG_EN = re.compile(r"(?:implemented|led|run|organi[sz]ed|managed)\s+by\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&’'\-]*\s+(?:of\s+|for\s+|and\s+|on\s+)?){1,8}?)\((?P<acr>[A-Z][A-Za-z]{1,9})\)")
FORM_ABBR = {"фонд": "ОФ", "объединени": "ОО"}


@dataclass
class Part:
    kind: str
    start: int
    end: int


@dataclass
class Structure:
    label: Part | None = None
    date: Part | None = None
    date_line: Part | None = None  # the release date on a line of its own (top of the body or page header)
    release_date: dt.date | None = None
    release_date_mention: DateMention | None = None
    headline: Part | None = None
    dateline: Part | None = None
    dateline_date: DateMention | None = None
    lead: Block | None = None
    contacts: Part | None = None
    funding: Part | None = None
    disclaimer: Part | None = None
    boilerplate: Part | None = None
    organisation: str | None = None
    top: list[Block] = field(default_factory=list)  # label / date blocks at the top

    def year(self) -> int | None:
        if self.release_date:
            return self.release_date.year
        if self.dateline_date and self.dateline_date.year:
            return self.dateline_date.year
        return None


def _body(doc: Document) -> list[Block]:
    return doc.body_blocks


def _date_line(doc: Document, b: Block) -> DateMention | None:
    """A block that is only a date (optionally 'City, ' before it): the release date line."""
    return _date_in(doc, b.start, b.end)


LABEL_SEPARATOR = re.compile(r"^[ \t\u00a0]*(?:[|•·/–—:,-][ \t\u00a0]*)?")


def _date_after_label(doc: Document, b: Block) -> DateMention | None:
    """The date on the label's own line: «ПРЕСС-РЕЛИЗ | 20 августа 2025 года», "PRESS RELEASE – 9
    September 2024" (a page header holds both)."""
    text = doc.text[b.start:b.end]
    m = LABEL.match(text)
    if m is None:
        return None
    start = m.end() + LABEL_SEPARATOR.match(text[m.end():]).end()
    if start >= len(text):
        return None
    return _date_in(doc, b.start + start, b.end)


def _date_in(doc: Document, start: int, end: int) -> DateMention | None:
    b_start = start
    text = doc.text[start:end]
    if len(text) > 80:
        return None
    dates = find_dates(text, doc.language)
    if len(dates) != 1:
        return None
    d = dates[0]
    before = RELEASE_PREFIX.sub("", DATE_PREFIX.sub("", text[:d.start]))
    if before.strip() and not PLACE_PREFIX.match(before) and not re.fullmatch(r"\s*" + WEEKDAY + r"\s*,?\s*", before, re.I):
        return None
    if not (DATE_TAIL.match(text[d.end:]) or DATE_LINE_TAIL.match(text[d.end:])):
        return None
    return DateMention(b_start + d.start, b_start + d.end, d.day, d.month, d.year)


def _dateline(doc: Document, b: Block) -> tuple[Part | None, DateMention | None]:
    text = doc.text[b.start:b.end]
    for d in find_dates(text[:90], doc.language):
        before = text[:d.start]
        if d.start <= 60 and before.strip() and CITY_PREFIX.match(before) and AFTER_DATE.match(text[d.end:]):
            end = d.end + len(re.match(r"^\s*(?:года|г\.)?\s*[–—-]?", text[d.end:]).group(0))
            return Part("dateline", b.start, b.start + end), DateMention(b.start + d.start, b.start + d.end, d.day, d.month, d.year)
        break
    m = UPPER_DATELINE.match(text)
    if m:
        return Part("dateline", b.start, b.start + m.end()), None
    return None, None


AMOUNT = re.compile(r"\d[\d\s\u00a0.,]*\s?(?:млн|млрд|тыс|million|billion|thousand|евро|EUR|€|USD|\$|долл|сом|тенге|сомони|сум|манат)"
                    r"|(?:EUR|€|USD|\$)\s?\d", re.I)
STATEMENT_START = re.compile(r"(?:[.!?>:]\s*|\n\s*|(?:этот|данный|настоящий|this)\s+)$", re.I)


def _sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    for sent in doc.sentences:
        if sent.start <= offset < sent.end:
            return sent.start, sent.end
    return offset, offset


def _funding_elsewhere(doc: Document, start: int) -> bool:
    """A funding phrase that is not the funding statement: inside the disclaimer sentence («Данная
    публикация подготовлена при финансовой поддержке …») or in a sentence about amounts."""
    a, b = _sentence_of(doc, start)
    sentence = doc.text[a:b]
    if any(rx.search(sentence) for rx in eu_texts.patterns(doc.language, "disclaimer")):
        return True
    if MATERIAL.search(sentence) and MADE.search(sentence):
        return True
    if _disclaimer_follows(doc, b) and MADE.search(sentence):
        return True  # «Настоящее издание выпущено при финансовой поддержке ЕС. Ответственность за …»
    return bool(AMOUNT.search(sentence))


# the disclaimer's first sentence names what was produced («Данный материал подготовлен при финансовой
# поддержке …», "This brochure was produced with the financial support of …"), whatever the noun
MATERIAL = re.compile(r"\b(?:публикаци|материал|издани|брошюр|буклет|документ|видео|фильм|пресс-релиз|релиз|статья|"
                      r"стать[июе]|доклад|отч[её]т|руководств|пособи|информаци|сайт|веб-сайт|плакат|листовк|"
                      r"publication|material|brochure|leaflet|booklet|document|video|film|press\s+release|article|"
                      r"report|guide|manual|website|poster|information)", re.I)
MADE = re.compile(r"\b(?:подготовлен|издан|выпущен|создан|разработан|опубликован|произвед[её]н|сделан|снят|"
                  r"produced|prepared|published|developed|created|made|issued|printed|written)", re.I)


def _disclaimer_follows(doc: Document, end: int) -> bool:
    """The sentence after ``end`` is the disclaimer's (responsibility, the EU's views)."""
    for sent in doc.sentences:
        if sent.start >= end:
            nxt = doc.text[sent.start:sent.end]
            return any(rx.search(nxt) for rx in eu_texts.patterns(doc.language, "disclaimer"))
    return False


RELATIVE = re.compile(r"[,;(–—]|\b(?:котор\w+|which|that|who|whose|где|where)\b", re.I)


def _inside_sentence(doc: Document, start: int) -> bool:
    """A funding phrase inside a sentence about something else (a relative clause or participle
    after a comma: «…проекта «…», который финансирует Европейский Союз и реализует GIZ», "…the
    project, which is funded by the European Union, …"; more than 8 words before it): a mention,
    not the statement, which is a sentence of its own («Этот проект финансируется …»)."""
    a, _ = _sentence_of(doc, start)
    block = doc.block_at(start)
    if block is not None:
        a = max(a, block.start)
    prefix = doc.text[a:start]
    return bool(RELATIVE.search(prefix)) or len(prefix.split()) > 8


# a participle in front of or after a noun names a project, it does not state the funding: «в рамках
# финансируемого ЕС проекта», «стартовал финансируемый Европейским Союзом проект», "a project funded
# by the European Union" (the statement is a clause of its own: «проект финансируется», "is funded")
RU_ATTRIBUTIVE = re.compile(r"(?:со)?финансируем\w+|профинансированн\w+|финансировавш\w+", re.I)
EN_PREDICATE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|remains?|get|gets|got)\s+(?:\w+ly\s+|also\s+|jointly\s+|"
                          r"generously\s+|partly\s+|partially\s+)?$)", re.I)


def _attributive(doc: Document, start: int, matched: str) -> bool:
    if doc.language == "ru":
        verb = re.search(r"(?:со)?финансир\w+|профинансир\w+", matched, re.I)
        return bool(verb and RU_ATTRIBUTIVE.fullmatch(verb.group(0)))
    if not re.match(r"\s*(?:co-?)?(?:funded|financed|supported)\b", matched, re.I):
        return False  # "with the financial support of the European Union"
    a, _ = _sentence_of(doc, start)
    block = doc.block_at(start)
    if block is not None:
        a = max(a, block.start)
    prefix = doc.text[a:start]
    if not prefix.strip() or STATEMENT_START.search(doc.text[max(0, start - 15):start]):
        return False  # "Funded by the European Union" opens the sentence
    return not EN_PREDICATE.search(prefix)


def _find(doc: Document, key: str) -> Part | None:
    """The part's first occurrence; for a statement, one that opens a sentence is preferred to a
    mention in running text («… проектов, финансируемых Европейским союзом»). The funding
    statement is its own sentence: the disclaimer's «при финансовой поддержке» or a budget
    sentence does not stand for it."""
    from app.engine.rules import _cannot_match

    hits = []
    for rx in eu_texts.patterns(doc.language, key):
        if _cannot_match(rx, doc):
            continue  # the text lacks a word every match holds ("responsibility"): no scan (issue 13)
        for m in rx.finditer(doc.text):
            s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            if key == "funding_statement" and (_funding_elsewhere(doc, s) or _inside_sentence(doc, s)
                                               or _attributive(doc, s, m.group(0))):
                continue
            opens = s == 0 or doc.text[s].isupper() or bool(STATEMENT_START.search(doc.text[max(0, s - 15):s]))
            hits.append((not opens, s, m.end()))
    if not hits:
        return None
    _, s, e = min(hits)
    return Part(key, s, e)


def _contacts(doc: Document, body: list[Block]) -> Part | None:
    """A phone or an e-mail with a person or an office near it, in the body or in any other part
    (page footer or header, text box, footnote: Word templates put the contact block there)."""
    found = _contacts_in(doc, body)
    if found is None:
        others: list[list[Block]] = []
        for kind in ("footer", "header", "textbox", "footnote"):
            blocks = [b for b in doc.blocks if b.kind == kind and doc.text[b.start:b.end].strip()]
            if blocks:
                others.append(blocks)
        for blocks in others:
            found = _contacts_in(doc, blocks)
            if found is not None:
                break
    return found


def _contacts_in(doc: Document, body: list[Block]) -> Part | None:
    for i, b in enumerate(body):
        text = doc.text[b.start:b.end]
        # PHONE needs a digit and EMAIL an "@": asked first, at C speed (issue 13)
        if not ((_DIGIT.search(text) and PHONE.search(text)) or ("@" in text and EMAIL.search(text))):
            continue
        window = " ".join(doc.text[x.start:x.end] for x in body[max(0, i - 2):i + 1])
        if OFFICE.search(window) or PERSON.search(window):
            return Part("contacts", b.start, b.end)
    return None


def find_organisation(doc: Document) -> str | None:
    """The organisation the draft names as implementing the project (for the disclaimer)."""
    text = doc.text
    if doc.language == "ru":
        cands = []
        for m in ORG_RU.finditer(text):
            if not m.group("acr") and not (m.group("form") or m.group("formword")):
                continue
            before = text[max(0, m.start() - 60):m.start()].lower()
            implementing = "реализ" in before or "организ" in before or m.group("acr") is not None
            if not implementing:
                continue
            form = m.group("form")
            if not form and m.group("formword"):
                fw = m.group("formword").lower()
                form = next((v for k, v in FORM_ABBR.items() if k in fw), None)
            cands.append((m.group("name").strip(), m.group("acr"), form))
        if not cands:
            return None
        name, acr, form = cands[0]
        for n, a, f in cands:
            if n == name:
                acr = acr or a
                form = form or f
        return " ".join(x for x in (form, f"«{name}»", f"({acr})" if acr else None) if x)
    m = ORG_EN.search(text)
    if m:
        return f"{m.group('name').strip()} ({m.group('acr')})"
    return None


def structure(doc: Document) -> Structure:
    cached = doc.meta.get("structure")
    if cached is not None:
        return cached
    s = Structure()
    body = _body(doc)
    i = 0
    while i < len(body) and i < 5:
        b = body[i]
        text = doc.text[b.start:b.end]
        if s.label is None and s.date is None and not s.top and EMBARGO_LINE.match(text) and len(text) < 120:
            s.top.append(b)  # "ЭМБАРГО: не публиковать до …" above the label is not the label or the date
        elif s.label is None and s.date is None and LABEL.match(text):
            s.label = Part("label", b.start, b.end)
            s.top.append(b)
            if dm := _date_after_label(doc, b):
                s.date = s.date_line = Part("date", dm.start, dm.end)
                s.release_date_mention = dm
                s.release_date = dm.date()
        elif s.date is None and (dm := _date_line(doc, b)):
            s.date = s.date_line = Part("date", dm.start, dm.end)
            s.release_date_mention = dm
            s.release_date = dm.date()
            s.top.append(b)
        elif s.label is not None and (SECOND_LABEL.match(text) or LABEL.match(text) and len(text) < 60):
            # a second label line: «ПРЕСС-РЕЛИЗ» / «Для немедленного распространения», "PRESS RELEASE" /
            # "FOR IMMEDIATE RELEASE" (before or after the date line): still the top, not the headline
            s.top.append(b)
        else:
            break
        i += 1
    # Word templates keep the label and the date in the page header (or a text box at the top)
    for b in (x for x in doc.blocks if x.kind in ("header", "textbox")):
        text = doc.text[b.start:b.end]
        if s.label is None and LABEL.match(text):
            s.label = Part("label", b.start, b.end)
            if s.date is None and (dm := _date_after_label(doc, b)):
                s.date = s.date_line = Part("date", dm.start, dm.end)
                s.release_date_mention = dm
                s.release_date = dm.date()
        elif s.date is None and (dm := _date_line(doc, b)):
            s.date = s.date_line = Part("date", dm.start, dm.end)
            s.release_date_mention = dm
            s.release_date = dm.date()
    if s.label is None and s.top and LABEL.match(doc.text[s.top[0].start:s.top[0].end]):
        s.label = Part("label", s.top[0].start, s.top[0].end)  # "EMBARGOED UNTIL …" serves as the label
    rest = body[i:]
    if rest:
        first = rest[0]
        dl, dd = _dateline(doc, first)
        if dl:
            s.dateline, s.dateline_date, s.lead = dl, dd, first
        else:
            text = doc.text[first.start:first.end]
            if len(text) <= 250 and not (text.rstrip().endswith(".") and len(text) > 150):
                s.headline = Part("headline", first.start, first.end)
                for b in rest[1:4]:
                    dl, dd = _dateline(doc, b)
                    if dl:
                        s.dateline, s.dateline_date, s.lead = dl, dd, b
                        break
                if s.lead is None:
                    # the first long block after the headline (and an optional sub-headline) is the lead
                    s.lead = next((b for b in rest[1:4] if b.end - b.start > 150), rest[1] if len(rest) > 1 else None)
            else:
                s.lead = first
    if s.release_date is None and s.dateline_date is not None:
        s.release_date = s.dateline_date.date()
        if s.date is None and s.dateline_date.year:
            s.date = Part("date", s.dateline_date.start, s.dateline_date.end)
            s.release_date_mention = s.dateline_date
    s.contacts = _contacts(doc, body)
    s.funding = _find(doc, "funding_statement")
    s.disclaimer = _find(doc, "disclaimer")
    s.boilerplate = _find(doc, "boilerplate")
    s.organisation = find_organisation(doc)
    doc.meta["structure"] = s
    return s
