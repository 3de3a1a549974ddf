"""Where a feed's work runs: here (:class:`LocalExecutor`) or on Ray (:class:`claims.feed.distributed.RayExecutor`).

An executor does the feed's two heavy steps, and both give the same results:

- ``embed(texts)``: one unit vector per article's headline and lead, for grouping;
- ``compare(events)``: one :class:`~claims.pipeline.RunResult` per event (a list of
  documents), in the order given, each from the unchanged pipeline.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

import numpy as np

from claims.types import Document

if TYPE_CHECKING:
    from claims.pipeline import RunOptions, RunResult


class Executor(Protocol):
    def describe(self) -> str:
        """How the feed ran, for the index: "local", "ray (local, 2 actors)"."""
        ...

    def embed(self, texts: list[str]) -> np.ndarray: ...

    def compare(self, events: list[list[Document]]) -> list[RunResult]: ...


class LocalExecutor:
    """This process: the model loaded once, the embedding cache used as a run would."""

    def __init__(self, options: RunOptions):
        from claims.embed import load_embedder
        from claims.pipeline import Pipeline

        self.options = options
        self.embedder = options.embedder or load_embedder(options.model, device=options.device,
                                                          workers=options.workers)
        # each event's run is quiet: the feed shows one bar over the events and logs one line each
        self.pipeline = Pipeline(dataclasses.replace(options, embedder=self.embedder, progress=False,
                                                     warn=None, log=None))

    def describe(self) -> str:
        return "local"

    def embed(self, texts: list[str]) -> np.ndarray:
        from claims.embed import encode_cached

        if not texts:
            return np.zeros((0, 1), np.float32)
        vectors, _ = encode_cached(self.embedder, texts, use_cache=self.options.use_cache,
                                   cache_dir=self.options.cache_dir, warn=self.options.warn)
        return vectors

    def compare(self, events: list[list[Document]]) -> list[RunResult]:
        from claims.stages import progress_bar

        reports = []
        with progress_bar(self.options.progress, "events", len(events)) as tick:
            for i, documents in enumerate(events, 1):
                reports.append(self.pipeline.compare(documents))
                tick(1)
                if self.options.log:
                    self.options.log(f"event {i}/{len(events)}: {len(documents)} articles, "
                                     f"{len(reports[-1].findings)} findings")
        return reports
