"""Date and negation comparators: near-identical statements that differ in when, or in yes/no.

Both only look at near paraphrases (high embedding similarity), since a date or
a "not" only contradicts a statement about the same thing.
"""
from __future__ import annotations

import re

from claims.compare.base import ScoringContext, make_flag
from claims.extract.dates import compatible
from claims.extract.polarity import negation_cues
from claims.types import Claim, Flag, Highlight

MIN_SIMILARITY_DATE = 0.75
MIN_SIMILARITY_NEGATION = 0.8
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "that", "this", "with", "for", "from", "has", "have", "had", "was", "were", "not",
         "are", "its", "his", "her", "their", "been", "said", "says", "would", "will", "than", "but", "never"}


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _other_figures_differ(a: Claim, b: Claim) -> bool:
    """Both claims count the same measured thing, with different values."""
    return any(qa.measure and qa.measure == qb.measure and qa.kind == qb.kind and qa.value != qb.value
               for qa in a.quantities for qb in b.quantities)


class DateComparator:
    kind = "date"

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if not a.dates or not b.dates:
            return None
        sim = ctx.similarity(a, b)
        if sim < MIN_SIMILARITY_DATE:
            return None
        if any(compatible(da, db) for da in a.dates for db in b.dates):
            return None
        if _other_figures_differ(a, b):
            return None  # other figures differ too: two events (floods in two years), not one misdated
        da, db = a.dates[0], b.dates[0]
        where = "in the same article" if a.doc == b.doc else f"in {ctx.source(a)} and {ctx.source(b)}"
        return make_flag(a, b, self.kind, 0.45 + (sim - MIN_SIMILARITY_DATE),
                         f"Two near-identical statements {where} give different dates: “{da.text}” vs “{db.text}”.",
                         [Highlight(da.start, da.end, da.text)], [Highlight(db.start, db.end, db.text)])


class NegationComparator:
    kind = "negation"

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        if a.negated == b.negated or a.hedged or b.hedged:
            return None
        sim = ctx.similarity(a, b)
        if sim < MIN_SIMILARITY_NEGATION:
            return None
        wa, wb = _content_words(a.text), _content_words(b.text)
        if not wa or not wb or len(wa & wb) / len(wa | wb) < 0.5:
            return None
        neg, pos = (a, b) if a.negated else (b, a)
        cues = [Highlight(neg.start + s, neg.start + e, "negation") for s, e in negation_cues(neg.text)]
        where = "in the same article" if a.doc == b.doc else f"in {ctx.source(a)} and {ctx.source(b)}"
        expl = f"The same statement is asserted and denied {where}."
        ha, hb = (cues, []) if neg is a else ([], cues)
        return make_flag(a, b, self.kind, 0.5 + (sim - MIN_SIMILARITY_NEGATION), expl, ha, hb)
