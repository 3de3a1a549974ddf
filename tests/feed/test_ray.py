"""The feed on a local Ray (num_cpus=2, started by the test): the same events and flags as locally."""
from __future__ import annotations

from pathlib import Path

import pytest
from feed_corpus import write_feed

from claims.feed import run_feed

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def _summary(result):
    return {frozenset(Path(d.path).name for d in e.event.documents):
            (e.event.id, sorted(f.id for f in e.report.flags) if e.report else None,
             sorted(x.id for x in e.report.findings) if e.report else None)
            for e in result.events}


def test_ray_gives_the_same_events_and_flags_as_the_local_run(local_ray, embedder, tmp_path):
    folder = tmp_path / "inbox"
    write_feed(folder)
    here = run_feed([folder], tmp_path / "local", embedder=embedder, use_cache=False)
    there = run_feed([folder], tmp_path / "ray", ray="auto", use_cache=False)
    assert there.executor.startswith("ray")
    assert _summary(there) == _summary(here)
    there.write()
    assert (tmp_path / "ray" / "index.html").exists()


@pytest.mark.parametrize("address", ["ray://127.0.0.1:1", "127.0.0.1:1", "no-port-here"])
def test_a_bad_ray_address_is_one_line_in_seconds(tmp_path, address):
    import subprocess
    import sys
    import time

    write_feed(tmp_path / "inbox", {"match.md", "museum.md"})
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "claims.cli", "feed", str(tmp_path / "inbox"), "--out",
                          str(tmp_path / "out"), "--ray", address], capture_output=True, text=True, timeout=300)
    assert run.returncode != 0
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1, run.stderr
    assert time.perf_counter() - started < 60, "not Ray's minutes of retries"
