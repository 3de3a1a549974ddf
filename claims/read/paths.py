"""Expanding the paths a user gave into the files to read.

A file named on the command line is read whatever it is (a symlink included: that is the
user's choice). Inside a folder the tool chooses, so it is careful: hidden names are
skipped, a symbolic link that leads out of the folder is not followed (a shared folder
must not pull in ``~/.ssh/...``), and an unreadable subfolder is skipped with a warning.
"""
from __future__ import annotations

import os
import stat

from claims.display import shown_name
from claims.errors import InputError
from claims.read.common import SUPPORTED_EXTENSIONS, Warn, ext, ext_label, reason, skip


def expand(shown: str, warn: Warn, problems: list[str]) -> list[tuple[str, bool]]:
    """The files a given path stands for, each with whether it was named explicitly."""
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        raise InputError(f"{shown_name(shown)}: no such file or folder") from None
    except OSError as e:
        raise InputError(f"{shown_name(shown)}: cannot read: {reason(e)}") from None
    if not stat.S_ISDIR(st.st_mode):
        if ext(shown) not in SUPPORTED_EXTENSIONS:
            skip(f"skipping {shown_name(shown)}: unsupported file type {ext_label(shown)} "
                 f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})", warn, problems)
            return []
        return [(shown, True)]

    try:
        root = os.path.realpath(shown)
    except (OSError, ValueError) as e:
        raise InputError(f"{shown_name(shown)}: cannot read folder: {e}") from None
    walk = _FolderWalk(root=root, warn=warn, problems=problems)
    walk.folder(shown, top=True)
    unsupported = ""
    if walk.unsupported:
        kinds = sorted({ext_label(p) for p in walk.unsupported})
        n = len(walk.unsupported)
        unsupported = (f"{n} unsupported file{'s' if n != 1 else ''} "
                       f"({', '.join(kinds[:5])}{', ...' if len(kinds) > 5 else ''})")
    if not walk.found:  # one message: the unsupported files are why the folder has nothing to read
        skip(f"skipping {shown_name(shown)}: folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})"
             + (f", only {unsupported}" if unsupported else ""), warn, problems)
    elif unsupported:
        warn(f"skipping {unsupported.replace(' (', f' in {shown_name(shown)} (', 1)}")
    return [(p, False) for p in walk.found]


class _FolderWalk:
    """One recursive, sorted walk of a folder given by the user."""

    def __init__(self, root: str, warn: Warn, problems: list[str]):
        self.root = root  # the folder's real path: links must stay inside it
        self.warn = warn
        self.problems = problems
        self.found: list[str] = []
        self.unsupported: list[str] = []
        self.visited: set[tuple[int, int]] = set()

    def folder(self, folder: str, *, top: bool = False) -> None:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in self.visited:  # a symlink loop
                return
            self.visited.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            if top:
                raise InputError(f"{shown_name(folder)}: cannot read folder: {reason(e)}") from None
            skip(f"skipping folder {shown_name(folder)}: cannot read: {reason(e)}", self.warn, self.problems)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            try:
                if entry.is_symlink() and not self._inside(path):
                    skip(f"skipping {shown_name(path)}: a symbolic link to outside {shown_name(self.root)}",
                         self.warn, self.problems)
                    continue
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                self.folder(path)
            elif is_file:
                (self.found if ext(entry.name) in SUPPORTED_EXTENSIONS else self.unsupported).append(path)

    def _inside(self, path: str) -> bool:
        try:
            target = os.path.realpath(path)
            return os.path.commonpath([self.root, target]) == self.root
        except (OSError, ValueError):  # ValueError: another drive on Windows
            return False
