"""load_reviews / apply_reviews: earlier decisions carried into a new report."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import InputError
from claims.reviews import Decision, Reviews, apply_reviews, load_reviews

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
    reviews = load_reviews(path)
    first = reviews.flags["f_1"]
    assert (first.decision, first.note, first.time) == ("confirmed", "ok", "2026-11-24T09:00:00Z")
    assert reviews.flags["f_2"] == Decision() and not reviews.findings


def test_reads_a_plain_list_with_spelling_variants(tmp_path):
    path = write(tmp_path, [
        {"flag_id": "f_1", "decision": "Needs follow-up"},
        {"flag_id": "f_2", "decision": "DISMISSED", "note": None},
        {"flag_id": "f_3", "decision": None},
        {"flag_id": "f_1", "decision": "follow_up", "note": "later entry wins"},
    ])
    reviews = load_reviews(path)
    assert reviews.flags["f_1"] == Decision("follow-up", "later entry wins")
    assert reviews.flags["f_2"].decision == "dismissed" and reviews.flags["f_3"].decision == ""


def test_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"flag_id": "f_1", "decision": "confirmed"}]).encode())
    assert load_reviews(path).flags["f_1"].decision == "confirmed"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ("", "not valid JSON"),
    ('{"flags": []}', 'a "reviews" list'),
    ('"confirmed"', 'a "reviews" list'),
    ("[1]", "entry 1 is not an object"),
    ('[{"decision": "confirmed"}]', "entry 1 has neither a finding nor a flag_id"),
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
    reviews = Reviews(flags={
        first: Decision("confirmed", "n", "t"),
        second: Decision(),  # seen, not decided
        "f_gone": Decision("dismissed"),  # no longer flagged
    })
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
    out = apply_reviews(sample_data(), Reviews())
    assert all(f["new"] for f in out["flags"])


@given(st.sets(st.integers(min_value=0, max_value=7)))
def test_new_is_exactly_the_flags_not_reviewed_before(indexes):
    data = sample_data()
    ids = [f["id"] for f in data["flags"]]
    reviews = Reviews(flags={ids[i]: Decision("dismissed") for i in indexes})
    out = apply_reviews(data, reviews)
    assert {f["id"] for f in out["flags"] if f["new"]} == set(ids) - set(reviews.flags)
    assert {f["id"] for f in out["flags"] if "review" in f} == set(reviews.flags)


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


# --- decisions about findings ------------------------------------------------------

def _finding(fid: str, values: list[str], subject: str = "role|jana novak", kind: str = "role", flags=("f_x",)) -> dict:
    return {"id": fid, "kind": kind, "subject": subject, "label": "Jana Novak's title", "flags": list(flags),
            "values": [{"value": v, "shown": v, "standing": "", "documents": [], "sources": []} for v in values]}


def _data(*findings: dict) -> dict:
    return {"flags": [], "findings": list(findings)}


def test_a_finding_decision_is_placed_by_its_key_and_counted(tmp_path):
    path = write(tmp_path, {"schema": "claims-reviews/2", "reviews": [
        {"finding": "k_1", "kind": "role", "subject": "role|jana novak", "values": ["president", "prime minister"],
         "decision": "Confirmed discrepancy", "right_value": "president", "public": "She is president.",
         "note": "called her office", "time": "2026-11-24T09:00:00Z"},
        {"finding": "k_gone", "decision": "dismissed"},
    ]})
    out = apply_reviews(_data(_finding("k_1", ["president", "prime minister"]), _finding("k_2", ["mayor", "governor"],
                                                                                        subject="role|omar lind")),
                        load_reviews(path))
    one, two = out["findings"]
    assert one["review"] == {"decision": "confirmed", "note": "called her office", "time": "2026-11-24T09:00:00Z",
                             "right_value": "president", "public": "She is president."}
    assert one["new"] is False and two["new"] is True and "review" not in two
    assert out["reviews_carried"] == {"decisions": 2, "carried": 1, "unplaced": 1}


def test_a_decision_follows_its_fact_when_an_added_article_brings_a_new_value():
    reviews = Reviews(findings={"k_old": Decision("confirmed", right_value="president", kind="role",
                                                  subject="role|jana novak", values=["president", "prime minister"])})
    grown = _finding("k_new", ["president", "prime minister", "vice president"])
    other = _finding("k_other", ["president", "governor"], subject="role|omar lind")
    out = apply_reviews(_data(grown, other), reviews)
    assert out["findings"][0]["review"]["decision"] == "confirmed"
    assert "review" not in out["findings"][1], "another person's title is another fact"
    assert out["reviews_carried"]["carried"] == 1


def test_a_right_value_no_longer_stated_becomes_unresolved():
    reviews = Reviews(findings={"k_1": Decision("confirmed", right_value="premier")})
    out = apply_reviews(_data(_finding("k_1", ["president", "prime minister"])), reviews)
    assert out["findings"][0]["review"]["right_value"] == ""


@pytest.mark.parametrize("name, content", [
    ("decisions.csv", "flag_id,kind,score,decision\nf_1,numeric,0.7,confirmed\n"),
    ("decisions.txt", "finding,kind,decision\nk_1,role,confirmed\n"),
])
def test_a_csv_export_is_refused_with_a_pointer_to_the_json_export(tmp_path, name, content):
    with pytest.raises(InputError, match="CSV export.*JSON export") as e:
        load_reviews(write(tmp_path, content, name))
    assert "\n" not in str(e.value)
