"""claims.bench: the article generator is deterministic, sized right and readable (no model needed)."""
from __future__ import annotations

import json
import re

import pytest

from claims.bench import generate_articles, to_markdown, write_corpus
from claims.read import read_documents


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?][\u201d\"]?(?=\s|$)", text))


def test_deterministic_for_a_seed():
    a = generate_articles(20, seed=7)
    b = generate_articles(20, seed=7)
    c = generate_articles(20, seed=8)
    assert [x.text for x in a] == [x.text for x in b]
    assert [x.filename for x in a] == [x.filename for x in b]
    assert [x.text for x in a] != [x.text for x in c]


@pytest.mark.parametrize("n", [1, 10, 57])
def test_sizes_and_sentence_counts(n):
    arts = generate_articles(n, seed=1)
    assert len(arts) == n
    assert len({a.filename for a in arts}) == n
    assert len({a.text for a in arts}) == n
    for a in arts:
        assert 40 <= a.sentences <= 70, (a.filename, a.sentences)
        if a.filename.endswith(".txt"):
            # the headline has no period; everything else is sentences
            assert 40 <= _sentences(a.text) <= 72, (a.filename, _sentences(a.text))


def test_corpus_has_events_discrepancies_and_repeats():
    arts = generate_articles(300, seed=3)
    assert len({a.event for a in arts}) == 3  # one event per hundred articles
    kinds = {d["kind"] for a in arts for d in a.discrepancies}
    assert kinds == {"numeric", "role", "date", "negation", "entity_name"}
    clean = sum(1 for a in arts if not a.discrepancies)
    assert 0.1 * len(arts) < clean < 0.9 * len(arts)
    # the wire paragraph is repeated verbatim across outlets covering one event
    by_event: dict[int, list[str]] = {}
    for a in arts:
        by_event.setdefault(a.event, []).append(a.text)
    texts = by_event[0]
    para = "interior ministry, "
    assert sum(para in t for t in texts) >= 2
    # titled officials, dates and figures appear in the prose
    sample = arts[0].text
    assert re.search(r"(Minister|President|governor) [A-Z][a-z]+ [A-Z][a-z]+", sample)
    assert re.search(r"\b\d{1,3}(,\d{3})*\b", sample)
    assert re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December) \d", sample)


def test_written_corpus_is_readable(tmp_path):
    paths = write_corpus(tmp_path / "c", 30, seed=2)
    assert len(paths) == 30
    assert any(p.suffix == ".html" for p in paths) and any(p.suffix == ".txt" for p in paths)
    warnings: list[str] = []
    docs = read_documents([tmp_path / "c"], warn=warnings.append)
    assert warnings == []
    assert len(docs) == 30  # the hidden manifest is not an article
    manifest = json.loads((tmp_path / "c" / ".manifest.json").read_text(encoding="utf-8"))
    assert [a["filename"] for a in manifest["articles"]] == [p.name for p in paths]
    for d in docs:
        assert d.title and "\n" not in d.title
        assert d.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.date)
        if d.path.endswith(".html"):
            assert "Do not read me" not in d.text and "Most read" not in d.text and "Share this" not in d.text
            assert d.text.startswith(d.title)


def test_markdown_table_from_fake_results():
    run = dict(mode="pipeline", import_s=5.0, wall_s=10.0, peak_rss_mb=900.0, n_docs=10, n_claims=500,
               n_candidate_pairs=1234, model_load_s=0.6, torch_threads=2,
               stages={"read": 0.1, "embed": 8.0})
    warm = dict(run, wall_s=2.0, stages={"read": 0.1, "embed": 0.2})
    md = to_markdown([{"label": "10 articles", "cold": run, "warm": warm}])
    assert "| 10 articles | 10 | 500 | 1234 | 5.00 | 0.60 | 10.00 | 50.0 | 900 | 2.00 | 0.20 |" in md
    assert "| read | embed |" in md and "8.00 / 0.20" in md
