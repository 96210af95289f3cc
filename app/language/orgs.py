"""Organisation names as the consistency checks compare them: word lemmas (pymorphy3 for Russian,
lower case for Latin words), so «общественного фонда «Центр»» and «Общественный фонд «Центр»» are
one name, and the aliases of rules/vocab/organisations.yaml (ПРООН = UNDP = Программа развития ООН).
"""
from __future__ import annotations

import re
from functools import lru_cache


from app import RULES_DIR
from app.language import get, morph

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
ALIASES_PATH = RULES_DIR / "vocab" / "organisations.yaml"
# Legal forms written out or abbreviated: one lemma for both.
FORMS = {"оф": "общественный фонд", "оо": "общественное объединение", "ннo": "нно", "ооо": "ооо",
         "ро": "республиканское объединение", "чф": "частный фонд", "ну": "негосударственное учреждение"}


def lemma(ctx, word: str) -> str:
    w = word.lower().replace("ё", "е")
    if not re.search("[а-я]", w):
        return w  # Latin: as written (Organisation and Organization are two spellings of a name)
    if word.isupper() and len(word) > 1:
        return w  # an acronym
    cache = get(ctx, "orgs.lemmas", dict)
    hit = cache.get(w)
    if hit is None:
        ps = morph(ctx).parse(w)
        hit = cache[w] = (ps[0].normal_form.replace("ё", "е") if ps else w)
    return hit


def lemmas(ctx, text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """(lemma, start, end) of every word of ``text`` (offsets + ``start``)."""
    return [(lemma(ctx, m.group(0)), start + m.start(), start + m.end()) for m in WORD.finditer(text)]


@lru_cache(maxsize=1)
def alias_groups() -> tuple[tuple[str, ...], ...]:
    from app.diskcache import load_yaml

    data = load_yaml(ALIASES_PATH) or {}  # kept in the disk cache (issue 13)
    return tuple(tuple(str(x) for x in g) for g in data.get("organisations") or [])


def alias_lemma_seqs(ctx, name: str) -> list[list[str]]:
    """Every form of the organisation ``name`` as lemma sequences (itself included)."""
    seq = [x for x, _, _ in lemmas(ctx, name)]
    out = [seq]
    for group in alias_groups():
        seqs = [[x for x, _, _ in lemmas(ctx, g)] for g in group]
        if any(s == seq for s in seqs):
            out.extend(s for s in seqs if s != seq)
    return out


def contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    if not n:
        return False
    first = needle[0]
    for i in range(len(haystack) - n + 1):
        if haystack[i] == first and haystack[i:i + n] == needle:
            return True
    return False
