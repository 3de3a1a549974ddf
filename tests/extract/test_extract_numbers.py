"""claims.extract.numbers: which numbers count something, and what they are worth.

A fact-checker compares these values across articles, so a missed figure hides a
disagreement and a year or model name read as a count invents one.
"""
from __future__ import annotations

import math

import pytest

from claims.extract.numbers import find_numbers, words_to_number


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


def only(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


# --- digits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials counted 12,480 ballots in the district.", 12_480),
        ("The fund now holds 1,250,000 shares.", 1_250_000),
        ("Rescuers reached 7 villages by nightfall.", 7),
        ("The river rose 2.75 metres overnight.", 2.75),
    ],
)
def test_digit_numbers_with_commas_and_decimals(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council approved 3.5 million dollars for repairs.", 3_500_000),
        ("About 4.2 billion litres of water were lost.", 4_200_000_000),
        ("Some 12 thousand fans filled the stadium.", 12_000),
    ],
)
def test_digits_with_scale_word_multiply(text, expected):
    assert values(text) == [expected]


# --- words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("seventeen", 17),
        ("twenty-one", 21),
        ("forty two", 42),
        ("one million", 1_000_000),
        ("a million", 1_000_000),
        ("two and a half", 2.5),
        ("four and a half", 4.5),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2_500),
        ("a dozen", 12),
    ],
)
def test_words_to_number(phrase, expected):
    assert words_to_number(phrase) == expected


@pytest.mark.parametrize("phrase", ["", "harbour", "the", "and"])
def test_words_to_number_rejects_non_numbers(phrase):
    assert words_to_number(phrase) is None


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("Seventeen miners were trapped underground.", "Seventeen", 17),
        ("The storm damaged twenty-one schools.", "twenty-one", 21),
        ("Nearly one million households lost power.", "one million", 1_000_000),
        ("The siege lasted four and a half days.", "four and a half", 4.5),
    ],
)
def test_number_words_in_a_sentence(text, surface, expected):
    n = only(text)
    assert n.text == surface
    assert n.value == expected
    assert n.written == "words"


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt in the blast.",
        "One of the mayors resigned after the vote.",
        "The ministry issued a statement on the flooding.",
    ],
)
def test_pronoun_one_and_article_a_are_not_counts(text):
    assert find_numbers(text) == []


# --- vague amounts ------------------------------------------------------------------


def test_dozens_is_more_than_a_dozen_and_fewer_than_hundreds():
    n = only("Dozens of fishermen were missing after the storm.")
    assert n.written == "vague"
    assert n.low > 12 and n.high < 200
    assert n.low <= 50 <= n.high
    assert n.low <= n.value <= n.high


def test_hundreds_and_thousands_are_intervals_of_their_order_of_magnitude():
    hundreds = only("Hundreds of villagers fled the valley.")
    assert 100 <= hundreds.low < 400 <= hundreds.high < 1_000
    thousands = only("Thousands of workers joined the strike.")
    assert 1_000 <= thousands.low < 5_000 <= thousands.high < 10_000


def test_tens_of_thousands_is_one_interval_not_two_numbers():
    n = only("Tens of thousands of residents marched through the capital.")
    assert n.text == "Tens of thousands"
    assert 10_000 <= n.low < 30_000 <= n.high < 100_000


def test_hundreds_of_thousands_is_one_interval_not_two_numbers():
    n = only("Hundreds of thousands of people were left without water.")
    assert n.text == "Hundreds of thousands"
    assert 100_000 <= n.low < 400_000 <= n.high < 1_000_000
    # not confused with plain "hundreds" or "thousands"
    assert not (n.low <= 5_000 <= n.high)


# --- things that are not counts -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was built in 1987 and closed later.",
        "Rents doubled during the 1970s across the city.",
        "The levy was collected in 2011-12 only.",
        "The Yak-130 trainer crashed near the airfield.",
        "A MiG-29 and an F-16 were seen over the coast.",
        "The vote was held on March 12 without incident.",
        "The vote was held on 12 March without incident.",
        "The 3rd battalion withdrew at dawn.",
        "The first report arrived at 21:52 on 15/10/20.",
        "In the Nineteen Seventies the port was abandoned.",
    ],
)
def test_years_dates_times_ordinals_and_model_names_are_not_numbers(text):
    assert find_numbers(text) == []


def test_a_count_next_to_a_year_is_still_found():
    assert values("In 1987 the flood destroyed 312 homes.") == [312]


# --- offsets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials counted 12,480 ballots and 3.5 million dollars.",
        "Seventeen miners and twenty-one firefighters were rescued after four and a half days.",
        "Dozens of boats and hundreds of thousands of fish were lost in 1987.",
    ],
)
def test_offsets_index_the_text(text):
    found = find_numbers(text)
    assert found
    for n in found:
        assert text[n.start : n.end] == n.text
    starts = [n.start for n in found]
    assert starts == sorted(starts)
    # no two numbers claim the same characters
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_absurdly_long_digit_strings_and_overflowing_words_are_not_numbers():
    from claims.extract.quantities import extract_quantities

    text = "Officials said " + "9" * 310 + " people and " + "trillion " * 40 + "dollars were lost."
    assert all(math.isfinite(n.value) for n in find_numbers(text))  # 310 digits used to overflow
    assert all(math.isfinite(q.value) for q in extract_quantities(text, 0))
