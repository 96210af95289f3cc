"""The EU named informally: «Евросоюз» / «ЕвроСоюз» in Russian, "E.U." / "Eurounion" in English.

The guidance asks for "European Union" / «Европейский Союз» (or the abbreviation EU / ЕС after
it). The Russian suggestion keeps the case of the flagged word (Евросоюзом → Европейским Союзом)
and the house capitalisation (``[style] eu_name_ru``: «Союз» unless it says «союз»).
"""
from __future__ import annotations

import re

RU = re.compile(r"(?<![\w-])евро[ \u00a0-]?союз(ом|ами|ах|ам|ы|а|у|е)?(?![\w-])", re.I)  # also ЕВРОСОЮЗ, Евро-союз
EN = re.compile(r"(?<![\w.])(?:E\.\s?U(?:\.|(?![\w.]))|Euro[ \u00a0-]?[Uu]nion|EuroUnion|EURO-?UNION|european[ \u00a0]+[Uu]nion"
                r"|European[ \u00a0]+union)(?P<poss>['’]s)?(?![\w])")
# the name in lower case: «европейского союза» (a proper name starts with a capital, Rosenthal § 48)
RU_LOWER = re.compile(r"(?<![\w-])европейск(ий|ого|ому|им|ом)[ \u00a0]+[сС]оюз(а|у|ом|е)?(?![\w-])")
# the EU's institution or its old name as the funder: "funded by the European Commission", «при
# поддержке Европейской комиссии», "the European Community" (the guidance: "Funded by the European Union")
EN_BODY = re.compile(
    r"(?:\b(?:funded|financed|co-funded|co-financed|supported|sponsored)\s+by"
    r"|\b(?:support|funding|funds|grant|grants|assistance|contribution|financing)\s+(?:from|of))"
    r"\s+the\s+(?P<eu>European\s+(?:Commission|Community|Communities))(?P<poss>['’]s)?(?![\w-])")
RU_BODY = re.compile(
    r"(?:\b(?:при|за|с)\s+(?:финансов\w+\s+)?(?:поддержк\w+|помощ\w+|содействи\w+)"
    r"|\b(?:средств\w*|грант\w*|финансировани\w+)"
    r"|\b(?:финансиру\w+|софинансиру\w+|профинансирован\w*|поддержан\w*|оплачен\w*))"
    r"\s+(?P<eu>Европейск(?:ой|ою|им|ого)\s+(?:[Кк]омисси(?:и|ей|ею)|[Сс]ообществ(?:а|ом)))(?![\w-])", re.I)
RU_BODY_CASE = {"и": ("Европейского", "оюза"), "а": ("Европейского", "оюза"), "ей": ("Европейским", "оюзом"),
                "ею": ("Европейским", "оюзом"), "ом": ("Европейским", "оюзом")}
# "Europe" / «Европа» as the funder: the continent does not fund projects ("funding from Europe",
# «при поддержке Европы»). The continent in other roles (countries of Europe, Council of Europe,
# Central Asia and Europe) is not matched: only right after a word of funding or support.
EN_FUNDER = re.compile(
    r"(?:\b(?:funded|financed|co-funded|co-financed|supported|sponsored|backed|granted|provided|paid)\s+by"
    r"|\b(?:support|funding|funds|grant|grants|assistance|aid|money|contribution|financing|backing|help)\s+(?:from|of)"
    r"|\bthanks\s+to)\s+(?P<eu>Europe)(?P<poss>['’]s)?(?![\w-])"
    r"|(?<![\w-])(?P<eu2>Europe)(?P<poss2>['’]s)\s+(?:support|funding|funds|grant|assistance|aid|contribution|financing|backing|help)\b")
RU_FUNDER = re.compile(
    r"(?:\b(?:при|за|с)\s+(?:финансов\w+\s+)?(?:поддержк\w+|помощ\w+|содействи\w+|участи\w+)"
    r"|\b(?:средств\w*|грант\w*|финансировани\w+|поддержк\w+|помощ\w+|вклад\w*|деньг\w+)"
    r"|\bблагодаря|\b(?:финансиру\w+|профинансирован\w*|поддерж\w+|выделен\w*|оплачен\w*)(?:\s+(?:за\s+счёт|за\s+счет))?)"
    r"\s+(?P<eu>Европ(?:ы|ой|е|ою))(?![\w-])")
RU_EUROPE = {"ы": ("Европейского", "оюза"), "ой": ("Европейским", "оюзом"), "ою": ("Европейским", "оюзом"),
             "е": ("Европейскому", "оюзу")}
RU_FORMS = {"": ("Европейский", "оюз"), "а": ("Европейского", "оюза"), "у": ("Европейскому", "оюзу"),
            "ом": ("Европейским", "оюзом"), "е": ("Европейском", "оюзе")}


def check(doc, rule, ctx):
    if doc.language == "ru":
        house = str((ctx.config.style or {}).get("eu_name_ru", "") if ctx else "").strip()
        s = "с" if re.search(r"\bсоюз", house) else "С"
        for m in RU_BODY.finditer(doc.text):
            word = m.group("eu").lower()
            ending = next((e for e in ("ею", "ей", "ом", "и", "а") if word.endswith(e)), "и")
            form = RU_BODY_CASE[ending]
            sugg = f"{form[0]} {s}{form[1]}"
            yield rule.finding(doc, m.start("eu"), m.end("eu"), [sugg])
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
        for m in EN_BODY.finditer(doc.text):
            poss = "'s" if m.group("poss") else ""
            yield rule.finding(doc, m.start("eu"), m.end("poss") if poss else m.end("eu"), [f"European Union{poss}"])
        for m in EN_FUNDER.finditer(doc.text):
            g = "eu" if m.group("eu") else "eu2"
            poss = m.group("poss") if g == "eu" else m.group("poss2")
            start = m.start(g)
            end = m.end("poss" if g == "eu" else "poss2") if poss else m.end(g)
            lead = "The" if start == 0 or re.search(r"(?:^|[.!?]\s+|\n)$", doc.text[max(0, start - 3):start]) else "the"
            sugg = f"{lead} European Union{poss.replace('’', chr(39)) if poss else ''}"
            yield rule.finding(doc, start, end, [sugg, "the EU" + (poss or "")] if lead == "the" else [sugg])
