"""claims.cache: hits and misses, model ids kept apart, corrupt files rebuilt, interrupted writes harmless."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from claims.cache import DB_NAME, EmbeddingCache, default_cache_dir

MODEL = "test-model==1"


def vecs(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)


class Warnings(list):
    def __call__(self, msg: str) -> None:
        assert "\n" not in msg
        self.append(msg)


def test_miss_then_hit(tmp_path):
    texts = ["The mayor said 1,200 people died.", "The ministry denied it.", "Third."]
    v = vecs(3)
    with EmbeddingCache(tmp_path, MODEL) as cache:
        hits, missing = cache.get_many(texts)
        assert hits == {} and missing == [0, 1, 2]
        cache.put_many(texts[:2], v[:2])
        hits, missing = cache.get_many(texts)
        assert missing == [2] and set(hits) == {0, 1}
        np.testing.assert_array_equal(hits[0], v[0])
        np.testing.assert_array_equal(hits[1], v[1])
        assert hits[0].dtype == np.float32 and hits[0].flags.writeable
        assert len(cache) == 2
    # persisted across instances
    with EmbeddingCache(tmp_path, MODEL) as cache:
        hits, missing = cache.get_many(["Third.", "The ministry denied it."])
        assert missing == [0] and list(hits) == [1]
        np.testing.assert_array_equal(hits[1], v[1])


def test_duplicates_and_empty_inputs(tmp_path):
    with EmbeddingCache(tmp_path, MODEL) as cache:
        assert cache.get_many([]) == ({}, [])
        cache.put_many([], np.zeros((0, 8), np.float32))
        cache.put_many(["a"], vecs(1)[0])  # a single 1-D vector is accepted
        hits, missing = cache.get_many(["a", "b", "a", "b"])
        assert sorted(hits) == [0, 2] and missing == [1, 3]
        hits[0][0] = 99.0  # callers may modify what they get
        assert hits[2][0] != 99.0
        with pytest.raises(ValueError):
            cache.put_many(["x", "y"], vecs(3))


def test_many_texts_cross_the_query_chunk_size(tmp_path):
    texts = [f"sentence {i}" for i in range(1234)]
    v = vecs(len(texts), dim=4)
    with EmbeddingCache(tmp_path, MODEL) as cache:
        cache.put_many(texts[::2], v[::2])
        hits, missing = cache.get_many(texts)
        assert missing == list(range(1, 1234, 2))
        for i, got in hits.items():
            np.testing.assert_array_equal(got, v[i])


def test_different_model_ids_do_not_mix(tmp_path):
    with EmbeddingCache(tmp_path, "model-a") as a, EmbeddingCache(tmp_path, "model-b") as b:
        a.put_many(["same text"], vecs(1, seed=1))
        assert b.get_many(["same text"]) == ({}, [0])
        b.put_many(["same text"], vecs(1, dim=16, seed=2))
        ha, _ = a.get_many(["same text"])
        hb, _ = b.get_many(["same text"])
        np.testing.assert_array_equal(ha[0], vecs(1, seed=1)[0])
        assert hb[0].shape == (16,)
    assert EmbeddingCache(tmp_path, "model-a\0same").get_many(["text"])[1] == [0]  # the separator matters


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("CLAIMS_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "claims"


def test_an_empty_home_means_the_accounts_home_not_the_root_folder(monkeypatch):
    import pwd

    monkeypatch.setenv("CLAIMS_CACHE_DIR", "")
    monkeypatch.setenv("HOME", "")
    account_home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    assert default_cache_dir() == account_home / ".cache" / "claims"


def test_garbage_file_is_set_aside_and_rebuilt(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    warnings = Warnings()
    with EmbeddingCache(tmp_path, MODEL, warn=warnings) as cache:
        assert not cache.disabled
        assert cache.get_many(["x"]) == ({}, [0])
        cache.put_many(["x"], vecs(1))
        assert list(cache.get_many(["x"])[0]) == [0]
    assert len(warnings) == 1 and "unreadable" in warnings[0] and "starting a new one" in warnings[0]
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))


def test_damaged_database_pages_are_rebuilt(tmp_path):
    texts = [f"t{i}" for i in range(3000)]
    with EmbeddingCache(tmp_path, MODEL) as cache:
        cache.put_many(texts, vecs(3000, dim=64))
    db = tmp_path / DB_NAME
    data = bytearray(db.read_bytes())
    # keep the 100-byte header, scribble over the b-tree pages
    for off in range(4096, len(data), 4096):
        data[off:off + 64] = os.urandom(64)
    db.write_bytes(bytes(data))
    warnings = Warnings()
    with EmbeddingCache(tmp_path, MODEL, warn=warnings) as cache:
        hits, missing = cache.get_many(texts[:700])  # never raises
        assert len(hits) + len(missing) == 700
        cache.put_many(["new"], vecs(1))
        assert 0 in cache.get_many(["new"])[0]
    assert warnings and not any("disabled" in w for w in warnings)


def test_foreign_sqlite_file_is_rebuilt(tmp_path):
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("CREATE TABLE other (a, b)")
    conn.commit()
    conn.close()
    warnings = Warnings()
    with EmbeddingCache(tmp_path, MODEL, warn=warnings) as cache:
        cache.put_many(["x"], vecs(1))
        assert 0 in cache.get_many(["x"])[0]
    assert len(warnings) == 1


def test_garbage_wal_file_is_ignored(tmp_path):
    with EmbeddingCache(tmp_path, MODEL) as cache:
        cache.put_many(["kept"], vecs(1))
    Path(str(tmp_path / DB_NAME) + "-wal").write_bytes(os.urandom(5000))
    with EmbeddingCache(tmp_path, MODEL) as cache:
        assert 0 in cache.get_many(["kept"])[0]


def test_unusable_location_disables_the_cache(tmp_path):
    (tmp_path / DB_NAME).mkdir()  # the database path is a folder: cannot be opened
    warnings = Warnings()
    with EmbeddingCache(tmp_path, MODEL, warn=warnings) as cache:
        assert cache.get_many(["x"]) == ({}, [0])
        cache.put_many(["x"], vecs(1))  # silently ignored
        assert cache.get_many(["x"]) == ({}, [0])
        assert cache.disabled
    assert len(warnings) == 1

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with EmbeddingCache(blocker / "sub", MODEL, warn=Warnings()) as cache:  # parent is a file
        assert cache.disabled and cache.get_many(["x"]) == ({}, [0])


class _InterruptingConnection:
    """Wraps a connection: executemany writes half the rows, then Ctrl-C arrives."""

    def __init__(self, real: sqlite3.Connection):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self.real.__enter__()

    def __exit__(self, *exc):
        return self.real.__exit__(*exc)

    def executemany(self, sql, rows):
        rows = list(rows)
        for r in rows[: len(rows) // 2]:
            self.real.execute(sql, r)
        raise KeyboardInterrupt


def test_interrupted_put_rolls_back(tmp_path):
    cache = EmbeddingCache(tmp_path, MODEL)
    cache.put_many(["before"], vecs(1))
    real = cache._conn
    cache._conn = _InterruptingConnection(real)
    batch = [f"batch {i}" for i in range(10)]
    with pytest.raises(KeyboardInterrupt):
        cache.put_many(batch, vecs(10))
    cache._conn = real
    hits, missing = cache.get_many(["before"] + batch)
    assert list(hits) == [0] and missing == list(range(1, 11))  # all of the batch or none
    cache.put_many(batch, vecs(10))
    assert cache.get_many(batch)[1] == []
    cache.close()
    with EmbeddingCache(tmp_path, MODEL) as again:
        assert again.get_many(["before"] + batch)[1] == []


WRITER = textwrap.dedent(
    """
    import sys, numpy as np
    from claims.cache import EmbeddingCache
    cache = EmbeddingCache(sys.argv[1], "m")
    cache.put_many(["committed"], np.ones((1, 32), np.float32))
    print("ready", flush=True)
    i = 0
    while True:
        texts = [f"t{i}-{j}" for j in range(2000)]
        cache.put_many(texts, np.random.rand(2000, 32).astype(np.float32))
        i += 1
    """
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_writer_leaves_a_usable_cache(tmp_path, sig):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.4)  # in the middle of some batch
        proc.send_signal(sig)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    warnings = Warnings()
    with EmbeddingCache(tmp_path, "m", warn=warnings) as cache:
        hits, _ = cache.get_many(["committed"])
        np.testing.assert_array_equal(hits[0], np.ones(32, np.float32))
        n = len(cache)
        assert n >= 1 and (n - 1) % 2000 == 0  # whole batches only
        cache.put_many(["after"], np.zeros((1, 32), np.float32))
        assert 0 in cache.get_many(["after"])[0]
    assert warnings == []
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_model_fingerprint_changes_with_the_files(tmp_path):
    from claims.cache import model_fingerprint

    m = tmp_path / "model"
    m.mkdir()
    (m / "config.json").write_text('{"dim": 384}')
    (m / "weights.bin").write_bytes(b"\0" * (5 << 20))
    a = model_fingerprint(m, "mini")
    assert a.startswith("mini@") and a == model_fingerprint(m, "mini")
    (m / "config.json").write_text('{"dim": 768}')
    b = model_fingerprint(m, "mini")
    data = bytearray((m / "weights.bin").read_bytes())
    data[-10] = 1
    (m / "weights.bin").write_bytes(bytes(data))
    assert len({a, b, model_fingerprint(m, "mini")}) == 3


# --- damaged entries: the file is sound but a vector in it is not ------------------------

def _poison(cache_dir, model_id: str, text: str, vector: np.ndarray) -> None:
    with EmbeddingCache(cache_dir, model_id) as cache:
        cache.put_many([text], vector[None, :])


@pytest.mark.parametrize("damage", ["nan", "wrong length"])
def test_a_damaged_vector_is_recomputed_with_a_warning(tmp_path, embedder, damage):
    from claims.pipeline import run

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The ministry said 41 people were killed in the flood on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Officials said 14 people were killed in the flood on Monday.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    first = run([folder], embedder=embedder, cache_dir=cache_dir)
    dim = embedder.dimension
    bad = np.full(dim, np.nan, np.float32) if damage == "nan" else np.ones(dim + 3, np.float32)
    _poison(cache_dir, embedder.model_id, first.claims[0].text, bad)

    warnings = Warnings()
    again = run([folder], embedder=embedder, cache_dir=cache_dir, warn=warnings)  # used to fail: "contains NaN"
    assert [c.text for c in again.claims] == [c.text for c in first.claims]
    assert [f.kind for f in again.flags] == [f.kind for f in first.flags]
    assert any("damaged" in w for w in warnings)

    quiet = Warnings()
    run([folder], embedder=embedder, cache_dir=cache_dir, warn=quiet)  # the entry was replaced
    assert not any("damaged" in w for w in quiet)


def test_get_many_treats_non_finite_and_wrong_length_rows_as_missing(tmp_path):
    warnings = Warnings()
    with EmbeddingCache(tmp_path, MODEL, warn=warnings) as cache:
        good, nan, short = vecs(1)[0], np.full(8, np.inf, np.float32), vecs(1, dim=5)[0]
        cache.put_many(["good"], good[None])
        cache.put_many(["nan"], nan[None])
        cache.put_many(["short"], short[None])
        hits, missing = cache.get_many(["good", "nan", "short"], dim=8)
    assert set(hits) == {0} and missing == [1, 2]
    assert len(warnings) == 1
