"""Read articles from files and folders into :class:`~claims.types.Document` objects.

Modules, one job each: :mod:`~claims.read.paths` (paths and folders to files),
:mod:`~claims.read.files` (one file: bytes, kind by content), :mod:`~claims.read.decode`
(bytes to text), :mod:`~claims.read.text` (plain text, Markdown, YAML front matter),
:mod:`~claims.read.html`, :mod:`~claims.read.records` (JSON/JSONL),
:mod:`~claims.read.metadata` (title, date, outlet, URL) and :mod:`~claims.read.common`.

Supported inputs (the extension says what a file should be, case-insensitively; the
content has the last word: a ``.txt`` holding an HTML page is read as HTML, binary data is
refused whatever the name):

* ``.txt`` and ``.md``: the text as is. YAML front matter at the very top (a ``---`` line,
  a YAML mapping, a ``---`` line, as web clippers save articles) gives the title
  (``title``), outlet (``outlet``/``source``/``site``/``publisher``), date
  (``published``/``date``/``publish_date``/``created``) and URL
  (``url``/``link``/``source_url``/``canonical``); ``Document.body_start`` is where the
  article starts after it, and cleaning never looks before it. Otherwise the title and
  date come conservatively from the first lines.
* ``.html`` and ``.htm``: the *visible article text only*. Scripts, styles, navigation,
  page headers/footers, asides, forms and hidden elements are dropped; when the page has an
  ``<article>`` (or else a ``<main>``) only that part is kept. Each paragraph, heading,
  list item or other block goes on its own line, blocks separated by a blank line, with
  runs of whitespace inside a block collapsed to one space. Title: ``og:title``, JSON-LD
  headline, first ``<h1>``, ``<title>``. Date: htmldate (meta tags, JSON-LD, URL), else
  meta tags, JSON-LD ``datePublished``, the first ``<time datetime=...>``. Outlet: JSON-LD
  ``publisher.name``, ``og:site_name``. URL: ``<link rel=canonical>``, ``og:url``, JSON-LD.
* ``.json`` (one object, or a list of objects) and ``.jsonl`` (one object per line). The
  article text is the first of the fields ``text``, ``body``, ``content``, ``article``
  holding text; title, date, outlet and URL come from the usual field spellings (see
  :mod:`~claims.read.metadata`). Each record becomes one Document whose path is
  ``"file.json#N"``: N is the 1-based position in the list for ``.json`` and the 1-based
  line number for ``.jsonl``. A single-object ``.json`` keeps the plain path. A text field
  holding HTML markup is reduced to its visible text as for ``.html`` files. A record
  with no text (a ``meta.json``) is skipped with a warning.

Dates are ISO ``YYYY-MM-DD`` or None; a date that does not parse is None, never an error.

**What offsets refer to.** ``Document.text`` is the string every later stage indexes into.

* For ``.txt``/``.md`` it is exactly what ``Path(path).read_text(encoding=enc)`` returns,
  front matter included: the bytes decoded, then universal-newline translated (``"\\r\\n"``
  and ``"\\r"`` become ``"\\n"``), like Python's text mode. A UTF-8 byte-order mark is *kept*
  as ``"\\ufeff"`` at offset 0, because ``read_text(encoding="utf-8")`` keeps it too:
  stripping it would shift every offset by one against anyone who reads the file that way.
  ``Document.encoding`` is the encoding to pass (``"utf-8"`` unless the file was in
  another encoding).
* For HTML and JSON it is the extracted visible text described above (newlines likewise
  translated), *not* the file's text: offsets refer to the extracted string. Lone
  surrogates in JSON strings become U+FFFD.

Documents get ids ``d0``, ``d1``, ... in input order after skipping; folders are read
recursively in sorted order, skipping hidden files and folders (names starting with ``.``).

Problems with a path the user named raise :class:`~claims.errors.InputError` with a
one-line message naming the file: a missing path, an unreadable file, a binary file, bytes
that are neither UTF-8 nor a confidently detected encoding (with the byte offset), invalid
or hostile JSON (with the line), a claims report. Inside a folder the same problems only
skip that file, with a warning through ``warn``; a folder also never yields the tool's own
reports (recognised by content) or files reached by a symbolic link that leads out of it.
Skipped everywhere with a warning: an unsupported extension, an empty file, a file over
:data:`claims.read.common.MAX_FILE_BYTES`, a file or text given twice, a folder with no
supported files. If nothing usable remains, that is an InputError too, and it names the
skipped inputs itself: their warnings are held back until reading ends and dropped then, so
each reason is said once.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from typing import Sequence

from claims.display import shown_name
from claims.errors import InputError
from claims.read import common
from claims.read.common import (
    MAX_FILE_LABEL, SUPPORTED_EXTENSIONS, Warn, fspath, log_warning, reason, size_label, skip, strip_skipped,
)
from claims.read.decode import decode_bytes
from claims.read.files import read_file
from claims.read.html import html_to_text
from claims.read.metadata import parse_date
from claims.read.paths import expand
from claims.read.text import text_title_and_date
from claims.types import Document

__all__ = [
    "read_documents", "decode_bytes", "html_to_text", "parse_date", "text_title_and_date",
    "SUPPORTED_EXTENSIONS", "Warn",
]


def read_documents(
    paths: Sequence[str | os.PathLike],
    *,
    warn: Warn | None = None,
) -> list[Document]:
    """Read every supported file under ``paths`` (files or folders) into Documents.

    See the module docstring for the formats, what ``Document.text`` holds (offsets refer
    to it) and which problems are errors and which are warnings.
    """
    warn = warn if warn is not None else log_warning
    held = _HeldWarnings(warn)
    try:
        docs = _read_all(paths, held)
    except InputError as e:
        held.release(except_restated_by=str(e))
        raise
    held.release()
    return docs


class _HeldWarnings:
    """Warnings kept back until reading ends, so that a run which then fails on "nothing
    usable" says each skipped file once, in the error, instead of a warning and again in
    the error."""

    def __init__(self, warn: Warn):
        self.warn = warn
        self.messages: list[str] = []

    def __call__(self, msg: str) -> None:
        self.messages.append(msg)

    def release(self, except_restated_by: str = "") -> None:
        for msg in self.messages:
            if not except_restated_by or strip_skipped(msg) not in except_restated_by:
                self.warn(msg)
        self.messages = []


def _read_all(paths: Sequence[str | os.PathLike], warn: Warn) -> list[Document]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # a lone path is a Sequence of characters: accept it for what it means
    paths = list(paths)
    if not paths:
        raise InputError("no input files or folders given")

    files: list[tuple[str, bool]] = []  # (path as shown, given explicitly)
    problems: list[str] = []  # why inputs were skipped, for the "nothing usable" error
    for given in paths:
        shown = fspath(given)
        files.extend(expand(shown, warn, problems))

    docs: list[Document] = []
    seen_files: dict[tuple[int, int], str] = {}
    seen_texts: dict[str, str] = {}
    for shown, explicit in files:
        try:
            st = os.stat(shown)
        except OSError as e:
            if explicit:
                raise InputError(f"{shown_name(shown)}: cannot read: {reason(e)}") from None
            skip(f"skipping {shown_name(shown)}: cannot read: {reason(e)}", warn, problems)
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen_files:
            msg = f"{shown_name(shown)} was given twice (same file as {shown_name(seen_files[ident])}); read once"
            warn(msg)
            continue
        seen_files[ident] = shown

        if not stat.S_ISREG(st.st_mode):
            if explicit:
                raise InputError(f"{shown_name(shown)}: not a regular file")
            continue
        if st.st_size > common.MAX_FILE_BYTES:
            skip(f"skipping {shown_name(shown)}: file is too large ({size_label(st.st_size)}; the limit is {MAX_FILE_LABEL})",
                  warn, problems)
            continue
        if st.st_size == 0:
            skip(f"skipping {shown_name(shown)}: file is empty", warn, problems)
            continue

        try:
            new_docs = read_file(shown, warn, problems)
        except InputError as e:
            if explicit:
                raise
            # a file the folder walk found: one bad file must not stop the others
            skip(_skipping(shown, str(e)), warn, problems)
            continue
        for doc in new_docs:
            # the article, not its front matter: two clips of one article differ in "created:"
            article = doc.text[doc.body_start:].replace("\ufeff", "")
            key = hashlib.sha256(" ".join(article.split()).encode("utf-8", "surrogatepass")).hexdigest()
            if key in seen_texts:
                warn(f"skipping {shown_name(doc.path)}: same text as {shown_name(seen_texts[key])}")
                continue
            seen_texts[key] = doc.path
            docs.append(doc)

    if not docs:
        if len(problems) == 1:
            raise InputError(strip_skipped(problems[0]))
        shown_problems = "; ".join(strip_skipped(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InputError(f"no articles to read: {shown_problems}{more}" if problems else "no articles to read")
    return [replace(d, id=f"d{i}") for i, d in enumerate(docs)]


def _skipping(path: str, error: str) -> str:
    """``"skipping PATH: why"`` from an error message that may already start with the path."""
    prefix = f"{shown_name(path)}: "
    return f"skipping {error}" if error.startswith(prefix) else f"skipping {shown_name(path)}: {error}"
