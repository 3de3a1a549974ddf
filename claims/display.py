"""Text that can always be encoded and file names that cannot pretend to be other names.

* ``replace_surrogates``: a lone surrogate (``"\\ud800"`` from a JSON escape, or a
  surrogate-escaped byte of a file name) cannot be encoded as UTF-8, which broke the
  tokenizer and report writing. Each becomes U+FFFD: one character for one, so every
  offset into the text stays valid.
* ``shown_name``: a file name as a reader should see it. Bytes that are not UTF-8 are
  written ``<0xE9>``; bidirectional controls, control characters and other lone
  surrogates ``<U+202E>``, so "report\\u202etxt.pdf" cannot pose as "reportfdp.txt".
* ``encodable`` and ``shown_document``: the same for a whole :class:`~claims.types.Document`.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from claims.types import Document

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode's explicit bidirectional formatting characters (UAX #9, "explicit formatting")
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def shown_name(name: str) -> str:
    """A file name or path made safe and honest to display (see the module docstring).

    No backslash escapes: ``Document.name`` splits paths on backslashes too.
    """
    return "".join(_shown_char(c) for c in name) if any(_hidden(c) for c in name) else name


def _hidden(c: str) -> bool:
    return "\ud800" <= c <= "\udfff" or c in BIDI_CONTROLS or unicodedata.category(c) == "Cc"


def _shown_char(c: str) -> str:
    if "\udc80" <= c <= "\udcff":  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"<0x{ord(c) - 0xDC00:02X}>"
    return f"<U+{ord(c):04X}>" if _hidden(c) else c


def encodable(doc: Document) -> Document:
    """``doc`` with lone surrogates in its text fields made U+FFFD, lengths kept, so the
    tokenizer and the report can encode them and every offset stays valid."""
    changes = {f: replace_surrogates(getattr(doc, f)) for f in ("text", "title", "date", "outlet", "url")
               if isinstance(getattr(doc, f), str) and has_surrogates(getattr(doc, f))}
    return dataclasses.replace(doc, **changes) if changes else doc


def shown_document(doc: Document) -> Document:
    """``doc`` with its path as a reader should see it (:func:`shown_name`), for explanations and reports."""
    shown = shown_name(doc.path)
    return doc if shown == doc.path else dataclasses.replace(doc, path=shown)
