"""The shipped aligner is the file its card describes, and a damaged one is refused in one line."""
from __future__ import annotations

import json
import shutil

import pytest

from claims.errors import ModelError
from claims.verify.aligner import META_FILE, MODEL_FILE, VERIFIER_DIR, load_aligner, sha256
from claims.verify.features import FEATURES


def test_the_shipped_model_matches_its_checksum_and_features():
    meta = json.loads((VERIFIER_DIR / META_FILE).read_text(encoding="utf-8"))
    assert sha256(VERIFIER_DIR / MODEL_FILE) == meta["sha256"]
    assert meta["features"] == list(FEATURES)
    assert 0.5 <= meta["default_threshold"] < 1.0
    aligner = load_aligner()
    assert aligner.booster.num_feature() == len(FEATURES)


def test_an_altered_model_file_is_refused(tmp_path):
    folder = tmp_path / "verifier"
    shutil.copytree(VERIFIER_DIR, folder)
    with open(folder / MODEL_FILE, "a", encoding="utf-8") as f:
        f.write("\n")
    with pytest.raises(ModelError, match="checksum"):
        load_aligner(folder)


def test_a_missing_model_is_a_model_error(tmp_path):
    with pytest.raises(ModelError):
        load_aligner(tmp_path)
