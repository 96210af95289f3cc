"""A real word slipped into a set phrase at the start of a sentence: «Кроем того» (кроме того),
«Тме не менее»'s cousins whose slip is itself a word, so no dictionary look-up can see it.

The phrases are data (``fixed_phrases`` in rules/spelling/unknown-word.yml): linking and
introductory phrases that begin sentences of press releases. A sentence's first word one edit
(a swap of neighbours counted as one) from a phrase's first word, followed by the rest of that
phrase word for word, is the phrase mistyped; words of fewer than four letters are left alone
(«Во частности» is not worth the risk)."""
from __future__ import annotations

from app.language import match_case
from app.language.spelling import distance


def _table(phrases) -> dict[tuple[str, ...], list[str]]:
    out: dict[tuple[str, ...], list[str]] = {}
    for p in phrases or ():
        ws = str(p).lower().split()
        if len(ws) >= 2 and len(ws[0]) >= 4:
            out.setdefault(tuple(ws[1:]), []).append(ws[0])
    return out


def slips(doc, ws, starts, phrases):
    """(word, suggestion) for each sentence-initial slip; ``ws`` the document's words in order."""
    table = _table(phrases)
    if not table:
        return
    longest = max(len(k) for k in table)
    for i, w in enumerate(ws):
        if w.token_start not in starts or w.start != w.token_start or len(w.text) < 4 or not w.text[:1].isupper():
            continue
        low = w.text.lower()
        nxt = []
        for k in range(i + 1, min(len(ws), i + 1 + longest)):
            prev = ws[k - 1]
            if doc.text[prev.end:ws[k].start].strip(" \u00a0") != "" or ws[k].text != ws[k].token:
                break
            nxt.append(ws[k].text.lower())
        for n in range(len(nxt), 0, -1):
            for first in table.get(tuple(nxt[:n]), ()):
                if low != first and distance(low, first) <= 1:
                    yield w, match_case(w.text, first)
                    break
            else:
                continue
            break
