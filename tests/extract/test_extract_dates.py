"""claims.extract.dates: date mentions and whether two of them can mean the same time.

"Early March" and "March 9" are the same report; "early March" and "March 25"
are not. A false date (a person called Jane read as January) creates a
disagreement out of nothing.
"""
from __future__ import annotations

import pytest

from claims.extract.dates import compatible, extract_dates


def only(text: str):
    found = extract_dates(text)
    assert len(found) == 1, found
    return found[0]


# --- what is found ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["The levee failed on March 9.", "The levee failed on 9 March.", "The levee failed on the 9th of March."])
def test_day_and_month(text):
    d = only(text)
    assert (d.year, d.month, d.day_low, d.day_high) == (None, 3, 9, 9)


def test_full_date_with_year():
    d = only("The treaty was signed on June 14, 2011 in the capital.")
    assert (d.year, d.month, d.day_low, d.day_high) == (2011, 6, 14, 14)
    assert not d.decade


def test_month_and_year_covers_the_whole_month():
    d = only("The mine closed in June 2011 after the strike.")
    assert (d.year, d.month) == (2011, 6)
    assert d.day_low == 1 and d.day_high >= 30


@pytest.mark.parametrize(
    "part, inside, outside",
    [("early", 5, 25), ("mid", 15, 3), ("late", 27, 4), ("the end of", 29, 2)],
)
def test_part_of_month_narrows_the_days(part, inside, outside):
    d = only(f"Talks resumed in {part} March.")
    assert d.month == 3
    assert d.day_low <= inside <= d.day_high
    assert not (d.day_low <= outside <= d.day_high)


@pytest.mark.parametrize("text", ["The dam was built in 1987.", "In 1987, the dam was built."])
def test_bare_year(text):
    d = only(text)
    assert d.year == 1987 and d.month is None and not d.decade


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Rents doubled in the 1970s.", "1970s"),
        ("By the 1970s, the town had emptied.", "1970s"),
        ("In the Nineteen Seventies the port was abandoned.", "Nineteen Seventies"),
        ("Dance halls thrived in the seventies.", "seventies"),
    ],
)
def test_decades(text, surface):
    d = only(text)
    assert d.decade
    assert d.year == 1970
    assert d.text == surface


def test_bare_decade_word_without_article_is_not_a_date():
    # "in his seventies" is an age, not the 1970s
    assert extract_dates("The mayor, in his seventies, resigned.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 2,400 protesters.",
        "The fund holds $1987 in cash.",
        "The mayor may resign within days.",
        "Ruritanian Prime Minister Jane Roe opened the bridge.",
        "Mary Major, a Boston-based analyst, expects delays.",
        "Decision makers met the Octavia Group.",
    ],
)
def test_things_that_are_not_dates(text):
    assert extract_dates(text) == []


def test_several_dates_in_order_with_offsets():
    text = "Fighting began in early March, paused on March 9, 2003 and resumed in the 1970s' style in 1987."
    found = extract_dates(text)
    assert [d.text.rstrip(".") for d in found] == ["early March", "March 9, 2003", "1970s", "1987"]
    for d in found:
        assert text[d.start : d.end] == d.text


def test_offset_argument_shifts_dates():
    prefix = "x" * 37
    text = "The vote moved from June 2011 to the 1970s plan."
    for plain, shifted in zip(extract_dates(text), extract_dates(text, len(prefix))):
        assert shifted.start == plain.start + len(prefix) and shifted.end == plain.end + len(prefix)
        assert (prefix + text)[shifted.start : shifted.end] == shifted.text


# --- compatible -------------------------------------------------------------------


def d(text: str):
    return only(text)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("in early March", "on March 9", True),
        ("in early March", "on March 25", False),
        ("in late March", "on March 25", True),
        ("in March", "on March 25", True),
        ("on March 9", "on April 9", False),
        ("on March 9", "on March 10", False),
        ("in June 2011", "in June 2012", False),
        ("in June 2011", "on June 14", True),
        ("in 1987", "in the 1980s", True),
        ("in 1987", "in the 1970s", False),
        ("in the 1970s", "in the Nineteen Seventies", True),
        ("in 1987", "on March 9", True),
        ("in 1987", "in 1988", False),
    ],
)
def test_compatible(a, b, same):
    da, db = d(f"It happened {a}."), d(f"It happened {b}.")
    assert compatible(da, db) is same
    assert compatible(db, da) is same  # symmetric


def test_a_date_is_compatible_with_itself():
    x = d("It happened on June 14, 2011.")
    assert compatible(x, x)


# ------------------------------------------------------------------ times placed against the publication day
import datetime as dt  # noqa: E402

from claims.extract.dates import resolve  # noqa: E402

SUNDAY = dt.date(2019, 3, 10)


def _one(text: str):
    found = extract_dates(text)
    assert len(found) == 1, found
    return found[0]


def test_a_weekday_is_the_last_such_day_up_to_publication():
    d = _one("The council voted on Friday.")
    assert resolve(d, SUNDAY, "The council voted on ") == (dt.date(2019, 3, 8), dt.date(2019, 3, 8))


def test_a_weekday_after_a_future_word_is_ahead():
    d = _one("The council will vote on Friday.")
    assert resolve(d, SUNDAY, "The council will vote on ") == (dt.date(2019, 3, 15), dt.date(2019, 3, 15))


def test_the_publication_weekday_is_that_day():
    assert resolve(_one("It closed on Sunday."), SUNDAY, "It closed on ") == (SUNDAY, SUNDAY)


def test_relative_times_become_ranges():
    assert resolve(_one("It happened yesterday."), SUNDAY) == (dt.date(2019, 3, 9),) * 2
    assert resolve(_one("It opened earlier this week."), dt.date(2019, 3, 8)) == (dt.date(2019, 3, 4), dt.date(2019, 3, 7))
    assert resolve(_one("It opened last week."), SUNDAY) == (dt.date(2019, 2, 25), dt.date(2019, 3, 3))
    assert resolve(_one("Sales fell last year."), SUNDAY) == (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert resolve(_one("It opened last month."), SUNDAY) == (dt.date(2019, 2, 1), dt.date(2019, 2, 28))


def test_a_month_without_a_year_is_not_placed():
    # "in early July" in a December article may be that July or the one before
    assert resolve(_one("It opened on June 3."), SUNDAY) is None


def test_nothing_is_placed_without_a_publication_date():
    assert resolve(_one("It opened on Friday."), None) is None
    assert resolve(_one("It opened in 2004."), None) == (dt.date(2004, 1, 1), dt.date(2004, 12, 31))
