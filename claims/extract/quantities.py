"""Quantities: a number plus its bound ("more than"), unit ("soldiers") and measure ("killed").

The measure is what the number says happened ("killed", "wounded", "displaced");
two figures are only compared when they count the same thing, so the lexicons
here decide precision as much as the comparators do.
"""
from __future__ import annotations

import re

from claims.extract.numbers import NumberMatch, find_numbers
from claims.types import Quantity

# Bound and approximation words before a number -> how they widen the interval.
_LOWER_BOUND = r"more than|greater than|over|at least|upwards of|in excess of|no fewer than|no less than|exceeding|above"
_UPPER_BOUND = r"fewer than|less than|under|up to|at most|as many as|no more than|below|nearly|almost|just under"
_APPROX = r"about|around|approximately|roughly|some|an estimated|estimated|close to|nearly|almost|circa|~"
_MODIFIER = re.compile(rf"(?:\b(?P<lower>{_LOWER_BOUND})|\b(?P<upper>{_UPPER_BOUND})|\b(?P<approx>{_APPROX}))\s+$", re.I)

# How much looser a bound is read than its literal meaning: "more than 300" is
# reported as the same toll as 320 but not as 2,000. A figure beyond this factor
# is worth a reviewer's look even though it does not contradict the bound logically.
BOUND_SPAN = 1.5
APPROX_TOLERANCE = 0.15

_PERSON_NOUNS = {
    "people", "person", "persons", "soldier", "troop", "civilian", "man", "men", "woman", "women",
    "child", "children", "fighter", "militant", "resident", "citizen", "protester", "protestor",
    "refugee", "militia", "militiaman", "militiamen", "mercenary", "police", "officer", "worker",
    "migrant", "victim", "casualty", "servicemen", "serviceman", "personnel", "hostage", "prisoner",
    "journalist", "doctor", "patient", "student", "passenger", "inhabitant", "individual", "adult",
    "infant", "baby", "family", "member", "demonstrator", "rebel", "insurgent", "pilgrim", "voter",
}
_DURATION_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
                  "fortnight": 14, "month": 30.4, "year": 365.25, "decade": 3652.5, "century": 36525}
_MONEY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY"}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP"}
_SCOPE_WORDS = {"civilian", "military", "army", "government", "rebel", "foreign", "local"}
_SKIP = {"of", "the", "more", "other", "additional", "new", "some", "such", "those", "these", "its", "their", "our",
         "his", "her", "confirmed", "reported", "known", "official", "registered", "recorded", "estimated"}
# Words after a number that mean it counts nothing named: "one million and", "312 on Sunday".
_NOT_A_UNIT = {
    "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "as", "than", "that", "which",
    "who", "is", "are", "was", "were", "had", "has", "have", "be", "been", "will", "would", "a", "an",
    "times", "per", "out", "into", "since", "after", "before", "during", "while", "but", "so", "if",
}
# A unit that already says what happened ("casualties", "deaths", "refugees").
_UNIT_MEASURE = {"casualty": "casualties", "death": "killed", "fatality": "killed", "dead": "killed",
                 "wounded": "wounded", "injured": "wounded", "refugee": "displaced", "arrest": "arrested"}

# Measures: what happened to the counted things. Keys are the normalised measure.
_MEASURES = {
    "killed": r"killed|dead|died|die|deaths?|death toll|toll|fatalities|slain|perished|lost their lives|lives",
    "wounded": r"wounded|injured|injuries|hurt|injuring|wounding",
    "casualties": r"casualties",
    "displaced": r"displaced|displacing|displacement|fled|uprooted|homeless|refugees",
    "arrested": r"arrested|detained|jailed|imprisoned|arrests|detentions",
    "missing": r"missing|disappeared",
    "captured": r"captured|taken prisoner|prisoners of war",
    "deployed": r"deployed|sent|transferred|stationed|mobilised|mobilized",
    "protesting": r"protested|protesting|rallied|rallies|demonstrated|joining rallies|marched",
    "aboard": r"on board|aboard|onboard|carrying|carried|was carrying",
    "capacity": r"capacity|licensed|licenced|authori[sz]ed|certified|designed|rated|permitted",
    "rescued": r"rescued|saved|survived|survivors|pulled from|evacuated alive",
    "evacuated": r"evacuated|evacuation|relocated",
}
_MEASURE_AFTER = re.compile(
    rf"^[^.;:!?]{{0,45}}?\b(?P<m>{'|'.join(f'(?P<{k}>{v})' for k, v in _MEASURES.items())})\b", re.I
)
_MEASURE_WORD = re.compile(
    rf"\b(?P<m>{'|'.join(f'(?P<{k}>{v})' for k, v in _MEASURES.items())})\b", re.I
)
# "Of the 27 dead, 19 ...", "among them four children", "including 12 children": a part of a whole.
_PART_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|those|these)(?:\s+[\d,]+)?\s+(?:dead|victims|casualties|injured|"
                          r"wounded|killed|deaths|people|passengers|survivors|missing|bodies)\b[^.;:!?]{0,30}$|"
                          r"\b(?:of|among)\s+(?:them|whom)\b[^.;:!?]{0,30}$|\b(?:including|includes|among them)\s+$", re.I)
_PART_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:them|whom|those|the dead|the victims)\b", re.I)
# "22 dead in Eastvale and nine in Northport": a count for one place.
_PLACE_AFTER = re.compile(
    r"^[^.;:!?,]{0,25}?\b(?:in|at|from|near)\s+(?:the\s+(?:town|city|village|province|region|district)\s+of\s+)?"
    r"(?P<place>(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)
# "In Eastvale alone died 22 persons, in Northport nine": the place comes first.
_PLACE_BEFORE = re.compile(
    r"\b(?i:in|at)\s+(?P<place>(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w’'-]+"
    r"(?:\s+[A-Z][\w’'-]+)?)(?:\s+alone)?(?:\s+[a-z]+){0,3}\s+$"
)
_DURATION_ARTICLE = re.compile(r"\b(?:a|an|one|a single|a full)\s+(?P<unit>day|week|fortnight|month|year|decade|century)\b", re.I)
_RELATIVE_TIME = re.compile(r"^\s*(?:later|earlier|ago|before|after|old)\b", re.I)


def _singular(word: str) -> str:
    w = word.lower().strip("’'")
    if w in ("people", "police", "personnel", "men", "women", "children", "militia", "servicemen", "militiamen"):
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2 and not w.endswith("ss"):
            return w[: -len(suffix)] + repl
    return w


def _measure_of(match: re.Match | None) -> str:
    if not match:
        return ""
    for key in _MEASURES:
        if match.group(key):
            return key
    return ""


_WORD_AFTER = re.compile(r"\s*(?:-\s*)?([A-Za-z%][\w’'-]*|%)")


def _unit_after(text: str, end: int) -> tuple[str, str, int]:
    """The counted noun right after a number: ("soldier", scope "civilian", end offset).

    Words are read one by one from the number on; punctuation ends the search, so
    in "climbed to 39, officials said" the 39 counts nothing named.
    """
    scope = ""
    pos = end
    limit = min(len(text), end + 60)
    while True:
        word_match = _WORD_AFTER.match(text, pos, limit)
        if not word_match:
            break
        word = word_match.group(1)
        low = word.lower()
        if low in ("%", "percent", "per", "pct", "percentage"):
            return "percent", scope, word_match.end()
        sing = _singular(low)
        if sing in _DURATION_DAYS:
            return sing, scope, word_match.end()
        if low in _SKIP or low in ("thousand", "million", "billion"):
            pos = word_match.end()
            continue
        if sing in _SCOPE_WORDS and not scope:
            scope = sing
            pos = word_match.end()
            continue
        if not word[0].isalpha() or low in _NOT_A_UNIT:
            break
        return sing, scope, word_match.end()
    return "", scope, pos


def _measure_before(window: str) -> re.Match | None:
    """The last measure word before a number, if no punctuation and few words lie between."""
    last = None
    for m in _MEASURE_WORD.finditer(window):
        last = m
    if last is None:
        return None
    gap = window[last.end() :]
    if re.search(r"[.;:!?()]", gap) or len(gap.split()) > 12:
        return None
    return last


def _kind(unit: str, text: str, start: int, number: NumberMatch) -> str:
    if unit == "percent":
        return "percent"
    if unit in _DURATION_DAYS:
        return "duration"
    if unit in _MONEY_WORDS or text[max(0, start - 1) : start] in _CURRENCY_SIGNS:
        return "money"
    if number.value != int(number.value) and number.written == "digits" and number.low == number.high \
            and not re.search(r"\d\s*(?:hundred|thousand|million|billion|trillion|k|m|mn|bn|b)\b", number.text, re.I):
        return "decimal"  # "magnitude 5.7", "3.5 metres": a measurement, not a head count
    return "count"


def _bounds(number: NumberMatch, before: str) -> tuple[float, float, bool, int]:
    """Apply "more than" / "about" to the number's interval; returns (low, high, approx, new start)."""
    low, high = number.low, number.high
    m = _MODIFIER.search(before)
    if not m:
        return low, high, number.written == "vague", 0
    if m.group("lower"):
        return low, high * BOUND_SPAN, True, len(before) - m.start()
    if m.group("upper"):
        return low / BOUND_SPAN, high, True, len(before) - m.start()
    return low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE), True, len(before) - m.start()


def extract_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities in a claim's text; offsets are shifted by ``offset`` (the claim's start)."""
    out: list[Quantity] = []
    numbers = find_numbers(text)
    for number in numbers:
        before = text[max(0, number.start - 40) : number.start]
        low, high, approx, back = _bounds(number, before)
        start = number.start - back
        unit, scope, unit_end = _unit_after(text, number.end)
        if _RELATIVE_TIME.match(text[unit_end:]) and unit in _DURATION_DAYS:
            continue  # "four years later", "a week ago": a point in time, not an amount
        kind = _kind(unit, text, number.start, number)
        value, factor = number.value, 1.0
        if kind == "duration":
            factor = _DURATION_DAYS[unit]
        elif kind == "money":
            unit = _MONEY_WORDS.get(unit, _CURRENCY_SIGNS.get(text[max(0, number.start - 1) : number.start], unit))
        # Look for the measure only up to the neighbouring numbers: in "dozens of civilian
        # casualties and hundreds of wounded" each figure has its own.
        next_start = min((n.start for n in numbers if n.start >= number.end), default=len(text))
        prev_end = max((n.end for n in numbers if n.end <= number.start), default=0)
        measure = _UNIT_MEASURE.get(unit, "")
        if not measure:
            after = _MEASURE_AFTER.match(text[unit_end : min(unit_end + 60, next_start)])
            window = text[max(0, start - 120, prev_end) : start]
            before = _measure_before(window)
            # the nearer one wins: "killed 45 and wounded 120"
            if after and (not before or after.start("m") <= len(window) - before.end("m")):
                measure = _measure_of(after)
            else:
                measure = _measure_of(before)
        if kind == "duration":
            # what lasted: "of fighting", "in talks"
            m = re.match(r"\s+(?:of|in)\s+(\w+)", text[unit_end:])
            measure = measure or (m.group(1).lower() if m else "")
        place = (_PLACE_AFTER.match(text[unit_end : min(len(text), unit_end + 60, next_start + 30)])
                 or _PLACE_BEFORE.search(text[max(0, start - 40, prev_end) : start]))
        part = bool(_PART_BEFORE.search(text[max(0, start - 60) : start])
                    or _PART_AFTER.match(text[number.end : number.end + 30]))
        out.append(
            Quantity(
                text=text[start:unit_end].strip() or number.text,
                start=offset + start,
                end=offset + max(unit_end, number.end),
                value=value * factor,
                low=low * factor,
                high=high * factor,
                approximate=approx,
                unit=unit,
                measure=measure,
                scope=scope,
                place=place.group("place") if place else "",
                part=part,
                kind=kind,
            )
        )
    for m in _DURATION_ARTICLE.finditer(text):
        if any(q.start - offset <= m.start() < q.end - offset for q in out):
            continue
        if _RELATIVE_TIME.match(text[m.end() :]):
            continue
        unit = m.group("unit").lower()
        days = _DURATION_DAYS[unit]
        after = re.match(r"\s+(?:of|in)\s+(\w+)", text[m.end() :])
        out.append(Quantity(m.group(0), offset + m.start(), offset + m.end(), days, days, days,
                            unit=unit, measure=after.group(1).lower() if after else "", kind="duration"))
    return sorted(out, key=lambda q: q.start)


def is_person_unit(unit: str) -> bool:
    """The unit counts people ("people", "soldiers", "residents"); units are lower case."""
    return unit in _PERSON_NOUNS
