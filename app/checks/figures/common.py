"""Findings from the facts model's diagnoses (not a check: the figures checks share it).

A finding points at the figure most likely wrong, names the others it contradicts (``related``)
and suggests the consistent value written in the document's own style, replacing only the figure.
"""
from __future__ import annotations

import re

from app.facts import facts
from app.facts.numbers import Style, format_like, format_number
from app.facts.solve import Diagnosis


def _ru_agree(word: str, n: float, was: float | None = None) -> str:
    """«процентов» for 95, «процента» for 2 or 90,5, «процент» for 91. With ``was`` (the number the word
    now goes with): a word in the form a nominative numeral gives («18 месяцев») takes the form the new
    numeral gives in the nominative («24 месяца»), not the old form's case."""
    from app.language import match_case, morph

    if not word.isalpha() or any(c.isupper() for c in word[1:]):
        return word  # a unit sign: «кВт», «МВт», «м³» stay as written
    if word.lower() in ("человек", "человека") and abs(n - round(n)) < 1e-9:
        k = int(round(n))  # «800 человек», «22 человека»: the counted form, never «людей»
        return match_case(word, "человека" if k % 10 in (2, 3, 4) and not 12 <= k % 100 <= 14 else "человек")
    p = morph().parse(word.lower())
    if not p:
        return word
    p = p[0]
    if was is not None and abs(n - round(n)) < 1e-9 and abs(was - round(was)) < 1e-9:
        nom = p.inflect({"nomn", "sing"})
        if nom is not None:
            old = nom.make_agree_with_number(int(round(was)))
            new = nom.make_agree_with_number(int(round(n)))
            if old is not None and new is not None and old.word == word.lower():
                return match_case(word, new.word)
    if abs(n - round(n)) > 1e-9:
        g = p.inflect({"sing", "gent"})
        return match_case(word, g.word) if g else word
    q = p.make_agree_with_number(int(round(n)))
    return match_case(word, q.word) if q else word


def replace_value(doc, f, value: float) -> str | None:
    """The fact's text with its number replaced by value (same style; nothing else changes)."""
    lang = doc.language
    n = f.num
    text = f.text
    if f.meta.get("col_scale"):
        value = value / f.meta["col_scale"]  # a cell of a column headed «тыс. евро» is written in thousands
    if f.kind == "percent" and f.meta.get("fraction") and (n is None or not text[n.end - f.start:].strip(" \u00a0").startswith("%")):
        # «пятая часть», "one in three", "four fifths": the share the figures give, as a percentage
        v = round(value)
        return f"{v}\u00a0%" if lang == "ru" else f"{v}%"
    if n is None:
        return _replace_adjective(doc, f, value)
    a, b = n.start - f.start, n.end - f.start
    if a < 0 or b > len(text):
        return None
    if f.kind == "percent":
        d = f.q.decimals if f.q else 0
        if n.style.decimals == 0 and abs(round(value, d) - round(value)) < 1e-9:
            d = 0  # "20%" in a column of "27.5%": a whole share stays whole
        v = round(value, d)
        st = Style(group=n.style.group, decimal=n.style.decimal or ("," if lang == "ru" else "."), decimals=d)
        new = format_number(v, st, lang)
        tail = text[b:]
        if lang == "ru":
            m = re.match(r"([ \u00a0]?)(процент[а-я]*)", tail)
            if m:
                tail = m.group(1) + _ru_agree(m.group(2), v) + tail[m.end():]
        return text[:a] + new + tail
    if n.words and f.kind in ("count", "duration") and value < 1000:
        half = "половин" in text or "half" in text
        w = number_words(value - 0.5 if half else value, lang)
        if w is None:
            return None
        new = w[:1].upper() + w[1:] if text[:1].isupper() else w
        if half:
            return new + text[b:]
    else:
        new = format_like(value, n, lang)
    tail = text[b:]
    if lang == "ru" and f.kind in ("count", "duration") and abs(value - round(value)) < 1e-9 and "половин" not in tail:
        m = re.match(r"([ \u00a0\-]?)([а-яёА-ЯЁ]+)", tail)
        if m and not m.group(2).lower().startswith(("лет", "год")):
            tail = m.group(1) + _ru_agree(m.group(2), value, f.value) + tail[m.end():]
        elif m:
            k = int(round(value))
            word = "лет" if (k % 10 in (0, 5, 6, 7, 8, 9) or 11 <= k % 100 <= 14) else ("год" if k % 10 == 1 else "года")
            tail = m.group(1) + word + tail[m.end():]
    elif lang == "en" and f.kind in ("count", "duration") and not tail.startswith("-"):
        m = re.match(r"([ \u00a0])([A-Za-z]+)", tail)
        if m and m.group(2).lower() in ("year", "years", "month", "months", "day", "days", "week", "weeks"):
            base = m.group(2).rstrip("s")
            tail = m.group(1) + (base if abs(value - 1) < 1e-9 else base + "s") + tail[m.end():]
    return text[:a] + new + tail


RU_WORDS = {1: "один", 2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять",
            10: "десять", 11: "одиннадцать", 12: "двенадцать", 15: "пятнадцать", 18: "восемнадцать", 20: "двадцать",
            24: "двадцать четыре", 30: "тридцать", 36: "тридцать шесть"}
EN_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
            11: "eleven", 12: "twelve", 15: "fifteen", 18: "eighteen", 20: "twenty", 24: "twenty-four", 30: "thirty",
            36: "thirty-six", 48: "forty-eight"}
RU_PREFIX = {1: "одно", 2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести", 7: "семи", 8: "восьми", 9: "девяти",
             10: "десяти", 12: "двенадцати", 18: "восемнадцати", 24: "двадцатичетырёх", 36: "тридцатишести", 1.5: "полутора"}


_RU_1 = "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать " \
    "пятнадцать шестнадцать семнадцать восемнадцать девятнадцать".split()
_RU_10 = "- - двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
_RU_100 = "- сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
_EN_1 = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
    "seventeen eighteen nineteen".split()
_EN_10 = "- - twenty thirty forty fifty sixty seventy eighty ninety".split()


def _cardinal(k: int, lang: str) -> str:
    """1..999 in words, nominative («сто двадцать», "one hundred and twenty")."""
    h, r = divmod(k, 100)
    if lang == "ru":
        out = [_RU_100[h]] if h else []
        if r >= 20:
            out += [_RU_10[r // 10]] + ([_RU_1[r % 10]] if r % 10 else [])
        elif r:
            out.append(_RU_1[r])
        return " ".join(out)
    out = [_EN_1[h] + " hundred"] if h else []
    if r:
        w = _EN_1[r] if r < 20 else _EN_10[r // 10] + ("-" + _EN_1[r % 10] if r % 10 else "")
        out.append(("and " if h else "") + w)
    return " ".join(out)


def number_words(value: float, lang: str) -> str | None:
    if abs(value - round(value)) > 1e-9:
        return None
    k = int(round(value))
    got = (RU_WORDS if lang == "ru" else EN_WORDS).get(k)
    if got is None and 0 < k < 1000:
        got = _cardinal(k, lang)
    return got


def _replace_adjective(doc, f, value: float) -> str | None:
    """«Двухлетний» -> «Трёхлетний», "two-year" -> "three-year", «18-месячный» -> «36-месячный»."""
    text = f.text
    lang = doc.language
    m = re.match(r"(\d+)(.*)$", text)
    if m:
        if abs(value - round(value)) > 1e-9:
            return None
        return f"{int(round(value))}{m.group(2)}"
    if lang == "en":
        m = re.match(r"([A-Za-z]+(?:-[a-z]+)?)-((?:year|month|day|week).*)$", text)
        w = number_words(value, "en")
        if not m or w is None:
            return None
        w = w[:1].upper() + w[1:] if text[:1].isupper() else w
        return f"{w}-{m.group(2)}"
    key = value if abs(value - 1.5) < 1e-9 else (int(round(value)) if abs(value - round(value)) < 1e-9 else None)
    pre = RU_PREFIX.get(key) if key is not None else None
    m = re.match(r"([а-яёА-ЯЁ]+?)((?:летн|месячн|годичн|дневн|годов)[а-яё]*)$", text)
    if not m or pre is None:
        return None
    pre = pre[:1].upper() + pre[1:] if text[:1].isupper() else pre
    return pre + m.group(2)


def _sentence_start(doc, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.start
    return -1


def findings(doc, rule, ctx, kinds: tuple[str, ...] = ()):
    model = facts(doc)
    for d in model.diagnoses:
        if d.rule != rule.id:
            continue
        yield make_finding(doc, rule, d)


def make_finding(doc, rule, d: Diagnosis):
    f = d.fact
    sugg = []
    if d.value is not None:
        s = replace_value(doc, f, d.value)
        if s and s != f.text:
            sugg = [s]
    related = [(r.start, r.end - r.start) for r in d.related] + [(r.start, r.end - r.start) for r in d.alternatives
                                                                  if all(r.id != x.id for x in d.related)]
    msg, msg_ru = message(doc, d, sugg[0] if sugg else None)
    # people counted twice differently are less certain than money: a warning
    severity = "warning" if (d.rule == "figures.same-fact" and f.kind == "count") else None
    return rule.finding(doc, f.start, f.end, sugg, message=msg, message_ru=msg_ru, related=related, severity=severity)


def _q(t: str, lang: str) -> str:
    return f"«{t}»" if lang == "ru" else f"'{t}'"


def _places(d: Diagnosis) -> str:
    return ", ".join(f"'{r.text}'" for r in d.related[:4])


def _places_ru(d: Diagnosis) -> str:
    return ", ".join(f"«{r.text}»" for r in d.related[:4])


def message(doc, d: Diagnosis, suggestion: str | None) -> tuple[str, str]:
    f = d.fact
    kind = d.rule.split(".", 1)[1]
    t = f.text
    from app.facts.solve import RULE_OF

    rel = next((r for r in d.relations if RULE_OF[r.kind] == d.rule and f.id in r.facts),
               next((r for r in d.relations if RULE_OF[r.kind] == d.rule), d.relations[0]))
    F = facts(doc).facts
    s_en = f" (consistent: '{suggestion}')" if suggestion else ""
    s_ru = f" (сходится: «{suggestion}»)" if suggestion else ""
    where = "in the table " if f.place == "table" else ""
    where_ru = "в таблице " if f.place == "table" else ""
    if kind == "share":
        p, part, whole = (F[i] for i in rel.facts)
        if rel.note == "complement" and f.id == part.id:
            return (f"'{t}' is not the rest of '{whole.text}' after the share '{p.text}'{s_en}",
                    f"«{t}» — не остаток от «{whole.text}» за вычетом доли «{p.text}»{s_ru}")
        if rel.note == "complement" and f.id == p.id:
            return (f"'{t}' does not match the amounts: {part.text} is the rest of {whole.text} after another share{s_en}",
                    f"«{t}» не сходится с суммами: {part.text} — остаток от {whole.text} при другой доле{s_ru}")
        if rel.note == "part and rest" and f.id == p.id:
            return (f"'{t}' does not match the amounts: {part.text} of {part.text} plus the remaining {whole.text} is a "
                    f"different share{s_en}",
                    f"«{t}» не сходится с суммами: {part.text} от суммы {part.text} и остатка {whole.text} — другая доля{s_ru}")
        if f.id == p.id:
            return (f"'{t}' {where}does not match the amounts: {part.text} of {whole.text} is a different share{s_en}",
                    f"«{t}» {where_ru}не сходится с суммами: {part.text} от {whole.text} — другая доля{s_ru}")
        return (f"'{t}' {where}does not match the share stated for it ('{p.text}' of '{whole.text if f is not whole else part.text}'){s_en}",
                f"«{t}» {where_ru}не сходится с указанной долей («{p.text}»){s_ru}")
    if kind == "parts":
        whole = F[rel.facts[0]]
        if f.id == whole.id:
            return (f"'{t}' {where}is not the sum of its parts ({_places(d)}){s_en}",
                    f"«{t}» {where_ru}не равно сумме частей ({_places_ru(d)}){s_ru}")
        if not rel.complete and f.value > whole.value:
            return (f"'{t}' is part of '{whole.text}' but larger than it",
                    f"«{t}» — часть суммы «{whole.text}», но больше неё")
        if not rel.complete:
            return (f"The parts add up to more than the whole '{whole.text}' ({_places(d)})",
                    f"Вместе части больше целого «{whole.text}» ({_places_ru(d)})")
        return (f"'{t}' {where}does not add up with the whole '{whole.text}' and the other parts{s_en}",
                f"«{t}» {where_ru}не сходится с целым «{whole.text}» и другими частями{s_ru}")
    if kind == "groups":
        whole = F[rel.facts[0]]
        if whole.meta.get("virtual"):
            tot = sum(F[i].value for i in rel.facts[1:])
            tot_s = f"{tot:g}".replace(".", ",") if doc.language == "ru" else f"{tot:g}"
            if rel.note in ("percent rest", "shares of one whole"):  # percent_parts: shares of a budget, a total
                return (f"The shares ({_places(d)}, '{t}') add up to {tot_s} %, not 100 %{s_en}",
                        f"Доли ({_places_ru(d)}, «{t}») в сумме дают {tot_s} %, а не 100 %{s_ru}")
            return (f"The shares of the groups ({_places(d)}, '{t}') add up to {tot_s} %, not 100 %{s_en}",
                    f"Доли групп ({_places_ru(d)}, «{t}») в сумме дают {tot_s} %, а не 100 %{s_ru}")
        if f.id != whole.id and len(rel.facts) == 2 and f.value > whole.value:  # one group, larger than its whole
            return (f"'{t}' is a group of '{whole.text}' but larger than it{s_en}",
                    f"«{t}» — часть из «{whole.text}», но больше этого числа{s_ru}")
        if f.id == whole.id:
            return (f"'{t}' is not the sum of its groups ({_places(d)}){s_en}",
                    f"«{t}» не равно сумме групп ({_places_ru(d)}){s_ru}")
        return (f"'{t}' does not add up with the whole '{whole.text}' and the other groups{s_en}",
                f"«{t}» не сходится с общим числом «{whole.text}» и другими группами{s_ru}")
    if kind == "same-fact":
        other = d.related[0] if d.related else None
        o = other.text if other else ""
        return (f"'{t}' — elsewhere the release gives this figure as '{o}'{s_en}",
                f"«{t}» — в другом месте релиза эта же величина указана как «{o}»{s_ru}")
    if kind == "product":
        n, each, tot = (F[i] for i in rel.facts)
        return (f"'{t}' does not match {n.text} × {each.text}{s_en}",
                f"«{t}» не сходится с произведением {n.text} × {each.text}{s_ru}")
    if kind == "duration":
        dur, rng = F[rel.facts[0]], F[rel.facts[1]]
        R = rng.range
        if R.precision == "year":
            span = R.years()
            return (f"'{dur.text}' does not fit '{rng.text}' ({span} calendar years){s_en}",
                    f"Срок «{dur.text}» не соответствует периоду «{rng.text}» ({span} {_ru_years(span)}){s_ru}")
        m = R.months()
        months = round(m) if m else 0
        if dur.unit in ("days", "weeks") and R.days():
            return (f"'{dur.text}' does not fit '{rng.text}' ({R.days()} days){s_en}",
                    f"Срок «{dur.text}» не соответствует периоду «{rng.text}» ({R.days()} дн.){s_ru}")
        return (f"'{dur.text}' does not fit '{rng.text}' ({months} months){s_en}",
                f"Срок «{dur.text}» не соответствует периоду «{rng.text}» ({months} мес.){s_ru}")
    return (f"'{t}' is inconsistent with {_places(d)}", f"«{t}» не согласуется с {_places_ru(d)}")


def _ru_years(n: int) -> str:
    """«календарный год» agreeing with n (1 календарный год, 3 календарных года, 5 календарных лет)."""
    if n % 10 == 1 and n % 100 != 11:
        return "календарный год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "календарных года"
    return "календарных лет"
