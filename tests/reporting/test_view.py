"""The HTML report's view model (claims/reporting/view.py) on fixed sample data, and report.js
left with nothing to decide: every label, rank, link and confidence comes from the view."""
from __future__ import annotations

import copy
import json
import re

import pytest
from sample_data import empty_data, sample_data

from claims.reporting.render import TEMPLATES, render_html
from claims.reporting.view import build_view, confidence, with_defaults
from claims.reviews import REVIEWS_SCHEMA


@pytest.fixture
def data():
    return sample_data()


def view_of(data: dict):
    return build_view(with_defaults(data))


def by_score(data: dict) -> list[dict]:
    return sorted(data["flags"], key=lambda f: -f["score"])


def test_flags_are_ranked_by_score_and_placed_in_document_order(data):
    view = view_of(data)
    assert [f.id for f in view.flags] == [f["id"] for f in by_score(data)]
    assert [f.rank for f in view.flags] == list(range(1, 9))
    # sorted by where claim A sits: the first article's claims c0, c1, c3, c4, c5 (the date, the
    # 41 dead, the overloading, the captain, the minister), then c10 (article 2), c16 (3), c19 (4)
    in_document_order = sorted(view.flags, key=lambda f: f.doc_rank)
    assert [f.rank for f in in_document_order] == [3, 1, 5, 6, 4, 8, 7, 2]
    assert [f.sides[0].claim_id for f in in_document_order] == ["c0", "c1", "c3", "c4", "c5", "c10", "c16", "c19"]


def test_equal_scores_keep_the_build_order(data):
    data["flags"][5]["score"] = data["flags"][6]["score"] = 0.5
    view = view_of(data)
    ranks = {f.id: f.rank for f in view.flags}
    assert ranks[data["flags"][5]["id"]] == 6 and ranks[data["flags"][6]["id"]] == 7
    data["flags"][5], data["flags"][6] = data["flags"][6], data["flags"][5]
    ranks = {f.id: f.rank for f in view_of(data).flags}
    assert ranks[data["flags"][5]["id"]] == 6 and ranks[data["flags"][6]["id"]] == 7


@pytest.mark.parametrize("score, level", [(0.8, "high"), (0.79, "medium"), (0.5, "medium"), (0.49, "low"), (0.0, "low")])
def test_confidence_is_read_against_the_data_thresholds(score, level):
    assert confidence(score, {"high": 0.8, "medium": 0.5}) == level


def test_flags_and_findings_carry_the_data_confidence_and_score(data):
    data["confidence"] = {"high": 0.9, "medium": 0.6}
    view = view_of(data)
    assert [(f.score_text, f.confidence) for f in view.flags] == [
        ("0.92", "high"), ("0.88", "medium"), ("0.81", "medium"), ("0.74", "medium"), ("0.63", "medium"),
        ("0.55", "low"), ("0.42", "low"), ("0.35", "low")]
    scores = {x["id"]: x["score"] for x in data["findings"]}
    for x in view.findings:
        assert x.confidence == ("high" if scores[x.id] >= 0.9 else "medium" if scores[x.id] >= 0.6 else "low")


def test_kind_labels_come_from_the_data_with_a_fallback_for_an_unknown_kind(data):
    data["kinds"]["numeric"] = {"label": "Figures disagree", "description": "two figures for one count"}
    data["flags"][6]["kind"] = "unit_mismatch"  # a plug-in's kind, in no table
    del data["kinds"]["date"]  # a built-in kind the data does not describe: the registry's words
    view = view_of(data)
    flags = {f.id: f for f in view.flags}
    top = flags[data["flags"][0]["id"]]
    assert (top.kind_label, top.kind_description) == ("Figures disagree", "two figures for one count")
    plug_in = flags[data["flags"][6]["id"]]
    assert (plug_in.kind_label, plug_in.kind_description) == ("Unit mismatch", "unit_mismatch")
    dated = flags[data["flags"][2]["id"]]
    assert dated.kind_label == "Dates differ" and dated.kind_description
    # the filters and the overview: the data's kinds in its order, then the others sorted
    in_table = [k for k in data["kinds"] if k in ("numeric", "role", "negation", "entity_name")]
    assert [k.kind for k in view.kinds] == in_table + ["date", "unit_mismatch"]
    assert {k.kind: (k.label, k.count) for k in view.kinds} == {
        "numeric": ("Figures disagree", 3), "role": ("Title or role differs", 1),
        "negation": ("One side negates the other", 1), "entity_name": ("Name spelled differently", 1),
        "date": ("Dates differ", 1), "unit_mismatch": ("Unit mismatch", 1)}


def test_only_http_addresses_become_links(data):
    view = view_of(data)
    docs = {d.id: d for d in view.documents}
    assert docs["d0"].link == "https://harbour-gazette.example/2025/03/04/ferry-capsizes"
    assert docs["d1"].link == "http://lakeside-wire.example/news/orvana-death-toll"
    assert docs["d2"].link is None and docs["d2"].url is None
    assert docs["d3"].link is None and docs["d3"].url == "javascript:window.__pwned = 4; alert(4)"  # shown as text
    for x in view.findings:
        for v in x.value_rows:
            for s in v.sources:
                assert s.link == docs[s.doc_id].link
    script = view.script_data()["documents"]
    assert {i: d["link"] for i, d in script.items()} == {i: d.link for i, d in docs.items()}


def test_an_article_is_named_by_its_outlet_else_its_file(data):
    script = view_of(data).script_data()["documents"]
    assert script["d0"]["short_name"] == "Harbour Gazette"
    assert script["d2"]["short_name"] == "002_national_daily.txt"  # no outlet
    view = view_of(data)
    top = view.flags[0]
    assert [s.doc_meta for s in top.sides] == ["Harbour Gazette, 2025-03-04", "Lakeside Wire, 2025-03-05"]


def test_decisions_and_their_labels_come_from_the_data(data):
    data["decisions"]["confirmed"]["label"] = "Wrong in print"
    data["flags"][0]["review"] = {"decision": "confirmed", "note": "called the desk", "time": "2026-11-24T09:00:00Z"}
    data["flags"][1]["review"] = {"decision": "maybe", "note": "", "time": ""}  # not a decision
    view = view_of(data)
    assert [(d.code, d.label, d.key) for d in view.decisions] == [
        ("confirmed", "Wrong in print", "c"), ("dismissed", "Not a discrepancy", "d"), ("follow-up", "Needs follow-up", "f")]
    first, second, third = view.flags[:3]
    assert (first.decision, first.decision_label, first.note) == ("confirmed", "Wrong in print", "called the desk")
    assert (second.decision, second.decision_label) == ("", "Not reviewed")
    script = view.script_data()
    assert script["flags"][0]["review"] == {"decision": "confirmed", "note": "called the desk",
                                            "time": "2026-11-24T09:00:00Z"}
    assert script["flags"][1]["review"] is None and script["flags"][2]["review"] is None
    assert script["undecided_label"] == "Not reviewed"


def test_the_reviews_format_and_file_names_come_from_the_view(data):
    script = view_of(data).script_data()
    assert script["reviews_schema"] == REVIEWS_SCHEMA  # what claims.reviews reads back
    assert script["export_stem"] == "claims-" + data["report_id"][:10]
    assert script["generator"] == {"name": "claims", "version": data["generator"]["version"]}
    data["report_id"] = ""
    assert view_of(data).export_stem == "claims-report"


def test_the_report_opens_on_the_findings_when_there_are_any(data):
    assert view_of(data).home == "findings"
    assert view_of(empty_data()).home == "overview"


def test_script_data_names_each_claim_once_with_its_text(data):
    script = view_of(data).script_data()
    claims = {c["id"]: c for c in data["claims"]}
    named = {c for f in script["flags"] for c in f["claims"]}
    named |= {c for x in script["findings"] for v in x["values"] for c in v["sources"]}
    assert set(script["claims"]) == named
    for cid, c in script["claims"].items():
        assert c == {"doc": claims[cid]["doc"], "start": claims[cid]["start"], "end": claims[cid]["end"],
                     "text": claims[cid]["text"]}
    assert [f["docs"] for f in script["flags"]] == [[claims[f["a"]]["doc"], claims[f["b"]]["doc"]] for f in by_score(data)]
    json.dumps(script, allow_nan=False)  # plain JSON values only


def test_search_covers_the_claims_documents_and_kind(data):
    flags = view_of(data).flags
    hostile = flags[1]  # the reader's post against the wire
    assert hostile.sides[0].claim_id == "c19"
    for text in ("Reader</b> mail", "Lakeside Wire", "Death toll rises", "Numbers differ", "numeric",
                 "41 people died", hostile.id):
        assert text in hostile.search


def test_findings_carry_their_values_sources_and_ranks(data):
    view = view_of(data)
    assert [x.id for x in view.findings] == [x["id"] for x in sorted(data["findings"], key=lambda x: x["rank"])]
    for x, raw in zip(view.findings, sorted(data["findings"], key=lambda x: x["rank"])):
        assert [v.value for v in x.value_rows] == [v["value"] for v in raw["values"]]
        assert [[s.claim_id for s in v.sources] for v in x.value_rows] == \
            [[s["claim"] for s in v["sources"]] for v in raw["values"]]
        assert x.decision_label == "Not reviewed"


# --- report.js: nothing left to decide -----------------------------------------------

REPORT_JS = (TEMPLATES / "report.js").read_text(encoding="utf-8")

# what report.js used to compute from the report data, and where it comes from now
REMOVED_FROM_REPORT_JS = {
    r"\bkindLabel\b": "a kind's label and its fallback: the cards, filters and search (FlagView.kind_label)",
    r"\bkindDescription\b": "a kind's description: the template's title attributes (FlagView.kind_description)",
    r"\bwebLink\b": "which addresses are links: DocumentView.link, the pattern sent as web_address",
    r"\bdocMeta\b": "the outlet and date beside a name: SideView.doc_meta",
    r"\bconfidence\s*\(|\bHIGH\b|\bMEDIUM\b|\bdata\.confidence\b": "confidence levels: FlagView.confidence",
    r"\.rank\s*=[^=]|\bbyScore\b": "ranks: FlagView.rank, FlagView.doc_rank",
    r"\bbuildCard\b|#flags-static": "cards copied from the template's markup",
    r"claims-reviews/": "the reviews format: ReportView.reviews_schema",
    r"Not reviewed": "the undecided label: ReportView.undecided_label",
    r"report-data|\bdata\.(kinds|documents|claims|flags|findings|decisions)\b": "the report data: report.js reads the view",
}


@pytest.mark.parametrize("pattern", REMOVED_FROM_REPORT_JS)
def test_report_js_computes_no_label_rank_link_or_confidence(pattern):
    found = re.findall(f".*(?:{pattern}).*", REPORT_JS)
    assert not found, f"report.js: {REMOVED_FROM_REPORT_JS[pattern]} belongs to the view model: {found}"


def test_report_js_copies_nothing_but_templates():
    """Cards are the template's own; report.js only clones <template> content (review controls)."""
    clones = re.findall(r"[\w.]+\.cloneNode", REPORT_JS)
    assert clones and all(".content." in c for c in clones), clones


def test_the_page_carries_what_report_js_no_longer_computes(data):
    data["kinds"]["test_unit"] = {"label": "Units differ", "description": "one figure in two units"}
    data["flags"][1]["kind"] = "test_unit"
    data["confidence"] = {"high": 0.9, "medium": 0.85}
    html = render_html(data)
    block = re.search(r'<script type="application/json" id="report-view">(.*?)</script>', html, re.S).group(1)
    script = json.loads(block)
    ranked = by_score(data)
    assert [(f["id"], f["rank"]) for f in script["flags"]] == [(f["id"], i + 1) for i, f in enumerate(ranked)]
    assert sorted(f["doc_rank"] for f in script["flags"]) == list(range(1, 9))
    assert script["reviews_schema"] == REVIEWS_SCHEMA
    assert script["documents"]["d0"]["link"] == data["documents"][0]["url"]
    assert script["documents"]["d3"]["link"] is None
    assert re.fullmatch(script["web_address"], "https://factdesk.example/checks/ferry")
    assert not re.fullmatch(script["web_address"], "javascript:alert(1)")
    # the labels, confidence and ranks are on the cards the script shows
    card = re.search(r'<article class="flag" id="flag-%s".*?</article>' % ranked[1]["id"], html, re.S).group(0)
    assert '<span class="rank">#2</span>' in card
    assert '<span class="kind kind-test_unit" title="one figure in two units">Units differ</span>' in card
    assert "score 0.88 · medium confidence" in card
    assert '<label><input type="checkbox" value="test_unit" checked><span class="kind kind-test_unit" ' \
           'title="one figure in two units">Units differ</span><span class="n">1</span></label>' in html
