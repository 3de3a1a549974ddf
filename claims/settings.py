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

import copy
import dataclasses
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Iterator


# The embedding model the code defaults of embedding thresholds (``knob(..., embedding=True)``)
# were measured with; another model brings its own values (:class:`ModelCalibration`).
DEFAULT_CALIBRATION = "all-MiniLM-L6-v2"


def knob(default: Any, why: str, *, embedding: bool = False) -> Any:
    """A setting: its default and, in one line, why it has that value.

    ``embedding=True`` marks a cosine gate: its value depends on the embedding model, so the
    default is the one measured with :data:`DEFAULT_CALIBRATION` and another model's folder
    may carry its own (``claims-settings.json``, see models/README.md).
    """
    metadata = {"why": why, "embedding": embedding}
    if isinstance(default, (list, dict, set)):
        return field(default_factory=lambda: type(default)(default), metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class ModelCalibration:
    """The embedding thresholds measured for one model: its folder's ``claims-settings.json``.

    ``values`` is shaped like :meth:`Settings.explain` (``{"cluster": {"distance_threshold":
    {"value": 0.3, "why": "..."}}, "compare": {"date": {...}}}``) and may name only knobs
    declared with ``embedding=True``.
    """

    model: str
    values: dict
    source: str = ""


@dataclass
class ClusterSettings:
    distance_threshold: float = knob(
        0.45, "cosine distance that cuts clusters; at 0.5 seed clusters already merge whole topics (bench/cluster_threshold.py)",
        embedding=True)
    neighbours: int = knob(10, "k of the k-NN graph; 10 reaches every paraphrase of a claim in 500-article runs")
    bucket_size: int = knob(1000, "claims per k-means bucket before agglomerative clustering; bounds memory at n^2 per bucket")


@dataclass
class CandidateSettings:
    min_similarity: float = knob(0.3, "k-NN pairs less similar than this share no topic and are not compared",
                                 embedding=True)
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

    Every cut is announced (a warning, ``limits`` and ``notes`` in the report data); a feed over
    ``feed_articles`` is refused with a one-line error naming the setting.
    """

    document_chars: int = knob(
        300_000, "characters of one document split into claims; long features run ~60k, a 50 MB page gave 401k claims")
    claims_per_document: int = knob(
        1_500, "claims kept per document, in document order; a long article has 100-300, more is a dump, not an article")
    flags: int = knob(
        2_000, "flags in one report, best first; each adds ~2.5 kB of HTML (73k flags were 183 MB), 2,000 stay near 5 MB")
    feed_articles: int = knob(
        5_000, "articles one feed may group (refused above, not cut): grouping holds several articles x articles "
               "tables; 5,000 took 1 GB and 27 s, 10,000 took 3.8 GB and 98 s, 30,000 would need about 35 GB")


_SECTIONS: dict[str, type] = {}


def register_section(name: str, cls: type) -> None:
    """Add a comparator's own settings dataclass to every new :class:`Settings` as ``compare[name]``."""
    if not is_dataclass(cls):
        raise TypeError(f"settings section {name!r} must be a dataclass")
    _SECTIONS[name] = cls


def _comparator_sections() -> dict[str, Any]:
    import claims.compare  # noqa: F401  (registers the built-in comparators' sections)
    import claims.feed.grouping  # noqa: F401  (registers the feed's "events" section: a model may calibrate it)

    return {name: cls() for name, cls in _SECTIONS.items()}


@dataclass
class Settings:
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    score: ScoreSettings = field(default_factory=ScoreSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    # one section per comparator that has thresholds, keyed by the comparator's kind
    compare: dict[str, Any] = field(default_factory=lambda: _comparator_sections())
    # which model the embedding thresholds were measured with, and where its values came from
    calibration: str = DEFAULT_CALIBRATION
    calibration_source: str = "claims/settings.py (the code defaults)"
    # "cluster.distance_threshold" -> why, for each threshold that took the calibration's value
    calibrated: dict[str, str] = field(default_factory=dict, repr=False)

    def section(self, name: str, cls: type | None = None) -> Any:
        """A comparator's settings; created from its class on first use (a plug-in's own section)."""
        if name not in self.compare:
            cls = cls or _SECTIONS.get(name)
            if cls is None:
                raise KeyError(f"no settings section {name!r}")
            self.compare[name] = cls()
        return self.compare[name]

    def sections(self) -> Iterator[tuple[str, Any]]:
        """("cluster", ClusterSettings(...)), ..., ("compare.date", DateSettings(...)), ..."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "compare":
                yield from ((f"compare.{k}", v) for k, v in sorted(value.items()))
            elif is_dataclass(value):
                yield f.name, value

    def for_model(self, calibration: ModelCalibration | None) -> "Settings":
        """A copy holding ``calibration``'s values for the embedding thresholds still at their code default.

        A threshold set by hand (``s.cluster.distance_threshold = 0.4``, ``--cluster-distance``) is
        kept. Settings already calibrated for this model are returned as they are. A calibration
        naming a setting that does not exist or is not an embedding threshold is refused
        (:class:`~claims.errors.ModelError`): a typo must not silently keep the default.
        """
        if calibration is None or self.calibration == calibration.model:
            return self
        from claims.errors import ModelError

        out = copy.deepcopy(self)
        sections = dict(out.sections())
        for section_name, knobs in _flatten(calibration.values):
            section = sections.get(section_name)
            if section is None or not isinstance(knobs, dict):
                raise ModelError(f"{calibration.source or calibration.model}: no settings section {section_name!r}")
            declared = {f.name: f for f in fields(section)}
            for name, entry in knobs.items():
                f = declared.get(name)
                if f is None or not f.metadata.get("embedding"):
                    raise ModelError(f"{calibration.source or calibration.model}: {section_name}.{name} is not "
                                     "an embedding threshold (only those marked embedding=True depend on the model)")
                value = entry["value"] if isinstance(entry, dict) else entry
                try:
                    value = type(f.default)(value)
                except (TypeError, ValueError):
                    raise ModelError(f"{calibration.source or calibration.model}: {section_name}.{name} must be "
                                     f"a {type(f.default).__name__}, not {value!r}") from None
                if getattr(section, name) == f.default:  # left at the default: the model's own value
                    setattr(section, name, value)
                    out.calibrated[f"{section_name}.{name}"] = entry.get("why", "") if isinstance(entry, dict) else ""
        out.calibration = calibration.model
        out.calibration_source = calibration.source
        return out

    def explain(self) -> dict:
        """The whole tree: {section: {name: {"value": v, "why": reason}}}.

        An embedding threshold also says which model it was measured with (``"model"``), and
        ``calibration`` names that model and the file its values came from.
        """
        out: dict = {}
        for name, section in self.sections():
            explained = _explain(section, name, self.calibrated, self.calibration)
            if name.startswith("compare."):
                out.setdefault("compare", {})[name.split(".", 1)[1]] = explained
            else:
                out[name] = explained
        out.setdefault("compare", {})
        out["calibration"] = {
            "model": {"value": self.calibration, "why": "the embedding model the embedding thresholds were measured with"},
            "source": {"value": self.calibration_source, "why": "where those values were read"},
        }
        return out



def _flatten(values: dict) -> Iterator[tuple[str, dict]]:
    """A calibration's {"cluster": {...}, "compare": {"date": {...}}} as ("cluster", {...}), ("compare.date", {...})."""
    for name, knobs in values.items():
        if name == "compare":
            yield from ((f"compare.{k}", v) for k, v in knobs.items())
        else:
            yield name, knobs


def _explain(section: Any, section_name: str = "", calibrated: dict[str, str] | None = None,
             calibration: str = DEFAULT_CALIBRATION) -> dict:
    out = {}
    for f in fields(section):
        value = getattr(section, f.name)
        if isinstance(value, (set, frozenset)):
            value = sorted(value)
        out[f.name] = {"value": value, "why": f.metadata.get("why", "")}
        if f.metadata.get("embedding"):  # which model this cosine gate was measured with
            key = f"{section_name}.{f.name}"
            if key in (calibrated or {}):
                out[f.name].update(why=calibrated[key] or out[f.name]["why"], model=calibration)
            else:
                out[f.name]["model"] = DEFAULT_CALIBRATION if value == f.default else "set for this run"
    return out
