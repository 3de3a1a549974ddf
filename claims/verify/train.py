"""Train the aligner and measure the verifier by leave-events-out folds.

    python -m claims.verify.train --dev /tmp/basil-dev --cf /tmp/basil-dev-cf --ecb /tmp/ecb \
        --out models/verifier [--cache /tmp/verifier-tables]

Data (see models/verifier/README.md): the candidate mention pairs of the ECB+ events and of the dev
events, labelled by value (equal values: the same fact; different values: different facts), plus
the dev gold discrepancies (their differing mention pairs: the same fact). The counterfactual
variants are never trained on; they are scored.

Folds: the 71 dev events in 5 folds by event (:func:`claims.verify.dataset.fold_of`). For each
fold the aligner is trained on ECB+ and the other four folds, its threshold fitted on those four
folds (from predictions made by models that had not seen them: an inner 4-fold loop), and it is
scored on the held-out fold. The shipped model is trained on everything, with the threshold
fitted the same way on all five folds.
"""
from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claims.bench.folds import N_FOLDS
from claims.verify.dataset import (
    EventTable, build_table, ecb_events, event_folders, fold_of, gold_matches, read_gold,
)
from claims.verify.features import CATEGORICAL, FEATURES

PARAMS = {  # small trees, many examples: the aligner must generalise across events, not memorise them
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 40,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "verbose": -1, "num_threads": 1, "seed": 7, "deterministic": True, "force_col_wise": True,
}
ROUNDS = 150
# rows kept per event, mention kind and label: a long event's hundreds of equal-name pairs teach
# nothing the first few hundred did not, and would outweigh every other event
MAX_ROWS_PER_GROUP = 120
# The verifier's flags come on top of the rules': its threshold is the lowest at which, on the events
# it is fitted on, it adds at most this share of false alarms among the labelled negatives and this
# many flags per event (the rules' own are 0.1% and 0.23 per event on the dev set)
MAX_FALSE_ALARM_RATE = 0.003
MAX_FLAGS_PER_EVENT = 0.2


def load_tables(groups: dict[str, dict[str, list[Path]]], roots: dict[str, Path], cache: Path | None) -> dict[str, EventTable]:
    from claims.embed import load_embedder
    from claims.verify.features import WordVectors

    static = load_embedder("fast")
    words = WordVectors(static)
    tables: dict[str, EventTable] = {}
    memo: dict = {}  # one parse per distinct claim text across all events (counterfactual copies repeat them)
    for group, events in groups.items():
        file = cache / f"{group}.pkl" if cache else None
        if file and file.exists():
            tables.update(pickle.loads(file.read_bytes()))
            continue
        started, built = time.time(), {}
        for i, (event, paths) in enumerate(events.items(), 1):
            built[event] = build_table(event, paths, roots[group], static, words, memo=memo)
            if i % 20 == 0:
                print(f"  {group}: {i}/{len(events)} events, {time.time() - started:.0f}s", file=sys.stderr)
        if file:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(pickle.dumps(built))
        tables.update(built)
    return tables


def training_labels(table: EventTable, gold: list[dict]) -> np.ndarray:
    """The value labels, with the gold discrepancies' differing pairs marked as one fact (1)."""
    label = table.label.copy()
    for g in gold:
        if g["label"] == "discrepancy":
            label[_matches(table, g) & table.differs] = 1
    return label


def sample(table: EventTable, label: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Row indices kept for training: at most MAX_ROWS_PER_GROUP per (kind, label), a gold-labelled
    discrepancy always."""
    kinds = np.asarray(table.kinds)
    keep = [np.flatnonzero(table.differs & (label == 1))]  # differing values marked one fact: gold
    for kind in set(table.kinds):
        for y in (0, 1):
            idx = np.flatnonzero((kinds == kind) & (label == y) & ~(table.differs & (label == 1)))
            if len(idx) > MAX_ROWS_PER_GROUP:
                idx = rng.choice(idx, MAX_ROWS_PER_GROUP, replace=False)
            keep.append(idx)
    return np.sort(np.concatenate(keep)) if keep else np.zeros(0, int)


def fit(tables: list[EventTable], labels: list[np.ndarray]):
    import lightgbm

    rng = np.random.default_rng(7)
    picks = [sample(t, y, rng) for t, y in zip(tables, labels)]
    rows = np.concatenate([t.rows[i] for t, i in zip(tables, picks)])
    y = np.concatenate([lab[i] for lab, i in zip(labels, picks)])
    data = lightgbm.Dataset(rows, y, feature_name=list(FEATURES),
                            categorical_feature=[FEATURES.index(c) for c in CATEGORICAL], free_raw_data=False)
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


@dataclass
class EventScore:
    event: str
    found: int
    discrepancies: int
    false_alarms: int
    negatives: int
    flags: int
    by_kind: dict  # gold kind -> [found, total]


_MATCHES: dict[tuple[str, int], np.ndarray] = {}  # (event, gold pair) -> its candidate pairs: computed once


def _matches(table: EventTable, g: dict) -> np.ndarray:
    key = (table.event, id(g))
    if key not in _MATCHES:
        _MATCHES[key] = gold_matches(table, g)
    return _MATCHES[key]


def score_event(table: EventTable, probability: np.ndarray, threshold: float, gold: list[dict]) -> EventScore:
    flagged = table.differs & (probability >= threshold)
    claim_pairs = {tuple(sorted(table.spans[i])) for i in np.flatnonzero(flagged)}
    found = fa = disc = neg = 0
    by_kind: dict[str, list[int]] = {}
    for g in gold:
        hit = bool((_matches(table, g) & flagged).any())
        if g["label"] == "discrepancy":
            disc += 1
            found += hit
            k = by_kind.setdefault(g["kind"], [0, 0])
            k[0] += hit
            k[1] += 1
        elif g["label"] in ("agree", "not_contradiction"):
            neg += 1
            fa += hit
    return EventScore(table.event, found, disc, fa, neg, len(claim_pairs), by_kind)


def summarise(scores: list[EventScore]) -> dict:
    found, disc = sum(s.found for s in scores), sum(s.discrepancies for s in scores)
    fa, neg = sum(s.false_alarms for s in scores), sum(s.negatives for s in scores)
    kinds: dict[str, list[int]] = {}
    for s in scores:
        for k, (f, t) in s.by_kind.items():
            kinds.setdefault(k, [0, 0])
            kinds[k][0] += f
            kinds[k][1] += t
    flags = [s.flags for s in scores]
    return {"found": found, "discrepancies": disc, "recall": found / disc if disc else None,
            "false_alarms": fa, "negatives": neg, "false_alarm_rate": fa / neg if neg else 0.0,
            "flags": sum(flags), "median_flags": statistics.median(flags) if flags else 0,
            "max_flags": max(flags) if flags else 0, "by_kind": kinds}


def choose_threshold(dev: list[tuple[EventTable, np.ndarray]], cf: list[tuple[EventTable, np.ndarray]],
                     gold: dict[str, list[dict]]) -> float:
    """The lowest threshold whose false alarms and flags per event stay within bounds on these events;
    among equals the one finding most dev and counterfactual discrepancies."""
    best = (-1.0, 1.0)
    for threshold in np.round(np.arange(0.30, 0.995, 0.01), 2):
        d = summarise([score_event(t, p, threshold, gold.get(t.event, [])) for t, p in dev])
        if d["false_alarm_rate"] > MAX_FALSE_ALARM_RATE or d["flags"] > MAX_FLAGS_PER_EVENT * len(dev):
            continue
        c = summarise([score_event(t, p, threshold, gold.get(t.event, [])) for t, p in cf])
        value = (d["recall"] or 0) + (c["recall"] or 0)
        if value > best[0] + 1e-9:
            best = (value, float(threshold))
    return best[1]


def save(model, out: Path, threshold: float, extra: dict) -> None:
    """The aligner in LightGBM's text format and verifier.json beside it (threshold, checksum, features)."""
    from claims.verify.aligner import META_FILE, MODEL_FILE, sha256

    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / MODEL_FILE))
    meta = {"features": list(FEATURES), "default_threshold": threshold, "thresholds": {},
            "sha256": sha256(out / MODEL_FILE), "params": PARAMS, "rounds": ROUNDS,
            "max_rows_per_group": MAX_ROWS_PER_GROUP, **extra}
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def cross_validate(tables, gold, cf_gold, dev_events, cf_events, ecb, fold_models: Path | None = None):
    """Per held-out fold: the model of the other folds (+ ECB+), its threshold from an inner loop."""
    labels = {e: training_labels(tables[e], gold.get(e, [])) for e in dev_events}
    ecb_tables = [tables[e] for e in ecb]
    ecb_labels = [tables[e].label for e in ecb]
    folds = {f: [e for e in dev_events if fold_of(e) == f] for f in range(N_FOLDS)}
    cf_folds = {f: [e for e in cf_events if fold_of(e) == f] for f in range(N_FOLDS)}

    def model_without(excluded: set[int]):
        train = [e for f in range(N_FOLDS) if f not in excluded for e in folds[f]]
        return fit(ecb_tables + [tables[e] for e in train], ecb_labels + [labels[e] for e in train])

    def predictions(model, events):
        return [(tables[e], model.predict(tables[e].rows) if len(tables[e].rows) else np.zeros(0)) for e in events]

    results = []
    for f in range(N_FOLDS):
        inner_dev, inner_cf = [], []
        for g in range(N_FOLDS):
            if g == f:
                continue
            inner = model_without({f, g})
            inner_dev += predictions(inner, folds[g])
            inner_cf += predictions(inner, cf_folds[g])
        threshold = choose_threshold(inner_dev, inner_cf, {**gold, **cf_gold})
        model = model_without({f})
        if fold_models:  # so the whole pipeline can be scored on this fold with the model that never saw it
            save(model, fold_models / f"fold{f}", threshold, {"held_out_fold": f})
        held_dev = predictions(model, folds[f])
        held_cf = predictions(model, cf_folds[f])
        dev_scores = [score_event(t, p, threshold, gold.get(t.event, [])) for t, p in held_dev]
        cf_scores = [score_event(t, p, threshold, cf_gold.get(t.event, [])) for t, p in held_cf]
        results.append({"fold": f, "threshold": threshold, "dev": summarise(dev_scores),
                        "cf": summarise(cf_scores), "cf_by_kind": summarise(cf_scores)["by_kind"],
                        "dev_scores": dev_scores, "held_dev": held_dev, "held_cf": held_cf})
        d, c = results[-1]["dev"], results[-1]["cf"]
        print(f"fold {f}: threshold {threshold:.2f}  dev {d['found']}/{d['discrepancies']} found, "
              f"{d['false_alarms']}/{d['negatives']} false alarms, flags {d['flags']} (median {d['median_flags']}) "
              f" counterfactual {c['found']}/{c['discrepancies']}", file=sys.stderr)
    return results


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, required=True, help="basil_events.py's output (event folders, gold.jsonl)")
    ap.add_argument("--cf", type=Path, required=True, help="perturb.py's output on the dev events")
    ap.add_argument("--ecb", type=Path, required=True, help="ecb_feed.py's output (feed/, truth.json)")
    ap.add_argument("--out", type=Path, default=None, help="where to write the trained model (models/verifier)")
    ap.add_argument("--cache", type=Path, default=None, help="keep the candidate tables here between runs")
    ap.add_argument("--report", type=Path, default=None, help="write the fold figures as JSON here")
    ap.add_argument("--fold-models", type=Path, default=None,
                    help="save each fold's model (trained without it) here, as fold0..fold4")
    args = ap.parse_args(argv)

    started = time.time()
    dev_events, cf_events = event_folders(args.dev), event_folders(args.cf)
    ecb = ecb_events(args.ecb)
    tables = load_tables({"dev": dev_events, "cf": cf_events, "ecb": ecb},
                         {"dev": args.dev, "cf": args.cf, "ecb": args.ecb / "feed"}, args.cache)
    print(f"tables: {sum(len(t.rows) for t in tables.values()):,} candidate pairs, {time.time() - started:.0f}s",
          file=sys.stderr)
    gold, cf_gold = read_gold(args.dev / "gold.jsonl"), read_gold(args.cf / "gold.jsonl")
    results = cross_validate(tables, gold, cf_gold, list(dev_events), list(cf_events), list(ecb), args.fold_models)
    summary = fold_summary(results)
    print(json.dumps(summary, indent=1))
    if args.report:
        args.report.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    if args.out:
        write_model(args.out, tables, gold, cf_gold, list(dev_events), list(ecb), summary, results)
    print(f"done in {time.time() - started:.0f}s", file=sys.stderr)


def fold_summary(results) -> dict:
    def spread(values):
        values = [v for v in values if v is not None]
        return {"mean": round(statistics.mean(values), 3), "min": round(min(values), 3),
                "max": round(max(values), 3), "std": round(statistics.pstdev(values), 3)}

    return {
        "folds": [{k: v for k, v in r.items() if k not in ("dev_scores", "held_dev", "held_cf")} for r in results],
        "dev_recall": spread([r["dev"]["recall"] for r in results]),
        "dev_false_alarm_rate": spread([r["dev"]["false_alarm_rate"] for r in results]),
        "cf_recall": spread([r["cf"]["recall"] for r in results]),
        "dev_total": {"found": sum(r["dev"]["found"] for r in results),
                      "discrepancies": sum(r["dev"]["discrepancies"] for r in results),
                      "false_alarms": sum(r["dev"]["false_alarms"] for r in results),
                      "negatives": sum(r["dev"]["negatives"] for r in results),
                      "flags": sum(r["dev"]["flags"] for r in results)},
        "cf_total": {"found": sum(r["cf"]["found"] for r in results),
                     "variants": sum(r["cf"]["discrepancies"] for r in results)},
    }


def write_model(out: Path, tables, gold, cf_gold, dev_events, ecb, summary, results) -> None:
    """The shipped model: trained on every dev event and ECB+; its threshold fitted on the held-out
    predictions of the five fold models (each event predicted by the model that did not see it)."""
    labels = [training_labels(tables[e], gold.get(e, [])) for e in dev_events]
    oof_dev = [pair for r in results for pair in r["held_dev"]]
    oof_cf = [pair for r in results for pair in r["held_cf"]]
    threshold = choose_threshold(oof_dev, oof_cf, {**gold, **cf_gold})
    model = fit([tables[e] for e in ecb] + [tables[e] for e in dev_events],
                [tables[e].label for e in ecb] + labels)
    n_rows = sum(len(tables[e].rows) for e in ecb + dev_events)
    save(model, out, threshold, {
        "trained_on": {"ecb_events": len(ecb), "dev_events": len(dev_events), "candidate_pairs": n_rows},
        "cross_validation": {k: v for k, v in summary.items() if k != "folds"},
        "command": "python -m claims.verify.train --dev DEV --cf CF --ecb ECB --out models/verifier",
    })
    print(f"wrote {out} (threshold {threshold:.2f})", file=sys.stderr)


if __name__ == "__main__":
    main()
