"""The trained aligner: the probability that two mentions state the same fact.

A LightGBM model over :data:`claims.verify.features.FEATURES`, stored as LightGBM's own text
format in ``models/verifier/`` (no pickle: loading it runs no code), with ``verifier.json``
holding the decision thresholds fitted on the dev folds and the file's checksum. How it was
trained and scored: ``models/verifier/README.md``; rebuild with ``python -m claims.verify.train``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claims.errors import ModelError
from claims.verify.features import FEATURES

MODELS_DIR = Path(__file__).resolve().parent.parent.parent / "models"
VERIFIER_DIR = MODELS_DIR / "verifier"
MODEL_FILE = "aligner.txt"
META_FILE = "verifier.json"


@dataclass
class Aligner:
    booster: object  # lightgbm.Booster
    thresholds: dict[str, float]  # mention kind -> the probability above which a differing pair is flagged
    default_threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        return np.asarray(self.booster.predict(rows), dtype=np.float64)

    def threshold(self, kind: str) -> float:
        return float(self.thresholds.get(kind, self.default_threshold))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_aligner(folder: str | Path | None = None) -> Aligner:
    """The aligner in ``folder`` (default ``models/verifier``); a missing or altered file is a ModelError."""
    import lightgbm

    folder = Path(folder) if folder else VERIFIER_DIR
    model, meta_file = folder / MODEL_FILE, folder / META_FILE
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read the verifier's {meta_file}: {e}") from None
    if not model.is_file():
        raise ModelError(f"verifier model missing: {model} (rebuild with python -m claims.verify.train)")
    if meta.get("sha256") and sha256(model) != meta["sha256"]:
        raise ModelError(f"{model} does not match the checksum in {meta_file}: rebuild or restore it")
    if list(meta.get("features", FEATURES)) != list(FEATURES):
        raise ModelError(f"{model} was trained on other features than this code computes: rebuild it")
    booster = lightgbm.Booster(model_file=str(model))
    return Aligner(booster, {k: float(v) for k, v in (meta.get("thresholds") or {}).items()},
                   float(meta.get("default_threshold", 0.5)), meta)
