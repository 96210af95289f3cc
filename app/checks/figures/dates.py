"""Dates and weekdays written in Russian or English text, with exact offsets.

Not a check: a helper for the figures checks and the structure recogniser.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
    r"(?<![\d.,])(?P<day>[0-3]?\d)(?:-?(?:го|е))?\s+" + _RU_MONTH_RX +
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*(?:года|году|г\.))?)?", re.I)
EN_DATE_DMY = re.compile(
    r"(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>" + _EN_MONTH_RX + r")(?![a-z])(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?")
EN_DATE_MDY = re.compile(
    r"(?P<mon>" + _EN_MONTH_RX + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,\s*(?P<year>(?:19|20)\d\d)(?!\d))?")
NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)")

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


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every day-month(-year) date in text, left to right, without overlaps."""
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

    if language == "ru":
        for m in RU_DATE.finditer(text):
            add(m, _month_ru(m.group("mon")))
    else:
        for rx in (EN_DATE_DMY, EN_DATE_MDY):
            for m in rx.finditer(text):
                add(m, EN_MONTHS[m.group("mon").lower()[:3]])
    for m in NUMERIC_DATE.finditer(text):
        add(m, int(m.group("mon")))
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
    """d written like the sample ``like`` (Russian '21 ноября 2025 года', English '18 February 2026')."""
    if language == "ru":
        names = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]
        tail = " года" if like.endswith("года") else (" г." if like.endswith("г.") else "")
        return f"{d.day} {names[d.month - 1]} {d.year}{tail}"
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    if like[:1].isalpha():
        return f"{months[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day} {months[d.month - 1]} {d.year}"
