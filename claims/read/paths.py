"""Expanding the paths a user gave into the files to read."""
from __future__ import annotations

import os
import stat

from claims.errors import InputError
from claims.read.common import SUPPORTED_EXTENSIONS, Warn, ext, ext_label, reason, show, skip


def expand(shown: str, warn: Warn, problems: list[str]) -> list[tuple[str, bool]]:
    """The files a given path stands for, each with whether it was named explicitly."""
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        raise InputError(f"{show(shown)}: no such file or folder") from None
    except OSError as e:
        raise InputError(f"cannot read {show(shown)}: {reason(e)}") from None
    if not stat.S_ISDIR(st.st_mode):
        if ext(shown) not in SUPPORTED_EXTENSIONS:
            skip(f"skipped {show(shown)}: unsupported file type {ext_label(shown)} "
                  f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})", warn, problems)
            return []
        return [(shown, True)]

    found: list[str] = []
    unsupported: list[str] = []
    _walk_folder(shown, found, unsupported, set())
    if unsupported:
        kinds = sorted({ext_label(p) for p in unsupported})
        warn(f"skipped {len(unsupported)} unsupported file{'s' if len(unsupported) != 1 else ''} "
             f"in {show(shown)} ({', '.join(kinds[:5])}{', ...' if len(kinds) > 5 else ''})")
    if not found:
        skip(f"skipped {show(shown)}: folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})",
              warn, problems)
    return [(p, False) for p in found]


def _walk_folder(folder: str, found: list[str], unsupported: list[str], visited: set[tuple[int, int]]) -> None:
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop
            return
        visited.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        raise InputError(f"cannot read folder {show(folder)}: {reason(e)}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            _walk_folder(path, found, unsupported, visited)
        elif is_file:
            (found if ext(entry.name) in SUPPORTED_EXTENSIONS else unsupported).append(path)
