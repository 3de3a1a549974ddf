"""The pair verifier: align every checkable value across claims, flag the aligned ones that differ.

For the claims of one run it
1. reads the typed mentions of each claim (:mod:`claims.mentions`, one parse per claim),
2. pairs comparable mentions of related claims (:mod:`claims.verify.pairs`),
3. keeps the pairs whose values differ (the normalisers' exact call, :func:`claims.mentions.read.differ`),
4. asks the aligner whether the two mentions state the same fact (:mod:`claims.verify.aligner`), and
5. flags the pairs above the kind's threshold, one flag per claim pair (the surest).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from claims.mentions.base import Mention
from claims.verify.aligner import Aligner
from claims.verify.features import WordVectors, pair_features
from claims.verify.pairs import mention_pairs, related_claims
from claims.verify.sites import ClaimText, Site, build_sites

# what a flag of each mention kind is called in the report (the kinds the report already knows)
FLAG_KIND = {"figure": "numeric", "age": "numeric", "time": "date", "date": "date", "person": "entity_name",
             "place": "entity_name", "org": "entity_name", "title": "role"}


@dataclass(frozen=True)
class Candidate:
    """Two mentions whose values differ, with the aligner's probability that they state one fact."""

    a: Site
    b: Site
    reason: str  # why the values conflict, from the normaliser
    probability: float

    @property
    def kind(self) -> str:
        return self.a.mention.kind


@dataclass
class Prepared:
    """Everything the verifier read of one run before scoring (reused by training)."""

    sites: list[list[Site]]
    pairs: list[tuple[Site, Site]]
    agreeing: list[int]  # per pair: other pairs of the same two claims with equal values


def published_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def prepare(claims: Sequence[ClaimText], vectors: np.ndarray, neighbours: int = 25, readers=None,
            memo: dict | None = None, block_k: int = 10) -> Prepared:
    from claims.mentions.read import differ, equal, read_mentions

    mentions, parsed = read_mentions([c.text for c in claims], [c.start for c in claims],
                                     [c.published for c in claims], readers, memo)
    sites = build_sites(claims, mentions, parsed)
    related = related_claims([c.doc for c in claims], vectors, neighbours, [block_keys(found) for found in mentions],
                             block_k)
    pairs, agreeing = mention_pairs(sites, related, equal, differ)
    return Prepared(sites, pairs, agreeing)


def block_keys(mentions: Sequence[Mention]) -> list[str]:
    """What a claim's values are of: claims sharing one of these are compared even when worded apart."""
    keys = []
    for m in mentions:
        if m.kind in ("title", "age") and m.holder:
            keys.append(f"holder|{m.holder}")
        elif m.kind == "person" and m.key:
            keys.append(f"person|{m.key}")
        elif m.kind in ("figure", "date", "time") and m.anchor:
            keys.append(f"{m.kind}|{m.anchor}")
    return keys


class MentionVerifier:
    """Flags aligned mentions with differing values. ``aligner`` from :func:`claims.verify.aligner.load_aligner`."""

    def __init__(self, aligner: Aligner, words: WordVectors, neighbours: int = 25, block_k: int = 10):
        self.aligner = aligner
        self.words = words
        self.neighbours = neighbours
        self.block_k = block_k

    def candidates(self, prepared: Prepared) -> list[Candidate]:
        from claims.mentions.read import differ

        keep, reasons = [], []
        for i, (a, b) in enumerate(prepared.pairs):
            reason = differ(a.mention, b.mention)
            if reason:
                keep.append(i)
                reasons.append(reason)
        pairs = [prepared.pairs[i] for i in keep]
        rows = pair_features(pairs, self.words, [prepared.agreeing[i] for i in keep])
        probability = self.aligner.probability(rows.matrix)
        return [Candidate(a, b, r, float(p)) for (a, b), r, p in zip(pairs, reasons, probability)]

    def verify(self, claims: Sequence[ClaimText], vectors: np.ndarray,
               threshold: float | None = None) -> list[Candidate]:
        """The flagged candidates, the surest per claim pair, best first. ``threshold`` replaces the
        model's own for this call (settings.verify.min_probability)."""
        found = [c for c in self.candidates(prepare(claims, vectors, self.neighbours, block_k=self.block_k))
                 if c.probability >= (threshold if threshold is not None else self.aligner.threshold(c.kind))]
        best: dict[tuple[str, str], Candidate] = {}
        for c in found:
            key = tuple(sorted((c.a.claim, c.b.claim)))
            if key not in best or c.probability > best[key].probability:
                best[key] = c
        return sorted(best.values(), key=lambda c: -c.probability)

