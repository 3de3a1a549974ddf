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

from claims.display import replace_surrogates, shown_name
from claims.errors import InputError, OutputError
from claims.feed.executors import Executor, LocalExecutor
from claims.feed.folder import (
    INDEX_SCHEMA, MARKER, MARKER_TEXT, check_feed_folder, check_unique, earlier_ids, event_folder, stale_folders,
)
from claims.feed.grouping import (
    COMMON_WORDS, Event, GroupingSettings, fingerprint, group_events, lead_text, too_small_to_centre,
)
from claims.pipeline import RunOptions, RunResult, make_options, option_values
from claims.settings import Settings
from claims.types import Document


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
    stale: list[str] = field(default_factory=list)  # event folders of earlier runs not in this index

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
                "articles": [{"path": shown_name(d.path), "title": d.title, "outlet": d.outlet, "date": d.date, "url": d.url,
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
            "stale": self.stale,
            "settings": {"events": self.settings.explain()["events"]},
        }

    def write(self) -> list[Path]:
        """Every event's report (HTML and JSON, in its own folder) and the index, as one set: all
        are written to temporary files first and renamed into place together, the index last, so
        a failure or Ctrl-C leaves the earlier set whole. Returns the index paths."""
        from claims.atomic import write_all
        from claims.feed.index import render_index

        check_unique(e.event.id for e in self.events)
        folders = [event_folder(self.out, e.folder) for e in self.compared]
        data = self.index_data()
        html, js = self.out / "index.html", self.out / "index.json"
        files = [(self.out / MARKER, MARKER_TEXT)]
        for e, folder in zip(self.compared, folders):
            files += _report_files(e.report, folder)
        files += [(js, lambda: replace_surrogates(json.dumps(data, ensure_ascii=False, indent=1))),
                  (html, lambda: replace_surrogates(render_index(data)))]
        made = [f for f in [self.out, *folders] if not f.exists()]
        try:
            write_all(files)
        except BaseException:
            for folder in reversed(made):  # folders made for this run only: empty again, so removed
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise
        return [html, js]


def _report_files(report, folder: Path) -> list[tuple[Path, Callable]]:
    """An event report's JSON and HTML as (path, maker) pairs for :func:`claims.atomic.write_all`:
    what ``Report.write`` writes, made when its turn comes (one large text at a time)."""
    from claims.pipeline import report_json_text
    from claims.reporting.render import render_html_chunks

    return [(folder / "report.json", lambda: replace_surrogates(report_json_text(report.data))),
            (folder / "report.html", lambda: (replace_surrogates(p) for p in render_html_chunks(report.data)))]


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

    from claims.arguments import check_options, checked_paths

    options = make_options(options, **changes)
    started = time.perf_counter()
    paths = checked_paths(paths)
    check_options(out=out, ray=ray, **option_values(options))
    out = Path(out)
    check_feed_folder(out)
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
    grouping: GroupingSettings = settings.events
    documents = read_documents(paths, warn=options.warn)
    if options.log:
        options.log(f"read: {len(documents)} articles")
    if len(documents) > settings.limits.feed_articles:  # before the model is even loaded
        raise InputError(f"a feed of {len(documents):,} articles is over settings.limits.feed_articles "
                         f"({settings.limits.feed_articles:,}): grouping needs memory that grows with the square "
                         "of the feed; split it into smaller feeds")

    if ray is not None:
        from claims.feed.distributed import RayExecutor

        executor: Executor = RayExecutor(ray, options)
    else:
        executor = LocalExecutor(options)

    texts = [lead_text(d, grouping.lead_chars) for d in documents]
    small = too_small_to_centre(len(texts), grouping)
    if small:  # the model's generic direction rides along as one more text
        texts.append(COMMON_WORDS)
        if options.warn:
            options.warn(f"a feed of {len(documents)} articles is too small to centre on its own mean "
                         f"(settings.events.center_min_articles = {grouping.center_min_articles}); "
                         "the model's common-word direction is taken out instead")
    vectors = executor.embed(texts)
    generic = None
    if small:
        vectors, generic = vectors[:-1], vectors[-1]
    events = group_events(documents, vectors, grouping, earlier_ids(out, options.warn), generic)
    stale = stale_folders(out, [e.id for e in events if not e.singleton])
    if stale and options.warn:
        shown = ", ".join(stale[:3]) + (f" and {len(stale) - 3} more" if len(stale) > 3 else "")
        options.warn(f"{len(stale)} event folder{'s' if len(stale) != 1 else ''} in {shown_name(str(out))} from "
                     f"earlier runs {'are' if len(stale) != 1 else 'is'} not in this index (listed as \"stale\" in "
                     f"index.json): {shown}")
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
                      executor.describe(), stale)


__all__ = ["run_feed", "FeedResult", "EventResult", "Event", "GroupingSettings"]
