"""The real seed report (built by the pipeline with the real model) in headless Chromium."""
from __future__ import annotations

import json

import pytest

from tests.e2e.test_browser import active_panel, cards, count_text, expect_count

pytestmark = pytest.mark.browser


def test_seed_report_reviews_survive_reopening_and_sources_show_the_claim(seed_report, persistent, open_report,
                                                                           page_errors, screenshot, tmp_path):
    report, out = seed_report
    html = out / "report.html"
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    n = len(data["flags"])
    ctx = persistent(tmp_path / "profile")
    page = page_errors.watch(ctx.new_page())
    open_report(page, html, "#flags")
    assert count_text(page) == f"Showing all {n} flags"

    # filter to one kind: the count follows
    kinds = {f["kind"] for f in data["flags"]}
    for kind in kinds - {"role"}:
        page.locator(f"#f-kinds input[value='{kind}']").uncheck()
    n_role = sum(f["kind"] == "role" for f in data["flags"])
    assert count_text(page) == f"Showing {n_role} of {n} flags"
    page.locator("#f-reset").click()
    expect_count(page, f"Showing all {n} flags")
    page.locator("body").click(position={"x": 5, "y": 300})  # focus off the reset button

    # mark a flag by keyboard, reopen the file, the decision is still there
    page.keyboard.press("j")
    page.keyboard.press("c")
    page.wait_for_function("() => document.querySelectorAll(\"#flag-list button[data-decision='confirmed']"
                           "[aria-pressed='true']\").length === 1", timeout=5000)
    ctx.close()
    ctx = persistent(tmp_path / "profile")
    page = page_errors.watch(ctx.new_page())
    open_report(page, html, "#flags")
    confirmed = cards(page).filter(has=page.locator("button[data-decision='confirmed'][aria-pressed='true']"))
    assert confirmed.count() == 1
    card = confirmed.first
    flag = next(f for f in data["flags"] if f["id"] == card.get_attribute("data-id"))

    # the source link opens the document with the claim highlighted: the same characters as in the file
    card.locator("a.source-link[data-side='a']").click()
    assert active_panel(page) == "sources"
    claim = next(c for c in data["claims"] if c["id"] == flag["a"])
    shown = page.locator(f"#claim-{flag['a']}")
    assert "target" in shown.get_attribute("class")
    assert " ".join(shown.inner_text().split()) == " ".join(claim["text"].split())
    screenshot(page, "seed-source")
    ctx.close()


def test_seed_findings_on_a_phone_show_the_first_finding_on_the_first_screen(seed_report, browser, open_report,
                                                                              page_errors, screenshot):
    _, out = seed_report
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = page_errors.watch(ctx.new_page())
        open_report(page, out / "report.html")
        first = page.locator("#finding-list article.finding").first
        box = first.bounding_box()
        assert box["y"] < 844 * 0.5, "the first finding starts in the top half of the first screen"
        assert data["findings"][0]["label"] in first.inner_text()
        widest = page.evaluate("document.documentElement.scrollWidth")
        assert widest <= 390, "the page does not scroll sideways"
        page.goto((out / "report.html").resolve().as_uri() + "#overview")
        page.wait_for_function("window.__claimsReport && window.__claimsReport.ready")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        topbar = page.locator(".topbar").bounding_box()
        assert topbar["height"] < 844 * 0.15
        page.goto((out / "report.html").resolve().as_uri())
        page.wait_for_function("window.__claimsReport && window.__claimsReport.ready")
        screenshot(page, "seed-phone")
    finally:
        ctx.close()


def test_seed_finding_card_on_a_desktop(seed_report, page, open_report, screenshot):
    _, out = seed_report
    open_report(page, out / "report.html")
    page.keyboard.press("j")
    screenshot(page, "seed-finding")
