"""Plain-text and Markdown articles: YAML front matter, else a conservative title and date
from the first lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claims.read.metadata import ArticleMeta, meta_from_fields, parse_date

# A clipper's front matter is a few dozen lines: do not scan a whole book for the closing line.
_FRONT_MATTER_MAX_CHARS = 64 * 1024
_FENCE = re.compile(r"---[ \t]*(?:\n|$)")
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
# Lines a YAML mapping is made of: "key: value", an indented continuation, a "- item", a comment.
_YAML_LINE = re.compile(r"^(?:[\w\"'][\w\s\"'-]*:(?:\s|$)|\s|-\s|#|$)")


@dataclass(frozen=True)
class FrontMatter:
    """A YAML block at the very top of a file, between two ``---`` lines."""

    fields: dict[str, Any] = field(default_factory=dict)  # empty when the YAML did not parse
    end: int = 0  # offset of the first character after the closing ``---`` line
    valid: bool = True  # False: a front-matter-shaped block whose YAML is broken


def front_matter(text: str) -> FrontMatter | None:
    """The front matter of ``text``, or None when it does not start with one.

    Only a block that opens on the very first line (after a BOM) counts, and it must be a
    YAML mapping: a ``---`` horizontal rule, or two rules around a paragraph, are not front
    matter. A block that looks like ``key: value`` lines but is not valid YAML still ends
    before the article (with no metadata), so it never becomes a claim.
    """
    start = 1 if text.startswith("\ufeff") else 0
    opening = _FENCE.match(text, start)
    if not opening:
        return None
    closing = _CLOSING_FENCE.search(text, opening.end(), start + _FRONT_MATTER_MAX_CHARS)
    if not closing:
        return None
    block = text[opening.end():closing.start()]
    end = closing.end() + 1 if text.startswith("\n", closing.end()) else closing.end()
    try:
        fields = _load_yaml(block)
    except Exception:  # noqa: BLE001 - any YAML failure (syntax, depth, size) means "no metadata"
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if lines and all(_YAML_LINE.match(ln) for ln in lines) and _YAML_LINE.match(lines[0]).group().strip():
            return FrontMatter(end=end, valid=False)
        return None
    if not isinstance(fields, dict) or not fields:
        return None
    return FrontMatter(fields=fields, end=end)


def text_meta(text: str, *, markdown: bool = False) -> tuple[ArticleMeta, FrontMatter | None]:
    """Metadata of a text/Markdown article: front matter first, then the first lines of the body."""
    matter = front_matter(text)
    body_start = matter.end if matter else 0
    title, date = text_title_and_date(text[body_start:], markdown=markdown)
    guessed = ArticleMeta(title=title, date=date)
    if matter is None:
        return guessed, None
    return meta_from_fields(matter.fields).or_else(guessed), matter


def _load_yaml(block: str) -> Any:
    import yaml

    class _Loader(yaml.SafeLoader):
        """Safe loading, with dates left as strings: ``2021-02-30`` must not raise, and
        parse_date treats every date the same way."""

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(block, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass

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
