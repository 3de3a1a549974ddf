"""Render the fact-checker's HTML review report from the report data dict.

The input is the report data dict made by :mod:`claims.reporting.build` (any
version in :data:`claims.reporting.schema.READABLE`); this module reads nothing
else: flag kinds' labels and the confidence thresholds come from the data's
``kinds`` and ``confidence`` (data of version 1, which has neither, gets
build's defaults for them before rendering and embedding). The output is one
self-contained HTML file: the CSS and JavaScript from ``templates/`` are
inlined, nothing is loaded from the network (a document's own http(s) address
is a plain link that opens apart), and it works when opened from ``file://``.

The data is embedded as JSON in ``<script type="application/json"
id="report-data">`` with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so
no article text can close the script element. The overview, the ranked flag
list, the clusters and the source documents are also rendered here (Jinja2,
autoescape on), so the report is readable with JavaScript off and printable;
``report.js`` builds the interactive review views (filters, keyboard review,
export) from the embedded JSON using DOM calls only, never ``innerHTML``.

Note (view model): ``_context`` and its helpers below build a view model (ranks,
confidence, context segments, per-document counts, cluster tables, source tokens,
safe links) from the data. They belong with the data building in
:mod:`claims.reporting.build` in spirit, but report.js computes the same from the
embedded JSON, so the JSON stays lean and the view model stays here, beside the
template that is its only reader. Moving it means a ``view.py`` fed by build's
dict, not more keys in ``report.json``.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import jinja2
from markupsafe import Markup

from claims.compare import kind_info
from claims.display import shown_name
from claims.reporting.build import CONFIDENCE, decisions_table, kinds_table
from claims.reporting.schema import SCHEMA, version
from claims.reviews import DECISION_LABELS

TEMPLATES = Path(__file__).with_name("templates")

# with at most this many documents a cluster is a table with one column per document;
# with more, one row per document that says something and a list of the silent ones
MAX_COLUMNS = 6
# a cluster's silent documents are named up to this many; past it only counted (500 names under
# each of 800 clusters were 8 of a 500-article report's 30 MB, and nobody reads such a list)
MAX_SILENT_NAMED = 12


def render_html(data: dict) -> str:
    """The HTML review report for ``data`` (report data of a readable schema version), as one string.

    Data of an unknown schema raises :class:`claims.errors.InputError` with a one-line message.
    """
    return "".join(render_html_chunks(data))


def render_html_chunks(data: dict) -> Iterator[str]:
    """:func:`render_html` in pieces, for writing to a file as they come: the whole page (27 MB
    for 500 articles, held once as pieces and once joined) is never in memory at once."""
    version(data)
    template = _environment().get_template("report.html.j2")
    return template.generate(**_context(with_defaults(data)))


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
    return "high" if score >= float(t.get("high", 1)) else "medium" if score >= float(t.get("medium", 1)) else "low"


def kind_label(kinds: dict, kind: str) -> str:
    """The data's label for ``kind``; an unknown kind (a plug-in's) gets a plain fallback."""
    entry = kinds.get(kind)
    label = entry.get("label") if isinstance(entry, dict) else None
    return label if isinstance(label, str) and label else kind_info(kind).label


_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def web_link(url: Any) -> str | None:
    """``url`` if it is an http(s) address a link may point at, else None (``javascript:``,
    ``data:``, relative or odd addresses are shown as text, never linked)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _WEB_URL.fullmatch(url) else None


# --- embedding ------------------------------------------------------------------


def embed_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (and valid JSON).

    ``<``, ``>`` and ``&`` only occur inside JSON strings, so writing them as
    ``\\u003c`` etc. keeps the value and makes ``</script>`` or ``<!--`` in an
    article harmless. Non-finite floats (an open interval's ``inf``) become null.
    """
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=1)
def _assets() -> tuple[Markup, Markup]:
    """report.css and report.js, checked so they cannot end their own element early."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    if "</style" in css.lower() or "</script" in js.lower() or "<!--" in js:
        raise RuntimeError("report.css/report.js must not contain </style, </script or <!--")
    return Markup(css), Markup(js)


# --- the view model ---------------------------------------------------------------


def _context(data: dict) -> dict:
    # file names as a reader should see them: "\u202e" or undecodable bytes made visible, so no
    # name can pose as another (the pipeline's data already is; data from elsewhere may not be)
    documents = [dict(d, **{k: shown_name(d[k]) for k in ("name", "path") if isinstance(d.get(k), str)})
                 for d in data.get("documents") or []]
    claims = {c["id"]: c for c in data.get("claims") or []}
    docs = {d["id"]: d for d in documents}
    clusters = {c["id"]: c for c in data.get("clusters") or []}
    flags = sorted(data.get("flags") or [], key=lambda f: -float(f.get("score") or 0))  # stable: build order on ties
    generator = dict(data.get("generator") or {})
    kind_table = data.get("kinds") or {}
    thresholds_c = data.get("confidence") or {}

    flags_per_doc: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    views = []
    for f in flags:
        a, b = claims.get(f.get("a")), claims.get(f.get("b"))
        if a is None or b is None or a.get("doc") not in docs or b.get("doc") not in docs:
            continue  # a flag must point at claims of known documents; the build step guarantees it
        for doc_id in {a["doc"], b["doc"]}:
            flags_per_doc[doc_id] = flags_per_doc.get(doc_id, 0) + 1
        by_kind[f["kind"]] = by_kind.get(f["kind"], 0) + 1
        highlights = f.get("highlights") or {}
        cluster = f.get("cluster")
        score = float(f.get("score") or 0)
        review = f.get("review") or {}
        views.append({
            "id": f["id"],
            "rank": len(views) + 1,
            "kind": f["kind"],
            "kind_label": kind_label(kind_table, f["kind"]),
            "score": f"{score:.2f}",
            "confidence": confidence(score, thresholds_c),
            "explanation": f.get("explanation") or "",
            "cluster": cluster if cluster in clusters else None,
            "cluster_label": (clusters[cluster].get("label") or "") if cluster in clusters else "",
            "new": bool(f.get("new")),
            "decision": review.get("decision") if review.get("decision") in DECISION_LABELS else None,
            "decision_label": DECISION_LABELS.get(review.get("decision") or "", ""),
            "note": review.get("note") or "",
            "sides": [
                _side("A", a, docs[a["doc"]], highlights.get("a") or []),
                _side("B", b, docs[b["doc"]], highlights.get("b") or []),
            ],
        })

    kinds = [(k, kind_label(kind_table, k), by_kind[k]) for k in kind_table if by_kind.get(k)]
    kinds += [(k, kind_label(kind_table, k), n) for k, n in sorted(by_kind.items()) if k not in kind_table]
    claims_by_doc: dict[str, list[dict]] = {}
    for c in claims.values():  # once, not once per document: 500 x 27,000 was 14 s
        claims_by_doc.setdefault(c.get("doc"), []).append(c)
    doc_views = [
        {
            "id": d["id"],
            "name": d.get("name") or d.get("path") or d["id"],
            "path": d.get("path") or "",
            "title": d.get("title"),
            "date": d.get("date"),
            "outlet": d.get("outlet"),
            "url": d.get("url") if isinstance(d.get("url"), str) else None,
            "link": web_link(d.get("url")),
            "n_claims": d.get("n_claims", len(claims_by_doc.get(d["id"], []))),
            "n_flags": flags_per_doc.get(d["id"], 0),
            "tokens": _source_tokens(d.get("text") or "", claims_by_doc.get(d["id"], [])),
        }
        for d in documents
    ]
    thresholds = generator.get("thresholds") or {}
    decisions = data.get("decisions") if isinstance(data.get("decisions"), dict) else decisions_table()
    css, js = _assets()
    return {
        "schema": data.get("schema") or SCHEMA,
        "report_id": data.get("report_id") or "",
        "generator": {
            "name": generator.get("name") or "claims",
            "version": generator.get("version") or "",
            "model": generator.get("model") or "",
            "created": generator.get("created") or "",
            "thresholds": [(k, thresholds[k]) for k in sorted(thresholds)],
            "timings": generator.get("timings") or [],
        },
        "documents": doc_views,
        "n_claims": len(claims),
        # what a reader must know before trusting the list: limits that cut it, nothing to compare
        "notes": [str(n) for n in data.get("notes") or []],
        "kinds": kinds,
        "flags": views,
        "findings": _finding_views(data, docs, claims, kind_table, thresholds_c),
        "clusters": _cluster_views(data, docs, claims, clusters, views),
        "columns": len(documents) <= MAX_COLUMNS,
        "max_silent_named": MAX_SILENT_NAMED,
        "decision_labels": {d: v["label"] for d, v in decisions.items()},
        "decision_keys": {d: v["key"] for d, v in decisions.items()},
        "data_json": Markup(embed_json(data)),
        "css": css,
        "js": js,
    }


STANDING_LABELS = {"majority": "most articles", "outlier": "outlier"}


def _finding_views(data: dict, docs: dict, claims: dict, kind_table: dict, thresholds: dict) -> list[dict]:
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
                sources.append({**_side("", claim, doc, highlights), "outlet": doc.get("outlet"),
                                "date": doc.get("date"), "link": web_link(doc.get("url")), "shown": src.get("shown")})
            values.append({"value": v.get("value") or "", "shown": v.get("shown") or v.get("value") or "",
                           "standing": v.get("standing") or "",
                           "standing_label": STANDING_LABELS.get(v.get("standing") or "", ""),
                           "n_documents": len(v.get("documents") or []), "sources": sources})
        review = x.get("review") or {}
        score = float(x.get("score") or 0)
        attached = x.get("attached_to")
        views.append({
            "id": x["id"], "rank": x.get("rank"), "kind": x.get("kind") or "",
            "kind_label": kind_label(kind_table, x.get("kind") or ""),
            "label": x.get("label") or kind_label(kind_table, x.get("kind") or ""),
            "summary": x.get("summary") or "", "notes": [str(n) for n in x.get("notes") or []],
            "score": f"{score:.2f}", "confidence": confidence(score, thresholds), "new": bool(x.get("new")),
            "value_rows": values,
            "flags": [{"id": f["id"], "explanation": f.get("explanation") or ""} for f in evidence],
            "attached_to": attached if attached in rank_of else None,
            "attached_rank": rank_of.get(attached),
            "decision": review.get("decision") if review.get("decision") in DECISION_LABELS else "",
            "decision_label": DECISION_LABELS.get(review.get("decision") or "", "Not reviewed"),
        })
    return views


def _clamp(value: Any, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(value)))
    except (TypeError, ValueError):
        return lo


def _side(label: str, claim: dict, doc: dict, highlights: list[dict]) -> dict:
    return {
        "label": label,
        "doc_id": doc["id"],
        "doc_name": doc.get("name") or doc.get("path") or doc["id"],
        "doc_meta": doc_meta(doc),
        "claim_id": claim["id"],
        "start": claim.get("start"),
        "end": claim.get("end"),
        "segments": context_segments(doc.get("text") or "", claim, highlights),
        "tags": [t for t in (f"attributed: {claim['attribution']}" if claim.get("attribution") else "",
                             "hedged" if claim.get("hedged") else "", "negated" if claim.get("negated") else "") if t],
    }


def doc_meta(doc: dict) -> str:
    """"Fox News, 2012-08-02": the outlet and date shown beside a document's name (report.js: docMeta)."""
    return ", ".join(str(doc[k]) for k in ("outlet", "date") if doc.get(k))


def context_segments(text: str, claim: dict, highlights: list[dict]) -> list[tuple[str, str]]:
    """The claim's sentence as ``(text, css class)`` pieces.

    The class is ``""`` for surrounding context, ``"claim"`` for the claim
    itself, ``"hl"`` / ``"hl claim"`` for a highlighted value. The only copy:
    report.js reuses the sides rendered here instead of cutting the text again.
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


def _cluster_views(data: dict, docs: dict, claims: dict, clusters: dict, flags: list[dict]) -> list[dict]:
    flagged: dict[str, list[dict]] = {}  # claim id -> flags it is in
    cluster_flags: dict[Any, list[dict]] = {}
    for f in flags:
        for side in f["sides"]:
            flagged.setdefault(side["claim_id"], []).append(f)
        ids = {f["cluster"]} | {claims[s["claim_id"]].get("cluster") for s in f["sides"]}
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
        cells = []
        for doc_id in order:
            cells.append({
                "doc_id": doc_id,
                "doc_name": docs[doc_id].get("name") or doc_id,
                "claims": [
                    {"id": c["id"], "segments": _value_segments(c, docs[doc_id].get("text") or ""),
                     "flags": [(f["id"], f["kind"], f"{f['kind_label']} #{f['rank']}")
                               for f in flagged.get(c["id"], [])]}
                    for c in sorted(by_doc.get(doc_id, []), key=lambda c: c.get("start") or 0)
                ],
            })
        out.append({
            "id": cl["id"],
            "label": cl.get("label") or "",
            "n_docs": len(by_doc),
            "n_claims": len(members),
            "cells": cells,
            "n_silent": sum(1 for c in cells if not c["claims"]),
            "silent": [c["doc_name"] for c in cells if not c["claims"]][:MAX_SILENT_NAMED + 1],
            "flags": cflags,
        })
    # clusters with flags first (most flags first), then the widest agreement
    out.sort(key=lambda c: (-len(c["flags"]), -c["n_docs"]))
    return out
