"""Offsets as LanguageTool's clients count them: UTF-16 code units (Java strings), not code points.

A character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) is one code point
in Python and two code units in Java, JavaScript and LibreOffice: every offset after it moves by one.
"""
from __future__ import annotations

import bisect


class Utf16Map:
    """Convert code-point offsets of ``text`` to UTF-16 offsets and back (O(log n) per offset)."""

    __slots__ = ("_astral",)

    def __init__(self, text: str):
        # code-point positions of the characters that take two code units
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() and \
            max(text) > "\uffff" else []

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect.bisect_left(self._astral, cp)

    def to_cp(self, u16: int) -> int:
        """The code-point offset of a UTF-16 offset (one inside a surrogate pair rounds down)."""
        if not self._astral:
            return u16
        lo, hi = 0, len(self._astral)
        # the number k of astral characters before the position: astral[k-1] + k <= u16 - 1 ...
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < u16:  # this astral char starts (in UTF-16) before u16
                lo = mid + 1
            else:
                hi = mid
        cp = u16 - lo
        # inside a pair: u16 == astral[k-1] + (k-1) + 1 -> cp points at the astral char
        if lo and self._astral[lo - 1] + lo - 1 == u16 - 1:
            cp = self._astral[lo - 1]
        return cp


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
