"""Word-level differences between two versions of a release, field by field, for display.

``word_diff(old, new)`` -> ``[Op(kind, old_text, new_text)]`` with kind ``equal``, ``delete``,
``insert`` or ``replace``; concatenating the old texts gives ``old``, the new texts give ``new``.
Tokens are words, runs of spaces and single punctuation marks (one linear regex), compared with
difflib's matcher (no junk heuristics, so long paragraphs diff like short ones).

``diff_fields(old_payload, new_payload)`` -> ``[FieldDiff]`` for the fields whose text differs
(added and removed fields included), in form order.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from app.review.fields import field_texts

# A word or a punctuation mark with the spaces after it (a space on its own is no token: matching
# thousands of identical space tokens made difflib quadratic).
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_TRAIL = re.compile(r"\s*$")


@dataclass(frozen=True)
class Op:
    kind: str  # equal | delete | insert | replace
    old: str
    new: str
    old_start: int = 0  # offsets of this piece in the old and the new text
    new_start: int = 0


@dataclass(frozen=True)
class FieldDiff:
    field: str
    old: str | None  # None: the field is new
    new: str | None  # None: the field was removed
    ops: tuple[Op, ...]

    @property
    def changes(self) -> int:
        return sum(1 for o in self.ops if o.kind != "equal")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def word_diff(old: str, new: str) -> list[Op]:
    a, b = tokens(old), tokens(new)
    # offsets of every token boundary
    ao, bo = [0], [0]
    for t in a:
        ao.append(ao[-1] + len(t))
    for t in b:
        bo.append(bo[-1] + len(t))
    # the common beginning and end are equal without asking difflib (most edits are small)
    pre = 0
    while pre < len(a) and pre < len(b) and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < len(a) - pre and suf < len(b) - pre and a[-1 - suf] == b[-1 - suf]:
        suf += 1
    codes = [("equal", 0, pre, 0, pre)] if pre else []
    sm = difflib.SequenceMatcher(None, a[pre:len(a) - suf], b[pre:len(b) - suf], autojunk=False)
    codes += [(t, i1 + pre, i2 + pre, j1 + pre, j2 + pre) for t, i1, i2, j1, j2 in sm.get_opcodes()]
    if suf:
        codes.append(("equal", len(a) - suf, len(a), len(b) - suf, len(b)))
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in codes:
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag != "equal" and old and new:
            # the spaces both end with are kept, not changed: «word10000 » -> «changed »
            k = min(len(_TRAIL.search(old).group()), len(_TRAIL.search(new).group()))
            while k and old[-k:] != new[-k:]:
                k -= 1
            if k:
                ops.append(Op(tag, old[:-k], new[:-k], ao[i1], bo[j1]))
                ops.append(Op("equal", old[-k:], new[-k:], ao[i2] - k, bo[j2] - k))
                continue
        ops.append(Op(tag, old, new, ao[i1], bo[j1]))
    return _merge(ops)


def _merge(ops: list[Op]) -> list[Op]:
    """An 'equal' piece that is only a space between two changes joins them: «a b» -> «c d» reads as
    one replacement, not two with a kept space between."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        op = ops[i]
        if (op.kind == "equal" and not op.old.strip() and out and out[-1].kind != "equal"
                and i + 1 < len(ops) and ops[i + 1].kind != "equal"):
            prev, nxt = out.pop(), ops[i + 1]
            out.append(Op("replace", prev.old + op.old + nxt.old, prev.new + op.new + nxt.new,
                          prev.old_start, prev.new_start))
            i += 2
            continue
        if out and op.kind != "equal" and out[-1].kind != "equal":
            prev = out.pop()
            out.append(Op("replace", prev.old + op.old, prev.new + op.new, prev.old_start, prev.new_start))
            i += 1
            continue
        out.append(op)
        i += 1
    return out


def diff_fields(old_payload: dict | None, new_payload: dict) -> list[FieldDiff]:
    old = dict(field_texts(old_payload or {}, facts=True))
    new = dict(field_texts(new_payload or {}, facts=True))
    order = [f for f, _ in field_texts(new_payload or {}, facts=True)]
    order += [f for f, _ in field_texts(old_payload or {}, facts=True) if f not in new]
    out = []
    for fid in order:
        a, b = old.get(fid), new.get(fid)
        if a == b:
            continue
        out.append(FieldDiff(fid, a, b, tuple(word_diff(a or "", b or ""))))
    return out


def ops_html(ops) -> str:
    """The diff as escaped HTML: <del> for removed text, <ins> for added text."""
    parts = []
    for o in ops:
        if o.kind == "equal":
            parts.append(html.escape(o.old))
            continue
        if o.old:
            parts.append(f"<del>{html.escape(o.old)}</del>")
        if o.new:
            parts.append(f"<ins>{html.escape(o.new)}</ins>")
    return "".join(parts).replace("\n", "<br>")
