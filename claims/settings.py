"""Every threshold of a run, in one tree, each with the reason it has its value.

The tree is plain dataclasses. ``Settings()`` is the default run; change one value
with ``dataclasses.replace`` or by assignment (``s.cluster.distance_threshold = 0.5``).
``Settings.explain()`` is the tree as JSON-ready data, every value beside its reason;
the report JSON carries it (``settings``) so a run can be explained afterwards.

A comparator that brings its own thresholds registers a section with
:func:`register_section` (see ``claims.compare.base.Comparator``); the core never
has to know its name.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


def knob(default: Any, why: str) -> Any:
    """A setting: its default and, in one line, why it has that value."""
    if isinstance(default, (list, dict, set)):
        return field(default_factory=lambda: type(default)(default), metadata={"why": why})
    return field(default=default, metadata={"why": why})


@dataclass
class ClusterSettings:
    distance_threshold: float = knob(
        0.45, "cosine distance that cuts clusters; at 0.5 seed clusters already merge whole topics (bench/cluster_threshold.py)")
    neighbours: int = knob(10, "k of the k-NN graph; 10 reaches every paraphrase of a claim in 500-article runs")
    bucket_size: int = knob(1000, "claims per k-means bucket before agglomerative clustering; bounds memory at n^2 per bucket")


@dataclass
class CandidateSettings:
    min_similarity: float = knob(0.3, "k-NN pairs less similar than this share no topic and are not compared")
    max_cluster: int = knob(40, "clusters larger than this are topics, not one fact: their pairs are not all compared")
    block_k: int = knob(20, "in a large block of same-measure figures, each claim meets only its k most similar partners")


@dataclass
class ScoreSettings:
    min_score: float = knob(0.3, "flags scored below this are not reported")
    max_per_group: int = knob(3, "flags shown per group telling one disagreement (same two values); the rest are counted")
    max_named_articles: int = knob(6, "articles named in a collapsed group's explanation")


@dataclass
class LimitSettings:
    """Bounds that keep one run under a few minutes and the report readable.

    Every cut is announced (a warning, ``limits`` and ``notes`` in the report data).
    """

    document_chars: int = knob(
        300_000, "characters of one document split into claims; long features run ~60k, a 50 MB page gave 401k claims")
    claims_per_document: int = knob(
        1_500, "claims kept per document, in document order; a long article has 100-300, more is a dump, not an article")
    flags: int = knob(
        2_000, "flags in one report, best first; each adds ~2.5 kB of HTML (73k flags were 183 MB), 2,000 stay near 5 MB")


_SECTIONS: dict[str, type] = {}


def register_section(name: str, cls: type) -> None:
    """Add a comparator's own settings dataclass to every new :class:`Settings` as ``compare[name]``."""
    if not is_dataclass(cls):
        raise TypeError(f"settings section {name!r} must be a dataclass")
    _SECTIONS[name] = cls


def _comparator_sections() -> dict[str, Any]:
    import claims.compare  # noqa: F401  (registers the built-in comparators' sections)

    return {name: cls() for name, cls in _SECTIONS.items()}


@dataclass
class Settings:
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    score: ScoreSettings = field(default_factory=ScoreSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    # one section per comparator that has thresholds, keyed by the comparator's kind
    compare: dict[str, Any] = field(default_factory=lambda: _comparator_sections())

    def section(self, name: str, cls: type | None = None) -> Any:
        """A comparator's settings; created from its class on first use (a plug-in's own section)."""
        if name not in self.compare:
            cls = cls or _SECTIONS.get(name)
            if cls is None:
                raise KeyError(f"no settings section {name!r}")
            self.compare[name] = cls()
        return self.compare[name]

    def explain(self) -> dict:
        """The whole tree: {section: {name: {"value": v, "why": reason}}}."""
        out: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "compare":
                out["compare"] = {k: _explain(v) for k, v in sorted(value.items())}
            else:
                out[f.name] = _explain(value)
        return out



def _explain(section: Any) -> dict:
    out = {}
    for f in fields(section):
        value = getattr(section, f.name)
        if isinstance(value, (set, frozenset)):
            value = sorted(value)
        out[f.name] = {"value": value, "why": f.metadata.get("why", "")}
    return out
