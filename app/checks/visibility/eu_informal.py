"""The EU named informally: «Евросоюз» / «ЕвроСоюз» in Russian, "E.U." / "Eurounion" in English.

The guidance asks for "European Union" / «Европейский Союз» (or the abbreviation EU / ЕС after
it). The Russian suggestion keeps the case of the flagged word (Евросоюзом → Европейским Союзом)
and the house capitalisation (``[style] eu_name_ru``: «Союз» unless it says «союз»).
"""
from __future__ import annotations

import re

RU = re.compile(r"(?=е)(?<![\w-])евро[ \u00a0-]?союз(ом|ами|ах|ам|ы|а|у|е)?(?![\w-])", re.I)  # also ЕВРОСОЮЗ, Евро-союз
EN = re.compile(r"(?=[Ee])(?<![\w.])(?:E\.\s?U(?:\.|(?![\w.]))|Euro[ \u00a0-]?[Uu]nion|EuroUnion|EURO-?UNION|european[ \u00a0]+[Uu]nion"
                r"|European[ \u00a0]+union)(?P<poss>['’]s)?(?![\w])")
# the name in lower case: «европейского союза» (a proper name starts with a capital, Rosenthal § 48)
RU_LOWER = re.compile(r"(?=е)(?<![\w-])европейск(ий|ого|ому|им|ом)[ \u00a0]+[сС]оюз(а|у|ом|е)?(?![\w-])")
# the EU's institution or its old name as the funder: "funded by the European Commission", «при
# поддержке Европейской комиссии», "the European Community" (the guidance: "Funded by the European Union")
EN_BODY = re.compile(
    r"(?=[acfgs])(?:\b(?:funded|financed|co-funded|co-financed|supported|sponsored)\s+by"
    r"|\b(?:support|funding|funds|grant|grants|assistance|contribution|financing)\s+(?:from|of))"
    r"\s+the\s+(?P<eu>European\s+(?:Commission|Community|Communities))(?P<poss>['’]s)?(?![\w-])")
RU_BODY = re.compile(
    r"(?=[бвгзопсф])(?:(?:\b(?:при|за|с)\s+(?:финансов\w+\s+)?(?:поддержк\w+|помощ\w+|содействи\w+)"
    r"|\b(?:средств\w*|грант\w*|финансировани\w+)"
    r"|\b(?:финансиру\w+|софинансиру\w+|профинансирован\w*|поддержан\w*|оплачен\w*))"
    r"\s+(?P<eu>Европейск(?:ой|ою|им|ого)\s+(?:[Кк]омисси(?:и|ей|ею)|[Сс]ообществ(?:а|ом))|Еврокомисси(?:и|ей|ею))(?![\w-])"
    # the Commission after «благодаря» (dative), or the subject after a verb of funding («финансирует
    # Европейская комиссия», «Проект финансирует Еврокомиссия»)
    r"|(?:\bблагодаря\s+(?P<eu_d>Европейской\s+[Кк]омиссии|Еврокомиссии)"
    r"|\b(?:финансиру[ею]т|софинансиру[ею]т|профинансировал[аи]?|поддерживае?т|поддержал[аи]?|выделил[аи]?|"
    r"предоставил[аи]?|оплатил[аи]?)\s+(?P<eu_n>Европейская\s+[Кк]омиссия|Еврокомиссия))(?![\w-]))", re.I)
RU_BODY_CASE = {"и": ("Европейского", "оюза"), "а": ("Европейского", "оюза"), "ей": ("Европейским", "оюзом"),
                "ею": ("Европейским", "оюзом"), "ом": ("Европейским", "оюзом")}
# "The European Commission funds …", "the European Commission's support": the Commission as the funder
EN_ACTIVE = re.compile(
    r"(?=E)(?:(?<![\w-])(?P<eu>European\s+Commission)(?:\s+(?:has|have|had|will|also|is|was)){0,2}\s+(?:funds|funded|finances|"
    r"financed|co-funds|co-funded|co-finances|co-financed|provides|provided|allocates|allocated|supports|sponsors|"
    r"contributes|contributed|granted)\b"
    r"|(?<![\w-])(?P<eu2>European\s+Commission)(?P<poss>['’]s)\s+(?:(?:financial|generous|continued)\s+)?"
    r"(?:support|funding|funds|grant|grants|assistance|contribution|financing)\b)")
# "Europe" / «Европа» as the funder: the continent does not fund projects ("funding from Europe",
# «при поддержке Европы»). The continent in other roles (countries of Europe, Council of Europe,
# Central Asia and Europe) is not matched: only right after a word of funding or support.
EN_FUNDER = re.compile(
    r"(?=[Eabcfghmpst])(?:(?:\b(?:funded|financed|co-funded|co-financed|supported|sponsored|backed|granted|provided|paid)\s+by"
    r"|\b(?:support|funding|funds|grant|grants|assistance|aid|money|contribution|financing|backing|help)\s+(?:from|of)"
    r"|\bthanks\s+to)\s+(?P<eu>Europe)(?P<poss>['’]s)?(?![\w-])"
    r"|(?<![\w-])(?P<eu2>Europe)(?P<poss2>['’]s)\s+(?:support|funding|funds|grant|assistance|aid|contribution|financing|backing|help)\b"
    # "Europe has stood by independent journalism …", "Europe funds …": the continent as the subject of funding
    r"|(?<![\w-])(?<!of )(?<!in )(?<!and )(?<!to )(?<!from )(?<!across )(?<!Eastern )(?<!Western )(?<!Central )"
    r"(?P<eu3>Europe)(?:[ \u00a0]+(?:has|have|had|will|also|is|was|long|continues[ \u00a0]+to)){0,2}[ \u00a0]+"
    r"(?:funds|funded|finances|financed|co-funds|co-funded|provides|provided|supports|supported|stood[ \u00a0]+by|"
    r"stands[ \u00a0]+by|backs|backed|allocates|allocated|contributes|contributed|sponsors|sponsored)\b)")
RU_FUNDER = re.compile(
    r"(?=[бвгдзопсф])(?:\b(?:при|за|с)\s+(?:финансов\w+\s+)?(?:поддержк\w+|помощ\w+|содействи\w+|участи\w+)"
    r"|\b(?:средств\w*|грант\w*|финансировани\w+|поддержк\w+|помощ\w+|вклад\w*|деньг\w+)"
    r"|\bблагодаря|\b(?:финансиру\w+|профинансирован\w*|поддерж\w+|выделен\w*|оплачен\w*)(?:\s+(?:за\s+счёт|за\s+счет))?)"
    r"\s+(?P<eu>Европ(?:ы|ой|е|ою))(?![\w-])")
# The EU's old name in a role of the present ("the European Community supports …", «благодаря
# Европейскому сообществу»): the European Community became the European Union on 1 December 2009
# (Treaty of Lisbon, art. 1 TEU). Left alone: a longer name ("European Community Humanitarian
# Office", «Европейское сообщество по атомной энергии», the Economic Community), the treaties
# ("Treaty establishing the European Community", «об учреждении Европейского сообщества»), and
# history (a year up to 2009 in the sentence, "former", "became", «стало», «бывшее» …).
EN_OLD = re.compile(r"(?=E)(?<![\w-])(?P<eu>European[ \u00a0]+Communit(?:y|ies))(?P<poss>['’]s)?(?![\w-])")
RU_OLD = re.compile(r"(?=Е)(?<![\w-])(?P<eu>Европейск(?:ое|ого|ому|им|ом)[ \u00a0]+[Сс]ообществ(?P<end>о|а|у|ом|е))(?![\w-])")
RU_OLD_CASE = {"о": ("Европейский", "оюз"), "а": ("Европейского", "оюза"), "у": ("Европейскому", "оюзу"),
               "ом": ("Европейским", "оюзом"), "е": ("Европейском", "оюзе")}
_OLD_BEFORE = re.compile(r"(?:treaty\s+(?:establishing|on)\s+the|journal\s+of\s+the|court\s+of\s+justice\s+of\s+the|"
                         r"former|formerly|then|old|учреждени\w+|бывш\w+|прежн\w+|тогдашн\w+)[\s\u00a0]*$", re.I)
_OLD_AFTER = re.compile(r"[ \u00a0]+(?:[A-Z]|по[ \u00a0]+атомн|угля)")
_HISTORY = re.compile(r"(?<!\d)(?:19[5-9]\d|200\d)(?!\d)|\b(?:became|renamed|replaced|succeeded|predecessor|until\s+2009|"
                      r"history|historic\w*)\b|(?<![\w-])(?:стал[оаи]?|станет|переименован\w*|преобразован\w*|"
                      r"предшественни\w+|истори\w+)(?![\w-])", re.I)


def _old_name_of_the_past(doc, m, ctx) -> bool:
    text = doc.text
    a, b = m.start("eu"), m.end()
    if _OLD_BEFORE.search(text, max(0, a - 40), a) or _OLD_AFTER.match(text, m.end("eu")):
        return True
    lo = max(text.rfind(c, 0, a) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, b) for c in ".!?\n") if i >= 0]
    if _HISTORY.search(text[lo:min(ends) if ends else len(text)]):
        return True
    if doc.language == "ru":
        nxt = re.match(r"[ \u00a0]+([а-яё]+)", text[b:b + 40])
        if nxt:
            from app.language import morph

            ps = morph(ctx).parse(nxt.group(1))
            if ps and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "gent":
                return True  # «европейское сообщество исследователей»: a community of someone
    return False


RU_EUROPE = {"ы": ("Европейского", "оюза"), "ой": ("Европейским", "оюзом"), "ою": ("Европейским", "оюзом"),
             "е": ("Европейскому", "оюзу")}
RU_FORMS = {"": ("Европейский", "оюз"), "а": ("Европейского", "оюза"), "у": ("Европейскому", "оюзу"),
            "ом": ("Европейским", "оюзом"), "е": ("Европейском", "оюзе")}


def check(doc, rule, ctx):
    if doc.language == "ru":
        house = str((ctx.config.style or {}).get("eu_name_ru", "") if ctx else "").strip()
        s = "с" if re.search(r"\bсоюз", house) else "С"
        done = set()  # where RU_BODY matched (RU_OLD skips them): one scan of the text, not two (issue 13)
        for m in RU_BODY.finditer(doc.text):
            done.add(m.start("eu") if m.group("eu") else -1)
            g = "eu" if m.group("eu") else "eu_d" if m.group("eu_d") else "eu_n"
            if g == "eu":
                word = m.group("eu").lower()
                ending = next((e for e in ("ею", "ей", "ом", "и", "а") if word.endswith(e)), "и")
                form = RU_BODY_CASE[ending]
            else:
                form = ("Европейскому", "оюзу") if g == "eu_d" else ("Европейский", "оюз")
            sugg = f"{form[0]} {s}{form[1]}"
            yield rule.finding(doc, m.start(g), m.end(g), [sugg])
        for m in RU_LOWER.finditer(doc.text):
            form = RU_FORMS.get(m.group(2) or "")
            sugg = f"Европейск{m.group(1)} {s}{form[1]}"
            yield rule.finding(doc, m.start(), m.end(), [sugg], fix=sugg)
        for m in RU.finditer(doc.text):
            form = RU_FORMS.get((m.group(1) or "").lower())
            if form is None:
                continue  # plural (евросоюзы): not the EU
            sugg = f"{form[0]} {s}{form[1]}"
            yield rule.finding(doc, m.start(), m.end(), [sugg], fix=sugg)
        for m in RU_OLD.finditer(doc.text):
            if m.start("eu") in done or _old_name_of_the_past(doc, m, ctx):
                continue
            form = RU_OLD_CASE[m.group("end")]
            yield rule.finding(doc, m.start("eu"), m.end("eu"), [f"{form[0]} {s}{form[1]}"])
        for m in RU_FUNDER.finditer(doc.text):
            word = m.group("eu")
            ending = word[len("Европ"):]
            if ending == "е" and not re.search(r"благодаря\s+$", doc.text[max(0, m.start("eu") - 12):m.start("eu")]):
                continue  # «в Европе», «по Европе»: the place
            form = RU_EUROPE[ending]
            sugg = f"{form[0]} {s}{form[1]}"
            yield rule.finding(doc, m.start("eu"), m.end("eu"), [sugg])
    else:
        for m in EN.finditer(doc.text):
            poss = "'s" if m.group("poss") else ""
            yield rule.finding(doc, m.start(), m.end(), [f"European Union{poss}", f"EU{poss}"])
        done = set()
        for m in EN_BODY.finditer(doc.text):
            poss = "'s" if m.group("poss") else ""
            done.add(m.start("eu"))
            yield rule.finding(doc, m.start("eu"), m.end("poss") if poss else m.end("eu"), [f"European Union{poss}"])
        for m in EN_ACTIVE.finditer(doc.text):
            g = "eu" if m.group("eu") else "eu2"
            if m.start(g) in done:
                continue
            done.add(m.start(g))
            poss = "'s" if g == "eu2" else ""
            yield rule.finding(doc, m.start(g), m.end("poss") if poss else m.end(g), [f"European Union{poss}"])
        for m in EN_OLD.finditer(doc.text):
            if m.start("eu") in done or _old_name_of_the_past(doc, m, ctx):
                continue
            poss = "'s" if m.group("poss") else ""
            yield rule.finding(doc, m.start("eu"), m.end(), [f"European Union{poss}"])
        for m in EN_FUNDER.finditer(doc.text):
            g = "eu" if m.group("eu") else "eu2" if m.group("eu2") else "eu3"
            poss = m.group("poss") if g == "eu" else m.group("poss2") if g == "eu2" else None
            start = m.start(g)
            end = m.end("poss" if g == "eu" else "poss2") if poss else m.end(g)
            lead = "The" if start == 0 or re.search(r"(?:^|[.!?]\s+|\n)$", doc.text[max(0, start - 3):start]) else "the"
            sugg = f"{lead} European Union{poss.replace('’', chr(39)) if poss else ''}"
            yield rule.finding(doc, start, end, [sugg, "the EU" + (poss or "")] if lead == "the" else [sugg])
