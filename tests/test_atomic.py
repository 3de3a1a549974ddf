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
