"""Dates placed on the calendar against the article's publication date, tied to the event they date.

Read from spaCy's DATE entities (plus month and weekday names the tagger left out, and "mid May"):
"on Tuesday", "yesterday", "last week", "earlier this month", "March 5", "March 5, 2019", "in March",
"mid-March", "late last month", "two weeks ago", "the spring of 2017", "2015", "the 1990s".
Each becomes a :class:`~claims.mentions.base.DateSpan`: the first and last day the wording allows.
A weekday or a month with no year is placed by the tense of the verb it dates: the most recent one
on or before publication for a past event, the next one for a future event ("will", "is set to").

Not dates: ages ("54", "54 years old"), durations ("for three years", "a 10-year sentence",
"decades"), frequencies ("annual", "weekly", "every year").

``anchor`` is the lemma of the event verb the date attaches to, found by walking up the parse
(so "On Tuesday, the council voted" dates "vote"); when it is a reporting verb ("said Tuesday")
``features["reporting"]`` is set and ``features["reported"]`` names the verb of what was said.
``features["update"]`` lists words that report a changed plan ("postponed", "originally");
``features["superseded"]`` marks the old date of such a plan and ``features["revised"]`` the new one.

dateparser (PyPI) was tried on these phrasings: it returns a point, not a span, misses "mid-March",
"early October", "earlier this month", misreads "the 1990s", and took 2-15 ms a phrase after a
0.9 s start; so the calendar arithmetic is done here with python-dateutil's relativedelta.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta

from claims.mentions.base import DateSpan, Mention
from claims.mentions.syntax import (REPORTING_VERBS, governing_verb, in_quotes, is_negated, lemma, subject_of, tense,
                                     text_of)

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
# part of a month as days; wider than a third so "mid-March" still meets "March 8" and "March 22"
PARTS = {"early": (1, 12), "beginning": (1, 10), "start": (1, 10), "mid": (8, 22), "middle": (8, 22),
         "late": (18, 31), "end": (21, 31)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "few": 3,
                "a few": 3, "several": 4}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}
UNITS = ("day", "week", "month", "year", "decade")
# Frequencies and durations are no date of an event.
FREQUENCY_WORDS = frozenset({"annual", "annually", "daily", "weekly", "monthly", "yearly", "quarterly",
                             "biweekly", "nightly", "hourly", "every", "each", "per", "decades", "years",
                             "months", "weeks", "days"})
# A changed plan: a later report of a new date is an update, not a contradiction.
UPDATE_LEMMAS = frozenset({"postpone", "delay", "reschedule", "move", "push", "shift", "cancel", "advance",
                           "defer", "bring", "originally", "initially", "previously", "now", "instead"})
# Verbs whose date is ahead of the act: "scheduled for May", "postponed to Friday", "due in June".
SCHEDULING_VERBS = frozenset({"schedule", "set", "plan", "slate", "due", "expect", "postpone", "delay",
                              "reschedule", "move", "push", "shift", "defer", "advance", "bring", "change"})
# Nouns a date phrase can hang from that are times themselves ("last Tuesday night"): walk past them.
_TIME_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "day", "time", "weekend", "noon"})
_REVISING_VERBS = frozenset({"postpone", "delay", "reschedule", "move", "push", "shift", "defer", "advance",
                             "bring", "change"})
_OLD_PLAN_ADVERBS = frozenset({"originally", "initially", "previously"})
_BOUND_PREPS = {"by": "before", "before": "before", "until": "before", "till": "before", "through": "before",
                "since": "after", "after": "after", "from": "after"}

_DECADE = re.compile(r"^(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<full>1\d\d0|20\d0)|['’](?P<short>\d0))\s*['’]?s$")
_WORD_DECADE = re.compile(r"^(?:the\s+)?(?:(?P<century>nineteen|twenty)[\s-]+)?(?P<word>" + "|".join(DECADE_WORDS) + r")$")


# cheap tests before a walk over every token
_CALENDAR_WORD = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS)) + r")\b")
_UPDATE_WORD = re.compile(r"\b(?:postpon|delay|reschedul|mov|push|shift|cancel|advanc|defer|br[io]|originally|"
                          r"initially|previously|now|instead)", re.IGNORECASE)


@dataclass
class Written:
    """The parts of a date phrase as written, before it is placed on the calendar."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # "early", "mid", "late", "end", ...
    season: str | None = None
    decade: int | None = None  # 1990 for "the 1990s"; 90 for "the '90s" until placed
    relative: str | None = None  # "today", "yesterday", "tomorrow"
    unit: str | None = None  # "week"/"month"/"year"/"weekend" of "last week", "earlier this month", "ago"
    shift: str | None = None  # "last", "this", "next"
    within: str | None = None  # "earlier" or "later" (this week, this month, this year)
    ago: tuple[int, int] | None = None  # "two weeks ago": (2, 2); "a few days ago": (2, 5)

    @property
    def bare_weekday(self) -> bool:
        return self.weekday is not None and self.month is None and self.day is None and self.relative is None


class DateReader:
    kinds = ("date",)

    def read(self, doc: Any, offset: int, published: dt.date | None) -> list[Mention]:
        out = []
        update = _update_cues(doc)
        for span in _date_spans(doc):
            written = interpret(span)
            if written is None:
                continue
            out.append(_mention(doc, span, written, offset, published, update))
        return out


def _date_spans(doc: Any) -> list[Any]:
    """DATE entities (widened to take in "mid"/"early"/"late" spaCy left out), then month and weekday
    names outside any entity ("mid May" after a noun, a weekday the tagger missed)."""
    spans = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start
        while start > 0 and (doc[start - 1].lower_ in ("mid", "early", "late", "-") and
                             not (doc[start - 1].lower_ == "-" and start < 2)):
            start -= 1
        if doc[start].lower_ == "-":
            start += 1
        span = doc[start:ent.end]
        spans.append(span)
        covered.update(range(span.start, span.end))
    if not _CALENDAR_WORD.search(text_of(doc)):
        return sorted(spans, key=lambda s: s.start)
    for tok in doc:
        if tok.i in covered or tok.ent_type_ == "PERSON" or tok.tag_ == "MD":
            continue
        word = tok.lower_.rstrip(".")
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and (
                (word in MONTHS and (len(word) > 3 or tok.text.endswith(".") or word == "may"))
                or (word in WEEKDAYS and len(word) > 4)):
            start = tok.i
            if start > 0 and doc[start - 1].lower_ in ("mid", "early", "late"):
                start -= 1
            elif start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "mid":
                start -= 2
            end = tok.i + 1
            if end < len(doc) and doc[end].like_num and doc[end].text.isdigit() and int(doc[end].text) <= 31:
                end += 1  # "May 5" outside an entity
            spans.append(doc[start:end])
            covered.update(range(start, end))
    return sorted(spans, key=lambda s: s.start)


def interpret(span: Any) -> Written | None:
    """The parts of a date phrase, or None for what is no date: an age, a duration, a frequency."""
    text = " ".join(span.text.lower().replace("’", "'").split())
    words = [w for w in re.findall(r"[a-z]+|\d+(?:st|nd|rd|th)?|'\d\d", text)]
    if not words:
        return None
    w = Written()
    m = _DECADE.match(text)
    if m:
        w.decade = int(m.group("full")) if m.group("full") else int(m.group("short"))
        if m.group("part"):
            w.part = m.group("part")
        return w
    m = _WORD_DECADE.match(text)
    if m:
        century = {"nineteen": 1900, "twenty": 2000}.get(m.group("century") or "", 0)
        w.decade = century + DECADE_WORDS[m.group("word")]
        return w
    if _is_age_or_duration(span, words):
        return None
    numbers = [int(re.match(r"\d+", x).group(0)) for x in words if x[0].isdigit()]
    for x in words:
        if x in MONTHS and w.month is None:
            w.month = MONTHS[x]
        elif x in WEEKDAYS and w.weekday is None:
            w.weekday = WEEKDAYS[x]
        elif x in SEASONS:
            w.season = x
        elif x in PARTS or x in ("beginning", "start", "end", "middle"):
            w.part = x
        elif x in ("today", "tonight", "yesterday", "tomorrow"):
            w.relative = x
        elif x in ("last", "next", "this", "past", "coming", "previous"):
            w.shift = {"past": "last", "previous": "last", "coming": "next"}.get(x, x)
        elif x in ("earlier", "later"):
            w.within = x
        elif x.rstrip("s") in (*UNITS, "weekend") and w.unit is None:
            w.unit = x.rstrip("s")
    if "ago" in words or (words[-1] == "earlier" and len(words) > 1):
        n = _count(text)
        if n is None or w.unit is None:
            return None
        w.ago = n
        w.shift = w.within = None
        return w
    for n in numbers:
        if 1000 <= n <= 2100 and w.year is None:
            w.year = n
        elif 1 <= n <= 31 and w.month is not None and w.day is None:
            w.day = n
    if "night" in words and w.shift == "last" and w.unit is None and w.weekday is None:
        w.relative, w.shift = "yesterday", None  # "last night"
    if any(x in ("morning", "afternoon", "evening") for x in words) and w.shift == "this" and w.unit is None:
        w.relative, w.shift = "today", None  # "this morning"
    if w.month is None and w.weekday is None and w.year is None and w.season is None and w.relative is None \
            and w.unit is None:
        return None
    if w.unit and w.shift is None and w.year is None and w.month is None and w.season is None:
        return None  # "the week", "a month": no calendar place
    return w


def _count(text: str) -> tuple[int, int] | None:
    """How many units an "ago" phrase counts: "two weeks ago" (2, 2), "a few days ago" (2, 5)."""
    m = re.search(r"(\d+|a couple of|a few|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                  r"eleven|twelve)\s+(?:more\s+)?(?:day|week|month|year|decade)s?\s+(?:ago|earlier)", text)
    if m is None:
        return None
    word = m.group(1)
    if word in ("a few", "few"):
        return (2, 5)
    if word == "several":
        return (3, 7)
    n = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return (n, n)


def _is_age_or_duration(span: Any, words: list[str]) -> bool:
    """Ages, durations and frequencies the tagger calls DATE."""
    if set(words) & FREQUENCY_WORDS and "ago" not in words and not any(x in MONTHS for x in words):
        return True  # "annual", "every year", "decades", "the past three years"
    if any(x in ("old", "age", "aged", "ages") for x in words):
        return True  # "54 years old", "the age of 54"
    if all(x[0].isdigit() for x in words) and not any(1000 <= int(re.match(r"\d+", x).group(0)) <= 2100
                                                      for x in words):
        return True  # a bare number: an age or a count, not a date ("Novak, 54,")
    if any(t.dep_ in ("compound", "amod") and t.lower_ in UNITS and t.head.i >= span.end for t in span) or \
            any(t.text == "-" for t in span) and words[-1] in UNITS:
        return True  # "a 10-year sentence", "the three-day summit"
    if words[-1].rstrip("s") in UNITS and words[-1].endswith("s") and "ago" not in words:
        return True  # "three years", "the past five years": how long, not when
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("for", "over", "during", "within") and words[-1].rstrip("s") in UNITS:
        return True  # "for a year", "within a month"
    return False


def place(w: Written, published: dt.date | None, when: str) -> DateSpan | None:
    """The calendar span a written date allows, read against the publication date; None when it cannot be
    placed (a relative date, or a month with no year, and no publication date). ``when`` is the tense of
    the event: "past", "future" or "present"."""
    if w.decade is not None:
        decade = w.decade
        if decade < 100:  # "the '90s": the most recent such decade not after publication
            this_century = (published.year if published else 2000) // 100 * 100
            decade = this_century + decade if this_century + decade <= (published.year if published else 2000) \
                else this_century - 100 + decade
        first, last = decade, decade + 9
        if w.part in ("early",):
            last = decade + 4
        elif w.part in ("late",):
            first = decade + 5
        elif w.part == "mid":
            first, last = decade + 3, decade + 7
        return DateSpan(dt.date(first, 1, 1), dt.date(last, 12, 31), "decade")
    if w.ago is not None:
        if published is None:
            return None
        return _ago(w, published)
    if w.relative is not None:
        if published is None:
            return None
        day = published + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w.relative])
        return DateSpan(day, day, "day")
    if w.month is not None:
        return _place_month(w, published, when)
    if w.season is not None:
        return _place_season(w, published, when)
    if w.year is not None:
        if w.part:
            lo, hi = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
                      "late": (9, 12), "end": (10, 12)}[w.part]
            return DateSpan(dt.date(w.year, lo, 1), _month_end(w.year, hi), "part")
        return DateSpan(dt.date(w.year, 1, 1), dt.date(w.year, 12, 31), "year")
    if published is None:
        return None
    if w.weekday is not None:
        return _place_weekday(w, published, when)
    if w.unit is not None:
        return _place_unit(w, published)
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _place_month(w: Written, published: dt.date | None, when: str) -> DateSpan | None:
    year = w.year
    if year is None:
        if published is None:
            return None
        if w.shift == "last":
            year = published.year - 1 if w.month >= published.month else published.year
        elif w.shift == "next":
            year = published.year + 1 if w.month <= published.month else published.year
        elif w.shift == "this":
            year = published.year
        elif w.weekday is not None and w.day is not None:
            year = _year_of_weekday(w, published) or _nearest_year(w.month, w.day, published, when)
        else:
            year = _nearest_year(w.month, w.day, published, when)
    last_day = calendar.monthrange(year, w.month)[1]
    if w.day is not None:
        if w.day > last_day:
            return None
        day = dt.date(year, w.month, w.day)
        return DateSpan(day, day, "day")
    if w.part is not None:
        lo, hi = PARTS[w.part]
        return DateSpan(dt.date(year, w.month, lo), dt.date(year, w.month, min(hi, last_day)), "part")
    return DateSpan(dt.date(year, w.month, 1), dt.date(year, w.month, last_day), "month")


def _year_of_weekday(w: Written, published: dt.date) -> int | None:
    """ "Monday, March 4" with no year: the year next to publication in which March 4 is a Monday."""
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            if dt.date(year, w.month, w.day).weekday() == w.weekday:
                return year
        except ValueError:
            return None
    return None


def _nearest_year(month: int, day: int | None, published: dt.date, when: str) -> int:
    """The year of a month (and day) written without one: the latest not after publication for a past
    event, the earliest not before it for a future one, the nearer of the two otherwise."""
    this_year = (month, day or 1) <= (published.month, published.day) if day else month <= published.month
    past_year = published.year if this_year else published.year - 1
    coming = (month, day or 31) >= (published.month, published.day) if day else month >= published.month
    future_year = published.year if coming else published.year + 1
    if when == "past":
        return past_year
    if when == "future":
        return future_year
    d = day or 15
    past_gap = abs((published - dt.date(past_year, month, min(d, 28))).days)
    future_gap = abs((dt.date(future_year, month, min(d, 28)) - published).days)
    return past_year if past_gap <= future_gap else future_year


def _place_season(w: Written, published: dt.date | None, when: str) -> DateSpan | None:
    first_month, last_month = SEASONS[w.season]
    year = w.year
    if year is None:
        if published is None:
            return None
        started_this_year = first_month <= published.month or (w.season == "winter" and published.month <= 2)
        start_year = published.year if started_this_year else published.year - 1
        if w.season == "winter" and published.month <= 2:
            start_year = published.year - 1
        if w.shift == "last":
            start_year -= 1 if (w.season != "winter" and started_this_year) else 0
        elif w.shift == "next" or (w.shift != "this" and when == "future" and not started_this_year):
            start_year += 1
        year = start_year
    end_year = year + 1 if last_month < first_month else year
    return DateSpan(dt.date(year, first_month, 1), _month_end(end_year, last_month), "season")


def _place_weekday(w: Written, published: dt.date, when: str) -> DateSpan:
    """The most recent such weekday on or before publication for a past event ("last Tuesday": before it),
    the next on or after it for a future one ("next Tuesday": after it)."""
    back = (published.weekday() - w.weekday) % 7
    ahead = (w.weekday - published.weekday()) % 7
    if w.shift == "last":
        day = published - dt.timedelta(days=back or 7)
    elif w.shift == "next":
        day = published + dt.timedelta(days=ahead or 7)
    elif when == "future":
        day = published + dt.timedelta(days=ahead)
    else:
        day = published - dt.timedelta(days=back)
    return DateSpan(day, day, "day")


def _place_unit(w: Written, published: dt.date) -> DateSpan | None:
    """ "last week", "earlier this month", "later this year", "next weekend"."""
    step = {"last": -1, "next": 1}.get(w.shift or "", 0)
    if w.unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        first, last = (monday, monday + dt.timedelta(days=6)) if w.unit == "week" else \
            (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        granularity = "week"
    elif w.unit == "month":
        anchor = published + relativedelta(months=step)
        first, last = anchor.replace(day=1), _month_end(anchor.year, anchor.month)
        granularity = "month"
        if w.part is not None:
            lo, hi = PARTS[w.part]
            first, last = anchor.replace(day=lo), anchor.replace(day=min(hi, last.day))
            granularity = "part"
    elif w.unit == "year":
        year = published.year + step
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        granularity = "year"
    else:
        return None
    if w.within == "earlier":
        last = min(last, published)
    elif w.within == "later":
        first = max(first, published)
    return DateSpan(first, last, granularity)


def _ago(w: Written, published: dt.date) -> DateSpan | None:
    """ "two weeks ago": the day that many units back, give or take half a unit (days are exact)."""
    lo, hi = w.ago
    unit = w.unit
    if unit == "day":
        return DateSpan(published - dt.timedelta(days=hi), published - dt.timedelta(days=lo), "day")
    if unit == "week":
        return DateSpan(published - dt.timedelta(days=7 * hi + 3), published - dt.timedelta(days=7 * lo - 3), "week")
    if unit == "month":
        return DateSpan(published - relativedelta(months=hi) - dt.timedelta(days=15),
                        published - relativedelta(months=lo) + dt.timedelta(days=15), "month")
    if unit in ("year", "decade"):
        years = 10 if unit == "decade" else 1
        return DateSpan(published - relativedelta(years=years * hi, months=6),
                        published - relativedelta(years=years * lo) + relativedelta(months=6), unit)
    return None


def _update_cues(doc: Any) -> tuple[str, ...]:
    """Words of the claim that report a changed plan ("postponed", "moved to", "originally", "now")."""
    cues = set()
    if not _UPDATE_WORD.search(text_of(doc)):
        return ()
    for tok in doc:
        lem = tok.lemma_.lower()
        if lem in ("move", "push", "bring", "advance", "shift") and not _moves_a_date(tok):
            continue  # "moved to Friday", "pushed back" are updates; "moved the troops", "bring to Lisbon" are not
        if lem in ("later", "first") and tok.pos_ != "ADV":
            continue
        if lem in UPDATE_LEMMAS and (tok.pos_ in ("VERB", "ADV") or lem == "now"):
            cues.add(lem)
    return tuple(sorted(cues))


def _moves_a_date(verb: Any) -> bool:
    """ "pushed back", "moved up", "brought forward", or "moved to <a date>"."""
    for c in verb.children:
        if c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "back", "forward"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "until"):
            if any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
                return True
    return False


def _anchor(span: Any) -> tuple[Any | None, str]:
    """The word the date dates: the first verb above it, or an event noun it modifies directly
    ("the March 5 election", "Tuesday's vote")."""
    root = span.root
    while root.head is not root and root.head.lemma_.lower() in _TIME_NOUNS and root.dep_ in ("compound", "npadvmod",
                                                                                               "amod", "nmod"):
        root = root.head  # "last Tuesday night": the night is the date's own
    head = root.head
    if head is not root and head.pos_ in ("NOUN", "PROPN") and root.dep_ in ("compound", "poss", "nmod", "npadvmod",
                                                                              "amod"):
        return head, "noun"
    if head is not root and head.pos_ == "ADP" and head.head.pos_ == "NOUN" and head.dep_ == "prep" and \
            head.head.dep_ not in ("pobj",):
        return head.head, "noun"  # "the vote on Tuesday" where the parser hung the phrase on the noun
    verb = governing_verb(root)
    if verb is None:
        return None, ""
    if verb.lemma_ == "be":
        subject = subject_of(verb)
        if subject is not None and subject.pos_ == "NOUN":
            return subject, "noun"  # "The vote was on Tuesday": the date of the vote
    return verb, "verb"


def _mention(doc: Any, span: Any, w: Written, offset: int, published: dt.date | None,
             update: tuple[str, ...]) -> Mention:
    anchor, anchor_pos = _anchor(span)
    verb = anchor if anchor_pos == "verb" else (governing_verb(anchor) if anchor is not None else None)
    when = tense(verb) if verb is not None else "past"
    if verb is not None and verb.lemma_ in REPORTING_VERBS and when == "present":
        when = "past"  # headline present: "Novak says Tuesday ..."
    revised = verb is not None and _revised(span, verb)
    superseded = verb is not None and _superseded(verb)
    # a date something is scheduled for or moved to lies ahead of the scheduling, whatever its tense
    ahead = verb is not None and verb.lemma_ in SCHEDULING_VERBS and _prep_of(span) in ("for", "to", "until", "till")
    value = place(w, published, "future" if ahead or revised else when)
    features: dict[str, Any] = {
        "tense": when, "anchor_pos": anchor_pos, "update": update, "is_quote": in_quotes(doc, span.start_char),
        "negated": bool(verb is not None and is_negated(verb)),
        "weekday": w.weekday, "month": w.month, "day": w.day, "year": w.year, "bare_weekday": w.bare_weekday,
        "relative": bool(w.relative or w.shift or w.ago),
    }
    if verb is not None:
        subject = subject_of(verb)
        if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            subject = verb.head  # "the talks, which began in 2017": the talks began
        if subject is not None:
            features["subject"] = subject.lemma_.lower()
        if verb.lemma_ in REPORTING_VERBS:
            features["reporting"] = True
            said = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
            if said is not None:
                features["reported"] = said.lemma_.lower()
        features["superseded"] = superseded
        features["revised"] = revised
        if verb.lemma_ in SCHEDULING_VERBS:
            # "the vote was postponed to Friday", "postponed the vote": the event is the scheduled thing
            event = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None) \
                or (subject if subject is not None and subject.pos_ == "NOUN" else None)
            if event is not None:
                features["event"] = event.lemma_.lower()
    prep = _prep_of(span)
    if prep:
        features["prep"] = prep
        if prep in _BOUND_PREPS:
            features["bound"] = _BOUND_PREPS[prep]
    return Mention(
        kind="date", start=offset + span.start_char, end=offset + span.end_char, text=span.text, value=value,
        key=_key(value, w), anchor=lemma(anchor), verb=lemma(verb), features=features,
        hedge="about" if span.start > 0 and doc[span.start - 1].lower_ in ("about", "around", "circa") else "",
    )


def _prep_of(span: Any) -> str:
    """The preposition a date phrase hangs from ("on", "in", "by", "since"), or ""."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None and span.start > 0 and span.doc[span.start - 1].pos_ == "ADP":
        prep = span.doc[span.start - 1]
    return prep.lower_ if prep is not None and prep.pos_ in ("ADP", "SCONJ") else ""


def _superseded(verb: Any) -> bool:
    """The old date of a changed plan: "originally scheduled for May", "had been set for Tuesday"."""
    for tok in (verb, verb.head):
        for c in tok.children:
            if c.dep_ == "advmod" and (c.lower_ in _OLD_PLAN_ADVERBS or
                                       (c.lower_ in ("first", "once") and tok.lemma_ in SCHEDULING_VERBS)):
                return True
    return any(c.lower_ == "had" for c in verb.children if c.dep_ == "aux") and verb.lemma_ in (
        "schedule", "set", "plan", "expect", "slate")


def _revised(span: Any, verb: Any) -> bool:
    """The new date of a changed plan: "postponed to Friday", "moved the vote to June 3"."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    return verb.lemma_ in _REVISING_VERBS and (prep is None or prep.lower_ in ("to", "until", "till", "for", "on"))


def _key(value: DateSpan | None, w: Written) -> str:
    if value is None:
        parts = [str(w.year or ""), f"{w.month:02d}" if w.month else "", f"{w.day:02d}" if w.day else ""]
        written = "-".join(parts).strip("-")
        return written or (WEEKDAY_NAMES[w.weekday].lower() if w.weekday is not None else "")
    if value.granularity == "day":
        return value.first.isoformat()
    if value.granularity == "month" and value.first.day == 1 and (value.last + dt.timedelta(days=1)).day == 1:
        return value.first.strftime("%Y-%m")
    if value.granularity == "year" and value.first.timetuple().tm_yday == 1 and value.last.month == 12 \
            and value.last.day == 31:
        return str(value.first.year)
    if value.granularity == "decade" and value.last.year - value.first.year == 9:
        return f"{value.first.year}s"
    return f"{value.first.isoformat()}/{value.last.isoformat()}"


def differ(a: Mention, b: Mention) -> str | None:
    """Why two dates cannot both be right, or None when they can.

    Compatible: spans that overlap (a month and a day inside it, a year and a date in it), a weekday and
    a date that falls on it, two dates of which one is a bound ("by March 5") the other keeps, and a date
    given as the new or old one of a changed plan ("postponed to Friday", "originally set for May")
    against one given without the change (an update, not a contradiction). When a
    date cannot be placed (no publication date), the parts written in both (year, month, day, weekday)
    are compared.
    """
    if a.kind != "date" or b.kind != "date":
        return None
    fa, fb = a.features, b.features
    said = f"“{a.text}” vs “{b.text}”"
    changed_a = bool(fa.get("revised") or fa.get("superseded"))
    changed_b = bool(fb.get("revised") or fb.get("superseded"))
    if changed_a != changed_b:
        return None  # one side reports a changed plan ("postponed to Friday"): the other may predate it
    if fa.get("bare_weekday") or fb.get("bare_weekday"):
        weekday_reason = _weekday_differ(a, b, said)
        if weekday_reason is not False:
            return weekday_reason
    if a.value is None or b.value is None:
        for part in ("year", "month", "day", "weekday"):
            x, y = fa.get(part), fb.get(part)
            if x is not None and y is not None and x != y:
                return f"{said} ({part} differs)"
        return None
    first_a, last_a = _bounded(a)
    first_b, last_b = _bounded(b)
    if first_a <= last_b and first_b <= last_a:
        return None
    gap = (first_b - last_a).days if last_a < first_b else (first_a - last_b).days
    return f"{said} ({_apart(gap, a.value, b.value)})"


def _weekday_differ(a: Mention, b: Mention, said: str) -> str | None | bool:
    """A bare weekday against another date: compared by weekday, not by where each article placed it.
    False when the weekday rule does not decide (the other date is a week or longer)."""
    wa, wb = a.features.get("weekday"), b.features.get("weekday")
    if a.features.get("bare_weekday") and b.features.get("bare_weekday"):
        if wa == wb:
            return None
        apart = min((wa - wb) % 7, (wb - wa) % 7)
        return f"{said} ({'a day' if apart == 1 else f'{apart} days'} apart)"
    weekday, other = (a, b) if a.features.get("bare_weekday") else (b, a)
    if isinstance(other.value, DateSpan) and other.value.granularity == "day":
        day = other.value.first
        if day.weekday() == weekday.features["weekday"]:
            return None
        return f"{said} ({other.text} is a {WEEKDAY_NAMES[day.weekday()]})"
    if other.value is None and other.features.get("weekday") is not None:
        return None if other.features["weekday"] == weekday.features["weekday"] else f"{said} (weekday differs)"
    return False


def _bounded(m: Mention) -> tuple[dt.date, dt.date]:
    """The span a date allows, opened on one side by "by/before/until" or "since/after"."""
    first, last = m.value.first, m.value.last
    bound = m.features.get("bound")
    if bound == "before":
        first = dt.date.min
    elif bound == "after":
        last = dt.date.max
    return first, last


def _apart(gap_days: int, a: DateSpan, b: DateSpan) -> str:
    """How far apart two dates that do not overlap are, in the coarser of their units."""
    coarse = {a.granularity, b.granularity}
    if coarse & {"year", "decade"}:
        years = abs(a.first.year - b.first.year)
        return "a year apart" if years == 1 else f"{years} years apart"
    if coarse & {"month", "part", "season"} or gap_days >= 60:
        months = abs((a.first.year * 12 + a.first.month) - (b.first.year * 12 + b.first.month))
        if months >= 24:
            return f"{round(months / 12)} years apart"
        return "a month apart" if months <= 1 else f"{months} months apart"
    return "a day apart" if gap_days == 1 else f"{gap_days} days apart"
