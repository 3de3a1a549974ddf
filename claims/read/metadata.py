"""Article metadata: title, date, outlet and URL, with dates normalised to ISO ``YYYY-MM-DD``.

The readers (front matter, HTML, JSON records) each find raw values; the helpers here turn
them into clean one-line strings, so every reader fills :class:`ArticleMeta` the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date, datetime, timezone
from typing import Any, Iterable, Mapping

from claims.display import replace_surrogates, shown_name
from claims.read.common import one_line

# Field names, matched case-insensitively, in order of preference.
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "publish_date", "published_at", "publishedat", "datepublished", "pubdate",
             "created")
OUTLET_KEYS = ("outlet", "publisher", "source", "site", "site_name", "sitename")
URL_KEYS = ("url", "link", "source_url", "canonical", "canonical_url")


@dataclass(frozen=True)
class ArticleMeta:
    """What a source says about the article; None where it says nothing usable."""

    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    bad_date: str | None = None  # a date field given but not a date, as shown in a warning

    def or_else(self, other: "ArticleMeta") -> "ArticleMeta":
        """These values, with gaps filled from ``other``."""
        return ArticleMeta(
            title=self.title or other.title, date=self.date or other.date,
            outlet=self.outlet or other.outlet, url=self.url or other.url, bad_date=self.bad_date or other.bad_date,
        )

    def warn_bad_date(self, where: str, warn) -> None:
        """Say that the source's date was not a date (the article is read with no date)."""
        if self.bad_date:
            warn(f"{shown_name(where)}: the date {self.bad_date} is not a date; ignored")


def meta_from_fields(fields: Mapping[Any, Any]) -> ArticleMeta:
    """Metadata from a record or front matter: the first usable value of each kind of key.

    A ``source``/``site`` holding an address is the article's URL (web clippers write it
    so), not the outlet; a publisher may be a string or an object with a ``name``.
    """
    by_key = {k.lower(): v for k, v in fields.items() if isinstance(k, str)}
    outlet = None
    url = _first(by_key, URL_KEYS, clean_str)  # kept as given: the report links http(s) only
    for key in OUTLET_KEYS:
        value = by_key.get(key)
        if isinstance(value, str) and _url(value):
            url = url or _url(value)
            continue
        outlet = outlet or _name(value)
    date = bad_date = None
    for key in DATE_KEYS:
        if key in by_key:
            date = parse_date(by_key[key])
            if date:
                break
            bad_date = bad_date or _shown_value(by_key[key])
    return ArticleMeta(title=_first(by_key, TITLE_KEYS, clean_str), date=date, outlet=outlet, url=url,
                       bad_date=None if date else bad_date)


def _shown_value(value: Any) -> str | None:
    """A short quote of a date value that was given (not empty, not null) but is not a date."""
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 20:
        return f"(a number of {len(str(abs(value)))} digits)"
    text = repr(value) if not isinstance(value, str) else one_line(value) or ""
    return repr(text[:40] + ("…" if len(text) > 40 else "")) if isinstance(value, str) else text[:40]


def clean_str(value: Any) -> str | None:
    """A one-line string, or None. Lone surrogates (possible in JSON) become U+FFFD."""
    if not isinstance(value, str):
        return None
    return one_line(replace_surrogates(value))


def _first(fields: Mapping[str, Any], keys: Iterable[str], convert) -> str | None:
    for key in keys:
        value = convert(fields.get(key))
        if value:
            return value
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list) and value:
        return _name(value[0])
    return clean_str(value)


def _url(value: Any) -> str | None:
    s = clean_str(value)
    if s and re.match(r"(?i)^(?:https?:)?//\S+$|^www\.\S+$", s):
        return s
    return None


def parse_date(value: Any) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``, or None when it is not clearly a date."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):  # YAML front matter gives these when not quoted
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if not 1e8 < value < 4e12:  # also a 401-digit number, which no float can hold
            return None
        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
        if 1e8 < seconds < 4e9:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s or len(s) > 80:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", s)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{4})/(\d{2})/(\d{2})\b", s)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    s = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", s, flags=re.I)
    m = re.match(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", s)
    if m and _month(m[1]):
        return _ymd(int(m[3]), _month(m[1]), int(m[2]))
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", s)
    if m and _month(m[2]):
        return _ymd(int(m[3]), _month(m[2]), int(m[1]))
    return _dateutil_date(s)


def _dateutil_date(s: str) -> str | None:
    """Other spellings ("Oct 12 2020 08:30 GMT", "20201012"), when day, month and year are all
    given: two different defaults tell a parsed field from a filled-in one."""
    m = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b", s)
    if m and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]:
        return None  # 03/04/2020: April or March depends on the country
    try:
        from dateutil import parser

        one = parser.parse(s, default=datetime(2000, 1, 1))
        two = parser.parse(s, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if one.date() != two.date():
        return None  # a part of the date was missing ("October 2020", "Monday")
    return one.date().isoformat()


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _month(word: str) -> int | None:
    w = word.lower()
    if w == "sept":
        return 9
    full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"]
    if w in full:
        return full.index(w) + 1
    return _MONTHS.get(w) if len(w) == 3 else None


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).date().isoformat()
    except ValueError:
        return None
