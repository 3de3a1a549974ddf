"""JSON and JSON Lines files: one Document per record that has article text."""
from __future__ import annotations

import json
from typing import Any

from claims.display import replace_surrogates, shown_name
from claims.errors import InputError
from claims.read.common import Warn, ext, has_content, json_reason, json_type, skip
from claims.read.decode import newlines
from claims.read.html import html_article, looks_like_html
from claims.read.metadata import meta_from_fields
from claims.types import Document

TEXT_FIELDS = ("text", "body", "content", "article")
_WRAPPER_FIELDS = ("articles", "items", "records", "documents", "data", "results")


def read_json(path: str, text: str, encoding: str, warn: Warn, problems: list[str]) -> list[Document]:
    """The records of a JSON/JSONL file that hold article text.

    In a JSONL file a line that is not JSON is skipped with a warning naming it; the file is an
    error only when no line is. Hostile JSON gives a one-line InputError: numbers too long for Python's int conversion
    (over 4,300 digits), nesting deeper than the recursion limit. Lone surrogates
    (``"\\ud800"``) in text or metadata become U+FFFD: offsets index the extracted text,
    not the file, so that replacement moves nothing.
    """
    records: list[tuple[str | None, Any]] = []  # (suffix for the path, record)
    text = text[1:] if text.startswith("\ufeff") else text  # json.loads refuses a BOM
    if ext(path) == ".jsonl":
        bad_lines: list[str] = []  # one broken line must not cost the file's good records
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                records.append((f"#{lineno}", json.loads(line)))
            except (ValueError, RecursionError) as e:
                bad_lines.append(f"invalid JSON on line {lineno}: {json_reason(e)}")
        if bad_lines and not records:
            raise InputError(f"{shown_name(path)}: {bad_lines[0]}")
        if bad_lines:
            more = f" (and {len(bad_lines) - 1} more lines)" if len(bad_lines) > 1 else ""
            warn(f"{shown_name(path)}: skipped {bad_lines[0]}{more}; read the other {len(records)} records")
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{shown_name(path)}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        except (ValueError, RecursionError) as e:  # a 5,000-digit number, 100,000 nested lists
            raise InputError(f"{shown_name(path)}: invalid JSON: {json_reason(e)}") from None
        if isinstance(data, dict) and str(data.get("schema", "")).startswith(("claims-report/", "claims-reviews/")):
            raise InputError(f"{shown_name(path)}: a claims report (written by this tool), not an article")
        if isinstance(data, dict) and _text_field(data) is None:
            wrapped = [data[k] for k in _WRAPPER_FIELDS if isinstance(data.get(k), list)]
            if len(wrapped) == 1:
                data = wrapped[0]
        if isinstance(data, dict):
            records.append((None, data))
        elif isinstance(data, list):
            records.extend((f"#{i}", r) for i, r in enumerate(data, 1))
        else:
            raise InputError(f"{shown_name(path)}: expected a JSON object or a list of objects, found {json_type(data)}")

    docs: list[Document] = []
    skipped: list[str] = []
    for suffix, rec in records:
        where = path + (suffix or "")
        if not isinstance(rec, dict):
            skipped.append(f"{shown_name(where)} is {json_type(rec)}, not an object")
            continue
        field = _text_field(rec)
        if field is None:
            skipped.append(f"{shown_name(where)} has no text field ({', '.join(TEXT_FIELDS)})")
            continue
        body = _as_text(rec[field])
        if body is None:
            skipped.append(f"{shown_name(where)}: field {field!r} is {json_type(rec[field])}, not text")
            continue
        body = replace_surrogates(newlines(body))
        meta = meta_from_fields(rec)
        meta.warn_bad_date(where, warn)
        if looks_like_html(body):
            body, page_meta = html_article(body)
            meta = meta.or_else(page_meta)
        if not has_content(body):
            skipped.append(f"{shown_name(where)} has empty text")
            continue
        if "\x00" in body:
            raise InputError(f"{shown_name(where)}: the text contains NUL characters")
        docs.append(Document(id="", path=where, text=body, title=meta.title, date=meta.date, encoding=encoding,
                             outlet=meta.outlet, url=meta.url))

    if skipped:
        first = skipped[0]
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        msg = f"skipping {len(skipped)} record{'s' if len(skipped) != 1 else ''} in {shown_name(path)}: {first}{more}"
        if docs:
            warn(msg)
        else:
            skip(msg, warn, problems)
    elif not records:
        skip(f"skipping {shown_name(path)}: no records in the file", warn, problems)
    return docs


def _text_field(rec: dict) -> str | None:
    """The first text field holding text; else the first present (to name it in the warning)."""
    present = [k for k in TEXT_FIELDS if k in rec]
    for k in present:
        if _as_text(rec[k]) is not None:
            return k
    return present[0] if present else None


def _as_text(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(p, str) for p in value):
        return "\n\n".join(value)
    return value if isinstance(value, str) else None
