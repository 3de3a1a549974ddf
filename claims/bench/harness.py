"""Time the pipeline on a corpus, cold then warm, each run in a fresh subprocess.

For every corpus the pipeline runs twice, each time in a fresh subprocess so that peak
memory (``ru_maxrss``) and import/model-load costs are measured separately per run: first
with an empty embedding cache ("cold"), then again with the cache the first run filled
("warm"). Each run also writes the report (HTML and JSON, into a temporary folder), so the
"report" stage is timed too. Import time (``claims.pipeline``, torch, sentence-transformers)
and model load time are shown apart from the stages.

For a generated corpus (a folder with a ``.manifest.json``) the cold run's report is also
scored against the injected discrepancies (:mod:`claims.bench.quality`), after the timings
and the peak memory are taken: "injected found" and "flags explained" columns, and a line
per corpus with the counts by kind.

The parent (``bench_paths``) starts ``python -m claims.bench --_worker SPEC``; the child
(``_worker``) prints one ``BENCH_RESULT {json}`` line; ``to_markdown`` turns the results
into Markdown tables.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STAGES = ["read", "load model", "clean", "split", "extract", "embed", "cluster", "candidates", "compare", "verify",
          "findings", "report", "build"]
NOT_OUTSIDE_EMBEDDING = ("embed", "load model")  # stages left out of "outside embedding"
RESULT_PREFIX = "BENCH_RESULT "
MB = 1024 * 1024

# =========================================================================== worker (child process)


def _maxrss_mb() -> float:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss / 1024


def _worker(spec: dict[str, Any]) -> dict[str, Any]:
    """Run once, in this (fresh) process, and return what was measured."""
    out: dict[str, Any] = {"label": spec["label"], "run": spec["run"], "workers": spec.get("workers", 1)}
    out["model"] = spec.get("model") or "default"
    t0 = time.perf_counter()
    from claims.embed import is_static_model, resolve_model
    from claims.pipeline import run

    t1 = time.perf_counter()
    if is_static_model(resolve_model(spec.get("model"))[0]):
        import model2vec  # noqa: F401  (numpy inference: no torch)

        threads = None
    else:
        import sentence_transformers  # noqa: F401  (the heavy part: torch, transformers)
        import torch

        threads = torch.get_num_threads()
    t2 = time.perf_counter()
    out.update(import_claims_s=t1 - t0, import_torch_s=t2 - t1, import_s=t2 - t0,
               torch_threads=threads, rss_after_import_mb=_maxrss_mb())
    start = time.perf_counter()
    report = run(spec["paths"], model=spec.get("model"), cache_dir=spec["cache_dir"], use_cache=True,
                 workers=spec.get("workers", 1), progress=False)
    with tempfile.TemporaryDirectory(prefix="claims-bench-report-") as tmp:
        html, js = Path(tmp) / "report.html", Path(tmp) / "report.json"
        report.write(html, js)  # appends StageTiming("report", ...) to report.timings
        out["wall_s"] = time.perf_counter() - start  # run + report.write
        out["peak_rss_mb"] = _maxrss_mb()  # before the quality check loads the JSON back
        out.update(report_html_mb=html.stat().st_size / MB, report_json_mb=js.stat().st_size / MB)
        out.update(
            stages={t.stage: t.seconds for t in report.timings},
            items={t.stage: t.items for t in report.timings},
            n_claims=report.n_claims,
            n_candidate_pairs=report.n_candidate_pairs,
            n_flags=len(report.flags),
            model_load_s=report.model_load_seconds,
            n_docs=next((t.items for t in report.timings if t.stage == "read"), None),
        )
        if spec["run"] == "cold":  # scored once, after the cold run, outside the timings
            out["quality"] = _quality(spec["paths"], js)
    return out


def _quality(paths: list[str], report_json: Path) -> dict[str, Any] | None:
    """:func:`claims.bench.quality.score_against_manifest` for a generated corpus, else ``None``."""
    from claims.bench.quality import manifest_for, score_against_manifest

    manifest = manifest_for(paths)
    if manifest is None:
        return None
    q = score_against_manifest(json.loads(report_json.read_text(encoding="utf-8")), manifest)
    q["injected"]["missed"] = q["injected"]["missed"][:50]  # keep the result line short
    return q


# =========================================================================== harness (parent)


def _run_worker(spec: dict[str, Any], timeout: float | None) -> dict[str, Any]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    cmd = [sys.executable, "-m", "claims.bench", "--_worker", json.dumps(spec)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
    raise RuntimeError(f"benchmark worker failed (exit {proc.returncode}):\n" + "\n".join(tail))


def bench_paths(label: str, paths: list[str], cache_dir: str, *, workers: int = 1, model: str | None = None,
                timeout: float | None = None, log=print) -> dict[str, Any]:
    """Time ``paths`` cold (empty ``cache_dir``), then warm; ``{"label", "cold", "warm"}``."""
    spec = dict(label=label, paths=paths, cache_dir=cache_dir, workers=workers, model=model)
    name = f"{label}, model {model or 'default'}"
    log(f"[bench] {name}: cold run ...")
    cold = _run_worker(dict(spec, run="cold"), timeout)
    log(f"[bench] {name}: cold {cold['wall_s']:.1f}s; warm run ...")
    warm = _run_worker(dict(spec, run="warm"), timeout)
    log(f"[bench] {name}: warm {warm['wall_s']:.1f}s")
    return {"label": label, "model": model or "default", "cold": cold, "warm": warm}


# =========================================================================== Markdown


def _f(x: Any, digits: int = 2) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def outside_embedding(run: dict[str, Any]) -> str:
    """Seconds of all stages but embedding and model load, as a share of embedding: "24.1 s = 19% of embed"."""
    stages = run.get("stages") or {}
    embed = stages.get("embed")
    if not stages or embed is None:
        return "–"
    outside = sum(s for name, s in stages.items() if name not in NOT_OUTSIDE_EMBEDDING)
    share = f"{outside / embed:.0%}" if embed > 0 else "–"
    return f"{outside:.1f} s = {share} of embed"


def quality_cells(q: dict[str, Any] | None) -> tuple[str, str]:
    """The "injected found" and "flags explained" cells: ("41/52", "88%"), or dashes."""
    if not q:
        return "–", "–"
    inj, fl = q["injected"], q["flags"]
    share = fl.get("share")
    return f"{inj['found']}/{inj['total']}", (f"{share:.0%}" if share is not None else "–")


def to_markdown(results: list[dict[str, Any]], *, header: str = "") -> str:
    lines = []
    if header:
        lines += [header, ""]
    lines += ["| corpus | model | docs | claims | candidate pairs | flags | injected found | flags explained "
              "| import s | model load s | run s (cold) | claims/s | peak RSS MB | report MB (html) | run s (warm, cached) | warm/cold | outside embedding (cold) |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        c, w = r["cold"], r["warm"]
        rate = c["n_claims"] / c["wall_s"] if c.get("n_claims") and c["wall_s"] else None
        ratio = w["wall_s"] / c["wall_s"] if c["wall_s"] else None
        found, explained = quality_cells(c.get("quality"))
        lines.append(f"| {r['label']} | {r.get('model', 'default')} | {_f(c.get('n_docs'))} | {_f(c.get('n_claims'))} "
                     f"| {_f(c.get('n_candidate_pairs'))} | {_f(c.get('n_flags'))} | {found} | {explained} "
                     f"| {_f(c['import_s'])} "
                     f"| {_f(c.get('model_load_s'))} | {_f(c['wall_s'])} "
                     f"| {_f(rate, 1)} | {_f(c['peak_rss_mb'], 0)} | {_f(c.get('report_html_mb'))} | {_f(w['wall_s'])} "
                     f"| {_f(ratio)} | {outside_embedding(c)} |")
    scored = [r for r in results if r["cold"].get("quality")]
    if scored:
        from claims.bench.quality import summary_line

        lines += ["", "Against the injected discrepancies (cold run; see `claims.bench.quality`):", ""]
        lines += [f"- {r['label']}, {r.get('model', 'default')}: {summary_line(r['cold']['quality'])}" for r in scored]
    seen = [s for r in results for k in ("cold", "warm") for s in r[k].get("stages", {})]
    stages = [s for s in STAGES if s in seen]
    stages += [s for s in dict.fromkeys(seen) if s not in stages]  # stages this list does not know
    lines += ["", "Seconds per stage (cold run / warm run; imports not included):", "",
              "| corpus | model | " + " | ".join(stages) + " |", "|---|---|" + "---:|" * len(stages)]
    for r in results:
        cells = []
        for s in stages:
            a, b = r["cold"].get("stages", {}).get(s), r["warm"].get("stages", {}).get(s)
            cells.append(f"{_f(a)} / {_f(b)}")
        lines.append(f"| {r['label']} | {r.get('model', 'default')} | " + " | ".join(cells) + " |")
    c0 = next((r["cold"] for r in results if r["cold"].get("torch_threads")), {})
    workers = sorted({r[k].get("workers", 1) for r in results for k in ("cold", "warm")})
    lines += ["", f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, torch threads "
                  f"{c0.get('torch_threads', '?')}, pipeline workers {', '.join(map(str, workers)) or '?'}; "
                  "import s = `claims.pipeline` + torch + sentence-transformers (a static model: + model2vec, no torch); "
                  "run s = `claims.pipeline.run` + writing the report (HTML and JSON); "
                  "outside embedding = all stages but `embed` and `load model`; "
                  "peak RSS = `ru_maxrss` of the run's own subprocess."]
    return "\n".join(lines) + "\n"
