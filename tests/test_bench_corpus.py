"""claims.bench: the article generator is deterministic, sized right and readable (no model needed)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from claims.bench import generate_articles, to_markdown, write_corpus
from claims.bench.harness import outside_embedding
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


def _table(md: str, first_header: str) -> list[dict[str, str]]:
    """The Markdown table whose header row starts with ``first_header``, as dicts by column name."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    names = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(dict(zip(names, (c.strip() for c in line.strip("|").split("|")))))
    return rows


def _fake_result(label: str = "10 articles", workers: int = 1) -> dict:
    cold = dict(import_s=5.0, wall_s=10.0, peak_rss_mb=900.0, n_docs=10, n_claims=500, n_candidate_pairs=1234,
                n_flags=17, report_html_mb=1.25, report_json_mb=0.8, model_load_s=0.6, torch_threads=2,
                workers=workers,
                stages={"read": 0.5, "load model": 0.6, "embed": 8.0, "score": 0.7, "report": 0.8})
    warm = dict(cold, wall_s=2.0, stages={"read": 0.4, "embed": 0.2, "score": 0.6, "report": 0.7})
    return {"label": label, "cold": cold, "warm": warm}


def test_markdown_table_from_fake_results():
    md = to_markdown([_fake_result()])
    (row,) = _table(md, "corpus")
    assert row["corpus"] == "10 articles"
    assert (row["docs"], row["claims"], row["candidate pairs"], row["flags"]) == ("10", "500", "1234", "17")
    assert float(row["run s (cold)"]) == 10.0 and float(row["run s (warm, cached)"]) == 2.0
    assert float(row["claims/s"]) == 50.0  # claims / cold run seconds
    assert float(row["warm/cold"]) == 0.2
    assert float(row["report MB (html)"]) == 1.25
    # everything but embed and load model (0.5 + 0.7 + 0.8 = 2.0 s) against embed (8 s), cold run
    assert row["outside embedding (cold)"] == "2.0 s = 25% of embed"
    (stages,) = _table(md, "corpus | read")
    assert list(stages)[1:] == ["read", "embed", "score", "report", "load model"]  # known order, then unknown
    assert stages["embed"] == "8.00 / 0.20"
    assert stages["load model"] == "0.60 / –"  # the warm run loads no model
    assert "fallback" not in md


def test_markdown_says_which_workers():
    assert "pipeline workers 3" in to_markdown([_fake_result(workers=3)])


def test_outside_embedding_without_stages():
    assert outside_embedding({}) == "–"
    assert outside_embedding({"stages": {"read": 1.0}}) == "–"  # no embed stage: no share


def test_command_line_generates_a_corpus(tmp_path):
    out = tmp_path / "c"
    proc = subprocess.run([sys.executable, "-m", "claims.bench", "--generate", str(out), "--sizes", "5"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.txt")) + list(out.glob("*.html"))) == 5
    assert (out / ".manifest.json").exists()
