"""Where a mention stands: its claim, its article, the words around it.

A :class:`Site` is what the verifier reads about one mention: the mention itself, the claim and
article it is in, the content lemmas around it (the mention's own words left out, so a model that
reads sites never sees the value) and the entities of its claim. Sites are built once per claim
from one spaCy parse (:func:`claims.mentions.parse`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from claims.mentions.base import Mention
from claims.mentions.syntax import in_quotes

# parts of speech whose lemmas say what a sentence is about (function words say nothing)
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
WINDOW_TOKENS = 8  # words each side of a mention that describe it ("requested by the mayor")


@dataclass(frozen=True)
class Site:
    mention: Mention
    claim: str  # claim id
    doc: str  # document id
    position: float  # where the claim stands in its article, 0 (lead) .. 1 (end)
    context: frozenset[str]  # content lemmas within WINDOW_TOKENS of the mention, the mention's own left out
    context_text: str  # the claim with the mention's own text replaced by a placeholder
    claim_lemmas: frozenset[str]  # content lemmas of the whole claim, the mention's own left out
    entities: frozenset[str]  # keys of the people, places and organisations of the claim
    n_same_kind: int  # mentions of this kind in the claim: several figures make alignment harder
    in_quote: bool


@dataclass(frozen=True)
class ClaimText:
    """What the verifier needs of a claim: its id, article, text, offsets and the article's date."""

    id: str
    doc: str
    text: str
    start: int
    position: float
    published: dt.date | None = None


PLACEHOLDER = "[value]"
ENTITY_KINDS = ("person", "place", "org")


def build_sites(claims: Sequence[ClaimText], mentions: Sequence[Sequence[Mention]], parsed: Sequence) -> list[list[Site]]:
    """Sites of each claim's mentions (``mentions[i]`` read from ``parsed[i]``, the parse of ``claims[i]``)."""
    out = []
    for claim, found, doc in zip(claims, mentions, parsed):
        entities = frozenset(m.key for m in found if m.kind in ENTITY_KINDS and m.key)
        counts: dict[str, int] = {}
        for m in found:
            counts[m.kind] = counts.get(m.kind, 0) + 1
        sites = []
        for m in found:
            lo, hi = m.start - claim.start, m.end - claim.start
            inside = [t for t in doc if t.idx < hi and t.idx + len(t) > lo]
            first = inside[0].i if inside else 0
            last = inside[-1].i if inside else -1
            around = [t for t in doc[max(0, first - WINDOW_TOKENS): last + 1 + WINDOW_TOKENS]
                      if not (first <= t.i <= last)]
            sites.append(Site(
                mention=m, claim=claim.id, doc=claim.doc, position=claim.position,
                context=frozenset(_lemma(t) for t in around if t.pos_ in CONTENT_POS),
                context_text=claim.text[:max(lo, 0)] + PLACEHOLDER + claim.text[max(hi, 0):],
                claim_lemmas=frozenset(_lemma(t) for t in doc if t.pos_ in CONTENT_POS and not (first <= t.i <= last)),
                entities=entities - {m.key}, n_same_kind=counts[m.kind], in_quote=in_quotes(doc, max(lo, 0)),
            ))
        out.append(sites)
    return out


def _lemma(token) -> str:
    return token.lemma_.lower()
