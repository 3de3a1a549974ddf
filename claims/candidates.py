"""Candidate pairs: which claim pairs the pair comparators look at.

Never all n*n pairs. A pair is a candidate when the claims are
- among each other's k nearest neighbours (cosine similarity >= ``min_similarity``),
- in the same cluster (clusters of at most ``max_cluster`` claims), or
- in the same quantity block: figures with the same measure ("killed"), which
  may be phrased too differently to be neighbours; big blocks keep each claim's
  ``block_k`` most similar partners only; the same goes for counts of one unit of one
  thing ("pages of letters") and for dates next to the same word ("closed on Friday"); or
- a denial and a claim stating the denied verb and its object (the negation block),
  again at most ``block_k`` per denial.
Claims with the same normalised text are never paired: a repeat agrees with itself.
"""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from claims.clean import normalise_for_repeat
from claims.cluster import Neighbours
from claims.extract.events import event_words
from claims.extract.polarity import negated_predicates, stem
from claims.settings import CandidateSettings
from claims.types import Claim


def candidate_pairs(claims: list[Claim], vectors: np.ndarray, neighbours: Neighbours, labels: np.ndarray,
                    settings: CandidateSettings | None = None) -> list[tuple[int, int]]:
    settings = settings or CandidateSettings()
    min_similarity, max_cluster, block_k = settings.min_similarity, settings.max_cluster, settings.block_k
    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            pairs.add((i, j) if i < j else (j, i))

    for i in range(len(claims)):
        for j, s in zip(neighbours.index[i], neighbours.similarity[i]):
            if s >= min_similarity:
                add(i, int(j))

    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    for group in members.values():
        if 1 < len(group) <= max_cluster:
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    add(group[x], group[y])

    blocks: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, c in enumerate(claims):
        for q in c.quantities:
            if q.measure:
                blocks[(q.kind, q.measure)].add(i)
            elif q.unit:  # "pages of letters": the same unit of the same thing
                for word in event_words(c.text, q.end - c.start, q.end - c.start, before=False):
                    blocks[(q.kind, q.unit, word)].add(i)
        # Event blocks: a time and the act next to it ("closed on Friday", "opened Sunday")
        for d in c.dates:
            for word in event_words(c.text, d.start - c.start, d.end - c.start):
                blocks[("time", word)].add(i)
    for block in blocks.values():
        idx = sorted(block)
        if len(idx) <= block_k + 1:
            for x in range(len(idx)):
                for y in range(x + 1, len(idx)):
                    add(idx[x], idx[y])
            continue
        sub = vectors[idx]
        for start in range(0, len(idx), 256):  # chunked: a block x block matrix is never held whole
            sims = sub[start : start + 256] @ sub.T
            top = np.argpartition(-sims, block_k, axis=1)[:, : block_k + 1]
            for r, row in enumerate(top):
                for t in row:
                    add(idx[start + r], idx[int(t)])

    # Negation blocks: a denial ("has not declared a state of emergency") and the claims that
    # state its governed verb and next word, however far apart the embedding puts them.
    index: dict[str, set[int]] = defaultdict(set)
    denials = [(i, preds) for i, c in enumerate(claims) if c.negated and (preds := negated_predicates(c.text))]
    wanted = {s for _, preds in denials for p in preds for s in p[:2]}
    for i, c in enumerate(claims):
        if not c.negated:
            for word in re.findall(r"[A-Za-z]{3,}", c.text):
                if stem(word) in wanted:
                    index[stem(word)].add(i)
    for i, preds in denials:
        for p in preds:
            partners = sorted(index[p[0]] & index[p[1]])
            if len(partners) > block_k:  # the most similar ones only
                sims = vectors[partners] @ vectors[i]
                partners = [partners[j] for j in np.argsort(-sims)[:block_k]]
            for j in partners:
                add(i, j)

    keys = [normalise_for_repeat(c.text) for c in claims]
    return sorted((i, j) for i, j in pairs if keys[i] != keys[j])
