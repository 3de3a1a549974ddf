"""Comparators: each judges claims for one kind of disagreement.

Pair comparators: ``kind`` and ``compare(a, b, ctx) -> Flag | None``.
Corpus comparators: ``kind`` and ``find(claims, ctx) -> list[Flag]``.
Pass your own list to :func:`claims.score.score` to add or swap one.
"""
from claims.compare.base import ScoringContext
from claims.compare.people import EntityNameComparator, RoleComparator
from claims.compare.quantities import QuantityComparator
from claims.compare.statements import DateComparator, NegationComparator


def default_pair_comparators():
    return [QuantityComparator(), DateComparator(), NegationComparator()]


def default_corpus_comparators():
    return [RoleComparator(), EntityNameComparator()]


__all__ = ["ScoringContext", "QuantityComparator", "DateComparator", "NegationComparator",
           "RoleComparator", "EntityNameComparator", "default_pair_comparators", "default_corpus_comparators"]
