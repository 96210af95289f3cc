"""Three-way merge of two tabs' edits, field by field (pure: no Flask).

base: the form's fields as the tab last saw them on the server; mine: the tab's fields now;
theirs: the fields of the version another tab saved meanwhile. A field changed on one side only
takes that side's text; a field changed on both sides to different texts is a conflict, the only
case that asks the user.
"""
from __future__ import annotations

IGNORED = ("csrf_token", "release_id", "version", "current_version", "client_key", "base", "kind", "touched", "strict")


def merge3(base: dict, mine: dict, theirs: dict) -> tuple[dict, list[str]]:
    """(merged fields, ids of the fields both sides changed differently)."""
    merged: dict = {}
    conflicts: list[str] = []
    keys = list(dict.fromkeys([*mine, *theirs, *base]))
    for k in keys:
        if k in IGNORED:
            continue
        b, m, t = base.get(k, ""), mine.get(k, ""), theirs.get(k, "")
        if m == t:
            merged[k] = m
        elif m == b:
            merged[k] = t
        elif t == b:
            merged[k] = m
        else:
            merged[k] = m
            conflicts.append(k)
    return merged, conflicts


def changed_fields(old: dict, new: dict) -> list[str]:
    """Field ids whose text differs between two versions (for the history's diff)."""
    return [k for k in dict.fromkeys([*old, *new]) if k not in IGNORED and (old.get(k) or "") != (new.get(k) or "")]
