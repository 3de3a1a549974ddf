"""Find numbers in text, written in digits or in words, with their offsets.

"1,200", "1,200,000", "3.5 million", "one million", "eleven", "three and a half",
"the 2 warring nations", "dozens", "hundreds of thousands" all become a
:class:`NumberMatch` with a value and the interval the wording allows.
Years, dates, clock times ("9 p.m.", "six o'clock"), model names ("Su-25") and
ordinals are not numbers here: dates are extracted separately and the others count nothing.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
_SCALE_ABBR = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
# Plural scale words used as vague amounts: "dozens", "hundreds of", "thousands".
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9)}
_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen", "a", "an", "and", "half", "quarter"], key=len, reverse=True))
_WORD_RUN = re.compile(rf"\b(?:{_WORD})(?:[\s-]+(?:{_WORD}))*\b", re.I)
_DIGITS = re.compile(
    r"(?<![\w.,-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<abbr>k|m|mn|bn|b)\b)?"
    # "12-word motto", "90-page report" count words and pages; "Su-25" and "2014-15" are names and ranges
    r"(?![\w-]*\d)(?!-(?!(?-i:[a-z]{3,}\s+[a-z]))[A-Za-z])",
    re.I,
)
# Longer digit strings are IDs, hashes or junk, not counts (the world's GDP in cents has 16 digits);
# a 310-digit one made float() overflow to inf further on.
MAX_DIGITS = 18
_VAGUE_RE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of )?(?P<word>dozens|scores|hundreds|thousands|millions|billions)\b", re.I
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NEXT_TO_MONTH = re.compile(rf"\b(?:{MONTHS})\.?\s*$|^\s*(?:{MONTHS})\b", re.I)
# What follows an hour on a clock: "9 p.m.", "10 a.m. ET", "7pm", "six o'clock", "3 in the morning", and the first
# hour of a span, "between 7 and 9 p.m.", "from 8 to 10 a.m.". A clock time counts nothing.
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_CLOCK_AFTER = re.compile(
    rf"(?:\s*(?:-|–|to|and|or|until|till)\s*(?:\d{{1,2}}|{_HOUR_WORDS})(?:[:.][0-5]\d)?)?"
    r"\s*(?:[ap]\.\s?m\b\.?|[ap]m\b|o['’]clock\b)",
    re.I,
)
# "at 3 in the morning" is an hour, but "two in the evening" after a toll counts people: only after "at".
_AT_BEFORE = re.compile(r"\bat\s+(?:about\s+|around\s+)?$", re.I)
_PART_OF_DAY_AFTER = re.compile(r"\s+in\s+the\s+(?:morning|afternoon|evening)\b", re.I)
# "Nineteen Seventies", "twenty-twenties": a decade, not a number
_DECADE_AFTER = re.compile(r"^[\s-]+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    written: str  # "digits" | "words" | "vague"


def words_to_number(words: str) -> float | None:
    """Value of an English number phrase: "three and a half" -> 3.5, "one million" -> 1e6."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t]
    if not tokens:
        return None
    total, current, seen_number, fraction = 0.0, 0.0, False, 0.0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in UNITS:
            current += UNITS[t]
            seen_number = True
        elif t in TENS:
            current += TENS[t]
            seen_number = True
        elif t == "dozen":
            current = (current or 1) * 12
            seen_number = True
        elif t == "hundred":
            current = (current or 1) * 100
            seen_number = True
        elif t in SCALES:
            total += (current or 1) * SCALES[t]
            current = 0
            seen_number = True
        elif t in ("a", "an"):
            # "a million", "a half": 'a' stands for one only before a scale word or fraction
            if i + 1 < len(tokens) and (tokens[i + 1] in SCALES or tokens[i + 1] in ("half", "quarter", "dozen")):
                if tokens[i + 1] in ("half", "quarter"):
                    fraction = 0.5 if tokens[i + 1] == "half" else 0.25
                    i += 2
                    continue
            elif seen_number:
                return None
        elif t == "and":
            pass
        elif t in ("half", "quarter"):
            fraction = 0.5 if t == "half" else 0.25
        else:
            return None
        i += 1
    if not seen_number:
        return None
    return total + current + fraction


def _is_dateish(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    return bool(_NEXT_TO_MONTH.search(before) or _NEXT_TO_MONTH.search(after))


def is_clock_time(value: float, text: str, start: int, end: int) -> bool:
    """An hour of the day ("9 p.m.", "11.30pm", "six o'clock", "at 3 in the morning")."""
    if not 0 <= value <= 24:
        return False
    if _CLOCK_AFTER.match(text, end):
        return True
    return bool(_PART_OF_DAY_AFTER.match(text, end) and _AT_BEFORE.search(text[max(0, start - 16) : start]))


def is_year(value: float, raw: str, text: str, end: int) -> bool:
    """A bare four-digit number that reads as a year ("in 1994", "1990s", "2014-15")."""
    if "," in raw or "." in raw or not (1500 <= value <= 2100):
        return False
    # "2000 ballots" counts ballots; "1994 ceasefire", "in 1994 talks failed" are years
    if re.search(r"\b(?:in|since|from|by|until|of|before|after|during)\s+$", text[max(0, end - len(raw) - 8) : end - len(raw)], re.I):
        return True
    return not re.match(r"\s+(?!years\b|times\b)[a-z]+s\b", text[end : end + 30])


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` that may count something (years and dates excluded)."""
    found: list[NumberMatch] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for m in _VAGUE_RE.finditer(text):
        low, high = VAGUE[m.group("word").lower()]
        if m.group("tens"):  # "tens of thousands", "hundreds of thousands"
            mult = 10 if m.group("tens").lower() == "tens" else 100
            low, high = low * mult / 2, high * mult
        # "hundreds of thousands": the inner word is a scale, not its own amount
        found.append(NumberMatch(m.start(), m.end(), m.group(0), (low * high) ** 0.5, low, high, "vague"))
        taken.append((m.start(), m.end()))

    for m in _DIGITS.finditer(text):
        raw = m.group("num")
        if len(raw.split(".")[0].replace(",", "")) > MAX_DIGITS:
            continue
        value = float(raw.replace(",", ""))
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        # "Su-25", "TB2", "2014-15": part of a name or a range of years
        if s > 0 and (text[s - 1].isalpha() or (text[s - 1] == "-" and s > 1 and text[s - 2].isalnum())):
            continue
        if re.match(r"\s*(?:st|nd|rd|th)\b", text[e:]) or re.match(r"(?:st|nd|rd|th)\b", text[m.end("num"):]):
            continue
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        elif m.group("abbr"):
            value *= _SCALE_ABBR[m.group("abbr").lower()]
        elif is_year(value, raw, text, e) or _is_dateish(text, s, e):
            continue
        if re.match(r"[:/]\d", text[e : e + 2]) or (s > 0 and text[s - 1] in ":/"):
            continue  # times and dates: "21:52", "15/10/20"
        if not (m.group("scale") or m.group("abbr")) and is_clock_time(value, text, s, e):
            continue
        found.append(NumberMatch(s, e, text[s:e], value, value, value, "digits"))
        taken.append((s, e))

    for m in _WORD_RUN.finditer(text):
        s, e = m.start(), m.end()
        phrase = m.group(0)
        # Trim leading/trailing glue words ("and", "a") that are not part of the number.
        while True:
            stripped = re.sub(r"^(?:and|a|an)[\s-]+(?!half|quarter|hundred|thousand|million|billion|dozen)", "", phrase, flags=re.I)
            stripped = re.sub(r"[\s-]+(?:and|a|an)$", "", stripped, flags=re.I)
            if stripped == phrase:
                break
            s += phrase.find(stripped)
            phrase = stripped
        e = s + len(phrase)
        if not phrase or not free(s, e):
            continue
        value = words_to_number(phrase)
        if value is None or not math.isfinite(value):  # "trillion trillion ..." overflows to inf
            continue
        tokens = re.split(r"[\s-]+", phrase.lower())
        # A lone "one"/"a" is mostly a pronoun or article ("no one", "one of the").
        if len(tokens) == 1 and tokens[0] in ("one", "a", "an", "half", "quarter", "and"):
            continue
        if _is_dateish(text, s, e) and value <= 31:
            continue
        if _DECADE_AFTER.match(text[e:]) or is_clock_time(value, text, s, e):
            continue
        found.append(NumberMatch(s, e, text[s:e], value, value, value, "words"))
        taken.append((s, e))
    return sorted(found, key=lambda n: n.start)
