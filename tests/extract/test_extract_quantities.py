"""claims.extract.quantities: a number with its bound, unit and measure.

Two articles disagree on a figure only when both count the same thing the same
way, so the interval a bound allows, the measure ("killed" vs "wounded") and
durations converted to days are what the comparators rely on.
"""
from __future__ import annotations

import pytest

from claims.extract.quantities import extract_quantities


def only(text: str, **kw):
    qs = extract_quantities(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


# --- exact counts and units --------------------------------------------------------


def test_exact_count_has_a_point_interval_and_singular_unit():
    q = only("Officials counted 12,480 ballots by midnight.")
    assert q.value == q.low == q.high == 12_480
    assert q.is_exact and not q.approximate
    assert q.unit == "ballot"
    assert q.kind == "count"


def test_number_words_become_quantities():
    qs = extract_quantities("Seventeen miners and twenty-one firefighters were rescued.")
    assert [(q.value, q.unit) for q in qs] == [(17, "miner"), (21, "firefighter")]


def test_million_scale_counts():
    q = only("The outage left one million residents without heat.")
    assert q.value == 1_000_000 and q.unit == "resident"
    q = only("The council approved 3.5 million dollars for repairs.")
    assert q.value == 3_500_000 and q.kind == "money" and q.unit == "USD"


@pytest.mark.parametrize("text", ["Turnout rose 12 percent in the north.", "Turnout rose 12% in the north."])
def test_percent(text):
    q = only(text)
    assert q.kind == "percent" and q.unit == "percent" and q.value == 12


def test_currency_sign_is_money():
    q = only("The mayor pledged $40 to every household.")
    assert q.kind == "money" and q.unit == "USD" and q.value == 40


# --- bounds -----------------------------------------------------------------------


def test_more_than_starts_at_the_figure_and_opens_upward():
    q = only("The floods killed more than 640 people in the delta.")
    assert q.low == 640
    assert q.high > 640
    assert q.approximate
    assert q.text.startswith("more than 640")


@pytest.mark.parametrize("phrase", ["at least 75", "over 75", "no fewer than 75"])
def test_other_lower_bounds(phrase):
    q = only(f"Police detained {phrase} protesters.")
    assert q.low == 75 and q.high > 75


def test_about_widens_both_ways_but_stays_near_the_figure():
    q = only("About 40 cattle drowned in the flood.")
    assert q.low < 40 < q.high
    # "about 40" is compatible with 38 or 43, not with 20 or 80
    assert q.low <= 38 and q.high >= 43
    assert q.low > 20 and q.high < 80
    assert q.approximate


@pytest.mark.parametrize("phrase", ["up to 90", "fewer than 90", "as many as 90"])
def test_upper_bounds_end_at_the_figure(phrase):
    q = only(f"The fire destroyed {phrase} warehouses.")
    assert q.high == 90
    assert q.low < 90
    assert q.approximate


def test_vague_amounts_are_approximate_intervals():
    q = only("Dozens of fishermen were missing after the storm.")
    assert q.approximate and q.low < q.high
    assert q.low > 12 and q.high < 200
    q = only("Hundreds of thousands of people were left without water.")
    assert q.low >= 100_000 and q.high < 1_000_000


# --- measures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, measure",
    [
        ("At least 31 people were killed in the collapse.", "killed"),
        ("The blast injured 62 workers at the plant.", "wounded"),
        ("Flooding displaced some 3,400 families along the river.", "displaced"),
        ("The earthquake left 58 dead and the town in ruins.", "killed"),
    ],
)
def test_measure_says_what_happened(text, measure):
    q = only(text)
    assert q.measure == measure


def test_killed_and_wounded_each_get_their_own_measure():
    qs = extract_quantities("The gunmen killed 45 and wounded 120 before dawn.")
    assert [(q.value, q.measure) for q in qs] == [(45, "killed"), (120, "wounded")]


def test_deaths_unit_implies_killed():
    q = only("Health officials confirmed 19 deaths overnight.")
    assert q.measure == "killed"


def test_an_unrelated_count_gets_no_casualty_measure():
    q = only("Volunteers delivered 300 blankets to the shelter.")
    assert q.measure not in ("killed", "wounded", "displaced")


# --- durations --------------------------------------------------------------------


def test_fractional_weeks_are_converted_to_days():
    q = only("The strike lasted two and a half weeks.")
    assert q.kind == "duration"
    assert q.value == pytest.approx(2.5 * 7)


def test_days_stay_days():
    q = only("The siege lasted four and a half days.")
    assert q.kind == "duration" and q.value == pytest.approx(4.5)


def test_years_as_a_duration():
    q = only("The bridge was closed for two years.")
    assert q.kind == "duration"
    assert 2 * 365 <= q.value <= 2 * 366


def test_a_single_month_is_a_duration_of_about_thirty_days():
    q = only("The blockade lasted a single month.")
    assert q.kind == "duration"
    assert 28 <= q.value <= 31
    assert "a single month" in q.text


def test_duration_records_what_lasted():
    q = only("The country endured six weeks of fighting.")
    assert q.value == 42 and q.measure == "fighting"


@pytest.mark.parametrize(
    "text",
    [
        "Four years later the dam was rebuilt by the state.",
        "Two weeks ago inspectors returned to the mine.",
        "A month later the governor resigned.",
        "Three days earlier the levee had failed.",
    ],
)
def test_a_point_in_time_is_not_a_duration(text):
    assert [q for q in extract_quantities(text) if q.kind == "duration"] == []


# --- not quantities ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The dam was finished in 1987 by a state firm.",
        "Rents doubled during the 1970s in the capital.",
        "The election was set for June 2011 by the court.",
        "A Yak-130 and a MiG-29 flew over the harbour.",
        "In the Nineteen Seventies the port was abandoned.",
    ],
)
def test_years_dates_and_model_names_are_not_quantities(text):
    assert extract_quantities(text) == []


# --- offsets ----------------------------------------------------------------------

SENTENCES = [
    "Officials counted 12,480 ballots and 3.5 million dollars.",
    "The floods killed more than 640 people and about 40 cattle, with up to 90 barns lost.",
    "The gunmen killed 45 and wounded 120 before dawn.",
    "Seventeen miners were trapped for two and a half weeks.",
    "Dozens of fishermen and hundreds of thousands of fish were lost.",
    "The blockade lasted a single month and turnout fell 12%.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_offsets_cover_the_quantity_text(text):
    qs = extract_quantities(text)
    assert qs
    for q in qs:
        assert text[q.start : q.end].strip() == q.text
        assert q.low <= q.value <= q.high


@pytest.mark.parametrize("text", SENTENCES)
def test_offset_argument_shifts_every_quantity(text):
    prefix = "Earlier paragraph, untouched by extraction. "
    doc = prefix + text
    plain = extract_quantities(text)
    shifted = extract_quantities(text, len(prefix))
    assert len(plain) == len(shifted)
    for p, s in zip(plain, shifted):
        assert (s.start, s.end) == (p.start + len(prefix), p.end + len(prefix))
        assert doc[s.start : s.end].strip() == s.text == p.text
        assert (s.value, s.low, s.high, s.unit, s.measure, s.kind) == (p.value, p.low, p.high, p.unit, p.measure, p.kind)


def test_offsets_contain_the_number_as_written():
    text = "Rescuers found 1,250 survivors and twenty-one bodies."
    for q, number in zip(extract_quantities(text, 100), ["1,250", "twenty-one"]):
        assert number in (" " * 100 + text)[q.start : q.end]


def test_plural_units_ending_in_se_singularise():
    assert only("The fire destroyed 90 houses.").unit == "house"


# --- clock times count nothing ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "The polls in Arlenmoor closed at 9 p.m. on Sunday.",
    "Ferries resumed at 9:30 a.m. and the bridge reopened at noon.",
    "The council will vote at 10 a.m. ET on Tuesday.",
    "The first siren sounded at 7pm and the second at 8 PM.",
    "The curfew runs from 8 p.m. to 6 a.m.",
    "Shops stayed shut between 7 and 9 p.m.",
    "The 9 p.m. curfew was lifted on Friday.",
    "The convoy left at six o'clock.",
    "The blast woke the town at 3 in the morning.",
    "The train was due at 11.30pm.",
    "The mayor spoke at nine p.m. outside the town hall.",
])
def test_a_clock_time_is_not_a_quantity(text):
    assert extract_quantities(text) == []


def test_a_count_beside_a_clock_time_is_still_found():
    q = only("By 5 p.m., 300 people had gathered in the square.")
    assert q.value == 300 and q.unit == "people"
    q = only("Shortly after 11 a.m. rescuers reached 40 miners.")
    assert q.value == 40 and q.unit == "miner"


def test_part_of_day_after_a_count_is_not_a_clock_time():
    # "two in the evening" counts people hurt later that day; only "at 3 in the morning" is an hour
    qs = extract_quantities("Five people were hurt in the first blast, two in the evening.")
    assert [q.value for q in qs] == [5, 2]
