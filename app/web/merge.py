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


def word_diff(old: str, new: str, limit: int = 4000) -> list[tuple[str, str]]:
    """[(op, text)] with op '=', '-' or '+': what changed between two texts, word by word."""
    import difflib
    import re

    a, b = re.findall(r"\s+|[^\s]+", old[:limit]), re.findall(r"\s+|[^\s]+", new[:limit])
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", "".join(b[j1:j2])))
    return out
