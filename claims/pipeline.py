"""The whole pipeline: read, then the stages of :mod:`claims.stages`, then the report.

::

    read -> list[Document] -clean-> Cleaned -split-> Spans -extract-> Claims -embed-> Embedded
      -cluster-> Clustered -candidates-> Candidates -compare-> Compared -verify-> list[Flag]
      -findings-> list[Finding]  => RunResult (.write() saves the HTML and JSON report)

``run(paths)`` is the Python API behind ``claims report``. A run's options are one
:class:`RunOptions`; its stages are one :class:`Stages`, the defaults built in
:func:`default_stages`. Replace any of them the way BERTopic takes its steps::

    Pipeline(RunOptions(model="fast"), verify=MyVerifier()).run(["articles/"])
"""
from __future__ import annotations

import dataclasses
import functools
import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

from claims.display import encodable, replace_surrogates, shown_document
from claims.settings import Settings
from claims.stages import (
    CandidatesStage, CleanStage, ClusterStage, CompareStage, EmbedStage, ExtractStage, FindingsStage, RunContext,
    SplitStage, StageProtocol, VerifyStage,
)
from claims.types import (
    Candidates, Claim, Claims, Cleaned, Cluster, Clustered, Compared, Document, Embedded, Finding, Flag, Spans,
    StageTiming,
)

if TYPE_CHECKING:
    from claims.compare import Comparator
    from claims.embed import Embedder
    from claims.reviews import Reviews


@dataclass
class RunOptions:
    """How to run: every option of ``run``, ``Pipeline`` and the feed, in one place."""

    model: str | os.PathLike | None = None  # "fast", a name under models/, a folder; None: all-MiniLM-L6-v2
    embedder: Embedder | None = None  # a loaded model (reused across runs); overrides ``model``
    settings: Settings | None = None  # None: Settings(); the model's calibration fills what you did not set
    comparators: list[Comparator] | None = None  # None: claims.compare.default_comparators()
    use_cache: bool = True  # the on-disk embedding cache
    cache_dir: str | os.PathLike | None = None  # None: $CLAIMS_CACHE_DIR, else ~/.cache/claims
    workers: int = 1  # processes for a transformer's embedding
    device: str = "cpu"  # cpu, cuda or auto, for a transformer; a static model runs on numpy
    progress: bool = False  # progress bars on a terminal
    reviews: Reviews | None = None  # earlier review decisions to carry into the report
    warn: Callable[[str], None] | None = None
    log: Callable[[str], None] | None = None


@dataclass
class Stages:
    """One object per stage, in the order they run (see :mod:`claims.stages` for their types)."""

    clean: StageProtocol
    split: StageProtocol
    extract: StageProtocol
    embed: StageProtocol
    cluster: StageProtocol
    candidates: StageProtocol
    compare: StageProtocol
    verify: StageProtocol
    findings: StageProtocol


def default_stages(options: RunOptions) -> Stages:
    """The built-in stages, configured by ``options``: the one place the defaults are made."""
    return Stages(
        clean=CleanStage(), split=SplitStage(), extract=ExtractStage(),
        embed=EmbedStage(options.embedder, model=options.model, device=options.device, workers=options.workers,
                         use_cache=options.use_cache, cache_dir=options.cache_dir),
        cluster=ClusterStage(), candidates=CandidatesStage(), compare=CompareStage(options.comparators),
        verify=_default_verify(), findings=FindingsStage(),
    )


def _default_verify() -> StageProtocol:
    """The trained pair verifier beside the rule flags (claims/verify; models/verifier)."""
    from claims.verify.stage import MentionVerifyStage

    return MentionVerifyStage()


@dataclass
class RunResult:
    """Everything a run found. ``data`` is the JSON contract, built when asked; ``write`` saves HTML and JSON."""

    documents: list[Document]
    claims: list[Claim]
    clusters: list[Cluster]
    flags: list[Flag]
    timings: list[StageTiming]
    settings: Settings
    model_name: str
    model_load_seconds: float = 0.0
    n_candidate_pairs: int = 0
    dropped: dict[str, int] = field(default_factory=dict)  # cleaning: reason -> paragraphs
    cache_hits: int = 0
    reviews: Reviews | None = None
    inputs: list[str] = field(default_factory=list)  # the paths read, so write() can refuse to overwrite one
    notes: list[str] = field(default_factory=list)  # what the reader of the report must know: nothing to compare, cuts
    limits: dict[str, dict] = field(default_factory=dict)  # each limit that cut something: what was kept of how much
    findings: list[Finding] = field(default_factory=list)  # the flags grouped by disputed fact, ranked

    @property
    def n_claims(self) -> int:
        return len(self.claims)

    @property
    def data(self) -> dict:
        """The report data as the result is now (built on every read: keep it if you need it twice),
        with the review decisions applied."""
        from claims.reporting.build import build_report_data

        data = build_report_data(dataclasses.replace(self, documents=[shown_document(d) for d in self.documents]))
        if self.reviews is not None:
            from claims.reviews import apply_reviews

            data = apply_reviews(data, self.reviews)
        return data

    def write(self, html_path: str | os.PathLike | None = None, json_path: str | os.PathLike | None = None) -> dict:
        """Write the HTML and JSON report as a pair: both new, or (on any failure) both as they were.

        Refuses (OutputError) a path that is one of the inputs, or the same file twice. Returns the
        data written.
        """
        from claims.atomic import write_all
        from claims.outputs import check_outputs

        check_outputs(self.inputs, [html_path, json_path])
        started = time.perf_counter()
        data = self.data
        files: list[tuple[str | os.PathLike, Callable]] = []
        # a lone surrogate left anywhere (an explanation quoting a title) cannot be UTF-8: U+FFFD instead;
        # each file is made when it is written (write_all calls these in turn): one large text at a time
        if json_path:
            files.append((json_path, lambda: replace_surrogates(report_json_text(data))))
        if html_path:
            from claims.reporting.render import render_html_chunks

            files.append((html_path, lambda: (replace_surrogates(piece) for piece in render_html_chunks(data))))
        write_all(files)
        self.timings.append(StageTiming("report", time.perf_counter() - started, len(self.flags)))
        return data


class Pipeline:
    """The stages of a run, made once and reused: a loaded model stays loaded between runs.

    ``Pipeline(options)`` runs the built-in stages; ``Pipeline(options, embed=MyEmbedStage())``
    replaces one (any stage name of :class:`Stages`), ``Pipeline(options, stages=Stages(...))`` all.
    """

    def __init__(self, options: RunOptions | None = None, *, stages: Stages | None = None,
                 **replaced: StageProtocol):
        self.options = options or RunOptions()
        unknown = set(replaced) - {f.name for f in dataclasses.fields(Stages)}
        if unknown:
            raise TypeError(f"no stage named {', '.join(sorted(unknown))} (stages: "
                            f"{', '.join(f.name for f in dataclasses.fields(Stages))})")
        self.stages = dataclasses.replace(stages or default_stages(self.options), **replaced)

    def run(self, paths: Sequence[str | os.PathLike] | str | os.PathLike) -> RunResult:
        """Read the articles at ``paths`` (files or folders) and compare them."""
        from claims.read import read_documents

        paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        started = time.perf_counter()
        documents = read_documents(paths, warn=self.options.warn)
        read = StageTiming("read", time.perf_counter() - started, len(documents))
        if self.options.log:
            self.options.log(f"read: {read.seconds:.2f}s ({len(documents)} items)")
        return self.compare(documents, inputs=paths, timings=[read])

    def compare(self, documents: list[Document], *, inputs: Sequence[str | os.PathLike] = (),
                timings: list[StageTiming] | None = None) -> RunResult:
        """Every stage after reading, on ``documents`` (one event of a feed, or read by you).

        ``inputs`` are the paths they came from, which :meth:`RunResult.write` will not overwrite.
        """
        options, stages = self.options, self.stages
        ctx = RunContext(settings=options.settings or Settings(), warn=options.warn, log=options.log,
                         progress=options.progress, timings=list(timings or []))
        for f in dataclasses.fields(Stages):  # a model loads here, timed apart from the stage
            prepare = getattr(getattr(stages, f.name), "prepare", None)
            if prepare:
                prepare(ctx)
        # the comparators' own sections, then the model's thresholds for whatever the caller left
        ctx.settings = ctx.settings.with_comparators(getattr(stages.compare, "comparators", ())).for_model(
            getattr(stages.embed, "calibration", None))

        step = functools.partial(self._timed, ctx=ctx)
        cleaned: Cleaned = step(stages.clean, [encodable(d) for d in documents])
        spans: Spans = step(stages.split, cleaned)
        claims: Claims = step(stages.extract, spans)
        embedded: Embedded = step(stages.embed, claims)
        clustered: Clustered = step(stages.cluster, embedded)
        candidates: Candidates = step(stages.candidates, clustered)
        compared: Compared = step(stages.compare, candidates)
        flags: list[Flag] = self._ranked(step(stages.verify, compared), compared, ctx)
        final = dataclasses.replace(compared, flags=flags)
        findings: list[Finding] = step(stages.findings, final)
        return RunResult(
            documents=final.documents, claims=final.claims, clusters=final.clusters, flags=flags, findings=findings,
            timings=ctx.timings, settings=ctx.settings, model_name=ctx.model_name or type(stages.embed).__name__,
            model_load_seconds=ctx.model_load_seconds, n_candidate_pairs=len(final.pairs), dropped=cleaned.dropped,
            cache_hits=ctx.cache_hits, reviews=options.reviews, inputs=[os.fspath(p) for p in inputs],
            notes=ctx.notes, limits=ctx.limits,
        )

    @staticmethod
    def _timed(stage: StageProtocol, data: Any, ctx: RunContext) -> Any:
        """``stage.run(data)``, its time and item count recorded."""
        started = time.perf_counter()
        out = stage.run(data, ctx)
        items = getattr(stage, "items", None)
        ctx.timed(stage.name, started, items(out) if items else 0)
        return out

    @staticmethod
    def _ranked(flags: list[Flag], compared: Compared, ctx: RunContext) -> list[Flag]:
        """The verifier's flags ranked, then cut to ``settings.limits.flags`` (best first: the cut
        drops the least sure)."""
        from claims.compare import ScoringContext
        from claims.score import rank_flags

        flags = rank_flags(flags, ScoringContext.of(compared, ctx.settings))
        limit = ctx.settings.limits.flags
        if len(flags) > limit:
            found = len(flags)
            flags = flags[:limit]
            ctx.announce("flags", f"showing {limit:,} of {found:,} flags, the highest scored "
                         "(settings.limits.flags, --max-flags)", limit=limit, shown=limit, found=found)
        return flags


def run(paths: Sequence[str | os.PathLike] | str | os.PathLike, options: RunOptions | None = None,
        **changes: Any) -> RunResult:
    """Read articles at ``paths`` and find where they disagree.

    ``options`` (:class:`RunOptions`), or its fields as keywords: ``run(paths, model="fast")``,
    ``run(paths, embedder=loaded, use_cache=False)``; both: the keywords change ``options``.
    Pass a loaded ``embedder`` to reuse a model across calls; add a comparator with
    ``comparators=[*default_comparators(), MyComparator()]``. The embedding thresholds are the
    model's own (its folder's ``claims-settings.json``) unless you set them in ``settings``.
    """
    from claims.arguments import check_options, checked_paths

    options = make_options(options, **changes)
    check_options(**option_values(options))
    return Pipeline(options).run(checked_paths(paths))


def option_values(options: RunOptions) -> dict[str, Any]:
    """The options as keywords, for :func:`claims.arguments.check_options` (no deep copy)."""
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}


def make_options(options: RunOptions | None = None, **changes: Any) -> RunOptions:
    """``options`` (default: ``RunOptions()``) with ``changes``; a misspelt name is a TypeError listing them."""
    try:
        return dataclasses.replace(options or RunOptions(), **changes)
    except TypeError as e:
        names = ", ".join(f.name for f in dataclasses.fields(RunOptions))
        raise TypeError(f"{e}; the options are: {names}") from None


def report_json_text(data: dict) -> str:
    """The report JSON, one top-level key per line and one document, claim, cluster or flag per line.

    Readable and diffable, and written by json's C encoder: ``indent=`` switches to the pure-Python
    encoder, which took 3 s of the 500-article report's 5.
    """
    import json

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(dumps(v) for v in value)
            lines.append(f"{dumps(key)}: [\n  {items}\n ]")
        else:
            lines.append(f"{dumps(key)}: {dumps(value)}")
    return "{\n " + ",\n ".join(lines) + "\n}\n"


