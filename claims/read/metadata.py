"""Article metadata values: publication dates normalised to ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any


def parse_date(value: Any) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``, or None when it is not clearly a date."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
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
    return None


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
