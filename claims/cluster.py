"""Cluster: group claims that state the same fact, across articles.

Average-linkage agglomerative clustering on cosine distance, cut at
``distance_threshold`` (scikit-learn). Average linkage does not chain the way
single linkage (or DBSCAN) does, so a cluster stays about one fact.

Agglomerative clustering needs all pairwise distances of what it clusters, so
large corpora are first cut into buckets of at most ``bucket_size`` claims by
MiniBatchKMeans on the unit vectors (claims about one fact sit close together
and land in one bucket), then each bucket is clustered on its own. Memory is
bounded by ``bucket_size`` squared, never n squared; time grows linearly with n.
The seeds and other small events fit in one bucket, where the result is exact.

A clusterer is anything with ``fit(vectors) -> labels``. ``Neighbours`` (the
k-NN graph) is built here too and shared with candidate blocking. The defaults
(and the reasons for them) are :class:`claims.settings.ClusterSettings`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from claims.settings import ClusterSettings
from claims.types import Claim, Cluster

_DEFAULTS = ClusterSettings()


@dataclass
class Neighbours:
    """k nearest neighbours of every claim: indices and cosine similarities (n x k)."""

    index: np.ndarray
    similarity: np.ndarray

    @classmethod
    def build(cls, vectors: np.ndarray, k: int = _DEFAULTS.neighbours, buckets: list[np.ndarray] | None = None) -> "Neighbours":
        """k-NN by dot products of unit vectors, searched within each bucket of similar claims.

        With one bucket (any corpus up to ``bucket_size`` claims) the result is exact; past
        that a claim's neighbours are looked for among the claims k-means put beside it,
        which keeps the cost at n x bucket instead of n x n. Rows with fewer than k
        candidates are padded with the claim itself at similarity -1 (never a candidate).
        """
        n = len(vectors)
        k = max(0, min(k, n - 1))
        index = np.tile(np.arange(n)[:, None], (1, k))
        similarity = np.full((n, k), -1.0, dtype=np.float32)
        if k == 0:
            return cls(index, similarity)
        for bucket in buckets if buckets is not None else [np.arange(n)]:
            kb = min(k, len(bucket) - 1)
            if kb < 1:
                continue
            sub = vectors[bucket]
            for start in range(0, len(bucket), 2048):  # memory: 2048 x bucket floats at a time
                sims = sub[start : start + 2048] @ sub.T
                rows = np.arange(sims.shape[0])
                sims[rows, rows + start] = -np.inf  # a claim is not its own neighbour
                top = np.argpartition(-sims, kb - 1, axis=1)[:, :kb]
                top_sims = np.take_along_axis(sims, top, axis=1)
                order = np.argsort(-top_sims, axis=1)
                rows_out = bucket[start : start + 2048]
                index[rows_out, :kb] = bucket[np.take_along_axis(top, order, axis=1)]
                similarity[rows_out, :kb] = np.take_along_axis(top_sims, order, axis=1)
        return cls(index, similarity)


class AgglomerativeClusterer:
    def __init__(self, distance_threshold: float = _DEFAULTS.distance_threshold, bucket_size: int = _DEFAULTS.bucket_size,
                 random_state: int = 0):
        self.distance_threshold = distance_threshold
        self.bucket_size = bucket_size
        self.random_state = random_state

    def fit(self, vectors: np.ndarray, buckets: list[np.ndarray] | None = None) -> np.ndarray:
        labels = np.full(len(vectors), -1, dtype=np.int64)
        next_label = 0
        for bucket in self.buckets(vectors) if buckets is None else buckets:
            sub = self._cluster(vectors[bucket])
            labels[bucket] = sub + next_label
            next_label += int(sub.max()) + 1 if len(sub) else 0
        return labels

    def _cluster(self, vectors: np.ndarray) -> np.ndarray:
        if len(vectors) < 2:
            return np.zeros(len(vectors), dtype=np.int64)
        from sklearn.cluster import AgglomerativeClustering

        model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                        distance_threshold=self.distance_threshold)
        return model.fit_predict(vectors).astype(np.int64)

    def buckets(self, vectors: np.ndarray) -> list[np.ndarray]:
        """Index arrays of at most ``bucket_size`` claims each, similar claims together."""
        if not len(vectors):  # no claims (a headline-only article): no bucket, not one empty one
            return []
        pending = [np.arange(len(vectors))]
        done = []
        while pending:
            idx = pending.pop()
            if len(idx) <= self.bucket_size:
                done.append(idx)
                continue
            from sklearn.cluster import MiniBatchKMeans

            parts = math.ceil(2 * len(idx) / self.bucket_size)  # aim at half-full buckets
            km = MiniBatchKMeans(n_clusters=parts, random_state=self.random_state, n_init=1,
                                 batch_size=2048).fit(vectors[idx])
            split = [idx[km.labels_ == p] for p in range(parts)]
            split = [s for s in split if len(s)]
            if len(split) == 1:  # k-means could not separate them: cut arbitrarily rather than loop
                split = np.array_split(idx, math.ceil(len(idx) / self.bucket_size))
            pending.extend(split)
        return sorted(done, key=lambda b: int(b[0]))


def clusters_of(claims: list[Claim]) -> list[Cluster]:
    """Clusters with more than one claim (``Claim.cluster`` set), labelled by their shortest claim."""
    members: dict[int, list[Claim]] = {}
    for c in claims:
        members.setdefault(c.cluster, []).append(c)
    out = []
    for label, group in sorted(members.items()):
        if len(group) < 2:
            continue
        name = min((c.text for c in group), key=len)
        out.append(Cluster(label, [c.id for c in group], name[:90]))
    return out
