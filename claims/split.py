"""Split: kept paragraphs -> sentences -> atomic claims, offsets preserved.

Sentences come from nupunkt (Punkt with a trained English model: copes with
"U.S.", "Sept.", "Mr." and quotes; ~30x faster than pysbd on the seeds with the
same boundaries where it matters), plus one repair it lacks: a missing space
after a full stop ("percent.The"). Compound sentences that carry separate facts
("A said X, while B said Y") become one claim per clause, and each claim keeps
its own attribution ("B said").

A run of text without sentence ends (a 1 MB page of words, a list with no full stop) is cut
into pieces of at most :data:`MAX_CLAIM_CHARS` characters, at a clause or word break: one
300,000-character "sentence" made one claim, and the later stages grow faster than linearly
with claim length (two such documents took 47 s).
"""
from __future__ import annotations

import re

from claims.clean import normalise_for_repeat
from claims.extract.speech import ATTRIBUTION_VERBS, alternation
from claims.types import ClaimSpan, CleanedDocument, Sentence

_GLUED_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# Clause boundaries that usually separate two facts with their own subjects.
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:while|whereas)\s)|,\s+(?=but\s+(?:the\s+)?[A-Z])")
_REPORTING_VERB = alternation(ATTRIBUTION_VERBS)
_LEAD_ATTRIBUTION = re.compile(
    rf"^(?P<attr>(?:According to [^,]{{2,80}})|(?:[^,.;:“”\"]{{0,40}}?(?:,[^,]{{1,50}},\s*)?"
    rf"(?:(?:has|have|had)\s+(?:already\s+)?)?(?<!\bthe )(?<!\ba )(?:{_REPORTING_VERB})))\b",
)
_TRAIL_ATTRIBUTION = re.compile(
    rf"[,”\"’]\s*[”\"]?\s*(?P<attr>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}\s+(?:{_REPORTING_VERB})\b[^.]{{0,60}})[.!]?\s*$"
)
_LEADING_CONNECTOR = re.compile(r"^(?:while|whereas|but)\s+", re.I)
_MIN_WORDS = 3
# The longest claim: news sentences run to 300-400 characters, a long one to 600; past this
# a "sentence" is a run of text without ends, cut at the last clause or word break before it.
MAX_CLAIM_CHARS = 1_000
_PIECE_BREAK = re.compile(r"[,;:]\s+|\s+")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(cleaned: CleanedDocument) -> list[Sentence]:
    """All sentences of the kept paragraphs, in document order."""
    import nupunkt  # imported here: `claims --help` must not pay for it

    text = cleaned.doc.text
    out: list[Sentence] = []
    for span in cleaned.spans:
        para = text[span.start : span.end]
        for ps, pe in nupunkt.sent_spans(para):
            piece_start = span.start + ps
            piece = text[piece_start : span.start + pe]
            cuts = [0] + [m.start() for m in _GLUED_STOP.finditer(piece)] + [len(piece)]
            for a, b in zip(cuts, cuts[1:]):
                for s, e in capped(text, piece_start + a, piece_start + b):
                    s, e = _trim(text, s, e)
                    if e > s:
                        out.append(Sentence(cleaned.doc.id, s, e, text[s:e]))
    return out


def capped(text: str, start: int, end: int, limit: int = MAX_CLAIM_CHARS) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, in order and covering it: each
    cut at the last clause break (",", ";", ":") in the second half of the window, else the last
    space, else (one word longer than the limit) at the limit itself."""
    spans = []
    while end - start > limit:
        window = text[start : start + limit]
        breaks = list(_PIECE_BREAK.finditer(window, limit // 2))
        clauses = [m.end() for m in breaks if not m.group().isspace()]
        cut = (clauses or [m.end() for m in breaks] or [limit])[-1]
        spans.append((start, start + cut))
        start += cut
    spans.append((start, end))
    return spans


def attribution_of(text: str) -> str | None:
    """Who a claim is attributed to, as written: "the minister said", "according to X"."""
    m = _LEAD_ATTRIBUTION.match(text)
    if m and re.search(r"[A-Z]", m.group("attr")) and len(m.group("attr").split()) <= 14:
        return m.group("attr").strip()
    m = _TRAIL_ATTRIBUTION.search(text)
    if m:
        return m.group("attr").strip()
    return None


_QUESTION_START = re.compile(
    r"^[“\"'‘(]*(?:what|who|whom|whose|which|why|how|when|where|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|shall|has|have|had|may|might)\b", re.I)


def _is_claim(text: str) -> bool:
    """At least three words, and not a question (a statement ending in a rhetorical "?" stays)."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    question = text.rstrip("”\"’' ").endswith("?") and bool(_QUESTION_START.match(text))
    return len(words) >= _MIN_WORDS and not question


def claim_spans(doc_sentences: list[Sentence], text: str) -> list[ClaimSpan]:
    """Atomic claims of one document's sentences; repeated sentences are kept once."""
    seen: set[str] = set()
    out: list[ClaimSpan] = []
    for sent in doc_sentences:
        key = normalise_for_repeat(sent.text)
        if not key or key in seen:
            continue
        seen.add(key)
        bounds = [sent.start] + [sent.start + m.end() for m in _CLAUSE_BREAK.finditer(sent.text)] + [sent.end]
        pieces = []
        for a, b in zip(bounds, bounds[1:]):
            s, e = _trim(text, a, b)
            m = _LEADING_CONNECTOR.match(text[s:e])
            if m and pieces:  # "while B said Y": the connector belongs to neither fact
                s += m.end()
            pieces.append((s, e))
        # A clause too short to stand alone stays with its neighbour.
        merged: list[tuple[int, int]] = []
        for s, e in pieces:
            if merged and len(text[s:e].split()) < 5:
                merged[-1] = (merged[-1][0], e)
            elif merged and len(text[merged[-1][0] : merged[-1][1]].split()) < 5:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            claim_text = text[s:e]
            if _is_claim(claim_text):
                out.append(ClaimSpan(sent.doc, s, e, claim_text, sent, attribution_of(claim_text)))
    return out
