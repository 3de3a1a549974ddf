"""Calibrate a model's embedding thresholds against the default model's, on a folder of events.

Every cosine gate (``knob(..., embedding=True)``) was set by hand for all-MiniLM-L6-v2. Another
model spreads similarities differently (a static embedding puts unrelated sentences closer), so
the same number would let through a different share of pairs. Here each gate gets the value
that lets through the same share of claim pairs as the default model's value does: pairs of
claims from two different articles of one event (the pairs a run can compare), similarities
from both models, quantiles matched::

    python bench/calibrate.py --events /tmp/basil-dev --model fast [--write]

``--write`` stores the values in the model folder's ``claims-settings.json`` (with how they
were measured); then check them with ``bench/events_eval.py --model fast``.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def event_claims(events: Path) -> list[list[tuple[str, str]]]:
    """Per event folder: its claims as (document id, text)."""
    from claims.clean import clean
    from claims.read import read_documents
    from claims.split import claim_spans, sentences

    out = []
    for ev in sorted(p for p in events.iterdir() if p.is_dir()):
        claims = []
        for doc in read_documents([ev]):
            claims += [(doc.id, s.text) for s in claim_spans(sentences(clean(doc)), doc.text)]
        out.append(claims)
    return out


def pair_similarities(per_event: list[list[tuple[str, str]]], vectors: np.ndarray) -> np.ndarray:
    """Cosine of every pair of claims from two different articles of one event."""
    sims, row = [], 0
    for claims in per_event:
        v = vectors[row:row + len(claims)]
        row += len(claims)
        docs = np.array([d for d, _ in claims])
        s = v @ v.T
        upper = np.triu(np.ones_like(s, dtype=bool), 1) & (docs[:, None] != docs[None, :])
        sims.append(s[upper])
    return np.concatenate(sims)


def matched(value: float, reference: np.ndarray, target: np.ndarray) -> float:
    """The target similarity that as large a share of pairs reaches as reach ``value`` under the reference."""
    share = float((reference >= value).mean())
    return float(np.quantile(target, 1 - share)) if share > 0 else float(target.max())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=Path, required=True, help="a folder of event folders of articles")
    ap.add_argument("--model", default="fast", help="the model to calibrate (a name under models/ or a folder)")
    ap.add_argument("--write", action="store_true", help="write claims-settings.json into the model folder")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from claims.embed import CALIBRATION_FILE, SentenceTransformerEmbedder, load_embedder, resolve_model
    from claims.compare import default_comparators
    from claims.settings import DEFAULT_CALIBRATION, Settings

    per_event = event_claims(args.events)
    texts = [t for claims in per_event for _, t in claims]
    print(f"{len(per_event)} events, {len(texts)} claims", file=sys.stderr)
    reference = pair_similarities(per_event, SentenceTransformerEmbedder(None).encode(texts))
    target = pair_similarities(per_event, load_embedder(args.model).encode(texts))
    print(f"{len(reference):,} cross-article pairs; correlation of the two models' similarities "
          f"{np.corrcoef(reference, target)[0, 1]:.3f}", file=sys.stderr)

    values: dict = {}
    for section_name, section in Settings().with_comparators(default_comparators()).sections():
        if section_name == "events":  # the feed's gates are measured on grouping itself (bench/feed_grouping.py)
            continue
        for f in fields(section):
            if not f.metadata.get("embedding"):
                continue
            is_distance = section_name == "cluster" and f.name == "distance_threshold"
            ref_value = 1 - f.default if is_distance else f.default
            share = float((reference >= ref_value).mean())
            new = matched(ref_value, reference, target)
            new = round(1 - new if is_distance else new, 3)
            why = (f"{f.default} with {DEFAULT_CALIBRATION}, matched: {'cosine >= ' + str(round(1 - new, 3)) if is_distance else 'cosine >= ' + str(new)} "
                   f"lets through the same {share:.2%} of cross-article claim pairs of the dev events (bench/calibrate.py)")
            head, _, tail = section_name.partition(".")
            target_section = values.setdefault(head, {})
            if tail:
                target_section = target_section.setdefault(tail, {})
            target_section[f.name] = {"value": new, "why": why}
            print(f"{section_name}.{f.name}: {f.default} -> {new}  ({share:.3%} of pairs)")
    if args.write:
        path, name = resolve_model(args.model)
        doc = {"model": name, "measured": "bench/calibrate.py: quantiles of cross-article claim-pair similarities "
                                          f"matched to {DEFAULT_CALIBRATION}'s on the dev events",
               "settings": values}
        (path / CALIBRATION_FILE).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path / CALIBRATION_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
