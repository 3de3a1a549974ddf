"""The HTML review report in real headless Chromium, opened from disk (file://)."""
from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pytest
from sample_data import (
    HOSTILE_BREAKOUT,
    HOSTILE_IMG,
    HOSTILE_OUTLET,
    HOSTILE_SCRIPT,
    HOSTILE_URL,
    empty_data,
    large_data,
    sample_data,
)

from claims.reporting.render import render_html
from claims.reviews import apply_reviews, load_reviews

pytestmark = pytest.mark.browser



def write_report(tmp_path: Path, data: dict, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(render_html(data), encoding="utf-8")
    return path


@pytest.fixture
def data():
    return sample_data()


@pytest.fixture
def report(tmp_path, data):
    return write_report(tmp_path, data)


def ranked(data):
    return sorted(data["flags"], key=lambda f: -f["score"])


def cards(page):
    """The pair cards the reviewer sees: the list holds every pair, report.js hides the rest."""
    return page.locator("#flag-list > li:not([hidden]) article.flag")


def finding_cards(page):
    return page.locator("#finding-list article.finding")


# What Google's Fact Check Tools require of a ClaimReview (developers.google.com/search/docs/
# appearance/structured-data/factcheck): claimReviewed, reviewRating with alternateName, url;
# author and itemReviewed are recommended, and we always give an author.
GOOGLE_REQUIRED = ("claimReviewed", "reviewRating", "url", "author")


def count_text(page) -> str:
    return page.locator("#result-count").inner_text()


def active_panel(page) -> str:
    return page.locator(".panel[data-active]").get_attribute("id")


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_the_report_opens_on_the_findings(page, report, data, open_report):
    open_report(page, report)
    assert active_panel(page) == "findings"
    assert finding_cards(page).count() == len(data["findings"])
    assert "current" not in (finding_cards(page).nth(0).get_attribute("class") or "")


def test_overview_shows_documents_kinds_and_run(page, report, data, open_report, screenshot):
    open_report(page, report, "#overview")
    assert active_panel(page) == "overview"
    overview = page.locator("#overview")
    for doc in data["documents"]:
        assert doc["name"] in overview.inner_text()
    kinds = page.locator("table.kinds").inner_text()
    assert "Numbers differ" in kinds and "numeric" in kinds
    run = page.locator("dl.run").inner_text()
    assert "all-MiniLM-L6-v2" in run and "cluster_distance" in run and "0.1.0" in run
    assert "Reviewed 0 of 8" in page.locator("#progress").inner_text()
    screenshot(page, "overview")


def test_filters_search_and_sort_update_counts(page, report, data, open_report):
    open_report(page, report, "#flags")
    assert active_panel(page) == "flags"
    assert count_text(page) == "Showing all 8 flags"
    assert cards(page).count() == 8

    for kind in ("garbled_number", "role", "date", "entity_name", "negation"):
        page.locator(f"#f-kinds input[value='{kind}']").uncheck()
    assert count_text(page) == "Showing 3 of 8 flags"
    assert set(cards(page).locator(".kind").all_inner_texts()) == {"Numbers differ"}

    page.locator("#f-score").focus()  # the slider by keyboard: 10 steps of 0.05
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    assert page.locator("#f-score-value").inner_text() == "0.50"
    assert count_text(page) == "Showing 2 of 8 flags"
    counts = dict(zip(page.locator("#f-kinds input").evaluate_all("bs => bs.map(b => b.value)"),
                      page.locator("#f-kinds .n").all_inner_texts()))
    assert counts == {"numeric": "2", "garbled_number": "0", "role": "1", "date": "1", "entity_name": "1", "negation": "1"}

    page.locator("#f-reset").click()
    expect_count(page, "Showing all 8 flags")
    page.select_option("#f-doc", "d2")  # the national daily is in the garbled-number and the 95/180 flags
    assert count_text(page) == "Showing 2 of 8 flags"

    page.select_option("#f-doc", "")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-search"
    page.keyboard.type("vasak")
    expect_count(page, "Showing 1 of 8 flags")
    assert "Title or role differs" in cards(page).first.inner_text()

    page.fill("#f-search", "")
    expect_count(page, "Showing all 8 flags")
    page.select_option("#f-sort", "doc")  # the first article's first claim is the capsizing date
    assert "Dates differ" in cards(page).first.locator(".kind").inner_text()
    page.select_option("#f-sort", "score")
    assert cards(page).first.locator(".rank").inner_text() == "#1"


def expect_count(page, text: str):
    page.wait_for_function("t => document.getElementById('result-count').innerText === t", arg=text, timeout=5000)


def test_keyboard_review_of_findings_survives_reopening_the_file(persistent, report, data, open_report, screenshot,
                                                               page_errors, tmp_path):
    profile = tmp_path / "profile"
    ctx = persistent(profile)
    page = page_errors.watch(ctx.new_page())
    open_report(page, report)
    n = len(data["findings"])
    page.keyboard.press("j")  # the first finding
    page.keyboard.press("c")
    page.keyboard.press("v")  # the right-value menu has the focus: choose the second value
    right = data["findings"][0]["values"][1]["value"]
    page.locator(".finding.current [data-field='right_value']").select_option(right)
    page.keyboard.press("Escape")
    page.keyboard.press("e")
    page.keyboard.type("The figure is the one the coast guard gave.")  # c, d, f inside are text
    page.keyboard.press("Escape")
    page.keyboard.press("n")
    page.keyboard.type("called the desk")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("d")
    page.keyboard.press("j")
    page.keyboard.press("f")
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert f"Reviewed 3 of {n} findings" in page.locator("#progress").inner_text()
    first = finding_cards(page).nth(0)
    assert "current" in first.get_attribute("class")
    assert first.locator("button[data-decision='confirmed']").get_attribute("aria-pressed") == "true"
    assert first.locator("[data-decision-badge]").inner_text() == data["decisions"]["confirmed"]["label"]
    screenshot(page, "finding")
    page.keyboard.press("?")
    assert page.locator("#help").evaluate("d => d.open")
    page.keyboard.press("Escape")
    ctx.close()

    ctx = persistent(profile)  # the same browser profile: localStorage kept
    page = page_errors.watch(ctx.new_page())
    open_report(page, report)
    assert f"Reviewed 3 of {n} findings" in page.locator("#progress").inner_text()
    for i, decision in enumerate(["confirmed", "dismissed", "follow-up"]):
        card = finding_cards(page).nth(i)
        assert card.locator("[data-decision-badge]").inner_text() == data["decisions"][decision]["label"]
        assert card.get_attribute("data-decision") == decision
    first = finding_cards(page).nth(0)  # the verdict form sits in the first finding on opening
    assert first.locator("button[data-decision='confirmed']").get_attribute("aria-pressed") == "true"
    assert first.locator("[data-field='right_value']").input_value() == right
    assert first.locator("[data-field='public']").input_value() == "The figure is the one the coast guard gave."
    assert first.locator("[data-field='note']").input_value() == "called the desk"
    assert finding_cards(page).nth(3).locator("[data-decision-badge]").inner_text() == "Not reviewed"
    ctx.close()


def test_claimreview_holds_only_the_claim_rated_wrong_and_no_private_note(page, report, data, open_report,
                                                                          tmp_path, page_errors):
    open_report(page, report)
    top = data["findings"][0]
    card = finding_cards(page).nth(0)
    card.locator("button[data-decision='confirmed']").click()
    right, wrong = top["values"][0], top["values"][1]
    card.locator("[data-field='right_value']").select_option(right["value"])
    card.locator("[data-field='public']").fill("Officials confirmed the first figure.")
    card.locator("[data-field='note']").fill("PRIVATE: source is my cousin")
    finding_cards(page).nth(1).locator(".explanation").click()  # the verdict form moves to the clicked finding
    finding_cards(page).nth(1).locator("button[data-decision='dismissed']").click()
    assert finding_cards(page).nth(0).locator("[data-decision-badge]").inner_text() == \
        data["decisions"]["confirmed"]["label"]

    page.click(".publish summary")
    page.click("#export-claimreview")  # no organisation yet: a notice, no file
    assert "organisation" in page.locator("#storage-notice").inner_text()
    page.fill("#org-name", "Orvana Fact Desk")
    page.fill("#org-url", "https://factdesk.example/")
    page.fill("#review-url", "https://factdesk.example/checks/ferry")
    with page.expect_download() as dl:
        page.click("#export-claimreview")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    items = json.loads(text)
    claims = {c["id"]: c for c in data["claims"]}
    docs = {d["id"]: d for d in data["documents"]}
    assert [i["claimReviewed"] for i in items] == [claims[s["claim"]]["text"] for s in wrong["sources"]]
    assert "PRIVATE" not in text, "the private note never leaves the report"
    for item in items:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert all(item.get(k) for k in GOOGLE_REQUIRED)
        assert item["url"] == "https://factdesk.example/checks/ferry"
        assert item["reviewRating"]["@type"] == "Rating" and item["reviewRating"]["alternateName"]
        assert item["reviewBody"] == "Officials confirmed the first figure."
        assert item["author"] == {"@type": "Organization", "name": "Orvana Fact Desk", "url": "https://factdesk.example/"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", item["datePublished"])
        doc = docs[wrong["sources"][0]["doc"]]
        appearance = item["itemReviewed"].get("appearance")
        if doc["url"] and doc["url"].startswith(("http://", "https://")):
            assert appearance == [{"@type": "CreativeWork", "url": doc["url"]}]
        else:
            assert appearance is None


def test_decisions_export_feeds_the_next_run(page, browser, report, data, open_report, tmp_path, page_errors):
    open_report(page, report)
    top = data["findings"][0]
    finding_cards(page).nth(0).locator("button[data-decision='confirmed']").click()
    finding_cards(page).nth(0).locator("[data-field='note']").fill("Governor's office confirms")
    with page.expect_download() as dl:
        page.click("#export-findings-json")
    exported = tmp_path / dl.value.suggested_filename
    dl.value.save_as(exported)
    out = json.loads(exported.read_text(encoding="utf-8"))
    assert out["schema"] == "claims-reviews/2"
    rows = {r["finding"]: r for r in out["reviews"] if "finding" in r}
    assert set(rows) == {x["id"] for x in data["findings"]}, "every finding seen, decided or not"
    assert [k for k, r in rows.items() if r["decision"]] == [top["id"]]
    assert rows[top["id"]]["values"] == [v["value"] for v in top["values"]]

    # a finding the earlier review never saw comes back NEW
    unseen = data["findings"][1]
    out["reviews"] = [r for r in out["reviews"]
                      if r.get("finding") != unseen["id"] and r.get("flag_id") not in unseen["flags"]]
    exported.write_text(json.dumps(out), encoding="utf-8")
    again = write_report(tmp_path, apply_reviews(data, load_reviews(exported)), "again.html")
    fresh = browser.new_context(viewport=page.viewport_size)  # no localStorage from the first page
    try:
        page2 = page_errors.watch(fresh.new_page())
        open_report(page2, again)
        first = finding_cards(page2).nth(0)
        assert first.locator("button[data-decision='confirmed']").get_attribute("aria-pressed") == "true"
        assert first.locator("[data-field='note']").input_value() == "Governor's office confirms"
        assert finding_cards(page2).nth(1).locator(".badge-new").count() == 1
        assert first.locator(".badge-new").count() == 0
    finally:
        fresh.close()


def test_export_json_and_csv_of_pair_decisions(page, browser, report, data, open_report, tmp_path, page_errors):
    open_report(page, report, "#flags")
    top, third = ranked(data)[0], ranked(data)[2]
    cards(page).nth(0).locator("button[data-decision='confirmed']").click()  # by mouse this time
    cards(page).nth(0).locator("textarea").fill("Governor's office confirms 41; wire counts missing too")
    cards(page).nth(2).locator("button[data-decision='dismissed']").click()

    with page.expect_download() as dl:
        page.click("#export-json")
    exported = tmp_path / dl.value.suggested_filename
    dl.value.save_as(exported)
    assert exported.name.endswith("-decisions.json")
    out = json.loads(exported.read_text(encoding="utf-8"))
    assert out["report_id"] == data["report_id"]
    rows = {r["flag_id"]: r for r in out["reviews"] if "flag_id" in r}
    assert set(rows) == {f["id"] for f in data["flags"]}
    claims = {c["id"]: c for c in data["claims"]}
    docs = {d["id"]: d for d in data["documents"]}
    row = rows[top["id"]]
    assert row["decision"] == "confirmed" and row["note"].startswith("Governor's office")
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", row["time"])
    a = claims[top["a"]]
    assert row["a"] == {"claim": a["id"], "document": docs[a["doc"]]["name"], "path": docs[a["doc"]]["path"],
                        "start": a["start"], "end": a["end"], "text": a["text"]}
    assert rows[third["id"]]["decision"] == "dismissed"
    assert sum(1 for r in rows.values() if r["decision"]) == 2

    with page.expect_download() as dl:
        page.click("#export-csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(table) == 8
    by_id = {r["flag_id"]: r for r in table}
    b = claims[top["b"]]
    assert by_id[top["id"]]["decision"] == "confirmed"
    assert by_id[top["id"]]["b_text"] == b["text"]
    assert by_id[top["id"]]["b_document"] == docs[b["doc"]]["name"]
    assert (by_id[top["id"]]["b_start"], by_id[top["id"]]["b_end"]) == (str(b["start"]), str(b["end"]))
    hostile = next(f for f in data["flags"] if f["a"] == "c19")
    assert by_id[hostile["id"]]["a_text"] == claims["c19"]["text"]  # quotes and markup survive the CSV quoting

    # the export feeds the next run (claims ... --reviews decisions.json): pre-filled decisions, NEW flags
    earlier = json.loads(exported.read_text(encoding="utf-8"))
    unseen = ranked(data)[1]["id"]  # neither the pair nor its finding was in the earlier review
    earlier["reviews"] = [r for r in earlier["reviews"] if r.get("flag_id") != unseen
                          and unseen not in next((x["flags"] for x in data["findings"] if x["id"] == r.get("finding")), [])]
    exported.write_text(json.dumps(earlier), encoding="utf-8")
    again = write_report(tmp_path, apply_reviews(data, load_reviews(exported)), "again.html")
    fresh = browser.new_context(viewport=page.viewport_size)  # no localStorage from the first page
    try:
        page2 = page_errors.watch(fresh.new_page())
        open_report(page2, again, "#flags")
        assert cards(page2).nth(0).locator("button[data-decision='confirmed']").get_attribute("aria-pressed") == "true"
        assert cards(page2).nth(0).locator("textarea").input_value().startswith("Governor's office")
        assert cards(page2).nth(1).locator(".badge-new").count() == 1
        assert cards(page2).nth(0).locator(".badge-new").count() == 0
        page2.select_option("#f-status", "new")
        assert count_text(page2) == "Showing 1 of 8 flags"
    finally:
        fresh.close()


def test_source_links_highlight_the_claim_and_clusters(page, report, data, open_report, screenshot):
    open_report(page, report, "#flags")
    date_flag = ranked(data)[2]
    assert date_flag["kind"] == "date"
    card = cards(page).nth(2)
    card.locator("a.source-link[data-side='b']").click()
    assert active_panel(page) == "sources"
    claim = page.locator(f"#claim-{date_flag['b']}")
    assert "target" in claim.get_attribute("class")
    assert page.locator("#doc-d1").is_visible() and not page.locator("#doc-d0").is_visible()
    assert in_viewport(page, f"#claim-{date_flag['b']}")
    screenshot(page, "source")

    page.locator("#back-link").click()
    assert active_panel(page) == "flags"
    assert "current" in cards(page).nth(2).get_attribute("class")

    cards(page).nth(2).locator("a.cluster-link").click()
    assert active_panel(page) == "clusters"
    cluster = f"#cluster-{date_flag['cluster']}"
    assert in_viewport(page, f"{cluster} h3")
    table = page.locator(f"{cluster} table").inner_text()
    assert "Monday, March 3" in table and "Tuesday, March 4" in table and "not mentioned" in table
    page.locator("#cluster-0").scroll_into_view_if_needed()
    screenshot(page, "clusters")

    page.go_back()  # browser history follows the views
    assert active_panel(page) == "flags"


def test_source_view_scrolls_a_long_document(page, tmp_path, open_report):
    data = large_data(n_docs=3, n_flags=40, sentences_per_doc=120)
    claims = {c["id"]: c for c in data["claims"]}
    flag = max(data["flags"], key=lambda f: claims[f["b"]]["start"])
    path = write_report(tmp_path, data)
    open_report(page, path, "#flag-" + flag["id"])
    assert active_panel(page) == "flags"
    page.keyboard.press("b")  # keyboard: claim B of the current flag in its source
    assert active_panel(page) == "sources"
    assert page.evaluate("window.scrollY") > 500
    assert in_viewport(page, f"#claim-{flag['b']}")
    assert "target" in page.locator(f"#claim-{flag['b']}").get_attribute("class")


def test_hostile_article_runs_nothing(page, report, data, open_report, page_errors):
    open_report(page, report)
    for tab in ("flags", "clusters", "sources", "overview"):
        page.click(f".tabs a[data-tab='{tab}']")
    page.click(".tabs a[data-tab='sources']")
    page.select_option("#source-select", "d3")
    text = page.locator("#doc-d3 .source-text").inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text and HOSTILE_BREAKOUT in text
    assert HOSTILE_SCRIPT in page.locator("#doc-d3 .meta").inner_text()
    page.click(".tabs a[data-tab='flags']")
    assert HOSTILE_IMG in cards(page).nth(1).inner_text()
    assert "<b>markup</b>" in cards(page).nth(1).locator(".explanation").inner_text()
    page.wait_for_timeout(200)  # give an injected onerror time to fire
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # the class switch, the data block, the view model's block, report.js
    assert page.evaluate("document.scripts.length") == 4
    assert not page_errors


def test_documents_show_outlet_date_and_only_web_links(page, report, data, open_report, page_errors):
    open_report(page, report, "#overview")
    rows = page.locator("table.documents tbody tr")
    assert "Harbour Gazette" in rows.nth(0).inner_text() and "2025-03-04" in rows.nth(0).inner_text()
    links = page.locator("table.documents a.external")
    assert links.count() == 2
    for i in range(2):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert links.nth(i).get_attribute("rel") == "noopener noreferrer"
        assert links.nth(i).get_attribute("href") == data["documents"][i]["url"]
    hostile = rows.nth(3)
    assert HOSTILE_URL in hostile.inner_text() and HOSTILE_OUTLET in hostile.inner_text()
    assert hostile.locator("a").count() == 1  # the document's own anchor only
    hostile.locator(".url-text").click()  # text, not a link: clicking runs nothing
    assert page.evaluate("[...document.querySelectorAll('a[href]')].filter(a => !/^(#|https?:)/.test(a.getAttribute('href'))).length") == 0

    page.click(".tabs a[data-tab='flags']")
    top = cards(page).nth(0)
    assert top.locator(".side-a .doc-meta").inner_text() == "Harbour Gazette, 2025-03-04"
    assert top.locator(".side-b .doc-meta").inner_text() == "Lakeside Wire, 2025-03-05"
    assert cards(page).nth(1).locator(".side-a .doc-meta").inner_text() == HOSTILE_OUTLET + ", 2025-03-04"
    garbled = cards(page).filter(has_text="Garbled number")
    assert garbled.locator(".doc-meta").count() == 1  # the national daily names no outlet or date
    page.fill("#f-search", "mail")  # the outlet is searchable: only the hostile outlet says "mail"
    expect_count(page, "Showing 1 of 8 flags")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None


def test_plug_in_kind_and_confidence_come_from_the_data(page, tmp_path, data, open_report, page_errors):
    data["flags"][0]["kind"] = "unit_mismatch"  # named nowhere: the fallback label
    data["flags"][1]["kind"] = "test_unit"
    data["kinds"]["test_unit"] = {"label": "Units differ", "description": "one figure in two units"}
    data["confidence"] = {"high": 0.95, "medium": 0.9}
    open_report(page, write_report(tmp_path, data), "#flags")
    assert count_text(page) == "Showing all 8 flags"
    top = cards(page).nth(0)
    assert top.locator(".kind").inner_text() == "Unit mismatch"
    assert "score 0.92 · medium confidence" in top.inner_text()
    assert "score 0.88 · low confidence" in cards(page).nth(1).inner_text()
    assert cards(page).nth(1).locator(".kind").inner_text() == "Units differ"
    labels = page.locator("#f-kinds label").all_inner_texts()
    assert any(t.startswith("Unit mismatch") for t in labels) and any(t.startswith("Units differ") for t in labels)
    style = "sel => getComputedStyle(document.querySelector(sel)).backgroundColor"
    neutral = page.evaluate(style, "#flag-list .kind-unit_mismatch")
    assert neutral == page.evaluate(style, "#flag-list .kind-test_unit") != page.evaluate(style, "#flag-list .kind-date")
    for kind in ("numeric", "garbled_number", "role", "date", "entity_name", "negation", "test_unit"):
        page.locator(f"#f-kinds input[value='{kind}']").uncheck()
    assert count_text(page) == "Showing 1 of 8 flags"


def test_no_flags_says_so(page, tmp_path, open_report):
    path = write_report(tmp_path, empty_data())
    open_report(page, path)
    assert "No disagreements found" in page.locator("#overview").inner_text()
    page.keyboard.press("2")
    assert "No disagreements found" in page.locator("#flags").inner_text()


def test_storage_unavailable_falls_back_to_memory(page, report, open_report):
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('blocked', 'SecurityError'); } });""")
    open_report(page, report)
    notice = page.locator("#storage-notice")
    assert notice.is_visible() and "export them" in notice.inner_text()
    page.keyboard.press("j")
    page.keyboard.press("c")
    assert "Reviewed 1 of 8" in page.locator("#progress").inner_text()


def test_readable_without_javascript_and_printable(browser, report, data, page, open_report):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 860})
    try:
        static = ctx.new_page()
        static.goto(report.resolve().as_uri())
        assert static.locator("#flag-list > li").count() == len(data["flags"])
        assert static.locator("#flag-list > li:visible").count() == len(data["flags"])
        assert static.locator("#flag-list").is_visible() and static.locator("#overview").is_visible()
        assert not static.locator("#flags-app .sidebar").is_visible() and not static.locator("#result-count").is_visible()
        first = static.locator("#flag-list article.flag").first
        assert first.locator("mark").count() >= 2 and first.locator(".claim").count() >= 1
    finally:
        ctx.close()
    open_report(page, report, "#flags")
    page.emulate_media(media="print")
    assert page.locator("#flag-list").is_visible() and page.locator("#overview").is_visible()
    assert page.locator("#flag-list > li:visible").count() == len(data["flags"]), "every pair is printed"
    assert not page.locator("#flags-app .sidebar").is_visible() and not page.locator("#sources").is_visible()


def test_two_thousand_flags_stay_responsive(page, tmp_path, open_report):
    data = large_data(n_docs=50, n_flags=2000)
    t = time.perf_counter()
    html = render_html(data)
    render_s = time.perf_counter() - t
    path = tmp_path / "large.html"
    path.write_text(html, encoding="utf-8")

    t = time.perf_counter()
    open_report(page, path)
    open_s = time.perf_counter() - t
    nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
    init_ms = page.evaluate("window.__claimsReport.initMs")

    page.keyboard.press("3")
    assert page.locator("#flag-list > li:not([hidden])").count() < 100  # shown a page at a time
    t = time.perf_counter()
    page.select_option("#f-doc", "d17")
    filter_s = time.perf_counter() - t
    filter_ms = page.evaluate("window.__claimsReport.lastFilterMs")
    doc_of = {c["id"]: c["doc"] for c in data["claims"]}
    n_doc = sum(1 for f in data["flags"] if "d17" in (doc_of[f["a"]], doc_of[f["b"]]))
    assert count_text(page) == f"Showing {n_doc} of 2000 flags"

    page.select_option("#f-doc", "")
    t = time.perf_counter()
    page.fill("#f-search", "incident 42 ")
    page.wait_for_function("document.getElementById('result-count').innerText.includes(' of 2000')")
    search_s = time.perf_counter() - t

    page.fill("#f-search", "")
    expect_count(page, "Showing all 2000 flags")
    page.locator("body").click(position={"x": 5, "y": 5})
    t = time.perf_counter()
    for _ in range(60):  # past the first lazily rendered page
        page.keyboard.press("j")
    keys_s = time.perf_counter() - t
    assert "current" in cards(page).nth(59).get_attribute("class")

    print(f"\nperformance, 2000 flags / 50 documents ({len(html) / 1e6:.1f} MB file): "
          f"python render {render_s:.2f} s; open to ready {open_s:.2f} s "
          f"(DOMContentLoaded {nav['dcl']:.0f} ms, report.js init {init_ms:.0f} ms); "
          f"document filter {filter_s * 1000:.0f} ms ({filter_ms:.0f} ms in page); "
          f"search {search_s * 1000:.0f} ms; 60 x j {keys_s * 1000:.0f} ms")
    assert open_s < 5.0
    assert filter_s < 1.0 and search_s < 1.5
