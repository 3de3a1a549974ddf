"""The Python API checks its arguments at the door: one ArgumentError naming the argument,
before any work (no TypeError from a deep frame, no whole run that fails at .write())."""
from __future__ import annotations

import pytest

import claims
from claims.errors import ArgumentError, ClaimsError
from claims.feed import run_feed
from conftest import SEEDS


@pytest.mark.parametrize("call, message", [
    (lambda: claims.report(None), "paths must be a file or folder path, or a list of them, not NoneType (None)"),
    (lambda: claims.report(5), "paths must be a file or folder path, or a list of them, not int (5)"),
    (lambda: claims.report([SEEDS, 5]), "paths must be file or folder paths, not int (5)"),
    (lambda: claims.report(SEEDS, model=123), "model must be a model name ('fast') or a model folder path, not int (123)"),
    (lambda: claims.report(SEEDS, cache_dir=5), "cache_dir must be a folder path, not int (5)"),
    (lambda: claims.report(SEEDS, settings="x"), "settings must be a claims.settings.Settings, not str ('x')"),
    (lambda: claims.report(SEEDS, reviews="decisions.json"),
     "reviews must be loaded decisions: claims.reviews.load_reviews(path), not a path"),
    (lambda: claims.report(SEEDS, workers=0), "workers must be a whole number of processes, 1 or more, not int (0)"),
    (lambda: claims.report(SEEDS, warn="loud"), "warn must be a function taking a message, not str ('loud')"),
    (lambda: run_feed(SEEDS, None), "out must be a folder path, not NoneType (None)"),
    (lambda: run_feed(SEEDS, "out", embedder=object()), "embedder must be an embedder (with .encode and .model_id), not object"),
])
def test_a_wrong_argument_is_one_project_error_naming_it(call, message, monkeypatch):
    import claims.read

    def no_reading(*args, **kwargs):
        raise AssertionError("reading started: the check came too late")

    monkeypatch.setattr(claims.read, "read_documents", no_reading)
    with pytest.raises(ArgumentError) as raised:
        call()
    assert str(raised.value).startswith(message)
    assert isinstance(raised.value, ClaimsError) and isinstance(raised.value, TypeError)


def test_a_path_given_as_bytes_is_read_as_that_path(tmp_path):
    (tmp_path / "a.txt").write_text("The ministry said 41 people were killed in the flood on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 14 people were killed in the flood on Monday.", encoding="utf-8")
    report = claims.report(bytes(tmp_path), model="fast", use_cache=False)
    assert sorted(d.name for d in report.documents) == ["a.txt", "b.txt"]
    assert report.inputs == [str(tmp_path)]
