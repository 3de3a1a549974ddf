"""The aligner's features on hand-built sites: they read what a value is of, never the value."""
from __future__ import annotations

import numpy as np
import pytest

from claims.mentions.base import Interval, Mention
from claims.verify.features import FEATURES, WordVectors, pair_features
from claims.verify.pairs import mention_pairs, related_claims
from claims.verify.sites import Site


@pytest.fixture(scope="module")
def words():
    from claims.embed import load_embedder

    return WordVectors(load_embedder("fast"))


def site(value: float, text: str, anchor: str, verb: str, context: str, doc: str = "d0", claim: str = "c0",
         start: int = 0, holder: str = "", entities=()) -> Site:
    m = Mention("figure", start, start + len(text), text, Interval(value, value, value), key=f"{value:g}",
                unit=anchor, anchor=anchor, verb=verb, holder=holder)
    words_around = frozenset(w for w in context.split() if w != text)  # the mention's own words left out
    return Site(m, claim, doc, 0.5, words_around, context.replace(text, "[value]"), words_around,
                frozenset(entities), 1, False)


def column(rows, name):
    return rows.matrix[:, FEATURES.index(name)]


def test_the_value_itself_changes_no_feature(words):
    """Two pairs that differ only in the value on one side read the same: the aligner cannot see values."""
    a = site(40, "40", "bus", "buy", "the city bought 40 buses", claim="c0")
    b1 = site(40, "40", "bus", "purchase", "council purchased 40 buses", doc="d1", claim="c1")
    b2 = site(70, "70", "bus", "purchase", "council purchased 70 buses", doc="d1", claim="c1")
    same, changed = pair_features([(a, b1)], words), pair_features([(a, b2)], words)
    np.testing.assert_allclose(same.matrix, changed.matrix)


def test_counted_noun_and_verb_agreement_are_read(words):
    a = site(40, "40", "bus", "buy", "the city bought 40 buses")
    same = site(42, "42", "bus", "buy", "the city bought 42 buses", doc="d1", claim="c1")
    other = site(42, "42", "driver", "hire", "the city hired 42 drivers", doc="d1", claim="c1")
    rows = pair_features([(a, same), (a, other)], words)
    assert list(column(rows, "anchor_match")) == [1.0, 0.0]
    assert list(column(rows, "verb_match")) == [1.0, 0.0]
    assert column(rows, "anchor_similarity")[0] > column(rows, "anchor_similarity")[1]
    assert column(rows, "context_overlap")[0] > column(rows, "context_overlap")[1]


def test_a_person_is_matched_by_holder_and_clashes_when_two_are_named(words):
    a = site(51, "51", "", "", "Okafor , 51 , said", holder="okafor")
    b = site(53, "53", "", "", "Okafor , 53 , said", doc="d1", claim="c1", holder="okafor")
    c = site(53, "53", "", "", "Lindgren , 53 , said", doc="d1", claim="c1", holder="lindgren")
    rows = pair_features([(a, b), (a, c)], words)
    assert list(column(rows, "holder_match")) == [1.0, 0.0]
    assert list(column(rows, "holder_clash")) == [0.0, 1.0]


def test_pairs_come_from_related_claims_of_other_articles_only_for_figures():
    docs = ["d0", "d0", "d1"]
    vectors = np.eye(3, dtype=np.float32)
    assert related_claims(docs, vectors, k=2) == [(0, 1), (0, 2), (1, 2)]
    s0 = [site(3, "3", "bus", "buy", "bought 3 buses", doc="d0", claim="c0")]
    s1 = [site(4, "4", "bus", "buy", "bought 4 buses", doc="d0", claim="c1", start=50)]
    s2 = [site(3, "3", "bus", "buy", "bought 3 buses", doc="d1", claim="c2")]
    pairs, agreeing = mention_pairs([s0, s1, s2], [(0, 1), (0, 2), (1, 2)], lambda x, y: x.key == y.key)
    # figures of one article are not compared with each other (a total and its parts stand side by side)
    assert [(a.claim, b.claim) for a, b in pairs] == [("c0", "c2"), ("c1", "c2")]
    assert agreeing == [0, 0]


def dated(kind: str, key: str, text: str, doc: str, claim: str, start: int = 100) -> Site:
    m = Mention(kind, start, start + len(text), text, None, key=key)
    return Site(m, claim, doc, 0.5, frozenset(), text, frozenset(), frozenset(), 1, False)


def test_figures_of_two_times_or_two_places_are_not_paired():
    def differ(x, y):
        return None if x.key == y.key else "differ"

    def equal(x, y):
        return x.key == y.key

    a = [site(40, "40", "person", "kill", "40 people were killed", doc="d0", claim="c0"),
         dated("date", "2019", "2019", "d0", "c0")]
    b = [site(350, "350", "person", "kill", "350 people were killed", doc="d1", claim="c1"),
         dated("date", "2020", "2020", "d1", "c1")]
    c = [site(350, "350", "person", "kill", "350 people were killed", doc="d1", claim="c2"),
         dated("date", "2019", "2019", "d1", "c2")]
    pairs, _ = mention_pairs([a, b, c], [(0, 1), (0, 2)], equal, differ)
    assert {(x.claim, y.claim, x.mention.kind) for x, y in pairs} == {("c0", "c1", "date"), ("c0", "c2", "figure"),
                                                                     ("c0", "c2", "date")}
    east = [site(12, "12", "home", "destroy", "12 homes destroyed", doc="d0", claim="c0"),
            dated("place", "eastvale", "Eastvale", "d0", "c0")]
    west = [site(30, "30", "home", "destroy", "30 homes destroyed", doc="d1", claim="c1"),
            dated("place", "westvale", "Westvale", "d1", "c1")]
    pairs, _ = mention_pairs([east, west], [(0, 1)], equal, differ)
    assert [x.mention.kind for x, _ in pairs] == ["place"]
