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

from typing import Any

from claims.errors import InputError

PREFIX = "claims-report/"
SCHEMA = "claims-report/2"

HISTORY: dict[int, str] = {
    1: "documents [{id, path, name, title, date, n_claims, text}], claims (offsets, attribution, "
       "quantities, dates, people, cluster), flags [{id, a, b, kind, score, explanation, cluster, group, "
       "similar, highlights}], clusters, generator (tool, model, thresholds, timings), report_id, summary.",
    2: "adds settings (the whole settings tree, each value with the reason for it), kinds "
       "({kind: {label, description}} for every built-in kind and every kind a flag has), confidence "
       "(the score thresholds of 'high' and 'medium' confidence), and documents' outlet and url "
       "(title and date are now filled from front matter, HTML meta or JSON fields).",
}

# every version render_html reads; data from an older one gets the newer keys' defaults
READABLE = (f"{PREFIX}1", SCHEMA)


def version(data: dict) -> int:
    """The data's schema version (2 when it names none), or :class:`InputError` in one line."""
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema is None and isinstance(data, dict):
        return int(SCHEMA.rsplit("/", 1)[1])
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
    "$id": "urn:claims:schema:claims-report-2",
    "title": "claims report data",
    "description": "What claims writes to report.json and embeds in report.html (" + SCHEMA + ").",
    "type": "object",
    "required": ["schema", "generator", "settings", "report_id", "documents", "claims", "clusters", "flags",
                 "summary", "kinds", "confidence"],
    "properties": {
        "schema": {"const": SCHEMA},
        "generator": {
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
        "report_id": {"type": "string"},
        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        "clusters": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "label", "claims"],
                "properties": {"id": {"type": "integer"}, "label": {"type": "string"},
                               "claims": {"type": "array", "items": {"type": "string"}}},
            },
        },
        "flags": {"type": "array", "items": {"$ref": "#/$defs/flag"}},
        "summary": {
            "type": "object",
            "required": ["n_documents", "n_claims", "n_flags", "flags_by_kind"],
            "properties": {
                "n_documents": {"type": "integer", "minimum": 0},
                "n_claims": {"type": "integer", "minimum": 0},
                "n_flags": {"type": "integer", "minimum": 0},
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
                "new": {"type": "boolean", "description": "added by --decisions: not in the earlier review"},
                "review": {"type": "object", "description": "added by --decisions: the earlier decision"},
            },
        },
    },
}
