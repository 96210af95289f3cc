"""Organisation scoping of the web app's shared data (the dictionary) behind one function.

Until accounts (organisations and roles) land, everything belongs to no organisation (None).
"""
from __future__ import annotations


def current_organisation_id() -> int | None:
    """The signed-in user's organisation, or None (no accounts yet: one shared organisation)."""
    return None
