"""The ``--out`` folder of a feed: whose it is, what an earlier run left there, where files go.

* A feed writes only into a folder that is new, empty, or marked as made by ``claims feed``
  (the :data:`MARKER` file): someone's own ``index.html`` is never replaced.
* ``index.json`` of an earlier run gives event ids back (so an event keeps its id when articles
  are added); an id is taken only when it is one this tool makes (:func:`is_event_id`), since it
  becomes a folder name and a link. Anything else is warned about and ignored.
* Every event folder is ``out/<id>`` and must resolve inside ``out`` (a planted symlink is refused).
* Event folders of earlier runs that are not in the new index are *stale*: listed, never deleted.
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Callable, Iterable

from claims.display import shown_name
from claims.errors import OutputError
from claims.feed.grouping import FINGERPRINT, is_event_id

MARKER = ".claims-feed"
MARKER_TEXT = ("This folder is written by `claims feed` (index.html, index.json and one folder per event).\n"
               "A later `claims feed --out` into it replaces those files; delete this file to stop that.\n")
INDEX_SCHEMA = "claims-feed/1"


def check_feed_folder(out: Path) -> None:
    """Refuse (one line) an ``out`` a feed must not write into: a file, or a folder holding files
    that ``claims feed`` did not make. Reads nothing but the folder listing."""
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as e:
        raise OutputError(f"cannot use {shown_name(str(out))} for the feed: {e.strerror or e}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"--out must be a folder for a feed: {shown_name(str(out))} is a file")
    try:
        entries = os.listdir(out)
    except OSError as e:
        raise OutputError(f"cannot read the folder {shown_name(str(out))}: {e.strerror or e}") from None
    if entries and MARKER not in entries:
        raise OutputError(f"refusing to write the feed into {shown_name(str(out))}: it holds files not made by "
                          f"`claims feed` (no {MARKER} file); choose a new or empty folder")
    for name in (MARKER, "index.json", "index.html"):
        path = out / name
        if path.exists() and not path.is_file() or path.is_symlink():
            raise OutputError(f"refusing to write the feed into {shown_name(str(out))}: {name} there is not a "
                              "regular file")


def earlier_ids(out: Path, warn: Callable[[str], None] | None = None) -> dict[str, str]:
    """fingerprint -> event id from an earlier run's ``index.json`` in ``out`` (none: {}).

    Ids that are not ids this tool makes (a path, a ``javascript:`` address, a number, 300
    characters) are dropped with one warning: those articles get fresh ids.
    """
    path = Path(out) / "index.json"
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # never open a FIFO: it would block
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != INDEX_SCHEMA or not isinstance(data.get("events"), list):
        return {}
    found: dict[str, str] = {}
    refused: list[object] = []
    for event in data["events"]:
        if not isinstance(event, dict):
            continue
        articles = event.get("articles")
        if not is_event_id(event.get("id")):
            refused.append(event.get("id"))
            continue
        for a in articles if isinstance(articles, list) else []:
            if isinstance(a, dict) and isinstance(a.get("fingerprint"), str) and FINGERPRINT.fullmatch(a["fingerprint"]):
                found[a["fingerprint"]] = event["id"]
    if refused and warn:
        first = shown_name(repr(refused[0])[:40])
        warn(f"{shown_name(str(path))}: ignored {len(refused)} event id{'s' if len(refused) != 1 else ''} this tool "
             f"does not make (first: {first}); those articles get new ids")
    return found


def event_folder(out: Path, event_id: str) -> Path:
    """``out/<event_id>``, after checking that the id is one of ours and the folder resolves inside ``out``."""
    if not is_event_id(event_id):
        raise OutputError(f"refusing to write an event report: {shown_name(repr(event_id)[:40])} is not an event id")
    folder = out / event_id
    if folder.resolve().parent != out.resolve():
        raise OutputError(f"refusing to write {shown_name(str(folder))}: it leads outside {shown_name(str(out))}")
    return folder


def check_unique(ids: Iterable[str]) -> None:
    """Two events with one id would write one report over the other: never write that."""
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise OutputError(f"internal check failed: two events have the id {i}; nothing was written")
        seen.add(i)


def stale_folders(out: Path, current: Iterable[str]) -> list[str]:
    """Event folders in ``out`` from earlier runs whose id is not in ``current``, sorted."""
    keep = set(current)
    try:
        names = os.listdir(out)
    except OSError:
        return []
    return sorted(n for n in names if is_event_id(n) and n not in keep and (out / n).is_dir())
