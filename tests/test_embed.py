"""Embedders: the static model beside the transformer, each with its own cache key and thresholds."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from claims.embed import StaticEmbedder, load_embedder, resolve_model
from claims.errors import ModelError
from claims.settings import DEFAULT_CALIBRATION, ModelCalibration, Settings

SENTENCES = [
    "The mayor said 14 houses were flooded when the river burst its banks on Tuesday.",
    "Fourteen homes were under water after the river overflowed, the mayor said.",
    "The central bank raised interest rates by a quarter point.",
    "Quiñonez, the club's goalkeeper, was not in the squad.",
    "Officials said the levee held. " * 120,  # past the 512 tokens both read
    "",  # nothing to embed
]


def test_fast_model_is_static_and_needs_no_torch():
    code = ("import sys; from claims.embed import load_embedder; e = load_embedder('fast'); "
            "v = e.encode(['The ferry sank on Friday.']); print(type(e).__name__, v.shape[1], 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "StaticEmbedder" and int(out[1]) > 0 and out[2] == "False"


def test_a_fast_report_from_the_command_line_never_imports_torch(tmp_path):
    from conftest import SEEDS

    code = ("import sys; from claims.cli import main\n"
            f"sys.argv = ['claims', 'report', {str(SEEDS)!r}, '--model', 'fast', '--out', {str(tmp_path / 'r.html')!r},"
            " '--quiet', '--no-cache']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["flags"] and data["settings"]["calibration"]["model"]["value"] == "fast"


def test_static_vectors_equal_sentence_transformers(fast_embedder):
    from sentence_transformers import SentenceTransformer

    path, _ = resolve_model("fast")
    # sentence-transformers keeps the stored float16 table; in float32 both compute the same mean
    reference = SentenceTransformer(str(path), device="cpu", local_files_only=True).float()
    texts = SENTENCES[:-1]  # sentence-transformers divides the empty text's zero vector by zero
    expected = reference.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    np.testing.assert_allclose(fast_embedder.encode(texts), expected, atol=1e-5)


def test_static_vectors_are_unit_length_and_keep_meaning(fast_embedder):
    v = fast_embedder.encode(SENTENCES)
    assert v.dtype == np.float32 and v.shape[0] == len(SENTENCES)
    np.testing.assert_allclose(np.linalg.norm(v[:-1], axis=1), 1, atol=1e-5)
    assert not v[-1].any()  # an empty text is similar to nothing
    assert v[0] @ v[1] > v[0] @ v[2]  # a paraphrase is nearer than another topic


def test_each_model_has_its_own_cache_key(embedder, fast_embedder):
    assert embedder.model_id != fast_embedder.model_id
    assert fast_embedder.model_id.startswith("fast@")


def test_fast_model_carries_its_own_thresholds(fast_embedder):
    calibration = fast_embedder.calibration
    assert calibration is not None and calibration.model == "fast"
    settings = Settings().for_model(calibration)
    explained = settings.explain()
    gates = [(sec, name, knob) for sec, knobs in explained.items() if sec != "compare"
             for name, knob in knobs.items() if "model" in knob]
    gates += [(sec, name, knob) for sec, knobs in explained["compare"].items() for name, knob in knobs.items()
              if "model" in knob]
    assert gates and all(knob["model"] == "fast" for _, _, knob in gates)
    assert explained["calibration"]["model"]["value"] == "fast"
    # the transformer keeps the code defaults, measured with it
    assert all(k["model"] == DEFAULT_CALIBRATION for k in Settings().explain()["cluster"].values() if "model" in k)


def test_thresholds_set_by_hand_win_over_the_model():
    from claims.compare import default_settings

    calibration = ModelCalibration("other", {"cluster": {"distance_threshold": {"value": 0.3, "why": "measured"}},
                                             "compare": {"negation": {"min_similarity_same_statement": 0.9}}})
    mine = default_settings()
    mine.cluster.distance_threshold = 0.5
    out = mine.for_model(calibration)
    assert out.cluster.distance_threshold == 0.5
    assert out.section("negation").min_similarity_same_statement == 0.9
    assert mine.section("negation").min_similarity_same_statement != 0.9  # a copy: the caller's tree is untouched
    assert out.explain()["cluster"]["distance_threshold"]["model"] == "set for this run"


@pytest.mark.parametrize("values", [
    {"score": {"min_score": {"value": 0.1}}},  # not an embedding threshold
    {"cluster": {"no_such_knob": {"value": 0.1}}},
    {"nowhere": {"x": {"value": 0.1}}},
    {"cluster": {"distance_threshold": {"value": "close"}}},
    {"cluster": 0.3},
])
def test_a_calibration_may_only_set_embedding_thresholds(values):
    with pytest.raises(ModelError):
        Settings().for_model(ModelCalibration("m", values, "m/claims-settings.json"))


def test_an_unreadable_calibration_file_is_a_model_error(tmp_path):
    path, _ = resolve_model("fast")
    copy = tmp_path / "copy"
    copy.mkdir()
    for f in path.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    (copy / "claims-settings.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="claims-settings.json"):
        StaticEmbedder(copy)


def test_unknown_device_is_refused():
    with pytest.raises(ModelError, match="device"):
        load_embedder(None, device="tpu")


def test_cuda_without_a_gpu_is_a_one_line_error(tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is visible here")
    from conftest import SEEDS

    done = subprocess.run([sys.executable, "-m", "claims.cli", "report", str(SEEDS), "--device", "cuda",
                           "--out", str(tmp_path / "r.html"), "--no-cache"], capture_output=True, text=True)
    assert done.returncode == 3
    assert done.stderr.strip().startswith("error:") and "cuda" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_committed_fast_model_matches_its_checksum():
    import importlib.util
    import re

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("distill_fast", ROOT / "models" / "distill_fast.py")
    distill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(distill)
    recorded = re.search(r"sha256 ([0-9a-f]{64})  models/fast", (ROOT / "models" / "README.md").read_text()).group(1)
    assert distill.checksum(ROOT / "models" / "fast") == recorded  # not a Git LFS pointer, not half a file
