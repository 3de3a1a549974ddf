"""The stages of a run, each a small object: ``run(data, ctx) -> next data``.

::

    list[Document] -clean-> Cleaned -split-> Spans -extract-> Claims -embed-> Embedded
      -cluster-> Clustered -candidates-> Candidates -compare-> Compared -verify-> list[Flag]
      -findings-> list[Finding]

The data types are in :mod:`claims.types`; :class:`claims.pipeline.Pipeline` runs the
stages in this order and times each. A stage is anything with a ``name`` and that
``run`` (:class:`StageProtocol`); subclassing :class:`Stage` says so and checks it. The
work itself stays in the modules named after each stage (``claims.clean``,
``claims.split``, ...), so a notebook can still call those functions one at a time.

Replace a stage by passing your own: ``Pipeline(embed=MyEmbedStage(), verify=MyVerifier())``.
"""
from __future__ import annotations

import sys
import time
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Generic, Iterator, Protocol, TypeVar, runtime_checkable

from claims.display import shown_document, shown_name
from claims.settings import Settings
from claims.types import (
    Candidates, Claim, Claims, Cleaned, Clustered, Compared, Document, Embedded, Finding, Flag, Span, Spans,
    StageTiming, extend,
)

if TYPE_CHECKING:
    import os

    from claims.compare import Comparator
    from claims.embed import Embedder
    from claims.settings import ModelCalibration

In = TypeVar("In", contravariant=True)
Out = TypeVar("Out", covariant=True)


@dataclass
class RunContext:
    """What every stage of one run shares: the settings, where messages go, and what the
    report must say about the run (notes, limits that cut, timings, the model)."""

    settings: Settings
    warn: Callable[[str], None] | None = None
    log: Callable[[str], None] | None = None
    progress: bool = False  # tqdm bars on a terminal
    notes: list[str] = field(default_factory=list)  # what the reader of the report must know
    limits: dict[str, dict] = field(default_factory=dict)  # each limit that cut something: what was kept
    timings: list[StageTiming] = field(default_factory=list)
    model_name: str = ""  # set by the embed stage
    model_load_seconds: float = 0.0
    cache_hits: int = 0

    def note(self, message: str) -> None:
        """A line for the report's notes, and a warning."""
        self.notes.append(message)
        if self.warn:
            self.warn(message)

    def announce(self, setting: str, message: str, **counts: int) -> None:
        """A limit (``settings.limits.<setting>``) cut something: say so and record what was kept."""
        self.limits[setting] = counts
        self.note(message)

    def timed(self, stage: str, started: float, items: int) -> None:
        """Record a stage's time since ``started`` (``time.perf_counter()``) and log it."""
        self.timings.append(StageTiming(stage, time.perf_counter() - started, items))
        if self.log:
            self.log(f"{stage}: {self.timings[-1].seconds:.2f}s ({items} items)")

    def bar(self, name: str, total: int | None):
        """A progress bar for this stage's items (see :func:`progress_bar`)."""
        return progress_bar(self.progress, name, total)


@contextmanager
def progress_bar(enabled: bool, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A tqdm bar on a terminal (``tick(n)`` advances it); a no-op when not enabled or not a terminal."""
    if not (enabled and total and sys.stderr.isatty()):
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=f"{name:>8}", unit="it", leave=False, file=sys.stderr) as bar:
        yield bar.update


@runtime_checkable
class StageProtocol(Protocol[In, Out]):
    """What the pipeline calls: a ``name`` (its line in the timings) and ``run``."""

    name: str

    def run(self, data: In, ctx: RunContext) -> Out: ...


class Stage(ABC, Generic[In, Out]):
    """Base of the built-in stages: a subclass sets ``name`` and implements ``run``, and may say
    how many items its output holds (``items``, for the timings)."""

    name: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not isinstance(getattr(cls, "name", None), str):
            raise TypeError(f"stage {cls.__name__} must set the class attribute 'name' (a str)")

    def prepare(self, ctx: RunContext) -> None:
        """Called before the run's first stage: load what takes long here (timed apart)."""

    @abstractmethod
    def run(self, data: In, ctx: RunContext) -> Out: ...

    def items(self, out: Out) -> int:
        return len(out) if hasattr(out, "__len__") else 0


# ------------------------------------------------------------------ the built-in stages


class CleanStage(Stage[list[Document], Cleaned]):
    """Keeps article paragraphs as offset ranges (:func:`claims.clean.clean`)."""

    name = "clean"

    def run(self, data: list[Document], ctx: RunContext) -> Cleaned:
        from claims.clean import clean

        cleaned = [clean(d) for d in data]
        documents = [d if d.title or not c.title else replace(d, title=c.title) for d, c in zip(data, cleaned)]
        return Cleaned(documents, cleaned)

    def items(self, out: Cleaned) -> int:
        return sum(len(c.spans) for c in out.cleaned)


class SplitStage(Stage[Cleaned, Spans]):
    """Sentences, then atomic claims (:mod:`claims.split`), within ``settings.limits``."""

    name = "split"

    def run(self, data: Cleaned, ctx: RunContext) -> Spans:
        from claims.split import claim_spans, sentences

        max_chars, max_claims = ctx.settings.limits.document_chars, ctx.settings.limits.claims_per_document
        spans, long_docs, crowded_docs, found = [], [], [], 0
        with ctx.bar("split", len(data.cleaned)) as tick:
            for c in data.cleaned:
                if len(c.doc.text) > max_chars:  # split only the start; the text stays whole so offsets hold
                    long_docs.append(c.doc.name)
                    c = replace(c, spans=[Span(s.doc, s.start, min(s.end, max_chars))
                                          for s in c.spans if s.start < max_chars])
                doc_spans = claim_spans(sentences(c), c.doc.text)
                found += len(doc_spans)
                if len(doc_spans) > max_claims:
                    crowded_docs.append(c.doc.name)
                    doc_spans = doc_spans[:max_claims]
                spans.extend(doc_spans)
                tick(1)
        if long_docs:
            ctx.announce("document_chars", f"only the first {max_chars:,} characters of {_names(long_docs)} were "
                         "read for claims (settings.limits.document_chars)", limit=max_chars, documents=len(long_docs))
        if crowded_docs:
            ctx.announce("claims_per_document", f"kept the first {max_claims:,} claims of {_names(crowded_docs)}: "
                         f"showing {len(spans):,} of {found:,} claims (settings.limits.claims_per_document)",
                         limit=max_claims, shown=len(spans), found=found, documents=len(crowded_docs))
        return Spans(data.documents, spans)

    def items(self, out: Spans) -> int:
        return len(out.spans)


class ExtractStage(Stage[Spans, Claims]):
    """Quantities, dates, people, negation and hedges of each claim (:mod:`claims.extract`)."""

    name = "extract"

    def run(self, data: Spans, ctx: RunContext) -> Claims:
        from claims.extract import extract_all

        with ctx.bar("extract", len(data.spans)) as tick:
            claims = extract_all(data.spans, tick)
        if len({c.doc for c in claims}) < 2:  # a headline only, "***": a report, not a crash
            ctx.note(_nothing_to_compare(data.documents, claims))
        return Claims(data.documents, claims)

    def items(self, out: Claims) -> int:
        return len(out.claims)


class EmbedStage(Stage[Claims, Embedded]):
    """Unit vectors of the claims (:mod:`claims.embed`), each distinct text once, through the cache.

    Give a loaded ``embedder`` (anything with ``model_id`` and ``encode``) or a ``model`` to load
    on first use; the loaded model is kept for the next run of this stage.
    """

    name = "embed"

    def __init__(self, embedder: Embedder | None = None, *, model: str | os.PathLike | None = None,
                 device: str = "cpu", workers: int = 1, use_cache: bool = True,
                 cache_dir: str | os.PathLike | None = None):
        self.embedder, self.model, self.device, self.workers = embedder, model, device, workers
        self.use_cache, self.cache_dir = use_cache, cache_dir

    @property
    def calibration(self) -> ModelCalibration | None:
        """The model's own embedding thresholds (read from its folder without loading it)."""
        if self.embedder is not None:
            return getattr(self.embedder, "calibration", None)
        from claims.embed import calibration_for

        return calibration_for(self.model)

    def prepare(self, ctx: RunContext) -> None:
        """Load the model once (the first run of this stage; timed as "load model")."""
        if self.embedder is None:
            from claims.embed import load_embedder

            started = time.perf_counter()
            self.embedder = load_embedder(self.model, device=self.device, workers=self.workers)
            ctx.model_load_seconds = time.perf_counter() - started
            ctx.timed("load model", started, 1)

    def run(self, data: Claims, ctx: RunContext) -> Embedded:
        import numpy as np

        from claims.embed import encode_cached

        self.prepare(ctx)
        embedder = self.embedder
        ctx.model_name = getattr(embedder, "name", embedder.model_id)
        if not data.claims:
            return extend(data, Embedded, vectors=np.zeros((0, 1), np.float32))
        # each distinct text once: repeated wire paragraphs are the same vectors
        distinct = list(dict.fromkeys(c.text for c in data.claims))
        with ctx.bar("embed", len(distinct)) as tick:
            vectors, ctx.cache_hits = encode_cached(embedder, distinct, use_cache=self.use_cache,
                                                    cache_dir=self.cache_dir, warn=ctx.warn, progress=tick)
        if len(distinct) < len(data.claims):
            row = {text: i for i, text in enumerate(distinct)}
            vectors = vectors[[row[c.text] for c in data.claims]]
        return extend(data, Embedded, vectors=vectors)

    def items(self, out: Embedded) -> int:
        return len(out.claims)


class ClusterStage(Stage[Embedded, Clustered]):
    """Average-linkage clusters and the k-NN graph (:mod:`claims.cluster`); sets ``Claim.cluster``."""

    name = "cluster"

    def run(self, data: Embedded, ctx: RunContext) -> Clustered:
        from claims.cluster import AgglomerativeClusterer, Neighbours, clusters_of

        cfg = ctx.settings.cluster
        clusterer = AgglomerativeClusterer(cfg.distance_threshold, cfg.bucket_size)
        buckets = clusterer.buckets(data.vectors)
        labels = clusterer.fit(data.vectors, buckets)
        neighbours = Neighbours.build(data.vectors, cfg.neighbours, buckets) if len(data.claims) > 1 else None
        for c, label in zip(data.claims, labels):
            c.cluster = int(label)
        return extend(data, Clustered, labels=labels, neighbours=neighbours, clusters=clusters_of(data.claims))

    def items(self, out: Clustered) -> int:
        return len(out.clusters)


class CandidatesStage(Stage[Clustered, Candidates]):
    """The claim pairs worth comparing (:func:`claims.candidates.candidate_pairs`)."""

    name = "candidates"

    def run(self, data: Clustered, ctx: RunContext) -> Candidates:
        from claims.candidates import candidate_pairs

        pairs = (candidate_pairs(data.claims, data.vectors, data.neighbours, data.labels, ctx.settings.candidates)
                 if data.neighbours else [])
        return extend(data, Candidates, pairs=pairs)

    def items(self, out: Candidates) -> int:
        return len(out.pairs)


class CompareStage(Stage[Candidates, Compared]):
    """The comparators' flags, ranked (:func:`claims.score.score`); ``comparators`` None: the built-in ones."""

    name = "compare"

    def __init__(self, comparators: list[Comparator] | None = None):
        from claims.compare import default_comparators

        self.comparators = default_comparators() if comparators is None else list(comparators)

    def run(self, data: Candidates, ctx: RunContext) -> Compared:
        from claims.compare import ScoringContext
        from claims.score import score

        scoring = ScoringContext.of(data, ctx.settings)
        with ctx.bar("compare", len(data.pairs)) as tick:
            flags = score(data.claims, data.pairs, scoring, comparators=self.comparators, progress=tick)
        return extend(data, Compared, flags=flags)

    def items(self, out: Compared) -> int:
        return len(out.flags)


class VerifyStage(Stage[Compared, list[Flag]]):
    """The final say on the comparators' flags; this default keeps them all, unchanged.

    A verifier gets everything the flags were judged from (documents with their dates, claims,
    vectors, every candidate pair, the rule flags) and returns the flags to report: it may drop,
    rescore or add flags. The pipeline ranks what it returns (:func:`claims.score.rank_flags`),
    so an added flag needs only ``a``, ``b``, ``kind``, ``score`` and ``explanation``.
    """

    name = "verify"

    def run(self, data: Compared, ctx: RunContext) -> list[Flag]:
        return data.flags


class FindingsStage(Stage[Compared, list[Finding]]):
    """The flags grouped by the fact they dispute, ranked (:func:`claims.findings.build_findings`)."""

    name = "findings"

    def run(self, data: Compared, ctx: RunContext) -> list[Finding]:
        from claims.findings import build_findings

        documents = {d.id: shown_document(d) for d in data.documents}  # summaries name the files
        return build_findings(data.flags, {c.id: c for c in data.claims}, documents)


_NAMES_IN_MESSAGE = 3  # a warning naming 5,000 files would not be one readable line


def _names(names: list[str]) -> str:
    """'a.txt, b.txt, c.txt and 4 more documents', for a one-line message."""
    listed = ", ".join(shown_name(n) for n in names[:_NAMES_IN_MESSAGE])
    more = len(names) - _NAMES_IN_MESSAGE
    return listed + (f" and {more} more documents" if more > 0 else "")


def _nothing_to_compare(documents: list[Document], claims: list[Claim]) -> str:
    with_claims = len({c.doc for c in claims})
    return (f"nothing to compare: {with_claims} of {len(documents)} document{'s' if len(documents) != 1 else ''} "
            f"held a checkable claim ({len(claims)} claim{'s' if len(claims) != 1 else ''}); "
            "disagreements need claims from two documents")
