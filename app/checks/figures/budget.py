"""Budget arithmetic in one sentence: a part larger than its total, parts that add up to more
than the total, a stated share that does not match the amounts (rounding to the stated
precision is fine).

Relations are read from wording: "total budget X, including/of which Y (and Z)" /
«общий бюджет X, включая взнос ЕС Y», and "Y out of a total of X" / «Y из общего бюджета X».
"""
from __future__ import annotations

import re

from app.checks.figures.amounts import HEDGE, PERCENT, find_amounts, parse_number

TOTAL = re.compile(r"общ\w+\s+(?:бюджет|стоимост|сумм)\w*|бюджет\w*|стоимост\w*|total|overall|budget", re.I)
INCLUDE = re.compile(r"включая|в\s+том\s+числе|из\s+(?:них|которых|этой\s+суммы|этого\s+объема)|"
                     r"of\s+which|including|includ(?:es|ing)|out\s+of\s+which", re.I)
OUT_OF = re.compile(r"из\s+общ\w+\s+(?:бюджет|сумм|стоимост|объем|объём)\w*|out\s+of\s+(?:a|the)\s+(?:total|overall)|"
                    r"of\s+(?:a|the)\s+total|from\s+(?:a|the)\s+total", re.I)


def _fmt_share(value: float, decimals: int, language: str) -> str:
    s = f"{value:.{decimals}f}"
    return s.replace(".", ",") if language == "ru" else s


def check(doc, rule, ctx):
    lang = doc.language
    for sent in doc.sentences:
        text = sent.text
        amounts = find_amounts(text, lang)
        if len(amounts) < 2:
            continue
        total, parts = None, []
        first, second = amounts[0], amounts[1]
        between = text[first.end:second.start]
        if INCLUDE.search(between) and TOTAL.search(text[:first.start]):
            total = first
            parts = [a for a in amounts[1:] if a.currency == total.currency]
        elif OUT_OF.search(between):
            total, parts = second, [first]
        if total is None or not parts:
            continue
        base = sent.start
        for p in parts:
            if p.value > total.value * (1 + 1e-9):
                yield rule.finding(doc, base + p.start, base + p.end, [],
                                   message=f"'{p.text}' is part of '{total.text}' but larger than it",
                                   message_ru=f"«{p.text}» — часть суммы «{total.text}», но больше неё")
        if len(parts) >= 2 and sum(p.value for p in parts) > total.value * (1 + 1e-9):
            yield rule.finding(doc, base + parts[0].start, base + parts[-1].end, [],
                               message=f"The parts add up to more than the total '{total.text}'",
                               message_ru=f"Вместе части больше общей суммы «{total.text}»")
        for m in PERCENT.finditer(text):
            if HEDGE.search(text[max(0, m.start() - 25):m.start()]):
                continue
            before = [p for p in parts if p.end <= m.start()] or parts
            part = before[-1]
            if part.value > total.value:
                continue
            stated = parse_number(m.group("num"), "ru" if "," in m.group("num") else "en")
            decimals = len(re.split(r"[.,]", m.group("num"))[1]) if re.search(r"[.,]", m.group("num")) else 0
            actual = part.value / total.value * 100
            if abs(actual - stated) > 0.5 * 10 ** -decimals + 1e-9:
                sugg = _fmt_share(actual, decimals, lang)
                yield rule.finding(doc, base + m.start(), base + m.end(), [m.group(0).replace(m.group("num"), sugg, 1)],
                                   message=f"'{m.group(0)}' does not match the amounts: {part.text} is {sugg} % of {total.text}",
                                   message_ru=f"«{m.group(0)}» не сходится с суммами: {part.text} — это {sugg} % от {total.text}")
