"""Event grouping of a mixed feed: rules on fixed inputs, then the real model on invented news."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from feed_corpus import ARTICLES, write_feed

from claims.feed import run_feed
from claims.feed.grouping import GroupingSettings, distances, event_id, fingerprint, names_in
from claims.types import Document


def _doc(i: int, date: str | None, text: str = "no names here.") -> Document:
    return Document(f"d{i}", f"a{i}.md", text, date=date)


def test_names_are_capitalised_words_not_sentence_starters_or_calendar_words():
    found = names_in("The mayor, Dora Kellen, met Abel Pryce in Eastvale on Monday. After that, They left.")
    assert {"dora", "kellen", "abel", "pryce", "eastvale"} <= found
    assert not {"the", "monday", "after", "they"} & found


def test_dates_within_the_window_cost_nothing_and_far_dates_cost_up_to_the_cap():
    s = GroupingSettings()
    docs = [_doc(0, "2025-03-04"), _doc(1, "2025-03-06"), _doc(2, "2026-03-04"), _doc(3, None)]
    same = np.ones((4, 4), np.float32)  # identical texts: cosine distance 0
    d = distances(docs, same / np.linalg.norm(same, axis=1, keepdims=True), s)
    assert d[0, 1] == pytest.approx(0.0, abs=1e-6)
    assert d[0, 2] == pytest.approx(s.date_cap, abs=1e-6), "a year apart: the most the date term adds"
    assert d[0, 3] == pytest.approx(0.0, abs=1e-6), "an unknown date costs nothing"


def test_an_event_id_is_kept_by_an_earlier_run_and_otherwise_made_from_the_oldest_article():
    a, b, c = _doc(0, "2025-03-04", "first"), _doc(1, "2025-03-05", "second"), _doc(2, "2025-03-06", "third")
    fresh = event_id([a, b])
    assert event_id([b, a]) == fresh, "not the order of the run"
    assert event_id([a, b, c]) == fresh, "a newer article keeps the id"
    earlier = {fingerprint(a): "e_0123456789", fingerprint(b): "e_0123456789"}
    assert event_id([a, b, c], earlier) == "e_0123456789"


@pytest.fixture(scope="module")
def mixed_feed(embedder, tmp_path_factory):
    folder = tmp_path_factory.mktemp("feed") / "inbox"
    truth = write_feed(folder)
    out = folder.parent / "out"
    result = run_feed([folder], out, embedder=embedder, use_cache=False)
    result.write()
    return truth, result, out


def _groups(result) -> set[frozenset[str]]:
    return {frozenset(Path(d.path).name for d in e.event.documents) for e in result.events}


def test_three_invented_events_and_two_singletons_are_grouped_exactly(mixed_feed):
    truth, result, _ = mixed_feed
    expected = {frozenset(n for n, ev in truth.items() if ev == event) for event in ("ferry", "budget", "fire")}
    expected |= {frozenset([n]) for n, ev in truth.items() if ev is None}
    assert _groups(result) == expected
    assert sorted(len(e.event.documents) for e in result.compared) == [2, 3, 3]
    assert all(e.report is None for e in result.events if e.event.singleton), "single articles are not compared"


def test_each_event_is_compared_on_its_own_and_listed_in_the_index(mixed_feed):
    _, result, out = mixed_feed
    import json

    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["summary"] == {**index["summary"], "n_articles": len(ARTICLES), "n_events": 3, "n_singletons": 2}
    html = (out / "index.html").read_text(encoding="utf-8")
    for e in result.compared:
        report = json.loads((out / e.event.id / "report.json").read_text(encoding="utf-8"))
        docs = {Path(d["path"]).name for d in report["documents"]}
        assert docs == {Path(d.path).name for d in e.event.documents}, "no article of another event"
        assert f'href="{e.event.id}/report.html"' in html
    ferry = next(e for e in index["events"] if any("ferry" in a["path"] for a in e["articles"]))
    assert ferry["n_findings"] >= 1 and ferry["top_finding"], "41 vs 40 rescued is a finding"
    assert ferry["outlets"] == ["Harbour Gazette", "Lakeside Wire", "National Daily"]
    assert (ferry["first_date"], ferry["last_date"]) == ("2025-03-04", "2025-03-05")
    for name in ("match.md", "museum.md"):
        assert name in html


def test_an_added_article_keeps_every_event_id(embedder, tmp_path):
    folder, out = tmp_path / "inbox", tmp_path / "out"
    write_feed(folder, {n for n, *_ in ARTICLES} - {"fire-weekly.md", "budget-times.md"})
    first = run_feed([folder], out, embedder=embedder, use_cache=False)
    first.write()
    ids = {frozenset(Path(d.path).name for d in e.event.documents): e.event.id for e in first.events}
    write_feed(folder, {"fire-weekly.md", "budget-times.md"})  # two more articles arrive
    second = run_feed([folder], out, embedder=embedder, use_cache=False)
    for e in second.events:
        names = frozenset(Path(d.path).name for d in e.event.documents)
        before = [i for group, i in ids.items() if group <= names]
        if before:
            assert e.event.id == before[0], names
    fire = next(e for e in second.events if any("fire-weekly" in d.path for d in e.event.documents))
    assert fire.event.id == ids[frozenset({"fire-post.md", "fire-radio.md"})]


def test_an_output_folder_inside_the_feed_is_refused(embedder, tmp_path):
    from claims.errors import OutputError

    folder = tmp_path / "inbox"
    write_feed(folder, {"match.md", "museum.md"})
    with pytest.raises(OutputError):
        run_feed([folder], folder / "reports", embedder=embedder, use_cache=False)


def test_nothing_imports_ray_without_the_ray_option():
    import subprocess
    import sys

    code = "import sys, claims.cli, claims.feed, claims.feed.grouping; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr


def test_two_centred_vectors_are_opposite_so_a_small_feed_takes_out_the_common_words_instead():
    from claims.feed.grouping import comparable_vectors

    s = GroupingSettings(center_vectors=True)
    two = np.array([[0.9, 0.3, 0.1], [0.9, 0.1, 0.3]], dtype=np.float32)
    centred = comparable_vectors(two, s)
    assert centred[0] @ centred[1] == pytest.approx(-1.0, abs=1e-6), "why centring cannot group two articles"
    generic = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    kept = comparable_vectors(two, s, generic)
    # the first coordinate taken out: (0.3, 0.1) and (0.1, 0.3) remain, cosine 0.06 / 0.1
    assert kept[0] @ kept[1] == pytest.approx(0.6, abs=1e-6)
    big = np.repeat(two, 8, axis=0)  # 16 articles: at least center_min_articles, centred on their own mean
    assert np.allclose(comparable_vectors(big, s, generic), comparable_vectors(big, s))


def test_the_fast_model_groups_the_four_seeds_into_one_event_and_says_why(tmp_path):
    from conftest import SEEDS

    warnings = []
    result = run_feed([SEEDS], tmp_path / "out", model="fast", use_cache=False, warn=warnings.append)
    assert [len(e.event.documents) for e in result.compared] == [4]
    assert result.compared[0].report.findings, "the seeds disagree (8 findings with the default model)"
    assert any(w.startswith("a feed of 4 articles is too small to centre on its own mean "
                            "(settings.events.center_min_articles = 15)") for w in warnings), warnings
