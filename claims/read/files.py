"""Reading one file: bytes, decoding, then the reader for its kind of content."""
from __future__ import annotations

from claims.errors import InputError
from claims.read import common
from claims.read.common import (
    HTML_EXTENSIONS, MAX_FILE_LABEL, TEXT_EXTENSIONS, Warn, ext, has_content, reason, show, skip,
)
from claims.read.decode import decode_bytes, declared_charset
from claims.read.html import html_to_text
from claims.read.records import read_json
from claims.read.text import text_title_and_date
from claims.types import Document


def read_file(path: str, warn: Warn, problems: list[str]) -> list[Document]:
    try:
        with open(path, "rb") as f:
            data = f.read(common.MAX_FILE_BYTES + 1)
    except OSError as e:
        raise InputError(f"cannot read {show(path)}: {reason(e)}") from None
    if len(data) > common.MAX_FILE_BYTES:  # grew since stat
        skip(f"skipped {show(path)}: file is too large (the limit is {MAX_FILE_LABEL})", warn, problems)
        return []
    kind = ext(path)
    declared = declared_charset(data) if kind in HTML_EXTENSIONS else None
    text, encoding = decode_bytes(data, path, declared=declared)
    if not has_content(text):
        skip(f"skipped {show(path)}: file is empty", warn, problems)
        return []

    if kind in TEXT_EXTENSIONS:
        title, date = text_title_and_date(text, markdown=(kind == ".md"))
        return [Document(id="", path=path, text=text, title=title, date=date, encoding=encoding)]
    if kind in HTML_EXTENSIONS:
        body, title, date = html_to_text(text.lstrip("\ufeff"))
        if not has_content(body):
            skip(f"skipped {show(path)}: no visible article text in the page", warn, problems)
            return []
        return [Document(id="", path=path, text=body, title=title, date=date, encoding=encoding)]
    return read_json(path, text, encoding, warn, problems)
