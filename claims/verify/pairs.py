"""Candidate mention pairs: every pair of comparable mentions in related claims, for recall.

Two claims are related when one is among the other's ``k`` most similar claims of another article
(or of the same article, for names and titles, where one article can spell a name two ways). Two
mentions are comparable when they are of one kind; the aligner then reads whether they are the same
fact, and the normalisers whether their values differ.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from claims.mentions.base import Mention
from claims.verify.sites import Site

# kinds worth comparing inside one article: a name or a title given two ways on one page
SAME_ARTICLE_KINDS = frozenset({"person", "place", "org", "title"})


def related_claims(docs: Sequence[str], vectors: np.ndarray, k: int,
                   blocks: Sequence[Sequence[str]] | None = None, block_k: int = 10) -> list[tuple[int, int]]:
    """(i, j), i < j: j is among i's k most similar claims (cosine of ``vectors``) or the reverse, or the
    two share a block key (``blocks[i]``: the person a title is of, the noun a figure counts, the event
    verb of a date), which reaches true pairs worded too differently to be neighbours. A large block
    pairs each claim with its ``block_k`` most similar members only."""
    n = len(docs)
    if n < 2:
        return []
    pairs: set[tuple[int, int]] = set()
    if blocks is not None:
        members: dict[str, list[int]] = {}
        for i, keys in enumerate(blocks):
            for key in set(keys):
                members.setdefault(key, []).append(i)
        for idx in members.values():
            if len(idx) < 2:
                continue
            _add_nearest(pairs, idx, vectors[idx], block_k)
    _add_nearest(pairs, list(range(n)), vectors, k)
    return sorted(pairs)


def _add_nearest(pairs: set[tuple[int, int]], rows: Sequence[int], vectors: np.ndarray, k: int) -> None:
    """Add (i, j) for each of ``rows`` and its k most similar others among them (``vectors[r]`` is row
    ``rows[r]``), 512 rows at a time: never a whole n x n matrix."""
    n = len(rows)
    if n < 2:
        return
    kk = min(k, n - 1)
    for start in range(0, n, 512):
        sims = vectors[start:start + 512] @ vectors.T
        for r in range(sims.shape[0]):
            sims[r, start + r] = -np.inf
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r, row in enumerate(top):
            i = rows[start + r]
            for t in row:
                j = rows[int(t)]
                pairs.add((i, j) if i < j else (j, i))


def comparable(a: Mention, b: Mention) -> bool:
    """Two mentions that could state one fact at all: one kind, and for a title or an age one known
    person (a title of nobody named, or of two people, cannot contradict). Whether two dates of
    sayings date the same saying is the aligner's call (``reporting_any`` is one of its features)."""
    if a.kind != b.kind:
        return False
    if a.kind in ("title", "age"):
        return bool(a.holder) and a.holder == b.holder
    return True


# figures, ages and times of day have a when and a where: claims set at two different times or in two
# different places measure two things ("40 in 2019" / "350 in 2020", "12 in Eastvale" / "30 in Westvale")
SCOPED_KINDS = frozenset({"figure", "age", "time"})


def different_scopes(si: Sequence[Site], sj: Sequence[Site], equal, differ) -> bool:
    """The two claims are set at different times (each dates itself, no date in common, two that
    differ) or in different places (each names a place, none in common)."""
    dates_i = [s.mention for s in si if s.mention.kind == "date"]
    dates_j = [s.mention for s in sj if s.mention.kind == "date"]
    if dates_i and dates_j and not any(equal(a, b) for a in dates_i for b in dates_j) \
            and any(differ(a, b) for a in dates_i for b in dates_j):
        return True
    places_i = {s.mention.key for s in si if s.mention.kind == "place" and s.mention.key}
    places_j = {s.mention.key for s in sj if s.mention.kind == "place" and s.mention.key}
    return bool(places_i) and bool(places_j) and not places_i & places_j


def mention_pairs(sites: Sequence[Sequence[Site]], claim_pairs: Sequence[tuple[int, int]],
                  equal: Callable[[Mention, Mention], bool],
                  differ: Callable[[Mention, Mention], str | None] | None = None
                  ) -> tuple[list[tuple[Site, Site]], list[int]]:
    """Comparable mention pairs of the related claims, and for each how many other pairs of the same
    two claims state an equal value (``equal``). With ``differ``, figures of two claims set at
    different times or places (:func:`different_scopes`) are not paired."""
    out: list[tuple[Site, Site]] = []
    agreeing: list[int] = []
    for i, j in claim_pairs:
        si, sj = sites[i], sites[j]
        if not si or not sj:
            continue
        same_doc = si[0].doc == sj[0].doc
        scoped = differ is not None and different_scopes(si, sj, equal, differ)
        found = [(a, b) for a in si for b in sj if comparable(a.mention, b.mention)
                 and not (scoped and a.mention.kind in SCOPED_KINDS)
                 and (not same_doc or a.mention.kind in SAME_ARTICLE_KINDS)
                 and not (same_doc and a.mention.start < b.mention.end and b.mention.start < a.mention.end)]
        if not found:
            continue
        eq = [equal(a.mention, b.mention) for a, b in found]
        n_equal = sum(eq)
        for (a, b), e in zip(found, eq):
            out.append((a, b))
            agreeing.append(n_equal - int(e))
    return out, agreeing
