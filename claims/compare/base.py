"""What every comparator shares: the context of a pair and the flag it returns.

Two shapes of comparator:
- a *pair comparator* (``kind``, ``compare(a, b, ctx) -> Flag | None``) judges one
  candidate pair of claims (numbers, dates, negation);
- a *corpus comparator* (``kind``, ``find(claims, ctx) -> list[Flag]``) looks at
  all claims at once, grouped by a key (a person's titles, a name's spellings).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from claims.types import Claim, Document, Flag, Highlight


@dataclass
class ScoringContext:
    documents: dict[str, Document]
    claims: dict[str, Claim]
    index: dict[str, int]  # claim id -> row in vectors
    vectors: np.ndarray
    settings: dict = field(default_factory=dict)

    def similarity(self, a: Claim, b: Claim) -> float:
        return float(self.vectors[self.index[a.id]] @ self.vectors[self.index[b.id]])

    def source(self, claim: Claim) -> str:
        return self.documents[claim.doc].name


def clamp(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 3)


def make_flag(a: Claim, b: Claim, kind: str, score: float, explanation: str,
              ha: list[Highlight] | None = None, hb: list[Highlight] | None = None, group: str = "") -> Flag:
    return Flag(a=a.id, b=b.id, kind=kind, score=clamp(score), explanation=explanation,
                highlights_a=ha or [], highlights_b=hb or [], group=group)
