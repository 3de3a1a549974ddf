"""Event grouping on real news: the 71 dev events mixed into one feed, scored by adjusted Rand index.

    python bench/feed_grouping.py --events /tmp/basil-dev [--sweep]

Every article of every event folder is read as one feed; the folder is the gold label.
Prints ARI, the number of groups and singletons for the title+lead baseline (cosine only)
and for the grouping with dates and names; --sweep shows how flat the score is around the
chosen settings.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--model", default=None, help="an embedding model (default: the transformer; 'fast': static)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from sklearn.metrics import adjusted_rand_score

    from claims.embed import load_embedder
    from claims.feed.grouping import GroupingSettings, group_events, lead_text
    from claims.read import read_documents

    folders = sorted(p for p in args.events.iterdir() if p.is_dir())
    docs, gold = [], []
    for i, folder in enumerate(folders):
        for d in read_documents([folder], warn=lambda m: None):
            docs.append(d)
            gold.append(i)
    t = time.perf_counter()
    embedder = load_embedder(args.model)
    from claims.settings import Settings

    base = Settings().for_model(getattr(embedder, "calibration", None)).events
    vectors = embedder.encode([lead_text(d, base.lead_chars) for d in docs])
    print(f"{len(docs)} articles, {len(folders)} events; embedded in {time.perf_counter() - t:.1f} s")

    def score(s: GroupingSettings) -> tuple[float, int, int]:
        labels = [0] * len(docs)
        for e_i, e in enumerate(group_events(docs, vectors, s)):
            for d in e.documents:
                labels[docs.index(d)] = e_i
        sizes = {lab: labels.count(lab) for lab in set(labels)}
        return adjusted_rand_score(gold, labels), len(sizes), sum(1 for n in sizes.values() if n == 1)

    baseline = dataclasses.replace(base, date_weight=0.0, name_weight=0.0, distance_threshold=0.3,
                                   center_vectors=False)
    cosine_only = dataclasses.replace(base, date_weight=0.0, name_weight=0.0)
    for name, s in (("title+lead, cut 0.3", baseline), ("title+lead, same cut", cosine_only),
                    ("with dates and names", base)):
        ari, groups, single = score(s)
        print(f"{name:22s} ARI {ari:.3f}  groups {groups}  singletons {single}")
    if args.sweep:
        for field, values in (("distance_threshold", (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)), ("name_weight", (0.0, 0.1, 0.15, 0.2, 0.3)),
                              ("date_weight", (0.0, 0.02, 0.05, 0.1))):
            row = []
            for v in values:
                ari, groups, _ = score(dataclasses.replace(base, **{field: v}))
                row.append(f"{v}: {ari:.3f} ({groups})")
            print(f"{field:20s} " + "  ".join(row))


if __name__ == "__main__":
    main()
