"""claims.read.metadata: dates normalised to YYYY-MM-DD; field spellings of records and front matter."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from claims.read import read_documents
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


BIG = "9" * 401


@pytest.mark.parametrize("name, content", [
    ("a.json", f'{{"title": "Wire", "date": {BIG}, "text": "The council said 5 people came."}}'),
    ("a.jsonl", f'{{"title": "Wire", "published": {BIG}, "text": "The council said 5 people came."}}\n'),
    ("a.md", f"---\ntitle: Clip\ndate: {BIG}\n---\n\nThe council said 5 people came.\n"),
])
def test_a_401_digit_date_is_no_date_with_a_warning_naming_the_file(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 7 people came to town.", encoding="utf-8")
    warnings = []
    docs = read_documents([tmp_path], warn=warnings.append)  # a folder: one bad file used to end the run
    assert len(docs) == 2 and docs[0].date is None
    where = str(tmp_path / name) + ("#1" if name == "a.jsonl" else "")
    assert warnings == [f"{where}: the date (a number of 401 digits) is not a date; ignored"]


@pytest.mark.parametrize("value", [10 ** 401, -10 ** 401, float("inf"), float("nan"), 1e300])
def test_parse_date_takes_any_number_without_an_error(value):
    assert parse_date(value) is None
