"""Date and negation comparators: near-identical statements that differ in when, or in yes/no.

Both only look at near paraphrases (high embedding similarity), since a date or
a "not" only contradicts a statement about the same thing.
"""
from __future__ import annotations

import re

from claims.compare.base import PairComparator, ScoringContext, make_flag
from claims.extract.dates import compatible, precise
from claims.extract.polarity import negated_predicates, negation_cues, stem
from claims.types import Claim, Flag, Highlight

MIN_SIMILARITY_DATE = 0.75
MIN_SIMILARITY_NEGATION = 0.8
MIN_SIMILARITY_PREDICATE = 0.35
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "that", "this", "with", "for", "from", "has", "have", "had", "was", "were", "not",
         "are", "its", "his", "her", "their", "been", "said", "says", "would", "will", "than", "but", "never"}


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _other_figures_differ(a: Claim, b: Claim) -> bool:
    """Both claims count the same measured thing, with different values."""
    return any(qa.measure and qa.measure == qb.measure and qa.kind == qb.kind and qa.value != qb.value
               for qa in a.quantities for qb in b.quantities)


class DateComparator(PairComparator):
    kind = "date"
    label = "Dates differ"
    description = "The same event is given two dates or days that cannot both be right."
    specificity = 30

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if not a.dates or not b.dates:
            return None
        sim = ctx.similarity(a, b)
        if sim < MIN_SIMILARITY_DATE:
            return None
        dates_a, dates_b = precise(a.dates), precise(b.dates)
        if any(compatible(da, db) for da in dates_a for db in dates_b):
            return None
        if _other_figures_differ(a, b):
            return None  # other figures differ too: two events (floods in two years), not one misdated
        if all(d.weekday is not None for d in dates_a + dates_b) and a.doc != b.doc:
            # "on Monday" is relative to the day an article was written: two articles only
            # disagree on weekdays when they were published the same day.
            pub_a, pub_b = ctx.documents[a.doc].date, ctx.documents[b.doc].date
            if not pub_a or pub_a != pub_b:
                return None
        da, db = dates_a[0], dates_b[0]
        where = "in the same article" if a.doc == b.doc else f"in {ctx.source(a)} and {ctx.source(b)}"
        return make_flag(a, b, self.kind, 0.45 + (sim - MIN_SIMILARITY_DATE),
                         f"Two near-identical statements {where} give different dates: “{da.text}” vs “{db.text}”.",
                         [Highlight(da.start, da.end, da.text)], [Highlight(db.start, db.end, db.text)],
                         group="date|" + "|".join(sorted((da.text.lower(), db.text.lower()))))


def _denies(negated: str, positive: str) -> bool:
    """The positive claim states the governed verb and most of the governed words."""
    other = {stem(w) for w in re.findall(r"[A-Za-z]{3,}", positive)}
    for stems in negated_predicates(negated):
        shared = [s for s in stems if s in other]
        if stems[0] in other and len(shared) >= 2 and len(shared) / len(stems) >= 0.6:
            return True
    return False


class NegationComparator(PairComparator):
    """A statement asserted in one claim and denied in another.

    Two ways in: near-identical claims (cosine >= 0.8, most words shared) of
    opposite polarity; or a denial whose governed words ("not declared a state of
    emergency") mostly reappear in a positive claim about the same thing
    (cosine >= 0.4), scored lower since the embedding barely tells them apart.
    """

    kind = "negation"
    label = "One side negates the other"
    description = "The same subject asserts and denies the same thing."
    specificity = 20

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if a.negated == b.negated or a.hedged or b.hedged:
            return None
        sim = ctx.similarity(a, b)
        if sim < MIN_SIMILARITY_PREDICATE:
            return None
        neg, pos = (a, b) if a.negated else (b, a)
        wa, wb = _content_words(a.text), _content_words(b.text)
        if not wa or not wb:
            return None
        if sim >= MIN_SIMILARITY_NEGATION and len(wa & wb) / len(wa | wb) >= 0.5:
            score = 0.5 + (sim - MIN_SIMILARITY_NEGATION)
            expl = "The same statement is asserted and denied"
        else:
            if not _denies(neg.text, pos.text):
                return None
            score = 0.4 + 0.2 * (sim - MIN_SIMILARITY_PREDICATE)
            expl = "One claim denies what the other asserts"
        cues = [Highlight(neg.start + s, neg.start + e, "negation") for s, e in negation_cues(neg.text)]
        where = "in the same article" if a.doc == b.doc else f"in {ctx.source(a)} and {ctx.source(b)}"
        ha, hb = (cues, []) if neg is a else ([], cues)
        denied = negated_predicates(neg.text)
        group = "negation|" + " ".join(denied[0][:3]) if denied else ""
        return make_flag(a, b, self.kind, score, f"{expl} {where}.", ha, hb, group=group)
