"""Our findings as LanguageTool matches: category mapping, placement of zero-length findings,
context and sentence, all offsets in UTF-16 code units of the text the client sent."""
from __future__ import annotations

import re
from functools import lru_cache

from app.engine.finding import Finding

# our category -> (LanguageTool issueType, category id, category name (en), category name (ru)).
# Where LanguageTool has the same category we use its id (clients colour TYPOS red and STYLE blue,
# and disabledCategories=TYPOS switches ours off too); our own categories keep their own ids.
CATEGORIES = {
    "spelling": ("misspelling", "TYPOS", "Possible Typo", "Проверка орфографии"),
    "homoglyph": ("misspelling", "TYPOS", "Possible Typo", "Проверка орфографии"),
    "grammar": ("grammar", "GRAMMAR", "Grammar", "Грамматика"),
    "typography": ("typographical", "TYPOGRAPHY", "Typography", "Типографика"),
    "style": ("style", "STYLE", "Style", "Стиль"),
    "consistency": ("inconsistency", "PRESSROOM_CONSISTENCY", "Consistency (Pressroom)", "Единообразие (Pressroom)"),
    "figures": ("numbers", "PRESSROOM_FIGURES", "Figures and dates (Pressroom)", "Цифры и даты (Pressroom)"),
    "contact": ("formatting", "PRESSROOM_CONTACT", "Contacts (Pressroom)", "Контакты (Pressroom)"),
    "visibility": ("non-conformance", "PRESSROOM_VISIBILITY", "EU visibility (Pressroom)", "Видимость ЕС (Pressroom)"),
    "structure": ("omission", "PRESSROOM_STRUCTURE", "Structure of a press release (Pressroom)",
                  "Структура пресс-релиза (Pressroom)"),
}
_DEFAULT = ("uncategorized", "PRESSROOM", "Pressroom", "Pressroom")
CONTEXT_CHARS = 40  # LanguageTool shows up to 40 characters either side
# A text with fewer non-empty paragraphs is a paragraph an editor sends, not a whole release:
# "something is missing" findings about the whole document are not reported on it.
WHOLE_DOCUMENT_PARAGRAPHS = 3
# Findings about what the whole release lacks; on a paragraph they would be wrong every time.
WHOLE_DOCUMENT_RULES = ("structure.", "visibility.eu-not-mentioned")
_WORD_BEFORE = re.compile(r"\S{1,40}$")
_WORD_AFTER = re.compile(r"^\S{1,40}")


def lt_category(category: str) -> tuple[str, str, str, str]:
    return CATEGORIES.get(category, _DEFAULT)


def category_ids(category: str) -> set[str]:
    """Names a client may use for our category in enabled/disabledCategories."""
    return {lt_category(category)[1], category, category.upper()}


@lru_cache(maxsize=1)
def _rules() -> dict:
    from app.engine.rules import load_rules

    return {r.id: r for r in load_rules()}


def rule_of(rule_id: str):
    return _rules().get(rule_id)


def is_whole_document(text: str) -> bool:
    n = 0
    for line in text.splitlines():
        if line.strip():
            n += 1
            if n >= WHOLE_DOCUMENT_PARAGRAPHS:
                return True
    return False


def _line_at(text: str, offset: int, prefer_end: bool) -> tuple[int, int] | None:
    """The non-empty line at offset, else the nearest one (before it when prefer_end)."""
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line)
    if not lines:
        return None
    for s, e in lines:
        if s <= offset <= e:
            return s, e
    before = [ln for ln in lines if ln[1] <= offset]
    after = [ln for ln in lines if ln[0] >= offset]
    if prefer_end:
        return (before or after)[-1 if before else 0]
    return (after or before)[0 if after else -1]


def place(f: Finding, text: str) -> tuple[int, int, list[str]] | None:
    """(start, end, replacements) in code points of text, never zero-length (LibreOffice and the
    browser add-on draw nothing for a zero-length match); None: not reported on this text.

    A missing part of the release (structure) is underlined on the first non-empty line when it
    belongs at the top (headline, label, date) and on the last one otherwise, without replacements.
    Any other zero-length finding is an insertion: it takes the word before it (or after it) and
    the replacements carry that word."""
    start, end = max(0, min(f.offset, len(text))), max(0, min(f.end, len(text)))
    reps = list(f.suggestions)
    if f.rule.startswith(WHOLE_DOCUMENT_RULES) and not is_whole_document(text):
        return None
    if end > start:
        return start, end, reps
    if f.category == "structure":
        line = _line_at(text, start, prefer_end=start > 0)
        return (line[0], line[1], []) if line else None
    m = _WORD_BEFORE.search(text, 0, start)
    if m:
        return m.start(), start, [text[m.start():start] + r for r in reps]
    m = _WORD_AFTER.search(text[start:start + 40])
    if m:
        return start, start + m.end(), [r + text[start:start + m.end()] for r in reps]
    line = _line_at(text, start, prefer_end=True)
    return (line[0], line[1], []) if line else None


def context(original: str, start: int, end: int, u16) -> dict:
    """LanguageTool's context: up to 40 characters either side, '...' where it is cut; offsets of
    the match inside it in UTF-16 code units."""
    a = max(0, start - CONTEXT_CHARS)
    b = min(len(original), end + CONTEXT_CHARS)
    left = ("..." if a > 0 else "") + original[a:start]
    middle = original[start:end]
    right = original[end:b] + ("..." if b < len(original) else "")
    left, middle, right = (s.replace("\n", " ").replace("\r", " ").replace("\t", " ") for s in (left, middle, right))
    from app.ltapi.text16 import utf16_len

    return {"text": left + middle + right, "offset": utf16_len(left), "length": utf16_len(middle)}


def to_match(f: Finding, start: int, end: int, reps: list[str], *, lang: str, original: str,
             o_start: int, o_end: int, u16, sentence: str) -> dict:
    """One LanguageTool match for our finding; start/end in the checked text, o_start/o_end in the
    original (annotated) text, both in code points; u16 maps the original to UTF-16."""
    issue, cat_id, cat_en, cat_ru = lt_category(f.category)
    rule = rule_of(f.rule)
    title = (rule.title if rule else "") or f.rule
    ru = lang == "ru"
    rule_json = {"id": f.rule, "description": title, "issueType": issue,
                 "category": {"id": cat_id, "name": cat_ru if ru else cat_en}}
    if rule is not None and rule.link:
        rule_json["urls"] = [{"value": rule.link}]
    off16 = u16.to_utf16(o_start)
    return {
        "message": f.message_in("ru" if ru else "en"),
        "shortMessage": title if not ru else "",
        "replacements": [{"value": r} for r in reps],
        "offset": off16,
        "length": u16.to_utf16(o_end) - off16,
        "context": context(original, o_start, o_end, u16),
        "sentence": sentence,
        "type": {"typeName": "UnknownWord" if f.category == "spelling" else "Other"},
        "rule": rule_json,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }
