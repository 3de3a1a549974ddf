"""Atomic file writes: a reader sees the old file or the new one, never half of one.

``write_atomic`` replaces one file; ``write_all`` replaces several as a set (the HTML and
JSON report are a pair): every new file is written to a temporary file beside its target
first, and only when all of them are on disk are they renamed into place. A failure or an
interrupt before that keeps every old file; the renames themselves run with SIGINT/SIGTERM
held back, and a failing rename puts back the files already replaced.

New files get the mode ``open()`` would give them (0666 less the umask); a file that is
replaced keeps its mode.

Temporary names carry the writer's process id (``.report.json.<pid>.<random>.tmp``): a writer
killed outright (SIGKILL, a power cut) leaves one behind, and the next write to that target
removes those whose process is gone. SIGTERM is an interrupt like SIGINT when the program says so
(the CLI installs :func:`signal.default_int_handler` for it).
"""
from __future__ import annotations

import errno
import os
import re
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from claims.errors import OutputError

_NEW_FILE_MODE = 0o666  # what open(..., "w") asks for; the umask takes away from it
_DEFERRED_SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s)
_umask_lock = threading.Lock()
# what a temporary name adds to its target's: "." + name + ".<pid up to 7 digits>." + 8 random + ".tmp"
_TEMP_NAME_EXTRA = 1 + 1 + 7 + 1 + 8 + 4
_NAME_MAX = 255  # bytes in one file name on the usual Linux, macOS and Windows file systems


class InterruptedAfterWrite(KeyboardInterrupt):
    """Ctrl-C came while the files were being renamed into place: they were all written."""


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    return write_all([(path, data)])[0]


def write_all(files: Sequence[tuple[str | os.PathLike, str | bytes | Callable[[], str | bytes | Iterable[str]]]]
              ) -> list[Path]:
    """Replace every ``(path, data)`` file, all or none (see the module docstring).

    ``data`` may be a function returning it, or returning its text in pieces: it is called when
    its file's turn comes, so one large report is made, written and let go before the next
    (peak memory).
    """
    targets = [Path(p) for p, _ in files]
    for target in targets:
        check_name_length(target)
        remove_stale_temporaries(target)
    temps: list[str] = []
    try:
        for path, (_, data) in zip(targets, files):
            temps.append(_write_temp(path, data))
    except BaseException as e:  # KeyboardInterrupt too: never leave a temp file behind
        _remove(temps)
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {_failed(targets, len(temps))}: {e.strerror or e}") from None
        raise
    with _signals_deferred() as received:
        _commit(targets, temps)
    if received:  # only interrupts are left in it (see _signals_deferred)
        raise InterruptedAfterWrite
    return targets


_CHUNK = 1 << 20  # characters encoded at a time: a 30 MB report is never held twice as bytes


def _write_temp(path: Path, data: str | bytes | Callable[[], str | bytes | Iterable[str]]) -> str:
    if callable(data):
        data = data()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), _mode_for(path))  # mkstemp makes 0600
            if isinstance(data, bytes):
                f.write(data)
            else:  # a str, or str pieces as they are made (a rendered template)
                for piece in [data] if isinstance(data, str) else data:
                    for i in range(0, len(piece), _CHUNK):
                        f.write(piece[i : i + _CHUNK].encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _remove([tmp])
        raise
    return tmp


def _commit(targets: list[Path], temps: list[str]) -> None:
    """Rename every temp onto its target; on an error put back the targets already replaced."""
    backups: list[tuple[Path, str | None]] = []  # (target, hard link to its old content or None)
    try:
        for target, tmp in zip(targets, temps):
            backups.append((target, _backup(target)))
            os.replace(tmp, target)
    except BaseException as e:
        done = len(backups) - 1  # the last backup's rename did not happen
        for target, old in backups[:done]:
            try:
                if old is None:
                    target.unlink()
                else:
                    os.replace(old, target)
            except OSError:
                pass
        _remove(temps + [old for _, old in backups if old])
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {targets[done]}: {e.strerror or e}") from None
        raise
    _remove([old for _, old in backups if old])


def _backup(target: Path) -> str | None:
    """A hard link to ``target``'s current content, so a failed commit can restore it."""
    if not target.is_file():
        return None
    fd, name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".old", dir=target.parent)
    os.close(fd)
    os.unlink(name)
    try:
        os.link(target, name)
    except OSError:  # a file system without hard links: the rename still goes ahead, unprotected
        return None
    return name


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def check_name_length(target: Path) -> None:
    """Refuse a name too long for its temporary file to fit (the write would fail at the end)."""
    try:
        name_max = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no such folder yet, or no pathconf
        name_max = _NAME_MAX
    length = len(os.fsencode(target.name))
    if length + _TEMP_NAME_EXTRA > name_max:
        raise OutputError(f"cannot write {target}: the file name is too long ({length} bytes; at most "
                          f"{name_max - _TEMP_NAME_EXTRA}, so that its temporary file fits)")


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete temporary files for ``target`` left by writers that no longer run; return them."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[A-Za-z0-9_]{{8}}\.(?:tmp|old)")
    removed = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        m = pattern.fullmatch(name)
        if m and not _running(int(m.group(1))):
            try:
                os.unlink(target.parent / name)
                removed.append(target.parent / name)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except OSError as e:
        return e.errno == errno.EPERM  # alive, someone else's
    return True


def _mode_for(path: Path) -> int:
    try:
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    return _NEW_FILE_MODE & ~_umask()


def _umask() -> int:
    with _umask_lock:  # reading the umask means setting it; keep other writers out meanwhile
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


@contextmanager
def _signals_deferred() -> Iterator[list[int]]:
    """Hold SIGINT and SIGTERM back (main thread only) and say which interrupts came meanwhile.

    A signal whose own handler raises KeyboardInterrupt (SIGINT; SIGTERM where the program made it
    an interrupt) is left in the list, to become :class:`InterruptedAfterWrite` in the caller; any
    other is delivered again afterwards with its old handler.
    """
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    old = {}
    try:
        for sig in _DEFERRED_SIGNALS:
            old[sig] = signal.signal(sig, lambda signum, frame: received.append(signum))
    except (ValueError, OSError):  # not allowed here (an embedded interpreter): no deferral
        pass
    try:
        yield received
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        for sig in set(received):
            if old.get(sig) is not signal.default_int_handler:
                received[:] = [s for s in received if s != sig]
                signal.raise_signal(sig)


def _remove(paths: list[str]) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except OSError:
            pass


def _failed(targets: list[Path], written: int) -> Path:
    return targets[min(written, len(targets) - 1)]
