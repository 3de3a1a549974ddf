"""Refuse report paths that would destroy an input, before any work is done.

``claims report a.txt b.txt --out a.txt --json b.txt`` used to overwrite both articles.
An output is refused when, after resolving symlinks (and hard links, by file identity),
it is a file given as an input, a file inside an input folder that reading would pick up,
or the other output. An output that merely lies inside an input folder is fine, and so is
an earlier report of ours there (reading skips it: ``claims report .`` can run twice).

An output must be a regular file or a missing path: a device (``--json /dev/null`` would be
replaced by a file) or a FIFO (reading it to see whether it is an earlier report blocks for
ever) is refused first, before anything opens it; so is a name too long for its temporary file.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Sequence

from claims.atomic import check_name_length
from claims.errors import OutputError


def check_outputs(
    inputs: Sequence[str | os.PathLike] | str | os.PathLike,
    outputs: Iterable[str | os.PathLike | None],
) -> None:
    """Raise :class:`OutputError` (one line) when writing ``outputs`` would overwrite an input."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    targets = [Path(o) for o in outputs if o]
    for target in targets:
        check_regular_or_missing(target, "refusing to write")
        check_name_length(target)
    seen: dict[Path, Path] = {}
    for target in targets:
        key = _resolved(target)
        if key in seen or any(_same_file(target, other) for other in seen.values()):
            raise OutputError(f"refusing to write {_show(target)}: the HTML and JSON report would be the same file")
        seen[key] = target

    for given in inputs:
        given_path = Path(os.fsdecode(os.fspath(given)))
        if given_path.is_dir():
            for target in targets:
                if target.exists() and not _own_report(target) and _read_from_folder(given_path, target):
                    raise OutputError(f"refusing to write {_show(target)}: it is an article read from "
                                      f"the input folder {_show(given_path)}; choose another --out/--json")
        else:
            for target in targets:
                if _resolved(target) == _resolved(given_path) or _same_file(target, given_path):
                    raise OutputError(f"refusing to write {_show(target)}: it is the input file "
                                      f"{_show(given_path)}; choose another --out/--json")


def check_regular_or_missing(path: Path, doing: str, error: type = OutputError) -> None:
    """Raise ``error`` ("{doing} PATH: it is a FIFO, not a regular file") unless ``path`` is a
    regular file (through symlinks) or does not exist. Opens nothing."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as e:
        raise error(f"{doing} {_show(path)}: {e.strerror or e}") from None
    if not stat.S_ISREG(mode):
        raise error(f"{doing} {_show(path)}: it is {_kind(mode)}, not a regular file")


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a file"


def _own_report(target: Path) -> bool:
    """An earlier report of ours: reading skips it, so writing over it loses no article
    (``claims report .`` run twice)."""
    from claims.read.files import is_claims_report

    try:
        return is_claims_report(target.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def _read_from_folder(folder: Path, target: Path) -> bool:
    """Reading ``folder`` would read ``target``'s content: a file below it (through folder
    and file symlinks too, by file identity) with no hidden part on the way and an
    extension reading takes."""
    from claims.read import SUPPORTED_EXTENSIONS  # the reader's own list, never a copy

    try:
        want = os.stat(target)
    except OSError:
        return False
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):  # reading follows folder links too
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUPPORTED_EXTENSIONS:
                continue
            try:
                found = os.stat(os.path.join(root, name))
            except OSError:
                continue
            if (found.st_dev, found.st_ino) == (want.st_dev, want.st_ino):
                return True
    return False


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare as given
        return path.absolute()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return False


def _show(path: Path) -> str:
    """The path as text that always prints (undecodable bytes shown as \\x.. escapes)."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")
