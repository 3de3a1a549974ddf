#!/usr/bin/env python3
"""Check the held-out gold files: every sentence is a verbatim substring of its file,
paths are relative to the event folder, labels/kinds are valid. Prints counts.

    python tests/data/heldout/check_gold.py
"""
import collections
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"numeric", "garbled_number", "role", "date", "entity_name", "negation", "statement"}
LABELS = {"discrepancy", "agree", "not_contradiction"}

ok = True
for ev in ("event_a", "event_b"):
    rows = [json.loads(l) for l in (HERE / f"{ev}_gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    for i, r in enumerate(rows, 1):
        for side in "ab":
            f = r[f"{side}_file"]
            p = HERE / ev / f
            if "/" in f or not p.is_file():
                print(f"{ev}:{i}: bad path {f!r}"); ok = False; continue
            if r[f"{side}_sentence"] not in p.read_text(encoding="utf-8"):
                print(f"{ev}:{i}: sentence not in {f}: {r[side + '_sentence'][:60]!r}"); ok = False
        if r["label"] not in LABELS or r["kind"] not in KINDS:
            print(f"{ev}:{i}: bad label/kind {r['label']}/{r['kind']}"); ok = False
    c = collections.Counter((r["label"], r["kind"]) for r in rows)
    print(ev, len(rows), dict(sorted(c.items())))
raise SystemExit(0 if ok else 1)
