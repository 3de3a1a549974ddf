"""Clustering and the k-NN graph on fixed unit vectors (no model)."""
from __future__ import annotations

import numpy as np

from claims.cluster import AgglomerativeClusterer, Neighbours, clusters_of
from claims.settings import ClusterSettings
from claims.types import Claim


def _unit(*rows) -> np.ndarray:
    v = np.array(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


# two tight groups far apart: 0,1,2 near the x axis, 3,4 near the y axis
VECTORS = _unit([1, 0.05, 0], [1, -0.05, 0], [1, 0, 0.05], [0.05, 1, 0], [-0.05, 1, 0])


def test_neighbours_are_the_nearest_others_most_similar_first():
    nn = Neighbours.build(VECTORS, k=2)
    assert set(nn.index[0]) == {1, 2}
    assert list(nn.index[3]) == [4, 0], "the nearest first; then the nearest of the other group"
    assert all(i not in row for i, row in enumerate(nn.index)), "a claim is not its own neighbour"
    assert np.all(np.diff(nn.similarity, axis=1) <= 0)
    np.testing.assert_allclose(nn.similarity[0, 0], VECTORS[0] @ VECTORS[nn.index[0, 0]], rtol=1e-6)


def test_short_rows_are_padded_with_the_claim_itself_at_similarity_minus_one():
    buckets = [np.array([0, 1, 2]), np.array([3, 4])]
    nn = Neighbours.build(VECTORS, k=2, buckets=buckets)
    assert nn.index[3][0] == 4 and nn.index[3][1] == 3 and nn.similarity[3][1] == -1.0
    assert set(nn.index[0]) == {1, 2}, "neighbours are searched within the bucket"


def test_one_claim_has_no_neighbours():
    nn = Neighbours.build(VECTORS[:1], k=10)
    assert nn.index.shape == (1, 0)


def test_clusters_cut_at_the_distance_threshold():
    labels = AgglomerativeClusterer(distance_threshold=0.45).fit(VECTORS)
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4]
    apart = AgglomerativeClusterer(distance_threshold=0.001).fit(VECTORS)
    assert len(set(apart)) == 5


def test_the_clusterer_defaults_are_the_settings_defaults():
    clusterer, settings = AgglomerativeClusterer(), ClusterSettings()
    assert (clusterer.distance_threshold, clusterer.bucket_size) == (settings.distance_threshold, settings.bucket_size)


def test_large_inputs_are_cut_into_buckets_of_at_most_bucket_size_that_cover_every_claim():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    clusterer = AgglomerativeClusterer(bucket_size=12)
    buckets = clusterer.buckets(vectors)
    assert all(len(b) <= 12 for b in buckets)
    assert sorted(np.concatenate(buckets).tolist()) == list(range(50))
    labels = clusterer.fit(vectors, buckets)
    for a, b in zip(buckets, buckets[1:]):  # labels never shared across buckets
        assert not set(labels[a]) & set(labels[b])


def test_no_claims_no_buckets_and_no_labels():
    clusterer = AgglomerativeClusterer()
    empty = np.zeros((0, 3), np.float32)
    assert clusterer.buckets(empty) == []
    assert len(clusterer.fit(empty)) == 0


def test_clusters_of_keeps_groups_of_two_or_more_named_by_their_shortest_claim():
    claims = [Claim(f"c{i}", "d0", 0, 1, text, 0, 1, cluster=label)
              for i, (text, label) in enumerate([("The dam failed on Monday night.", 0), ("The dam failed.", 0),
                                                 ("Rain fell for a week.", 1)])]
    [cluster] = clusters_of(claims)
    assert cluster.id == 0 and cluster.claims == ["c0", "c1"] and cluster.label == "The dam failed."
