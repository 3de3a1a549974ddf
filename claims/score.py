"""Score: run the comparators over candidate pairs and the whole corpus; rank the flags.

One flag per claim pair (the highest-scoring kind wins), flags under
``min_score`` dropped, ids made stable from the two claims' documents and text
so review decisions survive a re-run.
"""
from __future__ import annotations

import hashlib

from claims.compare import Comparator, ScoringContext, default_comparators, kind_info
from claims.types import Claim, Flag


def collapse_repeats(flags: list[Flag], ctx: ScoringContext) -> list[Flag]:
    """Keep the ``keep`` best flags of each group; the first one counts the others and names
    the articles they come from.

    500 articles repeating "597 dead" against 50 saying "3,951" would otherwise make
    25,000 flags telling one disagreement.
    """
    keep, max_named = ctx.settings.score.max_per_group, ctx.settings.score.max_named_articles
    flags = sorted(flags, key=lambda f: (-f.score, f.a, f.b))
    kept: list[Flag] = []
    seen: dict[str, list[Flag]] = {}
    elsewhere: dict[str, list[str]] = {}  # group -> articles only the dropped flags come from
    for f in flags:
        if not f.group:
            kept.append(f)
            continue
        group = seen.setdefault(f.group, [])
        if len(group) < keep:
            group.append(f)
            kept.append(f)
        else:
            group[0].similar += 1
            names = elsewhere.setdefault(f.group, [])
            for claim_id in (f.a, f.b):
                name = ctx.source(ctx.claims[claim_id])
                if name not in names:
                    names.append(name)
    for group, shown in seen.items():
        first = shown[0]
        if not first.similar:
            continue
        on_show = {ctx.source(ctx.claims[c]) for f in shown for c in (f.a, f.b)}
        names = [n for n in elsewhere[group] if n not in on_show]
        where = ""
        if names:
            listed = ", ".join(names[:max_named])
            more = len(names) - max_named
            where = f", also in {listed}" + (f" and {more} more article{'s' if more > 1 else ''}" if more > 0 else "")
        first.explanation += (f" {first.similar} more pair{'s' if first.similar > 1 else ''} of claims show "
                              f"the same disagreement{where}.")
    return kept


def flag_id(a: Claim, b: Claim, ctx: ScoringContext) -> str:
    sides = sorted(f"{ctx.source(c)}\n{c.text}" for c in (a, b))
    # surrogatepass: a file name with bytes that are not UTF-8 still gets an id (the same as before otherwise)
    return "f_" + hashlib.sha1("\n\x00\n".join(sides).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def score(claims: list[Claim], pairs: list[tuple[int, int]], ctx: ScoringContext,
          comparators: list[Comparator] | None = None, progress=None) -> list[Flag]:
    """Flags from ``comparators`` (default: :func:`claims.compare.default_comparators`) over the
    candidate ``pairs`` (pair comparators) and all ``claims`` (corpus comparators), best first."""
    comparators = default_comparators() if comparators is None else comparators
    pair_comparators = [c for c in comparators if _overrides(c, "compare")]
    corpus_comparators = [c for c in comparators if _overrides(c, "find")]
    found: list[Flag] = []
    for n, (i, j) in enumerate(pairs):
        a, b = claims[i], claims[j]
        for comparator in pair_comparators:
            flag = comparator.compare(a, b, ctx)
            if flag:
                found.append(flag)
        if progress and n % 500 == 499:
            progress(500)
    for comparator in corpus_comparators:
        found.extend(comparator.find(claims, ctx))

    best: dict[tuple[str, str], Flag] = {}
    for f in found:
        key = tuple(sorted((f.a, f.b)))
        old = best.get(key)
        if old is None or (f.score, kind_info(f.kind).specificity) > (old.score, kind_info(old.kind).specificity):
            best[key] = f
    min_score = ctx.settings.score.min_score
    return rank_flags(collapse_repeats([f for f in best.values() if f.score >= min_score], ctx), ctx)


def rank_flags(flags: list[Flag], ctx: ScoringContext) -> list[Flag]:
    """``flags`` scored at least ``min_score``, each with its stable id and the cluster both claims
    share, best first. Ranked flags come out as they went in, so the pipeline ranks the verifier's
    flags again: one it adds or rescores takes its place."""
    kept = [f for f in flags if f.score >= ctx.settings.score.min_score]
    for f in kept:
        ca, cb = ctx.claims[f.a], ctx.claims[f.b]
        f.id = flag_id(ca, cb, ctx)
        f.cluster = ca.cluster if ca.cluster == cb.cluster and ca.cluster >= 0 else None
    return sorted(kept, key=lambda f: (-f.score, f.id))


def _overrides(comparator, method: str) -> bool:
    """The comparator implements ``method`` itself (a plain duck-typed object counts too)."""
    impl = getattr(type(comparator), method, None)
    return impl is not None and impl is not getattr(Comparator, method)
