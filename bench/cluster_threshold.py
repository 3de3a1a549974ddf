"""Measure the cluster cut: how often claims about the same fact share a cluster, and at what cost.

    python bench/cluster_threshold.py            # seeds + held-out events, gold pairs from the eval kit

For each distance threshold: the share of gold pairs (all labels: each pair is two claims
about one fact) whose claims land in one cluster, the share of claims in a cluster of
their own, the largest cluster, and the seed/held-out recall and false alarms when the
pipeline runs with that threshold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score as eval_score  # noqa: E402  (the eval kit's own matching)

from claims.embed import SentenceTransformerEmbedder  # noqa: E402
from claims.pipeline import run  # noqa: E402
from claims.settings import Settings  # noqa: E402

CORPORA = [
    (ROOT / "seeds", ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"),
    (ROOT / "tests/data/heldout/event_a", ROOT / "tests/data/heldout/event_a_gold.jsonl"),
    (ROOT / "tests/data/heldout/event_b", ROOT / "tests/data/heldout/event_b_gold.jsonl"),
]


def _at(threshold: float) -> Settings:
    settings = Settings()
    settings.cluster.distance_threshold = threshold
    return settings


def measure(threshold: float, embedder) -> dict:
    together = pairs = found = n_disc = alarms = singletons = n_claims = largest = 0
    for docs, gold_path in CORPORA:
        report = run([docs], embedder=embedder, settings=_at(threshold))
        names = {d.id: d.name for d in report.documents}
        sizes: dict[int, int] = {}
        for c in report.claims:
            sizes[c.cluster] = sizes.get(c.cluster, 0) + 1
        singletons += sum(1 for c in report.claims if sizes[c.cluster] == 1)
        n_claims += len(report.claims)
        largest = max(largest, max(sizes.values()))
        flagged = {frozenset((f.a, f.b)) for f in report.flags}
        texts: dict = {}
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            sa = eval_score.gold_span(docs, g, "a", texts)
            sb = eval_score.gold_span(docs, g, "b", texts)
            ca = [c for c in report.claims if eval_score.covers((names[c.doc], c.start, c.end, ""), g["a_file"], sa)]
            cb = [c for c in report.claims if eval_score.covers((names[c.doc], c.start, c.end, ""), g["b_file"], sb)]
            if not ca or not cb:
                continue
            pairs += 1
            together += any(x.cluster == y.cluster for x in ca for y in cb)
            hit = any(frozenset((x.id, y.id)) in flagged for x in ca for y in cb)
            if g["label"] == "discrepancy":
                n_disc += 1
                found += hit
            elif g["label"] in ("agree", "not_contradiction"):
                alarms += hit
    return dict(threshold=threshold, same_cluster=together / pairs, singletons=singletons / n_claims,
                largest=largest, recall=found / n_disc, false_alarms=alarms)


def main() -> None:
    embedder = SentenceTransformerEmbedder()
    print("| distance | gold pairs in one cluster | claims alone | largest cluster | recall | false alarms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        m = measure(t, embedder)
        print(f"| {t:.2f} | {m['same_cluster']:.0%} | {m['singletons']:.0%} | {m['largest']} "
              f"| {m['recall']:.2f} | {m['false_alarms']} |")


if __name__ == "__main__":
    main()
