"""Small helpers shared by the reader modules: limits, messages, extensions."""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Callable

from claims.errors import InputError

log = logging.getLogger("claims.read")

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json", ".jsonl")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS

# Read at call time (``common.MAX_FILE_BYTES``), so a test can lower it.
MAX_FILE_BYTES = 50 * 1024 * 1024  # 50 MB
MAX_FILE_LABEL = "50 MB"

Warn = Callable[[str], None]


def log_warning(msg: str) -> None:
    log.warning("%s", msg)


def skip(msg: str, warn: Warn, problems: list[str]) -> None:
    """Warn that one input is skipped, and remember why for the "nothing usable" error."""
    problems.append(msg)
    warn(msg)


def strip_skipped(msg: str) -> str:
    for prefix in ("skipped ", "skipping "):
        if msg.startswith(prefix):
            return msg[len(prefix):]
    return msg


def has_content(text: str) -> bool:
    return bool(text.replace("\ufeff", "").strip())


def fspath(p: Any) -> str:
    try:
        s = os.fspath(p)
    except TypeError:
        raise InputError(f"not a path: {p!r}") from None
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    if not s:
        raise InputError("an empty path was given")
    return s


def one_line(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.split())
    return s or None


def reason(e: OSError) -> str:
    return e.strerror or str(e)


def json_reason(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} (column {e.colno})"
    if isinstance(e, ValueError) and "digits" in str(e):
        return "a number has too many digits"
    if isinstance(e, ValueError):
        return "a value cannot be read"
    return "nested too deeply"


def json_type(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(v), "a number"
    )


def ext(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return os.path.splitext(name)[1].lower()


def ext_label(path: str) -> str:
    return ext(path) or "(no extension)"


def size_label(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
