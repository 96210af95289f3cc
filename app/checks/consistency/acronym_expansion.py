"""One acronym spelled out two different ways: «Германское общество по международному
сотрудничеству (GIZ)» in the lead, «Германского агентства по развитию (GIZ)» in a quote.

The words before each «(ACR)» (back to a punctuation mark, at most eight) are compared by their
lemmas; two expansions differ when neither is the end of the other (a sentence may start before
the name: «В Ташкенте Германское общество … (GIZ)» and «Германского общества … (GIZ)» agree).
The later expansion is flagged, with the first one as the suggestion.
"""
from __future__ import annotations

import re

from app.language.orgs import alias_groups, lemmas

DEFINITION = re.compile(r"\((?P<acr>[A-ZА-ЯЁ][A-ZА-ЯЁa-z]{1,9})\)")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_BACK = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STOP = {"и", "в", "во", "на", "с", "со", "по", "при", "для", "от", "из", "к", "ко", "о", "об", "а", "но",
         "the", "of", "and", "for", "on", "in", "by", "to", "with", "a", "an"}


def _name_before(doc, end: int):
    """(start, lemmas) of the capitalised name right before ``end`` (an opening parenthesis)."""
    chunk_start = max(0, end - 160)
    chunk = doc.text[chunk_start:end]
    cut = max(chunk.rfind(ch) for ch in ".,;:!?«»\"“”()\n–—")
    if cut >= 0:
        chunk_start += cut + 1
        chunk = doc.text[chunk_start:end]
    words = list(_BACK.finditer(chunk))[-8:]
    # the name starts at its first capitalised word; lower-case words before it are context
    first = next((i for i, w in enumerate(words) if w.group(0)[:1].isupper()), None)
    if first is None:
        return None
    words = words[first:]
    if len(words) < 2:
        return None
    start = chunk_start + words[0].start()
    seq = []
    offsets: list[tuple[int, bool]] = []
    for x, a, _ in lemmas(None, doc.text[start:end], start):
        word = doc.text[a:a + 1]
        before = doc.text[max(0, a - 40):a].rstrip(" \t\u00a0")
        sentence_start = not before or before[-1] in ".!?\n"  # also after an indent
        if doc.language == "en" and len(x) > 3 and x.endswith("s") and not x.endswith("ss"):
            x = x[:-1]  # Associations (WUAs) and Association (WUA) are one name
        seq.append((x, word.islower() or x in _STOP or sentence_start))
        offsets.append((a, word.isupper() and not sentence_start))
    # the span starts at the name: leading context words are left out («Представитель Германского …»)
    k = 0
    while k < len(seq) - 2 and seq[k][1] and not offsets[k][1] and (offsets[k + 1][1] or seq[k + 1][1]):
        k += 1
    return offsets[k][0], end, seq


def _common_suffix(a: list[str], b: list[str]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _agree(a_full, b_full) -> bool:
    """The same name: the shorter one, maybe after a word or two of context that may be dropped
    (a sentence's first word, a lower-case word: «Представитель …», "Researchers of the …"), is
    the end of the longer; or two forms of one organisation (rules/vocab/organisations.yaml)."""
    a = [x for x, _ in a_full]
    b = [x for x, _ in b_full]
    short, long_ = (a_full, b) if len(a) <= len(b) else (b_full, a)
    for k in range(0, 3):
        if k and not short[k - 1][1]:
            break
        rest = [x for x, _ in short[k:]]
        if len(rest) >= 2 and _common_suffix(rest, long_) == len(rest):
            return True
    # Two names without Cyrillic letters cannot end in a Russian alias (its lemmas are Cyrillic):
    # those aliases are not lemmatised, and an English text does not load the Russian morphology (issue 13).
    latin = not any(_CYRILLIC.search(x) for x in a + b)
    for group in alias_groups():
        seqs = [[x for x, _, _ in lemmas(None, g)] for g in group if not (latin and _CYRILLIC.search(g))]
        if any(_common_suffix(a, s) == len(s) for s in seqs) and any(_common_suffix(b, s) == len(s) for s in seqs):
            return True
    return False


def check(doc, rule, ctx):
    first: dict[str, tuple[int, int, list[str]]] = {}
    for m in DEFINITION.finditer(doc.text):
        acr = m.group("acr")
        if doc.language == "en" and acr.endswith("s") and acr[:-1].isupper():
            acr = acr[:-1]  # WUAs
        got = _name_before(doc, m.start())
        if got is None:
            continue
        start, end, seq = got
        content = [x for x, _ in seq if x not in _STOP]
        if len(content) < 2:
            continue
        if acr not in first:
            first[acr] = got
            continue
        f_start, f_end, f_seq = first[acr]
        if _agree(seq, f_seq):
            continue
        first_text = doc.text[f_start:f_end].rstrip()
        end = start + len(doc.text[start:end].rstrip())
        start, sugg = _replacement(ctx, doc, start, end, first_text)
        yield rule.finding(doc, start, end, [sugg], acronym=acr, first=first_text)


def _replacement(ctx, doc, start: int, end: int, first: str) -> tuple[int, str]:
    """The span to replace (the name before «(ACR)», less leading capitalised words the first
    expansion does not have: "Navruz Water Use Association" → "Water Use Association") and the
    first expansion in the flagged one's form (its number in English, its case in Russian)."""
    words = list(_BACK.finditer(doc.text, start, end))
    n_first = len(_BACK.findall(first))
    extra = len(words) - n_first
    if extra > 0 and all(w.group(0)[:1].isupper() for w in words[:extra]):
        start = words[extra].start()
    flagged = doc.text[start:end]
    if doc.language == "ru":
        from app.checks.consistency.org_name import _to_case_of

        return start, _to_case_of(ctx, flagged, first)
    fw, mw = first.split(), flagged.split()
    if mw and mw[-1] in fw[:-1]:
        k = len(fw) - 1 - fw[::-1].index(mw[-1])
        tail = fw[k + 1:]
        if 1 <= len(tail) <= 3 and tail[0].lower() in ("of", "in") and all(t[:1].isupper() for t in tail[1:]) \
                and len(tail) > 1:
            first = " ".join(fw[:k + 1])  # "… Industry of Turkmenistan" for "… Industry": the country left out
    last_f, last_mine = first.split()[-1], flagged.split()[-1]
    if last_f.endswith("s") and last_f[:-1].lower() == last_mine.lower():  # Associations (WUAs) → Association
        first = first[:-1]
    return start, first
