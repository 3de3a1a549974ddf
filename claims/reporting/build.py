"""Build the report data: the JSON contract (:data:`claims.reporting.schema.SCHEMA`; see
README, "The JSON contract", and :mod:`claims.reporting.schema` for its history).

Templates never compute anything: all they show comes from this dict, which is
also what ``report.json`` holds. Flag kinds' labels and the confidence thresholds
are written into it here, from the comparators' registry, so neither the
renderer nor report.js keeps a copy.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from datetime import datetime, timezone
from typing import Protocol

import claims
from claims.compare import default_comparators, kind_info
from claims.findings import Finding
from claims.reporting.schema import SCHEMA
from claims.reviews import DECISION_KEYS, DECISION_LABELS
from claims.settings import Settings
from claims.types import Claim, Cluster, Document, Flag, StageTiming


class ReportParts(Protocol):
    """What the report data is built from (:class:`claims.pipeline.Report` has it); a protocol,
    so this module does not import the pipeline that imports it."""

    documents: list[Document]
    claims: list[Claim]
    clusters: list[Cluster]
    flags: list[Flag]
    findings: list[Finding]
    timings: list[StageTiming]
    settings: Settings
    model_name: str
    n_candidate_pairs: int
    dropped: dict[str, int]
    notes: list[str]
    limits: dict[str, dict]

# A flag scored at or above "high" is shown as high confidence, at or above "medium" as
# medium, else low. Written into the data (``confidence``): render.py and report.js read it there.
CONFIDENCE = {"high": 0.75, "medium": 0.5}


def builtin_kinds() -> list[str]:
    """The kinds the built-in comparators emit, in the order they run."""
    out: list[str] = []
    for comparator in default_comparators():
        for kind in (comparator.kind, *(extra.kind for extra in comparator.extra_kinds)):
            if kind not in out:
                out.append(kind)
    return out


def kinds_table(flag_kinds=()) -> dict[str, dict[str, str]]:
    """``{kind: {label, description}}`` for every built-in kind, then every other kind in
    ``flag_kinds`` (a plug-in's, registered or not) in sorted order."""
    kinds = builtin_kinds()
    kinds += sorted(set(flag_kinds) - set(kinds))
    return {k: {"label": kind_info(k).label, "description": kind_info(k).description} for k in kinds}


def _finite(x: float) -> float | None:
    return None if x in (float("inf"), float("-inf")) else round(x, 6)


def _plain(fact) -> dict:
    """A fact's fields as a dict; its values are plain (str, int, float, bool, None), so a shallow
    copy is enough (``dataclasses.asdict`` deep-copies recursively: 4 s for 27,000 claims)."""
    return dict(vars(fact))


def _quantity(q) -> dict:
    d = _plain(q)
    d["low"], d["high"] = _finite(q.low), _finite(q.high)
    return d


def report_id(report: ReportParts) -> str:
    h = hashlib.sha1()
    for d in sorted(report.documents, key=lambda d: d.path):
        h.update(d.path.encode("utf-8") + b"\0" + d.text.encode("utf-8") + b"\0")
    return h.hexdigest()


def build_report_data(report: ReportParts) -> dict:
    n_claims = Counter(c.doc for c in report.claims)
    documents = [
        {"id": d.id, "path": d.path, "name": d.name, "title": d.title, "date": d.date,
         "outlet": d.outlet, "url": d.url, "n_claims": n_claims[d.id], "text": d.text}
        for d in report.documents
    ]
    claims_out = []
    for c in report.claims:
        claims_out.append({
            "id": c.id, "doc": c.doc, "start": c.start, "end": c.end, "text": c.text,
            "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "cluster": c.cluster,
            "attribution": c.attribution, "negated": c.negated, "hedged": c.hedged,
            "quantities": [_quantity(q) for q in c.quantities],
            "dates": [_plain(d) for d in c.dates],
            "people": [_plain(p) for p in c.people],
        })
    flags = [
        {"id": f.id, "a": f.a, "b": f.b, "kind": f.kind, "score": f.score, "explanation": f.explanation,
         "cluster": f.cluster, "group": f.group, "similar": f.similar,
         "highlights": {"a": [_plain(h) for h in f.highlights_a],
                        "b": [_plain(h) for h in f.highlights_b]}}
        for f in report.flags
    ]
    s = report.settings
    return {
        "schema": SCHEMA,
        "generator": {
            "name": "claims", "version": claims.__version__, "model": report.model_name,
            "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "thresholds": {"cluster_distance": s.cluster.distance_threshold, "neighbours": s.cluster.neighbours,
                           "min_similarity": s.candidates.min_similarity, "min_score": s.score.min_score},
            "timings": [{"stage": t.stage, "seconds": round(t.seconds, 4), "items": t.items} for t in report.timings],
            "candidate_pairs": report.n_candidate_pairs,
            "dropped_paragraphs": report.dropped,
        },
        "settings": s.explain(),
        "report_id": report_id(report),
        "documents": documents,
        "claims": claims_out,
        "clusters": [{"id": c.id, "label": c.label, "claims": c.claims} for c in report.clusters],
        "flags": flags,
        "findings": [finding_data(x) for x in report.findings],
        "summary": {
            "n_documents": len(documents), "n_claims": len(claims_out), "n_flags": len(flags),
            "n_findings": len(report.findings),
            "flags_by_kind": dict(Counter(f["kind"] for f in flags)),
        },
        "notes": list(report.notes),
        "limits": {k: dict(v) for k, v in report.limits.items()},
        "kinds": kinds_table(f["kind"] for f in flags),
        "confidence": dict(CONFIDENCE),
        "decisions": decisions_table(),
    }


def finding_data(x: Finding) -> dict:
    return {
        "id": x.id, "rank": x.rank, "kind": x.kind, "subject": x.subject, "label": x.label,
        "summary": x.summary, "notes": list(x.notes), "score": x.score, "flags": list(x.flags),
        "attached_to": x.attached_to,
        "values": [{"value": v.value, "shown": v.shown, "standing": v.standing, "documents": list(v.documents),
                    "sources": [{"claim": s.claim, "doc": s.doc, "shown": s.shown} for s in v.sources]}
                   for v in x.values],
    }


def decisions_table() -> dict[str, dict[str, str]]:
    """``{decision: {label, key}}``: how the report names each review decision and its key."""
    return {d: {"label": DECISION_LABELS[d], "key": DECISION_KEYS[d]} for d in DECISION_LABELS}
