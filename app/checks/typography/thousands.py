"""Digits of large numbers grouped in different ways in one document."""
from __future__ import annotations

import re

# A grouped number: 1-3 digits, then groups of exactly three separated by one separator kind.
GROUPED = re.compile(
    r"(?<![\d+(/\-–])(?<!\d[ \u00a0\u202f,.'])(\d{1,3})((?:([ \u00a0\u202f,.'])\d{3})(?:\3\d{3})*)(?![\d])(?![.,]\d)"
)
PLAIN = re.compile(r"(?<![\d+(/\-–.,])([1-9]\d{4,8})(?![\d])(?![.,]\d)")
MONEY = re.compile(r"(евро|EUR|€|\$|USD|долл|тенге|KZT|руб|млн|тыс|million|thousand|euros?|dollars?)", re.I)
SCALE = re.compile(r"\s*(million|billion|trillion|mln|bn|млн|млрд|трлн|тыс)", re.I)
PHONE_CONTEXT = re.compile(r"(тел|tel|phone|факс|fax|моб|mob|\+)\W{0,6}$", re.I)
STYLE_NAMES = {" ": "spaces", ",": "commas", ".": "full stops", "'": "apostrophes", "": "no separator"}
# completes «В остальном тексте разряды чисел …» (rules/typography/thousands-inconsistent.yml)
STYLE_NAMES_RU = {" ": "отделяются пробелами", ",": "отделяются запятыми", ".": "отделяются точками",
                  "'": "отделяются апострофами", "": "ничем не отделяются"}
STYLE_CHAR = {" ": "\u00a0", ",": ",", ".": ".", "'": "'", "": ""}


def _style(sep: str) -> str:
    return " " if sep in (" ", "\u00a0", "\u202f") else sep


def check(doc, rule, ctx):
    found: list[tuple[int, int, str, str]] = []  # start, end, style, digits
    for b in rule.in_scope(doc):
        chunk = doc.text[b.start:b.end]
        for m in GROUPED.finditer(chunk):
            before = chunk[max(0, m.start() - 12):m.start()]
            if PHONE_CONTEXT.search(before):
                continue
            style = _style(m.group(3))
            after = chunk[m.end():m.end() + 12]
            if style in (",", ".") and SCALE.match(after):
                continue  # "$4.933 million", "1,5 млн": a decimal fraction, not thousands
            # "1,5" style decimals and English "1.500" are ambiguous for one group: need context
            groups = m.group(2).count(m.group(3))
            digits = re.sub(r"\D", "", m.group(0))
            english_comma = style == "," and doc.language == "en"  # "1,200" is a thousand in English
            if style in (",", ".") and groups == 1 and not english_comma and not MONEY.search(chunk[m.end():m.end() + 12] + chunk[max(0, m.start() - 6):m.start()]):
                continue
            if style == " " and groups == 1 and len(m.group(1)) == 1 and m.group(1) != "0":
                # "5 000" is fine; but also "на 3 200" - keep
                pass
            found.append((b.start + m.start(), b.start + m.end(), style, digits))
        for m in PLAIN.finditer(chunk):
            ctx_text = chunk[m.end():m.end() + 12] + " " + chunk[max(0, m.start() - 6):m.start()]
            if not MONEY.search(ctx_text):
                continue
            found.append((b.start + m.start(), b.start + m.end(), "", m.group(1)))
    styles = {}
    for s, e, st, d in found:
        styles.setdefault(st, []).append((s, e, d))
    if len(styles) < 2:
        return
    winner = max(styles, key=lambda k: (len(styles[k]), k == " "))
    for st, items in styles.items():
        if st == winner:
            continue
        for s, e, digits in items:
            yield rule.finding(doc, s, e, [_format(digits, winner)], majority=STYLE_NAMES[winner],
                               fields_ru={"majority": STYLE_NAMES_RU[winner]})


def _format(digits: str, style: str) -> str:
    if style == "":
        return digits
    sep = STYLE_CHAR[style]
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)
