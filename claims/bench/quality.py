"""Synthetic quality check: score a report against a generated corpus's ``.manifest.json``.

``score_against_manifest(report_data, manifest)`` takes a ``claims-report/1`` dict (what
``report.json`` holds) and the manifest :func:`claims.bench.corpus.write_corpus` wrote, and
answers two questions:

- **Injected discrepancies found.** An injected discrepancy (article X, kind K, reported
  value R) is found when some flag has a claim in article X whose text contains R *as the
  article writes it*, and the flag's kind fits K: ``numeric`` or ``garbled_number`` for a
  ``numeric`` discrepancy (whatever its ``how``), the same kind otherwise. How R is written
  (see ``_Writer`` and ``_sentences_for`` in :mod:`claims.bench.corpus`):

  ============ ==============================================================================
  numeric      ``reported`` verbatim: "5,970", "more than 1,230" (not inside a longer number)
  role         the wrong title before the person's surname: "Health Minister Karim Lund",
               "Health Minister Lund" (the title alone is not enough: another official of the
               same event may really hold it)
  date         the shifted day as "June 15", or its weekday ("Monday"): every lead sentence
               names the weekday, only one lead template names the date. In article X the
               reported day's weekday cannot come from anything else (the other weekday slot
               is 1-3 days later)
  negation     "has not declared a state of emergency" (the manifest has no ``reported``)
  entity_name  the misspelt surname as a word: "Lindqviss"
  ============ ==============================================================================

  The match is textual, so it is coarse: a claim in X that contains the wrong death toll
  and is flagged ``numeric`` for another figure in the same sentence counts as found.

- **Flag precision.** A flag is *explained* when it matches at least one injected
  discrepancy by the same rule. Share of flags explained, overall and per flag kind.

Randomness the manifest does not record
---------------------------------------
The generator also varies details at random that are not discrepancies and are not in
the manifest, so a correct pipeline may still flag them:

- ``weekday``: ``{weekday_late}`` ("by Thursday evening", "will stay closed until
  Friday") is the event day plus a random 1-3 days, drawn anew for each sentence, and an
  article's publication date is its day plus a random 0-1 days; weekday-only date
  conflicts between articles can come from either.
- ``witness``: quoted witnesses get a random name and age ("said Rosa Berg, a
  61-year-old farmer"), and "Additional reporting by" a random reporter.

An unexplained flag is put under ``random`` (by the labels above) when its kind fits
(``date`` for weekday; any kind for witness) and one of its claims contains such a detail;
the rest are ``unexplained``. These are identified by the text of the claims, so the split
is a heuristic; both counts are reported, never folded into "explained".

Two more things the manifest does not say: which agency is quoted in a sentence (chosen at
random per sentence) and which official speaks (also random); neither is a discrepancy.

Also, a manifest entry can be *not in the text*: the negated "state of emergency"
sentence replaces sentences the article may never draw, and an official may never be
named. When ``report_data`` carries document texts, such entries are counted in
``not_in_text`` (they stay in ``total``: they cannot be found).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath
from typing import Any, Iterable

from claims.bench.corpus import MONTHS, WEEKDAYS

FLAG_KINDS_FOR = {"numeric": ("numeric", "garbled_number")}  # injected kind -> flag kinds that find it
NEGATION_TEXT = "has not declared a state of emergency"

_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_WITNESS_RE = re.compile(
    r"\d+-year-old|\ba shopkeeper in\b|\ba nurse at the hospital\b|\ba student who lives\b|\ba retired engineer\b"
    r"|\ba taxi driver from\b|\ba mother of three\b|\bAdditional reporting by\b")
RANDOM_DETAILS: list[tuple[str, tuple[str, ...] | None, re.Pattern[str]]] = [
    # (label, flag kinds it can explain (None: any), pattern one of the flag's claims contains)
    ("weekday", ("date",), _WEEKDAY_RE),
    ("witness", None, _WITNESS_RE),
]


def _number(text: str) -> str:
    """A regex for ``text`` (which holds a number) not inside a longer number."""
    return r"(?<![\d.,])" + re.escape(text) + r"(?![\d]|[.,]\d)"


def rendered_patterns(d: dict[str, Any]) -> list[re.Pattern[str]]:
    """How the manifest entry ``d`` is written in its article: any of these patterns."""
    kind = d.get("kind")
    if kind == "numeric":
        return [re.compile(_number(str(d["reported"])))]
    if kind == "role":
        first, _, last = str(d.get("person", "")).rpartition(" ")
        role = re.escape(str(d["reported"]))
        name = rf"(?:{re.escape(first)} )?{re.escape(last)}" if first else re.escape(last)
        return [re.compile(rf"\b{role} {name}\b", re.IGNORECASE)]
    if kind == "date":
        day = date.fromisoformat(str(d["reported"]))
        return [re.compile(rf"\b{MONTHS[day.month - 1]} {day.day}(?!\d)"),
                re.compile(rf"\b{WEEKDAYS[day.weekday()]}\b")]
    if kind == "negation":
        return [re.compile(re.escape(NEGATION_TEXT), re.IGNORECASE)]
    if kind == "entity_name":
        return [re.compile(rf"\b{re.escape(str(d['reported']))}\b")]
    return []


def _flag_kinds(kind: str) -> tuple[str, ...]:
    return FLAG_KINDS_FOR.get(kind, (kind,))


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score_against_manifest(report_data: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """Injected discrepancies found and flags explained; see the module docstring for the rules.

    Returns ``{"injected": {"found", "total", "share", "not_in_text", "by_kind": {kind: {"found",
    "total", "not_in_text"}}, "missed": [{"file", "kind", "reported"}]}, "flags": {"explained",
    "total", "share", "random": {label: n}, "unexplained", "by_kind": {kind: {"explained",
    "total", "random", "unexplained"}}}}``. ``not_in_text`` is ``None`` when the report has no
    document texts."""
    docs = report_data.get("documents", [])
    doc_by_name: dict[str, list[str]] = {}
    for doc in docs:
        name = doc.get("name") or PurePath(str(doc.get("path", ""))).name
        doc_by_name.setdefault(name, []).append(doc["id"])
    text_of = {doc["id"]: doc["text"] for doc in docs if isinstance(doc.get("text"), str)}
    claims = {c["id"]: c for c in report_data.get("claims", [])}
    flags = report_data.get("flags", [])

    # every injected discrepancy: (index, article file, kind, patterns, document ids)
    injected: list[tuple[int, str, dict[str, Any], list[re.Pattern[str]], set[str]]] = []
    for art in manifest.get("articles", []):
        ids = set(doc_by_name.get(art["filename"], []))
        for d in art.get("discrepancies", []):
            injected.append((len(injected), art["filename"], d, rendered_patterns(d), ids))

    def matches(flag: dict[str, Any]) -> set[int]:
        """Indices of the injected discrepancies ``flag`` matches."""
        hit = set()
        sides = [claims.get(flag.get("a")), claims.get(flag.get("b"))]
        for i, _, d, pats, ids in injected:
            if flag.get("kind") not in _flag_kinds(d["kind"]):
                continue
            for c in sides:
                if c is not None and c.get("doc") in ids and any(p.search(c.get("text", "")) for p in pats):
                    hit.add(i)
                    break
        return hit

    found: set[int] = set()
    f_total: dict[str, int] = {}
    f_explained: dict[str, int] = {}
    f_random: dict[str, dict[str, int]] = {}
    random_total: dict[str, int] = {label: 0 for label, _, _ in RANDOM_DETAILS}
    for flag in flags:
        kind = flag.get("kind", "?")
        f_total[kind] = f_total.get(kind, 0) + 1
        hit = matches(flag)
        if hit:
            found |= hit
            f_explained[kind] = f_explained.get(kind, 0) + 1
            continue
        texts = [claims[x].get("text", "") for x in (flag.get("a"), flag.get("b")) if x in claims]
        for label, kinds, pat in RANDOM_DETAILS:
            if (kinds is None or kind in kinds) and any(pat.search(t) for t in texts):
                f_random.setdefault(kind, {}).setdefault(label, 0)
                f_random[kind][label] += 1
                random_total[label] += 1
                break

    by_kind: dict[str, dict[str, Any]] = {}
    not_in_text_total: int | None = 0 if text_of else None
    missed = []
    for i, filename, d, pats, ids in injected:
        k = by_kind.setdefault(d["kind"], {"found": 0, "total": 0, "not_in_text": 0 if text_of else None})
        k["total"] += 1
        if i in found:
            k["found"] += 1
            continue
        absent = bool(text_of) and not any(p.search(text_of.get(x, "")) for x in ids for p in pats)
        if absent:
            k["not_in_text"] += 1
            not_in_text_total += 1  # type: ignore[operator]
        missed.append({"file": filename, "kind": d["kind"], "reported": d.get("reported", d.get("detail")),
                       "in_text": not absent if text_of else None})

    n_found = len(found)
    n_flags = len(flags)
    n_explained = sum(f_explained.values())
    n_random = sum(random_total.values())
    flags_by_kind = {}
    for kind in sorted(f_total):
        rnd = sum(f_random.get(kind, {}).values())
        flags_by_kind[kind] = {"explained": f_explained.get(kind, 0), "total": f_total[kind],
                               "random": dict(f_random.get(kind, {})),
                               "unexplained": f_total[kind] - f_explained.get(kind, 0) - rnd}
    return {
        "injected": {"found": n_found, "total": len(injected), "share": _ratio(n_found, len(injected)),
                     "not_in_text": not_in_text_total, "by_kind": dict(sorted(by_kind.items())), "missed": missed},
        "flags": {"explained": n_explained, "total": n_flags, "share": _ratio(n_explained, n_flags),
                  "random": random_total, "unexplained": n_flags - n_explained - n_random,
                  "by_kind": flags_by_kind},
    }


def summary_line(q: dict[str, Any]) -> str:
    """One Markdown line: found and explained per kind, random and unexplained flags."""
    inj, fl = q["injected"], q["flags"]

    def nit(n: int | None) -> str:
        return f", {n} not in text" if n else ""

    found = ", ".join(f"{k} {v['found']}/{v['total']}{nit(v.get('not_in_text'))}" for k, v in inj["by_kind"].items())
    expl = ", ".join(f"{k} {v['explained']}/{v['total']}" for k, v in fl["by_kind"].items())
    rnd = ", ".join(f"{label} {n}" for label, n in fl["random"].items())
    return (f"injected found by kind: {found or '–'}; flags explained by kind: {expl or '–'}; "
            f"unexplained flags: random details not in the manifest ({rnd or '–'}), other {fl['unexplained']}")


def manifest_for(paths: Iterable[str]) -> dict[str, Any] | None:
    """The ``.manifest.json`` of a generated corpus given as one folder, else ``None``."""
    import json
    from pathlib import Path

    paths = list(paths)
    if len(paths) != 1:
        return None
    p = Path(paths[0]) / ".manifest.json"
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))
