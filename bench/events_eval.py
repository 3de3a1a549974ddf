"""Run claims on every event folder with one loaded model, then score them together.

The same measurement as ``../shared/eval/events_eval.py`` (one report per event, merged,
scored by ``score.py``) without starting a process and loading the model per event, so a
rule change can be measured on the 71 development events in about a minute:

    python bench/events_eval.py --events /tmp/basil-dev [--work /tmp/claims-events-fast] [--kinds] [--model fast]

``--kinds`` adds the per-kind table (found / missed / false alarms) the issue asks for.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def run_events(events_dir: Path, work: Path, model: str | None = None) -> tuple[dict, list[int], list[int]]:
    from claims.embed import load_embedder
    from claims.pipeline import run

    embedder = load_embedder(model)  # its own calibrated thresholds come with it
    merged: dict = {"schema": "claims-report/1", "documents": [], "claims": [], "flags": []}
    per_event, findings_per_event = [], []
    for ev in sorted(p for p in events_dir.iterdir() if p.is_dir()):
        report = run([ev], embedder=embedder)
        data = report.data
        out = work / ev.name
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        p = lambda x: f"{ev.name}:{x}"  # noqa: E731
        for d in data["documents"]:
            merged["documents"].append({**d, "id": p(d["id"]), "path": f"{ev.name}/{Path(d['path']).name}"})
        for c in data["claims"]:
            merged["claims"].append({**c, "id": p(c["id"]), "doc": p(c["doc"])})
        for f in data["flags"]:
            merged["flags"].append({**f, "a": p(f["a"]), "b": p(f["b"])})
        per_event.append(len(data["flags"]))
        findings_per_event.append(len(data["findings"]))
    return merged, per_event, findings_per_event


def kind_table(score_output: str) -> str:
    """found / missed / false alarms per gold kind, from score.py's per-pair lines."""
    rows: dict[str, Counter] = {}
    for line in score_output.splitlines():
        if not line.startswith("["):
            continue
        label, kind = line[1:line.index("]")].split("/")
        c = rows.setdefault(kind, Counter())
        if label == "discrepancy":
            c["found" if "found at rank" in line else "missed"] += 1
        elif "FALSE ALARM" in line:
            c["false"] += 1
    lines = ["| kind | found | missed | false |", "|---|---:|---:|---:|"]
    for kind, c in sorted(rows.items()):
        lines.append(f"| {kind} | {c['found']} | {c['missed']} | {c['false']} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/claims-events-fast"))
    ap.add_argument("--kinds", action="store_true")
    ap.add_argument("--model", default=None, help="as claims report --model (default: all-MiniLM-L6-v2)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    t0 = time.time()
    merged, per_event, findings = run_events(args.events, args.work, args.model)
    (args.work / "merged.json").write_text(json.dumps(merged), encoding="utf-8")
    print(f"events: {len(per_event)}  wall: {time.time() - t0:.0f}s  flags per event: median "
          f"{statistics.median(per_event):g}, max {max(per_event)}, events with more than 3: "
          f"{sum(n > 3 for n in per_event)}")
    print(f"findings: {sum(findings)} in all, per event: median {statistics.median(findings):g}, max {max(findings)}, "
          f"events with any: {sum(n > 0 for n in findings)}")
    r = subprocess.run([sys.executable, str(EVAL / "score.py"), str(args.work / "merged.json"),
                        str(args.events / "gold.jsonl"), "--docs", str(args.events), "--top", "25", "100"],
                       capture_output=True, text=True)
    print(r.stdout, end="")
    if args.kinds:
        print(kind_table(r.stdout))


if __name__ == "__main__":
    main()
