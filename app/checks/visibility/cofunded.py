"""Funded vs co-funded: the release says "funded by the EU" while its own figures show the EU pays
only part of the budget (info: the 2022 guidance uses "Co-funded by the European Union")."""
from __future__ import annotations


from app.checks.structure.parts import structure
from app.core import eu_texts
from app.facts import facts


def check(doc, rule, ctx):
    s = structure(doc)
    if s.funding is None:
        return
    statement = doc.text[s.funding.start:s.funding.end]
    if any(rx.search(statement) for rx in eu_texts.patterns(doc.language, "cofunding_statement")):
        return
    # the release's own figures (the facts model): an EU part smaller than its total
    model = facts(doc)
    for r in model.relations:
        if r.kind != "sum":
            continue
        whole = model.facts[r.facts[0]]
        for i in r.facts[1:]:
            part = model.facts[i]
            if part.role == "eu" and whole.kind == "money" and part.unit == whole.unit and 0 < part.value < whole.value:
                share = part.value / whole.value * 100
                yield rule.finding(doc, s.funding.start, s.funding.end,
                                   [eu_texts.funding_statement(doc.language, cofunded=True)], share=f"{share:.0f}")
                return
