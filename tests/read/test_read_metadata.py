"""claims.read.metadata: dates normalised to YYYY-MM-DD; field spellings of records and front matter."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from claims.read.metadata import ArticleMeta, meta_from_fields, parse_date


@pytest.mark.parametrize("value, expected", [
    ("2020-10-12T08:00:00+02:00", "2020-10-12"),
    ("Mon, 12 Oct 2020 08:30:00 +0000", "2020-10-12"),
    ("Oct 12 2020 08:30 GMT", "2020-10-12"),
    ("20201012", "2020-10-12"),
    ("13/04/2020", "2020-04-13"),
    (datetime(2020, 10, 12, 23, 59), "2020-10-12"),
    (date(2020, 10, 12), "2020-10-12"),
    (1602460800, "2020-10-12"),
    ("03/04/2020", None),  # March or April: depends on the country
    ("October 2020", None),  # no day
    ("Monday", None),
    ("2020-02-30", None),
    ("", None),
    ("9" * 5000, None),
    ({"when": "2020-10-12"}, None),
    (float("nan"), None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_meta_from_fields_spellings():
    meta = meta_from_fields({
        "Headline": "  Two   lines\nof title ", "publishedAt": "2021-06-01", "site": "https://news.example/x",
        "publisher": [{"name": "First Outlet"}, {"name": "Second"}], 7: "ignored",
    })
    assert meta == ArticleMeta(title="Two lines of title", date="2021-06-01", outlet="First Outlet",
                               url="https://news.example/x")


def test_meta_fills_gaps_only():
    a = ArticleMeta(title="A", date=None, outlet="O", url=None)
    b = ArticleMeta(title="B", date="2020-01-02", outlet="P", url="u")
    assert a.or_else(b) == ArticleMeta(title="A", date="2020-01-02", outlet="O", url="u")
