"""Dates and weekdays written in Russian or English text, with exact offsets.

Not a check: a helper for the figures checks and the structure recogniser.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.core.textmemo import list_memo, shift_offsets, shifted_memo

RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_RU_MONTH_RX = (r"(?P<mon>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
                r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)")
EN_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_EN_MONTH_RX = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")

RU_DATE = re.compile(
    r"(?=\d)(?<![\d.,])(?P<day>[0-3]?\d)(?:-?(?:го|е))?\s+" + _RU_MONTH_RX +
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*(?:года|году|г\.))?)?", re.I)
EN_DATE_DMY = re.compile(
    r"(?=\d)(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>" + _EN_MONTH_RX + r")(?![a-z])(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?")
EN_DATE_MDY = re.compile(
    r"(?P<mon>" + _EN_MONTH_RX + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,\s*(?P<year>(?:19|20)\d\d)(?!\d))?")
NUMERIC_DATE = re.compile(r"(?=\d)(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)")
# other styles of a page header or a date line: 2025-06-26, 26/06/2025, 16-Mar-2027, «16» марта 2027,
# 16 мар. 2027
_RU_ABBR = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12}
ISO_DATE = re.compile(r"(?=\d)(?<![\d\-/.])(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d\-])")
SLASH_DATE = re.compile(r"(?=\d)(?<![\d/.])(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
DASH_MON_DATE = re.compile(r"(?=\d)(?<![\d\w])(?P<day>[0-3]?\d)-(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?P<year>(?:19|20)\d\d)(?!\d)", re.I)
RU_QUOTED_DATE = re.compile(r"«(?P<day>[0-3]?\d)»[ \u00a0]+" + _RU_MONTH_RX + r"(?:[ \u00a0]+(?P<year>(?:19|20)\d\d)(?!\d)(?:[ \u00a0]*(?:года|г\.))?)?", re.I)
RU_ABBR_DATE = re.compile(r"(?=\d)(?<![\d.,])(?P<day>[0-3]?\d)[ \u00a0]+(?P<mon>янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек)\.[ \u00a0]*(?P<year>(?:19|20)\d\d)(?!\d)(?:[ \u00a0]*г\.)?", re.I)

RU_WEEKDAYS = [("понедельник", 0), ("вторник", 1), ("сред", 2), ("четверг", 3), ("пятниц", 4), ("суббот", 5),
               ("воскресен", 6)]
RU_WEEKDAY = re.compile(r"(?<![а-яё])(понедельник[а-я]{0,2}|вторник[а-я]{0,2}|сред[аеуы]|четверг[а-я]{0,2}|"
                        r"пятниц[аеуы]|суббот[аеуы]|воскресень[еяю])(?![а-яё])", re.I)
EN_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
EN_WEEKDAY_INDEX = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
RU_WEEKDAY_NAMES = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
EN_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None

    def date(self, default_year: int | None = None) -> dt.date | None:
        """The date (None when impossible or the year is unknown)."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def possible(self) -> bool:
        """False for dates no calendar has: 31 November, 30 February (29 February needs a leap year)."""
        try:
            dt.date(self.year or 2024, self.month, self.day)  # 2024 is a leap year
        except ValueError:
            return False
        return True


def _month_ru(word: str) -> int:
    w = word.lower()
    for stem, n in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return n
    return 0


_DIGIT = re.compile(r"\d")
# the first three letters of every month name EN_DATE_DMY and EN_DATE_MDY accept (case-sensitive, as they are)
_EN_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


_FOUND: dict[tuple[str, str], list] = {}  # (long text, language) -> its dates: several checks ask about the whole text


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every day-month(-year) date in text, left to right, without overlaps."""
    if not _DIGIT.search(text):
        return []  # every date pattern below needs a digit (\d, as theirs): one scan instead of nine (issue 13)
    if len(text) < 1000:
        return _find_dates(text, language)
    key = (text, language)
    got = _FOUND.get(key)
    if got is None:
        got = _find_dates(text, language)
        if len(_FOUND) >= 4:  # (bounded: the keys are whole documents)
            _FOUND.clear()
        _FOUND[key] = got
    return list(got)  # DateMention is frozen: sharing the mentions is safe (issue 13)


@list_memo  # DateMention is frozen: a sentence's dates kept across lints (issue 13)
def _find_dates(text: str, language: str) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, month: int) -> None:
        s, e = m.start(), m.end()
        if any(s < te and e > ts for ts, te in taken):
            return
        day = int(m.group("day"))
        if not 1 <= day <= 31 or not 1 <= month <= 12:
            return
        year = int(m.group("year")) if m.group("year") else None
        taken.append((s, e))
        out.append(DateMention(s, e, day, month, year))

    # (each pattern below is skipped when the text lacks a literal it needs: the same dates, fewer
    # scans; issue 13)
    if language == "ru":
        for m in RU_DATE.finditer(text):
            add(m, _month_ru(m.group("mon")))
    elif any(mon in text for mon in _EN_MONTH_STARTS):  # every month name of the English patterns starts so
        for rx in (EN_DATE_DMY, EN_DATE_MDY):
            for m in rx.finditer(text):
                add(m, EN_MONTHS[m.group("mon").lower()[:3]])
    if "." in text:
        for m in NUMERIC_DATE.finditer(text):
            add(m, int(m.group("mon")))
    if "-" in text:
        for m in ISO_DATE.finditer(text):
            add(m, int(m.group("mon")))
    if "/" in text:
        for m in SLASH_DATE.finditer(text):
            a, b = int(m.group("day")), int(m.group("mon"))
            if b > 12 and a <= 12 and language == "en":
                continue  # 06/26/2025: a month first, not read (never guessed)
            add(m, b)
    if "-" in text:
        for m in DASH_MON_DATE.finditer(text):
            add(m, EN_MONTHS[m.group("mon").lower()[:3]])
    if language == "ru":
        if "«" in text:
            for m in RU_QUOTED_DATE.finditer(text):
                add(m, _month_ru(m.group("mon")))
        if "." in text:
            for m in RU_ABBR_DATE.finditer(text):
                add(m, _RU_ABBR[m.group("mon").lower()[:3]])
    out.sort(key=lambda d: d.start)
    return out


def weekday_index(word: str) -> int | None:
    w = word.lower()
    if w in EN_WEEKDAY_INDEX:
        return EN_WEEKDAY_INDEX[w]
    for stem, i in RU_WEEKDAYS:
        if w.startswith(stem):
            return i
    return None


def format_date(d: dt.date, language: str, like: str = "") -> str:
    """d written like the sample ``like`` (Russian '21 ноября 2025 года', English '18 February 2026',
    '12.03.2026'; without the year when the sample has none)."""
    m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", like)
    if m:
        day = f"{d.day:02d}" if len(m.group(1)) == 2 else str(d.day)
        mon = f"{d.month:02d}" if len(m.group(2)) == 2 else str(d.month)
        return f"{day}.{mon}.{d.year}"
    if re.fullmatch(r"\s*(?:19|20)\d\d-\d\d-\d\d\s*", like):
        return d.isoformat()
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", like)
    if m:
        day = f"{d.day:02d}" if len(m.group(1)) == 2 else str(d.day)
        mon = f"{d.month:02d}" if len(m.group(2)) == 2 else str(d.month)
        return f"{day}/{mon}/{d.year}"
    has_year = bool(re.search(r"(?:19|20)\d\d", like)) or not like
    if language == "ru":
        names = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]
        tail = " года" if like.endswith("года") else (" г." if like.endswith("г.") else "")
        return f"{d.day} {names[d.month - 1]} {d.year}{tail}" if has_year else f"{d.day} {names[d.month - 1]}"
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    if like[:1].isalpha():
        return f"{months[d.month - 1]} {d.day}, {d.year}" if has_year else f"{months[d.month - 1]} {d.day}"
    return f"{d.day} {months[d.month - 1]} {d.year}" if has_year else f"{d.day} {months[d.month - 1]}"


# ----- time points and ranges (for durations) ---------------------------------------------------
_RU_MON = (r"(?:январ[а-яё]{0,3}|феврал[а-яё]{0,3}|март[а-яё]{0,2}|апрел[а-яё]{0,3}|ма[йяюе]|маем|июн[а-яё]{0,3}|"
           r"июл[а-яё]{0,3}|август[а-яё]{0,3}|сентябр[а-яё]{0,3}|октябр[а-яё]{0,3}|ноябр[а-яё]{0,3}|декабр[а-яё]{0,3})")
_EN_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
MONTH_YEAR = {
    "ru": re.compile(r"(?=[яфмаисонд])(?<![\w\d])(?P<mon>" + _RU_MON + r")(?:[ \u00a0]+(?P<year>(?:19|20)\d\d)(?!\d)(?:[ \u00a0]*(?:года|году|г\.))?)?(?![\w])", re.I),
    "en": re.compile(r"(?=[jfmasond])(?<![\w\d])(?P<mon>" + _EN_MON + r")(?![a-z])(?:,?[ \u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?", re.I),
}
YEAR = re.compile(r"(?=\d)(?<![\w\d.,])(?P<year>(?:19|20)\d\d)(?![\d])(?:[ \u00a0]*(?:гг?\.|годы|годов|годах|года|год|году))?")
NUMERIC_MONTH_YEAR = re.compile(r"(?=\d)(?<![\d.])(?P<mon>0?[1-9]|1[0-2])[./](?P<year>(?:19|20)\d\d)(?![\d.]\d)")
RANGE_LINK = {
    "ru": re.compile(r"[ \u00a0]*(?:[-–—]|[ \u00a0](?:по|до|и)[ \u00a0])[ \u00a0]*(?:(?:по|до)[ \u00a0]+)?", re.I),
    "en": re.compile(r"[ \u00a0]*(?:[-–—]|/|[ \u00a0](?:to|until|till|through|thru|and)[ \u00a0])[ \u00a0]*", re.I),
}
RANGE_FROM = {
    "ru": re.compile(r"(?:(?<![\w])(?:с|со|от|в период с|на период с|в)[ \u00a0]+)$", re.I),
    "en": re.compile(r"(?:(?<![\w])(?:from|between|in|running from|runs from)[ \u00a0]+)$", re.I),
}


class Spans:
    """Non-overlapping [start, end) spans with a logarithmic overlap test."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        import bisect

        i = bisect.bisect_left(self.starts, e)  # spans starting before e
        return i == 0 or self.ends[i - 1] <= s and all(self.ends[k] <= s for k in range(max(0, i - 3), i))

    def add(self, s: int, e: int) -> None:
        import bisect

        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


@dataclass(frozen=True)
class TimePoint:
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    first: TimePoint
    last: TimePoint

    @property
    def precision(self) -> str:
        if self.first.day and self.last.day:
            return "day"
        if self.first.month and self.last.month:
            return "month"
        return "year"

    def years(self) -> int | None:
        """Calendar years it touches."""
        y1, y2 = self.first.year, self.last.year
        if y1 is None or y2 is None or y2 < y1:
            return None
        return y2 - y1 + 1

    def months(self) -> float | None:
        """Months it lasts (whole months counted inclusively; days to the nearest month)."""
        f, l = self.first, self.last
        if f.year is None or l.year is None or not f.month or not l.month:
            return None
        if f.day and l.day:
            try:
                d1, d2 = dt.date(f.year, f.month, f.day), dt.date(l.year, l.month, l.day)
            except ValueError:
                return None
            if d2 < d1:
                return None
            return ((d2 - d1).days + 1) / 30.4375
        n = (l.year - f.year) * 12 + l.month - f.month + 1
        return n if n > 0 else None

    def days(self) -> int | None:
        f, l = self.first, self.last
        if not (f.day and l.day and f.month and l.month):
            return None
        y1, y2 = f.year or l.year or 2024, l.year or f.year or 2024
        try:
            n = (dt.date(y2, l.month, l.day) - dt.date(y1, f.month, f.day)).days + 1
        except ValueError:
            return None
        return n if n > 0 else None


def _mon_index(word: str, language: str) -> int:
    if language == "ru":
        return _month_ru(word)
    return EN_MONTHS.get(word.lower()[:3], 0)


DAY_RANGE = {
    "ru": re.compile(r"(?<![\d.,])(?P<d1>[0-3]?\d)[ \u00a0]*(?:[-–—]|[ \u00a0]по[ \u00a0])[ \u00a0]*(?P<d2>[0-3]?\d)[ \u00a0]+(?P<mon>" + _RU_MON + r")(?:[ \u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?", re.I),
    "en": re.compile(r"(?=\d)(?<![\d.,])(?P<d1>[0-3]?\d)[ \u00a0]*(?:[-–—]|[ \u00a0](?:to|and)[ \u00a0])[ \u00a0]*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?[ \u00a0]+(?P<mon>" + _EN_MON + r")(?![a-z])(?:,?[ \u00a0]+(?P<year>(?:19|20)\d\d)(?!\d))?", re.I),
}


# (text, language) -> points: find_ranges and the model ask twice per sentence, and the period read
# across two sentences (durations.start_end_across) a third time after the whole document (issue 13:
# one entry kept made that third pass compute every sentence's points again); bounded
_POINTS: dict[tuple[str, str], list] = {}


def time_points(text: str, language: str) -> list[TimePoint]:
    """Dates, month–year and year mentions, left to right, without overlaps."""
    key = (text, language)
    got = _POINTS.get(key)
    if got is not None:
        return list(got)  # TimePoint is frozen: sharing the points is safe (issue 13)
    out = _time_points(text, language)
    if len(_POINTS) >= 4096:
        _POINTS.clear()
    _POINTS[key] = out
    return list(out)


# the lower-case starts of the English month names MONTH_YEAR["en"] reads (it ignores case); the four
# non-ASCII letters Python's IGNORECASE also matches to ASCII ones (İ ı ſ K) turn the shortcut off
_EN_MONTH_LOWER = tuple(m.lower() for m in _EN_MONTH_STARTS)
_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_name_month(text: str, language: str) -> bool:
    """False when MONTH_YEAR[language] cannot match text (English: no month name's first letters)."""
    if language != "en" or any(c in text for c in _ASCII_FOLDS):
        return True
    low = text.lower()
    return any(m in low for m in _EN_MONTH_LOWER)


def _time_points(text: str, language: str) -> list[TimePoint]:
    out: list[TimePoint] = []
    spans = Spans()

    def free(s, e):
        return spans.free(s, e)

    for d in find_dates(text, language):
        end = d.end
        out.append(TimePoint(d.start, end, d.year, d.month, d.day))
        spans.add(d.start, end)
    digit = _DIGIT.search(text) is not None  # YEAR and NUMERIC_MONTH_YEAR need one (issue 13)
    for m in MONTH_YEAR[language].finditer(text) if _may_name_month(text, language) else ():
        if not free(m.start(), m.end()):
            continue
        mon = _mon_index(m.group("mon"), language)
        if not mon:
            continue
        if language == "en" and m.group("mon").lower() in ("may", "mar", "mar.") and not m.group("year"):
            continue  # "may" the verb
        out.append(TimePoint(m.start(), m.end(), int(m.group("year")) if m.group("year") else None, mon))
        spans.add(m.start(), m.end())
    for m in NUMERIC_MONTH_YEAR.finditer(text) if digit else ():
        if free(m.start(), m.end()):
            out.append(TimePoint(m.start(), m.end(), int(m.group("year")), int(m.group("mon"))))
            spans.add(m.start(), m.end())
    for m in YEAR.finditer(text) if digit else ():
        if free(m.start(), m.end()):
            out.append(TimePoint(m.start(), m.end(), int(m.group("year"))))
            spans.add(m.start(), m.end())
    out.sort(key=lambda p: p.start)
    return out


@shifted_memo(shift_offsets)  # a sentence's ranges, kept across lints and documents (issue 13)
def find_ranges(text: str, language: str, base: int = 0) -> list[Range]:
    """«2024–2027 гг.», «с января 2025 по декабрь 2027 года», "March 2024 – February 2027",
    "from 1 March 2025 to 31 August 2026", «12–14 марта»."""
    pts = time_points(text, language)
    link = RANGE_LINK[language]
    out: list[Range] = []
    used = set()
    for a, b in zip(pts, pts[1:]):
        if id(a) in used:
            continue
        gap = text[a.end:b.start]
        if len(gap) > 12 or not link.fullmatch(gap):
            continue
        if a.month and not b.month or b.month and not a.month:
            continue
        if (a.day is None) != (b.day is None):
            continue
        first = a if a.year else TimePoint(a.start, a.end, b.year, a.month, a.day)
        if first.year and b.year and (b.year, b.month or 0, b.day or 0) < (first.year, first.month or 0, first.day or 0):
            continue
        out.append(Range(base + a.start, base + b.end,
                         TimePoint(base + first.start, base + first.end, first.year, first.month, first.day),
                         TimePoint(base + b.start, base + b.end, b.year, b.month, b.day)))
        used.add(id(b))
    day_spans = Spans()
    for r in out:
        day_spans.add(r.start, r.end)
    for m in DAY_RANGE[language].finditer(text):
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        mon = _mon_index(m.group("mon"), language)
        if not (1 <= d1 < d2 <= 31 and mon):
            continue
        if not day_spans.free(m.start() + base, m.start() + base + 1):
            continue
        y = int(m.group("year")) if m.group("year") else None
        out.append(Range(base + m.start(), base + m.end(), TimePoint(base + m.start(), base + m.start() + len(m.group("d1")), y, mon, d1),
                         TimePoint(base + m.start(), base + m.end(), y, mon, d2)))
    out.sort(key=lambda r: r.start)
    return out


# ----- weekdays in the case they are written in (for suggestions) --------------------------------
RU_WEEKDAY_FORMS = {
    "nomn": RU_WEEKDAY_NAMES,
    "accs": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
    "gent": ["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"],
    "datv": ["понедельнику", "вторнику", "среде", "четвергу", "пятнице", "субботе", "воскресенью"],
    "ablt": ["понедельником", "вторником", "средой", "четвергом", "пятницей", "субботой", "воскресеньем"],
    "loct": ["понедельнике", "вторнике", "среде", "четверге", "пятнице", "субботе", "воскресенье"],
}


def weekday_like(index: int, written: str, language: str, before: str = "") -> str:
    """The weekday ``index`` in the form and capitalisation of ``written`` («среду» -> «четверг»,
    "Wed" -> "Thu"); ``before`` is the text just before it (a preposition decides ambiguous forms)."""
    w = written.lower()
    if language == "ru":
        case = "nomn"
        for c, forms in RU_WEEKDAY_FORMS.items():
            if w in forms:
                case = c
                if c == "nomn" and re.search(r"(?:^|\s)(?:в|во|на)\s*$", before.lower()) and w not in ("среда", "пятница", "суббота"):
                    case = "accs"
                if c != "nomn":
                    break
        if w in ("среда", "пятница", "суббота"):
            case = "nomn"
        elif w in ("среду", "пятницу", "субботу"):
            case = "accs"
        elif w in ("среды", "пятницы", "субботы"):
            case = "gent"
        elif w in ("среде", "пятнице", "субботе"):
            case = "loct" if re.search(r"(?:^|\s)(?:о|в)\s*$", before.lower()) else "datv"
        out = RU_WEEKDAY_FORMS[case][index]
    else:
        out = EN_WEEKDAY_NAMES[index]
        if len(written.rstrip(".")) <= 4:
            out = out[:3] if not written.lower().startswith(("tue", "thu")) or len(written.rstrip(".")) == 3 else out[:4]
            if written.endswith("."):
                out += "."
    if written.isupper() and len(written) > 1:
        return out.upper()
    if written[:1].isupper():
        return out[:1].upper() + out[1:]
    return out
