"""The feed on a Ray cluster: the same steps and the same results as the local run.

Only imported with ``--ray``; Ray is an optional extra (``pip install -e '.[ray]'``).

- Embedding: Ray Data ``map_batches`` over an actor pool; each actor loads the model once.
- Comparison: one call per event on a pool of actors that each hold a loaded model
  (:class:`ray.util.ActorPool`), results in event order.

``address="auto"`` joins ``RAY_ADDRESS`` when it is set, else starts a local Ray on this
machine; any other value is a cluster address (``ray://head:10001`` or ``head:6379``).
"""
from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

import numpy as np

from claims.errors import InputError
from claims.types import Document

if TYPE_CHECKING:
    from claims.pipeline import RunOptions, RunResult


def _ray():
    try:
        import ray
    except ImportError:
        raise InputError("--ray needs Ray: pip install -e '.[ray]'") from None
    return ray


class _Embed:
    """A Ray Data actor: loads the model once, embeds batches of texts."""

    def __init__(self, model):
        from claims.embed import load_embedder

        self.embedder = load_embedder(model)

    def __call__(self, batch: dict) -> dict:
        return {"i": batch["i"], "vector": self.embedder.encode(list(batch["text"]))}


class _Compare:
    """An actor holding a loaded model: compares one event's articles per call."""

    def __init__(self, options: RunOptions):
        from claims.embed import load_embedder
        from claims.pipeline import Pipeline

        embedder = load_embedder(options.model)
        self.pipeline = Pipeline(dataclasses.replace(options, embedder=embedder, use_cache=False))

    def compare(self, documents: list[Document]) -> RunResult:
        return self.pipeline.compare(documents)


def _answers(address: str, timeout: float = 3.0) -> None:
    """One-line error, in seconds, when nothing listens at ``host:port`` (``ray://`` stripped)."""
    import socket

    hostport = address.split("://", 1)[-1].rstrip("/")
    host, sep, port = hostport.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise InputError(f"--ray {address!r} is not an address: use host:port (head:6379) or ray://host:port")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise InputError(f"cannot join Ray at {address}: nothing answers at {host}:{port} "
                         f"({e.strerror or type(e).__name__})") from None


class RayExecutor:
    """The feed's executor on Ray (see :class:`claims.feed.executors.Executor`)."""

    def __init__(self, address: str, options: RunOptions, actors: int | None = None):
        ray = _ray()
        # what travels to the actors: no loaded model, no printers of this process
        self.ray, self.model = ray, options.model
        self.options = dataclasses.replace(options, embedder=None, warn=None, log=None, progress=False)
        target = (os.environ.get("RAY_ADDRESS") or None) if address == "auto" else address
        if not target and address != "auto":
            raise InputError("--ray takes 'auto' or a Ray address such as head:6379 or ray://head:10001")
        if target and target != "auto":
            _answers(target)  # Ray itself retries a dead address for minutes
        try:
            if not ray.is_initialized():
                ray.init(address=target, include_dashboard=False, log_to_driver=False, configure_logging=False)
        except Exception as e:  # a wrong address, a cluster that is down: one line, no traceback
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            raise InputError(f"cannot {'join Ray at ' + target if target else 'start a local Ray'}: {first}") from None
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.actors = actors or max(1, min(cpus, 8))
        self.where = target or "local"

    def describe(self) -> str:
        return f"ray ({self.where}, {self.actors} actors)"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), np.float32)
        data = self.ray.data
        ds = data.from_items([{"i": i, "text": t} for i, t in enumerate(texts)])
        ds = ds.map_batches(_Embed, fn_constructor_kwargs={"model": self.model}, batch_size=64,
                            concurrency=min(self.actors, max(1, len(texts) // 64 + 1)), batch_format="numpy")
        rows = sorted(ds.take_all(), key=lambda r: int(r["i"]))
        return np.stack([np.asarray(r["vector"], dtype=np.float32) for r in rows])

    def compare(self, events: list[list[Document]]) -> list[RunResult]:
        if not events:
            return []
        from ray.util import ActorPool

        remote = self.ray.remote(num_cpus=1)(_Compare)
        pool = ActorPool([remote.remote(self.options)
                          for _ in range(min(self.actors, len(events)))])
        return list(pool.map(lambda actor, docs: actor.compare.remote(docs), events))
