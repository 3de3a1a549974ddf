"""Comparators: each judges claims for one kind of disagreement (see :mod:`claims.compare.base`).

:func:`default_comparators` is the list a run uses; pass your own list to
:func:`claims.score.score` to add, drop or swap one.
"""
from claims.compare.base import (
    KINDS, Comparator, CorpusComparator, KindInfo, PairComparator, ScoringContext, kind_info,
)
from claims.compare.people import EntityNameComparator, RoleComparator
from claims.compare.quantities import QuantityComparator
from claims.compare.statements import DateComparator, NegationComparator
from claims.settings import Settings


def default_comparators() -> list[Comparator]:
    """The built-in comparators, in the order they run."""
    return [QuantityComparator(), DateComparator(), NegationComparator(), RoleComparator(), EntityNameComparator()]


def default_settings() -> Settings:
    """``Settings()`` with the built-in comparators' sections, ready to change one of them:
    ``s = default_settings(); s.section("negation").denial_rule = True``."""
    return Settings().with_comparators(default_comparators())


__all__ = ["KINDS", "Comparator", "CorpusComparator", "KindInfo", "PairComparator",
           "ScoringContext", "kind_info", "QuantityComparator", "DateComparator", "NegationComparator",
           "RoleComparator", "EntityNameComparator", "default_comparators", "default_settings"]
