"""Reading one file: bytes, decoding, then the reader for what the content is.

The name says what a file should be; the content has the last word: a ``.txt`` holding an
HTML page is read as HTML, binary data is refused whatever its name, and the tool's own
reports (``report.html``/``report.json``) are never read back as articles.
"""
from __future__ import annotations

import re

from claims.display import shown_name
from claims.errors import InputError
from claims.read import common
from claims.read.common import (
    HTML_EXTENSIONS, JSON_EXTENSIONS, MAX_FILE_LABEL, Warn, ext, has_content, reason, skip,
)
from claims.read.decode import decode_bytes, declared_charset
from claims.read.html import html_article, looks_like_html
from claims.read.records import read_json
from claims.read.text import text_meta
from claims.types import Document

# The data block every HTML report written by claims carries (claims/reporting/templates).
_REPORT_HTML_MARKER = re.compile(r"""<script\b[^>]*\bid\s*=\s*["']?report-data\b""", re.I)
_REPORT_JSON_SCHEMA = re.compile(r'^\s*\{\s*"schema"\s*:\s*"claims-(?:report|reviews)/')
_HTML_DOCUMENT = re.compile(r"^\s*<(?:!doctype\s+html|html|head|body)\b", re.I)


def read_file(path: str, warn: Warn, problems: list[str]) -> list[Document]:
    try:
        with open(path, "rb") as f:
            data = f.read(common.MAX_FILE_BYTES + 1)
    except OSError as e:
        raise InputError(f"{shown_name(path)}: cannot read: {reason(e)}") from None
    if len(data) > common.MAX_FILE_BYTES:  # grew since stat
        skip(f"skipping {shown_name(path)}: file is too large (the limit is {MAX_FILE_LABEL})", warn, problems)
        return []
    kind = ext(path)
    declared = declared_charset(data) if kind in HTML_EXTENSIONS else None
    text, encoding = decode_bytes(data, path, declared=declared, warn=warn)
    if not has_content(text):
        skip(f"skipping {shown_name(path)}: file is empty", warn, problems)
        return []
    if is_claims_report(text):
        raise InputError(f"{shown_name(path)}: a claims report (written by this tool), not an article")

    kind = content_kind(kind, text)
    if kind == "html":
        body, meta = html_article(text.lstrip("\ufeff"))
        if not has_content(body):
            skip(f"skipping {shown_name(path)}: no visible article text in the page", warn, problems)
            return []
        return [Document(id="", path=path, text=body, title=meta.title, date=meta.date, encoding=encoding,
                         outlet=meta.outlet, url=meta.url)]
    if kind == "json":
        return read_json(path, text, encoding, warn, problems)

    meta, matter = text_meta(text, markdown=(ext(path) == ".md"))
    meta.warn_bad_date(path, warn)
    body_start = matter.end if matter else 0
    if matter is not None and not matter.valid:
        warn(f"{shown_name(path)}: the front matter is not valid YAML; its metadata is ignored")
    if not has_content(text[body_start:]):
        skip(f"skipping {shown_name(path)}: no article text after the front matter", warn, problems)
        return []
    return [Document(id="", path=path, text=text, title=meta.title, date=meta.date, encoding=encoding,
                     outlet=meta.outlet, url=meta.url, body_start=body_start)]


def content_kind(extension: str, text: str) -> str:
    """``"html"``, ``"json"`` or ``"text"``: the extension, unless a text file is an HTML page."""
    if extension in HTML_EXTENSIONS:
        return "html"
    if extension in JSON_EXTENSIONS:
        return "json"
    head = text.lstrip("\ufeff")[:4096]
    if _HTML_DOCUMENT.match(head) or (extension == ".txt" and looks_like_html(head) and "</" in head):
        return "html"
    return "text"


def is_claims_report(text: str) -> bool:
    """Whether the text is a report (or a review export) that claims itself wrote."""
    head = text.lstrip("\ufeff")[:256]
    return bool(_REPORT_JSON_SCHEMA.match(head) or _REPORT_HTML_MARKER.search(text))
