"""The Rules page: every rule with its explanation and examples, from the rule files."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from app.engine.finding import CATEGORIES
from app.engine.rules import load_rules

bp = Blueprint("rules", __name__)


@bp.get("/rules")
def rules_page():
    rules = list(load_rules())
    q = (request.args.get("q") or "").strip().casefold()
    if q:
        rules = [r for r in rules if q in " ".join((r.id, r.title, r.message, r.message_ru or "", r.description, r.category, r.title_ru, r.description_ru)).casefold()]
    order = {c: i for i, c in enumerate(CATEGORIES)}
    rules.sort(key=lambda r: (order.get(r.category, 99), r.id))
    groups: dict[str, list] = {}
    for r in rules:
        groups.setdefault(r.category, []).append(r)
    return render_template("rules.html", groups=groups, q=request.args.get("q", ""), total=len(rules))
