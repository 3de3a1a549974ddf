"""Plain-text and Markdown articles: a conservative title and date from the first lines."""
from __future__ import annotations

import re

from claims.read.metadata import parse_date

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
