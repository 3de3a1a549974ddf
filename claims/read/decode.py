"""Bytes to text, exactly as ``Path.read_text(encoding=...)`` would give it."""
from __future__ import annotations

import codecs
import re
from typing import Callable

from claims.errors import InputError
from claims.display import shown_name


def decode_bytes(data: bytes, path: str, *, declared: str | None = None,
                 warn: Callable[[str], None] | None = None) -> tuple[str, str]:
    """Decode a file's bytes as ``Path.read_text`` would; return ``(text, encoding)``.

    UTF-8 first (a BOM is kept, see the package docstring), then a UTF-16/32 BOM, then an
    encoding ``declared`` by the file (an HTML ``<meta charset>``), then charset-normalizer
    when it is confident. A declared charset is checked against the bytes: when it decodes them
    to control characters or to nothing readable (``latin-1`` on Windows-1252 quotes made
    "don’t" a control character; ``cp037`` on ASCII), the detected encoding is used instead,
    with a warning. Raises InputError for binary data or undecodable bytes.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        text = _try_decode(data, "utf-32")
        if text is not None:
            return _check_text(newlines(text), path), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try_decode(data, "utf-16")
        if text is not None:
            return _check_text(newlines(text), path), "utf-16"
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{shown_name(path)}: looks like a binary file ({kind}), not text")
    if b"\x00" in data:
        raise InputError(f"{shown_name(path)}: looks like a binary file (it contains NUL bytes), not text")
    if _control_ratio(data) > 0.05:
        raise InputError(f"{shown_name(path)}: looks like a binary file (too many control characters), not text")
    try:
        return _check_text(newlines(data.decode("utf-8")), path), "utf-8"
    except UnicodeDecodeError as e:
        bad_offset = e.start
        bad_byte = data[e.start]
    if declared:
        enc = _codec_name(declared)
        if enc and enc not in ("utf_8", "utf_16", "utf_32"):
            text = _try_decode(data, enc)
            if text is not None and _readable(text, data):
                return _check_text(newlines(text), path), enc
            # the detector's choice; else Windows-1252, what browsers read "latin-1" and most
            # mislabelled news pages as (WHATWG Encoding: the iso-8859-1 labels mean windows-1252)
            for other in dict.fromkeys(e for e in (_detect(data), "cp1252") if e and e != enc):
                better = _try_decode(data, other)
                if better is not None and _readable(better, data):
                    if warn:
                        warn(f"{shown_name(path)}: declares charset {declared!r}, which does not fit its bytes; "
                             f"read as {other}")
                    return _check_text(newlines(better), path), other
            if text is not None:  # nothing better found: the page's word
                return _check_text(newlines(text), path), enc
    enc = _detect(data)
    if enc is not None:
        text = _try_decode(data, enc)
        if text is not None:
            return _check_text(newlines(text), path), enc
    raise InputError(
        f"{shown_name(path)}: not valid UTF-8 (byte 0x{bad_byte:02x} at offset {bad_offset}) and its encoding "
        "could not be detected; convert it to UTF-8"
    )


# Signatures of formats that are often saved next to articles under a misleading name.
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x7fELF", "a program"),
)


_DECODED_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 (not whitespace) and C1 controls
_ASCII_LETTER = re.compile(rb"[A-Za-z]")


def _readable(text: str, data: bytes) -> bool:
    """Whether ``text`` (``data`` decoded with a declared charset) is text, not a misreading:
    no control characters, and the ASCII letters of mostly-ASCII bytes still letters."""
    if _DECODED_CONTROL.search(text):
        return False
    sample = data[:65536]
    letters = len(_ASCII_LETTER.findall(sample))
    if letters < len(sample) / 2:
        return True
    shown = text[: len(sample)]
    return sum(c.isascii() and c.isalpha() for c in shown) >= letters / 2


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            return kind
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>``)."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else None


def newlines(text: str) -> str:
    """Universal-newline translation, the same as text-mode ``open`` / ``Path.read_text``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None


_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27)) + b"\x7f"


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL))) / len(sample)


def _check_text(text: str, path: str) -> str:
    if "\x00" in text:
        raise InputError(f"{shown_name(path)}: looks like a binary file (it contains NUL characters), not text")
    return text


def _detect(data: bytes) -> str | None:
    """An encoding charset-normalizer is confident about, or None."""
    try:
        from charset_normalizer import from_bytes

        matches = [m for m in from_bytes(data) if m.chaos <= 0.2 and not m.encoding.startswith(("utf_16", "utf_32"))]
    except Exception:  # noqa: BLE001 - a detector failure only means "not detected"
        return None
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    ascii_ratio = sum(b < 0x80 for b in data[:65536]) / max(1, len(data[:65536]))
    if ascii_ratio >= 0.75:
        # mostly-ASCII text with a few high bytes is, in news, nearly always Windows-1252
        # (curly quotes, dashes, accents): prefer it when it decodes about as well as the best.
        for m in matches:
            if "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.11:
                return "cp1252"
    return best.encoding
