"""Benchmark the pipeline on generated corpora: ``python -m claims.bench``.

::

    python -m claims.bench [--sizes 10 100 500] [--models default fast] [--out FILE.md]   # generated corpora
    python -m claims.bench --seeds seeds/ [--out FILE.md]          # a folder of real articles
    python -m claims.bench --generate DIR [--sizes 50]             # only write a corpus

Each corpus is timed cold, then warm (see :mod:`claims.bench.harness`); the result is
printed as Markdown tables.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

from claims.bench.corpus import write_corpus
from claims.bench.harness import RESULT_PREFIX, _worker, bench_paths, to_markdown


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m claims.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500], help="articles per generated corpus")
    p.add_argument("--seeds", metavar="DIR", help="time this folder of articles instead of generated corpora")
    p.add_argument("--out", metavar="FILE.md", help="also write the Markdown tables here")
    p.add_argument("--seed", type=int, default=0, help="RNG seed of the article generator")
    p.add_argument("--workers", type=int, default=1, help="passed to claims.pipeline.run")
    p.add_argument("--models", nargs="+", default=["default", "fast"], metavar="MODEL",
                   help="models to time side by side, each as claims report --model ('default' = all-MiniLM-L6-v2)")
    p.add_argument("--generate", metavar="DIR", help="only write a corpus of --sizes[0] articles into DIR")
    p.add_argument("--keep", metavar="DIR", help="keep corpora and caches under DIR instead of a temp folder")
    p.add_argument("--timeout", type=float, default=None, help="seconds allowed for one run")
    p.add_argument("--_worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args._worker:
        print(RESULT_PREFIX + json.dumps(_worker(json.loads(args._worker))), flush=True)
        return 0
    if args.generate:
        paths = write_corpus(args.generate, args.sizes[0], args.seed)
        print(f"wrote {len(paths)} articles to {args.generate}")
        return 0

    models = [None if m == "default" else m for m in args.models]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="claims-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    results = []
    try:
        if args.seeds:
            if not Path(args.seeds).exists():
                print(f"error: {args.seeds}: no such folder", file=sys.stderr)
                return 2
            for model in models:
                cache = work / f"cache-seeds-{model or 'default'}"
                results.append(bench_paths(f"seeds ({args.seeds})", [args.seeds], str(cache),
                                           workers=args.workers, model=model, timeout=args.timeout, log=log))
        else:
            for n in args.sizes:
                corpus = work / f"corpus-{n}"
                if corpus.exists():
                    shutil.rmtree(corpus)
                write_corpus(corpus, n, args.seed)
                for model in models:
                    cache = work / f"cache-{n}-{model or 'default'}"
                    if cache.exists():
                        shutil.rmtree(cache)
                    results.append(bench_paths(f"{n} articles", [str(corpus)], str(cache), workers=args.workers,
                                               model=model, timeout=args.timeout, log=log))
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    md = to_markdown(results, header=f"## claims benchmark ({time.strftime('%Y-%m-%d %H:%M')}, "
                                     f"--workers {args.workers})")
    print(md)
    if args.out:
        from claims.atomic import write_atomic

        write_atomic(args.out, md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
