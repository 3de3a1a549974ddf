"""Read articles from files and folders into :class:`~claims.types.Document` objects.

Supported inputs (the extension decides, case-insensitively):

* ``.txt`` and ``.md``: the text as is.
* ``.html`` and ``.htm``: the *visible article text only*. Scripts, styles, navigation,
  page headers/footers, asides, forms and hidden elements are dropped; when the page has an
  ``<article>`` (or else a ``<main>``) only that part is kept. Each paragraph, heading,
  list item or other block goes on its own line, blocks separated by a blank line, with
  runs of whitespace inside a block collapsed to one space. The title comes from
  ``og:title``, else the first ``<h1>``, else ``<title>``; the date from
  ``article:published_time`` (or a similar meta tag, or JSON-LD ``datePublished``),
  else the first ``<time datetime=...>``.
* ``.json`` (one object, or a list of objects) and ``.jsonl`` (one object per line). The
  article text is the first of the fields ``text``, ``body``, ``content``, ``article``;
  ``title``/``headline`` and ``date``/``published`` (and a few spellings of those) are used
  when present. Each record becomes one Document whose path is ``"file.json#N"``: N is the
  1-based position in the list for ``.json`` and the 1-based line number for ``.jsonl``. A
  single-object ``.json`` keeps the plain path. A text field holding HTML markup is reduced
  to its visible text as for ``.html`` files.

**What offsets refer to.** ``Document.text`` is the string every later stage indexes into.

* For ``.txt``/``.md`` it is exactly what ``Path(path).read_text(encoding=enc)`` returns:
  the bytes decoded, then universal-newline translated (``"\\r\\n"`` and ``"\\r"`` become
  ``"\\n"``), like Python's text mode. A UTF-8 byte-order mark is *kept* as ``"\\ufeff"`` at
  offset 0, because ``read_text(encoding="utf-8")`` keeps it too: stripping it would shift
  every offset by one against anyone who reads the file that way. ``Document.encoding`` is
  the encoding to pass (``"utf-8"`` unless the file was in another encoding).
* For HTML and JSON it is the extracted visible text described above (newlines likewise
  translated), *not* the file's text: offsets refer to the extracted string.

Documents get ids ``d0``, ``d1``, ... in input order after skipping; folders are read
recursively in sorted order, skipping hidden files and folders (names starting with ``.``).

Problems raise :class:`~claims.errors.InputError` with a one-line message naming the file:
a missing path, a binary file, bytes that are neither UTF-8 nor a confidently detected
encoding (with the byte offset), invalid JSON (with the line). Problems that only make one
input useless are reported through ``warn`` and that input is skipped: an unsupported
extension, an empty file, a file over :data:`MAX_FILE_BYTES`, a file or text given twice, a
folder with no supported files. If nothing usable remains, that is an InputError too.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import stat
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from claims.errors import InputError
from claims.types import Document

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json", ".jsonl")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS

MAX_FILE_BYTES = 50 * 1024 * 1024  # 50 MB
MAX_FILE_LABEL = "50 MB"

TEXT_FIELDS = ("text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "datePublished", "pubdate")
_WRAPPER_FIELDS = ("articles", "items", "records", "documents", "data", "results")

Warn = Callable[[str], None]


# --------------------------------------------------------------------------- public API


def read_documents(
    paths: Sequence[str | os.PathLike],
    *,
    warn: Warn | None = None,
) -> list[Document]:
    """Read every supported file under ``paths`` (files or folders) into Documents.

    See the module docstring for the formats, what ``Document.text`` holds (offsets refer
    to it) and which problems are errors and which are warnings.
    """
    warn = warn if warn is not None else _log_warning
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # a lone path is a Sequence of characters: accept it for what it means
    paths = list(paths)
    if not paths:
        raise InputError("no input files or folders given")

    files: list[tuple[str, bool]] = []  # (path as shown, given explicitly)
    problems: list[str] = []  # why inputs were skipped, for the "nothing usable" error
    for given in paths:
        shown = _fspath(given)
        files.extend(_expand(shown, warn, problems))

    docs: list[Document] = []
    seen_files: dict[tuple[int, int], str] = {}
    seen_texts: dict[str, str] = {}
    for shown, explicit in files:
        try:
            st = os.stat(shown)
        except OSError as e:
            raise InputError(f"cannot read {_show(shown)}: {_reason(e)}") from None
        ident = (st.st_dev, st.st_ino)
        if ident in seen_files:
            msg = f"{_show(shown)} was given twice (same file as {_show(seen_files[ident])}); read once"
            warn(msg)
            continue
        seen_files[ident] = shown

        if not stat.S_ISREG(st.st_mode):
            if explicit:
                raise InputError(f"{_show(shown)}: not a regular file")
            continue
        if st.st_size > MAX_FILE_BYTES:
            _skip(f"skipped {_show(shown)}: file is too large ({_size(st.st_size)}; the limit is {MAX_FILE_LABEL})",
                  warn, problems)
            continue
        if st.st_size == 0:
            _skip(f"skipped {_show(shown)}: file is empty", warn, problems)
            continue

        for doc in _read_file(shown, warn, problems):
            key = hashlib.sha256(" ".join(doc.text.replace("\ufeff", "").split()).encode("utf-8", "surrogatepass")).hexdigest()
            if key in seen_texts:
                warn(f"skipped {_show(doc.path)}: same text as {_show(seen_texts[key])}")
                continue
            seen_texts[key] = doc.path
            docs.append(doc)

    if not docs:
        if len(problems) == 1:
            raise InputError(_strip_skipped(problems[0]))
        shown_problems = "; ".join(_strip_skipped(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InputError(f"no articles to read: {shown_problems}{more}" if problems else "no articles to read")
    return [replace(d, id=f"d{i}") for i, d in enumerate(docs)]


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes as ``Path.read_text`` would; return ``(text, encoding)``.

    UTF-8 first (a BOM is kept, see the module docstring), then a UTF-16/32 BOM, then an
    encoding ``declared`` by the file (an HTML ``<meta charset>``), then charset-normalizer
    when it is confident. Raises InputError for binary data or undecodable bytes.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        text = _try_decode(data, "utf-32")
        if text is not None:
            return _check_text(_newlines(text), path), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try_decode(data, "utf-16")
        if text is not None:
            return _check_text(_newlines(text), path), "utf-16"
    if b"\x00" in data:
        raise InputError(f"{_show(path)}: looks like a binary file (it contains NUL bytes), not text")
    if _control_ratio(data) > 0.05:
        raise InputError(f"{_show(path)}: looks like a binary file (too many control characters), not text")
    try:
        return _check_text(_newlines(data.decode("utf-8")), path), "utf-8"
    except UnicodeDecodeError as e:
        bad_offset = e.start
        bad_byte = data[e.start]
    if declared:
        enc = _codec_name(declared)
        if enc and enc not in ("utf_8", "utf_16", "utf_32"):
            text = _try_decode(data, enc)
            if text is not None:
                return _check_text(_newlines(text), path), enc
    enc = _detect(data)
    if enc is not None:
        text = _try_decode(data, enc)
        if text is not None:
            return _check_text(_newlines(text), path), enc
    raise InputError(
        f"{_show(path)}: not valid UTF-8 (byte 0x{bad_byte:02x} at offset {bad_offset}) and its encoding "
        "could not be detected; convert it to UTF-8"
    )


def html_to_text(markup: str) -> tuple[str, str | None, str | None]:
    """Return ``(visible text, title, date)`` of an HTML page (see the module docstring)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = _html_title(soup)
    date = _html_date(soup)
    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    for el in soup.find_all(_is_hidden):
        el.decompose()
    root = _html_root(soup)
    # a page-wide header/footer is chrome; inside the article a <header> holds the headline
    for el in root.find_all(["header", "footer"]):
        if el.name == "footer" or el.find_parent("article") is None:
            el.decompose()
    blocks: list[str] = []
    _walk(root, blocks, [])
    return "\n\n".join(blocks), title, date


def parse_date(value: Any) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``, or None when it is not clearly a date."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
        if 1e8 < seconds < 4e9:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s or len(s) > 80:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", s)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{4})/(\d{2})/(\d{2})\b", s)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    s = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", s, flags=re.I)
    m = re.match(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", s)
    if m and _month(m[1]):
        return _ymd(int(m[3]), _month(m[1]), int(m[2]))
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", s)
    if m and _month(m[2]):
        return _ymd(int(m[3]), _month(m[2]), int(m[1]))
    return None


# --------------------------------------------------------------------------- expanding paths


def _expand(shown: str, warn: Warn, problems: list[str]) -> list[tuple[str, bool]]:
    """The files a given path stands for, each with whether it was named explicitly."""
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        raise InputError(f"{_show(shown)}: no such file or folder") from None
    except OSError as e:
        raise InputError(f"cannot read {_show(shown)}: {_reason(e)}") from None
    if not stat.S_ISDIR(st.st_mode):
        if _ext(shown) not in SUPPORTED_EXTENSIONS:
            _skip(f"skipped {_show(shown)}: unsupported file type {_ext_label(shown)} "
                  f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})", warn, problems)
            return []
        return [(shown, True)]

    found: list[str] = []
    unsupported: list[str] = []
    _walk_folder(shown, found, unsupported, set())
    if unsupported:
        kinds = sorted({_ext_label(p) for p in unsupported})
        warn(f"skipped {len(unsupported)} unsupported file{'s' if len(unsupported) != 1 else ''} "
             f"in {_show(shown)} ({', '.join(kinds[:5])}{', ...' if len(kinds) > 5 else ''})")
    if not found:
        _skip(f"skipped {_show(shown)}: folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})",
              warn, problems)
    return [(p, False) for p in found]


def _walk_folder(folder: str, found: list[str], unsupported: list[str], visited: set[tuple[int, int]]) -> None:
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop
            return
        visited.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        raise InputError(f"cannot read folder {_show(folder)}: {_reason(e)}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            _walk_folder(path, found, unsupported, visited)
        elif is_file:
            (found if _ext(entry.name) in SUPPORTED_EXTENSIONS else unsupported).append(path)


# --------------------------------------------------------------------------- reading one file


def _read_file(path: str, warn: Warn, problems: list[str]) -> list[Document]:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise InputError(f"cannot read {_show(path)}: {_reason(e)}") from None
    if len(data) > MAX_FILE_BYTES:  # grew since stat
        _skip(f"skipped {_show(path)}: file is too large (the limit is {MAX_FILE_LABEL})", warn, problems)
        return []
    ext = _ext(path)
    declared = _declared_charset(data) if ext in HTML_EXTENSIONS else None
    text, encoding = decode_bytes(data, path, declared=declared)
    if not _has_content(text):
        _skip(f"skipped {_show(path)}: file is empty", warn, problems)
        return []

    if ext in TEXT_EXTENSIONS:
        title, date = text_title_and_date(text, markdown=(ext == ".md"))
        return [Document(id="", path=path, text=text, title=title, date=date, encoding=encoding)]
    if ext in HTML_EXTENSIONS:
        body, title, date = html_to_text(text.lstrip("\ufeff"))
        if not _has_content(body):
            _skip(f"skipped {_show(path)}: no visible article text in the page", warn, problems)
            return []
        return [Document(id="", path=path, text=body, title=title, date=date, encoding=encoding)]
    return _read_json(path, text, encoding, warn, problems)


def _read_json(path: str, text: str, encoding: str, warn: Warn, problems: list[str]) -> list[Document]:
    records: list[tuple[str | None, Any]] = []  # (suffix for the path, record)
    text = text[1:] if text.startswith("\ufeff") else text  # json.loads refuses a BOM
    if _ext(path) == ".jsonl":
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                records.append((f"#{lineno}", json.loads(line)))
            except (json.JSONDecodeError, RecursionError) as e:
                raise InputError(f"{_show(path)}: invalid JSON on line {lineno}: {_json_reason(e)}") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{_show(path)}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        except RecursionError:
            raise InputError(f"{_show(path)}: invalid JSON: nested too deeply") from None
        if isinstance(data, dict) and _text_field(data) is None:
            wrapped = [data[k] for k in _WRAPPER_FIELDS if isinstance(data.get(k), list)]
            if len(wrapped) == 1:
                data = wrapped[0]
        if isinstance(data, dict):
            records.append((None, data))
        elif isinstance(data, list):
            records.extend((f"#{i}", r) for i, r in enumerate(data, 1))
        else:
            raise InputError(f"{_show(path)}: expected a JSON object or a list of objects, found {_json_type(data)}")

    docs: list[Document] = []
    skipped: list[str] = []
    for suffix, rec in records:
        where = path + (suffix or "")
        if not isinstance(rec, dict):
            skipped.append(f"{_show(where)} is {_json_type(rec)}, not an object")
            continue
        field = _text_field(rec)
        if field is None:
            skipped.append(f"{_show(where)} has no text field ({', '.join(TEXT_FIELDS)})")
            continue
        body = rec[field]
        if isinstance(body, list) and all(isinstance(p, str) for p in body):
            body = "\n\n".join(body)
        if not isinstance(body, str):
            skipped.append(f"{_show(where)}: field {field!r} is {_json_type(body)}, not text")
            continue
        body = _newlines(body)
        title = _first_str(rec, TITLE_FIELDS)
        date = None
        for k in DATE_FIELDS:
            if k in rec:
                date = parse_date(rec[k])
                if date:
                    break
        if _looks_like_html(body):
            body, html_title, html_date = html_to_text(body)
            title, date = title or html_title, date or html_date
        if not _has_content(body):
            skipped.append(f"{_show(where)} has empty text")
            continue
        if "\x00" in body:
            raise InputError(f"{_show(where)}: the text contains NUL characters")
        docs.append(Document(id="", path=where, text=body, title=_one_line(title), date=date, encoding=encoding))

    if skipped:
        first = skipped[0]
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        msg = f"skipped {len(skipped)} record{'s' if len(skipped) != 1 else ''} in {_show(path)}: {first}{more}"
        if docs:
            warn(msg)
        else:
            _skip(msg, warn, problems)
    elif not records:
        _skip(f"skipped {_show(path)}: no records in the file", warn, problems)
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


# --------------------------------------------------------------------------- title and date of plain text

_DATE_LINE = re.compile(r"^\s*(?:date|published|posted|updated)\s*(?:on)?\s*[:\-–—]\s*(.+?)\s*$", re.I)
_JUNK_LINE = re.compile(r"^\s*(?:!?\[|<|https?://|www\.|\{|\(|\*\*?\s*$|[-=_*]{3,})")


def text_title_and_date(text: str, *, markdown: bool = False) -> tuple[str | None, str | None]:
    """Conservative title and date of a plain-text article.

    Title: the first non-empty line when it looks like a headline (2 to 25 words, at most
    200 characters, no sentence-final period or colon, not a URL or markup). Leading
    markup junk (image links, ``[ad_1]``, glued breadcrumbs like "HomeNewsTitle") is
    skipped, within the first five non-empty lines. Date: a ``Date:``/``Published:`` line
    among the first five non-empty lines, when its value parses as a date.
    """
    lines = [ln.strip().lstrip("\ufeff").strip() for ln in text.split("\n", 40)[:40]]
    lines = [ln for ln in lines if ln][:5]
    date = None
    title = None
    title_done = False
    for ln in lines:
        m = _DATE_LINE.match(ln)
        if m:
            if date is None:
                date = parse_date(m[1])
            continue
        if title_done:
            continue
        candidate = re.sub(r"^#{1,6}\s+", "", ln) if markdown else ln
        if _JUNK_LINE.match(candidate) or re.search(r"[a-z][A-Z][a-z]", candidate.split(" ")[0]):
            continue  # markup or a glued breadcrumb ("HomeNewsMayor Wins Vote ..."): look further
        title_done = True
        if _looks_like_headline(candidate):
            title = candidate
    return title, date


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    if line[-1] in ".:;,":
        return False
    letters = sum(c.isalpha() for c in line)
    return letters >= 0.6 * len(line.replace(" ", ""))


# --------------------------------------------------------------------------- HTML

_DROP_TAGS = [
    "script", "style", "nav", "aside", "form", "noscript", "template", "svg", "iframe", "button",
    "select", "input", "textarea", "canvas", "object", "embed", "dialog", "head", "title", "math", "audio",
    "video",
]
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "section", "article", "main",
    "figure", "figcaption", "table", "tr", "ul", "ol", "dl", "dt", "dd", "address", "caption", "details",
    "summary", "header", "footer", "hr", "body", "html", "center", "tbody", "thead", "tfoot",
}


def _is_hidden(tag) -> bool:
    if tag.attrs is None:
        return False
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = tag.get("style")
    if isinstance(style, str):
        s = style.replace(" ", "").lower()
        return "display:none" in s or "visibility:hidden" in s
    return False


def _html_root(soup):
    for name in ("article", "main"):
        candidates = soup.find_all(name)
        if candidates:
            return max(candidates, key=lambda t: len(t.get_text(" ", strip=True)))
    role_main = soup.find(attrs={"role": "main"})
    if role_main is not None:
        return role_main
    return soup.body or soup


def _walk(node, blocks: list[str], buf: list[str]) -> None:
    """Collect the text of ``node`` into ``blocks``, one per block element (iteratively:
    html.parser nests unclosed tags, so real pages can be thousands of levels deep)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    def flush() -> None:
        if buf:
            lines = "".join(buf).split("\n")
            kept = [" ".join(ln.split()) for ln in lines]
            text = "\n".join(ln for ln in kept if ln)
            if text:
                blocks.append(text)
            buf.clear()

    _END = object()
    stack: list = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):  # (_END, tag): leaving a tag
            tag = n[1]
            if tag.name in _BLOCK_TAGS:
                flush()
            elif tag.name in ("td", "th"):
                buf.append(" ")
            continue
        if isinstance(n, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(n, NavigableString):
            buf.append(str(n).replace("\n", " "))
            continue
        if not isinstance(n, Tag):
            continue
        if n.name == "br":
            buf.append("\n")
            continue
        if n.name in _BLOCK_TAGS:
            flush()
        stack.append((_END, n))
        stack.extend(reversed(list(n.children)))
    flush()


def _meta(soup, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for m in soup.find_all("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "")
        if isinstance(key, str) and key.lower() in wanted:
            content = m.get("content")
            if isinstance(content, str) and content.strip():
                return content
    return None


def _json_ld(soup, key: str) -> str | None:
    for s in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(s.string or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                v = item.get(key)
                if isinstance(v, str) and v.strip():
                    return v
                if "@graph" in item:
                    stack.append(item["@graph"])
    return None


def _html_title(soup) -> str | None:
    t = _meta(soup, "og:title", "twitter:title")
    if not t:
        h1 = soup.find("h1")
        t = h1.get_text(" ", strip=True) if h1 else None
    if not t and soup.title:
        t = soup.title.get_text(" ", strip=True)
    if not t:
        t = _json_ld(soup, "headline")
    return _one_line(t)


def _html_date(soup) -> str | None:
    raw = _meta(soup, "article:published_time", "og:published_time", "datePublished", "pubdate",
                "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
                "sailthru.date")
    date = parse_date(raw) if raw else None
    if not date:
        raw = _json_ld(soup, "datePublished")
        date = parse_date(raw) if raw else None
    if not date:
        for t in soup.find_all("time"):
            dt = t.get("datetime")
            date = parse_date(dt) if isinstance(dt, str) else None
            if date:
                break
    return date


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else None


def _looks_like_html(s: str) -> bool:
    head = s.lstrip()[:2000]
    return head.startswith("<") and re.search(r"<(?:p|div|br|article|h[1-6]|html|body|span|ul)\b", head, re.I) is not None


# --------------------------------------------------------------------------- decoding helpers


def _newlines(text: str) -> str:
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
        raise InputError(f"{_show(path)}: looks like a binary file (it contains NUL characters), not text")
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


# --------------------------------------------------------------------------- small helpers


def _log_warning(msg: str) -> None:
    log.warning("%s", msg)


def _skip(msg: str, warn: Warn, problems: list[str]) -> None:
    problems.append(msg)
    warn(msg)


def _strip_skipped(msg: str) -> str:
    return msg[len("skipped "):] if msg.startswith("skipped ") else msg


def _has_content(text: str) -> bool:
    return bool(text.replace("\ufeff", "").strip())


def _fspath(p: Any) -> str:
    try:
        s = os.fspath(p)
    except TypeError:
        raise InputError(f"not a path: {p!r}") from None
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    if not s:
        raise InputError("an empty path was given")
    return s


def _show(path: str) -> str:
    """The path for a one-line message: control characters escaped."""
    s = str(path)
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)


def _one_line(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.split())
    return s or None


def _reason(e: OSError) -> str:
    return e.strerror or str(e)


def _json_reason(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} (column {e.colno})"
    return "nested too deeply"


def _json_type(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(v), "a number"
    )


def _ext(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return os.path.splitext(name)[1].lower()


def _ext_label(path: str) -> str:
    return _ext(path) or "(no extension)"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _month(word: str) -> int | None:
    w = word.lower()
    if w == "sept":
        return 9
    full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"]
    if w in full:
        return full.index(w) + 1
    return _MONTHS.get(w) if len(w) == 3 else None


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).date().isoformat()
    except ValueError:
        return None
