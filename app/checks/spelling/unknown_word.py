"""Spelling: words no dictionary knows, with ranked suggestions (Russian and English, offline).

Severity follows how sure we are that it is a typo:
- a lowercase word (or the first word of a sentence) one edit from a dictionary word: error;
- a lowercase word two edits from a dictionary word: warning;
- anything else we do not know (names, places, capitalised words, rare terms): info.
Never flagged: acronyms, words with digits, e-mail and URL parts, accepted vocabulary, words in
another script than the document's (that is the homoglyph checks' business).
"""
from __future__ import annotations

from app.language import sentence_starts
from app.language.spelling import speller
from app.language.words import is_acronym, words


def _severity(word: str, at_start: bool, best: float | None, close: float, near: float) -> str:
    lower = word[:1].islower()
    if best is None:
        return "info"
    if lower or at_start:
        if best <= close:
            return "error"
        if lower and best <= near:
            return "warning"
    return "info"


def check(doc, rule, ctx):
    lang = doc.language
    sp = speller(ctx, lang)
    vocab = ctx.vocabulary if ctx is not None else None
    starts = sentence_starts(doc)
    opts = rule.options
    close = float(opts.get("close", 1.0))
    near = float(opts.get("near", 2.0))
    min_len = int(opts.get("min_length", 3))
    # A name mid-sentence says it is a name: the same word at a sentence start is one too.
    names = set()
    ws = words(doc)
    for w in ws:
        if w.text[:1].isupper() and w.token_start not in starts:
            names.add(w.text)
    for w in ws:
        text = w.text
        if w.has_digit or len(text) < min_len or is_acronym(text):
            continue
        if lang == "ru" and (not w.cyrillic or w.latin):
            continue
        if lang == "en" and (w.cyrillic or not w.latin):
            continue
        from app.language.spelling import clean

        plain = clean(text)
        if sp.known(plain) or sp.accepted(plain, vocab) or (plain != w.token and sp.accepted(w.token, vocab)):
            continue
        if plain != w.token and "-" in w.token and sp.known(clean(w.token)):
            continue
        at_start = w.start == w.token_start and w.token_start in starts
        capital = plain[:1].isupper()
        if capital and (not at_start or plain in names):
            yield rule.finding(doc, w.start, w.end, [], severity="info",
                               message="Unknown word '{match}' (a name? add it to the vocabulary)")
            continue
        ranked = sp.suggestions(plain)
        best = ranked[0][1] if ranked else None
        severity = _severity(plain, at_start, best, close, near)
        suggestions = [s for s, _ in ranked]
        if severity == "info":
            yield rule.finding(doc, w.start, w.end, suggestions[:3], severity="info",
                               message="Unknown word '{match}'")
        else:
            yield rule.finding(doc, w.start, w.end, suggestions, severity=severity)
