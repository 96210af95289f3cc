"""Review comments anchored to a field and a span ``[start, end)`` of its text, like findings.

An anchor keeps, besides the offsets, the text it covers (``quote``) and up to 32 characters on
either side (``prefix``, ``suffix``). When the field's text changes, ``reanchor`` finds the span
again: at the same place if the quote is still there, else at the occurrence of the quote whose
surrounding text best matches the context (ties: the one nearest the old place). When the quote is
gone, the comment is *outdated* (``None``): it is still shown, with the text it was about, but no
longer highlighted and its proposed replacement can no longer be applied.

A comment on a whole field has ``start = end = None``; it stays anchored while the field exists.
Pure: no Flask.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    field: str
    start: int | None = None
    end: int | None = None
    quote: str = ""
    prefix: str = ""
    suffix: str = ""

    @property
    def whole_field(self) -> bool:
        return self.start is None


class Outdated(Exception):
    """The text a comment was about is no longer in the field."""


def make_anchor(field: str, text: str, start: int | None = None, end: int | None = None) -> Anchor:
    """An anchor on ``text[start:end]`` (ValueError when the span is not inside the text)."""
    if start is None and end is None:
        return Anchor(field)
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        raise ValueError(f"span [{start}, {end}) is outside the field's text ({len(text)} characters)")
    return Anchor(field, start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def reanchor(anchor: Anchor, text: str | None) -> Anchor | None:
    """The anchor moved onto the new text of its field, or None when it cannot be found (outdated)."""
    if text is None:
        return None
    if anchor.whole_field:
        return anchor
    s, e, quote = anchor.start, anchor.end, anchor.quote
    if e <= len(text) and text[s:e] == quote and text[max(0, s - len(anchor.prefix)):s] == anchor.prefix \
            and text[e:e + len(anchor.suffix)] == anchor.suffix:
        return anchor
    if not quote:  # a point between two pieces of text: found again by its context
        pos = _find_point(anchor, text)
        return None if pos is None else make_anchor(anchor.field, text, pos, pos)
    best = None
    i = text.find(quote)
    count = 0
    while i >= 0 and count < 1000:  # bounded: a one-letter quote in a long field
        count += 1
        score = (_common_suffix(text[max(0, i - CONTEXT):i], anchor.prefix)
                 + _common_prefix(text[i + len(quote):i + len(quote) + CONTEXT], anchor.suffix))
        key = (score, -abs(i - s))
        if best is None or key > best[0]:
            best = (key, i)
        i = text.find(quote, i + 1)
    if best is None:
        return None
    i = best[1]
    return make_anchor(anchor.field, text, i, i + len(quote))


def _find_point(anchor: Anchor, text: str) -> int | None:
    cands = []
    if anchor.prefix:
        j = text.find(anchor.prefix)
        while j >= 0 and len(cands) < 1000:
            cands.append(j + len(anchor.prefix))
            j = text.find(anchor.prefix, j + 1)
    if anchor.suffix:
        j = text.find(anchor.suffix)
        while j >= 0 and len(cands) < 2000:
            cands.append(j)
            j = text.find(anchor.suffix, j + 1)
    if not cands:
        return 0 if not anchor.prefix and not anchor.suffix else None
    scored = [(_common_suffix(text[max(0, p - CONTEXT):p], anchor.prefix)
               + _common_prefix(text[p:p + CONTEXT], anchor.suffix), -abs(p - (anchor.start or 0)), p) for p in cands]
    best = max(scored)
    need = min(len(anchor.prefix) + len(anchor.suffix), 8)
    return best[2] if best[0] >= need else None


def apply_replacement(text: str, anchor: Anchor, replacement: str) -> str:
    """The field's text with the anchored span replaced (Outdated when the span is gone)."""
    a = reanchor(anchor, text)
    if a is None:
        raise Outdated(anchor.quote)
    if a.whole_field:
        return replacement
    return text[:a.start] + replacement + text[a.end:]


__all__ = ["Anchor", "Outdated", "apply_replacement", "make_anchor", "reanchor", "replace"]
