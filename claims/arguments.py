"""Argument checks at the Python API's door: ``claims.report`` / ``pipeline.run`` and ``feed.run_feed``.

A wrong argument (``claims.report(None)``, ``model=123``, ``reviews="decisions.json"``) is an
:class:`~claims.errors.ArgumentError` naming the argument and what it takes, raised before any
work, instead of a TypeError from deep inside a stage or a failure after the whole run.
"""
from __future__ import annotations

import os
from typing import Any

from claims.errors import ArgumentError

_PATH = (str, bytes, os.PathLike)


def checked_paths(paths: Any) -> list:
    """``paths`` as a list: one path (str, bytes, os.PathLike) or a list/tuple of them; bytes
    are a path too (``os.fsdecode``), never a sequence of numbers."""
    if isinstance(paths, _PATH):
        paths = [paths]
    if not isinstance(paths, (list, tuple)):
        raise ArgumentError(f"paths must be a file or folder path, or a list of them, not {_what(paths)}")
    for p in paths:
        if not isinstance(p, _PATH):
            raise ArgumentError(f"paths must be file or folder paths, not {_what(p)}")
    return [os.fsdecode(p) if isinstance(p, bytes) else p for p in paths]


def check_options(**options: Any) -> None:
    """Each option given by keyword, checked by its name (only those this function knows)."""
    from claims.reviews import Reviews
    from claims.settings import Settings

    def need(name: str, ok: bool, takes: str) -> None:
        if name in options and options[name] is not None and not ok:
            raise ArgumentError(f"{name} must be {takes}, not {_what(options[name])}")

    get = options.get
    need("model", isinstance(get("model"), (str, os.PathLike)), "a model name ('fast') or a model folder path")
    need("embedder", hasattr(get("embedder"), "encode") and hasattr(get("embedder"), "model_id"),
         "an embedder (with .encode and .model_id)")
    need("settings", isinstance(get("settings"), Settings), "a claims.settings.Settings")
    need("cache_dir", isinstance(get("cache_dir"), (str, os.PathLike)), "a folder path")
    need("comparators", isinstance(get("comparators"), (list, tuple)), "a list of comparators")
    need("warn", callable(get("warn")), "a function taking a message")
    need("log", callable(get("log")), "a function taking a message")
    need("device", isinstance(get("device"), str), "'cpu', 'cuda' or 'auto'")
    need("ray", isinstance(get("ray"), str), "'auto' or a Ray cluster address")
    workers = get("workers")
    need("workers", isinstance(workers, int) and not isinstance(workers, bool) and workers >= 1,
         "a whole number of processes, 1 or more")
    reviews = get("reviews")
    if isinstance(reviews, _PATH):
        raise ArgumentError("reviews must be loaded decisions: claims.reviews.load_reviews(path), not a path")
    need("reviews", isinstance(reviews, Reviews), "decisions loaded with claims.reviews.load_reviews(path)")
    if "out" in options and not isinstance(get("out"), (str, os.PathLike)):
        raise ArgumentError(f"out must be a folder path, not {_what(get('out'))}")


def _what(value: Any) -> str:
    shown = repr(value)
    return f"{type(value).__name__} ({shown[:40]}{'…' if len(shown) > 40 else ''})"
