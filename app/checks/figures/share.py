"""Figures that contradict each other, read from the facts model (app.facts): see rules/figures/ and docs/figures.md."""
from __future__ import annotations

from app.checks.figures.common import findings, make_finding
from app.facts import facts
from app.facts.tables import rounding_diagnoses


def check(doc, rule, ctx):
    yield from findings(doc, rule, ctx)
    for d in rounding_diagnoses(facts(doc)):
        yield make_finding(doc, rule, d)
