"""The HTML report's view model: everything the page shows, decided once, in Python.

:func:`build_view` turns report data (a dict of any readable schema version, with
``kinds`` and ``confidence`` filled in by :func:`with_defaults`) into a
:class:`ReportView`, a tree of dataclasses, the way coverage.py's ``html.py``
builds ``FileData`` before its templates run. Every label, rank, confidence,
safe link, document-order position and the reviews export format is set here.

Two readers display it and compute nothing of their own:

* ``templates/report.html.j2`` renders the whole page from it (readable and
  printable with JavaScript off);
* ``templates/report.js`` gets :meth:`ReportView.script_data`, the part it needs
  to filter, sort, review and export, as JSON embedded in the page, and reads
  the rest from the rendered page's ``data-*`` attributes.

The report data (``report.json``) is not changed by any of this: the view model
exists only for the HTML.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from claims.compare import kind_info
from claims.display import shown_name
from claims.reporting.build import CONFIDENCE, decisions_table, kinds_table
from claims.reporting.schema import SCHEMA
from claims.reviews import REVIEWS_SCHEMA

# with at most this many documents a cluster is a table with one column per document;
# with more, one row per document that says something and a list of the silent ones
MAX_COLUMNS = 6
# a cluster's silent documents are named up to this many; past it only counted (500 names under
# each of 800 clusters were 8 of a 500-article report's 30 MB, and nobody reads such a list)
MAX_SILENT_NAMED = 12
# the badge of a finding or pair nobody has decided on
UNDECIDED_LABEL = "Not reviewed"
# how a finding's value stands among the articles, as its badge says it
STANDING_LABELS = {"majority": "most articles", "outlier": "outlier"}

# An address a link may point at: http(s) only, nothing that a browser would run or load
# (javascript:, data:, relative). report.js applies the same pattern (``web_address`` in
# its data) to the addresses a reviewer types for a ClaimReview; it has no copy of its own.
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def with_defaults(data: dict) -> dict:
    """``data`` with ``kinds`` and ``confidence`` filled in where it lacks them (version 1 data),
    from the same functions build uses; data that has them is returned as it is."""
    missing: dict[str, Any] = {}
    if not isinstance(data.get("kinds"), dict):
        missing["kinds"] = kinds_table(f.get("kind") for f in data.get("flags") or [] if isinstance(f.get("kind"), str))
    if not isinstance(data.get("confidence"), dict):
        missing["confidence"] = dict(CONFIDENCE)
    return {**data, **missing} if missing else data


def confidence(score: float, thresholds: dict | None = None) -> str:
    """"high", "medium" or "low", by the data's ``confidence`` thresholds."""
    t = thresholds or CONFIDENCE
    return "high" if score >= _number(t.get("high"), 1) else "medium" if score >= _number(t.get("medium"), 1) else "low"


def kind_label(kinds: dict, kind: str) -> str:
    """The data's label for ``kind``; an unknown kind (a plug-in's) gets a plain fallback."""
    entry = kinds.get(kind)
    label = entry.get("label") if isinstance(entry, dict) else None
    return label if isinstance(label, str) and label else kind_info(kind).label


def kind_description(kinds: dict, kind: str) -> str:
    """The data's description of ``kind``, else the registry's, else the kind's name."""
    entry = kinds.get(kind)
    text = entry.get("description") if isinstance(entry, dict) else None
    return text if isinstance(text, str) and text else kind_info(kind).description or kind


def web_link(url: Any) -> str | None:
    """``url`` if it is an http(s) address a link may point at, else None (``javascript:``,
    ``data:``, relative or odd addresses are shown as text, never linked)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _WEB_URL.fullmatch(url) else None


def doc_meta(doc: dict) -> str:
    """"Fox News, 2012-08-02": the outlet and date shown beside a document's name."""
    return ", ".join(str(doc[k]) for k in ("outlet", "date") if doc.get(k))


# --- the view model -----------------------------------------------------------------


@dataclass(frozen=True)
class DecisionView:
    """A review decision: its code in exports and storage, its label, its key."""

    code: str
    label: str
    key: str


@dataclass
class KindView:
    """A flag kind present in the report, with how many flags it has."""

    kind: str
    label: str
    description: str
    count: int


@dataclass
class DocumentView:
    id: str
    name: str  # shown_name'd: no control or bidirectional character can disguise it
    path: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None  # as the article gave it, shown as text when it is not a web link
    link: str | None  # the url when it is an http(s) address, else None
    short_name: str  # the outlet, else the name: how a hint or a source line names the article
    n_claims: int
    n_flags: int
    tokens: list[tuple[str, str]]  # ("text", s) | ("open", claim id) | ("close", ""), see _source_tokens


@dataclass
class SideView:
    """One claim of a pair (or a source of a finding's value), in its sentence."""

    label: str  # "A", "B", or "" for a finding's source
    claim_id: str
    claim_text: str
    start: Any
    end: Any
    doc_id: str
    doc_name: str
    doc_meta: str
    segments: list[tuple[str, str]]  # see context_segments
    tags: list[str]


@dataclass
class FlagView:
    """A flagged pair of claims, with everything its card, the filters and the exports show."""

    id: str
    rank: int  # 1 = highest score; ties keep the build order
    doc_rank: int  # position when sorted by where claim A, then claim B, sits in the documents
    kind: str
    kind_label: str
    kind_description: str
    score: float
    score_text: str
    confidence: str
    explanation: str
    cluster: Any  # a known cluster's id, else None
    cluster_label: str
    new: bool
    decision: str  # the decision carried from an earlier review, or ""
    decision_label: str
    note: str
    time: str
    sides: tuple[SideView, SideView]
    search: str  # what the search box matches: ids, kind, texts, document names, titles, outlets


@dataclass
class SourceView(SideView):
    """An article that states a finding's value."""

    outlet: str | None = None
    date: str | None = None
    link: str | None = None
    shown: Any = None


@dataclass
class ValueView:
    value: str
    shown: str
    standing: str
    standing_label: str
    n_documents: int
    sources: list[SourceView]


@dataclass
class FindingView:
    """A disputed fact: its values with the articles behind each, its flags as evidence."""

    id: str
    rank: Any
    kind: str
    kind_label: str
    label: str
    subject: str
    summary: str
    notes: list[str]
    score_text: str
    confidence: str
    new: bool
    value_rows: list[ValueView]
    flags: list[dict]  # {"id", "explanation"} of each flag of the finding
    attached_to: str | None  # the finding whose figure this one may garble, when it is in the report
    attached_rank: Any
    decision: str
    decision_label: str
    review: dict | None  # the verdict carried from an earlier review, as the data holds it


@dataclass
class ClusterClaimView:
    id: str
    segments: list[tuple[str, bool]]  # see _value_segments
    flags: list[tuple[str, str, str]]  # (flag id, kind, "Numbers differ #3")


@dataclass
class ClusterCellView:
    doc_id: str
    doc_name: str
    claims: list[ClusterClaimView]


@dataclass
class ClusterView:
    id: Any
    label: str
    n_docs: int
    n_claims: int
    cells: list[ClusterCellView]
    n_silent: int
    silent: list[str]
    flags: list[FlagView]


@dataclass
class GeneratorView:
    name: str
    version: str
    model: str
    created: str
    thresholds: list[tuple[str, Any]]
    timings: list[dict]


@dataclass
class ReportView:
    """The whole page."""

    schema: str
    report_id: str
    generator: GeneratorView
    documents: list[DocumentView]
    n_claims: int
    notes: list[str]  # what a reader must know before trusting the list: limits that cut it
    kinds: list[KindView]
    flags: list[FlagView]
    findings: list[FindingView]
    clusters: list[ClusterView]
    columns: bool
    decisions: list[DecisionView]
    home: str  # the tab the report opens on: findings when there are any
    reviews_schema: str  # the format of the decisions export, as claims.reviews reads it
    export_stem: str  # exported files are named <stem>-decisions.json and so on
    max_silent_named: int = MAX_SILENT_NAMED
    undecided_label: str = UNDECIDED_LABEL
    web_address: str = field(default=_WEB_URL.pattern)

    def script_data(self) -> dict:
        """What report.js reads, as plain JSON values: for filtering, sorting and keyboard review
        of the pairs, the verdicts on findings, and the exports. Cut from this view, so the page
        and the script cannot disagree. Documents and claims are tables that pairs and findings
        name by id: each claim's text is in it once (2,000 pairs and their findings name 4,000)."""
        claims: dict[str, dict] = {}
        for side in [s for f in self.flags for s in f.sides] + [s for x in self.findings for v in x.value_rows
                                                                 for s in v.sources]:
            claims.setdefault(side.claim_id, {"doc": side.doc_id, "start": side.start, "end": side.end,
                                              "text": side.claim_text})
        return {
            "report_id": self.report_id,
            "home": self.home,
            "reviews_schema": self.reviews_schema,
            "generator": {"name": self.generator.name, "version": self.generator.version},
            "export_stem": self.export_stem,
            "web_address": self.web_address,
            "undecided_label": self.undecided_label,
            "decisions": [{"code": d.code, "label": d.label, "key": d.key} for d in self.decisions],
            "documents": {d.id: {"name": d.name, "path": d.path, "outlet": d.outlet, "date": d.date, "link": d.link,
                                 "short_name": d.short_name} for d in self.documents},
            "claims": claims,
            "flags": [{
                "id": f.id, "rank": f.rank, "doc_rank": f.doc_rank, "kind": f.kind, "score": f.score, "new": f.new,
                "explanation": f.explanation, "claims": [f.sides[0].claim_id, f.sides[1].claim_id],
                "docs": [f.sides[0].doc_id, f.sides[1].doc_id], "search": f.search,
                "review": {"decision": f.decision, "note": f.note, "time": f.time} if f.decision or f.note else None,
            } for f in self.flags],
            "findings": [{
                "id": x.id, "rank": x.rank, "kind": x.kind, "subject": x.subject, "label": x.label, "new": x.new,
                "review": x.review,
                "values": [{"value": v.value, "shown": v.shown, "sources": [s.claim_id for s in v.sources]}
                           for v in x.value_rows],
            } for x in self.findings],
        }


def build_view(data: dict) -> ReportView:
    """The view model of ``data`` (report data of a readable version, given ``kinds`` and
    ``confidence`` by :func:`with_defaults`)."""
    # file names as a reader should see them: "\u202e" or undecodable bytes made visible, so no
    # name can pose as another (the pipeline's data already is; data from elsewhere may not be)
    documents = [dict(d, **{k: shown_name(d[k]) for k in ("name", "path") if isinstance(d.get(k), str)})
                 for d in data.get("documents") or []]
    docs = {d["id"]: d for d in documents}
    claims = {c["id"]: c for c in data.get("claims") or []}
    clusters = {c["id"]: c for c in data.get("clusters") or []}
    kind_table = data.get("kinds") or {}
    thresholds = data.get("confidence") or {}
    decisions = _decisions(data.get("decisions"))
    labels = {d.code: d.label for d in decisions}

    flags = _flag_views(data, docs, claims, clusters, kind_table, thresholds, labels)
    flags_per_doc: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    for f in flags:
        for doc_id in {f.sides[0].doc_id, f.sides[1].doc_id}:
            flags_per_doc[doc_id] = flags_per_doc.get(doc_id, 0) + 1
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
    kinds = [k for k in kind_table if by_kind.get(k)] + sorted(k for k in by_kind if k not in kind_table)

    claims_by_doc: dict[str, list[dict]] = {}
    for c in claims.values():  # once, not once per document: 500 x 27,000 was 14 s
        claims_by_doc.setdefault(c.get("doc"), []).append(c)
    generator = dict(data.get("generator") or {})
    run_thresholds = generator.get("thresholds") or {}
    findings = _finding_views(data, docs, claims, kind_table, thresholds, labels)
    report_id = data.get("report_id") or ""
    return ReportView(
        schema=data.get("schema") or SCHEMA,
        report_id=report_id,
        generator=GeneratorView(
            name=generator.get("name") or "claims",
            version=generator.get("version") or "",
            model=generator.get("model") or "",
            created=generator.get("created") or "",
            thresholds=[(k, run_thresholds[k]) for k in sorted(run_thresholds)],
            timings=generator.get("timings") or [],
        ),
        documents=[
            DocumentView(
                id=d["id"],
                name=d.get("name") or d.get("path") or d["id"],
                path=d.get("path") or "",
                title=d.get("title"),
                date=d.get("date"),
                outlet=d.get("outlet"),
                url=d.get("url") if isinstance(d.get("url"), str) else None,
                link=web_link(d.get("url")),
                short_name=d.get("outlet") or d.get("name") or d.get("path") or d["id"],
                n_claims=d.get("n_claims", len(claims_by_doc.get(d["id"], []))),
                n_flags=flags_per_doc.get(d["id"], 0),
                tokens=_source_tokens(d.get("text") or "", claims_by_doc.get(d["id"], [])),
            )
            for d in documents
        ],
        n_claims=len(claims),
        notes=[str(n) for n in data.get("notes") or []],
        kinds=[KindView(k, kind_label(kind_table, k), kind_description(kind_table, k), by_kind[k]) for k in kinds],
        flags=flags,
        findings=findings,
        clusters=_cluster_views(data, docs, claims, clusters, flags),
        columns=len(documents) <= MAX_COLUMNS,
        decisions=decisions,
        home="findings" if findings else "overview",
        reviews_schema=REVIEWS_SCHEMA,
        export_stem="claims-" + (report_id[:10] or "report"),
    )


def _decisions(table: Any) -> list[DecisionView]:
    """The data's decisions (claims.reviews names them; build writes them), else today's."""
    if not isinstance(table, dict) or not table:
        table = decisions_table()
    out = []
    for code, entry in table.items():
        entry = entry if isinstance(entry, dict) else {}
        out.append(DecisionView(str(code), str(entry.get("label") or code), str(entry.get("key") or "")))
    return out


def _flag_views(data: dict, docs: dict, claims: dict, clusters: dict, kind_table: dict,
                thresholds: dict, labels: dict[str, str]) -> list[FlagView]:
    order = {d_id: i for i, d_id in enumerate(docs)}
    ranked = sorted(data.get("flags") or [], key=lambda f: -_number(f.get("score"), 0))  # stable: build order on ties
    views: list[FlagView] = []
    for f in ranked:
        a, b = claims.get(f.get("a")), claims.get(f.get("b"))
        if a is None or b is None or a.get("doc") not in docs or b.get("doc") not in docs:
            continue  # a flag must point at claims of known documents; the build step guarantees it
        highlights = f.get("highlights") or {}
        cluster = f.get("cluster")
        score = _number(f.get("score"), 0)
        review = f.get("review") if isinstance(f.get("review"), dict) else {}
        decision = review.get("decision") if review.get("decision") in labels else ""
        da, db = docs[a["doc"]], docs[b["doc"]]
        label = kind_label(kind_table, f["kind"])
        views.append(FlagView(
            id=f["id"],
            rank=len(views) + 1,
            doc_rank=0,  # set below, once every flag is ranked
            kind=f["kind"],
            kind_label=label,
            kind_description=kind_description(kind_table, f["kind"]),
            score=score,
            score_text=f"{score:.2f}",
            confidence=confidence(score, thresholds),
            explanation=f.get("explanation") or "",
            cluster=cluster if cluster in clusters else None,
            cluster_label=(clusters[cluster].get("label") or "") if cluster in clusters else "",
            new=bool(f.get("new")),
            decision=decision,
            decision_label=labels.get(decision, UNDECIDED_LABEL),
            note=review.get("note") if isinstance(review.get("note"), str) else "",
            time=review.get("time") if isinstance(review.get("time"), str) else "",
            sides=(_side("A", a, da, highlights.get("a") or []), _side("B", b, db, highlights.get("b") or [])),
            search="\n".join(str(s) for s in (
                f["id"], f["kind"], label, f.get("explanation") or "", a.get("text") or "", b.get("text") or "",
                da.get("name") or "", db.get("name") or "", da.get("title") or "", db.get("title") or "",
                da.get("outlet") or "", db.get("outlet") or "")),
        ))

    def where(f: FlagView) -> tuple:
        a, b = f.sides
        return order[a.doc_id], _start(a.start), order[b.doc_id], _start(b.start), f.rank

    for i, f in enumerate(sorted(views, key=where)):
        f.doc_rank = i + 1
    return views


def _finding_views(data: dict, docs: dict, claims: dict, kind_table: dict, thresholds: dict,
                   labels: dict[str, str]) -> list[FindingView]:
    """One card per finding: its values, each with the articles that state it and the claim in
    context (the value highlighted), its flags as evidence. Data without findings (version 1
    or 2) has none: the flags view still shows everything."""
    flags = {f.get("id"): f for f in data.get("flags") or []}
    findings = data.get("findings") or []
    rank_of = {x.get("id"): x.get("rank") for x in findings}
    views = []
    for x in sorted(findings, key=lambda x: _clamp(x.get("rank"), 0, 10**9)):
        evidence = [flags[fid] for fid in x.get("flags") or [] if fid in flags]
        values = []
        for v in x.get("values") or []:
            sources = []
            for src in v.get("sources") or []:
                claim, doc = claims.get(src.get("claim")), docs.get(src.get("doc"))
                if claim is None or doc is None:
                    continue
                highlights = [h for f in evidence for side in ("a", "b") if f.get(side) == claim["id"]
                              for h in (f.get("highlights") or {}).get(side) or []]
                side = _side("", claim, doc, highlights)
                sources.append(SourceView(**vars(side), outlet=doc.get("outlet"), date=doc.get("date"),
                                          link=web_link(doc.get("url")), shown=src.get("shown")))
            values.append(ValueView(
                value=v.get("value") or "", shown=v.get("shown") or v.get("value") or "",
                standing=v.get("standing") or "", standing_label=STANDING_LABELS.get(v.get("standing") or "", ""),
                n_documents=len(v.get("documents") or []), sources=sources))
        review = x.get("review") if isinstance(x.get("review"), dict) else None
        decision = (review or {}).get("decision")
        decision = decision if decision in labels else ""
        score = _number(x.get("score"), 0)
        attached = x.get("attached_to")
        kind = x.get("kind") or ""
        views.append(FindingView(
            id=x["id"], rank=x.get("rank"), kind=kind, kind_label=kind_label(kind_table, kind),
            label=x.get("label") or kind_label(kind_table, kind), subject=x.get("subject") or "",
            summary=x.get("summary") or "", notes=[str(n) for n in x.get("notes") or []],
            score_text=f"{score:.2f}", confidence=confidence(score, thresholds), new=bool(x.get("new")),
            value_rows=values,
            flags=[{"id": f["id"], "explanation": f.get("explanation") or ""} for f in evidence],
            attached_to=attached if attached in rank_of else None,
            attached_rank=rank_of.get(attached),
            decision=decision,
            decision_label=labels.get(decision, UNDECIDED_LABEL),
            review=review,
        ))
    return views


def _number(value: Any, default: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return default
    return x if math.isfinite(x) else default


def _start(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _clamp(value: Any, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(value)))
    except (TypeError, ValueError):
        return lo


def _side(label: str, claim: dict, doc: dict, highlights: list[dict]) -> SideView:
    return SideView(
        label=label,
        claim_id=claim["id"],
        claim_text=claim.get("text") or "",
        start=claim.get("start"),
        end=claim.get("end"),
        doc_id=doc["id"],
        doc_name=doc.get("name") or doc.get("path") or doc["id"],
        doc_meta=doc_meta(doc),
        segments=context_segments(doc.get("text") or "", claim, highlights),
        tags=[t for t in (f"attributed: {claim['attribution']}" if claim.get("attribution") else "",
                          "hedged" if claim.get("hedged") else "", "negated" if claim.get("negated") else "") if t],
    )


def context_segments(text: str, claim: dict, highlights: list[dict]) -> list[tuple[str, str]]:
    """The claim's sentence as ``(text, css class)`` pieces.

    The class is ``""`` for surrounding context, ``"claim"`` for the claim
    itself, ``"hl"`` / ``"hl claim"`` for a highlighted value.
    """
    n = len(text)
    start, end = _clamp(claim.get("start"), 0, n), _clamp(claim.get("end"), 0, n)
    end = max(start, end)
    s0 = min(_clamp(claim.get("sentence_start", start), 0, n), start)
    s1 = max(_clamp(claim.get("sentence_end", end), 0, n), end)
    spans = []
    for h in highlights:
        h0, h1 = _clamp(h.get("start"), s0, s1), _clamp(h.get("end"), s0, s1)
        if h1 > h0:
            spans.append((h0, h1))
    points = sorted({s0, s1, start, end, *(p for span in spans for p in span)})
    out: list[tuple[str, str]] = []
    for p, q in zip(points, points[1:]):
        in_claim = start <= p and q <= end and end > start
        hl = any(h0 <= p and q <= h1 for h0, h1 in spans)
        cls = ("hl claim" if in_claim else "hl") if hl else ("claim" if in_claim else "")
        if out and out[-1][1] == cls:
            out[-1] = (out[-1][0] + text[p:q], cls)
        else:
            out.append((text[p:q], cls))
    return out


def _source_tokens(text: str, claims: list[dict]) -> list[tuple[str, str]]:
    """A document's text as ``("text", s)``, ``("open", claim id)``, ``("close", "")`` tokens.

    Claims become nested spans; one that overlaps another partly is cut at the
    end of the one it starts in, and an empty one still gets its anchor.
    """
    n = len(text)
    items = sorted(
        ((_clamp(c.get("start"), 0, n), _clamp(c.get("end"), 0, n), c["id"]) for c in claims),
        key=lambda t: (t[0], -t[1]),
    )
    tokens: list[tuple[str, str]] = []
    pos, stack = 0, []

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            tokens.append(("text", text[pos:upto]))
            pos = upto

    for s, e, cid in items:
        while stack and stack[-1] <= s:
            emit(stack.pop())
            tokens.append(("close", ""))
        if stack:
            e = min(e, stack[-1])
        emit(s)
        tokens.append(("open", cid))
        stack.append(max(e, s))
    while stack:
        emit(stack.pop())
        tokens.append(("close", ""))
    emit(n)
    return tokens


def _value_segments(claim: dict, text: str) -> list[tuple[str, bool]]:
    """The claim's text as ``(text, is_value)`` pieces, its numbers and dates marked,
    so a cluster table shows at a glance which values agree."""
    start, end = claim.get("start"), claim.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != claim.get("text"):
        return [(claim.get("text") or "", False)]
    spans = sorted(
        (m["start"], m["end"]) for m in (claim.get("quantities") or []) + (claim.get("dates") or [])
        if isinstance(m.get("start"), int) and isinstance(m.get("end"), int) and start <= m["start"] < m["end"] <= end
    )
    out, pos = [], start
    for s0, s1 in spans:
        if s0 < pos:
            continue  # overlaps the previous mark
        if s0 > pos:
            out.append((text[pos:s0], False))
        out.append((text[s0:s1], True))
        pos = s1
    if end > pos:
        out.append((text[pos:end], False))
    return out


def _cluster_views(data: dict, docs: dict, claims: dict, clusters: dict, flags: Iterable[FlagView]) -> list[ClusterView]:
    flagged: dict[str, list[FlagView]] = {}  # claim id -> flags it is in
    cluster_flags: dict[Any, list[FlagView]] = {}
    for f in flags:
        for side in f.sides:
            flagged.setdefault(side.claim_id, []).append(f)
        ids = {f.cluster} | {claims[s.claim_id].get("cluster") for s in f.sides}
        for cid in ids:
            if cid in clusters:
                cluster_flags.setdefault(cid, []).append(f)
    order = [d["id"] for d in data.get("documents") or []]
    out = []
    for cl in data.get("clusters") or []:
        members = [claims[c] for c in cl.get("claims") or [] if c in claims and claims[c].get("doc") in docs]
        by_doc: dict[str, list[dict]] = {}
        for c in members:
            by_doc.setdefault(c["doc"], []).append(c)
        cflags = cluster_flags.get(cl["id"], [])
        if len(by_doc) < 2 and not cflags:
            continue
        cells = [
            ClusterCellView(
                doc_id=doc_id,
                doc_name=docs[doc_id].get("name") or doc_id,
                claims=[
                    ClusterClaimView(c["id"], _value_segments(c, docs[doc_id].get("text") or ""),
                                     [(f.id, f.kind, f"{f.kind_label} #{f.rank}") for f in flagged.get(c["id"], [])])
                    for c in sorted(by_doc.get(doc_id, []), key=lambda c: c.get("start") or 0)
                ],
            )
            for doc_id in order
        ]
        silent = [c.doc_name for c in cells if not c.claims]
        out.append(ClusterView(id=cl["id"], label=cl.get("label") or "", n_docs=len(by_doc), n_claims=len(members),
                               cells=cells, n_silent=len(silent), silent=silent[:MAX_SILENT_NAMED + 1], flags=cflags))
    # clusters with flags first (most flags first), then the widest agreement
    out.sort(key=lambda c: (-len(c.flags), -c.n_docs))
    return out
