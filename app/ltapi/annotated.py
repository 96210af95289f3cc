"""LanguageTool's annotated text (the ``data`` parameter): text parts are checked, markup is not.

``{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "word"}, {"markup": "<p>",
"interpretAs": "\\n\\n"}]}`` is checked as ``"A word\\n\\n"``; offsets in the answer refer to the whole
annotated string (text and markup joined), as LanguageTool's own server counts them.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass


class AnnotationError(ValueError):
    """The data parameter cannot be read; the message is LanguageTool's wording."""


@dataclass
class Annotated:
    plain: str      # what the checks see: text parts, and markup as its interpretAs (or nothing)
    original: str   # text and markup parts joined: what offsets in the answer refer to
    # (plain start, plain end, original start, original end, is markup) per part
    parts: list[tuple[int, int, int, int, bool]]

    def __post_init__(self) -> None:
        self._starts = [p[0] for p in self.parts]

    @classmethod
    def of_text(cls, text: str) -> "Annotated":
        return cls(text, text, [(0, len(text), 0, len(text), False)] if text else [])

    @property
    def identity(self) -> bool:
        return self.plain is self.original or self.plain == self.original and \
            all(not markup for *_, markup in self.parts)

    def _part(self, pos: int, right: bool) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        if right:  # for an end offset prefer the part that ends there
            while i > 0 and self.parts[i][0] == pos:
                i -= 1
        return max(i, 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the plain text as a span of the original (markup inside it is included;
        a span that starts or ends in the interpretation of markup covers the whole markup)."""
        if self.identity or not self.parts:
            return start, end
        ps, pe, os_, oe, markup = self.parts[self._part(start, False)]
        o_start = os_ if markup else os_ + (start - ps)
        if end == start:
            return o_start, o_start
        ps, pe, os_, oe, markup = self.parts[self._part(end, True)]
        o_end = oe if markup else os_ + (end - ps)
        return o_start, max(o_end, o_start)


def parse(data: str) -> Annotated:
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):
        raise AnnotationError("Could not parse JSON from 'data' parameter") from None
    if not isinstance(obj, dict):
        raise AnnotationError("Could not parse JSON from 'data' parameter")
    if "text" in obj and isinstance(obj["text"], str) and "annotation" not in obj:
        return Annotated.of_text(obj["text"])
    items = obj.get("annotation")
    if not isinstance(items, list):
        raise AnnotationError("'data' key in JSON requires 'text' or 'annotation' key")
    plain: list[str] = []
    original: list[str] = []
    parts = []
    p = o = 0
    for item in items:
        if not isinstance(item, dict):
            raise AnnotationError("'annotation' must be a list of objects with 'text' or 'markup'")
        text, markup = item.get("text"), item.get("markup")
        if text is not None and markup is not None:
            raise AnnotationError(f"Only either 'text' or 'markup' are supported in an object in 'data' list, not both: {json.dumps(item, ensure_ascii=False)[:200]}")
        if text is not None:
            if not isinstance(text, str):
                raise AnnotationError("'text' in 'data' must be a string")
            plain.append(text)
            original.append(text)
            parts.append((p, p + len(text), o, o + len(text), False))
            p += len(text)
            o += len(text)
        elif markup is not None:
            interpret = item.get("interpretAs", "")
            if not isinstance(markup, str) or not isinstance(interpret, str):
                raise AnnotationError("'markup' and 'interpretAs' in 'data' must be strings")
            plain.append(interpret)
            original.append(markup)
            parts.append((p, p + len(interpret), o, o + len(markup), True))
            p += len(interpret)
            o += len(markup)
        else:
            raise AnnotationError(f"Either 'text' or 'markup' are needed in an object in 'data' list: {json.dumps(item, ensure_ascii=False)[:200]}")
    return Annotated("".join(plain), "".join(original), parts)
