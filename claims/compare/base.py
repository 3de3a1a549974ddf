"""What every comparator shares: the extension point, the context of a pair, the flag it returns.

A comparator judges claims for one kind of disagreement. Two shapes:

- a :class:`PairComparator` judges one candidate pair (``compare(a, b, ctx) -> Flag | None``);
- a :class:`CorpusComparator` looks at all claims at once, grouped by a key such as a
  person's surname (``find(claims, ctx) -> list[Flag]``).

Subclassing either base registers the comparator's flag kind (:data:`KINDS`): its
label, what it means and how specific it is. The report, the scorer and the JSON
read kinds from there, so a plug-in with a new kind works without touching the core::

    class UnitComparator(PairComparator):
        kind = "unit"
        label = "Units differ"
        description = "The same figure given in two units."

        def compare(self, a, b, ctx):
            ...

    claims.score.score(claims, pairs, ctx, comparators=[*default_comparators(), UnitComparator()])

A comparator with thresholds declares ``settings_class`` (a :func:`claims.settings.section`
of :func:`claims.settings.knob` values). A run adds that section to its settings tree for
each comparator it is given; ``self.settings(ctx)`` returns it, and its values are written
into the report with their reasons.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from claims.display import shown_document
from claims.settings import Settings
from claims.types import Claim, Document, Embedded, Fact, Flag, Highlight


@dataclass(frozen=True)
class KindInfo:
    """A flag kind as the report shows it."""

    kind: str
    label: str  # short, for a badge: "Numbers differ"
    description: str  # one sentence for the reviewer
    specificity: int  # when two kinds flag one pair with equal scores, the higher explains it


KINDS: dict[str, KindInfo] = {}


def kind_info(kind: str) -> KindInfo:
    """The registered kind, or a plain description of an unknown one (a report from a plug-in)."""
    return KINDS.get(kind) or KindInfo(kind, kind.replace("_", " ").capitalize(), "", 0)


@dataclass
class ScoringContext:
    documents: dict[str, Document]
    claims: dict[str, Claim]
    index: dict[str, int]  # claim id -> row in vectors
    vectors: np.ndarray
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def of(cls, data: Embedded, settings: Settings) -> "ScoringContext":
        """The context of a run's claims and vectors; documents named as a reader sees them."""
        return cls(documents={d.id: shown_document(d) for d in data.documents},
                   claims={c.id: c for c in data.claims}, index={c.id: i for i, c in enumerate(data.claims)},
                   vectors=data.vectors, settings=settings)

    def similarity(self, a: Claim, b: Claim) -> float:
        return float(self.vectors[self.index[a.id]] @ self.vectors[self.index[b.id]])

    def source(self, claim: Claim) -> str:
        return self.documents[claim.doc].name

    def where(self, a: Claim, b: Claim) -> str:
        """"in the same article" or "in a.md and b.md", for explanations."""
        return "in the same article" if a.doc == b.doc else f"in {self.source(a)} and {self.source(b)}"


class Comparator(ABC):
    """Base of every comparator. A subclass must set ``kind``, ``label`` and ``description``
    and implement ``compare`` (via :class:`PairComparator`) or ``find`` (via
    :class:`CorpusComparator`). ``settings_class`` is optional."""

    kind: ClassVar[str]
    label: ClassVar[str]
    description: ClassVar[str]
    specificity: ClassVar[int] = 10
    settings_class: ClassVar[type | None] = None
    # further kinds the comparator emits besides ``kind`` ("garbled_number" beside "numeric")
    extra_kinds: ClassVar[tuple[KindInfo, ...]] = ()

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return  # an intermediate base (PairComparator, CorpusComparator)
        for required in ("kind", "label", "description"):
            if not isinstance(getattr(cls, required, None), str):
                raise TypeError(f"comparator {cls.__name__} must set the class attribute {required!r} (a str)")
        KINDS[cls.kind] = KindInfo(cls.kind, cls.label, cls.description, cls.specificity)
        for extra in cls.extra_kinds:
            KINDS[extra.kind] = extra

    def settings(self, ctx: ScoringContext) -> Any:
        """This comparator's section of the run's settings."""
        return ctx.settings.section(self.kind, self.settings_class)

    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None:
        return None

    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]:
        return []


class PairComparator(Comparator, abstract=True):
    """Judges one candidate pair of claims."""

    @abstractmethod
    def compare(self, a: Claim, b: Claim, ctx: ScoringContext) -> Flag | None: ...


class CorpusComparator(Comparator, abstract=True):
    """Judges all claims at once (grouped by its own key)."""

    @abstractmethod
    def find(self, claims: list[Claim], ctx: ScoringContext) -> list[Flag]: ...


def clamp(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 3)


def make_flag(a: Claim, b: Claim, kind: str, score: float, explanation: str,
              ha: list[Highlight] | None = None, hb: list[Highlight] | None = None, group: str = "",
              fact: Fact | None = None) -> Flag:
    return Flag(a=a.id, b=b.id, kind=kind, score=clamp(score), explanation=explanation,
                highlights_a=ha or [], highlights_b=hb or [], group=group, fact=fact)
