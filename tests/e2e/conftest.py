"""Fixtures for the browser tests: Debian's Chromium driven by Playwright.

The browser is /usr/bin/chromium (``apt-get install -y chromium``), never a
Playwright download. Without it the tests are skipped, except under CI
(``CI=true``) where a missing browser is a failure.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))  # sample_data.py

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 860}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "reports" / "screenshots"


def _unavailable(reason: str):
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_driver(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    pw = sync_playwright().start()
    yield pw
    pw.stop()


@pytest.fixture(scope="session")
def browser(playwright_driver, chromium_path):
    b = playwright_driver.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
    yield b
    b.close()


class PageErrors(list):
    """JavaScript errors and dialogs seen by a page; a test ends with none."""

    def watch(self, page):
        page.on("pageerror", lambda e: self.append(f"pageerror: {e}"))
        page.on("console", lambda m: self.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("dialog", lambda d: (self.append(f"dialog: {d.message}"), d.dismiss()))
        return page


@pytest.fixture
def page_errors():
    errors = PageErrors()
    yield errors
    assert not errors, f"the report raised errors or opened dialogs: {errors}"


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, page_errors):
    return page_errors.watch(context.new_page())


@pytest.fixture
def persistent(playwright_driver, chromium_path, page_errors):
    """``persistent(user_data_dir)``: a browser context whose localStorage lives in that folder,
    so closing it and opening another on the same folder is "reopening the file"."""
    opened = []

    def launch(user_data_dir: Path):
        ctx = playwright_driver.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True,
            viewport=VIEWPORT, accept_downloads=True,
        )
        opened.append(ctx)
        return ctx

    yield launch
    for ctx in opened:
        try:
            ctx.close()
        except Exception:  # already closed by the test
            pass


def _open_report(page, path: Path, hash: str = ""):
    page.goto(path.resolve().as_uri() + hash)
    page.wait_for_function("window.__claimsReport && window.__claimsReport.ready", timeout=15_000)
    return page


@pytest.fixture
def open_report():
    """``open_report(page, path, hash="")``: open a report file from disk and wait until
    report.js has built the views."""
    return _open_report


def _screenshot(page, name: str, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@pytest.fixture
def screenshot():
    """``screenshot(page, name)``: save a PNG under reports/screenshots/ (git-ignored)."""
    return _screenshot
