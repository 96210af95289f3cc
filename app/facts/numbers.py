"""Numbers in a text, in digits and in words, with their written style (for suggestions).

``1 350 000``, ``1,35 млн``, ``1.35 million``, ``1,350,000``, ``1.35m``, «полтора миллиона»,
«двадцать», "one hundred and twenty", "twelve". Every pattern here is linear (possessive or bounded
repetition); words are looked up in dictionaries built from rules/facts/<lang>.yml.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from app.facts.phrases import data

SP = "[ \u00a0\u202f]"
DIGITS = re.compile(
    r"(?=\d)(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})++(?!\d)|\d{1,3}(?:,\d{3})++(?!\d)|\d{1,3}(?:\.\d{3}){2,}+(?!\d)|\d++)"
    r"(?:[.,]\d++)?")
SCALE_AFTER = re.compile(
    r"(?:[ \u00a0\u202f]|-(?=[mbtMBT]))?(?P<w>млрд\.?|млн\.?|тыс\.?|миллиард[а-я]{0,3}|миллион[а-я]{0,3}|тысяч[а-я]{0,3}|"
    r"billion|million|thousand|bn|mln|mn|bln)(?![\w])|(?P<g>m|k|K|M)(?![\w])", re.I)
SCALE_HYPHEN = re.compile(r"-(?P<w>billion|million|thousand)(?P<g>)(?![\w])", re.I)
SPACED_M = re.compile(r"[ \u00a0\u202f](?P<w>m)(?P<g>)(?![\w])")
WORD_RX = re.compile(r"[^\W\d_]++(?:-[^\W\d_]++)*+")


@dataclass(frozen=True)
class Style:
    """How a number is written: thousands separator, decimal mark, decimals, scale word."""

    group: str = " "  # between thousands ("" = none)
    decimal: str = ","
    decimals: int = 0
    scale_text: str = ""  # as written after the number, with its leading space ("" = none)
    scale: float = 1.0


@dataclass(frozen=True)
class Num:
    start: int
    end: int
    value: float
    text: str
    words: bool = False
    style: Style = Style()
    digits_end: int = 0  # end of the digits (before the scale word)

    @property
    def integer(self) -> bool:
        return abs(self.value - round(self.value)) < 1e-9


@lru_cache(maxsize=None)
def _word_values(language: str) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """(units, scales, prefixes): word form -> value, every inflected form for Russian."""
    nums = data(language).get("numbers") or {}
    units = {str(k): float(v) for k, v in (nums.get("units") or {}).items()}
    scales = {str(k): float(v) for k, v in (nums.get("scales") or {}).items()}
    prefixes = {str(k): float(v) for k, v in (nums.get("prefixes") or {}).items()}
    if language == "ru":
        from app.language import morph

        m = morph()
        for table in (units, scales):
            for base, v in list(table.items()):
                for p in m.parse(base)[:2]:
                    if p.normal_form not in (base, "один", "два", "полтора", "тысяча", "миллион", "миллиард") and p.word != base:
                        continue
                    for f in p.lexeme:
                        table.setdefault(f.word.replace("ё", "е"), v)
        # «одной» / «одних» are also pronouns: kept, the unit after the number decides
    return units, scales, prefixes


@lru_cache(maxsize=None)
def _word_keys(language: str) -> frozenset[str]:
    """Every word that can start a number in words (``_word_values``' units and scales)."""
    units, scales, _ = _word_values(language)
    return frozenset(units) | frozenset(scales)


def parse_digits(raw: str, language: str) -> tuple[float, Style] | None:
    s = raw
    group, decimal, decimals = "", "," if language == "ru" else ".", 0
    m = re.fullmatch(r"(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?", s)
    if m:
        group = m.group(2)[0]
        intpart = m.group(1) + re.sub(r"\D", "", m.group(2))
        frac = m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,3})((?:,\d{3})+)(\.\d+)?", s)
        if m and (language != "ru" or len(m.group(2)) > 4 or m.group(3)):
            group, intpart, frac = ",", m.group(1) + m.group(2).replace(",", ""), m.group(3)
        else:
            m = re.fullmatch(r"(\d{1,3})((?:\.\d{3}){2,})(,\d+)?", s)
            if m:
                group, intpart, frac = ".", m.group(1) + m.group(2).replace(".", ""), m.group(3)
            else:
                m = re.fullmatch(r"(\d+)([.,]\d+)?", s)
                if not m:
                    return None
                intpart, frac = m.group(1), m.group(2)
    if frac:
        decimal, decimals = frac[0], len(frac) - 1
        value = float(intpart + "." + frac[1:])
    else:
        value = float(intpart)
    return value, Style(group=group, decimal=decimal, decimals=decimals)


def _scale_of(word: str, language: str) -> float:
    w = word.lower().rstrip(".")
    if w.startswith(("миллиард", "млрд")) or w in ("billion", "bn", "bln"):
        return 1e9
    if w.startswith(("миллион", "млн")) or w in ("million", "mln", "mn", "m"):
        return 1e6
    if w.startswith(("тысяч", "тыс")) or w in ("thousand", "k"):
        return 1e3
    return 1.0


def find_numbers(text: str, language: str, base: int = 0) -> list[Num]:
    """Every number in text (digits, digits with a scale word, numbers in words), left to right."""
    out: list[Num] = []
    for m in DIGITS.finditer(text):  # (its leading (?=\d) skips to the digits; issue 13)
        if m.end() - m.start() > 24:
            continue  # not a figure anyone writes
        parsed = parse_digits(m.group(0), language)
        if parsed is None:
            continue
        value, style = parsed
        end = m.end()
        sm = SCALE_AFTER.match(text, end, end + 14)
        if sm is None and text[end:end + 1] == "-":
            sm = SCALE_HYPHEN.match(text, end, end + 10)  # "a 4.6-million-euro budget", "a EUR 2-million project"
        if sm is None and text[max(0, m.start() - 4):m.start()].rstrip(" \u00a0\u202f").endswith(("€", "$", "£", "EUR", "USD")) \
                and text[end:end + 2] in (" m", "\u00a0m"):
            sm = SPACED_M.match(text, end, end + 3)  # "€ 4 m" is four million euros; "4 m" metres
        if sm and (sm.group("w") or sm.group("g")):
            word = sm.group("w") or sm.group("g")
            glued = sm.start() == sm.end() - len(word)
            if sm.group("g") and not glued:
                sm = None
            if sm:
                scale = _scale_of(word, language)
                style = Style(style.group, style.decimal, style.decimals, text[end:sm.end()], scale)
                value *= scale
                end = sm.end()
        out.append(Num(base + m.start(), base + end, value, text[m.start():end], False, style, base + m.end()))
    out.extend(_word_numbers(text, language, base, out))
    out.sort(key=lambda n: n.start)
    return out


def _hyphen_number(lw: str, units) -> bool:
    parts = lw.split("-")
    return parts[0] in units and all(p in units for p in parts[:2])


def _word_numbers(text: str, language: str, base: int, digits: list[Num]) -> list[Num]:
    units, scales, _ = _word_values(language)
    out: list[Num] = []
    # Most sentences hold no number word, and the loop below starts a number only at a token that
    # is one: asked first of the distinct tokens, at C speed (issue 13). «ё» made «е» before
    # tokenising changes no token's extent (both are letters).
    keys = _word_keys(language)
    toks_low = set(map(str.lower, WORD_RX.findall(text.replace("ё", "е").replace("Ё", "Е"))))
    if keys.isdisjoint(toks_low) and not (language == "en" and "-" in text and any(
            "-" in lw and _hyphen_number(lw, units) for lw in toks_low)):
        return out
    toks = [(m.start(), m.end(), m.group(0)) for m in WORD_RX.finditer(text)]
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        lw = w.lower().replace("ё", "е")
        # (a hyphenated "thirty-six" only: without a hyphen parts is [lw], already asked; issue 13)
        if lw in units or lw in scales or (language == "en" and "-" in lw and _hyphen_number(lw, units)):
            total, current, j, last_end, any_unit = 0.0, 0.0, i, e, False
            while j < len(toks):
                s2, e2, w2 = toks[j]
                if j > i and text[toks[j - 1][1]:s2].strip() not in ("",):
                    break
                lw2 = w2.lower().replace("ё", "е")
                comp = lw2.split("-")
                if language == "en" and len(comp) > 1 and all(c in units for c in comp[:2]) and len(comp) <= 3:
                    current += sum(units[c] for c in comp[:2])
                    any_unit = True
                    last_end = s2 + len("-".join(w2.split("-")[:2]))
                    j += 1
                    if len(comp) == 3:
                        break  # "thirty-six-month": the unit follows
                    continue
                if lw2 in units and not (language == "en" and lw2 == "half" and any_unit):
                    current += units[lw2]
                    any_unit = True
                elif lw2 in scales:
                    sc = scales[lw2]
                    if sc == 100:
                        current = (current or 1) * 100
                    else:
                        total += (current or 1) * sc
                        current = 0
                    any_unit = True
                elif language == "en" and lw2 == "and" and any_unit and j + 2 < len(toks) and \
                        toks[j + 1][2].lower() == "a" and toks[j + 2][2].lower() == "half" and \
                        j + 3 < len(toks) and toks[j + 3][2].lower() in scales:
                    current += 0.5  # "one and a half million"
                    j += 3
                    continue
                elif language == "en" and lw2 == "and" and j + 1 < len(toks) and toks[j + 1][2].lower() in units and any_unit:
                    nxt = toks[j + 1][2].lower()
                    if nxt in ("a", "half"):
                        break
                    j += 1
                    continue
                elif language == "en" and lw2 == "a" and any_unit and current == 0.5 and total == 0 and \
                        j + 1 < len(toks) and toks[j + 1][2].lower() in scales and scales[toks[j + 1][2].lower()] > 100:
                    j += 1  # "half a million": the half of the scale after it
                    continue
                elif language == "en" and lw2 == "a" and any_unit is False:
                    j += 1
                    continue
                else:
                    break
                last_end = e2
                j += 1
            value = total + current
            if any_unit and value > 0:
                # "a half" alone, «одна» as a pronoun: the caller decides by what follows
                out.append(Num(base + s, base + last_end, value, text[s:last_end], True,
                               Style(group=" " if language == "ru" else ",", decimal="," if language == "ru" else "."),
                               base + last_end))
            i = max(j, i + 1)
            continue
        i += 1
    # (the digits' spans never overlap one another and come in order: the last one starting before a number
    # word's end is the only one to look at; a scan of all of them for every word was quadratic, issue 13)
    starts = [d.start for d in digits]
    return [n for n in out if not ((i := bisect.bisect_left(starts, n.end) - 1) >= 0 and digits[i].end > n.start)]


def prefix_number(word: str, language: str) -> float | None:
    """«трех» in «трехлетний», «полутора» in «полуторагодовой»: the number a compound starts with."""
    _, _, prefixes = _word_values(language)
    lw = word.lower().replace("ё", "е")
    for p in sorted(prefixes, key=len, reverse=True):
        if lw.startswith(p.replace("ё", "е")):
            return prefixes[p]
    return None


# ----- formatting in the document's own style ---------------------------------------------------
def group_digits(intpart: str, sep: str) -> str:
    """'1350000', ' ' -> '1 350 000': digits in groups of three from the right ('' = no separator)."""
    if not sep or len(intpart) <= 3:
        return intpart
    out = []
    while len(intpart) > 3:
        out.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    out.insert(0, intpart)
    return sep.join(out)


def format_number(value: float, style: Style, language: str, min_decimals: int | None = None) -> str:
    """value written like ``style`` (same separators, same scale word when it fits)."""
    scale = style.scale or 1.0
    v = value / scale
    decimals = style.decimals if min_decimals is None else max(min_decimals, style.decimals)
    # enough decimals to say the value exactly (up to 3) when written with a scale word
    if scale > 1:
        for d in range(decimals, 4):
            if abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)):
                decimals = d
                break
        else:
            return format_number(value, Style(group=style.group or (" " if language == "ru" else ","),
                                              decimal=style.decimal, decimals=0), language)
    s = f"{v:.{decimals}f}"
    intpart, _, frac = s.partition(".")
    group = style.group
    if not group and len(intpart) > 4 and scale == 1:
        group = ""
    out = group_digits(intpart, group)
    if frac:
        out += (style.decimal or ("," if language == "ru" else ".")) + frac
    return out + style.scale_text


def format_like(value: float, num: Num, language: str) -> str:
    """value written in the style of ``num`` (its text is replaced by the result)."""
    if num.words:
        st = Style(group="\u00a0" if language == "ru" else ",", decimal="," if language == "ru" else ".")
        if abs(value - round(value)) > 1e-9:
            st = Style(st.group, st.decimal, 1)
        return format_number(value, st, language)
    return format_number(value, num.style, language)


# ----- grouped digits as written (the thousands style of a document) ----------------------------
# 1-3 digits, then groups of exactly three with one separator kind throughout ("1 350 000",
# "1,350,000", "1.350.000", "1'350'000"); a plain run of 5-9 digits ("1350000").
GROUPED = re.compile(
    r"(?=\d)(?<![\d+(/\-–])(?<!\d[ \u00a0\u202f,.'])(\d{1,3})((?:([ \u00a0\u202f,.'])\d{3})(?:\3\d{3})*)(?![\d])(?![.,]\d)"
)
PLAIN = re.compile(r"(?=\d)(?<![\d+(/\-–.,])([1-9]\d{4,8})(?![\d])(?![.,]\d)")


@dataclass(frozen=True)
class Grouped:
    """A number written with thousands separators (or a long plain run): its span in the text it
    was found in, the separator ('' = none; every space kind is ' ') and its groups after the first."""

    start: int
    end: int
    sep: str
    digits: str
    groups: int
    first: str


def grouped_numbers(text: str) -> list[Grouped]:
    """Grouped and plain long digit runs in text, as written (no reading of decimals or scale)."""
    out = []
    for m in GROUPED.finditer(text):
        sep = " " if m.group(3) in (" ", "\u00a0", "\u202f") else m.group(3)
        out.append(Grouped(m.start(), m.end(), sep, re.sub(r"\D", "", m.group(0)),
                           m.group(2).count(m.group(3)), m.group(1)))
    for m in PLAIN.finditer(text):
        out.append(Grouped(m.start(), m.end(), "", m.group(1), 0, m.group(1)))
    return out


# ----- one amount typed alone (a form field, a money field of a release file) -------------------
def _groups_ok(groups: list[str]) -> bool:
    """1 000 000: a first group of 1-3 digits (not a lone 0), then groups of exactly three."""
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and first != "0" and all(len(g) == 3 for g in rest)


class Ambiguous(ValueError):
    """An amount whose separators could be read two ways ('1.5000', '1234.567')."""


def read_amount(t: str) -> Decimal:
    """Digits with '.' / ',' separators only (spaces and currency already removed), read the way
    people type money in both languages: a group of exactly three digits after a dot or a comma is
    a thousands separator ('777.895' -> 777895), one or two are cents ('1 500,50'). Raises
    ``Ambiguous`` for what is still ambiguous and ``ValueError`` for what is not a number."""
    if not t or not re.fullmatch(r"[\d.,]{1,60}", t) or not t[0].isdigit() or not t[-1].isdigit():
        raise ValueError(t)
    seps = [c for c in t if c in ".,"]
    parts = re.split(r"[.,]", t)
    if not seps:
        return Decimal(t)
    if len(set(seps)) == 2:
        dec = seps[-1]
        if seps.count(dec) != 1 or seps[:-1] != [seps[0]] * (len(seps) - 1):
            raise Ambiguous(t)  # 1.234,567.8
        whole, frac = parts[:-1], parts[-1]
        if len(frac) > 2 or not _groups_ok(whole):
            raise Ambiguous(t)
        return Decimal("".join(whole) + "." + frac)
    if len(seps) > 1:  # one kind of separator, several times
        if not _groups_ok(parts):
            raise Ambiguous(t)
        return Decimal("".join(parts))
    whole, frac = parts
    if len(frac) == 3:
        if not _groups_ok(parts):
            raise Ambiguous(t)  # 1234.567, 0.500
        return Decimal(whole + frac)
    if len(frac) in (1, 2):
        return Decimal(whole + "." + frac)
    raise Ambiguous(t)  # 1.5000
