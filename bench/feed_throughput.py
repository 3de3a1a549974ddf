"""Feed throughput: articles per second for a mixed feed, local and on a local Ray, with peak memory.

    python bench/feed_throughput.py --sizes 300 1000 3000 [--ray] [--model fast]

The feed is generated (:mod:`claims.bench.corpus`: 100 distinct articles per invented event,
so 3,000 articles are 30 events), not repeated real text: the pipeline embeds and extracts
each distinct claim once, so copies would cost nothing and flatter the figure. Each run is a fresh process (``claims feed``) with its own empty
embedding cache; peak memory is the largest sum of RSS over the process and all its
descendants (Ray's workers included), sampled every 0.2 s from /proc (Linux).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def make_feed(folder: Path, n: int) -> None:
    from claims.bench.corpus import write_corpus

    write_corpus(folder, n, seed=1)


def timed_run(cmd: list[str], env: dict) -> tuple[float, float, int]:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _rss_mb(_descendants(proc.pid)))
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode != 0:
        print(out[-2000:], file=sys.stderr)
    return time.perf_counter() - started, peak, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    ap.add_argument("--ray", action="store_true", help="also time --ray auto (a local Ray on this machine)")
    ap.add_argument("--model", default=None, help="passed to claims feed --model ('fast': the static model)")
    args = ap.parse_args()
    claims = [sys.executable, "-m", "claims.cli", "feed", *(["--model", args.model] if args.model else [])]
    print(f"model: {args.model or 'default (all-MiniLM-L6-v2)'}")
    print("| articles | executor | seconds | articles/s | peak RSS MB | events |")
    print("|---:|---|---:|---:|---:|---:|")
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"claims-feed-{n}-"))
        try:
            make_feed(work / "feed", n)
            for label, extra in (("local", []), *((("ray-local", ["--ray", "auto"]),) if args.ray else ())):
                env = {**os.environ, "CLAIMS_CACHE_DIR": str(work / f"cache-{label}"), "RAY_ADDRESS": ""}
                out = work / f"out-{label}"
                seconds, peak, rc = timed_run([*claims, str(work / "feed"), "--out", str(out), "-q", *extra], env)
                n_events = len([p for p in out.iterdir() if p.is_dir()]) if out.exists() else 0
                status = "" if rc == 0 else f" (exit {rc})"
                print(f"| {n:,} | {label}{status} | {seconds:.1f} | {n / seconds:.1f} | {peak:.0f} | {n_events} |",
                      flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
