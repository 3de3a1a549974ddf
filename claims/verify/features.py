"""What the aligner reads about a pair of mentions: does the context say they are the same fact?

Every feature is about *what the two values are of* — counted nouns, event verbs, holders,
organisations, the words around each value, the entities of the two claims — and never about the
values themselves: whether two values differ is the normalisers' exact call
(:func:`claims.mentions.read.differ`), whether they state the same fact is the aligner's.

Similarities of words and masked contexts use the static embedding shipped in ``models/fast``
(numpy only), whatever model the run clusters with, so a trained aligner reads the same features
under ``--model fast`` and the default transformer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from claims.mentions.base import KINDS
from claims.verify.sites import Site

FEATURES = (
    "kind", "same_doc",
    "anchor_match", "anchor_missing", "anchor_similarity",
    "verb_match", "verb_missing", "verb_similarity",
    "holder_match", "holder_clash", "org_match", "org_clash",
    "qualifier_overlap", "qualifier_clash", "unit_match", "unit_clash", "value_kind_match",
    "hedged_any", "hedged_both",
    "context_overlap", "context_similarity", "claim_overlap", "entity_overlap", "entities_shared",
    "same_kind_max", "same_kind_min", "position_min", "position_gap", "quoted_any", "length_ratio",
    "reporting_any", "update_any", "tense_clash", "former_clash", "equal_values_between",
)
CATEGORICAL = ("kind",)
# boolean parse facts the mention readers may record in Mention.features
_REPORTING, _UPDATE, _TENSE, _FORMER = "reporting", "update", "tense", "former"


@dataclass
class PairRows:
    """Feature rows for mention pairs, in the order of FEATURES."""

    matrix: np.ndarray  # (n_pairs, len(FEATURES)) float32

    def __len__(self) -> int:
        return len(self.matrix)


class WordVectors:
    """Unit vectors of short texts (anchors, verbs, masked contexts) from the static model, memoised."""

    def __init__(self, embedder):
        self.embedder = embedder
        self._memo: dict[str, np.ndarray] = {}

    def of(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t and t not in self._memo]
        if missing:
            for t, v in zip(missing, self.embedder.encode(missing)):
                self._memo[t] = v
        dim = self.embedder.dimension
        zero = np.zeros(dim, np.float32)
        return np.stack([self._memo.get(t, zero) if t else zero for t in texts]) if texts else np.zeros((0, dim))


def _jaccard(a: frozenset | set | tuple, b: frozenset | set | tuple) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a and b else 0.0


def _match(x: str, y: str) -> tuple[float, float]:
    """(both given and equal, both given and different)."""
    if not x or not y:
        return 0.0, 0.0
    return float(x == y), float(x != y)


def pair_features(pairs: Sequence[tuple[Site, Site]], words: WordVectors,
                  equal_between: Sequence[int] | None = None) -> PairRows:
    """One row per pair. ``equal_between[i]``: other mention pairs of the same two claims whose values
    are equal (two claims that already agree on one figure are likely about the same thing)."""
    n = len(pairs)
    if n == 0:
        return PairRows(np.zeros((0, len(FEATURES)), np.float32))
    anchors_a = words.of([a.mention.anchor for a, _ in pairs])
    anchors_b = words.of([b.mention.anchor for _, b in pairs])
    verbs_a = words.of([a.mention.verb for a, _ in pairs])
    verbs_b = words.of([b.mention.verb for _, b in pairs])
    ctx_a = words.of([a.context_text for a, _ in pairs])
    ctx_b = words.of([b.context_text for _, b in pairs])
    anchor_sim = np.einsum("ij,ij->i", anchors_a, anchors_b)
    verb_sim = np.einsum("ij,ij->i", verbs_a, verbs_b)
    ctx_sim = np.einsum("ij,ij->i", ctx_a, ctx_b)
    rows = np.zeros((n, len(FEATURES)), np.float32)
    for i, (a, b) in enumerate(pairs):
        ma, mb = a.mention, b.mention
        fa, fb = ma.features or {}, mb.features or {}
        anchor_match, _ = _match(ma.anchor, mb.anchor)
        verb_match, _ = _match(ma.verb, mb.verb)
        holder_match, holder_clash = _match(ma.holder, mb.holder)
        org_match, org_clash = _match(ma.org, mb.org)
        unit_match, unit_clash = _match(ma.unit, mb.unit)
        qa, qb = set(ma.qualifiers), set(mb.qualifiers)
        la, lb = len(a.context_text), len(b.context_text)
        rows[i] = (
            KINDS.index(ma.kind) if ma.kind in KINDS else len(KINDS), float(a.doc == b.doc),
            anchor_match, float(not ma.anchor or not mb.anchor), anchor_sim[i],
            verb_match, float(not ma.verb or not mb.verb), verb_sim[i],
            holder_match, holder_clash, org_match, org_clash,
            _jaccard(qa, qb), float(bool(qa) and bool(qb) and not (qa & qb)), unit_match, unit_clash,
            float(fa.get("kind", "") == fb.get("kind", "")),
            float(bool(ma.hedge) or bool(mb.hedge)), float(bool(ma.hedge) and bool(mb.hedge)),
            _jaccard(a.context, b.context), ctx_sim[i], _jaccard(a.claim_lemmas, b.claim_lemmas),
            _jaccard(a.entities, b.entities), float(len(a.entities & b.entities)),
            float(max(a.n_same_kind, b.n_same_kind)), float(min(a.n_same_kind, b.n_same_kind)),
            float(min(a.position, b.position)), float(abs(a.position - b.position)),
            float(a.in_quote or b.in_quote), min(la, lb) / max(la, lb, 1),
            float(bool(fa.get(_REPORTING)) or bool(fb.get(_REPORTING))),
            float(bool(fa.get(_UPDATE)) or bool(fb.get(_UPDATE))),
            float(bool(fa.get(_TENSE)) and bool(fb.get(_TENSE)) and fa.get(_TENSE) != fb.get(_TENSE)),
            float(bool(fa.get(_FORMER)) != bool(fb.get(_FORMER))),
            float(equal_between[i]) if equal_between is not None else 0.0,
        )
    return PairRows(rows)
