"""Score the whole pipeline, verifier included, by leave-events-out folds.

    python -m claims.verify.evaluate --events /tmp/basil-dev --counterfactual /tmp/basil-dev-cf \
        --fold-models /tmp/verifier-folds [--model fast] [--out docs/verifier-folds.md]

Each fold's events (and their counterfactual variants) run through the pipeline whose verify stage
loads the aligner trained without that fold (``python -m claims.verify.train --fold-models``), so
every figure is held out: the model and its threshold never saw the events they are scored on.
Scoring is :mod:`claims.bench.folds`'.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def fold_reports(events_dir: Path, fold_models: Path, model: str | None, folds, log) -> dict:
    from claims.bench.folds import run_events
    from claims.embed import load_embedder
    from claims.pipeline import Pipeline, RunOptions
    from claims.settings import Settings
    from claims.verify.stage import MentionVerifyStage

    embedder = load_embedder(model)  # once for all folds
    reports: dict = {}
    events = sorted(p.name for p in events_dir.iterdir() if p.is_dir())
    for f in range(folds.n):
        stage = MentionVerifyStage(model_dir=fold_models / f"fold{f}")
        settings = Settings()
        settings.verify.enabled = True
        pipeline = Pipeline(RunOptions(embedder=embedder, use_cache=True, settings=settings), verify=stage)

        def detect(event_dir: Path, pipeline=pipeline) -> dict:
            return pipeline.run([event_dir]).data

        mine = [e for e in events if folds.fold_of(e) == f]
        reports.update(run_events(events_dir, detect=detect, events=mine, log=log))
    return reports


def main(argv=None) -> int:
    from claims.bench.folds import dev_folds, score_events

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--counterfactual", type=Path)
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    folds = dev_folds()
    label = f"pipeline with the fold's verifier, model {args.model or 'default'}"
    dev = score_events(fold_reports(args.events, args.fold_models, args.model, folds, log),
                       args.events / "gold.jsonl", folds)
    sections = [dev.to_markdown(f"Dev events, leave-events-out folds ({label})")]
    figures = {"dev": dev.to_dict(), "to_judge": dev.to_judge}
    if args.counterfactual:
        cf = score_events(fold_reports(args.counterfactual, args.fold_models, args.model, folds, log),
                          args.counterfactual / "gold.jsonl", folds)
        sections.append(cf.to_markdown(f"Counterfactual variants: recall per operator ({label})"))
        figures["counterfactual"] = cf.to_dict()
    text = "\n".join(sections)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
