"""Earlier review decisions, carried into a new report.

A reviewer decides *findings* (see :mod:`claims.findings`); the HTML report
exports the decisions as JSON::

    {"schema": "claims-reviews/2", "reviews": [
        {"finding": "k_…", "kind": "role", "subject": "role|jana novak", "values": ["president", "prime minister"],
         "decision": "confirmed", "right_value": "president", "public": "…", "note": "…", "time": "…"},
        {"flag_id": "f_…", "decision": "dismissed", "note": "…", "time": "…"}]}

A finding's key is what the fact is and its values, so a decision is placed in
a report run from another folder, with more articles, or about another event
with the same conflict. When articles were added and the finding gained a
value, the decision is placed on the finding of the same fact whose values
include every value decided on. Entries with ``flag_id`` (decisions on single
pair flags, and every entry of a ``claims-reviews/1`` export) are carried by
flag id. A plain list of entries is accepted too::

    reviews = load_reviews("decisions.json")
    data = apply_reviews(data, reviews)     # before render_html(data)
    data["reviews_carried"]                 # {"decisions": 5, "carried": 4, "unplaced": 1}
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from claims.errors import InputError

REVIEWS_SCHEMA = "claims-reviews/2"  # the decisions export (report.json is claims.reporting.schema.SCHEMA)
DECISIONS = ("confirmed", "dismissed", "follow-up")
# how the report names the three decisions (report.js reads them from the data's "decisions")
DECISION_LABELS = {"confirmed": "Confirmed discrepancy", "dismissed": "Not a discrepancy",
                   "follow-up": "Needs follow-up"}
# the review keys of each decision in the report (report.js reads both from the data's "decisions")
DECISION_KEYS = {"confirmed": "c", "dismissed": "d", "follow-up": "f"}
UNRESOLVED = ""  # right_value when nobody knows yet which value is right

# spellings people (and spreadsheets) use for the three decisions; "" is "not reviewed yet"
_ALIASES = {
    "": "", "none": "", "open": "", "unreviewed": "", "not reviewed": "",
    "confirm": "confirmed", "confirmed": "confirmed", "confirmed discrepancy": "confirmed",
    "dismiss": "dismissed", "dismissed": "dismissed", "not a discrepancy": "dismissed",
    "follow-up": "follow-up", "follow up": "follow-up", "follow_up": "follow-up", "followup": "follow-up",
    "needs follow-up": "follow-up", "needs follow up": "follow-up", "needs-follow-up": "follow-up",
    "needs_follow_up": "follow-up",
}


@dataclass
class Decision:
    decision: str = ""  # one of DECISIONS, or "" (seen, not decided)
    note: str = ""  # private: never leaves the report
    time: str = ""
    right_value: str = UNRESOLVED  # the finding's value that is right, when known
    public: str = ""  # the explanation a published ClaimReview carries
    kind: str = ""
    subject: str = ""
    values: list[str] = field(default_factory=list)

    def as_review(self) -> dict:
        return {"decision": self.decision, "note": self.note, "time": self.time,
                "right_value": self.right_value, "public": self.public}


@dataclass
class Reviews:
    """Decisions read from an export: by finding key, and by flag id."""

    findings: dict[str, Decision] = field(default_factory=dict)
    flags: dict[str, Decision] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.findings) + len(self.flags)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where} has a {key} that is not text")
    return value or ""


def load_reviews(path: str | os.PathLike) -> Reviews:
    """Read a decisions export (``claims-reviews/2`` or ``/1``). Raises
    :class:`~claims.errors.InputError` (one line) when the file cannot be read or is not one;
    a CSV export gets an error naming the JSON export."""
    from claims.outputs import check_regular_or_missing

    p = Path(path)
    if not p.is_dir():  # a folder has its own message below; a FIFO would block the read for ever
        check_regular_or_missing(p, "cannot read reviews file", InputError)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"reviews file not found: {p}") from None
    except IsADirectoryError:
        raise InputError(f"reviews file is a folder, not a file: {p}") from None
    except UnicodeDecodeError:
        raise InputError(f"reviews file is not UTF-8 text: {p}") from None
    except OSError as e:
        raise InputError(f"cannot read reviews file {p}: {e.strerror or e}") from None
    head = raw.lstrip()[:200].lower()
    if p.suffix.lower() in (".csv", ".tsv") or head.startswith(("finding,", "flag_id,", "finding_id,", "rank,")):
        raise InputError(f"reviews file {p} is a CSV export; --reviews reads the JSON export "
                         "(Export decisions → JSON in the report)")
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(f"reviews file is not valid JSON: {p} (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except ValueError:  # an integer past Python's digit limit (4,300): no decisions file holds one
        raise InputError(f"reviews file {p} holds a number too long to read; it is not a decisions export") from None
    except RecursionError:  # nesting thousands deep: no decisions file does that either
        raise InputError(f"reviews file {p} is nested too deeply; it is not a decisions export") from None
    entries = obj.get("reviews") if isinstance(obj, dict) else obj
    if not isinstance(entries, list):
        raise InputError(f"reviews file {p} must hold a JSON list of reviews or an object with a \"reviews\" list")
    reviews = Reviews()
    for i, entry in enumerate(entries, 1):
        where = f"reviews file {p}, entry {i}"
        if not isinstance(entry, dict):
            raise InputError(f"{where} is not an object")
        finding, flag_id = entry.get("finding"), entry.get("flag_id")
        key = finding if isinstance(finding, str) and finding.strip() else flag_id
        if not isinstance(key, str) or not key.strip():
            raise InputError(f"{where} has neither a finding nor a flag_id")
        where = f"{where} ({key.strip()})"
        decision = entry.get("decision")
        alias = decision.strip().lower() if isinstance(decision, str) else "" if decision is None else None
        if alias not in _ALIASES:
            raise InputError(f"{where} has decision {decision!r}; expected one of {', '.join(DECISIONS)} or empty")
        values = entry.get("values") or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InputError(f"{where} has values that are not a list of text")
        d = Decision(decision=_ALIASES[alias], note=_text(entry, "note", where), time=_text(entry, "time", where),
                     right_value=_text(entry, "right_value", where), public=_text(entry, "public", where),
                     kind=_text(entry, "kind", where), subject=_text(entry, "subject", where), values=values)
        if key is finding:
            reviews.findings[key.strip()] = d  # a later entry for the same key wins
        else:
            reviews.flags[key.strip()] = d
    return reviews


def _decided(d: Decision) -> bool:
    return bool(d.decision or d.note or d.public or d.right_value)


def apply_reviews(data: dict, reviews: Reviews) -> dict:
    """A copy of the report data with the earlier decisions placed in it.

    Each finding (and each flag) gets ``new``: it was not in the report the decisions
    came from; the ones with a decision get ``review``. ``reviews_carried`` counts the
    decisions placed and those that match nothing in this report. ``data`` is not changed.
    """
    out = dict(data)
    placed: set[str] = set()
    decided_findings: set[str] = set()  # findings placed by a finding decision: their flags are not new
    findings = []
    for finding in data.get("findings") or []:
        finding = dict(finding)
        values = {v.get("value") for v in finding.get("values") or []}
        key, earlier = finding.get("id"), reviews.findings.get(finding.get("id"))
        if earlier is None:  # the same fact, a value added since: the decided values are all still here
            key, earlier = next(((k, d) for k, d in reviews.findings.items()
                                 if d.subject and d.subject == finding.get("subject") and d.kind == finding.get("kind")
                                 and d.values and set(d.values) <= values), (None, None))
        if earlier is None:
            flag_ids = [fid for fid in finding.get("flags") or [] if fid in reviews.flags]
            finding["new"] = not flag_ids
        else:
            placed.add(f"finding:{key}")
            decided_findings.add(finding.get("id"))
            finding["new"] = False
            if _decided(earlier):
                review = earlier.as_review()
                if review["right_value"] and review["right_value"] not in values:
                    review["right_value"] = UNRESOLVED  # the value decided on is no longer stated
                finding["review"] = review
        findings.append(finding)
    seen_in_findings = {fid for f in findings if f.get("id") in decided_findings for fid in f.get("flags") or []}
    flags = []
    for flag in data.get("flags") or []:
        flag = dict(flag)
        earlier = reviews.flags.get(flag.get("id"))
        flag["new"] = earlier is None and flag.get("id") not in seen_in_findings
        if earlier is not None:
            placed.add(f"flag:{flag.get('id')}")
            if _decided(earlier):
                flag["review"] = {"decision": earlier.decision, "note": earlier.note, "time": earlier.time}
        flags.append(flag)
    out["findings"], out["flags"] = findings, flags
    out["reviews_carried"] = {"decisions": len(reviews), "carried": len(placed), "unplaced": len(reviews) - len(placed)}
    return out
