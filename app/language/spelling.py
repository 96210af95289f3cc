"""Is a word known, and what is it closest to? Shared by the spelling, homoglyph and LT checks.

Russian: pymorphy3's dictionary (every inflected form of OpenCorpora) or Hunspell ru_RU.
English: Hunspell en_GB or en_US. The accept vocabulary (rules/vocab, pressroom.toml) always wins;
for Russian also through the lemma, so ``пробация`` in the vocabulary accepts ``пробации``.
"""
from __future__ import annotations

import re
from typing import Any

from app.language import MAX_WORD, get, morph

RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
EN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# Letters a writer confuses by ear: a substitution among them costs half.
_SIMILAR = [set(s) for s in ("иы", "еёэи", "ао", "шщ", "ьъ", "сз", "тд", "бп", "вф", "гк", "жш", "йи", "ую",
                              "ei", "ao", "sc", "sz", "ck", "iy", "ou")]
_CLEAN = str.maketrans({"\u0301": None, "\u00ad": None, "\u200b": None, "’": "'", "ʼ": "'"})


def clean(word: str) -> str:
    """The word without stress marks, soft hyphens and with a plain apostrophe."""
    return word.translate(_CLEAN)


def _similar(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return any(a in s and b in s for s in _SIMILAR)


def distance(a: str, b: str) -> float:
    """Damerau-Levenshtein distance (case-insensitive) where a by-ear confusion costs 0.5."""
    a, b = a.lower(), b.lower()
    la, lb = len(a), len(b)
    d = [[0.0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la + 1):
        d[i][0] = i
    for j in range(lb + 1):
        d[0][j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            if a[i - 1] == b[j - 1]:
                cost = 0.0
            elif _similar(a[i - 1], b[j - 1]):
                cost = 0.5
            else:
                cost = 1.0
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[la][lb]


# Productive prefixes: a prefix plus a dictionary word is a word (checked only when the rest has
# four letters or more, so a typo in a short word is not hidden).
RU_PREFIXES = tuple(sorted("""
анти авиа авто агро аудио био вице видео гео гипер гос госу евро за зам квази кибер контр макро медиа
мега меж микро мини мульти нано не нео недо пере по под пост пре пред при про псевдо раз рас ре само
сверх спец супер теле ультра эко экс электро энерго""".split(), key=len, reverse=True))
_RU_Y_AFTER = {"под", "пред", "раз", "рас", "без", "бес", "от", "об", "из", "вз", "над", "с"}
EN_PREFIXES = tuple(sorted("""
anti bio co counter cyber de eco euro inter macro micro mid multi nano non over post pre re self sub
super trans un under""".split(), key=len, reverse=True))


# Case endings of nouns and of surnames in -ов/-ин (longest first), for vocabulary words.
_RU_ENDINGS = tuple(sorted(set("а у ом ем е ы и ов ев ам ям ами ями ах ях ей ю я ой ою ым ым их им ыми ими".split()),
                           key=len, reverse=True))
# Plural endings of nouns in -анин/-янин after the -ин is dropped (граждан|е, граждан, граждан|ам …).
_RU_PLURAL_ANIN = ("ами", "ам", "ах", "е", "")


class Speller:
    """Spelling knowledge for one language; one per process (see ``speller(ctx, lang)``)."""

    def __init__(self, lang: str, morph_analyzer, dicts: list):
        self.lang = lang
        self.morph = morph_analyzer
        self.dicts = [d for d in dicts if d is not None]
        self._known: dict[str, bool] = {}
        self._suggest: dict[str, list[str]] = {}
        self._zipf: dict[str, float] = {}

    # ----- knowing ---------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        if len(word) > MAX_WORD:
            return False  # not a word: never given to morphology or the dictionaries
        hit = self._known.get(word)
        if hit is None:
            if len(self._known) >= 200_000:
                self._known.clear()  # bounded: a web worker sees every new word of every draft
            hit = self._known[word] = self._known_uncached(word)
        return hit

    def _known_uncached(self, word: str) -> bool:
        if self.morph is not None:
            w = word.lower()
            if self.morph.word_is_known(w) or ("ё" in w and self.morph.word_is_known(w.replace("ё", "е"))):
                return True
        for d in self.dicts:
            if d.lookup(word):
                return True
            if word[:1].isupper() and not word.isupper() and d.lookup(word.lower()):
                return True
        if self.lang == "en" and word.endswith(("'s", "s'")):
            return self.known(word[:-2] if word.endswith("'s") else word[:-1])
        return self._prefixed(word)

    def _prefixed(self, word: str) -> bool:
        """A productive prefix before a dictionary word: кибер|атака, за|декларировал, sub|grants."""
        w = word.lower()
        for pre in (RU_PREFIXES if self.lang == "ru" else EN_PREFIXES):
            if w.startswith(pre) and len(w) - len(pre) >= 4:
                rest = w[len(pre):]
                if pre in _RU_Y_AFTER and rest[0] == "и":
                    continue  # пред+история is предыстория: и turns into ы after these prefixes
                if any(self._is_dictionary_word(v) for v in (pre + pre[-1] + rest, pre + rest[0] + rest, pre[:-1] + rest)):
                    continue  # рас+читан is a slip for рассчитан: the letter at the seam was lost or doubled
                if self.lang == "ru" and self.morph is not None:
                    if self.morph.word_is_known(rest) or any(d.lookup(rest) for d in self.dicts):
                        return True
                elif any(d.lookup(rest) for d in self.dicts):
                    return True
        return False

    def _is_dictionary_word(self, w: str) -> bool:
        if self.morph is not None and self.morph.word_is_known(w):
            return True
        return any(d.lookup(w) for d in self.dicts)

    def compound_part(self, part: str) -> bool:
        """A first part of a hyphenated adjective: парламентско-(президентский), социально-(…)."""
        w = part.lower()
        if self.lang != "ru" or len(w) < 4 or len(w) > MAX_WORD or w[-1] not in "оеи":
            return False
        stem = w[:-1]
        return any(self.known(stem + end) for end in ("ый", "ий", "ой", "о"))

    def known_strict(self, word: str) -> bool:
        """Known as a word of the language (dictionary, not guessed); used by the homoglyph check."""
        return self.known(word)

    def common(self, word: str) -> float:
        """How common ``word`` is: its Zipf frequency (wordfreq's small list; 3 = once per million
        words, 0 = not listed)."""
        hit = self._zipf.get(word)
        if hit is None:
            from app.language.frequency import zipf  # wordfreq's numbers without importing it (issue 13)

            try:
                hit = zipf(word, self.lang)
            except ImportError:  # pragma: no cover - a declared dependency
                return 0.0
            if len(self._zipf) >= 200_000:
                self._zipf.clear()
            self._zipf[word] = hit
        return hit

    def common_word(self, word: str) -> bool:
        """A lower-case dictionary word that is not only a name (a typo of it is a typo, not a name)."""
        w = word.lower()
        if self.morph is not None and re.search("[а-яё]", w):
            ps = [p for p in self.morph.parse(w) if p.is_known]
            if not ps:
                return False
            return any(not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"} & set(p.tag.grammemes))
                       for p in ps)
        return any(d.lookup(w) for d in self.dicts)

    def accepted(self, word: str, vocabulary) -> bool:
        if vocabulary is None or len(word) > MAX_WORD:
            return False
        if vocabulary.accepts(word):
            return True
        if self.morph is not None and re.search("[а-яё]", word, re.I):
            cap = word[:1].isupper()
            for lemma in {p.normal_form for p in self.morph.parse(word.lower())}:
                if vocabulary.accepts(lemma) or (cap and vocabulary.accepts(lemma[:1].upper() + lemma[1:])):
                    return True
            if cap and vocabulary.accepts(word + "ский"):
                return True  # «Кочкор»: the place of «Кочкорский» (район)
            if cap and self._place_adjective(word, vocabulary):
                return True  # «Мургабского», «Саятский»: the district of a place the lists know
            if self._term_adjective(word, vocabulary):
                return True  # «хукуматского», «айыльного», «аксакальский»: an adjective of a vocabulary term
            return self._declined(word, vocabulary)
        if re.fullmatch(r"[A-Za-z'’-]+", word) and len(word) > 4:
            # English plurals and possessives of vocabulary words: okmotus, jamoats, hyakimlik's
            for end in ("'s", "’s", "es", "s"):
                if word.endswith(end) and vocabulary.accepts(word[:-len(end)]):
                    return True
        return False

    def _place_adjective(self, word: str, vocabulary) -> bool:
        """A capitalised adjective in -ский (any case form) made from a place name: the place is
        in the vocabulary (Саят → Саятский) or is a place pymorphy3 knows (Мургаб → Мургабский)."""
        low = word.lower()
        m = re.search(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ому|им|ом|ой|ую|их|ими|ым|ых)$", low)
        if m is None:
            return False
        base = word[:m.start()]
        if len(base) < 3:
            return False
        for b in (base, base + "ь"):
            b = b[:1].upper() + b[1:]
            if vocabulary.accepts(b):
                return True
            if self.morph is not None and any(p.is_known and "Geox" in p.tag.grammemes
                                              for p in self.morph.parse(b.lower())):
                return True
        return False

    def _term_adjective(self, word: str, vocabulary) -> bool:
        """An adjective in -ский/-ьский/-ный/-ьный (any case form) made from a lower-case term of the
        vocabulary (хукумат → хукуматский, айыл → айыльный, аксакал → аксакальский); the term has
        four letters or more, so a short stem does not hide a typo."""
        low = word.lower()
        m = re.search(r"ь?(?:ск|н)(?:ий|ый|ая|ое|ие|ые|ого|ому|им|ым|ом|ой|ую|их|ых|ими|ыми)$", low)
        if m is None:
            return False
        base = low[:m.start()]
        return len(base) >= 4 and vocabulary.accepts(base)  # (lower case: the any-case entries only)

    def _declined(self, word: str, vocabulary) -> bool:
        """A Russian case ending on a vocabulary word pymorphy3 cannot guess (ганчу, жамоата,
        Нурлановой): the stem, or the stem with a nominative ending, is in the vocabulary."""
        w = word
        low = w.lower()
        for end in _RU_PLURAL_ANIN:
            # nouns of a people or a trade in -анин/-янин lose -ин in the plural (дайханин →
            # дайхане, дайхан, дайханами; as гражданин → граждане): the vocabulary's singular
            base = w[:len(w) - len(end)] if end else w
            if low.endswith(end) and len(base) >= 4 and base.lower().endswith(("ан", "ян")) \
                    and vocabulary.accepts(base + "ин"):
                return True
        for end in _RU_ENDINGS:
            if len(w) - len(end) >= 4 and w.lower().endswith(end):
                stem = w[:len(w) - len(end)]
                for nom in ("", "а", "я", "ь", "о", "е", "й"):
                    if vocabulary.accepts(stem + nom):
                        return True
                if stem[:1].isupper() and vocabulary.accepts(stem + "ский"):
                    return True  # «Кочкора»: the place of the vocabulary's «Кочкорский» (район)
        return False

    # ----- suggesting ------------------------------------------------------------------------
    def suggestions(self, word: str, limit: int = 5, slow: bool = True) -> list[tuple[str, float]]:
        """Dictionary words close to ``word``, best first, with their distance.

        Russian words one edit from a dictionary form are answered from pymorphy3 alone (about
        10 ms); Hunspell's own suggester (about 50 ms a word for ru_RU) is asked only when that
        finds nothing, and only while ``slow`` is allowed (the check gives each document a budget).
        """
        if len(word) > MAX_WORD:
            return []
        hit = self._suggest.get(word)
        if hit is None or (slow and not hit[1]):
            if len(self._suggest) >= 10_000:
                self._suggest.clear()
            hit = self._suggest[word] = self._rank(word, slow)
        return hit[0][:limit]

    def ranked_before(self, word: str) -> bool:
        """Are ``word``'s suggestions already kept in this process (``suggestions`` answers from them)?"""
        return word in self._suggest

    def _edits1(self, word: str) -> set[str]:
        alphabet = RU_ALPHABET if self.lang == "ru" else EN_ALPHABET
        w = word.lower()
        splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
        out = set()
        for a, b in splits:
            if b:
                out.add(a + b[1:])
                for c in alphabet:
                    out.add(a + c + b[1:])
            if len(b) > 1:
                out.add(a + b[1] + b[0] + b[2:])
            for c in alphabet:
                out.add(a + c + b)
        out.discard(w)
        return out

    def _rank(self, word: str, slow: bool = True) -> tuple[list[tuple[str, float]], bool]:
        """(ranked suggestions, complete): complete is False when Hunspell was skipped for time."""
        from app.language import match_case

        cands: dict[str, int] = {}
        if self.morph is not None and len(word) <= 20:
            # Every dictionary form one edit away (pymorphy knows forms Hunspell's list may miss).
            for e in sorted(self._edits1(word)):  # sorted: ties ranked the same on every run
                # strict, or with ё written as е (молодеж → молодежь: the dictionary has молодёжь)
                if self.morph.word_is_known(e, strict=True) or ("е" in e and self.morph.word_is_known(e, strict=False)):
                    s = match_case(word, e)
                    if s not in cands:
                        cands[s] = 100 + len(cands)
        elif self.morph is None and self.dicts and len(word) <= 20:
            # English: the same one-edit search through Hunspell's lookup (~5 ms a word), so its
            # suggester (~60 ms a word and dictionary) is asked only for words further away.
            # each dictionary's lookup bound once for the ~1 400 candidates (issue 13); the same
            # order and answers as asking d.lookup(s) of each dictionary in turn
            looks = [d.lookup_function() if hasattr(d, "lookup_function") else d.lookup for d in self.dicts]
            for e in sorted(self._edits1(word)):  # sorted: ties ranked the same on every run
                s = match_case(word, e)
                if s not in cands:
                    for lk in looks:
                        if lk(s):
                            cands[s] = 100 + len(cands)
                            break
        if not cands and "-" not in word:
            # Two dictionary words run together (greenway, downpayment): the split is what
            # Hunspell's suggester would put first, found here without it.
            w = word.lower()
            for i in range(3, len(w) - 2):
                if self._is_dictionary_word(w[:i]) and self._is_dictionary_word(w[i:]):
                    cands[match_case(word, w[:i] + " " + w[i:])] = 0
                    cands[match_case(word, w[:i] + "-" + w[i:])] = 1
                    break
        complete = True
        if not cands:
            if slow:
                order = 0
                for d in self.dicts:
                    for s in d.suggest(word):
                        if s not in cands:
                            cands[s] = order
                            order += 1
                    if cands:
                        break  # the second dictionary (en_US after en_GB) only when the first had nothing
            else:
                complete = False
        scored = []
        pool = [(s, rank) for s, rank in cands.items() if s.lower() != word.lower()]
        dists = []
        for s, rank in pool:
            dist = distance(word, s)
            if " " in s or "-" in s and "-" not in word:
                dist += 1.0  # splitting a word is rarely the fix
            dists.append(dist)
        # among candidates as close, the more common word first (Фемеры → Фермеры, not Феморы); a
        # candidate no other is as close to needs no frequency to be ranked (nor the Zipf table
        # loaded: issue 13), a lone one least of all
        from collections import Counter

        tied = {d for d, n in Counter(dists).items() if n > 1}
        for (s, rank), dist in zip(pool, dists):
            freq = 0.0
            if dist in tied:
                freq = self.common(s.lower())
                if self.morph is not None and "е" in s.lower():
                    ps = self.morph.parse(s.lower())
                    if ps and ps[0].word != s.lower():
                        freq = max(freq, self.common(ps[0].word))  # молодежь is counted as молодёжь
            scored.append((dist, -round(freq, 1), rank, s))
        scored.sort()
        out, seen = [], set()
        for dist, _, _, s in scored:
            s = match_case(word, s) if not s[:1].isupper() else s
            if s not in seen:
                seen.add(s)
                out.append((s, dist))
        return out, complete


def speller(ctx: Any, lang: str, load: bool = True) -> Speller:
    """The process's Speller for ``lang``. English: en_GB or en_US (pressroom.toml's
    ``style.english``) first, the other variant asked only about words the first does not know;
    ``load=False`` (a Russian check asking about a Latin word or two) leaves the first variant
    unloaded too until a word its stem index cannot rule out (issue 13)."""
    variant = "en_GB"
    if lang == "en" and ctx is not None and getattr(ctx, "config", None) is not None:
        variant = str(ctx.config.style.get("english", "en_GB")).replace("-", "_")
        if variant not in ("en_GB", "en_US"):
            variant = "en_GB"
    name = f"speller.{lang}.{variant}" if lang == "en" else "speller.ru"
    # The process cache's lock is not re-entrant: build the parts first, then the speller.
    if lang == "ru":
        # ru_RU is loaded on its first lookup its stem index does not answer (issue 13): only words
        # pymorphy3 does not know reach it
        from app.language.hunspell import Lazy, find

        parts = (morph(ctx), [get(ctx, "hunspell.lazy.ru_RU", lambda: Lazy("ru_RU", indexed=True) if find("ru_RU") else None)])
    else:
        other = "en_US" if variant == "en_GB" else "en_GB"
        # each variant is loaded on its first lookup that its stem index does not answer (the
        # second one only for words the first does not know), the first at once for an English text
        from app.language.hunspell import Lazy, find

        first = get(ctx, f"hunspell.lazy.{variant}", lambda: Lazy(variant, indexed=True) if find(variant) else None)
        second = get(ctx, f"hunspell.lazy.{other}", lambda: Lazy(other, indexed=True) if find(other) else None)
        if load and first is not None:
            first.load()
        parts = (None, [first, second])
    return get(ctx, name, lambda: Speller(lang, *parts))
