"""Cluster: group claims that state the same fact, across articles.

Average-linkage agglomerative clustering on cosine distance, cut at
``distance_threshold``. Average linkage does not chain the way single linkage
(or DBSCAN) does, so a cluster stays about one fact. The merge graph is limited
to each claim's ``k`` nearest neighbours (a sparse connectivity matrix), so
memory grows with n*k, never n*n.

A clusterer is anything with ``fit(vectors) -> labels``; ``Neighbours`` gives
the same k-NN graph to candidate blocking so it is built once.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Measured on the seeds (see README, "Choosing the threshold"): 0.45 puts the
# gold "agree" paraphrases together while keeping unrelated claims apart.
DEFAULT_DISTANCE = 0.45
DEFAULT_K = 10


@dataclass
class Neighbours:
    """k nearest neighbours of every claim: indices and cosine similarities (n x k)."""

    index: np.ndarray
    similarity: np.ndarray

    @classmethod
    def build(cls, vectors: np.ndarray, k: int = DEFAULT_K) -> "Neighbours":
        from sklearn.neighbors import NearestNeighbors

        n = len(vectors)
        k = max(1, min(k, n - 1))
        if n < 2:
            return cls(np.zeros((n, 0), dtype=int), np.zeros((n, 0), dtype=np.float32))
        nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute").fit(vectors)
        dist, idx = nn.kneighbors(vectors)
        # drop each point itself (normally column 0; duplicates can swap places)
        rows = []
        sims = []
        for i in range(n):
            keep = [j for j in range(idx.shape[1]) if idx[i, j] != i][:k]
            rows.append(idx[i, keep])
            sims.append(1.0 - dist[i, keep])
        return cls(np.array(rows), np.array(sims, dtype=np.float32))


class AgglomerativeClusterer:
    def __init__(self, distance_threshold: float = DEFAULT_DISTANCE, k: int = DEFAULT_K):
        self.distance_threshold = distance_threshold
        self.k = k

    def fit(self, vectors: np.ndarray, neighbours: Neighbours | None = None) -> np.ndarray:
        n = len(vectors)
        if n == 0:
            return np.zeros(0, dtype=int)
        if n == 1:
            return np.zeros(1, dtype=int)
        import warnings

        from scipy.sparse import csr_matrix
        from sklearn.cluster import AgglomerativeClustering

        neighbours = neighbours or Neighbours.build(vectors, self.k)
        rows = np.repeat(np.arange(n), neighbours.index.shape[1])
        graph = csr_matrix((np.ones(len(rows)), (rows, neighbours.index.ravel())), shape=(n, n))
        graph = graph.maximum(graph.T)
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average",
            distance_threshold=self.distance_threshold, connectivity=graph,
        )
        with warnings.catch_warnings():
            # sklearn warns that it completes a disconnected graph; that is expected here
            warnings.simplefilter("ignore")
            return model.fit_predict(vectors)
