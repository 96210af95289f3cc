"""The EU named informally: «Евросоюз» / «ЕвроСоюз» in Russian, "E.U." / "Eurounion" in English.

The guidance asks for "European Union" / «Европейский Союз» (or the abbreviation EU / ЕС after
it). The Russian suggestion keeps the case of the flagged word (Евросоюзом → Европейским Союзом)
and the house capitalisation (``[style] eu_name_ru``: «Союз» unless it says «союз»).
"""
from __future__ import annotations

import re

RU = re.compile(r"(?<![\w-])[Ее][Вв][Рр][Оо][Сс]оюз(ом|ами|ах|ам|ы|а|у|е)?(?![\w-])")
EN = re.compile(r"(?<![\w.])(?:E\.\s?U\.|Euro-?[Uu]nion|EuroUnion)(?![\w])")
RU_FORMS = {"": ("Европейский", "оюз"), "а": ("Европейского", "оюза"), "у": ("Европейскому", "оюзу"),
            "ом": ("Европейским", "оюзом"), "е": ("Европейском", "оюзе")}


def check(doc, rule, ctx):
    if doc.language == "ru":
        house = str((ctx.config.style or {}).get("eu_name_ru", "") if ctx else "").strip()
        s = "с" if re.search(r"\bсоюз", house) else "С"
        for m in RU.finditer(doc.text):
            form = RU_FORMS.get(m.group(1) or "")
            if form is None:
                continue  # plural (евросоюзы): not the EU
            sugg = f"{form[0]} {s}{form[1]}"
            yield rule.finding(doc, m.start(), m.end(), [sugg], fix=sugg)
    else:
        for m in EN.finditer(doc.text):
            yield rule.finding(doc, m.start(), m.end(), ["European Union", "EU"])
