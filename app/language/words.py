"""Words of a document as the language checks see them: split at hyphens, with their offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.language import CYR, LAT, MAX_WORD, in_spans, skip_spans

_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\u0301\u00ad])*", re.UNICODE)
# A token: letters and digits joined by hyphens and apostrophes (razdel splits words at a change
# of script, which is exactly what the homoglyph checks must see as one word).
_TOKEN = re.compile(r"[\w\u0301\u00ad]+(?:['’\-‑][\w\u0301\u00ad]+)*", re.UNICODE)


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str


def _tokens(doc) -> list[_Tok]:
    out = []
    for b in doc.blocks:
        for m in _TOKEN.finditer(doc.text, b.start, b.end):
            if any(ch.isalpha() for ch in m.group(0)):
                out.append(_Tok(m.start(), m.end(), m.group(0)))
    return out


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str          # as written (without trailing apostrophes)
    token: str         # the whole token it belongs to (e.g. the hyphenated compound)
    token_start: int
    has_digit: bool

    @property
    def cyrillic(self) -> bool:
        return bool(CYR.search(self.text))

    @property
    def latin(self) -> bool:
        return bool(LAT.search(self.text))


def words(doc) -> list[Word]:
    """Every letter run of doc.words outside e-mail addresses and URLs (cached on the document)."""
    cached = doc.meta.get("_language_words")
    if cached is not None:
        return cached
    spans = skip_spans(doc)
    out: list[Word] = []
    for t in _tokens(doc):
        if len(t.text) > MAX_WORD or in_spans(spans, t.start, t.end):
            continue
        digit = any(ch.isdigit() for ch in t.text)
        for m in _PART.finditer(t.text):
            text = m.group(0).rstrip("'’")
            if not text:
                continue
            out.append(Word(t.start + m.start(), t.start + m.start() + len(text), text, t.text, t.start, digit))
    doc.meta["_language_words"] = out
    return out


def is_acronym(word: str) -> bool:
    """ОО, LPRC, КазНУ, iPhone: more than one capital, or all capitals."""
    caps = sum(1 for ch in word if ch.isupper())
    return (word.isupper() and len(word) >= 2) or caps >= 2 or (caps == 1 and not word[0].isupper())
