"""The report data's schema: its name, its version history and a JSON Schema for it.

``report.json`` (and the JSON embedded in ``report.html``) says which version it
follows in its ``"schema"`` key. Bump :data:`SCHEMA` when a key is removed or
changes meaning, add a line to :data:`HISTORY`, and keep :data:`READABLE` listing
every version :func:`claims.reporting.render.render_html` still accepts. Adding an
optional field is no bump: consumers ignore keys they do not know.

The external scorer (``../shared/eval/score.py``) needs only
``documents[{id, path}]``, ``claims[{id, doc, start, end, text}]`` and
``flags[{a, b, kind, score}]``; every version keeps them.

:data:`JSON_SCHEMA` (draft 2020-12) describes what :mod:`claims.reporting.build`
writes. The tests validate real reports against it with the ``jsonschema``
package (a test dependency; nothing here imports it).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claims.errors import InputError

PREFIX = "claims-report/"
SCHEMA = "claims-report/3"

HISTORY: dict[int, str] = {
    1: "documents [{id, path, name, title, date, n_claims, text}], claims (offsets, attribution, "
       "quantities, dates, people, cluster), flags [{id, a, b, kind, score, explanation, cluster, group, "
       "similar, highlights}], clusters, generator (tool, model, thresholds, timings), report_id, summary.",
    2: "adds settings (the whole settings tree, each value with the reason for it), kinds "
       "({kind: {label, description}} for every built-in kind and every kind a flag has), confidence "
       "(the score thresholds of 'high' and 'medium' confidence), and documents' outlet and url "
       "(title and date are now filled from front matter, HTML meta or JSON fields).",
    3: "adds findings (the flags grouped by the fact they dispute: label, summary, values with the "
       "articles and claims stating each, majority and outliers, the flags as evidence; the unit of "
       "review, keyed by what the fact is and its values), decisions ({decision: {label, key}}), notes, "
       "limits, summary.n_findings and, after --reviews, reviews_carried and findings' review/new. "
       "Decision labels read 'Confirmed discrepancy', 'Not a discrepancy', 'Needs follow-up'.",
}

# every version render_html reads; data from an older one gets the newer keys' defaults
READABLE = (f"{PREFIX}1", f"{PREFIX}2", SCHEMA)


def version(data: dict) -> int:
    """The data's schema version (1 when it names none), or :class:`InputError` in one line."""
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema is None and isinstance(data, dict):
        return 1  # data from before the key existed
    if schema not in READABLE:
        raise InputError(
            f"report data has schema {schema!r}; this version of claims reads {', '.join(map(repr, READABLE))}"
        )
    return int(schema.rsplit("/", 1)[1])


_NULLABLE_STR = {"type": ["string", "null"]}
_OFFSET = {"type": "integer", "minimum": 0}
_KNOB = {
    "type": "object",
    "required": ["value", "why"],
    "properties": {"value": True, "why": {"type": "string"}},
}
_SECTION = {"type": "object", "additionalProperties": {"$ref": "#/$defs/knob"}}
_SPAN = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {"text": {"type": "string"}, "start": _OFFSET, "end": _OFFSET},
}
_HIGHLIGHT = {
    "type": "object",
    "required": ["start", "end"],
    "properties": {"start": _OFFSET, "end": _OFFSET, "label": {"type": "string"}},
}

JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:claims:schema:claims-report-3",
    "title": "claims report data",
    "description": "What claims writes to report.json and embeds in report.html (" + SCHEMA + ").",
    "type": "object",
    "required": ["schema", "generator", "settings", "report_id", "documents", "claims", "clusters", "flags",
                 "findings", "summary", "kinds", "confidence", "decisions", "notes", "limits"],
    "properties": {
        "schema": {"const": SCHEMA, "description": "this version; see HISTORY in claims/reporting/schema.py"},
        "generator": {
            "description": "the tool, model, main thresholds, stage timings and candidate pairs of the run",
            "type": "object",
            "required": ["name", "version", "model", "created"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "model": {"type": ["string", "null"]},
                "created": {"type": "string"},
                "thresholds": {"type": "object", "additionalProperties": {"type": ["number", "null"]}},
                "timings": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["stage", "seconds"],
                        "properties": {"stage": {"type": "string"}, "seconds": {"type": "number"},
                                       "items": {"type": "integer"}},
                    },
                },
                "candidate_pairs": {"type": "integer", "minimum": 0},
                "dropped_paragraphs": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
        },
        "settings": {"$ref": "#/$defs/settings"},
        "report_id": {"type": "string", "description": "sha1 of the documents' paths and texts"},
        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"},
                      "description": "the articles read, with their text (claims' offsets index it)"},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"},
                   "description": "atomic claims with offsets into their document and what was extracted"},
        "clusters": {
            "description": "claims about the same thing across articles",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "label", "claims"],
                "properties": {"id": {"type": "integer"}, "label": {"type": "string"},
                               "claims": {"type": "array", "items": {"type": "string"}}},
            },
        },
        "flags": {"type": "array", "items": {"$ref": "#/$defs/flag"},
                  "description": "pairs of claims that may disagree, best first: the evidence of findings"},
        "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"},
                     "description": "disputed facts, ranked: every flag is in exactly one"},
        "summary": {
            "description": "counts",
            "type": "object",
            "required": ["n_documents", "n_claims", "n_flags", "n_findings", "flags_by_kind"],
            "properties": {
                "n_documents": {"type": "integer", "minimum": 0},
                "n_claims": {"type": "integer", "minimum": 0},
                "n_flags": {"type": "integer", "minimum": 0},
                "n_findings": {"type": "integer", "minimum": 0},
                "flags_by_kind": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}},
            },
        },
        "kinds": {
            "description": "Every built-in flag kind and every kind a flag has: how the report names it.",
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["label", "description"],
                "properties": {"label": {"type": "string", "minLength": 1}, "description": {"type": "string"}},
            },
        },
        "decisions": {
            "description": "the review decisions: how the report names each and its key",
            "type": "object",
            "additionalProperties": {
                "type": "object", "required": ["label", "key"],
                "properties": {"label": {"type": "string", "minLength": 1}, "key": {"type": "string"}},
            },
        },
        "notes": {"type": "array", "items": {"type": "string"},
                  "description": "what a reader must know: nothing to compare, a limit that cut"},
        "limits": {"type": "object", "description": "each limit that cut something: what was kept of how much"},
        "reviews_carried": {
            "description": "after --reviews: decisions read, placed in this report, and not placed",
            "type": "object", "required": ["decisions", "carried", "unplaced"],
            "properties": {k: {"type": "integer", "minimum": 0} for k in ("decisions", "carried", "unplaced")},
        },
        "confidence": {
            "description": "A score at or above 'high' is high confidence, at or above 'medium' medium, else low.",
            "type": "object",
            "required": ["high", "medium"],
            "properties": {"high": {"type": "number", "minimum": 0, "maximum": 1},
                           "medium": {"type": "number", "minimum": 0, "maximum": 1}},
        },
    },
    "$defs": {
        "knob": _KNOB,
        "section": _SECTION,
        "settings": {
            "description": "{section: {name: {value, why}}}; compare holds one section per comparator kind.",
            "type": "object",
            "properties": {"compare": {"type": "object", "additionalProperties": {"$ref": "#/$defs/section"}}},
            "additionalProperties": {"$ref": "#/$defs/section"},
        },
        "document": {
            "type": "object",
            "required": ["id", "path", "name", "title", "date", "outlet", "url", "n_claims", "text"],
            "properties": {
                "id": {"type": "string"},
                "path": {"type": "string"},
                "name": {"type": "string"},
                "title": _NULLABLE_STR,
                "date": {"description": "publication date, ISO 8601", **_NULLABLE_STR},
                "outlet": {"description": "the publisher as the source names it", **_NULLABLE_STR},
                "url": {"description": "the article's own address, as the source gives it (not checked)",
                        **_NULLABLE_STR},
                "n_claims": {"type": "integer", "minimum": 0},
                "text": {"type": "string"},
            },
        },
        "claim": {
            "type": "object",
            "required": ["id", "doc", "start", "end", "text", "sentence_start", "sentence_end", "cluster",
                         "attribution", "negated", "hedged", "quantities", "dates", "people"],
            "properties": {
                "id": {"type": "string"},
                "doc": {"type": "string"},
                "start": _OFFSET,
                "end": _OFFSET,
                "text": {"type": "string"},
                "sentence_start": _OFFSET,
                "sentence_end": _OFFSET,
                "cluster": {"type": "integer"},
                "attribution": _NULLABLE_STR,
                "negated": {"type": "boolean"},
                "hedged": {"type": "boolean"},
                "quantities": {"type": "array", "items": {"allOf": [_SPAN, {
                    "required": ["value", "low", "high"],
                    "properties": {"value": {"type": "number"}, "low": {"type": ["number", "null"]},
                                   "high": {"type": ["number", "null"]}},
                }]}},
                "dates": {"type": "array", "items": _SPAN},
                "people": {"type": "array", "items": {"allOf": [_SPAN, {
                    "required": ["name", "surname"],
                    "properties": {"name": {"type": "string"}, "surname": {"type": "string"}},
                }]}},
            },
        },
        "flag": {
            "type": "object",
            "required": ["id", "a", "b", "kind", "score", "explanation", "cluster", "group", "similar",
                         "highlights"],
            "properties": {
                "id": {"type": "string"},
                "a": {"type": "string"},
                "b": {"type": "string"},
                "kind": {"type": "string", "minLength": 1},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "explanation": {"type": "string"},
                "cluster": {"type": ["integer", "null"]},
                "group": {"type": "string"},
                "similar": {"type": "integer", "minimum": 0},
                "highlights": {
                    "type": "object",
                    "required": ["a", "b"],
                    "properties": {"a": {"type": "array", "items": _HIGHLIGHT},
                                   "b": {"type": "array", "items": _HIGHLIGHT}},
                },
                "new": {"type": "boolean", "description": "added by --reviews: not in the earlier review"},
                "review": {"type": "object", "description": "added by --reviews: the earlier decision"},
            },
        },
        "finding": {
            "type": "object",
            "required": ["id", "rank", "kind", "subject", "label", "summary", "notes", "score", "flags",
                         "attached_to", "values"],
            "properties": {
                "id": {"type": "string", "description": "stable key: the kind, the subject and the values"},
                "rank": {"type": "integer", "minimum": 1},
                "kind": {"type": "string", "minLength": 1},
                "subject": {"type": "string", "description": "what the fact is: 'role|jana novak', 'count|killed'"},
                "label": {"type": "string"},
                "summary": {"type": "string", "description": "plain language: who says what, which value most give"},
                "notes": {"type": "array", "items": {"type": "string"}},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "flags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "attached_to": {"type": ["string", "null"],
                                "description": "a garbled figure's finding: the finding of the count it garbles"},
                "values": {"type": "array", "minItems": 1, "items": {
                    "type": "object",
                    "required": ["value", "shown", "standing", "documents", "sources"],
                    "properties": {
                        "value": {"type": "string"},
                        "shown": {"type": "string"},
                        "standing": {"enum": ["majority", "outlier", ""]},
                        "documents": {"type": "array", "items": {"type": "string"}},
                        "sources": {"type": "array", "items": {
                            "type": "object", "required": ["claim", "doc", "shown"],
                            "properties": {"claim": {"type": "string"}, "doc": {"type": "string"},
                                           "shown": {"type": "string"}},
                        }},
                    },
                }},
                "new": {"type": "boolean", "description": "added by --reviews: not in the earlier review"},
                "review": {
                    "type": "object", "description": "added by --reviews: the earlier verdict",
                    "required": ["decision", "note", "time", "right_value", "public"],
                    "properties": {"decision": {"enum": ["confirmed", "dismissed", "follow-up", ""]},
                                   "right_value": {"type": "string"}, "public": {"type": "string"},
                                   "note": {"type": "string"}, "time": {"type": "string"}},
                },
            },
        },
    },
}

SCHEMA_FILE = Path(__file__).with_name("claims-report.schema.json")
README_BEGIN = "<!-- report fields: generated by python -m claims.reporting.schema; do not edit -->"
README_END = "<!-- end of report fields -->"


def schema_file_text() -> str:
    """The JSON Schema as the file shipped beside this module (``claims-report.schema.json``)."""
    return json.dumps(JSON_SCHEMA, indent=2, ensure_ascii=False) + "\n"


def readme_fields() -> str:
    """The README's table of the report's top-level fields, from :data:`JSON_SCHEMA`."""
    required = set(JSON_SCHEMA["required"])
    rows = ["| field | type | what it holds |", "|---|---|---|"]
    for name, spec in JSON_SCHEMA["properties"].items():
        if "$ref" in spec:
            spec = {**JSON_SCHEMA["$defs"][spec["$ref"].rsplit("/", 1)[1]], **spec}
        kind = spec.get("type", "const" if "const" in spec else "")
        if kind == "array" and "$ref" in (spec.get("items") or {}):
            kind = f"array of {spec['items']['$ref'].rsplit('/', 1)[1]}"
        what = spec.get("description", "")
        if "const" in spec:
            what = f"`{spec['const']}`: {what}"
        rows.append(f"| `{name}`{'' if name in required else ' (optional)'} | {kind} | {what} |")
    return "\n".join([README_BEGIN, *rows, README_END])


def main() -> None:
    """Rewrite the shipped JSON Schema file and the README's field table from :data:`JSON_SCHEMA`."""
    SCHEMA_FILE.write_text(schema_file_text(), encoding="utf-8")
    readme = Path(__file__).resolve().parents[2] / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_BEGIN), text.find(README_END)
    if start < 0 or end < 0:
        raise SystemExit(f"{readme}: no {README_BEGIN!r} ... {README_END!r} block to fill")
    readme.write_text(text[:start] + readme_fields() + text[end + len(README_END):], encoding="utf-8")
    print(f"wrote {SCHEMA_FILE} and the field table in {readme}")


if __name__ == "__main__":
    main()
