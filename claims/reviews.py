"""Earlier review decisions, carried into a new report.

The HTML report exports its decisions as JSON: ``{"schema": "claims-reviews/1",
"reviews": [{"flag_id", "decision", "note", "time", ...}, ...]}``. A plain list
of those entries is accepted too. Flag ids are stable across runs, so a new
report can show the earlier decisions and mark the flags nobody has seen yet::

    reviews = load_reviews("decisions.json")
    data = apply_reviews(data, reviews)     # before render_html(data)
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from claims.errors import InputError

DECISIONS = ("confirmed", "dismissed", "follow-up")

# spellings people (and spreadsheets) use for the three decisions; "" is "not reviewed yet"
_ALIASES = {
    "": "",
    "none": "",
    "open": "",
    "unreviewed": "",
    "not reviewed": "",
    "confirm": "confirmed",
    "confirmed": "confirmed",
    "dismiss": "dismissed",
    "dismissed": "dismissed",
    "follow-up": "follow-up",
    "follow up": "follow-up",
    "follow_up": "follow-up",
    "followup": "follow-up",
    "needs follow-up": "follow-up",
    "needs follow up": "follow-up",
    "needs-follow-up": "follow-up",
    "needs_follow_up": "follow-up",
}


def load_reviews(path: str | os.PathLike) -> dict[str, dict]:
    """Read a decisions export: flag id -> ``{"decision", "note", "time"}``.

    ``decision`` is one of :data:`DECISIONS` or ``""`` for a flag that was in
    the earlier report but not decided. When an id occurs twice the later entry
    wins. Raises :class:`~claims.errors.InputError` (one line) when the file
    cannot be read or is not a decisions export.
    """
    p = Path(path)
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
    reviews: dict[str, dict] = {}
    for i, entry in enumerate(entries, 1):
        where = f"reviews file {p}, entry {i}"
        if not isinstance(entry, dict):
            raise InputError(f"{where} is not an object")
        flag_id = entry.get("flag_id")
        if not isinstance(flag_id, str) or not flag_id.strip():
            raise InputError(f"{where} has no flag_id")
        decision = entry.get("decision")
        key = decision.strip().lower() if isinstance(decision, str) else "" if decision is None else None
        if key not in _ALIASES:
            raise InputError(
                f"{where} ({flag_id}) has decision {decision!r}; expected one of {', '.join(DECISIONS)} or empty"
            )
        note, time = entry.get("note"), entry.get("time")
        if note is not None and not isinstance(note, str):
            raise InputError(f"{where} ({flag_id}) has a note that is not text")
        if time is not None and not isinstance(time, str):
            raise InputError(f"{where} ({flag_id}) has a time that is not text")
        reviews[flag_id.strip()] = {"decision": _ALIASES[key], "note": note or "", "time": time or ""}
    return reviews


def apply_reviews(data: dict, reviews: dict[str, dict]) -> dict:
    """A copy of the report data with the earlier decisions in it.

    Each flag whose id is in ``reviews`` gets ``review = {decision, note, time}``
    (when a decision or a note was made) and ``new = False``; every other flag
    gets ``new = True``: it was not in the report the decisions came from.
    ``data`` itself is not changed.
    """
    out = dict(data)
    flags = []
    for flag in data.get("flags") or []:
        flag = dict(flag)
        earlier = reviews.get(flag.get("id"))
        if earlier is None:
            flag["new"] = True
        else:
            flag["new"] = False
            if earlier.get("decision") or earlier.get("note"):
                flag["review"] = {
                    "decision": earlier.get("decision") or "",
                    "note": earlier.get("note") or "",
                    "time": earlier.get("time") or "",
                }
        flags.append(flag)
    out["flags"] = flags
    return out
