"""A decision made in one report is carried, by ``--reviews``, into a run from another folder."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.browser

ARTICLES = {
    "harbour.txt": "Mayor Lena Brandt opened the new ferry terminal on Monday. "
                   "Officials said 14 people were injured when the old gangway collapsed.\n",
    "wire.txt": "Governor Lena Brandt cut the ribbon at the ferry terminal. "
                "Officials said 41 people were injured when the old gangway collapsed.\n",
    "daily.txt": "Mayor Lena Brandt told reporters the terminal cost less than planned.\n",
}


def _claims(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_a_verdict_is_carried_into_a_run_from_another_folder(tmp_path, browser, open_report, page_errors):
    first_dir = tmp_path / "monday" / "articles"
    first_dir.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (first_dir / name).write_text(text, encoding="utf-8")
    run = _claims("report", first_dir, "--out", tmp_path / "1.html", "--quiet")
    assert run.returncode == 0, run.stderr
    data = json.loads((tmp_path / "1.json").read_text(encoding="utf-8"))
    assert data["findings"], "the invented articles disagree on an injury count and a title"

    # review the first finding in the browser and export the decisions
    ctx = browser.new_context(accept_downloads=True)
    try:
        page = page_errors.watch(ctx.new_page())
        open_report(page, tmp_path / "1.html")
        page.keyboard.press("j")
        page.keyboard.press("c")
        page.keyboard.press("n")
        page.keyboard.type("checked with the port authority")
        page.keyboard.press("Escape")
        with page.expect_download() as dl:
            page.click("#export-findings-json")
        decisions = tmp_path / "decisions.json"
        dl.value.save_as(decisions)
    finally:
        ctx.close()

    # the same articles, copied to another folder, plus one more: the decision is still placed
    second_dir = tmp_path / "tuesday" / "copy"
    shutil.copytree(first_dir, second_dir)
    (second_dir / "late.txt").write_text("Rescuers said the gangway had been inspected in May.\n", encoding="utf-8")
    run = _claims("report", second_dir, "--out", tmp_path / "2.html", "--reviews", decisions)
    assert run.returncode == 0, run.stderr
    n = len(data["findings"]) + len(data["flags"])  # the export lists every finding and every pair seen
    assert f"reviews: carried {n} of {n} decisions" in run.stdout
    again = json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))
    assert again["report_id"] != data["report_id"]
    top = data["findings"][0]["id"]
    carried = next(x for x in again["findings"] if x["id"] == top)
    assert carried["review"]["decision"] == "confirmed" and carried["review"]["note"] == "checked with the port authority"

    ctx = browser.new_context()  # a fresh browser: the decision comes from the data, not localStorage
    try:
        page = page_errors.watch(ctx.new_page())
        open_report(page, tmp_path / "2.html", "#finding-" + top)
        card = page.locator(f"#finding-{top}")
        assert card.locator("[data-decision-badge]").inner_text() == again["decisions"]["confirmed"]["label"]
        assert card.locator("[data-field='note']").input_value() == "checked with the port authority"
    finally:
        ctx.close()


def test_a_csv_given_to_reviews_names_the_json_export(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 14 people were injured.\n", encoding="utf-8")
    (tmp_path / "decisions.csv").write_text("flag_id,kind,decision\nf_1,numeric,confirmed\n", encoding="utf-8")
    run = _claims("report", tmp_path / "a.txt", "--out", tmp_path / "out" / "r.html", "--reviews",
                  tmp_path / "decisions.csv")
    assert run.returncode != 0
    assert run.stderr.count("\n") == 1 and "JSON export" in run.stderr
