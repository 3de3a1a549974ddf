"""claims.extract.polarity: is the claim denied, or only supposed?

"The ministry denied the dam failed" against "the dam failed" is a negation
disagreement; "not only ... but" and "no doubt" assert, they do not deny.
"""
from __future__ import annotations

import pytest

from claims.extract.polarity import is_hedged, is_negated, negation_cues


@pytest.mark.parametrize(
    "text, cue",
    [
        ("We don't accept the ruling.", "n't"),
        ("We don’t accept the ruling.", "n’t"),
        ("The mayor never signed the order.", "never"),
        ("The ministry denied the dam had failed.", "denied"),
        ("The governor denies any wrongdoing.", "denies"),
        ("No one was hurt in the blast.", "No one"),
        ("Nobody was hurt in the blast.", "Nobody"),
        ("The dam did not fail.", "not"),
        ("The bridge cannot carry trucks.", "cannot"),
        ("The port is no longer open.", "no longer"),
    ],
)
def test_negated(text, cue):
    assert is_negated(text)
    assert any(cue in text[s:e] for s, e in negation_cues(text))


@pytest.mark.parametrize(
    "text",
    [
        "The dam failed after the storm.",
        "Not only the dam but also the bridge failed.",
        "There is no doubt the dam failed.",
        "The knot held and another rope snapped.",
        "Nottingham officials confirmed the figure.",
        "The normal route through Norway reopened.",
    ],
)
def test_not_negated(text):
    assert not is_negated(text)
    assert negation_cues(text) == []


def test_negation_cues_index_the_text():
    text = "The mayor never signed it and the council didn't either."
    cues = [text[s:e] for s, e in negation_cues(text)]
    assert cues == ["never", "n't"]


@pytest.mark.parametrize(
    "text",
    [
        "If indeed the dam failed, repairs will take years.",
        "The dam reportedly failed overnight.",
        "The dam allegedly failed overnight.",
        "The dam may have failed overnight.",
        "The dam appears to have failed.",
    ],
)
def test_hedged(text):
    assert is_hedged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The dam failed overnight.",
        "Engineers confirmed the dam failed on Monday.",
        "The mayor denied the dam failed.",
    ],
)
def test_plain_statements_are_not_hedged(text):
    assert not is_hedged(text)


def test_negation_and_hedge_are_independent():
    text = "The dam reportedly did not fail."
    assert is_negated(text) and is_hedged(text)
