"""Russian adjective–noun agreement inside a noun phrase, with pymorphy3.

A run of full adjectives followed by a noun (``Казахстанские международное бюро``,
``специальный процедуры``) must agree in case, number and, in the singular, gender. We flag an
adjective only when the morphology is unambiguous about it:
- every word of the phrase is a dictionary word whose every analysis is an adjective (or, for the
  last one, a noun); participles, pronouns used as nouns and substantivised adjectives are skipped;
- no analysis of the noun agrees with all adjectives, but one does with all adjectives but one:
  that one is flagged, with itself inflected to agree as the suggestion;
- indeclinable words (бюро, кафе, её) agree with anything; a numeral, a conjunction or another
  adjective before the phrase (два новых проекта, Казахстанская и Кыргызская республики) makes
  us say nothing.
"""
from __future__ import annotations

import re

from app.language import MAX_WORD, get, match_case, morph

_CASE = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct", "voct": "nomn"}
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_BREAK_BEFORE = {"и", "или", "либо", "а", "но", "да", "как"}
_NUMERAL_WORDS = {"два", "две", "три", "четыре", "оба", "обе", "полтора", "полторы", "пол"}
_MIN_SCORE = 0.0


def _case(tag) -> str:
    c = tag.case
    return _CASE.get(c, c)


def _features(parse):
    tag = parse.tag
    return (_case(tag), tag.number, tag.gender)


_AGREES: dict = {}  # (adjective tag, noun tag) -> bool: a function of the two tags (issue 13)


def _agrees(adj, noun) -> bool:
    key = (adj.tag, noun.tag)
    hit = _AGREES.get(key)
    if hit is None:
        if len(_AGREES) > 100_000:
            _AGREES.clear()
        hit = _AGREES[key] = _agrees_tags(adj.tag, noun.tag)
    return hit


def _agrees_tags(a, n) -> bool:
    if "Fixd" in a:
        return True
    if _case(a) != _case(n):
        return "Fixd" in n and _number_gender_ok(a, n)
    return _number_gender_ok(a, n)


def _number_gender_ok(a, n) -> bool:
    if a.number != n.number:
        return False
    if a.number == "sing":
        ng = n.gender
        if ng is None or "ms-f" in n or "GNdr" in n:
            return a.gender in ("masc", "femn")
        return a.gender == ng
    return True


def _analyses(m, word: str):
    w = word.lower()
    if len(w) > MAX_WORD:
        return None  # not a word; never given to morphology
    if not m.word_is_known(w) and not ("ё" in w and m.word_is_known(w.replace("ё", "е"))):
        return None
    return [p for p in m.parse(w) if p.score > _MIN_SCORE]


def _is_adjective(parses) -> bool:
    return bool(parses) and all(p.tag.POS == "ADJF" and "Apro" not in p.tag and "Anum" not in p.tag
                                and "Subx" not in p.tag for p in parses)


def _is_noun(parses) -> bool:
    return bool(parses) and all(p.tag.POS == "NOUN" for p in parses)


def _inflect(parses, target) -> list[str]:
    """The adjective's forms that agree with the noun analysis ``target``."""
    case = _case(target.tag)
    grams = {case, target.tag.number}
    if target.tag.number == "sing":
        g = target.tag.gender
        if g in ("masc", "femn", "neut"):
            grams.add(g)
        else:
            return []
    out = []
    for p in parses:
        try:
            f = p.inflect(grams)
        except ValueError:
            f = None
        if f is not None and f.word not in out:
            out.append(f.word)
        if case == "accs" and f is None:
            continue
    return out


def _phrases(text: str, start: int):
    """Runs of Cyrillic words with nothing but spaces (or an opening quote) between them."""
    run: list[tuple[int, int, str]] = []
    last_end = None
    for m in _WORD.finditer(text):
        if last_end is not None:
            gap = text[last_end:m.start()]
            if gap.strip(" \u00a0«„\"") != "" or "\n" in gap:
                if run:
                    yield run
                run = []
        run.append((start + m.start(), start + m.end(), m.group(0)))
        last_end = m.end()
    if run:
        yield run


def check(doc, rule, ctx):
    m = morph(ctx)
    # Analyses are cached for the process (a warm one-page check must take milliseconds).
    cache: dict[str, list | None] = get(ctx, "grammar.agreement.analyses", dict)
    if len(cache) > 200_000:
        cache.clear()

    def analyses(word):
        try:
            return cache[word]
        except KeyError:
            cache[word] = got = _analyses(m, word)
            return got

    kinds: dict[str, tuple[bool, bool]] = get(ctx, "grammar.agreement.kinds", dict)
    if len(kinds) > 200_000:
        kinds.clear()

    def kind(word):
        """(adjective?, noun?) of a word, once per word for the process."""
        try:
            return kinds[word]
        except KeyError:
            ps = analyses(word)
            kinds[word] = got = (_is_adjective(ps), _is_noun(ps))
            return got

    for s in doc.sentences:
        chunk = doc.text[s.start:s.end]
        for run in _phrases(chunk, s.start):
            i = 0
            while i < len(run):
                # find a chain of adjectives starting at i followed by a noun
                j = i
                while j < len(run) and kind(run[j][2])[0]:
                    j += 1
                if j == i or j >= len(run):
                    i = j + 1 if j == i else j
                    continue
                if not kind(run[j][2])[1]:
                    i = j + 1
                    continue
                before = run[i - 1][2].lower() if i > 0 else ""
                prev_text = doc.text[max(s.start, run[i][0] - 40):run[i][0]]
                if before in _NUMERAL_WORDS or before in _BREAK_BEFORE or re.search(r"\d[\s\u00a0]*[«\"]?$", prev_text) \
                        or (i > 0 and analyses(before) and any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in analyses(before))) \
                        or re.search(r"(?:\b(?:и|или)|,)\s*[«\"]?$", prev_text):
                    i = j + 1
                    continue
                finding = _check_chain(doc, rule, run[i:j], run[j], analyses)
                if finding is not None:
                    yield finding
                i = j + 1


def _check_chain(doc, rule, adjs, noun, analyses):
    noun_parses = analyses(noun[2])
    adj_parses = [analyses(a[2]) for a in adjs]

    def agreeing_nouns(skip: int | None):
        return [n for n in noun_parses
                if all(any(_agrees(a, n) for a in ps) for k, ps in enumerate(adj_parses) if k != skip)]

    if agreeing_nouns(None):
        return None
    culprits = []
    for k in range(len(adjs)):
        ok = agreeing_nouns(k)
        if ok:
            culprits.append((k, ok))
    last = len(adjs) - 1
    if len(culprits) > 1 and all("Fixd" in n.tag for n in noun_parses) and any(c[0] == last for c in culprits):
        # An indeclinable noun (бюро) says nothing itself: trust the adjective next to it.
        culprits = [c for c in culprits if c[0] != last]
    if not culprits and len(adjs) > 1:
        return _check_noun(doc, rule, adjs, noun, adj_parses, noun_parses)
    if len(culprits) != 1:
        return None  # ambiguous: several adjectives could be the wrong one (or the noun is)
    k, targets = culprits[0]
    if len(adjs) == 1:
        # One adjective: prefer noun readings in the adjective's own case (специальный процедуры ->
        # специальные процедуры: nominative plural, not genitive singular).
        adj_cases = {_case(p.tag) for p in adj_parses[0]}
        targets = sorted(targets, key=lambda n: (_case(n.tag) not in adj_cases,))
    suggestions: list[str] = []
    for n in targets:
        for form in _inflect(adj_parses[k], n):
            form = match_case(adjs[k][2], form)
            if form not in suggestions:
                suggestions.append(form)
    if not suggestions:
        return None
    start, end, word = adjs[k]
    if word[:1].islower() and noun[2][:1].isupper():
        return None  # подведомственном Роскомнадзору: the adjective governs a name
    if not ({_case(p.tag) for p in adj_parses[k]} & {_case(n.tag) for n in noun_parses}):
        # No shared case: the adjective is a predicate or governs the noun (признать незаконными
        # предоставления, в дальнейшем органы): not a noun phrase.
        return None
    return rule.finding(doc, start, end, suggestions, noun=noun[2])


def _check_noun(doc, rule, adjs, noun, adj_parses, noun_parses):
    """Two or more adjectives agree with each other but not with the noun: the noun is wrong
    (новая оросительная системы -> система)."""
    if any("Fixd" in n.tag for n in noun_parses):
        return None
    common = None
    for ps in adj_parses:
        feats = {_features(p) for p in ps}
        common = feats if common is None else common & feats
    if not common:
        return None
    forms: list[str] = []
    for case, number, gender in sorted(common, key=lambda f: (f[0] != "nomn",)):
        for n in noun_parses:
            if number == "sing" and n.tag.gender != gender and "ms-f" not in n.tag:
                continue
            try:
                f = n.inflect({case, number})
            except ValueError:
                f = None
            if f is not None:
                w = match_case(noun[2], f.word)
                if w not in forms:
                    forms.append(w)
    if not forms:
        return None
    start, end, word = noun
    return rule.finding(doc, start, end, forms, noun=word,
                        message="'{match}' does not agree with the adjectives before it; did you mean '{suggestion}'?",
                        message_ru="«{match}» не согласуется с прилагательными перед ним; возможно, «{suggestion}»?")
