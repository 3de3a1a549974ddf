"""claims.read.html: title, date, outlet and URL of HTML pages (invented pages)."""
from __future__ import annotations

import pytest
from read_helpers import write

from claims.read import read_documents
from claims.read.html import html_article

WITH_JSON_LD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge closes after flood damage | The Harbour Ledger</title>
<meta property="og:title" content="Bridge closes after flood damage">
<link rel="canonical" href="https://harbourledger.example/news/2021/03/bridge-closes">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Harbour Ledger site", "url": "https://harbourledger.example/"},
 {"@type": "NewsArticle", "headline": "Bridge on Route 9 closes after flood damage",
  "datePublished": "2021-03-14T07:45:00+01:00", "dateModified": "2021-03-16T10:00:00+01:00",
  "url": "https://harbourledger.example/news/2021/03/bridge-closes",
  "publisher": {"@type": "Organization", "name": "The Harbour Ledger"}}]}
</script></head>
<body><article><h1>Bridge on Route 9 closes after flood damage</h1>
<p>The Tolvan bridge was closed on Sunday after engineers found cracks in two supports.</p>
</article><footer>&copy; 2019 The Harbour Ledger</footer></body></html>"""

META_ONLY = """<!DOCTYPE html><html><head>
<title>Council approves new ferry timetable - Northfield Courier</title>
<meta property="og:title" content="Council approves new ferry timetable">
<meta property="og:site_name" content="Northfield Courier">
<meta property="article:published_time" content="2022-07-02T18:20:00Z">
<meta property="article:modified_time" content="2022-07-05T09:00:00Z">
<meta property="og:url" content="https://courier.example/2022/07/ferry">
<link rel="canonical" href="https://courier.example/2022/07/ferry-timetable">
</head><body><h1>Council approves new ferry timetable</h1>
<p>The Northfield council voted 7 to 2 on Friday to add two evening ferries.</p>
<div class="related">Posted 1 January 2020: Older story about trams</div></body></html>"""

NEITHER = """<html><head><title>Storm cuts power to 3,000 homes</title></head>
<body><p>A storm cut power to about 3,000 homes in the Velde valley, the operator said.</p>
<p>The dam, opened on 4 May 1998, was not damaged.</p><footer>&copy; 2015 Velde News</footer></body></html>"""


def test_json_ld_article_gives_outlet_date_and_url():
    _, meta = html_article(WITH_JSON_LD)
    assert meta.title == "Bridge closes after flood damage"  # og:title first
    assert meta.date == "2021-03-14"  # published, not modified
    assert meta.outlet == "The Harbour Ledger"  # the article's publisher, not the WebSite's name
    assert meta.url == "https://harbourledger.example/news/2021/03/bridge-closes"


def test_meta_tags_only():
    _, meta = html_article(META_ONLY)
    assert meta.title == "Council approves new ferry timetable"
    assert meta.date == "2022-07-02"
    assert meta.outlet == "Northfield Courier"
    assert meta.url == "https://courier.example/2022/07/ferry-timetable"  # canonical before og:url


def test_no_metadata_gives_no_guessed_date():
    # dates in the text (an event in 1998, a copyright year) are not the publication date
    text, meta = html_article(NEITHER)
    assert meta.title == "Storm cuts power to 3,000 homes"
    assert meta.date is None and meta.outlet is None and meta.url is None
    assert "3,000 homes" in text


def test_json_ld_headline_when_no_og_title():
    page = WITH_JSON_LD.replace('<meta property="og:title" content="Bridge closes after flood damage">', "")
    _, meta = html_article(page)
    assert meta.title == "Bridge on Route 9 closes after flood damage"


def test_broken_and_hostile_json_ld_is_ignored():
    page = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", broken</script>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"n\": " + "1" * 5000 + "}</script>"
            "<script type='application/ld+json'>" + "[" * 100000 + "]" * 100000 + "</script>"
            "<script type='application/ld+json'>{\"@type\": [\"NewsArticle\"], \"headline\": \"Lone \\ud800 half\","
            " \"publisher\": [{\"name\": \"Some Outlet\"}]}</script>"
            "</head><body><p>Text of the article.</p></body></html>")
    text, meta = html_article(page)
    assert text == "Text of the article."
    assert meta.title == "Lone \ufffd half" and meta.outlet == "Some Outlet"


def test_html_file_document_gets_metadata(tmp_path):
    f = write(tmp_path / "a.html", META_ONLY)
    [doc] = read_documents([f])
    assert doc.outlet == "Northfield Courier" and doc.url.endswith("ferry-timetable") and doc.date == "2022-07-02"
    assert doc.body_start == 0
    assert "Posted 1 January 2020" in doc.text  # visible text is unchanged by metadata


def _page(charset: str) -> str:
    return (f'<html><head><meta charset="{charset}"><title>Flood</title></head><body><article>'
            "<p>Officials don\u2019t agree on the toll.</p>"
            "<p>The ministry said 41 people were killed in the flood on Monday, and the mayor said 14.</p>"
            "</article></body></html>")


@pytest.mark.parametrize("declared", ["latin-1", "iso-8859-1", "cp037"])
def test_a_declared_charset_that_does_not_fit_the_bytes_is_overridden_with_a_warning(tmp_path, declared):
    f = tmp_path / "page.html"
    f.write_bytes(_page(declared).encode("cp1252"))  # the bytes are Windows-1252 whatever the page says
    warnings = []
    [doc] = read_documents([f], warn=warnings.append)
    assert "Officials don\u2019t agree on the toll." in doc.text
    assert doc.encoding == "cp1252"
    assert warnings == [f"{f}: declares charset {declared!r}, which does not fit its bytes; read as cp1252"]


def test_a_declared_charset_that_fits_is_believed_without_a_warning(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes(_page("iso-8859-7").replace("don\u2019t", "\u03b4\u03b5\u03bd").encode("iso-8859-7"))
    warnings = []
    [doc] = read_documents([f], warn=warnings.append)
    assert "Officials \u03b4\u03b5\u03bd agree" in doc.text and warnings == []
