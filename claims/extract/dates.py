"""Dates: "October 9", "early October", "April 2016", "in 1994", "the 1990s", "Nineteen Nineties".

Each becomes a :class:`DateMention` whose day range says how precise it is, so
"early October" (days 1-10) agrees with "October 9".
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re

from claims.types import DateMention

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December|" \
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"


def _month(group: str) -> str:
    return rf"(?P<{group}>{_MONTH_NAMES})\b\.?"


_PART = r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DATE = re.compile(
    rf"\b{_PART}(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_month('m1')}|{_month('m2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b|{_month('m3')})"
    rf"(?:,?\s+{_YEAR})?(?!\d)",
)
_BARE_YEAR = re.compile(r"(?<![\d,.$-])(?P<year>1[5-9]\d\d|20\d\d)(?P<s>s|’s|'s)?(?!\d|,\d{3}|-\d)")
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<year>1[5-9]\d\d|20\d\d)[-–](?P<end>\d{2}|\d{4})(?!\d)")
_DECADE_WORDS = re.compile(
    r"\b(?:(?P<century>nineteen|twenty)[\s-]+)?(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.I,
)
_DECADE_VALUE = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_PART_DAYS = {"early": (1, 10), "the beginning of": (1, 10), "the start of": (1, 10), "mid": (10, 20),
              "the middle of": (10, 20), "late": (20, 31), "the end of": (20, 31)}


def extract_dates(text: str, offset: int = 0) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        month_word = m.group("m1") or m.group("m2") or m.group("m3")
        if month_word == "May" and not (m.group("day1") or m.group("day2") or m.group("year")):
            continue  # the verb "may"
        month = _MONTHS[month_word.lower().rstrip(".")]
        day = m.group("day1") or m.group("day2")
        year = int(m.group("year")) if m.group("year") else None
        if day and 1 <= int(day) <= 31:
            lo = hi = int(day)
        elif m.group("part"):
            lo, hi = _PART_DAYS[m.group("part").lower()]
        else:
            lo, hi = 1, 31
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(), year, month, lo, hi))
        taken.append((m.start(), m.end()))
    for m in _YEAR_RANGE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(), int(m.group("year"))))
        taken.append((m.start(), m.end()))
    for m in _BARE_YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        year = int(m.group("year"))
        decade = bool(m.group("s"))
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(), year, decade=decade))
    for m in _DECADE_WORDS.finditer(text):
        century = {"nineteen": 1900, "twenty": 2000}.get((m.group("century") or "").lower())
        if century is None:
            # "the nineties" alone: only with the article, otherwise it may be an age
            if not re.search(r"\bthe\s+$", text[max(0, m.start() - 5) : m.start()], re.I):
                continue
            century = 1900
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(),
                               century + _DECADE_VALUE[m.group("decade").lower()], decade=True))
    for m in _WEEKDAY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(), None,
                               weekday=_WEEKDAYS.index(m.group("day").lower())))
    out.extend(extract_relative(text, offset))
    return sorted(out, key=lambda d: d.start)


def compatible(a: DateMention, b: DateMention) -> bool:
    """Whether two date mentions can refer to the same time (relative ones: see ``resolve``)."""
    if a.relative or b.relative:
        return True
    if a.weekday is not None or b.weekday is not None:
        # "on Sunday" vs "on Monday" cannot be the same day; a weekday vs a date is unknown
        # unless their years (filled in from publication dates) differ.
        if a.year is not None and b.year is not None and not (a.decade or b.decade) and a.year != b.year:
            return False
        return a.weekday is None or b.weekday is None or a.weekday == b.weekday
    if a.year is not None and b.year is not None:
        if a.decade or b.decade:
            da = a.year // 10 * 10 if a.decade else a.year
            db = b.year // 10 * 10 if b.decade else b.year
            span_a = range(da, da + 10) if a.decade else range(da, da + 1)
            span_b = range(db, db + 10) if b.decade else range(db, db + 1)
            if not set(span_a) & set(span_b):
                return False
        elif a.year != b.year:
            return False
    if a.month is not None and b.month is not None:
        if a.month != b.month:
            return False
        if a.day_low and b.day_low and (a.day_high < b.day_low or b.day_high < a.day_low):
            return False
    return True





def precise(dates: list[DateMention]) -> list[DateMention]:
    """The calendar dates of a claim; its weekdays only when it has no calendar date."""
    on_calendar = [d for d in dates if d.weekday is None and not d.relative]
    return on_calendar or dates


def same_time_stated(a: list[DateMention], b: list[DateMention]) -> bool:
    """Both claims name the same day ("on Monday" twice, or the same date)."""
    return any((x.weekday is not None and x.weekday == y.weekday)
               or (x.month and x.month == y.month and x.day_low == x.day_high == y.day_low == y.day_high)
               for x in a for y in b)


# --------------------------------------------------------------------------- relative times
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tonight|(?:earlier |later )?this (?:week|month|year)|"
    r"(?:last|next|past) (?:week|month|year))\b", re.I)


def extract_relative(text: str, offset: int = 0) -> list[DateMention]:
    """ "yesterday", "earlier this week", "last year": times that only mean something against the
    day the article was published (``resolve``)."""
    out = []
    for m in _RELATIVE.finditer(text):
        rel = " ".join(m.group("rel").lower().split()).replace("past ", "last ").replace("tonight", "today")
        out.append(DateMention(m.group(0), offset + m.start(), offset + m.end(), None, relative=rel))
    return out


# A weekday after these (in the same claim) is ahead of the publication date: "will speak Monday".
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are|was|were) (?:set|due|expected|scheduled) to|"
                     r"plans? to|planning to|next|upcoming|tomorrow)\b", re.I)


def resolve(d: DateMention, published: _dt.date | None, before: str = "") -> tuple[_dt.date, _dt.date] | None:
    """The calendar days a mention can mean, as (first, last), read against the publication date.

    "on Friday" in an article published on a Sunday is the Friday two days before, unless the
    words ``before`` it in the claim speak of the future ("will meet on Friday"); "June 3" is
    June 3 of the publication year; "earlier this week" is Monday up to the day before
    publication. None when the mention cannot be placed (no publication date, a decade).
    """
    if d.decade:
        return None
    if d.year is not None and d.month is None and d.weekday is None:
        return _dt.date(d.year, 1, 1), _dt.date(d.year, 12, 31)
    if d.month is not None:
        # "in early July" in a December article may be this July or last: left to ``compatible``
        year = d.year
        if year is None:
            return None
        last = calendar.monthrange(year, d.month)[1]
        lo, hi = min(d.day_low or 1, last), min(d.day_high or last, last)
        return _dt.date(year, d.month, lo), _dt.date(year, d.month, hi)
    if published is None:
        return None
    if d.weekday is not None:
        back = (published.weekday() - d.weekday) % 7
        if back and _FUTURE.search(before):
            day = published + _dt.timedelta(days=7 - back)
        else:
            day = published - _dt.timedelta(days=back)
        return day, day
    return _relative_range(d.relative or "", published)


def _relative_range(rel: str, p: _dt.date) -> tuple[_dt.date, _dt.date] | None:
    day = _dt.timedelta(days=1)
    monday = p - p.weekday() * day
    month_start = p.replace(day=1)
    prev_month_end = month_start - day
    ranges = {
        "yesterday": (p - day, p - day),
        "today": (p, p),
        "this week": (monday, monday + 6 * day),
        "earlier this week": (monday, max(monday, p - day)),
        "later this week": (p, monday + 6 * day),
        "last week": (monday - 7 * day, monday - day),
        "next week": (monday + 7 * day, monday + 13 * day),
        "this month": (month_start, month_start.replace(day=calendar.monthrange(p.year, p.month)[1])),
        "earlier this month": (month_start, max(month_start, p - day)),
        "last month": (prev_month_end.replace(day=1), prev_month_end),
        "this year": (_dt.date(p.year, 1, 1), _dt.date(p.year, 12, 31)),
        "earlier this year": (_dt.date(p.year, 1, 1), p),
        "last year": (_dt.date(p.year - 1, 1, 1), _dt.date(p.year - 1, 12, 31)),
        "next year": (_dt.date(p.year + 1, 1, 1), _dt.date(p.year + 1, 12, 31)),
    }
    if rel == "next month":
        first = (month_start + 32 * day).replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return ranges.get(rel)


def publication_date(iso: str | None) -> _dt.date | None:
    """The day of an ISO date or datetime string; None when there is none or it is not a date."""
    if not iso:
        return None
    try:
        return _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None
