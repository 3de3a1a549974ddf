"""Extract: the checkable facts in each claim (quantities, dates, people, polarity).

``extract(span, claim_id)`` turns a :class:`~claims.split.ClaimSpan` into a
:class:`~claims.types.Claim`. Each fact type lives in its own module so it can
be tested and improved alone.
"""
from __future__ import annotations

from claims.extract.dates import extract_dates
from claims.extract.people import extract_people
from claims.extract.polarity import is_hedged, is_negated
from claims.extract.quantities import extract_quantities
from claims.split import ClaimSpan
from claims.types import Claim


def extract(span: ClaimSpan, claim_id: str) -> Claim:
    return Claim(
        id=claim_id,
        doc=span.doc,
        start=span.start,
        end=span.end,
        text=span.text,
        sentence_start=span.sentence.start,
        sentence_end=span.sentence.end,
        attribution=span.attribution,
        quantities=extract_quantities(span.text, span.start),
        dates=extract_dates(span.text, span.start),
        people=extract_people(span.text, span.start),
        negated=is_negated(span.text),
        hedged=is_hedged(span.text),
    )


__all__ = ["extract", "extract_dates", "extract_people", "extract_quantities", "is_negated", "is_hedged"]
