"""Leave-events-out measurement on the real-news dev set: ``python -m claims.bench.folds --help``.

A threshold, rule weight or model fitted on some events must be scored on others. This module
splits the dev events into folds, runs a detector on every event with one loaded model, and
scores each fold with the eval kit's matching rules, so that a change is judged by the mean
and spread of its held-out figures, not by the whole-dev total it was tuned on.

Folds
-----
The events are those of the eval kit's ``basil_dev_events.txt`` (71), split into 5 folds:

1. order the events by the number of ``discrepancy`` pairs ``basil_dev_gold.jsonl`` gives them
   (most first), then by the SHA-256 hex digest of the event id;
2. deal them round-robin: the i-th event of that order is in fold ``i % 5``.

So every fold holds nearly the same number of events and of labelled discrepancies (a fold of
2 discrepancies would make its recall a coin toss), and the split depends only on the event
ids and the gold labels: no seed, no file order. A counterfactual variant ``<event>~<n>``
(``perturb.py``) is in its source event's fold. :func:`fold_of` answers for one event;
:class:`Folds` ``.split(k)`` gives the events to fit on and the events to score for fold ``k``.

Scoring (the same matching as the kit's ``score.py``, imported from ``--eval-dir``)
---------------------------------------------------------------------------------
A claim covers a gold span when both are in the same file and overlap by at least half of
the shorter span; a flag matches a gold pair when its two claims cover the pair's two spans
(either order). A gold pair's verdict is taken from the first matching flag by decreasing
score. Per fold: discrepancies found (recall), false alarms among the ``agree`` and
``not_contradiction`` pairs (count and share), ``related`` pairs are not scored; flags, flags
per event (median, max); the same by the gold pair's kind. Summed over the folds these are
the figures ``events_eval.py`` prints for the merged report.

Every flag is also sorted into one of three: it matches a discrepancy pair (real), else it
matches a negative pair (false alarm), else it is *to judge*: those are written to a JSONL
file (event, kind, both claim texts, explanation) with ``"real": null`` for a person to fill
in; given back with ``--judgements``, the judged ones count in each fold's precision.

Python API (a detector under development)::

    from claims.bench.folds import dev_folds, fold_of, run_events, score_events
    reports = run_events("/tmp/basil-dev", detect=my_detect)   # my_detect(event_dir) -> report data
    scores = score_events(reports, "/tmp/basil-dev/gold.jsonl")
    print(scores.to_markdown("my detector"))
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any, Callable, Iterable, Mapping, Sequence

from claims.errors import ClaimsError

N_FOLDS = 5
# the eval kit beside the checkout (../shared/eval), as tests/conftest.py finds it
DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
DEFAULT_WORK_DIR = Path(tempfile.gettempdir()) / "claims-folds"
KINDS = ("date", "entity_name", "numeric", "role", "negation", "statement")  # the kit's kinds, table order
NEGATIVE_LABELS = ("agree", "not_contradiction")

ReportData = dict[str, Any]  # the claims-report/1 JSON contract (documents, claims, flags)
Detect = Callable[[Path], ReportData]


class EvalKitError(ClaimsError):
    """The eval kit, a gold file or a saved report is missing or unreadable."""

    exit_code = 2


# ------------------------------------------------------------------------------------------ folds


def source_event(event: str) -> str:
    """The event a counterfactual variant ``<event>~<n>`` was made from (an event is its own source)."""
    return event.split("~", 1)[0]


@dataclass(frozen=True)
class Folds:
    """Which fold each event is in; see the module docstring for how they are dealt."""

    fold: Mapping[str, int]  # source event -> fold number
    n: int = N_FOLDS

    @classmethod
    def deal(cls, discrepancies: Mapping[str, int], n: int = N_FOLDS) -> "Folds":
        """Folds of the events ``discrepancies`` names (event -> labelled discrepancy pairs in it)."""
        order = sorted(discrepancies, key=lambda e: (-discrepancies[e], hashlib.sha256(e.encode()).hexdigest()))
        return cls({event: i % n for i, event in enumerate(order)}, n)

    def fold_of(self, event: str) -> int:
        try:
            return self.fold[source_event(event)]
        except KeyError:
            raise EvalKitError(f"event {event!r} is not one of the {len(self.fold)} events of the folds") from None

    def events(self, k: int) -> list[str]:
        """The events of fold ``k``, sorted."""
        return sorted(e for e, f in self.fold.items() if f == k)

    def split(self, k: int) -> tuple[list[str], list[str]]:
        """(events to fit on, events to score) when fold ``k`` is held out."""
        return sorted(e for e, f in self.fold.items() if f != k), self.events(k)


@lru_cache(maxsize=4)
def dev_folds(eval_dir: str | Path = DEFAULT_EVAL_DIR, n: int = N_FOLDS) -> Folds:
    """The folds of the dev events listed in the eval kit at ``eval_dir``."""
    eval_dir = Path(eval_dir)
    names = _kit_file(eval_dir, "basil_dev_events.txt").read_text(encoding="utf-8").splitlines()
    events = [line.strip() for line in names if line.strip() and not line.lstrip().startswith("#")]
    counts = dict.fromkeys(events, 0)
    for g in load_gold(_kit_file(eval_dir, "basil_dev_gold.jsonl")):
        if g["label"] == "discrepancy" and _event_of(g) in counts:
            counts[_event_of(g)] += 1
    return Folds.deal(counts, n)


def fold_of(event: str, eval_dir: str | Path = DEFAULT_EVAL_DIR) -> int:
    """The fold (0-4) of a dev event or of a counterfactual variant ``<event>~<n>`` of one."""
    return dev_folds(Path(eval_dir)).fold_of(event)


# ------------------------------------------------------------------------------------------ gold and the kit


def _kit_file(eval_dir: Path, name: str) -> Path:
    path = eval_dir / name
    if not path.is_file():
        raise EvalKitError(f"{path}: not found (the eval kit; give its folder with --eval-dir)")
    return path


def load_score_module(eval_dir: str | Path = DEFAULT_EVAL_DIR) -> ModuleType:
    """The kit's ``score.py``, imported from its file (its matching rules are used, not copied)."""
    path = _kit_file(Path(eval_dir), "score.py")
    spec = importlib.util.spec_from_file_location("claims_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold(path: str | Path) -> list[dict]:
    """The labelled pairs of a gold JSONL file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as e:
        raise EvalKitError(f"{path}: cannot read the gold pairs ({e})") from None


def _event_of(gold_pair: dict) -> str:
    """The event (folder) a gold pair belongs to: its ``group``, else the folder of its first file."""
    return gold_pair.get("group") or PurePath(gold_pair["a_file"]).parts[0]


# ------------------------------------------------------------------------------------------ running a detector


def code_tag() -> str | None:
    """The commit of the checkout ``claims`` is imported from, or None when its code or models
    have uncommitted changes (or it is no git checkout): then saved reports are never reused."""
    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        changed = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "claims", "models"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return None if changed or not head else head


def _inputs_digest(event_dir: Path) -> str:
    """SHA-1 of the event folder's file names and bytes: a saved report is for these inputs only."""
    h = hashlib.sha1()
    for path in sorted(p for p in event_dir.rglob("*") if p.is_file()):
        h.update(path.relative_to(event_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)


def store_dir(work_dir: str | Path, tag: str | None, label: str) -> Path:
    """Where run_events saves the reports of one (tag, detector or model): ``<work>/<tag>-<label>``."""
    return Path(work_dir) / _safe(f"{tag or 'untagged'}-{label}")


def run_events(
    events_dir: str | Path,
    *,
    model: str | None = None,
    embedder=None,
    detect: Detect | None = None,
    work_dir: str | Path = DEFAULT_WORK_DIR,
    tag: str | None = None,
    events: Iterable[str] | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, ReportData]:
    """Run a detector on every event folder of ``events_dir``; returns {event: report data}.

    The detector is ``detect(event_dir) -> report data`` when given, else the claims pipeline
    with one embedder (``embedder``, or ``model`` loaded once per process) for every event. Each
    report is written to ``<store>/<event>/report.json`` (the layout ``events_eval.py --work``
    uses), the store being :func:`store_dir` of the tag and a label: ``model``, else the
    embedder's ``name``, else "default"; ``detect-<module>.<function>`` for a detect function.
    A saved report is reused when it was made under the same tag (``tag``, else
    :func:`code_tag` for the pipeline; a detect function is cached only with a tag) for the
    same event files. ``events`` limits the run to those event names.
    """
    from claims.atomic import write_atomic
    from claims.pipeline import report_json_text, run

    events_dir = Path(events_dir)
    if not events_dir.is_dir():
        raise EvalKitError(f"{events_dir}: no such folder of events")
    wanted = set(events) if events is not None else None
    event_dirs = sorted(p for p in events_dir.iterdir() if p.is_dir() and (wanted is None or p.name in wanted))
    if detect is None:
        tag = tag or code_tag()
        # the model as given, else the embedder's own name: reports of two models never share a store
        label = PurePath(model).name if model else getattr(embedder, "name", None) or "default"
    else:
        label = f"detect-{getattr(detect, '__module__', '')}.{getattr(detect, '__qualname__', 'detect')}"
    store = store_dir(work_dir, tag, label)
    reports: dict[str, ReportData] = {}
    reused, started = 0, time.perf_counter()
    for event_dir in event_dirs:
        folder = store / event_dir.name
        saved, digest_file = folder / "report.json", folder / "inputs.sha1"
        digest = _inputs_digest(event_dir)
        if tag and saved.is_file() and digest_file.is_file() and digest_file.read_text().strip() == digest:
            reports[event_dir.name] = _scoring_view(json.loads(saved.read_text(encoding="utf-8")), saved)
            reused += 1
            continue
        if detect is not None:
            data = detect(event_dir)
            view = _scoring_view(data, f"what detect returned for {event_dir.name}")
            text = json.dumps(data, ensure_ascii=False)
        else:
            embedder = embedder or _loaded_embedder(model)
            data = run([event_dir], embedder=embedder).data
            view = _scoring_view(data, event_dir)
            text = report_json_text(data)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(saved, text)
        write_atomic(digest_file, digest + "\n")  # after the report: a digest vouches for a whole report
        reports[event_dir.name] = view
    if log:
        log(f"{len(event_dirs)} events in {time.perf_counter() - started:.0f} s ({reused} saved reports reused); "
            f"reports in {store}")
    return reports


@lru_cache(maxsize=2)
def _loaded_embedder(model: str | None):
    """One load per model and process, when an event first needs it (all saved: none)."""
    from claims.embed import load_embedder

    return load_embedder(model)


def load_reports(folder: str | Path) -> dict[str, ReportData]:
    """Saved reports, one per event: ``<folder>/<event>/report.json`` (run_events, events_eval.py)
    or ``<folder>/<event>.json``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalKitError(f"{folder}: no such folder of reports")
    paths = {p.parent.name: p for p in folder.glob("*/report.json")}
    paths.update({p.stem: p for p in folder.glob("*.json") if p.stem != "merged"})
    out = {}
    for event, path in sorted(paths.items()):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise EvalKitError(f"{path}: cannot read it as JSON ({e})") from None
        out[event] = _scoring_view(data, path)
    return out


def _scoring_view(data: ReportData, source: str | Path) -> ReportData:
    """The parts of a report that scoring reads (a full report also holds every article's text)."""
    try:
        return {
            "documents": [{"id": d["id"], "path": d["path"]} for d in data["documents"]],
            "claims": [{k: c[k] for k in ("id", "doc", "start", "end", "text")} for c in data["claims"]],
            "flags": [{k: f.get(k) for k in ("a", "b", "kind", "score", "explanation")} for f in data["flags"]],
        }
    except (KeyError, TypeError, AttributeError) as e:
        raise EvalKitError(f"{source}: not a claims report ({type(e).__name__}: {e})") from None


# ------------------------------------------------------------------------------------------ scores


@dataclass
class KindCounts:
    """One kind of fact in one fold: discrepancy pairs and found, negative pairs and false alarms, flags."""

    discrepancies: int = 0
    found: int = 0
    negatives: int = 0
    false_alarms: int = 0
    flags: int = 0  # flags the detector gave this kind

    def add(self, other: "KindCounts") -> None:
        for name in ("discrepancies", "found", "negatives", "false_alarms", "flags"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class FoldScore:
    """The figures of one fold (every count is over the events of the fold that have a report)."""

    fold: int
    events: list[str] = field(default_factory=list)
    flags_per_event: list[int] = field(default_factory=list)
    by_kind: dict[str, KindCounts] = field(default_factory=dict)
    kind_right: int = 0  # discrepancies found by a flag of the gold pair's kind
    real_flags: int = 0  # flags that match a discrepancy pair
    false_alarm_flags: int = 0  # flags that match a negative pair and no discrepancy pair
    judged_real: int = 0  # flags to judge that a judgement file calls real
    judged_not_real: int = 0

    def kind(self, name: str) -> KindCounts:
        return self.by_kind.setdefault(name, KindCounts())

    def _total(self, name: str) -> int:
        return sum(getattr(k, name) for k in self.by_kind.values())

    @property
    def discrepancies(self) -> int:
        return self._total("discrepancies")

    @property
    def found(self) -> int:
        return self._total("found")

    @property
    def negatives(self) -> int:
        return self._total("negatives")

    @property
    def false_alarms(self) -> int:
        return self._total("false_alarms")

    @property
    def flags(self) -> int:
        return sum(self.flags_per_event)

    @property
    def recall(self) -> float | None:
        return self.found / self.discrepancies if self.discrepancies else None

    @property
    def false_alarm_share(self) -> float | None:
        return self.false_alarms / self.negatives if self.negatives else None

    @property
    def median_flags(self) -> float | None:
        return statistics.median(self.flags_per_event) if self.flags_per_event else None

    @property
    def max_flags(self) -> int | None:
        return max(self.flags_per_event) if self.flags_per_event else None

    @property
    def unjudged(self) -> int:
        return self.flags - self.real_flags - self.false_alarm_flags - self.judged_real - self.judged_not_real

    @property
    def precision(self) -> float | None:
        """Real flags (matching a discrepancy pair, or judged real) over all flags; a lower bound
        while some flags are unjudged."""
        return (self.real_flags + self.judged_real) / self.flags if self.flags else None

    def to_dict(self) -> dict:
        return {
            "fold": self.fold, "events": len(self.events), "discrepancies": self.discrepancies, "found": self.found,
            "recall": self.recall, "kind_right": self.kind_right, "negatives": self.negatives,
            "false_alarms": self.false_alarms, "false_alarm_share": self.false_alarm_share, "flags": self.flags,
            "median_flags": self.median_flags, "max_flags": self.max_flags, "real_flags": self.real_flags,
            "false_alarm_flags": self.false_alarm_flags, "judged_real": self.judged_real,
            "judged_not_real": self.judged_not_real, "unjudged": self.unjudged, "precision": self.precision,
            "by_kind": {k: vars(v) for k, v in sorted(self.by_kind.items())},
        }


@dataclass
class Spread:
    """A figure over the folds that have it: mean, population standard deviation, min and max."""

    values: list[float]

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.values) if self.values else None

    @property
    def std(self) -> float | None:
        return statistics.pstdev(self.values) if self.values else None

    def format(self, digits: int = 2) -> str:
        """"mean ± std [min, max]", or "–" when no fold has the figure."""
        if not self.values:
            return "–"
        return (f"{self.mean:.{digits}f} ± {self.std:.{digits}f} "
                f"[{min(self.values):.{digits}f}, {max(self.values):.{digits}f}]")

    def __str__(self) -> str:
        return self.format()

    def to_dict(self) -> dict:
        return {"mean": self.mean, "std": self.std, "min": min(self.values, default=None),
                "max": max(self.values, default=None), "values": self.values}


FOLD_FIGURES = ("recall", "false_alarm_share", "false_alarms", "flags", "median_flags", "max_flags", "precision")


@dataclass
class FoldScores:
    """The scores of every fold, the flags left to judge, and the events in the gold with no report."""

    folds: list[FoldScore]
    to_judge: list[dict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def scored(self) -> list[FoldScore]:
        """The folds with at least one event (a caller may score only the held-out fold)."""
        return [f for f in self.folds if f.events]

    def spread(self, figure: str) -> Spread:
        """``figure`` (a FoldScore property, e.g. "recall") over the scored folds that have it."""
        return Spread([float(v) for f in self.scored if (v := getattr(f, figure)) is not None])

    def kind_recall(self, kind: str) -> Spread:
        return Spread([k.found / k.discrepancies for f in self.scored
                       if (k := f.by_kind.get(kind)) is not None and k.discrepancies])

    def total(self) -> FoldScore:
        """All scored folds together (fold -1): the figures events_eval.py prints for the merged report."""
        out = FoldScore(-1)
        for f in self.scored:
            out.events += f.events
            out.flags_per_event += f.flags_per_event
            for name, counts in f.by_kind.items():
                out.kind(name).add(counts)
            for name in ("kind_right", "real_flags", "false_alarm_flags", "judged_real", "judged_not_real"):
                setattr(out, name, getattr(out, name) + getattr(f, name))
        return out

    def kinds(self) -> list[str]:
        seen = {k for f in self.folds for k in f.by_kind}
        return [k for k in KINDS if k in seen] + sorted(seen - set(KINDS))

    def to_dict(self) -> dict:
        return {
            "folds": [f.to_dict() for f in self.folds],
            "total": self.total().to_dict(),
            "spread": {name: self.spread(name).to_dict() for name in FOLD_FIGURES},
            "kind_recall": {k: self.kind_recall(k).to_dict() for k in self.kinds()},
            "missing": self.missing,
        }

    def to_markdown(self, title: str) -> str:
        """The fold table, the mean and spread of each figure, and the table per kind."""
        has_negatives = any(f.negatives for f in self.folds)
        head = ["fold", "events", "found", "recall"]
        head += ["false alarms", "share of negatives"] if has_negatives else []
        head += ["flags", "flags/event median", "max"] + (["precision (unjudged)"] if has_negatives else [])
        lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for f in [*self.scored, self.total()]:
            row = ["all" if f.fold < 0 else str(f.fold), str(len(f.events)), f"{f.found}/{f.discrepancies}",
                   _num(f.recall)]
            if has_negatives:
                row += [f"{f.false_alarms}/{f.negatives}", _num(f.false_alarm_share, 3)]
            row += [str(f.flags), _num(f.median_flags, 1), str(f.max_flags)]
            row += [f"{_num(f.precision)} ({f.unjudged})"] if has_negatives else []
            lines.append("| " + " | ".join(row) + " |")
        lines += ["", "Over the folds (mean ± std [min, max]):", ""]
        figures = ["recall", "flags", "median_flags", "max_flags"]
        figures += ["false_alarm_share", "precision"] if has_negatives else []
        lines += [f"- {name}: {self.spread(name).format(3 if name == 'false_alarm_share' else 2)}"
                  for name in figures]
        folds = [f.fold for f in self.scored]
        head = ["kind"] + [f"fold {k}" for k in folds] + ["all", "recall over folds"]
        head += ["false alarms", "flags of this kind"] if has_negatives else ["flags of this kind"]
        lines += ["", "By kind (discrepancies found / labelled in each fold):", "",
                  "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        total = self.total()
        for kind in self.kinds():
            cells = [f"{(c := f.by_kind.get(kind, KindCounts())).found}/{c.discrepancies}" for f in self.scored]
            t = total.by_kind.get(kind, KindCounts())
            row = [kind, *cells, f"{t.found}/{t.discrepancies}", str(self.kind_recall(kind))]
            row += [f"{t.false_alarms}/{t.negatives}", str(t.flags)] if has_negatives else [str(t.flags)]
            lines.append("| " + " | ".join(row) + " |")
        if self.missing:
            lines += ["", f"{len(self.missing)} events of the gold have no report: {', '.join(self.missing[:5])}"
                      + (" ..." if len(self.missing) > 5 else "")]
        return "\n".join(lines) + "\n"


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _judgement_key(item: dict) -> tuple:
    """A flag to judge, by its event, kind and the spans of its two claims (in either order)."""
    sides = sorted([(item["a_file"], item["a_start"], item["a_end"]), (item["b_file"], item["b_start"], item["b_end"])])
    return (item["event"], item["kind"], *sides)


def load_judgements(path: str | Path) -> dict[tuple, bool]:
    """Judged flags from a JSONL file of :attr:`FoldScores.to_judge` lines with ``"real"`` true or false."""
    return {_judgement_key(item): bool(item["real"]) for item in load_gold(path) if item.get("real") is not None}


def score_events(
    reports: Mapping[str, ReportData],
    gold_path: str | Path,
    folds: Folds | None = None,
    *,
    docs_dir: str | Path | None = None,
    eval_dir: str | Path = DEFAULT_EVAL_DIR,
    judgements: Mapping[tuple, bool] | None = None,
) -> FoldScores:
    """Score ``reports`` ({event: claims-report/1 data}) against the gold pairs at ``gold_path``, by fold.

    ``folds`` defaults to :func:`dev_folds`. Only events with a report are scored (the gold's
    other events are listed in ``missing``), so a caller may score one held-out fold alone.
    ``docs_dir`` is where the gold's files lie (default: the gold file's folder); it is read only
    for gold pairs given as sentences. ``judgements`` (:func:`load_judgements`) mark flags to judge
    as real or not. Each flag to judge is in ``to_judge``: event, fold, kind, score, both claims'
    files, offsets and texts, explanation, whether it matches a ``related`` pair, and ``real``.
    """
    score = load_score_module(eval_dir)
    folds = folds or dev_folds(Path(eval_dir))
    judgements = judgements or {}
    docs_dir = Path(docs_dir) if docs_dir else Path(gold_path).parent
    gold_by_event: dict[str, list[dict]] = {}
    for g in load_gold(gold_path):
        gold_by_event.setdefault(_event_of(g), []).append(g)
    result = FoldScores([FoldScore(k) for k in range(folds.n)],
                        missing=sorted(e for e in gold_by_event if e not in reports))
    texts: dict = {}  # score.gold_span's cache of gold files read
    for event in sorted(reports):
        fold = result.folds[folds.fold_of(event)]
        claims, flags = _claims_and_flags(event, reports[event])
        fold.events.append(event)
        fold.flags_per_event.append(len(flags))
        for f in flags:
            fold.kind(f.get("kind") or "?").flags += 1
        matched: list[set[str]] = [set() for _ in flags]  # labels of the gold pairs each flag matches
        for g in gold_by_event.get(event, []):
            sa = score.gold_span(docs_dir, g, "a", texts)
            sb = score.gold_span(docs_dir, g, "b", texts)
            hits = [i for i, f in enumerate(flags) if _matches(score, claims[f["a"]], claims[f["b"]], g, sa, sb)]
            for i in hits:
                matched[i].add(g["label"])
            counts = fold.kind(g["kind"])
            if g["label"] == "discrepancy":
                counts.discrepancies += 1
                counts.found += bool(hits)
                fold.kind_right += bool(hits) and flags[hits[0]].get("kind") == g["kind"]
            elif g["label"] in NEGATIVE_LABELS:
                counts.negatives += 1
                counts.false_alarms += bool(hits)
        for f, labels in zip(flags, matched):
            if "discrepancy" in labels:
                fold.real_flags += 1
            elif labels & set(NEGATIVE_LABELS):
                fold.false_alarm_flags += 1
            else:
                item = _to_judge(event, fold.fold, f, claims, related="related" in labels)
                item["real"] = judgements.get(_judgement_key(item))
                fold.judged_real += item["real"] is True
                fold.judged_not_real += item["real"] is False
                result.to_judge.append(item)
    return result


def _claims_and_flags(event: str, report: ReportData) -> tuple[dict, list[dict]]:
    """score.py's view of one event's report: claims as (file, start, end, text), with each document's
    path made ``<event>/<file name>`` as in events_eval.py; flags by decreasing score (stable)."""
    try:
        docs = {d["id"]: f"{event}/{PurePath(d['path']).name}" for d in report["documents"]}
        claims = {c["id"]: (docs[c["doc"]], int(c["start"]), int(c["end"]), c.get("text", ""))
                  for c in report["claims"]}
        flags = sorted(report["flags"], key=lambda f: -float(f.get("score") or 0.0))
        for f in flags:
            if f["a"] not in claims or f["b"] not in claims:
                raise KeyError(f"flag names unknown claim {f['a']!r} or {f['b']!r}")
    except (KeyError, TypeError, ValueError) as e:
        raise EvalKitError(f"the report of {event} breaks the contract: {e}") from None
    return claims, flags


def _matches(score: ModuleType, ca: tuple, cb: tuple, g: dict, sa: tuple, sb: tuple) -> bool:
    """score.py's rule: the flag's two claims cover the gold pair's two spans, in either order."""
    return ((score.covers(ca, g["a_file"], sa) and score.covers(cb, g["b_file"], sb))
            or (score.covers(cb, g["a_file"], sa) and score.covers(ca, g["b_file"], sb)))


def _to_judge(event: str, fold: int, flag: dict, claims: dict, related: bool) -> dict:
    (a_file, a_start, a_end, a_text), (b_file, b_start, b_end, b_text) = claims[flag["a"]], claims[flag["b"]]
    return {"event": event, "fold": fold, "kind": flag.get("kind"), "score": flag.get("score"),
            "a_file": a_file, "a_start": a_start, "a_end": a_end, "a_text": a_text,
            "b_file": b_file, "b_start": b_start, "b_end": b_end, "b_text": b_text,
            "explanation": flag.get("explanation"), "matches_related_pair": related, "real": None}


# ------------------------------------------------------------------------------------------ command line


def _load_detect(spec: str) -> Detect:
    """``package.module:function`` -> the function."""
    module_name, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError) as e:
        raise EvalKitError(f"--detect {spec}: cannot import it ({e}); give it as package.module:function") from None


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m claims.bench.folds",
        description="Score a detector on the dev events by leave-events-out folds (see the module docstring).")
    p.add_argument("--events", required=True, metavar="DIR", help="dev event folders and gold.jsonl (basil_events.py)")
    p.add_argument("--counterfactual", metavar="DIR", help="also score these variants (perturb.py's output)")
    p.add_argument("--model", help="embedding model of the pipeline, as claims report --model (default: all-MiniLM-L6-v2)")
    p.add_argument("--detect", metavar="MODULE:FUNCTION", help="score detect(event_dir) -> report data, not the pipeline")
    p.add_argument("--reports", metavar="DIR", help="score saved dev reports (<DIR>/<event>/report.json) instead of running")
    p.add_argument("--counterfactual-reports", metavar="DIR", help="the same for --counterfactual")
    p.add_argument("--work", default=str(DEFAULT_WORK_DIR), metavar="DIR", help="reports and flags to judge go here")
    p.add_argument("--tag", help="reuse saved reports made under this tag (default: the commit, if the tree is clean)")
    p.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR), metavar="DIR", help="the eval kit (score.py)")
    p.add_argument("--judgements", metavar="FILE", help="flags judged by hand (the to-judge JSONL with real: true/false)")
    p.add_argument("--out", metavar="FILE.md", help="also write the tables here")
    p.add_argument("--json", metavar="FILE", help="write every figure as JSON here")
    args = p.parse_args(argv)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    try:
        return _main(args, log)
    except ClaimsError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code


def _main(args: argparse.Namespace, log: Callable[[str], None]) -> int:
    from claims.atomic import write_atomic

    eval_dir = Path(args.eval_dir)
    folds = dev_folds(eval_dir)
    detect = _load_detect(args.detect) if args.detect else None
    label = args.detect or (f"saved reports {Path(args.reports).name}" if args.reports
                            else f"pipeline, model {args.model or 'default'}")

    def reports_for(events_dir: str, saved: str | None) -> dict[str, ReportData]:
        if saved:
            return load_reports(saved)
        return run_events(events_dir, model=args.model, detect=detect, work_dir=args.work, tag=args.tag, log=log)

    judgements = load_judgements(args.judgements) if args.judgements else None
    dev = score_events(reports_for(args.events, args.reports), Path(args.events) / "gold.jsonl", folds,
                       eval_dir=eval_dir, judgements=judgements)
    sections = [dev.to_markdown(f"Dev events, leave-events-out folds ({label})")]
    figures = {"dev": dev.to_dict()}
    to_judge = Path(args.work) / _safe(f"to-judge-{label}.jsonl")
    to_judge.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(to_judge, "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in dev.to_judge))
    log(f"{len(dev.to_judge)} flags match no labelled pair: {to_judge}")
    if args.counterfactual:
        cf = score_events(reports_for(args.counterfactual, args.counterfactual_reports),
                          Path(args.counterfactual) / "gold.jsonl", folds, eval_dir=eval_dir)
        unperturbed = ", ".join(f"fold {f.fold} {f.flags}" for f in dev.scored)
        sections.append(cf.to_markdown(f"Counterfactual variants: recall per operator ({label})")
                        + f"\nFlags on the unperturbed events: {unperturbed}; all {dev.total().flags}.\n")
        figures["counterfactual"] = cf.to_dict()
        figures["counterfactual"]["flags_on_unperturbed_events"] = [f.flags for f in dev.folds]
    text = "\n".join(sections)
    print(text)
    if args.out:
        write_atomic(args.out, text)
    if args.json:
        write_atomic(args.json, json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
