"""The feed's index.html in real headless Chromium: links only to the events' own reports,
right-to-left overrides shown, never obeyed."""
from __future__ import annotations

import pytest

from claims.feed.index import render_index

pytestmark = pytest.mark.browser

SUMMARY = {"n_articles": 3, "n_events": 1, "n_singletons": 1, "seconds": 1.0, "executor": "local"}


def _event(event_id, **fields):
    return {"id": event_id, "headline": "Ferry sinks", "first_date": "2025-03-04", "last_date": "2025-03-05",
            "outlets": ["Harbour Gazette"], "n_articles": 2, "singleton": False, "articles": [],
            "n_findings": 1, "n_flags": 1, "top_finding": None, "report": f"{event_id}/report.html", **fields}


def _open(page, tmp_path, events):
    path = tmp_path / "index.html"
    path.write_text(render_index({"events": events, "summary": SUMMARY}), encoding="utf-8")
    page.goto(path.resolve().as_uri())
    return page


def test_an_event_id_that_is_a_script_address_is_no_link_and_runs_nothing(page, tmp_path):
    (tmp_path / "e_0123456789").mkdir()
    (tmp_path / "e_0123456789" / "report.html").write_text("<title>the ferry report</title>", encoding="utf-8")
    events = [_event("javascript:alert(document.domain)", headline="Hostile"),
              _event("e_0123456789", headline="Ferry sinks")]
    _open(page, tmp_path, events)
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["e_0123456789/report.html"]
    page.locator("#events tr", has_text="Hostile").locator("td").first.click()  # plain text: opens nothing
    assert page.url.endswith("/index.html")  # and the page_errors fixture saw no alert dialog
    page.get_by_role("link", name="Ferry sinks").click()
    page.wait_for_load_state()
    assert page.title() == "the ferry report"


def test_right_to_left_overrides_in_titles_outlets_and_names_are_shown_escaped(page, tmp_path):
    rlo = "\u202e"
    single = {**_event("e_9999999999"), "singleton": True, "report": None, "articles": [
        {"path": f"inbox/invoice{rlo}fdp.md", "title": f"Museum {rlo}opens", "outlet": f"Culture{rlo} Notes",
         "date": "2023-11-02", "url": None}]}
    _open(page, tmp_path, [_event("e_0123456789", headline=f"Ferry {rlo}sinks", outlets=[f"Harbour{rlo} Gazette"]),
                           single])
    events_text = page.locator("#events").inner_text()
    singles_text = page.locator("#singletons").inner_text()
    assert rlo not in page.content()
    assert "Ferry <U+202E>sinks" in events_text and "Harbour<U+202E> Gazette" in events_text
    assert "Museum <U+202E>opens" in singles_text
    assert "Culture<U+202E> Notes 2023-11-02 · inbox/invoice<U+202E>fdp.md" in singles_text
