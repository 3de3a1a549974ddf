"""Figures, ages and clock times read off a dependency parse.

:class:`FigureReader` turns every number that is a quantity of the event into a ``figure``
mention ("about $7.2 billion" in aid, "2.4 million" homes, "30%" of workers, "shot seven times"),
a person's age into an ``age`` mention ("Jana Novak, 54," / "a 54-year-old" / "aged 54") and a
time of day into a ``time`` mention ("9 p.m.", "10:30 a.m. ET", "noon"). Numbers that count
nothing get no mention: ranks and labels ("the third time", "No. 2 official", "Sweet 16",
"Apollo 11", "Juvenile #1"), numbers to call ("call 911", "555-0142"), photo counters ("1 / 5"),
street numbers, section and model numbers, years and days of the month (the date reader's),
"one of the" and "one" as a pronoun.

A figure's value is an :class:`~claims.mentions.base.Interval` taken from its precision as
written: "2.4 million" allows 2.35 to 2.45 million, "870" allows 869.5 to 870.5; a hedge widens
it ("about", "nearly") or opens one side ("more than", "up to"). :func:`differ` says whether two
values conflict; whether two mentions state the same fact is the verifier's call.

The number itself is read from the token text (spaCy keeps "7.2bn" and "9.30pm" as one token);
everything around it (what it counts, whether it is a part of a whole, whose age it is, which
verb a time belongs to) comes from the parse.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from claims.extract.numbers import SCALES, TENS, UNITS, VAGUE, words_to_number
from claims.mentions.base import Interval, Mention

# --- vocabularies -----------------------------------------------------------------------

_SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
_NUMBER_WORDS = {*UNITS, *TENS, *SCALES, "dozen"}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "tenth": 10, "tenths": 10}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}
_CURRENCY_SIGNS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee",
                   "usd": "dollar", "eur": "euro", "gbp": "pound"}
# "pounds" is left out: in most English news it weighs ("lost 110 pounds"); sterling is written "£"
_CURRENCY_WORDS = {"dollar", "euro", "yen", "yuan", "rupee", "ruble", "rouble", "franc", "peso",
                   "cent", "lira", "shekel", "naira", "rand", "krona", "krone"}
_DURATIONS_IN_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
                      "fortnight": 14, "month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525}
# "two years ago", "a week later": a point in time (the date reader's), not an amount
_RELATIVE_AFTER = {"ago", "later", "earlier", "before", "after", "since", "prior"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec"}
# Nouns counted in the singular ("300 staff"): a number before any other singular noun labels it.
_COLLECTIVE = {"staff", "personnel", "crew", "police", "cattle", "livestock", "head", "militia", "infantry",
               "clergy", "youth", "poultry", "people", "percent", "dozen"}
# Entities a number can be part of the name of: "Apollo 11", "Chapter 11", "Windows 10"
_NAME_ENTITIES = {"PERSON", "ORG", "PRODUCT", "LAW", "EVENT", "FAC", "WORK_OF_ART", "GPE", "LOC", "NORP"}
# A number you call or text is an address, not an amount.
_CONTACT_VERBS = {"call", "dial", "text", "phone", "ring"}
_LABEL_MARKS = {"no", "no.", "nos", "nos.", "#", "number", "num", "num."}
_RANK_VERBS = {"rank", "finish", "place", "seed", "come", "slip", "drop", "climb", "rise", "fall"}
# Nouns an ordinal counts along: "the 100th day", "the fourth consecutive year", "his second term".
_SEQUENCE_NOUNS = {"day", "week", "month", "year", "anniversary", "birthday", "term", "season", "round"}
# "three times as many", "five times more": a multiplier, not a count of times
_MULTIPLIER_AFTER = {"as", "more", "less", "fewer", "higher", "greater", "larger", "bigger", "smaller",
                     "lower", "the", "that", "over"}
_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’", "``", "''"}
_POSSESSIVES = {"his", "her", "their"}
_DOLLAR_PREFIXES = {"US", "C", "A", "HK", "NZ", "S"}  # "US $40", "C $12"
# Verbs whose subject is what a bare number is of: "the toll rose to 41", "turnout was 61"
_CHANGE_VERBS = {"be", "rise", "climb", "reach", "stand", "hit", "increase", "jump", "grow", "fall", "drop",
                 "decline", "total", "top", "exceed", "surpass"}

# Hedges before a figure and what they do to it: "about" widens both sides, "more than" opens
# the top ("lower": the figure is a lower bound), "up to" opens the bottom, "nearly" stays below.
_HEDGES: dict[tuple[str, ...], str] = {}
for _words, _bound in (
    ("about|around|roughly|approximately|some|circa|approx.|~|estimated|an estimated|close to|"
     "in the region of|on the order of", "about"),
    ("nearly|almost|just under|just shy of|shy of|a little under|slightly under|slightly less than|"
     "a little less than", "nearly"),
    ("just over|a little over|slightly over|slightly more than|a little more than|just above", "over"),
    ("more than|over|above|at least|upwards of|in excess of|exceeding|no fewer than|no less than|"
     "well over|well above|as few as|as little as|a minimum of", "lower"),
    ("up to|as many as|as much as|fewer than|less than|under|at most|no more than|below|well under|"
     "well below|a maximum of|not more than|not even", "upper"),
):
    for _phrase in _words.split("|"):
        _HEDGES[tuple(_phrase.split())] = _bound
# What a hedge allows around a figure: "about 870" is within 10% or within the rounding of its
# last nonzero digit (about 300: 250..350), whichever is wider.
HEDGE_SHARE = 0.1
# A figure written with one significant digit ("1 million", "about 300") is read as a rounding, but
# never as allowing more than a quarter either side
ROUNDING_CAP = 0.25

# Times of day
_MERIDIEM = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}
_PARTS_OF_DAY = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}
_TIME_WORDS = {"noon": 720, "midday": 720, "midnight": 0}
# minutes from UTC, for comparing "9 p.m. ET" with "6 p.m. PT"
_TIME_ZONES = {"et": -300, "est": -300, "edt": -240, "ct": -360, "cst": -360, "cdt": -300, "mt": -420,
               "mst": -420, "mdt": -360, "pt": -480, "pst": -480, "pdt": -420, "gmt": 0, "utc": 0, "bst": 60,
               "cet": 60, "cest": 120}
_TIME_HEDGES = {("about",): "about", ("around",): "about", ("approximately",): "about", ("roughly",): "about",
                ("shortly", "after"): "after", ("just", "after"): "after", ("soon", "after"): "after",
                ("shortly", "before"): "before", ("just", "before"): "before", ("before",): "until",
                ("a", "little", "before"): "before", ("a", "little", "after"): "after", ("just", "past"): "after",
                ("by",): "until", ("until",): "until", ("till",): "until", ("after",): "from", ("since",): "from"}
TIME_HEDGE_MINUTES = 30  # "about 9 p.m.", "shortly after 9 p.m.": within half an hour

_DIGITS = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[A-Za-z%+]*)")
_CLOCK = re.compile(r"(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)(?P<mer>[ap]\.?m\.?)?", re.I)
_HOUR_MERIDIEM = re.compile(r"(?P<h>\d{1,2})(?P<mer>[ap]\.?m\.?)", re.I)
# "in his 40s", "in her mid-30s", "in their early twenties" is an age; "the 1990s" a date
_DECADE_OF_LIFE = re.compile(r"(?:(?P<part>early|mid|late)-)?(?P<num>[1-9]0)['’]?s", re.I)
_DECADE_WORDS = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_PART_OF_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), "": (0, 9)}
# 2012-08-21, 4/2/07, 04 / 02 / 07
_NUMERIC_DATE = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4})\b")
# 555-0142, (614) 555-0142, 1-800-555-0199, +44 20 7946 0958
_PHONE = re.compile(r"(?:\+?\d{1,3}[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[.-]\d{4}\b|\b1-8\d\d-[\dA-Z-]{7,}")


# --- numbers as written ----------------------------------------------------------------


@dataclass
class _Run:
    """Tokens ``first..last`` (inclusive) that write one number, and what they say."""

    first: int
    last: int
    value: float
    low: float  # the precision as written: "2.4 million" is 2.35..2.45 million
    high: float
    written: str  # "digits", "words", "vague", "fraction"
    scaled: bool = False  # a scale word or suffix ("million", "bn") is part of it
    percent: bool = False  # "30%" in one token


def _digits(text: str) -> tuple[float, float, str] | None:
    """(value, step of the last written digit, suffix) of a token written in digits, else None."""
    m = _DIGITS.fullmatch(text)
    if not m:
        return None
    num = m.group("num").replace(",", "")
    step = 10.0 ** -len(num.split(".")[1]) if "." in num else 1.0
    return float(num), step, m.group("suffix").lower()


def _number_runs(doc) -> list[_Run]:
    """Every number written in the claim, in order; neighbouring tokens of one number joined."""
    runs: list[_Run] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        low = tok.lower_
        run: _Run | None = None
        digits = _digits(tok.text)
        fraction = _fraction_at(doc, i)
        if fraction is not None:
            run = fraction
        elif digits is not None:
            value, step, suffix = digits
            run = _Run(i, i, value, value - step / 2, value + step / 2, "digits")
            if suffix in _SCALE_SUFFIX:
                scale = _SCALE_SUFFIX[suffix]
                run = _Run(i, i, value * scale, (value - step / 2) * scale, (value + step / 2) * scale, "digits", True)
            elif suffix == "%":
                run.percent = True
            elif suffix not in ("", "+"):
                run = None  # "21st", "9pm", "1990s": an ordinal, a time, a decade
            if run is not None:
                j = i + 1
                while j < n and doc[j].text in (*_QUOTE_MARKS, "-") and j + 1 < n and doc[j + 1].lower_ in SCALES:
                    j += 1  # '"$7.2" billion', "$5-million": a quote or hyphen between the number and its scale
                if j < n and doc[j].lower_ in SCALES and not run.scaled:
                    scale = SCALES[doc[j].lower_]
                    run = _Run(i, j, value * scale, (value - step / 2) * scale, (value + step / 2) * scale,
                               "digits", True)
        elif low in ("tens", "hundreds") and i + 2 < n and doc[i + 1].lower_ == "of" \
                and doc[i + 2].lower_ in ("thousands", "millions", "billions"):
            lo, hi = VAGUE[doc[i + 2].lower_]
            factor = 10 if low == "tens" else 100
            run = _Run(i, i + 2, math.sqrt(lo * hi) * factor, lo * factor / 2, hi * factor, "vague", True)
        elif low in VAGUE:
            lo, hi = VAGUE[low]
            run = _Run(i, i, math.sqrt(lo * hi), lo, hi, "vague")
        elif low in ("several", "few") and i + 1 < n and doc[i + 1].lower_ in ("hundred", "thousand", "million",
                                                                             "billion", "dozen"):
            scale = 12 if doc[i + 1].lower_ == "dozen" else SCALES[doc[i + 1].lower_]
            first = i - 1 if low == "few" and i > 0 and doc[i - 1].lower_ == "a" else i
            lo, hi = (2, 5) if low == "few" else (3, 9)
            run = _Run(first, i + 1, math.sqrt(lo * hi) * scale, lo * scale, hi * scale, "vague", True)
        elif low in _NUMBER_WORDS or (low in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in
                                      ("dozen", "hundred", "thousand", "million", "billion", "trillion")):
            run = _word_run(doc, i)
        if run is None:
            i += 1
            continue
        if run.scaled and run.written in ("digits", "words"):
            # "1 million" is a rounding, but not one that allows 1.5 million
            half = min(run.value - run.low, ROUNDING_CAP * run.value)
            run.low, run.high = run.value - half, run.value + half
        runs.append(run)
        i = run.last + 1
    return runs


# "half of the voters", "two-thirds of the seats" read as percentages; a fraction word is a coarse
# figure, so it allows this many points either side
FRACTION_POINTS = 5.0


def _fraction_at(doc, i: int) -> _Run | None:
    """A fraction of a whole starting at token ``i``: "half of", "a third of", "two-thirds of",
    "half the"; or "half a million" (a count)."""
    n = len(doc)
    numerator, k = 1.0, i
    low = doc[i].lower_
    if low in ("a", "an", "one"):
        k = i + 1
    elif low in UNITS and 1 < UNITS[low] < 10:
        numerator, k = float(UNITS[low]), i + 1
    elif low not in ("half",):
        return None
    elif i > 0 and (doc[i - 1].lower_ in ("the", "this", "that") or doc[i - 1].lower_ in _ORDINAL_WORDS):
        return None  # "the second half of the game": a period, not a share
    if k < n and doc[k].text in ("-", "–") and k > i:
        k += 1
    if k >= n or doc[k].lower_ not in _FRACTIONS or (k == i and low != "half"):
        return None
    word = doc[k].lower_
    if (numerator > 1) != word.endswith("s"):
        return None  # "two third", "a thirds"
    after = doc[k + 1].lower_ if k + 1 < n else ""
    after2 = doc[k + 2].lower_ if k + 2 < n else ""
    if word == "half" and (after in ("a", "an", "-") and after2 == "dozen"):
        return _Run(i, k + 2, 6.0, 5.5, 6.5, "words", True)  # "a half-dozen", "half a dozen"
    if word == "half" and after in ("a", "an") and after2 in SCALES:
        scale = SCALES[after2]
        return _Run(i, k + 2, numerator * scale / 2, scale / 4, scale * 3 / 4, "words", True)
    if after == "of" or (word == "half" and after in ("the", "its", "their", "his", "her", "our", "all", "those")):
        share = 100.0 * numerator / _FRACTIONS[word]
        return _Run(i, k, share, share - FRACTION_POINTS, share + FRACTION_POINTS, "fraction", percent=True)
    return None


def _word_run(doc, i: int) -> _Run | None:
    """A number in words from token ``i``: "three", "twenty-five", "three hundred and twelve", "a dozen"."""
    n = len(doc)
    words = [doc[i].lower_]
    j = i
    while j + 1 < n:
        nxt = doc[j + 1].lower_
        if nxt in _NUMBER_WORDS:
            j += 1
        elif nxt in ("-", "and") and j + 2 < n and doc[j + 2].lower_ in _NUMBER_WORDS \
                and (nxt == "-" or any(w in ("hundred", "thousand", "million", "billion") for w in words)
                     and doc[j + 2].lower_ not in SCALES):
            j += 2
        else:
            break
        words.append(doc[j].lower_)
    value = words_to_number(" ".join(w for w in words if w not in ("-",)))
    if value is None or not math.isfinite(value):
        return None
    last = words[-1]
    step = float(SCALES.get(last, 1))  # "three hundred" is a rounded figure; "a dozen" is twelve
    scaled = any(w in SCALES or w == "dozen" for w in words)
    # "three and a half weeks"
    if step == 1 and [doc[k].lower_ for k in range(j + 1, min(n, j + 4))] == ["and", "a", "half"]:
        return _Run(i, j + 3, value + 0.5, value + 0.25, value + 0.75, "words", scaled)
    return _Run(i, j, value, value - step / 2, value + step / 2, "words", scaled)


# --- the parse around a number -----------------------------------------------------------


def _run_head(doc, run: _Run):
    """The run's syntactic head: its last word whose head lies outside it ("million" in "2.4 million",
    "dozen" in "a dozen")."""
    for k in range(run.last, run.first - 1, -1):
        head = doc[k].head
        if doc[k].is_punct or doc[k].pos_ == "DET":
            continue
        if not (run.first <= head.i <= run.last) or head.i == k:
            return doc[k]
    return doc[run.last]


def _governor(tok):
    """The verb a token belongs to: the first verb (or clause-heading auxiliary) up the parse."""
    t = tok
    for _ in range(20):
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and (t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp")
                                                     or t.head.i == t.i)):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _key_of_name(tok) -> str:
    """A person's surname key: the last word of the PERSON entity the token is in, lower case."""
    if tok.ent_type_ == "PERSON":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                words = [t for t in ent if t.tag_ != "POS" and not re.fullmatch(r"\w\.?", t.text)]
                last = words[-1] if words else ent[-1]
                return last.text.lower().strip("’'")
    return tok.text.lower().strip("’'")


def _lemma(tok) -> str:
    """A noun's lemma, lower case; spaCy keeps plural proper nouns as written ("Americans")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]
    return lemma


def _subject(verb) -> str:
    if verb is None:
        return ""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child.text.lower() if child.pos_ in ("PROPN", "PRON") else child.lemma_.lower()
    return ""


def _quoted(doc) -> list[bool]:
    """For each token: does it stand inside quotation marks?"""
    inside, out = False, []
    for tok in doc:
        if tok.text in ("“", "”", '"', "``", "''"):
            inside = tok.text in ("“", "``") or (tok.text == '"' and not inside)
            out.append(False)
        else:
            out.append(inside)
    return out


def _context(doc, tok, quoted: list[bool]) -> dict[str, Any]:
    """Parse facts the verifier can use to tell whether two mentions state the same fact."""
    verb = _governor(tok)
    feats: dict[str, Any] = {"subject": _subject(verb), "is_quote": quoted[tok.i]}
    if verb is not None:
        feats["negated"] = any(c.dep_ == "neg" for c in verb.children)
        relcl = next((a for a in [tok, *tok.ancestors] if a.dep_ == "relcl"), None)
        if relcl is not None:
            feats["relcl_verb"] = relcl.lemma_.lower()
    return feats


def _qualifiers(noun, skip: range) -> tuple[str, ...]:
    if noun is None:
        return ()
    return tuple(c.lemma_.lower() for c in noun.children
                 if c.dep_ in ("amod", "compound", "nmod") and c.i not in skip and not c.like_num
                 and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"))


def _hedge_before(doc, first: int, table: dict[tuple[str, ...], str]) -> tuple[str, str, int]:
    """(hedge words, what they do, index of the first hedge token) right before token ``first``.

    A one-word hedge the parse reads as a preposition heading its own phrase, or a verb's particle,
    is no hedge: "argued over two clauses", "handed over three boxes" (but "over 300 people died")."""
    for length in sorted({len(h) for h in table}, reverse=True):
        if first - length < 0:
            continue
        words = tuple(doc[k].lower_ for k in range(first - length, first))
        if words in table:
            if length == 1 and doc[first - 1].dep_ in ("prep", "prt") and table is _HEDGES:
                continue
            return " ".join(words), table[words], first - length
    return "", "", first


def _plain(x: float) -> str:
    """A value as a short key: 5000, 2400000, 4.5."""
    if x == math.inf:
        return "inf"
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.6g}" if abs(x) < 1e15 else f"{x:.0f}"


def _fmt(x: float) -> str:
    """A value for a reason: 5,000; 2,400,000; 4.5."""
    if x == math.inf:
        return "no limit"
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


# --- the reader ---------------------------------------------------------------------------


class FigureReader:
    """Figures, ages and times of day in one parsed claim (see the module docstring)."""

    kinds = ("figure", "age", "time")

    def read(self, doc, offset: int, published=None) -> list[Mention]:
        reading = _Reading(doc, offset)
        reading.read_times()
        reading.read_decades_of_life()
        reading.read_numbers()
        reading.read_ordinals()
        reading.read_word_frequencies()
        return sorted(reading.found, key=lambda m: (m.start, m.end))


class _Reading:
    """One claim being read: its parse, what is already taken, and the mentions found."""

    def __init__(self, doc, offset: int):
        self.doc = doc
        self.offset = offset
        self.quoted = _quoted(doc)
        self.taken: set[int] = set()  # token indices already part of a mention or ruled out
        self.labels: set[int] = set()  # head tokens of numbers read as labels ("version 6")
        self.found: list[Mention] = []
        self.runs = _number_runs(doc)

    # -- building mentions

    def _span(self, first: int, last: int) -> tuple[int, int, str]:
        doc = self.doc
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        return self.offset + start, self.offset + end, doc.text[start:end]

    def _add(self, kind: str, first: int, last: int, value: Interval, **fields) -> None:
        start, end, text = self._span(first, last)
        self.found.append(Mention(kind=kind, start=start, end=end, text=text, value=value, **fields))
        self.taken.update(range(first, last + 1))

    # -- times of day

    def read_times(self) -> None:
        doc = self.doc
        for i, tok in enumerate(doc):
            if i in self.taken:
                continue
            time = self._clock_at(i)
            if time is None:
                continue
            minutes, last, exact, twelve_hour = time
            first = i
            # "between 9 and 10 p.m.", "from 7 to 9 p.m.": the first hour takes the second's half of the day
            lo_minutes = None
            if first >= 2 and doc[first - 1].lower_ in ("and", "to", "-", "–", "until", "till"):
                prev = self._bare_hour(first - 2)
                if prev is not None:
                    half = (minutes // 720) * 720 if not twelve_hour else 0
                    lo_minutes = (prev % 12) * 60 + half
                    if lo_minutes > minutes:  # "between 11 and 1 p.m.": the first hour is the morning's
                        lo_minutes -= 720
                    first -= 2
            hedge, effect, hedge_first = _hedge_before(doc, first, _TIME_HEDGES)
            if lo_minutes is None and first > 0 and doc[first - 1].lower_ == "between":
                hedge, effect, hedge_first = "between", "", first - 1
            elif lo_minutes is not None and first > 0 and doc[first - 1].lower_ in ("between", "from"):
                hedge, effect, hedge_first = doc[first - 1].lower_, "", first - 1
            # the precision as written: "9 p.m." is a rounded hour, "9:12 p.m." a minute
            half_width = 0 if exact else 29
            low, high = minutes - half_width, minutes + half_width
            if lo_minutes is not None:
                low = lo_minutes - half_width
            if effect == "about":
                low, high = minutes - TIME_HEDGE_MINUTES, minutes + TIME_HEDGE_MINUTES
            elif effect == "after":
                low, high = minutes, minutes + TIME_HEDGE_MINUTES
            elif effect == "before":
                low, high = minutes - TIME_HEDGE_MINUTES, minutes
            elif effect == "until":  # "by 10 p.m.", "before midnight"
                low, high = 0, high if minutes else 1440
            elif effect == "from":
                high = 1440
            zone = ""
            if last + 1 < len(doc) and doc[last + 1].lower_.strip(".") in _TIME_ZONES:
                zone = doc[last + 1].lower_.strip(".")
                last += 1
            anchor_tok = self._event_of(doc[i])
            feats = _context(doc, doc[i], self.quoted)
            feats.update({"kind": "time", "zone": zone, "twelve_hour": twelve_hour,
                          "bound": "range" if lo_minutes is not None else effect})
            self._add("time", hedge_first, last, Interval(low, high, minutes), key=f"{minutes // 60:02d}:{minutes % 60:02d}",
                      anchor=anchor_tok.lemma_.lower() if anchor_tok is not None else "",
                      verb=(_governor(doc[i]).lemma_.lower() if _governor(doc[i]) is not None else ""),
                      hedge=hedge, features=feats)
            self.taken.update(range(first, last + 1))

    def _bare_hour(self, i: int) -> int | None:
        tok = self.doc[i]
        d = _digits(tok.text)
        if d is not None and not d[2] and d[0].is_integer() and 1 <= d[0] <= 12:
            return int(d[0])
        if tok.lower_ in UNITS and 1 <= UNITS[tok.lower_] <= 12:
            return UNITS[tok.lower_]
        return None

    def _clock_at(self, i: int) -> tuple[int, int, bool, bool] | None:
        """A time of day starting at token ``i``: (minutes after midnight, last token, written to
        the minute, twelve-hour clock without a.m./p.m.), else None."""
        doc = self.doc
        tok = doc[i]
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if tok.lower_ in _TIME_WORDS and tok.pos_ in ("NOUN", "PROPN"):
            return _TIME_WORDS[tok.lower_], i, True, False
        m = _CLOCK.fullmatch(tok.text)
        # "10:30" alone is a time of day only where a clock time goes ("at 10:30", "21:15", "10:30 GMT");
        # "with 7:41 to go" is a game clock, "3.30" a decimal
        clock_slot = m is not None and ":" in tok.text and (
            (i > 0 and doc[i - 1].lower_ in ("at", "by", "around", "about", "until", "till", "before", "after",
                                             "since", "from", "between", "approximately", "roughly"))
            or int(m.group("h")) >= 13 or nxt.strip(".") in _TIME_ZONES or nxt == "local")
        if m and (m.group("mer") or nxt in _MERIDIEM or clock_slot):
            hour, minute = int(m.group("h")), int(m.group("m"))
            mer = (m.group("mer") or (nxt if nxt in _MERIDIEM else "")).lower()
            last = i + (1 if not m.group("mer") and nxt in _MERIDIEM else 0)
            if hour > 23 or (mer and hour > 12):
                return None
            if mer:
                hour = hour % 12 + _MERIDIEM[mer if mer in _MERIDIEM else mer.replace(".", "")]
            return hour * 60 + minute, last, True, not mer and hour <= 12
        m = _HOUR_MERIDIEM.fullmatch(tok.text)
        if m and 1 <= int(m.group("h")) <= 12:
            mer = m.group("mer").lower().replace(".", "")
            return (int(m.group("h")) % 12 + _MERIDIEM[mer]) * 60, i, False, False
        hour = self._bare_hour(i)
        if hour is None:
            return None
        if nxt in _MERIDIEM:
            return (hour % 12 + _MERIDIEM[nxt]) * 60, i + 1, False, False
        if nxt in ("o'clock", "o’clock", "oclock"):
            return (hour % 12) * 60, i + 1, False, True
        # "at 3 in the morning": an hour only after "at" (after a count, "two in the evening" are people)
        if i + 3 < len(doc) and nxt == "in" and doc[i + 2].lower_ == "the" and doc[i + 3].lower_ in _PARTS_OF_DAY:
            before = [doc[k].lower_ for k in range(max(0, i - 2), i)]
            if {"at", "about", "around", "by", "until", "before", "after", "since"} & set(before):
                part = _PARTS_OF_DAY[doc[i + 3].lower_]
                return (hour % 12 + part) * 60, i + 3, False, False
        return None

    def _event_of(self, tok):
        """The event a time or date phrase belongs to: up through prep/pobj/npadvmod to a verb or noun."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                return t if t.pos_ in ("VERB", "AUX") else None
            if t.dep_ in ("pobj", "prep", "npadvmod", "nummod", "advmod", "compound", "appos", "dep", "quantmod") \
                    or t.pos_ in ("NUM", "ADP") or t.lower_ in _MERIDIEM:
                t = t.head
                if t.pos_ in ("VERB",):
                    return t
                if t.pos_ == "NOUN" and t.dep_ != "pobj" and t.lower_ not in _MERIDIEM \
                        and t.lower_ not in ("o'clock", "o’clock") and t.lemma_ not in _PARTS_OF_DAY:
                    return t
                continue
            return _governor(t)
        return _governor(tok)

    # -- ages written as a decade of life

    def read_decades_of_life(self) -> None:
        """ "a man in his 40s", "in her mid-30s", "in their early twenties": an age range."""
        doc = self.doc
        for tok in doc:
            m = _DECADE_OF_LIFE.fullmatch(tok.text)
            decade = int(m.group("num")) if m else _DECADE_WORDS.get(tok.lower_)
            if decade is None:
                continue
            part = (m.group("part") or "").lower() if m else ""
            k = tok.i - 1
            if not part and k >= 0 and doc[k].lower_ in _PART_OF_DECADE:
                part, k = doc[k].lower_, k - 1
            if k < 1 or doc[k].lower_ not in _POSSESSIVES or doc[k - 1].lower_ != "in":
                continue
            lo, hi = _PART_OF_DECADE[part]
            if decade == 10:  # "in her teens" is 13..19
                lo = max(lo, 3)
            holder_noun = doc[k - 1].head if doc[k - 1].head.pos_ in ("NOUN", "PROPN") else None
            if holder_noun is None and doc[k - 1].head.lemma_ == "be":  # "Varga was in her forties"
                subject = self._copula_subject(doc[k - 1])
                holder_noun = subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None
            person = self._person_of(holder_noun) if holder_noun is not None else None
            verb = _governor(holder_noun if holder_noun is not None else tok)
            feats = _context(doc, tok, self.quoted)
            feats.update({"kind": "age", "noun": holder_noun.lemma_.lower() if holder_noun is not None
                          and holder_noun.pos_ == "NOUN" else "", "written": "decade"})
            value = decade + (lo + hi) / 2
            self._add("age", k - 1, tok.i, Interval(decade + lo, decade + hi + 1 - 1e-6, value),
                      key=f"{decade + lo}-{decade + hi}", holder=_key_of_name(person) if person is not None else "",
                      anchor=feats["noun"], verb=verb.lemma_.lower() if verb is not None else "", features=feats)

    # -- numbers: ages, figures, and what is not a quantity

    def read_numbers(self) -> None:
        doc = self.doc
        runs = [r for r in self.runs if not any(k in self.taken for k in range(r.first, r.last + 1))]
        skip_next = False
        for index, run in enumerate(runs):
            if skip_next:
                skip_next = False
                continue
            nxt = runs[index + 1] if index + 1 < len(runs) else None
            if self._read_age(run, nxt):
                if nxt is not None and nxt.first in self.taken:
                    skip_next = True
                continue
            joined = self._joined_range(run, nxt)
            if joined == "tally" or self._tally_token_after(run):  # "voted 52-48", "an 11-2 win", "40-to-39"
                skip_next = joined == "tally"
                continue
            if joined == "ratio":
                share = 100.0 * run.value / nxt.value
                points = min(FRACTION_POINTS, share / 2)
                as_share = _Run(run.first, nxt.last, share, share - points, share + points, "fraction", percent=True)
                self._read_figure(as_share)
                skip_next = True
                continue
            if self._not_a_quantity(run):
                continue
            if joined == "range":
                self._read_figure(run, upto=nxt)
                skip_next = True
                continue
            self._read_figure(run, partner=nxt if joined == "pair" else None)

    # ages

    def _read_age(self, run: _Run, nxt: _Run | None) -> bool:
        doc = self.doc
        if run.written not in ("digits", "words") or run.scaled or not run.value.is_integer() or run.value < 0:
            return False
        first, last = run.first, run.last
        person_like = run.value <= 125  # a bare number is an age only where a person's could be
        after = [doc[k].lower_ for k in range(last + 1, min(len(doc), last + 5))]
        holder_noun = None
        years = 1.0
        # "54-year-old", "54 years old", "six-month-old"
        words = [w for w in after if w != "-"]
        if len(words) >= 2 and words[0] in ("year", "years", "month", "months", "week", "weeks") and words[1] == "old":
            k = last + 1
            while doc[k].lower_ != "old":
                k += 1
            years = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25}[words[0].rstrip("s")]
            old = doc[k]
            last = k
            if old.dep_ in ("amod", "compound") or old.head.pos_ in ("NOUN", "PROPN"):
                holder_noun = old.head if old.head.pos_ in ("NOUN", "PROPN") else None
            else:  # "Novak is 54 years old": the subject of the copula
                holder_noun = self._copula_subject(old)
            how = "years old"
        elif _age_marker(doc, first) is not None:
            marker = _age_marker(doc, first)
            hedge_first = marker
            holder_noun = self._noun_aged(doc[marker])
            how = "aged"
            first = hedge_first
        elif not person_like:
            return False
        elif (noun := self._appositive_age(run)) is not None:
            holder_noun, how = noun, "apposition"
            # "the two girls, 12 and 15,": the second number is an age of the same noun
            if nxt is not None and nxt.first == run.last + 2 and doc[run.last + 1].lower_ == "and" \
                    and nxt.value.is_integer() and 0 < nxt.value <= 125 and doc[nxt.first].dep_ == "conj":
                self._add_age(nxt, nxt.first, nxt.last, nxt.value, 1.0, holder_noun, "apposition")
        elif doc[run.first].dep_ in ("attr", "acomp") and doc[run.first].head.lemma_ == "be" \
                and (subj := self._copula_subject(doc[run.first])) is not None \
                and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she")) \
                and (run.last + 1 == len(doc) or doc[run.last + 1].text in (".", ",", ";", "!", "?", ")")):
            holder_noun, how = subj, "is"  # "Novak is 54."
        else:
            return False
        up_to = None
        if how == "aged" and nxt is not None and nxt.first == run.last + 2 and nxt.value.is_integer():
            joiner = doc[run.last + 1].lower_
            if joiner in ("to", "-", "–") or (joiner == "and" and doc[run.first - 1].lower_ == "between"):
                up_to, last = nxt.value, nxt.last  # "ages 18 to 24", "aged between 20 and 25"
            elif joiner == "and":  # "two sons, ages 16 and 6": two ages
                self._add_age(nxt, nxt.first, nxt.last, nxt.value, 1.0, holder_noun, how)
        self._add_age(run, first, last, run.value, years, holder_noun, how, up_to)
        return True

    def _add_age(self, run: _Run, first: int, last: int, value: float, years: float, holder_noun, how: str,
                 up_to: float | None = None) -> None:
        """An age of ``value`` units of ``years`` (1 for years, 1/12 for months): "38" allows 38 to just
        under 39."""
        doc = self.doc
        age = value * years
        high = (up_to if up_to is not None else value) * years + years * (1 - 1e-6)
        holder = noun = ""
        if holder_noun is not None:
            person = self._person_of(holder_noun)
            holder = _key_of_name(person) if person is not None else ""
            noun = holder_noun.lemma_.lower() if holder_noun.pos_ == "NOUN" else ""
        feats = _context(doc, doc[run.first], self.quoted)
        feats.update({"kind": "age", "noun": noun, "written": how})
        verb = _governor(holder_noun if holder_noun is not None else doc[run.first])
        self._add("age", first, last, Interval(age, high, age), key=_plain(age), holder=holder,
                  anchor=noun, verb=verb.lemma_.lower() if verb is not None else "", features=feats)

    def _appositive_age(self, run: _Run):
        """ "Jana Novak, 54," / "Novak (54)" / "the two girls, 12 and 15,": a bare number set off right
        after a name or a noun; returns the noun, else None."""
        doc = self.doc
        first, last = run.first, run.last
        if first < 2 or doc[first - 1].text not in (",", "(") or run.value < 1:
            return None
        closing = doc[last + 1].text if last + 1 < len(doc) else ""
        if closing not in (",", ")", ";", ".", "", "and"):
            return None
        if closing == "and" and not (last + 2 < len(doc) and _digits(doc[last + 2].text)):
            return None
        noun = doc[first - 2]
        if noun.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            return None
        # the entity recogniser misses many names ("Noah Nathan" as an organisation); a number set off
        # as an appositive of a proper noun is an age all the same
        if noun.pos_ == "PROPN" and (noun.ent_type_ == "PERSON" or doc[first].dep_ == "appos"):
            return noun
        # a common noun: only where the parse reads the number as its appositive ("the driver, 45,")
        if noun.pos_ == "NOUN" and doc[first].dep_ == "appos" and doc[first].head.i == noun.i \
                and _lemma(noun) not in _DURATIONS_IN_DAYS and _lemma(noun) not in _CURRENCY_WORDS:
            return noun
        return None

    def _copula_subject(self, tok):
        verb = tok.head
        while verb.dep_ in ("acomp", "attr", "npadvmod") and verb.head.i != verb.i:
            verb = verb.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.tag_ == "WP" and verb.dep_ == "relcl":  # "Novak, who is 54"
                    return verb.head
                return c
        return None

    def _noun_aged(self, marker):
        """ "the suspect, aged 19": the noun "aged" modifies; "age 54" after a name: the name."""
        if marker.head.pos_ in ("NOUN", "PROPN"):
            return marker.head
        for a in marker.ancestors:
            if a.pos_ in ("NOUN", "PROPN"):
                return a
        return None

    def _person_of(self, noun):
        """The person a noun stands for, when the parse links a name to it."""
        if noun.pos_ == "PROPN":
            return noun
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head
        for c in noun.children:
            if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
                return c
        return None

    # what is not a quantity

    def _not_a_quantity(self, run: _Run) -> bool:
        doc = self.doc
        first, last = run.first, run.last
        head = _run_head(doc, run)
        before = doc[first - 1] if first > 0 else None
        after = doc[last + 1] if last + 1 < len(doc) else None
        after_low = after.lower_ if after is not None else ""
        unit_follows = self._unit_word_after(run) is not None or run.percent or self._currency_before(run)
        if (before is not None and before.text == "/") or (after is not None and after.text == "/"):
            return True  # "1 / 5": a photo counter; "3/4" kept out with it
        if run.written == "digits" and (_inside(_PHONE, doc, run) or _inside(_NUMERIC_DATE, doc, run)):
            return True  # "555-0142", "2012-08-21", "4/2/07"
        if after_low in _DECADE_WORDS:
            return True  # "the Nineteen Nineties": a decade
        if run.written == "digits" and re.match(r"0\d", doc[first].text):
            return True  # "007", "06": a code or a clock's digits, not an amount
        # "versions 6, 7 and 8": the rest of a list whose first member is a label, or numbers hung on a
        # noun before them (a number counts the noun after it, it names the noun before it)
        if not unit_follows and (head.dep_ in ("conj", "appos") and head.head.i in self.labels or (
                head.dep_ in ("nummod", "npadvmod", "conj", "nmod") and head.head.pos_ in ("NOUN", "PROPN")
                and head.head.i < head.i)):
            self.labels.add(head.i)
            return True
        if any(doc[k].ent_type_ in _NAME_ENTITIES for k in range(first, last + 1)) and not unit_follows:
            return True  # "Apollo 11", "Chapter 11"
        # "No. 2", "#1", "number 3": a rank used as a label
        marks = [doc[k].lower_ for k in range(max(0, first - 2), first)]
        if marks and (marks[-1] in _LABEL_MARKS or "".join(marks[-2:]) in ("no.", "nos.")):
            gov = _governor(doc[first])
            if gov is not None and gov.lemma_ in _RANK_VERBS and run.written == "digits":
                self._add_rank(run)
            return True
        if run.written == "digits" and not run.scaled and not unit_follows and self._is_date_number(run, head):
            return True
        # "Sweet 16", "Flight 370", "page 12": a number right after a noun names it
        if before is not None and before.pos_ in ("NOUN", "PROPN") and not unit_follows \
                and before.lower_ not in _CURRENCY_WORDS and before.lower_ not in VAGUE:
            self.labels.add(head.i)
            return True
        # "call 911": a number to call
        gov = _governor(doc[first])
        if gov is not None and gov.lemma_ in _CONTACT_VERBS and head.dep_ in ("dobj", "pobj", "npadvmod", "attr") \
                and not unit_follows:
            return True
        # "the 400 block", "a 911 call", "412 Elm Street": a number before a singular noun labels it
        noun = self._counted_noun(run)
        if noun is not None and noun.tag_ in ("NN", "NNP") and _lemma(noun) not in _COLLECTIVE \
                and _lemma(noun) not in _CURRENCY_WORDS and not unit_follows and not self._hyphenated(run, noun) \
                and run.value != 1 and run.value.is_integer() and not run.scaled and run.written in ("digits", "words"):
            return True
        # "one of the men", "no one", "one" standing for a person
        if run.written == "words" and run.value == 1 and run.first == run.last:
            if doc[first].pos_ == "PRON" or (noun is None and not unit_follows):
                return True
        if run.value == 1 and run.first == run.last and any(c.dep_ == "prep" and c.lower_ == "of"
                                                            for c in doc[first].children):
            return True
        # "at one point", "on one hand", "in one case": "one" in a prepositional phrase picks, it does not count
        if run.value == 1 and run.written == "words" and noun is not None and noun.dep_ == "pobj" \
                and noun.tag_ == "NN":
            return True
        # "two years ago", "a week later": a point in time, the date reader's
        if noun is not None and noun.lemma_.lower() in _DURATIONS_IN_DAYS and noun.i + 1 < len(doc) \
                and doc[noun.i + 1].lower_ in _RELATIVE_AFTER:
            return True
        return False

    def _is_date_number(self, run: _Run, head) -> bool:
        """A year ("in 2019", "fiscal 2011") or a day of the month ("March 5", "5 March")."""
        doc = self.doc
        value = run.value
        near = [doc[k].lower_.strip(".") for k in (run.first - 1, run.last + 1, run.first - 2) if 0 <= k < len(doc)]
        if value.is_integer() and 1 <= value <= 31 and any(w in _MONTHS for w in near[:2]):
            return True
        if value.is_integer() and 1 <= value <= 31 and len(near) > 2 and near[0] == "of" and near[2] in _MONTHS:
            return True
        text = doc[run.first].text
        if "," not in text and value.is_integer() and 1000 <= value <= 2100:
            if doc[run.first].ent_type_ == "DATE":
                return True  # "potential 2012 candidates": the parse reads a year
            noun = self._counted_noun(run)
            return not (noun is not None and noun.tag_ in ("NNS", "NNPS"))
        return False

    def _hyphenated(self, run: _Run, noun) -> bool:
        """ "a 10-mile race", "a 3-year term": a measure compound, not a label."""
        doc = self.doc
        return noun.i == run.last + 2 and doc[run.last + 1].text in ("-", "–")

    def _currency_before(self, run: _Run) -> str:
        doc = self.doc
        k = run.first - 1
        while k >= 0 and doc[k].text in _QUOTE_MARKS:
            k -= 1
        if k >= 0 and doc[k].lower_ in _CURRENCY_SIGNS:
            return _CURRENCY_SIGNS[doc[k].lower_]
        if k >= 1 and doc[k].text == "$" and doc[k - 1].text in _DOLLAR_PREFIXES:
            return "dollar"
        return ""

    def _unit_word_after(self, run: _Run) -> tuple[str, int] | None:
        """ "percent", "per cent", "%", "percentage points", a currency word: (unit, last token)."""
        doc = self.doc
        k = run.last + 1
        if k >= len(doc):
            return None
        low = doc[k].lower_
        if low in ("%", "percent", "pct", "pct.", "percentage"):
            if low == "percentage" and k + 1 < len(doc) and doc[k + 1].lemma_.lower() == "point":
                return "percentage point", k + 1
            return "percent", k
        if low == "per" and k + 1 < len(doc) and doc[k + 1].lower_ == "cent":
            return "percent", k + 1
        lemma = doc[k].lemma_.lower()
        if lemma in _CURRENCY_WORDS:
            return lemma, k
        return None

    def _counted_noun(self, run: _Run):
        """The noun the number counts: its head via nummod/quantmod/compound ("2.4 million homes")."""
        head = _run_head(self.doc, run)
        t = head
        # "a 10-mile race": the hyphenated measure is what is counted
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod") \
                and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
            return t.head
        # "a month or two": the number stands for one more of the noun before it
        if t.dep_ == "conj" and t.head.pos_ == "NOUN" and t.head.i < t.i and t.i - t.head.i <= 2:
            return t.head
        return None

    def _of_noun(self, run: _Run, unit_token: int | None = None):
        """ "dozens of fans", "three of the five victims", "30% of workers": the noun of the
        number's (or its unit word's) "of" phrase."""
        head = _run_head(self.doc, run)
        tokens = [head] + ([self.doc[unit_token]] if unit_token is not None else [])
        for c in (c for t in tokens for c in t.children):
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        return None

    def _tally_token_after(self, run: _Run) -> bool:
        """ "a 40-to-39 edge": spaCy keeps "to-39" as one token."""
        doc = self.doc
        k = run.last + 1
        if k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        return k < len(doc) and re.fullmatch(r"(?:to|-)-?\d+", doc[k].lower_) is not None

    def _joined_range(self, run: _Run, nxt: _Run | None) -> str:
        """How the next number relates: "range" ("300 to 400 people", "between 2 and 3 million"),
        "pair" ("from 4.5 to 5.1 percent": two figures, the first taking the second's unit), "tally"
        ("voted 52-48") or ""."""
        doc = self.doc
        if nxt is None:
            return ""
        # "from $5 to $7 million": the sign before the second number does not part them
        between = [doc[k].lower_ for k in range(run.last + 1, nxt.first) if doc[k].lower_ not in _CURRENCY_SIGNS]
        # "one in seven reports", "three out of four voters": a share
        if between in (["in"], ["out", "of"]) and {run.written, nxt.written} <= {"digits", "words"} \
                and not run.scaled and not nxt.scaled and 0 < run.value < nxt.value <= 1000 \
                and not self._is_date_number(nxt, None):
            return "ratio"
        if len(between) != 1:
            return ""
        joiner = between[0]
        before = doc[run.first - 1].lower_ if run.first > 0 else ""
        if before == "$" and run.first > 1:
            before = doc[run.first - 2].lower_
        if joiner == "and" and before == "between":
            return "range"
        if joiner not in ("to", "-", "–", "or"):
            return ""
        if before == "from" and joiner == "to":
            return "pair"  # "fell from 47 to 41 percent": a change, two figures
        if run.value >= nxt.value and not (nxt.scaled and not run.scaled):
            return "tally" if joiner in ("-", "–") else ""  # "a 5-4 decision"; a range goes upward
        noun = self._counted_noun(nxt) or self._counted_noun(run)  # "40-60 trucks": the parse may hang it on either
        nxt_unit = (self._unit_word_after(nxt) is not None or nxt.percent or nxt.scaled
                    or (noun is not None and noun.tag_ in ("NNS", "NNPS")))
        if nxt_unit:
            return "range"
        if joiner in ("-", "–") and run.written == nxt.written == "digits":
            return "tally"
        return ""

    # figures

    def _read_figure(self, run: _Run, upto: _Run | None = None, partner: _Run | None = None) -> None:
        """A figure from ``run`` (to ``upto`` for a range; ``partner`` is the other end of "from X to Y")."""
        doc = self.doc
        end_run = upto or run
        low, high, value = run.low, run.high, run.value
        other = upto or partner
        if other is not None and other.scaled and not run.scaled and run.value <= 10 * _mantissa(doc, other):
            # "between 2 and 3 million", "from $5 to $7 million": the first number takes the second's scale
            # (but not "from 900 to 1.2 million")
            scale = other.value / _mantissa(doc, other)
            low, high, value = run.low * scale, run.high * scale, run.value * scale
        if upto is not None:
            high, value = upto.high, (value + upto.value) / 2
        kind, unit, currency, last = self._kind_and_unit(run, end_run, partner)
        if unit == "cent":  # "two cents": in dollars
            unit, low, high, value = "dollar", low / 100, high / 100, value / 100
        first, hedge, effect = self._start_and_hedge(run, upto, currency)
        counted = self._what_it_counts(run, end_run, upto, kind, unit, last)
        if counted is None:
            self.taken.update(range(run.first, end_run.last + 1))
            return  # "three times as many": a multiplier
        figure_kind, unit, noun, anchor_noun, part, whole, last = counted
        # after the figure: "300 or more", "300-plus", "300+", "300 or so"
        post = [doc[k].lower_ for k in range(last + 1, min(len(doc), last + 3))]
        if doc[end_run.last].text.endswith("+"):
            effect, hedge = "lower", hedge or "+"
        for words, bound, label in ((["or", "more"], "lower", "or more"), (["-", "plus"], "lower", "plus"),
                                    (["plus"], "lower", "plus"), (["+"], "lower", "+"), (["or", "so"], "about", "or so")):
            if post[:len(words)] == words:
                effect, hedge, last = bound, hedge or label, last + len(words)
                break
        low, high = _widen(low, high, value, effect, run)
        per = self._per_after(last)
        if per:
            last = per[1]
        if figure_kind == "count" and not value.is_integer() and upto is None and not run.scaled \
                and run.written == "digits":
            figure_kind = "measure"  # "a magnitude 4.4 quake", "15.9 points a game": a measurement, not a head count
        verb = _governor(doc[run.first])
        feats = _context(doc, doc[run.first], self.quoted)
        feats.update({"kind": figure_kind, "written": run.written, "bound": "range" if upto is not None else effect,
                      "part": part})
        if whole is not None:
            feats["whole"] = whole
        if per:
            feats["per"] = per[0]
        anchor = self._anchor(figure_kind, unit, anchor_noun, verb, feats, doc[first:last + 1].text)
        self._add("figure", first, last, Interval(low, high, value), key=_plain(value), unit=unit, anchor=anchor,
                  verb=verb.lemma_.lower() if verb is not None else "",
                  qualifiers=_qualifiers(anchor_noun or noun, range(run.first, last + 1)), hedge=hedge,
                  features=feats)

    def _kind_and_unit(self, run: _Run, end_run: _Run, partner: _Run | None) -> tuple[str, str, str, int]:
        """(kind, unit, currency, last token) from the words around the number: a currency sign or
        word ("$", "euros"), a percent word or sign, or the parse reading a percentage."""
        doc = self.doc
        last = end_run.last
        unit_after = self._unit_word_after(end_run)
        currency = self._currency_before(run) or self._currency_before(end_run)
        if currency:
            return "money", currency, currency, unit_after[1] if unit_after and unit_after[0] == currency else last
        if unit_after is not None:
            word, last = unit_after
            return ("percent" if word in ("percent", "percentage point") else "money"), word, "", last
        if run.percent or end_run.percent:
            return "percent", "percent", "", last
        if partner is not None:
            # "from 4.5 to 5.1 percent": the first is a percentage too
            p_unit = self._unit_word_after(partner)
            if partner.percent or (p_unit is not None and p_unit[0] in ("percent", "percentage point")):
                return "percent", p_unit[0] if p_unit else "percent", "", last
        if doc[run.first].ent_type_ == "PERCENT" or self._percent_sibling(run):
            return "percent", "percent", "", last  # the parse reads a percentage: "led 49 percent to 43"
        return "count", "", "", last

    def _start_and_hedge(self, run: _Run, upto: _Run | None, currency: str) -> tuple[int, str, str]:
        """(first token of the figure as written, hedge words, what they do): "about $5 million",
        "US$ 40", "between 2 and 3 million"."""
        doc = self.doc
        k = run.first
        if currency:
            j = k
            while j > 0 and doc[j - 1].text in _QUOTE_MARKS:
                j -= 1  # '"$7.2" billion': quotes between the sign and the number
            if j > 0 and doc[j - 1].lower_ in _CURRENCY_SIGNS:
                k = j - 1
                if k > 0 and doc[k].text == "$" and doc[k - 1].text in _DOLLAR_PREFIXES:
                    k -= 1  # "US $40"
        if k > 0 and doc[k - 1].text in _QUOTE_MARKS and any(t.text in _QUOTE_MARKS for t in doc[k:run.last + 1]):
            k -= 1  # '"$7.2" billion': the quote opened before the sign is part of the figure as written
        hedge, effect, first = _hedge_before(doc, k, _HEDGES)
        if not hedge and upto is not None and k > 0 and doc[k - 1].lower_ == "between":
            hedge, first = "between", k - 1
        return first, hedge, effect

    def _what_it_counts(self, run: _Run, end_run: _Run, upto: _Run | None, kind: str, unit: str, last: int):
        """(figure kind, unit, counted noun, anchor noun, part, whole, last token) from the parse, or None
        for a multiplier ("three times as many")."""
        doc = self.doc
        noun = self._counted_noun(end_run) or (self._counted_noun(run) if upto is not None else None)
        of_noun = self._of_noun(run, last if last > end_run.last else None)
        figure_kind, anchor_noun, part, whole = kind, None, False, None
        if kind == "count" and end_run.last + 1 < len(doc) and doc[end_run.last + 1].lower_ == "times":
            if end_run.last + 2 < len(doc) and doc[end_run.last + 2].lower_ in _MULTIPLIER_AFTER:
                return None
            # "shot seven times": a count of repeated actions
            return "frequency", "time", doc[end_run.last + 1], None, False, None, end_run.last + 1
        if kind == "count" and noun is not None:
            lemma = _lemma(noun)
            measured = noun.head if self._hyphenated(end_run, noun) and noun.head.pos_ in ("NOUN", "PROPN") else None
            if lemma in _DURATIONS_IN_DAYS:
                figure_kind, unit, anchor_noun = "duration", lemma, measured
                if noun.i <= last + 2:
                    last = noun.i  # "48 hours", "a 3-year": the unit is part of the value
            elif lemma in _CURRENCY_WORDS:
                figure_kind, unit = "money", lemma
            else:
                unit, anchor_noun = lemma, measured or noun  # "a 12-page report": pages of a report
        if of_noun is not None and figure_kind in ("count", "percent"):
            anchor_noun = of_noun
            if figure_kind == "count":
                unit = unit or (_lemma(of_noun) if of_noun.pos_ != "PRON" else "")
                part, whole = self._part_of(of_noun)
        elif figure_kind == "percent":
            anchor_noun = self._percent_of(end_run, last if last > end_run.last else None, noun)
        if figure_kind == "count" and self._listed_in(run, noun):
            part = True  # "including four children", "among them two officers"
        if figure_kind == "money":
            anchor_noun = self._money_for(end_run)
        return figure_kind, unit, noun, anchor_noun, part, whole, last

    def _anchor(self, kind: str, unit: str, anchor_noun, verb, feats: dict, written: str) -> str:
        """What the figure is of: its noun; for a bare count after a change or copula verb, the subject
        ("the toll rose to 41"); for money the currency; for a duration or frequency the verb."""
        if anchor_noun is not None:
            return _lemma(anchor_noun) if anchor_noun.pos_ != "PRON" else ""
        subject = feats.get("subject", "")
        if kind == "count" and subject and verb is not None and verb.lemma_ in _CHANGE_VERBS:
            feats["anchor_from"] = "subject"
            return subject
        if kind == "percent" and subject not in written.lower().split():
            return subject  # "Unemployment rose to 4.5 percent"
        if kind == "money":
            return unit
        if kind in ("frequency", "duration") and verb is not None:
            return verb.lemma_.lower()
        return ""

    def _percent_of(self, run: _Run, unit_token: int | None, noun):
        """What a percentage is of without an "of": "6 percent support", "an 8 percent unemployment
        rate", "one in seven reports"."""
        doc = self.doc
        for t in ([doc[unit_token]] if unit_token is not None else []) + ([noun] if noun is not None else []):
            if t.lemma_.lower() in ("percent", "%", "point", "pct", "cent"):
                if t.dep_ in ("compound", "nmod", "amod", "nummod", "npadvmod") and t.head.pos_ == "NOUN" \
                        and t.head.i > t.i:
                    return t.head
                continue
            if t.pos_ == "NOUN":
                return t
        return None

    def _percent_sibling(self, run: _Run) -> bool:
        """A bare number set against a percentage in the same clause ("49 percent to 43",
        "30 percent, up from 24"): it is a percentage too."""
        doc = self.doc
        tok = _run_head(doc, run)
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from", "than", "vs", "vs.", "versus", "against"):
            clause = tok.head.head
        elif tok.dep_ == "conj":
            clause = tok.head
        else:
            return False
        near = [t for t in clause.subtree if abs(t.i - tok.i) <= 8 and t.i != tok.i]
        return any(t.lower_ in ("percent", "%", "pct") or t.text.endswith("%") for t in near)

    def _part_of(self, of_noun) -> tuple[bool, float | None]:
        """ "three of the five victims", "two of them": a part of a whole the claim names."""
        if of_noun.pos_ == "PRON" and of_noun.lower_ in ("them", "those", "these", "us", "whom", "which"):
            return True, None
        determiners = [c for c in of_noun.children if c.dep_ in ("det", "poss")]
        number = next((c for c in of_noun.children if c.dep_ == "nummod"), None)
        whole = None
        if number is not None:
            d = _digits(number.text)
            whole = d[0] if d else words_to_number(number.lower_)
        if determiners and determiners[0].lower_ not in ("a", "an") or number is not None:
            return True, whole
        return False, None

    def _listed_in(self, run: _Run, noun) -> bool:
        """ "including four children", "among them two officers": a part of a total named before."""
        t = noun if noun is not None else _run_head(self.doc, run)
        return t.dep_ == "pobj" and t.head.lower_ in ("including", "among", "includes", "include")

    def _money_for(self, run: _Run):
        """What an amount is of: "a $1.2 trillion bill" -> bill, "$5.7 billion in funding" -> funding."""
        head = _run_head(self.doc, run)
        if head.dep_ in ("nummod", "compound", "amod", "quantmod") and head.head.pos_ == "NOUN" \
                and head.head.lemma_.lower() not in _CURRENCY_WORDS:
            return head.head
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "for", "of"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        return p
        return None

    def _per_after(self, last: int) -> tuple[str, int] | None:
        """ "$6,400 a year", "$15 per hour", "$2 million annually": a rate, not a total."""
        doc = self.doc
        k = last + 1
        while k < len(doc) and doc[k].lemma_.lower() in _CURRENCY_WORDS:
            k += 1
        if k + 1 < len(doc) and doc[k].lower_ in ("a", "an", "per", "each", "every") \
                and doc[k + 1].lemma_.lower() in (*_DURATIONS_IN_DAYS, "person", "head", "capita", "household",
                                                  "student", "share", "barrel", "gallon", "ton", "vote"):
            return doc[k + 1].lemma_.lower(), k + 1
        if k < len(doc) and doc[k].lower_ in ("annually", "monthly", "weekly", "daily", "yearly"):
            return {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}[
                doc[k].lower_], k
        return None

    def _add_rank(self, run: _Run) -> None:
        """ "ranked No. 2": a ranking stated as a fact (the label marks stay in the text)."""
        doc = self.doc
        verb = _governor(doc[run.first])
        feats = _context(doc, doc[run.first], self.quoted)
        feats.update({"kind": "rank", "written": run.written, "bound": "", "part": False})
        first = run.first
        while first > 0 and doc[first - 1].lower_ in (*_LABEL_MARKS, "."):
            first -= 1
        self._add("figure", first, run.last, Interval(run.value, run.value, run.value), key=_plain(run.value),
                  unit="rank", anchor=verb.lemma_.lower() if verb is not None else "",
                  verb=verb.lemma_.lower() if verb is not None else "", features=feats)

    # ordinals and "twice"

    def read_ordinals(self) -> None:
        """An ordinal is a figure only where it counts along a series ("the 100th day", "the fourth
        consecutive year", "his second term") or states a ranking ("finished third"); "the third
        time" and "the second suspect" count nothing."""
        doc = self.doc
        for tok in doc:
            if tok.i in self.taken:
                continue
            value = _ordinal_value(tok)
            if value is None:
                continue
            if tok.lower_ == "second" and tok.head.lemma_ in ("minute", "hour"):
                continue
            verb = _governor(tok)
            noun = tok.head if tok.dep_ == "amod" and tok.head.pos_ == "NOUN" else None
            if noun is not None and (noun.lemma_.lower() in _SEQUENCE_NOUNS
                                     or any(c.lemma_ in ("consecutive", "straight") for c in noun.children)):
                kind, unit, anchor = "ordinal", noun.lemma_.lower(), noun.lemma_.lower()
            elif noun is None and verb is not None and verb.lemma_ in _RANK_VERBS and tok.head.i == verb.i \
                    and tok.dep_ in ("advmod", "oprd", "attr", "dobj", "npadvmod", "acomp"):
                kind, unit, anchor = "rank", "rank", verb.lemma_.lower()
            else:
                continue
            feats = _context(doc, tok, self.quoted)
            feats.update({"kind": kind, "written": "ordinal", "bound": "", "part": False})
            self._add("figure", tok.i, tok.i, Interval(value, value, value), key=_plain(value), unit=unit,
                      anchor=anchor, verb=verb.lemma_.lower() if verb is not None else "",
                      qualifiers=_qualifiers(noun, range(tok.i, tok.i + 1)), features=feats)

    def read_word_frequencies(self) -> None:
        """ "stabbed twice": a count of repeated actions (but "twice as many" is a multiplier)."""
        doc = self.doc
        for tok in doc:
            if tok.i in self.taken or tok.lower_ not in ("twice", "thrice") or tok.dep_ != "advmod" \
                    or tok.head.pos_ != "VERB":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _MULTIPLIER_AFTER:
                continue
            value = 2.0 if tok.lower_ == "twice" else 3.0
            feats = _context(doc, tok, self.quoted)
            feats.update({"kind": "frequency", "written": "words", "bound": "", "part": False})
            self._add("figure", tok.i, tok.i, Interval(value - 0.5, value + 0.5, value), key=_plain(value),
                      unit="time", anchor=tok.head.lemma_.lower(), verb=tok.head.lemma_.lower(), features=feats)


def _age_marker(doc, first: int) -> int | None:
    """The token of "aged 54", "age 54", "ages 18 to 24", "at the age of 54", "aged between 20 and 25"."""
    k = first - 1
    if k >= 0 and doc[k].lower_ == "between":
        k -= 1
    if k >= 0 and doc[k].lower_ in ("aged", "age", "ages"):
        return k
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "age":
        return k - 1
    return None


def _mantissa(doc, run: _Run) -> float:
    """The number before the scale word: 3 in "3 million"."""
    d = _digits(doc[run.first].text)
    if d is not None and d[0]:
        return d[0]
    words = [doc[k].lower_ for k in range(run.first, run.last + 1) if doc[k].lower_ not in SCALES]
    value = words_to_number(" ".join(words)) if words else 1
    return value or 1


def _ordinal_value(tok) -> float | None:
    low = tok.lower_
    if low in _ORDINAL_WORDS and (tok.ent_type_ == "ORDINAL" or tok.pos_ in ("ADJ", "ADV")):
        return float(_ORDINAL_WORDS[low])
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    return float(m.group(1)) if m else None


def _inside(pattern: re.Pattern, doc, run: _Run) -> bool:
    """Does a match of ``pattern`` around the run cover it? ("555-0142", "2012-08-21")"""
    start, end = doc[run.first].idx, doc[run.last].idx + len(doc[run.last])
    for m in pattern.finditer(doc.text, max(0, start - 20), min(len(doc.text), end + 20)):
        if m.start() <= start < m.end() or m.start() < end <= m.end():
            return True
    return False


def _widen(low: float, high: float, value: float, effect: str, run: _Run) -> tuple[float, float]:
    """The interval a hedge allows around a figure read with the precision it is written in."""
    if effect == "about":
        # "about 300" allows 250..350 (its rounding); "about 870" 10%; "about 1 million" no more than a quarter
        width = max(HEDGE_SHARE * value, min(_rounding(run) / 2, ROUNDING_CAP * value), high - value)
        return max(0.0, value - width), value + width
    if effect == "nearly":  # "nearly $3 billion": below it, by no more than a hedge allows
        return max(0.0, value - max(HEDGE_SHARE * value, high - value)), value
    if effect == "over":  # "just over 300": above it, by no more than a hedge allows
        return value, value + max(HEDGE_SHARE * value, high - value)
    if effect == "lower":  # "more than 2 million": the bound itself, not its rounding
        return value, math.inf
    if effect == "upper":
        return 0.0, value
    return low, high


def _rounding(run: _Run) -> float:
    """The place of a figure's last nonzero digit: 300 -> 100, 870 -> 10, 2.4 million -> 100,000."""
    if run.written != "digits" or run.value == 0:
        return 0.0
    value = run.value
    place = 10 ** math.floor(math.log10(abs(value)))
    while place > 1e-9 and abs(value / place - round(value / place)) > 1e-6:
        place /= 10
    return place


# --- do two values conflict? -----------------------------------------------------------------

# kinds whose values never compare with another kind's: money vs count, percent vs count
_COMPARABLE = {"count", "measure", "money", "percent", "duration", "frequency", "ordinal", "rank"}


def differ(a: Mention, b: Mention) -> str | None:
    """None when the two values are compatible, else a one-line reason they conflict.

    Values only: whether ``a`` and ``b`` state the same fact is the verifier's call. Symmetric:
    ``differ(a, b) == differ(b, a)``.
    """
    if a.kind != b.kind:
        return None
    if (a.start, a.end, a.text, a.key) > (b.start, b.end, b.text, b.key):
        a, b = b, a  # one order for the reason's wording, so the answer is symmetric
    if a.kind == "figure":
        return _differ_figures(a, b)
    if a.kind == "age":
        return _differ_ages(a, b)
    if a.kind == "time":
        return _differ_times(a, b)
    return None


def _kind(m: Mention) -> str:
    return m.features.get("kind", "count")


def _differ_figures(a: Mention, b: Mention) -> str | None:
    ka, kb = _kind(a), _kind(b)
    if ka != kb or ka not in _COMPARABLE:
        return None
    if ka in ("money", "percent") and a.unit != b.unit:
        return None  # dollars vs euros, percent vs percentage points: no common scale
    if a.features.get("per", "") != b.features.get("per", ""):
        return None  # $6,400 a year vs a total
    va, vb = a.value, b.value
    if ka == "duration":
        fa, fb = _DURATIONS_IN_DAYS.get(a.unit, 1), _DURATIONS_IN_DAYS.get(b.unit, 1)
        va = Interval(va.low * fa, va.high * fa, va.value * fa)
        vb = Interval(vb.low * fb, vb.high * fb, vb.value * fb)
    if va.overlaps(vb):
        return None
    ba, bb = a.features.get("bound", ""), b.features.get("bound", "")
    if ba == bb and ba in ("lower", "upper"):
        return None  # two bounds in the same direction never exclude each other
    lo, hi = (a, b) if va.high < vb.low else (b, a)
    vlo, vhi = (va, vb) if lo is a else (vb, va)
    part_lo, part_hi = lo.features.get("part", False), hi.features.get("part", False)
    if part_lo and not part_hi:
        return None  # "three of the victims" against a total of five: a part, not a conflict
    if part_hi and not part_lo:
        return f"“{hi.text}” is a part of a whole, yet more than “{lo.text}”"
    if ka == "duration" and _exact(lo) and _exact(hi):
        # "30 hours vs two days (18 hours apart)": the gap in the smaller unit
        unit = min((lo.unit, hi.unit), key=lambda u: _DURATIONS_IN_DAYS.get(u, 1))
        gap = (vhi.value - vlo.value) / _DURATIONS_IN_DAYS.get(unit, 1)
        return f"{lo.text} vs {hi.text} ({_fmt(round(gap, 1))} {unit}{'s' if round(gap, 1) != 1 else ''} apart)"
    return _reason(lo, hi, vlo, vhi)


def _exact(m: Mention) -> bool:
    """Written as one figure with no hedge ("870", "2.4 million"), not a bound, range or vague amount."""
    return not m.hedge and m.features.get("bound", "") == "" \
        and m.features.get("written", "digits") in ("digits", "words", "ordinal")


def _reason(lo: Mention, hi: Mention, vlo: Interval, vhi: Interval) -> str:
    if _exact(lo) and _exact(hi) and vlo.value > 0:
        ratio = vhi.value / vlo.value
        power = math.log10(ratio)
        if power >= 1 and abs(power - round(power)) < 1e-9:
            factor = 10 ** round(power)
            slip = {3: "a slip of the thousands?", 6: "a slip of the millions?", 9: "a slip of the billions?"}.get(
                round(power), "an added zero?" if round(power) == 1 else "zeros added or dropped?")
            return f"{hi.text} is {factor:,} times {lo.text}: {slip}"
        if ratio >= 2:
            return f"{hi.text} is about {_fmt(round(ratio, 1) if ratio < 10 else round(ratio))} times {lo.text}"
        gap = vhi.value - vlo.value
        swapped = _digits_swapped(vlo.value, vhi.value)
        return f"{lo.text} vs {hi.text} ({_fmt(gap)} apart{'; digits swapped?' if swapped else ''})"
    # against the bound when there is one: "“Some 120” is less than “More than 300” allows"
    if hi.features.get("bound") == "lower" or (_exact(lo) and lo.features.get("bound") != "upper"):
        return f"“{lo.text}” is less than “{hi.text}” allows (at least {_fmt(vhi.low)})"
    return f"“{hi.text}” is more than “{lo.text}” allows (at most {_fmt(vlo.high)})"


def _digits_swapped(x: float, y: float) -> bool:
    sx, sy = _plain(x), _plain(y)
    return len(sx) == len(sy) >= 2 and sorted(sx) == sorted(sy) and sum(p != q for p, q in zip(sx, sy)) == 2


def _differ_ages(a: Mention, b: Mention) -> str | None:
    if a.value.overlaps(b.value):
        return None
    lo, hi = (a, b) if a.value.high < b.value.low else (b, a)
    gap = hi.value.value - lo.value.value
    written = {lo.features.get("written"), hi.features.get("written")}
    swapped = "; digits swapped?" if "decade" not in written and _digits_swapped(lo.value.value, hi.value.value) else ""
    years = _fmt(round(gap, 1))
    return f"age {lo.text} vs {hi.text} ({years} year{'s' if years != '1' else ''} apart{swapped})"


def _differ_times(a: Mention, b: Mention) -> str | None:
    za, zb = a.features.get("zone", ""), b.features.get("zone", "")
    shift_a = -_TIME_ZONES[za] if za and zb else 0
    shift_b = -_TIME_ZONES[zb] if za and zb else 0
    candidates_a = _time_readings(a, shift_a)
    candidates_b = _time_readings(b, shift_b)
    best = math.inf
    for x in candidates_a:
        for y in candidates_b:
            for day in (-1440, 0, 1440):  # 11:50 p.m. and midnight are ten minutes apart
                if x[0] <= y[1] + day and y[0] + day <= x[1]:
                    return None
                best = min(best, abs((x[0] + x[1]) / 2 - (y[0] + y[1]) / 2 - day))
    hours, minutes = divmod(int(round(best)), 60)
    gap = " ".join(p for p in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if p) or "0 min"
    return f"{a.text} vs {b.text} ({gap} apart)"


def _time_readings(m: Mention, shift: int) -> list[tuple[float, float]]:
    """The minute ranges a time allows; "six o'clock" with no a.m./p.m. is either."""
    v = m.value
    readings = [(v.low + shift, v.high + shift)]
    if m.features.get("twelve_hour"):
        readings.append((v.low + 720 + shift, v.high + 720 + shift))
    return readings
