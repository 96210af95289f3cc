"""Shared language resources for the spelling, homoglyph and grammar checks.

Everything heavy is built once per process through ``ctx.resource(name, factory)`` (or the same
process-wide cache when no context is at hand): pymorphy3's Russian morphology, the Hunspell
dictionaries from Debian (``/usr/share/hunspell``), the look-alike letter maps.
"""
from __future__ import annotations

import bisect
import re
import sys
from typing import Any, Callable

from app.engine.linter import resource as _resource

CYR = re.compile(r"[\u0400-\u04ff]")
LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")
# e-mail addresses, URLs, domains, @handles and file names: their parts are never words to check
# Linear time: every alternative that starts with a repeated class starts only where that run of
# characters starts (the look-behinds), and the repetitions are possessive, so a 100 000-letter word
# or a long ``a.a.a…`` is scanned once, not once per position.
_SKIP_SPANS = re.compile(
    r"""(?ix)
    (?<![\w.+-])[\w.+-]++\s?@@?\s?[\w-]++(?:[.,]{1,2}[\w-]++)*+   # e-mail, also broken (stray space, doubled @, comma)
    | \b(?:https?|ftp)://\S++                       # URL
    | \bwww\.\S++
    | @\w++                                         # handle
    | (?<![\w-])(?<![\w-]\.)[\w-]++(?:\.[\w-]++)*\.(?:com|org|net|kz|ru|eu|int|gov|edu|info|io|uk|kg|uz|tj|mn|by|ua|de|fr|be|pdf|docx?|xlsx?)\b
    """
)


# Letters of the Kazakh Cyrillic alphabet that Russian does not have (і also covers Ukrainian).
# Longer "words" are not words (a URL without a scheme, a pasted hash, a hostile 100 000-letter run):
# they are never given to morphology, the dictionaries or the suggester.
MAX_WORD = 100

KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Letters of the region's other Cyrillic alphabets that Russian does not have: Kazakh and Kyrgyz
# (above), Tajik (ҳ ӣ ӯ ҷ, with ғ қ) and Uzbek (ў, with ғ қ ҳ). A word with one is not Russian:
# «Барои ҳама» (Tajik) is never "сама" misspelt.
REGIONAL_LETTERS = re.compile(r"[әғқңөұүһіҳӣӯҷўӘҒҚҢӨҰҮҺІҲӢӮҶЎ]")


def kazakh_blocks(doc) -> list[tuple[int, int]]:
    """Spans of blocks written in Kazakh inside a Russian document (bilingual releases are common in
    Kazakhstan): at least 3 words and 15 % of the block's words have Kazakh-only letters. Russian
    dictionaries know nothing of them, so spelling stays silent there (cached on the document)."""
    cached = doc.meta.get("_kazakh_blocks")
    if cached is not None:
        return cached
    out = []
    for b in doc.blocks:
        ws = re.findall(r"[^\W\d_]+", doc.text[b.start:b.end])
        kk = sum(1 for w in ws if KAZAKH_LETTERS.search(w))
        if kk >= 3 and kk >= 0.15 * len(ws):
            out.append((b.start, b.end))
    # A quoted name in another language of the region («Маориф барои ҳама»): when one of its words
    # has a letter Russian lacks, the whole quotation is that language.
    for m in _QUOTED.finditer(doc.text):
        if REGIONAL_LETTERS.search(m.group(0)):
            out.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):  # in_spans wants them sorted and apart
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out = merged
    doc.meta["_kazakh_blocks"] = out
    return out


_QUOTED = re.compile(r"«[^«»\n]{1,120}»|„[^„“\n]{1,120}“|\"[^\"\n]{1,120}\"")


def get(ctx: Any, name: str, factory: Callable[[], Any]) -> Any:
    if ctx is not None and hasattr(ctx, "resource"):
        return ctx.resource(name, factory)
    return _resource(name, factory)


# What every match of _SKIP_SPANS holds (an "@", "://", "www.", or a dot and a domain ending with
# the same word boundary after it), with the same flags; anchors hold no whitespace.
_SKIP_ANCHOR = re.compile(r"(?i)@|://|www\.|\.(?:com|org|net|kz|ru|eu|int|gov|edu|info|io|uk|kg|uz|tj|mn|by|ua|de|fr|be"
                          r"|pdf|docx?|xlsx?)\b")
_RUN_AND_NEXT = re.compile(r"\S*(?:\s+(\S*))?")  # the rest of a run of non-space, the space, the next run
_NEXT_RUN = re.compile(r"(?:\s+(\S*))?")


def _skip_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _SKIP_SPANS.finditer(text)]``, with _SKIP_SPANS run only over the
    regions around its anchors (issue 13: the whole pattern tried at every character cost ~1.5 ms
    per page; the anchor scan ~0.25 ms). A match holds whitespace only in a broken e-mail address,
    one character either side of its "@" ("info @ eu.org"), so a region is each anchor's run of
    non-space with the runs before and after it, runs shared merging regions; a region starts after
    a whitespace character and ends before one, and ``finditer(text, start, end)`` sees the real
    characters before ``start`` (look-behinds, \\b) and stops at ``end`` where whitespace stops
    every part of the pattern anyway: the same matches as one scan of the whole text. Linear: each
    character is read by the run searches at most about twice."""
    regions: list[list[int]] = []
    end = last = 0  # the last region's end, and a position in its last run
    for m in _SKIP_ANCHOR.finditer(text):
        a, b = m.span()
        if regions and a < end:
            if a >= last:  # in the region's last run: the run after it joins
                n = _NEXT_RUN.match(text, end)
                last = n.start(1) if n.group(1) is not None else n.end()  # (none: the text ends)
                end = regions[-1][1] = n.end()
            continue
        s = a - _RUN_AND_NEXT.match(text[end:a][::-1]).end()
        f = _RUN_AND_NEXT.match(text, b)
        if regions and s <= regions[-1][1]:
            regions[-1][1] = f.end()
        else:
            regions.append([s, f.end()])
        end = f.end()
        last = f.start(1) if f.group(1) is not None else end
    out: list[tuple[int, int]] = []
    for s, e in regions:
        out.extend(x.span() for x in _SKIP_SPANS.finditer(text, s, e))
    return out


def skip_spans(doc) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, URLs and domains in doc.text (cached on the document)."""
    cached = doc.meta.get("_language_skip_spans")
    if cached is None:
        cached = _skip_spans(doc.text)
        doc.meta["_language_skip_spans"] = cached
    return cached


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does start..end overlap one of ``spans`` (sorted, not overlapping)? A binary search: the
    spans of a document with thousands of addresses are asked about once per word."""
    i = bisect.bisect_right(spans, start, key=lambda se: se[1])
    return i < len(spans) and spans[i][0] < end and start < spans[i][1]


def sentence_starts(doc) -> set[int]:
    """Offsets of the first word of every sentence and block (where capitals say nothing)."""
    cached = doc.meta.get("_language_sentence_starts")
    if cached is None:
        cached = set()
        for s in doc.sentences:
            m = re.search(r"[^\W\d_]", doc.text[s.start:s.end])
            if m:
                cached.add(s.start + m.start())
        for b in doc.blocks:
            m = re.search(r"[^\W\d_]", doc.text[b.start:b.end])
            if m:
                cached.add(b.start + m.start())
        doc.meta["_language_sentence_starts"] = cached
    return cached


def match_case(template: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``template`` (UPPER, Title or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def morph(ctx: Any = None):
    """pymorphy3's Russian analyser (one per process)."""
    def build():
        import pymorphy3

        try:  # the dictionary's path given: pymorphy3 would scan every installed package's entry points (~0.15 s)
            import pymorphy3_dicts_ru

            m = _with_lazy_tags(lambda: pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru"))
        except ImportError:
            m = _with_lazy_tags(lambda: pymorphy3.MorphAnalyzer(lang="ru"))
        _memoize(m)
        _cache_tag_attributes(m.TagClass)
        return m
    return get(ctx, "pymorphy3.ru", build)


class _LazyTags(dict):
    """pymorphy3's table of tags (tag id -> Tag), each Tag made from its string when first asked
    for (issue 13): pymorphy3 makes all 5 532 when it loads the dictionary (~15-30 ms, a fifth of
    its start-up) and a press release needs a few hundred. pymorphy3 only indexes the table
    (``gramtab[tag_id]``: a dict subscript, at C speed once made); each id gets one Tag object, made
    by pymorphy3's own class from the same string, as when loading."""

    __slots__ = ("_strings", "_tag")

    def __init__(self, strings: list[str], tag_class):
        super().__init__()
        self._strings = strings
        self._tag = tag_class

    def __missing__(self, i):
        if type(i) is not int:
            raise TypeError(f"tag ids are integers, not {type(i).__name__}")
        if i < 0:
            i += len(self._strings)
        tag = self._tag(self._strings[i])  # IndexError past the end, like the list
        return self.setdefault(i, tag)  # (two threads making one tag: both get the one kept)

    def __len__(self) -> int:
        return len(self._strings)

    def __iter__(self):
        return (self[i] for i in range(len(self._strings)))


def _with_lazy_tags(make):
    """``make()`` (a MorphAnalyzer) with its dictionary's tags made on first use (``_LazyTags``);
    as pymorphy3 makes it when its loader is not the one this was written for (pymorphy3 2.0)."""
    try:
        from pymorphy3.opencorpora_dict import storage

        original = storage._load_gramtab
    except (ImportError, AttributeError):
        return make()
    strings: list = []

    def load_gramtab(*args, **kwargs):
        strings[:] = [original(*args, **kwargs)]
        return ()  # load_dict makes [Tag(s) for s in this]: nothing

    storage._load_gramtab = load_gramtab
    try:
        m = make()
    finally:
        storage._load_gramtab = original
    d = m.dictionary
    if not strings or list(d.gramtab) or not hasattr(d, "_data"):
        return make() if strings else m  # not the loader this expects: as pymorphy3 makes it
    tags = _LazyTags(list(strings[0]), d.Tag)
    d.gramtab = tags
    d._data = d._data._replace(gramtab=tags)
    return m


class _CachedGrammeme:
    """A tag's grammeme of one category (``tag.POS``, ``tag.case`` …) looked up once per tag
    (issue 13). pymorphy3 answers each access by intersecting the tag's grammemes with the
    category's and wrapping the result in a new TypedGrammeme; the grammar checks ask the same few
    hundred tags hundreds of thousands of times. Tags are immutable and keyed by their string here.
    The value is the grammeme pymorphy3's own descriptor gives as a plain (interned) string, not its
    TypedGrammeme, whose Python-level ``__eq__`` and ``__hash__`` every comparison and set lookup
    paid: the only difference is that a comparison with a grammeme of another category (a bug in the
    calling code, which would raise ValueError there) is False instead."""

    __slots__ = ("_orig", "_values")

    def __init__(self, orig):
        self._orig = orig
        self._values: dict = {}

    def __get__(self, instance, owner):
        if instance is None:
            return self
        try:
            return self._values[instance._str]
        except KeyError:
            v = self._orig.__get__(instance, owner)
            v = self._values[instance._str] = sys.intern(str(v)) if v is not None else None
            return v


_TAG_ATTRIBUTES = ("POS", "animacy", "aspect", "case", "gender", "involvement", "mood", "number", "person", "tense",
                   "transitivity", "voice")


def _cache_tag_attributes(cls) -> None:
    for name in _TAG_ATTRIBUTES:
        orig = cls.__dict__.get(name)
        if orig is not None and hasattr(orig, "grammeme_set") and not isinstance(orig, _CachedGrammeme):
            setattr(cls, name, _CachedGrammeme(orig))
    contains = cls.__dict__.get("__contains__")
    if contains is not None and not getattr(contains, "_pressroom", False):
        known_grammemes = cls.KNOWN_GRAMMEMES

        def __contains__(self, grammeme, _orig=contains, _known=known_grammemes):
            # ``"anim" in tag``: a known grammeme of one string answered from the tag's grammemes
            # (as pymorphy3 does, without its set test and class-method calls); anything else
            # (a set of grammemes, an unknown one, which raises) by pymorphy3 itself
            if type(grammeme) is str and grammeme in _known:
                gs = self._grammemes_cache
                return grammeme in (gs if gs is not None else self.grammemes)
            return _orig(self, grammeme)
        __contains__._pressroom = True
        cls.__contains__ = __contains__


PARSE_CACHE_MAX = 100_000


def _memoize(m) -> None:
    """The same word's parses once per process (issue 13): the spelling, homoglyph, grammar,
    consistency and facts code each ask pymorphy3 about the same words. Parses are immutable
    named tuples; each caller gets its own list. Bounded (a web worker sees every word of every draft)."""
    parse = m.parse
    parses: dict[str, list] = {}

    def cached_parse(word: str) -> list:
        hit = parses.get(word)
        if hit is None:
            if len(parses) >= PARSE_CACHE_MAX:
                parses.clear()
            hit = parses[word] = parse(word)
        return list(hit)

    m.parse = cached_parse

    # Whether a word is a dictionary word, also once per word (issue 13): the spelling check asks
    # it of every word, then the agreement and government code again, and again through each
    # parse's ``is_known`` (pymorphy3 walks the DAWG with its е/ё substitutions every time). Both
    # ask ``dictionary.word_is_known(x, substitutes)``: kept here by x.
    d = m.dictionary
    subs = m.char_substitutes
    known: dict[str, bool] = {}

    def fuzzy_known(x: str) -> bool:
        hit = known.get(x)
        if hit is None:
            if len(known) >= PARSE_CACHE_MAX:
                known.clear()
            hit = known[x] = d.word_is_known(x, subs)
        return hit

    word_is_known = m.word_is_known

    def cached_word_is_known(word: str, strict: bool = False) -> bool:
        if strict:
            return word_is_known(word, strict=True)  # (the spelling suggester's one-edit strings: no reuse)
        return fuzzy_known(word.lower())

    m.word_is_known = cached_word_is_known
    parse_class = type(m.parse("мир")[0]) if m.parse("мир") else None
    original = getattr(parse_class, "is_known", None)
    if isinstance(original, property) and not getattr(original.fget, "_pressroom", False):
        def is_known(p):
            if p._morph is m:
                return fuzzy_known(p.word)
            return original.fget(p)
        is_known._pressroom = True
        parse_class.is_known = property(is_known, doc=original.__doc__)


_INFN_INDEXES: dict[int, tuple[int, ...]] = {}


def infinitive_word(p) -> str | None:
    """``p.inflect({"INFN"}).word`` (None when pymorphy3 gives none), read straight from the
    paradigm of a dictionary reading (issue 13): ``inflect`` builds the whole lexeme (a hundred
    forms and parse objects) to pick one form; this looks up the paradigm's infinitive forms once
    per paradigm and, when it has several, picks the one ``inflect`` picks (the first of the most
    similar tags). Any other reading (guessed, prefixed, hyphenated) goes to ``inflect`` itself.
    tests/test_grammar_infinitive.py compares the two."""
    ms = p.methods_stack
    if len(ms) == 1 and type(ms[0][0]).__name__ == "DictionaryAnalyzer":
        _, _, para_id, idx = ms[0]
        d = ms[0][0].dict
        para = d.paradigms[para_id]
        n = len(para) // 3
        found = _INFN_INDEXES.get(para_id)
        if found is None:
            gramtab = d.gramtab
            found = _INFN_INDEXES[para_id] = tuple(i for i in range(n) if "INFN" in gramtab[para[n + i]].grammemes)
        if found:
            i = found[0]
            if len(found) > 1:
                want = p.tag.updated_grammemes({"INFN"})
                best = None
                for j in found:
                    g = d.gramtab[para[n + j]].grammemes
                    sim = len(want & g) - 0.1 * len(want ^ g)
                    if best is None or sim > best:
                        best, i = sim, j
            return d.paradigm_prefixes[para[2 * n + i]] + d.build_stem(para, idx, p.word) + d.suffixes[para[i]]
    try:
        inf = p.inflect({"INFN"})
    except ValueError:
        return None
    return inf.word if inf is not None else None
