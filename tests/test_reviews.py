"""load_reviews / apply_reviews: earlier decisions carried into a new report."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import InputError
from claims.reviews import apply_reviews, load_reviews

sys.path.insert(0, str(Path(__file__).resolve().parent / "reporting"))
from sample_data import sample_data  # noqa: E402


def write(tmp_path: Path, obj, name: str = "decisions.json") -> Path:
    path = tmp_path / name
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return path


def test_reads_the_report_export(tmp_path):
    path = write(tmp_path, {"schema": "claims-reviews/1", "report_id": "x", "reviews": [
        {"flag_id": "f_1", "kind": "numeric", "decision": "confirmed", "note": "ok", "time": "2026-11-24T09:00:00Z",
         "a": {"text": "..."}, "b": {"text": "..."}},
        {"flag_id": "f_2", "decision": "", "note": "", "time": ""},
    ]})
    assert load_reviews(path) == {
        "f_1": {"decision": "confirmed", "note": "ok", "time": "2026-11-24T09:00:00Z"},
        "f_2": {"decision": "", "note": "", "time": ""},
    }


def test_reads_a_plain_list_with_spelling_variants(tmp_path):
    path = write(tmp_path, [
        {"flag_id": "f_1", "decision": "Needs follow-up"},
        {"flag_id": "f_2", "decision": "DISMISSED", "note": None},
        {"flag_id": "f_3", "decision": None},
        {"flag_id": "f_1", "decision": "follow_up", "note": "later entry wins"},
    ])
    reviews = load_reviews(path)
    assert reviews["f_1"] == {"decision": "follow-up", "note": "later entry wins", "time": ""}
    assert reviews["f_2"]["decision"] == "dismissed" and reviews["f_3"]["decision"] == ""


def test_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"flag_id": "f_1", "decision": "confirmed"}]).encode())
    assert load_reviews(path)["f_1"]["decision"] == "confirmed"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ("", "not valid JSON"),
    ('{"flags": []}', 'a "reviews" list'),
    ('"confirmed"', 'a "reviews" list'),
    ("[1]", "entry 1 is not an object"),
    ('[{"decision": "confirmed"}]', "entry 1 has no flag_id"),
    ('[{"flag_id": "f_1", "decision": "maybe"}]', "has decision 'maybe'"),
    ('[{"flag_id": "f_1", "decision": "confirmed", "note": 3}]', "note that is not text"),
])
def test_malformed_files_raise_one_line_input_errors(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(InputError, match=message) as err:
        load_reviews(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_unreadable_paths_raise_input_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_reviews(tmp_path / "missing.json")
    with pytest.raises(InputError, match="folder"):
        load_reviews(tmp_path)
    binary = tmp_path / "latin1.json"
    binary.write_bytes(b'[{"flag_id": "f\xe9"}]')
    with pytest.raises(InputError, match="UTF-8"):
        load_reviews(binary)


def test_apply_sets_reviews_and_marks_new_flags():
    data = sample_data()
    first, second, third = (f["id"] for f in data["flags"][:3])
    reviews = {
        first: {"decision": "confirmed", "note": "n", "time": "t"},
        second: {"decision": "", "note": "", "time": ""},  # seen, not decided
        "f_gone": {"decision": "dismissed", "note": "", "time": ""},  # no longer flagged
    }
    out = apply_reviews(data, reviews)
    flags = {f["id"]: f for f in out["flags"]}
    assert flags[first]["review"] == {"decision": "confirmed", "note": "n", "time": "t"}
    assert flags[first]["new"] is False
    assert "review" not in flags[second] and flags[second]["new"] is False
    assert flags[third]["new"] is True and "review" not in flags[third]
    assert sum(f["new"] for f in out["flags"]) == len(data["flags"]) - 2
    assert "new" not in data["flags"][0] and "review" not in data["flags"][0], "the input is not changed"
    assert out["documents"] is data["documents"] and out["report_id"] == data["report_id"]


def test_apply_with_no_earlier_decisions_marks_everything_new():
    out = apply_reviews(sample_data(), {})
    assert all(f["new"] for f in out["flags"])


@given(st.sets(st.integers(min_value=0, max_value=7)))
def test_new_is_exactly_the_flags_not_reviewed_before(indexes):
    data = sample_data()
    ids = [f["id"] for f in data["flags"]]
    reviews = {ids[i]: {"decision": "dismissed", "note": "", "time": ""} for i in indexes}
    out = apply_reviews(data, reviews)
    assert {f["id"] for f in out["flags"] if f["new"]} == set(ids) - set(reviews)
    assert {f["id"] for f in out["flags"] if "review" in f} == set(reviews)


@pytest.mark.parametrize("raw", [
    '{"reviews": [{"flag_id": "f_1", "decision": "confirmed", "note": ' + "9" * 5000 + "}]}",
    "[" * 100_000 + "]" * 100_000,
])
def test_huge_numbers_and_deep_nesting_are_one_line_errors(tmp_path, raw):
    path = tmp_path / "decisions.json"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(InputError) as e:  # used to be ValueError / RecursionError
        load_reviews(path)
    assert "\n" not in str(e.value) and "decisions.json" in str(e.value)
