"""Figures that contradict each other, read from the facts model (app.facts): see rules/figures/ and docs/figures.md."""
from __future__ import annotations

from app.checks.figures.common import findings


def check(doc, rule, ctx):
    yield from findings(doc, rule, ctx)
