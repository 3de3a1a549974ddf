"""The feed's --out folder: nothing written outside it, nothing of someone else's replaced,
one report per event, and the index and reports replaced as one set."""
from __future__ import annotations

import errno
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from feed_corpus import write_feed

import claims.atomic
from claims.errors import OutputError
from claims.feed import run_feed
from claims.feed.folder import MARKER, check_unique, earlier_ids
from claims.feed.grouping import EVENT_ID, event_id, fingerprint, group_events
from claims.types import Document

FERRY_AND_MATCH = {"ferry-gazette.md", "ferry-wire.md", "ferry-daily.md", "match.md"}
BUDGET = {"budget-herald.md", "budget-times.md"}


def files_under(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def earlier(embedder, tmp_path):
    """An inbox and an --out holding a complete earlier run over it (the ferry event and a singleton)."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_feed(inbox, FERRY_AND_MATCH)
    run_feed([inbox], out, embedder=embedder, use_cache=False).write()
    return inbox, out


def set_every_id(out: Path, value) -> None:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    for e in index["events"]:
        e["id"] = value
    (out / "index.json").write_text(json.dumps(index), encoding="utf-8")


@pytest.mark.parametrize("bad_id", ["VICTIM", "../victim", "javascript:alert(1)", 7, {"a": 1}, "e_\x00abc", "e" * 300,
                                    "E_0123456789", "e_0123456789\n"])
def test_event_ids_read_back_are_only_ids_the_feed_makes(embedder, earlier, tmp_path, bad_id):
    inbox, out = earlier
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "report.html").write_text("someone's own page", encoding="utf-8")
    set_every_id(out, str(victim) if bad_id == "VICTIM" else bad_id)
    warnings = []
    result = run_feed([inbox], out, embedder=embedder, use_cache=False, warn=warnings.append)
    result.write()

    assert [p.name for p in victim.iterdir()] == ["report.html"]
    assert (victim / "report.html").read_text(encoding="utf-8") == "someone's own page"
    assert all(EVENT_ID.fullmatch(e.event.id) for e in result.events)
    assert any("ignored 2 event ids this tool does not make" in w for w in warnings), warnings
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    ferry = next(e for e in index["events"] if not e["singleton"])
    assert (out / ferry["id"] / "report.html").is_file()
    html = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{ferry["id"]}/report.html"' in html
    assert 'href="javascript:' not in html


def test_an_index_link_is_built_from_a_valid_id_only():
    from claims.feed.index import render_index

    rows = [{"id": "javascript:alert(1)", "report": "javascript:alert(1)", "singleton": False, "headline": "A"},
            {"id": "e_0123456789", "report": "e_0123456789/report.html", "singleton": False, "headline": "B"}]
    html = render_index({"events": rows, "summary": {"n_events": 2, "n_articles": 4, "n_singletons": 0, "seconds": 1.0, "executor": "local"}})
    assert 'href="javascript:' not in html
    assert html.count("<a ") == 1 and '<a href="e_0123456789/report.html">B</a>' in html


def test_an_event_folder_that_is_a_symlink_out_of_the_folder_is_refused(embedder, earlier, tmp_path):
    inbox, out = earlier
    ferry = next(e for e in json.loads((out / "index.json").read_text(encoding="utf-8"))["events"]
                 if not e["singleton"])
    victim = tmp_path / "victim"
    victim.mkdir()
    for name in (out / ferry["id"]).iterdir():
        name.unlink()
    (out / ferry["id"]).rmdir()
    (out / ferry["id"]).symlink_to(victim)
    result = run_feed([inbox], out, embedder=embedder, use_cache=False)
    with pytest.raises(OutputError, match="leads outside"):
        result.write()
    assert list(victim.iterdir()) == []


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", f"a{i}.md", t, date="2025-03-0%d" % (i + 1)) for i, t in enumerate(texts)]


@pytest.mark.parametrize("first", [0, 1])
def test_two_events_never_share_an_id_whatever_the_earlier_index_says(first):
    docs = _docs("ferry one", "ferry two", "budget one", "budget two")
    vectors = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=np.float32)
    pairs = [docs[:2], docs[2:]]
    # every article had one id: the fresh id of one of the two events, so the other event,
    # finding that id taken, would fall back on it again
    taken = event_id(pairs[first])
    earlier = {fingerprint(d): taken for d in docs}
    events = group_events(docs, vectors, earlier=earlier)
    assert len(events) == 2
    assert len({e.id for e in events}) == 2
    assert all(EVENT_ID.fullmatch(e.id) for e in events)
    assert taken in {e.id for e in events}


def test_the_unique_id_check_refuses_a_repeated_id():
    with pytest.raises(OutputError, match="two events have the id e_0123456789"):
        check_unique(["e_0123456789", "e_9999999999", "e_0123456789"])


def test_earlier_ids_ignore_an_index_that_is_not_a_regular_file(tmp_path):
    import os

    os.mkfifo(tmp_path / "index.json")
    assert earlier_ids(tmp_path) == {}  # returns at once: a FIFO is never opened


@pytest.mark.parametrize("name", ["index.html", "index.json", "e_0123456789/report.html", "notes.txt"])
def test_a_folder_not_made_by_the_feed_is_refused_and_kept(embedder, tmp_path, name):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_feed(inbox, BUDGET)
    (out / name).parent.mkdir(parents=True)
    (out / name).write_text("my own file", encoding="utf-8")
    with pytest.raises(OutputError, match=r"holds files not made by `claims feed` \(no \.claims-feed file\)"):
        run_feed([inbox], out, embedder=embedder, use_cache=False)
    assert files_under(out) == {name: hashlib.sha1(b"my own file").hexdigest()}


def test_an_empty_folder_is_taken_and_marked(embedder, tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_feed(inbox, BUDGET)
    out.mkdir()
    run_feed([inbox], out, embedder=embedder, use_cache=False).write()
    assert (out / MARKER).is_file() and (out / "index.html").is_file()


def test_event_folders_no_longer_in_the_index_are_listed_as_stale(embedder, earlier):
    inbox, out = earlier
    old_ids = {e["id"] for e in json.loads((out / "index.json").read_text(encoding="utf-8"))["events"]
               if not e["singleton"]}
    for name in FERRY_AND_MATCH:
        (inbox / name).unlink()
    write_feed(inbox, BUDGET)
    warnings = []
    result = run_feed([inbox], out, embedder=embedder, use_cache=False, warn=warnings.append)
    result.write()
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["stale"] == sorted(old_ids)
    assert any(w.startswith("1 event folder in") and "not in this index" in w and w.endswith(sorted(old_ids)[0])
               for w in warnings), warnings
    assert sorted(old_ids)[0] in (out / "index.html").read_text(encoding="utf-8")
    assert all((out / i / "report.html").is_file() for i in old_ids), "stale folders are kept, not deleted"


@pytest.mark.parametrize("failure", ["disk full", "ctrl-c"])
def test_a_failure_while_writing_keeps_the_earlier_set_whole(embedder, earlier, monkeypatch, failure):
    inbox, out = earlier
    write_feed(inbox, BUDGET)  # the second run has a second event: a new folder and new index
    before = files_under(out)
    result = run_feed([inbox], out, embedder=embedder, use_cache=False)
    real, calls = claims.atomic._write_temp, []

    def failing(path, data):
        calls.append(path)
        if len(calls) == 4:  # the marker, one report pair, then the next report
            if failure == "ctrl-c":
                raise KeyboardInterrupt
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(claims.atomic, "_write_temp", failing)
    with pytest.raises(KeyboardInterrupt if failure == "ctrl-c" else OutputError):
        result.write()
    assert len(calls) == 4
    assert files_under(out) == before, "every old file as it was, no temporary file left"
    assert {p.name for p in out.iterdir() if p.is_dir()} == {Path(k).parts[0] for k in before if "/" in k}, \
        "no new empty event folder"


@pytest.mark.parametrize("locale", [None, "C"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_the_index_written(tmp_path, locale):
    import os
    import subprocess
    import sys

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_feed(inbox, FERRY_AND_MATCH)
    text = (inbox / "ferry-wire.md").read_bytes().replace(b"Rescuers searched", b"Rescue teams searched")
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9-ferry.md"), "wb") as f:
        f.write(text)
    env = {**os.environ, **({"LC_ALL": locale} if locale else {})}
    done = subprocess.run([sys.executable, "-m", "claims.cli", "feed", str(inbox), "--out", str(out), "--model", "fast",
                           "-q"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    paths = [a["path"] for e in index["events"] for a in e["articles"]]
    assert str(inbox / "caf<0xE9>-ferry.md") in paths
    (out / "index.html").read_text(encoding="utf-8")  # written, and UTF-8 throughout


def test_a_feed_over_the_announced_limit_is_refused_before_any_grouping(tmp_path, monkeypatch):
    import claims.embed
    from claims.errors import InputError
    from claims.settings import Settings

    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Report {i} says {i} people came to town."}) + "\n"
                            for i in range(6)), encoding="utf-8")
    settings = Settings()
    settings.limits.feed_articles = 5
    monkeypatch.setattr(claims.embed, "load_embedder", lambda *a, **k: pytest.fail("the model was loaded"))
    with pytest.raises(InputError, match=r"^a feed of 6 articles is over settings.limits.feed_articles \(5\): "):
        run_feed([feed], tmp_path / "out", model="fast", settings=settings)
    assert not (tmp_path / "out").exists()
    assert "feed_articles" in Settings().explain()["limits"]
    assert "5,000 took 1 GB" in Settings().explain()["limits"]["feed_articles"]["why"]
