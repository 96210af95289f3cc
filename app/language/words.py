"""Words of a document as the language checks see them: split at hyphens, with their offsets."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from app.language import CYR, LAT, MAX_WORD, skip_spans

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


@dataclass(unsafe_hash=True, slots=True)  # one per word of the document: slots, not a __dict__ each (issue 13)
class Word:
    start: int
    end: int
    text: str          # as written (without trailing apostrophes)
    token: str         # the whole token it belongs to (e.g. the hyphenated compound)
    token_start: int
    has_digit: bool
    _cyr: bool | None = field(default=None, compare=False, hash=False, repr=False)
    _lat: bool | None = field(default=None, compare=False, hash=False, repr=False)

    # The scripts of a word are asked by several checks: looked up once.
    @property
    def cyrillic(self) -> bool:
        v = self._cyr
        if v is None:
            v = self._cyr = bool(CYR.search(self.text))
        return v

    @property
    def latin(self) -> bool:
        v = self._lat
        if v is None:
            v = self._lat = bool(LAT.search(self.text))
        return v


def words(doc) -> list[Word]:
    """Every letter run of doc.words outside e-mail addresses and URLs (cached on the document)."""
    cached = doc.meta.get("_language_words")
    if cached is not None:
        return cached
    spans = skip_spans(doc)
    ends = [e for _, e in spans]
    text_ = doc.text
    out: list[Word] = []
    append = out.append
    scripts: dict[str, tuple[bool, bool]] = {}
    for b in doc.blocks:
        for t in _TOKEN.finditer(text_, b.start, b.end):
            tok = t.group(0)
            ts = t.start()
            if len(tok) > MAX_WORD:  # never fed to morphology or suggestions (linear work per character)
                continue
            if tok.isalpha():  # the common case: one plain word
                digit = False
            elif not any(ch.isalpha() for ch in tok):
                continue
            else:
                digit = any(ch.isdigit() for ch in tok)
            if spans:  # inside an e-mail address or a URL? (binary search: linear in the document)
                i = bisect_right(ends, ts)
                if i < len(spans) and spans[i][0] < t.end():
                    continue
            if not digit and tok.isalpha():
                # the scripts of a plain word, which every language check asks: an ASCII word is
                # Latin, the others are looked up once per distinct word (issue 13)
                if tok.isascii():
                    append(Word(ts, t.end(), tok, tok, ts, False, False, True))
                    continue
                sc = scripts.get(tok)
                if sc is None:
                    sc = scripts[tok] = (bool(CYR.search(tok)), bool(LAT.search(tok)))
                append(Word(ts, t.end(), tok, tok, ts, False, sc[0], sc[1]))
                continue
            for m in _PART.finditer(tok):
                w = m.group(0).rstrip("'’")
                if w:
                    append(Word(ts + m.start(), ts + m.start() + len(w), w, tok, ts, digit))
    doc.meta["_language_words"] = out
    return out


def is_acronym(word: str) -> bool:
    """ОО, LPRC, КазНУ, iPhone: more than one capital, or all capitals."""
    if word.islower() or word[:1].isupper() and word[1:].islower():
        return False  # the common cases, without counting capitals (asked for every word, issue 13)
    caps = sum(1 for ch in word if ch.isupper())
    return (word.isupper() and len(word) >= 2) or caps >= 2 or (caps == 1 and not word[0].isupper())
