"""JSON and JSON Lines files: one Document per record that has article text."""
from __future__ import annotations

import json
from typing import Any, Iterable

from claims.errors import InputError
from claims.read.common import Warn, ext, has_content, json_reason, json_type, one_line, show, skip
from claims.read.decode import newlines
from claims.read.html import html_to_text, looks_like_html
from claims.read.metadata import parse_date
from claims.types import Document

TEXT_FIELDS = ("text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "datePublished", "pubdate")
_WRAPPER_FIELDS = ("articles", "items", "records", "documents", "data", "results")


def read_json(path: str, text: str, encoding: str, warn: Warn, problems: list[str]) -> list[Document]:
    records: list[tuple[str | None, Any]] = []  # (suffix for the path, record)
    text = text[1:] if text.startswith("\ufeff") else text  # json.loads refuses a BOM
    if ext(path) == ".jsonl":
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                records.append((f"#{lineno}", json.loads(line)))
            except (json.JSONDecodeError, RecursionError) as e:
                raise InputError(f"{show(path)}: invalid JSON on line {lineno}: {json_reason(e)}") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{show(path)}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        except RecursionError:
            raise InputError(f"{show(path)}: invalid JSON: nested too deeply") from None
        if isinstance(data, dict) and _text_field(data) is None:
            wrapped = [data[k] for k in _WRAPPER_FIELDS if isinstance(data.get(k), list)]
            if len(wrapped) == 1:
                data = wrapped[0]
        if isinstance(data, dict):
            records.append((None, data))
        elif isinstance(data, list):
            records.extend((f"#{i}", r) for i, r in enumerate(data, 1))
        else:
            raise InputError(f"{show(path)}: expected a JSON object or a list of objects, found {json_type(data)}")

    docs: list[Document] = []
    skipped: list[str] = []
    for suffix, rec in records:
        where = path + (suffix or "")
        if not isinstance(rec, dict):
            skipped.append(f"{show(where)} is {json_type(rec)}, not an object")
            continue
        field = _text_field(rec)
        if field is None:
            skipped.append(f"{show(where)} has no text field ({', '.join(TEXT_FIELDS)})")
            continue
        body = rec[field]
        if isinstance(body, list) and all(isinstance(p, str) for p in body):
            body = "\n\n".join(body)
        if not isinstance(body, str):
            skipped.append(f"{show(where)}: field {field!r} is {json_type(body)}, not text")
            continue
        body = newlines(body)
        title = _first_str(rec, TITLE_FIELDS)
        date = None
        for k in DATE_FIELDS:
            if k in rec:
                date = parse_date(rec[k])
                if date:
                    break
        if looks_like_html(body):
            body, html_title, html_date = html_to_text(body)
            title, date = title or html_title, date or html_date
        if not has_content(body):
            skipped.append(f"{show(where)} has empty text")
            continue
        if "\x00" in body:
            raise InputError(f"{show(where)}: the text contains NUL characters")
        docs.append(Document(id="", path=where, text=body, title=one_line(title), date=date, encoding=encoding))

    if skipped:
        first = skipped[0]
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        msg = f"skipped {len(skipped)} record{'s' if len(skipped) != 1 else ''} in {show(path)}: {first}{more}"
        if docs:
            warn(msg)
        else:
            skip(msg, warn, problems)
    elif not records:
        skip(f"skipped {show(path)}: no records in the file", warn, problems)
    return docs


def _text_field(rec: dict) -> str | None:
    for k in TEXT_FIELDS:
        if k in rec:
            return k
    return None


def _first_str(rec: dict, keys: Iterable[str]) -> str | None:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, str) and v.strip():
            return v
    return None
