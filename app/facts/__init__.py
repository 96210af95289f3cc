"""The facts model of a release (pure core): quantities with spans, roles, scopes, relations.

    from app.facts import facts
    model = facts(doc)          # built once per document, cached in doc.meta["facts"]
    model.facts, model.relations, model.diagnoses

See docs/figures.md.
"""
from app.facts.model import Fact, Facts, Relation, facts  # noqa: F401
