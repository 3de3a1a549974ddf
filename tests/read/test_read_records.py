"""claims.read.records: JSON/JSONL metadata, non-article JSON, hostile JSON."""
from __future__ import annotations

import json

import pytest
from read_helpers import ARTICLE, Warnings, read_error, write

from claims.read import read_documents


def test_record_metadata_fields(tmp_path):
    f = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "The port reopened on Tuesday.", "headline": "Port reopens", "published_at": "2024-02-06T09:00:00Z",
         "link": "https://portnews.example/a", "publisher": {"name": "Port News"}},
        {"body": "Two cranes were damaged.", "title": "Cranes hit", "publish_date": "Feb 7, 2024",
         "url": "/relative/kept", "source": "Dockside Daily"},
        {"content": "The harbour master resigned.", "date": "not a date", "outlet": "Quay Weekly"},
    ]))
    a, b, c = read_documents([f])
    assert (a.title, a.date, a.url, a.outlet) == ("Port reopens", "2024-02-06", "https://portnews.example/a", "Port News")
    assert (b.title, b.date, b.url, b.outlet) == ("Cranes hit", "2024-02-07", "/relative/kept", "Dockside Daily")
    assert (c.date, c.outlet) == (None, "Quay Weekly")


def test_non_article_json_in_a_folder_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "meta.json", json.dumps({"name": "quake collection", "created": "2024-01-01", "count": 3}))
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [d.name for d in docs] == ["a.txt"]
    assert len(warnings) == 1 and "meta.json" in warnings[0] and "text field" in warnings[0]


def test_text_field_that_is_not_text_falls_back_to_one_that_is(tmp_path):
    f = write(tmp_path / "a.json", json.dumps({"content": {"blocks": []}, "text": "The ferry sank in calm water."}))
    [doc] = read_documents([f])
    assert doc.text == "The ferry sank in calm water."


@pytest.mark.parametrize("payload, words", [
    ('{"text": "ok", "n": ' + "9" * 5000 + "}", "digits"),
    ("[" * 100000 + "]" * 100000, "nested"),
    ('{"text": ' + '{"a": ' * 100000 + "1" + "}" * 100000 + "}", "nested"),
])
@pytest.mark.parametrize("name", ["a.json", "a.jsonl"])
def test_hostile_json_is_a_clean_input_error(tmp_path, payload, words, name):
    f = write(tmp_path / name, payload)
    msg = read_error([f])
    assert name in msg and words in msg


def test_hostile_json_in_a_folder_is_skipped(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.json", "[" * 100000 + "]" * 100000)
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [d.name for d in docs] == ["a.txt"] and "b.json" in warnings[0]


def test_lone_surrogates_become_replacement_characters(tmp_path):
    f = write(tmp_path / "a.json", '{"text": "Half \\ud800 a pair \\udfff here.", "title": "T \\udbff",'
                                   ' "source": "O \\ud800", "url": "https://x.example/\\ud800"}')
    [doc] = read_documents([f])
    assert doc.text == "Half \ufffd a pair \ufffd here."
    assert doc.title == "T \ufffd" and doc.outlet == "O \ufffd"
    for value in (doc.text, doc.title, doc.outlet, doc.url):
        value.encode("utf-8")  # writable: no UnicodeEncodeError later in the report


def test_escaped_surrogate_pair_is_kept_as_one_character(tmp_path):
    f = write(tmp_path / "a.json", '{"text": "A smile \\ud83d\\ude00 here."}')
    [doc] = read_documents([f])
    assert doc.text == "A smile \U0001F600 here."
