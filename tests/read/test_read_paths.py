"""claims.read.paths and claims.read.files: what a folder walk reads, and what it refuses."""
from __future__ import annotations

import json
import os

import pytest
from read_helpers import ARTICLE, Warnings, read_error, write

from claims.read import files as files_mod
from claims.read import read_documents

REPORT_HTML = (
    "<!doctype html><html><head><title>claims report</title></head><body>"
    "<h1>3 disagreements</h1><p>Quake kills hundreds: 300 or 450 dead?</p>"
    '<script type="application/json" id="report-data">{"schema": "claims-report/1"}</script>'
    "</body></html>"
)
REPORT_JSON = json.dumps({"schema": "claims-report/1", "documents": [{"id": "d0", "text": ARTICLE}]}, indent=2)


def test_own_reports_in_a_folder_are_skipped(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "reports" / "report.html", REPORT_HTML)
    write(tmp_path / "reports" / "report.json", REPORT_JSON)
    write(tmp_path / "renamed.txt", REPORT_HTML)  # recognised by content, not name
    warnings = Warnings()
    docs = read_documents([tmp_path], warn=warnings)
    assert [d.name for d in docs] == ["a.txt"]
    assert len(warnings) == 3 and all("skipping" in w and "a claims report" in w for w in warnings)


def test_report_json_with_schema_not_first_is_recognised(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "r.json", json.dumps({"documents": [{"text": "Other text."}], "schema": "claims-report/2"}))
    warnings = Warnings()
    assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
    assert "a claims report" in warnings[0]


def test_review_export_is_not_an_article(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "decisions.json", json.dumps({"schema": "claims-reviews/1", "reviews": []}))
    assert [d.name for d in read_documents([tmp_path], warn=Warnings())] == ["a.txt"]


def test_explicit_report_is_a_one_line_error(tmp_path):
    f = write(tmp_path / "report.html", REPORT_HTML)
    msg = read_error([f])
    assert "report.html" in msg and "claims report" in msg


def test_report_run_twice_does_not_read_its_own_output(tmp_path, monkeypatch):
    # `claims report .` writes reports/report.html; the second run must not read it back
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.md", "# Floods displace thousands\n\nMore than 5,000 people left their homes.\n")
    monkeypatch.chdir(tmp_path)
    first = read_documents(["."], warn=Warnings())
    write(tmp_path / "reports" / "report.html", REPORT_HTML)
    write(tmp_path / "reports" / "report.json", REPORT_JSON)
    second = read_documents(["."], warn=Warnings())
    assert [d.path for d in second] == [d.path for d in first]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_out_of_the_folder_is_not_followed(tmp_path):
    outside = write(tmp_path / "private" / "secret.txt", "The vault code is kept in the drawer of the desk.\n")
    write(tmp_path / "private" / "more" / "x.txt", "Another private note about the garden shed.\n")
    inbox = tmp_path / "inbox"
    write(inbox / "a.txt", ARTICLE)
    os.symlink(outside, inbox / "link.txt")
    os.symlink(tmp_path / "private" / "more", inbox / "dirlink")
    warnings = Warnings()
    docs = read_documents([inbox], warn=warnings)
    assert [d.name for d in docs] == ["a.txt"]
    assert len(warnings) == 2 and all("symbolic link" in w for w in warnings)
    assert any("link.txt" in w for w in warnings) and any("dirlink" in w for w in warnings)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_inside_the_folder_and_explicit_symlink_are_read(tmp_path):
    outside = write(tmp_path / "elsewhere" / "b.txt", "Floods displace thousands.\n\nMore than 5,000 left.\n")
    inbox = tmp_path / "inbox"
    write(inbox / "sub" / "a.txt", ARTICLE)
    os.symlink(inbox / "sub", inbox / "alias")  # inside: read (once: same file as sub/a.txt)
    os.symlink(outside, tmp_path / "explicit.txt")
    warnings = Warnings()
    docs = read_documents([inbox, tmp_path / "explicit.txt"], warn=warnings)
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == [os.path.join("inbox", "alias", "a.txt"),
                                                                 "explicit.txt"]
    assert all("symbolic link" not in w for w in warnings)


def test_txt_holding_an_html_page_is_read_as_html(tmp_path):
    page = ("<!DOCTYPE html><html><head><meta property='og:site_name' content='Riverside Gazette'>"
            "<script>var x = 1;</script></head><body><nav>Home</nav>"
            "<p>The river rose 2 metres overnight.</p></body></html>")
    f = write(tmp_path / "saved.txt", page)
    [doc] = read_documents([f])
    assert doc.text == "The river rose 2 metres overnight." and doc.outlet == "Riverside Gazette"


def test_txt_mentioning_tags_stays_text(tmp_path):
    text = "Why <p> tags matter\n\nThe web team said the <div> layout would change in May.\n"
    f = write(tmp_path / "a.md", text)
    [doc] = read_documents([f])
    assert doc.text == text


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "PDF"),
    (b"PK\x03\x04" + b"word/document.xml" * 30, "ZIP"),
    (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 40, "PNG"),
])
def test_binary_named_txt(tmp_path, data, kind):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "fake.txt", data)
    warnings = Warnings()
    assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
    assert "fake.txt" in warnings[0] and "binary" in warnings[0] and kind in warnings[0]
    msg = read_error([tmp_path / "fake.txt"])
    assert "fake.txt" in msg and "binary" in msg


def test_undecodable_file_in_a_folder_is_skipped(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "bad.txt", b"Valid start. " + bytes(range(0x80, 0x100)) * 4)
    warnings = Warnings()
    assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
    assert "bad.txt" in warnings[0] and "UTF-8" in warnings[0]


def _deny(path_part):
    real_open = open

    def fake_open(path, *args, **kwargs):
        if path_part in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    return fake_open


def test_unreadable_file_in_a_folder_is_skipped(tmp_path, monkeypatch):
    # the tests may run as root, where chmod 000 does not deny: make open() refuse instead
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "locked.txt", "Floods displace thousands.\n")
    monkeypatch.setattr(files_mod, "open", _deny("locked.txt"), raising=False)
    warnings = Warnings()
    assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
    assert "locked.txt" in warnings[0] and "Permission denied" in warnings[0]


def test_unreadable_explicit_file_is_a_one_line_error(tmp_path, monkeypatch):
    f = write(tmp_path / "locked.txt", ARTICLE)
    monkeypatch.setattr(files_mod, "open", _deny("locked.txt"), raising=False)
    msg = read_error([f])
    assert "locked.txt" in msg and "Permission denied" in msg


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_subfolder_is_skipped(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked / "b.txt", "Floods displace thousands.\n")
    locked.chmod(0)
    try:
        warnings = Warnings()
        assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
        assert "locked" in warnings[0]
    finally:
        locked.chmod(0o755)


def test_unreadable_subfolder_is_skipped_simulated(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "locked" / "b.txt", "Floods displace thousands.\n")
    real_scandir = os.scandir

    def fake_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    warnings = Warnings()
    assert [d.name for d in read_documents([tmp_path], warn=warnings)] == ["a.txt"]
    assert "locked" in warnings[0] and "Permission denied" in warnings[0]
    monkeypatch.setattr(os, "scandir", lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    msg = read_error([tmp_path])
    assert "cannot read folder" in msg and "Permission denied" in msg
