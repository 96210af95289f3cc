"""Phrase lists of the facts model, read from ``rules/facts/<lang>.yml`` (data, not code).

A phrase is a sequence of word patterns matched against a sentence's words (lower case, «ё» =
«е»): ``бюджет*`` is «бюджет» with an ending of up to 4 letters (``**``: up to 14), ``a|b`` either word,
punctuation stands for itself. Matching walks the words once with an index on their first letters,
so it is linear in the text (no regular expression runs over user text here).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple


from app import RULES_DIR
from app.core.textmemo import line_memo
from app.diskcache import DataFileError, load_yaml
from app.errors import RuleError

FACTS_DIR = RULES_DIR / "facts"
# Words: letters (with inner apostrophes), digits, or one sign. Hyphens split compounds
# ("co-financing" -> co, -, financing); phrases are split the same way.
WORD = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?|\d++|[^\w\s]")


class Word(NamedTuple):
    """A word of a sentence (a tuple: made ~5x faster than a frozen dataclass, issue 13)."""

    start: int
    end: int
    norm: str


def norm(s: str) -> str:
    return s.lower().replace("ё", "е").replace("’", "'")


_NORMS: dict[str, str] = {}  # word -> norm, bounded (the words of a language repeat)


def _shift_words(got: list[Word], d: int) -> list[Word]:
    if not d:
        return list(got)  # words are tuples: shared, only the list is the caller's
    make = tuple.__new__
    return [make(Word, (a + d, b + d, n)) for a, b, n in got]


@line_memo(_shift_words)  # WORD never matches a newline: a document's lines are read once (issue 13)
def words(text: str, base: int = 0) -> list[Word]:
    out = []
    append = out.append
    cache = _NORMS
    make = tuple.__new__  # what Word(...) does, without its Python-level __new__ (issue 13)
    for m in WORD.finditer(text):
        g = m.group(0)
        n = cache.get(g)
        if n is None:
            n = norm(g)
            if len(cache) >= 200_000:
                cache.clear()
            cache[g] = n
        a, b = m.span()
        append(make(Word, (base + a, base + b, n)))
    return out


class _Pat:
    __slots__ = ("exact", "prefixes")

    def __init__(self, spec: str):
        self.exact: set[str] = set()
        self.prefixes: list[tuple[str, int]] = []
        for alt in spec.split("|"):
            alt = norm(alt)
            if alt.endswith("**") and len(alt) > 2:
                self.prefixes.append((alt[:-2], 14))
            elif alt.endswith("*") and len(alt) > 1:
                self.prefixes.append((alt[:-1], 4))
            elif alt in ("*", "**"):
                self.prefixes.append(("", 30))
            else:
                self.exact.add(alt)

    def ok(self, w: str) -> bool:
        if w in self.exact:
            return True
        if not self.prefixes:
            return False
        return any(w.startswith(p) and len(w) - len(p) <= n and (w[len(p):].isalpha() or not w[len(p):])
                   for p, n in self.prefixes)

    def keys(self) -> set[str]:
        return {e[:2] for e in self.exact} | {p[:2] for p, _ in self.prefixes}


@lru_cache(maxsize=4096)
def pat(spec: str) -> _Pat:
    """``_Pat(spec)``, built once per spec (a _Pat is never changed after it is built; issue 13)."""
    return _Pat(spec)


@dataclass(frozen=True)
class Match:
    i: int  # first word index
    j: int  # one past the last word index
    label: str
    phrase: str


class PhraseSet:
    """Phrases with labels; ``find`` returns every occurrence in a slice of words."""

    def __init__(self, labelled: list[tuple[str, str]]):
        self.phrases: list[tuple[str, str, list[_Pat]]] = []
        self.index: dict[str, list[int]] = {}
        for label, phrase in labelled:
            toks = _rejoin(phrase)
            if not toks:
                continue
            pats = [_Pat(t) for t in toks]
            k = len(self.phrases)
            self.phrases.append((label, phrase, pats))
            for key in pats[0].keys():
                self.index.setdefault(key, []).append(k)

    def find(self, ws: list[Word], lo: int = 0, hi: int | None = None) -> list[Match]:
        hi = len(ws) if hi is None else hi
        out = []
        get = self.index.get  # bound once: this loop runs over every word of a document (issue 13)
        phrases = self.phrases
        for i in range(lo, hi):
            w = ws[i][2]  # .norm
            cands = get(w[:2])
            if len(w) < 2:
                cands = list(cands or ()) + list(get(w, ()))  # the one key equal to w (issue 13: was a scan of every key)
            elif not cands:
                continue
            for k in cands:
                label, phrase, pats = phrases[k]
                n = len(pats)
                if i + n > hi or not pats[0].ok(w):
                    continue
                if n == 1 or all(pats[m].ok(ws[i + m][2]) for m in range(1, n)):
                    out.append(Match(i, i + n, label, phrase))
        return out

    def can_start(self, w: str) -> bool:
        """Could a phrase start at a word whose norm is ``w``? (False: ``find`` has no candidate
        there, so ``at`` finds nothing; a cheap test before tokenising more, issue 13.)"""
        return bool(self.index.get(w[:2])) or (len(w) < 2 and bool(self.index.get(w)))

    def at(self, ws: list[Word], i: int, hi: int | None = None) -> Match | None:
        """The longest phrase starting exactly at word i."""
        best = None
        for m in self.find(ws, i, min(len(ws) if hi is None else hi, i + 8)):
            if m.i == i and (best is None or m.j > best.j):
                best = m
        return best

    def ends_at(self, ws: list[Word], j: int, lo: int = 0) -> Match | None:
        """The longest phrase ending exactly before word j (and starting at or after lo)."""
        best = None
        for m in self.find(ws, max(lo, j - 8), j):
            if m.j == j and (best is None or m.i < best.i):
                best = m
        return best


def _rejoin(phrase: str) -> list[str]:
    """Split a phrase into word patterns like the text is split, keeping ``*`` and ``|`` inside words."""
    out = []
    for chunk in phrase.split():
        if "|" in chunk or chunk.endswith("*"):
            out.append(chunk)
            continue
        out.extend(m.group(0) for m in WORD.finditer(chunk))
    return out


@lru_cache(maxsize=None)
def data(language: str) -> dict[str, Any]:
    lang = language if language in ("ru", "en") else "en"
    path = FACTS_DIR / f"{lang}.yml"
    try:
        d = load_yaml(path)  # libyaml, kept in the disk cache (issue 13)
    except (OSError, DataFileError) as e:
        raise RuleError(f"{path}: cannot read the facts phrase lists: {e}") from None
    if not isinstance(d, dict):
        raise RuleError(f"{path}: the facts phrase lists must be a mapping")
    return d


@lru_cache(maxsize=None)
def phrase_set(language: str, key: str) -> PhraseSet:
    """The list ``key`` (``roles``, ``hedges``, ``includes`` …; a mapping gives labelled phrases)."""
    d: Any = data(language)
    for part in key.split("."):
        d = d.get(part, {}) if isinstance(d, dict) else {}
    labelled: list[tuple[str, str]] = []
    if isinstance(d, dict):
        for label, items in d.items():
            for p in items or []:
                labelled.append((str(label), str(p)))
    elif isinstance(d, list):
        for p in d:
            if isinstance(p, list):
                continue
            labelled.append((key, str(p)))
    return PhraseSet(labelled)
