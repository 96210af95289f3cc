"""Organisation scoping of the web app's shared data (the dictionary) behind one function."""
from __future__ import annotations


def current_organisation_id() -> int | None:
    """The signed-in user's organisation (None: nobody is signed in)."""
    from app.web.access import current_org_id

    return current_org_id()
