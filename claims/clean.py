"""Clean: decide which stretches of a document are article prose.

Nothing is rewritten: cleaning returns the kept paragraphs as offset ranges
into ``Document.text``, so every later offset still points into the file.
Text before ``Document.body_start`` (YAML front matter) is not looked at.

Dropped, with the reason kept for the report:
- ad markers (``[ad_1]``), image markdown, lone punctuation lines;
- page furniture: breadcrumbs, "LEAVE A REPLY", "RELATED ARTICLES", photo credits, ...;
- a reader comment section (from a ``Date:`` header line to the end);
- paragraphs repeated inside the same document (syndication/CMS glitches),
  so a repeat can never be flagged against itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.types import Document, Span

_AD_MARKER = re.compile(r"^\s*\[\s*ad[_ -]?\d*\s*\]\s*$", re.I)
_IMAGE_MD = re.compile(r"^\s*!\[[^\]]*\]*\([^)]*\)\s*$")
_NO_WORDS = re.compile(r"^[\W_]*$")
# Fixed phrases of web page furniture (site chrome, not article text).
_FURNITURE = re.compile(
    r"^\s*(leave a reply|leave a comment|related articles?|related posts?|read more|read also|"
    r"most popular|most read|recent comments|recent posts|comments?|share this( article)?|"
    r"advertisement|sponsored( content)?|subscribe( now)?|sign up.*newsletter.*|"
    r"please enter your (comment|name here|email.*)!?|you might also like|trending( now)?|"
    r"follow us.*|click here.*|\(no subject\))\s*[.!:]?\s*$",
    re.I,
)
# "HomeNewsSome Headline": a breadcrumb whose items were glued together.
_BREADCRUMB = re.compile(r"^\s*Home\s*(»|>|/|\|)?\s*[A-Z][a-z]+[A-Z]")
# Photo credit / caption source lines: short, no final stop, naming an agency.
_CREDIT = re.compile(
    r"\b(getty|reuters|afp|ap photo|shutterstock|associated press|photo(graph)?|pictures|images|illustration)\b",
    re.I,
)
# A comment thread header: "Date: 15/10/20 21:52 (UTC)" and the like.
_COMMENT_HEADER = re.compile(r"^\s*(date|posted|posted on|reply)\s*:\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", re.I)
_SENTENCE_END = re.compile(r"[.!?…\"'”’)\]]\s*$")


@dataclass
class CleanedDocument:
    doc: Document
    spans: list[Span]  # kept paragraphs, in document order
    dropped: list[tuple[Span, str]] = field(default_factory=list)  # (span, reason)
    title: str | None = None


_LINE = re.compile(r"[^\n]+")


def _paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Line ranges from ``start`` on, surrounding whitespace trimmed (news text: one paragraph per line)."""
    out = []
    for m in _LINE.finditer(text, start):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def normalise_for_repeat(text: str) -> str:
    """Text with case, punctuation and spacing removed, to spot repeats."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _is_headline(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 16 and not _SENTENCE_END.search(line)


def clean(doc: Document) -> CleanedDocument:
    text = doc.text
    kept: list[Span] = []
    dropped: list[tuple[Span, str]] = []
    seen: set[str] = set()
    title = doc.title
    in_comments = False
    # front matter (before body_start) is the file's metadata, never article prose
    for s, e in _paragraphs(text, doc.body_start):
        line = text[s:e]
        span = Span(doc.id, s, e)
        reason = None
        if in_comments:
            reason = "comment section"
        elif _COMMENT_HEADER.match(line):
            in_comments = True
            reason = "comment section"
        elif _AD_MARKER.match(line):
            reason = "ad marker"
        elif _IMAGE_MD.match(line):
            reason = "image"
        elif _NO_WORDS.match(line):
            reason = "no words"
        elif _FURNITURE.match(line):
            reason = "page furniture"
        elif _BREADCRUMB.match(line) and not _SENTENCE_END.search(line):
            reason = "breadcrumb"
        elif _is_headline(line) and _CREDIT.search(line):
            reason = "photo credit"
        elif _is_headline(line) and len(line.split()) <= 3:
            reason = "page furniture"
        if reason is None:
            key = normalise_for_repeat(line)
            if key in seen:
                reason = "repeated paragraph"
            else:
                seen.add(key)
        if reason is None and _is_headline(line) and not kept:
            # The first headline-like line is the title: kept for the overview, not a claim.
            title = title or line
            reason = "title"
        if reason:
            dropped.append((span, reason))
        else:
            kept.append(span)
    return CleanedDocument(doc=doc, spans=kept, dropped=dropped, title=title)
