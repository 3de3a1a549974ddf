"""The command line never destroys what it reads: outputs that are inputs are refused up front."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

CLAIMS = [sys.executable, "-m", "claims.cli"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE_A = "The ministry said 41 people were killed in the flood on Monday, officials confirmed.\n"
ARTICLE_B = "Officials said 14 people were killed in the flood on Monday, the ministry confirmed.\n"


def _run(*args, cwd=ROOT):
    return subprocess.run([*CLAIMS, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def _articles(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def _refused(result):
    assert result.returncode != 0
    errors = [l for l in result.stderr.strip().splitlines() if l.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    return errors[0]


def test_outputs_that_are_the_input_articles_are_refused_and_the_articles_kept(tmp_path):
    a, b = _articles(tmp_path)
    result = _run("report", a, b, "--out", a, "--json", b, "--no-cache")
    assert "a.txt" in _refused(result)
    assert a.read_text(encoding="utf-8") == ARTICLE_A
    assert b.read_text(encoding="utf-8") == ARTICLE_B


def test_an_output_reached_through_a_symlink_is_refused(tmp_path):
    a, b = _articles(tmp_path)
    link = tmp_path / "report.html"
    link.symlink_to(a)
    _refused(_run("report", a, b, "--out", link, "--no-cache"))
    assert a.read_text(encoding="utf-8") == ARTICLE_A and link.is_symlink()


def test_an_output_that_is_an_article_inside_an_input_folder_is_refused(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    a, b = _articles(folder)
    _refused(_run("report", folder, "--out", tmp_path / "r.html", "--json", folder / "b.txt", "--no-cache"))
    assert b.read_text(encoding="utf-8") == ARTICLE_B
    assert not (tmp_path / "r.html").exists()


def test_the_same_file_for_html_and_json_is_refused(tmp_path):
    a, b = _articles(tmp_path)
    out = tmp_path / "out" / "report.html"
    message = _refused(_run("report", a, b, "--out", out, "--json", out, "--no-cache"))
    assert "same file" in message
    assert not out.exists()


def test_the_reviews_file_is_never_overwritten(tmp_path):
    a, b = _articles(tmp_path)
    decisions = tmp_path / "decisions.json"
    decisions.write_text('{"reviews": []}', encoding="utf-8")
    _refused(_run("report", a, b, "--reviews", decisions, "--json", decisions, "--out", tmp_path / "r.html"))
    assert decisions.read_text(encoding="utf-8") == '{"reviews": []}'


def test_an_output_inside_an_input_folder_is_fine(tmp_path):
    from claims.outputs import check_outputs

    folder = tmp_path / "articles"
    folder.mkdir()
    _articles(folder)
    # a report that does not exist yet, or a file reading skips (hidden, unsupported): allowed
    check_outputs([folder], [folder / "report.html", folder / "report.json"])
    (folder / ".report.json").write_text("{}", encoding="utf-8")
    (folder / "notes.csv").write_text("x", encoding="utf-8")
    check_outputs([folder], [folder / ".report.json", folder / "notes.csv"])


def test_the_python_api_refuses_too(run_articles, tmp_path):
    from claims.errors import OutputError

    report = run_articles({"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})
    article = next(p for p in (tmp_path).rglob("a.txt"))
    with pytest.raises(OutputError):
        report.write(tmp_path / "r.html", article)
    assert article.read_text(encoding="utf-8") == ARTICLE_A
    assert not (tmp_path / "r.html").exists()


def test_max_flags_caps_the_report_and_says_so(tmp_path):
    import json

    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("".join(f"The ministry said {100 + i} people were killed in district {i} of the flood zone.\n"
                         for i in range(6)), encoding="utf-8")
    b.write_text("".join(f"The ministry said {300 + i} people were killed in district {i} of the flood zone.\n"
                         for i in range(6)), encoding="utf-8")
    result = _run("report", a, b, "--out", tmp_path / "r.html", "--max-flags", "1", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "showing 1 of" in result.stderr  # announced on the terminal
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["flags"]) == 1 and data["limits"]["flags"]["found"] > 1


def test_running_twice_on_a_folder_skips_and_replaces_its_own_report(tmp_path, monkeypatch):
    """`claims report .` twice: the second run reads the two articles, not the first report."""
    from typer.testing import CliRunner

    from claims.cli import app

    (tmp_path / "a.txt").write_text("Governor Ana Ruiz said 40 people died in the flood on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Governor Ana Ruiz said 45 people died in the flood on Monday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["report", ".", "--out", "reports/report.html"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["report", ".", "--out", "reports/report.html"])
    assert second.exit_code == 0, second.output
    assert "2 documents" in second.output
    assert "skipping" in second.output and "report" in second.output


def _node(path, kind: str):
    if kind == "fifo":
        os.mkfifo(path)
    else:  # a character device like /dev/null, made in the test folder (root only)
        import stat

        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return path


NODE_KINDS = ["fifo", pytest.param("chardev", marks=pytest.mark.skipif(
    os.geteuid() != 0, reason="making a device node needs root"))]


@pytest.mark.parametrize("kind", NODE_KINDS)
@pytest.mark.parametrize("option", ["--json", "--out"])
def test_an_output_that_is_a_device_or_fifo_is_refused_before_any_work(tmp_path, kind, option):
    import stat

    a, b = _articles(tmp_path)
    node = _node(tmp_path / ("node.json" if option == "--json" else "node.html"), kind)
    paths = ["--json", node, "--out", tmp_path / "r.html"] if option == "--json" else ["--out", node]
    error = _refused(_run("report", a, b, *paths, "--model", "fast", "-v"))  # a FIFO read would block: the timeout
    assert error.endswith("not a regular file")
    assert ("a FIFO (named pipe)" if kind == "fifo" else "a character device") in error
    test = stat.S_ISFIFO if kind == "fifo" else stat.S_ISCHR
    assert test(os.lstat(node).st_mode), "the node is still what it was"


@pytest.mark.parametrize("command", ["report", "feed"])
def test_a_reviews_file_that_is_a_fifo_is_refused_not_read(tmp_path, command):
    a, b = _articles(tmp_path)
    fifo = _node(tmp_path / "decisions.json", "fifo")
    error = _refused(_run(command, a, b, "--reviews", fifo, "--out", tmp_path / "out", "--model", "fast"))
    assert error == f"error: cannot read reviews file {fifo}: it is a FIFO (named pipe), not a regular file"


def test_sigterm_is_an_interrupt_no_temporary_file_and_the_old_report_kept(tmp_path):
    import signal
    import time

    a, b = _articles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "r.html").write_text("old report", encoding="utf-8")
    proc = subprocess.Popen([*CLAIMS, "report", str(a), str(b), "--out", str(out / "r.html"), "--model", "fast",
                             "-v"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    for line in proc.stderr:  # the run has started its work: stop it there
        if line.startswith("read:"):
            break
    proc.send_signal(signal.SIGTERM)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130, err
    assert "interrupted: no report written (any earlier report is unchanged)" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["r.html"]
    assert (out / "r.html").read_text(encoding="utf-8") == "old report"


def test_an_out_name_too_long_is_refused_before_reading(tmp_path):
    a, b = _articles(tmp_path)
    result = _run("report", a, b, "--out", tmp_path / ("r" * 240 + ".html"), "--json", tmp_path / "r.json", "-v")
    error = _refused(result)
    assert "the file name is too long (245 bytes; at most 233" in error
    assert "read:" not in result.stderr, "refused before the run, not after it"
