"""A newsroom feed: group a mixed stream of articles into events, then compare each event.

::

    result = claims.feed.run_feed(["feed.jsonl", "saved-pages/"], "reports/feed/")
    result.events[0].report.findings          # the per-event comparison, unchanged
    result.write()                            # one report per event + index.html / index.json

The grouping is :mod:`claims.feed.grouping`; :mod:`claims.feed.distributed` runs the same
steps on a Ray cluster (``--ray``) with identical results.
"""
from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from claims.errors import InputError, OutputError
from claims.feed.executors import Executor, LocalExecutor
from claims.feed.grouping import Event, GroupingSettings, fingerprint, group_events, lead_text
from claims.pipeline import RunOptions, RunResult, make_options
from claims.settings import Settings
from claims.types import Document

INDEX_SCHEMA = "claims-feed/1"


@dataclass
class EventResult:
    event: Event
    report: RunResult | None = None  # None for a singleton (nothing to compare)

    @property
    def folder(self) -> str:
        return self.event.id


@dataclass
class FeedResult:
    """What a feed run found: events (singletons included), each with its report."""

    events: list[EventResult]
    out: Path
    settings: Settings
    inputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    executor: str = "local"

    @property
    def compared(self) -> list[EventResult]:
        return [e for e in self.events if e.report is not None]

    def index_data(self) -> dict:
        """The index as data (``index.json``; ``index.html`` renders it)."""
        rows = []
        for e in self.events:
            ev, report = e.event, e.report
            top = report.findings[0] if report is not None and report.findings else None
            rows.append({
                "id": ev.id, "headline": ev.headline, "first_date": ev.first_date, "last_date": ev.last_date,
                "outlets": ev.outlets, "n_articles": len(ev.documents), "singleton": ev.singleton,
                "articles": [{"path": d.path, "title": d.title, "outlet": d.outlet, "date": d.date, "url": d.url,
                              "fingerprint": fingerprint(d)} for d in ev.documents],
                "n_findings": len(report.findings) if report is not None else 0,
                "n_flags": len(report.flags) if report is not None else 0,
                "top_finding": {"label": top.label, "summary": top.summary} if top else None,
                "report": f"{e.folder}/report.html" if report is not None else None,
                "json": f"{e.folder}/report.json" if report is not None else None,
            })
        return {
            "schema": INDEX_SCHEMA,
            "events": rows,
            "summary": {"n_articles": sum(len(e.event.documents) for e in self.events),
                        "n_events": sum(1 for e in self.events if not e.event.singleton),
                        "n_singletons": sum(1 for e in self.events if e.event.singleton),
                        "seconds": round(self.seconds, 2), "executor": self.executor},
            "settings": {"events": self.settings.explain()["events"]},
        }

    def write(self) -> list[Path]:
        """Each event's report (HTML and JSON) in its own folder, then the index: every file
        written atomically. Returns the index paths."""
        from claims.atomic import write_all
        from claims.feed.index import render_index

        for e in self.compared:
            folder = self.out / e.folder
            folder.mkdir(parents=True, exist_ok=True)
            e.report.write(folder / "report.html", folder / "report.json")
        data = self.index_data()
        html, js = self.out / "index.html", self.out / "index.json"
        write_all([(js, json.dumps(data, ensure_ascii=False, indent=1)), (html, render_index(data))])
        return [html, js]


def earlier_ids(out: Path) -> dict[str, str]:
    """fingerprint -> event id from an earlier run's index.json in ``out`` (none: {})."""
    path = Path(out) / "index.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != INDEX_SCHEMA:
        return {}
    return {a["fingerprint"]: e["id"] for e in data.get("events") or [] if isinstance(e, dict)
            for a in e.get("articles") or [] if isinstance(a, dict) and isinstance(a.get("fingerprint"), str)}


def run_feed(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    out: str | os.PathLike,
    options: RunOptions | None = None,
    *,
    ray: str | None = None,
    **changes,
) -> FeedResult:
    """Read a mixed feed, group it into events, compare each event of two or more articles.

    ``options`` (:class:`~claims.pipeline.RunOptions`) or its fields as keywords, as for
    :func:`claims.pipeline.run`. ``ray``: None runs here; "auto" joins ``RAY_ADDRESS`` or starts a
    local Ray; an address ("ray://host:10001", "host:6379") joins that cluster. Results are the
    same either way.
    """
    from claims.outputs import check_outputs
    from claims.read import read_documents

    options = make_options(options, **changes)
    started = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out must be a folder for a feed: {out} is a file")
    check_outputs(paths, [out / "index.html", out / "index.json"])
    for p in paths:  # reports written into the feed would be read as articles by the next run
        folder = Path(p).resolve()
        if folder.is_dir() and (out.resolve() == folder or folder in out.resolve().parents):
            raise OutputError(f"refusing to write the feed's reports into {out}: it is inside the input folder {p}")
    from claims.embed import calibration_for

    settings = (options.settings or Settings()).for_model(
        getattr(options.embedder, "calibration", None) if options.embedder is not None
        else calibration_for(options.model))
    options = dataclasses.replace(options, settings=settings)
    documents = read_documents(paths, warn=options.warn)
    if options.log:
        options.log(f"read: {len(documents)} articles")

    if ray is not None:
        from claims.feed.distributed import RayExecutor

        executor: Executor = RayExecutor(ray, options)
    else:
        executor = LocalExecutor(options)

    vectors = executor.embed([lead_text(d, settings.events.lead_chars) for d in documents])
    events = group_events(documents, vectors, settings.events, earlier_ids(out))
    if options.log:
        options.log(f"grouped: {sum(not e.singleton for e in events)} events, "
                    f"{sum(e.singleton for e in events)} singletons")

    to_compare = [e for e in events if not e.singleton]
    reports = executor.compare([e.documents for e in to_compare])
    by_id = {e.id: r for e, r in zip(to_compare, reports)}
    for r in reports:
        r.inputs = [os.fspath(p) for p in paths]
    results = [EventResult(e, by_id.get(e.id)) for e in events]
    return FeedResult(results, out, settings, [os.fspath(p) for p in paths], time.perf_counter() - started,
                      executor.describe())


__all__ = ["run_feed", "FeedResult", "EventResult", "Event", "GroupingSettings"]
