"""The command line: help without heavy imports, one-line errors, reports written."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SEEDS

CLAIMS = [sys.executable, "-m", "claims.cli"]


def _run(*args, cwd=None):
    return subprocess.run([*CLAIMS, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


HEAVY = ("torch", "sentence_transformers", "transformers", "sklearn", "numpy", "model2vec", "rich", "jinja2")


def test_help_does_not_import_the_heavy_libraries():
    # `claims --help` itself, rendered: typer's rich help alone costs 0.3 s of imports
    code = ("import sys; sys.argv = ['claims', '--help']; from claims.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "report" in done.stdout
    assert done.stderr.strip() == "[]"
    help_text = _run("report", "--help").stdout
    assert "--json" in help_text and "--model" in help_text


def _file(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make_input, expected", [
    (lambda p: p / "missing-folder", "no such file"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "no"),
    (lambda p: _file(p / "a.pdf", b"%PDF-1.4"), "pdf"),
    (lambda p: _file(p / "bad.txt", b"caf\xe9 \xff\xfe\x00\x81 ok"), "bad.txt"),
])
def test_bad_input_is_one_line_and_nonzero(tmp_path, make_input, expected):
    result = _run("report", make_input(tmp_path), "--out", tmp_path / "r.html", "--no-cache")
    assert result.returncode != 0
    lines = [l for l in result.stderr.strip().splitlines() if l.startswith("error")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected.lower() in lines[0].lower()
    assert not (tmp_path / "r.html").exists()


def test_missing_model_is_a_clear_error(tmp_path):
    result = _run("report", SEEDS, "--model", tmp_path / "no-such-model", "--out", tmp_path / "r.html", "--no-cache")
    assert result.returncode == 3
    assert result.stderr.strip().startswith("error: model not found")
    assert "Traceback" not in result.stderr


def test_broken_model_folder_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    result = _run("report", SEEDS, "--model", broken, "--out", tmp_path / "r.html", "--no-cache")
    assert result.returncode == 3
    assert result.stderr.strip().splitlines()[-1].startswith("error: cannot load model")


def test_report_command_writes_html_and_json(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 1,200 people were killed in the earthquake.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The governor reported about 300 people killed in the earthquake.\n", encoding="utf-8")
    result = _run("report", tmp_path / "a.txt", tmp_path / "b.txt", "--out", tmp_path / "out" / "e.html",
                  "--json", tmp_path / "out" / "e.json", "--no-cache", "--quiet")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "e.json").read_text(encoding="utf-8"))
    assert [f["kind"] for f in data["flags"]] == ["numeric"]
    html = (tmp_path / "out" / "e.html").read_text(encoding="utf-8")
    assert "1,200" in html
    assert not list((tmp_path / "out").glob(".*.tmp"))  # atomic writes leave no temp files


def test_rerun_with_reviews_keeps_decisions_and_marks_new_flags(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Officials said 1,200 people were killed in the earthquake.\n", encoding="utf-8")
    (articles / "b.txt").write_text("The governor reported about 300 people killed in the earthquake.\n", encoding="utf-8")
    first = _run("report", articles, "--out", tmp_path / "1.html", "--no-cache", "--quiet")
    assert first.returncode == 0, first.stderr
    flags = json.loads((tmp_path / "1.json").read_text(encoding="utf-8"))["flags"]
    assert len(flags) == 1
    decisions = {"schema": "claims-reviews/1", "reviews": [
        {"flag_id": flags[0]["id"], "decision": "confirmed", "note": "called the governor", "time": "2026-11-23T10:00:00Z"}]}
    (tmp_path / "decisions.json").write_text(json.dumps(decisions), encoding="utf-8")

    # a new article arrives with a third toll; the earlier decision must survive the re-run
    (articles / "c.txt").write_text("Rescue teams said 4,800 people were killed in the earthquake.\n", encoding="utf-8")
    second = _run("report", articles, "--out", tmp_path / "2.html", "--no-cache", "--quiet",
                  "--reviews", tmp_path / "decisions.json")
    assert second.returncode == 0, second.stderr
    again = {f["id"]: f for f in json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))["flags"]}
    old = again[flags[0]["id"]]
    assert old["review"]["decision"] == "confirmed" and old["review"]["note"] == "called the governor"
    assert not old.get("new")
    new = [f for f in again.values() if f["id"] != flags[0]["id"]]
    assert new and all(f.get("new") for f in new)
    assert "called the governor" in (tmp_path / "2.html").read_text(encoding="utf-8")


def test_version_prints_the_package_version():
    from claims import __version__

    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"claims {__version__}"


def test_version_does_not_import_the_heavy_libraries():
    code = ("import sys; from claims.cli import main; sys.argv = ['claims', '--version']\n"
            "try: main()\nexcept SystemExit: pass\n"
            "print('torch' in sys.modules, 'sklearn' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False False False"


def test_no_arguments_shows_the_help_and_succeeds():
    result = _run()
    assert result.returncode == 0
    assert "report" in result.stdout and "Usage" in result.stdout
    assert result.stderr == ""


def _skipped_only(tmp_path, name: str):
    """A folder whose one file is skipped, so the run has nothing left to read."""
    folder = tmp_path / "articles"
    folder.mkdir()
    files = {
        "empty file": ("a.txt", b""),
        "front matter only": ("a.md", b"---\ntitle: Flood in Vellmar\n---\n\n"),
        "no records": ("a.json", b"[]"),
        "unsupported only": ("a.pdf", b"%PDF-1.4"),
    }
    file_name, data = files[name]
    (folder / file_name).write_bytes(data)
    return folder


@pytest.mark.parametrize("case", ["empty file", "front matter only", "no records", "unsupported only"])
def test_a_run_that_fails_because_everything_was_skipped_says_why_once(tmp_path, case):
    result = _run("report", _skipped_only(tmp_path, case), "--out", tmp_path / "r.html", "--no-cache")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_an_unsupported_file_named_alone_is_one_error_line(tmp_path):
    pdf = _file(tmp_path / "a.pdf", b"%PDF-1.4")
    result = _run("report", pdf, "--out", tmp_path / "r.html", "--no-cache")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_report_help_says_where_the_cache_is_and_how_to_clear_it(tmp_path):
    cache = tmp_path / "vectors"
    env = {**os.environ, "CLAIMS_CACHE_DIR": str(cache), "COLUMNS": "400"}
    result = subprocess.run([*CLAIMS, "report", "--help"], capture_output=True, text=True, env=env, timeout=60)
    help_text = " ".join(result.stdout.split())
    assert str(cache) in "".join(result.stdout.split()), "the folder in use (a long path may wrap)"
    assert "~/.cache/claims" in help_text and "delete the folder" in help_text
