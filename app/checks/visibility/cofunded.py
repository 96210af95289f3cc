"""Funded vs co-funded: the release says "funded by the EU" while its own figures show the EU pays
only part of the budget (info: the 2022 guidance uses "Co-funded by the European Union")."""
from __future__ import annotations

import re

from app.checks.figures.amounts import find_amounts
from app.checks.structure.parts import structure
from app.core import eu_texts

EU_PART = re.compile(r"(?:взнос\w*|вклад\w*|финансировани\w*|contribution|funding|grant)\s+(?:ЕС|Европейск\w+\s+[Сс]оюз\w*|"
                     r"(?:of\s+|from\s+)?the\s+(?:EU|European\s+Union))"
                     r"|(?:EU|European\s+Union)(?:'s)?\s+(?:contribution|funding|grant)", re.I)
TOTAL = re.compile(r"общ\w+\s+бюджет\w*|total\s+(?:budget|cost)", re.I)


def check(doc, rule, ctx):
    s = structure(doc)
    if s.funding is None:
        return
    statement = doc.text[s.funding.start:s.funding.end]
    if any(rx.search(statement) for rx in eu_texts.patterns(doc.language, "cofunding_statement")):
        return
    for sent in doc.sentences:
        if not (TOTAL.search(sent.text) and EU_PART.search(sent.text)):
            continue
        amounts = find_amounts(sent.text, doc.language)
        if len(amounts) >= 2 and amounts[1].value < amounts[0].value and amounts[1].currency == amounts[0].currency:
            share = amounts[1].value / amounts[0].value * 100
            yield rule.finding(doc, s.funding.start, s.funding.end,
                               [eu_texts.funding_statement(doc.language, cofunded=True)], share=f"{share:.0f}")
            return
