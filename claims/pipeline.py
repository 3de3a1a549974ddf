"""The whole pipeline, stage by stage: read → clean → split → extract → embed → cluster → score → report.

``run(paths)`` is the Python API behind ``claims report``; every stage is a
plain function of the modules named after it, so a notebook can also call
them one at a time.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from claims.display import has_surrogates, replace_surrogates, shown_name
from claims.findings import Finding, build_findings
from claims.reporting.build import build_report_data
from claims.settings import Settings
from claims.types import Claim, Cluster, Document, Flag, Span, StageTiming


@dataclass
class Report:
    """Everything a run found; ``data`` is the JSON contract, ``write`` saves HTML and JSON."""

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
    reviews: dict | None = None
    inputs: list[str] = field(default_factory=list)  # the paths read, so write() can refuse to overwrite one
    notes: list[str] = field(default_factory=list)  # what the reader of the report must know: nothing to compare, cuts
    limits: dict[str, dict] = field(default_factory=dict)  # each limit that cut something: what was kept of how much
    findings: list[Finding] = field(default_factory=list)  # the flags grouped by disputed fact, ranked

    @property
    def n_claims(self) -> int:
        return len(self.claims)

    @functools.cached_property
    def data(self) -> dict:
        """The report data (built on first use, then kept: a report is not changed after the run)."""
        data = build_report_data(dataclasses.replace(self, documents=[_for_display(d) for d in self.documents]))
        if self.reviews is not None:
            from claims.reviews import apply_reviews

            data = apply_reviews(data, self.reviews)
        return data

    def write(self, html_path: str | os.PathLike | None = None, json_path: str | os.PathLike | None = None) -> None:
        """Write the HTML and JSON report as a pair: both new, or (on any failure) both as they were.

        Refuses (OutputError) a path that is one of the inputs, or the same file twice.
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


class _Progress:
    """tqdm bars on a terminal; nothing when quiet or not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
        if not self.enabled or not total:
            yield lambda n: None
            return
        from tqdm import tqdm

        with tqdm(total=total, desc=f"{name:>8}", unit="it", leave=False, file=sys.stderr) as bar:
            yield bar.update


def _cache_for(embedder, cache_dir, warn):
    from claims.cache import EmbeddingCache, default_cache_dir

    return EmbeddingCache(Path(cache_dir) if cache_dir else default_cache_dir(), embedder.model_id, warn=warn)


def run(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    *,
    model: str | os.PathLike | None = None,
    embedder=None,
    settings: Settings | None = None,
    use_cache: bool = True,
    cache_dir: str | os.PathLike | None = None,
    workers: int = 1,
    device: str = "cpu",
    progress: bool = False,
    reviews=None,
    comparators: list | None = None,
    warn: Callable[[str], None] | None = None,
    log: Callable[[str], None] | None = None,
) -> Report:
    """Read articles at ``paths`` and find where they disagree.

    ``embedder`` (anything with ``model_id`` and ``encode``) overrides ``model``;
    pass one to reuse a loaded model across runs. ``comparators`` replaces the
    built-in list (:func:`claims.compare.default_comparators`): add a plug-in there.
    ``device`` (cpu, cuda, auto) places a transformer; a static model always runs on numpy.

    The embedding thresholds (cosine gates) are the model's own: ``settings`` left at their
    code defaults take the values in the model folder's ``claims-settings.json``
    (:meth:`claims.settings.Settings.for_model`); values you set are kept.
    """
    from claims.arguments import check_options, checked_paths
    from claims.read import read_documents

    paths = checked_paths(paths)
    check_options(model=model, embedder=embedder, settings=settings, cache_dir=cache_dir, workers=workers,
                  device=device, reviews=reviews, comparators=comparators, warn=warn, log=log)
    t = time.perf_counter()
    documents = [_encodable(d) for d in read_documents(paths, warn=warn)]
    timings = [StageTiming("read", time.perf_counter() - t, len(documents))]
    if log:
        log(f"read: {timings[0].seconds:.2f}s ({len(documents)} items)")
    return compare_documents(
        documents, inputs=paths, model=model, embedder=embedder, settings=settings, use_cache=use_cache,
        cache_dir=cache_dir, workers=workers, device=device, progress=progress, reviews=reviews,
        comparators=comparators, warn=warn, log=log, timings=timings,
    )


def compare_documents(
    documents: list[Document],
    *,
    inputs: Sequence[str | os.PathLike] = (),
    model: str | os.PathLike | None = None,
    embedder=None,
    settings: Settings | None = None,
    use_cache: bool = True,
    cache_dir: str | os.PathLike | None = None,
    workers: int = 1,
    device: str = "cpu",
    progress: bool = False,
    reviews=None,
    comparators: list | None = None,
    warn: Callable[[str], None] | None = None,
    log: Callable[[str], None] | None = None,
    timings: list[StageTiming] | None = None,
) -> Report:
    """Everything after reading: clean, split, extract, embed, cluster, score, group into findings.

    ``documents`` are already read (:func:`claims.read.read_documents`, or one event of a feed);
    ``inputs`` are the paths they came from, which ``Report.write`` will not overwrite.
    """
    from claims.candidates import candidate_pairs
    from claims.clean import clean
    from claims.cluster import AgglomerativeClusterer, Neighbours
    from claims.compare import ScoringContext
    from claims.extract import extract_all
    from claims.score import score
    from claims.split import claim_spans, sentences

    settings = settings or Settings()
    bars = _Progress(progress)
    timings = timings if timings is not None else []

    def timed(stage: str, started: float, items: int) -> None:
        timings.append(StageTiming(stage, time.perf_counter() - started, items))
        if log:
            log(f"{stage}: {timings[-1].seconds:.2f}s ({items} items)")

    t = time.perf_counter()
    cleaned = [clean(d) for d in documents]
    dropped: dict[str, int] = {}
    for c in cleaned:
        for _, reason in c.dropped:
            dropped[reason] = dropped.get(reason, 0) + 1
    documents = [
        d if d.title or not c.title else dataclasses.replace(d, title=c.title)
        for d, c in zip(documents, cleaned)
    ]
    timed("clean", t, sum(len(c.spans) for c in cleaned))

    notes: list[str] = []
    limits: dict[str, dict] = {}

    def announce(setting: str, message: str, **counts: int) -> None:
        limits[setting] = counts
        notes.append(message)
        if warn:
            warn(message)

    t = time.perf_counter()
    spans = []
    max_chars, max_claims = settings.limits.document_chars, settings.limits.claims_per_document
    long_docs, crowded_docs, claims_found = [], [], 0
    with bars.stage("split", len(cleaned)) as tick:
        for c in cleaned:
            if len(c.doc.text) > max_chars:  # split only the start; the text stays whole so offsets hold
                long_docs.append(c.doc.name)
                c = dataclasses.replace(c, spans=[Span(s.doc, s.start, min(s.end, max_chars))
                                                  for s in c.spans if s.start < max_chars])
            doc_spans = claim_spans(sentences(c), c.doc.text)
            claims_found += len(doc_spans)
            if len(doc_spans) > max_claims:
                crowded_docs.append(c.doc.name)
                doc_spans = doc_spans[:max_claims]
            spans.extend(doc_spans)
            tick(1)
    timed("split", t, len(spans))
    if long_docs:
        announce("document_chars", f"only the first {max_chars:,} characters of {_names(long_docs)} were read "
                 "for claims (settings.limits.document_chars)", limit=max_chars, documents=len(long_docs))
    if crowded_docs:
        announce("claims_per_document", f"kept the first {max_claims:,} claims of {_names(crowded_docs)}: "
                 f"showing {len(spans):,} of {claims_found:,} claims (settings.limits.claims_per_document)",
                 limit=max_claims, shown=len(spans), found=claims_found, documents=len(crowded_docs))

    t = time.perf_counter()
    with bars.stage("extract", len(spans)) as tick:
        claims = extract_all(spans, tick)
    timed("extract", t, len(claims))
    if len({c.doc for c in claims}) < 2:  # a headline only, "***": a report, not a crash
        notes.append(_nothing_to_compare(documents, claims))
        if warn:
            warn(notes[-1])

    t = time.perf_counter()
    load_seconds = 0.0
    if embedder is None:
        from claims.embed import load_embedder

        embedder = load_embedder(model, device=device, workers=workers)
        load_seconds = time.perf_counter() - t
        timed("load model", t, 1)
    settings = settings.for_model(getattr(embedder, "calibration", None))
    cache_hits = 0
    t = time.perf_counter()
    encoder = embedder
    if use_cache:
        from claims.embed import CachedEmbedder

        encoder = CachedEmbedder(embedder, _cache_for(embedder, cache_dir, warn))
    # each distinct text once: repeated wire paragraphs are the same vectors
    distinct = list(dict.fromkeys(c.text for c in claims))
    with bars.stage("embed", len(distinct)) as tick:
        vectors = encoder.encode(distinct, tick) if claims else np.zeros((0, 1), np.float32)
    if claims and len(distinct) < len(claims):
        row = {text: i for i, text in enumerate(distinct)}
        vectors = vectors[[row[c.text] for c in claims]]
    if use_cache:
        cache_hits = encoder.hits
        encoder.cache.close()
    timed("embed", t, len(claims))

    t = time.perf_counter()
    clusterer = AgglomerativeClusterer(settings.cluster.distance_threshold, settings.cluster.bucket_size)
    buckets = clusterer.buckets(vectors)
    labels = clusterer.fit(vectors, buckets)
    neighbours = Neighbours.build(vectors, settings.cluster.neighbours, buckets) if len(claims) > 1 else None
    for c, label in zip(claims, labels):
        c.cluster = int(label)
    clusters = _clusters(claims)
    timed("cluster", t, len(clusters))

    t = time.perf_counter()
    pairs = candidate_pairs(claims, vectors, neighbours, labels, settings.candidates) if neighbours else []
    timed("candidates", t, len(pairs))

    t = time.perf_counter()
    ctx = ScoringContext(
        documents={d.id: _for_display(d) for d in documents},  # explanations name the files
        claims={c.id: c for c in claims},
        index={c.id: i for i, c in enumerate(claims)}, vectors=vectors, settings=settings,
    )
    with bars.stage("score", len(pairs)) as tick:
        flags = score(claims, pairs, ctx, comparators=comparators, progress=tick)
    timed("score", t, len(flags))
    if len(flags) > settings.limits.flags:  # ranked best first: the cut drops the least sure
        found = len(flags)
        flags = flags[: settings.limits.flags]
        announce("flags", f"showing {len(flags):,} of {found:,} flags, the highest scored "
                 "(settings.limits.flags, --max-flags)", limit=settings.limits.flags, shown=len(flags), found=found)

    findings = build_findings(flags, ctx.claims, ctx.documents)
    return Report(
        documents=documents, claims=claims, clusters=clusters, flags=flags, findings=findings, timings=timings,
        settings=settings, model_name=getattr(embedder, "name", embedder.model_id),
        model_load_seconds=load_seconds, n_candidate_pairs=len(pairs), dropped=dropped,
        cache_hits=cache_hits, reviews=reviews, inputs=[os.fspath(p) for p in inputs], notes=notes,
        limits=limits,
    )


_NAMES_IN_MESSAGE = 3  # a warning naming 5,000 files would not be one readable line


def _names(names: list[str]) -> str:
    """'a.txt, b.txt, c.txt and 4 more documents', for a one-line message."""
    listed = ", ".join(shown_name(n) for n in names[:_NAMES_IN_MESSAGE])
    more = len(names) - _NAMES_IN_MESSAGE
    return listed + (f" and {more} more documents" if more > 0 else "")


def _encodable(doc: Document) -> Document:
    """``doc`` with lone surrogates (JSON "\\ud800") in its text fields made U+FFFD, lengths kept,
    so the tokenizer and the report can encode them and every offset stays valid."""
    changes = {f: replace_surrogates(getattr(doc, f)) for f in ("text", "title", "date", "outlet", "url")
               if isinstance(getattr(doc, f), str) and has_surrogates(getattr(doc, f))}
    return dataclasses.replace(doc, **changes) if changes else doc


def _for_display(doc: Document) -> Document:
    """``doc`` with its path as a reader should see it (undecodable bytes, bidi controls visible)."""
    shown = shown_name(doc.path)
    return doc if shown == doc.path else dataclasses.replace(doc, path=shown)


def _nothing_to_compare(documents: list[Document], claims: list[Claim]) -> str:
    with_claims = len({c.doc for c in claims})
    return (f"nothing to compare: {with_claims} of {len(documents)} document{'s' if len(documents) != 1 else ''} "
            f"held a checkable claim ({len(claims)} claim{'s' if len(claims) != 1 else ''}); "
            "disagreements need claims from two documents")


def _clusters(claims: list[Claim]) -> list[Cluster]:
    """Clusters with more than one claim, labelled by their most central-looking (shortest) claim."""
    members: dict[int, list[Claim]] = {}
    for c in claims:
        members.setdefault(c.cluster, []).append(c)
    out = []
    for label, group in sorted(members.items()):
        if len(group) < 2:
            continue
        name = min((c.text for c in group), key=len)
        out.append(Cluster(label, [c.id for c in group], name[:90]))
    return out
