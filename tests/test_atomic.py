"""Outputs are replaced whole or not at all: an interrupted write keeps the old report."""
from __future__ import annotations

import os

import pytest

from claims.atomic import write_atomic
from claims.errors import OutputError


def test_write_replaces_the_file(tmp_path):
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_interrupted_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    write_atomic(target, "old report")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new report, half written")
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_unwritable_target_is_an_output_error(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(folder, "x")  # renaming a file over a folder fails


# --- the HTML and JSON report are a pair ----------------------------------------------

import errno  # noqa: E402
import stat  # noqa: E402

from claims.atomic import write_all  # noqa: E402


def _old_pair(tmp_path):
    html, js = tmp_path / "report.html", tmp_path / "report.json"
    write_all([(html, "old html"), (js, "old json")])
    return html, js


def _assert_old_pair(tmp_path, html, js):
    assert html.read_text(encoding="utf-8") == "old html"
    assert js.read_text(encoding="utf-8") == "old json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json"]  # no temp left


def test_interrupt_while_writing_the_second_file_keeps_both_old(tmp_path, monkeypatch):
    html, js = _old_pair(tmp_path)
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        write_all([(html, "new html"), (js, "new json")])
    _assert_old_pair(tmp_path, html, js)


def test_full_disk_keeps_both_old_and_is_an_output_error(tmp_path, monkeypatch):
    html, js = _old_pair(tmp_path)
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="No space left"):
        write_all([(html, "new html"), (js, "new json")])
    _assert_old_pair(tmp_path, html, js)


def test_a_failing_second_rename_puts_the_first_file_back(tmp_path, monkeypatch):
    html, js = _old_pair(tmp_path)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(js) and str(src).endswith(".tmp"):
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError):
        write_all([(html, "new html"), (js, "new json")])
    _assert_old_pair(tmp_path, html, js)


def test_new_reports_follow_the_umask(tmp_path):
    old = os.umask(0o002)
    try:
        write_all([(tmp_path / "r.html", "x")])
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o664  # what open() would have made


def test_a_replaced_report_keeps_its_mode(tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    old = os.umask(0o077)
    try:
        write_atomic(target, "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_ctrl_c_during_the_renames_waits_until_both_are_in_place(tmp_path, monkeypatch):
    import signal

    from claims.atomic import InterruptedAfterWrite

    html, js = _old_pair(tmp_path)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(html):
            signal.raise_signal(signal.SIGINT)  # Ctrl-C between the two renames
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(InterruptedAfterWrite):  # still an interrupt, but after the pair is complete
        write_all([(html, "new html"), (js, "new json")])
    assert (html.read_text(encoding="utf-8"), js.read_text(encoding="utf-8")) == ("new html", "new json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json"]


def test_contents_made_in_pieces_when_their_turn_comes(tmp_path):
    made = []

    def pieces(name):
        def make():
            made.append(name)
            return (f"{name} part {i}\n" for i in range(3))
        return make

    write_all([(tmp_path / "a.html", pieces("a")), (tmp_path / "b.json", lambda: made.append("b") or "{}")])
    assert made == ["a", "b"]
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "a part 0\na part 1\na part 2\n"
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == "{}"


def test_a_failure_while_making_a_file_keeps_the_old_ones(tmp_path):
    (tmp_path / "a.html").write_text("old a", encoding="utf-8")

    def broken():
        yield "new a, first half"
        raise RuntimeError("template failed")

    with pytest.raises(RuntimeError):
        write_all([(tmp_path / "a.html", broken)])
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]  # no temp file left


def test_a_temporary_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "report.json"
    # a writer that dies (SIGKILL) with its temporary file half written
    code = ("import os, signal, tempfile, claims.atomic as a\n"
            "real = tempfile.mkstemp\n"
            "def mk(*args, **kw):\n"
            "    fd, name = real(*args, **kw); os.write(fd, b'{half'); os.kill(os.getpid(), signal.SIGKILL)\n"
            "tempfile.mkstemp = mk\n"
            f"a.write_atomic({str(target)!r}, 'never')\n")
    subprocess.run([sys.executable, "-c", code], timeout=60)
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(".report.json.") and left[0].endswith(".tmp")
    # a live writer's temporary (this process) and another target's are not touched
    live = tmp_path / f".report.json.{os.getpid()}.abcdefgh.tmp"
    other = tmp_path / ".report.html.1.abcdefgh.tmp"
    live.write_text("in use", encoding="utf-8")
    other.write_text("not ours to judge", encoding="utf-8")
    write_atomic(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.json", live.name, other.name])


def test_a_name_too_long_for_its_temporary_file_is_refused_before_writing(tmp_path):
    from claims.atomic import check_name_length

    fits, too_long = tmp_path / ("r" * 228 + ".html"), tmp_path / ("r" * 229 + ".html")
    check_name_length(fits)
    with pytest.raises(OutputError, match=r"the file name is too long \(234 bytes; at most 233"):
        write_atomic(too_long, "x")
    assert list(tmp_path.iterdir()) == []


def test_sigterm_made_an_interrupt_waits_for_the_renames_like_ctrl_c(tmp_path, monkeypatch):
    import signal

    from claims.atomic import InterruptedAfterWrite

    html, js = _old_pair(tmp_path)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(html):
            signal.raise_signal(signal.SIGTERM)  # `kill` between the two renames
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    old = signal.signal(signal.SIGTERM, signal.default_int_handler)  # what the CLI installs
    try:
        with pytest.raises(InterruptedAfterWrite):
            write_all([(html, "new html"), (js, "new json")])
    finally:
        signal.signal(signal.SIGTERM, old)
    assert (html.read_text(encoding="utf-8"), js.read_text(encoding="utf-8")) == ("new html", "new json")
