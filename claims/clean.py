"""Clean: decide which stretches of a document are article prose.

Nothing is rewritten: cleaning returns the kept paragraphs as offset ranges
into ``Document.text``, so every later offset still points into the file.
Text before ``Document.body_start`` (YAML front matter) is not looked at.

Dropped, with the reason kept for the report:
- ad markers (``[ad_1]``), image markdown, lone punctuation lines;
- page furniture: breadcrumbs, "LEAVE A REPLY", "RELATED ARTICLES", photo credits, ...;
- bylines ("By Jane Doe and John Roe", "Jane Doe, Staff Writer", "... contributed to this
  report.", an author note ending in "Follow her on Twitter"), and update stamps that hold
  only a time and date ("Updated 9:14 a.m. ET, March 3, 2025");
- promotion and navigation: "Read more: ...", "Related: ...", "Sign up for our newsletter",
  "Click here to ...", "Follow us on ...", "Share this article";
- a reader comment section (from a ``Date:`` header line to the end);
- paragraphs repeated inside the same document (syndication/CMS glitches),
  so a repeat can never be flagged against itself.
"""
from __future__ import annotations

import re
import regex

from claims.types import CleanedDocument, Document, Span

_AD_MARKER = re.compile(r"^\s*\[\s*ad[_ -]?\d*\s*\]\s*$", re.I)
_IMAGE_MD = re.compile(r"^\s*!\[[^\]]*\]*\([^)]*\)\s*$")
_NO_WORDS = re.compile(r"^[\W_]*$")
# Fixed phrases of web page furniture (site chrome, not article text).
_FURNITURE = re.compile(
    r"^\s*(leave a reply|leave a comment|related articles?|related posts?|"
    r"most popular|most read|recent comments|recent posts|comments?|"
    r"advertisement|sponsored( content)?|"
    r"please enter your (comment|name here|email.*)!?|you might also like|trending( now)?|"
    r"\(no subject\))\s*[.!:]?\s*$",
    re.I,
)
# The site promoting itself or other pages: a link label ("Read more: <headline>", "RELATED:"),
# or a call to act ("Sign up for our newsletter", "Click here to ...", "Share this article").
_PROMOTION = re.compile(
    r"^\s*(?:(?:read more|read also|also read|more reading|see also|related(?: coverage| stories| content)?|"
    r"more on this( story)?|watch|listen)\s*(?:[:|›»>]|[-–—]\s).*|"
    r"(?:read more|read also|see also|related)\s*[.›»>]?|"
    r"(?:sign up|subscribe)\b.*\b(?:newsletters?|alerts?|updates|our|free|here|today)\b.*|subscribe( now)?\W*|"
    r"click here\b.*|tap here\b.*|follow us\b.*|like us on\b.*|"
    r"share (?:this|on)\b(?:\s+\w+){0,3}\W*)$",
    re.I,
)
# A byline: "By Jane Doe and John Roe", "By JANE DOE | Reporter", "By Jane Doe, Associated Press".
# Names are capitalised words; a weekday or month after "By" is a deadline ("By Tuesday, the river had ..."),
# and whatever follows a comma must also be capitalised (a role or an outlet), so a sentence never matches.
_NAME = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
         r"July|August|September|October|November|December|Then|Now|Contrast|Comparison|Noon|Midnight|Night|Law)\b)"
         r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|der|di|la|le|bin|al|ibn))*")
_ROLE = r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|for|of|the|and|at|in|on|&))*"
_NAMES = rf"{_NAME}(?:\s*(?:,|,?\s+and|&)\s+{_NAME})*"
# The byline patterns (``regex``, not ``re``: they are matched with a time limit, see byline_reason)
_BYLINE = regex.compile(rf"^\s*By:?\s+{_NAMES}(?:\s*(?:[,|/•·]|\s[-–—])\s*{_ROLE})*\s*$")
# "Jane Doe, Staff Writer", "JANE DOE | Senior Reporter, The Vellmar Courier": a name and a newsroom title.
_STAFF_TITLE = (r"(?:(?:senior|chief|staff|political|special|foreign|national|local|contributing|associate|deputy|"
                r"managing|news|health|science|business|sports|investigative|white house)\s+)*"
                r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|bureau chief|producer)s?")
_NAME_AND_TITLE = regex.compile(
    rf"^\s*{_NAMES}\s*(?:[,|/•·]|\s[-–—])\s*{_STAFF_TITLE}(?:\s*(?:,|\bfor|\bat|\bof|[-–—|])\s*{_ROLE})?\s*\.?\s*$",
    re.I,
)
# "Ann Poe contributed to this report.", "The Courier's Tom Roe contributed reporting from Vellmar."
_CONTRIBUTED = regex.compile(r"^[^.!?]{3,200}\bcontributed (?:(?:reporting|research)(?: to this (?:report|article|story))?|"
                          r"(?:to|for) this (?:report|article|story))(?:\s+(?:from|in)\s+[^.!?]{1,80})?\s*\.?\s*$", re.I)
# An author note: "Jane Doe is a reporter for the Courier. Follow her on Twitter @jdoe." Without the
# "follow" it is kept: "X is a reporter for Y" can be the news itself (a journalist detained).
_AUTHOR_NOTE = regex.compile(r"^[^.!?]{3,150}\b(?:is|covers)\b[^.!?]{0,150}[.!]?\s*(?:You can )?follow (?:him|her|them)\b"
                          r"[^.!?]{0,80}\b(?:twitter|x|instagram|facebook|threads|bluesky|linkedin)\b[^!?]{0,60}$",
                          re.I)
# "Updated 9:14 a.m. ET, March 3, 2025", "Published: Mon 3 March 2025 10.02 GMT": a stamp and nothing else
# ("Updated: the minister on Sunday said ..." is kept; the words after it are the news).
_STAMP_HEAD = re.compile(r"^\s*(?:(?:last\s+)?updated|published|posted|first published|modified)(?:\s+on)?\s*[:|-]?\s*", re.I)
_STAMP_WORD = re.compile(
    r"\d{1,4}(?:[:./-]\d{1,4})*(?:st|nd|rd|th)?|[ap]\.?m\.?|(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|"
    r"at|on|ago|hours?|minutes?|mins?|hrs?|today|yesterday|local|time|eastern|pacific|central|noon|midnight",
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


def _is_stamp(line: str) -> bool:
    """An "Updated ..." or "Published ..." line holding only a time and a date."""
    head = _STAMP_HEAD.match(line)
    if not head:
        return False
    words = [w for w in re.split(r"[\s,|•·()]+", line[head.end():]) if w and w not in "-–—/"]
    return bool(words) and all(_STAMP_WORD.fullmatch(w) for w in words)


# Bylines and stamps are short; a longer line is prose. The byline patterns can backtrack for
# minutes on a run of names joined by "and" or commas ("Jane Doe and Jane Doe and ..." in 300
# characters), so each match also has a time limit: a line that exceeds it is not a byline.
_BYLINE_MAX_CHARS = 300
_BYLINE_SECONDS = 0.05


def byline_reason(line: str) -> str | None:
    """Why a line is a byline or an update stamp rather than article text, or None."""
    if len(line) > _BYLINE_MAX_CHARS:
        return None
    try:
        if any(p.match(line, timeout=_BYLINE_SECONDS) for p in (_BYLINE, _NAME_AND_TITLE, _CONTRIBUTED, _AUTHOR_NOTE)):
            return "byline"
    except TimeoutError:
        return None
    if _is_stamp(line):
        return "update time"
    return None


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
        elif _PROMOTION.match(line):
            reason = "promotion"
        elif byline := byline_reason(line):
            reason = byline
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
