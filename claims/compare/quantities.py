"""Numeric and garbled-number comparators: the same count of the same thing, told differently.

Two quantities are comparable when they measure the same thing: the same
measure ("killed") of compatible units (people/soldiers), or the same unit in
two near-identical claims. They agree when the intervals their wording allows
overlap ("more than 300" and 320). Otherwise:
- ``garbled_number``: one value is the other times a power of ten, differs in a
  single digit, or is off by three orders of magnitude: a typo or a broken
  conversion rather than a different report;
- ``numeric``: a real disagreement; scored lower when the two count different
  scopes (people vs soldiers) or one claim is hedged ("if indeed").
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from claims.compare.base import KindInfo, PairComparator, ScoringContext, make_flag
from claims.extract.dates import compatible, precise, same_time_stated
from claims.extract.events import event_words
from claims.settings import knob, section
from claims.extract.quantities import is_person_unit
from claims.types import Claim, Fact, DateMention, Flag, Highlight, Quantity

# Casualty-type measures matter most to a fact-checker: a different toll is news.
HEAVY_MEASURES = {"killed", "wounded", "casualties", "missing", "displaced", "arrested", "captured"}


@section
class QuantitySettings:
    min_similarity_measured: float = knob(
        0.25, "same measure (killed, wounded): the claims need only be about the same event", embedding=True)
    min_similarity_unmeasured: float = knob(
        0.72, "no measure and no shared referent: only near paraphrases count the same thing", embedding=True)
    min_similarity_referent: float = knob(
        0.25, "the same unit of the same thing (pages of letters, a 52-word pledge): the same event is enough", embedding=True)
    min_similarity_duration: float = knob(0.6, "durations of the same activity in related claims", embedding=True)
    implausible_gap: float = knob(500, "figures for one count this many times apart: one of them is garbled, not reported")
    one_digit_from: float = knob(1000, "a single changed digit reads as a typo from this size up; small counts change by updates")
    date_reach: int = knob(60, "characters between a figure and a date that times it ('27 ... on Tuesday')")
    score_power_of_ten: float = knob(0.95, "one figure is the other times 10^k: almost always a conversion or typing slip")
    score_implausible: float = knob(0.85, "an implausible gap for one count")
    score_one_digit: float = knob(0.6, "one digit apart: possibly a typo, possibly a real difference")
    score_heavy: tuple = knob((0.85, 0.72, 0.55), "casualty-type counts at least 3x, 1.5x and under 1.5x apart: a toll "
                                                  "that differs is news")
    score_other: tuple = knob((0.6, 0.45), "other counts at least 1.5x and under 1.5x apart")
    penalty_scope: float = knob(0.1, "the two may count different groups (people vs soldiers)")
    penalty_hedged: float = knob(0.1, "one claim is hedged ('if indeed', 'reportedly')")
    penalty_running_toll: float = knob(0.2, "a running toll may have been updated between two reports")
    similarity_weight: float = knob(0.1, "score added per unit of cosine similarity above 0.5: closer claims first")
    min_garbled_value: float = knob(
        10, "a power of ten between small counts (2 and 20) is two figures, not a garbled one; from 10 up it is suspect")


def _referent(q: Quantity, claim: Claim) -> frozenset[str]:
    """What a counted unit is of: "pages of scanned letters" -> {scan, letter}; "52-word pledge" -> {pledge}.
    "31 provinces have banned ..." has none: what follows is what the provinces did, not what they are."""
    at = q.end - claim.start
    rest = claim.text[at:]
    if re.match(r"\s+of\s", rest):
        return event_words(claim.text, at + rest.index("of") + 2, at + rest.index("of") + 2, before=False)
    if "-" in q.text:  # a compound before its noun: "a 52-word pledge"
        return event_words(claim.text, at, at, reach=1, before=False)
    return frozenset()


def _fmt(x: float) -> str:
    if x == math.inf:
        return "∞"
    return f"{x:,.0f}" if x >= 100 or x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def comparable(qa: Quantity, qb: Quantity, similarity: float,
               cfg: QuantitySettings | None = None) -> tuple[bool, bool]:
    """(comparable, same scope) for two quantities."""
    cfg = cfg or QuantitySettings()
    if qa.kind != qb.kind or qa.part or qb.part:
        return False, False  # a part ("of the dead, 22 ...") never contradicts its whole
    if qa.place and qb.place and qa.place != qb.place:
        return False, False  # counts for two places
    if qa.kind == "count":
        if qa.measure and qa.measure == qb.measure:
            if similarity < cfg.min_similarity_measured:
                return False, False
            units_ok = (not qa.unit or not qb.unit or qa.unit == qb.unit
                        or (is_person_unit(qa.unit) and is_person_unit(qb.unit)))
            # one count pinned to a place against one that is not: maybe a local figure vs a total
            return units_ok, units_ok and qa.unit == qb.unit and qa.scope == qb.scope and qa.place == qb.place
        if not qa.measure and not qb.measure and qa.unit and qa.unit == qb.unit:
            return similarity >= cfg.min_similarity_unmeasured, qa.scope == qb.scope
        return False, False
    if qa.kind == "duration":
        ok = bool(qa.measure) and qa.measure == qb.measure and similarity >= cfg.min_similarity_duration
        return ok, ok
    # percent, money: only in near paraphrases (the same subject)
    ok = similarity >= cfg.min_similarity_unmeasured and qa.unit == qb.unit
    return ok, ok


# Words that mark a figure as a snapshot of a running count.
_UPDATE = re.compile(r"\b(?:provisional|preliminary|so far|as of|by (?:the )?(?:monday|tuesday|wednesday|thursday|"
                     r"friday|saturday|sunday|morning|evening|afternoon|night|noon)|(?:has|had|have) risen|rose|"
                     r"climbed|climbing|raising|rising|increased|jumped|latest)\b", re.I)


def _group(kind: str, qa: Quantity, qb: Quantity) -> str:
    values = sorted((_fmt(qa.value), _fmt(qb.value)))
    return f"{kind}|{qa.measure or qa.unit}|{values[0]}|{values[1]}"


def _same_thing_loosely(qa: Quantity, qb: Quantity) -> bool:
    return qa.kind == qb.kind == "count" and bool(qa.unit) and qa.unit == qb.unit and qa.measure == qb.measure


def _power_of_ten(a: float, b: float) -> int:
    if a <= 0 or b <= 0:
        return 0
    r = math.log10(max(a, b) / min(a, b))
    k = round(r)
    return k if k >= 1 and abs(r - k) < 0.005 else 0


def _one_digit_apart(a: float, b: float, smallest: float) -> bool:
    """5,000 vs 6,000: one digit changed. Small counts change by updates, not typos: from ``smallest`` up."""
    da, db = f"{a:.0f}", f"{b:.0f}"
    return min(a, b) >= smallest and len(da) == len(db) and sum(x != y for x, y in zip(da, db)) == 1


def _vague(q: Quantity) -> bool:
    """ "dozens", "hundreds of": an order of magnitude, not a figure."""
    return bool(re.search(r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b", q.text, re.I))


def _when(q: Quantity, claim: Claim, reach: int = QuantitySettings.date_reach) -> list[DateMention]:
    """The time a figure is given for: the date nearest to it in its claim ("27 ... on Tuesday"),
    else all the claim's dates."""
    near = [d for d in claim.dates if min(abs(d.start - q.end), abs(q.start - d.end)) <= reach]
    if near:
        return [min(near, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end)))]
    return precise(claim.dates)


def _different_times(qa: Quantity, a: Claim, qb: Quantity, b: Claim, ctx: ScoringContext,
                     reach: int = QuantitySettings.date_reach) -> bool:
    """The two figures are pinned to times that cannot be the same: dates that disagree, or
    a casualty figure for an earlier year ("in 1968 a quake killed 322") against one from an
    article published later that gives no year."""
    wa = [_in_year_of(d, ctx.documents[a.doc].date) for d in _when(qa, a, reach)]
    wb = [_in_year_of(d, ctx.documents[b.doc].date) for d in _when(qb, b, reach)]
    if wa and wb:
        return not any(compatible(x, y) for x in wa for y in wb)
    if qa.measure in HEAVY_MEASURES:
        for (when, other_claim) in ((wa, b), (wb, a)):
            years = [d.year for d in when if d.year and not d.decade]
            published = ctx.documents[other_claim.doc].date
            if years and published and published[:4].isdigit() and int(published[:4]) > max(years):
                return True
    return False


def _in_year_of(d: DateMention, published: str | None) -> DateMention:
    """ "June 13" in an article published in 2020 is June 13, 2020."""
    if d.year is None and not d.decade and published and published[:4].isdigit():
        return replace(d, year=int(published[:4]))
    return d


def _describe(q: Quantity) -> str:
    words: list[str] = []
    for x in (q.scope, q.unit if q.kind == "count" else "", q.measure if q.kind != "duration" else ""):
        if x and not any(w.startswith(x[:5]) for w in words):
            words.append(x)
    what = " ".join(words)
    return f"“{q.text}”" + (f" ({what})" if what and what not in q.text else "")


def _same_referent(qa: Quantity, a: Claim, qb: Quantity, b: Claim) -> bool:
    """Counts of one unit of one thing: "42,000 pages of letters" and "38,000 pages of scanned letters".
    Head counts are left out: "300 people" at two places are two crowds, not one."""
    return (qa.kind == qb.kind == "count" and bool(qa.unit) and qa.unit == qb.unit and not qa.measure
            and not qb.measure and not is_person_unit(qa.unit) and bool(_referent(qa, a) & _referent(qb, b)))


def judge(a: Claim, b: Claim, qa: Quantity, qb: Quantity, ctx: ScoringContext,
          cfg: QuantitySettings | None = None) -> Flag | None:
    cfg = cfg or QuantitySettings()
    sim = ctx.similarity(a, b)
    ok, same_scope = comparable(qa, qb, sim, cfg)
    if not ok and sim >= cfg.min_similarity_referent and _same_referent(qa, a, qb, b):
        ok = same_scope = True
    if not ok and _same_thing_loosely(qa, qb) and sim >= cfg.min_similarity_measured \
            and qa.is_exact and qb.is_exact and _power_of_ten(qa.value, qb.value) \
            and min(qa.value, qb.value) >= cfg.min_garbled_value:
        ok = same_scope = True  # "3,500 passengers" next to "350 passengers": an added zero
    if not ok or (qa.low <= qb.high and qb.low <= qa.high):
        return None
    if _different_times(qa, a, qb, b, ctx, cfg.date_reach):
        return None  # different figures for different times are not a contradiction
    lo_q, hi_q = (qa, qb) if qa.high < qb.low else (qb, qa)
    gap = hi_q.low / lo_q.high if lo_q.high > 0 else math.inf
    fact = _fact(qa, qb, garbled=False, same_scope=same_scope)
    ha = [Highlight(qa.start, qa.end, qa.text)]
    hb = [Highlight(qb.start, qb.end, qb.text)]
    where = ctx.where(a, b)
    exact = qa.is_exact and qb.is_exact
    hedged = a.hedged or b.hedged
    # "21 million" vs "2.1 million": a power of ten stays suspicious even when both are "about"
    k = _power_of_ten(qa.value, qb.value) if not (_vague(qa) or _vague(qb)) else 0
    if min(qa.value, qb.value) < cfg.min_garbled_value:
        k = 0
    if k or gap >= cfg.implausible_gap or (exact and _one_digit_apart(qa.value, qb.value, cfg.one_digit_from)):
        if k:
            why = f"one is the other times {10 ** k:,}: likely a garbled figure"
            score = cfg.score_power_of_ten
        elif gap >= cfg.implausible_gap:
            why = f"{how_far_apart(lo_q, hi_q)}, too far apart for the same count: one figure is likely garbled"
            score = cfg.score_implausible
        else:
            why = "they differ in a single digit: possibly a typo"
            score = cfg.score_one_digit
        return make_flag(a, b, "garbled_number", score,
                         f"{_describe(qa)} vs {_describe(qb)} {where}: {why}.", ha, hb, _group("garbled_number", qa, qb),
                         fact=replace(fact, garbled=True))
    heavy = qa.measure in HEAVY_MEASURES
    if heavy:
        score = cfg.score_heavy[0] if gap >= 3 else cfg.score_heavy[1] if gap >= 1.5 else cfg.score_heavy[2]
    else:
        score = cfg.score_other[0] if gap >= 1.5 else cfg.score_other[1]
    notes = []
    if not same_scope:
        score -= cfg.penalty_scope
        notes.append(scope_difference(qa, qb) or "they may count different groups, so check the scope")
    if hedged:
        score -= cfg.penalty_hedged
        notes.append("one claim is hedged")
    timed_a, timed_b = _when(qa, a, cfg.date_reach), _when(qb, b, cfg.date_reach)
    if heavy and (_UPDATE.search(a.text) or _UPDATE.search(b.text)) and not same_time_stated(timed_a, timed_b):
        score -= cfg.penalty_running_toll
        notes.append("a running toll may have been updated between the two reports")
    score += cfg.similarity_weight * (sim - 0.5)
    explanation = f"{_describe(qa)} vs {_describe(qb)} {where}: {how_far_apart(lo_q, hi_q)}."
    explanation += (" Note: " + "; ".join(notes) + "." if notes else "")
    return make_flag(a, b, "numeric", score, explanation, ha, hb, _group("numeric", qa, qb), fact=fact)


def how_far_apart(lo: Quantity, hi: Quantity) -> str:
    """The gap in words a reviewer reads at a glance: "5,000 is about 6 times 870", "6.4 is 5% more
    than 6.1" (the figures as written, not the bounds the tool reads into "more than")."""
    if lo.value <= 0:
        return f"{_fmt(hi.value)} against {_fmt(lo.value)}"
    ratio = hi.value / lo.value
    if ratio >= 2:
        return f"{_fmt(hi.value)} is about {ratio:,.0f} times {_fmt(lo.value)}"
    return f"{_fmt(hi.value)} is {(ratio - 1) * 100:.0f}% more than {_fmt(lo.value)}"


def _counted(q: Quantity) -> str:
    """What a figure counts, in words: "civilian casualties", "soldiers", "people"."""
    unit = q.unit
    if unit and unit != "people" and not unit.endswith("s"):
        unit = unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"
    return " ".join(x for x in (q.scope, unit) if x)


def scope_difference(qa: Quantity, qb: Quantity) -> str:
    """"“5,000 people” counts people, “870 soldiers” soldiers": what differs between two scopes."""
    wa, wb = _counted(qa), _counted(qb)
    if wa == wb or not (wa and wb):
        return ""
    return f"different scopes: “{qa.text}” counts {wa}, “{qb.text}” counts {wb}"


# How a reviewer names the fact a count is about, by its measure.
_MEASURE_LABELS = {"casualties": "Number of casualties", "capacity": "Capacity", "aboard": "Number aboard"}


def _fact(qa: Quantity, qb: Quantity, garbled: bool, same_scope: bool) -> Fact:
    """The count both figures are about: its measure ("killed"), else what it counts."""
    what = qa.measure or qb.measure or qa.unit or qb.unit or qa.kind
    if qa.measure or qb.measure:
        label = _MEASURE_LABELS.get(what, f"Number {what}")
    elif qa.kind == "percent":
        label = f"Share ({_counted(qa) or 'percent'})"
    elif qa.kind == "money":
        label = "Amount" + (f" ({qa.unit})" if qa.unit else "")
    else:
        label = f"Number of {_counted(qa) or 'items'}"
    note = "" if same_scope else scope_difference(qa, qb)
    return Fact(f"{qa.kind}|{what}", label, _value(qa), _value(qb), qa.text, qb.text, garbled,
                note[:1].upper() + note[1:] + "." if note else "")


def _value(q: Quantity) -> str:
    """A figure as a value of its fact: the words as written, digits without separators, lower case."""
    return re.sub(r"(?<=\d),(?=\d)", "", " ".join(q.text.lower().split()))


def _share_a_figure(a: Claim, b: Claim) -> bool:
    """The claims give the same figure for one measure ("31 dead" and "the toll stood at 31: 22 in X
    and 9 in Y"), or one's figures by place add up to the other's total ("22 in X and 9 in Y"):
    their other figures of that measure are breakdowns, not disagreements."""
    if any(qa.measure and qa.measure == qb.measure and qa.kind == qb.kind
           and qa.low <= qb.high and qb.low <= qa.high and not qa.place and not qb.place
           for qa in a.quantities for qb in b.quantities):
        return True
    for parts, totals in ((a, b), (b, a)):
        by_measure: dict[str, float] = {}
        for q in parts.quantities:
            if q.place and q.measure:
                by_measure[q.measure] = by_measure.get(q.measure, 0.0) + q.value
        for q in totals.quantities:
            if not q.place and q.measure in by_measure and q.low <= by_measure[q.measure] <= q.high:
                return True
    return False


class QuantityComparator(PairComparator):
    """Emits ``numeric`` or ``garbled_number``; the best-scoring quantity pair wins."""

    kind = "numeric"
    settings_class = QuantitySettings
    label = "Numbers differ"
    description = "The same count, amount or share of the same thing is given with values that cannot both be right."
    specificity = 40
    extra_kinds = (KindInfo("garbled_number", "Garbled number",
                            "One figure is another times a power of ten, or one digit off: a typo or broken conversion.",
                            60),)

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if _share_a_figure(a, b):
            return None
        best = None
        for qa in a.quantities:
            for qb in b.quantities:
                flag = judge(a, b, qa, qb, ctx, self.settings(ctx))
                if flag and (best is None or flag.score > best.score):
                    best = flag
        return best
