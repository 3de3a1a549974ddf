"""The shipped verifier on fixed invented pairs: aligned differing values are flagged, look-alikes are not.

Real weights (models/verifier), real parser, real word vectors; no dev event's names or numbers.
"""
from __future__ import annotations

import datetime as dt

import pytest

from claims.verify.sites import ClaimText


@pytest.fixture(scope="module")
def verifier():
    from claims.embed import load_embedder
    from claims.verify.aligner import load_aligner
    from claims.verify.features import WordVectors
    from claims.verify.verifier import MentionVerifier

    static = load_embedder("fast")
    return MentionVerifier(load_aligner(), WordVectors(static)), static


def verify(verifier, a: str, b: str, published=dt.date(2031, 5, 16)):
    found, static = verifier
    claims = [ClaimText("c0", "d0", a, 0, 0.0, published), ClaimText("c1", "d1", b, 0, 0.0, published)]
    return found.verify(claims, static.encode([a, b]))


def all_candidates(verifier, a: str, b: str, published=dt.date(2031, 5, 16)):
    from claims.verify.verifier import prepare

    found, static = verifier
    claims = [ClaimText("c0", "d0", a, 0, 0.0, published), ClaimText("c1", "d1", b, 0, 0.0, published)]
    return found.candidates(prepare(claims, static.encode([a, b])))


def test_one_count_given_two_ways_is_flagged(verifier):
    flagged = verify(verifier, "The flood forced 4,300 residents of Marlow County from their homes.",
                     "About 1,300 residents of Marlow County were forced from their homes by the flood.")
    assert [(c.a.mention.text, c.b.mention.text) for c in flagged] == [("4,300", "About 1,300")]


def test_a_name_spelt_two_ways_is_flagged(verifier):
    flagged = verify(verifier, "Fire chief Oriana Velasquez said the blaze was under control by noon.",
                     "Fire chief Oriana Velazquez said crews had the blaze under control by noon.")
    assert [c.a.mention.kind for c in flagged] == ["person"]


def test_different_people_sharing_a_surname_are_not_compared(verifier):
    assert verify(verifier, "Tomas Brandt, the mayor, opened the bridge.",
                  "His brother Elias Brandt watched from the crowd.") == []


def test_counts_of_different_things_score_below_counts_of_one_thing(verifier):
    same = all_candidates(verifier, "The council approved 40 new buses for the city.",
                          "The city council approved 46 new buses.")
    other = all_candidates(verifier, "The council approved 40 new buses for the city.",
                           "The city council hired 46 new drivers.")
    assert same and other
    assert max(c.probability for c in same) > max(c.probability for c in other)


def test_rounding_with_a_hedge_is_not_a_difference(verifier):
    assert verify(verifier, "Nearly 2,000 runners finished the marathon on Sunday.",
                  "The marathon on Sunday saw 1,974 runners finish.") == []


def test_a_threshold_given_for_one_call_leaves_the_model_as_it_was(verifier):
    found, static = verifier
    before = found.aligner.threshold("figure")
    a, b = "The council approved 40 new buses for the city.", "The city council hired 46 new drivers."
    claims = [ClaimText("c0", "d0", a, 0, 0.0, None), ClaimText("c1", "d1", b, 0, 0.0, None)]
    loose = found.verify(claims, static.encode([a, b]), threshold=0.0)
    assert len(loose) >= len(found.verify(claims, static.encode([a, b])))
    assert loose  # at 0 every differing aligned pair is kept
    assert found.aligner.threshold("figure") == before
