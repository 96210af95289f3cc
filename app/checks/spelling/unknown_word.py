"""Spelling: words no dictionary knows, with ranked suggestions (Russian and English, offline).

Severity follows how sure we are that it is a typo:
- a lowercase word (or the first word of a sentence) one edit from a dictionary word: error;
- a lowercase word two edits from a dictionary word: warning;
- anything else we do not know (names, places, capitalised words, rare terms): info.
Never flagged: acronyms, words with digits, e-mail and URL parts, accepted vocabulary, words in
another script than the document's (that is the homoglyph checks' business).
"""
from __future__ import annotations

import time

import re

from app.language import KAZAKH_LETTERS, in_spans, kazakh_blocks, sentence_starts
from app.language.spelling import speller
from app.language.words import is_acronym, words


def _severity(word: str, at_start: bool, best: float | None, close: float, near: float, start_close: float) -> str:
    lower = word[:1].islower()
    if best is None:
        return "info"
    if lower:
        if best <= close:
            return "error"
        if best <= near:
            return "warning"
    elif at_start and best <= start_close:
        return "error"  # Предистория at a sentence start: a by-ear confusion, not a name
    return "info"


# "Ft. Benning", "г. Талдыкорган": a capital after an abbreviation does not start a sentence.
_AFTER_ABBREVIATION = re.compile(r"(?:^|[\s(])[A-Za-zА-Яа-яЁё]{1,3}\.\s*$")


def _is_split(word: str, suggestion: str) -> bool:
    """The suggestion only splits the word (супер тяжеловес, carry-back): a compound, not a typo."""
    return suggestion.replace(" ", "").replace("-", "").lower() == word.lower() and suggestion.lower() != word.lower()


def check(doc, rule, ctx):
    lang = doc.language
    sp = speller(ctx, lang)
    vocab = ctx.vocabulary if ctx is not None else None
    starts = sentence_starts(doc)
    opts = rule.options
    close = float(opts.get("close", 1.0))
    start_close = float(opts.get("start_close", 0.5))
    near = float(opts.get("near", 2.0))
    min_len = int(opts.get("min_length", 3))
    # A name mid-sentence says it is a name: the same word at a sentence start is one too.
    names = set()
    ws = words(doc)
    for w in ws:
        if w.text[:1].isupper() and w.token_start not in starts:
            names.add(w.text)
    # Hunspell's suggester is slow (~50 ms a Russian word): a draft full of unknown words (another
    # language, a transliteration) gets it for the first second only; the rest still get the
    # one-edit dictionary suggestions.
    budget = float(opts.get("suggest_budget_seconds", 1.0))
    kazakh = kazakh_blocks(doc) if lang == "ru" else []
    spent = 0.0
    for w in ws:
        text = w.text
        if w.has_digit or len(text) < min_len or is_acronym(text):
            continue
        if lang == "ru" and (not w.cyrillic or w.latin):
            continue
        if lang == "ru" and (KAZAKH_LETTERS.search(text) or in_spans(kazakh, w.start, w.end)):
            continue  # Kazakh: no Russian dictionary can judge it
        if lang == "en" and (w.cyrillic or not w.latin):
            continue
        from app.language.spelling import clean

        plain = clean(text)
        if sp.known(plain) or sp.accepted(plain, vocab) or (plain != w.token and sp.accepted(w.token, vocab)):
            continue
        if plain != w.token and "-" in w.token and sp.known(clean(w.token)):
            continue
        if w.end < w.token_start + len(w.token) and w.token[w.end - w.token_start:][:1] in "-‑" \
                and sp.compound_part(plain):
            continue
        at_start = w.start == w.token_start and w.token_start in starts \
            and not _AFTER_ABBREVIATION.search(doc.text, max(0, w.start - 8), w.start)
        capital = plain[:1].isupper()
        if capital and (not at_start or plain in names):
            yield rule.finding(doc, w.start, w.end, [], severity="info",
                               message="Unknown word '{match}' (a name? add it to the vocabulary)",
                               message_ru="Слова «{match}» нет в словаре (если это имя или название, добавьте его в словарь)")
            continue
        t0 = time.perf_counter()
        # A capitalised word at a sentence start is an error only one by-ear letter away, which the
        # one-edit search finds: Hunspell's slow suggester is kept for lowercase words.
        ranked = sp.suggestions(plain, slow=spent < budget and not capital)
        spent += time.perf_counter() - t0
        best = ranked[0][1] if ranked else None
        severity = _severity(plain, at_start, best, close, near, start_close)
        if ranked and _is_split(plain, ranked[0][0]):
            severity = "info"
        suggestions = [s for s, _ in ranked]
        if severity == "info":
            yield rule.finding(doc, w.start, w.end, suggestions[:3], severity="info",
                               message="Unknown word '{match}'", message_ru="Слова «{match}» нет в словаре")
        else:
            yield rule.finding(doc, w.start, w.end, suggestions, severity=severity)
