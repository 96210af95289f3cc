"""Digits of large numbers grouped in different ways in one document."""
from __future__ import annotations

import re

from app.facts.numbers import group_digits, grouped_numbers

MONEY = re.compile(r"(евро|EUR|€|\$|USD|долл|тенге|KZT|руб|млн|тыс|million|thousand|euros?|dollars?)", re.I)
SCALE = re.compile(r"\s*(million|billion|trillion|mln|bn|млн|млрд|трлн|тыс)", re.I)
PHONE_CONTEXT = re.compile(r"(тел|tel|phone|факс|fax|моб|mob|\+)\W{0,6}$", re.I)
STYLE_NAMES = {" ": "spaces", ",": "commas", ".": "full stops", "'": "apostrophes", "": "no separator"}
# completes «В остальном тексте разряды чисел …» (rules/typography/thousands-inconsistent.yml)
STYLE_NAMES_RU = {" ": "отделяются пробелами", ",": "отделяются запятыми", ".": "отделяются точками",
                  "'": "отделяются апострофами", "": "ничем не отделяются"}
STYLE_CHAR = {" ": "\u00a0", ",": ",", ".": ".", "'": "'", "": ""}


def check(doc, rule, ctx):
    found: list[tuple[int, int, str, str]] = []  # start, end, style, digits
    for b in rule.in_scope(doc):
        chunk = doc.text[b.start:b.end]
        for g in grouped_numbers(chunk):
            before = chunk[max(0, g.start - 12):g.start]
            after = chunk[g.end:g.end + 12]
            if not g.sep:  # a plain long run counts only as money
                if MONEY.search(after + " " + chunk[max(0, g.start - 6):g.start]):
                    found.append((b.start + g.start, b.start + g.end, "", g.digits))
                continue
            if PHONE_CONTEXT.search(before):
                continue
            if g.sep in (",", ".") and SCALE.match(after):
                continue  # "$4.933 million", "1,5 млн": a decimal fraction, not thousands
            # "1,5" style decimals and English "1.500" are ambiguous for one group: need context
            english_comma = g.sep == "," and doc.language == "en"  # "1,200" is a thousand in English
            if g.sep in (",", ".") and g.groups == 1 and not english_comma and not MONEY.search(
                    after + chunk[max(0, g.start - 6):g.start]):
                continue
            found.append((b.start + g.start, b.start + g.end, g.sep, g.digits))
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
    return group_digits(digits, STYLE_CHAR[style])
