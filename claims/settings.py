"""Every threshold of a run, in one tree, each with the reason it has its value.

The tree is dataclasses, one per section (:func:`section`). ``Settings()`` is the default
run; change a value by assignment (``s.cluster.distance_threshold = 0.5``). A section
remembers which values you set, so a model's own thresholds (:meth:`Settings.for_model`)
never replace them, even a value set to its default.

``Settings.explain()`` is the tree as JSON-ready data, every value beside its reason;
the report JSON carries it (``settings``) so a run can be explained afterwards.

The core sections are declared here. A comparator declares its own section next to it
(``settings_class``); the run adds a section for each comparator it is given
(:meth:`Settings.with_comparators`), so this module knows no comparator and nothing
is registered globally.
"""
from __future__ import annotations

import copy
import functools
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from typing import Any, Iterable, Iterator


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


def section(cls: type) -> type:
    """``@dataclass`` for a settings section that remembers which values the caller set.

    A value passed to the constructor or assigned afterwards counts as set, even when it
    equals the default. (``dataclasses.replace`` passes every value to the constructor, so
    in the section it returns all count as set: assign instead.)
    """
    cls = dataclass(cls)
    dataclass_init = cls.__init__
    names = [f.name for f in fields(cls) if f.init]

    @functools.wraps(dataclass_init)
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        dataclass_init(self, *args, **kwargs)
        object.__setattr__(self, "_set_by_caller", {*names[: len(args)], *kwargs})

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        chosen = self.__dict__.get("_set_by_caller")
        if chosen is not None:  # None while the dataclass __init__ fills in the values
            chosen.add(name)

    cls.__init__ = __init__
    cls.__setattr__ = __setattr__
    return cls


def is_set(settings_section: Any, name: str) -> bool:
    """The caller chose this value. A section made with plain ``@dataclass`` (an older plug-in's)
    does not remember: there a value that differs from its default counts as set."""
    chosen = getattr(settings_section, "_set_by_caller", None)
    if chosen is not None:
        return name in chosen
    return getattr(settings_section, name) != _default(settings_section.__dataclass_fields__[name])


def _default(f: Field) -> Any:
    return f.default_factory() if f.default is MISSING and f.default_factory is not MISSING else f.default


@dataclass(frozen=True)
class ModelCalibration:
    """The embedding thresholds measured for one model: its folder's ``claims-settings.json``.

    ``values`` is shaped like :meth:`Settings.explain` (``{"cluster": {"distance_threshold":
    {"value": 0.3, "why": "..."}}, "compare": {"date": {...}}, "events": {...}}``) and may name
    only knobs declared with ``embedding=True``.
    """

    model: str
    values: dict
    source: str = ""


@section
class ClusterSettings:
    distance_threshold: float = knob(
        0.45, "cosine distance that cuts clusters; at 0.5 seed clusters already merge whole topics (bench/cluster_threshold.py)",
        embedding=True)
    neighbours: int = knob(10, "k of the k-NN graph; 10 reaches every paraphrase of a claim in 500-article runs")
    bucket_size: int = knob(1000, "claims per k-means bucket before agglomerative clustering; bounds memory at n^2 per bucket")


@section
class CandidateSettings:
    min_similarity: float = knob(0.3, "k-NN pairs less similar than this share no topic and are not compared",
                                 embedding=True)
    max_cluster: int = knob(40, "clusters larger than this are topics, not one fact: their pairs are not all compared")
    block_k: int = knob(20, "in a large block of same-measure figures, each claim meets only its k most similar partners")


@section
class ScoreSettings:
    min_score: float = knob(0.3, "flags scored below this are not reported")
    max_per_group: int = knob(3, "flags shown per group telling one disagreement (same two values); the rest are counted")
    max_named_articles: int = knob(6, "articles named in a collapsed group's explanation")


@section
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


@section
class GroupingSettings:
    """How a feed is grouped into events (:mod:`claims.feed.grouping`)."""

    lead_chars: int = knob(1500, "characters of the article after the headline embedded with it: the lead "
                                 "says what the story is; the rest drifts into background")
    distance_threshold: float = knob(0.4, "average distance (cosine, plus the date term, minus the name term) "
                                           "that cuts events; ARI on the 71 mixed dev events: 0.98 at 0.35, 1.00 at 0.4, "
                                           "0.98 at 0.45", embedding=True)
    center_vectors: bool = knob(False, "subtract the feed's mean lead vector before comparing: a static model "
                                       "puts every long text near one direction (all 213 dev leads in 2 groups)",
                                embedding=True)
    center_min_articles: int = knob(15, "a feed smaller than this is not centred on its own mean, which there is "
                                        "its own stories (4 seed articles of one event: 0 events); the model's "
                                        "common-word direction is taken out instead. Random feeds of BASIL dev "
                                        "events, --model fast, ARI centred / common-word: 0.00 / 1.00 with 1 event, "
                                        "0.67 / 0.95 with 2, 0.90 / 0.95 with 4 (12 articles), 0.97 / 0.87 with 6 "
                                        "(18 articles)")
    window_days: int = knob(3, "publication dates this many days apart cost nothing: follow-ups and "
                               "time zones")
    date_weight: float = knob(0.05, "distance added per window beyond the first: a week-old story rarely "
                                    "is today's event, a year-old one never")
    date_cap: float = knob(0.3, "the most the date term adds, so one misdated page can still join")
    name_weight: float = knob(0.15, "distance taken off for sharing every named person and place "
                                    "(Jaccard share of capitalised names in headline and lead)")


@section
class VerifySettings:
    """The pair verifier (:mod:`claims.verify`): which values are aligned across claims and when a
    differing pair is flagged. Its threshold is fitted on the dev folds and stored with the model."""

    enabled: bool = knob(False, "read every checkable value and flag aligned pairs whose values differ "
                                "(models/verifier, --verify). Off by default: on held-out dev folds it adds "
                                "counterfactual recall but also false alarms, and on the generated 100-article "
                                "corpus 785 flags and 15 s more (docs/evaluation.md)")
    min_probability: float = knob(0.0, "flag a differing pair when the aligner says at least this; 0 takes the "
                                       "threshold fitted on held-out dev folds (models/verifier/verifier.json)")
    neighbours: int = knob(25, "each claim is compared with its k most similar claims; at 25 every "
                               "cross-article claim of a three-article event is reached")
    block_k: int = knob(10, "claims sharing a person, a counted noun or an event verb are compared even when "
                            "worded apart, each with its k most similar such claims")
    score_weight: float = knob(0.6, "a verifier flag's score is the aligner's probability times this: its flags "
                                    "rank below the rules' (held-out dev precision: rules 15 of 16 flags real, "
                                    "verifier 3 of 10 matched a discrepancy, 2 a negative)")
    replaced_rule_kinds: list = knob([], "rule comparators' flag kinds the verifier replaces (dropped before it adds "
                                          "its own); none yet: on held-out folds the rules still find dev "
                                          "discrepancies the verifier misses (docs/evaluation.md)")


@dataclass
class Settings:
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    score: ScoreSettings = field(default_factory=ScoreSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    events: GroupingSettings = field(default_factory=GroupingSettings)  # the feed's grouping into events
    verify: VerifySettings = field(default_factory=VerifySettings)  # the pair verifier
    # one section per comparator of the run that has thresholds, keyed by its kind (see with_comparators)
    compare: dict[str, Any] = field(default_factory=dict)
    # which model the embedding thresholds were measured with, and where its values came from
    calibration: str = DEFAULT_CALIBRATION
    calibration_source: str = "claims/settings.py (the code defaults)"
    # "cluster.distance_threshold" -> why, for each threshold that took the calibration's value
    calibrated: dict[str, str] = field(default_factory=dict, repr=False)

    def section(self, name: str, cls: type | None = None) -> Any:
        """A comparator's settings (``compare[name]``); made from ``cls`` when the tree has none yet."""
        if name not in self.compare:
            if cls is None:
                raise KeyError(f"no settings section {name!r}: add the comparator's with "
                               "with_comparators([...]) or section(name, its settings class)")
            if not is_dataclass(cls):
                raise TypeError(f"settings section {name!r} must be a dataclass")
            self.compare[name] = cls()
        return self.compare[name]

    def with_comparators(self, comparators: Iterable[Any]) -> "Settings":
        """A copy with a section for each of ``comparators`` that has a ``settings_class`` and no
        section yet (those present, yours, are kept as they are)."""
        out = copy.deepcopy(self)
        for comparator in comparators:
            cls = getattr(comparator, "settings_class", None)
            if cls is not None:
                out.section(comparator.kind, cls)
        return out

    def sections(self) -> Iterator[tuple[str, Any]]:
        """("cluster", ClusterSettings(...)), ..., ("compare.date", DateSettings(...)), ..."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "compare":
                yield from ((f"compare.{k}", v) for k, v in sorted(value.items()))
            elif is_dataclass(value):
                yield f.name, value

    def for_model(self, calibration: ModelCalibration | None) -> "Settings":
        """A copy holding ``calibration``'s values for the embedding thresholds the caller did not set.

        A threshold set by hand (``s.cluster.distance_threshold = 0.4``, ``--cluster-distance``) is
        kept, even when set to its default. Applying the same calibration again changes nothing,
        so a section added since (:meth:`with_comparators`) is calibrated by a second call. A
        comparator section the tree does not hold is skipped (the run has no such comparator); a
        calibration naming any other setting that does not exist or is not an embedding threshold
        is refused (:class:`~claims.errors.ModelError`): a typo must not silently keep the default.
        """
        if calibration is None:
            return self
        from claims.errors import ModelError

        out = copy.deepcopy(self)
        sections = dict(out.sections())
        for section_name, knobs in _flatten(calibration.values):
            section = sections.get(section_name)
            if section is None and section_name.startswith("compare."):
                continue
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
                if not is_set(section, name):  # the caller left it: the model's own value
                    object.__setattr__(section, name, value)  # not the caller's choice: stays unset
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
    """A calibration's {"cluster": {...}, "compare": {"date": {...}}} as ("cluster", {...}), ("compare.date", {...}).

    The feed's "events" section was once kept under "compare"; a file written then still loads.
    """
    for name, knobs in values.items():
        if name == "compare" and isinstance(knobs, dict):
            yield from ((k if k == "events" else f"compare.{k}", v) for k, v in knobs.items())
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
                out[f.name]["model"] = "set for this run" if is_set(section, f.name) else DEFAULT_CALIBRATION
    return out
